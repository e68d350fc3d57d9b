/*---
id: omp-reduction-logical
title: Check a condition over all elements with reduction(&&) and reduction(||)
descriptions:
  - check in parallel whether all elements are sorted
  - does any element of the array satisfy a condition, in parallel
  - logical and / logical or reduction in OpenMP
api: openmp
lang: c
constructs: [parallel for, reduction(&&), reduction(||)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 50000

int main(void) {
    static int a[N];
    for (int i = 0; i < N; i++) a[i] = 3 * i + 1; /* sorted, never divisible by 3 */

    /* reduction(&&): private copies start at 1 (true) and are combined
       with &&: the result is "true for every i".
       reduction(||): copies start at 0 (false), combined with ||:
       "true for at least one i". Note: unlike a serial loop, the parallel
       loop cannot stop early at the first counterexample. */
    int sorted = 1, has_mult3 = 0;
#pragma omp parallel for reduction(&& : sorted) reduction(|| : has_mult3)
    for (int i = 0; i < N; i++) {
        if (i > 0) sorted = sorted && (a[i - 1] <= a[i]);
        has_mult3 = has_mult3 || (a[i] % 3 == 0);
    }

    /* Break the property in one place and test again. */
    a[N / 2] = 9;
    int sorted2 = 1, has_mult3_2 = 0;
#pragma omp parallel for reduction(&& : sorted2) reduction(|| : has_mult3_2)
    for (int i = 0; i < N; i++) {
        if (i > 0) sorted2 = sorted2 && (a[i - 1] <= a[i]);
        has_mult3_2 = has_mult3_2 || (a[i] % 3 == 0);
    }

    int ok = sorted == 1 && has_mult3 == 0 && sorted2 == 0 && has_mult3_2 == 1;
    printf("before: sorted=%d any-multiple-of-3=%d; after: sorted=%d any=%d: %s\n", sorted,
           has_mult3, sorted2, has_mult3_2, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
