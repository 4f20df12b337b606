// SPDX-License-Identifier: Apache-2.0
// Every target type on constructed series with answers worked out by hand.
#include "peakpath/targets/target_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace {

using peakpath::Target;
using peakpath::TargetKind;

/// Results for the years [first, last] whose indicator columns are all 1 except those set.
struct ConstructedRun {
  peakpath::Results results;
  ConstructedRun(int first, int last) {
    for (int y = first; y <= last; ++y) results.years.push_back(y);
    results.scenario = "constructed";
    results.indicator_values =
        Eigen::MatrixXd::Ones(static_cast<Eigen::Index>(results.years.size()),
                              static_cast<Eigen::Index>(peakpath::INDICATOR_NAMES.size()));
  }
  Eigen::Index column(const std::string& name) const {
    const auto& names = peakpath::INDICATOR_NAMES;
    return std::find(names.begin(), names.end(), name) - names.begin();
  }
  void set(const std::string& name, int year, double value) {
    results.indicator_values(static_cast<Eigen::Index>(results.year_index(year)), column(name)) =
        value;
  }
  /// values[i] in year first + i
  void series(const std::string& name, const std::vector<double>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
      set(name, results.years.front() + static_cast<int>(i), values[i]);
  }
};

Target make(TargetKind kind, const std::string& indicator, int year, double value) {
  Target t;
  t.id = "t";
  t.kind = kind;
  t.indicator = indicator;
  t.year = year;
  t.value = value;
  return t;
}

const char* EI = "energy_intensity_tce_per_10k_cny";
const char* CI = "carbon_intensity_t_per_10k_cny";

}  // namespace

TEST(TargetReport, IntensityReductionAgainstABaseYearInTheRun) {
  ConstructedRun run(2020, 2030);
  run.set(EI, 2020, 1.0);
  run.set(EI, 2025, 0.85);
  Target t = make(TargetKind::intensity_reduction, EI, 2025, 0.145);
  t.base_year = 2020;
  const auto o = peakpath::evaluate_target(run.results, t);
  EXPECT_NEAR(o.achieved, 0.15, 1e-12);
  EXPECT_NEAR(o.required, 0.145, 1e-12);
  EXPECT_NEAR(o.margin, 0.005, 1e-12);
  EXPECT_TRUE(o.passed);
  EXPECT_EQ(o.unit, "reduction vs 2020");
  run.set(EI, 2025, 0.86);  // 14 % < 14.5 %
  const auto missed = peakpath::evaluate_target(run.results, t);
  EXPECT_FALSE(missed.passed);
  EXPECT_NEAR(missed.margin, -0.005, 1e-12);
}

TEST(TargetReport, IntensityReductionAgainstAHistoricBaseValue) {
  ConstructedRun run(2020, 2035);
  run.set(CI, 2030, 0.9);
  Target t = make(TargetKind::intensity_reduction, CI, 2030, 0.68);
  t.base_year = 2005;
  EXPECT_THROW(
      {
        try {
          peakpath::evaluate_target(run.results, t);
        } catch (const std::invalid_argument& e) {
          EXPECT_NE(std::string(e.what()).find("base year 2005 is outside the run"),
                    std::string::npos);
          throw;
        }
      },
      std::invalid_argument);
  t.base_value = 3.0;  // 1 - 0.9 / 3 = 0.7
  const auto o = peakpath::evaluate_target(run.results, t);
  EXPECT_NEAR(o.achieved, 0.7, 1e-12);
  EXPECT_NEAR(o.margin, 0.02, 1e-12);
  EXPECT_TRUE(o.passed);
}

