/* search.c — see search.h.
 *
 * Folding. The text of every element is folded with libunistring
 * (u8_casefold with NFKC) and whitespace runs collapse to one space. The
 * folding is done piece by piece so that a hit can be mapped back to the
 * original bytes: a piece ("unit") is one character, or a run of
 * whitespace, or a character followed by the characters that may combine
 * with it (combining marks, Hangul vowels, ...). Folding is compositional
 * at the start of a character that cannot interact with what precedes it,
 * so the pieces concatenate to the fold of the whole element (the unit
 * test checks this against u8_casefold on random text).
 *
 * Speed. ASCII and the CJK ideographs U+4000..U+9FFF (lead bytes E4..E9,
 * checked a word at a time) are decided from their bytes, trusting the
 * text to be valid UTF-8 as the model guarantees (queries are cleaned
 * first); every other code point is asked of libunistring once per index
 * and remembered (fold_entry), so an issue costs a few library calls per
 * distinct character, not per character. Identity runs are copied whole.
 *
 * Across scripts. After NFKC and case folding each Han character is folded
 * to its simplified form, one character to one (臺 → 台, 灣 → 湾), by the
 * table script.h reads out of OpenCC. Ideographs the table changes are
 * marked in a bitmap that the fast path checks (three bits per 9 bytes);
 * they go through the memo like any other changed character, so their
 * entry holds the fold of both steps. The fold is the identity when OpenCC
 * is unavailable or the fold is turned off (script_fold_set_enabled).
 *
 * The map back. Units whose folded form has the same length and the same
 * single-character shape as the original are not recorded: between
 * recorded units folded and original offsets differ by a constant. Each
 * recorded unit keeps its folded and original ranges (relative to its
 * element); a hit edge inside one covers the whole unit.
 */
#include "search.h"
#include "script.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* What folding does to one code point. */
enum fold_kind {
	FOLD_UNKNOWN,   /* not asked yet */
	FOLD_SAME,      /* unchanged, and never changes what precedes it */
	FOLD_MAPPED,    /* replaced by a short string held in the entry */
	FOLD_SPACE,     /* whitespace: part of a collapsing run */
	FOLD_BASE,      /* folded by the library each time (long or spaced result) */
	FOLD_JOINS,     /* may combine with the character before it */
};

enum { FOLD_ENTRY_MAX = 5 };

typedef struct fold_entry {
	uint8_t kind;
	uint8_t len;                    /* FOLD_MAPPED: bytes of the result */
	uint8_t one_char;               /* FOLD_MAPPED: the result is one character */
	char bytes[FOLD_ENTRY_MAX];
} fold_entry;

/* A piece of an element whose folded form differs in shape from the
 * original: folded [f0, f1) comes from original [o0, o1). */
typedef struct fold_unit {
	uint32_t f0, o0, f1, o1;
} fold_unit;

enum { MEMO_PAGE = 256, MEMO_PAGES = 0x110000 / MEMO_PAGE };

/* The folding state: the output being built and the per-code-point memo. */
typedef struct folder {
	fold_entry **memo;              /* MEMO_PAGES pages, allocated on first use */
	const uint8_t *han;             /* script fold bitmap (script.h), NULL when off */
	const uint16_t *han_to;         /* and its table of BMP targets */
	/* Ideographs of the identity run being scanned that fold to another
	 * ideograph of 3 bytes: written over the run when it is copied. */
	struct han_patch { uint32_t at; uint16_t to; } *patches;
	size_t npatches, patches_cap;
	char *out;
	size_t len, cap;
	fold_unit *units;
	size_t nunits, units_cap;
	size_t elem_fold;               /* where the current element starts in out */
	const char *elem_text;          /* its original text */
	/* The last character emitted outside an identity run, so that a
	 * combining character can be folded together with it. */
	size_t last_o, last_f, last_nunits;
	bool last_space;
	bool no_units;                  /* fold only: the map back is not wanted */
} folder;

typedef struct index_elem {
	size_t fold;                    /* start of its folded text */
	size_t unit;                    /* its first fold_unit */
	uint32_t article, element, page;
} index_elem;

struct search_index {
	const doc_issue *issue;
	char *text;                     /* folded elements, each followed by '\n' */
	size_t len;
	index_elem *elems;              /* nelems + 1: the last one is a sentinel */
	size_t nelems;
	fold_unit *units;
	size_t nunits;
};

/* ---- asking libunistring ---- */

/* Bytes that fold to themselves and are not whitespace. */
static bool ascii_same(unsigned char b)
{
	return !(b >= 'A' && b <= 'Z') && b != ' ' && !(b >= '\t' && b <= '\r');
}

static bool is_space_cp(ucs4_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return uc_is_general_category(c, UC_CATEGORY_Zs);
}

/* Blocks that hold the starters (combining class 0) that canonical
 * composition can join to the character before them: Indic vowel signs,
 * Myanmar, Hangul medial vowels and final consonants, Balinese, the
 * Brahmic scripts of plane 1. A superset (a wider one only costs speed);
 * the unit test folds every canonical composition pair of libunistring's
 * tables and checks the pair is never split. */
static bool in_joining_block(ucs4_t c)
{
	return (c >= 0x0900 && c <= 0x0DFF) || (c >= 0x1000 && c <= 0x109F) ||
	       (c >= 0x1160 && c <= 0x11FF) || (c >= 0x1B00 && c <= 0x1B7F) ||
	       (c >= 0x11000 && c <= 0x11FFF);
}

/* True when the NFKD form of s starts with a character that normalisation
 * may join to, or reorder with, what comes before it. */
static bool may_join_previous(const uint8_t *s, size_t n)
{
	uint8_t buf[64];
	size_t len = sizeof buf;
	uint8_t *d = u8_normalize(UNINORM_NFKD, s, n, buf, &len);
	if (!d)
		return true;
	ucs4_t first = 0;
	if (len > 0)
		u8_mbtouc(&first, d, len);
	if (d != buf)
		free(d);
	return len > 0 && (uc_combining_class(first) != 0 || in_joining_block(first));
}

/* Appends s to b with each invalid byte replaced by U+FFFD. */
static void clean_utf8(const char *s, size_t n, util_buf *b)
{
	const uint8_t *u = (const uint8_t *)s;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, u + i, n - i);
		if (k < 0) {
			util_buf_add(b, "\xEF\xBF\xBD", 3);
			i++;
		} else {
			util_buf_add(b, s + i, (size_t)k);
			i += (size_t)k;
		}
	}
}

/* u8_casefold with NFKC into `buf` (or a malloc'd result, which the
 * caller frees when it is not buf); invalid bytes fold as U+FFFD. */
static uint8_t *library_fold(const uint8_t *s, size_t n, uint8_t *buf, size_t *len)
{
	if (u8_check(s, n) == NULL) {
		uint8_t *r = u8_casefold(s, n, NULL, UNINORM_NFKC, buf, len);
		if (!r)
			util_oom();     /* only ENOMEM remains once the input is valid */
		return r;
	}
	util_buf clean = { 0 };
	clean_utf8((const char *)s, n, &clean);
	uint8_t *r = library_fold((const uint8_t *)clean.data, clean.len, buf, len);
	util_buf_free(&clean);
	return r;
}

static size_t count_chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static bool all_space(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, s + i, n - i);
		if (!is_space_cp(c))
			return false;
	}
	return n > 0;
}

static bool any_space(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, s + i, n - i);
		if (is_space_cp(c))
			return true;
	}
	return false;
}

/* Folds the Han characters of s[0, *len) (folded text, valid UTF-8) to
 * their simplified forms, in place when they keep their length, else into
 * a new buffer (returned; the old one is freed unless it is `keep`). */
static uint8_t *script_fold_bytes(uint8_t *s, size_t *len, const uint8_t *keep)
{
	size_t n = *len;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, n - i);
		ucs4_t to = script_fold_cp(c);
		if (to != c) {
			uint8_t b[6];
			int m = u8_uctomb(b, to, sizeof b);
			if (m == k) {
				memcpy(s + i, b, (size_t)k);
			} else {
				util_buf r = { 0 };
				util_buf_add(&r, s, i);
				util_buf_add(&r, b, (size_t)m);
				size_t rest = n - i - (size_t)k;
				uint8_t *tail = util_malloc(rest ? rest : 1);
				memcpy(tail, s + i + k, rest);
				size_t tlen = rest;
				tail = script_fold_bytes(tail, &tlen, NULL);
				util_buf_add(&r, tail, tlen);
				free(tail);
				if (s != keep)
					free(s);
				*len = r.len;
				return (uint8_t *)r.data;
			}
		}
		i += (size_t)k;
	}
	return s;
}

