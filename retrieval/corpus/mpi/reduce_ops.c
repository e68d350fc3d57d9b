/*---
id: mpi-reduce-ops
title: Combine values on rank 0 with MPI_Reduce using MPI_SUM, MPI_MAX and MPI_MIN
descriptions:
  - add up values from all processes on rank 0
  - MPI_Reduce example with sum, max and min
  - element-wise reduction of arrays across ranks
api: mpi
lang: c
constructs: [MPI_Reduce, MPI_SUM, MPI_MAX, MPI_MIN]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define K 4

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* A reduction works element by element: sum[i] = sum over ranks of v[i]. */
    int v[K];
    for (int i = 0; i < K; i++) v[i] = (rank + 1) * (i + 1);

    int sum[K], maxv, minv;
    MPI_Reduce(v, sum, K, MPI_INT, MPI_SUM, 0, MPI_COMM_WORLD);
    int mine = (rank * 7) % 5; /* some per-rank value */
    MPI_Reduce(&mine, &maxv, 1, MPI_INT, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Reduce(&mine, &minv, 1, MPI_INT, MPI_MIN, 0, MPI_COMM_WORLD);

    /* The results are only defined on the root. */
    int ok = 1;
    if (rank == 0) {
        int s = size * (size + 1) / 2; /* 1 + 2 + ... + size */
        for (int i = 0; i < K; i++)
            if (sum[i] != s * (i + 1)) ok = 0;
        int emax = 0, emin = 1 << 30;
        for (int r = 0; r < size; r++) {
            int x = (r * 7) % 5;
            if (x > emax) emax = x;
            if (x < emin) emin = x;
        }
        if (maxv != emax || minv != emin) ok = 0;
        printf("sum[0]=%d max=%d min=%d: %s\n", sum[0], maxv, minv, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
