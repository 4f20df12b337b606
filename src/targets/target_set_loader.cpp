// SPDX-License-Identifier: Apache-2.0
// TargetSet::load: YAML target sets with a CSV history of reference values.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "../core/file_path.hpp"
#include "../core/yaml_file.hpp"
#include "peakpath/core/check.hpp"
#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/model/results.hpp"
#include "peakpath/targets/target_set.hpp"

namespace peakpath {

namespace {

using detail::directory_of;
using detail::is_file;
using detail::yaml_as;
using detail::yaml_required;
using detail::yaml_where;

/// "shandong" -> <data>/shandong/targets/shandong.yaml; "shandong/x" -> .../targets/x.yaml.
std::string resolve_target_set(const std::string& name_or_path) {
  if (is_file(name_or_path)) return name_or_path;
  const auto slash = name_or_path.find('/');
  const std::string dataset = name_or_path.substr(0, slash);
  const std::string set = slash == std::string::npos ? dataset : name_or_path.substr(slash + 1);
  const std::string shipped = default_data_dir() + "/" + dataset + "/targets/" + set + ".yaml";
  if (is_file(shipped)) return shipped;
  throw DataError("target set '" + name_or_path +
                  "' not found (give a YAML file or a shipped name such as 'shandong')");
}

/// (indicator, year) -> value of the rows of a history file whose indicator is a model column.
using History = std::map<std::pair<std::string, int>, double>;

History load_history(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"indicator", "year", "value", "unit", "tag", "source"});
  History history;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::string& indicator = table.required_text(row, "indicator");
    const int year = static_cast<int>(table.integer(row, "year"));
    const double value = table.number(row, "value");
    table.required_text(row, "source");
    if (!history.emplace(std::make_pair(indicator, year), value).second)
      throw DataError(table.where(row, "year") + ": duplicate row for " + indicator + " in " +
                      std::to_string(year));
  }
  return history;
}

double number_in(const std::string& file, const YAML::Node& node, const std::string& key, double lo,
                 double hi, bool open_hi) {
  const double value = yaml_as<double>(file, node, key);
  if (!(value >= lo && (open_hi ? value < hi : value <= hi))) {
    std::ostringstream range;
    range << "must lie in [" << lo << ", " << hi << (open_hi ? ")" : "]");
    throw DataError(yaml_where(file, node, key) + ": " +
                    detail::format_check_message("", "value", -1, value, range.str()));
  }
  return value;
}

int year_of(const std::string& file, const YAML::Node& node, const std::string& key) {
  const double year = number_in(file, node, key, 1900, 2200, false);
  if (year != std::floor(year))  // 2030.5 would silently become 2030
    throw DataError(yaml_where(file, node, key) + ": " +
                    detail::format_check_message("", "value", -1, year, "must be a whole year"));
  return static_cast<int>(year);
}

/// The keys each type accepts beyond id, type, description, tag, source and note.
const std::map<TargetKind, std::set<std::string>>& type_keys() {
  static const std::map<TargetKind, std::set<std::string>> keys = {
      {TargetKind::intensity_reduction,
       {"indicator", "year", "base_year", "reduction", "interpolate"}},
      {TargetKind::share_at_least, {"indicator", "year", "share", "interpolate"}},
      {TargetKind::cap, {"indicator", "year", "cap", "interpolate"}},
      {TargetKind::peak_by, {"indicator", "year", "tolerance"}},
      {TargetKind::stable_decline, {"indicator", "window", "tolerance", "min_decline_rate"}}};
  return keys;
}

/// Share indicators (unit 1) have "_share" in their name (non_fossil_share_calorific too); the
/// others carry units (Mt, Mtce, ...).
bool is_share(const std::string& indicator) {
  return indicator.find("_share") != std::string::npos;
}

std::string share_indicators() {
  std::string list;
  for (const auto& name : INDICATOR_NAMES)
    if (is_share(name)) list += (list.empty() ? "" : ", ") + name;
  return list;
}

const char* value_key(TargetKind kind) {
  switch (kind) {
    case TargetKind::intensity_reduction:
      return "reduction";
    case TargetKind::share_at_least:
      return "share";
    case TargetKind::cap:
      return "cap";
    default:
      return "";
  }
}

