/*---
id: kern-heat-mpi
title: 1D heat equation distributed over MPI ranks with ghost cells
descriptions:
  - parallel heat equation solver with MPI domain decomposition
  - explicit diffusion where each process owns a piece of the rod
  - exchange boundary temperatures between neighbouring processes every time step
api: mpi
lang: c
constructs: [MPI_Sendrecv, MPI_PROC_NULL, MPI_Reduce, MPI_MAX]
pattern: stencil
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 401 /* interior points of the rod */
#define STEPS 300
#define PI 3.14159265358979323846

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    /* Global interior points 1..N; I own first..first+n-1 in u[1..n]. */
    int first = 1 + N * rank / size, n = N * (rank + 1) / size - N * rank / size;
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    const double h = 1.0 / (N + 1), r = 0.45;
    double *u = calloc(n + 2, sizeof *u), *v = calloc(n + 2, sizeof *v);
    for (int i = 1; i <= n; i++) u[i] = sin(PI * (first + i - 1) * h);

    for (int s = 0; s < STEPS; s++) {
        /* At the rod's ends the neighbour is MPI_PROC_NULL: the ghost keeps
           its initial 0, which is the fixed boundary temperature. */
        MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 0, &u[0], 1, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 1, &u[n + 1], 1, MPI_DOUBLE, right, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        for (int i = 1; i <= n; i++) v[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        double *t = u; u = v; v = t;
    }

    /* Exact discrete solution: g^STEPS sin(pi x), g = 1 - 4 r sin^2(pi h/2). */
    double amp = pow(1.0 - 4.0 * r * pow(sin(PI * h / 2.0), 2), STEPS), err = 0.0, gerr;
    for (int i = 1; i <= n; i++) err = fmax(err, fabs(u[i] - amp * sin(PI * (first + i - 1) * h)));
    MPI_Reduce(&err, &gerr, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        ok = gerr < 1e-12;
        printf("heat equation on %d ranks, max error %.1e: %s\n", size, gerr, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(u);
    free(v);
    MPI_Finalize();
    return ok ? 0 : 1;
}
