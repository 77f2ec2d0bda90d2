/* prompt.c — a one-line editor with a history; see prompt.h. */
#include "prompt.h"

#include "keymap.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

struct prompt {
	util_buf line;          /* always NUL-terminated */
	size_t cursor;          /* byte offset, at a cluster start */
	char **hist;            /* oldest first */
	size_t nhist, chist, hist_max;
	size_t hist_pos;        /* nhist: the line being typed */
	char *typed;            /* the line being typed, while browsing */
};

prompt *prompt_new(size_t history_max)
{
	prompt *p = util_calloc(1, sizeof *p);
	p->hist_max = history_max;
	util_buf_cstr(&p->line);
	return p;
}

void prompt_free(prompt *p)
{
	if (!p)
		return;
	util_buf_free(&p->line);
	for (size_t i = 0; i < p->nhist; i++)
		free(p->hist[i]);
	free(p->hist);
	free(p->typed);
	free(p);
}

static void set_line(prompt *p, const char *s)
{
	p->line.len = 0;
	util_buf_adds(&p->line, s);
	util_buf_cstr(&p->line);
	p->cursor = p->line.len;
}

void prompt_open(prompt *p)
{
	set_line(p, "");
	p->hist_pos = p->nhist;
	free(p->typed);
	p->typed = NULL;
}

void prompt_set(prompt *p, const char *s)
{
	set_line(p, s ? s : "");
}

const char *prompt_text(const prompt *p, size_t *len)
{
	if (len)
		*len = p->line.len;
	return p->line.data ? p->line.data : "";
}

size_t prompt_cursor(const prompt *p)
{
	return p->cursor;
}

/* Start of the grapheme cluster that ends at `at`. */
static size_t cluster_before(const char *s, size_t at)
{
	size_t i = 0, prev = 0;
	while (i < at) {
		prev = i;
		i += text_grapheme_len(s + i, s + at);
	}
	return prev;
}

static size_t cluster_after(const char *s, size_t len, size_t at)
{
	return at < len ? at + text_grapheme_len(s + at, s + len) : len;
}

size_t prompt_scroll(const prompt *p, int cols, int *col)
{
	const char *s = prompt_text(p, NULL);
	size_t from = 0;
	/* drop clusters from the start until the cursor's cell fits */
	while (from < p->cursor && text_width(s + from, p->cursor - from) > cols - 1)
		from = cluster_after(s, p->line.len, from);
	int c = text_width(s + from, p->cursor - from);
	if (cols > 0 && c > cols - 1)
		c = cols - 1;
	if (col)
		*col = c < 0 ? 0 : c;
	return from;
}

static void delete_range(prompt *p, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(p->line.data + from, p->line.data + to, p->line.len - to + 1);
	p->line.len -= to - from;
	p->cursor = from;
}

static void insert(prompt *p, uint32_t cp)
{
	uint8_t u[8];
	int n = u8_uctomb(u, (ucs4_t)cp, (int)sizeof u);
	if (n <= 0)
		return;
	size_t len = p->line.len;
	util_buf_add(&p->line, u, (size_t)n);   /* grows; then move into place */
	memmove(p->line.data + p->cursor + n, p->line.data + p->cursor, len - p->cursor);
	memcpy(p->line.data + p->cursor, u, (size_t)n);
	util_buf_cstr(&p->line);
	p->cursor += (size_t)n;
}

static bool space_before(const char *s, size_t at)
{
	uint32_t cp;
	const char *q = text_prev(s, s + at);
	text_decode(q, s + at, &cp);
	return text_is_space(cp);
}

/* C-w: back over spaces, then over what is not a space. */
static size_t word_start(const char *s, size_t at)
{
	while (at > 0 && space_before(s, at))
		at = cluster_before(s, at);
	while (at > 0 && !space_before(s, at))
		at = cluster_before(s, at);
	return at;
}

