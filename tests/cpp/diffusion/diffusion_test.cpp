// SPDX-License-Identifier: Apache-2.0
// Tests of the Bass and logistic curves and their least-squares fits.
#include <gtest/gtest.h>

#include "../message_of.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "peakpath/core/error.hpp"
#include "peakpath/diffusion/bass.hpp"
#include "peakpath/diffusion/fit.hpp"
#include "peakpath/diffusion/logistic.hpp"

namespace {

namespace pd = peakpath::diffusion;

TEST(Bass, CurvesHaveTheirClosedFormProperties) {
  const double p = 0.03, q = 0.38;
  EXPECT_EQ(pd::bass_cdf(0, p, q), 0.0);
  EXPECT_NEAR(pd::bass_pdf(0, p, q), p, 1e-15);  // f(0) = p: only innovators at launch
  EXPECT_NEAR(pd::bass_cdf(200, p, q), 1.0, 1e-15);
  // Peak of adoptions at t* = ln(q/p) / (p + q) (Bass 1969), where F(t*) = (q - p) / (2q).
  const double t_star = std::log(q / p) / (p + q);
  EXPECT_NEAR(pd::bass_cdf(t_star, p, q), (q - p) / (2 * q), 1e-14);
  const double h = 1e-4;
  EXPECT_NEAR(pd::bass_pdf(t_star + h, p, q), pd::bass_pdf(t_star - h, p, q), 1e-9);
  // f = dF/dt, and the hazard f / (1 - F) = p + q F (the defining equation).
  for (double t : {0.5, 3.0, 7.0, 15.0}) {
    const double deriv = (pd::bass_cdf(t + h, p, q) - pd::bass_cdf(t - h, p, q)) / (2 * h);
    EXPECT_NEAR(pd::bass_pdf(t, p, q), deriv, 1e-9);
    EXPECT_NEAR(pd::bass_pdf(t, p, q) / (1 - pd::bass_cdf(t, p, q)), p + q * pd::bass_cdf(t, p, q),
                1e-12);
  }
  // q = 0: pure innovation, F = 1 - e^{-pt}.
  EXPECT_NEAR(pd::bass_cdf(10, 0.1, 0), 1 - std::exp(-1.0), 1e-15);
  EXPECT_EQ(pd::bass_cdf(-1, p, q), 0.0);
  EXPECT_EQ(pd::bass_pdf(-1, p, q), 0.0);
}

TEST(Logistic, CurveHasItsClosedFormProperties) {
  EXPECT_DOUBLE_EQ(pd::logistic(2030, 100, 0.3, 2030), 50.0);
  EXPECT_NEAR(pd::logistic(2100, 100, 0.3, 2030), 100.0, 1e-7);
  EXPECT_EQ(pd::logistic(-5000, 100, 0.3, 2030), 0.0);  // e^{2110} overflows to the limit 0
  EXPECT_NEAR(pd::logistic(2035, 100, -0.3, 2030), 100 - pd::logistic(2035, 100, 0.3, 2030), 1e-12);
}

TEST(Bass, BadArgumentsAreNamed) {
  EXPECT_EQ(message_of<std::domain_error>([] { pd::bass_cdf(1, 0, 0.3); }),
            "bass_cdf: p = 0: must be positive");
  EXPECT_EQ(message_of<std::domain_error>([] { pd::bass_pdf(1, 0.01, -0.3); }),
            "bass_pdf: q = -0.3: must be non-negative");
  EXPECT_EQ(message_of<std::domain_error>([] { pd::logistic(1, 1, std::nan(""), 0); }),
            "logistic: r = nan: must be finite");
}

// Published example: VCR sales 1980-1989 (thousands), t = 1..10, fitted by non-linear least
// squares to m f(t) in R (chengjun, "Bass model", rpubs.com/chengjun/bass_model; repository
// agk79/Bass, AGK_BASS_MODEL/Bass_2a.r): M = 6.80e4, P = 6.59e-3, Q = 6.38e-1.
TEST(FitBass, ReproducesThePublishedDensityFit) {
  Eigen::VectorXd t(10), sales(10);
  t << 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  sales << 840, 1470, 2110, 4000, 7590, 10950, 10530, 9470, 7790, 5890;
  const pd::BassFit fit = pd::fit_bass(t, sales, pd::BassFitForm::density);
  EXPECT_NEAR(fit.m, 6.80e4, 0.005 * 6.80e4);
  EXPECT_NEAR(fit.p, 6.59e-3, 0.005e-3);
  EXPECT_NEAR(fit.q, 6.38e-1, 0.005e-1);
  // Residual standard error 727 on 7 degrees of freedom (same R output).
  EXPECT_NEAR(std::sqrt(fit.rss / 7), 727, 1);
}

TEST(FitBass, RecoversExactParametersInEveryForm) {
  const double m = 5000, p = 0.012, q = 0.45;
  Eigen::VectorXd t(15), inc(15), dens(15), cum(15);
  for (int i = 0; i < 15; ++i) {
    t[i] = i + 1;
    inc[i] = m * (pd::bass_cdf(i + 1, p, q) - pd::bass_cdf(i, p, q));
    dens[i] = m * pd::bass_pdf(i + 1, p, q);
    cum[i] = m * pd::bass_cdf(i + 1, p, q);
  }
  for (const auto& [data, form] :
       {std::pair{inc, pd::BassFitForm::increments}, std::pair{dens, pd::BassFitForm::density},
        std::pair{cum, pd::BassFitForm::cumulative}}) {
    const pd::BassFit fit = pd::fit_bass(t, data, form);
    EXPECT_NEAR(fit.m, m, 1e-5 * m);
    EXPECT_NEAR(fit.p, p, 1e-7);
    EXPECT_NEAR(fit.q, q, 1e-6);
    EXPECT_LT(fit.rss, 1e-10);
  }
}

TEST(FitLogistic, RecoversExactAndNoisyParameters) {
  Eigen::VectorXd t(25), y(25);
  for (int i = 0; i < 25; ++i) {
    t[i] = 2000 + i;
    y[i] = pd::logistic(t[i], 800, 0.35, 2012.5);
  }
  pd::LogisticFit fit = pd::fit_logistic(t, y);
  EXPECT_NEAR(fit.K, 800, 1e-6);
  EXPECT_NEAR(fit.r, 0.35, 1e-9);
  EXPECT_NEAR(fit.t0, 2012.5, 1e-8);
  // Only the early, convex part observed and +/-1 % deterministic noise: still close.
  Eigen::VectorXd t_early = t.head(14), y_early = y.head(14);
  for (int i = 0; i < 14; ++i) y_early[i] *= 1 + 0.01 * ((i % 3) - 1);
  fit = pd::fit_logistic(t_early, y_early);
  EXPECT_NEAR(fit.K, 800, 0.1 * 800);
  EXPECT_NEAR(fit.r, 0.35, 0.05);
}

TEST(Fit, BadSeriesAreNamed) {
  Eigen::VectorXd t(3), y(3), y2(2);
  t << 1, 2, 3;
  y << 1, 2, -3;
  y2 << 1, 2;
  EXPECT_EQ(message_of<std::domain_error>([&] { pd::fit_bass(t, y); }),
            "fit_bass: adoptions[2] = -3: must be non-negative");
  EXPECT_EQ(message_of<std::invalid_argument>([&] { pd::fit_logistic(t, y2); }),
            "fit_logistic: size of t (3) does not match size of y (2)");
  EXPECT_EQ(message_of<std::invalid_argument>([&] { pd::fit_logistic(t.head(2), y2); }),
            "fit_logistic: needs at least 3 points, got 2");
  Eigen::VectorXd unsorted(3), zeros = Eigen::VectorXd::Zero(3);
  unsorted << 1, 3, 2;
  EXPECT_EQ(message_of<std::invalid_argument>([&] { pd::fit_logistic(unsorted, t); }),
            "fit_logistic: t[2] = 2: must be strictly increasing (sorted, no duplicates)");
  EXPECT_EQ(message_of<std::invalid_argument>([&] { pd::fit_bass(t, zeros); }),
            "fit_bass: all adoptions are zero");
}

}  // namespace
