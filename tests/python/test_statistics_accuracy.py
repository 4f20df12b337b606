"""Streaming percentiles against numpy at the default settings (docs/analysis.md, "Streaming
statistics"): numpy.percentile's default method ("linear", numpy's method 7 of Hyndman & Fan
1996) on the same samples.

The documented accuracy: while a summary holds at most ``exact_capacity`` values (4096 by
default) its percentiles ARE numpy's, bit for bit. Beyond, the log-bucket sketch of DDSketch
(Masson, Rim & Lee 2019, "DDSketch: a fast and fully-mergeable quantile sketch with
relative-error guarantees", PVLDB 12(12):2195, section 2) estimates each order statistic x_k
within max(a |x_k|, min_magnitude), a = ``relative_accuracy`` (1e-3 by default), the extremes
exactly; numpy's interpolation between two order statistics keeps the larger of their two
bounds. These tests assert exactly that, for the percentiles ensembles report.
"""
import pickle

import numpy as np
import pytest

import peakpath as pp
from peakpath import analysis as an
from peakpath.ensemble import DEFAULT_PERCENTILES, ensemble
from peakpath.results import INDICATOR_NAMES

PERCENTILES = np.array(DEFAULT_PERCENTILES)  # 5, 25, 50, 75, 95: what ensembles report
Q = PERCENTILES / 100.0
CAPACITY = 4096  # the documented default exact_capacity
A = 1e-3  # the documented default relative_accuracy
MIN_MAGNITUDE = 1e-12  # the documented default min_magnitude


def draw(name, n, rng):
    if name == "uniform":
        return rng.uniform(0.0, 10.0, n)
    if name == "normal":
        return rng.normal(0.0, 1.0, n)
    if name == "lognormal":
        return rng.lognormal(3.0, 1.2, n)
    if name == "discrete_years":  # heavy ties, like peak years
        return rng.integers(2025, 2036, n).astype(float)
    if name == "tied_with_zeros":
        return rng.choice([0.0, 1.5, 1.5, 1.5, 1000.0], n)
    if name == "bimodal":
        return np.where(rng.random(n) < 0.3, rng.normal(100.0, 5.0, n), rng.normal(300.0, 10.0, n))
    if name == "negative":
        return rng.normal(-50.0, 20.0, n)
    if name == "constant":
        return np.full(n, 937.25)
    if name == "narrow_far_from_zero":  # CO2 of an ensemble in an early year: 950 +- 0.5 Mt
        return rng.normal(950.0, 0.5, n)
    raise AssertionError(name)


DISTRIBUTIONS = [
    "uniform",
    "normal",
    "lognormal",
    "discrete_years",
    "tied_with_zeros",
    "bimodal",
    "negative",
    "constant",
    "narrow_far_from_zero",
]


def documented_bound(x, q, a=A, min_magnitude=MIN_MAGNITUDE):
    """max over the two order statistics numpy interpolates between of max(a |x_k|,
    min_magnitude), 0 for the minimum and the maximum."""
    xs = np.sort(x)
    n = len(xs)
    h = (n - 1) * q
    lower = np.minimum(np.floor(h).astype(int), n - 1)
    upper = np.minimum(lower + 1, n - 1)

    def one(k):
        b = np.maximum(a * np.abs(xs[k]), min_magnitude)
        return np.where((k == 0) | (k == n - 1), 0.0, b)

    return np.maximum(one(lower), one(upper))


def summary(x, **kw):
    s = an.StreamingStats(**kw)
    s.add_many(np.asarray(x, dtype=float))
    return s


@pytest.mark.parametrize("name", DISTRIBUTIONS)
@pytest.mark.parametrize("n", [1, 2, 7, 100, CAPACITY])
def test_up_to_the_capacity_percentiles_are_numpys(name, n):
    x = draw(name, n, np.random.default_rng(n))
    s = summary(x)
    assert s.exact and s.exact_capacity == CAPACITY and s.relative_accuracy == A
    np.testing.assert_array_equal(s.quantile(Q), np.percentile(x, PERCENTILES))
    np.testing.assert_array_equal(s.quantile_error_bound(Q), 0.0)


