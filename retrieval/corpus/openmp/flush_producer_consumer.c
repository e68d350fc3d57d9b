/*---
id: omp-flush-producer-consumer
title: Hand data from one thread to another with a flag (atomic seq_cst and flush)
descriptions:
  - one thread produces data and another waits for it
  - how to use omp flush correctly with a ready flag
  - spin-wait on a shared flag in OpenMP without a data race
  - producer consumer handoff between two threads
api: openmp
lang: c
constructs: [parallel, num_threads, atomic write seq_cst, atomic read seq_cst, flush]
pattern: point-to-point
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000

int main(void) {
    static double data[N];
    int ready = 0; /* the flag: accessed ONLY with atomic read/write */
    double consumer_sum = -1.0;

#pragma omp parallel num_threads(2)
    {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();

        if (t == 0) { /* producer */
            for (int i = 0; i < N; i++) data[i] = 0.5 * i;
            /* The flag must be written and read atomically: a plain int
               read in a loop is a data race (and the compiler may hoist it
               out of the loop). seq_cst makes the atomic imply a flush, so
               every write above is visible to a thread that sees
               ready == 1. In OpenMP 4.5 style code you would write
               "#pragma omp flush" before the store instead; it is kept here
               as documentation and is harmless. */
#pragma omp flush
#pragma omp atomic write seq_cst
            ready = 1;
        }

        /* Consumer: thread 1, or thread 0 itself if the team has 1 thread. */
        if (t == 1 || (nt == 1 && t == 0)) {
            int r = 0;
            while (!r) {
#pragma omp atomic read seq_cst
                r = ready;
            }
#pragma omp flush
            double s = 0.0;
            for (int i = 0; i < N; i++) s += data[i]; /* safe: after seeing the flag */
            consumer_sum = s;
        }
    } /* barrier at the end: consumer_sum is visible afterwards */

    double expected = 0.5 * N * (N - 1) / 2.0;
    int ok = consumer_sum == expected;
    printf("consumer saw sum %.1f (expected %.1f): %s\n", consumer_sum, expected, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
