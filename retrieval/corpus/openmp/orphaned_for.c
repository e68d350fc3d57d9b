/*---
id: omp-orphaned-for
title: Worksharing inside a function called from a parallel region (orphaned directives)
descriptions:
  - put omp for inside a function and call it from a parallel region
  - avoid creating a new thread team for every small loop
  - orphaned worksharing construct example
api: openmp
lang: c
constructs: [parallel, orphaned for, single, omp_in_parallel]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 10000
#define ITERS 20

/* These functions contain "omp for" but no "parallel". Called from inside
   a parallel region, the loop is shared by the existing team ("orphaned"
   directive). Called from serial code, the same loop simply runs serially
   on one thread. The implicit barrier at the end of each omp for keeps the
   steps in order. */
static void scale(double *x, int n, double s) {
#pragma omp for
    for (int i = 0; i < n; i++) x[i] *= s;
}

static void add_one(double *x, int n) {
#pragma omp for
    for (int i = 0; i < n; i++) x[i] += 1.0;
}

int main(void) {
    static double x[N];
    int was_parallel = 0;

    /* One parallel region around the whole iteration: the team is created
       once, not 2 * ITERS times. */
#pragma omp parallel
    {
#pragma omp single
        was_parallel = omp_in_parallel();
        for (int it = 0; it < ITERS; it++) { /* every thread runs this loop */
            scale(x, N, 0.5);
            add_one(x, N);
        }
    }

    /* x <- x/2 + 1 repeated from 0 converges to 2: x_k = 2 - 2^(1-k). */
    double expected = 2.0 - pow(2.0, 1 - ITERS);
    int ok = 1;
    for (int i = 0; i < N; i++)
        if (fabs(x[i] - expected) > 1e-12) ok = 0;

    /* Serial call of the same function: fine, runs on one thread. */
    scale(x, N, 2.0);
    ok = ok && fabs(x[0] - 2.0 * expected) < 1e-12;

    printf("x = %.9f (in parallel region: %d): %s\n", expected, was_parallel, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
