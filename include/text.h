/* text.h — UTF-8 text as the terminal shows it: decoding, display width,
 * grapheme clusters, and what may be printed.
 *
 * There is exactly one width function in kanbao (text_cp_width); it agrees
 * with what ncursesw draws, because it is the C library's wcwidth in a
 * UTF-8 locale (text_init_locale sets one up), with fast paths in front
 * for ASCII and CJK ideographs that a unit test checks against wcwidth.
 * Grapheme clusters come from libunistring (uc_grapheme_breaks rules).
 */
#ifndef KANBAO_TEXT_H
#define KANBAO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Sets LC_ALL from the environment and makes LC_CTYPE a UTF-8 locale
 * (falling back to C.UTF-8). Returns false when no UTF-8 locale exists;
 * `*name` then tells which locale is in use. */
bool text_init_locale(const char **name);

/* Decodes the code point at s (s < end, valid UTF-8 assumed; invalid bytes
 * decode as U+FFFD one byte at a time). Returns the bytes consumed (>= 1). */
int text_decode(const char *s, const char *end, uint32_t *cp);

/* Columns the terminal gives a code point: 0, 1 or 2; -1 when it must not
 * be printed at all (control characters, bidi controls). */
int text_cp_width(uint32_t cp);

/* True when the code point may be sent to the terminal. */
bool text_cp_printable(uint32_t cp);

/* Length in bytes of the grapheme cluster starting at s (>= 1 when s < end). */
size_t text_grapheme_len(const char *s, const char *end);

/* Columns of one grapheme cluster: the sum of its printable code points. */
int text_grapheme_width(const char *s, size_t len);

/* Columns of a whole string. */
int text_width(const char *s, size_t len);

/* The longest prefix of whole grapheme clusters that fits in `cols`
 * columns; returns its byte length and stores its width in *width. */
size_t text_fit(const char *s, size_t len, int cols, int *width);

#endif
