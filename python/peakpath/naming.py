"""Names of derived scenarios: the parent's name plus what changed (docs/scenarios.md).

A scenario changed by ``with_levers``, ``with_factor_set``, ``with_electricity_method`` or
``with_horizon`` is named ``<parent>+<change>+...``, e.g.
``shandong/baseline+capacity_gw/solar@2030=150`` or ``shandong/baseline+factor_set=ipcc2006``,
so that runs of a scenario and its variants never share a name in tables, plots and file names
(``pp.compare`` and the command line refuse duplicate names). ``.renamed(name)`` gives one of
the user's choosing.
"""
from __future__ import annotations

from typing import Any, Iterable

import numpy as np

__all__ = ["derived_name", "lever_changes", "with_derived_name"]


def _number(value: float) -> str:
    return f"{value:.10g}"


def _unchanged(old, year: float, value: float, constant: bool) -> bool:
    """Whether the parent's path ``old`` = (years, values) already has ``value`` at ``year``."""
    if old is None:
        return False
    years, values = old
    if constant:
        return len(years) == 1 and values[0] == value
    return bool(np.isclose(np.interp(year, years, values), value, rtol=1e-12, atol=0.0))


def lever_changes(parent_paths: dict, child_levers: dict) -> list[str]:
    """The lever points of ``child_levers`` that differ from ``parent_paths`` (both
    ``{variable: {key: (years, values)}}``), as ``variable/key@year=value`` (``variable`` alone
    for key ``total``; no ``@year`` for a constant path)."""
    changes = []
    for variable, keyed in child_levers.items():
        for key, (years, values) in keyed.items():
            address = variable if key == "total" else f"{variable}/{key}"
            old = parent_paths.get(variable, {}).get(key)
            constant = len(years) == 1 and years[0] == 0.0
            for year, value in zip(years, values):
                if _unchanged(old, year, value, constant):
                    continue
                at = "" if constant else f"@{int(year)}" if float(year).is_integer() else f"@{year}"
                changes.append(f"{address}{at}={_number(value)}")
    return changes


def derived_name(parent_name: str, changes: Iterable[str]) -> str:
    """``parent_name`` followed by ``+change`` for each change."""
    return parent_name + "".join(f"+{change}" for change in changes)


def with_derived_name(parent: Any, child: Any, option: tuple[str, Any] | None = None) -> Any:
    """``child`` (a Scenario derived from ``parent``) renamed to the parent's name plus what
    changed: the option ``(name, value)`` given, else the lever points that differ from the
    parent's effective paths. Unchanged when nothing changed (it is the same scenario)."""
    if option is not None:
        changes = [] if getattr(parent, option[0]) == option[1] else [f"{option[0]}={option[1]}"]
    else:
        changes = lever_changes(parent._core.effective_paths, child._core.levers)
    return child.renamed(derived_name(parent.name, changes)) if changes else child
