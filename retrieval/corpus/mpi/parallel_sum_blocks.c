/*---
id: mpi-parallel-sum-blocks
title: Parallel sum of 1..N with a block distribution and MPI_Reduce
descriptions:
  - add up the numbers from 1 to N using several processes
  - split a loop range among MPI ranks and combine the partial sums
  - simple parallel sum in MPI
api: mpi
lang: c
constructs: [MPI_Reduce, MPI_SUM, MPI_Bcast]
pattern: reduce
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

    const long N = 10000003; /* any N works, also when size does not divide it */

    /* Rank r handles the contiguous range [lo, hi): the first N % size ranks
       get one number more than the others. */
    long base = N / size, rem = N % size;
    long lo = 1 + rank * base + (rank < rem ? rank : rem);
    long hi = lo + base + (rank < rem);

    long long partial = 0;
    for (long i = lo; i < hi; i++) partial += i;

    /* Partial sums are added on rank 0. */
    long long total = 0;
    MPI_Reduce(&partial, &total, 1, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        long long expected = (long long)N * (N + 1) / 2;
        ok = total == expected;
        printf("sum 1..%ld = %lld (expected %lld): %s\n", N, total, expected, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
