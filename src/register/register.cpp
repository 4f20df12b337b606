// SPDX-License-Identifier: Apache-2.0
// Register: opening the file, and reading and verifying the audit trail. The other
// operations live by concept: projects.cpp, offsets.cpp, allocation.cpp, monitoring.cpp.
#include "peakpath/register/register.hpp"

#include "audit_log.hpp"
#include "register_impl.hpp"

namespace peakpath {

Register::Register(const std::string& path, Rules rules)
    : impl_(std::make_unique<Impl>(path, std::move(rules))) {
  detail::migrate(impl_->db, SCHEMA_VERSION);
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
  detail::Statement query(impl_->db, "PRAGMA user_version");
  query.step();
  return static_cast<int>(query.integer(0));
}

std::vector<AuditEntry> Register::audit() const {
  detail::Statement query(impl_->db,
                          "SELECT seq, at, action, entity, entity_id, before, after, prev_hash, "
                          "hash FROM audit ORDER BY seq");
  std::vector<AuditEntry> result;
  while (query.step())
    result.push_back({query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                      query.text(5), query.text(6), query.text(7), query.text(8)});
  return result;
}

Verification Register::verify() const {
  return detail::verify_audit(impl_->db);
}

}  // namespace peakpath
