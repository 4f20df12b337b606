// SPDX-License-Identifier: Apache-2.0
// peakpath: range checks of lever values inside the annual loops.
#pragma once

#include "peakpath/core/check.hpp"

namespace peakpath::detail {

/// Validates a lever value against [@p lo, @p hi]; @p where is called (and its string work done)
/// only on failure, so the check costs a comparison in the annual loops.
template <class Where>
void require_bounded(const Where& where, const char* name, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi)) check_bounded(where(), name, value, lo, hi);
}

}  // namespace peakpath::detail