/* The library's fold of s followed by the script fold when it is on. */
static uint8_t *full_fold(const uint8_t *s, size_t n, uint8_t *buf, size_t *len, bool script)
{
	uint8_t *f = library_fold(s, n, buf, len);
	return script ? script_fold_bytes(f, len, buf) : f;
}

/* What folding does to code point c, alone and next to others. */
static fold_entry classify(ucs4_t c, bool script)
{
	fold_entry e = { .kind = FOLD_BASE };
	uint8_t in[6], buf[64];
	int n = u8_uctomb(in, c, sizeof in);
	size_t len = sizeof buf;
	uint8_t *f = full_fold(in, (size_t)n, buf, &len, script);
	if (may_join_previous(in, (size_t)n) || may_join_previous(f, len))
		e.kind = FOLD_JOINS;
	else if (all_space(f, len))
		e.kind = FOLD_SPACE;
	else if (any_space(f, len))
		e.kind = FOLD_BASE;
	else if (len == (size_t)n && memcmp(f, in, len) == 0)
		e.kind = FOLD_SAME;
	else if (len <= FOLD_ENTRY_MAX) {
		e.kind = FOLD_MAPPED;
		e.len = (uint8_t)len;
		e.one_char = count_chars((const char *)f, len) == 1;
		memcpy(e.bytes, f, len);
	}
	if (f != buf)
		free(f);
	return e;
}

static fold_entry *memo_fill(folder *fd, ucs4_t c)
{
	fold_entry **page = &fd->memo[c / MEMO_PAGE];
	if (!*page)
		*page = util_calloc(MEMO_PAGE, sizeof(fold_entry));
	fold_entry *e = &(*page)[c % MEMO_PAGE];
	*e = classify(c, fd->han != NULL);
	return e;
}

static inline const fold_entry *lookup(folder *fd, ucs4_t c)
{
	const fold_entry *page = fd->memo[c / MEMO_PAGE];
	if (page && page[c % MEMO_PAGE].kind != FOLD_UNKNOWN)
		return &page[c % MEMO_PAGE];
	return memo_fill(fd, c);
}

/* ---- the folder ---- */

static void folder_init(folder *fd)
{
	memset(fd, 0, sizeof *fd);
	fd->memo = util_calloc(MEMO_PAGES, sizeof(fold_entry *));
	fd->han = script_fold_bitmap();
	fd->han_to = fd->han ? script_fold_table16() : NULL;
}

static void free_memo(folder *fd)
{
	free(fd->patches);
	fd->patches = NULL;
	for (size_t i = 0; i < MEMO_PAGES; i++)
		free(fd->memo[i]);
	free(fd->memo);
	fd->memo = NULL;
}

static void reserve(folder *fd, size_t extra)
{
	if (fd->cap - fd->len < extra)
		util_grow((void **)&fd->out, &fd->cap, fd->len + extra, 1);
}

static void emit(folder *fd, const void *s, size_t n)
{
	reserve(fd, n);
	memcpy(fd->out + fd->len, s, n);
	fd->len += n;
}

