// SPDX-License-Identifier: Apache-2.0
// peakpath: the Leontief (demand-driven) and Ghosh (supply-driven) input-output model with
// environmental extensions.
#pragma once

#include <Eigen/Dense>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "peakpath/core/check.hpp"

namespace peakpath::input_output {

/// @brief An input-output table with optional environmental extensions.
///
/// Notation of Miller & Blair, "Input-Output Analysis" (2nd ed., 2009) and pymrio:
/// Z (n x n) inter-industry flows, row i selling to column j; Y (n x k) final demand by
/// category; F (s x n) stressors (energy, CO2, ...) by producing sector. Derived:
/// x = Z 1 + Y 1 (gross output), A = Z diag(x)^-1 (technical coefficients),
/// L = (I - A)^-1 (Leontief inverse), B = diag(x)^-1 Z (allocation coefficients),
/// G = (I - B)^-1 (Ghosh inverse), S = F diag(x)^-1 (stressor intensities),
/// M = S L (stressor multipliers: total stressor per unit of final demand).
/// Sectors with zero output get zero coefficients (as in pymrio), not a division by zero.
class InputOutput {
 public:
  /// @brief Builds the model from a table.
  /// @param Z inter-industry flows (n x n, finite, >= 0)
  /// @param Y final demand (n x k, finite; negative entries such as stock changes allowed)
  /// @param F stressors (s x n, finite), or an empty matrix for none
  /// @throws std::invalid_argument on mismatched sizes or an empty table
  /// @throws std::domain_error on a non-finite or negative flow, a negative gross output, or a
  ///         singular I - A (no Leontief inverse)
  InputOutput(Eigen::MatrixXd Z, Eigen::MatrixXd Y, Eigen::MatrixXd F = Eigen::MatrixXd())
      : Z_(std::move(Z)), Y_(std::move(Y)), F_(std::move(F)) {
    const char* where = "InputOutput";
    const Eigen::Index n = Z_.rows();
    if (n == 0) throw std::invalid_argument("InputOutput: Z is empty");
    check_size_match(where, "Z rows", static_cast<std::size_t>(n), "Z columns",
                     static_cast<std::size_t>(Z_.cols()));
    check_size_match(where, "Z rows", static_cast<std::size_t>(n), "Y rows",
                     static_cast<std::size_t>(Y_.rows()));
    if (F_.size() == 0) F_.resize(0, n);
    check_size_match(where, "F columns", static_cast<std::size_t>(F_.cols()), "Z columns",
                     static_cast<std::size_t>(n));
    check_all(where, "Z", Z_, true);
    check_all(where, "Y", Y_, false);
    check_all(where, "F", F_, false);

    x_ = Z_.rowwise().sum() + Y_.rowwise().sum();
    for (Eigen::Index i = 0; i < n; ++i) check_nonnegative(where, "x", x_[i], i);
    const Eigen::VectorXd inv_x = x_.unaryExpr([](double v) { return v > 0 ? 1.0 / v : 0.0; });
    A_ = Z_ * inv_x.asDiagonal();
    B_ = inv_x.asDiagonal() * Z_;
    S_ = F_ * inv_x.asDiagonal();
    L_ = inverse_of_identity_minus(A_, "I - A (Leontief)");
    G_ = inverse_of_identity_minus(B_, "I - B (Ghosh)");
    M_ = S_ * L_;
  }

  /// @brief Number of sectors n.
  Eigen::Index sectors() const { return Z_.rows(); }
  /// @brief Inter-industry flows Z (n x n).
  const Eigen::MatrixXd& Z() const { return Z_; }
  /// @brief Final demand Y (n x k).
  const Eigen::MatrixXd& Y() const { return Y_; }
  /// @brief Stressors F (s x n; s = 0 without extensions).
  const Eigen::MatrixXd& F() const { return F_; }
  /// @brief Gross output x = Z 1 + Y 1.
  const Eigen::VectorXd& x() const { return x_; }
  /// @brief Technical coefficients A = Z diag(x)^-1.
  const Eigen::MatrixXd& A() const { return A_; }
  /// @brief Leontief inverse L = (I - A)^-1.
  const Eigen::MatrixXd& L() const { return L_; }
  /// @brief Allocation (output) coefficients B = diag(x)^-1 Z.
  const Eigen::MatrixXd& B() const { return B_; }
  /// @brief Ghosh inverse G = (I - B)^-1.
  const Eigen::MatrixXd& G() const { return G_; }
  /// @brief Stressor intensities S = F diag(x)^-1 (stressor per unit of output).
  const Eigen::MatrixXd& S() const { return S_; }
  /// @brief Stressor multipliers M = S L (stressor per unit of final demand).
  const Eigen::MatrixXd& M() const { return M_; }

