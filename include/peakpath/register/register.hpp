// SPDX-License-Identifier: Apache-2.0
// peakpath register: the "two high" project register and replacement ledger (SQLite file).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "peakpath/register/allocation.hpp"
#include "peakpath/register/audit_entry.hpp"
#include "peakpath/register/classification.hpp"
#include "peakpath/register/dimension.hpp"
#include "peakpath/register/monitoring.hpp"
#include "peakpath/register/offset.hpp"
#include "peakpath/register/project.hpp"
#include "peakpath/register/rules.hpp"
#include "peakpath/register/source_balance.hpp"
#include "peakpath/register/verification.hpp"

namespace peakpath {

/// @brief Selects projects; unset fields match everything.
struct ProjectFilter {
  std::optional<std::string> project_type;  ///< exact type
  std::optional<std::string> status;        ///< exact status
  std::optional<std::string> city;          ///< exact city
  std::optional<bool> key_region;           ///< key-region flag
};

/// @brief The register: an embedded SQLite database of projects, offset sources, allocations,
/// monitored actuals and an append-only audit trail.
///
/// Every change runs in one `BEGIN IMMEDIATE` transaction, so concurrent writers (threads or
/// processes) are serialised and a killed process leaves the database as it was. The database
/// runs in WAL mode with a 30 s busy timeout. Every text argument must be valid UTF-8 and every
/// amount finite and within amount_limit(); violations throw naming the field and value.
class Register {
 public:
  /// @brief The schema version this library writes.
  static constexpr int SCHEMA_VERSION = 2;

  /// @brief Opens (or creates) the register at @p path, migrating an older schema.
  /// @param path SQLite file
  /// @param rules replacement rules (default: Rules::defaults())
  /// @throws DataError saying why the file cannot serve: read-only, corrupt, not a register,
  /// or written by a newer version.
  explicit Register(const std::string& path, Rules rules = Rules::defaults());
  ~Register();
  Register(Register&&) noexcept;
  Register& operator=(Register&&) noexcept;
  Register(const Register&) = delete;
  Register& operator=(const Register&) = delete;

  /// @brief The database file.
  const std::string& path() const;
  /// @brief The rules in use.
  const Rules& rules() const;
  /// @brief The schema version stored in the file.
  int schema_version() const;

  /// @brief Adds every project of a CSV file (columns: the Project field names), all or
  /// nothing. @return the number of projects added.
  /// @throws DataError listing every bad cell (file, line, column, value) and duplicate id.
  std::size_t import_csv(const std::string& path);
  /// @brief Adds one project. @throws std::invalid_argument on a bad field or a duplicate id.
  void add_project(const Project& project);
  /// @brief Projects matching @p filter, ordered by id; key_region is always set.
  std::vector<Project> projects(const ProjectFilter& filter = {}) const;
  /// @brief The project @p id. @throws std::invalid_argument when unknown.
  Project project(const std::string& id) const;
  /// @brief Changes a project's status (and retirement date when it retires).
  /// @throws std::invalid_argument for an unknown project or status, a missing date, or
  /// when a retired project whose amounts are allocated would be brought back.
  void set_status(const std::string& id, const std::string& status, const std::string& date = "");

  /// @brief Adds offset sources from a CSV file (columns: the Offset fields, amounts by
  /// dimension name), all or nothing. @return the number added. @throws DataError.
  std::size_t import_offsets_csv(const std::string& path);
  /// @brief Adds one offset source. @throws std::invalid_argument on a bad field or id clash.
  void add_offset(const Offset& offset);
  /// @brief The offsets table, ordered by id.
  std::vector<Offset> offsets() const;

  /// @brief Classified disposal of every project that is not retired, ordered by id.
  std::vector<Classification> classify() const;

  /// @brief ratio × amount per dimension for project @p project_id.
  /// @throws std::invalid_argument for an unknown project.
  Amounts requirement(const std::string& project_id) const;

  /// @brief Covers the requirement of a new project from eligible sources (see docs/register.md).
  ///
  /// Deterministic: per dimension, eligible sources in order same city first, then oldest
  /// date, then id; each gives what it still has, until the requirement is met. The
  /// assignments are stored only when every dimension closes and @p commit is true.
  /// @throws std::invalid_argument for an unknown, not new, or already allocated project.
  Allocation allocate(const std::string& project_id, bool commit = true);
  /// @brief Removes the stored assignments of @p project_id. @return how many were removed.
  std::size_t release(const std::string& project_id);
  /// @brief The stored assignments (all projects when @p project_id is empty).
  std::vector<Assignment> assignments(const std::string& project_id = "") const;
  /// @brief Every source (retired projects and verified offsets) with what it still has after
  /// the stored assignments, ordered by id.
  std::vector<SourceBalance> sources() const;

  /// @brief Loads actual figures (columns project_id, period and any of coal_t, energy_tce,
  /// co2_t, so2_t, nox_t, pm_t; period "YYYY" or "YYYY-MM"), all or nothing; a figure for
  /// the same project, period and dimension replaces the earlier one (audited).
  /// @return every stored actual compared with the approved amount.
  /// @throws DataError listing every bad cell.
  std::vector<MonitorFlag> monitor(const std::string& path);
  /// @brief Stored actuals compared with approved amounts (without loading).
  std::vector<MonitorFlag> flags() const;
  /// @brief Two-high totals per year and dimension against caps from @p caps_path (columns
  /// year, dimension, cap); no caps when empty. @throws DataError for a bad caps file.
  std::vector<MonitorTotal> totals(const std::string& caps_path = "") const;

  /// @brief The audit trail in sequence order.
  std::vector<AuditEntry> audit() const;
  /// @brief Checks the audit trail's hash chain, and every row of projects, offsets,
  /// allocations and actuals against the digest its last audit entry recorded: detects
  /// entries edited, removed or forged and rows changed, added or deleted outside the register.
  Verification verify() const;
  /// @brief Writes every project as CSV (the import format), atomically.
  void export_csv(const std::string& path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peakpath
