// SPDX-License-Identifier: Apache-2.0
// Register: projects, offsets, allocations and the audit trail in one SQLite file.
#include "peakpath/register/register.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

#include "ledger.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/core/csv_table.hpp"
#include "plan.hpp"
#include "sqlite.hpp"

namespace peakpath {

using register_detail::append_audit;
using register_detail::Database;
using register_detail::format_number;
using register_detail::JsonObject;
using register_detail::Statement;
using register_detail::to_json;
using register_detail::Transaction;

namespace {

const char* const PROJECT_COLUMNS =
    "id, name, city, project_type, status, capacity_unit, capacity, coal_t, energy_tce, co2_t, "
    "so2_t, nox_t, pm_t, unit_energy, commissioned, retired, key_region, note";

// The export (and import) column order: the API field order, then the additions.
const std::vector<std::string> CSV_COLUMNS = {
    "id",           "name",    "city",       "project_type", "status", "capacity", "capacity_unit",
    "energy_tce",   "coal_t",  "co2_t",      "so2_t",        "nox_t",  "pm_t",     "unit_energy",
    "commissioned", "retired", "key_region", "note"};

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

void insert_project(Database& db, const Project& p) {
  Statement insert(db, std::string("INSERT INTO projects (") + PROJECT_COLUMNS +
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
  append_audit(db, "add_project", "project", p.id, "{}", to_json(p));
}

bool id_taken(Database& db, const std::string& id) {
  Statement query(db,
                  "SELECT 1 FROM projects WHERE id = ?1 UNION ALL "
                  "SELECT 1 FROM offsets WHERE id = ?1");
  query.bind(1, id);
  return query.step();
}

std::optional<Project> find_project(const Database& db, const std::string& id) {
  Statement query(db, std::string("SELECT ") + PROJECT_COLUMNS + " FROM projects WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_project(query);
}

Project require_project(const Database& db, const std::string& id) {
  auto p = find_project(db, id);
  if (!p) throw std::invalid_argument("register: unknown project '" + id + "'");
  return *p;
}

std::string join_problems(const std::string& where, const std::vector<std::string>& problems) {
  std::string message = where;
  for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
  return message;
}

// Turns "field: value: problem" into the located form of a CSV cell.
std::string located(const CsvTable& table, std::size_t row, const std::string& problem) {
  const auto colon = problem.find(':');
  const std::string field = problem.substr(0, colon);
  const std::string column = table.has_column(field) ? field : "id";
  return table.where(row, column) + ":" + problem.substr(colon + 1);
}

// Collects every DataError of @p parse instead of stopping at the first.
template <class F>
void collect(std::vector<std::string>& errors, F&& parse) {
  try {
    parse();
  } catch (const DataError& e) {
    errors.emplace_back(e.what());
  }
}

[[noreturn]] void throw_all(const std::string& path, const std::vector<std::string>& errors,
                            const std::string& what) {
  std::string message =
      path + ": " + std::to_string(errors.size()) + " bad " + what + ", nothing imported:";
  for (const auto& e : errors) message += "\n  " + e;
  throw DataError(message);
}

std::string optional_text(const CsvTable& t, std::size_t row, const std::string& column) {
  return t.has_column(column) ? t.text(row, column) : std::string();
}

Project parse_project(const CsvTable& t, std::size_t row, std::vector<std::string>& errors) {
  Project p;
  p.id = t.text(row, "id");
  p.name = t.text(row, "name");
  p.city = t.text(row, "city");
  p.project_type = t.text(row, "project_type");
  p.status = t.text(row, "status");
  p.capacity_unit = t.text(row, "capacity_unit");
  for (Dimension d : DIMENSIONS) {
    collect(errors, [&] {
      const double v = t.nonnegative(row, dimension_name(d));
      switch (d) {
        case Dimension::capacity:
          p.capacity = v;
          break;
        case Dimension::coal_t:
          p.coal_t = v;
          break;
        case Dimension::energy_tce:
          p.energy_tce = v;
          break;
        case Dimension::co2_t:
          p.co2_t = v;
          break;
        case Dimension::so2_t:
          p.so2_t = v;
          break;
        case Dimension::nox_t:
          p.nox_t = v;
          break;
        case Dimension::pm_t:
          p.pm_t = v;
          break;
      }
    });
  }
  if (!optional_text(t, row, "unit_energy").empty())
    collect(errors, [&] { p.unit_energy = t.nonnegative(row, "unit_energy"); });
  p.commissioned = optional_text(t, row, "commissioned");
  p.retired = optional_text(t, row, "retired");
  if (!optional_text(t, row, "key_region").empty())
    collect(errors, [&] { p.key_region = t.flag(row, "key_region"); });
  p.note = optional_text(t, row, "note");
  // A cell that failed to parse left its field valid (0), so no problem is reported twice.
  for (const auto& problem : project_problems(p)) errors.push_back(located(t, row, problem));
  return p;
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string period_check(const std::string& period) {
  if (period.size() == 4 || period.size() == 7) {
    if (is_iso_date(period)) return "";
  }
  return "is not a period (YYYY or YYYY-MM)";
}

double approved_for_period(const Project& p, Dimension d, const std::string& period) {
  return period.size() == 7 ? amount(p, d) / 12.0 : amount(p, d);
}

MonitorFlag make_flag(const Project& p, const std::string& period, Dimension d, double actual) {
  MonitorFlag flag;
  flag.project_id = p.id;
  flag.period = period;
  flag.dimension = d;
  flag.actual = actual;
  flag.approved = approved_for_period(p, d, period);
  flag.excess = std::max(actual - flag.approved, 0.0);
  flag.over = actual > flag.approved * (1 + 1e-12);
  return flag;
}

std::string assignment_json(const Assignment& a) {
  return JsonObject()
      .add("project_id", a.project_id)
      .add("source_id", a.source_id)
      .add("dimension", dimension_name(a.dimension))
      .add("amount", a.amount)
      .str();
}

}  // namespace

struct Register::Impl {
  Impl(const std::string& path, Rules r) : db(path), rules(std::move(r)) {}
  Database db;
  Rules rules;

  void resolve_key_region(Project& p) const {
    if (!p.key_region) p.key_region = rules.is_key_region_city(p.city);
  }
};

Register::Register(const std::string& path, Rules rules)
    : impl_(std::make_unique<Impl>(path, std::move(rules))) {
  register_detail::migrate(impl_->db, SCHEMA_VERSION);
}

Register::~Register() = default;
Register::Register(Register&&) noexcept = default;
Register& Register::operator=(Register&&) noexcept = default;

const std::string& Register::path() const {
  return impl_->db.path();
}
const Rules& Register::rules() const {
  return impl_->rules;
}

int Register::schema_version() const {
  Statement query(impl_->db, "PRAGMA user_version");
  query.step();
  return static_cast<int>(query.integer(0));
}

std::size_t Register::import_csv(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"id", "name", "city", "project_type", "status", "capacity",
                         "capacity_unit", "energy_tce", "coal_t", "co2_t", "so2_t", "nox_t",
                         "pm_t"});
  Transaction transaction(impl_->db);
  std::vector<std::string> errors;
  std::vector<Project> projects;
  std::set<std::string> seen;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    Project p = parse_project(table, row, errors);
    if (!p.id.empty() && (!seen.insert(p.id).second || id_taken(impl_->db, p.id)))
      errors.push_back(table.where(row, "id") + ": value '" + p.id +
                       "' is a duplicate id (in this file or in the register)");
    impl_->resolve_key_region(p);
    projects.push_back(std::move(p));
  }
  if (!errors.empty()) throw_all(path, errors, "cell(s)");
  for (const auto& p : projects) insert_project(impl_->db, p);
  transaction.commit();
  return projects.size();
}

void Register::add_project(const Project& project) {
  const auto problems = project_problems(project);
  if (!problems.empty())
    throw std::invalid_argument(join_problems("add_project '" + project.id + "': ", problems));
  Project p = project;
  impl_->resolve_key_region(p);
  Transaction transaction(impl_->db);
  if (id_taken(impl_->db, p.id))
    throw std::invalid_argument("add_project: id '" + p.id + "' is already in the register");
  insert_project(impl_->db, p);
  transaction.commit();
}

std::vector<Project> Register::projects(const ProjectFilter& filter) const {
  Statement query(impl_->db,
                  std::string("SELECT ") + PROJECT_COLUMNS +
                      " FROM projects WHERE (?1 IS NULL OR project_type = ?1) AND (?2 IS NULL "
                      "OR status = ?2) AND (?3 IS NULL OR city = ?3) AND (?4 IS NULL OR "
                      "key_region = ?4) ORDER BY id");
  if (filter.project_type) query.bind(1, *filter.project_type);
  if (filter.status) query.bind(2, *filter.status);
  if (filter.city) query.bind(3, *filter.city);
  if (filter.key_region) query.bind(4, static_cast<long long>(*filter.key_region));
  std::vector<Project> result;
  while (query.step()) result.push_back(read_project(query));
  return result;
}

Project Register::project(const std::string& id) const {
  return require_project(impl_->db, id);
}

void Register::set_status(const std::string& id, const std::string& status,
                          const std::string& date) {
  if (!is_project_status(status))
    throw std::invalid_argument("set_status: status '" + status +
                                "' is not proposed, under_construction, operating, retired or "
                                "suspended");
  if (status == "retired" && !is_iso_date(date))
    throw std::invalid_argument("set_status: retiring '" + id + "' needs its date, got '" + date +
                                "' (YYYY[-MM[-DD]])");
  Transaction transaction(impl_->db);
  const Project before = require_project(impl_->db, id);
  Statement used(impl_->db, "SELECT count(*) FROM allocations WHERE source_id = ?");
  used.bind(1, id).step();
  if (before.status == "retired" && status != "retired" && used.integer(0) > 0)
    throw std::invalid_argument("set_status: '" + id +
                                "' is a retired source whose amounts are allocated; release "
                                "those projects first");
  Project after = before;
  after.status = status;
  if (status == "retired") after.retired = date;
  Statement update(impl_->db, "UPDATE projects SET status = ?, retired = ? WHERE id = ?");
  update.bind(1, after.status).bind(2, after.retired).bind(3, id).run();
  append_audit(impl_->db, "set_status", "project", id, to_json(before), to_json(after));
  transaction.commit();
}

namespace {

void insert_offset(Database& db, const Offset& o) {
  Statement insert(db,
                   "INSERT INTO offsets (id, kind, project_type, city, date, capacity_unit, "
                   "capacity, coal_t, energy_tce, co2_t, so2_t, nox_t, pm_t, verified, note) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, o.id)
      .bind(2, o.kind)
      .bind(3, o.project_type)
      .bind(4, o.city)
      .bind(5, o.date)
      .bind(6, o.capacity_unit);
  for (Dimension d : DIMENSIONS)
    insert.bind(7 + static_cast<int>(index_of(d)), o.amounts[index_of(d)]);
  insert.bind(14, static_cast<long long>(o.verified)).bind(15, o.note);
  insert.run();
  append_audit(db, "add_offset", "offset", o.id, "{}", to_json(o));
}

}  // namespace

std::size_t Register::import_offsets_csv(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"id", "kind", "project_type", "city", "date"});
  Transaction transaction(impl_->db);
  std::vector<std::string> errors;
  std::vector<Offset> offsets;
  std::set<std::string> seen;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    Offset o;
    o.id = table.text(row, "id");
    o.kind = table.text(row, "kind");
    o.project_type = table.text(row, "project_type");
    o.city = table.text(row, "city");
    o.date = table.text(row, "date");
    o.capacity_unit = optional_text(table, row, "capacity_unit");
    o.note = optional_text(table, row, "note");
    for (Dimension d : DIMENSIONS) {
      const std::string& name = dimension_name(d);
      if (optional_text(table, row, name).empty()) continue;  // blank: nothing freed
      collect(errors, [&] { o.amounts[index_of(d)] = table.nonnegative(row, name); });
    }
    if (!optional_text(table, row, "verified").empty())
      collect(errors, [&] { o.verified = table.flag(row, "verified"); });
    for (const auto& problem : offset_problems(o)) errors.push_back(located(table, row, problem));
    if (!o.id.empty() && (!seen.insert(o.id).second || id_taken(impl_->db, o.id)))
      errors.push_back(table.where(row, "id") + ": value '" + o.id +
                       "' is a duplicate id (in this file or in the register)");
    offsets.push_back(std::move(o));
  }
  if (!errors.empty()) throw_all(path, errors, "cell(s)");
  for (const auto& o : offsets) insert_offset(impl_->db, o);
  transaction.commit();
  return offsets.size();
}

