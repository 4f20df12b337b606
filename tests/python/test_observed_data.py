"""Integrity of the Shandong observation and removal-efficiency tables (issue 12).

Pure pandas on the CSV files: runs without a build and without importing peakpath.
"""
import os

import pandas as pd
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHANDONG = os.path.join(ROOT, "data", "shandong")
FUELS = os.path.join(ROOT, "data", "fuels")
TAGS = {"V", "P", "U"}
POLLUTANTS = {"so2", "nox", "pm"}
OBSERVATION_FILES = ["observed.csv", "history.csv", "calibration.csv"]


def read(path):
    # keep_default_na=False: an empty source must stay "", not become NaN
    return pd.read_csv(path, keep_default_na=False, na_values={"value": [""]})


@pytest.fixture(scope="module")
def observed():
    return read(os.path.join(SHANDONG, "observed.csv"))


@pytest.fixture(scope="module")
def removal():
    return read(os.path.join(SHANDONG, "removal_efficiency.csv"))


@pytest.fixture(scope="module")
def sector_ids():
    return set(pd.read_csv(os.path.join(SHANDONG, "sectors.csv"))["id"])


def test_observed_has_the_issue_columns(observed):
    assert list(observed.columns) == [
        "indicator",
        "year",
        "value",
        "unit",
        "tag",
        "source",
        "tolerance",
    ]


@pytest.mark.parametrize("name", OBSERVATION_FILES)
def test_observation_rows_are_tagged_sourced_and_unique(name):
    df = read(os.path.join(SHANDONG, name))
    bad_tags = df[~df["tag"].isin(TAGS)]
    assert bad_tags.empty, f"{name}: tags outside V/P/U in rows {bad_tags.index.tolist()}"
    no_source = df[df["source"].str.strip() == ""]
    assert no_source.empty, f"{name}: rows without a source: {no_source.index.tolist()}"
    assert (
        df["value"].notna().all()
    ), f"{name}: empty values in rows {df.index[df['value'].isna()].tolist()}"
    years = df["year"].astype(int)
    out = df[(years < 2005) | (years > 2025)]
    assert (
        out.empty
    ), f"{name}: years outside 2005-2025: {out[['indicator', 'year']].values.tolist()}"
    dup = df[df.duplicated(["indicator", "year"], keep=False)]
    assert (
        dup.empty
    ), f"{name}: duplicate (indicator, year): {dup[['indicator', 'year']].values.tolist()}"


@pytest.mark.parametrize("name", OBSERVATION_FILES)
def test_each_indicator_has_one_unit(name):
    df = read(os.path.join(SHANDONG, name))
    units = df.groupby("indicator")["unit"].nunique()
    assert (
        units == 1
    ).all(), f"{name}: indicators with several units: {units[units > 1].index.tolist()}"


def test_observed_units_are_consistent_with_history_and_calibration(observed):
    """An indicator that also appears in history.csv or calibration.csv uses the same unit there."""
    for name in ("history.csv", "calibration.csv"):
        other = read(os.path.join(SHANDONG, name)).groupby("indicator")["unit"].first()
        mine = observed.groupby("indicator")["unit"].first()
        common = mine.index.intersection(other.index)
        clash = [(i, mine[i], other[i]) for i in common if mine[i] != other[i]]
        assert not clash, f"unit differs from {name}: {clash}"


def test_shares_lie_in_the_unit_interval(observed):
    shares = observed[observed["indicator"].str.contains("share")]
    assert not shares.empty
    assert (shares["unit"] == "1").all(), shares.loc[shares["unit"] != "1", "indicator"].tolist()
    bad = shares[(shares["value"] < 0) | (shares["value"] > 1)]
    assert bad.empty, bad[["indicator", "year", "value"]].values.tolist()


def test_levels_are_positive_and_tolerances_relative(observed):
    levels = observed[observed["unit"].isin(["TWh", "GW", "Mt", "100m CNY (current prices)"])]
    assert (levels["value"] > 0).all(), levels.loc[levels["value"] <= 0, "indicator"].tolist()
    tol = pd.to_numeric(observed["tolerance"].replace("", float("nan")))
    given = tol.dropna()
    assert ((given > 0) & (given < 1)).all(), observed.loc[given.index[(given <= 0) | (given >= 1)]]


