/* Driver for mpi-kmeans-step: one starting centroid is far from every point (its cluster is
   empty); the updated centroids are checked on every rank. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kmeans_step_dist(const double *points, long n_local, int d, int k, double *centroids, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }
/* coordinate j of global point i: scattered around 12 blob centres in [0, 10)^d */
static double coord(long i, int j, int d) {
    long blob = (long)(mix64(i) % 12);
    return 10.0 * u01(blob * 16 + j + 0xB10B0000ULL) + 2.0 * (u01(i * d + j) - 0.5);
}

/* Block distribution: rank r of p owns n/p points, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const double *pts, long n, int d, int k, double *cent) {
    double *sum = calloc((size_t)k * d, sizeof *sum);
    long *cnt = calloc(k, sizeof *cnt);
    for (long i = 0; i < n; i++) {
        const double *p = pts + i * d;
        int best = 0;
        double bestd = INFINITY;
        for (int c = 0; c < k; c++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                double t = p[j] - cent[c * d + j];
                s += t * t;
            }
            if (s < bestd) {
                bestd = s;
                best = c;
            }
        }
        cnt[best]++;
        for (int j = 0; j < d; j++) sum[best * d + j] += p[j];
    }
    for (int c = 0; c < k; c++)
        if (cnt[c] > 0)
            for (int j = 0; j < d; j++) cent[c * d + j] = sum[c * d + j] / cnt[c];
    free(sum);
    free(cnt);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 2000003;
    const int d = 4, k = 16, empty = 5;
    long start, count;
    block(n, size, rank, &start, &count);
    double *pts = malloc(count * d * sizeof *pts), cent[16 * 4], ref[16 * 4];
    if (!pts) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long i = 0; i < count; i++)
        for (int j = 0; j < d; j++) pts[i * d + j] = coord(start + i, j, d);
    for (int c = 0; c < k; c++)
        for (int j = 0; j < d; j++) cent[c * d + j] = c == empty ? 1000.0 : coord((c * 7919L) % n, j, d);
    memcpy(ref, cent, sizeof cent);

    double ref_time = 0.0;
    if (rank == 0) {
        double *all = malloc(n * d * sizeof *all);
        if (!all) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++)
            for (int j = 0; j < d; j++) all[i * d + j] = coord(i, j, d);
        double t0 = MPI_Wtime();
        reference(all, n, d, k, ref);
        ref_time = MPI_Wtime() - t0;
        free(all);
    }
    MPI_Bcast(ref, k * d, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    kmeans_step_dist(pts, count, d, k, cent, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = 1, all_ok;
    for (int c = 0; c < k && ok; c++)
        for (int j = 0; j < d; j++)
            if (!(fabs(cent[c * d + j] - ref[c * d + j]) <= 1e-10 * (fabs(ref[c * d + j]) + 1.0))) {
                fprintf(stderr, "rank %d: wrong centroid %d coordinate %d: got %.17g, expected %.17g\n", rank, c, j,
                        cent[c * d + j], ref[c * d + j]);
                ok = 0;
                break;
            }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(pts);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
