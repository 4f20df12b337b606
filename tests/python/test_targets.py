"""Target sets, target reports, the history file, comparison tables and the targets CLI."""
import csv
import math
import os

import pandas as pd
import pytest

import peakpath as pp
from peakpath import comparison as compare, targets
from peakpath.cli import build_parser
from peakpath.cli_targets import add_targets_parser, main_job

from conftest import DATA


@pytest.fixture(scope="module")
def shandong():
    return targets.Targets.load("shandong")


def test_shipped_set_holds_the_published_targets(shandong):
    frame = shandong.to_frame()
    assert frame.loc["energy_intensity_2025", "value"] == pytest.approx(0.145)
    assert frame.loc["co2_intensity_2025", "value"] == pytest.approx(0.205)
    assert frame.loc["non_fossil_2025", "value"] == pytest.approx(0.13)
    assert frame.loc["non_fossil_2030", "value"] == pytest.approx(0.20)
    assert frame.loc["co2_intensity_2030", ["base_year", "value"]].tolist() == [2005, 0.68]
    assert frame.loc["peak_2030", ["kind", "year"]].tolist() == ["peak_by", 2030]
    assert frame.loc["post_peak_2035", ["kind", "window_start", "year"]].tolist() == [
        "stable_decline",
        2030,
        2035,
    ]
    milestones = frame[frame.year == 2027]
    assert len(milestones) == 3 and set(milestones.tag) == {"P"}
    assert all(frame.source.str.len() > 0)


def test_history_derives_the_2005_base_from_its_growth_rows():
    with open(os.path.join(DATA, "shandong", "history.csv"), newline="") as f:
        rows = {(r["indicator"], int(r["year"])): float(r["value"]) for r in csv.DictReader(f)}
    index = math.prod(1 + v for (name, _), v in rows.items() if name == "gdp_real_growth")
    gdp_2005 = rows[("gdp_100m_cny", 2020)] / index
    assert rows[("gdp_100m_cny", 2005)] == pytest.approx(gdp_2005, abs=0.05)
    # t/10k CNY = Mt x 1e6 / (1e8 CNY x 1e4)
    assert rows[("carbon_intensity_t_per_10k_cny", 2005)] == pytest.approx(
        rows[("co2_total_mt", 2005)] * 100 / gdp_2005, abs=5e-5
    )


def test_report_margins_follow_the_definitions(baseline, shandong):
    report = targets.check_targets(baseline, shandong)
    frame = report.to_frame()
    ind = baseline.indicators()
    ei = ind["energy_intensity_tce_per_10k_cny"]
    row = frame.loc["energy_intensity_2025"]
    assert row.achieved == pytest.approx(1 - ei[2025] / ei[2020], rel=1e-12)
    assert row.margin == pytest.approx(row.achieved - 0.145, abs=1e-12)
    assert frame.loc["non_fossil_2027", "required"] == pytest.approx(0.158)
    assert frame.loc["energy_cap_2025", "margin"] == pytest.approx(
        454 - ind.loc[2025, "energy_total_mtce"]
    )
    ci_2005 = shandong.find("co2_intensity_2030").base_value
    assert frame.loc["co2_intensity_2030", "achieved"] == pytest.approx(
        1 - ind.loc[2030, "carbon_intensity_t_per_10k_cny"] / ci_2005
    )
    assert (frame.passed == (frame.margin >= 0)).all()
    assert report.passed == bool(frame.passed.all())
    assert "energy_intensity_2025" in report.to_string()


def test_check_targets_accepts_a_name_and_rejects_other_objects(baseline):
    assert len(targets.check_targets(baseline, "shandong").outcomes) == 11
    with pytest.raises(TypeError, match="expected Results"):
        targets.check_targets("shandong/baseline", "shandong")


def test_bad_target_file_names_file_line_and_key(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: x\ntargets:\n  - id: a\n    type: cap\n    indicator: co2_total_mt\n"
        "    year: 2030\n    cap: lots\n"
    )
    with pytest.raises(
        pp.DataError,
        match=r"bad.yaml line 7, key 'targets\[0\] \(a\).cap': " r"value 'lots' has the wrong type",
    ):
        targets.Targets.load(str(bad))
    with pytest.raises(ValueError, match="target set 'nowhere' not found"):
        targets.Targets.load("nowhere")


def test_impossible_year_is_a_clear_error(tmp_path, baseline):
    late = tmp_path / "late.yaml"
    late.write_text(
        "name: late\ntargets:\n  - {id: far, type: cap, indicator: co2_total_mt, "
        "year: 2070, cap: 1}\n"
    )
    with pytest.raises(
        ValueError, match=r"target 'far': year 2070 is outside the run \(2020-2060\)"
    ):
        targets.check_targets(baseline, str(late))


def test_compare_tables_side_by_side(baseline):
    other = pp.run(pp.Scenario.load("shandong/accelerated"))
    table = compare.compare([baseline, other], indicators=("co2_total_mt",), years=(2020, 2030))
    assert list(table.columns) == ["shandong/baseline", "shandong/accelerated"]
    assert table.loc[("co2_total_mt", 2030), "shandong/baseline"] == pytest.approx(
        baseline.indicators().loc[2030, "co2_total_mt"]
    )
    reports = [targets.check_targets(r) for r in (baseline, other)]
    margins = compare.compare_targets(reports)
    assert margins.loc["peak_2030", ("shandong/accelerated", "margin")] == pytest.approx(
        reports[1].to_frame().loc["peak_2030", "margin"]
    )
    with pytest.raises(ValueError, match="unknown indicators"):
        compare.compare([baseline], indicators=("co2",))


def test_targets_cli_prints_and_writes_csv(tmp_path, capsys):
    parser = build_parser()
    if "targets" not in parser._subparsers._group_actions[0].choices:  # until the lead wires it
        add_targets_parser(parser._subparsers._group_actions[0])
    args = parser.parse_args(["targets", "shandong/baseline", "--out", str(tmp_path)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "energy_intensity_2025" in out and "shandong/baseline against shandong" in out
    frame = pd.read_csv(tmp_path / "shandong_baseline_targets.csv", index_col="id")
    assert len(frame) == 11 and set(frame.passed) <= {True, False}


def test_main_job_writes_reports_tables_and_plots(tmp_path, capsys):
    assert main_job(str(tmp_path)) == 0
    out = capsys.readouterr().out
    for name in ("baseline", "opinions", "accelerated"):
        assert f"shandong/{name} against shandong" in out
        assert (tmp_path / f"shandong_{name}_targets.csv").exists()
    assert out.count("CO2 peak:") == 3
    for name in (
        "comparison.csv",
        "comparison_targets.csv",
        "comparison.png",
        "trajectory_co2_total_mt.png",
        "trajectory_non_fossil_share.png",
    ):
        assert (tmp_path / name).stat().st_size > 0
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".tmp-")]
