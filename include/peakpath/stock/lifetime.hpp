// SPDX-License-Identifier: Apache-2.0
// peakpath: lifetime laws of capital stock (fixed, normal, Weibull, log-normal, folded normal).
#pragma once

#include <boost/math/constants/constants.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "peakpath/core/check.hpp"

namespace peakpath::stock {

/// @brief The lifetime law of a stock: how long an item lives after it enters the stock.
///
/// Ages are in years (any unit works as long as it matches the time step of the caller).
/// Conventions follow the industrial-ecology tools (ODYM's dynamic_stock_model):
/// - fixed(L): the item survives every age a < L and is gone at a >= L (point mass at L);
/// - normal(mean, sd): the plain (untruncated) normal law; its survival at age 0 is slightly
///   below 1, and the cohort models report that loss as outflow in the year of entry;
/// - weibull(shape, scale): SF(a) = exp(-(a / scale)^shape);
/// - lognormal(mean, sd): mean and standard deviation of the lifetime itself, converted to the
///   log-space parameters sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2;
/// - folded_normal(mean, sd): |X| with X ~ normal(mean, sd); the parameters are those of X
///   before folding (as in ODYM), so mean() differs from the parameter @c mean.
class Lifetime {
 public:
  /// @brief The family of the law.
  enum class Kind { fixed, normal, weibull, lognormal, folded_normal };

  /// @brief A fixed lifetime @p lifetime (>= 0; 0 means the item leaves in its year of entry).
  /// @throws std::domain_error if @p lifetime is negative or not finite.
  static Lifetime fixed(double lifetime) {
    check_nonnegative("Lifetime.fixed", "lifetime", lifetime);
    return Lifetime(Kind::fixed, lifetime, 0.0);
  }

  /// @brief A normal law with @p mean > 0 and @p sd > 0.
  /// @throws std::domain_error on a non-positive or non-finite parameter.
  static Lifetime normal(double mean, double sd) {
    check_positive("Lifetime.normal", "mean", mean);
    check_positive("Lifetime.normal", "sd", sd);
    return Lifetime(Kind::normal, mean, sd);
  }

  /// @brief A Weibull law with @p shape > 0 and @p scale > 0.
  /// @throws std::domain_error on a non-positive or non-finite parameter.
  static Lifetime weibull(double shape, double scale) {
    check_positive("Lifetime.weibull", "shape", shape);
    check_positive("Lifetime.weibull", "scale", scale);
    return Lifetime(Kind::weibull, shape, scale);
  }

  /// @brief A log-normal law given by the mean and standard deviation of the lifetime.
  /// @throws std::domain_error on a non-positive or non-finite parameter.
  static Lifetime lognormal(double mean, double sd) {
    check_positive("Lifetime.lognormal", "mean", mean);
    check_positive("Lifetime.lognormal", "sd", sd);
    return Lifetime(Kind::lognormal, mean, sd);
  }

  /// @brief A folded normal law |X|, X ~ normal(@p mean, @p sd); @p mean >= 0, @p sd > 0.
  /// @throws std::domain_error on a bad or non-finite parameter.
  static Lifetime folded_normal(double mean, double sd) {
    check_nonnegative("Lifetime.folded_normal", "mean", mean);
    check_positive("Lifetime.folded_normal", "sd", sd);
    return Lifetime(Kind::folded_normal, mean, sd);
  }

  /// @brief The family.
  Kind kind() const { return kind_; }

  /// @brief The two parameters as given to the factory (e.g. shape and scale for Weibull).
  std::pair<double, double> parameters() const { return {a_, b_}; }
  /// @brief The family's name: "fixed", "normal", "weibull", "lognormal" or "folded_normal".
  std::string kind_name() const {
    switch (kind_) {
      case Kind::fixed:
        return "fixed";
      case Kind::normal:
        return "normal";
      case Kind::weibull:
        return "weibull";
      case Kind::lognormal:
        return "lognormal";
      case Kind::folded_normal:
        return "folded_normal";
    }
    return "";
  }
  /// @brief First parameter as given (lifetime, mean or shape).
  double first() const { return a_; }
  /// @brief Second parameter as given (sd or scale; 0 for fixed).
  double second() const { return b_; }

  /// @brief Log-space location mu of the log-normal law.
  /// @throws std::logic_error for other laws.
  double log_mu() const {
    require(Kind::lognormal, "log_mu");
    return std::log(a_) - 0.5 * log_sigma() * log_sigma();
  }
  /// @brief Log-space scale sigma of the log-normal law.
  /// @throws std::logic_error for other laws.
  double log_sigma() const {
    require(Kind::lognormal, "log_sigma");
    return std::sqrt(std::log1p((b_ / a_) * (b_ / a_)));
  }

