/* reader.c — the reader's state machine; see reader.h. No curses here.
 *
 * The article pane shows one article's layout (from the layout cache, at
 * the pane's width) from line `top`; the anchor (element and offset of
 * the top line) is what survives a change of width. Keys become actions;
 * each action has a handler that changes the state and returns reaction
 * flags. The section list, the overlays (help, hit list, marks) and the
 * status line are described row by row, with their text already fitted
 * to the width, so ui.c only draws.
 *
 * The state (struct reader) and what the reader's files share are in
 * reader_core.h; the text of rows and of the status line is in
 * reader_view.c, the overlays in reader_overlay.c, the search prompt in
 * reader_prompt.c (its line editor is prompt.c).
 */
#include "reader_core.h"

#include "link.h"
#include "pattern.h"
#include "prompt.h"
#include "script.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- messages ---- */

static UTIL_PRINTF(3, 0) void set_message(reader *r, bool error, const char *fmt, va_list ap)
{
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	r->msg_error = error;
}

UTIL_PRINTF(2, 3) void say(reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(r, false, fmt, ap);
	va_end(ap);
}

UTIL_PRINTF(2, 3) void complain(reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(r, true, fmt, ap);
	va_end(ap);
}

static void clear_message(reader *r)
{
	r->msg[0] = '\0';
	r->msg_error = false;
}

/* The name of the first key bound to an action, for hints ("" if none). */
const char *key_hint(const reader *r, keymap_action a, char *buf, size_t len)
{
	int key;
	buf[0] = '\0';
	if (keymap_keys_of(r->cfg->keys, a, &key, 1) == 1)
		keymap_key_name(key, buf, len);
	return buf;
}

/* ---- geometry and layout ---- */

const layout *lay(reader *r)
{
	if (r->narticles == 0)
		return &r->empty;
	return layout_cache_get(r->cache, r->article, r->g.text_width);
}

bool list_shown(const reader *r)
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
	bool narrow = w < LIST_AUTO_HIDE;
	bool show = r->list_pref && (r->list_forced || !narrow);
	int lw = r->cfg->list_width < w - 1 - PANE_MIN ? r->cfg->list_width : w - 1 - PANE_MIN;
	if (narrow) {
		/* over the article, which keeps the whole width */
		lw = r->cfg->list_width < w - 2 ? r->cfg->list_width : w - 2;
		if (lw < LIST_MIN)
			show = false;
		if (show) {
			g->list_width = lw;
			g->border_x = lw;
			g->list_over = true;
		}
	} else {
		if (lw < LIST_MIN)
			show = false;
		if (show) {
			g->list_width = lw;
			g->border_x = lw;
			g->pane_x = lw + 1;
		}
	}
	g->pane_width = w - g->pane_x;
	g->text_x = g->pane_x + 1;     /* a column of margin on each side */
	g->text_width = g->pane_width - 2;
	if (!show && r->focus == READER_FOCUS_LIST)
		r->focus = READER_FOCUS_ARTICLE;
}

size_t page_rows(const reader *r)
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

/* ---- rows ---- */

size_t rows_step(const reader *r, size_t from, long delta, size_t n,
		 bool (*ok)(const reader *r, size_t row))
{
	if (n == 0)
		return SIZE_MAX;
	long row = (long)from + delta;
	if (row < 0)
		row = 0;
	if (row >= (long)n)
		row = (long)n - 1;
	/* the nearest row in the direction of travel, else back */
	long step = delta >= 0 ? 1 : -1;
	long k = row;
	while (k >= 0 && k < (long)n && !ok(r, (size_t)k))
		k += step;
	if (k < 0 || k >= (long)n)
		for (k = row; k >= 0 && k < (long)n && !ok(r, (size_t)k); k -= step)
			;
	return k < 0 || k >= (long)n ? SIZE_MAX : (size_t)k;
}

size_t rows_follow(size_t top, size_t sel, size_t head, size_t rows, size_t n)
{
	if (sel < top)
		top = head;
	else if (sel >= top + rows)
		top = sel - rows + 1;
	size_t maxtop = n > rows ? n - rows : 0;
	return top > maxtop ? maxtop : top;
}

