/* reader.h — the interactive reader: section list, article pane, status
 * line, search, help; the terminal side lives in ui.c, the state machine
 * (testable without a terminal) in reader.c. */
#ifndef KANBAO_READER_H
#define KANBAO_READER_H

#include <stdbool.h>

#include "config.h"
#include "doc.h"

typedef struct reader_options {
	const char *issue_name;     /* shown in the status line and remembered with marks */
	bool restore;               /* reopen at the remembered position */
	bool keys_from_tty;         /* stdin is not a terminal: read keys from /dev/tty */
} reader_options;

/* Runs the reader until the user quits. Returns the exit status (0, or 2
 * when the terminal cannot be used: TERM unset or unknown, no tty). The
 * terminal is restored on every way out. */
int reader_run(doc_issue *issue, config *cfg, const reader_options *opt);

#endif
