/*---
id: omp-collapse3-reduction
title: Triple loop over a 3D grid with collapse(3) and a reduction
descriptions:
  - loop over a 3D array in parallel
  - collapse three nested loops and sum the result
  - compute the total of a function sampled on an x y z grid
api: openmp
lang: c
constructs: [parallel for, collapse(3), reduction(+)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define NX 20
#define NY 30
#define NZ 40

int main(void) {
    /* Midpoint rule for the integral of x*y*z over the unit cube
       (exact value 1/8). The three loops are collapsed into one space of
       NX*NY*NZ iterations so the work divides evenly among any number of
       threads; the reduction adds the per-thread partial sums. */
    const double hx = 1.0 / NX, hy = 1.0 / NY, hz = 1.0 / NZ;
    double integral = 0.0;

#pragma omp parallel for collapse(3) reduction(+ : integral)
    for (int i = 0; i < NX; i++)
        for (int j = 0; j < NY; j++)
            for (int k = 0; k < NZ; k++) {
                double x = (i + 0.5) * hx, y = (j + 0.5) * hy, z = (k + 0.5) * hz;
                integral += x * y * z * hx * hy * hz;
            }

    /* The midpoint rule is exact for a product of linear functions. */
    int ok = fabs(integral - 0.125) < 1e-12;
    printf("integral of xyz over the unit cube = %.12f: %s\n", integral, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
