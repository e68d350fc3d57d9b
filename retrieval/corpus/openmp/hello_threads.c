/*---
id: omp-hello-threads
title: Hello world - which thread am I and how many are there
descriptions:
  - OpenMP hello world
  - get the thread id and number of threads inside a parallel region
  - omp_get_thread_num and omp_get_num_threads example
  - how do I set the number of threads with OMP_NUM_THREADS
api: openmp
lang: c
constructs: [parallel, omp_get_thread_num, omp_get_num_threads, omp_get_max_threads]
pattern: basics
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    /* The team size comes from OMP_NUM_THREADS (e.g. OMP_NUM_THREADS=4
       ./a.out), else from the number of cores. omp_get_max_threads() tells
       you, outside a region, how many threads the next region will use. */
    int max = omp_get_max_threads();
    int *seen = calloc(max, sizeof *seen);
    if (!seen) return 1;
    int team = 0;

#pragma omp parallel
    {
        int id = omp_get_thread_num();   /* 0 .. team size - 1 */
        int n = omp_get_num_threads();   /* team size (1 outside a region) */
        seen[id] = 1;                    /* each thread writes its own slot */
        if (id == 0) team = n;
        /* printf from several threads works, but lines appear in a random
           order; here we record, and print in order afterwards. */
    }

    int ok = team >= 1 && team <= max;
    for (int i = 0; i < team; i++) {
        printf("hello from thread %d of %d\n", i, team);
        if (!seen[i]) ok = 0;
    }
    printf("outside the region: omp_get_num_threads() = %d: %s\n", omp_get_num_threads(),
           ok && omp_get_num_threads() == 1 ? "PASS" : "FAIL");
    free(seen);
    return ok && omp_get_num_threads() == 1 ? 0 : 1;
}
