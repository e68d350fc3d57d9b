/*---
id: mpi-rma-fetch-and-op-counter
title: Dynamic load balancing with a shared task counter using MPI_Fetch_and_op (C++)
descriptions:
  - global atomic counter in MPI so processes can grab the next task
  - MPI_Fetch_and_op example for a work queue
  - distribute tasks dynamically without a master process
api: mpi
lang: c++
constructs: [MPI_Win_allocate, MPI_Win_lock_all, MPI_Fetch_and_op, MPI_Win_flush, MPI_Win_unlock_all, MPI_Reduce]
pattern: task-farm
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>

#include <cstdio>
#include <vector>

// A task with uneven cost, so a static split would be unbalanced.
static long do_task(int t) {
    long s = 0;
    for (int i = 0; i <= t * 50; i++) s += i % 7;
    return s + t;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const int ntasks = 200;

    // The counter lives on rank 0 (one long); other ranks expose nothing.
    long *counter;
    MPI_Win win;
    MPI_Win_allocate(rank == 0 ? sizeof(long) : 0, sizeof(long), MPI_INFO_NULL, MPI_COMM_WORLD, &counter, &win);
    if (rank == 0) *counter = 0;
    MPI_Barrier(MPI_COMM_WORLD); // counter initialised before anyone increments it

    // One passive-target epoch on all ranks for the whole loop.
    MPI_Win_lock_all(0, win);
    long result = 0;
    std::vector<int> mine;
    const long one = 1;
    for (;;) {
        // Atomically: next = counter; counter += 1. Each value is handed out once.
        long next;
        MPI_Fetch_and_op(&one, &next, MPI_LONG, 0, 0, MPI_SUM, win);
        MPI_Win_flush(0, win); // complete the operation: `next` is valid now
        if (next >= ntasks) break;
        result += do_task(static_cast<int>(next));
        mine.push_back(static_cast<int>(next));
    }
    MPI_Win_unlock_all(win);

    // Check: every task done exactly once (count and sum of task ids), same result as serial.
    long stats[3] = {static_cast<long>(mine.size()), 0, result}, tot[3];
    for (int t : mine) stats[1] += t;
    MPI_Reduce(stats, tot, 3, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        long serial = 0;
        for (int t = 0; t < ntasks; t++) serial += do_task(t);
        ok = tot[0] == ntasks && tot[1] == static_cast<long>(ntasks) * (ntasks - 1) / 2 && tot[2] == serial;
        std::printf("%ld tasks shared via an atomic counter, rank 0 did %zu: %s\n", tot[0], mine.size(),
                    ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Win_free(&win);
    MPI_Finalize();
    return ok ? 0 : 1;
}
