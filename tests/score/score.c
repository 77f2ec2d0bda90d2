/* score — how well the parser reads pages of many papers.
 *
 *   score [--gate MIN_F1] [--expected DIR] [--verbose] PATH...
 *
 * Each PATH is a page (.txt) or a folder of pages. A page with an
 * expected-structure file beside it (NAME.expected, or in DIR; format in
 * tests/papers/README.md, the same as tests/fixtures/sample/NN.expected)
 * is scored against it: headlines (precision, recall, F1 over the articles
 * in order), bylines, datelines, decks (kicker and subtitle), subheads,
 * cuts joined and paragraphs kept once (snippets), banners. Every page,
 * with or without expectations, is measured for what needs none: articles
 * without a headline, paragraphs left twice, running headers left inside
 * articles, and text coverage (every piece of text of the input is found
 * somewhere in the parsed issue: nothing lost).
 *
 * One line per page, then one line per kind of paper (the file name up to
 * its first '-') and per group of pages (those with expectations, those
 * without); the last line is the overall summary.
 * With --gate, the exit status is 1 when the headline F1 over the pages
 * with expectations is below MIN_F1 or any text was lost on any page.
 * --verbose prints each miss (headline, field, snippet, lost text).
 */
#include "doc.h"
#include "input.h"
#include "parse.h"
#include "text.h"
#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool verbose;
static const char *expected_dir;   /* --expected DIR: where NAME.expected are */

/* ---------- text helpers ---------- */

static bool is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

/* Text is compared without whitespace and without decoration marks
 * (【】 □ ■ ◆ ◇ ● ○ ◎ ▲ △ ★ ☆): an item's mark, kept in the text as
 * printed, is no part of what its title says. */
static bool is_decoration(uint32_t cp)
{
	return cp == 0x3010 || cp == 0x3011 || cp == 0x25A1 || cp == 0x25A0 || cp == 0x25C6 || cp == 0x25C7 ||
	       cp == 0x25CF || cp == 0x25CB || cp == 0x25CE || cp == 0x25B2 || cp == 0x25B3 || cp == 0x2605 ||
	       cp == 0x2606;
}

static char *norm(const char *s, size_t len, bool strip_decoration)
{
	util_buf b = { 0 };
	if (!s)
		s = "", len = 0;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (!is_blank_cp(cp) && !(strip_decoration && is_decoration(cp)))
			util_buf_add(&b, p, (size_t)k);
		p += k;
	}
	util_buf_addc(&b, 0);
	return b.data;
}

static char *norm_str(doc_str d, bool strip_decoration)
{
	return norm(d.s ? d.s : "", d.len, strip_decoration);
}

/* A headline's list number dropped, in place: "1.荷兰…", "2、…", "①…"
 * (text normalised: no spaces) read as "荷兰…": the number of a story in
 * a numbered list of them is a mark of order, as ■ is (the sets wrote it
 * both ways). */
static void drop_list_number(char *h)
{
	size_t n = 0;
	while (n < 2 && h[n] >= '0' && h[n] <= '9')
		n++;
	size_t mark = 0;
	if (n && (h[n] == '.' || h[n] == ')'))
		mark = 1;
	else if (n && (!strncmp(h + n, "、", 3) || !strncmp(h + n, "．", 3)))
		mark = 3;
	/* ① to ⑳: U+2460..U+2473, E2 91 A0..E2 91 B3 */
	else if (!n && (unsigned char)h[0] == 0xE2 && (unsigned char)h[1] == 0x91 && (unsigned char)h[2] >= 0xA0 &&
		 (unsigned char)h[2] <= 0xB3)
		mark = 3;
	if (!mark || !h[n + mark] || (h[n + mark] >= '0' && h[n + mark] <= '9'))
		return;
	memmove(h, h + n + mark, strlen(h + n + mark) + 1);
}

/* Characters that count as text for coverage: Han, Latin letters and
 * digits (ASCII and full-width). Punctuation, spaces and markup are not
 * (the parser may restore, join or drop them). */
