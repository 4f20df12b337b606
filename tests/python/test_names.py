"""Names are unique (issue 13, item 4): a derived scenario is named after its parent and what
changed; compare and the command line refuse two runs of one name."""
import pytest

import peakpath as pp
from peakpath.cli import main
from peakpath.naming import derived_name, lever_changes


@pytest.fixture(scope="module")
def base():
    return pp.Scenario.load("shandong/baseline")


def test_with_levers_names_the_changed_point(base):
    sc = base.with_levers(capacity_gw={"solar": {2030: 150}})
    assert sc.name == "shandong/baseline+capacity_gw/solar@2030=150"
    assert base.name == "shandong/baseline"  # the parent keeps its name


def test_total_key_constant_and_several_changes(base):
    assert (
        base.with_levers(gdp_growth={2030: 0.04}).name == "shandong/baseline+gdp_growth@2030=0.04"
    )
    assert (
        base.with_levers(capacity_gw={"solar": 60}, replace=True).name
        == "shandong/baseline+capacity_gw/solar=60"
    )
    two = base.with_levers(capacity_gw={"solar": {2030: 150}, "wind_onshore": {2035: 90}})
    assert two.name == (
        "shandong/baseline+capacity_gw/solar@2030=150" "+capacity_gw/wind_onshore@2035=90"
    )


def test_options_name_the_option(base):
    assert base.with_factor_set("ipcc2006").name == "shandong/baseline+factor_set=ipcc2006"
    assert (
        base.with_electricity_method("calorific").name
        == "shandong/baseline+electricity_method=calorific"
    )
    assert base.with_horizon(2040).name == "shandong/baseline+horizon=2040"
    # Nothing changed: the same scenario, the same name.
    assert base.with_factor_set(base.factor_set).name == "shandong/baseline"


def test_renamed_wins_and_survives_pickling(base):
    import pickle

    sc = base.with_levers(capacity_gw={"solar": {2030: 150}}).renamed("high solar")
    assert sc.name == "high solar"
    assert pickle.loads(pickle.dumps(sc)).name == "high solar"


def test_unchanged_points_are_not_named():
    parent = {"capacity_gw": {"solar": ([2020.0, 2030.0], [22.72, 100.0])}}
    child = {"capacity_gw": {"solar": ([2020.0, 2025.0, 2030.0], [22.72, 61.36, 150.0])}}
    # 2020 and the interpolated 2025 point (61.36) are the parent's; 2030 changed.
    assert lever_changes(parent, child) == ["capacity_gw/solar@2030=150"]
    assert derived_name("p", []) == "p"


def test_compare_refuses_two_runs_of_one_name(base, baseline):
    again = pp.run(base)
    with pytest.raises(
        ValueError,
        match=r"compare: scenario name 'shandong/baseline' is given "
        r"twice \(positions 0 and 1\)",
    ):
        pp.compare([baseline, again])
    variant = pp.run(base.with_levers(capacity_gw={"solar": {2030: 150}}))
    frame = pp.compare([baseline, variant])
    assert list(frame.columns) == [
        "shandong/baseline",
        "shandong/baseline+capacity_gw/solar@2030=150",
    ]
    assert frame.loc[("co2_total_mt", 2030)].iloc[0] != frame.loc[("co2_total_mt", 2030)].iloc[1]


def test_compare_targets_refuses_duplicates(baseline):
    from peakpath.comparison import compare_targets

    report = pp.check_targets(baseline, pp.Targets.load("shandong"))
    with pytest.raises(ValueError, match="compare_targets: scenario name 'shandong/baseline'"):
        compare_targets([report, report])


def test_cli_refuses_duplicates_unless_forced(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["targets", "shandong/baseline", "shandong/baseline", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "peakpath: error: scenarios: scenario name 'shandong_baseline' is given "
        "twice (positions 0 and 1)"
    )
    assert "--force" in err
    assert not out.exists()  # refused before anything ran or was written
    assert (
        main(["targets", "shandong/baseline", "shandong/baseline", "--out", str(out), "--force"])
        == 0
    )
    assert (out / "shandong_baseline_targets.csv").exists()


def test_cli_set_names_the_files_after_the_override(tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "targets",
                "shandong/baseline",
                "--out",
                str(out),
                "--set",
                "capacity_gw.solar@2030=150",
            ]
        )
        == 0
    )
    assert (out / "shandong_baseline+capacity_gw.solar@2030=150_targets.csv").exists()
    assert not (out / "shandong_baseline_targets.csv").exists()
