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
 */
#include "doc.h"
#include "search.h"
#include "text.h"
#include "util.h"

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
	doc_source src = { text, len, text, free };
	doc_begin_page(issue, "bench", src);
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

int main(int argc, char **argv)
{
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
