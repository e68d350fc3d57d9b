/*---
id: kern-montecarlo-pi-openmp
title: Reproducible parallel Monte Carlo pi with rand_r and one seed per block of samples
descriptions:
  - random numbers in OpenMP threads without rand() race conditions
  - Monte Carlo pi that gives the same answer for any number of threads
  - use rand_r with a private seed in each thread
api: openmp
lang: c
constructs: [parallel for, reduction(+), schedule(static), rand_r]
pattern: monte-carlo
threads: [1, 2]
ranks: [1]
---*/
#define _POSIX_C_SOURCE 200809L /* for rand_r */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define BLOCKS 64     /* independent random streams */
#define PER_BLOCK 20000
#define PI 3.14159265358979323846

/* Hits in one block; the block's seed depends only on its number, and the
   state lives in a local variable, so this is safe to call from any thread. */
static long block_hits(int b) {
    unsigned seed = 1234u + 7919u * (unsigned)b;
    long hits = 0;
    for (int i = 0; i < PER_BLOCK; i++) {
        double x = rand_r(&seed) / ((double)RAND_MAX + 1.0);
        double y = rand_r(&seed) / ((double)RAND_MAX + 1.0);
        if (x * x + y * y < 1.0) hits++;
    }
    return hits;
}

int main(void) {
    /* rand() shares one hidden state between all threads (a race, and slow).
       Here each block of samples carries its own seed instead, so the answer
       does not depend on how blocks are assigned to threads. */
    long hits = 0;
#pragma omp parallel for reduction(+ : hits) schedule(static)
    for (int b = 0; b < BLOCKS; b++) hits += block_hits(b);

    long ref = 0; /* serial reference: the same blocks, one after another */
    for (int b = 0; b < BLOCKS; b++) ref += block_hits(b);

    double pi = 4.0 * (double)hits / ((double)BLOCKS * PER_BLOCK);
    int ok = hits == ref && fabs(pi - PI) < 0.02;
    printf("pi ~ %.5f with %d threads (hits %ld, serial %ld): %s\n", pi, omp_get_max_threads(), hits, ref,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
