// SPDX-License-Identifier: Apache-2.0
// peakpath: a scenario = a dataset + levers (time paths) + options.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "peakpath/data/dataset.hpp"
#include "peakpath/data/path_set.hpp"
#include "peakpath/energy/fuel_catalogue.hpp"

namespace peakpath {

/// @brief How primary (non-fossil and imported) electricity is converted to tce.
enum class ElectricityMethod {
  coal_consumption,  ///< the year's coal-power heat rate (China's convention for the non-fossil
                     ///< share)
  calorific          ///< 0.1229 kgce/kWh
};

/// @brief Run options of a scenario.
struct ScenarioOptions {
  std::string factor_set = "china";  ///< "china" or "ipcc2006"
  ElectricityMethod electricity_method = ElectricityMethod::coal_consumption;
};

/// @brief The lever (path) variables the model reads, each keyed by sector, technology,
/// "sector/fuel" or "total". docs/levers.md documents units and where each acts.
inline const std::vector<std::string> LEVER_VARIABLES = {"gdp_growth",
                                                         "activity_growth",
                                                         "activity_elasticity",
                                                         "population_growth",
                                                         "intensity_change",
                                                         "fuel_share",
                                                         "electricity_share",
                                                         "capacity_gw",
                                                         "capacity_factor",
                                                         "coal_heat_rate_gce_per_kwh",
                                                         "import_twh",
                                                         "import_share",
                                                         "import_non_fossil_share",
                                                         "grid_loss_share",
                                                         "ccus_capture_mt",
                                                         "process_intensity",
                                                         "removal_efficiency",
                                                         "new_build_share",
                                                         "phase_out_rate",
                                                         "retrofit_rate",
                                                         "utilisation",
                                                         "logistic_saturation",
                                                         "logistic_rate",
                                                         "bass_market",
                                                         "bass_p",
                                                         "bass_q",
                                                         "replacement_ratio",
                                                         "new_build_logistic_rate",
                                                         "new_build_logistic_midpoint",
                                                         "new_build_bass_p",
                                                         "new_build_bass_q",
                                                         "new_build_bass_launch"};

/// @brief A dataset with levers and options, ready to run.
struct Scenario {
  std::string name;         ///< e.g. "shandong/baseline"
  std::string description;  ///< one line for tables and plots
  std::string file;         ///< the YAML file it came from ("" when built in code)
  std::shared_ptr<const Dataset> dataset;
  std::shared_ptr<const FuelCatalogue> fuels;  ///< the catalogue of options.factor_set
  int base_year = 0;
  int horizon = 0;
  ScenarioOptions options;
  PathSet levers;  ///< override the dataset's default paths

  /// @brief A shipped scenario by name ("shandong/baseline") or a path to a YAML file.
  /// Follows `extends:` chains; levers of the child override the parent's.
  /// @throws DataError naming the file, line and key of a bad entry.
  static Scenario load(const std::string& name_or_path);

  /// @brief A scenario on @p dataset with its defaults and no levers.
  static Scenario from_dataset(std::shared_ptr<const Dataset> dataset,
                               ScenarioOptions options = {});

  /// @brief A copy with @p overrides replacing levers of the same variable and key.
  /// @throws std::invalid_argument for an unknown lever variable.
  Scenario with_levers(const PathSet& overrides) const;

  /// @brief A copy using another emission-factor set ("china" or "ipcc2006").
  Scenario with_factor_set(const std::string& factor_set) const;

  /// @brief The effective paths: the dataset's defaults with the levers applied.
  PathSet effective_paths() const { return merge_paths(dataset->paths, levers); }
};

/// @brief Throws std::invalid_argument unless every variable of @p levers is a known lever.
void check_lever_names(const PathSet& levers, const std::string& where);

}  // namespace peakpath
