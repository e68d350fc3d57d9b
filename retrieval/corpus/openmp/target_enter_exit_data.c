/*---
id: omp-target-enter-exit-data
title: Unstructured device data with target enter data and target exit data
descriptions:
  - map data to the device in an init function and release it later
  - omp target enter data and exit data example
  - device memory lifetime that does not follow a code block
api: openmp
lang: c
constructs: [target enter data, target exit data, target parallel for, map(to), map(alloc), map(from), map(delete)]
pattern: offload
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* A small "vector object" whose device copy is created in vec_create and
   destroyed in vec_destroy: the lifetime spans several functions, so a
   structured "target data" block cannot express it. */
typedef struct {
    int n;
    double *v;
} Vec;

static Vec vec_create(int n, double init) {
    Vec x = {n, malloc(n * sizeof(double))};
    if (!x.v) exit(1);
    for (int i = 0; i < n; i++) x.v[i] = init;
    /* Allocate device memory and copy the initial values in. */
#pragma omp target enter data map(to : x.v[0:n])
    return x;
}

static void vec_axpy(double a, Vec x, Vec y) { /* y = a*x + y, on the device */
    double *xv = x.v, *yv = y.v;
    int n = x.n;
    /* Both arrays are already present: nothing is copied here. */
#pragma omp target parallel for
    for (int i = 0; i < n; i++) yv[i] += a * xv[i];
}

static void vec_destroy(Vec x, int copy_back) {
    if (copy_back) {
#pragma omp target exit data map(from : x.v[0:x.n]) /* copy out, then free on device */
    } else {
#pragma omp target exit data map(delete : x.v[0:x.n]) /* just free device memory */
    }
}

int main(void) {
    const int n = 50000;
    Vec x = vec_create(n, 1.0), y = vec_create(n, 0.5);
    for (int k = 1; k <= 4; k++) vec_axpy(k, x, y); /* y = 0.5 + (1+2+3+4)*1 */
    vec_destroy(x, 0);
    vec_destroy(y, 1); /* y's final values come back to the host */

    int ok = 1;
    for (int i = 0; i < n; i++)
        if (y.v[i] != 10.5) ok = 0;
    printf("y[0] = %.1f after 4 device axpy calls: %s\n", y.v[0], ok ? "PASS" : "FAIL");
    free(x.v);
    free(y.v);
    return ok ? 0 : 1;
}
