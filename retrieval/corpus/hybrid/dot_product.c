/*---
id: hyb-dot-product
title: Distributed dot product of two vectors with MPI and OpenMP
descriptions:
  - dot product of two large vectors split across processes
  - inner product with threads inside each rank and MPI_Allreduce between ranks
  - every process needs the result of x . y
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel for, reduction(+), MPI_Allreduce]
pattern: reduce
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 2000001L

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

    /* Each rank owns x[lo..hi) and y[lo..hi) of the global vectors. */
    long lo = N * rank / size, n = N * (rank + 1) / size - lo;
    double *x = malloc((n ? n : 1) * sizeof *x), *y = malloc((n ? n : 1) * sizeof *y);

    /* First touch: the threads that will use the data initialise it. */
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        long g = lo + i;
        x[i] = 1.0 / (double)(g + 1);
        y[i] = (double)(g + 1) * (g % 2 ? -1.0 : 1.0); /* x*y = +1, -1, +1, ... */
    }

    double local = 0.0;
#pragma omp parallel for reduction(+ : local)
    for (long i = 0; i < n; i++) local += x[i] * y[i];

    double dot;
    MPI_Allreduce(&local, &dot, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);

    /* The terms are +1 and -1 alternately: N odd gives exactly 1 (up to rounding). */
    double expected = (N % 2) ? 1.0 : 0.0;
    int ok = fabs(dot - expected) < 1e-9;
    if (rank == 0) printf("x . y = %.12f (expected %.1f): %s\n", dot, expected, ok ? "PASS" : "FAIL");
    free(x);
    free(y);
    MPI_Finalize();
    return ok ? 0 : 1;
}
