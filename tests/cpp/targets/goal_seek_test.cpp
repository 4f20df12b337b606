// SPDX-License-Identifier: Apache-2.0
// Goal seeking recovers lever values planted in constructed cases; lever adjustments; errors.
#include "peakpath/analysis/goal_seek.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

const std::string DATA = PEAKPATH_TEST_DATA_DIR;

peakpath::Scenario baseline() {
  static const peakpath::Scenario scenario =
      peakpath::Scenario::load(DATA + "/shandong/scenarios/baseline.yaml");
  return scenario;
}

/// A cap on 2030 CO2 equal to the run's CO2 at a planted lever value: the least value of a
/// lever that lowers CO2 meeting it is the planted value.
peakpath::Target planted_cap(const peakpath::Scenario& planted) {
  peakpath::Target cap;
  cap.id = "planted";
  cap.kind = peakpath::TargetKind::cap;
  cap.indicator = "co2_total_mt";
  cap.year = 2030;
  const auto results = peakpath::run(planted);
  cap.value =
      results.indicator("co2_total_mt")(static_cast<Eigen::Index>(results.year_index(2030)));
  return cap;
}

}  // namespace

TEST(LeverAdjustment, ConstantAndMultiplierFromAYear) {
  peakpath::LeverAdjustment solar;
  solar.variable = "capacity_gw";
  solar.key = "solar";
  solar.mode = peakpath::LeverMode::multiplier;
  solar.from_year = 2026;
  const auto base = baseline().effective_paths().at("capacity_gw").at("solar");
  const auto doubled =
      peakpath::apply_lever(baseline(), solar, 2.0).effective_paths().at("capacity_gw").at("solar");
  EXPECT_DOUBLE_EQ(doubled.at(2025), base.at(2025));  // untouched before from_year
  EXPECT_DOUBLE_EQ(doubled.at(2030), 2.0 * base.at(2030));
  EXPECT_DOUBLE_EQ(doubled.at(2026), 2.0 * base.at(2026));

  solar.mode = peakpath::LeverMode::constant;
  const auto fixed = peakpath::apply_lever(baseline(), solar, 100.0)
                         .effective_paths()
                         .at("capacity_gw")
                         .at("solar");
  EXPECT_DOUBLE_EQ(fixed.at(2025), base.at(2025));
  EXPECT_DOUBLE_EQ(fixed.at(2026), 100.0);
  EXPECT_DOUBLE_EQ(fixed.at(2060), 100.0);
}

TEST(LeverAdjustment, ScaleAndStartYear) {
  peakpath::LeverAdjustment package;
  package.mode = peakpath::LeverMode::scale;
  package.package["capacity_gw"]["solar"] = peakpath::TimePath({2020, 2030}, {22.72, 225.0});
  const auto base = baseline().effective_paths().at("capacity_gw").at("solar");
  const auto half = peakpath::apply_lever(baseline(), package, 0.5)
                        .effective_paths()
                        .at("capacity_gw")
                        .at("solar");
  EXPECT_NEAR(half.at(2030), base.at(2030) + 0.5 * (225.0 - base.at(2030)), 1e-12);
  EXPECT_NEAR(half.at(2020), base.at(2020), 1e-12);

  peakpath::LeverAdjustment schedule;
  schedule.mode = peakpath::LeverMode::start_year;
  schedule.variable = "ccus_capture_mt";
  schedule.key = "power_heat";
  schedule.schedule = peakpath::TimePath({2025, 2030}, {0.0, 20.0});
  const auto shifted = peakpath::apply_lever(baseline(), schedule, 2028)
                           .effective_paths()
                           .at("ccus_capture_mt")
                           .at("power_heat");
  EXPECT_DOUBLE_EQ(shifted.at(2028), 0.0);
  EXPECT_DOUBLE_EQ(shifted.at(2033), 20.0);
  EXPECT_DOUBLE_EQ(shifted.at(2030.5), 10.0);
}

TEST(LeverAdjustment, MissingPathIsAClearError) {
  peakpath::LeverAdjustment missing;
  missing.mode = peakpath::LeverMode::multiplier;
  missing.variable = "ccus_capture_mt";
  missing.key = "chemicals";
  try {
    peakpath::apply_lever(baseline(), missing, 2.0);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "lever adjustment (multiplier): the scenario has no path "
                 "ccus_capture_mt/chemicals to change (set one first)");
  }
}

TEST(GoalSeek, RecoversAPlantedMultiplier) {
  peakpath::LeverAdjustment solar;
  solar.variable = "capacity_gw";
  solar.key = "solar";
  solar.mode = peakpath::LeverMode::multiplier;
  solar.from_year = 2021;
  const double planted = 1.37;
  const auto target = planted_cap(peakpath::apply_lever(baseline(), solar, planted));
  peakpath::GoalSeekOptions options;
  options.tolerance = 1e-7;
  const auto found = peakpath::goal_seek(baseline(), solar, target, 1.0, 3.0, options);
  // Solar moves thermal output and so the coal fleet, whose integration (tolerance 1e-6) adds
  // noise of that order to CO2: the planted value is recovered to about 1e-5, and on the
  // passing side up to that noise.
  EXPECT_NEAR(found.value, planted, 1e-5);
  EXPECT_TRUE(found.outcome.passed);
  EXPECT_GE(found.value, planted - 1e-5);
  EXPECT_LT(found.runs, 40);
}

