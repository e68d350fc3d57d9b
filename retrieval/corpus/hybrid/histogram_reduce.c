/*---
id: hyb-histogram
title: Hybrid histogram - OpenMP array reduction per rank, MPI_Reduce across ranks
descriptions:
  - count values into bins using all nodes and all cores
  - build a histogram in parallel without atomics using an array reduction
  - reduction on an array section then MPI_Reduce of the bin counts
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel for, "reduction(+:hist[:NBINS])", MPI_Reduce]
pattern: histogram
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <omp.h>
#include <stdio.h>

#define N 1000003L
#define NBINS 16

/* Deterministic pseudo-random data: a value in [0, 1) for global index i. */
static double sample(long i) { return (double)((i * 2654435761L) % 1000003L) / 1000003.0; }

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
    long lo = N * rank / size, hi = N * (rank + 1) / size;

    /* Each thread fills a private copy of hist (OpenMP 4.5 array-section
       reduction); the copies are summed when the loop ends.  No atomics. */
    long hist[NBINS] = {0};
#pragma omp parallel for reduction(+ : hist[:NBINS])
    for (long i = lo; i < hi; i++) hist[(int)(sample(i) * NBINS)]++;

    /* Add the per-rank histograms on rank 0. */
    long total[NBINS];
    MPI_Reduce(hist, total, NBINS, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        long ref[NBINS] = {0}, count = 0;
        for (long i = 0; i < N; i++) ref[(int)(sample(i) * NBINS)]++;
        for (int b = 0; b < NBINS; b++) {
            if (total[b] != ref[b]) ok = 0;
            count += total[b];
        }
        ok = ok && count == N;
        printf("bin 0 = %ld, bin %d = %ld, total = %ld: %s\n", total[0], NBINS - 1, total[NBINS - 1], count,
               ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
