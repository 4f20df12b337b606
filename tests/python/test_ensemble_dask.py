"""Ensembles and run_many on a real Dask LocalCluster with two worker processes give the same
answers as local threads."""
import operator

import numpy as np
import pytest

import peakpath as pp
from peakpath.batch import run_many
from peakpath.ensemble import ensemble

distributed = pytest.importorskip("distributed")

from test_ensemble_executors import OPTIONS, UNCERTAIN, assert_identical, fingerprint  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_ensemble_identical_to_one_thread(client):
    scenario = pp.Scenario.load("shandong/baseline").with_levers(
        import_share={2020: 0.17, 2025: 0.2}
    )
    local = fingerprint(ensemble(scenario, UNCERTAIN, threads=1, **OPTIONS))
    on_dask = fingerprint(ensemble(scenario, UNCERTAIN, executor=client.get_executor(), **OPTIONS))
    assert_identical(on_dask, local)
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_run_many_matches_local(client):
    base = pp.Scenario.load("shandong/baseline")
    scenarios = [base.with_levers(gdp_growth={2030: g}) for g in (0.03, 0.04, 0.05)]
    remote = run_many(
        scenarios,
        executor=client.get_executor(),
        chunk_size=2,
        fn=operator.methodcaller("indicators"),
    )
    for frame, scenario in zip(remote, scenarios):
        np.testing.assert_array_equal(frame.to_numpy(), pp.run(scenario).indicators().to_numpy())
