// SPDX-License-Identifier: Apache-2.0
// The piecewise integration of the capacity dynamics against a tight-tolerance adaptive solution
// on a system with every mechanism (aged base stock with a hazard table, phase-out that empties
// a class, retrofits, minimum capacity, replacement ratio), and against the analytic solution of
// a class emptied by a phase-out (the draw limit included).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "peakpath/stock/capacity_dynamics.hpp"

namespace {

namespace ps = peakpath::stock;
using peakpath::TimePath;

ps::TechnologyClass aged_class(const char* name, double total, int ages, double mean,
                               double intensity) {
  ps::TechnologyClass c;
  c.name = name;
  c.lifetime = ps::Lifetime::weibull(3.0, mean / std::tgamma(1.0 + 1.0 / 3.0));
  c.base_capacity_by_age.assign(static_cast<std::size_t>(ages), total / ages);
  c.intensity = TimePath(intensity);
  c.emission_factor = TimePath(intensity * 2.0);
  return c;
}

// Three classes as run() builds them for a two-high sector: base stock aged uniformly and
// retiring by its age distribution (hazard table every 0.25 years), an annual activity path that
// rises then falls, a phase-out of `old` from 2026 that empties it within a few years (the draw
// limit binds from then on), a retrofit old -> mid, a minimum capacity, and new builds moving to
// `clean` along a logistic curve.
struct Case {
  ps::CapacityModel model;
  ps::CapacityInputs inputs;
};

Case every_mechanism(bool replacement_ratio) {
  Case c;
  c.model.sector = "synthetic";
  c.model.base_retirement = ps::BaseRetirement::age_distribution;
  c.model.hazard_table_step = 0.25;
  c.model.target_utilisation = TimePath({2020, 2030, 2060}, {0.8, 0.85, 0.9});
  c.model.classes = {aged_class("old", 300, 40, 30, 1.3), aged_class("mid", 500, 24, 30, 1.0),
                     aged_class("clean", 50, 6, 25, 0.6)};
  c.model.classes[0].new_build_weight = ps::ShareCurve(TimePath({2020, 2025}, {0.3, 0.0}));
  c.model.classes[1].new_build_weight = ps::ShareCurve::logistic(1.0, -0.3, 2035);
  c.model.classes[2].new_build_weight = ps::ShareCurve::logistic(1.0, 0.3, 2035);
  if (replacement_ratio) c.model.replacement_ratio = TimePath({2020, 2030}, {1.0, 1.5});
  for (int y = 2020; y <= 2060; ++y) c.inputs.years.push_back(y);
  std::vector<double> activity;
  for (double y : c.inputs.years)
    activity.push_back(680.0 * (1 + 0.04 * (y - 2020)) *
                       std::exp(-0.002 * (y - 2020) * (y - 2020)));
  c.inputs.activity = TimePath(c.inputs.years, activity);
  c.inputs.minimum_capacity = TimePath({2020, 2040, 2060}, {600, 700, 650});
  c.inputs.phase_out = {TimePath({2020, 2025.5, 2026, 2060}, {0, 0, 90, 90}), TimePath(),
                        TimePath()};
  ps::RetrofitFlow retrofit;
  retrofit.from = 0;
  retrofit.to = 1;
  retrofit.rate = TimePath({2020, 2022, 2030}, {0, 15, 15});
  c.inputs.retrofits = {retrofit};
  return c;
}

ps::SolverOptions options(ps::IntegrationMethod method, double tolerance) {
  ps::SolverOptions o;
  o.method = method;
  o.abs_tolerance = tolerance;
  o.rel_tolerance = tolerance;
  return o;
}

// Largest difference of every sampled quantity (capacity, base capacity, the five flows, the
// cumulative quantity), relative to the largest capacity of the run.
double largest_difference(const ps::CapacityResult& a, const ps::CapacityResult& b) {
  const auto worst = [](const Eigen::MatrixXd& x, const Eigen::MatrixXd& y) {
    return (x - y).cwiseAbs().maxCoeff();
  };
  double d = std::max({worst(a.capacity, b.capacity), worst(a.base_capacity, b.base_capacity),
                       worst(a.new_builds, b.new_builds), worst(a.retirement, b.retirement),
                       worst(a.phase_out, b.phase_out), worst(a.retrofit_in, b.retrofit_in),
                       worst(a.retrofit_out, b.retrofit_out)});
  d = std::max(d, (a.cumulative - b.cumulative).cwiseAbs().maxCoeff() / b.cumulative.maxCoeff() *
                      b.capacity.maxCoeff());
  return d / b.capacity.maxCoeff();
}

class EveryMechanism : public ::testing::TestWithParam<bool> {};

TEST_P(EveryMechanism, PiecewiseConvergesToTheTightAdaptiveSolution) {
  const Case c = every_mechanism(GetParam());
  const ps::CapacityResult reference =
      ps::simulate(c.model, c.inputs, options(ps::IntegrationMethod::adaptive, 1e-12));
  // The case does what it is meant to: `old` is emptied and the draw limit binds.
  EXPECT_LT(reference.capacity(reference.capacity.rows() - 1, 0), 1e-6);
  EXPECT_GT(reference.phase_out.col(0).sum(), 10.0);
  EXPECT_GT(reference.retrofit_in.col(1).sum(), 10.0);
  double previous = 1.0;
  for (double tolerance : {1e-4, 1e-6, 1e-8}) {
    const ps::CapacityResult piecewise =
        ps::simulate(c.model, c.inputs, options(ps::IntegrationMethod::piecewise, tolerance));
    const ps::CapacityResult adaptive =
        ps::simulate(c.model, c.inputs, options(ps::IntegrationMethod::adaptive, tolerance));
    const double error = largest_difference(piecewise, reference);
    // At least as accurate as the adaptive method at the same tolerance, and within a small
    // multiple of the tolerance (which bounds the error per step, not over 40 years); the
    // measured errors are in docs/benchmarks.md.
    EXPECT_LE(error, largest_difference(adaptive, reference)) << tolerance;
    EXPECT_LT(error, 20 * tolerance) << tolerance;
    EXPECT_LT(error, previous) << tolerance;
    previous = error;
  }
}

INSTANTIATE_TEST_SUITE_P(Piecewise, EveryMechanism, ::testing::Bool(), [](const auto& info) {
  return info.param ? "WithReplacementRatio" : "FreeInvestment";
});

// One class with exponential retirement (rate 1/L) and a constant phase-out request P, no demand
// and an adjustment time short enough that nothing is built. While P <= K / MIN_DRAW_TIME = 12 K,
// dK/dt = -K/L - P, so K = (K0 + P L) e^{-t/L} - P L; from t_s, where K = P/12, the draw is 12 K
// and K = (P/12) e^{-(1/L + 12)(t - t_s)} (linear first-order equations, e.g. Boyce & DiPrima,
// Elementary Differential Equations, 2.1).
TEST(PiecewiseIntegration, PhaseOutEmptiesAClassAsTheAnalyticSolution) {
  const double K0 = 100, L = 25, P = 30, draw_rate = 1.0 / ps::detail::MIN_DRAW_TIME;
  ps::CapacityModel model;
  model.sector = "phase-out";
  ps::TechnologyClass c;
  c.name = "coal";
  c.lifetime = ps::Lifetime::weibull(1.0, L);
  c.base_capacity_by_age = {K0};
  model.classes = {c};
  model.adjustment_time = 1.0 / (draw_rate + 8.0);  // 1/tau > 12 + 1/L: no investment
  ps::CapacityInputs in;
  for (int y = 2020; y <= 2030; ++y) in.years.push_back(y);
  in.activity = TimePath(0.0);
  in.phase_out = {TimePath(P)};
  const double t_s = L * std::log((K0 + P * L) / (P / draw_rate + P * L));
  ASSERT_GT(t_s, 2.0);
  ASSERT_LT(t_s, 4.0);  // the limit engages between two sample years, inside a step
  const auto exact = [&](double t) {
    return t <= t_s ? (K0 + P * L) * std::exp(-t / L) - P * L
                    : P / draw_rate * std::exp(-(1.0 / L + draw_rate) * (t - t_s));
  };
  for (auto method : {ps::IntegrationMethod::piecewise, ps::IntegrationMethod::adaptive}) {
    const ps::CapacityResult r = ps::simulate(model, in, options(method, 1e-10));
    EXPECT_EQ(r.new_builds.norm(), 0.0);
    for (std::size_t i = 0; i < r.years.size(); ++i) {
      const double t = static_cast<double>(i);
      EXPECT_NEAR(r.capacity(static_cast<Eigen::Index>(i), 0), exact(t), 1e-7) << i;
    }
    // Mass balance: the base stock leaves by retirement and phase-out only.
    EXPECT_NEAR(r.retirement.sum() + r.phase_out.sum(), K0 - r.capacity(10, 0), 1e-7);
  }
}

// The workspace and the shared hazard tables carry nothing from one run to the next.
TEST(PiecewiseIntegration, RepeatedRunsGiveIdenticalResults) {
  const Case c = every_mechanism(true);
  const ps::CapacityResult first = ps::simulate(c.model, c.inputs);
  const Case other = every_mechanism(false);
  ps::simulate(other.model, other.inputs);
  const ps::CapacityResult second = ps::simulate(c.model, c.inputs);
  EXPECT_EQ(first.capacity, second.capacity);
  EXPECT_EQ(first.cumulative, second.cumulative);
}

}  // namespace
