/* reader_core.h — private to the reader's files (reader.c, reader_view.c,
 * reader_overlay.c, prompt.c): the state of a reader and what they share.
 * Nothing outside the reader includes it; the public side is reader.h.
 */
#ifndef KANBAO_READER_CORE_H
#define KANBAO_READER_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "util.h"

enum {
	LIST_AUTO_HIDE = 70,    /* below this width the list hides itself, and
				 * toggle-list brings it over the article */
	PANE_MIN = 20,          /* the article pane keeps at least this */
	LIST_MIN = 8,           /* a narrower list is not worth showing */
	WHEEL_LINES = 3,
	BACK_MAX = 100,         /* positions kept in the jump history */
	HELP_KEYS_COLS = 18,    /* the keys column of the help screen */
};

#define NO_HIT SIZE_MAX

/* ---- the model ---- */

typedef enum list_kind { LIST_PAGE, LIST_COLUMN, LIST_ARTICLE } list_kind;

typedef struct list_entry {
	uint8_t kind;           /* list_kind */
	uint32_t index;         /* the page, or the article (a column row: the
				 * first article under it) */
} list_entry;

/* A place to come back to: the position, and the top line as it was at
 * `width` (exact when the width did not change since). */
typedef struct place {
	doc_pos pos;
	size_t top;
	int width;
} place;

typedef struct search_state {
	char *query;            /* NULL: no search */
	search_result res;
	size_t nhits;           /* hits in articles (page captions come last) */
	size_t cur;             /* the current hit, NO_HIT when none */
	bool forward;
} search_state;

typedef enum ov_kind { OV_ACTION, OV_NOTE, OV_ARTICLE, OV_HIT, OV_MARK, OV_PHOTO_PAGE, OV_PHOTO_LINE } ov_kind;

typedef struct ov_entry {
	uint8_t kind;           /* ov_kind */
	uint32_t index;         /* action, note, article, hit, mark, page or caption */
	uint32_t line;          /* for a caption: which of its wrapped lines */
} ov_entry;

typedef struct mark_copy {
	uint64_t issue;
	doc_pos pos;
	char *title, *where;
} mark_copy;

struct reader {
	const doc_issue *issue;
	const config *cfg;
	state *st;
	uint64_t fp;            /* doc_issue_fingerprint */
	char *name;             /* the issue as named on the command line */
	char *where;            /* its full path, remembered with marks */
	bool from_library;      /* q and Backspace go back to the library */
	int *request;           /* reader_options.request */
	size_t narticles;
	layout_cache *cache;
	layout_options lopt;    /* [layout], with the jump line's hint */
	struct script_view *script;     /* the display conversion (script.h), may be NULL */
	layout empty;           /* the "layout" of an issue without articles */
	int width, height;
	reader_geometry g;

	/* the section list */
	bool list_pref;         /* shown unless too narrow... */
	bool list_forced;       /* ...or the user said so */
	list_entry *list;
	size_t nlist;
	size_t *row_of;         /* list row of each article */
	size_t list_top;
	uint32_t sel;           /* article selected in the list */
	reader_focus focus;
	bool *read;

	/* the article pane */
	uint32_t article;
	size_t top;
	uint32_t anchor_element, anchor_offset;
	uint64_t shown_since;

	/* search */
	search_index *index;
	search_state search;    /* the search in force */
	search_state live;      /* the incremental one while the prompt is open */
	bool prompting;
	bool prompt_forward;
	struct prompt *line;    /* the query being typed, and the history */
	place origin;           /* where the prompt was opened */

	/* overlays */
	reader_overlay ov;
	ov_entry *ove;
	size_t nove, cove;
	size_t ov_sel, ov_top;
	mark_copy *marks;
	size_t nmarks;

	/* jump history */
	place *back;
	size_t nback, cback;

	/* loading a big issue while reading it */
	const reader_loader *loader;
	bool loading;
	bool restore_pending;   /* the remembered position is not loaded yet */
	doc_pos restore_pos;

	/* the position last given to the state store (reader_save) */
	doc_pos saved_pos;
	bool saved;

	/* a count typed before a key (5j, 3J, 4g), and :N */
	unsigned count;
	unsigned repeat;        /* the count of the action being run (>= 1) */
	bool counted;           /* the action being run had a count */
	bool page_prompt;       /* ':' was typed: digits make the page number */

	/* page numbers as the issue states them (0: none; see page_no_of) */
	int *page_no;
	size_t npage_no;

