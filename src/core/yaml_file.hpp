// SPDX-License-Identifier: Apache-2.0
// Private: reading YAML files with errors that name the file, line and key.
#pragma once

#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "peakpath/core/error.hpp"

namespace peakpath::detail {

/// @brief The offset of the first byte of @p text that breaks UTF-8, or npos.
inline std::size_t invalid_utf8_at(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xE  ? 3
                               : (byte >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
    i += length;
  }
  return std::string::npos;
}

/// @brief Throws DataError for a scalar under @p node that is not UTF-8 (yaml-cpp decodes the
/// escapes \N and \_ to single Latin-1 bytes) or a mapping that repeats a key (yaml-cpp keeps
/// both entries and a lookup sees only the first, so the second would be silently lost).
inline void check_yaml_tree(const std::string& path, const YAML::Node& node) {
  const auto line = [&](const YAML::Node& n) { return std::to_string(n.Mark().line + 1); };
  if (node.IsScalar()) {
    if (const std::size_t at = invalid_utf8_at(node.Scalar()); at != std::string::npos)
      throw DataError(path + " line " + line(node) + ": text that is not UTF-8 (byte " +
                      std::to_string(at) + " of a scalar; write the character itself, not " +
                      "the escapes \\N or \\_)");
  }
  if (node.IsSequence())
    for (const auto& child : node) check_yaml_tree(path, child);
  if (!node.IsMap()) return;
  std::set<std::string> keys;
  for (const auto& item : node) {
    check_yaml_tree(path, item.first);
    if (item.first.IsScalar() && !keys.insert(item.first.Scalar()).second)
      throw DataError(path + " line " + line(item.first) + ": duplicate key '" +
                      item.first.Scalar() + "' (it appears earlier in the same mapping; give " +
                      "each key once)");
    check_yaml_tree(path, item.second);
  }
}

/// @brief Parses @p path. @throws DataError with the file and line of a syntax error, a
/// repeated key or text that is not UTF-8.
inline YAML::Node load_yaml_file(const std::string& path) {
  try {
    YAML::Node root = YAML::LoadFile(path);
    check_yaml_tree(path, root);
    return root;
  } catch (const YAML::BadFile&) {
    throw DataError(path + ": cannot open file");
  } catch (const YAML::ParserException& e) {
    throw DataError(path + " line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

/// @brief "file line N, key 'k'".
inline std::string yaml_where(const std::string& path, const YAML::Node& node,
                              const std::string& key) {
  const auto mark = node.Mark();
  std::string where = path;
  if (mark.line >= 0) where += " line " + std::to_string(mark.line + 1);
  return where + ", key '" + key + "'";
}

/// @brief Converts @p node to T. @throws DataError naming the file, line and key.
template <class T>
T yaml_as(const std::string& path, const YAML::Node& node, const std::string& key) {
  try {
    return node.as<T>();
  } catch (const YAML::Exception&) {
    std::string value;
    if (node.IsScalar()) value = " value '" + node.Scalar() + "'";
    throw DataError(yaml_where(path, node, key) + ":" + value + " has the wrong type");
  }
}

/// @brief @p node, which must be a mapping. @throws DataError naming the file, line and key.
inline const YAML::Node& yaml_mapping(const std::string& path, const YAML::Node& node,
                                      const std::string& key) {
  if (!node.IsMap()) throw DataError(yaml_where(path, node, key) + ": expected a mapping");
  return node;
}

/// @brief Runs @p read; a yaml-cpp error that the explicit checks did not foresee becomes a
/// DataError naming @p path and the line, so bad input never escapes as a foreign exception.
template <class Read>
auto with_yaml_errors(const std::string& path, Read&& read) {
  try {
    return read();
  } catch (const YAML::Exception& e) {
    throw DataError(path + (e.mark.line >= 0 ? " line " + std::to_string(e.mark.line + 1) : "") +
                    ": " + e.msg);
  }
}

/// @brief Runs @p use; a value it refuses (std::invalid_argument, not already a DataError)
/// becomes a DataError naming @p path, the line of @p node and @p key.
template <class Use>
auto yaml_checked(const std::string& path, const YAML::Node& node, const std::string& key,
                  Use&& use) {
  try {
    return use();
  } catch (const DataError&) {
    throw;
  } catch (const std::invalid_argument& e) {
    throw DataError(yaml_where(path, node, key) + ": " + e.what());
  }
}

/// @brief A required child. @throws DataError naming the file and the missing key.
inline YAML::Node yaml_required(const std::string& path, const YAML::Node& parent,
                                const std::string& key) {
  const YAML::Node child = parent[key];
  if (!child) throw DataError(yaml_where(path, parent, key) + ": required key is missing");
  return child;
}

}  // namespace peakpath::detail
