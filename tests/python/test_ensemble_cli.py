"""The ``ensemble`` subcommand: the shipped spec, the progress bar, the CSV tables, and spec
errors that name the file and key."""
import argparse
import os

import pandas as pd
import pytest

from peakpath.cli_ensemble import add_ensemble_parser, load_ensemble_spec

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC = os.path.join(ROOT, "data", "shandong", "ensembles", "baseline_uncertainty.yaml")


def cli(argv):
    parser = argparse.ArgumentParser(prog="peakpath")
    add_ensemble_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_shipped_spec_loads():
    kwargs = load_ensemble_spec(SPEC)
    assert list(kwargs["uncertain"]) == [
        "gdp_growth@2030",
        "capacity_gw/solar@2030",
        "scale:coal_heat_rate_gce_per_kwh@2030",
        "import_share@2030",
    ]
    assert kwargs["uncertain"]["capacity_gw/solar@2030"].kind == "triangular"
    assert kwargs["n"] == 2000 and kwargs["sampler"] == "lhs" and kwargs["targets"] == "shandong"
    assert kwargs["scenario"].levers["import_share"]["total"] == {2020.0: 0.177, 2025.0: 0.226}


def test_ensemble_command_writes_tables_and_shows_progress(tmp_path, capsys):
    assert cli(["ensemble", SPEC, "--n", "40", "--workers", "2", "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "40/40" in err and "runs/s" in err and err.endswith("\n")
    # The spec's levers make a derived scenario, named after them (docs/scenarios.md).
    assert (
        "ensemble of shandong/baseline+import_share@2020=0.177+import_share@2025=0.226: "
        "40 samples (lhs, seed 20240601), 40 completed"
    ) in out
    assert "P(peak_2030 met)" in out
    table = pd.read_csv(tmp_path / "baseline_uncertainty_percentiles.csv")
    assert list(table.columns[:4]) == ["indicator", "year", "count", "mean"]
    assert set(["p5", "p50", "p95"]) <= set(table.columns)
    assert (table["count"] == 40).all()
    assert len(table) == table["indicator"].nunique() * 41
    peak = pd.read_csv(tmp_path / "baseline_uncertainty_peak.csv", index_col=0)
    assert list(peak.index) == ["co2_total_mt", "energy_total_mtce"]
    targets = pd.read_csv(tmp_path / "baseline_uncertainty_targets.csv", index_col=0)
    assert targets["probability"].between(0, 1).all()
    assert not (tmp_path / "baseline_uncertainty_failures.csv").exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".tmp")]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "scenario: shandong/baseline\nn: 4\n"
            "uncertain: {gdp_growth@2030: {distribution: uniform, "
            "low: 0.03, high: 0.05}}\nsamples: 3\n",
            "spec.yaml: unknown key 'samples'",
        ),
        (
            "scenario: shandong/baseline\nuncertain: {gdp_growth@2030: {distribution: uniform, "
            "low: 0.03, high: 0.05}}\n",
            "spec.yaml: missing key 'n'",
        ),
        (
            "scenario: shandong/baseline\nn: 4\n"
            "uncertain: {gdp_growth@2030: {distribution: uniform, "
            "low: 0.05, high: 0.03}}\n",
            "spec.yaml: uncertain.gdp_growth@2030: uniform: low = 0.05",
        ),
        (
            "scenario: shandong/baseline\nn: 4\nuncertain: [1, 2]\n",
            "spec.yaml: uncertain: expected a mapping",
        ),
        ("scenario: [\n", "spec.yaml: not valid YAML"),
    ],
)
def test_spec_errors_name_file_and_key(tmp_path, text, message):
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    with pytest.raises(ValueError) as error:
        load_ensemble_spec(str(spec))
    assert message in str(error.value)


def test_bad_n_on_the_command_line(tmp_path, capsys):
    # A usage error (exit 2) naming the option, before anything runs; 1e21 used to overflow.
    for bad in ("0", "1e21", "2.5", "many"):
        with pytest.raises(SystemExit) as exit_:
            cli(["ensemble", SPEC, "--n", bad, "--out", str(tmp_path)])
        assert exit_.value.code == 2
        assert f"argument --n: '{bad}'" in capsys.readouterr().err
    assert not os.listdir(tmp_path)
