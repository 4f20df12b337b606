// SPDX-License-Identifier: Apache-2.0
// default_data_dir(): where the shipped datasets live.
#include "peakpath/data/data_dir.hpp"

#include <cstdlib>
#include <sys/stat.h>

#include "peakpath/core/error.hpp"

namespace peakpath {

namespace {

bool is_directory(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

}  // namespace

std::string default_data_dir() {
  if (const char* env = std::getenv("PEAKPATH_DATA_DIR"); env && *env) {
    if (!is_directory(env))
      throw DataError(std::string("PEAKPATH_DATA_DIR = '") + env + "' is not a directory");
    return env;
  }
  for (const char* candidate : {PEAKPATH_SOURCE_DATA_DIR, PEAKPATH_INSTALL_DATA_DIR})
    if (is_directory(candidate)) return candidate;
  throw DataError(std::string("no peakpath data directory: set PEAKPATH_DATA_DIR (looked in ") +
                  PEAKPATH_SOURCE_DATA_DIR + " and " + PEAKPATH_INSTALL_DATA_DIR + ")");
}

}  // namespace peakpath
