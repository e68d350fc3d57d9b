/*---
id: mpi-gatherv-variable
title: Collect different amounts of data from each rank with MPI_Gatherv
descriptions:
  - gather arrays of different lengths from all processes
  - MPI_Gatherv example, first gather the counts then the data
  - each rank found a different number of results, collect them on rank 0
api: mpi
lang: c
constructs: [MPI_Gather, MPI_Gatherv]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 40

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Each rank tests the numbers rank, rank+size, rank+2*size, ... < N and keeps
       the multiples of 3: how many it keeps differs from rank to rank. */
    int found[N], nfound = 0;
    for (int x = rank; x < N; x += size)
        if (x % 3 == 0) found[nfound++] = x;

    /* Step 1: the root learns every rank's count. */
    int *counts = NULL, *displs = NULL, *all = NULL, total = 0;
    if (rank == 0) counts = malloc(size * sizeof *counts);
    MPI_Gather(&nfound, 1, MPI_INT, counts, 1, MPI_INT, 0, MPI_COMM_WORLD);

    /* Step 2: the root computes displacements and allocates the result. */
    if (rank == 0) {
        displs = malloc(size * sizeof *displs);
        for (int r = 0; r < size; r++) {
            displs[r] = total;
            total += counts[r];
        }
        all = malloc((total > 0 ? total : 1) * sizeof *all);
    }

    /* Step 3: variable-length gather; rank r's data lands at all[displs[r]]. */
    MPI_Gatherv(found, nfound, MPI_INT, all, counts, displs, MPI_INT, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        /* Expect every multiple of 3 below N exactly once. */
        int seen[N] = {0};
        for (int i = 0; i < total; i++) seen[all[i]]++;
        for (int x = 0; x < N; x++)
            if (seen[x] != (x % 3 == 0)) ok = 0;
        printf("gathered %d multiples of 3 from %d ranks: %s\n", total, size, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(counts); free(displs); free(all);
    MPI_Finalize();
    return ok ? 0 : 1;
}
