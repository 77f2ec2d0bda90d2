/* libview.c — see libview.h. */
#include "libview.h"
#include "prompt.h"
#include "search.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char OTHER_INDEXING[] = "another kanbao is indexing the library";

/* Articles whose hits the result list shows at most. */
enum { MAX_RESULT_ARTICLES = 500 };

typedef struct lv_row {
	bool group;             /* a paper's name */
	size_t issue;           /* index into issues */
} lv_row;

struct libview {
	library *lib;
	const config *cfg;
	state *st;
	int width, height;

	library_issue *issues;
	size_t nissues;
	lv_row *rows;
	size_t nrows, crows;
	size_t sel, top;        /* rows: the selected one (an issue), the first shown */

	library_job *job;       /* background indexing */
	bool other_indexing;    /* another kanbao held the index (see libview_tick) */

	bool results;           /* the result list is shown */
	char *query;
	library_ranked *res;    /* hits made as their rows are drawn */
	size_t nhits;
	size_t rsel, rtop;

	bool prompting;
	prompt *line;           /* the query being typed */

	char msg[512];
	util_buf rowbuf, statusbuf;
	char *target_path;
	doc_pos target_hit;     /* of the result opened, when target_is_hit */
	bool target_is_hit;
};

static int list_rows(const libview *v)
{
	int n = v->height - 2;          /* a title row and the status line */
	return n > 1 ? n : 1;
}

static void say(libview *v, const char *fmt, ...) UTIL_PRINTF(2, 3);
static void say(libview *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
}

/* After what the status line says already (until a key clears it): a
 * second warning does not hide the first, nor does the end of indexing. */
static void tell(libview *v, const char *fmt, ...) UTIL_PRINTF(2, 3);
static void tell(libview *v, const char *fmt, ...)
{
	size_t n = strlen(v->msg);
	if (n && n + 3 < sizeof v->msg)
		n += (size_t)snprintf(v->msg + n, sizeof v->msg - n, " · ");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->msg + n, sizeof v->msg - n, fmt, ap);
	va_end(ap);
}

/* ---- the issues ---- */

static void build_rows(libview *v)
{
	v->nrows = 0;
	for (size_t i = 0; i < v->nissues; i++) {
		if (i == 0 || strcmp(v->issues[i].paper, v->issues[i - 1].paper) != 0) {
			lv_row g = { true, i };
			UTIL_PUSH(v->rows, v->nrows, v->crows, g);
		}
		lv_row r = { false, i };
		UTIL_PUSH(v->rows, v->nrows, v->crows, r);
	}
}

static void keep_in_view(size_t sel, size_t *top, size_t rows)
{
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + rows)
		*top = sel - rows + 1;
}

/* Reloads the issues from the index, keeping the selected one. */
static void reload(libview *v)
{
	char *keep = NULL;
	if (v->sel < v->nrows)
		keep = util_strdup(v->issues[v->rows[v->sel].issue].path);
	library_issues_free(v->issues, v->nissues);
	v->nissues = library_issues(v->lib, &v->issues);
	build_rows(v);
	v->sel = v->nrows > 1 ? 1 : 0;
	for (size_t r = 0; keep && r < v->nrows; r++)
		if (!v->rows[r].group && strcmp(v->issues[v->rows[r].issue].path, keep) == 0)
			v->sel = r;
	free(keep);
	if (v->top > v->sel)
		v->top = v->sel > 0 && v->rows[v->sel - 1].group ? v->sel - 1 : v->sel;
	keep_in_view(v->sel, &v->top, (size_t)list_rows(v));
}

libview *libview_new(library *lib, const config *cfg, state *st, int width, int height)
{
	libview *v = util_calloc(1, sizeof *v);
	v->lib = lib;
	v->cfg = cfg;
	v->st = st;
	v->width = width > 0 ? width : 1;
	v->height = height > 0 ? height : 1;
	reload(v);
	bool busy;
	v->job = library_index_begin(lib, false, &busy);
	if (v->job)
		library_index_ahead(v->job);    /* parsed in a second thread */
	v->other_indexing = busy;
	if (busy)
		say(v, "%s", OTHER_INDEXING);
	return v;
}

bool libview_has_work(const libview *v)
{
	if (v->other_indexing)
		return true;
	if (!v->job)
		return false;
	library_progress p;
	library_index_progress(v->job, &p);
	return p.total > 0;
}

static void free_results(libview *v)
{
	library_ranked_free(v->res);
	v->res = NULL;
	v->nhits = 0;
	free(v->query);
	v->query = NULL;
	v->results = false;
}

