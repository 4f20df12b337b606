#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Consistency checks for a peakpath dataset (default: the Shandong dataset next to this file).

Usage: /usr/bin/python3 data/shandong/check_dataset.py [DATASET_DIR] [--ceads DIR]
Exits non-zero and prints every problem found.
"""
import os
import sys

import pandas as pd
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FUELS_DIR = os.path.join(os.path.dirname(HERE), "fuels")
TAGS = {"V", "P", "U"}
errors = []


def err(msg):
    errors.append(msg)


def load(path):
    with open(path, encoding="utf-8") as fh:
        if any(line.startswith("#") for line in fh):
            err(f"{path}: comment lines are not allowed")
    df = pd.read_csv(path, float_precision="round_trip", keep_default_na=False, na_values=[""])
    for c in df.columns:
        if df[c].isna().any():
            err(f"{path}: empty/NaN in column {c} rows {list(df.index[df[c].isna()])}")
    if "tag" in df.columns and not set(df["tag"]).issubset(TAGS):
        err(f"{path}: bad tags {set(df['tag']) - TAGS}")
    return df


def cols(df, name, expected):
    if list(df.columns) != expected:
        err(f"{name}: columns {list(df.columns)} != {expected}")


def main(ds):
    fuels = load(os.path.join(FUELS_DIR, "fuels.csv"))
    cols(
        fuels,
        "fuels.csv",
        [
            "id",
            "name",
            "name_zh",
            "unit",
            "ncv_gj_per_unit",
            "tce_per_unit",
            "fossil",
            "coal",
            "state",
            "tag",
            "source",
        ],
    )
    ids = list(fuels["id"])
    if len(ids) != 21 or len(set(ids)) != 21:
        err("fuels.csv: need 21 unique fuels")
    for fs in ("factors_ipcc2006.csv", "factors_china.csv"):
        f = load(os.path.join(FUELS_DIR, fs))
        cols(f, fs, ["fuel", "co2_kg_per_tj", "oxidation", "tag", "source"])
        if list(f["fuel"]) != ids:
            err(f"{fs}: fuel list differs from fuels.csv")
        if ((f["oxidation"] <= 0) | (f["oxidation"] > 1)).any():
            err(f"{fs}: oxidation out of (0,1]")
    pol = load(os.path.join(FUELS_DIR, "pollutants.csv"))
    cols(
        pol,
        "pollutants.csv",
        ["fuel", "so2_kg_per_tce", "nox_kg_per_tce", "pm_kg_per_tce", "tag", "source"],
    )
    if list(pol["fuel"]) != ids:
        err("pollutants.csv: fuel list differs")

    with open(os.path.join(ds, "dataset.yaml"), encoding="utf-8") as fh:
        meta = yaml.safe_load(fh)
    files = {k: os.path.join(ds, v) for k, v in meta["files"].items()}
    sec = load(files["sectors"])
    cols(
        sec,
        "sectors.csv",
        ["id", "name", "ceads_sectors", "group", "activity_driver", "activity_unit", "two_high"],
    )
    sids = set(sec["id"])
    nums = sorted(int(n) for v in sec["ceads_sectors"] for n in str(v).split(";"))
    if nums != list(range(1, 48)):
        err("sectors.csv: CEADs sectors 1..47 must each appear exactly once")
    act = load(files["base_activity"])
    cols(act, "base_activity.csv", ["sector", "value", "unit", "tag", "source"])
    if set(act["sector"]) != sids:
        err("base_activity.csv: sectors differ from sectors.csv")
    prod = act[act["unit"] == "100m_cny"]["value"]
    if round(prod.sum(), 2) != 73129.00:
        err(f"base_activity.csv: GDP sum {prod.sum():.4f} != 73129.00")
    en = load(files["base_energy"])
    cols(en, "base_energy.csv", ["sector", "fuel", "energy_tce"])
    if not set(en["sector"]) <= sids or not set(en["fuel"]) <= set(ids):
        err("base_energy.csv: unknown sector or fuel ids")
    if (en["energy_tce"] <= 0).any() or en.duplicated(["sector", "fuel"]).any():
        err("base_energy.csv: non-positive or duplicate rows")
    fossil = set(fuels[fuels["fossil"] == 1]["id"])
    if not en[(en["sector"] == "power_heat") & en["fuel"].isin(fossil)].empty:
        err("base_energy.csv: power_heat must not carry fossil generation input")
    proc = load(files["base_process"])
    cols(proc, "base_process.csv", ["sector", "process", "co2_mt", "tag", "source", "in_ceads"])
    pf = load(files["power_fuels"])
    cols(pf, "power_fuels.csv", ["output", "fuel", "share", "tag", "source"])
    for out, g in pf.groupby("output"):
        if abs(g["share"].sum() - 1) > 1e-9:
            err(f"power_fuels.csv: {out} shares sum to {g['share'].sum()}")
        if (g["share"] < 0).any() or not set(g["fuel"]) <= fossil:
            err(f"power_fuels.csv: {out} negative share or non-fossil fuel")
    if set(pf["output"]) != {"electricity", "heat"}:
        err("power_fuels.csv: outputs must be electricity and heat")
    pw = load(files["power"])
    cols(pw, "power.csv", ["parameter", "value", "unit", "tag", "source"])
    need = {
        "coal_heat_rate_gce_per_kwh",
        "gas_heat_rate_gce_per_kwh",
        "heat_boiler_efficiency",
        "grid_loss_share",
        "plant_own_use_share",
        "import_twh",
        "import_non_fossil_share",
        "heat_supply_pj",
    }
    if not need <= set(pw["parameter"]):
        err(f"power.csv: missing {need - set(pw['parameter'])}")
    p = dict(zip(pw["parameter"], pw["value"]))
    # electricity rows must equal the end-use total
    e_tce = en[en["fuel"] == "electricity"]["energy_tce"].sum()
    if (
        "end_use_electricity_twh" in p
        and abs(e_tce / 0.1229 / 1e6 - p["end_use_electricity_twh"]) > 0.01
    ):
        err("base_energy electricity rows do not match end_use_electricity_twh")
    h_tce = en[en["fuel"] == "heat"]["energy_tce"].sum()
    if abs(h_tce / 0.03412 / 1e6 - p["heat_supply_pj"]) > 0.5:
        err("base_energy heat rows do not match heat_supply_pj")
    paths = load(files["paths"])
    cols(paths, "paths.csv", ["variable", "key", "year", "value", "unit", "tag", "source"])
    if paths.duplicated(["variable", "key", "year"]).any():
        err("paths.csv: duplicate (variable, key, year)")
    keys = set(paths[paths["variable"] == "intensity_change"]["key"])
    if keys != sids:
        err(f"paths.csv: intensity_change keys {keys ^ sids} mismatch sectors")
    # GDP drives activity: every sector but services (the residual) has an activity path or an
    # elasticity (docs/dynamics.md)
    keys = set(paths[paths["variable"].isin(["activity_growth", "activity_elasticity"])]["key"])
    if keys != sids - {"services"}:
        err(
            f"paths.csv: activity_growth/activity_elasticity keys {keys ^ (sids - {'services'})} "
            "mismatch sectors (all but services)"
        )
    techs = {"coal", "gas", "nuclear", "hydro", "wind_onshore", "wind_offshore", "solar", "biomass"}
    if set(paths[paths["variable"] == "capacity_gw"]["key"]) != techs:
        err("paths.csv: capacity_gw technologies")
    cal = load(files["calibration"])
    cols(
        cal, "calibration.csv", ["indicator", "year", "value", "tolerance", "unit", "tag", "source"]
    )
    # CEADs reproduction with the china factors
    ceads = None
    if "--ceads" in sys.argv:
        ceads = sys.argv[sys.argv.index("--ceads") + 1]
    else:
        ceads = os.path.normpath(
            os.path.join(HERE, "..", "..", "..", "shared", "reference", "ceads")
        )
    inv_path = os.path.join(ceads, "shandong_co2_2019.csv")
    if os.path.exists(inv_path):
        fac = pd.read_csv(
            os.path.join(FUELS_DIR, "factors_%s.csv" % meta["default_factor_set"])
        ).set_index("fuel")
        k = 29.3076 * fac["co2_kg_per_tj"] * fac["oxidation"] / 1e6
        inv = pd.read_csv(inv_path, float_precision="round_trip")
        fin = en[en["fuel"].isin(fossil)]
        co2_final = (fin["energy_tce"] * fin["fuel"].map(k)).sum() / 1e6
        in39 = p["power_sector_fuel_tce"] if "power_sector_fuel_tce" in p else None
        mix = pf[pf["output"] == "electricity"].set_index("fuel")["share"]
        co2_power = in39 * (mix * k.reindex(mix.index)).sum() / 1e6
        co2 = co2_final + co2_power + proc[proc["in_ceads"] == 1]["co2_mt"].sum()
        total = inv["total"].sum()
        print(f"CO2 from dataset {co2:.3f} Mt vs CEADs {total:.3f} Mt; power {co2_power:.3f} Mt")
        if abs(co2 / total - 1) > 1e-4:
            err(f"CO2 {co2:.3f} does not reproduce CEADs {total:.3f}")
    else:
        print("CEADs folder not found; skipped the CO2 reproduction check")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    args = [
        a
        for a in sys.argv[1:]
        if not a.startswith("--")
        and (sys.argv.index(a) == 0 or sys.argv[sys.argv.index(a) - 1] != "--ceads")
    ]
    sys.exit(main(args[0] if args else HERE))
