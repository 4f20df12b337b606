// SPDX-License-Identifier: Apache-2.0
// Scenario::load and friends: YAML scenario files with `extends:`.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

#include "../core/file_path.hpp"
#include "../core/yaml_file.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/core/suggest.hpp"
#include "peakpath/scenario/lever_address.hpp"
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
  return key == "source" || key == "tag" || key == "note" || key == "task" || key == "unit" ||
         key == "replace";
}

/// One lever path of a scenario file, with where it was written.
struct LeverEntry {
  std::string variable, key, where;
  TimePath path;
  LeverMerge merge = LeverMerge::overlay;
};

/// {2025: 65, 2030: 125, source: "...", replace: true} -> TimePath; a bare number is a
/// constant path.
LeverEntry parse_path(const std::string& file, const YAML::Node& node, const std::string& variable,
                      const std::string& key) {
  using detail::yaml_as;
  using detail::yaml_where;
  const std::string name = "levers." + variable + (key == "total" ? "" : "/" + key);
  LeverEntry entry{variable, key, yaml_where(file, node, name), TimePath(), LeverMerge::overlay};
  if (node.IsScalar()) {
    entry.path = TimePath(yaml_as<double>(file, node, name));
    return entry;
  }
  if (!node.IsMap()) throw DataError(entry.where + ": expected {year: value, ...} or a number");
  std::vector<std::pair<double, double>> points;
  for (const auto& item : node) {
    const std::string year = item.first.Scalar();
    if (year == "replace" && yaml_as<bool>(file, item.second, name + ".replace"))
      entry.merge = LeverMerge::replace;
    if (is_note_key(year)) continue;
    if (!is_year_key(year))
      throw DataError(yaml_where(file, item.first, name) + ": '" + year +
                      "' is not a year (nor source, tag, note, task, unit or replace)");
    points.emplace_back(std::stod(year), yaml_as<double>(file, item.second, name + "." + year));
  }
  if (points.empty()) throw DataError(entry.where + ": no year: value points");
  std::sort(points.begin(), points.end());
  std::vector<double> years, values;
  for (const auto& [year, value] : points) {
    if (!years.empty() && year == years.back())
      throw DataError(entry.where + ": duplicate year " + std::to_string(static_cast<int>(year)));
    years.push_back(year);
    values.push_back(value);
  }
  entry.path = TimePath(years, values, entry.where);
  return entry;
}

/// The `levers:` map. An entry is an address (`capacity_gw/solar: {...}`,
/// `capacity_gw/solar@2030: 150`, `gdp_growth: {...}`) or a variable with keyed paths
/// (`capacity_gw: {solar: {...}}`).
std::vector<LeverEntry> parse_levers(const std::string& file, const YAML::Node& node) {
  std::vector<LeverEntry> levers;
  if (!node) return levers;
  if (!node.IsMap()) throw DataError(detail::yaml_where(file, node, "levers") + ": expected a map");
  for (const auto& lever : node) {
    const std::string text = lever.first.Scalar();
    const std::string where = detail::yaml_where(file, lever.first, "levers." + text);
    const bool nested = text.find_first_of("/.@:") == std::string::npos;
    if (nested) check_lever_names({{text, {}}}, where);
    const LeverAddress address = nested ? LeverAddress{text, "total", std::nullopt, false, false}
                                        : parse_lever_address(text, where + ": lever address");
    if (address.scale || address.deprecated)
      throw DataError(where + (address.scale ? ": scale: addresses belong to ensembles and "
                                               "--set, not to scenario files"
                                             : ": write the address as " + address.text()));
    const YAML::Node& body = lever.second;
    if (address.year) {
      const std::string name = "levers." + text;
      LeverEntry entry{address.variable, address.key, detail::yaml_where(file, body, name),
                       TimePath(), LeverMerge::overlay};
      entry.path = TimePath({static_cast<double>(*address.year)},
                            {detail::yaml_as<double>(file, body, name)}, entry.where);
      levers.push_back(entry);
      continue;
    }
    bool keyed = nested && body.IsMap() && find_lever(address.variable)->key != LeverKeyKind::total;
    if (keyed)
      for (const auto& item : body)
        if (is_year_key(item.first.Scalar())) keyed = false;
    if (!keyed) {
      levers.push_back(parse_path(file, body, address.variable, address.key));
      continue;
    }
    for (const auto& item : body) {
      const std::string key = item.first.Scalar();
      if (is_note_key(key)) continue;
      levers.push_back(parse_path(file, item.second, address.variable, key));
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
  for (const LeverEntry& lever : parse_levers(file, root["levers"]))
    scenario = scenario.with_levers({{lever.variable, {{lever.key, lever.path}}}}, lever.merge,
                                    lever.where);
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
    if (!find_lever(variable))
      throw DataError(where + ": unknown lever '" + variable + "'" +
                      did_you_mean(variable, LEVER_VARIABLES) +
                      "; the levers are listed in docs/levers.md");
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

Scenario Scenario::with_levers(const PathSet& overrides, LeverMerge merge,
                               const std::string& where) const {
  const std::string at = where.empty() ? "scenario '" + name + "'" : where;
  check_lever_names(overrides, at);
  Scenario copy = *this;
  for (const auto& [variable, keyed] : overrides) {
    const LeverDefinition& lever = *find_lever(variable);
    for (const auto& [key, path] : keyed) {
      check_lever(*dataset, variable, key, path, at);
      std::optional<TimePath> base;
      if (const auto v = levers.find(variable); v != levers.end())
        if (const auto k = v->second.find(key); k != v->second.end()) base = k->second;
      if (!base) base = lever_default(*dataset, lever, key);
      copy.levers[variable][key] = overlay_path(base ? &*base : nullptr, path, base_year,
                                                dataset->history_end, lever, key, merge, at);
    }
  }
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
