/*---
id: hyb-multiple-tags
title: MPI_THREAD_MULTIPLE with every thread communicating on its own tag
descriptions:
  - can several OpenMP threads call MPI at the same time
  - each thread sends and receives its own message to the neighbour rank
  - MPI_THREAD_MULTIPLE example with MPI_Sendrecv in a parallel region
  - use the thread number as the message tag so replies do not get mixed up
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_MULTIPLE, parallel, MPI_Sendrecv, tag per thread]
pattern: point-to-point
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define LEN 2000

int main(int argc, char **argv) {
    /* MULTIPLE: any thread may call MPI at any time, concurrently. */
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
    if (provided < MPI_THREAD_MULTIPLE) {
        fprintf(stderr, "MPI_THREAD_MULTIPLE not supported (got level %d)\n", provided);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    int ok = 1;

#pragma omp parallel reduction(&& : ok)
    {
        int t = omp_get_thread_num();
        /* Private buffers: each thread owns its message. */
        double *out = malloc(LEN * sizeof *out), *in = malloc(LEN * sizeof *in);
        for (int i = 0; i < LEN; i++) out[i] = rank * 100.0 + t + i * 1e-3;

        /* Concurrent calls; tag t makes thread t on the left neighbour the
           only sender that matches this receive (same thread counts on all
           ranks are assumed). */
        MPI_Sendrecv(out, LEN, MPI_DOUBLE, right, t, in, LEN, MPI_DOUBLE, left, t, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);

        for (int i = 0; i < LEN; i++)
            if (in[i] != left * 100.0 + t + i * 1e-3) ok = 0;
        free(out);
        free(in);
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0)
        printf("%d ranks x %d threads, one message per thread: %s\n", size, omp_get_max_threads(),
               all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
