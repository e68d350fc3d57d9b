/*---
id: mpi-in-place
title: Avoid an extra buffer with MPI_IN_PLACE in Allreduce, Reduce and Gather
descriptions:
  - MPI_IN_PLACE example
  - reduce into the same array without a separate receive buffer
  - error "buffers must not be aliased" when send and receive buffer are the same
api: mpi
lang: c
constructs: [MPI_IN_PLACE, MPI_Allreduce, MPI_Reduce, MPI_Gather]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define K 5

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int ok = 1;

    /* 1) Allreduce in place: passing the same pointer twice is illegal (aliasing);
          instead pass MPI_IN_PLACE as the send buffer on EVERY rank. */
    double v[K];
    for (int i = 0; i < K; i++) v[i] = rank + i;
    MPI_Allreduce(MPI_IN_PLACE, v, K, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    for (int i = 0; i < K; i++)
        if (v[i] != size * (size - 1) / 2.0 + (double)size * i) ok = 0;

    /* 2) Reduce in place: ONLY the root passes MPI_IN_PLACE (its buffer holds its
          own contribution on input and the result on output); others pass data. */
    long count = rank + 1;
    if (rank == 0)
        MPI_Reduce(MPI_IN_PLACE, &count, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    else
        MPI_Reduce(&count, NULL, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0 && count != (long)size * (size + 1) / 2) ok = 0;

    /* 3) Gather in place: the root's own block is already in the right slot of
          the receive buffer, so it passes MPI_IN_PLACE as the send buffer. */
    int *all = NULL;
    int mine = 10 * rank;
    if (rank == 0) {
        all = malloc(size * sizeof *all);
        all[0] = mine;
        MPI_Gather(MPI_IN_PLACE, 1, MPI_INT, all, 1, MPI_INT, 0, MPI_COMM_WORLD);
        for (int r = 0; r < size; r++)
            if (all[r] != 10 * r) ok = 0;
        free(all);
    } else {
        MPI_Gather(&mine, 1, MPI_INT, NULL, 1, MPI_INT, 0, MPI_COMM_WORLD);
    }

    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("MPI_IN_PLACE allreduce/reduce/gather: %s\n", ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
