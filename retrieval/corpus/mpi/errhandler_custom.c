/*---
id: mpi-errhandler-custom
title: Install your own error handler function with MPI_Comm_create_errhandler
descriptions:
  - call my own function when an MPI error happens
  - MPI_Comm_create_errhandler example to log errors
  - custom MPI error handler that counts failures and continues
api: mpi
lang: c
constructs: [MPI_Comm_create_errhandler, MPI_Comm_set_errhandler, MPI_Errhandler_free, MPI_Error_string, MPI_Comm_dup]
pattern: error-handling
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

static int error_count = 0;
static int last_class = MPI_SUCCESS;

/* Called by MPI instead of aborting. *code is the error code of the failed call;
   after the handler returns, the call returns that code to the caller. */
static void my_handler(MPI_Comm *comm, int *code, ...) {
    char msg[MPI_MAX_ERROR_STRING];
    int len, rank;
    MPI_Error_string(*code, msg, &len);
    MPI_Error_class(*code, &last_class);
    MPI_Comm_rank(*comm, &rank); /* the communicator the error happened on */
    error_count++;
    if (rank == 0) fprintf(stderr, "handler on rank 0: %s\n", msg);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Attach the handler to a private duplicate so the rest of the program
       keeps the default (fatal) behaviour on MPI_COMM_WORLD. */
    MPI_Comm comm;
    MPI_Comm_dup(MPI_COMM_WORLD, &comm);
    MPI_Errhandler eh;
    MPI_Comm_create_errhandler(my_handler, &eh);
    MPI_Comm_set_errhandler(comm, eh);
    MPI_Errhandler_free(&eh); /* the communicator keeps its own reference */

    /* Invalid tag (negative tags are reserved): the handler runs, we continue. */
    int v = rank;
    int rc = MPI_Send(&v, 1, MPI_INT, 0, -5, comm);

    int ok = rc != MPI_SUCCESS && error_count == 1 && last_class == MPI_ERR_TAG;

    /* A valid operation on the same communicator still works. */
    int sum;
    MPI_Allreduce(&v, &sum, 1, MPI_INT, MPI_SUM, comm);
    if (sum != size * (size - 1) / 2) ok = 0;

    MPI_Comm_free(&comm);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("custom error handler saw %d error(s): %s\n", error_count, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
