/*---
id: omp-runtime-info
title: Query the OpenMP runtime - version, cores, limits, in_parallel
descriptions:
  - which OpenMP version does my compiler support
  - how many cores does OpenMP see
  - check whether code is running inside a parallel region
api: openmp
lang: c
constructs: [_OPENMP, omp_get_num_procs, omp_get_max_threads, omp_get_thread_limit, omp_in_parallel, omp_get_dynamic, omp_get_level]
pattern: basics
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

int main(void) {
    /* _OPENMP is defined by the compiler when OpenMP is enabled
       (-fopenmp), as the date of the supported specification: 201511 =
       4.5, 201811 = 5.0, 202011 = 5.1. Use it for code that must also
       build without OpenMP. */
    printf("_OPENMP = %d\n", _OPENMP);
    printf("processors available: %d\n", omp_get_num_procs());
    printf("max threads for next region: %d\n", omp_get_max_threads());
    printf("thread limit: %d, dynamic adjustment: %s\n", omp_get_thread_limit(),
           omp_get_dynamic() ? "on" : "off");

    int outside = omp_in_parallel(), inside = 0, level = 0;
#pragma omp parallel
    {
#pragma omp single
        {
            /* omp_in_parallel() is true only inside an ACTIVE region
               (team of more than one thread). omp_get_level() counts
               enclosing regions whether active or not. */
            inside = omp_in_parallel() || omp_get_num_threads() == 1;
            level = omp_get_level();
        }
    }

    int ok = _OPENMP >= 200805 && omp_get_num_procs() >= 1 && !outside && inside && level == 1;
    printf("in_parallel outside = %d, level inside = %d: %s\n", outside, level, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
