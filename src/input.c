/* input.c — reading pages; see input.h.
 *
 * The path every command takes on start-up is: map the file, run one scan
 * (scan_clean) that validates UTF-8 and looks for control bytes at once,
 * and when it reaches the end, use the mapping in place. Everything else
 * (BOMs, other encodings, repairs, escape sequences) is the slow path and
 * writes a new buffer.
 */
#include "input.h"
#include "columns.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uniconv.h>
#include <unistr.h>

enum {
	SNIFF_BYTES = 64 * 1024,        /* prefix examined for binary data */
	CENSUS_BEFORE = 64 * 1024,      /* window examined to tell UTF-8 */
	CENSUS_AFTER = 1024 * 1024,     /* from GB18030, around the first error */
	GUARD_SLOTS = 256,              /* mapped files the SIGBUS guard knows */
};

static const char REPLACEMENT[] = "\xEF\xBF\xBD";      /* U+FFFD */

/* ---- The scan: valid UTF-8 free of control characters ----------------- */

/* Per lead byte: the length of the sequence it starts (0: a byte that
 * needs attention — a control, DEL, a continuation or an impossible lead)
 * and the range allowed for the second byte, which excludes overlongs,
 * surrogates, code points above U+10FFFF and, for 0xC2, the C1 controls. */
typedef struct lead {
	uint8_t len, lo, hi;
} lead;

#define BAD  { 0, 0, 0 }
#define OK1  { 1, 0, 0 }
#define R2(...) __VA_ARGS__, __VA_ARGS__
#define R4(...) R2(__VA_ARGS__), R2(__VA_ARGS__)
#define R8(...) R4(__VA_ARGS__), R4(__VA_ARGS__)
#define R16(...) R8(__VA_ARGS__), R8(__VA_ARGS__)
#define CONT2 { 2, 0x80, 0xBF }
#define CONT3 { 3, 0x80, 0xBF }
#define CONT4 { 4, 0x80, 0xBF }

static const lead LEAD[] = {
	/* 0x00 */ R8(BAD), BAD, OK1, OK1, BAD, BAD, OK1, BAD, BAD,  /* \t \n \r */
	/* 0x10 */ R16(BAD),
	/* 0x20 */ R16(OK1), R16(OK1), R16(OK1), R16(OK1), R16(OK1),
	/* 0x70 */ R8(OK1), R4(OK1), OK1, OK1, OK1, BAD,             /* DEL */
	/* 0x80 */ R16(BAD), R16(BAD), R16(BAD), R16(BAD),
	/* 0xC0 */ BAD, BAD, { 2, 0xA0, 0xBF },                      /* not C1 */
	/* 0xC3 */ R16(CONT2), R8(CONT2), R4(CONT2), CONT2,
	/* 0xE0 */ { 3, 0xA0, 0xBF }, R8(CONT3), R4(CONT3),
	/* 0xED */ { 3, 0x80, 0x9F }, CONT3, CONT3,
	/* 0xF0 */ { 4, 0x90, 0xBF }, CONT4, CONT4, CONT4, { 4, 0x80, 0x8F },
	/* 0xF5 */ R8(BAD), BAD, BAD, BAD,
};
_Static_assert(sizeof LEAD / sizeof LEAD[0] == 256, "one entry per byte");

#define ONES (~(uint64_t)0 / 255)
#define HIGHS (ONES * 0x80)

static inline uint64_t load64(const uint8_t *p)
{
	uint64_t w;
	memcpy(&w, p, sizeof w);
	return w;
}

/* Whether all eight bytes are printable ASCII (0x20..0x7E): no high bit,
 * no byte below 0x20, no DEL. */
static inline bool word_is_printable(uint64_t w)
{
	uint64_t below_space = (w - ONES * 0x20) & ~w;
	uint64_t x = w ^ (ONES * 0x7F);
	uint64_t del = (x - ONES) & ~x;
	return ((w | below_space | del) & HIGHS) == 0;
}

static inline bool is_cont(uint8_t c)
{
	return (c & 0xC0) == 0x80;
}

/* Length of the valid, clean sequence at s[i] (0 when it needs attention). */
static inline size_t clean_seq_len(const uint8_t *s, size_t i, size_t len)
{
	const lead *l = &LEAD[s[i]];
	size_t n = l->len;
	if (n <= 1)
		return n;
	if (n > len - i || s[i + 1] < l->lo || s[i + 1] > l->hi)
		return 0;
	if (n >= 3 && !is_cont(s[i + 2]))
		return 0;
	if (n == 4 && !is_cont(s[i + 3]))
		return 0;
	return n;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* The bytes of s[0, 15) that break a run of five three-byte characters
 * led by E1..EC, EE or EF (one bit a byte; 0: the five are there). The
 * scan read them three bytes at a time: 11% of --list on the archive. */
static inline unsigned cjk_run_breaks(const uint8_t *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	/* as signed bytes: 80..BF are below C0; E1..EF lie between E0 and F0 */
	unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
	__m128i leading = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xE0)),
				     _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xF0)));
	leading = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)), leading);
	unsigned leads = (unsigned)_mm_movemask_epi8(leading);
	/* leads at 0 3 6 9 12 (0x1249), continuations at the ten others */
	return ((cont ^ 0x6DB6u) | (~leads & 0x1249u)) & 0x7FFFu;
}

/* The bytes of the 16 at s that are continuations (80..BF), leads of
 * three-byte sequences that need nothing beyond two continuations (E1..EC,
 * EE, EF) and clean ASCII (20..7E and \n), one bit a byte. */
static inline void byte_classes(const uint8_t *s, unsigned *cont, unsigned *leads, unsigned *ascii)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	/* as signed bytes: 80..BF are below C0 */
	*cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
	/* E1..EF moved to -128..-114, 20..7E to -128..-34: one comparison each */
	__m128i e = _mm_add_epi8(v, _mm_set1_epi8((char)0x9F));
	__m128i ld = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
				      _mm_cmplt_epi8(e, _mm_set1_epi8(-113)));
	*leads = (unsigned)_mm_movemask_epi8(ld);
	__m128i a = _mm_add_epi8(v, _mm_set1_epi8(0x60));
	__m128i ok = _mm_or_si128(_mm_cmplt_epi8(a, _mm_set1_epi8(-33)), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
	*ascii = (unsigned)_mm_movemask_epi8(ok);
}

