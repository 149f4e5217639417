// CGLPK: the C face of GLPK (the GNU Linear Programming Kit) for RefineryModel.
//
// Swift sees everything in <glpk.h> plus the few guarded calls below. They exist because GLPK
// treats invalid arguments and internal failures as *fatal*: it prints a message and calls
// abort(). RefineryModel validates every value before calling GLPK, so these guards are a
// safety net, not the first line of defence.
//
// How a guard works (GLPK manual, "glp_error_hook"): before the call we install an error hook
// and `setjmp`. If GLPK hits a fatal error it prints its message (through the terminal hook,
// which RefineryModel always installs, so nothing reaches stdout), then calls the hook, which
// `longjmp`s back here; we then call glp_free_env(), which frees every GLPK object of this
// thread (so the problem must not be deleted again) and return CGLPK_FATAL. The jump never
// crosses a Swift frame: setjmp, the GLPK call and the hook are all C. The only exception is
// the branch-and-cut callback, which is Swift; it calls GLPK only with values it has checked,
// see GLPKBranchAndCut.swift.
//
// GLPK's environment (hooks, memory, the problem) is thread-local, and so is everything here:
// the jump buffer lives on the guarded call's stack, so guards on different threads never meet.
//
// Which calls are guarded (an audit of every glp_* call in Optimization/GLPK/, GLPK 5.0):
// - Guarded here, because they can reach xerror/xassert even with validated arguments
//   (numerical trouble, or "no memory available" from GLPK's allocator, which is an xerror):
//   glp_create_prob, glp_set_prob_name, glp_add_rows, glp_add_cols, glp_set_row_name,
//   glp_set_col_name (all allocate), glp_load_matrix, glp_scale_prob (glp_set_rii/sjj abort on
//   a scale factor that underflowed or overflowed), glp_adv_basis, glp_simplex, glp_interior
//   (assertions in glpipm.c on degenerate data), glp_intopt, glp_write_lp, glp_write_mps, and
//   the pseudo-cost probe (glp_copy_prob + glp_simplex).
// - Not guarded, because with the arguments we pass they cannot fail (they neither allocate
//   nor compute; their only checks are on indices, types and flags, which the Swift side takes
//   from GLPK's own counts or from constants): glp_set_obj_dir (GLP_MIN/GLP_MAX),
//   glp_set_obj_coef, glp_set_col_kind, glp_set_col_bnds, glp_set_row_bnds (indices within
//   the counts just added, bound types from a fixed table, bounds finite and ordered), all
//   glp_get_* / glp_mip_* / glp_ipt_* readers (indices from glp_get_num_rows/cols),
//   glp_init_smcp/iptcp/iocp, glp_version, glp_term_out(GLP_ON), glp_term_hook,
//   glp_error_hook, glp_delete_prob (outside a callback), glp_free_env.
// - Inside the branch-and-cut callback (Swift, so it cannot be guarded without jumping across
//   a Swift frame): glp_ios_reason, glp_ios_tree_size, glp_ios_best_node, glp_ios_node_bound
//   (with a node number GLPK just returned), glp_ios_heur_sol (only at GLP_IHEUR, with one
//   value per column; its checks are assertions on the tree's sizes, which match because the
//   start is passed only without presolve), glp_ios_can_branch / glp_ios_branch_upon (only at
//   GLP_IBRANCH, once, for a column GLPK says can be branched upon), glp_ios_get_prob,
//   glp_get_col_prim, glp_get_num_cols, glp_ios_terminate. None allocates.
// - Not called at all: glp_std_basis, glp_warm_up, glp_factorize, glp_create_index,
//   glp_find_row/col, glp_set_mat_row/col, glp_read_*. A change that calls one must guard it.
// - Cannot be guarded: GLPK's environment creation (the first glp_* call of a thread) aborts
//   directly, without calling the error hook, if malloc fails for the environment itself.
//
#ifndef REFINERY_CGLPK_SHIM_H
#define REFINERY_CGLPK_SHIM_H

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <time.h>

/// Returned by a guarded call when GLPK raised a fatal error. GLPK's environment on this
/// thread has been freed: every problem object of the thread is gone.
#define CGLPK_FATAL (-1000)

/// Returned by a deadline-guarded call that was stopped at its deadline. As after a fatal
/// error, GLPK's environment on this thread has been freed.
#define CGLPK_DEADLINE (-1001)

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

static inline int cglpk_guarded_create_prob(glp_prob **problem) {
    CGLPK_GUARDED((*problem = glp_create_prob(), 0))
}

static inline int cglpk_guarded_set_prob_name(glp_prob *problem, const char *name) {
    CGLPK_GUARDED((glp_set_prob_name(problem, name), 0))
}

