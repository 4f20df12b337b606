// SPDX-License-Identifier: Apache-2.0
// peakpath: optional dataset.yaml sections that components outside `data` apply.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "peakpath/data/dataset.hpp"

namespace peakpath {

/// @brief One scalar of a dataset.yaml section: its dotted key below the section
/// ("database", "sectors.steel"), its text and where it was written.
struct DatasetSectionEntry {
  std::string key;    ///< dotted path below the section
  std::string value;  ///< the scalar's text
  std::string where;  ///< "FILE line N, key 'register.database'"
};

/// @brief A top-level section of dataset.yaml, flattened to its scalars in file order.
struct DatasetSection {
  std::string name;                          ///< the top-level key, e.g. "register"
  std::string manifest_path;                 ///< the dataset.yaml it comes from
  std::vector<DatasetSectionEntry> entries;  ///< every scalar below the section
};

/// @brief Applies a section to a dataset that is otherwise fully loaded; throws DataError
/// naming the entry's `where` for a bad value.
using DatasetSectionHandler = std::function<void(Dataset& data, const DatasetSection& section)>;

/// @brief Installs @p handler for the top-level section @p name of dataset.yaml, replacing an
/// earlier one. Components that depend on `data` (the register) install theirs, so that `data`
/// depends on none of them. Thread-safe.
void set_dataset_section_handler(const std::string& name, DatasetSectionHandler handler);

/// @brief Top-level dataset.yaml keys that load_dataset hands to a section handler. A dataset
/// using one of them while no handler is installed is refused with a DataError saying what to
/// link or call.
inline const std::vector<std::string> DATASET_SECTIONS = {"register"};

}  // namespace peakpath
