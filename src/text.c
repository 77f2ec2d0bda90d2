/* text.c — see text.h. */
#include "text.h"

#include "util.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unigbrk.h>
#include <unistr.h>
#include <wchar.h>

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

static inline int decode(const char *s, const char *end, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	/* Three-byte sequences hold all of CJK: decode them here. */
	if ((p[0] & 0xF0) == 0xE0 && end - s >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		uint32_t c = (uint32_t)(p[0] & 0x0F) << 12 |
			     (uint32_t)(p[1] & 0x3F) << 6 | (uint32_t)(p[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*cp = c;
			return 3;
		}
	}
	ucs4_t uc;
	int n = u8_mbtouc(&uc, p, (size_t)(end - s));
	*cp = uc;
	return n > 0 ? n : 1;
}

int text_decode(const char *s, const char *end, uint32_t *cp)
{
	return decode(s, end, cp);
}

bool text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
	       cp == 0xFEFF;
}

const char *text_skip_space(const char *s, const char *end)
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

const char *text_prev(const char *start, const char *p)
{
	do
		p--;
	while (p > start && ((unsigned char)*p & 0xC0) == 0x80);
	return p;
}

const char *text_trim_end(const char *s, const char *end)
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

/* Bidi controls change how a terminal orders what follows: never print. */
static bool is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_cp_printable(uint32_t cp)
{
	return text_cp_width(cp) >= 0;
}

/* The ranges where wcwidth is known without asking it (test_text checks
 * every code point against wcwidth): ASCII, the CJK symbols and
 * punctuation block up to U+3029, CJK ideographs (extension A and the
 * unified block) and the full-width forms. */
static inline int cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	if ((cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xFF01 && cp <= 0xFF60))
		return 2;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp))
		return -1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? -1 : w;
}

int text_cp_width(uint32_t cp)
{
	return cp_width(cp);
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
	decode(s, end, &cp);
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
	int n = decode(s, end, cp);
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
		s += decode(s, end, &cp);
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
