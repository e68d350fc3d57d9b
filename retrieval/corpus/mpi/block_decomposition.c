/*---
id: mpi-block-decomposition
title: Split a 1D array of any length evenly over ranks (sizes, offsets, owner of an index)
descriptions:
  - divide N elements among P processes when N is not divisible by P
  - which rank owns global index i, and what is its local index
  - domain decomposition of a 1D array with uneven block sizes
api: mpi
lang: c
constructs: [MPI_Allreduce, MPI_Allgather]
pattern: decomposition
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

/* Block distribution of n items over p ranks: the first n % p ranks get one
   extra item, so sizes differ by at most 1. */
static long block_size(long n, int p, int r) { return n / p + (r < n % p); }
static long block_start(long n, int p, int r) {
    long rem = n % p;
    return r * (n / p) + (r < rem ? r : rem);
}
/* Inverse map: which rank owns global index g. */
static int block_owner(long n, int p, long g) {
    long q = n / p, rem = n % p;
    long big = rem * (q + 1); /* items held by the ranks with an extra element */
    return g < big ? (int)(g / (q + 1)) : (int)(rem + (g - big) / q);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int ok = 1;
    /* Try several lengths, including n < size (some ranks own nothing). */
    long lengths[] = {0, 1, 3, 10, 17, 1000, 1001};
    for (int t = 0; t < 7; t++) {
        long n = lengths[t];
        long nloc = block_size(n, size, rank), lo = block_start(n, size, rank);

        /* Local storage and a global <-> local index mapping. */
        double *a = malloc((nloc > 0 ? nloc : 1) * sizeof *a);
        for (long i = 0; i < nloc; i++) a[i] = (double)(lo + i); /* global index */
        for (long i = 0; i < nloc; i++)
            if (block_owner(n, size, lo + i) != rank) ok = 0;

        /* The blocks must tile [0, n) exactly: sizes add up to n ... */
        long total;
        MPI_Allreduce(&nloc, &total, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
        if (total != n) ok = 0;
        /* ... and each block starts where the previous one ends. */
        long *starts = malloc(size * sizeof *starts);
        MPI_Allgather(&lo, 1, MPI_LONG, starts, 1, MPI_LONG, MPI_COMM_WORLD);
        if (rank > 0 && starts[rank - 1] + block_size(n, size, rank - 1) != lo) ok = 0;

        double sum = 0.0, gsum;
        for (long i = 0; i < nloc; i++) sum += a[i];
        MPI_Allreduce(&sum, &gsum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        if (gsum != 0.5 * (double)n * (double)(n - 1)) ok = 0;
        free(a);
        free(starts);
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("block decomposition over %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
