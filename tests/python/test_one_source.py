"""Rules defined once, in C++, and read by Python: the solver defaults of run(), the sampler
names, the distribution factories and the grouping of results (issue 11)."""
import numpy as np
import pandas as pd
import pytest

import peakpath as pp
from peakpath import _core
from peakpath import analysis as A
from peakpath.cli import build_parser
from peakpath.ensemble import SAMPLERS, distribution_from_spec


def test_solver_defaults_come_from_cpp():
    core = _core.default_run_solver_options()
    defaults = pp.model.default_run_solver_options()
    assert defaults == {
        "rel_tolerance": core.rel_tolerance,
        "abs_tolerance": core.abs_tolerance,
        "max_step": core.max_step,
        "max_steps": core.max_steps,
    }
    # docs/dynamics.md: relative and absolute 1e-6, steps of at most a year
    assert (defaults["rel_tolerance"], defaults["abs_tolerance"], defaults["max_step"]) == (
        1e-6,
        1e-6,
        1.0,
    )


def test_a_tolerance_not_given_is_the_cpp_default():
    scenario = pp.Scenario.load("shandong/baseline")
    d = pp.model.default_run_solver_options()
    plain = pp.run(scenario).indicators()
    for kwargs in (
        dict(rel_tolerance=d["rel_tolerance"]),
        dict(abs_tolerance=d["abs_tolerance"]),
        dict(rel_tolerance=d["rel_tolerance"], abs_tolerance=d["abs_tolerance"]),
    ):
        pd.testing.assert_frame_equal(
            pp.run(scenario, **kwargs).indicators(), plain, check_exact=True
        )
    tighter = pp.run(scenario, abs_tolerance=1e-10).indicators()
    assert not tighter.equals(plain)  # the one given tolerance is used
    with pytest.raises(ValueError, match="abs_tolerance = -1"):
        pp.run(scenario, abs_tolerance=-1.0)


def test_sampler_names_come_from_cpp():
    names = tuple(_core.analysis.SAMPLER_NAMES)
    assert names == ("lhs", "random", "sobol")
    assert A.SAMPLER_NAMES == names and SAMPLERS == names
    for name in names:
        assert A.Sampler(name, 4, 2, 0).size == 4
    with pytest.raises(ValueError, match="sampler = 'halton': must be one of lhs, random, sobol"):
        A.Sampler("halton", 4, 2, 0)
    ensemble_parser = build_parser()._subparsers._group_actions[0].choices["ensemble"]
    sampler_option = next(a for a in ensemble_parser._actions if a.dest == "sampler")
    assert tuple(sampler_option.choices) == names


EXAMPLE_PARAMETERS = {
    "low": 1.0,
    "mode": 2.0,
    "high": 4.0,
    "mean": 2.0,
    "sd": 0.5,
    "mu": 0.1,
    "sigma": 0.2,
    "values": [1.0, 2.0],
    "weights": [1.0, 3.0],
}


def test_distribution_specs_cover_every_cpp_factory():
    factories = dict(_core.analysis.DISTRIBUTION_FACTORIES)
    assert list(factories) == [
        "uniform",
        "triangular",
        "normal",
        "lognormal",
        "lognormal_log",
        "discrete",
    ]
    assert dict(A.DISTRIBUTION_FACTORIES) == {k: tuple(v) for k, v in factories.items()}
    for name, parameters in factories.items():
        given = {p: EXAMPLE_PARAMETERS[p] for p in parameters}
        built = distribution_from_spec({"distribution": name, **given})
        assert repr(built) == repr(getattr(A, name)(**given))
        assert built.kind == name.replace("lognormal_log", "lognormal")
    with pytest.raises(
        ValueError,
        match="must be one of uniform, triangular, normal, lognormal, " "lognormal_log, discrete",
    ):
        distribution_from_spec({"distribution": "gamma"})


def test_grouping_is_the_cpp_table(baseline):
    core = baseline._core
    frame = baseline.emissions(by=("group", "fuel"))
    table = core.emissions(["group", "fuel"])
    assert list(frame.columns) == ["group", "fuel", "year", "co2_mt"]
    labels, codes = table.columns["group"]
    assert list(frame["group"]) == [labels[c] for c in codes]
    np.testing.assert_array_equal(frame["co2_mt"].to_numpy(), np.asarray(table.values) * 1e-6)
    # the sum over every key is the total in each year, process CO2 in and CCUS out
    total = baseline.emissions(by=()).set_index("year")["co2_mt"]
    np.testing.assert_allclose(total.to_numpy(), baseline.indicator("co2_total_mt"), rtol=1e-12)
    energy = baseline.energy(by=("sector", "fuel"))
    flat = np.asarray(core.energy_tce) * 1e-6
    n_f = len(core.fuel_ids)
    s, f = core.sector_ids.index("transport"), list(core.fuel_ids).index("diesel_oil")
    row = energy.query("sector == 'transport' and fuel == 'diesel_oil' and year == 2030")
    assert row["energy_mtce"].item() == flat[10, s * n_f + f]
