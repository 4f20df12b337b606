// SPDX-License-Identifier: Apache-2.0
// Shared helper of the analysis tests: the message of the exception a call throws.
#pragma once

#include <exception>
#include <string>

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}
