// SPDX-License-Identifier: Apache-2.0
// peakpath: statistics accumulated one value at a time and merged across threads or workers:
// moments (Welford), quantiles (exact up to a capacity, then a log-bucket sketch with a relative
// error bound), probabilities and tallies of integer outcomes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/analysis/detail/linear_quantile.hpp"
#include "peakpath/core/check.hpp"

namespace peakpath::analysis {

/// @brief Counts per bucket index k in [offset, offset + counts.size()), grown on demand.
struct BucketCounts {
  std::int64_t offset = 0;            ///< index of counts[0]
  std::vector<std::uint64_t> counts;  ///< count per bucket

  /// @brief Adds @p c to bucket @p k.
  /// @param k bucket index
  /// @param c count to add
  void add(std::int64_t k, std::uint64_t c = 1) {
    if (counts.empty()) {
      offset = k;
      counts.assign(1, 0);
    } else if (k < offset) {
      counts.insert(counts.begin(), static_cast<std::size_t>(offset - k), 0);
      offset = k;
    } else if (k >= offset + static_cast<std::int64_t>(counts.size())) {
      counts.resize(static_cast<std::size_t>(k - offset + 1), 0);
    }
    counts[static_cast<std::size_t>(k - offset)] += c;
  }

  /// @brief Adds all counts of @p other.
  /// @param other another store
  void merge(const BucketCounts& other) {
    for (std::size_t j = 0; j < other.counts.size(); ++j)
      if (other.counts[j] != 0) add(other.offset + static_cast<std::int64_t>(j), other.counts[j]);
  }
};

/// @brief Count, mean, variance, extremes and quantiles of a stream of values, mergeable.
///
/// Moments by Welford's update and Chan, Golub & LeVeque's (1979) merge. quantile(q) follows
/// numpy's default ("linear") definition: it interpolates between order statistics floor(h) and
/// floor(h) + 1, h = q (n - 1). While n <= exact_capacity the values themselves are kept and
/// quantiles are numpy.percentile's, bit for bit. Beyond, order statistics come from a log-bucket
/// sketch in the manner of DDSketch (Masson, Rim & Lee 2019, PVLDB 12:2195), kept from the first
/// value on: x with |x| > min_magnitude falls in bucket k = ceil(log_gamma |x|), gamma = (1 + a) /
/// (1 - a), whose representative 2 gamma^k / (gamma + 1) is within relative error a of every
/// value in it; |x| <= min_magnitude counts as 0. Each order statistic is then within
/// max(a |x|, min_magnitude) of the exact one (the extremes are exact). Which of the two holds
/// depends on the total count only and bucket edges do not depend on the data, so merges are
/// exact: any grouping and order of merges gives identical quantiles. Memory: at most
/// exact_capacity values, plus buckets growing with log(max|x| / min|x|) / a, not with n.
/// Moments merged in a different order can differ in the last bits; merge per fixed block in
/// block order for bit-identical results.
class StreamingStats {
 public:
  /// @brief Everything a StreamingStats holds (for serialisation).
  struct State {
    double relative_accuracy = 1e-3;      ///< a
    double min_magnitude = 1e-12;         ///< values with |x| <= this count as 0 in the sketch
    std::uint64_t exact_capacity = 4096;  ///< up to this count the values are kept
    std::uint64_t count = 0;              ///< number of values
    double mean = 0.0;                    ///< running mean
    double m2 = 0.0;                      ///< sum of squared deviations from the mean
    double min = std::numeric_limits<double>::infinity();   ///< smallest value
    double max = -std::numeric_limits<double>::infinity();  ///< largest value
    std::uint64_t zero_count = 0;                           ///< values counted as 0
    BucketCounts positive;                                  ///< buckets of positive values
    BucketCounts negative;                                  ///< buckets of |x| of negative values
    std::vector<double> values;  ///< every value while count <= exact_capacity, else empty
  };

