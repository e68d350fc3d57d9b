/*---
id: omp-atomic-capture-work-queue
title: A shared work counter - threads grab the next task with atomic capture
descriptions:
  - each thread takes the next job from a shared counter
  - self scheduling with an atomic counter in a parallel region
  - get a unique ticket number per thread with atomic fetch and add
api: openmp
lang: c
constructs: [parallel, atomic capture, omp_get_thread_num]
pattern: work queue
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define NJOBS 500

/* A job whose cost varies: sum of the divisors of 50*j (slow for big j). */
static long job(int j) {
    long n = 50L * j, s = 0;
    for (long d = 1; d <= n; d++)
        if (n % d == 0) s += d;
    return s;
}

int main(void) {
    static long result[NJOBS];
    static int done_by[NJOBS];
    int next = 0; /* index of the next job nobody has taken yet */

    /* Every thread loops: take a ticket, do that job, repeat until the
       tickets run out. atomic capture reads the old value and increments
       it in one indivisible step, so each job index is handed out exactly
       once. This is what schedule(dynamic,1) does internally, but the same
       idea works for any stream of work, not only loops. */
#pragma omp parallel
    {
        for (;;) {
            int j;
#pragma omp atomic capture
            j = next++;
            if (j >= NJOBS) break;
            result[j] = job(j);
            done_by[j] = omp_get_thread_num();
        }
    }

    int ok = 1, by0 = 0;
    for (int j = 0; j < NJOBS; j++) {
        if (result[j] != job(j)) ok = 0;
        if (done_by[j] == 0) by0++;
    }
    printf("%d jobs done, %d of them by thread 0: %s\n", NJOBS, by0, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
