/*---
id: omp-threadprivate-copyin
title: Initialise every thread's threadprivate copy from the master with copyin
descriptions:
  - threadprivate variable is zero in the other threads
  - copyin clause example
  - give all threads the same starting value for a per-thread global
api: openmp
lang: c
constructs: [threadprivate, copyin, parallel, omp_get_thread_num]
pattern: per-thread state
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

/* Per-thread configuration and scratch state. */
static int level = 0;
static double scale = 1.0;
#pragma omp threadprivate(level, scale)

int main(void) {
    /* In serial code only the master thread's copy is set. */
    level = 3;
    scale = 2.5;

    int ok = 1;
    /* Without copyin, the other threads' copies would still hold their
       initial values (0 and 1.0). copyin(level, scale) copies the master's
       values into every thread's copy at the start of the region. */
#pragma omp parallel copyin(level, scale) reduction(&& : ok)
    {
        ok = ok && level == 3 && scale == 2.5;
        /* Each copy can now diverge independently. */
        level += omp_get_thread_num();
        scale *= 2.0;
        ok = ok && level == 3 + omp_get_thread_num() && scale == 5.0;
    }

    /* The master's copy (thread 0) is the original variable. */
    ok = ok && level == 3 && scale == 5.0;
    printf("master copy after region: level=%d scale=%.1f: %s\n", level, scale, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
