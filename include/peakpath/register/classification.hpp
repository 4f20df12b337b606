// SPDX-License-Identifier: Apache-2.0
// peakpath register: classified disposal of one project against its efficiency levels.
#pragma once

#include <string>

namespace peakpath {

/// @brief The disposal class of a project:
/// - "keep": unit energy at or better than the benchmark level;
/// - "upgrade": between benchmark and baseline, upgrade by the upgrade deadline;
/// - "retrofit_or_phase_out": worse than the baseline, by the phase-out deadline;
/// - "unclassified": no unit energy consumption, or no levels for the type (reason says which).
struct Classification {
  std::string project_id;    ///< the project
  std::string project_type;  ///< its type
  std::string status;        ///< its status
  double unit_energy = 0.0;  ///< its unit energy consumption (NaN when unknown)
  double benchmark = 0.0;    ///< benchmark level (NaN when none)
  double baseline = 0.0;     ///< baseline level (NaN when none)
  std::string unit;          ///< unit of the three numbers above
  std::string disposal;      ///< keep, upgrade, retrofit_or_phase_out, unclassified
  std::string deadline;      ///< ISO date, empty for keep and unclassified
  std::string reason;        ///< one sentence
};

}  // namespace peakpath
