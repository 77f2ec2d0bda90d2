/* Unit tests of text.c: widths, grapheme clusters, what may be printed,
 * line-break opportunities of plain text. The fast paths are checked
 * against libunistring (uc_width, grapheme and line breaks) on every code
 * point they cover. (test_width checks the ambiguous width setting.) */
#include "testutil.h"
#include "text.h"
#include "util.h"

#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

/* A string literal as (start, end). */
static const char *end_of(const char *s)
{
	return s + strlen(s);
}
#define S(x) x, end_of(x)
/* ... as (start, length) */
#define SL(x) x, strlen(x)

/* A small deterministic generator (xorshift), so failures repeat. */
static uint32_t rnd(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return (uint32_t)(x >> 16);
}

static int setup_locale(void **state)
{
	(void)state;
	const char *name;
	if (!text_init_locale(&name))
		fail_msg("no UTF-8 locale (have %s)", name ? name : "none");
	return 0;
}

/* What text_cp_width promises: libunistring's uc_width (narrow ambiguous
 * characters, the default), except that controls and bidi
 * controls are never printable. */
static int expected_width(uint32_t cp)
{
	bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || bidi)
		return -1;
	int w = uc_width(cp, "UTF-8");
	return w < 0 ? -1 : w;
}

static void test_width_agrees_with_uc_width_everywhere(void **state)
{
	(void)state;
	/* the fast ranges first, by name, then every other code point */
	static const uint32_t fast[][2] = {
		{ 0x20, 0x7E }, { 0x3000, 0x3029 }, { 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF }, { 0xFF01, 0xFF60 },
	};
	for (size_t r = 0; r < sizeof fast / sizeof *fast; r++)
		for (uint32_t cp = fast[r][0]; cp <= fast[r][1]; cp++)
			if (text_cp_width(cp) != uc_width(cp, "UTF-8"))
				fail_msg("U+%04X: text_cp_width %d, uc_width %d", cp,
					 text_cp_width(cp), uc_width(cp, "UTF-8"));
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (text_cp_width(cp) != expected_width(cp))
			fail_msg("U+%04X: text_cp_width %d, expected %d", cp,
				 text_cp_width(cp), expected_width(cp));
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('A'), 1);
	assert_int_equal(text_cp_width(' '), 1);
	assert_int_equal(text_cp_width(0x4E2D), 2);     /* 中 */
	assert_int_equal(text_cp_width(0x3400), 2);     /* ideograph, extension A */
	assert_int_equal(text_cp_width(0x20000), 2);    /* ideograph, extension B */
	assert_int_equal(text_cp_width(0xFF0C), 2);     /* ， full-width comma */
	assert_int_equal(text_cp_width(0xFF21), 2);     /* Ａ full-width letter */
	assert_int_equal(text_cp_width(0x3002), 2);     /* 。 */
	assert_int_equal(text_cp_width(0x3000), 2);     /* ideographic space */
	assert_int_equal(text_cp_width(0x0301), 0);     /* combining acute */
	assert_int_equal(text_cp_width(0x200D), 0);     /* zero-width joiner */
	assert_int_equal(text_cp_width(0x1F600), 2);    /* 😀 */
	assert_int_equal(text_cp_width(0xAC00), 2);     /* 가 */
	assert_int_equal(text_width("中文abc", strlen("中文abc")), 7);
	assert_int_equal(text_width("e\xcc\x81", 3), 1);
	assert_int_equal(text_width("", 0), 0);
	/* a control inside a string takes no columns */
	assert_int_equal(text_width("a\x1b" "b", 3), 2);
}

static void test_printable(void **state)
{
	(void)state;
	static const uint32_t never[] = {
		0x00, 0x01, 0x09, 0x0A, 0x1B, 0x7F, 0x85, 0x9B,
		0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2066, 0x2067, 0x2068, 0x2069,
	};
	for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
		assert_false(text_cp_printable(never[i]));
		assert_int_equal(text_cp_width(never[i]), -1);
	}
	assert_true(text_cp_printable('a'));
	assert_true(text_cp_printable(0x4E2D));
	assert_true(text_cp_printable(0x0301));
	assert_true(text_cp_printable(0x1F600));
}

