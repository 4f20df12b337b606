// SPDX-License-Identifier: Apache-2.0
// peakpath: where the shipped datasets and scenarios live.
#pragma once

#include <string>

namespace peakpath {

/// @brief The shipped data directory: $PEAKPATH_DATA_DIR if set, else the source tree's data/
/// (when built in place), else the installed share/peakpath.
/// @throws DataError when none of these exists.
std::string default_data_dir();

}  // namespace peakpath
