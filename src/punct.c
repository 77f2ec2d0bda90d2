/* punct.c — see punct.h. */
#include "punct.h"

#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool is_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* The code point before byte i (0: none), spaces skipped when `skip`. */
static uint32_t before(const char *s, size_t i, bool skip)
{
	const char *p = s + i;
	while (p > s) {
		p = text_prev(s, p);
		uint32_t cp;
		text_decode(p, s + i, &cp);
		if (!(skip && is_blank(cp)))
			return cp;
	}
	return 0;
}

/* The code point after the character at byte i (0: none). */
static uint32_t after(const char *s, size_t n, size_t i, bool skip)
{
	size_t p = i + 1;       /* the character at i is ASCII */
	while (p < n) {
		uint32_t cp;
		p += (size_t)text_decode(s + p, s + n, &cp);
		if (!(skip && is_blank(cp)))
			return cp;
	}
	return 0;
}

static bool beside_cjk(const char *s, size_t n, size_t i)
{
	return is_cjk(before(s, i, true)) || is_cjk(after(s, n, i, true));
}

static bool inside_word(const char *s, size_t n, size_t i)
{
	return is_alnum(before(s, i, false)) && is_alnum(after(s, n, i, false));
}

static bool url_char(unsigned char c)
{
	return is_alnum(c) || (c && strchr("-._~:/?#[]@!$&'()*+,;=%", c));
}

/* Characters of a URL scheme and of the local part of an e-mail address. */
static bool scheme_char(unsigned char c)
{
	return is_alnum(c) || c == '+' || c == '.' || c == '-';
}

static bool local_char(unsigned char c)
{
	return is_alnum(c) || (c && strchr("._%+-", c));
}

/* Marks (protect[i] = 1) the bytes of web and e-mail addresses. */
static void protect_addresses(const char *s, size_t n, char *protect)
{
	for (size_t i = 0; i < n; i++) {
		size_t a = i;
		if (i + 3 <= n && memcmp(s + i, "://", 3) == 0) {
			while (a > 0 && scheme_char((unsigned char)s[a - 1]))
				a--;
		} else if (i + 4 <= n && (memcmp(s + i, "www.", 4) == 0 ||
					  memcmp(s + i, "WWW.", 4) == 0)) {
			/* from here */
		} else if (s[i] == '@' && i > 0 && i + 1 < n && local_char((unsigned char)s[i - 1]) &&
			   is_alnum((unsigned char)s[i + 1])) {
			while (a > 0 && local_char((unsigned char)s[a - 1]))
				a--;
		} else {
			continue;
		}
		size_t z = i;
		while (z < n && url_char((unsigned char)s[z]))
			z++;
		/* punctuation that ends a sentence is not the address's */
		while (z > i + 1 && strchr(".,;:!?)\"'", s[z - 1]))
			z--;
		memset(protect + a, 1, z - a);
		i = z;
	}
}

/* Whether s[0, n) holds w (at most 4 bytes): its first byte found by
 * memchr, the rest compared. */
static bool holds(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	for (const char *p = s, *end = s + n; (size_t)(end - p) >= wl;) {
		p = memchr(p, w[0], (size_t)(end - p) - (wl - 1));
		if (!p)
			return false;
		if (memcmp(p, w, wl) == 0)
			return true;
		p++;
	}
	return false;
}

/* Whether protect_addresses can mark anything: one of the three things
 * it starts from is there (most texts hold none). */
static bool may_hold_address(const char *s, size_t n)
{
	return memchr(s, '@', n) || holds(s, n, "://") || holds(s, n, "www.") ||
	       holds(s, n, "WWW.");
}

static bool holds_cjk(const char *s, size_t a, size_t z)
{
	for (size_t p = a; p < z;) {
		uint32_t cp;
		p += (size_t)text_decode(s + p, s + z, &cp);
		if (is_cjk(cp))
			return true;
	}
	return false;
}

static void add(punct_sub **subs, size_t *cap, size_t *k, size_t at, uint32_t cp)
{
	util_grow((void **)subs, cap, *k + 1, sizeof(**subs));
	(*subs)[*k].at = (uint32_t)at;
	(*subs)[*k].cp = cp;
	(*k)++;
}

/* Brackets and quotes are added when their pair closes, after what they
 * hold: the list is nearly in order (and its offsets are distinct). */
