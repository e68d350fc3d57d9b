/*---
id: hyb-stencil-halo
title: Hybrid 1D stencil with halo (ghost cell) exchange and OpenMP updates
descriptions:
  - split a 1D grid over processes and exchange boundary values every step
  - halo exchange with MPI_Sendrecv then update the interior with threads
  - ghost cells example for a hybrid MPI OpenMP heat equation
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, MPI_Sendrecv, MPI_PROC_NULL, parallel for]
pattern: stencil
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 1003  /* global number of points; u[0] and u[N-1] are fixed */
#define STEPS 20
#define ALPHA 0.25

static double initial(int i) { return (i == 0 || i == N - 1) ? 1.0 : (i % 17) * 0.1; }

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
    int lo = (int)((long)N * rank / size), n = (int)((long)N * (rank + 1) / size) - lo;
    /* Neighbours; MPI_PROC_NULL turns the exchange at the ends into a no-op. */
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
    int right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;

    /* Local array with one ghost cell on each side: u[1..n] are owned. */
    double *u = malloc((n + 2) * sizeof *u), *v = malloc((n + 2) * sizeof *v);
    for (int i = 0; i < n + 2; i++) u[i] = (lo + i - 1 >= 0 && lo + i - 1 < N) ? initial(lo + i - 1) : 0.0;

    for (int s = 0; s < STEPS; s++) {
        /* Halo exchange by the main thread, outside any parallel region. */
        MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 0, &u[0], 1, MPI_DOUBLE, left, 0, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 1, &u[n + 1], 1, MPI_DOUBLE, right, 1, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
        /* Threads update the owned points; global end points stay fixed. */
#pragma omp parallel for
        for (int i = 1; i <= n; i++) {
            int g = lo + i - 1;
            v[i] = (g == 0 || g == N - 1) ? u[i] : u[i] + ALPHA * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        }
        double *tmp = u; u = v; v = tmp;
    }

    /* Serial reference over the whole grid, compared with my block. */
    double *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    for (int i = 0; i < N; i++) a[i] = initial(i);
    for (int s = 0; s < STEPS; s++) {
        b[0] = a[0];
        b[N - 1] = a[N - 1];
        for (int i = 1; i < N - 1; i++) b[i] = a[i] + ALPHA * (a[i - 1] - 2.0 * a[i] + a[i + 1]);
        memcpy(a, b, N * sizeof *a);
    }
    int ok = 1;
    for (int i = 1; i <= n; i++)
        if (fabs(u[i] - a[lo + i - 1]) > 1e-12) ok = 0;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("%d steps on %d ranks: %s\n", STEPS, size, all_ok ? "PASS" : "FAIL");
    free(u); free(v); free(a); free(b);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
