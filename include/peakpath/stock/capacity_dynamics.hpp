// SPDX-License-Identifier: Apache-2.0
// peakpath: continuous capacity dynamics of a sector's technology classes.
#pragma once

#include <Eigen/Dense>
#include <boost/numeric/odeint.hpp>
#include <boost/numeric/odeint/external/eigen/eigen.hpp>
#include <cmath>
#include <cstddef>
#include <exception>
#include <string>
#include <vector>

#include "peakpath/core/check.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/stock/capacity_model.hpp"
#include "peakpath/stock/detail/capacity_system.hpp"
#include "peakpath/stock/detail/piecewise_integrator.hpp"

namespace peakpath::stock {

/// @brief How the capacity dynamics are integrated. Both use the Dormand-Prince 5(4) pair with
/// step-size control at the tolerances of SolverOptions.
enum class IntegrationMethod {
  /// Restarted at every kink of the input paths and at every sample year, landing on each;
  /// own allocation-free stepper (default; docs/stock.md).
  piecewise,
  /// Boost.Odeint's dense-output stepper across the kinks, sampled by interpolation: the
  /// reference the piecewise method is checked against.
  adaptive,
};

/// @brief Settings of the integration.
struct SolverOptions {
  double abs_tolerance = 1e-8;  ///< absolute error per step (in capacity units)
  double rel_tolerance = 1e-8;  ///< relative error per step
  double max_step = 1.0;        ///< largest step in years, so no model year is stepped over
  int max_steps = 100000;       ///< most step attempts between two sample years before giving up
  IntegrationMethod method = IntegrationMethod::piecewise;  ///< see IntegrationMethod
};

/// @brief Capacity and flows sampled at the input years (rows) by class (columns). Flows in
/// row i are the amounts during (years[i-1], years[i]]; row 0 is zero.
struct CapacityResult {
  std::vector<double> years;         ///< the sample years
  std::vector<std::string> classes;  ///< class names, in column order
  Eigen::MatrixXd capacity;          ///< total capacity per class
  Eigen::MatrixXd base_capacity;     ///< what is left of the base-year stock
  Eigen::MatrixXd new_builds;        ///< capacity built (investment)
  Eigen::MatrixXd retirement;        ///< capacity retired at the end of its life
  Eigen::MatrixXd phase_out;         ///< capacity retired early by the phase-out schedules
  Eigen::MatrixXd retrofit_in;       ///< capacity converted into the class
  Eigen::MatrixXd retrofit_out;      ///< capacity converted out of the class
  Eigen::VectorXd needed_capacity;   ///< activity / target utilisation, at least the minimum
  Eigen::VectorXd intensity;         ///< capacity-weighted intensity of the classes
  Eigen::VectorXd cumulative;        ///< cumulative quantity (e.g. emissions) since years[0]
};

namespace detail {

inline void check_path_values(const std::string& where, const std::string& name,
                              const TimePath& path, bool positive) {
  for (std::size_t i = 0; i < path.values().size(); ++i) {
    const auto index = static_cast<std::ptrdiff_t>(i);
    if (positive)
      check_positive(where, name, path.values()[i], index);
    else
      check_nonnegative(where, name, path.values()[i], index);
  }
}

/// Validates model, inputs and options; returns the aged vintages (empty: exponential mode).
inline std::vector<AgedVintage> validate(const CapacityModel& model, const CapacityInputs& in,
                                         const SolverOptions& options) {
  const std::string where = "simulate(" + model.sector + ")";
  if (model.classes.empty()) throw std::invalid_argument(where + ": the model has no classes");
  check_positive(where, "adjustment_time", model.adjustment_time);
  if (model.target_utilisation.empty())
    throw std::invalid_argument(where + ": target_utilisation is not set");
  check_path_values(where, "target_utilisation", model.target_utilisation, true);
  for (std::size_t i = 0; i < model.replacement_ratio.values().size(); ++i)
    check_bounded(where, "replacement_ratio", model.replacement_ratio.values()[i], 1.0, 100.0,
                  static_cast<std::ptrdiff_t>(i));
  const std::size_t n = model.classes.size();
  std::vector<AgedVintage> vintages;
  for (std::size_t k = 0; k < n; ++k) {
    const TechnologyClass& c = model.classes[k];
    const std::string cw = where + " class '" + c.name + "'";
    check_positive(cw, "lifetime.mean", c.lifetime.mean());
    AgedVintage vintage;
    for (std::size_t a = 0; a < c.base_capacity_by_age.size(); ++a) {
      const double b = c.base_capacity_by_age[a];
      check_nonnegative(cw, "base_capacity_by_age", b, static_cast<std::ptrdiff_t>(a));
      const double survived = c.lifetime.sf(static_cast<double>(a));
      if (b > 0 && !(survived > 0))
        throw std::domain_error(peakpath::detail::format_check_message(
            cw, "base_capacity_by_age", static_cast<std::ptrdiff_t>(a), b,
            "the lifetime law leaves nothing of capacity this old"));
      vintage.weights.push_back(b > 0 ? b / survived : 0.0);
    }
    if (model.base_retirement == BaseRetirement::age_distribution) {
      if (c.lifetime.kind() == Lifetime::Kind::fixed)
        throw std::invalid_argument(cw +
                                    ": retirement by age distribution needs a continuous "
                                    "lifetime law, not a fixed lifetime");
      if (model.hazard_table_step > 0)
        vintage.tabulate(c.lifetime, in.years.back() - in.years.front(), model.hazard_table_step);
      vintages.push_back(std::move(vintage));
    }
  }
  if (in.years.size() < 2)
    throw std::invalid_argument(where + ": needs at least 2 sample years, got " +
                                std::to_string(in.years.size()));
  for (std::size_t i = 0; i < in.years.size(); ++i)
    check_finite(where, "years", in.years[i], static_cast<std::ptrdiff_t>(i));
  check_sorted(where, "years", in.years);
  if (in.activity.empty()) throw std::invalid_argument(where + ": activity is not set");
  check_path_values(where, "activity", in.activity, false);
  if (!in.minimum_capacity.empty())
    check_path_values(where, "minimum_capacity", in.minimum_capacity, false);
  if (!in.phase_out.empty()) {
    check_size_match(where, "phase_out", in.phase_out.size(), "classes", n);
    for (std::size_t k = 0; k < n; ++k)
      check_path_values(where, "phase_out[" + model.classes[k].name + "]", in.phase_out[k], false);
  }
  for (std::size_t i = 0; i < in.retrofits.size(); ++i) {
    const RetrofitFlow& r = in.retrofits[i];
    const std::string rw = where + " retrofits[" + std::to_string(i) + "]";
    if (r.from >= n || r.to >= n || r.from == r.to)
      throw std::invalid_argument(rw + ": from = " + std::to_string(r.from) +
                                  ", to = " + std::to_string(r.to) +
                                  ": must be two different classes of " + std::to_string(n));
    if (r.rate.empty()) throw std::invalid_argument(rw + ": rate is not set");
    check_path_values(rw, "rate", r.rate, false);
  }
  check_positive(where, "abs_tolerance", options.abs_tolerance);
  check_positive(where, "rel_tolerance", options.rel_tolerance);
  check_positive(where, "max_step", options.max_step);
  check_positive(where, "max_steps", options.max_steps);
  return vintages;
}

/// Integrates @p system with Boost.Odeint's dense-output Dormand-Prince stepper from the base
/// state @p x0, writing the state at every sample year into the rows of @p samples.
template <class State>
void integrate_adaptive(const CapacitySystem& system, const CapacityInputs& inputs,
                        const SolverOptions& options, const std::vector<double>& x0,
                        const double& last_time, Eigen::MatrixXd& samples) {
  namespace odeint = boost::numeric::odeint;
  State x(x0.size());
  for (std::size_t i = 0; i < x0.size(); ++i) x[i] = x0[i];
  Eigen::Index row = 0;
  const auto observe = [&](const State& s, double) {
    for (std::size_t i = 0; i < x0.size(); ++i) samples(row, static_cast<Eigen::Index>(i)) = s[i];
    ++row;
  };
  using Stepper = odeint::runge_kutta_dopri5<State>;
  auto stepper = odeint::make_dense_output(options.abs_tolerance, options.rel_tolerance,
                                           options.max_step, Stepper());
  const double first_step = std::min(options.max_step, 0.1);
  try {
    odeint::integrate_times(stepper, std::cref(system), x, inputs.years.begin(), inputs.years.end(),
                            first_step, observe, odeint::max_step_checker(options.max_steps));
  } catch (const IntegrationError&) {
    throw;
  } catch (const std::exception& e) {
    system.fail(last_time, e.what());
  }
}

/// The one implementation behind both simulate() overloads.
template <class State>
CapacityResult simulate_impl(const CapacityModel& model, const CapacityInputs& inputs,
                             const SolverOptions& options) {
  std::vector<AgedVintage> vintages = validate(model, inputs, options);
  double last_time = inputs.years.front();
  const CapacitySystem system(model, inputs, std::move(vintages), &last_time);
  const StateLayout layout = system.layout();
  const std::size_t n = layout.n;
  const auto rows = static_cast<Eigen::Index>(inputs.years.size());
  const auto cols = static_cast<Eigen::Index>(n);

  std::vector<double> x0(layout.size(), 0.0);
  for (std::size_t k = 0; k < n; ++k)
    for (double b : model.classes[k].base_capacity_by_age) x0[layout.base(k)] += b;

  // Sampled states: the cumulative states become per-period flows below.
  Eigen::MatrixXd samples(rows, static_cast<Eigen::Index>(layout.size()));
  if (options.method == IntegrationMethod::adaptive) {
    integrate_adaptive<State>(system, inputs, options, x0, last_time, samples);
  } else {
    integrate_piecewise(
        system, inputs.years, x0, options.abs_tolerance, options.rel_tolerance, options.max_step,
        options.max_steps, [&](const std::vector<double>& x, std::size_t row) {
          for (std::size_t i = 0; i < x.size(); ++i)
            samples(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(i)) = x[i];
        });
  }

  CapacityResult r;
  r.years = inputs.years;
  for (const TechnologyClass& c : model.classes) r.classes.push_back(c.name);
  const auto block = [&](std::size_t first) {
    return Eigen::MatrixXd(samples.middleCols(static_cast<Eigen::Index>(first), cols));
  };
  const auto flows = [&](std::size_t first) {
    Eigen::MatrixXd cum = block(first);
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(rows, cols);
    out.bottomRows(rows - 1) = cum.bottomRows(rows - 1) - cum.topRows(rows - 1);
    return out;
  };
  r.base_capacity = block(layout.base(0));
  r.capacity = r.base_capacity + block(layout.fresh(0));
  r.new_builds = flows(layout.cum_new(0));
  r.retirement = flows(layout.cum_retired(0));
  r.phase_out = flows(layout.cum_phase_out(0));
  r.retrofit_in = flows(layout.cum_retrofit_in(0));
  r.retrofit_out = flows(layout.cum_retrofit_out(0));
  r.cumulative = samples.col(static_cast<Eigen::Index>(layout.cumulative()));
  r.needed_capacity.resize(rows);
  r.intensity.resize(rows);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double year = inputs.years[static_cast<std::size_t>(i)];
    r.needed_capacity[i] = needed_capacity(model, inputs, year);
    const double total = r.capacity.row(i).sum();
    double weighted = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const TimePath& intensity = model.classes[k].intensity;
      if (!intensity.empty())
        weighted += r.capacity(i, static_cast<Eigen::Index>(k)) * intensity.at(year);
    }
    r.intensity[i] = total > 0 ? weighted / total : 0.0;
  }
  return r;
}

}  // namespace detail

