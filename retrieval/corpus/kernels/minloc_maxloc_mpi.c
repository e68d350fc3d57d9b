/*---
id: kern-minloc-mpi
title: Global minimum and maximum with their owners using MPI_MINLOC and MPI_MAXLOC
descriptions:
  - which process has the smallest value and at which index
  - MPI_MINLOC and MPI_MAXLOC example with MPI_DOUBLE_INT
  - find the global argmin over distributed data
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

#define N 100003

static double value(int g) { return cos(0.001 * g) * (1.0 + 0.00001 * g); }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int lo = (int)((long)N * rank / size), hi = (int)((long)N * (rank + 1) / size);

    /* MPI_DOUBLE_INT is a (double, int) pair; MINLOC compares the doubles and
       on a tie keeps the smaller int.  We store the global index in the int. */
    struct { double val; int idx; } mn = {INFINITY, -1}, mx = {-INFINITY, -1}, gmin, gmax;
    for (int g = lo; g < hi; g++) {
        double v = value(g);
        if (v < mn.val) { mn.val = v; mn.idx = g; }
        if (v > mx.val) { mx.val = v; mx.idx = g; }
    }
    MPI_Allreduce(&mn, &gmin, 1, MPI_DOUBLE_INT, MPI_MINLOC, MPI_COMM_WORLD);
    MPI_Allreduce(&mx, &gmax, 1, MPI_DOUBLE_INT, MPI_MAXLOC, MPI_COMM_WORLD);

    /* Serial reference on every rank. */
    double rmin = INFINITY, rmax = -INFINITY;
    int imin = -1, imax = -1;
    for (int g = 0; g < N; g++) {
        double v = value(g);
        if (v < rmin) { rmin = v; imin = g; }
        if (v > rmax) { rmax = v; imax = g; }
    }
    int ok = gmin.idx == imin && gmax.idx == imax && gmin.val == rmin && gmax.val == rmax;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) {
        int owner = -1; /* which rank held the minimum? */
        for (int r = 0; r < size; r++)
            if (gmin.idx >= (int)((long)N * r / size) && gmin.idx < (int)((long)N * (r + 1) / size)) owner = r;
        printf("min %.6f at %d (rank %d), max %.6f at %d: %s\n", gmin.val, gmin.idx, owner, gmax.val, gmax.idx,
               ok ? "PASS" : "FAIL");
    }
    MPI_Finalize();
    return ok ? 0 : 1;
}
