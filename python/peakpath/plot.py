"""Plots rendered with matplotlib (Agg: no display needed)."""
from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .io_utils import atomic_path  # noqa: E402

__all__ = ["plot_emissions_by_sector", "plot_trajectory", "plot_waterfall", "save_png"]


def save_png(fig, path: str) -> str:
    """Write ``fig`` to ``path`` as PNG atomically (temporary file, then rename) and close it."""
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png")
    plt.close(fig)
    return os.fspath(path)


def plot_emissions_by_sector(results, path: str, top: int = 8) -> str:
    """Stacked area of CO2 by sector (the ``top`` largest, the rest as 'other'); writes a PNG."""
    table = results.emissions(by=("sector",)).pivot(index="year", columns="sector", values="co2_mt")
    order = table.mean().sort_values(ascending=False).index
    shown = list(order[:top])
    data = table[shown].copy()
    if len(order) > top:
        data["other"] = table[list(order[top:])].sum(axis=1)
    fig, ax = plt.subplots(figsize=(9, 5), dpi=110)
    positive = data.clip(lower=0)
    ax.stackplot(data.index, positive.T.to_numpy(), labels=list(data.columns), alpha=0.85)
    ax.plot(table.index, table.sum(axis=1), color="black", lw=1.5, label="total")
    ax.set_xlabel("year")
    ax.set_ylabel("CO$_2$ (Mt)")
    ax.set_title(f"{results.scenario}: CO$_2$ emissions by sector ({results.region})")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return save_png(fig, path)


def plot_waterfall(decomposition, path: str) -> str:
    """Waterfall of a Decomposition: the start total, one bar per effect, the end total (PNG)."""
    if decomposition.kind != "additive":
        raise ValueError("plot_waterfall: only an additive decomposition adds up to a waterfall")
    unit = "Mt CO$_2$" if decomposition.quantity == "co2" else "Mtce"
    effects = decomposition.effects
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    level = decomposition.v0
    ax.bar(0, level, color="0.55")
    for i, (name, value) in enumerate(effects.items(), start=1):
        ax.bar(i, value, bottom=level, color="tab:red" if value > 0 else "tab:green")
        ax.text(i, level + max(value, 0), f"{value:+.1f}", ha="center", va="bottom", fontsize=8)
        level += value
    ax.bar(len(effects) + 1, level, color="0.35")
    ax.set_xticks(range(len(effects) + 2))
    ax.set_xticklabels([decomposition.label0, *effects.index, decomposition.labelT],
                       rotation=20, fontsize=8)
    ax.set_ylabel(unit)
    ax.margins(y=0.1)
    ax.set_title(f"LMDI decomposition: {decomposition.label0} → {decomposition.labelT}")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return save_png(fig, path)



def _required_level(results, indicator, outcome):
    """The level a target allows in its year, in the indicator's units."""
    if outcome.kind != "intensity_reduction":
        return outcome.required
    # achieved = 1 - I(year) / base, so base = I(year) / (1 - achieved).
    value = results.indicator(indicator)[list(results.years).index(outcome.year)]
    return (1.0 - outcome.required) * value / (1.0 - outcome.achieved)


def _target_band(ax, target, level, color):
    """Shade the failing side of one target."""
    year = target.year
    if target.kind == "peak_by":
        ax.axvline(year, color=color, ls="--", lw=1)
        ax.axvspan(year, ax.get_xlim()[1], color=color, alpha=0.06)
        ax.annotate(f"peak by {year}", (year, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(3, -12), textcoords="offset points", fontsize=8, color=color)
    elif target.kind == "stable_decline":
        ax.axvspan(target.window_start, year, color=color, alpha=0.08)
        ax.annotate(f"stable and declining {target.window_start}-{year}",
                    (target.window_start, 0.0), xycoords=("data", "axes fraction"),
                    xytext=(3, 4), textcoords="offset points", fontsize=8, color=color)
    else:
        above_fails = target.kind in ("cap", "intensity_reduction")
        lo, hi = ax.get_ylim()
        ax.fill_between([year - 0.6, year + 0.6], level, hi if above_fails else lo,
                        color=color, alpha=0.18, lw=0)
        ax.hlines(level, year - 0.9, year + 0.9, color=color, lw=2)
        ax.annotate(target.id, (year, level), xytext=(4, 3 if above_fails else -10),
                    textcoords="offset points", fontsize=7, color=color)
        ax.set_ylim(lo, hi)


def plot_trajectory(results, path: str, indicator: str = "co2_total_mt", targets=None,
                    tolerance: float = 0.01) -> str:
    """Trajectories of ``indicator`` (one line per run, ``results`` one run or a list) with
    each run's peak marked (``peakpath.peak`` at ``tolerance``) and, when a target set is
    given, its targets on that indicator drawn as bands on the failing side; writes a PNG."""
    from . import _core
    from .peak import peak

    runs = list(results) if isinstance(results, (list, tuple)) else [results]
    fig, ax = plt.subplots(figsize=(9, 5), dpi=110)
    for r in runs:
        values = r.indicator(indicator)
        line, = ax.plot(r.years, values, lw=1.8, label=r.scenario)
        p = peak(r.years, values, tolerance)
        ax.plot([p.year], [p.value], marker="o", color=line.get_color(), ms=7)
        label = f"peak {p.year}" if p.status == "peaked" else p.status.replace("_", " ")
        ax.annotate(label, (p.year, p.value), xytext=(4, 6), textcoords="offset points",
                    fontsize=8, color=line.get_color())
    ax.set_xlabel("year")
    ax.set_ylabel(indicator)
    ax.grid(alpha=0.3)
    ax.margins(x=0.02, y=0.12)
    for target in (targets or []):
        if target.indicator != indicator:
            continue
        outcome = _core.targets.evaluate_target(runs[0]._core, target)
        _target_band(ax, target, _required_level(runs[0], indicator, outcome), "tab:red")
    ax.set_title(f"{indicator} ({runs[0].region})")
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    return save_png(fig, path)
