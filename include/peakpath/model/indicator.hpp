// SPDX-License-Identifier: Apache-2.0
// peakpath: the indicator columns of a run, by name.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace peakpath {

/// @brief The indicators of Results::indicators (units in the names), in column order, as one
/// list from which the enum and the names are both made. The first twelve are the public API
/// (shared/design/API.md); the rest support calibration and reporting. docs/model.md defines
/// each.
#define PEAKPATH_INDICATORS(X)        \
  X(gdp_100m_cny)                     \
  X(energy_total_mtce)                \
  X(energy_total_calorific_mtce)      \
  X(coal_consumption_mt)              \
  X(non_fossil_share)                 \
  X(co2_total_mt)                     \
  X(co2_energy_mt)                    \
  X(co2_process_mt)                   \
  X(co2_power_heat_mt)                \
  X(co2_two_high_mt)                  \
  X(energy_intensity_tce_per_10k_cny) \
  X(carbon_intensity_t_per_10k_cny)   \
  X(coal_share)                       \
  X(non_fossil_share_calorific)       \
  X(co2_captured_mt)                  \
  X(electricity_consumption_twh)      \
  X(electricity_import_twh)           \
  X(electricity_non_fossil_twh)       \
  X(electricity_thermal_twh)          \
  X(electricity_curtailed_twh)        \
  X(so2_kt)                           \
  X(nox_kt)                           \
  X(pm_kt)                            \
  X(thermal_heat_rate_gce_per_kwh)    \
  X(electricity_total_consumption_twh)

/// @brief An indicator column; Indicator::count is the number of indicators.
enum class Indicator : std::size_t {
#define PEAKPATH_INDICATOR_ENUM(name) name,
  PEAKPATH_INDICATORS(PEAKPATH_INDICATOR_ENUM) count
#undef PEAKPATH_INDICATOR_ENUM
};

/// @brief The number of indicators.
inline constexpr std::size_t INDICATOR_COUNT = static_cast<std::size_t>(Indicator::count);

/// @brief Indicator names in column order: INDICATOR_NAMES[i] names Indicator(i).
inline const std::vector<std::string> INDICATOR_NAMES = {
#define PEAKPATH_INDICATOR_NAME(name) #name,
    PEAKPATH_INDICATORS(PEAKPATH_INDICATOR_NAME)
#undef PEAKPATH_INDICATOR_NAME
};

/// @brief The column of @p indicator in an indicator table.
constexpr Eigen::Index column_of(Indicator indicator) {
  return static_cast<Eigen::Index>(indicator);
}

/// @brief One year of indicators, written by name: `row[Indicator::co2_total_mt] = ...`.
class IndicatorRow {
 public:
  IndicatorRow() { values_.fill(0.0); }
  /// @brief The value of @p indicator.
  double& operator[](Indicator indicator) { return values_[static_cast<std::size_t>(indicator)]; }
  /// @brief The value of @p indicator.
  double operator[](Indicator indicator) const {
    return values_[static_cast<std::size_t>(indicator)];
  }
  /// @brief The values in column order.
  const std::array<double, INDICATOR_COUNT>& values() const { return values_; }

 private:
  std::array<double, INDICATOR_COUNT> values_;
};

}  // namespace peakpath
