/* layout.c — see layout.h.
 *
 * One pass per element: libunistring gives the UAX #14 break opportunities
 * of the whole text, then a greedy scan over grapheme clusters fills each
 * line. While it scans, it remembers the last places the line may end at
 * (see line_fill); when the next cluster does not fit it backs up to the
 * best of them and the next line starts there.
 *
 * Most elements of a Chinese paper are plain text (text.h): no spaces, one
 * code point per cluster, break opportunities from text_plain_scan's pair
 * table. For them the same rules run on the decoded characters (see
 * lay_plain): a line takes characters while they fit, and only when one
 * does not are the places it may end at looked for, backwards. test_layout
 * checks that both ways give the same lines, with restored punctuation
 * too (which a plain element gets without a restored copy of its text).
 */
#include "layout.h"

#include "punct.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

enum { HANG_RESERVE = 2 };

void layout_default_options(layout_options *opt)
{
	opt->max_width = 80;
	opt->indent = 4;
	opt->blank_between = true;
	opt->kinsoku = LAYOUT_KINSOKU_BASIC;
	opt->hanging_punctuation = false;
	opt->center = true;
	opt->cjk_punctuation = LAYOUT_PUNCT_RESTORE;
	opt->caption_mark = 1;
	opt->subhead_mark = 2;
	opt->jump_hint[0] = '\0';
}

const char *const layout_caption_marks[] = { "none", "▲", "△", "■", "●", NULL };
const char *const layout_subhead_marks[] = { "none", "indent", "▍", "■", "◆", NULL };

/* ---- clreq prohibitions ---- */

