# SPDX-License-Identifier: Apache-2.0
"""The "two high" project register and the five-dimension replacement ledger.

A thin layer over ``peakpath._core.register``: the same methods as the C++ ``peakpath::Register``,
with query results as pandas DataFrames. See docs/register.md.
"""
from __future__ import annotations

import dataclasses
import os
from typing import Dict, Optional

import pandas as pd

from . import _core

_reg = _core.register

__all__ = [
    "Register",
    "Allocation",
    "DIMENSIONS",
    "PROJECT_TYPES",
    "PROJECT_STATUSES",
    "OFFSET_KINDS",
]

DIMENSIONS = tuple(_reg.DIMENSIONS)
PROJECT_TYPES = tuple(_reg.PROJECT_TYPES)
PROJECT_STATUSES = tuple(_reg.PROJECT_STATUSES)
OFFSET_KINDS = tuple(_reg.OFFSET_KINDS)

_PROJECT_FIELDS = (
    "id",
    "name",
    "city",
    "project_type",
    "status",
    "capacity",
    "capacity_unit",
    "energy_tce",
    "coal_t",
    "co2_t",
    "so2_t",
    "nox_t",
    "pm_t",
    "unit_energy",
    "commissioned",
    "retired",
    "key_region",
    "note",
)
_ASSIGNMENT_FIELDS = (
    "project_id",
    "source_id",
    "source_kind",
    "source_city",
    "source_date",
    "dimension",
    "amount",
    "available",
)


