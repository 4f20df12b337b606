"""Figures for analysts (docs/gallery.md).

Every function takes data (a Results or a list of them, an EnsembleResult, a sensitivity or
decomposition result, a Register) and an optional matplotlib ``ax=``; it draws onto that axes
(or a new figure) and returns the ``Figure``. Importing this module never changes matplotlib's
backend: notebooks show the figures inline; scripts without a display set ``MPLBACKEND=Agg``.
In a notebook a returned figure shows once per cell when assigned (``fig = ppl.fan(...)``).

The old ``plot_*`` names remain as thin aliases that also write a PNG when given a path.
"""
from __future__ import annotations

import difflib
import os
from typing import Mapping, Optional, Sequence

import numpy as np

from .io_utils import atomic_path

__all__ = [
    "trajectories",
    "wedges",
    "fan",
    "peak_years",
    "tornado",
    "waterfall",
    "sankey",
    "generation_mix",
    "ledger",
    "emissions_by_sector",
    "indicator_label",
    "save_png",
    "plot_emissions_by_sector",
    "plot_trajectory",
    "plot_waterfall",
]

# Readable name and unit of each indicator (INDICATOR_NAMES; units in docs/model.md). Shares
# are stored as fractions and drawn in per cent.
_INDICATORS = {
    "gdp_100m_cny": ("GDP", "10⁸ CNY₂₀₂₀/yr"),
    "energy_total_mtce": ("Primary energy consumption", "Mtce/yr"),
    "energy_total_calorific_mtce": ("Primary energy (calorific method)", "Mtce/yr"),
    "coal_consumption_mt": ("Coal consumption", "Mt/yr"),
    "non_fossil_share": ("Non-fossil share of primary energy", "%"),
    "co2_total_mt": ("CO₂ emissions", "Mt/yr"),
    "co2_energy_mt": ("CO₂ from energy use", "Mt/yr"),
    "co2_process_mt": ("CO₂ from industrial processes", "Mt/yr"),
    "co2_power_heat_mt": ("CO₂ from power and heat", "Mt/yr"),
    "co2_two_high_mt": ("CO₂ of the two-high industries", "Mt/yr"),
    "energy_intensity_tce_per_10k_cny": ("Energy intensity of GDP", "tce/10⁴ CNY₂₀₂₀"),
    "carbon_intensity_t_per_10k_cny": ("Carbon intensity of GDP", "t CO₂/10⁴ CNY₂₀₂₀"),
    "coal_share": ("Coal share of primary energy", "%"),
    "non_fossil_share_calorific": ("Non-fossil share (calorific method)", "%"),
    "co2_captured_mt": ("CO₂ captured (CCUS)", "Mt/yr"),
    "electricity_consumption_twh": ("Electricity consumption", "TWh/yr"),
    "electricity_total_consumption_twh": ("Total electricity consumption", "TWh/yr"),
    "electricity_import_twh": ("Electricity imports", "TWh/yr"),
    "electricity_non_fossil_twh": ("Non-fossil generation", "TWh/yr"),
    "electricity_thermal_twh": ("Thermal generation", "TWh/yr"),
    "electricity_curtailed_twh": ("Curtailed electricity", "TWh/yr"),
    "so2_kt": ("SO₂ emissions", "kt/yr"),
    "nox_kt": ("NOx emissions", "kt/yr"),
    "pm_kt": ("PM emissions", "kt/yr"),
    "thermal_heat_rate_gce_per_kwh": ("Thermal heat rate", "gce/kWh"),
}
# Unit of an indicator this table does not know yet, from its name's suffix.
_SUFFIX_UNITS = (
    ("_mtce", "Mtce/yr"),
    ("_mt", "Mt/yr"),
    ("_kt", "kt/yr"),
    ("_twh", "TWh/yr"),
    ("_gw", "GW"),
    ("_share", "%"),
    ("_cny", "CNY"),
)
_FACTORS = {
    "activity": "Activity (GDP)",
    "structure": "Economic structure",
    "intensity": "Energy intensity",
    "fuel_mix": "Fuel mix",
    "emission_factor": "Emission factors",
    "ccus": "CCUS",
}
_DIMENSIONS = {
    "capacity": ("Capacity", 1.0, "capacity units"),
    "coal_t": ("Coal", 1e-6, "Mt/yr"),
    "energy_tce": ("Energy", 1e-6, "Mtce/yr"),
    "co2_t": ("CO₂", 1e-6, "Mt/yr"),
    "so2_t": ("SO₂", 1e-3, "kt/yr"),
    "nox_t": ("NOx", 1e-3, "kt/yr"),
    "pm_t": ("PM", 1e-3, "kt/yr"),
}
_NEW_STATUSES = ("proposed", "under_construction")


def _plt():
    import matplotlib.pyplot as plt

    return plt


