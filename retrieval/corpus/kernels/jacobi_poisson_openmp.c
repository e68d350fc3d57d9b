/*---
id: kern-jacobi-openmp
title: Jacobi iteration for the 2D Poisson equation with OpenMP
descriptions:
  - parallelize a Jacobi solver with OpenMP
  - find the maximum change across threads with reduction(max)
  - Laplace equation iterative solver using several cores
api: openmp
lang: c
constructs: [parallel for, collapse(2), reduction(max)]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 24
#define TOL 1e-12
#define IDX(i, j) ((i) * (N + 2) + (j))

static double boundary(int i, int j) { return sin(0.3 * i) + cos(0.2 * j); }

/* Jacobi until the largest change is below TOL; returns the sweep count.
   With parallel != 0 the sweep is shared among threads. */
static int jacobi(double *u, int parallel) {
    const double h2 = 1.0 / ((N + 1.0) * (N + 1.0)), f = 1.0; /* -laplace(u) = 1 */
    double *v = malloc((N + 2) * (N + 2) * sizeof *v);
    for (int i = 0; i < N + 2; i++)
        for (int j = 0; j < N + 2; j++)
            u[IDX(i, j)] = v[IDX(i, j)] = (i == 0 || j == 0 || i == N + 1 || j == N + 1) ? boundary(i, j) : 0.0;
    int iters = 0;
    double diff;
    do {
        diff = 0.0;
        /* reduction(max:diff): each thread tracks its own maximum; the
           largest of them is stored in diff after the loop. */
#pragma omp parallel for collapse(2) reduction(max : diff) if (parallel)
        for (int i = 1; i <= N; i++)
            for (int j = 1; j <= N; j++) {
                double nv = 0.25 * (u[IDX(i - 1, j)] + u[IDX(i + 1, j)] + u[IDX(i, j - 1)] + u[IDX(i, j + 1)] + h2 * f);
                diff = fmax(diff, fabs(nv - u[IDX(i, j)]));
                v[IDX(i, j)] = nv;
            }
#pragma omp parallel for if (parallel)
        for (int k = 0; k < (N + 2) * (N + 2); k++) u[k] = v[k];
        iters++;
    } while (diff > TOL && iters < 100000);
    free(v);
    return iters;
}

int main(void) {
    double *u = malloc((N + 2) * (N + 2) * sizeof *u), *ref = malloc((N + 2) * (N + 2) * sizeof *ref);
    int it_par = jacobi(u, 1);
    int it_ser = jacobi(ref, 0); /* serial reference: the if clause turns threading off */

    /* Jacobi is deterministic and max is exact, so both runs agree closely. */
    double dev = 0.0;
    for (int k = 0; k < (N + 2) * (N + 2); k++) dev = fmax(dev, fabs(u[k] - ref[k]));
    int ok = it_par == it_ser && dev < 1e-12;
    printf("%d iterations (serial %d), deviation %.1e, %d threads: %s\n", it_par, it_ser, dev,
           omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(u);
    free(ref);
    return ok ? 0 : 1;
}
