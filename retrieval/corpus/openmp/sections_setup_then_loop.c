/*---
id: omp-sections-then-loop
title: Independent setup steps with sections, followed by a shared loop
descriptions:
  - initialise two different arrays at the same time then use them together
  - combine omp sections and omp for in one parallel region
  - run setup functions concurrently before the main computation
api: openmp
lang: c
constructs: [parallel, sections, section, for, reduction(+)]
pattern: task parallel
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 50000

static double weights[N], values[N];

static void make_weights(void) { /* e.g. quadrature weights */
    for (int i = 0; i < N; i++) weights[i] = (i == 0 || i == N - 1) ? 0.5 : 1.0;
}

static void make_values(void) { /* e.g. samples of a function */
    const double h = 1.0 / (N - 1);
    for (int i = 0; i < N; i++) values[i] = exp(i * h);
}

int main(void) {
    const double h = 1.0 / (N - 1);
    double integral = 0.0;

#pragma omp parallel
    {
        /* Two unrelated setup jobs run concurrently, one per section. */
#pragma omp sections
        {
#pragma omp section
            make_weights();
#pragma omp section
            make_values();
        } /* implicit barrier: both arrays are complete after this point */

        /* The same team then shares one loop that needs both arrays. */
#pragma omp for reduction(+ : integral)
        for (int i = 0; i < N; i++) integral += weights[i] * values[i] * h;
    }

    /* Trapezoidal rule for the integral of e^x on [0,1] = e - 1. */
    double exact = exp(1.0) - 1.0;
    int ok = fabs(integral - exact) < 1e-8;
    printf("integral of e^x on [0,1] = %.10f (exact %.10f): %s\n", integral, exact,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
