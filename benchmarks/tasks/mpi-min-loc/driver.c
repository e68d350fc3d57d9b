/* Driver for mpi-min-loc: the minimum occurs three times (in different ranks' blocks at 2 and 4
   ranks); checked on every rank. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

void global_argmin(const double *local, long n_local, MPI_Comm comm, double *min_value, long *min_index);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double value(long i, long n) {
    if (i == n / 3 + 11 || i == n / 2 + 7 || i == n - 5) return -0.5;
    return 1.0 + (double)(mix64((unsigned long long)i) % 1000000);
}

/* Block distribution: rank r of p owns n/p elements, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) long reference(const double *a, long n) {
    long best = 0;
    double m = a[0];
    for (long i = 1; i < n; i++)
        if (a[i] < m) {
            m = a[i];
            best = i;
        }
    return best;
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
    for (long i = 0; i < count; i++) local[i] = value(start + i, n);

    long ref_index = 0;
    double ref_value = 0.0, ref_time = 0.0;
    if (rank == 0) {
        double *all = malloc(n * sizeof *all), sink = 0.0;
        if (!all) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++) sink += (all[i] = value(i, n));
        if (sink < -1e300) MPI_Abort(MPI_COMM_WORLD, 2);
        double t0 = MPI_Wtime();
        ref_index = reference(all, n);
        ref_time = MPI_Wtime() - t0;
        ref_value = all[ref_index];
        free(all);
    }
    MPI_Bcast(&ref_index, 1, MPI_LONG, 0, MPI_COMM_WORLD);
    MPI_Bcast(&ref_value, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    double got_value = 12345.0;
    long got_index = -12345;
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    global_argmin(local, count, MPI_COMM_WORLD, &got_value, &got_index);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = got_value == ref_value && got_index == ref_index, all_ok;
    if (!ok)
        fprintf(stderr, "rank %d: wrong result: got value %.17g at %ld, expected %.17g at %ld\n", rank, got_value,
                got_index, ref_value, ref_index);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(local);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
