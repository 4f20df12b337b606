// SPDX-License-Identifier: Apache-2.0
// peakpath: sector activity on a diffusion curve ("new growth drivers", C2).
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include "peakpath/core/check.hpp"
#include "peakpath/diffusion/bass.hpp"
#include "peakpath/diffusion/logistic.hpp"
#include "peakpath/model/detail/scenario_paths.hpp"

namespace peakpath::detail {

/// A sector whose activity follows a logistic or Bass curve instead of growth rates.
struct GrowthCurve {
  enum class Kind { logistic, bass } kind;
  double a = 0, b = 0, c = 0;  // logistic: K, r, t0; Bass: m, p, q
  int base_year = 0;
  double base_activity = 0;

  /// Activity in @p year; equals the base activity in the base year.
  double at(int year) const {
    if (kind == Kind::logistic) return diffusion::logistic(year, a, b, c);
    return base_activity + a * diffusion::bass_cdf(year - base_year, b, c);
  }
};

/// The curve of sector @p id from its levers, or nothing. Logistic: `logistic_saturation` K
/// (> base activity) and `logistic_rate` r (> 0), midpoint placed so that the curve passes
/// through the base year's activity. Bass: `bass_market` m (activity added at saturation),
/// `bass_p` and `bass_q`, launched in the base year. Lever values are read at the base year.
inline std::optional<GrowthCurve> growth_curve(const ScenarioPaths& paths, const std::string& id,
                                               int base_year, double base_activity) {
  const TimePath* saturation = paths.find("logistic_saturation", id);
  const TimePath* rate = paths.find("logistic_rate", id);
  const TimePath* market = paths.find("bass_market", id);
  const std::string where = "growth curve of '" + id + "'";
  if ((saturation || rate) && market)
    throw std::invalid_argument(where + ": set either the logistic or the Bass levers, not both");
  if (saturation || rate) {
    if (!saturation || !rate)
      throw std::invalid_argument(where + ": logistic_saturation and logistic_rate go together");
    const double K = saturation->at(base_year), r = rate->at(base_year);
    check_positive(where, "logistic_rate", r);
    if (!(K > base_activity))
      throw std::domain_error(format_check_message(
          where, "logistic_saturation", -1, K,
          "must exceed the base-year activity " + std::to_string(base_activity)));
    const double t0 = base_year + std::log(K / base_activity - 1.0) / r;
    return GrowthCurve{GrowthCurve::Kind::logistic, K, r, t0, base_year, base_activity};
  }
  if (market) {
    const TimePath* p = paths.find("bass_p", id);
    const TimePath* q = paths.find("bass_q", id);
    if (!p || !q) throw std::invalid_argument(where + ": bass_market needs bass_p and bass_q");
    const double m = market->at(base_year);
    check_nonnegative(where, "bass_market", m);
    diffusion::detail::check_bass(where.c_str(), 0.0, p->at(base_year), q->at(base_year));
    return GrowthCurve{GrowthCurve::Kind::bass, m,         p->at(base_year),
                       q->at(base_year),        base_year, base_activity};
  }
  return std::nullopt;
}

}  // namespace peakpath::detail
