// SPDX-License-Identifier: Apache-2.0
// peakpath: LMDI index decomposition (additive and multiplicative, LMDI-I and LMDI-II), exact and
// with zero values handled by their analytic limits.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/analysis/detail/log_mean.hpp"
#include "peakpath/core/check.hpp"

namespace peakpath::analysis {

/// @brief Additive (V_T - V_0 = sum of effects) or multiplicative (V_T / V_0 = product).
enum class LmdiKind { additive, multiplicative };

/// @brief LMDI-I (weights from the categories' aggregates) or LMDI-II (weights from normalised
/// log-mean shares), Ang (2015) Energy Policy 86:233, Table 1.
enum class LmdiVariant { I, II };

/// @brief The decomposition of one change of the aggregate V = sum_i prod_k x_ik.
struct LmdiResult {
  LmdiKind kind = LmdiKind::additive;    ///< form of the decomposition
  LmdiVariant variant = LmdiVariant::I;  ///< weighting scheme
  Eigen::VectorXd effects;               ///< per factor: Delta V_k, or D_k
  /// categories x factors: additive terms (column sums = effects), or multiplicative factors
  /// (column products = effects)
  Eigen::MatrixXd contributions;
  double total = 0.0;  ///< V_T - V_0 (additive) or V_T / V_0 (multiplicative)
  double v0 = 0.0;     ///< aggregate at the start
  double vT = 0.0;     ///< aggregate at the end
};

/// @brief A decomposition chained over consecutive periods.
struct LmdiChain {
  std::vector<LmdiResult> periods;  ///< one decomposition per consecutive pair of years
  Eigen::VectorXd effects;          ///< cumulative: sum (additive) or product (multiplicative)
  Eigen::MatrixXd contributions;    ///< cumulative per category and factor, combined the same way
  double total = 0.0;               ///< V_last - V_first, or V_last / V_first
};

namespace detail {

inline void check_factor_array(const std::string& where, const std::string& name,
                               const Eigen::MatrixXd& x) {
  if (x.rows() == 0 || x.cols() == 0) {
    std::ostringstream out;
    out << where << ": " << name << " has shape (" << x.rows() << ", " << x.cols()
        << "): needs at least one category (row) and one factor (column)";
    throw std::invalid_argument(out.str());
  }
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index k = 0; k < x.cols(); ++k) {
      std::ostringstream label;
      label << name << "[" << i << "," << k << "]";
      if (!(std::isfinite(x(i, k)) && x(i, k) >= 0.0))
        check_nonnegative(where, label.str(), x(i, k));
    }
}

inline void check_same_shape(const std::string& where, const std::string& name0,
                             const Eigen::MatrixXd& a, const std::string& name1,
                             const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) {
    std::ostringstream out;
    out << where << ": shape of " << name0 << " (" << a.rows() << ", " << a.cols()
        << ") does not match shape of " << name1 << " (" << b.rows() << ", " << b.cols() << ")";
    throw std::invalid_argument(out.str());
  }
}

/// Row products V_i, refusing a product that under- or overflows (factors are all valid).
inline Eigen::VectorXd category_aggregates(const std::string& where, const std::string& name,
                                           const Eigen::MatrixXd& x) {
  Eigen::VectorXd v(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    v(i) = x.row(i).prod();
    const bool has_zero = (x.row(i).array() == 0.0).any();
    if (!std::isfinite(v(i)) || (v(i) == 0.0 && !has_zero)) {
      std::ostringstream label;
      label << "prod(" << name << "[" << i << ",:])";
      throw std::domain_error(peakpath::detail::format_check_message(
          where, label.str(), -1, v(i),
          "the product of the factors under- or overflows; rescale them"));
    }
  }
  return v;
}

