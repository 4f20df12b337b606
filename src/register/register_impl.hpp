// SPDX-License-Identifier: Apache-2.0
// Private: the state of a Register and the helpers its concept files (projects, offsets,
// allocation, monitoring, audit) share.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/register.hpp"
#include "sqlite.hpp"

namespace peakpath {

/// The open database and the rules.
struct Register::Impl {
  Impl(const std::string& path, Rules r) : db(path), rules(std::move(r)) {}
  detail::Database db;
  Rules rules;

  /// Sets key_region from the city when the project leaves it unset.
  void resolve_key_region(Project& p) const {
    if (!p.key_region) p.key_region = rules.is_key_region_city(p.city);
  }
};

namespace detail {

/// The columns of `projects` in the order read_project expects.
extern const char* const PROJECT_COLUMNS;
/// A project from a row selected with PROJECT_COLUMNS.
Project read_project(const Statement& row);
/// The project @p id, or nullopt.
std::optional<Project> find_project(const Database& db, const std::string& id);
/// The project @p id. @throws std::invalid_argument naming @p where when unknown.
Project require_project(const Database& db, const std::string& id,
                        const std::string& where = "register");
/// True when @p id names a project or an offset.
bool id_taken(const Database& db, const std::string& id);

/// Every source (retired projects, verified offsets) with its balance, ordered by id.
std::vector<SourceBalance> read_sources(const Database& db);

/// "<where><p1>; <p2>; ...".
std::string join_problems(const std::string& where, const std::vector<std::string>& problems);

/// A CSV cell's text; a cell that is not valid UTF-8 adds "FILE line N, column C: ..." to
/// @p errors and reads as "".
std::string cell_text(const CsvTable& table, std::size_t row, const std::string& column,
                      std::vector<std::string>& errors);
/// Like cell_text, "" when the column is absent.
std::string optional_cell(const CsvTable& table, std::size_t row, const std::string& column,
                          std::vector<std::string>& errors);
/// A number in [0, @p limit] (finite); a bad cell adds its located error and reads as 0.
double bounded_cell(const CsvTable& table, std::size_t row, const std::string& column, double limit,
                    std::vector<std::string>& errors);

/// Turns a "field: value: problem" into the located form of a CSV cell.
std::string located(const CsvTable& table, std::size_t row, const std::string& problem);

/// Adds the located form of each field problem ("field: value: problem") of row @p row, except
/// for the fields whose cell already failed (errors since @p first_error name its column):
/// such a cell read as "" or 0, so its field problem would repeat the cell's.
void add_field_problems(const CsvTable& table, std::size_t row,
                        const std::vector<std::string>& problems, std::size_t first_error,
                        std::vector<std::string>& errors);

/// Runs @p parse, adding its DataError (if any) to @p errors instead of stopping.
template <class F>
void collect(std::vector<std::string>& errors, F&& parse) {
  try {
    parse();
  } catch (const DataError& e) {
    errors.emplace_back(e.what());
  }
}

/// Throws DataError "<path>: N bad <what>, nothing imported:" with one line per error.
[[noreturn]] void throw_all(const std::string& path, const std::vector<std::string>& errors,
                            const std::string& what);

/// Imports every row of @p table, all or nothing, in one transaction: @p parse(row, errors)
/// reads a row (adding its located problems to errors), ids must be new to the file and the
/// register, and @p insert(db, row) stores one. @return the number of rows.
/// @throws DataError listing every problem.
template <class Row, class Parse, class Insert>
std::size_t import_rows(Database& db, const CsvTable& table, Parse&& parse, Insert&& insert) {
  Transaction transaction(db);
  std::vector<std::string> errors;
  std::vector<Row> rows;
  std::set<std::string> seen;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    Row r = parse(row, errors);
    if (!r.id.empty() && (!seen.insert(r.id).second || id_taken(db, r.id)))
      errors.push_back(table.where(row, "id") + ": value '" + r.id +
                       "' is a duplicate id (in this file or in the register)");
    rows.push_back(std::move(r));
  }
  if (!errors.empty()) throw_all(table.path(), errors, "cell(s)");
  for (const Row& r : rows) insert(db, r);
  transaction.commit();
  return rows.size();
}

}  // namespace detail
}  // namespace peakpath
