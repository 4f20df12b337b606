// SPDX-License-Identifier: Apache-2.0
// Bindings for the core area: exceptions, data directory, fuel catalogue, time paths.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/core/time_path.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/energy/fuel_catalogue.hpp"

namespace py = pybind11;

namespace peakpath::python {

void bind_core(py::module_& m) {
  // DataError is a ValueError in Python; model failures derive from peakpath.Error.
  py::register_exception<DataError>(m, "DataError", PyExc_ValueError);
  // Translators run newest first, so the subclass is registered after its base.
  py::register_exception<Error>(m, "Error", PyExc_RuntimeError);
  py::register_exception<IntegrationError>(m, "IntegrationError", m.attr("Error"));

  m.def("default_data_dir", &default_data_dir, "The shipped data directory.");

  py::class_<TimePath>(m, "TimePath", "Values at years; linear in between, flat beyond the ends.")
      .def(py::init<std::vector<double>, std::vector<double>, const std::string&>(),
           py::arg("years"), py::arg("values"), py::arg("where") = "")
      .def("at", &TimePath::at, py::arg("year"))
      .def_property_readonly("years", &TimePath::years)
      .def_property_readonly("values", &TimePath::values);

  py::class_<Fuel>(m, "Fuel")
      .def_readonly("id", &Fuel::id)
      .def_readonly("name", &Fuel::name)
      .def_readonly("name_zh", &Fuel::name_zh)
      .def_readonly("unit", &Fuel::unit)
      .def_readonly("state", &Fuel::state)
      .def_readonly("ncv_gj_per_unit", &Fuel::ncv_gj_per_unit)
      .def_readonly("tce_per_unit", &Fuel::tce_per_unit)
      .def_readonly("fossil", &Fuel::fossil)
      .def_readonly("coal", &Fuel::coal)
      .def_readonly("co2_kg_per_tj", &Fuel::co2_kg_per_tj)
      .def_readonly("oxidation", &Fuel::oxidation)
      .def_readonly("so2_kg_per_tce", &Fuel::so2_kg_per_tce)
      .def_readonly("nox_kg_per_tce", &Fuel::nox_kg_per_tce)
      .def_readonly("pm_kg_per_tce", &Fuel::pm_kg_per_tce)
      .def("co2_t_per_tce", &Fuel::co2_t_per_tce);

  m.def(
      "fuel_catalogue",
      [](const std::string& factor_set, const std::string& fuels_dir) {
        const FuelCatalogue catalogue = fuels_dir.empty()
                                            ? fuel_catalogue(factor_set)
                                            : load_fuel_catalogue(fuels_dir, factor_set);
        return catalogue.fuels();
      },
      py::arg("factor_set") = "ipcc2006", py::arg("fuels_dir") = "",
      "The fuels of a factor set, in catalogue order.");
}

}  // namespace peakpath::python
