/* reader.h — the interactive reader: section list, article pane, status
 * line, search, help; the terminal side lives in ui.c, the state machine
 * (testable without a terminal) in reader.c.
 *
 * The state machine knows no curses. Keys come in as actions (reader_do)
 * or as keys (reader_key: a code point or a KEYMAP_K_* value, which the
 * prompt and the lists need raw); handlers change the state and return
 * reaction flags (READER_REDRAW, READER_CLEAR, READER_QUIT); only the main
 * loop in ui.c repaints, from what the accessors below describe: the
 * geometry, the rows of the section list and of the overlays (text already
 * fitted to the width), the article's layout and top line, the hits to
 * highlight, the status line and the prompt.
 *
 * The reading position is kept as a doc_pos anchor (article, element and
 * byte offset of the top line), so a resize lays the article out again and
 * keeps the same paragraph on screen.
 */
#ifndef KANBAO_READER_H
#define KANBAO_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "doc.h"
#include "keymap.h"
#include "layout.h"
#include "search.h"
#include "state.h"

/* Pages still being parsed when the reader starts (a huge page or issue):
 * the reader shows what has arrived and, between keys, asks for more. */
typedef struct reader_loader {
	/* Parses about `budget` more bytes; true once everything is loaded
	 * (and jump lines are linked). */
	bool (*step)(void *ctx, size_t budget);
	double (*progress)(void *ctx);      /* how much is loaded, 0 to 1 */
	void *ctx;
} reader_loader;

typedef struct reader_options {
	const char *issue_name;     /* shown in the status line and remembered with marks */
	bool restore;               /* reopen at the remembered position */
	bool keys_from_tty;         /* stdin is not a terminal: read keys from /dev/tty */
	const reader_loader *loader; /* NULL when the issue is complete */
	uint64_t fingerprint;       /* of the issue's text (doc_sources_fingerprint);
				     * 0: computed from the issue */
	/* Opened from the library (libview.h): a search to run at once and
	 * the hit of it to show, lit as the current hit (NULL: none). */
	const char *search;
	doc_pos hit;                /* article, element, start offset of the hit */
	bool from_library;          /* q, and Backspace with nothing to go back
				     * to, return to the library */
	int *request;               /* when not NULL, what the reader asks of its
				     * caller when it ends: READER_REQ_* */
	struct script_view *script; /* the display conversion attached to the
				     * issue (script.h), which T changes; may be NULL */
} reader_options;

/* What a reader asks for when it ends (reader_options.request). */
enum {
	READER_REQ_QUIT,            /* quit kanbao */
	READER_REQ_BACK,            /* back to the library */
	READER_REQ_LIBRARY_SEARCH,  /* search every issue of the library (S) */
};

/* Runs the reader until the user quits. Returns the exit status (0, or 2
 * when the terminal cannot be used: TERM unset or unknown, no tty). The
 * terminal is restored on every way out. (ui.c) */
int reader_run(doc_issue *issue, config *cfg, const reader_options *opt);

/* ---- the state machine (reader.c) ---- */

typedef struct reader reader;

/* Reaction flags returned by every function that changes the reader. */
enum {
	READER_NOTHING = 0,
	READER_REDRAW = 1,      /* repaint what changed */
	READER_CLEAR = 2,       /* repaint the whole screen from scratch (C-l) */
	READER_QUIT = 4,        /* leave the reader */
};

/* Below this size the reader shows only "terminal too small". */
enum { READER_MIN_WIDTH = 20, READER_MIN_HEIGHT = 5 };

/* A new reader on `issue` at a terminal of width × height. `st` (may be
 * NULL: nothing is remembered) and `opt` (may be NULL: no restore, issue
 * name "-") are borrowed, like issue and cfg, and must outlive it. With
 * opt->restore the remembered position of the issue is reopened. */
reader *reader_new(const doc_issue *issue, const config *cfg, state *st,
		   const reader_options *opt, int width, int height);
void reader_free(reader *r);

/* More of the issue was loaded (`done`: all of it): the reader takes in
 * the new articles and pages. Returns reaction flags. */
int reader_issue_grew(reader *r, bool done);
bool reader_loading(const reader *r);

/* A warning from outside (state files) for the status line. */
void reader_notify(reader *r, const char *msg);


/* The terminal changed size: lays out again, keeping the anchor. */
int reader_resize(reader *r, int width, int height);
/* Performs an action (as bound in the keymap), in the current mode: an
 * overlay or the prompt take the actions that apply to them. */
int reader_do(reader *r, keymap_action action);
/* A key: a code point or KEYMAP_K_* (raw control characters are
 * normalised with keymap_normalize_key). The prompt edits with it; other
 * keys go through the keymap to reader_do. */
int reader_key(reader *r, int key);

typedef enum reader_mouse_event {
	READER_MOUSE_CLICK,
	READER_MOUSE_WHEEL_UP,
	READER_MOUSE_WHEEL_DOWN,
} reader_mouse_event;
/* A mouse event at screen cell (x, y): the wheel scrolls the pane under
 * the pointer, a click on a list row opens it, a click on a jump line
 * follows it. */