/* The common case, decided first: a CJK unified ideograph. */
static inline bool is_ideograph(uint32_t cp)
{
	return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* May not begin a line: closing brackets and quotes, stops, commas,
 * colons, the wave dash, the em dash and the middle dot. */
static bool no_line_start(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ',' || cp == '.' || cp == ':' || cp == ';' ||
		       cp == '!' || cp == '?' || cp == ')';
	if (is_ideograph(cp))
		return false;   /* the common case */
	switch (cp) {
	case 0x3002: case 0xFF0E: case 0xFF0C: case 0x3001: case 0xFF1A:
	case 0xFF1B: case 0xFF01: case 0xFF1F: case 0x201D: case 0x2019:
	case 0x300D: case 0x300F: case 0xFF09: case 0x300B: case 0x3009:
	case 0x3011: case 0x3017: case 0x3015: case 0xFF3D: case 0xFF5D:
	case 0xFF5E: case 0x2014: case 0x00B7:
		return true;
	default:
		return false;
	}
}

/* May not end a line: opening brackets and quotes. */
static bool no_line_end(uint32_t cp)
{
	if (cp < 0x2018 || is_ideograph(cp))
		return false;
	switch (cp) {
	case 0x201C: case 0x2018: case 0x300C: case 0x300E: case 0xFF08:
	case 0x300A: case 0x3008: case 0x3010: case 0x3016: case 0x3014:
	case 0xFF3B: case 0xFF5B:
		return true;
	default:
		return false;
	}
}

enum { EM_DASH = 0x2014, ELLIPSIS = 0x2026 };

/* Whether a line may end after `prev` (the last cluster shown) and the
 * next begin with `next`; `after` is the first code point of the cluster
 * after `next`, 0 when there is none (strict keeps "——" and "……" whole
 * and off the line start). */
static inline bool kinsoku_allows_cp(layout_kinsoku level, uint32_t prev, uint32_t next,
				     uint32_t after)
{
	if (level == LAYOUT_KINSOKU_NONE || (is_ideograph(prev) && is_ideograph(next)))
		return true;
	if (no_line_start(next) || no_line_end(prev))
		return false;
	if (level == LAYOUT_KINSOKU_STRICT && (next == EM_DASH || next == ELLIPSIS))
		return prev != next && after != next;
	return true;
}

/* The same with `after` where the cluster after `next` starts (decoded
 * only when strict needs it). */
static inline bool kinsoku_allows(layout_kinsoku level, uint32_t prev, uint32_t next,
				  const char *after, const char *end)
{
	uint32_t cp = 0;
	if (level == LAYOUT_KINSOKU_STRICT && (next == EM_DASH || next == ELLIPSIS) && after < end)
		text_decode(after, end, &cp);
	return kinsoku_allows_cp(level, prev, next, cp);
}

/* Punctuation that may hang into the reserve: what may not start a line. */
static bool hangable(layout_kinsoku level, uint32_t cp)
{
	return no_line_start(cp) || (level == LAYOUT_KINSOKU_STRICT && cp == ELLIPSIS);
}

/* ---- building ---- */

typedef struct builder {
	layout *lay;
	size_t lines_cap, spans_cap;
	char *brk;              /* UAX #14 opportunities of the element, per byte */
	size_t brk_cap;
	text_char *chars;       /* a plain element, decoded */
	size_t chars_cap;
	size_t nchars;          /* characters in chars: 0 when the element was not plain */
	layout_kinsoku kinsoku;
	int avail;              /* columns for text */
	int reserve;            /* more columns only hanging punctuation may use */
	int origin;             /* screen column where the measure starts */
	int indent;             /* paragraph indent at this measure */
	bool restore;           /* cjk_punctuation = restore */
	punct_sub *subs;        /* the element's punctuation to restore */
	size_t subs_cap;
	size_t nsubs;           /* a plain element laid out with its subs in
				 * place (lay_element): how many, else 0 */
	size_t subj;            /* with nsubs: the next one not yet drawn */
	char *restored;         /* the element's text with it restored */
	size_t restored_cap;
	layout_span *spans_tmp;
	size_t spans_tmp_cap;
	size_t deco_cap;        /* of lay->deco */
} builder;

/* The element being laid out. */
typedef struct element_text {
	const char *s;
	uint32_t n;
	uint32_t element;
	uint8_t style;
	uint8_t tail_style;     /* style from byte tail_at on (a caption's credit) */
	uint32_t tail_at;
	int indent;
	bool names;             /* a byline, dateline or credit: names stay whole */
	uint32_t names_at;      /* from this byte on */
} element_text;

/* A place the line may end at: the next line starts at `at`, the text
 * shown ends at `ink_end`, `col` columns wide (indent included). at == 0
 * marks one not found (a line never ends where it starts). */
typedef struct brk_point {
	uint32_t at, ink_end;
	int col;
	uint32_t k;             /* plain text: the index of the character at `at` */
} brk_point;

/* The line being filled. */
typedef struct line_fill {
	uint32_t start;         /* where the line starts in the element */
	uint32_t span_from;     /* first byte shown */
	uint32_t ink_end;       /* end of the last cluster shown */
	int lead;               /* columns before the text: the indent */
	int col;                /* columns up to ink_end, lead included */
	int pending;            /* width of the spaces after ink_end */
	uint32_t last_cp;       /* first code point of the last cluster shown */
	uint32_t k0;            /* plain text: the index of the character at span_from */
	bool ink;               /* something but spaces is on the line */
	bool continues;
	brk_point ok;           /* last UAX #14 opportunity kinsoku allows */
	brk_point kin;          /* last cluster boundary kinsoku allows */
	brk_point uax;          /* last UAX #14 opportunity */
} line_fill;

/* One grapheme cluster with the layout's widths: a TAB is one column. */
static size_t cluster(const char *s, const char *end, uint32_t *cp, int *width)
{
	size_t len = text_grapheme_scan(s, end, cp, width);
	if (*cp == '\t')
		*width = 1;
	return len;
}

static int span_width(const char *s, const char *end)
{
	int w = 0;
	while (s < end) {
		uint32_t cp;
		int cw;
		s += cluster(s, end, &cp, &cw);
		w += cw;
	}
	return w;
}

static bool has_ink(doc_str t)
{
	return t.len && text_skip_space(t.s, t.s + t.len) < t.s + t.len;
}

static void builder_init(builder *b, layout *lay, int width, const layout_options *opt)
{
	memset(b, 0, sizeof(*b));
	b->lay = lay;
	b->kinsoku = opt->kinsoku;
	b->restore = opt->cjk_punctuation == LAYOUT_PUNCT_RESTORE;
	int measure = width;
	if (opt->max_width > 0 && opt->max_width < measure)
		measure = opt->max_width;
	b->origin = opt->center ? (width - measure) / 2 : 0;
	b->reserve = opt->hanging_punctuation && measure >= 4 ? HANG_RESERVE : 0;
	b->avail = measure - b->reserve;
	int indent = opt->indent > 0 ? opt->indent : 0;
	b->indent = b->avail >= 2 * indent && b->avail >= indent + 2 ? indent : 0;
}

static void builder_free(builder *b)
{
	free(b->brk);
	free(b->chars);
	free(b->subs);
	free(b->restored);
	free(b->spans_tmp);
}

static layout *layout_new(int width, const layout_options *opt, uint32_t article)
{
	layout *lay = util_calloc(1, sizeof(*lay));
	lay->width = width;
	lay->opt = *opt;
	lay->article = article;
	return lay;
}

static int clamp_width(int width)
{
	return width < 1 ? 1 : width > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : width;
}

static void push_span(builder *b, uint32_t element, uint32_t start, uint32_t end,
		      int col, int width, uint8_t style, uint8_t flags)
{
	layout *lay = b->lay;
	layout_span sp = {
		.element = element, .start = start, .end = end,
		.col = (uint16_t)col, .width = (uint16_t)width,
		.style = style, .flags = flags,
	};
	UTIL_PUSH(lay->spans, lay->nspans, b->spans_cap, sp);
}

static layout_line *push_line(builder *b, uint32_t element, uint32_t offset, bool continues)
{
	layout *lay = b->lay;
	layout_line line = {
		.first_span = (uint32_t)lay->nspans, .element = element,
		.offset = offset, .continues = continues,
	};
	UTIL_PUSH(lay->lines, lay->nlines, b->lines_cap, line);
	return &lay->lines[lay->nlines - 1];
}

static void push_empty_line(builder *b, uint32_t next_element)
{
	push_line(b, next_element, 0, false);
}

/* Emits the line f holds: its text split where the style changes. */
static void end_line(builder *b, const element_text *et, const line_fill *f)
{
	layout_line *line = push_line(b, et->element, f->start, f->continues);
	uint32_t a = f->span_from, z = f->ink_end;
	if (a >= z)
		return;
	int col = b->origin + f->lead, width = f->col - f->lead;
	if (et->tail_at > a && et->tail_at < z) {
		int head = span_width(et->s + a, et->s + et->tail_at);
		push_span(b, et->element, a, et->tail_at, col, head, et->style, 0);
		push_span(b, et->element, et->tail_at, z, col + head, width - head,
			  et->tail_style, 0);
		line->nspans = 2;
	} else {
		uint8_t style = et->tail_at <= a ? et->tail_style : et->style;
		push_span(b, et->element, a, z, col, width, style, 0);
		line->nspans = 1;
	}
	line->width = (uint16_t)(col + width);
}

/* A cluster wider than the whole measure: one '?' column stands for it. */
static void end_placeholder_line(builder *b, const element_text *et, line_fill *f,
				 uint32_t p, size_t len)
{
	int lead = f->lead < b->avail - 1 ? f->lead : b->avail - 1;
	layout_line *line = push_line(b, et->element, f->start, f->continues);
	uint8_t style = et->tail_at <= p ? et->tail_style : et->style;
	push_span(b, et->element, p, p + (uint32_t)len, b->origin + lead, 1, style,
		  LAYOUT_F_PLACEHOLDER);
	line->nspans = 1;
	line->width = (uint16_t)(b->origin + lead + 1);
}

/* Records the boundary before the cluster at p (cp, len) as a place the
 * line may end at, by the rules it satisfies. */
static void note_boundary(const builder *b, const element_text *et, line_fill *f,
			  uint32_t p, uint32_t cp, size_t len)
{
	brk_point here = { p, f->ink_end, f->col, 0 };
	bool uax = b->brk[p] == UC_BREAK_POSSIBLE || b->brk[p] == UC_BREAK_HYPHENATION;
	bool kin = kinsoku_allows(b->kinsoku, f->last_cp, cp, et->s + p + len, et->s + et->n);
	if (uax && kin)
		f->ok = here;
	if (kin)
		f->kin = here;
	if (uax)
		f->uax = here;
}

/* The run of prohibited punctuation at p hangs into the reserve when it
 * fits there and the line may end right after it. Returns where the next
 * line starts, or 0 when it cannot hang. */
static uint32_t try_hang(builder *b, const element_text *et, line_fill *f, uint32_t p)
{
	const char *s = et->s, *end = s + et->n;
	int col = f->col + f->pending;
	uint32_t q = p, last = f->last_cp;
	while (q < et->n) {
		uint32_t cp;
		int w;
		size_t len = cluster(s + q, end, &cp, &w);
		if (!hangable(b->kinsoku, cp))
			break;
		if (col + w > b->avail + b->reserve)
			return 0;
		col += w;
		q += (uint32_t)len;
		last = cp;
	}
	uint32_t next = (uint32_t)(text_skip_space(s + q, end) - s);
	if (next < et->n) {
		uint32_t cp;
		int w;
		size_t len = cluster(s + next, end, &cp, &w);
		if (b->brk[next] != UC_BREAK_POSSIBLE && b->brk[next] != UC_BREAK_MANDATORY)
			return 0;
		if (!kinsoku_allows(b->kinsoku, last, cp, s + next + len, end))
			return 0;
	}
	f->ink_end = q;
	f->col = col;
	end_line(b, et, f);
	return next;
}

/* The cluster at p does not fit on a line holding text: ends the line at
 * the best place found and returns where the next one starts. */
static uint32_t break_line(builder *b, const element_text *et, line_fill *f,
			   uint32_t p, uint32_t cp)
{
	if (b->reserve && hangable(b->kinsoku, cp) && f->ok.at != p) {
		uint32_t next = try_hang(b, et, f, p);
		if (next)
			return next;
	}
	brk_point here = { p, f->ink_end, f->col, 0 };
	/* Kinsoku before UAX #14: characters move down with a prohibited one
	 * even into a word; only a line that would be emptied breaks anyway. */
	const brk_point *bp = f->ok.at ? &f->ok : f->kin.at ? &f->kin :
			      f->uax.at ? &f->uax : &here;
	f->ink_end = bp->ink_end;
	f->col = bp->col;
	uint32_t next = bp->at;
	end_line(b, et, f);
	return next;
}

/* Fills one line from pos; returns where the next line starts. */
static uint32_t fill_line(builder *b, const element_text *et, uint32_t pos, bool first)
{
	line_fill f;
	memset(&f, 0, sizeof(f));
	f.start = f.span_from = f.ink_end = pos;
	f.lead = f.col = first ? et->indent : 0;
	f.continues = !first;
	const char *s = et->s, *end = s + et->n;
	uint32_t p = pos;
	while (p < et->n) {
		uint32_t cp;
		int w;
		size_t len = cluster(s + p, end, &cp, &w);
		if (f.ink)
			note_boundary(b, et, &f, p, cp, len);
		if (b->brk[p] == UC_BREAK_MANDATORY) {
			end_line(b, et, &f);
			return p + (uint32_t)len;
		}
		if (!is_ideograph(cp) && text_is_space(cp)) {
			f.pending += w;
			p += (uint32_t)len;
			continue;
		}
		if (f.col + f.pending + w > b->avail) {
			if (f.ink)
				return break_line(b, et, &f, p, cp);
			if (w > b->avail) {
				end_placeholder_line(b, et, &f, p, len);
				return p + (uint32_t)len;
			}
			/* The first cluster: leading spaces and indent give way. */
			f.span_from = p;
			f.pending = 0;
			if (f.lead + w > b->avail)
				f.lead = f.col = b->avail - w;
		}
		f.col += f.pending + w;
		f.pending = 0;
		f.ink = true;
		f.last_cp = cp;
		p += (uint32_t)len;
		f.ink_end = p;
	}
	end_line(b, et, &f);
	return et->n;
}

/* ---- plain text ----
 *
 * The rules of fill_line, break_line and try_hang on a plain element (no
 * spaces, no mandatory breaks, each character a cluster), by character
 * index k; c[k].brk is the UAX #14 opportunity before character k. */

typedef struct plain_text {
	const text_char *c;
	uint32_t n;             /* characters */
} plain_text;

static inline uint32_t plain_at(const element_text *et, const plain_text *pt, uint32_t k)
{
	return k < pt->n ? pt->c[k].at : et->n;
}

static inline bool plain_uax(const plain_text *pt, uint32_t k)
{
	return pt->c[k].brk == UC_BREAK_POSSIBLE || pt->c[k].brk == UC_BREAK_HYPHENATION;
}

/* The code point of character k, 0 past the end. */
static inline uint32_t plain_cp(const plain_text *pt, uint32_t k)
{
	return k < pt->n ? pt->c[k].cp : 0;
}

static inline bool plain_kinsoku(const builder *b, const plain_text *pt, uint32_t k)
{
	return kinsoku_allows_cp(b->kinsoku, pt->c[k - 1].cp, pt->c[k].cp, plain_cp(pt, k + 1));
}

/* end_line for a plain element. With the element's punctuation to
 * restore in place (b->nsubs), the characters give the widths and each
 * restored character is a span of its own, as restore_spans makes them
 * for an element laid out from its restored text. */
static void plain_end_line(builder *b, const element_text *et, const plain_text *pt,
			   const line_fill *f)
{
	if (!b->nsubs) {
		end_line(b, et, f);
		return;
	}
	layout_line *line = push_line(b, et->element, f->start, f->continues);
	uint32_t a = f->span_from, z = f->ink_end;
	if (a >= z)
		return;
	const punct_sub *subs = b->subs;
	size_t j = b->subj;
	while (j < b->nsubs && subs[j].at < a)
		j++;
	int col0 = b->origin + f->lead, col = col0, w = 0;
	uint8_t style = et->tail_at <= a ? et->tail_style : et->style;
	uint32_t from = a;
	uint16_t nspans = 0;
	for (uint32_t k = f->k0; k < pt->n && pt->c[k].at < z; k++) {
		uint32_t at = pt->c[k].at;
		bool sub = j < b->nsubs && subs[j].at == at;
		if ((sub || at == et->tail_at) && at > from) {
			push_span(b, et->element, from, at, col, w, style, 0);
			nspans++;
			col += w;
			from = at;
			w = 0;
		}
		if (at == et->tail_at)
			style = et->tail_style;
		if (sub) {
			push_span(b, et->element, at, at + 1, col, pt->c[k].width, style,
				  (uint8_t)(LAYOUT_F_RESTORED |
					    (subs[j].cp == 0x201D ? LAYOUT_F_CLOSE : 0)));
			nspans++;
			col += pt->c[k].width;
			from = at + 1;
			j++;
			continue;
		}
		w += pt->c[k].width;
	}
	if (z > from) {
		push_span(b, et->element, from, z, col, w, style, 0);
		nspans++;
	}
	b->subj = j;
	line->nspans = nspans;
	line->width = (uint16_t)(col0 + f->col - f->lead);
}

/* try_hang at character k. Returns the index where the next line starts,
 * or 0 when the run cannot hang. */
static uint32_t plain_try_hang(builder *b, const element_text *et, const plain_text *pt,
			       line_fill *f, uint32_t k)
{
	int col = f->col;
	uint32_t q = k, last = f->last_cp;
	for (; q < pt->n && hangable(b->kinsoku, pt->c[q].cp); q++) {
		if (col + pt->c[q].width > b->avail + b->reserve)
			return 0;
		col += pt->c[q].width;
		last = pt->c[q].cp;
	}
	if (q < pt->n) {
		if (pt->c[q].brk != UC_BREAK_POSSIBLE)
			return 0;
		if (!kinsoku_allows_cp(b->kinsoku, last, pt->c[q].cp, plain_cp(pt, q + 1)))
			return 0;
	}
	f->ink_end = plain_at(et, pt, q);
	f->col = col;
	plain_end_line(b, et, pt, f);
	return q;
}

/* Character k does not fit on the line that started at k0 (f->col columns
 * up to it): the places the line may end at are the boundaries k0+1..k,
 * found backwards; ends the line at the best one (as break_line) and
 * returns the index where the next line starts. */
static uint32_t plain_break(builder *b, const element_text *et, const plain_text *pt,
			    line_fill *f, uint32_t k0, uint32_t k)
{
	brk_point ok = { 0 }, kin = { 0 }, uax = { 0 };
	int col = f->col;
	for (uint32_t j = k; j > k0; j--) {
		brk_point here = { pt->c[j].at, pt->c[j].at, col, j };
		bool u = plain_uax(pt, j);
		bool kn = plain_kinsoku(b, pt, j);
		if (u && kn) {
			ok = here;
			break;  /* the best kind: nothing before it matters */
		}
		if (kn && !kin.at)
			kin = here;
		if (u && !uax.at)
			uax = here;
		col -= pt->c[j - 1].width;
	}
	if (b->reserve && hangable(b->kinsoku, pt->c[k].cp) && ok.at != pt->c[k].at) {
		uint32_t next = plain_try_hang(b, et, pt, f, k);
		if (next)
			return next;
	}
	brk_point here = { pt->c[k].at, pt->c[k].at, f->col, k };
	const brk_point *bp = ok.at ? &ok : kin.at ? &kin : uax.at ? &uax : &here;
	f->ink_end = bp->ink_end;
	f->col = bp->col;
	plain_end_line(b, et, pt, f);
	return bp->k;
}

/* fill_line from character k0; returns the index where the next line
 * starts. */
static uint32_t plain_fill_line(builder *b, const element_text *et, const plain_text *pt,
				uint32_t k0, bool first)
{
	line_fill f;
	memset(&f, 0, sizeof(f));
	f.start = f.span_from = f.ink_end = pt->c[k0].at;
	f.k0 = k0;
	f.lead = f.col = first ? et->indent : 0;
	f.continues = !first;
	int w = pt->c[k0].width;
	if (f.col + w > b->avail) {
		if (w > b->avail) {
			end_placeholder_line(b, et, &f, f.start, plain_at(et, pt, k0 + 1) - f.start);
			return k0 + 1;
		}
		/* The first character: the indent gives way. */
		if (f.lead + w > b->avail)
			f.lead = f.col = b->avail - w;
	}
	f.col += w;
	uint32_t k = k0 + 1;
	/* the hot loop: nothing but widths until a character does not fit */
	while (k < pt->n && f.col + pt->c[k].width <= b->avail)
		f.col += pt->c[k++].width;
	f.ink = true;
	f.last_cp = pt->c[k - 1].cp;
	f.ink_end = plain_at(et, pt, k);
	if (k == pt->n) {
		plain_end_line(b, et, pt, &f);
		return k;
	}
	return plain_break(b, et, pt, &f, k0, k);
}

static void lay_plain(builder *b, const element_text *et, const plain_text *pt)
{
	for (uint32_t k = 0; k < pt->n;)
		k = plain_fill_line(b, et, pt, k, k == 0);
}

/* Longer elements (a page without line ends) go the library's way: their
 * decoded characters would take up to 12 bytes for each byte of text. */
enum { PLAIN_MAX_BYTES = 1 << 18 };

/* A huge element (a 20 MB paragraph) is laid out in pieces, with a look
 * at util_interrupt_requested between them, so that Ctrl-C is answered
 * at once (the layout is then cut short: it is only good for quitting).
 * Its break opportunities are found a chunk at a time, each chunk read
 * with BREAK_CONTEXT bytes before it for the rules that look back. */
enum { BREAK_CHUNK = 1 << 20, BREAK_CONTEXT = 1024, LINES_BETWEEN_LOOKS = 1024 };

/* u8_possible_linebreaks over s[0..n) into brk, a chunk at a time;
 * false when interrupted (brk then incomplete). */
static bool find_breaks(const char *s, uint32_t n, char *brk)
{
	if (n <= BREAK_CHUNK) {
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
		return true;
	}
	char saved[BREAK_CONTEXT];
	for (uint32_t a = 0; a < n;) {
		if (util_interrupt_requested())
			return false;
		uint32_t end = n - a > BREAK_CHUNK ? a + BREAK_CHUNK : n;
		while (end < n && ((unsigned char)s[end] & 0xC0) == 0x80)
			end++;          /* chunks end at a character boundary */
		uint32_t from = a > BREAK_CONTEXT ? a - BREAK_CONTEXT : 0;
		while (from < a && ((unsigned char)s[from] & 0xC0) == 0x80)
			from++;
		/* the context's results stay those of the chunk before */
		memcpy(saved, brk + from, a - from);
		u8_possible_linebreaks((const uint8_t *)s + from, end - from, "UTF-8", brk + from);
		memcpy(brk + from, saved, a - from);
		a = end;
	}
	return true;
}

/* ---- names stay whole ----
 *
 * In a byline, a dateline or a photo credit, a personal name (2 to 4 Han
 * characters) is never broken across lines, and a credit's 摄 or /文
 * never starts a line alone: where the line must break, the break goes
 * before the name. The break opportunities are libunistring's (UAX #14);
 * only those inside a name are taken away. A name is a run of Han
 * characters between spaces or punctuation, or, where nothing delimits
 * it (本报记者王磊通讯员李四摄), what lies between the titles of the
 * people named (记者, 通讯员, ...) and before a closing 摄 or 报道. */

static const char *const titles[] = {
	"本报记者", "本报通讯员", "特约记者", "摄影记者", "见习记者", "实习记者",
	"通讯员", "实习生", "记者",
};

/* What closes a credit run: the name before it stays with it. */
static const char *const closers[] = { "摄影", "报道", "摄" };

static void prohibit(char *brk, uint32_t from, uint32_t to)
{
	for (uint32_t p = from; p < to; p++)
		if (brk[p] == UC_BREAK_POSSIBLE)
			brk[p] = UC_BREAK_PROHIBITED;
}

/* The length of the word of `words` at s[p..z), or 0. */
static uint32_t word_at(const char *s, uint32_t p, uint32_t z, const char *const *words,
			size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(words[i]);
		if (z - p >= l && memcmp(s + p, words[i], l) == 0)
			return (uint32_t)l;
	}
	return 0;
}