static bool is_text_cp(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	       (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* Bytes of s up to `max`, not cutting a character. */
static int prefix_len(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return (int)max;
}

static size_t count_occurrences(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	size_t n = 0;
	if (!nlen)
		return 0;
	const char *p = hay, *end = hay + hlen;
	while (p < end) {
		const char *q = memmem(p, (size_t)(end - p), needle, nlen);
		if (!q)
			break;
		n++;
		p = q + nlen;
	}
	return n;
}

/* ---------- expected structure ---------- */

enum { F_COLUMN, F_KICKER, F_HEADLINE, F_SUBTITLE, F_BYLINE, F_DATELINE };
static const char *const field_names[DOC_NFIELDS] = {
	"column", "kicker", "headline", "subtitle", "byline", "dateline",
};

typedef enum snip_kind { SN_PARA, SN_SUBHEAD, SN_CAPTION, SN_JUMP, SN_CUT, SN_ONCE } snip_kind;

typedef struct snippet {
	snip_kind kind;
	char *text;           /* normalized; for a cut, as written (spaces count) */
	size_t article;       /* index of its expected article; SIZE_MAX: anywhere */
} snippet;

typedef struct exp_article {
	char *field[DOC_NFIELDS];   /* normalized, NULL when absent */
} exp_article;

typedef struct expected {
	exp_article *art;
	size_t nart, capart;
	snippet *snip;
	size_t nsnip, capsnip;
	char **banner;
	size_t nbanner, capbanner;
} expected;

static void expected_free(expected *e)
{
	for (size_t i = 0; i < e->nart; i++)
		for (int f = 0; f < DOC_NFIELDS; f++)
			free(e->art[i].field[f]);
	for (size_t i = 0; i < e->nsnip; i++)
		free(e->snip[i].text);
	for (size_t i = 0; i < e->nbanner; i++)
		free(e->banner[i]);
	free(e->art);
	free(e->snip);
	free(e->banner);
}

static void add_snippet(expected *e, snip_kind kind, const char *text, size_t len)
{
	util_grow((void **)&e->snip, &e->capsnip, e->nsnip + 1, sizeof *e->snip);
	snippet *s = &e->snip[e->nsnip++];
	s->kind = kind;
	s->text = kind == SN_CUT ? util_strndup(text, len) : norm(text, len, true);
	s->article = e->nart ? e->nart - 1 : SIZE_MAX;
}

/* Reads NAME.expected; false (with a message) when it is malformed. */
static bool expected_load(const char *path, expected *e)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	memset(e, 0, sizeof *e);
	enum { S_NONE, S_ARTICLE, S_CAPTIONS, S_BANNERS, S_LABEL } sec = S_NONE;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0;
	bool ok = true;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if (n == 0 || line[0] == '#')
			continue;
		if (!strncmp(line, "== ", 3)) {
			const char *w = line + 3;
			if (!strncmp(w, "article", 7)) {
				sec = S_ARTICLE;
				util_grow((void **)&e->art, &e->capart, e->nart + 1, sizeof *e->art);
				memset(&e->art[e->nart++], 0, sizeof *e->art);
			} else if (!strcmp(w, "captions")) {
				sec = S_CAPTIONS;
			} else if (!strcmp(w, "banners")) {
				sec = S_BANNERS;
			} else if (!strcmp(w, "label")) {
				sec = S_LABEL;
			} else {
				fprintf(stderr, "%s:%d: unknown section %s\n", path, lineno, line);
				ok = false;
			}
			continue;
		}
		if (sec == S_LABEL)
			continue;
		if (n >= 2 && line[1] == ' ' && strchr("PSCJB", line[0])) {
			const char *t = line + 2;
			size_t tl = (size_t)n - 2;
			if (sec == S_ARTICLE) {
				static const char kinds[] = "PSCJ";
				if (line[0] == 'B') {
					fprintf(stderr, "%s:%d: B line inside an article\n", path, lineno);
					ok = false;
					continue;
				}
				add_snippet(e, (snip_kind)(strchr(kinds, line[0]) - kinds), t, tl);
			} else if (sec == S_CAPTIONS && line[0] == 'C') {
				add_snippet(e, SN_CAPTION, t, tl);
				e->snip[e->nsnip - 1].article = SIZE_MAX;    /* anywhere */
			} else if (sec == S_BANNERS && line[0] == 'B') {
				util_grow((void **)&e->banner, &e->capbanner, e->nbanner + 1, sizeof *e->banner);
				e->banner[e->nbanner++] = norm(t, tl, true);
			} else {
				fprintf(stderr, "%s:%d: %c line out of place\n", path, lineno, line[0]);
				ok = false;
			}
			continue;
		}
		const char *colon = strchr(line, ':');
		if (sec == S_ARTICLE && colon) {
			size_t kl = (size_t)(colon - line);
			const char *v = colon + 1;
			while (*v == ' ')
				v++;
			bool done = false;
			for (int fi = 0; fi < DOC_NFIELDS && !done; fi++)
				if (strlen(field_names[fi]) == kl && !strncmp(line, field_names[fi], kl)) {
					exp_article *a = &e->art[e->nart - 1];
					free(a->field[fi]);
					a->field[fi] = norm(v, strlen(v), true);
					if (fi == F_HEADLINE)
						drop_list_number(a->field[fi]);
					done = true;
				}
			if (!done && kl == 3 && !strncmp(line, "cut", 3)) {
				add_snippet(e, SN_CUT, v, strlen(v));
				done = true;
			}
			if (!done && kl == 4 && !strncmp(line, "once", 4)) {
				add_snippet(e, SN_ONCE, v, strlen(v));
				done = true;
			}
			if (done)
				continue;
		}
		fprintf(stderr, "%s:%d: cannot read: %s\n", path, lineno, line);
		ok = false;
	}
	free(line);
	fclose(f);
	return ok;
}

