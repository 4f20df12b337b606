// SPDX-License-Identifier: Apache-2.0
// Register allocation: covering a new project's requirement from sources, and releasing it.
#include <limits>

#include "audit_log.hpp"
#include "plan.hpp"
#include "register_impl.hpp"
#include "text.hpp"

namespace peakpath {

using detail::Statement;
using detail::Transaction;

namespace {

std::vector<Assignment> read_assignments(const detail::Database& db,
                                         const std::string& project_id) {
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

// The date the closure window counts back from: commissioning, else today (UTC).
std::string reference_date(const detail::Database& db, const Project& p) {
  if (!p.commissioned.empty()) return p.commissioned;
  Statement today(db, "SELECT date('now')");
  today.step();
  return today.text(0);
}

void store_assignments(detail::Database& db, const Allocation& allocation) {
  Statement insert(db,
                   "INSERT INTO allocations (project_id, source_id, dimension, amount, "
                   "created_at) VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                   "RETURNING seq");
  for (const auto& a : allocation.assignments) {
    if (!(a.amount > 0)) continue;
    insert.bind(1, a.project_id).bind(2, a.source_id).bind(3, dimension_name(a.dimension));
    insert.bind(4, a.amount).step();
    const std::string seq = std::to_string(insert.integer(0));
    insert.run();
    detail::record_change(db, "allocate", "allocation", a.project_id, seq, "{}");
  }
}

}  // namespace

Allocation Register::allocate(const std::string& project_id, bool commit) {
  // The write lock is taken before anything is read, so the balances cannot change underneath.
  Transaction transaction(impl_->db);
  const Project p = detail::require_project(impl_->db, project_id, "allocate");
  if (!is_new_status(p.status))
    throw std::invalid_argument("allocate: project '" + project_id + "' has status '" + p.status +
                                "'; only proposed or under_construction projects "
                                "need replacement");
  if (!read_assignments(impl_->db, project_id).empty())
    throw std::invalid_argument("allocate: project '" + project_id +
                                "' already holds an allocation; release it first");
  Allocation allocation = detail::plan_allocation(p, impl_->rules, detail::read_sources(impl_->db),
                                                  reference_date(impl_->db, p));
  if (allocation.approved && commit) {
    store_assignments(impl_->db, allocation);
    transaction.commit();
    allocation.committed = true;
  }
  return allocation;
}

std::size_t Register::release(const std::string& project_id) {
  Transaction transaction(impl_->db);
  detail::require_project(impl_->db, project_id, "release");
  Statement held(impl_->db,
                 "SELECT CAST(seq AS TEXT) FROM allocations WHERE project_id = ? ORDER BY seq");
  held.bind(1, project_id);
  std::vector<std::string> seqs;
  while (held.step()) seqs.push_back(held.text(0));
  Statement erase(impl_->db, "DELETE FROM allocations WHERE seq = CAST(? AS INTEGER)");
  for (const std::string& seq : seqs) {
    const std::string before = detail::row_json(impl_->db, "allocation", seq);
    erase.bind(1, seq).run();
    detail::record_change(impl_->db, "release", "allocation", project_id, seq, before);
  }
  transaction.commit();
  return seqs.size();
}

std::vector<Assignment> Register::assignments(const std::string& project_id) const {
  detail::require_utf8("assignments", "project id", project_id);
  return read_assignments(impl_->db, project_id);
}

}  // namespace peakpath
