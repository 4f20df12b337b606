// SPDX-License-Identifier: Apache-2.0
// Private: the schema, the hash-chained audit trail, and its verification.
#pragma once

#include <optional>
#include <string>

#include "peakpath/register/verification.hpp"
#include "sqlite.hpp"

namespace peakpath::detail {

/// Brings the schema to Register::SCHEMA_VERSION inside one write transaction.
/// Throws DataError for a file that is not a register or is newer than this library.
void migrate(Database& db, int target_version);

/// A row as the audit trail records it: its JSON and the digest of its exact content.
struct RowState {
  std::string json;    ///< json_object of the row
  std::string digest;  ///< sha256 of the quoted columns
};

/// The state of row @p key of @p entity's table, or nullopt when there is no such row.
std::optional<RowState> row_state(const Database& db, const std::string& entity,
                                  const std::string& key);

/// The JSON of row @p key of @p entity's table, "{}" when there is none (the `before` of a
/// change).
std::string row_json(const Database& db, const std::string& entity, const std::string& key);

/// One entry of the audit trail. The database adds the time, the hash of the previous entry
/// and the entry's own hash (sha256 of the previous hash and the entry's fields).
struct AuditRecord {
  std::string action;      ///< add_project, set_status, allocate, ...
  std::string entity;      ///< project, offset, allocation, actual, schema
  std::string entity_id;   ///< the project or offset id (schema: the version)
  std::string row_key;     ///< key of the changed row in its table ("" for schema)
  std::string before;      ///< JSON, "{}" when none
  std::string after;       ///< JSON, "{}" when the row is gone
  std::string row_digest;  ///< digest of the row after the change, "" when gone
};

/// Appends @p record to the audit trail (inside the caller's transaction).
void append_audit(Database& db, const AuditRecord& record);

/// Records that row @p row_key of @p entity's table changed (after the change): its JSON
/// @p before the change ("{}" for a new row) and its state now (gone: "{}" and "").
void record_change(Database& db, const std::string& action, const std::string& entity,
                   const std::string& entity_id, const std::string& row_key,
                   const std::string& before);

/// Recomputes the hash chain and every audited row's digest (see docs/register.md).
Verification verify_audit(const Database& db);

}  // namespace peakpath::detail
