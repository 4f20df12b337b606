// SPDX-License-Identifier: Apache-2.0
// peakpath: the annual results of one scenario run.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/energy/fuel.hpp"
#include "peakpath/model/indicator.hpp"
#include "peakpath/model/sector_fuel.hpp"

namespace peakpath {

/// @brief IAMC variable and unit of an indicator column (pyam naming where one exists).
struct IamcVariable {
  std::string indicator;
  std::string variable;
  std::string unit;
};

/// @brief The indicators reported in the IAMC table, in order.
inline const std::vector<IamcVariable> IAMC_VARIABLES = {
    {"gdp_100m_cny", "GDP|PPP", "100m CNY_2020"},
    {"energy_total_mtce", "Primary Energy", "Mtce"},
    {"energy_total_calorific_mtce", "Primary Energy|Calorific Method", "Mtce"},
    {"coal_consumption_mt", "Primary Energy|Coal|Physical", "Mt"},
    {"non_fossil_share", "Primary Energy|Non-Fossil|Share", "1"},
    {"co2_total_mt", "Emissions|CO2", "Mt CO2/yr"},
    {"co2_energy_mt", "Emissions|CO2|Energy", "Mt CO2/yr"},
    {"co2_process_mt", "Emissions|CO2|Industrial Processes", "Mt CO2/yr"},
    {"co2_power_heat_mt", "Emissions|CO2|Energy|Supply|Electricity and Heat", "Mt CO2/yr"},
    {"co2_two_high_mt", "Emissions|CO2|Two High Industries", "Mt CO2/yr"},
    {"energy_intensity_tce_per_10k_cny", "Energy Intensity of GDP", "tce/10k CNY_2020"},
    {"carbon_intensity_t_per_10k_cny", "Carbon Intensity of GDP", "t CO2/10k CNY_2020"},
    {"electricity_consumption_twh", "Final Energy|Electricity", "TWh/yr"},
    {"electricity_import_twh", "Trade|Secondary Energy|Electricity|Volume", "TWh/yr"},
    {"electricity_non_fossil_twh", "Secondary Energy|Electricity|Non-Fossil", "TWh/yr"},
    {"electricity_thermal_twh", "Secondary Energy|Electricity|Fossil", "TWh/yr"}};

/// @brief The IAMC wide format: one row per variable, one value per model year.
struct IamcTable {
  std::string model;
  std::string scenario;
  std::string region;
  std::vector<int> years;
  std::vector<std::string> variables;
  std::vector<std::string> units;
  std::vector<std::vector<double>> values;  ///< one vector (over years) per variable
};

/// @brief A tidy table: key columns, a year and a value per row.
struct Table {
  std::vector<std::string> key_columns;
  std::vector<std::vector<std::string>> keys;  ///< one vector per row, same order as key_columns
  std::vector<int> years;
  std::vector<double> values;
};

/// @brief Annual results from the base year to the horizon (year-major arrays).
struct Results {
  std::string scenario;    ///< scenario name
  std::string region;      ///< dataset region
  std::vector<int> years;  ///< model years
  std::vector<std::string> sector_ids;
  std::vector<std::string> sector_groups;  ///< per sector
  std::vector<std::string> fuel_ids;
  std::vector<std::string> technology_ids;  ///< generation technologies (columns of generation)
  Eigen::MatrixXd activity;                 ///< years x sectors, activity units
  Eigen::MatrixXd unmet_activity;  ///< years x sectors: demand a replacement ratio left unmet
  Eigen::MatrixXd energy_tce;      ///< years x (sectors*fuels): final use plus generation input
  Eigen::MatrixXd co2_t;           ///< years x (sectors*fuels): combustion CO2
  Eigen::MatrixXd process_co2_t;   ///< years x sectors
  Eigen::MatrixXd captured_co2_t;  ///< years x sectors (CCUS)
  Eigen::MatrixXd pollutants_t;    ///< years x (sectors*3): SO2, NOx, PM after removal
  Eigen::MatrixXd generation_twh;  ///< years x technologies
  std::vector<std::string> capacity_ids;  ///< "sector/class" of the sectors with stock dynamics
  /// years x capacity_ids, in activity units / utilisation; power_heat classes (the thermal
  /// fleet) in GW
  Eigen::MatrixXd capacity;
  std::vector<std::string> generation_capacity_ids;  ///< technologies: non-fossil, coal, gas
  Eigen::MatrixXd generation_capacity_gw;  ///< years x generation_capacity_ids, end of year
  std::vector<std::string> product_ids;    ///< the dataset's products (products.csv)
  /// years x product_ids, Mt: the producing sector's activity x its base-year output per unit
  Eigen::MatrixXd production_mt;
  Eigen::MatrixXd indicator_values;  ///< years x INDICATOR_NAMES

  std::size_t sectors() const { return sector_ids.size(); }
  std::size_t fuels() const { return fuel_ids.size(); }

