/*---
id: kern-stencil3d-serial
title: 3D seven-point Laplacian stencil (serial)
descriptions:
  - seven point stencil on a 3D grid
  - compute the Laplacian of a 3D array in C
  - triple nested loop stencil over a cube with flat indexing
api: serial
lang: c
constructs: [triple loop, flat 3D indexing]
pattern: stencil
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 64
#define NY 48
#define NZ 40
#define IDX(z, y, x) (((size_t)(z) * NY + (y)) * NX + (x)) /* x varies fastest */

int main(void) {
    double *u = malloc((size_t)NX * NY * NZ * sizeof *u), *lap = calloc((size_t)NX * NY * NZ, sizeof *lap);
    for (int z = 0; z < NZ; z++)
        for (int y = 0; y < NY; y++)
            for (int x = 0; x < NX; x++) u[IDX(z, y, x)] = (double)x * x + 2.0 * y * y + 3.0 * z * z + x * z;

    for (int z = 1; z < NZ - 1; z++)
        for (int y = 1; y < NY - 1; y++)
            for (int x = 1; x < NX - 1; x++)
                lap[IDX(z, y, x)] = u[IDX(z, y, x - 1)] + u[IDX(z, y, x + 1)] + u[IDX(z, y - 1, x)] +
                                    u[IDX(z, y + 1, x)] + u[IDX(z - 1, y, x)] + u[IDX(z + 1, y, x)] -
                                    6.0 * u[IDX(z, y, x)];

    /* Closed form: the Laplacian of x^2 + 2y^2 + 3z^2 + xz is 2 + 4 + 6 = 12, and
       the seven-point stencil is exact for quadratics. */
    int ok = 1;
    for (int z = 1; z < NZ - 1; z++)
        for (int y = 1; y < NY - 1; y++)
            for (int x = 1; x < NX - 1; x++)
                if (fabs(lap[IDX(z, y, x)] - 12.0) > 1e-8) ok = 0;
    printf("laplacian = %.3f (expected 12): %s\n", lap[IDX(NZ / 2, NY / 2, NX / 2)], ok ? "PASS" : "FAIL");
    free(u);
    free(lap);
    return ok ? 0 : 1;
}
