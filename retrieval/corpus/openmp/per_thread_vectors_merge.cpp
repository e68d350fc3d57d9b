/*---
id: omp-per-thread-vectors-merge-cpp
title: push_back from a parallel loop - per-thread vectors merged in order (C++)
descriptions:
  - push_back into a std::vector inside an OpenMP parallel for
  - collect results of unknown size from threads and keep the original order
  - my program crashes when threads push_back to the same vector
api: openmp
lang: c++
constructs: [parallel, for schedule(static), omp_get_thread_num, omp_get_num_threads, single, barrier]
pattern: filter
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cstdio>
#include <vector>

static bool keep(int x) { return x % 3 == 0 && x % 5 != 0; }

int main() {
    const int n = 100000;
    std::vector<int> out;

    // push_back on a shared vector from several threads is a data race (it
    // may reallocate under another thread's feet). Instead each thread
    // fills its own vector; afterwards the pieces are concatenated in
    // thread order. With schedule(static) thread t handles the t-th
    // contiguous block of i, so thread order is loop order.
    std::vector<std::vector<int>> pieces;
#pragma omp parallel
    {
#pragma omp single
        pieces.resize(omp_get_num_threads()); // implicit barrier after single

        std::vector<int> &mine = pieces[omp_get_thread_num()];
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i)
            if (keep(i)) mine.push_back(i);
    } // implicit barrier: all pieces complete

    std::size_t total = 0;
    for (const auto &p : pieces) total += p.size();
    out.reserve(total);
    for (const auto &p : pieces) out.insert(out.end(), p.begin(), p.end());

    std::vector<int> ref;
    for (int i = 0; i < n; ++i)
        if (keep(i)) ref.push_back(i);
    bool ok = out == ref; // same elements in the same order
    std::printf("kept %zu values from %zu thread-local vectors: %s\n", out.size(), pieces.size(),
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
