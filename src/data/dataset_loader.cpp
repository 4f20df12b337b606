// SPDX-License-Identifier: Apache-2.0
// load_dataset(): reading and validating a dataset directory.
#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>
#include <sstream>

#include "../core/file_path.hpp"
#include "../core/yaml_file.hpp"
#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/data/dataset.hpp"
#include "peakpath/data/dataset_section.hpp"

namespace peakpath {

namespace {

std::vector<int> parse_ceads_list(const CsvTable& table, std::size_t row) {
  std::vector<int> numbers;
  std::stringstream list(table.text(row, "ceads_sectors"));
  std::string item;
  while (std::getline(list, item, ';')) {
    char* end = nullptr;
    const long n = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || n < 1 || n > 47)
      throw DataError(table.where(row, "ceads_sectors") + ": '" + item +
                      "' is not a CEADs sector number (1-47)");
    numbers.push_back(static_cast<int>(n));
  }
  return numbers;
}

void load_sectors(Dataset& data, const CsvTable& table) {
  table.require_columns(
      {"id", "name", "ceads_sectors", "group", "activity_driver", "activity_unit", "two_high"}, {});
  std::set<std::string> ids;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    Sector sector;
    sector.id = table.required_text(row, "id");
    if (!ids.insert(sector.id).second)
      throw DataError(table.where(row, "id") + ": duplicate sector id '" + sector.id + "'");
    sector.name = table.text(row, "name");
    sector.ceads_sectors = parse_ceads_list(table, row);
    sector.group = table.required_text(row, "group");
    if (std::find(SECTOR_GROUPS.begin(), SECTOR_GROUPS.end(), sector.group) == SECTOR_GROUPS.end())
      throw DataError(table.where(row, "group") + ": unknown group '" + sector.group + "'");
    sector.activity_driver = table.required_text(row, "activity_driver");
    if (sector.activity_driver != "value_added" && sector.activity_driver != "population" &&
        sector.activity_driver != "physical")
      throw DataError(table.where(row, "activity_driver") + ": unknown driver '" +
                      sector.activity_driver + "' (value_added, population or physical)");
    sector.activity_unit = table.required_text(row, "activity_unit");
    sector.two_high = table.flag(row, "two_high");
    data.sectors.push_back(sector);
  }
  if (data.sectors.empty()) throw DataError(table.path() + ": no sectors");
}

std::size_t sector_at(const Dataset& data, const CsvTable& table, std::size_t row,
                      const std::string& column) {
  const std::string& id = table.required_text(row, column);
  for (std::size_t s = 0; s < data.sectors.size(); ++s)
    if (data.sectors[s].id == id) return s;
  throw DataError(table.where(row, column) + ": unknown sector id '" + id + "'");
}

std::size_t fuel_at(const Dataset& data, const CsvTable& table, std::size_t row,
                    const std::string& column) {
  const std::string& id = table.required_text(row, column);
  for (std::size_t f = 0; f < data.fuel_ids.size(); ++f)
    if (data.fuel_ids[f] == id) return f;
  throw DataError(table.where(row, column) + ": unknown fuel id '" + id + "'");
}

void load_activity(Dataset& data, const CsvTable& table) {
  table.require_columns({"sector", "value", "unit"}, {});
  data.base_activity =
      Eigen::VectorXd::Constant(static_cast<Eigen::Index>(data.sectors.size()), std::nan(""));
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::size_t s = sector_at(data, table, row, "sector");
    if (!std::isnan(data.base_activity[s]))
      throw DataError(table.where(row, "sector") + ": duplicate sector '" + data.sectors[s].id +
                      "'");
    const double value = table.nonnegative(row, "value");
    if (value <= 0) throw DataError(table.where(row, "value") + ": activity must be positive");
    if (table.text(row, "unit") != data.sectors[s].activity_unit)
      throw DataError(table.where(row, "unit") + ": unit '" + table.text(row, "unit") +
                      "' differs from the sector's activity_unit '" +
                      data.sectors[s].activity_unit + "'");
    data.base_activity[s] = value;
  }
  for (std::size_t s = 0; s < data.sectors.size(); ++s)
    if (std::isnan(data.base_activity[s]))
      throw DataError(table.path() + ": no activity for sector '" + data.sectors[s].id + "'");
}

