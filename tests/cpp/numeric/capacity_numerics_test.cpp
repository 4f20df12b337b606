// SPDX-License-Identifier: Apache-2.0
// Numerical tests of the capacity dynamics against analytic solutions: exponential decay,
// survival of an aged vintage, gap closing, steady state, convergence, state types; each with
// both integration methods.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "peakpath/stock/capacity_dynamics.hpp"

namespace {

namespace ps = peakpath::stock;

std::vector<double> year_range(int first, int last) {
  std::vector<double> years(static_cast<std::size_t>(last - first + 1));
  std::iota(years.begin(), years.end(), static_cast<double>(first));
  return years;
}

ps::TechnologyClass one_class(double base, ps::Lifetime lifetime) {
  ps::TechnologyClass c;
  c.name = "only";
  c.lifetime = lifetime;
  c.base_capacity_by_age = {base};
  return c;
}

// No activity and a short adjustment time: investment max(0, K/L - K/tau) is 0, so the
// stock decays as K0 e^{-t/L}.
ps::CapacityModel decay_model() {
  ps::CapacityModel model;
  model.sector = "decay";
  model.classes = {one_class(100.0, ps::Lifetime::weibull(1.0, 25.0))};
  model.adjustment_time = 1.0;
  return model;
}

ps::CapacityInputs no_activity(int last_year) {
  ps::CapacityInputs in;
  in.years = year_range(2020, last_year);
  in.activity = peakpath::TimePath(0.0);
  return in;
}

// Each test runs with both integration methods (SolverOptions::method), default tolerances.
class CapacityNumerics : public ::testing::TestWithParam<ps::IntegrationMethod> {
 protected:
  ps::SolverOptions options(double tolerance = 1e-8) const {
    ps::SolverOptions o;
    o.method = GetParam();
    o.abs_tolerance = tolerance;
    o.rel_tolerance = tolerance;
    return o;
  }
};

TEST_P(CapacityNumerics, ExponentialDecayMatchesTheAnalyticSolution) {
  const ps::CapacityResult r = ps::simulate(decay_model(), no_activity(2080), options());
  for (std::size_t i = 0; i < r.years.size(); ++i) {
    const double exact = 100.0 * std::exp(-static_cast<double>(i) / 25.0);
    EXPECT_NEAR(r.capacity(static_cast<Eigen::Index>(i), 0), exact, 1e-7 * 100.0) << i;
  }
  EXPECT_EQ(r.new_builds.norm(), 0.0);
  // Annual retirement is the integral of K / L over the year: K(t-1) - K(t).
  EXPECT_NEAR(r.retirement(1, 0), 100.0 * (1 - std::exp(-1.0 / 25.0)), 1e-7);
}

TEST_P(CapacityNumerics, AgedVintageRetiresByItsSurvivalFunction) {
  ps::CapacityModel model = decay_model();
  const ps::Lifetime law = ps::Lifetime::normal(30.0, 6.0);
  model.classes[0].lifetime = law;
  model.classes[0].base_capacity_by_age = std::vector<double>(31, 0.0);
  model.classes[0].base_capacity_by_age[5] = 40.0;   // young
  model.classes[0].base_capacity_by_age[25] = 60.0;  // close to the end of its life
  model.base_retirement = ps::BaseRetirement::age_distribution;
  const ps::CapacityResult r = ps::simulate(model, no_activity(2060), options());
  for (std::size_t i = 0; i < r.years.size(); i += 5) {
    const double tau = static_cast<double>(i);
    const double exact = 40.0 * law.sf(5 + tau) / law.sf(5) + 60.0 * law.sf(25 + tau) / law.sf(25);
    EXPECT_NEAR(r.base_capacity(static_cast<Eigen::Index>(i), 0), exact, 1e-6) << i;
  }
}

// Constant activity A with utilisation u: investment = retirement + (K* - K) / tau gives
// dK/dt = (K* - K) / tau, so K = K* + (K0 - K*) e^{-t/tau} (first-order goal seeking: Sterman,
// Business Dynamics, 2000, 8.3).
ps::CapacityInputs constant_activity(double activity, int last_year) {
  ps::CapacityInputs in;
  in.years = year_range(2020, last_year);
  in.activity = peakpath::TimePath(activity);
  return in;
}

double gap_closing_error(const ps::SolverOptions& options) {
  ps::CapacityModel model = decay_model();
  model.adjustment_time = 3.0;
  model.target_utilisation = peakpath::TimePath(0.8);
  const ps::CapacityResult r = ps::simulate(model, constant_activity(120.0, 2040), options);
  double worst = 0;
  for (std::size_t i = 0; i < r.years.size(); ++i) {
    const double exact = 150.0 + (100.0 - 150.0) * std::exp(-static_cast<double>(i) / 3.0);
    worst = std::max(worst, std::abs(r.capacity(static_cast<Eigen::Index>(i), 0) - exact));
  }
  return worst;
}

TEST_P(CapacityNumerics, GapClosingMatchesTheAnalyticSolution) {
  EXPECT_LT(gap_closing_error(options()), 1e-6);
}

TEST_P(CapacityNumerics, ErrorShrinksAsTolerancesTighten) {
  double previous = 1e300;
  for (double tol : {1e-3, 1e-5, 1e-7, 1e-9, 1e-11}) {
    const double error = gap_closing_error(options(tol));
    EXPECT_LE(error, previous) << "tolerance " << tol;
    EXPECT_LT(error, 1000 * tol) << "tolerance " << tol;
    previous = error;
  }
}

TEST_P(CapacityNumerics, SteadyStateStockIsInflowTimesMeanLifetime) {
  ps::CapacityModel model = decay_model();
  model.classes[0].base_capacity_by_age = {0.0};
  model.target_utilisation = peakpath::TimePath(0.5);
  const ps::CapacityResult r = ps::simulate(model, constant_activity(50.0, 2100), options());
  const Eigen::Index last = r.capacity.rows() - 1;
  EXPECT_NEAR(r.capacity(last, 0), 100.0, 1e-6);
  // In steady state annual new builds = retirement = K / L, so K = inflow x mean lifetime.
  EXPECT_NEAR(r.new_builds(last, 0) * 25.0, r.capacity(last, 0), 1e-5);
  EXPECT_NEAR(r.retirement(last, 0), r.new_builds(last, 0), 1e-7);
}

TEST_P(CapacityNumerics, EigenAndStdVectorStatesGiveIdenticalResults) {
  ps::CapacityModel model = decay_model();
  model.adjustment_time = 2.5;
  ps::TechnologyClass clean = one_class(10.0, ps::Lifetime::lognormal(20.0, 5.0));
  clean.name = "clean";
  clean.new_build_weight = ps::ShareCurve::logistic(1.0, 0.4, 2030);
  model.classes[0].new_build_weight = ps::ShareCurve::logistic(1.0, -0.4, 2030);
  model.classes.push_back(clean);
  ps::CapacityInputs in = constant_activity(90.0, 2060);
  in.activity = peakpath::TimePath({2020, 2040, 2060}, {90, 130, 100});
  const ps::CapacityResult a = ps::simulate<Eigen::VectorXd>(model, in, options());
  const ps::CapacityResult b = ps::simulate<std::vector<double>>(model, in, options());
  EXPECT_EQ(a.capacity, b.capacity);
  EXPECT_EQ(a.new_builds, b.new_builds);
  EXPECT_EQ(a.retirement, b.retirement);
  EXPECT_EQ(a.cumulative, b.cumulative);
}

INSTANTIATE_TEST_SUITE_P(BothMethods, CapacityNumerics,
                         ::testing::Values(ps::IntegrationMethod::piecewise,
                                           ps::IntegrationMethod::adaptive),
                         [](const auto& info) {
                           return info.param == ps::IntegrationMethod::piecewise ? "piecewise"
                                                                                 : "adaptive";
                         });

}  // namespace
