/* columns.c — bands of two (or three) columns side by side, read one after
 * the other (see columns.h). */
#include "columns.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* A gutter is this many spaces at least; a column's own words are set
 * apart by fewer (or by ideographic spaces, which stay text). */
enum { GUTTER_MIN = 3 };
/* How far a right column's lines may start from one another (columns:
 * a Han character's width), how far in its paragraphs' first lines may
 * be set (an indent of spaces: less is the layout's jitter), and how
 * many characters may stand at its right edge (a signature at a band's
 * head; pushed right under a title, a byline). */
enum { ALIGN_SLACK = 2, INDENT_MIN = 3, INDENT_MAX = 8, EDGE_CHARS = 8, PUSHED_CHARS = 12 };
/* A band needs this many lines with text on both sides, of which this
 * many hold prose on both (PROSE_CHARS characters at least each side):
 * two cells of a table are short. */
enum { BAND_PAIRS_MIN = 3, BAND_PROSE_MIN = 3, PROSE_CHARS = 6 };

typedef struct seg {
	size_t from, to;        /* bytes of the line */
	unsigned col, end_col;  /* display columns */
	unsigned chars;         /* characters, spaces aside */
} seg;

typedef struct line {
	const char *s;
	size_t len;             /* without its line end */
	seg seg[2];
	unsigned nseg;          /* 0: blank; 3: more than two pieces */
} line;

/* The columns the character cp takes at column col (a tab to the next
 * stop of eight; a control character none). */
static unsigned cell_width(uint32_t cp, unsigned col)
{
	int w = cp == '\t' ? 8 - (int)(col % 8) : text_cp_width(cp);
	return w < 0 ? 0 : (unsigned)w;
}

/* The pieces of the line s set apart by gutters, at most max kept in
 * segs; their count, or max + 1 when there are more. */
static unsigned split_pieces(const char *s, size_t len, seg *segs, unsigned max)
{
	const char *p = s, *end = s + len;
	unsigned col = 0, spaces = 0, n = 0;
	bool in_seg = false;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		unsigned w = cell_width(cp, col);
		if (cp == ' ' || cp == '\t') {
			spaces += w;
		} else {
			if (!in_seg || spaces >= GUTTER_MIN) {
				if (n == max)
					return max + 1;
				segs[n++] = (seg){ (size_t)(p - s), 0, col, 0, 0 };
				in_seg = true;
			}
			seg *sg = &segs[n - 1];
			sg->to = (size_t)(p + k - s);
			sg->end_col = col + w;
			sg->chars += !text_is_space(cp);
			spaces = 0;
		}
		col += w;
		p += k;
	}
	return n;
}

/* The line's pieces set apart by gutters (at most two kept). */
static void split_line(line *l)
{
	l->nseg = split_pieces(l->s, l->len, l->seg, 2);
}

/* Whether line l stands in a band whose right column starts at column r. */
static bool fits_band(const line *l, unsigned r)
{
	if (l->nseg == 0)
		return true;
	if (l->nseg == 3)
		return false;
	/* (a few characters pushed to the right column's edge: its
	 * signature, "□ 海　风", or a byline under a pair of titles,
	 * "记者张雅惠／臺東報導") */
	/* (a left line a character or two over its column's measure, the
	 * right one set in past it by a gutter still: "…能不能也办一个？    小巷…") */
	if (l->nseg == 2)
		return l->seg[1].col + INDENT_MAX >= r && (l->seg[1].col <= r + INDENT_MAX || l->seg[1].chars <= PUSHED_CHARS) &&
		       l->seg[0].end_col + 1 < l->seg[1].col &&
		       (l->seg[0].end_col + ALIGN_SLACK <= r ||
			(l->seg[0].end_col <= r + ALIGN_SLACK && l->seg[0].end_col + GUTTER_MIN <= l->seg[1].col));
	/* one piece: the left column's (short of the gutter), or the right's
	 * (set in it anywhere: a signature pushed to its right edge) */
	return l->seg[0].end_col + ALIGN_SLACK <= r || l->seg[0].col + ALIGN_SLACK >= r;
}

/* The last character of the text [s, at), 0 for none. */
static uint32_t last_char(const char *s, const char *at)
{
	uint32_t z = 0;
	if (at > s)
		text_decode(text_prev(s, at), at, &z);
	return z;
}

