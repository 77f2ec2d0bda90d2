/* columns.h — columns printed side by side, read one after the other.
 *
 * pdftotext -layout (and a browser's "save as text" of a page laid out in
 * columns) keeps a page's columns side by side: each printed line holds a
 * line of the left column, a gutter of spaces, and a line of the right
 * column. Read as it stands, every line of text mixes two stories. This
 * module finds such bands of prose (lines split by a gutter at one place,
 * both halves holding text) and writes the page again with each band's
 * left column first and its right column after it, everything else as it
 * was; a band of three columns of prose (a lead set across in three) is
 * read a column after the other first. Pages without such a band are left
 * alone.
 */
#ifndef KANBAO_COLUMNS_H
#define KANBAO_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

/* When `text` (valid UTF-8, LF or CRLF lines) holds a band of two columns
 * side by side: true, with the page written again in reading order in a
 * new buffer (*out, malloc'd, *out_len bytes, LF lines; the caller frees
 * it). Otherwise false and *out untouched. */
bool columns_unfold(const char *text, size_t len, char **out, size_t *out_len);

#endif
