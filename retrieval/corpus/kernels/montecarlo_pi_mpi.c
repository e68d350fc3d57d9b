/*---
id: kern-montecarlo-pi-mpi
title: Monte Carlo pi with MPI - an independent random stream per rank
descriptions:
  - Monte Carlo simulation across MPI processes with different seeds
  - combine hit counts from all ranks with MPI_Reduce
  - every process must use a different random seed
api: mpi
lang: c
constructs: [MPI_Reduce, MPI_LONG, MPI_Bcast, per-rank seed]
pattern: monte-carlo
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>

#define SAMPLES 2000000L /* total over all ranks */
#define PI 3.14159265358979323846

static double uniform(uint64_t *s) { /* 64-bit LCG, top 53 bits */
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

/* Hits of rank r: its seed and sample count depend only on r and size. */
static long rank_hits(int r, int size) {
    uint64_t state = 0x2545F4914F6CDD1DULL ^ (uint64_t)(r + 1) * 0x9E3779B97F4A7C15ULL;
    long n = SAMPLES * (r + 1) / size - SAMPLES * r / size, hits = 0;
    for (long i = 0; i < n; i++) {
        double x = uniform(&state), y = uniform(&state);
        if (x * x + y * y < 1.0) hits++;
    }
    return hits;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    long mine = rank_hits(rank, size), total = 0;
    MPI_Reduce(&mine, &total, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        long ref = 0; /* serial reference: replay every rank's stream */
        for (int r = 0; r < size; r++) ref += rank_hits(r, size);
        double pi = 4.0 * (double)total / SAMPLES;
        ok = total == ref && fabs(pi - PI) < 0.01;
        printf("pi ~ %.5f from %d ranks: %s\n", pi, size, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
