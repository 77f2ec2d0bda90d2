/* text.c — see text.h. */
#include "text.h"

#include "util.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

bool text_init_locale(const char **name)
{
	const char *got = setlocale(LC_ALL, "");
	if (!got || !codeset_is_utf8()) {
		/* Widths must follow UTF-8 rules whatever the user's locale is. */
		static const char *fallbacks[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
		got = NULL;
		for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks && !got; i++) {
			got = setlocale(LC_CTYPE, fallbacks[i]);
			if (got && !codeset_is_utf8())
				got = NULL;
		}
	}
	if (name)
		*name = setlocale(LC_CTYPE, NULL);
	return got != NULL;
}

int text_decode_other(const char *s, const char *end, uint32_t *cp)
{
	ucs4_t uc;
	int n = u8_mbtouc(&uc, (const uint8_t *)s, (size_t)(end - s));
	*cp = uc;
	return n > 0 ? n : 1;
}

void text_han_pairs_init(text_han_pairs *it, const char *s, size_t len)
{
	/* an absent text (len 0) may have no pointer: no arithmetic on it */
	it->p = it->end = s;
	it->c = 0;
	it->n = 0;
	if (len) {
		it->end = s + len;
		it->n = text_decode(s, it->end, &it->c);
	}
}

const char *text_skip_space_other(const char *s, const char *end)
{
	while (s < end) {
		if (*s == ' ') {
			s++;
			continue;
		}
		uint32_t cp;
		int n = text_decode(s, end, &cp);
		if (!text_is_space(cp))
			break;
		s += n;
	}
	return s;
}

const char *text_trim_end_other(const char *s, const char *end)
{
	while (end > s) {
		const char *p = text_prev(s, end);
		uint32_t cp;
		text_decode(p, end, &cp);
		if (!text_is_space(cp))
			break;
		end = p;
	}
	return end;
}

/* The width of East Asian ambiguous characters: 1 or 2 (text_set_ambiguous_width).
 * libunistring's uc_width answers for "UTF-8" with narrow ambiguous
 * characters and, for a CJK encoding ("GBK"), with wide ones, from the
 * library's own tables. */
static int ambiguous_width = 1;
static const char *width_encoding = "UTF-8";

void text_set_ambiguous_width(int w)
{
	ambiguous_width = w == 2 ? 2 : 1;
	width_encoding = ambiguous_width == 2 ? "GBK" : "UTF-8";
}

int text_ambiguous_width(void)
{
	return ambiguous_width;
}

/* Bidi controls change how a terminal orders what follows: never print. */
static bool is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The ranges whose width is the same in both settings are answered
 * without the library (test_text checks them against uc_width): ASCII,
 * the CJK symbols and punctuation block up to U+3029, CJK ideographs
 * (extension A and the unified block) and the full-width forms. */
static int slow_width(uint32_t cp);

/* U+2000..U+207F (dashes, quotes, the ellipsis: in every Chinese text)
 * as slow_width gives them, kept for each ambiguous width. */
static int8_t punct_widths[2][0x80];
static bool punct_widths_ready[2];

__attribute__((noinline))
static int punct_width(uint32_t cp)
{
	int a = ambiguous_width - 1;
	if (!punct_widths_ready[a]) {
		for (uint32_t c = 0; c < 0x80; c++)
			punct_widths[a][c] = (int8_t)slow_width(0x2000 + c);
		punct_widths_ready[a] = true;
	}
	return punct_widths[a][cp - 0x2000];
}

static inline int cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	if ((cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xFF01 && cp <= 0xFF60))
		return 2;
	if (cp - 0x2000 < 0x80)
		return punct_width(cp);
	return slow_width(cp);
}

static int slow_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp))
		return -1;
	int w = uc_width(cp, width_encoding);
	return w < 0 ? -1 : w;
}

int text_cp_width(uint32_t cp)
{
	return cp_width(cp);
}

/* ncursesw measures what it draws with the C library's wcwidth (and
 * wcswidth): these definitions in the program take their place, so that
 * curses' cursor bookkeeping follows the same setting as everything else
 * (test_width checks getcurx). Same contract as the C library's: 0 for
 * L'\0', -1 for what is not printable. */