/* ---------- measures ---------- */

typedef struct counts {
	size_t pages;
	size_t exp_art, got_art, tp;            /* headlines */
	size_t f_tp[DOC_NFIELDS], f_exp[DOC_NFIELDS], f_got[DOC_NFIELDS];
	size_t sub_ok, sub_n;                   /* subheads as subheads */
	size_t cut_ok, cut_n;                   /* cuts joined */
	size_t once_ok, once_n;                 /* paragraphs (P, once:) exactly once */
	size_t banner_ok, banner_n;
	size_t repeats;                         /* paragraphs left twice */
	size_t empty;                           /* articles without headline */
	size_t headers;                         /* running headers inside articles */
	size_t text_chars, lost_chars;          /* coverage */
} counts;

static void counts_add(counts *to, const counts *c)
{
	size_t *a = (size_t *)to;
	const size_t *b = (const size_t *)c;
	for (size_t i = 0; i < sizeof *to / sizeof(size_t); i++)
		a[i] += b[i];
}

/* Looks like a running header or footer: a date with 星期, or an editor's
 * credit (责编, 责任编辑, 美编, 校对, 版式). */
static bool looks_like_header(const char *s)
{
	static const char *const marks[] = { "责编", "责任编辑", "美编", "校对", "版式" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(marks); i++)
		if (strstr(s, marks[i]))
			return true;
	const char *w = strstr(s, "星期");
	if (w) {
		/* a date (…年…月…日) shortly before 星期 */
		const char *d = strstr(s, "日");
		while (d && d < w) {
			if (w - d <= 12 && strstr(s, "年") && strstr(s, "月"))
				return true;
			d = strstr(d + 1, "日");
		}
	}
	return false;
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1.0;
}

static double f1(size_t tp, size_t nexp, size_t ngot)
{
	return nexp + ngot ? 2.0 * (double)tp / (double)(nexp + ngot) : 1.0;
}

/* Everything of the parsed page as one normalized stream (fields, blocks,
 * captions, banners, label) and each element separately. */
typedef struct element {
	char *text;           /* normalized */
	doc_str raw;          /* as parsed */
	size_t article;
	uint8_t type;         /* 0..5 field, 10 + doc_block_type */
} element;

typedef struct parsed {
	element *el;          /* every element of every article */
	size_t nelem, cap;
	util_buf all;         /* text characters of everything, in order */
} parsed;

static void parsed_push(parsed *p, doc_str raw, size_t article, uint8_t type)
{
	util_grow((void **)&p->el, &p->cap, p->nelem + 1, sizeof *p->el);
	p->el[p->nelem++] = (element){ norm_str(raw, true), raw, article, type };
}

static void add_text_chars(util_buf *b, doc_str d)
{
	if (!d.len)
		return;
	const char *s = d.s, *end = d.s + d.len;
	while (s < end) {
		uint32_t cp;
		int k = text_decode(s, end, &cp);
		if (is_text_cp(cp))
			util_buf_add(b, s, (size_t)k);
		s += k;
	}
}

static void parsed_build(const doc_issue *issue, parsed *p)
{
	memset(p, 0, sizeof *p);
	/* dateline before byline: the order in which they are printed */
	static const int order[DOC_NFIELDS] = { F_COLUMN, F_KICKER, F_HEADLINE, F_SUBTITLE, F_DATELINE, F_BYLINE };
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (int k = 0; k < DOC_NFIELDS; k++) {
			int f = order[k];
			if (!a->field[f].len)
				continue;
			parsed_push(p, a->field[f], i, (uint8_t)f);
			add_text_chars(&p->all, a->field[f]);
		}
		for (uint32_t b = 0; b < a->nblocks; b++) {
			const doc_block *blk = doc_block_at(issue, a->first_block + b);
			parsed_push(p, blk->text, i, (uint8_t)(10 + blk->type));
			add_text_chars(&p->all, blk->text);
		}
	}
	for (size_t pg = 0; pg < doc_npages(issue); pg++) {
		const doc_page *page = doc_page_at(issue, pg);
		for (uint32_t c = 0; c < page->ncaptions; c++) {
			const doc_str *cap = doc_page_caption_at(issue, page->first_caption + c);
			parsed_push(p, *cap, SIZE_MAX, 10 + DOC_CAPTION);
			add_text_chars(&p->all, *cap);
		}
		for (uint32_t b = 0; b < page->nbanners; b++)
			add_text_chars(&p->all, *doc_banner_at(issue, page->first_banner + b));
		add_text_chars(&p->all, page->label);
	}
	util_buf_addc(&p->all, 0);
	p->all.len--;
}

