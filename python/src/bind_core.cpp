// SPDX-License-Identifier: Apache-2.0
// Bindings for the core area.
#include "bindings.hpp"

namespace peakpath::python {

void bind_core(pybind11::module_& m) { (void)m; }

}  // namespace peakpath::python
