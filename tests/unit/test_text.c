/* Unit tests of text.c: widths, grapheme clusters, what may be printed.
 * The fast paths are checked against the C library's wcwidth and against
 * libunistring on every code point they cover. */
#include "testutil.h"
#include "text.h"

#include <unigbrk.h>
#include <unistr.h>
#include <wchar.h>

/* A string literal as (start, end). */
static const char *end_of(const char *s)
{
	return s + strlen(s);
}
#define S(x) x, end_of(x)

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

/* What text_cp_width promises: wcwidth, except that controls and bidi
 * controls are never printable. */
static int expected_width(uint32_t cp)
{
	bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || bidi)
		return -1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? -1 : w;
}

static void test_width_agrees_with_wcwidth_everywhere(void **state)
{
	(void)state;
	/* the fast ranges first, by name, then every other code point */
	static const uint32_t fast[][2] = {
		{ 0x20, 0x7E }, { 0x3000, 0x3029 }, { 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF }, { 0xFF01, 0xFF60 },
	};
	for (size_t r = 0; r < sizeof fast / sizeof *fast; r++)
		for (uint32_t cp = fast[r][0]; cp <= fast[r][1]; cp++)
			if (text_cp_width(cp) != wcwidth((wchar_t)cp))
				fail_msg("U+%04X: text_cp_width %d, wcwidth %d", cp,
					 text_cp_width(cp), wcwidth((wchar_t)cp));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_agrees_with_wcwidth_everywhere),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_decode_every_code_point),
		cmocka_unit_test(test_simple_code_points_are_other),
		cmocka_unit_test(test_grapheme_fast_path_pairs),
		cmocka_unit_test(test_grapheme_len_matches_library),
		cmocka_unit_test(test_long_cluster),
		cmocka_unit_test(test_grapheme_lengths),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_spaces),
	};
	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
