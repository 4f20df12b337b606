"""Refining and coking as two product lines of petroleum_coking (CEADs sector 21)."""
import os

import pandas as pd
import pytest

import peakpath as pp

SHANDONG = os.path.join(os.path.dirname(__file__), "..", "..", "data", "shandong")
SECTOR = "petroleum_coking"
COAL_FAMILY = {
    "raw_coal",
    "cleaned_coal",
    "other_washed_coal",
    "briquettes",
    "coke",
    "coke_oven_gas",
    "other_gas",
    "other_coking_products",
}


def _sector_energy(res):
    energy = res.energy(by=("sector", "fuel"))
    return energy[energy.sector == SECTOR].pivot(index="year", columns="fuel", values="energy_mtce")


def test_line_shares_and_mixes_add_up_to_the_sector():
    """Line shares sum to 1 and the lines' fuel mixes, weighted by them, are the sector's
    CEADs-derived base-year mix; refining burns no coal-family fuel, coking no oil product."""
    data = pp.load_dataset("shandong")
    classes = [t for t in data.technologies if t["sector"] == SECTOR]
    assert {t["class"].split("_")[0] for t in classes} == {"refining", "coking"}
    shares = {
        line: sum(t["base_share"] for t in classes if t["class"].startswith(line))
        for line in ("refining", "coking")
    }
    assert sum(shares.values()) == pytest.approx(1.0, abs=1e-6)
    fuels = pd.read_csv(os.path.join(SHANDONG, "technology_fuels.csv"))
    mix = fuels[fuels["class"] == "refining_benchmark"].set_index("fuel")["share"]
    coking = fuels[fuels["class"] == "coking_benchmark"].set_index("fuel")["share"]
    assert not COAL_FAMILY & set(mix.index)
    assert not {"crude_oil", "refinery_gas", "lpg"} & set(coking.index)
    blend = mix.mul(shares["refining"]).add(coking.mul(shares["coking"]), fill_value=0.0)
    base = pd.read_csv(os.path.join(SHANDONG, "base_energy.csv"))
    base = base[base.sector == SECTOR].set_index("fuel")["energy_tce"]
    pd.testing.assert_series_equal(
        blend.sort_index(), (base / base.sum()).sort_index(), check_names=False, atol=1e-6
    )


def test_closing_coke_ovens_moves_the_sector_mix_from_coal_to_oil(baseline):
    """Shandong's coking capacity cuts (ref s5.4): phase out the coking line's below-baseline
    and baseline classes 2021-25; coal-family fuels fall, the base year does not move."""
    closed = pp.run(
        pp.Scenario.load("shandong/baseline").with_levers(
            phase_out_rate={
                f"{SECTOR}/coking_below_baseline": {2021: 0.2, 2025: 0.2, 2026: 0},
                f"{SECTOR}/coking_baseline": {2021: 0.2, 2025: 0.2, 2026: 0},
            }
        )
    )
    free, cut = _sector_energy(baseline), _sector_energy(closed)
    coal = sorted(COAL_FAMILY & set(free.columns))
    coal_share = lambda e: e[coal].sum(axis=1) / e.sum(axis=1)  # noqa: E731
    assert coal_share(cut)[2020] == pytest.approx(coal_share(free)[2020], rel=1e-12)
    # A third of the coal share goes (2.8 pp in 2030; electrification, issue 12, shrinks every
    # non-electric share of the sector, so the drop is stated relative).
    assert coal_share(cut)[2030] < 0.7 * coal_share(free)[2030]
    cap = closed.capacity()
    assert (
        cap.loc[2026, f"{SECTOR}/coking_baseline"]
        < 0.05 * cap.loc[2020, f"{SECTOR}/coking_baseline"]
    )
