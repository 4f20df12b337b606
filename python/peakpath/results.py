"""Results of a scenario run: indicators, emissions and energy as DataFrames."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from . import _core
from .frames import tidy

__all__ = ["Results", "INDICATOR_NAMES"]

INDICATOR_NAMES: list[str] = list(_core.INDICATOR_NAMES)


class Results:
    """Annual results from the base year to the horizon (wraps ``peakpath::Results``)."""

    def __init__(self, core: _core.Results, description: str = ""):
        self._core = core
        self.description = description

    scenario = property(lambda self: self._core.scenario)
    region = property(lambda self: self._core.region)

    @property
    def years(self) -> np.ndarray:
        """Model years."""
        return np.asarray(self._core.years, dtype=int)

    def indicators(self) -> pd.DataFrame:
        """Indicators by year (columns: see ``INDICATOR_NAMES``; units in the names)."""
        return pd.DataFrame(
            self._core.indicator_values,
            index=pd.Index(self.years, name="year"),
            columns=INDICATOR_NAMES,
        )

    def indicator(self, name: str) -> np.ndarray:
        """One indicator over the years."""
        if name not in INDICATOR_NAMES:
            raise ValueError(f"unknown indicator {name!r} (known: {', '.join(INDICATOR_NAMES)})")
        return self._core.indicator_values[:, INDICATOR_NAMES.index(name)].copy()

    def emissions(self, by: Iterable[str] = ("sector",)) -> pd.DataFrame:
        """CO2 in Mt, tidy, summed by any of region, sector, group, fuel.

        The fuel key includes ``process`` (industrial process CO2) and ``ccus`` (captured,
        negative).
        """
        return tidy(self._core.emissions(list(by)), "co2_mt", 1e-6)

    def energy(self, by: Iterable[str] = ("sector", "fuel")) -> pd.DataFrame:
        """Energy in Mtce, tidy: final use plus the power_heat sector's generation input."""
        return tidy(self._core.energy(list(by)), "energy_mtce", 1e-6)

    def generation(self) -> pd.DataFrame:
        """Electricity supply in TWh by technology (non-fossil, thermal, imports) and year."""
        return pd.DataFrame(
            self._core.generation_twh,
            index=pd.Index(self.years, name="year"),
            columns=list(self._core.technology_ids),
        )

    def capacity(self) -> pd.DataFrame:
        """Capacity by technology class ("sector/class" columns) of the sectors with stock dynamics.

        In the sector's activity unit per year at full utilisation; the thermal fleet
        ("power_heat/..." columns) in GW (docs/dynamics.md).
        """
        return pd.DataFrame(
            self._core.capacity,
            index=pd.Index(self.years, name="year"),
            columns=list(self._core.capacity_ids),
        )

    def generation_capacity(self) -> pd.DataFrame:
        """Generation capacity in GW standing at the end of each year, one column per technology.

        Non-fossil technologies follow their ``capacity_gw`` paths; ``coal`` and ``gas`` share the
        thermal fleet's capacity in the proportion of their planned paths (docs/model.md).
        """
        return pd.DataFrame(
            self._core.generation_capacity_gw,
            index=pd.Index(self.years, name="year"),
            columns=list(self._core.generation_capacity_ids),
        )

    def production(self) -> pd.DataFrame:
        """Physical output in Mt by year, one column per product of the dataset (products.csv).

        A product's output is its sector's activity times the base-year output per unit.
        """
        return pd.DataFrame(
            self._core.production_mt,
            index=pd.Index(self.years, name="year"),
            columns=list(self._core.product_ids),
        )

    def activity(self) -> pd.DataFrame:
        """Sector output by year (value added in 10^8 CNY, or the sector's driver unit)."""
        return pd.DataFrame(
            self._core.activity,
            index=pd.Index(self.years, name="year"),
            columns=list(self._core.sector_ids),
        )

    def unmet_activity(self) -> pd.DataFrame:
        """Demand a replacement ratio left unproduced, by sector and year (same units)."""
        return pd.DataFrame(
            self._core.unmet_activity,
            index=pd.Index(self.years, name="year"),
            columns=list(self._core.sector_ids),
        )

    def to_iamc(self, model: str = "peakpath", scenario: str | None = None) -> pd.DataFrame:
        """The IAMC wide table (model, scenario, region, variable, unit, one column per year)."""
        table = self._core.to_iamc(model)
        frame = pd.DataFrame(np.asarray(table.values), columns=list(map(int, table.years)))
        frame.insert(0, "unit", table.units)
        frame.insert(0, "variable", table.variables)
        frame.insert(0, "region", table.region)
        frame.insert(0, "scenario", scenario or table.scenario)
        frame.insert(0, "model", table.model)
        return frame

    def __reduce__(self):
        return (Results, (self._core, self.description))

    def __repr__(self) -> str:
        return f"Results({self.scenario!r}, {self.years[0]}-{self.years[-1]})"
