/* test_library.c — the library: roots and discovery (shelf.c), the
 * tokenizer, the index and its queries (library.c): the same hits as the
 * in-issue matcher, round trips, changed / touched / removed issues,
 * damaged database files, missing roots. */
#include "testutil.h"

#include "doc.h"
#include "issue.h"
#include "library.h"
#include "search.h"
#include "shelf.h"
#include "util.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unictype.h>
#include <unistd.h>
#include <unistr.h>

/* ---- helpers ---- */

typedef struct env {
	char dir[256];          /* temporary folder */
	char lib[300];          /* the root */
	char db[300];
	char warnings[8192];
} env;

static void sh(const char *fmt, ...) UTIL_PRINTF(1, 2);
static void sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	if (system(cmd) != 0)
		fail_msg("command failed: %s", cmd);
}

static void collect(void *ctx, const char *msg)
{
	env *e = ctx;
	size_t n = strlen(e->warnings);
	snprintf(e->warnings + n, sizeof e->warnings - n, "%s\n", msg);
}

static int setup(void **state)
{
	env *e = calloc(1, sizeof *e);
	snprintf(e->dir, sizeof e->dir, "/tmp/kanbao-library-XXXXXX");
	if (!mkdtemp(e->dir))
		return -1;
	snprintf(e->lib, sizeof e->lib, "%s/lib", e->dir);
	snprintf(e->db, sizeof e->db, "%s/cache/library.db", e->dir);
	const char *src = getenv("KANBAO_SRC");
	sh("mkdir -p '%s/青川日报/2026-03-18' && cp '%s/sample/'*.txt '%s/青川日报/2026-03-18/'",
	   e->lib, src ? src : ".", e->lib);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	env *e = *state;
	sh("rm -rf '%s'", e->dir);
	free(e);
	return 0;
}

/* An issue with words of letters and digits, for queries inside words. */
static void add_latin_issue(env *e)
{
	sh("mkdir -p '%s/测试日报/2026-01-05'", e->lib);
	char path[400];
	snprintf(path, sizeof path, "%s/测试日报/2026-01-05/01.txt", e->lib);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("经济观察\n\n本报记者 王明\n\n　　The Economy of 2025: GDP grew in ＥＣＯＮＯＭＩＣ terms, "
	      "said Dr. Müller, and 5G网络覆盖率达到９８％。新型Economies出现。\n\n"
	      "　　Microeconomics课程在2025年开设，editors说economy一词源自希腊语。\n", f);
	fclose(f);
}

static bool have_corpus(env *e)
{
	DIR *d = opendir(tu_corpus_dir());
	if (!d)
		return false;
	closedir(d);
	sh("mkdir -p '%s/通辽日报/20250828' && cp '%s/'*.txt '%s/通辽日报/20250828/'",
	   e->lib, tu_corpus_dir(), e->lib);
	return true;
}

static library *open_lib(env *e, const char *roots)
{
	library_options o = { roots ? roots : e->lib, e->db, collect, e };
	char err[1024];
	library *lib = library_open(&o, err, sizeof err);
	if (!lib)
		fail_msg("library_open: %s", err);
	return lib;
}

static library_summary index_all(library *lib)
{
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	while (!library_index_step(job, 1000000))
		;
	library_summary sum;
	library_index_end(job, &sum);
	return sum;
}

static doc_issue *load_folder(const char *path)
{
	char err[1024];
	doc_issue *issue = issue_load(path, NULL, err, sizeof err);
	if (!issue)
		fail_msg("%s", err);
	return issue;
}

static size_t count_hits(library *lib, const char *query, const char *path_part)
{
	library_hit *h;
	size_t n = library_search(lib, query, LIBRARY_NEWEST, 0, &h), k = 0;
	for (size_t i = 0; i < n; i++)
		k += !path_part || strstr(h[i].path, path_part) != NULL;
	library_hits_free(h, n);
	return k;
}

/* ---- the tokenizer ---- */

typedef struct toks {
	char text[1024];
	uint32_t start[64], end[64];
	size_t n;
} toks;

static void add_tok(void *ctx, const char *t, size_t n, uint32_t start, uint32_t end)
{
	toks *k = ctx;
	size_t len = strlen(k->text);
	snprintf(k->text + len, sizeof k->text - len, "%s%.*s", k->n ? "|" : "", (int)n, t);
	if (k->n < 64) {
		k->start[k->n] = start;
		k->end[k->n] = end;
	}
	k->n++;
}

static void test_tokenizer(void **state)
{
	(void)state;
	toks k = { 0 };
	const char *s = "硅砂产业 ＡＢＣ-Economy ２０２５年，x1";
	library_tokenize(s, strlen(s), add_tok, &k);
	/* one token per character, letters and digits too (a query finds
	 * "conomy" inside "Economy") */
	assert_string_equal(k.text, "硅|砂|产|业|a|b|c|e|c|o|n|o|m|y|2|0|2|5|年|x|1");
	/* offsets are the original bytes: Ａ is 3 bytes at 13 */
	assert_int_equal(k.start[4], 13);
	assert_int_equal(k.end[4], 16);
	assert_int_equal(k.start[6], 19);
	assert_int_equal(k.end[6], 22);
	assert_int_equal(k.start[0], 0);
	assert_int_equal(k.end[0], 3);
	toks p = { 0 };
	library_tokenize("，。！", 9, add_tok, &p);
	assert_int_equal(p.n, 0);
}

/* The tokenizer's table of indexed code points says what the definition
 * says (a letter, digit or mark by libunistring, or in the ranges of
 * Han, kana and hangul), for every code point. */
static void test_indexed_table(void **state)
{
	(void)state;
	size_t n = 0;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		bool want = (c < 0x80) ? ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
					  (c >= 'A' && c <= 'Z'))
			    : (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
			      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
			      (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
			      (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x3005 && c <= 0x3007) ||
			      uc_is_general_category(c, UC_CATEGORY_L) ||
			      uc_is_general_category(c, UC_CATEGORY_N) ||
			      uc_is_general_category(c, UC_CATEGORY_M);
		if (library_indexed(c) != want)
			fail_msg("U+%04X: indexed %d, the definition says %d", c, library_indexed(c), want);
		n += want;
	}
	assert_true(n > 100000);
	/* and the tokens of a line of every kind of text are those code points */
	toks k = { 0 };
	const char *s = "“经济”、《ＡＩ》—Müller…5G。〇々ー・";
	library_tokenize(s, strlen(s), add_tok, &k);
	assert_string_equal(k.text, "经|济|a|i|m|ü|l|l|e|r|5|g|〇|々|ー|・");
}

static void test_dates_in_names(void **state)
{
	(void)state;
	char d[11];
	assert_true(shelf_date_in_name("2025-08-28", d));
	assert_string_equal(d, "2025-08-28");
	assert_true(shelf_date_in_name("20250828", d));
	assert_string_equal(d, "2025-08-28");
	assert_true(shelf_date_in_name("通辽日报_2025.8.3.txt", d));
	assert_string_equal(d, "2025-08-03");
	assert_false(shelf_date_in_name("120250828", d));
	assert_false(shelf_date_in_name("2025-13-01", d));
	assert_false(shelf_date_in_name("page01.txt", d));
	const char *t = "２０２６年3月18日 星期三 · 青川日报";
	assert_true(shelf_date_in_text(t, strlen(t), d));
	assert_string_equal(d, "2026-03-18");
}

static void test_roots(void **state)
{
	(void)state;
	size_t n;
	setenv("HOME", "/home/someone", 1);
	char **r = shelf_roots(" ~/报纸/ : /x/y :", &n);
	assert_int_equal(n, 2);
	assert_string_equal(r[0], "/home/someone/报纸");
	assert_string_equal(r[1], "/x/y");
	shelf_roots_free(r, n);
}

static void test_discovery(void **state)
{
	env *e = *state;
	sh("mkdir -p '%s/时报/2025/08/27' '%s/晚报' '%s/.hidden/x' && "
	   "echo 标题 > '%s/时报/2025/08/27/a.txt' && echo 标题 > '%s/晚报/2025-08-01.txt' && "
	   "echo 标题 > '%s/晚报/2025-08-02.txt' && echo 标题 > '%s/.hidden/x/a.txt'",
	   e->lib, e->lib, e->lib, e->lib, e->lib, e->lib, e->lib);
	shelf s = { 0 };
	assert_true(shelf_scan(e->lib, &s, collect, e));
	assert_int_equal(s.n, 4);
	/* sorted by path */
	assert_string_equal(s.items[0].paper, "时报");
	assert_string_equal(s.items[0].date, "2025-08-27");
	assert_string_equal(s.items[1].paper, "晚报");
	assert_string_equal(s.items[1].date, "2025-08-01");
	assert_non_null(strstr(s.items[1].path, "晚报/2025-08-01.txt"));
	assert_string_equal(s.items[3].paper, "青川日报");
	assert_string_equal(s.items[3].date, "2026-03-18");
	assert_int_equal(s.items[3].npages, 4);
	/* each issue's stamp as shelf_issue_stamp makes it alone (a folder
	 * of pages, a page named by its date), and the folders walked (the
	 * hidden one not) */
	for (size_t i = 0; i < s.n; i++) {
		uint64_t stamp;
		assert_true(shelf_issue_stamp(s.items[i].path, &stamp));
		assert_true(stamp == s.items[i].stamp);
	}
	assert_string_equal(s.folders[0].path, e->lib);
	assert_int_equal(s.nfolders, 8);        /* the root, 时报 and 3 below, 晚报, 青川日报 and 1 */
	assert_int_equal(s.warned, 0);
	sh("echo 正文 >> '%s/晚报/2025-08-01.txt'", e->lib);
	uint64_t after;
	assert_true(shelf_issue_stamp(s.items[1].path, &after));
	assert_true(after != s.items[1].stamp);
	shelf_free(&s);
	/* a link back to the root, and a second name of a folder: each
	 * folder walked once */
	sh("ln -s '%s' '%s/时报/loop' && ln -s '%s/时报/2025' '%s/时报/again'", e->lib, e->lib, e->lib,
	   e->lib);
	assert_true(shelf_scan(e->lib, &s, collect, e));
	assert_int_equal(s.n, 4);
	shelf_free(&s);
	sh("rm '%s/时报/loop' '%s/时报/again'", e->lib, e->lib);
	char missing[400];
	snprintf(missing, sizeof missing, "%s/nothing", e->dir);
	assert_false(shelf_scan(missing, &s, collect, e));
	assert_non_null(strstr(e->warnings, "nothing: No such file"));
	shelf_free(&s);
}

/* ---- the index ---- */

