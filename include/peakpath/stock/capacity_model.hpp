// SPDX-License-Identifier: Apache-2.0
// peakpath: the description of a sector's capacity by technology class (data of the dynamics).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "peakpath/core/time_path.hpp"
#include "peakpath/diffusion/bass.hpp"
#include "peakpath/diffusion/logistic.hpp"
#include "peakpath/stock/lifetime.hpp"

namespace peakpath::stock {

/// @brief The weight of a technology class in the mix of new capacity, as a function of the
/// year. The mix is x_k(t) = w_k(t) / sum_j w_j(t), so weights need not sum to 1: prescribed
/// shares, a logistic substitution (new class logistic(t; 1, r, t0), old class
/// logistic(t; 1, -r, t0)) or a Bass curve all fit.
class ShareCurve {
 public:
  /// @brief Kind of curve.
  enum class Kind { path, logistic, bass };

  /// @brief A constant weight 1 (an even split among classes with constant weights).
  ShareCurve() : ShareCurve(TimePath(1.0)) {}

  /// @brief A prescribed weight path (values >= 0).
  /// @throws std::domain_error on a negative value
  explicit ShareCurve(TimePath path) : kind_(Kind::path), path_(std::move(path)) {
    for (std::size_t i = 0; i < path_.values().size(); ++i)
      check_nonnegative("ShareCurve", "weight", path_.values()[i], static_cast<std::ptrdiff_t>(i));
  }

  /// @brief Weight K / (1 + e^{-r (t - t0)}).
  /// @throws std::domain_error on a negative @p K or a non-finite parameter
  static ShareCurve logistic(double K, double r, double t0) {
    check_nonnegative("ShareCurve.logistic", "K", K);
    check_finite("ShareCurve.logistic", "r", r);
    check_finite("ShareCurve.logistic", "t0", t0);
    return ShareCurve(Kind::logistic, K, r, t0, 0);
  }

  /// @brief Weight scale * F(t - launch) of a Bass curve (0 before launch).
  /// @throws std::domain_error on a bad coefficient or a negative scale
  static ShareCurve bass(double p, double q, double launch, double scale = 1.0) {
    diffusion::detail::check_bass("ShareCurve.bass", launch, p, q);
    check_nonnegative("ShareCurve.bass", "scale", scale);
    return ShareCurve(Kind::bass, p, q, launch, scale);
  }

  /// @brief The kind of curve.
  Kind kind() const { return kind_; }

  /// @brief The prescribed weight path (kind path; empty for the other kinds).
  const TimePath& path() const { return path_; }

  /// @brief The years where the weight has a kink: the points of a path, the launch of a Bass
  /// curve (a logistic curve has none).
  std::vector<double> kinks() const {
    switch (kind_) {
      case Kind::path:
        return path_.years();
      case Kind::bass:
        return {c_};
      case Kind::logistic:
        break;
    }
    return {};
  }

  /// @brief The weight at @p year (>= 0).
  double at(double year) const {
    switch (kind_) {
      case Kind::path:
        return path_.at(year);
      case Kind::logistic:
        return a_ / (1.0 + std::exp(-b_ * (year - c_)));
      case Kind::bass:
        return d_ * diffusion::detail::bass_F(year - c_, a_, b_);
    }
    return 0.0;
  }

 private:
  ShareCurve(Kind kind, double a, double b, double c, double d)
      : kind_(kind), a_(a), b_(b), c_(c), d_(d) {}

  Kind kind_;
  TimePath path_;
  double a_ = 0, b_ = 0, c_ = 0, d_ = 0;
};

/// @brief One technology class of a sector (e.g. BF-BOF below baseline, scrap EAF).
struct TechnologyClass {
  std::string name;  ///< class id, used in messages and results
  /// Lifetime law. New builds retire exponentially at rate 1 / lifetime.mean(); the base-year
  /// stock does too, or by its age distribution (CapacityModel::base_retirement).
  Lifetime lifetime = Lifetime::weibull(1.0, 30.0);
  /// Capacity at the base year by age 0, 1, 2, ... (years since commissioning); {total} if
  /// the age structure is unknown (then age 0 is assumed).
  std::vector<double> base_capacity_by_age;
  ShareCurve new_build_weight;  ///< weight in the mix of new capacity
  TimePath intensity;           ///< e.g. energy per unit of activity; empty = 0
  TimePath emission_factor;     ///< the cumulated quantity per unit of activity; empty = 0
};

/// @brief How the base-year stock retires.
enum class BaseRetirement {
  exponential,       ///< like new builds: rate 1 / mean lifetime
  age_distribution,  ///< each base-year age cohort survives SF(age + t - base) / SF(age)
};

/// @brief A sector's capacity model: classes and the investment rule.
struct CapacityModel {
  std::string sector;                    ///< sector id, named in errors
  std::vector<TechnologyClass> classes;  ///< at least one
  /// Years over which investment closes the gap between needed and surviving capacity.
  double adjustment_time = 2.0;
  /// Target utilisation u: needed capacity = activity / u (values > 0).
  TimePath target_utilisation{0.85};
  /// Reduction replacement ("two high" rules, C3): when set (values >= 1), new builds are at most
  /// (retirements + phase-out) / ratio, so capacity shrinks and output may fall short of demand.
  TimePath replacement_ratio;
  BaseRetirement base_retirement = BaseRetirement::exponential;  ///< see BaseRetirement
  /// With age_distribution: > 0 tabulates the base stock's hazard every this many years and
  /// interpolates (much faster, error of order step^2); 0 evaluates it exactly.
  double hazard_table_step = 0.0;
};

/// @brief A retrofit flow converting capacity of class @c from into class @c to.
struct RetrofitFlow {
  std::size_t from = 0;  ///< source class index
  std::size_t to = 0;    ///< target class index
  TimePath rate;         ///< capacity per year (>= 0)
};

/// @brief Scenario inputs of the capacity dynamics.
struct CapacityInputs {
  /// Sample years (strictly increasing, at least 2); years[0] is the base year, where the
  /// state is the base-year capacity. Usually every model year.
  std::vector<double> years;
  TimePath activity;  ///< output per year (values >= 0)
  /// Capacity kept at least at this level whatever the activity (e.g. a planned fleet);
  /// empty: none (values >= 0).
  TimePath minimum_capacity;
  std::vector<TimePath> phase_out;      ///< per class, capacity per year; {} or empty paths: none
  std::vector<RetrofitFlow> retrofits;  ///< retrofit flows between classes
};

/// @brief The capacity needed at @p year: activity / target utilisation, at least the
/// inputs' minimum capacity.
inline double needed_capacity(const CapacityModel& model, const CapacityInputs& inputs,
                              double year) {
  const double needed = inputs.activity.at(year) / model.target_utilisation.at(year);
  return inputs.minimum_capacity.empty() ? needed
                                         : std::max(needed, inputs.minimum_capacity.at(year));
}

}  // namespace peakpath::stock
