// SPDX-License-Identifier: Apache-2.0
// Bindings for the core area: exceptions, data directory, fuel catalogue, time paths.
#include <pybind11/stl.h>

#include <cstring>
#include <exception>
#include <stdexcept>

#include "bindings.hpp"
#include "peakpath/core/data_dir.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/core/time_path.hpp"
#include "peakpath/energy/fuel_catalogue.hpp"

namespace py = pybind11;

namespace peakpath::python {

namespace {

/// Raises @p type with @p what decoded leniently: a message quoting input bytes that are not
/// UTF-8 would otherwise reach Python as an empty message.
void raise_lenient(PyObject* type, const char* what) {
  PyObject* text =
      PyUnicode_DecodeUTF8(what, static_cast<Py_ssize_t>(std::strlen(what)), "backslashreplace");
  PyErr_SetObject(type, text);
  Py_XDECREF(text);
}

}  // namespace

void bind_core(py::module_& m) {
  // DataError is a ValueError in Python; model failures derive from peakpath.Error.
  py::register_exception<DataError>(m, "DataError", PyExc_ValueError);
  // Translators run newest first, so the subclass is registered after its base.
  py::register_exception<Error>(m, "Error", PyExc_RuntimeError);
  py::register_exception<IntegrationError>(m, "IntegrationError", m.attr("Error"));
  // Runs first: messages that are not UTF-8 get the same Python type with bad bytes escaped;
  // the others pass on to the translators above and pybind11's own.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      std::rethrow_exception(p);
    } catch (const std::exception& e) {
      const auto length = static_cast<Py_ssize_t>(std::strlen(e.what()));
      if (PyObject* ok = PyUnicode_DecodeUTF8(e.what(), length, nullptr)) {
        Py_DECREF(ok);
        throw;
      }
      PyErr_Clear();
      const py::module_ core = py::module_::import("peakpath._core");
      if (dynamic_cast<const IntegrationError*>(&e))
        raise_lenient(core.attr("IntegrationError").ptr(), e.what());
      else if (dynamic_cast<const Error*>(&e))
        raise_lenient(core.attr("Error").ptr(), e.what());
      else if (dynamic_cast<const DataError*>(&e))
        raise_lenient(core.attr("DataError").ptr(), e.what());
      else if (dynamic_cast<const std::invalid_argument*>(&e) ||
               dynamic_cast<const std::domain_error*>(&e))
        raise_lenient(PyExc_ValueError, e.what());
      else
        raise_lenient(PyExc_RuntimeError, e.what());
    }
  });

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
