// SPDX-License-Identifier: Apache-2.0
// peakpath register: an offset source that is not a retired project of the register.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "peakpath/register/dimension.hpp"

namespace peakpath {

/// @brief Kinds of offset source. Retired projects of the register are sources of kind "closure"
/// automatically; the offsets table adds closures outside the register, verified retrofit
/// savings and fuel switching.
inline constexpr std::array<const char*, 3> OFFSET_KINDS = {"closure", "retrofit_savings",
                                                            "fuel_switch"};

/// @brief True when @p kind is one of OFFSET_KINDS.
bool is_offset_kind(const std::string& kind);

/// @brief A replacement source recorded in the offsets table.
///
/// Only verified sources count ("可监测、可统计、可复核", china-energy-facts.md §2.2).
struct Offset {
  std::string id;             ///< unique across offsets and projects
  std::string kind;           ///< one of OFFSET_KINDS
  std::string project_type;   ///< the type of the plant the savings come from
  std::string city;           ///< where the reduction happens
  std::string date;           ///< ISO date of closure or of verification
  std::string capacity_unit;  ///< unit of amounts[capacity]; may be empty when it is 0
  Amounts amounts{};          ///< freed amount per dimension (capacity, t, tce)
  bool verified = true;       ///< only verified sources are eligible
  std::string note;           ///< evidence, document number, ...
};

/// @brief Checks one offset's fields; every problem as "<field>: <value>: <problem>".
std::vector<std::string> offset_problems(const Offset& offset);

}  // namespace peakpath
