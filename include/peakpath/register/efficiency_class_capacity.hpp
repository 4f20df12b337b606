// SPDX-License-Identifier: Apache-2.0
// peakpath: the register's operating capacity by efficiency class, for the sector model.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "peakpath/register/register.hpp"

namespace peakpath {

/// @brief The efficiency class of the sector model that a classified-disposal outcome means.
inline const std::map<std::string, std::string> CLASS_OF_DISPOSAL = {
    {"keep", "benchmark"}, {"upgrade", "baseline"}, {"retrofit_or_phase_out", "below_baseline"}};

/// @brief Operating capacity by sector and efficiency class (below_baseline, baseline,
/// benchmark), summing the operating projects of the types that @p sector_of_type maps to a
/// sector. Unclassified projects (no unit energy or no levels) are left out.
/// @throws std::invalid_argument for an unknown project type in @p sector_of_type.
inline std::map<std::string, std::map<std::string, double>> operating_capacity_by_class(
    const Register& reg, const std::map<std::string, std::string>& sector_of_type) {
  for (const auto& [type, sector] : sector_of_type)
    if (!is_project_type(type))
      throw std::invalid_argument("register mapping: unknown project type '" + type +
                                  "' (mapped to sector '" + sector + "')");
  std::map<std::string, double> capacity_of;
  ProjectFilter operating;
  operating.status = "operating";
  for (const Project& project : reg.projects(operating)) capacity_of[project.id] = project.capacity;
  std::map<std::string, std::map<std::string, double>> result;
  for (const Classification& c : reg.classify()) {
    const auto sector = sector_of_type.find(c.project_type);
    const auto cls = CLASS_OF_DISPOSAL.find(c.disposal);
    const auto capacity = capacity_of.find(c.project_id);
    if (sector == sector_of_type.end() || cls == CLASS_OF_DISPOSAL.end() ||
        capacity == capacity_of.end())
      continue;
    result[sector->second][cls->second] += capacity->second;
  }
  return result;
}

}  // namespace peakpath
