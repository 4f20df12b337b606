// SPDX-License-Identifier: Apache-2.0
// Tests of LMDI: published numbers, exactness, zero limits, symmetry, chaining and bad input.
#include "peakpath/analysis/lmdi.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "test_util.hpp"

namespace pa = peakpath::analysis;

namespace {

// The worked case of the LMDIR package's test suite (M. K. Heun, github.com/MatthewHeun/LMDIR,
// tests/testthat/test_lmdi.R, create_simple_LMDI()): 2 sub-categories x 3 factors, 1971-1974.
std::vector<Eigen::MatrixXd> lmdir_years() {
  std::vector<Eigen::MatrixXd> x(4, Eigen::MatrixXd(2, 3));
  x[0] << 1, 10, 2, 4, 5, 3;
  x[1] << 4, 5, 3, 5, 6, 4;
  x[2] << 8, 2, 4, 5, 7, 5;
  x[3] << 10, 1, 5, 6, 8, 6;
  return x;
}

Eigen::MatrixXd random_factors(std::mt19937_64& rng, int rows, int cols) {
  std::uniform_real_distribution<double> u(0.01, 100.0);
  Eigen::MatrixXd x(rows, cols);
  for (int i = 0; i < rows; ++i)
    for (int k = 0; k < cols; ++k) x(i, k) = u(rng);
  return x;
}

}  // namespace

TEST(Lmdi, LogMeanLimitsAndSymmetry) {
  using pa::detail::log_mean;
  EXPECT_DOUBLE_EQ(log_mean(3.0, 3.0), 3.0);
  EXPECT_EQ(log_mean(0.0, 5.0), 0.0);
  EXPECT_EQ(log_mean(5.0, 0.0), 0.0);
  EXPECT_NEAR(log_mean(2.0, 1.0), 1.0 / std::log(2.0), 1e-15);
  EXPECT_DOUBLE_EQ(log_mean(7.0, 2.0), log_mean(2.0, 7.0));
  // Nearly equal arguments: L(a, a(1 + e)) = a (1 + e/2 - e^2/12 + ...).
  EXPECT_NEAR(log_mean(1.0 + 1e-10, 1.0), 1.0 + 0.5e-10, 1e-16);
}

TEST(Lmdi, AdditiveLmdiIMatchesLmdirPackage) {
  const auto x = lmdir_years();
  const auto r = pa::lmdi(x[0], x[1]);
  Eigen::MatrixXd z(2, 3);
  z << 50.47438029, -25.23719014, 14.76280986, 19.31568569, 15.78206435, 24.90224996;
  EXPECT_TRUE(r.contributions.isApprox(z, 1e-9)) << r.contributions;
  EXPECT_NEAR(r.effects(0), 69.79006598, 1e-7);
  EXPECT_NEAR(r.effects(1), -9.455125793, 1e-7);
  EXPECT_NEAR(r.effects(2), 39.66505981, 1e-7);
  EXPECT_DOUBLE_EQ(r.total, 100.0);
  EXPECT_DOUBLE_EQ(r.v0, 80.0);
  EXPECT_DOUBLE_EQ(r.vT, 180.0);
}

TEST(Lmdi, MultiplicativeLmdiIMatchesLmdirPackage) {
  const auto x = lmdir_years();
  const auto r = pa::lmdi(x[0], x[1], pa::LmdiKind::multiplicative);
  EXPECT_NEAR(r.effects(0), 1.761117821, 1e-8);
  EXPECT_NEAR(r.effects(1), 0.926191306, 1e-8);
  EXPECT_NEAR(r.effects(2), 1.379410116, 1e-8);
  EXPECT_DOUBLE_EQ(r.total, 2.25);
  const auto r3 = pa::lmdi(x[2], x[3], pa::LmdiKind::multiplicative);
  EXPECT_NEAR(r3.effects(0), 1.208140223, 1e-8);
  EXPECT_NEAR(r3.effects(1), 0.968911503, 1e-8);
  EXPECT_NEAR(r3.effects(2), 1.208140223, 1e-8);
}

