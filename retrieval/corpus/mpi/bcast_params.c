/*---
id: mpi-bcast-params
title: Broadcast run parameters from rank 0 to all ranks with MPI_Bcast
descriptions:
  - rank 0 reads the input and all processes need the same settings
  - MPI_Bcast example to share parameters
  - send the same value from one process to every other process
api: mpi
lang: c
constructs: [MPI_Bcast]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Only rank 0 "reads the input file"; other ranks start with garbage values. */
    int iparams[3] = {-1, -1, -1};   /* nx, ny, steps */
    double dparams[2] = {0.0, 0.0};  /* dt, tolerance */
    char name[32] = "";
    if (rank == 0) {
        iparams[0] = 128; iparams[1] = 64; iparams[2] = 500;
        dparams[0] = 1e-3; dparams[1] = 1e-8;
        strcpy(name, "heat-run-7");
    }

    /* Bcast is collective: EVERY rank calls it with the same root and count.
       On the root the buffer is the input; on the others it is overwritten. */
    MPI_Bcast(iparams, 3, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Bcast(dparams, 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    MPI_Bcast(name, (int)sizeof name, MPI_CHAR, 0, MPI_COMM_WORLD);

    int ok = iparams[0] == 128 && iparams[1] == 64 && iparams[2] == 500 &&
             dparams[0] == 1e-3 && dparams[1] == 1e-8 && strcmp(name, "heat-run-7") == 0;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("broadcast parameters to %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
