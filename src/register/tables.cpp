// SPDX-License-Identifier: Apache-2.0
// Private: the audited tables and their row rendering (JSON) and digest SQL.
#include "tables.hpp"

#include <stdexcept>

#include "peakpath/register/dimension.hpp"

namespace peakpath::detail {

namespace {

std::vector<std::string> with_amounts(std::vector<std::string> head,
                                      const std::vector<std::string>& tail) {
  for (Dimension d : DIMENSIONS) head.push_back(dimension_name(d));
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

}  // namespace

const std::vector<AuditedTable>& audited_tables() {
  static const std::vector<AuditedTable> tables = {
      {"projects", "project", "id", "id",
       with_amounts({"id", "name", "city", "project_type", "status", "capacity_unit"},
                    {"unit_energy", "commissioned", "retired", "key_region", "note"})},
      {"offsets", "offset", "id", "id",
       with_amounts({"id", "kind", "project_type", "city", "date", "capacity_unit"},
                    {"verified", "note"})},
      {"allocations",
       "allocation",
       "CAST(seq AS TEXT)",
       "project_id",
       {"seq", "project_id", "source_id", "dimension", "amount", "created_at"}},
      {"actuals",
       "actual",
       "json_array(project_id, period, dimension)",
       "project_id",
       {"project_id", "period", "dimension", "value"}}};
  return tables;
}

const AuditedTable& audited_table(const std::string& entity) {
  for (const AuditedTable& t : audited_tables())
    if (t.entity == entity) return t;
  throw std::logic_error("register: no audited table for entity '" + entity + "'");
}

std::string json_sql(const AuditedTable& table) {
  std::string sql = "json_object(";
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    sql += (i ? ", '" : "'") + table.columns[i] + "', " + table.columns[i];
  return sql + ")";
}

std::string digest_sql(const AuditedTable& table) {
  std::string sql = "sha256(";
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    sql += (i ? " || ',' || quote(" : "quote(") + table.columns[i] + ")";
  return sql + ")";
}

}  // namespace peakpath::detail
