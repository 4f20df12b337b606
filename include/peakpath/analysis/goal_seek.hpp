// SPDX-License-Identifier: Apache-2.0
// peakpath: goal seeking — the smallest (or largest) lever value, scale factor or start year
// that meets a target, by bracketing root finding on the target's margin.
#pragma once

#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/math/tools/toms748_solve.hpp>

#include "peakpath/analysis/lever_adjustment.hpp"
#include "peakpath/core/check.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/core/format.hpp"
#include "peakpath/model/run.hpp"
#include "peakpath/targets/target_report.hpp"

namespace peakpath {

/// @brief Which end of the set of passing values goal_seek returns.
enum class SeekDirection {
  smallest,  ///< the least x that meets the target (the margin rises with x)
  largest    ///< the greatest x that meets the target (the margin falls with x)
};

/// @brief Options of goal_seek.
struct GoalSeekOptions {
  SeekDirection find = SeekDirection::smallest;  ///< smallest or largest passing x
  double tolerance = 0.0;               ///< bracket width at which to stop; 0: 1e-6 (hi - lo)
  std::uintmax_t max_iterations = 100;  ///< root-finder iterations (each one run)
  /// First year the lever acts in (constant, multiplier and scale modes; the earliest start
  /// for start_year): earlier years, the base year among them, keep the scenario's values.
  /// 0: the scenario's first projection year, after its observed history. An adjustment's own
  /// from_year is used when this is 0.
  int start_year = 0;
};

/// @brief What goal_seek found.
enum class GoalSeekStatus {
  met,          ///< the target switches from failing to passing inside the bracket, or holds
                ///< at the seeking-side bound only: `value` is the answer
  not_binding,  ///< the target holds at both bounds (every value, the margin being monotone)
  infeasible    ///< the target fails at both bounds: `value` is the bound with the larger margin
};

/// @brief "met", "not_binding" or "infeasible".
inline std::string to_string(GoalSeekStatus status) {
  switch (status) {
    case GoalSeekStatus::met:
      return "met";
    case GoalSeekStatus::not_binding:
      return "not_binding";
    default:
      return "infeasible";
  }
}

/// @brief The answer of goal_seek, re-run and checked.
struct GoalSeekResult {
  double value = 0.0;   ///< the lever value, scale factor or start year found
  double margin = 0.0;  ///< the target's margin at `value` (outcome.margin; >= 0 passes)
  GoalSeekStatus status = GoalSeekStatus::met;  ///< met, not_binding or infeasible
  int start_year = 0;                           ///< the first year the lever acts in
  TargetOutcome outcome;  ///< the target's verdict at `value` (passed unless infeasible)
  Scenario scenario;      ///< the scenario at `value`
  Results results;        ///< its run
  int runs = 0;           ///< model runs used, the check included
};

namespace detail {

/// The target's margin as a root-finding objective: >= 0 exactly when the target passes.
inline double seek_objective(const TargetOutcome& outcome) {
  if (outcome.passed) return std::max(outcome.margin, 0.0);
  if (std::isnan(outcome.margin)) return -1e-12;  // not measurable (a peak at the start): fails
  return std::min(outcome.margin, -1e-12);
}

inline std::string seek_number(double x) {
  return peakpath::format_number(x, 10);
}

/// The first year the lever acts in: @p options.start_year, else the adjustment's own
/// from_year, else the first projection year (the year after the observed history).
/// @throws std::invalid_argument for a year outside the projection or two that disagree
inline int seek_start_year(const Scenario& scenario, const LeverAdjustment& adjustment,
                           const GoalSeekOptions& options, const std::string& where) {
  const int own = adjustment.mode == LeverMode::start_year ? 0 : adjustment.from_year;
  if (options.start_year != 0 && own != 0 && own != options.start_year)
    throw std::invalid_argument(where + ": start_year " + std::to_string(options.start_year) +
                                " and the lever's from_year " + std::to_string(own) +
                                " disagree (give one)");
  const int start = options.start_year != 0 ? options.start_year
                    : own != 0              ? own
                                            : scenario.dataset->history_end + 1;
  if (start <= scenario.base_year || start > scenario.horizon)
    throw std::invalid_argument(
        where + ": start_year " + std::to_string(start) + " must lie in the projection, " +
        std::to_string(scenario.base_year + 1) + "-" + std::to_string(scenario.horizon) +
        " (the base year keeps its values)");
  return start;
}

}  // namespace detail

/// @brief The smallest (or largest) x in [lo, hi] at which @p scenario with @p adjustment
/// applied from the start year on meets @p target, and what was found (GoalSeekStatus).
///
/// Assumes the target's margin is monotone in x over the bracket (rising for `smallest`,
/// falling for `largest`). Both bounds are run first: both passing is `not_binding` (the
/// seeking-side bound is returned), both failing `infeasible` (the bound with the larger margin
/// is returned), the seeking-side bound alone passing is `met` at that bound. Otherwise
/// Boost.Math's TOMS 748 (bracketing, Alefeld, Potra and Shi 1995) narrows the switch from
/// failing to passing to `tolerance` (`met`); the start_year mode bisects over whole years.
/// The returned x is re-run and checked.
/// @param scenario the scenario to change
/// @param adjustment the lever, package or schedule that x acts on
/// @param target the target to meet
/// @param lo lower end of the bracket (a whole year for start_year)
/// @param hi upper end of the bracket, > lo
/// @param options direction, tolerance, iteration limit
/// @return the value, its outcome, scenario and run
/// @throws std::invalid_argument for a bad bracket, tolerance or start year
/// @throws Error when the root finder does not converge or the re-run answer fails
/// @throws as apply_lever, run and evaluate_target
inline GoalSeekResult goal_seek(const Scenario& scenario, const LeverAdjustment& lever,
                                const Target& target, double lo, double hi,
                                const GoalSeekOptions& options = {}) {
  const std::string where = "goal_seek(" + target.id + ")";
  const int start = detail::seek_start_year(scenario, lever, options, where);
  LeverAdjustment adjustment = lever;
  if (adjustment.mode != LeverMode::start_year) adjustment.from_year = start;
  check_finite(where, "lo", lo);
  check_finite(where, "hi", hi);
  if (!(lo < hi))
    throw std::invalid_argument(where + ": the bracket [" + detail::seek_number(lo) + ", " +
                                detail::seek_number(hi) + "] is empty (need lo < hi)");
  const bool years = adjustment.mode == LeverMode::start_year;
  if (years && (lo != std::floor(lo) || hi != std::floor(hi)))
    throw std::invalid_argument(where + ": a start-year bracket must hold whole years");
  if (years && lo < start)
    throw std::invalid_argument(where + ": the bracket starts in " + detail::seek_number(lo) +
                                ", before start_year " + std::to_string(start));
  check_nonnegative(where, "tolerance", options.tolerance);
  const bool smallest = options.find == SeekDirection::smallest;

  int runs = 0;
  auto outcome_at = [&](double x) {
    ++runs;
    return evaluate_target(run(apply_lever(scenario, adjustment, x)), target);
  };
  auto objective = [&](double x) { return detail::seek_objective(outcome_at(x)); };

  const TargetOutcome at_lo = outcome_at(lo), at_hi = outcome_at(hi);
  const TargetOutcome& near = smallest ? at_lo : at_hi;  // the seeking side's bound
  const TargetOutcome& far = smallest ? at_hi : at_lo;
  double answer = 0.0;
  GoalSeekStatus status = GoalSeekStatus::met;
  if (near.passed) {
    answer = smallest ? lo : hi;
    if (far.passed) status = GoalSeekStatus::not_binding;
  } else if (!far.passed) {
    status = GoalSeekStatus::infeasible;
    answer = at_lo.margin >= at_hi.margin ? lo : hi;
  } else if (years) {
    // Whole years: keep `fail` failing and `pass` passing until they are neighbours.
    double fail = smallest ? lo : hi, pass = smallest ? hi : lo;
    while (std::abs(pass - fail) > 1.0) {
      const double mid = std::floor((fail + pass) / 2.0);
      (outcome_at(mid).passed ? pass : fail) = mid;
    }
    answer = pass;
  } else {
    const double width = options.tolerance > 0.0 ? options.tolerance : 1e-6 * (hi - lo);
    std::uintmax_t iterations = options.max_iterations;
    const auto done = [width](double a, double b) { return std::abs(b - a) <= width; };
    const auto [a, b] =
        boost::math::tools::toms748_solve(objective, lo, hi, detail::seek_objective(at_lo),
                                          detail::seek_objective(at_hi), done, iterations);
    if (iterations >= options.max_iterations && !done(a, b))
      throw Error(where + ": no convergence in " + std::to_string(options.max_iterations) +
                  " iterations (bracket [" + detail::seek_number(a) + ", " +
                  detail::seek_number(b) + "])");
    // The end of the final bracket on the passing side.
    answer = smallest ? b : a;
  }
  GoalSeekResult result;
  result.value = answer;
  result.status = status;
  result.start_year = start;
  result.scenario = apply_lever(scenario, adjustment, answer);
  result.results = run(result.scenario);
  result.outcome = evaluate_target(result.results, target);
  result.margin = result.outcome.margin;
  result.runs = runs + 1;
  if (status != GoalSeekStatus::infeasible && !result.outcome.passed)
    throw Error(where + ": the answer " + detail::seek_number(answer) +
                " fails on re-run (margin " + detail::seek_number(result.outcome.margin) + " " +
                result.outcome.unit + "); is the margin monotone in the lever?");
  return result;
}

}  // namespace peakpath
