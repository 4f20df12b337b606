// SPDX-License-Identifier: Apache-2.0
// Rules: loading the two-high rule files (long format, "*" wildcards, later rows override).
#include "peakpath/register/rules.hpp"
#include "peakpath/core/format.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/project.hpp"
#include "text.hpp"

namespace peakpath {

namespace {

const std::set<std::string> NUMBER_RULES = {"ratio_key_region", "ratio_other", "benchmark",
                                            "baseline"};
const std::set<std::string> DATE_RULES = {"upgrade_deadline", "phase_out_deadline"};
const std::set<std::string> DIMENSION_RULES = {"same_type", "scope", "window_years"};
const std::string KEY_CITY = "key_region_city";

bool is_dimension_name(const std::string& name) {
  return std::any_of(DIMENSIONS.begin(), DIMENSIONS.end(),
                     [&](Dimension d) { return dimension_name(d) == name; });
}

// Checks the cells of one row; throws DataError at the first bad cell.
void check_row(const CsvTable& table, std::size_t row) {
  const std::string& rule = table.required_text(row, "rule");
  const std::string& type = table.required_text(row, "project_type");
  const std::string& dim = table.required_text(row, "dimension");
  const auto bad = [&](const std::string& column, const std::string& requirement) {
    throw DataError(table.where(row, column) + ": value '" + table.text(row, column) + "' " +
                    requirement);
  };
  const bool known = NUMBER_RULES.count(rule) || DATE_RULES.count(rule) ||
                     DIMENSION_RULES.count(rule) || rule == KEY_CITY;
  if (!known)
    bad("rule",
        "is not a rule (ratio_key_region, ratio_other, benchmark, baseline, upgrade_deadline, "
        "phase_out_deadline, same_type, scope, window_years, key_region_city)");
  if (type != "*" && !is_project_type(type)) bad("project_type", "is not a project type or '*'");
  if (dim != "*" && !is_dimension_name(dim)) bad("dimension", "is not a dimension or '*'");
  if ((DIMENSION_RULES.count(rule) || rule == KEY_CITY) && type != "*")
    bad("project_type", "must be '*' for rule " + rule);
  if ((NUMBER_RULES.count(rule) && rule.rfind("ratio", 0) != 0) || DATE_RULES.count(rule) ||
      rule == KEY_CITY) {
    if (dim != "*") bad("dimension", "must be '*' for rule " + rule);
  }
  const std::string& value = table.required_text(row, "value");
  if (NUMBER_RULES.count(rule)) {
    const double limit = rule.rfind("ratio", 0) == 0 ? RATIO_LIMIT : UNIT_ENERGY_LIMIT;
    const double number = table.nonnegative(row, "value");
    if (!(number <= limit))
      bad("value", "must be finite and within [0, " + format_number(limit) + "]");
  }
  if (DATE_RULES.count(rule) && !is_iso_date(value)) bad("value", "is not a date (YYYY[-MM[-DD]])");
  if (rule == "same_type") table.flag(row, "value");
  if (rule == "scope" && value != "city" && value != "province")
    bad("value", "is not a scope (city or province)");
  if (rule == "window_years" && table.integer(row, "value") < 0) bad("value", "must be >= 0 years");
}

std::vector<std::string> csv_files(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<std::string> files;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
    if (it->path().extension() == ".csv") files.push_back(it->path().string());
  if (error) throw DataError(directory + ": cannot open the rules directory: " + error.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw DataError(directory + ": no rules files (*.csv)");
  return files;
}

}  // namespace

Rules Rules::defaults() {
  return load_directory(default_data_dir() + "/rules");
}

Rules Rules::load_directory(const std::string& directory) {
  Rules rules;
  for (const auto& file : csv_files(directory)) rules.add_file(file);
  return rules;
}

void Rules::override_with(const std::string& path) {
  add_file(path);
}

void Rules::add_file(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"rule", "project_type", "dimension", "value", "unit", "tag", "source"});
  std::vector<std::string> errors;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    try {
      for (const std::string& column : table.columns())
        if (const std::string problem = detail::utf8_problem(table.text(row, column));
            !problem.empty())
          throw DataError(table.where(row, column) + ": value " +
                          detail::quoted(table.text(row, column)) + " is " + problem);
      check_row(table, row);
      const std::string& tag = table.text(row, "tag");
      if (tag != "V" && tag != "P" && tag != "U")
        throw DataError(table.where(row, "tag") + ": value '" + tag + "' is not V, P or U");
      table.required_text(row, "source");
    } catch (const DataError& e) {
      errors.emplace_back(e.what());
    }
  }
  if (!errors.empty()) {
    std::string message = path + ": " + std::to_string(errors.size()) + " bad rule row(s):";
    for (const auto& e : errors) message += "\n  " + e;
    throw DataError(message);
  }
  // Apply only a file that is valid as a whole.
  for (std::size_t row = 0; row < table.rows(); ++row) {
    RuleRow r{table.text(row, "rule"),      table.text(row, "project_type"),
              table.text(row, "dimension"), table.text(row, "value"),
              table.text(row, "unit"),      table.text(row, "tag"),
              table.text(row, "source"),    table.where(row, "value")};
    if (r.rule == KEY_CITY) {
      // "-City" removes a city from the list (for a user's narrower key-region scope).
      const bool remove = r.value.front() == '-';
      const std::string city = remove ? r.value.substr(1) : r.value;
      key_cities_.erase(std::remove(key_cities_.begin(), key_cities_.end(), city),
                        key_cities_.end());
      if (!remove) key_cities_.push_back(city);
      continue;
    }
    rows_[{r.rule, r.project_type, r.dimension}] = r;
  }
}

