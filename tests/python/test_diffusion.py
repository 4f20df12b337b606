"""peakpath.diffusion: curves, the published Bass fit of the VCR example, scipy cross-checks."""
import numpy as np
import pytest
from scipy.optimize import curve_fit

from peakpath import diffusion

T = np.arange(1.0, 11.0)
VCR_SALES = np.array([840, 1470, 2110, 4000, 7590, 10950, 10530, 9470, 7790, 5890.0])


def test_curves_are_vectorised_and_consistent():
    t = np.linspace(0, 30, 61)
    F = diffusion.bass_cdf(t, 0.03, 0.38)
    f = diffusion.bass_pdf(t, 0.03, 0.38)
    assert F.shape == t.shape and F[0] == 0.0
    np.testing.assert_allclose(f, (0.03 + 0.38 * F) * (1 - F), rtol=1e-10, atol=1e-15)
    assert diffusion.logistic(2030.0, 10.0, 0.5, 2030.0) == 5.0


def test_bass_fit_reproduces_the_published_r_fit():
    # rpubs.com/chengjun/bass_model (repository agk79/Bass, AGK_BASS_MODEL/Bass_2a.r):
    # nls of m f(t): M = 6.80e4, P = 6.59e-3, Q = 6.38e-1.
    m, p, q = diffusion.fit_bass(T, VCR_SALES, form="density")
    assert m == pytest.approx(6.80e4, rel=5e-3)
    assert p == pytest.approx(6.59e-3, abs=5e-6)
    assert q == pytest.approx(0.638, abs=5e-4)


def test_increments_fit_agrees_with_scipy_curve_fit():
    def increments(t, m, p, q):
        return m * (diffusion.bass_cdf(t, p, q) - diffusion.bass_cdf(t - 1, p, q))

    expected, _ = curve_fit(increments, T, VCR_SALES, p0=[60000, 0.01, 0.5], maxfev=20000)
    np.testing.assert_allclose(diffusion.fit_bass(T, VCR_SALES), expected, rtol=1e-4)


def test_logistic_fit_recovers_parameters():
    t = np.arange(2000.0, 2025.0)
    y = diffusion.logistic(t, 800.0, 0.35, 2012.5)
    K, r, t0 = diffusion.fit_logistic(t, y)
    assert (K, r, t0) == pytest.approx((800.0, 0.35, 2012.5), rel=1e-8)


def test_bad_input():
    with pytest.raises(ValueError, match="bass_cdf: p = 0: must be positive"):
        diffusion.bass_cdf(1.0, 0.0, 0.3)
    with pytest.raises(ValueError, match="form = 'weekly'"):
        diffusion.fit_bass(T, VCR_SALES, form="weekly")
    with pytest.raises(ValueError, match="needs at least 3 points"):
        diffusion.fit_logistic([1, 2], [1, 2])
