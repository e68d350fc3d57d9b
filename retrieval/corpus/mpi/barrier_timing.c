/*---
id: mpi-barrier-timing
title: Time a parallel phase fairly with MPI_Barrier and the slowest rank's MPI_Wtime
descriptions:
  - synchronise all processes before starting a timer
  - MPI_Barrier example
  - how do I measure the elapsed time of a parallel section across all ranks
api: mpi
lang: c
constructs: [MPI_Barrier, MPI_Wtime, MPI_Reduce, MPI_MAX]
pattern: collective
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

    /* Without the barrier, ranks would start the clock at different moments. */
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();

    /* Unbalanced work: higher ranks do more. */
    long iters = 200000L * (rank + 1);
    double x = 0.0;
    for (long i = 0; i < iters; i++) x += 1.0 / (double)(i + 1);

    double mytime = MPI_Wtime() - t0;

    /* The phase is only as fast as its slowest rank: report the maximum
       (and the minimum, to see the load imbalance). */
    double tmax, tmin;
    MPI_Reduce(&mytime, &tmax, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Reduce(&mytime, &tmin, 1, MPI_DOUBLE, MPI_MIN, 0, MPI_COMM_WORLD);

    /* A barrier is also the way to make sure nobody continues before all finish. */
    MPI_Barrier(MPI_COMM_WORLD);

    int ok = x > 0.0;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) {
        all_ok = all_ok && tmax >= tmin && tmin >= 0.0;
        printf("phase time: max %.4f s, min %.4f s on %d ranks: %s\n", tmax, tmin, size, all_ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&all_ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
