// SPDX-License-Identifier: Apache-2.0
// Bindings for the register area (filled in by the area's owner).
#include "bindings.hpp"

namespace peakpath::python {

void bind_register(pybind11::module_& m) { (void)m; }

}  // namespace peakpath::python
