/* Driver for mpi-global-sum: uneven blocks; every rank's result is checked. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

double global_sum(const double *local, long n_local, MPI_Comm comm);

/* Deterministic inputs: splitmix64 hash of the global index, so each rank builds its own block. */
static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double value(long i) {
    unsigned long long h = mix64((unsigned long long)i);
    double m = 0.5 + (double)(h >> 11) * (1.0 / 9007199254740992.0);
    return (h & 1) ? m : -m;
}

/* Block distribution: rank r of p owns n/p elements, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(const double *a, long n) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += a[i];
    return s;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 30000007;
    long start, count;
    block(n, size, rank, &start, &count);
    double *local = malloc(count * sizeof *local);
    if (!local) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long i = 0; i < count; i++) local[i] = value(start + i);

    /* serial reference on rank 0, over the whole array */
    double res[2] = {0.0, 0.0}, ref_time = 0.0; /* reference, tolerance scale */
    if (rank == 0) {
        double *all = malloc(n * sizeof *all);
        if (!all) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++) {
            all[i] = value(i);
            res[1] += fabs(all[i]);
        }
        double t0 = MPI_Wtime();
        res[0] = reference(all, n);
        ref_time = MPI_Wtime() - t0;
        free(all);
    }
    MPI_Bcast(res, 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    double got = global_sum(local, count, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = fabs(got - res[0]) <= 1e-10 * res[1], all_ok;
    if (!ok) fprintf(stderr, "rank %d: wrong sum: got %.17g, expected %.17g\n", rank, got, res[0]);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(local);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
