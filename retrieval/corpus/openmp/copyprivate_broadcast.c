/*---
id: omp-copyprivate-broadcast
title: Broadcast a value read by one thread to all threads with copyprivate
descriptions:
  - one thread reads a parameter and every thread needs its own copy
  - single copyprivate example
  - broadcast a private variable to the whole team
api: openmp
lang: c
constructs: [parallel, single, copyprivate, private]
pattern: broadcast
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* Stand-in for reading input (a file, a socket, the user). Must be
   called by one thread only. */
static int calls = 0;
static double read_parameter(int step) {
    calls++;
    return 1.5 * step;
}

int main(void) {
    const int steps = 5;
    int nthreads = 1;
    int *seen = calloc(64 * steps, sizeof *seen); /* [thread][step] correct? */
    if (!seen) return 1;

#pragma omp parallel
    {
        double param; /* private: each thread has its own variable */
        for (int s = 0; s < steps; s++) {
            /* One thread reads the value into ITS private param; at the end
               of single, copyprivate copies it into the private param of
               every other thread (before they leave the barrier). Without
               copyprivate, the other threads' param would be unset. */
#pragma omp single copyprivate(param)
            param = read_parameter(s);

            int t = omp_get_thread_num();
            if (t < 64) seen[t * steps + s] = (param == 1.5 * s);
        }
#pragma omp single
        nthreads = omp_get_num_threads();
    }

    int ok = calls == steps; /* read exactly once per step */
    for (int t = 0; t < nthreads && t < 64; t++)
        for (int s = 0; s < steps; s++)
            if (!seen[t * steps + s]) ok = 0;
    printf("%d reads, value broadcast to %d threads each time: %s\n", calls, nthreads,
           ok ? "PASS" : "FAIL");
    free(seen);
    return ok ? 0 : 1;
}
