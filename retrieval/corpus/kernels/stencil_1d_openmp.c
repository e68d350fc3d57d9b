/*---
id: kern-stencil1d-openmp
title: 1D three-point stencil time stepping parallelised with OpenMP
descriptions:
  - parallelize a 1D stencil loop with OpenMP
  - smooth a 1D array over many time steps using threads
  - keep one parallel region across time steps and swap buffers in single
api: openmp
lang: c
constructs: [parallel, for, single, double buffering]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 200000
#define STEPS 40

int main(void) {
    double *u = malloc((N + 2) * sizeof *u), *v = malloc((N + 2) * sizeof *v);
    double *init = malloc((N + 2) * sizeof *init);
    for (long i = 0; i <= N + 1; i++) init[i] = (double)(i % 97) - 48.0;
    memcpy(u, init, (N + 2) * sizeof *u);
    v[0] = u[0];
    v[N + 1] = u[N + 1]; /* fixed boundary values */

    /* One parallel region for all steps: no fork/join per step. */
#pragma omp parallel
    for (int s = 0; s < STEPS; s++) {
#pragma omp for
        for (long i = 1; i <= N; i++) v[i] = 0.25 * (u[i - 1] + 2.0 * u[i] + u[i + 1]);
        /* implicit barrier: all of v is written before the swap */
#pragma omp single
        {
            double *t = u; u = v; v = t;
        } /* implicit barrier: everybody sees the new pointers */
    }

    /* Serial reference. */
    double *a = init, *b = malloc((N + 2) * sizeof *b);
    b[0] = a[0];
    b[N + 1] = a[N + 1];
    for (int s = 0; s < STEPS; s++) {
        for (long i = 1; i <= N; i++) b[i] = 0.25 * (a[i - 1] + 2.0 * a[i] + a[i + 1]);
        double *t = a; a = b; b = t;
    }
    int ok = 1;
    for (long i = 0; i <= N + 1; i++)
        if (fabs(u[i] - a[i]) > 1e-12) { ok = 0; break; }
    printf("%d steps with %d threads: %s\n", STEPS, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(u); free(v); free(a); free(b);
    return ok ? 0 : 1;
}
