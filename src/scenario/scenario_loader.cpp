// SPDX-License-Identifier: Apache-2.0
// Scenario::load and friends: YAML scenario files with `extends:`.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "../core/file_path.hpp"
#include "../core/yaml_file.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace peakpath {

namespace {

using detail::directory_of;
using detail::is_file;

/// "shandong/baseline" -> <data>/shandong/scenarios/baseline.yaml; a file path stays as is.
std::string resolve_scenario(const std::string& name_or_path, const std::string& relative_to) {
  if (is_file(name_or_path)) return name_or_path;
  if (!relative_to.empty() && is_file(relative_to + "/" + name_or_path))
    return relative_to + "/" + name_or_path;
  const auto slash = name_or_path.find('/');
  if (slash != std::string::npos) {
    const std::string shipped = default_data_dir() + "/" + name_or_path.substr(0, slash) +
                                "/scenarios/" + name_or_path.substr(slash + 1) + ".yaml";
    if (is_file(shipped)) return shipped;
  }
  throw DataError("scenario '" + name_or_path +
                  "' not found (give a YAML file or a shipped name such as 'shandong/baseline')");
}

bool is_year_key(const std::string& key) {
  return !key.empty() &&
         std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_note_key(const std::string& key) {
  return key == "source" || key == "tag" || key == "note" || key == "task" || key == "unit";
}

/// {2025: 65, 2030: 125, source: "..."} -> TimePath; a bare number is a constant path.
TimePath parse_path(const std::string& file, const YAML::Node& node, const std::string& name) {
  using detail::yaml_as;
  using detail::yaml_where;
  if (node.IsScalar()) return TimePath(yaml_as<double>(file, node, name));
  if (!node.IsMap())
    throw DataError(yaml_where(file, node, name) + ": expected {year: value, ...} or a number");
  std::vector<std::pair<double, double>> points;
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    if (is_note_key(key)) continue;
    if (!is_year_key(key))
      throw DataError(yaml_where(file, item.first, name) + ": '" + key + "' is not a year");
    points.emplace_back(std::stod(key), yaml_as<double>(file, item.second, name + "." + key));
  }
  if (points.empty()) throw DataError(yaml_where(file, node, name) + ": no year: value points");
  std::sort(points.begin(), points.end());
  std::vector<double> years, values;
  for (const auto& [year, value] : points) {
    if (!years.empty() && year == years.back())
      throw DataError(yaml_where(file, node, name) + ": duplicate year " +
                      std::to_string(static_cast<int>(year)));
    years.push_back(year);
    values.push_back(value);
  }
  return TimePath(years, values, yaml_where(file, node, name));
}

PathSet parse_levers(const std::string& file, const YAML::Node& node) {
  PathSet levers;
  if (!node) return levers;
  if (!node.IsMap()) throw DataError(detail::yaml_where(file, node, "levers") + ": expected a map");
  for (const auto& lever : node) {
    const std::string variable = lever.first.Scalar();
    if (std::find(LEVER_VARIABLES.begin(), LEVER_VARIABLES.end(), variable) ==
        LEVER_VARIABLES.end())
      throw DataError(detail::yaml_where(file, lever.first, "levers." + variable) +
                      ": unknown lever (see docs/levers.md)");
    const YAML::Node& body = lever.second;
    bool keyed = body.IsMap();
    if (keyed)
      for (const auto& item : body)
        if (is_year_key(item.first.Scalar())) keyed = false;
    if (!keyed) {
      levers[variable]["total"] = parse_path(file, body, "levers." + variable);
      continue;
    }
    for (const auto& item : body) {
      const std::string key = item.first.Scalar();
      if (is_note_key(key)) continue;
      levers[variable][key] = parse_path(file, item.second, "levers." + variable + "." + key);
    }
  }
  return levers;
}

ElectricityMethod parse_method(const std::string& file, const YAML::Node& node) {
  const std::string method = detail::yaml_as<std::string>(file, node, "options.electricity_method");
  if (method == "coal_consumption") return ElectricityMethod::coal_consumption;
  if (method == "calorific") return ElectricityMethod::calorific;
  throw DataError(detail::yaml_where(file, node, "options.electricity_method") + ": '" + method +
                  "' is not 'coal_consumption' or 'calorific'");
}

Scenario load_chain(const std::string& name_or_path, const std::string& relative_to,
                    std::set<std::string>& visiting);

/// The scenario of @p file (resolved), with the chain it extends.
Scenario read_scenario_file(const std::string& file, const std::string& name_or_path,
                            std::set<std::string>& visiting) {
  using detail::yaml_as;
  if (!visiting.insert(file).second) throw DataError(file + ": 'extends' forms a cycle");
  const YAML::Node root = detail::load_yaml_file(file);
  if (!root.IsMap()) throw DataError(file + ": a scenario file must be a YAML mapping");
  static const std::set<std::string> known = {"name",      "description", "dataset", "extends",
                                              "base_year", "horizon",     "options", "levers"};
  for (const auto& item : root)
    if (!known.count(item.first.Scalar()))
      throw DataError(detail::yaml_where(file, item.first, item.first.Scalar()) +
                      ": unknown key (expected one of name, description, dataset, extends, "
                      "base_year, horizon, options, levers)");

  Scenario scenario;
  if (root["extends"]) {
    scenario = load_chain(yaml_as<std::string>(file, root["extends"], "extends"),
                          directory_of(file), visiting);
  } else {
    const std::string dataset =
        yaml_as<std::string>(file, detail::yaml_required(file, root, "dataset"), "dataset");
    const std::string dataset_dir = is_file(directory_of(file) + "/" + dataset + "/dataset.yaml")
                                        ? directory_of(file) + "/" + dataset
                                        : dataset;
    auto data = std::make_shared<const Dataset>(load_dataset(dataset_dir));
    ScenarioOptions options;
    options.factor_set = data->default_factor_set;
    scenario = Scenario::from_dataset(data, options);
  }
  scenario.file = file;
  scenario.name = root["name"] ? yaml_as<std::string>(file, root["name"], "name") : name_or_path;
  scenario.description =
      root["description"] ? yaml_as<std::string>(file, root["description"], "description") : "";
  if (root["base_year"]) scenario.base_year = yaml_as<int>(file, root["base_year"], "base_year");
  if (root["horizon"]) scenario.horizon = yaml_as<int>(file, root["horizon"], "horizon");
  if (scenario.base_year != scenario.dataset->base_year)
    throw DataError(detail::yaml_where(file, root["base_year"], "base_year") + ": " +
                    std::to_string(scenario.base_year) + " differs from the dataset's base year " +
                    std::to_string(scenario.dataset->base_year));
  if (scenario.horizon < scenario.base_year || scenario.horizon > 2200)
    throw DataError(detail::yaml_where(file, root["horizon"], "horizon") + ": " +
                    std::to_string(scenario.horizon) + " is not after the base year");
  if (const YAML::Node options = root["options"]) {
    detail::yaml_mapping(file, options, "options");
    if (const YAML::Node set = options["factor_set"])
      scenario = detail::yaml_checked(file, set, "options.factor_set", [&] {
        return scenario.with_factor_set(yaml_as<std::string>(file, set, "options.factor_set"));
      });
    if (options["electricity_method"])
      scenario.options.electricity_method = parse_method(file, options["electricity_method"]);
  }
  scenario.levers = merge_paths(scenario.levers, parse_levers(file, root["levers"]));
  visiting.erase(file);
  return scenario;
}

Scenario load_chain(const std::string& name_or_path, const std::string& relative_to,
                    std::set<std::string>& visiting) {
  const std::string file = resolve_scenario(name_or_path, relative_to);
  return detail::with_yaml_errors(file,
                                  [&] { return read_scenario_file(file, name_or_path, visiting); });
}

}  // namespace