void load_energy(Dataset& data, const CsvTable& table) {
  table.require_columns({"sector", "fuel", "energy_tce"}, {});
  data.base_energy_tce.setZero(static_cast<Eigen::Index>(data.sectors.size()),
                               static_cast<Eigen::Index>(data.fuel_ids.size()));
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::size_t s = sector_at(data, table, row, "sector");
    const std::size_t f = fuel_at(data, table, row, "fuel");
    if (!seen.insert({s, f}).second)
      throw DataError(table.where(row, "fuel") + ": duplicate row for sector '" +
                      data.sectors[s].id + "' and fuel '" + data.fuel_ids[f] + "'");
    data.base_energy_tce(s, f) = table.nonnegative(row, "energy_tce");
  }
  for (std::size_t s = 0; s < data.sectors.size(); ++s)
    if (data.base_energy_tce.row(s).sum() <= 0 && data.sectors[s].group != "power_heat")
      throw DataError(table.path() + ": sector '" + data.sectors[s].id + "' uses no energy");
}

void load_process(Dataset& data, const CsvTable& table) {
  table.require_columns({"sector", "process", "co2_mt", "in_ceads"}, {});
  for (std::size_t row = 0; row < table.rows(); ++row) {
    ProcessSource source;
    source.sector = sector_at(data, table, row, "sector");
    source.process = table.required_text(row, "process");
    source.co2_t = table.nonnegative(row, "co2_mt") * 1e6;
    source.in_ceads = table.flag(row, "in_ceads");
    data.base_process.push_back(source);
  }
}

void load_power(Dataset& data, const CsvTable& table) {
  table.require_columns({"parameter", "value", "unit"}, {});
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::string& name = table.required_text(row, "parameter");
    if (!data.power.emplace(name, table.nonnegative(row, "value")).second)
      throw DataError(table.where(row, "parameter") + ": duplicate parameter '" + name + "'");
  }
  for (const char* required : {"coal_heat_rate_gce_per_kwh", "heat_boiler_efficiency",
                               "grid_loss_share", "import_twh", "import_non_fossil_share"})
    if (!data.power.count(required))
      throw DataError(table.path() + ": missing parameter '" + std::string(required) + "'");
  const auto bounded = [&](const char* name, double lo, double hi) {
    const double v = data.power.at(name);
    if (v < lo || v > hi)
      throw DataError(table.path() + ": parameter '" + std::string(name) +
                      "' = " + std::to_string(v) + " outside [" + std::to_string(lo) + ", " +
                      std::to_string(hi) + "]");
  };
  bounded("heat_boiler_efficiency", 0.05, 1.0);
  bounded("grid_loss_share", 0.0, 0.5);
  bounded("import_non_fossil_share", 0.0, 1.0);
  bounded("coal_heat_rate_gce_per_kwh", 150.0, 600.0);
}

void load_power_fuels(Dataset& data, const CsvTable& table) {
  table.require_columns({"output", "fuel", "share"}, {});
  const auto F = static_cast<Eigen::Index>(data.fuel_ids.size());
  data.electricity_fuel_mix.setZero(F);
  data.heat_fuel_mix.setZero(F);
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::string& output = table.required_text(row, "output");
    Eigen::VectorXd* mix = output == "electricity" ? &data.electricity_fuel_mix
                           : output == "heat"      ? &data.heat_fuel_mix
                                                   : nullptr;
    if (!mix)
      throw DataError(table.where(row, "output") + ": unknown output '" + output +
                      "' (electricity or heat)");
    (*mix)[fuel_at(data, table, row, "fuel")] += table.nonnegative(row, "share");
  }
  for (const auto& [name, mix] :
       {std::pair{"electricity", &data.electricity_fuel_mix}, {"heat", &data.heat_fuel_mix}})
    if (std::abs(mix->sum() - 1.0) > 1e-6)
      throw DataError(table.path() + ": shares for output '" + name + "' sum to " +
                      std::to_string(mix->sum()) + ", not 1");
}

