/*---
id: omp-loop-dependency-fix
title: Make a loop parallel - remove an induction variable and an anti-dependence
descriptions:
  - why does my parallel loop give wrong results
  - loop-carried dependence, how to rewrite the loop for OpenMP
  - a counter incremented inside the loop prevents parallelization
  - a[i] = a[i+1] in parallel gives wrong answers
api: openmp
lang: c
constructs: [parallel for]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <string.h>

#define N 100000

static double a[N + 1], a_old[N + 1], b[2 * N + 2], ref_a[N + 1], ref_b[2 * N + 2];

int main(void) {
    for (int i = 0; i <= N; i++) a[i] = ref_a[i] = i % 100;

    /* SERIAL original:
           int j = 0;
           for (i = 0; i < N; i++) { j += 2; b[j] = i; a[i] = a[i + 1] + 1; }
       Two problems for a parallel loop:
       1. j carries a value from one iteration to the next (induction
          variable). Fix: compute it from i directly: j = 2*(i+1).
       2. a[i] reads a[i+1], which iteration i+1 overwrites (anti-
          dependence): in parallel, iteration i might read the NEW value.
          Fix: read from a copy of the old array. */
    int j = 0;
    for (int i = 0; i < N; i++) { /* serial reference */
        j += 2;
        ref_b[j] = i;
        ref_a[i] = ref_a[i + 1] + 1;
    }

    memcpy(a_old, a, sizeof a);
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
        b[2 * (i + 1)] = i;       /* induction variable replaced by a formula */
        a[i] = a_old[i + 1] + 1;  /* reads only old values: no dependence */
    }

    int ok = memcmp(a, ref_a, sizeof a) == 0 && memcmp(b, ref_b, sizeof b) == 0;
    printf("parallel result identical to the serial loop: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