static void parsed_free(parsed *p)
{
	for (size_t i = 0; i < p->nelem; i++)
		free(p->el[i].text);
	free(p->el);
	util_buf_free(&p->all);
}

/* Coverage: each line of the input, reduced to its text characters, is
 * cut into windows of four; a character is covered when a window holding
 * it occurs in the parsed text, or when the run of uncovered characters
 * around it can be cut into pieces of two characters or more that occur
 * there (a line the parser split into fields at a short piece: 本报讯 |
 * 记者 X, or 品种。| (文新)). Lines shorter than four count whole. A lost
 * character is one that is left over; a lost piece shorter than two
 * characters that happens to occur elsewhere goes unseen. */
enum { WIN = 4 };

/* Whether the first character of a line (its first `first_len` bytes)
 * occurs right after the end of the previous line's text: a cut the parser
 * joined, where the line's one leading character went to the paragraph
 * above and the rest (a closing byline) went elsewhere. */
static bool joined_to_previous(const parsed *p, const util_buf *prev, const char *first, size_t first_len)
{
	if (prev->len == 0)
		return false;
	/* the previous line's last two characters, then this one */
	size_t start = prev->len;
	for (int k = 0; k < 2 && start > 0; k++) {
		start--;
		while (start > 0 && ((unsigned char)prev->data[start] & 0xC0) == 0x80)
			start--;
	}
	char probe[32];
	size_t tail = prev->len - start;
	if (tail + first_len > sizeof probe)
		return false;
	memcpy(probe, prev->data + start, tail);
	memcpy(probe + tail, first, first_len);
	return memmem(p->all.data, p->all.len, probe, tail + first_len) != NULL;
}

/* Whether the last character of a line (`last`, `last_len` bytes) occurs
 * right before the first two text characters of the next line that has
 * any (from `next` to `end`): a line cut at a narrow wrap where the
 * line's one last character opens the paragraph below and the rest (a
 * dateline, 本刊讯 | 截至…) went elsewhere. */
static bool joined_to_next(const parsed *p, const char *last, size_t last_len, const char *next, const char *end)
{
	char probe[32];
	size_t len = last_len;
	memcpy(probe, last, last_len);
	int got = 0;
	for (const char *q = next; q < end && got < 2;) {
		uint32_t cp;
		int k = text_decode(q, end, &cp);
		if (is_text_cp(cp)) {
			if (len + (size_t)k > sizeof probe)
				return false;
			memcpy(probe + len, q, (size_t)k);
			len += (size_t)k;
			got++;
		}
		q += k;
	}
	return got == 2 && memmem(p->all.data, p->all.len, probe, len) != NULL;
}

/* An HTML entity of a space at q ("&nbsp;", as a page copied from a web
 * page's source indents with): its length, else 0. */
static size_t space_entity(const char *q, const char *end)
{
	static const char *const entities[] = { "&nbsp;", "&#160;", "&ensp;", "&emsp;", "&#12288;" };
	if (*q != '&')
		return 0;
	for (size_t i = 0; i < sizeof entities / sizeof *entities; i++) {
		size_t l = strlen(entities[i]);
		if ((size_t)(end - q) >= l && memcmp(q, entities[i], l) == 0)
			return l;
	}
	return 0;
}

