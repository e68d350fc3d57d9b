/*---
id: mpi-comm-split-type-shared
title: Find the ranks on the same node with MPI_Comm_split_type(MPI_COMM_TYPE_SHARED)
descriptions:
  - which MPI processes share a node
  - MPI_Comm_split_type shared memory communicator example
  - get a node-local rank and one leader process per node
api: mpi
lang: c
constructs: [MPI_Comm_split_type, MPI_COMM_TYPE_SHARED, MPI_Comm_split, MPI_Get_processor_name]
pattern: communicator
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* One communicator per shared-memory node (key = world rank keeps the order). */
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &node);
    int node_rank, node_size;
    MPI_Comm_rank(node, &node_rank);
    MPI_Comm_size(node, &node_size);

    /* A "leaders" communicator containing local rank 0 of every node, e.g. for
       inter-node communication in a two-level algorithm. Others: MPI_UNDEFINED. */
    MPI_Comm leaders;
    MPI_Comm_split(MPI_COMM_WORLD, node_rank == 0 ? 0 : MPI_UNDEFINED, rank, &leaders);
    int nnodes = 0;
    if (leaders != MPI_COMM_NULL) {
        MPI_Comm_size(leaders, &nnodes);
        MPI_Comm_free(&leaders);
    }
    MPI_Bcast(&nnodes, 1, MPI_INT, 0, node); /* tell the node's other ranks */

    char host[MPI_MAX_PROCESSOR_NAME];
    int len;
    MPI_Get_processor_name(host, &len);

    /* Checks: node sizes add up to the world size; the node count matches. */
    int per_node = node_rank == 0 ? node_size : 0, total;
    MPI_Allreduce(&per_node, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    int ok = total == size && nnodes >= 1 && node_rank < node_size;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0)
        printf("%d node(s); rank 0 is local rank %d of %d on %s: %s\n", nnodes, node_rank, node_size, host,
               all_ok ? "PASS" : "FAIL");
    MPI_Comm_free(&node);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
