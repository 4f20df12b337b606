// SPDX-License-Identifier: Apache-2.0
// Bindings for the input_output area (filled in by the area's owner).
#include "bindings.hpp"

namespace peakpath::python {

void bind_input_output(pybind11::module_& m) { (void)m; }

}  // namespace peakpath::python
