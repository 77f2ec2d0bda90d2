/* input.h — reading pages: files, folders, standard input; encodings.
 *
 * A file is a page; a folder is an issue whose pages are its *.txt files in
 * name order; "-" (or a pipe) is standard input. Regular files larger
 * than INPUT_READ_MAX are memory-mapped, smaller ones read; text that is already clean UTF-8 is used in place, other
 * text (UTF-16 with BOM, GB18030, invalid or control bytes) is converted
 * into a buffer of its own. What comes out is always valid UTF-8 without
 * a BOM, without NUL or other C0/C1 control characters except '\n', '\r'
 * and '\t'; CR and CRLF are left for the parser to treat as line ends.
 * Terminal escape sequences (CSI, OSC, DCS, ...) are removed whole; a form
 * feed becomes '\n'.
 *
 * A mapped file that shrinks while it is read does not kill the program:
 * the missing pages read as zero bytes and input_file_changed() turns true
 * (the only case where a source may then hold NUL bytes).
 */
#ifndef KANBAO_INPUT_H
#define KANBAO_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Largest input kanbao reads, in bytes (all pages together). */
#define INPUT_MAX_BYTES ((size_t)1 << 30)

/* Regular files up to this size are read into memory rather than mapped:
 * the copy of a newspaper page costs less than unmapping it later. */
#define INPUT_READ_MAX ((size_t)256 << 10)

typedef struct input_page {
	char *name;             /* file name as shown (basename; "-" for stdin); owned */
	doc_source source;      /* clean UTF-8; ownership passes to the issue */
	size_t replaced;        /* invalid sequences replaced by U+FFFD */
	const char *encoding;   /* "UTF-8", "UTF-16LE", "GB18030", ...: a static
				 * string, or opt->encoding itself when forced */
	bool mapped;            /* source.text lies in a read-only file mapping, whose
				 * pages source.drop lets go (they read again) */
} input_page;

typedef struct input_options {
	const char *encoding;   /* forced encoding (--encoding), or NULL */
	size_t max_bytes;       /* limit of all input together; 0 means
				 * INPUT_MAX_BYTES (tests use a smaller one) */
} input_options;

/* Reads every page of `path` (a file, a folder, or "-") and appends them
 * to *pages (a growable array of *npages items, *cap capacity).
 * On failure returns false, leaves *pages as it was and writes a message
 * naming the file and the reason into err (e.g. "foo.txt: not a text file
 * (binary data)"). `opt` may be NULL. */
bool input_read_path(const char *path, const input_options *opt,
		     input_page **pages, size_t *npages, size_t *cap,
		     char *err, size_t errlen);

/* Decodes a buffer already in memory (used by input_read_path and by the
 * tests): the same rules, the same messages (`name` names it). The result
 * owns a copy only when conversion was needed; otherwise its text points
 * into `data` (after a BOM), which must outlive it. */
bool input_decode(const char *name, const char *data, size_t len,
		  const input_options *opt, input_page *out,
		  char *err, size_t errlen);

/* Releases a page that was not handed to an issue (its name and source).
 * doc_begin_page(issue, page.name, page.source) hands both to the issue. */
void input_page_free(input_page *page);

/* Whether `name` is an encoding that --encoding accepts (so the command
 * line can reject a bad one before reading anything). */
bool input_encoding_known(const char *name);

/* True once a mapped input file shrank while it was being read (its lost
 * part reads as zero bytes): the UI warns "file changed while reading". */
bool input_file_changed(void);

#endif
