/* benchload.h — reading and parsing an issue as kanbao does, for the
 * benchmark programs that need the model (bench_dump, bench_longest). */
#ifndef KANBAO_BENCHLOAD_H
#define KANBAO_BENCHLOAD_H

#include "doc.h"
#include "issue.h"
#include "util.h"

static inline doc_issue *bench_load_issue(const char *path)
{
	char err[1024];
	doc_issue *issue = issue_load(path, NULL, err, sizeof err);
	if (!issue)
		util_fatal("%s", err);
	return issue;
}

#endif
