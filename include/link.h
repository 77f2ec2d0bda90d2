/* link.h — jump lines between pages of an issue.
 *
 * "■下转第4版" in an article on page 1 leads to its continuation on page 4,
 * found by "(上接第1版)" or by the continuation's headline; "详见第2版"
 * under a teaser leads to the article it announces. link_resolve sets
 * doc_article.continues / continued_from for every pair it finds.
 */
#ifndef KANBAO_LINK_H
#define KANBAO_LINK_H

#include <stdint.h>

#include "doc.h"
#include "pattern.h"

/* Finds the continuation of every jump line in the issue. */
void link_resolve(doc_issue *issue);

typedef struct link_jump {
	pattern_jump_kind kind;     /* PATTERN_JUMP_NONE when the element is no jump line */
	int page;                   /* the page number printed in it */
	int32_t target;             /* the article it leads to, -1 when not in this issue */
} link_jump;

/* What element `element` of article `article` is as a jump line. */
link_jump link_jump_at(const doc_issue *issue, uint32_t article, uint32_t element);

#endif
