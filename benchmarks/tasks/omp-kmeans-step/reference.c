#include <math.h>
#include <stdlib.h>

void kmeans_step(const double *points, long n, int d, int k, double *centroids, int *assign) {
    double *sum = calloc((size_t)k * d, sizeof *sum);
    long *count = calloc(k, sizeof *count);
#pragma omp parallel
    {
        double *lsum = calloc((size_t)k * d, sizeof *lsum);
        long *lcount = calloc(k, sizeof *lcount);
#pragma omp for schedule(static)
        for (long i = 0; i < n; i++) {
            const double *p = points + i * d;
            int best = 0;
            double bestd = INFINITY;
            for (int c = 0; c < k; c++) {
                double s = 0.0;
                for (int j = 0; j < d; j++) {
                    double t = p[j] - centroids[c * d + j];
                    s += t * t;
                }
                if (s < bestd) {
                    bestd = s;
                    best = c;
                }
            }
            assign[i] = best;
            lcount[best]++;
            for (int j = 0; j < d; j++) lsum[best * d + j] += p[j];
        }
        /* the implicit barrier above: nobody reads the centroids any more */
#pragma omp critical
        {
            for (int c = 0; c < k; c++) {
                count[c] += lcount[c];
                for (int j = 0; j < d; j++) sum[c * d + j] += lsum[c * d + j];
            }
        }
        free(lsum);
        free(lcount);
    }
    for (int c = 0; c < k; c++)
        if (count[c] > 0)
            for (int j = 0; j < d; j++) centroids[c * d + j] = sum[c * d + j] / count[c];
    free(sum);
    free(count);
}
