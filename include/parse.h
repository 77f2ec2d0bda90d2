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

#include "doc.h"

/* Parses one page (clean UTF-8 from input.h) and appends it, with its
 * articles, banners and captions, to `issue`. The issue takes ownership
 * of `src` (released by doc_issue_free). */
void parse_page(doc_issue *issue, const char *name, doc_source src);

/* Where the photo credit ("张三 摄", "本报记者 李四 摄") starts in a
 * caption's text, or `len` when it has none. Used by the layout to style
 * the credit. */
size_t parse_credit_start(const char *text, size_t len);

#endif