void Register::add_offset(const Offset& offset) {
  const auto problems = offset_problems(offset);
  if (!problems.empty())
    throw std::invalid_argument(join_problems("add_offset '" + offset.id + "': ", problems));
  Transaction transaction(impl_->db);
  if (id_taken(impl_->db, offset.id))
    throw std::invalid_argument("add_offset: id '" + offset.id + "' is already in the register");
  insert_offset(impl_->db, offset);
  transaction.commit();
}

std::vector<Offset> Register::offsets() const {
  Statement query(impl_->db,
                  "SELECT id, kind, project_type, city, date, capacity_unit, capacity, coal_t, "
                  "energy_tce, co2_t, so2_t, nox_t, pm_t, verified, note FROM offsets ORDER BY id");
  std::vector<Offset> result;
  while (query.step()) {
    Offset o;
    o.id = query.text(0);
    o.kind = query.text(1);
    o.project_type = query.text(2);
    o.city = query.text(3);
    o.date = query.text(4);
    o.capacity_unit = query.text(5);
    for (Dimension d : DIMENSIONS)
      o.amounts[index_of(d)] = query.real(6 + static_cast<int>(index_of(d)));
    o.verified = query.integer(13) != 0;
    o.note = query.text(14);
    result.push_back(std::move(o));
  }
  return result;
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
  return register_detail::requirement_of(require_project(impl_->db, project_id), impl_->rules);
}

