/*---
id: mpi-probe-get-count
title: Receive a message of unknown length with MPI_Probe and MPI_Get_count
descriptions:
  - receive a message when I do not know how many elements are coming
  - MPI_Probe and MPI_Get_count example to size the receive buffer
  - each process sends a different number of values, how does rank 0 allocate memory
api: mpi
lang: c
constructs: [MPI_Probe, MPI_Get_count, MPI_Recv, MPI_ANY_SOURCE, MPI_Status]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int ok = 1;
    if (rank != 0) {
        /* Rank r sends 10*r + 3 doubles: the receiver does not know the length. */
        int n = 10 * rank + 3;
        double *data = malloc(n * sizeof *data);
        for (int i = 0; i < n; i++) data[i] = rank;
        MPI_Send(data, n, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD);
        free(data);
    } else {
        for (int k = 1; k < size; k++) {
            /* Probe blocks until a message is available, without receiving it. */
            MPI_Status status;
            MPI_Probe(MPI_ANY_SOURCE, 0, MPI_COMM_WORLD, &status);
            int n;
            MPI_Get_count(&status, MPI_DOUBLE, &n); /* number of MPI_DOUBLEs */

            /* Receive exactly that message: use the source found by the probe. */
            double *data = malloc(n * sizeof *data);
            MPI_Recv(data, n, MPI_DOUBLE, status.MPI_SOURCE, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            int src = status.MPI_SOURCE;
            if (n != 10 * src + 3) ok = 0;
            for (int i = 0; i < n; i++)
                if (data[i] != src) ok = 0;
            free(data);
        }
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("probe + get_count from %d senders: %s\n", size - 1, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
