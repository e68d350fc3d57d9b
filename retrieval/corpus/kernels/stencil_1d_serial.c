/*---
id: kern-stencil1d-serial
title: 1D three-point stencil (smoothing) with double buffering, serial reference version
descriptions:
  - apply a three point stencil to a 1D array
  - smooth an array with neighbours repeatedly using two buffers
  - simple 1D stencil loop in C with boundary values
api: serial
lang: c
constructs: [double buffering, ghost cells]
pattern: stencil
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100000
#define STEPS 50

/* Exact solution: for u(i) = i^2 the stencil (u[i-1] + 2u[i] + u[i+1]) / 4
   gives i^2 + 1/2, so after s steps u(i, s) = i^2 + s/2. */
static double exact(long i, int s) { return (double)i * i + 0.5 * s; }

int main(void) {
    /* Index 0 and N+1 are boundary (ghost) cells; 1..N are the points. */
    double *u = malloc((N + 2) * sizeof *u), *v = malloc((N + 2) * sizeof *v);
    for (long i = 0; i <= N + 1; i++) u[i] = exact(i, 0);

    for (int s = 0; s < STEPS; s++) {
        for (long i = 1; i <= N; i++) v[i] = 0.25 * (u[i - 1] + 2.0 * u[i] + u[i + 1]);
        /* Boundary values for the next step come from the exact solution. */
        v[0] = exact(0, s + 1);
        v[N + 1] = exact(N + 1, s + 1);
        double *t = u; u = v; v = t; /* swap buffers instead of copying */
    }

    int ok = 1;
    for (long i = 0; i <= N + 1; i++)
        if (fabs(u[i] - exact(i, STEPS)) > 1e-12 * exact(i, STEPS)) { ok = 0; break; }
    printf("u[10] = %.2f after %d steps (expected %.2f): %s\n", u[10], STEPS, exact(10, STEPS), ok ? "PASS" : "FAIL");
    free(u);
    free(v);
    return ok ? 0 : 1;
}