def save_png(fig, path: str) -> str:
    """Write ``fig`` to ``path`` as PNG atomically (temporary file, then rename) and close it."""
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", bbox_inches="tight")
    _plt().close(fig)
    return os.fspath(path)


# --- helpers ----------------------------------------------------------------------------------


def _unknown(what: str, name, known: Sequence[str]) -> ValueError:
    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return ValueError(f"unknown {what} {name!r}{hint} (known: {', '.join(map(str, known))})")


def _check_indicator(name: str, known: Sequence[str]) -> str:
    if name not in known:
        raise _unknown("indicator", name, known)
    return name


def _known_indicators() -> list:
    from .results import INDICATOR_NAMES

    return list(INDICATOR_NAMES)


def _is_share(indicator: str) -> bool:
    return _INDICATORS.get(indicator, ("", ""))[1] == "%" or indicator.endswith("_share")


def indicator_label(indicator: str) -> tuple:
    """The readable name and unit of an indicator: ``("CO₂ emissions", "Mt/yr")``."""
    if indicator in _INDICATORS:
        return _INDICATORS[indicator]
    unit = next((u for suffix, u in _SUFFIX_UNITS if indicator.endswith(suffix)), "1")
    return indicator.replace("_", " ").capitalize(), unit


def _axis_label(indicator: str) -> str:
    name, unit = indicator_label(indicator)
    return f"{name} ({unit})"


def _scaled(indicator: str, values):
    """Values as drawn: shares in per cent."""
    values = np.asarray(values, dtype=float)
    return values * 100.0 if _is_share(indicator) else values


def _axes(ax, figsize=(8, 4.8)):
    """The given axes, its figure and False; or a new figure, its axes and True (ours)."""
    if ax is not None:
        return ax.figure, ax, False
    fig, ax = _plt().subplots(figsize=figsize)
    return fig, ax, True


def _finish(fig, own: bool):
    # Only a figure made here is ours to lay out; a caller's figure keeps its own layout.
    if own:
        fig.tight_layout()
    return fig


def _year_axis(ax) -> None:
    """Label the x axis as years, ticks on whole years."""
    from matplotlib.ticker import MaxNLocator

    ax.set_xlabel("Year")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _runs(results) -> list:
    runs = list(results) if isinstance(results, (list, tuple)) else [results]
    if not runs:
        raise ValueError("no results given")
    return runs


def _colors(n: int):
    cmap = _plt().get_cmap("tab20" if n > 10 else "tab10")
    return [cmap(i % cmap.N) for i in range(n)]


# --- trajectories -----------------------------------------------------------------------------


def _target_list(targets):
    """Target objects from None, a set name or path, a Targets, a TargetReport or a list."""
    from .targets import TargetReport, Targets

    if targets is None:
        return []
    if isinstance(targets, (str, os.PathLike)):
        targets = Targets.load(os.fspath(targets))
    if isinstance(targets, TargetReport):  # its outcomes lack the windows: reload the set
        targets = Targets.load(targets.target_set)
    if isinstance(targets, Targets):
        return targets.targets
    return list(targets)


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
        ax.annotate(
            f"peak by {year}",
            (year, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -12),
            textcoords="offset points",
            fontsize=8,
            color=color,
        )
    elif target.kind == "stable_decline":
        ax.axvspan(target.window_start, year, color=color, alpha=0.08)
        ax.annotate(
            f"stable and declining {target.window_start}-{year}",
            (target.window_start, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 4),
            textcoords="offset points",
            fontsize=8,
            color=color,
        )
    else:
        above_fails = target.kind in ("cap", "intensity_reduction")
        lo, hi = ax.get_ylim()
        ax.fill_between(
            [year - 0.6, year + 0.6],
            level,
            hi if above_fails else lo,
            color=color,
            alpha=0.18,
            lw=0,
        )
        ax.hlines(level, year - 0.9, year + 0.9, color=color, lw=2)
        ax.annotate(
            target.id,
            (year, level),
            xytext=(4, 3 if above_fails else -10),
            textcoords="offset points",
            fontsize=7,
            color=color,
        )
        ax.set_ylim(lo, hi)


def _peak_label_offsets(points, span_x, span_y):
    """Vertical label offsets (points) so that labels of nearby peaks do not overlap: a peak
    within 4 % of the x range and 8 % of the y range of an earlier one moves one line up."""
    offsets = []
    for i, (x, y) in enumerate(points):
        k = sum(
            1
            for (x2, y2) in points[:i]
            if abs(x - x2) <= 0.04 * span_x and abs(y - y2) <= 0.08 * span_y
        )
        offsets.append(8 + 11 * k)
    return offsets


def _room_above(ax, labels):
    """Raise the top of the y axis so that labels ``(value, offset in points)`` fit below it
    (one text line of 14 points above the offset, with a fifth spare for the final layout)."""
    lo, hi = ax.get_ylim()
    height = ax.bbox.height * 72.0 / ax.figure.dpi
    for value, dy in labels:
        k = min(1.2 * (dy + 14) / height, 0.5)
        hi = max(hi, (value - lo * k) / (1 - k))
    ax.set_ylim(lo, hi)


