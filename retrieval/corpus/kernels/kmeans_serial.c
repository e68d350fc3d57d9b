/*---
id: kern-kmeans-serial
title: k-means clustering (Lloyd's algorithm) on 2D points, serial
descriptions:
  - k-means clustering in C
  - assign points to the nearest centroid and recompute the centroids
  - Lloyd iteration until the assignment stops changing
api: serial
lang: c
constructs: [k-means, Lloyd iteration]
pattern: clustering
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 30000
#define K 4

int main(void) {
    /* Points in K well separated blobs; point i belongs to blob i % K. */
    static const double cx[K] = {0, 10, 0, 10}, cy[K] = {0, 0, 10, 10};
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    int *label = malloc(N * sizeof *label);
    for (int i = 0; i < N; i++) {
        x[i] = cx[i % K] + sin(0.37 * i);
        y[i] = cy[i % K] + cos(0.51 * i);
        label[i] = -1;
    }
    double mx[K], my[K];
    for (int k = 0; k < K; k++) { mx[k] = x[k]; my[k] = y[k]; } /* initial guesses */

    int changed = 1, iters = 0;
    while (changed && iters < 100) {
        changed = 0;
        for (int i = 0; i < N; i++) { /* assignment step */
            int best = 0;
            double bd = INFINITY;
            for (int k = 0; k < K; k++) {
                double d = (x[i] - mx[k]) * (x[i] - mx[k]) + (y[i] - my[k]) * (y[i] - my[k]);
                if (d < bd) { bd = d; best = k; }
            }
            if (label[i] != best) { label[i] = best; changed = 1; }
        }
        double sx[K] = {0}, sy[K] = {0};
        int cnt[K] = {0};
        for (int i = 0; i < N; i++) { sx[label[i]] += x[i]; sy[label[i]] += y[i]; cnt[label[i]]++; }
        for (int k = 0; k < K; k++) /* update step */
            if (cnt[k]) { mx[k] = sx[k] / cnt[k]; my[k] = sy[k] / cnt[k]; }
        iters++;
    }

    /* Independent check: every point is labelled with its own blob, and each
       centroid is the plain mean of that blob's points. */
    int ok = 1;
    for (int i = 0; i < N; i++) if (label[i] != i % K) ok = 0;
    for (int k = 0; k < K; k++) {
        double sx = 0, sy = 0;
        for (int i = k; i < N; i += K) { sx += x[i]; sy += y[i]; }
        if (fabs(mx[k] - sx / (N / K)) > 1e-9 || fabs(my[k] - sy / (N / K)) > 1e-9) ok = 0;
    }
    printf("k-means converged in %d iterations, centroid 3 = (%.3f, %.3f): %s\n", iters, mx[3], my[3], ok ? "PASS" : "FAIL");
    free(x); free(y); free(label);
    return ok ? 0 : 1;
}
