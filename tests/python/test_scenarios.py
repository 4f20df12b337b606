"""Shipped scenarios: inheritance, interpolation of lever points, sources, bad files."""
import os

import pytest
import yaml

import peakpath as pp

from conftest import DATA

SCENARIOS = os.path.join(DATA, "shandong", "scenarios")


def effective(scenario, variable, key="total"):
    years, values = scenario._core.effective_paths[variable][key]
    return dict(zip(years, values))


def test_opinions_extends_baseline_and_accelerated_extends_opinions():
    base = pp.Scenario.load("shandong/baseline")
    opinions = pp.Scenario.load("shandong/opinions")
    accelerated = pp.Scenario.load("shandong/accelerated")
    # Inherited unchanged: the baseline's benchmark-only new builds.
    assert opinions.levers["new_build_share"] == base.levers["new_build_share"]
    assert accelerated.levers["retrofit_rate"] == opinions.levers["retrofit_rate"]
    # Overridden by the child: solar 2030 125 GW (plan) -> 150 GW (accelerated).
    assert opinions.levers["capacity_gw"]["solar"][2030.0] == 125
    assert accelerated.levers["capacity_gw"]["solar"][2030.0] == 150
    # Kept from the grandparent's dataset where no file sets it.
    assert effective(accelerated, "capacity_gw", "coal") == effective(base, "capacity_gw", "coal")
    assert (opinions.description, accelerated.base_year, accelerated.horizon) == (
        "The 2022 Opinions and the provincial peaking plan as written",
        2020,
        2060,
    )


def test_lever_points_interpolate_linearly_and_hold_flat_beyond(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text(
        f"extends: {os.path.join(SCENARIOS, 'opinions.yaml')}\nname: child\n"
        "levers:\n  ccus_capture_mt:\n    power_heat: {2025: 0, 2035: 20}\n"
    )
    sc = pp.Scenario.load(str(child))
    res = pp.run(sc)
    captured = res._core.captured_co2_t[:, res._core.sector_ids.index("power_heat")] * 1e-6
    by_year = dict(zip(res.years, captured))
    assert by_year[2020] == pytest.approx(0)  # flat before the first point
    assert by_year[2030] == pytest.approx(10)  # halfway between 0 and 20
    assert by_year[2032] == pytest.approx(14)
    assert by_year[2050] == pytest.approx(20)  # flat after the last point
    # Python overrides overlay the file's lever of the same variable and key from 2030 on.
    over = sc.with_levers(ccus_capture_mt={"power_heat": {2030: 3}})
    assert over.levers["ccus_capture_mt"]["power_heat"] == {2020.0: 0.0, 2025.0: 0.0, 2030.0: 3.0}
    replaced = sc.with_levers(ccus_capture_mt={"power_heat": {2030: 3}}, replace=True)
    assert replaced.levers["ccus_capture_mt"]["power_heat"] == {2030.0: 3.0}


def test_every_opinions_lever_names_its_source():
    with open(os.path.join(SCENARIOS, "opinions.yaml"), encoding="utf-8") as f:
        levers = yaml.safe_load(f)["levers"]
    for variable, body in levers.items():
        keyed = not any(isinstance(k, int) for k in body)
        for key, path in body.items() if keyed else [("total", body)]:
            assert path.get("source"), f"{variable}/{key} has no source"


def test_shipped_scenarios_order_by_effort():
    runs = {n: pp.run(f"shandong/{n}") for n in ("baseline", "opinions", "accelerated")}
    co2 = {n: r.indicators().loc[2035, "co2_total_mt"] for n, r in runs.items()}
    share = {n: r.indicators().loc[2030, "non_fossil_share"] for n, r in runs.items()}
    assert co2["accelerated"] < co2["opinions"] < co2["baseline"]
    assert share["accelerated"] > share["opinions"] > share["baseline"]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "extends: {parent}\nlevers:\n  solar_gw: 3\n",
            r"line 3, key 'levers.solar_gw': unknown lever",
        ),
        (
            "extends: {parent}\nlevers:\n  capacity_gw:\n    solar: {{2030: many}}\n",
            r"line 4, key 'levers.capacity_gw/solar.2030': value 'many' has the wrong type",
        ),
        (
            "extends: {parent}\nlevers:\n  capacity_gw:\n    solar: {{twenty: 3}}\n",
            r"key 'levers.capacity_gw/solar': 'twenty' is not a year",
        ),
        ("extends: nowhere.yaml\n", r"scenario 'nowhere.yaml' not found"),
    ],
)
def test_bad_scenario_files_name_file_line_and_key(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body.format(parent=os.path.join(SCENARIOS, "baseline.yaml")))
    with pytest.raises(pp.DataError, match=message):
        pp.Scenario.load(str(bad))


def test_extends_cycle_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n")
    with pytest.raises(pp.DataError, match="'extends' forms a cycle"):
        pp.Scenario.load(str(tmp_path / "a.yaml"))
