// SPDX-License-Identifier: Apache-2.0
// Bindings for scenarios, runs and results.
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <variant>

#include "bindings.hpp"
#include "peakpath/model/batch.hpp"
#include "peakpath/model/run.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace py = pybind11;

namespace peakpath::python {

namespace {

/// {variable: {key: (years, values)}} from Python -> PathSet.
using LeverSpec =
    std::map<std::string,
             std::map<std::string, std::pair<std::vector<double>, std::vector<double>>>>;

PathSet to_paths(const LeverSpec& spec) {
  PathSet paths;
  for (const auto& [variable, keyed] : spec)
    for (const auto& [key, points] : keyed)
      paths[variable][key] = TimePath(points.first, points.second, "lever " + variable + "/" + key);
  return paths;
}

LeverSpec to_spec(const PathSet& paths) {
  LeverSpec spec;
  for (const auto& [variable, keyed] : paths)
    for (const auto& [key, path] : keyed) spec[variable][key] = {path.years(), path.values()};
  return spec;
}

/// Key column @p k of @p table as (labels, codes): each label once, in order of first
/// appearance, and per row the index of its label, so that Python builds the column without
/// one string object per row.
py::tuple column_codes(const Table& table, std::size_t k) {
  std::vector<std::string> labels;
  std::unordered_map<std::string, std::int64_t> code_of;
  py::array_t<std::int64_t> codes(static_cast<py::ssize_t>(table.keys.size()));
  auto out = codes.mutable_unchecked<1>();
  for (std::size_t row = 0; row < table.keys.size(); ++row) {
    const std::string& label = table.keys[row][k];
    const auto [it, added] = code_of.emplace(label, static_cast<std::int64_t>(labels.size()));
    if (added) labels.push_back(label);
    out(static_cast<py::ssize_t>(row)) = it->second;
  }
  return py::make_tuple(labels, codes);
}

template <class T>
py::array_t<T> to_array(const std::vector<T>& values) {
  return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

}  // namespace

void bind_model(py::module_& m) {
  py::enum_<ElectricityMethod>(m, "ElectricityMethod")
      .value("coal_consumption", ElectricityMethod::coal_consumption)
      .value("calorific", ElectricityMethod::calorific);

  py::class_<Dataset, std::shared_ptr<Dataset>>(m, "Dataset")
      .def_readonly("name", &Dataset::name)
      .def_readonly("region", &Dataset::region)
      .def_readonly("directory", &Dataset::directory)
      .def_readonly("base_year", &Dataset::base_year)
      .def_readonly("history_end", &Dataset::history_end)
      .def_readonly("horizon", &Dataset::horizon)
      .def_readonly("fuel_ids", &Dataset::fuel_ids)
      .def_readonly("power", &Dataset::power)
      .def_readonly("base_activity", &Dataset::base_activity)
      .def_readonly("base_energy_tce", &Dataset::base_energy_tce)
      .def_property_readonly("sector_ids",
                             [](const Dataset& d) {
                               std::vector<std::string> ids;
                               for (const auto& s : d.sectors) ids.push_back(s.id);
                               return ids;
                             })
      .def_property_readonly("sector_groups",
                             [](const Dataset& d) {
                               std::vector<std::string> groups;
                               for (const auto& s : d.sectors) groups.push_back(s.group);
                               return groups;
                             })
      .def_property_readonly("two_high",
                             [](const Dataset& d) {
                               std::vector<bool> flags;
                               for (const auto& s : d.sectors) flags.push_back(s.two_high);
                               return flags;
                             })
      .def_property_readonly("paths", [](const Dataset& d) { return to_spec(d.paths); })
      .def_property_readonly(
          "technologies",
          [](const Dataset& d) {
            py::list classes;
            for (const auto& t : d.technologies)
              classes.append(py::dict(
                  py::arg("sector") = d.sectors[t.sector].id, py::arg("class") = t.name,
                  py::arg("relative_intensity") = t.relative_intensity,
                  py::arg("base_share") = t.base_share, py::arg("lifetime_mean") = t.lifetime_mean,
                  py::arg("lifetime_shape") = t.lifetime_shape, py::arg("mean_age") = t.mean_age));
            return classes;
          })
      .def_property_readonly("calibration", [](const Dataset& d) {
        py::list points;
        for (const auto& c : d.calibration)
          points.append(py::dict(py::arg("indicator") = c.indicator, py::arg("year") = c.year,
                                 py::arg("value") = c.value, py::arg("tolerance") = c.tolerance,
                                 py::arg("unit") = c.unit, py::arg("source") = c.source));
        return points;
      });
  m.def(
      "load_dataset",
      [](const std::string& name) { return std::make_shared<Dataset>(load_dataset(name)); },
      py::arg("name_or_directory"));

  py::class_<Scenario>(m, "Scenario")
      .def_static("load", &Scenario::load, py::arg("name_or_path"))
      .def(
          "with_levers",
          [](const Scenario& s, const LeverSpec& spec, bool replace) {
            return s.with_levers(to_paths(spec),
                                 replace ? LeverMerge::replace : LeverMerge::overlay);
          },
          py::arg("levers"), py::arg("replace") = false)
      .def("with_factor_set", &Scenario::with_factor_set, py::arg("factor_set"))
      .def(
          "with_electricity_method",
          [](const Scenario& s, ElectricityMethod method) {
            Scenario copy = s;
            copy.options.electricity_method = method;
            return copy;
          },
          py::arg("method"))
      .def(
          "with_horizon",
          [](const Scenario& s, int horizon) {
            if (horizon < s.base_year)
              throw std::invalid_argument("horizon " + std::to_string(horizon) +
                                          " is before the base year " +
                                          std::to_string(s.base_year));
            Scenario copy = s;
            copy.horizon = horizon;
            return copy;
          },
          py::arg("horizon"))
      .def(
          "renamed",
          [](const Scenario& s, const std::string& name) {
            Scenario copy = s;
            copy.name = name;
            return copy;
          },
          py::arg("name"))
      .def_readonly("name", &Scenario::name)
      .def_readonly("description", &Scenario::description)
      .def_readonly("file", &Scenario::file)
      .def_readonly("base_year", &Scenario::base_year)
      .def_readonly("horizon", &Scenario::horizon)
      .def_property_readonly("factor_set", [](const Scenario& s) { return s.options.factor_set; })
      .def_property_readonly("electricity_method",
                             [](const Scenario& s) { return s.options.electricity_method; })
      .def_property_readonly(
          "dataset", [](const Scenario& s) { return std::const_pointer_cast<Dataset>(s.dataset); })
      .def_property_readonly("levers", [](const Scenario& s) { return to_spec(s.levers); })
      .def_property_readonly("effective_paths",
                             [](const Scenario& s) { return to_spec(s.effective_paths()); });
  m.attr("LEVER_VARIABLES") = LEVER_VARIABLES;

  py::class_<Results>(m, "Results")
      .def_readonly("scenario", &Results::scenario)
      .def_readonly("region", &Results::region)
      .def_readonly("years", &Results::years)
      .def_readonly("sector_ids", &Results::sector_ids)
      .def_readonly("sector_groups", &Results::sector_groups)
      .def_readonly("fuel_ids", &Results::fuel_ids)
      .def_readonly("technology_ids", &Results::technology_ids)
      .def_readonly("activity", &Results::activity)
      .def_readonly("unmet_activity", &Results::unmet_activity)
      .def_readonly("energy_tce", &Results::energy_tce)
      .def_readonly("co2_t", &Results::co2_t)
      .def_readonly("process_co2_t", &Results::process_co2_t)
      .def_readonly("captured_co2_t", &Results::captured_co2_t)
      .def_readonly("pollutants_t", &Results::pollutants_t)
      .def_readonly("generation_twh", &Results::generation_twh)
      .def_readonly("capacity_ids", &Results::capacity_ids)
      .def_readonly("capacity", &Results::capacity)
      .def_readonly("generation_capacity_ids", &Results::generation_capacity_ids)
      .def_readonly("generation_capacity_gw", &Results::generation_capacity_gw)
      .def_readonly("product_ids", &Results::product_ids)
      .def_readonly("production_mt", &Results::production_mt)
      .def_readonly("indicator_values", &Results::indicator_values)
      .def("to_iamc", &Results::to_iamc, py::arg("model") = "peakpath")
      .def("emissions", &Results::emissions, py::arg("by"),
           "CO2 (t) summed by any of region, sector, group, fuel (with the pseudo-fuels "
           "process and ccus).")
      .def("energy", &Results::energy, py::arg("by"),
           "Energy (tce) summed by any of region, sector, group, fuel.")
      .def(py::pickle(  // results travel back from process pools and Dask workers
          [](const Results& r) {
            return py::make_tuple(r.scenario, r.region, r.years, r.sector_ids, r.sector_groups,
                                  r.fuel_ids, r.technology_ids, r.activity, r.unmet_activity,
                                  r.energy_tce, r.co2_t, r.process_co2_t, r.captured_co2_t,
                                  r.pollutants_t, r.generation_twh, r.capacity_ids, r.capacity,
                                  r.indicator_values, r.generation_capacity_ids,
                                  r.generation_capacity_gw, r.product_ids, r.production_mt);
          },
          [](const py::tuple& t) {
            if (t.size() != 22) throw std::invalid_argument("Results: bad pickle state");
            Results r;
            r.scenario = t[0].cast<std::string>();
            r.region = t[1].cast<std::string>();
            r.years = t[2].cast<std::vector<int>>();
            r.sector_ids = t[3].cast<std::vector<std::string>>();
            r.sector_groups = t[4].cast<std::vector<std::string>>();
            r.fuel_ids = t[5].cast<std::vector<std::string>>();
            r.technology_ids = t[6].cast<std::vector<std::string>>();
            r.activity = t[7].cast<Eigen::MatrixXd>();
            r.unmet_activity = t[8].cast<Eigen::MatrixXd>();
            r.energy_tce = t[9].cast<Eigen::MatrixXd>();
            r.co2_t = t[10].cast<Eigen::MatrixXd>();
            r.process_co2_t = t[11].cast<Eigen::MatrixXd>();
            r.captured_co2_t = t[12].cast<Eigen::MatrixXd>();
            r.pollutants_t = t[13].cast<Eigen::MatrixXd>();
            r.generation_twh = t[14].cast<Eigen::MatrixXd>();
            r.capacity_ids = t[15].cast<std::vector<std::string>>();
            r.capacity = t[16].cast<Eigen::MatrixXd>();
            r.indicator_values = t[17].cast<Eigen::MatrixXd>();
            r.generation_capacity_ids = t[18].cast<std::vector<std::string>>();
            r.generation_capacity_gw = t[19].cast<Eigen::MatrixXd>();
            r.product_ids = t[20].cast<std::vector<std::string>>();
            r.production_mt = t[21].cast<Eigen::MatrixXd>();
            return r;
          }));
  py::class_<Table>(m, "Table", "A tidy table: key columns, a year and a value per row.")
      .def_readonly("key_columns", &Table::key_columns)
      .def_property_readonly("years", [](const Table& t) { return to_array(t.years); })
      .def_property_readonly("values", [](const Table& t) { return to_array(t.values); })
      .def_property_readonly(
          "columns",
          [](const Table& t) {
            py::dict columns;
            for (std::size_t k = 0; k < t.key_columns.size(); ++k)
              columns[py::str(t.key_columns[k])] = column_codes(t, k);
            return columns;
          },
          "The key columns as {name: (labels, codes)}: row i has labels[codes[i]].");
  py::class_<IamcTable>(m, "IamcTable")
      .def_readonly("model", &IamcTable::model)
      .def_readonly("scenario", &IamcTable::scenario)
      .def_readonly("region", &IamcTable::region)
      .def_readonly("years", &IamcTable::years)
      .def_readonly("variables", &IamcTable::variables)
      .def_readonly("units", &IamcTable::units)
      .def_readonly("values", &IamcTable::values);
  m.attr("INDICATOR_NAMES") = INDICATOR_NAMES;
  m.attr("POLLUTANT_NAMES") = POLLUTANT_NAMES;

  py::class_<stock::SolverOptions>(m, "SolverOptions",
                                   "Tolerances and step limits of the capital-stock integration.")
      .def_readonly("rel_tolerance", &stock::SolverOptions::rel_tolerance)
      .def_readonly("abs_tolerance", &stock::SolverOptions::abs_tolerance)
      .def_readonly("max_step", &stock::SolverOptions::max_step)
      .def_readonly("max_steps", &stock::SolverOptions::max_steps);
  m.def("default_run_solver_options", &default_run_solver_options,
        "The solver options run() uses unless tolerances are given (the one source of them).");

  m.def(
      "run",
      [](const Scenario& scenario, std::optional<double> rel_tolerance,
         std::optional<double> abs_tolerance) {
        stock::SolverOptions options = default_run_solver_options();
        if (rel_tolerance) {
          check_positive("run", "rel_tolerance", *rel_tolerance);
          options.rel_tolerance = *rel_tolerance;
        }
        if (abs_tolerance) {
          check_positive("run", "abs_tolerance", *abs_tolerance);
          options.abs_tolerance = *abs_tolerance;
        }
        return run(scenario, options);
      },
      py::arg("scenario"), py::arg("rel_tolerance") = py::none(),
      py::arg("abs_tolerance") = py::none(), py::call_guard<py::gil_scoped_release>(),
      "Runs a scenario (the GIL is released); tolerances of the capital-stock integration not "
      "given come from default_run_solver_options().");

  py::class_<RunError>(m, "RunError", "Why one run of a batch failed.")
      .def_readonly("index", &RunError::index)
      .def_readonly("scenario", &RunError::scenario)
      .def_readonly("type", &RunError::type)
      .def_readonly("message", &RunError::message)
      .def("rethrow", &RunError::rethrow,
           "Raises the run's exception, translated as if run() had raised it.")
      .def("__repr__",
           [](const RunError& e) { return "RunError(" + e.describe() + " [" + e.type + "])"; });
  m.def("run_batch", &run_batch, py::arg("scenarios"), py::arg("threads") = 1,
        py::call_guard<py::gil_scoped_release>(),
        "Runs scenarios on C++ threads with the GIL released; results in input order. Raises "
        "naming the first failed scenario (run_batch_outcomes keeps every outcome).");
  m.def("run_batch_outcomes", &run_batch_outcomes, py::arg("scenarios"), py::arg("threads") = 1,
        py::call_guard<py::gil_scoped_release>(),
        "Runs scenarios on C++ threads with the GIL released; per scenario, in input order, "
        "its Results or its RunError. Nothing is run twice.");
}

}  // namespace peakpath::python