static void test_round_trip(void **state)
{
	env *e = *state;
	library *lib = open_lib(e, NULL);
	library_summary sum = index_all(lib);
	assert_int_equal(sum.added, 1);
	assert_int_equal(sum.issues, 1);
	library_issue *v;
	size_t n = library_issues(lib, &v);
	assert_int_equal(n, 1);
	/* paper and date from the running header of page 3 */
	assert_string_equal(v[0].paper, "青川日报");
	assert_string_equal(v[0].date, "2026-03-18");
	assert_int_equal(v[0].pages, 4);
	doc_issue *issue = load_folder(v[0].path);
	assert_int_equal(v[0].articles, doc_narticles(issue));
	assert_true(v[0].fingerprint == doc_issue_fingerprint(issue));
	doc_issue_free(issue);
	library_issues_free(v, n);
	/* again: nothing to do */
	sum = index_all(lib);
	assert_int_equal(sum.unchanged, 1);
	assert_int_equal(sum.added + sum.changed + sum.removed, 0);
	library_close(lib);
	/* reopened by another process: the same */
	lib = open_lib(e, NULL);
	assert_true(count_hits(lib, "高新区", NULL) > 3);
	assert_int_equal(count_hits(lib, "不存在的词语", NULL), 0);
	library_close(lib);
	assert_string_equal(e->warnings, "");
}

/* Every hit of the in-issue matcher in the issue at path, and the
 * library's, are the same: those in articles in order, then those in the
 * pages' own text (captions of no article, banners) in order (the
 * library gives those after the issue's articles). */
static void same_hits_of(const search_result *res, const library_hit *h, size_t n,
			 const char *path, const char *query, bool page_level)
{
	size_t k = 0;
	for (size_t i = 0; i < res->nhits; i++) {
		const search_hit *want = &res->hits[i];
		if ((want->article == UINT32_MAX) != page_level)
			continue;
		while (k < n && (strcmp(h[k].path, path) != 0 || (h[k].article == UINT32_MAX) != page_level))
			k++;
		if (k == n)
			fail_msg("\"%s\" in %s: the library misses hit %zu (article %u element %x)", query,
				 path, i, want->article + 1, want->element);
		if (h[k].article != want->article || h[k].element != want->element ||
		    h[k].start != want->start || h[k].end != want->end)
			fail_msg("\"%s\": hit %zu is article %u element %x [%u,%u) in the library, "
				 "%u %x [%u,%u) in the issue", query, i, h[k].article, h[k].element,
				 h[k].start, h[k].end, want->article, want->element, want->start,
				 want->end);
		if (page_level && doc_page_number(res->issue, want->page) != h[k].page)
			fail_msg("\"%s\": hit %zu on page %d in the library", query, i, h[k].page);
		k++;
	}
	while (k < n && (strcmp(h[k].path, path) != 0 || (h[k].article == UINT32_MAX) != page_level))
		k++;
	if (k < n)
		fail_msg("\"%s\": the library has a hit the issue has not (article %u element %x)",
			 query, h[k].article + 1, h[k].element);
}

static bool hit_eq(const library_hit *a, const library_hit *b)
{
	return strcmp(a->path, b->path) == 0 && strcmp(a->headline, b->headline) == 0 &&
	       strcmp(a->text, b->text) == 0 && a->page == b->page && a->article == b->article &&
	       a->element == b->element && a->start == b->start && a->end == b->end &&
	       a->len == b->len && a->fingerprint == b->fingerprint;
}

/* The ranked hits made one by one as the S view asks for them
 * (library_rank) are library_search's, h[0, n): their number is known
 * before any is made, and each is the same asked for in any order (here
 * the last first, then from the first on, each twice). */
static void lazily_same(library *lib, const char *query, size_t max, const library_hit *h, size_t n)
{
	library_ranked *r = library_rank(lib, query, max);
	if (library_ranked_count(r) != n)
		fail_msg("\"%s\" (%zu articles): library_rank counts %zu hits, library_search "
			 "makes %zu", query, max, library_ranked_count(r), n);
	for (size_t k = 0; k <= n; k++) {
		size_t i = k == 0 ? n - 1 : k - 1;
		const library_hit *a = n ? library_ranked_hit(r, i) : NULL;
		if (n && (!a || !hit_eq(a, &h[i]) || a != library_ranked_hit(r, i)))
			fail_msg("\"%s\" (%zu articles): hit %zu made lazily is not "
				 "library_search's", query, max, i);
	}
	assert_null(library_ranked_hit(r, n));
	library_ranked_free(r);
}

/* Ranked, the best k articles are the first k of the whole order (the
 * best are picked without ordering the rest), hit for hit; and the
 * same made lazily. */
static void ranked_prefixes(library *lib, const char *query)
{
	library_hit *all;
	size_t nall = library_search(lib, query, LIBRARY_RANKED, 0, &all);
	lazily_same(lib, query, 0, all, nall);
	static const size_t ks[] = { 1, 2, 3, 7 };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(ks); i++) {
		library_hit *h;
		size_t n = library_search(lib, query, LIBRARY_RANKED, ks[i], &h);
		size_t articles = 0;
		for (size_t j = 0; j < n; j++) {
			if (j == 0 || strcmp(h[j].path, h[j - 1].path) != 0 ||
			    h[j].page != h[j - 1].page || h[j].article != h[j - 1].article)
				articles++;
			if (j >= nall || !hit_eq(&h[j], &all[j]))
				fail_msg("%s: ranked, the best %zu: hit %zu is not the whole order's",
					 query, ks[i], j);
		}
		if (articles > ks[i] || (articles < ks[i] && n != nall))
			fail_msg("%s: ranked, the best %zu: %zu articles, %zu of %zu hits", query,
				 ks[i], articles, n, nall);
		lazily_same(lib, query, ks[i], h, n);
		library_hits_free(h, n);
	}
	library_hits_free(all, nall);
}

/* library_search_each against library_search: the same hits, article
 * by article, newest first (its strings compared while they are valid),
 * and stopped when asked. */
typedef struct each_check {
	const library_hit *want;
	size_t n, at, calls, stop_after;
	const char *query;
} each_check;

static bool each_hits(void *ctx, const library_hit *hits, size_t n)
{
	each_check *c = ctx;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++, c->at++) {
		if (c->at >= c->n)
			fail_msg("%s: library_search_each gives more than %zu hits", c->query, c->n);
		const library_hit *a = &hits[i], *b = &c->want[c->at];
		/* one article a call */
		assert_int_equal(a->article, hits[0].article);
		assert_int_equal(a->page, hits[0].page);
		if (strcmp(a->paper, b->paper) || strcmp(a->date, b->date) || strcmp(a->path, b->path) ||
		    strcmp(a->headline, b->headline) || a->page != b->page ||
		    a->article != b->article || a->element != b->element || a->start != b->start ||
		    a->end != b->end || a->len != b->len || memcmp(a->text, b->text, a->len) ||
		    a->fingerprint != b->fingerprint)
			fail_msg("%s: hit %zu differs from library_search's", c->query, c->at);
	}
	return ++c->calls != c->stop_after;
}

static void same_hits_each(library *lib, const char *query, const library_hit *h, size_t n)
{
	each_check c = { h, n, 0, 0, 0, query };
	assert_int_equal(library_search_each(lib, query, each_hits, &c), n);
	assert_int_equal(c.at, n);
	if (c.calls < 2)
		return;
	/* stopped after the first article */
	each_check one = { h, n, 0, 0, 1, query };
	size_t given = library_search_each(lib, query, each_hits, &one);
	assert_int_equal(one.calls, 1);
	assert_int_equal(given, one.at);
	assert_true(given < n);
}

static void same_hits(library *lib, const char *path, const char *query)
{
	ranked_prefixes(lib, query);
	doc_issue *issue = load_folder(path);
	search_index *ix = search_index_new(issue);
	search_result res;
	search_run(ix, query, strlen(query), &res);
	library_hit *h;
	size_t n = library_search(lib, query, LIBRARY_NEWEST, 0, &h);
	same_hits_of(&res, h, n, path, query, false);
	same_hits_of(&res, h, n, path, query, true);
	same_hits_each(lib, query, h, n);
	library_hits_free(h, n);
	search_result_free(&res);
	search_index_free(ix);
	doc_issue_free(issue);
}

static bool all_han(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0xE4 || b > 0xE9)
			return false;
		i += 3;
	}
	return n > 0;
}

/* Queries of 1, 2, 4 and 8 Han characters taken from the issue's own
 * paragraphs, and some fixed ones. */
static void same_hits_over(library *lib, const char *path)
{
	static const char *const fixed[] = { "营商环境", "2025年", "(记者", "本报记者", "ＡＩ",
					     "高新区", "摄", "，", "2025", "项目建设",
					     /* in captions of no article and in banners */
					     "任公司年", "青川日报", "星期", "版", "白放歌 摄",
					     /* FTS5 is asked for the first token and the
					      * last: tokens repeated, and first and last
					      * found where the phrase is not */
					     "营营商商", "项目建设项目", "本报记者本报", "日报日报日报",
					     "环境营商" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(fixed); i++)
		same_hits(lib, path, fixed[i]);
	doc_issue *issue = load_folder(path);
	size_t tried = 0;
	for (size_t a = 0; a < doc_narticles(issue); a += 2) {
		const doc_article *art = doc_article_at(issue, a);
		for (uint32_t el = DOC_NFIELDS; el < doc_article_nelements(art); el += 3) {
			doc_str t = doc_element_text(issue, art, el);
			static const size_t lens[] = { 1, 2, 4, 8 };
			for (size_t l = 0; l < 4; l++) {
				size_t at = 3 * (a + el) % (t.len + 1);
				at -= at % 3;
				size_t n = 3 * lens[l];
				if (at + n > t.len || !all_han(t.s + at, n))
					continue;
				char q[64];
				memcpy(q, t.s + at, n);
				q[n] = '\0';
				same_hits(lib, path, q);
				tried++;
			}
		}
	}
	doc_issue_free(issue);
	assert_true(tried > 5);
}

static void test_same_hits_as_the_issue(void **state)
{
	env *e = *state;
	bool corpus = have_corpus(e);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	char path[400];
	snprintf(path, sizeof path, "%s/青川日报/2026-03-18", e->lib);
	same_hits_over(lib, path);
	library_close(lib);
	/* letters and digits found inside words, as the matcher finds them */
	add_latin_issue(e);
	lib = open_lib(e, NULL);
	index_all(lib);
	snprintf(path, sizeof path, "%s/测试日报/2026-01-05", e->lib);
	static const char *const inside[] = { "conomy", "CONOM", "nom", "025", "02", "5g网",
					      "ller", "üll", "G网络", "econom", "icro", "s课程", "y" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(inside); i++) {
		same_hits(lib, path, inside[i]);
		assert_true(count_hits(lib, inside[i], "测试日报") > 0);
	}
	assert_int_equal(count_hits(lib, "conomyx", NULL), 0);
	if (corpus) {
		snprintf(path, sizeof path, "%s/通辽日报/20250828", e->lib);
		same_hits_over(lib, path);
	} else {
		print_message("note: corpus absent, only the sample compared\n");
	}
	library_close(lib);
}

/* Whether the walk of the roots (in its thread) finds the index current. */
static bool scan_current(library *lib)
{
	library_scan *sc = library_scan_start(lib);
	bool current = library_scan_current(sc);
	library_scan_free(sc);
	return current;
}

/* index_all with the walk made apart first (as --search --all does when
 * the index is not current). */
