/* bench_longest.c — which article of some pages is the longest, for the
 * redraw measure ("Space in the longest article").
 *
 *   bench_longest PAGE...
 *
 * Parses each page on its own, as `kanbao PAGE` would, and prints the
 * page holding the article with the most text (bytes of all its
 * elements), the article's index in that page (0 = the one kanbao opens
 * at; `J` that many times reaches it), its size, and how many lines it
 * takes laid out at each WIDTH in 40 47 60 80 (to check that a run of
 * page-downs stays inside it):
 *   PAGE INDEX BYTES LINES@40 LINES@47 LINES@60 LINES@80
 *
 * A second mode times the display conversion of that article (script.h):
 *
 *   bench_longest --convert RUNS PAGE INDEX
 *
 * converts every element of the article to the other script (s2t for a
 * simplified page), then that result back (t2s), RUNS times each after
 * the converters are opened (timed once), and prints, in ns:
 *   open NS_TO NS_BACK
 *   to MEDIAN MIN MAX BYTES
 *   back MEDIAN MIN MAX BYTES
 */
#include "doc.h"
#include "input.h"
#include "layout.h"
#include "link.h"
#include "parse.h"
#include "script.h"
#include "text.h"
#include "util.h"

#include "benchlib.h"
#include "benchload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static size_t article_bytes(const doc_issue *issue, const doc_article *a)
{
	size_t n = 0;
	for (uint32_t e = 0; e < doc_article_nelements(a); e++)
		n += doc_element_text(issue, a, e).len;
	return n;
}

/* Converts every element of article `a` written in `from` to `to`; the
 * converted texts are kept in out[] (freed by the caller) when out. */
static uint64_t convert_article(const doc_issue *issue, const doc_article *a, script_target to,
				script_kind from, char **texts, size_t *lens, char **out, size_t *bytes)
{
	uint32_t n = doc_article_nelements(a);
	*bytes = 0;
	uint64_t t0 = bench_now_ns();
	for (uint32_t e = 0; e < n; e++) {
		doc_str t = doc_element_text(issue, a, e);
		const char *s = texts ? texts[e] : t.s;
		size_t len = texts ? lens[e] : t.len;
		size_t olen = 0;
		char *r = len ? script_convert(to, from, s, len, &olen) : NULL;
		if (len && !r)
			util_fatal("no conversion: %s", script_error());
		*bytes += len;
		if (out) {
			out[e] = r;
			lens[e] = olen;
		} else {
			free(r);
		}
	}
	return bench_now_ns() - t0;
}

static int convert_mode(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench_longest --convert RUNS PAGE INDEX\n");
		return 2;
	}
	int runs = bench_count(argv[2], "RUNS");
	doc_issue *issue = bench_load_issue(argv[3]);
	size_t index = (size_t)atol(argv[4]);
	if (index >= doc_narticles(issue))
		util_fatal("no article %zu in %s", index, argv[3]);
	const doc_article *a = doc_article_at(issue, index);
	script_kind from = (script_kind)doc_page_at(issue, a->page)->script;
	script_kind other = from == SCRIPT_KIND_SIMPLIFIED ? SCRIPT_KIND_TRADITIONAL : SCRIPT_KIND_SIMPLIFIED;
	script_target to = from == SCRIPT_KIND_SIMPLIFIED ? SCRIPT_TRADITIONAL : SCRIPT_SIMPLIFIED;
	script_target back = from == SCRIPT_KIND_SIMPLIFIED ? SCRIPT_SIMPLIFIED : SCRIPT_TRADITIONAL;
	uint32_t n = doc_article_nelements(a);
	char **conv = util_calloc(n, sizeof *conv);
	size_t *lens = util_calloc(n, sizeof *lens);
	uint64_t t0 = bench_now_ns();
	if (!script_ready(to, from))
		util_fatal("%s", script_error());
	uint64_t open_to = bench_now_ns() - t0;
	t0 = bench_now_ns();
	if (!script_ready(back, other))
		util_fatal("%s", script_error());
	uint64_t open_back = bench_now_ns() - t0;
	size_t bytes_to, bytes_back;
	convert_article(issue, a, to, from, NULL, lens, conv, &bytes_to);
	uint64_t *tt = util_malloc((size_t)runs * sizeof *tt);
	uint64_t *tb = util_malloc((size_t)runs * sizeof *tb);
	for (int r = 0; r < runs; r++) {
		tt[r] = convert_article(issue, a, to, from, NULL, NULL, NULL, &bytes_to);
		size_t *l2 = util_malloc(n * sizeof *l2 + 1);
		memcpy(l2, lens, n * sizeof *l2);
		tb[r] = convert_article(issue, a, back, other, conv, l2, NULL, &bytes_back);
		free(l2);
	}
	bench_stats st = bench_stats_of(tt, (size_t)runs), sb = bench_stats_of(tb, (size_t)runs);
	printf("open %llu %llu\n", (unsigned long long)open_to, (unsigned long long)open_back);
	printf("to %.0f %.0f %.0f %zu\n", st.median, st.min, st.max, bytes_to);
	printf("back %.0f %.0f %.0f %zu\n", sb.median, sb.min, sb.max, bytes_back);
	for (uint32_t e = 0; e < n; e++)
		free(conv[e]);
	free(conv);
	free(lens);
	free(tt);
	free(tb);
	doc_issue_free(issue);
	script_shutdown();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--convert") == 0)
		return convert_mode(argc, argv);
	if (argc < 2) {
		fprintf(stderr, "usage: bench_longest PAGE...\n");
		return 2;
	}
	text_init_locale(NULL);
	int best_page = 0;
	size_t best_index = 0, best_bytes = 0;
	for (int i = 1; i < argc; i++) {
		doc_issue *issue = bench_load_issue(argv[i]);
		for (size_t k = 0; k < doc_narticles(issue); k++) {
			size_t n = article_bytes(issue, doc_article_at(issue, k));
			if (n > best_bytes) {
				best_page = i;
				best_index = k;
				best_bytes = n;
			}
		}
		doc_issue_free(issue);
	}
	if (best_page == 0) {
		fprintf(stderr, "bench_longest: no article in these pages\n");
		return 1;
	}
	doc_issue *issue = bench_load_issue(argv[best_page]);
	layout_options opt;
	layout_default_options(&opt);
	printf("%s %zu %zu", argv[best_page], best_index, best_bytes);
	static const int widths[] = { 40, 47, 60, 80 };
	for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		layout *lay = layout_article(issue, (uint32_t)best_index, widths[w], &opt);
		printf(" %zu", lay->nlines);
		layout_free(lay);
	}
	putchar('\n');
	doc_issue_free(issue);
	return 0;
}
