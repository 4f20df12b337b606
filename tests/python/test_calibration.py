"""The shipped base year reproduces the published statistics within their stated tolerances."""
import pytest

import peakpath as pp
from peakpath.calibration import calibration_report


def test_every_calibration_point_is_within_tolerance(baseline):
    report = calibration_report(baseline)
    assert len(report) >= 10
    bad = report[~report.within]
    assert bad.empty, bad[
        ["indicator", "statistic", "model", "difference", "tolerance"]
    ].to_string()


def test_base_year_reproduces_ceads_exactly(baseline):
    """CEADs Shandong 2019 (Shan et al. 2018; Guan et al. 2021): 937.117 Mt, power 564.439 Mt."""
    ind = baseline.indicators().loc[2020]
    assert ind["co2_total_mt"] == pytest.approx(937.117, rel=1e-4)
    assert ind["co2_power_heat_mt"] == pytest.approx(564.439, rel=1e-4)
    assert ind["co2_process_mt"] == pytest.approx(46.357, rel=1e-4)
    assert ind["gdp_100m_cny"] == pytest.approx(73129.0, rel=1e-9)


def test_baseline_meets_the_2025_energy_intensity_target_it_was_solved_for(baseline):
    ind = baseline.indicators()["energy_intensity_tce_per_10k_cny"]
    ratio = ind[2025] / ind[2020]
    assert ratio <= 1 - 0.145  # meets the target
    assert ratio >= 1 - 0.145 - 5e-4  # and only just: the rate was solved for it


def test_unknown_calibration_indicator_is_reported(baseline):
    class FakeDataset:
        sector_ids = pp.load_dataset("shandong").sector_ids
        sector_groups = pp.load_dataset("shandong").sector_groups
        power = {"plant_own_use_share": 0.05}
        calibration = [
            {
                "indicator": "moon_share",
                "year": 2020,
                "value": 1.0,
                "tolerance": 0.1,
                "unit": "1",
                "source": "-",
            }
        ]

    with pytest.raises(ValueError, match="indicator 'moon_share' has no model counterpart"):
        calibration_report(baseline, FakeDataset())


def test_baseline_fleet_meets_the_2025_heat_rate_its_retrofits_were_solved_for(baseline):
    """山东省碳达峰实施方案: coal units at about 295 gce/kWh by 2025 (V); the baseline's
    below-baseline retrofit rate (6.74 %/yr, baseline.yaml) was solved for it."""
    rate = baseline.indicators()["thermal_heat_rate_gce_per_kwh"]
    assert rate[2020] == pytest.approx(305.5, abs=1e-9)
    assert rate[2025] == pytest.approx(295.0, abs=0.05)
