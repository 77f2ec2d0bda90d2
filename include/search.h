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
#include "util.h"

typedef struct search_index search_index;

/* Folds the whole issue in issue order: page after page, its articles
 * (header fields and blocks), then its own captions (those of no article),
 * then its banners (running headers). Page-level text is reported with
 * article = UINT32_MAX. The reader, --search and the hit list all search
 * exactly this text in this order. The index keeps a pointer to the
 * issue, which must outlive it. NULL when util_interrupt_requested
 * (Ctrl-C) stopped it: folding a huge issue looks at it between elements
 * and every megabyte. */
search_index *search_index_new(const doc_issue *issue);
void search_index_free(search_index *index);

/* In search_hit.element of a page-level hit: a banner (banner index |
 * SEARCH_BANNER), else a page caption (its index). */
#define SEARCH_BANNER 0x80000000u

typedef struct search_hit {
	uint32_t article;       /* UINT32_MAX for page-level text (caption, banner) */
	uint32_t element;       /* element of the article (doc.h); page level: see SEARCH_BANNER */
	uint32_t start, end;    /* byte range in the element's original text */
	uint32_t page;          /* index of the page holding it */
} search_hit;

typedef struct search_result {
	search_hit *hits;       /* in issue order (see search_index_new) */
	size_t nhits;
	uint32_t *per_article;  /* hits in each article (doc_narticles entries) */
	const doc_issue *issue;
} search_result;

/* The text a hit is in (an element of an article, a caption, a banner). */
doc_str search_hit_text(const doc_issue *issue, const search_hit *h);

/* Every hit of `query` (UTF-8, any length; invalid bytes count as
 * U+FFFD) in the issue, not overlapping. A hit covers whole characters:
 * when the query starts or ends inside the fold of a character ("1" in
 * "①", "." in "…") the hit covers that character, and hits inside the
 * same character are one. An empty query, or one that is only whitespace,
 * has no hits. per_article is always allocated. The result is freed with
 * search_result_free. */
void search_run(const search_index *index, const char *query, size_t len,
		search_result *out);
void search_result_free(search_result *res);

/* Index of the first hit at or after `pos` (forward) or the last hit
 * strictly before `pos` (backward), comparing (article, element, start)
 * with pos (a page's own captions and banners come after its last
 * article); wraps around the issue, setting *wrapped (which may be NULL).
 * Returns (size_t)-1 when there are no hits. */
size_t search_next(const search_result *res, doc_pos pos, bool forward, bool *wrapped);

/* Folds a query the way the index folds text (exposed for tests). Returns
 * a malloc'd NUL-terminated string and its length. */
char *search_fold(const char *s, size_t len, size_t *outlen);

/* The characters (other than ASCII) whose fold contains the ideograph h
 * (h itself among them when it folds to itself; with the script fold
 * when it is on): text holding none of them folds to text without h.
 * Sets *out (to free) and returns their number, in order; 0 when h is
 * not an ideograph. Walks every code point (a few milliseconds). */
size_t search_raw_forms(uint32_t h, uint32_t **out);

/* The cheap test search_raw_forms makes of each code point c before
 * folding it: false only when the fold of c cannot hold h. */
bool search_raw_form_candidate(uint32_t c, uint32_t h);

/* A cheap test of raw text before folding it: false only when the fold
 * of the text cannot hold the (folded) query. It looks, for each
 * ideograph of the query, for its raw forms (search_raw_forms: every
 * code point whose fold holds it), so a query without ideographs lets
 * everything through. When every character of the query is an ideograph
 * and each of its raw forms folds to exactly that one ideograph (no
 * compatibility form such as ㍻ that folds to two), the test is exact:
 * it looks for the query's forms one after another, which is where the
 * fold can hold the query (search_filter_exact). A unit test checks it
 * never turns away text whose fold holds the query. */
typedef struct search_filter search_filter;
search_filter *search_filter_new(const char *folded_query, size_t len);
bool search_filter_may_hold(const search_filter *f, const char *s, size_t n);
bool search_filter_exact(const search_filter *f);
void search_filter_free(search_filter *f);

/* Folding one text after another, with the way back to the original
 * bytes: what the library index's tokenizer (library.h) and the
 * streaming --search use, so that they fold exactly as the in-issue
 * matcher does. The folder remembers what it learnt about each code point
 * between texts. */
