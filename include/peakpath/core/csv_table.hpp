// SPDX-License-Identifier: Apache-2.0
// peakpath: a small CSV reader whose every error names the file, line, column and value.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace peakpath {

/// @brief A CSV file read whole: a header row, then rows of text cells (RFC 4180 quoting).
class CsvTable {
 public:
  /// @brief Reads @p path. @throws DataError on a missing file, ragged row or bad quoting.
  static CsvTable read(const std::string& path);
  /// @brief Parses @p text as if read from a file called @p path.
  static CsvTable parse(const std::string& text, const std::string& path);

  const std::string& path() const { return path_; }
  std::size_t rows() const { return cells_.size(); }
  const std::vector<std::string>& columns() const { return header_; }
  bool has_column(const std::string& column) const { return index_.count(column) > 0; }

  /// @throws DataError naming the file and the first missing column.
  void require_columns(std::initializer_list<const char*> columns) const;
  /// @brief Requires @p columns and allows besides them only @p optional and the
  /// documentation columns tag, source and note, so that a misspelled optional header is not
  /// silently ignored. @throws DataError naming the file, the column and the closest allowed
  /// name.
  void require_columns(std::initializer_list<const char*> columns,
                       std::initializer_list<const char*> optional) const;

  /// @brief "file.csv line 7, column 'x'" (line numbers count the header as line 1).
  std::string where(std::size_t row, const std::string& column) const;

  /// @brief The cell text. @throws DataError for an unknown column.
  const std::string& text(std::size_t row, const std::string& column) const;
  /// @brief A non-empty text cell.
  const std::string& required_text(std::size_t row, const std::string& column) const;
  /// @brief A finite number. @throws DataError naming file, line, column and value otherwise.
  double number(std::size_t row, const std::string& column) const;
  /// @brief A finite number >= 0.
  double nonnegative(std::size_t row, const std::string& column) const;
  /// @brief A whole number.
  long integer(std::size_t row, const std::string& column) const;
  /// @brief 0/1 (also true/false).
  bool flag(std::size_t row, const std::string& column) const;

 private:
  std::string path_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::vector<std::string>> cells_;
  std::vector<std::size_t> lines_;
};

/// @brief Writes @p content to @p path through a temporary file and a rename, so a failure
/// never leaves a half-written file. @throws std::runtime_error on I/O failure.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace peakpath
