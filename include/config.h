/* config.h — the configuration file (iniparser).
 *
 * Options are a table {section, key, type, default, help}; the built-in
 * defaults and config/kanbao.ini document the same table. The file is
 * looked up in this order: --config FILE, $KANBAO_CONFIG,
 * $XDG_CONFIG_HOME/kanbao/kanbao.ini (or ~/.config/kanbao/kanbao.ini),
 * then none (built-in defaults).
 */
#ifndef KANBAO_CONFIG_H
#define KANBAO_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "keymap.h"
#include "layout.h"

/* Colours of the reader's elements. A colour is -1 (terminal default) or
 * 0..255; attributes are CONFIG_A_* bits. */
enum { CONFIG_A_BOLD = 1, CONFIG_A_DIM = 2, CONFIG_A_UNDERLINE = 4,
       CONFIG_A_REVERSE = 8, CONFIG_A_ITALIC = 16 };

typedef enum config_element {
	CONFIG_C_TEXT, CONFIG_C_HEADLINE, CONFIG_C_KICKER, CONFIG_C_SUBTITLE,
	CONFIG_C_BYLINE, CONFIG_C_COLUMN, CONFIG_C_SUBHEAD, CONFIG_C_CAPTION,
	CONFIG_C_CREDIT, CONFIG_C_JUMP, CONFIG_C_LIST, CONFIG_C_LIST_PAGE,
	CONFIG_C_LIST_COLUMN, CONFIG_C_LIST_CURRENT, CONFIG_C_LIST_READ,
	CONFIG_C_STATUS, CONFIG_C_HIT, CONFIG_C_CURRENT_HIT, CONFIG_C_BORDER,
	CONFIG_C_MESSAGE, CONFIG_C_ERROR, CONFIG_C_LIST_OPEN, CONFIG_C_NOTE,
	CONFIG_NCOLORS,
} config_element;

typedef struct config_color {
	short fg, bg;
	int attr;
} config_color;

/* config.ambiguous_width: ask the terminal, or 1, or 2 columns */
enum { CONFIG_AMBIGUOUS_AUTO = 0 };

typedef struct config {
	int ambiguous_width;            /* [display] ambiguous_width: CONFIG_AMBIGUOUS_AUTO, 1, 2 */
	int script;                     /* [display] script: a script_target (script.h) */
	layout_options layout;
	int list_width;                 /* [layout] list_width: columns of the section list */
	bool show_list;                 /* [reader] show_list */
	bool mouse;                     /* [reader] mouse */
	bool restore;                   /* [reader] restore: reopen where you left off */
	int scroll_context;             /* [reader] lines kept when paging */
	bool incremental_search;        /* [reader] incremental_search */
	bool space_continues;           /* [reader] space_continues: Space at the end goes on */
	int save_after;                 /* [reader] save_after: seconds without a key before
					 * the position is saved (0: only on the way out) */
	config_color color[CONFIG_NCOLORS];
	char *library_roots;            /* [library] roots, "" for the default; owned */
	keymap *keys;                   /* owned */
	char *path;                     /* file read, or NULL for built-in defaults */
} config;

/* Fills *cfg with the built-in defaults (overwriting it: config_free a
 * config before filling it again). Free with config_free. */
void config_defaults(config *cfg);

/* Loads the configuration: `explicit_path` (--config) or the lookup order
 * above, starting from the defaults; *cfg is overwritten, as by
 * config_defaults. An explicit path or $KANBAO_CONFIG must be readable;
 * the XDG/HOME file may be absent (built-in defaults, cfg->path NULL) but
 * not unreadable. Returns false with a message in err (naming the file,
 * the [section] key, the bad value and what is expected) for a bad value,
 * an unknown action or key name, a key bound twice, malformed INI, a file
 * over 1 MiB or an unreadable file; *cfg then holds the defaults (still to
 * be freed) and the caller exits 2. Unknown keys and sections print a
 * warning on stderr ("kanbao: warning: FILE: [layout] foo: unknown key,
 * ignored") and are ignored. */
bool config_load(config *cfg, const char *explicit_path, char *err, size_t errlen);

/* Frees what *cfg owns; safe on a zeroed config and twice. */
void config_free(config *cfg);

/* The name of an element in [colors] ("headline"); NULL out of range. */
const char *config_color_name(config_element e);

/* Writes the documented default configuration (the same text as
 * config/kanbao.ini) — used by a test that keeps the two identical. */
void config_write_defaults(FILE *out);

#endif
