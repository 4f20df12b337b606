"""Lever addresses: where a number goes in a scenario's lever paths (docs/levers.md).

The syntax is parsed once, in C++ (``_core.parse_lever_address``): ``variable/key@year`` one
point, ``variable/key`` the whole path, ``variable@year`` a point of the key ``total``, and
``scale:`` before any of them for a multiplier. The old spelling ``variable.key@year`` is still
read, with a :class:`DeprecationWarning`, for one release.

Ensembles, sensitivity analysis and command-line overrides share :func:`parse_address`;
:class:`LeverPlan` resolves addresses against a scenario once and turns each row of numbers
into lever paths.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from . import _core
from .scenario import Scenario

__all__ = [
    "LeverAddress",
    "LeverPlan",
    "check_lever_key",
    "lever_catalogue",
    "parse_address",
    "parse_lever",
]


@dataclass(frozen=True)
class LeverAddress:
    """Where a number goes (see :func:`parse_address`).

    ``key`` is None only for ``scale:`` addresses without a key (every key of the variable);
    ``year`` is None for the whole path.
    """

    text: str
    variable: str
    key: Optional[str]
    year: Optional[int]
    scale: bool


def parse_lever(text: str, where: str = "lever address", stacklevel: int = 3) -> LeverAddress:
    """Parse any lever address (a point, a whole path, a multiplier); DataError (a ValueError)
    naming ``where``, the address and the closest valid lever. The old spelling
    ``variable.key`` warns with a DeprecationWarning."""
    if not isinstance(text, str):
        raise ValueError(f"{where} {text!r}: expected a text such as 'capacity_gw/solar@2030'")
    a = _core.parse_lever_address(text, where)
    if a.deprecated:
        warnings.warn(
            f"{where} {text!r}: the spelling 'variable.key' is deprecated and will be "
            f"removed in the next release; write {a.text!r} (docs/levers.md)",
            DeprecationWarning,
            stacklevel=stacklevel,
        )
    return LeverAddress(text, a.variable, a.key or None, a.year, a.scale)


def parse_address(text: str, where: str = "lever address") -> LeverAddress:
    """Parse the address of a number: ``variable/key@year`` sets the path's value in
    ``year`` (the other points are kept); ``scale:variable/key`` multiplies the path in every
    projection year (levers the model reads in the base year keep their base-year value);
    ``scale:variable/key@year`` multiplies the path's value in that year. Without a key a
    value address means key ``total`` and a ``scale:`` address every key the variable has.
    """
    a = parse_lever(text, where, stacklevel=4)
    if not a.scale and a.year is None:
        raise ValueError(
            f"{where} {text!r}: a value needs a year ('{text}@2030'); use "
            f"'scale:{text}' for a multiplier on the path"
        )
    return a


def check_lever_key(scenario: Scenario, variable: str, key: str, where: str) -> None:
    """DataError unless ``key`` is one of ``variable``'s keys in the scenario's dataset, with
    the closest valid keys."""
    keys = _core.lever_keys(scenario.dataset, variable)
    if key not in keys:
        listed = ", ".join(keys[:20]) + (", ..." if len(keys) > 20 else "")
        hint = (
            _core.did_you_mean(key, keys, f"{variable}/")
            or f" (keys of dataset {scenario.dataset.name!r}: {listed})"
        )
        raise _core.DataError(f"{where}: lever {variable}/{key}: unknown key {key!r}{hint}")


_BASE_YEAR_EFFECT = {d.variable: d.base_year_effect for d in _core.lever_catalogue()}


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


def _anchored(years, values, base_year: float) -> tuple:
    """The path with its points before the base year folded into one point there (a constant
    path included), so that a point set later interpolates from the base year, not year 0."""
    if not len(years) or years[0] >= base_year:
        return list(years), list(values)
    later = [(y, v) for y, v in zip(years, values) if y > base_year]
    return (
        [base_year] + [y for y, _ in later],
        [float(np.interp(base_year, years, values))] + [v for _, v in later],
    )


class LeverPlan:
    """Addresses resolved against a scenario: the base paths they touch, (variable, key) ->
    (years, values), and one edit per path. Built once in the caller; picklable, so it travels
    to workers with the rows it applies to. Its lever paths overlay the scenario
    (Scenario.with_levers): a path the scenario does not have starts from the lever's default.
    """

    def __init__(
        self, scenario: Scenario, addresses: Sequence[LeverAddress], where: str = "lever address"
    ):
        effective = scenario._core.effective_paths
        lo, hi = scenario.base_year, scenario.horizon
        base: dict = {}
        edits: list = []
        for column, a in enumerate(addresses):
            keeps_base = _BASE_YEAR_EFFECT[a.variable]
            if a.year is not None and not lo <= a.year <= hi:
                raise ValueError(
                    f"{where} {a.text!r}: year {a.year} outside the scenario's " f"years {lo}-{hi}"
                )
            if a.year == lo and keeps_base:
                raise ValueError(
                    f"{where} {a.text!r}: {a.year} is the base year, which keeps "
                    f"its value; give a later year"
                )
            known = effective.get(a.variable, {})
            if a.key is not None:
                check_lever_key(scenario, a.variable, a.key, f"{where} {a.text!r}")
            keys = sorted(known) if a.key is None else [a.key]
            if not keys or (a.scale and any(k not in known for k in keys)):
                missing = a.key if a.key is not None else "(any key)"
                raise ValueError(
                    f"{where} {a.text!r}: the scenario has no path "
                    f"{a.variable}/{missing} to multiply (keys: "
                    f"{', '.join(sorted(known)) or 'none'}); set one in the "
                    f"scenario's levers first"
                )
            for key in keys:
                years, values = _anchored(*known.get(key, ([], [])), float(lo))
                base[(a.variable, key)] = (tuple(years), tuple(values))
                edits.append(_Edit(column, (a.variable, key), a.year, a.scale))
        self.base = base
        self.edits = tuple(edits)
        self.base_year = lo
        self.history_end = scenario.dataset.history_end
        self.keeps_base = {vk: _BASE_YEAR_EFFECT[vk[0]] for vk in base}

    def _scale_path(self, path: tuple, years: list, values: list, x: float) -> None:
        h = float(self.history_end)
        if not self.keeps_base[path] and h == self.base_year:
            values[:] = [v * x for v in values]
            return
        # The base year and the observed history keep their values; every projection year is
        # multiplied.
        grid = sorted({y for y in years if y <= h} | {h, h + 1} | {y for y in years if y > h + 1})
        old = [float(np.interp(y, years, values)) for y in grid]
        years[:] = grid
        values[:] = [v if y <= h else v * x for y, v in zip(grid, old)]

    def levers(self, row) -> dict:
        """The lever spec {variable: {key: (years, values)}} with ``row[i]`` at address i."""
        paths = {vk: (list(years), list(values)) for vk, (years, values) in self.base.items()}
        for e in self.edits:
            x = float(row[e.column])
            years, values = paths[e.path]
            if e.scale and e.year is None:
                self._scale_path(e.path, years, values, x)
            elif e.scale:
                _set_point(
                    years, values, float(e.year), x * float(np.interp(e.year, years, values))
                )
            else:
                _set_point(years, values, float(e.year), x)
        spec: dict = {}
        for (variable, key), path in paths.items():
            spec.setdefault(variable, {})[key] = path
        return spec


def lever_catalogue():
    """The lever catalogue (defined in C++, include/peakpath/scenario/lever_catalogue.hpp) as a
    DataFrame, one row per lever variable: ``address`` (the address pattern), ``label``,
    ``unit``, ``min``, ``max`` (the valid range; ``min_exclusive`` when min itself is
    invalid), ``default`` (the constant default, NaN when it comes from the dataset or there
    is none), ``source`` (where the default comes from), ``task`` (the Opinions' key tasks),
    ``base_year_effect`` (the model reads it in the base year) and ``acts``."""
    import pandas as pd

    rows = []
    for d in _core.lever_catalogue():
        rows.append(
            {
                "address": _pattern(d),
                "label": d.label,
                "unit": d.unit,
                "min": d.min,
                "max": d.max,
                "min_exclusive": d.min_exclusive,
                "default": d.default_value,
                "source": d.default_source,
                "task": d.tasks,
                "base_year_effect": d.base_year_effect,
                "acts": d.acts,
            }
        )
    return pd.DataFrame(rows)


def _pattern(d) -> str:
    return d.variable if d.key_pattern == "total" else f"{d.variable}/{d.key_pattern}"
