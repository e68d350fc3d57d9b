/*---
id: mpi-allgather-sizes
title: Every rank learns every other rank's value with MPI_Allgather
descriptions:
  - each process needs to know how many items every other process has
  - MPI_Allgather example
  - gather one value from each rank and give the whole list to everyone
api: mpi
lang: c
constructs: [MPI_Allgather]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Each rank owns a different number of items ... */
    int mycount = 3 * rank + 2;

    /* ... and everyone gets the full table: counts[r] = rank r's count. */
    int *counts = malloc(size * sizeof *counts);
    MPI_Allgather(&mycount, 1, MPI_INT, counts, 1, MPI_INT, MPI_COMM_WORLD);

    /* A typical use: each rank computes where its items start in a global numbering. */
    int start = 0, total = 0;
    for (int r = 0; r < size; r++) {
        if (r < rank) start += counts[r];
        total += counts[r];
    }

    int ok = 1;
    for (int r = 0; r < size; r++)
        if (counts[r] != 3 * r + 2) ok = 0;
    /* start = sum_{r<rank} (3r+2), total = sum over all ranks */
    if (start != 3 * rank * (rank - 1) / 2 + 2 * rank) ok = 0;
    if (total != 3 * size * (size - 1) / 2 + 2 * size) ok = 0;
    free(counts);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Allgather: %d items in total: %s\n", total, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