/* Copies the identity run [run, p) with its ideographs patched. */
static void emit_run(folder *fd, const unsigned char *run, const unsigned char *p)
{
	size_t at = fd->len;
	emit(fd, run, (size_t)(p - run));
	for (size_t i = 0; i < fd->npatches; i++) {
		unsigned char *o = (unsigned char *)fd->out + at + fd->patches[i].at;
		uint16_t to = fd->patches[i].to;
		o[0] = (unsigned char)(0xE0 | to >> 12);
		o[1] = (unsigned char)(0x80 | (to >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (to & 0x3F));
	}
	fd->npatches = 0;
}

static bool ends_with_space(const folder *fd)
{
	return fd->len > fd->elem_fold && fd->out[fd->len - 1] == ' ';
}

/* Appends folded text from the library, collapsing whitespace. */
static void emit_collapsing(folder *fd, const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, n - i);
		if (is_space_cp(c)) {
			if (!ends_with_space(fd))
				emit(fd, " ", 1);
		} else {
			emit(fd, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
}

static uint32_t rel32(size_t v)
{
	if (v > UINT32_MAX)
		util_fatal("search: an element is too long to index");
	return (uint32_t)v;
}

static void push_unit(folder *fd, size_t o0, size_t o1, size_t f0)
{
	if (fd->no_units)
		return;
	fold_unit u = { rel32(f0 - fd->elem_fold), rel32(o0),
			rel32(fd->len - fd->elem_fold), rel32(o1) };
	UTIL_PUSH(fd->units, fd->nunits, fd->units_cap, u);
}

/* Records the unit original [o0, o1) -> folded [f0, fd->len) unless the
 * two have the same length and are one character each. */
static void record_unit(folder *fd, size_t o0, size_t o1, size_t f0)
{
	if (fd->no_units)
		return;
	const char *o = fd->elem_text;
	size_t olen = o1 - o0, flen = fd->len - f0;
	if (olen == flen && count_chars(o + o0, olen) == 1 &&
	    count_chars(fd->out + f0, flen) == 1)
		return;
	push_unit(fd, o0, o1, f0);
}

static void note_last(folder *fd, size_t o, size_t f, size_t nunits, bool space)
{
	fd->last_o = o;
	fd->last_f = f;
	fd->last_nunits = nunits;
	fd->last_space = space;
}

/* Decodes the (non-ASCII) character at p and finds its entry; returns
 * its length, or -1 for an invalid byte. Two- and three-byte sequences,
 * most of what is not ASCII, are decoded here; the rest by the library. */
static inline int decode(folder *fd, const unsigned char *p, const unsigned char *end,
			 const fold_entry **e)
{
	ucs4_t c;
	int n;
	if (p[0] >= 0xC2 && p[0] <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
		c = (ucs4_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		n = 2;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF && end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
		   (p[2] & 0xC0) == 0x80 && (p[0] != 0xE0 || p[1] >= 0xA0) &&
		   (p[0] != 0xED || p[1] < 0xA0)) {
		c = (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		n = 3;
	} else {
		n = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (n < 0)
			return -1;
	}
	*e = lookup(fd, c);
	return n;
}

static bool is_fast_cjk(const unsigned char *p, const unsigned char *end)
{
	return p[0] >= 0xE4 && p[0] <= 0xE9 && end - p >= 3 &&
	       (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

/* Length of the character at p when it may join the one before it, else 0. */
static size_t joining_len(folder *fd, const unsigned char *p, const unsigned char *end)
{
	if (p >= end || *p < 0x80 || is_fast_cjk(p, end))
		return 0;
	const fold_entry *e;
	int n = decode(fd, p, end, &e);
	return n > 0 && e->kind == FOLD_JOINS ? (size_t)n : 0;
}

/* A whitespace run starting at p folds to one space (or none after a
 * space already emitted). Returns where the run ends. */
static const unsigned char *fold_space_run(folder *fd, const unsigned char *base,
					   const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;
	while (q < end) {
		if (*q < 0x80) {
			if (!is_space_cp(*q))
				break;
			q++;
			continue;
		}
		const fold_entry *e;
		int n = decode(fd, q, end, &e);
		if (n < 0 || e->kind != FOLD_SPACE)
			break;
		q += n;
	}
	size_t f0 = fd->len, nunits = fd->nunits;
	if (!ends_with_space(fd))
		emit(fd, " ", 1);
	record_unit(fd, (size_t)(p - base), (size_t)(q - base), f0);
	note_last(fd, (size_t)(p - base), f0, nunits, true);
	return q;
}

/* Folds the group [g, q): a character and those joining it, through the
 * library. */
static void fold_group(folder *fd, const unsigned char *base,
		       const unsigned char *g, const unsigned char *q)
{
	uint8_t buf[256];
	size_t len = sizeof buf, f0 = fd->len, nunits = fd->nunits;
	uint8_t *f = full_fold(g, (size_t)(q - g), buf, &len, fd->han != NULL);
	emit_collapsing(fd, f, len);
	if (f != buf)
		free(f);
	record_unit(fd, (size_t)(g - base), (size_t)(q - base), f0);
	note_last(fd, (size_t)(g - base), f0, nunits, false);
}

/* Handles the character at p that is not in an identity run; `run` is
 * the start of the identity run before it, already emitted (a joining
 * character takes the run's last character back). Returns where folding
 * continues. */
static const unsigned char *fold_special(folder *fd, const unsigned char *base,
					 const unsigned char *run, const unsigned char *p,
					 const unsigned char *end)
{
	if (*p < 0x80) {
		if (is_space_cp(*p))
			return fold_space_run(fd, base, p, end);
		char lower = (char)(*p | 0x20);       /* A-Z */
		note_last(fd, (size_t)(p - base), fd->len, fd->nunits, false);
		emit(fd, &lower, 1);
		return p + 1;
	}
	const fold_entry *entry;
	int n = decode(fd, p, end, &entry);
	if (n < 0) {
		size_t f0 = fd->len, nunits = fd->nunits;
		emit(fd, "\xEF\xBF\xBD", 3);
		record_unit(fd, (size_t)(p - base), (size_t)(p - base) + 1, f0);
		note_last(fd, (size_t)(p - base), f0, nunits, false);
		return p + 1;
	}
	fold_entry e = *entry;         /* a copy: the memo may grow below */
	const unsigned char *next = p + n;
	if (e.kind == FOLD_SPACE)
		return fold_space_run(fd, base, p, end);
	if (e.kind == FOLD_MAPPED) {
		size_t f0 = fd->len, nunits = fd->nunits;
		emit(fd, e.bytes, e.len);
		if (!(e.one_char && e.len == n))
			push_unit(fd, (size_t)(p - base), (size_t)(next - base), f0);
		note_last(fd, (size_t)(p - base), f0, nunits, false);
		return next;
	}
	const unsigned char *g = p;
	if (e.kind == FOLD_JOINS && p > base) {
		if (run < p) {
			/* the character before is still in the identity run */
			g = (const unsigned char *)text_prev((const char *)run, (const char *)p);
			fd->len -= (size_t)(p - g);
		} else if (!fd->last_space) {
			g = base + fd->last_o;
			fd->len = fd->last_f;
			fd->nunits = fd->last_nunits;
		}
	}
	size_t k;
	while ((k = joining_len(fd, next, end)) > 0)
		next += k;
	fold_group(fd, base, g, next);
	return next;
}

/* True when the 8 bytes at p are all lead bytes E4..E9 or continuation
 * bytes. From a character boundary in valid UTF-8 (the model's text is
 * valid), the 9 bytes at p are then three ideographs of U+4000..U+9FFF,
 * which fold to themselves: most of a Chinese page goes 9 bytes a step. */
static inline bool cjk_word(const unsigned char *p)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	uint64_t w;
	memcpy(&w, p, sizeof w);
	if ((w & high) != high)
		return false;
	/* 7-bit values per byte: continuation 00..3F, leads E4..E9 64..69 */
	uint64_t v = w ^ high;
	uint64_t ge40 = (v + 0x40 * ones) & high;
	uint64_t ge64 = (v + 0x1C * ones) & high;
	uint64_t ge6a = (v + 0x16 * ones) & high;
	return (ge40 & ~(ge64 & ~ge6a)) == 0;
}

/* The ideograph at p (lead byte E4..E9, valid UTF-8): its offset from
 * U+4000, and whether it folds to another one. */
static inline unsigned han_index(const unsigned char *p)
{
	return (unsigned)(p[0] - 0xE4) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
}

static inline unsigned han_folds(const uint8_t *han, const unsigned char *p)
{
	unsigned i = han_index(p);
	return han[i >> 3] >> (i & 7) & 1;
}

/* Notes that the ideographs of the 3 at p marked in `mask` are to be
 * patched when the run from `run` is copied; false (nothing noted) when
 * one of them folds out of the BMP (the slow path handles it). */
static inline bool patch_han(folder *fd, const unsigned char *run, const unsigned char *p,
			     unsigned mask)
{
	size_t saved = fd->npatches;
	if (fd->patches_cap - fd->npatches < 3)
		util_grow((void **)&fd->patches, &fd->patches_cap, fd->npatches + 3,
			  sizeof *fd->patches);
	for (unsigned k = 0; k < 3; k++) {
		if (!(mask >> k & 1))
			continue;
		uint16_t to = fd->han_to[han_index(p + 3 * k)];
		if (to == 0) {
			fd->npatches = saved;
			return false;
		}
		fd->patches[fd->npatches].at = (uint32_t)(p + 3 * k - run);
		fd->patches[fd->npatches++].to = to;
	}
	return true;
}

/* Appends the folded form of s[0, n) to fd->out, and its units. */
/* Bytes folded between two looks at util_interrupt_requested. */
enum { FOLD_BETWEEN_LOOKS = 1 << 20 };

static void fold_text(folder *fd, const char *s, size_t n)
{
	const unsigned char *base = (const unsigned char *)s, *end = base + n;
	const unsigned char *p = base, *run = base;
	const uint8_t *han = fd->han;
	fd->elem_fold = fd->len;
	fd->elem_text = s;
	note_last(fd, 0, fd->len, fd->nunits, true);
	reserve(fd, n + 1);
	const unsigned char *look = p + FOLD_BETWEEN_LOOKS;
	while (p < end) {
		if (p >= look) {
			/* a huge element: Ctrl-C is answered (search_index_new) */
			if (util_interrupt_requested())
				break;
			look = p + FOLD_BETWEEN_LOOKS;
		}
		if (end - p >= 9 && cjk_word(p)) {
			unsigned m = han ? han_folds(han, p) | han_folds(han, p + 3) << 1 |
					   han_folds(han, p + 6) << 2 : 0;
			if (m == 0 || patch_han(fd, run, p, m)) {
				p += 9;
				continue;
			}
		}
		unsigned char b = *p;
		if ((unsigned char)(b - 0xE4) < 6 && end - p >= 3 &&
		    (!han || !han_folds(han, p) || patch_han(fd, run, p, 1))) {
			p += 3;
			continue;
		}
		if (b < 0x80) {
			if (ascii_same(b)) {
				p++;
				continue;
			}
		} else {
			const fold_entry *e;
			int k = decode(fd, p, end, &e);
			if (k > 0 && e->kind == FOLD_SAME) {
				p += k;
				continue;
			}
		}
		emit_run(fd, run, p);
		p = fold_special(fd, base, run, p, end);
		run = p;
	}
	emit_run(fd, run, p);
}

char *search_fold(const char *s, size_t len, size_t *outlen)
{
	/* the fast paths of fold_text trust the text to be valid UTF-8 */
	util_buf clean = { 0 };
	if (u8_check((const uint8_t *)s, len) != NULL) {
		clean_utf8(s, len, &clean);
		s = clean.data;
		len = clean.len;
	}
	folder fd;
	folder_init(&fd);
	fold_text(&fd, s, len);
	util_buf_free(&clean);
	emit(&fd, "", 1);
	free_memo(&fd);
	free(fd.units);
	if (outlen)
		*outlen = fd.len - 1;
	return fd.out;
}

/* ---- the index ---- */

/* What is searched, in issue order: page after page, every element of
 * its articles, then its captions (article UINT32_MAX, element = caption
 * index), then its banners (element = banner index | SEARCH_BANNER). The
 * index and the streaming --search both walk it, so they search the same. */
typedef void (*element_fn)(void *ctx, uint32_t article, uint32_t element, uint32_t page, doc_str text);

static void each_article_element(const doc_issue *issue, size_t from, size_t to,
				 element_fn fn, void *ctx)
{
	for (size_t i = from; i < to; i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t e = 0; e < doc_article_nelements(a); e++) {
			doc_str t = doc_element_text(issue, a, e);
			if (t.len)
				fn(ctx, (uint32_t)i, e, a->page, t);
		}
	}
}

/* The page's own text: its captions, then its banners. */
static void each_page_level(const doc_issue *issue, size_t page, element_fn fn, void *ctx)
{
	const doc_page *pg = doc_page_at(issue, page);
	for (uint32_t c = pg->first_caption; c < pg->first_caption + pg->ncaptions; c++) {
		doc_str t = *doc_page_caption_at(issue, c);
		if (t.len)
			fn(ctx, UINT32_MAX, c, (uint32_t)page, t);
	}
	for (uint32_t b = pg->first_banner; b < pg->first_banner + pg->nbanners; b++) {
		doc_str t = *doc_banner_at(issue, b);
		if (t.len)
			fn(ctx, UINT32_MAX, b | SEARCH_BANNER, (uint32_t)page, t);
	}
}

static void each_element(const doc_issue *issue, element_fn fn, void *ctx)
{
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		each_article_element(issue, pg->first_article, pg->first_article + pg->narticles, fn, ctx);
		each_page_level(issue, p, fn, ctx);
	}
}

doc_str search_hit_text(const doc_issue *issue, const search_hit *h)
{
	if (h->article != UINT32_MAX)
		return doc_element_text(issue, doc_article_at(issue, h->article), h->element);
	if (h->element & SEARCH_BANNER)
		return *doc_banner_at(issue, h->element & ~SEARCH_BANNER);
	return *doc_page_caption_at(issue, h->element);
}

typedef struct index_build {
	folder fd;
	index_elem *elems;
	size_t n, cap;
} index_build;

static void index_element(void *ctx, uint32_t article, uint32_t element, uint32_t page, doc_str text)
{
	index_build *b = ctx;
	if (util_interrupt_requested())
		return;
	index_elem e = { b->fd.len, b->fd.nunits, article, element, page };
	UTIL_PUSH(b->elems, b->n, b->cap, e);
	fold_text(&b->fd, text.s, text.len);
	emit(&b->fd, "\n", 1);
}


/* Bytes of text in the issue, to size the folded buffer once. */
static size_t issue_text_bytes(const doc_issue *issue)
{
	size_t total = 0;
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t e = 0; e < doc_article_nelements(a); e++)
			total += doc_element_text(issue, a, e).len + 1;
	}
	for (size_t c = 0; c < doc_ncaptions(issue); c++)
		total += doc_page_caption_at(issue, c)->len + 1;
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		for (uint32_t b = 0; b < pg->nbanners; b++)
			total += doc_banner_at(issue, pg->first_banner + b)->len + 1;
	}
	return total;
}

