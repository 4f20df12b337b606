// SPDX-License-Identifier: Apache-2.0
// peakpath: the accounting stage: energy, CO2, process CO2, CCUS and pollutants (C1).
#pragma once

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/energy/fuel.hpp"
#include "peakpath/model/detail/require_bounded.hpp"
#include "peakpath/model/run_context.hpp"
#include "peakpath/model/sector_fuel.hpp"
#include "peakpath/model/stages/end_use_demand.hpp"
#include "peakpath/model/stages/power_heat.hpp"
#include "peakpath/model/stages/replacement.hpp"

namespace peakpath::stages {

/// @brief Energy and emissions by sector and fuel.
struct Accounts {
  Eigen::MatrixXd energy_tce;      ///< years x (sectors x fuels): final use plus supply input
  Eigen::MatrixXd co2_t;           ///< years x (sectors x fuels): combustion CO2
  Eigen::MatrixXd process_co2_t;   ///< years x sectors
  Eigen::MatrixXd captured_co2_t;  ///< years x sectors (CCUS)
  Eigen::MatrixXd pollutants_t;    ///< years x (sectors x POLLUTANT_NAMES), after removal
};

}  // namespace peakpath::stages

namespace peakpath::detail {

/// The accounting levers of each sector, resolved once per run (nullptr: not set).
struct AccountingPaths {
  std::vector<std::array<const TimePath*, 3>> removal;           ///< per sector, per pollutant
  std::vector<const TimePath*> process_intensity, ccus_capture;  ///< per sector

  explicit AccountingPaths(const RunContext& ctx) {
    for (const auto& sector : ctx.data.sectors) {
      std::array<const TimePath*, 3> by_pollutant{};
      for (std::size_t p = 0; p < POLLUTANT_NAMES.size(); ++p)
        by_pollutant[p] =
            ctx.paths.find("removal_efficiency", sector.id + "/" + POLLUTANT_NAMES[p]);
      removal.push_back(by_pollutant);
      process_intensity.push_back(ctx.paths.find("process_intensity", sector.id));
      ccus_capture.push_back(ctx.paths.find("ccus_capture_mt", sector.id));
    }
  }
};

/// The value of @\p path in @p year, or @p fallback when it is not set.

/// Combustion CO2 and pollutants after removal (`removal_efficiency`, default 0) of every
/// sector and fuel in year row @p t.
inline void combustion_emissions(const RunContext& ctx, const AccountingPaths& levers,
                                 Eigen::Index t, stages::Accounts& accounts) {
  const std::size_t F = ctx.fuel_count();
  const int year = ctx.year(t);
  const auto energy = sector_fuel(accounts.energy_tce, F);
  auto co2 = sector_fuel(accounts.co2_t, F);
  auto pollutants = sector_fuel(accounts.pollutants_t, POLLUTANT_NAMES.size());
  for (std::size_t s = 0; s < ctx.sector_count(); ++s) {
    std::array<double, 3> kept{};  // one per POLLUTANT_NAMES
    for (std::size_t p = 0; p < kept.size(); ++p) {
      const double removal = value_or(levers.removal[s][p], year, 0.0);
      require_bounded(
          [&] {
            return "removal_efficiency " + ctx.data.sectors[s].id + "/" + POLLUTANT_NAMES[p] +
                   " in " + std::to_string(year);
          },
          "value", removal, 0.0, 1.0);
      kept[p] = 1e-3 * (1.0 - removal);
    }
    for (std::size_t f = 0; f < F; ++f) {
      const Fuel& fuel = ctx.fuels[f];
      const double tce = energy(t, s, f);
      co2(t, s, f) = tce * fuel.co2_t_per_tce();
      const std::array<double, 3> uncontrolled = {fuel.so2_kg_per_tce, fuel.nox_kg_per_tce,
                                                  fuel.pm_kg_per_tce};
      for (std::size_t p = 0; p < kept.size(); ++p)
        pollutants(t, s, p) += tce * uncontrolled[p] * kept[p];
    }
  }
}

/// Process CO2 (base-year CO2 per activity x `process_intensity`, default 1) and CCUS capture
/// (`ccus_capture_mt`, at most what the sector emits) in year row @p t.
inline void process_and_capture(const RunContext& ctx, const AccountingPaths& levers,
                                Eigen::Index t, const stages::Activity& activity,
                                stages::Accounts& accounts) {
  const int year = ctx.year(t);
  const std::string at = " in " + std::to_string(year);
  const double inf = std::numeric_limits<double>::infinity();
  for (const ProcessSource& source : ctx.data.base_process) {
    const double factor = value_or(levers.process_intensity[source.sector], year, 1.0);
    require_bounded([&] { return "process_intensity " + ctx.data.sectors[source.sector].id + at; },
                    "value", factor, 0.0, inf);
    const auto s = static_cast<Eigen::Index>(source.sector);
    const double per_activity = source.co2_t / ctx.data.base_activity[s];
    accounts.process_co2_t(t, s) += per_activity * activity.produced(t, s) * factor;
  }
  const auto co2 = sector_fuel(accounts.co2_t, ctx.fuel_count());
  for (std::size_t s = 0; s < ctx.sector_count(); ++s) {
    const double wanted_mt = value_or(levers.ccus_capture[s], year, 0.0);
    require_bounded([&] { return "ccus_capture_mt " + ctx.data.sectors[s].id + at; }, "value",
                    wanted_mt, 0.0, inf);  // the lever's own value (Mt), not the scaled t
    const double wanted = wanted_mt * 1e6;
    const auto k = static_cast<Eigen::Index>(s);
    const double available = co2.sector(t, s).sum() + accounts.process_co2_t(t, k);
    accounts.captured_co2_t(t, k) = std::min(wanted, available);
  }
}

}  // namespace peakpath::detail

namespace peakpath::stages {

/// @brief The accounting stage: energy = final use plus the supply input charged to the
/// power_heat sector; combustion CO2 = tce x 29.3076 GJ x EF x oxidation by fuel; process CO2 by
/// activity; CCUS capture by sector; pollutants after removal. docs/model.md.
/// @throws std::invalid_argument / std::domain_error for a bad lever value, naming it and year.
inline Accounts accounting(const RunContext& ctx, const Activity& activity,
                           const EndUseDemand& demand, const PowerHeat& power) {
  const std::size_t S = ctx.sector_count();
  const Eigen::Index T = ctx.year_count();
  Accounts accounts;
  accounts.energy_tce = demand.final_energy_tce;
  sector_fuel(accounts.energy_tce, ctx.fuel_count()).sector(ctx.power_sector) +=
      power.supply_input_tce;
  accounts.co2_t.setZero(T, accounts.energy_tce.cols());
  accounts.process_co2_t.setZero(T, static_cast<Eigen::Index>(S));
  accounts.captured_co2_t.setZero(T, static_cast<Eigen::Index>(S));
  accounts.pollutants_t.setZero(T, static_cast<Eigen::Index>(S * POLLUTANT_NAMES.size()));
  const detail::AccountingPaths levers(ctx);
  for (Eigen::Index t = 0; t < T; ++t) {
    detail::combustion_emissions(ctx, levers, t, accounts);
    detail::process_and_capture(ctx, levers, t, activity, accounts);
  }
  return accounts;
}

}  // namespace peakpath::stages
