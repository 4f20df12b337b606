// SPDX-License-Identifier: Apache-2.0
// peakpath: the input distributions of ensembles (uniform, triangular, normal, lognormal,
// discrete), used through their quantile functions (Boost.Math).
#pragma once

#include <algorithm>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "peakpath/core/check.hpp"
#include "peakpath/core/format.hpp"

namespace peakpath::analysis {

/// @brief The family of a Distribution.
enum class DistributionKind { uniform, triangular, normal, lognormal, discrete };

/// @brief The name of a family ("uniform", ..., "discrete").
/// @param kind the family
/// @return its name
inline std::string distribution_kind_name(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::uniform:
      return "uniform";
    case DistributionKind::triangular:
      return "triangular";
    case DistributionKind::normal:
      return "normal";
    case DistributionKind::lognormal:
      return "lognormal";
    case DistributionKind::discrete:
      break;
  }
  return "discrete";
}

/// @brief A way to build a Distribution, as specs (ensemble YAML) name it: the name of its
/// factory function and the factory's parameters in order.
struct DistributionFactory {
  std::string name;                     ///< "uniform", ..., "lognormal_log", "discrete"
  std::vector<std::string> parameters;  ///< e.g. {"low", "mode", "high"}
};

/// @brief Every factory (uniform(), triangular(), normal(), lognormal(), lognormal_log(),
/// discrete()) with its parameters: the one list that Python and the ensemble specs read.
inline const std::vector<DistributionFactory> DISTRIBUTION_FACTORIES = {
    {"uniform", {"low", "high"}},       {"triangular", {"low", "mode", "high"}},
    {"normal", {"mean", "sd"}},         {"lognormal", {"mean", "sd"}},
    {"lognormal_log", {"mu", "sigma"}}, {"discrete", {"values", "weights"}}};

namespace detail {

/// Boost.Math policy: the quantile at 0 or 1 of an unbounded distribution is -inf / +inf.
using QuantilePolicy = boost::math::policies::policy<
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

/// Parameter errors are std::invalid_argument in the shared message format.
inline void require(bool ok, const std::string& where, const std::string& name, double value,
                    const std::string& requirement) {
  if (!ok)
    throw std::invalid_argument(
        peakpath::detail::format_check_message(where, name, -1, value, requirement));
}

/// Up to 15 significant digits: 0.2 reads as 0.2 in descriptions.
inline std::string number(double x) {
  return peakpath::format_number(x, 15);
}

/// A discrete law on sorted values with cumulative probabilities ending at exactly 1.
struct DiscreteLaw {
  std::vector<double> values;
  std::vector<double> probabilities;
  std::vector<double> cumulative;
};

/// Smallest value whose cumulative probability reaches u (never a value of weight 0).
inline double quantile(const DiscreteLaw& d, double u) {
  auto j = static_cast<std::size_t>(std::lower_bound(d.cumulative.begin(), d.cumulative.end(), u) -
                                    d.cumulative.begin());
  while (d.probabilities[j] == 0.0) ++j;
  return d.values[j];
}

inline double cdf(const DiscreteLaw& d, double x) {
  const auto it = std::upper_bound(d.values.begin(), d.values.end(), x);
  return it == d.values.begin() ? 0.0
                                : d.cumulative[static_cast<std::size_t>(it - d.values.begin()) - 1];
}

inline std::pair<double, double> range(const DiscreteLaw& d) {
  return {d.values.front(), d.values.back()};
}

inline double mean(const DiscreteLaw& d) {
  double m = 0.0;
  for (std::size_t j = 0; j < d.values.size(); ++j) m += d.probabilities[j] * d.values[j];
  return m;
}

inline double standard_deviation(const DiscreteLaw& d) {
  const double m = mean(d);
  double v = 0.0;
  for (std::size_t j = 0; j < d.values.size(); ++j)
    v += d.probabilities[j] * (d.values[j] - m) * (d.values[j] - m);
  return std::sqrt(v);
}

}  // namespace detail

/// @brief A univariate distribution of an uncertain input. Build one with uniform(),
/// triangular(), normal(), lognormal(), lognormal_log() or discrete().
class Distribution {
 public:
  /// @brief The family.
  /// @return the kind
  DistributionKind kind() const { return kind_; }

  /// @brief Inverse CDF: the smallest x with F(x) >= u.
  /// @param u probability in [0, 1]
  /// @return x; -inf / +inf at u = 0 / 1 for the normal family (+inf for lognormal at 1)
  /// @throws std::domain_error unless 0 <= u <= 1
  double quantile(double u) const {
    check_bounded("Distribution.quantile", "u", u, 0.0, 1.0);
    return std::visit(
        [u](const auto& law) {
          using boost::math::quantile;
          return quantile(law, u);
        },
        law_);
  }

