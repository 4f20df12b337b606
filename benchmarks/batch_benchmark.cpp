// SPDX-License-Identifier: Apache-2.0
// Benchmarks of batches (threads) and of cost against model size (sectors x regions).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include <peakpath/peakpath.hpp>

namespace {

const peakpath::Scenario& baseline() {
  static const auto scenario = peakpath::Scenario::load("shandong/baseline");
  return scenario;
}

// 64 baseline variants (solar build-out) on 1 or 2 threads: runs per second.
void BM_run_batch(benchmark::State& state) {
  std::vector<peakpath::Scenario> scenarios;
  for (int k = 0; k < 64; ++k) {
    peakpath::PathSet levers;
    levers["capacity_gw"]["solar"] = peakpath::TimePath({2020, 2030}, {22.72, 60.0 + k});
    scenarios.push_back(baseline().with_levers(levers));
  }
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(peakpath::run_batch(scenarios, threads));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(scenarios.size()));
}
BENCHMARK(BM_run_batch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// A synthetic dataset of `target` sectors: sectors other than power and heat are split into
// equal parts (technology classes too), round robin, so the totals stay the same.
peakpath::Scenario synthetic(std::size_t target) {
  const peakpath::Dataset& source = *baseline().dataset;
  std::vector<int> parts(source.sectors.size(), 1);
  for (std::size_t count = source.sectors.size(), s = 0; count < target; s = (s + 1) % parts.size())
    if (source.sectors[s].group != "power_heat") ++parts[s], ++count;
  auto data = std::make_shared<peakpath::Dataset>(source);
  data->sectors.clear();
  data->technologies.clear();
  std::vector<double> activity;
  std::vector<Eigen::VectorXd> energy;
  for (std::size_t s = 0; s < source.sectors.size(); ++s) {
    const int n = parts[s];
    for (int c = 0; c < n; ++c) {
      peakpath::Sector sector = source.sectors[s];
      if (n > 1) sector.id += "_" + std::to_string(c);
      for (const auto& spec : source.technologies)
        if (spec.sector == s) {
          peakpath::TechnologyClassSpec copy = spec;
          copy.sector = data->sectors.size();
          data->technologies.push_back(copy);
        }
      for (auto& process : data->base_process)
        if (process.sector == s && c == 0) process.sector = data->sectors.size();
      data->sectors.push_back(sector);
      activity.push_back(source.base_activity[static_cast<Eigen::Index>(s)] / n);
      energy.push_back(source.base_energy_tce.row(static_cast<Eigen::Index>(s)).transpose() / n);
    }
  }
  data->base_activity =
      Eigen::Map<Eigen::VectorXd>(activity.data(), static_cast<Eigen::Index>(activity.size()));
  data->base_energy_tce.resize(static_cast<Eigen::Index>(energy.size()), energy.front().size());
  for (std::size_t i = 0; i < energy.size(); ++i)
    data->base_energy_tce.row(static_cast<Eigen::Index>(i)) = energy[i].transpose();
  peakpath::Scenario scenario = baseline();
  scenario.dataset = data;
  return scenario;
}

// Cost against the number of sectors in one region: 18 (Shandong), 47 (CEADs), 94.
void BM_run_sectors(benchmark::State& state) {
  const peakpath::Scenario scenario = synthetic(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(peakpath::run(scenario));
  state.counters["sectors"] = static_cast<double>(scenario.dataset->sectors.size());
}
BENCHMARK(BM_run_sectors)->Arg(18)->Arg(47)->Arg(94)->Unit(benchmark::kMicrosecond);

// The synthetic 31-region x 47-sector case: 31 independent regional runs of a 47-sector
// dataset (regions do not interact in the model), on 2 threads.
void BM_run_31_regions_47_sectors(benchmark::State& state) {
  const peakpath::Scenario region = synthetic(47);
  std::vector<peakpath::Scenario> regions(31, region);
  for (auto _ : state) benchmark::DoNotOptimize(peakpath::run_batch(regions, 2));
  state.counters["sectors"] = static_cast<double>(region.dataset->sectors.size());
  state.counters["regions"] = 31;
}
BENCHMARK(BM_run_31_regions_47_sectors)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
