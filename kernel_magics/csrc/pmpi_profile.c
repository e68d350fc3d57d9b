/* pmpi_profile: a PMPI interposition library that counts MPI time and traffic.
 *
 * Build:  mpicc -O2 -shared -fPIC -o libpmpi_profile.so pmpi_profile.c
 * Use:    mpirun -x LD_PRELOAD=/path/libpmpi_profile.so -x HPC_PROFILE_OUT=/dir -np N ./prog
 *
 * The wrappers record only when HPC_PROFILE_OUT is set (checked in MPI_Init /
 * MPI_Init_thread); otherwise every wrapper just calls its PMPI_ twin.  In
 * MPI_Finalize (before PMPI_Finalize) each rank writes
 * <HPC_PROFILE_OUT>/mpi-<rank>.json (via a .tmp file and rename):
 *
 *   {"kind": "mpi", "rank": r, "size": n, "pid": P, "host": "...",
 *    "total_s": ..., "mpi_s": ..., "bytes_sent": ..., "bytes_received": ...,
 *    "messages_sent": ..., "messages_received": ...,
 *    "calls": {"MPI_Send": {"count": c, "seconds": s, "bytes": b}, ...}}
 *
 *   rank, size  in MPI_COMM_WORLD
 *   total_s     MPI_Init(_thread) return -> MPI_Finalize entry
 *   mpi_s       sum of the time inside the wrapped calls, MPI_Init(_thread)
 *               excluded (with several threads calling MPI at once it can
 *               exceed total_s)
 *   calls       every wrapped call with count > 0: calls made, seconds inside
 *               the PMPI_ call, bytes as below (sent + received).  MPI_Init or
 *               MPI_Init_thread appears with its own duration; MPI_Finalize is
 *               not listed (the file is written on its entry).
 *
 * Byte rules (size(T) = MPI_Type_size; a process's share, so approximate for
 * collectives, whose real traffic depends on the algorithm):
 *   - Send, Ssend, Bsend, Rsend, Isend: count*size(T) to bytes_sent, one
 *     message to messages_sent (nothing for dest MPI_PROC_NULL).
 *   - Recv: the received size from the status (MPI_Get_count; a local status
 *     is used when the caller passed MPI_STATUS_IGNORE) to bytes_received, one
 *     message to messages_received (nothing for source MPI_PROC_NULL).
 *   - Irecv: the posted size count*size(T), counted when posted.
 *   - Sendrecv, Sendrecv_replace: both of the above.
 *   - Wait*, Test*, Probe, Iprobe, Barrier: time only, no bytes.
 *   - Collectives (messages_* are not incremented; "n" is the communicator
 *     size, the remote group's size for an intercommunicator):
 *       Bcast, Ibcast:       root sent count*size(T); others received it.
 *       Reduce, Ireduce:     every rank sent count*size(T); root received it.
 *       Allreduce, Iallreduce, Scan, Exscan: count*size(T) sent and received.
 *       Gather:     sent sendcount*size(ST); root received n*recvcount*size(RT).
 *       Gatherv:    sent sendcount*size(ST); root received sum(recvcounts)*size(RT).
 *       Scatter:    root sent n*sendcount*size(ST); received recvcount*size(RT).
 *       Scatterv:   root sent sum(sendcounts)*size(ST); received recvcount*size(RT).
 *       Allgather:  sent sendcount*size(ST); received n*recvcount*size(RT).
 *       Allgatherv: sent sendcount*size(ST); received sum(recvcounts)*size(RT).
 *       Alltoall:   sent n*sendcount*size(ST); received n*recvcount*size(RT).
 *       Alltoallv:  sent sum(sendcounts)*size(ST); received sum(recvcounts)*size(RT).
 *       Reduce_scatter: sent sum(recvcounts)*size(T); received recvcounts[rank]*size(T).
 *       Reduce_scatter_block: sent n*recvcount*size(T); received recvcount*size(T).
 *       (for these two n is always the local group's size)
 *     With MPI_IN_PLACE the in-place side is taken to be what the rank would
 *     otherwise have sent (e.g. Allgather: recvcount*size(RT)); an
 *     intercommunicator root passes MPI_ROOT, and MPI_PROC_NULL ranks count nothing.
 *
 * Thread safety: all counters are updated with relaxed atomic adds, so MPI
 * calls from several threads (MPI_THREAD_MULTIPLE) are counted correctly.
 * Errors go to stderr as one line starting with "[hpc-profile]".
 */
