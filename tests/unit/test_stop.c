/* Long operations stop when an interrupt is requested (Ctrl-C: ui.c's
 * handler calls util_request_interrupt), so that the reader quits at
 * once and saves: the layout of a huge paragraph and the fold of a huge
 * issue for a search look at the request at a coarse interval. The
 * request comes from a timer signal in the middle of the work, as the
 * user's Ctrl-C would. */
#include "testutil.h"

#include "doc.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "util.h"

#include <signal.h>
#include <sys/time.h>

/* 8 MB: several chunks of the layout's line breaking, several looks of
 * the fold */
#define HUGE_BYTES (8u << 20)

static doc_issue *huge_issue(void)
{
	static const char unit[] = "这是一个非常长的段落，没有换行，用来测试排版是否会让阅读器停住。"
				   "It has Latin words, 2025 numbers and spaces too. ";
	util_buf b = { 0 };
	while (b.len < HUGE_BYTES)
		util_buf_adds(&b, unit);
	doc_issue *issue = doc_issue_new();
	doc_source none = { NULL, 0, NULL, NULL, NULL };
	doc_begin_page(issue, util_strdup("huge"), none);
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, doc_arena_dup(issue, "一段很长的文字", strlen("一段很长的文字")));
	doc_add_block(issue, DOC_PARAGRAPH, doc_arena_dup(issue, b.data, b.len));
	doc_add_block(issue, DOC_PARAGRAPH, doc_arena_dup(issue, "最后一段。", strlen("最后一段。")));
	util_buf_free(&b);
	return issue;
}

static void on_alarm(int sig)
{
	(void)sig;
	util_request_interrupt();
}

/* An interrupt request `ms` milliseconds from now. */
static void request_in(int ms)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	struct itimerval it;
	memset(&it, 0, sizeof it);
	it.it_value.tv_usec = ms * 1000;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void test_layout_stops(void **ts)
{
	(void)ts;
	doc_issue *issue = huge_issue();
	layout_options opt;
	layout_default_options(&opt);
	util_clear_interrupt();
	layout *full = layout_article(issue, 0, 80, &opt);
	assert_true(full->nlines > 50000);
	/* the last paragraph is there when nothing interrupts */
	assert_int_equal(full->lines[full->nlines - 1].element, DOC_NFIELDS + 2);

	/* requested before: no block is laid out */
	util_request_interrupt();
	layout *none = layout_article(issue, 0, 80, &opt);
	assert_int_equal(none->nlines, 0);
	layout_free(none);
	util_clear_interrupt();

	/* requested in the middle of the huge paragraph: cut short there */
	request_in(2);
	layout *cut = layout_article(issue, 0, 80, &opt);
	assert_true(util_interrupt_requested());
	assert_true(cut->nlines < full->nlines);
	if (cut->nlines)
		assert_true(cut->lines[cut->nlines - 1].element < DOC_NFIELDS + 2);
	layout_free(cut);
	util_clear_interrupt();
	layout_free(full);
	doc_issue_free(issue);
}

static void test_fold_stops(void **ts)
{
	(void)ts;
	doc_issue *issue = huge_issue();
	util_clear_interrupt();
	search_index *ix = search_index_new(issue);
	assert_non_null(ix);
	search_index_free(ix);

	util_request_interrupt();
	assert_null(search_index_new(issue));
	util_clear_interrupt();

	request_in(2);
	assert_null(search_index_new(issue));   /* stopped inside the huge element */
	assert_true(util_interrupt_requested());
	util_clear_interrupt();
	doc_issue_free(issue);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_stops),
		cmocka_unit_test(test_fold_stops),
	};
	return cmocka_run_group_tests_name("stop", tests, NULL, NULL);
}
