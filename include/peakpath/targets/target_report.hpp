// SPDX-License-Identifier: Apache-2.0
// peakpath: checking a run against targets — pass/fail and a signed margin per target.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/core/check.hpp"
#include "peakpath/core/format.hpp"
#include "peakpath/model/results.hpp"
#include "peakpath/targets/peak.hpp"
#include "peakpath/targets/target.hpp"
#include "peakpath/targets/target_set.hpp"

namespace peakpath {

/// @brief The verdict on one target. `margin` is signed: >= 0 passes (for peak_by and
/// stable_decline also the status must hold); its unit is `unit`.
struct TargetOutcome {
  std::string id;           ///< the target's id
  std::string description;  ///< the target's description
  TargetKind kind = TargetKind::cap;
  std::string indicator;  ///< the indicator checked
  int year = 0;           ///< the target's year
  double required = 0.0;  ///< reduction, threshold, cap, latest peak year or minimum decline
  double achieved = 0.0;  ///< the run's value of the same quantity
  double margin = 0.0;    ///< achieved beyond required, in `unit` (negative: missed by that much)
  std::string unit;       ///< unit of required, achieved and margin
  bool passed = false;    ///< the verdict
  std::string detail;     ///< one line of context (e.g. the peak's status and value)
  std::string tag;        ///< the target's tag (V, P, U)
};

/// @brief All outcomes of one run against one target set.
struct TargetReport {
  std::string scenario;                 ///< the run's scenario name
  std::string target_set;               ///< the set's name
  std::vector<TargetOutcome> outcomes;  ///< in the set's order

  /// @brief True when every target passes.
  bool passed() const {
    return std::all_of(outcomes.begin(), outcomes.end(),
                       [](const TargetOutcome& o) { return o.passed; });
  }

