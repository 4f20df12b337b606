"""Results as pandas tables: tidy long form and the IAMC wide format."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

__all__ = ["tidy_by", "IAMC_VARIABLES"]

_KEYS = ("region", "sector", "group", "fuel")

# IAMC variable names and units for the indicator columns (pyam conventions where they exist).
IAMC_VARIABLES = {
    "gdp_100m_cny": ("GDP|PPP", "100m CNY_2020"),
    "energy_total_mtce": ("Primary Energy", "Mtce"),
    "energy_total_calorific_mtce": ("Primary Energy|Calorific Method", "Mtce"),
    "coal_consumption_mt": ("Primary Energy|Coal|Physical", "Mt"),
    "non_fossil_share": ("Primary Energy|Non-Fossil|Share", "1"),
    "co2_total_mt": ("Emissions|CO2", "Mt CO2/yr"),
    "co2_energy_mt": ("Emissions|CO2|Energy", "Mt CO2/yr"),
    "co2_process_mt": ("Emissions|CO2|Industrial Processes", "Mt CO2/yr"),
    "co2_power_heat_mt": ("Emissions|CO2|Energy|Supply|Electricity and Heat", "Mt CO2/yr"),
    "co2_two_high_mt": ("Emissions|CO2|Two High Industries", "Mt CO2/yr"),
    "energy_intensity_tce_per_10k_cny": ("Energy Intensity of GDP", "tce/10k CNY_2020"),
    "carbon_intensity_t_per_10k_cny": ("Carbon Intensity of GDP", "t CO2/10k CNY_2020"),
    "electricity_consumption_twh": ("Final Energy|Electricity", "TWh/yr"),
    "electricity_import_twh": ("Trade|Secondary Energy|Electricity|Volume", "TWh/yr"),
    "electricity_non_fossil_twh": ("Secondary Energy|Electricity|Non-Fossil", "TWh/yr"),
    "electricity_thermal_twh": ("Secondary Energy|Electricity|Fossil", "TWh/yr"),
}


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