TEST(TargetReport, MilestoneInterpolatesRequiredLevelsGeometrically) {
  ConstructedRun run(2020, 2035);
  run.set(CI, 2020, 1.0);
  run.set(CI, 2027, 0.6);
  auto first = std::make_shared<Target>(make(TargetKind::intensity_reduction, CI, 2025, 0.2));
  first->base_year = 2020;  // required level 0.8
  auto second = std::make_shared<Target>(make(TargetKind::intensity_reduction, CI, 2030, 0.68));
  second->base_year = 2005;
  second->base_value = 1.25;  // required level 0.32 x 1.25 = 0.4
  Target milestone = make(TargetKind::intensity_reduction, CI, 2027, 0.0);
  milestone.base_year = 2020;
  milestone.interpolate_from = first;
  milestone.interpolate_to = second;
  // 0.8 x (0.4 / 0.8)^(2/5) = 0.8 x 2^-0.4 = 0.606287...: a constant annual rate 2025-2030.
  const double level = 0.8 * std::pow(0.5, 0.4);
  const auto o = peakpath::evaluate_target(run.results, milestone);
  EXPECT_NEAR(o.required, 1.0 - level, 1e-12);
  EXPECT_NEAR(o.achieved, 0.4, 1e-12);
  EXPECT_NEAR(o.margin, level - 0.6, 1e-12);
  EXPECT_TRUE(o.passed);
}

TEST(TargetReport, ShareThresholdAndLinearMilestone) {
  ConstructedRun run(2020, 2030);
  run.set("non_fossil_share", 2025, 0.14);
  run.set("non_fossil_share", 2027, 0.15);
  const Target t = make(TargetKind::share_at_least, "non_fossil_share", 2025, 0.13);
  const auto o = peakpath::evaluate_target(run.results, t);
  EXPECT_NEAR(o.margin, 0.01, 1e-12);
  EXPECT_TRUE(o.passed);
  EXPECT_EQ(o.unit, "1");
  Target milestone = make(TargetKind::share_at_least, "non_fossil_share", 2027, 0.0);
  milestone.interpolate_from = std::make_shared<Target>(t);
  milestone.interpolate_to =
      std::make_shared<Target>(make(TargetKind::share_at_least, "non_fossil_share", 2030, 0.20));
  const auto m = peakpath::evaluate_target(run.results, milestone);
  EXPECT_NEAR(m.required, 0.158, 1e-12);  // 13 % + 2/5 x 7 %
  EXPECT_NEAR(m.margin, -0.008, 1e-12);
  EXPECT_FALSE(m.passed);
}

TEST(TargetReport, CapMarginIsCapMinusValue) {
  ConstructedRun run(2020, 2030);
  run.set("energy_total_mtce", 2025, 450.0);
  const Target t = make(TargetKind::cap, "energy_total_mtce", 2025, 454.0);
  const auto o = peakpath::evaluate_target(run.results, t);
  EXPECT_DOUBLE_EQ(o.margin, 4.0);
  EXPECT_TRUE(o.passed);
  EXPECT_EQ(o.unit, "Mtce");
  run.set("energy_total_mtce", 2025, 460.0);
  EXPECT_FALSE(peakpath::evaluate_target(run.results, t).passed);
  EXPECT_DOUBLE_EQ(peakpath::evaluate_target(run.results, t).margin, -6.0);
}

TEST(TargetReport, PeakByYear) {
  ConstructedRun run(2020, 2040);
  // Rises to 2028, then falls 2 % a year of the peak.
  std::vector<double> co2;
  for (int y = 2020; y <= 2040; ++y)
    co2.push_back(y <= 2028 ? 900 + 10 * (y - 2020) : 980 - 19.6 * (y - 2028));
  run.series("co2_total_mt", co2);
  const Target t = make(TargetKind::peak_by, "co2_total_mt", 2030, 0.0);
  auto o = peakpath::evaluate_target(run.results, t);
  EXPECT_TRUE(o.passed);
  EXPECT_DOUBLE_EQ(o.achieved, 2028);
  EXPECT_DOUBLE_EQ(o.margin, 2);
  EXPECT_NE(o.detail.find("peaked"), std::string::npos);

  // Still rising at the horizon: fails, margin 2030 - 2040.
  std::vector<double> rising;
  for (int y = 2020; y <= 2040; ++y) rising.push_back(900 + 10 * (y - 2020));
  run.series("co2_total_mt", rising);
  o = peakpath::evaluate_target(run.results, t);
  EXPECT_FALSE(o.passed);
  EXPECT_DOUBLE_EQ(o.margin, -10);
  EXPECT_NE(o.detail.find("not_peaked"), std::string::npos);

  // Falling from the first year: the peak may lie before the window; no margin, no pass.
  std::vector<double> falling;
  for (int y = 2020; y <= 2040; ++y) falling.push_back(900 - 10 * (y - 2020));
  run.series("co2_total_mt", falling);
  o = peakpath::evaluate_target(run.results, t);
  EXPECT_FALSE(o.passed);
  EXPECT_TRUE(std::isnan(o.margin));
  EXPECT_DOUBLE_EQ(o.achieved, 2020);
  EXPECT_NE(o.detail.find("at_start"), std::string::npos);

  // Peak in 2025, fall, then a rebound above it in 2035: the peak is the later one.
  std::vector<double> rebound;
  for (int y = 2020; y <= 2040; ++y)
    rebound.push_back(y <= 2025   ? 900 + 10 * (y - 2020)
                      : y <= 2030 ? 950 - 20 * (y - 2025)
                                  : 850 + 30 * (y - 2030) - (y >= 2036 ? 60 * (y - 2035) : 0));
  run.series("co2_total_mt", rebound);
  o = peakpath::evaluate_target(run.results, t);
  EXPECT_FALSE(o.passed);
  EXPECT_DOUBLE_EQ(o.achieved, 2035);
  EXPECT_NE(o.detail.find("rebounds"), std::string::npos);
}

