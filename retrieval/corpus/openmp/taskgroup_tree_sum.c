/*---
id: omp-taskgroup-tree
title: Wait for a task and all its descendants with taskgroup
descriptions:
  - wait until all recursively created tasks are done
  - difference between taskwait and taskgroup
  - parallel traversal of a binary tree with tasks
api: openmp
lang: c
constructs: [parallel, single, task, taskgroup, atomic]
pattern: divide and conquer
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Tree {
    long value;
    struct Tree *left, *right;
} Tree;

/* Complete binary tree of the given depth, values = heap numbering. */
static Tree *build(int depth, long id) {
    if (depth == 0) return NULL;
    Tree *t = malloc(sizeof *t);
    if (!t) exit(1);
    t->value = id;
    t->left = build(depth - 1, 2 * id);
    t->right = build(depth - 1, 2 * id + 1);
    return t;
}

static void free_tree(Tree *t) {
    if (!t) return;
    free_tree(t->left);
    free_tree(t->right);
    free(t);
}

static long sum_serial(const Tree *t) {
    return t ? t->value + sum_serial(t->left) + sum_serial(t->right) : 0;
}

/* Fire-and-forget traversal: each node spawns tasks for its two subtrees
   and returns WITHOUT waiting for them. Results are added straight into a
   shared total. Near the leaves a task would do too little work to pay
   for itself, so below TASK_DEPTH the subtree is summed serially. */
#define TASK_DEPTH 5
static void visit(Tree *t, int level, long *total) {
    if (!t) return;
    if (level >= TASK_DEPTH) {
        long s = sum_serial(t);
#pragma omp atomic
        *total += s;
        return;
    }
#pragma omp atomic
    *total += t->value;
#pragma omp task
    visit(t->left, level + 1, total);
#pragma omp task
    visit(t->right, level + 1, total);
}

int main(void) {
    const int depth = 16; /* 2^16 - 1 nodes */
    Tree *root = build(depth, 1);
    long total = 0;

#pragma omp parallel
#pragma omp single
    {
        /* taskwait would only wait for the two tasks created directly by
           visit(root), not for the grandchildren they spawn. taskgroup waits
           at its end for ALL tasks created inside it, at any depth. */
#pragma omp taskgroup
        visit(root, 0, &total);

        /* Here the whole tree has been visited, still inside the region. */
        long n = (1L << depth) - 1;
        printf("sum over %ld nodes = %ld\n", n, total);
    }

    long n = (1L << depth) - 1;
    int ok = total == n * (n + 1) / 2; /* values are 1..n */
    printf("%s\n", ok ? "PASS" : "FAIL");
    free_tree(root);
    return ok ? 0 : 1;
}
