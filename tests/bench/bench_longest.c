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
 */
#include "doc.h"
#include "input.h"
#include "layout.h"
#include "link.h"
#include "parse.h"
#include "text.h"
#include "util.h"

#include "benchload.h"

#include <stdio.h>
#include <stdlib.h>


static size_t article_bytes(const doc_issue *issue, const doc_article *a)
{
	size_t n = 0;
	for (uint32_t e = 0; e < doc_article_nelements(a); e++)
		n += doc_element_text(issue, a, e).len;
	return n;
}

int main(int argc, char **argv)
{
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