static void coverage(const char *name, const char *text, size_t len, const parsed *p, counts *c)
{
	const char *s = text, *end = text + len;
	size_t *off = NULL, cap = 0;
	bool *covered = NULL;
	size_t capc = 0;
	util_buf line = { 0 }, prev = { 0 };
	while (s < end) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		if (!eol)
			eol = end;
		/* the text characters of the line, back to back; off[i] is
		 * where character i starts */
		size_t n = 0;
		line.len = 0;
		for (const char *q = s; q < eol;) {
			uint32_t cp;
			size_t ent = space_entity(q, eol);
			if (ent) {
				q += ent;       /* markup of a space, no text */
				continue;
			}
			int k = text_decode(q, eol, &cp);
			if (is_text_cp(cp)) {
				util_grow((void **)&off, &cap, n + 2, sizeof *off);
				off[n++] = line.len;
				util_buf_add(&line, q, (size_t)k);
			}
			q += k;
		}
		s = eol < end ? eol + 1 : end;
		if (!n)
			continue;
		off[n] = line.len;
		util_grow((void **)&covered, &capc, n, sizeof *covered);
		memset(covered, 0, n * sizeof *covered);
		if (n < WIN) {
			if (memmem(p->all.data, p->all.len, line.data, line.len))
				for (size_t i = 0; i < n; i++)
					covered[i] = true;
		} else {
			for (size_t i = 0; i + WIN <= n; i++)
				if (memmem(p->all.data, p->all.len, line.data + off[i], off[i + WIN] - off[i]))
					for (size_t j = i; j < i + WIN; j++)
						covered[j] = true;
		}
		for (size_t i = 0; i < n;) {
			if (covered[i]) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < n && !covered[j])
				j++;
			/* the run, in pieces of two characters or more each found
			 * somewhere (the parser moved a trailing byline away) */
			for (size_t a = i; a < j;) {
				size_t b = j;
				while (b > a && !memmem(p->all.data, p->all.len, line.data + off[a], off[b] - off[a]))
					b--;
				if (b > a + 1 || (b == a + 1 && a == i && j == i + 1) ||
				    (b == a + 1 && a == 0 && joined_to_previous(p, &prev, line.data, off[1])) ||
				    (b == a + 1 && b == n &&
				     joined_to_next(p, line.data + off[a], off[b] - off[a], s, end))) {
					a = b;
					continue;
				}
				c->lost_chars++;
				if (verbose)
					printf("  %s: lost \"%.*s\" of \"%.*s\"\n", name, (int)(off[a + 1] - off[a]),
					       line.data + off[a], (int)(off[j] - off[i]), line.data + off[i]);
				a++;
			}
			i = j;
		}
		c->text_chars += n;
		prev.len = 0;
		util_buf_add(&prev, line.data, line.len);
	}
	util_buf_free(&prev);
	util_buf_free(&line);
	free(off);
	free(covered);
}

/* Longest common subsequence of expected and parsed headlines: the pairs
 * matched (match[i] = parsed article of expected article i, or -1). */
static size_t match_headlines(const expected *e, char **got, size_t ngot, long *match)
{
	size_t ne = e->nart;
	size_t *t = util_calloc((ne + 1) * (ngot + 1), sizeof *t);
#define T(i, j) t[(i) * (ngot + 1) + (j)]
	for (size_t i = ne; i-- > 0;)
		for (size_t j = ngot; j-- > 0;) {
			const char *h = e->art[i].field[F_HEADLINE];
			if (h && *h && got[j][0] && !strcmp(h, got[j]))
				T(i, j) = T(i + 1, j + 1) + 1;
			else
				T(i, j) = T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
		}
	size_t i = 0, j = 0;
	for (size_t k = 0; k < ne; k++)
		match[k] = -1;
	while (i < ne && j < ngot) {
		const char *h = e->art[i].field[F_HEADLINE];
		if (h && *h && got[j][0] && !strcmp(h, got[j])) {
			match[i] = (long)j;
			i++;
			j++;
		} else if (T(i + 1, j) >= T(i, j + 1)) {
			i++;
		} else {
			j++;
		}
	}
	size_t tp = T(0, 0);
#undef T
	free(t);
	return tp;
}

