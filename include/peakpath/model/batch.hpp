// SPDX-License-Identifier: Apache-2.0
// peakpath: running many scenarios on a pool of threads.
#pragma once

#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "peakpath/model/run.hpp"

namespace peakpath {

/// @brief Runs @p scenarios on @p threads threads; results come back in input order and do not
/// depend on the number of threads (each run is independent and deterministic).
/// @throws std::invalid_argument when threads < 1; std::runtime_error naming the index and
///         scenario of the first run that failed (the others still ran).
inline std::vector<Results> run_batch(const std::vector<Scenario>& scenarios, int threads = 1) {
  if (threads < 1)
    throw std::invalid_argument("run_batch: threads = " + std::to_string(threads) +
                                ": must be >= 1");
  std::vector<Results> results(scenarios.size());
  std::vector<std::exception_ptr> errors(scenarios.size());
  const auto stride = static_cast<std::size_t>(threads);
  auto work = [&](std::size_t first) {
    for (std::size_t i = first; i < scenarios.size(); i += stride) {
      try {
        results[i] = run(scenarios[i]);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < stride; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& thread : pool) thread.join();
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (!errors[i]) continue;
    try {
      std::rethrow_exception(errors[i]);
    } catch (const std::exception& e) {
      throw std::runtime_error("run_batch: scenario " + std::to_string(i) + " ('" +
                               scenarios[i].name + "') failed: " + e.what());
    }
  }
  return results;
}

}  // namespace peakpath