static void test_decode_every_code_point(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		uint8_t buf[4];
		int n = u8_uctomb(buf, cp, 4);
		assert_true(n > 0);
		uint32_t got;
		assert_int_equal(text_decode((const char *)buf, (const char *)buf + n, &got), n);
		if (got != cp)
			fail_msg("U+%04X decoded as U+%04X", cp, got);
	}
	uint32_t cp;
	/* truncated, a surrogate, a stray continuation: U+FFFD, one byte on */
	assert_true(text_decode(S("\xe4\xb8"), &cp) >= 1);
	assert_int_equal(cp, 0xFFFD);
	assert_true(text_decode(S("\xed\xa0\x80"), &cp) >= 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode(S("\x80" "a"), &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

/* Every code point of the grapheme fast path has the property "Other", so
 * between two of them UAX #29 always breaks (GB999): the fast path's
 * decision for every pair. */
static void test_simple_code_points_are_other(void **state)
{
	(void)state;
	size_t n = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (!text_cp_is_simple(cp))
			continue;
		n++;
		if (uc_graphemeclusterbreak_property(cp) != GBP_OTHER)
			fail_msg("U+%04X is simple but its property is %d", cp,
				 uc_graphemeclusterbreak_property(cp));
	}
	/* ASCII 95, Latin-1 95, U+2010..2027 24, U+3000..3029 42, CJK, FF01..FF60 96 */
	assert_int_equal(n, 95 + 95 + 24 + 42 + (0x9FFF - 0x3400 + 1) + 96);
	assert_false(text_cp_is_simple(0xAD));          /* soft hyphen: a control */
	assert_false(text_cp_is_simple(0x0301));
	assert_false(text_cp_is_simple(0x200D));
	assert_false(text_cp_is_simple(0x302A));        /* an Extend mark */
	assert_false(text_cp_is_simple(0x1100));        /* Hangul L */
	assert_false(text_cp_is_simple(0x1F1E8));       /* regional indicator */
	assert_false(text_cp_is_simple(0x0A));
}

static size_t encode(char *buf, uint32_t cp)
{
	return (size_t)u8_uctomb((uint8_t *)buf, cp, 4);
}

/* The length text_grapheme_len gives the pair (a, b) agrees with
 * uc_is_grapheme_break. */
static void check_pair(uint32_t a, uint32_t b)
{
	char buf[8];
	size_t la = encode(buf, a);
	size_t lb = encode(buf + la, b);
	size_t got = text_grapheme_len(buf, buf + la + lb);
	size_t want = uc_is_grapheme_break(a, b) ? la : la + lb;
	if (got != want)
		fail_msg("U+%04X U+%04X: cluster of %zu bytes, library says %zu", a, b, got, want);
}

static uint32_t random_simple(uint64_t *st)
{
	for (;;) {
		uint32_t cp = rnd(st) % 0x10000;
		if (text_cp_is_simple(cp))
			return cp;
	}
}

static void test_grapheme_fast_path_pairs(void **state)
{
	(void)state;
	/* every pair with an ASCII side, all of the fast set on the other */
	for (uint32_t a = 0x20; a < 0x7F; a++)
		for (uint32_t b = 0; b <= 0xFFFF; b++)
			if (text_cp_is_simple(b)) {
				check_pair(a, b);
				check_pair(b, a);
			}
	/* and a large random set of the rest */
	uint64_t st = 0x9E3779B97F4A7C15ULL;
	for (int i = 0; i < 2000000; i++)
		check_pair(random_simple(&st), random_simple(&st));
}

/* Characters that make clusters of more than one code point, mixed with
 * simple ones: the fast path must hand every such case to the library. */
static const uint32_t tricky[] = {
	0x0301, 0x0308, 0x200D, 0xFE0F, 0x20E3, 0x1F3FD, 0x1F1E8, 0x1F1F3,
	0x1F468, 0x1F469, 0x1F467, 0x1100, 0x1161, 0x11A8, 0xAC00, 0x0D, 0x0A,
	0x0600, 0x0903, 0x302A, 0x3099, 0xFF9E, 0x00AD, 0x2028, 0x0E33,
};

/* Clusters found one at a time agree with u8_grapheme_breaks over the
 * whole string, on random mixes of simple and tricky characters. */
static void test_grapheme_len_matches_library(void **state)
{
	(void)state;
	uint64_t st = 12345;
	char buf[256], brk[256];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		for (int k = 0; k < 40; k++) {
			uint32_t r = rnd(&st);
			uint32_t cp = r % 3 ? random_simple(&st) : tricky[r % (sizeof tricky / sizeof *tricky)];
			n += encode(buf + n, cp);
		}
		u8_grapheme_breaks((const uint8_t *)buf, n, brk);
		const char *p = buf, *end = buf + n;
		while (p < end) {
			size_t want = 1;
			while (p + want < end && !brk[p + want - buf])
				want++;
			uint32_t cp;
			int w;
			size_t got = text_grapheme_scan(p, end, &cp, &w);
			if (got != want)
				fail_msg("round %d at %td: cluster of %zu bytes, library %zu",
					 round, p - buf, got, want);
			assert_int_equal(text_grapheme_len(p, end), want);
			assert_int_equal(w, text_grapheme_width(p, got));
			uint32_t first;
			text_decode(p, end, &first);
			assert_int_equal(cp, first);
			p += got;
		}
	}
}

