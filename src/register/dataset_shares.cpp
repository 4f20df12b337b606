// SPDX-License-Identifier: Apache-2.0
// The register → dataset bridge: base-year efficiency-class shares from classified disposal.
#include "peakpath/register/dataset_shares.hpp"

#include <algorithm>
#include <filesystem>

#include "peakpath/core/error.hpp"
#include "peakpath/data/dataset_section.hpp"
#include "peakpath/register/efficiency_class_capacity.hpp"

namespace peakpath {

namespace {

// Sets the classes of one target (a sector, or "sector/line") from its capacity by class.
void apply_target(Dataset& data, const std::string& target,
                  const std::map<std::string, double>& by_class, const std::string& where) {
  const auto slash = target.find('/');
  const std::string sector = target.substr(0, slash);
  const std::string prefix = slash == std::string::npos ? "" : target.substr(slash + 1) + "_";
  const std::size_t s = data.sector_index(sector);
  const auto in_target = [&](const TechnologyClassSpec& t) {
    return t.sector == s && t.name.compare(0, prefix.size(), prefix) == 0 &&
           std::any_of(CLASS_OF_DISPOSAL.begin(), CLASS_OF_DISPOSAL.end(),
                       [&](const auto& entry) { return prefix + entry.second == t.name; });
  };
  double total = 0.0, target_share = 0.0;
  for (const auto& [cls, capacity] : by_class) total += capacity;
  for (const auto& spec : data.technologies)
    if (in_target(spec)) target_share += spec.base_share;
  for (const auto& [cls, capacity] : by_class)
    if (std::none_of(
            data.technologies.begin(), data.technologies.end(),
            [&](const TechnologyClassSpec& t) { return t.sector == s && t.name == prefix + cls; }))
      throw DataError(where + ": the register has " + cls + " capacity for '" + target +
                      "', but sector '" + sector + "' has no technology class '" + prefix + cls +
                      "'");
  for (auto& spec : data.technologies)
    if (in_target(spec)) {
      const auto it = by_class.find(spec.name.substr(prefix.size()));
      spec.base_share =
          it == by_class.end() || total <= 0 ? 0.0 : target_share * it->second / total;
    }
}

// The `register:` section of dataset.yaml: {database: FILE, sectors: {type: target, ...}}.
void apply_register_section(Dataset& data, const DatasetSection& section) {
  std::string database;
  std::string database_where = section.manifest_path + ", key 'register.database'";
  std::map<std::string, std::string> target_of_type;
  for (const DatasetSectionEntry& entry : section.entries) {
    if (entry.key == "database") {
      database = (std::filesystem::path(data.directory) / entry.value).string();
      database_where = entry.where;
    } else if (entry.key.rfind("sectors.", 0) == 0) {
      const std::string& target = entry.value;
      data.sector_index(target.substr(0, target.find('/')));  // names an unknown sector
      target_of_type[entry.key.substr(8)] = target;
    } else {
      throw DataError(entry.where + ": unknown key (expected database or sectors.<type>)");
    }
  }
  if (database.empty()) throw DataError(database_where + ": missing");
  if (!std::filesystem::is_regular_file(database))
    throw DataError(database_where + ": '" + database + "' does not exist");
  const Register reg(database);
  apply_register_shares(data, reg, target_of_type, section.manifest_path);
}

}  // namespace

void apply_register_shares(Dataset& data, const Register& reg,
                           const std::map<std::string, std::string>& target_of_type,
                           const std::string& where) {
  for (const auto& [target, by_class] : operating_capacity_by_class(reg, target_of_type))
    apply_target(data, target, by_class, where);
}

void enable_register_dataset_section() {
  set_dataset_section_handler("register", apply_register_section);
}

}  // namespace peakpath
