// SPDX-License-Identifier: Apache-2.0
// peakpath: lever addresses — where a number goes among a scenario's lever paths.
#pragma once

#include <optional>
#include <string>

namespace peakpath {

/// @brief A parsed lever address (docs/levers.md):
/// `variable/key@year` one point, `variable/key` the whole path, `variable@year` a point of the
/// key `total`, `scale:` before any of them a multiplier (`scale:variable` without a key: every
/// key of the variable). The old form `variable.key@year` is read with `deprecated` set.
struct LeverAddress {
  std::string variable;  ///< a lever of lever_catalogue()
  std::string key;       ///< e.g. "solar", "transport/electricity"; "" only for scale: without key
  std::optional<int> year;  ///< the point's year; none for the whole path
  bool scale = false;       ///< the number multiplies the path (or its value in year)
  bool deprecated = false;  ///< written in the old form variable.key (accepted for one release)

  /// @brief The address in the current syntax, e.g. "scale:capacity_gw/solar@2030".
  std::string text() const;
};

/// @brief Parses @p text; the variable must be a lever of the catalogue and the key must have
/// the shape of its pattern (the key's names are checked against a dataset when a scenario is
/// built).
/// @throws DataError starting with @p where and the address, naming the closest valid lever
/// ("did you mean `capacity_gw`?").
LeverAddress parse_lever_address(const std::string& text,
                                 const std::string& where = "lever address");

}  // namespace peakpath
