"""Writes data/shandong/technologies.csv (efficiency classes of the two-high sectors) and
technology_fuels.csv (the fuel mixes of the refining and coking lines).

Classes follow the national energy-efficiency benchmark (标杆) and baseline (基准) levels of
发改产业〔2021〕1609号 as recorded, with their sources and tags, in data/rules/efficiency_levels.csv:
a class below the baseline level, one between baseline and benchmark, and one at benchmark.
Representative intensities: benchmark = the benchmark level; between = the midpoint; below
baseline = the baseline level times baseline/benchmark (one step beyond the baseline, an
assumption). The model only uses intensities relative to each other within a sector.

Shares, lifetimes and ages have no public Shandong source: they are ASSUMPTIONS (tag U), meant
to be replaced by plant data (for example from a two-high register).

The coal-power classes (sector power_heat: its thermal fleet, driven by thermal generation)
use their intensities as absolute supply heat rates, so their shares must reproduce the
base-year fleet rate of power.csv: the benchmark share is assumed as elsewhere and the other
two are solved from sum(share x rate) = fleet rate.

petroleum_coking (CEADs sector 21, "petroleum processing and coking") holds two product lines,
refining and coking, each with the three classes (refining_benchmark, coking_baseline, ...).
Capacity is counted in units of base-year energy use, so a line's share of the sector's
capacity is its share of the sector's base-year energy and its classes' intensities are relative
to the line's mean. The line shares and fuel mixes come from the sector's CEADs fuels in
base_energy.csv: coal-family fuels to coking, oil products to refining (P), and the fuels both
use (natural gas, electricity, heat) in proportion (an ASSUMPTION, U).

Steel also has a scrap-based electric-arc-furnace class (scrap_eaf) beside the three
blast-furnace classes, so that new capacity can switch technology, not only efficiency level.
Run from anywhere:
    /usr/bin/python3 data/shandong/build_technologies.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = os.path.join(HERE, "..", "rules", "efficiency_levels.csv")

# sector -> (project type whose levels define the classes, lifetime mean (yr), mean age (yr))
SECTORS = {
    "ferrous_metals": ("steel", 35.0, 12.0),
    "nonmetal_minerals": ("cement_clinker", 30.0, 12.0),
    "nonferrous_metals": ("electrolytic_aluminium", 25.0, 10.0),
    "chemicals": ("nitrogen_fertiliser", 25.0, 10.0),
}
SHARES = {"below_baseline": 0.2, "baseline": 0.6, "benchmark": 0.2}
SHAPE = 3.0
# Coal power: mean lifetime 35 yr and mean age 12 yr are ASSUMPTIONS (tag U).
COAL_POWER = ("power_heat", "coal_power", 35.0, 12.0)
POWER = os.path.join(HERE, "power.csv")
# Product lines of one sector: line -> (project type of its levels, lifetime mean, mean age).
# Lifetimes and ages are ASSUMPTIONS (U).
LINES = {
    "petroleum_coking": {"refining": ("refining", 30.0, 12.0), "coking": ("coking", 25.0, 10.0)}
}
BASE_ENERGY = os.path.join(HERE, "base_energy.csv")
# Scrap EAF beside the blast-furnace classes: (sector, its share of base-year capacity, energy
# per tonne relative to the blast-furnace route, fuel mix, lifetime mean, mean age, source).
SCRAP_EAF = (
    "ferrous_metals",
    0.10,
    8.0 / 20.0,
    {"electricity": 0.85, "natural_gas": 0.05, "coke": 0.10},
    30.0,
    10.0,
    "energy per tonne 8 vs 20 million Btu/ton for EAF vs integrated BF-BOF mills, excluding "
    "electricity losses (AISI 1995, quoted by GTI: http://gta.gastechnology.org/primary_metals/"
    "pm_dm_e), a US ratio used for Shandong (P/U); ASSUMPTIONS (U, no Shandong figure): EAF "
    "10 % of base-year steel capacity, fuel mix 85 % electricity, 5 % natural gas, 10 % coke "
    "(charge carbon), Weibull lifetime mean 30 yr, shape 3, mean age 10 yr; overridable",
)
FUELS = os.path.join(HERE, "..", "fuels", "fuels.csv")
LINE_MIX_SOURCE = (
    "{line} line's share of the CEADs sector-21 fuels in base_energy.csv: coal family "
    "to coking, oil products to refining (P); natural gas, electricity and heat "
    "split in proportion to the lines' own fuels (ASSUMPTION, U)"
)
ASSUMED = (
    "ASSUMPTION (no public Shandong figure): capacity shares 20/60/20 % below baseline / "
    "between / at benchmark; Weibull lifetime shape 3; base-year ages uniform over "
    "[0, 2 x mean age); overridable"
)


def levels():
    table = {}
    with open(LEVELS, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["rule"] in ("benchmark", "baseline"):
                table[(row["project_type"], row["rule"])] = row
    return table


def class_levels(table, ptype):
    """(origin text, tag, {class: representative level}) of a project type."""
    bench = table[(ptype, "benchmark")]
    base = table[(ptype, "baseline")]
    b, n = float(bench["value"]), float(base["value"])
    tag = "P" if bench["tag"] in "VP" and base["tag"] in "VP" else "U"
    origin = (
        f"{ptype} levels benchmark {b:g} / baseline {n:g} {bench['unit']} "
        f"(data/rules/efficiency_levels.csv, tag {bench['tag']}: {bench['source']})"
    )
    return origin, tag, {"below_baseline": n * n / b, "baseline": (n + b) / 2, "benchmark": b}


def fleet_heat_rate():
    with open(POWER, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["parameter"] == "coal_heat_rate_gce_per_kwh":
                return float(row["value"])
    raise KeyError("power.csv has no coal_heat_rate_gce_per_kwh")


def coal_power_shares(level, fleet_rate):
    """Shares with the benchmark share of SHARES whose weighted rate is the fleet rate."""
    bench = SHARES["benchmark"]
    rest = fleet_rate - bench * level["benchmark"]
    below = (rest - (1 - bench) * level["baseline"]) / (level["below_baseline"] - level["baseline"])
    if not 0 <= below <= 1 - bench:
        raise ValueError(f"no class shares reproduce the fleet heat rate {fleet_rate}")
    return {"below_baseline": below, "baseline": 1 - bench - below, "benchmark": bench}


def fuel_lines():
    """{fuel: the line that alone uses it (coal family: coking; oil products: refining) or
    "shared" (natural gas, electricity, heat, ...)}."""
    with open(FUELS, newline="", encoding="utf-8") as handle:
        return {
            r["id"]: (
                "coking"
                if r["coal"] == "1"
                else "refining"
                if r["fossil"] == "1" and r["id"] != "natural_gas"
                else "shared"
            )
            for r in csv.DictReader(handle)
        }


def line_mixes(sector, kind):
    """{line: (share of the sector's base-year energy, {fuel: share of the line's energy})}."""
    energy = {}
    with open(BASE_ENERGY, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["sector"] == sector:
                energy[row["fuel"]] = float(row["energy_tce"])
    own = {
        line: sum(e for f, e in energy.items() if kind[f] == line)
        for line in ("refining", "coking")
    }
    share = {line: own[line] / sum(own.values()) for line in own}
    mixes = {}
    for line in own:
        fuels = {
            f: e if kind[f] == line else e * share[line]
            for f, e in energy.items()
            if kind[f] in (line, "shared")
        }
        total = sum(fuels.values())
        mixes[line] = (share[line], {f: e / total for f, e in fuels.items() if e > 0})
    return mixes


def main():
    table = levels()
    rows = []
    fuel_rows = []
    eaf_sector, eaf_share, eaf_ratio, eaf_mix, eaf_lifetime, eaf_age, eaf_source = SCRAP_EAF
    for sector, (ptype, lifetime, age) in SECTORS.items():
        origin, tag, level = class_levels(table, ptype)
        blast_furnace = 1.0 - eaf_share if sector == eaf_sector else 1.0
        for name, value in level.items():
            rows.append(
                {
                    "sector": sector,
                    "class": name,
                    "relative_intensity": round(value, 4),
                    "base_share": round(blast_furnace * SHARES[name], 6),
                    "lifetime_mean": lifetime,
                    "lifetime_shape": SHAPE,
                    "mean_age": age,
                    "tag": tag,
                    "source": f"{origin}; {ASSUMED}",
                }
            )
        if sector == eaf_sector:
            mean = sum(SHARES[name] * value for name, value in level.items())
            rows.append(
                {
                    "sector": sector,
                    "class": "scrap_eaf",
                    "relative_intensity": round(eaf_ratio * mean, 4),
                    "base_share": eaf_share,
                    "lifetime_mean": eaf_lifetime,
                    "lifetime_shape": SHAPE,
                    "mean_age": eaf_age,
                    "tag": "U",
                    "source": f"{eaf_ratio:g} x the blast-furnace classes' mean: {eaf_source}",
                }
            )
            fuel_rows += [
                {
                    "sector": sector,
                    "class": "scrap_eaf",
                    "fuel": fuel,
                    "share": share,
                    "tag": "U",
                    "source": "ASSUMPTION: scrap-EAF fuel mix (no Shandong " "figure); overridable",
                }
                for fuel, share in eaf_mix.items()
            ]
    for sector, lines in LINES.items():
        kind = fuel_lines()
        mixes = line_mixes(sector, kind)
        for line, (ptype, lifetime, age) in lines.items():
            origin, tag, level = class_levels(table, ptype)
            line_share, mix = mixes[line]
            mean = sum(SHARES[name] * value for name, value in level.items())
            for name, value in level.items():
                rows.append(
                    {
                        "sector": sector,
                        "class": f"{line}_{name}",
                        "relative_intensity": round(value / mean, 6),
                        "base_share": round(line_share * SHARES[name], 6),
                        "lifetime_mean": lifetime,
                        "lifetime_shape": SHAPE,
                        "mean_age": age,
                        "tag": "U",
                        "source": (
                            f"{line} line, {line_share:.4f} of the sector's base-year energy (P "
                            f"from the CEADs fuels of base_energy.csv; shared fuels split in "
                            f"proportion, U); intensity relative to the line's mean; {origin}; "
                            f"{ASSUMED}"
                        ),
                    }
                )
                for fuel, fuel_share in mix.items():
                    fuel_rows.append(
                        {
                            "sector": sector,
                            "class": f"{line}_{name}",
                            "fuel": fuel,
                            "share": round(fuel_share, 8),
                            "tag": "U" if kind[fuel] == "shared" else "P",
                            "source": LINE_MIX_SOURCE.format(line=line),
                        }
                    )
    sector, ptype, lifetime, age = COAL_POWER
    origin, tag, level = class_levels(table, ptype)
    rate = fleet_heat_rate()
    shares = coal_power_shares(level, rate)
    for name, value in level.items():
        rows.append(
            {
                "sector": sector,
                "class": name,
                "relative_intensity": round(value, 4),
                "base_share": round(shares[name], 6),
                "lifetime_mean": lifetime,
                "lifetime_shape": SHAPE,
                "mean_age": age,
                "tag": "U",
                "source": (
                    f"thermal fleet, supply heat rate in gce/kWh; {origin}; benchmark share "
                    f"{SHARES['benchmark']:g} ASSUMED, the other shares solved so that the "
                    f"fleet rate is {rate:g} gce/kWh (power.csv); ASSUMPTION (no public "
                    f"Shandong unit list): Weibull lifetime mean {lifetime:g} yr, shape "
                    f"{SHAPE:g}; ages uniform over [0, 2 x {age:g}); overridable"
                ),
            }
        )
    for name, table_rows in (("technologies.csv", rows), ("technology_fuels.csv", fuel_rows)):
        with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(table_rows[0]))
            writer.writeheader()
            writer.writerows(table_rows)


if __name__ == "__main__":
    main()
