/*---
id: omp-schedule-compare-timing
title: Compare static, dynamic and guided schedules on an imbalanced loop
descriptions:
  - which OpenMP schedule is fastest for my loop
  - benchmark static versus dynamic scheduling
  - measure the effect of load imbalance on a parallel loop
api: openmp
lang: c
constructs: [parallel for, schedule(static), schedule(dynamic), schedule(guided), omp_get_wtime, reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 4000

/* Cost grows linearly with i: the last iterations are the expensive ones,
   which is the worst case for a plain static block distribution. */
static double cost(int i) {
    double s = 0.0;
    for (int k = 0; k < i / 4; k++) s += sqrt((double)k + i);
    return s;
}

int main(void) {
    double expected = 0.0;
    for (int i = 0; i < N; i++) expected += cost(i);

    const char *names[3] = {"static", "dynamic,16", "guided"};
    double times[3], sums[3];

    for (int v = 0; v < 3; v++) {
        double s = 0.0;
        double t0 = omp_get_wtime();
        /* The schedule clause has to be written in the pragma, so each
           variant is spelled out. (schedule(runtime) avoids this.) */
        if (v == 0) {
#pragma omp parallel for schedule(static) reduction(+ : s)
            for (int i = 0; i < N; i++) s += cost(i);
        } else if (v == 1) {
#pragma omp parallel for schedule(dynamic, 16) reduction(+ : s)
            for (int i = 0; i < N; i++) s += cost(i);
        } else {
#pragma omp parallel for schedule(guided) reduction(+ : s)
            for (int i = 0; i < N; i++) s += cost(i);
        }
        times[v] = omp_get_wtime() - t0;
        sums[v] = s;
    }

    int ok = 1;
    for (int v = 0; v < 3; v++) {
        printf("%-11s %.5f s\n", names[v], times[v]);
        if (fabs(sums[v] - expected) > 1e-9 * expected) ok = 0;
    }
    /* Timings vary from run to run; only the sums are checked. */
    printf("all schedules give the same sum with %d threads: %s\n", omp_get_max_threads(),
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