// long: reads and checks each key of a target entry in turn, one short block per key.
Target parse_target(const std::string& file, const YAML::Node& node, std::size_t index) {
  const std::string at = "targets[" + std::to_string(index) + "]";
  if (!node.IsMap()) throw DataError(yaml_where(file, node, at) + ": expected a mapping");
  Target t;
  t.id = yaml_as<std::string>(file, yaml_required(file, node, "id"), at + ".id");
  const std::string name = at + " (" + t.id + ")";
  const YAML::Node type = yaml_required(file, node, "type");
  try {
    t.kind = target_kind(yaml_as<std::string>(file, type, name + ".type"));
  } catch (const DataError&) {
    throw;
  } catch (const std::invalid_argument& e) {
    throw DataError(yaml_where(file, type, name + ".type") + ": " + e.what());
  }
  const auto& allowed = type_keys().at(t.kind);
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    static const std::set<std::string> common = {"id",  "type",   "description",
                                                 "tag", "source", "note"};
    if (!common.count(key) && !allowed.count(key)) {
      std::string known;
      for (const auto& k : allowed) known += ", " + k;
      throw DataError(yaml_where(file, item.first, name + "." + key) + ": not a key of type " +
                      to_string(t.kind) + " (expected id, type, description" + known +
                      ", tag, source, note)");
    }
  }
  auto text = [&](const char* key) {
    return node[key] ? yaml_as<std::string>(file, node[key], name + "." + key) : std::string();
  };
  t.description = text("description");
  t.tag = text("tag");
  t.source = text("source");
  t.note = text("note");

  const bool emissions = t.kind == TargetKind::peak_by || t.kind == TargetKind::stable_decline;
  if (node["indicator"] || !emissions) {
    const YAML::Node indicator = yaml_required(file, node, "indicator");
    t.indicator = yaml_as<std::string>(file, indicator, name + ".indicator");
    if (std::find(INDICATOR_NAMES.begin(), INDICATOR_NAMES.end(), t.indicator) ==
        INDICATOR_NAMES.end())
      throw DataError(yaml_where(file, indicator, name + ".indicator") + ": '" + t.indicator +
                      "' is not an indicator of the model (see INDICATOR_NAMES)");
    if (t.kind == TargetKind::share_at_least && !is_share(t.indicator))
      throw DataError(yaml_where(file, indicator, name + ".indicator") + ": '" + t.indicator +
                      "' is not a share; type share_at_least needs a share indicator (" +
                      share_indicators() + ")");
  }
  if (t.kind == TargetKind::stable_decline) {
    const YAML::Node window = yaml_required(file, node, "window");
    if (!window.IsSequence() || window.size() != 2)
      throw DataError(yaml_where(file, window, name + ".window") +
                      ": expected [first year, last year]");
    t.window_start = year_of(file, window[0], name + ".window[0]");
    t.year = year_of(file, window[1], name + ".window[1]");
    if (t.window_start >= t.year)
      throw DataError(yaml_where(file, window, name + ".window") +
                      ": the first year must come before the last");
    if (node["min_decline_rate"])
      t.value = number_in(file, node["min_decline_rate"], name + ".min_decline_rate", -1, 1, true);
  } else {
    t.year = year_of(file, yaml_required(file, node, "year"), name + ".year");
  }
  if (node["tolerance"])
    t.tolerance = number_in(file, node["tolerance"], name + ".tolerance", 0, 1, true);
  if (t.kind == TargetKind::intensity_reduction) {
    const YAML::Node base = yaml_required(file, node, "base_year");
    t.base_year = year_of(file, base, name + ".base_year");
    if (t.base_year >= t.year)
      throw DataError(yaml_where(file, base, name + ".base_year") + ": " +
                      std::to_string(t.base_year) + " is not before the target year " +
                      std::to_string(t.year));
  }
  const std::string key = value_key(t.kind);
  if (!key.empty()) {
    if (node[key] && node["interpolate"])
      throw DataError(yaml_where(file, node["interpolate"], name + ".interpolate") +
                      ": give either '" + key + "' or 'interpolate', not both");
    if (!node["interpolate"]) {
      const YAML::Node value = yaml_required(file, node, key);
      t.value = t.kind == TargetKind::intensity_reduction
                    ? number_in(file, value, name + "." + key, -1, 1, true)
                : t.kind == TargetKind::share_at_least
                    ? number_in(file, value, name + "." + key, 0, 1, false)
                    : yaml_as<double>(file, value, name + "." + key);
      if (!std::isfinite(t.value))
        throw DataError(yaml_where(file, value, name + "." + key) + ": must be finite");
    }
  }
  return t;
}

