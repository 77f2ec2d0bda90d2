/* state.h — what kanbao remembers between runs: the reading position of
 * each issue, bookmarks, which articles were read, and the search history.
 *
 * Files live in $XDG_STATE_HOME/kanbao/ (default ~/.local/state/kanbao/):
 * positions, marks, history — plain text, one record per line, written
 * atomically (a temporary file in the same folder, fsync, rename). An issue
 * is recognised by doc_issue_fingerprint (its content), so a moved or
 * renamed file keeps its position. A corrupt line is skipped with one
 * warning; an unreadable or unwritable file gives a warning and kanbao
 * goes on without it; nothing else the user stored is lost.
 */
#ifndef KANBAO_STATE_H
#define KANBAO_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "doc.h"

typedef struct state state;

/* Loads the state files (missing files are empty). Warnings (corrupt or
 * unreadable files) go to the warn callback, or stderr when NULL. Never
 * returns NULL. `dir` overrides the folder (tests); NULL = the XDG one. */
state *state_open(const char *dir, void (*warn)(const char *msg));
/* Frees everything (does not save). NULL is allowed. */
void state_close(state *st);
/* Writes whatever changed, atomically. Returns false (and warns) when a
 * file cannot be written; the other files are still written. */
bool state_save(state *st);

/* Reading position of an issue: an article and a position inside it. */
bool state_get_position(const state *st, uint64_t issue, doc_pos *pos);
void state_set_position(state *st, uint64_t issue, doc_pos pos);

/* Articles read (marked in the section list). */
bool state_is_read(const state *st, uint64_t issue, uint32_t article);
void state_set_read(state *st, uint64_t issue, uint32_t article);

typedef struct state_mark {
	uint64_t issue;
	doc_pos pos;
	time_t when;
	char *title;            /* headline at the mark, for the list */
	char *where;            /* the issue's path when marked, for the all-issues list */
} state_mark;

/* Bookmarks: of one issue (issue != 0) or of all issues (issue == 0),
 * newest first. Returns the count and a pointer to an internal array of
 * pointers valid until the next change. */
size_t state_marks(const state *st, uint64_t issue, const state_mark *const **marks);
void state_add_mark(state *st, uint64_t issue, doc_pos pos, const char *title, const char *where);
/* Removes the mark equal to *m (same issue and position). */
void state_remove_mark(state *st, const state_mark *m);

/* Search history, oldest first, at most STATE_HISTORY_MAX entries;
 * adding a query already there moves it to the end. */
#define STATE_HISTORY_MAX 200
size_t state_history(const state *st, const char *const **items);
void state_add_history(state *st, const char *query);

#endif
