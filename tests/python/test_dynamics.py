"""Capital-stock turnover in the sector model (C2): calibration kept, intensity falls by
turnover."""
import numpy as np
import pandas as pd
import pytest

import peakpath as pp

DYNAMIC = [
    "ferrous_metals",
    "nonmetal_minerals",
    "petroleum_coking",
    "nonferrous_metals",
    "chemicals",
]


def _no_levers(**extra):
    base = pp.Scenario.load("shandong/baseline")
    zero_ops = {s: 0.0 for s in base.dataset.sector_ids}
    return base.with_levers(intensity_change=zero_ops, **extra)


def _classes(cap, sector):
    return cap.loc[:, cap.columns.str.startswith(sector + "/")]


def test_capacity_table_covers_the_two_high_classes_and_the_thermal_fleet(baseline):
    cap = baseline.capacity()
    assert {c.split("/")[0] for c in cap.columns} == set(DYNAMIC) | {"power_heat"}
    assert (cap.to_numpy() >= -1e-9).all()


def test_base_year_capacity_matches_activity_over_utilisation(baseline):
    cap = baseline.capacity()
    act = baseline.activity()
    for sector in DYNAMIC:
        total = _classes(cap, sector).loc[2020].sum()
        assert total == pytest.approx(act.loc[2020, sector] / 0.85, rel=1e-9)


def test_benchmark_new_builds_and_retrofits_lower_intensity_without_other_levers():
    """With no operational improvement, turnover alone lowers steel's energy per unit output."""
    res = pp.run(_no_levers())
    energy = res.energy(by=("sector",)).pivot(index="year", columns="sector", values="energy_mtce")
    intensity = energy["ferrous_metals"] / res.activity()["ferrous_metals"]
    assert intensity[2025] < intensity[2020] * 0.97
    assert intensity[2040] < intensity[2025]
    # The mix moves to benchmark blast furnaces, and the sector's intensity is exactly the
    # capacity-weighted class intensity (technologies.csv) relative to the base year.
    levels = {
        "below_baseline": 524.169,
        "baseline": 398.0,
        "benchmark": 361.0,
        "scrap_eaf": 166.3335,
    }
    cap = _classes(res.capacity(), "ferrous_metals").rename(columns=lambda c: c.split("/")[1])
    shares = cap.div(cap.sum(axis=1), axis=0)
    assert shares.loc[2060, "benchmark"] > 0.75 and shares.loc[2030, "below_baseline"] < 1e-3
    weighted = (shares * pd.Series(levels)).sum(axis=1)
    assert intensity[2060] / intensity[2020] == pytest.approx(
        weighted[2060] / weighted[2020], rel=1e-9
    )
    # Sectors without classes keep their intensity when operational change is zero.
    light = energy["light_manufacturing"] / res.activity()["light_manufacturing"]
    assert light[2060] == pytest.approx(light[2020], rel=1e-12)


def test_retrofit_moves_capacity_and_conserves_it():
    res = pp.run(_no_levers())
    cap = res.capacity()
    assert (
        cap.loc[2026, "ferrous_metals/below_baseline"]
        < 0.05 * cap.loc[2020, "ferrous_metals/below_baseline"]
    )
    assert cap.loc[2026, "ferrous_metals/benchmark"] > cap.loc[2020, "ferrous_metals/benchmark"]


def test_phase_out_lever_and_default_new_builds():
    """Without the baseline's new-build rule, new capacity follows the base shares: the three
    blast-furnace classes, which share a lifetime, keep their proportions."""
    base_shares = [
        ("below_baseline", 0.18),
        ("baseline", 0.54),
        ("benchmark", 0.18),
        ("scrap_eaf", 0.1),
    ]
    keep_mix = _no_levers(
        new_build_share={f"ferrous_metals/{c}": s for c, s in base_shares},
        retrofit_rate={"ferrous_metals/below_baseline/benchmark": 0.0},
    )
    cap = _classes(pp.run(keep_mix).capacity(), "ferrous_metals").drop(
        columns="ferrous_metals/scrap_eaf"
    )
    shares = cap.div(cap.sum(axis=1), axis=0)
    np.testing.assert_allclose(shares.loc[2060].to_numpy(), [0.2, 0.6, 0.2], atol=1e-3)
    closed = pp.run(
        _no_levers(phase_out_rate={"ferrous_metals/baseline": {2021: 0.1, 2030: 0.1, 2031: 0}})
    )
    c = closed.capacity()
    assert c.loc[2031, "ferrous_metals/baseline"] < 0.05 * c.loc[2020, "ferrous_metals/baseline"]