namespace {

std::vector<SourceBalance> read_sources(const Database& db) {
  Statement query(db,
                  "SELECT s.source_id, s.source_kind, s.project_type, s.city, s.date, "
                  "s.capacity_unit, s.dimension, s.amount, s.amount - COALESCE((SELECT "
                  "SUM(a.amount) FROM allocations a WHERE a.source_id = s.source_id AND "
                  "a.dimension = s.dimension), 0) FROM sources s ORDER BY s.source_id");
  std::vector<SourceBalance> result;
  while (query.step()) {
    if (result.empty() || result.back().id != query.text(0)) {
      result.push_back({query.text(0),
                        query.text(1),
                        query.text(2),
                        query.text(3),
                        query.text(4),
                        query.text(5),
                        {},
                        {}});
    }
    const std::size_t k = index_of(parse_dimension(query.text(6)));
    result.back().total[k] = query.real(7);
    result.back().remaining[k] = std::max(query.real(8), 0.0);
  }
  return result;
}

std::vector<Assignment> read_assignments(const Database& db, const std::string& project_id) {
  Statement query(db,
                  "SELECT a.project_id, a.source_id, s.source_kind, s.city, s.date, a.dimension, "
                  "a.amount FROM allocations a LEFT JOIN sources s ON s.source_id = a.source_id "
                  "AND s.dimension = a.dimension WHERE ?1 = '' OR a.project_id = ?1 "
                  "ORDER BY a.seq");
  query.bind(1, project_id);
  std::vector<Assignment> result;
  while (query.step())
    result.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
                      parse_dimension(query.text(5)), query.real(6),
                      std::numeric_limits<double>::quiet_NaN()});
  return result;
}

}  // namespace