void libview_free(libview *v)
{
	if (!v)
		return;
	library_index_end(v->job, NULL);
	free_results(v);
	library_issues_free(v->issues, v->nissues);
	free(v->rows);
	prompt_free(v->line);
	util_buf_free(&v->rowbuf);
	util_buf_free(&v->statusbuf);
	free(v->target_path);
	free(v);
}

void libview_notify(libview *v, const char *msg)
{
	tell(v, "%s", msg);
}

bool libview_indexing(const libview *v)
{
	return v->job != NULL;
}

/* While another kanbao indexes, the list shows what it has stored (a
 * tick a second), and once it is done this one takes its turn: the
 * issues that one did not meet, if any. */
static int other_tick(libview *v)
{
	bool busy;
	v->job = library_index_begin(v->lib, false, &busy);
	v->other_indexing = busy;
	if (v->job) {
		library_index_ahead(v->job);
		if (strcmp(v->msg, OTHER_INDEXING) == 0)
			v->msg[0] = '\0';
	}
	reload(v);
	return READER_REDRAW;
}

int libview_tick(libview *v, uint64_t budget_ns)
{
	if (!v->job && v->other_indexing)
		return other_tick(v);
	if (!v->job)
		return READER_NOTHING;
	bool done = library_index_step(v->job, budget_ns);
	library_progress p;
	library_index_progress(v->job, &p);
	if (done) {
		library_summary sum;
		library_index_end(v->job, &sum);
		v->job = NULL;
		if (sum.added || sum.changed || sum.removed)
			tell(v, "library indexed: %zu new, %zu changed, %zu removed", sum.added,
			     sum.changed, sum.removed);
	}
	if (p.done > 0 || done)
		reload(v);
	return READER_REDRAW;
}

int libview_returned(libview *v)
{
	if (v->st)
		state_refresh(v->st);
	reload(v);
	return READER_REDRAW;
}

size_t libview_nissues(const libview *v)
{
	return v->nissues;
}

size_t libview_nresults(const libview *v)
{
	return v->nhits;
}

/* ---- moving ---- */

static size_t count(const libview *v)
{
	return v->results ? v->nhits : v->nrows;
}

static bool selectable(const libview *v, size_t r)
{
	return v->results || !v->rows[r].group;
}

static int move(libview *v, long delta)
{
	size_t n = count(v);
	if (n == 0)
		return READER_NOTHING;
	size_t *sel = v->results ? &v->rsel : &v->sel;
	size_t *top = v->results ? &v->rtop : &v->top;
	long s = (long)*sel + delta;
	if (s < 0)
		s = 0;
	if (s >= (long)n)
		s = (long)n - 1;
	/* off a paper's name, in the direction of travel (or back) */
	while (s < (long)n - 1 && !selectable(v, (size_t)s) && delta >= 0)
		s++;
	while (s > 0 && !selectable(v, (size_t)s))
		s--;
	while (s < (long)n - 1 && !selectable(v, (size_t)s))
		s++;
	*sel = (size_t)s;
	if (!v->results && *sel > 0 && v->rows[*sel - 1].group && *sel - 1 < *top)
		*top = *sel - 1;        /* show the paper with its first issue */
	keep_in_view(*sel, top, (size_t)list_rows(v));
	return READER_REDRAW;
}

/* ---- search across issues ---- */

/* Result i, made when first asked for (only the rows drawn are); the
 * count follows should an issue have been indexed again since. */
static const library_hit *result(libview *v, size_t i)
{
	const library_hit *h = library_ranked_hit(v->res, i);
	v->nhits = library_ranked_count(v->res);
	return h;
}

static int run_search(libview *v, const char *query)
{
	free_results(v);
	v->query = util_strdup(query);
	v->res = library_rank(v->lib, query, MAX_RESULT_ARTICLES);
	v->nhits = library_ranked_count(v->res);
	v->rsel = v->rtop = 0;
	v->results = true;
	if (v->nhits == 0)
		say(v, "\"%s\" is in no issue of the library", query);
	else
		v->msg[0] = '\0';
	return READER_REDRAW;
}

int libview_prompt(libview *v)
{
	v->prompting = true;
	if (!v->line)
		v->line = prompt_new(0);
	prompt_open(v->line);
	v->msg[0] = '\0';
	return READER_REDRAW;
}

