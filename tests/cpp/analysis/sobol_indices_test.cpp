// SPDX-License-Identifier: Apache-2.0
// Tests of Sobol indices: the Ishigami function's analytic indices, a linear model, the flag on
// samples too small to mean much, bad input.
#include "peakpath/analysis/sobol_indices.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_util.hpp"

namespace pa = peakpath::analysis;

namespace {

constexpr double PI = 3.14159265358979323846;

/// Ishigami & Homma (1990) function on [-pi, pi]^3 with a = 7, b = 0.1.
Eigen::VectorXd ishigami(const Eigen::MatrixXd& u) {
  const double a = 7.0, b = 0.1;
  Eigen::VectorXd y(u.rows());
  for (Eigen::Index r = 0; r < u.rows(); ++r) {
    const double x1 = -PI + 2 * PI * u(r, 0), x2 = -PI + 2 * PI * u(r, 1),
                 x3 = -PI + 2 * PI * u(r, 2);
    y(r) = std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
  }
  return y;
}

}  // namespace

TEST(SobolIndices, SaltelliDesignLayout) {
  const Eigen::MatrixXd d = pa::saltelli_design(8, 3, 1);
  ASSERT_EQ(d.rows(), 8 * 5);
  const auto A = d.topRows(8), B = d.middleRows(8, 8);
  for (Eigen::Index i = 0; i < 3; ++i) {
    const auto AB = d.middleRows((i + 2) * 8, 8);
    for (Eigen::Index j = 0; j < 3; ++j) EXPECT_EQ(AB.col(j), j == i ? B.col(j) : A.col(j));
  }
}

TEST(SobolIndices, IshigamiMatchesAnalyticIndices) {
  // Analytic values (Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", 4.6;
  // Ishigami & Homma 1990): V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2, V1 = (1 + b pi^4/5)^2 / 2,
  // V2 = a^2/8, V13 = 8 b^2 pi^8 / 225; S1 = 0.3139, S2 = 0.4424, S3 = 0, ST1 = 0.5576,
  // ST2 = 0.4424, ST3 = 0.2437.
  const double a = 7.0, b = 0.1, pi4 = std::pow(PI, 4), pi8 = std::pow(PI, 8);
  const double V = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const double V1 = 0.5 * std::pow(1 + b * pi4 / 5, 2), V2 = a * a / 8, V13 = 8 * b * b * pi8 / 225;
  const Eigen::Vector3d s1(V1 / V, V2 / V, 0.0), st((V1 + V13) / V, V2 / V, V13 / V);
  EXPECT_NEAR(s1(0), 0.3139, 1e-4);
  EXPECT_NEAR(st(2), 0.2437, 1e-4);

  const std::size_t n = 1 << 13;
  const Eigen::VectorXd y = ishigami(pa::saltelli_design(n, 3, 2024));
  const auto r = pa::sobol_indices(y, 3, 200, 0.95, 5);
  EXPECT_EQ(r.n, n);
  for (Eigen::Index i = 0; i < 3; ++i) {
    EXPECT_NEAR(r.first_order(i), s1(i), 0.02) << i;
    EXPECT_NEAR(r.total(i), st(i), 0.02) << i;
    EXPECT_LE(r.first_order_low(i), r.first_order(i));
    EXPECT_GE(r.first_order_high(i), r.first_order(i));
    // The 95 % intervals hold the analytic values.
    EXPECT_LE(r.first_order_low(i) - 1e-3, s1(i)) << i;
    EXPECT_GE(r.first_order_high(i) + 1e-3, s1(i)) << i;
    EXPECT_LE(r.total_low(i) - 1e-3, st(i)) << i;
    EXPECT_GE(r.total_high(i) + 1e-3, st(i)) << i;
  }
  EXPECT_NEAR(r.variance, V, 0.02 * V);
  EXPECT_TRUE(r.reliable) << r.warning;  // every interval narrower than 0.1
  EXPECT_EQ(r.warning, "");
}

TEST(SobolIndices, AnOffsetInTheOutputChangesNothing) {
  // Indices are invariant to y + c; the first-order estimator centres f(B) so that its noise
  // does not grow with c (uncentred, S_1 and S_3 of Ishigami + 1e3 at N = 1024 moved by 0.06
  // and 0.04).
  const Eigen::VectorXd y = ishigami(pa::saltelli_design(1024, 3, 7));
  const auto r = pa::sobol_indices(y, 3, 100, 0.95, 1);
  const auto shifted = pa::sobol_indices((y.array() + 1e3).matrix(), 3, 100, 0.95, 1);
  for (Eigen::Index i = 0; i < 3; ++i) {
    EXPECT_NEAR(shifted.first_order(i), r.first_order(i), 1e-9) << i;
    EXPECT_NEAR(shifted.first_order_high(i), r.first_order_high(i), 1e-9) << i;
    EXPECT_NEAR(shifted.total(i), r.total(i), 1e-9) << i;
  }
}