# long: the lines, the shared peak labels placed apart, and the target bands, in drawing order.
def trajectories(
    results, targets=None, indicator: str = "co2_total_mt", ax=None, tolerance: float = 0.01
):
    """One line per run of ``indicator`` over the years, each run's peak marked
    (``peakpath.peak`` at ``tolerance``) and, with ``targets`` (a set name such as
    ``"shandong"``, a Targets, a TargetReport or a list of targets), the targets on that
    indicator drawn as bands on their failing side. Answers: when does each scenario peak,
    and does it meet the targets?"""
    from . import _core
    from .peak import peak

    runs = _runs(results)
    _check_indicator(indicator, _known_indicators())
    target_list = _target_list(targets)
    fig, ax, own = _axes(ax)
    colors = _colors(len(runs))
    peaks = []
    for r, color in zip(runs, colors):
        values = r.indicator(indicator)
        ax.plot(r.years, _scaled(indicator, values), lw=1.8, color=color, label=r.scenario)
        peaks.append((peak(r.years, values, tolerance), color))
    years = np.concatenate([np.asarray(r.years, dtype=float) for r in runs])
    ylo, yhi = ax.get_ylim()
    span_x, span_y = max(years.max() - years.min(), 1.0), max(yhi - ylo, 1e-12)
    # Runs that peak at the same point share one marker and one label.
    groups = []  # [year, drawn value, label, colours]
    for p, color in peaks:
        value = _scaled(indicator, [p.value])[0]
        label = (
            f"peak {p.year}"
            if p.status == "peaked"
            else f"peak {p.year} or earlier"
            if p.status == "at_start"
            else p.status.replace("_", " ")
        )
        same = next(
            (
                g
                for g in groups
                if g[0] == p.year and g[2] == label and abs(g[1] - value) <= 0.005 * span_y
            ),
            None,
        )
        if same:
            same[3].append(color)
        else:
            groups.append([p.year, value, label, [color]])
    offsets = _peak_label_offsets([(g[0], g[1]) for g in groups], span_x, span_y)
    drawn = [g[1] for g in groups]
    for (year, value, label, group_colors), dy in zip(groups, offsets):
        color = group_colors[0] if len(group_colors) == 1 else "0.2"
        if len(group_colors) > 1:
            label = f"{label} ({len(group_colors)} runs)"
        ax.plot([year], [value], marker="o", color=color, ms=6, mec="white", zorder=3)
        right = year > years.min() + 0.75 * (years.max() - years.min())  # keep inside
        ax.annotate(
            label,
            (year, value),
            xytext=(-5 if right else 5, dy),
            textcoords="offset points",
            ha="right" if right else "left",
            fontsize=8,
            color=color,
            arrowprops=dict(arrowstyle="-", color=color, lw=0.6) if dy > 8 else None,
        )
    _year_axis(ax)
    ax.set_ylabel(_axis_label(indicator))
    ax.grid(alpha=0.3)
    ax.margins(x=0.02, y=0.15)
    _room_above(ax, [(value, dy) for value, dy in zip(drawn, offsets)])
    for target in target_list:
        if target.indicator != indicator:
            continue
        outcome = _core.targets.evaluate_target(runs[0]._core, target)
        level = _scaled(indicator, [_required_level(runs[0], indicator, outcome)])[0]
        _target_band(ax, target, level, "tab:red")
    name, _ = indicator_label(indicator)
    ax.set_title(f"{name}, {runs[0].region}")
    # Outside the axes: inside, "best" avoids the lines but not the peak labels.
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return _finish(fig, own)


# --- wedges -----------------------------------------------------------------------------------


