// SPDX-License-Identifier: Apache-2.0
// peakpath: the one accessor of years x (sectors x fuels) tables.
#pragma once

#include <cstddef>

#include <Eigen/Core>

namespace peakpath {

/// @brief A view of a years x (sectors x fuels) matrix: the only code that knows its column
/// layout (sector-major, column = sector x fuels + fuel), so stages never do index arithmetic.
/// @tparam Matrix Eigen::MatrixXd or const Eigen::MatrixXd.
template <class Matrix>
class SectorFuelView {
 public:
  /// @brief A view of @p matrix, whose columns are @p fuels fuels for each sector.
  SectorFuelView(Matrix& matrix, std::size_t fuels)
      : matrix_(&matrix), fuels_(static_cast<Eigen::Index>(fuels)) {}

  /// @brief The cell of year row @p t, sector @p s, fuel @p f.
  decltype(auto) operator()(Eigen::Index t, std::size_t s, std::size_t f) const {
    return (*matrix_)(t, column(s, f));
  }
  /// @brief The fuels of sector @p s in year row @p t (a 1 x fuels block).
  auto sector(Eigen::Index t, std::size_t s) const {
    return matrix_->block(t, column(s, 0), 1, fuels_);
  }
  /// @brief Every year of sector @p s (a years x fuels block).
  auto sector(std::size_t s) const { return matrix_->middleCols(column(s, 0), fuels_); }

 private:
  Eigen::Index column(std::size_t s, std::size_t f) const {
    return static_cast<Eigen::Index>(s) * fuels_ + static_cast<Eigen::Index>(f);
  }
  Matrix* matrix_;
  Eigen::Index fuels_;
};

/// @brief A mutable view of @p matrix (years x (sectors x @p fuels)).
inline SectorFuelView<Eigen::MatrixXd> sector_fuel(Eigen::MatrixXd& matrix, std::size_t fuels) {
  return {matrix, fuels};
}
/// @brief A read-only view of @p matrix (years x (sectors x @p fuels)).
inline SectorFuelView<const Eigen::MatrixXd> sector_fuel(const Eigen::MatrixXd& matrix,
                                                         std::size_t fuels) {
  return {matrix, fuels};
}

}  // namespace peakpath
