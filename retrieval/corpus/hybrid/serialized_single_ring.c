/*---
id: hyb-serialized-single
title: MPI_THREAD_SERIALIZED with MPI calls in omp single inside a parallel region
descriptions:
  - pass data around a ring of processes while threads do the computing
  - call MPI_Sendrecv_replace from one thread inside an OpenMP parallel region
  - MPI_THREAD_SERIALIZED example with omp single
  - send my block to the next rank in a circle and accumulate every block
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_SERIALIZED, single, parallel, for, MPI_Sendrecv_replace]
pattern: ring
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define M 5000 /* block length, the same on every rank */

int main(int argc, char **argv) {
    /* SERIALIZED: any thread may call MPI, but never two at the same time.
       omp single guarantees that: exactly one thread executes the block. */
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
    if (provided < MPI_THREAD_SERIALIZED) {
        fprintf(stderr, "MPI_THREAD_SERIALIZED not supported\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;

    double *block = malloc(M * sizeof *block); /* travelling block */
    double *acc = malloc(M * sizeof *acc);     /* sum of every block seen */
    for (int i = 0; i < M; i++) block[i] = (double)rank * M + i;

#pragma omp parallel
    {
#pragma omp for
        for (int i = 0; i < M; i++) acc[i] = 0.0;
        for (int step = 0; step < size; step++) {
            /* All threads add the block currently held. */
#pragma omp for
            for (int i = 0; i < M; i++) acc[i] += block[i];
            /* One thread (whichever arrives first) shifts the block one rank
               to the right; the implicit barrier at the end of single makes
               the new block visible to every thread before the next step. */
#pragma omp single
            MPI_Sendrecv_replace(block, M, MPI_DOUBLE, right, 0, left, 0, MPI_COMM_WORLD,
                                 MPI_STATUS_IGNORE);
        }
    }

    /* Every rank has now added all blocks: sum_r (r*M + i). */
    int ok = 1;
    for (int i = 0; i < M; i++) {
        double expected = (double)M * size * (size - 1) / 2.0 + (double)size * i;
        if (acc[i] != expected) ok = 0;
    }
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("ring of %d ranks, acc[1] = %.0f: %s\n", size, acc[1], all_ok ? "PASS" : "FAIL");
    free(block);
    free(acc);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