/* Keeps whole the names of the Han run s[a, z). */
static void keep_run_names(const char *s, uint32_t a, uint32_t z, char *brk)
{
	uint32_t seg = a;       /* the name being read starts here */
	for (uint32_t p = a; p <= z;) {
		uint32_t tl = p < z ? word_at(s, p, z, titles, UTIL_ARRAY_LEN(titles)) : 0;
		if (p < z && !tl) {
			p += 3;         /* the run holds only ideographs: 3 bytes each */
			continue;
		}
		uint32_t end = p;
		/* a closing 摄 or 报道 stays with the name before it */
		for (uint32_t q = seg + 6; p == z && q < z; q += 3) {
			uint32_t cl = word_at(s, q, z, closers, UTIL_ARRAY_LEN(closers));
			if (cl && q + cl == z) {
				end = q;
				break;
			}
		}
		uint32_t nchars = (end - seg) / 3;
		if (nchars >= 2 && nchars <= 4)
			prohibit(brk, seg + 1, p);
		if (tl)
			prohibit(brk, p + 1, p + tl);   /* a title is a word too */
		p += tl ? tl : 1;
		seg = p;
	}
}

static void keep_names_whole(const element_text *et, char *brk)
{
	const char *s = et->s, *end = s + et->n;
	uint32_t p = et->names_at < et->n ? et->names_at : et->n;
	uint32_t prev_cp = 0;
	while (p < et->n) {
		uint32_t cp;
		int len = text_decode(s + p, end, &cp);
		if (!is_ideograph(cp)) {
			/* 摄 after a space, 文 after a slash: not alone on a line */
			prev_cp = cp;
			p += (uint32_t)len;
			continue;
		}
		uint32_t a = p, nchars = 0;
		while (p < et->n) {
			int l = text_decode(s + p, end, &cp);
			if (!is_ideograph(cp))
				break;
			p += (uint32_t)l;
			nchars++;
		}
		bool alone = nchars == 1 && (memcmp(s + a, "摄", 3) == 0 ||
					     memcmp(s + a, "文", 3) == 0 || memcmp(s + a, "图", 3) == 0);
		if (alone && (prev_cp == ' ' || prev_cp == '/' || prev_cp == 0x3000))
			prohibit(brk, a, a + 1);
		else if (nchars >= 2)
			keep_run_names(s, a, p, brk);
		prev_cp = cp;
	}
}

