// SPDX-License-Identifier: Apache-2.0
// peakpath register: what one offset source had and still has, per dimension.
#pragma once

#include <string>

#include "peakpath/register/dimension.hpp"

namespace peakpath {

/// @brief An eligible-in-principle replacement source: a retired project (kind "closure") or a
/// verified row of the offsets table, with its balance after the stored assignments.
struct SourceBalance {
  std::string id;             ///< project or offset id
  std::string kind;           ///< closure, retrofit_savings or fuel_switch
  std::string project_type;   ///< type of the plant the amounts come from
  std::string city;           ///< where the reduction happens
  std::string date;           ///< retirement or verification date
  std::string capacity_unit;  ///< unit of the capacity amount
  Amounts total{};            ///< what the source frees, per dimension
  Amounts remaining{};        ///< total minus the stored assignments
};

}  // namespace peakpath
