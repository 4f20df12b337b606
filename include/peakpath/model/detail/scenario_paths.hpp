// SPDX-License-Identifier: Apache-2.0
// peakpath: reading a scenario's effective paths by variable and key, with defaults.
#pragma once

#include <string>

#include "peakpath/data/path_set.hpp"

namespace peakpath::detail {

/// @brief Lookup of effective paths; a missing path falls back to a documented default.
class ScenarioPaths {
 public:
  explicit ScenarioPaths(PathSet paths) : paths_(std::move(paths)) {}

  /// @brief The path of @p variable / @p key, or nullptr.
  const TimePath* find(const std::string& variable, const std::string& key) const {
    const auto v = paths_.find(variable);
    if (v == paths_.end()) return nullptr;
    const auto k = v->second.find(key);
    return k == v->second.end() ? nullptr : &k->second;
  }
  /// @brief The value at @p year, or @p fallback when the path is not set.
  double value(const std::string& variable, const std::string& key, int year,
               double fallback) const {
    const TimePath* path = find(variable, key);
    return path ? path->at(year) : fallback;
  }
  /// @brief The value at @p year. @throws std::invalid_argument when the path is not set.
  double required(const std::string& variable, const std::string& key, int year) const {
    const TimePath* path = find(variable, key);
    if (!path)
      throw std::invalid_argument("path '" + variable + "' for '" + key +
                                  "' is required but neither the dataset nor the scenario sets it");
    return path->at(year);
  }
  const PathSet& all() const { return paths_; }

 private:
  PathSet paths_;
};

/// The value of @p path in @p year, or @p fallback when the path is not set (nullptr).
inline double value_or(const TimePath* path, int year, double fallback) {
  return path ? path->at(year) : fallback;
}

}  // namespace peakpath::detail
