"""Targets as data, and the report of a run against them (docs/targets.md)."""
from __future__ import annotations

from typing import Iterator, Union

import pandas as pd

from . import _core
from .results import Results

__all__ = ["Targets", "TargetReport", "check_targets"]

_TARGET_COLUMNS = (
    "description",
    "kind",
    "indicator",
    "year",
    "base_year",
    "value",
    "window_start",
    "tolerance",
    "base_value",
    "interpolate",
    "tag",
    "source",
    "note",
)
_OUTCOME_COLUMNS = (
    "description",
    "kind",
    "indicator",
    "year",
    "required",
    "achieved",
    "margin",
    "unit",
    "passed",
    "detail",
    "tag",
)


class Targets:
    """A target set (wraps ``peakpath::TargetSet``); load one with :meth:`load`."""

    def __init__(self, core: _core.targets.TargetSet):
        self._core = core

    @classmethod
    def load(cls, name_or_path: str = "shandong") -> "Targets":
        """A shipped set by name (``"shandong"``) or a path to a YAML file."""
        return cls(_core.targets.TargetSet.load(str(name_or_path)))

    name = property(lambda self: self._core.name)
    description = property(lambda self: self._core.description)
    file = property(lambda self: self._core.file)

    @property
    def targets(self) -> list:
        """The targets, in file order (``_core.targets.Target`` objects)."""
        return list(self._core.targets)

    def find(self, target_id: str):
        """The target called ``target_id``; ValueError when there is none."""
        return self._core.find(target_id)

    def to_frame(self) -> pd.DataFrame:
        """One row per target, indexed by id."""
        return pd.DataFrame(
            [{c: getattr(t, c) for c in _TARGET_COLUMNS} for t in self.targets],
            index=pd.Index([t.id for t in self.targets], name="id"),
        )

    def __iter__(self) -> Iterator:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self._core.targets)

    def __repr__(self) -> str:
        return f"Targets({self.name!r}, {len(self)} targets)"


class TargetReport:
    """Pass/fail and the signed margin of each target for one run."""

    def __init__(self, core: _core.targets.TargetReport):
        self._core = core

    scenario = property(lambda self: self._core.scenario)
    target_set = property(lambda self: self._core.target_set)

    @property
    def passed(self) -> bool:
        """True when every target passes."""
        return self._core.passed

    @property
    def outcomes(self) -> list:
        """The outcomes, in the set's order (``_core.targets.TargetOutcome`` objects)."""
        return list(self._core.outcomes)

    def to_frame(self) -> pd.DataFrame:
        """One row per target, indexed by id: required, achieved, margin (>= 0 passes), unit,
        passed, detail."""
        rows = [{c: getattr(o, c) for c in _OUTCOME_COLUMNS} for o in self._core.outcomes]
        frame = pd.DataFrame(rows, index=pd.Index([o.id for o in self._core.outcomes], name="id"))
        frame.insert(0, "scenario", self.scenario)
        return frame

    def to_string(self) -> str:
        """A plain-text table for terminals."""
        lines = [
            f"{self.scenario} against {self.target_set}: "
            f"{'all targets met' if self.passed else 'some targets missed'}",
            f"  {'target':<22} {'year':>4} {'required':>10} {'achieved':>10} "
            f"{'margin':>10}  {'':4} unit",
        ]
        for o in self._core.outcomes:
            lines.append(
                f"  {o.id:<22} {o.year:>4} {o.required:>10.4g} {o.achieved:>10.4g} "
                f"{o.margin:>+10.4g}  {'pass' if o.passed else 'FAIL':4} {o.unit}"
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"TargetReport({self.scenario!r}, passed={self.passed})"


def check_targets(results: Results, targets: Union[Targets, str] = "shandong") -> TargetReport:
    """Check a run against a target set (a :class:`Targets` or a shipped name / YAML path)."""
    if not isinstance(results, Results):
        raise TypeError(f"check_targets: expected Results, got {type(results).__name__}")
    if not isinstance(targets, Targets):
        targets = Targets.load(targets)
    return TargetReport(_core.targets.check_targets(results._core, targets._core))
