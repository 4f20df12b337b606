// SPDX-License-Identifier: Apache-2.0
// Bindings for the stock area (filled in by the area's owner).
#include "bindings.hpp"

namespace peakpath::python {

void bind_stock(pybind11::module_& m) { (void)m; }

}  // namespace peakpath::python
