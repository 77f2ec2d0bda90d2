/* bench_search.c — speed of the matcher: index building and search_run.
 *
 * Loads a text file, makes each of its lines one paragraph of a single
 * article (built with the doc.h API), folds it into an index and times
 * search_run for a CJK query, an ASCII query that needs case folding and
 * a query with no hit, then search_print of the CJK query to /dev/null.
 *
 *   cc -std=c11 -O2 -Iinclude -D_GNU_SOURCE -o bench_search \
 *      tests/bench/bench_search.c src/search.c src/doc.c src/util.c src/text.c -lunistring
 *   for i in $(seq 1000); do cat ../shared/corpus/[0-9]*.txt; done > /tmp/arch.txt
 *   ./bench_search /tmp/arch.txt
 *
 * The harness (tests/bench/run.sh) uses a second mode, which compares the
 * matcher with an anchor command on the same file, in alternating runs:
 *
 *   bench_search --alt RUNS FILE QUERY CMD ARGS...
 *
 * folds FILE as above, then RUNS times (after one warm-up round) times
 * search_run for QUERY and runs CMD (stdin on /dev/null, stdout on a
 * temporary file: GNU grep stops at the first match when it writes to
 * /dev/null; the order swaps from round to round), and prints, in ns:
 *   matcher MEDIAN MIN MAX NHITS FOLDED_BYTES
 *   anchor MEDIAN MIN MAX STATUS FILE_BYTES
 * (benchlib.h is needed only by this mode.)
 *
 * A third mode times the index build with the script fold (script.h) on
 * and off, in alternating runs, after the fold table is loaded (its load
 * is timed once):
 *
 *   bench_search --fold RUNS FILE
 *
 * prints, in ns: table NS; on MEDIAN MIN MAX BYTES; off MEDIAN MIN MAX BYTES.
 */
#include "doc.h"
#include "script.h"
#include "search.h"
#include "text.h"
#include "util.h"

#include "benchlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		util_fatal("cannot open %s", path);
	util_buf b = { 0 };
	char chunk[1 << 16];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		util_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.data;
}

static doc_issue *issue_of_lines(char *text, size_t len)
{
	doc_issue *issue = doc_issue_new();
	doc_source src = { text, len, text, free, NULL };
	doc_begin_page(issue, util_strdup("bench"), src);
	doc_begin_article(issue);
	for (char *p = text, *end = text + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end;
		char *t = e;
		if (t > p && t[-1] == '\r')
			t--;
		if (t > p)
			doc_add_block(issue, DOC_PARAGRAPH, doc_str_make(p, (size_t)(t - p)));
		p = e + 1;
	}
	return issue;
}

static double seconds(uint64_t ns)
{
	return (double)ns / 1e9;
}

static void time_query(const search_index *ix, const char *label, const char *query)
{
	size_t flen;
	search_index_text(ix, &flen);
	uint64_t best = UINT64_MAX;
	size_t nhits = 0;
	for (int rep = 0; rep < 5; rep++) {
		search_result res;
		uint64_t t0 = util_now_ns();
		search_run(ix, query, strlen(query), &res);
		uint64_t dt = util_now_ns() - t0;
		if (dt < best)
			best = dt;
		nhits = res.nhits;
		search_result_free(&res);
	}
	printf("search %-22s %9zu hits  %8.2f ms  %6.2f GB/s\n", label, nhits,
	       seconds(best) * 1e3, (double)flen / seconds(best) / 1e9);
}

static uint64_t time_search(const search_index *ix, const char *query, size_t *nhits)
{
	search_result res;
	uint64_t t0 = bench_now_ns();
	search_run(ix, query, strlen(query), &res);
	uint64_t dt = bench_now_ns() - t0;
	*nhits = res.nhits;
	search_result_free(&res);
	return dt;
}

