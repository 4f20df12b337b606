// SPDX-License-Identifier: Apache-2.0
// peakpath: the capital-stock stage: technology classes of industry turn over (C2).
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "peakpath/model/detail/sector_dynamics.hpp"
#include "peakpath/model/run_context.hpp"
#include "peakpath/model/stages/economy.hpp"

namespace peakpath::stages {

/// @brief The capital stock of the sectors with technology classes, except the thermal fleet
/// (which turns over with thermal generation in the power-and-heat stage).
struct CapitalStock {
  std::vector<detail::SectorDynamics> sectors;  ///< one per sector with classes
  /// Per sector (empty for sectors without classes): the fuel mix of each year, blended from
  /// the classes' mixes by their share of the sector's energy.
  std::vector<std::vector<Eigen::VectorXd>> fuel_mix;

  /// @brief The dynamics of sector @p s, or nullptr when it has no technology classes.
  const detail::SectorDynamics* of(std::size_t s) const {
    for (const auto& d : sectors)
      if (d.sector == s) return &d;
    return nullptr;
  }
};

/// @brief The capital-stock stage: each sector with technology classes keeps the capacity its
/// activity demand needs (Boost.Odeint, docs/dynamics.md); its capacity-weighted intensity and
/// class fuel mixes feed end-use demand, its capacity caps output under a replacement ratio.
/// @throws IntegrationError (with the sector and year) when the stock dynamics fail.
inline CapitalStock capital_stock(const RunContext& ctx, const Economy& economy) {
  CapitalStock stock;
  stock.sectors = detail::simulate_sector_dynamics(ctx.data, ctx.paths, economy.activity_demand,
                                                   ctx.stock_years, ctx.solver, ctx.power_sector);
  stock.fuel_mix.resize(ctx.sector_count());
  for (const auto& d : stock.sectors)
    stock.fuel_mix[d.sector] = detail::class_mix_blend(ctx.data, d, ctx.base_mix[d.sector]);
  return stock;
}

}  // namespace peakpath::stages
