/*---
id: omp-manual-work-split
title: Divide work by hand using the thread number (SPMD style)
descriptions:
  - split an array among threads myself using omp_get_thread_num
  - compute start and end index for each thread
  - block partition that handles sizes not divisible by the thread count
api: openmp
lang: c
constructs: [parallel, omp_get_thread_num, omp_get_num_threads, atomic]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000003 /* prime: never divisible by the thread count */

static double x[N];

int main(void) {
    long long covered = 0;

    /* "omp for" normally does this for you. Doing it by hand is useful when
       each thread must own a fixed part of the data for the whole region
       (e.g. its own block of a grid). Spread the remainder: the first
       N % nt threads get one extra element, so sizes differ by at most 1. */
#pragma omp parallel
    {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
        int base = N / nt, extra = N % nt;
        int start = t * base + (t < extra ? t : extra);
        int count = base + (t < extra ? 1 : 0);

        for (int i = start; i < start + count; i++) x[i] = 2.0 * i;

#pragma omp atomic
        covered += count;
    }

    int ok = covered == N;
    for (int i = 0; i < N; i++)
        if (x[i] != 2.0 * i) ok = 0;
    printf("%lld of %d elements covered exactly once: %s\n", covered, N, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
