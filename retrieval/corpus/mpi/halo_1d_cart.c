/*---
id: mpi-halo-1d-cart
title: 1D Jacobi heat equation with ghost-cell (halo) exchange on a Cartesian topology
descriptions:
  - halo exchange in 1D with MPI
  - parallel 1D heat equation, exchange boundary values with neighbours each step
  - ghost cells with MPI_Cart_shift and MPI_Sendrecv, MPI_PROC_NULL at the ends
api: mpi
lang: c
constructs: [MPI_Cart_create, MPI_Cart_shift, MPI_Sendrecv, MPI_PROC_NULL, MPI_Allreduce]
pattern: stencil
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 50      /* interior points */
#define STEPS 200
#define LEFT_BC 1.0
#define RIGHT_BC 0.0

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* A non-periodic 1D line of ranks. */
    int dims[1] = {size}, periods[1] = {0}, rank;
    MPI_Comm line;
    MPI_Cart_create(MPI_COMM_WORLD, 1, dims, periods, 0, &line);
    MPI_Comm_rank(line, &rank);
    int left, right;
    MPI_Cart_shift(line, 0, 1, &left, &right); /* MPI_PROC_NULL at the ends */

    /* Uneven block of the N points, plus one ghost cell at each end. */
    int n = N / size + (rank < N % size);
    int first = rank * (N / size) + (rank < N % size ? rank : N % size);
    double *u = calloc(n + 2, sizeof *u), *unew = calloc(n + 2, sizeof *unew);
    /* Ghosts at the physical boundary hold the boundary condition forever:
       a receive from MPI_PROC_NULL does nothing and leaves them unchanged. */
    if (left == MPI_PROC_NULL) u[0] = unew[0] = LEFT_BC;
    if (right == MPI_PROC_NULL) u[n + 1] = unew[n + 1] = RIGHT_BC;

    for (int step = 0; step < STEPS; step++) {
        /* Halo exchange: my first point goes left while the right neighbour's
           first point arrives in my right ghost, and vice versa. */
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 0, &u[n + 1], 1, MPI_DOUBLE, right, 0, line, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 1, &u[0], 1, MPI_DOUBLE, left, 1, line, MPI_STATUS_IGNORE);
        for (int i = 1; i <= n; i++) unew[i] = 0.5 * (u[i - 1] + u[i + 1]);
        memcpy(&u[1], &unew[1], n * sizeof *u);
    }

    /* Serial reference with the same arithmetic. */
    double ref[N + 2] = {0}, rnew[N + 2];
    ref[0] = rnew[0] = LEFT_BC;
    ref[N + 1] = rnew[N + 1] = RIGHT_BC;
    for (int step = 0; step < STEPS; step++) {
        for (int i = 1; i <= N; i++) rnew[i] = 0.5 * (ref[i - 1] + ref[i + 1]);
        memcpy(&ref[1], &rnew[1], N * sizeof *ref);
    }
    int ok = 1;
    for (int i = 1; i <= n; i++)
        if (fabs(u[i] - ref[first + i]) > 1e-12) ok = 0;
    free(u);
    free(unew);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, line);
    if (rank == 0) printf("1D halo exchange, %d steps on %d ranks: %s\n", STEPS, size, all_ok ? "PASS" : "FAIL");
    MPI_Comm_free(&line);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
