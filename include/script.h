/* script.h — simplified and traditional Chinese, through OpenCC.
 *
 * Three services, all on OpenCC's C API (libopencc) and its data files:
 * - conversion for display, phrase by phrase (頭髮 → 头发, 乾燥 → 干燥,
 *   後來 → 后来, and 皇后 stays 皇后), to one of the targets below;
 * - recognising the script of a page's text;
 * - the one-to-one character fold used by search (臺 → 台, 灣 → 湾), taken
 *   from OpenCC's own conversion of single characters (t2s), so that no
 *   table is written by hand.
 *
 * Converters and the fold table are loaded lazily, once per process, and
 * live until exit (script_shutdown frees them). When OpenCC or its data
 * files cannot be found, conversion is unavailable (script_error says why),
 * detection answers "simplified" and the fold is the identity: everything
 * else works as-is.
 *
 * OpenCC's data directory is its own default unless the environment
 * variable KANBAO_OPENCC_DIR names another one.
 */
#ifndef KANBAO_SCRIPT_H
#define KANBAO_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* What the reader shows. */
typedef enum script_target {
	SCRIPT_AS_IS,
	SCRIPT_SIMPLIFIED,
	SCRIPT_TRADITIONAL,     /* OpenCC's standard traditional characters */
	SCRIPT_TAIWAN,          /* traditional, Taiwan's standard forms */
	SCRIPT_HONGKONG,        /* traditional, Hong Kong's standard forms */
	SCRIPT_NTARGETS,
} script_target;

/* The script of a text. */
typedef enum script_kind {
	SCRIPT_KIND_SIMPLIFIED,
	SCRIPT_KIND_TRADITIONAL,
} script_kind;

/* "as-is", "simplified", "traditional", "taiwan", "hongkong". */
const char *script_target_name(script_target t);
/* Parses one of those names; false when it is none of them. */
bool script_target_parse(const char *name, script_target *out);
/* "simplified" or "traditional". */
const char *script_kind_name(script_kind k);

/* The script of `s` (UTF-8): traditional when at least 1 in 8 of its Han
 * characters (of its first 256 KB) are changed by OpenCC's
 * traditional-to-simplified conversion (in a traditional text about a
 * third are, in a simplified one almost none). Simplified when OpenCC is
 * unavailable. Cheap: only the distinct characters not seen before are
 * asked of OpenCC, in one call (which also serves script_fold_lazy). */
script_kind script_detect(const char *s, size_t len);

/* Converts `s` (UTF-8, `len` bytes) written in script `from` for display
 * in `to`. Returns a malloc'd NUL-terminated string (its length in
 * *outlen), or NULL when nothing is to be done (SCRIPT_AS_IS, simplified
 * to simplified, traditional to traditional) or when OpenCC is
 * unavailable for it (then script_error() is set). The caller frees. */
char *script_convert(script_target to, script_kind from, const char *s, size_t len,
		     size_t *outlen);

/* Opens the converter `script_convert(to, from, …)` would use, to find out
 * early whether it works. True when none is needed. */
bool script_ready(script_target to, script_kind from);

/* Why the last conversion or fold could not be loaded ("" when nothing
 * failed): names the OpenCC file and says what to install. */
const char *script_error(void);

/* Converts like script_convert, but keeps the length and the character
 * boundaries of `s`: a character whose conversion has another length in
 * bytes or columns stays as it is, and where OpenCC changed the number of
 * characters (a phrase of another length: rare outside Taiwan's
 * vocabulary) the stretch between the sentence marks around it stays as
 * it is. NULL as script_convert. */
char *script_convert_aligned(script_target to, script_kind from, const char *s, size_t len);

/* ---- the display view ---- */

/* What the reader, --dump and --list show of an issue: its texts converted
 * to a target, each text (a headline, a paragraph, a caption) when first
 * shown, so that a screen costs what is on it; kept until the target
 * changes. script_view_new attaches it to the issue (doc_set_shown), so
 * that doc_element_shown gives the converted text; the converted text is
 * aligned (script_convert_aligned), so layouts and positions are those of
 * the original. */
typedef struct script_view script_view;
script_view *script_view_new(doc_issue *issue, script_target target);
/* Detaches the view from its issue and frees it; NULL is allowed. */
void script_view_free(script_view *view);
/* Sets the target. False (and the target is as-is) when OpenCC cannot
 * convert a page of the issue to it (script_error says why). */
bool script_view_set(script_view *view, script_target target);
script_target script_view_target(const script_view *view);
/* How many bytes of text the view has handed to OpenCC since its target
 * was last set. */
size_t script_view_converted(const script_view *view);

/* ---- the search fold ---- */

/* The character search folds `cp` to: its simplified form when OpenCC
 * converts it alone to exactly one other character (the first, most
 * common, of several), else cp itself. Loads the whole table on the first
 * call (about 28,000 characters, tens of milliseconds). Covers the Han
 * characters of the BMP (U+3400..U+9FFF, U+F900..U+FAFF). */
uint32_t script_fold_cp(uint32_t cp);

/* Loads the whole table now (once; nothing is asked of OpenCC after it):
 * before a second thread parses or folds, as script_fold_lazy and
 * script_detect fill the table they share otherwise. */
void script_fold_ready(void);

/* The same fold without loading the whole table: a character not asked
 * before is asked of OpenCC alone (and remembered). For the parser's
 * patterns, which meet few distinct characters. cp itself when OpenCC is
 * unavailable. */
uint32_t script_fold_lazy(uint32_t cp);

/* The fold table as a bitmap over U+4000..U+9FFF (bit cp - 0x4000 set when
 * the character folds to another one), for fast paths that skip unchanged
 * ideographs; loads the table. NULL when the fold is off or OpenCC is
 * unavailable (then script_fold_cp is the identity). */
const uint8_t *script_fold_bitmap(void);

/* The same for U+4000..U+9FFF as a table: entry cp - 0x4000 is the BMP
 * character cp folds to, 0 when it folds to itself or out of the BMP.
 * NULL when script_fold_bitmap is. */
const uint16_t *script_fold_table16(void);

/* Turns the fold on (the default) or off, for benchmarks and tests. */
void script_fold_set_enabled(bool on);

/* Frees the converters and the table (at exit, so that leak checkers see
 * no memory held). */
void script_shutdown(void);

#endif
