// SPDX-License-Identifier: Apache-2.0
// The accounting core on the shipped Shandong dataset: identities and calibration anchors.
#include <gtest/gtest.h>

#include <cmath>

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
  const double primary_twh = r.indicator("electricity_non_fossil_twh")[0] +
                             r.indicator("electricity_import_twh")[0];
  const double gap = (r.indicator("energy_total_mtce")[0] -
                      r.indicator("energy_total_calorific_mtce")[0]) * 1e6;
  EXPECT_NEAR(gap, primary_twh * (rate * 1e3 - 0.1229e6), 1e-6 * gap);
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
  share["import_share"]["total"] = peakpath::TimePath(1.5);
  EXPECT_THROW(peakpath::run(s.with_levers(share)), std::domain_error);
  EXPECT_THROW(Scenario::load("nowhere/none"), peakpath::DataError);
}

}  // namespace