static library_summary index_scanned(library *lib)
{
	library_scan *sc = library_scan_start(lib);
	assert_false(library_scan_current(sc));
	bool busy;
	library_job *job = library_index_begin_scanned(sc, true, &busy);
	assert_non_null(job);
	while (!library_index_step(job, 1000000))
		;
	library_summary sum;
	library_index_end(job, &sum);
	library_scan_free(sc);
	return sum;
}

static void test_changed_touched_removed(void **state)
{
	env *e = *state;
	sh("mkdir -p '%s/晚报/2025-01-02' && printf '标题一行\\n\\n正文说到了鲸落。\\n' > '%s/晚报/2025-01-02/1.txt'",
	   e->lib, e->lib);
	library *lib = open_lib(e, NULL);
	assert_false(scan_current(lib));
	library_summary sum = index_all(lib);
	assert_int_equal(sum.added, 2);
	assert_true(scan_current(lib));
	assert_int_equal(count_hits(lib, "鲸落", NULL), 1);
	/* changed (the same size), seen by the walk made apart */
	sh("sleep 0.01; printf '标题一行\\n\\n正文说到了雪豹。\\n' > '%s/晚报/2025-01-02/1.txt'", e->lib);
	sum = index_scanned(lib);
	assert_int_equal(sum.changed, 1);
	assert_int_equal(sum.unchanged, 1);
	assert_true(scan_current(lib));
	assert_int_equal(count_hits(lib, "鲸落", NULL), 0);
	assert_int_equal(count_hits(lib, "雪豹", NULL), 1);
	/* touched: the stamp changes, the text does not */
	sh("touch -d '2001-01-01' '%s/晚报/2025-01-02/1.txt'", e->lib);
	assert_false(scan_current(lib));
	sum = index_all(lib);
	assert_int_equal(sum.changed, 0);
	assert_int_equal(sum.unchanged, 2);
	/* removed */
	sh("rm -r '%s/晚报'", e->lib);
	assert_false(scan_current(lib));
	sum = index_scanned(lib);
	assert_int_equal(sum.removed, 1);
	assert_int_equal(sum.issues, 1);
	assert_true(scan_current(lib));
	assert_int_equal(count_hits(lib, "雪豹", NULL), 0);
	library_close(lib);
}

/* Whether --search --all would walk the roots: nothing recorded (no
 * checks), or a folder changed (the checks say so before any issue). */
static bool fresh_refused(library *lib)
{
	library_fresh *f = library_fresh_start(lib);
	if (!f)
		return true;
	bool refused = !library_fresh_upto(f, NULL) && library_fresh_folders_changed(f);
	library_fresh_free(f);
	return refused;
}

/* --search --all without the walk: the folders recorded by the last
 * whole index, then each issue's pages checked in the search's order. */
static void test_fresh_without_walk(void **state)
{
	env *e = *state;
	char newest[400], older[400], roots[700];
	snprintf(newest, sizeof newest, "%s/青川日报/2026-03-18", e->lib);
	snprintf(older, sizeof older, "%s/晚报/2025-01-02", e->lib);
	sh("mkdir -p '%s' && printf '标题一行\\n\\n正文说到了鲸落。\\n' > '%s/1.txt'", older, older);
	library *lib = open_lib(e, NULL);
	assert_null(library_fresh_start(lib));          /* nothing recorded yet */
	index_all(lib);
	library_fresh *f = library_fresh_start(lib);
	assert_non_null(f);
	/* newest first, each checked when reached */
	assert_false(library_fresh_checked(f, newest));
	assert_true(library_fresh_upto(f, newest));
	assert_true(library_fresh_checked(f, newest));
	assert_false(library_fresh_checked(f, older));
	assert_true(library_fresh_upto(f, NULL));
	assert_true(library_fresh_checked(f, older));
	library_fresh_free(f);
	/* a page edited in place (the same size): no folder changed, the
	 * issue did, and the newer one before it is still unchanged */
	sh("sleep 0.01; printf '标题一行\\n\\n正文说到了雪豹。\\n' > '%s/1.txt'", older);
	f = library_fresh_start(lib);
	assert_non_null(f);
	assert_true(library_fresh_upto(f, newest));
	assert_false(library_fresh_upto(f, NULL));
	assert_false(library_fresh_folders_changed(f));
	assert_false(library_fresh_checked(f, older));
	library_fresh_free(f);
	index_all(lib);
	f = library_fresh_start(lib);
	assert_non_null(f);
	assert_true(library_fresh_upto(f, NULL));
	library_fresh_free(f);
	/* a page added, an issue added: their folders changed */
	sh("printf '第二版\\n\\n又一段。\\n' > '%s/2.txt'", older);
	assert_true(fresh_refused(lib));
	index_all(lib);
	sh("mkdir -p '%s/晚报/2025-01-03'", e->lib);
	assert_true(fresh_refused(lib));
	/* a folder with no page: the walk finds the index current and
	 * records the folders as they are now */
	assert_true(scan_current(lib));
	f = library_fresh_start(lib);
	assert_non_null(f);
	assert_true(library_fresh_upto(f, NULL));
	library_fresh_free(f);
	/* a folder's mode changed (its ctime) */
	sh("chmod 700 '%s/晚报/2025-01-03'", e->lib);
	assert_true(fresh_refused(lib));
	assert_true(scan_current(lib));
	/* an index cut short records nothing */
	sh("printf '第三版\\n\\n一段。\\n' > '%s/3.txt'", older);
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	library_index_end(job, NULL);
	assert_true(fresh_refused(lib));
	index_all(lib);
	f = library_fresh_start(lib);
	assert_non_null(f);
	library_fresh_free(f);
	library_close(lib);
	/* a root more than the folders recorded */
	sh("mkdir -p '%s/other'", e->dir);
	snprintf(roots, sizeof roots, "%s:%s/other", e->lib, e->dir);
	lib = open_lib(e, roots);
	assert_true(fresh_refused(lib));
	library_close(lib);
}

/* The fingerprint of the issue whose path holds path_part, as listed. */
static uint64_t listed_fingerprint(library *lib, const char *path_part)
{
	library_issue *is;
	size_t n = library_issues(lib, &is);
	uint64_t fp = 0;
	for (size_t i = 0; i < n; i++)
		if (strstr(is[i].path, path_part))
			fp = is[i].fingerprint;
	library_issues_free(is, n);
	return fp;
}

/* The fingerprint of the only hit of query, in either order. */
static uint64_t hit_fingerprint(library *lib, const char *query, library_order order)
{
	library_hit *h;
	size_t n = library_search(lib, query, order, 0, &h);
	assert_int_equal(n, 1);
	uint64_t fp = h[0].fingerprint;
	library_hits_free(h, n);
	return fp;
}

/* The hits a ranked search counts for query (the S view's count),
 * checked against those a search newest first finds; that many. */
static size_t ranked_count(library *lib, const char *query)
{
	library_ranked *r = library_rank(lib, query, 0);
	size_t n = library_ranked_count(r);
	library_ranked_free(r);
	assert_int_equal(n, count_hits(lib, query, NULL));
	return n;
}

/* A search keeps the issues' strings it looked up for the searches
 * after, and a ranked one of one or two characters the head of each
 * issue's row of issue_terms: an issue changed by this connection or by
 * another one (its id kept, its fingerprint and lists new) is seen as
 * it is now by both. */
static void test_issues_kept_between_searches(void **state)
{
	env *e = *state;
	sh("mkdir -p '%s/晚报/2025-01-02' && printf '标题一行\\n\\n正文说到了鲸落。\\n' > '%s/晚报/2025-01-02/1.txt'",
	   e->lib, e->lib);
	library *a = open_lib(e, NULL), *b = open_lib(e, NULL);
	index_all(a);
	uint64_t before = listed_fingerprint(a, "晚报");
	assert_int_equal(hit_fingerprint(a, "鲸落", LIBRARY_NEWEST), before);
	assert_int_equal(hit_fingerprint(a, "鲸", LIBRARY_RANKED), before);
	size_t fall = ranked_count(a, "落"), leopard = ranked_count(a, "豹");
	assert_int_equal(ranked_count(a, "鲸落"), 1);
	/* changed by the other connection */
	sh("sleep 0.01; printf '标题一行\\n\\n正文说到了雪豹鲸。\\n' > '%s/晚报/2025-01-02/1.txt'", e->lib);
	assert_int_equal(index_all(b).changed, 1);
	uint64_t after = listed_fingerprint(b, "晚报");
	assert_true(after != before);
	assert_int_equal(hit_fingerprint(a, "雪豹", LIBRARY_NEWEST), after);
	assert_int_equal(hit_fingerprint(a, "鲸", LIBRARY_RANKED), after);
	assert_int_equal(hit_fingerprint(a, "雪豹鲸", LIBRARY_RANKED), after);
	assert_int_equal(ranked_count(a, "落"), fall - 1);
	assert_int_equal(ranked_count(a, "豹"), leopard + 1);
	assert_int_equal(ranked_count(a, "鲸落"), 0);
	assert_int_equal(ranked_count(a, "雪豹"), 1);
	/* and by this one */
	sh("sleep 0.01; printf '标题一行\\n\\n正文说到了鲸落。\\n' > '%s/晚报/2025-01-02/1.txt'", e->lib);
	assert_int_equal(index_all(a).changed, 1);
	assert_int_equal(hit_fingerprint(a, "鲸落", LIBRARY_RANKED), before);
	assert_int_equal(hit_fingerprint(b, "鲸落", LIBRARY_NEWEST), before);
	assert_int_equal(ranked_count(a, "豹"), leopard);
	assert_int_equal(ranked_count(a, "雪豹"), 0);
	assert_int_equal(ranked_count(a, "落"), fall);
	library_close(a);
	library_close(b);
}

/* Ranked, the hits of the rows listed are counted before they are made,
 * from the query's occurrences in each fold where no piece of it that
 * maps back to one range of the text holds two characters: where one
 * does (… folds to "...", ㍻ to 平成, ﬁ to fi, a letter and the
 * combining accent after it fold together), two occurrences there are
 * one hit, and the count is the matcher's. */
static void test_ranked_counts_across_splits(void **state)
{
	env *e = *state;
	search_folder *sf = search_folder_new();
	static const struct { const char *text; unsigned splits; } cases[] = {
		{ "经济，观察。ＡＢ１２", 0 },
		{ "等等……", SEARCH_SPLITS },
		{ "ﬁne", SEARCH_SPLITS },
		{ "成㍻平", SEARCH_SPLITS | SEARCH_SPLITS_WIDE },
		{ "cafe\xCC\x81", SEARCH_SPLITS | SEARCH_SPLITS_WIDE },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(cases); i++)
		assert_int_equal(search_folder_splits(sf, cases[i].text, strlen(cases[i].text)),
				 cases[i].splits);
	search_folder_free(sf);
	sh("mkdir -p '%s/晚报/2025-03-01' && printf '成平㍻平成㍻㍻平\\n\\n本报记者 王明\\n\\n"
	   "他说……好……吧。成㍻平成平，ﬁﬁx fi ﬃ。\\n\\n短文：㍻成平。\\n\\n"
	   "另一篇\\n\\n正文x\xCC\x81x\xCC\x81，e\xCC\x81" "e。\\n' > '%s/晚报/2025-03-01/01.txt'",
	   e->lib, e->lib);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	static const char *const queries[] = { "成平", "平成", "平", "成", "..", ".", "...", "f", "fi",
					       "if", "ﬁ", "x", "x\xCC\x81x", "e", "好", "。" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(queries); i++)
		ranked_prefixes(lib, queries[i]);
	library_close(lib);
}

