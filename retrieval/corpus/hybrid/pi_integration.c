/*---
id: hyb-pi
title: Compute pi by numerical integration with MPI processes and OpenMP threads
descriptions:
  - calculate pi in parallel with MPI and OpenMP
  - integrate 4/(1+x^2) with the midpoint rule across nodes and cores
  - hybrid MPI OpenMP hello world style pi example with MPI_Reduce
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel for, reduction(+), MPI_Reduce, MPI_Bcast]
pattern: reduce
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>

#define PI 3.14159265358979323846

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
        fprintf(stderr, "MPI_THREAD_FUNNELED not supported\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Rank 0 chooses the number of intervals and tells everybody. */
    long n = 0;
    if (rank == 0) n = 5000000;
    MPI_Bcast(&n, 1, MPI_LONG, 0, MPI_COMM_WORLD);
    double h = 1.0 / (double)n;

    /* Each rank takes a contiguous block of intervals; its threads split it. */
    long lo = n * rank / size, hi = n * (rank + 1) / size;
    double local = 0.0;
#pragma omp parallel for reduction(+ : local)
    for (long i = lo; i < hi; i++) {
        double x = h * ((double)i + 0.5); /* midpoint of interval i */
        local += 4.0 / (1.0 + x * x);
    }
    local *= h;

    double pi = 0.0;
    MPI_Reduce(&local, &pi, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        ok = fabs(pi - PI) < 1e-10; /* midpoint error ~ h^2/12 */
        printf("pi ~ %.12f (error %.1e), %d ranks x %d threads: %s\n", pi, fabs(pi - PI), size,
               omp_get_max_threads(), ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