search_index *search_index_new(const doc_issue *issue)
{
	search_index *ix = util_calloc(1, sizeof *ix);
	ix->issue = issue;
	index_build b = { .elems = NULL };
	folder_init(&b.fd);
	reserve(&b.fd, issue_text_bytes(issue) + 1);
	each_element(issue, index_element, &b);
	free_memo(&b.fd);
	if (util_interrupt_requested()) {
		free(b.fd.out);
		free(b.fd.units);
		free(b.elems);
		free(ix);
		return NULL;
	}
	index_elem sentinel = { b.fd.len, b.fd.nunits, UINT32_MAX, UINT32_MAX, UINT32_MAX };
	UTIL_PUSH(b.elems, b.n, b.cap, sentinel);
	ix->text = b.fd.out;
	ix->len = b.fd.len;
	ix->elems = b.elems;
	ix->nelems = b.n - 1;
	ix->units = b.fd.units;
	ix->nunits = b.fd.nunits;
	return ix;
}

void search_index_free(search_index *index)
{
	if (!index)
		return;
	free(index->text);
	free(index->elems);
	free(index->units);
	free(index);
}

const char *search_index_text(const search_index *index, size_t *len)
{
	*len = index->len;
	return index->text ? index->text : "";
}

/* ---- searching ---- */

/* The element holding folded offset f, searching from `from` on (hits
 * come in increasing order). */
static size_t find_elem(const search_index *ix, size_t from, size_t f)
{
	/* gallop: the next hit is usually near the last one */
	size_t lo = from, step = 1;
	while (lo + step < ix->nelems && ix->elems[lo + step].fold <= f) {
		lo += step;
		step *= 2;
	}
	size_t hi = lo + step < ix->nelems ? lo + step : ix->nelems;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->elems[mid].fold <= f)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Original offset of folded offset f, a hit's start or (with `end`) its
 * end (exclusive): inside the unit holding f, the unit's start or end;
 * else f shifted like the last unit before it. */
static uint32_t map_offset(const fold_unit *u, size_t n, uint32_t f, bool end)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (end ? u[mid].f0 < f : u[mid].f0 <= f)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return f;
	const fold_unit *x = &u[lo - 1];
	if (f < x->f1)
		return end ? x->o1 : x->o0;
	return x->o1 + (f - x->f1);
}

/* ---- one text at a time ---- */

struct search_folder {
	folder fd;
	util_buf clean;
};

search_folder *search_folder_new(void)
{
	search_folder *f = util_calloc(1, sizeof *f);
	folder_init(&f->fd);
	return f;
}

void search_folder_free(search_folder *f)
{
	if (!f)
		return;
	free_memo(&f->fd);
	free(f->fd.out);
	free(f->fd.units);
	util_buf_free(&f->clean);
	free(f);
}

/* Folds text known to be valid UTF-8 (the model's, doc.h) or not. */
static const char *folder_fold(search_folder *f, const char *s, size_t len, bool valid,
			       size_t *outlen)
{
	/* the fast paths of fold_text trust the text to be valid UTF-8 */
	if (!valid && u8_check((const uint8_t *)s, len) != NULL) {
		f->clean.len = 0;
		clean_utf8(s, len, &f->clean);
		s = f->clean.data;
		len = f->clean.len;
	}
	f->fd.len = 0;
	f->fd.nunits = 0;
	fold_text(&f->fd, s, len);
	reserve(&f->fd, 1);
	f->fd.out[f->fd.len] = '\0';
	*outlen = f->fd.len;
	return f->fd.out;
}

const char *search_folder_fold(search_folder *f, const char *s, size_t len, size_t *outlen)
{
	return folder_fold(f, s, len, false, outlen);
}

const char *search_folder_fold_valid(search_folder *f, const char *s, size_t len, bool map,
				     size_t *outlen)
{
	f->fd.no_units = !map;
	const char *out = folder_fold(f, s, len, true, outlen);
	f->fd.no_units = false;
	return out;
}

unsigned search_folder_splits(search_folder *f, const char *s, size_t len)
{
	folder *fd = &f->fd;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	unsigned out = 0;
	while (p < end && !(out & SEARCH_SPLITS_WIDE)) {
		/* ASCII folds one to one (a run of spaces to one space), and
		 * so do the ideographs of U+4000..U+9FFF (fold_text's fast
		 * paths) */
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (is_fast_cjk(p, end)) {
			p += 3;
			continue;
		}
		const fold_entry *e;
		int n = decode(fd, p, end, &e);
		if (n < 0) {
			p++;            /* one U+FFFD */
			continue;
		}
		p += n;
		if (e->kind == FOLD_SAME || e->kind == FOLD_SPACE ||
		    (e->kind == FOLD_MAPPED && e->one_char))
			continue;
		out |= SEARCH_SPLITS;
		if (e->kind != FOLD_MAPPED) {
			out |= SEARCH_SPLITS_WIDE;     /* folded by the library: anything */
			continue;
		}
		for (size_t k = 0; k < e->len; k++)
			if ((unsigned char)e->bytes[k] >= 0x80)
				out |= SEARCH_SPLITS_WIDE;
	}
	return out;
}

void search_folder_map(const search_folder *f, size_t f0, size_t f1,
		       uint32_t *start, uint32_t *end)
{
	*start = map_offset(f->fd.units, f->fd.nunits, (uint32_t)f0, false);
	*end = map_offset(f->fd.units, f->fd.nunits, (uint32_t)f1, true);
}

static bool is_blank_query(const char *q, size_t n)
{
	return n == 0 || (n == 1 && q[0] == ' ');
}

static void add_hit(search_result *res, size_t *cap, search_hit h)
{
	if (res->nhits > 0) {
		/* two hits inside the fold of one character ("…" is "...")
		 * are one hit in the text */
		search_hit *prev = &res->hits[res->nhits - 1];
		if (prev->article == h.article && prev->element == h.element &&
		    h.start < prev->end) {
			if (h.end > prev->end)
				prev->end = h.end;
			return;
		}
	}
	UTIL_PUSH(res->hits, res->nhits, *cap, h);
}

void search_run(const search_index *ix, const char *query, size_t len,
		search_result *out)
{
	size_t narticles = doc_narticles(ix->issue);
	out->hits = NULL;
	out->nhits = 0;
	out->issue = ix->issue;
	out->per_article = util_calloc(narticles ? narticles : 1, sizeof(uint32_t));
	size_t qlen, cap = 0;
	char *q = search_fold(query, len, &qlen);
	const char *text = ix->text ? ix->text : "", *end = text + ix->len;
	size_t ei = 0;
	for (const char *p = text; !is_blank_query(q, qlen) && p &&
	     (p = memmem(p, (size_t)(end - p), q, qlen)) != NULL; p += qlen) {
		size_t f = (size_t)(p - text);
		ei = find_elem(ix, ei, f);
		const index_elem *e = &ix->elems[ei];
		const fold_unit *u = ix->units ? ix->units + e->unit : NULL;  /* none when nothing changed shape */
		size_t nu = e[1].unit - e->unit;
		uint32_t rel = (uint32_t)(f - e->fold);
		search_hit h = { e->article, e->element, map_offset(u, nu, rel, false),
				 map_offset(u, nu, rel + (uint32_t)qlen, true), e->page };
		add_hit(out, &cap, h);
	}
	free(q);
	for (size_t i = 0; i < out->nhits; i++)
		if (out->hits[i].article != UINT32_MAX)
			out->per_article[out->hits[i].article]++;
}

