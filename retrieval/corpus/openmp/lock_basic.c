/*---
id: omp-lock-basic
title: Protect a shared data structure with an omp_lock_t
descriptions:
  - OpenMP lock example with omp_set_lock and omp_unset_lock
  - push onto a shared stack from several threads
  - mutex in OpenMP
api: openmp
lang: c
constructs: [omp_lock_t, omp_init_lock, omp_set_lock, omp_unset_lock, omp_destroy_lock, parallel for]
pattern: mutual exclusion
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* A linked-list stack shared by all threads, with its own lock.
   Unlike a critical section, a lock is a variable: it can live inside the
   data structure it protects, be passed to functions, and different
   stacks get different locks. */
typedef struct Node {
    int value;
    struct Node *next;
} Node;

typedef struct {
    Node *top;
    int size;
    omp_lock_t lock;
} Stack;

static void stack_push(Stack *s, Node *n) {
    omp_set_lock(&s->lock); /* blocks until the lock is free */
    n->next = s->top;
    s->top = n;
    s->size++;
    omp_unset_lock(&s->lock); /* always release, on every path */
}

int main(void) {
    const int n = 10000;
    Stack s = {NULL, 0};
    omp_init_lock(&s.lock); /* a lock must be initialised before use */

    Node *nodes = malloc(n * sizeof *nodes);
    if (!nodes) return 1;

#pragma omp parallel for
    for (int i = 0; i < n; i++) {
        nodes[i].value = i * i % 1000; /* work done outside the lock */
        stack_push(&s, &nodes[i]);
    }

    omp_destroy_lock(&s.lock);

    /* Every node must be on the stack exactly once. */
    long sum = 0, ref = 0;
    int count = 0;
    for (Node *p = s.top; p; p = p->next) {
        sum += p->value;
        count++;
    }
    for (int i = 0; i < n; i++) ref += i * i % 1000;

    int ok = count == n && s.size == n && sum == ref;
    printf("stack holds %d nodes, value sum %ld: %s\n", count, sum, ok ? "PASS" : "FAIL");
    free(nodes);
    return ok ? 0 : 1;
}
