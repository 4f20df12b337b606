"""Sobol sensitivity indices from Python, validated on the Ishigami function (a = 7, b = 0.1;
Ishigami & Homma 1990; Saltelli et al. 2010, "Variance based sensitivity analysis of model
output", Comput. Phys. Commun. 181:259), with the SobolSampleWarning for samples too small."""
import warnings

import numpy as np
import pytest

from peakpath import analysis as an

A, B = 7.0, 0.1


def ishigami(x):
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def analytic():
    """Ishigami & Homma (1990); Saltelli et al. (2008) "Global Sensitivity Analysis: The Primer",
    section 4.6: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)."""
    pi = np.pi
    V = A**2 / 8 + B * pi**4 / 5 + B**2 * pi**8 / 18 + 0.5
    V1, V2, V13 = 0.5 * (1 + B * pi**4 / 5) ** 2, A**2 / 8, 8 * B**2 * pi**8 / 225
    return np.array([V1, V2, 0.0]) / V, np.array([V1 + V13, V2, V13]) / V


def test_analytic_values_are_the_published_ones():
    s1, st = analytic()
    np.testing.assert_allclose(s1, [0.3139, 0.4424, 0.0], atol=1e-4)
    np.testing.assert_allclose(st, [0.5576, 0.4424, 0.2437], atol=1e-4)


UNIFORM3 = {
    "x1": an.uniform(-np.pi, np.pi),
    "x2": an.uniform(-np.pi, np.pi),
    "x3": an.uniform(-np.pi, np.pi),
}


def test_large_sample_recovers_the_analytic_indices_within_their_intervals():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a reliable result warns about nothing
        r = an.sobol_indices(ishigami, UNIFORM3, n=8192, seed=1, n_bootstrap=500)
    s1, st = analytic()
    assert r.confidence == 0.95 and r.max_interval_width == 0.1
    assert r.reliable and r.warning == ""
    # S1 and ST both carry 95 % bootstrap intervals, and they hold the analytic values
    assert np.all(r.S1_low <= s1) and np.all(s1 <= r.S1_high), (r.S1_low, r.S1_high)
    assert np.all(r.ST_low <= st) and np.all(st <= r.ST_high), (r.ST_low, r.ST_high)
    assert np.all(r.S1_high - r.S1_low <= 0.1) and np.all(r.ST_high - r.ST_low <= 0.1)


def test_small_sample_warns():
    with pytest.warns(an.SobolSampleWarning) as record:
        r = an.sobol_indices(ishigami, UNIFORM3, n=16, seed=1, n_bootstrap=500)
    assert not r.reliable
    message = str(record[0].message)
    assert message.startswith("sobol_indices: S1[x1] = ")  # inputs named, not numbered
    assert "95 % interval" in message and "wider than 0.1" in message
    assert "N = 16 is too small for these indices to be meaningful; increase N" in message
    assert message == f"sobol_indices: {r.warning}"
    assert record[0].filename == __file__  # points at the caller, not at peakpath
    assert issubclass(an.SobolSampleWarning, UserWarning)


def test_interval_width_threshold_is_a_parameter():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = an.sobol_indices(
            ishigami, UNIFORM3, n=1024, seed=1, n_bootstrap=200, max_interval_width=0.5
        )
    assert r.reliable and r.max_interval_width == 0.5
    with pytest.warns(an.SobolSampleWarning, match="wider than 0.1"):
        an.sobol_indices(ishigami, UNIFORM3, n=1024, seed=1, n_bootstrap=200)
    with pytest.raises(ValueError, match=r"max_interval_width = 2: must lie in \(0, 1\]"):
        an.sobol_indices(ishigami, UNIFORM3, n=64, max_interval_width=2.0)


def test_ishigami_indices_and_intervals():
    dists = {
        "x1": an.uniform(-np.pi, np.pi),
        "x2": an.uniform(-np.pi, np.pi),
        "x3": an.uniform(-np.pi, np.pi),
    }
    r = an.sobol_indices(ishigami, dists, n=4096, seed=3, n_bootstrap=300, max_interval_width=0.2)
    s1, st = analytic()
    np.testing.assert_allclose(r.S1, s1, atol=0.03)
    np.testing.assert_allclose(r.ST, st, atol=0.03)
    df = r.to_frame()
    assert list(df.index) == ["x1", "x2", "x3"]
    assert (df["S1_low"] <= df["S1"]).all() and (df["ST"] <= df["ST_high"]).all()
    assert np.all(df["ST_low"] - 0.01 <= st) and np.all(st <= df["ST_high"] + 0.01)


def test_outputs_api_matches_function_api():
    u = an.saltelli_design(512, 3, 4)
    x = -np.pi + 2 * np.pi * u
    dists = [an.uniform(-np.pi, np.pi)] * 3
    # no bootstrap: no intervals to vouch for the estimates, which the warning says
    with pytest.warns(an.SobolSampleWarning, match=r"no bootstrap resamples \(n_bootstrap = 0\)"):
        r1 = an.sobol_indices_from_outputs(ishigami(x), 3, n_bootstrap=0)
    with pytest.warns(an.SobolSampleWarning):
        r2 = an.sobol_indices(ishigami, dists, n=512, seed=4, n_bootstrap=0)
    np.testing.assert_allclose(r1.S1, r2.S1, atol=1e-12)
    assert not r1.reliable and not r2.reliable


def test_errors():
    with pytest.raises(ValueError, match=r"size of y \(11\) must be N"):
        an.sobol_indices_from_outputs(np.ones(11), 3)
    with pytest.raises(ValueError, match=r"Var\(y\) = 0"):
        an.sobol_indices(lambda x: np.zeros(len(x)), [an.uniform(0, 1)], n=8)
    with pytest.raises(ValueError, match="func returned 1 outputs"):
        an.sobol_indices(lambda x: np.zeros(1), [an.uniform(0, 1)], n=8)


def test_an_offset_in_the_output_changes_nothing():
    # Model outputs such as Mt of CO2 have a mean far above their spread; the indices must not
    # depend on it (the first-order estimator centres the outputs).
    plain = an.sobol_indices(
        ishigami, UNIFORM3, n=1024, seed=2, n_bootstrap=100, max_interval_width=1.0
    )
    shifted = an.sobol_indices(
        lambda x: ishigami(x) + 1e3,
        UNIFORM3,
        n=1024,
        seed=2,
        n_bootstrap=100,
        max_interval_width=1.0,
    )
    np.testing.assert_allclose(shifted.S1, plain.S1, atol=1e-9)
    np.testing.assert_allclose(shifted.S1_high, plain.S1_high, atol=1e-9)
    np.testing.assert_allclose(shifted.ST, plain.ST, atol=1e-9)
