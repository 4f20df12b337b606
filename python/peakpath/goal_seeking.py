"""Goal seeking: the least (or greatest) lever value, package scale or start year that meets a
target (docs/targets.md#goal-seeking)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Union

import pandas as pd

from . import _core
from .results import Results
from .lever_address import check_lever_key, parse_lever
from .scenario import Scenario, levers_to_spec
from .targets import Targets

__all__ = ["goal_seek", "lever_adjustment", "GoalSeekResult", "GOAL_SEEK_STATUSES"]

_LEVER_KEYS = {"variable", "key", "mode", "from_year", "package", "schedule"}


def lever_adjustment(lever: Union[str, Mapping[str, Any]]):
    """Normalise a lever spec to a ``_core.targets.LeverAdjustment``.

    - ``"capacity_gw/solar"`` (``"variable/key"``; ``"variable"`` alone means key ``total``):
      the lever's path becomes the constant x.
    - ``{"variable": ..., "key": ..., "mode": "constant" | "multiplier", "from_year": 2026}``:
      x replaces (or multiplies) the path from ``from_year`` on (every year when omitted).
    - ``{"package": {variable: {key: {year: value}}}}`` (mode ``scale``): every lever of the
      package at base + x (package - base); x = 0 keeps the scenario, 1 applies the package.
    - ``{"variable": ..., "key": ..., "schedule": {year: value, ...}}`` (mode ``start_year``):
      the schedule shifted so that its first point falls in year x.
    """
    if isinstance(lever, str):
        a = parse_lever(lever, "goal_seek lever")
        if a.scale or a.year is not None or a.key is None:
            raise ValueError(
                f"goal_seek lever {lever!r}: expected a whole path 'variable/key' "
                f"(or 'variable' for key total), without scale: or @year"
            )
        return _core.targets.LeverAdjustment("constant", a.variable, a.key)
    if not isinstance(lever, Mapping):
        raise TypeError(f"lever: expected 'variable/key' or a dict, got {type(lever).__name__}")
    unknown = set(lever) - _LEVER_KEYS
    if unknown:
        raise ValueError(f"lever: unknown keys {sorted(unknown)} (expected {sorted(_LEVER_KEYS)})")
    mode = lever.get("mode") or (
        "scale" if "package" in lever else "start_year" if "schedule" in lever else "constant"
    )
    package = levers_to_spec(lever["package"]) if "package" in lever else {}
    schedule = None
    if "schedule" in lever:
        spec = levers_to_spec({lever.get("variable", ""): lever["schedule"]})
        schedule = next(iter(next(iter(spec.values())).values()))
    return _core.targets.LeverAdjustment(
        mode,
        lever.get("variable", ""),
        lever.get("key", "total"),
        int(lever.get("from_year", 0)),
        package,
        schedule,
    )


GOAL_SEEK_STATUSES = ("met", "not_binding", "infeasible")


@dataclass(frozen=True)
class GoalSeekResult:
    """The answer of :func:`goal_seek`, re-run and checked: the value, the target's outcome
    there (one row), the scenario and its results, the number of model runs used, the achieved
    margin, what was found (``status``) and the first year the lever acts in.

    ``status``: ``"met"`` (``value`` is where the target starts to hold), ``"not_binding"``
    (the target holds at both bounds, so at every value in them: ``value`` is the bound on the
    seeking side) or ``"infeasible"`` (it fails at both bounds: ``value`` is the bound with the
    larger margin, ``margin`` < 0).
    """

    value: float
    outcome: pd.Series
    scenario: Scenario
    results: Results
    runs: int
    margin: float = float("nan")
    status: str = "met"
    start_year: int = 0

    @property
    def met(self) -> bool:
        """Whether the target holds at ``value`` (status met or not_binding)."""
        return self.status != "infeasible"

    def __str__(self) -> str:
        o = self.outcome
        return (
            f"goal_seek {o['target']}: {self.status}, value {self.value:.6g}, margin "
            f"{self.margin:.4g} {o['unit']} (lever from {self.start_year}; {self.runs} runs)"
        )


def goal_seek(
    scenario: Union[Scenario, str],
    lever,
    target,
    bounds,
    *,
    targets: Union[Targets, str] = "shandong",
    find: str = "smallest",
    tolerance: float = 0.0,
    max_iterations: int = 100,
    start_year: Optional[int] = None,
) -> GoalSeekResult:
    """The smallest (``find="smallest"``) or largest x in ``bounds = (lo, hi)`` at which
    ``scenario`` with ``lever`` set to x from ``start_year`` on meets ``target``, and what was
    found: the result's ``status`` is ``met``, ``not_binding`` or ``infeasible`` (see
    :class:`GoalSeekResult`), ``margin`` the achieved margin.

    ``lever``: see :func:`lever_adjustment`. ``target``: a target id of ``targets`` (a
    :class:`Targets` or a shipped name) or a target object. ``start_year``: the first year the
    lever acts in; earlier years, the base year among them, keep the scenario's values. Default:
    the lever's own ``from_year``, else the scenario's first projection year (the year after
    its observed history, 2025 for Shandong);
    for a schedule (start-year mode) it is the earliest start allowed. Assumes the target's
    margin is monotone in x over the bracket. ``tolerance`` is the final bracket width (0: 1e-6
    of the bracket); start years are whole.
    """
    if isinstance(scenario, str):
        scenario = Scenario.load(scenario)
    if isinstance(target, str):
        target = (targets if isinstance(targets, Targets) else Targets.load(targets)).find(target)
    lo, hi = (float(b) for b in bounds)
    adjustment = lever_adjustment(lever)
    if not adjustment.is_package:
        check_lever_key(scenario, adjustment.variable, adjustment.key, "goal_seek")
    start = 0 if start_year is None else _whole_year(start_year)
    found = _core.targets.goal_seek(
        scenario._core,
        adjustment,
        target,
        lo,
        hi,
        find,
        float(tolerance),
        int(max_iterations),
        start,
    )
    o = found.outcome
    outcome = pd.Series(
        {
            "target": o.id,
            "year": o.year,
            "required": o.required,
            "achieved": o.achieved,
            "margin": o.margin,
            "unit": o.unit,
            "passed": o.passed,
            "detail": o.detail,
        }
    )
    return GoalSeekResult(
        found.value,
        outcome,
        Scenario(found.scenario),
        Results(found.results, scenario.description),
        found.runs,
        found.margin,
        found.status,
        found.start_year,
    )


def _whole_year(year) -> int:
    """``year`` as an int; ValueError for a fractional, non-finite or non-numeric year."""
    try:
        value = float(year)
    except (TypeError, ValueError):
        raise ValueError(f"goal_seek: start_year {year!r} is not a year") from None
    if not value.is_integer():
        raise ValueError(f"goal_seek: start_year {year!r} is not a whole year")
    return int(value)
