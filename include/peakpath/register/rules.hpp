// SPDX-License-Identifier: Apache-2.0
// peakpath register: replacement ratios, efficiency levels, eligibility and key regions as data.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "peakpath/register/dimension.hpp"

namespace peakpath {

/// @brief One row of a rules file: columns rule, project_type, dimension, value, unit, tag,
/// source. project_type and dimension may be "*" (any); the most specific row wins.
struct RuleRow {
  std::string rule;          ///< see Rules for the rule names
  std::string project_type;  ///< a project type or "*"
  std::string dimension;     ///< a dimension name or "*"
  std::string value;         ///< number, date, 0/1 or word, by rule
  std::string unit;          ///< unit of value (informative)
  std::string tag;           ///< V (seen in source), P (partly confirmed), U (unconfirmed)
  std::string source;        ///< where the value comes from
  std::string origin;        ///< "file line N" (where it was read)
};

/// @brief Benchmark and baseline levels of unit energy consumption for one project type
/// (lower is better) and the deadlines of classified disposal.
struct EfficiencyLevels {
  double benchmark = 0.0;          ///< 标杆水平
  double baseline = 0.0;           ///< 基准水平 (>= benchmark)
  std::string unit;                ///< unit of unit_energy, e.g. "kgce/t"
  std::string upgrade_deadline;    ///< for projects between benchmark and baseline
  std::string phase_out_deadline;  ///< for projects worse than the baseline
};

/// @brief Which sources may cover a dimension.
struct Eligibility {
  bool same_type = false;  ///< the source must be of the project's type
  std::string scope;       ///< "city" (same city) or "province" (anywhere in the register)
  int window_years = 0;    ///< closures older than this before the project's date are void; 0: none
};

/// @brief The two-high rules. Rule names:
/// - ratio_key_region, ratio_other (per type and dimension): replacement ratio, amount of
///   source per unit of new amount, for sites in / outside key air-pollution regions;
/// - benchmark, baseline (per type; unit column gives the unit), upgrade_deadline,
///   phase_out_deadline (per type; ISO dates);
/// - same_type (0/1), scope (city|province), window_years (per dimension);
/// - key_region_city (value: a city name; one row per city).
class Rules {
 public:
  /// @brief The shipped defaults: every *.csv file of default_data_dir()/rules.
  /// @throws DataError when a file is missing or malformed.
  static Rules defaults();
  /// @brief Reads every *.csv file of @p directory, in name order.
  static Rules load_directory(const std::string& directory);

  /// @brief Adds the rows of @p path; a row overrides an earlier row with the same rule,
  /// project_type and dimension. All bad rows are reported at once.
  /// @throws DataError naming file, line, column and value of every bad cell.
  void override_with(const std::string& path);

  /// @brief The replacement ratio of @p project_type in @p dimension.
  /// @throws std::invalid_argument when no row (not even a "*" row) defines it.
  double ratio(const std::string& project_type, Dimension dimension, bool key_region) const;
  /// @brief The efficiency levels of @p project_type, if the rules define them.
  std::optional<EfficiencyLevels> levels(const std::string& project_type) const;
  /// @brief The eligibility rule of @p dimension.
  Eligibility eligibility(Dimension dimension) const;
  /// @brief True when @p city is on the key-region list.
  bool is_key_region_city(const std::string& city) const;
  /// @brief The key-region cities in file order.
  const std::vector<std::string>& key_region_cities() const { return key_cities_; }
  /// @brief The row that decides @p rule for (@p project_type, @p dimension), most specific
  /// first, or nullptr.
  const RuleRow* find(const std::string& rule, const std::string& project_type,
                      const std::string& dimension) const;
  /// @brief Every effective row (overridden rows removed), in key order.
  std::vector<RuleRow> rows() const;

 private:
  void add_file(const std::string& path);
  std::map<std::tuple<std::string, std::string, std::string>, RuleRow> rows_;
  std::vector<std::string> key_cities_;
};

}  // namespace peakpath
