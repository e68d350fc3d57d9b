/*---
id: hyb-prefix-sum
title: Hybrid prefix sum - thread-level two-pass scan plus MPI_Exscan of rank totals
descriptions:
  - running total (cumulative sum) of an array distributed over processes
  - inclusive prefix sum with MPI and OpenMP together
  - how do I get the offset of my block from the ranks before me, MPI_Exscan example
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel, for schedule(static), barrier, single, MPI_Exscan]
pattern: scan
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000003L

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
    long lo = N * rank / size, n = N * (rank + 1) / size - lo;
    long *a = malloc((n ? n : 1) * sizeof *a);
    for (long i = 0; i < n; i++) a[i] = lo + i + 1; /* global values 1, 2, 3, ... */

    int nt = omp_get_max_threads();
    long *partial = calloc(nt + 1, sizeof *partial); /* partial[t+1] = sum of thread t's chunk */
#pragma omp parallel num_threads(nt)
    {
        int t = omp_get_thread_num();
        /* Pass 1: each thread scans its own chunk (same static split in both loops). */
        long s = 0;
#pragma omp for schedule(static)
        for (long i = 0; i < n; i++) { s += a[i]; a[i] = s; }
        partial[t + 1] = s;
#pragma omp barrier
        /* One thread turns the chunk sums into chunk offsets. */
#pragma omp single
        for (int k = 1; k <= nt; k++) partial[k] += partial[k - 1];
        /* Pass 2: add the offset of the chunks before mine. */
        long off = partial[t];
#pragma omp for schedule(static)
        for (long i = 0; i < n; i++) a[i] += off;
    }

    /* Offset from the ranks before me: exclusive scan of the rank totals.
       MPI_Exscan leaves rank 0's result undefined, so set it to 0. */
    long mytotal = n ? a[n - 1] : 0, offset = 0;
    MPI_Exscan(&mytotal, &offset, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) offset = 0;
    for (long i = 0; i < n; i++) a[i] += offset;

    /* Closed form: the prefix sum of 1..k is k(k+1)/2. */
    int ok = 1;
    for (long i = 0; i < n; i++) {
        long k = lo + i + 1;
        if (a[i] != k * (k + 1) / 2) { ok = 0; break; }
    }
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("prefix sums of 1..%ld on %d ranks x %d threads: %s\n", N, size, nt, ok ? "PASS" : "FAIL");
    free(a);
    free(partial);
    MPI_Finalize();
    return ok ? 0 : 1;
}
