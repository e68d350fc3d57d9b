/*---
id: hyb-overlap-nonblocking
title: Overlap halo communication with computation - Isend/Irecv while threads update the interior
descriptions:
  - hide MPI communication time behind computation
  - start the halo exchange with MPI_Irecv and MPI_Isend, compute the inside, then wait
  - overlapping communication and computation in a hybrid stencil code
  - my halo exchange is slow, can threads work while the messages are in flight
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, MPI_Irecv, MPI_Isend, MPI_Waitall, parallel for]
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

#define N 2003 /* global points; the two end points are fixed */
#define STEPS 30

static double initial(int g) { return (g == 0 || g == N - 1) ? 0.0 : (double)(g % 50); }

/* New value of local point i (global index g); u has ghosts at 0 and n+1. */
static double relax(const double *u, int i, int g) {
    return (g == 0 || g == N - 1) ? u[i] : (u[i - 1] + u[i] + u[i + 1]) / 3.0;
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

    for (int s = 0; s < STEPS; s++) {
        /* 1. Start the exchange: ghosts are written by MPI, owned edges are only read. */
        MPI_Request req[4];
        MPI_Irecv(&u[0], 1, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, &req[0]);
        MPI_Irecv(&u[n + 1], 1, MPI_DOUBLE, right, 1, MPI_COMM_WORLD, &req[1]);
        MPI_Isend(&u[1], 1, MPI_DOUBLE, left, 1, MPI_COMM_WORLD, &req[2]);
        MPI_Isend(&u[n], 1, MPI_DOUBLE, right, 0, MPI_COMM_WORLD, &req[3]);

        /* 2. Meanwhile the threads update points 2..n-1: they never touch a ghost. */
#pragma omp parallel for
        for (int i = 2; i <= n - 1; i++) v[i] = relax(u, i, lo + i - 1);

        /* 3. Wait for the ghosts, then finish the two edge points. */
        MPI_Waitall(4, req, MPI_STATUSES_IGNORE);
        v[1] = relax(u, 1, lo);
        if (n > 1) v[n] = relax(u, n, lo + n - 1);
        double *t = u; u = v; v = t;
    }

    /* Serial reference on the full grid. */
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
    if (rank == 0) printf("%d overlapped steps on %d ranks: %s\n", STEPS, size, ok ? "PASS" : "FAIL");
    free(u); free(v); free(a); free(b);
    MPI_Finalize();
    return ok ? 0 : 1;
}
