#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# peakpath data: builds fuels.csv, factors_ipcc2006.csv, factors_china.csv and
# pollutants.csv from the numbers below. Every number carries its source and a tag
# (V seen in source, P derived, U unconfirmed default). See data/shandong/SOURCES.md.
"""Build the fuel catalogue and the emission-factor sets.

Run:  /usr/bin/python3 data/fuels/build_fuels.py   (writes next to this file)
"""
import csv
import os

TCE_GJ = 29.3076  # 1 tce = 29,307.6 kJ/kgce x 1000 (GB/T 2589; ref file s3) [V arithmetic]
HERE = os.path.dirname(os.path.abspath(__file__))

REF = "shared/reference/china-energy-facts.md"
GBT = (
    "GB/T 2589 table 各种能源折标准煤参考系数 " "http://www.huatuo6.cn/wenku/rdvvd/4gNGBm3BKO (" + REF + " s3)"
)

# id, name, name_zh, unit, tce_per_unit, tce_tag, fossil, coal, state, note
FUELS = [
    ("raw_coal", "Raw coal", "原煤", "t", 0.7143, "V", 1, 1, "solid", ""),
    ("cleaned_coal", "Cleaned coal", "洗精煤", "t", 0.9000, "V", 1, 1, "solid", ""),
    (
        "other_washed_coal",
        "Other washed coal",
        "其他洗煤",
        "t",
        0.2857,
        "V",
        1,
        1,
        "solid",
        "GB/T value for washed middlings (洗中煤); slime is 0.2857-0.4286",
    ),
    ("briquettes", "Briquettes", "型煤", "t", 0.6000, "V", 1, 1, "solid", ""),
    ("coke", "Coke", "焦炭", "t", 0.9714, "V", 1, 1, "solid", ""),
    (
        "coke_oven_gas",
        "Coke oven gas",
        "焦炉煤气",
        "10^4 m3",
        6.1430,
        "V",
        1,
        1,
        "gas",
        "statistical-table value 6.1430 tce/10^4 m3 (GB/T range 5.714-6.143)",
    ),
    (
        "other_gas",
        "Other gas",
        "其他煤气",
        "10^4 m3",
        1.2860,
        "V",
        1,
        1,
        "gas",
        "GB/T value for blast-furnace gas (高炉煤气, ~3,763 kJ/m3), the gas CEADs' 'other gas' mostly "
        "is (BFG + converter gas, Shan et al. 2018 Table 1), so that the coefficient and the IPCC "
        "blast-furnace-gas CO2 factor describe the same gas: 3.769 MJ/m3 x 260 g/MJ = 0.98 kg CO2/m3. "
        "The statistical-table 'other gas' value 3.5701 tce/10^4 m3 is the water-gas (水煤气) "
        "coefficient (0.3571 kgce/m3, 10,454 kJ/m3); paired with 260 t/TJ it gave an impossible "
        "2.7 kg CO2/m3",
    ),
    (
        "other_coking_products",
        "Other coking products",
        "其他焦化产品",
        "t",
        1.3000,
        "V",
        1,
        1,
        "liquid",
        "coal tar, crude benzene etc.",
    ),
    ("crude_oil", "Crude oil", "原油", "t", 1.4286, "V", 1, 0, "liquid", ""),
    ("gasoline", "Gasoline", "汽油", "t", 1.4714, "V", 1, 0, "liquid", ""),
    ("kerosene", "Kerosene", "煤油", "t", 1.4714, "V", 1, 0, "liquid", ""),
    ("diesel_oil", "Diesel oil", "柴油", "t", 1.4571, "V", 1, 0, "liquid", ""),
    ("fuel_oil", "Fuel oil", "燃料油", "t", 1.4286, "V", 1, 0, "liquid", ""),
    ("lpg", "Liquefied petroleum gas", "液化石油气", "t", 1.7143, "V", 1, 0, "liquid", ""),
    (
        "refinery_gas",
        "Refinery gas",
        "炼厂干气",
        "t",
        1.5714,
        "V",
        1,
        0,
        "gas",
        "counted in tonnes as in the GB/T table",
    ),
    (
        "other_petroleum_products",
        "Other petroleum products",
        "其他石油制品",
        "t",
        1.2000,
        "V",
        1,
        0,
        "liquid",
        "",
    ),
    (
        "natural_gas",
        "Natural gas",
        "天然气",
        "10^4 m3",
        12.143,
        "V",
        1,
        0,
        "gas",
        "statistical-table value 12.143 tce/10^4 m3 (1.2143 kgce/m3); GB/T range 1.10-1.33 kgce/m3",
    ),
]


