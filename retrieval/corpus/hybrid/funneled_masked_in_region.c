/*---
id: hyb-funneled-masked
title: FUNNELED MPI calls from the main thread inside an OpenMP parallel region
descriptions:
  - call MPI from inside a parallel region without MPI_THREAD_MULTIPLE
  - keep the thread team alive and let only the master thread do the MPI_Allreduce
  - omp masked (master) with MPI_THREAD_FUNNELED and barriers
  - iterative solver where every step needs a global norm from all processes
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, masked, barrier, single, for reduction(+), MPI_Allreduce]
pattern: reduce
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 10001 /* global vector length */
#define ITERS 8

/* One step of the iteration: normalise x to unit length, then shift it. */
static double update(double xi, double norm) { return xi / norm + 0.5; }

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
        fprintf(stderr, "MPI_THREAD_FUNNELED not supported\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int lo = (int)((long)N * rank / size), hi = (int)((long)N * (rank + 1) / size);
    int n = hi - lo;
    double *x = malloc((n > 0 ? n : 1) * sizeof *x);
    for (int i = 0; i < n; i++) x[i] = 1.0 + (lo + i) % 10;

    double local_sq = 0.0, global_sq = 0.0; /* shared by the team */
#pragma omp parallel
    {
        for (int it = 0; it < ITERS; it++) {
#pragma omp single
            local_sq = 0.0; /* implicit barrier after single */
#pragma omp for reduction(+ : local_sq)
            for (int i = 0; i < n; i++) local_sq += x[i] * x[i];
            /* implicit barrier: local_sq is complete here */

            /* Only the main thread talks to MPI (FUNNELED). masked has NO
               implicit barrier, so the others must wait for the result. */
#pragma omp masked
            MPI_Allreduce(&local_sq, &global_sq, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
#pragma omp barrier

            double norm = sqrt(global_sq);
#pragma omp for
            for (int i = 0; i < n; i++) x[i] = update(x[i], norm);
        }
    }

    /* Serial reference of the whole vector, computed on every rank. */
    double *ref = malloc(N * sizeof *ref);
    for (int i = 0; i < N; i++) ref[i] = 1.0 + i % 10;
    for (int it = 0; it < ITERS; it++) {
        double sq = 0.0;
        for (int i = 0; i < N; i++) sq += ref[i] * ref[i];
        for (int i = 0; i < N; i++) ref[i] = update(ref[i], sqrt(sq));
    }
    int ok = 1;
    for (int i = 0; i < n; i++)
        if (fabs(x[i] - ref[lo + i]) > 1e-12 * fabs(ref[lo + i])) ok = 0;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("x[0] = %.10f after %d steps: %s\n", x[0], ITERS, all_ok ? "PASS" : "FAIL");
    free(x);
    free(ref);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
