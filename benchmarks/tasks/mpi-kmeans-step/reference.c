#include <math.h>
#include <mpi.h>
#include <stdlib.h>

void kmeans_step_dist(const double *points, long n_local, int d, int k, double *centroids, MPI_Comm comm) {
    /* one buffer: k*d coordinate sums followed by k counts, reduced in a single Allreduce */
    double *acc = calloc((size_t)k * d + k, sizeof *acc);
    double *cnt = acc + (size_t)k * d;
    for (long i = 0; i < n_local; i++) {
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
        cnt[best] += 1.0;
        for (int j = 0; j < d; j++) acc[best * d + j] += p[j];
    }
    MPI_Allreduce(MPI_IN_PLACE, acc, k * d + k, MPI_DOUBLE, MPI_SUM, comm);
    for (int c = 0; c < k; c++)
        if (cnt[c] > 0)
            for (int j = 0; j < d; j++) centroids[c * d + j] = acc[c * d + j] / cnt[c];
    free(acc);
}
