/* input.h — reading pages: files, folders, standard input; encodings.
 *
 * A file is a page; a folder is an issue whose pages are its *.txt files in
 * name order; "-" (or a pipe) is standard input. Regular files are
 * memory-mapped; text that is already clean UTF-8 is used in place, other
 * text (UTF-16 with BOM, GB18030, invalid or control bytes) is converted
 * into a buffer of its own. What comes out is always valid UTF-8 without
 * a BOM, without NUL or other C0/C1 control characters except '\n', '\r'
 * and '\t'; CR and CRLF are left for the parser to treat as line ends.
 */
#ifndef KANBAO_INPUT_H
#define KANBAO_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Largest input kanbao reads, in bytes (all pages together). */
#define INPUT_MAX_BYTES ((size_t)1 << 30)

typedef struct input_page {
	char *name;             /* file name as shown (basename; "-" for stdin) */
	doc_source source;      /* clean UTF-8; ownership passes to the issue */
	size_t replaced;        /* invalid sequences replaced by U+FFFD */
	const char *encoding;   /* "UTF-8", "UTF-16LE", "GB18030", ... */
} input_page;

typedef struct input_options {
	const char *encoding;   /* forced encoding (--encoding), or NULL */
} input_options;

/* Reads every page of `path` (a file, a folder, or "-") and appends them
 * to *pages (a growable array of *npages items, *cap capacity).
 * On failure returns false and writes a message naming the file and the
 * reason into err (e.g. "foo.txt: not a text file (binary data)"). */
bool input_read_path(const char *path, const input_options *opt,
		     input_page **pages, size_t *npages, size_t *cap,
		     char *err, size_t errlen);

/* Decodes a buffer already in memory (used by input_read_path and by the
 * tests): the same rules, the same messages (`name` names it). The result
 * owns a copy only when conversion was needed. */
bool input_decode(const char *name, const char *data, size_t len,
		  const input_options *opt, input_page *out,
		  char *err, size_t errlen);

/* Releases a page that was not handed to an issue. */
void input_page_free(input_page *page);

#endif
