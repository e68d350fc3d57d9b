/* Bug: the coordinate sums are reduced over all ranks, but divided by the local counts. */
#include <mpi.h>
#include <stdlib.h>

void kmeans_step_dist(const double *points, long n_local, int d, int k, double *centroids, MPI_Comm comm) {
    double *sum = calloc((size_t)k * d, sizeof *sum);
    long *cnt = calloc(k, sizeof *cnt);
    for (long i = 0; i < n_local; i++) {
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
        cnt[best]++;
        for (int j = 0; j < d; j++) sum[best * d + j] += points[i * d + j];
    }
    MPI_Allreduce(MPI_IN_PLACE, sum, k * d, MPI_DOUBLE, MPI_SUM, comm);
    for (int c = 0; c < k; c++)
        if (cnt[c] > 0)
            for (int j = 0; j < d; j++) centroids[c * d + j] = sum[c * d + j] / cnt[c];
    free(sum);
    free(cnt);
}
