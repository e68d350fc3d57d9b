/*---
id: omp-threadprivate-counter
title: Per-thread global variables that persist across parallel regions (threadprivate)
descriptions:
  - global variable with one copy per thread
  - omp threadprivate example
  - keep per-thread state between two parallel regions
api: openmp
lang: c
constructs: [threadprivate, parallel, for, omp_set_dynamic, critical]
pattern: per-thread state
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

/* A file-scope (or static) variable made threadprivate: every thread gets
   its own copy, which lives as long as the thread. Functions deep in the
   call chain can use it without passing it around, like a per-thread
   global. */
static long work_done = 0;
#pragma omp threadprivate(work_done)

static void do_item(int i) { work_done += i % 10; } /* counts into this thread's copy */

int main(void) {
    const int n = 10000;
    long total1 = 0, total2 = 0;

    /* Copies keep their values from one parallel region to the next only if
       dynamic adjustment of threads is off and both regions use the same
       number of threads. */
    omp_set_dynamic(0);

#pragma omp parallel
    {
#pragma omp for
        for (int i = 0; i < n; i++) do_item(i);
#pragma omp critical
        total1 += work_done; /* each thread adds its own copy */
    }

    /* Second region: every thread continues from the value its copy had at
       the end of the first region (not from 0). */
#pragma omp parallel
    {
#pragma omp for
        for (int i = 0; i < n; i++) do_item(i);
#pragma omp critical
        total2 += work_done;
    }

    long per_pass = 0;
    for (int i = 0; i < n; i++) per_pass += i % 10;
    /* total2 counts both passes because the copies persisted. The master
       thread's copy is the original variable. */
    int ok = total1 == per_pass && total2 == 2 * per_pass;
    printf("after region 1: %ld, after region 2: %ld (one pass = %ld): %s\n", total1, total2,
           per_pass, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