void search_result_free(search_result *res)
{
	if (!res)
		return;
	free(res->hits);
	free(res->per_article);
	res->hits = NULL;
	res->per_article = NULL;
	res->nhits = 0;
}

static bool hit_before(const search_result *res, const search_hit *h, doc_pos pos)
{
	if (h->article == UINT32_MAX) {
		/* after the last article of its page */
		const doc_page *pg = doc_page_at(res->issue, h->page);
		return pg->first_article + pg->narticles <= pos.article;
	}
	if (h->article != pos.article)
		return h->article < pos.article;
	if (h->element != pos.element)
		return h->element < pos.element;
	return h->start < pos.offset;
}

size_t search_next(const search_result *res, doc_pos pos, bool forward, bool *wrapped)
{
	bool wrap = false;
	size_t found = (size_t)-1;
	if (res->nhits > 0) {
		/* the first hit not before pos */
		size_t lo = 0, hi = res->nhits;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (hit_before(res, &res->hits[mid], pos))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (forward) {
			wrap = lo == res->nhits;
			found = wrap ? 0 : lo;
		} else {
			wrap = lo == 0;
			found = wrap ? res->nhits - 1 : lo - 1;
		}
	}
	if (wrapped)
		*wrapped = wrap;
	return found;
}

/* ---- --search output ---- */

enum { CONTEXT_COLS = 30 };

/* Where the first 8-byte block of s[0, n) holding a control character
 * starts (n's last block boundary when none does): 8 bytes at a time while
 * none is below 0x20 or 0x7F (a byte of a multibyte character has its high
 * bit set: never taken). */
static size_t clean_blocks(const char *s, size_t n)
{
	size_t i = 0;
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	for (; i + 8 <= n; i += 8) {
		uint64_t x, d;
		memcpy(&x, s + i, sizeof x);
		d = x ^ 0x7F7F7F7F7F7F7F7Fu;
		if (((x - 0x20 * ones) | (d - ones)) & ~x & high)
			break;
	}
	return i;
}

/* Appends text with tabs and other control characters as spaces, so a
 * line stays one line of TAB-separated fields. */
static void add_clean(util_buf *b, const char *s, size_t n)
{
	size_t i = clean_blocks(s, n);
	size_t at = b->len;
	util_buf_add(b, s, n);
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			b->data[at + i] = ' ';
	}
}

