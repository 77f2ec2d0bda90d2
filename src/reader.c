/* reader.c — the reader's state machine; see reader.h. No curses here.
 *
 * The article pane shows one article's layout (from the layout cache, at
 * the pane's width) from line `top`; the anchor (element and offset of
 * the top line) is what survives a change of width. Keys become actions;
 * each action has a handler that changes the state and returns reaction
 * flags. The section list, the overlays (help, hit list, marks) and the
 * status line are described row by row, with their text already fitted
 * to the width, so ui.c only draws.
 */
#include "reader.h"

#include "link.h"
#include "pattern.h"
#include "text.h"
#include "util.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

enum {
	LIST_AUTO_HIDE = 50,    /* below this width the list hides itself */
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
	size_t narticles;
	layout_cache *cache;
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
	util_buf edit;          /* the query being typed */
	size_t cursor;          /* byte offset in edit */
	place origin;           /* where the prompt was opened */
	char **hist;            /* search history, oldest first */
	size_t nhist, chist;
	size_t hist_pos;        /* nhist: the line being typed */
	char *hist_saved;       /* the line being typed while browsing */

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

	char msg[512];
	bool msg_error;
	util_buf rowbuf, statusbuf;
};

static const config_element style_colors[LAYOUT_NSTYLES] = {
	[LAYOUT_S_TEXT] = CONFIG_C_TEXT,
	[LAYOUT_S_COLUMN] = CONFIG_C_COLUMN,
	[LAYOUT_S_KICKER] = CONFIG_C_KICKER,
	[LAYOUT_S_HEADLINE] = CONFIG_C_HEADLINE,
	[LAYOUT_S_SUBTITLE] = CONFIG_C_SUBTITLE,
	[LAYOUT_S_BYLINE] = CONFIG_C_BYLINE,
	[LAYOUT_S_DATELINE] = CONFIG_C_BYLINE,
	[LAYOUT_S_SUBHEAD] = CONFIG_C_SUBHEAD,
	[LAYOUT_S_CAPTION] = CONFIG_C_CAPTION,
	[LAYOUT_S_CREDIT] = CONFIG_C_CREDIT,
	[LAYOUT_S_JUMP] = CONFIG_C_JUMP,
};

config_element reader_style_color(layout_style style)
{
	return (unsigned)style < LAYOUT_NSTYLES ? style_colors[style] : CONFIG_C_TEXT;
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* ---- messages ---- */

static UTIL_PRINTF(2, 3) void say(reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
	r->msg_error = false;
}

static UTIL_PRINTF(2, 3) void complain(reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
	r->msg_error = true;
}

static void clear_message(reader *r)
{
	r->msg[0] = '\0';
	r->msg_error = false;
}

/* The name of the first key bound to an action, for hints ("" if none). */
static const char *key_hint(const reader *r, keymap_action a, char *buf, size_t len)
{
	int key;
	buf[0] = '\0';
	if (keymap_keys_of(r->cfg->keys, a, &key, 1) == 1)
		keymap_key_name(key, buf, len);
	return buf;
}

/* ---- text for rows ---- */

/* Appends s with tabs as spaces and unprintable code points dropped, so
 * what is measured is what is drawn. */
static void add_clean(util_buf *b, const char *s, size_t len)
{
	const char *p = s, *end = s + len, *run = s;
	while (p < end) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (cp == '\t' || !text_cp_printable(cp)) {
			util_buf_add(b, run, (size_t)(p - run));
			if (cp == '\t')
				util_buf_addc(b, ' ');
			run = p + n;
		}
		p += n;
	}
	util_buf_add(b, run, (size_t)(p - run));
}

static void add_spaces(util_buf *b, int n)
{
	for (; n > 0; n--)
		util_buf_addc(b, ' ');
}

/* More bytes than `cols` columns can show (ample for combining marks). */
static size_t prefix_limit(int cols)
{
	return (size_t)cols * 8 + 64;
}

