/* Driver for mpi-heat1d: uneven blocks; the whole rod is gathered on rank 0 and every point
   checked (the scheme is stable for r = 0.4, so rounding differences do not grow). */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void heat1d(double *u, long n_local, int steps, double r, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }
static double u0(long i, long n) { return sin(3.14159 * (i + 1) / (n + 1)) + 0.5 * u01(i); }

/* Block distribution: rank r of p owns n/p points, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(double *u, long n, int steps, double r) {
    double *a = malloc((n + 2) * sizeof *a), *b = malloc((n + 2) * sizeof *b);
    a[0] = a[n + 1] = b[0] = b[n + 1] = 0.0;
    memcpy(a + 1, u, n * sizeof *u);
    for (int s = 0; s < steps; s++) {
        for (long i = 1; i <= n; i++) b[i] = a[i] + r * (a[i - 1] - 2 * a[i] + a[i + 1]);
        double *t = a;
        a = b;
        b = t;
    }
    memcpy(u, a + 1, n * sizeof *u);
    free(a);
    free(b);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 400003;
    const int steps = 250;
    const double r = 0.4;
    long start, count;
    block(n, size, rank, &start, &count);
    double *u = malloc(count * sizeof *u);
    if (!u) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long i = 0; i < count; i++) u[i] = u0(start + i, n);

    double *ref = NULL, ref_time = 0.0;
    if (rank == 0) {
        ref = malloc(n * sizeof *ref);
        if (!ref) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++) ref[i] = u0(i, n);
        double t0 = MPI_Wtime();
        reference(ref, n, steps, r);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    heat1d(u, count, steps, r, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int q = 0; q < size; q++) {
        long s, c;
        block(n, size, q, &s, &c);
        counts[q] = (int)c;
        displs[q] = (int)s;
    }
    double *all = rank == 0 ? malloc(n * sizeof *all) : NULL;
    MPI_Gatherv(u, (int)count, MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    int ok = 1, all_ok;
    if (rank == 0)
        for (long i = 0; i < n; i++)
            if (!(fabs(all[i] - ref[i]) <= 1e-11)) {
                fprintf(stderr, "wrong u at rod point %ld: got %.17g, expected %.17g\n", i, all[i], ref[i]);
                ok = 0;
                break;
            }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(u); free(ref); free(all); free(counts); free(displs);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
