"""Shandong 2021-2024 as observed (issue 12): GDP drives activity, history follows the
observations, electrification is a lever, the backcast is checked row by row."""
import csv
import os

import numpy as np
import yaml
import pytest

import peakpath as pp
from peakpath.calibration import SKIPPED, calibration_report

HERE = os.path.dirname(__file__)
SHANDONG = os.path.join(HERE, "..", "..", "data", "shandong")


def _run(**levers):
    # whole paths from the base year on: a counterfactual, said explicitly
    return pp.run(pp.Scenario.load("shandong/baseline").with_levers(levers, replace=True))


def test_gdp_follows_the_observed_growth_2021_2024(baseline):
    gdp = baseline.indicators()["gdp_100m_cny"]
    for year, growth in ((2021, 0.083), (2022, 0.039), (2023, 0.06), (2024, 0.057)):
        assert gdp[year] / gdp[year - 1] - 1 == pytest.approx(growth, abs=1e-9)


def test_value_added_sectors_sum_to_the_gdp_path():
    """Services take the residual, so GDP grows exactly at gdp_growth in every year."""
    res = _run(gdp_growth={2020: 0.05, 2060: 0.05})
    gdp = res.indicators()["gdp_100m_cny"]
    np.testing.assert_allclose((gdp / gdp.shift(1) - 1).iloc[1:], 0.05, atol=1e-9)


def test_raising_gdp_growth_raises_gdp_energy_and_emissions():
    low = _run(gdp_growth={2020: 0.04, 2060: 0.04}).indicators().loc[2030]
    high = _run(gdp_growth={2020: 0.05, 2060: 0.05}).indicators().loc[2030]
    for name in (
        "gdp_100m_cny",
        "energy_total_mtce",
        "co2_total_mt",
        "electricity_total_consumption_twh",
    ):
        assert high[name] > low[name] * 1.01, name


def test_a_sector_activity_path_overrides_gdp():
    flat = _run(activity_growth={"chemicals": {2020: 0.0}}).activity()["chemicals"]
    assert flat[2040] == pytest.approx(flat[2020], rel=1e-12)


def test_electrification_moves_electricity_not_the_sector_energy(baseline):
    shares = pp.load_dataset("shandong").paths["electricity_share"]
    years, values = shares["services"]
    more = _run(
        electricity_share={"services": {y: min(1.0, v * 1.5) for y, v in zip(years, values)}}
    )
    base_e = baseline.energy(by=("sector",))
    more_e = more.energy(by=("sector",))
    value = [c for c in base_e.columns if c not in ("year", "sector")][0]
    pick = lambda e: e[(e["sector"] == "services") & (e["year"] == 2030)][value].sum()  # noqa: E731
    assert pick(more_e) == pytest.approx(pick(base_e), rel=1e-9)
    assert (
        more.indicators().loc[2030, "electricity_total_consumption_twh"]
        > baseline.indicators().loc[2030, "electricity_total_consumption_twh"]
    )


def test_electricity_grows_faster_than_energy_2020_2024(baseline):
    ind = baseline.indicators()
    elec = (
        ind.loc[2024, "electricity_total_consumption_twh"]
        / ind.loc[2020, "electricity_total_consumption_twh"]
    )
    energy = ind.loc[2024, "energy_total_mtce"] / ind.loc[2020, "energy_total_mtce"]
    assert elec > energy


def test_total_consumption_reproduces_the_base_year(baseline):
    """全社会用电量 2020: 694 TWh (power.csv, U), end use + losses + own use by construction."""
    assert baseline.indicators().loc[2020, "electricity_total_consumption_twh"] == pytest.approx(
        694.0, rel=1e-4
    )


@pytest.mark.xfail(
    reason="the shipped dataset does not declare its last observed year (history_end) yet, so "
    "accelerated's steel new-build curve still moves 2021-2024 by up to 5e-5 (issue 12)",
    strict=True,
)
def test_scenarios_share_the_history_2020_2024():
    names = ("baseline", "opinions", "accelerated")
    runs = [pp.run(pp.Scenario.load(f"shandong/{n}")).indicators().loc[2020:2024] for n in names]
    for other in runs[1:]:
        # the stock integration (relative tolerance 1e-6) adapts its steps to the whole horizon
        np.testing.assert_allclose(other.to_numpy(), runs[0].to_numpy(), rtol=1e-6)