/* A cluster longer than any window the slow path starts with. */
static void test_long_cluster(void **state)
{
	(void)state;
	char buf[1 + 2 * 300 + 1];
	size_t n = 0;
	buf[n++] = 'a';
	for (int i = 0; i < 300; i++) {
		buf[n++] = '\xcc';
		buf[n++] = '\x81';
	}
	buf[n++] = 'b';
	assert_int_equal(text_grapheme_len(buf, buf + n), n - 1);
	assert_int_equal(text_grapheme_width(buf, n - 1), 1);
}

static void test_grapheme_lengths(void **state)
{
	(void)state;
	/* combining sequences */
	assert_int_equal(text_grapheme_len(S("e\xcc\x81x")), 3);
	assert_int_equal(text_grapheme_len(S("a\xcc\x88\xcc\x81" "b")), 5);
	/* 👨‍👩‍👧: man ZWJ woman ZWJ girl */
	const char *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
	assert_int_equal(text_grapheme_len(S(family)), 18);
	assert_int_equal(text_grapheme_width(family, 18), 6);
	/* flags: regional indicators pair up, 🇨🇳🇫🇷 is two clusters */
	const char *flags = "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";
	assert_int_equal(text_grapheme_len(S(flags)), 8);
	assert_int_equal(text_grapheme_len(flags + 8, flags + 16), 8);
	assert_int_equal(text_grapheme_width(flags, 8), 2);
	/* Hangul: conjoining jamo make one cluster, syllables one each */
	assert_int_equal(text_grapheme_len(S("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8" "a")), 9);
	assert_int_equal(text_grapheme_width("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 9), 2);
	assert_int_equal(text_grapheme_len(S("한국")), 3);
	/* skin tone modifier, keycap */
	assert_int_equal(text_grapheme_len(S("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd!")), 8);
	assert_int_equal(text_grapheme_len(S("1\xef\xb8\x8f\xe2\x83\xa3" "2")), 7);
	/* the fast path */
	assert_int_equal(text_grapheme_len(S("中文")), 3);
	assert_int_equal(text_grapheme_len(S("ab")), 1);
	assert_int_equal(text_grapheme_len(S("中")), 3);
	assert_int_equal(text_grapheme_len(S("中\xe3\x80\xaa")), 6);    /* 中 + U+302A */
	assert_int_equal(text_grapheme_len(S("\r\n")), 2);
	assert_int_equal(text_grapheme_len("", ""), 0);
}

static void test_fit(void **state)
{
	(void)state;
	int w;
	/* a wide character never straddles the limit */
	assert_int_equal(text_fit("中文abc", strlen("中文abc"), 3, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit("中文abc", strlen("中文abc"), 5, &w), 7);
	assert_int_equal(w, 5);
	assert_int_equal(text_fit("中文", 6, 1, &w), 0);
	assert_int_equal(w, 0);
	/* a cluster is never split */
	assert_int_equal(text_fit("e\xcc\x81" "e\xcc\x81", 6, 1, &w), 3);
	assert_int_equal(w, 1);
	const char *flags = "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";
	assert_int_equal(text_fit(flags, 16, 3, &w), 8);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit(flags, 16, 1, &w), 0);

	/* random strings at every limit: whole clusters, never too wide, and
	 * the next cluster would not have fitted */
	uint64_t st = 777;
	char buf[256];
	char brk[256];
	for (int round = 0; round < 3000; round++) {
		size_t n = 0;
		for (int k = 0; k < 24; k++) {
			uint32_t r = rnd(&st);
			uint32_t cp = r % 2 ? random_simple(&st) : tricky[r % (sizeof tricky / sizeof *tricky)];
			n += encode(buf + n, cp);
		}
		u8_grapheme_breaks((const uint8_t *)buf, n, brk);
		for (int cols = 0; cols <= 30; cols++) {
			size_t got = text_fit(buf, n, cols, &w);
			assert_true(w <= cols);
			assert_int_equal(w, text_width(buf, got));
			assert_true(got == 0 || got == n || brk[got]);
			if (got < n) {
				size_t g = text_grapheme_len(buf + got, buf + n);
				assert_true(w + text_grapheme_width(buf + got, g) > cols);
			}
		}
	}
}

static void test_spaces(void **state)
{
	(void)state;
	assert_true(text_is_space(' '));
	assert_true(text_is_space('\t'));
	assert_true(text_is_space(0x3000));
	assert_true(text_is_space(0xA0));
	assert_false(text_is_space('a'));
	assert_false(text_is_space(0x4E00));
	const char *s = "\xe3\x80\x80 a b \xe3\x80\x80";
	const char *end = s + strlen(s);
	assert_string_equal(text_skip_space(s, end), "a b \xe3\x80\x80");
	assert_int_equal(text_trim_end(s, end) - s, 7);
}

/* The inline first look of text_skip_space and text_trim_end answers as
 * their loops (the _other functions) do: every one- and two-byte string,
 * every three-byte one led by C0..FF, alone and between letters, and cut
 * at each length. */
static void check_space_edges(const char *s, size_t len)
{
	for (size_t n = 0; n <= len; n++) {
		if (text_skip_space(s, s + n) != text_skip_space_other(s, s + n) ||
		    text_trim_end(s, s + n) != text_trim_end_other(s, s + n))
			fail_msg("skip or trim differs on %02X %02X %02X (length %zu)",
				 (unsigned char)s[0], len > 1 ? (unsigned char)s[1] : 0,
				 len > 2 ? (unsigned char)s[2] : 0, n);
	}
}

static void test_space_fast_paths(void **state)
{
	(void)state;
	for (unsigned a = 0; a < 256; a++) {
		for (unsigned b = 0; b < 256; b++) {
			char two[2] = { (char)a, (char)b };
			check_space_edges(two, 2);
			if (a < 0xC0)
				continue;
			for (unsigned c = 0; c < 256; c += (a >= 0xE0 && a <= 0xEF && (b & 0xC0) == 0x80) || (c & 0xC0) == 0x80 ? 1 : 17) {
				char buf[5] = { 'x', (char)a, (char)b, (char)c, 'y' };
				check_space_edges(buf + 1, 3);
				check_space_edges(buf, 5);
				if (text_trim_end(buf, buf + 4) != text_trim_end_other(buf, buf + 4) ||
				    text_skip_space(buf + 1, buf + 5) != text_skip_space_other(buf + 1, buf + 5))
					fail_msg("skip or trim differs on x %02X %02X %02X y", a, b, c);
			}
		}
	}
}

/* ---- text_printable_run ---- */

/* What text_printable_run promises, one code point at a time. */
static size_t printable_run_reference(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (cp == '\t' || text_cp_width(cp) < 0)
			break;
		p += n;
	}
	return (size_t)(p - s);
}

static void test_printable_run(void **state)
{
	(void)state;
	assert_int_equal(text_printable_run(SL("中文abc")), strlen("中文abc"));
	assert_int_equal(text_printable_run(SL("ab\tc")), 2);
	assert_int_equal(text_printable_run(SL("中\x1b[31m")), 3);
	assert_int_equal(text_printable_run(SL("a\xe2\x80\xae" "b")), 1);    /* RLO */
	assert_int_equal(text_printable_run(SL("\xc2\x85")), 0);             /* NEL */
	assert_int_equal(text_printable_run(SL("e\xcc\x81\xf0\x9f\x98\x80")), 7);
	/* a broken sequence is drawn as it is, and so is what follows */
	assert_int_equal(text_printable_run(SL("\xe4\xb8" "a")), 3);
	assert_int_equal(text_printable_run(SL("\xe4\t")), 1);
	assert_int_equal(text_printable_run(SL("\x80\x80" "a")), 3);
	assert_int_equal(text_printable_run("", 0), 0);
	/* random mixes of the fast bytes, bytes that stop it and broken ones */
	static const char *const bits[] = {
		"a", "Z", " ", "~", "中", "\xe9\xbe\xa5", "\xe4\xb8\x80", "。", "，", "“",
		"\t", "\x1b", "\x7f", "\xc2\x85", "\xe2\x80\x8e", "\xe2\x80\xae", "\xe2\x81\xa6",
		"\xd8\x9c", "\xcc\x81", "\xf0\x9f\x98\x80", "\xef\xbf\xbe", "\xcd\xb8",
		"\xe4", "\xe4\xb8", "\x80", "\xbf", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80",
		"\xf8", "\xff", "\xe3\x80\xaa",
	};
	uint64_t st = 4242;
	char buf[256];
	for (int round = 0; round < 200000; round++) {
		size_t n = 0;
		/* (long ones too: several blocks of sixteen bytes) */
		int k = 1 + (int)(rnd(&st) % (round % 4 ? 12 : 60));
		for (int i = 0; i < k; i++) {
			uint32_t r = rnd(&st);
			/* mostly the fast ones */
			const char *b = bits[r % 2 ? r / 2 % 10 : r / 2 % (sizeof bits / sizeof *bits)];
			memcpy(buf + n, b, strlen(b));
			n += strlen(b);
		}
		for (size_t from = 0; from < n; from++) {
			size_t want = printable_run_reference(buf + from, n - from);
			size_t got = text_printable_run(buf + from, n - from);
			if (got != want)
				fail_msg("round %d from %zu: run of %zu bytes, expected %zu",
					 round, from, got, want);
		}
	}
}

/* text_printable_run passes characters from U+00A0 on but the bidi
 * controls, and runs of eight bytes holding no byte that starts a
 * character it stops at, without asking text_cp_width (which, through
 * uc_width, refuses nothing else there): on every code point, after 0
 * to 7 bytes of ideographs and ASCII and before more, with ambiguous
 * characters narrow and wide, it must stop where text_cp_printable says. */
static void test_printable_run_every_code_point(void **state)
{
	(void)state;
	static const char before[] = "\xe4\xb8\xad" "ab" "\xe4\xb8\xad";   /* 中ab中 */
	for (int amb = 1; amb <= 2; amb++) {
		text_set_ambiguous_width(amb);
		for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			bool printable = text_cp_printable(cp) && cp != '\t';
			for (size_t lead = 0; lead <= 8; lead += cp % 3 + 1) {
				uint8_t buf[32];
				memcpy(buf, before, lead);
				int n = u8_uctomb(buf + lead, cp, 4);
				memcpy(buf + lead + (size_t)n, "\xe4\xb8\xad" "abcdefghi", 12);
				size_t len = lead + (size_t)n + 12;
				size_t want = printable ? len : lead;
				size_t got = text_printable_run((const char *)buf, len);
				if (got != want)
					fail_msg("U+%04X after %zu bytes (ambiguous width %d): run %zu, expected %zu",
						 cp, lead, amb, got, want);
			}
		}
	}
	text_set_ambiguous_width(1);
}

