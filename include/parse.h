/* parse.h — the page parser: the plain text of a newspaper page becomes
 * articles in the document model, with the extraction's scars repaired.
 *
 * It works from signals (line length, punctuation, byline and dateline
 * patterns, blank-line rhythm, repetition), explained in parse.c and in
 * the README. Nothing is dropped silently: text it cannot place is kept
 * as a page caption or an article of its own.
 */
#ifndef KANBAO_PARSE_H
#define KANBAO_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "doc.h"

/* Parses one page (clean UTF-8 from input.h) and appends it, with its
 * articles, banners and captions, to `issue`. The issue takes ownership
 * of `src` (released by doc_issue_free) and keeps a copy of `name`. */
void parse_page(doc_issue *issue, const char *name, doc_source src);

/* The same in steps, so that a reader can show the first articles of a
 * huge page before the rest is parsed. parse_begin starts the page in the
 * issue; each parse_step reads about `budget` more bytes of it and hands
 * the articles that are settled to the issue (they keep their indexes);
 * it returns true when the page is complete. parse_end finishes what is
 * left, adds the page's banners and captions, and frees the stream; the
 * result is the same as parse_page's. Pages must be parsed one at a time.
 * The issue takes ownership of `name` (malloc'd) and of `src`; the text
 * the parser is done with goes to src.drop as it moves on. */
typedef struct parse_stream parse_stream;
parse_stream *parse_begin(doc_issue *issue, char *name, doc_source src);
/* The same, with PARSE_* flags: PARSE_NO_SCRIPT leaves the page's script
 * undetected (recorded as simplified) for a caller that shows no page and
 * converts none, the library's indexer: the detection walks up to 256 KB
 * of every page, a tenth of the indexer's parsing thread. */
enum { PARSE_NO_SCRIPT = 1 };
parse_stream *parse_begin_flags(doc_issue *issue, char *name, doc_source src, unsigned flags);
bool parse_step(parse_stream *st, size_t budget);
/* How much of the page has been read, 0 to 1. */
double parse_progress(const parse_stream *st);
void parse_end(parse_stream *st);
/* Stops parsing: the page keeps the articles handed over so far, and the
 * stream is freed. NULL is allowed. */
void parse_abort(parse_stream *st);

/* --explain: while pages are parsed, each line (or joined unit) of each
 * page is written to `out` with the role the parser gave it and the
 * strongest signals for and against; NULL stops it. */
void parse_set_explain(FILE *out);

/* Pages of at least min_bytes (4 MB unless set) are parsed with the line
 * recognisers running ahead on a second thread, when the machine has two
 * cores or more (0: every page, whatever the machine; for tests). The
 * issue is the same either way. */
void parse_set_prescan(size_t min_bytes);

#endif