/* A piece that ends a sentence (a paragraph's short last line:
 * "资金需求。"), two characters at least. */
static bool piece_ends_sentence(const line *l, const seg *sg)
{
	uint32_t z = last_char(l->s + sg->from, l->s + sg->to);
	return sg->chars >= 2 && (z == 0x3002 || z == 0xFF01 || z == 0xFF1F);
}

static bool prose_pair(const line *l)
{
	if (l->nseg != 2)
		return false;
	bool left = l->seg[0].chars >= PROSE_CHARS, right = l->seg[1].chars >= PROSE_CHARS;
	return (left && right) || (left && piece_ends_sentence(l, &l->seg[1])) ||
	       (right && piece_ends_sentence(l, &l->seg[0]));
}

/* Whether a piece of a line holds a sentence's punctuation (，。、：；！？)
 * or brackets (a dateline's byline: no title's). */
static bool piece_punctuated(const line *l, const seg *sg)
{
	if (memchr(l->s + sg->from, '(', sg->to - sg->from))
		return true;
	static const char *const marks[] = { "，", "。", "、", "：", "；", "！", "？", "（" };
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (memmem(l->s + sg->from, sg->to - sg->from, marks[k], 3))
			return true;
	return false;
}

/* "省政府召开常务会议      让项目建设跑出加速度": two titles side by
 * side, short and unpunctuated, each centred in its column (set in
 * farther than a paragraph's indent from the column's edge: the left's
 * at the page's margin, the right's at r), under a blank line: a new
 * band opens there, two stories of its own (the band above ends; a
 * column's subheads and a table's cells stand at the edge). */
enum { TITLE_CHARS_MAX = 20, LABEL_CHARS_MAX = 6 };
enum { PAIR_NONE, PAIR_TITLES, PAIR_LABELS };
static int title_pair(const line *l, size_t margin, unsigned r)
{
	if (l->nseg != 2 || l->seg[0].chars > TITLE_CHARS_MAX || l->seg[1].chars > TITLE_CHARS_MAX ||
	    piece_punctuated(l, &l->seg[0]) || piece_punctuated(l, &l->seg[1]))
		return PAIR_NONE;
	if (l->seg[0].col >= margin + INDENT_MAX && l->seg[1].col >= r + INDENT_MAX)
		return PAIR_TITLES;
	/* (or two columns' labels, a word or two each, at the edges:
	 * "期市观察      交易提示"; under a band's text only, a pair of
	 * bylines under a pair of titles being as short) */
	return l->seg[0].chars <= LABEL_CHARS_MAX && l->seg[1].chars <= LABEL_CHARS_MAX ? PAIR_LABELS : PAIR_NONE;
}

/* Whether lines k and k + 1 are both blank: two blank lines part blocks
 * of the page, a band ends there. */
static bool two_blanks(const line *ls, size_t k, size_t n)
{
	return k + 1 < n && ls[k].nseg == 0 && ls[k + 1].nseg == 0;
}

/* The lines of prose side by side from line j down to where a band
 * from there would end. */
static unsigned prose_below(const line *ls, size_t j, size_t n, unsigned r)
{
	unsigned prose = 0;
	for (size_t k = j; k < n && fits_band(&ls[k], r) && !two_blanks(ls, k, n); k++)
		prose += prose_pair(&ls[k]);
	return prose;
}

/* The least start of a right piece among the band's lines so far. */
static unsigned right_edge(const line *l, unsigned r)
{
	return l->nseg == 2 && l->seg[1].col < r ? l->seg[1].col : r;
}

/* The band grown from line i (a line of two pieces) within [lo, n):
 * [*a, *b), or false when it holds too few lines of prose side by side. */
