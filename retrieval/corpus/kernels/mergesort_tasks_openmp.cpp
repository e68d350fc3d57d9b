/*---
id: kern-mergesort-tasks-openmp
title: Parallel merge sort with OpenMP tasks and a serial cutoff
descriptions:
  - parallel merge sort with OpenMP tasks
  - parallelize a recursive divide and conquer algorithm
  - omp task and taskwait example for sorting in C++
api: openmp
lang: c++
constructs: [parallel, single, task, taskwait, std::merge, cutoff]
pattern: sort
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <algorithm>
#include <cstdio>
#include <vector>

const size_t CUTOFF = 4096; // below this size tasks cost more than they save

static void merge_sort(std::vector<int> &a, std::vector<int> &tmp, size_t lo, size_t hi) {
    if (hi - lo <= CUTOFF) {
        std::sort(a.begin() + lo, a.begin() + hi);
        return;
    }
    size_t mid = lo + (hi - lo) / 2;
    // The two halves are independent: sort one in a new task, the other here.
    // a and tmp are shared (the halves touch disjoint ranges).
#pragma omp task shared(a, tmp)
    merge_sort(a, tmp, lo, mid);
    merge_sort(a, tmp, mid, hi);
#pragma omp taskwait // both halves must be finished before merging
    std::merge(a.begin() + lo, a.begin() + mid, a.begin() + mid, a.begin() + hi, tmp.begin() + lo);
    std::copy(tmp.begin() + lo, tmp.begin() + hi, a.begin() + lo);
}

int main() {
    const size_t n = 300000;
    std::vector<int> a(n), tmp(n);
    unsigned s = 7u;
    for (auto &v : a) { s = s * 1664525u + 1013904223u; v = static_cast<int>(s >> 4); }
    std::vector<int> ref = a;

    // One thread starts the recursion; the others pick up the tasks.
#pragma omp parallel
#pragma omp single
    merge_sort(a, tmp, 0, n);

    std::sort(ref.begin(), ref.end()); // serial reference
    bool ok = a == ref;
    std::printf("task merge sort of %zu ints with %d threads: %s\n", n, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
