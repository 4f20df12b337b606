"""Goal seeking recovers lever values planted in constructed cases; lever specs; errors."""
import pytest

import peakpath as pp
from peakpath import goal_seeking as gs
from peakpath import targets


@pytest.fixture(scope="module")
def scenario():
    return pp.Scenario.load("shandong/baseline")


def cap_at(results, year=2030):
    """A target file's worth: a 2030 CO2 cap equal to a run's CO2 (the planted answer)."""
    return results.indicators().loc[year, "co2_total_mt"]


def planted_run(scenario, lever, x):
    """The run of ``scenario`` with ``lever`` at ``x``."""
    core = pp._core.targets.apply_lever(scenario._core, gs.lever_adjustment(lever), x)
    return pp.Results(pp._core.run(core))


def cap_target(tmp_path, value):
    path = tmp_path / "planted.yaml"
    path.write_text(
        "name: planted\ntargets:\n  - {id: cap, type: cap, indicator: co2_total_mt, "
        f"year: 2030, cap: {value!r}}}\n"
    )
    return targets.Targets.load(str(path))


def test_recovers_a_planted_solar_multiplier(scenario, tmp_path):
    lever = {"variable": "capacity_gw", "key": "solar", "mode": "multiplier", "from_year": 2021}
    planted = 1.6
    value = cap_at(planted_run(scenario, lever, planted))
    found = gs.goal_seek(
        scenario, lever, "cap", (1.0, 3.0), targets=cap_target(tmp_path, value), tolerance=1e-7
    )
    assert found.value == pytest.approx(planted, abs=1e-5)
    assert found.outcome["passed"] and found.outcome["margin"] >= 0
    assert found.results.indicators().loc[2030, "co2_total_mt"] <= value
    assert found.runs < 40


def test_recovers_a_planted_package_scale(scenario, tmp_path):
    package = {
        "capacity_gw": {"solar": {2020: 22.72, 2030: 200.0}},
        "coal_heat_rate_gce_per_kwh": {2020: 305.5, 2030: 280.0},
    }
    lever = {"package": package}
    planted = planted_run(scenario, lever, 0.35)
    found = gs.goal_seek(
        scenario,
        lever,
        "cap",
        (0.0, 1.0),
        targets=cap_target(tmp_path, cap_at(planted)),
        tolerance=1e-8,
    )
    # Solar moves thermal output and so the coal fleet's integration (tolerance 1e-6), which
    # limits how exactly the planted scale is recovered.
    assert found.value == pytest.approx(0.35, abs=1e-5)


def test_recovers_a_planted_start_year_seeking_the_latest(scenario, tmp_path):
    lever = {
        "variable": "ccus_capture_mt",
        "key": "power_heat",
        "schedule": {2021: 0, 2022: 5, 2040: 50},
    }
    planted = planted_run(scenario, lever, 2026)
    found = gs.goal_seek(
        scenario,
        lever,
        "cap",
        (2021, 2030),
        find="largest",
        targets=cap_target(tmp_path, cap_at(planted)),
        start_year=2021,  # inside the observed years: a counterfactual, said explicitly
    )
    assert found.value == 2026


def test_string_lever_is_a_constant_from_the_first_projection_year(scenario, tmp_path):
    # Solar held at x GW from 2021 (the first projection year) on: planted 60 GW.
    lever = {"variable": "capacity_gw", "key": "solar", "mode": "constant", "from_year": 2021}
    planted = planted_run(scenario, lever, 60.0)
    found = gs.goal_seek(
        scenario,
        "capacity_gw/solar",
        "cap",
        (30, 200),
        targets=cap_target(tmp_path, cap_at(planted)),
        tolerance=1e-6,
    )
    # The coal fleet's integration (tolerance 1e-6 of capacity) moves 2030 CO2 by ~1e-3 Mt,
    # about 1e-3 GW of solar.
    assert found.value == pytest.approx(60.0, abs=2e-3)
    assert found.status == "met" and found.start_year == 2021
    assert found.margin == found.outcome["margin"] >= 0
    base_solar = scenario.dataset.paths["capacity_gw"]["solar"]
    assert found.scenario.levers["capacity_gw"]["solar"] == {
        2020.0: base_solar[1][0],
        2021.0: pytest.approx(found.value),
    }
    # The base year keeps its values: 937 Mt of CO2, as without the lever.
    assert (
        found.results.indicators().loc[2020].to_numpy()
        == pp.run(scenario).indicators().loc[2020].to_numpy()
    ).all()


