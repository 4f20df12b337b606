"""Results as tidy (long-form) pandas tables."""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["tidy"]


def tidy(table, value_name: str, scale: float = 1.0) -> pd.DataFrame:
    """A tidy frame from a C++ ``Table`` (``Results.emissions`` / ``energy``): its key columns,
    ``year`` and ``value_name`` (the values times ``scale``), rows sorted by the keys and year.

    The grouping itself (which sector, group and fuel each value belongs to, and the
    pseudo-fuels) is done once, in C++ (``peakpath::Results::emissions``).
    """
    keys = {
        name: np.asarray(labels, dtype=object)[codes]
        for name, (labels, codes) in table.columns.items()
    }
    return pd.DataFrame(
        {**keys, "year": table.years.astype(np.int64), value_name: table.values * scale}
    )
