// SPDX-License-Identifier: Apache-2.0
// peakpath: Dormand-Prince 5(4) restarted at every kink of the inputs (the piecewise method).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "peakpath/stock/detail/capacity_system.hpp"

namespace peakpath::stock::detail {

/// Buffers of the piecewise integration, reused by every run on a thread: no allocation once
/// they have grown to the largest system.
struct PiecewiseWorkspace {
  std::vector<double> x, trial, kinks;
  std::array<std::vector<double>, 7> k;  // stage derivatives; k[0] holds f(t, x) (FSAL)
  Drivers drivers;
};

/// The workspace of the calling thread.
inline PiecewiseWorkspace& piecewise_workspace() {
  thread_local PiecewiseWorkspace workspace;
  return workspace;
}

/// Integrates @p system from @p x0 (the state at years.front()) and calls observe(x, row) at every
/// sample year (row 0 at the start).
///
/// Between two consecutive kinks of its inputs (points of the paths, sample years; see
/// CapacitySystem::kinks) every path is linear in time, so the right-hand side is smooth there
/// but for the mild kinks of the hazard tables and the state-dependent switches (draw limit,
/// investment at zero), and the 5th-order Dormand-Prince pair with step-size control (Hairer,
/// Norsett & Wanner, Solving ODEs I, II.4-5) reaches the tolerance in a few steps. Integrated
/// across the kinks instead, the error estimate is poor and steps are rejected. The
/// drivers are read through cursors (no search), the state lives in a reusable workspace, and
/// the derivative at the end of a step starts the next (FSAL; the right-hand side is continuous
/// in time, so also across a kink).
/// @throws IntegrationError (through system.fail) after @p max_steps step attempts within one
///         sample interval or when the step size underflows
// long: one Dormand-Prince step loop with its error control and kinks; split, its state would
// have to travel between the parts.
template <class Observe>
void integrate_piecewise(const CapacitySystem& system, const std::vector<double>& years,
                         const std::vector<double>& x0, double abs_tolerance, double rel_tolerance,
                         double max_step, int max_steps, Observe&& observe) {
  // Dormand & Prince (1980), RK5(4)7M: nodes c, matrix a, 5th-order weights b (= row 7 of a) and
  // e = b - b* (the difference to the embedded 4th-order weights).
  constexpr double c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9;
  constexpr double a21 = 1.0 / 5;
  constexpr double a31 = 3.0 / 40, a32 = 9.0 / 40;
  constexpr double a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9;
  constexpr double a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561,
                   a54 = -212.0 / 729;
  constexpr double a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176,
                   a65 = -5103.0 / 18656;
  constexpr double b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784,
                   b6 = 11.0 / 84;
  constexpr double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200,
                   e6 = 22.0 / 525, e7 = -1.0 / 40;

  PiecewiseWorkspace& w = piecewise_workspace();
  const std::size_t size = x0.size();
  w.x.assign(x0.begin(), x0.end());
  w.trial.resize(size);
  for (auto& k : w.k) k.resize(size);
  system.fit(w.drivers);
  system.kinks(w.kinks);
  std::vector<double>& x = w.x;
  std::vector<double>& y = w.trial;
  auto& k = w.k;
  Drivers& d = w.drivers;
  const auto rhs = [&](const std::vector<double>& state, double t, std::vector<double>& out) {
    system.drivers(t, d);
    system.rates(state, d, t, out);
  };

  // The right-hand side reads only the capacity states (base and new builds, the first 2n);
  // the cumulative flows are quadratures of it, needed at the end of a step only.
  const std::size_t feedback = 2 * system.layout().n;
  double t = years.front();
  observe(x, std::size_t{0});
  rhs(x, t, k[0]);
  double h = std::min(max_step, 0.1);  // the first guess; the controller adapts it
  std::size_t row = 1;
  int attempts = 0;  // in the current sample interval
  for (std::size_t s = 1; s < w.kinks.size(); ++s) {
    const double end = w.kinks[s];
    while (t < end) {
      if (++attempts > max_steps)
        system.fail(
            t, "more than " + std::to_string(max_steps) + " step attempts in one sample interval");
      h = std::min(h, max_step);
      // Land exactly on the kink, without leaving a sliver for a separate step (nor stepping
      // further than max_step).
      const bool last = end - t <= std::min(h * 1.01, max_step);
      const double step = last ? end - t : h;
      for (std::size_t i = 0; i < feedback; ++i) y[i] = x[i] + step * a21 * k[0][i];
      rhs(y, t + c2 * step, k[1]);
      for (std::size_t i = 0; i < feedback; ++i)
        y[i] = x[i] + step * (a31 * k[0][i] + a32 * k[1][i]);
      rhs(y, t + c3 * step, k[2]);
      for (std::size_t i = 0; i < feedback; ++i)
        y[i] = x[i] + step * (a41 * k[0][i] + a42 * k[1][i] + a43 * k[2][i]);
      rhs(y, t + c4 * step, k[3]);
      for (std::size_t i = 0; i < feedback; ++i)
        y[i] = x[i] + step * (a51 * k[0][i] + a52 * k[1][i] + a53 * k[2][i] + a54 * k[3][i]);
      rhs(y, t + c5 * step, k[4]);
      for (std::size_t i = 0; i < feedback; ++i)
        y[i] = x[i] + step * (a61 * k[0][i] + a62 * k[1][i] + a63 * k[2][i] + a64 * k[3][i] +
                              a65 * k[4][i]);
      const double t_new = last ? end : t + step;
      rhs(y, t_new, k[5]);
      for (std::size_t i = 0; i < size; ++i)
        y[i] = x[i] +
               step * (b1 * k[0][i] + b3 * k[2][i] + b4 * k[3][i] + b5 * k[4][i] + b6 * k[5][i]);
      system.rates(y, d, t_new, k[6]);  // the drivers at t_new are those of the stage before
      double norm = 0;
      for (std::size_t i = 0; i < size; ++i) {
        const double err = step * (e1 * k[0][i] + e3 * k[2][i] + e4 * k[3][i] + e5 * k[4][i] +
                                   e6 * k[5][i] + e7 * k[6][i]);
        // Odeint's error scale (the adaptive method's): eps_abs + eps_rel (|x| + h |dx/dt|).
        const double scale =
            abs_tolerance + rel_tolerance * (std::abs(x[i]) + step * std::abs(k[0][i]));
        norm = std::max(norm, std::abs(err) / scale);
      }
      // Step-size control h_new = h * 0.9 * norm^(-1/4), within [0.2, 5] x h: the exponent of
      // the 4th-order error estimate, as odeint shrinks steps (and no pow() per step).
      const double grow = norm > 0 ? 0.9 / std::sqrt(std::sqrt(norm)) : 5.0;
      if (norm <= 1.0) {
        std::swap(x, y);
        std::swap(k[0], k[6]);
        t = t_new;
        // A step cut short by the kink says nothing about the step size the next piece needs.
        h = last ? std::max(h, step * std::min(5.0, grow)) : step * std::min(5.0, grow);
      } else {
        h = step * std::max(0.2, grow);
        if (!(h > 1e-12 * std::max(1.0, std::abs(t)))) system.fail(t, "the step size underflows");
      }
    }
    if (row < years.size() && end == years[row]) {
      observe(x, row++);
      attempts = 0;
    }
  }
}

}  // namespace peakpath::stock::detail
