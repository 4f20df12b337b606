// SPDX-License-Identifier: Apache-2.0
// Private: the deterministic allocation of sources to one new project (no database access).
#pragma once

#include <string>
#include <vector>

#include "peakpath/register/allocation.hpp"
#include "peakpath/register/project.hpp"
#include "peakpath/register/rules.hpp"
#include "peakpath/register/source_balance.hpp"

namespace peakpath::detail {

/// The requirement of @p project: ratio(type, dimension, key region) × amount.
Amounts requirement_of(const Project& project, const Rules& rules);

/// Covers the requirement of @p project from @p sources, dimension by dimension; the closure
/// window counts back from @p reference_date. Does not change @p sources.
Allocation plan_allocation(const Project& project, const Rules& rules,
                           const std::vector<SourceBalance>& sources,
                           const std::string& reference_date);

}  // namespace peakpath::detail