std::vector<SourceBalance> Register::sources() const {
  return read_sources(impl_->db);
}

Allocation Register::allocate(const std::string& project_id, bool commit) {
  // The write lock is taken before anything is read, so the balances cannot change underneath.
  Transaction transaction(impl_->db);
  const Project p = require_project(impl_->db, project_id);
  if (!is_new_status(p.status))
    throw std::invalid_argument("allocate: project '" + project_id + "' has status '" + p.status +
                                "'; only proposed or under_construction projects "
                                "need replacement");
  if (!read_assignments(impl_->db, project_id).empty())
    throw std::invalid_argument("allocate: project '" + project_id +
                                "' already holds an allocation; release it first");
  const std::string reference =
      p.commissioned.empty() ? register_detail::utc_now().substr(0, 10) : p.commissioned;
  Allocation allocation =
      register_detail::plan_allocation(p, impl_->rules, read_sources(impl_->db), reference);
  if (allocation.approved && commit) {
    Statement insert(impl_->db,
                     "INSERT INTO allocations (project_id, source_id, dimension, amount, "
                     "created_at) VALUES (?, ?, ?, ?, ?)");
    const std::string now = register_detail::utc_now();
    for (const auto& a : allocation.assignments) {
      if (!(a.amount > 0)) continue;
      insert.bind(1, a.project_id)
          .bind(2, a.source_id)
          .bind(3, dimension_name(a.dimension))
          .bind(4, a.amount)
          .bind(5, now);
      insert.run();
      append_audit(impl_->db, "allocate", "allocation", project_id, "{}", assignment_json(a));
    }
    transaction.commit();
    allocation.committed = true;
  }
  return allocation;
}

