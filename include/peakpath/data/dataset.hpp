// SPDX-License-Identifier: Apache-2.0
// peakpath: a region's base-year data and default driver paths.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/data/path_set.hpp"
#include "peakpath/energy/fuel_catalogue.hpp"
#include "peakpath/sector/sector.hpp"

namespace peakpath {

/// @brief A process-emission source of the base year (cement clinker, lime, ...).
struct ProcessSource {
  std::size_t sector = 0;  ///< index into Dataset::sectors
  std::string process;     ///< e.g. "cement"
  double co2_t = 0;        ///< base-year process CO2, t
  bool in_ceads = true;    ///< inside the CEADs inventory scope (cement only)
};

/// @brief A technology class of a sector with capital-stock dynamics (steel BF-BOF below the
/// baseline level, scrap EAF, ...). docs/dynamics.md explains each field.
struct TechnologyClassSpec {
  std::size_t sector = 0;         ///< index into Dataset::sectors
  std::string name;               ///< class id, unique within the sector
  double relative_intensity = 1;  ///< energy per unit of output, in any unit shared by the sector
  double base_share = 0;          ///< share of the sector's base-year capacity
  double lifetime_mean = 30;      ///< years (Weibull)
  double lifetime_shape = 3;      ///< Weibull shape
  double mean_age = 10;           ///< base-year stock ages uniform over [0, 2 x mean_age)
  Eigen::VectorXd fuel_mix;       ///< per fuel; empty: the sector's remaining base-year mix
};

/// @brief A published statistic the base year must reproduce.
struct CalibrationPoint {
  std::string indicator;
  int year = 0;
  double value = 0;
  double tolerance = 0;  ///< relative
  std::string unit;
  std::string source;
};

/// @brief A two-high product whose physical output follows its sector's activity: output per
/// activity unit is fixed at the base year's (products.csv, docs/data.md).
struct ProductSpec {
  std::string id;             ///< e.g. "crude_steel"
  std::size_t sector = 0;     ///< index of the producing sector
  double base_output_mt = 0;  ///< output in the base year, Mt
  std::string source;         ///< where the base-year output comes from (with its tag)
};

/// @brief Everything a run needs besides the levers: sectors, base year, default paths.
struct Dataset {
  std::string name;                ///< e.g. "shandong"
  std::string region;              ///< display name
  std::string directory;           ///< where it was loaded from
  std::string fuels_directory;     ///< the fuel catalogue used
  std::string default_factor_set;  ///< "china" or "ipcc2006"
  int base_year = 0;
  int horizon = 0;
  /// the last year whose drivers are observed (base_year when there is no history): scenario
  /// levers act from the year after it, and the years up to it keep their values
  int history_end = 0;
  std::vector<Sector> sectors;
  std::vector<std::string> fuel_ids;  ///< catalogue order
  Eigen::VectorXd base_activity;      ///< per sector, in the sector's activity unit
  Eigen::MatrixXd base_energy_tce;    ///< sectors x fuels, final use (no generation input)
  std::vector<ProcessSource> base_process;
  std::map<std::string, double> power;            ///< power-block scalars (see docs/data.md)
  Eigen::VectorXd electricity_fuel_mix;           ///< per fuel, shares of thermal generation input
  Eigen::VectorXd heat_fuel_mix;                  ///< per fuel, shares of heat-supply input
  std::vector<TechnologyClassSpec> technologies;  ///< classes of the sectors with dynamics
  PathSet paths;                                  ///< default driver paths
  std::vector<CalibrationPoint> calibration;
  std::vector<ProductSpec> products;  ///< physical outputs reported by Results::production_mt

  /// @brief Index of sector @p id. @throws std::invalid_argument for an unknown id.
  std::size_t sector_index(const std::string& id) const {
    for (std::size_t i = 0; i < sectors.size(); ++i)
      if (sectors[i].id == id) return i;
    throw std::invalid_argument("unknown sector id '" + id + "' in dataset '" + name + "'");
  }
  /// @brief Index of fuel @p id. @throws std::invalid_argument for an unknown id.
  std::size_t fuel_index(const std::string& id) const {
    for (std::size_t i = 0; i < fuel_ids.size(); ++i)
      if (fuel_ids[i] == id) return i;
    throw std::invalid_argument("unknown fuel id '" + id + "'");
  }
  /// @brief A power-block scalar. @throws std::invalid_argument when missing.
  double power_parameter(const std::string& name) const {
    const auto it = power.find(name);
    if (it == power.end())
      throw std::invalid_argument("dataset '" + this->name + "': power parameter '" + name +
                                  "' is missing");
    return it->second;
  }
};

/// @brief Loads a dataset directory (holding dataset.yaml), or a shipped dataset by name.
/// Every file is validated before anything runs.
/// @throws DataError naming the file, line, column and value of the first bad entry.
Dataset load_dataset(const std::string& name_or_directory);

}  // namespace peakpath
