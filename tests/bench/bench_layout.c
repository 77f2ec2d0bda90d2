/* bench_layout.c — the layout engine against a bare libunistring loop.
 *
 *   bench_layout FILE [WIDTH]
 *
 * Every non-blank line of FILE becomes a paragraph of one article. Times
 * (a) u8_width_linebreaks over every paragraph at WIDTH (default 80), the
 * least any wrapping must do, and (b) layout_article of the whole article
 * at WIDTH, each the best of three runs, then prints both and the ratio
 * (a)/(b): the speed of the layout engine relative to the bare loop (the
 * goal is >= 0.7).
 * Build: cc -O2 -Iinclude -D_GNU_SOURCE tests/bench/bench_layout.c
 *        src/layout.c src/text.c src/pattern.c src/doc.c src/util.c -lunistring
 */
#include "doc.h"
#include "layout.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

enum { RUNS = 3 };

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	util_buf b = { 0 };
	char chunk[1 << 16];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		util_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.data ? b.data : util_strdup("");
}

/* One article whose paragraphs are the non-blank lines of text. */
static doc_issue *issue_of_lines(char *text, size_t len)
{
	doc_issue *issue = doc_issue_new();
	doc_source src = { text, len, text, free, NULL };
	doc_begin_page(issue, util_strdup("bench"), src);
	doc_begin_article(issue);
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		const char *e = line_end;
		if (e > p && e[-1] == '\r')
			e--;
		if (text_skip_space(p, e) < e)
			doc_add_block(issue, DOC_PARAGRAPH, doc_str_make(p, (size_t)(e - p)));
		p = line_end + 1;
	}
	return issue;
}

static double seconds_since(uint64_t t0)
{
	return (double)(util_now_ns() - t0) / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_layout FILE [WIDTH]\n");
		return 2;
	}
	int width = argc > 2 ? atoi(argv[2]) : 80;
	text_init_locale(NULL);
	size_t len;
	char *text = read_file(argv[1], &len);
	if (!text) {
		perror(argv[1]);
		return 1;
	}
	doc_issue *issue = issue_of_lines(text, len);
	const doc_article *a = doc_article_at(issue, 0);

	/* The best of a few runs of each: the machine may be busy. */
	char *brk = NULL;
	size_t brk_cap = 0;
	long columns = 0;
	double bare = 0, ours = 0;
	layout_options opt;
	layout_default_options(&opt);
	layout *lay = NULL;
	for (int run = 0; run < RUNS; run++) {
		uint64_t t0 = util_now_ns();
		columns = 0;
		for (uint32_t i = 0; i < a->nblocks; i++) {
			doc_str s = doc_block_at(issue, a->first_block + i)->text;
			util_grow((void **)&brk, &brk_cap, s.len, 1);
			columns += u8_width_linebreaks((const uint8_t *)s.s, s.len, width,
						       0, 0, NULL, "UTF-8", brk);
		}
		double t = seconds_since(t0);
		bare = run == 0 || t < bare ? t : bare;

		layout_free(lay);
		t0 = util_now_ns();
		lay = layout_article(issue, 0, width, &opt);
		t = seconds_since(t0);
		ours = run == 0 || t < ours ? t : ours;
	}
	free(brk);

	printf("%zu bytes, %u paragraphs, width %d\n", len, a->nblocks, width);
	printf("(a) u8_width_linebreaks: %.3f s (%.1f MB/s; %ld end columns)\n",
	       bare, (double)len / 1e6 / bare, columns);
	printf("(b) layout_article:      %.3f s (%.1f MB/s; %zu lines, %zu spans)\n",
	       ours, (double)len / 1e6 / ours, lay->nlines, lay->nspans);
	printf("speed ratio (a)/(b): %.2f\n", bare / ours);
	layout_free(lay);
	doc_issue_free(issue);
	return 0;
}
