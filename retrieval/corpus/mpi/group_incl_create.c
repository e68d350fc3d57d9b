/*---
id: mpi-group-incl-create
title: Build a communicator of selected ranks with MPI groups (Group_incl, Comm_create)
descriptions:
  - create a communicator with only the even ranks
  - MPI_Comm_group MPI_Group_incl MPI_Comm_create example
  - translate a rank number from one group to another
api: mpi
lang: c
constructs: [MPI_Comm_group, MPI_Group_incl, MPI_Comm_create, MPI_Group_translate_ranks, MPI_Group_free]
pattern: communicator
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* A group is just an ordered set of processes; no communication happens here. */
    MPI_Group world_group, even_group;
    MPI_Comm_group(MPI_COMM_WORLD, &world_group);
    int neven = (size + 1) / 2;
    int *members = malloc(neven * sizeof *members);
    for (int k = 0; k < neven; k++) members[k] = 2 * k; /* world ranks 0, 2, 4, ... */
    MPI_Group_incl(world_group, neven, members, &even_group);

    /* Comm_create is collective over MPI_COMM_WORLD; ranks outside the group
       get MPI_COMM_NULL. */
    MPI_Comm even_comm;
    MPI_Comm_create(MPI_COMM_WORLD, even_group, &even_comm);

    int ok = 1;
    if (even_comm != MPI_COMM_NULL) {
        int erank, esize, sum;
        MPI_Comm_rank(even_comm, &erank);
        MPI_Comm_size(even_comm, &esize);
        MPI_Allreduce(&rank, &sum, 1, MPI_INT, MPI_SUM, even_comm); /* only even ranks */
        if (erank != rank / 2 || esize != neven || sum != neven * (neven - 1)) ok = 0;
        MPI_Comm_free(&even_comm);
    } else if (rank % 2 == 0) {
        ok = 0; /* even ranks must be members */
    }

    /* Where is world rank 2*k inside even_group? At rank k. */
    int *in_even = malloc(neven * sizeof *in_even);
    MPI_Group_translate_ranks(world_group, neven, members, even_group, in_even);
    for (int k = 0; k < neven; k++)
        if (in_even[k] != k) ok = 0;
    /* Odd world ranks are not in the group: MPI_UNDEFINED. */
    if (size > 1) {
        int one = 1, t;
        MPI_Group_translate_ranks(world_group, 1, &one, even_group, &t);
        if (t != MPI_UNDEFINED) ok = 0;
    }

    MPI_Group_free(&even_group);
    MPI_Group_free(&world_group);
    free(members);
    free(in_even);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("communicator of %d even ranks: %s\n", neven, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
