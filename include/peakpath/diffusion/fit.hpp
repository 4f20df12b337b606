// SPDX-License-Identifier: Apache-2.0
// peakpath: least-squares fits of the Bass and logistic curves to history (Levenberg-Marquardt).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "peakpath/core/check.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/diffusion/bass.hpp"
#include "peakpath/diffusion/detail/levenberg_marquardt.hpp"
#include "peakpath/diffusion/logistic.hpp"

namespace peakpath::diffusion {

/// @brief What the observations of a Bass fit are.
enum class BassFitForm {
  /// adoptions during the period (t - 1, t]: m (F(t) - F(t - 1)); the non-linear least squares
  /// estimator of Srinivasan & Mason (1986, Marketing Science 5(2) 169-178). The default.
  increments,
  /// adoption rate at t: m f(t) (the continuous-time form, as in Bass 1969 eq. 5).
  density,
  /// cumulative adoptions up to t: m F(t).
  cumulative,
};

/// @brief A fitted Bass curve.
struct BassFit {
  double m = 0;        ///< market potential
  double p = 0;        ///< coefficient of innovation
  double q = 0;        ///< coefficient of imitation
  double rss = 0;      ///< residual sum of squares
  int iterations = 0;  ///< solver iterations of the best start
};

/// @brief A fitted logistic curve K / (1 + e^{-r (t - t0)}).
struct LogisticFit {
  double K = 0;        ///< saturation level
  double r = 0;        ///< growth rate
  double t0 = 0;       ///< midpoint
  double rss = 0;      ///< residual sum of squares
  int iterations = 0;  ///< solver iterations of the best start
};

namespace detail {

inline void check_series(const char* where, const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                         const char* y_name, bool nonnegative) {
  check_size_match(where, "t", static_cast<std::size_t>(t.size()), y_name,
                   static_cast<std::size_t>(y.size()));
  if (t.size() < 3)
    throw std::invalid_argument(std::string(where) + ": needs at least 3 points, got " +
                                std::to_string(t.size()));
  for (Eigen::Index i = 0; i < t.size(); ++i) {
    check_finite(where, "t", t[i], i);
    if (nonnegative)
      check_nonnegative(where, y_name, y[i], i);
    else
      check_finite(where, y_name, y[i], i);
  }
  check_sorted(where, "t", t);
  if (!(y.cwiseAbs().maxCoeff() > 0))
    throw std::invalid_argument(std::string(where) + ": all " + y_name + " are zero");
}

// Keeps the best of several solver runs.
template <class Fit>
void keep_best(Fit& best, const Fit& candidate, bool& found) {
  if (std::isfinite(candidate.rss) && (!found || candidate.rss < best.rss)) {
    best = candidate;
    found = true;
  }
}

}  // namespace detail

/// @brief Fits the Bass model (m, p, q) to adoption history by least squares
/// (Levenberg-Marquardt on log m, log p, log q, so all three stay positive).
///
/// Starts from the ordinary-least-squares estimate of Bass (1969) (the regression of period
/// adoptions on cumulative adoptions and their square) and from a generic guess; the better
/// fit is returned.
/// @param t time since launch of each observation (strictly increasing, finite)
/// @param adoptions observations (finite, >= 0), as @p form says
/// @param form what the observations are (default: adoptions per period)
/// @return the fitted curve
/// @throws std::invalid_argument on fewer than 3 points, mismatched sizes, unsorted times or
///         all-zero data; std::domain_error on a non-finite or negative value
/// @throws peakpath::Error if no start converges
inline BassFit fit_bass(const Eigen::VectorXd& t, const Eigen::VectorXd& adoptions,
                        BassFitForm form = BassFitForm::increments) {
  const char* where = "fit_bass";
  detail::check_series(where, t, adoptions, "adoptions", true);
  const Eigen::Index n = t.size();
  // Per-period adoptions and the cumulative total before each period, for the start values.
  Eigen::VectorXd per_period = adoptions;
  if (form == BassFitForm::cumulative)
    for (Eigen::Index i = n - 1; i > 0; --i) per_period[i] -= adoptions[i - 1];
  Eigen::VectorXd before = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 1; i < n; ++i) before[i] = before[i - 1] + per_period[i - 1];

