/* Bug: divides by the cluster size even when it is 0 (an empty cluster becomes NaN). */
#include <stdlib.h>

void kmeans_step(const double *points, long n, int d, int k, double *centroids, int *assign) {
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        int best = 0;
        double bestd = 1e300;
        for (int c = 0; c < k; c++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                double t = points[i * d + j] - centroids[c * d + j];
                s += t * t;
            }
            if (s < bestd) {
                bestd = s;
                best = c;
            }
        }
        assign[i] = best;
    }
    double *sum = calloc((size_t)k * d, sizeof *sum);
    long *count = calloc(k, sizeof *count);
    for (long i = 0; i < n; i++) {
        count[assign[i]]++;
        for (int j = 0; j < d; j++) sum[assign[i] * d + j] += points[i * d + j];
    }
    for (int c = 0; c < k; c++)
        for (int j = 0; j < d; j++) centroids[c * d + j] = sum[c * d + j] / count[c];
    free(sum);
    free(count);
}
