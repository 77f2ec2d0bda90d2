/* keymap.h — keys as data: every reader action has a name and a help
 * text; bindings map keys to actions; [keys] in the configuration rebinds
 * by action name; the help screen is generated from the same tables.
 *
 * A key is an int: a Unicode code point for a character key, or a
 * KEYMAP_K_* value for special keys (ncurses KEY_* codes are translated
 * to these by the UI, so this module needs no curses).
 */
#ifndef KANBAO_KEYMAP_H
#define KANBAO_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Every action of the reader, one row each, in the order of the help
 * screen: X(ID, name, handler, argument, default keys, help text).
 *
 * From this one table come: the enum (KA_ID); the names ([keys] in the
 * configuration) and help texts; the default bindings, written as in
 * [keys]; the [keys] rows of the configuration and so config/kanbao.ini
 * (which the man page test checks against kanbao.1); the help screen; and
 * the reader's dispatch (reader.c calls handler(reader, argument)). The
 * handler and argument are names only reader.c defines: every other
 * expansion ignores them. Adding an action is adding a row here (and a
 * handler in reader.c when none fits), then a line in kanbao.1 and
 * `cp` of the new kanbao.ini that test_config prints. */
#define KEYMAP_ACTIONS(X) \
	X(LINE_DOWN, "line-down", h_scroll, +SCROLL_LINE, "j Down C-n C-e", "Scroll down one line") \
	X(LINE_UP, "line-up", h_scroll, -SCROLL_LINE, "k Up C-p C-y", "Scroll up one line") \
	X(HALF_DOWN, "half-page-down", h_scroll, +SCROLL_HALF, "d C-d", "Scroll down half a screen") \
	X(HALF_UP, "half-page-up", h_scroll, -SCROLL_HALF, "u C-u", "Scroll up half a screen") \
	X(PAGE_DOWN, "page-down", h_scroll, +SCROLL_SCREEN, "Space PgDn f C-f", "Scroll down one screen") \
	X(PAGE_UP, "page-up", h_scroll, -SCROLL_SCREEN, "b PgUp C-b", "Scroll up one screen") \
	X(TOP, "top", h_end, -1, "g Home", "Go to the start of the article (with a count N: to 第N版)") \
	X(BOTTOM, "bottom", h_end, +1, "G End", "Go to the end of the article") \
	X(NEXT_ARTICLE, "next-article", h_article, +1, "J ]", "Go to the next article") \
	X(PREV_ARTICLE, "prev-article", h_article, -1, "K [", "Go to the previous article") \
	X(NEXT_PAGE, "next-page", h_page, +1, "> Right", "Go to the first article of the next page (版)") \
	X(PREV_PAGE, "prev-page", h_page, -1, "< Left", "Go to the first article of the previous page") \
	X(GO_TO_PAGE, "go-to-page", h_go_to_page, 0, ":", "Go to 第N版: type N, then Enter") \
	X(NEXT_UNREAD, "next-unread", h_next_unread, 0, "U", "Go to the next article not read yet (a count N: the Nth)") \
	X(NEXT_SUBHEAD, "next-subhead", h_next_subhead, 0, "}", "Go to the next subhead (a count N: the Nth)") \
	X(PREV_SUBHEAD, "prev-subhead", h_prev_subhead, 0, "{", "Go to the previous subhead (a count N: the Nth)") \
	X(OPEN, "open", h_open, 0, "Enter", "Open the selected article, or follow the jump line") \
	X(FOCUS, "focus", h_focus, 0, "Tab", "Switch between the section list and the article") \
	X(TOGGLE_LIST, "toggle-list", h_toggle_list, 0, "\\", "Show or hide the section list") \
	X(SEARCH_FORWARD, "search-forward", h_search, true, "/", "Search forward in the issue") \
	X(SEARCH_BACKWARD, "search-backward", h_search, false, "?", "Search backward in the issue") \
	X(NEXT_HIT, "next-hit", h_hit, true, "n", "Go to the next search hit") \
	X(PREV_HIT, "prev-hit", h_hit, false, "N", "Go to the previous search hit") \
	X(HIT_LIST, "hit-list", h_hit_list, 0, "F", "List every search hit") \
	X(CLEAR, "clear", h_clear, 0, "Esc", "Clear the search and the message") \
	X(FOLLOW_JUMP, "follow-jump", h_follow_jump, 0, "o", "Follow the jump line in view to where the article goes on") \
	X(BACK, "back", h_back, 0, "Backspace C-h -", "Go back to where you were before the jump (N: N jumps)") \
	X(MARK, "mark", h_mark, 0, "m", "Mark the current article") \
	X(MARKS, "marks", h_marks, READER_OV_MARKS, "'", "List the marks in this issue") \
	X(ALL_MARKS, "all-marks", h_marks, READER_OV_ALL_MARKS, "\"", "List the marks in every issue") \
	X(PHOTOS, "photos", h_photos, 0, "p", "List the photo captions that belong to no article") \
	X(LIBRARY_SEARCH, "library-search", h_library_search, 0, "S", "Search every issue of the library") \
	X(SCRIPT, "script", h_script, 0, "T", "Cycle the script: as printed, simplified, traditional, ...") \
	X(HELP, "help", h_help, 0, "h F1", "Show the keys and what they do") \
	X(REDRAW, "redraw", h_redraw, 0, "C-l", "Redraw the screen") \
	X(QUIT, "quit", h_quit, 0, "q", "Quit")