/* The decimal digits of v, as printf's %d. */
static void add_int(util_buf *b, long v)
{
	char d[24];
	size_t n = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		d[n++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		util_buf_addc(b, '-');
	while (n > 0)
		util_buf_addc(b, d[--n]);
}

/* One grapheme cluster of t[i, end): its length, and in *cols its
 * columns as put_clean prints it (a control character as one space). */
static size_t scan_cluster(const char *t, size_t i, size_t end, int *cols)
{
	uint32_t cp;
	size_t g = text_grapheme_scan(t + i, t + end, &cp, cols);
	if (g == 1 && (cp < 0x20 || cp == 0x7F))
		*cols = 1;
	return g;
}

/* Where the context after a hit ending at `end` stops. */
/* Whether the 3 bytes at p are a character of 2 columns that is a
 * simple code point (text.h): an ideograph of U+4000..U+9FFF (not the
 * hexagrams of U+4DC0..U+4DFF, E4 B7 xx, one column), the CJK
 * punctuation of U+3000..U+3029 (、。《》「」【】) or a full-width form
 * of U+FF01..U+FF60 (，：（）！). */
static inline bool plain_wide(const unsigned char *p)
{
	if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return false;
	if (p[0] >= 0xE4 && p[0] <= 0xE9)
		return !(p[0] == 0xE4 && p[1] == 0xB7);
	if (p[0] == 0xE3)
		return p[1] == 0x80 && p[2] <= 0xA9;
	if (p[0] == 0xEF)
		return (p[1] == 0xBC && p[2] >= 0x81) || (p[1] == 0xBD && p[2] <= 0xA0);
	return false;
}

/* Whether the bytes at t[i, n) start with a character of the kinds
 * every context is mostly made of, each a simple code point of known
 * width: printable ASCII (1 column, 1 byte) and plain_wide (2 columns,
 * 3 bytes); its length, else 0 (test_search checks them). */
static inline size_t plain_at(const char *t, size_t i, size_t n)
{
	unsigned char b = (unsigned char)t[i];
	if (b >= 0x20 && b < 0x7F)
		return 1;
	if (b >= 0xE3 && n - i >= 3 && plain_wide((const unsigned char *)t + i))
		return 3;
	return 0;
}

/* The same for the character ending at t[i] (i > 0). */
static inline size_t plain_before(const char *t, size_t i)
{
	unsigned char b = (unsigned char)t[i - 1];
	if (b >= 0x20 && b < 0x7F)
		return 1;
	if (i >= 3 && (b & 0xC0) == 0x80 && plain_wide((const unsigned char *)t + i - 3))
		return 3;
	return 0;
}

/* How many characters plain_wide stand one after another from t[i]
 * on (within n bytes), at most max. */
static inline size_t wide_run(const char *t, size_t i, size_t n, size_t max)
{
	size_t j = 0;
	while (j < max && n - i >= 3 && plain_wide((const unsigned char *)t + i)) {
		i += 3;
		j++;
	}
	return j;
}

/* The same going back from t[i] (the characters ending at i, i - 3...). */
static inline size_t wide_run_back(const char *t, size_t i, size_t max)
{
	size_t j = 0;
	while (j < max && i >= 3 && plain_wide((const unsigned char *)t + i - 3)) {
		i -= 3;
		j++;
	}
	return j;
}

static size_t context_end(const char *t, size_t len, size_t end)
{
	int w = 0;
	/* most contexts open with a run of Han characters and CJK
	 * punctuation: each of the run but its last, a plain character
	 * after it, is a cluster of two columns (the loop below finds the
	 * same, character by character, at about four times the cost) */
	size_t run = wide_run(t, end, len, CONTEXT_COLS / 2 + 1);
	if (run >= 2) {
		end += 3 * (run - 1);
		w = 2 * (int)(run - 1);
	}
	/* k: plain_at(end), known from the step before (each character
	 * was looked at twice: as the next one, then as the one at end) */
	size_t k = end < len ? plain_at(t, end, len) : 0;
	while (end < len) {
		/* a plain character before another (or at the end) is a
		 * cluster of its own */
		size_t next = k && end + k < len ? plain_at(t, end + k, len) : 0;
		if (k && (end + k == len || next)) {
			int gw = k == 1 ? 1 : 2;
			if (w + gw > CONTEXT_COLS)
				break;
			w += gw;
			end += k;
			k = next;
			continue;
		}
		int gw;
		size_t g = scan_cluster(t, end, len, &gw);
		if (w + gw > CONTEXT_COLS)
			break;
		w += gw;
		end += g;
		k = end < len ? plain_at(t, end, len) : 0;
	}
	return end;
}

static size_t prev_char(const char *t, size_t i)
{
	return (size_t)(text_prev(t, t + i) - t);
}

static bool simple_at(const char *t, size_t i, size_t end)
{
	uint32_t cp;
	text_decode(t + i, t + end, &cp);
	return text_cp_is_simple(cp);
}

typedef struct cluster {
	size_t start;
	int cols;
} cluster;

typedef struct cluster_list {
	cluster *items;
	size_t n, cap;
} cluster_list;

/* Where the context before a hit at `start` begins: whole grapheme
 * clusters, at most CONTEXT_COLS columns. Clusters are only found going
 * forward, so this steps back to a boundary that is certain (between two
 * simple code points, text.h) and lists the clusters from there. */
static size_t context_start(const char *t, size_t start, cluster_list *cl)
{
	size_t pos = start;
	int w = 0;
	/* a run of plain wide characters before the hit: each of them but
	 * the first, a plain character before it, is a cluster of its own
	 * (as in context_end) */
	size_t run = wide_run_back(t, pos, CONTEXT_COLS / 2 + 1);
	if (run >= 2) {
		pos -= 3 * (run - 1);
		w = 2 * (int)(run - 1);
	}
	/* pk: plain_before(pos), known from the step before */
	size_t pk = pos > 0 ? plain_before(t, pos) : 0;
	while (pos > 0) {
		/* most steps: a plain character after another (or at the
		 * start) is a cluster of its own, as the loop below finds */
		size_t prev = pk && pos > pk ? plain_before(t, pos - pk) : 0;
		if (pk && (pos == pk || prev)) {
			int cols = pk == 1 ? 1 : 2;
			if (w + cols > CONTEXT_COLS)
				return pos;
			w += cols;
			pos -= pk;
			pk = prev;
			continue;
		}
		size_t r = prev_char(t, pos);
		if (simple_at(t, r, pos) && (r == 0 || simple_at(t, prev_char(t, r), r))) {
			int cols = text_grapheme_width(t + r, pos - r);
			if (w + cols > CONTEXT_COLS)
				return pos;
			w += cols;
			pos = r;
			pk = pos > 0 ? plain_before(t, pos) : 0;
			continue;
		}
		while (r > 0 && !(simple_at(t, r, pos) && simple_at(t, prev_char(t, r), r)))
			r = prev_char(t, r);
		cl->n = 0;
		for (size_t i = r; i < pos;) {
			cluster c = { i, 0 };
			i += scan_cluster(t, i, pos, &c.cols);
			UTIL_PUSH(cl->items, cl->n, cl->cap, c);
		}
		for (size_t k = cl->n; k-- > 0;) {
			if (w + cl->items[k].cols > CONTEXT_COLS)
				return pos;
			w += cl->items[k].cols;
			pos = cl->items[k].start;
		}
		pk = pos > 0 ? plain_before(t, pos) : 0;
	}
	return 0;
}

/* Copies s[0, n) to w with each control character as a space (as
 * add_clean); returns the end of what it wrote. */
static char *put_clean_at(char *w, const char *s, size_t n)
{
	memcpy(w, s, n);
	for (size_t i = clean_blocks(s, n); i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			w[i] = ' ';
	}
	return w + n;
}

/* The context of a hit, written straight into b's room (made once for
 * the whole context: a hit of a common character is one of hundreds of
 * thousands). */
static void add_context(util_buf *b, const char *text, size_t len, uint32_t start, uint32_t end,
			bool tty, cluster_list *cl)
{
	size_t from = context_start(text, start, cl);
	size_t to = context_end(text, len, end);
	size_t ml = tty ? 4 : 1;        /* "\033[1m" or "[" */
	util_grow((void **)&b->data, &b->cap, b->len + (to - from) + 2 * ml + 6 + 1, 1);
	char *w = b->data + b->len;
	if (from > 0) {
		memcpy(w, "…", 3);
		w += 3;
	}
	w = put_clean_at(w, text + from, start - from);
	memcpy(w, tty ? "\033[1m" : "[", ml);
	w = put_clean_at(w + ml, text + start, end - start);
	memcpy(w, tty ? "\033[0m" : "]", ml);
	w = put_clean_at(w + ml, text + end, to - end);
	if (to < len) {
		memcpy(w, "…", 3);
		w += 3;
	}
	*w = '\0';
	b->len = (size_t)(w - b->data);
}

void search_add_context(util_buf *b, const char *text, size_t len, uint32_t start, uint32_t end,
			bool tty)
{
	/* the list is only filled before a hit with characters that are not
	 * simple code points: most contexts allocate nothing */
	cluster_list cl = { NULL, 0, 0 };
	add_context(b, text, len, start, end, tty, &cl);
	free(cl.items);
}

void search_add_clean(util_buf *b, const char *s, size_t n)
{
	add_clean(b, s, n);
}

void search_print_context(const char *text, size_t len, uint32_t start, uint32_t end,
			  bool tty, FILE *out)
{
	util_buf b = { 0 };
	search_add_context(&b, text, len, start, end, tty);
	fwrite(b.data, 1, b.len, out);
	util_buf_free(&b);
}

void search_put_clean(FILE *out, const char *s, size_t n)
{
	util_buf b = { 0 };
	add_clean(&b, s, n);
	if (b.len)
		fwrite(b.data, 1, b.len, out);
	util_buf_free(&b);
}

/* What printing hits reuses from one to the next: the clusters before a
 * hit and the line being built (written with one fwrite). */
typedef struct hit_printer {
	cluster_list cl;
	util_buf line;
} hit_printer;

static void hit_printer_free(hit_printer *hp)
{
	free(hp->cl.items);
	util_buf_free(&hp->line);
}

static void print_hit(const doc_issue *issue, const search_hit *h, bool tty,
		      hit_printer *hp, FILE *out)
{
	doc_str text = search_hit_text(issue, h), headline = { NULL, 0 };
	util_buf *b = &hp->line;
	b->len = 0;
	if (h->article != UINT32_MAX)
		headline = doc_article_at(issue, h->article)->field[DOC_F_HEADLINE];
	add_int(b, doc_page_number(issue, h->page));
	util_buf_addc(b, '\t');
	if (h->article == UINT32_MAX)
		util_buf_addc(b, '-');
	else
		add_int(b, (long)h->article + 1);
	util_buf_addc(b, '\t');
	if (headline.len)
		add_clean(b, headline.s, headline.len);
	else
		util_buf_addc(b, '-');
	util_buf_addc(b, '\t');
	add_context(b, text.s, text.len, h->start, h->end, tty, &hp->cl);
	util_buf_addc(b, '\n');
	fwrite(b->data, 1, b->len, out);
}

size_t search_print(const doc_issue *issue, const search_index *index,
		    const char *query, bool tty, FILE *out)
{
	search_result res;
	search_run(index, query, strlen(query), &res);
	hit_printer hp = { { NULL, 0, 0 }, { 0 } };
	for (size_t i = 0; i < res.nhits; i++)
		print_hit(issue, &res.hits[i], tty, &hp, out);
	hit_printer_free(&hp);
	size_t n = res.nhits;
	search_result_free(&res);
	return n;
}

/* ---- the characters of the text that fold to an ideograph ---- */

/* Whether code point c, or a character of its full decomposition, is h
 * or folds to h by the script fold: a necessary condition for the library's fold of c to contain h (NFKC reaches an
 * ideograph only through a decomposition; case folding never does). */
static bool may_fold_to(ucs4_t c, ucs4_t h, bool script, int depth)
{
	if (c == h || (script && script_fold_cp(c) == h))
		return true;
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int type;
	int n = depth < 8 ? uc_decomposition(c, &type, d) : -1;
	for (int i = 0; i < n; i++)
		if (may_fold_to(d[i], h, script, depth + 1))
			return true;
	return false;
}

bool search_raw_form_candidate(uint32_t c, uint32_t h)
{
	bool script = script_fold_bitmap() != NULL;
	/* No decomposition in the ideographs of U+3400..U+9FFF (the script
	 * fold alone there), the hangul syllables (to jamo), the
	 * supplementary ideographs before and after the compatibility ones
	 * of U+2F800..U+2FA1F and the planes above (only h itself there);
	 * the unit test asks about every code point. */
	if (c >= 0x3400 && c < 0xA000)
		return c == h || (script && script_fold_cp(c) == h);
	if ((c >= 0xAC00 && c < 0xD7A4) || (c >= 0x20000 && c < 0x2F800) || c >= 0x2FA20)
		return c == h;
	return may_fold_to(c, h, script, 0);
}

/* Every code point may_fold_to(c, h) holds for, whatever h: c, its
 * script fold, and the same for each character of its decomposition,
 * into t[*n .. max) (what does not fit is dropped: false). One look at
 * c for all the ideographs of a query. */
static bool fold_targets(ucs4_t c, bool script, int depth, uint32_t *t, size_t *n, size_t max)
{
	if (*n + 2 > max)
		return false;
	t[(*n)++] = c;
	if (script)
		t[(*n)++] = script_fold_cp(c);
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int type;
	int k = depth < 8 ? uc_decomposition(c, &type, d) : -1;
	for (int i = 0; i < k; i++)
		if (!fold_targets(d[i], script, depth + 1, t, n, max))
			return false;
	return true;
}

/* The raw forms of each of the ideographs hs[0, nh) (see
 * search_raw_forms) in one walk of the code points: forms[i] (to free)
 * and nforms[i]. */
typedef struct form_list {
	uint32_t *cps;
	size_t n, cap;
} form_list;

/* Pushes c to the forms of h when the fold of c holds h. */
static void confirm_form(ucs4_t c, uint32_t h, bool script, form_list *fl)
{
	uint8_t in[6], buf[64], hb[6];
	int k = u8_uctomb(in, c, sizeof in);
	int hn = u8_uctomb(hb, h, sizeof hb);
	size_t len = sizeof buf;
	uint8_t *f = full_fold(in, (size_t)k, buf, &len, script);
	if (memmem(f, len, hb, (size_t)hn))
		UTIL_PUSH(fl->cps, fl->n, fl->cap, (uint32_t)c);
	if (f != buf)
		free(f);
}

static void raw_forms_walk(const uint32_t *hs, size_t nh, form_list *out)
{
	bool script = script_fold_bitmap() != NULL;
	uint32_t lo = UINT32_MAX, hi = 0;
	for (size_t i = 0; i < nh; i++) {
		lo = hs[i] < lo ? hs[i] : lo;
		hi = hs[i] > hi ? hs[i] : hi;
	}
	for (ucs4_t c = 0x80; c < 0x110000; c++) {
		if (c == 0xD800)
			c = 0xE000;
		/* ranges where only h itself may fold to h (search_raw_form_candidate) */
		if (c == 0xAC00 || c == 0x20000 || c == 0x2FA20) {
			ucs4_t stop = c == 0xAC00 ? 0xD7A4 : c == 0x20000 ? 0x2F800 : 0x110000;
			for (size_t i = 0; i < nh; i++)
				if (hs[i] >= c && hs[i] < stop)
					confirm_form(hs[i], hs[i], script, &out[i]);
			c = stop - 1;
			continue;
		}
		uint32_t t[64];
		size_t nt = 0;
		bool all;
		if (c >= 0x3400 && c < 0xA000) {
			t[nt++] = c;
			t[nt++] = script ? script_fold_cp(c) : c;
			all = true;
		} else {
			all = fold_targets(c, script, 0, t, &nt, sizeof t / sizeof t[0]);
		}
		if (!all) {
			for (size_t i = 0; i < nh; i++)
				if (search_raw_form_candidate(c, hs[i]))
					confirm_form(c, hs[i], script, &out[i]);
			continue;
		}
		for (size_t j = 0; j < nt; j++) {
			if (t[j] < lo || t[j] > hi)
				continue;       /* most: no ideograph of the query */
			for (size_t i = 0; i < nh; i++)
				/* once, though several targets may be hs[i] */
				if (t[j] == hs[i] && !(out[i].n && out[i].cps[out[i].n - 1] == c))
					confirm_form(c, hs[i], script, &out[i]);
		}
	}
}

size_t search_raw_forms(uint32_t h, uint32_t **out)
{
	*out = NULL;
	if (h < 0x80 || h > 0x10FFFF || !uc_is_property_ideographic(h))
		return 0;
	form_list fl = { NULL, 0, 0 };
	raw_forms_walk(&h, 1, &fl);
	*out = fl.cps;
	return fl.n;
}

/* ---- the filter: which raw text may fold to text holding the query ---- */

/* The query's characters, each with its raw forms (the code points whose
 * fold holds it, search_raw_forms) in UTF-8. */
typedef struct raw_form {
	uint32_t cp;
	uint8_t bytes[4], len;
} raw_form;

typedef struct filter_pos {
	size_t first, n;                /* its forms in search_filter.forms */
	bool distinct;                  /* the first position of this character */
} filter_pos;

struct search_filter {
	raw_form *forms;
	size_t nforms;
	filter_pos *pos;                /* one per ideograph of the query */
	size_t npos;
	bool exact;                     /* see search_filter_exact */
};

/* Whether the fold of c, alone and beside anything, is exactly h: c
 * folds to the one character h and never joins what precedes it. */
static bool folds_exactly_to(folder *fd, ucs4_t c, ucs4_t h)
{
	const fold_entry *e = lookup(fd, c);
	if (e->kind == FOLD_SAME)
		return c == h;
	if (e->kind != FOLD_MAPPED || !e->one_char)
		return false;
	uint8_t hb[6];
	int hn = u8_uctomb(hb, h, sizeof hb);
	return e->len == hn && memcmp(e->bytes, hb, (size_t)hn) == 0;
}

search_filter *search_filter_new(const char *q, size_t qlen)
{
	search_filter *f = util_calloc(1, sizeof *f);
	uint32_t *hs = util_malloc((qlen + 1) * sizeof *hs);
	size_t nh = 0, npos_cap = 0;
	bool all_ideographs = qlen > 0;
	for (size_t i = 0; i < qlen;) {
		ucs4_t h;
		i += (size_t)u8_mbtouc(&h, (const uint8_t *)q + i, qlen - i);
		if (h < 0x80 || !uc_is_property_ideographic(h)) {
			all_ideographs = false;
			continue;
		}
		size_t k = 0;
		while (k < nh && hs[k] != h)
			k++;
		filter_pos p = { k, 0, k == nh };
		if (k == nh)
			hs[nh++] = h;
		UTIL_PUSH(f->pos, f->npos, npos_cap, p);
	}
	form_list *fl = util_calloc(nh ? nh : 1, sizeof *fl);
	if (nh)
		raw_forms_walk(hs, nh, fl);
	/* the forms of each distinct ideograph, in order */
	size_t *first = util_malloc((nh ? nh : 1) * sizeof *first), cap = 0;
	folder fd;
	folder_init(&fd);
	bool exact = all_ideographs;
	for (size_t k = 0; k < nh; k++) {
		first[k] = f->nforms;
		for (size_t j = 0; j < fl[k].n; j++) {
			raw_form r = { .cp = fl[k].cps[j] };
			r.len = (uint8_t)u8_uctomb(r.bytes, r.cp, sizeof r.bytes);
			UTIL_PUSH(f->forms, f->nforms, cap, r);
			exact = exact && folds_exactly_to(&fd, r.cp, hs[k]);
		}
		free(fl[k].cps);
	}
	free_memo(&fd);
	free(fd.out);
	for (size_t i = 0; i < f->npos; i++) {
		size_t k = f->pos[i].first;
		f->pos[i].first = first[k];
		f->pos[i].n = fl[k].n;
	}
	f->exact = exact && f->npos > 0;
	free(first);
	free(fl);
	free(hs);
	return f;
}

void search_filter_free(search_filter *f)
{
	if (!f)
		return;
	free(f->forms);
	free(f->pos);
	free(f);
}

bool search_filter_exact(const search_filter *f)
{
	return f->exact;
}

/* Whether the code point at s (valid UTF-8) is one of the forms of p;
 * its length in *len. */
static bool form_at(const search_filter *f, const filter_pos *p, const char *s, const char *end,
		    size_t *len)
{
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s, (size_t)(end - s));
	*len = (size_t)k;
	for (size_t j = 0; j < p->n; j++)
		if (f->forms[p->first + j].cp == c)
			return true;
	return false;
}

