/*---
id: mpi-iprobe-polling
title: Check for incoming messages without blocking using MPI_Iprobe
descriptions:
  - how do I check whether a message has arrived without blocking
  - MPI_Iprobe example in a work loop
  - poll for stop messages while computing
api: mpi
lang: c
constructs: [MPI_Iprobe, MPI_Recv, MPI_Send, MPI_Reduce]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define TAG_STOP 99

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Workers compute in small steps until rank 0 tells them to stop. They look
       for the stop message with MPI_Iprobe, which returns at once with flag = 0
       if nothing has arrived yet, so the work loop never blocks. */
    int code = 0;  /* payload of the stop message */
    long done = 0; /* steps computed by this rank */
    if (rank == 0) {
        for (int w = 1; w < size; w++) {
            int stop_code = 1000 * w;
            MPI_Send(&stop_code, 1, MPI_INT, w, TAG_STOP, MPI_COMM_WORLD);
        }
    } else {
        int flag = 0;
        double x = 0.0;
        while (!flag) {
            for (int i = 0; i < 100; i++) x += 1e-6; /* a step of "work" */
            done++;
            MPI_Iprobe(0, TAG_STOP, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
        }
        /* The probe said a message is there: receiving it now will not block. */
        MPI_Recv(&code, 1, MPI_INT, 0, TAG_STOP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (x <= 0.0) done = -1;
    }

    /* Check: every worker got its own stop message and did at least one step. */
    int ok = (rank == 0) || (code == 1000 * rank && done >= 1);
    int all_ok;
    MPI_Reduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, 0, MPI_COMM_WORLD);
    MPI_Bcast(&all_ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("workers polled with MPI_Iprobe: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
