// SPDX-License-Identifier: Apache-2.0
// Bindings for the model area.
#include "bindings.hpp"

namespace peakpath::python {

void bind_model(pybind11::module_& m) { (void)m; }

}  // namespace peakpath::python
