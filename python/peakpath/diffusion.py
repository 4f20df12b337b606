"""Bass and logistic diffusion curves and their least-squares fits (docs/stock.md)."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import _core

__all__ = ["bass_cdf", "bass_pdf", "logistic", "fit_bass", "fit_logistic", "BassFit", "LogisticFit"]

bass_cdf = _core.diffusion.bass_cdf
bass_pdf = _core.diffusion.bass_pdf
logistic = _core.diffusion.logistic


class BassFit(NamedTuple):
    """Market potential m, innovation p and imitation q; unpacks as ``m, p, q``."""

    m: float
    p: float
    q: float


class LogisticFit(NamedTuple):
    """Saturation K, rate r and midpoint t0; unpacks as ``K, r, t0``."""

    K: float
    r: float
    t0: float


def fit_bass(t, adoptions, form: str = "increments") -> BassFit:
    """Fit (m, p, q) to adoption history by Levenberg-Marquardt.

    ``t`` is the time since launch. ``form``: ``"increments"`` (adoptions during (t-1, t],
    the default), ``"density"`` (adoption rate m f(t)) or ``"cumulative"`` (m F(t)).
    """
    fit = _core.diffusion.fit_bass(
        np.asarray(t, dtype=float), np.asarray(adoptions, dtype=float), form
    )
    return BassFit(fit.m, fit.p, fit.q)


def fit_logistic(t, y) -> LogisticFit:
    """Fit (K, r, t0) of K / (1 + exp(-r (t - t0))) by Levenberg-Marquardt."""
    fit = _core.diffusion.fit_logistic(np.asarray(t, dtype=float), np.asarray(y, dtype=float))
    return LogisticFit(fit.K, fit.r, fit.t0)
