// SPDX-License-Identifier: Apache-2.0
// A consumer program: links peakpath::peakpath and runs the shipped baseline.
#include <cmath>
#include <iostream>

#include <peakpath/peakpath.hpp>

int main() {
  const peakpath::Scenario scenario = peakpath::Scenario::load("shandong/baseline");
  const peakpath::Results results = peakpath::run(scenario);
  const double co2 = results.indicator("co2_total_mt")[0];
  std::cout << scenario.name << ": base-year CO2 " << co2 << " Mt\n";
  return std::isfinite(co2) && co2 > 0 ? 0 : 1;
}
