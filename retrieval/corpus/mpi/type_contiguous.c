/*---
id: mpi-type-contiguous
title: Send an array of 3D points as one element each with MPI_Type_contiguous
descriptions:
  - MPI_Type_contiguous example
  - create an MPI datatype for a group of consecutive doubles
  - send an array of xyz coordinates counting points instead of doubles
api: mpi
lang: c
constructs: [MPI_Type_contiguous, MPI_Type_commit, MPI_Type_free, MPI_Sendrecv, MPI_Get_count]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define NPTS 10

typedef struct { double x, y, z; } point; /* three doubles, no padding */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* One MPI_POINT = 3 consecutive MPI_DOUBLEs. Commit before use. */
    MPI_Datatype MPI_POINT;
    MPI_Type_contiguous(3, MPI_DOUBLE, &MPI_POINT);
    MPI_Type_commit(&MPI_POINT);

    point out[NPTS], in[NPTS];
    for (int i = 0; i < NPTS; i++) {
        out[i].x = rank; out[i].y = i; out[i].z = rank * i;
    }

    /* Counts are now in points, not doubles. Send to the right, receive from the left. */
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    MPI_Status st;
    MPI_Sendrecv(out, NPTS, MPI_POINT, right, 0, in, NPTS, MPI_POINT, left, 0, MPI_COMM_WORLD, &st);

    int npoints;
    MPI_Get_count(&st, MPI_POINT, &npoints); /* counts whole points */
    int ok = npoints == NPTS;
    for (int i = 0; i < NPTS; i++)
        if (in[i].x != left || in[i].y != i || in[i].z != left * i) ok = 0;

    MPI_Type_free(&MPI_POINT);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("sent %d points with a contiguous type: %s\n", npoints, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
