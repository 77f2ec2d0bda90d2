/* Unit tests of the matcher (search.c), on issues of our own writing. */
#include "testutil.h"
#include "issue.h"
#include "script.h"
#include "search.h"
#include "util.h"
#include "text.h"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#define S(x) x, strlen(x)

static doc_str str(const char *s)
{
	return doc_str_make(s, strlen(s));
}

static doc_source no_source(void)
{
	doc_source src = { NULL, 0, NULL, NULL, NULL };
	return src;
}

/* The reference: the library's fold of the whole string, each character
 * then folded by the script table (script_fold_cp), whitespace runs
 * (ASCII whitespace and Zs) collapsed to one space. */
static char *ref_fold(const char *s, size_t n, size_t *len)
{
	size_t flen;
	uint8_t *f = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKC, NULL, &flen);
	assert_non_null(f);
	char *out = malloc(flen + 1);
	assert_non_null(out);
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; i < flen;) {
		ucs4_t c;
		int m = u8_mbtouc(&c, f + i, flen - i);
		bool ws = c == ' ' || (c >= '\t' && c <= '\r') ||
			  uc_is_general_category(c, UC_CATEGORY_Zs);
		if (ws) {
			if (!space)
				out[k++] = ' ';
		} else {
			out = realloc(out, k + (flen - i) + 4);
			assert_non_null(out);
			k += (size_t)u8_uctomb((uint8_t *)out + k, script_fold_cp(c), 4);
		}
		space = ws;
		i += (size_t)m;
	}
	out[k] = '\0';
	free(f);
	*len = k;
	return out;
}

/* An issue of one page holding one article whose blocks are `texts`. */
static doc_issue *issue_of_blocks(char **texts, size_t n)
{
	doc_issue *issue = doc_issue_new();
	doc_begin_page(issue, util_strdup("p.txt"), no_source());
	doc_begin_article(issue);
	for (size_t i = 0; i < n; i++)
		doc_add_block(issue, DOC_PARAGRAPH, str(texts[i]));
	return issue;
}

/* Checks that the index folds every text exactly like the reference. */
static void check_index_folds(char **texts, size_t n)
{
	doc_issue *issue = issue_of_blocks(texts, n);
	search_index *ix = search_index_new(issue);
	size_t len;
	const char *t = search_index_text(ix, &len);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		size_t rlen;
		char *ref = ref_fold(texts[i], strlen(texts[i]), &rlen);
		const char *nl = memchr(t + at, '\n', len - at);
		assert_non_null(nl);
		size_t got = (size_t)(nl - (t + at));
		if (got != rlen || memcmp(t + at, ref, rlen) != 0)
			fail_msg("text %zu \"%s\": folded \"%.*s\", library \"%s\"",
				 i, texts[i], (int)got, t + at, ref);
		at += got + 1;
		free(ref);
	}
	assert_int_equal(at, len);
	search_index_free(ix);
	doc_issue_free(issue);
}

static char *utf8_of(const ucs4_t *cps, size_t n)
{
	char *s = malloc(n * 4 + 1);
	assert_non_null(s);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += (size_t)u8_uctomb((uint8_t *)s + k, cps[i], 4);
	s[k] = '\0';
	return s;
}

static bool is_text_cp(ucs4_t c)
{
	return !(c < 0x20 && c != '\t') && c != 0x7F && !(c >= 0xD800 && c < 0xE000);
}

/* Every code point of the BMP (which holds every fast-path set: ASCII,
 * CJK ideographs, CJK punctuation, the full-width forms) and of the
 * supplementary planes 1 and 2, folded alone, gives the library's
 * result. */
static void test_every_code_point_alone(void **state)
{
	(void)state;
	size_t cap = 0x30000, n = 0;
	char **texts = malloc(cap * sizeof *texts);
	assert_non_null(texts);
	for (ucs4_t c = 1; c < 0x30000; c++)
		if (is_text_cp(c))
			texts[n++] = utf8_of(&c, 1);
	check_index_folds(texts, n);

	/* the query path is the same folding */
	size_t len;
	char *q = search_fold(S("\xef\xbd\x85\xef\xbd\x83\xef\xbc\x8c\xe3\x80\x80X"), &len);
	assert_string_equal(q, "ec, x");
	assert_int_equal(len, 5);
	free(q);
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

/* Every canonical composition pair (base + joining character), and every
 * character that decomposes to start with a joining character placed
 * after a base it joins, folds like the library folds the pair: the
 * fast path never separates characters that normalisation joins. */
static void test_composition_pairs(void **state)
{
	(void)state;
	static ucs4_t first_of[0x110000];       /* a base each second element joins */
	size_t cap = 1 << 16, n = 0;
	char **texts = malloc(cap * sizeof *texts);
	assert_non_null(texts);
	for (ucs4_t c = 0; c < 0x110000; c++) {
		ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
		if (c >= 0xD800 && c < 0xE000)
			continue;
		if (uc_canonical_decomposition(c, d) == 2 && uc_composition(d[0], d[1]) == c) {
			if (n == cap) {
				cap *= 2;
				texts = realloc(texts, cap * sizeof *texts);
				assert_non_null(texts);
			}
			texts[n++] = utf8_of(d, 2);
			first_of[d[1]] = d[0];
		}
	}
	size_t npairs = n;
	/* characters whose compatibility decomposition starts with a second
	 * element, e.g. U+314F (compatibility jamo) -> U+1161 */
	for (ucs4_t c = 0x80; c < 0x30000; c++) {
		if (!is_text_cp(c))
			continue;
		uint8_t in[4], buf[64];
		int k = u8_uctomb(in, c, 4);
		size_t len = sizeof buf;
		uint8_t *dec = u8_normalize(UNINORM_NFKD, in, (size_t)k, buf, &len);
		assert_non_null(dec);
		ucs4_t first;
		u8_mbtouc(&first, dec, len);
		if (dec != buf)
			free(dec);
		if (first_of[first] && first != c) {
			ucs4_t pair[2] = { first_of[first], c };
			if (n == cap) {
				cap *= 2;
				texts = realloc(texts, cap * sizeof *texts);
				assert_non_null(texts);
			}
			texts[n++] = utf8_of(pair, 2);
		}
	}
	assert_true(npairs > 900);      /* Latin, Greek, Cyrillic, kana, Hangul LV ... */
	assert_true(n > npairs);
	check_index_folds(texts, n);
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

/* Random strings mixing fast and slow characters fold like the library
 * folds them whole. */
static const ucs4_t pool[] = {
	'a', 'z', 'A', 'Z', 'e', 'E', 'i', 'I', 's', 'S', '0', '9', ',', '(', '.', ' ', ' ', '\t',
	0x3000, 0x3000, 0x00A0, 0x2003, 0x1680, 0x200B,
	0x4E2D, 0x6587, 0x9F99, 0x3400, 0x4DC0, 0x3001, 0x3002, 0x300A, 0x300B, 0x201C, 0x201D,
	0x2014, 0x2026, 0x00B7, 0x25A0, 0x3007,
	0xFF0C, 0xFF08, 0xFF09, 0xFF10, 0xFF15, 0xFF21, 0xFF41, 0xFF5E, 0xFF01,
	0x0300, 0x0301, 0x0308, 0x0323, 0x0315, 0x0345, 0x0327, 0x3099, 0x309A, 0x309B,
	0x1100, 0x1112, 0x1161, 0x1175, 0x11A8, 0x11C2, 0x3131, 0x314F, 0xAC00, 0xAC01, 0xD7A3,
	0xFFA1, 0xFFC2, 0xFF76, 0xFF9E, 0xFF9F, 0x304B, 0x30AB, 0x30A6,
	0x03A3, 0x03C3, 0x03C2, 0x0391, 0x0399, 0x0390, 0x1F80, 0x1FBC, 0x0130, 0x0131,
	0x00C4, 0x00E4, 0x00DF, 0x1E9E, 0x00C5, 0x212B, 0x2126, 0xFB01, 0x2460, 0x2103,
	0x3231, 0x00BD, 0x00A8, 0x00B4, 0x0B47, 0x0B3E, 0x0B57, 0x0F73, 0x0F71, 0x0F72,
	0x0915, 0x093C, 0x0958, 0xFDFA, 0x1D400, 0x10400, 0x1F600, 0x20000, 0x2F800,
	0x0041, 0x030A, 0x0CC6, 0x0CC2, 0x0CD5, 0x1B05, 0x1B35, 0x11131, 0x11127,
};

static uint32_t rng_state = 20250318;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 8) & 0xFFFFFF;
}