/// Links each milestone to its two anchors (same type and indicator, earlier and later year).
void link_milestones(const std::string& file, const YAML::Node& list,
                     std::vector<Target>& targets) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < targets.size(); ++i) index[targets[i].id] = i;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const YAML::Node node = list[i]["interpolate"];
    if (!node) continue;
    Target& t = targets[i];
    const std::string where = yaml_where(file, node, t.id + ".interpolate");
    if (!node.IsSequence() || node.size() != 2)
      throw DataError(where + ": expected [earlier target id, later target id]");
    std::shared_ptr<const Target> anchors[2];
    for (std::size_t k = 0; k < 2; ++k) {
      const std::string id = yaml_as<std::string>(file, node[k], t.id + ".interpolate");
      const auto it = index.find(id);
      if (it == index.end()) throw DataError(where + ": no target '" + id + "' in this set");
      const Target& anchor = targets[it->second];
      if (anchor.kind != t.kind || anchor.indicator != t.indicator)
        throw DataError(where + ": '" + id + "' is not a " + to_string(t.kind) + " target on " +
                        t.indicator);
      if (list[it->second]["interpolate"])
        throw DataError(where + ": '" + id + "' is itself interpolated");
      anchors[k] = std::make_shared<const Target>(anchor);
    }
    if (!(anchors[0]->year < t.year && t.year < anchors[1]->year))
      throw DataError(where + ": year " + std::to_string(t.year) + " must lie between " +
                      std::to_string(anchors[0]->year) + " and " +
                      std::to_string(anchors[1]->year));
    t.interpolate_from = anchors[0];
    t.interpolate_to = anchors[1];
  }
}

/// Gives an intensity target its base value from the history, where present.
void attach_base_value(const History& history, Target& t) {
  if (t.kind != TargetKind::intensity_reduction) return;
  const auto it = history.find({t.indicator, t.base_year});
  if (it != history.end()) t.base_value = it->second;
}

}  // namespace

TargetSet TargetSet::load(const std::string& name_or_path) {
  const std::string file = resolve_target_set(name_or_path);
  const YAML::Node root = detail::load_yaml_file(file);
  if (!root.IsMap()) throw DataError(file + ": a target set must be a YAML mapping");
  static const std::set<std::string> known = {"name", "description", "history", "targets"};
  for (const auto& item : root)
    if (!known.count(item.first.Scalar()))
      throw DataError(yaml_where(file, item.first, item.first.Scalar()) +
                      ": unknown key (expected one of name, description, history, targets)");
  TargetSet set;
  set.file = file;
  set.name = root["name"] ? yaml_as<std::string>(file, root["name"], "name") : name_or_path;
  set.description =
      root["description"] ? yaml_as<std::string>(file, root["description"], "description") : "";
  const YAML::Node list = yaml_required(file, root, "targets");
  if (!list.IsSequence() || list.size() == 0)
    throw DataError(yaml_where(file, list, "targets") + ": expected a non-empty list");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    set.targets.push_back(parse_target(file, list[i], i));
    if (!ids.insert(set.targets.back().id).second)
      throw DataError(yaml_where(file, list[i]["id"], "targets[" + std::to_string(i) + "].id") +
                      ": duplicate id '" + set.targets.back().id + "'");
  }
  History history;
  if (root["history"]) {
    const std::string relative = yaml_as<std::string>(file, root["history"], "history");
    const std::string path =
        relative.front() == '/' ? relative : directory_of(file) + "/" + relative;
    if (!is_file(path))
      throw DataError(yaml_where(file, root["history"], "history") + ": file '" + path +
                      "' not found");
    history = load_history(path);
  }
  for (auto& target : set.targets) attach_base_value(history, target);
  link_milestones(file, list, set.targets);  // after: the anchors' copies carry base values
  return set;
}

}  // namespace peakpath
