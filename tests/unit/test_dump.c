/* --dump on the real corpus pages (read at run time) at every width from
 * 20 to 120: no line wider than the width, no escape sequence, no line
 * continuing a block starts with a character clreq's basic level forbids
 * at a line start, no line a break ends finishes with an opening bracket,
 * and the dumped text equals the parsed (--json) text once line breaks and
 * indent are removed — with the Chinese punctuation restored (punct.c,
 * the default), and exactly as parsed with cjk_punctuation = keep. Skipped with a message when the corpus is absent. */
#include "testutil.h"
#include "doc.h"
#include "layout.h"
#include "render.h"
#include "link.h"
#include "parse.h"
#include "punct.h"
#include "text.h"
#include "util.h"

static const char forbidden_start[] = "。．，、：；！？”’」』）》〉】〗〕］｝～—·,.:;!?)";
static const char forbidden_end[] = "“‘「『（《〈【〖〔［｛";

static doc_issue *parse_file(const char *path)
{
	doc_issue *issue = tu_parse_file(path);
	link_resolve(issue);
	return issue;
}

static bool in_set(const char *set, const char *c, size_t n)
{
	return memmem(set, strlen(set), c, n) != NULL;
}

/* Appends s without spaces (ASCII, ideographic) or line ends. */
static void add_squeezed(util_buf *b, const char *s, size_t len)
{
	if (!len)
		return;
	const char *end = s + len;
	while (s < end) {
		uint32_t cp;
		int n = text_decode(s, end, &cp);
		if (!text_is_space(cp) && cp != '\n')
			util_buf_add(b, s, (size_t)n);
		s += n;
	}
}

/* add_squeezed, the punctuation restored first when `restore`. */
static void add_text(util_buf *b, const char *s, size_t len, bool restore)
{
	if (!restore) {
		add_squeezed(b, s, len);
		return;
	}
	util_buf r = { 0 };
	punct_restore(s, len, &r);
	add_squeezed(b, r.data, r.len);
	util_buf_free(&r);
}

/* What the layout adds to an article at this width (layout.h), found in
 * its layout: the 上接 line of a continuation and the brackets around a
 * byline on its dateline's line. The text itself comes from the model. */
static void expected_article(const doc_issue *issue, uint32_t ai, int width,
			     const layout_options *opt, util_buf *b, bool restore)
{
	const doc_article *a = doc_article_at(issue, ai);
	layout *lay = layout_article(issue, ai, width, opt);
	bool bracketed = false;
	for (size_t k = 0; k < lay->nspans; k++) {
		const layout_span *sp = &lay->spans[k];
		if (!(sp->flags & LAYOUT_F_DECO))
			continue;
		if (sp->style == LAYOUT_S_NOTE && sp->element == DOC_F_COLUMN) {
			assert_true(sp->end - sp->start > strlen("上接第") &&
				    memcmp(lay->deco + sp->start, "上接第", strlen("上接第")) == 0);
			add_squeezed(b, lay->deco + sp->start, sp->end - sp->start);
		}
		bracketed |= sp->element == DOC_F_BYLINE;
	}
	layout_free(lay);
	/* the dateline before the byline, as printed */
	static const uint32_t order[] = {
		DOC_F_COLUMN, DOC_F_KICKER, DOC_F_HEADLINE, DOC_F_SUBTITLE,
		DOC_F_DATELINE, DOC_F_BYLINE,
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(order); i++) {
		doc_str t = doc_element_text(issue, a, order[i]);
		if (order[i] == DOC_F_BYLINE && bracketed)
			util_buf_adds(b, "（");
		add_text(b, t.s, t.len, restore);
		if (order[i] == DOC_F_BYLINE && bracketed)
			util_buf_adds(b, "）");
	}
	for (uint32_t e = DOC_NFIELDS; e < doc_article_nelements(a); e++) {
		doc_str t = doc_element_text(issue, a, e);
		add_text(b, t.s, t.len, restore);
	}
}

static void expected_text(const doc_issue *issue, int width, const layout_options *opt,
			  util_buf *b, bool restore)
{
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		for (uint32_t i = 0; i < pg->narticles; i++)
			expected_article(issue, pg->first_article + i, width, opt, b, restore);
		for (uint32_t c = 0; c < pg->ncaptions; c++) {
			const doc_str *t = doc_page_caption_at(issue, pg->first_caption + c);
			add_text(b, t->s, t->len, restore);
		}
	}
}

