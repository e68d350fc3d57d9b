/*---
id: mpi-neighbor-allgather-ring
title: Gather values from topology neighbours with MPI_Neighbor_allgather
descriptions:
  - neighborhood collective example in MPI
  - get the left and right neighbour values in one call on a periodic ring
  - MPI_Neighbor_allgather with a Cartesian communicator
api: mpi
lang: c
constructs: [MPI_Cart_create, MPI_Neighbor_allgather, MPI_Cart_shift]
pattern: topology
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* A periodic 1D ring: every rank has exactly two neighbours (with 1 rank
       both are itself, with 2 ranks both are the other rank). */
    int dims[1] = {size}, periods[1] = {1}, rank;
    MPI_Comm ring;
    MPI_Cart_create(MPI_COMM_WORLD, 1, dims, periods, 0, &ring);
    MPI_Comm_rank(ring, &rank);

    /* Send my value to all neighbours and receive one value from each.
       For Cartesian topologies the receive order is, per dimension,
       the negative direction first, then the positive one. */
    double mine = 1.5 * rank, nb[2];
    MPI_Neighbor_allgather(&mine, 1, MPI_DOUBLE, nb, 1, MPI_DOUBLE, ring);

    int left, right;
    MPI_Cart_shift(ring, 0, 1, &left, &right);
    int ok = nb[0] == 1.5 * left && nb[1] == 1.5 * right;
    /* e.g. a smoothing step that needs both neighbours */
    double smoothed = (nb[0] + 2 * mine + nb[1]) / 4;

    double total;
    MPI_Allreduce(&smoothed, &total, 1, MPI_DOUBLE, MPI_SUM, ring);
    ok = ok && total == 1.5 * size * (size - 1) / 2; /* smoothing keeps the sum */
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, ring);
    if (rank == 0) printf("neighbour values %.1f and %.1f: %s\n", nb[0], nb[1], all_ok ? "PASS" : "FAIL");
    MPI_Comm_free(&ring);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
