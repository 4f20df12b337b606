"""One lever vocabulary: the catalogue, addresses parsed in C++, overlay semantics, clear errors
with suggestions, the deprecated spelling, and docs/levers.md generated from the catalogue."""
import pathlib
import warnings

import pytest

import peakpath as pp
from peakpath import _levers_doc, analysis as A
from peakpath.lever_address import LeverPlan, parse_address
from peakpath.overrides import with_overrides

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def base():
    return pp.Scenario.load("shandong/baseline")


def co2(scenario, year):
    return pp.run(scenario).indicators().loc[year, "co2_total_mt"]


def test_readme_example_keeps_the_base_year(base):
    # The README example: solar 150 GW in 2030 overlays the dataset path; 2020 is unchanged.
    sc = base.with_levers(capacity_gw={"solar": {2030: 150}})
    assert co2(sc, 2020) == pytest.approx(co2(base, 2020), rel=1e-12)
    assert round(co2(sc, 2020)) == 937
    solar = sc.levers["capacity_gw"]["solar"]
    assert solar[2020.0] == 22.72 and solar[2025.0] == 65.0 and solar[2030.0] == 150.0
    assert co2(sc, 2030) < co2(base, 2030)


def test_address_keys_equal_the_nested_form(base):
    nested = base.with_levers(capacity_gw={"solar": {2030: 150}})
    for levers in ({"capacity_gw/solar": {2030: 150}}, {"capacity_gw/solar@2030": 150}):
        assert base.with_levers(levers).levers["capacity_gw"] == nested.levers["capacity_gw"]


def test_base_year_changes_only_with_replace(base):
    with pytest.raises(
        pp.DataError,
        match=r"capacity_gw/solar point in 2020 would change the base "
        r"year 2020 from 22.72 to 40.*replace=True",
    ):
        base.with_levers(capacity_gw={"solar": {2020: 40, 2030: 150}})
    sc = base.with_levers(capacity_gw={"solar": {2020: 40, 2030: 150}}, replace=True)
    assert sc.levers["capacity_gw"]["solar"] == {2020.0: 40.0, 2030.0: 150.0}
    assert co2(sc, 2020) != pytest.approx(co2(base, 2020), rel=1e-6)


def test_unknown_lever_and_key_suggest_the_closest(base):
    with pytest.raises(pp.DataError, match="unknown lever 'capacity_gww'.*`capacity_gw`"):
        base.with_levers(capacity_gww={"solar": {2030: 1}})
    with pytest.raises(
        pp.DataError, match=r"unknown key 'solarr' \(did you mean `capacity_gw/solar`"
    ):
        base.with_levers(capacity_gw={"solarr": {2030: 150}})
    with pytest.raises(pp.DataError, match="`fuel_share/transport/electricity`"):
        base.with_levers({"fuel_share/transport/electricty": {2030: 0.2}})


def test_out_of_range_names_lever_key_year_value(base):
    with pytest.raises(
        pp.DataError,
        match=r"capacity_factor/solar in 2030: value 1.5 share is "
        r"outside the valid range \[0, 1\]",
    ):
        base.with_levers(capacity_factor={"solar": {2030: 1.5}})
    with pytest.raises(pp.DataError, match=r"capacity_gw/solar in 2040: value -5 GW"):
        base.with_levers(capacity_gw={"solar": {2030: 100, 2040: -5}})


def test_set_uses_the_cpp_parser(base):
    with pytest.raises(ValueError, match="did you mean `capacity_gw/solar`"):
        with_overrides(base, ["capacity_gw/solarr@2030=150"])
    with pytest.raises(ValueError, match="unknown lever 'capacity_gww'.*`capacity_gw`"):
        with_overrides(base, ["capacity_gww/solar@2030=150"])
    with pytest.raises(ValueError, match="2020 is the base year"):
        with_overrides(base, ["capacity_gw/solar@2020=150"])
    sc = with_overrides(base, ["capacity_gw/solar@2030=150"])
    assert co2(sc, 2020) == pytest.approx(co2(base, 2020), rel=1e-12)
    with pytest.warns(DeprecationWarning, match="write 'capacity_gw/solar@2030'"):
        old = with_overrides(base, ["capacity_gw.solar@2030=150"])
    assert old.levers["capacity_gw"] == sc.levers["capacity_gw"]