/* Exact filter: the query's positions' forms one after another. */
static bool has_sequence(const search_filter *f, const char *s, size_t n)
{
	const char *end = s + n;
	const filter_pos *p0 = &f->pos[0];
	for (size_t j = 0; j < p0->n; j++) {
		const raw_form *r = &f->forms[p0->first + j];
		for (const char *at = s; (at = util_find(at, (size_t)(end - at), (const char *)r->bytes, r->len));
		     at += r->len) {
			const char *q = at + r->len;
			size_t i = 1, k;
			while (i < f->npos && q < end && form_at(f, &f->pos[i], q, end, &k)) {
				q += k;
				i++;
			}
			if (i == f->npos)
				return true;
		}
	}
	return false;
}

/* Exact filter: the next hit in s[*at, n) (valid UTF-8), as search_run
 * places it, without folding: where the forms of the query stand one
 * after another, from the first one's start to the end of the last one
 * and of the characters joining it (they fold together, and a hit's end
 * inside such a group covers it; a form is never one of them, nor does
 * one fold to an ideograph: the forms fold to exactly their ideograph).
 * Hits do not overlap, as memmem's after one another. False when there
 * is none; `fd` knows which characters join. */
static bool next_raw_hit(const search_filter *f, folder *fd, const char *s, size_t n, size_t *at,
			 uint32_t *start, uint32_t *end)
{
	const char *e = s + n;
	const filter_pos *p0 = &f->pos[0];
	for (;;) {
		/* the nearest form of the first ideograph */
		const char *first = NULL;
		size_t flen = 0;
		for (size_t j = 0; j < p0->n; j++) {
			const raw_form *r = &f->forms[p0->first + j];
			size_t lim = first ? (size_t)(first - (s + *at)) + r->len : n - *at;
			if (lim > n - *at)
				lim = n - *at;
			const char *x = util_find(s + *at, lim, (const char *)r->bytes, r->len);
			if (x && (!first || x < first)) {
				first = x;
				flen = r->len;
			}
		}
		if (!first)
			return false;
		const char *q = first + flen;
		size_t i = 1, k;
		while (i < f->npos && q < e && form_at(f, &f->pos[i], q, e, &k)) {
			q += k;
			i++;
		}
		if (i < f->npos) {
			*at = (size_t)(first - s) + flen;
			continue;
		}
		while ((k = joining_len(fd, (const unsigned char *)q, (const unsigned char *)e)) > 0)
			q += k;
		*start = (uint32_t)(first - s);
		*end = (uint32_t)(q - s);
		*at = (size_t)(q - s);
		return true;
	}
}

