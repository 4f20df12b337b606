// SPDX-License-Identifier: Apache-2.0
// Private helpers shared by the register's concept files: project rows and CSV cells.
#include <cmath>

#include "peakpath/core/format.hpp"
#include "register_impl.hpp"
#include "text.hpp"

namespace peakpath::detail {

const char* const PROJECT_COLUMNS =
    "id, name, city, project_type, status, capacity_unit, capacity, coal_t, energy_tce, co2_t, "
    "so2_t, nox_t, pm_t, unit_energy, commissioned, retired, key_region, note";

Project read_project(const Statement& row) {
  Project p;
  p.id = row.text(0);
  p.name = row.text(1);
  p.city = row.text(2);
  p.project_type = row.text(3);
  p.status = row.text(4);
  p.capacity_unit = row.text(5);
  p.capacity = row.real(6);
  p.coal_t = row.real(7);
  p.energy_tce = row.real(8);
  p.co2_t = row.real(9);
  p.so2_t = row.real(10);
  p.nox_t = row.real(11);
  p.pm_t = row.real(12);
  if (!row.is_null(13)) p.unit_energy = row.real(13);
  p.commissioned = row.text(14);
  p.retired = row.text(15);
  p.key_region = row.integer(16) != 0;
  p.note = row.text(17);
  return p;
}

std::optional<Project> find_project(const Database& db, const std::string& id) {
  Statement query(db, std::string("SELECT ") + PROJECT_COLUMNS + " FROM projects WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_project(query);
}

Project require_project(const Database& db, const std::string& id, const std::string& where) {
  require_utf8(where, "project id", id);
  auto p = find_project(db, id);
  if (!p) throw std::invalid_argument(where + ": unknown project " + quoted(id));
  return *p;
}

bool id_taken(const Database& db, const std::string& id) {
  Statement query(db,
                  "SELECT 1 FROM projects WHERE id = ?1 UNION ALL "
                  "SELECT 1 FROM offsets WHERE id = ?1");
  query.bind(1, id);
  return query.step();
}

std::string join_problems(const std::string& where, const std::vector<std::string>& problems) {
  std::string message = where;
  for (const auto& p : problems) message += (message == where ? "" : "; ") + p;
  return message;
}

std::string cell_text(const CsvTable& table, std::size_t row, const std::string& column,
                      std::vector<std::string>& errors) {
  const std::string& text = table.text(row, column);
  if (const std::string problem = utf8_problem(text); !problem.empty()) {
    errors.push_back(table.where(row, column) + ": value " + quoted(text) + " is " + problem);
    return "";
  }
  return text;
}

std::string optional_cell(const CsvTable& table, std::size_t row, const std::string& column,
                          std::vector<std::string>& errors) {
  return table.has_column(column) ? cell_text(table, row, column, errors) : std::string();
}

double bounded_cell(const CsvTable& table, std::size_t row, const std::string& column, double limit,
                    std::vector<std::string>& errors) {
  const std::size_t before = errors.size();
  cell_text(table, row, column, errors);
  if (errors.size() > before) return 0.0;
  double value = 0.0;
  collect(errors, [&] { value = table.nonnegative(row, column); });
  if (errors.size() > before) return 0.0;
  if (!std::isfinite(value) || value > limit) {
    errors.push_back(table.where(row, column) + ": value " + format_number(value) +
                     " must be finite and within [0, " + format_number(limit) + "]");
    return 0.0;
  }
  return value;
}

std::string located(const CsvTable& table, std::size_t row, const std::string& problem) {
  const auto colon = problem.find(':');
  const std::string field = problem.substr(0, colon);
  const std::string column = table.has_column(field) ? field : "id";
  return table.where(row, column) + ":" + problem.substr(colon + 1);
}

void add_field_problems(const CsvTable& table, std::size_t row,
                        const std::vector<std::string>& problems, std::size_t first_error,
                        std::vector<std::string>& errors) {
  const std::size_t cell_errors = errors.size();
  for (const auto& problem : problems) {
    const std::string cell = table.where(row, problem.substr(0, problem.find(':')));
    bool failed = false;
    for (std::size_t i = first_error; i < cell_errors; ++i)
      failed = failed || errors[i].compare(0, cell.size(), cell) == 0;
    if (!failed) errors.push_back(located(table, row, problem));
  }
}

void throw_all(const std::string& path, const std::vector<std::string>& errors,
               const std::string& what) {
  std::string message =
      path + ": " + std::to_string(errors.size()) + " bad " + what + ", nothing imported:";
  for (const auto& e : errors) message += "\n  " + e;
  throw DataError(message);
}

}  // namespace peakpath::detail
