// SPDX-License-Identifier: Apache-2.0
// peakpath: fuel mixes with some shares set by fuel_share levers.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/data/dataset.hpp"
#include "peakpath/model/detail/require_bounded.hpp"
#include "peakpath/model/detail/scenario_paths.hpp"

namespace peakpath::detail {

/// The fuel_share paths ("owner/fuel") of one owner, resolved once per run (nullptr: not set).
inline std::vector<const TimePath*> fuel_share_paths(const Dataset& data,
                                                     const ScenarioPaths& paths,
                                                     const std::string& owner) {
  std::vector<const TimePath*> resolved;
  for (const auto& fuel : data.fuel_ids)
    resolved.push_back(paths.find("fuel_share", owner + "/" + fuel));
  return resolved;
}

/// Fuel shares of @p owner in @p year: the base mix with its fuel_share paths imposed and the
/// remaining fuels scaled in proportion to their base shares.
inline Eigen::VectorXd fuel_shares(const Dataset& data, const std::string& owner,
                                   const std::vector<const TimePath*>& set_paths,
                                   const Eigen::VectorXd& base_mix, int year) {
  if (std::all_of(set_paths.begin(), set_paths.end(), [](const TimePath* p) { return !p; }))
    return base_mix;
  const Eigen::Index n = base_mix.size();
  Eigen::VectorXd shares = base_mix;
  double fixed_sum = 0.0, free_base = 0.0;
  for (Eigen::Index f = 0; f < n; ++f) {
    const TimePath* path = set_paths[static_cast<std::size_t>(f)];
    if (!path) {
      free_base += base_mix[f];
      continue;
    }
    shares[f] = path->at(year);
    require_bounded(
        [&] {
          return "fuel_share " + owner + "/" + data.fuel_ids[static_cast<std::size_t>(f)] + " in " +
                 std::to_string(year);
        },
        "share", shares[f], 0.0, 1.0);
    fixed_sum += shares[f];
  }
  const std::string where = "fuel_share for '" + owner + "' in " + std::to_string(year);
  if (fixed_sum > 1.0 + 1e-9)
    throw std::domain_error(where + ": the set shares sum to " + std::to_string(fixed_sum) +
                            " (> 1)");
  const double rest = 1.0 - fixed_sum;
  if (free_base <= 0.0 && rest > 1e-9)
    throw std::domain_error(where + ": the set shares sum to " + std::to_string(fixed_sum) +
                            " and no other fuel of the base mix can take the rest");
  for (Eigen::Index f = 0; f < n; ++f)
    if (!set_paths[static_cast<std::size_t>(f)])
      shares[f] = free_base > 0.0 ? base_mix[f] / free_base * rest : 0.0;
  return shares;
}

}  // namespace peakpath::detail
