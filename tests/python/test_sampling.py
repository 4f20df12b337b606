"""Distributions, sampling designs and streaming statistics from Python."""
import concurrent.futures
import pickle

import numpy as np
import pytest
import scipy.stats
from scipy.stats import qmc

from peakpath import analysis as an


def test_quantiles_agree_with_scipy():
    u = np.array([0.001, 0.1, 0.5, 0.77, 0.999])
    np.testing.assert_allclose(
        an.normal(3, 2).quantile(u), scipy.stats.norm(3, 2).ppf(u), rtol=1e-12
    )
    np.testing.assert_allclose(
        an.triangular(1, 2, 5).quantile(u),
        scipy.stats.triang(0.25, loc=1, scale=4).ppf(u),
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        an.uniform(-1, 1).quantile(u), scipy.stats.uniform(-1, 2).ppf(u), rtol=1e-12, atol=1e-15
    )
    mean, sd = 100.0, 30.0
    sigma = np.sqrt(np.log1p((sd / mean) ** 2))
    ref = scipy.stats.lognorm(sigma, scale=mean * np.exp(-(sigma**2) / 2))
    np.testing.assert_allclose(an.lognormal(mean, sd).quantile(u), ref.ppf(u), rtol=1e-12)
    assert ref.mean() == pytest.approx(mean) and ref.std() == pytest.approx(sd)
    d = an.discrete([10, 20], [1, 3])
    np.testing.assert_array_equal(d.quantile([0.1, 0.25, 0.26, 1.0]), [10, 10, 20, 20])
    assert repr(d) == "discrete(values=[10, 20], weights=[1, 3])"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: an.normal(0, 0), "normal: sd = 0: must be positive and finite"),
        (lambda: an.uniform(3, 1), "uniform: low = 3: must be less than high = 1"),
        (lambda: an.triangular(0, 5, 2), r"triangular: mode = 5: must lie in \[low, high\]"),
        (lambda: an.lognormal(1, -1), "lognormal: sd = -1"),
        (lambda: an.discrete([1], [-1]), r"discrete: weights\[0\] = -1"),
        (lambda: an.Sampler("halton", 4, 2, 0), "sampler = 'halton'"),
        (lambda: an.Sampler("lhs", 0, 2, 0), "Sampler: n = 0: must be positive"),
    ],
)
def test_impossible_parameters_are_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_plain_sobol_is_scipys_joe_kuo_sequence():
    ours = an.Sampler("sobol", 64, 10, 0, scramble=False).uniform()
    ref = qmc.Sobol(10, scramble=False).random(64)
    np.testing.assert_allclose(ours, ref, atol=1e-15)


def test_latin_hypercube_strata_and_reproducibility():
    s = an.Sampler("lhs", 500, 6, 11)
    u = s.uniform()
    for j in range(6):
        assert sorted(np.floor(u[:, j] * 500).astype(int)) == list(range(500))
    np.testing.assert_array_equal(an.Sampler("lhs", 500, 6, 11).uniform(), u)


@pytest.mark.parametrize("kind", ["random", "lhs", "sobol"])
def test_same_seed_same_design_whatever_the_split_across_threads(kind):
    s = an.Sampler(kind, 1000, 3, 7)
    whole = s.uniform()
    blocks = [(first, min(97, 1000 - first)) for first in range(0, 1000, 97)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        parts = list(pool.map(lambda b: s.uniform(*b), blocks))
    np.testing.assert_array_equal(np.vstack(parts), whole)


def test_sample_with_named_distributions_gives_a_frame():
    df = an.sample(
        {"growth": an.normal(0.05, 0.01), "share": an.uniform(0.2, 0.4)}, 4096, "lhs", seed=1
    )
    assert list(df.columns) == ["growth", "share"]
    assert df["growth"].mean() == pytest.approx(0.05, abs=1e-4)
    assert df["share"].between(0.2, 0.4).all()


def test_streaming_percentiles_within_the_bound_of_numpy():
    rng = np.random.default_rng(8)
    x = np.concatenate([rng.lognormal(6.0, 0.5, 30000), rng.normal(-20, 5, 5000), np.zeros(50)])
    for a in (1e-3, 1e-2):
        s = an.StreamingStats(a)
        s.add_many(x)
        q = np.linspace(0, 1, 201)
        est = s.quantile(q)
        exact = np.percentile(x, q * 100)
        xs = np.sort(x)
        h = q * (len(x) - 1)
        lo = np.floor(h).astype(int)
        bound = a * np.maximum(np.abs(xs[lo]), np.abs(xs[np.minimum(lo + 1, len(x) - 1)]))
        assert np.all(np.abs(est - exact) <= bound + 1e-12)
    assert s.mean() == pytest.approx(x.mean(), rel=1e-12)
    assert s.sd() == pytest.approx(x.std(ddof=1), rel=1e-10)


def test_streaming_stats_merge_and_pickle_are_exact():
    rng = np.random.default_rng(2)
    x = rng.gamma(2.0, 50.0, 10000)
    whole = an.StreamingStats()
    whole.add_many(x)
    for parts in (2, 5):
        merged = an.StreamingStats()
        for chunk in np.array_split(x, parts):
            part = an.StreamingStats()
            part.add_many(chunk)
            merged.merge(pickle.loads(pickle.dumps(part)))
        np.testing.assert_array_equal(
            merged.quantile([0.05, 0.5, 0.95]), whole.quantile([0.05, 0.5, 0.95])
        )
        assert merged.count == whole.count
    c = an.ProbabilityCounter()
    for hit in (True, False, True, True):
        c.add(hit)
    c2 = pickle.loads(pickle.dumps(c))
    assert (c2.trials, c2.hits, c2.probability()) == (4, 3, 0.75)
    t = an.Tally()
    t.add(2029, 3)
    t.add(2031)
    assert pickle.loads(pickle.dumps(t)).counts == {2029: 3, 2031: 1}


def test_streaming_stats_errors():
    s = an.StreamingStats()
    with pytest.raises(ValueError, match="needs at least 1 value"):
        s.mean()
    with pytest.raises(ValueError, match=r"StreamingStats.add: x = nan: must be finite"):
        s.add_many(np.array([1.0, np.nan]))
