// SPDX-License-Identifier: Apache-2.0
// Private helpers of the register: schema migration, audit records, JSON and number text.
#pragma once

#include <string>

#include "peakpath/register/offset.hpp"
#include "peakpath/register/project.hpp"
#include "sqlite.hpp"

namespace peakpath::register_detail {

/// Brings the schema to Register::SCHEMA_VERSION inside one write transaction.
/// Throws DataError for a file that is not a register or is newer than this library.
void migrate(Database& db, int target_version);

/// The shortest text that reads back as the same double.
std::string format_number(double value);

/// The current UTC time, ISO 8601 with milliseconds.
std::string utc_now();

/// A flat JSON object written field by field.
class JsonObject {
 public:
  JsonObject& add(const std::string& key, const std::string& value);
  JsonObject& add(const std::string& key, double value);
  JsonObject& add(const std::string& key, bool value);
  JsonObject& add_null(const std::string& key);
  std::string str() const { return text_ + "}"; }

 private:
  JsonObject& key(const std::string& name);
  std::string text_ = "{";
};

std::string to_json(const Project& project);
std::string to_json(const Offset& offset);

/// Appends one entry to the audit trail (inside the caller's transaction).
void append_audit(Database& db, const std::string& action, const std::string& entity,
                  const std::string& entity_id, const std::string& before,
                  const std::string& after);

}  // namespace peakpath::register_detail
