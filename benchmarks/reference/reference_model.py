# SPDX-License-Identifier: Apache-2.0
# peakpath: the model equations of docs/model.md written plainly in numpy/scipy (a reference).
"""A plain numpy/scipy implementation of peakpath's accounting core, kept as a reference.

It reads the dataset CSVs itself and re-implements every equation of ``docs/model.md`` and of
the capital-stock turnover (``docs/stock.md``, "Capacity dynamics"), one function per block:

- :func:`activity_block`       activity A[t, s]
- :func:`stock_block`          capacity by technology class (``scipy.integrate.solve_ivp``):
                               the industrial sectors on their activity, the thermal fleet
                               (the power_heat sector's classes) on thermal generation
- :func:`intensity_block`      energy intensity I[t, s]
- :func:`final_energy_block`   E[t, s, f] = A x I x fuel shares
- :func:`power_heat_block`     imports, must-run non-fossil, thermal, the fleet's heat rate,
                               thermal and heat fuel input
- :func:`emissions_block`      combustion, process, CCUS and pollutants
- :func:`indicator_block`      the 25 indicators of ``peakpath.INDICATOR_NAMES``

Only the scenario's effective paths (dataset defaults with the scenario's levers, after YAML
inheritance) are taken from peakpath (``Scenario._core.effective_paths``); everything else is
computed here. Nothing is validated: this mirrors the equations, not the error handling.
"""
from __future__ import annotations

import csv
import math
import os
from dataclasses import dataclass, field

import numpy as np
import yaml
from scipy.integrate import solve_ivp

GJ_PER_TCE = 29.3076
ELECTRICITY_TCE_PER_MWH = 0.1229  # calorific method
HOURS_PER_YEAR = 8760.0
NON_FOSSIL_TECHNOLOGIES = ("nuclear", "hydro", "wind_onshore", "wind_offshore", "solar", "biomass")
THERMAL_TECHNOLOGIES = ("coal", "gas")  # their capacity_gw (a plan) is the fleet's minimum
POLLUTANTS = ("so2", "nox", "pm")
INDICATOR_NAMES = (
    "gdp_100m_cny",
    "energy_total_mtce",
    "energy_total_calorific_mtce",
    "coal_consumption_mt",
    "non_fossil_share",
    "co2_total_mt",
    "co2_energy_mt",
    "co2_process_mt",
    "co2_power_heat_mt",
    "co2_two_high_mt",
    "energy_intensity_tce_per_10k_cny",
    "carbon_intensity_t_per_10k_cny",
    "coal_share",
    "non_fossil_share_calorific",
    "co2_captured_mt",
    "electricity_consumption_twh",
    "electricity_import_twh",
    "electricity_non_fossil_twh",
    "electricity_thermal_twh",
    "electricity_curtailed_twh",
    "so2_kt",
    "nox_kt",
    "pm_kt",
    "thermal_heat_rate_gce_per_kwh",
    "electricity_total_consumption_twh",
)
# The statistical industry of each sector group (economy.hpp): the key of gdp_growth/<industry>.
INDUSTRY_OF_GROUP = {
    "agriculture": "primary",
    "industry": "secondary",
    "two_high_industry": "secondary",
    "power_heat": "secondary",
    "construction": "secondary",
    "transport": "tertiary",
    "services": "tertiary",
}

# Constants of the capacity dynamics as the C++ model sets them (sector_dynamics.hpp,
# capacity_model.hpp, capacity_system.hpp).
DEFAULT_UTILISATION = 0.85
ADJUSTMENT_TIME = 2.0  # years over which investment closes the capacity gap
HAZARD_TABLE_STEP = 0.25  # the base stock's hazard is tabulated and read linearly
MIN_DRAW_TIME = 1.0 / 12.0  # phase-out and retrofit take at most capacity per month