/* The library's way: UAX #14 opportunities and grapheme clusters. */
static void lay_library(builder *b, const element_text *et)
{
	util_grow((void **)&b->brk, &b->brk_cap, et->n, 1);
	if (!find_breaks(et->s, et->n, b->brk))
		return;
	if (et->names)
		keep_names_whole(et, b->brk);
	const char *end = et->s + et->n;
	uint32_t pos = 0;
	for (bool first = true; pos < et->n; first = false) {
		if (!first) {
			pos = (uint32_t)(text_skip_space(et->s + pos, end) - et->s);
			if (pos >= et->n)
				break;
			if (b->lay->nlines % LINES_BETWEEN_LOOKS == 0 && util_interrupt_requested())
				break;
		}
		pos = fill_line(b, et, pos, first);
	}
}

static void lay_text(builder *b, const element_text *et)
{
	size_t nchars;
	b->nchars = 0;
	/* names are found on the library's break opportunities (short texts) */
	if (!et->names && et->n <= PLAIN_MAX_BYTES &&
	    text_plain_scan(et->s, et->n, &b->chars, &b->chars_cap, &nchars)) {
		plain_text pt = { b->chars, (uint32_t)nchars };
		b->nchars = nchars;
		lay_plain(b, et, &pt);
		return;
	}
	lay_library(b, et);
}