static bool band_at(const line *ls, size_t lo, size_t n, size_t i, size_t margin, size_t *a, size_t *b, unsigned *at)
{
	unsigned r = ls[i].seg[1].col, edge = r, prose_above = prose_pair(&ls[i]);
	size_t first = i, last = i + 1;
	/* (a pair of titles opens the next band only when that band holds
	 * enough text side by side to be read as one; the right column's
	 * edge is where its lines start the least far, a paragraph's first
	 * line set in farther) */
	int pair;
	while (last < n && fits_band(&ls[last], edge) && !two_blanks(ls, last, n) &&
	       !(last + 1 < n && ls[last].nseg == 0 && (pair = title_pair(&ls[last + 1], margin, edge)) != PAIR_NONE &&
		 (pair == PAIR_TITLES || prose_above >= BAND_PROSE_MIN) &&
		 prose_below(ls, last + 1, n, edge) >= BAND_PROSE_MIN)) {
		edge = right_edge(&ls[last], edge);
		prose_above += prose_pair(&ls[last]);
		last++;
	}
	/* (two blank lines part blocks of the page: the band ends there) */
	while (first > lo && fits_band(&ls[first - 1], edge) && !(first - 1 > lo && two_blanks(ls, first - 2, n)))
		first--;
	/* a band opens with a line of both columns (titles side by side, or
	 * text): what stands alone above it is the page's (a byline pushed
	 * to the right over a story set across both) */
	while (first < i && ls[first].nseg != 2)
		first++;
	while (last > first && ls[last - 1].nseg == 0)
		last--;
	unsigned pairs = 0, prose = 0;
	for (size_t k = first; k < last; k++) {
		pairs += ls[k].nseg == 2;
		prose += prose_pair(&ls[k]);
	}
	if (pairs < BAND_PAIRS_MIN || prose < BAND_PROSE_MIN || prose * 2 < pairs)
		return false;
	/* the right column starts where its lines start, indents aside */
	for (size_t k = first; k < last; k++)
		if (ls[k].nseg == 2 && ls[k].seg[1].col < r)
			r = ls[k].seg[1].col;
	*a = first;
	*b = last;
	*at = r;
	return true;
}

static void put_line(util_buf *out, const char *s, size_t len)
{
	util_buf_add(out, s, len);
	util_buf_addc(out, '\n');
}

/* The spaces before the lines of [a, b), the least of them (0 when none
 * has text); with `left_of`, only of lines whose text starts left of
 * that column. */
static size_t least_lead(const line *ls, size_t a, size_t b, unsigned left_of)
{
	size_t least = SIZE_MAX;
	for (size_t k = a; k < b && least; k++) {
		const line *l = &ls[k];
		if (l->nseg == 0 || (left_of && l->seg[0].col + ALIGN_SLACK >= left_of))
			continue;
		size_t m = 0;
		while (m < l->len && l->s[m] == ' ')
			m++;
		if (m < least)
			least = m;
	}
	return least == SIZE_MAX ? 0 : least;
}

/* The margin -layout sets before every line of the page is left out of
 * the text written again (a column's lines would read as indented under
 * the page's); a line of the page without it. */
static void put_text(util_buf *out, const char *s, size_t len, size_t margin)
{
	size_t m = 0;
	while (m < margin && m < len && s[m] == ' ')
		m++;
	put_line(out, s + m, len - m);
}

/* Where most of the right column's lines start (indents and the
 * layout's jitter of a column or two aside). */
static unsigned right_base(const line *ls, size_t a, size_t b, unsigned r)
{
	unsigned best = r, best_n = 0;
	for (size_t k = a; k < b; k++) {
		const line *l = &ls[k];
		if (l->nseg == 0 || l->seg[l->nseg - 1].col + ALIGN_SLACK < r)
			continue;
		unsigned c = l->seg[l->nseg - 1].col, n = 0;
		for (size_t j = a; j < b; j++)
			n += ls[j].nseg && ls[j].seg[ls[j].nseg - 1].col == c;
		if (n > best_n || (n == best_n && c < best)) {
			best = c;
			best_n = n;
		}
	}
	return best;
}

/* The side of a band's line: its left piece with the margin before it,
 * or its right piece; what stands on that side of the gutter. */
static bool side_of(const line *l, bool right, unsigned r, const char **s, size_t *len, unsigned *col)
{
	for (unsigned k = 0; k < l->nseg && k < 2; k++) {
		const seg *sg = &l->seg[k];
		bool on_right = sg->col + ALIGN_SLACK >= r;
		if (on_right != right)
			continue;
		*s = right ? l->s + sg->from : l->s;
		*len = right ? sg->to - sg->from : sg->to;
		*col = sg->col;
		return true;
	}
	return false;
}

/* 。！？… and the closing quote or bracket after one: a line's last
 * character that ends a sentence. */