def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print("wrote", path, len(rows), "rows")


def fuels_rows():
    rows = []
    for fid, name, zh, unit, tce, tag, fossil, coal, state, note in FUELS:
        ncv = round(tce * TCE_GJ, 4)
        src = (
            f"tce_per_unit {tce} [V] {GBT}; ncv_gj_per_unit = tce_per_unit x 29.3076 GJ/tce "
            f"[P] (kept consistent with the authoritative GB/T coefficient; the table's own NCV "
            f"uses 4.1816 kJ/kcal and differs by ~0.1%)"
        )
        if note:
            src += "; " + note
        rows.append([fid, name, zh, unit, ncv, tce, fossil, coal, state, "P", src])
    rows.append(
        [
            "electricity",
            "Electricity",
            "电力",
            "MWh",
            3.6,
            0.1229,
            0,
            0,
            "electricity",
            "V",
            "calorific-equivalent method 0.1229 kgce/kWh = 0.1229 tce/MWh [V] NBS yearbook note "
            "https://www.stats.gov.cn/english/Statisticaldata/yearlydata/YB2001e/ml/gne.htm ("
            + REF
            + " s3); 3.6 GJ/MWh by definition",
        ]
    )
    rows.append(
        [
            "heat",
            "Heat",
            "热力",
            "GJ",
            1.0,
            0.03412,
            0,
            0,
            "heat",
            "V",
            "0.03412 kgce/MJ = 0.03412 tce/GJ [V] " + GBT + " (=1/29.3076)",
        ]
    )
    h2_tce = round(120.0 / TCE_GJ, 4)
    rows.append(
        [
            "hydrogen",
            "Hydrogen",
            "氢气",
            "t",
            120.0,
            h2_tce,
            0,
            0,
            "gas",
            "U",
            "ASSUMPTION: lower heating value 120 GJ/t (~120 MJ/kg, textbook LHV of H2; no "
            "Chinese statistical coefficient found) [U]; tce = 120/29.3076 [P]. Counted as "
            "non-fossil final energy; upstream emissions of hydrogen production are not included",
        ]
    )
    bio_tce = 0.5
    rows.append(
        [
            "biomass",
            "Biomass (solid, air-dry)",
            "生物质",
            "t",
            round(bio_tce * TCE_GJ, 4),
            bio_tce,
            0,
            0,
            "solid",
            "U",
            "ASSUMPTION: 0.5 tce/t (~14.65 GJ/t) typical air-dry crop straw; not confirmed "
            "against GB/T 2589-2020 [U]; override with the fuel actually used",
        ]
    )
    return rows


