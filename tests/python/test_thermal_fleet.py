"""Coal power as a capital stock (C2): the thermal fleet's classes set the supply heat rate."""
import numpy as np
import pytest

import peakpath as pp

CLASSES = ["below_baseline", "baseline", "benchmark"]
RATES = {"below_baseline": 333.3333, "baseline": 285.0, "benchmark": 270.0}  # technologies.csv


def _fleet(res):
    cap = res.capacity()
    return cap[[f"power_heat/{c}" for c in CLASSES]]


def _power_tce(res):
    energy = res.energy(by=("sector",))
    return energy[energy.sector == "power_heat"].set_index("year")["energy_mtce"] * 1e6


def test_base_year_fleet_is_the_sourced_thermal_capacity(baseline):
    """Coal 105.375 GW + other thermal 5.89 GW (paths.csv capacity_gw, from 47.912 GW
    new+renewable = 30.1 % of the total and coal's 66.2 % share) generate the base year's
    thermal output at the utilisation derived from them (rounded to 4 digits)."""
    fleet = _fleet(baseline).loc[2020]
    assert fleet.sum() == pytest.approx(105.375 + 5.89, rel=1e-3)
    thermal_gw = baseline.indicators().loc[2020, "electricity_thermal_twh"] / 8.76
    assert fleet.sum() == pytest.approx(thermal_gw / 0.4671, rel=1e-4)
    # The class shares reproduce the base-year fleet heat rate, so the calibration is kept.
    weighted = sum(fleet[f"power_heat/{c}"] * RATES[c] for c in CLASSES) / fleet.sum()
    assert weighted == pytest.approx(305.5, abs=1e-3)
    assert baseline.indicators().loc[2020, "thermal_heat_rate_gce_per_kwh"] == pytest.approx(305.5)


def test_fleet_keeps_the_planned_capacity_and_runs_fewer_hours(baseline):
    """capacity_gw coal + gas (paths.csv: 115.5 + 5.89 GW in 2025, 114.1 + 5.89 in 2030, the
    provincial plans) is the fleet's minimum: it is reached over the 2-year adjustment time.
    Thermal output grows less than the fleet (electricity demand follows the observed 2021-24
    rise, issue 12), so utilisation falls below the base year's 0.467 (0.36 in 2030)."""
    fleet = _fleet(baseline).sum(axis=1)
    assert fleet[2030] == pytest.approx(114.1 + 5.89, rel=2e-3)
    assert 111.3 < fleet[2025] < 115.5 + 5.89
    thermal = baseline.indicators()["electricity_thermal_twh"]
    utilisation = thermal / (fleet * 8.76)
    assert utilisation[2020] == pytest.approx(0.4671, rel=1e-9)
    assert utilisation[2030] < 0.4
    # New units come at benchmark to reach the plan: that class grows although output falls.
    assert (
        _fleet(baseline).loc[2030, "power_heat/benchmark"]
        > 1.5 * _fleet(baseline).loc[2020, "power_heat/benchmark"]
    )


def test_without_a_plan_the_fleet_follows_generation(data_copy):
    path = data_copy / "shandong" / "paths.csv"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text(
        "".join(
            line for line in lines if not line.startswith(("capacity_gw,coal,", "capacity_gw,gas,"))
        )
    )
    res = pp.run(pp.Scenario.load(str(data_copy / "shandong" / "scenarios" / "baseline.yaml")))
    fleet = _fleet(res).sum(axis=1)
    thermal = res.indicators()["electricity_thermal_twh"]
    # Output falls, so nothing is built and the fleet shrinks by retirement only, staying above
    # what generation needs.
    assert fleet[2030] < fleet[2020] and fleet[2030] > thermal[2030] / 8.76 / 0.4671
    assert fleet[2030] < 0.9 * (114.1 + 5.89)


def test_heat_rate_stays_within_the_class_rates_without_solved_retrofits(baseline):
    rate = baseline.indicators()["thermal_heat_rate_gce_per_kwh"]
    assert ((rate >= 270.0 - 1e-9) & (rate <= 333.34)).all()
    fleet = _fleet(baseline)
    # No coal retrofit in the baseline (the solved 6.74 %/yr is gone, issue 12): the baseline
    # class gains nothing from the below-baseline class and only retires.
    assert fleet.loc[2025, "power_heat/baseline"] <= fleet.loc[2020, "power_heat/baseline"] + 1e-9