/* The start of the character at or before byte i of s. */
static size_t char_floor(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Appends at most `cols` columns of s (cleaned), whole grapheme clusters,
 * ending with "…" when it had to cut. Returns the columns appended. */
static int add_fit(util_buf *b, const char *s, size_t len, int cols)
{
	if (cols <= 0)
		return 0;
	/* a row shows a few columns of what may be a huge paragraph: look at
	 * no more bytes than those columns can hold */
	bool longer = len > prefix_limit(cols);
	if (longer)
		len = char_floor(s, prefix_limit(cols));
	util_buf clean = { 0 };
	add_clean(&clean, s, len);
	int w = text_width(clean.data ? clean.data : "", clean.len);
	if (w <= cols && !longer) {
		util_buf_add(b, clean.data ? clean.data : "", clean.len);
	} else {
		size_t n = text_fit(clean.data, clean.len, cols - 1, &w);
		util_buf_add(b, clean.data, n);
		util_buf_adds(b, "…");
		w++;
	}
	util_buf_free(&clean);
	return w;
}

static int str_width(const char *s)
{
	return text_width(s, strlen(s));
}

static void buf_reset(util_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* The text that names an article: its headline, else the first thing it
 * has (a subtitle, a kicker, a paragraph). */
static doc_str article_title(const doc_issue *issue, uint32_t a)
{
	static const char untitled[] = "(untitled)";
	const doc_article *art = doc_article_at(issue, a);
	static const doc_field order[] = { DOC_F_HEADLINE, DOC_F_SUBTITLE, DOC_F_KICKER };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(order); i++) {
		doc_str t = art->field[order[i]];
		if (t.len && text_skip_space(t.s, t.s + t.len) < t.s + t.len)
			return t;
	}
	for (uint32_t e = DOC_NFIELDS; e < doc_article_nelements(art); e++) {
		doc_str t = doc_element_text(issue, art, e);
		const char *p = text_skip_space(t.s, t.s + t.len);
		if (p < t.s + t.len)
			return doc_str_make(p, (size_t)(t.s + t.len - p));
	}
	return doc_str_make(untitled, sizeof untitled - 1);
}

static int page_number_of(const reader *r, uint32_t article)
{
	return doc_page_number(r->issue, doc_article_at(r->issue, article)->page);
}

/* ---- geometry and layout ---- */

static const layout *lay(reader *r)
{
	if (r->narticles == 0)
		return &r->empty;
	return layout_cache_get(r->cache, r->article, r->g.text_width);
}

static bool list_shown(const reader *r)
{
	return r->g.list_width > 0;
}

static void compute_geometry(reader *r)
{
	reader_geometry *g = &r->g;
	int w = r->width, h = r->height;
	memset(g, 0, sizeof *g);
	g->width = w;
	g->height = h;
	g->status_y = h > 0 ? h - 1 : 0;
	g->border_x = -1;
	g->too_small = w < READER_MIN_WIDTH || h < READER_MIN_HEIGHT;
	if (g->too_small) {
		g->pane_width = w > 0 ? w : 1;
		g->text_width = g->pane_width;
		return;
	}
	g->rows = h - 1;
	bool show = r->list_pref && (r->list_forced || w >= LIST_AUTO_HIDE);
	int lw = r->cfg->list_width < w - 1 - PANE_MIN ? r->cfg->list_width : w - 1 - PANE_MIN;
	if (lw < LIST_MIN)
		show = false;
	if (show) {
		g->list_width = lw;
		g->border_x = lw;
		g->pane_x = lw + 1;
	}
	g->pane_width = w - g->pane_x;
	g->text_x = g->pane_x + 1;     /* a column of margin on each side */
	g->text_width = g->pane_width - 2;
	if (!show && r->focus == READER_FOCUS_LIST)
		r->focus = READER_FOCUS_ARTICLE;
}

static size_t page_rows(const reader *r)
{
	return r->g.rows > 0 ? (size_t)r->g.rows : 1;
}

static size_t max_top(reader *r)
{
	const layout *l = lay(r);
	size_t rows = page_rows(r);
	return l->nlines > rows ? l->nlines - rows : 0;
}

static void anchor_to_top(reader *r)
{
	const layout *l = lay(r);
	if (r->top < l->nlines) {
		r->anchor_element = l->lines[r->top].element;
		r->anchor_offset = l->lines[r->top].offset;
	} else {
		r->anchor_element = 0;
		r->anchor_offset = 0;
	}
}

/* Moves the top line (clamped); the anchor follows. Returns whether the
 * view moved. */
static bool set_top(reader *r, size_t top)
{
	size_t mt = max_top(r);
	if (top > mt)
		top = mt;
	bool moved = top != r->top;
	r->top = top;
	anchor_to_top(r);
	return moved;
}

/* After a change of width: the top line is where the anchor is now. The
 * anchor itself stays, so going back to a width gives back its view. */
static void top_from_anchor(reader *r)
{
	const layout *l = lay(r);
	size_t t = layout_line_of(l, r->anchor_element, r->anchor_offset);
	size_t mt = max_top(r);
	r->top = t > mt ? mt : t;
}

/* ---- the section list ---- */

static void build_list(reader *r)
{
	size_t cap = 0;
	r->row_of = util_calloc(r->narticles ? r->narticles : 1, sizeof *r->row_of);
	for (size_t p = 0; p < doc_npages(r->issue); p++) {
		const doc_page *pg = doc_page_at(r->issue, p);
		list_entry e = { LIST_PAGE, (uint32_t)p };
		UTIL_PUSH(r->list, r->nlist, cap, e);
		doc_str column = { NULL, 0 };
		for (uint32_t k = 0; k < pg->narticles; k++) {
			uint32_t a = pg->first_article + k;
			doc_str c = doc_article_at(r->issue, a)->field[DOC_F_COLUMN];
			if (c.len && !doc_str_eq(c, column)) {
				list_entry ce = { LIST_COLUMN, a };
				UTIL_PUSH(r->list, r->nlist, cap, ce);
			}
			column = c;
			list_entry ae = { LIST_ARTICLE, a };
			UTIL_PUSH(r->list, r->nlist, cap, ae);
			r->row_of[a] = r->nlist - 1;
		}
	}
}

/* Keeps the selected row in view, with the rows that head it when they
 * fit (its page and column label). */
static void list_follow(reader *r)
{
	if (r->narticles == 0 || r->g.rows <= 0)
		return;
	size_t rows = (size_t)r->g.rows;
	size_t row = r->row_of[r->sel];
	if (row < r->list_top) {
		size_t head = row;
		while (head > 0 && r->list[head - 1].kind != LIST_ARTICLE && row - head + 1 < rows)
			head--;
		r->list_top = head;
	} else if (row >= r->list_top + rows) {
		r->list_top = row - rows + 1;
	}
	size_t maxtop = r->nlist > rows ? r->nlist - rows : 0;
	if (r->list_top > maxtop)
		r->list_top = maxtop;
}

static void select_article(reader *r, uint32_t a)
{
	r->sel = a;
	list_follow(r);
}

/* ---- reading ---- */

static void mark_read(reader *r, uint32_t a)
{
	if (a >= r->narticles || r->read[a])
		return;
	r->read[a] = true;
	if (r->st)
		state_set_read(r->st, r->fp, a);
}

/* Leaving the article: it was read if it was shown long enough. */
static void leave_article(reader *r)
{
	if (util_now_ns() - r->shown_since >= READER_READ_AFTER_NS)
		mark_read(r, r->article);
}

/* Shows article a from line `top` (clamped). */
static void open_article(reader *r, uint32_t a, size_t top)
{
	if (a >= r->narticles)
		return;
	if (a != r->article) {
		leave_article(r);
		r->article = a;
		r->shown_since = util_now_ns();
	}
	r->top = 0;
	set_top(r, top);
	select_article(r, a);
}

static void open_article_at_end(reader *r, uint32_t a)
{
	open_article(r, a, SIZE_MAX);
}

static bool pos_valid(const reader *r, doc_pos pos)
{
	if (pos.article >= r->narticles)
		return false;
	const doc_article *a = doc_article_at(r->issue, pos.article);
	if (pos.element >= doc_article_nelements(a))
		return false;
	return pos.offset <= doc_element_text(r->issue, a, pos.element).len;
}

/* Shows the article of pos with the line holding pos at the top. */
static void open_pos(reader *r, doc_pos pos)
{
	open_article(r, pos.article, 0);
	r->anchor_element = pos.element;
	r->anchor_offset = pos.offset;
	top_from_anchor(r);
}

doc_pos reader_position(const reader *r)
{
	doc_pos p = { r->article, r->anchor_element, r->anchor_offset };
	return p;
}

static place here(const reader *r)
{
	place p = { reader_position(r), r->top, r->g.text_width };
	return p;
}

static void go_to_place(reader *r, const place *p)
{
	if (!pos_valid(r, p->pos))
		return;
	open_pos(r, p->pos);
	if (p->width == r->g.text_width) {
		set_top(r, p->top);
		r->anchor_element = p->pos.element;
		r->anchor_offset = p->pos.offset;
	}
}

static void push_back(reader *r)
{
	if (r->nback == BACK_MAX) {
		memmove(r->back, r->back + 1, (BACK_MAX - 1) * sizeof *r->back);
		r->nback--;
	}
	UTIL_PUSH(r->back, r->nback, r->cback, here(r));
}

/* ---- loading ---- */

static void restore_if_loaded(reader *r)
{
	if (r->restore_pending && r->restore_pos.article < r->narticles) {
		r->restore_pending = false;
		if (pos_valid(r, r->restore_pos)) {
			open_pos(r, r->restore_pos);
			say(r, "reopened where you left off");
		}
	}
}

/* Takes in the articles parsed since the last call: the read marks, the
 * section list and the layout cache follow the issue's new size. */
static void take_in_articles(reader *r)
{
	size_t n = doc_narticles(r->issue);
	size_t old = r->narticles;
	r->read = util_reallocarray(r->read, n ? n : 1, sizeof *r->read);
	for (size_t a = old; a < n; a++)
		r->read[a] = r->st && state_is_read(r->st, r->fp, (uint32_t)a);
	r->narticles = n;
	free(r->list);
	free(r->row_of);
	r->list = NULL;
	r->nlist = 0;
	build_list(r);
	/* the cache was made for the old number of articles */
	layout_cache_free(r->cache);
	r->cache = layout_cache_new(r->issue, &r->cfg->layout);
	if (old == 0 && n > 0 && !r->restore_pending)
		open_article(r, 0, 0);
	else if (n > 0)
		top_from_anchor(r);
	restore_if_loaded(r);
}

int reader_issue_grew(reader *r, bool done)
{
	take_in_articles(r);
	if (done) {
		r->loading = false;
		r->restore_pending = false;
	}
	return READER_REDRAW;
}

void reader_notify(reader *r, const char *msg)
{
	complain(r, "%s", msg);
}

bool reader_loading(const reader *r)
{
	return r->loading;
}

/* Parses everything left (before a search, which covers the whole issue). */
static void finish_loading(reader *r)
{
	if (!r->loading)
		return;
	while (!r->loader->step(r->loader->ctx, SIZE_MAX))
		;
	reader_issue_grew(r, true);
}

/* ---- search ---- */

static void search_state_clear(search_state *s)
{
	if (s->query)
		search_result_free(&s->res);
	free(s->query);
	memset(s, 0, sizeof *s);
	s->cur = NO_HIT;
}

static void search_state_run(reader *r, search_state *s, const char *query, bool forward)
{
	search_state_clear(s);
	finish_loading(r);      /* the search covers the whole issue */
	if (!r->index)
		r->index = search_index_new(r->issue);    /* built on the first search */
	s->query = util_strdup(query);
	s->forward = forward;
	search_run(r->index, query, strlen(query), &s->res);
	size_t n = 0;
	while (n < s->res.nhits && s->res.hits[n].article != UINT32_MAX)
		n++;
	s->nhits = n;
}

/* The search whose hits are shown: the prompt's while it is open. */
static const search_state *shown_search(const reader *r)
{
	if (r->prompting && r->live.query)
		return &r->live;
	return r->search.query ? &r->search : NULL;
}

/* search_next over the hits in articles only, from pos. */
static size_t next_from(const search_state *s, doc_pos pos, bool forward, bool *wrapped)
{
	bool wrap = false;
	size_t i = search_next(&s->res, pos, forward, &wrap);
	if (i != NO_HIT && i >= s->nhits) {
		/* a page caption (they come last): the end of the articles */
		wrap = forward;
		i = forward ? 0 : s->nhits - 1;
	}
	*wrapped = wrap;
	return i;
}

static size_t line_of_hit(reader *r, const search_hit *h)
{
	return layout_line_of(lay(r), h->element, h->start);
}

static bool hit_in_view(reader *r, const search_state *s, size_t i)
{
	const search_hit *h = &s->res.hits[i];
	if (h->article != r->article)
		return false;
	size_t line = line_of_hit(r, h);
	return line >= r->top && line < r->top + page_rows(r);
}

/* Shows hit i: opens its article and scrolls only when it is not in view,
 * then with scroll_context lines above it. */
static void go_to_hit(reader *r, search_state *s, size_t i)
{
	const search_hit *h = &s->res.hits[i];
	s->cur = i;
	if (h->article != r->article)
		open_article(r, h->article, 0);
	if (!hit_in_view(r, s, i)) {
		size_t line = line_of_hit(r, h);
		size_t ctx = (size_t)r->cfg->scroll_context;
		set_top(r, line > ctx ? line - ctx : 0);
	}
}

static void say_wrapped(reader *r, bool forward)
{
	say(r, forward ? "search wrapped to the top" : "search wrapped to the bottom");
}

/* ---- overlays ---- */

static void free_marks(reader *r)
{
	for (size_t i = 0; i < r->nmarks; i++) {
		free(r->marks[i].title);
		free(r->marks[i].where);
	}
	free(r->marks);
	r->marks = NULL;
	r->nmarks = 0;
}

static void close_overlay(reader *r)
{
	r->ov = READER_OV_NONE;
	r->nove = 0;
	free_marks(r);
}

static void ov_push(reader *r, ov_kind kind, uint32_t index)
{
	ov_entry e = { (uint8_t)kind, index, 0 };
	UTIL_PUSH(r->ove, r->nove, r->cove, e);
}

static const char *const help_notes[] = {
	"",
	"In the search prompt: Left, Right, Home and End move; Backspace deletes",
	"a character; C-u clears; Up and Down recall earlier searches; Enter",
	"searches; Esc cancels.",
	"In the hit list and the marks: Enter jumps there; d deletes a mark;",
	"q or Esc closes.",
	"Mouse: the wheel scrolls the pane under it; a click opens a list row",
	"or follows a jump line.",
};

static void open_help(reader *r)
{
	close_overlay(r);
	r->ov = READER_OV_HELP;
	for (int a = KA_NONE + 1; a < KA_COUNT; a++)
		ov_push(r, OV_ACTION, (uint32_t)a);
	for (size_t i = 0; i < UTIL_ARRAY_LEN(help_notes); i++)
		ov_push(r, OV_NOTE, (uint32_t)i);
	r->ov_sel = r->ov_top = 0;
}

/* Rows the selection stops at: hits and marks (not the article rows
 * that head the hits). */
static bool ov_selectable(const ov_entry *e)
{
	return e->kind == OV_HIT || e->kind == OV_MARK;
}

/* Rows of an overlay under its title. */
static size_t ov_rows(const reader *r)
{
	return r->g.rows > 1 ? (size_t)r->g.rows - 1 : 1;
}

static void ov_follow(reader *r)
{
	size_t rows = ov_rows(r);
	if (r->ov_sel < r->ov_top)
		r->ov_top = r->ov_sel;
	else if (r->ov_sel >= r->ov_top + rows)
		r->ov_top = r->ov_sel - rows + 1;
	size_t maxtop = r->nove > rows ? r->nove - rows : 0;
	if (r->ov_top > maxtop)
		r->ov_top = maxtop;
}

/* Overlays that scroll as a whole, with no row to select. */
static bool ov_scrolls_only(const reader *r)
{
	return r->ov == READER_OV_HELP || r->ov == READER_OV_PHOTOS;
}

/* The columns a caption wraps to in the photos overlay (after a 2-column
 * indent), and the byte range of its line `line` there. */
static int photo_width(const reader *r)
{
	return r->g.width > 4 ? r->g.width - 2 : 2;
}

static bool photo_line(const char *s, size_t len, int w, uint32_t line, size_t *from, size_t *to)
{
	const char *p = s, *end = s + len;
	for (uint32_t k = 0;; k++) {
		p = text_skip_space(p, end);
		if (p >= end)
			return false;
		int used;
		size_t n = text_fit(p, (size_t)(end - p), w, &used);
		if (n == 0)
			n = text_grapheme_len(p, end);  /* wider than the row: cut by add_fit */
		if (k == line) {
			*from = (size_t)(p - s);
			*to = (size_t)(text_trim_end(p, p + n) - s);
			return true;
		}
		p += n;
	}
}

/* Photo captions that belong to no article (a page's gallery), page by
 * page, each wrapped to the overlay's width. */
static void open_photos(reader *r, size_t top)
{
	finish_loading(r);
	close_overlay(r);
	r->ov = READER_OV_PHOTOS;
	int w = photo_width(r);
	for (size_t p = 0; p < doc_npages(r->issue); p++) {
		const doc_page *pg = doc_page_at(r->issue, p);
		if (!pg->ncaptions)
			continue;
		ov_push(r, OV_PHOTO_PAGE, (uint32_t)p);
		for (uint32_t c = 0; c < pg->ncaptions; c++) {
			const doc_str *t = doc_page_caption_at(r->issue, pg->first_caption + c);
			size_t from, to;
			for (uint32_t line = 0; photo_line(t->s, t->len, w, line, &from, &to); line++) {
				ov_push(r, OV_PHOTO_LINE, pg->first_caption + c);
				r->ove[r->nove - 1].line = line;
			}
		}
	}
	r->ov_sel = 0;
	r->ov_top = top;
	ov_follow(r);
}

static void open_hits(reader *r)
{
	const search_state *s = shown_search(r);
	close_overlay(r);
	r->ov = READER_OV_HITS;
	uint32_t last = UINT32_MAX;
	r->ov_sel = 0;
	for (size_t i = 0; i < s->nhits; i++) {
		uint32_t a = s->res.hits[i].article;
		if (a != last)
			ov_push(r, OV_ARTICLE, a);
		last = a;
		if (i == s->cur || (s->cur == NO_HIT && i == 0))
			r->ov_sel = r->nove;
		ov_push(r, OV_HIT, (uint32_t)i);
	}
	r->ov_top = 0;
	ov_follow(r);
}

static void load_marks(reader *r)
{
	free_marks(r);
	r->nove = 0;
	const state_mark *const *m;
	size_t n = state_marks(r->st, r->ov == READER_OV_MARKS ? r->fp : 0, &m);
	r->marks = util_calloc(n ? n : 1, sizeof *r->marks);
	for (size_t i = 0; i < n; i++) {
		r->marks[i].issue = m[i]->issue;
		r->marks[i].pos = m[i]->pos;
		r->marks[i].title = util_strdup(m[i]->title ? m[i]->title : "");
		r->marks[i].where = util_strdup(m[i]->where ? m[i]->where : "");
		ov_push(r, OV_MARK, (uint32_t)i);
	}
	r->nmarks = n;
	if (r->ov_sel >= r->nove)
		r->ov_sel = r->nove ? r->nove - 1 : 0;
	ov_follow(r);
}

static void open_marks(reader *r, reader_overlay which)
{
	close_overlay(r);
	r->ov = which;
	r->ov_sel = r->ov_top = 0;
	load_marks(r);
}

/* ---- handlers: the article pane ---- */

typedef int (*handler)(reader *r);

static int continue_forward(reader *r)
{
	const doc_article *a = doc_article_at(r->issue, r->article);
	if (a->continues < 0) {
		char k[KEYMAP_KEY_NAME_MAX];
		say(r, "end of the article (%s: next article)", key_hint(r, KA_NEXT_ARTICLE, k, sizeof k));
		return READER_REDRAW;
	}
	int from = page_number_of(r, r->article);
	mark_read(r, r->article);
	open_article(r, (uint32_t)a->continues, 0);
	say(r, "continued from 第%d版", from);
	return READER_REDRAW;
}

static int continue_backward(reader *r)
{
	const doc_article *a = doc_article_at(r->issue, r->article);
	if (a->continued_from < 0)
		return READER_NOTHING;
	open_article_at_end(r, (uint32_t)a->continued_from);
	say(r, "back on 第%d版, where the article starts", page_number_of(r, r->article));
	return READER_REDRAW;
}

/* Scrolls the article by delta lines; past its end (or start) reading
 * goes on in its continuation (or the part it continues). */
static int scroll_article(reader *r, long delta, bool go_on)
{
	if (r->narticles == 0)
		return READER_NOTHING;
	size_t mt = max_top(r);
	if (delta > 0 && r->top >= mt)
		return go_on ? continue_forward(r) : READER_NOTHING;
	if (delta < 0 && r->top == 0)
		return go_on ? continue_backward(r) : READER_NOTHING;
	size_t t;
	if (delta > 0)
		t = r->top + (size_t)delta;
	else
		t = r->top > (size_t)-delta ? r->top - (size_t)-delta : 0;
	set_top(r, t);
	mark_read(r, r->article);
	return READER_REDRAW;
}

static long screen_step(const reader *r)
{
	long step = (long)page_rows(r) - r->cfg->scroll_context;
	return step > 1 ? step : 1;
}

static long half_step(const reader *r)
{
	long step = (long)page_rows(r) / 2;
	return step > 1 ? step : 1;
}

/* In the list, movement keys move the selection by list rows, landing on
 * an article row. */
static int move_selection(reader *r, long delta)
{
	if (r->narticles == 0)
		return READER_NOTHING;
	long row = (long)r->row_of[r->sel] + delta;
	if (row < 0)
		row = 0;
	if (row >= (long)r->nlist)
		row = (long)r->nlist - 1;
	/* the nearest article row in the direction of travel, else back */
	long step = delta >= 0 ? 1 : -1;
	long k = row;
	while (k >= 0 && k < (long)r->nlist && r->list[k].kind != LIST_ARTICLE)
		k += step;
	if (k < 0 || k >= (long)r->nlist)
		for (k = row; k >= 0 && k < (long)r->nlist && r->list[k].kind != LIST_ARTICLE; k -= step)
			;
	if (k < 0 || k >= (long)r->nlist)
		return READER_NOTHING;
	select_article(r, r->list[k].index);
	return READER_REDRAW;
}

static bool in_list(const reader *r)
{
	return r->focus == READER_FOCUS_LIST && list_shown(r);
}

static int h_line_down(reader *r)
{
	return in_list(r) ? move_selection(r, 1) : scroll_article(r, 1, true);
}

static int h_line_up(reader *r)
{
	return in_list(r) ? move_selection(r, -1) : scroll_article(r, -1, true);
}

static int h_half_down(reader *r)
{
	return in_list(r) ? move_selection(r, half_step(r)) : scroll_article(r, half_step(r), true);
}

static int h_half_up(reader *r)
{
	return in_list(r) ? move_selection(r, -half_step(r)) : scroll_article(r, -half_step(r), true);
}

static int h_page_down(reader *r)
{
	return in_list(r) ? move_selection(r, screen_step(r)) : scroll_article(r, screen_step(r), true);
}

static int h_page_up(reader *r)
{
	return in_list(r) ? move_selection(r, -screen_step(r)) : scroll_article(r, -screen_step(r), true);
}

static int h_top(reader *r)
{
	if (in_list(r))
		return move_selection(r, -(long)r->nlist);
	set_top(r, 0);
	return READER_REDRAW;
}

static int h_bottom(reader *r)
{
	if (in_list(r))
		return move_selection(r, (long)r->nlist);
	if (set_top(r, max_top(r)))
		mark_read(r, r->article);
	return READER_REDRAW;
}

static int h_next_article(reader *r)
{
	if (r->article + 1 >= r->narticles) {
		say(r, "this is the last article");
		return READER_REDRAW;
	}
	open_article(r, r->article + 1, 0);
	return READER_REDRAW;
}

static int h_prev_article(reader *r)
{
	if (r->article == 0 || r->narticles == 0) {
		say(r, "this is the first article");
		return READER_REDRAW;
	}
	open_article(r, r->article - 1, 0);
	return READER_REDRAW;
}

/* Whether line i starts a subhead. */
static bool subhead_line(const layout *l, size_t i)
{
	const layout_line *line = &l->lines[i];
	return !line->continues && line->nspans > 0 &&
	       l->spans[line->first_span].style == LAYOUT_S_SUBHEAD;
}

static int h_next_subhead(reader *r)
{
	const layout *l = lay(r);
	for (size_t i = r->top + 1; i < l->nlines; i++) {
		if (!subhead_line(l, i))
			continue;
		if (!set_top(r, i)) {
			say(r, "no further subhead");
			return READER_REDRAW;
		}
		mark_read(r, r->article);
		return READER_REDRAW;
	}
	say(r, "no further subhead");
	return READER_REDRAW;
}

static int h_prev_subhead(reader *r)
{
	const layout *l = lay(r);
	for (size_t i = r->top; i-- > 0; ) {
		if (subhead_line(l, i)) {
			set_top(r, i);
			return READER_REDRAW;
		}
	}
	if (r->top > 0) {
		set_top(r, 0);
		return READER_REDRAW;
	}
	say(r, "no earlier subhead");
	return READER_REDRAW;
}

/* Follows the jump line of element e of the article shown. */
static int follow_jump_element(reader *r, uint32_t e)
{
	link_jump j = link_jump_at(r->issue, r->article, e);
	if (j.kind == PATTERN_JUMP_NONE) {
		complain(r, "not a jump line");
		return READER_REDRAW;
	}
	if (j.target < 0) {
		complain(r, "第%d版 is not in this issue", j.page);
		return READER_REDRAW;
	}
	push_back(r);
	mark_read(r, r->article);
	/* "(上接第1版)" leads back to where the first part ends */
	if (j.kind == PATTERN_JUMP_FROM)
		open_article_at_end(r, (uint32_t)j.target);
	else
		open_article(r, (uint32_t)j.target, 0);
	r->focus = READER_FOCUS_ARTICLE;
	char k[KEYMAP_KEY_NAME_MAX];
	say(r, "jumped to 第%d版 (%s goes back)", page_number_of(r, r->article),
	    key_hint(r, KA_BACK, k, sizeof k));
	return READER_REDRAW;
}

/* The element of the first jump line in view, or UINT32_MAX. */
static uint32_t jump_in_view(reader *r)
{
	const layout *l = lay(r);
	size_t end = min_size(l->nlines, r->top + page_rows(r));
	for (size_t i = r->top; i < end; i++) {
		const layout_line *line = &l->lines[i];
		if (line->nspans && l->spans[line->first_span].style == LAYOUT_S_JUMP)
			return line->element;
	}
	return UINT32_MAX;
}

static int h_follow_jump(reader *r)
{
	if (r->narticles == 0)
		return READER_NOTHING;
	uint32_t e = jump_in_view(r);
	if (e == UINT32_MAX) {
		say(r, "no jump line in view");
		return READER_REDRAW;
	}
	return follow_jump_element(r, e);
}

static int h_open(reader *r)
{
	if (in_list(r)) {
		open_article(r, r->sel, 0);
		r->focus = READER_FOCUS_ARTICLE;
		return READER_REDRAW;
	}
	return h_follow_jump(r);
}

static int h_focus(reader *r)
{
	if (r->focus == READER_FOCUS_LIST) {
		r->focus = READER_FOCUS_ARTICLE;
		select_article(r, r->article);
		return READER_REDRAW;
	}
	if (!list_shown(r)) {
		r->list_pref = r->list_forced = true;
		compute_geometry(r);
		top_from_anchor(r);
		if (!list_shown(r)) {
			complain(r, "the terminal is too narrow for the list");
			return READER_REDRAW;
		}
	}
	r->focus = READER_FOCUS_LIST;
	select_article(r, r->article);
	return READER_REDRAW;
}

static int h_toggle_list(reader *r)
{
	r->list_pref = !list_shown(r);
	r->list_forced = true;
	compute_geometry(r);
	top_from_anchor(r);
	list_follow(r);
	if (r->list_pref && !list_shown(r))
		complain(r, "the terminal is too narrow for the list");
	return READER_REDRAW;
}

static int open_prompt(reader *r, bool forward)
{
	r->prompting = true;
	r->prompt_forward = forward;
	buf_reset(&r->edit);
	r->cursor = 0;
	r->origin = here(r);
	r->hist_pos = r->nhist;
	free(r->hist_saved);
	r->hist_saved = NULL;
	search_state_clear(&r->live);
	return READER_REDRAW;
}

static int h_search_forward(reader *r)
{
	return open_prompt(r, true);
}

static int h_search_backward(reader *r)
{
	return open_prompt(r, false);
}

static int no_search(reader *r)
{
	char k[KEYMAP_KEY_NAME_MAX];
	say(r, "no search (%s searches)", key_hint(r, KA_SEARCH_FORWARD, k, sizeof k));
	return READER_REDRAW;
}

/* n (same = true) and N: the next hit in the search's direction or the
 * other; from the current hit when it is in view, else from the reading
 * position. */
static int step_hit(reader *r, bool same)
{
	search_state *s = &r->search;
	if (!s->query)
		return no_search(r);
	bool forward = same == s->forward;
	size_t i;
	bool wrapped = false;
	if (s->cur != NO_HIT && hit_in_view(r, s, s->cur)) {
		if (forward) {
			wrapped = s->cur + 1 >= s->nhits;
			i = wrapped ? 0 : s->cur + 1;
		} else {
			wrapped = s->cur == 0;
			i = wrapped ? s->nhits - 1 : s->cur - 1;
		}
	} else {
		i = next_from(s, reader_position(r), forward, &wrapped);
	}
	go_to_hit(r, s, i);
	if (wrapped)
		say_wrapped(r, forward);
	return READER_REDRAW;
}

static int h_next_hit(reader *r)
{
	return step_hit(r, true);
}

static int h_prev_hit(reader *r)
{
	return step_hit(r, false);
}

static int h_hit_list(reader *r)
{
	if (!r->search.query)
		return no_search(r);
	open_hits(r);
	return READER_REDRAW;
}

static int h_clear(reader *r)
{
	search_state_clear(&r->search);
	clear_message(r);
	if (r->focus == READER_FOCUS_LIST)
		select_article(r, r->sel);
	return READER_REDRAW;
}

static int h_back(reader *r)
{
	if (r->nback == 0) {
		say(r, "no earlier position to go back to");
		return READER_REDRAW;
	}
	place p = r->back[--r->nback];
	go_to_place(r, &p);
	r->focus = READER_FOCUS_ARTICLE;
	say(r, "back on 第%d版", page_number_of(r, r->article));
	return READER_REDRAW;
}

static bool need_state(reader *r)
{
	if (!r->st)
		complain(r, "marks are not available (no state folder)");
	return r->st != NULL;
}

static int h_mark(reader *r)
{
	if (r->narticles == 0 || !need_state(r))
		return READER_REDRAW;
	doc_str t = article_title(r->issue, r->article);
	util_buf title = { 0 };
	add_clean(&title, t.s, t.len);
	state_add_mark(r->st, r->fp, reader_position(r), util_buf_cstr(&title), r->where);
	char k[KEYMAP_KEY_NAME_MAX];
	say(r, "marked: %s (%s lists the marks)", util_buf_cstr(&title), key_hint(r, KA_MARKS, k, sizeof k));
	util_buf_free(&title);
	return READER_REDRAW;
}

static int h_marks(reader *r)
{
	if (need_state(r))
		open_marks(r, READER_OV_MARKS);
	return READER_REDRAW;
}

static int h_all_marks(reader *r)
{
	if (need_state(r))
		open_marks(r, READER_OV_ALL_MARKS);
	return READER_REDRAW;
}

static int h_photos(reader *r)
{
	open_photos(r, 0);
	return READER_REDRAW;
}

static int h_help(reader *r)
{
	open_help(r);
	return READER_REDRAW;
}

static int h_redraw(reader *r)
{
	(void)r;
	return READER_CLEAR | READER_REDRAW;
}

static int h_quit(reader *r)
{
	(void)r;
	return READER_QUIT;
}

static const handler handlers[KA_COUNT] = {
	[KA_LINE_DOWN] = h_line_down,
	[KA_LINE_UP] = h_line_up,
	[KA_HALF_DOWN] = h_half_down,
	[KA_HALF_UP] = h_half_up,
	[KA_PAGE_DOWN] = h_page_down,
	[KA_PAGE_UP] = h_page_up,
	[KA_TOP] = h_top,
	[KA_BOTTOM] = h_bottom,
	[KA_NEXT_ARTICLE] = h_next_article,
	[KA_PREV_ARTICLE] = h_prev_article,
	[KA_NEXT_SUBHEAD] = h_next_subhead,
	[KA_PREV_SUBHEAD] = h_prev_subhead,
	[KA_OPEN] = h_open,
	[KA_FOCUS] = h_focus,
	[KA_TOGGLE_LIST] = h_toggle_list,
	[KA_SEARCH_FORWARD] = h_search_forward,
	[KA_SEARCH_BACKWARD] = h_search_backward,
	[KA_NEXT_HIT] = h_next_hit,
	[KA_PREV_HIT] = h_prev_hit,
	[KA_HIT_LIST] = h_hit_list,
	[KA_CLEAR] = h_clear,
	[KA_FOLLOW_JUMP] = h_follow_jump,
	[KA_BACK] = h_back,
	[KA_MARK] = h_mark,
	[KA_MARKS] = h_marks,
	[KA_ALL_MARKS] = h_all_marks,
	[KA_PHOTOS] = h_photos,
	[KA_HELP] = h_help,
	[KA_REDRAW] = h_redraw,
	[KA_QUIT] = h_quit,
};

/* ---- handlers: overlays ---- */

static int ov_scroll(reader *r, long delta)
{
	if (ov_scrolls_only(r)) {
		size_t rows = ov_rows(r);
		size_t maxtop = r->nove > rows ? r->nove - rows : 0;
		long t = (long)r->ov_top + delta;
		r->ov_top = t < 0 ? 0 : (size_t)t > maxtop ? maxtop : (size_t)t;
		return READER_REDRAW;
	}
	if (r->nove == 0)
		return READER_NOTHING;
	long step = delta >= 0 ? 1 : -1;
	long k = (long)r->ov_sel + delta;
	if (k < 0)
		k = 0;
	if (k >= (long)r->nove)
		k = (long)r->nove - 1;
	/* the nearest selectable row in the direction of travel, else back */
	long from = k;
	while (k >= 0 && k < (long)r->nove && !ov_selectable(&r->ove[k]))
		k += step;
	if (k < 0 || k >= (long)r->nove)
		for (k = from; k >= 0 && k < (long)r->nove && !ov_selectable(&r->ove[k]); k -= step)
			;
	if (k < 0 || k >= (long)r->nove)
		return READER_NOTHING;
	r->ov_sel = (size_t)k;
	ov_follow(r);
	return READER_REDRAW;
}

static int ov_activate_hit(reader *r, const ov_entry *e)
{
	search_state *s = &r->search;
	size_t i = e->index;
	if (i >= s->nhits)
		return READER_NOTHING;
	close_overlay(r);
	push_back(r);
	go_to_hit(r, s, i);
	r->focus = READER_FOCUS_ARTICLE;
	return READER_REDRAW;
}

static int ov_activate_mark(reader *r, const mark_copy *m)
{
	if (m->issue != r->fp) {
		complain(r, "that mark is in another issue: %s", m->where[0] ? m->where : "(unknown)");
		return READER_REDRAW;
	}
	if (!pos_valid(r, m->pos)) {
		complain(r, "that mark points past the end of the issue");
		return READER_REDRAW;
	}
	doc_pos pos = m->pos;
	close_overlay(r);
	push_back(r);
	open_pos(r, pos);
	r->focus = READER_FOCUS_ARTICLE;
	say(r, "at the mark on 第%d版", page_number_of(r, r->article));
	return READER_REDRAW;
}

static int ov_activate(reader *r)
{
	if (r->ov_sel >= r->nove || !ov_selectable(&r->ove[r->ov_sel]))
		return READER_NOTHING;
	const ov_entry *e = &r->ove[r->ov_sel];
	if (e->kind == OV_MARK)
		return ov_activate_mark(r, &r->marks[e->index]);
	return ov_activate_hit(r, e);
}

static int ov_delete_mark(reader *r)
{
	if ((r->ov != READER_OV_MARKS && r->ov != READER_OV_ALL_MARKS) || r->ov_sel >= r->nove)
		return READER_NOTHING;
	const mark_copy *m = &r->marks[r->ove[r->ov_sel].index];
	state_mark sm = { m->issue, m->pos, 0, m->title, m->where };
	state_remove_mark(r->st, &sm);
	load_marks(r);
	say(r, "mark deleted");
	return READER_REDRAW;
}

static int overlay_do(reader *r, keymap_action a)
{
	bool help = ov_scrolls_only(r);
	switch (a) {
	case KA_LINE_DOWN: return ov_scroll(r, 1);
	case KA_LINE_UP: return ov_scroll(r, -1);
	case KA_HALF_DOWN: return ov_scroll(r, half_step(r));
	case KA_HALF_UP: return ov_scroll(r, -half_step(r));
	case KA_PAGE_DOWN: return ov_scroll(r, screen_step(r));
	case KA_PAGE_UP: return ov_scroll(r, -screen_step(r));
	case KA_TOP: return ov_scroll(r, -(long)r->nove);
	case KA_BOTTOM: return ov_scroll(r, (long)r->nove);
	case KA_OPEN: return help ? READER_NOTHING : ov_activate(r);
	case KA_REDRAW: return READER_CLEAR | READER_REDRAW;
	case KA_CLEAR: case KA_QUIT: case KA_BACK:
		close_overlay(r);
		return READER_REDRAW;
	case KA_HELP: case KA_HIT_LIST: case KA_MARKS: case KA_ALL_MARKS: case KA_PHOTOS:
		/* its own key closes an overlay; another's opens that one */
		if ((a == KA_HELP && r->ov == READER_OV_HELP) || (a == KA_HIT_LIST && r->ov == READER_OV_HITS) ||
		    (a == KA_MARKS && r->ov == READER_OV_MARKS) ||
		    (a == KA_ALL_MARKS && r->ov == READER_OV_ALL_MARKS) ||
		    (a == KA_PHOTOS && r->ov == READER_OV_PHOTOS)) {
			close_overlay(r);
			return READER_REDRAW;
		}
		close_overlay(r);
		return handlers[a](r);
	default:
		return READER_NOTHING;
	}
}

/* ---- the prompt ---- */

static const char *edit_text(const reader *r)
{
	return r->edit.data ? r->edit.data : "";
}

static void edit_set(reader *r, const char *s)
{
	buf_reset(&r->edit);
	util_buf_adds(&r->edit, s);
	util_buf_cstr(&r->edit);
	r->cursor = r->edit.len;
}

/* Start of the grapheme cluster that ends at `at`. */
static size_t cluster_before(const char *s, size_t at)
{
	size_t p = 0, prev = 0;
	while (p < at) {
		prev = p;
		p += text_grapheme_len(s + p, s + at);
	}
	return prev;
}

static size_t cluster_after(const char *s, size_t len, size_t at)
{
	return at < len ? at + text_grapheme_len(s + at, s + len) : len;
}

static void edit_delete(reader *r, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(r->edit.data + from, r->edit.data + to, r->edit.len - to + 1);
	r->edit.len -= to - from;
	r->cursor = from;
}

static void edit_insert(reader *r, int cp)
{
	uint8_t u[8];
	int n = u8_uctomb(u, (ucs4_t)cp, (int)sizeof u);
	if (n <= 0)
		return;
	util_buf_add(&r->edit, "", 0);
	size_t len = r->edit.len;
	util_buf_add(&r->edit, u, (size_t)n);   /* grows; then move into place */
	memmove(r->edit.data + r->cursor + n, r->edit.data + r->cursor, len - r->cursor);
	memcpy(r->edit.data + r->cursor, u, (size_t)n);
	r->edit.data[r->edit.len] = '\0';
	r->cursor += (size_t)n;
}

static bool query_blank(const char *q)
{
	size_t n = strlen(q);
	return text_skip_space(q, q + n) == q + n;
}

/* The incremental search: from where the prompt was opened, the first
 * hit of what is typed so far. */
static void live_update(reader *r)
{
	go_to_place(r, &r->origin);
	search_state_clear(&r->live);
	const char *q = edit_text(r);
	if (query_blank(q))
		return;
	search_state_run(r, &r->live, q, r->prompt_forward);
	if (r->live.nhits == 0)
		return;
	bool wrapped;
	size_t i = next_from(&r->live, r->origin.pos, r->prompt_forward, &wrapped);
	go_to_hit(r, &r->live, i);
}

static void history_add(reader *r, const char *q)
{
	for (size_t i = 0; i < r->nhist; i++) {
		if (strcmp(r->hist[i], q) == 0) {
			char *s = r->hist[i];
			memmove(r->hist + i, r->hist + i + 1, (r->nhist - i - 1) * sizeof *r->hist);
			r->hist[r->nhist - 1] = s;
			goto stored;
		}
	}
	if (r->nhist == STATE_HISTORY_MAX) {
		free(r->hist[0]);
		memmove(r->hist, r->hist + 1, (r->nhist - 1) * sizeof *r->hist);
		r->nhist--;
	}
	char *s = util_strdup(q);
	UTIL_PUSH(r->hist, r->nhist, r->chist, s);
stored:
	if (r->st)
		state_add_history(r->st, q);
}

static void history_move(reader *r, int dir)
{
	if (dir < 0 && r->hist_pos == 0)
		return;
	if (dir > 0 && r->hist_pos >= r->nhist)
		return;
	if (r->hist_pos == r->nhist) {
		free(r->hist_saved);
		r->hist_saved = util_strdup(edit_text(r));
	}
	r->hist_pos = dir < 0 ? r->hist_pos - 1 : r->hist_pos + 1;
	edit_set(r, r->hist_pos == r->nhist ? (r->hist_saved ? r->hist_saved : "") : r->hist[r->hist_pos]);
}

static void close_prompt(reader *r)
{
	r->prompting = false;
	search_state_clear(&r->live);
	free(r->hist_saved);
	r->hist_saved = NULL;
}

static int prompt_cancel(reader *r)
{
	go_to_place(r, &r->origin);
	close_prompt(r);
	return READER_REDRAW;
}

static int prompt_accept(reader *r)
{
	char *q = util_strdup(edit_text(r));
	bool forward = r->prompt_forward;
	go_to_place(r, &r->origin);
	if (query_blank(q)) {
		/* an empty query repeats the last search, as in less */
		close_prompt(r);
		free(q);
		if (!r->search.query)
			return READER_REDRAW;
		r->search.forward = forward;
		r->search.cur = NO_HIT;
		return step_hit(r, true);
	}
	history_add(r, q);
	search_state s = r->live;
	bool have = s.query && strcmp(s.query, q) == 0;
	memset(&r->live, 0, sizeof r->live);
	if (!have) {
		search_state_clear(&s);
		search_state_run(r, &s, q, forward);
	}
	close_prompt(r);
	search_state_clear(&r->search);
	if (s.nhits == 0) {
		search_state_clear(&s);
		complain(r, "not found: %s", q);
		free(q);
		return READER_REDRAW;
	}
	free(q);
	r->search = s;
	r->search.forward = forward;
	bool wrapped;
	size_t i = next_from(&r->search, r->origin.pos, forward, &wrapped);
	go_to_hit(r, &r->search, i);
	if (wrapped)
		say_wrapped(r, forward);
	return READER_REDRAW;
}

static bool is_text_key(int key)
{
	return key >= 0x20 && key < KEYMAP_K_BASE && key != 0x7f && text_cp_printable((uint32_t)key);
}

static int prompt_key(reader *r, int key)
{
	const char *s = edit_text(r);
	size_t len = r->edit.len;
	bool changed = false;
	switch (key) {
	case KEYMAP_K_ENTER:
		return prompt_accept(r);
	case KEYMAP_K_ESC:
	case KEYMAP_CTRL('g'):
		return prompt_cancel(r);
	case KEYMAP_K_BACKSPACE:
	case KEYMAP_CTRL('h'):
		if (len == 0)
			return prompt_cancel(r);
		edit_delete(r, cluster_before(s, r->cursor), r->cursor);
		changed = true;
		break;
	case KEYMAP_K_DELETE:
	case KEYMAP_CTRL('d'):
		edit_delete(r, r->cursor, cluster_after(s, len, r->cursor));
		changed = true;
		break;
	case KEYMAP_K_LEFT:
	case KEYMAP_CTRL('b'):
		r->cursor = cluster_before(s, r->cursor);
		break;
	case KEYMAP_K_RIGHT:
	case KEYMAP_CTRL('f'):
		r->cursor = cluster_after(s, len, r->cursor);
		break;
	case KEYMAP_K_HOME:
	case KEYMAP_CTRL('a'):
		r->cursor = 0;
		break;
	case KEYMAP_K_END:
	case KEYMAP_CTRL('e'):
		r->cursor = len;
		break;
	case KEYMAP_CTRL('u'):
		edit_delete(r, 0, len);
		changed = true;
		break;
	case KEYMAP_CTRL('k'):
		edit_delete(r, r->cursor, len);
		changed = true;
		break;
	case KEYMAP_K_UP:
	case KEYMAP_CTRL('p'):
		history_move(r, -1);
		changed = true;
		break;
	case KEYMAP_K_DOWN:
	case KEYMAP_CTRL('n'):
		history_move(r, 1);
		changed = true;
		break;
	default:
		if (!is_text_key(key))
			return READER_NOTHING;
		edit_insert(r, key);
		changed = true;
		break;
	}
	if (changed && r->cfg->incremental_search)
		live_update(r);
	return READER_REDRAW;
}

/* ---- entry points ---- */

int reader_do(reader *r, keymap_action a)
{
	if (a <= KA_NONE || a >= KA_COUNT)
		return READER_NOTHING;
	if (r->g.too_small)
		return a == KA_QUIT ? READER_QUIT : a == KA_REDRAW ? READER_CLEAR | READER_REDRAW
								      : READER_NOTHING;
	if (r->prompting)
		return READER_NOTHING;      /* the prompt takes keys, not actions */
	clear_message(r);
	if (r->ov != READER_OV_NONE)
		return overlay_do(r, a);
	return handlers[a](r);
}

int reader_key(reader *r, int key)
{
	key = keymap_normalize_key(key);
	if (r->prompting && !r->g.too_small) {
		clear_message(r);
		return prompt_key(r, key);
	}
	if ((r->ov == READER_OV_MARKS || r->ov == READER_OV_ALL_MARKS) && !r->g.too_small &&
	    (key == 'd' || key == KEYMAP_K_DELETE)) {
		clear_message(r);
		return ov_delete_mark(r);
	}
	keymap_action a = keymap_lookup(r->cfg->keys, key);
	if (a == KA_NONE) {
		if (r->ov != READER_OV_NONE || r->g.too_small)
			return READER_NOTHING;
		char name[KEYMAP_KEY_NAME_MAX], k[KEYMAP_KEY_NAME_MAX];
		say(r, "%s does nothing here (%s lists the keys)", keymap_key_name(key, name, sizeof name),
		    key_hint(r, KA_HELP, k, sizeof k));
		return READER_REDRAW;
	}
	return reader_do(r, a);
}

int reader_resize(reader *r, int width, int height)
{
	r->width = width > 0 ? width : 1;
	r->height = height > 0 ? height : 1;
	compute_geometry(r);
	if (!r->g.too_small) {
		top_from_anchor(r);
		list_follow(r);
		if (r->ov == READER_OV_PHOTOS)
			open_photos(r, 0);      /* wrapped again to the new width */
		else if (r->ov != READER_OV_NONE)
			ov_follow(r);
	}
	return READER_REDRAW | READER_CLEAR;
}

static int mouse_list(reader *r, int y, reader_mouse_event ev)
{
	if (ev != READER_MOUSE_CLICK) {
		size_t rows = (size_t)r->g.rows;
		size_t maxtop = r->nlist > rows ? r->nlist - rows : 0;
		if (ev == READER_MOUSE_WHEEL_UP)
			r->list_top = r->list_top > WHEEL_LINES ? r->list_top - WHEEL_LINES : 0;
		else
			r->list_top = min_size(r->list_top + WHEEL_LINES, maxtop);
		return READER_REDRAW;
	}
	size_t row = r->list_top + (size_t)y;
	if (row >= r->nlist || r->narticles == 0)
		return READER_NOTHING;
	const list_entry *e = &r->list[row];
	uint32_t a = e->index;
	if (e->kind == LIST_PAGE) {
		const doc_page *pg = doc_page_at(r->issue, e->index);
		if (pg->narticles == 0)
			return READER_NOTHING;
		a = pg->first_article;
	}
	size_t keep = r->list_top;      /* a click does not scroll the list */
	open_article(r, a, 0);
	r->list_top = keep;
	list_follow(r);
	r->focus = READER_FOCUS_ARTICLE;
	return READER_REDRAW;
}

static int mouse_pane(reader *r, int y, reader_mouse_event ev)
{
	if (ev == READER_MOUSE_WHEEL_UP)
		return scroll_article(r, -WHEEL_LINES, false);
	if (ev == READER_MOUSE_WHEEL_DOWN)
		return scroll_article(r, WHEEL_LINES, false);
	r->focus = READER_FOCUS_ARTICLE;
	const layout *l = lay(r);
	size_t line = r->top + (size_t)y;
	if (line < l->nlines && l->lines[line].nspans &&
	    l->spans[l->lines[line].first_span].style == LAYOUT_S_JUMP)
		return follow_jump_element(r, l->lines[line].element);
	return READER_REDRAW;
}

static int mouse_overlay(reader *r, int y, reader_mouse_event ev)
{
	if (ev == READER_MOUSE_WHEEL_UP || ev == READER_MOUSE_WHEEL_DOWN) {
		if (ov_scrolls_only(r))
			return ov_scroll(r, ev == READER_MOUSE_WHEEL_UP ? -WHEEL_LINES : WHEEL_LINES);
		size_t rows = ov_rows(r);
		size_t maxtop = r->nove > rows ? r->nove - rows : 0;
		if (ev == READER_MOUSE_WHEEL_UP)
			r->ov_top = r->ov_top > WHEEL_LINES ? r->ov_top - WHEEL_LINES : 0;
		else
			r->ov_top = min_size(r->ov_top + WHEEL_LINES, maxtop);
		return READER_REDRAW;
	}
	if (y < 1 || ov_scrolls_only(r))
		return READER_NOTHING;
	size_t i = r->ov_top + (size_t)y - 1;
	if (i >= r->nove || !ov_selectable(&r->ove[i]))
		return READER_NOTHING;
	r->ov_sel = i;
	return ov_activate(r);
}

int reader_mouse(reader *r, int x, int y, reader_mouse_event ev)
{
	if (r->g.too_small || r->prompting || y < 0 || y >= r->g.rows || x < 0)
		return READER_NOTHING;
	clear_message(r);
	if (r->ov != READER_OV_NONE)
		return mouse_overlay(r, y, ev) | READER_REDRAW;
	if (list_shown(r) && x < r->g.list_width)
		return mouse_list(r, y, ev) | READER_REDRAW;
	if (x >= r->g.pane_x)
		return mouse_pane(r, y, ev) | READER_REDRAW;
	return READER_REDRAW;
}

int reader_tick(reader *r, uint64_t now)
{
	if (r->narticles == 0 || r->read[r->article])
		return READER_NOTHING;
	if (now - r->shown_since < READER_READ_AFTER_NS)
		return READER_NOTHING;
	mark_read(r, r->article);
	return READER_REDRAW;
}

void reader_save(reader *r)
{
	if (!r->st)
		return;
	if (r->narticles)
		state_set_position(r->st, r->fp, reader_position(r));
	state_save(r->st);
}

/* ---- construction ---- */

static void load_history(reader *r)
{
	if (!r->st)
		return;
	const char *const *items;
	size_t n = state_history(r->st, &items);
	for (size_t i = 0; i < n; i++) {
		char *s = util_strdup(items[i]);
		UTIL_PUSH(r->hist, r->nhist, r->chist, s);
	}
}

static char *full_path(const char *name)
{
	if (!name || strcmp(name, "-") == 0)
		return util_strdup("(standard input)");
	char *real = realpath(name, NULL);
	if (!real)
		return util_strdup(name);
	char *copy = util_strdup(real);
	free(real);
	return copy;
}

reader *reader_new(const doc_issue *issue, const config *cfg, state *st,
		   const reader_options *opt, int width, int height)
{
	reader *r = util_calloc(1, sizeof *r);
	r->issue = issue;
	r->cfg = cfg;
	r->st = st;
	r->fp = opt && opt->fingerprint ? opt->fingerprint : doc_issue_fingerprint(issue);
	r->loader = opt ? opt->loader : NULL;
	r->loading = r->loader != NULL;
	r->name = util_strdup(opt && opt->issue_name ? opt->issue_name : "-");
	r->where = full_path(opt ? opt->issue_name : NULL);
	r->narticles = doc_narticles(issue);
	r->cache = layout_cache_new(issue, &cfg->layout);
	r->empty.width = 1;
	r->empty.opt = cfg->layout;
	r->read = util_calloc(r->narticles ? r->narticles : 1, sizeof *r->read);
	for (uint32_t a = 0; st && a < r->narticles; a++)
		r->read[a] = state_is_read(st, r->fp, a);
	r->list_pref = cfg->show_list;
	r->focus = READER_FOCUS_ARTICLE;
	r->search.cur = r->live.cur = NO_HIT;
	build_list(r);
	load_history(r);
	r->width = width > 0 ? width : 1;
	r->height = height > 0 ? height : 1;
	compute_geometry(r);
	r->shown_since = util_now_ns();
	doc_pos pos;
	bool remembered = opt && opt->restore && st && state_get_position(st, r->fp, &pos);
	if (remembered && pos_valid(r, pos)) {
		open_pos(r, pos);
		say(r, "reopened where you left off");
	} else {
		if (remembered && r->loading && pos.article >= r->narticles) {
			r->restore_pending = true;      /* opened when it arrives */
			r->restore_pos = pos;
		}
		if (r->narticles)
			open_article(r, 0, 0);
	}
	return r;
}

void reader_free(reader *r)
{
	if (!r)
		return;
	search_state_clear(&r->search);
	search_state_clear(&r->live);
	search_index_free(r->index);
	layout_cache_free(r->cache);
	close_overlay(r);
	free(r->ove);
	free(r->back);
	for (size_t i = 0; i < r->nhist; i++)
		free(r->hist[i]);
	free(r->hist);
	free(r->hist_saved);
	util_buf_free(&r->edit);
	util_buf_free(&r->rowbuf);
	util_buf_free(&r->statusbuf);
	free(r->list);
	free(r->row_of);
	free(r->read);
	free(r->name);
	free(r->where);
	free(r);
}

/* ---- accessors ---- */

const reader_geometry *reader_geometry_of(const reader *r)
{
	return &r->g;
}

reader_focus reader_focus_of(const reader *r)
{
	return r->focus;
}

uint32_t reader_article(const reader *r)
{
	return r->article;
}

const layout *reader_layout(reader *r)
{
	return lay(r);
}

size_t reader_top(const reader *r)
{
	return r->top;
}

reader_overlay reader_overlay_of(const reader *r)
{
	return r->ov;
}

const char *reader_message(const reader *r)
{
	return r->msg;
}

const char *reader_search_query(const reader *r)
{
	return r->search.query;
}

size_t reader_search_hits(const reader *r, size_t *current)
{
	const search_state *s = shown_search(r);
	if (current)
		*current = s ? s->cur : NO_HIT;
	return s ? s->nhits : 0;
}

bool reader_prompting(const reader *r, const char **text)
{
	if (text)
		*text = edit_text(r);
	return r->prompting;
}

bool reader_is_read(const reader *r, uint32_t article)
{
	return article < r->narticles && r->read[article];
}

size_t reader_back_depth(const reader *r)
{
	return r->nback;
}

size_t reader_article_hits(const reader *r, const search_hit **hits, size_t *current)
{
	const search_state *s = shown_search(r);
	*hits = NULL;
	*current = NO_HIT;
	if (!s || s->nhits == 0)
		return 0;
	/* hits are in article order: find this article's run */
	size_t lo = 0, hi = s->nhits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->res.hits[mid].article < r->article)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < s->nhits && s->res.hits[end].article == r->article)
		end++;
	*hits = s->res.hits + lo;
	if (s->cur != NO_HIT && s->cur >= lo && s->cur < end)
		*current = s->cur - lo;
	return end - lo;
}

