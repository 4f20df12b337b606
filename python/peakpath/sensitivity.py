"""Variance-based sensitivity of a model output to uncertain levers (C7).

``sensitivity(scenario, uncertain, indicator, year)`` evaluates the scenario on a Saltelli
design (peakpath.analysis.sobol_indices: Saltelli 2010 first-order and Jansen total estimators,
bootstrap intervals) with the lever addresses of peakpath.ensemble, in C++ batches with the
GIL released.
"""
from __future__ import annotations

from typing import Mapping

import numpy as np

from . import _core
from .analysis import Distribution, SobolResult, sobol_indices
from .lever_address import LeverPlan, parse_address
from .peak import peak
from .results import INDICATOR_NAMES
from .scenario import Scenario

__all__ = ["sensitivity"]


def sensitivity(
    scenario: Scenario,
    uncertain: Mapping[str, Distribution],
    indicator: str,
    year: int | str,
    n: int = 512,
    seed: int = 0,
    threads: int = 2,
    n_bootstrap: int = 500,
) -> SobolResult:
    """Sobol first-order and total indices of ``indicator`` in ``year`` (or ``year="peak"``
    for the peak year, ``"peak_value"`` for the peak value) with respect to ``uncertain``
    (lever address -> Distribution; docs/ensembles.md). The model runs n x (d + 2) times."""
    if not isinstance(scenario, Scenario):
        raise ValueError(f"sensitivity: scenario = {scenario!r}: expected a Scenario")
    if indicator not in INDICATOR_NAMES:
        raise ValueError(
            f"sensitivity: indicator = {indicator!r}: unknown "
            f"(known: {', '.join(INDICATOR_NAMES)})"
        )
    if not uncertain:
        raise ValueError("sensitivity: uncertain is empty")
    if (
        year not in ("peak", "peak_value")
        and not scenario.base_year <= int(year) <= scenario.horizon
    ):
        raise ValueError(
            f"sensitivity: year = {year!r}: outside {scenario.base_year}-"
            f"{scenario.horizon} (or use 'peak' / 'peak_value')"
        )
    where = "sensitivity: uncertain address"
    plan = LeverPlan(scenario, [parse_address(text, where) for text in uncertain], where)
    column = INDICATOR_NAMES.index(indicator)
    years = np.arange(scenario.base_year, scenario.horizon + 1)

    def output(x: np.ndarray) -> np.ndarray:
        cores = [scenario._core.with_levers(plan.levers(row)) for row in x]
        out = []
        for result in _core.run_batch(cores, threads):
            series = np.asarray(result.indicator_values)[:, column]
            if year == "peak":
                out.append(peak(years, series).year)
            elif year == "peak_value":
                out.append(peak(years, series).value)
            else:
                out.append(series[int(year) - scenario.base_year])
        return np.asarray(out, dtype=float)

    return sobol_indices(output, dict(uncertain), n=n, seed=seed, n_bootstrap=n_bootstrap)
