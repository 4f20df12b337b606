// SPDX-License-Identifier: Apache-2.0
// peakpath: China's statistical units (GB/T 2589) and the conversions between them.
#pragma once

namespace peakpath::units {

/// 1 kgce = 29,307.6 kJ (7,000 kcal_IT), so 1 tce = 29.3076 GJ (GB/T 2589).
inline constexpr double GJ_PER_TCE = 29.3076;
/// Electricity by the calorific-equivalent method: 0.1229 kgce/kWh = 0.1229 tce/MWh.
inline constexpr double ELECTRICITY_CALORIFIC_TCE_PER_MWH = 0.1229;
/// Heat: 1 GJ = 1 / 29.3076 tce (0.03412 tce/GJ in the statistical table).
inline constexpr double HEAT_TCE_PER_GJ = 1.0 / GJ_PER_TCE;
/// Hours in a (non-leap) year, for capacity x capacity factor.
inline constexpr double HOURS_PER_YEAR = 8760.0;

/// @brief t CO2 from tce of fuel, a factor in kg CO2/TJ and an oxidation fraction.
inline constexpr double co2_t_from_tce(double tce, double co2_kg_per_tj, double oxidation) {
  return tce * GJ_PER_TCE * 1e-3 * co2_kg_per_tj * oxidation * 1e-3;
}

/// @brief tce of fuel burned to generate @p twh at @p heat_rate_gce_per_kwh (coal-consumption
/// method): 1 TWh = 1e9 kWh, 1 gce = 1e-6 tce.
inline constexpr double tce_from_generation(double twh, double heat_rate_gce_per_kwh) {
  return twh * heat_rate_gce_per_kwh * 1e3;
}

}  // namespace peakpath::units
