// SPDX-License-Identifier: Apache-2.0
// Loading target sets: the shipped Shandong set, and bad files with errors naming file, line, key.
#include "peakpath/targets/target_set.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "peakpath/core/error.hpp"

namespace {

const std::string DATA = PEAKPATH_TEST_DATA_DIR;

/// Writes @p text to a file named after the running test (ctest runs tests in parallel
/// processes sharing the temporary directory); returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + "/" +
                           testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                           name;
  std::ofstream(path) << text;
  return path;
}

/// The message of the DataError that loading @p text raises ("" when none).
std::string load_error(const std::string& text) {
  const std::string path = write_file("bad_targets.yaml", text);
  try {
    peakpath::TargetSet::load(path);
  } catch (const peakpath::DataError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(TargetSet, ShippedShandongSet) {
  const auto set = peakpath::TargetSet::load(DATA + "/shandong/targets/shandong.yaml");
  EXPECT_EQ(set.name, "shandong");
  const auto& co2_2030 = set.find("co2_intensity_2030");
  EXPECT_EQ(co2_2030.kind, peakpath::TargetKind::intensity_reduction);
  EXPECT_EQ(co2_2030.base_year, 2005);
  ASSERT_TRUE(co2_2030.base_value.has_value());
  EXPECT_NEAR(*co2_2030.base_value, 2.9619, 1e-9);  // data/shandong/history.csv
  const auto& milestone = set.find("co2_intensity_2027");
  ASSERT_TRUE(milestone.interpolate_from && milestone.interpolate_to);
  EXPECT_EQ(milestone.interpolate_to->id, "co2_intensity_2030");
  EXPECT_TRUE(milestone.interpolate_to->base_value.has_value());
  EXPECT_EQ(set.find("post_peak_2035").window_start, 2030);
  EXPECT_EQ(set.find("post_peak_2035").year, 2035);
  for (const auto& t : set.targets) EXPECT_FALSE(t.source.empty()) << t.id;
  EXPECT_THROW(set.find("nothing"), std::invalid_argument);
}

TEST(TargetSet, UnknownNameIsAClearError) {
  try {
    peakpath::TargetSet::load("no_such_set");
    FAIL() << "no error";
  } catch (const peakpath::DataError& e) {
    EXPECT_TRUE(contains(e.what(), "target set 'no_such_set' not found")) << e.what();
  }
}

TEST(TargetSet, BadEntriesNameFileLineAndKey) {
  const std::string head = "name: t\ntargets:\n";
  auto error = load_error(head + "  - id: a\n    type: ceiling\n    year: 2030\n");
  EXPECT_TRUE(contains(error, "bad_targets.yaml line 4, key 'targets[0] (a).type'")) << error;
  EXPECT_TRUE(contains(error, "unknown target type 'ceiling'")) << error;

  error = load_error(head +
                     "  - id: a\n    type: cap\n    indicator: co2_total_mt\n"
                     "    year: 2030\n    cap: 1\n    reduction: 0.2\n");
  EXPECT_TRUE(contains(error, "line 8, key 'targets[0] (a).reduction': not a key of type cap"))
      << error;

  error = load_error(head +
                     "  - id: a\n    type: cap\n    indicator: co2\n    year: 2030\n"
                     "    cap: 1\n");
  EXPECT_TRUE(contains(error, "line 5, key 'targets[0] (a).indicator': 'co2' is not an indicator"))
      << error;

  error = load_error(head +
                     "  - id: a\n    type: share_at_least\n    indicator: non_fossil_share\n"
                     "    year: 2030\n    share: 1.3\n");
  EXPECT_TRUE(
      contains(error, "line 7, key 'targets[0] (a).share': value = 1.3: must lie in [0, 1]"))
      << error;

  error = load_error(head +
                     "  - id: a\n    type: intensity_reduction\n"
                     "    indicator: carbon_intensity_t_per_10k_cny\n    year: 2030\n"
                     "    base_year: 2030\n    reduction: 0.5\n");
  EXPECT_TRUE(contains(error, "key 'targets[0] (a).base_year': 2030 is not before the target year"))
      << error;

  error =
      load_error(head + "  - id: a\n    type: cap\n    indicator: co2_total_mt\n    year: 2030\n");
  EXPECT_TRUE(contains(error, "key 'cap': required key is missing")) << error;

  error = load_error(head + "  - id: a\n    type: stable_decline\n    window: [2035, 2030]\n");
  EXPECT_TRUE(contains(error, "key 'targets[0] (a).window': the first year must come before"))
      << error;

  error = load_error(head +
                     "  - id: a\n    type: peak_by\n    year: 2030\n"
                     "  - id: a\n    type: peak_by\n    year: 2031\n");
  EXPECT_TRUE(contains(error, "line 6, key 'targets[1].id': duplicate id 'a'")) << error;

  error = load_error("name: t\nlevers: {}\ntargets: []\n");
  EXPECT_TRUE(contains(error, "line 2, key 'levers': unknown key")) << error;

  error = load_error("name: t\ntargets: [\n");
  EXPECT_TRUE(contains(error, "bad_targets.yaml line")) << error;
}

TEST(TargetSet, MilestonesNeedTwoMatchingAnchorsAround) {
  const std::string anchors =
      "name: t\ntargets:\n"
      "  - {id: s25, type: share_at_least, indicator: non_fossil_share, year: 2025, share: 0.1}\n"
      "  - {id: s30, type: share_at_least, indicator: non_fossil_share, year: 2030, share: 0.2}\n"
      "  - {id: cap, type: cap, indicator: non_fossil_share, year: 2030, cap: 0.5}\n";
  const std::string ok = anchors +
                         "  - {id: m, type: share_at_least, indicator: non_fossil_share, year: "
                         "2027, interpolate: [s25, s30]}\n";
  const auto set = peakpath::TargetSet::load(write_file("ok.yaml", ok));
  EXPECT_EQ(set.find("m").interpolate_from->id, "s25");

  auto error = load_error(anchors +
                          "  - {id: m, type: share_at_least, indicator: non_fossil_share, year: "
                          "2031, interpolate: [s25, s30]}\n");
  EXPECT_TRUE(contains(error, "year 2031 must lie between 2025 and 2030")) << error;
  error = load_error(anchors +
                     "  - {id: m, type: share_at_least, indicator: non_fossil_share, year: "
                     "2027, interpolate: [s25, cap]}\n");
  EXPECT_TRUE(contains(error, "'cap' is not a share_at_least target on non_fossil_share")) << error;
  error = load_error(anchors +
                     "  - {id: m, type: share_at_least, indicator: non_fossil_share, year: "
                     "2027, interpolate: [s25, s35]}\n");
  EXPECT_TRUE(contains(error, "no target 's35' in this set")) << error;
  error = load_error(anchors +
                     "  - {id: m, type: share_at_least, indicator: non_fossil_share, year: "
                     "2027, share: 0.1, interpolate: [s25, s30]}\n");
  EXPECT_TRUE(contains(error, "give either 'share' or 'interpolate', not both")) << error;
}

TEST(TargetSet, BadHistoryRowNamesFileLineAndColumn) {
  write_file("history_bad.csv",
             "indicator,year,value,unit,tag,source\n"
             "carbon_intensity_t_per_10k_cny,2005,abc,t,P,x\n");
  const auto error = load_error(
      "name: t\nhistory: BadHistoryRowNamesFileLineAndColumn_history_bad.csv\ntargets:\n"
      "  - {id: a, type: peak_by, year: 2030}\n");
  EXPECT_TRUE(contains(error, "history_bad.csv line 2, column 'value'")) << error;
  const auto missing = load_error(
      "name: t\nhistory: nowhere.csv\ntargets:\n  - {id: a, type: peak_by, year: 2030}\n");
  EXPECT_TRUE(contains(missing, "line 2, key 'history': file")) << missing;
}
