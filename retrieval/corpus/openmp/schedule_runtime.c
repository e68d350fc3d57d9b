/*---
id: omp-schedule-runtime
title: Choose the loop schedule at run time with schedule(runtime)
descriptions:
  - set the loop schedule from the OMP_SCHEDULE environment variable
  - try different schedules without recompiling
  - omp_set_schedule and omp_get_schedule example
api: openmp
lang: c
constructs: [parallel for, schedule(runtime), omp_set_schedule, omp_get_schedule, reduction(+)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 100000

static const char *kind_name(omp_sched_t kind) {
    switch (kind & ~omp_sched_monotonic) { /* strip the monotonic modifier bit */
    case omp_sched_static: return "static";
    case omp_sched_dynamic: return "dynamic";
    case omp_sched_guided: return "guided";
    case omp_sched_auto: return "auto";
    default: return "other";
    }
}

static long sum_loop(void) {
    long s = 0;
    /* schedule(runtime): the schedule is read from the run-sched-var ICV,
       which starts from OMP_SCHEDULE (e.g. OMP_SCHEDULE="dynamic,64") and
       can be changed by omp_set_schedule(). */
#pragma omp parallel for schedule(runtime) reduction(+ : s)
    for (int i = 0; i < N; i++) s += i % 7;
    return s;
}

int main(void) {
    omp_sched_t kind;
    int chunk;
    omp_get_schedule(&kind, &chunk);
    printf("initial runtime schedule: %s, chunk %d\n", kind_name(kind), chunk);

    /* Expected value: each full block of 7 contributes 0+1+...+6 = 21. */
    long expected = 0;
    for (int i = 0; i < N; i++) expected += i % 7;

    /* Run the same loop under several schedules chosen by the program. */
    const omp_sched_t kinds[] = {omp_sched_static, omp_sched_dynamic, omp_sched_guided, omp_sched_auto};
    int ok = 1;
    for (int k = 0; k < 4; k++) {
        omp_set_schedule(kinds[k], 100); /* chunk size 100 (ignored by auto) */
        omp_get_schedule(&kind, &chunk);
        double t0 = omp_get_wtime();
        long s = sum_loop();
        double t = omp_get_wtime() - t0;
        printf("  %-7s -> sum %ld in %.5f s\n", kind_name(kind), s, t);
        if (s != expected) ok = 0;
    }
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
