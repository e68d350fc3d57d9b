/*---
id: kern-saxpy-serial
title: SAXPY / vector update y = a*x + y (serial)
descriptions:
  - saxpy loop in C
  - add a scaled vector to another vector
  - simplest BLAS level 1 kernel y = a x + y
api: serial
lang: c
constructs: [saxpy, restrict]
pattern: map
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>

#define N 4000000

/* restrict promises x and y do not overlap, which lets the compiler vectorise. */
static void saxpy(long n, float a, const float *restrict x, float *restrict y) {
    for (long i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

int main(void) {
    float *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    for (long i = 0; i < N; i++) {
        x[i] = (float)(i % 100);
        y[i] = 1.0f;
    }
    saxpy(N, 2.0f, x, y);

    /* Closed form: y = 2 * (i % 100) + 1, exact in float for these small values. */
    int ok = 1;
    for (long i = 0; i < N; i++)
        if (y[i] != 2.0f * (float)(i % 100) + 1.0f) { ok = 0; break; }
    printf("y[99] = %.1f: %s\n", y[99], ok ? "PASS" : "FAIL");
    free(x);
    free(y);
    return ok ? 0 : 1;
}
