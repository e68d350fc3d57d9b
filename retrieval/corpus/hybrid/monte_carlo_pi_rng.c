/*---
id: hyb-monte-carlo
title: Hybrid Monte Carlo estimate of pi with a private random generator per thread
descriptions:
  - Monte Carlo simulation with MPI and OpenMP where every thread has its own random numbers
  - rand() is not thread safe, how do I generate random numbers in each thread
  - seed a separate random number stream per rank and per thread
  - estimate pi by throwing random darts on many cores and nodes
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, parallel, for reduction(+), MPI_Reduce, per-thread RNG state]
pattern: monte-carlo
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>

#define SAMPLES 4000000L /* in total, over all ranks and threads */
#define PI 3.14159265358979323846

/* A tiny 64-bit linear congruential generator. Its whole state is one
   integer, so every thread can keep a private copy: no sharing, no races. */
static double lcg_uniform(uint64_t *state) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * (1.0 / 9007199254740992.0); /* top 53 bits -> [0,1) */
}

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
        fprintf(stderr, "MPI_THREAD_FUNNELED not supported\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    long mine = SAMPLES * (rank + 1) / size - SAMPLES * rank / size;

    long hits = 0;
#pragma omp parallel reduction(+ : hits)
    {
        /* A different seed for every (rank, thread) pair, then a few warm-up
           draws so that nearby seeds do not give correlated first values. */
        uint64_t state = 0x9E3779B97F4A7C15ULL * (uint64_t)(rank * 1024 + omp_get_thread_num() + 1);
        for (int k = 0; k < 10; k++) lcg_uniform(&state);
#pragma omp for
        for (long i = 0; i < mine; i++) {
            double x = lcg_uniform(&state), y = lcg_uniform(&state);
            if (x * x + y * y < 1.0) hits++;
        }
    }

    long total = 0;
    MPI_Reduce(&hits, &total, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        double pi = 4.0 * (double)total / SAMPLES;
        /* Statistical check: the standard error is about 1.6/sqrt(SAMPLES) = 0.0008. */
        ok = fabs(pi - PI) < 0.01;
        printf("pi ~ %.5f from %ld samples: %s\n", pi, SAMPLES, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
