// SPDX-License-Identifier: Apache-2.0
// Shared test helper: the message of the exception (of type Exception) a call throws.
#pragma once

#include <gtest/gtest.h>

#include <exception>
#include <string>

/// @brief Runs @p f and returns what() of the Exception it throws; records a test failure
/// (and returns "") when it throws nothing.
template <class Exception = std::exception, class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const Exception& e) {
    return e.what();
  }
  ADD_FAILURE() << "no exception";
  return "";
}
