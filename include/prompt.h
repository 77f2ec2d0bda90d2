/* prompt.h — a one-line editor for prompts (the reader's search, the
 * library's search): it owns the line, the cursor and a history, takes
 * keys and says what they did. It knows nothing of who asked: no
 * terminal, no reader; the caller draws prompt_text from prompt_scroll
 * and acts on PROMPT_ACCEPT / PROMPT_CANCEL.
 *
 * The line is UTF-8; the cursor is a byte offset that is always at the
 * start of a grapheme cluster, so editing keys move over and delete whole
 * clusters (a wide CJK character, a letter with its combining marks).
 * Columns are measured with the program's width function (text_width),
 * the one the screen is drawn with.
 *
 * Keys (KEYMAP_K_* and KEYMAP_CTRL values, keymap.h; raw control
 * characters normalised with keymap_normalize_key first):
 *   Left/C-b, Right/C-f   a cluster back / on
 *   Home/C-a, End/C-e     start / end of the line
 *   Backspace/C-h         delete the cluster before the cursor; on an
 *                         empty line: PROMPT_CANCEL (as in less)
 *   Delete/C-d            delete the cluster under the cursor
 *   C-u / C-k             delete to the start / to the end of the line
 *   C-w                   delete the word before the cursor (back over
 *                         spaces, then to the previous space, as a shell)
 *   Up/C-p, Down/C-n      older / newer line of the history (the line
 *                         being typed is kept and comes back at the end)
 *   Enter                 PROMPT_ACCEPT
 *   Esc/C-g               PROMPT_CANCEL
 *   a printable code point is inserted at the cursor.
 */
#ifndef KANBAO_PROMPT_H
#define KANBAO_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct prompt prompt;

/* What a key did. */
typedef enum prompt_result {
	PROMPT_IGNORED,         /* not an editing key: the line is as it was */
	PROMPT_MOVED,           /* the cursor moved; the text is the same */
	PROMPT_CHANGED,         /* the text changed */
	PROMPT_ACCEPT,          /* Enter: the caller takes prompt_text */
	PROMPT_CANCEL,          /* Esc, C-g, or Backspace on an empty line */
} prompt_result;

/* An empty prompt keeping at most history_max lines of history (0: no
 * history). Never returns NULL; free with prompt_free (NULL allowed). */
prompt *prompt_new(size_t history_max);
void prompt_free(prompt *p);

/* Starts a new line: empty, cursor at 0, browsing the history from its
 * newest end. */
void prompt_open(prompt *p);
/* Replaces the line with s (NUL-terminated); the cursor goes to the end. */
void prompt_set(prompt *p, const char *s);

/* A key, as above. */
prompt_result prompt_key(prompt *p, int key);

/* The line (NUL-terminated, valid until the next change), its length in
 * bytes in *len when len is not NULL. */
const char *prompt_text(const prompt *p, size_t *len);
/* The cursor: a byte offset into the line. */
size_t prompt_cursor(const prompt *p);
/* Where to start showing the line in `cols` columns so that the cursor
 * stays in view (the byte offset of a cluster), and the cursor's column
 * from there in *col (at most cols - 1 when cols > 0). */
size_t prompt_scroll(const prompt *p, int cols, int *col);

/* Adds a line to the end of the history (an empty or blank line is not
 * kept; a line already there moves to the end; past history_max the
 * oldest goes). The copy is the prompt's. */
void prompt_history_add(prompt *p, const char *line);
/* The history, oldest first: the count, and the lines in *lines (valid
 * until the next change) when lines is not NULL. */
size_t prompt_history(const prompt *p, const char *const **lines);

#endif
