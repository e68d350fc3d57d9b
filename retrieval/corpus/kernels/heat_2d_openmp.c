/*---
id: kern-heat-openmp
title: 2D heat equation (explicit scheme) parallelised with OpenMP
descriptions:
  - parallel 2D heat diffusion simulation with OpenMP
  - time loop with a parallel spatial loop and buffer swap
  - explicit finite difference diffusion on a square plate with threads
api: openmp
lang: c
constructs: [parallel for, collapse(2), if clause]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 62 /* interior points per side; the edges are held at 0 */
#define W (N + 2)
#define STEPS 100
#define PI 3.14159265358979323846

static void simulate(double *u, int parallel) {
    const double h = 1.0 / (N + 1), r = 0.2; /* 2D stability: r = dt/h^2 <= 1/4 */
    double *v = calloc(W * W, sizeof *v);
    for (int i = 0; i < W; i++)
        for (int j = 0; j < W; j++) u[i * W + j] = sin(PI * i * h) * sin(PI * j * h);
    for (int n = 0; n < STEPS; n++) {
#pragma omp parallel for collapse(2) if (parallel)
        for (int i = 1; i <= N; i++)
            for (int j = 1; j <= N; j++) {
                int c = i * W + j;
                v[c] = u[c] + r * (u[c - W] + u[c + W] + u[c - 1] + u[c + 1] - 4.0 * u[c]);
            }
#pragma omp parallel for if (parallel)
        for (int i = 1; i <= N; i++)
            for (int j = 1; j <= N; j++) u[i * W + j] = v[i * W + j];
    }
    free(v);
}

int main(void) {
    double *u = malloc(W * W * sizeof *u), *ref = malloc(W * W * sizeof *ref);
    simulate(u, 1);
    simulate(ref, 0); /* serial reference */

    /* Also exact: sin(pi x) sin(pi y) decays by g = 1 - 8 r sin^2(pi h/2) per step. */
    const double h = 1.0 / (N + 1);
    double amp = pow(1.0 - 8.0 * 0.2 * pow(sin(PI * h / 2.0), 2), STEPS), err = 0.0, dev = 0.0;
    for (int i = 0; i < W; i++)
        for (int j = 0; j < W; j++) {
            err = fmax(err, fabs(u[i * W + j] - amp * sin(PI * i * h) * sin(PI * j * h)));
            dev = fmax(dev, fabs(u[i * W + j] - ref[i * W + j]));
        }
    int ok = err < 1e-12 && dev == 0.0; /* same arithmetic per point: identical results */
    printf("2D heat, %d steps, %d threads, error %.1e: %s\n", STEPS, omp_get_max_threads(), err, ok ? "PASS" : "FAIL");
    free(u);
    free(ref);
    return ok ? 0 : 1;
}
