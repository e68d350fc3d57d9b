/*---
id: mpi-jacobi-convergence
title: Iterate a distributed Jacobi solver until convergence with a global MPI_Allreduce check
descriptions:
  - stop iterating when all processes have converged
  - convergence test with MPI_Allreduce and MPI_MAX in an iterative solver
  - parallel Jacobi for the 1D Poisson equation with halo exchange and tolerance
api: mpi
lang: c
constructs: [MPI_Sendrecv, MPI_Allreduce, MPI_MAX, MPI_PROC_NULL]
pattern: stencil
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 20         /* interior grid points of (0,1) */
#define TOL 1e-12    /* stop when the largest update is below this */
#define CHECK_EVERY 10

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
    int right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;

    /* -u'' = 2 on (0,1), u(0) = u(1) = 0. Exact solution x(1-x), which the
       3-point finite difference scheme reproduces exactly at the grid points. */
    double h = 1.0 / (N + 1);
    int n = N / size + (rank < N % size);
    int first = rank * (N / size) + (rank < N % size ? rank : N % size);
    double *u = calloc(n + 2, sizeof *u), *un = calloc(n + 2, sizeof *un); /* ghosts = 0 = boundary */

    int iter = 0;
    double maxdiff = 1.0;
    while (maxdiff > TOL && iter < 100000) {
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 0, &u[n + 1], 1, MPI_DOUBLE, right, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 1, &u[0], 1, MPI_DOUBLE, left, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        double local = 0.0;
        for (int i = 1; i <= n; i++) {
            un[i] = 0.5 * (u[i - 1] + u[i + 1] + 2.0 * h * h);
            double d = fabs(un[i] - u[i]);
            if (d > local) local = d;
        }
        for (int i = 1; i <= n; i++) u[i] = un[i];
        iter++;
        /* Every rank must take the SAME decision to stop, so the test uses the
           global maximum. Checking only every few iterations saves collectives. */
        if (iter % CHECK_EVERY == 0)
            MPI_Allreduce(&local, &maxdiff, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    }

    double err = 0.0, gerr;
    for (int i = 1; i <= n; i++) {
        double x = (first + i) * h;
        double e = fabs(u[i] - x * (1.0 - x));
        if (e > err) err = e;
    }
    MPI_Allreduce(&err, &gerr, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    free(u);
    free(un);

    int ok = gerr < 1e-9 && maxdiff <= TOL;
    if (rank == 0) printf("converged in %d iterations, max error %.1e: %s\n", iter, gerr, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
