// SPDX-License-Identifier: Apache-2.0
// Register vocabulary: dimensions, project types and statuses, dates, field checks.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <utility>

#include "peakpath/core/format.hpp"
#include "peakpath/register/dimension.hpp"
#include "peakpath/register/offset.hpp"
#include "peakpath/register/project.hpp"
#include "project_fields.hpp"
#include "text.hpp"

namespace peakpath {

namespace {

const std::array<std::string, DIMENSION_COUNT> DIMENSION_NAMES = {
    "capacity", "coal_t", "energy_tce", "co2_t", "so2_t", "nox_t", "pm_t"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& names, const std::string& name) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

bool digits(const std::string& text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

void check_number(std::vector<std::string>& problems, const std::string& field, double value,
                  double limit) {
  if (!std::isfinite(value) || value < 0 || value > limit)
    problems.push_back(field + ": " + format_number(value) + ": must be finite and within [0, " +
                       format_number(limit) + "]");
}

// Checks that every text field is valid UTF-8; true when all are (the other checks then may
// name the values).
bool check_text(std::vector<std::string>& problems,
                std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  const std::size_t before = problems.size();
  for (const auto& [field, value] : fields)
    if (const std::string problem = detail::utf8_problem(*value); !problem.empty())
      problems.push_back(std::string(field) + ": " + detail::quoted(*value) + ": " + problem);
  return problems.size() == before;
}

}  // namespace

double amount_limit(Dimension dimension) {
  switch (dimension) {
    case Dimension::capacity:
    case Dimension::coal_t:
    case Dimension::energy_tce:
      return 1e9;
    case Dimension::co2_t:
      return 1e10;
    case Dimension::so2_t:
    case Dimension::nox_t:
    case Dimension::pm_t:
      return 1e8;
  }
  throw std::logic_error("amount_limit: unhandled dimension");
}

const std::string& dimension_name(Dimension dimension) {
  return DIMENSION_NAMES.at(index_of(dimension));
}

Dimension parse_dimension(const std::string& name) {
  for (Dimension d : DIMENSIONS)
    if (dimension_name(d) == name) return d;
  throw std::invalid_argument("unknown dimension " + detail::quoted(name) +
                              ": expected capacity, coal_t, energy_tce, co2_t, so2_t, nox_t "
                              "or pm_t");
}

bool is_project_type(const std::string& name) {
  return one_of(PROJECT_TYPES, name);
}
bool is_project_status(const std::string& name) {
  return one_of(PROJECT_STATUSES, name);
}
bool is_new_status(const std::string& status) {
  return status == "proposed" || status == "under_construction";
}
bool is_offset_kind(const std::string& kind) {
  return one_of(OFFSET_KINDS, kind);
}

bool is_iso_date(const std::string& text) {
  if (!digits(text, 0, 4)) return false;
  if (text.size() == 4) return true;
  if (text.size() < 7 || text[4] != '-' || !digits(text, 5, 2)) return false;
  const int month = std::stoi(text.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (text.size() == 7) return true;
  if (text.size() != 10 || text[7] != '-' || !digits(text, 8, 2)) return false;
  const int year = std::stoi(text.substr(0, 4));
  const int day = std::stoi(text.substr(8, 2));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day >= 1 && day <= DAYS[month - 1] + (month == 2 && leap ? 1 : 0);
}

int year_of(const std::string& text) {
  if (!is_iso_date(text))
    throw std::invalid_argument("'" + text + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  return std::stoi(text.substr(0, 4));
}

double Project::*detail::amount_member(Dimension dimension) {
  // In DIMENSIONS order.
  static constexpr std::array<double Project::*, DIMENSION_COUNT> FIELDS = {
      &Project::capacity, &Project::coal_t, &Project::energy_tce, &Project::co2_t,
      &Project::so2_t,    &Project::nox_t,  &Project::pm_t};
  return FIELDS[index_of(dimension)];
}

double amount(const Project& project, Dimension dimension) {
  return project.*detail::amount_member(dimension);
}

Amounts amounts(const Project& project) {
  Amounts result{};
  for (Dimension d : DIMENSIONS) result[index_of(d)] = amount(project, d);
  return result;
}

std::vector<std::string> project_problems(const Project& p) {
  std::vector<std::string> problems;
  if (!check_text(problems, {{"id", &p.id},
                             {"name", &p.name},
                             {"city", &p.city},
                             {"project_type", &p.project_type},
                             {"status", &p.status},
                             {"capacity_unit", &p.capacity_unit},
                             {"commissioned", &p.commissioned},
                             {"retired", &p.retired},
                             {"note", &p.note}}))
    return problems;
  if (p.id.empty()) problems.push_back("id: '': must not be empty");
  if (p.name.empty()) problems.push_back("name: '': must not be empty");
  if (p.city.empty()) problems.push_back("city: '': must not be empty");
  if (!is_project_type(p.project_type))
    problems.push_back("project_type: '" + p.project_type +
                       "': not one of the 17 two-high project types");
  if (!is_project_status(p.status))
    problems.push_back("status: '" + p.status +
                       "': expected proposed, under_construction, operating, retired or "
                       "suspended");
  if (p.capacity_unit.empty()) problems.push_back("capacity_unit: '': must not be empty");
  for (Dimension d : DIMENSIONS)
    check_number(problems, dimension_name(d), amount(p, d), amount_limit(d));
  if (p.unit_energy) check_number(problems, "unit_energy", *p.unit_energy, UNIT_ENERGY_LIMIT);
  if (!p.commissioned.empty() && !is_iso_date(p.commissioned))
    problems.push_back("commissioned: '" + p.commissioned + "': not a date (YYYY[-MM[-DD]])");
  if (!p.retired.empty() && !is_iso_date(p.retired))
    problems.push_back("retired: '" + p.retired + "': not a date (YYYY[-MM[-DD]])");
  if (p.status == "retired" && p.retired.empty())
    problems.push_back("retired: '': a retired project needs its retirement date");
  // Dates of one precision or another (YYYY, YYYY-MM, YYYY-MM-DD) compare as text on the
  // shorter of the two, so 2030 is not before 2030-06.
  const std::size_t common = std::min(p.commissioned.size(), p.retired.size());
  if (is_iso_date(p.commissioned) && is_iso_date(p.retired) &&
      p.retired.compare(0, common, p.commissioned, 0, common) < 0)
    problems.push_back("retired: '" + p.retired + "': before commissioned '" + p.commissioned +
                       "'");
  return problems;
}

std::vector<std::string> offset_problems(const Offset& o) {
  std::vector<std::string> problems;
  if (!check_text(problems, {{"id", &o.id},
                             {"kind", &o.kind},
                             {"project_type", &o.project_type},
                             {"city", &o.city},
                             {"date", &o.date},
                             {"capacity_unit", &o.capacity_unit},
                             {"note", &o.note}}))
    return problems;
  if (o.id.empty()) problems.push_back("id: '': must not be empty");
  if (!is_offset_kind(o.kind))
    problems.push_back("kind: '" + o.kind + "': expected closure, retrofit_savings or fuel_switch");
  if (!is_project_type(o.project_type))
    problems.push_back("project_type: '" + o.project_type +
                       "': not one of the 17 two-high project types");
  if (o.city.empty()) problems.push_back("city: '': must not be empty");
  if (!is_iso_date(o.date))
    problems.push_back("date: '" + o.date + "': not a date (YYYY[-MM[-DD]])");
  for (Dimension d : DIMENSIONS)
    check_number(problems, dimension_name(d), o.amounts[index_of(d)], amount_limit(d));
  if (o.amounts[index_of(Dimension::capacity)] > 0 && o.capacity_unit.empty())
    problems.push_back("capacity_unit: '': needed when capacity > 0");
  return problems;
}

}  // namespace peakpath