def wedges(results, baseline, indicator: str = "co2_total_mt", ax=None):
    """Stacked differences between ``baseline`` and successive scenarios: ``results`` is a
    list of Results (each adding levers to the one before) or a dict name -> Results; the
    wedge between two consecutive lines is what that step removes. Answers: which lever
    removes how much, and when?"""
    _check_indicator(indicator, _known_indicators())
    steps = (
        list(results.items())
        if isinstance(results, Mapping)
        else [(r.scenario, r) for r in _runs(results)]
    )
    if not steps:
        raise ValueError("wedges: no scenarios given")
    years = np.asarray(baseline.years)
    for name, r in steps:
        if not np.array_equal(np.asarray(r.years), years):
            raise ValueError(
                f"wedges: {name!r} covers {r.years[0]}-{r.years[-1]}, the "
                f"baseline {years[0]}-{years[-1]}: the years must match"
            )
    fig, ax, own = _axes(ax)
    previous = _scaled(indicator, baseline.indicator(indicator))
    ax.plot(years, previous, color="black", lw=1.8, label=f"{baseline.scenario} (baseline)")
    _, unit = indicator_label(indicator)
    for (name, r), color in zip(steps, _colors(len(steps))):
        current = _scaled(indicator, r.indicator(indicator))
        removed = previous[-1] - current[-1]
        ax.fill_between(
            years,
            previous,
            current,
            color=color,
            alpha=0.75,
            lw=0,
            label=f"{name}: {removed:.0f} {unit} removed in {years[-1]}"
            if removed >= 0
            else f"{name}: {-removed:.0f} {unit} added in " f"{years[-1]}",
        )
        previous = current
    ax.plot(years, previous, color="black", lw=1.2, ls="--", label=f"{steps[-1][0]} (all levers)")
    name, _ = indicator_label(indicator)
    ax.set_title(f"{name} removed relative to {baseline.scenario}, {baseline.region}")
    _year_axis(ax)
    ax.set_ylabel(_axis_label(indicator))
    ax.margins(x=0.01)
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize=8)
    return _finish(fig, own)


# --- ensembles --------------------------------------------------------------------------------


def fan(
    ensemble, indicator: str = "co2_total_mt", ax=None, bands: Sequence[tuple] = ((5, 95), (25, 75))
):
    """Percentile bands of ``indicator`` from an EnsembleResult (``bands``: pairs of
    percentiles, outermost first) with the median. Answers: how uncertain is the trajectory?"""
    _check_indicator(indicator, ensemble.indicators)
    q = sorted({float(x) for pair in bands for x in pair} | {50.0})
    table = ensemble.percentiles(indicator, q)
    fig, ax, own = _axes(ax)
    years = np.asarray(table.index)
    for i, (lo, hi) in enumerate(bands):
        ax.fill_between(
            years,
            _scaled(indicator, table[f"p{float(lo):g}"]),
            _scaled(indicator, table[f"p{float(hi):g}"]),
            color="tab:blue",
            alpha=0.2 + 0.2 * i,
            lw=0,
            label=f"{lo:g}–{hi:g}th percentile",
        )
    ax.plot(years, _scaled(indicator, table["p50"]), color="tab:blue", lw=1.8, label="median")
    name, _ = indicator_label(indicator)
    ax.set_title(f"{name}: {ensemble.scenario}, {ensemble.completed} samples")
    _year_axis(ax)
    ax.set_ylabel(_axis_label(indicator))
    ax.margins(x=0.01)
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize=8)
    return _finish(fig, own)


def peak_years(ensemble, indicator: str = "co2_total_mt", ax=None):
    """Histogram of the peak year of ``indicator`` over an ensemble's samples, with the
    probability that it peaks before the horizon. Answers: when is the peak likely?"""
    _check_indicator(indicator, ensemble.indicators)
    share = ensemble.peak_years(indicator)
    summary = ensemble.peak_summary((50,)).loc[indicator]
    fig, ax, own = _axes(ax)
    peak_at = share.index.astype(int)
    ax.bar(peak_at, share.to_numpy() * 100.0, width=0.8, color="tab:blue")
    name, _ = indicator_label(indicator)
    ax.set_title(f"Peak year of {name}: {ensemble.scenario}, {ensemble.completed} samples")
    _year_axis(ax)
    ax.set_xlabel("Peak year")
    ax.set_ylabel("Share of samples (%)")
    notes = [f"P(peaked before the horizon) = {summary.probability_peaked:.0%}"]
    years = np.asarray(getattr(ensemble, "years", peak_at))
    if len(peak_at) and peak_at.min() == years.min():
        notes.append(f"a peak in {years.min()}, the first year,\nmay lie before the window")
    ax.text(0.98, 0.95, "\n".join(notes), transform=ax.transAxes, ha="right", va="top", fontsize=9)
    # At least a decade wide, so that one bar does not fill the axes.
    lo = (peak_at.min() if len(peak_at) else years.min()) - 1.5
    hi = max((peak_at.max() if len(peak_at) else years.max()) + 1.5, lo + 12)
    ax.set_xlim(lo, hi)
    ax.grid(axis="y", alpha=0.3)
    ax.set_ylim(0, 125)
    return _finish(fig, own)


# --- sensitivity ------------------------------------------------------------------------------


def _sobol_bars(ax, s):
    order = np.argsort(s.ST)  # largest at the top
    y = np.arange(len(order))
    names = [str(s.names[i]) for i in order]
    for offset, key, color, label in (
        (0.2, "ST", "tab:blue", "total (ST)"),
        (-0.2, "S1", "tab:orange", "first order (S1)"),
    ):
        value = np.asarray(getattr(s, key))[order]
        low = np.asarray(getattr(s, f"{key}_low"))[order]
        high = np.asarray(getattr(s, f"{key}_high"))[order]
        err = np.vstack([np.clip(value - low, 0, None), np.clip(high - value, 0, None)])
        ax.barh(
            y + offset,
            value,
            height=0.4,
            color=color,
            xerr=err,
            capsize=3,
            error_kw=dict(lw=0.8),
            label=label,
        )
    ax.set_yticks(y)
    ax.set_yticklabels(names, fontsize=8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(f"Sobol index (share of output variance, 1); {s.confidence:.0%} intervals")
    ax.set_title(f"Sobol indices (N = {s.n})")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)


