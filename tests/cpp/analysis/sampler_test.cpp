// SPDX-License-Identifier: Apache-2.0
// Tests of the distributions and sampling designs.
#include "peakpath/analysis/sampler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "peakpath/analysis/distribution.hpp"
#include "test_util.hpp"

namespace pa = peakpath::analysis;

TEST(Distribution, QuantilesMatchClosedForms) {
  // Standard normal 97.5 % point (Abramowitz & Stegun 1964, Table 26.5): 1.959963984540054.
  EXPECT_NEAR(pa::normal(0, 1).quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(pa::normal(10, 2).quantile(0.5), 10.0, 1e-14);
  EXPECT_DOUBLE_EQ(pa::uniform(2, 6).quantile(0.25), 3.0);
  // Triangular(0, 1, 2): F^-1(u) = sqrt(2u) for u <= 1/2.
  EXPECT_NEAR(pa::triangular(0, 1, 2).quantile(0.125), 0.5, 1e-14);
  EXPECT_NEAR(pa::triangular(0, 0, 1).quantile(0.75), 0.5, 1e-14);  // mode at an end
  EXPECT_NEAR(pa::lognormal_log(0, 1).quantile(0.5), 1.0, 1e-14);
  EXPECT_TRUE(std::isinf(pa::normal(0, 1).quantile(0.0)));
}

TEST(Distribution, LognormalIsParameterisedByTheVariablesMeanAndSd) {
  const auto d = pa::lognormal(100.0, 20.0);
  EXPECT_NEAR(d.mean(), 100.0, 1e-10);
  EXPECT_NEAR(d.sd(), 20.0, 1e-10);
  EXPECT_EQ(d.kind(), pa::DistributionKind::lognormal);
  EXPECT_EQ(d.describe(), "lognormal(mean=100, sd=20)");
  EXPECT_DOUBLE_EQ(d.cdf(-1.0), 0.0);
}

TEST(Distribution, DiscreteQuantileCdfAndMoments) {
  const auto d = pa::discrete({3, 1, 2, 5}, {0.2, 0.5, 0.3, 0.0});
  EXPECT_EQ(d.quantile(0.0), 1.0);
  EXPECT_EQ(d.quantile(0.5), 1.0);
  EXPECT_EQ(d.quantile(0.51), 2.0);
  EXPECT_EQ(d.quantile(0.8), 2.0);
  EXPECT_EQ(d.quantile(0.81), 3.0);
  EXPECT_EQ(d.quantile(1.0), 3.0);  // never the value of weight 0
  EXPECT_DOUBLE_EQ(d.cdf(0.5), 0.0);
  EXPECT_DOUBLE_EQ(d.cdf(2.0), 0.8);
  EXPECT_DOUBLE_EQ(d.cdf(9.0), 1.0);
  EXPECT_NEAR(d.mean(), 0.5 * 1 + 0.3 * 2 + 0.2 * 3, 1e-15);
  EXPECT_EQ(d.describe(), "discrete(values=[3, 1, 2, 5], weights=[0.2, 0.5, 0.3, 0])");
}

TEST(Distribution, QuantileInvertsCdf) {
  for (const auto& d :
       {pa::uniform(-1, 3), pa::triangular(1, 4, 5), pa::normal(2, 0.5), pa::lognormal(3, 1)})
    for (double u : {0.01, 0.3, 0.5, 0.9, 0.999}) EXPECT_NEAR(d.cdf(d.quantile(u)), u, 1e-12);
}

TEST(Distribution, ImpossibleParametersNameParameterAndValue) {
  EXPECT_THROW(pa::normal(0, 0), std::invalid_argument);
  EXPECT_EQ(message_of([] { pa::normal(0, -1); }), "normal: sd = -1: must be positive and finite");
  EXPECT_EQ(message_of([] { pa::uniform(5, 2); }), "uniform: low = 5: must be less than high = 2");
  EXPECT_EQ(message_of([] { pa::triangular(0, 3, 2); }),
            "triangular: mode = 3: must lie in [low, high] = [0, 2]");
  EXPECT_EQ(message_of([] { pa::triangular(1, 1, 0); }),
            "triangular: low = 1: must be less than high = 0");
  EXPECT_EQ(message_of([] { pa::lognormal(-2, 1); }),
            "lognormal: mean = -2: must be positive and finite");
  EXPECT_EQ(message_of([] { pa::lognormal_log(0, 0); }),
            "lognormal_log: sigma = 0: must be positive and finite");
  EXPECT_EQ(message_of([] {
              pa::discrete({1, 2}, {1});
            }),
            "discrete: size of values (2) does not match size of weights (1)");
  EXPECT_EQ(message_of([] {
              pa::discrete({1, 2}, {1, -1});
            }),
            "discrete: weights[1] = -1: must be non-negative and finite");
  EXPECT_EQ(message_of([] {
              pa::discrete({1, 2}, {0, 0});
            }),
            "discrete: sum(weights) = 0: must be positive");
  EXPECT_EQ(message_of([] { pa::discrete({}, {}); }), "discrete: values is empty");
  EXPECT_EQ(message_of([] { pa::normal(0, 1).quantile(1.5); }),
            "Distribution.quantile: u = 1.5: must lie in [0, 1]");
}

TEST(Sampler, LatinHypercubeHasOnePointPerStratumInEveryColumn) {
  for (std::size_t n : {1u, 7u, 64u, 1000u}) {
    const Eigen::MatrixXd u = pa::Sampler(pa::SamplerKind::latin_hypercube, n, 5, 42).uniform();
    for (Eigen::Index j = 0; j < u.cols(); ++j) {
      std::vector<int> hits(n, 0);
      for (Eigen::Index i = 0; i < u.rows(); ++i)
        ++hits[static_cast<std::size_t>(u(i, j) * static_cast<double>(n))];
      EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
    }
  }
}

TEST(Sampler, ScrambledSobolIsBalancedForPowersOfTwo) {
  const std::size_t n = 256;
  const Eigen::MatrixXd u = pa::Sampler(pa::SamplerKind::sobol, n, 20, 9).uniform();
  for (Eigen::Index j = 0; j < u.cols(); ++j) {
    std::vector<int> hits(n, 0);
    for (Eigen::Index i = 0; i < u.rows(); ++i)
      ++hits[static_cast<std::size_t>(u(i, j) * static_cast<double>(n))];
    EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << j;
  }
}

TEST(Sampler, PlainSobolIsTheJoeKuoSequence) {
  // Points 0-4 of the Sobol sequence in 3 dimensions with the Joe & Kuo (2008) direction
  // numbers, as scipy.stats.qmc.Sobol(3, scramble=False) gives them.
  const Eigen::MatrixXd u = pa::Sampler(pa::SamplerKind::sobol, 5, 3, 0, false).uniform();
  Eigen::MatrixXd expected(5, 3);
  expected << 0, 0, 0, 0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.375, 0.375, 0.625;
  EXPECT_LT((u - expected).cwiseAbs().maxCoeff(), 1e-15) << u;
}

TEST(Sampler, RowsDoNotDependOnHowTheDesignIsSplit) {
  for (auto kind :
       {pa::SamplerKind::random, pa::SamplerKind::latin_hypercube, pa::SamplerKind::sobol}) {
    const pa::Sampler s(kind, 100, 4, 2024);
    const Eigen::MatrixXd all = s.uniform();
    Eigen::MatrixXd blocks(100, 4);
    const std::vector<std::size_t> cuts = {0, 13, 50, 51, 99, 100};
    for (std::size_t b = 0; b + 1 < cuts.size(); ++b) {
      const std::size_t count = cuts[b + 1] - cuts[b];
      blocks.middleRows(static_cast<Eigen::Index>(cuts[b]), static_cast<Eigen::Index>(count)) =
          s.uniform(cuts[b], count);
    }
    EXPECT_EQ(all, blocks);  // bit for bit
    EXPECT_NE(all, pa::Sampler(kind, 100, 4, 2025).uniform());
    EXPECT_GT(all.minCoeff(), 0.0);
    EXPECT_LT(all.maxCoeff(), 1.0);
  }
}

TEST(Sampler, SampleAppliesTheQuantileFunctions) {
  const pa::Sampler s(pa::SamplerKind::latin_hypercube, 2000, 2, 3);
  const Eigen::MatrixXd x = s.sample({pa::normal(5, 2), pa::uniform(10, 20)}, 0, 2000);
  EXPECT_NEAR(x.col(0).mean(), 5.0, 0.01);
  EXPECT_NEAR(x.col(1).mean(), 15.0, 0.01);
  EXPECT_GE(x.col(1).minCoeff(), 10.0);
}

TEST(Sampler, BadInput) {
  EXPECT_EQ(message_of([] { pa::Sampler(pa::SamplerKind::random, 0, 2, 1); }),
            "Sampler: n = 0: must be positive");
  EXPECT_EQ(message_of([] { pa::Sampler(pa::SamplerKind::random, 2, 0, 1); }),
            "Sampler: dimensions = 0: must be positive");
  EXPECT_EQ(message_of([] { pa::Sampler(pa::SamplerKind::sobol, 2, 5000, 1); }),
            "Sampler: dimensions = 5000: sobol supports at most 3667");
  EXPECT_EQ(message_of([] { pa::sampler_kind_from_string("halton"); }),
            "sampler = 'halton': must be one of lhs, random, sobol");
  EXPECT_EQ(message_of([] { pa::Sampler(pa::SamplerKind::random, 10, 2, 1).uniform(8, 3); }),
            "Sampler.uniform: rows [8, 11) go past n = 10");
  EXPECT_EQ(message_of([] {
              pa::Sampler(pa::SamplerKind::random, 10, 2, 1).sample({pa::normal(0, 1)}, 0, 1);
            }),
            "Sampler.sample: size of distributions (1) does not match size of dimensions (2)");
}

TEST(RandomPermutation, IsABijection) {
  for (std::uint64_t n : {1u, 2u, 3u, 17u, 1024u, 1025u}) {
    const pa::detail::RandomPermutation p(n, 77);
    std::vector<int> seen(n, 0);
    for (std::uint64_t i = 0; i < n; ++i) ++seen[p(i)];
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int h) { return h == 1; })) << n;
  }
}

