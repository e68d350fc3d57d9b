/*---
id: omp-reduction-mean-variance
title: Mean and standard deviation with several reduction variables
descriptions:
  - compute mean and variance of a data set in parallel
  - reduce two or more variables in one OpenMP loop
  - average and standard deviation using threads
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
#include <stdlib.h>

#define N 300000

int main(void) {
    double *x = malloc(N * sizeof *x);
    if (!x) return 1;
    for (int i = 0; i < N; i++) x[i] = 10.0 + sin(0.37 * i); /* mean ~10, std ~0.707 */

    /* Pass 1: sum. Pass 2: sum of squared deviations from the mean (the
       two-pass formula is numerically safer than sum(x^2) - n*mean^2).
       One reduction clause can list several variables. */
    double sum = 0.0;
#pragma omp parallel for reduction(+ : sum)
    for (int i = 0; i < N; i++) sum += x[i];
    const double mean = sum / N;

    double ss = 0.0, sabs = 0.0;
#pragma omp parallel for reduction(+ : ss, sabs)
    for (int i = 0; i < N; i++) {
        double d = x[i] - mean;
        ss += d * d;
        sabs += fabs(d);
    }
    const double stddev = sqrt(ss / (N - 1));
    const double mad = sabs / N; /* mean absolute deviation */

    /* Serial reference. */
    double rs = 0.0;
    for (int i = 0; i < N; i++) rs += x[i];
    double rmean = rs / N, rss = 0.0;
    for (int i = 0; i < N; i++) rss += (x[i] - rmean) * (x[i] - rmean);
    double rstd = sqrt(rss / (N - 1));

    int ok = fabs(mean - rmean) < 1e-12 * rmean && fabs(stddev - rstd) < 1e-9 * rstd;
    printf("mean = %.6f, stddev = %.6f, mean abs dev = %.6f: %s\n", mean, stddev, mad,
           ok ? "PASS" : "FAIL");
    free(x);
    return ok ? 0 : 1;
}
