// SPDX-License-Identifier: Apache-2.0
// Benchmarks of whole scenario runs, beside the cost of loading the scenario files.
#include <benchmark/benchmark.h>

#include <peakpath/peakpath.hpp>

namespace {

// One full Shandong baseline run (2020-2060, all sectors, fuels and the power block).
void BM_run_shandong_baseline(benchmark::State& state) {
  const auto scenario = peakpath::Scenario::load("shandong/baseline");
  for (auto _ : state) benchmark::DoNotOptimize(peakpath::run(scenario));
}
BENCHMARK(BM_run_shandong_baseline)->Unit(benchmark::kMicrosecond);

// Baseline for comparison: parsing and validating the dataset and scenario files.
void BM_load_shandong_baseline(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(peakpath::Scenario::load("shandong/baseline"));
}
BENCHMARK(BM_load_shandong_baseline)->Unit(benchmark::kMicrosecond);

}  // namespace