/* ---- line-break opportunities of plain text ---- */

static bool is_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

/* The plain code points outside the ideograph blocks, in order, and a few
 * ideographs: together they hold every class of the alphabet (text.c
 * makes classes of ranges of code points, and of single ones). */
static uint32_t others[512];
static size_t nothers;

static void collect_others(void)
{
	if (nothers)
		return;
	for (uint32_t cp = 0; cp < 0x10000; cp++)
		if (text_cp_is_plain(cp) && !is_ideograph(cp))
			others[nothers++] = cp;
	static const uint32_t ideographs[] = { 0x3400, 0x4DBF, 0x4E00, 0x4E2D, 0x9FA5, 0x9FFF };
	for (size_t i = 0; i < sizeof ideographs / sizeof *ideographs; i++)
		others[nothers++] = ideographs[i];
}

static uint32_t random_plain(uint64_t *st)
{
	uint32_t r = rnd(st);
	if (r % 2)
		return others[r / 2 % nothers];
	r = rnd(st) % (0x4DBF - 0x3400 + 1 + 0x9FFF - 0x4E00 + 1);
	return r < 0x4DBF - 0x3400 + 1 ? 0x3400 + r : 0x4E00 + r - (0x4DBF - 0x3400 + 1);
}

static void test_plain_code_points(void **state)
{
	(void)state;
	size_t n = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (!text_cp_is_plain(cp))
			continue;
		n++;
		/* one cluster each, never a space, one or two columns */
		if (!text_cp_is_simple(cp) || text_is_space(cp) ||
		    text_cp_width(cp) < 1 || text_cp_width(cp) > 2)
			fail_msg("U+%04X is plain: simple %d, space %d, width %d", cp,
				 text_cp_is_simple(cp), text_is_space(cp), text_cp_width(cp));
	}
	/* ideographs 6592 + 20992, ASCII 94, U+FF01..FF60 96, ° · ×,
	 * – — ‘ ’ “ ” …, 22 CJK punctuation marks */
	assert_int_equal(n, 6592 + 20992 + 94 + 96 + 3 + 7 + 22);
	assert_true(text_cp_is_plain('a'));
	assert_true(text_cp_is_plain(','));
	assert_true(text_cp_is_plain(0xFF0C));          /* ， */
	assert_true(text_cp_is_plain(0x3002));          /* 。 */
	assert_true(text_cp_is_plain(0x201C));          /* “ */
	assert_false(text_cp_is_plain(' '));
	assert_false(text_cp_is_plain('\t'));
	assert_false(text_cp_is_plain(0x3000));         /* ideographic space */
	assert_false(text_cp_is_plain(0xA0));
	assert_false(text_cp_is_plain(0x200B));
	assert_false(text_cp_is_plain(0xAD));
	assert_false(text_cp_is_plain(0x4DC0));         /* a hexagram, not an ideograph */
	assert_false(text_cp_is_plain(0x20000));        /* extension B: left to the library */
	assert_false(text_cp_is_plain(0x302A));
	assert_false(text_cp_is_plain(0xFFFD));
}