/* Ranked hits are made when asked for: an issue indexed again between
 * the ranking and the asking (here by another connection, the text now
 * holding the query twice where it held it once) gives the hits it has
 * then, and the count follows. */
static void test_ranked_made_later(void **state)
{
	env *e = *state;
	sh("mkdir -p '%s/晚报/2025-01-02' && printf '标题一行\\n\\n正文说到了鲸落。\\n' > '%s/晚报/2025-01-02/1.txt'",
	   e->lib, e->lib);
	library *a = open_lib(e, NULL), *b = open_lib(e, NULL);
	index_all(a);
	library_ranked *r = library_rank(a, "鲸", 0);
	assert_int_equal(library_ranked_count(r), 1);
	sh("sleep 0.01; printf '标题一行\\n\\n正文说到了鲸和鲸落。\\n' > '%s/晚报/2025-01-02/1.txt'", e->lib);
	assert_int_equal(index_all(b).changed, 1);
	const library_hit *h = library_ranked_hit(r, 0);
	assert_non_null(h);
	assert_int_equal(library_ranked_count(r), 2);
	assert_non_null(library_ranked_hit(r, 1));
	assert_int_equal(h->fingerprint, listed_fingerprint(b, "晚报"));
	assert_null(library_ranked_hit(r, 2));
	library_ranked_free(r);
	library_close(a);
	library_close(b);
}

/* Every hit of query in order (at most max articles) as a string. */
static void hits_text(library *lib, const char *query, library_order order, size_t max,
		      util_buf *out)
{
	library_hit *h;
	size_t n = library_search(lib, query, order, max, &h);
	out->len = 0;
	for (size_t i = 0; i < n; i++)
		util_buf_printf(out, "%s|%s|%d|%u|%x|%u-%u|%s\n", h[i].path, h[i].headline, h[i].page,
				h[i].article, h[i].element, h[i].start, h[i].end, h[i].text);
	if (order == LIBRARY_RANKED)
		lazily_same(lib, query, max, h, n);
	library_hits_free(h, n);
}

/* One way of asking a query: the order and how many articles (0: all). */
typedef struct {
	library_order order;
	size_t max;
} hit_ask;

/* The hits of each of the nq queries of qs (one after another, each
 * ending in '\0'), asked each of the na ways: into a new array, query
 * q's way a at q * na + a; *found counts those that found anything. */
static util_buf *hits_of_queries(library *lib, const util_buf *qs, size_t nq, const hit_ask *asks, size_t na,
				 size_t *found)
{
	util_buf *out = calloc(nq * na, sizeof *out);
	assert_non_null(out);
	*found = 0;
	size_t at = 0;
	for (size_t q = 0; q < nq; q++, at += strlen(qs->data + at) + 1)
		for (size_t a = 0; a < na; a++) {
			hits_text(lib, qs->data + at, asks[a].order, asks[a].max, &out[q * na + a]);
			*found += out[q * na + a].len > 0;
		}
	return out;
}

/* Asks the queries again the same ways: each must find, to the byte,
 * what `before` (from hits_of_queries, freed here) holds; `since` says
 * what changed in between. */
static void assert_same_hits(library *lib, const util_buf *qs, size_t nq, const hit_ask *asks, size_t na,
			     util_buf *before, const char *since)
{
	util_buf now = { 0 };
	size_t at = 0;
	for (size_t q = 0; q < nq; q++, at += strlen(qs->data + at) + 1)
		for (size_t a = 0; a < na; a++) {
			hits_text(lib, qs->data + at, asks[a].order, asks[a].max, &now);
			util_buf *b = &before[q * na + a];
			if (now.len != b->len || (now.len && memcmp(now.data, b->data, now.len) != 0))
				fail_msg("\"%s\" (%s, %zu articles): other hits %s:\n%.*s---\n%.*s", qs->data + at,
					 asks[a].order == LIBRARY_RANKED ? "ranked" : "newest", asks[a].max, since,
					 (int)b->len, b->data ? b->data : "", (int)now.len, now.data ? now.data : "");
			util_buf_free(b);
		}
	free(before);
	util_buf_free(&now);
}

/* sql run on the index through a connection of its own: the rows it
 * changed. */
static int db_exec(env *e, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(e->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	int changes = sqlite3_changes(db);
	sqlite3_close(db);
	return changes;
}

/* Empties the table issue_terms through a connection of its own: every
 * issue is then asked of FTS5 and its rows' text. */
static void drop_issue_terms(env *e)
{
	db_exec(e, "DELETE FROM issue_terms");
}

/* The search walks the issues' lists of code points; an issue without
 * its issue_terms row (removed by another connection here) is asked of
 * FTS5 over its rows instead, and every search finds what it found. */
static void test_issue_without_terms(void **state)
{
	env *e = *state;
	add_latin_issue(e);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	static const char *const queries[] = { "报", "记者", "经济", "economy", "2025", "发展的" };
	static const hit_ask asks[] = { { LIBRARY_NEWEST, 0 }, { LIBRARY_NEWEST, 1 }, { LIBRARY_NEWEST, 3 },
					{ LIBRARY_RANKED, 0 }, { LIBRARY_RANKED, 1 }, { LIBRARY_RANKED, 3 } };
	util_buf qs = { 0 };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(queries); i++)
		util_buf_add(&qs, queries[i], strlen(queries[i]) + 1);
	size_t nonempty;
	util_buf *before = hits_of_queries(lib, &qs, UTIL_ARRAY_LEN(queries), asks, UTIL_ARRAY_LEN(asks), &nonempty);
	assert_true(nonempty > 20);
	assert_int_equal(db_exec(e, "DELETE FROM issue_terms WHERE rowid = (SELECT id FROM issues "
				 "WHERE path LIKE '%青川日报%')"), 1);
	assert_same_hits(lib, &qs, UTIL_ARRAY_LEN(queries), asks, UTIL_ARRAY_LEN(asks), before,
			 "without the issue's issue_terms row");
	util_buf_free(&qs);
	library_close(lib);
}

/* The indexed code points of the library's rows (up to max), each once,
 * as queries: into *out, one after another, each ending in '\0'. */
/* The statement reading the library's rows, body by body. */
static sqlite3_stmt *bodies_open(env *e, sqlite3 **db)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(e->db, db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(*db, "SELECT body FROM articles", -1, &st, NULL), SQLITE_OK);
	return st;
}

static void bodies_close(sqlite3 *db, sqlite3_stmt *st)
{
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* q (len bytes) added to *out, ending in '\0', unless it is there: whether
 * it was added. */
static bool add_query_once(util_buf *out, const uint8_t *q, size_t len)
{
	bool seen = false;
	for (size_t i = 0; i < out->len && !seen; i += strlen(out->data + i) + 1)
		seen = strlen(out->data + i) == len && memcmp(out->data + i, q, len) == 0;
	if (!seen) {
		util_buf_add(out, q, len);
		util_buf_addc(out, '\0');
	}
	return !seen;
}

static size_t text_chars(env *e, size_t max, util_buf *out)
{
	sqlite3 *db;
	sqlite3_stmt *st = bodies_open(e, &db);
	size_t n = 0;
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		const uint8_t *p = sqlite3_column_text(st, 0);
		ucs4_t c;
		while (n < max && (p = u8_next(&c, p)) != NULL) {
			uint8_t q[8];
			int len = u8_uctomb(q, c, 4);
			if (library_indexed(c) && add_query_once(out, q, (size_t)len))
				n++;
		}
	}
	bodies_close(db, st);
	return n;
}

/* How many rows of the index's table (SQL: a count). */
/* sql's number in the file at path */
static int64_t db_count_at(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static int64_t db_count(env *e, const char *sql)
{
	return db_count_at(e->db, sql);
}

/* the file a build from nothing writes beside the index */
static int64_t build_count(env *e, const char *sql)
{
	char path[400];
	snprintf(path, sizeof path, "%s.build", e->db);
	return db_count_at(path, sql);
}

/* Every pair of indexed code points standing together in the library's
 * rows (up to max), each once, as queries: into *out, one after another,
 * each ending in '\0'. */
static size_t text_pairs(env *e, size_t max, util_buf *out)
{
	sqlite3 *db;
	sqlite3_stmt *st = bodies_open(e, &db);
	size_t n = 0;
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		const uint8_t *p = sqlite3_column_text(st, 0);
		ucs4_t prev = 0, c;
		while (n < max && (p = u8_next(&c, p)) != NULL) {
			if (!library_indexed(c)) {
				prev = 0;
				continue;
			}
			if (prev) {
				uint8_t q[16];
				int la = u8_uctomb(q, prev, 4), lb = u8_uctomb(q + la, c, 4);
				if (add_query_once(out, q, (size_t)(la + lb)))
					n++;
			}
			prev = c;
		}
	}
	bodies_close(db, st);
	return n;
}


/* The n queries of *chars (one after another, each ending in '\0'),
 * ranked, over all articles and over 3 at most: the hits read from the
 * segments are the hits read from the issues' rows once issue_seg is
 * emptied (`in_segs`: the rows it held). Returns how many of the hits
 * from the segments were not empty. */
static size_t segments_same_as_rows(env *e, library *lib, const util_buf *chars, size_t n,
				    int64_t in_segs)
{
	static const size_t maxes[] = { 0, 3 };
	util_buf *before = calloc(n * 2, sizeof *before);
	size_t k = 0, nonempty = 0;
	for (size_t i = 0; i < chars->len; i += strlen(chars->data + i) + 1, k++)
		for (size_t m = 0; m < 2; m++) {
			hits_text(lib, chars->data + i, LIBRARY_RANKED, maxes[m], &before[k * 2 + m]);
			nonempty += before[k * 2 + m].len > 0;
		}
	assert_int_equal(db_exec(e, "DELETE FROM issue_seg"), in_segs);
	util_buf now = { 0 };
	k = 0;
	for (size_t i = 0; i < chars->len; i += strlen(chars->data + i) + 1, k++)
		for (size_t m = 0; m < 2; m++) {
			hits_text(lib, chars->data + i, LIBRARY_RANKED, maxes[m], &now);
			util_buf *b = &before[k * 2 + m];
			if (now.len != b->len || memcmp(now.data, b->data, now.len) != 0)
				fail_msg("\"%s\" (%zu articles): other hits from the segments than from the "
					 "issues' rows", chars->data + i, maxes[m]);
			util_buf_free(b);
		}
	util_buf_free(&now);
	free(before);
	return nonempty;
}
/* Ranked, a query of one character, or of two, takes the lists of the
 * issues in a segment of cp_lists, or pair_lists, from there (a row a
 * segment, see seg_flush; its buckets walked best first until no row
 * left can enter the best): the same hits, in the same order, all or
 * the best 3, as when each issue's list is read from its row of
 * issue_terms (the segments' issues forgotten, issue_seg emptied by
 * another connection), for every character of the library and pairs of
 * them standing together, after it was indexed in runs of one issue
 * (the fourth makes a segment of the four), one issue changed (its rows
 * in its segment out of use, the new ones in none) and one removed; library_check
 * compares the rows of each issue in use with its issue's list. */