/// The LMDI term c L(aT, a0) ln(xT/x0) of one category and all factors, with the analytic limits
/// when a weight's argument is zero (Ang, Zhang & Choi 1998, Energy 23:489, Table 2; Ang & Liu
/// 2007, Energy Policy 35:238): a category that appears from nothing gives its whole value aT to
/// the factors that were zero, shared equally when several were (the limit of all zeros
/// replaced by the same delta -> 0); one that vanishes likewise gives -a0.
inline void category_terms(double c, double a0, double aT, const Eigen::MatrixXd& x0,
                           const Eigen::MatrixXd& xT, Eigen::Index i, Eigen::MatrixXd& terms) {
  if (a0 > 0.0 && aT > 0.0) {
    const double w = c * log_mean(aT, a0);
    for (Eigen::Index k = 0; k < x0.cols(); ++k) terms(i, k) = w * std::log(xT(i, k) / x0(i, k));
    return;
  }
  terms.row(i).setZero();
  if (a0 == 0.0 && aT == 0.0) return;
  const bool appears = a0 == 0.0;
  const Eigen::MatrixXd& zero_side = appears ? x0 : xT;
  const auto zeros = (zero_side.row(i).array() == 0.0).cast<double>();
  const double share = c * (appears ? aT : -a0) / zeros.sum();
  terms.row(i) = zeros.matrix() * share;
}

inline std::string kind_name(LmdiKind kind) {
  return kind == LmdiKind::additive ? "additive" : "multiplicative";
}

}  // namespace detail

/// @brief LMDI decomposition of the change of V = sum_i prod_k x_ik from x0 to xT.
///
/// Additive: Delta V_k = sum_i w_i ln(x_ikT / x_ik0) with w_i = L(V_iT, V_i0) (LMDI-I) or
/// L(V_T, V_0) L(s_iT, s_i0) / sum_j L(s_jT, s_j0) (LMDI-II, s_i = V_i / V). Multiplicative:
/// D_k = exp(sum_i w_i ln(x_ikT / x_ik0)) with w_i = L(V_iT, V_i0) / L(V_T, V_0) (I) or
/// L(s_iT, s_i0) / sum_j L(s_jT, s_j0) (II). The effects add up to V_T - V_0 (multiply to
/// V_T / V_0) exactly, up to rounding. Zeros take their analytic limits (see docs/analysis.md).
/// @param x0 factors at the start, categories x factors, finite and >= 0
/// @param xT factors at the end, same shape
/// @param kind additive or multiplicative
/// @param variant LMDI-I or LMDI-II
/// @return effects per factor, contributions per category and factor, and the total change
/// @throws std::invalid_argument on an empty array or mismatched shapes
/// @throws std::domain_error on a negative or non-finite factor, a product that under- or
///   overflows, or a zero aggregate where the form needs a positive one (multiplicative; LMDI-II)
inline LmdiResult lmdi(const Eigen::MatrixXd& x0, const Eigen::MatrixXd& xT,
                       LmdiKind kind = LmdiKind::additive, LmdiVariant variant = LmdiVariant::I) {
  const std::string where = "lmdi";
  detail::check_factor_array(where, "x0", x0);
  detail::check_factor_array(where, "xT", xT);
  detail::check_same_shape(where, "x0", x0, "xT", xT);
  const Eigen::VectorXd v0 = detail::category_aggregates(where, "x0", x0);
  const Eigen::VectorXd vT = detail::category_aggregates(where, "xT", xT);

  LmdiResult r;
  r.kind = kind;
  r.variant = variant;
  r.v0 = v0.sum();
  r.vT = vT.sum();
  if (kind == LmdiKind::multiplicative || variant == LmdiVariant::II) {
    const std::string need = detail::kind_name(kind) +
                             (variant == LmdiVariant::I ? " LMDI-I" : " LMDI-II") +
                             " needs a positive aggregate";
    if (!(r.v0 > 0.0))
      throw std::domain_error(peakpath::detail::format_check_message(where, "V0", -1, r.v0, need));
    if (!(r.vT > 0.0))
      throw std::domain_error(peakpath::detail::format_check_message(where, "VT", -1, r.vT, need));
  }

  // Weight arguments a_i and the constant c of w_i = c L(a_iT, a_i0).
  Eigen::VectorXd a0 = v0, aT = vT;
  double c = 1.0;
  if (variant == LmdiVariant::II) {
    a0 /= r.v0;
    aT /= r.vT;
    double sum = 0.0;
    for (Eigen::Index i = 0; i < a0.size(); ++i) sum += detail::log_mean(aT(i), a0(i));
    c = 1.0 / sum;
    if (kind == LmdiKind::additive) c *= detail::log_mean(r.vT, r.v0);
  } else if (kind == LmdiKind::multiplicative) {
    c = 1.0 / detail::log_mean(r.vT, r.v0);
  }

  Eigen::MatrixXd terms(x0.rows(), x0.cols());
  for (Eigen::Index i = 0; i < x0.rows(); ++i)
    detail::category_terms(c, a0(i), aT(i), x0, xT, i, terms);

  if (kind == LmdiKind::additive) {
    r.contributions = terms;
    r.effects = terms.colwise().sum().transpose();
    r.total = r.vT - r.v0;
  } else {
    r.contributions = terms.array().exp().matrix();
    r.effects = terms.colwise().sum().transpose().array().exp().matrix();
    r.total = r.vT / r.v0;
  }
  return r;
}

