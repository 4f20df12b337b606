// SPDX-License-Identifier: Apache-2.0
// Tests of streaming statistics: moments, exact quantiles up to the capacity, the sketch's error
// bound beyond (DDSketch: Masson, Rim & Lee 2019, PVLDB 12(12):2195, section 2), exact merging,
// counters.
#include "peakpath/analysis/streaming_stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "test_util.hpp"

namespace pa = peakpath::analysis;

namespace {

/// numpy.percentile's default ("linear") on a copy of the data.
double exact_quantile(std::vector<double> x, double q) {
  std::sort(x.begin(), x.end());
  const double h = q * static_cast<double>(x.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

std::vector<double> mixed_data(std::size_t n) {
  std::mt19937_64 rng(99);
  std::lognormal_distribution<double> logn(3.0, 1.2);
  std::normal_distribution<double> norm(-50.0, 20.0);
  std::vector<double> x;
  for (std::size_t i = 0; i < n; ++i) x.push_back(i % 3 == 0 ? norm(rng) : logn(rng));
  for (int i = 0; i < 40; ++i) x.push_back(0.0);
  return x;
}

}  // namespace

TEST(StreamingStats, MomentsMatchTwoPassFormulas) {
  const auto x = mixed_data(5000);
  pa::StreamingStats s;
  for (double v : x) s.add(v);
  double mean = 0.0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double ss = 0.0;
  for (double v : x) ss += (v - mean) * (v - mean);
  EXPECT_EQ(s.count(), x.size());
  EXPECT_NEAR(s.mean(), mean, 1e-12 * std::abs(mean));
  EXPECT_NEAR(s.variance(), ss / static_cast<double>(x.size() - 1), 1e-10 * ss / x.size());
  EXPECT_EQ(s.min(), *std::min_element(x.begin(), x.end()));
  EXPECT_EQ(s.max(), *std::max_element(x.begin(), x.end()));
}

TEST(StreamingStats, QuantilesAreExactUpToTheCapacity) {
  const auto x = mixed_data(4096 - 40);  // 4096 values with the zeros: the default capacity
  pa::StreamingStats s;
  for (double v : x) s.add(v);
  ASSERT_EQ(s.count(), 4096u);
  EXPECT_TRUE(s.exact());
  for (double q = 0.0; q <= 1.0; q += 0.01) {
    EXPECT_DOUBLE_EQ(s.quantile(q), exact_quantile(x, q)) << q;
    EXPECT_EQ(s.quantile_error_bound(q), 0.0);
  }
  s.add(1.5);  // one more: the sketch takes over
  EXPECT_FALSE(s.exact());
  EXPECT_TRUE(s.state().values.empty());
  EXPECT_GT(s.quantile_error_bound(0.5), 0.0);
}

TEST(StreamingStats, TiedAndConstantValuesAreExact) {
  pa::StreamingStats years, constant;
  for (int i = 0; i < 1000; ++i) years.add(2025 + (i * 7) % 10);
  for (int i = 0; i < 10; ++i) constant.add(937.25);
  EXPECT_EQ(years.quantile(0.25), 2027.0);
  EXPECT_EQ(years.quantile(0.5), 2029.5);
  for (double q : {0.0, 0.05, 0.5, 0.95, 1.0}) EXPECT_EQ(constant.quantile(q), 937.25);
}

TEST(StreamingStats, QuantilesAreWithinTheRelativeErrorBound) {
  const auto x = mixed_data(20000);
  for (double a : {1e-3, 1e-2}) {
    pa::StreamingStats s(a, 1e-12, 0);  // capacity 0: the sketch from the first value
    for (double v : x) s.add(v);
    EXPECT_FALSE(s.exact());
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    for (double q = 0.0; q <= 1.0; q += 0.01) {
      const double h = q * static_cast<double>(x.size() - 1);
      const auto lo = static_cast<std::size_t>(std::floor(h));
      const double bound =
          a * std::max(std::abs(sorted[lo]), std::abs(sorted[std::min(lo + 1, x.size() - 1)]));
      const double error = std::abs(s.quantile(q) - exact_quantile(x, q));
      EXPECT_LE(error, bound + 1e-12) << q;
      EXPECT_LE(error, s.quantile_error_bound(q) + 1e-12) << q;
      EXPECT_LE(s.quantile_error_bound(q), bound * (1 + a) / (1 - a) + 1e-12) << q;
    }
    EXPECT_EQ(s.quantile(0.0), sorted.front());
    EXPECT_EQ(s.quantile(1.0), sorted.back());
  }
}

TEST(StreamingStats, MergingInAnyGroupingGivesIdenticalQuantiles) {
  const auto x = mixed_data(3000);
  // capacity 5000: exact throughout; 1000: parts exact, the merge crosses into the sketch; 0:
  // sketch throughout.
  for (std::uint64_t capacity : {5000u, 1000u, 0u}) {
    pa::StreamingStats whole(1e-3, 1e-12, capacity);
    for (double v : x) whole.add(v);
    for (std::size_t parts : {2u, 3u, 7u}) {
      std::vector<pa::StreamingStats> part(parts, pa::StreamingStats(1e-3, 1e-12, capacity));
      for (std::size_t i = 0; i < x.size(); ++i) part[(i * 31) % parts].add(x[i]);
      pa::StreamingStats merged(1e-3, 1e-12, capacity);
      for (std::size_t p = parts; p-- > 0;) merged.merge(part[p]);  // reverse order on purpose
      EXPECT_EQ(merged.count(), whole.count());
      EXPECT_EQ(merged.exact(), whole.exact());
      for (double q : {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0})
        EXPECT_EQ(merged.quantile(q), whole.quantile(q)) << capacity << " " << parts << " " << q;
      EXPECT_NEAR(merged.mean(), whole.mean(), 1e-12 * std::abs(whole.mean()));
      EXPECT_NEAR(merged.variance(), whole.variance(), 1e-10 * whole.variance());
    }
  }
}

TEST(StreamingStats, StateRoundTrips) {
  pa::StreamingStats s(0.005);
  for (double v : {-3.0, 0.0, 1.0, 2.5, 1e6}) s.add(v);
  const auto t = pa::StreamingStats::from_state(s.state());
  EXPECT_EQ(t.quantile(0.3), s.quantile(0.3));
  EXPECT_EQ(t.mean(), s.mean());
  EXPECT_TRUE(t.exact());
  auto bad = s.state();
  bad.count = 7;
  EXPECT_EQ(message_of([&] { pa::StreamingStats::from_state(bad); }),
            "StreamingStats.from_state: bucket counts sum to 5 but count = 7");
  bad = s.state();
  bad.values.pop_back();
  EXPECT_EQ(message_of([&] { pa::StreamingStats::from_state(bad); }),
            "StreamingStats.from_state: 4 values kept but count = 5 and exact_capacity = 4096 "
            "need 5");
}

TEST(StreamingStats, BadInputAndEmptyStatistics) {
  pa::StreamingStats s;
  EXPECT_EQ(message_of([&] { s.mean(); }), "StreamingStats.mean: needs at least 1 value(s), has 0");
  EXPECT_EQ(message_of([&] { s.add(INFINITY); }), "StreamingStats.add: x = inf: must be finite");
  s.add(1.0);
  EXPECT_EQ(message_of([&] { s.variance(); }),
            "StreamingStats.variance: needs at least 2 value(s), has 1");
  EXPECT_EQ(s.quantile(0.7), 1.0);
  EXPECT_EQ(message_of([&] { s.quantile(2.0); }),
            "StreamingStats.quantile: q = 2: must lie in [0, 1]");
  EXPECT_EQ(message_of([&] { s.merge(pa::StreamingStats(0.01)); }),
            "StreamingStats.merge: relative_accuracy, min_magnitude and exact_capacity must match");
  EXPECT_EQ(message_of([&] { s.merge(pa::StreamingStats(1e-3, 1e-12, 10)); }),
            "StreamingStats.merge: relative_accuracy, min_magnitude and exact_capacity must match");
  EXPECT_EQ(message_of([] { pa::StreamingStats(0.7); }),
            "StreamingStats: relative_accuracy = 0.7: must lie in [1e-12, 0.5]");
}

TEST(ProbabilityCounter, CountsAndMerges) {
  pa::ProbabilityCounter a, b;
  for (int i = 0; i < 10; ++i) a.add(i < 3);
  for (int i = 0; i < 30; ++i) b.add(i < 27);
  a.merge(b);
  EXPECT_EQ(a.trials(), 40u);
  EXPECT_EQ(a.hits(), 30u);
  EXPECT_DOUBLE_EQ(a.probability(), 0.75);
  EXPECT_EQ(message_of([] { pa::ProbabilityCounter().probability(); }),
            "ProbabilityCounter.probability: no trials recorded");
}

TEST(Tally, CountsIntegerOutcomesAndMerges) {
  pa::Tally a, b;
  for (int y : {2028, 2029, 2029, 2030}) a.add(y);
  for (int y : {2029, 2031}) b.add(y);
  a.merge(b);
  EXPECT_EQ(a.total(), 6u);
  EXPECT_EQ(a.counts().at(2029), 3u);
  EXPECT_EQ(a.counts().begin()->first, 2028);
}