TEST(GoalSeek, RecoversAPlantedScaleFactorSeekingTheLargest) {
  // A package that raises CO2 (more coal power heat rate): the largest scale meeting the cap.
  peakpath::LeverAdjustment package;
  package.mode = peakpath::LeverMode::scale;
  package.package["coal_heat_rate_gce_per_kwh"]["total"] =
      peakpath::TimePath({2020, 2025}, {305.5, 330.0});
  const double planted = 0.42;
  const auto target = planted_cap(peakpath::apply_lever(baseline(), package, planted));
  peakpath::GoalSeekOptions options;
  options.find = peakpath::SeekDirection::largest;
  options.tolerance = 1e-8;
  const auto found = peakpath::goal_seek(baseline(), package, target, 0.0, 1.0, options);
  EXPECT_NEAR(found.value, planted, 1e-6);
  EXPECT_TRUE(found.outcome.passed);
}

TEST(GoalSeek, RecoversAPlantedStartYear) {
  // CCUS on power from year x: the latest start that still meets a 2030 cap is the planted year.
  peakpath::LeverAdjustment schedule;
  schedule.mode = peakpath::LeverMode::start_year;
  schedule.variable = "ccus_capture_mt";
  schedule.key = "power_heat";
  schedule.schedule = peakpath::TimePath({2021, 2022, 2040}, {0.0, 5.0, 50.0});
  const auto target = planted_cap(peakpath::apply_lever(baseline(), schedule, 2024));
  peakpath::GoalSeekOptions options;
  options.find = peakpath::SeekDirection::largest;
  options.start_year = 2021;  // a counterfactual inside the observed years, said explicitly
  const auto found = peakpath::goal_seek(baseline(), schedule, target, 2021, 2029, options);
  EXPECT_EQ(found.value, 2024);
  EXPECT_TRUE(found.outcome.passed);
}

TEST(GoalSeek, BoundThatAlreadyPassesIsTheAnswer) {
  peakpath::LeverAdjustment solar;
  solar.variable = "capacity_gw";
  solar.key = "solar";
  solar.mode = peakpath::LeverMode::multiplier;
  auto target = planted_cap(baseline());
  target.value += 1.0;  // met without any change
  const auto found = peakpath::goal_seek(baseline(), solar, target, 1.0, 2.0);
  EXPECT_EQ(found.value, 1.0);
  EXPECT_EQ(found.runs, 3);  // both bounds and the check
  EXPECT_EQ(found.status, peakpath::GoalSeekStatus::not_binding);
  EXPECT_EQ(peakpath::to_string(found.status), "not_binding");
  EXPECT_EQ(found.margin, found.outcome.margin);
  EXPECT_GE(found.margin, 1.0 - 1e-9);
}

TEST(GoalSeek, LeverActsFromTheFirstProjectionYear) {
  // A constant lever: the base year and the observed years keep their CO2 whatever the value.
  peakpath::LeverAdjustment solar;
  solar.variable = "capacity_gw";
  solar.key = "solar";
  auto target = planted_cap(baseline());
  const auto found = peakpath::goal_seek(baseline(), solar, target, 0.0, 300.0);
  EXPECT_EQ(found.start_year, baseline().dataset->history_end + 1);  // after the history
  EXPECT_EQ(found.status, peakpath::GoalSeekStatus::met);
  const peakpath::Results base = peakpath::run(baseline());
  EXPECT_EQ(found.results.indicator_values.row(0), base.indicator_values.row(0));
  peakpath::GoalSeekOptions options;
  options.start_year = baseline().base_year;  // the base year is not a projection year
  EXPECT_THROW(peakpath::goal_seek(baseline(), solar, target, 0.0, 300.0, options),
               std::invalid_argument);
}

TEST(GoalSeek, ImpossibleTargetIsInfeasibleAndBadBracketIsAnError) {
  peakpath::LeverAdjustment solar;
  solar.variable = "capacity_gw";
  solar.key = "solar";
  solar.mode = peakpath::LeverMode::multiplier;
  auto target = planted_cap(baseline());
  target.value = 1.0;  // 1 Mt CO2 in 2030: no solar multiplier in [1, 2] gets there
  const auto found = peakpath::goal_seek(baseline(), solar, target, 1.0, 2.0);
  EXPECT_EQ(found.status, peakpath::GoalSeekStatus::infeasible);
  EXPECT_EQ(found.value, 2.0);  // more solar, less CO2: the bound closer to the cap
  EXPECT_LT(found.margin, 0.0);
  EXPECT_FALSE(found.outcome.passed);
  EXPECT_THROW(peakpath::goal_seek(baseline(), solar, target, 2.0, 1.0), std::invalid_argument);
  peakpath::LeverAdjustment schedule;
  schedule.mode = peakpath::LeverMode::start_year;
  schedule.variable = "ccus_capture_mt";
  schedule.key = "power_heat";
  schedule.schedule = peakpath::TimePath(1.0);
  EXPECT_THROW(peakpath::goal_seek(baseline(), schedule, target, 2021.5, 2030),
               std::invalid_argument);
}
