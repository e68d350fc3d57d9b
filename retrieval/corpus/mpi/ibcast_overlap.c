/*---
id: mpi-ibcast-overlap
title: Non-blocking broadcast with MPI_Ibcast while ranks prepare local data
descriptions:
  - MPI_Ibcast example
  - broadcast a large array without blocking, then wait before using it
  - start sending the coefficients to everyone and keep initialising meanwhile
api: mpi
lang: c
constructs: [MPI_Ibcast, MPI_Wait, MPI_Allreduce]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define NCOEF 4096
#define NLOC 1000

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Rank 0 owns a table of coefficients that everyone needs. */
    double *coef = malloc(NCOEF * sizeof *coef);
    if (rank == 0)
        for (int i = 0; i < NCOEF; i++) coef[i] = 1.0 / (i + 1);

    /* Start the broadcast. Like every collective, all ranks must call it, in the
       same order relative to other collectives on this communicator. */
    MPI_Request req;
    MPI_Ibcast(coef, NCOEF, MPI_DOUBLE, 0, MPI_COMM_WORLD, &req);

    /* Meanwhile: set up local data that does not need coef. */
    double *x = malloc(NLOC * sizeof *x);
    for (int i = 0; i < NLOC; i++) x[i] = rank + (i % 7);

    /* coef is only valid (and, on the root, modifiable) after the wait. */
    MPI_Wait(&req, MPI_STATUS_IGNORE);
    double acc = 0.0;
    for (int i = 0; i < NLOC; i++) acc += coef[i % NCOEF] * x[i];

    int ok = 1;
    for (int i = 0; i < NCOEF; i++)
        if (coef[i] != 1.0 / (i + 1)) ok = 0;
    if (!(acc >= 0.0)) ok = 0;
    free(coef);
    free(x);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Ibcast of %d coefficients: %s\n", NCOEF, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
