// SPDX-License-Identifier: Apache-2.0
// peakpath register: the seven replacement dimensions and a per-dimension amount vector.
#pragma once

#include <array>
#include <cstddef>
#include <string>

namespace peakpath {

/// @brief One dimension of the "five replacements" (capacity, coal, energy, carbon, and the
/// three air pollutants accounted separately). Each dimension is accounted on its own.
enum class Dimension { capacity, coal_t, energy_tce, co2_t, so2_t, nox_t, pm_t };

/// @brief Number of replacement dimensions.
inline constexpr std::size_t DIMENSION_COUNT = 7;

/// @brief All dimensions in their fixed order (the order of Amounts).
inline constexpr std::array<Dimension, DIMENSION_COUNT> DIMENSIONS = {
    Dimension::capacity, Dimension::coal_t, Dimension::energy_tce, Dimension::co2_t,
    Dimension::so2_t,    Dimension::nox_t,  Dimension::pm_t};

/// @brief An amount per dimension, indexed by the position of the dimension in DIMENSIONS.
using Amounts = std::array<double, DIMENSION_COUNT>;

/// @brief The field name of @p dimension ("capacity", "coal_t", ...).
const std::string& dimension_name(Dimension dimension);

/// @brief The dimension called @p name.
/// @throws std::invalid_argument naming the accepted names when @p name is unknown.
Dimension parse_dimension(const std::string& name);

/// @brief The largest amount the register accepts in @p dimension for one project, offset or
/// actual figure (capacity: 1e9 in its unit; energy_tce, coal_t: 1e9; co2_t: 1e10; so2_t,
/// nox_t, pm_t: 1e8). Well above any one plant (Shandong's whole energy use is about 4.5e8
/// tce a year), they refuse typing errors and overflow; docs/register.md states them.
double amount_limit(Dimension dimension);

/// @brief The largest unit energy consumption accepted (1e6, in the rules' unit).
inline constexpr double UNIT_ENERGY_LIMIT = 1e6;

/// @brief The largest replacement ratio a rules file may set (100 units of source per unit).
inline constexpr double RATIO_LIMIT = 100.0;

/// @brief The position of @p dimension in DIMENSIONS (and in Amounts).
constexpr std::size_t index_of(Dimension dimension) {
  return static_cast<std::size_t>(dimension);
}

}  // namespace peakpath
