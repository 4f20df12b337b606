// SPDX-License-Identifier: Apache-2.0
// Tests of streaming statistics: moments, quantile error bound, exact merging, counters.
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

TEST(StreamingStats, QuantilesAreWithinTheRelativeErrorBound) {
  const auto x = mixed_data(20000);
  for (double a : {1e-3, 1e-2}) {
    pa::StreamingStats s(a);
    for (double v : x) s.add(v);
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    for (double q = 0.0; q <= 1.0; q += 0.01) {
      const double h = q * static_cast<double>(x.size() - 1);
      const auto lo = static_cast<std::size_t>(std::floor(h));
      const double bound =
          a * std::max(std::abs(sorted[lo]), std::abs(sorted[std::min(lo + 1, x.size() - 1)]));
      EXPECT_LE(std::abs(s.quantile(q) - exact_quantile(x, q)), bound + 1e-12) << q;
    }
    EXPECT_EQ(s.quantile(0.0), sorted.front());
    EXPECT_EQ(s.quantile(1.0), sorted.back());
  }
}

TEST(StreamingStats, MergingInAnyGroupingGivesIdenticalQuantiles) {
  const auto x = mixed_data(3000);
  pa::StreamingStats whole;
  for (double v : x) whole.add(v);
  for (std::size_t parts : {2u, 3u, 7u}) {
    std::vector<pa::StreamingStats> part(parts);
    for (std::size_t i = 0; i < x.size(); ++i) part[(i * 31) % parts].add(x[i]);
    pa::StreamingStats merged;
    for (std::size_t p = parts; p-- > 0;) merged.merge(part[p]);  // reverse order on purpose
    EXPECT_EQ(merged.count(), whole.count());
    for (double q : {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0})
      EXPECT_EQ(merged.quantile(q), whole.quantile(q)) << parts << " " << q;
    EXPECT_NEAR(merged.mean(), whole.mean(), 1e-12 * std::abs(whole.mean()));
    EXPECT_NEAR(merged.variance(), whole.variance(), 1e-10 * whole.variance());
  }
}

TEST(StreamingStats, StateRoundTrips) {
  pa::StreamingStats s(0.005);
  for (double v : {-3.0, 0.0, 1.0, 2.5, 1e6}) s.add(v);
  const auto t = pa::StreamingStats::from_state(s.state());
  EXPECT_EQ(t.quantile(0.3), s.quantile(0.3));
  EXPECT_EQ(t.mean(), s.mean());
  auto bad = s.state();
  bad.count = 7;
  EXPECT_EQ(message_of([&] { pa::StreamingStats::from_state(bad); }),
            "StreamingStats.from_state: bucket counts sum to 5 but count = 7");
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
            "StreamingStats.merge: relative_accuracy and min_magnitude must match");
  EXPECT_EQ(message_of([] { pa::StreamingStats(0.7); }),
            "StreamingStats: relative_accuracy = 0.69999999999999996: must lie in [1e-12, 0.5]");
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