int wcwidth(wchar_t wc)
{
	if (wc == 0)
		return 0;
	if (wc < 0 || (uint32_t)wc > 0x10FFFF)
		return -1;
	uint32_t cp = (uint32_t)wc;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	if (is_bidi_control(cp))
		return 0;
	return cp_width(cp);
}

int wcswidth(const wchar_t *s, size_t n)
{
	int total = 0;
	for (size_t i = 0; i < n && s[i]; i++) {
		int w = wcwidth(s[i]);
		if (w < 0)
			return -1;
		total += w;
	}
	return total;
}

bool text_cp_printable(uint32_t cp)
{
	return text_cp_width(cp) >= 0;
}

static inline bool cp_is_simple(uint32_t cp)
{
	if (cp < 0x3000)
		return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF && cp != 0xAD) ||
		       (cp >= 0x2010 && cp <= 0x2027);
	return cp <= 0x3029 || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xFF01 && cp <= 0xFF60);
}

bool text_cp_is_simple(uint32_t cp)
{
	return cp_is_simple(cp);
}

static inline int printable_width(uint32_t cp)
{
	int w = cp_width(cp);
	return w > 0 ? w : 0;
}

/* The next code point is one that starts a cluster after a simple one. */
static bool simple_follows(const char *s, const char *end)
{
	if (s >= end)
		return true;
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return c >= 0x20 && c < 0x7F;
	uint32_t cp;
	text_decode(s, end, &cp);
	return cp_is_simple(cp);
}

/* libunistring's u8_grapheme_next decides pair by pair, so it splits
 * emoji ZWJ sequences and does not pair flags; u8_grapheme_breaks applies
 * the rules in context. It runs on a window from s (a cluster start) that
 * grows until the cluster ends inside it. */
static size_t library_grapheme_len(const char *s, const char *end)
{
	size_t avail = (size_t)(end - s);
	char stack[64];
	for (size_t win = 16;; win *= 2) {
		size_t n = win < avail ? win : avail;
		while (n < avail && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;    /* end the window on a character boundary */
		char *brk = n <= sizeof stack ? stack : util_malloc(n);
		u8_grapheme_breaks((const uint8_t *)s, n, brk);
		size_t i = 1;
		while (i < n && !brk[i])
			i++;
		if (brk != stack)
			free(brk);
		if (i < n || n == avail)
			return i;
	}
}

/* Kept out of line so that the fast path stays small. */
__attribute__((noinline))
static size_t slow_grapheme_scan(const char *s, const char *end, int *width)
{
	size_t len = library_grapheme_len(s, end);
	*width = text_grapheme_width(s, len);
	return len;
}

size_t text_grapheme_scan(const char *s, const char *end, uint32_t *cp, int *width)
{
	int n = text_decode(s, end, cp);
	if (cp_is_simple(*cp) && simple_follows(s + n, end)) {
		*width = printable_width(*cp);
		return (size_t)n;
	}
	return slow_grapheme_scan(s, end, width);
}

size_t text_grapheme_len(const char *s, const char *end)
{
	if (s >= end)
		return 0;
	uint32_t cp;
	int w;
	return text_grapheme_scan(s, end, &cp, &w);
}

int text_grapheme_width(const char *s, size_t len)
{
	const char *end = s + len;
	int w = 0;
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		w += printable_width(cp);
	}
	return w;
}

int text_width(const char *s, size_t len)
{
	return text_grapheme_width(s, len);
}

size_t text_fit(const char *s, size_t len, int cols, int *width)
{
	const char *p = s, *end = s + len;
	int w = 0;
	while (p < end) {
		uint32_t cp;
		int gw;
		size_t g = text_grapheme_scan(p, end, &cp, &gw);
		if (w + gw > cols)
			break;
		w += gw;
		p += g;
	}
	if (width)
		*width = w;
	return (size_t)(p - s);
}

