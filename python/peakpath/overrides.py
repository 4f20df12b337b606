"""Lever overrides given as text, for the command line: ``ADDRESS=VALUE``.

The address is a lever address (docs/levers.md), parsed by the C++ parser:
``capacity_gw/solar@2030=150`` sets the solar path's 2030 point (overlaid on the path: the
base year keeps its value), ``scale:intensity_change=1.2`` multiplies every intensity path,
``import_share@2030=0.3`` sets a point on a "total" path. The old spelling
``capacity_gw.solar@2030`` still works for one release, with a DeprecationWarning.
"""
from __future__ import annotations

from typing import Sequence

from .lever_address import LeverPlan, parse_address
from .scenario import Scenario

__all__ = ["with_overrides"]


def with_overrides(scenario: Scenario, overrides: Sequence[str]) -> Scenario:
    """A copy of ``scenario`` with each ``ADDRESS=VALUE`` applied, in order."""
    for text in overrides:
        address, sep, value = text.partition("=")
        if not sep:
            raise ValueError(
                f"override {text!r}: expected ADDRESS=VALUE " f"(e.g. capacity_gw/solar@2030=150)"
            )
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"override {text!r}: value {value!r} is not a number") from None
        where = "override address"
        plan = LeverPlan(scenario, [parse_address(address.strip(), where)], where)
        scenario = Scenario(scenario._core.with_levers(plan.levers([number])))
    return scenario
