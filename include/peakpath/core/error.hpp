// SPDX-License-Identifier: Apache-2.0
// peakpath: the library's exception types.
#pragma once

#include <stdexcept>
#include <string>

namespace peakpath {

/// @brief Base of the library's model failures (as opposed to bad input).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// @brief The ODE integration failed; the message names the scenario, sector and year.
class IntegrationError : public Error {
 public:
  using Error::Error;
};

/// @brief Bad input in a dataset, scenario or register file; names the file, row, column, value.
///
/// Derives from std::invalid_argument so that pybind11 users also see a ValueError.
class DataError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace peakpath
