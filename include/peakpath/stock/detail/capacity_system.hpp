// SPDX-License-Identifier: Apache-2.0
// peakpath: the right-hand side of the capacity dynamics (state layout, rates, flows).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "peakpath/core/error.hpp"
#include "peakpath/stock/capacity_model.hpp"
#include "peakpath/stock/detail/path_cursor.hpp"

namespace peakpath::stock::detail {

/// Phase-out and retrofit draw at most capacity / MIN_DRAW_TIME per year from a class, so a
/// requested amount larger than what is left empties the class smoothly, never below zero.
constexpr double MIN_DRAW_TIME = 1.0 / 12.0;

/// State layout, n = number of classes: [base B (n) | new builds N (n) | cumulative new builds,
/// retirement, phase-out, retrofit in, retrofit out (n each) | cumulative quantity (1)].
struct StateLayout {
  std::size_t n;
  std::size_t base(std::size_t k) const { return k; }
  std::size_t fresh(std::size_t k) const { return n + k; }
  std::size_t cum_new(std::size_t k) const { return 2 * n + k; }
  std::size_t cum_retired(std::size_t k) const { return 3 * n + k; }
  std::size_t cum_phase_out(std::size_t k) const { return 4 * n + k; }
  std::size_t cum_retrofit_in(std::size_t k) const { return 5 * n + k; }
  std::size_t cum_retrofit_out(std::size_t k) const { return 6 * n + k; }
  std::size_t cumulative() const { return 7 * n; }
  std::size_t size() const { return 7 * n + 1; }
};

/// Rates of the base-year vintage retiring by its age distribution:
/// B0(tau) = sum_a w_a SF(a + tau), -dB0/dtau = sum_a w_a pdf(a + tau), w_a = b_a / SF(a).
struct AgedVintage {
  std::vector<double> weights;  // w_a
  double table_step = 0;        // > 0: hazard read from `table`, tabulated every table_step years
  std::shared_ptr<const std::vector<double>> table;

  double exact_hazard(const Lifetime& lifetime, double tau) const {
    double alive = 0, dying = 0;
    for (std::size_t a = 0; a < weights.size(); ++a) {
      if (weights[a] == 0) continue;
      alive += weights[a] * lifetime.sf(static_cast<double>(a) + tau);
      dying += weights[a] * lifetime.pdf(static_cast<double>(a) + tau);
    }
    return alive > 0 ? dying / alive : 0.0;
  }

  /// Tabulates the hazard over [0, span]: it depends on time only, not on the state, so the
  /// tables live in one process-wide cache, built once and then shared read-only by every run
  /// on every thread (a batch of runs on one dataset builds each table once).
  void tabulate(const Lifetime& lifetime, double span, double step) {
    table_step = step;
    const auto [p1, p2] = lifetime.parameters();
    std::vector<double> key = {static_cast<double>(lifetime.kind()), p1, p2, span, step};
    key.insert(key.end(), weights.begin(), weights.end());
    static std::mutex mutex;
    static std::map<std::vector<double>, std::shared_ptr<const std::vector<double>>> cache;
    {
      const std::lock_guard<std::mutex> lock(mutex);
      if (const auto hit = cache.find(key); hit != cache.end()) {
        table = hit->second;
        return;
      }
    }
    auto built = std::make_shared<std::vector<double>>();
    for (double tau = 0; tau <= span + step; tau += step)
      built->push_back(exact_hazard(lifetime, tau));
    const std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() > 256) cache.clear();  // bounded: datasets have few classes
    table = cache.emplace(std::move(key), std::move(built)).first->second;
  }

  double hazard(const Lifetime& lifetime, double tau) const {
    if (table_step <= 0) return exact_hazard(lifetime, tau);
    const std::vector<double>& t = *table;
    const double x = std::max(0.0, tau) / table_step;
    const auto i = std::min(static_cast<std::size_t>(x), t.size() - 2);
    const double w = std::min(1.0, x - static_cast<double>(i));
    return t[i] + w * (t[i + 1] - t[i]);
  }
};

/// The inputs of the right-hand side that depend on time only, at one time.
struct Drivers {
  std::vector<double> base_rate;  // retirement rate of the base vintage, per class
  std::vector<double> phase_out;  // requested phase-out, per class (0: none)
  std::vector<double> weight;     // new-build weight, per class
  std::vector<double> emission;   // emission factor, per class (0: none)
  std::vector<double> retrofit;   // requested rate, per retrofit flow
  double activity = 0;
  double needed = 0;  // needed capacity: activity / utilisation, at least the minimum
  double ratio = 0;   // replacement ratio; 0: none
};

