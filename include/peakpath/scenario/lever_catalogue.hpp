// SPDX-License-Identifier: Apache-2.0
// peakpath: the catalogue of levers — the one list from which the address parser, the Python
// API and docs/levers.md are derived.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace peakpath {

/// @brief What the key of a lever names (the part after the variable in an address).
enum class LeverKeyKind {
  total,        ///< the single key "total"
  sector,       ///< a sector id of the dataset
  technology,   ///< a power technology (a capacity_gw or capacity_factor key of the dataset)
  sector_fuel,  ///< "sector/fuel"; the sector may also be electricity_generation or heat_supply
  sector_pollutant,  ///< "sector/pollutant" (so2, nox, pm)
  sector_class,      ///< "sector/class": a technology class of the sector (technologies.csv)
  sector_class_pair  ///< "sector/from/to": two technology classes of the sector
};

/// @brief One lever variable: what it addresses, its unit, valid range and default.
struct LeverDefinition {
  std::string variable;        ///< e.g. "capacity_gw"
  LeverKeyKind key;            ///< what its key names
  std::string label;           ///< short human name
  std::string unit;            ///< e.g. "GW", "1/yr", "share"
  double min;                  ///< smallest valid value (inclusive unless min_exclusive)
  double max;                  ///< largest valid value (inclusive)
  bool min_exclusive;          ///< true when min itself is invalid (a value must be > min)
  std::string tasks;           ///< the Opinions' key tasks it serves ("2", "1, 3", "—")
  std::string default_source;  ///< where its default comes from (dataset file, column or value)
  double default_value;        ///< constant default where there is one, else NaN
  bool base_year_effect;       ///< the model reads it in the base year: a point there must keep the
                               ///< base value unless the lever is applied with replace
  std::string acts;            ///< where it acts in the model (one line for docs/levers.md)
};

/// @brief The largest `capacity_gw` of one technology a run accepts (GW): a sanity bound far
/// above any provincial power system. Larger values are typing errors, and beyond about 1e15 GW
/// generation swamps demand so far that the electricity balance cancels to rounding noise.
inline constexpr double MAX_CAPACITY_GW = 1e5;

/// @brief The least `utilisation` (a share of capacity) a run accepts: a stated sanity bound,
/// since capacity = activity / utilisation grows without limit as it nears 0.
inline constexpr double MIN_UTILISATION = 0.01;