void reader_pane_text(reader *r, int row, char *buf, size_t len)
{
	util_buf b = { 0 };
	const layout *l = lay(r);
	size_t i = r->top + (size_t)(row > 0 ? row : 0);
	if (row >= 0 && i < l->nlines && !r->g.too_small) {
		const layout_line *line = &l->lines[i];
		const doc_article *a = doc_article_at(r->issue, r->article);
		int col = 0;
		for (uint32_t k = 0; k < line->nspans; k++) {
			const layout_span *sp = &l->spans[line->first_span + k];
			add_spaces(&b, sp->col - col);
			if (sp->flags & LAYOUT_F_PLACEHOLDER) {
				util_buf_addc(&b, '?');
			} else {
				doc_str t = doc_element_text(r->issue, a, sp->element);
				add_clean(&b, t.s + sp->start, sp->end - sp->start);
			}
			col = sp->col + sp->width;
		}
	}
	snprintf(buf, len, "%s", b.data ? b.data : "");
	util_buf_free(&b);
}

/* ---- rows of the section list ---- */

static void fill_row(reader *r, reader_row *out, config_element style)
{
	util_buf_cstr(&r->rowbuf);
	out->text = r->rowbuf.data;
	out->len = r->rowbuf.len;
	out->style = style;
}

/* A label, and a count kept whole at the right end of the row. */
static void add_with_count(util_buf *b, const char *s, size_t len, const char *count, int w)
{
	int cw = count[0] ? str_width(count) + 1 : 0;
	if (cw >= w) {
		add_fit(b, s, len, w);
		return;
	}
	int used = add_fit(b, s, len, w - cw);
	if (count[0]) {
		add_spaces(b, w - cw - used + 1);
		util_buf_adds(b, count);
	}
}

