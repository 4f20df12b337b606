// SPDX-License-Identifier: Apache-2.0
// peakpath: named time paths, keyed by variable and key (a sector, technology or "total").
#pragma once

#include <map>
#include <string>

#include "peakpath/core/time_path.hpp"

namespace peakpath {

/// @brief variable -> key -> path, e.g. paths["activity_growth"]["ferrous_metals"].
using PathSet = std::map<std::string, std::map<std::string, TimePath>>;

/// @brief Paths of @p overrides replace those of @p base with the same variable and key.
inline PathSet merge_paths(PathSet base, const PathSet& overrides) {
  for (const auto& [variable, keyed] : overrides)
    for (const auto& [key, path] : keyed) base[variable][key] = path;
  return base;
}

}  // namespace peakpath
