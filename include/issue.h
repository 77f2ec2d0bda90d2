/* issue.h — from paths to a parsed, linked issue: the one pipeline.
 *
 * read (input.h) → parse page after page (parse.h) → link jump lines
 * (link.h). The command line, the reader, the tests, the benchmarks and
 * the fuzzers all load issues through here, all at once (issue_load) or
 * in budgeted steps (issue_open/issue_step), so that the reader can show
 * the first articles of a huge issue while the rest is parsed.
 */
#ifndef KANBAO_ISSUE_H
#define KANBAO_ISSUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "input.h"

typedef struct issue_loader issue_loader;

/* Reads every path (a page file, a folder, or "-"; none at all means
 * "-"). The pages wait to be parsed; nothing is parsed yet. A page with
 * invalid sequences replaced is reported on `warn` (may be NULL). On
 * failure returns NULL with a message naming the file in err. `opt` may
 * be NULL. */
issue_loader *issue_open(const char *const *paths, size_t npaths, const input_options *opt,
			 FILE *warn, char *err, size_t errlen);
/* Parses about `budget` more bytes (SIZE_MAX: everything); a new page
 * starts in the next step. Returns true once every page is parsed and the
 * jump lines are linked. */
bool issue_step(issue_loader *l, size_t budget);
/* Pages whose parsing is finished (their articles, captions and banners
 * are all in the issue). */
size_t issue_pages_done(const issue_loader *l);
/* How much is parsed, 0 to 1. */
double issue_progress(const issue_loader *l);
/* The issue being built: its articles so far keep their indexes. */
doc_issue *issue_doc(const issue_loader *l);
/* The fingerprint of the pages' text (doc_sources_fingerprint), taken
 * before they were parsed. */
uint64_t issue_fingerprint(const issue_loader *l);
/* Frees the loader and the issue (stops parsing midway if need be). NULL
 * is allowed. */
void issue_close(issue_loader *l);

/* Makes every table the parser fills at its first use (the script fold,
 * the patterns' tables), so that issues may then be loaded in two threads
 * at once. Call it before starting the second thread; cheap when done. */
void issue_threads_ready(void);

/* One path read and parsed at once; NULL with a message in err when it
 * cannot be read. The caller frees the issue with doc_issue_free. */
doc_issue *issue_load(const char *path, const input_options *opt, char *err, size_t errlen);
/* The same, parsed with parse_begin_flags's flags (PARSE_NO_SCRIPT),
 * and the pages' fingerprint (doc_issue_fingerprint of the issue, taken
 * from the pages as read) into *fingerprint unless it is NULL. */
doc_issue *issue_load_flags(const char *path, const input_options *opt, unsigned parse_flags,
			    uint64_t *fingerprint, char *err, size_t errlen);
/* The same from bytes in memory, read as a page named `name` (the
 * fuzzers); `data` must outlive the issue, whose text may point into it. */
doc_issue *issue_load_data(const char *name, const char *data, size_t len,
			   const input_options *opt, char *err, size_t errlen);

#endif