  /// @brief Cumulative distribution function F(x) = P(X <= x).
  /// @param x a value (+-inf allowed)
  /// @return F(x) in [0, 1]
  /// @throws std::domain_error on NaN
  double cdf(double x) const {
    if (std::isnan(x)) check_finite("Distribution.cdf", "x", x);
    return std::visit(
        [x](const auto& law) {
          using boost::math::cdf;
          using boost::math::range;
          const auto [lo, hi] = range(law);
          if (x < lo) return 0.0;
          if (x >= hi) return 1.0;
          return cdf(law, x);
        },
        law_);
  }

  /// @brief Expected value.
  /// @return E[X]
  double mean() const {
    return std::visit(
        [](const auto& law) {
          using boost::math::mean;
          return mean(law);
        },
        law_);
  }

  /// @brief Standard deviation.
  /// @return sd(X)
  double sd() const {
    return std::visit(
        [](const auto& law) {
          using boost::math::standard_deviation;
          return standard_deviation(law);
        },
        law_);
  }

  /// @brief The distribution as written by its factory, e.g. "triangular(low=1, mode=2, high=4)".
  /// @return a readable description
  const std::string& describe() const { return description_; }

  /// @brief Uniform on [low, high].
  /// @param low lower bound
  /// @param high upper bound (> low)
  /// @return the distribution
  /// @throws std::invalid_argument on a non-finite bound or low >= high
  static Distribution uniform(double low, double high) {
    const std::string where = "uniform";
    detail::require(std::isfinite(low), where, "low", low, "must be finite");
    detail::require(std::isfinite(high), where, "high", high, "must be finite");
    detail::require(low < high, where, "low", low,
                    "must be less than high = " + detail::number(high));
    return Distribution(
        DistributionKind::uniform,
        boost::math::uniform_distribution<double, detail::QuantilePolicy>(low, high),
        "uniform(low=" + detail::number(low) + ", high=" + detail::number(high) + ")");
  }

  /// @brief Triangular on [low, high] with its mode.
  /// @param low lower bound
  /// @param mode most likely value, low <= mode <= high
  /// @param high upper bound (> low)
  /// @return the distribution
  /// @throws std::invalid_argument on a non-finite parameter, low >= high or mode outside
  static Distribution triangular(double low, double mode, double high) {
    const std::string where = "triangular";
    detail::require(std::isfinite(low), where, "low", low, "must be finite");
    detail::require(std::isfinite(mode), where, "mode", mode, "must be finite");
    detail::require(std::isfinite(high), where, "high", high, "must be finite");
    detail::require(low < high, where, "low", low,
                    "must be less than high = " + detail::number(high));
    detail::require(
        low <= mode && mode <= high, where, "mode", mode,
        "must lie in [low, high] = [" + detail::number(low) + ", " + detail::number(high) + "]");
    return Distribution(
        DistributionKind::triangular,
        boost::math::triangular_distribution<double, detail::QuantilePolicy>(low, mode, high),
        "triangular(low=" + detail::number(low) + ", mode=" + detail::number(mode) +
            ", high=" + detail::number(high) + ")");
  }

  /// @brief Normal with mean and standard deviation.
  /// @param mean mean
  /// @param sd standard deviation (> 0)
  /// @return the distribution
  /// @throws std::invalid_argument on a non-finite mean or sd <= 0
  static Distribution normal(double mean, double sd) {
    const std::string where = "normal";
    detail::require(std::isfinite(mean), where, "mean", mean, "must be finite");
    detail::require(std::isfinite(sd) && sd > 0.0, where, "sd", sd, "must be positive and finite");
    return Distribution(DistributionKind::normal,
                        boost::math::normal_distribution<double, detail::QuantilePolicy>(mean, sd),
                        "normal(mean=" + detail::number(mean) + ", sd=" + detail::number(sd) + ")");
  }

  /// @brief Lognormal given the mean and standard deviation OF THE VARIABLE itself (not of its
  /// logarithm): sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2.
  /// @param mean mean of X (> 0)
  /// @param sd standard deviation of X (> 0)
  /// @return the distribution
  /// @throws std::invalid_argument on mean <= 0 or sd <= 0 (or non-finite)
  static Distribution lognormal(double mean, double sd) {
    const std::string where = "lognormal";
    detail::require(std::isfinite(mean) && mean > 0.0, where, "mean", mean,
                    "must be positive and finite");
    detail::require(std::isfinite(sd) && sd > 0.0, where, "sd", sd, "must be positive and finite");
    const double sigma2 = std::log1p((sd / mean) * (sd / mean));
    Distribution d = lognormal_log(std::log(mean) - sigma2 / 2.0, std::sqrt(sigma2));
    d.description_ = "lognormal(mean=" + detail::number(mean) + ", sd=" + detail::number(sd) + ")";
    return d;
  }

  /// @brief Lognormal given mu and sigma of ln X (X = exp(N(mu, sigma))).
  /// @param mu mean of ln X
  /// @param sigma standard deviation of ln X (> 0)
  /// @return the distribution
  /// @throws std::invalid_argument on a non-finite mu or sigma <= 0
  static Distribution lognormal_log(double mu, double sigma) {
    const std::string where = "lognormal_log";
    detail::require(std::isfinite(mu), where, "mu", mu, "must be finite");
    detail::require(std::isfinite(sigma) && sigma > 0.0, where, "sigma", sigma,
                    "must be positive and finite");
    return Distribution(
        DistributionKind::lognormal,
        boost::math::lognormal_distribution<double, detail::QuantilePolicy>(mu, sigma),
        "lognormal_log(mu=" + detail::number(mu) + ", sigma=" + detail::number(sigma) + ")");
  }

