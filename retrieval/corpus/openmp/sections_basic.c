/*---
id: omp-sections-basic
title: Run different independent computations at the same time with sections
descriptions:
  - run two or three different functions in parallel
  - omp sections example
  - task parallelism with a fixed number of different jobs
api: openmp
lang: c
constructs: [parallel sections, section]
pattern: task parallel
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 200000

static double data[N];

int main(void) {
    for (int i = 0; i < N; i++) data[i] = sin(0.01 * i) + 0.5 * cos(0.003 * i);

    double sum = 0.0, lo = data[0], hi = data[0];
    int crossings = 0;

    /* Each "section" is a different block of code; the team hands each
       block to one thread. With 2 threads two sections run at once and the
       third waits for a free thread; with 1 thread they run one after
       another. All sections only READ data and each writes its own
       result variable, so no synchronisation is needed. There is an
       implicit barrier at the end, after which all results are visible. */
#pragma omp parallel sections
    {
#pragma omp section
        {
            double s = 0.0; /* work on locals, publish the result once */
            for (int i = 0; i < N; i++) s += data[i];
            sum = s;
        }
#pragma omp section
        {
            double l = data[0], h = data[0];
            for (int i = 1; i < N; i++) {
                l = fmin(l, data[i]);
                h = fmax(h, data[i]);
            }
            lo = l;
            hi = h;
        }
#pragma omp section
        {
            int c = 0;
            for (int i = 1; i < N; i++)
                if ((data[i - 1] < 0.0) != (data[i] < 0.0)) c++;
            crossings = c;
        }
    }

    double rsum = 0.0, rlo = data[0], rhi = data[0];
    int rcross = 0;
    for (int i = 0; i < N; i++) rsum += data[i];
    for (int i = 1; i < N; i++) {
        rlo = fmin(rlo, data[i]);
        rhi = fmax(rhi, data[i]);
        if ((data[i - 1] < 0.0) != (data[i] < 0.0)) rcross++;
    }
    int ok = sum == rsum && lo == rlo && hi == rhi && crossings == rcross;
    printf("sum %.4f, range [%.4f, %.4f], %d sign changes: %s\n", sum, lo, hi, crossings,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
