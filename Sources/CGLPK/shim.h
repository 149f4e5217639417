// CGLPK: the C face of GLPK (the GNU Linear Programming Kit) for RefineryModel.
//
// Swift sees everything in <glpk.h> plus the few guarded calls below. They exist because GLPK
// treats invalid arguments and internal failures as *fatal*: it prints a message and calls
// abort(). RefineryModel validates every value before calling GLPK, so these guards are a
// safety net, not the first line of defence.
//
// How a guard works (GLPK manual, "glp_error_hook"): before the call we install an error hook
// and `setjmp`. If GLPK hits a fatal error it calls the hook, which `longjmp`s back here; we then
// call glp_free_env(), which frees every GLPK object of this thread (so the problem must not be
// deleted again) and return CGLPK_FATAL. The jump never crosses a Swift frame: setjmp, the
// GLPK call and the hook are all C. The only exception is the branch-and-cut callback, which is
// Swift; it calls GLPK only with values it has checked, see GLPKBranchAndCut.swift.
//
#ifndef REFINERY_CGLPK_SHIM_H
#define REFINERY_CGLPK_SHIM_H

#include <glpk.h>
#include <setjmp.h>

/// Returned by a guarded call when GLPK raised a fatal error. GLPK's environment on this
/// thread has been freed: every problem object of the thread is gone.
#define CGLPK_FATAL (-1000)

// The jump buffer lives on the guarded call's stack and reaches the hook through GLPK's `info`
// pointer, so there is no global or thread-local state to share.
static void cglpk_fatal_error_hook(void *info) {
    longjmp(*(jmp_buf *)info, 1);
}

#define CGLPK_GUARDED(call)                                   \
    jmp_buf jump_buffer;                                      \
    if (setjmp(jump_buffer) != 0) {                           \
        glp_free_env();                                       \
        return CGLPK_FATAL;                                   \
    }                                                         \
    glp_error_hook(cglpk_fatal_error_hook, &jump_buffer);     \
    int result = (call);                                      \
    glp_error_hook(0, 0);                                     \
    return result;

static inline int cglpk_guarded_load_matrix(glp_prob *problem, int count,
                                            const int rows[], const int columns[],
                                            const double values[]) {
    CGLPK_GUARDED((glp_load_matrix(problem, count, rows, columns, values), 0))
}

static inline int cglpk_guarded_simplex(glp_prob *problem, const glp_smcp *parameters) {
    CGLPK_GUARDED(glp_simplex(problem, parameters))
}

static inline int cglpk_guarded_interior(glp_prob *problem, const glp_iptcp *parameters) {
    CGLPK_GUARDED(glp_interior(problem, parameters))
}

static inline int cglpk_guarded_intopt(glp_prob *problem, const glp_iocp *parameters) {
    CGLPK_GUARDED(glp_intopt(problem, parameters))
}

static inline int cglpk_guarded_write_lp(glp_prob *problem, const char *path) {
    CGLPK_GUARDED(glp_write_lp(problem, 0, path))
}

static inline int cglpk_guarded_write_mps(glp_prob *problem, int format, const char *path) {
    CGLPK_GUARDED(glp_write_mps(problem, format, 0, path))
}

#endif