/* A random string; with `han`, mostly ideographs (long runs of them take
 * the word-at-a-time path) with the pool's characters among them. */
static char *random_text(bool han)
{
	ucs4_t cps[48];
	size_t n = 1 + rng() % (han ? 48 : 24);
	for (size_t i = 0; i < n; i++) {
		if (han && rng() % 8 != 0)
			cps[i] = 0x4000 + rng() % 0x6000;
		else
			cps[i] = pool[rng() % (sizeof pool / sizeof pool[0])];
	}
	return utf8_of(cps, n);
}

/* True when t cut at a and b folds to the fold of t, so that the middle
 * piece, as a query, must be found in t. */
static bool folds_apart(const char *t, size_t a, size_t b)
{
	size_t n = strlen(t), l0, l1, l2, lw;
	char *p0 = ref_fold(t, a, &l0), *p1 = ref_fold(t + a, b - a, &l1);
	char *p2 = ref_fold(t + b, n - b, &l2), *whole = ref_fold(t, n, &lw);
	char *cat = malloc(l0 + l1 + l2 + 1);
	assert_non_null(cat);
	size_t k = 0;
	const char *parts[3] = { p0, p1, p2 };
	size_t lens[3] = { l0, l1, l2 };
	for (int i = 0; i < 3; i++)
		for (size_t j = 0; j < lens[i]; j++)
			if (!(parts[i][j] == ' ' && k > 0 && cat[k - 1] == ' '))
				cat[k++] = parts[i][j];
	bool same = k == lw && memcmp(cat, whole, k) == 0;
	free(p0);
	free(p1);
	free(p2);
	free(whole);
	free(cat);
	return same;
}

static void test_random_strings(void **state)
{
	(void)state;
	enum { N = 4000 };
	char *texts[N];
	for (size_t i = 0; i < N; i++)
		texts[i] = random_text(i % 2 == 1);
	check_index_folds(texts, N);

	/* Hits map back to whole characters whose fold holds the query. */
	doc_issue *issue = issue_of_blocks(texts, N);
	search_index *ix = search_index_new(issue);
	for (size_t i = 0; i < 400; i++) {
		size_t ti = rng() % N;
		const char *t = texts[ti];
		size_t n = strlen(t), a = rng() % n, b = a + 1 + rng() % (n - a);
		while (a > 0 && ((unsigned char)t[a] & 0xC0) == 0x80)
			a--;
		while (b < n && ((unsigned char)t[b] & 0xC0) == 0x80)
			b++;
		if (!folds_apart(t, a, b)) {
			i--;    /* normalisation joins across the cut: not findable as such */
			continue;
		}
		size_t qlen;
		char *q = ref_fold(t + a, b - a, &qlen);
		search_result res;
		search_run(ix, t + a, b - a, &res);
		bool in_t = false;
		for (size_t h = 0; h < res.nhits; h++)
			in_t |= res.hits[h].element == DOC_NFIELDS + ti;
		if (!(qlen == 0 || (qlen == 1 && q[0] == ' ')) && !in_t)
			fail_msg("\"%.*s\" (folded \"%s\") not found in \"%s\"",
				 (int)(b - a), t + a, q, t);
		for (size_t h = 0; h < res.nhits; h++) {
			const search_hit *hit = &res.hits[h];
			const char *et = texts[hit->element - DOC_NFIELDS];
			assert_true(hit->start < hit->end);
			assert_true(hit->end <= strlen(et));
			assert_true(((unsigned char)et[hit->start] & 0xC0) != 0x80);
			assert_true(((unsigned char)et[hit->end] & 0xC0) != 0x80);
			size_t hlen;
			char *hf = ref_fold(et + hit->start, hit->end - hit->start, &hlen);
			/* A hit may start or end in a collapsed whitespace run. */
			const char *qq = q;
			size_t qn = qlen;
			if (qn && qq[0] == ' ')
				qq++, qn--;
			if (qn && qq[qn - 1] == ' ')
				qn--;
			if (!memmem(hf, hlen, qq, qn))
				fail_msg("hit \"%.*s\" (folded \"%s\") does not hold \"%s\"",
					 (int)(hit->end - hit->start), et + hit->start, hf, q);
			free(hf);
		}
		search_result_free(&res);
		free(q);
	}
	search_index_free(ix);
	doc_issue_free(issue);
	for (size_t i = 0; i < N; i++)
		free(texts[i]);
}

/* Every line of the real pages folds like the library folds it. */
static void test_corpus_folds(void **state)
{
	(void)state;
	static const char *const pages[] = { "000", "001", "002", "003", "004" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		TU_CORPUS_OR_SKIP(path, pages[i]);
		size_t len, n = 0;
		char *text = tu_read_file(path, &len);
		char **lines = malloc((len + 1) * sizeof *lines);
		assert_non_null(lines);
		for (char *line = strtok(text, "\r\n"); line; line = strtok(NULL, "\r\n"))
			lines[n++] = line;
		assert_true(n > 10);
		check_index_folds(lines, n);
		free(lines);
		free(text);
	}
}

/* On each real page, parsed: the hits of --search 营商环境 (and of a query
 * that folding changes) are as many as the occurrences of the folded
 * query in the page's text folded by the library, element by element. */
static size_t count_in(const char *hay, size_t len, const char *needle, size_t nlen)
{
	size_t n = 0;
	for (const char *p = hay; (p = memmem(p, (size_t)(hay + len - p), needle, nlen)); p += nlen)
		n++;
	return n;
}

static size_t reference_count(const doc_issue *issue, const char *query)
{
	size_t qlen;
	char *q = ref_fold(query, strlen(query), &qlen);
	size_t n = 0;
	for (size_t a = 0; a < doc_narticles(issue); a++) {
		const doc_article *art = doc_article_at(issue, a);
		for (uint32_t e = 0; e < doc_article_nelements(art); e++) {
			doc_str t = doc_element_text(issue, art, e);
			size_t flen;
			char *f = ref_fold(t.len ? t.s : "", t.len, &flen);
			n += count_in(f, flen, q, qlen);
			free(f);
		}
	}
	for (size_t c = 0; c < doc_ncaptions(issue); c++) {
		const doc_str *t = doc_page_caption_at(issue, c);
		size_t flen;
		char *f = ref_fold(t->s, t->len, &flen);
		n += count_in(f, flen, q, qlen);
		free(f);
	}
	free(q);
	return n;
}

