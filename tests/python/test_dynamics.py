"""Capital-stock turnover in the sector model (C2): calibration kept, intensity falls by turnover."""
import numpy as np
import pytest

import peakpath as pp

DYNAMIC = ["ferrous_metals", "nonmetal_minerals", "petroleum_coking", "nonferrous_metals",
           "chemicals"]


def _no_levers(**extra):
    base = pp.Scenario.load("shandong/baseline")
    zero_ops = {s: 0.0 for s in base.dataset.sector_ids}
    return base.with_levers(intensity_change=zero_ops, **extra)


def _classes(cap, sector):
    return cap.loc[:, cap.columns.str.startswith(sector + "/")]


def test_capacity_table_covers_the_two_high_classes(baseline):
    cap = baseline.capacity()
    assert {c.split("/")[0] for c in cap.columns} == set(DYNAMIC)
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
    # The class mix converges to benchmark: the intensity approaches the benchmark level ratio.
    levels = {"below_baseline": 524.169, "baseline": 398.0, "benchmark": 361.0}
    base_mean = 0.2 * levels["below_baseline"] + 0.6 * levels["baseline"] + 0.2 * levels["benchmark"]
    assert intensity[2060] / intensity[2020] == pytest.approx(361.0 / base_mean, rel=0.02)
    # Sectors without classes keep their intensity when operational change is zero.
    light = energy["light_manufacturing"] / res.activity()["light_manufacturing"]
    assert light[2060] == pytest.approx(light[2020], rel=1e-12)


def test_retrofit_moves_capacity_and_conserves_it():
    res = pp.run(_no_levers())
    cap = res.capacity()
    assert cap.loc[2026, "ferrous_metals/below_baseline"] < 0.05 * cap.loc[2020, "ferrous_metals/below_baseline"]
    assert cap.loc[2026, "ferrous_metals/benchmark"] > cap.loc[2020, "ferrous_metals/benchmark"]


def test_phase_out_lever_and_default_new_builds():
    """Without the baseline's new-build rule, new capacity follows the base shares."""
    keep_mix = _no_levers(new_build_share={f"ferrous_metals/{c}": s for c, s in
                                           [("below_baseline", 0.2), ("baseline", 0.6), ("benchmark", 0.2)]},
                          retrofit_rate={"ferrous_metals/below_baseline/benchmark": 0.0})
    cap = _classes(pp.run(keep_mix).capacity(), "ferrous_metals")
    shares = cap.div(cap.sum(axis=1), axis=0)
    np.testing.assert_allclose(shares.loc[2060].to_numpy(), [0.2, 0.6, 0.2], atol=1e-3)
    closed = pp.run(_no_levers(phase_out_rate={"ferrous_metals/baseline": {2021: 0.1, 2030: 0.1, 2031: 0}}))
    c = closed.capacity()
    assert c.loc[2031, "ferrous_metals/baseline"] < 0.05 * c.loc[2020, "ferrous_metals/baseline"]


def test_bad_dynamics_levers_are_named():
    with pytest.raises(ValueError, match="retrofit_rate 'ferrous_metals/below_baseline/moon': unknown class 'moon'"):
        pp.run(pp.Scenario.load("shandong/baseline").with_levers(
            retrofit_rate={"ferrous_metals/below_baseline/moon": 0.1}))
    with pytest.raises(pp.IntegrationError, match="sector 'ferrous_metals'"):
        pp.run(pp.Scenario.load("shandong/baseline").with_levers(
            new_build_share={f"ferrous_metals/{c}": 0.0 for c in ["below_baseline", "baseline", "benchmark"]}))


def test_technology_file_errors(data_copy):
    path = data_copy / "shandong" / "technologies.csv"
    text = path.read_text()
    path.write_text(text.replace("ferrous_metals,benchmark,361.0,0.2", "ferrous_metals,benchmark,361.0,0.3", 1))
    with pytest.raises(pp.DataError, match="technologies.csv: base_share of sector 'ferrous_metals' sums to 1.1"):
        pp.load_dataset(str(data_copy / "shandong"))