typedef struct search_folder search_folder;
search_folder *search_folder_new(void);
void search_folder_free(search_folder *f);
/* Folds s[0, len) and returns the folded text, owned by the folder and
 * valid until its next fold; *outlen is its length. Invalid UTF-8 is
 * cleaned first (each bad byte a U+FFFD); offsets then refer to the
 * cleaned text, which for valid text (all of the model's) is s itself. */
const char *search_folder_fold(search_folder *f, const char *s, size_t len, size_t *outlen);
/* The same for text known to be valid UTF-8 (the model's), with the map
 * back only when `map` (without it search_folder_map must not be asked
 * about this fold): faster. */
const char *search_folder_fold_valid(search_folder *f, const char *s, size_t len, bool map,
				     size_t *outlen);
/* The original byte range [*start, *end) of the folded range [f0, f1) of
 * the last fold: whole characters, as search_run maps its hits. */
void search_folder_map(const search_folder *f, size_t f0, size_t f1,
		       uint32_t *start, uint32_t *end);

/* Whether a piece of the fold of s[0, len) (valid UTF-8) that maps back
 * to one range of s may hold more than one character: a character
 * folding to several (… to "...", ㍻ to 平成) or joining the one before
 * it. Only there can two hits in the fold be one hit in the text (the
 * map back gives them overlapping ranges), so where none is, the hits
 * are the query's occurrences in the fold. SEARCH_SPLITS: there is one;
 * SEARCH_SPLITS_WIDE: one of them may hold a character beyond ASCII (…
 * holds only dots: a query of Han characters is never joined there).
 * Leaves the last fold as it was. */
enum { SEARCH_SPLITS = 1, SEARCH_SPLITS_WIDE = 2 };
unsigned search_folder_splits(search_folder *f, const char *s, size_t len);

/* The folded text of the index: each element's folded text followed by
 * '\n', articles in order (their elements in order), then page captions
 * (exposed for tests). */
const char *search_index_text(const search_index *index, size_t *len);

/* --search: prints every hit, one per line, fields separated by a TAB:
 * the page number (doc_page_number), the article number (1-based; "-" for
 * a page caption), the headline ("-" when empty or for a page caption),
 * and the context: up to 30 columns of whole grapheme clusters on each
 * side of the hit, "…" where it was cut, the hit marked with bold SGR when
 * `tty`, else with [brackets]; tabs and control characters print as
 * spaces. Widths follow the locale (text_init_locale). Returns the number
 * of hits printed. */
size_t search_print(const doc_issue *issue, const search_index *index,
		    const char *query, bool tty, FILE *out);

/* The same as search_print without an index: each element is folded and
 * searched in turn, so memory stays that of one element (--search of a
 * big file). Prints exactly what search_print prints. */
size_t search_print_stream(const doc_issue *issue, const char *query, bool tty, FILE *out);

/* The same in steps, while the issue is being parsed: articles as they
 * are complete (search_stream_articles, in order, each once), the
 * captions and banners of the pages that are complete
 * (search_stream_pages: pages before `to`; a page's own text is searched
 * once its last article is, and before the next page's articles, so the
 * output is in issue order), then search_stream_finish, which searches
 * the rest, prints, frees the stream and returns the number of hits. Text searched soon
 * after it is parsed is still in memory: a mapped file's pages are not
 * read twice. */
typedef struct search_stream search_stream;
search_stream *search_stream_new(const doc_issue *issue, const char *query, bool tty, FILE *out);
void search_stream_articles(search_stream *st, size_t from, size_t to);
void search_stream_pages(search_stream *st, size_t to);
size_t search_stream_finish(search_stream *st);

/* The context of one hit as search_print writes it (no newline). */
void search_print_context(const char *text, size_t len, uint32_t start, uint32_t end,
			  bool tty, FILE *out);
/* Writes s with tabs and control characters as spaces (one line, one field). */
void search_put_clean(FILE *out, const char *s, size_t n);
/* The same two appended to b, for a caller that builds its lines in a
 * buffer of its own and writes many at once (--search --all). */
void search_add_context(util_buf *b, const char *text, size_t len, uint32_t start, uint32_t end,
			bool tty);
void search_add_clean(util_buf *b, const char *s, size_t n);

#endif
