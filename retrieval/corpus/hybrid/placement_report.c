/*---
id: hyb-placement
title: Report which host, rank, thread and CPU core every hybrid worker runs on
descriptions:
  - print the hostname, MPI rank and OpenMP thread id of every thread
  - check process and thread placement and pinning in a hybrid job
  - hybrid hello world with MPI_Get_processor_name and sched_getcpu
  - which core is each of my threads running on
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, MPI_Get_processor_name, MPI_Gather, omp_get_thread_num, sched_getcpu, MPI_Query_thread, MPI_Is_thread_main]
pattern: diagnostics
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#define _GNU_SOURCE /* for sched_getcpu() */
#include <mpi.h>
#include <omp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXT 64 /* most threads per rank reported */

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
        fprintf(stderr, "MPI_THREAD_FUNNELED not supported\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size, level, is_main;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Query_thread(&level);    /* the level actually in force */
    MPI_Is_thread_main(&is_main); /* am I the thread that initialised MPI? */

    /* Per rank: the host name, the team size and one CPU number per thread. */
    struct { char host[MPI_MAX_PROCESSOR_NAME]; int nthreads; int cpu[MAXT]; } me, *all = NULL;
    memset(&me, 0, sizeof me);
    int len;
    MPI_Get_processor_name(me.host, &len);
#pragma omp parallel
    {
        int t = omp_get_thread_num();
        if (t < MAXT) me.cpu[t] = sched_getcpu(); /* each thread writes its own slot */
#pragma omp single
        me.nthreads = omp_get_num_threads();
    }

    /* Collect everything on rank 0 so the output comes out in order. */
    if (rank == 0) all = malloc(size * sizeof *all);
    MPI_Gather(&me, sizeof me, MPI_BYTE, all, sizeof me, MPI_BYTE, 0, MPI_COMM_WORLD);

    int ok = is_main && level >= MPI_THREAD_FUNNELED;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) {
        for (int r = 0; r < size; r++) {
            printf("rank %d on %s, %d threads, cpus:", r, all[r].host, all[r].nthreads);
            for (int t = 0; t < all[r].nthreads && t < MAXT; t++) {
                printf(" t%d->%d", t, all[r].cpu[t]);
                if (all[r].cpu[t] < 0) ok = 0;
            }
            printf("\n");
            if (all[r].nthreads != omp_get_max_threads()) ok = 0;
        }
        printf("%d ranks reported: %s\n", size, ok ? "PASS" : "FAIL");
        free(all);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