  /// @brief An empty accumulator.
  /// @param relative_accuracy relative error bound a of the sketch's quantiles, in (0, 0.5)
  /// @param min_magnitude values with |x| at or below it count as 0 in the sketch (> 0)
  /// @param exact_capacity up to this many values, quantiles are exact (0: always the sketch)
  /// @throws std::domain_error on a bad parameter
  explicit StreamingStats(double relative_accuracy = 1e-3, double min_magnitude = 1e-12,
                          std::uint64_t exact_capacity = 4096) {
    check_bounded("StreamingStats", "relative_accuracy", relative_accuracy, 1e-12, 0.5);
    check_positive("StreamingStats", "min_magnitude", min_magnitude);
    s_.relative_accuracy = relative_accuracy;
    s_.min_magnitude = min_magnitude;
    s_.exact_capacity = exact_capacity;
    init_gamma();
  }

  /// @brief An accumulator restored from state().
  /// @param state a state
  /// @return the accumulator
  /// @throws std::domain_error when the state is inconsistent
  static StreamingStats from_state(const State& state) {
    StreamingStats s(state.relative_accuracy, state.min_magnitude, state.exact_capacity);
    std::uint64_t total = state.zero_count;
    for (auto c : state.positive.counts) total += c;
    for (auto c : state.negative.counts) total += c;
    if (total != state.count)
      throw std::domain_error("StreamingStats.from_state: bucket counts sum to " +
                              std::to_string(total) +
                              " but count = " + std::to_string(state.count));
    const std::uint64_t kept = state.count <= state.exact_capacity ? state.count : 0;
    if (state.values.size() != kept)
      throw std::domain_error("StreamingStats.from_state: " + std::to_string(state.values.size()) +
                              " values kept but count = " + std::to_string(state.count) +
                              " and exact_capacity = " + std::to_string(state.exact_capacity) +
                              " need " + std::to_string(kept));
    s.s_ = state;
    return s;
  }

  /// @brief The full state.
  /// @return a copy of the state
  const State& state() const { return s_; }

  /// @brief Adds one value.
  /// @param x a finite value
  /// @throws std::domain_error on a non-finite value
  void add(double x) {
    check_finite("StreamingStats.add", "x", x);
    ++s_.count;
    const double delta = x - s_.mean;
    s_.mean += delta / static_cast<double>(s_.count);
    s_.m2 += delta * (x - s_.mean);
    s_.min = std::min(s_.min, x);
    s_.max = std::max(s_.max, x);
    const double a = std::abs(x);
    if (a <= s_.min_magnitude)
      ++s_.zero_count;
    else
      (x > 0 ? s_.positive : s_.negative).add(bucket(a));
    if (exact())
      s_.values.push_back(x);
    else
      drop_values();
  }

  /// @brief Adds the values of another accumulator.
  /// @param other an accumulator with the same relative_accuracy, min_magnitude and
  ///   exact_capacity
  /// @throws std::invalid_argument when the parameters differ
  void merge(const StreamingStats& other) {
    if (other.s_.relative_accuracy != s_.relative_accuracy ||
        other.s_.min_magnitude != s_.min_magnitude || other.s_.exact_capacity != s_.exact_capacity)
      throw std::invalid_argument(
          "StreamingStats.merge: relative_accuracy, min_magnitude and exact_capacity must match");
    if (other.s_.count == 0) return;
    if (s_.count == 0) {
      s_ = other.s_;
      return;
    }
    const auto na = static_cast<double>(s_.count), nb = static_cast<double>(other.s_.count);
    const double delta = other.s_.mean - s_.mean;
    s_.mean += delta * nb / (na + nb);
    s_.m2 += other.s_.m2 + delta * delta * na * nb / (na + nb);
    s_.count += other.s_.count;
    s_.min = std::min(s_.min, other.s_.min);
    s_.max = std::max(s_.max, other.s_.max);
    s_.zero_count += other.s_.zero_count;
    s_.positive.merge(other.s_.positive);
    s_.negative.merge(other.s_.negative);
    if (exact())  // then both parts were exact too
      s_.values.insert(s_.values.end(), other.s_.values.begin(), other.s_.values.end());
    else
      drop_values();
  }

  /// @brief Number of values.
  /// @return n
  std::uint64_t count() const { return s_.count; }

