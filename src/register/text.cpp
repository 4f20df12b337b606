// SPDX-License-Identifier: Apache-2.0
// Private: UTF-8 validation (RFC 3629) and the renderings used in messages.
#include "text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace peakpath::detail {

namespace {

// Length of the valid UTF-8 sequence at @p i, or 0 when the bytes there are not one.
std::size_t sequence_length(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return length;
}

std::string hex_byte(unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02X", c);
  return buffer;
}

}  // namespace

std::string utf8_problem(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0)
      return "not valid UTF-8 (byte 0x" + hex_byte(static_cast<unsigned char>(text[i])) +
             " at offset " + std::to_string(i) + ")";
    i += length;
  }
  return "";
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) {
      out += "\\x" + hex_byte(static_cast<unsigned char>(text[i]));
      ++i;
    } else {
      out.append(text, i, length);
      i += length;
    }
  }
  return out + "'";
}

void require_utf8(const std::string& where, const std::string& field, const std::string& value) {
  const std::string problem = utf8_problem(value);
  if (!problem.empty())
    throw std::invalid_argument(where + ": " + field + ": " + quoted(value) + ": " + problem);
}

}  // namespace peakpath::detail
