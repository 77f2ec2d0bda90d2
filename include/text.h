/* text.h — UTF-8 text as the terminal shows it: decoding, display width,
 * grapheme clusters, and what may be printed.
 *
 * There is exactly one width function in kanbao (text_cp_width): libunistring's
 * uc_width, asked with "UTF-8" when East Asian ambiguous characters
 * (“ ” ‘ ’ … — · and the box-drawing lines) are narrow and with a CJK
 * encoding ("GBK") when the terminal draws them wide
 * (text_set_ambiguous_width), with fast paths in front for ASCII and CJK
 * that a unit test checks against the library. It agrees with what
 * ncursesw draws because the program defines wcwidth and wcswidth itself
 * (text.c): they answer from the same function, and curses, which
 * measures with them, follows (test_width checks getcurx).
 * Grapheme clusters come from libunistring (u8_grapheme_breaks: UAX #29
 * with emoji ZWJ sequences and flags), with a fast path in front for
 * ASCII and CJK that a unit test checks against the library. Line-break
 * opportunities of "plain" text (below) come from a table the library
 * fills, which a unit test checks against the library.
 */
#ifndef KANBAO_TEXT_H
#define KANBAO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Sets LC_ALL from the environment and makes LC_CTYPE a UTF-8 locale
 * (falling back to C.UTF-8). Returns false when no UTF-8 locale exists;
 * `*name` then tells which locale is in use. */
bool text_init_locale(const char **name);

/* Decodes the code point at s (s < end, valid UTF-8 assumed; invalid bytes
 * decode as U+FFFD one byte at a time). Returns the bytes consumed (>= 1).
 * Inline: the parser decodes every character of a page several times;
 * ASCII and the three-byte sequences (all of CJK) are decoded here, the
 * rest by libunistring (text_decode_other). */
int text_decode_other(const char *s, const char *end, uint32_t *cp);
static inline __attribute__((always_inline)) int text_decode(const char *s, const char *end, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xF0) == 0xE0 && end - s >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		uint32_t c = (uint32_t)(p[0] & 0x0F) << 12 |
			     (uint32_t)(p[1] & 0x3F) << 6 | (uint32_t)(p[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*cp = c;
			return 3;
		}
	}
	return text_decode_other(s, end, cp);
}

/* The start of the character before p (p > start). */
static inline const char *text_prev(const char *start, const char *p)
{
	do
		p--;
	while (p > start && ((unsigned char)*p & 0xC0) == 0x80);
	return p;
}

/* The width of East Asian ambiguous characters: 1 (the default) or 2.
 * Set once, before anything is measured (main: [display]
 * ambiguous_width, --ambiguous-width, or the terminal's answer to
 * probe_ambiguous_width). */
void text_set_ambiguous_width(int width);
int text_ambiguous_width(void);

/* Columns the terminal gives a code point: 0, 1 or 2; -1 when it must not
 * be printed at all (control characters, bidi controls). */
int text_cp_width(uint32_t cp);

/* True for the spaces a page may hold: ASCII space and tab, no-break
 * space, ideographic space, the U+2000 spaces, zero-width space, BOM. */
static inline __attribute__((always_inline)) bool text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
	       cp == 0xFEFF;
}

/* True for a Han character (汉字): CJK Unified Ideographs with extension
 * A, the compatibility ideographs, and the supplementary ideographic
 * planes (extensions B and later). The parser, the linker and the
 * patterns all use this one. */
static inline bool text_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* Pairs of adjacent Han characters of a text, in order (一二三 gives 一二
 * then 二三): the words of Chinese text for comparing headlines and
 * captions. */
typedef struct text_han_pair {
	const char *at;         /* the first character of the pair */
	size_t len;             /* bytes of the two */
	uint32_t c1, c2;
} text_han_pair;
typedef struct text_han_pairs {
	const char *p, *end;    /* the next character */
	uint32_t c;             /* it, decoded */
	int n;                  /* its bytes, 0 at the end */
} text_han_pairs;
void text_han_pairs_init(text_han_pairs *it, const char *s, size_t len);
/* The next pair into *out; false when there is none left. Inline: the
 * parser walks the start of every article's body with it. */
static inline bool text_han_pairs_next(text_han_pairs *it, text_han_pair *out)
{
	while (it->n && it->p + it->n < it->end) {
		const char *p = it->p;
		uint32_t c1 = it->c;
		int n1 = it->n;
		it->p += n1;
		it->n = text_decode(it->p, it->end, &it->c);
		if (text_is_han(c1) && text_is_han(it->c)) {
			*out = (text_han_pair){ p, (size_t)(n1 + it->n), c1, it->c };
			return true;
		}
	}
	return false;
}

/* Skips spaces (text_is_space) at the start / end of s..end. Inline
 * for the usual answer, which one character gives: ASCII other than
 * space and tab, or a three-byte character that is no space (every
 * lead but E2, EF and E3 80 80). */
