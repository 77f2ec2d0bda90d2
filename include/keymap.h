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

/* A keymap with the default bindings. */
keymap *keymap_new(void);
void keymap_free(keymap *km);

/* The action bound to `key`, or KA_NONE. */
keymap_action keymap_lookup(const keymap *km, int key);

/* Replaces the keys of `action` by the keys listed in `spec` ("j Down C-n",
 * separated by spaces or commas). Returns false with a message in err when
 * a key name is unknown. A key moved from another action is unbound there. */
bool keymap_bind(keymap *km, keymap_action action, const char *spec,
		 char *err, size_t errlen);

/* Action by its name ("next-article"), KA_NONE when unknown. */
keymap_action keymap_action_by_name(const char *name);
const char *keymap_action_name(keymap_action a);
const char *keymap_action_help(keymap_action a);

/* Parses a key name ("j", "Space", "PgDn", "C-d", "F1", "Enter", "Esc",
 * "Tab", "Up", a single UTF-8 character). Returns -1 when unknown. */
int keymap_parse_key(const char *name);
/* Writes the display name of a key ("Space", "C-d", "j") into buf. */
const char *keymap_key_name(int key, char *buf, size_t len);

/* The keys bound to an action (up to max), in binding order; returns count. */
size_t keymap_keys_of(const keymap *km, keymap_action a, int *keys, size_t max);

#endif