@pytest.mark.parametrize("name", DISTRIBUTIONS)
@pytest.mark.parametrize("n", [CAPACITY + 1, 30_000])
def test_beyond_the_capacity_percentiles_are_within_the_documented_bound(name, n):
    x = draw(name, n, np.random.default_rng(n + 1))
    s = summary(x)
    assert not s.exact
    error = np.abs(s.quantile(Q) - np.percentile(x, PERCENTILES))
    bound = documented_bound(x, Q)
    slack = 1e-14 * np.abs(x).max()  # rounding of the interpolation
    assert np.all(error <= bound + slack), (error, bound)
    # the bound the summary reports for itself holds too, and is at most (1 + a)/(1 - a) looser
    reported = s.quantile_error_bound(Q)
    assert np.all(error <= reported + slack)
    assert np.all(reported <= bound * (1 + A) / (1 - A) + MIN_MAGNITUDE)
    assert s.min() == x.min() and s.max() == x.max()


def test_narrow_spread_keeps_neighbouring_percentiles_apart():
    # Issue 13: with the sketch alone (1e-3 of ~950 is about 1 Mt) p5/p25 and p50/p75 of a
    # 950 +- 0.5 sample collapsed into one bucket. Exact up to the capacity, they do not.
    x = draw("narrow_far_from_zero", 1000, np.random.default_rng(3))
    p = summary(x).quantile(Q)
    assert np.all(np.diff(p) > 0)
    np.testing.assert_array_equal(p, np.percentile(x, PERCENTILES))
    # the sketch alone shows the problem the capacity avoids
    sketch = summary(x, exact_capacity=0).quantile(Q)
    assert len(np.unique(sketch)) < len(sketch)


def test_tightening_the_sketch_tightens_the_bound():
    x = draw("narrow_far_from_zero", 20_000, np.random.default_rng(4))
    for a in (1e-3, 1e-4, 1e-5):
        s = summary(x, relative_accuracy=a)
        error = np.abs(s.quantile(Q) - np.percentile(x, PERCENTILES))
        assert np.all(error <= documented_bound(x, Q, a) + 1e-12)
    # or keep every value
    s = summary(x, exact_capacity=len(x))
    np.testing.assert_array_equal(s.quantile(Q), np.percentile(x, PERCENTILES))


@pytest.mark.parametrize(
    "n1, n2", [(100, 250), (3000, 3000), (CAPACITY, 1), (20_000, 7_000), (0, 500)]
)
def test_merging_two_summaries_equals_summarising_the_concatenation(n1, n2):
    rng = np.random.default_rng(n1 + n2)
    x1 = draw("bimodal", n1, rng)
    x2 = draw("negative", n2, rng)
    both = np.concatenate([x1, x2])
    merged = summary(x1)
    merged.merge(pickle.loads(pickle.dumps(summary(x2))))  # as blocks travel from workers
    whole = summary(both)
    assert merged.count == whole.count == len(both)
    assert merged.exact == whole.exact == (len(both) <= CAPACITY)
    # identical, not just close: the state depends only on the multiset of values
    np.testing.assert_array_equal(merged.quantile(Q), whole.quantile(Q))
    error = np.abs(merged.quantile(Q) - np.percentile(both, PERCENTILES))
    assert np.all(error <= documented_bound(both, Q) + 1e-12)
    assert merged.mean() == pytest.approx(both.mean(), rel=1e-12)


def test_pickle_keeps_the_exact_values():
    x = draw("lognormal", 500, np.random.default_rng(5))
    s = pickle.loads(pickle.dumps(summary(x)))
    assert s.exact and s.count == 500
    np.testing.assert_array_equal(s.quantile(Q), np.percentile(x, PERCENTILES))


def test_bad_parameters_and_mismatched_merges():
    with pytest.raises(ValueError, match="exact_capacity must match"):
        summary([1.0]).merge(summary([2.0], exact_capacity=10))
    with pytest.raises(TypeError):
        an.StreamingStats(exact_capacity=-1)


def test_ensemble_percentiles_are_numpys_on_the_trajectories():
    r = ensemble(
        pp.Scenario.load("shandong/baseline"),
        {
            "gdp_growth@2030": an.triangular(0.035, 0.045, 0.055),
            "scale:intensity_change": an.uniform(0.9, 1.1),
        },
        n=40,
        seed=2,
        keep=True,
        block_size=16,
        threads=1,
    )
    assert r.completed == 40 and not r.failures
    columns = [f"p{int(p)}" for p in PERCENTILES]
    for name in INDICATOR_NAMES:
        data = r.trajectories[:, :, INDICATOR_NAMES.index(name)]
        table = r.percentiles(name)
        np.testing.assert_array_equal(
            table[columns].to_numpy(), np.percentile(data, PERCENTILES, axis=0).T, err_msg=name
        )