/// The ODE system: time-only inputs (drivers()) and the rates they give (rates()), for the
/// piecewise stepper and, through operator(), for odeint with any state type indexable by
/// std::size_t.
class CapacitySystem {
 public:
  CapacitySystem(const CapacityModel& model, const CapacityInputs& inputs,
                 std::vector<AgedVintage> vintages, double* last_time)
      : model_(model),
        inputs_(inputs),
        layout_{model.classes.size()},
        vintages_(std::move(vintages)),
        last_time_(last_time),
        new_rate_(model.classes.size()),
        capacity_(model.classes.size()),
        natural_(model.classes.size()),
        factor_(model.classes.size()),
        activity_(&inputs.activity),
        utilisation_(&model.target_utilisation),
        minimum_(inputs.minimum_capacity.empty() ? nullptr : &inputs.minimum_capacity),
        ratio_(model.replacement_ratio.empty() ? nullptr : &model.replacement_ratio) {
    const std::size_t n = model.classes.size();
    // The mean lifetime needs a gamma function for Weibull laws: compute it once.
    for (std::size_t k = 0; k < n; ++k) new_rate_[k] = 1.0 / model.classes[k].lifetime.mean();
    for (std::size_t k = 0; k < n; ++k) {
      const TechnologyClass& c = model.classes[k];
      const bool phased = !inputs.phase_out.empty() && !inputs.phase_out[k].empty();
      phase_out_.emplace_back(phased ? &inputs.phase_out[k] : nullptr);
      const bool by_path = c.new_build_weight.kind() == ShareCurve::Kind::path;
      weight_.emplace_back(by_path ? &c.new_build_weight.path() : nullptr);
      emission_.emplace_back(c.emission_factor.empty() ? nullptr : &c.emission_factor);
    }
    for (const RetrofitFlow& r : inputs.retrofits) retrofit_.emplace_back(&r.rate);
    fit(drivers_);
  }

  const StateLayout& layout() const { return layout_; }

  /// Sizes @p d for this system (no allocation when it is already large enough).
  void fit(Drivers& d) const {
    const std::size_t n = layout_.n;
    d.base_rate.resize(n);
    d.phase_out.resize(n);
    d.weight.resize(n);
    d.emission.resize(n);
    d.retrofit.resize(inputs_.retrofits.size());
  }

  /// The time-only inputs at @p t.
  void drivers(double t, Drivers& d) const {
    const std::size_t n = layout_.n;
    const double base_year = inputs_.years.front();
    for (std::size_t k = 0; k < n; ++k) {
      const TechnologyClass& c = model_.classes[k];
      d.base_rate[k] =
          vintages_.empty() ? new_rate_[k] : vintages_[k].hazard(c.lifetime, t - base_year);
      d.phase_out[k] = phase_out_[k].empty() ? 0.0 : phase_out_[k].at(t);
      d.weight[k] = weight_[k].empty() ? c.new_build_weight.at(t) : weight_[k].at(t);
      d.emission[k] = emission_[k].empty() ? 0.0 : emission_[k].at(t);
    }
    for (std::size_t i = 0; i < retrofit_.size(); ++i) d.retrofit[i] = retrofit_[i].at(t);
    d.activity = activity_.at(t);
    d.needed = d.activity / utilisation_.at(t);
    if (!minimum_.empty()) d.needed = std::max(d.needed, minimum_.at(t));
    d.ratio = ratio_.empty() ? 0.0 : ratio_.at(t);
  }

  /// The right-hand side for odeint: drivers at @p t, then rates().
  template <class State>
  void operator()(const State& x, State& dxdt, double t) const {
    drivers(t, drivers_);
    rates(x, drivers_, t, dxdt);
  }

