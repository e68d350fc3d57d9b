/*---
id: omp-wtime-timing
title: Time a parallel loop with omp_get_wtime
descriptions:
  - how do I measure the run time of an OpenMP loop
  - omp_get_wtime example
  - wall clock timing in OpenMP, why not clock()
api: openmp
lang: c
constructs: [omp_get_wtime, omp_get_wtick, parallel for, reduction(+)]
pattern: timing
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 2000000

int main(void) {
    /* omp_get_wtime() returns elapsed wall-clock seconds as a double.
       Use it rather than clock(), which adds up CPU time of ALL threads
       and so makes a parallel program look slower, not faster. Only
       differences between two calls are meaningful. */
    printf("timer resolution: %.1e s\n", omp_get_wtick());

    double sum = 0.0;
    /* Warm-up: the first parallel region also pays for creating threads. */
#pragma omp parallel for reduction(+ : sum)
    for (int i = 0; i < 1000; i++) sum += i;

    sum = 0.0;
    const int reps = 3; /* repeat and keep the fastest: timings are noisy */
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        double s = 0.0;
        double t0 = omp_get_wtime();
#pragma omp parallel for reduction(+ : s)
        for (int i = 0; i < N; i++) s += sin(i * 1e-6);
        double t = omp_get_wtime() - t0;
        if (t < best) best = t;
        sum = s;
    }

    /* sum_{i<N} sin(i h) has a closed form: sin(Nh/2) sin((N-1)h/2) / sin(h/2). */
    const double h = 1e-6;
    double exact = sin(N * h / 2) * sin((N - 1) * h / 2) / sin(h / 2);
    int ok = fabs(sum - exact) < 1e-6 * fabs(exact) && best >= 0.0;
    printf("loop of %d sin() calls: best of %d runs %.5f s on %d threads: %s\n", N, reps, best,
           omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
