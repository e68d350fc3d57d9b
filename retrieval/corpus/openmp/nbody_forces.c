/*---
id: omp-nbody-forces
title: All-pairs N-body force computation in parallel
descriptions:
  - parallelize an O(N^2) particle interaction loop
  - compute gravitational forces between all pairs of bodies with OpenMP
  - N-body simulation step with threads
api: openmp
lang: c
constructs: [parallel for, schedule(static)]
pattern: n-body
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 600
#define SOFT 1e-3 /* softening avoids division by zero for close bodies */

static double px[N], py[N], m[N], fx[N], fy[N];

int main(void) {
    for (int i = 0; i < N; i++) {
        double a = 0.1 * i;
        px[i] = cos(a) * (1.0 + 0.001 * i);
        py[i] = sin(a) * (1.0 + 0.001 * i);
        m[i] = 1.0 + (i % 3);
    }

    /* Parallelize over the bodies i: each thread computes the total force
       on ITS bodies, reading all positions but writing only fx[i], fy[i].
       (Using Newton's third law to do each pair once halves the work, but
       then two threads could update the same fy[j]: that needs atomics or
       per-thread force arrays. The simple version has no races.) */
#pragma omp parallel for schedule(static)
    for (int i = 0; i < N; i++) {
        double sx = 0.0, sy = 0.0;
        for (int j = 0; j < N; j++) {
            double dx = px[j] - px[i], dy = py[j] - py[i];
            double r2 = dx * dx + dy * dy + SOFT * SOFT;
            double inv = m[j] / (r2 * sqrt(r2));
            sx += dx * inv;
            sy += dy * inv;
        }
        fx[i] = m[i] * sx;
        fy[i] = m[i] * sy;
    }

    /* Check 1: total force is zero (Newton's third law), up to rounding.
       Check 2: one body against a serial recomputation. */
    double tx = 0.0, ty = 0.0, scale = 0.0;
    for (int i = 0; i < N; i++) {
        tx += fx[i];
        ty += fy[i];
        scale += fabs(fx[i]) + fabs(fy[i]);
    }
    double sx = 0.0;
    for (int j = 0; j < N; j++) {
        double dx = px[j] - px[7], dy = py[j] - py[7];
        double r2 = dx * dx + dy * dy + SOFT * SOFT;
        sx += dx * (m[j] / (r2 * sqrt(r2)));
    }
    int ok = fabs(tx) < 1e-9 * scale && fabs(ty) < 1e-9 * scale;
    ok = ok && fabs(fx[7] - m[7] * sx) <= 1e-12 * fabs(m[7] * sx);
    printf("net force (%.2e, %.2e), fx[7] = %.4f: %s\n", tx, ty, fx[7], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