static void test_corpus_search_counts(void **state)
{
	(void)state;
	static const char *const pages[] = { "000", "001", "002", "003", "004" };
	static const char *const queries[] = { "营商环境", "ＡＩ", "2025年", "(记者" };
	size_t total = 0;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		TU_CORPUS_OR_SKIP(path, pages[i]);
		doc_issue *issue = tu_parse_file(path);
		search_index *ix = search_index_new(issue);
		for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
			search_result res;
			search_run(ix, queries[k], strlen(queries[k]), &res);
			size_t want = reference_count(issue, queries[k]);
			if (res.nhits != want)
				fail_msg("page %s, \"%s\": %zu hits, the folded text holds it %zu times",
					 pages[i], queries[k], res.nhits, want);
			if (k == 0)
				total += res.nhits;
			search_result_free(&res);
		}
		search_index_free(ix);
		doc_issue_free(issue);
	}
	assert_true(total > 30);    /* the pages do speak of 营商环境 */
}

/* ---- behaviour on a small issue ---- */

/*
 * Page 1 (label 第3版): article 1 with every header field and four
 * blocks; article 2; a page caption. Page 2: article 3, two captions.
 */
typedef struct fixture {
	doc_issue *issue;
	search_index *ix;
} fixture;

static const char *const a1_body =
	"２０２５年，全区经济（ＧＤＰ）增长５％，the Economy grows。";

static int setup(void **state)
{
	doc_issue *issue = doc_issue_new();
	doc_begin_page(issue, util_strdup("a.txt"), no_source());
	doc_set_page_label(issue, str("第3版 要闻"));
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_COLUMN] = str("城市观察");
	a->field[DOC_F_KICKER] = str("ABC新区建设提速");
	a->field[DOC_F_HEADLINE] = str("ｅｃｏｎｏｍｙ稳中向好");
	a->field[DOC_F_SUBTITLE] = str("——全年目标2025项完成过半");
	a->field[DOC_F_BYLINE] = str("本报记者 Äpfel 林晓");
	doc_add_block(issue, DOC_PARAGRAPH, str(a1_body));
	doc_add_block(issue, DOC_SUBHEAD, str("经济　　 发展"));
	doc_add_block(issue, DOC_CAPTION, str("新区夜景 林晓 摄"));
	doc_add_block(issue, DOC_JUMP, str("■下转第6版"));
	a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = str("ΣΟΦΙΑ书店开业");
	doc_add_block(issue, DOC_PARAGRAPH, str("书店位于abc路,经济实惠……"));
	doc_add_page_caption(issue, str("湖畔的经济林"), UINT32_MAX);
	doc_begin_page(issue, util_strdup("b.txt"), no_source());
	a = doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, str("Cafe\xcc\x81与\xe1\x84\x80\xe1\x85\xa1"));
	doc_add_page_caption(issue, str("第一张图"), UINT32_MAX);
	doc_add_page_caption(issue, str("第二张图:经济"), UINT32_MAX);
	fixture *fx = malloc(sizeof *fx);
	fx->issue = issue;
	fx->ix = search_index_new(issue);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	search_index_free(fx->ix);
	doc_issue_free(fx->issue);
	free(fx);
	return 0;
}

/* Runs a query and renders its hits as "article/element:start-end ...". */
static char *hits_of(const fixture *fx, const char *query)
{
	search_result res;
	search_run(fx->ix, query, strlen(query), &res);
	static char buf[4096];
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < res.nhits; i++) {
		const search_hit *h = &res.hits[i];
		if (h->article == UINT32_MAX)
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%sC/%u:%u-%u", i ? " " : "",
					      h->element, h->start, h->end);
		else
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%u/%u:%u-%u", i ? " " : "",
					      h->article, h->element, h->start, h->end);
	}
	search_result_free(&res);
	return buf;
}

enum { P0 = DOC_NFIELDS, P1, P2, P3 };  /* block elements */

static void test_full_width(void **state)
{
	const fixture *fx = *state;
	/* ２０２５ is 12 bytes; 2025 in the subtitle is 4 */
	assert_string_equal(hits_of(fx, "2025"), "0/3:18-22 0/6:0-12");
	assert_string_equal(hits_of(fx, "２０２５"), "0/3:18-22 0/6:0-12");
	/* ｅｃｏｎｏｍｙ: 21 original bytes, 7 folded; both directions */
	assert_string_equal(hits_of(fx, "economy"), "0/2:0-21 0/6:64-71");
	assert_string_equal(hits_of(fx, "ｅｃｏｎｏｍｙ"), "0/2:0-21 0/6:64-71");
	/* a hit that starts inside a multi-byte folded run */
	assert_string_equal(hits_of(fx, "conomy稳"), "0/2:3-24");
	assert_string_equal(hits_of(fx, "gdp"), "0/6:33-42");
	assert_string_equal(hits_of(fx, "5%"), "0/6:51-57");
}

static void test_punctuation(void **state)
{
	const fixture *fx = *state;
	/* full-width commas in article 1, an ASCII comma in article 2 */
	assert_string_equal(hits_of(fx, ","), "0/6:15-18 0/6:57-60 1/6:18-19");
	assert_string_equal(hits_of(fx, "，"), "0/6:15-18 0/6:57-60 1/6:18-19");
	assert_string_equal(hits_of(fx, "("), "0/6:30-33");
	assert_string_equal(hits_of(fx, "（gdp）"), "0/6:30-45");
	/* three dots are in one "…": one hit per original character */
	assert_string_equal(hits_of(fx, "."), "1/6:31-34 1/6:34-37");
	assert_string_equal(hits_of(fx, "...."), "1/6:31-37");
}

static void test_case(void **state)
{
	const fixture *fx = *state;
	assert_string_equal(hits_of(fx, "abc"), "0/1:0-3 1/6:12-15");
	assert_string_equal(hits_of(fx, "ABC"), "0/1:0-3 1/6:12-15");
	assert_string_equal(hits_of(fx, "äPFEL"), "0/4:13-19");
	assert_string_equal(hits_of(fx, "σοφια"), "1/2:0-10");
	assert_string_equal(hits_of(fx, "Σοφ"), "1/2:0-6");
	/* composed and decomposed forms meet: é vs e + U+0301; jamo vs 가 */
	assert_string_equal(hits_of(fx, "caf\xc3\xa9"), "2/6:0-6");
	assert_string_equal(hits_of(fx, "CAFE\xcc\x81"), "2/6:0-6");
	assert_string_equal(hits_of(fx, "cafe"), "");
	assert_string_equal(hits_of(fx, "\xea\xb0\x80"), "2/6:9-15");
	assert_string_equal(hits_of(fx, "与\xea\xb0\x80"), "2/6:6-15");
}

static void test_whitespace(void **state)
{
	const fixture *fx = *state;
	/* "经济　　 发展": two ideographic spaces and a space are one run */
	assert_string_equal(hits_of(fx, "经济 发展"), "0/7:0-19");
	assert_string_equal(hits_of(fx, "经济　 \t发展"), "0/7:0-19");
	assert_string_equal(hits_of(fx, "济 发"), "0/7:3-16");
	assert_string_equal(hits_of(fx, "济发"), "");
	assert_string_equal(hits_of(fx, "记者 äpfel"), "0/4:6-19");
	/* nothing to look for */
	assert_string_equal(hits_of(fx, ""), "");
	assert_string_equal(hits_of(fx, " "), "");
	assert_string_equal(hits_of(fx, " 　\t "), "");
}

