"""The ``peakpath`` command line: run scenarios, check targets, manage the register."""
from __future__ import annotations

import argparse
import os
import sys

__all__ = ["main", "build_parser"]


def _summary(results) -> str:
    from .cli_targets import peak_line

    ind = results.indicators()
    lines = [
        f"{results.scenario}: {results.region}, base year {int(ind.index[0])}, "
        f"horizon {int(ind.index[-1])}",
        peak_line(results),
    ]
    header = (
        f"  {'year':>6} {'CO2 Mt':>9} {'energy Mtce':>12} {'non-fossil':>11} {'coal Mt':>9}"
        f" {'GDP 1e8 CNY':>12}"
    )
    lines.append(header)
    for year in (int(ind.index[0]), 2025, 2030, 2035):
        if year in ind.index:
            row = ind.loc[year]
            lines.append(
                f"  {year:>6} {row.co2_total_mt:>9.1f} {row.energy_total_mtce:>12.1f} "
                f"{row.non_fossil_share:>10.1%} {row.coal_consumption_mt:>9.1f} "
                f"{row.gdp_100m_cny:>12.0f}"
            )
    return "\n".join(lines)


def load_scenarios(names, overrides=(), force: bool = False) -> list:
    """The scenarios ``names`` with the ``--set`` overrides applied, each renamed to its name
    plus the overrides (``shandong/baseline+capacity_gw.solar@2030=150``). ValueError when two
    share a name or an output file stem, unless ``force`` (then the later one's files replace
    the earlier one's)."""
    from .comparison import unique_names
    from .naming import derived_name
    from .overrides import with_overrides
    from .scenario import Scenario

    scenarios = []
    for name in names:
        base = Scenario.load(name)
        scenario = with_overrides(base, overrides)
        if overrides:
            scenario = scenario.renamed(derived_name(base.name, (o.strip() for o in overrides)))
        scenarios.append(scenario)
    if not force:
        unique_names(
            (file_stem(s.name) for s in scenarios),
            "scenarios",
            "their output files would overwrite each other (give each scenario its "
            "own name, or --force)",
        )
    return scenarios


def file_stem(name: str) -> str:
    """The output file prefix of a scenario name (``/`` becomes ``_``)."""
    return name.replace("/", "_")


def _cmd_run(args) -> int:
    from .io_utils import write_csv
    from .model import run
    from .plot import plot_emissions_by_sector

    scenarios = load_scenarios(
        args.scenario, getattr(args, "set", None) or [], getattr(args, "force", False)
    )
    os.makedirs(args.out, exist_ok=True)
    for scenario in scenarios:
        results = run(scenario)
        stem = file_stem(scenario.name)
        write_csv(results.indicators(), os.path.join(args.out, f"{stem}_indicators.csv"))
        write_csv(results.to_iamc(), os.path.join(args.out, f"{stem}_iamc.csv"), index=False)
        write_csv(
            results.emissions(by=("sector", "fuel")),
            os.path.join(args.out, f"{stem}_emissions.csv"),
            index=False,
        )
        plot_emissions_by_sector(results, os.path.join(args.out, f"{stem}_emissions_by_sector.png"))
        print(_summary(results))
        print(
            f"  wrote {args.out}/{stem}_{{indicators,iamc,emissions}}.csv and "
            f"{stem}_emissions_by_sector.png"
        )
    return 0


