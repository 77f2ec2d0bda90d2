/* reader_view.c — the reader's text: the rows of the section list, the
 * article pane as plain text and the status line, fitted to the width
 * (reader_core.h). No curses here. */
#include "reader_core.h"

#include "prompt.h"
#include "punct.h"
#include "render.h"
#include "script.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text for rows ---- */

/* Appends s with tabs as spaces and unprintable code points dropped, so
 * what is measured is what is drawn. */
void add_clean(util_buf *b, const char *s, size_t len)
{
	render_add_clean(b, s, len);
}

/* More bytes than `cols` columns can show (ample for combining marks). */
size_t prefix_limit(int cols)
{
	return (size_t)cols * 8 + 64;
}

/* The start of the character at or before byte i of s. */
size_t char_floor(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Appends at most `cols` columns of s (cleaned), whole grapheme clusters,
 * ending with "…" when it had to cut. Returns the columns appended. */
int add_fit(util_buf *b, const char *s, size_t len, int cols)
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

int str_width(const char *s)
{
	return text_width(s, strlen(s));
}

void buf_reset(util_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* The text that names an article: its headline, else the first thing it
 * has (a subtitle, a kicker, a paragraph). */
doc_str article_title(const doc_issue *issue, uint32_t a)
{
	static const char untitled[] = "(untitled)";
	const doc_article *art = doc_article_at(issue, a);
	static const doc_field order[] = { DOC_F_HEADLINE, DOC_F_SUBTITLE, DOC_F_KICKER };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(order); i++) {
		doc_str t = art->field[order[i]];
		if (t.len && text_skip_space(t.s, t.s + t.len) < t.s + t.len)
			return doc_element_shown(issue, a, order[i]);
	}
	for (uint32_t e = DOC_NFIELDS; e < doc_article_nelements(art); e++) {
		doc_str t = doc_element_shown(issue, a, e);
		const char *p = text_skip_space(t.s, t.s + t.len);
		if (p < t.s + t.len)
			return doc_str_make(p, (size_t)(t.s + t.len - p));
	}
	return doc_str_make(untitled, sizeof untitled - 1);
}

int page_number_of(const reader *r, uint32_t article)
{
	size_t p = doc_article_at(r->issue, article)->page;
	int n = page_no_of(r, p);
	return n > 0 ? n : doc_page_number(r->issue, p);
}

/* A page number in a file name: the last token of its stem made only of
 * 1 to 3 digits ("01.txt", "page-04.txt", "20250301_02.txt"), 1 to 999;
 * else 0 (a hash such as "000_6cacbc5c.txt" names no page). */
static bool ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int number_in_name(doc_str name)
{
	size_t end = name.len;
	for (size_t i = name.len; i > 0; i--)
		if (name.s[i - 1] == '.') {
			end = i - 1;
			break;
		}
	int found = 0;
	for (size_t i = 0; i < end;) {
		size_t j = i;
		bool digits = true;
		while (j < end && ascii_alnum(name.s[j])) {
			digits &= name.s[j] >= '0' && name.s[j] <= '9';
			j++;
		}
		if (j > i && digits && j - i <= 3) {
			int n = 0;
			for (size_t k = i; k < j; k++)
				n = n * 10 + (name.s[k] - '0');
			found = n;
		} else if (j > i) {
			found = 0;
		}
		i = j > i ? j : j + 1;
	}
	return found;
}

static bool label_states_number(doc_str label)
{
	for (size_t i = 0; i < label.len; i++)
		if (label.s[i] >= '0' && label.s[i] <= '9')
			return true;
	return label.len >= 3 && memmem(label.s, label.len, "版", 3) != NULL;
}

/* Numbers from the labels, then from jump lines that point at a page,
 * then from file names (every page's, so that a folder of numbered files
 * is a numbered issue). Recomputed when more pages are loaded. */
static void compute_page_numbers(reader *r)
{
	size_t np = doc_npages(r->issue);
	free(r->page_no);
	r->page_no = util_calloc(np ? np : 1, sizeof *r->page_no);
	r->npage_no = np;
	for (size_t p = 0; p < np; p++) {
		doc_str label = doc_page_at(r->issue, p)->label;
		if (label.len && label_states_number(label))
			r->page_no[p] = doc_page_number(r->issue, p);
	}
	/* jump lines once the issue is linked (not at every page loaded) */
	for (uint32_t a = 0; !r->loading && a < doc_narticles(r->issue); a++) {
		const doc_article *art = doc_article_at(r->issue, a);
		for (uint32_t e = DOC_NFIELDS; e < doc_article_nelements(art); e++) {
			const doc_jump *j = doc_element_jump(r->issue, art, e);
			if (j && j->kind != DOC_JUMP_NONE && j->page > 0 && j->page_index >= 0 &&
			    (size_t)j->page_index < np && !r->page_no[j->page_index])
				r->page_no[j->page_index] = j->page;
		}
	}
	bool all_named = np > 0;
	for (size_t p = 0; p < np && all_named; p++)
		all_named = number_in_name(doc_page_at(r->issue, p)->name) > 0;
	for (size_t p = 0; p < np && all_named; p++)
		if (!r->page_no[p])
			r->page_no[p] = number_in_name(doc_page_at(r->issue, p)->name);
}

int page_no_of(const reader *r, size_t p)
{
	reader *m = (reader *)r;        /* a cache of what the issue states */
	if (m->npage_no != doc_npages(r->issue))
		compute_page_numbers(m);
	return p < r->npage_no ? r->page_no[p] : 0;
}

void add_page_name(const reader *r, size_t p, util_buf *b)
{
	const doc_page *pg = doc_page_at(r->issue, p);
	int n = page_no_of(r, p);
	if (pg->label.len && label_states_number(pg->label))
		add_clean(b, pg->label.s, pg->label.len);
	else if (n > 0 && pg->label.len)
		util_buf_printf(b, "第%d版 ", n), add_clean(b, pg->label.s, pg->label.len);
	else if (n > 0)
		util_buf_printf(b, "第%d版", n);
	else if (pg->label.len)
		add_clean(b, pg->label.s, pg->label.len);
	else
		add_clean(b, pg->name.s, pg->name.len);
}

/* The page of an article as the status line names it: 第N版, or the file
 * name when the issue states no number. */
static void add_page_short(const reader *r, uint32_t article, util_buf *b)
{
	size_t p = doc_article_at(r->issue, article)->page;
	int n = page_no_of(r, p);
	if (n > 0) {
		util_buf_printf(b, "第%d版", n);
	} else {
		doc_str name = doc_page_at(r->issue, p)->name;
		add_clean(b, name.s, name.len);
	}
}

/* An article's title as the list shows it: 「续」 before a continuation,
 * the punctuation restored as in the article ([layout] cjk_punctuation). */
static void add_list_title(const reader *r, uint32_t a, util_buf *b)
{
	const doc_article *art = doc_article_at(r->issue, a);
	if (art->continued_from >= 0)
		util_buf_adds(b, "「续」");
	doc_str t = article_title(r->issue, a);
	if (r->cfg->layout.cjk_punctuation == LAYOUT_PUNCT_RESTORE)
		punct_restore(t.s, t.len, b);
	else
		util_buf_add(b, t.s, t.len);
}

void reader_pane_text(reader *r, int row, char *buf, size_t len)
{
	util_buf b = { 0 };
	const layout *l = lay(r);
	size_t i = r->top + (size_t)(row > 0 ? row : 0);
	if (row >= 0 && i < l->nlines && !r->g.too_small) {
		render_source src = { r->issue, doc_article_at(r->issue, r->article), { NULL, 0 }, r->article };
		render_line_text(&b, l, &l->lines[i], &src, NULL);
	}
	snprintf(buf, len, "%s", b.data ? b.data : "");
	util_buf_free(&b);
}

/* ---- rows of the section list ---- */

void fill_row(reader *r, reader_row *out, config_element style)
{
	util_buf_cstr(&r->rowbuf);
	out->text = r->rowbuf.data;
	out->len = r->rowbuf.len;
	out->style = style;
}

/* A label, and a count kept whole at the right end of the row. */
void add_with_count(util_buf *b, const char *s, size_t len, const char *count, int w)
{
	int cw = count[0] ? str_width(count) + 1 : 0;
	if (cw >= w) {
		add_fit(b, s, len, w);
		return;
	}
	int used = add_fit(b, s, len, w - cw);
	if (count[0]) {
		util_buf_spaces(b, w - cw - used + 1);
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
		util_buf name = { 0 };
		add_page_name(r, e->index, &name);
		if (pg->narticles == 0 && pg->ncaptions > 0) {
			/* a page of photos only: the key that lists them */
			char k[KEYMAP_KEY_NAME_MAX];
			snprintf(count, sizeof count, "(photos: %s)", key_hint(r, KA_PHOTOS, k, sizeof k));
		} else {
			snprintf(count, sizeof count, "(%u)", pg->narticles);
		}
		add_with_count(&r->rowbuf, name.data ? name.data : "", name.len, count, w);
		util_buf_free(&name);
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
	util_buf title = { 0 };
	add_list_title(r, a, &title);
	if (w > 2)
		add_with_count(&r->rowbuf, title.data, title.len, count, w - 2);
	util_buf_free(&title);
	/* the focus shows: a selection bar while the list has it, the article
	 * shown in bold while the article has it */
	config_element style = r->read[a] ? CONFIG_C_LIST_READ : CONFIG_C_LIST;
	if (r->focus == READER_FOCUS_LIST && a == r->sel)
		style = CONFIG_C_LIST_CURRENT;
	else if (r->focus != READER_FOCUS_LIST && a == r->article)
		style = CONFIG_C_LIST_OPEN;
	fill_row(r, out, style);
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
	util_buf_printf(b, "article %u/%zu · ", r->article + 1, r->narticles);
	add_page_short(r, r->article, b);
	util_buf_printf(b, " · %d%%", pct);
	if (r->loading)
		util_buf_printf(b, " · loading %d%%", (int)(r->loader->progress(r->loader->ctx) * 100));
	const doc_article *a = doc_article_at(r->issue, r->article);
	if (a->continues >= 0 && bottom >= l->nlines) {
		util_buf_adds(b, " · continues on ");
		add_page_short(r, (uint32_t)a->continues, b);
	} else if (a->continued_from >= 0 && r->top == 0 && !(s && s->nhits)) {
		/* a continuation says where it began, as the paper does */
		util_buf_adds(b, " · 上接");
		add_page_short(r, (uint32_t)a->continued_from, b);
	}
	script_target shown = r->script ? script_view_target(r->script) : SCRIPT_AS_IS;
	if (shown != SCRIPT_AS_IS)
		util_buf_printf(b, " · %s", script_target_name(shown));
	else if (doc_page_at(r->issue, a->page)->script == SCRIPT_KIND_TRADITIONAL)
		util_buf_adds(b, " · traditional");
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
		util_buf_spaces(b, w - lw - rw);
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
			util_buf_spaces(b, w - used - rw);
			util_buf_adds(b, right);
		} else {
			util_buf_spaces(b, w - rw);      /* the position keeps to the right */
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
	size_t len;
	const char *s = prompt_text(r->line, &len);
	int col;
	size_t from = prompt_scroll(r->line, w - 1, &col);
	util_buf_adds(b, prefix);
	int used = 1 + add_fit(b, s + from, len - from, w - 1);
	out->cursor_col = 1 + col;
	char info[64] = "";
	if (r->live.query && r->live.nhits)
		snprintf(info, sizeof info, "%zu hit%s", r->live.nhits, r->live.nhits == 1 ? "" : "s");
	else if (r->live.query)
		snprintf(info, sizeof info, "not found");
	int iw = str_width(info);
	if (info[0] && used + 2 + iw <= w) {
		util_buf_spaces(b, w - used - iw);
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
		util_buf right = { 0 }, head = { 0 }, tip = { 0 };
		const char *left = r->msg[0] ? r->msg : NULL;
		/* the list has the focus: the whole headline of the selected row,
		 * which the list may cut */
		if (!left && r->ov == READER_OV_NONE && r->focus == READER_FOCUS_LIST &&
		    list_shown(r) && r->narticles) {
			add_list_title(r, r->sel, &head);
			left = util_buf_cstr(&head);
		}
		/* a jump line in view: the key that follows it */
		char jk[KEYMAP_KEY_NAME_MAX];
		if (!left && r->ov == READER_OV_NONE && r->focus != READER_FOCUS_LIST &&
		    r->narticles && jump_in_view(r) != UINT32_MAX &&
		    key_hint(r, KA_OPEN, jk, sizeof jk)[0]) {
			util_buf_printf(&tip, "%s: follow the jump line", jk);
			left = util_buf_cstr(&tip);
		}
		if (r->ov != READER_OV_NONE) {
			overlay_position(r, &right);
			if (!left)
				left = overlay_hint(r);
		} else {
			position_text(r, &right);
		}
		size_t l0, l1;
		two_sides(b, left ? left : r->name, util_buf_cstr(&right), w,
			  r->msg[0] != '\0' || head.len > 0, &l0, &l1);
		if (r->msg[0]) {
			out->msg_start = l0;
			out->msg_len = l1 - l0;
			out->error = r->msg_error;
		}
		util_buf_free(&right);
		util_buf_free(&head);
		util_buf_free(&tip);
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
