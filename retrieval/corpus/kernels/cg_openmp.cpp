/*---
id: kern-cg-openmp
title: Conjugate gradient with OpenMP - parallel stencil matvec, dot products and updates
descriptions:
  - parallelize a conjugate gradient solver with OpenMP
  - dot product reductions and vector updates inside an iterative solver
  - CG on a 2D Poisson-like matrix applied matrix-free with threads
api: openmp
lang: c++
constructs: [parallel for, reduction(+), collapse(2), if clause, std::vector]
pattern: linear-solver
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

using Vec = std::vector<double>;
const int NX = 80, NY = 60, N = NX * NY;

// y = A x with A = 5-point Laplacian + 0.5 I (zero Dirichlet boundary): SPD.
static void apply_A(const Vec &x, Vec &y, bool par) {
#pragma omp parallel for collapse(2) if (par)
    for (int j = 0; j < NY; j++)
        for (int i = 0; i < NX; i++) {
            int k = j * NX + i;
            double s = 4.5 * x[k];
            if (i > 0) s -= x[k - 1];
            if (i < NX - 1) s -= x[k + 1];
            if (j > 0) s -= x[k - NX];
            if (j < NY - 1) s -= x[k + NX];
            y[k] = s;
        }
}
static double dot(const Vec &a, const Vec &b, bool par) {
    double s = 0.0;
#pragma omp parallel for reduction(+ : s) if (par)
    for (int i = 0; i < N; i++) s += a[i] * b[i];
    return s;
}

static int cg(const Vec &b, Vec &x, bool par) {
    Vec r = b, p = b, Ap(N);
    for (auto &v : x) v = 0.0;
    double rr = dot(r, r, par), tol = 1e-12 * std::sqrt(rr);
    int it = 0;
    while (std::sqrt(rr) > tol && it < 1000) {
        apply_A(p, Ap, par);
        double alpha = rr / dot(p, Ap, par);
#pragma omp parallel for if (par)
        for (int i = 0; i < N; i++) { x[i] += alpha * p[i]; r[i] -= alpha * Ap[i]; }
        double rr_new = dot(r, r, par), beta = rr_new / rr;
#pragma omp parallel for if (par)
        for (int i = 0; i < N; i++) p[i] = r[i] + beta * p[i];
        rr = rr_new;
        it++;
    }
    return it;
}

int main() {
    Vec xtrue(N), b(N), x(N), xs(N);
    for (int k = 0; k < N; k++) xtrue[k] = std::cos(0.05 * k) + 0.001 * (k % 7);
    apply_A(xtrue, b, false); // right-hand side with a known solution

    int it = cg(b, x, true);
    int its = cg(b, xs, false); // serial reference (the if clauses switch threads off)

    double err = 0.0, dev = 0.0;
    for (int k = 0; k < N; k++) {
        err = std::fmax(err, std::fabs(x[k] - xtrue[k]));
        dev = std::fmax(dev, std::fabs(x[k] - xs[k]));
    }
    bool ok = err < 1e-8 && dev < 1e-8; // reductions round differently: tolerance
    std::printf("CG: %d iterations (serial %d), error %.1e, %d threads: %s\n", it, its, err, omp_get_max_threads(),
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