def test_status_not_binding_and_infeasible(scenario, tmp_path):
    lever = {"variable": "capacity_gw", "key": "solar", "mode": "multiplier"}
    base_2030 = cap_at(pp.run(scenario))
    loose = gs.goal_seek(
        scenario, lever, "cap", (1, 2), targets=cap_target(tmp_path, base_2030 + 50)
    )
    assert loose.status == "not_binding" and loose.value == 1 and loose.margin > 0 and loose.met
    tight = gs.goal_seek(scenario, lever, "cap", (1, 2), targets=cap_target(tmp_path, 1.0))
    assert tight.status == "infeasible" and not tight.met
    assert tight.value == 2  # more solar, less CO2: the bound nearer the cap
    assert tight.margin < 0 and tight.margin == tight.outcome["margin"]
    assert not tight.outcome["passed"]
    assert str(tight).startswith("goal_seek cap: infeasible, value 2, margin -")


def test_start_year_parameter(scenario, tmp_path):
    lever = {"variable": "capacity_gw", "key": "solar", "mode": "multiplier"}
    targets = cap_target(tmp_path, cap_at(pp.run(scenario)) - 5)
    late = gs.goal_seek(
        scenario, lever, "cap", (1, 5), targets=targets, start_year=2026, tolerance=1e-4
    )
    early = gs.goal_seek(scenario, lever, "cap", (1, 5), targets=targets, tolerance=1e-4)
    # by default the lever acts from the first projection year, after the observed history
    # (the year after the base year while the dataset declares no history)
    assert late.start_year == 2026 and early.start_year == 2021
    assert late.scenario.levers["capacity_gw"]["solar"][2025.0] == pytest.approx(
        scenario.dataset.paths["capacity_gw"]["solar"][1][
            scenario.dataset.paths["capacity_gw"]["solar"][0].index(2025.0)
        ]
    )
    for bad, message in [
        (2020, r"start_year 2020 must lie in the projection, 2021-2060"),
        (2061, r"start_year 2061 must lie in the projection"),
        (2030.5, r"start_year 2030.5 is not a whole year"),
        ("soon", r"start_year 'soon' is not a year"),
    ]:
        with pytest.raises(ValueError, match=message):
            gs.goal_seek(scenario, lever, "cap", (1, 5), targets=targets, start_year=bad)
    with pytest.raises(
        ValueError, match=r"start_year 2026 and the lever's from_year 2030 disagree"
    ):
        gs.goal_seek(
            scenario, dict(lever, from_year=2030), "cap", (1, 5), targets=targets, start_year=2026
        )


def test_bad_specs_are_clear_errors(scenario, tmp_path):
    with pytest.raises(ValueError, match="unknown lever 'capacity'"):
        gs.lever_adjustment("capacity/solar")
    with pytest.raises(ValueError, match="lever mode 'double'"):
        gs.lever_adjustment({"variable": "capacity_gw", "key": "solar", "mode": "double"})
    with pytest.raises(ValueError, match="unknown keys"):
        gs.lever_adjustment({"variable": "capacity_gw", "value": 3})
    with pytest.raises(ValueError, match="find = 'least'"):
        gs.goal_seek(
            scenario,
            "capacity_gw/solar",
            "cap",
            (1, 2),
            find="least",
            targets=cap_target(tmp_path, 1.0),
        )
    with pytest.raises(ValueError, match="has no target 'nothing'"):
        gs.goal_seek(scenario, "capacity_gw/solar", "nothing", (1, 2))
