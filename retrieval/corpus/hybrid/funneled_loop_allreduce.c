/*---
id: hyb-funneled-loop
title: MPI_THREAD_FUNNELED with OpenMP loops and MPI calls outside parallel regions
descriptions:
  - combine MPI and OpenMP in the simplest safe way
  - threads do the loop and the main thread does the MPI calls afterwards
  - MPI_Init_thread with MPI_THREAD_FUNNELED example
  - how do I use OpenMP inside each MPI process
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel for, reduction(+), MPI_Allreduce]
pattern: reduce
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000003 /* global length, deliberately not divisible by the rank count */

int main(int argc, char **argv) {
    /* FUNNELED: only the thread that called MPI_Init_thread may call MPI.
       Ask for it and check what the library actually provides. */
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
        fprintf(stderr, "MPI library does not support MPI_THREAD_FUNNELED\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Block distribution of the global index range [0, N) over the ranks. */
    long lo = (long)N * rank / size, hi = (long)N * (rank + 1) / size;
    long n = hi - lo;
    double *x = malloc((n > 0 ? n : 1) * sizeof *x);

    /* Threads share the local work: fill and sum the rank's block. */
    double local = 0.0;
#pragma omp parallel for reduction(+ : local)
    for (long i = 0; i < n; i++) {
        x[i] = (double)(lo + i + 1); /* global value i+1 */
        local += x[i];
    }

    /* Back in serial code: the main thread does the MPI call. */
    double total = 0.0;
    MPI_Allreduce(&local, &total, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);

    double expected = (double)N * (N + 1) / 2.0; /* 1 + 2 + ... + N */
    int ok = total == expected; /* every partial sum is an exact integer */
    if (rank == 0)
        printf("sum = %.0f (%d ranks x %d threads): %s\n", total, size, omp_get_max_threads(),
               ok ? "PASS" : "FAIL");
    free(x);
    MPI_Finalize();
    return ok ? 0 : 1;
}
