/* Driver for mpi-scatter-gather: n is odd, so uneven pieces are required; the whole array on
   rank 0 is checked. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void transform_on_root(double *data, long n, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(double *a, long n) {
    for (long i = 0; i < n; i++) a[i] = sqrt(a[i]) * sin(a[i]) + cos(3 * a[i]) / (1 + a[i]);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const long n = 3000001;

    double *data = NULL, *ref = NULL, ref_time = 0.0;
    if (rank == 0) {
        data = malloc(n * sizeof *data);
        ref = malloc(n * sizeof *ref);
        if (!data || !ref) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++) data[i] = 100.0 * u01(i);
        memcpy(ref, data, n * sizeof *data);
        double t0 = MPI_Wtime();
        reference(ref, n);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    transform_on_root(data, n, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = 1, all_ok;
    if (rank == 0)
        for (long i = 0; i < n; i++)
            if (!(fabs(data[i] - ref[i]) <= 1e-12 * (fabs(ref[i]) + 1.0))) {
                fprintf(stderr, "rank 0: wrong data[%ld]: got %.17g, expected %.17g\n", i, data[i], ref[i]);
                ok = 0;
                break;
            }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(data);
    free(ref);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
