/*---
id: omp-schedule-guided
title: Shrinking chunks with schedule(guided)
descriptions:
  - what does schedule(guided) do and when should I use it
  - large chunks first then smaller ones to balance the end of the loop
  - guided scheduling with a minimum chunk size
api: openmp
lang: c
constructs: [parallel for, schedule(guided, chunk), omp_get_thread_num, atomic capture]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 5000
#define MIN_CHUNK 8

static double work(int i) {
    /* Uneven cost: every 100th iteration is 50 times more expensive. */
    int reps = (i % 100 == 0) ? 5000 : 100;
    double s = 0.0;
    for (int r = 1; r <= reps; r++) s += 1.0 / (r + i);
    return s;
}

int main(void) {
    static double y[N];
    static int owner[N];

    /* schedule(guided, MIN_CHUNK): like dynamic, but each chunk is about
       (remaining iterations / number of threads), so the first grabs are
       big (little overhead) and they shrink toward the end (good balance),
       never below MIN_CHUNK iterations (except possibly the last chunk). */
#pragma omp parallel for schedule(guided, MIN_CHUNK)
    for (int i = 0; i < N; i++) {
        y[i] = work(i);
        owner[i] = omp_get_thread_num();
    }

    /* Every iteration must have been done exactly once, whoever did it.
       Also report how the iterations ended up spread over the threads
       (this part varies from run to run). */
    int ok = 1, per_thread[64] = {0};
    for (int i = 0; i < N; i++) {
        if (y[i] != work(i)) ok = 0; /* same computation, same result */
        if (owner[i] >= 0 && owner[i] < 64) per_thread[owner[i]]++;
    }
    printf("iterations per thread:");
    for (int t = 0; t < omp_get_max_threads() && t < 64; t++) printf(" %d", per_thread[t]);
    printf("\nschedule(guided,%d): %s\n", MIN_CHUNK, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
