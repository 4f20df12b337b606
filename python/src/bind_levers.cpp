// SPDX-License-Identifier: Apache-2.0
// Bindings for the lever vocabulary: the catalogue, the address parser, keys and checks.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "peakpath/core/suggest.hpp"
#include "peakpath/scenario/lever_address.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace py = pybind11;

namespace peakpath::python {

void bind_levers(py::module_& m) {
  py::class_<LeverDefinition>(m, "LeverDefinition")
      .def_readonly("variable", &LeverDefinition::variable)
      .def_property_readonly("key_pattern",
                             [](const LeverDefinition& d) { return key_pattern(d.key); })
      .def_readonly("label", &LeverDefinition::label)
      .def_readonly("unit", &LeverDefinition::unit)
      .def_readonly("min", &LeverDefinition::min)
      .def_readonly("max", &LeverDefinition::max)
      .def_readonly("min_exclusive", &LeverDefinition::min_exclusive)
      .def_readonly("tasks", &LeverDefinition::tasks)
      .def_readonly("default_source", &LeverDefinition::default_source)
      .def_readonly("default_value", &LeverDefinition::default_value)
      .def_readonly("base_year_effect", &LeverDefinition::base_year_effect)
      .def_readonly("acts", &LeverDefinition::acts);
  m.def("lever_catalogue", &lever_catalogue, py::return_value_policy::reference,
        "The lever catalogue (include/peakpath/scenario/lever_catalogue.hpp).");

  py::class_<LeverAddress>(m, "LeverAddress")
      .def_readonly("variable", &LeverAddress::variable)
      .def_readonly("key", &LeverAddress::key)
      .def_readonly("year", &LeverAddress::year)
      .def_readonly("scale", &LeverAddress::scale)
      .def_readonly("deprecated", &LeverAddress::deprecated)
      .def_property_readonly("text", &LeverAddress::text);
  m.def("parse_lever_address", &parse_lever_address, py::arg("text"),
        py::arg("where") = "lever address",
        "Parses a lever address; DataError naming where, the address and the closest lever.");
  m.def(
      "lever_keys",
      [](const Dataset& data, const std::string& variable) {
        check_lever_names({{variable, {}}}, "lever_keys");
        return lever_keys(data, *find_lever(variable));
      },
      py::arg("dataset"), py::arg("variable"), "The keys a lever accepts in a dataset.");
  m.def(
      "did_you_mean",
      [](const std::string& name, const std::vector<std::string>& candidates,
         const std::string& prefix) { return did_you_mean(name, candidates, prefix); },
      py::arg("name"), py::arg("candidates"), py::arg("prefix") = "",
      "' (did you mean `x`?)' for the closest candidates, or ''.");
}

}  // namespace peakpath::python
