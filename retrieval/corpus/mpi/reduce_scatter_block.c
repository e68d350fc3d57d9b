/*---
id: mpi-reduce-scatter-block
title: Sum vectors across ranks and keep one equal block each with MPI_Reduce_scatter_block
descriptions:
  - MPI_Reduce_scatter_block example
  - reduce then scatter equal-size pieces in a single call
  - each rank contributes a full vector but only needs its slice of the sum
api: mpi
lang: c
constructs: [MPI_Reduce_scatter_block, MPI_Allreduce]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define B 6 /* block size each rank receives */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Each rank contributes a full vector of length B*size, e.g. partial results
       of a matrix-vector product over its columns. */
    int n = B * size;
    double *partial = malloc(n * sizeof *partial);
    for (int i = 0; i < n; i++) partial[i] = (rank + 1) * 0.5 + i;

    /* result[k] = sum over ranks of partial[rank*B + k]: rank r keeps block r. */
    double result[B];
    MPI_Reduce_scatter_block(partial, result, B, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);

    /* Sum over ranks q of ((q+1)*0.5 + i) = 0.5*size(size+1)/2 + size*i, i = rank*B + k. */
    int ok = 1;
    for (int k = 0; k < B; k++) {
        double expected = 0.25 * size * (size + 1) + (double)size * (rank * B + k);
        if (result[k] != expected) ok = 0;
    }
    free(partial);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Reduce_scatter_block, %d values per rank: %s\n", B, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