// long: a table, one entry per lever; splitting it would scatter the catalogue.
/// @brief The lever catalogue, in the order of docs/levers.md.
inline const std::vector<LeverDefinition>& lever_catalogue() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr double none = std::numeric_limits<double>::quiet_NaN();
  using K = LeverKeyKind;
  // Ranges are those the model enforces (model/run.hpp, model/detail/*.hpp, stock/ and
  // diffusion/ checks); a lever is checked against them when a scenario is built.
  static const std::vector<LeverDefinition> catalogue = {
      {"gdp_growth", K::total, "GDP growth", "1/yr", -1, 10, false, "—", "data/<dataset>/paths.csv",
       none, false, "drives value-added sectors without their own path"},
      {"activity_growth", K::sector, "sector activity growth", "1/yr", -1, 10, false, "1, 3",
       "data/<dataset>/paths.csv", none, false,
       "a sector's activity growth (curbing two-high output; emerging-industry growth in "
       "`equipment_manufacturing`, `light_manufacturing`, `services`)"},
      {"activity_elasticity", K::sector, "activity growth relative to GDP", "–", -inf, inf, false,
       "1, 3", "1", 1.0, false, "growth relative to GDP (or population) when no activity_growth"},
      {"population_growth", K::total, "population growth", "1/yr", -1, 10, false, "6", "0", 0.0,
       false, "drives household sectors without their own path"},
      {"intensity_change", K::sector, "energy-intensity change", "1/yr", -1, 10, false, "1, 6",
       "data/<dataset>/paths.csv", none, false,
       "within-sector energy per unit of activity (operational efficiency; buildings and "
       "transport demand per unit)"},
      {"fuel_share", K::sector_fuel, "fuel share of final use or of generation input", "share", 0,
       1, false, "2, 6", "base-year mix (base_energy.csv, power_fuels.csv)", none, true,
       "electrification, gas and hydrogen switching, coal control in final use; "
       "`electricity_generation/fuel` and `heat_supply/fuel` for power and heat input"},
      {"electricity_share", K::sector, "electricity's share of final energy", "share", 0, 1, false,
       "2, 6",
       "data/<dataset>/paths.csv (fitted to observed electricity use), else the "
       "base-year mix",
       none, true,
       "end-use electrification: electricity's share of a sector's final energy, the other "
       "fuels scaled in proportion; a fuel_share path on electricity takes precedence"},
      {"capacity_gw", K::technology, "installed capacity", "GW", 0, MAX_CAPACITY_GW, false, "2",
       "data/<dataset>/paths.csv", none, true,
       "non-fossil build-out (nuclear, hydro, wind_onshore, wind_offshore, solar, biomass); "
       "`coal` and `gas`: the planned thermal capacity, the least the thermal fleet keeps"},
      {"capacity_factor", K::technology, "capacity factor", "share", 0, 1, false, "2",
       "data/<dataset>/paths.csv", none, true, "output per GW"},
      {"coal_heat_rate_gce_per_kwh", K::total, "coal-power supply heat rate", "gce/kWh", 150, 600,
       false, "2", "data/<dataset>/paths.csv, else power.csv", none, true,
       "the supply heat rate of the base-year fleet mix; the thermal fleet's turnover multiplies "
       "it; also the coal-consumption method"},
      {"import_twh", K::total, "electricity imported", "TWh", 0, inf, false, "2",
       "data/<dataset>/paths.csv, else power.csv", none, true,
       "electricity received from other provinces"},
      {"import_share", K::total, "imported share of electricity supply", "share", 0, 1, false, "2",
       "none (import_twh applies)", none, true,
       "electricity received from other provinces, as a share; replaces import_twh; it has no "
       "default, so its path applies as given, base year included"},
      {"import_non_fossil_share", K::total, "non-fossil share of imports", "share", 0, 1, false,
       "2", "data/<dataset>/power.csv", none, true, "\"green power into Shandong\""},
      {"grid_loss_share", K::total, "grid losses", "share", 0, 0.5, false, "2",
       "data/<dataset>/power.csv", none, true, "transmission losses"},
      {"ccus_capture_mt", K::sector, "CO2 captured (CCUS)", "Mt CO2", 0, inf, false, "2", "0", 0.0,
       true, "captured from the sector's combustion and process CO2"},
      {"process_intensity", K::sector, "process CO2 per unit of activity", "multiplier", 0, inf,
       false, "1, 4", "1", 1.0, true,
       "process CO2 per unit of activity (clinker ratio, substitutes)"},
      {"removal_efficiency", K::sector_pollutant, "end-of-pipe removal", "share", 0, 1, false, "5",
       "0", 0.0, true, "end-of-pipe SO2, NOx, PM removal"},
      {"new_build_share", K::sector_class, "weight in new capacity", "weight", 0, inf, false,
       "1, 7", "base shares (technologies.csv)", none, false,
       "efficiency class or technology (steel's scrap EAF) of new capacity"},
      {"phase_out_rate", K::sector_class, "forced closure", "1/yr of base capacity", 0, inf, false,
       "1, 7", "0", 0.0, false, "forced closure of outdated capacity (replacement rules)"},
      {"retrofit_rate", K::sector_class_pair, "retrofit flow", "1/yr of base capacity", 0, inf,
       false, "1", "0", 0.0, false, "energy-efficiency retrofits toward benchmark levels"},
      {"utilisation", K::sector, "capacity utilisation", "share", MIN_UTILISATION, 1, false, "1",
       "0.85 (power_heat: data/<dataset>/paths.csv)", 0.85, false,
       "capacity needed per unit of activity; for `power_heat`, thermal output per GW"},
      {"logistic_saturation", K::sector, "logistic saturation", "activity units", 0, inf, false,
       "3, 4", "none", none, false,
       "an emerging sector's activity on a logistic curve (read in the base year)"},
      {"logistic_rate", K::sector, "logistic rate", "1/yr", 0, inf, true, "3, 4", "none", none,
       false, "the logistic curve's rate (read in the base year)"},
      {"bass_market", K::sector, "Bass market size", "activity units", 0, inf, false, "3, 4",
       "none", none, false,
       "an emerging sector's activity on a Bass curve (read in the base year)"},
      {"bass_p", K::sector, "Bass innovation coefficient", "1/yr", 0, inf, true, "3, 4", "none",
       none, false, "the Bass curve's p (read in the base year)"},
      {"bass_q", K::sector, "Bass imitation coefficient", "1/yr", 0, inf, false, "3, 4", "none",
       none, false, "the Bass curve's q (read in the base year)"},
      {"replacement_ratio", K::sector, "reduction replacement ratio", "ratio", 1, 100, false, "7",
       "none", none, false,
       "new capacity only against ratio × retired; output capped, unmet demand reported; refused "
       "for `power_heat`"},
      {"new_build_logistic_rate", K::sector_class, "new-build logistic rate", "1/yr", -inf, inf,
       false, "4", "none", none, false,
       "the class's weight in new capacity on a logistic curve (read in the base year)"},
      {"new_build_logistic_midpoint", K::sector_class, "new-build logistic midpoint", "year", -inf,
       inf, false, "4", "none", none, false,
       "the logistic curve's midpoint (read in the base year)"},
      {"new_build_bass_p", K::sector_class, "new-build Bass p", "1/yr", 0, inf, true, "4", "none",
       none, false, "the class's weight in new capacity on a Bass curve (read in the base year)"},
      {"new_build_bass_q", K::sector_class, "new-build Bass q", "1/yr", 0, inf, false, "4", "none",
       none, false, "the Bass curve's q (read in the base year)"},
      {"new_build_bass_launch", K::sector_class, "new-build Bass launch", "year", -inf, inf, false,
       "4", "none", none, false, "the Bass curve's launch year (read in the base year)"},
  };
  return catalogue;
}

/// @brief The catalogue entry of @p variable, or nullptr when it is not a lever.
inline const LeverDefinition* find_lever(const std::string& variable) {
  for (const LeverDefinition& lever : lever_catalogue())
    if (lever.variable == variable) return &lever;
  return nullptr;
}

/// @brief The variable names of the catalogue, in its order.
inline std::vector<std::string> lever_variable_names() {
  std::vector<std::string> names;
  for (const LeverDefinition& lever : lever_catalogue()) names.push_back(lever.variable);
  return names;
}

/// @brief The key pattern of @p kind as written in docs: "total", "<sector>/<fuel>", ...
inline std::string key_pattern(LeverKeyKind kind) {
  switch (kind) {
    case LeverKeyKind::total:
      return "total";
    case LeverKeyKind::sector:
      return "<sector>";
    case LeverKeyKind::technology:
      return "<technology>";
    case LeverKeyKind::sector_fuel:
      return "<sector>/<fuel>";
    case LeverKeyKind::sector_pollutant:
      return "<sector>/<pollutant>";
    case LeverKeyKind::sector_class:
      return "<sector>/<class>";
    case LeverKeyKind::sector_class_pair:
      return "<sector>/<from>/<to>";
  }
  return "";
}

}  // namespace peakpath
