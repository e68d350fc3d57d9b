/*---
id: omp-critical-named
title: Independent critical sections with names
descriptions:
  - two unrelated critical sections should not block each other
  - named critical section example
  - reduce lock contention between different shared variables
api: openmp
lang: c
constructs: [parallel for, critical(name)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 20000

int main(void) {
    /* Two unrelated pieces of shared state. */
    int max_val = -1, max_at = -1; /* largest value and where it occurs */
    long long even_sum = 0;
    int even_count = 0;            /* statistics of the even values */

    /* Each critical section protects a pair of variables that must change
       together, so atomic is not enough. Giving them different names means
       a thread updating the maximum does not block a thread updating the
       even statistics: all unnamed critical sections share one global
       lock, while each name gets its own. */
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
        int v = (i * 7907) % 10007;
        if (v > 9990) {
#pragma omp critical(maximum)
            {
                if (v > max_val || (v == max_val && i < max_at)) {
                    max_val = v;
                    max_at = i;
                }
            }
        }
        if (v % 1000 == 0) {
#pragma omp critical(even_stats)
            {
                even_sum += v;
                even_count++;
            }
        }
    }

    int rmax = -1, rat = -1, rcount = 0;
    long long rsum = 0;
    for (int i = 0; i < N; i++) {
        int v = (i * 7907) % 10007;
        if (v > rmax) {
            rmax = v;
            rat = i;
        }
        if (v % 1000 == 0) {
            rsum += v;
            rcount++;
        }
    }
    int ok = max_val == rmax && max_at == rat && even_sum == rsum && even_count == rcount;
    printf("max %d at %d; %d multiples of 1000 summing to %lld: %s\n", max_val, max_at,
           even_count, even_sum, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