  std::vector<Eigen::Vector3d> starts;
  {
    Eigen::MatrixXd X(n, 3);
    X.col(0).setOnes();
    X.col(1) = before;
    X.col(2) = before.cwiseProduct(before);
    const Eigen::Vector3d abc = X.colPivHouseholderQr().solve(per_period);
    const double disc = abc[1] * abc[1] - 4 * abc[0] * abc[2];
    if (abc[2] < 0 && disc >= 0) {
      const double m = (-abc[1] - std::sqrt(disc)) / (2 * abc[2]);
      const double p = abc[0] / m;
      const double q = -abc[2] * m;
      if (m > 0 && p > 0 && q > 0) starts.emplace_back(std::log(m), std::log(p), std::log(q));
    }
  }
  const double total = std::max(per_period.sum(), adoptions.maxCoeff());
  starts.emplace_back(std::log(2 * total), std::log(0.01), std::log(0.4));

  const auto residual = [&](const Eigen::VectorXd& theta) {
    const double m = std::exp(theta[0]), p = std::exp(theta[1]), q = std::exp(theta[2]);
    Eigen::VectorXd r(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      double model = 0;
      switch (form) {
        case BassFitForm::increments:
          model = m * (detail::bass_F(t[i], p, q) - detail::bass_F(t[i] - 1, p, q));
          break;
        case BassFitForm::density:
          model = m * detail::bass_f(t[i], p, q);
          break;
        case BassFitForm::cumulative:
          model = m * detail::bass_F(t[i], p, q);
          break;
      }
      r[i] = model - adoptions[i];
    }
    return r;
  };
  BassFit best;
  bool found = false;
  for (const Eigen::Vector3d& start : starts) {
    const detail::LmResult lm = detail::levenberg_marquardt(residual, start);
    if (!lm.converged) continue;
    detail::keep_best(
        best,
        BassFit{std::exp(lm.x[0]), std::exp(lm.x[1]), std::exp(lm.x[2]), lm.cost, lm.iterations},
        found);
  }
  if (!found)
    throw Error("fit_bass: Levenberg-Marquardt did not converge from any start (" +
                std::to_string(n) + " points)");
  return best;
}

/// @brief Fits a logistic curve (K, r, t0) to a series by least squares (Levenberg-Marquardt).
///
/// Start values come from the linearisation ln(y / (K - y)) = r (t - t0) for a few trial
/// saturation levels K above the largest observation; the best fit is returned.
/// @param t times (strictly increasing, finite)
/// @param y observations (finite)
/// @return the fitted curve
/// @throws std::invalid_argument on fewer than 3 points, mismatched sizes, unsorted times or
///         all-zero data; std::domain_error on a non-finite value
/// @throws peakpath::Error if no start converges
inline LogisticFit fit_logistic(const Eigen::VectorXd& t, const Eigen::VectorXd& y) {
  const char* where = "fit_logistic";
  detail::check_series(where, t, y, "y", false);
  const Eigen::Index n = t.size();
  const double y_max = y.maxCoeff();
  const double span = t[n - 1] - t[0];
  std::vector<Eigen::Vector3d> starts;
  for (double factor : {1.05, 1.5, 3.0}) {
    const double K = factor * y_max;
    std::vector<double> ts, zs;
    for (Eigen::Index i = 0; i < n; ++i)
      if (y[i] > 0 && y[i] < K) {
        ts.push_back(t[i]);
        zs.push_back(std::log(y[i] / (K - y[i])));
      }
    if (ts.size() < 2) continue;
    const Eigen::Map<const Eigen::VectorXd> tv(ts.data(), static_cast<Eigen::Index>(ts.size()));
    const Eigen::Map<const Eigen::VectorXd> zv(zs.data(), static_cast<Eigen::Index>(zs.size()));
    const double tm = tv.mean(), zm = zv.mean();
    const double sxx = (tv.array() - tm).square().sum();
    const double r = sxx > 0 ? ((tv.array() - tm) * (zv.array() - zm)).sum() / sxx : 0.0;
    if (r != 0.0 && std::isfinite(r)) starts.emplace_back(K, r, tm - zm / r);
  }
  starts.emplace_back(2 * std::abs(y_max), 8.0 / span, t[n - 1]);

  const auto residual = [&](const Eigen::VectorXd& theta) {
    Eigen::VectorXd r(n);
    for (Eigen::Index i = 0; i < n; ++i)
      r[i] = theta[0] / (1.0 + std::exp(-theta[1] * (t[i] - theta[2]))) - y[i];
    return r;
  };
  LogisticFit best;
  bool found = false;
  for (const Eigen::Vector3d& start : starts) {
    const detail::LmResult lm = detail::levenberg_marquardt(residual, start);
    if (!lm.converged) continue;
    detail::keep_best(best, LogisticFit{lm.x[0], lm.x[1], lm.x[2], lm.cost, lm.iterations}, found);
  }
  if (!found)
    throw Error("fit_logistic: Levenberg-Marquardt did not converge from any start (" +
                std::to_string(n) + " points)");
  return best;
}

}  // namespace peakpath::diffusion
