/*---
id: hyb-jacobi-2d
title: Hybrid 2D Jacobi solver for the Laplace equation (row blocks per rank, threads per block)
descriptions:
  - solve the Laplace equation on a grid with MPI and OpenMP together
  - distribute rows of a 2D grid over processes and exchange ghost rows
  - Jacobi iteration until convergence with a global max residual
  - collapse(2) loop with reduction(max) plus MPI_Allreduce MPI_MAX
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, MPI_Sendrecv, MPI_Allreduce, MPI_MAX, parallel for, collapse(2), reduction(max)]
pattern: stencil
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 34 /* grid points per row, including the two boundary columns */
#define NY 34 /* global rows, including the two boundary rows */
#define TOL 1e-6
#define MAX_ITERS 20 /* kept small so the demo runs fast; raise it for real use */

/* Boundary values (interior starts at 0): u = x + 2y on the four edges. */
static double boundary(int gy, int x) { return (double)x / (NX - 1) + 2.0 * gy / (NY - 1); }

/* The same Jacobi sweeps on the whole grid, serially, as the reference. */
static void serial_jacobi(double (*a)[NX], int iters) {
    double (*b)[NX] = malloc(NY * sizeof *b);
    for (int y = 0; y < NY; y++)
        for (int x = 0; x < NX; x++)
            a[y][x] = b[y][x] = (y == 0 || y == NY - 1 || x == 0 || x == NX - 1) ? boundary(y, x) : 0.0;
    for (int it = 0; it < iters; it++) {
        for (int y = 1; y < NY - 1; y++)
            for (int x = 1; x < NX - 1; x++)
                b[y][x] = 0.25 * (a[y - 1][x] + a[y + 1][x] + a[y][x - 1] + a[y][x + 1]);
        for (int y = 1; y < NY - 1; y++)
            for (int x = 1; x < NX - 1; x++) a[y][x] = b[y][x];
    }
    free(b);
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
    /* Split the NY-2 interior rows; local row r (1..ny) is global row lo+r. */
    int lo = (NY - 2) * rank / size, ny = (NY - 2) * (rank + 1) / size - lo;
    int up = rank > 0 ? rank - 1 : MPI_PROC_NULL, down = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;

    double (*u)[NX] = calloc(ny + 2, sizeof *u), (*v)[NX] = calloc(ny + 2, sizeof *v);
    for (int r = 0; r < ny + 2; r++) { /* boundary columns, and boundary rows on the end ranks */
        int gy = lo + r;
        u[r][0] = v[r][0] = boundary(gy, 0);
        u[r][NX - 1] = v[r][NX - 1] = boundary(gy, NX - 1);
        if (gy == 0 || gy == NY - 1)
            for (int x = 0; x < NX; x++) u[r][x] = v[r][x] = boundary(gy, x);
    }

    int iters = 0;
    double gdiff = 1.0;
    while (gdiff > TOL && iters < MAX_ITERS) {
        /* Ghost rows: send my first row up and my last row down. */
        MPI_Sendrecv(u[1], NX, MPI_DOUBLE, up, 0, u[ny + 1], NX, MPI_DOUBLE, down, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(u[ny], NX, MPI_DOUBLE, down, 1, u[0], NX, MPI_DOUBLE, up, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        double diff = 0.0;
#pragma omp parallel for collapse(2) reduction(max : diff)
        for (int r = 1; r <= ny; r++)
            for (int x = 1; x < NX - 1; x++) {
                v[r][x] = 0.25 * (u[r - 1][x] + u[r + 1][x] + u[r][x - 1] + u[r][x + 1]);
                diff = fmax(diff, fabs(v[r][x] - u[r][x]));
            }
        double (*t)[NX] = u; u = v; v = t;
        iters++;
        /* Everyone must agree on when to stop. */
        MPI_Allreduce(&diff, &gdiff, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    }

    /* Compare my rows with a serial run of the same number of sweeps. */
    double (*ref)[NX] = malloc(NY * sizeof *ref);
    serial_jacobi(ref, iters);
    double err = 0.0, gerr;
    for (int r = 1; r <= ny; r++)
        for (int x = 0; x < NX; x++) err = fmax(err, fabs(u[r][x] - ref[lo + r][x]));
    MPI_Allreduce(&err, &gerr, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    int ok = gerr < 1e-12;
    if (rank == 0)
        printf("%d iterations, last change %.2e, max deviation from serial %.1e: %s\n", iters, gdiff,
               gerr, ok ? "PASS" : "FAIL");
    free(ref);
    free(u);
    free(v);
    MPI_Finalize();
    return ok ? 0 : 1;
}
