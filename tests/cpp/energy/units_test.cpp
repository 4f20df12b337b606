// SPDX-License-Identifier: Apache-2.0
// Unit conversions against the published coefficients (GB/T 2589; NBS yearbook; IPCC 2006).
#include <gtest/gtest.h>

#include "peakpath/energy/units.hpp"

namespace {

namespace units = peakpath::units;

TEST(Units, TceIsSevenThousandKilocalories) {
  // GB/T 2589: 1 kgce = 7,000 kcal_IT x 4.1868 kJ/kcal = 29,307.6 kJ.
  EXPECT_DOUBLE_EQ(units::GJ_PER_TCE, 7000.0 * 4.1868 * 1e-3);
}

TEST(Units, ElectricityCalorificEquivalentMatchesNbs) {
  // NBS yearbook: "One kwh is equal to 0.1229 kg SCE" = 3.6 MJ / 29.3076 MJ per kgce.
  EXPECT_NEAR(units::ELECTRICITY_CALORIFIC_TCE_PER_MWH, 3.6 / 29.3076, 1e-4);
}

TEST(Units, Co2OfRawCoalWithIpccFactor) {
  // China-facts §4.2: raw coal 20.908 GJ/t x 94.6 kg/GJ = 1.978 t CO2/t; per tce 2.772 t.
  EXPECT_NEAR(units::co2_t_from_tce(1.0, 94600.0, 1.0), 2.772, 5e-4);
  // Per tonne the tce route is 0.13 % above NCV x EF: the GB/T NCV column used 4.1816 kJ/kcal
  // while the coefficient uses 4.1868 (china-energy-facts §3), so allow 0.3 %.
  EXPECT_NEAR(units::co2_t_from_tce(0.7143, 94600.0, 1.0), 1.978, 1.978 * 3e-3);
}

TEST(Units, CoalConsumptionMethodFuelOfGeneration) {
  // 1 TWh at 300 gce/kWh = 1e9 kWh x 300 g = 3e11 g = 300,000 tce.
  EXPECT_DOUBLE_EQ(units::tce_from_generation(1.0, 300.0), 300000.0);
}

}  // namespace
