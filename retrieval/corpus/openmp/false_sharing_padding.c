/*---
id: omp-false-sharing-padding
title: False sharing of per-thread counters and the padding fix
descriptions:
  - my parallel code gets slower with more threads
  - what is false sharing and how do I avoid it
  - pad per-thread array elements to a cache line
  - threads write to neighbouring array elements and performance is bad
api: openmp
lang: c
constructs: [parallel, for, omp_get_thread_num, omp_get_wtime]
pattern: performance
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 4000000
#define CACHE_LINE 64

/* Padded slot: each counter sits alone in its own 64-byte cache line. */
typedef struct {
    _Alignas(CACHE_LINE) long value;
    char pad[CACHE_LINE - sizeof(long)];
} PaddedLong;

int main(void) {
    const int nt = omp_get_max_threads();
    long *packed = calloc(nt, sizeof *packed); /* 8 counters share one cache line */
    PaddedLong *padded = aligned_alloc(CACHE_LINE, nt * sizeof *padded);
    if (!packed || !padded) return 1;
    for (int t = 0; t < nt; t++) padded[t].value = 0;

    /* Each thread updates only ITS element, so there is no data race and
       the results are correct. But packed[0] and packed[1] share a cache
       line: every write by one core invalidates the line in the other
       core's cache, and the line ping-pongs between cores ("false
       sharing"). The padded version gives each thread its own line. The
       volatile pointer forces a real memory write per iteration, as a
       more complex loop body would. */
    double t0 = omp_get_wtime();
#pragma omp parallel
    {
        volatile long *mine = &packed[omp_get_thread_num()];
#pragma omp for
        for (int i = 0; i < N; i++) *mine += i & 1;
    }
    double t_packed = omp_get_wtime() - t0;

    t0 = omp_get_wtime();
#pragma omp parallel
    {
        volatile long *mine = &padded[omp_get_thread_num()].value;
#pragma omp for
        for (int i = 0; i < N; i++) *mine += i & 1;
    }
    double t_padded = omp_get_wtime() - t0;

    long s1 = 0, s2 = 0;
    for (int t = 0; t < nt; t++) {
        s1 += packed[t];
        s2 += padded[t].value;
    }
    /* Timings depend on the machine (and show nothing with 1 thread);
       only the results are checked. The best fix is usually a local
       variable in each thread, written back once. */
    int ok = s1 == N / 2 && s2 == N / 2;
    printf("packed %.4f s, padded %.4f s (%d threads): %s\n", t_packed, t_padded, nt,
           ok ? "PASS" : "FAIL");
    free(packed);
    free(padded);
    return ok ? 0 : 1;
}
