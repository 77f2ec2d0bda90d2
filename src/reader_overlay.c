/* reader_overlay.c — the reader's overlays: help, the hit list, the
 * marks and the photo captions; what they hold, their keys and their rows
 * (reader_core.h). */
#include "reader_core.h"

#include "punct.h"

#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void close_overlay(reader *r)
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
	"A count before a key repeats it, as in less and vi: 5j, 3Space, 3J or 3],",
	"2> (pages), 2} (subheads), 5U (unread), 3n (hits), 2Backspace; in the",
	"hit list and the marks, 5j moves five rows. 4g and :4 go to 第4版.",
	"In the search prompt: Left, Right, Home and End move; Backspace deletes",
	"a character, C-w a word, C-u and C-k to the start and the end; Up and",
	"Down recall earlier searches; Enter searches; Esc cancels.",
	"In the hit list and the marks: Enter jumps there; d deletes a mark;",
	"q or Esc closes.",
	"Mouse: the wheel scrolls the pane under it; a click opens a list row",
	"or follows a jump line.",
};

void open_help(reader *r)
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
bool ov_selectable(const ov_entry *e)
{
	return e->kind == OV_HIT || e->kind == OV_MARK;
}

/* Rows of an overlay under its title. */
size_t ov_rows(const reader *r)
{
	return r->g.rows > 1 ? (size_t)r->g.rows - 1 : 1;
}

void ov_follow(reader *r)
{
	r->ov_top = rows_follow(r->ov_top, r->ov_sel, r->ov_sel, ov_rows(r), r->nove);
}

/* Overlays that scroll as a whole, with no row to select. */
bool ov_scrolls_only(const reader *r)
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
void open_photos(reader *r, size_t top)
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

void open_hits(reader *r)
{
	const search_state *s = shown_search(r);
	close_overlay(r);
	r->ov = READER_OV_HITS;
	uint32_t last = UINT32_MAX;
	r->ov_sel = 0;
	for (size_t i = 0; i < s->nhits; i++) {
		uint32_t a = s->res.hits[i].article;
		if (a != last && a != UINT32_MAX)       /* a page's own text: no article row */
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

void open_marks(reader *r, reader_overlay which)
{
	close_overlay(r);
	r->ov = which;
	r->ov_sel = r->ov_top = 0;
	load_marks(r);
}

/* ---- handlers: overlays ---- */

static bool selectable_row(const reader *r, size_t row)
{
	return ov_selectable(&r->ove[row]);
}

int ov_scroll(reader *r, long delta)
{
	if (ov_scrolls_only(r)) {
		r->ov_top = rows_scroll(r->ov_top, delta, ov_rows(r), r->nove);
		return READER_REDRAW;
	}
	size_t k = rows_step(r, r->ov_sel, delta, r->nove, selectable_row);
	if (k == SIZE_MAX)
		return READER_NOTHING;
	r->ov_sel = k;
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

int ov_activate(reader *r)
{
	if (r->ov_sel >= r->nove || !ov_selectable(&r->ove[r->ov_sel]))
		return READER_NOTHING;
	const ov_entry *e = &r->ove[r->ov_sel];
	if (e->kind == OV_MARK)
		return ov_activate_mark(r, &r->marks[e->index]);
	return ov_activate_hit(r, e);
}

int ov_delete_mark(reader *r)
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

int overlay_do(reader *r, keymap_action a)
{
	bool help = ov_scrolls_only(r);
	int arg;
	if (action_scrolls(a, &arg))      /* 5j: five rows, as in the article */
		return ov_scroll(r, scroll_delta(r, arg) * (long)r->repeat);
	switch (a) {
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
		return run_action(r, a);
	default:
		return READER_NOTHING;
	}
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
	util_buf k = { 0 };
	if (keymap_keys_text(r->cfg->keys, a, &k) == 0)
		util_buf_adds(&k, "(no key)");
	util_buf_cstr(&k);
	util_buf line = { 0 };
	util_buf_adds(&line, "  ");
	int kw = str_width(k.data);
	util_buf_adds(&line, k.data);
	util_buf_spaces(&line, (kw < HELP_KEYS_COLS ? HELP_KEYS_COLS - kw : 0) + 2);
	util_buf_printf(&line, "%s  (%s)", keymap_action_help(a), keymap_action_name(a));
	add_fit(&r->rowbuf, line.data, line.len, w);
	util_buf_free(&k);
	util_buf_free(&line);
	fill_row(r, out, CONFIG_C_TEXT);
}

/* One line of context around hit h, in w columns, the hit marked. */
static void hit_context(reader *r, const search_hit *h, int w, reader_row *out)
{
	doc_str t = search_hit_text(r->issue, h);
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
	const search_hit *h = &s->res.hits[e->index];
	char where[64] = "    ";
	if (h->article == UINT32_MAX)   /* a page's own caption or banner */
		snprintf(where, sizeof where, "第%d版 %s · ", doc_page_number(r->issue, h->page),
			 h->element & SEARCH_BANNER ? "banner" : "caption");
	util_buf_adds(&r->rowbuf, where);
	int ww = str_width(where);
	size_t hl_start = 0, hl_end = 0;
	if (w > ww) {
		reader_row tmp = { 0 };
		hit_context(r, h, w - ww, &tmp);
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
	/* where the mark is: the first words of its paragraph */
	if (m->issue == r->fp && pos_valid(r, m->pos) && m->pos.element >= DOC_NFIELDS) {
		const doc_article *a = doc_article_at(r->issue, m->pos.article);
		doc_str t = doc_element_text(r->issue, a, m->pos.element);
		size_t off = m->pos.offset < t.len ? m->pos.offset : 0;
		const char *p = text_skip_space(t.s + off, t.s + t.len);
		size_t n = (size_t)(t.s + t.len - p);
		if (n > 120)
			n = char_floor(p, 120);
		if (n) {
			util_buf words = { 0 };
			if (r->cfg->layout.cjk_punctuation == LAYOUT_PUNCT_RESTORE)
				punct_restore(p, n, &words);
			else
				util_buf_add(&words, p, n);
			util_buf_adds(&line, " · ");
			add_fit(&line, words.data, words.len, 24);
			util_buf_free(&words);
		}
	}
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
