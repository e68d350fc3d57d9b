/*---
id: kern-scan-serial
title: Inclusive and exclusive prefix sum (scan), serial
descriptions:
  - compute the running total of an array
  - prefix sum / cumulative sum in C, inclusive and exclusive
  - difference between inclusive and exclusive scan
api: serial
lang: c
constructs: [inclusive scan, exclusive scan]
pattern: scan
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>

#define N 1000000L

int main(void) {
    long *a = malloc(N * sizeof *a), *inc = malloc(N * sizeof *inc), *exc = malloc(N * sizeof *exc);
    for (long i = 0; i < N; i++) a[i] = i + 1; /* 1, 2, 3, ... */

    /* Inclusive: inc[i] = a[0] + ... + a[i].  Exclusive: exc[i] = a[0] + ... + a[i-1]. */
    long run = 0;
    for (long i = 0; i < N; i++) {
        exc[i] = run;
        run += a[i];
        inc[i] = run;
    }

    /* Closed form: 1 + ... + k = k(k+1)/2. */
    int ok = 1;
    for (long i = 0; i < N; i++)
        if (inc[i] != (i + 1) * (i + 2) / 2 || exc[i] != i * (i + 1) / 2) { ok = 0; break; }
    printf("inclusive[N-1] = %ld, exclusive[N-1] = %ld: %s\n", inc[N - 1], exc[N - 1], ok ? "PASS" : "FAIL");
    free(a); free(inc); free(exc);
    return ok ? 0 : 1;
}
