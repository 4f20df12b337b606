// SPDX-License-Identifier: Apache-2.0
// peakpath register: the result of allocating offset sources to a new project.
#pragma once

#include <string>
#include <vector>

#include "peakpath/register/dimension.hpp"

namespace peakpath {

/// @brief One piece of cover: @ref amount of @ref source_id's @ref dimension used by
/// @ref project_id.
struct Assignment {
  std::string project_id;                     ///< the new project
  std::string source_id;                      ///< a retired project id or an offset id
  std::string source_kind;                    ///< closure, retrofit_savings or fuel_switch
  std::string source_city;                    ///< city of the source
  std::string source_date;                    ///< retirement or verification date of the source
  Dimension dimension = Dimension::capacity;  ///< the dimension covered
  double amount = 0.0;                        ///< amount taken from the source
  double available = 0.0;  ///< what the source still had in this dimension before
};

/// @brief The replacement account of one project.
///
/// requirement = ratio × amount; covered = sum of assignments; shortfall = requirement −
/// covered (>= 0). The project is approvable when every shortfall is zero.
struct Allocation {
  std::string project_id;               ///< the new project
  bool approved = false;                ///< every dimension closes
  bool committed = false;               ///< the assignments were stored (approved and commit)
  Amounts requirement{};                ///< per dimension
  Amounts covered{};                    ///< per dimension
  Amounts shortfall{};                  ///< per dimension
  std::vector<Assignment> assignments;  ///< in allocation order
};

}  // namespace peakpath
