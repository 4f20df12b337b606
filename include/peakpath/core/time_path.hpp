// SPDX-License-Identifier: Apache-2.0
// peakpath: a quantity given at a few years, interpolated in between.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "peakpath/core/check.hpp"

namespace peakpath {

/// @brief Values at (strictly increasing) years. Between two points the value is linearly
/// interpolated; before the first point and after the last it is held flat.
class TimePath {
 public:
  TimePath() = default;

  /// @brief A constant path.
  explicit TimePath(double value) : years_{0.0}, values_{value} {
    check_finite("TimePath", "value", value);
  }

  /// @throws std::invalid_argument on unsorted or duplicate years, mismatched sizes or no points;
  ///         std::domain_error on a non-finite year or value.
  TimePath(std::vector<double> years, std::vector<double> values, const std::string& where = "")
      : years_(std::move(years)), values_(std::move(values)) {
    const std::string w = where.empty() ? "TimePath" : where;
    check_size_match(w, "years", years_.size(), "values", values_.size());
    if (years_.empty()) throw std::invalid_argument(w + ": a path needs at least one point");
    for (std::size_t i = 0; i < values_.size(); ++i) {
      // A NaN year compares false both ways, so the order check below would let it through.
      check_finite(w, "years", years_[i], static_cast<std::ptrdiff_t>(i));
      check_finite(w, "values", values_[i], static_cast<std::ptrdiff_t>(i));
    }
    check_sorted(w, "years", years_);
  }

  /// @brief True when the path holds no point (not set).
  bool empty() const { return years_.empty(); }

  /// @brief The value at @p year (linear in between, flat beyond the ends).
  double at(double year) const {
    if (years_.empty()) throw std::logic_error("TimePath::at on an empty path");
    if (years_.size() == 1 || year <= years_.front()) return values_.front();
    if (year >= years_.back()) return values_.back();
    // Here years_.front() < year < years_.back(), so both neighbours exist.
    const auto hi = std::upper_bound(years_.begin(), years_.end(), year);
    const auto lo = hi - 1;
    const auto offset = lo - years_.begin();
    const double w = (year - *lo) / (*hi - *lo);
    const double v0 = *(values_.begin() + offset);
    const double v1 = *(values_.begin() + offset + 1);
    return v0 + w * (v1 - v0);
  }

  const std::vector<double>& years() const { return years_; }
  const std::vector<double>& values() const { return values_; }

 private:
  std::vector<double> years_;
  std::vector<double> values_;
};

}  // namespace peakpath
