/*---
id: omp-target-parallel-for-reduction
title: Count matches in an offloaded loop with target parallel for reduction
descriptions:
  - get a scalar result back from an OpenMP target region
  - target parallel for with a reduction and map tofrom
  - my offloaded sum is always zero on the host side
api: openmp
lang: c
constructs: [target parallel for, reduction(+), map(to), map(tofrom), firstprivate]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const int n = 300000;
    int *data = malloc(n * sizeof *data);
    if (!data) return 1;
    for (int i = 0; i < n; i++) data[i] = (i * 37) % 1000;
    const int threshold = 900;

    /* Common bug: a scalar written in a target region is firstprivate by
       default, so the host never sees the result ("my sum is always 0" on
       a GPU). Map result variables tofrom (or from). threshold is only
       read, so the default (firstprivate: copied in) is right for it. */
    long count = 0, total = 0;
#pragma omp target parallel for map(to : data[0:n]) map(tofrom : count, total) \
    reduction(+ : count, total)
    for (int i = 0; i < n; i++) {
        if (data[i] >= threshold) {
            count++;
            total += data[i];
        }
    }

    long rc = 0, rt = 0;
    for (int i = 0; i < n; i++)
        if (data[i] >= threshold) {
            rc++;
            rt += data[i];
        }
    int ok = count == rc && total == rt;
    printf("%ld values >= %d, summing to %ld: %s\n", count, threshold, total, ok ? "PASS" : "FAIL");
    free(data);
    return ok ? 0 : 1;
}
