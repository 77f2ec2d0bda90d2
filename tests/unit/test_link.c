/* Jump lines between pages, on the bundled sample issue (our own writing):
 * 下转第2版 → a continuation that points back with (上接第1版); 下转第3版 →
 * a continuation found by its repeated headline alone; 详见第4版 → the
 * article a teaser announces; a jump to a page the issue lacks. */
#include "testutil.h"
#include "doc.h"
#include "link.h"
#include "parse.h"
#include "text.h"
#include "util.h"

static void release(void *p)
{
	free(p);
}

static void add_page(doc_issue *issue, const char *name, const char *text)
{
	char *copy = util_strdup(text);
	doc_source src = { copy, strlen(copy), copy, release, NULL };
	parse_page(issue, name, src);
}

static void add_file(doc_issue *issue, const char *rel)
{
	tu_parse_into(issue, tu_src_path(rel), rel);
}

/* Index of the article with this headline, or fails. */
static uint32_t find(const doc_issue *issue, const char *headline)
{
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		doc_str h = doc_article_at(issue, i)->field[DOC_F_HEADLINE];
		if (h.len == strlen(headline) && memcmp(h.s, headline, h.len) == 0)
			return i;
	}
	fail_msg("no article %s", headline);
	return 0;
}

/* The element of the first jump block of an article. */
static uint32_t jump_element(const doc_issue *issue, uint32_t article, int nth)
{
	const doc_article *a = doc_article_at(issue, article);
	for (uint32_t b = 0; b < a->nblocks; b++)
		if (doc_block_at(issue, a->first_block + b)->type == DOC_JUMP && nth-- == 0)
			return DOC_NFIELDS + b;
	fail_msg("article %u has no jump line", article);
	return 0;
}

static void test_sample_jumps(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	add_file(issue, "sample/01.txt");
	add_file(issue, "sample/02.txt");
	add_file(issue, "sample/03.txt");
	add_file(issue, "sample/04.txt");
	link_resolve(issue);

	/* page 1 → page 2, the continuation says (上接第1版) */
	uint32_t a = find(issue, "青川高新区首季新签约项目四十二个");
	assert_int_equal(doc_article_at(issue, a)->page, 0);
	link_jump j = link_jump_at(issue, a, jump_element(issue, a, 0));
	assert_int_equal(j.kind, PATTERN_JUMP_TO);
	assert_int_equal(j.page, 2);
	assert_true(j.target >= 0);
	const doc_article *t = doc_article_at(issue, (size_t)j.target);
	assert_int_equal(t->page, 1);
	assert_int_equal(doc_article_at(issue, a)->continues, j.target);
	assert_int_equal(t->continued_from, (int32_t)a);
	/* and back from the continuation's (上接第1版) */
	link_jump back = link_jump_at(issue, (uint32_t)j.target, jump_element(issue, (uint32_t)j.target, 0));
	assert_int_equal(back.kind, PATTERN_JUMP_FROM);
	assert_int_equal(back.target, (int32_t)a);

	/* the teaser on page 1 leads to page 4 */
	uint32_t teaser = UINT32_MAX;
	for (uint32_t i = 0; i < doc_narticles(issue) && teaser == UINT32_MAX; i++) {
		const doc_article *x = doc_article_at(issue, i);
		for (uint32_t b = 0; b < x->nblocks; b++) {
			link_jump k = link_jump_at(issue, i, DOC_NFIELDS + b);
			if (k.kind == PATTERN_JUMP_SEE) {
				assert_int_equal(k.page, 4);
				assert_true(k.target >= 0);
				assert_int_equal(doc_article_at(issue, (size_t)k.target)->page, 3);
				teaser = i;
			}
		}
	}
	assert_int_not_equal(teaser, UINT32_MAX);
	/* every 下转 in the sample finds its continuation */
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *x = doc_article_at(issue, i);
		for (uint32_t b = 0; b < x->nblocks; b++) {
			link_jump k = link_jump_at(issue, i, DOC_NFIELDS + b);
			if (k.kind == PATTERN_JUMP_TO)
				assert_true(k.target >= 0 && x->continues == k.target);
		}
	}
	doc_issue_free(issue);
}

static void test_missing_page(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	add_page(issue, "1.txt", "青川举行春季运动会\n\n本报讯(记者 宋河) 青川市春季运动会今天开幕,\n\n■下转第3版\n");
	link_resolve(issue);
	link_jump j = link_jump_at(issue, 0, jump_element(issue, 0, 0));
	assert_int_equal(j.kind, PATTERN_JUMP_TO);
	assert_int_equal(j.page, 3);
	assert_int_equal(j.target, -1);
	assert_int_equal(doc_article_at(issue, 0)->continues, -1);
	/* a paragraph is no jump line */
	assert_int_equal(link_jump_at(issue, 0, DOC_NFIELDS).kind, PATTERN_JUMP_NONE);
	doc_issue_free(issue);
}

/* A continuation whose headline differs and that does not point back is
 * not taken for one. */
static void test_no_false_partner(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	add_page(issue, "1.txt", "青川举行春季运动会\n\n本报讯(记者 宋河) 青川市春季运动会今天开幕,\n\n■下转第2版\n");
	add_page(issue, "2.txt", "湿地公园迎来候鸟\n\n本报记者 方舟\n\n入冬以来,湿地公园迎来大批候鸟。\n");
	link_resolve(issue);
	assert_int_equal(doc_article_at(issue, 0)->continues, -1);
	doc_issue_free(issue);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_jumps),
		cmocka_unit_test(test_missing_page),
		cmocka_unit_test(test_no_false_partner),
	};
	return cmocka_run_group_tests_name("link", tests, NULL, NULL);
}
