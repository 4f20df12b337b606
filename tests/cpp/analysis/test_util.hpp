// SPDX-License-Identifier: Apache-2.0
// Shared helper of the analysis tests (the message of a thrown exception).
#pragma once

#include "../message_of.hpp"
