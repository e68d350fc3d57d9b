/*---
id: kern-mergesort-serial
title: Top-down merge sort with a temporary buffer (serial C++)
descriptions:
  - implement merge sort in C++
  - recursive merge sort on a std::vector with one scratch buffer
  - sort an array by splitting it in halves and merging
api: serial
lang: c++
constructs: [recursion, std::vector, std::is_sorted, std::sort]
pattern: sort
threads: [1]
ranks: [1]
---*/
#include <algorithm>
#include <cstdio>
#include <vector>

// Sort a[lo, hi) using tmp[lo, hi) as scratch space.
static void merge_sort(std::vector<int> &a, std::vector<int> &tmp, size_t lo, size_t hi) {
    if (hi - lo < 2) return;
    size_t mid = lo + (hi - lo) / 2;
    merge_sort(a, tmp, lo, mid);
    merge_sort(a, tmp, mid, hi);
    // Merge the two sorted halves; <= keeps equal keys in order (stable).
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = (a[i] <= a[j]) ? a[i++] : a[j++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    std::copy(tmp.begin() + lo, tmp.begin() + hi, a.begin() + lo);
}

int main() {
    const size_t n = 500000;
    std::vector<int> a(n), tmp(n);
    unsigned s = 2024u;
    for (auto &v : a) { s = s * 1664525u + 1013904223u; v = static_cast<int>(s >> 8) % 100000; }
    std::vector<int> ref = a;

    merge_sort(a, tmp, 0, n);
    std::sort(ref.begin(), ref.end()); // independent check
    bool ok = std::is_sorted(a.begin(), a.end()) && a == ref;
    std::printf("sorted %zu ints, min %d max %d: %s\n", n, a.front(), a.back(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