def _utf8(where: str, field: str, value):
    """``value``, or ValueError naming the field when a str cannot be encoded as UTF-8 (a lone
    surrogate, e.g. from a file name decoded with surrogateescape)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValueError(
                f"{where}: {field}: {value!r}: not valid UTF-8 ({error.reason} at "
                f"offset {error.start})"
            ) from None
    return value


def _frame(items, fields, index=None) -> pd.DataFrame:
    frame = pd.DataFrame(
        [{f: getattr(item, f) for f in fields} for item in items], columns=list(fields)
    )
    return frame.set_index(index) if index else frame


@dataclasses.dataclass(frozen=True)
class Allocation:
    """The replacement account of one project.

    ``approved`` is True when every dimension closes; ``shortfall``, ``requirement`` and
    ``covered`` are dicts by dimension; ``assignments`` says which source covers how much of
    which dimension; ``committed`` tells whether the assignments were stored.
    """

    project_id: str
    approved: bool
    committed: bool
    requirement: Dict[str, float]
    covered: Dict[str, float]
    shortfall: Dict[str, float]
    assignments: pd.DataFrame

    @classmethod
    def _from_core(cls, a) -> "Allocation":
        return cls(
            a.project_id,
            a.approved,
            a.committed,
            dict(a.requirement),
            dict(a.covered),
            dict(a.shortfall),
            _frame(a.assignments, _ASSIGNMENT_FIELDS),
        )

    def summary(self) -> pd.DataFrame:
        """Requirement, covered and shortfall by dimension (one row per dimension)."""
        return pd.DataFrame(
            {"requirement": self.requirement, "covered": self.covered, "shortfall": self.shortfall}
        ).loc[list(DIMENSIONS)]


class Register:
    """The register database at ``path`` (an SQLite file, created if missing).

    ``rules`` is an optional user rules file (CSV, columns rule, project_type, dimension, value,
    unit, tag, source) whose rows override the shipped defaults in data/rules.
    """

    def __init__(self, path: "str | os.PathLike", rules: "Optional[str | os.PathLike]" = None):
        self._core = _reg.Register(os.fspath(path), None if rules is None else os.fspath(rules))

    @property
    def path(self) -> str:
        """The SQLite file of the register."""
        return self._core.path

    @property
    def schema_version(self) -> int:
        """The version of the register's table layout (upgraded on opening; docs/register.md)."""
        return self._core.schema_version

    def import_csv(self, path) -> int:
        """Adds every project of a CSV file, all or nothing; returns how many were added.

        Raises ValueError listing every bad cell (file, line, column, value): text that is not
        UTF-8, amounts that are not finite or outside the ranges of docs/register.md, bad
        names and dates, duplicate ids.
        """
        return self._core.import_csv(os.fspath(path))

    def add_project(self, **fields) -> None:
        """Adds one project; keywords are the field names (id, name, city, project_type, ...)."""
        unknown = set(fields) - set(_PROJECT_FIELDS)
        if unknown:
            raise TypeError(
                f"add_project: unknown field(s) {sorted(unknown)}; "
                f"fields are {', '.join(_PROJECT_FIELDS)}"
            )
        project = _reg.Project()
        for name, value in fields.items():
            if name in ("commissioned", "retired") and value is not None:
                value = str(value)
            if value is not None:
                setattr(project, name, _utf8("add_project", name, value))
        self._core.add_project(project)

    def projects(self, **filters) -> pd.DataFrame:
        """Projects as a DataFrame indexed by id; filter by project_type, status, city or
        key_region."""
        allowed = {"project_type", "status", "city", "key_region"}
        unknown = set(filters) - allowed
        if unknown:
            raise TypeError(
                f"projects: unknown filter(s) {sorted(unknown)}; " f"filters are {sorted(allowed)}"
            )
        for name, value in filters.items():
            _utf8("projects", name, value)
        return _frame(self._core.projects(**filters), _PROJECT_FIELDS, index="id")

    def set_status(self, project_id: str, status: str, date: str = "") -> None:
        """Changes a project's status; retiring needs the date."""
        for field, value in (("id", project_id), ("status", status), ("date", str(date))):
            _utf8("set_status", field, value)
        self._core.set_status(project_id, status, str(date))

    def add_offset(
        self,
        id: str,
        kind: str,
        project_type: str,
        city: str,
        date,
        capacity_unit: str = "",
        verified: bool = True,
        note: str = "",
        **amounts: float,
    ) -> None:
        """Adds an offset source; amounts by dimension name as keywords (e.g. co2_t=1000)."""
        for field, value in (
            ("id", id),
            ("kind", kind),
            ("project_type", project_type),
            ("city", city),
            ("date", str(date)),
            ("capacity_unit", capacity_unit),
            ("note", note),
        ):
            _utf8("add_offset", field, value)
        offset = _reg.Offset()
        offset.id, offset.kind, offset.project_type, offset.city = id, kind, project_type, city
        offset.date, offset.capacity_unit = str(date), capacity_unit
        offset.verified, offset.note = verified, note
        unknown = set(amounts) - set(DIMENSIONS)
        if unknown:
            raise TypeError(f"add_offset: unknown dimension(s) {sorted(unknown)}")
        offset.amounts = {d: float(amounts.get(d, 0.0)) for d in DIMENSIONS}
        self._core.add_offset(offset)

    def import_offsets_csv(self, path) -> int:
        """Adds offset sources from a CSV file, all or nothing."""
        return self._core.import_offsets_csv(os.fspath(path))

    def offsets(self) -> pd.DataFrame:
        """The offset sources, one row each, with their amounts by dimension."""
        rows = [
            dict(
                id=o.id,
                kind=o.kind,
                project_type=o.project_type,
                city=o.city,
                date=o.date,
                capacity_unit=o.capacity_unit,
                verified=o.verified,
                note=o.note,
                **o.amounts,
            )
            for o in self._core.offsets()
        ]
        columns = [
            "id",
            "kind",
            "project_type",
            "city",
            "date",
            "capacity_unit",
            *DIMENSIONS,
            "verified",
            "note",
        ]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    def sources(self) -> pd.DataFrame:
        """Every source with its remaining amount per dimension (one row per source and
        dimension)."""
        rows = [
            dict(
                source_id=s.id,
                kind=s.kind,
                project_type=s.project_type,
                city=s.city,
                date=s.date,
                dimension=d,
                total=s.total[d],
                remaining=s.remaining[d],
            )
            for s in self._core.sources()
            for d in DIMENSIONS
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "source_id",
                "kind",
                "project_type",
                "city",
                "date",
                "dimension",
                "total",
                "remaining",
            ],
        )

    def classify(self) -> pd.DataFrame:
        """Classified disposal of every project that is not retired."""
        return _frame(
            self._core.classify(),
            (
                "project_id",
                "project_type",
                "status",
                "unit_energy",
                "benchmark",
                "baseline",
                "unit",
                "disposal",
                "deadline",
                "reason",
            ),
            index="project_id",
        )

    def requirement(self, project_id: str) -> Dict[str, float]:
        """ratio × amount by dimension."""
        return dict(self._core.requirement(_utf8("requirement", "project id", project_id)))

    def allocate(self, project_id: str, commit: bool = True) -> Allocation:
        """Covers the project's requirement from eligible sources; stores the assignments only
        when every dimension closes (and commit is True)."""
        return Allocation._from_core(
            self._core.allocate(_utf8("allocate", "project id", project_id), commit)
        )

    def release(self, project_id: str) -> int:
        """Removes the project's stored assignments; returns how many were removed."""
        return self._core.release(_utf8("release", "project id", project_id))

    def assignments(self, project_id: str = "") -> pd.DataFrame:
        """Stored assignments (of one project, or all)."""
        return _frame(
            self._core.assignments(_utf8("assignments", "project id", project_id)),
            _ASSIGNMENT_FIELDS,
        )

    def monitor(self, path=None) -> pd.DataFrame:
        """Loads actual figures from ``path`` (if given) and compares every stored figure with
        the approved amount; column ``over`` flags excess."""
        flags = self._core.flags() if path is None else self._core.monitor(os.fspath(path))
        return _frame(
            flags, ("project_id", "period", "dimension", "actual", "approved", "excess", "over")
        )

    def totals(self, caps=None) -> pd.DataFrame:
        """Two-high totals per year and dimension, against caps from a CSV (year, dimension,
        cap) when given."""
        totals = self._core.totals("" if caps is None else os.fspath(caps))
        return _frame(totals, ("year", "dimension", "total", "cap", "over"))

    def audit(self) -> pd.DataFrame:
        """The append-only audit trail, indexed by sequence number; ``prev_hash`` and ``hash``
        chain the entries (see :meth:`verify`)."""
        return _frame(
            self._core.audit(),
            ("seq", "at", "action", "entity", "entity_id", "before", "after", "prev_hash", "hash"),
            index="seq",
        )

    def verify(self):
        """Checks the tamper-evident audit trail.

        Recomputes the hash chain of the audit entries and compares every row of projects,
        offsets, allocations and actuals with the digest its last audit entry recorded. Returns
        an object with ``ok`` (bool), ``first_break`` (None, or an object with ``seq``,
        ``table``, ``key`` and ``reason``; ``str()`` says where and why), ``entries`` and
        ``head`` (the last entry's hash: keep it elsewhere to detect a rewritten chain).
        """
        return self._core.verify()

    def export_csv(self, path) -> None:
        """Writes every project as CSV (the import format), atomically."""
        self._core.export_csv(os.fspath(path))

    def __repr__(self) -> str:
        return f"Register({self.path!r})"