#define _GNU_SOURCE
#include <mpi.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CALLS(X) \
    X(MPI_Init) X(MPI_Init_thread) \
    X(MPI_Send) X(MPI_Ssend) X(MPI_Bsend) X(MPI_Rsend) X(MPI_Isend) \
    X(MPI_Recv) X(MPI_Irecv) X(MPI_Sendrecv) X(MPI_Sendrecv_replace) \
    X(MPI_Wait) X(MPI_Waitall) X(MPI_Waitany) X(MPI_Waitsome) X(MPI_Test) X(MPI_Testall) \
    X(MPI_Probe) X(MPI_Iprobe) \
    X(MPI_Barrier) X(MPI_Bcast) X(MPI_Reduce) X(MPI_Allreduce) \
    X(MPI_Gather) X(MPI_Gatherv) X(MPI_Scatter) X(MPI_Scatterv) \
    X(MPI_Allgather) X(MPI_Allgatherv) X(MPI_Alltoall) X(MPI_Alltoallv) \
    X(MPI_Scan) X(MPI_Exscan) X(MPI_Reduce_scatter) X(MPI_Reduce_scatter_block) \
    X(MPI_Ibcast) X(MPI_Iallreduce) X(MPI_Ireduce)

#define AS_ENUM(name) ID_##name,
#define AS_NAME(name) #name,
enum call_id { CALLS(AS_ENUM) N_CALLS };
static const char *const call_names[N_CALLS] = {CALLS(AS_NAME)};

struct call_stat {
    uint64_t count, ns, bytes;
} __attribute__((aligned(32)));

static struct call_stat g_calls[N_CALLS];
static uint64_t g_mpi_ns, g_bytes_sent, g_bytes_received, g_messages_sent, g_messages_received;
static int g_active;
static uint64_t g_start_ns;
static int g_rank = -1, g_size = 0;

#define ATOMIC_ADD(x, v) __atomic_fetch_add(&(x), (uint64_t)(v), __ATOMIC_RELAXED)
#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline uint64_t type_bytes(MPI_Datatype type, int count) {
    int size = 0;
    if (count <= 0 || type == MPI_DATATYPE_NULL || PMPI_Type_size(type, &size) != MPI_SUCCESS ||
        size <= 0)
        return 0;
    return (uint64_t)count * (uint64_t)size;
}

static inline uint64_t sum_counts(const int *counts, int n, MPI_Datatype type) {
    uint64_t total = 0;
    int size = 0;
    if (!counts || n <= 0 || type == MPI_DATATYPE_NULL ||
        PMPI_Type_size(type, &size) != MPI_SUCCESS || size <= 0)
        return 0;
    for (int i = 0; i < n; i++)
        if (counts[i] > 0) total += (uint64_t)counts[i];
    return total * (uint64_t)size;
}

static inline uint64_t status_bytes(const MPI_Status *status, MPI_Datatype type) {
    int n = 0;
    if (PMPI_Get_count(status, type, &n) != MPI_SUCCESS || n == MPI_UNDEFINED || n <= 0) return 0;
    return type_bytes(type, n);
}

/* Processes on the other side of comm: the remote group of an intercommunicator. */
static int peer_count(MPI_Comm comm) {
    int inter = 0, n = 0;
    PMPI_Comm_test_inter(comm, &inter);
    if (inter) PMPI_Comm_remote_size(comm, &n);
    else PMPI_Comm_size(comm, &n);
    return n;
}

static int my_rank(MPI_Comm comm) {
    int r = -1;
    PMPI_Comm_rank(comm, &r);
    return r;
}

/* Is this process the root of a rooted collective? 1 yes, 0 no, -1 takes no part. */
static int root_role(int root, MPI_Comm comm) {
    int inter = 0;
    if (root == MPI_PROC_NULL) return -1;
    if (root == MPI_ROOT) return 1;
    PMPI_Comm_test_inter(comm, &inter);
    if (inter) return 0; /* a leaf of the remote group's collective */
    return root == my_rank(comm);
}

