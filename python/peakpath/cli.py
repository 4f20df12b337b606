"""The ``peakpath`` command line: run scenarios, check targets, manage the register."""
from __future__ import annotations

import argparse
import os
import sys

__all__ = ["main", "build_parser"]


def _summary(results) -> str:
    from .cli_targets import peak_line

    ind = results.indicators()
    lines = [f"{results.scenario}: {results.region}, base year {int(ind.index[0])}, "
             f"horizon {int(ind.index[-1])}", peak_line(results)]
    header = f"  {'year':>6} {'CO2 Mt':>9} {'energy Mtce':>12} {'non-fossil':>11} {'coal Mt':>9} {'GDP 1e8 CNY':>12}"
    lines.append(header)
    for year in (int(ind.index[0]), 2025, 2030, 2035):
        if year in ind.index:
            row = ind.loc[year]
            lines.append(f"  {year:>6} {row.co2_total_mt:>9.1f} {row.energy_total_mtce:>12.1f} "
                         f"{row.non_fossil_share:>10.1%} {row.coal_consumption_mt:>9.1f} "
                         f"{row.gdp_100m_cny:>12.0f}")
    return "\n".join(lines)


def _cmd_run(args) -> int:
    from .io_utils import write_csv
    from .model import run
    from .plot import plot_emissions_by_sector
    from .scenario import Scenario

    from .overrides import with_overrides

    scenarios = [with_overrides(Scenario.load(name), getattr(args, "set", None) or []) for name in args.scenario]
    os.makedirs(args.out, exist_ok=True)
    for scenario in scenarios:
        results = run(scenario)
        stem = scenario.name.replace("/", "_")
        write_csv(results.indicators(), os.path.join(args.out, f"{stem}_indicators.csv"))
        write_csv(results.to_iamc(), os.path.join(args.out, f"{stem}_iamc.csv"), index=False)
        write_csv(results.emissions(by=("sector", "fuel")),
                  os.path.join(args.out, f"{stem}_emissions.csv"), index=False)
        plot_emissions_by_sector(results, os.path.join(args.out, f"{stem}_emissions_by_sector.png"))
        print(_summary(results))
        print(f"  wrote {args.out}/{stem}_{{indicators,iamc,emissions}}.csv and "
              f"{stem}_emissions_by_sector.png")
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
    p_run = sub.add_parser("run", help="run scenarios and write tables and plots",
                           description="Run scenarios; print a summary; write the indicator "
                                       "table, the IAMC table, emissions by sector and fuel, and "
                                       "a PNG plot of emissions by sector.")
    p_run.add_argument("scenario", nargs="+", help="shipped name (shandong/baseline) or YAML file")
    p_run.add_argument("--out", default="out", help="output directory (default: out)")
    p_run.add_argument("--set", action="append", metavar="ADDRESS=VALUE",
                       help="override a lever, e.g. capacity_gw/solar@2030=150 or "
                            "scale:intensity_change=1.2 (repeatable; docs/levers.md)")
    p_run.set_defaults(func=_cmd_run)
    p_main = sub.add_parser("main", help="the main job: the shipped Shandong scenarios",
                            description="Run shandong/baseline, shandong/opinions and "
                                        "shandong/accelerated: tables, IAMC, plots, target "
                                        "reports and peak diagnostics (README, Quick start).")
    p_main.add_argument("--out", default="out", help="output directory (default: out)")
    p_main.set_defaults(func=_cmd_main)
    from .cli_register import add_register_parser
    from .cli_targets import add_targets_parser

    from .cli_ensemble import add_ensemble_parser

    add_targets_parser(sub)
    add_register_parser(sub)
    add_ensemble_parser(sub)
    return parser


def main(argv=None) -> int:
    # A command writes PNG files and shows nothing: a headless backend unless the user chose one
    # (the library itself never sets a backend).
    os.environ.setdefault("MPLBACKEND", "Agg")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ValueError as error:  # bad input: one clear line, no traceback
        print(f"peakpath: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
