// SPDX-License-Identifier: Apache-2.0
// peakpath: an economic sector of a dataset (a CEADs sector or an aggregate of several).
#pragma once

#include <string>
#include <vector>

namespace peakpath {

/// @brief Sector groups, as reported in the indicator tables.
inline const std::vector<std::string> SECTOR_GROUPS = {
    "agriculture", "industry",  "two_high_industry", "construction",
    "services",    "transport", "households",        "power_heat"};

/// @brief A sector: its CEADs members, group and activity driver.
struct Sector {
  std::string id;                  ///< snake_case id, unique in the dataset
  std::string name;                ///< display name
  std::vector<int> ceads_sectors;  ///< CEADs sector numbers (1..47) aggregated here
  std::string group;               ///< one of SECTOR_GROUPS
  std::string activity_driver;     ///< "value_added", "population" or "physical"
  std::string activity_unit;       ///< e.g. "100m_cny" (10^8 CNY, constant base-year prices)
  bool two_high = false;           ///< one of the six energy-intensive ("two high") industries
};

}  // namespace peakpath
