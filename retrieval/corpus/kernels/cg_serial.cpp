/*---
id: kern-cg-serial
title: Conjugate gradient solver for a small SPD tridiagonal system (serial C++)
descriptions:
  - conjugate gradient method in C++
  - solve a symmetric positive definite linear system iteratively
  - CG for A x = b with a tridiagonal matrix and a residual tolerance
api: serial
lang: c++
constructs: [conjugate gradient, std::vector, matrix-free operator]
pattern: linear-solver
threads: [1]
ranks: [1]
---*/
#include <cmath>
#include <cstdio>
#include <vector>

using Vec = std::vector<double>;

// A = tridiag(-1, 2.5, -1): symmetric and strictly diagonally dominant, so SPD.
static void apply_A(const Vec &x, Vec &y) {
    size_t n = x.size();
    for (size_t i = 0; i < n; i++)
        y[i] = 2.5 * x[i] - (i > 0 ? x[i - 1] : 0.0) - (i + 1 < n ? x[i + 1] : 0.0);
}
static double dot(const Vec &a, const Vec &b) {
    double s = 0.0;
    for (size_t i = 0; i < a.size(); i++) s += a[i] * b[i];
    return s;
}

int main() {
    const size_t n = 2000;
    Vec xtrue(n), b(n), x(n, 0.0), r(n), p(n), Ap(n);
    for (size_t i = 0; i < n; i++) xtrue[i] = 1.0 + std::sin(0.01 * i);
    apply_A(xtrue, b); // build b so that the exact answer is known

    // CG: r = b - A x, p = r; repeat: alpha = r.r / p.Ap, x += alpha p,
    // r -= alpha Ap, beta = r_new.r_new / r.r, p = r + beta p.
    r = b; // x starts at 0
    p = r;
    double rr = dot(r, r);
    const double tol = 1e-12 * std::sqrt(dot(b, b));
    int it = 0;
    while (std::sqrt(rr) > tol && it < 1000) {
        apply_A(p, Ap);
        double alpha = rr / dot(p, Ap);
        for (size_t i = 0; i < n; i++) { x[i] += alpha * p[i]; r[i] -= alpha * Ap[i]; }
        double rr_new = dot(r, r);
        double beta = rr_new / rr;
        for (size_t i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
        rr = rr_new;
        it++;
    }

    double err = 0.0;
    for (size_t i = 0; i < n; i++) err = std::fmax(err, std::fabs(x[i] - xtrue[i]));
    bool ok = err < 1e-9;
    std::printf("CG converged in %d iterations, max error %.2e: %s\n", it, err, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