static void test_every_element(void **state)
{
	const fixture *fx = *state;
	/* column, kicker, headline, byline, caption block, jump, page captions */
	assert_string_equal(hits_of(fx, "城市"), "0/0:0-6");
	assert_string_equal(hits_of(fx, "新区"), "0/1:3-9 0/8:0-6");
	assert_string_equal(hits_of(fx, "稳中"), "0/2:21-27");
	assert_string_equal(hits_of(fx, "林晓"), "0/4:20-26 0/8:13-19");
	assert_string_equal(hits_of(fx, "第6版"), "0/9:9-16");
	assert_string_equal(hits_of(fx, "张图"), "C/1:6-12 C/2:6-12");
	assert_string_equal(hits_of(fx, "经济"),
			    "0/6:24-30 0/7:0-6 1/6:19-25 C/0:9-15 C/2:13-19");
	/* hits never span two elements */
	assert_string_equal(hits_of(fx, "完成过半本报"), "");
	assert_string_equal(hits_of(fx, "经济林第一"), "");
	/* a query longer than any text */
	assert_string_equal(hits_of(fx, "２０２５年，全区经济（ＧＤＰ）增长５％，the Economy grows。还有更多"), "");
	assert_string_equal(hits_of(fx, a1_body), "0/6:0-80");
}

static void test_per_article(void **state)
{
	const fixture *fx = *state;
	search_result res;
	search_run(fx->ix, S("经济"), &res);
	assert_int_equal(res.nhits, 5);
	assert_int_equal(res.per_article[0], 2);
	assert_int_equal(res.per_article[1], 1);
	assert_int_equal(res.per_article[2], 0);
	search_result_free(&res);

	search_run(fx->ix, S("no such words"), &res);
	assert_int_equal(res.nhits, 0);
	assert_null(res.hits);
	assert_int_equal(res.per_article[0] + res.per_article[1] + res.per_article[2], 0);
	bool wrapped = true;
	doc_pos pos = { 0, 0, 0 };
	assert_int_equal(search_next(&res, pos, true, &wrapped), (size_t)-1);
	assert_false(wrapped);
	search_result_free(&res);
}

static void test_next(void **state)
{
	const fixture *fx = *state;
	search_result res;
	/* hits in issue order: 0:(0,P0,24) 1:(0,P1,0) 2:(1,P0,19) 3:(caption 0
	 * of page 1, 9) 4:(caption 2 of page 2, 13); a page's captions come
	 * after its last article */
	search_run(fx->ix, S("经济"), &res);
	bool w = true;
	assert_int_equal(search_next(&res, (doc_pos){ 0, 0, 0 }, true, &w), 0);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ 0, P0, 24 }, true, &w), 0);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ 0, P0, 25 }, true, &w), 1);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ 1, 0, 0 }, true, &w), 2);
	assert_int_equal(search_next(&res, (doc_pos){ 2, 0, 0 }, true, &w), 4);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ UINT32_MAX, 2, 17 }, true, &w), 0);
	assert_true(w);
	/* backward: the last hit strictly before */
	assert_int_equal(search_next(&res, (doc_pos){ 0, P1, 0 }, false, &w), 0);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ 0, P1, 1 }, false, &w), 1);
	assert_int_equal(search_next(&res, (doc_pos){ 2, 0, 0 }, false, &w), 3);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ UINT32_MAX, 0, 0 }, false, &w), 4);
	assert_false(w);
	assert_int_equal(search_next(&res, (doc_pos){ 0, P0, 24 }, false, &w), 4);
	assert_true(w);
	assert_int_equal(search_next(&res, (doc_pos){ 0, P0, 24 }, false, NULL), 4);
	search_result_free(&res);
}

static char *print_to_string(const fixture *fx, const char *query, bool tty, size_t *n)
{
	static char buf[8192];
	buf[0] = '\0';
	FILE *f = fmemopen(buf, sizeof buf, "w");
	assert_non_null(f);
	*n = search_print(fx->issue, fx->ix, query, tty, f);
	fclose(f);
	return buf;
}

static void test_print(void **state)
{
	const fixture *fx = *state;
	size_t n;
	assert_string_equal(print_to_string(fx, "经济", false, &n),
		"3\t1\tｅｃｏｎｏｍｙ稳中向好\t２０２５年，全区[经济]（ＧＤＰ）增长５％，the Econom…\n"
		"3\t1\tｅｃｏｎｏｍｙ稳中向好\t[经济]　　 发展\n"
		"3\t2\tΣΟΦΙΑ书店开业\t书店位于abc路,[经济]实惠……\n"
		"3\t-\t-\t湖畔的[经济]林\n"
		"2\t-\t-\t第二张图:[经济]\n");
	assert_int_equal(n, 5);
	assert_string_equal(print_to_string(fx, "ECONOMY", true, &n),
		"3\t1\tｅｃｏｎｏｍｙ稳中向好\t\033[1mｅｃｏｎｏｍｙ\033[0m稳中向好\n"
		"3\t1\tｅｃｏｎｏｍｙ稳中向好\t…区经济（ＧＤＰ）增长５％，the \033[1mEconomy\033[0m grows。\n");
	assert_int_equal(n, 2);
	assert_string_equal(print_to_string(fx, "caf\xc3\xa9", false, &n),
		"2\t3\t-\t[Cafe\xcc\x81]与\xe1\x84\x80\xe1\x85\xa1\n");
	assert_int_equal(n, 1);
	assert_string_equal(print_to_string(fx, "不存在", true, &n), "");
	assert_int_equal(n, 0);
}

/* Context is cut at 30 columns on each side, at whole clusters, with
 * tabs shown as spaces. */
static void test_print_context(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	doc_begin_page(issue, util_strdup("c.txt"), no_source());
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = str("长\t题");
	/* 16 ideographs (32 columns) before the hit; after it a tab (shown as
	 * one space) and letters, some with a combining accent (one column) */
	doc_add_block(issue, DOC_PARAGRAPH,
		      str("一二三四五六七八九十甲乙丙丁戊己目标ab\tcde\xcc\x81" "fghijklmnopqrstuvwxyze\xcc\x81" "e\xcc\x81" "e\xcc\x81z"));
	search_index *ix = search_index_new(issue);
	fixture fx = { issue, ix };
	size_t n;
	assert_string_equal(print_to_string(&fx, "目标", false, &n),
		"1\t1\t长 题\t…二三四五六七八九十甲乙丙丁戊己[目标]ab cde\xcc\x81" "fghijklmnopqrstuvwxyze\xcc\x81" "e\xcc\x81" "e\xcc\x81…\n");
	assert_int_equal(n, 1);
	search_index_free(ix);
	doc_issue_free(issue);
}

/* util_find (the stream's filter, the library's candidates) finds what
 * memmem finds, on random text over a small alphabet (haystacks of up to
 * 199 bytes: the sixteen-byte steps and the tail after them). */
static void test_find_as_memmem(void **state)
{
	(void)state;
	uint64_t seed = 7;
	char hay[200], nd[6];
	for (int round = 0; round < 200000; round++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		size_t n = (size_t)(seed >> 33) % sizeof hay, k = (size_t)(seed >> 45) % sizeof nd;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			hay[i] = "ab\xe8\x90"[(seed >> 40) % 4];
		}
		for (size_t i = 0; i < k; i++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			nd[i] = "ab\xe8\x90"[(seed >> 40) % 4];
		}
		/* a copy of exactly n bytes: ASan sees a read past its end */
		char *h = malloc(n ? n : 1);
		memcpy(h, hay, n);
		const char *want = memmem(h, n, nd, k), *got = util_find(h, n, nd, k);
		if (want != got)
			fail_msg("round %d: util_find at %td, memmem at %td", round,
				 got ? got - h : -1, want ? want - h : -1);
		free(h);
	}
}

static void test_invalid_query(void **state)
{
	(void)state;
	size_t len;
	char *q = search_fold(S("a\xff" "B"), &len);
	assert_string_equal(q, "a\xef\xbf\xbd" "b");
	assert_int_equal(len, 5);
	free(q);
	/* overlong, surrogate, truncated: one U+FFFD per byte */
	q = search_fold(S("\xe0\x80\x80|\xed\xa0\x80|\xe4\xb8"), &len);
	assert_string_equal(q, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
			       "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd");
	free(q);
	q = search_fold("", 0, &len);
	assert_string_equal(q, "");
	assert_int_equal(len, 0);
	free(q);
}

