// SPDX-License-Identifier: Apache-2.0
// peakpath: variance-based sensitivity — Saltelli's sampling scheme, first-order (Saltelli 2010)
// and total (Jansen 1999) Sobol indices with bootstrap confidence intervals and a flag when the
// sample is too small for them to mean much.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/analysis/detail/counter_rng.hpp"
#include "peakpath/analysis/detail/linear_quantile.hpp"
#include "peakpath/analysis/sampler.hpp"
#include "peakpath/core/check.hpp"

namespace peakpath::analysis {

/// @brief Sobol indices of one output with bootstrap percentile confidence intervals.
struct SobolIndices {
  Eigen::VectorXd first_order;       ///< S_i, one per input
  Eigen::VectorXd total;             ///< S_Ti, one per input
  Eigen::VectorXd first_order_low;   ///< lower confidence bound of S_i
  Eigen::VectorXd first_order_high;  ///< upper confidence bound of S_i
  Eigen::VectorXd total_low;         ///< lower confidence bound of S_Ti
  Eigen::VectorXd total_high;        ///< upper confidence bound of S_Ti
  double variance = 0.0;             ///< Var(Y) from the rows of A and B
  std::size_t n = 0;                 ///< base sample size N
  double confidence = 0.95;          ///< level of the intervals
  double max_interval_width = 0.1;   ///< the widest interval still counted as reliable
  /// false when an interval is wider than max_interval_width, an interval lies wholly outside
  /// [0, 1], or there are no intervals (no bootstrap)
  bool reliable = true;
  std::string warning;  ///< why not reliable (empty when reliable)
};

/// @brief Saltelli's design on (0, 1)^d: N rows of A, N of B, then N of each AB_i (A with column
/// i taken from B), stacked as [A; B; AB_1; ...; AB_d], (N (d + 2)) x d. A and B are the two
/// halves of one 2d-dimensional base design (Saltelli et al. 2010, Computer Physics
/// Communications 181:259, section 4).
/// @param n base sample size N (> 0; a power of two for the sobol base)
/// @param dimensions number of inputs d (> 0)
/// @param seed the base design's seed
/// @param base the base design (sobol by default)
/// @return the stacked design
/// @throws std::invalid_argument on n == 0 or dimensions == 0
inline Eigen::MatrixXd saltelli_design(std::size_t n, std::size_t dimensions, std::uint64_t seed,
                                       SamplerKind base = SamplerKind::sobol) {
  if (dimensions == 0)
    throw std::invalid_argument("saltelli_design: dimensions = 0: must be positive");
  const Eigen::MatrixXd ab = Sampler(base, n, 2 * dimensions, seed).uniform();
  const auto N = static_cast<Eigen::Index>(n), d = static_cast<Eigen::Index>(dimensions);
  Eigen::MatrixXd design(N * (d + 2), d);
  design.topRows(N) = ab.leftCols(d);
  design.middleRows(N, N) = ab.rightCols(d);
  for (Eigen::Index i = 0; i < d; ++i) {
    auto block = design.middleRows((i + 2) * N, N);
    block = ab.leftCols(d);
    block.col(i) = ab.col(d + i);
  }
  return design;
}

namespace detail {

/// Interpolated percentile (numpy's default "linear") of sorted values.
inline double sorted_percentile(const std::vector<double>& sorted, double q) {
  const auto p = linear_quantile_position(q, sorted.size());
  return numpy_lerp(sorted[p.lower], sorted[p.upper], p.weight);
}

/// Flags r unreliable, with the reason, when an interval is wider than r.max_interval_width or
/// lies wholly outside [0, 1] (an index estimate that sampling noise cannot reconcile with its
/// range).
inline void judge_reliability(SobolIndices& r, std::size_t n_bootstrap) {
  std::ostringstream why;
  why.precision(3);
  if (n_bootstrap == 0) {
    why << "no bootstrap resamples (n_bootstrap = 0): the indices have no confidence intervals, "
           "so their accuracy at N = "
        << r.n << " is unknown";
  } else {
    const auto check = [&](const char* name, const Eigen::VectorXd& value,
                           const Eigen::VectorXd& low, const Eigen::VectorXd& high) {
      for (Eigen::Index i = 0; i < value.size(); ++i) {
        const double width = high(i) - low(i);
        const bool wide = width > r.max_interval_width, outside = low(i) > 1.0 || high(i) < 0.0;
        if (!wide && !outside) continue;
        why << (why.tellp() > 0 ? "; " : "") << name << "[" << i << "] = " << value(i) << ", "
            << 100.0 * r.confidence << " % interval [" << low(i) << ", " << high(i) << "]";
        if (wide) why << " wider than " << r.max_interval_width;
        if (outside) why << (wide ? " and" : "") << " outside [0, 1]";
      }
    };
    check("S1", r.first_order, r.first_order_low, r.first_order_high);
    check("ST", r.total, r.total_low, r.total_high);
    if (why.tellp() > 0)
      why << ": N = " << r.n << " is too small for these indices to be meaningful; increase N";
  }
  r.warning = why.str();
  r.reliable = r.warning.empty();
}

/// S_i and S_Ti of all inputs from the rows listed in idx (a bootstrap resample or 0..N-1).
inline void sobol_estimates(const Eigen::VectorXd& y, Eigen::Index N, Eigen::Index d,
                            const std::vector<Eigen::Index>& idx, Eigen::Ref<Eigen::VectorXd> s1,
                            Eigen::Ref<Eigen::VectorXd> st, double& variance) {
  const auto m = static_cast<double>(idx.size());
  double sum = 0.0;
  for (Eigen::Index j : idx) sum += y(j) + y(N + j);
  const double mean = sum / (2.0 * m);
  double squares = 0.0;  // two passes: no cancellation when the mean is large
  for (Eigen::Index j : idx)
    squares += (y(j) - mean) * (y(j) - mean) + (y(N + j) - mean) * (y(N + j) - mean);
  variance = squares / (2.0 * m);
  for (Eigen::Index i = 0; i < d; ++i) {
    double v1 = 0.0, vt = 0.0;
    for (Eigen::Index j : idx) {
      const double fa = y(j), fb = y(N + j), fab = y((i + 2) * N + j);
      v1 += (fb - mean) * (fab - fa);  // Saltelli et al. (2010), Table 2 (b), on f - mean
      vt += (fa - fab) * (fa - fab);   // Jansen (1999), Table 2 (f)
    }
    s1(i) = v1 / m / variance;
    st(i) = vt / (2.0 * m) / variance;
  }
}

}  // namespace detail

/// @brief First-order and total Sobol indices from the model outputs on saltelli_design().
///
/// S_i = (1/N) sum_j (f(B)_j - m) (f(AB_i)_j - f(A)_j) / V and S_Ti = (1/2N) sum_j (f(A)_j -
/// f(AB_i)_j)^2 / V, with m and V the mean and variance of the outputs on A and B together
/// (Saltelli et al. 2010, Table 2 (b) and (f)). Centring f(B) leaves the expectation unchanged
/// (f(AB_i) - f(A) has mean zero) but removes a noise term proportional to the mean, which
/// swamps S_i when the output's mean is large against its spread (Mt of CO2; SALib's FAQ, "Why
/// does the Sobol' method implemented in SALib normalize outputs?"). The intervals are bootstrap
/// percentile intervals over the N base rows (resampled by a counter-based generator, so they
/// depend on the seed only), for S_i and S_Ti alike. The result is flagged unreliable (reliable =
/// false, with a warning naming each offending index) when any interval is wider than @p
/// max_interval_width or lies wholly outside [0, 1], or when there is no bootstrap to judge by.
/// @param y outputs in the design's row order, size N (d + 2), finite
/// @param dimensions number of inputs d
/// @param n_bootstrap number of bootstrap resamples (0: intervals collapse to the estimate)
/// @param confidence level of the intervals, in (0, 1)
/// @param seed the bootstrap's seed
/// @param max_interval_width the widest interval counted as reliable, in (0, 1]
/// @return the indices, their intervals and the reliability flag
/// @throws std::invalid_argument on dimensions == 0, a size that is not N (d + 2) with N >= 2
/// @throws std::domain_error on a non-finite output, a confidence outside (0, 1), a
///   max_interval_width outside (0, 1], or outputs of zero variance
inline SobolIndices sobol_indices(const Eigen::VectorXd& y, std::size_t dimensions,
                                  std::size_t n_bootstrap = 1000, double confidence = 0.95,
                                  std::uint64_t seed = 0, double max_interval_width = 0.1) {
  const std::string where = "sobol_indices";
  if (dimensions == 0) throw std::invalid_argument(where + ": dimensions = 0: must be positive");
  const auto d = static_cast<Eigen::Index>(dimensions);
  if (y.size() % (d + 2) != 0 || y.size() / (d + 2) < 2)
    throw std::invalid_argument(where + ": size of y (" + std::to_string(y.size()) +
                                ") must be N (dimensions + 2) = N * " + std::to_string(d + 2) +
                                " with N >= 2");
  for (Eigen::Index k = 0; k < y.size(); ++k) check_finite(where, "y", y(k), k);
  if (!(confidence > 0.0 && confidence < 1.0))
    throw std::domain_error(peakpath::detail::format_check_message(
        where, "confidence", -1, confidence, "must lie in (0, 1)"));
  if (!(max_interval_width > 0.0 && max_interval_width <= 1.0))
    throw std::domain_error(peakpath::detail::format_check_message(
        where, "max_interval_width", -1, max_interval_width, "must lie in (0, 1]"));
  const Eigen::Index N = y.size() / (d + 2);

  SobolIndices r;
  r.n = static_cast<std::size_t>(N);
  r.confidence = confidence;
  r.max_interval_width = max_interval_width;
  r.first_order.resize(d);
  r.total.resize(d);
  std::vector<Eigen::Index> idx(static_cast<std::size_t>(N));
  for (Eigen::Index j = 0; j < N; ++j) idx[static_cast<std::size_t>(j)] = j;
  detail::sobol_estimates(y, N, d, idx, r.first_order, r.total, r.variance);
  if (!(r.variance > 0.0))
    throw std::domain_error(peakpath::detail::format_check_message(
        where, "Var(y)", -1, r.variance, "the output must vary for indices to be defined"));

  r.first_order_low = r.first_order_high = r.first_order;
  r.total_low = r.total_high = r.total;
  if (n_bootstrap == 0) {
    detail::judge_reliability(r, n_bootstrap);
    return r;
  }
  Eigen::MatrixXd boot_s1(d, static_cast<Eigen::Index>(n_bootstrap));
  Eigen::MatrixXd boot_st(d, static_cast<Eigen::Index>(n_bootstrap));
  for (std::size_t b = 0; b < n_bootstrap; ++b) {
    for (std::size_t k = 0; k < idx.size(); ++k)
      idx[k] = static_cast<Eigen::Index>(detail::to_open_unit(detail::counter_hash(seed, b, k)) *
                                         static_cast<double>(N));
    double variance = 0.0;
    const auto col = static_cast<Eigen::Index>(b);
    detail::sobol_estimates(y, N, d, idx, boot_s1.col(col), boot_st.col(col), variance);
  }
  const double lo = (1.0 - confidence) / 2.0, hi = 1.0 - lo;
  std::vector<double> sorted(n_bootstrap);
  const auto interval = [&](const Eigen::MatrixXd& boot, Eigen::Index i, double& low,
                            double& high) {
    for (std::size_t b = 0; b < n_bootstrap; ++b) sorted[b] = boot(i, static_cast<Eigen::Index>(b));
    std::sort(sorted.begin(), sorted.end());
    low = detail::sorted_percentile(sorted, lo);
    high = detail::sorted_percentile(sorted, hi);
  };
  for (Eigen::Index i = 0; i < d; ++i) {
    interval(boot_s1, i, r.first_order_low(i), r.first_order_high(i));
    interval(boot_st, i, r.total_low(i), r.total_high(i));
  }
  detail::judge_reliability(r, n_bootstrap);
  return r;
}

}  // namespace peakpath::analysis