/* How many of the 32 bytes at s (s at the start of a character) are
 * clean characters of the two kinds of a Chinese page, printable ASCII
 * (and \n) and the three-byte sequences led by E1..EC, EE or EF, in any
 * mix, ending at the end of a whole character: scan_clean takes them at
 * once and looks at what stops them with its other loops. Every byte
 * accepted here is one those loops accept (test_input). */
static inline unsigned mixed_clean_prefix(const uint8_t *s)
{
	unsigned c0, l0, a0, c1, l1, a1;
	byte_classes(s, &c0, &l0, &a0);
	byte_classes(s + 16, &c1, &l1, &a1);
	uint64_t cont = c0 | (uint64_t)c1 << 16, leads = l0 | (uint64_t)l1 << 16;
	uint64_t good = cont | leads | a0 | (uint64_t)a1 << 16;
	/* the two bytes after each lead must be continuations, and no other
	 * byte may be one; a lead near the end expects bytes past the block */
	uint64_t expect = leads << 1 | leads << 2;
	uint64_t bad = (~good & 0xFFFFFFFFu) | ((cont ^ expect) & 0xFFFFFFFFu) | (expect & 0x300000000u);
	if (!bad)
		return 32;
	unsigned f = (unsigned)__builtin_ctzll(bad);
	if (!(expect >> f & 1))
		return f;
	/* a continuation missing at f: back to the start of its character */
	return leads >> (f - 1) & 1 ? f - 1 : f - 2;
}
#endif

/* Offset of the first byte at or after `i` that needs attention: a control
 * (other than \t \n \r), DEL, a C1 control, or the start of an invalid
 * sequence; `len` when there is none. Printable ASCII goes eight bytes at
 * a time; the three-byte sequences of CJK text have a loop of their own
 * (five at a time with SSE2). */
static size_t scan_clean(const uint8_t *s, size_t i, size_t len)
{
	while (i < len) {
#ifdef __SSE2__
		/* ASCII and CJK mixed, 32 bytes at a time */
		while (len - i >= 32) {
			unsigned k = mixed_clean_prefix(s + i);
			if (!k)
				break;          /* the byte at i: below */
			i += k;
		}
		if (i >= len)
			break;
#endif
		uint8_t c = s[i];
		if (c < 0x80) {
			if (!LEAD[c].len)
				return i;
			i++;
			while (len - i >= 8 && word_is_printable(load64(s + i)))
				i += 8;
			continue;
		}
#ifdef __SSE2__
		while (len - i >= 16) {
			unsigned breaks = cjk_run_breaks(s + i);
			if (breaks) {
				/* the characters before the first break */
				i += 3 * ((unsigned)__builtin_ctz(breaks) / 3);
				break;
			}
			i += 15;
		}
#endif
		/* E1..EC and EE..EF need nothing beyond two continuation bytes */
		while (len - i >= 3 && (uint8_t)(s[i] - 0xE1) < 0x0F && s[i] != 0xED
		       && is_cont(s[i + 1]) && is_cont(s[i + 2]))
			i += 3;
		if (i >= len || s[i] < 0x80)
			continue;
		size_t n = clean_seq_len(s, i, len);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

/* ---- Cleaning: a new buffer without controls, escapes, invalid bytes -- */

/* End of the terminal escape sequence that starts with ESC at s[i]: CSI
 * (ESC [ params intermediates final), strings ended by BEL or ST (OSC,
 * DCS, SOS, PM, APC), nF (ESC intermediates final) and two-byte escapes.
 * A string also ends at a newline (kept): once its ESC is gone the rest is
 * harmless text, and a stray ESC ] must not swallow the whole page. */
static size_t escape_end(const uint8_t *s, size_t i, size_t len)
{
	size_t j = i + 1;
	if (j >= len)
		return j;
	uint8_t c = s[j];
	if (c == '[') {
		j++;
		while (j < len && s[j] >= 0x30 && s[j] <= 0x3F)
			j++;
		while (j < len && s[j] >= 0x20 && s[j] <= 0x2F)
			j++;
		if (j < len && s[j] >= 0x40 && s[j] <= 0x7E)
			j++;
		return j;
	}
	if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
		for (j++; j < len; j++) {
			if (s[j] == 0x07)
				return j + 1;
			if (s[j] == 0x1B)
				return j + 1 < len && s[j + 1] == '\\' ? j + 2 : j;
			if (s[j] == 0xC2 && j + 1 < len && s[j + 1] == 0x9C)
				return j + 2;
			if (s[j] == '\n')
				return j;
		}
		return j;
	}
	if (c >= 0x20 && c <= 0x2F) {
		while (j < len && s[j] >= 0x20 && s[j] <= 0x2F)
			j++;
		if (j < len && s[j] >= 0x30 && s[j] <= 0x7E)
			j++;
		return j;
	}
	if (c >= 0x30 && c <= 0x7E)
		return j + 1;
	return j;
}

/* Handles the byte at s[i] that scan_clean stopped at; returns where to
 * go on. Invalid sequences are cut where libunistring's decoder cuts them
 * (u8_mbtouc), each piece becoming one U+FFFD. */
static size_t clean_one(const uint8_t *s, size_t i, size_t len, util_buf *out,
			size_t *replaced)
{
	uint8_t c = s[i];
	if (c == 0x1B)
		return escape_end(s, i, len);
	if (c == '\f') {
		util_buf_addc(out, '\n');
		return i + 1;
	}
	if (c < 0x80)
		return i + 1;
	if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
		return i + 2;
	ucs4_t uc;
	int n = u8_mbtouc(&uc, s + i, len - i);
	if (uc == 0xFFFD && !(n == 3 && memcmp(s + i, REPLACEMENT, 3) == 0)) {
		util_buf_add(out, REPLACEMENT, 3);
		++*replaced;
	} else {
		util_buf_add(out, s + i, (size_t)n);
	}
	return i + (size_t)n;
}

/* Copies s into a new buffer, cleaned; `first` is where scan_clean
 * stopped (everything before it is clean). */
static util_buf clean_copy(const uint8_t *s, size_t len, size_t first,
			   size_t *replaced)
{
	util_buf out = { 0 };
	util_grow((void **)&out.data, &out.cap, len + 1, 1);
	util_buf_add(&out, s, first);
	size_t i = first;
	while (i < len) {
		i = clean_one(s, i, len, &out, replaced);
		size_t j = scan_clean(s, i, len);
		util_buf_add(&out, s + i, j - i);
		i = j;
	}
	return out;
}

/* ---- Telling text from binary data, UTF-8 from GB18030 ---------------- */

/* Many NUL or control bytes in the first 64 KiB. The controls that text
 * files do hold (whitespace, form feed, backspace overstrike, ESC of
 * colours) do not count. */
static bool looks_binary(const uint8_t *s, size_t len)
{
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, bad = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t c = s[i];
		bad += c < 0x20 && !(c >= '\b' && c <= '\r') && c != 0x1B;
	}
	return bad >= 8 && bad * 16 > n;
}