static inline void record(enum call_id id, uint64_t t0, uint64_t sent, uint64_t received) {
    uint64_t dt = now_ns() - t0;
    struct call_stat *c = &g_calls[id];
    ATOMIC_ADD(c->count, 1);
    ATOMIC_ADD(c->ns, dt);
    if (sent + received) ATOMIC_ADD(c->bytes, sent + received);
    if (id != ID_MPI_Init && id != ID_MPI_Init_thread) ATOMIC_ADD(g_mpi_ns, dt);
    if (sent) ATOMIC_ADD(g_bytes_sent, sent);
    if (received) ATOMIC_ADD(g_bytes_received, received);
}

static inline void count_message(int sent) {
    if (sent) ATOMIC_ADD(g_messages_sent, 1);
    else ATOMIC_ADD(g_messages_received, 1);
}

/* ---- initialisation and the report ---- */
static void start_profile(enum call_id id, uint64_t t0) {
    const char *dir = getenv("HPC_PROFILE_OUT");
    if (!dir || !*dir) return;
    PMPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
    PMPI_Comm_size(MPI_COMM_WORLD, &g_size);
    __atomic_store_n(&g_active, 1, __ATOMIC_RELEASE);
    record(id, t0, 0, 0);
    g_start_ns = now_ns();
}

static void json_string(FILE *f, const char *text) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

static void write_report(void) {
    uint64_t t_end = now_ns();
    const char *dir = getenv("HPC_PROFILE_OUT");
    if (!dir || !*dir) return;
    char path[4200], tmp[4210], host[256];
    if (snprintf(path, sizeof path, "%s/mpi-%d.json", dir, g_rank) >= (int)sizeof path) {
        fprintf(stderr, "[hpc-profile] HPC_PROFILE_OUT is too long\n");
        return;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (gethostname(host, sizeof host) != 0) host[0] = '\0';
    host[sizeof host - 1] = '\0';
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "[hpc-profile] cannot write %s: %s\n", tmp, strerror(errno));
        return;
    }
    fprintf(f, "{\"kind\": \"mpi\", \"rank\": %d, \"size\": %d, \"pid\": %d, \"host\": ", g_rank,
            g_size, (int)getpid());
    json_string(f, host);
    fprintf(f, ", \"total_s\": %.9g, \"mpi_s\": %.9g, \"bytes_sent\": %llu, \"bytes_received\": %llu, "
               "\"messages_sent\": %llu, \"messages_received\": %llu, \"calls\": {",
            (double)(t_end - g_start_ns) * 1e-9, (double)LOAD(g_mpi_ns) * 1e-9,
            (unsigned long long)LOAD(g_bytes_sent), (unsigned long long)LOAD(g_bytes_received),
            (unsigned long long)LOAD(g_messages_sent), (unsigned long long)LOAD(g_messages_received));
    int first = 1;
    for (int i = 0; i < N_CALLS; i++) {
        uint64_t count = LOAD(g_calls[i].count);
        if (count == 0) continue;
        fprintf(f, "%s\"%s\": {\"count\": %llu, \"seconds\": %.9g, \"bytes\": %llu}",
                first ? "" : ", ", call_names[i], (unsigned long long)count,
                (double)LOAD(g_calls[i].ns) * 1e-9, (unsigned long long)LOAD(g_calls[i].bytes));
        first = 0;
    }
    fputs("}}\n", f);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        fprintf(stderr, "[hpc-profile] cannot write %s: %s\n", tmp, strerror(errno ? errno : EIO));
        unlink(tmp);
        return;
    }
    if (rename(tmp, path) != 0) {
        fprintf(stderr, "[hpc-profile] cannot rename %s: %s\n", tmp, strerror(errno));
        unlink(tmp);
    }
}

#define ACTIVE() __builtin_expect(__atomic_load_n(&g_active, __ATOMIC_RELAXED), 0)

int MPI_Init(int *argc, char ***argv) {
    uint64_t t0 = now_ns();
    int rc = PMPI_Init(argc, argv);
    if (rc == MPI_SUCCESS) start_profile(ID_MPI_Init, t0);
    return rc;
}

int MPI_Init_thread(int *argc, char ***argv, int required, int *provided) {
    uint64_t t0 = now_ns();
    int rc = PMPI_Init_thread(argc, argv, required, provided);
    if (rc == MPI_SUCCESS) start_profile(ID_MPI_Init_thread, t0);
    return rc;
}

int MPI_Finalize(void) {
    if (ACTIVE()) {
        write_report();
        __atomic_store_n(&g_active, 0, __ATOMIC_RELEASE);
    }
    return PMPI_Finalize();
}