# ---------------------------------------------------------------- IPCC 2006 --------------
IPCC = (
    "IPCC 2006 GL Vol.2 Ch.2 Table 2.2 via iClimate/ghgpy src/ghgpy/data/efs.py commit "
    "352b27c8a9475ccc887915d0dfea1cf672dc5e91; https://www.ipcc-nggip.iges.or.jp/public/2006gl/"
    "pdf/2_Volume2/V2_2_Ch2_Stationary_Combustion.pdf (" + REF + " s4.1)"
)
IPCC_MAP = [
    (
        "raw_coal",
        94600,
        "V",
        "mapped to IPCC 'other bituminous coal' (Shandong and most Chinese "
        "steam coal is bituminous)",
    ),
    (
        "cleaned_coal",
        94600,
        "V",
        "mapped to IPCC 'coking coal' (cleaned coal is mainly coking coal)",
    ),
    ("other_washed_coal", 94600, "V", "mapped to IPCC 'other bituminous coal' (washing middlings)"),
    (
        "briquettes",
        97500,
        "P",
        "mapped to IPCC 'patent fuel' (97,500 kg/TJ; 'brown coal briquettes' "
        "has the same default), IPCC 2006 Vol.2 Ch.1 Table 1.4 / Ch.2 Table 2.2; not in the ghgpy "
        "transcription - seen in a public transcription of Table 2.2 (code index id 9902074361: "
        "'Patent fuel' 97500 kg CO2/TJ). Chinese 型煤 (coal briquettes) is a manufactured coal fuel, "
        "i.e. IPCC's patent fuel; P because the mapping is a choice",
    ),
    ("coke", 107000, "V", "IPCC 'coke oven coke'"),
    ("coke_oven_gas", 44400, "V", "IPCC 'coke oven gas'"),
    (
        "other_gas",
        260000,
        "P",
        "CHOICE: IPCC 'blast furnace gas' (IPCC 2006 Vol.2 Table 1.4 default "
        "260,000). CEADs 'other gas' = blast-furnace gas + converter gas (Shan et al. 2018 Sci. Data "
        "Table 1, https://www.nature.com/articles/sdata2017201/tables/2, as quoted in a public project "
        "note); BFG dominates the volume, converter gas (IPCC 182,000) is smaller. Paired with the GB/T "
        "blast-furnace-gas coefficient 1.2860 tce/10^4 m3 in fuels.csv (0.98 kg CO2/m3)",
    ),
    (
        "other_coking_products",
        80700,
        "P",
        "CHOICE: IPCC 'bitumen' (80,700) as the proxy for coal "
        "tar, the main other coking product; no separate IPCC default in the reference file",
    ),
    ("crude_oil", 73300, "V", "IPCC 'crude oil'"),
    ("gasoline", 69300, "V", "IPCC 'motor gasoline'"),
    (
        "kerosene",
        71500,
        "V",
        "IPCC 'jet kerosene' (most Chinese kerosene is jet fuel; 'other " "kerosene' is 71,900)",
    ),
    ("diesel_oil", 74100, "V", "IPCC 'gas/diesel oil'"),
    ("fuel_oil", 77400, "V", "IPCC 'residual fuel oil'"),
    ("lpg", 63100, "V", "IPCC 'LPG'"),
    ("refinery_gas", 57600, "V", "IPCC 'refinery gas'"),
    (
        "other_petroleum_products",
        73300,
        "P",
        "CHOICE: IPCC 'naphtha' (73,300; also the IPCC "
        "'other petroleum products' default). CEADs lumps naphtha, lubricants, paraffin, white spirit, "
        "bitumen and petroleum coke (Shan et al. 2018 Table 1)",
    ),
    ("natural_gas", 56100, "V", "IPCC 'natural gas'"),
]
ZERO = [
    (
        "electricity",
        "no direct CO2 at the point of use; generation emissions are counted in "
        "power_heat (scope 1) or via the optional scope-2 view",
    ),
    ("heat", "no direct CO2 at the point of use; heat-supply fuel is counted in power_heat"),
    (
        "hydrogen",
        "no direct CO2 when burned or used in fuel cells; production emissions are "
        "counted where the hydrogen is made",
    ),
    (
        "biomass",
        "0 by IPCC convention: biogenic CO2 is reported as a memo item, not in the energy "
        "total (IPCC 2006 Vol.2 Ch.1/2)",
    ),
]


