/*---
id: omp-declare-reduction-complex-cpp
title: Reduce std::complex values with a declared reduction (C++)
descriptions:
  - reduction on std::complex in OpenMP
  - sum complex numbers in parallel in C++
  - discrete Fourier transform coefficient computed with threads
api: openmp
lang: c++
constructs: [declare reduction, parallel for, reduction(user-defined)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cmath>
#include <complex>
#include <cstdio>
#include <vector>

using cd = std::complex<double>;

// The built-in + reduction only covers arithmetic scalar types, not class
// types such as std::complex. Declare one: combiner adds partial results,
// initializer starts each private copy at zero.
#pragma omp declare reduction(cplx_sum : cd : omp_out += omp_in) initializer(omp_priv = cd(0.0, 0.0))

int main() {
    const int n = 4096;
    const int k = 5; // compute the DFT coefficient X[k] of a test signal
    const double pi = std::acos(-1.0);
    std::vector<double> x(n);
    for (int j = 0; j < n; ++j) x[j] = std::cos(2 * pi * k * j / n) + 0.5; // X[5] = n/2

    cd Xk(0.0, 0.0);
#pragma omp parallel for reduction(cplx_sum : Xk)
    for (int j = 0; j < n; ++j) Xk += x[j] * std::polar(1.0, -2 * pi * k * j / n);

    // Exact DFT: a cosine at frequency k contributes n/2 to X[k]; the constant
    // 0.5 only contributes to X[0].
    bool ok = std::abs(Xk - cd(n / 2.0, 0.0)) < 1e-8 * n;
    std::printf("X[%d] = %.6f %+.6fi (expected %d): %s\n", k, Xk.real(), Xk.imag(), n / 2,
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
