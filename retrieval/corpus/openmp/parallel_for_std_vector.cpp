/*---
id: omp-parallel-for-std-vector
title: Parallel loop over a std::vector in C++ (saxpy)
descriptions:
  - use OpenMP with std::vector in C++
  - parallel saxpy y = a*x + y with OpenMP
  - can I use OpenMP parallel for on a C++ container
api: openmp
lang: c++
constructs: [parallel for]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    const std::size_t n = 500000;
    const float a = 2.5f;
    std::vector<float> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = static_cast<float>(i % 100);
        y[i] = 1.0f;
    }

    // OpenMP loops need a countable loop with a random-access index.
    // An index over size() is the simplest form; OpenMP accepts unsigned
    // loop variables such as std::size_t as well. Do not call push_back
    // or resize inside the loop: the vector must not reallocate while
    // threads are writing into it.
#pragma omp parallel for
    for (std::size_t i = 0; i < n; ++i) y[i] = a * x[i] + y[i];

    bool ok = true;
    for (std::size_t i = 0; i < n; ++i) {
        float want = a * static_cast<float>(i % 100) + 1.0f;
        if (std::fabs(y[i] - want) > 1e-5f * std::fabs(want)) {
            ok = false;
            break;
        }
    }
    std::printf("saxpy on %zu elements, %d threads: %s\n", n, omp_get_max_threads(),
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
