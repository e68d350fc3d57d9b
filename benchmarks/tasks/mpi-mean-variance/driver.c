/* Driver for mpi-mean-variance: the data has a trend, so blocks have different means and
   averaging per-block variances is caught. Checked on every rank. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

void mean_variance(const double *local, long n_local, MPI_Comm comm, double *mean, double *var);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double value(long i, long n) {
    return 10.0 + 3.0 * (double)i / (double)n + (double)(mix64((unsigned long long)i) >> 11) * (1.0 / 9007199254740992.0);
}

/* Block distribution: rank r of p owns n/p elements, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference (two passes), kept out of line. */
static __attribute__((noinline)) void reference(const double *a, long n, double *mean, double *var) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += a[i];
    double m = s / n, q = 0.0;
    for (long i = 0; i < n; i++) q += (a[i] - m) * (a[i] - m);
    *mean = m;
    *var = q / n;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 20000003;
    long start, count;
    block(n, size, rank, &start, &count);
    double *local = malloc(count * sizeof *local);
    if (!local) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long i = 0; i < count; i++) local[i] = value(start + i, n);

    double ref[2] = {0.0, 0.0}, ref_time = 0.0;
    if (rank == 0) { /* serial reference over the whole data set */
        double *all = malloc(n * sizeof *all), sink = 0.0;
        if (!all) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++) sink += (all[i] = value(i, n));
        if (sink < 0.0) MPI_Abort(MPI_COMM_WORLD, 2);
        double t0 = MPI_Wtime();
        reference(all, n, &ref[0], &ref[1]);
        ref_time = MPI_Wtime() - t0;
        free(all);
    }
    MPI_Bcast(ref, 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    double mean = NAN, var = NAN;
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    mean_variance(local, count, MPI_COMM_WORLD, &mean, &var);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    /* the variance may be computed in one pass (sum of squares): allow for its cancellation */
    int ok = fabs(mean - ref[0]) <= 1e-10 * fabs(ref[0]) && fabs(var - ref[1]) <= 1e-8 * ref[1], all_ok;
    if (!ok)
        fprintf(stderr, "rank %d: wrong result: got mean %.17g var %.17g, expected mean %.17g var %.17g\n",
                rank, mean, var, ref[0], ref[1]);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(local);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
