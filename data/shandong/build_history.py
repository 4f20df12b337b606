"""Writes the history rows of data/shandong/paths.csv: Shandong 2021-2024 as observed (issue 12).

Run after build_base_year.py (which writes the structural paths and removes any rows this
script owns), from anywhere, with the Python package built:
    PYTHONPATH=build/python /usr/bin/python3 data/shandong/build_history.py

History ends in 2024, the last year with observed drivers (observed.csv); 2025 observations
only validate. What it writes, and from what:

1. Drivers, from observed.csv (tags and sources carried over):
   - `gdp_growth/total` 2021-2024 and `gdp_growth/<primary|secondary|tertiary>` 2021-2023:
     the economy stage grows each sector at its industry's observed rate in the years that
     path spans, services taking the residual so GDP grows at the observed total;
   - `activity_elasticity` of every production sector 1.0 in 2020 and 2024 (each sector at its
     industry's rate in the history years: an ASSUMPTION, U, as the 2020 rows had it), except
     `ferrous_metals` 2021-2023, whose elasticity is the observed crude-steel growth over the
     observed secondary-industry growth (P), so its value added follows steel output;
   - `capacity_gw/solar` 2023 (P); `capacity_gw/wind_onshore` 2023 = the observed wind total
     minus the offshore path's 2023 value (the split is not observed, U); `import_non_fossil_share` 2024 (P, with power.csv's 2020
     assumption as its first point); `import_twh` 2024 (P);
   - `activity_elasticity` 2021-2023 of the other secondary sectors, fitted (one year after
     the other, on the model's value added of the year before) so that the secondary industry
     as a whole grows at its observed rate while steel follows its output.
2. One free quantity fitted to observations, never to a target: electrification. Each
   end-use sector's `electricity_share` grows from its base-year share (base_energy.csv): its
   odds share/(1 - share) grow by a rate of its group (primary, secondary, tertiary,
   households) a year (about x (1 + rate) for a small share, bounded below 1). Rates found by
   bisection, one at a time: households 2021-23 so that their use meets the observed 2023
   value; the other groups' common 2021-23 rate so that the baseline's 全社会用电量
   (`electricity_total_consumption_twh`) meets the observed 2023 value; each group's 2024 rate
   so that its use grows as observed in 2024. The 2024 全社会用电量 (831.97 TWh) is not fitted
   and validates. After 2024 each sector's 2020-24 mean rate continues to 2030 and the share is
   then held (ASSUMPTION, U). The fitted rows of observed.csv (households 2023, 全社会用电量
   2023, the 2024 growth by group) are therefore no independent check.

Within-sector intensity changes are not fitted: no total-energy observation exists for
2021-2024 (observed.csv, "Missing"), so they stay the stated assumption of build_base_year.py.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATHS = os.path.join(HERE, "paths.csv")
OBSERVED = os.path.join(HERE, "observed.csv")
BASE_ENERGY = os.path.join(HERE, "base_energy.csv")
SECTORS = os.path.join(HERE, "sectors.csv")
BASELINE = os.path.join(HERE, "scenarios", "baseline.yaml")
LAST_HISTORY_YEAR = 2024
ELECTRIFICATION_UNTIL = 2030
OWNER = "build_history.py: "  # every row this script writes starts its source with this


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def observed():
    """(indicator, year) -> row of observed.csv."""
    return {(r["indicator"], int(r["year"])): r for r in read_csv(OBSERVED)}


def driver_rows(obs, sectors):
    rows = []

    def add(var, key, year, val, tag, src, unit="1/yr"):
        rows.append([var, key, year, val, unit, tag, OWNER + src])

    for year in range(2021, LAST_HISTORY_YEAR + 1):
        r = obs[("gdp_growth", year)]
        add("gdp_growth", "total", year, float(r["value"]), r["tag"], "observed: " + r["source"])
    for industry in ("primary", "secondary", "tertiary"):
        for year in range(2021, LAST_HISTORY_YEAR + 1):
            r = obs.get((f"gdp_growth/{industry}", year))
            if r is not None:
                add(
                    "gdp_growth",
                    industry,
                    year,
                    float(r["value"]),
                    r["tag"],
                    "observed: " + r["source"],
                )
    steel = {y: float(obs[("production_mt/crude_steel", y)]["value"]) for y in (2020, 2022, 2023)}
    steel_growth = {
        2021: (steel[2022] / steel[2020]) ** 0.5 - 1,
        2022: None,
        2023: steel[2023] / steel[2022] - 1,
    }
    steel_growth[2022] = steel_growth[2021]
    for s in sectors:
        if s["activity_driver"] != "value_added" or s["group"] == "services":
            continue
        for year in (2020, LAST_HISTORY_YEAR):
            if s["id"] == "ferrous_metals" and year == LAST_HISTORY_YEAR:
                continue  # 2024 steel output not observed: interpolated to the 2025 default
            add(
                "activity_elasticity",
                s["id"],
                year,
                1.0,
                "U",
                "ASSUMPTION: in the history years each sector grows at its industry's observed "
                "rate (gdp_growth/<industry>, else the total)",
                unit="1",
            )
        if s["id"] == "ferrous_metals":
            for year in (2021, 2022, 2023):
                secondary = float(obs[("gdp_growth/secondary", year)]["value"])
                add(
                    "activity_elasticity",
                    s["id"],
                    year,
                    round(steel_growth[year] / secondary, 4),
                    "P",
                    f"observed crude-steel growth {steel_growth[year]:.4f} (observed.csv "
                    "production_mt/crude_steel 2020 U, 2022-2023 P; 2021-2022 the mean of "
                    f"2020->2022) / observed secondary-industry growth {secondary}",
                    unit="1",
                )
    add(
        "import_non_fossil_share",
        "total",
        2020,
        0.10,
        "U",
        "as power.csv import_non_fossil_share (ASSUMPTION for 2020 between two bounds)",
        unit="1",
    )
    r = obs[("import_non_fossil_share", LAST_HISTORY_YEAR)]
    add(
        "import_non_fossil_share",
        "total",
        LAST_HISTORY_YEAR,
        float(r["value"]),
        r["tag"],
        "observed: " + r["source"],
        unit="1",
    )
    r = obs[("import_twh", LAST_HISTORY_YEAR)]
    add(
        "import_twh",
        "total",
        LAST_HISTORY_YEAR,
        float(r["value"]),
        r["tag"],
        "observed: " + r["source"],
        unit="TWh",
    )
    r = obs[("capacity_gw/wind_total", 2023)]
    offshore = 8.0 * 3 / 5  # the offshore path of paths.csv (0 in 2020, 8 GW in 2025) in 2023
    add(
        "capacity_gw",
        "wind_onshore",
        2023,
        round(float(r["value"]) - offshore, 3),
        "U",
        f"observed wind total {r['value']} GW minus the offshore path's {offshore} GW (the "
        "split is not observed: U); observed: " + r["source"],
        unit="GW",
    )
    r = obs[("capacity_gw/solar", 2023)]
    add(
        "capacity_gw",
        "solar",
        2023,
        float(r["value"]),
        r["tag"],
        "observed: " + r["source"],
        unit="GW",
    )
    return rows


def base_electricity_shares(sectors):
    """Sector -> base-year electricity share of its final energy (base_energy.csv)."""
    total, electricity = {}, {}
    for r in read_csv(BASE_ENERGY):
        total[r["sector"]] = total.get(r["sector"], 0.0) + float(r["energy_tce"])
        if r["fuel"] == "electricity":
            electricity[r["sector"]] = float(r["energy_tce"])
    return {
        s["id"]: electricity.get(s["id"], 0.0) / total[s["id"]]
        for s in sectors
        if s["id"] != "power_heat"
        and total.get(s["id"], 0.0) > 0
        and electricity.get(s["id"], 0.0) > 0
    }


def electrification_points(base, group_of, early, late):
    """Sector -> {year: share}: the odds share/(1 - share) grow by early[g] a year 2021-2023 and
    late[g] in 2024 (g the sector's group); 2030 continues the 2020-24 mean rate."""
    points = {}
    for s, b in base.items():
        g = group_of[s]
        odds, shares = b / (1 - b), {2020: b}
        for y in range(2021, LAST_HISTORY_YEAR + 1):
            odds *= 1 + (late[g] if y == LAST_HISTORY_YEAR else early[g])
            shares[y] = odds / (1 + odds)
        mean = (odds * (1 - b) / b) ** (1 / (LAST_HISTORY_YEAR - 2020))
        odds *= mean ** (ELECTRIFICATION_UNTIL - LAST_HISTORY_YEAR)
        shares[ELECTRIFICATION_UNTIL] = odds / (1 + odds)
        points[s] = {y: round(v, 6) for y, v in shares.items()}
    return points


def _bisect(f, target, lo=-0.3, hi=0.6, steps=50):
    """The root of the increasing function f(x) = target on [lo, hi]."""
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if f(mid) < target else (lo, mid)
    return 0.5 * (lo + hi)


def fit_electrification(obs, base, group_of):
    """The electrification rates, fitted one by one (each moves only its own group's
    electricity): households 2021-23 to the households' 2023 use; the other groups' common
    2021-23 rate to the 2023 全社会用电量; each group's 2024 rate to its observed 2024 growth.
    The 2024 全社会用电量 then validates."""
    import peakpath as pp

    scenario = pp.Scenario.load(BASELINE)
    groups = ("primary", "secondary", "tertiary", "households")
    early = {g: 0.0 for g in groups}
    late = {g: 0.0 for g in groups}

    def run():
        levers = {"electricity_share": electrification_points(base, group_of, early, late)}
        return pp.run(scenario.with_levers(levers))

    def group_twh(res, g):
        e = res.energy(by=("sector", "fuel"))
        e = e[(e["fuel"] == "electricity") & e["sector"].map(lambda s: group_of.get(s) == g)]
        return e.groupby("year")["energy_mtce"].sum() / 0.1229

    def fitted(setter, measure):
        def f(x):
            setter(x)
            return measure(run())

        return f

    value = lambda name, y: float(obs[(name, y)]["value"])  # noqa: E731
    early["households"] = _bisect(
        fitted(lambda x: early.update(households=x), lambda r: group_twh(r, "households")[2023]),
        value("electricity_consumption_twh/households", 2023),
    )
    common = _bisect(
        fitted(
            lambda x: early.update(primary=x, secondary=x, tertiary=x),
            lambda r: r.indicators()["electricity_total_consumption_twh"][2023],
        ),
        value("electricity_total_consumption_twh", 2023),
    )
    early.update(primary=common, secondary=common, tertiary=common)
    for g in groups:
        late[g] = _bisect(
            fitted(
                lambda x, g=g: late.update({g: x}),
                lambda r, g=g: group_twh(r, g)[2024] / group_twh(r, g)[2023] - 1,
            ),
            value(f"electricity_consumption_growth/{g}", LAST_HISTORY_YEAR),
        )
    total = run().indicators()["electricity_total_consumption_twh"]
    print(
        f"electrification odds rates 2021-23 {early}, 2024 {late}; 全社会用电量 2023 "
        f"{total[2023]:.2f} (observed {value('electricity_total_consumption_twh', 2023)}), "
        f"2024 {total[2024]:.2f} (observed {value('electricity_total_consumption_twh', 2024)})"
    )
    return early, late


def write_paths(rows):
    """paths.csv without this script's old rows, plus @p rows; each path's points in year order
    (the loader requires it), paths in the order they first appear."""
    header = ["variable", "key", "year", "value", "unit", "tag", "source"]
    kept = [[r[h] for h in header] for r in read_csv(PATHS) if not r["source"].startswith(OWNER)]
    merged = kept + [[str(v) for v in r] for r in rows]
    first = {}
    for r in merged:
        first.setdefault((r[0], r[1]), len(first))
    merged.sort(key=lambda r: (first[(r[0], r[1])], int(r[2])))
    with open(PATHS, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(merged)


def fit_secondary(obs, sectors, drivers):
    """Elasticity rows 2021-2023 of the secondary sectors other than steel, so that the
    secondary industry grows as observed; each year from the model's value added the year
    before (the run of the rows fitted so far)."""
    import peakpath as pp

    steel = "ferrous_metals"
    secondary = [
        s["id"]
        for s in sectors
        if s["group"] in ("industry", "two_high_industry", "power_heat", "construction")
    ]
    elasticity = {
        r[2]: float(r[3]) for r in drivers if r[0] == "activity_elasticity" and r[1] == steel
    }
    rows = []
    for year in (2021, 2022, 2023):
        write_paths(drivers + rows)
        activity = pp.run(pp.Scenario.load(BASELINE)).activity().loc[year - 1]
        g = float(obs[("gdp_growth/secondary", year)]["value"])
        total, own = activity[secondary].sum(), activity[steel]
        other = (g * total - elasticity[year] * g * own) / (g * (total - own))
        for s in secondary:
            if s != steel:
                rows.append(
                    [
                        "activity_elasticity",
                        s,
                        year,
                        round(other, 6),
                        "1",
                        "P",
                        OWNER + f"fitted: the secondary sectors but steel grow at this "
                        f"multiple of the observed secondary growth {g} so that the industry "
                        "grows as observed while steel follows its output",
                    ]
                )
    return rows


def main():
    obs = observed()
    sectors = read_csv(SECTORS)
    drivers = driver_rows(obs, sectors)
    drivers += fit_secondary(obs, sectors, drivers)
    write_paths(drivers)  # the electrification fit runs on the observed drivers
    base = base_electricity_shares(sectors)
    industry = {
        "agriculture": "primary",
        "transport": "tertiary",
        "services": "tertiary",
        "households": "households",
    }
    group_of = {s["id"]: industry.get(s["group"], "secondary") for s in sectors}
    early, late = fit_electrification(obs, base, group_of)
    rows = list(drivers)
    for s, points in electrification_points(base, group_of, early, late).items():
        g = group_of[s]
        for y, v in points.items():
            tag, src = (
                ("P", "base-year electricity share of the sector (base_energy.csv)")
                if y == 2020
                else (
                    "P",
                    f"fitted: the share's odds grow {early[g]:.5f}/yr 2021-2023 and "
                    f"{late[g]:.5f} in 2024, the electrification rates of the {g} sectors "
                    "fitted to observed electricity use (build_history.py)",
                )
                if y <= LAST_HISTORY_YEAR
                else (
                    "U",
                    "ASSUMPTION: the odds' 2020-2024 mean growth continued to "
                    f"{ELECTRIFICATION_UNTIL}, then held",
                )
            )
            rows.append(["electricity_share", s, y, v, "share", tag, OWNER + src])
    write_paths(rows)


if __name__ == "__main__":
    sys.exit(main())