static void check_dump_as(const doc_issue *issue, int width, const char *page,
			  layout_punct punct)
{
	layout_options opt;
	layout_default_options(&opt);
	opt.cjk_punctuation = punct;
	/* the text alone: the marks of captions and subheads are test_layout's */
	opt.caption_mark = 0;
	opt.subhead_mark = 0;
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	assert_true(render_dump(issue, width, &opt, NULL, f));
	fclose(f);
	assert_null(memchr(out, 0x1b, outlen));
	for (char *line = out, *nl; line < out + outlen; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(out + outlen - line));
		if (!nl)
			nl = out + outlen;
		int w = text_width(line, (size_t)(nl - line));
		if (w > width)
			fail_msg("%s at %d: a line is %d columns: %.*s", page, width, w, (int)(nl - line), line);
	}
	util_buf want = { 0 }, got = { 0 };
	expected_text(issue, width, &opt, &want, punct == LAYOUT_PUNCT_RESTORE);
	add_squeezed(&got, out, outlen);
	util_buf_cstr(&want);
	util_buf_cstr(&got);
	if (strcmp(want.data, got.data) != 0)
		fail_msg("%s at %d: the dumped text differs from the parsed text (%s)", page, width,
			 punct == LAYOUT_PUNCT_RESTORE ? "restored" : "kept");
	util_buf_free(&want);
	util_buf_free(&got);
	free(out);
}

static void check_dump(const doc_issue *issue, int width, const char *page)
{
	check_dump_as(issue, width, page, LAYOUT_PUNCT_RESTORE);
	if (width % 10 == 0)
		check_dump_as(issue, width, page, LAYOUT_PUNCT_KEEP);
}

/* The first / last character of a line's text. */
static void line_ends(const doc_issue *issue, const doc_article *a, const layout *lay,
		      const layout_line *line, const char **first, int *nfirst,
		      const char **last, int *nlast)
{
	const layout_span *s0 = &lay->spans[line->first_span];
	const layout_span *s1 = &lay->spans[line->first_span + line->nspans - 1];
	doc_str t0 = layout_span_text(lay, s0, doc_element_text(issue, a, s0->element));
	doc_str t1 = layout_span_text(lay, s1, doc_element_text(issue, a, s1->element));
	uint32_t cp;
	*first = t0.s;
	*nfirst = text_decode(*first, t0.s + t0.len, &cp);
	*last = text_prev(t1.s, t1.s + t1.len);
	*nlast = (int)(t1.s + t1.len - *last);
}

static void check_kinsoku(const doc_issue *issue, int width, const char *page)
{
	layout_options opt;
	layout_default_options(&opt);
	opt.center = false;
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		layout *lay = layout_article(issue, i, width, &opt);
		for (size_t l = 0; l < lay->nlines; l++) {
			const layout_line *line = &lay->lines[l];
			if (!line->nspans)
				continue;
			const char *first, *last;
			int nf, nl;
			line_ends(issue, a, lay, line, &first, &nf, &last, &nl);
			if (line->continues && in_set(forbidden_start, first, (size_t)nf))
				fail_msg("%s at %d, article %u: a line starts with %.*s", page, width, i + 1, nf, first);
			bool broken = l + 1 < lay->nlines && lay->lines[l + 1].continues &&
				      lay->lines[l + 1].nspans;
			if (broken && in_set(forbidden_end, last, (size_t)nl))
				fail_msg("%s at %d, article %u: a line ends with %.*s", page, width, i + 1, nl, last);
		}
		layout_free(lay);
	}
}

static void check_page(const char *prefix)
{
	const char *path = tu_corpus_file(prefix);
	if (!path) {
		print_message("skipped: corpus page %s* not found in %s\n", prefix, tu_corpus_dir());
		skip();
	}
	doc_issue *issue = parse_file(path);
	for (int width = 20; width <= 120; width++) {
		check_dump(issue, width, prefix);
		check_kinsoku(issue, width, prefix);
	}
	doc_issue_free(issue);
}

static void test_000(void **state) { (void)state; check_page("000"); }
static void test_001(void **state) { (void)state; check_page("001"); }
static void test_002(void **state) { (void)state; check_page("002"); }
static void test_003(void **state) { (void)state; check_page("003"); }
static void test_004(void **state) { (void)state; check_page("004"); }

/* The same on the bundled sample issue, which is always there. */
static void test_sample(void **state)
{
	(void)state;
	static const char *const pages[] = { "01", "02", "03", "04" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(pages); i++) {
		char rel[64];
		snprintf(rel, sizeof rel, "sample/%s.txt", pages[i]);
		doc_issue *issue = parse_file(tu_src_path(rel));
		for (int width = 20; width <= 120; width += 7) {
			check_dump(issue, width, pages[i]);
			check_kinsoku(issue, width, pages[i]);
		}
		doc_issue_free(issue);
	}
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_000),
		cmocka_unit_test(test_001),
		cmocka_unit_test(test_002),
		cmocka_unit_test(test_003),
		cmocka_unit_test(test_004),
		cmocka_unit_test(test_sample),
	};
	return cmocka_run_group_tests_name("dump", tests, NULL, NULL);
}