  /// @brief The outcome of target @p id. @throws std::invalid_argument when there is none.
  const TargetOutcome& outcome(const std::string& id) const {
    for (const auto& o : outcomes)
      if (o.id == id) return o;
    throw std::invalid_argument("target report has no target '" + id + "'");
  }
};

namespace detail {

inline std::string target_where(const Target& target) {
  return "target '" + target.id + "'";
}

/// The run's value of @p indicator in @p year. @throws std::invalid_argument outside the run.
inline double indicator_at(const Results& results, const Target& target,
                           const std::string& indicator, int year) {
  if (std::find(results.years.begin(), results.years.end(), year) == results.years.end())
    throw std::invalid_argument(target_where(target) + ": year " + std::to_string(year) +
                                " is outside the run (" + std::to_string(results.years.front()) +
                                "-" + std::to_string(results.years.back()) + ")");
  return results.indicator(indicator)(static_cast<Eigen::Index>(results.year_index(year)));
}

/// The indicator in the target's base year: from the run when it covers that year, else the
/// target's base_value (from the set's history file).
inline double base_level(const Results& results, const Target& target) {
  const bool in_run = std::find(results.years.begin(), results.years.end(), target.base_year) !=
                      results.years.end();
  if (!in_run && !target.base_value)
    throw std::invalid_argument(
        target_where(target) + ": base year " + std::to_string(target.base_year) +
        " is outside the run and the target set gives no " + target.indicator + " for it (add a " +
        "row to the set's history file)");
  const double level = in_run ? indicator_at(results, target, target.indicator, target.base_year)
                              : *target.base_value;
  check_positive(target_where(target), target.indicator + " in the base year", level);
  return level;
}

/// Weight of @p year between two anchor targets (0 at the first, 1 at the second).
inline double anchor_weight(const Target& target) {
  const Target& a = *target.interpolate_from;
  const Target& b = *target.interpolate_to;
  return static_cast<double>(target.year - a.year) / static_cast<double>(b.year - a.year);
}

/// The highest intensity level the target allows in its year. A milestone interpolates the
/// anchors' levels geometrically (a constant annual rate of change between them).
inline double required_level(const Results& results, const Target& target) {
  if (target.interpolate_from) {
    const double a = required_level(results, *target.interpolate_from);
    const double b = required_level(results, *target.interpolate_to);
    return a * std::pow(b / a, anchor_weight(target));
  }
  return (1.0 - target.value) * base_level(results, target);
}

/// The threshold or cap in the target's year; milestones interpolate the anchors linearly.
inline double required_threshold(const Target& target) {
  if (!target.interpolate_from) return target.value;
  const double a = required_threshold(*target.interpolate_from);
  const double b = required_threshold(*target.interpolate_to);
  return a + anchor_weight(target) * (b - a);
}

/// Unit of an indicator column (from the IAMC table where it is listed, else from its name).
inline std::string indicator_unit(const std::string& indicator) {
  for (const auto& v : IAMC_VARIABLES)
    if (v.indicator == indicator) return v.unit;
  return indicator.size() > 6 && indicator.compare(indicator.size() - 6, 6, "_share") == 0 ? "1"
                                                                                           : "";
}

/// Four significant digits: enough for a report line.
inline std::string report_number(double value, int significant_digits = 4) {
  return peakpath::format_number(value, significant_digits);
}

inline void peak_by(const Results& results, const Target& target, TargetOutcome& o) {
  const Eigen::VectorXd values = results.indicator(target.indicator);
  Eigen::VectorXd years(values.size());
  for (Eigen::Index t = 0; t < years.size(); ++t)
    years(t) = results.years[static_cast<std::size_t>(t)];
  const Peak p = peak(years, values, target.tolerance);
  // Only a peak inside the window passes. Not peaked: the peak can be no earlier than the end
  // of the band. At the start: the peak may lie before the window, so no margin can be
  // measured (NaN, and the detail says why); it does not pass.
  const bool peaked = p.status == PeakStatus::peaked;
  o.required = target.year;
  o.achieved = peaked || p.status == PeakStatus::at_start ? p.year : p.plateau_end;
  o.margin = p.status == PeakStatus::at_start ? std::numeric_limits<double>::quiet_NaN()
                                              : o.required - o.achieved;
  o.unit = "year";
  o.passed = peaked && o.margin >= 0.0;
  o.detail = to_string(p.status) + ": maximum " + report_number(p.value) + " in " +
             report_number(p.year) + ", plateau " + report_number(p.plateau_start) + "-" +
             report_number(p.plateau_end) + (p.rebound ? ", rebounds" : "");
}

inline void stable_decline(const Results& results, const Target& target, TargetOutcome& o) {
  const int a = target.window_start, b = target.year;
  const Eigen::VectorXd values = results.indicator(target.indicator);
  const double at_start = indicator_at(results, target, target.indicator, a);
  const double at_end = indicator_at(results, target, target.indicator, b);
  double earlier_peak = at_start;
  for (std::size_t t = 0; t < results.years.size() && results.years[t] <= a; ++t)
    earlier_peak = std::max(earlier_peak, values(static_cast<Eigen::Index>(t)));
  if (earlier_peak == 0.0 || at_start == 0.0)
    throw std::domain_error(target_where(target) + ": " + target.indicator +
                            " is 0 at the window start: relative changes are undefined");
  double rise = -std::numeric_limits<double>::infinity();
  for (int year = a + 1; year <= b; ++year)
    rise = std::max(rise, (indicator_at(results, target, target.indicator, year) - earlier_peak) /
                              std::abs(earlier_peak));
  const double decline = (at_start - at_end) / (std::abs(at_start) * (b - a));
  o.required = target.value;
  o.achieved = decline;
  o.margin = std::min(target.tolerance - rise, decline - target.value);
  o.unit = "1/yr";
  o.passed = o.margin >= 0.0;
  o.detail = "mean decline " + report_number(100.0 * decline, 3) + " %/yr over " +
             std::to_string(a) + "-" + std::to_string(b) + "; highest year " +
             report_number(100.0 * rise, 3) + " % vs the peak up to " + std::to_string(a) +
             " (allowed " + report_number(100.0 * target.tolerance, 3) + " %)";
}

}  // namespace detail

/// @brief The verdict of @p results on @p target (definitions and margins: docs/targets.md).
///
/// - intensity_reduction: achieved = 1 - I(year) / I(base_year); required = the target's
///   reduction (a milestone: 1 - interpolated level / I(base_year)); margin = achieved - required.
/// - share_at_least: margin = value - threshold; cap: margin = cap - value.
/// - peak_by: passes when the series has peaked (PeakStatus::peaked) in a year <= `year`; a
///   maximum at the window's start (PeakStatus::at_start) does not pass, and its margin is NaN
///   (not measurable: the peak may lie before the window);
///   margin = year - peak year (not peaked: year - end of the band around the maximum).
/// - stable_decline over [a, b] = [window_start, year], with P the maximum up to a: margin =
///   min(tolerance - max over (a, b] of (x - P) / |P|, (x_a - x_b) / (|x_a| (b - a)) - value).
/// @param results a run
/// @param target the target
/// @return the outcome
/// @throws std::invalid_argument when a year the target needs lies outside the run, or an
///         intensity target's base year is neither in the run nor given a base value
/// @throws std::domain_error when a base level is not positive
inline TargetOutcome evaluate_target(const Results& results, const Target& target) {
  TargetOutcome o;
  o.id = target.id;
  o.description = target.description;
  o.kind = target.kind;
  o.indicator = target.indicator;
  o.year = target.year;
  o.tag = target.tag;
  switch (target.kind) {
    case TargetKind::intensity_reduction: {
      const double base = detail::base_level(results, target);
      o.required = 1.0 - detail::required_level(results, target) / base;
      o.achieved =
          1.0 - detail::indicator_at(results, target, target.indicator, target.year) / base;
      o.margin = o.achieved - o.required;
      o.unit = "reduction vs " + std::to_string(target.base_year);
      o.passed = o.margin >= 0.0;
      o.detail = target.indicator + " " + detail::report_number(base) + " in " +
                 std::to_string(target.base_year);
      break;
    }
    case TargetKind::share_at_least:
    case TargetKind::cap: {
      const bool cap = target.kind == TargetKind::cap;
      o.required = detail::required_threshold(target);
      o.achieved = detail::indicator_at(results, target, target.indicator, target.year);
      o.margin = cap ? o.required - o.achieved : o.achieved - o.required;
      o.unit = detail::indicator_unit(target.indicator);
      o.passed = o.margin >= 0.0;
      o.detail = target.indicator + (cap ? " <= " : " >= ") + detail::report_number(o.required);
      break;
    }
    case TargetKind::peak_by:
      detail::peak_by(results, target, o);
      break;
    case TargetKind::stable_decline:
      detail::stable_decline(results, target, o);
      break;
  }
  return o;
}

/// @brief Checks @p results against every target of @p targets.
/// @param results a run
/// @param targets the target set
/// @return the report, outcomes in the set's order
/// @throws as evaluate_target
inline TargetReport check_targets(const Results& results, const TargetSet& targets) {
  TargetReport report{results.scenario, targets.name, {}};
  for (const auto& target : targets.targets)
    report.outcomes.push_back(evaluate_target(results, target));
  return report;
}

}  // namespace peakpath
