/*---
id: mpi-rma-lock-unlock
title: Passive-target one-sided updates with MPI_Win_lock / MPI_Win_unlock
descriptions:
  - MPI_Win_lock example, write to a remote rank without it participating
  - passive target RMA with an exclusive lock
  - update a remote array without the target calling fence
api: mpi
lang: c
constructs: [MPI_Win_allocate, MPI_Win_lock, MPI_Win_unlock, MPI_Put, MPI_Get, MPI_LOCK_EXCLUSIVE, MPI_LOCK_SHARED]
pattern: one-sided
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Rank 0 holds a "mailbox" with one slot per rank. */
    int *slots;
    MPI_Win win;
    MPI_Aint bytes = rank == 0 ? size * sizeof(int) : 0;
    MPI_Win_allocate(bytes, sizeof(int), MPI_INFO_NULL, MPI_COMM_WORLD, &slots, &win);
    if (rank == 0) {
        /* Initialise the local window memory inside a lock on ourselves. */
        MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, win);
        for (int r = 0; r < size; r++) slots[r] = -1;
        MPI_Win_unlock(0, win);
    }
    MPI_Barrier(MPI_COMM_WORLD); /* initialisation done before anybody writes */

    /* Every rank writes its slot on rank 0. Rank 0 does nothing special for it:
       the origin alone opens and closes the access epoch. Unlock completes
       the Put at the target. */
    int value = rank * rank + 3;
    MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, win);
    MPI_Put(&value, 1, MPI_INT, 0, rank, 1, MPI_INT, win);
    MPI_Win_unlock(0, win);

    MPI_Barrier(MPI_COMM_WORLD); /* all writers are done */

    /* Any rank can now read the whole mailbox; a shared lock allows concurrent readers. */
    int copy[64];
    int n = size < 64 ? size : 64;
    MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, win);
    MPI_Get(copy, n, MPI_INT, 0, 0, n, MPI_INT, win);
    MPI_Win_unlock(0, win); /* the Get is complete after unlock */

    int ok = 1;
    for (int r = 0; r < n; r++)
        if (copy[r] != r * r + 3) ok = 0;

    MPI_Win_free(&win);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("passive-target puts into %d slots: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
