// SPDX-License-Identifier: Apache-2.0
// peakpath: the power-and-heat stage: electricity balance, thermal fleet, supply fuel (C1, C2).
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/energy/units.hpp"
#include "peakpath/model/detail/fuel_shares.hpp"
#include "peakpath/model/detail/require_bounded.hpp"
#include "peakpath/model/detail/thermal_fleet.hpp"
#include "peakpath/model/run_context.hpp"
#include "peakpath/model/sector_fuel.hpp"
#include "peakpath/model/stages/end_use_demand.hpp"

namespace peakpath {

/// @brief Must-run non-fossil generation technologies (capacity x capacity factor).
inline const std::vector<std::string> NON_FOSSIL_TECHNOLOGIES = {
    "nuclear", "hydro", "wind_onshore", "wind_offshore", "solar", "biomass"};

}  // namespace peakpath

namespace peakpath::stages {

/// @brief One year of the electricity balance.
struct ElectricityBalance {
  double consumption_twh = 0;      ///< final electricity use
  double imports_twh = 0;          ///< net imports
  double non_fossil_used_twh = 0;  ///< local non-fossil generation, net of curtailment
  double thermal_twh = 0;          ///< thermal generation: what the rest leaves
  double curtailed_twh = 0;        ///< non-fossil output beyond demand
  /// supply heat rate of thermal power (gce/kWh): the lever scaled by the fleet's intensity
  double heat_rate_gce_per_kwh = 0;
  double import_non_fossil_share = 0;  ///< share of imports from non-fossil sources
};

/// @brief Power and heat supply.
struct PowerHeat {
  std::vector<std::string> technologies;    ///< NON_FOSSIL_TECHNOLOGIES, "thermal", "imports"
  Eigen::MatrixXd generation_twh;           ///< years x technologies
  std::vector<ElectricityBalance> balance;  ///< one per year
  Eigen::MatrixXd supply_input_tce;  ///< years x fuels: fuel of thermal plants and heat boilers
  std::optional<detail::SectorDynamics> fleet;     ///< the thermal fleet, where the dataset has one
  std::vector<std::string> capacity_technologies;  ///< NON_FOSSIL_TECHNOLOGIES, "coal", "gas"
  Eigen::MatrixXd capacity_gw;  ///< years x capacity_technologies, standing at the end of year t
};

}  // namespace peakpath::stages