bool reader_list_row(reader *r, int row, reader_row *out)
{
	memset(out, 0, sizeof *out);
	if (!list_shown(r) || row < 0 || row >= r->g.rows)
		return false;
	size_t i = r->list_top + (size_t)row;
	if (i >= r->nlist)
		return false;
	const list_entry *e = &r->list[i];
	int w = r->g.list_width;
	char count[32] = "";
	buf_reset(&r->rowbuf);
	switch ((list_kind)e->kind) {
	case LIST_PAGE: {
		const doc_page *pg = doc_page_at(r->issue, e->index);
		doc_str name = pg->label.len ? pg->label : pg->name;
		snprintf(count, sizeof count, "(%u)", pg->narticles);
		add_with_count(&r->rowbuf, name.s, name.len, count, w);
		fill_row(r, out, CONFIG_C_LIST_PAGE);
		return true;
	}
	case LIST_COLUMN: {
		doc_str c = doc_article_at(r->issue, e->index)->field[DOC_F_COLUMN];
		util_buf_addc(&r->rowbuf, ' ');
		add_fit(&r->rowbuf, c.s, c.len, w - 1);
		fill_row(r, out, CONFIG_C_LIST_COLUMN);
		return true;
	}
	case LIST_ARTICLE:
		break;
	}
	uint32_t a = e->index;
	const search_state *s = shown_search(r);
	if (s && s->res.per_article && s->res.per_article[a])
		snprintf(count, sizeof count, "%u", s->res.per_article[a]);
	util_buf_adds(&r->rowbuf, a == r->article ? "> " : "  ");
	doc_str t = article_title(r->issue, a);
	if (w > 2)
		add_with_count(&r->rowbuf, t.s, t.len, count, w - 2);
	bool selected = r->focus == READER_FOCUS_LIST ? a == r->sel : a == r->article;
	fill_row(r, out, selected ? CONFIG_C_LIST_CURRENT
				  : r->read[a] ? CONFIG_C_LIST_READ : CONFIG_C_LIST);
	return true;
}

