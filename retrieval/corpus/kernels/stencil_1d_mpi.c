/*---
id: kern-stencil1d-mpi
title: 1D stencil distributed over MPI ranks with ghost-cell exchange
descriptions:
  - split a 1D array between processes and exchange the edge values each step
  - halo exchange with MPI_Sendrecv and MPI_PROC_NULL at the domain ends
  - distributed stencil computation with neighbour communication
api: mpi
lang: c
constructs: [MPI_Sendrecv, MPI_PROC_NULL, MPI_Allreduce]
pattern: stencil
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100003
#define STEPS 50

/* u(i, s) = i^2 + s/2 is an exact solution of v[i] = (u[i-1] + 2u[i] + u[i+1]) / 4. */
static double exact(long i, int s) { return (double)i * i + 0.5 * s; }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    /* Global points 1..N; rank owns [lo, lo+n). Global 0 and N+1 are boundaries. */
    long lo = 1 + (long)N * rank / size, n = (long)N * (rank + 1) / size - (long)N * rank / size;
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    double *u = malloc((n + 2) * sizeof *u), *v = malloc((n + 2) * sizeof *v);
    for (long i = 0; i <= n + 1; i++) u[i] = exact(lo - 1 + i, 0); /* local i <-> global lo-1+i */

    for (int s = 0; s < STEPS; s++) {
        /* Ghosts: my last point goes right, my first point goes left. */
        MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 0, &u[0], 1, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 1, &u[n + 1], 1, MPI_DOUBLE, right, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        /* The physical boundaries (no neighbour there) follow the exact solution. */
        if (left == MPI_PROC_NULL) u[0] = exact(0, s);
        if (right == MPI_PROC_NULL) u[n + 1] = exact(N + 1, s);
        for (long i = 1; i <= n; i++) v[i] = 0.25 * (u[i - 1] + 2.0 * u[i] + u[i + 1]);
        double *t = u; u = v; v = t;
    }

    int ok = 1;
    for (long i = 1; i <= n; i++) {
        double e = exact(lo - 1 + i, STEPS);
        if (fabs(u[i] - e) > 1e-12 * e) ok = 0;
    }
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("%d steps on %d ranks: %s\n", STEPS, size, ok ? "PASS" : "FAIL");
    free(u);
    free(v);
    MPI_Finalize();
    return ok ? 0 : 1;
}
