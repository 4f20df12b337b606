"""Model-independent analysis: LMDI decomposition, distributions and sampling designs, Sobol
sensitivity indices and streaming statistics (docs/analysis.md)."""
from __future__ import annotations

import os
import re
import sys
import warnings
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import _core

__all__ = [
    "LmdiResult",
    "LmdiChain",
    "lmdi",
    "lmdi_chained",
    "Distribution",
    "uniform",
    "triangular",
    "normal",
    "lognormal",
    "lognormal_log",
    "discrete",
    "DISTRIBUTION_FACTORIES",
    "SAMPLER_NAMES",
    "Sampler",
    "sample",
    "saltelli_design",
    "SobolResult",
    "sobol_indices",
    "sobol_indices_from_outputs",
    "SobolSampleWarning",
    "StreamingStats",
    "ProbabilityCounter",
    "Tally",
]

_a = _core.analysis

Distribution = _a.Distribution
uniform = _a.uniform
triangular = _a.triangular
normal = _a.normal
lognormal = _a.lognormal
lognormal_log = _a.lognormal_log
discrete = _a.discrete
Sampler = _a.Sampler
saltelli_design = _a.saltelli_design
StreamingStats = _a.StreamingStats
ProbabilityCounter = _a.ProbabilityCounter
Tally = _a.Tally

#: The sampling designs by name ("lhs", "random", "sobol"), from C++.
SAMPLER_NAMES: tuple = tuple(_a.SAMPLER_NAMES)
#: Each distribution factory of this module by name -> its parameters in order, from C++.
DISTRIBUTION_FACTORIES: Mapping[str, tuple] = MappingProxyType(
    {name: tuple(parameters) for name, parameters in _a.DISTRIBUTION_FACTORIES.items()}
)


@dataclass(frozen=True)
class LmdiResult:
    """One LMDI decomposition.

    ``effects``: Series by factor (Delta V_k, or D_k when multiplicative); ``contributions``:
    DataFrame categories x factors (column sums, or products, give the effects); ``total``:
    V_T - V_0 or V_T / V_0.
    """

    effects: pd.Series
    contributions: pd.DataFrame
    total: float
    v0: float
    vT: float
    kind: str
    variant: str


@dataclass(frozen=True)
class LmdiChain:
    """LMDI chained over years: ``periods`` (one LmdiResult per consecutive pair),
    ``effects_by_period`` (DataFrame period x factor), cumulative ``effects`` and
    ``contributions`` and the ``total`` change between the first and the last year."""

    periods: list
    effects_by_period: pd.DataFrame
    effects: pd.Series
    contributions: pd.DataFrame
    total: float


def _labels(x, categories, factors):
    if isinstance(x, pd.DataFrame):
        categories = list(x.index) if categories is None else categories
        factors = list(x.columns) if factors is None else factors
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 2:
        raise ValueError(
            f"lmdi: factor arrays must be 2-D (categories x factors), got " f"{arr.ndim}-D"
        )
    categories = list(range(arr.shape[0])) if categories is None else list(categories)
    factors = list(range(arr.shape[1])) if factors is None else list(factors)
    return arr, categories, factors


def _wrap(r, categories, factors) -> LmdiResult:
    return LmdiResult(
        effects=pd.Series(np.asarray(r.effects), index=factors, name="effect"),
        contributions=pd.DataFrame(np.asarray(r.contributions), index=categories, columns=factors),
        total=r.total,
        v0=r.v0,
        vT=r.vT,
        kind=r.kind,
        variant=r.variant,
    )


def lmdi(
    x0, xT, kind: str = "additive", variant: str = "I", *, categories=None, factors=None
) -> LmdiResult:
    """LMDI decomposition of V = sum_i prod_k x_ik from ``x0`` to ``xT``.

    ``x0``, ``xT``: arrays or DataFrames, categories (rows) x factors (columns), finite and
    non-negative; a DataFrame's index and columns name the categories and factors.
    ``kind``: ``"additive"`` or ``"multiplicative"``; ``variant``: ``"I"`` or ``"II"``.
    Zeros take their analytic limits; the effects add up to (multiply to) the change exactly.
    """
    a0, categories, factors = _labels(x0, categories, factors)
    aT = np.asarray(xT, dtype=float)
    return _wrap(_a.lmdi(a0, aT, kind, variant), categories, factors)


def lmdi_chained(
    xs: Sequence,
    kind: str = "additive",
    variant: str = "I",
    *,
    years=None,
    categories=None,
    factors=None,
) -> LmdiChain:
    """LMDI chained over consecutive years: ``xs`` is a sequence of factor arrays (or a dict
    year -> array, ordered by year). Period labels are "y0-y1" from ``years`` (or the dict's
    keys), else 0, 1, ..."""
    if isinstance(xs, Mapping):
        years = sorted(xs) if years is None else years
        xs = [xs[y] for y in years]
    xs = list(xs)
    if not xs:
        raise ValueError("lmdi_chained: xs is empty: needs at least two years")
    _, categories, factors = _labels(xs[0], categories, factors)
    chain = _a.lmdi_chained([np.asarray(x, dtype=float) for x in xs], kind, variant)
    labels = (
        [f"{years[t]}-{years[t + 1]}" for t in range(len(xs) - 1)]
        if years is not None
        else list(range(len(xs) - 1))
    )
    periods = [_wrap(p, categories, factors) for p in chain.periods]
    return LmdiChain(
        periods=periods,
        effects_by_period=pd.DataFrame([p.effects for p in periods], index=labels),
        effects=pd.Series(np.asarray(chain.effects), index=factors, name="effect"),
        contributions=pd.DataFrame(
            np.asarray(chain.contributions), index=categories, columns=factors
        ),
        total=chain.total,
    )