std::size_t Register::release(const std::string& project_id) {
  Transaction transaction(impl_->db);
  require_project(impl_->db, project_id);
  const auto held = read_assignments(impl_->db, project_id);
  Statement erase(impl_->db, "DELETE FROM allocations WHERE project_id = ?");
  erase.bind(1, project_id).run();
  for (const auto& a : held)
    append_audit(impl_->db, "release", "allocation", project_id, assignment_json(a), "{}");
  transaction.commit();
  return held.size();
}

std::vector<Assignment> Register::assignments(const std::string& project_id) const {
  return read_assignments(impl_->db, project_id);
}

std::vector<MonitorFlag> Register::monitor(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"project_id", "period"});
  std::vector<Dimension> columns;
  for (Dimension d : DIMENSIONS)
    if (d != Dimension::capacity && table.has_column(dimension_name(d))) columns.push_back(d);
  if (columns.empty())
    throw DataError(path + ": no figure columns (coal_t, energy_tce, co2_t, so2_t, nox_t, pm_t)");
  Transaction transaction(impl_->db);
  std::vector<std::string> errors;
  struct Figure {
    std::string project_id, period;
    Dimension dimension;
    double value;
  };
  std::vector<Figure> figures;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::string& id = table.text(row, "project_id");
    const std::string& period = table.text(row, "period");
    if (!find_project(impl_->db, id))
      errors.push_back(table.where(row, "project_id") + ": value '" + id +
                       "' is not a project of the register");
    if (const std::string problem = period_check(period); !problem.empty())
      errors.push_back(table.where(row, "period") + ": value '" + period + "' " + problem);
    for (Dimension d : columns) {
      if (table.text(row, dimension_name(d)).empty()) continue;  // not reported
      collect(errors, [&] {
        figures.push_back({id, period, d, table.nonnegative(row, dimension_name(d))});
      });
    }
  }
  if (!errors.empty()) throw_all(path, errors, "cell(s)");
  Statement old(impl_->db,
                "SELECT value FROM actuals WHERE project_id = ? AND period = ? AND dimension = ?");
  Statement upsert(impl_->db,
                   "INSERT OR REPLACE INTO actuals (project_id, period, dimension, value) "
                   "VALUES (?, ?, ?, ?)");
  for (const auto& f : figures) {
    const std::string dim = dimension_name(f.dimension);
    old.bind(1, f.project_id).bind(2, f.period).bind(3, dim);
    const std::string before =
        old.step() ? JsonObject().add("period", f.period).add(dim, old.real(0)).str() : "{}";
    old.run();
    upsert.bind(1, f.project_id).bind(2, f.period).bind(3, dim).bind(4, f.value).run();
    append_audit(impl_->db, "actual", "actual", f.project_id, before,
                 JsonObject().add("period", f.period).add(dim, f.value).str());
  }
  transaction.commit();
  return flags();
}