TEST(Lmdi, ChainedMatchesLmdirPackageCumulativeEffects) {
  const auto x = lmdir_years();
  const auto chain = pa::lmdi_chained(x);
  ASSERT_EQ(chain.periods.size(), 3u);
  EXPECT_NEAR(chain.periods[1].effects(0), 42.96021467, 1e-7);
  EXPECT_NEAR(chain.periods[1].effects(1), -34.31902656, 1e-7);
  EXPECT_NEAR(chain.periods[1].effects(2), 50.3588119, 1e-7);
  EXPECT_NEAR(chain.periods[2].effects(0), 54.01064234, 1e-7);
  EXPECT_NEAR(chain.effects(0), 69.79006598 + 42.96021467 + 54.01064234, 1e-6);
  EXPECT_DOUBLE_EQ(chain.total, 258.0);  // LMDIR: dV_agg_cum = 258
  EXPECT_NEAR(chain.effects.sum(), 258.0, 1e-12 * 258.0);
  EXPECT_NEAR(chain.contributions.sum(), 258.0, 1e-12 * 258.0);

  const auto mult = pa::lmdi_chained(x, pa::LmdiKind::multiplicative);
  EXPECT_NEAR(mult.total, 2.25 * 1.327777778 * 1.414225941, 1e-8);
  EXPECT_NEAR(mult.effects.prod(), 338.0 / 80.0, 1e-14 * 338.0 / 80.0);
  EXPECT_NEAR(mult.contributions.prod(), 338.0 / 80.0, 1e-13);
}

TEST(Lmdi, ExactForRandomInputsInAllFourForms) {
  std::mt19937_64 rng(12345);
  for (int trial = 0; trial < 200; ++trial) {
    const int rows = 1 + trial % 7, cols = 1 + trial % 5;
    const Eigen::MatrixXd x0 = random_factors(rng, rows, cols);
    const Eigen::MatrixXd xT = random_factors(rng, rows, cols);
    for (auto variant : {pa::LmdiVariant::I, pa::LmdiVariant::II}) {
      const auto add = pa::lmdi(x0, xT, pa::LmdiKind::additive, variant);
      const double scale = std::max(add.v0, add.vT);
      EXPECT_NEAR(add.effects.sum(), add.vT - add.v0, 1e-12 * scale);
      EXPECT_TRUE(add.effects.isApprox(add.contributions.colwise().sum().transpose()));
      const auto mul = pa::lmdi(x0, xT, pa::LmdiKind::multiplicative, variant);
      EXPECT_NEAR(std::log(mul.effects.prod()), std::log(mul.vT / mul.v0), 1e-12);
      EXPECT_NEAR(std::log(mul.contributions.prod()), std::log(mul.total), 1e-12);
    }
  }
}

TEST(Lmdi, SwappingThePeriodsNegatesOrInvertsTheEffects) {
  std::mt19937_64 rng(7);
  const Eigen::MatrixXd x0 = random_factors(rng, 4, 3), xT = random_factors(rng, 4, 3);
  for (auto variant : {pa::LmdiVariant::I, pa::LmdiVariant::II}) {
    const auto fwd = pa::lmdi(x0, xT, pa::LmdiKind::additive, variant);
    const auto back = pa::lmdi(xT, x0, pa::LmdiKind::additive, variant);
    EXPECT_TRUE(fwd.effects.isApprox(-back.effects, 1e-12));
    const auto mf = pa::lmdi(x0, xT, pa::LmdiKind::multiplicative, variant);
    const auto mb = pa::lmdi(xT, x0, pa::LmdiKind::multiplicative, variant);
    EXPECT_TRUE(mf.effects.isApprox(mb.effects.cwiseInverse(), 1e-12));
  }
}

