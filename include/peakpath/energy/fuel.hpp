// SPDX-License-Identifier: Apache-2.0
// peakpath: one fuel of the catalogue, with its units and factors.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace peakpath {

/// @brief The standard fuel ids: CEADs' 17 fossil fuels in CEADs order, then four more.
inline const std::array<const char*, 21> FUEL_IDS = {"raw_coal",
                                                     "cleaned_coal",
                                                     "other_washed_coal",
                                                     "briquettes",
                                                     "coke",
                                                     "coke_oven_gas",
                                                     "other_gas",
                                                     "other_coking_products",
                                                     "crude_oil",
                                                     "gasoline",
                                                     "kerosene",
                                                     "diesel_oil",
                                                     "fuel_oil",
                                                     "lpg",
                                                     "refinery_gas",
                                                     "other_petroleum_products",
                                                     "natural_gas",
                                                     "electricity",
                                                     "heat",
                                                     "hydrogen",
                                                     "biomass"};

/// @brief A fuel: physical unit, GB/T 2589 coefficient and the factors of one factor set.
struct Fuel {
  std::string id;       ///< snake_case id (see FUEL_IDS)
  std::string name;     ///< English name
  std::string name_zh;  ///< Chinese statistical name
  std::string unit;     ///< physical unit a quantity is counted in ("t", "10^4 m3", "MWh", "GJ")
  std::string state;    ///< solid, liquid, gas, electricity or heat
  double ncv_gj_per_unit = 0;  ///< net calorific value, GJ per physical unit
  double tce_per_unit = 0;     ///< GB/T 2589 standard-coal coefficient, tce per physical unit
  bool fossil = false;         ///< counted as fossil primary energy
  bool coal = false;           ///< member of the coal family
  double co2_kg_per_tj = 0;    ///< CO2 emission factor of the factor set, kg/TJ
  double oxidation = 1;        ///< oxidation fraction
  double so2_kg_per_tce = 0;   ///< uncontrolled SO2 factor
  double nox_kg_per_tce = 0;   ///< uncontrolled NOx factor
  double pm_kg_per_tce = 0;    ///< uncontrolled PM factor

  /// @brief Net t CO2 emitted per tce burned.
  double co2_t_per_tce() const { return 29.3076e-6 * co2_kg_per_tj * oxidation; }
};

/// @brief The pollutants whose uncontrolled factors a Fuel carries (so2_kg_per_tce, ...), in the
/// order results report them after removal.
inline const std::vector<std::string> POLLUTANT_NAMES = {"so2", "nox", "pm"};

}  // namespace peakpath
