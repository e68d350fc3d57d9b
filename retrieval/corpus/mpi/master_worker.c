/*---
id: mpi-master-worker
title: Master-worker task farm with dynamic load balancing (tags for work and stop)
descriptions:
  - master worker pattern in MPI
  - rank 0 hands out tasks to whichever worker is free
  - dynamic scheduling of uneven jobs over processes, task farm with a stop message
api: mpi
lang: c
constructs: [MPI_Send, MPI_Recv, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_Status]
pattern: task-farm
threads: [1]
ranks: [2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define NTASKS 60
#define TAG_WORK 1
#define TAG_STOP 2

/* A task of very uneven cost. */
static double work(int task) {
    double s = 0.0;
    for (int i = 1; i <= 2000 * (task % 7 + 1); i++) s += 1.0 / i;
    return s;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2) {
        if (rank == 0) printf("FAIL: master-worker needs at least 2 ranks\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }

    int ok = 1;
    if (rank == 0) {
        /* Master: prime every worker with one task (or stop it if there are none) ... */
        double results[NTASKS];
        int next = 0, active = 0;
        for (int w = 1; w < size; w++) {
            if (next < NTASKS) {
                MPI_Send(&next, 1, MPI_INT, w, TAG_WORK, MPI_COMM_WORLD);
                next++;
                active++;
            } else {
                MPI_Send(&next, 0, MPI_INT, w, TAG_STOP, MPI_COMM_WORLD);
            }
        }
        /* ... then give the next task to whoever returns a result first. */
        while (active > 0) {
            double msg[2]; /* {task id, result} */
            MPI_Status st;
            MPI_Recv(msg, 2, MPI_DOUBLE, MPI_ANY_SOURCE, TAG_WORK, MPI_COMM_WORLD, &st);
            results[(int)msg[0]] = msg[1];
            if (next < NTASKS) {
                MPI_Send(&next, 1, MPI_INT, st.MPI_SOURCE, TAG_WORK, MPI_COMM_WORLD);
                next++;
            } else {
                MPI_Send(&next, 0, MPI_INT, st.MPI_SOURCE, TAG_STOP, MPI_COMM_WORLD);
                active--;
            }
        }
        for (int t = 0; t < NTASKS; t++)
            if (results[t] != work(t)) ok = 0;
    } else {
        /* Worker: loop until the stop tag arrives. */
        for (;;) {
            int task;
            MPI_Status st;
            MPI_Recv(&task, 1, MPI_INT, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
            if (st.MPI_TAG == TAG_STOP) break;
            double msg[2] = {(double)task, work(task)};
            MPI_Send(msg, 2, MPI_DOUBLE, 0, TAG_WORK, MPI_COMM_WORLD);
        }
    }

    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("%d tasks farmed out to %d workers: %s\n", NTASKS, size - 1, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