size_t rows_scroll(size_t top, long delta, size_t rows, size_t n)
{
	size_t maxtop = n > rows ? n - rows : 0;
	if (delta < 0)
		return top > (size_t)-delta ? top - (size_t)-delta : 0;
	return min_size(top + (size_t)delta, maxtop);
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
	size_t head = row;
	while (head > 0 && r->list[head - 1].kind != LIST_ARTICLE && row - head + 1 < rows)
		head--;
	r->list_top = rows_follow(r->list_top, row, head, rows, r->nlist);
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

bool pos_valid(const reader *r, doc_pos pos)
{
	if (pos.article >= r->narticles)
		return false;
	const doc_article *a = doc_article_at(r->issue, pos.article);
	if (pos.element >= doc_article_nelements(a))
		return false;
	return pos.offset <= doc_element_text(r->issue, a, pos.element).len;
}

/* Shows the article of pos with the line holding pos at the top. */
void open_pos(reader *r, doc_pos pos)
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

void go_to_place(reader *r, const place *p)
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

void push_back(reader *r)
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
	r->cache = layout_cache_new(r->issue, &r->lopt);
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
		r->npage_no = SIZE_MAX; /* linked: page numbers from jump lines too */
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

/* Parses everything left (before a search, which covers the whole
 * issue), in steps that stop at once when the user interrupts. */
void finish_loading(reader *r)
{
	if (!r->loading)
		return;
	bool done = false;
	while (!done && !util_interrupt_requested())
		done = r->loader->step(r->loader->ctx, 1u << 20);
	reader_issue_grew(r, done);
}

/* ---- search ---- */

void search_state_clear(search_state *s)
{
	if (s->query)
		search_result_free(&s->res);
	free(s->query);
	memset(s, 0, sizeof *s);
	s->cur = NO_HIT;
}

void search_state_run(reader *r, search_state *s, const char *query, bool forward)
{
	search_state_clear(s);
	finish_loading(r);      /* the search covers the whole issue */
	if (util_interrupt_requested())
		return;         /* quitting */
	if (!r->index)
		r->index = search_index_new(r->issue);    /* built on the first search */
	if (!r->index)
		return;         /* interrupted: quitting */
	s->query = util_strdup(query);
	s->forward = forward;
	search_run(r->index, query, strlen(query), &s->res);
	s->nhits = s->res.nhits;        /* pages' own captions and banners too, as --search */
}

/* The search whose hits are shown: the prompt's while it is open. */
const search_state *shown_search(const reader *r)
{
	if (r->prompting && r->live.query)
		return &r->live;
	return r->search.query ? &r->search : NULL;
}

/* search_next from pos (a page's own text comes after its articles). */
size_t next_from(const search_state *s, doc_pos pos, bool forward, bool *wrapped)
{
	bool wrap = false;
	size_t i = search_next(&s->res, pos, forward, &wrap);
	*wrapped = wrap;
	return i;
}

/* A hit in a page's own text (a caption of no article, a banner). */
static bool page_level(const search_hit *h)
{
	return h->article == UINT32_MAX;
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
void go_to_hit(reader *r, search_state *s, size_t i)
{
	const search_hit *h = &s->res.hits[i];
	s->cur = i;
	if (page_level(h)) {
		/* no article holds it: the status line shows it in its context */
		doc_str t = search_hit_text(r->issue, h);
		char *ctx = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&ctx, &len);
		if (f) {
			search_print_context(t.s, t.len, h->start, h->end, false, f);
			fclose(f);
		}
		say(r, "hit %zu of %zu, %s of 第%d版: %s", i + 1, s->nhits,
		    h->element & SEARCH_BANNER ? "the banner" : "a photo caption",
		    doc_page_number(r->issue, h->page), ctx ? ctx : "");
		free(ctx);
		return;
	}
	if (h->article != r->article)
		open_article(r, h->article, 0);
	if (!hit_in_view(r, s, i)) {
		size_t line = line_of_hit(r, h);
		size_t ctx = (size_t)r->cfg->scroll_context;
		set_top(r, line > ctx ? line - ctx : 0);
	}
}

void say_wrapped(reader *r, bool forward)
{
	say(r, forward ? "search wrapped to the top" : "search wrapped to the bottom");
}

/* ---- handlers: the article pane ---- */

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
	push_back(r);           /* Backspace returns to the end of the first part */
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

long scroll_delta(const reader *r, int arg)
{
	int unit = arg < 0 ? -arg : arg;
	long n = unit == SCROLL_SCREEN ? screen_step(r) : unit == SCROLL_HALF ? half_step(r) : 1;
	return arg < 0 ? -n : n;
}

/* In the list, movement keys move the selection by list rows, landing on
 * an article row. */
static bool article_row(const reader *r, size_t row)
{
	return r->list[row].kind == LIST_ARTICLE;
}

static int move_selection(reader *r, long delta)
{
	if (r->narticles == 0)
		return READER_NOTHING;
	size_t k = rows_step(r, r->row_of[r->sel], delta, r->nlist, article_row);
	if (k == SIZE_MAX)
		return READER_NOTHING;
	select_article(r, r->list[k].index);
	return READER_REDRAW;
}

static bool in_list(const reader *r)
{
	return r->focus == READER_FOCUS_LIST && list_shown(r);
}

/* Line, half a screen or a screen (the argument: ±SCROLL_*): the list
 * selection when the list has the focus, else the article. */
static int h_scroll(reader *r, int arg)
{
	long d = scroll_delta(r, arg) * (long)r->repeat;
	if (in_list(r))
		return move_selection(r, d);
	/* Space at the very end, with nothing continuing the article: the
	 * next article ([reader] space_continues) */
	if (arg == +SCROLL_SCREEN && r->cfg->space_continues && r->narticles &&
	    r->top >= max_top(r) && doc_article_at(r->issue, r->article)->continues < 0 &&
	    r->article + 1 < r->narticles) {
		mark_read(r, r->article);
		open_article(r, r->article + 1, 0);
		doc_str t = article_title(r->issue, r->article);
		util_buf title = { 0 };
		add_fit(&title, t.s, t.len, 40);
		say(r, "end of the article: on to the next, %s", util_buf_cstr(&title));
		util_buf_free(&title);
		return READER_REDRAW;
	}
	return scroll_article(r, d, true);
}

static int go_to_page_number(reader *r, unsigned n);

/* The start (-1) or the end (+1) of the article, or of the list; g with
 * a count N goes to 第N版. */
static int h_end(reader *r, int dir)
{
	if (dir < 0 && r->counted)
		return go_to_page_number(r, r->repeat);
	if (in_list(r))
		return move_selection(r, dir * (long)r->nlist);
	if (dir < 0) {
		set_top(r, 0);
		return READER_REDRAW;
	}
	if (set_top(r, max_top(r)))
		mark_read(r, r->article);
	return READER_REDRAW;
}

/* The issue is still loading and article `a` is asked for: parses on
 * until it has arrived (or everything has, or the user interrupts). */
static void load_up_to(reader *r, size_t a)
{
	if (!r->loading || a < r->narticles)
		return;
	bool done = false;
	while (!done && doc_narticles(r->issue) <= a && !util_interrupt_requested())
		done = r->loader->step(r->loader->ctx, 1u << 20);
	reader_issue_grew(r, done);
}

/* The next (+1) or the previous (-1) article. */
static int h_article(reader *r, int dir)
{
	if (dir > 0)
		load_up_to(r, (size_t)r->article + r->repeat);
	if (dir > 0 && r->article + 1 >= r->narticles) {
		say(r, "this is the last article");
		return READER_REDRAW;
	}
	if (dir < 0 && (r->article == 0 || r->narticles == 0)) {
		say(r, "this is the first article");
		return READER_REDRAW;
	}
	long to = (long)r->article + dir * (long)r->repeat;
	if (to < 0)
		to = 0;
	if (to >= (long)r->narticles)
		to = (long)r->narticles - 1;
	open_article(r, (uint32_t)to, 0);
	return READER_REDRAW;
}

/* ---- pages ---- */

/* The page of the article shown. */
static size_t page_of_article(const reader *r, uint32_t a)
{
	return doc_article_at(r->issue, a)->page;
}

/* Shows the first article of page p (a page without articles: the next
 * one that has some, in the direction dir). Returns false when none. */
static bool open_page(reader *r, size_t p, int dir)
{
	size_t np = doc_npages(r->issue);
	while (p < np && doc_page_at(r->issue, p)->narticles == 0)
		p = dir < 0 ? (p == 0 ? np : p - 1) : p + 1;
	if (p >= np)
		return false;
	push_back(r);
	open_article(r, doc_page_at(r->issue, p)->first_article, 0);
	util_buf name = { 0 };
	add_page_name(r, p, &name);
	char k[KEYMAP_KEY_NAME_MAX];
	say(r, "%s (%s goes back)", util_buf_cstr(&name), key_hint(r, KA_BACK, k, sizeof k));
	util_buf_free(&name);
	return true;
}

/* The next (+1) or previous (-1) page, a count of pages at a time. */
static int h_page(reader *r, int dir)
{
	if (r->narticles == 0)
		return READER_NOTHING;
	long p = (long)page_of_article(r, r->article);
	/* on a page's later article, < goes to the start of the page first */
	if (dir < 0 && doc_page_at(r->issue, (size_t)p)->first_article != r->article)
		p++;
	long to = p + dir * (long)r->repeat;
	long np = (long)doc_npages(r->issue);
	if (to < 0 || to >= np || !open_page(r, (size_t)to, dir))
		say(r, dir > 0 ? "this is the last page" : "this is the first page");
	r->focus = READER_FOCUS_ARTICLE;
	return READER_REDRAW;
}

/* 第N版: the page whose stated number is n, else the n-th page. */
static int go_to_page_number(reader *r, unsigned n)
{
	size_t np = doc_npages(r->issue);
	size_t found = SIZE_MAX;
	for (size_t p = 0; p < np && found == SIZE_MAX; p++)
		if (page_no_of(r, p) == (int)n)
			found = p;
	if (found == SIZE_MAX && n >= 1 && n <= np && page_no_of(r, n - 1) == 0)
		found = n - 1;
	if (found == SIZE_MAX || !open_page(r, found, +1))
		complain(r, "第%u版 is not in this issue", n);
	else
		r->focus = READER_FOCUS_ARTICLE;
	return READER_REDRAW;
}

static int h_go_to_page(reader *r, int arg)
{
	(void)arg;
	if (r->counted)
		return go_to_page_number(r, r->repeat);
	r->page_prompt = true;
	r->count = 0;
	say(r, "go to 第_版: type the number, then Enter (Esc cancels)");
	return READER_REDRAW;
}

/* The next article not read yet, after the one shown (round the issue). */
static int h_next_unread(reader *r, int arg)
{
	(void)arg;
	if (r->narticles == 0)
		return READER_NOTHING;
	mark_read(r, r->article);
	/* with a count N: the Nth unread article on (or the last there is) */
	uint32_t a = UINT32_MAX;
	unsigned left = r->repeat;
	for (size_t k = 1; k < r->narticles && left > 0; k++) {
		uint32_t c = (uint32_t)((r->article + k) % r->narticles);
		if (!r->read[c]) {
			a = c;
			left--;
		}
	}
	if (a != UINT32_MAX) {
		push_back(r);
		open_article(r, a, 0);
		r->focus = READER_FOCUS_ARTICLE;
		char k2[KEYMAP_KEY_NAME_MAX];
		say(r, "next unread article (%s goes back)", key_hint(r, KA_BACK, k2, sizeof k2));
		return READER_REDRAW;
	}
	say(r, "every article of the issue has been read");
	return READER_REDRAW;
}

/* Whether line i starts a subhead. */
static bool subhead_line(const layout *l, size_t i)
{
	const layout_line *line = &l->lines[i];
	return !line->continues && line->nspans > 0 &&
	       l->spans[line->first_span].style == LAYOUT_S_SUBHEAD;
}

/* } with a count N: the Nth subhead on (as far as there are some). */
static int h_next_subhead(reader *r, int arg)
{
	(void)arg;
	const layout *l = lay(r);
	size_t found = SIZE_MAX;
	unsigned seen = 0;
	for (size_t i = r->top + 1; i < l->nlines && seen < r->repeat; i++) {
		if (subhead_line(l, i)) {
			found = i;
			seen++;
		}
	}
	if (found == SIZE_MAX || !set_top(r, found)) {
		say(r, "no further subhead");
		return READER_REDRAW;
	}
	mark_read(r, r->article);
	return READER_REDRAW;
}

static int h_prev_subhead(reader *r, int arg)
{
	(void)arg;
	const layout *l = lay(r);
	unsigned left = r->repeat;
	for (size_t i = r->top; i-- > 0; ) {
		if (subhead_line(l, i) && --left == 0) {
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

/* Follows the jump line of element e of the article shown: where the
 * linker found it leads (nothing is matched again here). */
static int follow_jump_element(reader *r, uint32_t e)
{
	const doc_jump *j = doc_element_jump(r->issue, doc_article_at(r->issue, r->article), e);
	if (!j || j->kind == DOC_JUMP_NONE) {
		complain(r, "not a jump line");
		return READER_REDRAW;
	}
	if (j->target == DOC_TARGET_PENDING) {
		complain(r, "第%d版 is not linked yet (still loading)", j->page);
		return READER_REDRAW;
	}
	if (j->target < 0) {
		if (j->page_index < 0) {
			complain(r, "第%d版 is not in this issue", j->page);
		} else {
			const doc_page *pg = doc_page_at(r->issue, (size_t)j->page_index);
			complain(r, "%s not found on 第%d版 (%.*s)",
				 j->kind == DOC_JUMP_TO ? "the continuation was" :
				 j->kind == DOC_JUMP_FROM ? "the first part was" : "the article announced was",
				 j->page, (int)pg->name.len, pg->name.s);
		}
		return READER_REDRAW;
	}
	push_back(r);
	mark_read(r, r->article);
	/* "(上接第1版)" leads back to where the first part ends */
	if (j->kind == DOC_JUMP_FROM)
		open_article_at_end(r, (uint32_t)j->target);
	else
		open_article(r, (uint32_t)j->target, 0);
	r->focus = READER_FOCUS_ARTICLE;
	char k[KEYMAP_KEY_NAME_MAX];
	say(r, "jumped to 第%d版 (%s goes back)", page_number_of(r, r->article),
	    key_hint(r, KA_BACK, k, sizeof k));
	return READER_REDRAW;
}

/* The element of the first jump line in view, or UINT32_MAX. */
uint32_t jump_in_view(reader *r)
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

static int h_follow_jump(reader *r, int arg)
{
	(void)arg;
	if (r->narticles == 0)
		return READER_NOTHING;
	uint32_t e = jump_in_view(r);
	if (e == UINT32_MAX) {
		say(r, "no jump line in view");
		return READER_REDRAW;
	}
	return follow_jump_element(r, e);
}

static int h_open(reader *r, int arg)
{
	(void)arg;
	if (in_list(r)) {
		open_article(r, r->sel, 0);
		r->focus = READER_FOCUS_ARTICLE;
		if (r->g.list_over) {
			/* the list over the article goes away once it has chosen */
			r->list_pref = false;
			compute_geometry(r);
			top_from_anchor(r);
		}
		return READER_REDRAW;
	}
	return h_follow_jump(r, 0);
}

static int h_focus(reader *r, int arg)
{
	(void)arg;
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

static int h_toggle_list(reader *r, int arg)
{
	(void)arg;
	r->list_pref = !list_shown(r);
	r->list_forced = true;
	compute_geometry(r);
	top_from_anchor(r);
	/* over the article (a narrow terminal): the keys go to the list */
	if (r->g.list_over) {
		r->focus = READER_FOCUS_LIST;
		select_article(r, r->article);
	}
	list_follow(r);
	if (r->list_pref && !list_shown(r))
		complain(r, "the terminal is too narrow for the list");
	return READER_REDRAW;
}

static int open_prompt(reader *r, bool forward)
{
	r->prompting = true;
	r->prompt_forward = forward;
	r->origin = here(r);
	prompt_open(r->line);
	search_state_clear(&r->live);
	return READER_REDRAW;
}

/* The prompt for a search forward (true) or backward. */
static int h_search(reader *r, int forward)
{
	return open_prompt(r, forward);
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
int step_hit(reader *r, bool same)
{
	search_state *s = &r->search;
	if (!s->query)
		return no_search(r);
	bool forward = same == s->forward;
	size_t i;
	bool wrapped = false;
	if (s->cur != NO_HIT && (hit_in_view(r, s, s->cur) || page_level(&s->res.hits[s->cur]))) {
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
	if (!hit_in_view(r, s, i))
		push_back(r);   /* a search jump: Backspace comes back */
	go_to_hit(r, s, i);
	if (wrapped)
		say_wrapped(r, forward);
	return READER_REDRAW;
}

/* The next hit in the search's direction (true) or the other. */
static int h_hit(reader *r, int same)
{
	int react = 0;
	for (unsigned k = 0; k < r->repeat; k++)
		react |= step_hit(r, same);
	return react;
}

static int h_hit_list(reader *r, int arg)
{
	(void)arg;
	if (!r->search.query)
		return no_search(r);
	open_hits(r);
	return READER_REDRAW;
}

static int h_clear(reader *r, int arg)
{
	(void)arg;
	search_state_clear(&r->search);
	clear_message(r);
	if (r->focus == READER_FOCUS_LIST)
		select_article(r, r->sel);
	return READER_REDRAW;
}

/* Ends the reader asking the caller for `req` (READER_REQ_*). */
static int end_with(reader *r, int req)
{
	if (r->request)
		*r->request = req;
	return READER_QUIT;
}

static int h_library_search(reader *r, int arg)
{
	(void)arg;
	return end_with(r, READER_REQ_LIBRARY_SEARCH);
}

static int h_back(reader *r, int arg)
{
	(void)arg;
	if (r->nback == 0 && r->from_library)
		return end_with(r, READER_REQ_BACK);
	if (r->nback == 0) {
		say(r, "no earlier position to go back to");
		return READER_REDRAW;
	}
	/* with a count N: N steps back (as far as the history goes) */
	size_t steps = r->repeat < r->nback ? r->repeat : r->nback;
	r->nback -= steps - 1;
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

static int h_mark(reader *r, int arg)
{
	(void)arg;
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

/* The marks of this issue (READER_OV_MARKS) or of all. */
static int h_marks(reader *r, int which)
{
	if (need_state(r))
		open_marks(r, (reader_overlay)which);
	return READER_REDRAW;
}

static int h_photos(reader *r, int arg)
{
	(void)arg;
	open_photos(r, 0);
	return READER_REDRAW;
}

/* T: the next script (as-is, simplified, traditional, taiwan, hongkong).
 * The converted text has the offsets of the original (script.h): the
 * layout and the reading position stay as they are. */
static int h_script(reader *r, int arg)
{
	(void)arg;
	if (!r->script) {
		complain(r, "no script conversion here");
		return READER_REDRAW;
	}
	script_target next = (script_target)((script_view_target(r->script) + 1) % SCRIPT_NTARGETS);
	if (script_view_set(r->script, next)) {
		/* the layout holds what it adds in the script shown (上接…《headline》) */
		layout_cache_free(r->cache);
		r->cache = layout_cache_new(r->issue, &r->lopt);
		say(r, "script: %s", next == SCRIPT_AS_IS ? "as printed" : script_target_name(next));
	} else {
		complain(r, "%s: %s", script_target_name(next), script_error());
	}
	return READER_REDRAW;
}

static int h_help(reader *r, int arg)
{
	(void)arg;
	open_help(r);
	return READER_REDRAW;
}

static int h_redraw(reader *r, int arg)
{
	(void)r;
	(void)arg;
	return READER_CLEAR | READER_REDRAW;
}

static int h_quit(reader *r, int arg)
{
	(void)arg;
	return end_with(r, r->from_library ? READER_REQ_BACK : READER_REQ_QUIT);
}

static const struct {
	handler fn;
	int arg;
} handlers[KA_COUNT] = {
#define X(id, name, fn, arg, keys, help) [KA_##id] = { fn, arg },
	KEYMAP_ACTIONS(X)
#undef X
};

int run_action(reader *r, keymap_action a)
{
	return handlers[a].fn(r, handlers[a].arg);
}

bool action_scrolls(keymap_action a, int *arg)
{
	*arg = handlers[a].arg;
	return handlers[a].fn == h_scroll;
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
	r->counted = r->count > 0;
	r->repeat = r->counted ? r->count : 1;
	r->count = 0;
	/* the reader has taken over: a remembered position that arrives
	 * later no longer moves the view (nor keeps the reader's from being
	 * saved) */
	r->restore_pending = false;
	if (r->ov != READER_OV_NONE) {
		int react = overlay_do(r, a);
		r->repeat = 1;
		r->counted = false;
		return react;
	}
	int react = run_action(r, a);
	r->repeat = 1;
	r->counted = false;
	return react;
}

/* ':' then digits and Enter: 第N版. */
static int page_prompt_key(reader *r, int key)
{
	if (key >= '0' && key <= '9') {
		if (r->count < 10000)
			r->count = r->count * 10 + (unsigned)(key - '0');
		say(r, "go to 第%u版 (Enter goes, Esc cancels)", r->count);
		return READER_REDRAW;
	}
	if (key == KEYMAP_K_BACKSPACE || key == KEYMAP_CTRL('h')) {
		r->count /= 10;
		if (r->count)
			say(r, "go to 第%u版 (Enter goes, Esc cancels)", r->count);
		else
			say(r, "go to 第_版: type the number, then Enter (Esc cancels)");
		return READER_REDRAW;
	}
	unsigned n = r->count;
	r->page_prompt = false;
	r->count = 0;
	clear_message(r);
	if (key == KEYMAP_K_ENTER && n > 0)
		return go_to_page_number(r, n);
	return READER_REDRAW;       /* anything else cancels */
}

int reader_key(reader *r, int key)
{
	key = keymap_normalize_key(key);
	if (r->prompting && !r->g.too_small) {
		clear_message(r);
		return search_prompt_key(r, key);
	}
	if (r->page_prompt && !r->g.too_small)
		return page_prompt_key(r, key);
	/* a count before a key (5j, 3J, 4g), as in less and vi: digits no
	 * action is bound to */
	if (!r->g.too_small && key >= '0' && key <= '9' &&
	    (key != '0' || r->count > 0) && keymap_lookup(r->cfg->keys, key) == KA_NONE) {
		if (r->count < 100000)
			r->count = r->count * 10 + (unsigned)(key - '0');
		say(r, "count %u", r->count);
		return READER_REDRAW;
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
		r->list_top = rows_scroll(r->list_top, ev == READER_MOUSE_WHEEL_UP ? -WHEEL_LINES : WHEEL_LINES,
					  (size_t)r->g.rows, r->nlist);
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
	/* a jump line's rows, its hint's too ("Enter: follow" below it) */
	if (line < l->nlines && l->lines[line].nspans &&
	    doc_element_block_type(r->issue, doc_article_at(r->issue, r->article),
				   l->lines[line].element) == DOC_JUMP)
		return follow_jump_element(r, l->lines[line].element);
	return READER_REDRAW;
}

static int mouse_overlay(reader *r, int y, reader_mouse_event ev)
{
	if (ev == READER_MOUSE_WHEEL_UP || ev == READER_MOUSE_WHEEL_DOWN) {
		r->ov_top = rows_scroll(r->ov_top, ev == READER_MOUSE_WHEEL_UP ? -WHEEL_LINES : WHEEL_LINES,
					ov_rows(r), r->nove);
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
	r->restore_pending = false;     /* as for a key (reader_do) */
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

/* The position to remember: where the search prompt was opened while it
 * is open (the incremental search only shows hits); none while the
 * remembered one has not arrived yet (a big issue still loading): the top
 * of the issue shown meanwhile must not replace it. */
static bool position_to_save(const reader *r, doc_pos *pos)
{
	if (!r->narticles || r->restore_pending)
		return false;
	*pos = r->prompting && pos_valid(r, r->origin.pos) ? r->origin.pos : reader_position(r);
	return true;
}

static bool pos_equal(doc_pos a, doc_pos b)
{
	return a.article == b.article && a.element == b.element && a.offset == b.offset;
}

bool reader_unsaved(const reader *r)
{
	if (!r->st)
		return false;
	doc_pos pos;
	if (position_to_save(r, &pos) && !(r->saved && pos_equal(pos, r->saved_pos)))
		return true;
	return state_pending(r->st);
}

void reader_save(reader *r)
{
	if (!r->st)
		return;
	doc_pos pos;
	if (position_to_save(r, &pos) && !(r->saved && pos_equal(pos, r->saved_pos))) {
		state_set_position(r->st, r->fp, pos);
		r->saved_pos = pos;
		r->saved = true;
	}
	state_save(r->st);
}

/* ---- construction ---- */

static void load_history(reader *r)
{
	if (!r->st)
		return;
	const char *const *items;
	size_t n = state_history(r->st, &items);
	for (size_t i = 0; i < n; i++)
		prompt_history_add(r->line, items[i]);
}

static char *full_path(const char *name)
{
	if (!name || strcmp(name, "-") == 0 || strcmp(name, "(standard input)") == 0)
		return util_strdup("(standard input)");
	char *real = realpath(name, NULL);
	if (!real)
		return util_strdup(name);
	char *copy = util_strdup(real);
	free(real);
	return copy;
}

/* Opened at a hit of the library's search: the search is in force and
 * that hit is the current one (the first hit from its position when the
 * issue changed since it was indexed). */
static void show_library_hit(reader *r, const char *query, doc_pos hit)
{
	search_state_run(r, &r->search, query, true);
	search_state *s = &r->search;
	if (s->nhits == 0) {
		say(r, "\"%s\" is no longer in this issue", query);
		return;
	}
	bool wrapped;
	size_t i = next_from(s, hit, true, &wrapped);
	if (hit.article == UINT32_MAX) {
		/* a page's own text: the same caption or banner */
		for (size_t k = 0; k < s->nhits; k++) {
			const search_hit *h = &s->res.hits[k];
			if (h->article == UINT32_MAX && h->element == hit.element && h->end > hit.offset) {
				i = k;
				break;
			}
		}
	}
	go_to_hit(r, s, i);
	say(r, "hit %zu of %zu", i + 1, s->nhits);
}

reader *reader_new(const doc_issue *issue, const config *cfg, state *st,
		   const reader_options *opt, int width, int height)
{
	reader *r = util_calloc(1, sizeof *r);
	r->issue = issue;
	r->cfg = cfg;
	r->repeat = 1;
	r->st = st;
	r->fp = opt && opt->fingerprint ? opt->fingerprint : doc_issue_fingerprint(issue);
	r->loader = opt ? opt->loader : NULL;
	r->script = opt ? opt->script : NULL;
	r->loading = r->loader != NULL;
	r->name = util_strdup(opt && opt->issue_name ? opt->issue_name : "-");
	r->where = full_path(opt ? opt->issue_name : NULL);
	r->from_library = opt && opt->from_library;
	r->request = opt ? opt->request : NULL;
	r->narticles = doc_narticles(issue);
	r->lopt = cfg->layout;
	char k[KEYMAP_KEY_NAME_MAX];
	if (key_hint(r, KA_OPEN, k, sizeof k)[0])
		snprintf(r->lopt.jump_hint, sizeof r->lopt.jump_hint, "%s: follow", k);
	r->cache = layout_cache_new(issue, &r->lopt);
	r->empty.width = 1;
	r->empty.opt = r->lopt;
	r->read = util_calloc(r->narticles ? r->narticles : 1, sizeof *r->read);
	for (uint32_t a = 0; st && a < r->narticles; a++)
		r->read[a] = state_is_read(st, r->fp, a);
	r->list_pref = cfg->show_list;
	r->focus = READER_FOCUS_ARTICLE;
	r->search.cur = r->live.cur = NO_HIT;
	build_list(r);
	r->line = prompt_new(STATE_HISTORY_MAX);
	load_history(r);
	r->width = width > 0 ? width : 1;
	r->height = height > 0 ? height : 1;
	compute_geometry(r);
	r->shown_since = util_now_ns();
	doc_pos pos;
	bool remembered = opt && opt->restore && st && state_get_position(st, r->fp, &pos);
	if (remembered && pos_valid(r, pos)) {
		open_pos(r, pos);
		r->saved_pos = pos;     /* the store has it */
		r->saved = pos_equal(reader_position(r), pos);
		say(r, "reopened where you left off");
	} else {
		if (remembered && r->loading && pos.article >= r->narticles) {
			r->restore_pending = true;      /* opened when it arrives */
			r->restore_pos = pos;
		}
		if (r->narticles)
			open_article(r, 0, 0);
	}
	if (opt && opt->search && opt->search[0])
		show_library_hit(r, opt->search, opt->hit);
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
	prompt_free(r->line);
	util_buf_free(&r->rowbuf);
	util_buf_free(&r->statusbuf);
	free(r->list);
	free(r->row_of);
	free(r->read);
	free(r->page_no);
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
		*text = prompt_text(r->line, NULL);
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
	/* hits are in issue order: find this article's run */
	doc_pos start = { r->article, 0, 0 };
	bool wrapped;
	size_t lo = search_next(&s->res, start, true, &wrapped);
	if (wrapped)
		lo = s->nhits;
	size_t end = lo;
	while (end < s->nhits && s->res.hits[end].article == r->article)
		end++;
	*hits = s->res.hits + lo;
	if (s->cur != NO_HIT && s->cur >= lo && s->cur < end)
		*current = s->cur - lo;
	return end - lo;
}
