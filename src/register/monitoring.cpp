// SPDX-License-Identifier: Apache-2.0
// Register monitoring: actual figures against approved amounts, totals against caps.
#include <limits>
#include <map>

#include "audit_log.hpp"
#include "register_impl.hpp"
#include "text.hpp"

namespace peakpath {

using detail::Statement;
using detail::Transaction;

namespace {

// The largest cap of a yearly total accepted (1e12 in the dimension's unit).
constexpr double CAP_LIMIT = 1e12;

struct Figure {
  std::string project_id, period;
  Dimension dimension;
  double value;
};

bool is_period(const std::string& period) {
  return (period.size() == 4 || period.size() == 7) && is_iso_date(period);
}

MonitorFlag make_flag(const Project& p, const std::string& period, Dimension d, double actual) {
  MonitorFlag flag;
  flag.project_id = p.id;
  flag.period = period;
  flag.dimension = d;
  flag.actual = actual;
  flag.approved = period.size() == 7 ? amount(p, d) / 12.0 : amount(p, d);
  flag.excess = std::max(actual - flag.approved, 0.0);
  flag.over = actual > flag.approved * (1 + 1e-12);
  return flag;
}

std::vector<Figure> parse_figures(const detail::Database& db, const CsvTable& table,
                                  const std::vector<Dimension>& columns,
                                  std::vector<std::string>& errors) {
  std::vector<Figure> figures;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::size_t before = errors.size();
    const std::string id = detail::cell_text(table, row, "project_id", errors);
    const std::string period = detail::cell_text(table, row, "period", errors);
    if (errors.size() == before && !detail::find_project(db, id))
      errors.push_back(table.where(row, "project_id") + ": value '" + id +
                       "' is not a project of the register");
    if (errors.size() == before && !is_period(period))
      errors.push_back(table.where(row, "period") + ": value '" + period +
                       "' is not a period (YYYY or YYYY-MM)");
    for (Dimension d : columns) {
      const std::string& name = dimension_name(d);
      if (detail::cell_text(table, row, name, errors).empty()) continue;  // not reported
      figures.push_back(
          {id, period, d, detail::bounded_cell(table, row, name, amount_limit(d), errors)});
    }
  }
  return figures;
}

void store_figures(detail::Database& db, const std::vector<Figure>& figures) {
  Statement key(db, "SELECT json_array(?, ?, ?)");
  Statement upsert(db,
                   "INSERT OR REPLACE INTO actuals (project_id, period, dimension, value) "
                   "VALUES (?, ?, ?, ?)");
  for (const auto& f : figures) {
    const std::string& dim = dimension_name(f.dimension);
    key.bind(1, f.project_id).bind(2, f.period).bind(3, dim).step();
    const std::string row_key = key.text(0);
    key.run();
    const std::string before = detail::row_json(db, "actual", row_key);
    upsert.bind(1, f.project_id).bind(2, f.period).bind(3, dim).bind(4, f.value).run();
    detail::record_change(db, "actual", "actual", f.project_id, row_key, before);
  }
}

std::map<std::pair<int, Dimension>, double> read_caps(const std::string& caps_path) {
  std::map<std::pair<int, Dimension>, double> caps;
  if (caps_path.empty()) return caps;
  const CsvTable table = CsvTable::read(caps_path);
  table.require_columns({"year", "dimension", "cap"});
  std::vector<std::string> errors;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::size_t before = errors.size();
    const std::string name = detail::cell_text(table, row, "dimension", errors);
    const double cap = detail::bounded_cell(table, row, "cap", CAP_LIMIT, errors);
    long year = 0;
    detail::collect(errors, [&] { year = table.integer(row, "year"); });
    Dimension d = Dimension::capacity;
    try {
      d = parse_dimension(name);
    } catch (const std::invalid_argument&) {
      errors.push_back(table.where(row, "dimension") + ": value '" + name + "' is not a dimension");
    }
    if (errors.size() == before) caps[{static_cast<int>(year), d}] = cap;
  }
  if (!errors.empty()) detail::throw_all(caps_path, errors, "cap cell(s)");
  return caps;
}

}  // namespace

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
  const std::vector<Figure> figures = parse_figures(impl_->db, table, columns, errors);
  if (!errors.empty()) detail::throw_all(path, errors, "cell(s)");
  store_figures(impl_->db, figures);
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
    if (it == cache.end()) it = cache.emplace(id, detail::require_project(impl_->db, id)).first;
    result.push_back(
        make_flag(it->second, query.text(1), parse_dimension(query.text(2)), query.real(3)));
  }
  return result;
}

std::vector<MonitorTotal> Register::totals(const std::string& caps_path) const {
  const auto caps = read_caps(caps_path);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Statement query(impl_->db,
                  "SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year, dimension, SUM(value) "
                  "FROM actuals GROUP BY year, dimension ORDER BY year, dimension");
  std::map<std::pair<int, Dimension>, MonitorTotal> totals;
  while (query.step()) {
    const int year = static_cast<int>(query.integer(0));
    const Dimension d = parse_dimension(query.text(1));
    totals[{year, d}] = {year, d, query.real(2), nan, false};
  }
  for (const auto& [key, cap] : caps)
    if (!totals.count(key)) totals[key] = {key.first, key.second, 0.0, nan, false};
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

}  // namespace peakpath