static void score_expected(const char *name, const doc_issue *issue, const expected *e,
			   const parsed *p, counts *c)
{
	size_t ngot = doc_narticles(issue);
	char **got = util_calloc(ngot + 1, sizeof *got);
	char *(*gotf)[DOC_NFIELDS] = util_calloc(ngot + 1, sizeof *gotf);
	for (size_t j = 0; j < ngot; j++) {
		const doc_article *a = doc_article_at(issue, j);
		for (int f = 0; f < DOC_NFIELDS; f++)
			gotf[j][f] = norm_str(a->field[f], true);
		drop_list_number(gotf[j][F_HEADLINE]);
		got[j] = gotf[j][F_HEADLINE];
	}
	long *match = util_calloc(e->nart + 1, sizeof *match);
	c->exp_art = e->nart;
	c->tp = match_headlines(e, got, ngot, match);
	if (verbose) {
		for (size_t i = 0; i < e->nart; i++)
			if (match[i] < 0)
				printf("  %s: headline missed: %s\n", name, e->art[i].field[F_HEADLINE]);
		for (size_t j = 0; j < ngot; j++) {
			bool m = false;
			for (size_t i = 0; i < e->nart; i++)
				m |= match[i] == (long)j;
			if (!m)
				printf("  %s: headline wrong: %s\n", name, got[j][0] ? got[j] : "(none)");
		}
	}
	for (int f = 0; f < DOC_NFIELDS; f++) {
		for (size_t i = 0; i < e->nart; i++) {
			const char *w = e->art[i].field[f];
			c->f_exp[f] += w && *w;
			if (match[i] < 0)
				continue;
			const char *g = gotf[match[i]][f];
			if (!w || !*w) {
				/* a field found where the reader sees none: it lowers the F1 as a miss does */
				if (verbose && *g && f != F_HEADLINE)
					printf("  %s: %s of %s: got \"%s\", expected none\n", name, field_names[f],
					       e->art[i].field[F_HEADLINE], g);
				continue;
			}
			if (!strcmp(w, g))
				c->f_tp[f]++;
			else if (verbose && f != F_HEADLINE)
				printf("  %s: %s of %s: got \"%s\", expected \"%s\"\n", name, field_names[f],
				       e->art[i].field[F_HEADLINE], g, w);
		}
		for (size_t j = 0; j < ngot; j++)
			c->f_got[f] += gotf[j][f][0] != 0;
	}
	/* snippets: in exactly one element (of the right kind for P S C J) */
	for (size_t k = 0; k < e->nsnip; k++) {
		const snippet *sn = &e->snip[k];
		size_t hits = 0, where = SIZE_MAX;
		for (size_t x = 0; x < p->nelem; x++) {
			size_t h;
			if (sn->kind <= SN_JUMP)
				h = p->el[x].type == 10 + sn->kind && !strcmp(p->el[x].text, sn->text);
			else if (sn->kind == SN_CUT)
				h = count_occurrences(p->el[x].raw.s, p->el[x].raw.len, sn->text, strlen(sn->text));
			else
				h = count_occurrences(p->el[x].text, strlen(p->el[x].text), sn->text, strlen(sn->text));
			if (h)
				where = p->el[x].article;
			hits += h;
		}
		/* in the article that matched its expected one (a caption may
		 * also be left to the page) */
		long m = sn->article < e->nart ? match[sn->article] : -1;
		bool placed = !hits || m < 0 || where == (size_t)m || (sn->kind == SN_CAPTION && where == SIZE_MAX);
		bool ok = hits == 1 && placed;
		switch (sn->kind) {
		case SN_SUBHEAD: c->sub_n++; c->sub_ok += ok; break;
		case SN_CUT: c->cut_n++; c->cut_ok += ok; break;
		default: c->once_n++; c->once_ok += ok; break;
		}
		if (!ok && verbose)
			printf("  %s: %s snippet found %zu times%s: %s\n", name,
			       (const char *const[]){ "P", "S", "C", "J", "cut", "once" }[sn->kind],
			       hits, placed ? "" : " (in another article)", sn->text);
	}
	/* banners: each expected one among the page's banners, none inside articles */
	const doc_page *page = doc_page_at(issue, 0);
	for (size_t k = 0; k < e->nbanner; k++) {
		bool found = false;
		for (uint32_t b = 0; b <= page->nbanners && !found; b++) {
			/* the page's banners, or its label (a section name) */
			char *g = norm_str(b < page->nbanners ? *doc_banner_at(issue, page->first_banner + b) : page->label, true);
			found = strstr(g, e->banner[k]) != NULL;
			free(g);
		}
		c->banner_n++;
		c->banner_ok += found;
		if (!found && verbose)
			printf("  %s: banner missed: %s\n", name, e->banner[k]);
	}
	for (size_t j = 0; j < ngot; j++)
		for (int f = 0; f < DOC_NFIELDS; f++)
			free(gotf[j][f]);
	free(gotf);
	free(got);
	free(match);
}

/* A banner left in an element: the element is the banner, or holds a
 * banner of eight characters or more (a short one, 云岭日报, may be named
 * in a story). */
static bool banner_in(const char *elem, const char *banner)
{
	return *banner && (!strcmp(elem, banner) || (strlen(banner) >= 24 && strstr(elem, banner)));
}

/* What needs no expectations: empty headlines, repeats, headers inside
 * articles (expected banners, the page's own banners, or header-like). */