/// @brief Integrates the capacity dynamics of one sector and samples them at inputs.years.
///
/// Per class k with base-year vintage B_k and new builds N_k (capacity K_k = B_k + N_k):
///   dB_k/dt = -h_k(t) B_k - draws_k B_k / K_k
///   dN_k/dt = x_k(t) I(t) - N_k / L_k - draws_k N_k / K_k + retrofit in_k
///   I(t) = max(0, sum_k (retirement_k + phase-out_k) + (A(t) / u(t) - sum_k K_k) / tau)
/// where L_k is the mean lifetime, h_k = 1 / L_k (exponential) or the hazard of the base-year
/// age distribution, draws are phase-out and retrofit out (at most K_k / month), x_k the
/// normalised new-build weights, A the activity, u the target utilisation and tau the
/// adjustment time. The cumulative quantity integrates A sum_k (K_k / K) e_k(t).
/// Default settings: SolverOptions{} (abs 1e-8, rel 1e-8, max step 1 year, 100000 step attempts
/// per sample interval, the piecewise method).
/// @tparam State state type of the adaptive method: Eigen::VectorXd (default) or
///         std::vector<double>; both give the same result
/// @param model classes, lifetimes, base stock, investment rule
/// @param inputs sample years, activity, phase-out and retrofit schedules
/// @return capacity and flows by class and year
/// @throws std::invalid_argument / std::domain_error on bad model or inputs (validated first)
/// @throws peakpath::IntegrationError naming the sector and year if the integration fails
template <class State = Eigen::VectorXd>
CapacityResult simulate(const CapacityModel& model, const CapacityInputs& inputs) {
  return detail::simulate_impl<State>(model, inputs, SolverOptions{});
}

/// @brief As simulate(model, inputs) with explicit solver settings.
/// @param options tolerances (> 0), largest step (> 0) and step budget (> 0)
/// @throws std::domain_error on a non-positive option; otherwise as simulate(model, inputs)
template <class State = Eigen::VectorXd>
CapacityResult simulate(const CapacityModel& model, const CapacityInputs& inputs,
                        const SolverOptions& options) {
  return detail::simulate_impl<State>(model, inputs, options);
}

}  // namespace peakpath::stock
