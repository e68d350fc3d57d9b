/*---
id: omp-shared-counter-race-fix
title: Avoid a race condition when many threads update one counter
descriptions:
  - my counter gives a different wrong answer every run with OpenMP
  - avoid a race condition when updating a counter
  - count matching elements in parallel safely
  - count++ inside parallel for is wrong
api: openmp
lang: c
constructs: [parallel for, reduction(+), atomic]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000000

int main(void) {
    /* WRONG (not run here): count is shared, and count++ is read-modify-
       write; two threads can read the same old value and one increment is
       lost:
           #pragma omp parallel for
           for (i...) if (cond) count++;          <- data race
       Two correct fixes follow. */

    /* Fix 1 (best): a reduction. Each thread counts privately, the
       private counts are added once at the end. */
    long count1 = 0;
#pragma omp parallel for reduction(+ : count1)
    for (int i = 0; i < N; i++)
        if (i % 3 == 0 || i % 5 == 0) count1++;

    /* Fix 2: make every update atomic. Correct, but each increment is a
       synchronised memory operation, so it is slower when updates are
       frequent. Use it when the shared variable is not a simple sum
       (e.g. one element of a big array). */
    long count2 = 0;
#pragma omp parallel for
    for (int i = 0; i < N; i++)
        if (i % 3 == 0 || i % 5 == 0) {
#pragma omp atomic
            count2++;
        }

    /* Inclusion-exclusion: multiples of 3 or 5 in [0, N). */
    long expected = (N + 2) / 3 + (N + 4) / 5 - (N + 14) / 15;
    int ok = count1 == expected && count2 == expected;
    printf("reduction: %ld, atomic: %ld, expected %ld: %s\n", count1, count2, expected,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
