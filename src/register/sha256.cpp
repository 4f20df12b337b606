// SPDX-License-Identifier: Apache-2.0
// Private: SHA-256 by OpenSSL's libcrypto (EVP interface).
#include "sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace peakpath::detail {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("sha256: libcrypto failed");
  static const char* const HEX = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < size; ++i) {
    text += HEX[digest[i] >> 4];
    text += HEX[digest[i] & 0x0f];
  }
  return text;
}

}  // namespace peakpath::detail