/* ---- point to point ---- */
#define WRAP_SEND(NAME)                                                                       \
    int MPI_##NAME(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,      \
                   MPI_Comm comm) {                                                           \
        if (!ACTIVE()) return PMPI_##NAME(buf, count, datatype, dest, tag, comm);             \
        uint64_t t0 = now_ns();                                                               \
        int rc = PMPI_##NAME(buf, count, datatype, dest, tag, comm);                          \
        uint64_t b = dest == MPI_PROC_NULL ? 0 : type_bytes(datatype, count);                 \
        record(ID_MPI_##NAME, t0, b, 0);                                                      \
        if (dest != MPI_PROC_NULL) count_message(1);                                          \
        return rc;                                                                            \
    }
WRAP_SEND(Send)
WRAP_SEND(Ssend)
WRAP_SEND(Bsend)
WRAP_SEND(Rsend)

int MPI_Isend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
              MPI_Request *request) {
    if (!ACTIVE()) return PMPI_Isend(buf, count, datatype, dest, tag, comm, request);
    uint64_t t0 = now_ns();
    int rc = PMPI_Isend(buf, count, datatype, dest, tag, comm, request);
    uint64_t b = dest == MPI_PROC_NULL ? 0 : type_bytes(datatype, count);
    record(ID_MPI_Isend, t0, b, 0);
    if (dest != MPI_PROC_NULL) count_message(1);
    return rc;
}

int MPI_Recv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
             MPI_Status *status) {
    if (!ACTIVE()) return PMPI_Recv(buf, count, datatype, source, tag, comm, status);
    MPI_Status local;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &local : status;
    uint64_t t0 = now_ns();
    int rc = PMPI_Recv(buf, count, datatype, source, tag, comm, st);
    uint64_t b = (rc == MPI_SUCCESS && source != MPI_PROC_NULL) ? status_bytes(st, datatype) : 0;
    record(ID_MPI_Recv, t0, 0, b);
    if (source != MPI_PROC_NULL) count_message(0);
    return rc;
}

int MPI_Irecv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
              MPI_Request *request) {
    if (!ACTIVE()) return PMPI_Irecv(buf, count, datatype, source, tag, comm, request);
    uint64_t t0 = now_ns();
    int rc = PMPI_Irecv(buf, count, datatype, source, tag, comm, request);
    uint64_t b = source == MPI_PROC_NULL ? 0 : type_bytes(datatype, count);
    record(ID_MPI_Irecv, t0, 0, b);
    if (source != MPI_PROC_NULL) count_message(0);
    return rc;
}

int MPI_Sendrecv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
                 void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
                 MPI_Comm comm, MPI_Status *status) {
    if (!ACTIVE())
        return PMPI_Sendrecv(sendbuf, sendcount, sendtype, dest, sendtag, recvbuf, recvcount,
                             recvtype, source, recvtag, comm, status);
    MPI_Status local;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &local : status;
    uint64_t t0 = now_ns();
    int rc = PMPI_Sendrecv(sendbuf, sendcount, sendtype, dest, sendtag, recvbuf, recvcount,
                           recvtype, source, recvtag, comm, st);
    uint64_t s = dest == MPI_PROC_NULL ? 0 : type_bytes(sendtype, sendcount);
    uint64_t r = (rc == MPI_SUCCESS && source != MPI_PROC_NULL) ? status_bytes(st, recvtype) : 0;
    record(ID_MPI_Sendrecv, t0, s, r);
    if (dest != MPI_PROC_NULL) count_message(1);
    if (source != MPI_PROC_NULL) count_message(0);
    return rc;
}

int MPI_Sendrecv_replace(void *buf, int count, MPI_Datatype datatype, int dest, int sendtag,
                         int source, int recvtag, MPI_Comm comm, MPI_Status *status) {
    if (!ACTIVE())
        return PMPI_Sendrecv_replace(buf, count, datatype, dest, sendtag, source, recvtag, comm,
                                     status);
    MPI_Status local;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &local : status;
    uint64_t t0 = now_ns();
    int rc = PMPI_Sendrecv_replace(buf, count, datatype, dest, sendtag, source, recvtag, comm, st);
    uint64_t s = dest == MPI_PROC_NULL ? 0 : type_bytes(datatype, count);
    uint64_t r = (rc == MPI_SUCCESS && source != MPI_PROC_NULL) ? status_bytes(st, datatype) : 0;
    record(ID_MPI_Sendrecv_replace, t0, s, r);
    if (dest != MPI_PROC_NULL) count_message(1);
    if (source != MPI_PROC_NULL) count_message(0);
    return rc;
}