static int search_key(libview *v, int key)
{
	size_t len;
	switch (prompt_key(v->line, key)) {
	case PROMPT_ACCEPT:
		v->prompting = false;
		prompt_text(v->line, &len);
		if (len == 0)
			return READER_REDRAW;
		return run_search(v, prompt_text(v->line, NULL));
	case PROMPT_CANCEL:
		v->prompting = false;
		return READER_REDRAW;
	case PROMPT_CHANGED:
	case PROMPT_MOVED:
		return READER_REDRAW;
	case PROMPT_IGNORED:
		break;
	}
	return READER_NOTHING;
}

/* ---- keys ---- */

static int open_selected(libview *v)
{
	free(v->target_path);
	v->target_path = NULL;
	v->target_is_hit = false;
	if (v->results) {
		const library_hit *h = v->rsel < v->nhits ? result(v, v->rsel) : NULL;
		if (!h)
			return READER_NOTHING;
		v->target_path = util_strdup(h->path);
		v->target_hit = (doc_pos){ h->article, h->element, h->start };
		v->target_is_hit = true;
	} else {
		if (v->sel >= v->nrows || v->rows[v->sel].group)
			return READER_NOTHING;
		v->target_path = util_strdup(v->issues[v->rows[v->sel].issue].path);
	}
	v->msg[0] = '\0';
	return LIBVIEW_OPEN;
}

void libview_to_open(const libview *v, libview_target *t)
{
	memset(t, 0, sizeof *t);
	t->path = v->target_path;
	if (v->target_is_hit) {
		t->query = v->query;
		t->hit = v->target_hit;
	}
}

int libview_key(libview *v, int key)
{
	key = keymap_normalize_key(key);
	if (v->prompting)
		return search_key(v, key);
	long page = list_rows(v) > 2 ? list_rows(v) - 1 : 1;
	switch (keymap_lookup(v->cfg->keys, key)) {
	case KA_LINE_DOWN: return move(v, 1);
	case KA_LINE_UP: return move(v, -1);
	case KA_HALF_DOWN: return move(v, page / 2);
	case KA_HALF_UP: return move(v, -page / 2);
	case KA_PAGE_DOWN: return move(v, page);
	case KA_PAGE_UP: return move(v, -page);
	case KA_TOP: return move(v, -(long)count(v));
	case KA_BOTTOM: return move(v, (long)count(v));
	case KA_OPEN: return open_selected(v);
	case KA_LIBRARY_SEARCH:
	case KA_SEARCH_FORWARD:
	case KA_SEARCH_BACKWARD:
		return libview_prompt(v);
	case KA_BACK:
		if (!v->results)
			return READER_NOTHING;
		free_results(v);
		return READER_REDRAW;
	case KA_QUIT:
		if (v->results) {
			free_results(v);
			return READER_REDRAW;
		}
		return READER_QUIT;
	case KA_CLEAR:
		v->msg[0] = '\0';
		return READER_REDRAW;
	case KA_REDRAW:
		return READER_REDRAW | READER_CLEAR;
	default:
		return READER_NOTHING;
	}
}

int libview_resize(libview *v, int width, int height)
{
	v->width = width > 0 ? width : 1;
	v->height = height > 0 ? height : 1;
	keep_in_view(v->sel, &v->top, (size_t)list_rows(v));
	keep_in_view(v->rsel, &v->rtop, (size_t)list_rows(v));
	return READER_REDRAW | READER_CLEAR;
}

/* ---- what to draw ---- */

/* Appends s with control characters as spaces. */
static void add_clean(util_buf *b, const char *s)
{
	for (; *s; s++)
		util_buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
}

/* The row's text cut to the width. */
static void fit_row(libview *v, reader_row *out)
{
	int w;
	out->text = v->rowbuf.data ? v->rowbuf.data : "";
	out->len = text_fit(out->text, v->rowbuf.len, v->width, &w);
	if (out->hl_end > out->len)
		out->hl_end = out->len;
	if (out->hl_start > out->hl_end)
		out->hl_start = out->hl_end;
}

static void title_row(libview *v)
{
	util_buf *b = &v->rowbuf;
	if (v->results) {
		util_buf_adds(b, " \"");
		add_clean(b, v->query);
		util_buf_printf(b, "\": %zu hit%s in the library (Enter: open, Backspace: back)",
				v->nhits, v->nhits == 1 ? "" : "s");
		return;
	}
	size_t papers = 0;
	for (size_t r = 0; r < v->nrows; r++)
		papers += v->rows[r].group;
	util_buf_printf(b, " 看报 library: %zu issue%s of %zu paper%s", v->nissues,
			v->nissues == 1 ? "" : "s", papers, papers == 1 ? "" : "s");
	if (v->job) {
		library_progress p;
		library_index_progress(v->job, &p);
		util_buf_printf(b, " · indexing %zu/%zu", p.done, p.total);
	}
}

