// SPDX-License-Identifier: Apache-2.0
// peakpath: a named set of targets, loaded from YAML (data/<dataset>/targets/<name>.yaml).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/targets/target.hpp"

namespace peakpath {

/// @brief The targets a scenario is checked against.
struct TargetSet {
  std::string name;         ///< e.g. "shandong"
  std::string description;  ///< one line
  std::string file;         ///< the YAML file it came from ("" when built in code)
  std::vector<Target> targets;

  /// @brief A shipped set by name ("shandong" = data/shandong/targets/shandong.yaml,
  /// "shandong/other" = data/shandong/targets/other.yaml) or a path to a YAML file.
  /// @throws DataError naming the file, line and key of a bad entry, or the file and line of a
  ///         bad row of the set's history file.
  static TargetSet load(const std::string& name_or_path);

  /// @brief The target called @p id. @throws std::invalid_argument when there is none.
  const Target& find(const std::string& id) const {
    for (const auto& target : targets)
      if (target.id == id) return target;
    throw std::invalid_argument("target set '" + name + "' has no target '" + id + "'");
  }
};

}  // namespace peakpath