int reader_mouse(reader *r, int x, int y, reader_mouse_event ev);
/* Time passes (`now` from util_now_ns): an article shown for more than
 * READER_READ_AFTER_NS is marked read. */
#define READER_READ_AFTER_NS 2000000000ull
int reader_tick(reader *r, uint64_t now);
/* Stores the reading position in the state (when it moved since the last
 * save; not while a remembered position waits for its article to load),
 * then writes the state files with whatever else changed (marks, read
 * articles, searches). Nothing without a state. Called at the end of the
 * reader, on SIGHUP/SIGTERM/SIGINT, and by ui.c after [reader] save_after
 * seconds without a key. */
void reader_save(reader *r);
/* Whether reader_save would have something to write: the position moved
 * since the last save, or marks, read articles or searches not saved. */
bool reader_unsaved(const reader *r);

/* ---- what to draw ---- */

typedef struct reader_geometry {
	int width, height;
	bool too_small;         /* below READER_MIN_WIDTH × READER_MIN_HEIGHT */
	int rows;               /* rows of the list and the article pane */
	int list_width;         /* 0 when the list is hidden */
	int border_x;           /* column of the line between them, -1 when none */
	int pane_x, pane_width; /* the article pane */
	int text_x, text_width; /* where the layout goes inside the pane */
	int status_y;           /* the status line (the last row) */
	bool list_over;         /* a narrow terminal: the list is drawn over the
				 * left of the article pane, which keeps its width */
} reader_geometry;
const reader_geometry *reader_geometry_of(const reader *r);

typedef enum reader_focus { READER_FOCUS_ARTICLE, READER_FOCUS_LIST } reader_focus;
reader_focus reader_focus_of(const reader *r);

/* The article shown, its layout at the pane's width (owned by the reader,
 * valid until the next call that changes the reader) and the index of
 * the line at the top of the pane. */
uint32_t reader_article(const reader *r);
const layout *reader_layout(reader *r);
size_t reader_top(const reader *r);
/* The reading position: article, element and offset of the top line. */
doc_pos reader_position(const reader *r);
/* The text of pane row `row` as drawn (spans from their columns, tabs
 * as spaces, placeholders as '?', no trailing spaces), into buf
 * (NUL-terminated, cut at len). For tests. */
void reader_pane_text(reader *r, int row, char *buf, size_t len);

/* A row of the section list or of an overlay: text that fits the width
 * (tabs made spaces, unprintable characters dropped), a colour, and an
 * optional range of it to highlight (a search hit). */
typedef struct reader_row {
	const char *text;       /* owned by the reader: valid until the next call */
	size_t len;
	config_element style;
	size_t hl_start, hl_end;        /* bytes of text drawn as a hit; equal: none */
	bool hl_current;                /* draw the range as the current hit */
} reader_row;

/* Row `row` (0-based, on screen) of the section list; false past its end
 * or when the list is hidden. */
bool reader_list_row(reader *r, int row, reader_row *out);

typedef enum reader_overlay {
	READER_OV_NONE,
	READER_OV_HELP,         /* every action, its keys and help */
	READER_OV_HITS,         /* every hit of the search */
	READER_OV_MARKS,        /* marks of this issue */
	READER_OV_ALL_MARKS,    /* marks of every issue */
	READER_OV_PHOTOS,       /* photo captions that belong to no article */
} reader_overlay;
/* The overlay shown over both panes, or READER_OV_NONE. */
reader_overlay reader_overlay_of(const reader *r);
/* Row `row` on screen of the overlay (row 0 is its title); false past
 * its end. */
bool reader_overlay_row(reader *r, int row, reader_row *out);

/* The hits of the article shown, in order (element, start), and the index
 * among them of the current hit (SIZE_MAX when it is elsewhere). */
size_t reader_article_hits(const reader *r, const search_hit **hits, size_t *current);

/* The status line: its text fitted to the width, and where the message
 * in it starts (msg_len 0: no message). While the prompt is open it is
 * the prompt, with the cursor at column cursor_col (else -1). */
typedef struct reader_status {
	const char *text;       /* owned by the reader: valid until the next call */
	size_t len;
	size_t msg_start, msg_len;
	bool error;             /* the message is an error */
	int cursor_col;
} reader_status;
void reader_status_of(reader *r, reader_status *out);
/* The status text alone (NUL-terminated, valid until the next call). */
const char *reader_status_text(reader *r);
/* The current message ("" when none). */
const char *reader_message(const reader *r);

/* The search: its query (NULL when none is active), the number of hits
 * in articles and the index of the current one (SIZE_MAX when none). */
const char *reader_search_query(const reader *r);
size_t reader_search_hits(const reader *r, size_t *current);
/* Whether the prompt is open, and its text so far. */
bool reader_prompting(const reader *r, const char **text);

/* Whether article a is marked read. */
bool reader_is_read(const reader *r, uint32_t article);
/* Depth of the jump history (positions `back` returns to). */
size_t reader_back_depth(const reader *r);

#endif
