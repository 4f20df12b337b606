"""Base-year calibration: the model against the published statistics of the dataset."""
from __future__ import annotations

import pandas as pd

__all__ = ["calibration_report"]

_SECONDARY = ("industry", "two_high_industry", "power_heat", "construction")
_TERTIARY = ("services", "transport")


def _model_values(results, dataset) -> dict:
    """Model figures under the names the dataset's calibration.csv uses (base year)."""
    ind = results.indicators().iloc[0]
    gen = results.generation().iloc[0]
    activity = results.activity().iloc[0]
    groups = dict(zip(dataset.sector_ids, dataset.sector_groups))
    value_added = {s: a for s, a in activity.items() if groups[s] not in ("households",)}
    gdp = sum(value_added.values())
    by_group = lambda names: sum(
        a for s, a in value_added.items() if groups[s] in names
    )  # noqa: E731
    non_fossil = ind["electricity_non_fossil_twh"]
    # The published 68:15:17 split is of total consumption (全社会用电量), which includes the
    # plants' own use on top of the busbar supply the model balances.
    busbar = ind["electricity_thermal_twh"] + non_fossil + ind["electricity_import_twh"]
    supply = busbar / (1.0 - dataset.power["plant_own_use_share"])
    return {
        "gdp_100m_cny": ind["gdp_100m_cny"],
        "gdp_share_primary": by_group(("agriculture",)) / gdp,
        "gdp_share_secondary": by_group(_SECONDARY) / gdp,
        "gdp_share_tertiary": by_group(_TERTIARY) / gdp,
        "coal_share_energy": ind["coal_share"],
        "non_fossil_share": ind["non_fossil_share"],
        "elec_share_coal_power": gen["thermal"] / supply,
        "elec_share_clean": non_fossil / supply,
        "elec_share_import": ind["electricity_import_twh"] / supply,
        "co2_total_mt": ind["co2_total_mt"],
        "co2_power_heat_share": ind["co2_power_heat_mt"] / ind["co2_total_mt"],
        "co2_process_mt": ind["co2_process_mt"],
        "energy_total_mtce": ind["energy_total_mtce"],
    }


def calibration_report(results, dataset=None) -> pd.DataFrame:
    """Each published statistic of the dataset beside the model's base-year figure.

    Columns: indicator, year, statistic, model, difference (relative), tolerance, within, source.
    The dataset's base year uses the latest CEADs inventory (2019), so 2019 statistics are
    compared with the base year.
    """
    from .model import load_dataset

    dataset = dataset or load_dataset(results.scenario.split("/")[0])
    values = _model_values(results, dataset)
    rows = []
    for point in dataset.calibration:
        name = point["indicator"]
        if name not in values:
            raise ValueError(
                f"calibration.csv: indicator {name!r} has no model counterpart "
                f"(known: {', '.join(values)})"
            )
        model = float(values[name])
        difference = (model - point["value"]) / point["value"]
        rows.append(
            {
                "indicator": name,
                "year": point["year"],
                "statistic": point["value"],
                "model": model,
                "difference": difference,
                "tolerance": point["tolerance"],
                "within": abs(difference) <= point["tolerance"],
                "source": point["source"],
            }
        )
    return pd.DataFrame(rows)
