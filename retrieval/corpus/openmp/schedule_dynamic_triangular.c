/*---
id: omp-schedule-dynamic-triangular
title: Triangular loop balanced with schedule(dynamic)
descriptions:
  - parallelize a loop over the lower triangle of a matrix
  - inner loop length depends on i so static schedule is unbalanced
  - pairwise interactions i<j loop in parallel with OpenMP
api: openmp
lang: c
constructs: [parallel for, schedule(dynamic), reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 1500

int main(void) {
    static double x[N];
    for (int i = 0; i < N; i++) x[i] = sin(0.01 * i);

    /* Sum of |x_i - x_j| over all pairs j < i. Row i has i inner iterations,
       so with schedule(static) the thread owning the last rows would do
       most of the work. schedule(dynamic) (chunk size 1 by default) hands
       out rows one at a time to whichever thread is free. */
    double total = 0.0;
#pragma omp parallel for schedule(dynamic) reduction(+ : total)
    for (int i = 0; i < N; i++) {
        double row = 0.0; /* declared inside the loop: private to each thread */
        for (int j = 0; j < i; j++) row += fabs(x[i] - x[j]);
        total += row;
    }

    /* Serial reference computed the same way. */
    double expected = 0.0;
    for (int i = 0; i < N; i++) {
        double row = 0.0;
        for (int j = 0; j < i; j++) row += fabs(x[i] - x[j]);
        expected += row;
    }

    int ok = fabs(total - expected) <= 1e-9 * fabs(expected);
    printf("pair sum = %.6f over %d pairs: %s\n", total, N * (N - 1) / 2, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
