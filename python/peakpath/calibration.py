"""Calibration and backcast: the model against the published statistics of the dataset.

``calibration.csv`` holds the base-year statistics, ``observed.csv`` the observed series
2020-2025 (issue 12); :func:`calibration_report` puts every row of both beside the model.
"""
from __future__ import annotations

import csv
import os

import pandas as pd

__all__ = ["calibration_report", "backcast_plot", "SKIPPED", "DEFAULT_TOLERANCE"]

#: Relative tolerance of a row of observed.csv whose ``tolerance`` is blank, by the kind of its
#: indicator (issue 12: GDP 1 %, electricity 3 %, capacities and generation 5 %, outputs 5 %).
DEFAULT_TOLERANCE = {
    "gdp": 0.01,
    "electricity": 0.03,
    "import": 0.03,
    "capacity": 0.05,
    "generation": 0.05,
    "production": 0.05,
    "coal": 0.05,
}

#: Rows of observed.csv the model cannot represent yet, by indicator (prefix before "/"): why.
SKIPPED = {
    "gdp_nominal_100m_cny": "current prices; the model's value added is at constant 2020 prices",
    "gdp_share_primary": "structure at current prices; the model's is at constant 2020 prices",
    "gdp_share_secondary": "structure at current prices; the model's is at constant 2020 prices",
    "gdp_share_tertiary": "structure at current prices; the model's is at constant 2020 prices",
    "energy_intensity_change/industry_above_scale": (
        "above-scale industry is not an aggregate of the model's sectors"
    ),
    "import_non_fossil_share": "an input (a driver path of paths.csv), not a model output",
}
_NO_BASE_OUTPUT = (
    "no sourced base-year output in products.csv, so res.production() has no " "column for it"
)
_TWH_PER_MTCE = 1.0 / 0.1229  # electricity: 0.1229 tce per MWh (calorific)
_INDUSTRY = {
    "primary": ("agriculture",),
    "secondary": ("industry", "two_high_industry", "power_heat", "construction"),
    "tertiary": ("transport", "services"),
    "households": ("households",),
}

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

    def by_group(names):
        return sum(a for s, a in value_added.items() if groups[s] in names)

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


