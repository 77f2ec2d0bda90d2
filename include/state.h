/* state.h — what kanbao remembers between runs: the reading position of
 * each issue, bookmarks, which articles were read, and the search history.
 *
 * Files live in $XDG_STATE_HOME/kanbao/ (default ~/.local/state/kanbao/,
 * created with mode 0700 by the first save): positions, read, marks,
 * history — plain text, a header line naming the format ("kanbao-marks 1"),
 * then one record per line, fields separated by TABs, strings escaped (\t
 * \n \\ and \xHH for other control bytes) so any headline or path round-
 * trips. Each file is written atomically (a temporary file in the same
 * folder, fsync, rename), and only when it changed. An issue is recognised
 * by doc_issue_fingerprint (its content), so a moved or renamed file keeps
 * its position. Positions and marks carry the time they were set.
 *
 * A shared store: any number of kanbao may use the folder at once. A save
 * takes the folder's lock (flock on the file "lock", waiting at most
 * STATE_LOCK_MS, then warning and saving without it), reads the files
 * again, applies only the changes this state made since the last save
 * (marks added or removed, positions set, articles read, queries), writes
 * what changed and releases the lock. So nothing another instance saved
 * is lost; of two positions of one issue the later one is kept. A kill at
 * any moment leaves each file old or new, never a mix. After a save (or
 * state_refresh) the state also shows what the others saved.
 *
 * Tolerant: a damaged line (wrong field count, bad number, bad escape) is
 * skipped with one warning per file, and the file is rewritten without it
 * at the next save; a file that cannot be read, or is larger than
 * STATE_FILE_MAX, gives a warning and kanbao goes on without it. A file
 * that cannot be read (or was written by a newer kanbao) is never
 * overwritten in that run; one that cannot be written leaves the others
 * saved. Numbers read back (articles, elements, offsets) are whatever the
 * file says: callers check them against the issue.
 */
#ifndef KANBAO_STATE_H
#define KANBAO_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "doc.h"

/* Limits; past them the least recently used (or oldest) record goes. */
#define STATE_POSITIONS_MAX 1000        /* issues with a position; also issues with read articles */
#define STATE_READ_MAX 500              /* read articles per issue */
#define STATE_MARKS_MAX 1000
#define STATE_HISTORY_MAX 200
#define STATE_FILE_MAX (16u << 20)      /* a larger state file is ignored */
#define STATE_TEXT_MAX 4096             /* bytes kept of a title, path or query (cut at a UTF-8 boundary) */
#define STATE_LOCK_MS 3000              /* longest wait for the folder's lock at a save */

typedef struct state state;

/* Loads the state files (missing files are empty). Warnings (damaged or
 * unreadable files, failed saves) are whole lines without a newline, e.g.
 * "kanbao: warning: ~/.local/state/kanbao/marks: 2 damaged lines ignored",
 * given to the warn callback, or printed on stderr when it is NULL. Never
 * returns NULL. `dir` overrides the folder (tests); NULL = the XDG one
 * ($XDG_STATE_HOME when absolute, else $HOME/.local/state, + /kanbao). */
state *state_open(const char *dir, void (*warn)(const char *msg));
/* Frees everything (does not save). NULL is allowed. */
void state_close(state *st);
/* Merges this state's changes into the files (see above), atomically,
 * creating the folder if needed. Returns false (and warns once per file)
 * when a file cannot be written; the other files are still written, and
 * the changes of a failed one are tried again by the next save. True when
 * there was nothing to write. Pointers from state_marks and
 * state_history are invalid afterwards. */
bool state_save(state *st);
/* Whether this state holds changes that a save would write (or tried
 * and failed to). */
bool state_pending(const state *st);
/* Re-reads the files so the state shows what other instances saved,
 * keeping this state's unsaved changes on top. Writes nothing; takes no
 * lock (files are only ever replaced whole). Pointers as for state_save. */
bool state_refresh(state *st);
/* For tests: the lock wait (ms), and the clock that stamps records. */
void state_set_lock_timeout(state *st, int ms);
void state_set_clock(state *st, time_t (*now)(void));

/* Reading position of an issue: an article and a position inside it.
 * Setting it makes the issue the most recently used. */
bool state_get_position(const state *st, uint64_t issue, doc_pos *pos);
void state_set_position(state *st, uint64_t issue, doc_pos pos);
/* When the issue's position was last set (by any instance); 0 when there
 * is none or the file did not say (written before time stamps). */
time_t state_position_time(const state *st, uint64_t issue);

/* Articles read (marked in the section list); the count is what a
 * library shows as progress (read articles of the issue, at most
 * STATE_READ_MAX). */
bool state_is_read(const state *st, uint64_t issue, uint32_t article);
void state_set_read(state *st, uint64_t issue, uint32_t article);
size_t state_read_count(const state *st, uint64_t issue);

typedef struct state_mark {
	uint64_t issue;
	doc_pos pos;
	time_t when;
	char *title;            /* headline at the mark, for the list (never NULL) */
	char *where;            /* the issue's path when marked, for the all-issues list (never NULL) */
} state_mark;

/* Bookmarks: of one issue (issue != 0) or of all issues (issue == 0),
 * newest first. Returns the count and (when `marks` is not NULL) a
 * pointer to an internal array of pointers valid until the next change
 * (never NULL, even when the count is 0). title and where are bytes as
 * stored (a hand-edited file may hold anything): sanitise before display. */
size_t state_marks(const state *st, uint64_t issue, const state_mark *const **marks);
/* Adds a mark, time-stamped now; a mark at the same issue and position
 * is replaced. NULL title or where are stored as "". */
void state_add_mark(state *st, uint64_t issue, doc_pos pos, const char *title, const char *where);
/* Removes the mark equal to *m (same issue and position); m may point
 * into the array state_marks gave. */
void state_remove_mark(state *st, const state_mark *m);

/* Search history, oldest first, at most STATE_HISTORY_MAX entries;
 * adding a query already there moves it to the end; an empty query is
 * not kept. `items` as for state_marks. */
size_t state_history(const state *st, const char *const **items);
void state_add_history(state *st, const char *query);

#endif
