// SPDX-License-Identifier: Apache-2.0
// peakpath: the logistic (Verhulst / Fisher-Pry) growth curve.
#pragma once

#include <cmath>

#include "peakpath/core/check.hpp"

namespace peakpath::diffusion {

/// @brief Logistic curve K / (1 + e^{-r (t - t0)}).
/// @param t time
/// @param K saturation level (finite)
/// @param r growth rate (finite; negative for a decline)
/// @param t0 midpoint, where the curve reaches K / 2 (finite)
/// @return the curve's value at @p t
/// @throws std::domain_error on a non-finite argument
inline double logistic(double t, double K, double r, double t0) {
  const char* where = "logistic";
  check_finite(where, "t", t);
  check_finite(where, "K", K);
  check_finite(where, "r", r);
  check_finite(where, "t0", t0);
  const double z = -r * (t - t0);
  // For large z, e^z overflows to inf and the quotient is the correct limit 0.
  return K / (1.0 + std::exp(z));
}

}  // namespace peakpath::diffusion
