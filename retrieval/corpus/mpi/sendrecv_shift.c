/*---
id: mpi-sendrecv-shift
title: Circularly shift a distributed array by one element with MPI_Sendrecv
descriptions:
  - shift a distributed array one position to the right across processes
  - MPI_Sendrecv example to exchange boundary values with neighbours
  - send to the next rank and receive from the previous one in one call without deadlock
api: mpi
lang: c
constructs: [MPI_Sendrecv, MPI_Allreduce]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 23 /* global length, deliberately not a multiple of the rank count */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Block distribution: the first N % size ranks own one extra element. */
    int base = N / size, extra = N % size;
    int nloc = base + (rank < extra);
    int first = rank * base + (rank < extra ? rank : extra);
    int *a = malloc(nloc * sizeof *a);
    for (int i = 0; i < nloc; i++) a[i] = first + i; /* global array a[g] = g */

    /* Global circular shift right by one: our last element goes to the right
       neighbour, and we receive the left neighbour's last element.
       MPI_Sendrecv does both at once, so the ring cannot deadlock. */
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    int incoming;
    MPI_Sendrecv(&a[nloc - 1], 1, MPI_INT, right, 0,
                 &incoming, 1, MPI_INT, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    for (int i = nloc - 1; i > 0; i--) a[i] = a[i - 1];
    a[0] = incoming;

    /* After the shift, global element g holds (g - 1) mod N. */
    int ok = 1;
    for (int i = 0; i < nloc; i++)
        if (a[i] != (first + i - 1 + N) % N) ok = 0;
    free(a);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("circular shift of %d elements: %s\n", N, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
