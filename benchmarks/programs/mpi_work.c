/* Benchmark workload for benchmarks/bench_overhead.py.
 *
 * Each rank runs a dependent floating-point recurrence for ITERATIONS steps
 * (argv[1]; bench_overhead.py calibrates it so that each rank computes for
 * about 0.5 s), then the ranks combine their results with MPI_Allreduce and rank 0
 * prints the sum. Rank 0 also prints its compute time (wall and CPU) on stderr
 * for the calibration and the report.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double thread_cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    long iterations = argc > 1 ? atol(argv[1]) : 100000000L;
    double t0 = MPI_Wtime(), c0 = thread_cpu_s();
    /* Four independent chains keep the FPU busy; the result depends on every step. */
    double a = 1.0 + rank * 1e-9, b = 0.5, c = 0.25, d = 0.125;
    for (long i = 0; i < iterations; i++) {
        a = a * 0.999999 + 1e-7;
        b = b * 0.999998 + 2e-7;
        c = c * 0.999997 + 3e-7;
        d = d * 0.999996 + 4e-7;
    }
    double local = a + b + c + d, total = 0.0;
    double compute_s = MPI_Wtime() - t0, cpu_s = thread_cpu_s() - c0;
    MPI_Allreduce(&local, &total, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("ranks=%d iterations=%ld result=%.12f\n", size, iterations, total);
        fprintf(stderr, "compute_s=%.6f cpu_s=%.6f\n", compute_s, cpu_s);
    }
    MPI_Finalize();
    return 0;
}
