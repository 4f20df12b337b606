// SPDX-License-Identifier: Apache-2.0
// peakpath: the one number formatter of messages, reports and descriptions.
#pragma once

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace peakpath {

/// @brief @p value as text: with @p significant_digits > 0, at most that many significant
/// digits (printf's %g: 0.145 with 2 digits is "0.14", 1e+308 stays "1e+308"); with 0, the
/// shortest text that reads back as the same double ("0.1", not "0.10000000000000001").
/// NaN reads "nan" (its sign means nothing), infinities "inf" and "-inf".
inline std::string format_number(double value, int significant_digits = 0) {
  if (std::isnan(value)) return "nan";
  char buffer[64];
  const std::to_chars_result written =
      significant_digits > 0 ? std::to_chars(buffer, buffer + sizeof buffer, value,
                                             std::chars_format::general, significant_digits)
                             : std::to_chars(buffer, buffer + sizeof buffer, value);
  if (written.ec != std::errc()) return "?";  // unreachable: 64 characters hold any double
  return std::string(buffer, written.ptr);
}

}  // namespace peakpath
