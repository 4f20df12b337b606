"""The same seed gives identical ensemble statistics on one thread, two threads, a thread pool
and a process pool (the Dask case is in test_ensemble_dask.py)."""
import concurrent.futures as cf
import multiprocessing

import numpy as np
import pandas as pd
import pytest

import peakpath as pp
from peakpath import analysis as A
from peakpath.ensemble import ensemble

UNCERTAIN = {
    "gdp_growth@2030": A.triangular(0.035, 0.045, 0.055),
    "scale:capacity_gw/solar@2030": A.uniform(0.8, 1.2),
    "scale:coal_heat_rate_gce_per_kwh@2030": A.normal(1.0, 0.01),
    "import_share@2030": A.uniform(0.15, 0.3),
}
OPTIONS = dict(n=64, sampler="lhs", seed=11, block_size=16, targets="shandong")


def fingerprint(r):
    """Everything an ensemble reports, as exact values."""
    return (
        r.completed,
        r.percentiles(),
        r.peak_summary(),
        r.peak_years(),
        r.target_probabilities(),
        [(f.index, f.message) for f in r.failures],
    )


def assert_identical(a, b):
    assert a[0] == b[0]
    pd.testing.assert_frame_equal(a[1], b[1], check_exact=True)
    pd.testing.assert_frame_equal(a[2], b[2], check_exact=True)
    pd.testing.assert_series_equal(a[3], b[3], check_exact=True)
    pd.testing.assert_series_equal(a[4], b[4], check_exact=True)
    assert a[5] == b[5]


@pytest.fixture(scope="module")
def scenario():
    # import_share needs a path before it can be sampled at a year: start from 2020's share
    sc = pp.Scenario.load("shandong/baseline")
    return sc.with_levers(import_share={2020: 0.17, 2025: 0.2})


@pytest.fixture(scope="module")
def reference(scenario):
    return fingerprint(ensemble(scenario, UNCERTAIN, threads=1, **OPTIONS))


def test_two_threads_identical(scenario, reference):
    assert_identical(fingerprint(ensemble(scenario, UNCERTAIN, threads=2, **OPTIONS)), reference)


def test_thread_pool_identical(scenario, reference):
    with cf.ThreadPoolExecutor(2) as pool:
        assert_identical(
            fingerprint(ensemble(scenario, UNCERTAIN, executor=pool, **OPTIONS)), reference
        )


def test_process_pool_identical(scenario, reference):
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(2, mp_context=context) as pool:
        assert_identical(
            fingerprint(ensemble(scenario, UNCERTAIN, executor=pool, **OPTIONS)), reference
        )


def test_other_block_size_changes_only_the_last_bits(scenario, reference):
    # quantiles (integer bucket counts) are identical; moments agree to rounding
    other = fingerprint(ensemble(scenario, UNCERTAIN, threads=1, **{**OPTIONS, "block_size": 5}))
    quantiles = [c for c in reference[1].columns if c.startswith("p") or c in ("min", "max")]
    pd.testing.assert_frame_equal(other[1][quantiles], reference[1][quantiles], check_exact=True)
    np.testing.assert_allclose(other[1]["mean"], reference[1]["mean"], rtol=1e-13)


def test_failing_samples_are_reported_and_the_rest_kept(scenario):
    # a normal law on solar capacity gives some negative capacities, which the model rejects
    uncertain = {
        "capacity_gw/solar@2030": A.normal(100.0, 100.0),
        "gdp_growth@2030": A.uniform(0.03, 0.05),
    }
    seen = []
    with cf.ThreadPoolExecutor(2) as pool:
        r = ensemble(
            scenario,
            uncertain,
            n=64,
            seed=5,
            block_size=16,
            executor=pool,
            progress=lambda done, n: seen.append((done, n)),
        )
    inputs = r.samples()
    negative = set(np.flatnonzero(inputs["capacity_gw/solar@2030"] < 0))
    assert 0 < len(negative) < 64
    assert {f.index for f in r.failures} == negative
    for f in r.failures:
        assert f.values == pytest.approx(inputs.loc[f.index].to_dict())
        assert "capacity_gw/solar in 2030: value -" in f.message
    assert r.completed == 64 - len(negative)
    assert r.percentiles("co2_total_mt")["count"].eq(r.completed).all()
    assert seen == [(16, 64), (32, 64), (48, 64), (64, 64)]
    frame = r.failures_frame()
    assert list(frame["sample"]) == sorted(negative)
    assert f"sample {min(negative)} failed" in r.summary()
    # the same failures and statistics without an executor
    assert_identical(
        fingerprint(ensemble(scenario, uncertain, n=64, seed=5, block_size=16, threads=2)),
        fingerprint(r),
    )


class LosesSecondBlock(cf.ThreadPoolExecutor):
    """A pool whose second task dies, as when a worker process is lost."""

    def __init__(self):
        super().__init__(2)
        self.calls = 0

    def submit(self, fn, *args, **kwargs):
        self.calls += 1
        if self.calls == 2:
            future = cf.Future()
            future.set_exception(RuntimeError("worker lost"))
            return future
        return super().submit(fn, *args, **kwargs)


def test_lost_block_is_reported_and_the_other_blocks_kept(scenario):
    with LosesSecondBlock() as pool:
        r = ensemble(scenario, UNCERTAIN, executor=pool, **OPTIONS)
    assert [f.index for f in r.failures] == list(range(16, 32))
    assert all(
        "block of samples 16-31 failed: RuntimeError: worker lost" == f.message for f in r.failures
    )
    assert r.failures[0].values.keys() == UNCERTAIN.keys()
    assert r.completed == 48


def test_failing_samples_are_not_run_again(scenario, monkeypatch):
    # Each sample runs once, in its block's C++ batch: a failure is read from the batch's own
    # outcome (type and message), with no serial re-run to find it.
    serial = []
    real = pp._core.run
    monkeypatch.setattr(pp._core, "run", lambda *a, **k: serial.append(a) or real(*a, **k))
    uncertain = {"capacity_gw/solar@2030": A.normal(100.0, 100.0)}
    r = ensemble(scenario, uncertain, n=32, seed=5, block_size=16, threads=2)
    negative = set(np.flatnonzero(r.samples()["capacity_gw/solar@2030"] < 0))
    assert negative and {f.index for f in r.failures} == negative
    assert serial == []
    for f in r.failures:
        assert f.message.startswith(("ValueError: ", "DataError: ", "RuntimeError: ", "Error: "))
        assert "capacity_gw/solar" in f.message
