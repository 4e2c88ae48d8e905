/* A small "project" C library for the API-mode tests: built as libproj.so by
   interp/tests/cffi_api.rs and linked into a module with libraries=['proj']. */
#ifndef PROJ_H
#define PROJ_H
#define PROJ_VERSION 3
#define PROJ_CLAMP(x, lo, hi) ((x) < (lo) ? (lo) : (x) > (hi) ? (hi) : (x))
typedef struct proj_acc proj_acc;
typedef unsigned short proj_small;
struct proj_stats { long count; double mean; int max; proj_small flags; };
typedef int (*proj_visit_fn)(void *userdata, int item);
proj_acc *proj_new(void);
void proj_add(proj_acc *acc, int value);
void proj_stats(const proj_acc *acc, struct proj_stats *out);
int proj_each(const proj_acc *acc, proj_visit_fn fn, void *userdata);
void proj_free(proj_acc *acc);
extern int proj_instances;
#endif