def test_bad_dynamics_levers_are_named():
    with pytest.raises(
        ValueError, match="retrofit_rate/ferrous_metals/below_baseline/moon: unknown key"
    ):
        pp.run(
            pp.Scenario.load("shandong/baseline").with_levers(
                retrofit_rate={"ferrous_metals/below_baseline/moon": 0.1}
            )
        )
    with pytest.raises(pp.IntegrationError, match="sector 'ferrous_metals'"):
        pp.run(
            pp.Scenario.load("shandong/baseline").with_levers(
                new_build_share={
                    f"ferrous_metals/{c}": 0.0
                    for c in ["below_baseline", "baseline", "benchmark", "scrap_eaf"]
                }
            )
        )


def test_technology_file_errors(data_copy):
    path = data_copy / "shandong" / "technologies.csv"
    text = path.read_text()
    path.write_text(
        text.replace(
            "ferrous_metals,benchmark,361.0,0.18", "ferrous_metals,benchmark,361.0,0.28", 1
        )
    )
    with pytest.raises(
        pp.DataError, match="technologies.csv: base_share of sector 'ferrous_metals' sums to 1.1"
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_logistic_new_growth_driver_passes_through_the_base_year():
    """A sector on a logistic curve: base-year value kept, saturating at K, structure shifts."""
    base = pp.Scenario.load("shandong/baseline")
    a0 = base.dataset.base_activity[base.dataset.sector_ids.index("equipment_manufacturing")]
    sc = base.with_levers(
        logistic_saturation={"equipment_manufacturing": 4 * a0},
        logistic_rate={"equipment_manufacturing": 0.15},
    )
    act = pp.run(sc).activity()["equipment_manufacturing"]
    assert act[2020] == pytest.approx(a0, rel=1e-12)
    # K / (1 + (K/A0 - 1) e^{-r t}) at t = 10 (Verhulst's closed form)
    assert act[2030] == pytest.approx(4 * a0 / (1 + 3 * np.exp(-1.5)), rel=1e-12)
    assert act[2060] < 4 * a0 and act[2060] > 3.8 * a0
    # GDP follows gdp_growth (issue 12): services, the residual, take the sector's difference.
    default, curved = pp.run(base), pp.run(sc)
    gap_gdp = curved.indicators()["gdp_100m_cny"] - default.indicators()["gdp_100m_cny"]
    gap_sector = act - default.activity()["equipment_manufacturing"]
    gap_services = curved.activity()["services"] - default.activity()["services"]
    np.testing.assert_allclose(gap_gdp.to_numpy(), 0.0, atol=1e-6)
    np.testing.assert_allclose(
        gap_services.to_numpy(), -gap_sector.to_numpy(), rtol=1e-9, atol=1e-6
    )


def test_bass_new_growth_driver_and_bad_curves():
    base = pp.Scenario.load("shandong/baseline")
    a0 = base.dataset.base_activity[base.dataset.sector_ids.index("services")]
    sc = base.with_levers(
        bass_market={"services": 1000.0}, bass_p={"services": 0.03}, bass_q={"services": 0.38}
    )
    act = pp.run(sc).activity()["services"]
    f10 = (1 - np.exp(-0.41 * 10)) / (1 + (0.38 / 0.03) * np.exp(-0.41 * 10))
    assert act[2030] == pytest.approx(a0 + 1000.0 * f10, rel=1e-12)
    with pytest.raises(
        ValueError, match="logistic_saturation = 1: must exceed the base-year activity"
    ):
        pp.run(
            base.with_levers(logistic_saturation={"services": 1.0}, logistic_rate={"services": 0.1})
        )
    with pytest.raises(ValueError, match="logistic_saturation and logistic_rate go together"):
        pp.run(base.with_levers(logistic_rate={"services": 0.1}))


def test_replacement_ratio_caps_output_and_reports_unmet_demand():
    """Reduction replacement (C2/C3): new capacity only against ratio x retired capacity."""
    # Observed steel output falls 2021-23 (paths.csv), so a growing demand is set here for the
    # cap to bind: 3 %/yr 2021-25, then the baseline's decline.
    base = pp.Scenario.load("shandong/baseline").with_levers(
        activity_growth={"ferrous_metals": {2021: 0.03, 2025: 0.03, 2030: -0.02}}
    )
    capped = pp.run(base.with_levers(replacement_ratio={"ferrous_metals": 1.25}))
    free = pp.run(base)
    cap_c = _classes(capped.capacity(), "ferrous_metals").sum(axis=1)
    cap_f = _classes(free.capacity(), "ferrous_metals").sum(axis=1)
    assert cap_c[2025] < cap_f[2025]
    unmet = capped.unmet_activity()["ferrous_metals"]
    out_c = capped.activity()["ferrous_metals"]
    demand = free.activity()["ferrous_metals"]
    # Output + unmet demand = demand; output never exceeds capacity x utilisation.
    np.testing.assert_allclose((out_c + unmet).to_numpy(), demand.to_numpy(), rtol=1e-12)
    assert (out_c <= cap_c * 0.85 + 1e-9).all()
    # Steel demand grows to 2025, then falls: the cap binds early, then not.
    assert unmet[2020] == pytest.approx(0.0, abs=1e-9) and unmet[2025] > 0
    assert unmet[2060] == pytest.approx(0.0, abs=1e-9)
    assert (free.unmet_activity().to_numpy() == 0).all()
    with pytest.raises(
        ValueError,
        match=r"replacement_ratio/ferrous_metals in every year \(a constant\): "
        r"value 0.5 ratio is outside the valid range \[1, 100\]",
    ):
        pp.run(base.with_levers(replacement_ratio={"ferrous_metals": 0.5}))


def test_logistic_substitution_of_new_builds():
    """New capacity shifts from the baseline class to benchmark along logistic weights."""
    # Growing steel demand (observed output falls 2021-23, so nothing would be built then).
    base = _no_levers(
        retrofit_rate={"ferrous_metals/below_baseline/benchmark": 0.0},
        activity_growth={"ferrous_metals": {2021: 0.03, 2030: 0.0}},
    )
    sc = base.with_levers(
        new_build_share={"ferrous_metals/below_baseline": 0.0},
        new_build_logistic_rate={"ferrous_metals/benchmark": 0.5, "ferrous_metals/baseline": -0.5},
        new_build_logistic_midpoint={
            "ferrous_metals/benchmark": 2030.0,
            "ferrous_metals/baseline": 2030.0,
        },
    )
    cap = _classes(pp.run(sc).capacity(), "ferrous_metals")
    built = cap.diff().clip(lower=0)
    # Before the midpoint new builds lean to "baseline", after it to "benchmark".
    assert built.loc[2024, "ferrous_metals/baseline"] > built.loc[2024, "ferrous_metals/benchmark"]
    assert cap.loc[2060, "ferrous_metals/benchmark"] > cap.loc[2060, "ferrous_metals/baseline"]
    with pytest.raises(ValueError, match="new_build_logistic_rate and _midpoint go together"):
        pp.run(base.with_levers(new_build_logistic_rate={"ferrous_metals/benchmark": 0.5}))
    bass = base.with_levers(
        new_build_share={"ferrous_metals/baseline": 0.2},
        new_build_bass_p={"ferrous_metals/benchmark": 0.05},
        new_build_bass_q={"ferrous_metals/benchmark": 0.4},
        new_build_bass_launch={"ferrous_metals/benchmark": 2022.0},
    )
    assert (
        _classes(pp.run(bass).capacity(), "ferrous_metals").loc[2060, "ferrous_metals/benchmark"]
        > cap.loc[2020, "ferrous_metals/benchmark"]
    )


def test_steel_switches_technology_on_the_accelerated_logistic_curve():
    """Scrap EAF (own fuel mix, 0.4 x the blast-furnace energy per tonne) takes over new steel
    capacity on a logistic substitution curve: half of new builds at the 2030 midpoint, its
    capacity share and steel's electricity share rise, the base year is unchanged."""
    runs = {
        name: pp.run(pp.Scenario.load(f"shandong/{name}")) for name in ("opinions", "accelerated")
    }
    cap = {n: _classes(r.capacity(), "ferrous_metals") for n, r in runs.items()}
    eaf = {n: c["ferrous_metals/scrap_eaf"] / c.sum(axis=1) for n, c in cap.items()}
    assert eaf["accelerated"][2020] == pytest.approx(0.1, abs=1e-9)
    assert eaf["accelerated"][2040] > 2 * eaf["opinions"][2040]

    def electricity_share(res):
        e = res.energy(by=("sector", "fuel"))
        e = e[e.sector == "ferrous_metals"].pivot(
            index="year", columns="fuel", values="energy_mtce"
        )
        return e["electricity"] / e.sum(axis=1)

    share = {n: electricity_share(r) for n, r in runs.items()}
    assert share["accelerated"][2020] == pytest.approx(share["opinions"][2020], rel=1e-12)
    assert share["accelerated"][2040] > share["opinions"][2040] + 0.02