/* Offset of the first invalid UTF-8 sequence at or after i (controls are
 * skipped), or len. */
static size_t first_invalid(const uint8_t *s, size_t i, size_t len)
{
	for (i = scan_clean(s, i, len); i < len; i = scan_clean(s, i, len)) {
		if (s[i] < 0x80)
			i++;
		else if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
			i += 2;
		else
			return i;
	}
	return len;
}

typedef struct census {
	size_t bytes, valid_mb, invalid;
} census;

/* Counts valid multi-byte sequences and invalid ones in s[from, to). */
static census utf8_census(const uint8_t *s, size_t from, size_t to)
{
	census c = { to - from, 0, 0 };
	size_t i = from;
	while (i < to && i - from < 3 && is_cont(s[i]))
		i++;            /* the window may start inside a character */
	while (i < to) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s + i, to - i);
		if (uc == 0xFFFD && !(n == 3 && memcmp(s + i, REPLACEMENT, 3) == 0))
			c.invalid++;
		else
			c.valid_mb++;
		i += (size_t)n;
	}
	return c;
}

/* ---- Conversion from other encodings ---------------------------------- */

typedef enum unit_order { LE, BE } unit_order;

/* Copies `n` 16- or 32-bit units of the given byte order into native
 * order (the input may be unaligned). */