static void score_any(const char *name, const doc_issue *issue, const expected *e, const parsed *p, counts *c)
{
	for (size_t i = 0; i < doc_narticles(issue); i++)
		if (!doc_article_at(issue, i)->field[F_HEADLINE].len) {
			c->empty++;
			if (verbose)
				printf("  %s: article %zu has no headline\n", name, i + 1);
		}
	/* a paragraph of 15 characters or more held whole by another one */
	for (size_t x = 0; x < p->nelem; x++) {
		if (p->el[x].type != 10 + DOC_PARAGRAPH || strlen(p->el[x].text) < 45)
			continue;
		for (size_t y = 0; y < p->nelem; y++) {
			if (y == x || p->el[y].type < 10 || !strstr(p->el[y].text, p->el[x].text))
				continue;
			if (strcmp(p->el[x].text, p->el[y].text) == 0 && y > x)
				continue;     /* identical pair: count once, at the later copy */
			c->repeats++;
			if (verbose)
				printf("  %s: paragraph left twice: %.*s…\n", name, prefix_len(p->el[x].text, 60), p->el[x].text);
			break;
		}
	}
	size_t nb = 0;
	char **banners = NULL;
	size_t capb = 0;
	const doc_page *page = doc_page_at(issue, 0);
	for (uint32_t b = 0; b < page->nbanners; b++) {
		char *g = norm_str(*doc_banner_at(issue, page->first_banner + b), true);
		util_grow((void **)&banners, &capb, nb + 1, sizeof *banners);
		banners[nb++] = g;
	}
	for (size_t x = 0; x < p->nelem; x++) {
		if (p->el[x].article == SIZE_MAX)
			continue;     /* a page caption, not in an article */
		bool hdr = looks_like_header(p->el[x].text);
		for (size_t k = 0; e && k < e->nbanner && !hdr; k++)
			hdr = banner_in(p->el[x].text, e->banner[k]);
		/* (a headline that is one of the page's banners whole is a
		 * title the page lists before printing it, 本版新闻列表: the
		 * headline F1 judges it, it is no header left in the text) */
		for (size_t k = 0; k < nb && !hdr; k++)
			hdr = banner_in(p->el[x].text, banners[k]) &&
			      !(p->el[x].type == F_HEADLINE && !strcmp(p->el[x].text, banners[k]));
		if (hdr) {
			c->headers++;
			if (verbose)
				printf("  %s: running header inside article %zu: %.*s\n", name,
				       p->el[x].article + 1, prefix_len(p->el[x].text, 90), p->el[x].text);
		}
	}
	for (size_t k = 0; k < nb; k++)
		free(banners[k]);
	free(banners);
}

/* ---------- pages ---------- */

static counts total_exp, total_any;

/* Totals per kind of paper: the part of the file name before its first
 * '-' (party-01.txt: party), for pages with expectations. */
typedef struct kind_total {
	char name[32];
	counts c;
} kind_total;
static kind_total kinds[64];
static size_t nkinds;

static void kind_add(const char *base, const counts *c)
{
	const char *dash = strchr(base, '-');
	if (!dash || dash - base >= (long)sizeof kinds[0].name)
		return;
	size_t n = (size_t)(dash - base), k = 0;
	while (k < nkinds && !(strlen(kinds[k].name) == n && !strncmp(kinds[k].name, base, n)))
		k++;
	if (k == nkinds) {
		if (nkinds == UTIL_ARRAY_LEN(kinds))
			return;
		memcpy(kinds[k].name, base, n);
		kinds[k].name[n] = 0;
		nkinds++;
	}
	counts_add(&kinds[k].c, c);
}
static size_t npages_exp, npages_any;

static void print_row(const char *name, const counts *c, bool with_exp)
{
	double cov = 100.0 * ratio(c->text_chars - c->lost_chars, c->text_chars);
	if (with_exp) {
		double p = ratio(c->tp, c->got_art), r = ratio(c->tp, c->exp_art);
		printf("%-28s %3zu %3zu %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %3zu/%-3zu %3zu/%-3zu %3zu/%-3zu %3zu/%-3zu %3zu %3zu %3zu %7.2f%%\n",
		       name, c->exp_art, c->got_art, p, r, f1(c->tp, c->exp_art, c->got_art),
		       f1(c->f_tp[F_BYLINE], c->f_exp[F_BYLINE], c->f_got[F_BYLINE]),
		       f1(c->f_tp[F_DATELINE], c->f_exp[F_DATELINE], c->f_got[F_DATELINE]),
		       f1(c->f_tp[F_KICKER] + c->f_tp[F_SUBTITLE], c->f_exp[F_KICKER] + c->f_exp[F_SUBTITLE],
			  c->f_got[F_KICKER] + c->f_got[F_SUBTITLE]),
		       f1(c->f_tp[F_COLUMN], c->f_exp[F_COLUMN], c->f_got[F_COLUMN]),
		       c->sub_ok, c->sub_n, c->cut_ok, c->cut_n, c->once_ok, c->once_n, c->banner_ok, c->banner_n,
		       c->repeats, c->empty, c->headers, cov);
	} else {
		printf("%-28s   - %3zu     -     -     -     -     -     -     -       -       -       -       - %3zu %3zu %3zu %7.2f%%\n",
		       name, c->got_art, c->repeats, c->empty, c->headers, cov);
	}
}

