// SPDX-License-Identifier: Apache-2.0
// peakpath register: the register aggregated for the sector model.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/register/dimension.hpp"
#include "peakpath/register/register.hpp"

namespace peakpath {

/// @brief The register by project type and year, as the sector dynamics consume it.
///
/// Rows follow @ref project_types (PROJECT_TYPES order), columns follow @ref years.
struct RegisterAggregate {
  std::vector<int> years;                  ///< first_year..last_year
  std::vector<std::string> project_types;  ///< PROJECT_TYPES
  /// status → capacity in place at the end of each year: commissioned (year <= y, or no date)
  /// and not retired (no retirement date, or its year > y). Mixed units within a type are
  /// summed as given; keep one capacity unit per type in a register that feeds the model.
  std::map<std::string, Eigen::MatrixXd> capacity;
  /// dimension → offset still unallocated at the end of each year from sources of each type
  /// dated in or before that year (retired projects and verified offsets).
  std::map<Dimension, Eigen::MatrixXd> available_offset;
  /// dimension → replacement ratio per type (column 0: outside key regions, 1: key regions).
  std::map<Dimension, Eigen::MatrixXd> ratio;
};

/// @brief Aggregates @p reg over the years @p first_year..@p last_year.
/// @throws std::invalid_argument when last_year < first_year.
RegisterAggregate aggregate_register(const Register& reg, int first_year, int last_year);

}  // namespace peakpath
