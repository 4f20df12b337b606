// SPDX-License-Identifier: Apache-2.0
// peakpath: the end-use demand stage: final energy by sector and fuel (C1).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/model/detail/fuel_shares.hpp"
#include "peakpath/model/detail/require_bounded.hpp"
#include "peakpath/model/run_context.hpp"
#include "peakpath/model/sector_fuel.hpp"
#include "peakpath/model/stages/capital_stock.hpp"
#include "peakpath/model/stages/replacement.hpp"

namespace peakpath::detail {

/// Electrification: sets electricity's share of @p shares (column @p electricity) to
/// @p target and scales the other fuels in proportion, so that the sector's energy is
/// unchanged and only its mix moves.
/// @throws std::domain_error when the target lies outside [0, 1] or the other fuels are gone
///         while the target asks for some of them.
inline void impose_electricity_share(Eigen::VectorXd& shares, Eigen::Index electricity,
                                     double target, const std::string& where) {
  require_bounded([&] { return "electricity_share " + where; }, "share", target, 0.0, 1.0);
  const double others = 1.0 - shares[electricity];
  if (others <= 0.0) {
    if (target < 1.0)
      throw std::domain_error("electricity_share " + where + ": the sector uses electricity " +
                              "only, so no other fuel can take the share " +
                              std::to_string(1.0 - target));
    return;
  }
  shares *= (1.0 - target) / others;
  shares[electricity] = target;
}

/// The electricity share of a sector whose `electricity_share` path gives @p path for its
/// base-year mix, when its mix before electrification holds @p current where the base year held
/// @p base: the odds share/(1 - share) of the path times the mix's change of odds, so that a
/// technology shift (a stock's blended mix) still moves electricity; @p path itself when the
/// mix is the base mix or a share is 0 or 1.
inline double electrified_share(double path, double current, double base) {
  if (path <= 0.0 || path >= 1.0 || base <= 0.0 || base >= 1.0 || current <= 0.0 || current >= 1.0)
    return path;
  const double odds = path / (1.0 - path) * (current / (1.0 - current)) / (base / (1.0 - base));
  return odds / (1.0 + odds);
}

}  // namespace peakpath::detail

namespace peakpath::stages {

/// @brief Final energy use, before power and heat supply.
struct EndUseDemand {
  Eigen::MatrixXd final_energy_tce;  ///< years x (sectors x fuels); read with sector_fuel()
  Eigen::MatrixXd intensity;         ///< years x sectors: tce per activity unit
};

/// @brief The end-use demand stage: energy = activity x intensity x fuel shares per sector.
/// The intensity changes by the sector's `intensity_change` rate (operational improvement) and,
/// for sectors with technology classes, by the change of their capacity-weighted intensity
/// (stock turnover); fuel shares are the base mix (or the classes' blended mix) with any
/// `fuel_share` levers imposed; an `electricity_share` path (electrification) then sets
/// electricity's share of the sector's energy (moved by the odds of a stock's mix change; a
/// `fuel_share` path on electricity takes precedence), the other fuels scaled in proportion.
/// docs/model.md.
/// @throws std::invalid_argument / std::domain_error for a bad intensity change or fuel share.
inline EndUseDemand end_use_demand(const RunContext& ctx, const Activity& activity,
                                   const CapitalStock& stock) {
  const std::size_t S = ctx.sector_count();
  const std::size_t F = ctx.fuel_count();
  const auto electricity = static_cast<Eigen::Index>(ctx.data.fuel_index("electricity"));
  std::vector<const TimePath*> intensity_change(S), electricity_share(S);
  std::vector<std::vector<const TimePath*>> fuel_share(S);
  for (std::size_t s = 0; s < S; ++s) {
    const std::string& id = ctx.data.sectors[s].id;
    intensity_change[s] = ctx.paths.find("intensity_change", id);
    electricity_share[s] = ctx.paths.find("electricity_share", id);
    fuel_share[s] = detail::fuel_share_paths(ctx.data, ctx.paths, id);
  }
  EndUseDemand demand;
  demand.final_energy_tce.setZero(ctx.year_count(), static_cast<Eigen::Index>(S * F));
  demand.intensity.resize(ctx.year_count(), static_cast<Eigen::Index>(S));
  auto energy = sector_fuel(demand.final_energy_tce, F);
  Eigen::VectorXd intensity = ctx.base_intensity;
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const int year = ctx.year(t);
    for (std::size_t s = 0; s < S; ++s) {
      const detail::SectorDynamics* dynamics = stock.of(s);
      const auto k = static_cast<Eigen::Index>(s);
      if (t > 0) {
        const double change = detail::value_or(intensity_change[s], year, 0.0);
        detail::require_bounded(
            [&] {
              return "intensity_change " + ctx.data.sectors[s].id + " in " + std::to_string(year);
            },
            "rate", change, -1.0, 10.0);
        intensity[k] *= 1.0 + change;
        if (dynamics)
          intensity[k] *= dynamics->intensity_index[t] / dynamics->intensity_index[t - 1];
      }
      const Eigen::VectorXd& mix =
          dynamics ? stock.fuel_mix[s][static_cast<std::size_t>(t)] : ctx.base_mix[s];
      Eigen::VectorXd shares =
          detail::fuel_shares(ctx.data, ctx.data.sectors[s].id, fuel_share[s], mix, year);
      // A fuel_share path on electricity takes precedence over electrification.
      if (electricity_share[s] && !fuel_share[s][static_cast<std::size_t>(electricity)]) {
        const double path = electricity_share[s]->at(year);
        detail::require_bounded(
            [&] {
              return "electricity_share " + ctx.data.sectors[s].id + " in " + std::to_string(year);
            },
            "share", path, 0.0, 1.0);
        detail::impose_electricity_share(
            shares, electricity,
            detail::electrified_share(path, shares[electricity], ctx.base_mix[s][electricity]),
            ctx.data.sectors[s].id + " in " + std::to_string(year));
      }
      for (std::size_t f = 0; f < F; ++f)
        energy(t, s, f) =
            activity.produced(t, k) * intensity[k] * shares[static_cast<Eigen::Index>(f)];
    }
    demand.intensity.row(t) = intensity.transpose();
  }
  return demand;
}

}  // namespace peakpath::stages
