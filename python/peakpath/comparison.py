"""Several scenario runs side by side: one table, one plot (docs/scenarios.md)."""
from __future__ import annotations

from typing import Iterable, Sequence

import pandas as pd

from .results import INDICATOR_NAMES, Results

__all__ = [
    "compare",
    "compare_targets",
    "plot_comparison",
    "unique_names",
    "COMPARE_INDICATORS",
    "COMPARE_YEARS",
]

COMPARE_INDICATORS = (
    "co2_total_mt",
    "energy_total_mtce",
    "coal_consumption_mt",
    "non_fossil_share",
    "carbon_intensity_t_per_10k_cny",
    "energy_intensity_tce_per_10k_cny",
)
COMPARE_YEARS = (2020, 2025, 2027, 2030, 2035, 2060)


def unique_names(
    names: Iterable[str], what: str, hint: str = "rename one with .renamed(name)"
) -> None:
    """ValueError naming the first name given twice: runs are told apart by scenario name, so
    a second run of a name would silently replace the first in a table or a file."""
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in seen:
            raise ValueError(
                f"{what}: scenario name {name!r} is given twice (positions "
                f"{seen[name]} and {index}); {hint}"
            )
        seen[name] = index


def _check(results: Sequence[Results]) -> list:
    runs = list(results)
    if not runs:
        raise ValueError("compare: no results given")
    for r in runs:
        if not isinstance(r, Results):
            raise TypeError(f"compare: expected Results, got {type(r).__name__}")
    unique_names((r.scenario for r in runs), "compare")
    return runs


def compare(
    results: Iterable[Results],
    indicators: Sequence[str] = COMPARE_INDICATORS,
    years: Sequence[int] = COMPARE_YEARS,
) -> pd.DataFrame:
    """One row per (indicator, year), one column per scenario; years outside a run are NaN.
    Scenario names must be unique (ValueError naming the duplicate)."""
    runs = _check(results)
    unknown = [i for i in indicators if i not in INDICATOR_NAMES]
    if unknown:
        raise ValueError(
            f"compare: unknown indicators {unknown} (known: {', '.join(INDICATOR_NAMES)})"
        )
    columns = {}
    for r in runs:
        table = r.indicators().reindex(list(years))
        columns[r.scenario] = pd.Series({(i, y): table.at[y, i] for i in indicators for y in years})
    frame = pd.DataFrame(columns)
    frame.index = pd.MultiIndex.from_tuples(frame.index, names=["indicator", "year"])
    frame.columns.name = "scenario"
    return frame


def compare_targets(reports) -> pd.DataFrame:
    """Target margins side by side: one row per target, for each scenario its margin and
    pass/fail (columns ``(scenario, "margin")`` and ``(scenario, "passed")``)."""
    reports = list(reports)
    unique_names((rep.scenario for rep in reports), "compare_targets")
    frames = {rep.scenario: rep.to_frame()[["margin", "passed"]] for rep in reports}
    if not frames:
        raise ValueError("compare_targets: no reports given")
    first = next(iter(reports)).to_frame()
    frame = pd.concat(frames, axis=1)
    frame.insert(0, "unit", first["unit"])
    frame.insert(0, "year", first["year"])
    return frame


def plot_comparison(
    results: Iterable[Results],
    path,
    indicators: Sequence[str] = (
        "co2_total_mt",
        "energy_total_mtce",
        "non_fossil_share",
        "carbon_intensity_t_per_10k_cny",
    ),
) -> str:
    """One panel per indicator, one line per scenario; writes a PNG."""
    import matplotlib.pyplot as plt

    from .plot import save_png

    runs = _check(results)
    cols = 2
    rows = (len(indicators) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(11, 3.6 * rows), dpi=110, squeeze=False)
    for ax, name in zip(axes.flat, indicators):
        for r in runs:
            ax.plot(r.years, r.indicator(name), lw=1.6, label=r.scenario)
        ax.set_title(name, fontsize=10)
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(indicators) :]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=8)
    fig.suptitle(f"Scenario comparison ({runs[0].region})")
    fig.tight_layout()
    return save_png(fig, path)
