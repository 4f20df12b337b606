// SPDX-License-Identifier: Apache-2.0
// peakpath: what every stage of a run reads.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/model/detail/scenario_paths.hpp"
#include "peakpath/scenario/scenario.hpp"
#include "peakpath/stock/capacity_dynamics.hpp"

namespace peakpath {

/// @brief The inputs every stage of a run reads: the scenario with its dataset and fuels, its
/// effective paths (dataset defaults with the levers applied), the model years and the solver
/// tolerances. Built once per run by RunContext::make, which validates them.
struct RunContext {
  const Scenario& scenario;
  const Dataset& data;
  const FuelCatalogue& fuels;
  detail::ScenarioPaths paths;
  std::vector<int> years;           ///< base year to horizon
  std::vector<double> stock_years;  ///< the same years, as the stock integration takes them
  stock::SolverOptions solver;      ///< tolerances of the capital-stock integration
  std::size_t power_sector = 0;     ///< the power_heat sector: thermal plants and heat boilers
  Eigen::VectorXd base_intensity;   ///< per sector: base-year energy (tce) / activity
  std::vector<Eigen::VectorXd> base_mix;  ///< per sector: base-year fuel shares

  /// @brief The context of a run of @p scenario.
  /// @throws std::invalid_argument for a scenario without dataset, a horizon before the base
  ///         year, or a dataset without a power_heat sector.
  static RunContext make(const Scenario& scenario, const stock::SolverOptions& solver) {
    if (!scenario.dataset || !scenario.fuels)
      throw std::invalid_argument("run: scenario '" + scenario.name + "' has no dataset");
    if (scenario.horizon < scenario.base_year)
      throw std::invalid_argument("run: horizon " + std::to_string(scenario.horizon) +
                                  " is before the base year " + std::to_string(scenario.base_year));
    return RunContext(scenario, solver);
  }

  std::size_t sector_count() const { return data.sectors.size(); }
  std::size_t fuel_count() const { return data.fuel_ids.size(); }
  Eigen::Index year_count() const { return static_cast<Eigen::Index>(years.size()); }
  /// @brief The calendar year of row @p t.
  int year(Eigen::Index t) const { return years[static_cast<std::size_t>(t)]; }

 private:
  RunContext(const Scenario& run_scenario, const stock::SolverOptions& options)
      : scenario(run_scenario),
        data(*run_scenario.dataset),
        fuels(*run_scenario.fuels),
        paths(run_scenario.effective_paths()),
        solver(options),
        power_sector(find_power_sector(*run_scenario.dataset)) {
    for (int year = scenario.base_year; year <= scenario.horizon; ++year) {
      years.push_back(year);
      stock_years.push_back(year);
    }
    const std::size_t S = data.sectors.size();
    base_intensity.resize(static_cast<Eigen::Index>(S));
    for (std::size_t s = 0; s < S; ++s) {
      const auto row = static_cast<Eigen::Index>(s);
      const double total = data.base_energy_tce.row(row).sum();
      base_intensity[row] = total / data.base_activity[row];
      base_mix.push_back(total > 0
                             ? Eigen::VectorXd(data.base_energy_tce.row(row).transpose() / total)
                             : Eigen::VectorXd::Zero(data.base_energy_tce.cols()));
    }
  }
  static std::size_t find_power_sector(const Dataset& data) {
    for (std::size_t s = 0; s < data.sectors.size(); ++s)
      if (data.sectors[s].group == "power_heat") return s;
    throw std::invalid_argument("dataset '" + data.name + "' has no power_heat sector");
  }
};

}  // namespace peakpath
