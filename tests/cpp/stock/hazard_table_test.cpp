// SPDX-License-Identifier: Apache-2.0
// The tabulated base-stock hazard (used by run()) against the exact evaluation.
#include <gtest/gtest.h>

#include "peakpath/stock/capacity_dynamics.hpp"

namespace {

using namespace peakpath::stock;

CapacityResult simulate_with_step(double step) {
  CapacityModel model;
  model.sector = "steel";
  model.base_retirement = BaseRetirement::age_distribution;
  model.hazard_table_step = step;
  TechnologyClass old_class;
  old_class.name = "old";
  old_class.lifetime = Lifetime::weibull(3.0, 35.0);
  old_class.base_capacity_by_age.assign(24, 1.0);
  old_class.intensity = peakpath::TimePath(1.2);
  TechnologyClass new_class = old_class;
  new_class.name = "new";
  new_class.base_capacity_by_age.assign(10, 0.5);
  new_class.intensity = peakpath::TimePath(1.0);
  model.classes = {old_class, new_class};
  CapacityInputs inputs;
  for (int y = 2020; y <= 2060; ++y) inputs.years.push_back(y);
  inputs.activity = peakpath::TimePath({2020, 2060}, {24.65, 30.0});
  return simulate(model, inputs);
}

TEST(HazardTable, QuarterYearTableAgreesWithExactHazard) {
  const CapacityResult exact = simulate_with_step(0.0);
  const CapacityResult table = simulate_with_step(0.25);
  const double scale = exact.capacity.maxCoeff();
  EXPECT_LT((exact.capacity - table.capacity).cwiseAbs().maxCoeff(), 1e-4 * scale);
  EXPECT_LT((exact.intensity - table.intensity).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(HazardTable, SecondRunOnTheSameClassesUsesTheSameTable) {
  const CapacityResult first = simulate_with_step(0.25);
  const CapacityResult second = simulate_with_step(0.25);
  EXPECT_EQ(first.capacity, second.capacity);
}

}  // namespace
