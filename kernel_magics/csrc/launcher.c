/* hpc-launch: apply resource limits, join a pids cgroup, then exec the program.
 *
 * Usage: hpc-launch AS_BYTES FSIZE_BYTES NPROC CGROUP_PROCS_FILE -- PROGRAM [ARGS...]
 *   AS_BYTES, FSIZE_BYTES, NPROC: 0 means "leave this limit alone".
 *   CGROUP_PROCS_FILE: a cgroup's cgroup.procs file to join, or "-" for none.
 *
 * jupyter-hpc builds this once with the system C compiler. It replaces Python's
 * preexec_fn, which is unsafe in a multi-threaded process such as a Jupyter kernel.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int set_limit(int resource, const char *text, const char *name) {
    unsigned long long value = strtoull(text, NULL, 10);
    if (value == 0) return 0;
    struct rlimit lim = {(rlim_t)value, (rlim_t)value};
    if (setrlimit(resource, &lim) != 0) {
        fprintf(stderr, "hpc-launch: cannot set the %s limit: %s\n", name, strerror(errno));
        return -1;
    }
    return 0;
}

static int join_cgroup(const char *procs_file) {
    if (strcmp(procs_file, "-") == 0) return 0;
    FILE *f = fopen(procs_file, "w");
    if (!f) {
        fprintf(stderr, "hpc-launch: cannot join %s: %s\n", procs_file, strerror(errno));
        return -1;
    }
    fprintf(f, "%d\n", (int)getpid());
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv) {
    if (argc < 7 || strcmp(argv[5], "--") != 0) {
        fprintf(stderr, "usage: hpc-launch AS FSIZE NPROC CGROUP_PROCS|- -- PROGRAM [ARGS...]\n");
        return 127;
    }
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    if (join_cgroup(argv[4]) != 0) return 127;
    if (set_limit(RLIMIT_AS, argv[1], "address-space") != 0) return 127;
    if (set_limit(RLIMIT_FSIZE, argv[2], "file-size") != 0) return 127;
    if (set_limit(RLIMIT_NPROC, argv[3], "process-count") != 0) return 127;
    execvp(argv[6], &argv[6]);
    fprintf(stderr, "hpc-launch: cannot start %s: %s\n", argv[6], strerror(errno));
    return 127;
}
