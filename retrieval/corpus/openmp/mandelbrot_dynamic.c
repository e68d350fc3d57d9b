/*---
id: omp-mandelbrot-dynamic
title: Mandelbrot set - a classic load-imbalanced loop fixed with schedule(dynamic)
descriptions:
  - parallel Mandelbrot set computation with OpenMP
  - rows take different time to compute, balance them between threads
  - compute a fractal image in parallel
api: openmp
lang: c
constructs: [parallel for, schedule(dynamic), collapse(2), reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define W 200
#define H 160
#define MAXITER 200

static int iterations(double cr, double ci) {
    double zr = 0.0, zi = 0.0;
    int k = 0;
    while (k < MAXITER && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        k++;
    }
    return k;
}

static unsigned char image[H][W];

int main(void) {
    /* Pixels inside the set run all MAXITER iterations, pixels far outside
       stop after one or two: the cost per row varies a lot, so dynamic
       scheduling with small chunks keeps all threads busy. collapse(2)
       makes the units pixels rather than rows. */
    long inside = 0;
#pragma omp parallel for collapse(2) schedule(dynamic, 64) reduction(+ : inside)
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            double cr = -2.0 + 2.6 * x / W, ci = -1.2 + 2.4 * y / H;
            int k = iterations(cr, ci);
            image[y][x] = (unsigned char)(k == MAXITER ? 0 : 1 + k % 255);
            if (k == MAXITER) inside++;
        }

    long ref = 0;
    int ok = 1;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int k = iterations(-2.0 + 2.6 * x / W, -1.2 + 2.4 * y / H);
            if (k == MAXITER) ref++;
            if (image[y][x] != (unsigned char)(k == MAXITER ? 0 : 1 + k % 255)) ok = 0;
        }
    ok = ok && inside == ref;
    /* Area estimate: known value of the Mandelbrot set area is ~1.506. */
    double area = inside * (2.6 / W) * (2.4 / H);
    printf("%ld of %d pixels inside, area ~ %.3f: %s\n", inside, W * H, area, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
