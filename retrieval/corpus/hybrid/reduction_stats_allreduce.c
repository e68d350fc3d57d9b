/*---
id: hyb-reduction-allreduce
title: Two-level reduction - OpenMP reduction per process, then MPI_Allreduce
descriptions:
  - every process needs the global sum, min and max of distributed data
  - reduce inside each node with threads and then across nodes with MPI
  - OpenMP reduction(min/max) followed by MPI_Allreduce with MPI_MIN and MPI_MAX
  - compute mean and range of a big distributed array with MPI and OpenMP
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel for, reduction(+), reduction(min), reduction(max), MPI_Allreduce, MPI_MIN, MPI_MAX]
pattern: reduce
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>

#define N 200001

/* The data: a deterministic function of the global index. */
static double value(long i) { return sin(0.001 * (double)i) * 10.0 + 0.5; }

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
    long lo = (long)N * rank / size, hi = (long)N * (rank + 1) / size;

    /* Level 1: threads reduce this rank's block.  Empty blocks give the
       neutral elements 0, +INFINITY and -INFINITY, which is what we want. */
    double sum = 0.0, mn = INFINITY, mx = -INFINITY;
#pragma omp parallel for reduction(+ : sum) reduction(min : mn) reduction(max : mx)
    for (long i = lo; i < hi; i++) {
        double v = value(i);
        sum += v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
    }

    /* Level 2: combine the per-rank results; everyone gets the answer. */
    double gsum, gmin, gmax;
    MPI_Allreduce(&sum, &gsum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    MPI_Allreduce(&mn, &gmin, 1, MPI_DOUBLE, MPI_MIN, MPI_COMM_WORLD);
    MPI_Allreduce(&mx, &gmax, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);

    /* Serial check on rank 0. */
    int ok = 1;
    if (rank == 0) {
        double s = 0.0, a = INFINITY, b = -INFINITY;
        for (long i = 0; i < N; i++) {
            double v = value(i);
            s += v;
            a = fmin(a, v);
            b = fmax(b, v);
        }
        ok = fabs(gsum - s) <= 1e-9 * fabs(s) && gmin == a && gmax == b;
        printf("mean = %.6f, min = %.6f, max = %.6f: %s\n", gsum / N, gmin, gmax, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
