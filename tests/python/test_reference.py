# SPDX-License-Identifier: Apache-2.0
# peakpath: the numpy/scipy reference (benchmarks/reference) agrees with the C++ model.
"""Every indicator, every year, to 1e-6 relative (1e-9 absolute near zero; the two residuals of
the electricity balance relative to consumption), for the shipped baseline and for scenarios
that move each block of the model.

Both sides integrate the capital stock tightly here (C++ at 1e-10, the reference at 1e-10):
at the default 1e-6 the residual ``electricity_thermal_twh`` (supply - imports - non-fossil)
magnifies the solver tolerance, and the thermal fleet's heat rate carries it to 3e-6, which is
not a difference of equations (docs/benchmarks.md).
"""
import functools
import os
import sys

import numpy as np
import pytest

import peakpath
from peakpath.scenario import Scenario

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "benchmarks", "reference"))
import reference_model  # noqa: E402

RTOL, ATOL = 1e-6, 1e-9
INDICATORS = list(peakpath._core.INDICATOR_NAMES)
# Residuals of the electricity balance (busbar supply - imports - non-fossil output): near zero
# they magnify the supply's relative error, so they are held to it in the scale of consumption.
RESIDUALS = {"electricity_thermal_twh", "electricity_curtailed_twh"}


def _baseline() -> Scenario:
    return Scenario.load("shandong/baseline")


SCENARIOS = {
    "baseline": _baseline,
    # Enough solar that non-fossil output exceeds local demand (curtailment) from the 2040s.
    "solar": lambda: _baseline().with_levers(
        capacity_gw={"solar": {2020: 22.7, 2030: 120, 2060: 600}}, replace=True
    ),
    "electrification": lambda: _baseline().with_levers(
        fuel_share={
            "transport/electricity": {2020: 0.05, 2060: 0.6},
            "ferrous_metals/electricity": {2020: 0.1, 2060: 0.4},
            "electricity_generation/natural_gas": {2020: 0.0014, 2060: 0.3},
        },
        replace=True,
    ),
    # Cement asks for more than it emits: capture is capped at combustion plus process CO2.
    "ccus": lambda: _baseline().with_levers(
        ccus_capture_mt={
            "power_heat": {2025: 0, 2060: 150},
            "nonmetal_minerals": {2030: 0, 2060: 1e4},
        }
    ),
    "imports": lambda: _baseline().with_levers(
        import_share={2020: 0.17, 2060: 0.4}, import_non_fossil_share={2020: 0.1, 2060: 0.8}
    ),
    "calorific": lambda: _baseline().with_electricity_method("calorific"),
    "ipcc2006": lambda: _baseline().with_factor_set("ipcc2006"),
    "stock_levers": lambda: _baseline().with_levers(
        phase_out_rate={"ferrous_metals/baseline": {2025: 0, 2026: 0.1, 2035: 0.1, 2036: 0}},
        utilisation={"nonmetal_minerals": {2020: 0.85, 2040: 0.7}},
        removal_efficiency={"power_heat/so2": 0.95, "power_heat/pm": 0.99},
        replace=True,
    ),
    # The thermal fleet: its least efficient units closed 2026-30 (drained to zero, so the
    # draw limit binds) while fewer imports and less solar and offshore wind make thermal
    # generation grow, so benchmark units are built.
    "thermal_fleet": lambda: _baseline().with_levers(
        phase_out_rate={"power_heat/below_baseline": {2025: 0, 2026: 0.1, 2030: 0.1, 2031: 0}},
        import_twh={2020: 117.98, 2030: 100, 2060: 50},
        capacity_gw={"solar": {2020: 22.72, 2060: 40}, "wind_offshore": 0},
    ),
}


@functools.lru_cache(maxsize=None)
def _runs(name):
    scenario = SCENARIOS[name]()
    return peakpath._core.run(scenario._core, 1e-10, 1e-10), reference_model.run(scenario)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_reference_agrees_on_every_indicator_and_year(name):
    core, ref = _runs(name)
    assert list(core.years) == list(ref.years.astype(int))
    assert INDICATORS == list(ref.indicators)
    consumption = core.indicator_values[:, INDICATORS.index("electricity_consumption_twh")]
    for i, indicator in enumerate(INDICATORS):
        expected, got = core.indicator_values[:, i], ref.indicators[indicator]
        scale = consumption if indicator in RESIDUALS else np.abs(expected)
        bad = np.abs(got - expected) > ATOL + RTOL * scale
        assert not bad.any(), (
            f"{name}: {indicator} differs in {list(ref.years[bad].astype(int))}"
            f": peakpath {expected[bad]}, reference {got[bad]}"
        )


@pytest.mark.parametrize("name", ["stock_levers", "thermal_fleet"])
def test_capacity_by_class_agrees(name):
    """The stock block (solve_ivp DOP853 vs Boost.Odeint dopri5, both at 1e-10) on its own, in
    the scale of each sector's capacity: the industrial sectors and the thermal fleet (GW)."""
    core, ref = _runs(name)
    data = reference_model.load_data(Scenario.load("shandong/baseline").dataset.directory)
    ids = [f"{data.sector_ids[s.sector]}/{c.name}" for s in ref.stocks for c in s.classes]
    assert list(core.capacity_ids) == ids
    assert ids[-3:] == ["power_heat/below_baseline", "power_heat/baseline", "power_heat/benchmark"]
    column = 0
    for stock in ref.stocks:
        cpp = core.capacity[:, column : column + stock.capacity.shape[1]]
        column += stock.capacity.shape[1]
        scale = cpp.sum(axis=1, keepdims=True)
        assert np.abs(stock.capacity - cpp).max(initial=0) <= 1e-7 * scale.max()


@pytest.mark.parametrize(
    "name,indicator,check",
    [
        ("solar", "electricity_curtailed_twh", lambda new, base: new[-1] > 0 and base[5] == 0),
        ("ccus", "co2_captured_mt", lambda new, base: new[-1] > 150 and base[-1] == 0),
        ("calorific", "non_fossil_share", lambda new, base: new[-1] < base[-1]),
        ("ipcc2006", "co2_energy_mt", lambda new, base: new[0] > base[0]),
        ("imports", "electricity_import_twh", lambda new, base: new[-1] > base[-1]),
        ("electrification", "electricity_consumption_twh", lambda new, base: new[-1] > base[-1]),
        ("stock_levers", "so2_kt", lambda new, base: new[-1] < base[-1]),
        (
            "thermal_fleet",
            "thermal_heat_rate_gce_per_kwh",
            lambda new, base: new[0] == base[0] and new[11] < base[11] - 10,
        ),  # 2031
    ],
)
def test_each_scenario_moves_what_it_changes(name, indicator, check):
    """A lever that silently did nothing would make the agreement prove little."""
    assert check(_runs(name)[1].indicators[indicator], _runs("baseline")[1].indicators[indicator])


def test_electricity_methods_differ_only_by_primary_electricity():
    """docs/model.md: both methods agree on fossil energy and differ by primary electricity x
    (heat rate - 122.9 gce/kWh)."""
    ref = _runs("baseline")[1]
    ph = ref.power_heat
    primary = ph.non_fossil_used_twh + ph.imports_twh
    difference = ref.indicators["energy_total_mtce"] - ref.indicators["energy_total_calorific_mtce"]
    np.testing.assert_allclose(difference, primary * (ph.heat_rate - 122.9) * 1e-3, rtol=1e-12)
