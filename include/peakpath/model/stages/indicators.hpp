// SPDX-License-Identifier: Apache-2.0
// peakpath: the indicators stage: totals, shares and intensities of each year (C1).
#pragma once

#include <cmath>
#include <string>

#include <Eigen/Core>

#include "peakpath/core/check.hpp"
#include "peakpath/energy/units.hpp"
#include "peakpath/model/indicator.hpp"
#include "peakpath/model/run_context.hpp"
#include "peakpath/model/sector_fuel.hpp"
#include "peakpath/model/stages/accounting.hpp"
#include "peakpath/model/stages/power_heat.hpp"
#include "peakpath/model/stages/replacement.hpp"

namespace peakpath::detail {

/// Fossil, coal (tce and tonnes), direct non-fossil (biomass, hydrogen) and combustion-CO2 sums
/// of year row @p t over sectors and fuels.
struct FuelTotals {
  double fossil_tce = 0, coal_tce = 0, coal_t = 0, direct_non_fossil_tce = 0, co2_energy_t = 0,
         co2_two_high_t = 0;
};

inline FuelTotals fuel_totals(const RunContext& ctx, const stages::Accounts& accounts,
                              Eigen::Index t) {
  const std::size_t F = ctx.fuel_count();
  const std::size_t biomass = ctx.data.fuel_index("biomass");
  const std::size_t hydrogen = ctx.data.fuel_index("hydrogen");
  const auto energy = sector_fuel(accounts.energy_tce, F);
  const auto co2 = sector_fuel(accounts.co2_t, F);
  FuelTotals sums;
  for (std::size_t s = 0; s < ctx.sector_count(); ++s) {
    for (std::size_t f = 0; f < F; ++f) {
      const Fuel& fuel = ctx.fuels[f];
      const double tce = energy(t, s, f);
      if (fuel.fossil) sums.fossil_tce += tce;
      if (fuel.coal) sums.coal_tce += tce;
      if (fuel.coal && fuel.unit == "t") sums.coal_t += tce / fuel.tce_per_unit;
      sums.co2_energy_t += co2(t, s, f);
    }
    const auto k = static_cast<Eigen::Index>(s);
    if (ctx.data.sectors[s].two_high)
      sums.co2_two_high_t +=
          co2.sector(t, s).sum() + accounts.process_co2_t(t, k) - accounts.captured_co2_t(t, k);
  }
  for (std::size_t s = 0; s < ctx.sector_count(); ++s)
    sums.direct_non_fossil_tce += energy(t, s, biomass) + energy(t, s, hydrogen);
  return sums;
}

}  // namespace peakpath::detail

