// SPDX-License-Identifier: Apache-2.0
// peakpath: the economy stage: sector activity from GDP, population and growth curves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/model/detail/growth_curve.hpp"
#include "peakpath/model/detail/require_bounded.hpp"
#include "peakpath/model/run_context.hpp"

namespace peakpath::stages {

/// @brief What the economy asks of each sector, before any capacity limit.
struct Economy {
  Eigen::MatrixXd activity_demand;  ///< years x sectors, activity units (10^8 CNY for value added)
};

/// @brief The economy stage: each sector's activity grows by its `activity_growth` path, or by
/// `activity_elasticity` (default 1) x its driver's growth (`gdp_growth`, or
/// `population_growth` for sectors driven by population); a sector with a logistic or Bass
/// growth curve (a new growth driver) follows the curve instead. docs/dynamics.md.
/// @throws std::invalid_argument for a growth rate outside [-1, 10] or a missing gdp_growth.
inline Economy economy(const RunContext& ctx) {
  const std::size_t S = ctx.sector_count();
  std::vector<std::optional<detail::GrowthCurve>> curves(S);
  std::vector<const TimePath*> growth(S), elasticity(S);
  for (std::size_t s = 0; s < S; ++s) {
    const std::string& id = ctx.data.sectors[s].id;
    curves[s] = detail::growth_curve(ctx.paths, id, ctx.scenario.base_year,
                                     ctx.data.base_activity[static_cast<Eigen::Index>(s)]);
    growth[s] = ctx.paths.find("activity_growth", id);
    elasticity[s] = ctx.paths.find("activity_elasticity", id);
  }
  Economy economy;
  economy.activity_demand.resize(ctx.year_count(), static_cast<Eigen::Index>(S));
  Eigen::VectorXd activity = ctx.data.base_activity;
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const int year = ctx.year(t);
    if (t > 0) {
      const double gdp_growth = ctx.paths.required("gdp_growth", "total", year);
      const double population_growth = ctx.paths.value("population_growth", "total", year, 0.0);
      for (std::size_t s = 0; s < S; ++s) {
        const Sector& sector = ctx.data.sectors[s];
        if (curves[s]) {
          activity[static_cast<Eigen::Index>(s)] = curves[s]->at(year);
          continue;
        }
        const double driver =
            sector.activity_driver == "population" ? population_growth : gdp_growth;
        const double rate =
            detail::value_or(growth[s], year, detail::value_or(elasticity[s], year, 1.0) * driver);
        detail::require_bounded(
            [&] { return "activity_growth " + sector.id + " in " + std::to_string(year); }, "rate",
            rate, -1.0, 10.0);
        activity[static_cast<Eigen::Index>(s)] *= 1.0 + rate;
      }
    }
    economy.activity_demand.row(t) = activity.transpose();
  }
  return economy;
}

}  // namespace peakpath::stages
