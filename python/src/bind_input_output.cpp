// SPDX-License-Identifier: Apache-2.0
// Bindings for the input_output area: the Leontief/Ghosh model with extensions.
#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <optional>

#include "bindings.hpp"
#include "peakpath/input_output/leontief.hpp"

namespace py = pybind11;

namespace peakpath::python {

void bind_input_output(py::module_& m) {
  auto sub = m.def_submodule("input_output", "Input-output analysis (Leontief, Ghosh).");
  py::class_<input_output::InputOutput>(sub, "InputOutput", "Input-output table with extensions.")
      .def(py::init([](const Eigen::MatrixXd& Z, const Eigen::MatrixXd& Y,
                       const std::optional<Eigen::MatrixXd>& F) {
             return InputOutput(Z, Y, F ? *F : Eigen::MatrixXd());
           }),
           py::arg("Z"), py::arg("Y"), py::arg("F") = py::none())
      .def_property_readonly("Z", &InputOutput::Z)
      .def_property_readonly("Y", &InputOutput::Y)
      .def_property_readonly("F", &InputOutput::F)
      .def_property_readonly("x", &InputOutput::x)
      .def_property_readonly("A", &InputOutput::A)
      .def_property_readonly("L", &InputOutput::L)
      .def_property_readonly("B", &InputOutput::B)
      .def_property_readonly("G", &InputOutput::G)
      .def_property_readonly("S", &InputOutput::S)
      .def_property_readonly("M", &InputOutput::M)
      .def_property_readonly("output_multipliers", &InputOutput::output_multipliers)
      .def("output_for", &InputOutput::output_for, py::arg("y"))
      .def("footprint_for", &InputOutput::footprint_for, py::arg("y"))
      .def("production_footprint", &InputOutput::production_footprint)
      .def("consumption_footprint", &InputOutput::consumption_footprint)
      .def("consumption_footprint_by_product", &InputOutput::consumption_footprint_by_product);
}

}  // namespace peakpath::python
