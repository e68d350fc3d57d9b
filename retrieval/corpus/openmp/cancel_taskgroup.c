/*---
id: omp-cancel-taskgroup
title: Cancel the remaining tasks of a taskgroup once one task succeeds
descriptions:
  - stop all other tasks when one task finds the answer
  - omp cancel taskgroup example
  - speculative parallel search with tasks and early exit
api: openmp
lang: c
constructs: [parallel, single, taskgroup, task, cancel taskgroup, cancellation point taskgroup, omp_get_cancellation, critical]
pattern: search
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define NTASKS 16      /* each task searches one range of candidates */
#define RANGE 200000L

/* Is n a solution? A stand-in puzzle: n*n mod p equals a given value.
   Solutions are 222226 and 777777 plus multiples of p = 1000003. */
static int is_solution(long n) { return (n * n) % 1000003L == (777777L * 777777L) % 1000003L; }

int main(void) {
    long answer = -1;

#pragma omp parallel
#pragma omp single
    {
#pragma omp taskgroup
        {
            for (int t = 0; t < NTASKS; t++) {
#pragma omp task firstprivate(t) shared(answer)
                {
                    for (long n = t * RANGE; n < (t + 1) * RANGE; n++) {
                        if (is_solution(n)) {
                            /* Several tasks may find a solution; keep the
                               smallest. answer is only touched inside this
                               critical section until the taskgroup ends. */
#pragma omp critical(answer)
                            if (answer < 0 || n < answer) answer = n;
                            /* Discard all tasks of the group that have not
                               started, and make running ones stop at their
                               next cancellation point. */
#pragma omp cancel taskgroup
                            break;
                        }
                        if (n % 1000 == 0) {
#pragma omp cancellation point taskgroup
                        }
                    }
                }
            }
        } /* end of taskgroup: all tasks finished or cancelled */
    }

    /* Without OMP_CANCELLATION=true cancel is ignored and every task runs:
       the same smallest-found logic then returns the global minimum. With
       cancellation a larger solution from another task may win, so check
       "is a solution" rather than "is the smallest". */
    long first = -1;
    for (long n = 0; n < NTASKS * RANGE && first < 0; n++)
        if (is_solution(n)) first = n;
    int ok = answer >= 0 && is_solution(answer);
    if (!omp_get_cancellation()) ok = ok && answer == first;
    printf("cancellation %s; solution %ld (smallest is %ld): %s\n",
           omp_get_cancellation() ? "on" : "off", answer, first, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