const RuleRow* Rules::find(const std::string& rule, const std::string& project_type,
                           const std::string& dimension) const {
  for (const auto& key : {std::make_tuple(rule, project_type, dimension),
                          std::make_tuple(rule, project_type, std::string("*")),
                          std::make_tuple(rule, std::string("*"), dimension),
                          std::make_tuple(rule, std::string("*"), std::string("*"))}) {
    const auto it = rows_.find(key);
    if (it != rows_.end()) return &it->second;
  }
  return nullptr;
}

double Rules::ratio(const std::string& project_type, Dimension dimension, bool key_region) const {
  const std::string rule = key_region ? "ratio_key_region" : "ratio_other";
  const RuleRow* row = find(rule, project_type, dimension_name(dimension));
  if (!row)
    throw std::invalid_argument("rules: no " + rule + " for project type '" + project_type +
                                "', dimension " + dimension_name(dimension) +
                                " (add a row, or a '*' row)");
  return std::stod(row->value);
}

std::optional<EfficiencyLevels> Rules::levels(const std::string& project_type) const {
  const RuleRow* benchmark = find("benchmark", project_type, "*");
  const RuleRow* baseline = find("baseline", project_type, "*");
  if (!benchmark || !baseline || benchmark->project_type != project_type ||
      baseline->project_type != project_type)
    return std::nullopt;
  EfficiencyLevels levels;
  levels.benchmark = std::stod(benchmark->value);
  levels.baseline = std::stod(baseline->value);
  levels.unit = benchmark->unit;
  if (levels.benchmark > levels.baseline)
    throw DataError("rules: benchmark " + benchmark->value + " (" + benchmark->origin +
                    ") is worse than baseline " + baseline->value + " (" + baseline->origin +
                    ") for " + project_type + ": lower unit energy is better");
  if (const RuleRow* r = find("upgrade_deadline", project_type, "*"))
    levels.upgrade_deadline = r->value;
  if (const RuleRow* r = find("phase_out_deadline", project_type, "*"))
    levels.phase_out_deadline = r->value;
  return levels;
}

Eligibility Rules::eligibility(Dimension dimension) const {
  Eligibility result;
  const std::string& dim = dimension_name(dimension);
  if (const RuleRow* r = find("same_type", "*", dim))
    result.same_type = r->value == "1" || r->value == "true" || r->value == "True";
  const RuleRow* scope = find("scope", "*", dim);
  result.scope = scope ? scope->value : "province";
  if (const RuleRow* r = find("window_years", "*", dim)) result.window_years = std::stoi(r->value);
  return result;
}

bool Rules::is_key_region_city(const std::string& city) const {
  return std::find(key_cities_.begin(), key_cities_.end(), city) != key_cities_.end();
}

std::vector<RuleRow> Rules::rows() const {
  std::vector<RuleRow> result;
  for (const auto& entry : rows_) result.push_back(entry.second);
  return result;
}

}  // namespace peakpath