  /// @brief Survival function SF(age) = P(lifetime > age); 1 for negative ages except normal.
  /// @throws std::domain_error if @p age is NaN.
  double sf(double age) const {
    check_age(age);
    using boost::math::cdf;
    using boost::math::complement;
    switch (kind_) {
      case Kind::fixed:
        return age < a_ ? 1.0 : 0.0;
      case Kind::normal:
        return cdf(complement(normal_law(), age));
      case Kind::weibull:
        // Closed form (as Boost's): the stock model evaluates it many times per run.
        return age <= 0 ? 1.0 : std::exp(-std::pow(age / b_, a_));
      case Kind::lognormal:
        return age <= 0 ? 1.0 : cdf(complement(lognormal_law(), age));
      case Kind::folded_normal: {
        if (age <= 0) return 1.0;
        const auto n = normal_law();
        return cdf(complement(n, age)) + cdf(n, -age);
      }
    }
    return 0.0;
  }

  /// @brief Cumulative distribution 1 - SF(age).
  /// @throws std::domain_error if @p age is NaN.
  double cdf(double age) const { return 1.0 - sf(age); }

  /// @brief Probability density at @p age. For fixed(L) the law is a point mass: 0 everywhere
  /// except +infinity at L.
  /// @throws std::domain_error if @p age is NaN.
  double pdf(double age) const {
    check_age(age);
    using boost::math::pdf;
    switch (kind_) {
      case Kind::fixed:
        return age == a_ ? std::numeric_limits<double>::infinity() : 0.0;
      case Kind::normal:
        return pdf(normal_law(), age);
      case Kind::weibull:
        if (age < 0) return 0.0;
        if (age == 0)  // the density at 0 is infinite for shape < 1, 1/scale for shape 1
          return a_ < 1 ? std::numeric_limits<double>::infinity() : (a_ == 1 ? 1.0 / b_ : 0.0);
        return a_ / b_ * std::pow(age / b_, a_ - 1.0) * std::exp(-std::pow(age / b_, a_));
      case Kind::lognormal:
        return age <= 0 ? 0.0 : pdf(lognormal_law(), age);
      case Kind::folded_normal: {
        if (age < 0) return 0.0;
        const auto n = normal_law();
        return pdf(n, age) + pdf(n, -age);
      }
    }
    return 0.0;
  }

  /// @brief Hazard rate pdf(age) / SF(age): the retirement rate of survivors at @p age.
  /// +infinity where nothing survives (and at and beyond L for a fixed law).
  /// @throws std::domain_error if @p age is NaN.
  double hazard(double age) const {
    check_age(age);
    if (kind_ == Kind::fixed) return age < a_ ? 0.0 : std::numeric_limits<double>::infinity();
    if (kind_ == Kind::weibull)  // closed form, exact in the far tail where SF underflows
      return age < 0 ? 0.0 : (a_ / b_) * std::pow(age / b_, a_ - 1.0);
    const double s = sf(age);
    return s > 0 ? pdf(age) / s : std::numeric_limits<double>::infinity();
  }

  /// @brief Mean lifetime E[lifetime] (for normal: the parameter, ignoring the negative tail).
  double mean() const {
    switch (kind_) {
      case Kind::fixed:
      case Kind::normal:
      case Kind::lognormal:
        return a_;
      case Kind::weibull:
        return b_ * boost::math::tgamma(1.0 + 1.0 / a_);
      case Kind::folded_normal: {
        // E|X| = sd sqrt(2/pi) exp(-mean^2 / (2 sd^2)) + mean (1 - 2 Phi(-mean / sd))
        const double z = a_ / b_;
        const double pi = boost::math::constants::pi<double>();
        return b_ * std::sqrt(2.0 / pi) * std::exp(-0.5 * z * z) +
               a_ * (1.0 - 2.0 * boost::math::cdf(boost::math::normal_distribution<>(), -z));
      }
    }
    return 0.0;
  }

 private:
  Lifetime(Kind kind, double a, double b) : kind_(kind), a_(a), b_(b) {}

  boost::math::normal_distribution<> normal_law() const {
    return boost::math::normal_distribution<>(a_, b_);
  }
  boost::math::lognormal_distribution<> lognormal_law() const {
    return boost::math::lognormal_distribution<>(log_mu(), log_sigma());
  }
  void require(Kind kind, const char* what) const {
    if (kind_ != kind)
      throw std::logic_error(std::string("Lifetime.") + what + " is defined for " +
                             Lifetime(kind, 1, 1).kind_name() + " laws only, not " + kind_name());
  }
  static void check_age(double age) {
    if (std::isnan(age))
      throw std::domain_error(
          peakpath::detail::format_check_message("Lifetime", "age", -1, age, "must not be NaN"));
  }

  Kind kind_;
  double a_;
  double b_;
};

}  // namespace peakpath::stock
