/*---
id: kern-stencil3d-openmp
title: 3D seven-point stencil parallelised with OpenMP collapse(3)
descriptions:
  - parallelize a triple nested loop over a 3D grid
  - OpenMP collapse(3) example for a 3D stencil
  - my 3D loop has too few outer iterations for all my threads
api: openmp
lang: c
constructs: [parallel for, collapse(3), schedule(static)]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 80
#define NY 60
#define NZ 6 /* few planes: collapsing the loops still gives every thread work */
#define IDX(z, y, x) (((size_t)(z) * NY + (y)) * NX + (x))

static double point(const double *u, int z, int y, int x) {
    return u[IDX(z, y, x - 1)] + u[IDX(z, y, x + 1)] + u[IDX(z, y - 1, x)] + u[IDX(z, y + 1, x)] +
           u[IDX(z - 1, y, x)] + u[IDX(z + 1, y, x)] - 6.0 * u[IDX(z, y, x)];
}

int main(void) {
    size_t total = (size_t)NX * NY * NZ;
    double *u = malloc(total * sizeof *u), *lap = calloc(total, sizeof *lap);
    for (size_t i = 0; i < total; i++) u[i] = cos(0.001 * (double)i) * (double)(i % 11);

    /* Only NZ-2 = 4 z-planes: parallelising the z loop alone would balance
       badly; collapse(3) shares all (NZ-2)(NY-2)(NX-2) points instead. */
#pragma omp parallel for collapse(3) schedule(static)
    for (int z = 1; z < NZ - 1; z++)
        for (int y = 1; y < NY - 1; y++)
            for (int x = 1; x < NX - 1; x++) lap[IDX(z, y, x)] = point(u, z, y, x);

    int ok = 1;
    for (int z = 1; z < NZ - 1; z++)
        for (int y = 1; y < NY - 1; y++)
            for (int x = 1; x < NX - 1; x++)
                if (fabs(lap[IDX(z, y, x)] - point(u, z, y, x)) > 1e-12) ok = 0;
    printf("3D stencil with %d threads: %s\n", omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(u);
    free(lap);
    return ok ? 0 : 1;
}