/* No plain code point joins the next one into a cluster, whatever it is
 * next to. */
static void test_plain_clusters(void **state)
{
	(void)state;
	collect_others();
	for (uint32_t a = 0; a < 0x10000; a++) {
		if (!text_cp_is_plain(a))
			continue;
		for (size_t i = 0; i < nothers; i++)
			if (!uc_is_grapheme_break(a, others[i]) || !uc_is_grapheme_break(others[i], a))
				fail_msg("U+%04X U+%04X: no cluster boundary", a, others[i]);
	}
	uint64_t st = 31337;
	uint8_t buf[256];
	char brk[256];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int len = 1 + (int)(rnd(&st) % 40);
		for (int k = 0; k < len; k++)
			n += (size_t)u8_uctomb(buf + n, random_plain(&st), 4);
		u8_grapheme_breaks(buf, n, brk);
		for (size_t i = 1; i < n; i++)
			if ((brk[i] != 0) != ((buf[i] & 0xC0) != 0x80))
				fail_msg("round %d: cluster boundary %d at byte %zu", round, brk[i], i);
	}
}

/* The plain scan of s equals u8_possible_linebreaks and text_decode /
 * text_cp_width, byte for byte; s must be plain. */
static text_char *scan_chars;
static size_t scan_cap;

static void check_plain(const uint8_t *s, size_t n, const char *what)
{
	char want[512], got[512];
	assert_true(n <= sizeof want);
	size_t nchars;
	if (!text_plain_scan((const char *)s, n, &scan_chars, &scan_cap, &nchars))
		fail_msg("%s: not plain", what);
	u8_possible_linebreaks(s, n, "UTF-8", want);
	memset(got, UC_BREAK_PROHIBITED, n);
	const char *p = (const char *)s, *end = p + n;
	for (size_t k = 0; k < nchars; k++) {
		const text_char *c = &scan_chars[k];
		uint32_t cp;
		if ((const char *)s + c->at != p)
			fail_msg("%s: character %zu at byte %u, expected %td", what, k, c->at,
				 p - (const char *)s);
		p += text_decode(p, end, &cp);
		assert_int_equal(c->cp, cp);
		assert_int_equal(c->width, text_cp_width(cp));
		got[c->at] = (char)c->brk;
	}
	assert_ptr_equal(p, end);
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i]) {
			char shown[4 * 512 + 1];
			size_t m = 0;
			for (size_t j = 0; j < n; j++)
				m += (size_t)sprintf(shown + m, "%02X ", s[j]);
			fail_msg("%s: at byte %zu the table says %d, the library %d (%s)", what, i,
				 got[i], want[i], shown);
		}
}

