"""run_many: results in input order on C++ threads, a thread pool and a process pool, errors that
name the failed scenario, and a clear message when Results cannot come back from a process."""
import concurrent.futures as cf
import multiprocessing
import operator

import numpy as np
import pytest

import peakpath as pp
from peakpath.batch import run_many


@pytest.fixture(scope="module")
def scenarios():
    base = pp.Scenario.load("shandong/baseline")
    return [
        base.with_levers(gdp_growth={2030: g}).renamed(f"g{g}")
        for g in (0.02, 0.03, 0.04, 0.05, 0.06)
    ]


@pytest.fixture(scope="module")
def expected(scenarios):
    return [pp.run(s).indicators().to_numpy() for s in scenarios]


def test_local_threads_in_input_order(scenarios, expected):
    results = run_many(scenarios, threads=2)
    assert [r.scenario for r in results] == [s.name for s in scenarios]
    for r, e in zip(results, expected):
        np.testing.assert_array_equal(r.indicators().to_numpy(), e)


def test_thread_pool_chunks(scenarios, expected):
    with cf.ThreadPoolExecutor(2) as pool:
        results = run_many(scenarios, executor=pool, chunk_size=2)
    for r, e in zip(results, expected):
        np.testing.assert_array_equal(r.indicators().to_numpy(), e)


def test_process_pool_with_a_reducer(scenarios, expected):
    with cf.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        frames = run_many(
            scenarios, executor=pool, chunk_size=2, fn=operator.methodcaller("indicators")
        )
        whole = run_many(scenarios[:1], executor=pool)  # Results pickle back whole too
    np.testing.assert_array_equal(whole[0].indicators().to_numpy(), expected[0])
    for f, e in zip(frames, expected):
        np.testing.assert_array_equal(f.to_numpy(), e)


def test_failure_names_the_scenario_index(scenarios):
    # Each share is valid (checked when the scenario is built); their sum fails in the run.
    bad = (
        pp.Scenario.load("shandong/baseline")
        .with_levers(
            fuel_share={"transport/electricity": {2030: 0.9}, "transport/diesel_oil": {2030: 0.9}}
        )
        .renamed("shares_over_one")
    )
    with cf.ThreadPoolExecutor(2) as pool:
        with pytest.raises(
            RuntimeError,
            match=r"run_many: scenario 3 \('shares_over_one'\) "
            r"failed: .*fuel_share for 'transport'",
        ):
            run_many(scenarios[:3] + [bad], executor=pool, chunk_size=2)
    with pytest.raises(RuntimeError, match=r"run_many: scenario 1 \('shares_over_one'\)"):
        run_many([scenarios[0], bad], threads=2)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(threads=0), "run_many: threads = 0: must be a positive integer"),
        (dict(chunk_size=0), "run_many: chunk_size = 0: must be a positive integer"),
        (dict(executor=4), "run_many: executor = 4: must be None or a"),
    ],
)
def test_bad_arguments(scenarios, kwargs, message):
    with pytest.raises(ValueError) as error:
        run_many(scenarios, **kwargs)
    assert message in str(error.value)


def test_bad_scenario_entry():
    with pytest.raises(ValueError, match=r"run_many: scenarios\[0\] = 3: expected a Scenario"):
        run_many([3])


@pytest.fixture
def run_calls(monkeypatch):
    """Counts the serial runs (``_core.run``) made while a test runs."""
    calls = []
    real = pp._core.run

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pp._core, "run", counting)
    return calls


def _shares_over_one():
    """Each share is valid (checked when the scenario is built); their sum fails in the run."""
    return (
        pp.Scenario.load("shandong/baseline")
        .with_levers(
            fuel_share={"transport/electricity": {2030: 0.9}, "transport/diesel_oil": {2030: 0.9}}
        )
        .renamed("shares_over_one")
    )


def test_failures_come_from_the_batch_without_serial_reruns(scenarios, run_calls):
    bad = _shares_over_one()
    with pytest.raises(RuntimeError) as error:
        run_many([scenarios[0], scenarios[1], bad, scenarios[2]], threads=2)
    assert str(error.value).startswith("run_many: scenario 2 ('shares_over_one') failed: ")
    assert "fuel_share for 'transport'" in str(error.value)
    assert run_calls == []  # the failed run is not run again to find it
    cause = error.value.__cause__
    with pytest.raises(type(cause)) as again:  # same type and message as a run of its own
        pp.run(bad)
    assert str(again.value) == str(cause)


def test_batch_outcomes_hold_each_result_or_error(scenarios, expected):
    bad = _shares_over_one()
    outcomes = pp._core.run_batch_outcomes([scenarios[0]._core, bad._core, scenarios[1]._core], 2)
    assert isinstance(outcomes[0], pp._core.Results) and isinstance(outcomes[2], pp._core.Results)
    np.testing.assert_array_equal(outcomes[2].indicator_values, expected[1])
    error = outcomes[1]
    assert isinstance(error, pp._core.RunError)
    assert (error.index, error.scenario) == (1, "shares_over_one")
    assert "fuel_share for 'transport'" in error.message and error.type
    with pytest.raises(Exception) as raised:
        error.rethrow()
    assert str(raised.value) == error.message
