// SPDX-License-Identifier: Apache-2.0
// peakpath: a scenario = a dataset + levers (time paths) + options.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "peakpath/data/dataset.hpp"
#include "peakpath/data/path_set.hpp"
#include "peakpath/energy/fuel_catalogue.hpp"
#include "peakpath/scenario/lever_catalogue.hpp"
#include "peakpath/scenario/lever_overlay.hpp"

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

/// @brief The lever (path) variables the model reads, in catalogue order (lever_catalogue()
/// gives each one's key pattern, unit, range and default; docs/levers.md is generated from it).
inline const std::vector<std::string> LEVER_VARIABLES = lever_variable_names();

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

  /// @brief A copy with @p overrides laid over the scenario's paths (overlay: each lever's
  /// points from its first year on, the base year keeps its value) or replacing them.
  /// @param where the start of error messages ("" : "scenario '<name>'")
  /// @throws DataError for an unknown lever or key (with the closest valid names), a value out
  /// of the lever's range, or, under overlay, a point that would change the base year.
  Scenario with_levers(const PathSet& overrides, LeverMerge merge = LeverMerge::overlay,
                       const std::string& where = "") const;

  /// @brief A copy using another emission-factor set ("china" or "ipcc2006").
  Scenario with_factor_set(const std::string& factor_set) const;

  /// @brief The effective paths: the dataset's defaults with the levers applied.
  PathSet effective_paths() const { return merge_paths(dataset->paths, levers); }
};

/// @brief Throws DataError (a std::invalid_argument) unless every variable of @p levers is a
/// known lever; the message suggests the closest lever names.
void check_lever_names(const PathSet& levers, const std::string& where);

}  // namespace peakpath
