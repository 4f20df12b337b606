"""Bad ensemble input is a ValueError naming the argument and value, raised before any run."""
import concurrent.futures as cf

import pytest

import peakpath as pp
from peakpath import analysis as A
from peakpath.ensemble import distribution_from_spec, ensemble

GOOD = {"gdp_growth@2030": A.uniform(0.03, 0.05)}


class CountingPool(cf.ThreadPoolExecutor):
    def __init__(self):
        super().__init__(1)
        self.submitted = 0

    def submit(self, fn, *args, **kwargs):
        self.submitted += 1
        return super().submit(fn, *args, **kwargs)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(n=0), "ensemble: n = 0: must be a positive integer"),
        (dict(n=-5), "ensemble: n = -5: must be a positive integer"),
        (dict(n=2.5), "ensemble: n = 2.5: must be a positive integer"),
        (dict(sampler="halton"), "ensemble: sampler = 'halton': must be one of lhs, random, sobol"),
        (dict(seed=-1), "ensemble: seed = -1: must be a non-negative integer"),
        (dict(block_size=0), "ensemble: block_size = 0: must be a positive integer"),
        (dict(threads=0), "ensemble: threads = 0: must be a positive integer"),
        (dict(uncertain={}), "ensemble: uncertain = {}: expected a non-empty mapping"),
        (
            dict(uncertain={"capacity_gwx/solar@2030": A.uniform(1, 2)}),
            "unknown lever 'capacity_gwx'",
        ),
        (
            dict(uncertain={"capacity_gw/sollar@2030": A.uniform(1, 2)}),
            "'capacity_gw/sollar@2030': lever capacity_gw/sollar: unknown key 'sollar' "
            "(did you mean `capacity_gw/solar`",
        ),
        (
            dict(uncertain={"capacity_gw@2030": A.uniform(1, 2)}),
            "'capacity_gw@2030': lever 'capacity_gw' needs a key: capacity_gw/<technology>",
        ),
        (
            dict(uncertain={"scale:import_share": A.uniform(1, 2)}),
            "'scale:import_share': the scenario has no path import_share/total to multiply (keys: "
            "none)",
        ),
        (
            dict(uncertain={"gdp_growth@2070": A.uniform(1, 2)}),
            "'gdp_growth@2070': year 2070 outside the scenario's years 2020-2060",
        ),
        (
            dict(uncertain={"gdp_growth@2030": (0.03, 0.05)}),
            "ensemble: uncertain['gdp_growth@2030'] = (0.03, 0.05): expected a Distribution",
        ),
        (dict(indicators=["co2_mt"]), "ensemble: unknown indicator 'co2_mt'"),
        (dict(targets="no_such_targets"), "no_such_targets"),
        (dict(executor="dask"), "ensemble: executor = 'dask': must be None or a"),
    ],
)
def test_bad_input_raised_before_any_run(kwargs, message):
    pool = CountingPool() if "executor" not in kwargs else None
    args = dict(scenario="shandong/baseline", uncertain=GOOD, n=8, executor=pool)
    args.update(kwargs)
    progress = []
    with pytest.raises(ValueError) as error:
        ensemble(progress=lambda *a: progress.append(a), **args)
    assert message in str(error.value)
    assert progress == []
    if pool is not None:
        assert pool.submitted == 0
        pool.shutdown()


@pytest.mark.parametrize(
    "factory, args, message",
    [
        (A.uniform, (2.0, 1.0), "uniform: low = 2: must be less than high = 1"),
        (A.normal, (0.0, -1.0), "sd = -1"),
        (A.triangular, (0.0, 3.0, 2.0), "mode = 3"),
    ],
)
def test_impossible_distributions_fail_at_construction(factory, args, message):
    with pytest.raises(ValueError, match=message):
        factory(*args)


@pytest.mark.parametrize(
    "spec, message",
    [
        (
            {"distribution": "gamma", "shape": 1},
            "x: distribution = 'gamma': must be one of uniform",
        ),
        ({"distribution": "uniform", "low": 1}, "x: uniform needs parameters low, high; got low"),
        ({"distribution": "normal", "mean": 1, "sd": 0}, "x: normal: sd = 0"),
        ([1, 2], "x: [1, 2]: expected a mapping with 'distribution'"),
    ],
)
def test_distribution_spec_errors(spec, message):
    with pytest.raises(ValueError) as error:
        distribution_from_spec(spec, "x")
    assert message in str(error.value)


def test_distribution_spec_builds_the_factory_law():
    d = distribution_from_spec(
        {"distribution": "triangular", "low": 0, "mode": 1, "high": 3, "note": "why"}
    )
    assert d.kind == "triangular" and d.mean() == pytest.approx(4 / 3)
    assert repr(pp.analysis.discrete([1, 2], [1, 1])) == repr(
        distribution_from_spec({"distribution": "discrete", "values": [1, 2], "weights": [1, 1]})
    )
