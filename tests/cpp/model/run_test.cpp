// SPDX-License-Identifier: Apache-2.0
// The accounting core on the shipped Shandong dataset: identities and calibration anchors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "peakpath/model/batch.hpp"
#include "peakpath/model/run.hpp"

namespace {

using peakpath::Results;
using peakpath::Scenario;

const Results& baseline() {
  static const Results results = peakpath::run(Scenario::load("shandong/baseline"));
  return results;
}

TEST(Run, CoversBaseYearToHorizon) {
  const Results& r = baseline();
  EXPECT_EQ(r.years.front(), 2020);
  EXPECT_EQ(r.years.back(), 2060);
  EXPECT_TRUE(r.indicator_values.allFinite());
}

TEST(Run, BaseYearReproducesCeads2019) {
  // CEADs Shandong inventory (Shan et al. 2018; Guan et al. 2021): 937.117 Mt, of which
  // power and heat 564.439 Mt and cement process 46.357 Mt.
  const Results& r = baseline();
  EXPECT_NEAR(r.indicator("co2_total_mt")[0], 937.117, 0.1);
  EXPECT_NEAR(r.indicator("co2_power_heat_mt")[0], 564.439, 0.1);
  EXPECT_NEAR(r.indicator("co2_process_mt")[0], 46.357, 0.01);
}

TEST(Run, SectorAndFuelSumsEqualTotals) {
  const Results& r = baseline();
  for (std::size_t t = 0; t < r.years.size(); ++t) {
    const double combustion = r.co2_t.row(static_cast<Eigen::Index>(t)).sum() * 1e-6;
    EXPECT_NEAR(combustion, r.indicator("co2_energy_mt")[static_cast<Eigen::Index>(t)],
                1e-9 * combustion);
  }
  const peakpath::Table by_sector = r.emissions({"sector"});
  double total_2030 = 0.0;
  for (std::size_t i = 0; i < by_sector.values.size(); ++i)
    if (by_sector.years[i] == 2030) total_2030 += by_sector.values[i];
  const auto t2030 = static_cast<Eigen::Index>(r.year_index(2030));
  EXPECT_NEAR(total_2030 * 1e-6, r.indicator("co2_total_mt")[t2030], 1e-9 * total_2030);
}

TEST(Run, BothElectricityMethodsAgreeOnFossilEnergy) {
  // The two methods differ only in primary electricity: coal-consumption minus calorific
  // equals primary TWh x (heat rate x 1000 - 122,900) tce per TWh.
  const Results& r = baseline();
  const auto rate = 305.5;  // base-year supply coal rate of the dataset (power.csv)
  const double primary_twh =
      r.indicator("electricity_non_fossil_twh")[0] + r.indicator("electricity_import_twh")[0];
  const double gap =
      (r.indicator("energy_total_mtce")[0] - r.indicator("energy_total_calorific_mtce")[0]) * 1e6;
  EXPECT_NEAR(gap, primary_twh * (rate * 1e3 - 0.1229e6), 1e-6 * gap);
}

TEST(Run, ThermalHeatRateIsTheLeverTimesTheFleetsCapacityWeightedRate) {
  // Property: rate(t) = lever(t) x sum_k C_k(t) h_k / sum_k C_k(t), over the same at the base
  // year, with C_k the power_heat class capacities and h_k their heat rates (technologies.csv).
  const Results& r = baseline();
  const Scenario scenario = Scenario::load("shandong/baseline");
  const peakpath::Dataset& data = *scenario.dataset;
  std::vector<std::pair<Eigen::Index, double>> fleet;  // capacity column, heat rate
  for (const auto& spec : data.technologies) {
    if (data.sectors[spec.sector].group != "power_heat") continue;
    const auto found =
        std::find(r.capacity_ids.begin(), r.capacity_ids.end(), "power_heat/" + spec.name);
    ASSERT_NE(found, r.capacity_ids.end()) << spec.name;
    fleet.emplace_back(found - r.capacity_ids.begin(), spec.relative_intensity);
  }
  ASSERT_EQ(fleet.size(), 3u);
  const auto weighted_rate = [&](Eigen::Index t) {
    double weighted = 0.0, total = 0.0;
    for (const auto& [column, rate] : fleet) {
      weighted += r.capacity(t, column) * rate;
      total += r.capacity(t, column);
    }
    return weighted / total;
  };
  const double lever = 305.5;  // the baseline's coal_heat_rate_gce_per_kwh path is flat
  for (Eigen::Index t = 0; t < static_cast<Eigen::Index>(r.years.size()); t += 5)
    EXPECT_NEAR(r.indicator("thermal_heat_rate_gce_per_kwh")[t],
                lever * weighted_rate(t) / weighted_rate(0), 1e-9)
        << r.years[static_cast<std::size_t>(t)];
  // Base-year class shares reproduce the fleet rate, so the base year is unchanged.
  EXPECT_NEAR(weighted_rate(0), lever, 1e-3);
}

TEST(Run, ThermalFleetCannotTakeAReplacementRatio) {
  Scenario s = Scenario::load("shandong/baseline");
  s.levers["replacement_ratio"]["power_heat"] = peakpath::TimePath(1.5);
  try {
    peakpath::run(s);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("replacement_ratio power_heat"), std::string::npos)
        << e.what();
  }
}

