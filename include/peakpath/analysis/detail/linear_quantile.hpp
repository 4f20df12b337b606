// SPDX-License-Identifier: Apache-2.0
// peakpath: numpy's default ("linear") quantile definition, shared by the statistics that
// promise to agree with numpy.percentile.
#pragma once

#include <cmath>
#include <cstddef>

namespace peakpath::analysis::detail {

/// Where quantile q of n sorted values lies: order statistics lower and lower + 1 (0-based,
/// clamped to n - 1) and the weight t of the upper one; h = q (n - 1) as numpy computes it.
struct LinearQuantilePosition {
  std::size_t lower = 0;  ///< index of the lower order statistic
  std::size_t upper = 0;  ///< index of the upper order statistic (lower + 1, or n - 1)
  double weight = 0.0;    ///< weight of the upper one, in [0, 1)
};

/// @brief The position of quantile @p q among @p n >= 1 sorted values (numpy "linear").
/// @param q probability in [0, 1]
/// @param n number of values (>= 1)
/// @return the two order statistics and the weight
inline LinearQuantilePosition linear_quantile_position(double q, std::size_t n) {
  const double h = static_cast<double>(n - 1) * q;
  LinearQuantilePosition p;
  if (h >= static_cast<double>(n - 1)) {
    p.lower = p.upper = n - 1;
    return p;
  }
  const double lower = std::floor(h);
  p.lower = static_cast<std::size_t>(lower);
  p.upper = p.lower + 1;
  p.weight = h - lower;
  return p;
}

/// @brief numpy's _lerp: a + (b - a) t, computed from b's side when t >= 0.5 (so t = 1 gives b
/// exactly); the same operations in the same order give bit-identical results.
/// @param a lower value
/// @param b upper value
/// @param t weight of b
/// @return the interpolated value
inline double numpy_lerp(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

}  // namespace peakpath::analysis::detail
