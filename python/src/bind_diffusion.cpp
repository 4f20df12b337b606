// SPDX-License-Identifier: Apache-2.0
// Bindings for the diffusion area: Bass and logistic curves and their fits.
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>

#include <stdexcept>
#include <string>

#include "bindings.hpp"
#include "peakpath/diffusion/bass.hpp"
#include "peakpath/diffusion/fit.hpp"
#include "peakpath/diffusion/logistic.hpp"

namespace py = pybind11;

namespace peakpath::python {

void bind_diffusion(py::module_& m) {
  auto sub = m.def_submodule("diffusion", "Bass and logistic diffusion curves and fits.");
  namespace pd = peakpath::diffusion;
  sub.def("bass_cdf", py::vectorize(&pd::bass_cdf), py::arg("t"), py::arg("p"), py::arg("q"),
          "Cumulative share of adopters F(t).");
  sub.def("bass_pdf", py::vectorize(&pd::bass_pdf), py::arg("t"), py::arg("p"), py::arg("q"),
          "Adoption density f(t) = dF/dt.");
  sub.def("logistic", py::vectorize(&pd::logistic), py::arg("t"), py::arg("K"), py::arg("r"),
          py::arg("t0"), "K / (1 + exp(-r (t - t0))).");

  py::class_<pd::BassFit>(sub, "BassFit")
      .def_readonly("m", &pd::BassFit::m)
      .def_readonly("p", &pd::BassFit::p)
      .def_readonly("q", &pd::BassFit::q)
      .def_readonly("rss", &pd::BassFit::rss)
      .def_readonly("iterations", &pd::BassFit::iterations);
  py::class_<pd::LogisticFit>(sub, "LogisticFit")
      .def_readonly("K", &pd::LogisticFit::K)
      .def_readonly("r", &pd::LogisticFit::r)
      .def_readonly("t0", &pd::LogisticFit::t0)
      .def_readonly("rss", &pd::LogisticFit::rss)
      .def_readonly("iterations", &pd::LogisticFit::iterations);

  sub.def(
      "fit_bass",
      [](const Eigen::VectorXd& t, const Eigen::VectorXd& adoptions, const std::string& form) {
        pd::BassFitForm f;
        if (form == "increments")
          f = pd::BassFitForm::increments;
        else if (form == "density")
          f = pd::BassFitForm::density;
        else if (form == "cumulative")
          f = pd::BassFitForm::cumulative;
        else
          throw std::invalid_argument("fit_bass: form = '" + form +
                                      "': must be 'increments', 'density' or 'cumulative'");
        return pd::fit_bass(t, adoptions, f);
      },
      py::arg("t"), py::arg("adoptions"), py::arg("form") = "increments",
      "Least-squares Bass fit (Levenberg-Marquardt).");
  sub.def("fit_logistic", &pd::fit_logistic, py::arg("t"), py::arg("y"),
          "Least-squares logistic fit (Levenberg-Marquardt).");
}

}  // namespace peakpath::python
