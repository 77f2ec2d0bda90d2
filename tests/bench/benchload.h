/* benchload.h — reading and parsing an issue as kanbao does, for the
 * benchmark programs that need the model (bench_dump, bench_longest). */
#ifndef KANBAO_BENCHLOAD_H
#define KANBAO_BENCHLOAD_H

#include <stdlib.h>

#include "doc.h"
#include "input.h"
#include "link.h"
#include "parse.h"
#include "util.h"

static inline doc_issue *bench_load_issue(const char *path)
{
	input_page *pages = NULL;
	size_t npages = 0, cap = 0;
	char err[1024];
	if (!input_read_path(path, NULL, &pages, &npages, &cap, err, sizeof err))
		util_fatal("%s", err);
	doc_issue *issue = doc_issue_new();
	for (size_t k = 0; k < npages; k++) {
		parse_page(issue, pages[k].name, pages[k].source);
		free(pages[k].name);
	}
	free(pages);
	link_resolve(issue);
	return issue;
}

#endif
