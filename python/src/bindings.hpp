// SPDX-License-Identifier: Apache-2.0
// One binding function per area; module.cpp calls them in order.
#pragma once

#include <pybind11/pybind11.h>

namespace peakpath::python {

void bind_core(pybind11::module_& m);
void bind_model(pybind11::module_& m);
void bind_levers(pybind11::module_& m);
void bind_stock(pybind11::module_& m);
void bind_diffusion(pybind11::module_& m);
void bind_input_output(pybind11::module_& m);
void bind_analysis(pybind11::module_& m);
void bind_targets(pybind11::module_& m);
void bind_register(pybind11::module_& m);

}  // namespace peakpath::python