static bool ends_sentence_mark(uint32_t z)
{
	return z == 0x3002 || z == 0xFF01 || z == 0xFF1F || z == 0x2026 || z == 0x201D || z == 0x300D || z == 0xFF09;
}

/* Where the right column's lines end, the farthest of them. */
static unsigned right_end(const line *ls, size_t a, size_t b, unsigned r)
{
	unsigned end = 0;
	for (size_t k = a; k < b; k++) {
		const line *l = &ls[k];
		if (l->nseg && l->seg[l->nseg - 1].col + ALIGN_SLACK >= r && l->seg[l->nseg - 1].end_col > end)
			end = l->seg[l->nseg - 1].end_col;
	}
	return end;
}

/* Whether the right piece of line l (starting at col, len bytes) set in
 * from the column's edge is a paragraph's first line: it fills the
 * column, holds a sentence's punctuation, or ends a sentence (a
 * paragraph of one line); a short line set in, bare and unfinished, is
 * a title set in the column. */
enum { FILL_SLACK = 4 };
static bool indented_text(const line *l, unsigned col, size_t len, unsigned right_max)
{
	const seg *sg = &l->seg[l->nseg - 1];
	if (sg->col != col || sg->end_col + FILL_SLACK >= right_max || piece_punctuated(l, sg))
		return true;
	return ends_sentence_mark(last_char(l->s + sg->from, l->s + sg->from + len));
}

/* Writes one side of the band, its blank lines at either end left out;
 * whether its last line ends a sentence. */
static bool put_side(util_buf *out, const line *ls, size_t a, size_t b, bool right, unsigned r, size_t margin)
{
	/* (the left column's lines in the band beyond the page's margin) */
	size_t left = right ? least_lead(ls, a, b, r) : 0, left_margin = left > margin ? left - margin : 0;
	size_t first = a, last = b;
	const char *s;
	size_t len;
	unsigned col, base = right ? right_base(ls, a, b, r) : 0, right_max = right ? right_end(ls, a, b, r) : 0;
	while (first < last && !side_of(&ls[first], right, r, &s, &len, &col))
		first++;
	while (last > first && !side_of(&ls[last - 1], right, r, &s, &len, &col))
		last--;
	for (size_t k = first; k < last; k++) {
		if (!side_of(&ls[k], right, r, &s, &len, &col)) {
			util_buf_addc(out, '\n');
			continue;
		}
		/* (the right column set at the left's margin, and a paragraph
		 * of it set in by spaces keeps them: indents read alike in
		 * both; a column or two off its line is the layout's jitter) */
		/* (nor is one pushed right by the left line over its measure) */
		bool pushed = right && ls[k].nseg == 2 && ls[k].seg[0].end_col + ALIGN_SLACK > r;
		unsigned indent = right && !pushed && col >= base + INDENT_MIN && col <= base + INDENT_MAX &&
					  indented_text(&ls[k], col, len, right_max) ? col - base : 0;
		for (unsigned m = 0; right && m < indent + left_margin; m++)
			util_buf_addc(out, ' ');
		put_text(out, s, len, right ? 0 : margin);
	}
	if (last == first || !side_of(&ls[last - 1], right, r, &s, &len, &col))
		return true;
	return ends_sentence_mark(last_char(s, s + len));
}

/* "受美联储降息预期升温和地缘局势反复影      本报记者  柳  岩": the
 * band's first line holds, beside the left column's text, a few
 * characters pushed far into the right column over a gap in it (the
 * next line has nothing there): the story's byline, set at the head of
 * its second column. It reads before both columns, not inside the
 * left's sentence where the right column joins it. */
enum { LINE_CHARS_MIN = 12 };
static bool head_signature(const line *ls, size_t a, size_t b, unsigned r)
{
	/* (beside a line of the left column's text, set at its edge: not
	 * beside a title centred over a story, a column's label beside it) */
	if (a + 2 >= b || ls[a].nseg != 2 || ls[a].seg[0].chars < LINE_CHARS_MIN || ls[a].seg[1].chars > EDGE_CHARS ||
	    ls[a].seg[0].col > least_lead(ls, a, b, r) + INDENT_MAX)
		return false;
	const char *s;
	size_t len;
	unsigned col;
	return ls[a].seg[1].col >= right_base(ls, a, b, r) + INDENT_MAX && !side_of(&ls[a + 1], true, r, &s, &len, &col) &&
	       side_of(&ls[a + 2], true, r, &s, &len, &col);
}

