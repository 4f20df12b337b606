// SPDX-License-Identifier: Apache-2.0
// Register projects: import, add, query, status changes, classification, export.
#include <limits>

#include "audit_log.hpp"
#include "peakpath/core/format.hpp"
#include "plan.hpp"
#include "project_fields.hpp"
#include "register_impl.hpp"
#include "text.hpp"

namespace peakpath {

using detail::Statement;
using detail::Transaction;

namespace {

// The export (and import) column order: the API field order, then the additions.
const std::vector<std::string> CSV_COLUMNS = {
    "id",           "name",    "city",       "project_type", "status", "capacity", "capacity_unit",
    "energy_tce",   "coal_t",  "co2_t",      "so2_t",        "nox_t",  "pm_t",     "unit_energy",
    "commissioned", "retired", "key_region", "note"};

void insert_project(detail::Database& db, const Project& p) {
  Statement insert(db, std::string("INSERT INTO projects (") + detail::PROJECT_COLUMNS +
                           ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, p.id)
      .bind(2, p.name)
      .bind(3, p.city)
      .bind(4, p.project_type)
      .bind(5, p.status)
      .bind(6, p.capacity_unit);
  int i = 7;
  for (Dimension d : DIMENSIONS) insert.bind(i++, amount(p, d));
  insert.bind(14, p.unit_energy)
      .bind(15, p.commissioned)
      .bind(16, p.retired)
      .bind(17, static_cast<long long>(p.key_region.value_or(false)))
      .bind(18, p.note);
  insert.run();
  detail::record_change(db, "add_project", "project", p.id, p.id, "{}");
}

Project parse_project(const CsvTable& t, std::size_t row, std::vector<std::string>& errors) {
  using detail::cell_text;
  using detail::optional_cell;
  const std::size_t before = errors.size();
  Project p;
  p.id = cell_text(t, row, "id", errors);
  p.name = cell_text(t, row, "name", errors);
  p.city = cell_text(t, row, "city", errors);
  p.project_type = cell_text(t, row, "project_type", errors);
  p.status = cell_text(t, row, "status", errors);
  p.capacity_unit = cell_text(t, row, "capacity_unit", errors);
  for (Dimension d : DIMENSIONS)
    p.*detail::amount_member(d) =
        detail::bounded_cell(t, row, dimension_name(d), amount_limit(d), errors);
  if (!optional_cell(t, row, "unit_energy", errors).empty())
    p.unit_energy = detail::bounded_cell(t, row, "unit_energy", UNIT_ENERGY_LIMIT, errors);
  p.commissioned = optional_cell(t, row, "commissioned", errors);
  p.retired = optional_cell(t, row, "retired", errors);
  if (!optional_cell(t, row, "key_region", errors).empty())
    detail::collect(errors, [&] { p.key_region = t.flag(row, "key_region"); });
  p.note = optional_cell(t, row, "note", errors);
  detail::add_field_problems(t, row, project_problems(p), before, errors);
  return p;
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csv_line(const Project& p) {
  std::vector<std::string> cells = {
      p.id, p.name, p.city, p.project_type, p.status, format_number(p.capacity), p.capacity_unit};
  for (Dimension d : {Dimension::energy_tce, Dimension::coal_t, Dimension::co2_t, Dimension::so2_t,
                      Dimension::nox_t, Dimension::pm_t})
    cells.push_back(format_number(amount(p, d)));
  cells.push_back(p.unit_energy ? format_number(*p.unit_energy) : "");
  cells.push_back(p.commissioned);
  cells.push_back(p.retired);
  cells.push_back(p.key_region.value_or(false) ? "1" : "0");
  cells.push_back(p.note);
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csv_cell(cells[i]);
  return line + "\n";
}

}  // namespace

std::size_t Register::import_csv(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"id", "name", "city", "project_type", "status", "capacity",
                         "capacity_unit", "energy_tce", "coal_t", "co2_t", "so2_t", "nox_t",
                         "pm_t"});
  return detail::import_rows<Project>(
      impl_->db, table,
      [&](std::size_t row, std::vector<std::string>& errors) {
        Project p = parse_project(table, row, errors);
        impl_->resolve_key_region(p);
        return p;
      },
      insert_project);
}

void Register::add_project(const Project& project) {
  const auto problems = project_problems(project);
  if (!problems.empty())
    throw std::invalid_argument(
        detail::join_problems("add_project " + detail::quoted(project.id) + ": ", problems));
  Project p = project;
  impl_->resolve_key_region(p);
  Transaction transaction(impl_->db);
  if (detail::id_taken(impl_->db, p.id))
    throw std::invalid_argument("add_project: id '" + p.id + "' is already in the register");
  insert_project(impl_->db, p);
  transaction.commit();
}

