// SPDX-License-Identifier: Apache-2.0
// peakpath register: one entry of the append-only audit trail.
#pragma once

#include <cstdint>
#include <string>

namespace peakpath {

/// @brief What changed, when, and the state before and after (JSON objects, "{}" when none).
struct AuditEntry {
  std::int64_t seq = 0;   ///< strictly increasing sequence number
  std::string at;         ///< UTC time, ISO 8601
  std::string action;     ///< add_project, set_status, add_offset, allocate, release, actual, ...
  std::string entity;     ///< project, offset, allocation, actual, schema
  std::string entity_id;  ///< id of the changed entity
  std::string before;     ///< JSON
  std::string after;      ///< JSON
};

}  // namespace peakpath