static void score_page(const char *path)
{
	input_page *pages = NULL;
	size_t npages = 0, cap = 0;
	char err[512];
	if (!input_read_path(path, NULL, &pages, &npages, &cap, err, sizeof err)) {
		fprintf(stderr, "score: %s\n", err);
		exit(2);
	}
	/* keep a copy of the text: the issue owns the source */
	char *text = util_strndup(pages[0].source.text, pages[0].source.len);
	size_t len = pages[0].source.len;
	doc_issue *issue = doc_issue_new();
	parse_page(issue, pages[0].name, pages[0].source);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	char epath[4096];
	if (expected_dir)
		snprintf(epath, sizeof epath, "%s/%.*s.expected", expected_dir, (int)(strlen(base) - 4), base);
	else
		snprintf(epath, sizeof epath, "%.*s.expected", (int)(strlen(path) - 4), path);
	expected e;
	struct stat st;
	bool have = stat(epath, &st) == 0;
	if (have && !expected_load(epath, &e)) {
		fprintf(stderr, "score: %s: malformed\n", epath);
		exit(2);
	}
	parsed p;
	parsed_build(issue, &p);
	counts c = { 0 };
	c.pages = 1;
	c.got_art = doc_narticles(issue);
	if (have)
		score_expected(base, issue, &e, &p, &c);
	score_any(base, issue, have ? &e : NULL, &p, &c);
	coverage(base, text, len, &p, &c);
	print_row(base, &c, have);
	if (have) {
		counts_add(&total_exp, &c);
		kind_add(base, &c);
		npages_exp++;
		expected_free(&e);
	} else {
		counts_add(&total_any, &c);
		npages_any++;
	}
	parsed_free(&p);
	doc_issue_free(issue);
	for (size_t i = 0; i < npages; i++)
		free(pages[i].name);
	free(pages);
	free(text);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void score_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "score: %s: not found (skipped)\n", path);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		score_page(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l > 4 && !strcmp(de->d_name + l - 4, ".txt")) {
			util_grow((void **)&names, &cap, n + 1, sizeof *names);
			names[n++] = util_strdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		char full[4096];
		snprintf(full, sizeof full, "%s/%s", path, names[i]);
		score_page(full);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	double gate = -1;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--gate") && i + 1 < argc)
			gate = atof(argv[++i]);
		else if (!strcmp(argv[i], "--expected") && i + 1 < argc)
			expected_dir = argv[++i];
		else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v"))
			verbose = true;
		else {
			fprintf(stderr, "usage: score [--gate MIN_F1] [--expected DIR] [--verbose] PATH...\n");
			return 2;
		}
	}
	printf("%-28s %3s %3s %5s %5s %5s %5s %5s %5s %5s %7s %7s %7s %7s %3s %3s %3s %8s\n",
	       "page", "exp", "got", "P", "R", "F1", "byl", "date", "deck", "col",
	       "subhd", "cuts", "once", "banner", "rep", "emp", "hdr", "coverage");
	for (; i < argc; i++)
		score_path(argv[i]);
	for (size_t k = 0; k < nkinds && nkinds > 1; k++) {
		char label[64];
		snprintf(label, sizeof label, "= %s (%zu)", kinds[k].name, kinds[k].c.pages);
		print_row(label, &kinds[k].c, true);
	}
	if (npages_exp)
		print_row("= pages with expectations", &total_exp, true);
	if (npages_any)
		print_row("= pages without", &total_any, false);

	counts all = total_exp;
	counts_add(&all, &total_any);
	double p = ratio(total_exp.tp, total_exp.got_art), r = ratio(total_exp.tp, total_exp.exp_art);
	double hf1 = f1(total_exp.tp, total_exp.exp_art, total_exp.got_art);
	printf("SCORE headline P=%.3f R=%.3f F1=%.3f (%zu pages) | byline F1=%.3f dateline F1=%.3f deck F1=%.3f"
	       " subheads %zu/%zu cuts %zu/%zu once %zu/%zu | all %zu pages: repeats %zu empty %zu headers %zu lost %zu/%zu chars\n",
	       p, r, hf1, npages_exp,
	       f1(total_exp.f_tp[F_BYLINE], total_exp.f_exp[F_BYLINE], total_exp.f_got[F_BYLINE]),
	       f1(total_exp.f_tp[F_DATELINE], total_exp.f_exp[F_DATELINE], total_exp.f_got[F_DATELINE]),
	       f1(total_exp.f_tp[F_KICKER] + total_exp.f_tp[F_SUBTITLE],
		  total_exp.f_exp[F_KICKER] + total_exp.f_exp[F_SUBTITLE],
		  total_exp.f_got[F_KICKER] + total_exp.f_got[F_SUBTITLE]),
	       total_exp.sub_ok, total_exp.sub_n, total_exp.cut_ok, total_exp.cut_n,
	       total_exp.once_ok, total_exp.once_n,
	       npages_exp + npages_any, all.repeats, all.empty, all.headers, all.lost_chars, all.text_chars);
	if (gate >= 0 && (hf1 + 1e-9 < gate || all.lost_chars)) {
		fprintf(stderr, "score: FAILED: headline F1 %.3f (gate %.3f), %zu characters lost\n",
			hf1, gate, all.lost_chars);
		return 1;
	}
	return 0;
}
