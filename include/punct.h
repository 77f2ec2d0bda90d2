/* punct.h — Chinese punctuation that a PDF extraction turned into ASCII,
 * restored for display ([layout] cjk_punctuation = restore).
 *
 * ASCII , : ; ! ? ( ) beside Chinese text are shown as ，：；！？（）,
 * ASCII "" around Chinese text as “”, and -- beside Chinese text as ——.
 * Never inside Latin words or numbers (200.54, 5:30, 3,000: ASCII letters
 * or digits on both sides), web addresses (http://…, www.…) or e-mail
 * addresses. Beside Chinese means: the nearest character before or after
 * (spaces skipped) is a Han character, CJK punctuation (U+3000..U+303F) or
 * a full-width form (U+FF00..U+FFEF). Brackets go by pairs: a pair is
 * restored when either bracket is beside Chinese or what it holds is;
 * quotes go by pairs in order, restored when what they hold has Chinese.
 * Every substitution replaces one ASCII byte by one code point, so a
 * position in the extracted text stays a position (search hits, marks,
 * reading positions keep the extracted text's offsets).
 */
#ifndef KANBAO_PUNCT_H
#define KANBAO_PUNCT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "util.h"

/* at: byte offset of the ASCII character; cp: the code point shown for it
 * (text.h's type: the layout scans the text with them in place) */
typedef text_sub punct_sub;

/* The substitutions of s[0, n), in order (*subs grown with util_grow,
 * capacity *cap); returns how many. */
size_t punct_find(const char *s, size_t n, punct_sub **subs, size_t *cap);

/* Appends s[0, n) to out with the substitutions made. */
void punct_restore(const char *s, size_t n, util_buf *out);

#endif