  /// @brief One indicator over the years. @throws std::invalid_argument for an unknown name.
  Eigen::VectorXd indicator(const std::string& name) const {
    const auto it = std::find(INDICATOR_NAMES.begin(), INDICATOR_NAMES.end(), name);
    if (it == INDICATOR_NAMES.end())
      throw std::invalid_argument("unknown indicator '" + name + "'");
    return indicator_values.col(it - INDICATOR_NAMES.begin());
  }

  /// @brief Row of @p year. @throws std::out_of_range outside the run.
  std::size_t year_index(int year) const {
    const auto it = std::find(years.begin(), years.end(), year);
    if (it == years.end())
      throw std::out_of_range("year " + std::to_string(year) + " is outside the run (" +
                              std::to_string(years.front()) + "-" + std::to_string(years.back()) +
                              ")");
    return static_cast<std::size_t>(it - years.begin());
  }

  /// @brief The indicator table (years x INDICATOR_NAMES).
  const Eigen::MatrixXd& indicators() const { return indicator_values; }

  /// @brief The IAMC wide table: IAMC_VARIABLES, then CO2 by sector ("Emissions|CO2|Sector|<id>").
  IamcTable to_iamc(const std::string& model = "peakpath") const {
    IamcTable table{model, scenario, region, years, {}, {}, {}};
    for (const auto& v : IAMC_VARIABLES) {
      const Eigen::VectorXd series = indicator(v.indicator);
      table.variables.push_back(v.variable);
      table.units.push_back(v.unit);
      table.values.emplace_back(series.data(), series.data() + series.size());
    }
    for (std::size_t s = 0; s < sectors(); ++s) {
      const auto k = static_cast<Eigen::Index>(s);
      const Eigen::VectorXd co2 = (sector_fuel(co2_t, fuels()).sector(s).rowwise().sum() +
                                   process_co2_t.col(k) - captured_co2_t.col(k)) *
                                  1e-6;
      table.variables.push_back("Emissions|CO2|Sector|" + sector_ids[s]);
      table.units.push_back("Mt CO2/yr");
      table.values.emplace_back(co2.data(), co2.data() + co2.size());
    }
    return table;
  }

  /// @brief CO2 (t) summed by any of "region", "sector", "group", "fuel"; "fuel" includes the
  /// pseudo-fuels "process" and "ccus" (negative: captured).
  Table emissions(const std::vector<std::string>& by) const { return aggregate(by, true); }
  /// @brief Energy (tce) summed by any of "region", "sector", "group", "fuel".
  Table energy(const std::vector<std::string>& by) const { return aggregate(by, false); }

 private:
  Table aggregate(const std::vector<std::string>& by, bool emissions) const {
    for (const auto& key : by)
      if (key != "region" && key != "sector" && key != "group" && key != "fuel")
        throw std::invalid_argument("cannot group by '" + key +
                                    "' (use region, sector, group or fuel)");
    // Each (sector, fuel column) maps to its group once; the annual loop adds by index. Groups
    // come out sorted by key, years ascending, and each sum adds in sector-then-fuel order.
    std::vector<std::string> columns = fuel_ids;
    if (emissions) columns.insert(columns.end(), {"process", "ccus"});
    std::map<std::vector<std::string>, std::size_t> group_of_key;
    std::vector<std::size_t> group(sectors() * columns.size());
    for (std::size_t s = 0; s < sectors(); ++s)
      for (std::size_t c = 0; c < columns.size(); ++c) {
        std::vector<std::string> key;
        for (const auto& k : by)
          key.push_back(k == "region"   ? region
                        : k == "sector" ? sector_ids[s]
                        : k == "group"  ? sector_groups[s]
                                        : columns[c]);
        group[s * columns.size() + c] =
            group_of_key.emplace(std::move(key), group_of_key.size()).first->second;
      }
    const std::size_t T = years.size();
    std::vector<double> sums(group_of_key.size() * T, 0.0);
    const auto source = sector_fuel(emissions ? co2_t : energy_tce, fuels());
    for (std::size_t t = 0; t < T; ++t) {
      const auto row = static_cast<Eigen::Index>(t);
      for (std::size_t s = 0; s < sectors(); ++s) {
        const std::size_t* g = &group[s * columns.size()];
        for (std::size_t f = 0; f < fuels(); ++f) sums[g[f] * T + t] += source(row, s, f);
        if (emissions) {
          const auto k = static_cast<Eigen::Index>(s);
          sums[g[fuels()] * T + t] += process_co2_t(row, k);
          sums[g[fuels() + 1] * T + t] += -captured_co2_t(row, k);
        }
      }
    }
    Table table;
    table.key_columns = by;
    for (const auto& [key, g] : group_of_key)
      for (std::size_t t = 0; t < T; ++t) {
        table.keys.push_back(key);
        table.years.push_back(years[t]);
        table.values.push_back(sums[g * T + t]);
      }
    return table;
  }
};

}  // namespace peakpath
