// SPDX-License-Identifier: Apache-2.0
// run_batch_outcomes: each run's Results or its error, in input order, whatever the threads.
#include <gtest/gtest.h>

#include <boost/core/demangle.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <variant>
#include <vector>

#include "../message_of.hpp"
#include "peakpath/model/batch.hpp"
#include "peakpath/model/run.hpp"

namespace {

using peakpath::Results;
using peakpath::RunError;
using peakpath::Scenario;

// A factor out of range is refused when the scenario is built (the lever catalogue), so the
// scenario is changed directly: the batch must meet the error when it runs.
Scenario with_solar_factor(const Scenario& base, double factor, const std::string& name) {
  Scenario s = base;
  s.levers["capacity_factor"]["solar"] = peakpath::TimePath(factor);
  s.name = name;
  return s;
}

TEST(RunBatchOutcomes, EachRunGivesItsResultsOrItsError) {
  const Scenario base = Scenario::load("shandong/baseline");
  const Scenario bad = with_solar_factor(base, 2.0, "impossible_solar");
  const std::vector<Scenario> scenarios = {base, bad, with_solar_factor(base, 0.15, "ok"), bad};
  const std::string direct = message_of([&] { peakpath::run(bad); });
  ASSERT_FALSE(direct.empty());

  for (int threads : {1, 2, 3}) {
    const auto outcomes = peakpath::run_batch_outcomes(scenarios, threads);
    ASSERT_EQ(outcomes.size(), 4u);
    ASSERT_TRUE(std::holds_alternative<Results>(outcomes[0]));
    ASSERT_TRUE(std::holds_alternative<Results>(outcomes[2]));
    EXPECT_EQ(std::get<Results>(outcomes[0]).indicator_values,
              peakpath::run(base).indicator_values);
    EXPECT_EQ(std::get<Results>(outcomes[2]).scenario, "ok");
    for (std::size_t i : {1u, 3u}) {
      const auto* error = std::get_if<RunError>(&outcomes[i]);
      ASSERT_NE(error, nullptr) << "run " << i << " with " << threads << " threads";
      EXPECT_EQ(error->index, i);
      EXPECT_EQ(error->scenario, "impossible_solar");
      EXPECT_EQ(error->message, direct);  // the run's own message, not a summary
      EXPECT_NE(error->type.find("::"), std::string::npos) << error->type;  // a demangled name
      EXPECT_EQ(error->describe(),
                "scenario " + std::to_string(i) + " ('impossible_solar') failed: " + direct);
      EXPECT_EQ(message_of([&] { error->rethrow(); }), direct);
    }
  }
}

TEST(RunBatchOutcomes, TheErrorKeepsItsType) {
  const Scenario base = Scenario::load("shandong/baseline");
  const auto outcomes = peakpath::run_batch_outcomes({with_solar_factor(base, 2.0, "bad")}, 1);
  const auto& error = std::get<RunError>(outcomes.at(0));
  std::string caught;
  try {
    peakpath::run(with_solar_factor(base, 2.0, "bad"));
  } catch (const std::exception& e) {
    caught = boost::core::demangle(typeid(e).name());
  }
  EXPECT_EQ(error.type, caught);
}

TEST(RunBatchOutcomes, EmptyBatchAndBadThreads) {
  EXPECT_TRUE(peakpath::run_batch_outcomes({}, 2).empty());
  EXPECT_EQ(message_of<std::invalid_argument>([] { peakpath::run_batch_outcomes({}, 0); }),
            "run_batch: threads = 0: must be >= 1");
}

TEST(RunBatch, StillThrowsNamingTheFirstFailure) {
  const Scenario base = Scenario::load("shandong/baseline");
  const Scenario bad = with_solar_factor(base, 2.0, "impossible_solar");
  const std::string direct = message_of([&] { peakpath::run(bad); });
  EXPECT_EQ(message_of<std::runtime_error>([&] {
              peakpath::run_batch({base, bad, bad}, 2);
            }),
            "run_batch: scenario 1 ('impossible_solar') failed: " + direct);
}

}  // namespace