TEST(Sampler, EveryNameParses) {
  EXPECT_EQ(pa::SAMPLER_NAMES, (std::vector<std::string>{"lhs", "random", "sobol"}));
  for (const auto& name : pa::SAMPLER_NAMES)
    EXPECT_NO_THROW(pa::Sampler(pa::sampler_kind_from_string(name), 4, 2, 1));
  EXPECT_EQ(pa::sampler_kind_from_string("latin_hypercube"), pa::SamplerKind::latin_hypercube);
}

TEST(Distribution, FactoryNamesMatchTheKinds) {
  EXPECT_EQ(pa::distribution_kind_name(pa::uniform(0, 1).kind()), "uniform");
  EXPECT_EQ(pa::distribution_kind_name(pa::triangular(0, 1, 2).kind()), "triangular");
  EXPECT_EQ(pa::distribution_kind_name(pa::normal(0, 1).kind()), "normal");
  EXPECT_EQ(pa::distribution_kind_name(pa::lognormal(1, 1).kind()), "lognormal");
  EXPECT_EQ(pa::distribution_kind_name(pa::lognormal_log(0, 1).kind()), "lognormal");
  EXPECT_EQ(pa::distribution_kind_name(pa::discrete({1, 2}, {1, 1}).kind()), "discrete");
  std::vector<std::string> names;
  for (const auto& f : pa::DISTRIBUTION_FACTORIES) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"uniform", "triangular", "normal", "lognormal",
                                             "lognormal_log", "discrete"}));
  EXPECT_EQ(pa::DISTRIBUTION_FACTORIES[1].parameters,
            (std::vector<std::string>{"low", "mode", "high"}));
}