static void test_chars_rank_from_segments(void **state)
{
	env *e = *state;
	add_latin_issue(e);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	/* two issues: in no segment (read issue by issue); then runs of one
	 * new issue each, the run that brings those in no segment to four
	 * making them one (from their rows of issue_terms and its own) */
	assert_int_equal(db_count(e, "SELECT count(*) FROM issues"), 2);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issue_seg"), 0);
	for (int d = 5; d <= 10; d++) {
		sh("mkdir -p '%s/晚报/2025-01-%02d' && printf '雪豹出没高山草甸%d\n\n本报记者 李华\n\n"
		   "护林员在高山草甸拍到一只雪豹。\n' > '%s/晚报/2025-01-%02d/01.txt'", e->lib, d, d, e->lib, d);
		assert_int_equal(index_all(lib).added, 1);
		assert_int_equal(db_count(e, "SELECT count(*) FROM issue_seg"), 4 * ((d - 2) / 4));
	}
	assert_int_equal(db_count(e, "SELECT count(*) FROM cp_segs WHERE issues = 4"), 2);
	/* then one changed (its rows in the new segment out of use) and
	 * one removed */
	sh("sleep 0.01; printf '雪豹又来了\n\n本报记者 王明\n\n雪豹在草甸上走过。经济观察。\n' > "
	   "'%s/晚报/2025-01-05/01.txt'", e->lib);
	assert_int_equal(index_all(lib).changed, 1);
	sh("rm -r '%s/测试日报'", e->lib);
	assert_int_equal(index_all(lib).removed, 1);
	char err[1024];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	/* all but the one changed, in no segment now */
	int64_t in_segs = db_count(e, "SELECT count(*) FROM issue_seg");
	assert_int_equal(in_segs, db_count(e, "SELECT count(*) FROM issues") - 1);
	assert_true(db_count(e, "SELECT count(DISTINCT seg) FROM issue_seg") >= 2);
	util_buf chars = { 0 };
	size_t nchars = text_chars(e, 400, &chars);
	assert_true(nchars > 200);
	size_t npairs = text_pairs(e, 400, &chars);
	assert_true(npairs > 200);
	nchars += npairs;
	assert_true(segments_same_as_rows(e, lib, &chars, nchars, in_segs) == nchars * 2);
	util_buf_free(&chars);
	library_close(lib);
}

/* An index job of many steps hands each segment of 32 issues, once they
 * are committed, to a thread that makes its lists while the next issues
 * are stored, and a later step writes it: meanwhile those issues are in
 * no segment and read from their rows. 68 issues (and the sample) one a
 * step: every issue in a segment at the end, the first of 32, none
 * right after the 32nd issue's step though a search finds all 32;
 * library_check content, and the ranked hits of the library's
 * characters and pairs (all, and the best 3) the same from the segments
 * as from the issues' rows. */
static void test_segments_built_aside(void **state)
{
	env *e = *state;
	static const char *const lines[] = { "护林员在高山草甸拍到一只雪豹。", "经济观察：草原牧民的收入增长。",
					     "本报讯 今年冬季降雪偏多。", "雪豹是国家一级保护动物。",
					     "牧民转场，羊群下山过冬。", "高原上的学校开学了。",
					     "科研人员为雪豹佩戴项圈。" };
	for (int d = 1; d <= 68; d++)
		sh("mkdir -p '%s/晚报/2025-%02d-%02d' && printf '雪豹出没%d\n\n本报记者 李华\n\n%s%s\n\n%s\n' > "
		   "'%s/晚报/2025-%02d-%02d/01.txt'", e->lib, 1 + (d - 1) / 28, 1 + (d - 1) % 28, d, lines[d % 7],
		   lines[d * 3 % 7], lines[(d / 7) % 7], e->lib, 1 + (d - 1) / 28, 1 + (d - 1) % 28);
	library *lib = open_lib(e, NULL);
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	bool checked = false;
	for (bool done = false; !done;) {
		done = library_index_step(job, 1);
		library_progress p;
		library_index_progress(job, &p);
		if (p.done == 32 && !checked) {
			/* built from nothing beside the index, which has no
			 * issue until the job ends */
			assert_int_equal(db_count(e, "SELECT count(*) FROM issues"), 0);
			assert_int_equal(build_count(e, "SELECT count(*) FROM issue_seg"), 0);
			assert_int_equal(build_count(e, "SELECT count(*) FROM issues"), 32);
			/* the sample, newest, was the first */
			assert_int_equal(count_hits(lib, "雪豹出没", NULL), 31);
			checked = true;
		}
	}
	library_index_end(job, NULL);
	assert_true(checked);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issues"), 69);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issue_seg"), 69);
	assert_int_equal(db_count(e, "SELECT issues FROM cp_segs ORDER BY seg LIMIT 1"), 32);
	assert_true(db_count(e, "SELECT count(*) FROM cp_segs") >= 2);
	char err[1024];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	util_buf chars = { 0 };
	size_t n = text_chars(e, 200, &chars);
	n += text_pairs(e, 200, &chars);
	assert_true(n > 200);
	segments_same_as_rows(e, lib, &chars, n, 69);
	util_buf_free(&chars);
	library_close(lib);
}

/* A job of one transaction (the issues parsed ahead by the threads that
 * parse) hands a segment to the segment thread each time 32 issues are
 * kept, not at its commit: 68 issues and the sample in one step make
 * segments of 32, 32 and 5, in that order, every issue in one, and the
 * index passes library_check (the segments' rows against the issues'). */
static void test_segments_of_32_in_one_step(void **state)
{
	env *e = *state;
	for (int d = 1; d <= 68; d++)
		sh("mkdir -p '%s/晚报/2025-%02d-%02d' && printf '雪豹出没%d\n\n本报记者 李华\n\n第%d天，牧民转场。\n' > "
		   "'%s/晚报/2025-%02d-%02d/01.txt'", e->lib, 1 + (d - 1) / 28, 1 + (d - 1) % 28, d, d, e->lib,
		   1 + (d - 1) / 28, 1 + (d - 1) % 28);
	library *lib = open_lib(e, NULL);
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	assert_true(library_index_ahead(job));
	assert_true(library_index_step(job, UINT64_MAX));
	library_index_end(job, NULL);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issues"), 69);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issue_seg"), 69);
	assert_int_equal(db_count(e, "SELECT count(*) FROM cp_segs"), 3);
	assert_int_equal(db_count(e, "SELECT count(*) FROM (SELECT issues FROM cp_segs ORDER BY seg) "
				  "WHERE issues = 32"), 2);
	assert_int_equal(db_count(e, "SELECT issues FROM cp_segs ORDER BY seg DESC LIMIT 1"), 5);
	/* the issues of the first segment are the first 32 stored */
	assert_int_equal(db_count(e, "SELECT max(issue) FROM issue_seg WHERE seg = (SELECT min(seg) FROM cp_segs)"),
			 32);
	assert_int_equal(count_hits(lib, "雪豹出没", NULL), 68);
	char err[1024];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	library_close(lib);
}

/* Ranked, a query of two characters is weighed from the issues' lists of
 * pairs (no text read): the same hits, in the same order, as when every
 * row holding it is read and counted (each issue asked of FTS5 and its
 * rows' text, its issue_terms row removed), for every pair of the
 * library's text, runs of one character repeated (哈哈 in 哈哈哈哈哈 is
 * two hits, not four), a pair cut by a line's end, a pair beyond the
 * BMP, and other scripts. */
static void test_pairs_rank_as_text(void **state)
{
	env *e = *state;
	add_latin_issue(e);
	sh("mkdir -p '%s/晚报/2025-02-01' && printf '哈哈哈哈哈\n\n本报记者 王明\n\n"
	   "笑声哈哈哈，天天天晴，大家说哈哈。雪\n\n豹在山上。經濟好转，𠀀𠀁字少见，"
	   "ab12 AB12 ａｂ１２。\n\n哈哈\n\n短文一篇，哈哈哈哈。\n' > '%s/晚报/2025-02-01/01.txt'",
	   e->lib, e->lib);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	char err[1024];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	util_buf qs = { 0 };
	static const char *const fixed[] = { "哈哈", "天天", "雪豹", "经济", "經濟", "𠀀𠀁", "ab", "12",
					     "ＡＢ", "b1", "记者", "高新" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(fixed); i++)
		util_buf_add(&qs, fixed[i], strlen(fixed[i]) + 1);
	size_t nq = UTIL_ARRAY_LEN(fixed) + text_pairs(e, 600, &qs);
	static const hit_ask asks[] = { { LIBRARY_RANKED, 0 }, { LIBRARY_RANKED, 2 } };
	size_t found;
	util_buf *before = hits_of_queries(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), &found);
	assert_true(found > 400);
	drop_issue_terms(e);
	assert_same_hits(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), before,
			 "from the lists of pairs than from the text");
	util_buf_free(&qs);
	library_close(lib);
}

/* Runs of `len` indexed code points standing together in the library's
 * rows, one every `stride` places (up to max), each once, as queries:
 * into *out, one after another, each ending in '\0'. */
static size_t text_runs(env *e, size_t len, size_t stride, size_t max, util_buf *out)
{
	sqlite3 *db;
	sqlite3_stmt *st = bodies_open(e, &db);
	size_t n = 0, place = 0;
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		const uint8_t *p = sqlite3_column_text(st, 0), *run = p;
		size_t in_run = 0;
		ucs4_t c;
		for (const uint8_t *next; n < max && (next = u8_next(&c, p)) != NULL; p = next) {
			if (!library_indexed(c)) {
				in_run = 0;
				continue;
			}
			if (in_run++ == 0)
				run = p;
			if (in_run < len)
				continue;
			/* the last len code points, from run on */
			const uint8_t *from = run;
			run += u8_mblen(run, 4);
			in_run--;
			if (place++ % stride != 0)
				continue;
			if (add_query_once(out, from, (size_t)(next - from)))
				n++;
		}
	}
	bodies_close(db, st);
	return n;
}

/* A query of three characters or more takes its candidates issue by
 * issue from the lists of its rarest pairs (ranked, their first code
 * points found in the heads of the issues' rows kept in memory; newest
 * first, near where they were in the issue before): the same hits, in
 * the same order, as when each issue is asked of FTS5 (its issue_terms
 * row removed), in issues whose pairs' entries differ in number and in
 * place (a page of thousands of pairs of code points below most of the
 * text's; a small issue), for runs of 3, 4, 5 and 8 characters of the
 * text, ranked and newest first. */