/* Found by fuzzing: text that folding leaves entirely unchanged has no
 * mapping pieces at all, and a hit in it must still map back. */
static void test_unchanged_text_hit(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	doc_source src = { NULL, 0, NULL, NULL, NULL };
	doc_begin_page(issue, util_strdup("p"), src);
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, doc_arena_dup(issue, "青川青川", 12));
	search_index *ix = search_index_new(issue);
	search_result res;
	search_run(ix, S("川"), &res);
	assert_int_equal(res.nhits, 2);
	assert_int_equal(res.hits[0].start, 3);
	assert_int_equal(res.hits[0].end, 6);
	assert_int_equal(res.hits[1].start, 9);
	assert_int_equal(res.hits[1].end, 12);
	search_result_free(&res);
	search_index_free(ix);
	doc_issue_free(issue);
}

static void test_empty_issue(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	search_index *ix = search_index_new(issue);
	search_result res;
	search_run(ix, S("经济"), &res);
	assert_int_equal(res.nhits, 0);
	search_result_free(&res);
	search_index_free(ix);
	doc_issue_free(issue);
}

/* The streaming --search prints exactly what search_print prints, in one
 * go or in steps of any size (articles a few at a time, captions as they
 * come). */
static char *stream_to_string(const doc_issue *issue, const char *query, size_t step,
			      size_t *n, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	assert_non_null(f);
	if (step == 0) {
		*n = search_print_stream(issue, query, false, f);
	} else {
		search_stream *st = search_stream_new(issue, query, false, f);
		for (size_t a = 0; a < doc_narticles(issue); a += step) {
			size_t to = a + step < doc_narticles(issue) ? a + step : doc_narticles(issue);
			search_stream_articles(st, a, to);
			size_t pages = 0;       /* pages whose articles are all searched */
			while (pages < doc_npages(issue) &&
			       doc_page_at(issue, pages)->first_article + doc_page_at(issue, pages)->narticles <= to)
				pages++;
			search_stream_pages(st, pages);
		}
		*n = search_stream_finish(st);
	}
	fclose(f);
	return buf;
}

static void same_stream_output(const doc_issue *issue, const char *query)
{
	search_index *ix = search_index_new(issue);
	char *want = NULL;
	size_t wlen, wn;
	FILE *f = open_memstream(&want, &wlen);
	wn = search_print(issue, ix, query, false, f);
	fclose(f);
	static const size_t steps[] = { 0, 1, 3, 1000 };
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		size_t n, len;
		char *got = stream_to_string(issue, query, steps[i], &n, &len);
		if (n != wn || len != wlen || memcmp(got, want, len) != 0)
			fail_msg("\"%s\", step %zu: the stream printed %zu hits:\n%s\nsearch_print %zu:\n%s",
				 query, steps[i], n, got, wn, want);
		free(got);
	}
	free(want);
	search_index_free(ix);
}

static void test_stream_same_as_index(void **state)
{
	const fixture *fx = *state;
	static const char *const queries[] = { "经济", "ECONOMY", "...", "1", " ", "，", "林", "ab" };
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		same_stream_output(fx->issue, queries[i]);
}

static void test_stream_corpus(void **state)
{
	(void)state;
	static const char *const pages[] = { "000", "001", "002", "003", "004" };
	static const char *const queries[] = { "营商环境", "ＡＩ", "2025年", "(记者", "摄", "，" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		TU_CORPUS_OR_SKIP(path, pages[i]);
		doc_issue *issue = tu_parse_file(path);
		for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++)
			same_stream_output(issue, queries[k]);
		doc_issue_free(issue);
	}
}

/* The stream driven as main drives it while parsing: when a page ends,
 * its last article is not complete yet (it may still grow) but the page
 * is done, and a page of photos has no article at all. Hits must still
 * come out in issue order, as search_print prints them: a page's banners
 * after its last article, before the next page's articles. */
static void same_as_main_stream(const doc_issue *issue, const char *query)
{
	search_index *ix = search_index_new(issue);
	char *want = NULL, *got = NULL;
	size_t wlen, glen;
	FILE *f = open_memstream(&want, &wlen);
	size_t wn = search_print(issue, ix, query, false, f);
	fclose(f);
	f = open_memstream(&got, &glen);
	search_stream *st = search_stream_new(issue, query, false, f);
	size_t searched = 0, np = doc_npages(issue);
	for (size_t p = 0; p < np; p++) {
		const doc_page *pg = doc_page_at(issue, p);
		size_t n = pg->first_article + pg->narticles;
		size_t complete = p + 1 == np ? n : n ? n - 1 : 0;
		if (complete > searched) {
			search_stream_articles(st, searched, complete);
			searched = complete;
		}
		search_stream_pages(st, p + 1);
	}
	size_t gn = search_stream_finish(st);
	fclose(f);
	if (gn != wn || glen != wlen || memcmp(got, want, wlen) != 0)
		fail_msg("\"%s\": the stream printed %zu hits:\n%s\nsearch_print %zu:\n%s", query, gn, got,
			 wn, want);
	free(got);
	free(want);
	search_index_free(ix);
}

static void test_stream_pages_in_order(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	doc_begin_page(issue, util_strdup("1.txt"), no_source());
	doc_add_banner(issue, str("青川日报 第1版"));
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, str("春耕备耕忙"));
	doc_begin_page(issue, util_strdup("2.txt"), no_source());
	doc_add_banner(issue, str("青川日报 第2版"));
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, str("乡村振兴"));
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, str("青川各地举办文化活动"));
	doc_begin_page(issue, util_strdup("3.txt"), no_source());
	doc_add_banner(issue, str("青川日报 第3版"));
	doc_add_page_caption(issue, str("青川风光"), UINT32_MAX);
	doc_begin_page(issue, util_strdup("4.txt"), no_source());
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, str("青川再见"));
	search_index *ix = search_index_new(issue);
	search_result res;
	search_run(ix, S("青川"), &res);
	assert_int_equal(res.nhits, 6);
	search_result_free(&res);
	search_index_free(ix);
	same_as_main_stream(issue, "青川");
	doc_issue_free(issue);

	/* issues of many pages: tests/papers, the corpus */
	static const char *const queries[] = { "日报", "记者", "，", "经济", "ＡＩ", "第" };
	const char *dirs[] = { tu_src_path("tests/papers"), tu_corpus_dir() };
	for (size_t d = 0; d < 2; d++) {
		char dir[4096], err[256];
		snprintf(dir, sizeof dir, "%s", dirs[d]);
		issue = issue_load(dir, NULL, err, sizeof err);
		if (!issue)
			continue;
		for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++)
			same_as_main_stream(issue, queries[k]);
		doc_issue_free(issue);
	}
}

/* ---- the characters that fold to an ideograph (the stream's filter) ---- */

static uint32_t cp_of(const char *s);

typedef struct form_pair {
	uint32_t h, c;
} form_pair;

/* Every code point from U+0080 up, folded by search_fold (a chunk at a
 * time, each followed by U+0001, which folds to itself and joins
 * nothing): for each ideograph h in the fold of c, c is a candidate of
 * search_raw_forms; and for a sample of ideographs (those the corpus
 * queries use, those with compatibility or traditional forms, every
 * 97th other), search_raw_forms gives exactly the code points whose fold
 * holds it. */