TEST(Run, UnknownIndicatorAndYearAreRejected) {
  const Results& r = baseline();
  EXPECT_THROW(r.indicator("co2_moon_mt"), std::invalid_argument);
  EXPECT_THROW(r.year_index(1999), std::out_of_range);
  EXPECT_THROW(r.emissions({"city"}), std::invalid_argument);
}

TEST(Scenario, LeversAreValidated) {
  const Scenario s = Scenario::load("shandong/baseline");
  peakpath::PathSet bad;
  bad["solar_power"]["total"] = peakpath::TimePath(1.0);
  EXPECT_THROW(s.with_levers(bad), std::invalid_argument);
  peakpath::PathSet share;
  share["fuel_share"]["transport/electricity"] = peakpath::TimePath({2030}, {0.9});
  share["fuel_share"]["transport/diesel_oil"] = peakpath::TimePath({2030}, {0.9});
  EXPECT_THROW(peakpath::run(s.with_levers(share)), std::domain_error);
  EXPECT_THROW(Scenario::load("nowhere/none"), peakpath::DataError);
}

}  // namespace

namespace {

TEST(RunBatch, SameResultsWhateverTheThreadCount) {
  const Scenario base = Scenario::load("shandong/baseline");
  std::vector<Scenario> scenarios;
  for (int k = 0; k < 6; ++k) {
    peakpath::PathSet levers;
    levers["capacity_gw"]["solar"] = peakpath::TimePath({2030}, {60.0 + 20.0 * k});
    scenarios.push_back(base.with_levers(levers));
  }
  const auto one = peakpath::run_batch(scenarios, 1);
  const auto two = peakpath::run_batch(scenarios, 2);
  ASSERT_EQ(one.size(), 6u);
  for (std::size_t i = 0; i < one.size(); ++i)
    EXPECT_EQ(one[i].indicator_values, two[i].indicator_values);
  EXPECT_GT(one[0].indicator("co2_total_mt")[10], one[5].indicator("co2_total_mt")[10]);
  EXPECT_THROW(peakpath::run_batch(scenarios, 0), std::invalid_argument);
}

TEST(RunBatch, AFailingRunIsNamed) {
  const Scenario base = Scenario::load("shandong/baseline");
  peakpath::PathSet bad;
  bad["fuel_share"]["transport/electricity"] = peakpath::TimePath({2030}, {0.9});
  bad["fuel_share"]["transport/diesel_oil"] = peakpath::TimePath({2030}, {0.9});
  try {
    peakpath::run_batch({base, base.with_levers(bad)}, 2);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("run_batch: scenario 1"), std::string::npos);
  }
}

}  // namespace