static void sort_subs(punct_sub *v, size_t k)
{
	for (size_t i = 1; i < k; i++) {
		punct_sub x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1].at > x.at; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Eight bytes at p hold nothing the scan stops at: no byte below 0x40
 * (every candidate is one) and, with `ef`, no 0xEF (the lead byte of the
 * full-width brackets). */
static inline bool quiet8(const char *p, bool ef)
{
	uint64_t w;
	memcpy(&w, p, sizeof w);
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	uint64_t low = ~w & ~(w << 1) & high;     /* bits 7 and 6 clear */
	if (!ef)
		return !low;
	uint64_t x = w ^ (0xEF * ones);
	return !(low | ((x - ones) & ~x & high)); /* (may flag more: then looked at) */
}

enum { MAX_DEPTH = 64 };

static inline bool candidate(unsigned char c)
{
	switch (c) {
	case ',': case ':': case ';': case '!': case '?': case '(': case ')':
	case '"': case '-':
		return true;
	default:
		return false;
	}
}

size_t punct_find(const char *s, size_t n, punct_sub **subs, size_t *cap)
{
	/* the common case: nothing to restore */
	size_t first = 0;
	for (;; first++) {
		while (first + 8 <= n && quiet8(s + first, false))
			first += 8;
		if (first >= n || candidate((unsigned char)s[first]))
			break;
	}
	if (first >= n || n >= UINT32_MAX)
		return 0;
	/* bytes of addresses, when the text may hold one (NULL: none) */
	char stack_protect[512];
	char *protect = NULL;
	if (may_hold_address(s, n)) {
		protect = n <= sizeof stack_protect ? stack_protect : util_malloc(n);
		memset(protect, 0, n);
		protect_addresses(s, n, protect);
	}
	size_t k = 0;
	size_t open[MAX_DEPTH];         /* brackets waiting for their pair */
	bool open_ascii[MAX_DEPTH];
	size_t depth = 0;
	size_t quote = SIZE_MAX;        /* the quote waiting for its pair */
	for (size_t i = first; i < n; i++) {
		while (i + 8 <= n && quiet8(s + i, true))
			i += 8;
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			/* full-width brackets pair with ASCII ones */
			if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
			    ((unsigned char)s[i + 2] == 0x88 || (unsigned char)s[i + 2] == 0x89)) {
				if ((unsigned char)s[i + 2] == 0x88) {
					if (depth < MAX_DEPTH) {
						open[depth] = i;
						open_ascii[depth++] = false;
					}
				} else if (depth > 0) {
					depth--;
				}
			}
			continue;
		}
		if (protect && protect[i])
			continue;
		switch (c) {
		case ',': case ':': case ';': case '!': case '?':
			if (beside_cjk(s, n, i) && !inside_word(s, n, i))
				add(subs, cap, &k, i, 0xFF00 + (uint32_t)(c - 0x20));
			break;
		case '(':
			if (depth < MAX_DEPTH) {
				open[depth] = i;
				open_ascii[depth++] = true;
			}
			break;
		case ')':
			if (depth > 0) {
				size_t o = open[--depth];
				bool ascii = open_ascii[depth];
				if (!ascii) {
					add(subs, cap, &k, i, 0xFF09);
				} else if (beside_cjk(s, n, o) || beside_cjk(s, n, i) ||
					   holds_cjk(s, o + 1, i)) {
					add(subs, cap, &k, o, 0xFF08);
					add(subs, cap, &k, i, 0xFF09);
				}
			} else if (beside_cjk(s, n, i) && !inside_word(s, n, i)) {
				add(subs, cap, &k, i, 0xFF09);
			}
			break;
		case '"':
			if (quote == SIZE_MAX) {
				quote = i;
			} else {
				if (holds_cjk(s, quote + 1, i)) {
					add(subs, cap, &k, quote, 0x201C);
					add(subs, cap, &k, i, 0x201D);
				}
				quote = SIZE_MAX;
			}
			break;
		case '-':
			/* exactly two: -- */
			if (i + 1 < n && s[i + 1] == '-' && !(i + 2 < n && s[i + 2] == '-') &&
			    !(protect && protect[i + 1]) && (beside_cjk(s, n, i) || beside_cjk(s, n, i + 1))) {
				add(subs, cap, &k, i, 0x2014);
				add(subs, cap, &k, i + 1, 0x2014);
			}
			while (i + 1 < n && s[i + 1] == '-')
				i++;
			break;
		default:
			break;
		}
	}
	/* unpaired ASCII opening brackets beside Chinese */
	for (size_t d = 0; d < depth; d++)
		if (open_ascii[d] && beside_cjk(s, n, open[d]) && !inside_word(s, n, open[d]))
			add(subs, cap, &k, open[d], 0xFF08);
	if (protect != stack_protect)
		free(protect);
	sort_subs(*subs, k);
	return k;
}

void punct_restore(const char *s, size_t n, util_buf *out)
{
	punct_sub *subs = NULL;
	size_t cap = 0;
	size_t k = punct_find(s, n, &subs, &cap);
	size_t from = 0;
	for (size_t j = 0; j < k; j++) {
		util_buf_add(out, s + from, subs[j].at - from);
		char enc[4];
		int len = 0;
		uint32_t cp = subs[j].cp;
		enc[len++] = (char)(0xE0 | (cp >> 12));
		enc[len++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[len++] = (char)(0x80 | (cp & 0x3F));
		util_buf_add(out, enc, (size_t)len);
		from = subs[j].at + 1;
	}
	if (n > from)	/* s may be NULL when n is 0 */
		util_buf_add(out, s + from, n - from);
	free(subs);
}
