// SPDX-License-Identifier: Apache-2.0
// Tests of the validation vocabulary: each failure names where, the index and the value.
#include <gtest/gtest.h>

#include "../message_of.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "peakpath/core/check.hpp"
#include "peakpath/core/time_path.hpp"

namespace {

TEST(Check, FiniteRejectsNanAndInfinityWithTheValue) {
  EXPECT_NO_THROW(peakpath::check_finite("f", "x", 1.0));
  EXPECT_EQ(message_of<std::domain_error>(
                [] { peakpath::check_finite("data.csv", "x", std::nan(""), 3); }),
            "data.csv: x[3] = nan: must be finite");
  EXPECT_NE(message_of<std::domain_error>([] {
              peakpath::check_finite("w", "x", std::numeric_limits<double>::infinity());
            }).find("inf"),
            std::string::npos);
}

TEST(Check, SharesNameTheNegativeElementAndTheSum) {
  EXPECT_NO_THROW(peakpath::check_shares("mix", "shares", std::vector<double>{0.25, 0.75}));
  EXPECT_EQ(message_of<std::domain_error>([] {
              peakpath::check_shares("mix", "shares", std::vector<double>{0.5, 0.6, -0.1});
            }),
            "mix: shares[2] = -0.1: must be non-negative");
  EXPECT_NE(message_of<std::domain_error>([] {
              peakpath::check_shares("mix", "shares", std::vector<double>{0.5, 0.6});
            }).find("sum(shares) = 1.1"),
            std::string::npos);
}

TEST(Check, SortedRejectsDuplicatesAndUnsortedYears) {
  EXPECT_NO_THROW(peakpath::check_sorted("p", "years", std::vector<int>{2020, 2025}));
  EXPECT_NE(message_of<std::invalid_argument>([] {
              peakpath::check_sorted("p", "years", std::vector<int>{2020, 2025, 2025});
            }).find("years[2] = 2025"),
            std::string::npos);
}

TEST(Check, SizeMatchNamesBothSizes) {
  EXPECT_EQ(message_of<std::invalid_argument>(
                [] { peakpath::check_size_match("lmdi", "x0", 3, "xT", 4); }),
            "lmdi: size of x0 (3) does not match size of xT (4)");
}

TEST(Check, BoundedNamesTheRange) {
  EXPECT_NE(message_of<std::domain_error>([] {
              peakpath::check_bounded("lever", "share", 1.5, 0.0, 1.0);
            }).find("must lie in [0, 1]"),
            std::string::npos);
}

TEST(TimePath, InterpolatesLinearlyAndHoldsFlatBeyondTheEnds) {
  const peakpath::TimePath path({2020, 2030}, {10.0, 20.0});
  EXPECT_DOUBLE_EQ(path.at(2010), 10.0);
  EXPECT_DOUBLE_EQ(path.at(2020), 10.0);
  EXPECT_DOUBLE_EQ(path.at(2025), 15.0);
  EXPECT_DOUBLE_EQ(path.at(2027.5), 17.5);
  EXPECT_DOUBLE_EQ(path.at(2060), 20.0);
  EXPECT_DOUBLE_EQ(peakpath::TimePath(3.0).at(1900), 3.0);
}

TEST(TimePath, RejectsBadPoints) {
  EXPECT_THROW(peakpath::TimePath({2030, 2020}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(peakpath::TimePath({2020, 2020}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(peakpath::TimePath({2020}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(peakpath::TimePath({}, {}), std::invalid_argument);
  EXPECT_THROW(peakpath::TimePath({2020}, {std::nan("")}), std::domain_error);
}

}  // namespace
