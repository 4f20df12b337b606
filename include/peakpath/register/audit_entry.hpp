// SPDX-License-Identifier: Apache-2.0
// peakpath register: one entry of the append-only audit trail.
#pragma once

#include <cstdint>
#include <string>

namespace peakpath {

/// @brief What changed, when, and the state before and after (JSON objects, "{}" when none).
///
/// Each entry carries the hash of the entry before it and its own hash (SHA-256 over the
/// previous hash and the entry's fields), so that Register::verify() detects an edited,
/// removed or forged entry (docs/register.md).
struct AuditEntry {
  std::int64_t seq = 0;   ///< strictly increasing sequence number
  std::string at;         ///< UTC time, ISO 8601
  std::string action;     ///< add_project, set_status, add_offset, allocate, release, actual, ...
  std::string entity;     ///< project, offset, allocation, actual, schema
  std::string entity_id;  ///< id of the changed entity
  std::string before;     ///< JSON
  std::string after;      ///< JSON
  std::string prev_hash;  ///< hash of the entry before ("" for the first)
  std::string hash;       ///< this entry's hash (64 hex digits)
};

}  // namespace peakpath