/* Eight bytes at p start no character that may not be printed: none of
 * them is below 0x20, 0x7F, or the first byte of U+0080..U+009F (C2), of
 * U+061C (D8) or of the other bidi controls (E2). Every character a
 * decode starts at one of these bytes, wherever the walk began (a decode
 * never takes them as continuation bytes), so the walk may go on after
 * the eight, even inside a character, and stop where it would have. */
static inline bool printable8(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, sizeof w);
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	/* below 0x20; then bytes equal to each (may flag more: looked at) */
	uint64_t flag = ~w & ~(w << 1) & ~(w << 2) & high;
	uint64_t x7f = w ^ (0x7F * ones), xc2 = w ^ (0xC2 * ones),
		 xd8 = w ^ (0xD8 * ones), xe2 = w ^ (0xE2 * ones);
	flag |= ((x7f - ones) & ~x7f) | ((xc2 - ones) & ~xc2) |
		((xd8 - ones) & ~xd8) | ((xe2 - ones) & ~xe2);
	return !(flag & high);
}

#ifdef __SSE2__
/* The offset in p[0, 16) of the first byte printable8 would flag (16:
 * none). Such a byte is never a continuation byte, so the walk may jump
 * to it from anywhere before it: nothing between stops the walk. */
static inline unsigned first_flagged16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	/* below 0x20 as unsigned: the bytes shifted by 0x80, compared signed */
	__m128i low = _mm_cmplt_epi8(_mm_xor_si128(v, _mm_set1_epi8((char)0x80)), _mm_set1_epi8((char)(0x20 ^ 0x80)));
	__m128i hit = _mm_or_si128(_mm_or_si128(low, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))),
				   _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
							     _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8))),
						_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2))));
	unsigned mask = (unsigned)_mm_movemask_epi8(hit);
	return mask ? (unsigned)__builtin_ctz(mask) : 16;
}
#endif

size_t text_printable_run(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
#ifdef __SSE2__
		if (end - p >= 16) {
			unsigned k = first_flagged16(p);
			p += k;
			if (k == 16)
				continue;
		} else
#endif
		if (end - p >= 8 && printable8(p)) {
			p += 8;
			continue;
		}
		if (*p >= 0x20 && *p < 0x7F) {
			p++;
			continue;
		}
		/* three bytes (CJK and its punctuation): decode's fast path;
		 * from U+0800 on only the bidi controls are not printable
		 * (uc_width refuses nothing there: test_text checks every one) */
		if ((*p & 0xF0) == 0xE0 && end - p >= 3 &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			uint32_t c = (uint32_t)(p[0] & 0x0F) << 12 |
				     (uint32_t)(p[1] & 0x3F) << 6 | (uint32_t)(p[2] & 0x3F);
			if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
				if (is_bidi_control(c))
					break;
				p += 3;
				continue;
			}
		}
		uint32_t cp;
		int n = text_decode((const char *)p, (const char *)end, &cp);
		/* from U+00A0 on, cp_width refuses only the bidi controls */
		if (cp == '\t' || (cp < 0xA0 ? cp_width(cp) < 0 : is_bidi_control(cp)))
			break;
		p += n;
	}
	return (size_t)(p - (const unsigned char *)s);
}

/* ---- line-break opportunities of plain text ---- */

/* The plain alphabet as classes of code points that break alike: each
 * character of plain_singles is a class of its own, each range of
 * plain_ranges one class, whose first code point stands for the others
 * when the library is asked (test_text checks every member against every
 * class, both ways). The ideographs come first: their classes are
 * CLASS_IDEOGRAPH and CLASS_IDEOGRAPH_A. */
static const struct {
	uint32_t first, last;
} plain_ranges[] = {
	{ 0x4E00, 0x9FFF }, { 0x3400, 0x4DBF },
	{ '0', '9' }, { 'A', 'Z' }, { 'a', 'z' },
	{ 0xFF10, 0xFF19 }, { 0xFF21, 0xFF3A }, { 0xFF41, 0xFF5A },
};
enum { CLASS_IDEOGRAPH = 1, CLASS_IDEOGRAPH_A = 2 };