def calibration_report(results, dataset=None, observed: bool = True) -> pd.DataFrame:
    """Every published statistic of the dataset beside the model (the backcast).

    Rows of calibration.csv (base year) and, when ``observed``, every row of observed.csv.
    Columns: indicator, year, statistic, model, difference (relative), tolerance, within,
    status ("pass", "fail" or "skipped"), tag, file, source, reason (why a row is skipped:
    :data:`SKIPPED`). calibration.csv compares its 2019 statistics with the base year (the
    dataset's base year uses the latest CEADs inventory, 2019).
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
        within = abs(difference) <= point["tolerance"]
        rows.append(
            {
                "indicator": name,
                "year": point["year"],
                "statistic": point["value"],
                "model": model,
                "difference": difference,
                "tolerance": point["tolerance"],
                "within": within,
                "status": "pass" if within else "fail",
                "tag": point.get("tag", ""),
                "file": "calibration.csv",
                "source": point["source"],
                "reason": "",
            }
        )
    if observed:
        rows += _observed_rows(results, dataset)
    return pd.DataFrame(rows)


def _observed_model(results, dataset) -> dict:
    """Model series (indexed by year) under the names of observed.csv."""
    ind = results.indicators()
    groups = dict(zip(dataset.sector_ids, dataset.sector_groups))
    activity = results.activity()
    own = dataset.power["plant_own_use_share"]

    def industry(name):
        return activity[[s for s in activity.columns if groups[s] in _INDUSTRY[name]]].sum(axis=1)

    energy = results.energy(by=("sector", "fuel"))
    elec = energy[energy["fuel"] == "electricity"] if "fuel" in energy.columns else None
    values = {}
    gdp = ind["gdp_100m_cny"]
    values["gdp_growth"] = gdp.pct_change()
    for name in ("primary", "secondary", "tertiary"):
        values[f"gdp_growth/{name}"] = industry(name).pct_change()
    total = ind["electricity_total_consumption_twh"]
    values["electricity_total_consumption_twh"] = total
    values["electricity_total_consumption_growth"] = total.pct_change()
    if elec is not None:
        value = [c for c in elec.columns if c not in ("year", "sector", "fuel")][0]
        by_sector = elec.pivot_table(index="year", columns="sector", values=value, aggfunc="sum")
        for name in ("primary", "secondary", "tertiary", "households"):
            cols = [s for s in by_sector.columns if groups.get(s) in _INDUSTRY[name]]
            twh = by_sector[cols].sum(axis=1) * _TWH_PER_MTCE
            values[f"electricity_consumption_twh/{name}"] = twh
            values[f"electricity_consumption_growth/{name}"] = twh.pct_change()
    values["import_twh"] = ind["electricity_import_twh"]
    values["elec_share_import"] = ind["electricity_import_twh"] / total
    local_gross = (ind["electricity_non_fossil_twh"] + ind["electricity_thermal_twh"]) / (1 - own)
    values["generation_twh/total"] = local_gross
    values["generation_twh/non_fossil"] = ind["electricity_non_fossil_twh"]
    values["generation_share/non_fossil"] = ind["electricity_non_fossil_twh"] / local_gross
    values["coal_consumption_mt"] = ind["coal_consumption_mt"]
    capacity = results.generation_capacity()
    for tech in capacity.columns:
        values[f"capacity_gw/{tech}"] = capacity[tech]
        values[f"capacity_added_gw/{tech}"] = capacity[tech].diff()
    non_fossil = capacity.drop(columns=["coal", "gas"]).sum(axis=1)
    values["capacity_gw/wind_total"] = capacity["wind_onshore"] + capacity["wind_offshore"]
    values["capacity_gw/non_fossil_total"] = non_fossil
    # 新能源和可再生能源 as the 2020 plan counts it: its 47.912 GW include nuclear (paths.csv)
    values["capacity_gw/new_and_renewable_total"] = non_fossil
    values["capacity_gw/total"] = capacity.sum(axis=1)
    values["capacity_share/non_fossil"] = non_fossil / capacity.sum(axis=1)
    for product in results.production().columns:
        values[f"production_mt/{product}"] = results.production()[product]
    values["energy_intensity_change"] = ind["energy_intensity_tce_per_10k_cny"].pct_change()
    values["energy_total_growth"] = ind["energy_total_mtce"].pct_change()
    values["electricity_intensity_change"] = (total / gdp).pct_change()
    return values


def _tolerance(name: str, given: str) -> float:
    if given not in ("", None):
        return float(given)
    for kind, tol in DEFAULT_TOLERANCE.items():
        if name.startswith(kind):
            return tol
    raise ValueError(f"observed.csv: indicator {name!r} has no tolerance and no default kind")


def _skip_reason(name: str, year: int, first_year: int):
    for key in (name, name.split("/")[0]):
        if key in SKIPPED:
            return SKIPPED[key]
    if year <= first_year and ("growth" in name or "change" in name):
        return f"a change from {year - 1}, before the model's first year {first_year}"
    if year < first_year:
        return f"before the model's first year {first_year}"
    return None


def _observed_rows(results, dataset):
    path = os.path.join(dataset.directory, "observed.csv")
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        observed = list(csv.DictReader(fh))
    values = _observed_model(results, dataset)
    years = list(results.indicators().index)
    rows = []
    for point in observed:
        name, year, stat = point["indicator"], int(point["year"]), float(point["value"])
        row = {
            "indicator": name,
            "year": year,
            "statistic": stat,
            "model": float("nan"),
            "difference": float("nan"),
            "tolerance": float("nan"),
            "within": None,
            "status": "skipped",
            "tag": point["tag"],
            "file": "observed.csv",
            "source": point["source"],
        }
        reason = _skip_reason(name, year, years[0])
        if reason is None and name not in values:
            reason = (
                _NO_BASE_OUTPUT
                if name.startswith("production_mt/")
                else ("no model counterpart yet")
            )
        if reason is None and year > years[-1]:
            reason = f"after the horizon {years[-1]}"
        if reason is not None:
            row["reason"] = reason
            rows.append(row)
            continue
        model = float(values[name].loc[year])
        tolerance = _tolerance(name, point.get("tolerance", ""))
        difference = (model - stat) / abs(stat)
        within = abs(difference) <= tolerance
        row.update(
            model=model,
            difference=difference,
            tolerance=tolerance,
            within=within,
            status="pass" if within else "fail",
            reason="",
        )
        rows.append(row)
    return rows


def backcast_plot(report: pd.DataFrame, path=None):
    """Observed rows beside the model (relative difference with the tolerance band) per row.

    Returns the matplotlib figure; writes it to ``path`` when given.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    compared = report[report["status"].isin(["pass", "fail"])].reset_index(drop=True)
    labels = [f"{r.indicator} {r.year}" for r in compared.itertuples()]
    fig, ax = plt.subplots(figsize=(8, max(3.0, 0.28 * len(compared))))
    y = range(len(compared))
    ax.barh(
        list(y),
        compared["tolerance"] * 2,
        left=-compared["tolerance"],
        color="0.85",
        label="tolerance",
    )
    colours = ["tab:green" if w else "tab:red" for w in compared["within"]]
    ax.scatter(compared["difference"], list(y), c=colours, zorder=3, label="model vs observed")
    ax.set_yticks(list(y))
    ax.set_yticklabels(labels, fontsize=7)
    ax.axvline(0.0, color="k", lw=0.5)
    ax.set_xlabel("(model - observed) / observed")
    ax.set_title(
        f"Backcast: {int(compared['within'].sum())} of {len(compared)} rows within " "tolerance"
    )
    fig.tight_layout()
    if path is not None:
        fig.savefig(path, dpi=120)
    return fig
