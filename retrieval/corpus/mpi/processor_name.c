/*---
id: mpi-processor-name
title: Report which host each rank runs on with MPI_Get_processor_name and the MPI version
descriptions:
  - print the hostname of every MPI process
  - MPI_Get_processor_name example, gather the node names on rank 0
  - which MPI library and version am I using
api: mpi
lang: c
constructs: [MPI_Get_processor_name, MPI_Gather, MPI_Get_version, MPI_Get_library_version]
pattern: basics
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* The name identifies the node (usually the hostname). Buffer size is fixed. */
    char name[MPI_MAX_PROCESSOR_NAME];
    int len;
    memset(name, 0, sizeof name);
    MPI_Get_processor_name(name, &len);

    /* Collect the fixed-size names on rank 0 and count distinct hosts. */
    char *all = NULL;
    if (rank == 0) all = malloc((size_t)size * MPI_MAX_PROCESSOR_NAME);
    MPI_Gather(name, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, all, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, 0, MPI_COMM_WORLD);

    int ok = len > 0 && len < MPI_MAX_PROCESSOR_NAME && (int)strlen(name) == len;
    if (rank == 0) {
        int hosts = 0;
        for (int r = 0; r < size; r++) {
            const char *h = all + (size_t)r * MPI_MAX_PROCESSOR_NAME;
            int seen = 0;
            for (int q = 0; q < r; q++)
                if (strcmp(h, all + (size_t)q * MPI_MAX_PROCESSOR_NAME) == 0) seen = 1;
            if (!seen) hosts++;
        }
        int major, minor, vlen;
        char lib[MPI_MAX_LIBRARY_VERSION_STRING];
        MPI_Get_version(&major, &minor);
        MPI_Get_library_version(lib, &vlen);
        char *nl = strchr(lib, '\n'); /* first line is enough */
        if (nl) *nl = '\0';
        printf("%d ranks on %d host(s), rank 0 on %s; MPI %d.%d (%.60s)\n", size, hosts, name, major, minor, lib);
        if (hosts < 1 || major < 3) ok = 0;
        free(all);
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("processor names: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
