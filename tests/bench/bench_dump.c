/* bench_dump.c — `kanbao --dump` against the ceiling of any wrapping built
 * on libunistring, in alternating runs.
 *
 *   bench_dump RUNS WIDTH FILE CMD ARGS...
 *
 * Reads and parses FILE as kanbao does (input, parse, link), so that the
 * paragraphs are the ones --dump lays out: every element of every article
 * (header fields and blocks) and every page caption. Then, after one
 * warm-up round, RUNS times: a bare loop of u8_width_linebreaks at WIDTH
 * over those paragraphs (the least any wrapping on libunistring must do:
 * no kinsoku, no indent, no graphemes, no output), timed with the
 * harness's clock, and CMD (normally `kanbao --dump --width WIDTH FILE`,
 * a whole process, output to /dev/null); the order swaps every round.
 * Prints, times in ns:
 *   bare MEDIAN MIN MAX NPARAGRAPHS BYTES
 *   anchor MEDIAN MIN MAX STATUS
 * (no peak RSS: this process is too big for it to mean anything, see
 * benchlib.h; alt measures it)
 * Build: cc -std=c11 -O2 -Iinclude -D_GNU_SOURCE tests/bench/bench_dump.c
 *        src/input.c src/parse.c src/pattern.c src/link.c src/text.c
 *        src/doc.c src/util.c -lunistring
 */
#include "doc.h"
#include "input.h"
#include "link.h"
#include "parse.h"
#include "text.h"
#include "util.h"

#include "benchload.h"

#include "benchlib.h"

#include <unilbrk.h>

/* The texts --dump lays out. */
typedef struct paragraphs {
	doc_str *v;
	size_t n, cap;
	size_t bytes;
} paragraphs;

static void add_paragraph(paragraphs *p, doc_str s)
{
	if (s.len == 0)
		return;
	UTIL_PUSH(p->v, p->n, p->cap, s);
	p->bytes += s.len;
}


static void collect(const doc_issue *issue, paragraphs *p)
{
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t e = 0; e < doc_article_nelements(a); e++)
			add_paragraph(p, doc_element_text(issue, a, e));
	}
	for (size_t pg = 0; pg < doc_npages(issue); pg++) {
		const doc_page *page = doc_page_at(issue, pg);
		for (uint32_t c = 0; c < page->ncaptions; c++)
			add_paragraph(p, *doc_page_caption_at(issue, page->first_caption + c));
	}
}

static uint64_t bare_loop(const paragraphs *p, int width, char **brk, size_t *cap,
			  long *columns)
{
	uint64_t t0 = bench_now_ns();
	long sum = 0;
	for (size_t i = 0; i < p->n; i++) {
		util_grow((void **)brk, cap, p->v[i].len, 1);
		sum += u8_width_linebreaks((const uint8_t *)p->v[i].s, p->v[i].len, width,
					   0, 0, NULL, "UTF-8", *brk);
	}
	*columns = sum;
	return bench_now_ns() - t0;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: bench_dump RUNS WIDTH FILE CMD ARGS...\n");
		return 2;
	}
	int runs = bench_count(argv[1], "RUNS");
	int width = bench_count(argv[2], "WIDTH");
	char **cmd = argv + 4;
	if (runs < 1 || width < 1) {
		fprintf(stderr, "bench_dump: RUNS and WIDTH must be at least 1\n");
		return 2;
	}
	text_init_locale(NULL);
	doc_issue *issue = bench_load_issue(argv[3]);
	paragraphs p = { 0 };
	collect(issue, &p);

	uint64_t *bare = util_malloc((size_t)runs * sizeof *bare);
	uint64_t *theirs = util_malloc((size_t)runs * sizeof *theirs);
	char *brk = NULL;
	size_t brk_cap = 0;
	long columns = 0;
	int status = 0;
	for (int round = -1; round < runs; round++) {
		uint64_t mine = 0;
		bench_run r;
		if (round % 2 == 0)
			mine = bare_loop(&p, width, &brk, &brk_cap, &columns);
		if (!bench_run_cmd(cmd, -1, &r))
			return 1;
		if (round % 2 != 0)
			mine = bare_loop(&p, width, &brk, &brk_cap, &columns);
		if (round < 0)
			continue;
		bare[round] = mine;
		theirs[round] = r.ns;
		status = r.status;
	}
	bench_stats b = bench_stats_of(bare, (size_t)runs);
	bench_stats a = bench_stats_of(theirs, (size_t)runs);
	printf("# %zu paragraphs, %zu bytes, width %d, %ld end columns\n", p.n, p.bytes, width, columns);
	printf("bare %.0f %.0f %.0f %zu %zu\n", b.median, b.min, b.max, p.n, p.bytes);
	printf("anchor %.0f %.0f %.0f %d\n", a.median, a.min, a.max, status);
	free(brk);
	free(bare);
	free(theirs);
	free(p.v);
	doc_issue_free(issue);
	return 0;
}
