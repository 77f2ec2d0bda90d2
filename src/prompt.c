/* prompt.c — the reader's search prompt: the line editor (whole grapheme
 * clusters), the search history and the incremental search (reader_core.h). */
#include "reader_core.h"

#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* ---- the prompt ---- */

const char *edit_text(const reader *r)
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
	push_back(r);           /* a search is a jump: Backspace comes back */
	go_to_hit(r, &r->search, i);
	if (wrapped)
		say_wrapped(r, forward);
	return READER_REDRAW;
}

static bool is_text_key(int key)
{
	return key >= 0x20 && key < KEYMAP_K_BASE && key != 0x7f && text_cp_printable((uint32_t)key);
}

int prompt_key(reader *r, int key)
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
