"""Results as tidy (long-form) pandas tables."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

__all__ = ["tidy_by"]

_KEYS = ("region", "sector", "group", "fuel")

def tidy_by(values: np.ndarray, years: Iterable[int], labels: dict[str, list[str]],
            by: Iterable[str], value_name: str) -> pd.DataFrame:
    """Sum a (years x categories) array into a tidy frame grouped by some of its labels.

    ``labels`` maps each key (region, sector, group, fuel) to one label per category column.
    """
    by = tuple(by)
    for key in by:
        if key not in labels:
            raise ValueError(f"cannot group by {key!r} (use any of {', '.join(labels)})")
    years = np.asarray(list(years))
    n_cat = values.shape[1]
    frame = pd.DataFrame({
        "year": np.repeat(years, n_cat),
        value_name: values.reshape(-1),
        **{key: np.tile(np.asarray(labels[key], dtype=object), len(years)) for key in by},
    })
    return (frame.groupby([*by, "year"], sort=False, as_index=False)[value_name].sum()
            .sort_values([*by, "year"], kind="stable").reset_index(drop=True))