static size_t encode_all(uint8_t *buf, const uint32_t *cps, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += (size_t)u8_uctomb(buf + len, cps[i], 4);
	return len;
}

/* Every plain code point next to every class, both ways; triples of the
 * classes' characters (the library's decision between two of them depends
 * on them alone). */
static void test_plain_breaks_pairs_and_triples(void **state)
{
	(void)state;
	collect_others();
	uint8_t buf[16];
	for (uint32_t a = 0; a < 0x10000; a++) {
		if (!text_cp_is_plain(a))
			continue;
		for (size_t i = 0; i < nothers; i++) {
			uint32_t ab[2] = { a, others[i] }, ba[2] = { others[i], a };
			check_plain(buf, encode_all(buf, ab, 2), "pair");
			check_plain(buf, encode_all(buf, ba, 2), "pair");
		}
		uint32_t one[1] = { a };
		check_plain(buf, encode_all(buf, one, 1), "one");
	}
	/* every character in the middle, every other one around it */
	for (size_t i = 0; i < nothers; i += 2)
		for (size_t j = 0; j < nothers; j++)
			for (size_t k = 1; k < nothers; k += 2) {
				uint32_t abc[3] = { others[i], others[j], others[k] };
				check_plain(buf, encode_all(buf, abc, 3), "triple");
			}
}