static const char plain_singles[] =
	"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	"°·×–—‘’“”…"
	"、。〃々〇〈〉《》「」『』【】〔〕〖〗〜〝〞"
	"！＂＃＄％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～｟｠";

enum {
	MAX_CLASSES = 128,
	ASK_LIBRARY = 0xFF,     /* in the pair table: not a plain decision */
};

/* Where the classes of the alphabet's code points are kept: U+0000..U+00FF
 * and three windows (0 there: not plain); ideographs are found by range. */
enum {
	WIN_2000 = 0x2000, WIN_3000 = 0x3000, WIN_FF00 = 0xFF00, WIN_SIZE = 0x80,
	MAP_SIZE = 0x100 + 3 * WIN_SIZE,
};

typedef struct plain_table {
	bool ready;
	uint8_t nclasses;       /* classes are 1..nclasses */
	uint8_t map[MAP_SIZE];  /* see map_index */
	uint32_t rep[MAX_CLASSES];
	uint8_t first[MAX_CLASSES];                     /* the opportunity at the start */
	uint8_t pair[MAX_CLASSES][MAX_CLASSES];         /* [before][after] */
} plain_table;

/* Filled once, at first use, from the library, and never changed after:
 * the one piece of state of this module (asking costs about 0.5 ms). */
static plain_table plain;

/* Where cp is in plain_table.map; -1 outside it. */
static inline int map_index(uint32_t cp)
{
	if (cp < 0x100)
		return (int)cp;
	if (cp - WIN_2000 < WIN_SIZE)
		return 0x100 + (int)(cp - WIN_2000);
	if (cp - WIN_3000 < WIN_SIZE)
		return 0x100 + WIN_SIZE + (int)(cp - WIN_3000);
	if (cp - WIN_FF00 < WIN_SIZE)
		return 0x100 + 2 * WIN_SIZE + (int)(cp - WIN_FF00);
	return -1;
}

static void add_class(plain_table *t, uint32_t first, uint32_t last)
{
	if (t->nclasses + 1 >= MAX_CLASSES)
		util_fatal("text: too many plain classes");
	uint8_t c = ++t->nclasses;
	t->rep[c] = first;
	if (c == CLASS_IDEOGRAPH || c == CLASS_IDEOGRAPH_A)
		return;
	for (uint32_t cp = first; cp <= last; cp++) {
		int i = map_index(cp);
		if (i < 0 || t->map[i])
			util_fatal("text: U+%04X cannot be a plain class", (unsigned)cp);
		t->map[i] = c;
	}
}

/* What the library says at the start of `a` and between `a` and `b`. */
static uint8_t library_break(uint32_t a, uint32_t b, bool at_start)
{
	uint8_t buf[8];
	char brk[8];
	int la = u8_uctomb(buf, a, 4);
	int lb = at_start ? 0 : u8_uctomb(buf + la, b, 4);
	u8_possible_linebreaks(buf, (size_t)(la + lb), "UTF-8", brk);
	char v = brk[at_start ? 0 : la];
	/* anything else (there is nothing else between two plain characters)
	 * sends the text to the library */
	return v == UC_BREAK_PROHIBITED || v == UC_BREAK_POSSIBLE ? (uint8_t)v : ASK_LIBRARY;
}

static void plain_fill(plain_table *t)
{
	for (size_t i = 0; i < sizeof plain_ranges / sizeof *plain_ranges; i++)
		add_class(t, plain_ranges[i].first, plain_ranges[i].last);
	const char *p = plain_singles, *end = p + sizeof plain_singles - 1;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		add_class(t, cp, cp);
	}
	for (unsigned a = 1; a <= t->nclasses; a++) {
		t->first[a] = library_break(t->rep[a], 0, true);
		for (unsigned b = 1; b <= t->nclasses; b++)
			t->pair[a][b] = library_break(t->rep[a], t->rep[b], false);
	}
	t->ready = true;
}

static inline const plain_table *plain_ready(void)
{
	if (!plain.ready)
		plain_fill(&plain);
	return &plain;
}

