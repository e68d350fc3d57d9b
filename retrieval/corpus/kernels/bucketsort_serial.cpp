/*---
id: kern-bucketsort-serial
title: Bucket sort for uniformly distributed doubles (serial C++)
descriptions:
  - bucket sort of floating point numbers in [0, 1)
  - distribute values into buckets, sort each bucket and concatenate
  - sorting algorithm with std::vector of buckets
api: serial
lang: c++
constructs: [buckets, std::vector, std::sort]
pattern: sort
threads: [1]
ranks: [1]
---*/
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    const size_t n = 400000, nbuckets = 1000;
    std::vector<double> a(n);
    unsigned long long s = 1;
    for (auto &v : a) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; v = (s >> 11) * (1.0 / 9007199254740992.0); }
    std::vector<double> ref = a;

    // 1. Scatter: bucket b holds the values in [b/nb, (b+1)/nb).
    std::vector<std::vector<double>> buckets(nbuckets);
    for (double v : a) buckets[static_cast<size_t>(v * nbuckets)].push_back(v);
    // 2. Sort each (small) bucket, 3. concatenate in bucket order.
    size_t k = 0;
    for (auto &b : buckets) {
        std::sort(b.begin(), b.end());
        for (double v : b) a[k++] = v;
    }

    std::sort(ref.begin(), ref.end()); // independent check
    bool ok = k == n && a == ref;
    std::printf("bucket sort of %zu doubles into %zu buckets: %s\n", n, nbuckets, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