/* ---- rows of the overlays ---- */

static void help_row(reader *r, const ov_entry *e, int w, reader_row *out)
{
	if (e->kind == OV_NOTE) {
		const char *note = help_notes[e->index];
		add_fit(&r->rowbuf, note, strlen(note), w);
		fill_row(r, out, CONFIG_C_TEXT);
		return;
	}
	keymap_action a = (keymap_action)e->index;
	int keys[16];
	size_t n = keymap_keys_of(r->cfg->keys, a, keys, UTIL_ARRAY_LEN(keys));
	util_buf k = { 0 };
	for (size_t i = 0; i < n; i++) {
		char name[KEYMAP_KEY_NAME_MAX];
		if (i)
			util_buf_addc(&k, ' ');
		util_buf_adds(&k, keymap_key_name(keys[i], name, sizeof name));
	}
	if (n == 0)
		util_buf_adds(&k, "(no key)");
	util_buf_cstr(&k);
	util_buf line = { 0 };
	util_buf_adds(&line, "  ");
	int kw = str_width(k.data);
	util_buf_adds(&line, k.data);
	add_spaces(&line, (kw < HELP_KEYS_COLS ? HELP_KEYS_COLS - kw : 0) + 2);
	util_buf_printf(&line, "%s  (%s)", keymap_action_help(a), keymap_action_name(a));
	add_fit(&r->rowbuf, line.data, line.len, w);
	util_buf_free(&k);
	util_buf_free(&line);
	fill_row(r, out, CONFIG_C_TEXT);
}

