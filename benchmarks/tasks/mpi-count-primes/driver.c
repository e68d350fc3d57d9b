/* Driver for mpi-count-primes: hi - lo is odd and hi - 1 is prime, so a split that drops the
   remainder of (hi - lo) / size is caught. Only rank 0's result is checked. */
#include <mpi.h>
#include <stdio.h>

long count_primes(long lo, long hi, MPI_Comm comm);

static int is_prime(long m) {
    if (m < 2) return 0;
    if (m % 2 == 0) return m == 2;
    for (long d = 3; d * d <= m; d += 2)
        if (m % d == 0) return 0;
    return 1;
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) long reference(long lo, long hi) {
    long c = 0;
    for (long m = lo; m < hi; m++) c += is_prime(m);
    return c;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const long lo = 20000001, hi = 20150022; /* 20150021 is prime */

    long ref = 0;
    double ref_time = 0.0;
    if (rank == 0) {
        double t0 = MPI_Wtime();
        ref = reference(lo, hi);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    long got = count_primes(lo, hi, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = rank != 0 || got == ref, all_ok;
    if (!ok) fprintf(stderr, "rank 0: wrong count: got %ld, expected %ld\n", got, ref);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