static bool history_move(prompt *p, int dir)
{
	if (dir < 0 ? p->hist_pos == 0 : p->hist_pos >= p->nhist)
		return false;
	if (p->hist_pos == p->nhist) {
		free(p->typed);
		p->typed = util_strdup(prompt_text(p, NULL));
	}
	p->hist_pos = dir < 0 ? p->hist_pos - 1 : p->hist_pos + 1;
	set_line(p, p->hist_pos == p->nhist ? (p->typed ? p->typed : "") : p->hist[p->hist_pos]);
	return true;
}

static bool is_text_key(int key)
{
	return key >= 0x20 && key < KEYMAP_K_BASE && key != 0x7f && text_cp_printable((uint32_t)key);
}

prompt_result prompt_key(prompt *p, int key)
{
	const char *s = prompt_text(p, NULL);
	size_t len = p->line.len, at = p->cursor;
	switch (key) {
	case KEYMAP_K_ENTER:
		return PROMPT_ACCEPT;
	case KEYMAP_K_ESC:
	case KEYMAP_CTRL('g'):
		return PROMPT_CANCEL;
	case KEYMAP_K_BACKSPACE:
	case KEYMAP_CTRL('h'):
		if (len == 0)
			return PROMPT_CANCEL;
		delete_range(p, cluster_before(s, at), at);
		break;
	case KEYMAP_K_DELETE:
	case KEYMAP_CTRL('d'):
		delete_range(p, at, cluster_after(s, len, at));
		break;
	case KEYMAP_CTRL('u'):
		delete_range(p, 0, at);
		break;
	case KEYMAP_CTRL('k'):
		delete_range(p, at, len);
		break;
	case KEYMAP_CTRL('w'):
		delete_range(p, word_start(s, at), at);
		break;
	case KEYMAP_K_LEFT:
	case KEYMAP_CTRL('b'):
		p->cursor = cluster_before(s, at);
		return p->cursor != at ? PROMPT_MOVED : PROMPT_IGNORED;
	case KEYMAP_K_RIGHT:
	case KEYMAP_CTRL('f'):
		p->cursor = cluster_after(s, len, at);
		return p->cursor != at ? PROMPT_MOVED : PROMPT_IGNORED;
	case KEYMAP_K_HOME:
	case KEYMAP_CTRL('a'):
		p->cursor = 0;
		return at ? PROMPT_MOVED : PROMPT_IGNORED;
	case KEYMAP_K_END:
	case KEYMAP_CTRL('e'):
		p->cursor = len;
		return at != len ? PROMPT_MOVED : PROMPT_IGNORED;
	case KEYMAP_K_UP:
	case KEYMAP_CTRL('p'):
		return history_move(p, -1) ? PROMPT_CHANGED : PROMPT_IGNORED;
	case KEYMAP_K_DOWN:
	case KEYMAP_CTRL('n'):
		return history_move(p, 1) ? PROMPT_CHANGED : PROMPT_IGNORED;
	default:
		if (!is_text_key(key))
			return PROMPT_IGNORED;
		insert(p, (uint32_t)key);
		return PROMPT_CHANGED;
	}
	return p->line.len != len ? PROMPT_CHANGED : PROMPT_IGNORED;
}

static bool blank(const char *s)
{
	size_t n = strlen(s);
	return text_skip_space(s, s + n) == s + n;
}

void prompt_history_add(prompt *p, const char *line)
{
	if (!line || blank(line) || p->hist_max == 0)
		return;
	for (size_t i = 0; i < p->nhist; i++) {
		if (strcmp(p->hist[i], line) == 0) {
			char *s = p->hist[i];
			memmove(p->hist + i, p->hist + i + 1, (p->nhist - i - 1) * sizeof *p->hist);
			p->hist[p->nhist - 1] = s;
			return;
		}
	}
	if (p->nhist == p->hist_max) {
		free(p->hist[0]);
		memmove(p->hist, p->hist + 1, (p->nhist - 1) * sizeof *p->hist);
		p->nhist--;
	}
	char *s = util_strdup(line);
	UTIL_PUSH(p->hist, p->nhist, p->chist, s);
	p->hist_pos = p->nhist;
}

size_t prompt_history(const prompt *p, const char *const **lines)
{
	if (lines)
		*lines = (const char *const *)p->hist;
	return p->nhist;
}
