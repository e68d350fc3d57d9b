/*---
id: omp-reduction-pi
title: Compute pi by numerical integration with a parallel reduction
descriptions:
  - classic OpenMP pi example
  - integrate 4/(1+x^2) from 0 to 1 with threads
  - numerical integration midpoint rule in parallel
api: openmp
lang: c
constructs: [parallel for, reduction(+), omp_get_wtime]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

int main(void) {
    const long steps = 2000000;
    const double h = 1.0 / steps;

    /* pi = integral from 0 to 1 of 4 / (1 + x^2) dx, midpoint rule.
       x is declared inside the loop, so each thread has its own; only the
       running sum needs the reduction. */
    double sum = 0.0;
    double t0 = omp_get_wtime();
#pragma omp parallel for reduction(+ : sum)
    for (long i = 0; i < steps; i++) {
        double x = (i + 0.5) * h;
        sum += 4.0 / (1.0 + x * x);
    }
    double pi = sum * h;
    double t = omp_get_wtime() - t0;

    /* The midpoint rule error here is far below 1e-10 for this many steps.
       Parallel and serial sums differ only by rounding (order of addition). */
    const double exact = acos(-1.0);
    int ok = fabs(pi - exact) < 1e-10;
    printf("pi ~ %.12f (error %.1e) in %.4f s on %d threads: %s\n", pi, fabs(pi - exact), t,
           omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
