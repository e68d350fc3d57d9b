/*---
id: omp-schedule-static-chunk
title: Round-robin chunks with schedule(static, chunk)
descriptions:
  - deal out loop iterations in small chunks round robin
  - schedule(static, 4) example
  - interleave iterations between threads so later iterations are not all on one thread
api: openmp
lang: c
constructs: [parallel for, schedule(static, chunk), omp_get_thread_num, omp_get_num_threads]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 103 /* deliberately not a multiple of the chunk size */
#define CHUNK 4

int main(void) {
    int owner[N];
    long sq[N];
    int nthreads = 1;

    /* schedule(static, CHUNK) cuts the loop into chunks of CHUNK iterations
       and deals them out like cards: chunk 0 to thread 0, chunk 1 to
       thread 1, ... wrapping around. The mapping is fixed before the loop
       runs, so it is cheap and reproducible. Useful when the cost of an
       iteration grows or shrinks along the loop (e.g. triangular loops). */
#pragma omp parallel
    {
#pragma omp single
        nthreads = omp_get_num_threads();

#pragma omp for schedule(static, CHUNK)
        for (int i = 0; i < N; i++) {
            sq[i] = (long)i * i;
            owner[i] = omp_get_thread_num();
        }
    }

    /* With a chunk size the assignment is fully specified by OpenMP:
       iteration i belongs to chunk i / CHUNK, which goes to thread
       (i / CHUNK) % nthreads. */
    int ok = 1;
    for (int i = 0; i < N; i++) {
        if (sq[i] != (long)i * i) ok = 0;
        if (owner[i] != (i / CHUNK) % nthreads) ok = 0;
    }

    printf("first 12 owners:");
    for (int i = 0; i < 12; i++) printf(" %d", owner[i]);
    printf("\nschedule(static,%d) with %d threads: %s\n", CHUNK, nthreads, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