bool search_filter_may_hold(const search_filter *f, const char *s, size_t n)
{
	if (f->exact)
		return has_sequence(f, s, n);
	/* each distinct ideograph of the query, by one of its forms */
	for (size_t i = 0; i < f->npos; i++) {
		const filter_pos *p = &f->pos[i];
		if (!p->distinct)
			continue;
		bool found = false;
		for (size_t j = 0; j < p->n && !found; j++)
			found = util_find(s, n, (const char *)f->forms[p->first + j].bytes,
					  f->forms[p->first + j].len) != NULL;
		if (!found)
			return false;
	}
	return true;
}

/* ---- --search of a big issue: element after element ---- */

/* Articles are folded a batch at a time (those that came out of one
 * parsing step) into one buffer, elements separated by '\n' as in the
 * index but without the map back; one memmem runs over the batch, and
 * only an element with a hit is folded again, with its map, to place the
 * hit in the original text. */
typedef struct batch_elem {
	size_t fold;                    /* start in the batch's folded text */
	uint32_t article, element, page;
	doc_str text;
} batch_elem;

struct search_stream {
	const doc_issue *issue;
	search_folder *sf;              /* folds one element with its map */
	folder batch;                   /* folds a batch, no map */
	batch_elem *elems;
	size_t nelems, elems_cap;
	char *q;
	size_t qlen;
	bool tty, blank;
	search_filter *filter;          /* which elements are folded at all */
	bool exact;                     /* the filter passes only elements with a hit */
	hit_printer hp;
	FILE *out;
	size_t nhits;
	size_t npages;                  /* pages whose own text was searched */
	size_t narticles;               /* articles searched */
	const char *span_lo, *span_hi;  /* source text searched, to let go */
	size_t span_page;
};

/* Prints the hits of one element, found again with the map back. */
static void stream_element(search_stream *st, uint32_t article, uint32_t element, uint32_t page,
			   doc_str text)
{
	FILE *out = st->out;
	if (st->exact) {
		/* the hits are found in the text as it is (next_raw_hit) */
		size_t at = 0;
		search_hit h = { article, element, 0, 0, page };
		while (next_raw_hit(st->filter, &st->sf->fd, text.s, text.len, &at, &h.start, &h.end)) {
			print_hit(st->issue, &h, st->tty, &st->hp, out);
			st->nhits++;
		}
		return;
	}
	size_t flen;
	const char *f = folder_fold(st->sf, text.s, text.len, true, &flen);
	search_hit pending;
	bool have = false;
	for (const char *p = f; (p = memmem(p, (size_t)(f + flen - p), st->q, st->qlen)) != NULL;
	     p += st->qlen) {
		search_hit h = { article, element, 0, 0, page };
		search_folder_map(st->sf, (size_t)(p - f), (size_t)(p - f) + st->qlen, &h.start, &h.end);
		if (have && h.start < pending.end) {
			/* two hits inside the fold of one character are one (add_hit) */
			if (h.end > pending.end)
				pending.end = h.end;
			continue;
		}
		if (have) {
			print_hit(st->issue, &pending, st->tty, &st->hp, out);
			st->nhits++;
		}
		pending = h;
		have = true;
	}
	if (have) {
		print_hit(st->issue, &pending, st->tty, &st->hp, out);
		st->nhits++;
	}
}

static void batch_element(void *ctx, uint32_t article, uint32_t element, uint32_t page, doc_str text)
{
	search_stream *st = ctx;
	if (!search_filter_may_hold(st->filter, text.s, text.len))
		return;
	if (st->exact) {
		/* it holds the query: no batch to fold and search first */
		stream_element(st, article, element, page, text);
		return;
	}
	batch_elem e = { st->batch.len, article, element, page, text };
	UTIL_PUSH(st->elems, st->nelems, st->elems_cap, e);
	fold_text(&st->batch, text.s, text.len);
	emit(&st->batch, "\n", 1);
}

/* Searches the batch folded so far and empties it. */
static void run_batch(search_stream *st)
{
	if (!st->nelems)
		return;                 /* none folded (none may hold the query) */
	const char *text = st->batch.out, *end = text + st->batch.len;
	size_t ei = 0;
	for (const char *p = text; st->nelems && (p = memmem(p, (size_t)(end - p), st->q, st->qlen)) != NULL;) {
		size_t f = (size_t)(p - text);
		while (ei + 1 < st->nelems && st->elems[ei + 1].fold <= f)
			ei++;
		const batch_elem *e = &st->elems[ei];
		stream_element(st, e->article, e->element, e->page, e->text);
		/* on after this element */
		p = ei + 1 < st->nelems ? text + st->elems[ei + 1].fold : end;
	}
	st->batch.len = 0;
	st->nelems = 0;
}

search_stream *search_stream_new(const doc_issue *issue, const char *query, bool tty, FILE *out)
{
	search_stream *st = util_calloc(1, sizeof *st);
	st->issue = issue;
	st->q = search_fold(query, strlen(query), &st->qlen);
	st->blank = is_blank_query(st->q, st->qlen);
	st->filter = search_filter_new(st->q, st->qlen);
	st->exact = search_filter_exact(st->filter);
	st->tty = tty;
	st->out = out;
	st->sf = search_folder_new();
	folder_init(&st->batch);
	st->batch.no_units = true;
	return st;
}

/* Captions searched are let go in spans of this size (a span of a page's
 * source; see search_stream_pages). */
enum { CAPTION_DROP_SPAN = 4 << 20 };

static void drop_span(search_stream *st)
{
	if (st->span_lo < st->span_hi) {
		doc_source src = doc_page_source(st->issue, st->span_page);
		src.drop(src.owner, st->span_lo, st->span_hi);
	}
	st->span_lo = st->span_hi = NULL;
}

/* One element of a page's own text: searched, and its source let go. */
static void page_level_element(void *ctx, uint32_t article, uint32_t element, uint32_t page, doc_str t)
{
	search_stream *st = ctx;
	if (search_filter_may_hold(st->filter, t.s, t.len))
		stream_element(st, article, element, page, t);
	/* A page's captions come when the page ends, long after the parser
	 * let their text go: searching read it back (with its neighbours:
	 * fault-around), so let it go again, a span at a time. Text repaired
	 * into the arena is not the page's. */
	doc_source src = doc_page_source(st->issue, page);
	if (!src.drop || t.s < src.text || t.s >= src.text + src.len)
		return;
	if (st->span_lo && (page != st->span_page || t.s < st->span_lo ||
			    t.s + t.len - st->span_lo > CAPTION_DROP_SPAN))
		drop_span(st);
	if (!st->span_lo) {
		st->span_page = page;
		st->span_lo = t.s;
	}
	st->span_hi = t.s + t.len + 64 * 1024;
}

/* The own text of the pages before `to` whose articles have all been
 * searched. A page is done (search_stream_pages) before its last article
 * is complete, and a page of photos has no article: its text waits
 * until the articles before it are searched, so that hits come out in
 * issue order. */
static void pages_until(search_stream *st, size_t to)
{
	for (; st->npages < to; st->npages++) {
		const doc_page *pg = doc_page_at(st->issue, st->npages);
		if (pg->first_article + pg->narticles > st->narticles)
			break;          /* its last article is not searched yet */
		if (!st->blank)
			each_page_level(st->issue, st->npages, page_level_element, st);
	}
	if (st->span_lo)
		drop_span(st);
}

void search_stream_articles(search_stream *st, size_t from, size_t to)
{
	while (from < to) {
		uint32_t page = doc_article_at(st->issue, from)->page;
		size_t end = from + 1;
		while (end < to && doc_article_at(st->issue, end)->page == page)
			end++;
		/* the pages before this article's are over: their own text
		 * comes first */
		pages_until(st, page);
		if (!st->blank) {
			each_article_element(st->issue, from, end, batch_element, st);
			run_batch(st);
		}
		st->narticles = end;
		from = end;
	}
}

void search_stream_pages(search_stream *st, size_t to)
{
	pages_until(st, to);
}

size_t search_stream_finish(search_stream *st)
{
	search_stream_articles(st, st->narticles, doc_narticles(st->issue));
	pages_until(st, doc_npages(st->issue));
	size_t n = st->nhits;
	search_folder_free(st->sf);
	free_memo(&st->batch);
	free(st->batch.out);
	free(st->elems);
	search_filter_free(st->filter);
	hit_printer_free(&st->hp);
	free(st->q);
	free(st);
	return n;
}

size_t search_print_stream(const doc_issue *issue, const char *query, bool tty, FILE *out)
{
	search_stream *st = search_stream_new(issue, query, tty, out);
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		search_stream_articles(st, pg->first_article, pg->first_article + pg->narticles);
		search_stream_pages(st, p + 1);
	}
	return search_stream_finish(st);
}
