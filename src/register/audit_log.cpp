// SPDX-License-Identifier: Apache-2.0
// The audit trail: hash-chained entries with a digest of each changed row, and verify().
#include "audit_log.hpp"

#include <map>
#include <utility>

#include "tables.hpp"

namespace peakpath {

std::string AuditBreak::describe() const {
  std::string text = table + " '" + key + "'";
  if (seq > 0) text += " (audit seq " + std::to_string(seq) + ")";
  return text + ": " + reason;
}

}  // namespace peakpath

namespace peakpath::detail {

namespace {

// The content of an entry that its hash covers, as SQL over the audit table's columns.
const char* const ENTRY_SQL =
    "json_array(at, action, entity, entity_id, before, after, row_key, row_digest)";

// Checks prev_hash and hash of every entry in order; the first mismatch, if any.
std::optional<AuditBreak> check_chain(const Database& db, Verification& result) {
  Statement rows(db, std::string("SELECT seq, prev_hash, hash, sha256(prev_hash || ") + ENTRY_SQL +
                         ") FROM audit ORDER BY seq");
  std::string prev;
  while (rows.step()) {
    ++result.entries;
    const std::int64_t seq = rows.integer(0);
    const auto broken = [&](const std::string& reason) {
      return AuditBreak{seq, "audit", std::to_string(seq), reason};
    };
    if (rows.text(1) != prev)
      return broken(
          "its prev_hash is not the hash of the entry before it: an entry was "
          "removed, inserted or reordered outside the register");
    if (rows.text(2) != rows.text(3))
      return broken(
          "its hash does not match its content: the entry was edited, or added "
          "outside the register (forged)");
    prev = rows.text(2);
  }
  result.head = prev;
  return std::nullopt;
}

// The seq from which the entries describe every row: the migration to the chained schema.
std::int64_t chained_from(const Database& db) {
  Statement first(db,
                  "SELECT min(seq) FROM audit WHERE action = 'migrate' AND "
                  "CAST(json_extract(after, '$.version') AS INTEGER) >= 2");
  first.step();
  return first.integer(0);
}

// Replays the entries of @p table's entity: key → (digest after the last change, its seq).
std::map<std::string, std::pair<std::string, std::int64_t>> recorded_rows(const Database& db,
                                                                          const AuditedTable& table,
                                                                          std::int64_t from) {
  Statement rows(db,
                 "SELECT row_key, row_digest, seq FROM audit WHERE entity = ? AND seq >= ? "
                 "ORDER BY seq");
  rows.bind(1, table.entity).bind(2, static_cast<long long>(from));
  std::map<std::string, std::pair<std::string, std::int64_t>> recorded;
  while (rows.step()) recorded[rows.text(0)] = {rows.text(1), rows.integer(2)};
  return recorded;
}

// Compares every row of @p table with its last audit entry; the first disagreement, by key.
std::optional<AuditBreak> check_table(const Database& db, const AuditedTable& table,
                                      std::int64_t from) {
  auto recorded = recorded_rows(db, table, from);
  Statement rows(db, "SELECT " + table.key_sql + ", " + digest_sql(table) + " FROM " + table.table +
                         " ORDER BY 1");
  std::map<std::string, std::string> actual;
  while (rows.step()) actual[rows.text(0)] = rows.text(1);
  for (const auto& [key, digest] : actual) {
    const auto it = recorded.find(key);
    if (it == recorded.end() || it->second.first.empty())
      return AuditBreak{it == recorded.end() ? 0 : it->second.second, table.table, key,
                        "the row is not in the audit trail: added outside the register"};
    if (it->second.first != digest)
      return AuditBreak{it->second.second, table.table, key,
                        "the row differs from its last audit entry: changed outside the "
                        "register"};
  }
  for (const auto& [key, state] : recorded)
    if (!state.first.empty() && !actual.count(key))
      return AuditBreak{state.second, table.table, key,
                        "the row is missing although the audit trail holds it: deleted "
                        "outside the register"};
  return std::nullopt;
}

}  // namespace

std::optional<RowState> row_state(const Database& db, const std::string& entity,
                                  const std::string& key) {
  const AuditedTable& table = audited_table(entity);
  Statement row(db, "SELECT " + json_sql(table) + ", " + digest_sql(table) + " FROM " +
                        table.table + " WHERE " + table.key_sql + " = ?");
  row.bind(1, key);
  if (!row.step()) return std::nullopt;
  return RowState{row.text(0), row.text(1)};
}

std::string row_json(const Database& db, const std::string& entity, const std::string& key) {
  const auto state = row_state(db, entity, key);
  return state ? state->json : "{}";
}

void append_audit(Database& db, const AuditRecord& r) {
  Statement insert(db,
                   "INSERT INTO audit (at, action, entity, entity_id, before, after, row_key, "
                   "row_digest, prev_hash, hash) SELECT at, ?1, ?2, ?3, ?4, ?5, ?6, ?7, prev, "
                   "sha256(prev || json_array(at, ?1, ?2, ?3, ?4, ?5, ?6, ?7)) FROM (SELECT "
                   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') AS at, COALESCE((SELECT hash FROM "
                   "audit ORDER BY seq DESC LIMIT 1), '') AS prev)");
  insert.bind(1, r.action)
      .bind(2, r.entity)
      .bind(3, r.entity_id)
      .bind(4, r.before)
      .bind(5, r.after)
      .bind(6, r.row_key)
      .bind(7, r.row_digest)
      .run();
}

void record_change(Database& db, const std::string& action, const std::string& entity,
                   const std::string& entity_id, const std::string& row_key,
                   const std::string& before) {
  const auto now = row_state(db, entity, row_key);
  append_audit(db, {action, entity, entity_id, row_key, before, now ? now->json : "{}",
                    now ? now->digest : ""});
}

Verification verify_audit(const Database& db) {
  Verification result;
  result.first_break = check_chain(db, result);
  if (!result.first_break) {
    const std::int64_t from = chained_from(db);
    for (const AuditedTable& table : audited_tables())
      if (!result.first_break) result.first_break = check_table(db, table, from);
  }
  result.ok = !result.first_break;
  return result;
}

}  // namespace peakpath::detail
