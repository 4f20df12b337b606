"""Input-output analysis: Leontief and Ghosh models with environmental extensions.

``InputOutput(Z, Y, F=None)`` accepts numpy arrays or pandas DataFrames. With DataFrames the
results carry their labels (sectors from Z, final-demand categories from Y's columns,
stressors from F's index). See docs/input_output.md.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core

__all__ = ["InputOutput"]


def _matrix(name: str, value) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2:
        raise ValueError(f"{name}: expected a 2-D table, got shape {arr.shape}")
    return arr


class InputOutput:
    """Leontief/Ghosh model of an input-output table (Miller & Blair notation)."""

    def __init__(self, Z, Y, F=None):
        self._sectors = Z.index if isinstance(Z, pd.DataFrame) else None
        self._categories = Y.columns if isinstance(Y, pd.DataFrame) else None
        self._stressors = F.index if isinstance(F, pd.DataFrame) else None
        self._core = _core.input_output.InputOutput(
            _matrix("Z", Z), _matrix("Y", Y), None if F is None else _matrix("F", F)
        )

    # -- labelling -------------------------------------------------------------------------
    def _frame(self, values, index, columns):
        if self._sectors is None:
            return values
        return pd.DataFrame(values, index=index, columns=columns)

    def _series(self, values, name):
        if self._sectors is None:
            return values
        return pd.Series(values, index=self._sectors, name=name)

    def _square(self, values):
        return self._frame(values, self._sectors, self._sectors)

    def _by_sector(self, values):
        stressors = self._stressors if self._stressors is not None else range(values.shape[0])
        return self._frame(values, stressors, self._sectors)

    # -- coefficients ----------------------------------------------------------------------
    @property
    def x(self):
        """Gross output x = Z 1 + Y 1."""
        return self._series(self._core.x, "x")

    @property
    def A(self):
        """Technical coefficients Z diag(x)^-1."""
        return self._square(self._core.A)

    @property
    def L(self):
        """Leontief inverse (I - A)^-1."""
        return self._square(self._core.L)

    @property
    def B(self):
        """Allocation coefficients diag(x)^-1 Z."""
        return self._square(self._core.B)

    @property
    def G(self):
        """Ghosh inverse (I - B)^-1."""
        return self._square(self._core.G)

    @property
    def S(self):
        """Stressor intensities F diag(x)^-1."""
        return self._by_sector(self._core.S)

    @property
    def M(self):
        """Stressor multipliers S L (per unit of final demand)."""
        return self._by_sector(self._core.M)

    @property
    def output_multipliers(self):
        """Column sums of L: total output per unit of final demand for each sector."""
        return self._series(self._core.output_multipliers, "output_multiplier")

    # -- scenarios and footprints -----------------------------------------------------------
    def output_for(self, y):
        """Gross output L y for a new final demand (vector, or table with one column each)."""
        y_arr = np.asarray(y, dtype=float)
        out = self._core.output_for(_matrix("y", y_arr))
        if y_arr.ndim == 1:
            return self._series(out[:, 0], "x")
        columns = y.columns if isinstance(y, pd.DataFrame) else None
        return self._frame(out, self._sectors, columns)

    def footprint_for(self, y):
        """Consumption-based footprint M y of a new final demand (stressors x columns)."""
        y_arr = np.asarray(y, dtype=float)
        out = self._core.footprint_for(_matrix("y", y_arr))
        return out[:, 0] if y_arr.ndim == 1 else out

    def production_footprint(self):
        """Production-based (territorial) footprint F, by producing sector."""
        return self._by_sector(self._core.production_footprint())

    def consumption_footprint(self):
        """Consumption-based footprint M Y, by final-demand category."""
        values = self._core.consumption_footprint()
        if self._sectors is None:
            return values
        stressors = self._stressors if self._stressors is not None else range(values.shape[0])
        return pd.DataFrame(values, index=stressors, columns=self._categories)

    def consumption_footprint_by_product(self):
        """Consumption-based footprint M diag(Y 1), by final product."""
        return self._by_sector(self._core.consumption_footprint_by_product())