/* One line of context around hit h, in w columns, the hit marked. */
static void hit_context(reader *r, const search_hit *h, int w, reader_row *out)
{
	const doc_article *a = doc_article_at(r->issue, h->article);
	doc_str t = doc_element_text(r->issue, a, h->element);
	const char *s = t.s, *end = t.s + t.len;
	int hw = text_width(s + h->start, h->end - h->start);
	int before = (w - hw) / 3;
	if (before < 0)
		before = 0;
	/* whole clusters before the hit that fit `before` columns (looking
	 * back no further than they can reach) */
	size_t from = h->start > prefix_limit(before) ? char_floor(s, h->start - prefix_limit(before)) : 0;
	int bw = text_width(s + from, h->start - from);
	while (from < h->start && bw + (from > 0) > before) {
		uint32_t cp;
		int cw;
		from += text_grapheme_scan(s + from, s + h->start, &cp, &cw);
		bw -= cw;
	}
	from = (size_t)(text_skip_space(s + from, s + h->start) - s);
	util_buf line = { 0 };
	if (from > 0)
		util_buf_adds(&line, "…");
	add_clean(&line, s + from, h->start - from);
	size_t hl_start = line.len;
	add_clean(&line, s + h->start, h->end - h->start);
	size_t hl_end = line.len;
	size_t rest = (size_t)(end - (s + h->end));
	if (rest > prefix_limit(w))
		rest = char_floor(s + h->end, prefix_limit(w));
	add_clean(&line, s + h->end, rest);
	size_t start = r->rowbuf.len;
	add_fit(&r->rowbuf, line.data, line.len, w);
	size_t shown = r->rowbuf.len - start;
	out->hl_start = start + min_size(hl_start, shown);
	out->hl_end = start + min_size(hl_end, shown);
	util_buf_free(&line);
}