std::vector<Project> Register::projects(const ProjectFilter& filter) const {
  for (const auto& [field, value] :
       {std::pair{"project_type", &filter.project_type}, std::pair{"status", &filter.status},
        std::pair{"city", &filter.city}})
    if (*value) detail::require_utf8("projects", field, **value);
  Statement query(impl_->db,
                  std::string("SELECT ") + detail::PROJECT_COLUMNS +
                      " FROM projects WHERE (?1 IS NULL OR project_type = ?1) AND (?2 IS NULL "
                      "OR status = ?2) AND (?3 IS NULL OR city = ?3) AND (?4 IS NULL OR "
                      "key_region = ?4) ORDER BY id");
  if (filter.project_type) query.bind(1, *filter.project_type);
  if (filter.status) query.bind(2, *filter.status);
  if (filter.city) query.bind(3, *filter.city);
  if (filter.key_region) query.bind(4, static_cast<long long>(*filter.key_region));
  std::vector<Project> result;
  while (query.step()) result.push_back(detail::read_project(query));
  return result;
}

Project Register::project(const std::string& id) const {
  return detail::require_project(impl_->db, id, "project");
}

void Register::set_status(const std::string& id, const std::string& status,
                          const std::string& date) {
  detail::require_utf8("set_status", "id", id);
  detail::require_utf8("set_status", "status", status);
  detail::require_utf8("set_status", "date", date);
  if (!is_project_status(status))
    throw std::invalid_argument("set_status: status '" + status +
                                "' is not proposed, under_construction, operating, retired or "
                                "suspended");
  if (status == "retired" && !is_iso_date(date))
    throw std::invalid_argument("set_status: retiring '" + id + "' needs its date, got '" + date +
                                "' (YYYY[-MM[-DD]])");
  Transaction transaction(impl_->db);
  const Project before = detail::require_project(impl_->db, id, "set_status");
  Statement used(impl_->db, "SELECT count(*) FROM allocations WHERE source_id = ?");
  used.bind(1, id).step();
  if (before.status == "retired" && status != "retired" && used.integer(0) > 0)
    throw std::invalid_argument("set_status: '" + id +
                                "' is a retired source whose amounts are allocated; release "
                                "those projects first");
  const std::string before_json = detail::row_json(impl_->db, "project", id);
  Statement update(impl_->db, "UPDATE projects SET status = ?, retired = ? WHERE id = ?");
  update.bind(1, status).bind(2, status == "retired" ? date : before.retired).bind(3, id).run();
  detail::record_change(impl_->db, "set_status", "project", id, id, before_json);
  transaction.commit();
}

std::vector<Classification> Register::classify() const {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Classification> result;
  for (const Project& p : projects()) {
    if (p.status == "retired") continue;
    Classification c{
        p.id, p.project_type, p.status, p.unit_energy.value_or(nan), nan, nan, "", "", "", ""};
    const auto levels = impl_->rules.levels(p.project_type);
    if (levels) {
      c.benchmark = levels->benchmark;
      c.baseline = levels->baseline;
      c.unit = levels->unit;
    }
    if (!levels) {
      c.disposal = "unclassified";
      c.reason = "the rules give no benchmark and baseline levels for " + p.project_type;
    } else if (!p.unit_energy) {
      c.disposal = "unclassified";
      c.reason = "the project has no unit energy consumption";
    } else if (*p.unit_energy <= levels->benchmark) {
      c.disposal = "keep";
      c.reason = "at or better than the benchmark level";
    } else if (*p.unit_energy <= levels->baseline) {
      c.disposal = "upgrade";
      c.deadline = levels->upgrade_deadline;
      c.reason = "between benchmark and baseline: upgrade towards the benchmark";
    } else {
      c.disposal = "retrofit_or_phase_out";
      c.deadline = levels->phase_out_deadline;
      c.reason = "worse than the baseline level: retrofit to the baseline or phase out";
    }
    result.push_back(std::move(c));
  }
  return result;
}

Amounts Register::requirement(const std::string& project_id) const {
  return detail::requirement_of(detail::require_project(impl_->db, project_id, "requirement"),
                                impl_->rules);
}

void Register::export_csv(const std::string& path) const {
  std::string out;
  for (std::size_t i = 0; i < CSV_COLUMNS.size(); ++i) out += (i ? "," : "") + CSV_COLUMNS[i];
  out += "\n";
  for (const Project& p : projects()) out += csv_line(p);
  write_file_atomically(path, out);
}

}  // namespace peakpath