static void test_phrases_rank_as_text(void **state)
{
	env *e = *state;
	const char *src = getenv("KANBAO_SRC");
	/* the sample again on the 17th, 15th and 14th, with a page of pairs
	 * 一丁 丂七 ... (17th, 14th) or of pairs above most of the text's
	 * (15th) first; one page of it alone on the 16th */
	sh("mkdir -p '%s/青川日报/2026-03-16' && cp '%s/sample/02.txt' '%s/青川日报/2026-03-16/'", e->lib,
	   src ? src : ".", e->lib);
	static const char *const days[] = { "17", "15", "14" };
	static const ucs4_t table[] = { 0x4E00, 0x9000, 0x4E00 };
	for (size_t d = 0; d < UTIL_ARRAY_LEN(days); d++) {
		sh("mkdir -p '%s/青川日报/2026-03-%s' && cp '%s/sample/'*.txt '%s/青川日报/2026-03-%s/'", e->lib,
		   days[d], src ? src : ".", e->lib, days[d]);
		char path[400];
		snprintf(path, sizeof path, "%s/青川日报/2026-03-%s/00.txt", e->lib, days[d]);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs("字表\n\n", f);
		for (ucs4_t c = table[d]; c < table[d] + 0x800; c += 2) {
			uint8_t u[8];
			int a = u8_uctomb(u, c, 4), b = u8_uctomb(u + a, c + 1, 4);
			fprintf(f, "%.*s%s", a + b, (const char *)u, (c - table[d]) % 64 == 62 ? "\n\n" : "　");
		}
		fputs("\n", f);
		fclose(f);
	}
	library *lib = open_lib(e, NULL);
	index_all(lib);
	util_buf qs = { 0 };
	static const size_t lens[] = { 3, 4, 5, 8 };
	size_t nq = 0;
	for (size_t l = 0; l < UTIL_ARRAY_LEN(lens); l++)
		nq += text_runs(e, lens[l], 7, 60, &qs);
	/* ranked all, the best 3; newest first all, the first 3 */
	static const hit_ask asks[] = { { LIBRARY_RANKED, 0 }, { LIBRARY_RANKED, 3 }, { LIBRARY_NEWEST, 0 },
					{ LIBRARY_NEWEST, 3 } };
	size_t found;
	util_buf *before = hits_of_queries(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), &found);
	/* every query is text of the library */
	assert_int_equal(found, nq * UTIL_ARRAY_LEN(asks));
	assert_true(nq > 200);
	/* ranked, a phrase is found from the positions of its pairs (the
	 * segment's, pos_segs: the five issues' rows of pair_pos are gone
	 * once it holds them); without them, from the lists of pairs and
	 * the text; without those too, from FTS5 and the text */
	util_buf *again = hits_of_queries(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), &found);
	assert_true(db_count(e, "SELECT count(*) FROM pos_segs") > 100);
	assert_int_equal(db_count(e, "SELECT count(*) FROM pair_pos"), 0);
	db_exec(e, "DELETE FROM pos_segs");
	assert_same_hits(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), before,
			 "from the lists of pairs than from their positions");
	drop_issue_terms(e);
	assert_same_hits(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), again, "from FTS5 than from their positions");
	util_buf_free(&qs);
	library_close(lib);
}

/* Ranked, a phrase takes the lists of the issues of a segment from its
 * rows of pos_segs (a pair's lists of all its issues in one block): the
 * same hits, in the same order, all or the best 3, as when each issue's
 * rows are found from the lists of pairs and the text (pos_segs emptied
 * by another connection: the segment's issues have no rows of pair_pos
 * left), for runs of 3, 4, 5 and 8 characters of the library,
 * indexed in runs of one issue (small segments, gathered into one with
 * their rows of pos_segs made from pair_pos), then one issue
 * changed (its lists in its old segment out of use) and one removed;
 * library_check compares each issue's lists in pos_segs, and each row
 * left in pair_pos, with the lists its text makes. The three issues in
 * no segment are read from pair_pos in the same queries. */
static void test_phrases_rank_from_segments(void **state)
{
	env *e = *state;
	add_latin_issue(e);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	for (int d = 5; d <= 9; d++) {
		sh("mkdir -p '%s/晚报/2025-01-0%d' && printf '雪豹出没高山草甸%d\n\n本报记者 李华\n\n"
		   "护林员在高山草甸拍到一只雪豹。经济发展的新动力。\n' > '%s/晚报/2025-01-0%d/01.txt'", e->lib,
		   d, d, e->lib, d);
		assert_int_equal(index_all(lib).added, 1);
	}
	sh("sleep 0.01; printf '雪豹又来了\n\n本报记者 王明\n\n雪豹在高山草甸上走过。经济观察。\n' > "
	   "'%s/晚报/2025-01-09/01.txt'", e->lib);
	assert_int_equal(index_all(lib).changed, 1);
	sh("rm -r '%s/测试日报'", e->lib);
	assert_int_equal(index_all(lib).removed, 1);
	char err[1024];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	assert_int_equal(db_count(e, "SELECT count(*) FROM cp_segs WHERE seg NOT IN (SELECT key >> 16 FROM "
				  "pos_segs WHERE key & 65535 = 0)"), 0);
	/* the issues of the segment are read from pos_segs only (their
	 * rows of pair_pos gone), the three in none from pair_pos, in the
	 * same queries */
	assert_true(db_count(e, "SELECT count(*) FROM issue_seg WHERE seg IN (SELECT key >> 16 FROM pos_segs "
			      "WHERE key & 65535 = 0)") >= 2);
	assert_int_equal(db_count(e, "SELECT count(*) FROM pair_pos WHERE id IN (SELECT issue FROM issue_seg)"), 0);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issues WHERE id NOT IN (SELECT issue FROM issue_seg)"), 3);
	assert_int_equal(db_count(e, "SELECT count(*) FROM pair_pos"), 3);
	util_buf qs = { 0 };
	static const size_t lens[] = { 3, 4, 5, 8 };
	size_t nq = 0;
	for (size_t l = 0; l < UTIL_ARRAY_LEN(lens); l++)
		nq += text_runs(e, lens[l], 5, 40, &qs);
	static const char *const fixed[] = { "高山草甸", "护林员在高山草甸拍到", "经济发展的" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(fixed); i++)
		util_buf_add(&qs, fixed[i], strlen(fixed[i]) + 1);
	nq += UTIL_ARRAY_LEN(fixed);
	static const hit_ask asks[] = { { LIBRARY_RANKED, 0 }, { LIBRARY_RANKED, 3 } };
	size_t found;
	util_buf *before = hits_of_queries(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), &found);
	assert_int_equal(found, nq * UTIL_ARRAY_LEN(asks));
	assert_true(nq > 100);
	db_exec(e, "DELETE FROM pos_segs");
	assert_same_hits(lib, &qs, nq, asks, UTIL_ARRAY_LEN(asks), before,
			 "from the lists of pairs and the text than from the positions of pairs");
	util_buf_free(&qs);
	library_close(lib);
}

/* Newest first is issue order within an issue; ranked, the article with
 * the text in its headline (and shorter) comes first. */
static void test_ranked(void **state)
{
	env *e = *state;
	sh("mkdir -p '%s/晚报/2025-01-05' && printf '城东公园举办春季花展\\n\\n本报记者 王明\\n\\n"
	   "今年的花展吸引了很多市民。有人在山上看见了雪豹的脚印，大家议论纷纷。花展将持续到下月底，"
	   "门票免费。园方还准备了讲解员和志愿者，为市民提供服务。\\n\\n雪豹出没高山草甸\\n\\n"
	   "本报记者 李华\\n\\n护林员在高山草甸拍到一只雪豹。\\n' > '%s/晚报/2025-01-05/01.txt'",
	   e->lib, e->lib);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	library_hit *h;
	size_t n = library_search(lib, "雪豹", LIBRARY_NEWEST, 0, &h);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].article, 0);
	assert_int_equal(h[1].article, 1);
	assert_int_equal(h[1].element, DOC_F_HEADLINE);
	library_hits_free(h, n);
	n = library_search(lib, "雪豹", LIBRARY_RANKED, 0, &h);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].article, 1);
	assert_int_equal(h[2].article, 0);
	library_hits_free(h, n);
	/* at most one article */
	n = library_search(lib, "雪豹", LIBRARY_NEWEST, 1, &h);
	assert_int_equal(n, 1);
	library_hits_free(h, n);
	/* ranked, the best of all the articles holding it, not of the
	 * newest: a newer issue whose one article mentions it once */
	sh("mkdir -p '%s/晚报/2025-01-06' && printf '市场新闻\n\n本报记者 赵六\n\n"
	   "菜价平稳，有人说起雪豹。超市的蔬菜水果供应充足，价格比上周略有下降，市民采购方便。"
	   "农贸市场的摊位也都开张了。\n' > '%s/晚报/2025-01-06/01.txt'", e->lib, e->lib);
	index_all(lib);
	n = library_search(lib, "雪豹", LIBRARY_NEWEST, 1, &h);
	assert_int_equal(n, 1);
	assert_non_null(strstr(h[0].date, "2025-01-06"));
	library_hits_free(h, n);
	n = library_search(lib, "雪豹", LIBRARY_RANKED, 1, &h);
	assert_int_equal(n, 2);         /* both hits of the headline's article */
	assert_non_null(strstr(h[0].date, "2025-01-05"));
	assert_int_equal(h[0].article, 1);
	library_hits_free(h, n);
	n = library_search(lib, "雪豹", LIBRARY_RANKED, 0, &h);
	assert_int_equal(n, 4);
	assert_non_null(strstr(h[0].date, "2025-01-05"));
	library_hits_free(h, n);
	library_close(lib);
}

/* The dates of the ranked hits of query, best `max` articles, made at
 * once and as the S view makes them, each checked against want. */
static void ranked_dates(library *lib, const char *query, size_t max, const char *const *want,
			 size_t nwant)
{
	library_hit *h;
	size_t n = library_search(lib, query, LIBRARY_RANKED, max, &h);
	assert_int_equal(n, nwant);
	library_ranked *r = library_rank(lib, query, max);
	assert_int_equal(library_ranked_count(r), nwant);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(h[i].date, want[i]);
		assert_string_equal(library_ranked_hit(r, i)->date, want[i]);
	}
	library_ranked_free(r);
	library_hits_free(h, n);
}

/* Ranked, of rows whose scores tie at the cut the newest are kept, and
 * a row that scores higher comes first however old: five issues with
 * the same article, an older one whose article also has 鲸 in its
 * headline (a headline as long, so 说到 ties in all six). */
