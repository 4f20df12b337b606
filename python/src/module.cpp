// SPDX-License-Identifier: Apache-2.0
// The private compiled module peakpath._core.
#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "peakpath compiled core (private: use the peakpath package)";
  m.attr("__version__") = PEAKPATH_VERSION;
  peakpath::python::bind_core(m);
  peakpath::python::bind_model(m);
  peakpath::python::bind_levers(m);
  peakpath::python::bind_stock(m);
  peakpath::python::bind_diffusion(m);
  peakpath::python::bind_input_output(m);
  peakpath::python::bind_analysis(m);
  peakpath::python::bind_targets(m);
  peakpath::python::bind_register(m);
}