static void issue_row(libview *v, const lv_row *r)
{
	const library_issue *is = &v->issues[r->issue];
	util_buf *b = &v->rowbuf;
	if (r->group) {
		util_buf_addc(b, ' ');
		add_clean(b, is->paper[0] ? is->paper : "(paper unknown)");
		return;
	}
	char prog[32];
	util_buf_adds(b, "   ");
	if (is->date[0]) {
		add_clean(b, is->date);
	} else {
		const char *slash = strrchr(is->path, '/');
		add_clean(b, slash ? slash + 1 : is->path);
	}
	util_buf_printf(b, "   %4u article%s   %s", is->articles, is->articles == 1 ? " " : "s",
			library_progress_text(v->st, is, prog, sizeof prog));
}

/* "paper · date · 第N版 · headline · …context[hit]context…" */
static void result_row(libview *v, const library_hit *h, reader_row *out)
{
	util_buf *b = &v->rowbuf;
	util_buf_addc(b, ' ');
	add_clean(b, h->paper[0] ? h->paper : "-");
	util_buf_adds(b, " · ");
	add_clean(b, h->date[0] ? h->date : "-");
	util_buf_printf(b, " · 第%d版 · ", h->page);
	add_clean(b, h->headline[0] ? h->headline : "-");
	util_buf_adds(b, " · ");
	char *ctx = NULL;
	size_t clen = 0;
	FILE *f = open_memstream(&ctx, &clen);
	if (!f)
		util_oom();
	search_print_context(h->text, h->len, h->start, h->end, true, f);
	fclose(f);
	/* the hit comes between bold on and off */
	const char *on = strstr(ctx, "\033[1m"), *off = on ? strstr(on, "\033[0m") : NULL;
	if (on && off) {
		util_buf_add(b, ctx, (size_t)(on - ctx));
		out->hl_start = b->len;
		util_buf_add(b, on + 4, (size_t)(off - on - 4));
		out->hl_end = b->len;
		util_buf_adds(b, off + 4);
	} else {
		util_buf_adds(b, ctx);
	}
	out->hl_current = false;
	free(ctx);
}

bool libview_row(libview *v, int row, reader_row *out)
{
	memset(out, 0, sizeof *out);
	v->rowbuf.len = 0;
	out->style = CONFIG_C_LIST;
	if (row < 0 || row >= v->height - 1)
		return false;
	if (row == 0) {
		title_row(v);
		out->style = CONFIG_C_STATUS;
		fit_row(v, out);
		return true;
	}
	size_t i = (v->results ? v->rtop : v->top) + (size_t)(row - 1);
	if (i >= count(v))
		return false;
	if (v->results) {
		const library_hit *h = result(v, i);
		if (!h)
			return false;
		result_row(v, h, out);
		if (i == v->rsel)
			out->style = CONFIG_C_LIST_CURRENT;
	} else {
		const lv_row *r = &v->rows[i];
		issue_row(v, r);
		if (r->group) {
			out->style = CONFIG_C_LIST_PAGE;
		} else if (i == v->sel) {
			out->style = CONFIG_C_LIST_CURRENT;
		} else {
			char prog[32];
			library_progress_text(v->st, &v->issues[r->issue], prog, sizeof prog);
			if (strcmp(prog, "finished") == 0)
				out->style = CONFIG_C_LIST_READ;
		}
	}
	fit_row(v, out);
	return true;
}

const char *libview_status(libview *v, size_t *len, int *cursor_col)
{
	util_buf *b = &v->statusbuf;
	b->len = 0;
	*cursor_col = -1;
	if (v->prompting) {
		util_buf_adds(b, "Search every issue: ");
		int w = text_width(b->data, b->len), col;
		size_t n;
		const char *s = prompt_text(v->line, &n);
		size_t from = prompt_scroll(v->line, v->width - w, &col);
		util_buf_add(b, s + from, n - from);
		*cursor_col = w + col < v->width ? w + col : v->width - 1;
	} else if (v->msg[0]) {
		util_buf_adds(b, v->msg);
	} else if (v->results) {
		util_buf_printf(b, "hit %zu of %zu · Enter open · Backspace back · S search again",
				v->nhits ? v->rsel + 1 : 0, v->nhits);
	} else if (v->nissues == 0) {
		util_buf_adds(b, "no issues yet · q quit");
	} else {
		util_buf_adds(b, "Enter open · S search every issue · q quit");
	}
	int w;
	*len = text_fit(b->data ? b->data : "", b->len, v->width, &w);
	return b->data ? b->data : "";
}
