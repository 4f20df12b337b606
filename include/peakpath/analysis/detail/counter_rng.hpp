// SPDX-License-Identifier: Apache-2.0
// peakpath: counter-based random numbers (a stateless hash of seed and indices) and a random
// permutation that can be evaluated at any index, so any sample is reproducible on its own.
#pragma once

#include <cstddef>
#include <cstdint>

namespace peakpath::analysis::detail {

/// SplitMix64's output function (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA): a bijective 64-bit mixer with good avalanche.
inline std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// A pseudo-random 64-bit word determined by (seed, a, b) alone.
inline std::uint64_t counter_hash(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
  return mix64(mix64(mix64(seed) ^ a) ^ (b * 0xD1B54A32D192ED03ULL));
}

/// The top 53 bits as a double in the open interval (0, 1).
inline double to_open_unit(std::uint64_t x) {
  return (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
}

/// A keyed pseudo-random permutation of {0, ..., n-1}, evaluated at one index in O(1) expected
/// time: a 4-round balanced Feistel network on the smallest even number of bits covering n,
/// restricted to [0, n) by cycle walking (Black & Rogaway 2002, "Ciphers with arbitrary finite
/// domains", CT-RSA).
class RandomPermutation {
 public:
  RandomPermutation(std::uint64_t n, std::uint64_t key) : n_(n), key_(key) {
    while ((std::uint64_t{1} << (2 * half_bits_)) < n_) ++half_bits_;
    mask_ = (std::uint64_t{1} << half_bits_) - 1;
  }

  /// The image of i (i < n).
  std::uint64_t operator()(std::uint64_t i) const {
    do i = encrypt(i);
    while (i >= n_);
    return i;
  }

 private:
  std::uint64_t encrypt(std::uint64_t x) const {
    std::uint64_t left = x >> half_bits_, right = x & mask_;
    for (std::uint64_t round = 0; round < 4; ++round) {
      const std::uint64_t next = left ^ (counter_hash(key_, round, right) & mask_);
      left = right;
      right = next;
    }
    return (left << half_bits_) | right;
  }

  std::uint64_t n_;
  std::uint64_t key_;
  unsigned half_bits_ = 1;
  std::uint64_t mask_ = 1;
};

}  // namespace peakpath::analysis::detail
