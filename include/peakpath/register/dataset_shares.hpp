// SPDX-License-Identifier: Apache-2.0
// peakpath register: the bridge from the register to a dataset's base-year class shares.
#pragma once

#include <map>
#include <string>

#include "peakpath/data/dataset.hpp"
#include "peakpath/register/register.hpp"

namespace peakpath {

/// @brief Sets the base-year shares of the efficiency classes (below_baseline, baseline,
/// benchmark) of each target from @p reg's operating capacity by classified disposal.
///
/// @p target_of_type maps a project type to a target: a sector id, or "sector/line" for one
/// product line whose classes are named line_<class>. The classes keep their total shipped
/// share; other technologies (steel's scrap EAF) and other lines keep theirs.
/// @param where names the mapping in error messages (e.g. "dataset.yaml line 12, key ...")
/// @throws DataError for an unknown sector, project type or a class the sector lacks.
void apply_register_shares(Dataset& data, const Register& reg,
                           const std::map<std::string, std::string>& target_of_type,
                           const std::string& where);

/// @brief Installs the handler of dataset.yaml's `register:` section
/// (`register: {database: FILE, sectors: {project_type: target, ...}}`, FILE relative to the
/// dataset directory), which opens the register and calls apply_register_shares. Call it once
/// before load_dataset for datasets that have the section (the Python module does).
void enable_register_dataset_section();

}  // namespace peakpath
