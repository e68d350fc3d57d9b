/*---
id: omp-speedup-measurement
title: Measure speedup and parallel efficiency for 1..P threads
descriptions:
  - how much faster is my program with more threads
  - compute speedup and efficiency of an OpenMP loop
  - strong scaling test with omp_set_num_threads
api: openmp
lang: c
constructs: [omp_get_wtime, omp_set_num_threads, omp_get_max_threads, num_threads, parallel for, reduction(+)]
pattern: timing
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 1000000

/* Runs the loop on nthreads threads; returns the sum, stores the best of
   three timings (timings are noisy; the minimum is the most stable). */
static double run(int nthreads, double *seconds) {
    double s = 0.0;
    *seconds = 1e30;
    for (int rep = 0; rep < 3; rep++) {
        s = 0.0;
        double t0 = omp_get_wtime();
        /* num_threads(n) overrides the default team size for this region. */
#pragma omp parallel for num_threads(nthreads) reduction(+ : s)
        for (int i = 1; i <= N; i++) s += log((double)i) / i;
        double t = omp_get_wtime() - t0;
        if (t < *seconds) *seconds = t;
    }
    return s;
}

int main(void) {
    const int pmax = omp_get_max_threads(); /* from OMP_NUM_THREADS or #cores */
    double t1;
    const double ref = run(1, &t1); /* baseline: one thread */

    int ok = 1;
    printf("threads  time(s)   speedup  efficiency\n");
    for (int p = 1; p <= pmax; p *= 2) {
        double tp = t1;
        double s = p == 1 ? ref : run(p, &tp);
        if (fabs(s - ref) > 1e-9 * fabs(ref)) ok = 0; /* same answer at every p */
        /* speedup S(p) = T(1) / T(p); efficiency E(p) = S(p) / p.
           Timings depend on the machine and its load: they are printed,
           not checked. */
        printf("%7d  %8.5f  %7.2f  %9.2f\n", p, tp, t1 / tp, t1 / tp / p);
    }
    printf("sum log(i)/i = %.6f: %s\n", ref, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
