/*---
id: omp-atomic-capture-compact
title: Filter an array in parallel - atomic capture hands out output slots
descriptions:
  - copy the elements that pass a test into a new array in parallel
  - append to a shared output array from many threads
  - atomic capture fetch-and-add example
  - stream compaction with OpenMP
api: openmp
lang: c
constructs: [parallel for, atomic capture]
pattern: filter
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100000

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void) {
    int *in = malloc(N * sizeof *in), *out = malloc(N * sizeof *out);
    if (!in || !out) return 1;
    for (int i = 0; i < N; i++) in[i] = (int)((i * 2654435761u) % 100000u);

    /* Each kept element needs a unique slot in out[]. "atomic capture"
       performs  slot = count; count = count + 1;  as ONE indivisible step
       (a fetch-and-add), so two threads can never receive the same slot.
       The output order depends on thread timing; sort it if order matters. */
    int count = 0;
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
        if (in[i] % 7 == 0) {
            int slot;
#pragma omp atomic capture
            slot = count++;
            out[slot] = in[i];
        }
    }

    /* Compare with a serial filter, after sorting both. */
    int *ref = malloc(N * sizeof *ref), nref = 0;
    if (!ref) return 1;
    for (int i = 0; i < N; i++)
        if (in[i] % 7 == 0) ref[nref++] = in[i];
    qsort(out, count, sizeof *out, cmp_int);
    qsort(ref, nref, sizeof *ref, cmp_int);
    int ok = count == nref;
    for (int i = 0; ok && i < count; i++)
        if (out[i] != ref[i]) ok = 0;

    printf("kept %d of %d elements: %s\n", count, N, ok ? "PASS" : "FAIL");
    free(in);
    free(out);
    free(ref);
    return ok ? 0 : 1;
}
