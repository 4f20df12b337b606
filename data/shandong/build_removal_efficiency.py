#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes data/shandong/removal_efficiency.csv: end-of-pipe removal efficiencies by sector and
pollutant (so2, nox, pm), the share of the uncontrolled emission (data/fuels/pollutants.csv)
that is removed. The model keeps E x uncontrolled factor x (1 - removal_efficiency).

Method. A Chinese emission standard caps the flue-gas concentration C_lim (mg/Nm3, dry, at a
reference O2 content). At the cap, the emission per tonne of coal is C_lim x V, with V the dry
flue-gas volume per tonne at that O2 content, so the removal needed is

    eta = 1 - C_lim x V / EF_uncontrolled

with EF_uncontrolled the dataset's own uncontrolled factor per tonne of raw coal
(pollutants.csv x 0.7143 tce/t). A cap at another O2 reference is first converted to 6 % O2 by
C_6 = C_x x (21 - 6) / (21 - x). eta therefore inherits the U tag of the uncontrolled factors;
the controlled emission per tonne (C_lim x V), which is what the model ends up using, does not.

V is derived from measured pairs of concentration and emission factor at an ultra-low-emission
coal unit (Liu Yanmei et al. 2020, 环境科学学报 40(6):1967-1975, "超低排放改造后燃煤电厂常规大气
污染物排放特征", https://tsg.actasc.cn/hjkxxb/html/2020/6/20191202001.htm): SO2 15.15 mg/m3 ~
0.1131 kg/t, NOx 40.10 mg/m3 ~ 0.2882 kg/t, so V = 0.1131e6/15.15 = 7,465 and
0.2882e6/40.10 = 7,187 Nm3/t; their mean, 7,326 Nm3/t at 6 % O2, is used [P].

Each row is the value from its year on (paths hold the last value flat). Run:
    /usr/bin/python3 data/shandong/build_removal_efficiency.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FUELS = os.path.join(HERE, "..", "fuels")
RAW_COAL_TCE_PER_T = 0.7143  # GB/T 2589 (fuels.csv)
V_NM3_PER_T = (0.1131e6 / 15.15 + 0.2882e6 / 40.10) / 2.0
POLLUTANTS = ("so2", "nox", "pm")

LIU2020 = (
    "Liu Yanmei et al. 2020, 环境科学学报 40(6):1967-1975, "
    "https://tsg.actasc.cn/hjkxxb/html/2020/6/20191202001.htm"
)
ULE_POWER = (
    "coal-power ultra-low emission: PM 10, SO2 35, NOx 50 mg/m3 at 6 % O2 for eastern-region units "
    "(煤电节能减排升级与改造行动计划(2014-2020年), as quoted in 广东科技 2019(1):69-73, "
    "http://218.28.6.71:81/Qikan/Article/Detail?id=7001147949 [V limits]; 全面实施燃煤电厂超低排放和"
    "节能改造工作方案 2015, cited by http://image.hanspub.org/Html/2-1750936_46537.htm)"
)
ULE_STEEL = (
    "steel ultra-low emission (关于推进实施钢铁行业超低排放的意见, 2019): sinter/pellet flue gas PM 10, "
    "SO2 35, NOx 50 mg/m3 (hourly means, reference O2 16 %), other main sources 10/50/200; "
    "80 %+ of capacity to be retrofitted by 2025 (http://www.easyfang.com/a/2021/1231/tt050B4E32019_2.html "
    "[V limits, repost of the opinions' summary])"
)
DB_BOILER = (
    "Shandong boiler standard DB37/2374-2018, key control area (重点控制区): PM 10, SO2 50, NOx 100 mg/m3 at "
    "9 % O2 - limits RECALLED, no stored copy was reached: verify [U]"
)
DB_BUILDING = (
    "Shandong building-materials standard DB37/2373-2018, key control area, cement kilns: PM 10, SO2 50, "
    "NOx 100 mg/m3 at 10 % O2 - limits RECALLED, no stored copy was reached: verify [U]"
)

# sector -> (year, (PM, SO2, NOx) cap in mg/m3, reference O2 %, tag, source)
CAPPED = {
    "power_heat": (
        2020,
        (10.0, 35.0, 50.0),
        6.0,
        "P",
        ULE_POWER
        + "; applied to the whole sector (CHP, heat boilers included). Cross-check: the measured unit "
        f"means of {LIU2020} (SO2 0.1131, NOx 0.2882, TSP 0.0099 kg/t) give 0.9929 / 0.9640 / 0.99995",
    ),
    "ferrous_metals": (
        2020,
        (10.0, 35.0, 50.0),
        16.0,
        "U",
        ULE_STEEL
        + "; sinter limits applied to all the sector's fuel use and to all its capacity from 2020 - "
        "ASSUMPTION: full compliance, which overstates removal before 2025",
    ),
    "nonmetal_minerals": (2020, (10.0, 50.0, 100.0), 10.0, "U", DB_BUILDING),
}
BOILER_SECTORS = (
    "coal_mining",
    "oil_gas_extraction",
    "other_mining",
    "light_manufacturing",
    "petroleum_coking",
    "chemicals",
    "nonferrous_metals",
    "equipment_manufacturing",
    "other_industry",
)
for s in BOILER_SECTORS:
    CAPPED[s] = (
        2020,
        (10.0, 50.0, 100.0),
        9.0,
        "U",
        DB_BOILER + "; ASSUMPTION: the sector's fuel is burned in boilers that meet it",
    )
UNCONTROLLED = {
    "agriculture": "small stoves, dryers and farm machinery: no end-of-pipe control assumed",
    "construction": "mobile machinery and site heating: no end-of-pipe control assumed",
    "transport": "vehicle after-treatment (China VI SCR, DPF) is not represented: the fuels' factors are "
    "engine-out values, so transport pollutants are overstated",
    "services": "small commercial boilers and stoves (much of the sector's coal is briquettes): no "
    "end-of-pipe control assumed",
    "households_urban": "household stoves: no end-of-pipe control",
    "households_rural": "household stoves: no end-of-pipe control",
}


def uncontrolled_kg_per_t():
    """Uncontrolled raw-coal factors, kg per tonne (pollutants.csv is per tce)."""
    with open(os.path.join(FUELS, "pollutants.csv"), encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["fuel"] == "raw_coal")
    return {p: float(row[f"{p}_kg_per_tce"]) * RAW_COAL_TCE_PER_T for p in POLLUTANTS}


def sector_ids():
    with open(os.path.join(HERE, "sectors.csv"), encoding="utf-8") as fh:
        return [r["id"] for r in csv.DictReader(fh)]


def rows():
    ef = uncontrolled_kg_per_t()
    out = []
    for sector in sector_ids():
        if sector in UNCONTROLLED:
            for p in POLLUTANTS:
                out.append(
                    [sector, p, 2020, 0.0, "share", "U", "ASSUMPTION: " + UNCONTROLLED[sector]]
                )
            continue
        year, (pm, so2, nox), o2, tag, src = CAPPED[sector]
        to6 = (21.0 - 6.0) / (21.0 - o2)
        for p, cap in (("so2", so2), ("nox", nox), ("pm", pm)):
            kept_kg_per_t = cap * to6 * V_NM3_PER_T * 1e-6
            eta = 1.0 - kept_kg_per_t / ef[p]
            out.append(
                [
                    sector,
                    p,
                    year,
                    round(eta, 7),
                    "share",
                    tag,
                    f"{src}. eta = 1 - {cap:g} mg/m3 x {to6:.4g} (O2 {o2:g} % -> 6 %) x "
                    f"{V_NM3_PER_T:.0f} Nm3/t / {ef[p]:.2f} kg/t uncontrolled (pollutants.csv, U) "
                    f"= 1 - {kept_kg_per_t:.4f}/{ef[p]:.2f}; flue-gas volume from {LIU2020} [P]",
                ]
            )
    missing = set(CAPPED) - set(sector_ids())
    if missing:
        raise SystemExit(
            f"build_removal_efficiency.py: sectors not in sectors.csv: {sorted(missing)}"
        )
    return out


if __name__ == "__main__":
    path = os.path.join(HERE, "removal_efficiency.csv")
    data = rows()
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["sector", "pollutant", "year", "value", "unit", "tag", "source"])
        w.writerows(data)
    print("wrote", path, len(data), "rows")
