// SPDX-License-Identifier: Apache-2.0
// The register's SQLite schema, its migrations, and the audit trail helpers.
#include <charconv>
#include <chrono>
#include <cmath>
#include <ctime>
#include <vector>

#include "ledger.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/dimension.hpp"

namespace peakpath::register_detail {

namespace {

// 'PPKR': marks a SQLite file as a peakpath register.
constexpr long long APPLICATION_ID = 0x50504b52;

// One view row per (source, dimension): retired projects are closures; offsets count when
// verified. The over-use trigger and the allocation both read what a source has from here.
std::string sources_view() {
  std::string sql =
      "CREATE VIEW sources(source_id, source_kind, project_type, city, date, "
      "capacity_unit, dimension, amount) AS ";
  bool first = true;
  for (Dimension d : DIMENSIONS) {
    const std::string& name = dimension_name(d);
    if (!first) sql += " UNION ALL ";
    first = false;
    sql += "SELECT id, 'closure', project_type, city, retired, capacity_unit, '" + name + "', " +
           name + " FROM projects WHERE status = 'retired' UNION ALL SELECT id, kind, " +
           "project_type, city, date, capacity_unit, '" + name + "', " + name +
           " FROM offsets WHERE verified = 1";
  }
  return sql + ";";
}

std::string amount_columns() {
  std::string sql;
  for (Dimension d : DIMENSIONS)
    sql += dimension_name(d) + " REAL NOT NULL CHECK (" + dimension_name(d) + " >= 0), ";
  return sql;
}

// MIGRATIONS[i] takes the schema from version i to i + 1; never edit a released entry.
std::vector<std::string> migrations() {
  return {
      "CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL, "
      "project_type TEXT NOT NULL, status TEXT NOT NULL, capacity_unit TEXT NOT NULL, " +
      amount_columns() +
      "unit_energy REAL, commissioned TEXT NOT NULL DEFAULT '', "
      "retired TEXT NOT NULL DEFAULT '', key_region INTEGER NOT NULL, "
      "note TEXT NOT NULL DEFAULT '');"
      "CREATE TABLE offsets (id TEXT PRIMARY KEY, kind TEXT NOT NULL, "
      "project_type TEXT NOT NULL, city TEXT NOT NULL, date TEXT NOT NULL, "
      "capacity_unit TEXT NOT NULL DEFAULT '', " +
      amount_columns() + "verified INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');" +
      sources_view() +
      "CREATE TABLE allocations (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
      "project_id TEXT NOT NULL REFERENCES projects(id), source_id TEXT NOT NULL, "
      "dimension TEXT NOT NULL, amount REAL NOT NULL CHECK (amount > 0), "
      "created_at TEXT NOT NULL);"
      "CREATE INDEX allocations_by_source ON allocations(source_id, dimension);"
      "CREATE INDEX allocations_by_project ON allocations(project_id);"
      // The database itself refuses to hand out more than a source has.
      "CREATE TRIGGER allocations_never_twice BEFORE INSERT ON allocations WHEN "
      "NEW.amount + COALESCE((SELECT SUM(amount) FROM allocations WHERE source_id = "
      "NEW.source_id AND dimension = NEW.dimension), 0) > COALESCE((SELECT amount FROM "
      "sources WHERE source_id = NEW.source_id AND dimension = NEW.dimension), 0) "
      "* (1 + 1e-9) + 1e-9 BEGIN SELECT RAISE(ABORT, 'register: a source amount would be "
      "used twice'); END;"
      "CREATE TABLE actuals (project_id TEXT NOT NULL REFERENCES projects(id), "
      "period TEXT NOT NULL, dimension TEXT NOT NULL, value REAL NOT NULL, "
      "PRIMARY KEY (project_id, period, dimension));"
      "CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
      "action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, "
      "before TEXT NOT NULL, after TEXT NOT NULL);"
      "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT "
      "RAISE(ABORT, 'the audit trail is append-only'); END;"
      "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT "
      "RAISE(ABORT, 'the audit trail is append-only'); END;"
      "CREATE TRIGGER projects_no_delete BEFORE DELETE ON projects BEGIN SELECT "
      "RAISE(ABORT, 'projects are never deleted: retire them'); END;"};
}

long long pragma_value(Database& db, const std::string& name) {
  Statement statement(db, "PRAGMA " + name);
  return statement.step() ? statement.integer(0) : 0;
}

}  // namespace

void migrate(Database& db, int target_version) {
  const auto steps = migrations();
  if (static_cast<int>(steps.size()) != target_version)
    throw std::logic_error("register: migrations do not end at the schema version");
  Transaction transaction(db);
  const long long version = pragma_value(db, "user_version");
  if (version > target_version)
    throw DataError(db.path() + ": register schema version " + std::to_string(version) +
                    " is newer than this peakpath (" + std::to_string(target_version) + ")");
  if (version == target_version) return;  // rolled back: nothing to do
  if (version == 0) {
    Statement tables(db, "SELECT count(*) FROM sqlite_master");
    tables.step();
    if (tables.integer(0) > 0 && pragma_value(db, "application_id") != APPLICATION_ID)
      throw DataError(db.path() + ": an SQLite file that is not a peakpath register");
    db.exec("PRAGMA application_id = " + std::to_string(APPLICATION_ID));
  }
  for (long long v = version; v < target_version; ++v) {
    db.exec(steps[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    append_audit(db, "migrate", "schema", std::to_string(v + 1),
                 JsonObject().add("version", static_cast<double>(v)).str(),
                 JsonObject().add("version", static_cast<double>(v + 1)).str());
  }
  transaction.commit();
}

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[40];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
  char full[48];
  std::snprintf(full, sizeof full, "%s.%03dZ", buffer, static_cast<int>(millis));
  return full;
}

JsonObject& JsonObject::key(const std::string& name) {
  if (text_.size() > 1) text_ += ",";
  text_ += "\"" + name + "\":";
  return *this;
}

JsonObject& JsonObject::add(const std::string& name, const std::string& value) {
  key(name);
  text_ += '"';
  for (const char c : value) {
    if (c == '"' || c == '\\') {
      text_ += '\\';
      text_ += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      text_ += escaped;
    } else {
      text_ += c;
    }
  }
  text_ += '"';
  return *this;
}

JsonObject& JsonObject::add(const std::string& name, double value) {
  key(name);
  text_ += std::isfinite(value) ? format_number(value) : "null";
  return *this;
}

JsonObject& JsonObject::add(const std::string& name, bool value) {
  key(name);
  text_ += value ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::add_null(const std::string& name) {
  key(name);
  text_ += "null";
  return *this;
}

std::string to_json(const Project& p) {
  JsonObject json;
  json.add("id", p.id)
      .add("name", p.name)
      .add("city", p.city)
      .add("project_type", p.project_type)
      .add("status", p.status)
      .add("capacity_unit", p.capacity_unit);
  for (Dimension d : DIMENSIONS) json.add(dimension_name(d), amount(p, d));
  if (p.unit_energy)
    json.add("unit_energy", *p.unit_energy);
  else
    json.add_null("unit_energy");
  json.add("commissioned", p.commissioned).add("retired", p.retired);
  if (p.key_region)
    json.add("key_region", *p.key_region);
  else
    json.add_null("key_region");
  return json.add("note", p.note).str();
}

std::string to_json(const Offset& o) {
  JsonObject json;
  json.add("id", o.id)
      .add("kind", o.kind)
      .add("project_type", o.project_type)
      .add("city", o.city)
      .add("date", o.date)
      .add("capacity_unit", o.capacity_unit);
  for (Dimension d : DIMENSIONS) json.add(dimension_name(d), o.amounts[index_of(d)]);
  return json.add("verified", o.verified).add("note", o.note).str();
}

void append_audit(Database& db, const std::string& action, const std::string& entity,
                  const std::string& entity_id, const std::string& before,
                  const std::string& after) {
  Statement insert(db,
                   "INSERT INTO audit (at, action, entity, entity_id, before, after) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, utc_now())
      .bind(2, action)
      .bind(3, entity)
      .bind(4, entity_id)
      .bind(5, before)
      .bind(6, after);
  insert.run();
}

}  // namespace peakpath::register_detail