def ipcc_rows():
    rows = [
        [f, ef, 1.0, tag, f"{IPCC}; {note}; oxidation 1.0 = IPCC 2006 default"]
        for f, ef, tag, note in IPCC_MAP
    ]
    rows += [[f, 0, 1.0, "P", note] for f, note in ZERO]
    return rows


# ---------------------------------------------------------------- China-specific ---------
OM = (
    "2016年度中国区域电网二氧化碳基准线排放因子OM编制说明 https://max.book118.com/html/2017/1201/142256742.shtm ("
    + REF
    + " s4.3)"
)
HELIYON = (
    "Heliyon 2023 9(11):e21241 Table 2 'Carbon emission factors of fossil fuels' "
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC10632432/table/tbl2 (Chinese provincial-"
    "inventory style carbon content kgC/GJ and oxidation rate)"
)
C2CO2 = 44.0 / 12.0


def cc(kgc_per_gj):
    """carbon content kgC/GJ -> kg CO2/TJ"""
    return round(kgc_per_gj * C2CO2 * 1000.0, 1)


CHINA = [
    (
        "raw_coal",
        87300,
        1.0,
        "V",
        f"{OM}: raw coal EF 87,300 kgCO2/TJ with oxidation 100%, as used in "
        "China's official grid-baseline calculation. The OM document calls it the IPCC lower 95% "
        "bound; in IPCC 2006 Vol.2 Ch.1 Table 1.4 87,300 is the lower bound of COKING COAL "
        "(94,600; 87,300-101,000) and of patent fuel/BKB, not of other bituminous coal "
        "(94,600; 89,500-99,700) - bounds as printed in Table 1.4, recalled, not seen in a stored "
        "copy here: verify. The value is kept (it is the official Chinese choice); only the label is "
        "corrected. Cross-check with "
        "Liu et al. 2015 Nature 524:335 (CEADs' coal factor, 'about 40% below IPCC' per tonne): "
        "0.499 tC/t at 20.908 GJ/t = 87,510 kgCO2/TJ (0.499 itself not seen, ref s4.3 [U]); "
        "differs by 0.2%. Per tonne: 1.825 tCO2/t raw coal vs 2.44 t/t with IPCC defaults (25.8 GJ/t x "
        "94,600), i.e. 25% lower per tonne",
    ),
    ("cleaned_coal", 87300, 1.0, "V", f"{OM}: same EF for cleaned coal (26,344 MJ/t)"),
    ("other_washed_coal", 87300, 1.0, "V", f"{OM}: same EF for other washed coal (8,363 MJ/t)"),
    (
        "briquettes",
        87300,
        1.0,
        "P",
        f"ASSUMPTION: coal-family factor of {OM} applied to briquettes "
        "(made from coal); no China-specific briquette value seen",
    ),
    ("coke", cc(29.5), 0.93, "V", f"{HELIYON}: coke 29.5 kgC/GJ, oxidation 0.93 -> 29.5x44/12"),
    (
        "coke_oven_gas",
        44400,
        1.0,
        "U",
        "no China-specific value found; IPCC 2006 'coke oven gas' "
        f"default used with oxidation 1.0 ({REF} s4.1) - overridable",
    ),
    (
        "other_gas",
        260000,
        1.0,
        "U",
        "no China-specific value found; IPCC 2006 'blast furnace gas' "
        "default (Vol.2 Table 1.4; CEADs other gas = BFG + converter gas, Shan et al. 2018 Table 1) "
        f"with oxidation 1.0 ({REF} s4.1), paired with the GB/T blast-furnace-gas coefficient "
        "1.2860 tce/10^4 m3 in fuels.csv (0.98 kg CO2/m3). The CEADs factor is not known; the energy "
        "implied for 'other gas' in base_energy.csv depends on this choice - overridable",
    ),
    (
        "other_coking_products",
        80700,
        1.0,
        "U",
        "no China-specific value found; IPCC 2006 'bitumen' "
        f"as coal-tar proxy, oxidation 1.0 ({REF} s4.1)",
    ),
    ("crude_oil", cc(20.1), 0.98, "V", f"{HELIYON}: crude oil 20.1 kgC/GJ, oxidation 0.98"),
    ("gasoline", cc(18.9), 0.98, "V", f"{HELIYON}: gasoline 18.9 kgC/GJ, oxidation 0.98"),
    ("kerosene", cc(19.6), 0.98, "V", f"{HELIYON}: kerosene 19.6 kgC/GJ, oxidation 0.98"),
    ("diesel_oil", cc(20.3), 0.98, "V", f"{HELIYON}: diesel 20.3 kgC/GJ, oxidation 0.98"),
    ("fuel_oil", cc(21.1), 0.98, "V", f"{HELIYON}: fuel oil 21.1 kgC/GJ, oxidation 0.98"),
    (
        "lpg",
        63100,
        1.0,
        "U",
        f"no China-specific value found; IPCC 2006 'LPG' default, oxidation 1.0 " f"({REF} s4.1)",
    ),
    (
        "refinery_gas",
        57600,
        1.0,
        "U",
        "no China-specific value found; IPCC 2006 'refinery gas' "
        f"default, oxidation 1.0 ({REF} s4.1)",
    ),
    (
        "other_petroleum_products",
        73300,
        1.0,
        "U",
        "no China-specific value found; IPCC 2006 "
        f"'naphtha/other petroleum products' default, oxidation 1.0 ({REF} s4.1)",
    ),
    ("natural_gas", cc(15.3), 0.99, "V", f"{HELIYON}: natural gas 15.3 kgC/GJ, oxidation 0.99"),
]


def china_rows():
    rows = [
        [
            f,
            ef,
            ox,
            tag,
            src + ". Expressed per TJ of NCV on the GB/T basis of fuels.csv "
            "(1 tce = 29.3076 GJ)",
        ]
        for f, ef, ox, tag, src in CHINA
    ]
    rows += [[f, 0, 1.0, "P", note] for f, note in ZERO]
    return rows


# ---------------------------------------------------------------- pollutants --------------
# Uncontrolled (before removal) factors per tce burned. Mostly [U]: no primary Chinese
# source (pollution-census coefficient tables, MEE inventory guideline) was reachable.
AP42_GAS = (
    "US EPA AP-42 Ch.1.4 natural gas, uncontrolled small boiler: NOx 1.60, PM 0.122, SO2 "
    "0.0096 g/m3 (as transcribed in a public emission-factor note; "
    "https://www3.epa.gov/ttn/chief/ap42/ch01/final/c01s04.pdf)"
)
NG_M3_PER_TCE = 1e4 / 12.143  # m3 per tce on the statistical-table coefficient


def pollutant_rows():
    ng = NG_M3_PER_TCE / 1000.0  # thousand m3 per tce -> g/m3 x 1000 m3 = kg
    coal_s = 1.0  # % sulphur, ASSUMPTION [U]
    coal_ash = 25.0  # % ash, ASSUMPTION [U]
    so2_rc = round(2 * 0.8 * coal_s * 10 / 0.7143, 2)  # 16 x S% kg/t -> per tce
    pm_rc = round(coal_ash * 10 * 0.8 / 0.7143, 1)  # 80% of ash to flue gas (PC boiler)
    nox_rc = round(8.0 / 0.7143, 2)
    coal_note = (
        "U: SO2 = 2 x 0.8 x S (80% of fuel sulphur to SO2) with S = 1.0% (ASSUMPTION), "
        "PM = ash x 0.8 to flue gas with ash = 25% (ASSUMPTION, pulverised-coal boiler), "
        "NOx = 8 kg/t coal (ASSUMPTION, uncontrolled PC boiler); per tce = per t / 0.7143. "
        "Replace with the 2nd national pollution-census coefficients when available"
    )
    rows = []
    for f in ("raw_coal", "cleaned_coal", "other_washed_coal", "briquettes"):
        rows.append(
            [f, so2_rc, nox_rc, pm_rc, "U", coal_note + " (same per tce for all coal types)"]
        )
    rows.append(
        [
            "coke",
            so2_rc,
            nox_rc,
            round(pm_rc / 4, 1),
            "U",
            "U: coal-family SO2/NOx per tce reused; PM one quarter of coal (coke burned in "
            "furnaces/cupolas, ASSUMPTION)",
        ]
    )
    for f in ("coke_oven_gas", "other_gas"):
        rows.append(
            [
                f,
                1.0,
                1.3,
                0.1,
                "U",
                "U: cleaned process gas, low sulphur/dust; NOx as " "natural gas (ASSUMPTION)",
            ]
        )
    rows.append(
        ["other_coking_products", 14.0, 4.2, 1.0, "U", "U: treated like fuel oil (ASSUMPTION)"]
    )
    rows.append(["crude_oil", 14.0, 4.2, 1.0, "U", "U: like fuel oil (ASSUMPTION)"])
    for f in ("gasoline", "kerosene"):
        rows.append(
            [
                f,
                0.01,
                10.0,
                0.1,
                "U",
                "U: China VI fuel 10 ppm S -> SO2 = 2 x 10e-6 t/t = "
                "0.02 kg/t (P); NOx/PM uncontrolled engine values ASSUMPTION",
            ]
        )
    rows.append(
        [
            "diesel_oil",
            0.01,
            25.0,
            2.0,
            "U",
            "U: China VI diesel 10 ppm S -> 0.02 kg/t "
            "(P); NOx 25 and PM 2 kg/tce uncontrolled diesel engine ASSUMPTION",
        ]
    )
    rows.append(
        [
            "fuel_oil",
            14.0,
            4.2,
            1.0,
            "U",
            "U: SO2 = 2 x S with S = 1.0% -> 20 kg/t -> 14 kg/tce "
            "(ASSUMPTION S); NOx 5.63 g/L (AP-42 Ch.1.3 Table 1.3-1) / 0.95 kg/L / 1.4286 "
            "= 4.15 kg/tce (P, density ASSUMPTION); PM ASSUMPTION",
        ]
    )
    rows.append(["lpg", 0.0, 1.5, 0.1, "U", "U: negligible sulphur; NOx/PM like gas (ASSUMPTION)"])
    rows.append(["refinery_gas", 0.1, 1.5, 0.1, "U", "U: like gas (ASSUMPTION)"])
    rows.append(["other_petroleum_products", 14.0, 4.2, 1.0, "U", "U: like fuel oil (ASSUMPTION)"])
    rows.append(
        [
            "natural_gas",
            round(0.0096 * ng, 4),
            round(1.60 * ng, 3),
            round(0.122 * ng, 3),
            "P",
            AP42_GAS + f"; x {NG_M3_PER_TCE:.1f} m3/tce (10^4/12.143)",
        ]
    )
    for f in ("electricity", "heat", "hydrogen", "biomass"):
        note = (
            "0: no combustion at point of use"
            if f != "biomass"
            else "0 here: biomass combustion pollutants are not modelled in this dataset (U; "
            "override if biomass boilers matter)"
        )
        rows.append([f, 0.0, 0.0, 0.0, "P" if f != "biomass" else "U", note])
    return rows


if __name__ == "__main__":
    write_csv(
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
        fuels_rows(),
    )
    write_csv(
        "factors_ipcc2006.csv", ["fuel", "co2_kg_per_tj", "oxidation", "tag", "source"], ipcc_rows()
    )
    write_csv(
        "factors_china.csv", ["fuel", "co2_kg_per_tj", "oxidation", "tag", "source"], china_rows()
    )
    write_csv(
        "pollutants.csv",
        ["fuel", "so2_kg_per_tce", "nox_kg_per_tce", "pm_kg_per_tce", "tag", "source"],
        pollutant_rows(),
    )
