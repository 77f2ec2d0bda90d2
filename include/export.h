/* export.h — the parsed issue as JSON (--json) and as a table of contents
 * (--list), exactly as DESIGN.md specifies. */
#ifndef KANBAO_EXPORT_H
#define KANBAO_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "doc.h"

/* Writes the issue as JSON (the schema of DESIGN.md). Returns false on a
 * write error. */
bool export_json(const doc_issue *issue, FILE *out);

/* One line per article: page number, article number, headline, byline,
 * separated by TABs ("-" for an empty field). Returns false on a write
 * error. */
bool export_list(const doc_issue *issue, FILE *out);

/* Writes s as a JSON string literal (with quotes). */
void export_json_string(FILE *out, const char *s, size_t len);

#endif