def test_goal_seek_with_an_unknown_lever(base):
    with pytest.raises(
        pp.DataError,
        match=r"goal_seek: lever capacity_gw/solarr: unknown key "
        r"'solarr' \(did you mean `capacity_gw/solar`",
    ):
        pp.goal_seek(base, "capacity_gw/solarr", "non_fossil_2030", (0, 300))
    with pytest.raises(pp.DataError, match="`capacity_gw`"):
        pp.goal_seek(base, "capacity_gww/solar", "non_fossil_2030", (0, 300))
    with pytest.raises(ValueError, match="expected a whole path"):
        pp.goal_seek(base, "capacity_gw/solar@2030", "non_fossil_2030", (0, 300))


def test_scale_keeps_the_base_year_of_a_lever_read_there(base):
    plan = LeverPlan(base, [parse_address("scale:capacity_gw/solar")])
    sc = pp.Scenario(base._core.with_levers(plan.levers([2.0])))
    solar = sc._core.effective_paths["capacity_gw"]["solar"]
    path = dict(zip(*solar))
    assert path[2020.0] == 22.72
    assert path[2025.0] == 130.0 and path[2030.0] == 250.0
    assert co2(sc, 2020) == pytest.approx(co2(base, 2020), rel=1e-12)


def test_ensemble_old_and_new_syntax_agree(base):
    def run(address):
        r = pp.ensemble(base, {address: A.discrete([140.0], [1.0])}, n=2, keep=True, threads=1)
        return r.trajectories

    new = run("capacity_gw/solar@2030")
    with pytest.warns(DeprecationWarning, match="capacity_gw.solar@2030"):
        old = run("capacity_gw.solar@2030")
    assert (new == old).all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run("capacity_gw/solar@2030")  # the new syntax does not warn


def test_ensemble_unknown_key_is_an_error_before_any_run(base):
    with pytest.raises(
        ValueError,
        match="ensemble: uncertain address 'capacity_gw/sollar@2030'.*"
        "did you mean `capacity_gw/solar`",
    ):
        pp.ensemble(base, {"capacity_gw/sollar@2030": A.uniform(1, 2)}, n=2)


def test_catalogue_frame():
    frame = pp.lever_catalogue()
    assert list(frame.columns[:8]) == [
        "address",
        "label",
        "unit",
        "min",
        "max",
        "min_exclusive",
        "default",
        "source",
    ]
    assert "task" in frame.columns
    assert list(frame["address"].str.split("/").str[0]) == pp._core.LEVER_VARIABLES
    row = frame.set_index("address").loc["coal_heat_rate_gce_per_kwh"]
    assert (row["min"], row["max"], row["unit"]) == (150.0, 600.0, "gce/kWh")
    assert (
        frame.set_index("address").loc["capacity_gw/<technology>", "source"]
        == "data/<dataset>/paths.csv"
    )


def test_levers_doc_is_generated_from_the_catalogue():
    committed = (ROOT / "docs" / "levers.md").read_text(encoding="utf-8")
    assert committed == _levers_doc.render(), (
        "docs/levers.md is stale: PYTHONPATH=build/python /usr/bin/python3 -m "
        "peakpath._levers_doc docs/levers.md"
    )


def test_with_levers_reads_the_old_spelling_with_a_warning(base):
    with pytest.warns(DeprecationWarning, match="write 'capacity_gw/solar@2030'"):
        old = base.with_levers({"capacity_gw.solar@2030": 150})
    new = base.with_levers({"capacity_gw/solar@2030": 150})
    assert old.levers["capacity_gw"] == new.levers["capacity_gw"]


def test_unknown_key_without_a_close_name_lists_the_keys(base):
    with pytest.raises(
        ValueError, match=r"unknown key 'zzzzzzzz' \(keys of dataset 'shandong': " r"biomass, coal"
    ):
        with_overrides(base, ["capacity_gw/zzzzzzzz@2030=1"])