/* ---- completion and probes: time only ---- */
#define TIMED(ID, CALL)                      \
    do {                                     \
        if (!ACTIVE()) return CALL;          \
        uint64_t t0 = now_ns();              \
        int rc = CALL;                       \
        record(ID, t0, 0, 0);                \
        return rc;                           \
    } while (0)

int MPI_Wait(MPI_Request *request, MPI_Status *status) {
    TIMED(ID_MPI_Wait, PMPI_Wait(request, status));
}

int MPI_Waitall(int count, MPI_Request array_of_requests[], MPI_Status *array_of_statuses) {
    TIMED(ID_MPI_Waitall, PMPI_Waitall(count, array_of_requests, array_of_statuses));
}

int MPI_Waitany(int count, MPI_Request array_of_requests[], int *index, MPI_Status *status) {
    TIMED(ID_MPI_Waitany, PMPI_Waitany(count, array_of_requests, index, status));
}

int MPI_Waitsome(int incount, MPI_Request array_of_requests[], int *outcount,
                 int array_of_indices[], MPI_Status array_of_statuses[]) {
    TIMED(ID_MPI_Waitsome, PMPI_Waitsome(incount, array_of_requests, outcount, array_of_indices,
                                         array_of_statuses));
}

int MPI_Test(MPI_Request *request, int *flag, MPI_Status *status) {
    TIMED(ID_MPI_Test, PMPI_Test(request, flag, status));
}

int MPI_Testall(int count, MPI_Request array_of_requests[], int *flag,
                MPI_Status array_of_statuses[]) {
    TIMED(ID_MPI_Testall, PMPI_Testall(count, array_of_requests, flag, array_of_statuses));
}

int MPI_Probe(int source, int tag, MPI_Comm comm, MPI_Status *status) {
    TIMED(ID_MPI_Probe, PMPI_Probe(source, tag, comm, status));
}

int MPI_Iprobe(int source, int tag, MPI_Comm comm, int *flag, MPI_Status *status) {
    TIMED(ID_MPI_Iprobe, PMPI_Iprobe(source, tag, comm, flag, status));
}

int MPI_Barrier(MPI_Comm comm) {
    TIMED(ID_MPI_Barrier, PMPI_Barrier(comm));
}

/* ---- collectives ---- */
int MPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm) {
    if (!ACTIVE()) return PMPI_Bcast(buffer, count, datatype, root, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Bcast(buffer, count, datatype, root, comm);
    int role = root_role(root, comm);
    uint64_t b = role < 0 ? 0 : type_bytes(datatype, count);
    record(ID_MPI_Bcast, t0, role == 1 ? b : 0, role == 0 ? b : 0);
    return rc;
}

int MPI_Ibcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm,
               MPI_Request *request) {
    if (!ACTIVE()) return PMPI_Ibcast(buffer, count, datatype, root, comm, request);
    uint64_t t0 = now_ns();
    int rc = PMPI_Ibcast(buffer, count, datatype, root, comm, request);
    int role = root_role(root, comm);
    uint64_t b = role < 0 ? 0 : type_bytes(datatype, count);
    record(ID_MPI_Ibcast, t0, role == 1 ? b : 0, role == 0 ? b : 0);
    return rc;
}

int MPI_Reduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
               int root, MPI_Comm comm) {
    if (!ACTIVE()) return PMPI_Reduce(sendbuf, recvbuf, count, datatype, op, root, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Reduce(sendbuf, recvbuf, count, datatype, op, root, comm);
    int role = root_role(root, comm);
    uint64_t b = role < 0 ? 0 : type_bytes(datatype, count);
    /* an intercommunicator root (MPI_ROOT) only receives */
    int inter_root = root == MPI_ROOT;
    record(ID_MPI_Reduce, t0, inter_root ? 0 : b, role == 1 ? b : 0);
    return rc;
}

int MPI_Ireduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                int root, MPI_Comm comm, MPI_Request *request) {
    if (!ACTIVE()) return PMPI_Ireduce(sendbuf, recvbuf, count, datatype, op, root, comm, request);
    uint64_t t0 = now_ns();
    int rc = PMPI_Ireduce(sendbuf, recvbuf, count, datatype, op, root, comm, request);
    int role = root_role(root, comm);
    uint64_t b = role < 0 ? 0 : type_bytes(datatype, count);
    int inter_root = root == MPI_ROOT;
    record(ID_MPI_Ireduce, t0, inter_root ? 0 : b, role == 1 ? b : 0);
    return rc;
}

int MPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                  MPI_Comm comm) {
    if (!ACTIVE()) return PMPI_Allreduce(sendbuf, recvbuf, count, datatype, op, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Allreduce(sendbuf, recvbuf, count, datatype, op, comm);
    uint64_t b = type_bytes(datatype, count);
    record(ID_MPI_Allreduce, t0, b, b);
    return rc;
}

int MPI_Iallreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype,
                   MPI_Op op, MPI_Comm comm, MPI_Request *request) {
    if (!ACTIVE()) return PMPI_Iallreduce(sendbuf, recvbuf, count, datatype, op, comm, request);
    uint64_t t0 = now_ns();
    int rc = PMPI_Iallreduce(sendbuf, recvbuf, count, datatype, op, comm, request);
    uint64_t b = type_bytes(datatype, count);
    record(ID_MPI_Iallreduce, t0, b, b);
    return rc;
}

int MPI_Scan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
             MPI_Comm comm) {
    if (!ACTIVE()) return PMPI_Scan(sendbuf, recvbuf, count, datatype, op, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Scan(sendbuf, recvbuf, count, datatype, op, comm);
    uint64_t b = type_bytes(datatype, count);
    record(ID_MPI_Scan, t0, b, b);
    return rc;
}

int MPI_Exscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
               MPI_Comm comm) {
    if (!ACTIVE()) return PMPI_Exscan(sendbuf, recvbuf, count, datatype, op, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Exscan(sendbuf, recvbuf, count, datatype, op, comm);
    uint64_t b = type_bytes(datatype, count);
    record(ID_MPI_Exscan, t0, b, b);
    return rc;
}

int MPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
               int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Gather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Gather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
    int role = root_role(root, comm);
    uint64_t s = 0, r = 0;
    if (role == 1) {
        r = (uint64_t)peer_count(comm) * type_bytes(recvtype, recvcount);
        if (root != MPI_ROOT)
            s = sendbuf == MPI_IN_PLACE ? type_bytes(recvtype, recvcount)
                                        : type_bytes(sendtype, sendcount);
    } else if (role == 0) {
        s = type_bytes(sendtype, sendcount);
    }
    record(ID_MPI_Gather, t0, s, r);
    return rc;
}

int MPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root,
                MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Gatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype,
                            root, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Gatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype,
                          root, comm);
    int role = root_role(root, comm);
    uint64_t s = 0, r = 0;
    if (role == 1) {
        r = sum_counts(recvcounts, peer_count(comm), recvtype);
        if (root != MPI_ROOT) {
            int me = my_rank(comm);
            s = sendbuf == MPI_IN_PLACE ? (recvcounts && me >= 0 ? type_bytes(recvtype, recvcounts[me]) : 0)
                                        : type_bytes(sendtype, sendcount);
        }
    } else if (role == 0) {
        s = type_bytes(sendtype, sendcount);
    }
    record(ID_MPI_Gatherv, t0, s, r);
    return rc;
}