	char msg[512];
	bool msg_error;
	util_buf rowbuf, statusbuf;
};

static inline size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* An action's handler and its argument (keymap.h, KEYMAP_ACTIONS). */
typedef int (*handler)(reader *r, int arg);

/* The argument of scrolling actions: ± one of these. */
enum { SCROLL_LINE = 1, SCROLL_HALF, SCROLL_SCREEN };

/* ---- rows: the section list and the overlays (reader.c) ---- */

/* The row `delta` rows from `from` (clamped to the n rows), moved on in
 * the direction of travel to the nearest row that `ok` accepts, else
 * back; SIZE_MAX when there is none. */
size_t rows_step(const reader *r, size_t from, long delta, size_t n,
		 bool (*ok)(const reader *r, size_t row));
/* The top row that keeps row `sel` in view in `rows` rows of n: from
 * `head` (a row above it to show too) when it is above `top`. */
size_t rows_follow(size_t top, size_t sel, size_t head, size_t rows, size_t n);
/* `top` moved by delta rows, within the n rows shown `rows` at a time. */
size_t rows_scroll(size_t top, long delta, size_t rows, size_t n);

/* ---- reader.c (the state machine) ---- */

UTIL_PRINTF(2, 3) void say(reader *r, const char *fmt, ...);
UTIL_PRINTF(2, 3) void complain(reader *r, const char *fmt, ...);
const char *key_hint(const reader *r, keymap_action a, char *buf, size_t len);
const layout *lay(reader *r);
bool list_shown(const reader *r);
size_t page_rows(const reader *r);
bool pos_valid(const reader *r, doc_pos pos);
void open_pos(reader *r, doc_pos pos);
void go_to_place(reader *r, const place *p);
void push_back(reader *r);
void finish_loading(reader *r);
void search_state_clear(search_state *s);
void search_state_run(reader *r, search_state *s, const char *query, bool forward);
const search_state *shown_search(const reader *r);
size_t next_from(const search_state *s, doc_pos pos, bool forward, bool *wrapped);
void go_to_hit(reader *r, search_state *s, size_t i);
void say_wrapped(reader *r, bool forward);
/* The lines an argument ±SCROLL_* stands for. */
long scroll_delta(const reader *r, int arg);
int step_hit(reader *r, bool same);
/* The element of the first jump line in view, or UINT32_MAX. */
uint32_t jump_in_view(reader *r);
/* Calls the handler of action a with its argument. */
int run_action(reader *r, keymap_action a);
/* Whether a is a scrolling action (by a line, half a screen, a screen);
 * its argument in *arg. */
bool action_scrolls(keymap_action a, int *arg);

/* ---- reader_view.c (text of rows, the pane and the status line) ---- */

void add_clean(util_buf *b, const char *s, size_t len);
size_t prefix_limit(int cols);
size_t char_floor(const char *s, size_t i);
int add_fit(util_buf *b, const char *s, size_t len, int cols);
int str_width(const char *s);
void buf_reset(util_buf *b);
doc_str article_title(const doc_issue *issue, uint32_t a);
int page_number_of(const reader *r, uint32_t article);
/* The number the issue states for page p (its label 第N版, a jump line
 * pointing at it, a number in its file name); 0 when none. */
int page_no_of(const reader *r, size_t p);
/* The name of page p as the list and the status line show it: its label
 * when it has one, else 第N版 when the issue states its number, else its
 * file name. */
void add_page_name(const reader *r, size_t p, util_buf *b);
void fill_row(reader *r, reader_row *out, config_element style);
void add_with_count(util_buf *b, const char *s, size_t len, const char *count, int w);

/* ---- reader_overlay.c (the overlays: help, hits, marks, photos) ---- */

void close_overlay(reader *r);
void open_help(reader *r);
bool ov_selectable(const ov_entry *e);
size_t ov_rows(const reader *r);
void ov_follow(reader *r);
bool ov_scrolls_only(const reader *r);
void open_photos(reader *r, size_t top);
void open_hits(reader *r);
void open_marks(reader *r, reader_overlay which);
int ov_scroll(reader *r, long delta);
int ov_activate(reader *r);
int ov_delete_mark(reader *r);
int overlay_do(reader *r, keymap_action a);

/* ---- reader_prompt.c (the search prompt; the line editor is prompt.h) ---- */

/* A key while the prompt is open: edits the line (the incremental search
 * follows), searches on Enter, goes back on Esc. */
int search_prompt_key(reader *r, int key);

#endif
