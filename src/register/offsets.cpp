// SPDX-License-Identifier: Apache-2.0
// Register offsets: sources outside the register's retired projects, and every source's balance.

#include "audit_log.hpp"
#include "register_impl.hpp"
#include "text.hpp"

namespace peakpath {

using detail::Statement;
using detail::Transaction;

namespace {

void insert_offset(detail::Database& db, const Offset& o) {
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
  detail::record_change(db, "add_offset", "offset", o.id, o.id, "{}");
}

Offset parse_offset(const CsvTable& t, std::size_t row, std::vector<std::string>& errors) {
  using detail::cell_text;
  using detail::optional_cell;
  const std::size_t before = errors.size();
  Offset o;
  o.id = cell_text(t, row, "id", errors);
  o.kind = cell_text(t, row, "kind", errors);
  o.project_type = cell_text(t, row, "project_type", errors);
  o.city = cell_text(t, row, "city", errors);
  o.date = cell_text(t, row, "date", errors);
  o.capacity_unit = optional_cell(t, row, "capacity_unit", errors);
  o.note = optional_cell(t, row, "note", errors);
  for (Dimension d : DIMENSIONS) {
    const std::string& name = dimension_name(d);
    if (optional_cell(t, row, name, errors).empty()) continue;  // blank: nothing freed
    o.amounts[index_of(d)] = detail::bounded_cell(t, row, name, amount_limit(d), errors);
  }
  if (!optional_cell(t, row, "verified", errors).empty())
    detail::collect(errors, [&] { o.verified = t.flag(row, "verified"); });
  detail::add_field_problems(t, row, offset_problems(o), before, errors);
  return o;
}

}  // namespace

std::size_t Register::import_offsets_csv(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"id", "kind", "project_type", "city", "date"});
  return detail::import_rows<Offset>(
      impl_->db, table,
      [&](std::size_t row, std::vector<std::string>& errors) {
        return parse_offset(table, row, errors);
      },
      insert_offset);
}

void Register::add_offset(const Offset& offset) {
  const auto problems = offset_problems(offset);
  if (!problems.empty())
    throw std::invalid_argument(
        detail::join_problems("add_offset " + detail::quoted(offset.id) + ": ", problems));
  Transaction transaction(impl_->db);
  if (detail::id_taken(impl_->db, offset.id))
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

std::vector<SourceBalance> detail::read_sources(const Database& db) {
  Statement query(db,
                  "SELECT s.source_id, s.source_kind, s.project_type, s.city, s.date, "
                  "s.capacity_unit, s.dimension, s.amount, s.amount - COALESCE((SELECT "
                  "SUM(a.amount) FROM allocations a WHERE a.source_id = s.source_id AND "
                  "a.dimension = s.dimension), 0) FROM sources s ORDER BY s.source_id");
  std::vector<SourceBalance> result;
  while (query.step()) {
    if (result.empty() || result.back().id != query.text(0))
      result.push_back({query.text(0),
                        query.text(1),
                        query.text(2),
                        query.text(3),
                        query.text(4),
                        query.text(5),
                        {},
                        {}});
    const std::size_t k = index_of(parse_dimension(query.text(6)));
    result.back().total[k] = query.real(7);
    result.back().remaining[k] = std::max(query.real(8), 0.0);
  }
  return result;
}

std::vector<SourceBalance> Register::sources() const {
  return detail::read_sources(impl_->db);
}

}  // namespace peakpath