/* Whether the right column of the band [a, b) opens with a short line
 * of no punctuation that a blank line follows in the column: a label or
 * a title, no sentence's rest. */
static bool right_opens_apart(const line *ls, size_t a, size_t b, unsigned r)
{
	const char *s;
	size_t len;
	unsigned col;
	size_t k = a;
	while (k < b && !side_of(&ls[k], true, r, &s, &len, &col))
		k++;
	if (k + 1 >= b)
		return false;
	const seg *sg = &ls[k].seg[ls[k].nseg - 1];
	return sg->chars <= TITLE_CHARS_MAX && !piece_punctuated(&ls[k], sg) &&
	       !side_of(&ls[k + 1], true, r, &s, &len, &col);
}

static line *read_lines(const char *text, size_t len, size_t *n)
{
	line *ls = NULL;
	size_t cap = 0;
	*n = 0;
	for (const char *p = text, *end = text + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		line l = { .s = p, .len = (size_t)(e - p) };
		if (l.len && p[l.len - 1] == '\r')
			l.len--;
		UTIL_PUSH(ls, *n, cap, l);
		p = nl ? nl + 1 : end;
	}
	return ls;
}

/* Whether GUTTER_MIN spaces stand in a row anywhere (most pages have no
 * gutter at all: a look before any line is read; Chinese text has few
 * spaces, so memchr leaps). */
static bool has_gutter(const char *text, size_t len)
{
	const char *end = text + len;
	for (const char *p = memchr(text, ' ', len); p; p = memchr(p + 1, ' ', (size_t)(end - p - 1))) {
		if (end - p < GUTTER_MIN)
			return false;
		if (p[1] == ' ' && p[2] == ' ')
			return true;
	}
	return false;
}

/* The page's margin: the least spaces before a quarter of the lines of
 * text at least (a running header may stand out of it; paragraphs'
 * first lines and titles are set in from it), else the least lead. */
enum { MARGIN_WIDTH_MAX = 16 };
static size_t text_margin(const line *ls, size_t n)
{
	unsigned hist[MARGIN_WIDTH_MAX + 1] = { 0 }, total = 0;
	size_t least = least_lead(ls, 0, n, 0);
	for (size_t k = 0; k < n; k++) {
		const line *l = &ls[k];
		if (l->nseg == 0 || l->seg[0].chars < PROSE_CHARS)
			continue;
		size_t m = 0;
		while (m < l->len && l->s[m] == ' ')
			m++;
		if (m <= MARGIN_WIDTH_MAX) {
			hist[m]++;
			total++;
		}
	}
	for (size_t m = least; m <= MARGIN_WIDTH_MAX; m++)
		if (hist[m] && hist[m] * 4 >= total)
			return m;
	return least;
}

/* Bands of three columns side by side (a lead set across a page in
 * three: pdftotext -layout keeps them on one line). A line of the band
 * holds up to three pieces, each starting at (or set in a paragraph's
 * indent from) its column's edge and ending short of the next column;
 * the band holds THREE_PROSE_MIN lines of prose in all three at least.
 * Each band is written again a column after the other, the columns'
 * edges put back at the page's margin; the rest of the page as it was
 * (two columns side by side are read by the pass after this one). */
enum { THREE_PROSE_MIN = 3 };

typedef struct line3 {
	seg seg[3];
	unsigned col[3];        /* the column of each piece */
	unsigned nseg;          /* 0: blank */
} line3;

/* The line cut at the columns' edges c1 and c2 into its pieces, one per
 * column it has text in (t->seg[k] for column t->col[k]); false when a
 * character stands across an edge, or a piece is set in farther from
 * its column's edge than a paragraph's indent. */