def _oat_bars(ax, table, base, output):
    from pandas import DataFrame

    if not isinstance(table, DataFrame) or not {"low", "high"} <= set(table.columns):
        raise ValueError(
            "tornado: one-at-a-time ranges must be a DataFrame indexed by input "
            "with columns 'low' and 'high' (the output at each end) and "
            "optionally 'base'"
        )
    if base is None:
        if "base" not in table.columns:
            raise ValueError(
                "tornado: give base= (the output at the central case) or a " "'base' column"
            )
        base = float(table["base"].iloc[0])
    low = _scaled(output, table["low"])
    high = _scaled(output, table["high"])
    base = _scaled(output, [base])[0]
    order = np.argsort(np.abs(high - low))  # widest at the top
    y = np.arange(len(order))
    ax.barh(
        y,
        low[order] - base,
        left=base,
        height=0.6,
        color="tab:green",
        label="input at its low value",
    )
    ax.barh(
        y,
        high[order] - base,
        left=base,
        height=0.6,
        color="tab:purple",
        label="input at its high value",
    )
    ax.axvline(base, color="black", lw=1)
    ax.set_yticks(y)
    ax.set_yticklabels([str(table.index[i]) for i in order], fontsize=8)
    ax.set_xlabel(_axis_label(output))
    ax.set_title("One-at-a-time ranges")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)


def tornado(sensitivity, ax=None, *, output: str = "co2_total_mt", base: Optional[float] = None):
    """Sensitivity bars. ``sensitivity`` is a SobolResult (``pp.sensitivity`` or
    ``pp.sobol_indices``: S1 and ST with their intervals), a DataFrame of one-at-a-time ranges
    (indexed by input, columns ``low`` and ``high``: ``output`` at each end of the input's
    range, and ``base`` or ``base=``), or a pair of both (two panels; ``ax`` then a pair of
    axes). Answers: which uncertain input matters most?"""
    from .analysis import SobolResult

    parts = list(sensitivity) if isinstance(sensitivity, (list, tuple)) else [sensitivity]
    if not 1 <= len(parts) <= 2:
        raise ValueError(
            f"tornado: expected a SobolResult, a one-at-a-time DataFrame or a pair, "
            f"got {len(parts)} items"
        )
    if any(not isinstance(p, SobolResult) for p in parts):
        _check_indicator(output, _known_indicators())
    if ax is None:
        fig, axes = _plt().subplots(
            1,
            len(parts),
            figsize=(
                8 * len(parts),
                0.9
                + 0.45 * max(len(getattr(p, "names", getattr(p, "index", []))) for p in parts)
                + 1.2,
            ),
            squeeze=False,
        )
        axes = list(axes.flat)
    else:
        axes = list(ax) if isinstance(ax, (list, tuple, np.ndarray)) else [ax]
        if len(axes) != len(parts):
            raise ValueError(
                f"tornado: {len(parts)} panels need {len(parts)} axes, got " f"{len(axes)}"
            )
        fig = axes[0].figure
    for part, a in zip(parts, axes):
        if isinstance(part, SobolResult):
            _sobol_bars(a, part)
        else:
            _oat_bars(a, part, base, output)
    return _finish(fig, ax is None)


# --- decomposition ----------------------------------------------------------------------------