static void hits_row(reader *r, const ov_entry *e, int w, bool selected, reader_row *out)
{
	const search_state *s = &r->search;
	if (e->kind == OV_ARTICLE) {
		doc_str t = article_title(r->issue, e->index);
		char head[64], count[32];
		snprintf(head, sizeof head, "第%d版 · ", page_number_of(r, e->index));
		snprintf(count, sizeof count, "(%u)", s->res.per_article[e->index]);
		util_buf_adds(&r->rowbuf, head);
		add_with_count(&r->rowbuf, t.s, t.len, count, w - str_width(head));
		fill_row(r, out, selected ? CONFIG_C_LIST_CURRENT : CONFIG_C_SUBHEAD);
		return;
	}
	util_buf_adds(&r->rowbuf, "    ");
	size_t hl_start = 0, hl_end = 0;
	if (w > 4) {
		reader_row tmp = { 0 };
		hit_context(r, &s->res.hits[e->index], w - 4, &tmp);
		hl_start = tmp.hl_start;
		hl_end = tmp.hl_end;
	}
	fill_row(r, out, selected ? CONFIG_C_LIST_CURRENT : CONFIG_C_TEXT);
	out->hl_start = hl_start;
	out->hl_end = hl_end;
	out->hl_current = e->index == s->cur;
}

static void marks_row(reader *r, const ov_entry *e, int w, bool selected, reader_row *out)
{
	const mark_copy *m = &r->marks[e->index];
	util_buf line = { 0 };
	util_buf_adds(&line, "  ");
	if (m->issue == r->fp && m->pos.article < r->narticles)
		util_buf_printf(&line, "第%d版 · ", page_number_of(r, m->pos.article));
	util_buf_adds(&line, m->title);
	if (r->ov == READER_OV_ALL_MARKS)
		util_buf_printf(&line, " · %s", m->where);
	add_fit(&r->rowbuf, line.data, line.len, w);
	util_buf_free(&line);
	fill_row(r, out, selected ? CONFIG_C_LIST_CURRENT : CONFIG_C_TEXT);
}