TEST(Lmdi, SingleCategoryIsTheSameInBothVariants) {
  Eigen::MatrixXd x0(1, 3), xT(1, 3);
  x0 << 100, 0.4, 2.5;
  xT << 130, 0.35, 2.4;
  const auto i = pa::lmdi(x0, xT, pa::LmdiKind::additive, pa::LmdiVariant::I);
  const auto ii = pa::lmdi(x0, xT, pa::LmdiKind::additive, pa::LmdiVariant::II);
  EXPECT_TRUE(i.effects.isApprox(ii.effects, 1e-14));
  // One category: Delta V_k = L(V_T, V_0) ln(x_kT / x_k0) by hand.
  const double L = (xT.prod() - x0.prod()) / std::log(xT.prod() / x0.prod());
  EXPECT_NEAR(i.effects(0), L * std::log(1.3), 1e-12);
}

TEST(Lmdi, ZeroValuesTakeTheirAnalyticLimitsAsInLmdir) {
  // LMDIR test_lmdi.R, "degenerate values": X_0[1,1] = 0 gives row (60, 0, 0); X_T[2,3] = 0
  // gives row (0, 0, -60) (Ang, Zhang & Choi 1998, Table 2).
  const auto x = lmdir_years();
  Eigen::MatrixXd x0 = x[0];
  x0(0, 0) = 0.0;
  auto r = pa::lmdi(x0, x[1]);
  EXPECT_DOUBLE_EQ(r.contributions(0, 0), 60.0);
  EXPECT_EQ(r.contributions(0, 1), 0.0);
  EXPECT_EQ(r.contributions(0, 2), 0.0);
  EXPECT_NEAR(r.contributions(1, 0), 19.31568569, 1e-7);
  EXPECT_NEAR(r.effects.sum(), r.vT - r.v0, 1e-12);

  Eigen::MatrixXd xT = x[1];
  xT(1, 2) = 0.0;
  r = pa::lmdi(x[0], xT);
  EXPECT_EQ(r.contributions(1, 0), 0.0);
  EXPECT_EQ(r.contributions(1, 1), 0.0);
  EXPECT_DOUBLE_EQ(r.contributions(1, 2), -60.0);
  EXPECT_NEAR(r.effects.sum(), r.vT - r.v0, 1e-12);
}

TEST(Lmdi, ZeroHandlingIsTheLimitOfVanishingValues) {
  // A category appearing from nothing with two zero factors: each gets half of V_iT, the limit
  // of replacing both zeros by the same delta -> 0 (convergence is like 1 / ln(1/delta)).
  Eigen::MatrixXd x0(2, 3), xT(2, 3);
  x0 << 0, 0, 2, 3, 4, 5;
  xT << 2, 3, 4, 3, 5, 5;
  for (auto variant : {pa::LmdiVariant::I, pa::LmdiVariant::II}) {
    const auto exact = pa::lmdi(x0, xT, pa::LmdiKind::additive, variant);
    if (variant == pa::LmdiVariant::I) {
      EXPECT_DOUBLE_EQ(exact.contributions(0, 0), 12.0);
      EXPECT_DOUBLE_EQ(exact.contributions(0, 1), 12.0);
      EXPECT_EQ(exact.contributions(0, 2), 0.0);
    }
    double previous_error = 1e300;
    for (double delta : {1e-10, 1e-40, 1e-80, 1e-150}) {
      Eigen::MatrixXd near = x0;
      near(0, 0) = near(0, 1) = delta;
      const auto approx = pa::lmdi(near, xT, pa::LmdiKind::additive, variant);
      const double error = (approx.contributions - exact.contributions).cwiseAbs().maxCoeff();
      EXPECT_LT(error, previous_error);
      previous_error = error;
    }
    EXPECT_LT(previous_error, 0.02 * 24.0);
    EXPECT_NEAR(exact.effects.sum(), exact.vT - exact.v0, 1e-12);
  }
}