  /// @brief Arithmetic mean.
  /// @return the mean
  /// @throws std::domain_error when empty
  double mean() const {
    require_count("mean", 1);
    return s_.mean;
  }

  /// @brief Sample variance (divisor n - 1).
  /// @return the variance
  /// @throws std::domain_error with fewer than two values
  double variance() const {
    require_count("variance", 2);
    return s_.m2 / static_cast<double>(s_.count - 1);
  }

  /// @brief Sample standard deviation (divisor n - 1).
  /// @return the standard deviation
  /// @throws std::domain_error with fewer than two values
  double sd() const { return std::sqrt(variance()); }

  /// @brief Smallest value (exact).
  /// @return the minimum
  /// @throws std::domain_error when empty
  double min() const {
    require_count("min", 1);
    return s_.min;
  }

  /// @brief Largest value (exact).
  /// @return the maximum
  /// @throws std::domain_error when empty
  double max() const {
    require_count("max", 1);
    return s_.max;
  }

  /// @brief Quantile q (numpy's "linear" definition): numpy.percentile's value while exact(),
  /// else within quantile_error_bound(q) of it.
  /// @param q probability in [0, 1]
  /// @return the quantile or its estimate
  /// @throws std::domain_error when empty or q outside [0, 1]
  double quantile(double q) const {
    check_bounded("StreamingStats.quantile", "q", q, 0.0, 1.0);
    require_count("quantile", 1);
    const auto p = detail::linear_quantile_position(q, static_cast<std::size_t>(s_.count));
    if (exact()) {
      std::vector<double> v = s_.values;  // a copy: quantile() does not reorder the state
      std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(p.lower), v.end());
      const double x_lo = v[p.lower];
      const double x_hi =
          p.upper == p.lower
              ? x_lo
              : *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(p.lower) + 1, v.end());
      return detail::numpy_lerp(x_lo, x_hi, p.weight);
    }
    return detail::numpy_lerp(order_statistic(p.lower), order_statistic(p.upper), p.weight);
  }

  /// @brief An upper bound on |quantile(q) - numpy.percentile(values, 100 q)|: 0 while exact(),
  /// else the larger of a |x| / (1 - a) for the two order statistics' estimates x (|x| of the
  /// exact value is at most |estimate| / (1 - a)) and min_magnitude; 0 at the extremes.
  /// @param q probability in [0, 1]
  /// @return the bound
  /// @throws std::domain_error when empty or q outside [0, 1]
  double quantile_error_bound(double q) const {
    check_bounded("StreamingStats.quantile_error_bound", "q", q, 0.0, 1.0);
    require_count("quantile_error_bound", 1);
    if (exact()) return 0.0;
    const auto p = detail::linear_quantile_position(q, static_cast<std::size_t>(s_.count));
    const auto bound = [&](std::size_t k) {
      if (k == 0 || k + 1 == s_.count) return 0.0;
      const double a = s_.relative_accuracy;
      return std::max(a * std::abs(order_statistic(k)) / (1.0 - a), s_.min_magnitude);
    };
    return std::max(bound(p.lower), bound(p.upper));
  }

  /// @brief Whether quantiles are exact (count <= exact_capacity) rather than from the sketch.
  /// @return true while the values are kept
  bool exact() const { return s_.count <= s_.exact_capacity; }

  /// @brief The sketch's relative error bound a.
  /// @return a
  double relative_accuracy() const { return s_.relative_accuracy; }

  /// @brief Up to this many values quantiles are exact.
  /// @return the capacity
  std::uint64_t exact_capacity() const { return s_.exact_capacity; }

 private:
  void drop_values() {
    if (!s_.values.empty()) std::vector<double>().swap(s_.values);  // frees the memory
  }

  void init_gamma() {
    const double gamma = (1.0 + s_.relative_accuracy) / (1.0 - s_.relative_accuracy);
    log_gamma_ = std::log(gamma);
    representative_ = 2.0 / (gamma + 1.0);
  }

  std::int64_t bucket(double magnitude) const {
    return static_cast<std::int64_t>(std::ceil(std::log(magnitude) / log_gamma_));
  }

  double bucket_value(std::int64_t k) const {
    return representative_ * std::exp(static_cast<double>(k) * log_gamma_);
  }

  /// The k-th smallest value (0-based) from the sketch: exact at the extremes, within relative
  /// error a between.
  double order_statistic(std::uint64_t k) const {
    if (k == 0) return s_.min;
    if (k + 1 == s_.count) return s_.max;
    std::uint64_t seen = 0;
    const auto& neg = s_.negative;
    for (std::size_t j = neg.counts.size(); j-- > 0;) {
      seen += neg.counts[j];
      if (seen > k) return clamp(-bucket_value(neg.offset + static_cast<std::int64_t>(j)));
    }
    seen += s_.zero_count;
    if (seen > k) return 0.0;
    const auto& pos = s_.positive;
    for (std::size_t j = 0; j < pos.counts.size(); ++j) {
      seen += pos.counts[j];
      if (seen > k) return clamp(bucket_value(pos.offset + static_cast<std::int64_t>(j)));
    }
    return s_.max;  // not reached: the buckets hold every value
  }

  double clamp(double x) const { return std::clamp(x, s_.min, s_.max); }

  void require_count(const char* what, std::uint64_t needed) const {
    if (s_.count < needed)
      throw std::domain_error(std::string("StreamingStats.") + what + ": needs at least " +
                              std::to_string(needed) + " value(s), has " +
                              std::to_string(s_.count));
  }

  State s_;
  double log_gamma_ = 0.0;
  double representative_ = 1.0;
};

