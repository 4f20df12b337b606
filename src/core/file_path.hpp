// SPDX-License-Identifier: Apache-2.0
// Private: the small file-system questions the loaders ask.
#pragma once

#include <sys/stat.h>
#include <string>

namespace peakpath::detail {

/// @brief Whether @p path is a regular file.
inline bool is_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

/// @brief Whether @p path is a directory.
inline bool is_directory(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

/// @brief The directory part of @p path ("." when it has none).
inline std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace peakpath::detail
