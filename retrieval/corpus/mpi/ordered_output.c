/*---
id: mpi-ordered-output
title: Print per-rank results in rank order by gathering strings on rank 0
descriptions:
  - output from my MPI ranks is jumbled, how do I print in rank order
  - collect messages from all processes and print them from rank 0
  - gather fixed-size strings with MPI_Gather
api: mpi
lang: c
constructs: [MPI_Gather, MPI_CHAR]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 64

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* printf from several ranks is forwarded to the terminal in no particular
       order, and barriers do not fix that. Reliable: send the text to one rank. */
    double result = 1.0 / (rank + 1);
    char line[LINE];
    memset(line, 0, sizeof line);
    snprintf(line, sizeof line, "rank %d: result %.4f", rank, result);

    char *all = NULL;
    if (rank == 0) all = malloc((size_t)size * LINE);
    MPI_Gather(line, LINE, MPI_CHAR, all, LINE, MPI_CHAR, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        for (int r = 0; r < size; r++) {
            const char *l = all + (size_t)r * LINE;
            printf("%s\n", l); /* now guaranteed to be in rank order */
            char expect[LINE];
            snprintf(expect, sizeof expect, "rank %d: result %.4f", r, 1.0 / (r + 1));
            if (strcmp(l, expect) != 0) ok = 0;
        }
        printf("ordered output: %s\n", ok ? "PASS" : "FAIL");
        free(all);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