  /// The rates of every state at @p t given the drivers @p d at that time.
  template <class State>
  void rates(const State& x, const Drivers& d, double t, State& dxdt) const {
    *last_time_ = t;
    const std::size_t n = layout_.n;
    // Scratch buffers live in the (per-integration) system: no allocation per evaluation.
    std::vector<double>& capacity = capacity_;
    std::vector<double>& natural = natural_;
    std::vector<double>& factor = factor_;
    double total = 0, replaced = 0, weight_sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double b = std::max(x[layout_.base(k)], 0.0);
      const double f = std::max(x[layout_.fresh(k)], 0.0);
      capacity[k] = b + f;
      total += capacity[k];
      const double new_rate = new_rate_[k];
      const double base_rate = d.base_rate[k];
      natural[k] = base_rate * b + new_rate * f;
      dxdt[layout_.base(k)] = -base_rate * b;
      dxdt[layout_.fresh(k)] = -new_rate * f;
      factor[k] = d.phase_out[k];  // the requested draws, turned into a factor below
      weight_sum += d.weight[k];
    }
    for (std::size_t i = 0; i < inputs_.retrofits.size(); ++i)
      factor[inputs_.retrofits[i].from] += d.retrofit[i];
    for (std::size_t k = 0; k < n; ++k) {
      const double requested = factor[k];
      const double limit = capacity[k] / MIN_DRAW_TIME;
      factor[k] = requested > limit ? limit / requested : 1.0;
      dxdt[layout_.cum_retrofit_in(k)] = 0;
      dxdt[layout_.cum_retrofit_out(k)] = 0;
    }
    // Draws (phase-out, retrofit out) come from the base vintage and new builds in proportion.
    const auto draw = [&](std::size_t k, double amount) {
      if (capacity[k] <= 0) return;
      dxdt[layout_.base(k)] -= amount * std::max(x[layout_.base(k)], 0.0) / capacity[k];
      dxdt[layout_.fresh(k)] -= amount * std::max(x[layout_.fresh(k)], 0.0) / capacity[k];
    };
    for (std::size_t i = 0; i < inputs_.retrofits.size(); ++i) {
      const RetrofitFlow& r = inputs_.retrofits[i];
      const double amount = d.retrofit[i] * factor[r.from];
      draw(r.from, amount);
      dxdt[layout_.fresh(r.to)] += amount;
      dxdt[layout_.cum_retrofit_out(r.from)] += amount;
      dxdt[layout_.cum_retrofit_in(r.to)] += amount;
    }
    for (std::size_t k = 0; k < n; ++k) {
      const double phase = d.phase_out[k] * factor[k];
      draw(k, phase);
      dxdt[layout_.cum_phase_out(k)] = phase;
      dxdt[layout_.cum_retired(k)] = natural[k];
      replaced += natural[k] + phase;
    }
    // Investment replaces what leaves and closes the gap to the needed capacity.
    double investment = std::max(0.0, replaced + (d.needed - total) / model_.adjustment_time);
    // Reduction replacement: new capacity only against `ratio` times as much removed.
    if (d.ratio > 0) investment = std::min(investment, replaced / d.ratio);
    if (investment > 0 && !(weight_sum > 0)) fail(t, "the new-build weights of all classes are 0");
    double quantity_rate = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double mix = weight_sum > 0 ? d.weight[k] / weight_sum : 0.0;
      const double built = investment * mix;
      dxdt[layout_.fresh(k)] += built;
      dxdt[layout_.cum_new(k)] = built;
      // Activity is split over classes by capacity (by the new-build mix while there is none).
      const double share = total > 0 ? capacity[k] / total : mix;
      quantity_rate += d.activity * share * d.emission[k];
    }
    dxdt[layout_.cumulative()] = quantity_rate;
    double probe = 0;  // NaN when a rate is not finite (inf * 0 is NaN)
    for (std::size_t i = 0; i < layout_.size(); ++i) probe += dxdt[i] * 0.0;
    if (!(probe == 0)) {
      std::ostringstream why;
      why << "a rate is not finite (needed capacity " << d.needed << ", investment " << investment
          << ")";
      fail(t, why.str());
    }
  }

  /// Throws IntegrationError naming the sector and the year of @p t.
  [[noreturn]] void fail(double t, const std::string& why) const {
    std::ostringstream out;
    out << "capacity dynamics of sector '" << model_.sector << "' failed in year "
        << static_cast<long long>(std::floor(t)) << ": " << why;
    throw IntegrationError(out.str());
  }

  /// The times where a driver has a kink (a point of a path, the launch of a Bass weight) in
  /// (years.front(), years.back()), with the sample years, sorted and unique, into @p out.
  /// The nodes of the hazard tables are not among them: their kinks are mild (the table samples
  /// a smooth hazard), and stopping at every quarter year took twice as many steps as leaving
  /// them to the step-size control (docs/benchmarks.md).
  void kinks(std::vector<double>& out) const {
    const double first = inputs_.years.front(), last = inputs_.years.back();
    out.assign(inputs_.years.begin(), inputs_.years.end());
    const auto add = [&](const TimePath* path) {
      if (path == nullptr) return;
      for (double y : path->years())
        if (y > first && y < last) out.push_back(y);
    };
    add(&inputs_.activity);
    add(&model_.target_utilisation);
    if (!inputs_.minimum_capacity.empty()) add(&inputs_.minimum_capacity);
    if (!model_.replacement_ratio.empty()) add(&model_.replacement_ratio);
    for (std::size_t k = 0; k < layout_.n; ++k) {
      const TechnologyClass& c = model_.classes[k];
      if (!inputs_.phase_out.empty() && !inputs_.phase_out[k].empty()) add(&inputs_.phase_out[k]);
      for (double y : c.new_build_weight.kinks())
        if (y > first && y < last) out.push_back(y);
      if (!c.emission_factor.empty()) add(&c.emission_factor);
    }
    for (const RetrofitFlow& r : inputs_.retrofits) add(&r.rate);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }

 private:
  /// A cursor on an optional path: empty() when the path is not set.
  struct OptionalCursor {
    explicit OptionalCursor(const TimePath* path) : set(path != nullptr), cursor(path) {}
    bool empty() const { return !set; }
    double at(double t) const { return cursor.at(t); }
    bool set;
    PathCursor cursor;
  };

  const CapacityModel& model_;
  const CapacityInputs& inputs_;
  StateLayout layout_;
  std::vector<AgedVintage> vintages_;  // empty: the base stock retires exponentially
  double* last_time_;                  // where the integration got to, for error messages
  std::vector<double> new_rate_;       // 1 / mean lifetime per class
  mutable std::vector<double> capacity_, natural_, factor_;
  PathCursor activity_, utilisation_;
  OptionalCursor minimum_, ratio_;
  std::vector<OptionalCursor> phase_out_, weight_, emission_;
  std::vector<PathCursor> retrofit_;
  mutable Drivers drivers_;  // for operator()
};

}  // namespace peakpath::stock::detail
