// SPDX-License-Identifier: Apache-2.0
// Tests of requirements, allocation, release and the never-twice guarantee.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "fixture.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/register.hpp"

namespace peakpath::test {
namespace {

using Allocation_ = RegisterTest;

constexpr std::size_t CAP = index_of(Dimension::capacity);
constexpr std::size_t CO2 = index_of(Dimension::co2_t);
constexpr std::size_t SO2 = index_of(Dimension::so2_t);

TEST_F(Allocation_, RequirementIsRatioTimesAmount) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("key"));  // Jinan: key region
  Project other = new_steel("other");
  other.city = "Rizhao";
  reg.add_project(other);
  // 工信部《钢铁行业产能置换实施办法》(2021), Art. 4: ≥1.5:1 in key air-pollution regions,
  // ≥1.25:1 elsewhere, so 1 Mt/a new needs 1.5 resp. 1.25 Mt/a retired.
  EXPECT_DOUBLE_EQ(reg.requirement("key")[CAP], 1.5);
  EXPECT_DOUBLE_EQ(reg.requirement("other")[CAP], 1.25);
  // Coal: Shandong coefficient H = 1.2 (2018 measures); CO2 1.2 (default); SO2 2× in key regions.
  EXPECT_DOUBLE_EQ(reg.requirement("key")[index_of(Dimension::coal_t)], 720000);
  EXPECT_DOUBLE_EQ(reg.requirement("key")[CO2], 1.2 * 1800000);
  EXPECT_DOUBLE_EQ(reg.requirement("key")[SO2], 200);
  EXPECT_DOUBLE_EQ(reg.requirement("other")[SO2], 100);
  EXPECT_THROW(reg.requirement("nobody"), std::invalid_argument);
}

TEST_F(Allocation_, RequirementScalesWithTheAmountInEveryDimension) {
  Register reg(file("r.db"), shipped_rules());
  Project one = new_steel("one");
  Project three = new_steel("three");
  three.capacity *= 3;
  three.energy_tce *= 3;
  three.coal_t *= 3;
  three.co2_t *= 3;
  three.so2_t *= 3;
  three.nox_t *= 3;
  three.pm_t *= 3;
  reg.add_project(one);
  reg.add_project(three);
  const Amounts a = reg.requirement("one");
  const Amounts b = reg.requirement("three");
  for (std::size_t k = 0; k < DIMENSION_COUNT; ++k) EXPECT_DOUBLE_EQ(b[k], 3 * a[k]);
}

TEST_F(Allocation_, CoversEachDimensionAndStoresTheAssignments) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("new"));
  // Two retired steel plants in Jinan with 1.0 and 0.8 Mt/a and twice the new plant's amounts.
  reg.add_project(retired("old-b", "steel", "Jinan", 1.0, 2.0, "2022"));
  reg.add_project(retired("old-a", "steel", "Jinan", 0.8, 2.0, "2024"));
  const Allocation a = reg.allocate("new");
  EXPECT_TRUE(a.approved);
  EXPECT_TRUE(a.committed);
  for (std::size_t k = 0; k < DIMENSION_COUNT; ++k) {
    EXPECT_DOUBLE_EQ(a.shortfall[k], 0.0);
    EXPECT_DOUBLE_EQ(a.covered[k], a.requirement[k]);
  }
  // Oldest first: old-b (2022) gives its full 1.0 Mt/a, old-a the remaining 0.5.
  ASSERT_GE(a.assignments.size(), 2u);
  EXPECT_EQ(a.assignments[0].source_id, "old-b");
  EXPECT_DOUBLE_EQ(a.assignments[0].amount, 1.0);
  EXPECT_EQ(a.assignments[1].source_id, "old-a");
  EXPECT_DOUBLE_EQ(a.assignments[1].amount, 0.5);
  EXPECT_DOUBLE_EQ(a.assignments[1].available, 0.8);
  EXPECT_EQ(reg.assignments("new").size(), a.assignments.size());
  // What is left of old-a's capacity is 0.3.
  for (const auto& s : reg.sources())
    if (s.id == "old-a") {
      EXPECT_NEAR(s.remaining[CAP], 0.3, 1e-12);
    }
  EXPECT_THROW(reg.allocate("new"), std::invalid_argument);  // already allocated
}

TEST_F(Allocation_, ReportsTheShortfallPerDimensionAndStoresNothing) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("new"));  // Jinan
  // A big coking closure in Yantai: not steel (capacity) and not Jinan (pollutants).
  reg.add_project(retired("far", "coking", "Yantai", 1.0, 10.0));
  const Allocation a = reg.allocate("new");
  EXPECT_FALSE(a.approved);
  EXPECT_FALSE(a.committed);
  EXPECT_DOUBLE_EQ(a.shortfall[CAP], 1.5);  // no steel closure at all
  EXPECT_DOUBLE_EQ(a.shortfall[SO2], 200);  // far is in another city
  EXPECT_DOUBLE_EQ(a.shortfall[CO2], 0.0);  // CO2 may come from any type in the province
  EXPECT_DOUBLE_EQ(a.covered[CO2], 1.2 * 1800000);
  EXPECT_TRUE(reg.assignments().empty());
}

