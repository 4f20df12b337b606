// SPDX-License-Identifier: Apache-2.0
// default_data_dir(): where the shipped datasets live.
#include "peakpath/core/data_dir.hpp"

#include <cstdlib>

#include "file_path.hpp"
#include "peakpath/core/error.hpp"

namespace peakpath {

std::string default_data_dir() {
  if (const char* env = std::getenv("PEAKPATH_DATA_DIR"); env && *env) {
    if (!detail::is_directory(env))
      throw DataError(std::string("PEAKPATH_DATA_DIR = '") + env + "' is not a directory");
    return env;
  }
  for (const char* candidate : {PEAKPATH_SOURCE_DATA_DIR, PEAKPATH_INSTALL_DATA_DIR})
    if (detail::is_directory(candidate)) return candidate;
  throw DataError(std::string("no peakpath data directory: set PEAKPATH_DATA_DIR (looked in ") +
                  PEAKPATH_SOURCE_DATA_DIR + " and " + PEAKPATH_INSTALL_DATA_DIR + ")");
}

}  // namespace peakpath