TEST(SobolIndices, SmallSampleIsFlaggedUnreliable) {
  const auto r = pa::sobol_indices(ishigami(pa::saltelli_design(16, 3, 2024)), 3, 200, 0.95, 5);
  EXPECT_FALSE(r.reliable);
  EXPECT_NE(r.warning.find("95 % interval"), std::string::npos) << r.warning;
  EXPECT_NE(r.warning.find("wider than 0.1"), std::string::npos) << r.warning;
  EXPECT_NE(r.warning.find("N = 16 is too small"), std::string::npos) << r.warning;
  // A looser threshold accepts the same intervals only when they are all narrower.
  const auto loose =
      pa::sobol_indices(ishigami(pa::saltelli_design(16, 3, 2024)), 3, 200, 0.95, 5, 1.0);
  EXPECT_EQ(loose.max_interval_width, 1.0);
  bool any_wider = false;
  for (Eigen::Index i = 0; i < 3; ++i)
    any_wider = any_wider || loose.first_order_high(i) - loose.first_order_low(i) > 1.0 ||
                loose.total_high(i) - loose.total_low(i) > 1.0;
  EXPECT_EQ(loose.reliable, !any_wider) << loose.warning;
}

TEST(SobolIndices, IntervalOutsideTheUnitRangeIsFlagged) {
  // d = 1, N = 4: f(A) = 0, f(B) = 1, f(AB_1) = 10 give mean 0.5 and V = 0.25 in every
  // resample, so S1 = (1 - 0.5) 10 / 0.25 = 20 and ST = 100 / 2 / 0.25 = 200 with zero-width
  // intervals: only the range rule can catch them.
  Eigen::VectorXd y(12);
  y << 0, 0, 0, 0, 1, 1, 1, 1, 10, 10, 10, 10;
  const auto r = pa::sobol_indices(y, 1, 50);
  EXPECT_EQ(r.first_order(0), 20.0);
  EXPECT_FALSE(r.reliable);
  EXPECT_EQ(r.warning,
            "S1[0] = 20, 95 % interval [20, 20] outside [0, 1]; ST[0] = 200, 95 % interval "
            "[200, 200] outside [0, 1]: N = 4 is too small for these indices to be meaningful; "
            "increase N");
}

TEST(SobolIndices, AdditiveLinearModelHasEqualFirstAndTotalIndices) {
  // y = sum c_i x_i with independent uniform x_i: S_i = S_Ti = c_i^2 / sum c_j^2.
  const Eigen::Vector3d c(1.0, 2.0, 3.0);
  const Eigen::MatrixXd u = pa::saltelli_design(4096, 3, 11);
  const Eigen::VectorXd y = u * c;
  const auto r = pa::sobol_indices(y, 3, 0);
  for (Eigen::Index i = 0; i < 3; ++i) {
    EXPECT_NEAR(r.first_order(i), c(i) * c(i) / 14.0, 5e-3);
    EXPECT_NEAR(r.total(i), c(i) * c(i) / 14.0, 5e-3);
    EXPECT_EQ(r.first_order_low(i), r.first_order(i));  // no bootstrap: collapsed intervals
  }
  EXPECT_FALSE(r.reliable);  // without intervals nothing vouches for the estimates
  EXPECT_EQ(r.warning,
            "no bootstrap resamples (n_bootstrap = 0): the indices have no confidence intervals, "
            "so their accuracy at N = 4096 is unknown");
}

TEST(SobolIndices, BootstrapIsDeterministicForASeed) {
  const Eigen::VectorXd y = ishigami(pa::saltelli_design(256, 3, 1));
  const auto r1 = pa::sobol_indices(y, 3, 50, 0.9, 3), r2 = pa::sobol_indices(y, 3, 50, 0.9, 3);
  EXPECT_EQ(r1.total_low, r2.total_low);
  EXPECT_NE(r1.total_low, pa::sobol_indices(y, 3, 50, 0.9, 4).total_low);
}

TEST(SobolIndices, BadInput) {
  EXPECT_EQ(message_of([&] { pa::sobol_indices(Eigen::VectorXd::Ones(11), 3); }),
            "sobol_indices: size of y (11) must be N (dimensions + 2) = N * 5 with N >= 2");
  EXPECT_EQ(message_of([&] { pa::sobol_indices(Eigen::VectorXd::Ones(10), 0); }),
            "sobol_indices: dimensions = 0: must be positive");
  Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(10, 0, 1);
  y(4) = std::nan("");
  EXPECT_EQ(message_of([&] { pa::sobol_indices(y, 3); }),
            "sobol_indices: y[4] = nan: must be finite");
  EXPECT_EQ(
      message_of([&] { pa::sobol_indices(Eigen::VectorXd::LinSpaced(10, 0, 1), 3, 10, 1.0); }),
      "sobol_indices: confidence = 1: must lie in (0, 1)");
  EXPECT_EQ(message_of([&] {
              pa::sobol_indices(Eigen::VectorXd::LinSpaced(10, 0, 1), 3, 10, 0.9, 0, 0.0);
            }),
            "sobol_indices: max_interval_width = 0: must lie in (0, 1]");
  EXPECT_EQ(message_of([&] { pa::sobol_indices(Eigen::VectorXd::Ones(10), 3); }),
            "sobol_indices: Var(y) = 0: the output must vary for indices to be defined");
  EXPECT_EQ(message_of([] { pa::saltelli_design(8, 0, 1); }),
            "saltelli_design: dimensions = 0: must be positive");
}