int MPI_Scatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Scatter(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Scatter(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
    int role = root_role(root, comm);
    uint64_t s = 0, r = 0;
    if (role == 1) {
        s = (uint64_t)peer_count(comm) * type_bytes(sendtype, sendcount);
        if (root != MPI_ROOT)
            r = recvbuf == MPI_IN_PLACE ? type_bytes(sendtype, sendcount)
                                        : type_bytes(recvtype, recvcount);
    } else if (role == 0) {
        r = type_bytes(recvtype, recvcount);
    }
    record(ID_MPI_Scatter, t0, s, r);
    return rc;
}

int MPI_Scatterv(const void *sendbuf, const int sendcounts[], const int displs[],
                 MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype,
                 int root, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Scatterv(sendbuf, sendcounts, displs, sendtype, recvbuf, recvcount, recvtype,
                             root, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Scatterv(sendbuf, sendcounts, displs, sendtype, recvbuf, recvcount, recvtype,
                           root, comm);
    int role = root_role(root, comm);
    uint64_t s = 0, r = 0;
    if (role == 1) {
        s = sum_counts(sendcounts, peer_count(comm), sendtype);
        if (root != MPI_ROOT) {
            int me = my_rank(comm);
            r = recvbuf == MPI_IN_PLACE ? (sendcounts && me >= 0 ? type_bytes(sendtype, sendcounts[me]) : 0)
                                        : type_bytes(recvtype, recvcount);
        }
    } else if (role == 0) {
        r = type_bytes(recvtype, recvcount);
    }
    record(ID_MPI_Scatterv, t0, s, r);
    return rc;
}

int MPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  int recvcount, MPI_Datatype recvtype, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Allgather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Allgather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
    uint64_t s = sendbuf == MPI_IN_PLACE ? type_bytes(recvtype, recvcount)
                                         : type_bytes(sendtype, sendcount);
    uint64_t r = (uint64_t)peer_count(comm) * type_bytes(recvtype, recvcount);
    record(ID_MPI_Allgather, t0, s, r);
    return rc;
}

int MPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                   const int recvcounts[], const int displs[], MPI_Datatype recvtype,
                   MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Allgatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs,
                               recvtype, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Allgatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype,
                             comm);
    uint64_t s;
    if (sendbuf == MPI_IN_PLACE) {
        int me = my_rank(comm);
        s = recvcounts && me >= 0 ? type_bytes(recvtype, recvcounts[me]) : 0;
    } else {
        s = type_bytes(sendtype, sendcount);
    }
    uint64_t r = sum_counts(recvcounts, peer_count(comm), recvtype);
    record(ID_MPI_Allgatherv, t0, s, r);
    return rc;
}

int MPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 int recvcount, MPI_Datatype recvtype, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Alltoall(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Alltoall(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
    uint64_t n = (uint64_t)peer_count(comm);
    uint64_t r = n * type_bytes(recvtype, recvcount);
    uint64_t s = sendbuf == MPI_IN_PLACE ? r : n * type_bytes(sendtype, sendcount);
    record(ID_MPI_Alltoall, t0, s, r);
    return rc;
}

int MPI_Alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                  MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                  const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Alltoallv(sendbuf, sendcounts, sdispls, sendtype, recvbuf, recvcounts,
                              rdispls, recvtype, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Alltoallv(sendbuf, sendcounts, sdispls, sendtype, recvbuf, recvcounts, rdispls,
                            recvtype, comm);
    int n = peer_count(comm);
    uint64_t r = sum_counts(recvcounts, n, recvtype);
    uint64_t s = sendbuf == MPI_IN_PLACE ? r : sum_counts(sendcounts, n, sendtype);
    record(ID_MPI_Alltoallv, t0, s, r);
    return rc;
}

int MPI_Reduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                       MPI_Datatype datatype, MPI_Op op, MPI_Comm comm) {
    if (!ACTIVE()) return PMPI_Reduce_scatter(sendbuf, recvbuf, recvcounts, datatype, op, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Reduce_scatter(sendbuf, recvbuf, recvcounts, datatype, op, comm);
    int n = 0, me = my_rank(comm);
    PMPI_Comm_size(comm, &n); /* recvcounts has one entry per process of the local group */
    uint64_t s = sum_counts(recvcounts, n, datatype);
    uint64_t r = recvcounts && me >= 0 && me < n ? type_bytes(datatype, recvcounts[me]) : 0;
    record(ID_MPI_Reduce_scatter, t0, s, r);
    return rc;
}

int MPI_Reduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                             MPI_Datatype datatype, MPI_Op op, MPI_Comm comm) {
    if (!ACTIVE())
        return PMPI_Reduce_scatter_block(sendbuf, recvbuf, recvcount, datatype, op, comm);
    uint64_t t0 = now_ns();
    int rc = PMPI_Reduce_scatter_block(sendbuf, recvbuf, recvcount, datatype, op, comm);
    int n = 0;
    PMPI_Comm_size(comm, &n);
    uint64_t r = type_bytes(datatype, recvcount);
    record(ID_MPI_Reduce_scatter_block, t0, (uint64_t)(n > 0 ? n : 0) * r, r);
    return rc;
}
