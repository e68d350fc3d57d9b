/*---
id: mpi-comm-dup-library
title: Isolate a library's messages with MPI_Comm_dup in a C++ RAII class
descriptions:
  - why should a library use MPI_Comm_dup
  - keep my solver's messages from mixing with the application's messages
  - wrap an MPI communicator in a C++ class that frees it automatically
api: mpi
lang: c++
constructs: [MPI_Comm_dup, MPI_Comm_free, MPI_Isend, MPI_Recv, MPI_Allreduce]
pattern: communicator
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>

#include <cstdio>

// A tiny "library" that communicates on its own copy of the user's communicator.
// A duplicate has the same ranks but a separate message space: a library
// receive with MPI_ANY_SOURCE/ANY_TAG can never match an application message.
class Summer {
  public:
    explicit Summer(MPI_Comm user) { MPI_Comm_dup(user, &comm_); }
    ~Summer() { MPI_Comm_free(&comm_); } // must run before MPI_Finalize
    Summer(const Summer &) = delete;
    Summer &operator=(const Summer &) = delete;

    // Sum of x over all ranks, done with point-to-point on the private communicator.
    long sum(long x) const {
        int rank, size;
        MPI_Comm_rank(comm_, &rank);
        MPI_Comm_size(comm_, &size);
        if (rank != 0) {
            MPI_Send(&x, 1, MPI_LONG, 0, 0, comm_);
        } else {
            for (int k = 1; k < size; k++) {
                long v;
                MPI_Recv(&v, 1, MPI_LONG, MPI_ANY_SOURCE, MPI_ANY_TAG, comm_, MPI_STATUS_IGNORE);
                x += v;
            }
        }
        MPI_Bcast(&x, 1, MPI_LONG, 0, comm_);
        return x;
    }

  private:
    MPI_Comm comm_;
};

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    long total;
    long app_msg = -1;
    {
        Summer lib(MPI_COMM_WORLD);
        // The application has a message in flight to rank 0 on MPI_COMM_WORLD
        // with tag 0 while the library runs: it cannot be stolen by the library.
        MPI_Request req = MPI_REQUEST_NULL;
        long payload = 999;
        if (rank == size - 1) MPI_Isend(&payload, 1, MPI_LONG, 0, 0, MPI_COMM_WORLD, &req);
        total = lib.sum(rank + 1);
        if (rank == 0) MPI_Recv(&app_msg, 1, MPI_LONG, size - 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Wait(&req, MPI_STATUS_IGNORE);
    } // lib's communicator is freed here

    bool ok = total == static_cast<long>(size) * (size + 1) / 2 && (rank != 0 || app_msg == 999);
    int flag = ok, all_ok;
    MPI_Allreduce(&flag, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) std::printf("library sum %ld, application message %ld: %s\n", total, app_msg, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
