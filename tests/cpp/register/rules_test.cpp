// SPDX-License-Identifier: Apache-2.0
// Tests of the rules files: shipped defaults, wildcards, user overrides and error reports.
#include "peakpath/register/rules.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "fixture.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/project.hpp"

namespace peakpath::test {
namespace {

using Rules_ = RegisterTest;

const char* const HEADER = "rule,project_type,dimension,value,unit,tag,source\n";

TEST_F(Rules_, ShippedRatiosMatchTheirSources) {
  const Rules rules = shipped_rules();
  // china-energy-facts.md §2.6 (national) and §2.2 (Shandong two-high notice).
  EXPECT_DOUBLE_EQ(rules.ratio("steel", Dimension::capacity, true), 1.5);
  EXPECT_DOUBLE_EQ(rules.ratio("steel", Dimension::capacity, false), 1.25);
  EXPECT_DOUBLE_EQ(rules.ratio("cement_clinker", Dimension::capacity, true), 2.0);
  EXPECT_DOUBLE_EQ(rules.ratio("cement_clinker", Dimension::capacity, false), 1.5);
  EXPECT_DOUBLE_EQ(rules.ratio("cement_grinding", Dimension::capacity, false), 2.0);
  for (const char* t : {"refining", "electrolytic_aluminium", "coal_power"})
    EXPECT_DOUBLE_EQ(rules.ratio(t, Dimension::capacity, false), 1.5) << t;
  for (const char* t : {"coking", "calcium_carbide", "chlor_alkali"})
    EXPECT_DOUBLE_EQ(rules.ratio(t, Dimension::capacity, true), 1.25) << t;
  EXPECT_DOUBLE_EQ(rules.ratio("ferro_alloy", Dimension::capacity, true), 1.2);
  EXPECT_DOUBLE_EQ(rules.ratio("lime", Dimension::coal_t, false), 1.2);  // H = 1.2
  EXPECT_DOUBLE_EQ(rules.ratio("refining", Dimension::co2_t, false), 1.5);
  EXPECT_DOUBLE_EQ(rules.ratio("methanol", Dimension::co2_t, false), 1.2);
  EXPECT_EQ(rules.key_region_cities().size(), 7u);
  EXPECT_TRUE(rules.is_key_region_city("Heze"));
  EXPECT_FALSE(rules.is_key_region_city("Qingdao"));
  EXPECT_TRUE(rules.eligibility(Dimension::capacity).same_type);
  EXPECT_FALSE(rules.eligibility(Dimension::co2_t).same_type);
  EXPECT_EQ(rules.eligibility(Dimension::nox_t).scope, "city");
  EXPECT_EQ(rules.eligibility(Dimension::energy_tce).scope, "province");
}

TEST_F(Rules_, EveryShippedRowHasATagAndASource) {
  for (const auto& row : shipped_rules().rows()) {
    EXPECT_TRUE(row.tag == "V" || row.tag == "P" || row.tag == "U") << row.origin;
    EXPECT_FALSE(row.source.empty()) << row.origin;
  }
  // Every type has a ratio in every dimension (through "*" rows at least).
  const Rules rules = shipped_rules();
  for (const char* type : PROJECT_TYPES)
    for (Dimension d : DIMENSIONS) EXPECT_GT(rules.ratio(type, d, true), 0.0);
}

TEST_F(Rules_, UserFileOverridesTheMostSpecificRow) {
  Rules rules = shipped_rules();
  rules.override_with(write("mine.csv", std::string(HEADER) +
                                            "ratio_other,steel,capacity,2.0,x,U,my plan\n"
                                            "ratio_other,*,co2_t,1.3,x,U,my plan\n"
                                            "key_region_city,*,*,Qingdao,city,U,my plan\n"
                                            "key_region_city,*,*,-Heze,city,U,my plan\n"));
  EXPECT_DOUBLE_EQ(rules.ratio("steel", Dimension::capacity, false), 2.0);
  EXPECT_DOUBLE_EQ(rules.ratio("steel", Dimension::capacity, true), 1.5);  // untouched
  EXPECT_DOUBLE_EQ(rules.ratio("methanol", Dimension::co2_t, false), 1.3);
  EXPECT_DOUBLE_EQ(rules.ratio("refining", Dimension::co2_t, false), 1.5);  // specific row wins
  EXPECT_TRUE(rules.is_key_region_city("Qingdao"));
  EXPECT_FALSE(rules.is_key_region_city("Heze"));
}

TEST_F(Rules_, BadRowsAreAllReportedAndNothingIsApplied) {
  Rules rules = shipped_rules();
  try {
    rules.override_with(write("bad.csv", std::string(HEADER) +
                                             "ratio_other,steel,capacity,1.9,x,U,ok\n"
                                             "ratio_other,tyres,capacity,1,x,U,s\n"
                                             "ratio_other,steel,water,1,x,U,s\n"
                                             "ratio_other,steel,capacity,-1,x,U,s\n"
                                             "scope,*,so2_t,county,x,U,s\n"
                                             "window_years,*,*,five,x,U,s\n"
                                             "benchmark,lime,*,100,x,Q,s\n"
                                             "guess,*,*,1,x,U,s\n"));
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("7 bad rule row(s)"), std::string::npos) << m;
    EXPECT_NE(m.find("bad.csv line 3, column 'project_type': value 'tyres'"), std::string::npos);
    EXPECT_NE(m.find("bad.csv line 4, column 'dimension': value 'water'"), std::string::npos);
    EXPECT_NE(m.find("bad.csv line 5, column 'value': value '-1' is negative"), std::string::npos);
    EXPECT_NE(m.find("bad.csv line 6, column 'value': value 'county' is not a scope"),
              std::string::npos);
    EXPECT_NE(m.find("bad.csv line 7, column 'value': value 'five' is not a whole number"),
              std::string::npos);
    EXPECT_NE(m.find("bad.csv line 8, column 'tag': value 'Q' is not V, P or U"),
              std::string::npos);
    EXPECT_NE(m.find("bad.csv line 9, column 'rule': value 'guess' is not a rule"),
              std::string::npos);
  }
  EXPECT_DOUBLE_EQ(rules.ratio("steel", Dimension::capacity, false), 1.25);
}

TEST_F(Rules_, LevelsMustPutTheBenchmarkFirstAndMissingRatiosAreNamed) {
  Rules rules = shipped_rules();
  rules.override_with(write("lv.csv", std::string(HEADER) + "benchmark,lime,*,150,x,U,s\n"
                                                            "baseline,lime,*,120,x,U,s\n"));
  try {
    rules.levels("lime");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("is worse than baseline 120"), std::string::npos);
  }
  const std::string only = write("only.csv", std::string(HEADER) + "ratio_other,steel,*,1,x,U,s\n");
  Rules sparse;
  sparse.override_with(only);
  try {
    sparse.ratio("lime", Dimension::pm_t, true);
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("no ratio_key_region for project type 'lime'"),
              std::string::npos);
  }
  ASSERT_EQ(::mkdir(file("empty").c_str(), 0700), 0);
  EXPECT_THROW(Rules::load_directory(file("empty")), DataError);  // no *.csv files
}

}  // namespace
}  // namespace peakpath::test
