// SPDX-License-Identifier: Apache-2.0
// Private: text checks and renderings of the register's messages (UTF-8, numbers).
#pragma once

#include <string>

namespace peakpath::detail {

/// "" when @p text is valid UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF), else "not valid UTF-8 (byte 0xNN at offset K)".
std::string utf8_problem(const std::string& text);

/// @p text in single quotes, with every byte of an invalid UTF-8 sequence written as \xNN, so
/// that a message naming a bad value is itself valid UTF-8.
std::string quoted(const std::string& text);

/// Throws std::invalid_argument "<where>: <field>: <quoted value>: not valid UTF-8 (...)"
/// unless @p value is valid UTF-8.
void require_utf8(const std::string& where, const std::string& field, const std::string& value);

}  // namespace peakpath::detail
