// SPDX-License-Identifier: Apache-2.0
// The register's SQLite schema and its migrations.
#include <vector>

#include "audit_log.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/dimension.hpp"
#include "tables.hpp"

namespace peakpath::detail {

namespace {

// 'PPKR': marks a SQLite file as a peakpath register.
constexpr long long APPLICATION_ID = 0x50504b52;

// Entries are never updated (chain_version_1 lifts this once, to add the hashes).
const std::string AUDIT_NO_UPDATE =
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT "
    "RAISE(ABORT, 'the audit trail is append-only'); END;";

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

// migrations()[i] takes the schema from version i to i + 1; never edit a released entry.
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
          "before TEXT NOT NULL, after TEXT NOT NULL);" +
          AUDIT_NO_UPDATE +
          "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT "
          "RAISE(ABORT, 'the audit trail is append-only'); END;"
          "CREATE TRIGGER projects_no_delete BEFORE DELETE ON projects BEGIN SELECT "
          "RAISE(ABORT, 'projects are never deleted: retire them'); END;",
      // Version 2: the hash chain (docs/register.md, "Tamper evidence").
      "ALTER TABLE audit ADD COLUMN row_key TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE audit ADD COLUMN row_digest TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';"};
}

long long pragma_value(Database& db, const std::string& name) {
  Statement statement(db, "PRAGMA " + name);
  return statement.step() ? statement.integer(0) : 0;
}

std::string version_json(Database& db, long long version) {
  Statement json(db, "SELECT json_object('version', ?)");
  json.bind(1, version).step();
  return json.text(0);
}

// A version 1 file: its entries get their chain hashes in order (the only time an entry is
// updated), and every audited row gets a "baseline" entry, so that verify compares the rows
// with the state they had when they entered the chain.
void chain_version_1(Database& db) {
  db.exec("DROP TRIGGER audit_no_update");
  Statement rows(db,
                 "SELECT seq, sha256(?1 || json_array(at, action, entity, entity_id, before, "
                 "after, row_key, row_digest)) FROM audit WHERE seq > ?2 ORDER BY seq LIMIT 1");
  Statement update(db, "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?");
  std::string prev;
  long long seq = 0;
  while (rows.bind(1, prev).bind(2, seq).step()) {
    seq = rows.integer(0);
    const std::string hash = rows.text(1);
    rows.run();
    update.bind(1, prev).bind(2, hash).bind(3, seq).run();
    prev = hash;
  }
  db.exec(AUDIT_NO_UPDATE);
}

void baseline_rows(Database& db) {
  for (const AuditedTable& t : audited_tables()) {
    Statement rows(db, "SELECT " + t.entity_id_sql + ", " + t.key_sql + ", " + json_sql(t) + ", " +
                           digest_sql(t) + " FROM " + t.table + " ORDER BY 2");
    while (rows.step())
      append_audit(
          db, {"baseline", t.entity, rows.text(0), rows.text(1), "{}", rows.text(2), rows.text(3)});
  }
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
                    " is newer than this peakpath (" + std::to_string(target_version) +
                    "): open it with a newer peakpath");
  if (version == target_version) return;  // rolled back: nothing to do
  if (version == 0) {
    Statement tables(db, "SELECT count(*) FROM sqlite_master");
    tables.step();
    if (tables.integer(0) > 0 && pragma_value(db, "application_id") != APPLICATION_ID)
      throw DataError(db.path() + ": an SQLite file that is not a peakpath register");
    db.exec("PRAGMA application_id = " + std::to_string(APPLICATION_ID));
  }
  for (long long v = version; v < target_version; ++v) db.exec(steps[static_cast<std::size_t>(v)]);
  db.exec("PRAGMA user_version = " + std::to_string(target_version));
  if (version == 1) chain_version_1(db);
  append_audit(db, {"migrate", "schema", std::to_string(target_version), "",
                    version_json(db, version), version_json(db, target_version), ""});
  if (version == 1) baseline_rows(db);
  transaction.commit();
}

}  // namespace peakpath::detail
