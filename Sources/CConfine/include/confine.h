// The fallback confinement of an adapter process, used where bubblewrap is missing or refused:
// a new session, no_new_privs, a Landlock ruleset and a seccomp filter, applied to the calling
// process, which then execs the adapter command. The namespaces around it (user, net, pid,
// `unshare --fork --kill-child`) are the caller's. Details and the lists in confine.c.
#ifndef GC_CONFINE_H
#define GC_CONFINE_H
#include <stddef.h>

// Confines the calling process, irreversibly, in this order:
//  1. a new session (setsid), so no terminal is a controlling one: TIOCSTI and /dev/tty cannot
//     reach the grader's terminal. The caller must not lead its process group (setsid fails
//     there; `unshare --fork` puts the launcher in a child that does not). A caller that already
//     leads a session is accepted when that session has no controlling terminal. The confined
//     process leaves the caller's process group: stop it through the pid namespace or by pid.
//  2. PR_SET_NO_NEW_PRIVS.
//  3. Landlock: every file-system right the kernel's ABI knows is handled; `read_paths` get
//     execute, read-file and read-dir, `write_paths` every handled right; TCP bind and connect
//     are handled with no rule (ABI 4+); signals and abstract UNIX sockets are scoped (ABI 6+).
//     Every path must exist (a missing one is an error, so a typo never passes unnoticed).
//  4. A seccomp filter (see confine.c for the syscalls it refuses).
// Landlock restricts the calling thread (every thread from ABI 8): exec from the same thread.
// Returns 0, or -1 with a one-line message in `error` (when `error_size` > 0). After a failure
// the process may be partly confined and must not run the untrusted command: fail closed.
int gc_confine(const char *const *read_paths, int n_read, const char *const *write_paths, int n_write,
               char *error, size_t error_size);

// The Landlock ABI version the running kernel offers (1, 2, ...), or a negated errno:
// -ENOSYS when the kernel has no Landlock, -EOPNOTSUPP when it is built in but not enabled.
int gc_landlock_abi(void);

#endif