  /// @brief Discrete law: value j with probability weights[j] / sum(weights).
  /// @param values the values (finite; any order, duplicates add up)
  /// @param weights non-negative weights, same size, positive sum
  /// @return the distribution
  /// @throws std::invalid_argument on empty or mismatched inputs, a non-finite value, a
  ///   negative or non-finite weight, or weights that sum to 0
  static Distribution discrete(const std::vector<double>& values,
                               const std::vector<double>& weights) {
    const std::string where = "discrete";
    if (values.empty()) throw std::invalid_argument(where + ": values is empty");
    check_size_match(where, "values", values.size(), "weights", weights.size());
    double total = 0.0;
    for (std::size_t j = 0; j < values.size(); ++j) {
      detail::require(std::isfinite(values[j]), where, "values[" + std::to_string(j) + "]",
                      values[j], "must be finite");
      detail::require(std::isfinite(weights[j]) && weights[j] >= 0.0, where,
                      "weights[" + std::to_string(j) + "]", weights[j],
                      "must be non-negative and finite");
      total += weights[j];
    }
    detail::require(total > 0.0, where, "sum(weights)", total, "must be positive");
    std::vector<std::size_t> order(values.size());
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    detail::DiscreteLaw law;
    double running = 0.0;
    std::ostringstream text;
    text.precision(15);
    text << "discrete(values=[";
    for (std::size_t j = 0; j < order.size(); ++j) {
      law.values.push_back(values[order[j]]);
      law.probabilities.push_back(weights[order[j]] / total);
      running += weights[order[j]];
      law.cumulative.push_back(running / total);
      text << (j ? ", " : "") << values[j];
    }
    text << "], weights=[";
    for (std::size_t j = 0; j < weights.size(); ++j) text << (j ? ", " : "") << weights[j];
    text << "])";
    // The last value of positive weight closes the distribution at exactly 1.
    for (std::size_t j = law.cumulative.size(); j-- > 0;) {
      law.cumulative[j] = 1.0;
      if (law.probabilities[j] > 0.0) break;
    }
    return Distribution(DistributionKind::discrete, std::move(law), text.str());
  }

 private:
  using Law = std::variant<boost::math::uniform_distribution<double, detail::QuantilePolicy>,
                           boost::math::triangular_distribution<double, detail::QuantilePolicy>,
                           boost::math::normal_distribution<double, detail::QuantilePolicy>,
                           boost::math::lognormal_distribution<double, detail::QuantilePolicy>,
                           detail::DiscreteLaw>;

  Distribution(DistributionKind kind, Law law, std::string description)
      : kind_(kind), law_(std::move(law)), description_(std::move(description)) {}

  DistributionKind kind_;
  Law law_;
  std::string description_;
};

/// @brief Uniform on [low, high]; see Distribution::uniform.
/// @param low lower bound
/// @param high upper bound (> low)
/// @return the distribution
/// @throws std::invalid_argument on bad parameters
inline Distribution uniform(double low, double high) {
  return Distribution::uniform(low, high);
}

/// @brief Triangular; see Distribution::triangular.
/// @param low lower bound
/// @param mode most likely value
/// @param high upper bound
/// @return the distribution
/// @throws std::invalid_argument on bad parameters
inline Distribution triangular(double low, double mode, double high) {
  return Distribution::triangular(low, mode, high);
}

/// @brief Normal; see Distribution::normal.
/// @param mean mean
/// @param sd standard deviation (> 0)
/// @return the distribution
/// @throws std::invalid_argument on bad parameters
inline Distribution normal(double mean, double sd) {
  return Distribution::normal(mean, sd);
}

/// @brief Lognormal by the mean and sd of the variable; see Distribution::lognormal.
/// @param mean mean of X (> 0)
/// @param sd standard deviation of X (> 0)
/// @return the distribution
/// @throws std::invalid_argument on bad parameters
inline Distribution lognormal(double mean, double sd) {
  return Distribution::lognormal(mean, sd);
}

/// @brief Lognormal by mu and sigma of ln X; see Distribution::lognormal_log.
/// @param mu mean of ln X
/// @param sigma standard deviation of ln X (> 0)
/// @return the distribution
/// @throws std::invalid_argument on bad parameters
inline Distribution lognormal_log(double mu, double sigma) {
  return Distribution::lognormal_log(mu, sigma);
}

/// @brief Discrete law; see Distribution::discrete.
/// @param values the values
/// @param weights their weights
/// @return the distribution
/// @throws std::invalid_argument on bad parameters
inline Distribution discrete(const std::vector<double>& values,
                             const std::vector<double>& weights) {
  return Distribution::discrete(values, weights);
}

}  // namespace peakpath::analysis
