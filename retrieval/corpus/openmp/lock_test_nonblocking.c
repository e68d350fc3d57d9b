/*---
id: omp-lock-test-nonblocking
title: Do other work while a lock is busy with omp_test_lock
descriptions:
  - try to take a lock without waiting
  - omp_test_lock non-blocking example
  - avoid idle waiting on a lock, do useful work meanwhile
api: openmp
lang: c
constructs: [omp_lock_t, omp_test_lock, omp_unset_lock, parallel, for, nowait]
pattern: mutual exclusion
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 40000
#define BATCH 500

int main(void) {
    omp_lock_t lock;
    omp_init_lock(&lock);
    double shared_total = 0.0; /* protected by lock */
    int flushes = 0;           /* protected by lock */

#pragma omp parallel
    {
        /* Each thread accumulates into a local buffer and tries to move it
           into the shared total every BATCH iterations. omp_test_lock
           returns immediately: nonzero if it got the lock, 0 if another
           thread holds it. When busy, the thread just keeps computing and
           tries again later instead of sitting idle. */
        double pending = 0.0;
        int since = 0;
#pragma omp for nowait
        for (int i = 1; i <= N; i++) {
            pending += 1.0 / ((double)i * i);
            if (++since >= BATCH && omp_test_lock(&lock)) {
                shared_total += pending;
                flushes++;
                omp_unset_lock(&lock);
                pending = 0.0;
                since = 0;
            }
        }
        /* Whatever is left must be delivered: now wait for the lock. */
        omp_set_lock(&lock);
        shared_total += pending;
        flushes++;
        omp_unset_lock(&lock);
    }
    omp_destroy_lock(&lock);

    double ref = 0.0;
    for (int i = 1; i <= N; i++) ref += 1.0 / ((double)i * i);
    int ok = fabs(shared_total - ref) <= 1e-12 * ref;
    printf("sum = %.12f after %d lock acquisitions: %s\n", shared_total, flushes, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
