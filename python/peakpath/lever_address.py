"""Lever addresses: where a number goes in a scenario's lever paths (docs/ensembles.md).

Ensembles, sensitivity analysis and command-line overrides share them: :func:`parse_address`
reads the text form, :class:`LeverPlan` resolves addresses against a scenario once and turns
each row of numbers into lever paths.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from . import _core
from .scenario import Scenario

__all__ = ["LeverAddress", "LeverPlan", "parse_address"]

# Levers with the single key "total" (docs/levers.md): a value may be set without a path.
_TOTAL_VARIABLES = ("gdp_growth", "population_growth", "coal_heat_rate_gce_per_kwh",
                    "import_twh", "import_share", "import_non_fossil_share", "grid_loss_share")

_ADDRESS = re.compile(r"^(?P<scale>scale:)?(?P<variable>[a-z_0-9]+)(?:\.(?P<key>[^@\s]+))?"
                      r"(?:@(?P<year>\d{4}))?$")


@dataclass(frozen=True)
class LeverAddress:
    """Where a number goes (see :func:`parse_address`).

    ``key`` is None only for ``scale:`` addresses without a key (every key of the variable);
    ``year`` is None for a multiplier on the whole path.
    """

    text: str
    variable: str
    key: Optional[str]
    year: Optional[int]
    scale: bool


def parse_address(text: str, where: str = "lever address") -> LeverAddress:
    """Parse a lever address; errors start with ``where`` and the address.

    ``variable[.key]@year``: the number is the path's value in ``year`` (a point set in the
    scenario's effective path; its other points are kept). ``scale:variable[.key]``: the
    number multiplies every point of the path; ``scale:variable[.key]@year`` multiplies the
    path's value in that year. Without a key, a value address means key ``total`` and a
    ``scale:`` address every key the variable has.
    """
    match = _ADDRESS.match(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{where} {text!r}: expected 'variable[.key]@year', "
                         "'scale:variable[.key]' or 'scale:variable[.key]@year' "
                         "(e.g. 'capacity_gw.solar@2030')")
    variable, key, year = match["variable"], match["key"], match["year"]
    scale = match["scale"] is not None
    if variable not in _core.LEVER_VARIABLES:
        raise ValueError(f"{where} {text!r}: unknown lever {variable!r} "
                         f"(known: {', '.join(_core.LEVER_VARIABLES)})")
    if not scale and year is None:
        raise ValueError(f"{where} {text!r}: a value needs a year ('{text}@2030'); use "
                         f"'scale:{text}' for a multiplier on the path")
    return LeverAddress(text, variable, key if key is not None or scale else "total",
                        None if year is None else int(year), scale)


@dataclass(frozen=True)
class _Edit:
    column: int
    path: tuple  # (variable, key)
    year: Optional[int]
    scale: bool


def _set_point(years: list, values: list, year: float, value: float) -> None:
    if year in years:
        values[years.index(year)] = value
    else:
        i = int(np.searchsorted(years, year))
        years.insert(i, year)
        values.insert(i, value)


class LeverPlan:
    """Addresses resolved against a scenario: the base paths they touch, (variable, key) ->
    (years, values), and one edit per path. Built once in the caller; picklable, so it travels
    to workers with the rows it applies to."""

    def __init__(self, scenario: Scenario, addresses: Sequence[LeverAddress],
                 where: str = "lever address"):
        effective = scenario._core.effective_paths
        lo, hi = scenario.base_year, scenario.horizon
        base: dict = {}
        edits: list = []
        for column, a in enumerate(addresses):
            if a.year is not None and not lo <= a.year <= hi:
                raise ValueError(f"{where} {a.text!r}: year {a.year} outside the scenario's "
                                 f"years {lo}-{hi}")
            known = effective.get(a.variable, {})
            keys = sorted(known) if a.key is None else [a.key]
            settable = not a.scale and a.key == "total" and a.variable in _TOTAL_VARIABLES
            if not keys or any(k not in known and not settable for k in keys):
                missing = a.key if a.key is not None else "(any key)"
                raise ValueError(f"{where} {a.text!r}: the scenario has no path "
                                 f"{a.variable}/{missing} (keys: "
                                 f"{', '.join(sorted(known)) or 'none'}); set one in the "
                                 f"scenario's levers first")
            for key in keys:
                years, values = known.get(key, ([], []))
                base[(a.variable, key)] = (tuple(years), tuple(values))
                edits.append(_Edit(column, (a.variable, key), a.year, a.scale))
        self.base = base
        self.edits = tuple(edits)

    def levers(self, row) -> dict:
        """The lever spec {variable: {key: (years, values)}} with ``row[i]`` at address i."""
        paths = {vk: (list(years), list(values)) for vk, (years, values) in self.base.items()}
        for e in self.edits:
            x = float(row[e.column])
            years, values = paths[e.path]
            if e.scale and e.year is None:
                values[:] = [v * x for v in values]
            elif e.scale:
                _set_point(years, values, float(e.year),
                           x * float(np.interp(e.year, years, values)))
            else:
                _set_point(years, values, float(e.year), x)
        spec: dict = {}
        for (variable, key), path in paths.items():
            spec.setdefault(variable, {})[key] = path
        return spec
