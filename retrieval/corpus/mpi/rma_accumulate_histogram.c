/*---
id: mpi-rma-accumulate-histogram
title: Build a histogram on rank 0 with MPI_Accumulate and fences
descriptions:
  - several processes add into the same remote array safely
  - MPI_Accumulate example with MPI_SUM
  - one-sided atomic update of counters on another rank
api: mpi
lang: c
constructs: [MPI_Win_allocate, MPI_Accumulate, MPI_Win_fence, MPI_SUM]
pattern: one-sided
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define NBINS 8
#define NSAMPLES 500

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Only rank 0's histogram is in the window; the others expose 0 bytes. */
    long *hist;
    MPI_Win win;
    MPI_Win_allocate(rank == 0 ? NBINS * sizeof(long) : 0, sizeof(long), MPI_INFO_NULL, MPI_COMM_WORLD, &hist, &win);
    if (rank == 0)
        for (int b = 0; b < NBINS; b++) hist[b] = 0;

    long local[NBINS] = {0};
    for (int i = 0; i < NSAMPLES; i++) local[(i * 5 + rank) % NBINS]++;

    /* Many ranks update the same bins concurrently: with MPI_Put that would be a
       race, but MPI_Accumulate applies MPI_SUM element-wise and atomically. */
    MPI_Win_fence(0, win);
    MPI_Accumulate(local, NBINS, MPI_LONG, 0, 0, NBINS, MPI_LONG, MPI_SUM, win);
    MPI_Win_fence(0, win);

    int ok = 1;
    if (rank == 0) {
        long total = 0;
        for (int b = 0; b < NBINS; b++) {
            long expected = 0;
            for (int r = 0; r < size; r++)
                for (int i = 0; i < NSAMPLES; i++) expected += (i * 5 + r) % NBINS == b;
            if (hist[b] != expected) ok = 0;
            total += hist[b];
        }
        if (total != (long)NSAMPLES * size) ok = 0;
        printf("histogram of %ld samples via MPI_Accumulate: %s\n", total, ok ? "PASS" : "FAIL");
    }
    MPI_Win_free(&win);
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
