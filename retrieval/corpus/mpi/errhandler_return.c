/*---
id: mpi-errhandler-return
title: Handle MPI errors yourself with MPI_ERRORS_RETURN and MPI_Error_string
descriptions:
  - my MPI program aborts on an error, how do I get an error code instead
  - MPI_Comm_set_errhandler MPI_ERRORS_RETURN example
  - print a readable message for an MPI error code with MPI_Error_string and MPI_Error_class
api: mpi
lang: c
constructs: [MPI_Comm_set_errhandler, MPI_ERRORS_RETURN, MPI_Error_string, MPI_Error_class, MPI_Abort]
pattern: error-handling
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

/* Check every MPI call: on failure, print where and why, then abort all ranks. */
#define MPI_CHECK(call)                                                              \
    do {                                                                             \
        int rc_ = (call);                                                            \
        if (rc_ != MPI_SUCCESS) {                                                    \
            char msg_[MPI_MAX_ERROR_STRING];                                         \
            int len_;                                                                \
            MPI_Error_string(rc_, msg_, &len_);                                      \
            fprintf(stderr, "FAIL: %s at %s:%d: %s\n", #call, __FILE__, __LINE__, msg_); \
            MPI_Abort(MPI_COMM_WORLD, rc_);                                          \
        }                                                                            \
    } while (0)

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* The default handler, MPI_ERRORS_ARE_FATAL, aborts the whole job. With
       MPI_ERRORS_RETURN, calls on this communicator return an error code instead. */
    MPI_CHECK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));

    /* A deliberate mistake: send to a rank that does not exist. */
    int value = 1;
    int rc = MPI_Send(&value, 1, MPI_INT, size + 3, 0, MPI_COMM_WORLD);

    int ok = rc != MPI_SUCCESS;
    if (rc != MPI_SUCCESS) {
        /* The code may be implementation-specific; its CLASS is standard. */
        int cls, len;
        char msg[MPI_MAX_ERROR_STRING];
        MPI_Error_class(rc, &cls);
        MPI_Error_string(rc, msg, &len);
        if (cls != MPI_ERR_RANK) ok = 0;
        if (rank == 0) printf("caught error: \"%s\" (class MPI_ERR_RANK: %s)\n", msg, cls == MPI_ERR_RANK ? "yes" : "no");
    }

    /* A second mistake: a negative count gives MPI_ERR_COUNT. */
    int cls;
    rc = MPI_Bcast(&value, -1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Error_class(rc, &cls);
    if (cls != MPI_ERR_COUNT) ok = 0;

    /* Correct calls still work normally, wrapped in the checking macro. */
    int all_ok;
    MPI_CHECK(MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD));
    if (rank == 0) printf("errors returned instead of aborting: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
