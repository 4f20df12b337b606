"""Scenarios: a dataset, levers with time paths, and options."""
from __future__ import annotations

from typing import Any, Mapping

from . import _core
from .naming import with_derived_name

__all__ = ["Scenario", "levers_to_spec"]


_NOTE_KEYS = ("source", "tag", "note", "task", "unit")


def _path_points(name: str, value: Any) -> tuple[list[float], list[float]]:
    """{year: value} or a number -> (years, values)."""
    if isinstance(value, Mapping):
        try:
            points = sorted(
                (float(year), float(v)) for year, v in value.items() if str(year) not in _NOTE_KEYS
            )
        except (TypeError, ValueError):
            raise ValueError(f"lever {name}: {dict(value)!r} is not {{year: value}}") from None
        if not points:
            raise ValueError(f"lever {name}: no year: value points")
        return [p[0] for p in points], [p[1] for p in points]
    try:
        return [0.0], [float(value)]
    except (TypeError, ValueError):
        raise ValueError(
            f"lever {name}: {value!r} is neither a number nor {{year: value}}"
        ) from None


def _is_year(key: Any) -> bool:
    return isinstance(key, (int, float)) or str(key).isdigit()


def levers_to_spec(levers: Mapping[str, Any]) -> dict:
    """Normalise lever overrides to {variable: {key: (years, values)}}.

    A lever is given by variable, ``{"gdp_growth": {2030: 0.04}}`` (key "total") or keyed
    ``{"capacity_gw": {"solar": {2025: 65, 2030: 125}}}``, or by address (docs/levers.md):
    ``{"capacity_gw/solar": {2030: 125}}``, ``{"capacity_gw/solar@2030": 125}``,
    ``{"gdp_growth@2030": 0.04}``. A bare number is a constant path. Addresses are parsed by
    the C++ parser; the old spelling ``capacity_gw.solar`` warns (DeprecationWarning).
    """
    from .lever_address import parse_lever  # lever_address imports this module

    spec: dict = {}
    for name, body in levers.items():
        name = str(name)
        if any(c in name for c in "/.@:"):
            a = parse_lever(name, "lever", stacklevel=4)
            if a.scale or a.key is None:
                raise ValueError(
                    f"lever {name!r}: scale: addresses belong to ensembles, "
                    f"sensitivity and --set"
                )
            if a.year is not None:
                if isinstance(body, Mapping):
                    raise ValueError(
                        f"lever {name!r}: a point address takes a number, got " f"{body!r}"
                    )
                points = ([float(a.year)], [_path_points(name, body)[1][0]])
            else:
                points = _path_points(name, body)
            spec.setdefault(a.variable, {})[a.key] = points
            continue
        keyed = isinstance(body, Mapping) and body and not any(_is_year(k) for k in body)
        if keyed:
            spec.setdefault(name, {}).update(
                {
                    str(key): _path_points(f"{name}/{key}", v)
                    for key, v in body.items()
                    if str(key) not in _NOTE_KEYS
                }
            )
        else:
            spec.setdefault(name, {})["total"] = _path_points(name, body)
    return spec


class Scenario:
    """A dataset with levers and options, ready to run (wraps the C++ ``peakpath::Scenario``)."""

    def __init__(self, core: _core.Scenario):
        self._core = core

    @classmethod
    def load(cls, name_or_path: str) -> "Scenario":
        """A shipped scenario by name (``"shandong/baseline"``) or a path to a YAML file."""
        return cls(_core.Scenario.load(str(name_or_path)))

    def with_levers(
        self, levers: Mapping[str, Any] | None = None, *, replace: bool = False, **kwargs: Any
    ) -> "Scenario":
        """A copy with levers laid over the scenario's paths (dict or keywords; see
        :func:`levers_to_spec` and docs/levers.md).

        Each lever's points apply from its first year on; the path before it is kept, so the
        base year keeps its value and the value is interpolated linearly from the last kept
        point to the lever's first one. A point at or before the base year that changes the
        base-year value is a DataError unless ``replace=True``, which makes the given paths
        replace the scenario's whole paths. Unknown levers or keys and values out of range
        are DataErrors naming lever, key, year and value (with the closest valid names).
        """
        merged = dict(levers or {})
        merged.update(kwargs)
        return with_derived_name(
            self, Scenario(self._core.with_levers(levers_to_spec(merged), bool(replace)))
        )

    def with_factor_set(self, factor_set: str) -> "Scenario":
        """A copy using the ``"china"`` or ``"ipcc2006"`` emission factors."""
        return with_derived_name(
            self, Scenario(self._core.with_factor_set(factor_set)), ("factor_set", factor_set)
        )

    def with_electricity_method(self, method: str) -> "Scenario":
        """A copy converting primary electricity by ``"coal_consumption"`` or ``"calorific"``."""
        try:
            value = getattr(_core.ElectricityMethod, method)
        except AttributeError:
            raise ValueError(
                f"electricity method {method!r}: use 'coal_consumption' or 'calorific'"
            ) from None
        return with_derived_name(
            self,
            Scenario(self._core.with_electricity_method(value)),
            ("electricity_method", method),
        )

    def with_horizon(self, horizon: int) -> "Scenario":
        """A copy ending in ``horizon``."""
        return with_derived_name(
            self, Scenario(self._core.with_horizon(int(horizon))), ("horizon", int(horizon))
        )

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
        """How primary electricity converts to tce: ``"coal_consumption"`` or ``"calorific"``."""
        return self._core.electricity_method.name

    @property
    def levers(self) -> dict:
        """{variable: {key: {year: value}}} of the scenario's overrides."""
        return {
            v: {k: dict(zip(*p)) for k, p in keyed.items()}
            for v, keyed in self._core.levers.items()
        }

    def __reduce__(self):
        # Scenarios travel to process pools and Dask workers as (file, levers, options).
        return (
            _rebuild,
            (
                self.file or self.name,
                self._core.levers,
                self.factor_set,
                self.electricity_method,
                self.horizon,
                self.name,
            ),
        )

    def __repr__(self) -> str:
        return (
            f"Scenario({self.name!r}, {self.base_year}-{self.horizon}, "
            f"factor_set={self.factor_set!r})"
        )


def _rebuild(source, levers, factor_set, method, horizon, name):
    core = _core.Scenario.load(source)
    core = core.with_levers(levers, True).with_factor_set(factor_set)
    core = core.with_electricity_method(getattr(_core.ElectricityMethod, method))
    return Scenario(core.with_horizon(horizon).renamed(name))