static void test_ranked_ties_at_the_cut(void **state)
{
	env *e = *state;
	for (int d = 1; d <= 5; d++)
		sh("mkdir -p '%s/晚报/2025-02-0%d' && printf '标题一行\n\n正文说到了鲸。\n' > "
		   "'%s/晚报/2025-02-0%d/1.txt'", e->lib, d, e->lib, d);
	sh("mkdir -p '%s/晚报/2025-01-31' && printf '鲸的歌声\n\n正文说到了鲸。\n' > "
	   "'%s/晚报/2025-01-31/1.txt'", e->lib, e->lib);
	library *lib = open_lib(e, NULL);
	index_all(lib);
	static const char *const whale[] = { "2025-01-31", "2025-01-31", "2025-02-05", "2025-02-04" };
	ranked_dates(lib, "鲸", 3, whale, 4);
	ranked_dates(lib, "鲸", 2, whale, 3);
	static const char *const said[] = { "2025-02-05", "2025-02-04", "2025-02-03" };
	ranked_dates(lib, "说到", 3, said, 3);
	static const char *const all[] = { "2025-02-05", "2025-02-04", "2025-02-03", "2025-02-02",
					   "2025-02-01", "2025-01-31" };
	ranked_dates(lib, "说到", 0, all, 6);
	library_close(lib);
}

static void index_once(env *e)
{
	library *lib = open_lib(e, NULL);
	index_all(lib);
	library_close(lib);
}

/* The index (damaged) is rebuilt, saying why, and finds what it found. */
static void check_rebuilt(env *e, const char *why)
{
	e->warnings[0] = '\0';
	library *lib = open_lib(e, NULL);
	if (!strstr(e->warnings, "rebuilding it") || !strstr(e->warnings, why))
		fail_msg("no message about the %s index: \"%s\"", why, e->warnings);
	library_summary sum = index_all(lib);
	assert_int_equal(sum.added, 1);
	assert_true(count_hits(lib, "高新区", NULL) > 3);
	library_close(lib);
}

static void damage_and_check(env *e, void (*damage)(env *e), const char *why)
{
	index_once(e);
	damage(e);
	check_rebuilt(e, why);
}

static void truncate_db(env *e)
{
	struct stat st;
	assert_int_equal(stat(e->db, &st), 0);
	assert_int_equal(truncate(e->db, st.st_size / 2), 0);
}

static void random_db(env *e)
{
	FILE *f = fopen(e->db, "wb");
	assert_non_null(f);
	srand(7);
	for (int i = 0; i < 20000; i++)
		fputc(rand() & 0xFF, f);
	fclose(f);
}

/* The index as made by another schema version: `sql` run on it first
 * (NULL: its tables kept), then stamped with the version. */
static void stamp_schema(env *e, const char *sql, int version)
{
	char stamp[64];
	snprintf(stamp, sizeof stamp, "PRAGMA user_version = %d;", version);
	if (sql)
		db_exec(e, sql);
	db_exec(e, stamp);
}

/* The files made by other versions, in the order they are checked. */
static const struct other_schema {
	int version;
	const char *sql;
} other_schemas[] = {
	{ 0, "DROP TABLE articles;" },     /* the first, without its articles */
	{ 99, NULL },               /* a newer one */
	/* made by schema 21 (FTS5's crisis merge at 16, its default): rebuilt,
	 * as the setting is the FTS5 table's own */
	{ 21, NULL },
	/* made by schema 18 or 19 (no FTS5 table: a file without it would
	 * leave an issue without its row of issue_terms unsearchable) */
	{ 19, NULL },
	{ 18, NULL },
	/* made by schema 17 (no lists of pairs across issues: its segments'
	 * issues would have no rows for a ranked query of two characters; the
	 * table dropped as the older file had none) */
	{ 17, "DROP TABLE pair_lists;" },
	/* made by schema 14 (the lists across issues with the rows in order,
	 * not in buckets: read as schema 15's, they would be damaged) */
	{ 14, NULL },
	/* made by schema 13 (no lists of code points across issues: a ranked
	 * query of one character would find nothing in cp_lists, and the
	 * issues' lists would be read as before; the tables dropped as the
	 * older file had none) */
	{ 13, "DROP TABLE cp_lists; DROP TABLE cp_segs; DROP TABLE issue_seg;" },
	/* made by schema 11 or 12 (the same tables in a file without pointer
	 * maps: read right, but each issue's row of issue_terms walked page
	 * by page) */
	{ 12, NULL },
	{ 11, NULL },
	/* made by schema 10 (a row's count in a list without its hits in a
	 * header line: misread by this one) */
	{ 10, NULL },
	/* made by schema 9 (the same tables, no flags of the pieces of a fold
	 * holding several characters: its rows would count their hits wrong) */
	{ 9, NULL },
	/* made by the kanbao before this one (schema 8: the same tables, no
	 * lists of pairs in issue_terms; its rows would be misread) */
	{ 8, NULL },
	/* and the one before (schema 7: a bigram filter a row in a table of
	 * its own, no counts of the code points of each issue): the tables it
	 * had */
	{ 7, "DROP TABLE issue_terms; CREATE TABLE bigrams (id INTEGER PRIMARY KEY, "
	     "filter BLOB NOT NULL);" },
	/* and the one before that (schema 6: rowids in the other order, every
	 * folded text stored) */
	{ 6, NULL },
};

/* A new index is made with pages of 16 KiB and pointer maps (schema 12:
 * auto_vacuum INCREMENTAL), as is one rebuilt from an older schema. */
static void test_new_file_layout(void **state)
{
	env *e = *state;
	for (int round = 0; round < 2; round++) {
		if (round)
			stamp_schema(e, NULL, 12);
		library *lib = open_lib(e, NULL);
		index_all(lib);
		library_close(lib);
		sqlite3 *db;
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_open(e->db, &db), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT * FROM pragma_auto_vacuum, pragma_page_size, "
						    "pragma_user_version", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 2);
		assert_int_equal(sqlite3_column_int(st, 1), 16384);
		assert_int_equal(sqlite3_column_int(st, 2), 22);
		sqlite3_finalize(st);
		/* FTS5 keeps no size of each row (columnsize=0): no docsize table */
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name "
						    "LIKE 'articles_fts%'", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 4);
		sqlite3_finalize(st);
		/* and merges its segments sixteen at a time */
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT v FROM articles_fts_config WHERE k = "
						    "'automerge'", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 16);
		sqlite3_finalize(st);
		/* never a whole level at once (test_fts5_merged_bit_by_bit) */
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT v FROM articles_fts_config WHERE k = "
						    "'crisismerge'", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 1000);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
}

/* The segments of the FTS5 index: its structure record (id 10) is a
 * cookie of 4 bytes (and a marker of 4 in later versions of FTS5), then
 * varints, the levels and the segments; fewer than 128 here, one byte. */
static int fts5_segments(env *e)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(e->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT block FROM articles_fts_data WHERE id = 10", -1, &st,
					    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *p = sqlite3_column_blob(st, 0);
	size_t n = (size_t)sqlite3_column_bytes(st, 0), at = 4;
	if (n >= 8 && memcmp(p + 4, "\xff\x00\x00\x01", 4) == 0)
		at = 8;
	assert_true(n >= at + 2 && p[at] < 0x80 && p[at + 1] < 0x80);
	int segs = p[at + 1];
	sqlite3_finalize(st);
	sqlite3_close(db);
	return segs;
}

/* FTS5 merges its segments a few pages a commit, never a whole level in
 * one commit: twenty jobs of one issue each add a segment each (FTS5's
 * default crisis merge at 16 made the first one-issue job after a full
 * build merge the build's 15 segments, 1.4 s), and what FTS5 holds
 * stays whole: asked of FTS5 alone (the issue_terms rows gone), every
 * issue gives its hits. */
static void test_fts5_merged_bit_by_bit(void **state)
{
	env *e = *state;
	library *lib = open_lib(e, NULL);
	index_all(lib);
	int first = fts5_segments(e);
	for (int d = 1; d <= 20; d++) {
		sh("mkdir -p '%s/青川日报/2026-05-%02d' && cp '%s/青川日报/2026-03-18/'*.txt '%s/青川日报/2026-05-%02d/'",
		   e->lib, d, e->lib, e->lib, d);
		library_summary sum = index_all(lib);
		assert_int_equal(sum.added, 1);
		assert_int_equal(fts5_segments(e), first + d);
	}
	char err[512];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	size_t one = count_hits(lib, "记者", "2026-03-18");
	assert_true(one > 0);
	assert_int_equal(count_hits(lib, "记者", NULL), 21 * one);
	drop_issue_terms(e);
	assert_int_equal(count_hits(lib, "记者", NULL), 21 * one);
	library_close(lib);
	assert_string_equal(e->warnings, "");
}

static void test_damaged_truncated(void **state)
{
	damage_and_check(*state, truncate_db, "truncated");
}

static void test_damaged_random(void **state)
{
	damage_and_check(*state, random_db, "not a database");
}

static void test_damaged_old_schema(void **state)
{
	env *e = *state;
	for (size_t i = 0; i < sizeof other_schemas / sizeof *other_schemas; i++) {
		index_once(e);
		stamp_schema(e, other_schemas[i].sql, other_schemas[i].version);
		check_rebuilt(e, "another version");
	}
}

static void test_missing_root(void **state)
{
	env *e = *state;
	char roots[1024];
	snprintf(roots, sizeof roots, "%s/none:%s:%s/lib/青川日报/2026-03-18/01.txt", e->dir, e->lib,
		 e->dir);
	library *lib = open_lib(e, roots);
	library_summary sum = index_all(lib);
	assert_int_equal(sum.added, 1);
	assert_non_null(strstr(e->warnings, "none: No such file or directory"));
	assert_non_null(strstr(e->warnings, "01.txt: not a folder"));
	/* a root not read: never current for a search made meanwhile */
	assert_false(scan_current(lib));
	library_issue *v;
	size_t n = library_issues(lib, &v);
	assert_int_equal(n, 1);
	library_issues_free(v, n);
	library_close(lib);
	/* a root that goes missing keeps its issues in the index, out of sight */
	char moved[400];
	snprintf(moved, sizeof moved, "%s/elsewhere", e->dir);
	assert_int_equal(rename(e->lib, moved), 0);
	lib = open_lib(e, NULL);
	sum = index_all(lib);
	assert_int_equal(sum.removed, 0);
	assert_int_equal(library_issues(lib, &v), 0);
	library_issues_free(v, 0);
	library_close(lib);
	assert_int_equal(rename(moved, e->lib), 0);
}

/* Two processes index at once: one waits for the other; the index holds
 * each issue once. */
static void test_two_indexers(void **state)
{
	env *e = *state;
	size_t dirs = 1 + have_corpus(e);
	library *first = open_lib(e, NULL);
	library_close(first);
	pid_t pids[2];
	for (int i = 0; i < 2; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			library *lib = open_lib(e, NULL);
			index_all(lib);
			library_close(lib);
			_exit(0);
		}
	}
	for (int i = 0; i < 2; i++) {
		int status;
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	library *lib = open_lib(e, NULL);
	library_issue *v;
	size_t n = library_issues(lib, &v);
	assert_int_equal(n, dirs);
	library_issues_free(v, n);
	library_summary sum = index_all(lib);
	assert_int_equal(sum.unchanged, dirs);
	library_close(lib);
}

