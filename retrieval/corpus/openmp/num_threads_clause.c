/*---
id: omp-num-threads
title: Set the number of threads - num_threads clause vs omp_set_num_threads vs OMP_NUM_THREADS
descriptions:
  - how do I choose how many threads a parallel region uses
  - num_threads clause example
  - omp_set_num_threads overrides OMP_NUM_THREADS
api: openmp
lang: c
constructs: [parallel, num_threads, omp_set_num_threads, omp_get_max_threads, omp_get_num_threads, single]
pattern: basics
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

static int team_size_default(void) {
    int n = 0;
#pragma omp parallel
#pragma omp single
    n = omp_get_num_threads();
    return n;
}

int main(void) {
    /* Three ways, from weakest to strongest:
       1. environment: OMP_NUM_THREADS=4 ./prog   (sets the initial default)
       2. omp_set_num_threads(k): new default for later regions
       3. num_threads(k) clause: this one region only */
    int env_max = omp_get_max_threads();
    int from_env = team_size_default(); /* OMP_NUM_THREADS or #cores */

    omp_set_num_threads(3);
    int after_set = team_size_default();

    int with_clause = 0;
#pragma omp parallel num_threads(2)
#pragma omp single
    with_clause = omp_get_num_threads();

    int back_to_default = team_size_default(); /* the clause did not change the default */

    /* The runtime may grant FEWER threads than requested (thread limits,
       dynamic adjustment), but with defaults it grants the request. */
    int ok = from_env == env_max;
    ok = ok && after_set == 3 && with_clause == 2 && back_to_default == 3;
    printf("default %d, after omp_set_num_threads(3): %d, num_threads(2): %d, then %d: %s\n",
           from_env, after_set, with_clause, back_to_default, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
