/*---
id: kern-kmeans-openmp
title: Parallel k-means with OpenMP array reductions for the centroid sums
descriptions:
  - parallelize k-means clustering with OpenMP
  - accumulate per-cluster sums and counts from many threads without atomics
  - reduction over arrays in C with reduction(+:sum[:K])
api: openmp
lang: c
constructs: [parallel for, "reduction(+:arr[:K])", if clause]
pattern: clustering
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 40000
#define K 5
#define ITERS 10

/* ITERS Lloyd iterations, threaded when parallel != 0 (the if clause);
   the centroids end up in mx, my and the labels in label. */
static void kmeans(const double *x, const double *y, int *label, double *mx, double *my, int parallel) {
    for (int k = 0; k < K; k++) { mx[k] = x[k]; my[k] = y[k]; }
    for (int it = 0; it < ITERS; it++) {
        double sx[K] = {0}, sy[K] = {0};
        long cnt[K] = {0};
        /* Assignment and accumulation in one pass: each thread sums into
           private copies of sx, sy, cnt, which are added at the end. */
#pragma omp parallel for reduction(+ : sx[:K], sy[:K], cnt[:K]) if (parallel)
        for (int i = 0; i < N; i++) {
            int best = 0;
            double bd = INFINITY;
            for (int k = 0; k < K; k++) {
                double d = (x[i] - mx[k]) * (x[i] - mx[k]) + (y[i] - my[k]) * (y[i] - my[k]);
                if (d < bd) { bd = d; best = k; }
            }
            label[i] = best;
            sx[best] += x[i]; sy[best] += y[i]; cnt[best]++;
        }
        for (int k = 0; k < K; k++)
            if (cnt[k]) { mx[k] = sx[k] / cnt[k]; my[k] = sy[k] / cnt[k]; }
    }
}

int main(void) {
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    int *lab = malloc(N * sizeof *lab), *lab_ref = malloc(N * sizeof *lab_ref);
    for (int i = 0; i < N; i++) { /* 5 blobs on a circle of radius 8 */
        double a = 2.0 * 3.14159265358979 * (i % K) / K;
        x[i] = 8.0 * cos(a) + 1.5 * sin(0.77 * i);
        y[i] = 8.0 * sin(a) + 1.5 * cos(0.31 * i);
    }
    double mx[K], my[K], rx[K], ry[K];
    kmeans(x, y, lab, mx, my, 1);
    kmeans(x, y, lab_ref, rx, ry, 0); /* serial reference */

    /* Sums are added in a different order in parallel: compare with a tolerance. */
    int ok = 1;
    for (int i = 0; i < N; i++) if (lab[i] != lab_ref[i]) ok = 0;
    for (int k = 0; k < K; k++)
        if (fabs(mx[k] - rx[k]) > 1e-9 || fabs(my[k] - ry[k]) > 1e-9) ok = 0;
    printf("k-means, %d clusters, %d threads, centroid 0 = (%.3f, %.3f): %s\n", K, omp_get_max_threads(), mx[0], my[0],
           ok ? "PASS" : "FAIL");
    free(x); free(y); free(lab); free(lab_ref);
    return ok ? 0 : 1;
}
