"""Sobol sensitivity indices from Python, validated on the Ishigami function."""
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
    V = A ** 2 / 8 + B * pi ** 4 / 5 + B ** 2 * pi ** 8 / 18 + 0.5
    V1, V2, V13 = 0.5 * (1 + B * pi ** 4 / 5) ** 2, A ** 2 / 8, 8 * B ** 2 * pi ** 8 / 225
    return np.array([V1, V2, 0.0]) / V, np.array([V1 + V13, V2, V13]) / V


def test_analytic_values_are_the_published_ones():
    s1, st = analytic()
    np.testing.assert_allclose(s1, [0.3139, 0.4424, 0.0], atol=1e-4)
    np.testing.assert_allclose(st, [0.5576, 0.4424, 0.2437], atol=1e-4)


def test_ishigami_indices_and_intervals():
    dists = {"x1": an.uniform(-np.pi, np.pi), "x2": an.uniform(-np.pi, np.pi),
             "x3": an.uniform(-np.pi, np.pi)}
    r = an.sobol_indices(ishigami, dists, n=4096, seed=3, n_bootstrap=300)
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
    r1 = an.sobol_indices_from_outputs(ishigami(x), 3, n_bootstrap=0)
    dists = [an.uniform(-np.pi, np.pi)] * 3
    r2 = an.sobol_indices(ishigami, dists, n=512, seed=4, n_bootstrap=0)
    np.testing.assert_allclose(r1.S1, r2.S1, atol=1e-12)


def test_errors():
    with pytest.raises(ValueError, match=r"size of y \(11\) must be N"):
        an.sobol_indices_from_outputs(np.ones(11), 3)
    with pytest.raises(ValueError, match=r"Var\(y\) = 0"):
        an.sobol_indices(lambda x: np.zeros(len(x)), [an.uniform(0, 1)], n=8)
    with pytest.raises(ValueError, match="func returned 1 outputs"):
        an.sobol_indices(lambda x: np.zeros(1), [an.uniform(0, 1)], n=8)
