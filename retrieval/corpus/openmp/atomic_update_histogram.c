/*---
id: omp-atomic-update-histogram
title: Update shared array elements safely with atomic update
descriptions:
  - increment histogram bins from many threads
  - atomic update example in OpenMP
  - several threads add to the same array element, how do I avoid lost updates
api: openmp
lang: c
constructs: [parallel for, atomic update]
pattern: histogram
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 300000
#define NBINS 1024 /* many bins: too big to copy per thread comfortably */

static unsigned long long lcg(unsigned long long x) {
    return x * 6364136223846793005ULL + 1442695040888963407ULL;
}

int main(void) {
    static int hist[NBINS];

    /* Different iterations may hit the same bin at the same time.
       "atomic update" makes the read-modify-write of hist[b] indivisible
       (a hardware atomic add, much cheaper than a critical section). It
       protects only this one statement on this one memory location, and
       the statement must have a simple form such as x++, x += expr,
       x = x op expr. Collisions are rare with many bins, so contention is
       low. With few bins prefer an array reduction. */
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
        int b = (int)(lcg((unsigned long long)i) >> 54); /* top 10 bits: 0..1023 */
#pragma omp atomic update
        hist[b] += 1;
    }

    static int ref[NBINS];
    for (int i = 0; i < N; i++) ref[lcg((unsigned long long)i) >> 54]++;
    int ok = 1, total = 0;
    for (int b = 0; b < NBINS; b++) {
        if (hist[b] != ref[b]) ok = 0;
        total += hist[b];
    }
    ok = ok && total == N;
    printf("%d samples into %d bins, bin 0 = %d: %s\n", total, NBINS, hist[0], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
