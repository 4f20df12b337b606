// SPDX-License-Identifier: Apache-2.0
// peakpath: sampling designs on the unit hypercube (random, Latin hypercube, Sobol), each row
// reproducible on its own from the seed, whatever the split across threads or workers.
#pragma once

#include <Eigen/Core>
#include <boost/random/sobol.hpp>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/analysis/detail/counter_rng.hpp"
#include "peakpath/analysis/distribution.hpp"

namespace peakpath::analysis {

/// @brief The sampling design.
enum class SamplerKind { random, latin_hypercube, sobol };

/// @brief The names of the sampling designs (the one list: Python and the CLI read it).
inline const std::vector<std::string> SAMPLER_NAMES = {"lhs", "random", "sobol"};

/// @brief Parses a name of SAMPLER_NAMES ("latin_hypercube" is also read as "lhs").
/// @param name the sampler's name
/// @return the kind
/// @throws std::invalid_argument on any other name
inline SamplerKind sampler_kind_from_string(const std::string& name) {
  if (name == "lhs" || name == "latin_hypercube") return SamplerKind::latin_hypercube;
  if (name == "random") return SamplerKind::random;
  if (name == "sobol") return SamplerKind::sobol;
  std::string known;
  for (const auto& n : SAMPLER_NAMES) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("sampler = '" + name + "': must be one of " + known);
}

/// @brief A design of n points in (0, 1)^d. Row i depends only on (kind, n, d, seed, i):
///  - random: u_ij from a counter-based hash of (seed, i, j) (SplitMix64 mixing);
///  - latin_hypercube: u_ij = (pi_j(i) + v_ij) / n with a keyed random permutation pi_j per
///    column and v_ij counter-based, so each column has exactly one point in each of n strata
///    (McKay, Beckman & Conover 1979, Technometrics 21:239);
///  - sobol: point i of the Sobol sequence with the Joe & Kuo (2008) direction numbers
///    (new-joe-kuo-6.21201, as shipped by Boost.Random, up to 3667 dimensions), starting at the
///    all-zero point as scipy.stats.qmc.Sobol does so that the first 2^m points stay balanced,
///    digitally shifted by a seed-derived XOR mask per column unless scramble is false.
///    Balance properties hold for n a power of two.
class Sampler {
 public:
  /// @brief Maximum number of dimensions of the Sobol design (Boost.Random's table).
  static constexpr std::size_t MAX_SOBOL_DIMENSIONS =
      boost::random::default_sobol_table::max_dimension;

  /// @brief A design.
  /// @param kind random, latin_hypercube or sobol
  /// @param n number of points (> 0)
  /// @param dimensions number of columns (> 0; <= MAX_SOBOL_DIMENSIONS for sobol)
  /// @param seed the seed; the same seed gives the same design
  /// @param scramble sobol only: apply the seed's digital shift (false: the plain sequence)
  /// @throws std::invalid_argument on n == 0, dimensions == 0 or too many Sobol dimensions
  Sampler(SamplerKind kind, std::size_t n, std::size_t dimensions, std::uint64_t seed,
          bool scramble = true)
      : kind_(kind), n_(n), d_(dimensions), seed_(seed), scramble_(scramble) {
    if (n == 0) throw std::invalid_argument("Sampler: n = 0: must be positive");
    if (dimensions == 0) throw std::invalid_argument("Sampler: dimensions = 0: must be positive");
    if (kind == SamplerKind::sobol && dimensions > MAX_SOBOL_DIMENSIONS)
      throw std::invalid_argument("Sampler: dimensions = " + std::to_string(dimensions) +
                                  ": sobol supports at most " +
                                  std::to_string(MAX_SOBOL_DIMENSIONS));
  }

  /// @brief The design's kind.
  /// @return the kind
  SamplerKind kind() const { return kind_; }
  /// @brief Number of points.
  /// @return n
  std::size_t size() const { return n_; }
  /// @brief Number of dimensions.
  /// @return d
  std::size_t dimensions() const { return d_; }
  /// @brief The seed.
  /// @return the seed
  std::uint64_t seed() const { return seed_; }

  /// @brief Rows [first, first + count) of the design, each in (0, 1)^d.
  /// @param first index of the first row
  /// @param count number of rows
  /// @return count x d matrix
  /// @throws std::out_of_range when the rows go past n
  Eigen::MatrixXd uniform(std::size_t first, std::size_t count) const {
    if (first > n_ || count > n_ - first)
      throw std::out_of_range("Sampler.uniform: rows [" + std::to_string(first) + ", " +
                              std::to_string(first + count) +
                              ") go past n = " + std::to_string(n_));
    Eigen::MatrixXd u(count, d_);
    if (kind_ == SamplerKind::sobol) {
      // Boost.Random's engine starts after the all-zero point: its point k is our point k + 1.
      boost::random::sobol engine(d_);
      engine.seed(first == 0 ? 0 : first - 1);
      for (std::size_t r = 0; r < count; ++r)
        for (std::size_t j = 0; j < d_; ++j)
          u(r, j) = sobol_coordinate(first + r == 0 ? 0 : engine(), j);
      return u;
    }
    for (std::size_t r = 0; r < count; ++r)
      for (std::size_t j = 0; j < d_; ++j) u(r, j) = coordinate(first + r, j);
    return u;
  }

  /// @brief The whole design.
  /// @return n x d matrix
  Eigen::MatrixXd uniform() const { return uniform(0, n_); }

  /// @brief Rows [first, first + count) mapped through the distributions' quantile functions.
  /// @param distributions one per dimension
  /// @param first index of the first row
  /// @param count number of rows
  /// @return count x d matrix of input values
  /// @throws std::invalid_argument when the number of distributions is not d
  /// @throws std::out_of_range when the rows go past n
  Eigen::MatrixXd sample(const std::vector<Distribution>& distributions, std::size_t first,
                         std::size_t count) const {
    check_size_match("Sampler.sample", "distributions", distributions.size(), "dimensions", d_);
    Eigen::MatrixXd x = uniform(first, count);
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      for (Eigen::Index r = 0; r < x.rows(); ++r)
        x(r, j) = distributions[static_cast<std::size_t>(j)].quantile(x(r, j));
    return x;
  }

 private:
  double coordinate(std::size_t i, std::size_t j) const {
    const double v = detail::to_open_unit(detail::counter_hash(seed_, i, j));
    if (kind_ == SamplerKind::random) return v;
    const detail::RandomPermutation stratum(n_, detail::counter_hash(seed_, ~std::uint64_t{0}, j));
    return (static_cast<double>(stratum(i)) + v) / static_cast<double>(n_);
  }

  double sobol_coordinate(std::uint64_t bits, std::size_t j) const {
    if (scramble_) bits ^= detail::counter_hash(seed_, ~std::uint64_t{1}, j);
    return detail::to_open_unit(bits);
  }

  SamplerKind kind_;
  std::size_t n_;
  std::size_t d_;
  std::uint64_t seed_;
  bool scramble_;
};

}  // namespace peakpath::analysis
