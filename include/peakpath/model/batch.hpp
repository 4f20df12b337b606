// SPDX-License-Identifier: Apache-2.0
// peakpath: running many scenarios on a pool of threads, with each run's Results or error.
#pragma once

#include <boost/core/demangle.hpp>
#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <typeinfo>
#include <utility>
#include <variant>
#include <vector>

#include "peakpath/model/run.hpp"

namespace peakpath {

/// @brief Why one run of a batch failed: which run, the exception's type and message, and the
/// exception itself (so that a caller, e.g. the Python binding, can rethrow it unchanged).
struct RunError {
  std::size_t index = 0;         ///< position of the scenario in the batch
  std::string scenario;          ///< the scenario's name
  std::string type;              ///< the exception's C++ type, e.g. "peakpath::IntegrationError"
  std::string message;           ///< its what()
  std::exception_ptr exception;  ///< the exception thrown by run()

  /// @brief "scenario <index> ('<name>') failed: <message>".
  /// @return the description
  std::string describe() const {
    return "scenario " + std::to_string(index) + " ('" + scenario + "') failed: " + message;
  }

  /// @brief Throws the original exception again.
  [[noreturn]] void rethrow() const { std::rethrow_exception(exception); }
};

/// @brief The outcome of one run of a batch: its Results, or why it failed.
using RunOutcome = std::variant<Results, RunError>;

namespace detail {

/// The RunError of the exception being handled (call inside a catch block).
inline RunError current_run_error(std::size_t index, const std::string& scenario) {
  RunError error{index, scenario, "unknown", "unknown exception", std::current_exception()};
  try {
    throw;
  } catch (const std::exception& e) {
    error.type = boost::core::demangle(typeid(e).name());
    error.message = e.what();
  } catch (...) {  // not a std::exception: type and message stay "unknown"
  }
  return error;
}

}  // namespace detail

/// @brief Runs @p scenarios on @p threads threads and returns, for each scenario in input
/// order, its Results or its RunError. A failure does not stop the other runs, and nothing is
/// run twice. The outcomes do not depend on the number of threads (each run is independent
/// and deterministic).
/// @param scenarios the scenarios
/// @param threads number of threads (>= 1)
/// @return one outcome per scenario
/// @throws std::invalid_argument when threads < 1
inline std::vector<RunOutcome> run_batch_outcomes(const std::vector<Scenario>& scenarios,
                                                  int threads = 1) {
  if (threads < 1)
    throw std::invalid_argument("run_batch: threads = " + std::to_string(threads) +
                                ": must be >= 1");
  std::vector<RunOutcome> outcomes(scenarios.size());
  const auto stride = static_cast<std::size_t>(threads);
  auto work = [&](std::size_t first) {
    for (std::size_t i = first; i < scenarios.size(); i += stride) {
      try {
        outcomes[i] = run(scenarios[i]);
      } catch (...) {
        outcomes[i] = detail::current_run_error(i, scenarios[i].name);
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < stride; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& thread : pool) thread.join();
  return outcomes;
}

/// @brief Runs @p scenarios on @p threads threads; results come back in input order and do not
/// depend on the number of threads. Use run_batch_outcomes() to keep the successful runs and
/// learn why each other one failed.
/// @param scenarios the scenarios
/// @param threads number of threads (>= 1)
/// @return the results, in input order
/// @throws std::invalid_argument when threads < 1; std::runtime_error naming the index and
///         scenario of the first run that failed (the others still ran).
inline std::vector<Results> run_batch(const std::vector<Scenario>& scenarios, int threads = 1) {
  std::vector<Results> results;
  results.reserve(scenarios.size());
  for (auto& outcome : run_batch_outcomes(scenarios, threads)) {
    if (const auto* error = std::get_if<RunError>(&outcome))
      throw std::runtime_error("run_batch: " + error->describe());
    results.push_back(std::move(std::get<Results>(outcome)));
  }
  return results;
}

}  // namespace peakpath
