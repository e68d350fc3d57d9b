/*---
id: mpi-exscan-offsets
title: Compute each rank's starting offset with MPI_Exscan
descriptions:
  - where does my data start in the global array
  - MPI_Exscan exclusive prefix sum example
  - compute global indices when each process has a different number of items
api: mpi
lang: c
constructs: [MPI_Exscan, MPI_Allreduce]
pattern: scan
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Each rank produced a different number of items (e.g. particles). */
    long mycount = 10 + 3 * rank;

    /* Exclusive scan: rank r receives count(0) + ... + count(r-1).
       On rank 0 the result is UNDEFINED (MPI leaves it untouched), so set it. */
    long offset = 0;
    MPI_Exscan(&mycount, &offset, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) offset = 0;

    /* My items get the global ids offset, offset+1, ..., offset+mycount-1;
       together the ranks number 0 .. total-1 without gaps. */
    long total;
    MPI_Allreduce(&mycount, &total, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);

    long expected = 10L * rank + 3L * rank * (rank - 1) / 2;
    int ok = offset == expected;
    if (rank == size - 1 && offset + mycount != total) ok = 0;

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Exscan offsets, %ld items in total: %s\n", total, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
