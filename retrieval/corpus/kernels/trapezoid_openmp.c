/*---
id: kern-trapezoid-openmp
title: Trapezoid rule integration with an OpenMP reduction
descriptions:
  - parallel numerical integration with OpenMP
  - integrate a function with many threads using reduction(+)
  - compute pi by integrating 4/(1+x^2) with the trapezoid rule in parallel
api: openmp
lang: c
constructs: [parallel for, reduction(+)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define PI 3.14159265358979323846

static double f(double x) { return 4.0 / (1.0 + x * x); } /* integral over [0,1] is pi */

int main(void) {
    const long n = 4000000;
    const double a = 0.0, b = 1.0, h = (b - a) / n;

    /* Interior points in parallel; each thread keeps a private partial sum. */
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 1; i < n; i++) s += f(a + i * h);
    double I = h * (0.5 * (f(a) + f(b)) + s);

    double r = 0.0; /* serial reference */
    for (long i = 1; i < n; i++) r += f(a + i * h);
    double ref = h * (0.5 * (f(a) + f(b)) + r);

    int ok = fabs(I - ref) < 1e-12 && fabs(I - PI) < 1e-10;
    printf("pi ~ %.13f with %d threads: %s\n", I, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