void load_paths(Dataset& data, const CsvTable& table) {
  table.require_columns({"variable", "key", "year", "value"}, {"unit"});
  std::map<std::pair<std::string, std::string>, std::pair<std::vector<double>, std::vector<double>>>
      points;
  std::map<std::pair<std::string, std::string>, std::size_t> first_row;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::string& variable = table.required_text(row, "variable");
    const std::string& key = table.required_text(row, "key");
    auto& [years, values] = points[{variable, key}];
    first_row.emplace(std::pair{variable, key}, row);
    const double year = static_cast<double>(table.integer(row, "year"));
    if (!years.empty() && year <= years.back())
      throw DataError(table.where(row, "year") + ": year " + table.text(row, "year") + " of '" +
                      variable + "/" + key + "' is unsorted or duplicate");
    years.push_back(year);
    values.push_back(table.number(row, "value"));
  }
  for (auto& [id, xy] : points)
    data.paths[id.first][id.second] =
        TimePath(xy.first, xy.second, table.path() + " " + id.first + "/" + id.second);
}

void load_technologies(Dataset& data, const CsvTable& table) {
  table.require_columns({"sector", "class", "relative_intensity", "base_share", "lifetime_mean",
                         "lifetime_shape", "mean_age"},
                        {});
  std::set<std::pair<std::size_t, std::string>> seen;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    TechnologyClassSpec spec;
    spec.sector = sector_at(data, table, row, "sector");
    spec.name = table.required_text(row, "class");
    if (!seen.insert({spec.sector, spec.name}).second)
      throw DataError(table.where(row, "class") + ": duplicate class '" + spec.name + "'");
    const auto positive = [&](const char* column) {
      const double value = table.nonnegative(row, column);
      if (value <= 0) throw DataError(table.where(row, column) + ": value must be positive");
      return value;
    };
    spec.relative_intensity = positive("relative_intensity");
    spec.base_share = table.nonnegative(row, "base_share");
    spec.lifetime_mean = positive("lifetime_mean");
    spec.lifetime_shape = positive("lifetime_shape");
    spec.mean_age = positive("mean_age");
    data.technologies.push_back(spec);
  }
  for (std::size_t s = 0; s < data.sectors.size(); ++s) {
    double sum = 0.0;
    bool any = false;
    for (const auto& spec : data.technologies)
      if (spec.sector == s) sum += spec.base_share, any = true;
    if (any && std::abs(sum - 1.0) > 1e-6)
      throw DataError(table.path() + ": base_share of sector '" + data.sectors[s].id +
                      "' sums to " + std::to_string(sum) + ", not 1");
  }
}

void load_technology_fuels(Dataset& data, const CsvTable& table) {
  table.require_columns({"sector", "class", "fuel", "share"}, {});
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::size_t s = sector_at(data, table, row, "sector");
    const std::string& name = table.required_text(row, "class");
    const auto it =
        std::find_if(data.technologies.begin(), data.technologies.end(),
                     [&](const TechnologyClassSpec& t) { return t.sector == s && t.name == name; });
    if (it == data.technologies.end())
      throw DataError(table.where(row, "class") + ": unknown class '" + name + "' of sector '" +
                      data.sectors[s].id + "'");
    if (it->fuel_mix.size() == 0)
      it->fuel_mix.setZero(static_cast<Eigen::Index>(data.fuel_ids.size()));
    it->fuel_mix[static_cast<Eigen::Index>(fuel_at(data, table, row, "fuel"))] +=
        table.nonnegative(row, "share");
  }
  for (const auto& spec : data.technologies)
    if (spec.fuel_mix.size() > 0 && std::abs(spec.fuel_mix.sum() - 1.0) > 1e-6)
      throw DataError(table.path() + ": fuel shares of class '" + spec.name + "' sum to " +
                      std::to_string(spec.fuel_mix.sum()) + ", not 1");
}