static size_t issues_of(library *lib)
{
	library_issue *v;
	size_t n = library_issues(lib, &v);
	library_issues_free(v, n);
	return n;
}

/* A build from nothing writes a file of its own beside the index and
 * puts it in the index's place when it ends: another kanbao reading the
 * index meanwhile sees no issue, then, through the library it had open,
 * every one and their hits; this process reads its job's file as it
 * grows; what a build cut short left is removed by the next job; and a
 * job on an index with issues writes in place, seen as it goes. */
static void test_built_beside(void **state)
{
	env *e = *state;
	for (int d = 1; d <= 4; d++)
		sh("mkdir -p '%s/青川日报/2026-04-0%d' && cp '%s/青川日报/2026-03-18/'*.txt '%s/青川日报/2026-04-0%d/'",
		   e->lib, d, e->lib, e->lib, d);
	char build[400];
	snprintf(build, sizeof build, "%s.build", e->db);
	library *lib = open_lib(e, NULL), *other = open_lib(e, NULL);
	sh("printf 'not a database' > '%s'", build);
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	assert_false(library_index_step(job, 1));       /* one issue a step */
	assert_int_equal(build_count(e, "SELECT count(*) FROM issues"), 1);
	size_t one = count_hits(lib, "记者", NULL);
	assert_true(one > 0);
	assert_int_equal(issues_of(lib), 1);
	assert_int_equal(issues_of(other), 0);
	assert_int_equal(count_hits(other, "记者", NULL), 0);
	while (!library_index_step(job, 1))
		;
	library_summary sum;
	library_index_end(job, &sum);
	assert_int_equal(sum.added, 5);
	assert_int_equal(sum.issues, 5);
	struct stat st;
	assert_int_equal(stat(build, &st), -1);
	assert_int_equal(db_count(e, "SELECT count(*) FROM issues"), 5);
	assert_int_equal(issues_of(other), 5);
	assert_int_equal(count_hits(other, "记者", NULL), 5 * one);
	assert_int_equal(count_hits(lib, "记者", NULL), 5 * one);
	char err[512];
	if (!library_check(other, err, sizeof err))
		fail_msg("library_check: %s", err);
	sqlite3 *db;
	sqlite3_stmt *jm;
	assert_int_equal(sqlite3_open(e->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &jm, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(jm), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(jm, 0), "wal");
	sqlite3_finalize(jm);
	sqlite3_close(db);
	/* two new issues: in place */
	for (int d = 1; d <= 2; d++)
		sh("mkdir -p '%s/青川日报/2026-05-0%d' && cp '%s/青川日报/2026-03-18/'*.txt '%s/青川日报/2026-05-0%d/'",
		   e->lib, d, e->lib, e->lib, d);
	job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	assert_false(library_index_step(job, 1));
	assert_int_equal(stat(build, &st), -1);
	assert_int_equal(issues_of(other), 6);
	while (!library_index_step(job, 1))
		;
	library_index_end(job, &sum);
	assert_int_equal(sum.added, 2);
	assert_int_equal(issues_of(other), 7);
	assert_int_equal(count_hits(other, "记者", NULL), 7 * one);
	library_close(other);
	library_close(lib);
	assert_string_equal(e->warnings, "");
}

/* Indexing with the issues ahead parsed in a second thread gives the
 * index the one thread gives: the same issues, the same hits, and an
 * FTS5 index that holds exactly the tokens of the stored text
 * (library_check tokenizes every row again, while the indexer gave the
 * tokens it had found beforehand); and the same after a change. */
static library_summary index_ahead(library *lib, bool expect_thread)
{
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	assert_int_equal(library_index_ahead(job), expect_thread);
	while (!library_index_step(job, 1000))
		;
	library_summary sum;
	library_index_end(job, &sum);
	return sum;
}

static void same_library(library *a, library *b)
{
	library_issue *va, *vb;
	size_t na = library_issues(a, &va), nb = library_issues(b, &vb);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(va[i].path, vb[i].path);
		assert_string_equal(va[i].paper, vb[i].paper);
		assert_string_equal(va[i].date, vb[i].date);
		assert_int_equal(va[i].pages, vb[i].pages);
		assert_int_equal(va[i].articles, vb[i].articles);
		assert_true(va[i].fingerprint == vb[i].fingerprint);
	}
	library_issues_free(va, na);
	library_issues_free(vb, nb);
	static const char *const queries[] = { "高新区", "本报记者", "economy", "2025", "的", "鲸落",
					       "雪豹", "青川日报", "摄", "项目建设", "ü" };
	for (size_t q = 0; q < UTIL_ARRAY_LEN(queries); q++) {
		library_hit *ha, *hb;
		size_t ka = library_search(a, queries[q], LIBRARY_NEWEST, 0, &ha);
		size_t kb = library_search(b, queries[q], LIBRARY_NEWEST, 0, &hb);
		assert_int_equal(ka, kb);
		for (size_t i = 0; i < ka; i++) {
			assert_string_equal(ha[i].path, hb[i].path);
			assert_int_equal(ha[i].article, hb[i].article);
			assert_int_equal(ha[i].element, hb[i].element);
			assert_int_equal(ha[i].start, hb[i].start);
			assert_int_equal(ha[i].end, hb[i].end);
		}
		library_hits_free(ha, ka);
		library_hits_free(hb, kb);
	}
	char err[512];
	if (!library_check(a, err, sizeof err) || !library_check(b, err, sizeof err))
		fail_msg("library_check: %s", err);
}

static void test_ahead_same_index(void **state)
{
	env *e = *state;
	have_corpus(e);
	add_latin_issue(e);
	for (int d = 1; d <= 4; d++)
		sh("mkdir -p '%s/青川日报/2026-04-0%d' && cp '%s/青川日报/2026-03-18/'*.txt '%s/青川日报/2026-04-0%d/'",
		   e->lib, d, e->lib, e->lib, d);
	sh("mkdir -p '%s/晚报/2025-01-02' && printf '标题一行\\n\\n正文说到了鲸落。\\n' > '%s/晚报/2025-01-02/1.txt'",
	   e->lib, e->lib);
	char db2[320];
	snprintf(db2, sizeof db2, "%s/cache/ahead.db", e->dir);
	library *one = open_lib(e, NULL);
	library_options o = { e->lib, db2, collect, e };
	char err[1024];
	library *two = library_open(&o, err, sizeof err);
	assert_non_null(two);
	library_summary s1 = index_all(one), s2 = index_ahead(two, true);
	assert_int_equal(s1.added, s2.added);
	assert_true(s2.added >= 7);
	same_library(one, two);
	/* a changed issue, a touched one, a new one and a removed one */
	sh("sleep 0.01; printf '标题一行\\n\\n正文说到了雪豹。\\n' > '%s/晚报/2025-01-02/1.txt'", e->lib);
	sh("touch -d '2001-01-01' '%s/青川日报/2026-04-01/'*.txt", e->lib);
	sh("rm -r '%s/青川日报/2026-04-02'", e->lib);
	sh("mkdir -p '%s/晚报/2025-01-03' && printf '另一标题\\n\\n说到鲸落。\\n' > '%s/晚报/2025-01-03/1.txt'",
	   e->lib, e->lib);
	s1 = index_all(one);
	s2 = index_ahead(two, true);
	assert_int_equal(s2.changed, 1);
	assert_int_equal(s2.added, 1);
	assert_int_equal(s2.removed, 1);
	assert_int_equal(s1.unchanged, s2.unchanged);
	same_library(one, two);
	/* nothing to do: no thread */
	s2 = index_ahead(two, false);
	assert_int_equal(s2.added + s2.changed + s2.removed, 0);
	library_close(one);
	library_close(two);
	assert_string_equal(e->warnings, "");
}

/* The library view indexes in a second thread while the reader loads
 * and searches issues in the first: the parser's lazily filled tables
 * are made before the thread starts (issue_threads_ready), so both
 * parse at once and get what one thread alone gets (run first, while
 * this process has filled none of them; see tsan in the README). */
static void test_ahead_while_reading(void **state)
{
	env *e = *state;
	bool corpus = have_corpus(e);
	add_latin_issue(e);
	for (int d = 1; d <= 6; d++)
		sh("mkdir -p '%s/青川日报/2026-04-0%d' && cp '%s/青川日报/2026-03-18/'*.txt '%s/青川日报/2026-04-0%d/'",
		   e->lib, d, e->lib, e->lib, d);
	char paths[3][400];
	snprintf(paths[0], sizeof paths[0], "%s/青川日报/2026-03-18", e->lib);
	snprintf(paths[1], sizeof paths[1], "%s/测试日报/2026-01-05", e->lib);
	snprintf(paths[2], sizeof paths[2], "%s/通辽日报/20250828", e->lib);
	size_t npaths = corpus ? 3 : 2;
	library *lib = open_lib(e, NULL);
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	assert_non_null(job);
	assert_true(library_index_ahead(job));
	uint64_t fp[3] = { 0 };
	size_t arts[3] = { 0 }, hits[3] = { 0 };
	bool done = false;
	for (int round = 0; !done || round < 2; round++) {
		for (size_t i = 0; i < npaths; i++) {
			doc_issue *issue = load_folder(paths[i]);
			search_index *ix = search_index_new(issue);
			search_result res;
			search_run(ix, "记者", strlen("记者"), &res);
			if (round == 0) {
				fp[i] = doc_issue_fingerprint(issue);
				arts[i] = doc_narticles(issue);
				hits[i] = res.nhits;
			} else {
				assert_true(fp[i] == doc_issue_fingerprint(issue));
				assert_int_equal(arts[i], doc_narticles(issue));
				assert_int_equal(hits[i], res.nhits);
			}
			search_result_free(&res);
			search_index_free(ix);
			doc_issue_free(issue);
		}
		if (!done)
			done = library_index_step(job, 1000000);
	}
	library_summary sum;
	library_index_end(job, &sum);
	assert_int_equal(sum.added, npaths + 6);
	char err[512];
	if (!library_check(lib, err, sizeof err))
		fail_msg("library_check: %s", err);
	for (size_t i = 0; i < npaths; i++)
		assert_true(count_hits(lib, "记者", paths[i]) > 0 || hits[i] == 0);
	library_close(lib);
	assert_string_equal(e->warnings, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ahead_while_reading, setup, teardown),
		cmocka_unit_test(test_tokenizer),
		cmocka_unit_test(test_indexed_table),
		cmocka_unit_test(test_dates_in_names),
		cmocka_unit_test(test_roots),
		cmocka_unit_test_setup_teardown(test_discovery, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_hits_as_the_issue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_touched_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fresh_without_walk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ranked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ranked_ties_at_the_cut, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pairs_rank_as_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chars_rank_from_segments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_segments_built_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_segments_of_32_in_one_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phrases_rank_as_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phrases_rank_from_segments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_issue_without_terms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ranked_made_later, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ranked_counts_across_splits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_issues_kept_between_searches, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_file_layout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fts5_merged_bit_by_bit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_random, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_old_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_root, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_indexers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_built_beside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ahead_same_index, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