const char *text_skip_space_other(const char *s, const char *end);
const char *text_trim_end_other(const char *s, const char *end);
static inline const char *text_skip_space(const char *s, const char *end)
{
	if (s < end) {
		unsigned char b = (unsigned char)s[0];
		if (b < 0x80 ? b != ' ' && b != '\t'
			     : (b & 0xF0) == 0xE0 && b != 0xE2 && b != 0xEF &&
			       !(b == 0xE3 && end - s >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80))
			return s;
	}
	return text_skip_space_other(s, end);
}
static inline const char *text_trim_end(const char *s, const char *end)
{
	if (end > s) {
		unsigned char b = (unsigned char)end[-1];
		if (b < 0x80 && b != ' ' && b != '\t')
			return end;
		if (end - s >= 3 && (b & 0xC0) == 0x80 && ((unsigned char)end[-2] & 0xC0) == 0x80) {
			unsigned char l = (unsigned char)end[-3];
			if ((l & 0xF0) == 0xE0 && l != 0xE2 && l != 0xEF &&
			    !(l == 0xE3 && (unsigned char)end[-2] == 0x80 && b == 0x80))
				return end;
		}
	}
	return text_trim_end_other(s, end);
}

/* True when the code point may be sent to the terminal. */
bool text_cp_printable(uint32_t cp);

/* True for the code points the grapheme fast path handles: ASCII
 * printables, Latin-1 letters and signs (U+00A0..U+00FF but the soft
 * hyphen), U+2010..U+2027 (dashes, quotes, ellipsis), U+3000..U+3029,
 * CJK ideographs (U+3400..U+9FFF) and full-width forms (U+FF01..U+FF60).
 * Their Grapheme_Cluster_Break property is Other, so between two of them
 * there is always a cluster boundary (test_text checks this against
 * libunistring). Other clusters come from u8_grapheme_breaks. */
bool text_cp_is_simple(uint32_t cp);

/* One grapheme cluster at s (s < end), in one pass: returns its length in
 * bytes, stores its first code point in *cp and its width (as
 * text_grapheme_width) in *width. Clusters of one simple code point
 * followed by another are decided without the library. */
size_t text_grapheme_scan(const char *s, const char *end, uint32_t *cp, int *width);

/* Length in bytes of the grapheme cluster starting at s (>= 1 when s < end). */
size_t text_grapheme_len(const char *s, const char *end);

/* Columns of one grapheme cluster: the sum of its printable code points. */
int text_grapheme_width(const char *s, size_t len);

/* Columns of a whole string. */
int text_width(const char *s, size_t len);

/* The longest prefix of whole grapheme clusters that fits in `cols`
 * columns; returns its byte length and stores its width in *width. */
size_t text_fit(const char *s, size_t len, int cols, int *width);

/* The length of the longest prefix of s[0, len) that is drawn as it is:
 * no TAB and no code point text_cp_width refuses to print. */
size_t text_printable_run(const char *s, size_t len);

/* ---- line-break opportunities of plain text ----
 *
 * "Plain" text is made only of the characters of Chinese news text whose
 * UAX #14 break opportunities depend on nothing but the pair of characters
 * around them: CJK ideographs (U+3400..U+4DBF, U+4E00..U+9FFF), ASCII
 * letters, digits and punctuation (not the space), the full-width forms
 * U+FF01..U+FF60, ° · ×, – — ‘ ’ “ ” … and the CJK punctuation 、。〃々〇
 * 〈〉《》「」『』【】〔〕〖〗〜〝〞. No spaces. For such text the break
 * opportunities come from a table of pairs that u8_possible_linebreaks
 * itself fills at first use (one question per pair of characters that
 * stand for the alphabet's classes); test_text checks that the table gives
 * what the library gives on every pair, on triples and on random strings.
 * Every plain code point is also text_cp_is_simple and not a space, so
 * each one is a grapheme cluster of its own, and its width is 1 or 2.
 */
bool text_cp_is_plain(uint32_t cp);

/* One character of a plain text. */
typedef struct text_char {
	uint32_t at;            /* its byte offset */
	uint32_t cp;            /* the code point */
	uint8_t width;          /* text_cp_width: 1 or 2 */
	uint8_t brk;            /* the opportunity before it, as
				 * u8_possible_linebreaks(s, len, "UTF-8")
				 * gives it: UC_BREAK_PROHIBITED or _POSSIBLE */
} text_char;

/* When s[0, len) is plain text (len < UINT32_MAX), decodes it once into
 * (*chars)[0, *n) and returns true; returns false as soon as it meets a
 * character that is not plain (then *chars holds nothing useful). *chars
 * (capacity *cap) is first grown with util_grow to `len` entries. The
 * empty string is plain. The first call fills the pair table. */
bool text_plain_scan(const char *s, size_t len, text_char **chars, size_t *cap, size_t *n);

/* A code point shown in place of the one ASCII byte at `at` (punct.h's
 * restored punctuation). */
typedef struct text_sub {
	uint32_t at;
	uint32_t cp;
} text_sub;

/* text_plain_scan of the text s[0, len) shows: s with each of subs[0,
 * nsubs) (in order of `at`, each on an ASCII byte) in place of its byte.
 * The characters are those text_plain_scan gives for that text written
 * out, but their offsets `at` are s's (a substituted character is one
 * byte of s). */
bool text_plain_scan_subs(const char *s, size_t len, const text_sub *subs, size_t nsubs,
			  text_char **chars, size_t *cap, size_t *n);

#endif
