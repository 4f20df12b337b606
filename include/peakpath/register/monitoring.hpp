// SPDX-License-Identifier: Apache-2.0
// peakpath register: monitored actuals against approved amounts, and totals against caps.
#pragma once

#include <string>

#include "peakpath/register/dimension.hpp"

namespace peakpath {

/// @brief One actual figure compared with the project's approved amount.
///
/// For a monthly period ("YYYY-MM") the approved amount is the annual amount / 12.
struct MonitorFlag {
  std::string project_id;                       ///< the project
  std::string period;                           ///< "YYYY" or "YYYY-MM"
  Dimension dimension = Dimension::energy_tce;  ///< the monitored dimension
  double actual = 0.0;                          ///< reported figure
  double approved = 0.0;                        ///< the project's registered amount for the period
  double excess = 0.0;                          ///< max(actual − approved, 0)
  bool over = false;                            ///< actual above approved
};

/// @brief The two-high total of one dimension in one year (sum of actuals; months add up).
struct MonitorTotal {
  int year = 0;                                 ///< calendar year
  Dimension dimension = Dimension::energy_tce;  ///< the dimension
  double total = 0.0;                           ///< sum over projects and periods of the year
  double cap = 0.0;                             ///< the cap, NaN when none is given
  bool over = false;                            ///< total above the cap
};

}  // namespace peakpath
