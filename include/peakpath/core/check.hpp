// SPDX-License-Identifier: Apache-2.0
// peakpath: the validation vocabulary. Every message has one format:
//   "<where>: <name>[<index>] = <value>: <requirement>"
#pragma once

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "peakpath/core/format.hpp"

namespace peakpath {

namespace detail {

inline std::string format_check_message(const std::string& where, const std::string& name,
                                        std::ptrdiff_t index, double value,
                                        const std::string& requirement) {
  std::string message = where.empty() ? "" : where + ": ";
  message += name;
  if (index >= 0) message += "[" + std::to_string(index) + "]";
  return message + " = " + format_number(value) + ": " + requirement;
}

template <class Sequence>
double element(const Sequence& values, std::size_t i) {
  return static_cast<double>(values[i]);
}

}  // namespace detail

/// @brief Throws std::domain_error unless @p value is finite.
inline void check_finite(const std::string& where, const std::string& name, double value,
                         std::ptrdiff_t index = -1) {
  if (!std::isfinite(value))
    throw std::domain_error(
        detail::format_check_message(where, name, index, value, "must be finite"));
}

/// @brief Throws std::domain_error unless @p value is finite and >= 0.
inline void check_nonnegative(const std::string& where, const std::string& name, double value,
                              std::ptrdiff_t index = -1) {
  check_finite(where, name, value, index);
  if (value < 0)
    throw std::domain_error(
        detail::format_check_message(where, name, index, value, "must be non-negative"));
}

/// @brief Throws std::domain_error unless @p value is finite and > 0.
inline void check_positive(const std::string& where, const std::string& name, double value,
                           std::ptrdiff_t index = -1) {
  check_finite(where, name, value, index);
  if (!(value > 0))
    throw std::domain_error(
        detail::format_check_message(where, name, index, value, "must be positive"));
}

/// @brief Throws std::domain_error unless lo <= value <= hi.
inline void check_bounded(const std::string& where, const std::string& name, double value,
                          double lo, double hi, std::ptrdiff_t index = -1) {
  check_finite(where, name, value, index);
  if (value < lo || value > hi) {
    throw std::domain_error(detail::format_check_message(
        where, name, index, value,
        "must lie in [" + format_number(lo) + ", " + format_number(hi) + "]"));
  }
}

/// @brief Each element finite and >= 0, and the sum within @p tolerance of 1.
template <class Sequence>
void check_shares(const std::string& where, const std::string& name, const Sequence& shares,
                  double tolerance = 1e-6) {
  double sum = 0.0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(shares.size()); ++i) {
    const double v = detail::element(shares, i);
    check_nonnegative(where, name, v, static_cast<std::ptrdiff_t>(i));
    sum += v;
  }
  if (std::abs(sum - 1.0) > tolerance)
    throw std::domain_error(
        detail::format_check_message(where, "sum(" + name + ")", -1, sum, "shares must sum to 1"));
}

/// @brief Strictly increasing (sorted, no duplicates).
template <class Sequence>
void check_sorted(const std::string& where, const std::string& name, const Sequence& values) {
  for (std::size_t i = 1; i < static_cast<std::size_t>(values.size()); ++i) {
    if (!(detail::element(values, i) > detail::element(values, i - 1)))
      throw std::invalid_argument(detail::format_check_message(
          where, name, static_cast<std::ptrdiff_t>(i), detail::element(values, i),
          "must be strictly increasing (sorted, no duplicates)"));
  }
}

/// @brief Two sizes that must agree.
inline void check_size_match(const std::string& where, const std::string& name1, std::size_t size1,
                             const std::string& name2, std::size_t size2) {
  if (size1 != size2) {
    throw std::invalid_argument((where.empty() ? "" : where + ": ") + "size of " + name1 + " (" +
                                std::to_string(size1) + ") does not match size of " + name2 + " (" +
                                std::to_string(size2) + ")");
  }
}

}  // namespace peakpath