def _names_and_distributions(distributions):
    if isinstance(distributions, Mapping):
        return list(distributions), list(distributions.values())
    distributions = list(distributions)
    return [f"x{i}" for i in range(len(distributions))], distributions


def sample(distributions, n: int, sampler: str = "lhs", seed: int = 0, *, scramble: bool = True):
    """``n`` input vectors from ``distributions`` (a list, or a dict name -> Distribution,
    which gives a DataFrame) with a design of ``SAMPLER_NAMES`` (``"lhs"``, ``"random"`` or
    ``"sobol"``)."""
    names, dists = _names_and_distributions(distributions)
    values = Sampler(sampler, n, len(dists), seed, scramble).sample(dists)
    return pd.DataFrame(values, columns=names) if isinstance(distributions, Mapping) else values


class SobolSampleWarning(UserWarning):
    """Sobol indices whose bootstrap intervals are too wide (or lie outside [0, 1], or are
    missing) for the indices to mean much: the base sample size N is too small."""


def _outside_package_stacklevel() -> int:
    # The first frame outside peakpath, so the warning points at the user's call whichever
    # wrapper (sobol_indices, sensitivity) it came through.
    package = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package):
        frame, level = frame.f_back, level + 1
    return level


@dataclass(frozen=True)
class SobolResult:
    """First-order (``S1``) and total (``ST``) indices with bootstrap intervals at level
    ``confidence``. ``reliable`` is False (and ``warning`` says why) when an interval is wider
    than ``max_interval_width``, lies wholly outside [0, 1], or is missing (``n_bootstrap=0``);
    a SobolSampleWarning was then issued."""

    names: list
    S1: np.ndarray
    ST: np.ndarray
    S1_low: np.ndarray
    S1_high: np.ndarray
    ST_low: np.ndarray
    ST_high: np.ndarray
    variance: float
    n: int
    confidence: float
    max_interval_width: float = 0.1
    reliable: bool = True
    warning: str = ""

    def to_frame(self) -> pd.DataFrame:
        """Indices and intervals as a DataFrame indexed by input name."""
        return pd.DataFrame(
            {
                "S1": self.S1,
                "S1_low": self.S1_low,
                "S1_high": self.S1_high,
                "ST": self.ST,
                "ST_low": self.ST_low,
                "ST_high": self.ST_high,
            },
            index=pd.Index(self.names, name="input"),
        )


def sobol_indices_from_outputs(
    y,
    dimensions: int,
    names=None,
    n_bootstrap: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
    *,
    max_interval_width: float = 0.1,
) -> SobolResult:
    """Sobol indices from outputs ``y`` computed on the rows of ``saltelli_design``.

    Issues a SobolSampleWarning when any interval of S1 or ST is wider than
    ``max_interval_width``, lies wholly outside [0, 1], or is missing (``n_bootstrap=0``)."""
    r = _a.sobol_indices(
        np.asarray(y, dtype=float).ravel(),
        dimensions,
        n_bootstrap,
        confidence,
        seed,
        max_interval_width,
    )
    names = [f"x{i}" for i in range(dimensions)] if names is None else list(names)
    warning = re.sub(r"\[(\d+)\]", lambda m: f"[{names[int(m.group(1))]}]", r.warning)
    if not r.reliable:
        warnings.warn(
            SobolSampleWarning(f"sobol_indices: {warning}"),
            stacklevel=_outside_package_stacklevel(),
        )
    return SobolResult(
        names,
        np.asarray(r.first_order),
        np.asarray(r.total),
        np.asarray(r.first_order_low),
        np.asarray(r.first_order_high),
        np.asarray(r.total_low),
        np.asarray(r.total_high),
        r.variance,
        r.n,
        r.confidence,
        r.max_interval_width,
        r.reliable,
        warning,
    )


def sobol_indices(
    func: Callable[[np.ndarray], np.ndarray],
    distributions,
    n: int = 1024,
    seed: int = 0,
    *,
    base: str = "sobol",
    n_bootstrap: int = 1000,
    confidence: float = 0.95,
    max_interval_width: float = 0.1,
) -> SobolResult:
    """Sobol indices of ``func`` over independent inputs.

    ``func`` maps an (m x d) array of input values to m outputs; ``distributions`` is a list or
    a dict name -> Distribution; ``n`` is the base sample size N (the model runs N (d + 2)
    times; a power of two for the Sobol base design). Intervals and the SobolSampleWarning as
    in ``sobol_indices_from_outputs``.
    """
    names, dists = _names_and_distributions(distributions)
    d = len(dists)
    u = saltelli_design(n, d, seed, base)
    x = np.column_stack([dists[j].quantile(u[:, j]) for j in range(d)])
    y = np.asarray(func(x), dtype=float).ravel()
    if y.shape[0] != x.shape[0]:
        raise ValueError(
            f"sobol_indices: func returned {y.shape[0]} outputs for " f"{x.shape[0]} input rows"
        )
    return sobol_indices_from_outputs(
        y, d, names, n_bootstrap, confidence, seed, max_interval_width=max_interval_width
    )
