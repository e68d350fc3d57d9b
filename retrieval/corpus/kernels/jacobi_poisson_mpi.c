/*---
id: kern-jacobi-mpi
title: Distributed Jacobi solver for the 2D Poisson equation with MPI
descriptions:
  - solve a Poisson problem on several processes with ghost rows
  - Jacobi iteration with MPI halo exchange and a global convergence test
  - all processes must decide together when the solver has converged
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
#include <string.h>

#define N 16 /* interior points per direction */
#define TOL 1e-11
#define W (N + 2) /* row width including the boundary columns */

/* u = x^2 + y^2 solves -laplace(u) = -4 exactly, also on the grid. */
static double exact(int i, int j) {
    double h = 1.0 / (N + 1), x = i * h, y = j * h;
    return x * x + y * y;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    /* Interior rows 1..N split in blocks; local row r is global row lo + r. */
    int lo = N * rank / size, nr = N * (rank + 1) / size - lo;
    int up = rank > 0 ? rank - 1 : MPI_PROC_NULL, down = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    double *u = malloc((nr + 2) * W * sizeof *u), *v = malloc((nr + 2) * W * sizeof *v);
    for (int r = 0; r < nr + 2; r++)
        for (int j = 0; j < W; j++) {
            int i = lo + r;
            u[r * W + j] = (i == 0 || i == N + 1 || j == 0 || j == N + 1) ? exact(i, j) : 0.0;
        }
    memcpy(v, u, (nr + 2) * W * sizeof *u);

    const double h2 = 1.0 / ((N + 1.0) * (N + 1.0)), f = -4.0;
    double gdiff = 1.0;
    int iters = 0;
    while (gdiff > TOL && iters < 100000) {
        /* Ghost rows; at the top/bottom MPI_PROC_NULL keeps the boundary row. */
        MPI_Sendrecv(&u[1 * W], W, MPI_DOUBLE, up, 0, &u[(nr + 1) * W], W, MPI_DOUBLE, down, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[nr * W], W, MPI_DOUBLE, down, 1, &u[0], W, MPI_DOUBLE, up, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        double diff = 0.0;
        for (int r = 1; r <= nr; r++)
            for (int j = 1; j <= N; j++) {
                v[r * W + j] = 0.25 * (u[(r - 1) * W + j] + u[(r + 1) * W + j] + u[r * W + j - 1] + u[r * W + j + 1] + h2 * f);
                diff = fmax(diff, fabs(v[r * W + j] - u[r * W + j]));
            }
        double *t = u; u = v; v = t;
        iters++;
        MPI_Allreduce(&diff, &gdiff, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    }

    double err = 0.0;
    for (int r = 1; r <= nr; r++)
        for (int j = 0; j < W; j++) err = fmax(err, fabs(u[r * W + j] - exact(lo + r, j)));
    MPI_Allreduce(MPI_IN_PLACE, &err, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    int ok = err < 1e-8;
    if (rank == 0) printf("%d iterations on %d ranks, max error %.2e: %s\n", iters, size, err, ok ? "PASS" : "FAIL");
    free(u);
    free(v);
    MPI_Finalize();
    return ok ? 0 : 1;
}
