/*---
id: hyb-serialized-critical
title: Every thread posts its own Isend/Irecv under MPI_THREAD_SERIALIZED
descriptions:
  - let each OpenMP thread send its own part of the message without MPI_THREAD_MULTIPLE
  - protect MPI calls with omp critical so only one thread calls MPI at a time
  - several threads post nonblocking sends with different tags, one thread waits for all
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_SERIALIZED, critical, single, barrier, MPI_Isend, MPI_Irecv, MPI_Waitall]
pattern: point-to-point
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define CHUNK 1000 /* elements per thread */

int main(int argc, char **argv) {
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

    /* All ranks must run the same number of threads for the tags to match. */
    int nt = omp_get_max_threads();
    int *sendbuf = malloc((size_t)nt * CHUNK * sizeof *sendbuf);
    int *recvbuf = malloc((size_t)nt * CHUNK * sizeof *recvbuf);
    MPI_Request *reqs = malloc(2 * (size_t)nt * sizeof *reqs);
    int ok = 1;

#pragma omp parallel num_threads(nt) reduction(&& : ok)
    {
        int t = omp_get_thread_num();
        int *mine = sendbuf + (size_t)t * CHUNK, *in = recvbuf + (size_t)t * CHUNK;
        for (int i = 0; i < CHUNK; i++) mine[i] = rank * 1000000 + t * CHUNK + i;

        /* One thread at a time inside MPI: that is all SERIALIZED asks for.
           The tag (= thread number) pairs my chunk with the same thread's
           chunk on the neighbour. */
#pragma omp critical(mpi)
        {
            MPI_Irecv(in, CHUNK, MPI_INT, left, t, MPI_COMM_WORLD, &reqs[2 * t]);
            MPI_Isend(mine, CHUNK, MPI_INT, right, t, MPI_COMM_WORLD, &reqs[2 * t + 1]);
        }
#pragma omp barrier /* all requests exist before anyone waits */
#pragma omp single
        MPI_Waitall(2 * nt, reqs, MPI_STATUSES_IGNORE);
        /* implicit barrier after single: all data has arrived */

        for (int i = 0; i < CHUNK; i++)
            if (in[i] != left * 1000000 + t * CHUNK + i) ok = 0;
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("%d threads per rank exchanged chunks: %s\n", nt, all_ok ? "PASS" : "FAIL");
    free(sendbuf);
    free(recvbuf);
    free(reqs);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