namespace peakpath::detail {

/// Imports, must-run non-fossil generation and thermal generation of year row @p t: imports
/// and must-run non-fossil first, thermal plants fill the rest; surplus non-fossil output is
/// curtailed. The supply heat rate already covers plant own use. Writes row @p t of
/// @p generation_twh (NON_FOSSIL_TECHNOLOGIES, thermal, imports).
inline stages::ElectricityBalance balance_year(const RunContext& ctx, Eigen::Index t,
                                               double consumption_twh,
                                               Eigen::MatrixXd& generation_twh) {
  const int year = ctx.year(t);
  const std::string at = " in " + std::to_string(year);
  const double inf = std::numeric_limits<double>::infinity();
  const double grid_loss = ctx.paths.value("grid_loss_share", "total", year,
                                           ctx.data.power_parameter("grid_loss_share"));
  require_bounded([&] { return "grid_loss_share" + at; }, "share", grid_loss, 0.0, 0.5);
  const double supply_twh = consumption_twh * (1.0 + grid_loss);
  double imports_twh = 0.0;
  if (const TimePath* share = ctx.paths.find("import_share", "total")) {
    require_bounded([&] { return "import_share" + at; }, "share", share->at(year), 0.0, 1.0);
    imports_twh = share->at(year) * supply_twh;
  } else {
    imports_twh =
        ctx.paths.value("import_twh", "total", year, ctx.data.power_parameter("import_twh"));
    require_bounded([&] { return "import_twh" + at; }, "value", imports_twh, 0.0, inf);
  }
  imports_twh = std::min(imports_twh, supply_twh);
  const double net_local_twh = supply_twh - imports_twh;
  double non_fossil_twh = 0.0;
  for (std::size_t k = 0; k < NON_FOSSIL_TECHNOLOGIES.size(); ++k) {
    const std::string& tech = NON_FOSSIL_TECHNOLOGIES[k];
    const double capacity = ctx.paths.value("capacity_gw", tech, year, 0.0);
    const double factor = ctx.paths.value("capacity_factor", tech, year, 0.0);
    require_bounded([&] { return "capacity_gw " + tech + at; }, "value", capacity, 0.0,
                    MAX_CAPACITY_GW);
    require_bounded([&] { return "capacity_factor " + tech + at; }, "value", factor, 0.0, 1.0);
    generation_twh(t, static_cast<Eigen::Index>(k)) =
        capacity * factor * units::HOURS_PER_YEAR * 1e-3;
    non_fossil_twh += generation_twh(t, static_cast<Eigen::Index>(k));
  }
  stages::ElectricityBalance b;
  b.consumption_twh = consumption_twh;
  b.imports_twh = imports_twh;
  b.thermal_twh = std::max(0.0, net_local_twh - non_fossil_twh);
  b.curtailed_twh = std::max(0.0, non_fossil_twh - net_local_twh);
  b.non_fossil_used_twh = non_fossil_twh - b.curtailed_twh;
  const auto thermal = static_cast<Eigen::Index>(NON_FOSSIL_TECHNOLOGIES.size());
  generation_twh(t, thermal) = b.thermal_twh;
  generation_twh(t, thermal + 1) = imports_twh;
  return b;
}

}  // namespace peakpath::detail

namespace peakpath::detail {

/// Generation capacity (GW) standing at the end of each year: the non-fossil technologies'
/// `capacity_gw` paths; coal and gas share the thermal fleet's capacity (where the dataset has
/// a fleet) in the proportion of their planned `capacity_gw` paths, else follow those paths.
inline void generation_capacity(const RunContext& ctx, stages::PowerHeat& power) {
  power.capacity_technologies = NON_FOSSIL_TECHNOLOGIES;
  power.capacity_technologies.push_back("coal");
  power.capacity_technologies.push_back("gas");
  const auto N = static_cast<Eigen::Index>(NON_FOSSIL_TECHNOLOGIES.size());
  power.capacity_gw.setZero(ctx.year_count(), N + 2);
  const TimePath* coal = ctx.paths.find("capacity_gw", "coal");
  const TimePath* gas = ctx.paths.find("capacity_gw", "gas");
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const int year = ctx.year(t);
    for (Eigen::Index k = 0; k < N; ++k)
      power.capacity_gw(t, k) = ctx.paths.value(
          "capacity_gw", NON_FOSSIL_TECHNOLOGIES[static_cast<std::size_t>(k)], year, 0.0);
    const double planned_coal = value_or(coal, year, 0.0), planned_gas = value_or(gas, year, 0.0);
    const double planned = planned_coal + planned_gas;
    const double fleet = power.fleet ? power.fleet->result.capacity.row(t).sum() : planned;
    power.capacity_gw(t, N) = planned > 0 ? fleet * planned_coal / planned : fleet;
    power.capacity_gw(t, N + 1) = planned > 0 ? fleet * planned_gas / planned : 0.0;
  }
}

}  // namespace peakpath::detail