static bool cut_three(const line *l, unsigned c1, unsigned c2, line3 *t)
{
	unsigned edge[3] = { 0, c1, c2 }, col = 0;
	bool after_space = true;
	t->nseg = 0;
	const char *p = l->s, *end = l->s + l->len;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		unsigned w = cell_width(cp, col);
		if (cp != ' ' && cp != '\t') {
			unsigned c = col >= c2 ? 2 : col >= c1 ? 1 : 0;
			if (c < 2 && col + w > edge[c + 1])
				return false;   /* across the edge */
			if (!t->nseg || t->col[t->nseg - 1] != c) {
				/* (a column's piece starts after a space: words
				 * running on across the edge are a line set
				 * across the band) */
				if ((c && col > edge[c] + INDENT_MAX) || !after_space)
					return false;
				t->col[t->nseg] = c;
				t->seg[t->nseg++] = (seg){ (size_t)(p - l->s), 0, col, 0, 0 };
			}
			seg *sg = &t->seg[t->nseg - 1];
			sg->to = (size_t)(p + k - l->s);
			sg->end_col = col + w;
			sg->chars += !text_is_space(cp);
		}
		after_space = cp == ' ' || cp == '\t';
		col += w;
		p += k;
	}
	return true;
}

/* A line of prose in all three columns: pieces of some length, a
 * sentence's punctuation in two of them at least (a table's cells of
 * words side by side hold none). */
static bool prose_three(const line *l, const line3 *t)
{
	if (t->nseg != 3 || t->seg[0].chars < PROSE_CHARS || t->seg[1].chars < PROSE_CHARS || t->seg[2].chars < PROSE_CHARS)
		return false;
	unsigned punctuated = 0;
	for (unsigned k = 0; k < 3; k++)
		punctuated += piece_punctuated(l, &t->seg[k]);
	return punctuated >= 2;
}

/* Writes column c of the band [a, b) (each line cut into ts): its
 * pieces, a line each (a line without one a blank), a paragraph's indent
 * kept; whether its last line ends a sentence. */
static bool put_column3(util_buf *out, const line *ls, const line3 *ts, size_t a, size_t b, unsigned c)
{
	unsigned base = UINT32_MAX;
	size_t first = b, last = a;
	for (size_t k = a; k < b; k++)
		for (unsigned j = 0; j < ts[k].nseg; j++)
			if (ts[k].col[j] == c) {
				base = ts[k].seg[j].col < base ? ts[k].seg[j].col : base;
				first = k < first ? k : first;
				last = k + 1;
			}
	const char *s = NULL;
	size_t len = 0;
	for (size_t k = first; k < last; k++) {
		const seg *sg = NULL;
		for (unsigned j = 0; j < ts[k].nseg; j++)
			if (ts[k].col[j] == c)
				sg = &ts[k].seg[j];
		if (!sg) {
			util_buf_addc(out, '\n');
			continue;
		}
		unsigned indent = sg->col >= base + INDENT_MIN && sg->col <= base + INDENT_MAX ? sg->col - base : 0;
		for (unsigned m = 0; m < indent; m++)
			util_buf_addc(out, ' ');
		s = ls[k].s + sg->from;
		len = sg->to - sg->from;
		put_line(out, s, len);
	}
	return !s || ends_sentence_mark(last_char(s, s + len));
}

/* The band of three columns grown from line i (three pieces of prose
 * apart by gutters), within [lo, n): [*a, *b), each line cut into ts,
 * or false. */
static bool band3_at(const line *ls, line3 *ts, size_t lo, size_t n, size_t i, size_t *a, size_t *b)
{
	seg g[3];
	if (split_pieces(ls[i].s, ls[i].len, g, 3) != 3)
		return false;
	/* (the edges: where the pieces of the band's prose lines start the
	 * least far, an indented first line set in farther) */
	unsigned e1 = g[1].col, e2 = g[2].col;
	for (size_t k = i + 1; k < n && ls[k].len; k++)
		if (split_pieces(ls[k].s, ls[k].len, g, 3) == 3 && g[0].chars >= PROSE_CHARS && g[1].chars >= PROSE_CHARS &&
		    g[2].chars >= PROSE_CHARS && g[1].col + INDENT_MAX >= e1 && g[1].col <= e1 + INDENT_MAX &&
		    g[2].col + INDENT_MAX >= e2 && g[2].col <= e2 + INDENT_MAX) {
			e1 = g[1].col < e1 ? g[1].col : e1;
			e2 = g[2].col < e2 ? g[2].col : e2;
		}
	size_t first = i, last = i;
	while (last < n && cut_three(&ls[last], e1, e2, &ts[last]) &&
	       !(last + 1 < n && ts[last].nseg == 0 && ls[last + 1].len == 0))
		last++;
	while (first > lo && ls[first - 1].len && cut_three(&ls[first - 1], e1, e2, &ts[first - 1]) && ts[first - 1].nseg)
		first--;
	while (last > first && ts[last - 1].nseg == 0)
		last--;
	unsigned prose = 0;
	for (size_t k = first; k < last; k++)
		prose += prose_three(&ls[k], &ts[k]);
	if (prose < THREE_PROSE_MIN)
		return false;
	*a = first;
	*b = last;
	return true;
}