static void *native_units(const uint8_t *s, size_t n, size_t size, unit_order o)
{
	void *u = util_reallocarray(NULL, n ? n : 1, size);
	for (size_t k = 0; k < n; k++) {
		const uint8_t *b = s + k * size;
		if (size == 2)
			((uint16_t *)u)[k] = o == LE ? (uint16_t)(b[0] | b[1] << 8)
						     : (uint16_t)(b[0] << 8 | b[1]);
		else
			((uint32_t *)u)[k] = o == LE
				? (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24
				: (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | (uint32_t)b[3];
	}
	return u;
}

/* UTF-16 or UTF-32 (size 2 or 4) to UTF-8 with libunistring's decoders,
 * one character at a time: an invalid unit (a lone surrogate, a value
 * above U+10FFFF) costs one U+FFFD and never shifts the units after it,
 * which iconv's error recovery (one byte skipped) would do. */
static util_buf decode_units(const uint8_t *s, size_t len, size_t size,
			     unit_order o, size_t *replaced)
{
	size_t n = len / size;
	void *u = native_units(s, n, size, o);
	util_buf out = { 0 };
	/* a UTF-16 unit gives at most 3 bytes (a surrogate pair 4 for two); a
	 * UTF-32 unit up to 4; +4 for a cut unit and the NUL */
	util_grow((void **)&out.data, &out.cap, n * (size == 2 ? 3 : 4) + 4, 1);
	for (size_t k = 0; k < n;) {
		ucs4_t uc;
		int m;
		uint32_t unit;
		if (size == 2) {
			unit = ((uint16_t *)u)[k];
			m = u16_mbtouc(&uc, (uint16_t *)u + k, n - k);
		} else {
			unit = ((uint32_t *)u)[k];
			m = u32_mbtouc(&uc, (uint32_t *)u + k, n - k);
		}
		if (uc == 0xFFFD && unit != 0xFFFD)
			++*replaced;
		int w = u8_uctomb((uint8_t *)out.data + out.len, uc, 4);
		out.len += (size_t)w;
		k += (size_t)m;
	}
	out.data[out.len] = '\0';      /* as util_buf promises */
	if (len % size) {
		util_buf_add(&out, REPLACEMENT, 3);
		++*replaced;
	}
	free(u);
	return out;
}

static size_t count_occurrences(const uint8_t *s, size_t len, const char *pat, size_t plen)
{
	size_t count = 0;
	const uint8_t *end = s + len;
	for (const uint8_t *p = s; (p = memmem(p, (size_t)(end - p), pat, plen)); p += plen)
		count++;
	return count;
}

/* One call of libunistring's converter; NULL only for an unknown
 * encoding. Invalid bytes become U+FFFD. */
static uint8_t *conv_chunk(const char *enc, const uint8_t *s, size_t len, size_t *outlen)
{
	*outlen = 0;
	errno = 0;
	uint8_t *r = u8_conv_from_encoding(enc, iconveh_replacement_character,
					   (const char *)s, len, NULL, NULL, outlen);
	if (!r && errno == ENOMEM)
		util_oom();
	return r;
}

/* Whether libunistring knows the encoding; *ascii tells whether it keeps
 * '\n' as the single byte 0x0A (true of GB18030, Big5, Shift_JIS, ...). */
static bool probe_encoding(const char *enc, bool *ascii)
{
	size_t n;
	uint8_t *r = conv_chunk(enc, (const uint8_t *)"\n", 1, &n);
	if (!r)
		return false;
	*ascii = n == 1 && r[0] == '\n';
	free(r);
	return true;
}

/* Converts with iconv through libunistring. It silently drops an
 * incomplete character at the very end (a truncated file), so in an
 * ASCII-compatible encoding the part after the last newline is converted
 * on its own with newlines appended: the cut character then counts as
 * invalid, and the added newlines are taken off again. `replaced` counts
 * the U+FFFD that were not in the text itself (GB18030 can encode it). */
static bool conv_bytes(const char *enc, bool ascii, const uint8_t *s, size_t len,
		       util_buf *out, size_t *replaced)
{
	static const char sentinel[] = "\n\n\n\n";
	size_t split = len;
	if (ascii) {
		const uint8_t *nl = memrchr(s, '\n', len);
		split = nl ? (size_t)(nl - s) + 1 : 0;
	}
	size_t n = 0;
	uint8_t *r = split ? conv_chunk(enc, s, split, &n) : util_calloc(1, 1);
	if (!r)
		return false;
	out->data = util_realloc(r, n + 1);     /* made a util_buf: NUL-terminated */
	out->data[n] = '\0';
	out->len = n;
	out->cap = n + 1;
	if (split < len) {
		size_t tlen = len - split;
		uint8_t *tail = util_malloc(tlen + sizeof sentinel - 1);
		memcpy(tail, s + split, tlen);
		memcpy(tail + tlen, sentinel, sizeof sentinel - 1);
		size_t m;
		uint8_t *t = conv_chunk(enc, tail, tlen + sizeof sentinel - 1, &m);
		free(tail);
		if (!t) {
			util_buf_free(out);
			return false;
		}
		while (m && t[m - 1] == '\n')
			m--;
		util_buf_add(out, t, m);
		free(t);
	}
	size_t fffd = count_occurrences((uint8_t *)out->data, out->len, REPLACEMENT, 3);
	size_t own = strcasecmp(enc, "GB18030") == 0
		? count_occurrences(s, len, "\x84\x31\xA4\x37", 4) : 0;
	*replaced += fffd > own ? fffd - own : 0;
	return true;
}

/* Non-ASCII characters in UTF-8 text (the replacements included). */
static size_t count_non_ascii(const uint8_t *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] >= 0xC0;
	return n;
}

/* ---- Decoding: choosing the encoding ---------------------------------- */

typedef struct decoded {
	const char *text;
	size_t len;
	char *owned;            /* the buffer holding text, or NULL: in place */
	size_t replaced;
	const char *encoding;
} decoded;

typedef enum enc_kind { K_UTF8, K_UTF16, K_UTF32, K_ICONV } enc_kind;

typedef struct encoding {
	enc_kind kind;
	unit_order order;
	bool order_known;       /* LE/BE in the name (otherwise BOM, or BE) */
	const char *name;       /* as reported */
} encoding;

static bool has_prefix(const uint8_t *s, size_t len, const char *p, size_t plen)
{
	return len >= plen && memcmp(s, p, plen) == 0;
}

/* Unicode encodings are read with libunistring's UTF-16/32 decoders (see
 * decode_units); names are compared without case, '-' and '_'. */
static encoding classify_forced(const char *name)
{
	char key[16];
	size_t k = 0;
	for (const char *p = name; *p && k + 1 < sizeof key; p++) {
		if (*p != '-' && *p != '_')
			key[k++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
	}
	key[k] = '\0';
	if (strlen(name) >= sizeof key)
		key[0] = '\0';
	static const struct { const char *key; enc_kind kind; unit_order order; bool known; } names[] = {
		{ "UTF8", K_UTF8, LE, false },
		{ "UTF16", K_UTF16, BE, false }, { "UCS2", K_UTF16, BE, false },
		{ "UTF16LE", K_UTF16, LE, true }, { "UCS2LE", K_UTF16, LE, true },
		{ "UTF16BE", K_UTF16, BE, true }, { "UCS2BE", K_UTF16, BE, true },
		{ "UTF32", K_UTF32, BE, false }, { "UCS4", K_UTF32, BE, false },
		{ "UTF32LE", K_UTF32, LE, true }, { "UCS4LE", K_UTF32, LE, true },
		{ "UTF32BE", K_UTF32, BE, true }, { "UCS4BE", K_UTF32, BE, true },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(names); i++)
		if (strcmp(key, names[i].key) == 0)
			return (encoding){ names[i].kind, names[i].order, names[i].known, name };
	return (encoding){ K_ICONV, LE, false, name };
}

bool input_encoding_known(const char *name)
{
	bool ascii;
	if (!name || !*name)
		return false;       /* iconv would take "" as the locale's */
	return classify_forced(name).kind != K_ICONV || probe_encoding(name, &ascii);
}

/* Moves a cleaned or converted buffer into d, dropping a leading BOM and
 * cleaning it when it needs it. */
static void take_buffer(decoded *d, util_buf *b)
{
	const uint8_t *s = (const uint8_t *)b->data;
	size_t off = has_prefix(s, b->len, "\xEF\xBB\xBF", 3) ? 3 : 0;
	size_t first = scan_clean(s, off, b->len);
	if (first < b->len) {
		util_buf c = clean_copy(s + off, b->len - off, first - off, &d->replaced);
		util_buf_free(b);
		*b = c;
		off = 0;
	}
	if (!b->data)
		util_buf_cstr(b);
	d->owned = b->data;
	d->text = b->data + off;
	d->len = b->len - off;
}

static void utf8_result(decoded *d, const uint8_t *s, size_t len, size_t first)
{
	d->encoding = "UTF-8";
	if (first == len) {
		d->text = s ? (const char *)s : "";
		d->len = len;
		d->owned = NULL;
		return;
	}
	util_buf b = clean_copy(s, len, first, &d->replaced);
	util_buf_cstr(&b);
	/* a BOM may come first once the controls before it are gone */
	size_t off = has_prefix((uint8_t *)b.data, b.len, "\xEF\xBB\xBF", 3) ? 3 : 0;
	d->owned = b.data;
	d->text = b.data + off;
	d->len = b.len - off;
}

static bool refuse_binary(const char *name, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: not a text file (binary data)", name);
	return false;
}

/* GB18030 is taken only when it converts cleanly or nearly (one
 * replacement for twenty good non-ASCII characters at most). */
static bool gb18030_fits(size_t replaced, size_t non_ascii)
{
	return non_ascii > replaced && replaced * 20 <= non_ascii - replaced;
}

/* The share of a decoding's non-ASCII characters (in its first
 * COMMON_SAMPLE bytes) that Chinese text is made of most: its punctuation
 * and its commonest characters, simplified and traditional. Big5 bytes
 * read as GB18030 convert cleanly, into rare characters and hardly any
 * punctuation: this tells the two apart (a language's statistics, which
 * no library here holds; the tables that convert are iconv's). */
enum { COMMON_SAMPLE = 64 * 1024 };
static int cmp_cp(const void *a, const void *b)
{
	ucs4_t x = *(const ucs4_t *)a, y = *(const ucs4_t *)b;
	return x < y ? -1 : x > y;
}

static double common_share(const uint8_t *s, size_t len)
{
	static const char commons[] =
		"，。、：；！？「」『』（）“”《》的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時"
		"要就出会會年月日报報也对對生能而子那得于於着著下自之后後经經发發工作成行多所记記者市区區县縣";
	static ucs4_t set[160];
	static size_t nset;
	if (!nset) {
		const uint8_t *p = (const uint8_t *)commons, *end = p + sizeof commons - 1;
		while (p < end && nset < sizeof set / sizeof *set) {
			int k = u8_mbtouc(&set[nset++], p, (size_t)(end - p));
			p += k > 0 ? k : 1;
		}
		qsort(set, nset, sizeof *set, cmp_cp);
	}
	size_t n = len < COMMON_SAMPLE ? len : COMMON_SAMPLE, wide = 0, common = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t cp;
		int k = u8_mbtouc(&cp, s + i, n - i);
		i += k > 0 ? (size_t)k : 1;
		wide++;
		common += bsearch(&cp, set, nset, sizeof *set, cmp_cp) != NULL;
	}
	return wide ? (double)common / (double)wide : 0;
}

/* Clean GB18030 that reads as hardly any Chinese (COMMON_MIN) may be
 * Big5 (Taiwan's and Hong Kong's pages): Big5 is taken when it converts
 * cleanly too and reads as Chinese. (CP950, Windows' Big5, the one files
 * are saved in most; BIG5-HKSCS when it reads the page cleanly and
 * otherwise: a page written by other tables.) */
enum { COMMON_MIN_PERCENT = 5 };
static bool take_big5(const uint8_t *s, size_t len, const util_buf *gb, decoded *d)
{
	double gb_share = common_share((const uint8_t *)gb->data, gb->len);
	if (gb_share * 100 >= COMMON_MIN_PERCENT)
		return false;
	util_buf b5 = { 0 };
	size_t b5_replaced = 0;
	if (!conv_bytes("CP950", true, s, len, &b5, &b5_replaced))
		return false;
	double b5_share = common_share((const uint8_t *)b5.data, b5.len);
	if (!gb18030_fits(b5_replaced, count_non_ascii((const uint8_t *)b5.data, b5.len)) ||
	    b5_share * 100 < COMMON_MIN_PERCENT || b5_share < 2 * gb_share) {
		util_buf_free(&b5);
		return false;
	}
	/* Big5 as Python and HKSCS tables write it: ／ at A241, ①…⑩ and kana
	 * at C6A1…C7FC, where CP950 has ∕ and private-use codes. Those
	 * tables read such a page cleanly (and stop at CP950's own ／, A1FE) */
	util_buf hk = { 0 };
	size_t hk_replaced = 0;
	if (conv_bytes("BIG5-HKSCS", true, s, len, &hk, &hk_replaced) && hk_replaced == 0 && b5_replaced == 0 &&
	    (hk.len != b5.len || memcmp(hk.data, b5.data, hk.len) != 0)) {
		util_buf_free(&b5);
		d->encoding = "BIG5-HKSCS";
		d->replaced = 0;
		take_buffer(d, &hk);
		return true;
	}
	util_buf_free(&hk);
	d->encoding = "CP950";
	d->replaced = b5_replaced;
	take_buffer(d, &b5);
	return true;
}

/* No BOM, no forced encoding: UTF-8, or GB18030 (or Big5: take_big5)
 * when the text is not UTF-8. A UTF-8 file with a few broken bytes stays UTF-8: what decides is
 * the share of valid multi-byte sequences around the first invalid one. */
static bool decode_auto(const char *name, const uint8_t *s, size_t len, size_t known,
			decoded *d, char *err, size_t errlen)
{
	size_t first = scan_clean(s, known, len);
	if (first == len) {
		utf8_result(d, s, len, first);
		return true;
	}
	if (looks_binary(s, len))
		return refuse_binary(name, err, errlen);
	size_t bad = first_invalid(s, first, len);
	census c = { 0, 0, 0 };
	if (bad < len) {
		size_t from = bad > CENSUS_BEFORE ? bad - CENSUS_BEFORE : 0;
		size_t to = len - bad > CENSUS_AFTER ? bad + CENSUS_AFTER : len;
		c = utf8_census(s, from, to);
	}
	if (c.valid_mb >= c.invalid) {
		utf8_result(d, s, len, first);
		return true;
	}
	util_buf gb = { 0 };
	size_t gb_replaced = 0;
	if (!conv_bytes("GB18030", true, s, len, &gb, &gb_replaced))
		util_fatal("the C library cannot convert from GB18030");
	size_t gb_non_ascii = count_non_ascii((uint8_t *)gb.data, gb.len);
	if (gb18030_fits(gb_replaced, gb_non_ascii)) {
		if (take_big5(s, len, &gb, d)) {
			util_buf_free(&gb);
			return true;
		}
		d->encoding = "GB18030";
		d->replaced = gb_replaced;
		take_buffer(d, &gb);
		return true;
	}
	util_buf_free(&gb);
	/* mostly invalid both ways, and a large share of the bytes */
	if (c.invalid * 4 > c.bytes && gb_replaced * 2 >= gb_non_ascii)
		return refuse_binary(name, err, errlen);
	utf8_result(d, s, len, first);
	return true;
}

static bool decode_units_result(const uint8_t *s, size_t len, encoding e, decoded *d)
{
	size_t size = e.kind == K_UTF16 ? 2 : 4;
	if (!e.order_known) {
		/* the BOM decides; without one, big-endian (RFC 2781) */
		static const char *const boms[2][2] = {
			{ "\xFF\xFE", "\xFE\xFF" }, { "\xFF\xFE\0\0", "\0\0\xFE\xFF" } };
		const char *const *b = boms[size == 4];
		e.order = has_prefix(s, len, b[0], size) ? LE : BE;
		if (has_prefix(s, len, b[0], size) || has_prefix(s, len, b[1], size)) {
			s += size;
			len -= size;
		}
	}
	util_buf out = decode_units(s, len, size, e.order, &d->replaced);
	take_buffer(d, &out);       /* also drops the BOM of a named order */
	if (!d->encoding)
		d->encoding = e.name;
	return true;
}

/* Text known to be UTF-8 (a BOM, or --encoding UTF-8): the BOM skipped,
 * invalid sequences replaced, binary refused. */
static bool decode_utf8(const char *name, const uint8_t *s, size_t len, decoded *d,
			char *err, size_t errlen)
{
	if (has_prefix(s, len, "\xEF\xBB\xBF", 3)) {
		s += 3;
		len -= 3;
	}
	size_t first = scan_clean(s, 0, len);
	if (first < len && looks_binary(s, len))
		return refuse_binary(name, err, errlen);
	utf8_result(d, s, len, first);
	return true;
}

static bool decode_forced(const char *name, const uint8_t *s, size_t len,
			  const char *forced, decoded *d, char *err, size_t errlen)
{
	encoding e = classify_forced(forced);
	bool ascii = true;
	if (e.kind == K_ICONV && (!*forced || !probe_encoding(forced, &ascii))) {
		snprintf(err, errlen, "unknown encoding %s", forced);
		return false;
	}
	d->encoding = forced;
	if (e.kind == K_UTF16 || e.kind == K_UTF32)
		return decode_units_result(s, len, e, d);
	if (e.kind == K_UTF8) {
		bool ok = decode_utf8(name, s, len, d, err, errlen);
		d->encoding = forced;
		return ok;
	}
	if (ascii && looks_binary(s, len))
		return refuse_binary(name, err, errlen);
	util_buf out = { 0 };
	if (!conv_bytes(forced, ascii, s, len, &out, &d->replaced)) {
		snprintf(err, errlen, "unknown encoding %s", forced);
		return false;
	}
	take_buffer(d, &out);
	return true;
}

static void describe_limit(char *buf, size_t n, size_t limit)
{
	static const struct { size_t unit; const char *name; } units[] = {
		{ (size_t)1 << 30, "GiB" }, { (size_t)1 << 20, "MiB" }, { (size_t)1 << 10, "KiB" },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(units); i++) {
		if (limit >= units[i].unit && limit % units[i].unit == 0) {
			snprintf(buf, n, "%zu %s", limit / units[i].unit, units[i].name);
			return;
		}
	}
	snprintf(buf, n, "%zu bytes", limit);
}

/* "PATH: too large (N bytes; kanbao reads at most 1 GiB)". `more`: only
 * a lower bound of the size is known (a stream); `used`: what the pages
 * read before took of the limit, named when it is why this one fails. */
static bool too_large(const char *name, size_t size, bool more, size_t used,
		      size_t limit, char *err, size_t errlen)
{
	char lim[64];
	describe_limit(lim, sizeof lim, limit);
	if (size + used < size || size > limit || (more && size >= limit))
		used = 0;
	char after[80] = "";
	if (used)
		snprintf(after, sizeof after, " after %zu bytes of other pages", used);
	snprintf(err, errlen, "%s: too large (%s%zu bytes%s; kanbao reads at most %s%s)",
		 name, more ? "more than " : "", size, after, lim, used ? " in all" : "");
	return false;
}

static size_t limit_of(const input_options *opt)
{
	return opt && opt->max_bytes ? opt->max_bytes : INPUT_MAX_BYTES;
}

/* What is left of the limit after `used` bytes. */
static size_t room_after(size_t limit, size_t used)
{
	return used < limit ? limit - used : 0;
}

/* The decoding proper, for a buffer of at most the limit. */
/* `known`: s[0, known) is known to be clean, as scan_clean would have
 * found it, and `known` is where its scan would be (prescan_fd); 0 when
 * nothing is known. */
static bool decode(const char *name, const uint8_t *s, size_t len, size_t known,
		   const input_options *opt, decoded *d, char *err, size_t errlen)
{
	*d = (decoded){ "", 0, NULL, 0, NULL };
	if (opt && opt->encoding)
		return decode_forced(name, s, len, opt->encoding, d, err, errlen);
	static const struct { const char *bom; size_t len; enc_kind kind; unit_order order; const char *name; } boms[] = {
		{ "\xFF\xFE\0\0", 4, K_UTF32, LE, "UTF-32LE" },
		{ "\0\0\xFE\xFF", 4, K_UTF32, BE, "UTF-32BE" },
		{ "\xFF\xFE", 2, K_UTF16, LE, "UTF-16LE" },
		{ "\xFE\xFF", 2, K_UTF16, BE, "UTF-16BE" },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(boms); i++) {
		if (has_prefix(s, len, boms[i].bom, boms[i].len)) {
			encoding e = { boms[i].kind, boms[i].order, true, boms[i].name };
			d->encoding = boms[i].name;
			return decode_units_result(s + boms[i].len, len - boms[i].len, e, d);
		}
	}
	if (has_prefix(s, len, "\xEF\xBB\xBF", 3))
		return decode_utf8(name, s, len, d, err, errlen);  /* no GB18030 guess */
	return decode_auto(name, s, len, known, d, err, errlen);
}

/* A page read whole whose columns were kept side by side is written
 * again in reading order (columns.h): the new text becomes the page's own.
 * A page mapped for its size is streamed as it stands. */
static void unfold_columns(decoded *d)
{
	char *text;
	size_t len;
	if (d->len > INPUT_READ_MAX || !columns_unfold(d->text, d->len, &text, &len))
		return;
	free(d->owned);
	d->owned = text;
	d->text = text;
	d->len = len;
}

static void page_from(input_page *page, const char *name, const decoded *d)
{
	*page = (input_page){ 0 };
	page->name = util_strdup(name);
	page->source.text = d->text;
	page->source.len = d->len;
	page->source.owner = d->owned;
	page->source.release = d->owned ? free : NULL;
	page->replaced = d->replaced;
	page->encoding = d->encoding;
}

bool input_decode(const char *name, const char *data, size_t len,
		  const input_options *opt, input_page *out,
		  char *err, size_t errlen)
{
	size_t limit = limit_of(opt);
	if (len > limit)
		return too_large(name, len, false, 0, limit, err, errlen);
	if (!data)
		data = "";      /* (NULL, 0): an empty text */
	decoded d;
	if (!decode(name, (const uint8_t *)data, len, 0, opt, &d, err, errlen))
		return false;
	unfold_columns(&d);
	page_from(out, name, &d);
	return true;
}

void input_page_free(input_page *page)
{
	if (!page)
		return;
	if (page->source.release)
		page->source.release(page->source.owner);
	free(page->name);
	*page = (input_page){ 0 };
}

/* ---- The SIGBUS guard ------------------------------------------------- */

/* A signal handler can only reach global state: the table of mappings is
 * fixed and lock-free so that the handler may read it at any moment. */
static struct guard_slot {
	atomic_uintptr_t start;         /* 0: free */
	atomic_size_t len;              /* rounded up to whole pages */
} guard_slots[GUARD_SLOTS];
static volatile sig_atomic_t guard_changed;
static struct sigaction guard_previous;
static size_t guard_pagesize;
static bool guard_installed;
/* guard_add from two threads (the library's indexer parses in one while
 * the reader loads an issue in the other) */
static pthread_mutex_t guard_mu = PTHREAD_MUTEX_INITIALIZER;

/* Hands a fault that is not ours to whoever handled SIGBUS before us, or
 * to the default action (the program dies as it would have). */
static void guard_pass_on(int sig, siginfo_t *info, void *ctx)
{
	if (guard_previous.sa_flags & SA_SIGINFO) {
		if (guard_previous.sa_sigaction) {
			guard_previous.sa_sigaction(sig, info, ctx);
			return;
		}
	} else if (guard_previous.sa_handler != SIG_DFL && guard_previous.sa_handler != SIG_IGN) {
		guard_previous.sa_handler(sig);
		return;
	}
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
}

static void guard_on_sigbus(int sig, siginfo_t *info, void *ctx)
{
	uintptr_t a = (uintptr_t)info->si_addr;
	if (info->si_code == BUS_ADRERR) {
		for (size_t k = 0; k < GUARD_SLOTS; k++) {
			uintptr_t start = atomic_load(&guard_slots[k].start);
			size_t len = atomic_load(&guard_slots[k].len);
			if (!start || a - start >= len)
				continue;
			/* the file shrank under the mapping: zeros instead */
			void *page = (void *)(a & ~(uintptr_t)(guard_pagesize - 1));
			if (mmap(page, guard_pagesize, PROT_READ,
				 MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED) {
				guard_changed = 1;
				return;
			}
			break;
		}
	}
	guard_pass_on(sig, info, ctx);
}

/* Installs the handler when the first file is mapped, and again if
 * someone replaced it since (the previous handler is then the one that
 * gets what is not ours). */
static void guard_install(void)
{
	struct sigaction cur;
	if (guard_installed && sigaction(SIGBUS, NULL, &cur) == 0
	    && (cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == guard_on_sigbus)
		return;
	long ps = sysconf(_SC_PAGESIZE);
	guard_pagesize = ps > 0 ? (size_t)ps : 4096;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = guard_on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	guard_installed = sigaction(SIGBUS, &sa, &guard_previous) == 0;
}

/* Registers a mapping; -1 when the table is full (the file is then read
 * into memory instead). */
static int guard_add(void *addr, size_t len)
{
	pthread_mutex_lock(&guard_mu);
	guard_install();
	int slot = -1;
	for (int k = 0; guard_installed && k < GUARD_SLOTS; k++) {
		if (atomic_load(&guard_slots[k].start))
			continue;
		size_t pages = (len + guard_pagesize - 1) / guard_pagesize;
		atomic_store(&guard_slots[k].len, pages * guard_pagesize);
		atomic_store(&guard_slots[k].start, (uintptr_t)addr);
		slot = k;
		break;
	}
	pthread_mutex_unlock(&guard_mu);
	return slot;
}

static void guard_remove(int k)
{
	if (k >= 0)
		atomic_store(&guard_slots[k].start, 0);
}

bool input_file_changed(void)
{
	return guard_changed != 0;
}

/* ---- Files, streams, folders ------------------------------------------ */

typedef struct input_map {
	void *addr;
	size_t len;
	int slot;
} input_map;

static void map_release(void *owner)
{
	input_map *m = owner;
	guard_remove(m->slot);
	munmap(m->addr, m->len);
	free(m);
}

/* The whole pages of the mapping below `to` from the one holding `from`
 * leave memory; they stay in the page cache and read again when touched. */
static void map_drop(void *owner, const char *from, const char *to)
{
	input_map *m = owner;
	uintptr_t mask = ~(uintptr_t)(sysconf(_SC_PAGESIZE) - 1);
	uintptr_t lo = (uintptr_t)from & mask, hi = (uintptr_t)to & mask;
	uintptr_t base = (uintptr_t)m->addr, end = base + m->len;
	if (lo < base)
		lo = base;
	if (hi > end)
		hi = end;
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_DONTNEED);
}

static bool report_errno(const char *path, int e, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", path, strerror(e));
	return false;
}

/* Reads fd to its end with read(2), refusing more than is left of the
 * limit after `used` bytes. */
static bool read_stream(int fd, const char *path, size_t used, size_t limit, size_t expect,
			char **data, size_t *len, char *err, size_t errlen)
{
	size_t avail = room_after(limit, used), n = 0, cap = 0;
	char *buf = NULL;
	for (;;) {
		if (n == cap)
			util_grow((void **)&buf, &cap, n + (n ? 64 * 1024 : expect + 1), 1);
		size_t want = cap - n;
		if (want > avail + 1 - n)
			want = avail + 1 - n;
		ssize_t r = read(fd, buf + n, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return report_errno(path, errno, err, errlen);
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > avail) {
			free(buf);
			return too_large(path, avail, true, used, limit, err, errlen);
		}
	}
	*data = buf;
	*len = n;
	return true;
}

/* Decodes what was read from a stream into the page; the buffer becomes
 * the page's own when the text was clean. */
static bool page_from_stream(input_page *page, const char *path, const char *shown,
			     char *buf, size_t len, const input_options *opt,
			     char *err, size_t errlen)
{
	decoded d;
	if (!decode(path, (uint8_t *)buf, len, 0, opt, &d, err, errlen)) {
		free(buf);
		return false;
	}
	if (!d.owned)
		d.owned = buf;
	else
		free(buf);
	unfold_columns(&d);
	page_from(page, shown, &d);
	return true;
}

/* `expect`: the bytes the file is likely to hold (0: unknown), read at
 * once when it holds no more. */
static bool read_fd_stream(int fd, const char *path, const char *shown, size_t used,
			   size_t expect, const input_options *opt, input_page *page,
			   char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0;
	if (!read_stream(fd, path, used, limit_of(opt), expect, &buf, &len, err, errlen))
		return false;
	return page_from_stream(page, path, shown, buf, len, opt, err, errlen);
}

/* scan_clean of the first `len` bytes of the file, read with pread a
 * piece at a time instead of through the mapping: the pages of a big file
 * are not all mapped (and counted in memory) before the first screen,
 * only those the parser comes to. Returns where the scan stops (len: all
 * clean), or where it had to stop reading (a sequence cut by the end of a
 * piece is read again from its start: every place the scan stands at
 * between two characters is one it would stand at from the start). */
static size_t prescan_fd(int fd, size_t len)
{
	enum { PIECE = 1 << 20 };
	uint8_t *buf = util_malloc(PIECE);
	size_t at = 0;
	while (at < len) {
		size_t want = len - at < PIECE ? len - at : PIECE, n = 0;
		while (n < want) {
			ssize_t r = pread(fd, buf + n, want - n, (off_t)(at + n));
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			n += (size_t)r;
		}
		if (n < want)
			break;          /* the mapping's scan goes on from here */
		size_t stop = scan_clean(buf, 0, n);
		if (stop == n) {
			at += n;
			continue;
		}
		if (at + n < len && n - stop < 4 && stop > 0) {
			at += stop;     /* perhaps a sequence cut: from its start */
			continue;
		}
		at += stop;
		break;
	}
	free(buf);
	return at;
}

/* A regular file of `size` bytes: mapped, decoded, kept mapped when its
 * text is used in place. */
static bool read_mapped(int fd, const char *path, const char *shown, size_t size,
			size_t used, const input_options *opt, input_page *page,
			char *err, size_t errlen)
{
	void *addr = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (addr == MAP_FAILED)
		return report_errno(path, errno, err, errlen);
	int slot = guard_add(addr, size);
	if (slot < 0) {
		munmap(addr, size);
		if (lseek(fd, 0, SEEK_SET) < 0)
			return report_errno(path, errno, err, errlen);
		return read_fd_stream(fd, path, shown, used, 0, opt, page, err, errlen);
	}
	decoded d;
	size_t known = opt && opt->encoding ? 0 : prescan_fd(fd, size);
	bool ok = decode(path, addr, size, known, opt, &d, err, errlen);
	if (ok && !d.owned) {
		input_map *m = util_malloc(sizeof *m);
		*m = (input_map){ addr, size, slot };
		page_from(page, shown, &d);
		page->source.owner = m;
		page->source.release = map_release;
		page->source.drop = map_drop;
		page->mapped = true;
		/* What decoding touched leaves memory; the parser reads the
		 * pages in order and drops them behind it, so memory stays
		 * small. */
		madvise(addr, size, MADV_DONTNEED);
		return true;
	}
	guard_remove(slot);
	munmap(addr, size);
	if (ok)
		page_from(page, shown, &d);
	return ok;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* One page from a file path (not a folder); `used` is what the pages
 * read before took of the limit. */
static bool read_file(const char *path, const char *shown, size_t used,
		      const input_options *opt, input_page *page,
		      char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return report_errno(path, errno, err, errlen);
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		return false;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return report_errno(path, errno, err, errlen);
	bool ok;
	size_t limit = limit_of(opt);
	if (fstat(fd, &st) < 0) {
		ok = report_errno(path, errno, err, errlen);
	} else if (S_ISFIFO(st.st_mode)) {
		ok = read_fd_stream(fd, path, shown, used, 0, opt, page, err, errlen);
	} else if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		ok = false;
	} else if ((uintmax_t)st.st_size > room_after(limit, used)) {
		ok = too_large(path, (uintmax_t)st.st_size > SIZE_MAX ? SIZE_MAX : (size_t)st.st_size,
			       false, used, limit, err, errlen);
	} else if (st.st_size == 0) {
		/* nothing to map; some files (/proc) say 0 and still have text */
		ok = read_fd_stream(fd, path, shown, used, 0, opt, page, err, errlen);
	} else if ((size_t)st.st_size <= INPUT_READ_MAX) {
		/* a page of an issue: unmapping it cost more than copying it
		 * (each munmap of a process with threads flushes every CPU's
		 * TLB: a third of the storing thread's time in a library
		 * build, see README Performance) */
		ok = read_fd_stream(fd, path, shown, used, (size_t)st.st_size, opt, page, err, errlen);
	} else {
		ok = read_mapped(fd, path, shown, (size_t)st.st_size, used, opt, page, err, errlen);
	}
	close(fd);
	return ok;
}

static bool is_txt_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

static int compare_names(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

/* The *.txt names of a folder in natural order (page2 before page10). */
static bool list_pages(const char *dir, char ***names, size_t *n, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	if (!d)
		return report_errno(dir, errno, err, errlen);
	size_t cap = 0;
	*names = NULL;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (is_txt_name(e->d_name))
			UTIL_PUSH(*names, *n, cap, util_strdup(e->d_name));
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof **names, compare_names);
	return true;
}

static size_t source_bytes(const input_page *pages, size_t n)
{
	size_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += pages[i].source.len;
	return sum;
}

static bool read_folder(const char *dir, const input_options *opt,
			input_page **pages, size_t *npages, size_t *cap,
			char *err, size_t errlen)
{
	char **names = NULL;
	size_t n = 0, added = 0;
	if (!list_pages(dir, &names, &n, err, errlen))
		return false;
	bool ok = true;
	size_t dlen = strlen(dir);
	bool slash = dlen && dir[dlen - 1] == '/';
	for (size_t i = 0; i < n && ok; i++) {
		util_buf path = { 0 };
		util_buf_printf(&path, "%s%s%s", dir, slash ? "" : "/", names[i]);
		struct stat st;
		if (stat(path.data, &st) == 0 && S_ISDIR(st.st_mode)) {
			util_buf_free(&path);
			continue;   /* a folder called x.txt is not a page */
		}
		input_page page;
		size_t used = source_bytes(*pages, *npages);
		ok = read_file(path.data, names[i], used, opt, &page, err, errlen);
		if (ok) {
			UTIL_PUSH(*pages, *npages, *cap, page);
			added++;
		}
		util_buf_free(&path);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ok && !added) {
		snprintf(err, errlen, "%s: no *.txt pages in this folder", dir);
		ok = false;
	}
	return ok;
}

bool input_read_path(const char *path, const input_options *opt,
		     input_page **pages, size_t *npages, size_t *cap,
		     char *err, size_t errlen)
{
	size_t before = *npages;
	size_t used = source_bytes(*pages, *npages);
	bool ok;
	if (strcmp(path, "-") == 0) {
		input_page page;
		ok = read_fd_stream(STDIN_FILENO, path, "(standard input)", used, 0, opt, &page, err, errlen);
		if (ok)
			UTIL_PUSH(*pages, *npages, *cap, page);
	} else {
		struct stat st;
		if (stat(path, &st) < 0) {
			ok = report_errno(path, errno, err, errlen);
		} else if (S_ISDIR(st.st_mode)) {
			ok = read_folder(path, opt, pages, npages, cap, err, errlen);
		} else {
			input_page page;
			ok = read_file(path, base_name(path), used, opt, &page, err, errlen);
			if (ok)
				UTIL_PUSH(*pages, *npages, *cap, page);
		}
	}
	if (!ok) {
		while (*npages > before)
			input_page_free(&(*pages)[--*npages]);
	}
	return ok;
}
