/*---
id: omp-task-linked-list
title: Process the nodes of a linked list in parallel with tasks
descriptions:
  - parallelize a while loop over a linked list
  - omp for does not work on my pointer-chasing loop
  - one thread walks the list and creates a task per node
api: openmp
lang: c
constructs: [parallel, single, task, firstprivate]
pattern: irregular
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    int n;          /* input */
    double result;  /* output */
    struct Node *next;
} Node;

static double process(int n) { /* some work that depends on the node */
    double s = 0.0;
    for (int k = 1; k <= 200 + n % 300; k++) s += sqrt((double)k * n);
    return s;
}

int main(void) {
    const int len = 3000;
    Node *head = NULL;
    for (int i = len - 1; i >= 0; i--) { /* build the list */
        Node *p = malloc(sizeof *p);
        if (!p) return 1;
        p->n = i;
        p->next = head;
        head = p;
    }

    /* A list cannot be split up front like a loop with an index, because
       its length is unknown until walked. Instead ONE thread (single) walks
       the list and creates tasks; all threads of the team execute them.
       One task per node is fine when each node is expensive; here a node
       is cheap, so each task takes a run of CHUNK consecutive nodes.
       start must be captured by value (firstprivate, the default for a
       local variable in a task) because the walking thread moves on. */
    enum { CHUNK = 100 };
#pragma omp parallel
#pragma omp single
    {
        Node *p = head;
        while (p) {
            Node *start = p;
            for (int k = 0; k < CHUNK && p; k++) p = p->next; /* skip ahead */
#pragma omp task firstprivate(start)
            for (int k = 0; k < CHUNK && start; k++, start = start->next)
                start->result = process(start->n);
        }
    } /* all tasks finish at the barrier at the end of single/parallel */

    int ok = 1, count = 0;
    for (Node *p = head; p;) {
        if (p->result != process(p->n)) ok = 0;
        count++;
        Node *next = p->next;
        free(p);
        p = next;
    }
    ok = ok && count == len;
    printf("processed %d list nodes with tasks: %s\n", count, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
