// SPDX-License-Identifier: Apache-2.0
// CsvTable: reading CSV with located errors; atomic file writes.
#include "peakpath/core/csv_table.hpp"

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "peakpath/core/error.hpp"

namespace peakpath {

namespace {

std::string quoted(const std::string& value) {
  return "'" + value + "'";
}

// Levenshtein distance, to suggest the closest allowed column name.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Splits one logical CSV record starting at @p pos; advances @p pos and @p line past it.
std::vector<std::string> next_record(const std::string& text, std::size_t& pos, std::size_t& line,
                                     const std::string& path) {
  std::vector<std::string> cells(1);
  bool in_quotes = false;
  const std::size_t start_line = line;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (in_quotes) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          cells.back() += '"';
          ++pos;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cells.back() += c;
      }
    } else if (c == '"') {
      if (!cells.back().empty())
        throw DataError(path + " line " + std::to_string(line) +
                        ": a quote inside an unquoted cell");
      in_quotes = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      cells.back() += c;
    }
  }
  if (in_quotes)
    throw DataError(path + " line " + std::to_string(start_line) + ": unterminated quoted cell");
  return cells;
}

bool blank(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (c.find_first_not_of(" \t") != std::string::npos) return false;
  return true;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

}  // namespace

CsvTable CsvTable::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path);
}

CsvTable CsvTable::parse(const std::string& text, const std::string& path) {
  CsvTable table;
  table.path_ = path;
  std::size_t pos = 0;
  std::size_t line = 1;
  // Skip a UTF-8 byte-order mark, which spreadsheet programs like to write.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  if (pos >= text.size()) throw DataError(path + ": empty file (a header row is required)");
  for (auto& name : next_record(text, pos, line, path)) table.header_.push_back(trimmed(name));
  for (std::size_t i = 0; i < table.header_.size(); ++i) {
    if (table.header_[i].empty())
      throw DataError(path + " line 1: column " + std::to_string(i + 1) + " has no name");
    if (!table.index_.emplace(table.header_[i], i).second)
      throw DataError(path + " line 1: duplicate column " + quoted(table.header_[i]));
  }
  while (pos < text.size()) {
    const std::size_t record_line = line;
    auto cells = next_record(text, pos, line, path);
    if (blank(cells)) continue;
    if (cells.size() != table.header_.size())
      throw DataError(path + " line " + std::to_string(record_line) + ": " +
                      std::to_string(cells.size()) + " cells, but the header has " +
                      std::to_string(table.header_.size()) + " columns");
    for (auto& c : cells) c = trimmed(c);
    table.cells_.push_back(std::move(cells));
    table.lines_.push_back(record_line);
  }
  return table;
}

void CsvTable::require_columns(std::initializer_list<const char*> columns) const {
  for (const char* column : columns)
    if (!has_column(column)) throw DataError(path_ + ": missing column " + quoted(column));
}

void CsvTable::require_columns(std::initializer_list<const char*> columns,
                               std::initializer_list<const char*> optional) const {
  require_columns(columns);
  std::vector<std::string> allowed(columns.begin(), columns.end());
  allowed.insert(allowed.end(), optional.begin(), optional.end());
  for (const char* doc : {"tag", "source", "note"}) allowed.emplace_back(doc);
  for (const std::string& column : header_) {
    if (std::find(allowed.begin(), allowed.end(), column) != allowed.end()) continue;
    const std::string* closest = &allowed.front();
    for (const std::string& name : allowed)
      if (edit_distance(column, name) < edit_distance(column, *closest)) closest = &name;
    std::string all;
    for (const std::string& name : allowed) all += (all.empty() ? "" : ", ") + name;
    throw DataError(path_ + ": unknown column " + quoted(column) + " (did you mean " +
                    quoted(*closest) + "? columns: " + all + ")");
  }
}

std::string CsvTable::where(std::size_t row, const std::string& column) const {
  return path_ + " line " + std::to_string(lines_.at(row)) + ", column " + quoted(column);
}

const std::string& CsvTable::text(std::size_t row, const std::string& column) const {
  const auto it = index_.find(column);
  if (it == index_.end()) throw DataError(path_ + ": missing column " + quoted(column));
  return cells_.at(row)[it->second];
}

const std::string& CsvTable::required_text(std::size_t row, const std::string& column) const {
  const std::string& value = text(row, column);
  if (value.empty()) throw DataError(where(row, column) + ": empty value");
  return value;
}

double CsvTable::number(std::size_t row, const std::string& column) const {
  const std::string& value = text(row, column);
  errno = 0;
  char* end = nullptr;
  const double parsed = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size() || errno == ERANGE)
    throw DataError(where(row, column) + ": value " + quoted(value) + " is not a number");
  if (!std::isfinite(parsed))
    throw DataError(where(row, column) + ": value " + quoted(value) + " is not finite");
  return parsed;
}

double CsvTable::nonnegative(std::size_t row, const std::string& column) const {
  const double value = number(row, column);
  if (value < 0)
    throw DataError(where(row, column) + ": value " + quoted(text(row, column)) + " is negative");
  return value;
}

long CsvTable::integer(std::size_t row, const std::string& column) const {
  const std::string& value = text(row, column);
  char* end = nullptr;
  errno = 0;
  const long parsed = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || end != value.c_str() + value.size() || errno == ERANGE)
    throw DataError(where(row, column) + ": value " + quoted(value) + " is not a whole number");
  return parsed;
}

bool CsvTable::flag(std::size_t row, const std::string& column) const {
  const std::string& value = text(row, column);
  if (value == "1" || value == "true" || value == "True") return true;
  if (value == "0" || value == "false" || value == "False") return false;
  throw DataError(where(row, column) + ": value " + quoted(value) + " is not 0 or 1");
}

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot write (temporary " + temporary + ")");
    out << content;
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw std::runtime_error(path + ": write failed");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw std::runtime_error(path + ": cannot rename the temporary file into place");
  }
}

}  // namespace peakpath