static void test_raw_forms_every_code_point(void **state)
{
	(void)state;
	enum { CHUNK = 4096 };
	form_pair *pairs = NULL;
	size_t npairs = 0, cap = 0;
	for (ucs4_t start = 0x80; start < 0x110000; start += CHUNK) {
		ucs4_t cps[CHUNK];
		size_t ncps = 0;
		util_buf text = { 0 };
		for (ucs4_t c = start; c < start + CHUNK && c < 0x110000; c++) {
			if (c >= 0xD800 && c < 0xE000)
				continue;
			uint8_t b[6];
			int k = u8_uctomb(b, c, sizeof b);
			util_buf_add(&text, b, (size_t)k);
			util_buf_add(&text, "\x01", 1);
			cps[ncps++] = c;
		}
		if (!ncps)
			continue;
		size_t flen;
		char *f = search_fold(text.data, text.len, &flen);
		size_t at = 0;
		for (size_t i = 0; i < ncps; i++) {
			const char *seg = f + at, *sep = memchr(seg, 1, flen - at);
			if (!sep)
				fail_msg("U+%04X: the fold lost its separator", (unsigned)cps[i]);
			for (size_t j = 0; j < (size_t)(sep - seg);) {
				ucs4_t h;
				j += (size_t)u8_mbtouc(&h, (const uint8_t *)seg + j, (size_t)(sep - seg) - j);
				if (!uc_is_property_ideographic(h))
					continue;
				if (!search_raw_form_candidate(cps[i], h))
					fail_msg("U+%04X folds to U+%04X, which search_raw_forms would not see",
						 (unsigned)cps[i], (unsigned)h);
				form_pair fp = { h, cps[i] };
				if (!npairs || pairs[npairs - 1].h != h || pairs[npairs - 1].c != cps[i])
					UTIL_PUSH(pairs, npairs, cap, fp);
			}
			at = (size_t)(sep - f) + 1;
		}
		assert_int_equal(at, flen);
		free(f);
		util_buf_free(&text);
	}
	/* the sample */
	static const char *const named[] = { "营", "商", "环", "境", "一", "平", "株", "干", "丽", "门" };
	uint32_t sample[64];
	size_t ns = 0;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		sample[ns++] = cp_of(named[i]);
	for (size_t i = 0, other = 0; i < npairs && ns < 64; i++) {
		if (pairs[i].c != pairs[i].h && ns < 40 && (i % 211) == 0)
			sample[ns++] = pairs[i].h;     /* has another form */
		else if (pairs[i].c == pairs[i].h && ++other % 1997 == 0)
			sample[ns++] = pairs[i].h;
	}
	for (size_t k = 0; k < ns; k++) {
		uint32_t *forms;
		size_t n = search_raw_forms(sample[k], &forms), m = 0;
		for (size_t i = 0; i < npairs; i++) {
			if (pairs[i].h != sample[k])
				continue;
			if (m >= n || forms[m] != pairs[i].c)
				fail_msg("U+%04X: form %zu is U+%04X, expected U+%04X", (unsigned)sample[k], m,
					 m < n ? (unsigned)forms[m] : 0u, (unsigned)pairs[i].c);
			m++;
		}
		assert_int_equal(m, n);
		assert_true(n >= 1);
		free(forms);
	}
	free(pairs);
}

/* Text holding another form of the query's ideographs (traditional,
 * compatibility, a Kangxi radical, a square era name) is searched by the
 * stream as by the index. */
static void test_stream_other_forms(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	doc_begin_page(issue, util_strdup("a.txt"), no_source());
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = str("營商環境 ⼀流");
	doc_add_block(issue, DOC_PARAGRAPH, str("优化营商环境，㍻元年，\xef\xa4\x80豈，㈱公司"));
	doc_add_block(issue, DOC_PARAGRAPH, str("别的段落：商环"));
	a = doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, str("营商環境在这里，一流"));
	doc_add_page_caption(issue, str("营商环境图"), UINT32_MAX);
	/* characters joining the last of the query (a hit covers them) or
	 * one inside it (no hit), hits back to back and overlapping */
	doc_add_block(issue, DOC_PARAGRAPH, str("营商环境\xcc\x81\xcc\x82了，营\xcc\x81商环境，营商环境\xe0\xa4\xbe"));
	doc_add_block(issue, DOC_PARAGRAPH, str("营商环境营商环境營營商環境境境境"));
	static const char *const queries[] = { "营商环境", "營商", "一流", "平成", "株", "豈", "岂", "营商环境在", "ab营",
					       "境", "境境", "营营", "商" };
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		same_stream_output(issue, queries[i]);
	doc_issue_free(issue);
}

/* ---- the stream's filter never turns away text whose fold holds the query ---- */

typedef struct text_list {
	char **s;
	size_t *len;
	size_t n, cap, lcap;
} text_list;

static void text_add(text_list *t, const char *s, size_t n)
{
	char *c = malloc(n + 1);
	assert_non_null(c);
	memcpy(c, s, n);
	c[n] = '\0';
	if (t->n >= t->cap) {
		util_grow((void **)&t->s, &t->cap, t->n + 1, sizeof *t->s);
		util_grow((void **)&t->len, &t->lcap, t->n + 1, sizeof *t->len);
	}
	t->s[t->n] = c;
	t->len[t->n++] = n;
}

/* Every text of the issue that is searched: article elements, page
 * captions and banners. */
static void texts_of_issue(const doc_issue *issue, text_list *t)
{
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t e = 0; e < doc_article_nelements(a); e++) {
			doc_str s = doc_element_text(issue, a, e);
			if (s.len)
				text_add(t, s.s, s.len);
		}
	}
	for (size_t c = 0; c < doc_ncaptions(issue); c++)
		text_add(t, doc_page_caption_at(issue, c)->s, doc_page_caption_at(issue, c)->len);
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		for (uint32_t b = 0; b < pg->nbanners; b++)
			text_add(t, doc_banner_at(issue, pg->first_banner + b)->s,
				 doc_banner_at(issue, pg->first_banner + b)->len);
	}
}

static uint64_t rng_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* A run of 1 to 4 characters of the folded text f, at a random place. */
static size_t pick_query(const char *f, size_t n, uint64_t *rng, char *q, size_t cap)
{
	if (n == 0)
		return 0;
	size_t at = rng_next(rng) % n;
	while (at > 0 && ((unsigned char)f[at] & 0xC0) == 0x80)
		at--;
	size_t end = at, want = 1 + rng_next(rng) % 4;
	for (size_t k = 0; k < want && end < n; k++)
		end += (size_t)u8_mblen((const uint8_t *)f + end, n - end);
	if (end - at >= cap)
		return 0;
	memcpy(q, f + at, end - at);
	q[end - at] = '\0';
	return end - at;
}

/* Look-alikes of text t for query q: each ideograph of the query in the
 * text written as another of its raw forms (traditional, compatibility,
 * radical: search_raw_forms, from the library's tables), its ASCII as
 * full-width forms, and the whole converted to traditional by OpenCC. */
static void add_lookalikes(text_list *t, const char *s, size_t n, const char *q, size_t qlen,
			   uint64_t *rng)
{
	util_buf v = { 0 }, w = { 0 };
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		uint8_t cb[6];
		int cn = u8_uctomb(cb, c, sizeof cb);
		bool in_query = c >= 0x80 && uc_is_property_ideographic(c) && memmem(q, qlen, cb, (size_t)cn);
		uint32_t *forms = NULL;
		size_t nf = in_query ? search_raw_forms(c, &forms) : 0;
		ucs4_t to = nf ? forms[rng_next(rng) % nf] : c;
		free(forms);
		uint8_t b[6];
		util_buf_add(&v, b, (size_t)u8_uctomb(b, to, sizeof b));
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			util_buf_add(&w, b, (size_t)u8_uctomb(b, c + 0xFEE0, sizeof b));
		else
			util_buf_add(&w, s + i, (size_t)k);
		i += (size_t)k;
	}
	text_add(t, v.data, v.len);
	text_add(t, w.data, w.len);
	size_t tlen;
	char *trad = script_convert(SCRIPT_TRADITIONAL, SCRIPT_KIND_SIMPLIFIED, s, n, &tlen);
	if (trad) {
		text_add(t, trad, tlen);
		free(trad);
	}
	util_buf_free(&v);
	util_buf_free(&w);
}

