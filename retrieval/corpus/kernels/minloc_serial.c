/*---
id: kern-minloc-serial
title: Minimum and maximum of an array together with their positions (serial)
descriptions:
  - find the smallest element of an array and its index
  - argmin and argmax in C
  - where is the maximum value located in my array
api: serial
lang: c
constructs: [argmin, argmax]
pattern: reduce
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>

#define N 1000000L

int main(void) {
    double *a = malloc(N * sizeof *a);
    /* A parabola with its minimum at i = 123457, plus a spike at i = 777. */
    for (long i = 0; i < N; i++) a[i] = (double)(i - 123457) * (double)(i - 123457);
    a[777] = 1e15;

    double mn = a[0], mx = a[0];
    long imin = 0, imax = 0;
    for (long i = 1; i < N; i++) { /* strict < and > keep the first occurrence */
        if (a[i] < mn) { mn = a[i]; imin = i; }
        if (a[i] > mx) { mx = a[i]; imax = i; }
    }

    int ok = imin == 123457 && mn == 0.0 && imax == 777 && mx == 1e15; /* known by construction */
    printf("min %.0f at %ld, max %.0f at %ld: %s\n", mn, imin, mx, imax, ok ? "PASS" : "FAIL");
    free(a);
    return ok ? 0 : 1;
}
