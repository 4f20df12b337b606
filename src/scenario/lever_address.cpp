// SPDX-License-Identifier: Apache-2.0
// parse_lever_address: the one parser of lever addresses.
#include "peakpath/scenario/lever_address.hpp"

#include <algorithm>
#include <cstddef>

#include "peakpath/core/error.hpp"
#include "peakpath/core/suggest.hpp"
#include "peakpath/scenario/lever_catalogue.hpp"

namespace peakpath {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_digits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t key_parts(LeverKeyKind kind) {
  switch (kind) {
    case LeverKeyKind::sector_fuel:
    case LeverKeyKind::sector_pollutant:
    case LeverKeyKind::sector_class:
      return 2;
    case LeverKeyKind::sector_class_pair:
      return 3;
    default:
      return 1;
  }
}

}  // namespace

std::string LeverAddress::text() const {
  std::string out = (scale ? "scale:" : "") + variable;
  if (!key.empty() && !(key == "total" && year)) out += "/" + key;
  if (year) out += "@" + std::to_string(*year);
  return out;
}

LeverAddress parse_lever_address(const std::string& text, const std::string& where) {
  const std::string at = where + " '" + text + "'";
  const std::string syntax =
      ": expected variable/key@year, variable/key, variable@year, or scale: before one of them "
      "(e.g. capacity_gw/solar@2030; docs/levers.md)";
  LeverAddress address;
  std::string body = text;
  if (body.rfind("scale:", 0) == 0) {
    address.scale = true;
    body = body.substr(6);
  }
  if (const auto sign = body.rfind('@'); sign != std::string::npos) {
    const std::string year = body.substr(sign + 1);
    if (!is_digits(year) || year.size() > 4)
      throw DataError(at + ": '" + year + "' is not a year" + syntax);
    address.year = std::stoi(year);
    body = body.substr(0, sign);
  }
  std::size_t end = 0;
  while (end < body.size() && is_name_char(body[end])) ++end;
  address.variable = body.substr(0, end);
  if (address.variable.empty()) throw DataError(at + syntax);
  if (end < body.size()) {
    if (body[end] != '/' && body[end] != '.') throw DataError(at + syntax);
    address.deprecated = body[end] == '.';
    address.key = body.substr(end + 1);
    if (address.key.empty() || address.key.find_first_of(" \t@") != std::string::npos ||
        address.key.front() == '/' || address.key.back() == '/' ||
        address.key.find("//") != std::string::npos)
      throw DataError(at + ": '" + address.key + "' is not a key" + syntax);
  }
  const LeverDefinition* lever = find_lever(address.variable);
  if (!lever)
    throw DataError(at + ": unknown lever '" + address.variable + "'" +
                    did_you_mean(address.variable, lever_variable_names()) +
                    "; the levers are listed in docs/levers.md");
  const std::string pattern = address.variable + "/" + key_pattern(lever->key);
  if (address.key.empty()) {
    if (lever->key == LeverKeyKind::total)
      address.key = "total";
    else if (!address.scale)
      throw DataError(at + ": lever '" + address.variable + "' needs a key: " + pattern);
  } else if (lever->key == LeverKeyKind::total && address.key != "total") {
    throw DataError(at + ": lever '" + address.variable + "' has only the key 'total' (write " +
                    (address.scale ? "scale:" : "") + address.variable +
                    (address.year ? "@" + std::to_string(*address.year) : "") + ")");
  } else {
    const std::size_t parts =
        static_cast<std::size_t>(std::count(address.key.begin(), address.key.end(), '/')) + 1;
    if (parts != key_parts(lever->key))
      throw DataError(at + ": key '" + address.key + "' does not match " + pattern);
  }
  return address;
}

}  // namespace peakpath
