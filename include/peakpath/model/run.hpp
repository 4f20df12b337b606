// SPDX-License-Identifier: Apache-2.0
// peakpath: the accounting core (C1): energy, emissions, power and heat, indicators.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/core/check.hpp"
#include "peakpath/energy/units.hpp"
#include "peakpath/model/detail/growth_curve.hpp"
#include "peakpath/model/detail/scenario_paths.hpp"
#include "peakpath/model/detail/sector_dynamics.hpp"
#include "peakpath/model/detail/thermal_fleet.hpp"
#include "peakpath/model/results.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace peakpath {

/// @brief Must-run non-fossil generation technologies (capacity x capacity factor).
inline const std::vector<std::string> NON_FOSSIL_TECHNOLOGIES = {
    "nuclear", "hydro", "wind_onshore", "wind_offshore", "solar", "biomass"};

namespace detail {

/// Validates a lever value; the message (with its string work) is built only on failure.
template <class Where>
void require_bounded(const Where& where, const char* name, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi)) check_bounded(where(), name, value, lo, hi);
}

/// The fuel_share paths ("owner/fuel") of one owner, resolved once per run (nullptr: not set).
inline std::vector<const TimePath*> fuel_share_paths(const Dataset& data,
                                                     const ScenarioPaths& paths,
                                                     const std::string& owner) {
  std::vector<const TimePath*> resolved;
  for (const auto& fuel : data.fuel_ids)
    resolved.push_back(paths.find("fuel_share", owner + "/" + fuel));
  return resolved;
}

/// Fuel shares of @p owner in @p year: the base mix with its fuel_share paths imposed and the
/// remaining fuels scaled in proportion to their base shares.
inline Eigen::VectorXd fuel_shares(const Dataset& data, const std::string& owner,
                                   const std::vector<const TimePath*>& set_paths,
                                   const Eigen::VectorXd& base_mix, int year) {
  if (std::all_of(set_paths.begin(), set_paths.end(), [](const TimePath* p) { return !p; }))
    return base_mix;
  const Eigen::Index n = base_mix.size();
  Eigen::VectorXd shares = base_mix;
  double fixed_sum = 0.0, free_base = 0.0;
  for (Eigen::Index f = 0; f < n; ++f) {
    const TimePath* path = set_paths[static_cast<std::size_t>(f)];
    if (!path) {
      free_base += base_mix[f];
      continue;
    }
    shares[f] = path->at(year);
    require_bounded(
        [&] {
          return "fuel_share " + owner + "/" + data.fuel_ids[static_cast<std::size_t>(f)] + " in " +
                 std::to_string(year);
        },
        "share", shares[f], 0.0, 1.0);
    fixed_sum += shares[f];
  }
  const std::string where = "fuel_share for '" + owner + "' in " + std::to_string(year);
  if (fixed_sum > 1.0 + 1e-9)
    throw std::domain_error(where + ": the set shares sum to " + std::to_string(fixed_sum) +
                            " (> 1)");
  const double rest = 1.0 - fixed_sum;
  if (free_base <= 0.0 && rest > 1e-9)
    throw std::domain_error(where + ": the set shares sum to " + std::to_string(fixed_sum) +
                            " and no other fuel of the base mix can take the rest");
  for (Eigen::Index f = 0; f < n; ++f)
    if (!set_paths[static_cast<std::size_t>(f)])
      shares[f] = free_base > 0.0 ? base_mix[f] / free_base * rest : 0.0;
  return shares;
}

}  // namespace detail

