"""Peak diagnostics of a trajectory: peak year and value, plateau, decline after the peak,
rebound, and whether the series has peaked by the horizon (docs/analysis.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

import numpy as np

from . import _core

__all__ = ["Peak", "peak"]

Year = Union[int, float]


@dataclass(frozen=True)
class Peak:
    """Peak diagnostics.

    ``status`` is ``"peaked"`` (the maximum lies inside the window and the series falls below its
    tolerance band after it), ``"at_start"`` (the band reaches back to the first year: the
    series falls from the start, so the peak may lie before the window and is no evidence of
    peaking), ``"not_peaked"`` (the series has not fallen below the band by the last year) or
    ``"never_peaks"`` (flat: every value lies in the band). ``decline_rate_after`` is the mean
    annual decline after the peak as a fraction of the peak. ``rebound`` is True when the series
    fell out of the band of an earlier maximum and later rose above it; ``rebound_year`` is the
    first year above it.
    """

    year: Year
    value: float
    plateau_start: Year
    plateau_end: Year
    decline_rate_after: float
    rebound: bool
    rebound_year: Optional[Year]
    status: str

    @property
    def peaked(self) -> bool:
        """True when the series has a peak followed by a decline beyond the tolerance."""
        return self.status == "peaked"


def peak(years, values=None, tolerance: float = 0.01, *, indicator: str = "co2_total_mt") -> Peak:
    """Peak diagnostics of ``values`` over strictly increasing ``years``, or of one indicator
    of a Results object: ``peak(res, indicator="co2_total_mt")``.

    ``tolerance`` is the relative width of the band below the maximum that counts as the
    plateau. Integer years come back as ints.
    """
    if values is None:
        if not hasattr(years, "indicator"):
            raise ValueError("peak: give (years, values) or a Results object")
        years, values = years.years, years.indicator(indicator)
    y = np.asarray(years, dtype=float)
    p = _core.targets.peak(y, np.asarray(values, dtype=float), tolerance)
    integral = bool(np.all(np.mod(y, 1.0) == 0.0))

    def year(v):
        return None if v is None else (int(v) if integral else float(v))

    return Peak(
        year(p.year),
        p.value,
        year(p.plateau_start),
        year(p.plateau_end),
        p.decline_rate_after,
        p.rebound,
        year(p.rebound_year),
        p.status,
    )
