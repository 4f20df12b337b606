"""Scenario-level LMDI decomposition of emissions or energy (C6).

CO2 of each (sector, fuel) is written as the product of five factors

    GDP  x  A_s / GDP  x  E_s / A_s  x  E_sf / E_s  x  C_sf / E_sf
    activity  structure   intensity   fuel mix       emission factor

(process CO2 enters as a pseudo-fuel of its sector whose "intensity" is process CO2 per unit
of activity and whose fuel-mix and emission-factor terms are 1), and decomposed with LMDI
(peakpath.analysis.lmdi; Ang 2015). CCUS is a separate additive term. Energy uses the first
four factors. Household sectors carry population as activity, so their structure term is
population per unit of GDP: the identity still holds exactly.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .analysis import lmdi

__all__ = ["Decomposition", "decompose", "EMISSION_FACTORS", "ENERGY_FACTORS"]

EMISSION_FACTORS = ["activity", "structure", "intensity", "fuel_mix", "emission_factor"]
ENERGY_FACTORS = EMISSION_FACTORS[:4]


@dataclass(frozen=True)
class Decomposition:
    """Effects of a change between two states (``label0`` -> ``labelT``).

    ``effects``: Series by factor (plus ``ccus`` for emissions when additive), in Mt CO2 or Mtce
    (additive) or as ratios (multiplicative); ``by_sector``: DataFrame sector x factor;
    ``total``: the change (or ratio); ``v0``, ``vT``: the two totals.
    """

    effects: pd.Series
    by_sector: pd.DataFrame
    total: float
    v0: float
    vT: float
    quantity: str
    kind: str
    label0: str
    labelT: str

    def plot_waterfall(self, path: str) -> str:
        """A waterfall chart of the effects, written as PNG (see peakpath.plot)."""
        from .plot import plot_waterfall

        return plot_waterfall(self, path)


def _factor_table(results, year: int, quantity: str):
    """Categories (sector, fuel) x factors for one year, and the CCUS total (Mt)."""
    t = int(np.where(results.years == year)[0][0]) if year in results.years else None
    if t is None:
        raise ValueError(
            f"decompose: year {year} is outside the run "
            f"({results.years[0]}-{results.years[-1]})"
        )
    core = results._core
    sectors, fuels = list(core.sector_ids), list(core.fuel_ids)
    n_f = len(fuels)
    activity = core.activity[t]
    gdp = results.indicators()["gdp_100m_cny"].iloc[t]
    energy = core.energy_tce[t].reshape(len(sectors), n_f) * 1e-6
    co2 = core.co2_t[t].reshape(len(sectors), n_f) * 1e-6
    process = core.process_co2_t[t] * 1e-6
    rows, labels, sector_rows = [], [], {}
    for s, sector in enumerate(sectors):
        e_s = energy[s].sum()
        sector_rows[sector] = [gdp, activity[s] / gdp, e_s / activity[s]]
        for f, fuel in enumerate(fuels):
            value = co2[s, f] if quantity == "co2" else energy[s, f]
            if energy[s, f] <= 0 or (quantity == "co2" and co2[s, f] <= 0):
                continue
            row = [gdp, activity[s] / gdp, e_s / activity[s], energy[s, f] / e_s]
            if quantity == "co2":
                row.append(co2[s, f] / energy[s, f])
            rows.append((row, value))
            labels.append((sector, fuel))
        if quantity == "co2" and process[s] > 0:
            rows.append(([gdp, activity[s] / gdp, process[s] / activity[s], 1.0, 1.0], process[s]))
            labels.append((sector, "process"))
    ccus = core.captured_co2_t[t].sum() * 1e-6
    return labels, rows, ccus, sector_rows


def decompose(
    a, b=None, *, years=None, quantity: str = "co2", kind: str = "additive", variant: str = "I"
) -> Decomposition:
    """Decompose the change of CO2 (``quantity="co2"``, Mt) or energy (``"energy"``, Mtce).

    Between two years of one run: ``decompose(res, years=(2020, 2030))``. Between two scenarios
    in one year: ``decompose(res_a, res_b, years=2030)``. Exact: additive effects sum to the
    change, multiplicative ones multiply to the ratio (CCUS, if any, only additively).
    """
    if quantity not in ("co2", "energy"):
        raise ValueError(f"decompose: quantity {quantity!r} (use 'co2' or 'energy')")
    if b is None:
        if years is None or np.ndim(years) != 1 or len(years) != 2:
            raise ValueError("decompose: give years=(y0, yT) for two years of one run")
        (r0, y0), (rT, yT) = (a, int(years[0])), (a, int(years[1]))
        label0, labelT = str(y0), str(yT)
    else:
        if years is None or np.ndim(years) != 0:
            raise ValueError("decompose: give one year (years=2030) to compare two scenarios")
        (r0, y0), (rT, yT) = (a, int(years)), (b, int(years))
        if list(a._core.sector_ids) != list(b._core.sector_ids):
            raise ValueError("decompose: the two results have different sectors")
        label0, labelT = a.scenario, b.scenario
    state0 = _factor_table(r0, y0, quantity)
    stateT = _factor_table(rT, yT, quantity)
    cats = sorted(set(state0[0]) | set(stateT[0]))
    factors = EMISSION_FACTORS if quantity == "co2" else ENERGY_FACTORS
    x0 = _matrix(cats, state0, stateT)
    xT = _matrix(cats, stateT, state0)
    ccus0, ccusT = state0[2], stateT[2]
    result = lmdi(x0, xT, kind=kind, variant=variant, factors=factors)
    effects = result.effects.copy()
    sector_of = pd.Index([sector for sector, _ in cats], name="sector")
    grouped = result.contributions.set_axis(sector_of, axis=0).groupby(level="sector")
    by_sector = grouped.sum() if kind == "additive" else grouped.prod()
    v0, vT, total = result.v0, result.vT, result.total
    if quantity == "co2" and (ccus0 or ccusT):
        if kind != "additive":
            raise ValueError("decompose: CCUS enters only an additive decomposition")
        effects["ccus"] = -(ccusT - ccus0)
        v0, vT, total = v0 - ccus0, vT - ccusT, total - (ccusT - ccus0)
    return Decomposition(effects, by_sector, total, v0, vT, quantity, kind, label0, labelT)


def _matrix(cats, state, other):
    """Factor rows of ``state`` for every category. A category absent from it (a fuel the
    sector does not use, or no process CO2) gets the sector's own activity, structure and
    intensity and a zero in the one factor that makes it absent (the fuel mix, or the process
    intensity), with the other state's emission factor: LMDI's zero-value limit then credits
    its whole change to that factor (Ang & Liu 2007)."""
    labels, rows, _, sector_rows = state
    lookup = dict(zip(labels, (r[0] for r in rows)))
    other_lookup = dict(zip(other[0], (r[0] for r in other[1])))
    x = []
    for cat in cats:
        if cat in lookup:
            x.append(lookup[cat])
            continue
        sector, fuel = cat
        row = list(other_lookup[cat])
        row[:3] = sector_rows[sector]
        if fuel == "process":
            row[2] = 0.0
        else:
            row[3] = 0.0
        x.append(row)
    return np.asarray(x, dtype=float)
