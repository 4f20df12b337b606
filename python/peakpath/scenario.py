"""Scenarios: a dataset, levers with time paths, and options."""
from __future__ import annotations

from typing import Any, Mapping

from . import _core
from .naming import with_derived_name

__all__ = ["Scenario", "levers_to_spec"]


def _path_points(name: str, value: Any) -> tuple[list[float], list[float]]:
    """{year: value} or a number -> (years, values)."""
    if isinstance(value, Mapping):
        points = sorted((float(year), float(v)) for year, v in value.items()
                        if str(year) not in ("source", "tag", "note", "task", "unit"))
        if not points:
            raise ValueError(f"lever {name}: no year: value points")
        return [p[0] for p in points], [p[1] for p in points]
    try:
        return [0.0], [float(value)]
    except (TypeError, ValueError):
        raise ValueError(f"lever {name}: {value!r} is neither a number nor {{year: value}}") from None


def levers_to_spec(levers: Mapping[str, Any]) -> dict:
    """Normalise lever overrides to {variable: {key: (years, values)}}.

    A lever is given as ``{"gdp_growth": {2030: 0.04}}`` (key "total"), or keyed:
    ``{"capacity_gw": {"solar": {2025: 65, 2030: 125}}}``; a bare number is a constant path.
    """
    spec: dict = {}
    for variable, body in levers.items():
        if variable not in _core.LEVER_VARIABLES:
            raise ValueError(f"unknown lever {variable!r} (known: {', '.join(_core.LEVER_VARIABLES)})")
        keyed = isinstance(body, Mapping) and body and not any(
            isinstance(k, (int, float)) or str(k).isdigit() for k in body)
        if keyed:
            spec[variable] = {key: _path_points(f"{variable}.{key}", v) for key, v in body.items()}
        else:
            spec[variable] = {"total": _path_points(variable, body)}
    return spec


class Scenario:
    """A dataset with levers and options, ready to run (wraps the C++ ``peakpath::Scenario``)."""

    def __init__(self, core: _core.Scenario):
        self._core = core

    @classmethod
    def load(cls, name_or_path: str) -> "Scenario":
        """A shipped scenario by name (``"shandong/baseline"``) or a path to a YAML file."""
        return cls(_core.Scenario.load(str(name_or_path)))

    def with_levers(self, levers: Mapping[str, Any] | None = None, **kwargs: Any) -> "Scenario":
        """A copy with levers overridden (dict or keywords; see :func:`levers_to_spec`)."""
        merged = dict(levers or {})
        merged.update(kwargs)
        return with_derived_name(self, Scenario(self._core.with_levers(levers_to_spec(merged))))

    def with_factor_set(self, factor_set: str) -> "Scenario":
        """A copy using the ``"china"`` or ``"ipcc2006"`` emission factors."""
        return with_derived_name(self, Scenario(self._core.with_factor_set(factor_set)),
                                 ("factor_set", factor_set))

    def with_electricity_method(self, method: str) -> "Scenario":
        """A copy converting primary electricity by ``"coal_consumption"`` or ``"calorific"``."""
        try:
            value = getattr(_core.ElectricityMethod, method)
        except AttributeError:
            raise ValueError(f"electricity method {method!r}: use 'coal_consumption' or 'calorific'") from None
        return with_derived_name(self, Scenario(self._core.with_electricity_method(value)),
                                 ("electricity_method", method))

    def with_horizon(self, horizon: int) -> "Scenario":
        """A copy ending in ``horizon``."""
        return with_derived_name(self, Scenario(self._core.with_horizon(int(horizon))),
                                 ("horizon", int(horizon)))

    def renamed(self, name: str) -> "Scenario":
        """A copy with another name (for tables and plots)."""
        return Scenario(self._core.renamed(name))

    name = property(lambda self: self._core.name)
    description = property(lambda self: self._core.description)
    file = property(lambda self: self._core.file)
    base_year = property(lambda self: self._core.base_year)
    horizon = property(lambda self: self._core.horizon)
    factor_set = property(lambda self: self._core.factor_set)
    dataset = property(lambda self: self._core.dataset)

    @property
    def electricity_method(self) -> str:
        return self._core.electricity_method.name

    @property
    def levers(self) -> dict:
        """{variable: {key: {year: value}}} of the scenario's overrides."""
        return {v: {k: dict(zip(*p)) for k, p in keyed.items()}
                for v, keyed in self._core.levers.items()}

    def __reduce__(self):
        # Scenarios travel to process pools and Dask workers as (file, levers, options).
        return (_rebuild, (self.file or self.name, self._core.levers, self.factor_set,
                           self.electricity_method, self.horizon, self.name))

    def __repr__(self) -> str:
        return f"Scenario({self.name!r}, {self.base_year}-{self.horizon}, factor_set={self.factor_set!r})"


def _rebuild(source, levers, factor_set, method, horizon, name):
    core = _core.Scenario.load(source)
    core = core.with_levers(levers).with_factor_set(factor_set)
    core = core.with_electricity_method(getattr(_core.ElectricityMethod, method))
    return Scenario(core.with_horizon(horizon).renamed(name))
