/*---
id: kern-mandelbrot-openmp
title: Mandelbrot set with OpenMP schedule(dynamic) for load balancing
descriptions:
  - my parallel loop is unbalanced, some iterations take much longer than others
  - Mandelbrot with OpenMP dynamic scheduling
  - schedule(dynamic) versus schedule(static) load imbalance example
api: openmp
lang: c
constructs: [parallel for, schedule(dynamic), reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define W 320
#define H 240
#define MAXIT 400

static int escape(double cr, double ci) {
    double zr = 0.0, zi = 0.0;
    int n = 0;
    while (n < MAXIT && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        n++;
    }
    return n;
}

int main(void) {
    const double x0 = -2.0, y0 = -1.2, d = 3.0 / W;
    int *img = malloc(W * H * sizeof *img);
    long inside = 0;

    /* Pixels inside the set cost MAXIT iterations, outside ones only a few:
       equal-sized static blocks would leave some threads idle.  dynamic hands
       out rows one at a time to whichever thread is free. */
#pragma omp parallel for schedule(dynamic, 1) reduction(+ : inside)
    for (int j = 0; j < H; j++)
        for (int i = 0; i < W; i++) {
            int n = escape(x0 + i * d, y0 + j * d);
            img[j * W + i] = n; /* each pixel written by one thread only */
            if (n == MAXIT) inside++;
        }

    int ok = 1;
    long ref_inside = 0; /* serial reference */
    for (int j = 0; j < H; j++)
        for (int i = 0; i < W; i++) {
            int n = escape(x0 + i * d, y0 + j * d);
            if (n != img[j * W + i]) ok = 0;
            if (n == MAXIT) ref_inside++;
        }
    ok = ok && inside == ref_inside;
    printf("%ld of %d pixels inside with %d threads: %s\n", inside, W * H, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(img);
    return ok ? 0 : 1;
}
