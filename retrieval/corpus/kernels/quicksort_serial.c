/*---
id: kern-quicksort-serial
title: Quicksort with Hoare partitioning (serial C)
descriptions:
  - write quicksort in C
  - in-place quicksort with a middle pivot
  - sort an integer array recursively and check it against qsort
api: serial
lang: c
constructs: [recursion, Hoare partition, qsort]
pattern: sort
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quicksort(int *a, long lo, long hi) { /* sorts a[lo..hi] inclusive */
    while (lo < hi) {
        int pivot = a[lo + (hi - lo) / 2];
        long i = lo - 1, j = hi + 1;
        for (;;) { /* Hoare: move i right and j left, swap out-of-place pairs */
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        /* Recurse into the smaller part, loop on the larger: O(log n) stack. */
        if (j - lo < hi - j) { quicksort(a, lo, j); lo = j + 1; }
        else { quicksort(a, j + 1, hi); hi = j; }
    }
}

static int cmp_int(const void *x, const void *y) {
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

int main(void) {
    const long n = 500000;
    int *a = malloc(n * sizeof *a), *ref = malloc(n * sizeof *ref);
    unsigned s = 99u;
    for (long i = 0; i < n; i++) { s = s * 1103515245u + 12345u; a[i] = (int)(s >> 10) % 50000; }
    memcpy(ref, a, n * sizeof *a);

    quicksort(a, 0, n - 1);
    qsort(ref, n, sizeof *ref, cmp_int); /* independent check */
    int ok = memcmp(a, ref, n * sizeof *a) == 0;
    printf("quicksort of %ld ints: %s\n", n, ok ? "PASS" : "FAIL");
    free(a);
    free(ref);
    return ok ? 0 : 1;
}
