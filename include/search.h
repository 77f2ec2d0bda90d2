/* search.h — the one matcher, used by the reader and by --search.
 *
 * The query and the text are compared after NFKC normalisation and case
 * folding (libunistring), so "2025" finds "２０２５", "," finds "，" and
 * "abc" finds "ABC"; whitespace in the query matches any run of whitespace.
 * The issue's text (every header field, block and page caption) is folded
 * once into an index; a search is then a memmem over the folded text, and
 * each hit is mapped back to the exact byte range of the original text.
 */
#ifndef KANBAO_SEARCH_H
#define KANBAO_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"

typedef struct search_index search_index;

/* Folds the whole issue (articles' fields and blocks; page captions are
 * searched as part of no article and reported with article = UINT32_MAX).
 * The index keeps a pointer to the issue, which must outlive it. */
search_index *search_index_new(const doc_issue *issue);
void search_index_free(search_index *index);

typedef struct search_hit {
	uint32_t article;       /* UINT32_MAX for a page-level caption */
	uint32_t element;       /* element of the article (doc.h); caption index for page captions */
	uint32_t start, end;    /* byte range in the element's original text */
} search_hit;

typedef struct search_result {
	search_hit *hits;       /* in reading order (article, element, start) */
	size_t nhits;
	uint32_t *per_article;  /* hits in each article (doc_narticles entries) */
} search_result;

/* Every hit of `query` (UTF-8, any length) in the issue. An empty query,
 * or one that is only whitespace, has no hits. The result is freed with
 * search_result_free. */
void search_run(const search_index *index, const char *query, size_t len,
		search_result *out);
void search_result_free(search_result *res);

/* Index of the first hit at or after `pos` (forward) or the last hit
 * before `pos` (backward); wraps around the issue, setting *wrapped.
 * Returns (size_t)-1 when there are no hits. */
size_t search_next(const search_result *res, doc_pos pos, bool forward, bool *wrapped);

/* Folds a query the way the index folds text (exposed for tests). Returns
 * a malloc'd NUL-terminated string and its length. */
char *search_fold(const char *s, size_t len, size_t *outlen);

/* --search: prints every hit, one per line: page, article number,
 * headline, and context around the hit with the hit marked (bold SGR when
 * `tty`, else [brackets]). Returns the number of hits printed. */
size_t search_print(const doc_issue *issue, const search_index *index,
		    const char *query, bool tty, FILE *out);

#endif
