// SPDX-License-Identifier: Apache-2.0
// Private: SHA-256 (FIPS 180-4) of a byte string, by OpenSSL's libcrypto.
#pragma once

#include <string>
#include <string_view>

namespace peakpath::detail {

/// The SHA-256 digest of @p bytes as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace peakpath::detail