typedef enum keymap_action {
	KA_NONE,
#define KEYMAP_X_ENUM(id, name, handler, arg, keys, help) KA_##id,
	KEYMAP_ACTIONS(KEYMAP_X_ENUM)
#undef KEYMAP_X_ENUM
	KA_COUNT,
} keymap_action;

enum {
	KEYMAP_K_BASE = 0x110000,   /* above every code point */
	KEYMAP_K_UP = KEYMAP_K_BASE, KEYMAP_K_DOWN, KEYMAP_K_LEFT, KEYMAP_K_RIGHT,
	KEYMAP_K_PGUP, KEYMAP_K_PGDN, KEYMAP_K_HOME, KEYMAP_K_END,
	KEYMAP_K_ENTER, KEYMAP_K_TAB, KEYMAP_K_BTAB, KEYMAP_K_BACKSPACE,
	KEYMAP_K_DELETE, KEYMAP_K_INSERT, KEYMAP_K_ESC,
	KEYMAP_K_F1,                /* F1..F12 follow */
	KEYMAP_K_F12 = KEYMAP_K_F1 + 11,
	KEYMAP_K_CTRL_BASE,         /* Ctrl-A .. Ctrl-Z = BASE + 1 .. + 26 */
	KEYMAP_K_LAST = KEYMAP_K_CTRL_BASE + 27,
};
#define KEYMAP_CTRL(c) (KEYMAP_K_CTRL_BASE + ((c) & 0x1f))

typedef struct keymap keymap;

/* A keymap with the default bindings (DESIGN.md: less/vi habits). The
 * caller owns it; keymap_free(NULL) does nothing. */
keymap *keymap_new(void);
void keymap_free(keymap *km);

/* The action bound to `key`, or KA_NONE. */
keymap_action keymap_lookup(const keymap *km, int key);

/* Replaces the keys of `action` by the keys listed in `spec` ("j Down C-n",
 * separated by spaces or commas; a lone "," is the comma key; an empty spec
 * leaves the action without keys). Returns false with a message in err
 * (`unknown key name "X"`) when a key name is unknown, and then changes
 * nothing. A key moved from another action is unbound there. */
bool keymap_bind(keymap *km, keymap_action action, const char *spec,
		 char *err, size_t errlen);

/* Action by its name ("next-article"), KA_NONE when unknown. */
keymap_action keymap_action_by_name(const char *name);
/* The name ("line-down") and help text ("Scroll down one line") of an
 * action; NULL for KA_NONE and values out of range. */
const char *keymap_action_name(keymap_action a);
const char *keymap_action_help(keymap_action a);

/* Parses a key name: a single UTF-8 character ("j", "]", "\\", "下"),
 * "Space", "Tab", "BTab", "Enter", "Esc", "Backspace", "Delete", "Insert",
 * "Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End", "F1".."F12",
 * "C-a".."C-z" (also "Ctrl-a", "^A"). Names other than single characters
 * are case-insensitive and have a few aliases ("PageDown", "Return",
 * "Escape", "S-Tab"). C-i, C-j and C-m are Tab, Enter and Enter, as a
 * terminal sends them. Returns -1 when unknown. */
int keymap_parse_key(const char *name);

/* Enough for every name keymap_key_name writes, with its NUL. */
#define KEYMAP_KEY_NAME_MAX 16
/* Writes the canonical display name of a key ("Space", "C-d", "j", "F1")
 * into buf (len >= KEYMAP_KEY_NAME_MAX) and returns buf; keymap_parse_key
 * reads it back. A key that has no name shows as "U+XXXX". */
const char *keymap_key_name(int key, char *buf, size_t len);

/* The key as this module names it, for a character read from the terminal:
 * control characters become their keys (9 Tab, 10 and 13 Enter, 27 Esc,
 * 127 Backspace, 8 C-h, 4 C-d, ...); anything else is returned unchanged.
 * keymap_lookup applies it, so the UI may pass raw characters. */
int keymap_normalize_key(int key);

/* Stores the keys bound to an action (at most max), in binding order;
 * returns how many it stored. */
size_t keymap_keys_of(const keymap *km, keymap_action a, int *keys, size_t max);

/* Appends the names of the keys bound to an action to `out`, in binding
 * order, separated by spaces, as [keys] reads them ("j Down C-n C-e");
 * returns how many keys it wrote. */
size_t keymap_keys_text(const keymap *km, keymap_action a, util_buf *out);

#endif