static void test_plain_breaks_random(void **state)
{
	(void)state;
	collect_others();
	uint64_t st = 0xC0FFEE;
	uint8_t buf[4 * 40];
	uint32_t cps[40];
	for (int round = 0; round < 200000; round++) {
		size_t len = 1 + rnd(&st) % 40;
		for (size_t k = 0; k < len; k++)
			cps[k] = random_plain(&st);
		check_plain(buf, encode_all(buf, cps, len), "random");
	}
}

/* Not plain: any character outside the alphabet, anywhere; broken UTF-8. */
static void test_plain_scan_refuses(void **state)
{
	(void)state;
	size_t n = 99;
	assert_true(text_plain_scan("", 0, &scan_chars, &scan_cap, &n));
	assert_int_equal(n, 0);
	const char *plain = "中文,abc。";
	assert_true(text_plain_scan(plain, strlen(plain), &scan_chars, &scan_cap, &n));
	assert_int_equal(n, 7);
	assert_int_equal(scan_chars[2].cp, ',');
	assert_int_equal(scan_chars[2].at, 6);
	assert_int_equal(scan_chars[2].width, 1);
	assert_int_equal(scan_chars[1].width, 2);
	assert_int_equal(scan_chars[6].at, 10);
	/* no break before the comma or the full stop, one after 文 and before a */
	assert_int_equal(scan_chars[2].brk, UC_BREAK_PROHIBITED);
	assert_int_equal(scan_chars[6].brk, UC_BREAK_PROHIBITED);
	assert_int_equal(scan_chars[1].brk, UC_BREAK_POSSIBLE);
	assert_int_equal(scan_chars[3].brk, UC_BREAK_POSSIBLE);
	assert_int_equal(scan_chars[4].brk, UC_BREAK_PROHIBITED);
	static const char *const outsiders[] = {
		" ", "\t", "\xe3\x80\x80", "\xc2\xa0", "\xe2\x80\x8b", "\xcc\x81", "\xe2\x80\x8d",
		"\xf0\x9f\x98\x80", "\xf0\xa0\x80\x80", "\xea\xb0\x80", "\xe2\x80\xa8", "\xc2\xad",
		"\xe4", "\xe4\xb8", "\x80", "\xc1\x81", "\xe0\x81\x81", "\xed\xa0\x80", "\xff",
	};
	collect_others();
	uint64_t st = 99;
	char buf[256];
	for (int round = 0; round < 20000; round++) {
		size_t len = 0;
		size_t before = rnd(&st) % 10, after = rnd(&st) % 10;
		for (size_t k = 0; k < before; k++)
			len += (size_t)u8_uctomb((uint8_t *)buf + len, random_plain(&st), 4);
		const char *o = outsiders[rnd(&st) % (sizeof outsiders / sizeof *outsiders)];
		memcpy(buf + len, o, strlen(o));
		len += strlen(o);
		for (size_t k = 0; k < after; k++)
			len += (size_t)u8_uctomb((uint8_t *)buf + len, random_plain(&st), 4);
		if (text_plain_scan(buf, len, &scan_chars, &scan_cap, &n))
			fail_msg("round %d: plain with \"%s\" in it", round, o);
	}
}

/* text_plain_scan_subs is text_plain_scan of the text written out with
 * the substitutions in place, in the original offsets: random plain text
 * with ASCII bytes replaced by what punct.c restores them to, by other
 * plain characters and by some that are not plain. */
