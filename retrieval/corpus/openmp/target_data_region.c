/*---
id: omp-target-data-region
title: Keep data on the device across several kernels with target data and target update
descriptions:
  - avoid copying arrays to the GPU for every loop
  - omp target data example
  - target update to read intermediate results on the host
api: openmp
lang: c
constructs: [target data, target parallel for, target update from, map(to), map(tofrom), map(alloc)]
pattern: offload
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const int n = 100000, steps = 10;
    double *u = malloc(n * sizeof *u), *tmp = malloc(n * sizeof *tmp);
    if (!u || !tmp) return 1;
    for (int i = 0; i < n; i++) u[i] = (i == n / 2) ? 1000.0 : 0.0;

    /* Every "target ... map" copies data both ways at every region: ten
       smoothing steps would move u twenty times. A target data region maps
       u once (tofrom: in at the start, out at the end) and allocates tmp on
       the device without copying (alloc). Target regions inside find the
       data already present and copy nothing. */
    double mid_after_5 = 0.0;
#pragma omp target data map(tofrom : u[0:n]) map(alloc : tmp[0:n])
    {
        for (int s = 0; s < steps; s++) {
            /* 3-point smoothing (explicit diffusion step); ends stay fixed. */
#pragma omp target parallel for
            for (int i = 1; i < n - 1; i++) tmp[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
#pragma omp target parallel for
            for (int i = 1; i < n - 1; i++) u[i] = tmp[i];

            if (s == 4) {
                /* Need a value on the host mid-way? target update copies
                   the current device values of (part of) an array. */
#pragma omp target update from(u[n / 2 : 1])
                mid_after_5 = u[n / 2];
            }
        }
    } /* u copied back to the host here */

    /* Serial reference. */
    double *r = malloc(n * sizeof *r), *rt = malloc(n * sizeof *rt);
    if (!r || !rt) return 1;
    for (int i = 0; i < n; i++) r[i] = (i == n / 2) ? 1000.0 : 0.0;
    double ref_mid5 = 0.0;
    for (int s = 0; s < steps; s++) {
        for (int i = 1; i < n - 1; i++) rt[i] = 0.25 * r[i - 1] + 0.5 * r[i] + 0.25 * r[i + 1];
        for (int i = 1; i < n - 1; i++) r[i] = rt[i];
        if (s == 4) ref_mid5 = r[n / 2];
    }
    int ok = mid_after_5 == ref_mid5;
    double total = 0.0;
    for (int i = 0; i < n; i++) {
        if (fabs(u[i] - r[i]) > 1e-12) ok = 0;
        total += u[i];
    }
    ok = ok && fabs(total - 1000.0) < 1e-9; /* smoothing conserves the total */
    printf("peak after 5 steps %.3f, after %d steps %.3f: %s\n", mid_after_5, steps, u[n / 2],
           ok ? "PASS" : "FAIL");
    free(u);
    free(tmp);
    free(r);
    free(rt);
    return ok ? 0 : 1;
}
