// SPDX-License-Identifier: Apache-2.0
// Lever keys, defaults, range checks and the overlay of lever paths.
#include "peakpath/scenario/lever_overlay.hpp"

#include <cmath>
#include <set>

#include "peakpath/core/error.hpp"
#include "peakpath/core/suggest.hpp"
#include "peakpath/energy/fuel.hpp"

namespace peakpath {

namespace {

/// Owners of fuel_share keys besides the sectors: the inputs of power and heat supply.
const std::vector<std::string> SUPPLY_OWNERS = {"electricity_generation", "heat_supply"};

std::string number(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string year_text(double year) {
  return year == 0.0 ? "every year (a constant)" : std::to_string(static_cast<int>(year));
}

std::string range_text(const LeverDefinition& lever) {
  const std::string lo = std::isinf(lever.min) ? "-inf" : number(lever.min);
  const std::string hi = std::isinf(lever.max) ? "inf" : number(lever.max);
  return (lever.min_exclusive ? "(" : "[") + lo + ", " + hi + "]";
}

std::vector<std::string> sector_ids(const Dataset& data) {
  std::vector<std::string> ids;
  for (const Sector& sector : data.sectors) ids.push_back(sector.id);
  return ids;
}

double base_fuel_share(const Dataset& data, const std::string& owner, std::size_t fuel) {
  const auto f = static_cast<Eigen::Index>(fuel);
  if (owner == "electricity_generation") return data.electricity_fuel_mix[f];
  if (owner == "heat_supply") return data.heat_fuel_mix[f];
  const auto s = static_cast<Eigen::Index>(data.sector_index(owner));
  const double total = data.base_energy_tce.row(s).sum();
  return total > 0.0 ? data.base_energy_tce(s, f) / total : 0.0;
}

}  // namespace

std::vector<std::string> lever_keys(const Dataset& data, const LeverDefinition& lever) {
  std::vector<std::string> keys;
  switch (lever.key) {
    case LeverKeyKind::total:
      return {"total"};
    case LeverKeyKind::sector:
      return sector_ids(data);
    case LeverKeyKind::technology: {
      std::set<std::string> technologies;
      for (const char* variable : {"capacity_gw", "capacity_factor"})
        if (const auto it = data.paths.find(variable); it != data.paths.end())
          for (const auto& [key, path] : it->second) technologies.insert(key);
      return {technologies.begin(), technologies.end()};
    }
    case LeverKeyKind::sector_fuel: {
      std::vector<std::string> owners = sector_ids(data);
      owners.insert(owners.end(), SUPPLY_OWNERS.begin(), SUPPLY_OWNERS.end());
      for (const std::string& owner : owners)
        for (const std::string& fuel : data.fuel_ids) keys.push_back(owner + "/" + fuel);
      return keys;
    }
    case LeverKeyKind::sector_pollutant:
      for (const Sector& sector : data.sectors)
        for (const std::string& pollutant : POLLUTANT_NAMES)
          keys.push_back(sector.id + "/" + pollutant);
      return keys;
    case LeverKeyKind::sector_class:
      for (const TechnologyClassSpec& spec : data.technologies)
        keys.push_back(data.sectors[spec.sector].id + "/" + spec.name);
      return keys;
    case LeverKeyKind::sector_class_pair:
      for (const TechnologyClassSpec& from : data.technologies)
        for (const TechnologyClassSpec& to : data.technologies)
          if (from.sector == to.sector && from.name != to.name)
            keys.push_back(data.sectors[from.sector].id + "/" + from.name + "/" + to.name);
      return keys;
  }
  return keys;
}

std::optional<TimePath> lever_default(const Dataset& data, const LeverDefinition& lever,
                                      const std::string& key) {
  if (const auto v = data.paths.find(lever.variable); v != data.paths.end())
    if (const auto k = v->second.find(key); k != v->second.end()) return k->second;
  if (lever.key == LeverKeyKind::total)
    if (const auto p = data.power.find(lever.variable); p != data.power.end())
      return TimePath(p->second);
  if (lever.variable == "fuel_share") {
    const auto slash = key.find('/');
    return TimePath(
        base_fuel_share(data, key.substr(0, slash), data.fuel_index(key.substr(slash + 1))));
  }
  if (lever.variable == "electricity_share")
    return TimePath(base_fuel_share(data, key, data.fuel_index("electricity")));
  if (lever.variable == "new_build_share")
    for (const TechnologyClassSpec& spec : data.technologies)
      if (data.sectors[spec.sector].id + "/" + spec.name == key) return TimePath(spec.base_share);
  if (!std::isnan(lever.default_value)) return TimePath(lever.default_value);
  return std::nullopt;
}

void check_lever(const Dataset& data, const std::string& variable, const std::string& key,
                 const TimePath& path, const std::string& where) {
  const LeverDefinition* lever = find_lever(variable);
  if (!lever)
    throw DataError(where + ": unknown lever '" + variable + "'" +
                    did_you_mean(variable, lever_variable_names()) +
                    "; the levers are listed in docs/levers.md");
  const std::vector<std::string> keys = lever_keys(data, *lever);
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    std::string hint = did_you_mean(key, keys, variable + "/");
    if (hint.empty())
      hint = " (the keys are " + variable + "/" + key_pattern(lever->key) + " of dataset '" +
             data.name + "')";
    throw DataError(where + ": lever " + variable + "/" + key + ": unknown key '" + key + "'" +
                    hint);
  }
  for (std::size_t i = 0; i < path.years().size(); ++i) {
    const double value = path.values()[i];
    const bool low = lever->min_exclusive ? !(value > lever->min) : !(value >= lever->min);
    if (low || !(value <= lever->max))
      throw DataError(where + ": lever " + variable + "/" + key + " in " +
                      year_text(path.years()[i]) + ": value " + number(value) + " " + lever->unit +
                      " is outside the valid range " + range_text(*lever));
  }
}

namespace {

/// The lever's points laid over @p base from the lever's first year (see overlay_path); the
/// last observed year (@p history_end) is kept as a point, so the path moves from it.
TimePath overlay_unchecked(const TimePath& base_path, const TimePath& lever, int base_year,
                           int history_end, const LeverDefinition& definition,
                           const std::string& key, const std::string& where) {
  const TimePath* base = &base_path;
  const double first = lever.years().front();
  const double b = base_year;
  if (first <= b) {
    const double kept = base->at(b), given = lever.at(b);
    if (definition.base_year_effect &&
        std::abs(given - kept) > 1e-9 * std::max(1.0, std::abs(kept)))
      throw DataError(where + ": lever " + definition.variable + "/" + key + " point in " +
                      year_text(first) + " would change the base year " +
                      std::to_string(base_year) + " from " + number(kept) + " to " + number(given) +
                      "; the base year keeps its value unless the lever is applied with replace "
                      "(Python: with_levers(..., replace=True); YAML: replace: true)");
    return lever;
  }
  std::vector<double> years{b}, values{base->at(b)};
  const double h = history_end;
  for (std::size_t i = 0; i < base->years().size(); ++i) {
    const double year = base->years()[i];
    if (years.back() < h && h < year && h < first) {  // the history's end, between two points
      years.push_back(h);
      values.push_back(base->at(h));
    }
    if (year > b && year < first) {
      years.push_back(year);
      values.push_back(base->values()[i]);
    }
  }
  if (years.back() < h && h < first) {
    years.push_back(h);
    values.push_back(base->at(h));
  }
  years.insert(years.end(), lever.years().begin(), lever.years().end());
  values.insert(values.end(), lever.values().begin(), lever.values().end());
  return TimePath(years, values, where);
}

/// Throws when @p lever has a point dated in the observed years after the base year that
/// differs from @p base there (a point that repeats the path changes nothing).
void check_no_point_in_history(const TimePath& base, const TimePath& lever, int base_year,
                               int history_end, const LeverDefinition& definition,
                               const std::string& key, const std::string& where) {
  for (double year : lever.years())
    if (year > base_year && year <= history_end &&
        std::abs(lever.at(year) - base.at(year)) > 1e-9 * std::max(1.0, std::abs(base.at(year))))
      throw DataError(where + ": lever " + definition.variable + "/" + key + " point in " +
                      year_text(year) + " lies in the observed years (" +
                      std::to_string(base_year + 1) + "-" + std::to_string(history_end) +
                      "), where the path is " + number(base.at(year)) + "; scenarios act from " +
                      std::to_string(history_end + 1) +
                      " and the history keeps its values unless the lever is applied with "
                      "replace (Python: with_levers(..., replace=True); YAML: replace: true)");
}

}  // namespace

TimePath overlay_path(const TimePath* base, const TimePath& lever, int base_year, int history_end,
                      const LeverDefinition& definition, const std::string& key, LeverMerge merge,
                      const std::string& where) {
  if (merge == LeverMerge::replace || !base) return lever;
  check_no_point_in_history(*base, lever, base_year, history_end, definition, key, where);
  return overlay_unchecked(*base, lever, base_year, history_end, definition, key, where);
}

}  // namespace peakpath
