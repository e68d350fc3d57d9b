/*---
id: omp-jacobi-2d
title: 2D Jacobi iteration for the Laplace equation with a convergence check
descriptions:
  - parallel Jacobi solver for the heat equation on a grid
  - 5-point stencil with OpenMP and a max-norm convergence test
  - iterate until the change is small, in parallel
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

#define NX 40
#define NY 40
#define TOL 1e-4
#define MAXIT 20000

static double u[NX][NY], unew[NX][NY];

int main(void) {
    /* Boundary: top edge held at 1, other edges at 0; interior starts at 0. */
    for (int j = 0; j < NY; j++) u[0][j] = unew[0][j] = 1.0;

    int it = 0;
    double diff = 1.0;
    while (diff > TOL && it < MAXIT) {
        diff = 0.0;
        /* Every new value depends only on OLD values (u), so all points can
           be updated in parallel. The max-norm of the change is a
           reduction(max). */
#pragma omp parallel for collapse(2) reduction(max : diff)
        for (int i = 1; i < NX - 1; i++)
            for (int j = 1; j < NY - 1; j++) {
                unew[i][j] = 0.25 * (u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1]);
                double d = fabs(unew[i][j] - u[i][j]);
                if (d > diff) diff = d;
            }
        /* Copy back (a pointer swap is faster for big grids). */
#pragma omp parallel for collapse(2)
        for (int i = 1; i < NX - 1; i++)
            for (int j = 1; j < NY - 1; j++) u[i][j] = unew[i][j];
        it++;
    }

    /* Checks: converged; by symmetry the solution is mirror-symmetric in j;
       all values lie between the boundary values 0 and 1 (maximum principle). */
    int ok = diff <= TOL;
    for (int i = 0; i < NX; i++)
        for (int j = 0; j < NY; j++) {
            if (fabs(u[i][j] - u[i][NY - 1 - j]) > 1e-12) ok = 0;
            if (u[i][j] < 0.0 || u[i][j] > 1.0) ok = 0;
        }
    printf("converged in %d iterations, centre value %.4f: %s\n", it, u[NX / 2][NY / 2],
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
