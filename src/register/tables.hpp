// SPDX-License-Identifier: Apache-2.0
// Private: the audited tables of the register, and the SQL that renders and digests a row.
#pragma once

#include <string>
#include <vector>

namespace peakpath::detail {

/// One audited table: its audit entity name, the SQL expression of a row's key (text), and
/// the columns that make up its content, in table order.
struct AuditedTable {
  std::string table;                 ///< projects, offsets, allocations, actuals
  std::string entity;                ///< project, offset, allocation, actual (audit.entity)
  std::string key_sql;               ///< e.g. "id", "CAST(seq AS TEXT)"
  std::string entity_id_sql;         ///< audit.entity_id of a row: "id" or "project_id"
  std::vector<std::string> columns;  ///< every column
};

/// The four audited tables.
const std::vector<AuditedTable>& audited_tables();
/// The audited table of @p entity. @throws std::logic_error for an unknown entity.
const AuditedTable& audited_table(const std::string& entity);

/// "json_object('c1', c1, ...)": a row as the audit trail shows it (before and after).
std::string json_sql(const AuditedTable& table);

/// "sha256(quote(c1) || ',' || ...)": a digest of a row's exact content (quote() renders a
/// REAL losslessly and a TEXT unambiguously), recorded in the audit trail and recomputed by
/// verify.
std::string digest_sql(const AuditedTable& table);

}  // namespace peakpath::detail
