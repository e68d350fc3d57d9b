/*---
id: omp-lock-raii-guard
title: Exception-safe OpenMP lock with an RAII guard class (C++)
descriptions:
  - wrap omp_lock_t in a C++ class
  - unlock automatically at the end of a scope like std::lock_guard
  - OpenMP lock in C++ that is released even on early return
api: openmp
lang: c++
constructs: [omp_lock_t, omp_set_lock, omp_unset_lock, parallel for]
pattern: mutual exclusion
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cstdio>
#include <string>
#include <vector>

// Owns an omp_lock_t: initialised in the constructor, destroyed in the
// destructor, not copyable (a lock must not be duplicated).
class OmpMutex {
  public:
    OmpMutex() { omp_init_lock(&lock_); }
    ~OmpMutex() { omp_destroy_lock(&lock_); }
    OmpMutex(const OmpMutex &) = delete;
    OmpMutex &operator=(const OmpMutex &) = delete;
    void lock() { omp_set_lock(&lock_); }
    void unlock() { omp_unset_lock(&lock_); }

  private:
    omp_lock_t lock_;
};

// Locks in the constructor, unlocks in the destructor: the lock is released
// on every way out of the scope (return, break, exception).
class Guard {
  public:
    explicit Guard(OmpMutex &m) : m_(m) { m_.lock(); }
    ~Guard() { m_.unlock(); }
    Guard(const Guard &) = delete;
    Guard &operator=(const Guard &) = delete;

  private:
    OmpMutex &m_;
};

struct Log {
    OmpMutex mutex;
    std::vector<std::string> lines;
    void add(const std::string &s) {
        Guard g(mutex); // held until add() returns
        if (s.empty()) return; // early return: still unlocked by ~Guard
        lines.push_back(s);
    }
};

int main() {
    Log log;
    const int n = 2000;
#pragma omp parallel for
    for (int i = 0; i < n; ++i) log.add(i % 10 == 0 ? std::string() : "item " + std::to_string(i));

    // std::mutex with std::lock_guard works too; omp_lock_t is shown here
    // because it also works in C and is what the OpenMP runtime knows about.
    std::size_t expected = n - n / 10; // every 10th message was empty
    bool ok = log.lines.size() == expected;
    std::printf("%zu log lines: %s\n", log.lines.size(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