// The handlers of DATASET_SECTIONS installed by other components (the register).
struct SectionHandlers {
  std::mutex mutex;
  std::map<std::string, DatasetSectionHandler> by_name;
};

SectionHandlers& section_handlers() {
  static SectionHandlers handlers;
  return handlers;
}

void flatten_section(const std::string& manifest_path, const YAML::Node& node,
                     const std::string& key, std::vector<DatasetSectionEntry>& entries) {
  if (node.IsMap()) {
    for (const auto& item : node)
      flatten_section(manifest_path, item.second, key + "." + item.first.Scalar(), entries);
  } else if (node.IsScalar()) {
    entries.push_back({key.substr(key.find('.') + 1), node.Scalar(),
                       detail::yaml_where(manifest_path, node, key)});
  } else {
    throw DataError(detail::yaml_where(manifest_path, node, key) +
                    ": expected a mapping or a single value");
  }
}

/// Hands the optional sections (DATASET_SECTIONS) to their installed handlers, in order.
void apply_sections(Dataset& data, const std::string& manifest_path, const YAML::Node& manifest) {
  for (const std::string& name : DATASET_SECTIONS) {
    const YAML::Node node = manifest[name];
    if (!node) continue;
    DatasetSection section{name, manifest_path, {}};
    flatten_section(manifest_path, detail::yaml_mapping(manifest_path, node, name), name,
                    section.entries);
    DatasetSectionHandler handler;
    {
      std::lock_guard<std::mutex> lock(section_handlers().mutex);
      const auto it = section_handlers().by_name.find(name);
      if (it != section_handlers().by_name.end()) handler = it->second;
    }
    if (!handler)
      throw DataError(detail::yaml_where(manifest_path, node, name) +
                      ": this section needs the peakpath " + name +
                      " library: link peakpath::" + name + " and call peakpath::enable_" + name +
                      "_dataset_section() before load_dataset");
    handler(data, section);
  }
}

void load_calibration(Dataset& data, const CsvTable& table) {
  table.require_columns({"indicator", "year", "value", "tolerance", "unit", "source"}, {});
  for (std::size_t row = 0; row < table.rows(); ++row)
    data.calibration.push_back({table.required_text(row, "indicator"),
                                static_cast<int>(table.integer(row, "year")),
                                table.number(row, "value"), table.nonnegative(row, "tolerance"),
                                table.text(row, "unit"), table.text(row, "source")});
}

void load_products(Dataset& data, const CsvTable& table) {
  table.require_columns({"product", "sector", "year", "output_mt", "tag", "source"}, {"unit"});
  for (std::size_t row = 0; row < table.rows(); ++row) {
    ProductSpec product;
    product.id = table.required_text(row, "product");
    for (const auto& other : data.products)
      if (other.id == product.id)
        throw DataError(table.where(row, "product") + ": duplicate product '" + product.id + "'");
    product.sector = sector_at(data, table, row, "sector");
    if (table.integer(row, "year") != data.base_year)
      throw DataError(table.where(row, "year") + ": output must be of the base year " +
                      std::to_string(data.base_year));
    product.base_output_mt = table.nonnegative(row, "output_mt");
    product.source = table.required_text(row, "tag") + ": " + table.required_text(row, "source");
    data.products.push_back(product);
  }
}

