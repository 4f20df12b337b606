"""Ensembles over lever paths: addresses, statistics against the kept trajectories,
reproducibility across executors, bad input and failing samples (docs/ensembles.md)."""

import numpy as np
import pandas as pd
import pytest

import peakpath as pp
from peakpath import analysis as A
from peakpath.ensemble import EnsembleResult, ensemble, parse_address
from peakpath.results import INDICATOR_NAMES


@pytest.fixture(scope="module")
def scenario():
    return pp.Scenario.load("shandong/baseline")


def solar_path(scenario):
    years, values = scenario._core.effective_paths["capacity_gw"]["solar"]
    return list(years), list(values)


UNCERTAIN = {
    "gdp_growth@2030": A.triangular(0.035, 0.045, 0.055),
    "scale:capacity_gw/solar@2030": A.uniform(0.8, 1.2),
    "scale:coal_heat_rate_gce_per_kwh": A.normal(1.0, 0.01),
    "scale:intensity_change": A.uniform(0.9, 1.1),
}


# --- addresses ----------------------------------------------------------------------------------


def test_parse_address_forms():
    a = parse_address("capacity_gw/solar@2030")
    assert (a.variable, a.key, a.year, a.scale) == ("capacity_gw", "solar", 2030, False)
    a = parse_address("gdp_growth@2030")
    assert (a.key, a.year, a.scale) == ("total", 2030, False)
    a = parse_address("scale:intensity_change")
    assert (a.variable, a.key, a.year, a.scale) == ("intensity_change", None, None, True)
    a = parse_address("scale:fuel_share/transport/electricity@2040")
    assert (a.key, a.year, a.scale) == ("transport/electricity", 2040, True)


@pytest.mark.parametrize(
    "text, message",
    [
        ("capacity_gwx/solar@2030", "unknown lever 'capacity_gwx'"),
        ("capacity_gw/solar", "a value needs a year"),
        ("capacity_gw/solar@20300", "'20300' is not a year: expected variable/key@year"),
        ("Scale:gdp_growth", "expected variable/key@year, variable/key, variable@year"),
    ],
)
def test_parse_address_errors(text, message):
    with pytest.raises(ValueError) as error:
        parse_address(text)
    assert message in str(error.value)
    assert repr(text) in str(error.value)


def run_single(scenario, address, value):
    """The trajectories of an ensemble whose only input is fixed at ``value``."""
    r = ensemble(scenario, {address: A.discrete([value], [1.0])}, n=2, keep=True, threads=1)
    assert r.completed == 2 and not r.failures
    return r.trajectories[0]


def indicators_of(scenario):
    return pp.run(scenario).indicators().to_numpy()


def test_value_at_year_sets_one_point_and_keeps_the_rest(scenario):
    years, values = solar_path(scenario)
    expected = dict(zip(years, values))
    expected[2030] = 140.0
    explicit = scenario.with_levers(capacity_gw={"solar": expected})
    np.testing.assert_array_equal(
        run_single(scenario, "capacity_gw/solar@2030", 140.0), indicators_of(explicit)
    )
    # a year between points is inserted; the neighbours stay
    expected = dict(zip(years, values))
    expected[2040] = 200.0
    explicit = scenario.with_levers(capacity_gw={"solar": expected})
    np.testing.assert_array_equal(
        run_single(scenario, "capacity_gw/solar@2040", 200.0), indicators_of(explicit)
    )


def test_scale_multiplies_the_whole_path_or_one_year(scenario):
    years, values = solar_path(scenario)
    # Every projection year is multiplied; the base year (read by the model) keeps its value.
    scaled = {y: 1.1 * v for y, v in zip(years, values) if y > 2021}
    scaled.update(
        {
            2020: float(np.interp(2020, years, values)),
            2021: 1.1 * float(np.interp(2021, years, values)),
        }
    )
    explicit = scenario.with_levers(capacity_gw={"solar": scaled})
    np.testing.assert_array_equal(
        run_single(scenario, "scale:capacity_gw/solar", 1.1), indicators_of(explicit)
    )
    at_2035 = 1.1 * float(np.interp(2035, years, values))
    explicit = scenario.with_levers(
        capacity_gw={"solar": {**dict(zip(years, values)), 2035: at_2035}}
    )
    np.testing.assert_array_equal(
        run_single(scenario, "scale:capacity_gw/solar@2035", 1.1), indicators_of(explicit)
    )


