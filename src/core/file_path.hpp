// SPDX-License-Identifier: Apache-2.0
// Private: the file-system questions the loaders ask, answered by std::filesystem without
// throwing (a path that cannot be inspected is simply not a file or directory; the caller then
// reports what it looked for).
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace peakpath::detail {

/// @brief Whether @p path is a regular file.
inline bool is_file(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

/// @brief Whether @p path is a directory.
inline bool is_directory(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error);
}

/// @brief The directory part of @p path ("." when it has none).
inline std::string directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace peakpath::detail