namespace peakpath::detail {

/// The indicators of year row @p t. Primary electricity counts by the coal-consumption method
/// (the year's heat rate) or the calorific method (0.1229 kgce/kWh); the scenario's option picks
/// the one in the headline totals, shares and intensities.
inline IndicatorRow indicator_row(const RunContext& ctx, Eigen::Index t,
                                  const stages::Activity& activity, const stages::PowerHeat& power,
                                  const stages::Accounts& accounts) {
  const bool coal_method =
      ctx.scenario.options.electricity_method == ElectricityMethod::coal_consumption;
  const double calorific_tce_per_twh = units::ELECTRICITY_CALORIFIC_TCE_PER_MWH * 1e6;
  const stages::ElectricityBalance& b = power.balance[static_cast<std::size_t>(t)];
  const FuelTotals sums = fuel_totals(ctx, accounts, t);
  const double coal_method_tce_per_twh = units::tce_from_generation(1.0, b.heat_rate_gce_per_kwh);
  const double primary_electricity_twh = b.non_fossil_used_twh + b.imports_twh;
  const double non_fossil_electricity_twh =
      b.non_fossil_used_twh + b.imports_twh * b.import_non_fossil_share;
  const double energy_coal_method = sums.fossil_tce +
                                    primary_electricity_twh * coal_method_tce_per_twh +
                                    sums.direct_non_fossil_tce;
  const double energy_calorific = sums.fossil_tce +
                                  primary_electricity_twh * calorific_tce_per_twh +
                                  sums.direct_non_fossil_tce;
  const double process = accounts.process_co2_t.row(t).sum();
  const double captured = accounts.captured_co2_t.row(t).sum();
  const double co2_total = sums.co2_energy_t + process - captured;
  double gdp = 0.0;
  for (std::size_t s = 0; s < ctx.sector_count(); ++s)
    if (ctx.data.sectors[s].activity_driver == "value_added")
      gdp += activity.produced(t, static_cast<Eigen::Index>(s));
  const double energy_total = coal_method ? energy_coal_method : energy_calorific;
  const double electricity_tce_per_twh =
      coal_method ? coal_method_tce_per_twh : calorific_tce_per_twh;
  const auto pollutants = sector_fuel(accounts.pollutants_t, POLLUTANT_NAMES.size());
  const auto pollutant_kt = [&](std::size_t p) {
    double sum = 0.0;
    for (std::size_t s = 0; s < ctx.sector_count(); ++s) sum += pollutants(t, s, p);
    return sum * 1e-3;
  };

  IndicatorRow row;
  using I = Indicator;
  row[I::gdp_100m_cny] = gdp;
  row[I::energy_total_mtce] = energy_coal_method * 1e-6;
  row[I::energy_total_calorific_mtce] = energy_calorific * 1e-6;
  row[I::coal_consumption_mt] = sums.coal_t * 1e-6;
  row[I::non_fossil_share] =
      (non_fossil_electricity_twh * electricity_tce_per_twh + sums.direct_non_fossil_tce) /
      energy_total;
  row[I::co2_total_mt] = co2_total * 1e-6;
  row[I::co2_energy_mt] = sums.co2_energy_t * 1e-6;
  row[I::co2_process_mt] = process * 1e-6;
  row[I::co2_power_heat_mt] =
      sector_fuel(accounts.co2_t, ctx.fuel_count()).sector(t, ctx.power_sector).sum() * 1e-6;
  row[I::co2_two_high_mt] = sums.co2_two_high_t * 1e-6;
  row[I::energy_intensity_tce_per_10k_cny] = energy_total / (gdp * 1e4);
  row[I::carbon_intensity_t_per_10k_cny] = co2_total / (gdp * 1e4);
  row[I::coal_share] = sums.coal_tce / energy_total;
  row[I::non_fossil_share_calorific] =
      (non_fossil_electricity_twh * calorific_tce_per_twh + sums.direct_non_fossil_tce) /
      energy_calorific;
  row[I::co2_captured_mt] = captured * 1e-6;
  row[I::electricity_consumption_twh] = b.consumption_twh;
  row[I::electricity_import_twh] = b.imports_twh;
  row[I::electricity_non_fossil_twh] = b.non_fossil_used_twh;
  row[I::electricity_thermal_twh] = b.thermal_twh;
  row[I::electricity_curtailed_twh] = b.curtailed_twh;
  row[I::so2_kt] = pollutant_kt(0);
  row[I::nox_kt] = pollutant_kt(1);
  row[I::pm_kt] = pollutant_kt(2);
  row[I::thermal_heat_rate_gce_per_kwh] = b.heat_rate_gce_per_kwh;
  // 全社会用电量: end use + grid losses (= busbar supply) + plant own use, which is a share of
  // local gross generation (net local supply / (1 - own-use share)); imports carry none.
  const double own_use = ctx.data.power_parameter("plant_own_use_share");
  const double net_local_twh = b.non_fossil_used_twh + b.thermal_twh;
  row[I::electricity_total_consumption_twh] = b.imports_twh + net_local_twh / (1.0 - own_use);
  return row;
}

}  // namespace peakpath::detail

namespace peakpath::stages {

/// @brief The indicators stage: one row per year, the columns of INDICATOR_NAMES
/// (docs/model.md defines each).
/// @throws std::domain_error naming the indicator and year when one is not finite (e.g. a zero
///         GDP), never a silent NaN.
inline Eigen::MatrixXd indicators(const RunContext& ctx, const Activity& activity,
                                  const PowerHeat& power, const Accounts& accounts) {
  Eigen::MatrixXd table(ctx.year_count(), static_cast<Eigen::Index>(INDICATOR_COUNT));
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const IndicatorRow row = detail::indicator_row(ctx, t, activity, power, accounts);
    for (std::size_t i = 0; i < INDICATOR_COUNT; ++i) {
      const double value = row.values()[i];
      if (!std::isfinite(value))
        check_finite("run " + ctx.scenario.name + " in " + std::to_string(ctx.year(t)),
                     INDICATOR_NAMES[i], value);
      table(t, static_cast<Eigen::Index>(i)) = value;
    }
  }
  return table;
}

}  // namespace peakpath::stages
