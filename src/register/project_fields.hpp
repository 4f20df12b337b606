// SPDX-License-Identifier: Apache-2.0
// Private: the Project field that holds each dimension's amount.
#pragma once

#include "peakpath/register/project.hpp"

namespace peakpath::detail {

/// The member of Project holding the amount of @p dimension (&Project::capacity, ...).
double Project::*amount_member(Dimension dimension);

}  // namespace peakpath::detail
