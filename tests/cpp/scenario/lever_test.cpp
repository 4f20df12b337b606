// SPDX-License-Identifier: Apache-2.0
// The lever vocabulary: the catalogue, the address parser, key and range checks, the overlay.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "../message_of.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/core/suggest.hpp"
#include "peakpath/scenario/lever_address.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace {

using peakpath::DataError;
using peakpath::LeverMerge;
using peakpath::parse_lever_address;
using peakpath::PathSet;
using peakpath::Scenario;
using peakpath::TimePath;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const Scenario& baseline() {
  static const Scenario scenario = Scenario::load("shandong/baseline");
  return scenario;
}

TEST(LeverCatalogue, EveryVariableOnceAndLeverVariablesDerived) {
  const auto& catalogue = peakpath::lever_catalogue();
  ASSERT_EQ(peakpath::LEVER_VARIABLES.size(), catalogue.size());
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    EXPECT_EQ(peakpath::LEVER_VARIABLES[i], catalogue[i].variable);
    EXPECT_EQ(peakpath::find_lever(catalogue[i].variable), &catalogue[i]);
    EXPECT_LE(catalogue[i].min, catalogue[i].max) << catalogue[i].variable;
    EXPECT_FALSE(catalogue[i].unit.empty()) << catalogue[i].variable;
  }
  EXPECT_EQ(peakpath::find_lever("solar"), nullptr);
  const auto* heat_rate = peakpath::find_lever("coal_heat_rate_gce_per_kwh");
  EXPECT_EQ(heat_rate->min, 150.0);
  EXPECT_EQ(heat_rate->max, 600.0);
}

TEST(LeverAddress, TheFourForms) {
  auto a = parse_lever_address("capacity_gw/solar@2030");
  EXPECT_EQ(a.variable, "capacity_gw");
  EXPECT_EQ(a.key, "solar");
  EXPECT_EQ(a.year, 2030);
  EXPECT_FALSE(a.scale || a.deprecated);
  a = parse_lever_address("capacity_gw/solar");
  EXPECT_FALSE(a.year.has_value());
  a = parse_lever_address("gdp_growth@2030");
  EXPECT_EQ(a.key, "total");
  EXPECT_EQ(a.text(), "gdp_growth@2030");
  a = parse_lever_address("scale:fuel_share/transport/electricity@2040");
  EXPECT_TRUE(a.scale);
  EXPECT_EQ(a.key, "transport/electricity");
  EXPECT_EQ(a.text(), "scale:fuel_share/transport/electricity@2040");
  a = parse_lever_address("scale:intensity_change");
  EXPECT_EQ(a.key, "");
  a = parse_lever_address("retrofit_rate/ferrous_metals/baseline/benchmark");
  EXPECT_EQ(a.key, "ferrous_metals/baseline/benchmark");
}

TEST(LeverAddress, TheOldSpellingIsReadAndFlagged) {
  const auto a = parse_lever_address("capacity_gw.solar@2030");
  EXPECT_TRUE(a.deprecated);
  EXPECT_EQ(a.key, "solar");
  EXPECT_EQ(a.text(), "capacity_gw/solar@2030");
  EXPECT_TRUE(parse_lever_address("scale:fuel_share.transport/electricity").deprecated);
}

TEST(LeverAddress, UnknownLeverSuggestsTheClosest) {
  const std::string m =
      message_of<DataError>([] { parse_lever_address("capacity_gww/solar@2030", "--set"); });
  EXPECT_TRUE(contains(m, "--set 'capacity_gww/solar@2030'")) << m;
  EXPECT_TRUE(contains(m, "did you mean `capacity_gw`")) << m;
  EXPECT_TRUE(contains(message_of<DataError>([] { parse_lever_address("zzz@2030"); }),
                       "unknown lever 'zzz'"));
}

TEST(LeverAddress, BadShapesAreErrors) {
  EXPECT_TRUE(contains(message_of<DataError>([] { parse_lever_address("capacity_gw@2030"); }),
                       "needs a key: capacity_gw/<technology>"));
  EXPECT_TRUE(contains(message_of<DataError>([] { parse_lever_address("gdp_growth/solar"); }),
                       "only the key 'total'"));
  EXPECT_TRUE(contains(message_of<DataError>([] { parse_lever_address("fuel_share/transport"); }),
                       "does not match fuel_share/<sector>/<fuel>"));
  EXPECT_TRUE(contains(message_of<DataError>([] { parse_lever_address("gdp_growth@20x0"); }),
                       "is not a year"));
  EXPECT_THROW(parse_lever_address(""), DataError);
  EXPECT_THROW(parse_lever_address("capacity_gw/"), DataError);
  EXPECT_THROW(parse_lever_address("Capacity_gw/solar"), DataError);
}

