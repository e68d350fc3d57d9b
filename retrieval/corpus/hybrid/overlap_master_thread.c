/*---
id: hyb-overlap-master-thread
title: Dedicate the main thread to communication while the other threads compute
descriptions:
  - one thread does the MPI halo exchange while the other threads keep computing
  - overlap communication and computation with MPI_THREAD_FUNNELED using thread 0
  - split work manually between a communication thread and worker threads
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel, omp_get_thread_num, barrier, single, MPI_Sendrecv]
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

#define N 2003
#define STEPS 20

static double initial(int g) { return (double)((g * 7) % 31); }

/* Global end points are held fixed; every other point is averaged. */
static double relax(const double *u, int i, int g) {
    return (g == 0 || g == N - 1) ? u[i] : 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
}

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
    int lo = N * rank / size, n = N * (rank + 1) / size - lo; /* owned: u[1..n] */
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    double *u = calloc(n + 2, sizeof *u), *v = calloc(n + 2, sizeof *v);
    for (int i = 1; i <= n; i++) u[i] = initial(lo + i - 1);

#pragma omp parallel
    {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
        for (int s = 0; s < STEPS; s++) {
            if (t == 0) {
                /* Thread 0 is the main thread (FUNNELED): it alone calls MPI. */
                MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 0, &u[0], 1, MPI_DOUBLE, left, 0,
                             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 1, &u[n + 1], 1, MPI_DOUBLE, right, 1,
                             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
            /* Interior points 2..n-1 need no ghost: workers 1..nt-1 share them
               (with a single thread, thread 0 does them after communicating). */
            int nw = nt > 1 ? nt - 1 : 1, w = nt > 1 ? t - 1 : 0;
            if (nt == 1 || t > 0) {
                int m = n - 2 > 0 ? n - 2 : 0;
                int i0 = 2 + m * w / nw, i1 = 2 + m * (w + 1) / nw;
                for (int i = i0; i < i1; i++) v[i] = relax(u, i, lo + i - 1);
            }
#pragma omp barrier /* ghosts have arrived and the interior is done */
#pragma omp single
            {
                v[1] = relax(u, 1, lo);
                if (n > 1) v[n] = relax(u, n, lo + n - 1);
                double *tmp = u; u = v; v = tmp;
            } /* implicit barrier: everyone sees the swapped pointers */
        }
    }

    double *a = malloc((N + 2) * sizeof *a), *b = malloc((N + 2) * sizeof *b);
    for (int g = 0; g < N; g++) a[g + 1] = initial(g);
    for (int s = 0; s < STEPS; s++) {
        for (int g = 0; g < N; g++) b[g + 1] = relax(a, g + 1, g);
        memcpy(a, b, (N + 2) * sizeof *a);
    }
    int ok = 1;
    for (int i = 1; i <= n; i++)
        if (fabs(u[i] - a[lo + i]) > 1e-12 * (1.0 + fabs(a[lo + i]))) ok = 0;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("%d steps, comm thread + workers, %d ranks: %s\n", STEPS, size, ok ? "PASS" : "FAIL");
    free(u); free(v); free(a); free(b);
    MPI_Finalize();
    return ok ? 0 : 1;
}