namespace peakpath::stages {

/// @brief The power-and-heat stage: the electricity balance of each year (imports, must-run
/// non-fossil from capacity x capacity factor, thermal filling the rest); the thermal fleet
/// turning over with thermal generation (its capacity-weighted heat rate, relative to the base
/// year, scales the `coal_heat_rate_gce_per_kwh` lever); the fuel input of thermal plants and
/// heat boilers, by the generation and heat-supply fuel mixes. docs/model.md.
/// @throws std::invalid_argument / std::domain_error for a bad lever value, naming it and the
///         year; IntegrationError when the fleet dynamics fail.
inline PowerHeat power_heat(const RunContext& ctx, const EndUseDemand& demand) {
  const std::size_t F = ctx.fuel_count();
  const std::size_t electricity = ctx.data.fuel_index("electricity");
  const std::size_t heat = ctx.data.fuel_index("heat");
  const auto final_energy = sector_fuel(demand.final_energy_tce, F);
  PowerHeat power;
  power.technologies = NON_FOSSIL_TECHNOLOGIES;
  power.technologies.push_back("thermal");
  power.technologies.push_back("imports");
  power.generation_twh.setZero(ctx.year_count(),
                               static_cast<Eigen::Index>(power.technologies.size()));
  std::vector<double> final_heat_tce, thermal_twh;
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    double electricity_tce = 0.0, heat_tce = 0.0;
    for (std::size_t s = 0; s < ctx.sector_count(); ++s) {
      electricity_tce += final_energy(t, s, electricity);
      heat_tce += final_energy(t, s, heat);
    }
    const double consumption_twh =
        electricity_tce / units::ELECTRICITY_CALORIFIC_TCE_PER_MWH * 1e-6;
    power.balance.push_back(detail::balance_year(ctx, t, consumption_twh, power.generation_twh));
    final_heat_tce.push_back(heat_tce);
    thermal_twh.push_back(power.balance.back().thermal_twh);
  }
  power.fleet =
      detail::simulate_thermal_fleet(ctx.data, ctx.paths, ctx.power_sector, thermal_twh,
                                     ctx.stock_years, ctx.solver, "run " + ctx.scenario.name);
  detail::generation_capacity(ctx, power);

  const auto electricity_share =
      detail::fuel_share_paths(ctx.data, ctx.paths, "electricity_generation");
  const auto heat_share = detail::fuel_share_paths(ctx.data, ctx.paths, "heat_supply");
  const double boiler_efficiency = ctx.data.power_parameter("heat_boiler_efficiency");
  const double heat_rate_default = ctx.data.power_parameter("coal_heat_rate_gce_per_kwh");
  const double import_non_fossil_default = ctx.data.power_parameter("import_non_fossil_share");
  power.supply_input_tce.setZero(ctx.year_count(), static_cast<Eigen::Index>(F));
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const int year = ctx.year(t);
    const std::string at = " in " + std::to_string(year);
    ElectricityBalance& b = power.balance[static_cast<std::size_t>(t)];
    const double lever_rate =
        ctx.paths.value("coal_heat_rate_gce_per_kwh", "total", year, heat_rate_default);
    detail::require_bounded([&] { return "coal_heat_rate_gce_per_kwh" + at; }, "value", lever_rate,
                            150.0, 600.0);
    b.heat_rate_gce_per_kwh = power.fleet && power.fleet->result.intensity[t] > 0
                                  ? lever_rate * power.fleet->intensity_index[t]
                                  : lever_rate;
    b.import_non_fossil_share =
        ctx.paths.value("import_non_fossil_share", "total", year, import_non_fossil_default);
    detail::require_bounded([&] { return "import_non_fossil_share" + at; }, "share",
                            b.import_non_fossil_share, 0.0, 1.0);
    const double thermal_input_tce =
        units::tce_from_generation(b.thermal_twh, b.heat_rate_gce_per_kwh);
    const double heat_input_tce = final_heat_tce[static_cast<std::size_t>(t)] / boiler_efficiency;
    const Eigen::VectorXd electricity_mix = detail::fuel_shares(
        ctx.data, "electricity_generation", electricity_share, ctx.data.electricity_fuel_mix, year);
    const Eigen::VectorXd heat_mix =
        detail::fuel_shares(ctx.data, "heat_supply", heat_share, ctx.data.heat_fuel_mix, year);
    power.supply_input_tce.row(t) =
        (thermal_input_tce * electricity_mix + heat_input_tce * heat_mix).transpose();
  }
  return power;
}

}  // namespace peakpath::stages