TEST(Lmdi, CategoryZeroAtBothEndsContributesNothing) {
  Eigen::MatrixXd x0(2, 2), xT(2, 2);
  x0 << 0, 5, 2, 3;
  xT << 4, 0, 2, 4;
  const auto r = pa::lmdi(x0, xT);
  EXPECT_EQ(r.contributions.row(0).cwiseAbs().sum(), 0.0);
  EXPECT_NEAR(r.effects.sum(), 2.0, 1e-14);
}

TEST(Lmdi, BadInputNamesArgumentIndexAndValue) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Ones(2, 3), b = Eigen::MatrixXd::Ones(3, 3);
  EXPECT_EQ(message_of([&] { pa::lmdi(a, b); }),
            "lmdi: shape of x0 (2, 3) does not match shape of xT (3, 3)");
  Eigen::MatrixXd neg = a;
  neg(1, 2) = -0.5;
  EXPECT_THROW(pa::lmdi(neg, a), std::domain_error);
  EXPECT_EQ(message_of([&] { pa::lmdi(neg, a); }), "lmdi: x0[1,2] = -0.5: must be non-negative");
  Eigen::MatrixXd nan = a;
  nan(0, 1) = std::nan("");
  EXPECT_EQ(message_of([&] { pa::lmdi(a, nan); }), "lmdi: xT[0,1] = nan: must be finite");
  EXPECT_EQ(message_of([&] { pa::lmdi(Eigen::MatrixXd(0, 2), Eigen::MatrixXd(0, 2)); }),
            "lmdi: x0 has shape (0, 2): needs at least one category (row) and one factor "
            "(column)");
  const Eigen::MatrixXd zero = Eigen::MatrixXd::Zero(2, 3);
  EXPECT_EQ(message_of([&] { pa::lmdi(zero, a, pa::LmdiKind::multiplicative); }),
            "lmdi: V0 = 0: multiplicative LMDI-I needs a positive aggregate");
  EXPECT_EQ(message_of([&] { pa::lmdi(a, zero, pa::LmdiKind::additive, pa::LmdiVariant::II); }),
            "lmdi: VT = 0: additive LMDI-II needs a positive aggregate");
  Eigen::MatrixXd tiny = Eigen::MatrixXd::Constant(1, 2, 1e-200);
  EXPECT_EQ(message_of([&] { pa::lmdi(tiny, Eigen::MatrixXd::Ones(1, 2)); }),
            "lmdi: prod(x0[0,:]) = 0: the product of the factors under- or overflows; rescale "
            "them");
  EXPECT_EQ(message_of([] { pa::lmdi_kind_from_string("log"); }),
            "lmdi: kind = 'log': must be 'additive' or 'multiplicative'");
  EXPECT_EQ(message_of([] { pa::lmdi_variant_from_string("III"); }),
            "lmdi: variant = 'III': must be 'I' or 'II'");
}

TEST(Lmdi, ChainedBadInputNamesTheYear) {
  std::vector<Eigen::MatrixXd> x(3, Eigen::MatrixXd::Ones(2, 2));
  EXPECT_EQ(message_of([&] { pa::lmdi_chained({x[0]}); }),
            "lmdi_chained: x holds 1 factor arrays: needs at least two years");
  x[2](1, 0) = -1.0;
  EXPECT_EQ(message_of([&] { pa::lmdi_chained(x); }),
            "lmdi_chained: x[2][1,0] = -1: must be non-negative");
  x[2] = Eigen::MatrixXd::Ones(2, 3);
  EXPECT_EQ(message_of([&] { pa::lmdi_chained(x); }),
            "lmdi_chained: shape of x[0] (2, 2) does not match shape of x[2] (2, 3)");
  x[2] = Eigen::MatrixXd::Zero(2, 2);
  EXPECT_EQ(message_of([&] { pa::lmdi_chained(x, pa::LmdiKind::multiplicative); }),
            "lmdi_chained: period x[1] -> x[2]: lmdi: VT = 0: multiplicative LMDI-I needs a "
            "positive aggregate");
}