/* ---- restored punctuation ----
 *
 * The widths and kinsoku must see the restored characters. A plain
 * element is scanned with them in place (text_plain_scan_subs) and laid
 * out in its own offsets, plain_end_line making each restored character
 * a span of its own (LAYOUT_F_RESTORED). Any other is laid out as its
 * restored text, then its lines and spans are given back the extracted
 * text's offsets and split the same way (restore_spans). Every restored
 * character is one ASCII byte in the extracted text and three bytes in
 * the restored one. */

/* The offset in the extracted text of restored offset r (a character
 * boundary): r less two bytes for each restored character before it.
 * restore_spans asks in order, so the count kept in *before moves a
 * little each time (either way, to stay exact). */
static uint32_t extracted_offset(const punct_sub *subs, size_t k, size_t *before, uint32_t r)
{
	size_t i = *before;
	while (i < k && subs[i].at + 2 * i < r)
		i++;
	while (i > 0 && subs[i - 1].at + 2 * (i - 1) >= r)
		i--;
	*before = i;
	return r - 2 * (uint32_t)i;
}

/* The columns of et->s[from, to): from the characters a plain element
 * was decoded into (pieces come in order, so *ci only moves on), else
 * measured again. */
static int piece_width(const builder *b, const element_text *et, uint32_t from, uint32_t to,
		       size_t *ci)
{
	if (!b->nchars)
		return span_width(et->s + from, et->s + to);
	while (*ci < b->nchars && b->chars[*ci].at < from)
		(*ci)++;
	int w = 0;
	for (; *ci < b->nchars && b->chars[*ci].at < to; (*ci)++)
		w += b->chars[*ci].width;
	return w;
}

static void restore_spans(builder *b, const element_text *et, size_t line0, size_t k)
{
	layout *lay = b->lay;
	if (line0 >= lay->nlines)
		return;
	const punct_sub *subs = b->subs;
	size_t span0 = lay->lines[line0].first_span, nold = lay->nspans - span0;
	util_grow((void **)&b->spans_tmp, &b->spans_tmp_cap, nold ? nold : 1, sizeof(layout_span));
	memcpy(b->spans_tmp, lay->spans + span0, nold * sizeof(layout_span));
	lay->nspans = span0;
	size_t j = 0;           /* next substitution */
	size_t ci = 0;          /* next plain character (piece_width) */
	size_t before = 0;      /* extracted_offset's count */
	for (size_t li = line0; li < lay->nlines; li++) {
		layout_line *line = &lay->lines[li];
		const layout_span *old = b->spans_tmp + (line->first_span - span0);
		uint16_t nspans = line->nspans;
		line->offset = extracted_offset(subs, k, &before, line->offset);
		line->first_span = (uint32_t)lay->nspans;
		line->nspans = 0;
		for (uint16_t q = 0; q < nspans; q++) {
			layout_span sp = old[q];
			if (sp.flags & LAYOUT_F_PLACEHOLDER) {
				sp.start = extracted_offset(subs, k, &before, sp.start);
				sp.end = extracted_offset(subs, k, &before, sp.end);
				UTIL_PUSH(lay->spans, lay->nspans, b->spans_cap, sp);
				line->nspans++;
				continue;
			}
			while (j < k && subs[j].at + 2 * j < sp.start)
				j++;
			uint32_t cur = sp.start;
			int col = sp.col;
			for (; j < k && subs[j].at + 2 * j < sp.end; j++) {
				uint32_t r = subs[j].at + 2 * (uint32_t)j;
				if (r > cur) {
					int w = piece_width(b, et, cur, r, &ci);
					push_span(b, sp.element, extracted_offset(subs, k, &before, cur),
						  subs[j].at, col, w, sp.style, 0);
					line->nspans++;
					col += w;
				}
				int w = text_cp_width(subs[j].cp);
				push_span(b, sp.element, subs[j].at, subs[j].at + 1, col, w, sp.style,
					  (uint8_t)(LAYOUT_F_RESTORED |
						    (subs[j].cp == 0x201D ? LAYOUT_F_CLOSE : 0)));
				line->nspans++;
				col += w;
				cur = r + 3;
			}
			if (cur < sp.end) {
				push_span(b, sp.element, extracted_offset(subs, k, &before, cur),
					  extracted_offset(subs, k, &before, sp.end), col,
					  piece_width(b, et, cur, sp.end, &ci), sp.style, 0);
				line->nspans++;
			}
		}
	}
}

