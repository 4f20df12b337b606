// SPDX-License-Identifier: Apache-2.0
// peakpath: lever paths checked against a dataset and laid over the paths they change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "peakpath/core/time_path.hpp"
#include "peakpath/data/dataset.hpp"
#include "peakpath/data/path_set.hpp"
#include "peakpath/scenario/lever_catalogue.hpp"

namespace peakpath {

/// @brief How a lever path combines with the path it changes (docs/levers.md, "Overlay").
enum class LeverMerge {
  overlay,  ///< the lever's points from its first year on; earlier points of the path are kept
  replace   ///< the lever's path replaces the whole path, base year included
};

/// @brief The keys @p lever accepts in @p data (sector ids, technologies, sector/fuel, ...).
std::vector<std::string> lever_keys(const Dataset& data, const LeverDefinition& lever);

/// @brief The path a lever changes when the scenario has none: the dataset's path, its power
/// scalar, the base-year fuel mix or class share, or the catalogue's constant; none when the
/// lever has no default (its feature is off without it).
std::optional<TimePath> lever_default(const Dataset& data, const LeverDefinition& lever,
                                      const std::string& key);

/// @brief Throws DataError (starting with @p where) unless @p variable is a lever, @p key one of
/// its keys in @p data and every point of @p path within the lever's range; the messages name
/// lever, key, year and value and suggest the closest valid names.
void check_lever(const Dataset& data, const std::string& variable, const std::string& key,
                 const TimePath& path, const std::string& where);

/// @brief @p lever (of @p definition and @p key) laid over @p base (nullptr: no base path) for a
/// run starting in @p base_year whose drivers are observed up to @p history_end. Overlay keeps
/// the points of @p base before the lever's first year (those before the base year folded into
/// one point at the base year) and the value of @p history_end, so that between the last kept
/// point and the lever's first one the value is interpolated linearly; replace (@p merge) takes
/// the lever as it is.
/// @throws DataError when, under overlay, a lever that acts in the base year would change the
/// base year's value, or the lever has a point dated in the observed history (base_year + 1 to
/// @p history_end); the message names lever, key, year and the kept value.
TimePath overlay_path(const TimePath* base, const TimePath& lever, int base_year, int history_end,
                      const LeverDefinition& definition, const std::string& key, LeverMerge merge,
                      const std::string& where);

}  // namespace peakpath
