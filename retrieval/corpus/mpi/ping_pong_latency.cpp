/*---
id: mpi-ping-pong-latency
title: Measure point-to-point latency with a ping-pong between two ranks (C++)
descriptions:
  - measure MPI message latency between two processes
  - ping pong benchmark with MPI_Wtime
  - how long does a small MPI message take round trip
api: mpi
lang: c++
constructs: [MPI_Send, MPI_Recv, MPI_Wtime, MPI_Barrier]
pattern: ping-pong
threads: [1]
ranks: [2, 4]
---*/
#include <mpi.h>

#include <cstdio>
#include <vector>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2) {
        if (rank == 0) std::printf("FAIL: ping-pong needs at least 2 ranks\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }

    const int warmup = 10, reps = 200, n = 8; // 8 ints = 32 bytes
    std::vector<int> buf(n, 0);
    bool ok = true;

    // Only ranks 0 and 1 play; the others just wait at the final barrier.
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = 0.0;
    for (int it = 0; it < warmup + reps; it++) {
        if (it == warmup) t0 = MPI_Wtime(); // do not time the first (slow) round trips
        if (rank == 0) {
            buf[0] = it;
            MPI_Send(buf.data(), n, MPI_INT, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(buf.data(), n, MPI_INT, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (buf[0] != it + 1) ok = false; // rank 1 increments the counter
        } else if (rank == 1) {
            MPI_Recv(buf.data(), n, MPI_INT, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            buf[0] += 1;
            MPI_Send(buf.data(), n, MPI_INT, 0, 0, MPI_COMM_WORLD);
        }
    }
    double elapsed = MPI_Wtime() - t0;

    if (rank == 0) {
        // One-way latency is half the round-trip time.
        double latency_us = elapsed / reps / 2 * 1e6;
        ok = ok && elapsed > 0.0;
        std::printf("one-way latency: %.2f us (%d bytes): %s\n", latency_us,
                    static_cast<int>(n * sizeof(int)), ok ? "PASS" : "FAIL");
    }
    int flag = ok ? 1 : 0;
    MPI_Bcast(&flag, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return flag ? 0 : 1;
}