/// @brief Runs @p scenario from its base year to its horizon.
///
/// Energy = activity x intensity x fuel shares per sector; electricity and heat demand are
/// met by imports, must-run non-fossil generation and thermal plants, whose fuel input (at the
/// heat rate of the thermal fleet's capital stock) is charged to the power_heat sector;
/// CO2 = tce x 29.3076 GJ x EF x oxidation, plus process CO2 less CCUS capture. Sectors with
/// technology classes follow their capital stock. docs/model.md gives every equation.
/// @param solver tolerances of the capital-stock integration (see the overload for defaults).
/// @throws std::invalid_argument / std::domain_error for bad levers, naming variable, key and
///         year; IntegrationError (with the sector and year) when the stock dynamics fail.
inline Results run(const Scenario& scenario, const stock::SolverOptions& solver) {
  if (!scenario.dataset || !scenario.fuels)
    throw std::invalid_argument("run: scenario '" + scenario.name + "' has no dataset");
  const Dataset& data = *scenario.dataset;
  const FuelCatalogue& fuels = *scenario.fuels;
  const detail::ScenarioPaths paths(scenario.effective_paths());
  if (scenario.horizon < scenario.base_year)
    throw std::invalid_argument("run: horizon " + std::to_string(scenario.horizon) +
                                " is before the base year " + std::to_string(scenario.base_year));

  const std::size_t S = data.sectors.size();
  const std::size_t F = data.fuel_ids.size();
  const Eigen::Index T = scenario.horizon - scenario.base_year + 1;
  const std::size_t elec = data.fuel_index("electricity");
  const std::size_t heat = data.fuel_index("heat");
  const std::size_t biomass = data.fuel_index("biomass");
  const std::size_t hydrogen = data.fuel_index("hydrogen");
  const std::size_t power_sector = [&] {
    for (std::size_t s = 0; s < S; ++s)
      if (data.sectors[s].group == "power_heat") return s;
    throw std::invalid_argument("dataset '" + data.name + "' has no power_heat sector");
  }();

  Results r;
  r.scenario = scenario.name;
  r.region = data.region;
  r.fuel_ids = data.fuel_ids;
  for (const auto& sector : data.sectors) {
    r.sector_ids.push_back(sector.id);
    r.sector_groups.push_back(sector.group);
  }
  r.technology_ids = NON_FOSSIL_TECHNOLOGIES;
  r.technology_ids.push_back("thermal");
  r.technology_ids.push_back("imports");
  const std::size_t NT = NON_FOSSIL_TECHNOLOGIES.size();
  r.activity.setZero(T, S);
  r.energy_tce.setZero(T, S * F);
  r.co2_t.setZero(T, S * F);
  r.process_co2_t.setZero(T, S);
  r.captured_co2_t.setZero(T, S);
  r.pollutants_t.setZero(T, S * 3);
  r.generation_twh.setZero(T, NT + 2);
  r.indicator_values.setZero(T, static_cast<Eigen::Index>(INDICATOR_NAMES.size()));

  // Base-year intensities and fuel mixes.
  Eigen::VectorXd intensity(S);
  std::vector<Eigen::VectorXd> base_mix(S);
  for (std::size_t s = 0; s < S; ++s) {
    const double total = data.base_energy_tce.row(s).sum();
    intensity[s] = total / data.base_activity[s];
    base_mix[s] = total > 0 ? Eigen::VectorXd(data.base_energy_tce.row(s).transpose() / total)
                            : Eigen::VectorXd::Zero(F);
  }
  Eigen::VectorXd activity = data.base_activity;  // advanced year by year below
  std::vector<double> process_per_activity(data.base_process.size());
  for (std::size_t i = 0; i < data.base_process.size(); ++i)
    process_per_activity[i] =
        data.base_process[i].co2_t / data.base_activity[data.base_process[i].sector];

  // Resolve every path once: string keys stay out of the annual loop.
  struct SectorPaths {
    const TimePath *growth, *elasticity, *intensity, *ccus, *process;
    std::vector<const TimePath*> fuel_share;
    const TimePath* removal[3];
  };
  std::vector<SectorPaths> sector_paths(S);
  for (std::size_t s = 0; s < S; ++s) {
    const std::string& id = data.sectors[s].id;
    SectorPaths& sp = sector_paths[s];
    sp.growth = paths.find("activity_growth", id);
    sp.elasticity = paths.find("activity_elasticity", id);
    sp.intensity = paths.find("intensity_change", id);
    sp.ccus = paths.find("ccus_capture_mt", id);
    sp.process = paths.find("process_intensity", id);
    sp.fuel_share = detail::fuel_share_paths(data, paths, id);
    for (int p = 0; p < 3; ++p)
      sp.removal[p] = paths.find("removal_efficiency", id + "/" + POLLUTANT_NAMES[p]);
  }
  const auto electricity_share_paths =
      detail::fuel_share_paths(data, paths, "electricity_generation");
  const auto heat_share_paths = detail::fuel_share_paths(data, paths, "heat_supply");
  const auto value_or = [](const TimePath* path, int year, double fallback) {
    return path ? path->at(year) : fallback;
  };

  const double grid_loss_default = data.power_parameter("grid_loss_share");
  const double boiler_efficiency = data.power_parameter("heat_boiler_efficiency");
  const double heat_rate_default = data.power_parameter("coal_heat_rate_gce_per_kwh");

  // Activity first: it drives the capital-stock dynamics, which set intensities and mixes.
  std::vector<std::optional<detail::GrowthCurve>> curves(S);
  for (std::size_t s = 0; s < S; ++s)
    curves[s] = detail::growth_curve(paths, data.sectors[s].id, scenario.base_year,
                                     data.base_activity[static_cast<Eigen::Index>(s)]);
  std::vector<double> model_years;
  for (Eigen::Index t = 0; t < T; ++t) {
    const int year = scenario.base_year + static_cast<int>(t);
    model_years.push_back(year);
    if (t > 0) {
      const std::string at = " in " + std::to_string(year);
      const double gdp_growth = paths.required("gdp_growth", "total", year);
      const double population_growth = paths.value("population_growth", "total", year, 0.0);
      for (std::size_t s = 0; s < S; ++s) {
        const Sector& sector = data.sectors[s];
        if (curves[s]) {  // a new growth driver on its diffusion curve
          activity[s] = curves[s]->at(year);
          continue;
        }
        const double driver =
            sector.activity_driver == "population" ? population_growth : gdp_growth;
        const SectorPaths& sp = sector_paths[s];
        const double elasticity = value_or(sp.elasticity, year, 1.0);
        const double growth = value_or(sp.growth, year, elasticity * driver);
        detail::require_bounded([&] { return "activity_growth " + sector.id + at; }, "rate", growth,
                                -1.0, 10.0);
        activity[s] *= 1.0 + growth;
      }
    }
    r.activity.row(t) = activity.transpose();
  }
  const std::vector<detail::SectorDynamics> dynamics =
      detail::simulate_sector_dynamics(data, paths, r.activity, model_years, solver, power_sector);
  std::vector<const detail::SectorDynamics*> dynamics_of(S, nullptr);
  std::vector<std::vector<Eigen::VectorXd>> class_mixes(S);
  for (const auto& d : dynamics) {
    dynamics_of[d.sector] = &d;
    class_mixes[d.sector] = detail::class_mix_blend(data, d, base_mix[d.sector]);
  }
  // Where a replacement ratio caps new capacity, output is what the capacity can produce;
  // the rest of the demand is reported as unmet (and is not produced, nor in GDP).
  r.unmet_activity.setZero(T, S);
  for (const auto& d : dynamics) {
    if (!d.constrained) continue;
    const auto s = static_cast<Eigen::Index>(d.sector);
    for (Eigen::Index t = 0; t < T; ++t) {
      const double demand = r.activity(t, s);
      const double output = std::min(demand, d.output_capacity[t]);
      r.unmet_activity(t, s) = demand - output;
      r.activity(t, s) = output;
    }
  }
  // Pass 1, year by year: intensities, final energy and the electricity balance.
  struct ElectricityBalance {
    double consumption_twh, imports_twh, non_fossil_used_twh, thermal_twh, curtailed_twh,
        final_heat_tce;
  };
  std::vector<ElectricityBalance> balance(static_cast<std::size_t>(T));
  for (Eigen::Index t = 0; t < T; ++t) {
    const int year = scenario.base_year + static_cast<int>(t);
    r.years.push_back(year);
    const std::string at = " in " + std::to_string(year);
    const Eigen::VectorXd activity_now = r.activity.row(t).transpose();

    // Intensity: the sector's own rate (operational improvement) times, for sectors with
    // technology classes, the change of their capacity-weighted intensity (stock turnover).
    if (t > 0) {
      for (std::size_t s = 0; s < S; ++s) {
        const double change = value_or(sector_paths[s].intensity, year, 0.0);
        detail::require_bounded([&] { return "intensity_change " + data.sectors[s].id + at; },
                                "rate", change, -1.0, 10.0);
        intensity[s] *= 1.0 + change;
        if (const detail::SectorDynamics* d = dynamics_of[s])
          intensity[s] *= d->intensity_index[t] / d->intensity_index[t - 1];
      }
    }

    // Final energy by sector and fuel.
    for (std::size_t s = 0; s < S; ++s) {
      const Eigen::VectorXd& mix =
          dynamics_of[s] ? class_mixes[s][static_cast<std::size_t>(t)] : base_mix[s];
      const Eigen::VectorXd shares =
          detail::fuel_shares(data, data.sectors[s].id, sector_paths[s].fuel_share, mix, year);
      for (std::size_t f = 0; f < F; ++f)
        r.energy_tce(t, s * F + f) = activity_now[s] * intensity[s] * shares[f];
    }

    // Electricity: imports and must-run non-fossil first, thermal plants fill the rest.
    double final_electricity_tce = 0.0, final_heat_tce = 0.0;
    for (std::size_t s = 0; s < S; ++s) {
      final_electricity_tce += r.energy_tce(t, s * F + elec);
      final_heat_tce += r.energy_tce(t, s * F + heat);
    }
    const double consumption_twh =
        final_electricity_tce / units::ELECTRICITY_CALORIFIC_TCE_PER_MWH * 1e-6;
    const double grid_loss = paths.value("grid_loss_share", "total", year, grid_loss_default);
    detail::require_bounded([&] { return "grid_loss_share" + at; }, "share", grid_loss, 0.0, 0.5);
    const double supply_twh = consumption_twh * (1.0 + grid_loss);
    double imports_twh = 0.0;
    if (const TimePath* share = paths.find("import_share", "total")) {
      detail::require_bounded([&] { return "import_share" + at; }, "share", share->at(year), 0.0,
                              1.0);
      imports_twh = share->at(year) * supply_twh;
    } else {
      imports_twh = paths.value("import_twh", "total", year, data.power_parameter("import_twh"));
      detail::require_bounded([&] { return "import_twh" + at; }, "value", imports_twh, 0.0,
                              std::numeric_limits<double>::infinity());
    }
    imports_twh = std::min(imports_twh, supply_twh);
    const double net_local_twh = supply_twh - imports_twh;
    double non_fossil_twh = 0.0;
    for (std::size_t k = 0; k < NT; ++k) {
      const std::string& tech = NON_FOSSIL_TECHNOLOGIES[k];
      const double capacity = paths.value("capacity_gw", tech, year, 0.0);
      const double factor = paths.value("capacity_factor", tech, year, 0.0);
      detail::require_bounded([&] { return "capacity_gw " + tech + at; }, "value", capacity, 0.0,
                              std::numeric_limits<double>::infinity());
      detail::require_bounded([&] { return "capacity_factor " + tech + at; }, "value", factor, 0.0,
                              1.0);
      r.generation_twh(t, static_cast<Eigen::Index>(k)) =
          capacity * factor * units::HOURS_PER_YEAR * 1e-3;
      non_fossil_twh += r.generation_twh(t, static_cast<Eigen::Index>(k));
    }
    // Thermal plants fill what imports and must-run non-fossil leave; surplus non-fossil
    // output is curtailed. The supply heat rate already covers plant own use.
    const double thermal_twh = std::max(0.0, net_local_twh - non_fossil_twh);
    const double curtailed_twh = std::max(0.0, non_fossil_twh - net_local_twh);
    const double non_fossil_used_twh = non_fossil_twh - curtailed_twh;
    r.generation_twh(t, static_cast<Eigen::Index>(NT)) = thermal_twh;
    r.generation_twh(t, static_cast<Eigen::Index>(NT + 1)) = imports_twh;
    balance[static_cast<std::size_t>(t)] = {consumption_twh, imports_twh,   non_fossil_used_twh,
                                            thermal_twh,     curtailed_twh, final_heat_tce};
  }

  // The thermal fleet turns over with thermal generation (capacity in GW); its capacity-weighted
  // heat rate, relative to the base year, scales the coal_heat_rate_gce_per_kwh lever.
  std::vector<double> thermal_twh;
  for (const auto& b : balance) thermal_twh.push_back(b.thermal_twh);
  const std::optional<detail::SectorDynamics> fleet = detail::simulate_thermal_fleet(
      data, paths, power_sector, thermal_twh, model_years, solver, "run " + scenario.name);
  std::vector<const detail::SectorDynamics*> stocks;
  for (const auto& d : dynamics) stocks.push_back(&d);
  if (fleet) stocks.push_back(&*fleet);
  for (const auto* d : stocks)
    for (const auto& name : d->classes)
      r.capacity_ids.push_back(data.sectors[d->sector].id + "/" + name);
  r.capacity.setZero(T, static_cast<Eigen::Index>(r.capacity_ids.size()));
  {
    Eigen::Index column = 0;
    for (const auto* d : stocks) {
      r.capacity.middleCols(column, d->result.capacity.cols()) = d->result.capacity;
      column += d->result.capacity.cols();
    }
  }

  // Pass 2, year by year: thermal and heat fuel input, emissions, indicators.
  for (Eigen::Index t = 0; t < T; ++t) {
    const int year = scenario.base_year + static_cast<int>(t);
    const std::string at = " in " + std::to_string(year);
    const Eigen::VectorXd activity_now = r.activity.row(t).transpose();
    const ElectricityBalance& b = balance[static_cast<std::size_t>(t)];
    const double lever_rate =
        paths.value("coal_heat_rate_gce_per_kwh", "total", year, heat_rate_default);
    detail::require_bounded([&] { return "coal_heat_rate_gce_per_kwh" + at; }, "value", lever_rate,
                            150.0, 600.0);
    const double heat_rate = fleet && fleet->result.intensity[t] > 0
                                 ? lever_rate * fleet->intensity_index[t]
                                 : lever_rate;
    const double thermal_input_tce = units::tce_from_generation(b.thermal_twh, heat_rate);
    const Eigen::VectorXd electricity_mix = detail::fuel_shares(
        data, "electricity_generation", electricity_share_paths, data.electricity_fuel_mix, year);
    const Eigen::VectorXd heat_mix =
        detail::fuel_shares(data, "heat_supply", heat_share_paths, data.heat_fuel_mix, year);
    const double heat_input_tce = b.final_heat_tce / boiler_efficiency;
    for (std::size_t f = 0; f < F; ++f)
      r.energy_tce(t, power_sector * F + f) +=
          thermal_input_tce * electricity_mix[f] + heat_input_tce * heat_mix[f];

    // Emissions: combustion by fuel, process by activity, CCUS capture by sector.
    double pollutant_totals[3] = {0, 0, 0};
    for (std::size_t s = 0; s < S; ++s) {
      double kept[3];
      for (int p = 0; p < 3; ++p) {
        const double removal = value_or(sector_paths[s].removal[p], year, 0.0);
        detail::require_bounded(
            [&] {
              return "removal_efficiency " + data.sectors[s].id + "/" + POLLUTANT_NAMES[p] + at;
            },
            "value", removal, 0.0, 1.0);
        kept[p] = 1e-3 * (1.0 - removal);
      }
      for (std::size_t f = 0; f < F; ++f) {
        const double tce = r.energy_tce(t, s * F + f);
        r.co2_t(t, s * F + f) = tce * fuels[f].co2_t_per_tce();
        const double uncontrolled[3] = {fuels[f].so2_kg_per_tce, fuels[f].nox_kg_per_tce,
                                        fuels[f].pm_kg_per_tce};
        for (int p = 0; p < 3; ++p) {
          const double emitted = tce * uncontrolled[p] * kept[p];
          r.pollutants_t(t, static_cast<Eigen::Index>(s * 3 + p)) += emitted;
          pollutant_totals[p] += emitted;
        }
      }
    }
    for (std::size_t i = 0; i < data.base_process.size(); ++i) {
      const ProcessSource& source = data.base_process[i];
      const std::string& sector_id = data.sectors[source.sector].id;
      const double factor = value_or(sector_paths[source.sector].process, year, 1.0);
      detail::require_bounded([&] { return "process_intensity " + sector_id + at; }, "value",
                              factor, 0.0, std::numeric_limits<double>::infinity());
      r.process_co2_t(t, source.sector) +=
          process_per_activity[i] * activity_now[source.sector] * factor;
    }
    for (std::size_t s = 0; s < S; ++s) {
      const double wanted = value_or(sector_paths[s].ccus, year, 0.0) * 1e6;
      detail::require_bounded([&] { return "ccus_capture_mt " + data.sectors[s].id + at; }, "value",
                              wanted, 0.0, std::numeric_limits<double>::infinity());
      const double available =
          r.co2_t.block(t, static_cast<Eigen::Index>(s * F), 1, static_cast<Eigen::Index>(F))
              .sum() +
          r.process_co2_t(t, s);
      r.captured_co2_t(t, s) = std::min(wanted, available);
    }

    // Indicators.
    double fossil_tce = 0.0, coal_tce = 0.0, coal_t = 0.0, co2_energy = 0.0, co2_two_high = 0.0;
    for (std::size_t s = 0; s < S; ++s) {
      for (std::size_t f = 0; f < F; ++f) {
        const double tce = r.energy_tce(t, s * F + f);
        if (fuels[f].fossil) fossil_tce += tce;
        if (fuels[f].coal) coal_tce += tce;
        if (fuels[f].coal && fuels[f].unit == "t") coal_t += tce / fuels[f].tce_per_unit;
        co2_energy += r.co2_t(t, s * F + f);
      }
      if (data.sectors[s].two_high)
        co2_two_high +=
            r.co2_t.block(t, static_cast<Eigen::Index>(s * F), 1, static_cast<Eigen::Index>(F))
                .sum() +
            r.process_co2_t(t, s) - r.captured_co2_t(t, s);
    }
    double direct_non_fossil_tce = 0.0;  // biomass and hydrogen used directly
    for (std::size_t s = 0; s < S; ++s)
      direct_non_fossil_tce += r.energy_tce(t, s * F + biomass) + r.energy_tce(t, s * F + hydrogen);
    const double import_non_fossil = paths.value("import_non_fossil_share", "total", year,
                                                 data.power_parameter("import_non_fossil_share"));
    detail::require_bounded([&] { return "import_non_fossil_share" + at; }, "share",
                            import_non_fossil, 0.0, 1.0);
    const double coal_method_tce_per_twh = units::tce_from_generation(1.0, heat_rate);
    const double calorific_tce_per_twh = units::ELECTRICITY_CALORIFIC_TCE_PER_MWH * 1e6;
    const double primary_electricity_twh = b.non_fossil_used_twh + b.imports_twh;
    const double non_fossil_electricity_twh =
        b.non_fossil_used_twh + b.imports_twh * import_non_fossil;
    const double energy_coal_method =
        fossil_tce + primary_electricity_twh * coal_method_tce_per_twh + direct_non_fossil_tce;
    const double energy_calorific =
        fossil_tce + primary_electricity_twh * calorific_tce_per_twh + direct_non_fossil_tce;
    const double process = r.process_co2_t.row(t).sum();
    const double captured = r.captured_co2_t.row(t).sum();
    const double co2_total = co2_energy + process - captured;
    double gdp = 0.0;
    for (std::size_t s = 0; s < S; ++s)
      if (data.sectors[s].activity_driver == "value_added") gdp += activity_now[s];
    const bool coal_method =
        scenario.options.electricity_method == ElectricityMethod::coal_consumption;
    const double energy_total = coal_method ? energy_coal_method : energy_calorific;
    const double electricity_tce_per_twh =
        coal_method ? coal_method_tce_per_twh : calorific_tce_per_twh;

    const double values[] = {
        gdp,
        energy_coal_method * 1e-6,
        energy_calorific * 1e-6,
        coal_t * 1e-6,
        (non_fossil_electricity_twh * electricity_tce_per_twh + direct_non_fossil_tce) /
            energy_total,
        co2_total * 1e-6,
        co2_energy * 1e-6,
        process * 1e-6,
        r.co2_t.block(t, static_cast<Eigen::Index>(power_sector * F), 1,
                      static_cast<Eigen::Index>(F))
                .sum() *
            1e-6,
        co2_two_high * 1e-6,
        energy_total / (gdp * 1e4),
        co2_total / (gdp * 1e4),
        coal_tce / energy_total,
        (non_fossil_electricity_twh * calorific_tce_per_twh + direct_non_fossil_tce) /
            energy_calorific,
        captured * 1e-6,
        b.consumption_twh,
        b.imports_twh,
        b.non_fossil_used_twh,
        b.thermal_twh,
        b.curtailed_twh,
        pollutant_totals[0] * 1e-3,
        pollutant_totals[1] * 1e-3,
        pollutant_totals[2] * 1e-3,
        heat_rate};
    static_assert(sizeof(values) / sizeof(double) == 24, "one value per indicator");
    for (Eigen::Index i = 0; i < r.indicator_values.cols(); ++i) {
      if (!std::isfinite(values[i]))  // e.g. a zero GDP: say which indicator, never a silent NaN
        check_finite("run " + scenario.name + at, INDICATOR_NAMES[static_cast<std::size_t>(i)],
                     values[i]);
      r.indicator_values(t, i) = values[i];
    }
  }
  return r;
}

/// @brief Default tolerances of the stock integration in run(): relative 1e-6 and absolute 1e-6
/// (capacity is in activity units, 10^8 CNY for value-added sectors), steps of at most a year.
inline stock::SolverOptions default_run_solver_options() {
  stock::SolverOptions options;
  options.rel_tolerance = 1e-6;
  options.abs_tolerance = 1e-6;
  options.max_step = 1.0;
  return options;
}

/// @brief Runs @p scenario with default_run_solver_options().
inline Results run(const Scenario& scenario) {
  return run(scenario, default_run_solver_options());
}

}  // namespace peakpath
