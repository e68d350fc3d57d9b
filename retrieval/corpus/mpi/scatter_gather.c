/*---
id: mpi-scatter-gather
title: Distribute an array with MPI_Scatter, work on the pieces, collect with MPI_Gather
descriptions:
  - split an array among processes and collect the results back
  - MPI_Scatter and MPI_Gather example
  - rank 0 has the data, each process squares its part
api: mpi
lang: c
constructs: [MPI_Scatter, MPI_Gather]
pattern: map
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define PER_RANK 5 /* MPI_Scatter gives every rank the same count */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int n = PER_RANK * size;

    /* The full arrays only exist on the root. */
    double *full = NULL, *result = NULL;
    if (rank == 0) {
        full = malloc(n * sizeof *full);
        result = malloc(n * sizeof *result);
        for (int i = 0; i < n; i++) full[i] = i + 1.0;
    }

    /* Rank r receives full[r*PER_RANK .. r*PER_RANK + PER_RANK - 1]. */
    double part[PER_RANK];
    MPI_Scatter(full, PER_RANK, MPI_DOUBLE, part, PER_RANK, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    for (int i = 0; i < PER_RANK; i++) part[i] = part[i] * part[i];

    /* Pieces come back to the root in rank order. */
    MPI_Gather(part, PER_RANK, MPI_DOUBLE, result, PER_RANK, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        for (int i = 0; i < n; i++)
            if (result[i] != (i + 1.0) * (i + 1.0)) ok = 0;
        free(full);
        free(result);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("scatter/square/gather of %d values: %s\n", n, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