static void test_plain_scan_subs(void **state)
{
	(void)state;
	collect_others();
	static const uint32_t shown[] = {
		0xFF0C, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF08, 0xFF09, 0x201C, 0x201D, 0x2014,
		0x4E2D, 0x3002, 'x', 0x00A0, 0x3000, 0x1F600,
	};
	static const char ascii[] = ",:;!?()\"-a1";
	uint64_t st = 0x5AB5;
	char in[256], out[512];
	text_sub subs[64];
	text_char *want = NULL, *got = NULL;
	size_t want_cap = 0, got_cap = 0;
	size_t agreed = 0;
	for (int round = 0; round < 200000; round++) {
		size_t len = 0, nsubs = 0, olen = 0;
		size_t nchars = rnd(&st) % 40;
		for (size_t k = 0; k < nchars; k++) {
			uint32_t r = rnd(&st);
			if (r % 4 == 0 && nsubs < 64) {
				uint32_t cp = shown[(r >> 2) % (r % 8 == 0 ? 16 : 10)];
				subs[nsubs].at = (uint32_t)len;
				subs[nsubs++].cp = cp;
				in[len++] = ascii[(r >> 8) % (sizeof ascii - 1)];
				olen += (size_t)u8_uctomb((uint8_t *)out + olen, cp, 4);
			} else {
				uint32_t cp = r % 3 ? 0x4E00 + r % 0x5200 : random_plain(&st);
				int l = u8_uctomb((uint8_t *)in + len, cp, 4);
				memcpy(out + olen, in + len, (size_t)l);
				len += (size_t)l;
				olen += (size_t)l;
			}
		}
		size_t nw = 0, ng = 0;
		bool w = text_plain_scan(out, olen, &want, &want_cap, &nw);
		bool g = text_plain_scan_subs(in, len, subs, nsubs, &got, &got_cap, &ng);
		if (w != g)
			fail_msg("round %d: plain %d, with the substitutions %d", round, w, g);
		if (!w)
			continue;
		assert_int_equal(nw, ng);
		for (size_t k = 0, j = 0, shift = 0; k < nw; k++) {
			if (got[k].cp != want[k].cp || got[k].width != want[k].width ||
			    got[k].brk != want[k].brk || got[k].at + shift != want[k].at)
				fail_msg("round %d: character %zu differs", round, k);
			if (j < nsubs && subs[j].at == got[k].at) {
				shift += (size_t)u8_uctomb((uint8_t *)out, subs[j].cp, 4) - 1;
				j++;
			}
		}
		agreed++;
	}
	print_message("%zu plain texts with substitutions agreed\n", agreed);
	assert_true(agreed > 10000);
	/* substitutions out of order or past the end: refused */
	text_sub bad[2] = { { 2, 0xFF0C }, { 1, 0xFF0C } };
	size_t n;
	assert_false(text_plain_scan_subs("a,,b", 4, bad, 2, &got, &got_cap, &n));
	text_sub past[1] = { { 4, 0xFF0C } };
	assert_false(text_plain_scan_subs("a,,b", 4, past, 1, &got, &got_cap, &n));
	free(want);
	free(got);
}

/* Real text: every line of the corpus pages that is plain, and every
 * piece between the spaces of the others. */
static void test_plain_breaks_corpus(void **state)
{
	(void)state;
	static const char *const pages[] = { "000", "001", "002", "003", "004" };
	size_t checked = 0;
	for (size_t pg = 0; pg < sizeof pages / sizeof *pages; pg++) {
		TU_CORPUS_OR_SKIP(path, pages[pg]);
		size_t len;
		char *text = tu_read_file(path, &len);
		char *want = util_malloc(len + 1), *got = util_malloc(len + 1);
		for (char *p = text, *end = text + len; p < end;) {
			char *stop = p;
			while (stop < end && *stop != '\n' && *stop != ' ')
				stop++;
			size_t n = (size_t)(stop - p), nchars;
			if (n && text_plain_scan(p, n, &scan_chars, &scan_cap, &nchars)) {
				u8_possible_linebreaks((const uint8_t *)p, n, "UTF-8", want);
				memset(got, UC_BREAK_PROHIBITED, n);
				for (size_t k = 0; k < nchars; k++)
					got[scan_chars[k].at] = (char)scan_chars[k].brk;
				if (memcmp(got, want, n) != 0)
					fail_msg("%s at byte %td: the table and the library differ",
						 path, p - text);
				checked += n;
			}
			p = stop + 1;
		}
		free(want);
		free(got);
		free(text);
	}
	print_message("%zu bytes of plain corpus text checked\n", checked);
	/* nearly all of a Chinese page is plain */
	assert_true(checked > 70000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_agrees_with_uc_width_everywhere),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_printable_run_every_code_point),
		cmocka_unit_test(test_decode_every_code_point),
		cmocka_unit_test(test_simple_code_points_are_other),
		cmocka_unit_test(test_grapheme_fast_path_pairs),
		cmocka_unit_test(test_grapheme_len_matches_library),
		cmocka_unit_test(test_long_cluster),
		cmocka_unit_test(test_grapheme_lengths),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_space_fast_paths),
		cmocka_unit_test(test_printable_run),
		cmocka_unit_test(test_plain_code_points),
		cmocka_unit_test(test_plain_clusters),
		cmocka_unit_test(test_plain_breaks_pairs_and_triples),
		cmocka_unit_test(test_plain_breaks_random),
		cmocka_unit_test(test_plain_scan_refuses),
		cmocka_unit_test(test_plain_scan_subs),
		cmocka_unit_test(test_plain_breaks_corpus),
	};
	int failed = cmocka_run_group_tests(tests, setup_locale, NULL);
	free(scan_chars);
	return failed;
}
