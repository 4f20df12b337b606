// SPDX-License-Identifier: Apache-2.0
// Tests of aggregate_register: capacity by type, status and year; available offsets.
#include "peakpath/register/aggregate.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"

namespace peakpath::test {
namespace {

using Aggregate_ = RegisterTest;

TEST_F(Aggregate_, CapacityFollowsTheDatesAndOffsetsTheAllocations) {
  Register reg(file("r.db"), shipped_rules());
  Project running = new_steel("running");
  running.status = "operating";
  running.commissioned = "2010";
  running.capacity = 4.0;
  reg.add_project(running);
  reg.add_project(new_steel("new"));                                       // 1 Mt/a from 2026
  reg.add_project(retired("old", "steel", "Jinan", 2.0, 2.0, "2024-05"));  // 1998..2024
  const RegisterAggregate agg = aggregate_register(reg, 2023, 2027);
  ASSERT_EQ(agg.years.size(), 5u);
  const Eigen::Index steel = 0;
  EXPECT_EQ(agg.project_types[0], "steel");
  EXPECT_DOUBLE_EQ(agg.capacity.at("operating")(steel, 0), 4.0);
  EXPECT_DOUBLE_EQ(agg.capacity.at("proposed")(steel, 2), 0.0);  // 2025
  EXPECT_DOUBLE_EQ(agg.capacity.at("proposed")(steel, 3), 1.0);  // 2026
  EXPECT_DOUBLE_EQ(agg.capacity.at("retired")(steel, 0), 2.0);   // 2023: still running
  EXPECT_DOUBLE_EQ(agg.capacity.at("retired")(steel, 1), 0.0);   // retired in 2024
  const Eigen::MatrixXd& offset = agg.available_offset.at(Dimension::capacity);
  EXPECT_DOUBLE_EQ(offset(steel, 0), 0.0);  // not yet retired
  EXPECT_DOUBLE_EQ(offset(steel, 1), 2.0);
  EXPECT_DOUBLE_EQ(agg.ratio.at(Dimension::capacity)(steel, 0), 1.25);
  EXPECT_DOUBLE_EQ(agg.ratio.at(Dimension::capacity)(steel, 1), 1.5);
  ASSERT_TRUE(reg.allocate("new").approved);
  const RegisterAggregate after = aggregate_register(reg, 2023, 2027);
  EXPECT_DOUBLE_EQ(after.available_offset.at(Dimension::capacity)(steel, 4), 0.5);
  EXPECT_THROW(aggregate_register(reg, 2030, 2020), std::invalid_argument);
}

}  // namespace
}  // namespace peakpath::test