def test_scale_without_key_scales_every_key(scenario):
    paths = scenario._core.effective_paths["intensity_change"]
    explicit = scenario.with_levers(
        intensity_change={key: {y: 0.9 * v for y, v in zip(*p)} for key, p in paths.items()}
    )
    np.testing.assert_array_equal(
        run_single(scenario, "scale:intensity_change", 0.9), indicators_of(explicit)
    )


# --- statistics ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kept(scenario):
    return ensemble(
        scenario, UNCERTAIN, n=48, seed=7, keep=True, targets="shandong", block_size=16, threads=2
    )


def test_statistics_match_the_kept_trajectories(kept):
    cube = kept.trajectories
    assert cube.shape == (48, len(kept.years), len(INDICATOR_NAMES))
    assert kept.completed == 48 and kept.failures == []
    q = [5, 25, 50, 75, 95]
    for name in ("co2_total_mt", "energy_total_mtce", "non_fossil_share"):
        data = cube[:, :, INDICATOR_NAMES.index(name)]
        table = kept.percentiles(name, q)
        np.testing.assert_array_equal(table["count"], 48)
        np.testing.assert_allclose(table["mean"], data.mean(axis=0), rtol=1e-12)
        np.testing.assert_allclose(table["sd"], data.std(axis=0, ddof=1), rtol=1e-9, atol=1e-12)
        np.testing.assert_array_equal(table["min"], data.min(axis=0))
        np.testing.assert_array_equal(table["max"], data.max(axis=0))
        # within the sketch's relative accuracy of numpy's default percentile
        exact = np.percentile(data, q, axis=0).T
        np.testing.assert_allclose(table[[f"p{x}" for x in q]], exact, rtol=kept.relative_accuracy)


def test_peak_statistics_match_per_run_peaks(kept):
    co2 = kept.trajectories[:, :, INDICATOR_NAMES.index("co2_total_mt")]
    peaks = [pp.peak(kept.years, row) for row in co2]
    expected = pd.Series([p.year for p in peaks]).value_counts(normalize=True).sort_index()
    assert list(kept.peak_years().index) == list(expected.index)
    np.testing.assert_allclose(kept.peak_years().to_numpy(), expected.to_numpy())
    value = kept.peak_value()
    assert value.count == 48
    assert value.max() == max(p.value for p in peaks)
    assert value.min() == min(p.value for p in peaks)
    peaked = np.mean([p.status == "peaked" for p in peaks])
    assert kept.peak_summary().loc["co2_total_mt", "probability_peaked"] == peaked


def test_target_probabilities_equal_direct_checks(scenario):
    r = ensemble(
        scenario,
        {"scale:intensity_change": A.uniform(0.8, 1.2)},
        n=16,
        seed=3,
        targets="shandong",
        threads=1,
    )
    targets = pp._core.targets.TargetSet.load("shandong")
    paths = scenario._core.effective_paths["intensity_change"]
    passed = {t.id: [] for t in targets.targets}
    for x in r.samples()["scale:intensity_change"]:
        res = pp.run(
            scenario.with_levers(
                intensity_change={key: {y: x * v for y, v in zip(*p)} for key, p in paths.items()}
            )
        )
        for outcome in pp._core.targets.check_targets(res._core, targets).outcomes:
            passed[outcome.id].append(outcome.passed)
    expected = pd.Series({k: np.mean(v) for k, v in passed.items()})
    pd.testing.assert_series_equal(
        r.target_probabilities(), expected, check_names=False, check_index_type=False
    )
    # the range is wide enough that the 2025 energy-intensity outcome differs between samples
    assert 0 < expected["energy_intensity_2025"] < 1
    # a Targets object works like its name
    from peakpath.targets import Targets

    again = ensemble(
        scenario,
        {"scale:intensity_change": A.uniform(0.8, 1.2)},
        n=16,
        seed=3,
        targets=Targets.load("shandong"),
        threads=2,
    )
    pd.testing.assert_series_equal(again.target_probabilities(), r.target_probabilities())


def test_keep_false_keeps_no_trajectory(scenario):
    r = ensemble(scenario, {"gdp_growth@2030": A.uniform(0.03, 0.05)}, n=8, threads=1)
    assert r.trajectories is None
    assert isinstance(r, EnsembleResult)
    assert r.percentiles("co2_total_mt")["count"].eq(8).all()


def test_samples_are_the_design(kept):
    design = A.sample(dict(UNCERTAIN), 48, "lhs", 7)
    pd.testing.assert_frame_equal(kept.samples().reset_index(drop=True), design)
