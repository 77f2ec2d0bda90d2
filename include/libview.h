/* libview.h — the library view: papers and their issues (newest first,
 * with article count and reading progress), indexing in the background
 * between keys, and a search across every issue with its result list.
 *
 * Like the reader, a state machine that knows no curses (ui.c draws it
 * from the rows and status line it describes and feeds it keys). Keys go
 * through the reader's keymap, so [keys] rebinds them too: line-down/up,
 * page-down/up, top/bottom move the selection; open (Enter) opens the
 * selected issue or hit; library-search (S) and search-forward (/) ask
 * for a query; back (Backspace) leaves the result list; quit (q) leaves
 * the result list, then kanbao; clear (Esc) cancels the prompt.
 */
#ifndef KANBAO_LIBVIEW_H
#define KANBAO_LIBVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "library.h"
#include "reader.h"
#include "state.h"

typedef struct libview libview;

/* Reactions, as the reader's: READER_REDRAW, READER_CLEAR, READER_QUIT,
 * and: */
enum { LIBVIEW_OPEN = 8 };      /* open what libview_to_open says */

/* A view of lib (borrowed, as cfg and st, which may be NULL) at a
 * terminal of width × height. Starts indexing what is new (without
 * waiting when another kanbao indexes). */
libview *libview_new(library *lib, const config *cfg, state *st, int width, int height);
void libview_free(libview *v);

int libview_key(libview *v, int key);
int libview_resize(libview *v, int width, int height);
/* Indexes for about budget_ns when indexing; returns reaction flags. */
int libview_tick(libview *v, uint64_t budget_ns);
bool libview_indexing(const libview *v);
/* Whether issues are to be indexed: by this view (found by its walk of
 * the roots) or by another kanbao indexing meanwhile. */
bool libview_has_work(const libview *v);
/* A warning for the status line, after what it says already until a key
 * clears it (a library root missing, ...). */
void libview_notify(libview *v, const char *msg);
/* Runs the view in the terminal until it asks to open something
 * (LIBVIEW_OPEN) or to quit (READER_QUIT); returns which, or 2 when the
 * terminal cannot be used. A signal (SIGINT, SIGTERM, SIGHUP) ends it as
 * READER_QUIT with the terminal restored; the caller then re-raises it
 * (ui_reraise). (ui.c) */
int libview_run(libview *v, const config *cfg);
void ui_reraise(void);

/* Opens the search prompt (S pressed in the reader). */
int libview_prompt(libview *v);
/* Back from the reader: progress may have changed. */
int libview_returned(libview *v);

/* What LIBVIEW_OPEN asks to open: an issue, and when from a search hit,
 * the query and the hit (article, element, start). Valid until the next
 * call. */
typedef struct libview_target {
	const char *path;
	const char *query;      /* NULL: no hit */
	doc_pos hit;
} libview_target;
void libview_to_open(const libview *v, libview_target *t);

/* Row `row` of the screen (all but the last, the status line); false
 * past the end. */
bool libview_row(libview *v, int row, reader_row *out);
/* The status line (text fitted to the width) and where the cursor goes
 * (-1: hidden). */
const char *libview_status(libview *v, size_t *len, int *cursor_col);

/* For tests: how many issues and result rows are listed. */
size_t libview_nissues(const libview *v);
size_t libview_nresults(const libview *v);

#endif
