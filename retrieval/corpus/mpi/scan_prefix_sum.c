/*---
id: mpi-scan-prefix-sum
title: Global prefix sum of a distributed array with MPI_Scan
descriptions:
  - cumulative sum across processes
  - MPI_Scan example, inclusive prefix sum over ranks
  - running total of an array that is split over several ranks
api: mpi
lang: c
constructs: [MPI_Scan, MPI_SUM]
pattern: scan
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 30

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int nloc = N / size + (rank < N % size);
    int first = rank * (N / size) + (rank < N % size ? rank : N % size);
    long *a = malloc(nloc * sizeof *a);
    for (int i = 0; i < nloc; i++) a[i] = first + i + 1; /* a = 1, 2, ..., N */

    /* 1) prefix sum inside the local block */
    for (int i = 1; i < nloc; i++) a[i] += a[i - 1];
    long block_total = nloc > 0 ? a[nloc - 1] : 0;

    /* 2) MPI_Scan: rank r gets block_total(0) + ... + block_total(r) (inclusive). */
    long upto_me;
    MPI_Scan(&block_total, &upto_me, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);

    /* 3) add the sum of all blocks BEFORE mine */
    long before = upto_me - block_total;
    for (int i = 0; i < nloc; i++) a[i] += before;

    /* Prefix sum of 1..g+1 is (g+1)(g+2)/2. */
    int ok = 1;
    for (int i = 0; i < nloc; i++) {
        long g = first + i;
        if (a[i] != (g + 1) * (g + 2) / 2) ok = 0;
    }
    free(a);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("distributed prefix sum of %d values: %s\n", N, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