/* Whether a plain element's character starts at byte `at`. */
static bool plain_boundary(const text_char *c, size_t n, uint32_t at)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && c[lo].at == at;
}

static void lay_element(builder *b, const element_text *et)
{
	size_t k = b->restore ? punct_find(et->s, et->n, &b->subs, &b->subs_cap) : 0;
	if (!k) {
		lay_text(b, et);
		return;
	}
	/* A plain element is laid out in its own offsets, the restored
	 * characters in place (the same lines as from its restored text,
	 * below: test_layout). A caption's credit must start on a
	 * character for the widths to be the characters'. */
	size_t nchars;
	bool plain = false;
	if (!et->names && et->n + 2 * k <= PLAIN_MAX_BYTES &&
	    text_plain_scan_subs(et->s, et->n, b->subs, k, &b->chars, &b->chars_cap, &nchars)) {
		if (et->tail_at >= et->n || plain_boundary(b->chars, nchars, et->tail_at)) {
			plain_text pt = { b->chars, (uint32_t)nchars };
			b->nchars = 0;
			b->nsubs = k;
			b->subj = 0;
			lay_plain(b, et, &pt);
			b->nsubs = 0;
			return;
		}
		plain = true;
	}
	util_grow((void **)&b->restored, &b->restored_cap, et->n + 2 * k, 1);
	char *r = b->restored;
	uint32_t from = 0, rn = 0;
	for (size_t j = 0; j < k; j++) {
		memcpy(r + rn, et->s + from, b->subs[j].at - from);
		rn += b->subs[j].at - from;
		uint32_t cp = b->subs[j].cp;
		r[rn++] = (char)(0xE0 | (cp >> 12));
		r[rn++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		r[rn++] = (char)(0x80 | (cp & 0x3F));
		from = b->subs[j].at + 1;
	}
	memcpy(r + rn, et->s + from, et->n - from);
	rn += et->n - from;
	element_text rt = *et;
	rt.s = r;
	rt.n = rn;
	/* offsets of the extracted text into the restored one */
	size_t before = 0;
	if (rt.tail_at != UINT32_MAX) {
		while (before < k && b->subs[before].at < et->tail_at)
			before++;
		rt.tail_at = et->tail_at + 2 * (uint32_t)before;
	}
	before = 0;
	while (before < k && b->subs[before].at < et->names_at)
		before++;
	rt.names_at = et->names_at + 2 * (uint32_t)before;
	size_t line0 = b->lay->nlines;
	/* the restored text is plain when the element is */
	b->nchars = 0;
	if (plain)
		lay_text(b, &rt);
	else
		lay_library(b, &rt);
	restore_spans(b, &rt, line0, k);
}

doc_str layout_span_text(const layout *lay, const layout_span *sp, doc_str text)
{
	if (sp->flags & LAYOUT_F_DECO) {
		doc_str d = { lay->deco + sp->start, sp->end - sp->start };
		return d;
	}
	if (!(sp->flags & LAYOUT_F_RESTORED) || sp->start >= text.len) {
		doc_str d = { text.s + sp->start, sp->end - sp->start };
		return d;
	}
	const char *s;
	switch (text.s[sp->start]) {
	case ',': s = "，"; break;
	case ':': s = "："; break;
	case ';': s = "；"; break;
	case '!': s = "！"; break;
	case '?': s = "？"; break;
	case '(': s = "（"; break;
	case ')': s = "）"; break;
	case '"': s = sp->flags & LAYOUT_F_CLOSE ? "”" : "“"; break;
	case '-': s = "—"; break;
	default: {
		doc_str d = { text.s + sp->start, sp->end - sp->start };
		return d;
	}
	}
	doc_str d = { s, 3 };
	return d;
}

static element_text element_of(doc_str t, uint32_t element, layout_style style)
{
	element_text et = {
		.s = t.s, .n = t.len, .element = element,
		.style = (uint8_t)style, .tail_style = (uint8_t)style, .tail_at = UINT32_MAX,
	};
	return et;
}

/* A caption whose credit (the parser found it) starts at byte `credit`. */
static element_text caption_of(doc_str t, uint32_t element, uint32_t credit)
{
	element_text et = element_of(t, element, LAYOUT_S_CAPTION);
	et.tail_style = LAYOUT_S_CREDIT;
	et.tail_at = credit < t.len ? credit : t.len;
	et.names = et.tail_at < t.len;
	et.names_at = et.tail_at;
	return et;
}

static element_text block_of(const builder *b, doc_str t, uint32_t element,
			     const doc_block *blk)
{
	switch ((doc_block_type)blk->type) {
	case DOC_SUBHEAD:
		return element_of(t, element, LAYOUT_S_SUBHEAD);
	case DOC_CAPTION:
		return caption_of(t, element, blk->credit);
	case DOC_JUMP:
		return element_of(t, element, LAYOUT_S_JUMP);
	case DOC_PARAGRAPH:
	default: {
		element_text et = element_of(t, element, LAYOUT_S_TEXT);
		uint32_t cp;
		text_decode(t.s, t.s + t.len, &cp);
		/* a paragraph printed with its own indent keeps it */
		et.indent = text_is_space(cp) ? 0 : b->indent;
		return et;
	}
	}
}

static const layout_style field_style[DOC_NFIELDS] = {
	[DOC_F_COLUMN] = LAYOUT_S_COLUMN,
	[DOC_F_KICKER] = LAYOUT_S_KICKER,
	[DOC_F_HEADLINE] = LAYOUT_S_HEADLINE,
	[DOC_F_SUBTITLE] = LAYOUT_S_SUBTITLE,
	[DOC_F_BYLINE] = LAYOUT_S_BYLINE,
	[DOC_F_DATELINE] = LAYOUT_S_DATELINE,
};

/* ---- what the layout adds (LAYOUT_F_DECO spans) ----
 *
 * Marks, brackets and notes are spans of the layout's own text: the
 * element's bytes and offsets stay as they are. Text is laid out beside
 * them by moving the measure (origin, avail) or by moving finished spans;
 * nothing here runs per character of the text. */

static void push_deco(builder *b, uint32_t element, const char *s, size_t len, int col,
		      uint8_t style)
{
	layout *lay = b->lay;
	util_grow((void **)&lay->deco, &b->deco_cap, lay->ndeco + len, 1);
	memcpy(lay->deco + lay->ndeco, s, len);
	push_span(b, element, (uint32_t)lay->ndeco, (uint32_t)(lay->ndeco + len), col,
		  text_width(s, len), style, LAYOUT_F_DECO);
	lay->ndeco += len;
}

/* The mark of a block of `type` ("" for an indent without one) and the
 * columns its lines move right by; NULL when it has none. */
static const char *block_mark(const layout_options *opt, int type, int *hang)
{
	const char *m = NULL;
	if (type == DOC_CAPTION && opt->caption_mark > 0 &&
	    (size_t)opt->caption_mark < UTIL_ARRAY_LEN(layout_caption_marks) - 1)
		m = layout_caption_marks[opt->caption_mark];
	else if (type == DOC_SUBHEAD && opt->subhead_mark > 0 &&
		 (size_t)opt->subhead_mark < UTIL_ARRAY_LEN(layout_subhead_marks) - 1)
		m = opt->subhead_mark == 1 ? "" : layout_subhead_marks[opt->subhead_mark];
	*hang = !m ? 0 : m[0] ? text_width(m, strlen(m)) + 1 : 2;
	return m;
}

/* Lays out a block behind its mark: the mark in the block's style at the
 * start of the first line, every line of text `hang` columns further
 * right. A measure too narrow for it gets the text alone. */
static void lay_marked(builder *b, const element_text *et, const char *mark, int hang)
{
	if (!mark || b->avail < 2 * hang + 8) {
		lay_element(b, et);
		return;
	}
	layout *lay = b->lay;
	size_t line0 = lay->nlines, span0 = lay->nspans;
	if (mark[0])
		push_deco(b, et->element, mark, strlen(mark), b->origin, et->style);
	b->origin += hang;
	b->avail -= hang;
	lay_element(b, et);
	b->origin -= hang;
	b->avail += hang;
	if (mark[0] && line0 < lay->nlines) {
		layout_line *l = &lay->lines[line0];
		l->first_span = (uint32_t)span0;
		l->nspans++;
		int w = lay->spans[span0].col + lay->spans[span0].width;
		if (l->width < w)
			l->width = (uint16_t)w;
	}
}

/* The bytes of s[0, len) that fit in `cols` columns; *w: their width. */
static size_t fit_cols(const char *s, size_t len, int cols, int *w)
{
	const char *p = s, *end = s + len;
	*w = 0;
	while (p < end) {
		uint32_t cp;
		int n = text_decode(p, end, &cp), cw = text_cp_width(cp);
		if (cw < 0)
			cw = 0;
		if (*w + cw > cols)
			break;
		*w += cw;
		p += n;
	}
	return (size_t)(p - s);
}

/* A line of its own holding the text s (cut with … to the measure). */
static void push_note_line(builder *b, uint32_t element, uint32_t offset, const char *s,
			   size_t len)
{
	int w;
	size_t n = fit_cols(s, len, b->avail, &w);
	if (n < len) {
		int ew = text_cp_width(0x2026);
		n = fit_cols(s, len, b->avail - ew, &w);
	}
	layout_line *line = push_line(b, element, offset, false);
	if (n == 0)
		return;
	util_buf t = { 0 };
	util_buf_add(&t, s, n);
	if (n < len)
		util_buf_adds(&t, "…");
	push_deco(b, element, t.data, t.len, b->origin, LAYOUT_S_NOTE);
	line->nspans = 1;
	line->width = (uint16_t)(b->origin + text_width(t.data, t.len));
	util_buf_free(&t);
}

/* A continued article says where it began: 上接第N版《headline》, the page
 * as its own 上接 jump line prints it, else as the issue numbers it. */
static void add_continued_from(builder *b, const doc_issue *issue, const doc_article *a)
{
	if (a->continued_from < 0 || (size_t)a->continued_from >= doc_narticles(issue))
		return;
	uint32_t from = (uint32_t)a->continued_from;
	int page = 0;
	for (uint32_t e = DOC_NFIELDS; e < doc_article_nelements(a) && !page; e++) {
		const doc_jump *j = doc_element_jump(issue, a, e);
		if (j && j->kind == DOC_JUMP_FROM && j->page > 0)
			page = j->page;
	}
	if (!page)
		page = doc_page_number(issue, doc_article_at(issue, from)->page);
	util_buf t = { 0 };
	util_buf_printf(&t, "上接第%d版", page);
	doc_str h = doc_element_shown(issue, from, DOC_F_HEADLINE);
	if (has_ink(h)) {
		util_buf_adds(&t, "《");
		if (b->restore)
			punct_restore(h.s, h.len, &t);
		else
			util_buf_add(&t, h.s, h.len);
		util_buf_adds(&t, "》");
	}
	push_note_line(b, DOC_F_COLUMN, 0, t.data, t.len);
	util_buf_free(&t);
}

/* The byline after its dateline, as printed: 本报讯（记者 X） on the
 * dateline's last line when it fits there whole, else on lines of its
 * own after it. */
static void lay_byline_after(builder *b, doc_str t)
{
	layout *lay = b->lay;
	size_t dl = lay->nlines - 1, line0 = lay->nlines, span0 = lay->nspans;
	const char *ink = text_skip_space(t.s, t.s + t.len);
	bool bracketed = *ink == '(' || (t.s + t.len - ink >= 3 && memcmp(ink, "（", 3) == 0);
	const char *open = bracketed ? "" : "（", *close = bracketed ? "" : "）";
	int col = lay->lines[dl].width, ow = bracketed ? 0 : text_width(open, strlen(open));
	if (ow)
		push_deco(b, DOC_F_BYLINE, open, strlen(open), col, LAYOUT_S_BYLINE);
	element_text et = element_of(t, DOC_F_BYLINE, LAYOUT_S_BYLINE);
	et.names = true;
	lay_element(b, &et);
	layout_line *bl = &lay->lines[line0];
	if (lay->nlines == line0 + 1 && bl->nspans) {
		int shift = col + ow - lay->spans[bl->first_span].col;
		int end = bl->width + shift;
		if (end + ow <= b->origin + b->avail) {
			for (uint32_t k = 0; k < bl->nspans; k++)
				lay->spans[bl->first_span + k].col = (uint16_t)(lay->spans[bl->first_span + k].col + shift);
			layout_line *d = &lay->lines[dl];
			d->nspans = (uint16_t)(d->nspans + bl->nspans + (ow ? 1 : 0));
			lay->nlines--;
			if (ow) {
				push_deco(b, DOC_F_BYLINE, close, strlen(close), end, LAYOUT_S_BYLINE);
				d->nspans++;
				end += ow;
			}
			d->width = (uint16_t)end;
			return;
		}
	}
	if (ow) {       /* on lines of its own: without the brackets */
		memmove(lay->spans + span0, lay->spans + span0 + 1,
			(lay->nspans - span0 - 1) * sizeof *lay->spans);
		lay->nspans--;
		lay->ndeco -= strlen(open);
		for (size_t i = line0; i < lay->nlines; i++)
			lay->lines[i].first_span--;
	}
}

/* A jump line that leads somewhere ends with the reader's hint (Enter:
 * follow), on its last line when it fits there, else on a line below. */
static void add_jump_hint(builder *b, const doc_issue *issue, const doc_article *a, uint32_t e,
			  uint32_t len)
{
	layout *lay = b->lay;
	const char *hint = lay->opt.jump_hint;
	const doc_jump *j = hint[0] ? doc_element_jump(issue, a, e) : NULL;
	if (!j || j->kind == DOC_JUMP_NONE || j->target < 0 || !lay->nlines)
		return;
	size_t n = strnlen(hint, sizeof lay->opt.jump_hint);
	int w = text_width(hint, n);
	layout_line *last = &lay->lines[lay->nlines - 1];
	int col = last->width + 2;
	if (col + w > b->origin + b->avail) {
		push_note_line(b, e, len, hint, n);
		return;
	}
	push_deco(b, e, hint, n, col, LAYOUT_S_NOTE);
	last->nspans++;
	last->width = (uint16_t)(col + w);
}

layout *layout_article(const doc_issue *issue, uint32_t article, int width,
		       const layout_options *opt)
{
	width = clamp_width(width);
	layout *lay = layout_new(width, opt, article);
	builder b;
	builder_init(&b, lay, width, opt);
	const doc_article *a = doc_article_at(issue, article);
	add_continued_from(&b, issue, a);
	bool header = lay->nlines > 0;
	/* the dateline before the byline, as printed */
	static const uint32_t order[] = {
		DOC_F_COLUMN, DOC_F_KICKER, DOC_F_HEADLINE, DOC_F_SUBTITLE,
		DOC_F_DATELINE, DOC_F_BYLINE,
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(order); i++) {
		uint32_t e = order[i];
		if (!has_ink(a->field[e]))
			continue;
		if (e == DOC_F_BYLINE && has_ink(a->field[DOC_F_DATELINE])) {
			lay_byline_after(&b, a->field[e]);
			continue;
		}
		element_text et = element_of(a->field[e], e, field_style[e]);
		et.names = e == DOC_F_BYLINE || e == DOC_F_DATELINE;
		lay_element(&b, &et);
		header = true;
	}
	bool first_block = true;
	for (uint32_t e = DOC_NFIELDS; e < doc_article_nelements(a); e++) {
		if (util_interrupt_requested())
			break;          /* quitting: a layout cut short */
		doc_str t = doc_element_text(issue, a, e);
		if (!has_ink(t))
			continue;
		if (first_block ? header : opt->blank_between)
			push_empty_line(&b, e);
		first_block = false;
		const doc_block *blk = doc_block_at(issue, a->first_block + e - DOC_NFIELDS);
		element_text et = block_of(&b, t, e, blk);
		int hang;
		const char *mark = block_mark(opt, blk->type, &hang);
		lay_marked(&b, &et, mark, hang);
		if (blk->type == DOC_JUMP)
			add_jump_hint(&b, issue, a, e, t.len);
	}
	builder_free(&b);
	return lay;
}

void layout_free(layout *lay)
{
	if (!lay)
		return;
	free(lay->lines);
	free(lay->spans);
	free(lay->deco);
	free(lay);
}

static bool line_at_or_before(const layout_line *l, uint32_t element, uint32_t offset)
{
	return l->element < element || (l->element == element && l->offset <= offset);
}

/* Header lines are in the order printed, not in element order (the
 * dateline before the byline, both on one line): they are looked through
 * one by one, for the last line holding the field's text up to offset. */
static size_t header_line_of(const layout *lay, uint32_t element, uint32_t offset)
{
	size_t first = SIZE_MAX, last = SIZE_MAX;
	for (size_t i = 0; i < lay->nlines && lay->lines[i].element < DOC_NFIELDS; i++) {
		const layout_line *l = &lay->lines[i];
		for (uint32_t k = 0; k < l->nspans; k++) {
			const layout_span *sp = &lay->spans[l->first_span + k];
			if (sp->element != element || (sp->flags & LAYOUT_F_DECO))
				continue;
			if (first == SIZE_MAX)
				first = i;
			if (sp->start <= offset)
				last = i;
		}
	}
	return last != SIZE_MAX ? last : first;
}

size_t layout_line_of(const layout *lay, uint32_t element, uint32_t offset)
{
	if (element < DOC_NFIELDS) {
		size_t i = header_line_of(lay, element, offset);
		if (i != SIZE_MAX)
			return i;
	}
	/* lines are in (element, offset) order: find the last one <= */
	size_t lo = 0, hi = lay->nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (line_at_or_before(&lay->lines[mid], element, offset))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

/* ---- the cache ---- */

struct layout_cache {
	const doc_issue *issue;
	layout_options opt;
	int width;
	layout **lays;          /* one per article, NULL until asked for */
	size_t n;
};

layout_cache *layout_cache_new(const doc_issue *issue, const layout_options *opt)
{
	layout_cache *c = util_calloc(1, sizeof(*c));
	c->issue = issue;
	c->opt = *opt;
	c->n = doc_narticles(issue);
	c->lays = util_calloc(c->n ? c->n : 1, sizeof(*c->lays));
	return c;
}

static void cache_clear(layout_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		layout_free(c->lays[i]);
		c->lays[i] = NULL;
	}
}

void layout_cache_free(layout_cache *cache)
{
	if (!cache)
		return;
	cache_clear(cache);
	free(cache->lays);
	free(cache);
}

const layout *layout_cache_get(layout_cache *cache, uint32_t article, int width)
{
	width = clamp_width(width);
	if (width != cache->width) {
		cache_clear(cache);
		cache->width = width;
	}
	if (!cache->lays[article])
		cache->lays[article] = layout_article(cache->issue, article, width, &cache->opt);
	return cache->lays[article];
}

static bool options_equal(const layout_options *a, const layout_options *b)
{
	return a->max_width == b->max_width && a->indent == b->indent &&
	       a->blank_between == b->blank_between && a->kinsoku == b->kinsoku &&
	       a->hanging_punctuation == b->hanging_punctuation && a->center == b->center &&
	       a->cjk_punctuation == b->cjk_punctuation &&
	       a->caption_mark == b->caption_mark && a->subhead_mark == b->subhead_mark &&
	       strcmp(a->jump_hint, b->jump_hint) == 0;
}

void layout_cache_set_options(layout_cache *cache, const layout_options *opt)
{
	if (options_equal(&cache->opt, opt))
		return;
	cache_clear(cache);
	cache->opt = *opt;
}

/* ---- a page caption ---- */

layout *layout_page_caption(doc_str text, uint32_t credit, int width, const layout_options *opt)
{
	width = clamp_width(width);
	layout *lay = layout_new(width, opt, UINT32_MAX);
	builder b;
	builder_init(&b, lay, width, opt);
	element_text et = caption_of(text, 0, credit);
	int hang;
	const char *mark = block_mark(opt, DOC_CAPTION, &hang);
	lay_marked(&b, &et, mark, hang);
	builder_free(&b);
	return lay;
}