static void photo_row(reader *r, const ov_entry *e, int w, reader_row *out)
{
	if (e->kind == OV_PHOTO_PAGE) {
		const doc_page *pg = doc_page_at(r->issue, e->index);
		util_buf line = { 0 };
		util_buf_printf(&line, "第%d版 · %.*s (%u)", doc_page_number(r->issue, e->index),
				(int)pg->name.len, pg->name.s, pg->ncaptions);
		add_fit(&r->rowbuf, line.data, line.len, w);
		util_buf_free(&line);
		fill_row(r, out, CONFIG_C_LIST_PAGE);
		return;
	}
	const doc_str *t = doc_page_caption_at(r->issue, e->index);
	size_t from = 0, to = 0;
	photo_line(t->s, t->len, photo_width(r), e->line, &from, &to);
	util_buf line = { 0 };
	util_buf_adds(&line, "  ");
	util_buf_add(&line, t->s + from, to - from);
	add_fit(&r->rowbuf, line.data, line.len, w);
	util_buf_free(&line);
	fill_row(r, out, CONFIG_C_CAPTION);
}

static void overlay_title(reader *r, int w, reader_row *out)
{
	util_buf t = { 0 };
	switch (r->ov) {
	case READER_OV_HELP:
		util_buf_adds(&t, "kanbao keys — every action, its keys and what it does");
		break;
	case READER_OV_HITS:
		util_buf_printf(&t, "%zu hit%s of “%s”", r->search.nhits,
				r->search.nhits == 1 ? "" : "s", r->search.query);
		break;
	case READER_OV_MARKS:
		util_buf_printf(&t, "Marks in this issue (%zu)", r->nmarks);
		break;
	case READER_OV_ALL_MARKS:
		util_buf_printf(&t, "Marks in every issue (%zu)", r->nmarks);
		break;
	case READER_OV_PHOTOS:
		util_buf_printf(&t, "Photo captions outside the articles (%zu)", doc_ncaptions(r->issue));
		break;
	case READER_OV_NONE:
		break;
	}
	add_fit(&r->rowbuf, t.data ? t.data : "", t.len, w);
	util_buf_free(&t);
	fill_row(r, out, CONFIG_C_HEADLINE);
}

bool reader_overlay_row(reader *r, int row, reader_row *out)
{
	memset(out, 0, sizeof *out);
	if (r->ov == READER_OV_NONE || row < 0 || row >= r->g.rows)
		return false;
	int w = r->g.width;
	buf_reset(&r->rowbuf);
	if (row == 0) {
		overlay_title(r, w, out);
		return true;
	}
	size_t i = r->ov_top + (size_t)row - 1;
	if (i >= r->nove) {
		if (i == 0 && r->ov == READER_OV_PHOTOS) {
			const char *none = "  every photo caption of this issue belongs to an article";
			add_fit(&r->rowbuf, none, strlen(none), w);
			fill_row(r, out, CONFIG_C_TEXT);
			return true;
		}
		if (i == 0 && (r->ov == READER_OV_MARKS || r->ov == READER_OV_ALL_MARKS)) {
			char k[KEYMAP_KEY_NAME_MAX], line[128];
			snprintf(line, sizeof line, "  no marks yet (%s marks the article you read)",
				 key_hint(r, KA_MARK, k, sizeof k));
			add_fit(&r->rowbuf, line, strlen(line), w);
			fill_row(r, out, CONFIG_C_TEXT);
			return true;
		}
		return false;
	}
	const ov_entry *e = &r->ove[i];
	bool selected = !ov_scrolls_only(r) && i == r->ov_sel;
	switch (r->ov) {
	case READER_OV_HELP:
		help_row(r, e, w, out);
		break;
	case READER_OV_PHOTOS:
		photo_row(r, e, w, out);
		break;
	case READER_OV_HITS:
		hits_row(r, e, w, selected, out);
		break;
	case READER_OV_MARKS:
	case READER_OV_ALL_MARKS:
		marks_row(r, e, w, selected, out);
		break;
	case READER_OV_NONE:
		return false;
	}
	return true;
}

/* ---- the status line ---- */

static void position_text(reader *r, util_buf *b)
{
	const search_state *s = shown_search(r);
	if (s && s->nhits) {
		if (s->cur != NO_HIT)
			util_buf_printf(b, "hit %zu of %zu · ", s->cur + 1, s->nhits);
		else
			util_buf_printf(b, "%zu hit%s · ", s->nhits, s->nhits == 1 ? "" : "s");
	}
	if (r->narticles == 0) {
		util_buf_adds(b, "no articles in this issue");
		return;
	}
	const layout *l = lay(r);
	size_t bottom = min_size(r->top + page_rows(r), l->nlines);
	int pct = l->nlines ? (int)(bottom * 100 / l->nlines) : 100;
	util_buf_printf(b, "article %u/%zu · 第%d版 · %d%%", r->article + 1, r->narticles,
			page_number_of(r, r->article), pct);
	if (r->loading)
		util_buf_printf(b, " · loading %d%%", (int)(r->loader->progress(r->loader->ctx) * 100));
	const doc_article *a = doc_article_at(r->issue, r->article);
	if (a->continues >= 0 && bottom >= l->nlines)
		util_buf_printf(b, " · continues on 第%d版", page_number_of(r, (uint32_t)a->continues));
}

static void overlay_position(reader *r, util_buf *b)
{
	if (ov_scrolls_only(r)) {
		size_t rows = ov_rows(r);
		size_t bottom = min_size(r->ov_top + rows, r->nove);
		util_buf_printf(b, "%zu%%", r->nove ? bottom * 100 / r->nove : 100);
		return;
	}
	size_t n = 0, at = 0;
	for (size_t i = 0; i < r->nove; i++) {
		if (!ov_selectable(&r->ove[i]))
			continue;
		n++;
		if (i <= r->ov_sel)
			at = n;
	}
	util_buf_printf(b, "%zu/%zu", at, n);
}

static const char *overlay_hint(const reader *r)
{
	switch (r->ov) {
	case READER_OV_HELP: case READER_OV_PHOTOS: return "q or Esc closes";
	case READER_OV_HITS: return "Enter jumps · Esc returns";
	default: return "Enter jumps · d deletes · Esc returns";
	}
}

/* left ... right on one row of w columns; the left part (a message) wins
 * when both do not fit. Sets where the left part starts and ends. */
static void two_sides(util_buf *b, const char *left_raw, const char *right_raw, int w,
		      bool left_first, size_t *l0, size_t *l1)
{
	/* a file name or a message may hold anything: measure what is drawn */
	util_buf lc = { 0 }, rc = { 0 };
	add_clean(&lc, left_raw, strlen(left_raw));
	add_clean(&rc, right_raw, strlen(right_raw));
	const char *left = util_buf_cstr(&lc), *right = util_buf_cstr(&rc);
	int lw = str_width(left), rw = str_width(right);
	*l0 = *l1 = 0;
	if (lw + 2 + rw <= w) {
		*l0 = b->len;
		util_buf_adds(b, left);
		*l1 = b->len;
		add_spaces(b, w - lw - rw);
		util_buf_adds(b, right);
	} else if (left_first && lw) {
		*l0 = b->len;
		add_fit(b, left, strlen(left), w);
		*l1 = b->len;
	} else {
		int room = w - rw - 2;
		if (room >= 4 && lw) {
			*l0 = b->len;
			int used = add_fit(b, left, strlen(left), room);
			*l1 = b->len;
			add_spaces(b, w - used - rw);
			util_buf_adds(b, right);
		} else {
			add_spaces(b, w - rw);      /* the position keeps to the right */
			add_fit(b, right, strlen(right), w);
		}
	}
	util_buf_free(&lc);
	util_buf_free(&rc);
}

static void prompt_status(reader *r, reader_status *out)
{
	util_buf *b = &r->statusbuf;
	int w = r->g.width;
	const char *prefix = r->prompt_forward ? "/" : "?";
	const char *s = edit_text(r);
	/* drop clusters from the start until the cursor fits */
	size_t from = 0;
	while (from < r->cursor && 1 + text_width(s + from, r->cursor - from) > w - 1)
		from += text_grapheme_len(s + from, s + r->edit.len);
	util_buf_adds(b, prefix);
	int used = 1 + add_fit(b, s + from, r->edit.len - from, w - 1);
	out->cursor_col = 1 + text_width(s + from, r->cursor - from);
	if (out->cursor_col > w - 1)
		out->cursor_col = w - 1;
	char info[64] = "";
	if (r->live.query && r->live.nhits)
		snprintf(info, sizeof info, "%zu hit%s", r->live.nhits, r->live.nhits == 1 ? "" : "s");
	else if (r->live.query)
		snprintf(info, sizeof info, "not found");
	int iw = str_width(info);
	if (info[0] && used + 2 + iw <= w) {
		add_spaces(b, w - used - iw);
		out->msg_start = b->len;
		util_buf_adds(b, info);
		out->msg_len = b->len - out->msg_start;
		out->error = r->live.nhits == 0;
	}
}

void reader_status_of(reader *r, reader_status *out)
{
	memset(out, 0, sizeof *out);
	out->cursor_col = -1;
	util_buf *b = &r->statusbuf;
	buf_reset(b);
	int w = r->g.width;
	if (r->g.too_small) {
		static const char small[] = "terminal too small";
		add_fit(b, small, sizeof small - 1, w);
	} else if (r->prompting) {
		prompt_status(r, out);
	} else {
		util_buf right = { 0 };
		const char *left = r->msg[0] ? r->msg : NULL;
		if (r->ov != READER_OV_NONE) {
			overlay_position(r, &right);
			if (!left)
				left = overlay_hint(r);
		} else {
			position_text(r, &right);
		}
		size_t l0, l1;
		two_sides(b, left ? left : r->name, util_buf_cstr(&right), w, r->msg[0] != '\0', &l0, &l1);
		if (r->msg[0]) {
			out->msg_start = l0;
			out->msg_len = l1 - l0;
			out->error = r->msg_error;
		}
		util_buf_free(&right);
	}
	util_buf_cstr(b);
	out->text = b->data;
	out->len = b->len;
}

const char *reader_status_text(reader *r)
{
	reader_status st;
	reader_status_of(r, &st);
	return st.text;
}
