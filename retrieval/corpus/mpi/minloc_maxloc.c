/*---
id: mpi-minloc-maxloc
title: Find the global minimum and maximum and where they are with MPI_MINLOC / MPI_MAXLOC
descriptions:
  - find which process has the smallest value
  - MPI_MAXLOC MPI_DOUBLE_INT example, value and its location
  - get the global max of an array and its index across all ranks
api: mpi
lang: c
constructs: [MPI_Allreduce, MPI_MINLOC, MPI_MAXLOC, MPI_DOUBLE_INT]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>

#define N 101

static double f(int g) { return sin(0.37 * g) * (g % 13); } /* the "data" */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int nloc = N / size + (rank < N % size);
    int first = rank * (N / size) + (rank < N % size ? rank : N % size);

    /* MPI_DOUBLE_INT matches this exact layout: a double value and an int index. */
    struct { double value; int index; } lmin, lmax, gmin, gmax;
    lmin.value = INFINITY;  lmin.index = -1;
    lmax.value = -INFINITY; lmax.index = -1;
    for (int i = 0; i < nloc; i++) {
        int g = first + i; /* store the GLOBAL index, so it means something on rank 0 */
        double x = f(g);
        if (x < lmin.value) { lmin.value = x; lmin.index = g; }
        if (x > lmax.value) { lmax.value = x; lmax.index = g; }
    }

    /* MINLOC/MAXLOC compare the values and carry the index along
       (on ties the smaller index wins). */
    MPI_Allreduce(&lmin, &gmin, 1, MPI_DOUBLE_INT, MPI_MINLOC, MPI_COMM_WORLD);
    MPI_Allreduce(&lmax, &gmax, 1, MPI_DOUBLE_INT, MPI_MAXLOC, MPI_COMM_WORLD);

    /* Serial reference. */
    int imin = 0, imax = 0;
    for (int g = 1; g < N; g++) {
        if (f(g) < f(imin)) imin = g;
        if (f(g) > f(imax)) imax = g;
    }
    int ok = gmin.index == imin && gmax.index == imax && gmin.value == f(imin) && gmax.value == f(imax);
    if (rank == 0)
        printf("min %.4f at %d, max %.4f at %d: %s\n", gmin.value, gmin.index, gmax.value, gmax.index,
               ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
