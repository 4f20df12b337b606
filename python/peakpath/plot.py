"""Plots rendered with matplotlib (Agg: no display needed)."""
from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .io_utils import atomic_path  # noqa: E402

__all__ = ["plot_emissions_by_sector", "plot_waterfall"]


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
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png")
    plt.close(fig)
    return os.fspath(path)


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
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png")
    plt.close(fig)
    return os.fspath(path)
