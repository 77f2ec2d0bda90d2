/* link.h — jump lines between pages of an issue.
 *
 * "■下转第4版" in an article on page 1 leads to its continuation on page 4,
 * found by "(上接第1版)" or by the continuation's headline; "详见第2版"
 * under a teaser leads to the article it announces. Linking fills each
 * doc_jump's page_index and target, and sets doc_article.continues /
 * continued_from for every 下转 pair it finds (a 上接 line then leads to
 * the article whose 下转 found it: links exist in that one form).
 *
 * Linear time: an index maps page numbers to pages, and each page's
 * headlines to articles by hashed pairs of Han characters; each jump
 * examines at most a bounded number of candidates. Incremental: pages are
 * linked as they are parsed, in steps of bounded work, so a reader
 * loading a huge issue never waits on it.
 */
#ifndef KANBAO_LINK_H
#define KANBAO_LINK_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

typedef struct link_index link_index;

/* An empty index for `issue` (which must outlive it). */
link_index *link_new(doc_issue *issue);
/* Links the pages [0, pages_done) of the issue (pages whose parsing is
 * finished), doing about `budget` units of work (an article indexed or a
 * jump resolved; SIZE_MAX: no limit). `last` says no page will follow:
 * then jumps still waiting for a page are settled too. Returns true when
 * everything given is linked. */
bool link_step(link_index *li, size_t pages_done, bool last, size_t budget);
/* Frees the index (the links made stay in the issue). NULL is allowed. */
void link_free(link_index *li);

/* Links a whole parsed issue at once. */
void link_resolve(doc_issue *issue);

#endif
