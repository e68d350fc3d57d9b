/*---
id: omp-task-tree-sum-cpp
title: Recursive tree reduction with tasks returning values (C++)
descriptions:
  - sum the values of a binary tree in parallel
  - return a result from an OpenMP task to its parent
  - parallel recursion over a tree of std::unique_ptr nodes
api: openmp
lang: c++
constructs: [parallel, single, task, taskwait, shared, if clause]
pattern: divide and conquer
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cstdio>
#include <memory>

struct Node {
    long value;
    std::unique_ptr<Node> left, right;
};

std::unique_ptr<Node> build(int depth, long &next) {
    if (depth == 0) return nullptr;
    auto n = std::make_unique<Node>();
    n->value = next++;
    n->left = build(depth - 1, next);
    n->right = build(depth - 1, next);
    return n;
}

// Sum of a subtree. Each child subtree is summed by a task that writes into
// a variable of this stack frame; the variables must be shared (a task's
// default for local variables is firstprivate, i.e. a copy), and this frame
// must stay alive until the tasks finish: that is what taskwait ensures.
long tree_sum(const Node *n, int depth) {
    if (!n) return 0;
    long l = 0, r = 0;
    // if(false) runs the task immediately in this thread: deep levels have
    // too little work to be worth a deferred task.
#pragma omp task shared(l) if (depth < 10)
    l = tree_sum(n->left.get(), depth + 1);
#pragma omp task shared(r) if (depth < 10)
    r = tree_sum(n->right.get(), depth + 1);
#pragma omp taskwait
    return n->value + l + r;
}

int main() {
    const int depth = 16;
    long next = 1;
    auto root = build(depth, next); // values 1 .. 2^16 - 1

    long total = 0;
#pragma omp parallel
#pragma omp single
    total = tree_sum(root.get(), 0);

    const long n = (1L << depth) - 1;
    bool ok = total == n * (n + 1) / 2;
    std::printf("sum over %ld tree nodes = %ld: %s\n", n, total, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