static void test_filter_never_drops(void **state)
{
	(void)state;
	text_list t = { 0 };
	char err[256];
	const char *dirs[] = { tu_src_path("tests/papers"), tu_corpus_dir() };
	for (size_t d = 0; d < 2; d++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s", dirs[d]);
		doc_issue *issue = issue_load(dir, NULL, err, sizeof err);
		if (!issue) {
			if (d == 0 || getenv("KANBAO_REQUIRE_CORPUS"))
				fail_msg("%s", err);
			continue;
		}
		texts_of_issue(issue, &t);
		doc_issue_free(issue);
	}
	/* written for the filter: compatibility and enclosed forms, Kangxi
	 * radicals, full-width letters, traditional characters */
	static const char *const extra[] = {
		"優化營商環境，㍻元年，\xef\xa4\x80豈，㈱公司，⼀流，㊥国",
		"ＡＩ时代 Ｅｃｏｎｏｍｙ ＢＥＹＯＮＤ ｂｅｙｏｎｄ ２０２５年",
		"臺灣發展，後來，乾燥，頭髮，計算機",
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		text_add(&t, extra[i], strlen(extra[i]));
	size_t base = t.n;
	assert_true(base > 1000);
	char **folded = malloc(sizeof *folded * base);
	size_t *flen = malloc(sizeof *flen * base);
	assert_non_null(folded);
	assert_non_null(flen);
	for (size_t i = 0; i < base; i++)
		folded[i] = ref_fold(t.s[i], t.len[i], &flen[i]);

	static const char *const fixed[] = { "营商环境", "經濟", "发展", "ＡＩ", "beyond", "Economy", "平成",
					     "株", "一流", "中", "台湾", "头发", "2025", "记者", "，" };
	uint64_t rng = 0x9E3779B97F4A7C15u;
	size_t nq = sizeof fixed / sizeof fixed[0] + 150, checked = 0, exact = 0;
	for (size_t k = 0; k < nq; k++) {
		char q[64];
		size_t qn;
		if (k < sizeof fixed / sizeof fixed[0]) {
			qn = strlen(fixed[k]);
			memcpy(q, fixed[k], qn + 1);
		} else {
			size_t i = rng_next(&rng) % base;
			qn = pick_query(folded[i], flen[i], &rng, q, sizeof q);
		}
		size_t fq;
		char *fqs = search_fold(q, qn, &fq);
		if (fq == 0 || (fq == 1 && fqs[0] == ' ')) {
			free(fqs);
			continue;
		}
		search_filter *f = search_filter_new(fqs, fq);
		exact += search_filter_exact(f);
		/* look-alikes of a few texts holding it */
		size_t n0 = t.n, made = 0;
		for (size_t i = 0; i < base && made < 4; i++)
			if (memmem(folded[i], flen[i], fqs, fq)) {
				add_lookalikes(&t, t.s[i], t.len[i], fqs, fq, &rng);
				made++;
			}
		for (size_t i = 0; i < t.n; i++) {
			size_t n;
			char *ff = i < base ? folded[i] : ref_fold(t.s[i], t.len[i], &n);
			if (i < base)
				n = flen[i];
			bool holds = memmem(ff, n, fqs, fq) != NULL;
			bool may = search_filter_may_hold(f, t.s[i], t.len[i]);
			if (holds && !may)
				fail_msg("query \"%s\": the filter turns away text whose fold holds it: %s", fqs, t.s[i]);
			if (search_filter_exact(f) && may && !holds)
				fail_msg("query \"%s\" (exact): the filter lets through text whose fold lacks it: %s",
					 fqs, t.s[i]);
			checked++;
			if (i >= base)
				free(ff);
		}
		for (size_t i = n0; i < t.n; i++)
			free(t.s[i]);
		t.n = n0;
		search_filter_free(f);
		free(fqs);
	}
	assert_true(exact > 10 && exact < nq);
	print_message("filter: %zu queries (%zu exact) x %zu texts and their look-alikes, %zu checks\n",
		      nq, exact, base, checked);
	for (size_t i = 0; i < base; i++) {
		free(folded[i]);
		free(t.s[i]);
	}
	free(folded);
	free(flen);
	free(t.s);
	free(t.len);
}

/* ---- across scripts (the fold of script.h, read out of OpenCC) ---- */

static uint32_t cp_of(const char *s)
{
	ucs4_t c;
	u8_mbtouc(&c, (const uint8_t *)s, strlen(s));
	return c;
}

/* Several traditional characters fold to one simplified one, which
 * folds to itself; a character with several simplified forms folds to
 * OpenCC's first (乾 → 干). */
static void test_fold_table(void **state)
{
	(void)state;
	static const char *const pairs[][2] = {
		{ "臺", "台" }, { "檯", "台" }, { "颱", "台" }, { "台", "台" },
		{ "灣", "湾" }, { "髮", "发" }, { "發", "发" }, { "後", "后" },
		{ "后", "后" }, { "乾", "干" }, { "裡", "里" }, { "裏", "里" },
		{ "的", "的" }, { "A", "A" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (script_fold_cp(cp_of(pairs[i][0])) != cp_of(pairs[i][1]))
			fail_msg("%s folds to U+%04X, not %s", pairs[i][0],
				 (unsigned)script_fold_cp(cp_of(pairs[i][0])), pairs[i][1]);
	assert_non_null(script_fold_bitmap());
}

/* A page in both scripts: each form of the query finds both, at the
 * exact bytes of the original text, also where the fold changes the
 * length (㑮, 3 bytes, folds to 𫝈, 4) or follows NFKC (U+F902 車 → 車 →
 * 车). */
static void test_across_scripts(void **state)
{
	(void)state;
	char *texts[] = {
		"臺灣新聞",
		"台湾发展迅速，臺灣發展也快。",
		"x㑮台湾\xef\xa4\x82y",
	};
	fixture fx = { issue_of_blocks(texts, 3), NULL };
	fx.ix = search_index_new(fx.issue);
	const char *both = "0/6:0-6 0/7:0-6 0/7:21-27 0/8:4-10";
	assert_string_equal(hits_of(&fx, "台湾"), both);
	assert_string_equal(hits_of(&fx, "臺灣"), both);
	assert_string_equal(hits_of(&fx, "臺湾"), both);
	assert_string_equal(hits_of(&fx, "发展"), "0/7:6-12 0/7:27-33");
	assert_string_equal(hits_of(&fx, "發展也"), "0/7:27-36");
	assert_string_equal(hits_of(&fx, "湾车"), "0/8:7-13");
	assert_string_equal(hits_of(&fx, "車y"), "0/8:10-14");
	assert_string_equal(hits_of(&fx, "x㑮"), "0/8:0-4");
	assert_string_equal(hits_of(&fx, "\xf0\xab\x9d\x88台"), "0/8:1-7");
	search_index_free(fx.ix);

	/* with the fold off, only the same script is found */
	script_fold_set_enabled(false);
	fx.ix = search_index_new(fx.issue);
	assert_string_equal(hits_of(&fx, "台湾"), "0/7:0-6 0/8:4-10");
	assert_string_equal(hits_of(&fx, "臺灣"), "0/6:0-6 0/7:21-27");
	search_index_free(fx.ix);
	script_fold_set_enabled(true);
	doc_issue_free(fx.issue);
}

/* The context of a hit (--search, the hit lists) steps over printable
 * ASCII, the ideographs of U+4000..U+9FFF, the CJK punctuation of
 * U+3000..U+3029 and the full-width forms of U+FF01..U+FF60 without
 * asking text.c, as simple code points of 1 and 2 columns: they must be
 * that, at both ambiguous widths (the hexagrams U+4DC0..U+4DFF, one
 * column, are left to text.c). */
static void test_context_plain_characters(void **state)
{
	(void)state;
	for (int a = 1; a <= 2; a++) {
		text_set_ambiguous_width(a);
		for (uint32_t c = 0x20; c < 0x7F; c++) {
			char ch = (char)c;
			assert_true(text_cp_is_simple(c));
			assert_int_equal(text_grapheme_width(&ch, 1), 1);
		}
		for (uint32_t c = 0x3000; c < 0xFF61; c++) {
			if ((c > 0x3029 && c < 0x4000) || (c >= 0x4DC0 && c <= 0x4DFF) ||
			    (c >= 0xA000 && c < 0xFF01))
				continue;
			uint8_t b[4];
			int n = u8_uctomb(b, c, sizeof b);
			assert_true(text_cp_is_simple(c));
			assert_int_equal(text_grapheme_width((const char *)b, (size_t)n), 2);
		}
	}
	text_set_ambiguous_width(1);
}

/* The context of a hit in runs of Han characters: 30 columns of them
 * each side, cut where a character joined by a combining mark (a
 * cluster of its own, two columns) would go past, or taken whole when
 * it fits, on either side (context_start and context_end step over a
 * run of plain wide characters at once). */
static void context_of(const char *before, const char *after, const char *want)
{
	util_buf t = { 0 }, b = { 0 };
	util_buf_adds(&t, before);
	uint32_t start = (uint32_t)t.len;
	util_buf_adds(&t, "的");
	util_buf_adds(&t, after);
	search_add_context(&b, t.data, t.len, start, start + 3, false);
	assert_string_equal(b.data, want);
	util_buf_free(&t);
	util_buf_free(&b);
}

static void rep(util_buf *b, const char *s, int n)
{
	for (int i = 0; i < n; i++)
		util_buf_adds(b, s);
}

static void test_context_runs(void **state)
{
	(void)state;
	util_buf a = { 0 }, z = { 0 }, w = { 0 };
	/* a run both sides: 15 characters each */
	rep(&a, "一", 40);
	rep(&z, "二", 40);
	util_buf_adds(&w, "…");
	rep(&w, "一", 15);
	util_buf_adds(&w, "[的]");
	rep(&w, "二", 15);
	util_buf_adds(&w, "…");
	context_of(a.data, z.data, w.data);
	/* after: a joined character 16th (left out), then 15th (taken) */
	a.len = z.len = w.len = 0;
	rep(&z, "二", 15);
	util_buf_adds(&z, "三\u0301");
	rep(&z, "二", 10);
	util_buf_adds(&w, "[的]");
	rep(&w, "二", 15);
	util_buf_adds(&w, "…");
	context_of("", z.data, w.data);
	z.len = w.len = 0;
	rep(&z, "二", 14);
	util_buf_adds(&z, "三\u0301");
	rep(&z, "二", 10);
	util_buf_adds(&w, "[的]");
	rep(&w, "二", 14);
	util_buf_adds(&w, "三\u0301…");
	context_of("", z.data, w.data);
	/* before: the same, 15th (taken) and 16th (left out) */
	w.len = 0;
	rep(&a, "一", 10);
	util_buf_adds(&a, "三\u0301");
	rep(&a, "一", 14);
	util_buf_adds(&w, "…三\u0301");
	rep(&w, "一", 14);
	util_buf_adds(&w, "[的]");
	context_of(a.data, "", w.data);
	a.len = w.len = 0;
	rep(&a, "一", 10);
	util_buf_adds(&a, "三\u0301");
	rep(&a, "一", 15);
	util_buf_adds(&w, "…");
	rep(&w, "一", 15);
	util_buf_adds(&w, "[的]");
	context_of(a.data, "", w.data);
	/* a run cut short by the text's ends, and by ASCII and punctuation */
	context_of("一二，三", "四。ab五", "一二，三[的]四。ab五");
	util_buf_free(&a);
	util_buf_free(&z);
	util_buf_free(&w);
}

/* A hit's context appended to a line already begun: control characters
 * (a tab, U+0001, DEL) before, inside and after the hit are spaces, the
 * hit marked by brackets (bold on a terminal), 30 columns each side at
 * most with an ellipsis where the text goes on. */
static void test_context_line(void **state)
{
	(void)state;
	util_buf b = { 0 };
	util_buf_adds(&b, "报\t1\t");
	const char *t = "ab\tc\x01甲\x7f乙d\x7f" "e";
	uint32_t start = (uint32_t)(strstr(t, "甲") - t), end = (uint32_t)(strstr(t, "乙") - t);
	search_add_context(&b, t, strlen(t), start, end, false);
	assert_string_equal(b.data, "报\t1\tab c [甲 ]乙d e");
	assert_int_equal(b.len, strlen(b.data));
	b.len = 0;
	util_buf text = { 0 };
	for (int i = 0; i < 40; i++)
		util_buf_adds(&text, "一");
	util_buf_adds(&text, "\t国");
	start = (uint32_t)text.len;
	util_buf_adds(&text, "的x");
	end = start + 3;
	for (int i = 0; i < 40; i++)
		util_buf_adds(&text, "二");
	search_add_context(&b, text.data, text.len, start, end, true);
	util_buf want = { 0 };
	util_buf_adds(&want, "…");
	for (int i = 0; i < 13; i++)
		util_buf_adds(&want, "一");
	util_buf_adds(&want, " 国\033[1m的\033[0mx");
	for (int i = 0; i < 14; i++)
		util_buf_adds(&want, "二");
	util_buf_adds(&want, "…");
	assert_string_equal(b.data, want.data);
	assert_int_equal(b.len, want.len);
	util_buf_free(&want);
	util_buf_free(&text);
	util_buf_free(&b);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_context_plain_characters),
		cmocka_unit_test(test_every_code_point_alone),
		cmocka_unit_test(test_composition_pairs),
		cmocka_unit_test(test_random_strings),
		cmocka_unit_test(test_corpus_folds),
		cmocka_unit_test(test_corpus_search_counts),
		cmocka_unit_test_setup_teardown(test_full_width, setup, teardown),
		cmocka_unit_test_setup_teardown(test_punctuation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whitespace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_element, setup, teardown),
		cmocka_unit_test_setup_teardown(test_per_article, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next, setup, teardown),
		cmocka_unit_test_setup_teardown(test_print, setup, teardown),
		cmocka_unit_test(test_print_context),
		cmocka_unit_test_setup_teardown(test_stream_same_as_index, setup, teardown),
		cmocka_unit_test(test_stream_corpus),
		cmocka_unit_test(test_stream_pages_in_order),
		cmocka_unit_test(test_raw_forms_every_code_point),
		cmocka_unit_test(test_stream_other_forms),
		cmocka_unit_test(test_filter_never_drops),
		cmocka_unit_test(test_find_as_memmem),
		cmocka_unit_test(test_invalid_query),
		cmocka_unit_test(test_empty_issue),
		cmocka_unit_test(test_unchanged_text_hit),
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_across_scripts),
		cmocka_unit_test(test_context_line),
		cmocka_unit_test(test_context_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