/// @brief Counts how often an event happens (e.g. "the 2030 target is met"), mergeable exactly.
class ProbabilityCounter {
 public:
  /// @brief An empty counter.
  ProbabilityCounter() = default;

  /// @brief A counter holding earlier counts (for serialisation).
  /// @param trials number of trials
  /// @param hits number of hits (<= trials)
  /// @throws std::invalid_argument when hits > trials
  ProbabilityCounter(std::uint64_t trials, std::uint64_t hits) : trials_(trials), hits_(hits) {
    if (hits > trials)
      throw std::invalid_argument("ProbabilityCounter: hits = " + std::to_string(hits) +
                                  ": must not exceed trials = " + std::to_string(trials));
  }

  /// @brief Records one trial.
  /// @param hit whether the event happened
  void add(bool hit) {
    ++trials_;
    hits_ += hit ? 1 : 0;
  }

  /// @brief Adds the trials of another counter.
  /// @param other another counter
  void merge(const ProbabilityCounter& other) {
    trials_ += other.trials_;
    hits_ += other.hits_;
  }

  /// @brief Number of trials.
  /// @return trials
  std::uint64_t trials() const { return trials_; }
  /// @brief Number of trials in which the event happened.
  /// @return hits
  std::uint64_t hits() const { return hits_; }

  /// @brief Relative frequency hits / trials.
  /// @return the estimated probability
  /// @throws std::domain_error with no trials
  double probability() const {
    if (trials_ == 0) throw std::domain_error("ProbabilityCounter.probability: no trials recorded");
    return static_cast<double>(hits_) / static_cast<double>(trials_);
  }

 private:
  std::uint64_t trials_ = 0;
  std::uint64_t hits_ = 0;
};

/// @brief Exact counts of integer outcomes (e.g. the peak year), mergeable exactly.
class Tally {
 public:
  /// @brief Records an outcome, @p count times.
  /// @param value the outcome
  /// @param count how many times
  void add(std::int64_t value, std::uint64_t count = 1) {
    counts_[value] += count;
    total_ += count;
  }

  /// @brief Adds the outcomes of another tally.
  /// @param other another tally
  void merge(const Tally& other) {
    for (const auto& [value, c] : other.counts_) add(value, c);
  }

  /// @brief Number of outcomes recorded.
  /// @return total
  std::uint64_t total() const { return total_; }

  /// @brief Counts by outcome, in increasing order of outcome.
  /// @return the counts
  const std::map<std::int64_t, std::uint64_t>& counts() const { return counts_; }

 private:
  std::map<std::int64_t, std::uint64_t> counts_;
  std::uint64_t total_ = 0;
};

}  // namespace peakpath::analysis
