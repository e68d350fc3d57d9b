/*---
id: mpi-monte-carlo-pi
title: Monte Carlo estimate of pi with independent random streams per rank
descriptions:
  - Monte Carlo simulation in parallel with MPI
  - each process needs different random numbers, how to seed them
  - estimate pi by throwing random points and summing the hits over all ranks
api: mpi
lang: c
constructs: [MPI_Reduce, MPI_LONG_LONG, MPI_Bcast]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>

#define TOTAL 4000000LL

/* A small, good 64-bit generator (splitmix64) so every rank has its own
   reproducible stream: seed = function of the rank. Do NOT use rand() with the
   same seed everywhere: every rank would draw the same points. */
static uint64_t next(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double uniform(uint64_t *s) { return (next(s) >> 11) * 0x1.0p-53; } /* [0, 1) */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    long long mine = TOTAL / size + (rank < TOTAL % size); /* samples for this rank */
    uint64_t state = 0x1234567ULL + 1000003ULL * (uint64_t)rank;

    long long hits = 0;
    for (long long i = 0; i < mine; i++) {
        double x = uniform(&state), y = uniform(&state);
        if (x * x + y * y < 1.0) hits++;
    }

    long long all_hits = 0;
    MPI_Reduce(&hits, &all_hits, 1, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        double pi = 4.0 * (double)all_hits / (double)TOTAL;
        /* Standard error is about 4*sqrt(p(1-p)/TOTAL) ~ 8e-4: allow 6 sigma. */
        double err = fabs(pi - 3.14159265358979323846);
        ok = err < 5e-3;
        printf("pi ~ %.5f from %lld samples (error %.1e): %s\n", pi, TOTAL, err, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
