// SPDX-License-Identifier: Apache-2.0
// peakpath: forward declarations only (includes nothing).
#pragma once

namespace peakpath {

class Error;
class IntegrationError;
class DataError;
class TimePath;
class CsvTable;
class FuelCatalogue;
struct Fuel;
struct Sector;
struct Dataset;
struct Scenario;
struct ScenarioOptions;
struct Results;
struct Table;

}  // namespace peakpath
