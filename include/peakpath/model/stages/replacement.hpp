// SPDX-License-Identifier: Apache-2.0
// peakpath: the replacement-constraint stage: output capped by what capacity may be built (C3).
#pragma once

#include <algorithm>

#include <Eigen/Core>

#include "peakpath/model/run_context.hpp"
#include "peakpath/model/stages/capital_stock.hpp"
#include "peakpath/model/stages/economy.hpp"

namespace peakpath::stages {

/// @brief What sectors produce, and the demand a replacement ratio left unmet.
struct Activity {
  Eigen::MatrixXd produced;  ///< years x sectors, activity units
  Eigen::MatrixXd unmet;     ///< years x sectors: demand minus output where capacity caps it
};

/// @brief The replacement-constraint stage: where a replacement ratio caps new two-high capacity
/// (a register's rule or a `replacement_ratio` lever), output is what the capacity can produce;
/// the rest of the demand is unmet (not produced, nor in GDP). Elsewhere output = demand.
inline Activity replacement_constraints(const RunContext& ctx, const Economy& economy,
                                        const CapitalStock& stock) {
  Activity activity{economy.activity_demand,
                    Eigen::MatrixXd::Zero(ctx.year_count(), economy.activity_demand.cols())};
  for (const auto& d : stock.sectors) {
    if (!d.constrained) continue;
    const auto s = static_cast<Eigen::Index>(d.sector);
    for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
      const double demand = economy.activity_demand(t, s);
      const double output = std::min(demand, d.output_capacity[t]);
      activity.unmet(t, s) = demand - output;
      activity.produced(t, s) = output;
    }
  }
  return activity;
}

}  // namespace peakpath::stages
