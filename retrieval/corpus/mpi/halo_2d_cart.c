/*---
id: mpi-halo-2d-cart
title: 2D Jacobi with halo exchange of rows and columns on a 2D Cartesian grid
descriptions:
  - 2D halo exchange with MPI, rows are contiguous and columns use a vector type
  - parallel 2D Laplace / heat solver with domain decomposition in both directions
  - exchange ghost cells with four neighbours using MPI_Cart_shift
api: mpi
lang: c
constructs: [MPI_Dims_create, MPI_Cart_create, MPI_Cart_coords, MPI_Cart_shift, MPI_Type_vector, MPI_Sendrecv]
pattern: stencil
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 14   /* global interior rows */
#define NY 11   /* global interior columns */
#define STEPS 60

#define HOT 1.0 /* fixed temperature of the top edge; the other edges are 0 */

static void block(int n, int p, int c, int *len, int *start) {
    *len = n / p + (c < n % p);
    *start = c * (n / p) + (c < n % p ? c : n % p);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int dims[2] = {0, 0}, periods[2] = {0, 0}, coords[2], rank;
    MPI_Dims_create(size, 2, dims);
    MPI_Comm grid;
    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 1, &grid);
    MPI_Comm_rank(grid, &rank);
    MPI_Cart_coords(grid, rank, 2, coords);
    int up, down, left, right;
    MPI_Cart_shift(grid, 0, 1, &up, &down);    /* neighbours in the row direction */
    MPI_Cart_shift(grid, 1, 1, &left, &right); /* neighbours in the column direction */

    int nx, ny, x0, y0;
    block(NX, dims[0], coords[0], &nx, &x0);
    block(NY, dims[1], coords[1], &ny, &y0);
    int w = ny + 2; /* row length including the two ghost columns */
#define U(a, i, j) a[(i) * w + (j)]
    double *u = calloc((nx + 2) * w, sizeof *u), *un = calloc((nx + 2) * w, sizeof *un);
    /* Ranks on the top edge of the grid have no upper neighbour (MPI_PROC_NULL):
       their top ghost row holds the boundary value and is never overwritten. */
    if (up == MPI_PROC_NULL)
        for (int j = 1; j <= ny; j++) U(u, 0, j) = U(un, 0, j) = HOT;

    /* A row is contiguous; a column is nx doubles with stride w. */
    MPI_Datatype column;
    MPI_Type_vector(nx, 1, w, MPI_DOUBLE, &column);
    MPI_Type_commit(&column);

    for (int s = 0; s < STEPS; s++) {
        /* rows: first interior row up / bottom ghost from below, and the reverse */
        MPI_Sendrecv(&U(u, 1, 1), ny, MPI_DOUBLE, up, 0, &U(u, nx + 1, 1), ny, MPI_DOUBLE, down, 0, grid, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&U(u, nx, 1), ny, MPI_DOUBLE, down, 1, &U(u, 0, 1), ny, MPI_DOUBLE, up, 1, grid, MPI_STATUS_IGNORE);
        /* columns, with the vector type */
        MPI_Sendrecv(&U(u, 1, 1), 1, column, left, 2, &U(u, 1, ny + 1), 1, column, right, 2, grid, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&U(u, 1, ny), 1, column, right, 3, &U(u, 1, 0), 1, column, left, 3, grid, MPI_STATUS_IGNORE);
        for (int i = 1; i <= nx; i++)
            for (int j = 1; j <= ny; j++)
                U(un, i, j) = 0.25 * (U(u, i - 1, j) + U(u, i + 1, j) + U(u, i, j - 1) + U(u, i, j + 1));
        double *t = u; u = un; un = t; /* ghosts of un are refreshed by the next exchange */
    }

    /* Serial reference on the whole (NX+2) x (NY+2) grid. */
    int W = NY + 2;
    double *r = calloc((NX + 2) * W, sizeof *r), *rn = calloc((NX + 2) * W, sizeof *rn);
    for (int j = 1; j <= NY; j++) r[j] = rn[j] = HOT;
    for (int s = 0; s < STEPS; s++) {
        for (int i = 1; i <= NX; i++)
            for (int j = 1; j <= NY; j++)
                rn[i * W + j] = 0.25 * (r[(i - 1) * W + j] + r[(i + 1) * W + j] + r[i * W + j - 1] + r[i * W + j + 1]);
        double *t = r; r = rn; rn = t;
    }
    int ok = 1;
    for (int i = 1; i <= nx; i++)
        for (int j = 1; j <= ny; j++)
            if (fabs(U(u, i, j) - r[(x0 + i) * W + (y0 + j)]) > 1e-12) ok = 0;

    MPI_Type_free(&column);
    free(u); free(un); free(r); free(rn);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, grid);
    if (rank == 0) printf("2D halo exchange on a %dx%d grid: %s\n", dims[0], dims[1], all_ok ? "PASS" : "FAIL");
    MPI_Comm_free(&grid);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