TEST(Suggest, EditDistanceAndClosestNames) {
  EXPECT_EQ(peakpath::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(peakpath::edit_distance("", "abc"), 3u);
  EXPECT_EQ(peakpath::closest_names("solarr", {"wind", "solar", "nuclear"}),
            std::vector<std::string>{"solar"});
  EXPECT_EQ(peakpath::did_you_mean("qqqqqqqq", {"solar"}), "");
}

TEST(LeverChecks, UnknownKeySuggestsTheDatasetsKeys) {
  PathSet levers;
  levers["capacity_gw"]["solarr"] = TimePath({2030}, {150.0});
  const std::string m = message_of<DataError>([&] { baseline().with_levers(levers); });
  EXPECT_TRUE(contains(m, "unknown key 'solarr'")) << m;
  EXPECT_TRUE(contains(m, "did you mean `capacity_gw/solar`")) << m;
  PathSet fuel;
  fuel["fuel_share"]["transport/electricty"] = TimePath({2030}, {0.2});
  EXPECT_TRUE(contains(message_of<DataError>([&] { baseline().with_levers(fuel); }),
                       "`fuel_share/transport/electricity`"));
}

TEST(LeverChecks, OutOfRangeNamesLeverKeyYearAndValue) {
  PathSet levers;
  levers["capacity_factor"]["solar"] = TimePath({2030}, {1.5});
  const std::string m = message_of<DataError>([&] { baseline().with_levers(levers); });
  EXPECT_TRUE(contains(m, "capacity_factor/solar in 2030: value 1.5")) << m;
  EXPECT_TRUE(contains(m, "[0, 1]")) << m;
  PathSet heat;
  heat["coal_heat_rate_gce_per_kwh"]["total"] = TimePath({2030}, {100.0});
  EXPECT_TRUE(contains(message_of<DataError>([&] { baseline().with_levers(heat); }), "[150, 600]"));
  PathSet growth;
  growth["gdp_growth"]["total"] = TimePath({2030}, {11.0});
  EXPECT_THROW(baseline().with_levers(growth), DataError);
  PathSet utilisation;
  utilisation["utilisation"]["ferrous_metals"] = TimePath({2030}, {0.0});
  EXPECT_TRUE(
      contains(message_of<DataError>([&] { baseline().with_levers(utilisation); }), "[0.01, 1]"));
}

TEST(LeverOverlay, APointOverlaysTheDatasetPathAndKeepsTheBaseYear) {
  PathSet levers;
  levers["capacity_gw"]["solar"] = TimePath({2030}, {150.0});
  const Scenario s = baseline().with_levers(levers);
  const TimePath& solar = s.levers.at("capacity_gw").at("solar");
  const TimePath& data = baseline().dataset->paths.at("capacity_gw").at("solar");
  EXPECT_DOUBLE_EQ(solar.at(2020), data.at(2020));
  EXPECT_DOUBLE_EQ(solar.at(2025), data.at(2025));
  EXPECT_DOUBLE_EQ(solar.at(2030), 150.0);
  EXPECT_DOUBLE_EQ(solar.at(2028), data.at(2025) + 0.6 * (150.0 - data.at(2025)));
  EXPECT_DOUBLE_EQ(solar.at(2050), 150.0);
}

// The baseline on a copy of its dataset whose drivers are observed up to 2024.
Scenario with_history_to_2024() {
  Scenario s = baseline();
  auto data = std::make_shared<peakpath::Dataset>(*s.dataset);
  data->history_end = 2024;
  s.dataset = data;
  return s;
}

TEST(LeverOverlay, ALeverWithAConstantDefaultStartsFromItAfterTheHistory) {
  // The default is 0; history_end is 2024, so the path stays 0 to 2024 and rises from there.
  PathSet levers;
  levers["ccus_capture_mt"]["power_heat"] = TimePath({2040}, {50.0});
  const Scenario s = with_history_to_2024().with_levers(levers);
  const TimePath& ccus = s.levers.at("ccus_capture_mt").at("power_heat");
  EXPECT_DOUBLE_EQ(ccus.at(2020), 0.0);
  EXPECT_DOUBLE_EQ(ccus.at(2024), 0.0);
  EXPECT_DOUBLE_EQ(ccus.at(2032), 25.0);
}

TEST(LeverOverlay, TheBaseYearChangesOnlyWithReplace) {
  PathSet levers;
  levers["capacity_gw"]["solar"] = TimePath({2020, 2030}, {40.0, 150.0});
  const std::string m = message_of<DataError>([&] { baseline().with_levers(levers); });
  EXPECT_TRUE(contains(m, "capacity_gw/solar point in 2020")) << m;
  EXPECT_TRUE(contains(m, "2020")) << m;
  EXPECT_TRUE(contains(m, "replace")) << m;
  const Scenario replaced = baseline().with_levers(levers, LeverMerge::replace);
  EXPECT_DOUBLE_EQ(replaced.levers.at("capacity_gw").at("solar").at(2020), 40.0);
  // A base-year point equal to the base value changes nothing and is accepted.
  PathSet same;
  same["capacity_gw"]["solar"] = TimePath({2020, 2030}, {22.72, 150.0});
  EXPECT_NO_THROW(baseline().with_levers(same));
  // A lever the model does not read in the base year accepts any constant.
  PathSet growth;
  growth["gdp_growth"]["total"] = TimePath(0.03);
  EXPECT_NO_THROW(baseline().with_levers(growth));
}

TEST(LeverOverlay, APointInTheObservedYearsNeedsReplace) {
  // history_end is 2024: a point dated 2021-2024 is an error naming lever, year and kept value.
  PathSet levers;
  levers["capacity_gw"]["solar"] = TimePath({2023, 2030}, {99.0, 150.0});
  const Scenario history = with_history_to_2024();
  const std::string m = message_of<DataError>([&] { history.with_levers(levers); });
  EXPECT_TRUE(contains(m, "capacity_gw/solar point in 2023 lies in the observed years (2021-2024)"))
      << m;
  EXPECT_TRUE(contains(m, "replace")) << m;
  const Scenario replaced = history.with_levers(levers, LeverMerge::replace);
  EXPECT_DOUBLE_EQ(replaced.levers.at("capacity_gw").at("solar").at(2023), 99.0);
  // Without a history (Shandong's dataset does not declare one yet) the point overlays.
  EXPECT_NO_THROW(baseline().with_levers(levers));
}

std::string write_scenario(const std::string& name, const std::string& levers) {
  const std::string file = testing::TempDir() + name + ".yaml";
  std::ofstream(file) << "name: test/" << name << "\nextends: shandong/baseline\nlevers:\n"
                      << levers;
  return file;
}

TEST(ScenarioFile, AddressesAndNestedFormsAgree) {
  const Scenario nested =
      Scenario::load(write_scenario("nested", "  capacity_gw:\n    solar: {2030: 150}\n"));
  const Scenario address =
      Scenario::load(write_scenario("address", "  capacity_gw/solar: {2030: 150}\n"));
  const Scenario point = Scenario::load(write_scenario("point", "  capacity_gw/solar@2030: 150\n"));
  const auto solar = [](const Scenario& s) { return s.levers.at("capacity_gw").at("solar"); };
  EXPECT_EQ(solar(nested).values(), solar(address).values());
  EXPECT_EQ(solar(nested).values(), solar(point).values());
  EXPECT_DOUBLE_EQ(solar(point).at(2020), 22.72);
}

TEST(ScenarioFile, ErrorsNameFileLineAndSuggest) {
  const std::string file = write_scenario("typo", "  capacity_gw/solarr: {2030: 150}\n");
  const std::string m = message_of<DataError>([&] { Scenario::load(file); });
  EXPECT_TRUE(contains(m, file + " line 4")) << m;
  EXPECT_TRUE(contains(m, "did you mean `capacity_gw/solar`")) << m;
  const std::string lever = write_scenario("lever", "  capacity_gww:\n    solar: {2030: 150}\n");
  EXPECT_TRUE(contains(message_of<DataError>([&] { Scenario::load(lever); }), "`capacity_gw`"));
  const std::string old = write_scenario("old", "  capacity_gw.solar@2030: 150\n");
  EXPECT_TRUE(contains(message_of<DataError>([&] { Scenario::load(old); }),
                       "write the address as capacity_gw/solar@2030"));
}

TEST(ScenarioFile, ReplaceTrueChangesTheBaseYear) {
  const std::string refused =
      write_scenario("refused", "  capacity_gw/solar: {2020: 40, 2030: 150}\n");
  EXPECT_TRUE(contains(message_of<DataError>([&] { Scenario::load(refused); }), "line 4"));
  const Scenario s = Scenario::load(
      write_scenario("replaced", "  capacity_gw/solar: {2020: 40, 2030: 150, replace: true}\n"));
  EXPECT_DOUBLE_EQ(s.levers.at("capacity_gw").at("solar").at(2020), 40.0);
}

}  // namespace