/* The page with its bands of three columns read a column after the
 * other, in a new buffer; false when it has none. */
static bool unfold_three(const char *text, size_t len, char **out, size_t *out_len)
{
	size_t n;
	line *ls = read_lines(text, len, &n);
	line3 *ts = n ? calloc(n, sizeof *ts) : NULL;
	if (n && !ts)
		abort();
	util_buf buf = { 0 };
	size_t done = 0, bands = 0;
	for (size_t i = 0; i < n; i++) {
		size_t a, b;
		if (!band3_at(ls, ts, done, n, i, &a, &b))
			continue;
		for (size_t k = done; k < a; k++)
			put_line(&buf, ls[k].s, ls[k].len);
		/* (a column's text runs on into the next one's when it stops
		 * inside a sentence; else a blank line parts them) */
		for (unsigned c = 0; c < 3; c++)
			if (put_column3(&buf, ls, ts, a, b, c) && c < 2)
				util_buf_addc(&buf, '\n');
		done = i = b;
		i--;
		bands++;
	}
	if (bands)
		for (size_t k = done; k < n; k++)
			put_line(&buf, ls[k].s, ls[k].len);
	free(ts);
	free(ls);
	if (!bands) {
		free(buf.data);
		return false;
	}
	*out = buf.data;
	*out_len = buf.len;
	return true;
}

static bool unfold_two(const char *text, size_t len, char **out, size_t *out_len);

bool columns_unfold(const char *text, size_t len, char **out, size_t *out_len)
{
	if (!has_gutter(text, len))
		return false;
	char *three;
	size_t three_len;
	if (!unfold_three(text, len, &three, &three_len))
		return unfold_two(text, len, out, out_len);
	if (!unfold_two(three, three_len, out, out_len)) {
		*out = three;
		*out_len = three_len;
		return true;
	}
	free(three);
	return true;
}

static bool unfold_two(const char *text, size_t len, char **out, size_t *out_len)
{
	size_t n;
	line *ls = read_lines(text, len, &n);
	for (size_t k = 0; k < n; k++)
		split_line(&ls[k]);
	util_buf buf = { 0 };
	size_t done = 0, bands = 0, margin = text_margin(ls, n);
	for (size_t i = 0; i < n; i++) {
		size_t a, b;
		unsigned r;
		if (ls[i].nseg != 2 || !prose_pair(&ls[i]) || !band_at(ls, done, n, i, margin, &a, &b, &r))
			continue;
		for (size_t k = done; k < a; k++)
			put_text(&buf, ls[k].s, ls[k].len, margin);
		if (head_signature(ls, a, b, r)) {
			/* (set where it stood, across the band; and the right
			 * column read from the line after it) */
			const seg *sg = &ls[a].seg[1];
			for (unsigned m = 0; m + margin < sg->col; m++)
				util_buf_addc(&buf, ' ');
			put_line(&buf, ls[a].s + sg->from, sg->to - sg->from);
			ls[a].nseg = 1;
		}
		/* the left column's text runs on into the right's when it
		 * stops inside a sentence; else a blank line parts them (and
		 * a right column opening with a label or a title set apart,
		 * "我有话说" over a blank line, starts anew) */
		if (put_side(&buf, ls, a, b, false, r, margin) || right_opens_apart(ls, a, b, r))
			util_buf_addc(&buf, '\n');
		put_side(&buf, ls, a, b, true, r, margin);
		done = i = b;
		i--;
		bands++;
	}
	if (!bands) {
		free(ls);
		free(buf.data);
		return false;
	}
	for (size_t k = done; k < n; k++)
		put_text(&buf, ls[k].s, ls[k].len, margin);
	free(ls);
	*out = buf.data;
	*out_len = buf.len;
	return true;
}
