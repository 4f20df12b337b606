#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes data/shandong/observed.csv: Shandong observations 2016-2025 for the backcast (issue 12).

Every row is typed in here with its source and tag; rows marked 'derived' compute their value
from other rows, so the arithmetic is reproducible. Names, tags and tolerances are explained in
SOURCES.md, section "Observed series 2020-2025". Run:
    /usr/bin/python3 data/shandong/build_observed.py
"""
import csv
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "observed.csv")
rows = []


def add(ind, year, value, unit, tag, source, tol=""):
    rows.append([ind, year, value, unit, tag, source, tol])


PC2020 = (
    "Shandong provincial government press conference on 2020 economic performance, 2021-01-19, "
    "as reported by 闪电新闻 https://guanhai.com.cn/p/52055.html (also jp.sdchina.com/show/4589335.html, ref s5.1)"
)
PC2021 = (
    "Shandong provincial government press conference on 2021 economic performance, 2022-01-19, as reported by "
    "济南时报 http://news.e23.cn/shandong/2022-01-20/2022012000035.html and 大众日报 "
    "http://www.670241.com/zznews/content/2022-01/21/content_34107.html"
)
TW2022 = (
    "2022 Shandong GDP as quoted in 中國大陸投資環境簡介 (Taiwan MOEA InvestTaiwan e-book 112-93, p.162) "
    "https://investtaiwan.nat.gov.tw/eBook/Environment/112/112-93/files/basic-html/page162.html "
    "(quoting the 2022 Shandong statistical communique)"
)
CQ2023 = (
    "2023年山东省国民经济和社会发展统计公报 (山东省统计局, 国家统计局山东调查总队, 2024-03-03), section 一、综合; "
    "full-text repost https://tjgb.hongheiku.com/sjtjgb/45559.html"
)
for ind, vals in [
    ("gdp_growth", (0.036, 0.083, 0.039, 0.060)),
    ("gdp_growth/primary", (0.027, 0.075, 0.043, 0.045)),
    ("gdp_growth/secondary", (0.033, 0.072, 0.042, 0.065)),
    ("gdp_growth/tertiary", (0.039, 0.092, 0.036, 0.058)),
]:
    for year, v, tag, src in zip(
        (2020, 2021, 2022, 2023), vals, ("P", "P", "P", "V"), (PC2020, PC2021, TW2022, CQ2023)
    ):
        add(ind, year, v, "1/yr", tag, src + "; real growth at comparable prices")
add(
    "gdp_growth",
    2024,
    0.057,
    "1/yr",
    "P",
    "2024 Shandong GDP growth 5.7 % (Shandong statistics bureau, as reported by 澎湃新闻 "
    "https://m.thepaper.cn/newsDetail_forward_30035259, quoted at "
    "https://blob.wenxiaobai.com/article/182d53f0-1cf1-625f-648b-030a2c1942cd); by-industry rates not found",
)
add(
    "gdp_growth",
    2025,
    0.055,
    "1/yr",
    "P",
    "2025 Shandong GDP growth 5.5 % at constant prices, Shandong statistics bureau press conference 2026-01-23, as "
    "reported by https://www.itiger.com/news/1111730829 and China Daily http://m.ming7.cn/a/202601/23/WS69735f8fa310d6866eb3576d.html",
)
NOM = "100m CNY (current prices)"
add("gdp_nominal_100m_cny", 2020, 73129.0, NOM, "P", PC2020)
add("gdp_nominal_100m_cny", 2021, 83095.9, NOM, "P", PC2021)
add("gdp_nominal_100m_cny", 2022, 87435.1, NOM, "P", TW2022)
add("gdp_nominal_100m_cny", 2023, 92068.7, NOM, "V", CQ2023)
CQ2024 = (
    "2024年山东省国民经济和社会发展统计公报 (山东省统计局, 2025-03-05), "
    "http://tjj.shandong.gov.cn/art/2025/3/5/art_6196_10316729.html, values as transcribed in public "
    "repository code (an ingest script and a 'mart_province_gdp_2024' SQL view; code index ids 59810497637, "
    "59714172903) - the communique itself was not opened"
)
add(
    "gdp_nominal_100m_cny",
    2024,
    98565.8,
    NOM,
    "P",
    CQ2024 + "; 9万8566亿元 also in " "http://www.yzaobao.com/news/china/202601/0461449.html",
)
for k, v in (("primary", 5120.2), ("secondary", 39677.2), ("tertiary", 53768.4)):
    add(
        f"gdp_share_{k}",
        2024,
        round(v / 98565.8, 4),
        "1",
        "P",
        f"{k} value added {v} 亿元 / 98565.8 亿元 (5120.2 + 39677.2 + 53768.4), current prices, from: "
        + CQ2024,
        0.01,
    )
add(
    "gdp_nominal_100m_cny",
    2025,
    103197.0,
    NOM,
    "P",
    "2025 Shandong GDP 103197亿元, press conference 2026-01-23 (省统计局 傅相国), as reported by 大众新闻 via "
    "http://news.hgjy100.com/caijing/143020.html",
)
for year, s1, s2, s3, tag, src in [
    (2021, 6029.03, 33187.16, 43879.71, "P", PC2021),
    (2022, 6298.6, 35014.2, 46122.3, "P", TW2022),
]:
    tot = s1 + s2 + s3
    for k, v in (("primary", s1), ("secondary", s2), ("tertiary", s3)):
        add(
            f"gdp_share_{k}",
            year,
            round(v / tot, 4),
            "1",
            "P",
            f"{k} value added / sum of the three industries (current prices; {s1}+{s2}+{s3} 亿元) from: {src}",
            0.01,
        )
for k, v in (("primary", 0.071), ("secondary", 0.391), ("tertiary", 0.538)):
    add(f"gdp_share_{k}", 2023, v, "1", "V", CQ2023 + ": 三次产业结构为7.1:39.1:53.8", 0.01)
add(
    "gdp_share_primary",
    2025,
    0.066,
    "1",
    "P",
    "2025 structure 6.6:39.3:54.1, http://news.hgjy100.com/caijing/143020.html",
    0.01,
)
add(
    "gdp_share_secondary",
    2025,
    0.393,
    "1",
    "P",
    "2025 structure 6.6:39.3:54.1, http://news.hgjy100.com/caijing/143020.html",
    0.01,
)
add(
    "gdp_share_tertiary",
    2025,
    0.541,
    "1",
    "P",
    "2025 structure 6.6:39.3:54.1, http://news.hgjy100.com/caijing/143020.html",
    0.01,
)

# ---------------------------------------------------------------- energy intensity (NBS)
NBS2020 = (
    "NBS/NDRC/NEA communique on the 2020 decrease rate of energy consumption per 10,000 yuan GDP by region, "
    "2021-08-23, http://www.stats.gov.cn/english/PressRelease/202108/t20210824_1820860.html (Shandong row)"
)
NBS2018 = (
    "NBS/NDRC/NEA communique on the 2018 decrease rate of energy consumption per 10,000 yuan GDP by region, "
    "2019-09-17, repost https://www.marketscreener.com/news/National-Bureau-of-Statistics-of-China-Communique-on-the-Decrease-Rate-of-Energy-Consumption-per-1--29226684/ (Shandong row)"
)
TAB = (
    "table '2016-2023年全国各省市万元地区生产总值能耗上升或下降' of a 博研咨询 summary (stored page, no URL given; "
    "its columns are 2016-2020 although headed 2023: the 2018 and 2020 Shandong values equal the NBS communiques)"
)
add("energy_intensity_change", 2016, -0.0515, "1/yr", "P", TAB, 0.02)
add("energy_intensity_change", 2017, -0.0694, "1/yr", "P", TAB, 0.02)
add("energy_intensity_change", 2018, -0.0487, "1/yr", "V", NBS2018, 0.02)
add("energy_intensity_change", 2019, -0.0327, "1/yr", "P", TAB, 0.02)
add("energy_intensity_change", 2020, -0.0241, "1/yr", "V", NBS2020, 0.02)
add(
    "energy_total_growth",
    2020,
    0.011,
    "1/yr",
    "V",
    NBS2020 + " (growth rate of total energy consumption)",
    0.05,
)
add(
    "electricity_intensity_change",
    2020,
    -0.0167,
    "1/yr",
    "V",
    NBS2020 + " (power consumption per 10,000 yuan GDP)",
    0.02,
)
add(
    "electricity_total_consumption_growth",
    2020,
    round(1.036 * (1 - 0.0167) - 1, 4),
    "1/yr",
    "P",
    "derived: (1 + GDP growth 0.036) x (1 + electricity-intensity change -0.0167) - 1 = 0.0187, both from the "
    "rows above (NBS communique 2021-08-23 and the 2020 GDP release)",
    0.05,
)
add(
    "energy_intensity_change/industry_above_scale",
    2024,
    -0.074,
    "1/yr",
    "P",
    "2024 energy use per unit value added of above-scale industry -7.4 % (Shandong statistics bureau energy "
    "release, reposted at https://china-mcc.com/news_show-14379.html)",
    0.02,
)

# ---------------------------------------------------------------- electricity
MCC = (
    "Shandong statistics bureau release on 2024 energy production and use, reposted at "
    "https://china-mcc.com/news_show-14379.html"
)
add(
    "electricity_total_consumption_twh",
    2024,
    831.97,
    "TWh",
    "P",
    MCC + ": 全社会用电量 8319.7亿千瓦时, +4.5 %",
)
add(
    "electricity_total_consumption_twh",
    2023,
    round(831.97 / 1.045, 2),
    "TWh",
    "P",
    "derived: 2024 value 831.97 TWh / 1.045 (2024 growth 4.5 %), both from " + MCC,
)
add("electricity_total_consumption_growth", 2024, 0.045, "1/yr", "P", MCC, 0.02)
add(
    "electricity_consumption_twh/households",
    2024,
    103.28,
    "TWh",
    "P",
    MCC + ": 城乡居民生活用电量 1032.8亿千瓦时, +10.3 %",
)
add(
    "electricity_consumption_twh/households",
    2023,
    round(103.28 / 1.103, 2),
    "TWh",
    "P",
    "derived: 103.28 TWh / 1.103 (2024 growth 10.3 %), " + MCC,
)
add(
    "electricity_consumption_growth/primary",
    2024,
    0.142,
    "1/yr",
    "P",
    MCC + ": 第一产业用电量增长14.2%",
    0.02,
)
add(
    "electricity_consumption_growth/secondary",
    2024,
    0.028,
    "1/yr",
    "P",
    MCC + ": 第二产业用电量增长2.8%",
    0.02,
)
add(
    "electricity_consumption_growth/tertiary",
    2024,
    0.076,
    "1/yr",
    "P",
    MCC + ": 第三产业用电量增长7.6%",
    0.02,
)
add("electricity_consumption_growth/households", 2024, 0.103, "1/yr", "P", MCC, 0.02)
IMP = (
    "Xinhua on the 20th anniversary of 外电入鲁 (State Grid Shandong): in 2024 Shandong imported more than 150 "
    "billion kWh, 18.6 % of its total electricity consumption; 23 % of the imports renewable; "
    "https://www.thebignews.us/energy-shandong-imports-12-2-trillion-kwh-of-electricity-over-two-decades-931156.html"
)
add("elec_share_import", 2024, 0.186, "1", "P", IMP, 0.02)
add(
    "import_twh",
    2024,
    round(0.186 * 831.97, 2),
    "TWh",
    "P",
    "derived: import share 0.186 x 全社会用电量 831.97 TWh (rows above); the release itself says 'more than 150 "
    "billion kWh'; " + IMP,
)
add("import_non_fossil_share", 2024, 0.23, "1", "P", IMP, 0.05)

# ---------------------------------------------------------------- generation
add(
    "generation_twh/non_fossil",
    2024,
    185.90,
    "TWh",
    "P",
    MCC + ": 非化石能源发电量 1859.0亿千瓦时, +17.8 %, 27.5 % of generation",
)
add(
    "generation_twh/non_fossil",
    2023,
    round(185.90 / 1.178, 2),
    "TWh",
    "P",
    "derived: 185.90 / 1.178 (2024 growth 17.8 %), " + MCC,
)
add("generation_share/non_fossil", 2024, 0.275, "1", "P", MCC, 0.02)
add(
    "generation_share/non_fossil",
    2023,
    round(0.275 - 0.032, 3),
    "1",
    "P",
    "derived: 0.275 - 0.032 (share rose 3.2 pp in 2024), " + MCC,
    0.02,
)
add(
    "generation_twh/total",
    2024,
    round(185.90 / 0.275, 1),
    "TWh",
    "P",
    "derived: 185.90 TWh / 0.275, " + MCC,
)
add(
    "generation_twh/total",
    2023,
    round(185.90 / 1.178 / (0.275 - 0.032), 1),
    "TWh",
    "P",
    "derived: 157.81 TWh / 0.243 (rows above), " + MCC,
)

# ---------------------------------------------------------------- capacity
SG2023 = (
    "State Grid Shandong, end-2023 grid-connected capacity: PV 56.377 GW, wind 25.911 GW (Haibao News 2024-01-08, "
    "https://en.selectshandong.com/zdcy/xny/28078.shtml; Xinhua http://en.people.cn/n3/2024/0104/c90000-20118337.html)"
)
add("capacity_gw/solar", 2023, 56.377, "GW", "P", SG2023)
add(
    "capacity_gw/wind_total",
    2023,
    25.911,
    "GW",
    "P",
    SG2023 + "; onshore + offshore (split not given)",
)
add(
    "capacity_added_gw/solar",
    2022,
    9.26,
    "GW",
    "P",
    "NEA 2022 PV construction and operation statistics (国家能源局 2023-02-17): Shandong added 926万千瓦 in 2022 "
    "(2nd after Hebei), as reported by 北极星 https://mguangfu.bjx.com.cn/mnews/20230217/1289457.shtml",
)
add(
    "capacity_gw/non_fossil_total",
    2024,
    115.597,
    "GW",
    "P",
    MCC + ": 非化石能源发电装机容量 11559.7万千瓦, +23.0 %, 48.3 % of all capacity",
)
add(
    "capacity_gw/non_fossil_total",
    2023,
    round(115.597 / 1.230, 2),
    "GW",
    "P",
    "derived: 115.597 / 1.230 (2024 growth 23.0 %), " + MCC,
)
add("capacity_share/non_fossil", 2024, 0.483, "1", "P", MCC, 0.02)
add(
    "capacity_share/non_fossil",
    2023,
    round(0.483 - 0.039, 3),
    "1",
    "P",
    "derived: 0.483 - 0.039 (rose 3.9 pp in 2024), " + MCC,
    0.02,
)
add(
    "capacity_gw/total",
    2024,
    round(115.597 / 0.483, 2),
    "GW",
    "P",
    "derived: 115.597 GW / 0.483, " + MCC,
)
add(
    "capacity_gw/total",
    2023,
    round(115.597 / 1.230 / (0.483 - 0.039), 2),
    "GW",
    "P",
    "derived: 93.98 GW / 0.444 (rows above), " + MCC,
)
CAP2020 = (
    "end-2020 new and renewable capacity 47.912 GW = 30.1 % of installed capacity, 山东省'十四五'应对气候变化规划 "
    "https://m.dragongams.com/mnews/20211221/1194778.shtml (ref s1.4, s5.3)"
)
add(
    "capacity_gw/total",
    2020,
    round(47.912 / 0.301, 2),
    "GW",
    "P",
    "derived: 47.912 / 0.301, " + CAP2020,
)
add(
    "capacity_gw/coal",
    2020,
    round(47.912 / 0.301 * 0.662, 2),
    "GW",
    "P",
    "derived: total 159.18 GW (row above) x coal-power share of capacity 66.2 % (press conference 2022-03, "
    "http://austinsherwood.com/portlspnews/10652, ref s5.3); same derivation as paths.csv capacity_gw/coal 2020",
)
add(
    "capacity_gw/new_and_renewable_total",
    2020,
    47.912,
    "GW",
    "V",
    CAP2020 + "; 新能源和可再生能源 as the plan defines it",
)
add(
    "capacity_gw/nuclear",
    2020,
    2.5,
    "GW",
    "U",
    "Haiyang units 1-2, 2 x 1.25 GW AP1000, in commercial operation since 2018-10 / 2019-01 (Shanghai Daily "
    "2019-01-11, https://archive.shine.cn/nation/Nuclear-power-plant-boosts-Shandongs-economic-future/shdaily.shtml); "
    "U: that no other Shandong unit was counted at end-2020 is an assumption",
)

# ---------------------------------------------------------------- outputs
AM = (
    "Asian Metal, 'Shandong's crude steel production down by 1.97% in 2023' (NBS provincial data), "
    "https://wap.asianmetal.com/news/viewNews.am?nId=2031607"
)
add("production_mt/crude_steel", 2022, 76.03, "Mt", "P", AM)
add("production_mt/crude_steel", 2023, 74.56, "Mt", "P", AM)
add(
    "production_mt/crude_steel",
    2020,
    80.0,
    "Mt",
    "U",
    "'接近8000万吨' (close to 80 Mt, 3rd in China), https://www.ferro-alloys.com/News/Details/296412 (ref s5.4); "
    "approximate wording, hence U and a 5 % tolerance",
    0.05,
)
add("production_mt/coke", 2022, 29.11, "Mt", "P", AM)
add("production_mt/coke", 2023, 30.68, "Mt", "P", AM)
add(
    "production_mt/cement",
    2023,
    129.0,
    "Mt",
    "P",
    "Shandong 4th in China, 1.29亿吨 cement in 2023 (NBS provincial output as summarised by "
    "https://www.bs178.com/tuijian/17108123612088713.html); rounded to 1 Mt",
    0.05,
)
add(
    "coal_consumption_mt",
    2024,
    390.0,
    "Mt",
    "P",
    "'coal consumption in Shandong reached 390 million tons in 2024' (Sohu Caijing article as summarised by "
    "https://reportify.ai/news/1203033342786801664); round figure from a secondary summary, raw-coal basis "
    "(煤炭消费量) - compare with coal_consumption_mt only with care",
    0.1,
)

with open(OUT, "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["indicator", "year", "value", "unit", "tag", "source", "tolerance"])
    w.writerows(rows)
print("wrote", OUT, len(rows), "rows")
