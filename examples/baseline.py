"""Example: run the shipped Shandong baseline from Python and print a few indicators."""
import peakpath as pp

results = pp.run(pp.Scenario.load("shandong/baseline"))
table = results.indicators().loc[
    [2020, 2025, 2030, 2035], ["co2_total_mt", "energy_total_mtce", "non_fossil_share"]
]
print(f"{results.scenario} ({results.region})")
print(table.round(3).to_string())