def waterfall(decomposition, ax=None):
    """Waterfall of an additive Decomposition (``pp.decompose``): the start total, one bar per
    effect, the end total. Answers: which driver moved emissions (or energy) between two years
    or two scenarios, and by how much?"""
    if decomposition.kind != "additive":
        raise ValueError(
            "waterfall: only an additive decomposition adds up to a waterfall "
            f"(this one is {decomposition.kind!r}; use kind='additive')"
        )
    unit = "Mt CO₂/yr" if decomposition.quantity == "co2" else "Mtce/yr"
    what = "CO₂ emissions" if decomposition.quantity == "co2" else "Energy consumption"
    effects = decomposition.effects
    fig, ax, own = _axes(ax, figsize=(8, 4.8))
    level = decomposition.v0
    ax.bar(0, level, color="0.55", width=0.7)
    span = max(abs(decomposition.v0), abs(decomposition.vT), 1e-12)
    for i, (name, value) in enumerate(effects.items(), start=1):
        ax.bar(i, value, bottom=level, width=0.7, color="tab:red" if value > 0 else "tab:green")
        ax.plot([i - 1.35, i - 0.35], [level, level], color="0.3", lw=0.7)
        top = level + max(value, 0)
        ax.text(i, top + 0.01 * span, f"{value:+.1f}", ha="center", va="bottom", fontsize=8)
        level += value
    end = len(effects) + 1
    ax.plot([end - 1.35, end - 0.35], [level, level], color="0.3", lw=0.7)
    ax.bar(end, level, color="0.35", width=0.7)
    for x, v in ((0, decomposition.v0), (end, level)):
        ax.text(x, v + 0.01 * span, f"{v:.1f}", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(end + 1))
    ax.set_xticklabels(
        [
            decomposition.label0,
            *(_FACTORS.get(n, str(n)) for n in effects.index),
            decomposition.labelT,
        ],
        rotation=25,
        ha="right",
        fontsize=8,
    )
    ax.set_ylabel(f"{what} ({unit})")
    # Bars drawn from a bottom make that bottom a sticky edge: set the limits by hand.
    levels = np.concatenate([[0.0, decomposition.v0], decomposition.v0 + np.cumsum(effects)])
    lo, hi = levels.min(), levels.max()
    ax.set_ylim(lo - 0.05 * (hi - lo) * (lo < 0), hi + 0.12 * (hi - lo))
    ax.set_title(f"{what} by driver, {decomposition.label0} → {decomposition.labelT} (LMDI)")
    ax.grid(axis="y", alpha=0.3)
    return _finish(fig, own)


# --- energy and power -------------------------------------------------------------------------


def _year_index(results, year) -> int:
    years = list(np.asarray(results.years).astype(int))
    if int(year) not in years:
        raise ValueError(f"year {year} outside the run ({years[0]}-{years[-1]})")
    return years.index(int(year))


def _top(series, n: int, other: str):
    """The ``n`` largest entries of a Series, the rest summed as ``other``."""
    series = series[series > 0].sort_values(ascending=False)
    if len(series) > n:
        rest = series.iloc[n - 1 :].sum()
        series = series.iloc[: n - 1].copy()
        series[other] = rest
    return series


