// SPDX-License-Identifier: Apache-2.0
// peakpath register: the outcome of checking the tamper-evident audit trail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace peakpath {

/// @brief Where and why the audit trail and the tables stop agreeing.
struct AuditBreak {
  std::int64_t seq = 0;  ///< the audit entry concerned (0: the row has none)
  std::string table;     ///< "audit", or the table whose row disagrees (projects, ...)
  std::string key;       ///< the audit seq, or the row's key in its table
  std::string reason;    ///< one sentence

  /// @brief "table 'key' (audit seq N): reason".
  std::string describe() const;
};

/// @brief The result of Register::verify().
struct Verification {
  bool ok = true;                         ///< no break found
  std::optional<AuditBreak> first_break;  ///< the first break, in chain then table order
  std::size_t entries = 0;                ///< audit entries checked
  std::string head;  ///< hash of the last entry: keep it elsewhere to detect a rewritten chain
};

}  // namespace peakpath
