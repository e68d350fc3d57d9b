/*---
id: mpi-wtime-profile-phases
title: Profile computation and communication phases with MPI_Wtime and report min/avg/max
descriptions:
  - measure how long each part of my MPI program takes
  - MPI_Wtime example, time computation versus communication
  - find load imbalance by comparing the slowest and fastest rank
api: mpi
lang: c
constructs: [MPI_Wtime, MPI_Wtick, MPI_Reduce, MPI_MAX, MPI_MIN, MPI_Allreduce]
pattern: timing
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 400000

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* MPI_Wtime: wall-clock seconds since some moment in the past; only
       differences are meaningful. MPI_Wtick: its resolution. */
    double t_comp = 0.0, t_comm = 0.0, acc = 0.0;
    for (int iter = 0; iter < 5; iter++) {
        double t0 = MPI_Wtime();
        for (int i = rank; i < N; i += size) acc += 1.0 / ((double)i + 1.0); /* compute */
        double t1 = MPI_Wtime();
        double total;
        MPI_Allreduce(&acc, &total, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD); /* communicate */
        double t2 = MPI_Wtime();
        t_comp += t1 - t0;
        t_comm += t2 - t1;
    }

    /* Per-rank times differ: summarise them on rank 0. */
    double times[2] = {t_comp, t_comm}, tmin[2], tmax[2], tsum[2];
    MPI_Reduce(times, tmin, 2, MPI_DOUBLE, MPI_MIN, 0, MPI_COMM_WORLD);
    MPI_Reduce(times, tmax, 2, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Reduce(times, tsum, 2, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        const char *name[2] = {"compute", "communicate"};
        for (int k = 0; k < 2; k++) {
            printf("%-12s min %.2e  avg %.2e  max %.2e s\n", name[k], tmin[k], tsum[k] / size, tmax[k]);
            if (!(tmin[k] >= 0.0 && tmin[k] <= tmax[k])) ok = 0;
        }
        /* Imbalance: how much longer the slowest rank computes than the average. */
        double avg = tsum[0] / size;
        printf("load imbalance %.1f%%, timer resolution %.1e s\n", avg > 0 ? 100.0 * (tmax[0] / avg - 1.0) : 0.0, MPI_Wtick());
        if (!(MPI_Wtick() > 0.0)) ok = 0;
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("timing report: %s\n", ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
