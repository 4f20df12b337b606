// SPDX-License-Identifier: Apache-2.0
// peakpath: a scenario's levers as a function of one scalar (for goal seeking and sweeps).
#pragma once

#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/core/check.hpp"
#include "peakpath/core/time_path.hpp"
#include "peakpath/data/path_set.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace peakpath {

/// @brief How the scalar x of a LeverAdjustment changes the scenario.
enum class LeverMode {
  constant,    ///< the lever's path is x from `from_year` on (every year when from_year is 0)
  multiplier,  ///< the lever's path times x from `from_year` on (every year when 0)
  scale,       ///< every path of `package` at base + x (package - base) from `from_year` on
               ///< (every year when 0): 0 keeps the scenario
  start_year   ///< `schedule` shifted in time so that its first point lies in year x
};

/// @brief One scalar knob on a scenario: a lever (variable and key) or a package of levers.
struct LeverAdjustment {
  LeverMode mode = LeverMode::constant;
  std::string variable;       ///< constant, multiplier, start_year: a LEVER_VARIABLES name
  std::string key = "total";  ///< e.g. a sector, technology or "sector/fuel"
  int from_year = 0;          ///< constant, multiplier, scale: first year changed (0: all years)
  PathSet package;            ///< scale: the levers at x = 1
  TimePath schedule;          ///< start_year: the schedule (held flat before its first point)
};

namespace detail {

inline const TimePath& existing_path(const PathSet& paths, const std::string& variable,
                                     const std::string& key, const char* mode) {
  const auto v = paths.find(variable);
  if (v == paths.end() || v->second.find(key) == v->second.end())
    throw std::invalid_argument(std::string("lever adjustment (") + mode + "): the scenario has " +
                                "no path " + variable + "/" + key + " to change (set one first)");
  return v->second.at(key);
}

/// The points of @p path plus the years just before and at @p from (so that a change from
/// that year on does not leak into earlier years through interpolation).
inline std::vector<double> change_points(const TimePath& path, int from) {
  std::set<double> years(path.years().begin(), path.years().end());
  if (from != 0) {
    years.insert(from - 1.0);
    years.insert(static_cast<double>(from));
  }
  return {years.begin(), years.end()};
}

}  // namespace detail

/// @brief The scenario with @p adjustment applied at @p x.
/// @param scenario the scenario changed
/// @param adjustment the lever or package and how x acts on it
/// @param x the scalar (a value, multiplier, scale factor or year)
/// @return a copy of the scenario with the changed levers
/// @throws std::invalid_argument for an unknown lever, a missing path to multiply, scale or
///         extend from a year, or an empty package or schedule
/// @throws std::domain_error for a non-finite x
inline Scenario apply_lever(const Scenario& scenario, const LeverAdjustment& adjustment, double x) {
  check_finite("apply_lever", "x", x);
  const PathSet effective = scenario.effective_paths();
  PathSet changed;
  const std::string& var = adjustment.variable;
  const std::string& key = adjustment.key;
  const int from = adjustment.from_year;
  switch (adjustment.mode) {
    case LeverMode::constant: {
      if (from == 0) {
        changed[var][key] = TimePath(x);
        break;
      }
      const TimePath& old = detail::existing_path(effective, var, key, "constant");
      std::vector<double> years, values;
      for (double year : detail::change_points(old, from))
        if (year <= from) {
          years.push_back(year);
          values.push_back(year < from ? old.at(year) : x);
        }
      changed[var][key] = TimePath(years, values, "apply_lever " + var + "/" + key);
      break;
    }
    case LeverMode::multiplier: {
      const TimePath& old = detail::existing_path(effective, var, key, "multiplier");
      std::vector<double> years = detail::change_points(old, from), values;
      for (double year : years) values.push_back(old.at(year) * (year >= from ? x : 1.0));
      changed[var][key] = TimePath(years, values, "apply_lever " + var + "/" + key);
      break;
    }
    case LeverMode::scale: {
      if (adjustment.package.empty())
        throw std::invalid_argument("lever adjustment (scale): the package is empty");
      for (const auto& [variable, keyed] : adjustment.package)
        for (const auto& [k, target] : keyed) {
          const TimePath& base = detail::existing_path(effective, variable, k, "scale");
          std::set<double> points(target.years().begin(), target.years().end());
          for (double year : detail::change_points(base, from)) points.insert(year);
          std::vector<double> years(points.begin(), points.end()), values;
          for (double year : years)
            values.push_back(base.at(year) +
                             (year >= from ? x * (target.at(year) - base.at(year)) : 0.0));
          changed[variable][k] = TimePath(years, values, "apply_lever " + variable + "/" + k);
        }
      break;
    }
    case LeverMode::start_year: {
      if (adjustment.schedule.empty())
        throw std::invalid_argument("lever adjustment (start_year): the schedule is empty");
      const double shift = x - adjustment.schedule.years().front();
      std::vector<double> years;
      for (double year : adjustment.schedule.years()) years.push_back(year + shift);
      changed[var][key] =
          TimePath(years, adjustment.schedule.values(), "apply_lever " + var + "/" + key);
      break;
    }
  }
  // x defines whole paths (a constant may cover the base year): they replace, not overlay.
  return scenario.with_levers(changed, LeverMerge::replace);
}

}  // namespace peakpath