/* bench_search --alt RUNS FILE QUERY CMD ARGS... */
static int alternate(int argc, char **argv)
{
	if (argc < 6) {
		fprintf(stderr, "usage: %s --alt RUNS FILE QUERY CMD ARGS...\n", argv[0]);
		return 2;
	}
	int runs = bench_count(argv[2], "RUNS");
	const char *query = argv[4];
	char **cmd = argv + 5;
	text_init_locale(NULL);
	size_t len;
	char *text = read_all(argv[3], &len);
	doc_issue *issue = issue_of_lines(text, len);
	search_index *ix = search_index_new(issue);
	size_t flen;
	search_index_text(ix, &flen);

	uint64_t *ours = util_malloc((size_t)runs * sizeof *ours + 1);
	uint64_t *theirs = util_malloc((size_t)runs * sizeof *theirs + 1);
	size_t nhits = 0;
	int status = 0;
	FILE *out = tmpfile();
	if (!out)
		util_fatal("cannot make a temporary file");
	for (int round = -1; round < runs; round++) {
		uint64_t mine = 0;
		bench_run anchor;
		if (round % 2 == 0)
			mine = time_search(ix, query, &nhits);
		if (!bench_run_cmd(cmd, fileno(out), &anchor))
			return 1;
		if (round % 2 != 0)
			mine = time_search(ix, query, &nhits);
		if (round < 0)
			continue;
		ours[round] = mine;
		theirs[round] = anchor.ns;
		status = anchor.status;
	}
	bench_stats m = bench_stats_of(ours, (size_t)runs);
	bench_stats a = bench_stats_of(theirs, (size_t)runs);
	printf("matcher %.0f %.0f %.0f %zu %zu\n", m.median, m.min, m.max, nhits, flen);
	printf("anchor %.0f %.0f %.0f %d %zu\n", a.median, a.min, a.max, status, len);
	fclose(out);
	free(ours);
	free(theirs);
	search_index_free(ix);
	doc_issue_free(issue);
	return 0;
}

static uint64_t time_build(const doc_issue *issue, bool fold)
{
	script_fold_set_enabled(fold);
	uint64_t t0 = bench_now_ns();
	search_index *ix = search_index_new(issue);
	uint64_t dt = bench_now_ns() - t0;
	search_index_free(ix);
	return dt;
}

/* bench_search --fold RUNS FILE */
static int fold_on_off(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s --fold RUNS FILE\n", argv[0]);
		return 2;
	}
	int runs = bench_count(argv[2], "RUNS");
	text_init_locale(NULL);
	size_t len;
	char *text = read_all(argv[3], &len);
	doc_issue *issue = issue_of_lines(text, len);
	uint64_t t0 = bench_now_ns();
	if (!script_fold_bitmap())
		util_fatal("the script fold is unavailable: %s", script_error());
	printf("table %llu\n", (unsigned long long)(bench_now_ns() - t0));
	uint64_t *on = util_malloc((size_t)runs * sizeof *on + 1);
	uint64_t *off = util_malloc((size_t)runs * sizeof *off + 1);
	for (int round = -1; round < runs; round++) {
		uint64_t a, b;
		if (round % 2 == 0) {
			a = time_build(issue, true);
			b = time_build(issue, false);
		} else {
			b = time_build(issue, false);
			a = time_build(issue, true);
		}
		if (round < 0)
			continue;
		on[round] = a;
		off[round] = b;
	}
	bench_stats m = bench_stats_of(on, (size_t)runs);
	bench_stats o = bench_stats_of(off, (size_t)runs);
	printf("on %.0f %.0f %.0f %zu\n", m.median, m.min, m.max, len);
	printf("off %.0f %.0f %.0f %zu\n", o.median, o.min, o.max, len);
	free(on);
	free(off);
	doc_issue_free(issue);
	script_shutdown();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--alt") == 0)
		return alternate(argc, argv);
	if (argc > 1 && strcmp(argv[1], "--fold") == 0)
		return fold_on_off(argc, argv);
	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", argv[0]);
		return 2;
	}
	text_init_locale(NULL);
	size_t len;
	char *text = read_all(argv[1], &len);
	doc_issue *issue = issue_of_lines(text, len);
	printf("input  %.1f MB, %zu paragraphs\n", (double)len / 1e6, doc_nblocks(issue));

	uint64_t best = UINT64_MAX;
	search_index *ix = NULL;
	for (int rep = 0; rep < 3; rep++) {
		search_index_free(ix);
		uint64_t t0 = util_now_ns();
		ix = search_index_new(issue);
		uint64_t dt = util_now_ns() - t0;
		if (dt < best)
			best = dt;
	}
	size_t flen;
	search_index_text(ix, &flen);
	printf("index  %.1f MB folded  %8.2f ms  %6.0f MB/s\n", (double)flen / 1e6,
	       seconds(best) * 1e3, (double)len / seconds(best) / 1e6);

	time_query(ix, "CJK \"发展\"", "发展");
	time_query(ix, "ASCII \"iso\" (folded)", "iso");
	time_query(ix, "no hit", "没有这样的词ＸＹＺ");

	FILE *null = fopen("/dev/null", "w");
	if (null) {
		uint64_t t0 = util_now_ns();
		size_t n = search_print(issue, ix, "发展", false, null);
		printf("print  CJK \"发展\" %zu lines  %8.2f ms\n", n, seconds(util_now_ns() - t0) * 1e3);
		fclose(null);
	}
	search_index_free(ix);
	doc_issue_free(issue);
	return 0;
}
