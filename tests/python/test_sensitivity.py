"""Model-level Sobol sensitivity: an input that cannot act has index ~0, the driver ~1."""
import pytest

import peakpath as pp
from peakpath import analysis as A
from peakpath.sensitivity import sensitivity


def test_sensitivity_separates_a_driver_from_an_inert_lever():
    sc = pp.Scenario.load("shandong/baseline")
    # hydro here is pumped storage: capacity factor 0 (paths.csv). n = 64 keeps the test quick;
    # its first-order intervals are wide, and the result says so.
    with pytest.warns(A.SobolSampleWarning):
        r = sensitivity(
            sc,
            {
                "capacity_gw/solar@2030": A.uniform(60.0, 200.0),
                "scale:capacity_gw/hydro": A.uniform(0.5, 1.5),
            },
            indicator="co2_total_mt",
            year=2030,
            n=64,
            n_bootstrap=100,
        )
    frame = r.to_frame()
    assert frame.loc["capacity_gw/solar@2030", "ST"] == pytest.approx(1.0, abs=0.05)
    assert abs(frame.loc["scale:capacity_gw/hydro", "ST"]) < 1e-9


def test_sensitivity_bad_input():
    sc = pp.Scenario.load("shandong/baseline")
    with pytest.raises(ValueError, match="indicator = 'co2'"):
        sensitivity(sc, {"capacity_gw/solar@2030": A.uniform(60, 200)}, "co2", 2030)
    with pytest.raises(ValueError, match="year = 1990"):
        sensitivity(sc, {"capacity_gw/solar@2030": A.uniform(60, 200)}, "co2_total_mt", 1990)
    with pytest.raises(ValueError, match="uncertain is empty"):
        sensitivity(sc, {}, "co2_total_mt", 2030)
