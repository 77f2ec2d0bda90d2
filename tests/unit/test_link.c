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

/* What the model says of element e of an article (kind NONE when it is
 * no jump line). */
typedef struct jump_view {
	doc_jump_kind kind;
	int page, page_index;
	int32_t target;
} jump_view;

static jump_view jump_at(const doc_issue *issue, uint32_t article, uint32_t e)
{
	jump_view v = { DOC_JUMP_NONE, 0, -1, -1 };
	const doc_jump *j = doc_element_jump(issue, doc_article_at(issue, article), e);
	if (j) {
		v.kind = (doc_jump_kind)j->kind;
		v.page = j->page;
		v.page_index = j->page_index;
		v.target = j->target;
	}
	return v;
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
	jump_view j = jump_at(issue, a, jump_element(issue, a, 0));
	assert_int_equal(j.kind, DOC_JUMP_TO);
	assert_int_equal(j.page, 2);
	assert_true(j.target >= 0);
	const doc_article *t = doc_article_at(issue, (size_t)j.target);
	assert_int_equal(t->page, 1);
	assert_int_equal(doc_article_at(issue, a)->continues, j.target);
	assert_int_equal(t->continued_from, (int32_t)a);
	/* and back from the continuation's (上接第1版) */
	jump_view back = jump_at(issue, (uint32_t)j.target, jump_element(issue, (uint32_t)j.target, 0));
	assert_int_equal(back.kind, DOC_JUMP_FROM);
	assert_int_equal(back.target, (int32_t)a);

	/* the teaser on page 1 leads to page 4 */
	uint32_t teaser = UINT32_MAX;
	for (uint32_t i = 0; i < doc_narticles(issue) && teaser == UINT32_MAX; i++) {
		const doc_article *x = doc_article_at(issue, i);
		for (uint32_t b = 0; b < x->nblocks; b++) {
			jump_view k = jump_at(issue, i, DOC_NFIELDS + b);
			if (k.kind == DOC_JUMP_SEE) {
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
			jump_view k = jump_at(issue, i, DOC_NFIELDS + b);
			if (k.kind == DOC_JUMP_TO)
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
	jump_view j = jump_at(issue, 0, jump_element(issue, 0, 0));
	assert_int_equal(j.kind, DOC_JUMP_TO);
	assert_int_equal(j.page, 3);
	assert_int_equal(j.target, -1);
	assert_int_equal(j.page_index, -1);     /* "第3版 is not in this issue" */
	assert_int_equal(doc_article_at(issue, 0)->continues, -1);
	/* a paragraph is no jump line */
	assert_int_equal(jump_at(issue, 0, DOC_NFIELDS).kind, DOC_JUMP_NONE);
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

/* Issue 13, item 4: the page exists but holds no continuation. The model
 * says which page was searched, so the message can say so (instead of
 * "第2版 is not in this issue"). */
static void test_page_without_partner(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	add_page(issue, "01.txt", "青川举行春季运动会\n\n本报讯(记者 宋河) 青川市春季运动会今天开幕,\n\n■下转第2版\n");
	add_page(issue, "02.txt", "湿地公园迎来候鸟\n\n本报记者 方舟\n\n入冬以来,湿地公园迎来大批候鸟。\n");
	link_resolve(issue);
	jump_view j = jump_at(issue, 0, jump_element(issue, 0, 0));
	assert_int_equal(j.kind, DOC_JUMP_TO);
	assert_int_equal(j.target, -1);
	assert_int_equal(j.page_index, 1);
	doc_issue_free(issue);
}

/* Before linking, a jump says it is not linked yet. */
static void test_pending_before_link(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	add_page(issue, "1.txt", "青川举行春季运动会\n\n本报讯(记者 宋河) 青川市春季运动会今天开幕,\n\n■下转第3版\n");
	jump_view j = jump_at(issue, 0, jump_element(issue, 0, 0));
	assert_int_equal(j.kind, DOC_JUMP_TO);
	assert_int_equal(j.page, 3);
	assert_int_equal(j.target, DOC_TARGET_PENDING);
	doc_issue_free(issue);
}

/* Text of a story in two parts: the first on page `from` jumping to
 * page `to`, the second there pointing back. */
static void story(util_buf *first, util_buf *second, int n, int from, int to, bool same_headline)
{
	static const char *const heads[] = { "青川高新区首季新签约项目", "湿地公园迎来大批候鸟越冬",
					     "春播稳步推进六十万亩良田", "老街改造留住城市的记忆" };
	const char *h = heads[n % 4];
	if (same_headline)
		util_buf_printf(first, "%s\n\n", h);
	else
		util_buf_printf(first, "%s第%d号\n\n", h, n);
	util_buf_printf(first, "本报讯(记者 宋河) 这是第%d篇报道的开头,内容很长。\n\n■下转第%d版\n\n", n, to);
	if (same_headline)
		util_buf_printf(second, "%s\n\n", h);
	else
		util_buf_printf(second, "%s第%d号\n\n", h, n);
	util_buf_printf(second, "(上接第%d版)\n\n这是第%d篇报道的后半部分。\n\n", from, n);
}

/* An issue made of copies of the same two pages: each copy links within
 * itself (the first page with the number from the jump's page on). */
static void test_copies_link_within_themselves(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	for (int copy = 0; copy < 3; copy++) {
		util_buf p1 = { 0 }, p2 = { 0 };
		for (int n = 0; n < 4; n++)
			story(&p1, &p2, n, 1, 2, true);
		util_buf_printf(&p1, "第1版\n");
		util_buf_printf(&p2, "第2版\n");
		add_page(issue, "1.txt", util_buf_cstr(&p1));
		add_page(issue, "2.txt", util_buf_cstr(&p2));
		util_buf_free(&p1);
		util_buf_free(&p2);
	}
	link_resolve(issue);
	size_t linked = 0;
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		if (a->continues < 0)
			continue;
		linked++;
		const doc_article *t = doc_article_at(issue, (size_t)a->continues);
		assert_int_equal(t->page, a->page + 1);
		assert_int_equal(t->continued_from, (int32_t)i);
		/* the 上接 line leads back to the same article: one form of link */
		jump_view back = jump_at(issue, (uint32_t)a->continues, jump_element(issue, (uint32_t)a->continues, 0));
		assert_int_equal(back.kind, DOC_JUMP_FROM);
		assert_int_equal(back.target, (int32_t)i);
	}
	assert_int_equal(linked, 12);
	doc_issue_free(issue);
}

/* One page of thousands of stories that jump within it, all with the same
 * few headlines: every one links to its own second part, and in linear
 * time (the old linker took seconds here: every jump scored every
 * article of the page). */
static void test_thousands_of_jumps(void **state)
{
	(void)state;
	enum { STORIES = 6000 };
	util_buf first = { 0 }, second = { 0 };
	for (int n = 0; n < STORIES; n++)
		story(&first, &second, n, 1, 1, true);
	util_buf_adds(&first, util_buf_cstr(&second));
	doc_issue *issue = doc_issue_new();
	add_page(issue, "1.txt", util_buf_cstr(&first));
	util_buf_free(&first);
	util_buf_free(&second);
	uint64_t t0 = util_now_ns();
	link_resolve(issue);
	double ms = (double)(util_now_ns() - t0) / 1e6;
	size_t linked = 0;
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		if (a->continues >= 0) {
			linked++;
			assert_true(a->continues > (int32_t)i);
		}
	}
	assert_int_equal(linked, STORIES);
	print_message("%d jumps linked in %.1f ms\n", STORIES, ms);
	assert_true(ms < 2000);
	doc_issue_free(issue);
}

/* Linked in steps: a small budget gives the same links as all at once,
 * and no step does more than its budget of work. */
static void test_steps(void **state)
{
	(void)state;
	doc_issue *issue = doc_issue_new();
	add_file(issue, "sample/01.txt");
	add_file(issue, "sample/02.txt");
	add_file(issue, "sample/03.txt");
	add_file(issue, "sample/04.txt");
	link_index *li = link_new(issue);
	size_t steps = 0;
	for (size_t pages = 0; pages <= doc_npages(issue); pages++)
		while (!link_step(li, pages, pages == doc_npages(issue), 3))
			steps++;
	link_free(li);
	assert_true(steps > 10);
	doc_issue *whole = doc_issue_new();
	add_file(whole, "sample/01.txt");
	add_file(whole, "sample/02.txt");
	add_file(whole, "sample/03.txt");
	add_file(whole, "sample/04.txt");
	link_resolve(whole);
	assert_int_equal(doc_njumps(issue), doc_njumps(whole));
	for (size_t k = 0; k < doc_njumps(issue); k++) {
		assert_int_equal(doc_jump_at(issue, k)->target, doc_jump_at(whole, k)->target);
		assert_int_equal(doc_jump_at(issue, k)->page_index, doc_jump_at(whole, k)->page_index);
		assert_int_not_equal(doc_jump_at(issue, k)->target, DOC_TARGET_PENDING);
	}
	for (size_t i = 0; i < doc_narticles(issue); i++)
		assert_int_equal(doc_article_at(issue, i)->continues, doc_article_at(whole, i)->continues);
	doc_issue_free(issue);
	doc_issue_free(whole);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_jumps),
		cmocka_unit_test(test_missing_page),
		cmocka_unit_test(test_no_false_partner),
		cmocka_unit_test(test_page_without_partner),
		cmocka_unit_test(test_pending_before_link),
		cmocka_unit_test(test_copies_link_within_themselves),
		cmocka_unit_test(test_thousands_of_jumps),
		cmocka_unit_test(test_steps),
	};
	return cmocka_run_group_tests_name("link", tests, NULL, NULL);
}
