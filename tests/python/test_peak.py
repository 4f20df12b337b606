"""Peak diagnostics from Python on constructed series with known answers."""
import numpy as np
import pytest

from peakpath.peak import peak

YEARS = np.arange(2020, 2031)


def test_classic_peak():
    p = peak([2020, 2021, 2022, 2023, 2024], [90, 100, 96, 92, 90])
    assert (p.year, p.value, p.status, p.rebound) == (2021, 100.0, "peaked", False)
    assert isinstance(p.year, int)
    assert p.decline_rate_after == pytest.approx(0.1 / 3)
    assert p.peaked


def test_flat_never_peaks():
    p = peak(YEARS, np.full(YEARS.size, 7.0))
    assert p.status == "never_peaks"
    assert (p.plateau_start, p.plateau_end) == (2020, 2030)


def test_monotone_rising_is_not_peaked():
    p = peak(YEARS, np.linspace(800, 950, YEARS.size))
    assert p.status == "not_peaked" and p.year == 2030
    assert p.decline_rate_after == 0.0


def test_monotone_falling_peaks_at_the_start():
    p = peak(YEARS, np.linspace(950, 800, YEARS.size))
    # The maximum in the first year: the peak may lie before the window (status at_start,
    # include/peakpath/targets/peak.hpp).
    assert p.status == "at_start" and p.year == 2020


def test_noisy_plateau():
    v = [95, 99.6, 100, 99.7, 100.4, 99.9, 100.1, 96, 92, 90, 88]
    p = peak(YEARS, v, tolerance=0.01)
    assert p.year == 2024 and p.plateau_start == 2021 and p.plateau_end == 2026
    assert not p.rebound


def test_double_peak_and_rebound():
    lower_second = [90, 100, 93, 97, 98, 91, 88, 85, 83, 80, 78]
    assert not peak(YEARS, lower_second).rebound
    higher_second = [90, 100, 93, 97, 101, 103, 99, 95, 91, 88, 84]
    p = peak(YEARS, higher_second)
    assert p.rebound and p.rebound_year == 2024 and p.year == 2025


def test_bad_input():
    with pytest.raises(ValueError, match=r"peak: values\[2\] = nan: must be finite"):
        peak([1, 2, 3], [1.0, 2.0, np.nan])
    with pytest.raises(ValueError, match=r"peak: years\[1\] = 2020: must be strictly increasing"):
        peak([2021, 2020], [1, 2])
    with pytest.raises(ValueError, match=r"tolerance = -0.5: must lie in \[0, 1\)"):
        peak([1, 2], [1, 2], tolerance=-0.5)


def test_peak_of_a_results_object(baseline):
    import peakpath as pp

    p = pp.peak(baseline, indicator="co2_total_mt")
    co2 = baseline.indicator("co2_total_mt")
    assert p.value == pytest.approx(co2.max())
    assert p.year == int(baseline.years[co2.argmax()])
    with pytest.raises(ValueError, match="give \\(years, values\\) or a Results object"):
        pp.peak([2020, 2021])