namespace {

TEST(Results, IamcTableHasOneRowPerVariableAndYearColumns) {
  const Results& r = baseline();
  const peakpath::IamcTable iamc = r.to_iamc("peakpath");
  ASSERT_EQ(iamc.variables.size(), peakpath::IAMC_VARIABLES.size() + r.sectors());
  EXPECT_EQ(iamc.variables[5], "Emissions|CO2");
  EXPECT_DOUBLE_EQ(iamc.values[5][10], r.indicator("co2_total_mt")[10]);
  double sectors_2030 = 0.0;
  for (std::size_t i = peakpath::IAMC_VARIABLES.size(); i < iamc.values.size(); ++i)
    sectors_2030 += iamc.values[i][10];
  EXPECT_NEAR(sectors_2030, r.indicator("co2_total_mt")[10], 1e-9 * sectors_2030);
  EXPECT_EQ(r.indicators().cols(), static_cast<Eigen::Index>(peakpath::INDICATOR_NAMES.size()));
}

}  // namespace

TEST(Economy, ValueAddedGrowsAtGdpGrowthWithServicesTheResidual) {
  peakpath::PathSet levers;
  levers["gdp_growth"]["total"] = peakpath::TimePath(0.05);  // also over the observed years
  const Results r = peakpath::run(
      Scenario::load("shandong/baseline").with_levers(levers, peakpath::LeverMerge::replace));
  const Eigen::VectorXd gdp = r.indicator("gdp_100m_cny");
  for (Eigen::Index t = 1; t < gdp.size(); ++t) EXPECT_NEAR(gdp[t] / gdp[t - 1], 1.05, 1e-12);
}

TEST(Economy, HigherGdpGrowthRaisesEnergyAndCo2) {
  const Scenario base = Scenario::load("shandong/baseline");
  peakpath::PathSet low, high;
  low["gdp_growth"]["total"] = peakpath::TimePath({2025}, {0.04});  // from the projection on
  high["gdp_growth"]["total"] = peakpath::TimePath({2025}, {0.05});
  const Results a = peakpath::run(base.with_levers(low));
  const Results b = peakpath::run(base.with_levers(high));
  const std::size_t t = a.year_index(2030);
  for (const char* name : {"gdp_100m_cny", "energy_total_mtce", "co2_total_mt"})
    EXPECT_GT(b.indicator(name)[static_cast<Eigen::Index>(t)],
              a.indicator(name)[static_cast<Eigen::Index>(t)])
        << name;
}

TEST(EndUseDemand, ElectricityShareMovesTheMixNotTheEnergy) {
  Eigen::VectorXd shares(3);
  shares << 0.2, 0.5, 0.3;  // electricity, coal, gas
  peakpath::detail::impose_electricity_share(shares, 0, 0.6, "test");
  EXPECT_NEAR(shares.sum(), 1.0, 1e-15);
  EXPECT_NEAR(shares[0], 0.6, 1e-15);
  EXPECT_NEAR(shares[1] / shares[2], 0.5 / 0.3, 1e-12);
  EXPECT_THROW(peakpath::detail::impose_electricity_share(shares, 0, 1.2, "test"),
               std::domain_error);
}

TEST(Results, GenerationCapacityAndProductionFollowTheirSources) {
  const Results& r = baseline();
  const auto solar =
      std::find(r.generation_capacity_ids.begin(), r.generation_capacity_ids.end(), "solar") -
      r.generation_capacity_ids.begin();
  EXPECT_NEAR(r.generation_capacity_gw(0, solar), 22.72, 1e-9);  // paths.csv 2020
  ASSERT_EQ(r.product_ids.front(), "crude_steel");
  EXPECT_NEAR(r.production_mt(0, 0), 80.0, 1e-9);  // products.csv 2020
}
