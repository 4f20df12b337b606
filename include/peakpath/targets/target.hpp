// SPDX-License-Identifier: Apache-2.0
// peakpath: one policy target (intensity reduction, share threshold, cap, peak year, post-peak
// decline), as data.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace peakpath {

/// @brief What a target requires; docs/targets.md defines each test and its margin.
enum class TargetKind {
  intensity_reduction,  ///< indicator in `year` at least `value` (a fraction) below `base_year`
  share_at_least,       ///< indicator in `year` >= `value` (a share in [0, 1])
  cap,                  ///< indicator in `year` <= `value` (indicator units)
  peak_by,              ///< the indicator peaks (peak diagnostics) no later than `year`
  stable_decline        ///< over [window_start, year]: no rise above the earlier peak beyond
                        ///< `tolerance`, and a mean decline of at least `value` per year
};

/// @brief Names of the kinds as written in target files, in enum order.
inline const std::vector<std::string> TARGET_KIND_NAMES = {"intensity_reduction", "share_at_least",
                                                           "cap", "peak_by", "stable_decline"};

/// @brief The kind's name as written in target files.
/// @param kind a kind
/// @return e.g. "intensity_reduction"
inline std::string to_string(TargetKind kind) {
  return TARGET_KIND_NAMES[static_cast<std::size_t>(kind)];
}

/// @brief The kind called @p name.
/// @param name one of TARGET_KIND_NAMES
/// @return the kind
/// @throws std::invalid_argument for an unknown name (the message lists the known ones)
inline TargetKind target_kind(const std::string& name) {
  for (std::size_t i = 0; i < TARGET_KIND_NAMES.size(); ++i)
    if (TARGET_KIND_NAMES[i] == name) return static_cast<TargetKind>(i);
  std::string known;
  for (const auto& k : TARGET_KIND_NAMES) known += (known.empty() ? "" : ", ") + k;
  throw std::invalid_argument("unknown target type '" + name + "' (known: " + known + ")");
}

/// @brief One target. Which fields matter depends on `kind` (see TargetKind).
struct Target {
  std::string id;           ///< unique within its set, e.g. "co2_intensity_2025"
  std::string description;  ///< one line for reports
  TargetKind kind = TargetKind::cap;
  std::string indicator = "co2_total_mt";  ///< a column of INDICATOR_NAMES
  int year = 0;             ///< year checked; peak_by: latest peak year; stable_decline: window end
  int base_year = 0;        ///< intensity_reduction: the reference year
  double value = 0.0;       ///< reduction, share, cap, or (stable_decline) minimum decline
  int window_start = 0;     ///< stable_decline: first year of the window
  double tolerance = 0.01;  ///< peak_by, stable_decline: relative band of the peak
  std::optional<double> base_value;  ///< indicator in base_year when the run does not cover it
  /// A milestone between two anchor targets of the same kind and indicator: its required level
  /// is interpolated in `year` (geometrically for intensity levels, linearly for shares and
  /// caps) instead of read from `value`.
  std::shared_ptr<const Target> interpolate_from;
  std::shared_ptr<const Target> interpolate_to;  ///< the later anchor (see interpolate_from)
  std::string tag;     ///< V (published), P (derived from published), U (assumed)
  std::string source;  ///< the document the target comes from
  std::string note;    ///< how a derived target was derived
};

}  // namespace peakpath
