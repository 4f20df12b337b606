"""``peakpath targets``: check scenarios against a target set; and the main job that runs the
shipped Shandong scenarios with their target reports, peak diagnostics and plots."""
from __future__ import annotations

import os

import pandas as pd

__all__ = ["add_targets_parser", "main_job", "peak_line", "SHIPPED_SCENARIOS"]

SHIPPED_SCENARIOS = ("shandong/baseline", "shandong/opinions", "shandong/accelerated")


def peak_line(results, indicator: str = "co2_total_mt", tolerance: float = 0.01) -> str:
    from .peak import peak

    p = peak(results.years, results.indicator(indicator), tolerance)
    text = (
        f"  CO2 peak: {p.status.replace('_', ' ')}; maximum {p.value:.1f} Mt in {p.year}, "
        f"plateau {p.plateau_start}-{p.plateau_end} (within {tolerance:.0%})"
    )
    if p.status == "peaked":
        text += f", then -{p.decline_rate_after:.2%}/yr on average to {results.years[-1]}"
    if p.rebound:
        text += f"; rebounds above an earlier peak in {p.rebound_year}"
    return text


def _check(names, targets_name: str, out: str, print_peak: bool, overrides=(), force: bool = False):
    """Run, check and write ``<stem>_targets.csv`` for each scenario; returns results, reports.
    Scenario names must be unique unless ``force`` (:func:`peakpath.cli.load_scenarios`)."""
    from .cli import file_stem, load_scenarios
    from .io_utils import write_csv
    from .model import run
    from .targets import Targets, check_targets

    targets = Targets.load(targets_name)
    scenarios = load_scenarios(names, overrides, force)
    os.makedirs(out, exist_ok=True)
    runs, reports = [], []
    for scenario in scenarios:
        results = run(scenario)
        report = check_targets(results, targets)
        path = os.path.join(out, f"{file_stem(results.scenario)}_targets.csv")
        write_csv(report.to_frame(), path)
        print(report.to_string())
        if print_peak:
            print(peak_line(results))
        print(f"  wrote {path}")
        runs.append(results)
        reports.append(report)
    return targets, runs, reports


def _cmd_targets(args) -> int:
    _check(
        args.scenario,
        args.targets,
        args.out,
        print_peak=False,
        overrides=args.set or [],
        force=args.force,
    )
    return 0


def add_targets_parser(subparsers) -> None:
    """Add ``targets SCENARIO... [--targets NAME] [--out DIR]`` to a subparsers object."""
    p = subparsers.add_parser(
        "targets",
        help="check scenarios against a target set",
        description="Run scenarios and check each against a target set: print pass/fail and "
        "the signed margin of every target (>= 0 passes) and write "
        "<scenario>_targets.csv. Definitions: docs/targets.md.",
    )
    p.add_argument("scenario", nargs="+", help="shipped name (shandong/baseline) or YAML file")
    p.add_argument(
        "--targets", default="shandong", help="shipped target set or YAML file (default: shandong)"
    )
    p.add_argument("--out", default="out", help="output directory (default: out)")
    p.add_argument(
        "--set",
        action="append",
        metavar="ADDRESS=VALUE",
        help="override a lever, e.g. capacity_gw/solar@2030=150 (repeatable)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="check scenarios that share a name anyway (the later one's report "
        "replaces the earlier one's)",
    )
    p.set_defaults(func=_cmd_targets)


def _backcast(scenario: str, out_dir: str) -> None:
    """Print and write the backcast of ``scenario`` (its history is shared by every scenario)."""
    from .calibration import backcast_plot, calibration_report
    from .io_utils import write_csv
    from .model import run

    report = calibration_report(run(scenario))
    compared = report[report["status"] != "skipped"]
    print(
        f"Backcast of {scenario}: model beside observed "
        f"({int((compared['status'] == 'pass').sum())} of {len(compared)} within tolerance, "
        f"{len(report) - len(compared)} rows skipped; docs/calibration.md)"
    )
    columns = ["indicator", "year", "statistic", "model", "difference", "tolerance", "status"]
    with pd.option_context("display.width", 120, "display.max_rows", None):
        print(compared[columns].to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    os.makedirs(out_dir, exist_ok=True)
    write_csv(report, os.path.join(out_dir, "backcast.csv"))
    backcast_plot(report, os.path.join(out_dir, "backcast.png"))
    print(f"wrote {out_dir}/backcast.csv and backcast.png\n")


def main_job(out_dir: str = "out", scenarios=SHIPPED_SCENARIOS, targets: str = "shandong") -> int:
    """Print the backcast first (every observed row beside the baseline, docs/calibration.md)
    and write it with its plot; then run the shipped scenarios, print each one's target report
    and peak diagnostics and write the reports, the side-by-side tables and the plots
    (trajectories with the peak marked and target bands; the comparison panel) under
    ``out_dir``. Returns 0."""
    from .comparison import compare, compare_targets, plot_comparison
    from .io_utils import write_csv
    from .plot import plot_trajectory

    _backcast(scenarios[0], out_dir)
    target_set, runs, reports = _check(scenarios, targets, out_dir, print_peak=True)
    write_csv(compare(runs), os.path.join(out_dir, "comparison.csv"))
    write_csv(compare_targets(reports), os.path.join(out_dir, "comparison_targets.csv"))
    plots = [plot_comparison(runs, os.path.join(out_dir, "comparison.png"))]
    for indicator in (
        "co2_total_mt",
        "carbon_intensity_t_per_10k_cny",
        "non_fossil_share",
        "energy_intensity_tce_per_10k_cny",
    ):
        plots.append(
            plot_trajectory(
                runs,
                os.path.join(out_dir, f"trajectory_{indicator}.png"),
                indicator=indicator,
                targets=target_set.targets,
            )
        )
    print(
        f"wrote {out_dir}/comparison.csv, comparison_targets.csv and "
        f"{', '.join(os.path.basename(p) for p in plots)}"
    )
    return 0