TEST_F(Allocation_, WindowUnitsAndVerificationDecideEligibility) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("new"));                                        // commissioned 2026
  reg.add_project(retired("too-old", "steel", "Jinan", 5.0, 5.0, "2019"));  // 2019 < 2026 - 5
  Project other_unit = retired("tpd", "steel", "Jinan", 5.0, 5.0, "2024");
  other_unit.capacity_unit = "t/d";
  reg.add_project(other_unit);
  Offset unverified;
  unverified.id = "claim";
  unverified.kind = "retrofit_savings";
  unverified.project_type = "steel";
  unverified.city = "Jinan";
  unverified.date = "2024";
  unverified.amounts[CO2] = 1e9;
  unverified.verified = false;
  reg.add_offset(unverified);
  const Allocation a = reg.allocate("new", false);
  EXPECT_FALSE(a.approved);
  EXPECT_DOUBLE_EQ(a.shortfall[CAP], 1.5);
  for (const auto& s : a.assignments) {
    EXPECT_NE(s.source_id, "too-old");
    EXPECT_NE(s.source_id, "claim");
    if (s.dimension == Dimension::capacity) {
      EXPECT_NE(s.source_id, "tpd");
    }
  }
}

TEST_F(Allocation_, OffsetsCoverTheirDimensionsAndAreSplitAcrossProjects) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(retired("old", "steel", "Jinan", 10.0, 0.0));  // capacity only
  Offset saving;
  saving.id = "retrofit-1";
  saving.kind = "retrofit_savings";
  saving.project_type = "steel";
  saving.city = "Jinan";
  saving.date = "2025";
  for (Dimension d : DIMENSIONS) saving.amounts[index_of(d)] = 3 * amount(new_steel(), d);
  saving.amounts[CAP] = 0;
  reg.add_offset(saving);
  reg.add_project(new_steel("p1"));
  reg.add_project(new_steel("p2"));
  EXPECT_TRUE(reg.allocate("p1").approved);
  const Allocation second = reg.allocate("p2");
  // CO2 ratio 1.2: both projects need 2 × 1.2 = 2.4 of the saving's 3 → both close. SO2 ratio 2
  // in Jinan: the first project took 2 of 3 and the second finds only 1 of the 2 it needs.
  EXPECT_FALSE(second.approved);
  EXPECT_DOUBLE_EQ(second.shortfall[SO2], 100);
  EXPECT_DOUBLE_EQ(second.covered[SO2], 100);
  EXPECT_DOUBLE_EQ(second.shortfall[CO2], 0.0);
  EXPECT_DOUBLE_EQ(second.covered[CO2], 1.2 * 1800000);
}

TEST_F(Allocation_, ReleaseReturnsTheAmountsAndIsAudited) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("p1"));
  reg.add_project(new_steel("p2"));
  reg.add_project(retired("old", "steel", "Jinan", 1.5, 2.0));
  EXPECT_TRUE(reg.allocate("p1").approved);
  EXPECT_FALSE(reg.allocate("p2").approved);
  const std::size_t held = reg.assignments("p1").size();
  EXPECT_EQ(reg.release("p1"), held);
  EXPECT_TRUE(reg.allocate("p2").approved);
  std::size_t releases = 0;
  for (const auto& e : reg.audit()) releases += e.action == "release";
  EXPECT_EQ(releases, held);
  EXPECT_THROW(reg.set_status("old", "operating"), std::invalid_argument);  // its amounts are used
}

TEST_F(Allocation_, OnlyNewProjectsAreAllocated) {
  Register reg(file("r.db"), shipped_rules());
  Project p = new_steel("running");
  p.status = "operating";
  reg.add_project(p);
  try {
    reg.allocate("running");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("only proposed or under_construction"), std::string::npos);
  }
  EXPECT_THROW(reg.allocate("nobody"), std::invalid_argument);
}

TEST_F(Allocation_, TheDatabaseRefusesToUseAnAmountTwice) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("p1"));
  reg.add_project(retired("old", "steel", "Jinan", 1.5, 2.0));
  sqlite3* db = nullptr;
  sqlite3_open(file("r.db").c_str(), &db);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db,
                         "INSERT INTO allocations (project_id, source_id, dimension, amount, "
                         "created_at) VALUES ('p1', 'old', 'capacity', 1.0, 'now')",
                         nullptr, nullptr, &error),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db,
                         "INSERT INTO allocations (project_id, source_id, dimension, amount, "
                         "created_at) VALUES ('p1', 'old', 'capacity', 0.6, 'now')",
                         nullptr, nullptr, &error),
            SQLITE_OK);
  EXPECT_STREQ(error, "register: a source amount would be used twice");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_F(Allocation_, OffsetImportReportsEveryBadCell) {
  Register reg(file("r.db"), shipped_rules());
  const std::string csv =
      "id,kind,project_type,city,date,capacity,capacity_unit,co2_t,verified\n"
      "o1,fuel_switch,steel,Jinan,2024,,,1000,1\n"
      "o2,wishful,steel,Jinan,2024,,,x,1\n"
      "o3,closure,steel,Jinan,soon,2,,1,maybe\n";
  try {
    reg.import_offsets_csv(write("o.csv", csv));
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("o.csv line 3, column 'kind': 'wishful'"), std::string::npos) << m;
    EXPECT_NE(m.find("o.csv line 3, column 'co2_t': value 'x' is not a number"), std::string::npos)
        << m;
    EXPECT_NE(m.find("o.csv line 4, column 'date': 'soon'"), std::string::npos) << m;
    EXPECT_NE(m.find("o.csv line 4, column 'verified': value 'maybe'"), std::string::npos) << m;
    EXPECT_NE(m.find("o.csv line 4, column 'capacity_unit'"), std::string::npos) << m;
  }
  EXPECT_TRUE(reg.offsets().empty());
  EXPECT_EQ(reg.import_offsets_csv(write("ok.csv",
                                         "id,kind,project_type,city,date,co2_t\n"
                                         "o1,fuel_switch,steel,Jinan,2024,1000\n")),
            1u);
  EXPECT_DOUBLE_EQ(reg.offsets()[0].amounts[CO2], 1000);
}

}  // namespace
}  // namespace peakpath::test
