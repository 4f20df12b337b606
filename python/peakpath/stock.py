"""Lifetime laws and cohort (vintage) stock models.

``Lifetime.fixed / normal / weibull / lognormal / folded_normal`` build a law;
``inflow_driven`` and ``stock_driven`` return a :class:`StockResult` of numpy arrays.
Conventions, formulas and sources: docs/stock.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

from . import _core

__all__ = ["Lifetime", "StockResult", "inflow_driven", "stock_driven", "TIMINGS"]

#: Timing conventions: the age offset at which a cohort's survival is evaluated (0, 0.5, 1).
TIMINGS = ("end_of_year", "mid_year", "start_of_year")

Lifetime = _core.stock.Lifetime


@dataclass(frozen=True)
class StockResult:
    """Result of a cohort model. Rows are years; cohort columns are years of entry."""

    stock: np.ndarray
    outflow: np.ndarray
    stock_change: np.ndarray
    stock_by_cohort: np.ndarray
    outflow_by_cohort: np.ndarray
    inflow: np.ndarray
    #: Years (row indices) where the stock-driven model implied a negative inflow.
    negative_inflow_years: tuple
    #: Leading rows reconstructed from an age-structured initial stock.
    history_length: int = 0

    @classmethod
    def _from_core(cls, r) -> "StockResult":
        return cls(
            stock=r.stock,
            outflow=r.outflow,
            stock_change=r.stock_change,
            stock_by_cohort=r.stock_by_cohort,
            outflow_by_cohort=r.outflow_by_cohort,
            inflow=r.inflow,
            negative_inflow_years=tuple(r.negative_inflow_years),
            history_length=int(r.history_length),
        )


def _vector(name: str, values) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 1:
        raise ValueError(f"{name}: expected a 1-D sequence, got shape {arr.shape}")
    return arr


def inflow_driven(inflow, lifetime: Lifetime, timing: str = "end_of_year") -> StockResult:
    """Stock built by ``inflow`` (one value per year) under ``lifetime``."""
    return StockResult._from_core(
        _core.stock.inflow_driven(_vector("inflow", inflow), lifetime, timing)
    )


def stock_driven(
    stock,
    lifetime: Lifetime,
    initial_stock: Optional[np.ndarray] = None,
    timing: str = "end_of_year",
    correct_negative_inflow: bool = False,
) -> StockResult:
    """Inflows that make the stock follow ``stock``.

    ``initial_stock``: age-structured stock at the end of the year before ``stock[0]``, oldest
    cohort first; the result then starts with ``len(initial_stock)`` reconstructed history
    years. Negative implied inflows are kept and listed in ``negative_inflow_years``, or, with
    ``correct_negative_inflow=True``, set to 0 by retiring the surplus stock early.
    """
    initial = None if initial_stock is None else _vector("initial_stock", initial_stock)
    return StockResult._from_core(
        _core.stock.stock_driven(
            _vector("stock", stock), lifetime, initial, timing, correct_negative_inflow
        )
    )
