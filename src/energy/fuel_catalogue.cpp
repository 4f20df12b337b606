// SPDX-License-Identifier: Apache-2.0
// Loading the fuel catalogue and its factor sets.
#include "peakpath/energy/fuel_catalogue.hpp"

#include <map>

#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/data_dir.hpp"

namespace peakpath {

FuelCatalogue load_fuel_catalogue(const std::string& fuels_dir, const std::string& factor_set) {
  if (factor_set != "ipcc2006" && factor_set != "china")
    throw std::invalid_argument("unknown factor set '" + factor_set +
                                "' (use 'ipcc2006' or 'china')");
  const CsvTable table = CsvTable::read(fuels_dir + "/fuels.csv");
  table.require_columns({"id", "name", "name_zh", "unit", "ncv_gj_per_unit", "tce_per_unit",
                         "fossil", "coal", "state"});
  std::vector<Fuel> fuels;
  std::map<std::string, std::size_t> index;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    Fuel fuel;
    fuel.id = table.required_text(row, "id");
    if (!index.emplace(fuel.id, row).second)
      throw DataError(table.where(row, "id") + ": duplicate fuel id '" + fuel.id + "'");
    fuel.name = table.text(row, "name");
    fuel.name_zh = table.text(row, "name_zh");
    fuel.unit = table.required_text(row, "unit");
    fuel.state = table.required_text(row, "state");
    fuel.ncv_gj_per_unit = table.nonnegative(row, "ncv_gj_per_unit");
    fuel.tce_per_unit = table.nonnegative(row, "tce_per_unit");
    if (fuel.tce_per_unit <= 0)
      throw DataError(table.where(row, "tce_per_unit") + ": value must be positive");
    fuel.fossil = table.flag(row, "fossil");
    fuel.coal = table.flag(row, "coal");
    fuels.push_back(fuel);
  }
  for (std::size_t i = 0; i < FUEL_IDS.size(); ++i)
    if (!index.count(FUEL_IDS[i]))
      throw DataError(table.path() + ": standard fuel '" + FUEL_IDS[i] + "' is missing");

  auto for_each_fuel_row = [&](const CsvTable& t, auto&& apply) {
    std::vector<bool> seen(fuels.size(), false);
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const std::string& id = t.required_text(row, "fuel");
      const auto it = index.find(id);
      if (it == index.end())
        throw DataError(t.where(row, "fuel") + ": unknown fuel id '" + id + "'");
      if (seen[it->second])
        throw DataError(t.where(row, "fuel") + ": duplicate fuel id '" + id + "'");
      seen[it->second] = true;
      apply(fuels[it->second], row);
    }
    for (std::size_t i = 0; i < fuels.size(); ++i)
      if (!seen[i]) throw DataError(t.path() + ": no row for fuel '" + fuels[i].id + "'");
  };
  const CsvTable factors = CsvTable::read(fuels_dir + "/factors_" + factor_set + ".csv");
  factors.require_columns({"fuel", "co2_kg_per_tj", "oxidation"});
  for_each_fuel_row(factors, [&](Fuel& fuel, std::size_t row) {
    fuel.co2_kg_per_tj = factors.nonnegative(row, "co2_kg_per_tj");
    fuel.oxidation = factors.nonnegative(row, "oxidation");
    if (fuel.oxidation > 1)
      throw DataError(factors.where(row, "oxidation") + ": value '" +
                      factors.text(row, "oxidation") + "' exceeds 1");
  });
  const CsvTable pollutants = CsvTable::read(fuels_dir + "/pollutants.csv");
  pollutants.require_columns({"fuel", "so2_kg_per_tce", "nox_kg_per_tce", "pm_kg_per_tce"});
  for_each_fuel_row(pollutants, [&](Fuel& fuel, std::size_t row) {
    fuel.so2_kg_per_tce = pollutants.nonnegative(row, "so2_kg_per_tce");
    fuel.nox_kg_per_tce = pollutants.nonnegative(row, "nox_kg_per_tce");
    fuel.pm_kg_per_tce = pollutants.nonnegative(row, "pm_kg_per_tce");
  });
  return FuelCatalogue(factor_set, std::move(fuels));
}

FuelCatalogue fuel_catalogue(const std::string& factor_set) {
  return load_fuel_catalogue(default_data_dir() + "/fuels", factor_set);
}

}  // namespace peakpath
