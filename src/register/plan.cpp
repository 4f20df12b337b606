// SPDX-License-Identifier: Apache-2.0
// The allocation algorithm: eligibility by rule, a fixed order, greedy cover per dimension.
#include "plan.hpp"

#include <algorithm>

namespace peakpath::detail {

namespace {

// Amounts below this (relative to the requirement) count as closed: float sums of splits.
constexpr double RELATIVE_TOLERANCE = 1e-9;

bool eligible(const SourceBalance& source, const Project& project, Dimension dimension,
              const Eligibility& rule, int reference_year) {
  if (source.remaining[index_of(dimension)] <= 0) return false;
  if (rule.same_type && source.project_type != project.project_type) return false;
  if (dimension == Dimension::capacity && source.capacity_unit != project.capacity_unit)
    return false;
  if (rule.scope == "city" && source.city != project.city) return false;
  if (rule.window_years > 0 && year_of(source.date) < reference_year - rule.window_years)
    return false;
  return true;
}

}  // namespace

Amounts requirement_of(const Project& project, const Rules& rules) {
  const bool key_region = project.key_region.value_or(rules.is_key_region_city(project.city));
  Amounts result{};
  for (Dimension d : DIMENSIONS)
    result[index_of(d)] = rules.ratio(project.project_type, d, key_region) * amount(project, d);
  return result;
}

Allocation plan_allocation(const Project& project, const Rules& rules,
                           const std::vector<SourceBalance>& sources,
                           const std::string& reference_date) {
  Allocation allocation;
  allocation.project_id = project.id;
  allocation.requirement = requirement_of(project, rules);
  const int reference_year = year_of(reference_date);

  // Same city first (local replacement), then the oldest source (before it leaves the closure
  // window), then the id: a total order, so the result never depends on storage order.
  std::vector<const SourceBalance*> order;
  for (const auto& s : sources) order.push_back(&s);
  std::sort(order.begin(), order.end(), [&](const SourceBalance* a, const SourceBalance* b) {
    const bool a_local = a->city == project.city;
    const bool b_local = b->city == project.city;
    if (a_local != b_local) return a_local;
    if (a->date != b->date) return a->date < b->date;
    return a->id < b->id;
  });

  allocation.approved = true;
  for (Dimension d : DIMENSIONS) {
    const std::size_t k = index_of(d);
    const double need = allocation.requirement[k];
    const Eligibility rule = rules.eligibility(d);
    double still = need;
    for (const SourceBalance* s : order) {
      if (still <= need * RELATIVE_TOLERANCE) break;
      if (!eligible(*s, project, d, rule, reference_year)) continue;
      const double take = std::min(still, s->remaining[k]);
      allocation.assignments.push_back(
          {project.id, s->id, s->kind, s->city, s->date, d, take, s->remaining[k]});
      still -= take;
    }
    allocation.covered[k] = need - std::max(still, 0.0);
    allocation.shortfall[k] = still > need * RELATIVE_TOLERANCE ? still : 0.0;
    if (allocation.shortfall[k] > 0) allocation.approved = false;
  }
  return allocation;
}

}  // namespace peakpath::detail
