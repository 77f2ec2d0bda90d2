/* The prescan (parse.c: the line recognisers run ahead on a second
 * thread) changes nothing: every page of tests/papers, the holdout sets
 * and the corpus, and all of them at once as one page (the ring of the
 * thread's answers goes round several times), give the same --json with
 * it forced on as without it. */
#include "testutil.h"
#include "export.h"
#include "parse.h"
#include "util.h"

#include <dirent.h>

static char *json_of(const char *text, size_t len)
{
	doc_issue *issue = doc_issue_new();
	char *copy = util_malloc(len ? len : 1);
	memcpy(copy, text, len);
	doc_source src = { copy, len, copy, tu_release, NULL };
	parse_page(issue, "page", src);
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	assert_non_null(f);
	assert_true(export_json(issue, f));
	fclose(f);
	doc_issue_free(issue);
	return out;
}

static void same_either_way(const char *what, const char *text, size_t len)
{
	parse_set_prescan(SIZE_MAX);
	char *off = json_of(text, len);
	parse_set_prescan(0);
	char *on = json_of(text, len);
	parse_set_prescan(4u << 20);
	if (strcmp(off, on) != 0)
		fail_msg("%s: --json differs with the prescan", what);
	free(off);
	free(on);
}

/* Every .txt page of dir, each alone, appended to *all. */
static size_t each_page(const char *dir, util_buf *all)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t pages = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t nl = strlen(e->d_name);
		if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *text = tu_read_file(path, &len);
		same_either_way(path, text, len);
		util_buf_add(all, text, len);
		util_buf_addc(all, '\n');
		free(text);
		pages++;
	}
	closedir(d);
	return pages;
}

static void test_prescan_same_issue(void **state)
{
	(void)state;
	util_buf all = { 0 };
	static const char *const sets[] = {
		"tests/papers", "tests/holdout", "tests/holdout2", "tests/holdout3", "tests/holdout4",
		"tests/holdout5", "tests/holdout6",
	};
	size_t pages = 0;
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s", tu_src_path(sets[i]));
		pages += each_page(dir, &all);
	}
	pages += each_page(tu_corpus_dir(), &all);
	assert_true(pages >= 24);
	/* all of them as one page, twice: some thousands of lines */
	char *once = util_malloc(all.len + 1);
	memcpy(once, all.data, all.len);
	util_buf_add(&all, once, all.len);
	free(once);
	same_either_way("every page as one", all.data, all.len);
	util_buf_free(&all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prescan_same_issue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
