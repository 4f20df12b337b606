// SPDX-License-Identifier: Apache-2.0
// Tests of the lifetime laws: survival values from ODYM's test suite, moments, hazards, errors.
#include <gtest/gtest.h>

#include "../message_of.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "peakpath/stock/lifetime.hpp"

namespace {

using peakpath::stock::Lifetime;

// Integral of SF over [0, upper] by the trapezoid rule; equals the mean for a law on [0, inf).
double integral_of_sf(const Lifetime& lt, double upper, int steps) {
  const double h = upper / steps;
  double sum = 0.5 * (lt.sf(0.0) + lt.sf(upper));
  for (int i = 1; i < steps; ++i) sum += lt.sf(i * h);
  return sum * h;
}

// Reference survival values: the first cohort's column of Stock_TC_NormLT and
// Stock_TC_WeibullLT (inflow 1) in IndEcol/ODYM tests/test_dynamic_stock_model.py.
TEST(Lifetime, SurvivalMatchesOdymTables) {
  const Lifetime normal = Lifetime::normal(5, 1.5);
  EXPECT_NEAR(normal.sf(0), 9.99570940e-01, 1e-9);
  EXPECT_NEAR(normal.sf(3), 9.08788780e-01, 1e-9);
  EXPECT_NEAR(normal.sf(5), 0.5, 1e-15);
  EXPECT_NEAR(normal.sf(9), 3.83038057e-03, 1e-11);
  const Lifetime weibull = Lifetime::weibull(1.2, 1.0);
  EXPECT_DOUBLE_EQ(weibull.sf(0), 1.0);
  EXPECT_NEAR(weibull.sf(1), 0.367879441, 1e-9);
  EXPECT_NEAR(weibull.sf(2), 0.100520187, 1e-9);
  EXPECT_NEAR(weibull.sf(9), 8.59762e-07, 1e-11);
  // Fixed: present at ages 0..L-1, gone at L (ODYM: "survives 0,1,2,3 for L = 3.5").
  const Lifetime fixed = Lifetime::fixed(3.5);
  EXPECT_EQ(fixed.sf(3), 1.0);
  EXPECT_EQ(fixed.sf(4), 0.0);
  EXPECT_EQ(Lifetime::fixed(5).sf(5), 0.0);
  EXPECT_EQ(Lifetime::fixed(5).sf(4), 1.0);
}

TEST(Lifetime, LognormalUsesTheStandardConversionFromMeanAndSd) {
  const Lifetime lt = Lifetime::lognormal(30, 12);
  const double mu = lt.log_mu();
  const double s = lt.log_sigma();
  // E = exp(mu + s^2/2), Var = (exp(s^2) - 1) exp(2 mu + s^2).
  EXPECT_NEAR(std::exp(mu + 0.5 * s * s), 30.0, 1e-12);
  EXPECT_NEAR(std::sqrt((std::exp(s * s) - 1) * std::exp(2 * mu + s * s)), 12.0, 1e-11);
  EXPECT_NEAR(lt.mean(), 30.0, 0);
  EXPECT_NEAR(integral_of_sf(lt, 400, 40000), 30.0, 1e-4);
  // The median of a log-normal law is exp(mu).
  EXPECT_NEAR(lt.sf(std::exp(mu)), 0.5, 1e-12);
  EXPECT_THROW(Lifetime::weibull(2, 3).log_mu(), std::logic_error);
}

TEST(Lifetime, MeansEqualTheIntegralOfTheSurvivalFunction) {
  const Lifetime weibull = Lifetime::weibull(2.5, 40);
  EXPECT_NEAR(weibull.mean(), 40 * std::tgamma(1 + 1 / 2.5), 1e-12);
  EXPECT_NEAR(integral_of_sf(weibull, 300, 30000), weibull.mean(), 1e-6);
  // Folded normal with mean near 0: the folding matters; E|X| = 20 sqrt(2/pi) for mean 0.
  const Lifetime folded = Lifetime::folded_normal(0, 20);
  EXPECT_NEAR(folded.mean(), 20 * std::sqrt(2 / M_PI), 1e-12);
  const Lifetime folded2 = Lifetime::folded_normal(20, 20);
  EXPECT_NEAR(integral_of_sf(folded2, 400, 40000), folded2.mean(), 1e-5);
  EXPECT_GT(folded2.mean(), 20.0);  // folding moves mass from negative ages to positive ones
  EXPECT_EQ(Lifetime::fixed(7).mean(), 7.0);
  EXPECT_EQ(Lifetime::normal(12, 3).mean(), 12.0);
}

TEST(Lifetime, HazardIsPdfOverSurvival) {
  for (const Lifetime& lt : {Lifetime::normal(10, 3), Lifetime::weibull(1.7, 12),
                             Lifetime::lognormal(10, 4), Lifetime::folded_normal(5, 4)}) {
    for (double a : {0.5, 3.0, 9.0, 17.0}) {
      EXPECT_NEAR(lt.hazard(a), lt.pdf(a) / lt.sf(a), 1e-10 * lt.hazard(a)) << lt.kind_name();
      EXPECT_NEAR(lt.cdf(a) + lt.sf(a), 1.0, 1e-15);
    }
  }
  // A Weibull law with shape 1 is exponential: constant hazard 1/scale.
  const Lifetime exponential = Lifetime::weibull(1, 8);
  EXPECT_NEAR(exponential.hazard(0), 0.125, 1e-15);
  EXPECT_NEAR(exponential.hazard(30), 0.125, 1e-15);
  EXPECT_NEAR(exponential.pdf(0), 0.125, 1e-15);
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(Lifetime::fixed(4).hazard(3.9), 0.0);
  EXPECT_EQ(Lifetime::fixed(4).hazard(4), inf);
  EXPECT_EQ(Lifetime::fixed(4).pdf(4), inf);
  EXPECT_EQ(Lifetime::fixed(4).pdf(2), 0.0);
  EXPECT_EQ(Lifetime::weibull(0.5, 1).pdf(0), inf);
}

TEST(Lifetime, NegativeAgesSurviveExceptUnderTheNormalLaw) {
  EXPECT_EQ(Lifetime::weibull(2, 3).sf(-1), 1.0);
  EXPECT_EQ(Lifetime::lognormal(2, 3).sf(-1), 1.0);
  EXPECT_EQ(Lifetime::folded_normal(2, 3).sf(-1), 1.0);
  EXPECT_EQ(Lifetime::lognormal(2, 3).pdf(-1), 0.0);
  EXPECT_LT(Lifetime::normal(2, 3).sf(-1), 1.0);
}

TEST(Lifetime, BadParametersNameTheLawTheParameterAndTheValue) {
  EXPECT_EQ(message_of<std::domain_error>([] { Lifetime::normal(-1, 2); }),
            "Lifetime.normal: mean = -1: must be positive");
  EXPECT_EQ(message_of<std::domain_error>([] { Lifetime::weibull(2, 0); }),
            "Lifetime.weibull: scale = 0: must be positive");
  EXPECT_EQ(message_of<std::domain_error>([] { Lifetime::fixed(-3); }),
            "Lifetime.fixed: lifetime = -3: must be non-negative");
  EXPECT_EQ(message_of<std::domain_error>([] { Lifetime::lognormal(10, std::nan("")); }),
            "Lifetime.lognormal: sd = nan: must be finite");
  EXPECT_EQ(message_of<std::domain_error>([] { Lifetime::folded_normal(-1, 1); }),
            "Lifetime.folded_normal: mean = -1: must be non-negative");
  EXPECT_EQ(message_of<std::domain_error>([] { Lifetime::fixed(3).sf(std::nan("")); }),
            "Lifetime: age = nan: must not be NaN");
}

}  // namespace
