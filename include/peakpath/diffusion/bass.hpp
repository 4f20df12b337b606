// SPDX-License-Identifier: Apache-2.0
// peakpath: the Bass (1969) diffusion model of adoption.
#pragma once

#include <cmath>

#include "peakpath/core/check.hpp"

namespace peakpath::diffusion {

namespace detail {

/// F(t) without argument checks (for fitting loops); 0 for t <= 0.
inline double bass_F(double t, double p, double q) {
  if (t <= 0) return 0.0;
  return -std::expm1(-(p + q) * t) / (1.0 + (q / p) * std::exp(-(p + q) * t));
}

/// f(t) without argument checks; 0 for t < 0.
inline double bass_f(double t, double p, double q) {
  if (t < 0) return 0.0;
  const double e = std::exp(-(p + q) * t);
  const double d = 1.0 + (q / p) * e;
  return (p + q) * (p + q) / p * e / (d * d);
}

inline void check_bass(const char* where, double t, double p, double q) {
  check_finite(where, "t", t);
  check_positive(where, "p", p);
  check_nonnegative(where, "q", q);
}

}  // namespace detail

/// @brief Cumulative share of adopters F(t) of the Bass model (Bass 1969, Management Science
/// 15(5) 215-227): F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}), 0 before launch (t < 0).
/// @param t time since launch
/// @param p coefficient of innovation (> 0)
/// @param q coefficient of imitation (>= 0)
/// @return F(t) in [0, 1)
/// @throws std::domain_error on a non-finite @p t or a bad coefficient
inline double bass_cdf(double t, double p, double q) {
  detail::check_bass("bass_cdf", t, p, q);
  return detail::bass_F(t, p, q);
}

/// @brief Adoption density f(t) = dF/dt = ((p+q)^2/p) e^{-(p+q)t} / (1 + (q/p) e^{-(p+q)t})^2;
/// 0 before launch. Adoptions per unit time are m f(t) for a market potential m.
/// @param t time since launch
/// @param p coefficient of innovation (> 0)
/// @param q coefficient of imitation (>= 0)
/// @return f(t) >= 0
/// @throws std::domain_error on a non-finite @p t or a bad coefficient
inline double bass_pdf(double t, double p, double q) {
  detail::check_bass("bass_pdf", t, p, q);
  return detail::bass_f(t, p, q);
}

}  // namespace peakpath::diffusion