/// The dataset described by @p directory's dataset.yaml.
Dataset load_manifest(const std::string& directory) {
  const std::string manifest_path = directory + "/dataset.yaml";
  const YAML::Node manifest =
      detail::yaml_mapping(manifest_path, detail::load_yaml_file(manifest_path), "(the file)");
  using detail::yaml_as;
  using detail::yaml_required;
  Dataset data;
  data.directory = directory;
  data.name =
      yaml_as<std::string>(manifest_path, yaml_required(manifest_path, manifest, "name"), "name");
  data.region = manifest["region"]
                    ? yaml_as<std::string>(manifest_path, manifest["region"], "region")
                    : data.name;
  data.base_year =
      yaml_as<int>(manifest_path, yaml_required(manifest_path, manifest, "base_year"), "base_year");
  data.horizon =
      yaml_as<int>(manifest_path, yaml_required(manifest_path, manifest, "horizon"), "horizon");
  if (data.horizon < data.base_year)
    throw DataError(manifest_path + ": horizon " + std::to_string(data.horizon) +
                    " is before base_year " + std::to_string(data.base_year));
  data.history_end = manifest["history_end"]
                         ? yaml_as<int>(manifest_path, manifest["history_end"], "history_end")
                         : data.base_year;
  if (data.history_end < data.base_year || data.history_end >= data.horizon)
    throw DataError(manifest_path + ": history_end " + std::to_string(data.history_end) +
                    " must lie in [base_year " + std::to_string(data.base_year) + ", horizon " +
                    std::to_string(data.horizon) + ")");
  data.default_factor_set =
      manifest["default_factor_set"]
          ? yaml_as<std::string>(manifest_path, manifest["default_factor_set"],
                                 "default_factor_set")
          : "china";
  data.fuels_directory =
      directory + "/" +
      (manifest["fuels"] ? yaml_as<std::string>(manifest_path, manifest["fuels"], "fuels")
                         : std::string("../fuels"));
  // Loading the default set checks that it exists (the fuels are the same in every set).
  const FuelCatalogue catalogue = detail::yaml_checked(
      manifest_path, manifest["default_factor_set"], "default_factor_set",
      [&] { return load_fuel_catalogue(data.fuels_directory, data.default_factor_set); });
  for (const auto& fuel : catalogue.fuels()) data.fuel_ids.push_back(fuel.id);

  const YAML::Node files =
      detail::yaml_mapping(manifest_path, yaml_required(manifest_path, manifest, "files"), "files");
  const auto file = [&](const std::string& key) {
    return directory + "/" +
           yaml_as<std::string>(manifest_path, yaml_required(manifest_path, files, key), key);
  };
  load_sectors(data, CsvTable::read(file("sectors")));
  load_activity(data, CsvTable::read(file("base_activity")));
  load_energy(data, CsvTable::read(file("base_energy")));
  load_process(data, CsvTable::read(file("base_process")));
  load_power(data, CsvTable::read(file("power")));
  load_power_fuels(data, CsvTable::read(file("power_fuels")));
  load_paths(data, CsvTable::read(file("paths")));
  if (files["calibration"]) load_calibration(data, CsvTable::read(file("calibration")));
  if (files["products"]) load_products(data, CsvTable::read(file("products")));
  if (files["technologies"]) load_technologies(data, CsvTable::read(file("technologies")));
  if (files["technology_fuels"])
    load_technology_fuels(data, CsvTable::read(file("technology_fuels")));
  apply_sections(data, manifest_path, manifest);
  return data;
}

}  // namespace

void set_dataset_section_handler(const std::string& name, DatasetSectionHandler handler) {
  std::lock_guard<std::mutex> lock(section_handlers().mutex);
  section_handlers().by_name[name] = std::move(handler);
}

Dataset load_dataset(const std::string& name_or_directory) {
  std::string directory = name_or_directory;
  if (!detail::is_file(directory + "/dataset.yaml")) {
    const std::string shipped = default_data_dir() + "/" + name_or_directory;
    if (!detail::is_file(shipped + "/dataset.yaml"))
      throw DataError("dataset '" + name_or_directory + "': no dataset.yaml there nor in " +
                      shipped);
    directory = shipped;
  }
  const std::string manifest_path = directory + "/dataset.yaml";
  return detail::with_yaml_errors(manifest_path, [&] { return load_manifest(directory); });
}

}  // namespace peakpath
