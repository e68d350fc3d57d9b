/*---
id: omp-task-quicksort-cpp
title: Parallel quicksort on a std::vector with OpenMP tasks and final (C++)
descriptions:
  - quicksort in parallel with OpenMP tasks in C++
  - sort a std::vector using several threads
  - stop creating deferred tasks below a size with the final clause
api: openmp
lang: c++
constructs: [parallel, single, task, taskwait, final, default(none), firstprivate]
pattern: sort
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using Iter = std::vector<double>::iterator;
constexpr long FINAL_SIZE = 20000; // below this, tasks run immediately
constexpr long LEAF_SIZE = 64;     // below this, use std::sort

// Sort [first, last).
void quicksort(Iter first, Iter last) {
    const long n = last - first;
    if (n < LEAF_SIZE) {
        std::sort(first, last);
        return;
    }
    const double pivot = *(first + n / 2);
    // Three-way split: [< pivot][== pivot][> pivot]; the middle part is done.
    Iter mid1 = std::partition(first, last, [pivot](double v) { return v < pivot; });
    Iter mid2 = std::partition(mid1, last, [pivot](double v) { return !(pivot < v); });

    // The two outer ranges do not overlap, so two tasks can sort them at
    // the same time. The iterators are copied into each task
    // (firstprivate), so a task never refers to this function's locals.
    // final(n < FINAL_SIZE): a small range still becomes one task, but
    // every task created while it runs is "included": executed at once by
    // the same thread, like a function call, with no queueing or stealing.
#pragma omp task default(none) firstprivate(first, mid1) final(n < FINAL_SIZE)
    quicksort(first, mid1);
#pragma omp task default(none) firstprivate(mid2, last) final(n < FINAL_SIZE)
    quicksort(mid2, last);
#pragma omp taskwait
}

int main() {
    std::vector<double> v(300000);
    std::mt19937 gen(7);
    std::uniform_real_distribution<double> dist(0.0, 1.0);
    for (auto &x : v) x = dist(gen);
    std::vector<double> ref = v;

#pragma omp parallel
#pragma omp single
    quicksort(v.begin(), v.end());

    std::sort(ref.begin(), ref.end());
    bool ok = v == ref;
    std::printf("quicksort of %zu doubles with %d threads: %s\n", v.size(), omp_get_max_threads(),
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