def test_the_lever_scales_the_fleet_rate_and_thermal_fuel_follows():
    """rate = lever x fleet index; thermal generation does not depend on the rate, so the power
    sector's fuel changes by thermal TWh x the rate change x 1000 tce per (TWh gce/kWh)."""
    base = pp.Scenario.load("shandong/baseline")
    scaled = base.with_levers(coal_heat_rate_gce_per_kwh={2020: 305.5 * 0.9}, replace=True)
    a, b = pp.run(base), pp.run(scaled)
    ia, ib = a.indicators(), b.indicators()
    np.testing.assert_allclose(
        ib["thermal_heat_rate_gce_per_kwh"], 0.9 * ia["thermal_heat_rate_gce_per_kwh"], rtol=1e-12
    )
    np.testing.assert_allclose(
        ib["electricity_thermal_twh"], ia["electricity_thermal_twh"], rtol=1e-12
    )
    np.testing.assert_allclose(_fleet(b).to_numpy(), _fleet(a).to_numpy(), rtol=1e-12)
    expected = (
        ia["electricity_thermal_twh"]
        * (ib["thermal_heat_rate_gce_per_kwh"] - ia["thermal_heat_rate_gce_per_kwh"])
        * 1e3
    )
    np.testing.assert_allclose(_power_tce(b) - _power_tce(a), expected, rtol=1e-9)


def test_closing_below_baseline_units_lowers_the_rate():
    base = pp.Scenario.load("shandong/baseline")
    closed = pp.run(
        base.with_levers(
            phase_out_rate={"power_heat/below_baseline": {2025: 0, 2026: 0.2, 2030: 0.2, 2031: 0}}
        )
    )
    fleet = _fleet(closed)
    assert fleet.loc[2031, "power_heat/below_baseline"] < 1e-3 * fleet.loc[2020].sum()
    free = pp.run(base).indicators()["thermal_heat_rate_gce_per_kwh"]
    rate = closed.indicators()["thermal_heat_rate_gce_per_kwh"]
    assert rate[2025] == pytest.approx(free[2025], rel=1e-5)  # the solver tolerance
    assert rate[2031] < free[2031] - 5.0


def test_growing_thermal_demand_builds_benchmark_units():
    """Fewer imports and no new solar: thermal output grows, new units come at 270 gce/kWh."""
    base = pp.Scenario.load("shandong/baseline")
    grown = pp.run(
        base.with_levers(import_twh={2020: 117.98, 2030: 50.0}, capacity_gw={"solar": 22.72})
    )
    thermal = grown.indicators()["electricity_thermal_twh"]
    assert thermal[2030] > thermal[2020]
    fleet = _fleet(grown)
    assert fleet.loc[2030, "power_heat/benchmark"] > 1.2 * fleet.loc[2020, "power_heat/benchmark"]
    # Capacity follows generation at the utilisation of the fleet.
    assert fleet.loc[2030].sum() == pytest.approx(thermal[2030] / 8.76 / 0.4671, rel=0.05)


def test_without_fleet_classes_the_rate_is_the_lever(data_copy):
    path = data_copy / "shandong" / "technologies.csv"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("power_heat,")))
    # The baseline's levers on the fleet's classes now name unknown keys: drop them too.
    yaml = data_copy / "shandong" / "scenarios" / "baseline.yaml"
    lines = yaml.read_text(encoding="utf-8").splitlines(keepends=True)
    yaml.write_text("".join(line for line in lines if "power_heat/" not in line), encoding="utf-8")
    scenario = pp.Scenario.load(str(data_copy / "shandong" / "scenarios" / "baseline.yaml"))
    res = pp.run(scenario.with_levers(coal_heat_rate_gce_per_kwh={2020: 305.5, 2030: 290.0}))
    assert not any(c.startswith("power_heat/") for c in res.capacity().columns)
    rate = res.indicators()["thermal_heat_rate_gce_per_kwh"]
    assert rate[2025] == pytest.approx(297.75, rel=1e-12)
    assert rate[2040] == pytest.approx(290.0, rel=1e-12)


def test_a_replacement_ratio_on_the_fleet_is_refused():
    with pytest.raises(
        ValueError, match="replacement_ratio power_heat: thermal plants must generate"
    ):
        pp.run(
            pp.Scenario.load("shandong/baseline").with_levers(replacement_ratio={"power_heat": 1.5})
        )


def test_a_fleet_without_base_year_generation_is_refused():
    """All electricity imported in the base year leaves nothing to size the fleet by."""
    with pytest.raises(
        ValueError,
        match=r"import_share = 1.000000 in 2020 leaves no thermal "
        r"generation .* sector 'power_heat' sizes its thermal "
        r"fleet by base-year thermal generation",
    ):
        pp.run(pp.Scenario.load("shandong/baseline").with_levers(import_share={2020: 1.0}))
