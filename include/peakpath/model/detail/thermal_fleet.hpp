// SPDX-License-Identifier: Apache-2.0
// peakpath: the thermal fleet, coal power as a capital stock (C2).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/data/dataset.hpp"
#include "peakpath/energy/units.hpp"
#include "peakpath/model/detail/scenario_paths.hpp"
#include "peakpath/model/detail/sector_dynamics.hpp"
#include "peakpath/scenario/lever_catalogue.hpp"

namespace peakpath {

/// @brief Thermal technologies whose `capacity_gw` (a plan) the thermal fleet keeps at least.
inline const std::vector<std::string> THERMAL_TECHNOLOGIES = {"coal", "gas"};

namespace detail {

/// The thermal fleet: the technology classes of @p power_sector, driven by thermal generation
/// (@p thermal_twh per year, as average GW) and kept at least at the planned capacity, the sum
/// of the `capacity_gw` paths of THERMAL_TECHNOLOGIES that exist. nullopt when the sector has no
/// classes. @p where names the run in errors.
/// @throws std::invalid_argument for a fleet with no base-year generation to size it by, a
///         replacement ratio on it, or a negative planned capacity.
inline std::optional<SectorDynamics> simulate_thermal_fleet(
    const Dataset& data, const ScenarioPaths& paths, std::size_t power_sector,
    const std::vector<double>& thermal_twh, const std::vector<double>& years,
    const stock::SolverOptions& solver, const std::string& where) {
  if (!has_technology_classes(data, power_sector)) return std::nullopt;
  const std::string& id = data.sectors[power_sector].id;
  if (!(thermal_twh.front() > 0)) {
    const TimePath* share = paths.find("import_share", "total");
    throw std::invalid_argument(
        where + ": " +
        (share ? "import_share = " + std::to_string(share->at(years.front())) + " in " +
                     std::to_string(static_cast<int>(years.front())) +
                     " leaves no thermal generation (with non-fossil output)"
               : std::string("imports and non-fossil output leave no thermal generation in ") +
                     std::to_string(static_cast<int>(years.front()))) +
        ", but sector '" + id + "' sizes its thermal fleet by base-year thermal generation");
  }
  if (paths.find("replacement_ratio", id))
    throw std::invalid_argument(
        "replacement_ratio " + id +
        ": thermal plants must generate what imports and non-fossil leave, so their capacity "
        "cannot be capped; lower thermal generation through the import or capacity_gw levers");
  std::vector<double> thermal_gw, planned_gw(years.size(), 0.0);
  for (double twh : thermal_twh) thermal_gw.push_back(twh * 1e3 / units::HOURS_PER_YEAR);
  bool planned = false;
  for (const auto& tech : THERMAL_TECHNOLOGIES) {
    const TimePath* gw = paths.find("capacity_gw", tech);
    if (!gw) continue;
    planned = true;
    for (std::size_t t = 0; t < years.size(); ++t) {
      const double value = gw->at(years[t]);
      if (!(value >= 0 && value <= MAX_CAPACITY_GW))
        throw std::invalid_argument("capacity_gw " + tech + " in " +
                                    std::to_string(static_cast<int>(years[t])) + " = " +
                                    std::to_string(value) + ": must be in [0, 1e5] GW");
      planned_gw[t] += value;
    }
  }
  return simulate_sector_classes(
      data, paths, power_sector, thermal_gw, years, solver,
      planned ? TimePath(years, planned_gw, "planned thermal capacity") : TimePath());
}

}  // namespace detail
}  // namespace peakpath
