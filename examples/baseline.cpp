// SPDX-License-Identifier: Apache-2.0
// Example: run the shipped Shandong baseline from C++ and print a few indicators.
#include <cstdio>

#include <peakpath/peakpath.hpp>

int main() {
  const auto scenario = peakpath::Scenario::load("shandong/baseline");
  const auto results = peakpath::run(scenario);
  const auto co2 = results.indicator("co2_total_mt");
  const auto share = results.indicator("non_fossil_share");
  std::printf("%s (%s)\n", scenario.name.c_str(), results.region.c_str());
  for (int year : {2020, 2025, 2030, 2035}) {
    const auto t = static_cast<Eigen::Index>(results.year_index(year));
    std::printf("%d  CO2 %7.1f Mt  non-fossil %5.1f %%\n", year, co2[t], 100 * share[t]);
  }
  return 0;
}
