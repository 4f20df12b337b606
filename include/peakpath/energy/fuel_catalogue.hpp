// SPDX-License-Identifier: Apache-2.0
// peakpath: the fuel catalogue of one factor set.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "peakpath/core/error.hpp"
#include "peakpath/energy/fuel.hpp"

namespace peakpath {

/// @brief The fuels in catalogue order, with the factors of one factor set.
class FuelCatalogue {
 public:
  FuelCatalogue() = default;
  FuelCatalogue(std::string factor_set, std::vector<Fuel> fuels)
      : factor_set_(std::move(factor_set)), fuels_(std::move(fuels)) {}

  /// @brief "ipcc2006" or "china".
  const std::string& factor_set() const { return factor_set_; }
  const std::vector<Fuel>& fuels() const { return fuels_; }
  std::size_t size() const { return fuels_.size(); }
  const Fuel& operator[](std::size_t i) const { return fuels_[i]; }

  /// @brief Position of @p id. @throws std::invalid_argument for an unknown id.
  std::size_t index(const std::string& id) const {
    for (std::size_t i = 0; i < fuels_.size(); ++i)
      if (fuels_[i].id == id) return i;
    throw std::invalid_argument("unknown fuel id '" + id + "'");
  }

 private:
  std::string factor_set_;
  std::vector<Fuel> fuels_;
};

/// @brief Loads fuels.csv, factors_<factor_set>.csv and pollutants.csv from @p fuels_dir.
/// @throws DataError naming the file, line, column and value on bad input;
///         std::invalid_argument for an unknown factor set.
FuelCatalogue load_fuel_catalogue(const std::string& fuels_dir, const std::string& factor_set);

/// @brief The shipped catalogue (from default_data_dir()/fuels).
FuelCatalogue fuel_catalogue(const std::string& factor_set = "ipcc2006");

}  // namespace peakpath
