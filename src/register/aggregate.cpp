// SPDX-License-Identifier: Apache-2.0
// aggregate_register: the register by project type and year for the sector dynamics.
#include "peakpath/register/aggregate.hpp"

#include <stdexcept>

namespace peakpath {

namespace {

// Type index in PROJECT_TYPES (every stored project has a valid type).
Eigen::Index type_row(const std::string& type) {
  for (std::size_t i = 0; i < PROJECT_TYPES.size(); ++i)
    if (type == PROJECT_TYPES[i]) return static_cast<Eigen::Index>(i);
  throw std::invalid_argument("aggregate_register: unknown project type '" + type + "'");
}

bool in_place(const Project& p, int year) {
  const bool started = p.commissioned.empty() || year_of(p.commissioned) <= year;
  const bool ended = !p.retired.empty() && year_of(p.retired) <= year;
  return started && !ended;
}

}  // namespace

RegisterAggregate aggregate_register(const Register& reg, int first_year, int last_year) {
  if (last_year < first_year)
    throw std::invalid_argument("aggregate_register: last_year = " + std::to_string(last_year) +
                                ": must be >= first_year = " + std::to_string(first_year));
  RegisterAggregate result;
  for (int y = first_year; y <= last_year; ++y) result.years.push_back(y);
  for (const char* type : PROJECT_TYPES) result.project_types.emplace_back(type);
  const auto types = static_cast<Eigen::Index>(PROJECT_TYPES.size());
  const auto years = static_cast<Eigen::Index>(result.years.size());
  for (const char* status : PROJECT_STATUSES)
    result.capacity[status] = Eigen::MatrixXd::Zero(types, years);
  for (Dimension d : DIMENSIONS) {
    result.available_offset[d] = Eigen::MatrixXd::Zero(types, years);
    Eigen::MatrixXd ratios(types, 2);
    for (Eigen::Index t = 0; t < types; ++t) {
      ratios(t, 0) = reg.rules().ratio(PROJECT_TYPES[static_cast<std::size_t>(t)], d, false);
      ratios(t, 1) = reg.rules().ratio(PROJECT_TYPES[static_cast<std::size_t>(t)], d, true);
    }
    result.ratio[d] = ratios;
  }
  for (const Project& p : reg.projects()) {
    Eigen::MatrixXd& capacity = result.capacity[p.status];
    for (Eigen::Index y = 0; y < years; ++y)
      if (in_place(p, result.years[static_cast<std::size_t>(y)]))
        capacity(type_row(p.project_type), y) += p.capacity;
  }
  for (const SourceBalance& s : reg.sources()) {
    const int from = year_of(s.date);
    for (Dimension d : DIMENSIONS)
      for (Eigen::Index y = 0; y < years; ++y)
        if (from <= result.years[static_cast<std::size_t>(y)])
          result.available_offset[d](type_row(s.project_type), y) += s.remaining[index_of(d)];
  }
  return result;
}

}  // namespace peakpath
