/*---
id: omp-critical-std-map-cpp
title: Update a std::map from many threads - critical vs per-thread maps (C++)
descriptions:
  - insert into a std::map or unordered_map from a parallel loop
  - is std::map thread safe with OpenMP
  - word count in parallel with OpenMP in C++
api: openmp
lang: c++
constructs: [parallel, for, critical, nowait]
pattern: histogram
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

int main() {
    // Input: a list of "words" with many repeats.
    const char *vocab[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
    std::vector<std::string> words;
    for (int i = 0; i < 20000; ++i) words.emplace_back(vocab[(i * i + 3 * i) % 5]);
    const long n = static_cast<long>(words.size());

    // Standard containers are NOT safe to modify from several threads at
    // once: concurrent inserts can corrupt the tree. Two correct options:

    // 1. Protect every update with a critical section. Simple, but all
    //    threads queue on one lock for every word.
    std::map<std::string, int> counts1;
#pragma omp parallel for
    for (long i = 0; i < n; ++i) {
#pragma omp critical(counts1)
        counts1[words[i]]++;
    }

    // 2. Count into a private map per thread (no locking in the hot loop),
    //    then merge the small maps once per thread under the critical.
    std::map<std::string, int> counts2;
#pragma omp parallel
    {
        std::map<std::string, int> local;
#pragma omp for nowait
        for (long i = 0; i < n; ++i) local[words[i]]++;
#pragma omp critical(counts2)
        for (const auto &kv : local) counts2[kv.first] += kv.second;
    }

    std::map<std::string, int> ref;
    for (const auto &w : words) ref[w]++;
    bool ok = counts1 == ref && counts2 == ref;
    for (const auto &kv : counts2) std::printf("%-8s %d\n", kv.first.c_str(), kv.second);
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
