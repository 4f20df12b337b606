"""Scenario-level LMDI decomposition (C6): exact, by sector, with the expected signs."""
import numpy as np
import pytest

import peakpath as pp
from peakpath.decomposition import decompose


def test_additive_decomposition_between_years_is_exact(baseline):
    d = decompose(baseline, years=(2020, 2030))
    ind = baseline.indicators()
    assert d.v0 == pytest.approx(ind.loc[2020, "co2_total_mt"], rel=1e-12)
    assert d.vT == pytest.approx(ind.loc[2030, "co2_total_mt"], rel=1e-12)
    assert d.effects.sum() == pytest.approx(d.vT - d.v0, abs=1e-9)
    assert d.by_sector.to_numpy().sum() == pytest.approx(d.vT - d.v0, abs=1e-9)
    assert list(d.effects.index) == [
        "activity",
        "structure",
        "intensity",
        "fuel_mix",
        "emission_factor",
    ]
    assert d.effects["activity"] > 0  # GDP grows
    assert d.effects["intensity"] < 0  # intensities fall


def test_multiplicative_decomposition_multiplies_to_the_ratio(baseline):
    d = decompose(baseline, years=(2020, 2035), kind="multiplicative")
    assert np.prod(d.effects.to_numpy()) == pytest.approx(d.vT / d.v0, rel=1e-12)


def test_between_scenarios_a_pure_emission_factor_change_lands_in_that_effect():
    base = pp.Scenario.load("shandong/baseline")
    a = pp.run(base)
    b = pp.run(base.with_factor_set("ipcc2006"))
    d = decompose(a, b, years=2030)
    assert d.effects["emission_factor"] == pytest.approx(d.vT - d.v0, rel=1e-9)
    for name in ["activity", "structure", "intensity", "fuel_mix"]:
        assert abs(d.effects[name]) < 1e-9


def test_a_new_fuel_is_credited_to_fuel_mix_and_ccus_is_its_own_term():
    base = pp.Scenario.load("shandong/baseline")
    a = pp.run(base)
    b = pp.run(
        base.with_levers(
            fuel_share={"transport/natural_gas": {2020: 0.0, 2030: 0.3}},
            ccus_capture_mt={"power_heat": 20.0},
            replace=True,
        )
    )
    d = decompose(a, b, years=2030)
    assert d.effects.sum() == pytest.approx(d.vT - d.v0, abs=1e-9)
    assert d.effects["ccus"] == pytest.approx(-20.0)
    assert abs(d.effects["activity"]) < 1e-9


def test_energy_decomposition_and_errors(baseline):
    d = decompose(baseline, years=(2020, 2060), quantity="energy")
    assert list(d.effects.index) == ["activity", "structure", "intensity", "fuel_mix"]
    assert d.effects.sum() == pytest.approx(d.vT - d.v0, abs=1e-9)
    with pytest.raises(ValueError, match="year 1990 is outside the run"):
        decompose(baseline, years=(1990, 2030))
    with pytest.raises(ValueError, match="quantity 'water'"):
        decompose(baseline, years=(2020, 2030), quantity="water")
    with pytest.raises(ValueError, match="give years="):
        decompose(baseline)


def test_waterfall_png(baseline, tmp_path):
    d = decompose(baseline, years=(2020, 2035))
    path = d.plot_waterfall(str(tmp_path / "waterfall.png"))
    assert open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="only an additive"):
        decompose(baseline, years=(2020, 2035), kind="multiplicative").plot_waterfall(
            str(tmp_path / "x.png")
        )