  /// @brief Simple output multipliers: column sums of L (Miller & Blair sec. 6.2), the total
  /// output of all sectors needed per unit of final demand for sector j.
  Eigen::VectorXd output_multipliers() const { return L_.colwise().sum().transpose(); }

  /// @brief Gross output for a new final demand: x = L y.
  /// @param y final demand (n), or several columns (n x k) whose outputs are returned per column
  /// @throws std::invalid_argument on a size mismatch; std::domain_error on a non-finite value
  Eigen::MatrixXd output_for(const Eigen::MatrixXd& y) const {
    check_final_demand("output_for", y);
    return L_ * y;
  }

  /// @brief Production-based (territorial) footprint: the stressors where they are emitted,
  /// F = S diag(x) (s x n, by producing sector).
  const Eigen::MatrixXd& production_footprint() const { return F_; }

  /// @brief Consumption-based footprint of each final-demand category: M Y (s x k).
  Eigen::MatrixXd consumption_footprint() const { return M_ * Y_; }

  /// @brief Consumption-based footprint by final product: M diag(Y 1) (s x n); its row sums
  /// equal those of the production footprint (all stressors are embodied in final demand).
  Eigen::MatrixXd consumption_footprint_by_product() const {
    return M_ * Y_.rowwise().sum().asDiagonal();
  }

  /// @brief Consumption-based footprint of a new final demand: M y (s x k).
  /// @throws std::invalid_argument on a size mismatch; std::domain_error on a non-finite value
  Eigen::MatrixXd footprint_for(const Eigen::MatrixXd& y) const {
    check_final_demand("footprint_for", y);
    return M_ * y;
  }

 private:
  // Each element finite (and >= 0 if asked); the message names it as name[row,column].
  static void check_all(const std::string& where, const std::string& name, const Eigen::MatrixXd& m,
                        bool nonnegative) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      for (Eigen::Index i = 0; i < m.rows(); ++i) {
        const std::string element = name + "[" + std::to_string(i) + "," + std::to_string(j) + "]";
        if (nonnegative)
          check_nonnegative(where, element, m(i, j));
        else
          check_finite(where, element, m(i, j));
      }
  }

  void check_final_demand(const char* method, const Eigen::MatrixXd& y) const {
    const std::string where = std::string("InputOutput.") + method;
    check_size_match(where, "y rows", static_cast<std::size_t>(y.rows()), "sectors",
                     static_cast<std::size_t>(sectors()));
    check_all(where, "y", y, false);
  }

  static Eigen::MatrixXd inverse_of_identity_minus(const Eigen::MatrixXd& C,
                                                   const std::string& what) {
    const Eigen::Index n = C.rows();
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(Eigen::MatrixXd::Identity(n, n) - C);
    if (!lu.isInvertible())
      throw std::domain_error("InputOutput: " + what +
                              " is singular: the table has no inverse (a sector that uses all "
                              "of its output as input?)");
    Eigen::MatrixXd inv = lu.inverse();
    if (!inv.allFinite())
      throw std::domain_error("InputOutput: " + what + " has no finite inverse");
    return inv;
  }

  Eigen::MatrixXd Z_, Y_, F_;
  Eigen::VectorXd x_;
  Eigen::MatrixXd A_, L_, B_, G_, S_, M_;
};

}  // namespace peakpath::input_output

namespace peakpath {
/// @brief peakpath::InputOutput, kept for code written before the input_output namespace.
using input_output::InputOutput;
}  // namespace peakpath
