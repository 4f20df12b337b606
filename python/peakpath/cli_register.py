# SPDX-License-Identifier: Apache-2.0
"""``peakpath register ...``: manage the two-high project register from the command line."""
from __future__ import annotations

import argparse

import pandas as pd

__all__ = ["add_register_parser"]


def _open(args):
    from .register import Register

    return Register(args.db, rules=args.rules)


def _print(frame: pd.DataFrame) -> None:
    with pd.option_context(
        "display.max_rows", None, "display.max_columns", None, "display.width", 160
    ):
        print(frame.to_string())


def _cmd_init(args) -> int:
    reg = _open(args)
    print(
        f"{reg.path}: register schema version {reg.schema_version}, "
        f"{len(reg.projects())} projects"
    )
    return 0


def _cmd_import(args) -> int:
    reg = _open(args)
    if args.offsets:
        print(f"imported {reg.import_offsets_csv(args.csv)} offset sources from {args.csv}")
    else:
        print(f"imported {reg.import_csv(args.csv)} projects from {args.csv}")
    return 0


def _cmd_list(args) -> int:
    filters = {
        k: v
        for k, v in (("project_type", args.type), ("status", args.status), ("city", args.city))
        if v is not None
    }
    frame = _open(args).projects(**filters)
    if args.csv:
        frame.to_csv(args.csv)
        print(f"wrote {len(frame)} projects to {args.csv}")
    else:
        _print(frame)
    return 0


def _cmd_classify(args) -> int:
    _print(_open(args).classify())
    return 0


def _cmd_require(args) -> int:
    requirement = _open(args).requirement(args.project_id)
    _print(pd.Series(requirement, name="requirement").to_frame())
    return 0


def _cmd_allocate(args) -> int:
    allocation = _open(args).allocate(args.project_id, commit=not args.dry_run)
    _print(allocation.summary())
    if len(allocation.assignments):
        print()
        _print(allocation.assignments)
    verdict = "approved" if allocation.approved else "NOT approved (shortfall above)"
    stored = "stored" if allocation.committed else "nothing stored"
    print(f"\n{args.project_id}: {verdict}; {stored}")
    return 0 if allocation.approved else 1


def _cmd_release(args) -> int:
    print(f"released {_open(args).release(args.project_id)} assignments of {args.project_id}")
    return 0


def _cmd_monitor(args) -> int:
    reg = _open(args)
    flags = reg.monitor(args.csv)
    over = flags[flags["over"]]
    print(f"{len(flags)} figures, {len(over)} above the approved amounts")
    if len(over):
        _print(over)
    if args.caps:
        print()
        _print(reg.totals(args.caps))
    return 0


def _cmd_export(args) -> int:
    reg = _open(args)
    reg.export_csv(args.csv)
    print(f"wrote {len(reg.projects())} projects to {args.csv}")
    return 0


def _cmd_verify(args) -> int:
    reg = _open(args)
    result = reg.verify()
    if result.ok:
        print(f"{reg.path}: ok, {result.entries} audit entries, chain head {result.head}")
        return 0
    print(f"{reg.path}: BROKEN: {result.first_break}")
    return 1


# long: one argparse definition per register command, a table more than logic.
def add_register_parser(subparsers) -> argparse.ArgumentParser:
    """Adds ``register`` with its sub-commands to an argparse sub-parser collection."""
    parser = subparsers.add_parser(
        "register",
        help="the two-high project register and replacement ledger",
        description="Manage a two-high project register (an SQLite file): import projects and "
        "offset sources, classify, compute replacement requirements, allocate and "
        "release offsets, monitor actuals, export. See docs/register.md.",
    )
    commands = parser.add_subparsers(dest="register_command", required=True)

    def command(name, func, help, description):
        p = commands.add_parser(name, help=help, description=description)
        p.add_argument("db", help="register database file (created if missing)")
        p.add_argument(
            "--rules",
            default=None,
            help="user rules CSV overriding the shipped ratios, levels, eligibility",
        )
        p.set_defaults(func=func)
        return p

    command(
        "init",
        _cmd_init,
        "create (or migrate) a register",
        "Create the register database, or bring an older one to the current schema.",
    )
    p = command(
        "import",
        _cmd_import,
        "import projects (or offsets) from CSV",
        "Import projects from CSV, all or nothing; every bad cell is reported with "
        "file, line, column and value.",
    )
    p.add_argument("csv", help="CSV file (columns: the register field names)")
    p.add_argument(
        "--offsets",
        action="store_true",
        help="the file holds offset sources (retrofit savings, fuel switching, "
        "closures outside the register)",
    )
    p = command("list", _cmd_list, "list projects", "List projects, optionally filtered.")
    p.add_argument("--type", help="project type")
    p.add_argument("--status", help="status")
    p.add_argument("--city", help="city")
    p.add_argument("--csv", help="write the list to this CSV file instead of printing it")
    command(
        "classify",
        _cmd_classify,
        "classified disposal against benchmark and baseline",
        "Classify every project that is not retired: keep, upgrade by a deadline, or "
        "retrofit or phase out by a deadline.",
    )
    p = command(
        "require",
        _cmd_require,
        "replacement requirement of a project",
        "Print ratio × amount in each of the seven dimensions.",
    )
    p.add_argument("project_id")
    p = command(
        "allocate",
        _cmd_allocate,
        "allocate offsets to a new project",
        "Cover the requirement from eligible sources; print the cover and the shortfall "
        "per dimension. Exit status 0 when approved, 1 when a dimension does not close.",
    )
    p.add_argument("project_id")
    p.add_argument("--dry-run", action="store_true", help="explain without storing anything")
    p = command(
        "release",
        _cmd_release,
        "release a project's allocation",
        "Give a project's allocated amounts back to their sources.",
    )
    p.add_argument("project_id")
    p = command(
        "monitor",
        _cmd_monitor,
        "load actuals and flag excess",
        "Load actual annual or monthly figures (project_id, period, amounts) and flag "
        "those above the approved amounts; with --caps, totals against caps.",
    )
    p.add_argument("csv", help="actuals CSV")
    p.add_argument("--caps", help="caps CSV (year, dimension, cap)")
    p = command(
        "export",
        _cmd_export,
        "export projects to CSV",
        "Write every project as CSV in the import format (atomically).",
    )
    p.add_argument("csv", help="output CSV file")
    command(
        "verify",
        _cmd_verify,
        "check the tamper-evident audit trail",
        "Recompute the audit trail's hash chain and compare every row of projects, offsets, "
        "allocations and actuals with its last audit entry. Prints ok (with the chain head "
        "to keep elsewhere) or where the first break is and why; exit status 1 on a break.",
    )
    return parser
