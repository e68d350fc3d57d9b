/*---
id: mpi-pack-unpack
title: Bundle values of different types into one message with MPI_Pack / MPI_Unpack
descriptions:
  - send an int, an array of doubles and a string in a single message
  - MPI_Pack and MPI_Unpack example
  - broadcast heterogeneous data with MPI_PACKED
api: mpi
lang: c
constructs: [MPI_Pack, MPI_Unpack, MPI_Pack_size, MPI_PACKED, MPI_Bcast]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXV 16
#define NAMELEN 24

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Upper bound for the packed size: ask MPI, piece by piece. */
    int s1, s2, s3;
    MPI_Pack_size(1, MPI_INT, MPI_COMM_WORLD, &s1);
    MPI_Pack_size(MAXV, MPI_DOUBLE, MPI_COMM_WORLD, &s2);
    MPI_Pack_size(NAMELEN, MPI_CHAR, MPI_COMM_WORLD, &s3);
    int bufsize = s1 + s2 + s3;
    char *buf = malloc(bufsize);

    int n = 0;
    double v[MAXV];
    char name[NAMELEN];
    int position = 0; /* advanced by every MPI_Pack / MPI_Unpack call */
    if (rank == 0) {
        n = 5;
        for (int i = 0; i < n; i++) v[i] = 0.25 * i;
        strcpy(name, "boundary-layer");
        MPI_Pack(&n, 1, MPI_INT, buf, bufsize, &position, MPI_COMM_WORLD);
        MPI_Pack(v, n, MPI_DOUBLE, buf, bufsize, &position, MPI_COMM_WORLD);
        MPI_Pack(name, NAMELEN, MPI_CHAR, buf, bufsize, &position, MPI_COMM_WORLD);
    }

    /* Tell everyone how many bytes were packed, then send them as MPI_PACKED. */
    MPI_Bcast(&position, 1, MPI_INT, 0, MPI_COMM_WORLD); /* bytes actually used */
    MPI_Bcast(buf, position, MPI_PACKED, 0, MPI_COMM_WORLD);

    if (rank != 0) {
        /* Unpack in the same order as packed; n tells how many doubles follow. */
        int pos = 0;
        MPI_Unpack(buf, position, &pos, &n, 1, MPI_INT, MPI_COMM_WORLD);
        MPI_Unpack(buf, position, &pos, v, n, MPI_DOUBLE, MPI_COMM_WORLD);
        MPI_Unpack(buf, position, &pos, name, NAMELEN, MPI_CHAR, MPI_COMM_WORLD);
    }

    int ok = n == 5 && strcmp(name, "boundary-layer") == 0;
    for (int i = 0; i < n; i++)
        if (v[i] != 0.25 * i) ok = 0;
    free(buf);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("packed message of %d bytes: %s\n", position, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
