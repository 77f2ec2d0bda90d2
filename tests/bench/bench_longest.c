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
 * the converters are opened (timed once): what --dump and --json pay.
 * Then what the reader pays, screen by screen: the article laid out at
 * 47 columns (the pane at 80), 23 rows a screen, a Space moving 21 lines;
 * each run a new script_view (nothing converted yet) asked for the shown
 * text of every span of each screen in turn, as the reader draws it; a
 * run's figure is its worst screen. Back: the same screens of the
 * converted texts, each text converted (script_convert_aligned, as the
 * view does) when a screen first shows it. Prints, in ns:
 *   open NS_TO NS_BACK
 *   to MEDIAN MIN MAX BYTES
 *   back MEDIAN MIN MAX BYTES
 *   screen_to MEDIAN MIN MAX BYTES       (bytes converted by the worst screen)
 *   screen_back MEDIAN MIN MAX BYTES
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

enum { SCREEN_ROWS = 23, SCREEN_STEP = 21, SCREEN_WIDTH = 47 };

/* One run of the reader's screens over `lay`: the worst screen's time,
 * and the bytes it converted in *worst_bytes. With texts (the converted
 * texts), each text is converted back when first on a screen; without,
 * a new view of the issue converts it. */
static uint64_t screens_run(doc_issue *issue, uint32_t index, const layout *lay, script_target to,
			    script_kind from, char **texts, const size_t *lens, size_t *worst_bytes)
{
	uint32_t n = doc_article_nelements(doc_article_at(issue, index));
	uint8_t *done = util_calloc(n ? n : 1, 1);
	script_view *v = texts ? NULL : script_view_new(issue, to);
	uint64_t worst = 0;
	size_t conv = 0;
	for (size_t top = 0; top == 0 || top < lay->nlines; top += SCREEN_STEP) {
		size_t before = conv;
		uint64_t t0 = bench_now_ns();
		for (size_t l = top; l < top + SCREEN_ROWS && l < lay->nlines; l++) {
			const layout_line *line = &lay->lines[l];
			for (uint32_t k = 0; k < line->nspans; k++) {
				uint32_t e = lay->spans[line->first_span + k].element;
				if (!texts) {
					doc_str t = doc_element_shown(issue, index, e);
					if (!t.s && t.len)
						util_fatal("no shown text");
				} else if (!done[e]) {
					done[e] = 1;
					conv += lens[e];
					free(lens[e] ? script_convert_aligned(to, from, texts[e], lens[e]) : NULL);
				}
			}
		}
		uint64_t dt = bench_now_ns() - t0;
		if (v)
			conv = script_view_converted(v);
		if (dt > worst) {
			worst = dt;
			*worst_bytes = conv - before;
		}
	}
	script_view_free(v);
	free(done);
	return worst;
}

static int convert_mode(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench_longest --convert RUNS PAGE INDEX\n");
		return 2;
	}
	int runs = bench_count(argv[2], "RUNS");
	text_init_locale(NULL);
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

	layout_options opt;
	layout_default_options(&opt);
	layout *lay = layout_article(issue, (uint32_t)index, SCREEN_WIDTH, &opt);
	size_t wb_to = 0, wb_back = 0;
	for (int r = 0; r < runs; r++) {
		tt[r] = screens_run(issue, (uint32_t)index, lay, to, from, NULL, NULL, &wb_to);
		tb[r] = screens_run(issue, (uint32_t)index, lay, back, other, conv, lens, &wb_back);
	}
	st = bench_stats_of(tt, (size_t)runs);
	sb = bench_stats_of(tb, (size_t)runs);
	printf("screen_to %.0f %.0f %.0f %zu\n", st.median, st.min, st.max, wb_to);
	printf("screen_back %.0f %.0f %.0f %zu\n", sb.median, sb.min, sb.max, wb_back);
	layout_free(lay);
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
