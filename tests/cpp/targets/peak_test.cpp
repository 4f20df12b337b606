// SPDX-License-Identifier: Apache-2.0
// Tests of the peak diagnostics on constructed series with known answers.
#include "peakpath/targets/peak.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../analysis/test_util.hpp"

namespace {

Eigen::VectorXd years_from(double first, Eigen::Index n) {
  return Eigen::VectorXd::LinSpaced(n, first, first + static_cast<double>(n - 1));
}

Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double e : v) x(i++) = e;
  return x;
}

}  // namespace

TEST(Peak, ClassicPeakAndDecline) {
  const auto y = years_from(2020, 7);
  const auto p = peakpath::peak(y, vec({90, 95, 100, 97, 92, 88, 84}));
  EXPECT_EQ(p.year, 2022);
  EXPECT_EQ(p.value, 100);
  EXPECT_EQ(p.plateau_start, 2022);
  EXPECT_EQ(p.plateau_end, 2022);
  EXPECT_EQ(p.status, peakpath::PeakStatus::peaked);
  EXPECT_NEAR(p.decline_rate_after, (100.0 - 84.0) / (100.0 * 4), 1e-15);
  EXPECT_FALSE(p.rebound);
  EXPECT_FALSE(p.rebound_year.has_value());
}

TEST(Peak, FlatSeriesNeverPeaks) {
  const auto p = peakpath::peak(years_from(2020, 5), vec({50, 50, 50, 50, 50}));
  EXPECT_EQ(p.status, peakpath::PeakStatus::never_peaks);
  EXPECT_EQ(p.year, 2020);  // the first occurrence of the maximum
  EXPECT_EQ(p.plateau_start, 2020);
  EXPECT_EQ(p.plateau_end, 2024);
  EXPECT_EQ(p.decline_rate_after, 0.0);
  EXPECT_EQ(peakpath::to_string(p.status), "never_peaks");
  // All zeros is flat too.
  EXPECT_EQ(peakpath::peak(years_from(2020, 3), vec({0, 0, 0})).status,
            peakpath::PeakStatus::never_peaks);
}

TEST(Peak, MonotoneRisingIsStillRisingAtTheHorizon) {
  const auto p = peakpath::peak(years_from(2020, 5), vec({80, 85, 90, 95, 100}));
  EXPECT_EQ(p.status, peakpath::PeakStatus::not_peaked);
  EXPECT_EQ(p.year, 2024);
  EXPECT_EQ(p.plateau_start, 2024);
  EXPECT_EQ(p.decline_rate_after, 0.0);
  EXPECT_EQ(peakpath::to_string(p.status), "not_peaked");
  // Levelling off within the tolerance at the horizon: not yet declining either.
  const auto q = peakpath::peak(years_from(2020, 5), vec({80, 90, 100, 99.5, 99.2}));
  EXPECT_EQ(q.status, peakpath::PeakStatus::not_peaked);
  EXPECT_EQ(q.plateau_end, 2024);
}

TEST(Peak, MonotoneFallingIsAtStart) {
  // The maximum in the first year is no evidence of a peak: it may lie before the window.
  const auto p = peakpath::peak(years_from(2020, 4), vec({100, 90, 80, 70}));
  EXPECT_EQ(p.status, peakpath::PeakStatus::at_start);
  EXPECT_EQ(peakpath::to_string(p.status), "at_start");
  EXPECT_EQ(p.year, 2020);
  EXPECT_NEAR(p.decline_rate_after, 0.1, 1e-15);
}

TEST(Peak, NoisyPlateauWithinToleranceIsOnePlateauNotARebound) {
  const auto p =
      peakpath::peak(years_from(2025, 8), vec({97, 100, 100.5, 99.8, 100.3, 99.9, 95, 90}));
  EXPECT_EQ(p.year, 2027);
  EXPECT_EQ(p.value, 100.5);
  EXPECT_EQ(p.plateau_start, 2026);  // 97 < 100.5 * 0.99 = 99.495
  EXPECT_EQ(p.plateau_end, 2030);
  EXPECT_FALSE(p.rebound);
  EXPECT_EQ(p.status, peakpath::PeakStatus::peaked);
}

TEST(Peak, DoublePeakWithALowerSecondPeakIsNoRebound) {
  const auto p = peakpath::peak(years_from(2020, 7), vec({90, 100, 92, 96, 98, 90, 85}));
  EXPECT_EQ(p.year, 2021);
  EXPECT_FALSE(p.rebound);
  EXPECT_EQ(p.status, peakpath::PeakStatus::peaked);
}

TEST(Peak, ReboundAboveAnEarlierPeak) {
  const auto p = peakpath::peak(years_from(2020, 8), vec({90, 100, 92, 95, 101, 104, 99, 96}));
  EXPECT_TRUE(p.rebound);
  ASSERT_TRUE(p.rebound_year.has_value());
  EXPECT_EQ(*p.rebound_year, 2024);  // first year above 100 after falling to 92
  EXPECT_EQ(p.year, 2025);           // the reported peak is the later, higher one
  EXPECT_EQ(p.value, 104);
  EXPECT_EQ(p.status, peakpath::PeakStatus::peaked);
}

TEST(Peak, ToleranceZeroAndIrregularYears) {
  Eigen::VectorXd y(4);
  y << 2020, 2025, 2030, 2035;
  const auto p = peakpath::peak(y, vec({10, 12, 11.99, 6}), 0.0);
  EXPECT_EQ(p.plateau_end, 2025);
  EXPECT_NEAR(p.decline_rate_after, 0.5 / 10.0, 1e-15);
}

TEST(Peak, BadInputNamesArgumentIndexAndValue) {
  const auto y = years_from(2020, 3);
  EXPECT_EQ(message_of([&] {
              peakpath::peak(y, vec({1, NAN, 3}));
            }),
            "peak: values[1] = nan: must be finite");
  EXPECT_THROW(peakpath::peak(y, vec({1, NAN, 3})), std::domain_error);
  EXPECT_EQ(message_of([&] {
              peakpath::peak(y, vec({1, 2}));
            }),
            "peak: size of years (3) does not match size of values (2)");
  EXPECT_EQ(message_of([&] {
              peakpath::peak(vec({2020, 2022, 2021}), vec({1, 2, 3}));
            }),
            "peak: years[2] = 2021: must be strictly increasing (sorted, no duplicates)");
  EXPECT_EQ(message_of([&] {
              peakpath::peak(y, vec({1, 2, 3}), 1.0);
            }),
            "peak: tolerance = 1: must lie in [0, 1)");
  EXPECT_EQ(message_of([] { peakpath::peak(Eigen::VectorXd(), Eigen::VectorXd()); }),
            "peak: years is empty");
  EXPECT_EQ(message_of([&] {
              peakpath::peak(y, vec({-5, 0, -1}));
            }),
            "peak: values[1] = 0: a peak value of 0 leaves the relative decline after it "
            "undefined");
}
