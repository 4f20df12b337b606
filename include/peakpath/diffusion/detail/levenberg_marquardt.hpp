// SPDX-License-Identifier: Apache-2.0
// peakpath: a small Levenberg-Marquardt least-squares solver on Eigen (finite-difference
// Jacobian, Marquardt's diagonal scaling).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

namespace peakpath::diffusion::detail {

/// Stopping rules of the solver.
struct LmOptions {
  int max_iterations = 500;
  double step_tolerance = 1e-12;  ///< relative size of the last accepted step
  double cost_tolerance = 1e-15;  ///< relative decrease of the sum of squares
};

/// Outcome of the solver.
struct LmResult {
  Eigen::VectorXd x;   ///< parameters at the end
  double cost = 0;     ///< sum of squared residuals at x
  int iterations = 0;  ///< accepted and rejected steps taken
  bool converged = false;
};

/// Central-difference Jacobian of the residual function at x.
template <class Residual>
Eigen::MatrixXd numeric_jacobian(const Residual& residual, const Eigen::VectorXd& x,
                                 Eigen::Index rows) {
  Eigen::MatrixXd J(rows, x.size());
  Eigen::VectorXd xp = x;
  for (Eigen::Index j = 0; j < x.size(); ++j) {
    const double h = 1e-6 * std::max(std::abs(x[j]), 1e-3);
    xp[j] = x[j] + h;
    const Eigen::VectorXd up = residual(xp);
    xp[j] = x[j] - h;
    J.col(j) = (up - residual(xp)) / (2 * h);
    xp[j] = x[j];
  }
  return J;
}

/// Minimises ||residual(x)||^2 from x0. The residual returns an Eigen::VectorXd of fixed size;
/// non-finite residuals count as an infinite cost (the step is rejected).
template <class Residual>
LmResult levenberg_marquardt(const Residual& residual, Eigen::VectorXd x0,
                             const LmOptions& options = {}) {
  const auto cost_of = [](const Eigen::VectorXd& r) {
    const double c = r.squaredNorm();
    return std::isfinite(c) ? c : std::numeric_limits<double>::infinity();
  };
  LmResult out;
  out.x = std::move(x0);
  Eigen::VectorXd r = residual(out.x);
  out.cost = cost_of(r);
  double lambda = 1e-3;
  while (out.iterations < options.max_iterations) {
    const Eigen::MatrixXd J = numeric_jacobian(residual, out.x, r.size());
    const Eigen::MatrixXd JtJ = J.transpose() * J;
    const Eigen::VectorXd g = J.transpose() * r;
    Eigen::VectorXd d = JtJ.diagonal().cwiseMax(1e-12 * std::max(JtJ.diagonal().maxCoeff(), 1.0));
    bool accepted = false;
    while (!accepted && out.iterations < options.max_iterations) {
      ++out.iterations;
      Eigen::MatrixXd H = JtJ;
      H.diagonal() += lambda * d;
      const Eigen::VectorXd step = H.ldlt().solve(-g);
      const Eigen::VectorXd x_new = out.x + step;
      const Eigen::VectorXd r_new = residual(x_new);
      const double c_new = cost_of(r_new);
      if (step.allFinite() && c_new < out.cost) {
        const double decrease = (out.cost - c_new) / std::max(out.cost, 1e-300);
        const bool small_step =
            step.norm() <= options.step_tolerance * (out.x.norm() + options.step_tolerance);
        out.x = x_new;
        r = r_new;
        out.cost = c_new;
        lambda = std::max(lambda / 3.0, 1e-15);
        accepted = true;
        if (small_step || decrease <= options.cost_tolerance || c_new == 0.0) {
          out.converged = true;
          return out;
        }
      } else {
        lambda *= 4.0;
        if (lambda > 1e15) {  // no downhill step left: a (local) minimum to working precision
          out.converged = true;
          return out;
        }
      }
    }
  }
  return out;
}

}  // namespace peakpath::diffusion::detail
