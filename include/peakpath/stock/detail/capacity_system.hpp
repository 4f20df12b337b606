// SPDX-License-Identifier: Apache-2.0
// peakpath: the right-hand side of the capacity dynamics (state layout, rates, flows).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "peakpath/core/error.hpp"
#include "peakpath/stock/capacity_model.hpp"

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
  std::vector<double> table;

  double exact_hazard(const Lifetime& lifetime, double tau) const {
    double alive = 0, dying = 0;
    for (std::size_t a = 0; a < weights.size(); ++a) {
      if (weights[a] == 0) continue;
      alive += weights[a] * lifetime.sf(static_cast<double>(a) + tau);
      dying += weights[a] * lifetime.pdf(static_cast<double>(a) + tau);
    }
    return alive > 0 ? dying / alive : 0.0;
  }

  /// Tabulates the hazard over [0, span]: it depends on time only, not on the state, so a
  /// batch of runs on one dataset computes each table once per thread (a small cache).
  void tabulate(const Lifetime& lifetime, double span, double step) {
    table_step = step;
    const auto [p1, p2] = lifetime.parameters();
    std::vector<double> key = {static_cast<double>(lifetime.kind()), p1, p2, span, step};
    key.insert(key.end(), weights.begin(), weights.end());
    thread_local std::map<std::vector<double>, std::vector<double>> cache;
    if (const auto hit = cache.find(key); hit != cache.end()) {
      table = hit->second;
      return;
    }
    table.clear();
    for (double tau = 0; tau <= span + step; tau += step)
      table.push_back(exact_hazard(lifetime, tau));
    if (cache.size() > 256) cache.clear();  // bounded: datasets have few classes
    cache.emplace(std::move(key), table);
  }

  double hazard(const Lifetime& lifetime, double tau) const {
    if (table_step <= 0) return exact_hazard(lifetime, tau);
    const double x = std::max(0.0, tau) / table_step;
    const auto i = std::min(static_cast<std::size_t>(x), table.size() - 2);
    const double w = std::min(1.0, x - static_cast<double>(i));
    return table[i] + w * (table[i + 1] - table[i]);
  }
};

/// The ODE system; called by odeint with any state type indexable by std::size_t.
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
        requested_(model.classes.size()),
        factor_(model.classes.size()),
        weight_(model.classes.size()) {
    // The mean lifetime needs a gamma function for Weibull laws: compute it once.
    for (std::size_t k = 0; k < model.classes.size(); ++k)
      new_rate_[k] = 1.0 / model.classes[k].lifetime.mean();
  }

  const StateLayout& layout() const { return layout_; }

  template <class State>
  void operator()(const State& x, State& dxdt, double t) const {
    *last_time_ = t;
    const std::size_t n = layout_.n;
    const double base_year = inputs_.years.front();
    // Scratch buffers live in the (per-integration) system: no allocation per evaluation.
    std::vector<double>& capacity = capacity_;
    std::vector<double>& natural = natural_;
    std::vector<double>& requested = requested_;
    std::vector<double>& factor = factor_;
    std::vector<double>& weight = weight_;
    std::fill(requested.begin(), requested.end(), 0.0);
    std::fill(factor.begin(), factor.end(), 1.0);
    double total = 0, replaced = 0, weight_sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const TechnologyClass& c = model_.classes[k];
      const double b = std::max(x[layout_.base(k)], 0.0);
      const double f = std::max(x[layout_.fresh(k)], 0.0);
      capacity[k] = b + f;
      total += capacity[k];
      const double new_rate = new_rate_[k];
      const double base_rate =
          vintages_.empty() ? new_rate : vintages_[k].hazard(c.lifetime, t - base_year);
      natural[k] = base_rate * b + new_rate * f;
      dxdt[layout_.base(k)] = -base_rate * b;
      dxdt[layout_.fresh(k)] = -new_rate * f;
      if (!inputs_.phase_out.empty() && !inputs_.phase_out[k].empty())
        requested[k] = inputs_.phase_out[k].at(t);
      weight[k] = c.new_build_weight.at(t);
      weight_sum += weight[k];
    }
    for (const RetrofitFlow& r : inputs_.retrofits) requested[r.from] += r.rate.at(t);
    for (std::size_t k = 0; k < n; ++k) {
      const double limit = capacity[k] / MIN_DRAW_TIME;
      if (requested[k] > limit) factor[k] = limit / requested[k];
      dxdt[layout_.cum_retrofit_in(k)] = 0;
      dxdt[layout_.cum_retrofit_out(k)] = 0;
    }
    // Draws (phase-out, retrofit out) come from the base vintage and new builds in proportion.
    const auto draw = [&](std::size_t k, double amount) {
      if (capacity[k] <= 0) return;
      dxdt[layout_.base(k)] -= amount * std::max(x[layout_.base(k)], 0.0) / capacity[k];
      dxdt[layout_.fresh(k)] -= amount * std::max(x[layout_.fresh(k)], 0.0) / capacity[k];
    };
    for (const RetrofitFlow& r : inputs_.retrofits) {
      const double amount = r.rate.at(t) * factor[r.from];
      draw(r.from, amount);
      dxdt[layout_.fresh(r.to)] += amount;
      dxdt[layout_.cum_retrofit_out(r.from)] += amount;
      dxdt[layout_.cum_retrofit_in(r.to)] += amount;
    }
    for (std::size_t k = 0; k < n; ++k) {
      double phase = 0;
      if (!inputs_.phase_out.empty() && !inputs_.phase_out[k].empty())
        phase = inputs_.phase_out[k].at(t) * factor[k];
      draw(k, phase);
      dxdt[layout_.cum_phase_out(k)] = phase;
      dxdt[layout_.cum_retired(k)] = natural[k];
      replaced += natural[k] + phase;
    }
    // Investment replaces what leaves and closes the gap to the needed capacity.
    const double activity = inputs_.activity.at(t);
    const double needed = needed_capacity(model_, inputs_, t);
    double investment = std::max(0.0, replaced + (needed - total) / model_.adjustment_time);
    // Reduction replacement: new capacity only against `ratio` times as much removed.
    if (!model_.replacement_ratio.empty())
      investment = std::min(investment, replaced / model_.replacement_ratio.at(t));
    if (investment > 0 && !(weight_sum > 0)) fail(t, "the new-build weights of all classes are 0");
    double quantity_rate = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double mix = weight_sum > 0 ? weight[k] / weight_sum : 0.0;
      const double built = investment * mix;
      dxdt[layout_.fresh(k)] += built;
      dxdt[layout_.cum_new(k)] = built;
      // Activity is split over classes by capacity (by the new-build mix while there is none).
      const double share = total > 0 ? capacity[k] / total : mix;
      const TimePath& ef = model_.classes[k].emission_factor;
      if (!ef.empty()) quantity_rate += activity * share * ef.at(t);
    }
    dxdt[layout_.cumulative()] = quantity_rate;
    for (std::size_t i = 0; i < layout_.size(); ++i)
      if (!std::isfinite(dxdt[i])) {
        std::ostringstream why;
        why << "a rate is not finite (needed capacity " << needed << ", investment " << investment
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

 private:
  const CapacityModel& model_;
  const CapacityInputs& inputs_;
  StateLayout layout_;
  std::vector<AgedVintage> vintages_;  // empty: the base stock retires exponentially
  double* last_time_;                  // where the integration got to, for error messages
  std::vector<double> new_rate_;       // 1 / mean lifetime per class
  mutable std::vector<double> capacity_, natural_, requested_, factor_, weight_;
};

}  // namespace peakpath::stock::detail