void check_lever_names(const PathSet& levers, const std::string& where) {
  for (const auto& [variable, keyed] : levers)
    if (std::find(LEVER_VARIABLES.begin(), LEVER_VARIABLES.end(), variable) ==
        LEVER_VARIABLES.end()) {
      std::string known;
      for (const auto& name : LEVER_VARIABLES) known += (known.empty() ? "" : ", ") + name;
      throw std::invalid_argument(where + ": unknown lever '" + variable + "' (known: " + known +
                                  ")");
    }
}

Scenario Scenario::load(const std::string& name_or_path) {
  std::set<std::string> visiting;
  return load_chain(name_or_path, "", visiting);
}

Scenario Scenario::from_dataset(std::shared_ptr<const Dataset> dataset, ScenarioOptions options) {
  if (!dataset) throw std::invalid_argument("Scenario::from_dataset: no dataset");
  Scenario scenario;
  scenario.name = dataset->name;
  scenario.base_year = dataset->base_year;
  scenario.horizon = dataset->horizon;
  scenario.options = options;
  scenario.fuels = std::make_shared<const FuelCatalogue>(
      load_fuel_catalogue(dataset->fuels_directory, options.factor_set));
  scenario.dataset = std::move(dataset);
  return scenario;
}

Scenario Scenario::with_levers(const PathSet& overrides) const {
  check_lever_names(overrides, "scenario '" + name + "'");
  Scenario copy = *this;
  copy.levers = merge_paths(levers, overrides);
  return copy;
}

Scenario Scenario::with_factor_set(const std::string& factor_set) const {
  Scenario copy = *this;
  copy.options.factor_set = factor_set;
  copy.fuels = std::make_shared<const FuelCatalogue>(
      load_fuel_catalogue(dataset->fuels_directory, factor_set));
  return copy;
}

}  // namespace peakpath