def _rows(name):
    with open(os.path.join(SHANDONG, name), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_observed_row_is_compared_or_skipped_with_a_reason(baseline):
    report = calibration_report(baseline)
    observed = report[report["file"] == "observed.csv"]
    assert len(observed) == len(_rows("observed.csv"))
    skipped = observed[observed["status"] == "skipped"]
    assert (skipped["reason"].str.len() > 0).all()


# Rows the model represents but misses today, each with why (issue 12 item 6: not silent). The
# test fails when one of them starts passing (then remove it here) or another row fails.
KNOWN_MISSES = {
    ("generation_twh/non_fossil", 2023): (
        "solar and wind capacity of 2023 are observed, but the wind capacity factor (Q1 2020 x 4, "
        "which paths.csv says may overstate the year) puts non-fossil output 6 % above the "
        "derived 157.8 TWh"
    ),
    (
        "electricity_total_consumption_growth",
        2024,
    ): "the 2024 growth by sector is fitted and the 2023 total too; with the model's own 2023 "
    "split (not observed) and losses the total then grows 4.8 % against 4.5 %",
    (
        "generation_share/non_fossil",
        2023,
    ): "capacity by technology is observed for solar and wind in 2023 only; nuclear, biomass "
    "and hydro follow the plan paths",
    (
        "generation_share/non_fossil",
        2024,
    ): "capacity by technology for 2024 is not observed (only the non-fossil total); the paths "
    "interpolate to the 2025 plan, below what stood in 2024",
    (
        "capacity_added_gw/solar",
        2022,
    ): "solar capacity of 2021 and 2022 is not observed; the path interpolates 2020-2023",
    (
        "capacity_gw/non_fossil_total",
        2024,
    ): "capacity by technology for 2024 is not observed; the paths interpolate to the 2025 plan",
    (
        "capacity_share/non_fossil",
        2024,
    ): "capacity by technology for 2024 is not observed; the paths interpolate to the 2025 plan",
    (
        "capacity_gw/total",
        2024,
    ): "capacity by technology for 2024 is not observed; the paths interpolate to the 2025 plan",
}


def test_backcast_within_tolerance(baseline):
    """Every V and P row the model represents is within its tolerance (issue 12 item 6), but
    the known misses listed above with their reasons."""
    report = calibration_report(baseline)
    compared = report[(report["status"] != "skipped") & report["tag"].isin(["V", "P", ""])]
    assert len(compared) >= 40
    failing = {(r.indicator, r.year) for r in compared.itertuples() if r.status == "fail"}
    unexpected = failing - set(KNOWN_MISSES)
    assert not unexpected, compared[
        compared.apply(lambda r: (r.indicator, r.year) in unexpected, axis=1)
    ].to_string()
    assert not set(KNOWN_MISSES) - failing, "a known miss now passes: remove it from KNOWN_MISSES"


def test_skip_list_names_real_indicators():
    names = {r["indicator"] for r in _rows("observed.csv")}
    for key in SKIPPED:
        assert any(n == key or n.startswith(key + "/") for n in names), key


def test_backcast_plot_is_written(baseline, tmp_path):
    from peakpath.calibration import backcast_plot

    backcast_plot(calibration_report(baseline), tmp_path / "backcast.png")
    assert (tmp_path / "backcast.png").stat().st_size > 1000


def _overlaid(name, last=2024):
    """The scenario with each lever path that starts after ``last`` preceded by the dataset's
    path up to ``last``: what the lever overlay does."""
    data = pp.load_dataset("shandong").paths
    scenario = pp.Scenario.load(f"shandong/{name}")
    merged = {}
    for variable, keyed in scenario._core.levers.items():
        for key, (years, values) in keyed.items():
            if key not in data.get(variable, {}) or min(years) <= last:
                continue
            dy, dv = data[variable][key]
            points = {int(y): v for y, v in zip(dy, dv) if y < last}
            points[last] = float(np.interp(last, dy, dv))
            points.update({int(y): v for y, v in zip(years, values)})
            merged.setdefault(variable, {})[key] = points
    return scenario.with_levers(merged) if merged else scenario


def test_shipped_scenarios_set_no_point_in_the_history_and_share_it_under_the_overlay():
    # The scenario files themselves: every dated point lies in 2025 or later (constants and the
    # base-year rules applied with replace aside); the levers are then laid over the history.
    for name in ("baseline", "opinions", "accelerated"):
        with open(os.path.join(SHANDONG, "scenarios", f"{name}.yaml"), encoding="utf-8") as fh:
            levers = yaml.safe_load(fh).get("levers") or {}
        for variable, keyed in levers.items():
            for key, path in keyed.items():
                if not isinstance(path, dict) or path.get("replace"):
                    continue
                years = [y for y in path if isinstance(y, int)]
                assert not years or min(years) >= 2025, (name, variable, key, years)
    runs = [
        pp.run(_overlaid(n)).indicators().loc[2020:2024]
        for n in ("baseline", "opinions", "accelerated")
    ]
    # Not to the last digit: the stock integration (relative tolerance 1e-6) adapts its steps to
    # the whole horizon, and accelerated's logistic new-build curve for steel (constant
    # parameters, docs/dynamics.md) also shapes the few new builds of 2021-24, whose technology
    # the history does not observe (about 2e-5 of an indicator).
    for other in runs[1:]:
        np.testing.assert_allclose(other.to_numpy(), runs[0].to_numpy(), rtol=1e-4)