def _cmd_main(args) -> int:
    """The README's main job: every shipped Shandong scenario with its tables and plots, then
    the target reports, peak diagnostics, comparison and trajectory plots."""
    from .cli_targets import SHIPPED_SCENARIOS, main_job

    args.scenario = list(SHIPPED_SCENARIOS)
    _cmd_run(args)
    return main_job(args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peakpath", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser(
        "run",
        help="run scenarios and write tables and plots",
        description="Run scenarios; print a summary; write the indicator "
        "table, the IAMC table, emissions by sector and fuel, and "
        "a PNG plot of emissions by sector.",
    )
    p_run.add_argument("scenario", nargs="+", help="shipped name (shandong/baseline) or YAML file")
    p_run.add_argument("--out", default="out", help="output directory (default: out)")
    p_run.add_argument(
        "--set",
        action="append",
        metavar="ADDRESS=VALUE",
        help="override a lever, e.g. capacity_gw/solar@2030=150 or "
        "scale:intensity_change=1.2 (repeatable; docs/levers.md)",
    )
    p_run.add_argument(
        "--force",
        action="store_true",
        help="run scenarios that share a name anyway (the later one's files "
        "replace the earlier one's)",
    )
    p_run.set_defaults(func=_cmd_run)
    p_main = sub.add_parser(
        "main",
        help="the main job: the shipped Shandong scenarios",
        description="Run shandong/baseline, shandong/opinions and "
        "shandong/accelerated: tables, IAMC, plots, target "
        "reports and peak diagnostics (README, Quick start).",
    )
    p_main.add_argument("--out", default="out", help="output directory (default: out)")
    p_main.set_defaults(func=_cmd_main)
    from .cli_register import add_register_parser
    from .cli_targets import add_targets_parser

    from .cli_ensemble import add_ensemble_parser

    add_targets_parser(sub)
    add_register_parser(sub)
    add_ensemble_parser(sub)
    return parser


def _add_debug(parser: argparse.ArgumentParser, top: bool) -> None:
    """``--debug`` on the parser and every subcommand (so it may come before or after one)."""
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="show the Python traceback of an error",
    )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_debug(child, top=False)


# Exit codes (README, "Command line"): one line on stderr for each.
EXIT_FAILED = 1  # the library failed at a task (a model run, an SQLite operation)
EXIT_BAD_INPUT = 2  # bad input or usage: a DataError / ValueError, or argparse's usage error
EXIT_IO = 3  # a file, directory, database or network address cannot be used
EXIT_INTERNAL = 4  # anything else: a bug (please report it, with --debug)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_PIPE = 141  # the reader of our output went away, e.g. `| head` (128 + SIGPIPE)


def _io_message(error: OSError) -> str:
    if error.strerror and error.filename is not None:
        return f"{error.filename}: {error.strerror}"
    return error.strerror or str(error)


def _classify(error: BaseException) -> tuple[int, str]:
    """(exit code, one-line message) for an error ending a command."""
    import sqlite3

    from . import _core

    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED, "interrupted"
    if isinstance(error, (_core.DataError, ValueError)):
        return EXIT_BAD_INPUT, str(error)
    if isinstance(error, OSError):
        return EXIT_IO, _io_message(error)
    if isinstance(error, sqlite3.Error):
        return EXIT_IO, f"database: {error}"
    if isinstance(error, _core.Error):
        return EXIT_FAILED, str(error)
    return EXIT_INTERNAL, (
        f"internal error: {type(error).__name__}: {error} (a bug: please "
        f"report it with the output of --debug)"
    )


def _quiet_broken_pipe() -> int:
    # Point stdout at /dev/null so that the interpreter's final flush does not fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_PIPE


def main(argv=None) -> int:
    """Run the command line; returns the exit code (documented in README, "Command line").

    Every error ends in one line on stderr (``peakpath: error: ...``) and an exit code, never a
    traceback; ``--debug`` shows the traceback too. A closed output pipe ends quietly.
    """
    # A command writes PNG files and shows nothing: a headless backend unless the user chose one
    # (the library itself never sets a backend).
    os.environ.setdefault("MPLBACKEND", "Agg")
    parser = build_parser()
    _add_debug(parser, top=True)
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except BaseException as error:  # noqa: B036 - SystemExit passes through below
        if isinstance(error, SystemExit):
            raise
        if args.debug:
            import traceback

            traceback.print_exc()
        code, message = _classify(error)
        try:
            print(f"peakpath: error: {' '.join(message.split())}", file=sys.stderr)
        except BrokenPipeError:
            pass
        return code


if __name__ == "__main__":
    sys.exit(main())
