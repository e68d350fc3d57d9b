/*---
id: omp-nested-parallel
title: Nested parallel regions with omp_set_max_active_levels
descriptions:
  - parallel region inside another parallel region
  - enable nested parallelism in OpenMP
  - omp_get_level and omp_get_ancestor_thread_num example
api: openmp
lang: c
constructs: [parallel, num_threads, omp_set_max_active_levels, omp_get_level, omp_get_active_level, omp_get_ancestor_thread_num, omp_get_team_size]
pattern: nested
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define OUTER 2
#define INNER 2

int main(void) {
    /* By default only the outermost region is active (gets several
       threads); inner regions run with a team of one. Allow two active
       levels of parallelism. (OMP_NESTED / omp_set_nested are deprecated.) */
    omp_set_max_active_levels(2);

    int hits[OUTER][INNER] = {{0}};
    int bad_level = 0;

#pragma omp parallel num_threads(OUTER) reduction(+ : bad_level)
    {
        int outer_id = omp_get_thread_num();

        /* Every outer thread becomes the primary thread of its own inner
           team: OUTER * INNER threads in total. */
#pragma omp parallel num_threads(INNER) reduction(+ : bad_level)
        {
            int inner_id = omp_get_thread_num();
            if (omp_get_level() != 2) bad_level++;
            /* Thread number at nesting level 1 = the outer thread. */
            if (omp_get_ancestor_thread_num(1) != outer_id) bad_level++;
            /* omp_get_active_level() counts only regions with > 1 thread. */
            if (omp_get_active_level() > 2) bad_level++;
            hits[outer_id][inner_id] = omp_get_team_size(2);
        }
    }

    /* num_threads is a request: the runtime may give fewer threads
       (e.g. a thread limit). Each (outer, inner) pair that ran must have
       recorded its inner team size; pairs with thread ids beyond the
       granted team sizes never run. Thread (0,0) always exists. */
    int ok = bad_level == 0 && hits[0][0] >= 1;
    for (int o = 0; o < OUTER; o++)
        for (int i = 0; i < INNER; i++)
            if (hits[o][i] != 0 && hits[o][i] <= i) ok = 0;

    printf("inner team sizes: [%d %d] [%d %d]: %s\n", hits[0][0], hits[0][1], hits[1][0], hits[1][1],
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
