// SPDX-License-Identifier: Apache-2.0
// peakpath: the economy stage: sector activity from GDP, population and growth curves.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/model/detail/growth_curve.hpp"
#include "peakpath/model/detail/require_bounded.hpp"
#include "peakpath/model/run_context.hpp"

namespace peakpath::detail {

/// The statistical industry (三次产业) of a sector group: the key of its observed growth path
/// `gdp_growth/<industry>`. Households have none (they are not value added).
/// @throws std::invalid_argument for a value-added sector of a group it does not know.
inline std::string industry_of(const Sector& sector) {
  const std::string& g = sector.group;
  if (g == "agriculture") return "primary";
  if (g == "industry" || g == "two_high_industry" || g == "power_heat" || g == "construction")
    return "secondary";
  if (g == "transport" || g == "services") return "tertiary";
  throw std::invalid_argument("sector " + sector.id + ": group '" + g +
                              "' has no industry (primary, secondary, tertiary) for GDP growth");
}

/// A path read only inside its span (first to last point): observed growth of an industry
/// steers its sectors in the observed years only, the total `gdp_growth` elsewhere.
inline bool within_span(const TimePath* path, int year) {
  return path && !path->empty() && year >= path->years().front() && year <= path->years().back();
}

}  // namespace peakpath::detail

namespace peakpath::stages {

/// @brief What the economy asks of each sector, before any capacity limit.
struct Economy {
  Eigen::MatrixXd activity_demand;  ///< years x sectors, activity units (10^8 CNY for value added)
};

/// @brief The economy stage; `gdp_growth` (key `total`) is the macro driver. A value-added
/// sector grows by `activity_elasticity` (default 1) x the growth of its industry, which is
/// `gdp_growth/<primary|secondary|tertiary>` in the years that path spans (observations) and
/// `gdp_growth/total` otherwise; the sector of group `services` takes the residual, so that
/// the value added of all sectors grows exactly at `gdp_growth/total`. A sector's own
/// `activity_growth` path overrides its elasticity from the path's first year on (before it
/// the sector follows GDP, so a scenario's cap from 2025 leaves the observed history alone);
/// on services it replaces the residual, and GDP is then the sum of the sectors. Population-driven
/// sectors follow `population_growth`; a sector with a logistic or Bass curve follows the curve.
/// docs/dynamics.md.
/// @throws std::invalid_argument for a growth rate outside [-1, 10], a missing gdp_growth, or
///         a residual services value added that is not positive.
inline Economy economy(const RunContext& ctx) {
  const std::size_t S = ctx.sector_count();
  std::vector<std::optional<detail::GrowthCurve>> curves(S);
  std::vector<const TimePath*> growth(S), elasticity(S), industry_growth(S);
  std::optional<std::size_t> residual;
  for (std::size_t s = 0; s < S; ++s) {
    const Sector& sector = ctx.data.sectors[s];
    curves[s] = detail::growth_curve(ctx.paths, sector.id, ctx.scenario.base_year,
                                     ctx.data.base_activity[static_cast<Eigen::Index>(s)]);
    growth[s] = ctx.paths.find("activity_growth", sector.id);
    elasticity[s] = ctx.paths.find("activity_elasticity", sector.id);
    if (sector.activity_driver != "value_added") continue;
    industry_growth[s] = ctx.paths.find("gdp_growth", detail::industry_of(sector));
    if (sector.group == "services" && !growth[s] && !curves[s]) residual = s;
  }
  Economy economy;
  economy.activity_demand.resize(ctx.year_count(), static_cast<Eigen::Index>(S));
  Eigen::VectorXd activity = ctx.data.base_activity;
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const int year = ctx.year(t);
    if (t > 0) {
      const double gdp_growth = ctx.paths.required("gdp_growth", "total", year);
      const double population_growth = ctx.paths.value("population_growth", "total", year, 0.0);
      double gdp_before = 0.0, gdp_others = 0.0;
      for (std::size_t s = 0; s < S; ++s) {
        const Sector& sector = ctx.data.sectors[s];
        const auto k = static_cast<Eigen::Index>(s);
        const bool value_added = sector.activity_driver == "value_added";
        if (value_added) gdp_before += activity[k];
        if (residual && s == *residual) continue;
        if (curves[s]) {
          activity[k] = curves[s]->at(year);
        } else {
          const double driver = !value_added ? population_growth
                                : detail::within_span(industry_growth[s], year)
                                    ? industry_growth[s]->at(year)
                                    : gdp_growth;
          const bool own_path = growth[s] && year >= growth[s]->years().front();
          const double rate =
              own_path ? growth[s]->at(year) : detail::value_or(elasticity[s], year, 1.0) * driver;
          detail::require_bounded(
              [&] {
                // name the lever the rate came from
                return (own_path ? "activity_growth " : "activity_elasticity x driver growth of ") +
                       sector.id + " in " + std::to_string(year);
              },
              "rate", rate, -1.0, 10.0);
          activity[k] *= 1.0 + rate;
        }
        if (value_added) gdp_others += activity[k];
      }
      if (residual) {
        const double services = gdp_before * (1.0 + gdp_growth) - gdp_others;
        if (!(services > 0.0))
          throw std::invalid_argument(
              "economy in " + std::to_string(year) + ": the other sectors' value added " +
              std::to_string(gdp_others) + " leaves no positive residual for services under " +
              "gdp_growth " + std::to_string(gdp_growth) +
              " (lower their activity_growth or activity_elasticity paths)");
        activity[static_cast<Eigen::Index>(*residual)] = services;
      }
    }
    economy.activity_demand.row(t) = activity.transpose();
  }
  return economy;
}

}  // namespace peakpath::stages