/* The class of a code point (0: not plain). */
static inline uint8_t plain_class(const plain_table *t, uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return CLASS_IDEOGRAPH;
	if (cp >= 0x3400 && cp <= 0x4DBF)
		return CLASS_IDEOGRAPH_A;
	int i = map_index(cp);
	return i < 0 ? 0 : t->map[i];
}

bool text_cp_is_plain(uint32_t cp)
{
	return plain_class(plain_ready(), cp) != 0;
}

/* The scan of text_plain_scan_subs (nsubs 0: text_plain_scan's). Runs of
 * ideographs, most of a Chinese text, take the inner loop: their pair is
 * always CLASS_IDEOGRAPH's with itself. */
static bool plain_scan(const plain_table *t, const char *s, size_t len, const text_sub *subs,
		       size_t nsubs, text_char *out, size_t *n)
{
	const unsigned char *base = (const unsigned char *)s, *p = base, *end = p + len;
	const uint8_t ideo_ideo = t->pair[CLASS_IDEOGRAPH][CLASS_IDEOGRAPH];
	size_t j = 0;
	/* where the next substitution is (end: none) */
	const unsigned char *stop = nsubs ? base + subs[0].at : end;
	unsigned prev = 0;
	size_t k = 0;
	while (p < end) {
		uint32_t cp;
		unsigned cls;
		int bytes, width;
		if (p == stop) {
			cp = subs[j].cp;
			cls = plain_class(t, cp);
			bytes = 1;
			width = cls == CLASS_IDEOGRAPH ? 2 : cp_width(cp);
			j++;
			stop = j < nsubs ? base + subs[j].at : end;
			if (stop <= p)
				return false;   /* out of order: not what punct.h gives */
		} else if (p[0] < 0x80) {
			cp = p[0];
			cls = t->map[cp];
			bytes = width = 1;
		} else {
			/* text_decode() takes valid sequences only: an overlong or
			 * broken one decodes to U+FFFD, which is not plain */
			bytes = text_decode((const char *)p, (const char *)end, &cp);
			cls = plain_class(t, cp);
			width = cls == CLASS_IDEOGRAPH ? 2 : cp_width(cp);
		}
		if (!cls)
			return false;
		uint8_t brk = prev ? t->pair[prev][cls] : t->first[cls];
		if (brk == ASK_LIBRARY)
			return false;
		out[k].at = (uint32_t)(p - base);
		out[k].cp = cp;
		out[k].width = (uint8_t)width;
		out[k].brk = brk;
		k++;
		prev = cls;
		p += bytes;
		if (cls != CLASS_IDEOGRAPH || ideo_ideo == ASK_LIBRARY)
			continue;
		/* U+4E00..U+9FFF: E4 B8..BF, or E5..E9, then continuation
		 * bytes (decode's fast path; no substitution is inside) */
		while (end - p >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9 &&
		       (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
		       (p[0] != 0xE4 || p[1] >= 0xB8)) {
			out[k].at = (uint32_t)(p - base);
			out[k].cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
				    (uint32_t)(p[2] & 0x3F);
			out[k].width = 2;
			out[k].brk = ideo_ideo;
			k++;
			p += 3;
		}
	}
	if (j < nsubs)
		return false;   /* one was not on a character: not what punct.h gives */
	*n = k;
	return true;
}

bool text_plain_scan(const char *s, size_t len, text_char **chars, size_t *cap, size_t *n)
{
	const plain_table *t = plain_ready();
	if (len >= UINT32_MAX)
		return false;
	util_grow((void **)chars, cap, len ? len : 1, sizeof(**chars));
	return plain_scan(t, s, len, NULL, 0, *chars, n);
}

bool text_plain_scan_subs(const char *s, size_t len, const text_sub *subs, size_t nsubs,
			  text_char **chars, size_t *cap, size_t *n)
{
	const plain_table *t = plain_ready();
	if (len >= UINT32_MAX || (nsubs && subs[nsubs - 1].at >= len))
		return false;
	util_grow((void **)chars, cap, len ? len : 1, sizeof(**chars));
	return plain_scan(t, s, len, subs, nsubs, *chars, n);
}
