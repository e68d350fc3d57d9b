/*---
id: kern-mandelbrot-serial
title: Mandelbrot set escape-time iteration counts (serial)
descriptions:
  - compute the Mandelbrot set in C
  - escape time algorithm over a grid of complex numbers
  - estimate the area of the Mandelbrot set
api: serial
lang: c
constructs: [escape-time loop]
pattern: map
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define W 400
#define H 400 /* rows: the grid is symmetric about the real axis */
#define MAXIT 500

/* Iterations of z -> z^2 + c before |z| > 2 (MAXIT if it never escapes). */
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
    const double x0 = -2.0, x1 = 0.5, y0 = -1.25, y1 = 1.25; /* the window */
    const double dx = (x1 - x0) / W, dy = (y1 - y0) / H;
    int *iters = malloc(W * H * sizeof *iters);
    long inside = 0;
    for (int j = 0; j < H; j++)
        for (int i = 0; i < W; i++) {
            /* Pixel centres; ci is written as (j + 0.5 - H/2) * dy so that mirrored
               rows get exactly opposite imaginary parts. */
            int n = escape(x0 + (i + 0.5) * dx, (j + 0.5 - H / 2.0) * dy);
            iters[j * W + i] = n;
            if (n == MAXIT) inside++;
        }

    /* Checks: (1) the set is symmetric under c -> conj(c), and the pixel
       centres are mirrored exactly (see above), so row j and row H-1-j must agree;
       (2) its area is about 1.5066, estimated here from the pixel count. */
    int ok = 1;
    for (int j = 0; j < H / 2; j++)
        for (int i = 0; i < W; i++)
            if (iters[j * W + i] != iters[(H - 1 - j) * W + i]) ok = 0;
    double area = inside * dx * dy;
    ok = ok && fabs(area - 1.5066) < 0.05;
    printf("%ld pixels inside, area ~ %.4f: %s\n", inside, area, ok ? "PASS" : "FAIL");
    free(iters);
    return ok ? 0 : 1;
}
