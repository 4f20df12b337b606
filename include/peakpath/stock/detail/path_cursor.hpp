// SPDX-License-Identifier: Apache-2.0
// peakpath: reading a TimePath at nearby times without searching it each time.
#pragma once

#include <cstddef>

#include "peakpath/core/time_path.hpp"

namespace peakpath::stock::detail {

/// Reads a (non-empty) TimePath like TimePath::at, remembering the interval of the last read:
/// an integrator asks for times close to each other, so the interval moves by at most a few
/// points and the binary search of TimePath::at is not needed.
class PathCursor {
 public:
  PathCursor() = default;
  explicit PathCursor(const TimePath* path) : path_(path) {}

  /// The path's value at @p t; the same interpolation as TimePath::at.
  double at(double t) const {
    const auto& y = path_->years();
    const auto& v = path_->values();
    if (y.size() == 1 || t <= y.front()) return v.front();
    if (t >= y.back()) return v.back();
    // Here y.front() < t < y.back(): an interval [y[i], y[i+1]) holds t.
    while (t < y[i_]) --i_;
    while (t >= y[i_ + 1]) ++i_;
    const double w = (t - y[i_]) / (y[i_ + 1] - y[i_]);
    return v[i_] + w * (v[i_ + 1] - v[i_]);
  }

 private:
  const TimePath* path_ = nullptr;
  mutable std::size_t i_ = 0;
};

}  // namespace peakpath::stock::detail