std::vector<MonitorFlag> Register::flags() const {
  Statement query(impl_->db,
                  "SELECT project_id, period, dimension, value FROM actuals "
                  "ORDER BY project_id, period, dimension");
  std::map<std::string, Project> cache;
  std::vector<MonitorFlag> result;
  while (query.step()) {
    const std::string id = query.text(0);
    auto it = cache.find(id);
    if (it == cache.end()) it = cache.emplace(id, require_project(impl_->db, id)).first;
    result.push_back(
        make_flag(it->second, query.text(1), parse_dimension(query.text(2)), query.real(3)));
  }
  return result;
}

std::vector<MonitorTotal> Register::totals(const std::string& caps_path) const {
  std::map<std::pair<int, Dimension>, double> caps;
  if (!caps_path.empty()) {
    const CsvTable table = CsvTable::read(caps_path);
    table.require_columns({"year", "dimension", "cap"});
    std::vector<std::string> errors;
    for (std::size_t row = 0; row < table.rows(); ++row) {
      collect(errors, [&] {
        const long year = table.integer(row, "year");
        const double cap = table.nonnegative(row, "cap");
        Dimension d;
        try {
          d = parse_dimension(table.text(row, "dimension"));
        } catch (const std::invalid_argument&) {
          throw DataError(table.where(row, "dimension") + ": value '" +
                          table.text(row, "dimension") + "' is not a dimension");
        }
        caps[{static_cast<int>(year), d}] = cap;
      });
    }
    if (!errors.empty()) throw_all(caps_path, errors, "cap cell(s)");
  }
  Statement query(impl_->db,
                  "SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year, dimension, SUM(value) "
                  "FROM actuals GROUP BY year, dimension ORDER BY year, dimension");
  std::map<std::pair<int, Dimension>, MonitorTotal> totals;
  while (query.step()) {
    const int year = static_cast<int>(query.integer(0));
    const Dimension d = parse_dimension(query.text(1));
    totals[{year, d}] = {year, d, query.real(2), std::numeric_limits<double>::quiet_NaN(), false};
  }
  for (const auto& [key, cap] : caps)
    if (!totals.count(key))
      totals[key] = {key.first, key.second, 0.0, std::numeric_limits<double>::quiet_NaN(), false};
  std::vector<MonitorTotal> result;
  for (auto& [key, total] : totals) {
    if (const auto it = caps.find(key); it != caps.end()) {
      total.cap = it->second;
      total.over = total.total > it->second;
    }
    result.push_back(total);
  }
  return result;
}

std::vector<AuditEntry> Register::audit() const {
  Statement query(
      impl_->db,
      "SELECT seq, at, action, entity, entity_id, before, after FROM audit ORDER BY seq");
  std::vector<AuditEntry> result;
  while (query.step())
    result.push_back({query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                      query.text(5), query.text(6)});
  return result;
}

void Register::export_csv(const std::string& path) const {
  std::string out;
  for (std::size_t i = 0; i < CSV_COLUMNS.size(); ++i) out += (i ? "," : "") + CSV_COLUMNS[i];
  out += "\n";
  for (const Project& p : projects()) {
    std::vector<std::string> cells = {
        p.id, p.name, p.city, p.project_type, p.status, format_number(p.capacity), p.capacity_unit};
    for (Dimension d : {Dimension::energy_tce, Dimension::coal_t, Dimension::co2_t,
                        Dimension::so2_t, Dimension::nox_t, Dimension::pm_t})
      cells.push_back(format_number(amount(p, d)));
    cells.push_back(p.unit_energy ? format_number(*p.unit_energy) : "");
    cells.push_back(p.commissioned);
    cells.push_back(p.retired);
    cells.push_back(p.key_region.value_or(false) ? "1" : "0");
    cells.push_back(p.note);
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\n";
  }
  write_file_atomically(path, out);
}

}  // namespace peakpath
