/*---
id: omp-declare-reduction-std-vector
title: Custom reduction that adds std::vector histograms element-wise (C++)
descriptions:
  - reduce a std::vector across threads in C++
  - declare reduction with an initializer using omp_orig
  - per-thread histogram vectors merged automatically
api: openmp
lang: c++
constructs: [declare reduction, parallel for, reduction(user-defined), omp_orig]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

// Element-wise addition of two vectors of equal length.
// omp_out is the accumulator, omp_in a partial result from another thread.
// The initializer builds each thread's private copy: a zero vector with
// the same size as the original variable (omp_orig), whose size is only
// known at run time.
#pragma omp declare reduction(vec_plus : std::vector<long> :                                        \
        std::transform(omp_out.begin(), omp_out.end(), omp_in.begin(), omp_out.begin(),           \
                       std::plus<long>()))                                                         \
    initializer(omp_priv = std::vector<long>(omp_orig.size(), 0))

int main() {
    const int n = 100000;
    const int nbins = 10;
    std::vector<long> hist(nbins, 0);

    // Histogram of the last digit of i*i. Every thread fills its own
    // vector; the declared reduction merges them after the loop.
#pragma omp parallel for reduction(vec_plus : hist)
    for (int i = 0; i < n; ++i) hist[(static_cast<long>(i) * i) % nbins]++;

    std::vector<long> ref(nbins, 0);
    for (int i = 0; i < n; ++i) ref[(static_cast<long>(i) * i) % nbins]++;

    bool ok = hist == ref;
    std::printf("last digit of squares:");
    for (int b = 0; b < nbins; ++b) std::printf(" %ld", hist[b]);
    std::printf("\n%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
