// SPDX-License-Identifier: Apache-2.0
// The staged run: stages in order, observable, replaceable; the sector x fuel accessor and the
// indicator enum agree with the layouts they name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "peakpath/model/run.hpp"

namespace {

using peakpath::Pipeline;
using peakpath::RunContext;
using peakpath::Scenario;
namespace stages = peakpath::stages;

const Scenario& baseline() {
  static const Scenario scenario = Scenario::load("shandong/baseline");
  return scenario;
}

class Recorder : public peakpath::StageObserver {
 public:
  std::vector<std::string> seen;
  double thermal_base_twh = 0;
  void on(const RunContext&, const stages::Economy&) override { seen.push_back("economy"); }
  void on(const RunContext&, const stages::CapitalStock&) override {
    seen.push_back("capital_stock");
  }
  void on(const RunContext&, const stages::Activity&) override {
    seen.push_back("replacement_constraints");
  }
  void on(const RunContext&, const stages::EndUseDemand&) override {
    seen.push_back("end_use_demand");
  }
  void on(const RunContext&, const stages::PowerHeat& power) override {
    seen.push_back("power_heat");
    thermal_base_twh = power.balance.front().thermal_twh;
  }
  void on(const RunContext&, const stages::Accounts&) override { seen.push_back("accounting"); }
  void on_indicators(const RunContext&, const Eigen::MatrixXd&) override {
    seen.push_back("indicators");
  }
};

TEST(Pipeline, ObserverSeesEveryStageInOrder) {
  Recorder recorder;
  const auto results =
      peakpath::run(baseline(), peakpath::default_run_solver_options(), Pipeline{}, &recorder);
  EXPECT_EQ(recorder.seen,
            (std::vector<std::string>{"economy", "capital_stock", "replacement_constraints",
                                      "end_use_demand", "power_heat", "accounting", "indicators"}));
  EXPECT_DOUBLE_EQ(recorder.thermal_base_twh, results.indicator("electricity_thermal_twh")[0]);
}

TEST(Pipeline, DefaultPipelineIsTheBuiltInRun) {
  const auto plain = peakpath::run(baseline());
  const auto staged = peakpath::run(baseline(), peakpath::default_run_solver_options(), Pipeline{});
  EXPECT_EQ(plain.indicator_values, staged.indicator_values);
  EXPECT_EQ(plain.energy_tce, staged.energy_tce);
}

TEST(Pipeline, AReplacedStageDrivesTheLaterOnes) {
  // An economy that stands still: every later stage sees base-year activity, so GDP stays at
  // its base-year value and final energy changes only through intensities.
  Pipeline frozen;
  frozen.economy = [](const RunContext& ctx) {
    stages::Economy economy;
    economy.activity_demand = ctx.data.base_activity.transpose().replicate(ctx.year_count(), 1);
    return economy;
  };
  const auto results = peakpath::run(baseline(), peakpath::default_run_solver_options(), frozen);
  const auto gdp = results.indicator("gdp_100m_cny");
  for (Eigen::Index t = 0; t < gdp.size(); ++t) EXPECT_DOUBLE_EQ(gdp[t], gdp[0]);
  const auto standard = peakpath::run(baseline());
  const auto t2035 = static_cast<Eigen::Index>(results.year_index(2035));
  EXPECT_LT(gdp[t2035], standard.indicator("gdp_100m_cny")[t2035]);
}

TEST(SectorFuelView, NamesTheSectorMajorLayout) {
  Eigen::MatrixXd m(2, 3 * 4);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<double>(i);
  const auto view = peakpath::sector_fuel(m, 4);
  for (Eigen::Index t = 0; t < 2; ++t)
    for (std::size_t s = 0; s < 3; ++s) {
      double sum = 0;
      for (std::size_t f = 0; f < 4; ++f) {
        EXPECT_EQ(view(t, s, f), m(t, static_cast<Eigen::Index>(s * 4 + f)));
        sum += view(t, s, f);
      }
      EXPECT_EQ(view.sector(t, s).sum(), sum);
    }
  auto writable = peakpath::sector_fuel(m, 4);
  writable(1, 2, 3) = -1;
  EXPECT_EQ(m(1, 11), -1);
}

TEST(Indicator, EnumAndNamesAgree) {
  ASSERT_EQ(peakpath::INDICATOR_NAMES.size(), peakpath::INDICATOR_COUNT);
  EXPECT_EQ(peakpath::INDICATOR_NAMES[static_cast<std::size_t>(
                peakpath::column_of(peakpath::Indicator::co2_total_mt))],
            "co2_total_mt");
  EXPECT_EQ(peakpath::INDICATOR_NAMES.back(), "electricity_total_consumption_twh");
  const auto results = peakpath::run(baseline());
  EXPECT_EQ(results.indicator("co2_total_mt"),
            results.indicator_values.col(peakpath::column_of(peakpath::Indicator::co2_total_mt)));
}

}  // namespace
