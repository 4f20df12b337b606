// SPDX-License-Identifier: Apache-2.0
// peakpath: peak diagnostics of a trajectory (peak year and value, plateau, decline after the
// peak, rebound, and whether the series has peaked at all by the horizon).
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

#include "peakpath/core/check.hpp"

namespace peakpath {

/// @brief Whether a series has peaked by its horizon.
enum class PeakStatus {
  peaked,      ///< rose to its maximum inside the window, then fell below the plateau band
  at_start,    ///< the maximum's band reaches back to the first year: the series falls from
               ///< the start, so the peak may lie before the window (no evidence of peaking)
  not_peaked,  ///< the maximum's band reaches the last year: not (yet) declining
  never_peaks  ///< flat: every value lies within the band of the maximum
};

/// @brief Peak diagnostics of one series; see peak().
struct Peak {
  double year = 0.0;   ///< year of the (first) maximum
  double value = 0.0;  ///< the maximum
  double plateau_start =
      0.0;                   ///< first year of the contiguous run around the peak within tolerance
  double plateau_end = 0.0;  ///< last year of that run
  /// mean annual decline after the peak as a fraction of the peak:
  /// (value - last value) / (|value| (last year - year)); 0 when the peak is in the last year
  double decline_rate_after = 0.0;
  /// true when the series fell below an earlier running maximum M by more than the tolerance
  /// (below M - tolerance |M|) and later rose above M again
  bool rebound = false;
  std::optional<double> rebound_year;      ///< the first year above M after the fall, if any
  PeakStatus status = PeakStatus::peaked;  ///< peaked, still rising at the horizon, or flat
};

/// @brief The status's name: "peaked", "at_start", "not_peaked" or "never_peaks".
/// @param status a status
/// @return its name
inline std::string to_string(PeakStatus status) {
  switch (status) {
    case PeakStatus::peaked:
      return "peaked";
    case PeakStatus::at_start:
      return "at_start";
    case PeakStatus::not_peaked:
      return "not_peaked";
    case PeakStatus::never_peaks:
      return "never_peaks";
  }
  return "peaked";
}

/// @brief Peak diagnostics of a series.
///
/// The peak is the first occurrence of the maximum. The band is [value - tolerance |value|,
/// value]; the plateau is the contiguous run of years around the peak whose values lie in the
/// band. Status: never_peaks when the plateau covers every year; not_peaked when it reaches the
/// last year (the series has not fallen measurably below its maximum by the horizon, e.g.
/// monotone rising); at_start when it reaches back to the first year (the series falls from
/// the start: the peak may lie before the window, so this is no evidence of a peak); peaked
/// otherwise. A rebound is judged against the running
/// maximum: after falling out of the band of the highest value so far, the series later exceeds
/// that value; the reported peak is then the later, higher one.
/// @param years strictly increasing, finite
/// @param values one per year, finite
/// @param tolerance relative width of the band, in [0, 1)
/// @return the diagnostics
/// @throws std::invalid_argument on empty or mismatched inputs or unsorted years
/// @throws std::domain_error on a non-finite year or value or a tolerance outside [0, 1)
inline Peak peak(const Eigen::VectorXd& years, const Eigen::VectorXd& values,
                 double tolerance = 0.01) {
  const std::string where = "peak";
  check_size_match(where, "years", static_cast<std::size_t>(years.size()), "values",
                   static_cast<std::size_t>(values.size()));
  if (years.size() == 0) throw std::invalid_argument(where + ": years is empty");
  for (Eigen::Index t = 0; t < years.size(); ++t) {
    check_finite(where, "years", years(t), t);
    check_finite(where, "values", values(t), t);
  }
  check_sorted(where, "years", years);
  if (!(tolerance >= 0.0 && tolerance < 1.0))
    throw std::domain_error(peakpath::detail::format_check_message(
        where, "tolerance", -1, tolerance, "must lie in [0, 1)"));

  const Eigen::Index n = values.size(), last = n - 1;
  const auto band_floor = [tolerance](double top) { return top - tolerance * std::abs(top); };

  Eigen::Index top = 0;
  values.maxCoeff(&top);  // first occurrence
  Peak p;
  p.year = years(top);
  p.value = values(top);
  const double floor = band_floor(p.value);
  Eigen::Index start = top, end = top;
  while (start > 0 && values(start - 1) >= floor) --start;
  while (end < last && values(end + 1) >= floor) ++end;
  p.plateau_start = years(start);
  p.plateau_end = years(end);
  p.status = (start == 0 && end == last) ? PeakStatus::never_peaks
             : end == last               ? PeakStatus::not_peaked
             : start == 0                ? PeakStatus::at_start
                                         : PeakStatus::peaked;
  if (top < last && p.value != 0.0)
    p.decline_rate_after =
        (p.value - values(last)) / (std::abs(p.value) * (years(last) - years(top)));
  else if (top < last && values(last) != 0.0)
    throw std::domain_error(peakpath::detail::format_check_message(
        where, "values", top, p.value,
        "a peak value of 0 leaves the relative decline after it undefined"));

  // Rebound: out of the band of the running maximum, then above it.
  double running = values(0);
  bool fell = false;
  for (Eigen::Index t = 1; t < n; ++t) {
    if (fell && values(t) > running) {
      p.rebound = true;
      p.rebound_year = years(t);
      break;
    }
    if (!fell && values(t) > running) running = values(t);
    if (values(t) < band_floor(running)) fell = true;
  }
  return p;
}

}  // namespace peakpath