def _band(ax, x0, x1, a0, a1, b0, b1, color):
    """A flow band from [a0, a1] at x0 to [b0, b1] at x1 (cubic Bezier edges)."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    xm = (x0 + x1) / 2
    verts = [
        (x0, a1),
        (xm, a1),
        (xm, b1),
        (x1, b1),
        (x1, b0),
        (xm, b0),
        (xm, a0),
        (x0, a0),
        (x0, a1),
    ]
    codes = [
        Path.MOVETO,
        Path.CURVE4,
        Path.CURVE4,
        Path.CURVE4,
        Path.LINETO,
        Path.CURVE4,
        Path.CURVE4,
        Path.CURVE4,
        Path.CLOSEPOLY,
    ]
    ax.add_patch(PathPatch(Path(verts, codes), facecolor=color, edgecolor="none", alpha=0.55))


def sankey(
    results, year: int, ax=None, *, top_fuels: int = 8, top_sectors: int = 10, by: str = "sector"
):
    """Energy flows from fuels (left) to sectors (right, or sector groups with
    ``by="group"``) in one year, bands proportional to Mtce (``res.energy``: final use plus
    the power and heat sector's input; electricity and heat appear as fuels of the end uses).
    Answers: which fuel feeds which sector?"""
    if by not in ("sector", "group"):
        raise ValueError(f"sankey: by = {by!r}: use 'sector' or 'group'")
    t = _year_index(results, year)
    table = results.energy(by=(by, "fuel"))
    table = table[table["year"] == int(results.years[t])]
    flows = table.pivot_table(index="fuel", columns=by, values="energy_mtce", aggfunc="sum")
    flows = flows.fillna(0.0).clip(lower=0.0)
    fuels = _top(flows.sum(axis=1), top_fuels, "other fuels")
    sectors = _top(flows.sum(axis=0), top_sectors, f"other {by}s")
    fuel_of = {f: (f if f in fuels.index else "other fuels") for f in flows.index}
    sector_of = {s: (s if s in sectors.index else f"other {by}s") for s in flows.columns}
    matrix = flows.T.groupby(sector_of).sum().T.groupby(fuel_of).sum()
    matrix = matrix.reindex(index=fuels.index, columns=sectors.index, fill_value=0.0)
    total = float(matrix.to_numpy().sum())
    if total <= 0:
        raise ValueError(f"sankey: no energy use in {year}")
    fig, ax, own = _axes(ax, figsize=(9, 6))
    gap = 0.02 * total

    def positions(values):
        tops, y = {}, total + gap * (len(values) - 1)
        for name, v in values.items():
            tops[name] = y
            y -= v + gap
        return tops

    left, right = positions(matrix.sum(axis=1)), positions(matrix.sum(axis=0))
    colors = dict(zip(matrix.index, _colors(len(matrix.index))))
    out_used = {f: 0.0 for f in matrix.index}
    in_used = {s: 0.0 for s in matrix.columns}
    x0, x1, w = 0.0, 1.0, 0.03
    for f in matrix.index:
        for s in matrix.columns:
            v = float(matrix.loc[f, s])
            if v <= 0:
                continue
            a1 = left[f] - out_used[f]
            b1 = right[s] - in_used[s]
            _band(ax, x0 + w, x1 - w, a1 - v, a1, b1 - v, b1, colors[f])
            out_used[f] += v
            in_used[s] += v
    for names, tops, x, ha, dx in (
        (matrix.sum(axis=1), left, x0, "right", -0.01),
        (matrix.sum(axis=0), right, x1 - w, "left", w + 0.01),
    ):
        for name, v in names.items():
            ax.add_patch(_plt().Rectangle((x, tops[name] - v), w, v, color=colors.get(name, "0.3")))
            ax.text(
                x + dx,
                tops[name] - v / 2,
                f"{str(name).replace('_', ' ')}  {v:.0f}",
                ha=ha,
                va="center",
                fontsize=8,
            )
    ax.set_xlim(-0.35, 1.35)
    ax.set_ylim(-gap, total + gap * max(len(left), len(right)))
    ax.set_axis_off()
    ax.set_title(
        f"Energy flows in {int(results.years[t])}: fuels → {by}s, {results.region} "
        f"(Mtce/yr; total {total:.0f})"
    )
    return _finish(fig, own)


def generation_mix(results, ax=None, *, capacity: Optional[bool] = None):
    """Electricity supply by technology (stacked, TWh/yr, from ``res.generation()``) and, when
    the Results offer ``generation_capacity()`` (GW) and ``capacity`` is not False, the
    capacity by technology in a second panel (``ax`` then a pair of axes). Answers: what
    generates the province's electricity, and how does the mix shift?"""
    has_capacity = hasattr(results, "generation_capacity")
    if capacity and not has_capacity:
        raise ValueError("generation_mix: these Results have no generation_capacity()")
    panels = 2 if (capacity is None and has_capacity) or capacity else 1
    if ax is None:
        fig, axes = _plt().subplots(1, panels, figsize=(7 * panels, 4.8), squeeze=False)
        axes = list(axes.flat)
    else:
        axes = list(ax) if isinstance(ax, (list, tuple, np.ndarray)) else [ax]
        if len(axes) != panels:
            raise ValueError(
                f"generation_mix: {panels} panels need {panels} axes, got "
                f"{len(axes)} (capacity=False draws generation only)"
            )
        fig = axes[0].figure
    tables = [(results.generation(), "Electricity supply", "TWh/yr")]
    if panels == 2:
        tables.append((results.generation_capacity(), "Generation capacity", "GW"))
    for a, (table, what, unit) in zip(axes, tables):
        table = table.loc[:, (table.abs() > 0).any(axis=0)]
        table = table[table.mean().sort_values(ascending=False).index]
        colors = _colors(len(table.columns))
        a.stackplot(
            table.index,
            table.clip(lower=0).T.to_numpy(),
            labels=[str(c).replace("_", " ") for c in table.columns],
            colors=colors,
            alpha=0.9,
        )
        a.set_title(f"{what} by technology: {results.scenario}, {results.region}")
        _year_axis(a)
        a.set_ylabel(f"{what} ({unit})")
        a.margins(x=0)
        a.grid(alpha=0.3)
        a.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return _finish(fig, ax is None)


def emissions_by_sector(results, top: int = 8, ax=None):
    """Stacked CO2 by sector (the ``top`` largest, the rest as "other") with the total.
    Answers: which sectors emit?"""
    table = results.emissions(by=("sector",)).pivot(index="year", columns="sector", values="co2_mt")
    order = table.mean().sort_values(ascending=False).index
    data = table[list(order[:top])].copy()
    if len(order) > top:
        data["other"] = table[list(order[top:])].sum(axis=1)
    fig, ax, own = _axes(ax, figsize=(9, 5))
    ax.stackplot(
        data.index,
        data.clip(lower=0).T.to_numpy(),
        labels=[str(c).replace("_", " ") for c in data.columns],
        colors=_colors(len(data.columns)),
        alpha=0.85,
    )
    ax.plot(table.index, table.sum(axis=1), color="black", lw=1.5, label="total (net of CCUS)")
    _year_axis(ax)
    ax.set_ylabel("CO₂ emissions (Mt/yr)")
    ax.set_title(f"CO₂ emissions by sector: {results.scenario}, {results.region}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.margins(x=0)
    ax.grid(alpha=0.3)
    return _finish(fig, own)


# --- the register -----------------------------------------------------------------------------


def _ledger_table(register, dimension: str):
    """By city: the requirement of new projects, what stored assignments cover, and what the
    sources still hold (in the dimension's unit, scaled for display)."""
    import pandas as pd

    _, scale, _ = _DIMENSIONS[dimension]
    projects = register.projects()
    new = projects[projects["status"].isin(_NEW_STATUSES)]
    required = (
        pd.Series({pid: register.requirement(pid)[dimension] for pid in new.index}, dtype=float)
        .groupby(new["city"])
        .sum()
    )
    assigned = register.assignments()
    assigned = assigned[assigned["dimension"] == dimension]
    covered = assigned.groupby(assigned["project_id"].map(projects["city"]))["amount"].sum()
    sources = register.sources()
    sources = sources[sources["dimension"] == dimension]
    available = sources.groupby("city")["remaining"].sum()
    table = pd.DataFrame({"required": required, "covered": covered, "available": available})
    table = table.fillna(0.0) * scale
    return table.loc[(table > 0).any(axis=1)].sort_values(["required", "available"])


def _ledger_panel(ax, register, dimension):
    name, _, unit = _DIMENSIONS[dimension]
    table = _ledger_table(register, dimension)
    y = np.arange(len(table))
    for offset, column, color, label in (
        (0.27, "required", "tab:red", "required by new projects"),
        (0.0, "covered", "tab:blue", "covered (allocated)"),
        (-0.27, "available", "tab:green", "still available in sources"),
    ):
        ax.barh(y + offset, table[column], height=0.27, color=color, label=label)
    ax.set_yticks(y)
    ax.set_yticklabels(list(table.index), fontsize=8)
    ax.set_xlabel(f"{name} ({unit})")
    ax.set_title(f"{name} replacement by city")
    ax.grid(axis="x", alpha=0.3)


def ledger(register, ax=None, *, dimensions: Optional[Sequence[str]] = None):
    """The register's replacement ledger: for each dimension (one panel each; coal, energy,
    CO₂ and pollutants by default; capacity only when asked, its units differ by project type)
    and city, what new projects require, what stored allocations cover and what sources still
    hold. ``ax``: one axes per dimension. Answers: where does replacement fall short?"""
    from .register import DIMENSIONS

    if dimensions is None:
        dimensions = [d for d in DIMENSIONS if d != "capacity"]
    dimensions = [dimensions] if isinstance(dimensions, str) else list(dimensions)
    for d in dimensions:
        if d not in DIMENSIONS or d not in _DIMENSIONS:
            raise _unknown("dimension", d, [x for x in DIMENSIONS if x in _DIMENSIONS])
    if ax is None:
        cols = min(3, len(dimensions))
        rows = -(-len(dimensions) // cols)
        n_cities = max(len(register.projects()["city"].unique()), 1)
        fig, grid = _plt().subplots(
            rows, cols, figsize=(4.6 * cols, (1.2 + 0.3 * n_cities) * rows + 0.8), squeeze=False
        )
        axes = list(grid.flat)
        for extra in axes[len(dimensions) :]:
            extra.set_visible(False)
    else:
        axes = list(ax) if isinstance(ax, (list, tuple, np.ndarray)) else [ax]
        if len(axes) != len(dimensions):
            raise ValueError(
                f"ledger: {len(dimensions)} dimensions need {len(dimensions)} "
                f"axes, got {len(axes)} (pass dimensions=[...])"
            )
        fig = axes[0].figure
    for a, d in zip(axes, dimensions):
        _ledger_panel(a, register, d)
    handles, labels = axes[0].get_legend_handles_labels()
    if ax is None:
        fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=8, frameon=False)
        fig.suptitle(f"Replacement ledger of {os.path.basename(register.path)}")
        height = fig.get_figheight()  # room in inches for the legend below, the title above
        fig.tight_layout(rect=(0, 0.35 / height, 1, 1 - 0.4 / height))
    else:
        axes[0].legend(fontsize=8, loc="lower right")
    return fig


# --- the old names ----------------------------------------------------------------------------


def _maybe_save(fig, path):
    return fig if path is None else save_png(fig, path)


def plot_emissions_by_sector(results, path: Optional[str] = None, top: int = 8, ax=None):
    """Alias of :func:`emissions_by_sector`; with ``path``, writes the PNG and returns the
    path."""
    return _maybe_save(emissions_by_sector(results, top=top, ax=ax), path)


def plot_trajectory(
    results,
    path: Optional[str] = None,
    indicator: str = "co2_total_mt",
    targets=None,
    tolerance: float = 0.01,
    ax=None,
):
    """Alias of :func:`trajectories`; with ``path``, writes the PNG and returns the path."""
    return _maybe_save(
        trajectories(results, targets=targets, indicator=indicator, ax=ax, tolerance=tolerance),
        path,
    )


def plot_waterfall(decomposition, path: Optional[str] = None, ax=None):
    """Alias of :func:`waterfall`; with ``path``, writes the PNG and returns the path."""
    return _maybe_save(waterfall(decomposition, ax=ax), path)
