/*---
id: kern-histogram-serial
title: Histogram of integer data (serial reference)
descriptions:
  - count how many values fall into each bin
  - compute a histogram of an array in C
  - bin the data into equal width buckets
api: serial
lang: c
constructs: [histogram, binning]
pattern: histogram
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>

#define N 1000000 /* a multiple of 1000 */
#define NBINS 10  /* bins of width 100 over the values 0..999 */

int main(void) {
    int *data = malloc(N * sizeof *data);
    /* 7919 is coprime to 1000, so i*7919 mod 1000 visits every residue
       equally often: each value 0..999 appears N/1000 times. */
    for (long i = 0; i < N; i++) data[i] = (int)((i * 7919) % 1000);

    long hist[NBINS] = {0};
    for (long i = 0; i < N; i++) hist[data[i] / 100]++;

    /* Closed form: every bin holds 100 values, each N/1000 times. */
    int ok = 1;
    long total = 0;
    for (int b = 0; b < NBINS; b++) {
        if (hist[b] != N / NBINS) ok = 0;
        total += hist[b];
    }
    ok = ok && total == N;
    printf("hist[0] = %ld, total = %ld: %s\n", hist[0], total, ok ? "PASS" : "FAIL");
    free(data);
    return ok ? 0 : 1;
}