/// @brief LMDI chained over consecutive years: one decomposition per pair (t, t+1), and the
/// cumulative effects (sums for additive, products for multiplicative), which still add up to
/// (multiply to) the change between the first and the last year.
/// @param x the years' factor arrays, in time order, all of one shape (at least two)
/// @param kind additive or multiplicative
/// @param variant LMDI-I or LMDI-II
/// @return per-period results and the cumulative effects
/// @throws std::invalid_argument on fewer than two arrays or mismatched shapes
/// @throws std::domain_error as lmdi() (the message names the array x[t])
inline LmdiChain lmdi_chained(const std::vector<Eigen::MatrixXd>& x,
                              LmdiKind kind = LmdiKind::additive,
                              LmdiVariant variant = LmdiVariant::I) {
  const std::string where = "lmdi_chained";
  if (x.size() < 2)
    throw std::invalid_argument(where + ": x holds " + std::to_string(x.size()) +
                                " factor arrays: needs at least two years");
  for (std::size_t t = 0; t < x.size(); ++t) {
    const std::string name = "x[" + std::to_string(t) + "]";
    detail::check_factor_array(where, name, x[t]);
    detail::check_same_shape(where, "x[0]", x[0], name, x[t]);
  }
  LmdiChain chain;
  const bool additive = kind == LmdiKind::additive;
  chain.effects = Eigen::VectorXd::Constant(x[0].cols(), additive ? 0.0 : 1.0);
  chain.contributions = Eigen::MatrixXd::Constant(x[0].rows(), x[0].cols(), additive ? 0.0 : 1.0);
  for (std::size_t t = 0; t + 1 < x.size(); ++t) {
    LmdiResult period;
    try {
      period = lmdi(x[t], x[t + 1], kind, variant);
    } catch (const std::domain_error& e) {
      throw std::domain_error(where + ": period x[" + std::to_string(t) + "] -> x[" +
                              std::to_string(t + 1) + "]: " + e.what());
    }
    if (additive) {
      chain.effects += period.effects;
      chain.contributions += period.contributions;
    } else {
      chain.effects.array() *= period.effects.array();
      chain.contributions.array() *= period.contributions.array();
    }
    chain.periods.push_back(std::move(period));
  }
  const double first = chain.periods.front().v0, last = chain.periods.back().vT;
  chain.total = additive ? last - first : last / first;
  return chain;
}

/// @brief Parses "additive" or "multiplicative".
/// @param name the kind's name
/// @return the kind
/// @throws std::invalid_argument on any other name
inline LmdiKind lmdi_kind_from_string(const std::string& name) {
  if (name == "additive") return LmdiKind::additive;
  if (name == "multiplicative") return LmdiKind::multiplicative;
  throw std::invalid_argument("lmdi: kind = '" + name +
                              "': must be 'additive' or 'multiplicative'");
}

/// @brief Parses "I" or "II" (also "1", "2").
/// @param name the variant's name
/// @return the variant
/// @throws std::invalid_argument on any other name
inline LmdiVariant lmdi_variant_from_string(const std::string& name) {
  if (name == "I" || name == "1") return LmdiVariant::I;
  if (name == "II" || name == "2") return LmdiVariant::II;
  throw std::invalid_argument("lmdi: variant = '" + name + "': must be 'I' or 'II'");
}

}  // namespace peakpath::analysis