TEST(TargetReport, StableDeclineOverAWindow) {
  ConstructedRun run(2020, 2040);
  Target t = make(TargetKind::stable_decline, "co2_total_mt", 2035, 0.0);
  t.window_start = 2030;
  t.tolerance = 0.01;
  // Peak 1000 in 2030, then -1 % of it a year: decline rate 0.01, highest later year -1 %.
  std::vector<double> co2;
  for (int y = 2020; y <= 2040; ++y)
    co2.push_back(y <= 2030 ? 950 + 5 * (y - 2020) : 1000 - 10 * (y - 2030));
  run.series("co2_total_mt", co2);
  auto o = peakpath::evaluate_target(run.results, t);
  EXPECT_NEAR(o.achieved, 0.01, 1e-12);
  // min(0.01 - (-0.01), 0.01 - 0) = 0.01
  EXPECT_NEAR(o.margin, 0.01, 1e-12);
  EXPECT_TRUE(o.passed);

  // A bump to 1.5 % above the peak in 2032 breaks "stable": margin 0.01 - 0.015.
  run.set("co2_total_mt", 2032, 1015);
  o = peakpath::evaluate_target(run.results, t);
  EXPECT_NEAR(o.margin, -0.005, 1e-12);
  EXPECT_FALSE(o.passed);

  // Flat but required to fall 0.5 %/yr: margin -0.005.
  for (int y = 2030; y <= 2040; ++y) run.set("co2_total_mt", y, 1000);
  t.value = 0.005;
  o = peakpath::evaluate_target(run.results, t);
  EXPECT_NEAR(o.margin, -0.005, 1e-12);
  EXPECT_FALSE(o.passed);
}

TEST(TargetReport, YearOutsideTheRunIsAClearError) {
  ConstructedRun run(2020, 2030);
  const Target t = make(TargetKind::cap, "co2_total_mt", 2035, 1.0);
  try {
    peakpath::evaluate_target(run.results, t);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "target 't': year 2035 is outside the run (2020-2030)");
  }
}

TEST(TargetReport, ReportPassesOnlyWhenEveryTargetPasses) {
  ConstructedRun run(2020, 2030);
  run.set("co2_total_mt", 2025, 2.0);
  peakpath::TargetSet set;
  set.name = "constructed";
  set.targets = {make(TargetKind::cap, "co2_total_mt", 2025, 3.0),
                 make(TargetKind::cap, "co2_total_mt", 2025, 1.0)};
  set.targets[1].id = "tight";
  auto report = peakpath::check_targets(run.results, set);
  EXPECT_FALSE(report.passed());
  EXPECT_TRUE(report.outcome("t").passed);
  EXPECT_FALSE(report.outcome("tight").passed);
  set.targets.pop_back();
  EXPECT_TRUE(peakpath::check_targets(run.results, set).passed());
  EXPECT_THROW(report.outcome("none"), std::invalid_argument);
}

TEST(TargetKind, NamesRoundTripAndUnknownNamesAreListed) {
  for (const auto& name : peakpath::TARGET_KIND_NAMES)
    EXPECT_EQ(peakpath::to_string(peakpath::target_kind(name)), name);
  try {
    peakpath::target_kind("ceiling");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("unknown target type 'ceiling' (known: "),
              std::string::npos);
  }
}
