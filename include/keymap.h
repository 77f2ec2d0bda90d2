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

typedef enum keymap_action {
	KA_NONE,
	KA_LINE_DOWN, KA_LINE_UP,
	KA_HALF_DOWN, KA_HALF_UP,
	KA_PAGE_DOWN, KA_PAGE_UP,
	KA_TOP, KA_BOTTOM,
	KA_NEXT_ARTICLE, KA_PREV_ARTICLE,
	KA_NEXT_SUBHEAD, KA_PREV_SUBHEAD,
	KA_OPEN,                /* Enter: open the list row / follow a jump */
	KA_FOCUS,               /* Tab: list <-> article */
	KA_TOGGLE_LIST,         /* \ */
	KA_SEARCH_FORWARD, KA_SEARCH_BACKWARD,
	KA_NEXT_HIT, KA_PREV_HIT,
	KA_HIT_LIST,
	KA_CLEAR,               /* Esc */
	KA_FOLLOW_JUMP, KA_BACK,
	KA_MARK, KA_MARKS, KA_ALL_MARKS,
	KA_PHOTOS,              /* photo captions that belong to no article */
	KA_HELP,
	KA_REDRAW,
	KA_QUIT,
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

#endif
