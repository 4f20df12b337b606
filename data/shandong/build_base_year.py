#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# peakpath data: builds the Shandong base-year dataset from the CEADs inventory.
"""Build the Shandong dataset (base year 2020) from the CEADs 2019 CO2 inventory.

Usage:
    /usr/bin/python3 data/shandong/build_base_year.py [CEADS_DIR]

CEADS_DIR defaults to ../../../shared/reference/ceads relative to this file (i.e.
/work/shared/reference/ceads). The script reads shandong_co2_2019.csv and
../fuels/factors_china.csv and writes, next to itself:

    sectors.csv, base_activity.csv, base_energy.csv, base_process.csv,
    power.csv, power_fuels.csv, paths.csv, calibration.csv

Every number below carries a tag: V (seen in the cited source), P (derived from V
numbers; the derivation is the code), U (unconfirmed default, overridable).
SOURCES.md explains each group. The script prints the derived base-year totals.

Method (fossil fuels): energy_tce[s,f] = CO2[s,f] / k_f with
k_f = 29.3076 GJ/tce x co2_kg_per_tj_f x oxidation_f / 1e6  (t CO2 per tce), using the
'china' factor set, so the model with the china factors reproduces CEADs CO2 by sector
and fuel exactly. The 2019 inventory (latest available) is used unscaled as the 2020
base year (Shandong total energy use grew 1.1 % in 2020, NBS 2021-08-23: within the
calibration tolerance).
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REF = "shared/reference/china-energy-facts.md"
CEADS_SRC = (
    "CEADs Shandong 2019 inventory (Emission_Inventories_for_30_Provinces_2019.xlsx, "
    "sheet Shandong2019, via Open-Earth-Foundation/OpenClimate commit 69328b0a; "
    "https://www.ceads.net/data/province/; shared/reference/ceads/README.md)"
)
TCE_GJ = 29.3076
YEAR_CEADS = 2019
BASE = 2020

# ------------------------------------------------------------------ sectors ----------
# id, name, CEADs sector numbers, group, two_high
SECTORS = [
    (
        "agriculture",
        "Farming, forestry, animal husbandry, fishery, water conservancy",
        [1],
        "agriculture",
        0,
    ),
    ("coal_mining", "Coal mining and dressing", [2], "industry", 0),
    ("oil_gas_extraction", "Petroleum and natural gas extraction", [3], "industry", 0),
    ("other_mining", "Metal, non-metal and other mining; logging", [4, 5, 6, 7, 8], "industry", 0),
    (
        "light_manufacturing",
        "Food, textiles, wood, paper, printing, pharma, fibres, rubber, plastics",
        list(range(9, 21)) + [23, 24, 25, 26],
        "industry",
        0,
    ),
    ("petroleum_coking", "Petroleum processing and coking", [21], "two_high_industry", 1),
    ("chemicals", "Raw chemical materials and chemical products", [22], "two_high_industry", 1),
    ("nonmetal_minerals", "Non-metal mineral products", [27], "two_high_industry", 1),
    ("ferrous_metals", "Smelting and pressing of ferrous metals", [28], "two_high_industry", 1),
    (
        "nonferrous_metals",
        "Smelting and pressing of non-ferrous metals",
        [29],
        "two_high_industry",
        1,
    ),
    (
        "equipment_manufacturing",
        "Metal products, machinery, transport, electrical and electronic " "equipment, instruments",
        list(range(30, 37)),
        "industry",
        0,
    ),
    (
        "other_industry",
        "Other manufacturing, scrap and waste, gas supply, tap water supply",
        [37, 38, 40, 41],
        "industry",
        0,
    ),
    (
        "power_heat",
        "Production and supply of electric power, steam and hot water",
        [39],
        "power_heat",
        1,
    ),
    ("construction", "Construction", [42], "construction", 0),
    ("transport", "Transport, storage, post and telecommunications", [43], "transport", 0),
    ("services", "Wholesale, retail, catering and other services", [44, 45], "services", 0),
    ("households_urban", "Urban households", [46], "households", 0),
    ("households_rural", "Rural households", [47], "households", 0),
]
HOUSEHOLDS = ("households_urban", "households_rural")
PRODUCTION = [s[0] for s in SECTORS if s[0] not in HOUSEHOLDS]
INDUSTRY = [
    "coal_mining",
    "oil_gas_extraction",
    "other_mining",
    "light_manufacturing",
    "petroleum_coking",
    "chemicals",
    "nonmetal_minerals",
    "ferrous_metals",
    "nonferrous_metals",
    "equipment_manufacturing",
    "other_industry",
    "power_heat",
]

# ------------------------------------------------------------------ GDP 2020 ---------
GDP_SRC = (
    "Shandong provincial press conference 2021-01-19, http://jp.sdchina.com/show/4589335.html "
    f"({REF} s5.1)"
)
GDP_TOTAL = 73129.00  # 亿元 [V]
GDP_PRIMARY = 5363.76  # [V]
GDP_SECONDARY = 28612.19  # [V]
GDP_TERTIARY = 39153.05  # [V]
# National structure used to split Shandong's secondary and tertiary totals [V, national]:
NAT_SRC = (
    "NBS national quarterly GDP by industry as tabulated in the public dataset "
    "https://huggingface.co/datasets/wza/USTT (table n_9158, values in 亿元)"
)
NAT_CONSTRUCTION_2021 = 80138.5  # 2021 construction value added [V]
NAT_SECONDARY_2021 = 450904.5  # 2021 secondary value added [V]
NAT_TRANSPORT_2022Q1 = 10430.3  # 2022 Q1 transport, storage and post [V]
NAT_TERTIARY_2022Q1 = 153037.4  # 2022 Q1 tertiary [V]
NAT_INDUSTRY_2021 = 372575.3  # [V]
NAT_MANUF_2021 = 313797.2  # [V]
# Split of Shandong industry value added across the 12 industry sectors [U]: no Shandong
# value-added-by-industry table was reachable. Mining + utilities (coal, oil & gas, other
# mining, power_heat, other_industry) are set to ~17 % of industry value added, near the
# national 2021 non-manufacturing share (1 - 313797.2/372575.3 = 15.8 %, V); the
# manufacturing split reflects Shandong's chemical/refining-heavy profile. Overridable.
INDUSTRY_VA_SHARE = {
    "coal_mining": 0.035,
    "oil_gas_extraction": 0.020,
    "other_mining": 0.020,
    "light_manufacturing": 0.220,
    "petroleum_coking": 0.070,
    "chemicals": 0.120,
    "nonmetal_minerals": 0.060,
    "ferrous_metals": 0.060,
    "nonferrous_metals": 0.045,
    "equipment_manufacturing": 0.250,
    "other_industry": 0.030,
    "power_heat": 0.070,
}

# ------------------------------------------------------------------ population -------
POP_SRC = (
    "7th census 2020-11-01: 101,527,453 persons, http://www.hbzqbyyxgs.com/news/484630.html "
    f"({REF} s5.2)"
)
POP_2020 = 10152.7453  # 10k persons [V]
POP_2021 = 10169.99  # [V] http://qiantimeigw.com/ShuJuXiangGuan/1015893.html
URB_2021 = 0.6394  # [V] same
URB_2020 = 0.6394 - 0.0089  # [P] 2021 value minus the reported +0.89 pp (ref s5.2)

# ------------------------------------------------------------------ electricity ------
# 2020 total electricity consumption (全社会用电量). ~6,940 亿kWh as given in the project brief;
# no primary source was reachable here [U]. Cross-checks: H1 2020 net imports 53.31 TWh
# (https://mp.zgkyb.com/m/news/17695, V) vs 17 % x 694 = 118 TWh for the full year.
ELEC_TWH = 694.0  # [U]
SHARE_COAL, SHARE_CLEAN, SHARE_IMPORT = 0.68, 0.15, 0.17  # [V] 能源发展十四五规划 (ref s1.4)
SHARE_SRC = (
    "山东省能源发展'十四五'规划: coal power : clean : imports = 68:15:17 in 2020, "
    f"http://kuainv.com.cn/news/show.php?itemid=95935 ({REF} s1.4)"
)
OWN_USE = 0.0465  # [U] plant own use / gross generation (national 2020 order of magnitude)
LINE_LOSS = 0.0562  # [U] transmission & distribution losses / busbar supply (national 2020)
COAL_HR_2020 = 305.5  # gce/kWh supply coal rate, national 2020 [U] (ref s3, CEC, not seen)
GAS_HR = 232.0  # gce/kWh [U]: 0.1229 kgce/kWh / 0.53 net CCGT efficiency (ASSUMPTION)
HEAT_EFF = 0.85  # heat output / fuel input [U] (ASSUMPTION, typical boiler/CHP heat share)
IMPORT_NONFOSSIL = 0.10  # [U] 2020 default. Bounds: 2024 = 23 % renewable (V, Xinhua via
# https://www.thebignews.us/energy-shandong-imports-12-2-trillion-kwh-of-electricity-over-two-decades-931156.html);
# the 7.4 % non-fossil share of 2020 (V) implies ~5 % with this dataset's other defaults (P).

# National end-use structure used to split Shandong's end use [V national 2021, applied U]:
# primary 102.3, secondary ~5,600, tertiary ~1,400, residential ~1,170 (10^8 kWh), NEA via
# https://peoplesdaily.pdnews.cn/business/er/30001271907
NAT_ELEC = {"primary": 102.3, "secondary": 5600.0, "tertiary": 1400.0, "residential": 1170.0}
# within secondary [U]: Shandong-specific guesses (aluminium electrolysis makes non-ferrous
# the largest); power_heat own use is handled by OWN_USE, so power_heat gets 0 here.
SECONDARY_ELEC_SHARE = {
    "coal_mining": 0.020,
    "oil_gas_extraction": 0.015,
    "other_mining": 0.010,
    "light_manufacturing": 0.150,
    "petroleum_coking": 0.040,
    "chemicals": 0.160,
    "nonmetal_minerals": 0.080,
    "ferrous_metals": 0.100,
    "nonferrous_metals": 0.220,
    "equipment_manufacturing": 0.120,
    "other_industry": 0.065,
    "power_heat": 0.0,
    "construction": 0.020,
}
TERTIARY_ELEC_SHARE = {"transport": 0.15, "services": 0.85}  # [U]

# ------------------------------------------------------------------ capacity ---------
CAP_SRC_TOTAL = (
    "end-2020 new+renewable capacity 47.912 GW = 30.1 % of total; 山东省'十四五'应对"
    "气候变化规划 https://m.dragongams.com/mnews/20211221/1194778.shtml "
    f"({REF} s1.4, s5.3)"
)
CAP_TOTAL_2020 = 47.912 / 0.301  # [P] ~159.2 GW
COAL_CAP_SHARE = 0.662  # [V] press conference 2022-03 (ref s5.3)
CAP_2020 = {  # GW
    "wind_onshore": (
        17.95,
        "U",
        "17.95 GW end-2020 as given in the project brief (NEA grid-connected "
        "statistics, not seen here); consistent with the 47.912 GW new+renewable total; "
        "end-Nov 2020 was 15.835 GW (V, http://m.selectshandong.com/home/article_jp/index/"
        "id/11952/cid/723.html)",
    ),
    "wind_offshore": (
        0.0,
        "U",
        "ASSUMPTION: no grid-connected offshore wind in Shandong before 2021",
    ),
    "solar": (
        22.72,
        "U",
        "22.72 GW end-2020 as given in the project brief (not seen here); end-Nov "
        "2020 21.347 GW (V, selectshandong page above)",
    ),
    "nuclear": (
        2.5,
        "U",
        "Haiyang units 1-2 (2 x 1.25 GW AP1000) as given in the project brief; "
        "operating + under construction 5.7 GW in 2020 (V, selectshandong page above)",
    ),
    "biomass": (3.294, "V", "3.294 GW (329.4万kW), end-Nov 2020, selectshandong page above"),
}
HYDRO_2020 = 47.912 - sum(v[0] for v in CAP_2020.values())  # [P] residual incl. pumped storage
COAL_2020 = CAP_TOTAL_2020 * COAL_CAP_SHARE  # [P]
GAS_2020 = CAP_TOTAL_2020 - 47.912 - COAL_2020  # [P] residual "other thermal"
CF = {  # capacity factors (annual average)
    "wind_onshore": (
        round(476 * 4 / 8760, 3),
        "P",
        "Q1 2020 Shandong wind utilisation 476 h (CEC, "
        "https://www.nengapp.com/news/485edbe054073eab4e8910c562c06b96) x 4 / 8760; Q1 is "
        "a windy season, so this may overstate the annual value",
    ),
    "wind_offshore": (
        0.30,
        "U",
        "ASSUMPTION: typical Chinese offshore wind (~2,600 h); not sourced",
    ),
    "solar": (
        0.133,
        "P",
        "lower bound from 2023: PV+wind generation 115 TWh, end-2023 PV 56.38 GW, "
        "wind 25.91 GW (Xinhua, http://en.people.cn/n3/2024/0104/c90000-20118337.html): "
        "(115 - 25.91 x 0.217 x 8.76) / (56.38 x 8.76) = 0.133 with end-year capacity",
    ),
    "nuclear": (0.85, "U", "ASSUMPTION: typical PWR availability (~7,450 h); not sourced"),
    "biomass": (
        0.51,
        "U",
        "national 2020 biomass generation 1,326 亿kWh (CEC, V, https://kpfans.com/"
        "article/yXWygppMv1.html) / ~29.5 GW national capacity (not seen, U)",
    ),
    "hydro": (
        0.0,
        "P",
        "Shandong 'hydro' capacity is essentially pumped storage, a net consumer: "
        "zero net generation assumed",
    ),
}

# ------------------------------------------------------------------ helpers ----------


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {name}: {len(rows)} rows")


def r(x, nd=6):
    return float(f"{x:.{nd}g}") if abs(x) < 1 else round(x, 4)


def main(ceads_dir):
    factors = {
        row["fuel"]: row
        for row in read_csv(os.path.join(REPO, "data", "fuels", "factors_china.csv"))
    }
    fuels = [row["id"] for row in read_csv(os.path.join(REPO, "data", "fuels", "fuels.csv"))]
    k = {
        f: TCE_GJ * float(factors[f]["co2_kg_per_tj"]) * float(factors[f]["oxidation"]) / 1e6
        for f in fuels
    }  # t CO2 per tce
    inv = read_csv(os.path.join(ceads_dir, f"shandong_co2_{YEAR_CEADS}.csv"))
    fossil = fuels[:17]
    sec_of = {}
    for sid, _, nums, _, _ in SECTORS:
        for n in nums:
            sec_of[n] = sid
    assert sorted(sec_of) == list(range(1, 48)), "sector mapping must cover CEADs 1..47"

    co2 = {}  # (sector, fuel) -> Mt
    process = {}
    for row in inv:
        s = sec_of[int(row["sector_no"])]
        for f in fossil:
            v = float(row[f])
            if v != 0.0:
                co2[(s, f)] = co2.get((s, f), 0.0) + v
        p = float(row["process"])
        if p != 0.0:
            process[s] = process.get(s, 0.0) + p
    energy = {key: v * 1e6 / k[key[1]] for key, v in co2.items()}  # tce

    # ---- power & heat: sector 39 fuel is input to generation, not final use -------------
    in39 = {f: e for (s, f), e in energy.items() if s == "power_heat"}
    t39 = sum(in39.values())
    imports = SHARE_IMPORT * ELEC_TWH  # TWh [P]
    own_use = OWN_USE * (ELEC_TWH - imports)  # [P]
    busbar = ELEC_TWH - own_use  # [P]
    losses = LINE_LOSS * busbar  # [P]
    end_use = busbar - losses  # TWh [P]
    grid_loss_share = losses / end_use  # [P] losses per unit end use
    cap = {t: v[0] for t, v in CAP_2020.items()}
    cap["hydro"] = HYDRO_2020
    nonfossil = sum(cap[t] * CF[t][0] * 8.76 for t in CF)  # TWh [P]
    fossil_gen = busbar - imports - nonfossil  # TWh net [P]
    f_elec = fossil_gen * COAL_HR_2020 * 1e3  # tce [P]
    f_heat = t39 - f_elec  # tce [P] residual
    assert f_heat > 0, "heat residual must be positive"
    heat_gj = f_heat * TCE_GJ * HEAT_EFF
    heat_tce = heat_gj * 0.03412

    # ---- final energy rows --------------------------------------------------------------
    final = {key: e for key, e in energy.items() if key[0] != "power_heat"}
    # electricity end use split
    nat_tot = sum(NAT_ELEC.values())
    grp = {g: v / nat_tot for g, v in NAT_ELEC.items()}
    pop_urb = POP_2020 * URB_2020
    pop_rur = POP_2020 - pop_urb
    elec = {"agriculture": grp["primary"]}
    for s, sh in SECONDARY_ELEC_SHARE.items():
        elec[s] = grp["secondary"] * sh
    for s, sh in TERTIARY_ELEC_SHARE.items():
        elec[s] = grp["tertiary"] * sh
    elec["households_urban"] = grp["residential"] * pop_urb / POP_2020
    elec["households_rural"] = grp["residential"] * pop_rur / POP_2020
    assert abs(sum(elec.values()) - 1) < 1e-9
    for s, sh in elec.items():
        if sh > 0:
            final[(s, "electricity")] = end_use * 1e6 * sh * 0.1229  # MWh x tce/MWh
    # heat split: proportional to each sector's boiler-type fossil final use [P rule, U]
    boiler = [
        "raw_coal",
        "cleaned_coal",
        "other_washed_coal",
        "briquettes",
        "crude_oil",
        "fuel_oil",
        "diesel_oil",
        "lpg",
        "refinery_gas",
        "other_petroleum_products",
        "natural_gas",
    ]
    base = {}
    for (s, f), e in final.items():
        if f in boiler:
            base[s] = base.get(s, 0.0) + e
    btot = sum(base.values())
    for s, e in base.items():
        final[(s, "heat")] = heat_tce * e / btot

    order_s = [s[0] for s in SECTORS]
    rows = [
        [s, f, round(final[(s, f)], 3)]
        for s in order_s
        for f in fuels
        if (s, f) in final and round(final[(s, f)], 3) > 0
    ]
    write_csv("base_energy.csv", ["sector", "fuel", "energy_tce"], rows)

    # ---- process --------------------------------------------------------------------------
    write_csv(
        "base_process.csv",
        ["sector", "process", "co2_mt", "tag", "source", "in_ceads"],
        [
            [
                s,
                "cement",
                round(v, 6),
                "V",
                f"{CEADS_SRC}: 'Process' column (cement clinker "
                "calcination) of sector 27; 2019 value used for base year 2020",
                1,
            ]
            for s, v in process.items()
        ],
    )

    # ---- power fuels ----------------------------------------------------------------------
    pf = []
    mix_src = (
        f"{CEADS_SRC}: sector 39 fuel CO2 converted to tce with factors_china.csv; share of "
        "sector-39 fuel input in tce. ASSUMPTION [U]: the same mix is used for electricity and "
        "for heat (no fuel-by-output data)"
    )
    shares = {f: round(e / t39, 6) for f, e in in39.items() if e / t39 >= 5e-7}
    big = max(shares, key=shares.get)
    shares[big] = round(shares[big] + 1 - sum(shares.values()), 6)
    for out in ("electricity", "heat"):
        for f in fuels:
            if f in shares:
                pf.append([out, f, shares[f], "P", mix_src])
    write_csv("power_fuels.csv", ["output", "fuel", "share", "tag", "source"], pf)

    # ---- power scalars --------------------------------------------------------------------
    power = [
        [
            "electricity_consumption_twh",
            ELEC_TWH,
            "TWh",
            "U",
            "2020 total electricity consumption (全社会用电量) ~6,940 亿kWh as given in the project brief; "
            "primary source not reached (Shandong Statistical Yearbook 2021 has it) - overridable",
        ],
        [
            "end_use_electricity_twh",
            round(end_use, 3),
            "TWh",
            "P",
            "consumption - plant own use - grid losses = sum of electricity rows in base_energy.csv "
            "(/0.1229 tce per MWh); see build_base_year.py",
        ],
        [
            "coal_heat_rate_gce_per_kwh",
            COAL_HR_2020,
            "gce/kWh",
            "U",
            f"national 2020 supply coal rate (CEC), {REF} s3 [U]; Shandong value not found. Applied to "
            "all fossil generation (sector-39 mix) in the base year",
        ],
        [
            "gas_heat_rate_gce_per_kwh",
            GAS_HR,
            "gce/kWh",
            "U",
            "ASSUMPTION: 0.1229 kgce/kWh / 0.53 net combined-cycle efficiency; only for gas generation "
            "modelled separately",
        ],
        [
            "heat_boiler_efficiency",
            HEAT_EFF,
            "GJ/GJ",
            "U",
            "ASSUMPTION: heat delivered / fuel input for heat supply (boilers and the heat share of CHP)",
        ],
        [
            "grid_loss_share",
            round(grid_loss_share, 5),
            "1",
            "P",
            f"losses / end use = {LINE_LOSS} / (1 - {LINE_LOSS}); line-loss rate {LINE_LOSS} of busbar "
            "supply is the national 2020 order of magnitude [U]",
        ],
        [
            "plant_own_use_share",
            OWN_USE,
            "1",
            "U",
            "plant own use / gross generation, national 2020 order of magnitude [U]; the supply coal "
            "rate already covers own use, so this only converts net to gross generation",
        ],
        [
            "import_twh",
            round(imports, 3),
            "TWh",
            "P",
            f"{SHARE_IMPORT} x {ELEC_TWH} TWh; share: {SHARE_SRC}",
        ],
        [
            "import_non_fossil_share",
            IMPORT_NONFOSSIL,
            "1",
            "U",
            "ASSUMPTION for 2020 between two bounds: 2024 value 23 % renewable (Xinhua via https://www."
            "thebignews.us/energy-shandong-imports-12-2-trillion-kwh-of-electricity-over-two-decades-"
            "931156.html, V) and ~5 % implied by the 2020 non-fossil share 7.4 % with this dataset's "
            "other defaults (P); 2020 UHV imports came mainly from coal bases",
        ],
        [
            "heat_supply_pj",
            round(heat_gj / 1e6, 3),
            "PJ",
            "P",
            "residual: (sector-39 fuel input - electricity fuel) x 29.3076 x heat_boiler_efficiency; "
            "electricity fuel = net fossil generation x coal_heat_rate. Depends on the U heat rate and "
            "efficiency; not a published statistic",
        ],
        [
            "local_nonfossil_twh",
            round(nonfossil, 3),
            "TWh",
            "P",
            "sum of 2020 capacity x capacity factor x 8.76 (paths.csv)",
        ],
        [
            "fossil_generation_twh",
            round(fossil_gen, 3),
            "TWh",
            "P",
            "net: busbar supply - imports - local non-fossil",
        ],
        [
            "power_sector_fuel_tce",
            round(t39, 1),
            "tce",
            "P",
            f"{CEADS_SRC}: sector 39 fuel CO2 / china factors (t CO2 per tce)",
        ],
        [
            "electricity_fuel_tce",
            round(f_elec, 1),
            "tce",
            "P",
            "fossil_generation_twh x coal heat rate",
        ],
        [
            "heat_fuel_tce",
            round(f_heat, 1),
            "tce",
            "P",
            "power_sector_fuel_tce - electricity_fuel_tce",
        ],
    ]
    write_csv("power.csv", ["parameter", "value", "unit", "tag", "source"], power)

    # ---- sectors & activity -----------------------------------------------------------------
    srows = []
    for sid, name, nums, group, th in SECTORS:
        drv, unit = (
            ("population", "10k_persons") if sid in HOUSEHOLDS else ("value_added", "100m_cny")
        )
        srows.append([sid, name, ";".join(str(n) for n in nums), group, drv, unit, th])
    write_csv(
        "sectors.csv",
        ["id", "name", "ceads_sectors", "group", "activity_driver", "activity_unit", "two_high"],
        srows,
    )

    c_share = NAT_CONSTRUCTION_2021 / NAT_SECONDARY_2021
    t_share = NAT_TRANSPORT_2022Q1 / NAT_TERTIARY_2022Q1
    construction = round(GDP_SECONDARY * c_share, 2)
    transport = round(GDP_TERTIARY * t_share, 2)
    industry_total = round(GDP_SECONDARY - construction, 2)
    va = {
        "agriculture": GDP_PRIMARY,
        "construction": construction,
        "transport": transport,
        "services": round(GDP_TERTIARY - transport, 2),
    }
    acc = 0.0
    for s in INDUSTRY[:-1]:
        va[s] = round(industry_total * INDUSTRY_VA_SHARE[s], 2)
        acc += va[s]
    va["power_heat"] = round(industry_total - acc, 2)
    tot = round(sum(va[s] for s in PRODUCTION), 2)
    assert abs(tot - GDP_TOTAL) < 0.005, tot
    arows = []
    for sid in order_s:
        if sid == "agriculture":
            arows.append(
                [sid, va[sid], "100m_cny", "V", f"primary industry value added 2020, {GDP_SRC}"]
            )
        elif sid == "construction":
            arows.append(
                [
                    sid,
                    va[sid],
                    "100m_cny",
                    "P",
                    f"secondary 28,612.19 ({GDP_SRC}) x national construction share of secondary "
                    f"{c_share:.4f} = {NAT_CONSTRUCTION_2021}/{NAT_SECONDARY_2021} (2021, {NAT_SRC}); "
                    "national structure applied to Shandong [U]",
                ]
            )
        elif sid == "transport":
            arows.append(
                [
                    sid,
                    va[sid],
                    "100m_cny",
                    "P",
                    f"tertiary 39,153.05 ({GDP_SRC}) x national transport share of tertiary "
                    f"{t_share:.4f} = {NAT_TRANSPORT_2022Q1}/{NAT_TERTIARY_2022Q1} (2022Q1, "
                    f"{NAT_SRC}); national structure applied to Shandong [U]",
                ]
            )
        elif sid == "services":
            arows.append(
                [sid, va[sid], "100m_cny", "P", f"tertiary 39,153.05 - transport ({GDP_SRC})"]
            )
        elif sid in INDUSTRY:
            note = (
                "residual so that the production sectors sum to 73,129.00 exactly"
                if sid == "power_heat"
                else f"share {INDUSTRY_VA_SHARE[sid]}"
            )
            arows.append(
                [
                    sid,
                    va[sid],
                    "100m_cny",
                    "U",
                    f"industry value added {industry_total} (= secondary - construction, P) x "
                    f"ASSUMED {note} of industry value added; Shandong value added by industry "
                    "not reached - overridable (see SOURCES.md)",
                ]
            )
        elif sid == "households_urban":
            arows.append(
                [
                    sid,
                    round(pop_urb, 2),
                    "10k_persons",
                    "P",
                    f"{POP_SRC} x urbanisation {URB_2020:.4f} (2021 63.94 % - 0.89 pp, ref s5.2)",
                ]
            )
        else:
            arows.append(
                [
                    sid,
                    round(POP_2020 - round(pop_urb, 2), 2),
                    "10k_persons",
                    "P",
                    f"{POP_SRC} - urban population",
                ]
            )
    write_csv("base_activity.csv", ["sector", "value", "unit", "tag", "source"], arows)

    # ---- paths ------------------------------------------------------------------------------
    paths = []

    def add(var, key, year, val, unit, tag, src):
        paths.append([var, key, year, val, unit, tag, src])

    # 2021-2024 are observed (observed.csv) and written by build_history.py; from 2025 on the
    # path is an assumption.
    gdp = [
        (2020, 0.036, "V", f"real GDP growth 2020, {GDP_SRC}"),
        (
            2025,
            0.055,
            "U",
            "ASSUMPTION ~5.5 %/yr for 2025 (2018-2022 average was ~5.4 %, Shandong "
            "government work report 2023, http://www.tkjt8.cn/jujiao/2023/0113/119894.html); the "
            "observed 2025 growth, 5.5 % (observed.csv), only validates",
        ),
        (2030, 0.045, "U", "ASSUMPTION declining long-run path"),
        (2035, 0.040, "U", "ASSUMPTION declining long-run path"),
        (2040, 0.035, "U", "ASSUMPTION declining long-run path"),
        (2050, 0.025, "U", "ASSUMPTION declining long-run path"),
        (2060, 0.020, "U", "ASSUMPTION declining long-run path"),
    ]
    gdp_by_year = {y: v for y, v, _, _ in gdp}
    for y, v, t, s in gdp:
        add("gdp_growth", "total", y, v, "1/yr", t, s)

    # GDP drives activity (docs/dynamics.md): a value-added sector grows at its elasticity x its
    # industry's growth (observed 2021-2024, build_history.py) or x GDP growth; services take
    # the residual. The structural defaults [U] are sector growth rates at the node years,
    # restated as elasticities to the GDP growth of the same year, so that with the default GDP
    # path the sectors grow as assumed and a different GDP path moves them all.
    growth = {
        2025: {
            "agriculture": 0.03,
            "coal_mining": 0.0,
            "oil_gas_extraction": 0.0,
            "other_mining": 0.0,
            "light_manufacturing": 0.06,
            "petroleum_coking": 0.02,
            "chemicals": 0.04,
            "nonmetal_minerals": 0.01,
            "ferrous_metals": 0.0,
            "nonferrous_metals": 0.01,
            "equipment_manufacturing": 0.07,
            "other_industry": 0.05,
            "power_heat": 0.04,
            "construction": 0.04,
            "transport": 0.06,
        },
        2030: {
            "agriculture": 0.02,
            "coal_mining": -0.02,
            "oil_gas_extraction": -0.02,
            "other_mining": -0.02,
            "light_manufacturing": 0.045,
            "petroleum_coking": 0.0,
            "chemicals": 0.03,
            "nonmetal_minerals": -0.01,
            "ferrous_metals": -0.02,
            "nonferrous_metals": -0.01,
            "equipment_manufacturing": 0.06,
            "other_industry": 0.04,
            "power_heat": 0.03,
            "construction": 0.02,
            "transport": 0.05,
        },
        2040: {
            "agriculture": 0.015,
            "coal_mining": -0.03,
            "oil_gas_extraction": -0.03,
            "other_mining": -0.03,
            "light_manufacturing": 0.03,
            "petroleum_coking": -0.02,
            "chemicals": 0.015,
            "nonmetal_minerals": -0.02,
            "ferrous_metals": -0.02,
            "nonferrous_metals": -0.01,
            "equipment_manufacturing": 0.04,
            "other_industry": 0.03,
            "power_heat": 0.02,
            "construction": 0.0,
            "transport": 0.035,
        },
        2060: {
            "agriculture": 0.01,
            "coal_mining": -0.03,
            "oil_gas_extraction": -0.03,
            "other_mining": -0.03,
            "light_manufacturing": 0.015,
            "petroleum_coking": -0.03,
            "chemicals": 0.005,
            "nonmetal_minerals": -0.02,
            "ferrous_metals": -0.02,
            "nonferrous_metals": -0.01,
            "equipment_manufacturing": 0.025,
            "other_industry": 0.02,
            "power_heat": 0.01,
            "construction": -0.005,
            "transport": 0.02,
        },
    }
    for y, g in growth.items():
        for s in PRODUCTION:
            if s == "services":
                continue  # the residual
            add(
                "activity_elasticity",
                s,
                y,
                round(g[s] / gdp_by_year[y], 4),
                "1",
                "U",
                f"ASSUMPTION: structural default, sector growth {g[s]} at GDP growth "
                f"{gdp_by_year[y]} (two-high and mining slower than GDP, equipment, light industry "
                "and transport faster) - overridable",
            )
    hh = {
        "households_urban": [(2021, None), (2030, 0.008), (2060, -0.002)],
        "households_rural": [(2021, None), (2030, -0.02), (2060, -0.02)],
    }
    urb_g = URB_2021 * POP_2021 / (URB_2020 * POP_2020) - 1
    rur_g = (1 - URB_2021) * POP_2021 / ((1 - URB_2020) * POP_2020) - 1
    for s, pts in hh.items():
        for y, v in pts:
            if v is None:
                v = round(urb_g if s == "households_urban" else rur_g, 4)
                add(
                    "activity_growth",
                    s,
                    y,
                    v,
                    "1/yr",
                    "P",
                    "2020->2021 change of urban/rural population from year-end 2021 population "
                    "10,169.99万 and urbanisation 63.94 % (V, http://qiantimeigw.com/ShuJuXiangGuan/"
                    "1015893.html) vs 2020 (census, P)",
                )
            else:
                add(
                    "activity_growth",
                    s,
                    y,
                    v,
                    "1/yr",
                    "U",
                    "ASSUMPTION: continued urbanisation with a slowly shrinking total population",
                )

    # Within-sector (operational) improvement. Not solved to any target (issue 12: the former
    # -0.9 %/yr was root-solved to the 14th FYP's -14.5 % energy/GDP, which the target report
    # then "confirmed"). No Shandong statistic gives within-sector rates and no total-energy
    # observation exists for 2021-2024 (observed.csv), so the rate is a stated ASSUMPTION from
    # 2021: -2.5 %/yr, the same as the long-run default, below the -3.08 %/yr the 14th FYP
    # implies for energy/GDP as a whole (structure is counted by the activity paths).
    for s in PRODUCTION:
        add(
            "intensity_change",
            s,
            2021,
            -0.025,
            "1/yr",
            "U",
            "ASSUMPTION: -2.5 %/yr within-sector improvement from 2021 (stated, not fitted to a "
            "target; no within-sector statistic found), below the -3.08 %/yr the 14th FYP implies "
            "for energy/GDP as a whole",
        )
        add("intensity_change", s, 2030, -0.025, "1/yr", "U", "ASSUMPTION: as 2021")
        add("intensity_change", s, 2040, -0.02, "1/yr", "U", "ASSUMPTION")
        add("intensity_change", s, 2060, -0.015, "1/yr", "U", "ASSUMPTION")
    for s in HOUSEHOLDS:
        add(
            "intensity_change",
            s,
            2021,
            0.01,
            "1/yr",
            "U",
            "ASSUMPTION: per-capita household energy rises ~1 %/yr with income",
        )
        add("intensity_change", s, 2040, 0.0, "1/yr", "U", "ASSUMPTION: saturation")

    # Capacity below the baseline level retrofitted by the end of 2025 (发改产业〔2021〕1464号,
    # deadline tag U): a fifth of it each year 2021-2025, to the benchmark class. Policy in force
    # over the history years, so a dataset path shared by every scenario (was baseline.yaml).
    RETRO = (
        "ASSUMPTION: a fifth of the capacity below the baseline level retrofitted to the "
        "benchmark class each year 2021-2025 (发改产业〔2021〕1464号, deadline tag U; "
        "data/rules/efficiency_levels.csv)"
    )
    for key in (
        "chemicals/below_baseline/benchmark",
        "ferrous_metals/below_baseline/benchmark",
        "nonferrous_metals/below_baseline/benchmark",
        "nonmetal_minerals/below_baseline/benchmark",
        "petroleum_coking/coking_below_baseline/coking_benchmark",
        "petroleum_coking/refining_below_baseline/refining_benchmark",
    ):
        for y, v in ((2020, 0.0), (2021, 0.2), (2025, 0.2), (2026, 0.0)):
            add("retrofit_rate", key, y, v, "1/yr", "U", RETRO)

    # capacity
    cap_pts = [
        (
            "coal",
            2020,
            round(COAL_2020, 3),
            "P",
            f"total {CAP_TOTAL_2020:.1f} GW ({CAP_SRC_TOTAL}, P) "
            "x coal share of capacity 66.2 % (V, press conference 2022-03, http://austinsherwood.com/"
            "portlspnews/10652)",
        ),
        (
            "gas",
            2020,
            round(GAS_2020, 3),
            "P",
            "residual other thermal (gas, oil, waste-heat/gas units): "
            "total - new&renewable - coal; gas proper is small (CEADs sector-39 gas 0.49 Mt CO2)",
        ),
        (
            "hydro",
            2020,
            round(HYDRO_2020, 3),
            "P",
            "residual: 47.912 GW new+renewable - wind - solar - "
            "nuclear - biomass; mostly pumped storage (Tai'an)",
        ),
    ]
    for t, (v, tag, src) in CAP_2020.items():
        cap_pts.append((t, 2020, v, tag, src))
    PLAN = (
        "能源保障网建设行动计划 (2022): 2025 PV 65 GW, wind 28 GW incl. offshore 8 GW; 2030 PV 125 GW, "
        "wind 55 GW incl. offshore 35 GW; total capacity 210/320 GW; new&renewable >=100/>=200 GW; "
        f"https://www.cnfrp.com/news/show-75444.html ({REF} s1.4)"
    )
    RE14 = (
        "山东省可再生能源发展'十四五'规划: biomass 4 GW, hydro incl. pumped storage 4 GW in 2025, "
        f"http://ksymf.com/newsxx,31238.html ({REF} s1.4)"
    )
    cap_pts += [
        ("solar", 2025, 65.0, "V", PLAN),
        ("wind_onshore", 2025, 20.0, "P", PLAN + " (28 - 8)"),
        ("wind_offshore", 2025, 8.0, "V", PLAN),
        ("biomass", 2025, 4.0, "V", RE14),
        ("hydro", 2025, 4.0, "V", RE14),
        (
            "nuclear",
            2025,
            5.7,
            "P",
            "2020 operating + under construction 5.7 GW (selectshandong page) "
            "assumed in operation by 2025",
        ),
        (
            "coal",
            2025,
            115.5,
            "P",
            "55 % of installed capacity (三年行动计划 2023, http://wrj28.com/shangye/"
            "74777.html, V) x 210 GW total (" + PLAN + ")",
        ),
        ("gas", 2025, round(GAS_2020, 3), "U", "ASSUMPTION: held at 2020"),
        ("solar", 2030, 125.0, "V", PLAN),
        ("wind_onshore", 2030, 20.0, "P", PLAN + " (55 - 35)"),
        ("wind_offshore", 2030, 35.0, "V", PLAN),
        ("biomass", 2030, 4.0, "U", "ASSUMPTION: held at 2025"),
        ("hydro", 2030, 4.0, "U", "ASSUMPTION: held at 2025"),
        ("nuclear", 2030, 12.0, "P", "200 GW new&renewable - (125 + 55 + 4 + 4) (" + PLAN + ")"),
        ("gas", 2030, round(GAS_2020, 3), "U", "ASSUMPTION: held at 2020"),
        (
            "coal",
            2030,
            round(320 - 200 - GAS_2020, 1),
            "P",
            "320 GW total - 200 GW new&renewable - other "
            "thermal (" + PLAN + "); NRDC advises <=108 GW (ref s6)",
        ),
        (
            "coal",
            2060,
            30.0,
            "U",
            "ASSUMPTION: mostly retired, remaining units for flexibility/CHP",
        ),
        ("solar", 2060, 250.0, "U", "ASSUMPTION"),
        ("wind_onshore", 2060, 30.0, "U", "ASSUMPTION"),
        ("wind_offshore", 2060, 80.0, "U", "ASSUMPTION"),
        ("nuclear", 2060, 30.0, "U", "ASSUMPTION"),
    ]
    for t, y, v, tag, src in cap_pts:
        add("capacity_gw", t, y, v, "GW", tag, src)
    for t, (v, tag, src) in CF.items():
        add("capacity_factor", t, 2020, v, "1", tag, src)
    add(
        "coal_heat_rate_gce_per_kwh",
        "total",
        2020,
        COAL_HR_2020,
        "gce/kWh",
        "U",
        f"national 2020 supply coal rate ({REF} s3)",
    )
    # The fleet's own turnover (technologies.csv, power_heat classes) moves the rate from here;
    # no retrofit rate is solved to the plan's ~295 gce/kWh (issue 12), which is a target only.
    thermal_gw = COAL_2020 + GAS_2020
    add(
        "utilisation",
        "power_heat",
        2020,
        round(fossil_gen / (thermal_gw * 8.76), 4),
        "1",
        "P",
        f"thermal fleet: net fossil generation {fossil_gen:.1f} TWh / (coal {COAL_2020:.3f} + other "
        f"thermal {GAS_2020:.3f} GW x 8760 h), capacities as in capacity_gw; held flat",
    )
    add(
        "import_twh",
        "total",
        2020,
        round(imports, 3),
        "TWh",
        "P",
        f"0.17 x {ELEC_TWH} TWh ({SHARE_SRC})",
    )
    c2024 = 150.0 / 0.186
    # 2024 is observed (observed.csv import_twh, build_history.py)
    add(
        "import_twh",
        "total",
        2025,
        round(0.20 * c2024 * 1.04, 1),
        "TWh",
        "P",
        f"20 % (60:20:20 structure, ref s1.4) x 2025 consumption = 2024 consumption {c2024:.0f} TWh "
        "(150/0.186, V) x 1.04 (ASSUMED growth)",
    )
    add(
        "import_twh",
        "total",
        2030,
        200.0,
        "TWh",
        "U",
        "ASSUMPTION: more UHV 'green power into Shandong'",
    )
    add("population", "total", 2020, round(POP_2020, 2), "10k_persons", "V", POP_SRC)
    add(
        "population",
        "total",
        2021,
        POP_2021,
        "10k_persons",
        "V",
        "year-end 2021, http://qiantimeigw.com/ShuJuXiangGuan/1015893.html (ref s5.2)",
    )
    add("population", "total", 2030, 10100.0, "10k_persons", "U", "ASSUMPTION: slow decline")
    add("population", "total", 2060, 9000.0, "10k_persons", "U", "ASSUMPTION")
    add(
        "urbanisation",
        "total",
        2020,
        round(URB_2020, 4),
        "1",
        "P",
        "2021 value - 0.89 pp (ref s5.2)",
    )
    add(
        "urbanisation",
        "total",
        2021,
        URB_2021,
        "1",
        "V",
        "http://qiantimeigw.com/ShuJuXiangGuan/1015893.html",
    )
    add("urbanisation", "total", 2030, 0.72, "1", "U", "ASSUMPTION")
    add("urbanisation", "total", 2060, 0.80, "1", "U", "ASSUMPTION")
    write_csv("paths.csv", ["variable", "key", "year", "value", "unit", "tag", "source"], paths)

    # ---- calibration ------------------------------------------------------------------------
    cal = [
        ["gdp_100m_cny", 2020, GDP_TOTAL, 0.0001, "100m_cny", "V", GDP_SRC],
        ["gdp_share_primary", 2020, 0.073, 0.01, "1", "V", GDP_SRC + " (structure 7.3:39.1:53.6)"],
        ["gdp_share_secondary", 2020, 0.391, 0.01, "1", "V", GDP_SRC],
        ["gdp_share_tertiary", 2020, 0.536, 0.01, "1", "V", GDP_SRC],
        [
            "coal_share_energy",
            2020,
            0.668,
            0.10,
            "1",
            "V",
            f"press conference 2022-03, http://austinsherwood.com/portlspnews/10652 ({REF} s5.3)",
        ],
        [
            "non_fossil_share",
            2020,
            0.074,
            0.20,
            "1",
            "V",
            f"same ({REF} s5.3); coal-consumption method",
        ],
        ["elec_share_coal_power", 2020, SHARE_COAL, 0.05, "1", "V", SHARE_SRC],
        ["elec_share_clean", 2020, SHARE_CLEAN, 0.15, "1", "V", SHARE_SRC],
        ["elec_share_import", 2020, SHARE_IMPORT, 0.01, "1", "V", SHARE_SRC],
        ["co2_total_mt", 2019, 937.117, 0.001, "Mt", "V", CEADS_SRC],
        ["co2_power_heat_share", 2019, 0.602, 0.005, "1", "V", CEADS_SRC + " (564.44/937.12)"],
        ["co2_process_mt", 2019, 46.357, 0.001, "Mt", "V", CEADS_SRC + " (cement)"],
        [
            "energy_total_mtce",
            2020,
            418.0,
            0.10,
            "Mtce",
            "U",
            f"{REF} s5.3: ~418 Mtce reconstructed, not seen (consistent with the 2023 caps of 396 Mtce "
            "fossil + 44 Mtce non-fossil); coal-consumption method",
        ],
    ]
    write_csv(
        "calibration.csv", ["indicator", "year", "value", "tolerance", "unit", "tag", "source"], cal
    )

    # ---- report -----------------------------------------------------------------------------
    fam = {f: ("coal" if i < 8 else "oil" if i < 16 else "gas") for i, f in enumerate(fossil)}
    tot = {}
    for (s, f), e in final.items():
        g = fam.get(f, f)
        tot[g] = tot.get(g, 0.0) + e
    print("\n== derived base-year totals ==")
    for g, v in sorted(tot.items()):
        print(f"final {g:12s} {v/1e6:9.2f} Mtce")
    print(
        f"sector-39 fuel input {t39/1e6:.2f} Mtce; electricity {f_elec/1e6:.2f}; heat {f_heat/1e6:.2f}"
    )
    coal39 = sum(in39[f] for f in fossil[:8] if f in in39)
    print(
        f"sector-39 coal-family input {coal39/1e6:.2f} Mtce (raw coal {in39['raw_coal']/1e6:.2f})"
    )
    print(
        f"consumption {ELEC_TWH} TWh; end use {end_use:.1f}; own use {own_use:.1f}; losses {losses:.1f}; "
        f"imports {imports:.1f}; local non-fossil {nonfossil:.1f}; fossil net {fossil_gen:.1f}"
    )
    print(f"heat supply {heat_gj/1e6:.0f} PJ = {heat_tce/1e6:.2f} Mtce delivered")
    # indicators (coal-consumption method for primary electricity)
    fin_fossil = sum(e for (s, f), e in final.items() if f in fossil)
    coal_fin = sum(e for (s, f), e in final.items() if f in fossil[:8])
    prim_elec = (nonfossil + imports) * COAL_HR_2020 * 1e3
    nf = nonfossil * COAL_HR_2020 * 1e3 + imports * IMPORT_NONFOSSIL * COAL_HR_2020 * 1e3
    total = fin_fossil + t39 + prim_elec
    print(
        f"energy total (coal-consumption method) {total/1e6:.1f} Mtce; coal share "
        f"{(coal_fin + coal39)/total:.3f}; non-fossil share {nf/total:.3f}"
    )
    co2_total = sum(co2.values()) + sum(process.values())
    print(
        f"CO2 reproduced {co2_total:.3f} Mt; power share {sum(v for (s, f), v in co2.items() if s == 'power_heat')/co2_total:.4f}"
    )
    print(
        f"GDP split: industry {industry_total}, construction {construction}, transport {transport}"
    )


if __name__ == "__main__":
    default = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "reference", "ceads"))
    main(sys.argv[1] if len(sys.argv) > 1 else default)