def test_observed_capacity_and_output_ids_are_the_model_ids(observed):
    techs = {
        "coal",
        "gas",
        "solar",
        "wind_onshore",
        "wind_offshore",
        "nuclear",
        "biomass",
        "hydro",
        # aggregates documented in SOURCES.md ("Observed series 2020-2025")
        "wind_total",
        "non_fossil_total",
        "new_and_renewable_total",
        "total",
    }
    products = {
        "crude_steel",
        "cement",
        "flat_glass",
        "electrolytic_aluminium",
        "coke",
        "refinery_throughput",
    }
    keys = observed["indicator"].str.split("/", n=1, expand=True)
    for prefix, allowed in (("capacity_gw", techs), ("production_mt", products)):
        used = set(keys.loc[keys[0] == prefix, 1])
        assert used and used <= allowed, f"{prefix}: unknown ids {sorted(used - allowed)}"


def test_removal_table_columns_and_values(removal):
    assert list(removal.columns) == [
        "sector",
        "pollutant",
        "year",
        "value",
        "unit",
        "tag",
        "source",
    ]
    assert set(removal["tag"]) <= TAGS
    assert (removal["source"].str.strip() != "").all()
    assert set(removal["pollutant"]) <= POLLUTANTS
    bad = removal[(removal["value"] < 0) | (removal["value"] > 1)]
    assert bad.empty, bad[["sector", "pollutant", "year", "value"]].values.tolist()
    assert not removal.duplicated(["sector", "pollutant", "year"]).any()
    years = removal["year"].astype(int)
    assert years.between(2005, 2060).all()


def test_removal_sectors_exist_and_every_sector_pollutant_pair_is_covered(removal, sector_ids):
    unknown = set(removal["sector"]) - sector_ids
    assert not unknown, f"removal_efficiency.csv: sectors not in sectors.csv: {sorted(unknown)}"
    pairs = set(zip(removal["sector"], removal["pollutant"]))
    missing = {(s, p) for s in sector_ids for p in POLLUTANTS} - pairs
    assert not missing, f"no removal efficiency for {sorted(missing)}"


def test_controlled_coal_power_stays_at_the_ultra_low_caps(removal):
    """Coal power's removal keeps SO2, NOx and PM per tonne of coal at the ultra-low caps
    (35, 50, 10 mg/m3 at 6 % O2) times the flue-gas volume of the measured unit (7,326 Nm3/t)."""
    pol = read(os.path.join(FUELS, "pollutants.csv")).set_index("fuel")
    power = removal[removal["sector"] == "power_heat"].set_index("pollutant")["value"]
    volume = (0.1131e6 / 15.15 + 0.2882e6 / 40.10) / 2
    for p, cap in (("so2", 35.0), ("nox", 50.0), ("pm", 10.0)):
        kept_kg_per_t = pol.loc["raw_coal", f"{p}_kg_per_tce"] * 0.7143 * (1 - power[p])
        assert kept_kg_per_t == pytest.approx(cap * volume * 1e-6, rel=1e-3)


def co2_kg_per_m3(fuels, factors, fuel):
    f = fuels.loc[fuel]
    assert f["unit"] == "10^4 m3"
    gj_per_m3 = f["tce_per_unit"] * 29.3076 / 1e4
    return gj_per_m3 * factors.loc[fuel, "co2_kg_per_tj"] * factors.loc[fuel, "oxidation"] / 1e3


@pytest.mark.parametrize("factor_set", ["factors_china.csv", "factors_ipcc2006.csv"])
@pytest.mark.parametrize("gas", ["other_gas", "coke_oven_gas"])
def test_manufactured_gases_emit_no_more_co2_than_one_carbon_per_molecule(factor_set, gas):
    """Blast-furnace, converter and coke-oven gas are CO, CO2, CH4, H2 and N2: at most one carbon
    atom per molecule, so at most 44/22.4 = 1.96 kg CO2 per normal m3 (issue 12 item 8)."""
    fuels = read(os.path.join(FUELS, "fuels.csv")).set_index("id")
    factors = read(os.path.join(FUELS, factor_set)).set_index("fuel")
    assert co2_kg_per_m3(fuels, factors, gas) < 44.0 / 22.414


def test_ipcc_briquettes_use_the_patent_fuel_default():
    factors = read(os.path.join(FUELS, "factors_ipcc2006.csv")).set_index("fuel")
    assert factors.loc["briquettes", "co2_kg_per_tj"] == 97500
