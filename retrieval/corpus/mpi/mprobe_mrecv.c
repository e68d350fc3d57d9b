/*---
id: mpi-mprobe-mrecv
title: Matched probe with MPI_Mprobe and MPI_Mrecv for variable-length messages
descriptions:
  - MPI_Mprobe MPI_Mrecv example
  - probe a message and receive exactly that message even if other messages arrive
  - thread-safe way to receive a message of unknown size
api: mpi
lang: c
constructs: [MPI_Mprobe, MPI_Mrecv, MPI_Message, MPI_Get_count]
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
        /* Each worker sends the first 5*rank odd numbers. */
        int n = 5 * rank;
        int *v = malloc(n * sizeof *v);
        for (int i = 0; i < n; i++) v[i] = 2 * i + 1;
        MPI_Send(v, n, MPI_INT, 0, 3, MPI_COMM_WORLD);
        free(v);
    } else {
        for (int k = 1; k < size; k++) {
            /* MPI_Mprobe removes the message from the matching queue and returns a
               handle: no other receive (e.g. another thread) can steal it before
               our MPI_Mrecv, which is the weakness of plain MPI_Probe + MPI_Recv. */
            MPI_Message msg;
            MPI_Status st;
            MPI_Mprobe(MPI_ANY_SOURCE, 3, MPI_COMM_WORLD, &msg, &st);
            int n;
            MPI_Get_count(&st, MPI_INT, &n);
            int *v = malloc(n * sizeof *v);
            MPI_Mrecv(v, n, MPI_INT, &msg, MPI_STATUS_IGNORE);

            /* Sum of the first n odd numbers is n*n. */
            long sum = 0;
            for (int i = 0; i < n; i++) sum += v[i];
            if (n != 5 * st.MPI_SOURCE || sum != (long)n * n) ok = 0;
            free(v);
        }
    }

    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("Mprobe/Mrecv of %d messages: %s\n", size - 1, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
