// SPDX-License-Identifier: Apache-2.0
// Tests of the capacity dynamics: mass balance, phase-out, retrofits, technology mix,
// intensity and cumulative quantity, and every failure path.
#include <gtest/gtest.h>

#include "../message_of.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "peakpath/core/error.hpp"
#include "peakpath/stock/capacity_dynamics.hpp"

namespace {

namespace ps = peakpath::stock;
using peakpath::TimePath;

std::vector<double> year_range(int first, int last) {
  std::vector<double> years(static_cast<std::size_t>(last - first + 1));
  std::iota(years.begin(), years.end(), static_cast<double>(first));
  return years;
}

// A steel-like sector: old blast furnaces below the baseline level, at benchmark, and scrap EAF.
ps::CapacityModel steel() {
  ps::CapacityModel model;
  model.sector = "steel";
  model.adjustment_time = 2.0;
  model.target_utilisation = TimePath(0.8);
  ps::TechnologyClass below, benchmark, eaf;
  below.name = "bf_bof_below_baseline";
  below.lifetime = ps::Lifetime::weibull(2.5, 35.0);
  below.base_capacity_by_age = {0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
  below.new_build_weight = ps::ShareCurve(TimePath(0.0));
  below.intensity = TimePath(0.60);
  below.emission_factor = TimePath(2.2);
  benchmark.name = "bf_bof_benchmark";
  benchmark.lifetime = ps::Lifetime::weibull(2.5, 35.0);
  benchmark.base_capacity_by_age = {20, 20};
  benchmark.new_build_weight = ps::ShareCurve::logistic(1.0, -0.3, 2035);
  benchmark.intensity = TimePath(0.52);
  benchmark.emission_factor = TimePath(1.9);
  eaf.name = "scrap_eaf";
  eaf.lifetime = ps::Lifetime::lognormal(30.0, 8.0);
  eaf.base_capacity_by_age = {5};
  eaf.new_build_weight = ps::ShareCurve::logistic(1.0, 0.3, 2035);
  eaf.intensity = TimePath(0.20);
  eaf.emission_factor = TimePath(0.4);
  model.classes = {below, benchmark, eaf};
  return model;
}

ps::CapacityInputs steel_inputs() {
  ps::CapacityInputs in;
  in.years = year_range(2020, 2060);
  in.activity = TimePath({2020, 2030, 2060}, {160, 150, 110});
  in.phase_out = {TimePath({2020, 2024, 2025, 2030}, {0, 0, 15, 15}), TimePath(), TimePath()};
  in.retrofits = {{0, 1, TimePath({2020, 2030, 2031}, {3, 3, 0})}};
  return in;
}

TEST(CapacityDynamics, MassBalanceHoldsPerClassAndYear) {
  const ps::CapacityResult r = ps::simulate(steel(), steel_inputs());
  const Eigen::MatrixXd inflow = r.new_builds + r.retrofit_in;
  const Eigen::MatrixXd outflow = r.retirement + r.phase_out + r.retrofit_out;
  for (Eigen::Index i = 1; i < r.capacity.rows(); ++i)
    for (Eigen::Index k = 0; k < 3; ++k)
      EXPECT_NEAR(r.capacity(i, k) - r.capacity(i - 1, k), inflow(i, k) - outflow(i, k), 1e-6)
          << r.years[static_cast<std::size_t>(i)] << " " << r.classes[static_cast<std::size_t>(k)];
  // Retrofits move capacity between classes without changing the total.
  EXPECT_NEAR(r.retrofit_in.sum(), r.retrofit_out.sum(), 1e-9);
  EXPECT_NEAR(r.retrofit_out(5, 0), 3.0, 1e-6);
}

TEST(CapacityDynamics, PhaseOutEmptiesAClassWithoutGoingNegative) {
  const ps::CapacityResult r = ps::simulate(steel(), steel_inputs());
  EXPECT_GE(r.capacity.minCoeff(), -1e-9);
  // 100 units, 15 a year plus retrofits and retirement from 2025: gone before 2030.
  EXPECT_NEAR(r.capacity(10, 0), 0.0, 1e-3);
  EXPECT_NEAR(r.phase_out(6, 0), 15.0, 1e-5);  // full rate while capacity is left (2026)
  EXPECT_LT(r.phase_out.col(0).sum(), 100.0);
  // Nothing of the below-baseline class is ever built (weight 0).
  EXPECT_EQ(r.new_builds.col(0).norm(), 0.0);
}

TEST(CapacityDynamics, CapacityFollowsTheNeededCapacityAndTheMixTurnsOver) {
  const ps::CapacityResult r = ps::simulate(steel(), steel_inputs());
  const Eigen::Index last = r.capacity.rows() - 1;
  // First-order tracking of a ramp lags by slope x adjustment time: the needed capacity falls
  // by 40 / 0.8 / 30 = 5/3 a year after 2030, so capacity stays 2 x 5/3 above it.
  EXPECT_NEAR(r.capacity.row(last).sum(), r.needed_capacity[last] + 2.0 * 5.0 / 3.0, 1e-5);
  EXPECT_NEAR(r.needed_capacity[0], 200.0, 1e-12);
  // EAF share rises, so the capacity-weighted intensity falls.
  EXPECT_GT(r.capacity(last, 2) / r.capacity.row(last).sum(), 0.4);
  EXPECT_LT(r.intensity[last], r.intensity[0]);
  const double expected0 = (100 * 0.60 + 40 * 0.52 + 5 * 0.20) / 145.0;
  EXPECT_NEAR(r.intensity[0], expected0, 1e-12);
}

TEST(CapacityDynamics, MinimumCapacityIsApproachedOverTheAdjustmentTime) {
  // One class, exponential retirement, no activity, a minimum of 150 above the base stock of
  // 100: investment replaces retirement and closes the gap, dK/dt = (150 - K) / tau, so
  // K(t) = 150 - 50 exp(-(t - 2020) / tau) with tau = 2 years.
  ps::CapacityModel model;
  model.sector = "fleet";
  ps::TechnologyClass unit;
  unit.name = "unit";
  unit.lifetime = ps::Lifetime::weibull(1.0, 30.0);
  unit.base_capacity_by_age = {100.0};
  model.classes = {unit};
  ps::CapacityInputs in;
  in.years = year_range(2020, 2030);
  in.activity = TimePath(0.0);
  in.minimum_capacity = TimePath(150.0);
  const ps::CapacityResult r = ps::simulate(model, in);
  for (Eigen::Index i = 0; i < r.capacity.rows(); ++i)
    EXPECT_NEAR(r.capacity(i, 0), 150.0 - 50.0 * std::exp(-static_cast<double>(i) / 2.0), 1e-4)
        << r.years[static_cast<std::size_t>(i)];
  EXPECT_EQ(r.needed_capacity[5], 150.0);
  // Where the activity needs more than the minimum, the minimum changes nothing.
  ps::CapacityInputs steel_in = steel_inputs();
  steel_in.minimum_capacity = TimePath(100.0);
  const ps::CapacityResult with = ps::simulate(steel(), steel_in);
  const ps::CapacityResult without = ps::simulate(steel(), steel_inputs());
  EXPECT_EQ((with.capacity - without.capacity).norm(), 0.0);
}

TEST(CapacityDynamics, CumulativeQuantityIntegratesActivityTimesFactor) {
  ps::CapacityModel model;
  model.sector = "cement";
  ps::TechnologyClass kiln;
  kiln.name = "kiln";
  kiln.base_capacity_by_age = {50};
  kiln.emission_factor = TimePath({2020, 2030}, {1.0, 0.5});
  model.classes = {kiln};
  ps::CapacityInputs in;
  in.years = year_range(2020, 2030);
  in.activity = TimePath(40.0);
  const ps::CapacityResult r = ps::simulate(model, in);
  // Integral of 40 (1 - 0.05 t) over 10 years = 40 (10 - 2.5) = 300.
  EXPECT_NEAR(r.cumulative[10], 300.0, 1e-6);
  EXPECT_NEAR(r.cumulative[0], 0.0, 0);
}

TEST(CapacityDynamics, BadModelsAndInputsAreNamed) {
  const ps::CapacityInputs in = steel_inputs();
  ps::CapacityModel model = steel();
  model.adjustment_time = 0;
  EXPECT_EQ(message_of<std::domain_error>([&] { ps::simulate(model, in); }),
            "simulate(steel): adjustment_time = 0: must be positive");
  model = steel();
  model.classes[1].base_capacity_by_age[1] = -4;
  EXPECT_EQ(message_of<std::domain_error>([&] { ps::simulate(model, in); }),
            "simulate(steel) class 'bf_bof_benchmark': base_capacity_by_age[1] = -4: must be "
            "non-negative");
  model = steel();
  model.classes[0].lifetime = ps::Lifetime::fixed(40);
  model.base_retirement = ps::BaseRetirement::age_distribution;
  EXPECT_EQ(message_of<std::invalid_argument>([&] { ps::simulate(model, in); }),
            "simulate(steel) class 'bf_bof_below_baseline': retirement by age distribution "
            "needs a continuous lifetime law, not a fixed lifetime");
  model = steel();
  model.classes = {};
  EXPECT_EQ(message_of<std::invalid_argument>([&] { ps::simulate(model, in); }),
            "simulate(steel): the model has no classes");
  ps::CapacityInputs bad = in;
  bad.years = {2020, 2030, 2025};
  EXPECT_EQ(message_of<std::invalid_argument>([&] { ps::simulate(steel(), bad); }),
            "simulate(steel): years[2] = 2025: must be strictly increasing (sorted, no "
            "duplicates)");
  bad = in;
  bad.phase_out.pop_back();
  EXPECT_EQ(message_of<std::invalid_argument>([&] { ps::simulate(steel(), bad); }),
            "simulate(steel): size of phase_out (2) does not match size of classes (3)");
  bad = in;
  bad.retrofits[0].to = 0;
  EXPECT_EQ(message_of<std::invalid_argument>([&] { ps::simulate(steel(), bad); }),
            "simulate(steel) retrofits[0]: from = 0, to = 0: must be two different classes of 3");
  bad = in;
  bad.activity = TimePath({2020, 2030}, {1, -1});
  EXPECT_EQ(message_of<std::domain_error>([&] { ps::simulate(steel(), bad); }),
            "simulate(steel): activity[1] = -1: must be non-negative");
  bad = in;
  bad.minimum_capacity = TimePath({2020, 2030}, {5, -2});
  EXPECT_EQ(message_of<std::domain_error>([&] { ps::simulate(steel(), bad); }),
            "simulate(steel): minimum_capacity[1] = -2: must be non-negative");
  ps::SolverOptions options;
  options.rel_tolerance = -1;
  EXPECT_EQ(message_of<std::domain_error>([&] { ps::simulate(steel(), in, options); }),
            "simulate(steel): rel_tolerance = -1: must be positive");
  EXPECT_EQ(message_of<std::domain_error>([] { ps::ShareCurve(TimePath(-1.0)); }),
            "ShareCurve: weight[0] = -1: must be non-negative");
}

TEST(CapacityDynamics, IntegrationFailuresNameTheSectorAndYear) {
  // Activity jumps to the largest double in 2033: activity / u overflows to infinity.
  ps::CapacityInputs in = steel_inputs();
  const double huge = std::numeric_limits<double>::max();
  in.activity = TimePath({2020, 2033, 2033.000001}, {100, 100, huge});
  const std::string overflow =
      message_of<peakpath::IntegrationError>([&] { ps::simulate(steel(), in); });
  EXPECT_EQ(overflow.rfind("capacity dynamics of sector 'steel' failed in year 2033: a rate is "
                           "not finite",
                           0),
            0u)
      << overflow;
  // A step budget too small to reach the next sample year.
  ps::SolverOptions options;
  options.max_steps = 1;
  options.max_step = 0.01;
  const std::string budget = message_of<peakpath::IntegrationError>(
      [&] { ps::simulate(steel(), steel_inputs(), options); });
  EXPECT_EQ(budget.rfind("capacity dynamics of sector 'steel' failed in year 2020: ", 0), 0u)
      << budget;
  // No class may be built but capacity is needed.
  ps::CapacityModel model = steel();
  for (auto& c : model.classes) c.new_build_weight = ps::ShareCurve(TimePath(0.0));
  EXPECT_EQ(message_of<peakpath::IntegrationError>([&] { ps::simulate(model, steel_inputs()); }),
            "capacity dynamics of sector 'steel' failed in year 2020: the new-build weights of "
            "all classes are 0");
}

}  // namespace
