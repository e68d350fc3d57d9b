/*---
id: kern-bucketsort-openmp
title: Parallel bucket sort with per-thread buckets, bucket offsets and dynamic scheduling
descriptions:
  - parallel bucket sort with OpenMP
  - each thread fills its own buckets, then buckets are sorted in parallel
  - avoid locks when many threads push into shared buckets
api: openmp
lang: c++
constructs: [parallel, for schedule(static), single, for schedule(dynamic), std::vector]
pattern: sort
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    const size_t n = 300000;
    const int nb = 256;
    std::vector<double> a(n), out(n);
    unsigned long long s = 3;
    for (auto &v : a) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; v = (s >> 11) * (1.0 / 9007199254740992.0); }

    const int nt = omp_get_max_threads();
    // local[t][b]: thread t's values for bucket b.  No thread ever pushes into
    // another thread's vectors, so no locks are needed.
    std::vector<std::vector<std::vector<double>>> local(nt, std::vector<std::vector<double>>(nb));
    std::vector<size_t> start(nb + 1, 0);

#pragma omp parallel num_threads(nt)
    {
        auto &mine = local[omp_get_thread_num()];
#pragma omp for schedule(static)
        for (size_t i = 0; i < n; i++) mine[static_cast<int>(a[i] * nb)].push_back(a[i]);
        // implicit barrier: every thread's buckets are complete

        // Where does bucket b start in the output?  (an exclusive prefix sum)
#pragma omp single
        for (int b = 0; b < nb; b++) {
            size_t count = 0;
            for (int t = 0; t < nt; t++) count += local[t][b].size();
            start[b + 1] = start[b] + count;
        }

        // Each bucket: gather the pieces from all threads, then sort in place.
        // Buckets differ in size, so hand them out dynamically.
#pragma omp for schedule(dynamic, 4)
        for (int b = 0; b < nb; b++) {
            size_t pos = start[b];
            for (int t = 0; t < nt; t++)
                for (double v : local[t][b]) out[pos++] = v;
            std::sort(out.begin() + start[b], out.begin() + start[b + 1]);
        }
    }

    std::sort(a.begin(), a.end()); // serial reference
    bool ok = out == a;
    std::printf("parallel bucket sort of %zu doubles with %d threads: %s\n", n, nt, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