def _rows(path: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class TechnologyClass:
    """One row of technologies.csv (plus its fuel mix from technology_fuels.csv, if any)."""

    sector: int
    name: str
    relative_intensity: float
    base_share: float
    lifetime_mean: float
    lifetime_shape: float
    mean_age: float
    fuel_mix: np.ndarray | None = None


@dataclass
class Data:
    """A region dataset and the shared fuel tables, as plain arrays (S sectors, F fuels)."""

    directory: str
    fuel_ids: list[str]
    fuel_fossil: np.ndarray  # F, bool
    fuel_coal: np.ndarray  # F, bool
    fuel_per_tonne: np.ndarray  # F, tce per physical tonne, NaN for fuels not counted in t
    pollutant_kg_per_tce: np.ndarray  # F x 3 (SO2, NOx, PM), uncontrolled
    sector_ids: list[str]
    sector_group: list[str]
    sector_by_population: np.ndarray  # S, bool: activity follows population
    sector_two_high: np.ndarray  # S, bool
    base_activity: np.ndarray  # S
    base_energy: np.ndarray  # S x F, tce
    process: list[tuple[int, float]]  # (sector, base-year CO2 t)
    power: dict[str, float]
    electricity_mix: np.ndarray  # F
    heat_mix: np.ndarray  # F
    technologies: list[TechnologyClass] = field(default_factory=list)
    fuels_directory: str = ""

    def fuel(self, fuel_id: str) -> int:
        return self.fuel_ids.index(fuel_id)

    def co2_t_per_tce(self, factor_set: str) -> np.ndarray:
        """Combustion CO2 per tce: 29.3076 GJ/tce x kg/TJ x oxidation (per fuel)."""
        by_fuel = {
            r["fuel"]: r
            for r in _rows(os.path.join(self.fuels_directory, f"factors_{factor_set}.csv"))
        }
        return np.array(
            [
                GJ_PER_TCE
                * 1e-6
                * float(by_fuel[f]["co2_kg_per_tj"])
                * float(by_fuel[f]["oxidation"])
                for f in self.fuel_ids
            ]
        )


def load_data(directory: str) -> Data:
    """Read ``dataset.yaml`` and its CSV files (format: docs/data.md)."""
    with open(os.path.join(directory, "dataset.yaml"), encoding="utf-8") as handle:
        manifest = yaml.safe_load(handle)
    files = {role: os.path.join(directory, name) for role, name in manifest["files"].items()}
    fuels_dir = os.path.join(directory, manifest.get("fuels", "../fuels"))

    fuels = _rows(os.path.join(fuels_dir, "fuels.csv"))
    fuel_ids = [r["id"] for r in fuels]
    pollutants = {r["fuel"]: r for r in _rows(os.path.join(fuels_dir, "pollutants.csv"))}
    sectors = _rows(files["sectors"])
    sector_ids = [r["id"] for r in sectors]
    S, F = len(sector_ids), len(fuel_ids)

    activity = np.zeros(S)
    for r in _rows(files["base_activity"]):
        activity[sector_ids.index(r["sector"])] = float(r["value"])
    energy = np.zeros((S, F))
    for r in _rows(files["base_energy"]):
        energy[sector_ids.index(r["sector"]), fuel_ids.index(r["fuel"])] = float(r["energy_tce"])
    mixes = {"electricity": np.zeros(F), "heat": np.zeros(F)}
    for r in _rows(files["power_fuels"]):
        mixes[r["output"]][fuel_ids.index(r["fuel"])] += float(r["share"])

    data = Data(
        directory=directory,
        fuel_ids=fuel_ids,
        fuel_fossil=np.array([r["fossil"] == "1" for r in fuels]),
        fuel_coal=np.array([r["coal"] == "1" for r in fuels]),
        fuel_per_tonne=np.array(
            [float(r["tce_per_unit"]) if r["unit"] == "t" else np.nan for r in fuels]
        ),
        pollutant_kg_per_tce=np.array(
            [[float(pollutants[f][f"{p}_kg_per_tce"]) for p in POLLUTANTS] for f in fuel_ids]
        ),
        sector_ids=sector_ids,
        sector_group=[r["group"] for r in sectors],
        sector_by_population=np.array([r["activity_driver"] == "population" for r in sectors]),
        sector_two_high=np.array([r["two_high"] == "1" for r in sectors]),
        base_activity=activity,
        base_energy=energy,
        process=[
            (sector_ids.index(r["sector"]), float(r["co2_mt"]) * 1e6)
            for r in _rows(files["base_process"])
        ],
        power={r["parameter"]: float(r["value"]) for r in _rows(files["power"])},
        electricity_mix=mixes["electricity"],
        heat_mix=mixes["heat"],
        fuels_directory=fuels_dir,
    )
    if "technologies" in files:
        for r in _rows(files["technologies"]):
            data.technologies.append(
                TechnologyClass(
                    sector_ids.index(r["sector"]),
                    r["class"],
                    float(r["relative_intensity"]),
                    float(r["base_share"]),
                    float(r["lifetime_mean"]),
                    float(r["lifetime_shape"]),
                    float(r["mean_age"]),
                )
            )
    if "technology_fuels" in files:
        for r in _rows(files["technology_fuels"]):
            s = sector_ids.index(r["sector"])
            spec = next(t for t in data.technologies if t.sector == s and t.name == r["class"])
            if spec.fuel_mix is None:
                spec.fuel_mix = np.zeros(F)
            spec.fuel_mix[fuel_ids.index(r["fuel"])] += float(r["share"])
    return data


class Paths:
    """Effective paths {variable: {key: (years, values)}}: linear in between, flat outside."""

    def __init__(self, spec: dict):
        self.spec = spec

    def get(self, variable: str, key: str):
        return self.spec.get(variable, {}).get(key)

    def at(self, variable: str, key: str, t, default: float | None = None) -> np.ndarray:
        """Values at the times ``t`` (array); ``default`` when the path is not set."""
        path = self.get(variable, key)
        if path is None:
            if default is None:
                raise KeyError(f"path {variable}/{key} is required")
            return np.full(np.shape(t), float(default))
        return np.interp(t, path[0], path[1])

    def keys(self, variable: str) -> list[str]:
        return list(self.spec.get(variable, {}))


@dataclass
class Scenario:
    """What a run needs: the dataset, effective paths, years and the two options."""

    data: Data
    paths: Paths
    years: np.ndarray
    factor_set: str
    coal_method: bool  # electricity method coal_consumption (else calorific)


def scenario_from_peakpath(scenario) -> Scenario:
    """Build the reference's inputs from a ``peakpath.Scenario`` (or a ``_core.Scenario``)."""
    core = getattr(scenario, "_core", scenario)
    data = _cached_data(core.dataset.directory)
    return Scenario(
        data,
        Paths(core.effective_paths),
        np.arange(core.base_year, core.horizon + 1, dtype=float),
        core.factor_set,
        core.electricity_method.name == "coal_consumption",
    )


_DATA_CACHE: dict[str, Data] = {}


def _cached_data(directory: str) -> Data:
    if directory not in _DATA_CACHE:
        _DATA_CACHE[directory] = load_data(directory)
    return _DATA_CACHE[directory]


# --------------------------------------------------------------------------------------------
# Blocks


def _within_span(path, years: np.ndarray, fallback: np.ndarray, from_only: bool = False):
    """``path`` inside its span (from its first year on when ``from_only``), else ``fallback``."""
    out = fallback.copy()
    if path is None:
        return out
    inside = (years >= path[0][0]) & (from_only | (years <= path[0][-1]))
    out[inside] = np.interp(years[inside], path[0], path[1])
    return out


def activity_block(sc: Scenario) -> np.ndarray:
    """A[t, s] = A[t-1, s] (1 + growth): own path from its first year, else elasticity x the
    industry's growth (gdp_growth/<industry> inside its span, else GDP) or population growth;
    services take the residual so that value added grows at gdp_growth."""
    data, paths, years = sc.data, sc.paths, sc.years[1:]
    gdp = paths.at("gdp_growth", "total", years)
    population = paths.at("population_growth", "total", years, 0.0)
    growth = np.empty((len(years), len(data.sector_ids)))
    residual = None
    for s, sid in enumerate(data.sector_ids):
        if data.sector_by_population[s]:
            driver = population
        else:
            industry = INDUSTRY_OF_GROUP[data.sector_group[s]]
            driver = _within_span(paths.get("gdp_growth", industry), years, gdp)
            if data.sector_group[s] == "services" and paths.get("activity_growth", sid) is None:
                residual = s
        elasticity = paths.at("activity_elasticity", sid, years, 1.0)
        growth[:, s] = _within_span(
            paths.get("activity_growth", sid), years, elasticity * driver, from_only=True
        )
    value_added = ~data.sector_by_population
    activity = np.empty((len(years) + 1, len(data.sector_ids)))
    activity[0] = data.base_activity
    for t in range(len(years)):
        activity[t + 1] = activity[t] * (1.0 + growth[t])
        if residual is not None:
            others = activity[t + 1, value_added].sum() - activity[t + 1, residual]
            activity[t + 1, residual] = activity[t, value_added].sum() * (1.0 + gdp[t]) - others
    return activity


@dataclass
class SectorStock:
    """Capacity dynamics of one sector sampled at the model years."""

    sector: int
    classes: list[TechnologyClass]
    capacity: np.ndarray  # T x K
    intensity_index: np.ndarray  # T: capacity-weighted intensity / base-year value
    energy_weight: np.ndarray  # T x K: each class's share of the sector's energy


def _weibull_scale(spec: TechnologyClass) -> float:
    """Weibull lifetime with the class's mean: scale = mean / Gamma(1 + 1/shape)."""
    return spec.lifetime_mean / math.gamma(1.0 + 1.0 / spec.lifetime_shape)


def _base_hazard(spec: TechnologyClass, tau: np.ndarray) -> np.ndarray:
    """Retirement rate of the base-year vintage, aged uniformly over [0, 2 x mean age): a cohort
    of age a survives SF(a + tau) / SF(a), so h = sum w_a pdf(a + tau) / sum w_a SF(a + tau)
    with w_a = 1 / SF(a) (equal cohorts)."""
    if spec.base_share == 0:
        return np.zeros_like(tau)
    k, lam = spec.lifetime_shape, _weibull_scale(spec)
    ages = np.arange(max(1, round(2.0 * spec.mean_age)), dtype=float)
    weights = np.exp((ages / lam) ** k)
    x = (ages[None, :] + tau[:, None]) / lam
    sf = np.exp(-(x**k))
    return (weights * k / lam * x ** (k - 1.0) * sf).sum(axis=1) / (weights * sf).sum(axis=1)


@dataclass
class _StockInputs:
    """Every time-dependent input of the capacity dynamics at the segment bounds (rows)."""

    hazard: np.ndarray  # bounds x classes
    phase_out: np.ndarray  # bounds x classes, capacity per year
    retrofit: np.ndarray  # bounds x flows, capacity per year
    weight: np.ndarray  # bounds x classes, new-build weights
    activity: np.ndarray  # bounds x sectors
    utilisation: np.ndarray  # bounds x sectors, target utilisation
    minimum: np.ndarray  # bounds x sectors, capacity kept at least (0: none)

    def row(self, i: int) -> "_StockInputs":
        return _StockInputs(
            self.hazard[i],
            self.phase_out[i],
            self.retrofit[i],
            self.weight[i],
            self.activity[i],
            self.utilisation[i],
            self.minimum[i],
        )


def _stock_rhs(
    member: np.ndarray,
    new_rate: np.ndarray,
    flows: list[tuple[int, int]],
    t0: float,
    t1: float,
    lo: _StockInputs,
    hi: _StockInputs,
):
    """dB/dt, dN/dt of docs/stock.md ("Capacity dynamics") on one segment [t0, t1], where every
    input is linear in t. State: base vintage B and new builds N of all classes; ``member``
    (sectors x classes) says which sector a class belongs to."""
    K = member.shape[1]
    at = lambda a, b, w: a + w * (b - a)  # noqa: E731 - linear within the segment

    def rhs(t, y):
        w = (t - t0) / (t1 - t0)
        b, n = np.maximum(y[:K], 0.0), np.maximum(y[K:], 0.0)
        capacity = b + n
        hazard = at(lo.hazard, hi.hazard, w)
        natural = hazard * b + new_rate * n
        db, dn = -hazard * b, -new_rate * n
        phase = at(lo.phase_out, hi.phase_out, w)
        retrofit = at(lo.retrofit, hi.retrofit, w)
        requested = phase.copy()
        for r, (i, _) in enumerate(flows):
            requested[i] += retrofit[r]
        # Draws take at most the class's capacity per MIN_DRAW_TIME.
        limit = capacity / MIN_DRAW_TIME
        factor = np.ones(K)
        over = requested > limit
        factor[over] = limit[over] / requested[over]
        drawn = phase * factor
        for r, (i, j) in enumerate(flows):
            drawn[i] += retrofit[r] * factor[i]
            dn[j] += retrofit[r] * factor[i]
        # Draws come from the base vintage and the new builds in proportion.
        share_b = np.divide(b, capacity, out=np.zeros(K), where=capacity > 0)
        share_n = np.divide(n, capacity, out=np.zeros(K), where=capacity > 0)
        db -= drawn * share_b
        dn -= drawn * share_n
        # Investment replaces retirement and phase-out and closes the gap over ADJUSTMENT_TIME.
        needed = np.maximum(
            at(lo.activity, hi.activity, w) / at(lo.utilisation, hi.utilisation, w),
            at(lo.minimum, hi.minimum, w),
        )
        replaced = member @ (natural + phase * factor)
        investment = np.maximum(0.0, replaced + (needed - member @ capacity) / ADJUSTMENT_TIME)
        weight = at(lo.weight, hi.weight, w)
        weight_sum = member.T @ (member @ weight)
        mix = np.divide(weight, weight_sum, out=np.zeros(K), where=weight_sum > 0)
        return np.concatenate([db, dn + (member.T @ investment) * mix])

    return rhs


def _classed_sectors(data: Data) -> list[int]:
    """The sectors with technology classes, in order, but power_heat: its classes are the
    thermal fleet, driven by thermal generation once the electricity balance is known."""
    return sorted(
        {t.sector for t in data.technologies if data.sector_group[t.sector] != "power_heat"}
    )


def stock_block(
    sc: Scenario,
    sectors: list[int],
    activity: np.ndarray,
    rtol: float = 1e-10,
    atol: float = 1e-8,
    *,
    minimum: np.ndarray | None = None,
) -> list[SectorStock]:
    """Capacity by technology class of ``sectors`` driven by ``activity`` (years x sectors),
    kept at least at ``minimum`` (years x sectors) when given (docs/stock.md), integrated with
    ``solve_ivp`` (DOP853) segment by segment between the points where an input has a kink (the
    hazard table nodes every HAZARD_TABLE_STEP years, path points, model years), so the right-hand
    side is smooth on each segment but for the max() of investment and draws. The sectors are
    independent; they are integrated as one system."""
    data, paths, years = sc.data, sc.paths, sc.years
    specs = [t for s in sectors for t in data.technologies if t.sector == s]
    if not specs:
        return []
    K = len(specs)
    member = np.array([[spec.sector == s for spec in specs] for s in sectors], dtype=float)
    keys = [f"{data.sector_ids[t.sector]}/{t.name}" for t in specs]
    sids = [data.sector_ids[s] for s in sectors]

    # Segment bounds: every place where an input path may have a kink.
    span = years[-1] - years[0]
    table_nodes = years[0] + HAZARD_TABLE_STEP * np.arange(
        int(math.floor((span + HAZARD_TABLE_STEP) / HAZARD_TABLE_STEP)) + 1
    )
    knots = [table_nodes, years]
    for variable in ("phase_out_rate", "retrofit_rate", "new_build_share", "utilisation"):
        knots += [np.asarray(p[0]) for p in sc.paths.spec.get(variable, {}).values()]
    bounds = np.unique(np.concatenate(knots))
    bounds = bounds[(bounds >= years[0]) & (bounds <= years[-1])]

    # Inputs at the bounds (each linear in between).
    utilisation = np.stack(
        [paths.at("utilisation", sid, bounds, DEFAULT_UTILISATION) for sid in sids], axis=1
    )
    if minimum is None:
        minimum = np.zeros_like(activity)
    base_capacity = np.maximum(activity[0] / utilisation[0], minimum[0])
    class_base = np.array([spec.base_share for spec in specs]) * (member.T @ base_capacity)
    table = np.stack([_base_hazard(spec, table_nodes - years[0]) for spec in specs], axis=1)
    position = (bounds - years[0]) / HAZARD_TABLE_STEP  # bounds between table nodes: linear
    node = np.minimum(position.astype(int), len(table_nodes) - 2)
    frac = np.minimum(1.0, position - node)[:, None]
    hazard = table[node] + frac * (table[node + 1] - table[node])
    flows, retrofit = [], []
    for key in paths.keys("retrofit_rate"):
        sector_id, source, target = key.split("/")
        if sector_id in sids:
            i, j = keys.index(f"{sector_id}/{source}"), keys.index(f"{sector_id}/{target}")
            flows.append((i, j))
            retrofit.append(paths.at("retrofit_rate", key, bounds) * class_base[i])
    inputs = _StockInputs(
        hazard=hazard,
        phase_out=np.stack(
            [
                paths.at("phase_out_rate", key, bounds, 0.0) * class_base[k]
                for k, key in enumerate(keys)
            ],
            axis=1,
        ),
        retrofit=np.stack(retrofit, axis=1) if retrofit else np.zeros((len(bounds), 0)),
        weight=np.stack(
            [
                paths.at("new_build_share", key, bounds, spec.base_share)
                for key, spec in zip(keys, specs)
            ],
            axis=1,
        ),
        activity=np.stack([np.interp(bounds, years, a) for a in activity.T], axis=1),
        utilisation=utilisation,
        minimum=np.stack([np.interp(bounds, years, m) for m in minimum.T], axis=1),
    )
    new_rate = np.array(
        [1.0 / (_weibull_scale(s) * math.gamma(1.0 + 1.0 / s.lifetime_shape)) for s in specs]
    )

    y = np.concatenate([class_base, np.zeros(K)])
    states = {bounds[0]: y}
    for i in range(len(bounds) - 1):
        t0, t1 = bounds[i], bounds[i + 1]
        rhs = _stock_rhs(member, new_rate, flows, t0, t1, inputs.row(i), inputs.row(i + 1))
        sol = solve_ivp(rhs, (t0, t1), y, method="DOP853", rtol=rtol, atol=atol)
        if not sol.success:
            raise RuntimeError(f"capacity dynamics, {t0}-{t1}: {sol.message}")
        y = sol.y[:, -1]
        states[t1] = y
    sampled = np.stack([states[t] for t in years])
    capacity = sampled[:, :K] + sampled[:, K:]

    stocks = []
    for g, s in enumerate(sectors):
        cols = member[g] > 0
        relative = np.array([spec.relative_intensity for spec in specs if spec.sector == s])
        weighted = capacity[:, cols] * relative
        intensity = weighted.sum(axis=1) / capacity[:, cols].sum(axis=1)
        stocks.append(
            SectorStock(
                s,
                [spec for spec in specs if spec.sector == s],
                capacity[:, cols],
                intensity / intensity[0],
                weighted / weighted.sum(axis=1, keepdims=True),
            )
        )
    return stocks


def class_mix_block(data: Data, stock: SectorStock, base_mix: np.ndarray) -> np.ndarray:
    """T x F: the sector's fuel mix blended from its classes by energy weight. Classes without
    their own mix share the remaining mix, fixed so that the base-year blend is ``base_mix``."""
    own = [spec.fuel_mix for spec in stock.classes]
    w0 = stock.energy_weight[0]
    default_weight = sum(w for w, m in zip(w0, own) if m is None)
    remaining = base_mix
    if default_weight > 0:
        explicit = sum((w * m for w, m in zip(w0, own) if m is not None), np.zeros_like(base_mix))
        remaining = np.maximum((base_mix - explicit) / default_weight, 0.0)
        remaining = remaining / remaining.sum()
    mixes = np.stack([remaining if m is None else m for m in own])  # K x F
    return stock.energy_weight @ mixes


def fuel_shares(
    paths: Paths, owner: str, fuel_ids: list[str], base_mix: np.ndarray, years: np.ndarray
) -> np.ndarray:
    """T x F shares: fuel_share paths "owner/fuel" fixed, the other fuels share the rest in
    proportion to ``base_mix`` (T x F or F)."""
    shares = np.broadcast_to(base_mix, (len(years), len(fuel_ids))).copy()
    fixed = np.array([paths.get("fuel_share", f"{owner}/{f}") is not None for f in fuel_ids])
    if not fixed.any():
        return shares
    for f in np.flatnonzero(fixed):
        shares[:, f] = paths.at("fuel_share", f"{owner}/{fuel_ids[f]}", years)
    rest = 1.0 - shares[:, fixed].sum(axis=1)
    free_base = shares[:, ~fixed].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(free_base > 0, rest / free_base, 0.0)
    shares[:, ~fixed] *= scale[:, None]
    return shares


def intensity_block(sc: Scenario, stocks: list[SectorStock]) -> np.ndarray:
    """I[t, s] = I[t-1, s] (1 + intensity_change) x the stock's intensity index ratio."""
    data, years = sc.data, sc.years
    factors = np.ones((len(years), len(data.sector_ids)))
    for s, sid in enumerate(data.sector_ids):
        factors[1:, s] = 1.0 + sc.paths.at("intensity_change", sid, years[1:], 0.0)
    for st in stocks:
        factors[1:, st.sector] *= st.intensity_index[1:] / st.intensity_index[:-1]
    return data.base_energy.sum(axis=1) / data.base_activity * np.cumprod(factors, axis=0)


def final_energy_block(
    sc: Scenario, activity: np.ndarray, intensity: np.ndarray, stocks: list[SectorStock]
) -> np.ndarray:
    """E[t, s, f] = A[t, s] I[t, s] phi[t, s, f] (tce)."""
    data, years = sc.data, sc.years
    totals = data.base_energy.sum(axis=1)
    base_mix = np.divide(
        data.base_energy,
        totals[:, None],
        out=np.zeros_like(data.base_energy),
        where=totals[:, None] > 0,
    )
    mixes = {st.sector: class_mix_block(data, st, base_mix[st.sector]) for st in stocks}
    energy = np.empty((len(years), len(data.sector_ids), len(data.fuel_ids)))
    e = data.fuel("electricity")
    for s, sid in enumerate(data.sector_ids):
        mix = mixes.get(s, base_mix[s])
        shares = fuel_shares(sc.paths, sid, data.fuel_ids, mix, years)
        if (
            sc.paths.get("electricity_share", sid) is not None
            and sc.paths.get("fuel_share", f"{sid}/electricity") is None
        ):
            shares = _electrified(
                shares, e, sc.paths.at("electricity_share", sid, years), base_mix[s, e]
            )
        energy[:, s, :] = (activity[:, s] * intensity[:, s])[:, None] * shares
    return energy


def _electrified(shares: np.ndarray, e: int, path: np.ndarray, base: float) -> np.ndarray:
    """Electricity's share set to the path, its odds moved by the mix's own change of odds
    (end_use_demand.hpp); the other fuels scaled in proportion."""
    current = shares[:, e]
    target = path.copy()
    moved = (path > 0) & (path < 1) & (current > 0) & (current < 1) & (0 < base < 1)
    odds = np.where(moved, path / (1 - path) * (current / (1 - current)) / (base / (1 - base)), 0)
    target[moved] = odds[moved] / (1 + odds[moved])
    out = shares * ((1 - target) / (1 - current))[:, None]
    out[:, e] = target
    return out


@dataclass
class PowerHeat:
    consumption_twh: np.ndarray
    imports_twh: np.ndarray
    generation_twh: np.ndarray  # T x 6 non-fossil technologies
    non_fossil_used_twh: np.ndarray
    thermal_twh: np.ndarray
    curtailed_twh: np.ndarray
    fleet: SectorStock | None  # the thermal fleet, capacity in GW
    heat_rate: np.ndarray  # gce/kWh


def power_heat_block(
    sc: Scenario, energy: np.ndarray, rtol: float = 1e-10, atol: float = 1e-8
) -> PowerHeat:
    """Electricity and heat supply; adds generation and heat fuel input to the power_heat
    sector of ``energy`` (in place). The power_heat classes, if any, turn over with thermal
    generation (average GW) and scale the heat-rate lever by their capacity-weighted rate
    relative to the base year."""
    data, paths, years = sc.data, sc.paths, sc.years
    power = data.power
    electricity_tce = energy[:, :, data.fuel("electricity")].sum(axis=1)
    consumption = electricity_tce / ELECTRICITY_TCE_PER_MWH * 1e-6
    supply = consumption * (
        1.0 + paths.at("grid_loss_share", "total", years, power["grid_loss_share"])
    )
    if paths.get("import_share", "total"):
        imports = paths.at("import_share", "total", years) * supply
    else:
        imports = paths.at("import_twh", "total", years, power["import_twh"])
    imports = np.minimum(imports, supply)
    generation = np.stack(
        [
            paths.at("capacity_gw", tech, years, 0.0)
            * paths.at("capacity_factor", tech, years, 0.0)
            * HOURS_PER_YEAR
            * 1e-3
            for tech in NON_FOSSIL_TECHNOLOGIES
        ],
        axis=1,
    )
    non_fossil = generation.sum(axis=1)
    local = supply - imports
    thermal = np.maximum(0.0, local - non_fossil)
    curtailed = np.maximum(0.0, non_fossil - local)
    heat_rate = paths.at(
        "coal_heat_rate_gce_per_kwh", "total", years, power["coal_heat_rate_gce_per_kwh"]
    )
    p = data.sector_group.index("power_heat")
    fleet = None
    if thermal[0] > 0 and any(t.sector == p for t in data.technologies):
        planned = [
            paths.at("capacity_gw", tech, years)
            for tech in THERMAL_TECHNOLOGIES
            if paths.get("capacity_gw", tech)
        ]
        fleet = stock_block(
            sc,
            [p],
            thermal[:, None] * 1e3 / HOURS_PER_YEAR,
            rtol,
            atol,
            minimum=np.sum(planned, axis=0)[:, None] if planned else None,
        )[0]
        heat_rate = np.where(
            fleet.intensity_index > 0, heat_rate * fleet.intensity_index, heat_rate
        )
    thermal_input = thermal * heat_rate * 1e3  # TWh x gce/kWh -> tce
    heat_input = energy[:, :, data.fuel("heat")].sum(axis=1) / power["heat_boiler_efficiency"]
    electricity_mix = fuel_shares(
        paths, "electricity_generation", data.fuel_ids, data.electricity_mix, years
    )
    heat_mix = fuel_shares(paths, "heat_supply", data.fuel_ids, data.heat_mix, years)
    energy[:, p, :] += thermal_input[:, None] * electricity_mix + heat_input[:, None] * heat_mix
    return PowerHeat(
        consumption,
        imports,
        generation,
        non_fossil - curtailed,
        thermal,
        curtailed,
        fleet,
        heat_rate,
    )


@dataclass
class Emissions:
    co2_t: np.ndarray  # T x S x F combustion
    process_t: np.ndarray  # T x S
    captured_t: np.ndarray  # T x S
    pollutants_t: np.ndarray  # T x S x 3 after removal


def emissions_block(sc: Scenario, activity: np.ndarray, energy: np.ndarray) -> Emissions:
    """Combustion CO2 by fuel, process CO2 by activity, CCUS capture, pollutants."""
    data, paths, years = sc.data, sc.paths, sc.years
    co2 = energy * data.co2_t_per_tce(sc.factor_set)
    process = np.zeros((len(years), len(data.sector_ids)))
    for s, co2_base in data.process:
        process[:, s] += (
            co2_base
            / data.base_activity[s]
            * activity[:, s]
            * paths.at("process_intensity", data.sector_ids[s], years, 1.0)
        )
    wanted = np.stack(
        [paths.at("ccus_capture_mt", sid, years, 0.0) * 1e6 for sid in data.sector_ids], axis=1
    )
    captured = np.minimum(wanted, co2.sum(axis=2) + process)
    removal = np.stack(
        [
            np.stack(
                [paths.at("removal_efficiency", f"{sid}/{p}", years, 0.0) for p in POLLUTANTS],
                axis=1,
            )
            for sid in data.sector_ids
        ],
        axis=1,
    )
    kept = 1e-3 * (1.0 - removal)  # kg -> t
    pollutants = np.einsum("tsf,fp->tsp", energy, data.pollutant_kg_per_tce) * kept
    return Emissions(co2, process, captured, pollutants)


def indicator_block(
    sc: Scenario, activity: np.ndarray, energy: np.ndarray, ph: PowerHeat, em: Emissions
) -> dict[str, np.ndarray]:
    """The 25 indicators (docs/model.md, "Indicators"), each an array over the years."""
    data, years = sc.data, sc.years
    by_fuel = energy.sum(axis=1)  # T x F
    fossil = by_fuel[:, data.fuel_fossil].sum(axis=1)
    coal_tce = by_fuel[:, data.fuel_coal].sum(axis=1)
    per_tonne = data.fuel_coal & ~np.isnan(data.fuel_per_tonne)
    coal_t = (by_fuel[:, per_tonne] / data.fuel_per_tonne[per_tonne]).sum(axis=1)
    direct = by_fuel[:, data.fuel("biomass")] + by_fuel[:, data.fuel("hydrogen")]
    import_nf = sc.paths.at(
        "import_non_fossil_share", "total", years, data.power["import_non_fossil_share"]
    )
    coal_rate = ph.heat_rate * 1e3  # tce per TWh, coal-consumption method
    calorific_rate = ELECTRICITY_TCE_PER_MWH * 1e6
    primary = ph.non_fossil_used_twh + ph.imports_twh
    non_fossil_el = ph.non_fossil_used_twh + ph.imports_twh * import_nf
    energy_coal = fossil + primary * coal_rate + direct
    energy_cal = fossil + primary * calorific_rate + direct
    co2_sector = em.co2_t.sum(axis=2)  # T x S
    co2_energy = co2_sector.sum(axis=1)
    process = em.process_t.sum(axis=1)
    captured = em.captured_t.sum(axis=1)
    co2_total = co2_energy + process - captured
    two_high = (co2_sector + em.process_t - em.captured_t)[:, data.sector_two_high].sum(axis=1)
    gdp = activity[:, ~data.sector_by_population].sum(axis=1)
    total = energy_coal if sc.coal_method else energy_cal
    el_rate = coal_rate if sc.coal_method else calorific_rate
    power_sector = data.sector_group.index("power_heat")
    pollutants = em.pollutants_t.sum(axis=1) * 1e-3
    values = [
        gdp,
        energy_coal * 1e-6,
        energy_cal * 1e-6,
        coal_t * 1e-6,
        (non_fossil_el * el_rate + direct) / total,
        co2_total * 1e-6,
        co2_energy * 1e-6,
        process * 1e-6,
        co2_sector[:, power_sector] * 1e-6,
        two_high * 1e-6,
        total / (gdp * 1e4),
        co2_total / (gdp * 1e4),
        coal_tce / total,
        (non_fossil_el * calorific_rate + direct) / energy_cal,
        captured * 1e-6,
        ph.consumption_twh,
        ph.imports_twh,
        ph.non_fossil_used_twh,
        ph.thermal_twh,
        ph.curtailed_twh,
        pollutants[:, 0],
        pollutants[:, 1],
        pollutants[:, 2],
        ph.heat_rate,
        ph.imports_twh
        + (ph.non_fossil_used_twh + ph.thermal_twh) / (1 - data.power["plant_own_use_share"]),
    ]
    return dict(zip(INDICATOR_NAMES, values))


@dataclass
class ReferenceResults:
    years: np.ndarray
    activity: np.ndarray  # T x S
    energy_tce: np.ndarray  # T x S x F, final use plus generation and heat input
    stocks: list[SectorStock]  # the industrial sectors, then the thermal fleet (as peakpath)
    power_heat: PowerHeat
    emissions: Emissions
    indicators: dict[str, np.ndarray]


def run(scenario, rtol: float = 1e-10, atol: float = 1e-8) -> ReferenceResults:
    """Run a ``peakpath.Scenario`` (or a reference :class:`Scenario`) through the blocks.

    ``rtol``/``atol`` are the tolerances of ``solve_ivp`` for the capacity dynamics.
    """
    sc = scenario if isinstance(scenario, Scenario) else scenario_from_peakpath(scenario)
    activity = activity_block(sc)
    sectors = _classed_sectors(sc.data)
    stocks = stock_block(sc, sectors, activity[:, sectors], rtol, atol)
    intensity = intensity_block(sc, stocks)
    energy = final_energy_block(sc, activity, intensity, stocks)
    ph = power_heat_block(sc, energy, rtol, atol)
    em = emissions_block(sc, activity, energy)
    if ph.fleet is not None:
        stocks.append(ph.fleet)
    return ReferenceResults(
        sc.years, activity, energy, stocks, ph, em, indicator_block(sc, activity, energy, ph, em)
    )
