// SPDX-License-Identifier: Apache-2.0
// peakpath: "did you mean ...?" — the closest valid names to a misspelt one.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace peakpath {

/// @brief The Levenshtein distance between @p a and @p b (insertions, deletions, substitutions).
inline std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// @brief Up to @p count names of @p candidates closest to @p name, nearest first; only names
/// within about a third of the longer length are offered, so that nonsense gets no suggestion.
inline std::vector<std::string> closest_names(const std::string& name,
                                              const std::vector<std::string>& candidates,
                                              std::size_t count = 3) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const std::string& candidate : candidates) {
    const std::size_t d = edit_distance(name, candidate);
    const std::size_t limit = std::max<std::size_t>(2, std::max(name.size(), candidate.size()) / 3);
    if (d <= limit) scored.emplace_back(d, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> names;
  for (std::size_t i = 0; i < scored.size() && i < count; ++i) names.push_back(scored[i].second);
  return names;
}

/// @brief " (did you mean `a` or `b`?)" for the closest of @p candidates, with @p prefix before
/// each name (e.g. "capacity_gw/"); "" when none is close.
inline std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates,
                                const std::string& prefix = "") {
  const std::vector<std::string> names = closest_names(name, candidates);
  if (names.empty()) return "";
  std::string text = " (did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + ("`" + prefix + names[i] + "`");
  return text + "?)";
}

}  // namespace peakpath
