/* testutil.h — shared helpers for the cmocka unit tests. */
#ifndef KANBAO_TESTUTIL_H
#define KANBAO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Reads a whole file into a NUL-terminated buffer (caller frees); fails
 * the test when it cannot. */
static inline char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Path of a file in tests/fixtures (static buffer). */
static inline const char *tu_fixture(const char *name)
{
	static char path[4096];
	const char *src = getenv("KANBAO_SRC");
	snprintf(path, sizeof path, "%s/tests/fixtures/%s", src ? src : ".", name);
	return path;
}

#include <dirent.h>
static inline const char *tu_corpus_dir(void)
{
	const char *dir = getenv("KANBAO_CORPUS");
	return dir ? dir : "../shared/corpus";
}

static inline const char *tu_corpus_file(const char *prefix)
{
	static char path[4096];
	DIR *d = opendir(tu_corpus_dir());
	if (!d) {
		if (getenv("KANBAO_REQUIRE_CORPUS"))
			fail_msg("corpus folder %s is missing", tu_corpus_dir());
		return NULL;
	}
	struct dirent *e;
	const char *found = NULL;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
			snprintf(path, sizeof path, "%s/%s", tu_corpus_dir(), e->d_name);
			found = path;
			break;
		}
	}
	closedir(d);
	if (!found && getenv("KANBAO_REQUIRE_CORPUS"))
		fail_msg("corpus page %s* is missing", prefix);
	return found;
}

/* Path of a file of the repository (static buffer). */
static inline const char *tu_src_path(const char *rel)
{
	static char path[4096];
	const char *src = getenv("KANBAO_SRC");
	snprintf(path, sizeof path, "%s/%s", src ? src : ".", rel);
	return path;
}

#include "doc.h"
#include "parse.h"

/* A new empty folder $TMPDIR/kanbao-TAG-XXXXXX (caller removes it with
 * tu_remove_tree); NULL when it cannot be made. */
static inline char *tu_make_tmpdir(const char *tag)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = malloc(4096);
	if (!dir)
		return NULL;
	snprintf(dir, 4096, "%s/kanbao-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

static inline int tu_remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes the folder and everything in it (made writable first: a test
 * may have taken its write bit away), and frees the name. */
static inline void tu_remove_tree(char *dir)
{
	chmod(dir, 0700);
	nftw(dir, tu_remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

static inline void tu_release(void *p)
{
	free(p);
}

/* Parses the file at `path` as one more page of `issue`, named `name`. */
static inline void tu_parse_into(doc_issue *issue, const char *path, const char *name)
{
	size_t len;
	char *text = tu_read_file(path, &len);
	doc_source src = { text, len, text, tu_release, NULL };
	parse_page(issue, name, src);
}

/* A new issue of the one page at `path`. */
static inline doc_issue *tu_parse_file(const char *path)
{
	doc_issue *issue = doc_issue_new();
	tu_parse_into(issue, path, path);
	return issue;
}

/* A list of lines (string literals), NULL-ended, for the helpers that
 * check each line of a list. */
#define TU_LINES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Skips the current test with a clear message when the corpus is absent. */
#define TU_CORPUS_OR_SKIP(var, prefix) \
	const char *var = tu_corpus_file(prefix); \
	if (!var) { \
		print_message("skipped: corpus page %s* not found in %s\n", prefix, tu_corpus_dir()); \
		skip(); \
	}

#endif
