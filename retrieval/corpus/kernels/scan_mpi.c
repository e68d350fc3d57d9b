/*---
id: kern-scan-mpi
title: Distributed prefix sum with a local scan and MPI_Scan of the block totals
descriptions:
  - prefix sum over an array split across MPI processes
  - MPI_Scan example - running total across ranks
  - each process needs the sum of all elements owned by lower ranks
api: mpi
lang: c
constructs: [MPI_Scan, MPI_Allreduce]
pattern: scan
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000003L

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    long lo = N * rank / size, n = N * (rank + 1) / size - lo;
    long *a = malloc((n > 0 ? n : 1) * sizeof *a);
    for (long i = 0; i < n; i++) a[i] = lo + i + 1; /* global values 1..N */

    /* 1. Local inclusive scan of my block. */
    for (long i = 1; i < n; i++) a[i] += a[i - 1];
    long mine = n > 0 ? a[n - 1] : 0;

    /* 2. MPI_Scan is inclusive: rank r gets total_0 + ... + total_r.
          Subtracting my own total leaves the offset from the ranks before me. */
    long upto_me;
    MPI_Scan(&mine, &upto_me, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    long offset = upto_me - mine;

    /* 3. Shift my block. */
    for (long i = 0; i < n; i++) a[i] += offset;

    int ok = 1; /* closed form: prefix of 1..k is k(k+1)/2 */
    for (long i = 0; i < n; i++) {
        long k = lo + i + 1;
        if (a[i] != k * (k + 1) / 2) { ok = 0; break; }
    }
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("distributed scan of 1..%ld on %d ranks: %s\n", N, size, ok ? "PASS" : "FAIL");
    free(a);
    MPI_Finalize();
    return ok ? 0 : 1;
}
