// SPDX-License-Identifier: Apache-2.0
// peakpath: the logarithmic mean L(a, b), the weight function of LMDI.
#pragma once

#include <cmath>

namespace peakpath::analysis::detail {

/// @brief Logarithmic mean L(a, b) = (a - b) / (ln a - ln b) of two non-negative numbers, with
/// its limits L(a, a) = a and L(a, 0) = L(0, b) = 0 (Ang 2004, Energy Policy 32:1131).
/// @param a first value (>= 0; not checked, callers validate)
/// @param b second value (>= 0)
/// @return L(a, b), between the geometric and the arithmetic mean
inline double log_mean(double a, double b) {
  if (a == b) return a;
  if (a == 0.0 || b == 0.0) return 0.0;
  // log1p keeps full precision when a and b are close (a - b is then exact by Sterbenz).
  return (a - b) / std::log1p((a - b) / b);
}

}  // namespace peakpath::analysis::detail