static inline int cglpk_guarded_add_rows(glp_prob *problem, int count) {
    CGLPK_GUARDED(glp_add_rows(problem, count))
}

static inline int cglpk_guarded_add_cols(glp_prob *problem, int count) {
    CGLPK_GUARDED(glp_add_cols(problem, count))
}

static inline int cglpk_guarded_set_row_name(glp_prob *problem, int row, const char *name) {
    CGLPK_GUARDED((glp_set_row_name(problem, row, name), 0))
}

static inline int cglpk_guarded_set_col_name(glp_prob *problem, int column, const char *name) {
    CGLPK_GUARDED((glp_set_col_name(problem, column, name), 0))
}

static inline int cglpk_guarded_load_matrix(glp_prob *problem, int count,
                                            const int rows[], const int columns[],
                                            const double values[]) {
    CGLPK_GUARDED((glp_load_matrix(problem, count, rows, columns, values), 0))
}

static inline int cglpk_guarded_scale_prob(glp_prob *problem, int flags) {
    CGLPK_GUARDED((glp_scale_prob(problem, flags), 0))
}

static inline int cglpk_guarded_adv_basis(glp_prob *problem) {
    CGLPK_GUARDED((glp_adv_basis(problem, 0), 0))
}

static inline int cglpk_guarded_simplex(glp_prob *problem, const glp_smcp *parameters) {
    CGLPK_GUARDED(glp_simplex(problem, parameters))
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

/// What one evaluation of GLPK's pseudo-cost initialization costs (glpios09.c, eval_degrad):
/// copy the problem, fix `column` at the floor of its value, and run at most 30 dual simplex
/// iterations from the current basis. The problem must hold an optimal basis. The caller
/// times it; the copy is deleted.
static inline int cglpk_pseudocost_probe(glp_prob *problem, int column) {
    glp_prob *copy = glp_create_prob();
    glp_copy_prob(copy, problem, GLP_OFF);
    double value = floor(glp_get_col_prim(problem, column));
    glp_set_col_bnds(copy, column, GLP_FX, value, value);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.meth = GLP_DUAL;
    parameters.it_lim = 30;
    int code = glp_simplex(copy, &parameters);
    glp_delete_prob(copy);
    return code;
}

static inline int cglpk_guarded_pseudocost_probe(glp_prob *problem, int column) {
    CGLPK_GUARDED(cglpk_pseudocost_probe(problem, column))
}

// MARK: - Interior point with a deadline

// glp_interior has no time limit, but with msg_lev >= GLP_MSG_ON it writes one line per
// iteration through the terminal hook. This guard puts its own terminal hook in front of the
// caller's: it forwards every line, then, if the deadline has passed, jumps back to the guard
// (from C, after the caller's hook has returned, so no Swift frame is crossed), which frees
// GLPK's environment exactly as after a fatal error.

/// Seconds on the monotonic clock.
static inline double cglpk_monotonic_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

typedef struct {
    int (*forward)(void *info, const char *text);
    void *forward_info;
    double deadline;
    jmp_buf *jump;
} cglpk_deadline_terminal;

static int cglpk_deadline_terminal_hook(void *info, const char *text) {
    cglpk_deadline_terminal *terminal = (cglpk_deadline_terminal *)info;
    int handled = terminal->forward ? terminal->forward(terminal->forward_info, text) : 1;
    if (cglpk_monotonic_seconds() >= terminal->deadline) longjmp(*terminal->jump, 2);
    return handled;
}

/// glp_interior, stopped after `seconds` (checked at each line GLPK writes, so set
/// `msg_lev` to at least GLP_MSG_ON). `forward` and `forward_info` are the caller's terminal
/// hook, reinstalled afterwards. Returns CGLPK_DEADLINE when stopped, CGLPK_FATAL on a fatal
/// error (in both cases GLPK's environment is gone), else glp_interior's code.
static inline int cglpk_guarded_interior_until(glp_prob *problem, const glp_iptcp *parameters, double seconds,
                                               int (*forward)(void *info, const char *text), void *forward_info) {
    jmp_buf jump_buffer;
    cglpk_deadline_terminal terminal = { forward, forward_info, cglpk_monotonic_seconds() + seconds, &jump_buffer };
    int jumped = setjmp(jump_buffer);
    if (jumped != 0) {
        glp_free_env();
        return jumped == 2 ? CGLPK_DEADLINE : CGLPK_FATAL;
    }
    glp_error_hook(cglpk_fatal_error_hook, &jump_buffer);
    glp_term_hook(cglpk_deadline_terminal_hook, &terminal);
    int result = glp_interior(problem, parameters);
    glp_term_hook(forward, forward_info);
    glp_error_hook(0, 0);
    return result;
}

#endif
