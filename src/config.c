/* config.c — see config.h.
 *
 * Every setting is a row of one table {section, key, type, default, help};
 * the [keys] rows are made from keymap.c's action table, so an action has
 * one name everywhere. The same rows give the built-in defaults, read the
 * file (one loop, the type's parser per row) and write config/kanbao.ini.
 */
#include "config.h"

#include <errno.h>
#include <iniparser/iniparser.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util.h"

/* A configuration file is a screenful of settings; anything this big is
 * some other file given by mistake. */
#define CONFIG_MAX_BYTES (1024 * 1024)
/* iniparser 4 reads lines into 1024-byte buffers: 1022 characters, the
 * newline and the NUL. */
#define CONFIG_MAX_LINE 1022

typedef enum option_type {
	OPT_INT, OPT_BOOL, OPT_KINSOKU, OPT_COLOR, OPT_KEYS, OPT_CHOICE, OPT_STRING,
} option_type;

typedef struct option {
	const char *section, *key;
	option_type type;
	const char *def;        /* value text; NULL for [keys]: keymap.c's defaults */
	const char *help;       /* lines separated by '\n' */
	size_t offset;          /* the field in struct config (int, bool, kinsoku) */
	int min, max;           /* range of an OPT_INT */
	int index;              /* config_element (OPT_COLOR), keymap_action (OPT_KEYS) */
	const char *const *choices; /* OPT_CHOICE: the words, NULL-terminated; the
				     * int field is the index of the word */
} option;

#define INT(sec, key, def, lo, hi, field, help) \
	{ sec, key, OPT_INT, def, help, offsetof(config, field), lo, hi, 0, NULL }
#define BOOL(sec, key, def, field, help) \
	{ sec, key, OPT_BOOL, def, help, offsetof(config, field), 0, 0, 0, NULL }
#define KINSOKU(sec, key, def, field, help) \
	{ sec, key, OPT_KINSOKU, def, help, offsetof(config, field), 0, 0, 0, NULL }
#define CHOICE(sec, key, def, names, field, help) \
	{ sec, key, OPT_CHOICE, def, help, offsetof(config, field), 0, 0, 0, names }
#define STRING(sec, key, def, field, help) \
	{ sec, key, OPT_STRING, def, help, offsetof(config, field), 0, 0, 0, NULL }
#define COLOR(key, elem, def, help) \
	{ "colors", key, OPT_COLOR, def, help, 0, 0, 0, elem, NULL }

/* [display] ambiguous_width: CONFIG_AMBIGUOUS_AUTO, 1 or 2 */
static const char *const ambiguous_names[] = { "auto", "1", "2", NULL };
/* [display] script: script_target (script.h), in its order */
static const char *const script_names[] = {
	"as-is", "simplified", "traditional", "taiwan", "hongkong", NULL,
};
/* [layout] cjk_punctuation: LAYOUT_PUNCT_RESTORE, LAYOUT_PUNCT_KEEP */
static const char *const punctuation_names[] = { "restore", "keep", NULL };

static const option fixed_options[] = {
	CHOICE("display", "ambiguous_width", "auto", ambiguous_names, ambiguous_width,
	       "Columns of the East Asian \"ambiguous\" characters “ ” ‘ ’ … — · and\n"
	       "the box-drawing lines, which terminals draw 1 or 2 columns wide (wide\n"
	       "when set up for Chinese: GNOME Terminal \"ambiguous-width\n"
	       "characters: wide\", xterm -cjk_width, iTerm2, mintty, WezTerm). auto:\n"
	       "ask the terminal at start (print one such character and ask where\n"
	       "the cursor went; no answer within 150 ms means 1). --ambiguous-width\n"
	       "overrides it."),
	CHOICE("display", "script", "as-is", script_names, script,
	       "The script the reader, --dump and --list show the text in: as-is\n"
	       "(as printed), simplified, traditional, taiwan (traditional, Taiwan's\n"
	       "standard forms) or hongkong (Hong Kong's). Converted phrase by phrase\n"
	       "by OpenCC (頭髮 → 头发, 乾燥 → 干燥, 皇后 stays); T cycles it in the\n"
	       "reader; --script overrides it. Search finds both scripts whatever\n"
	       "this is."),
	INT("layout", "list_width", "30", 10, 200, list_width,
	    "Width of the section list on the left, in columns."),
	INT("layout", "max_width", "80", 20, 400, layout.max_width,
	    "The measure: text is never wider than this many columns, however\n"
	    "wide the terminal."),
	INT("layout", "indent", "4", 0, 16, layout.indent,
	    "Indent of the first line of a paragraph, in columns (4 = two Chinese\n"
	    "characters)."),
	BOOL("layout", "blank_between", "true", layout.blank_between,
	     "An empty line between paragraphs and the other blocks."),
	KINSOKU("layout", "kinsoku", "basic", layout.kinsoku,
		"Rules of Chinese line breaking (W3C clreq). none: only the Unicode\n"
		"rules; basic: no line starts with closing punctuation such as\n"
		"。，、）” and none ends with opening punctuation such as （“;\n"
		"strict: as basic, and —— and …… are never split or put at the\n"
		"start of a line."),
	CHOICE("layout", "cjk_punctuation", "restore", punctuation_names, layout.cjk_punctuation,
	       "Chinese punctuation that the text extraction turned into ASCII\n"
	       "(, : ; ! ? ( ) beside Chinese characters, \"\" around Chinese text,\n"
	       "--) is shown as ，：；！？（）“”——. Never inside Latin words,\n"
	       "numbers (200.54, 5:30, 3,000), web or e-mail addresses. --json\n"
	       "always keeps the text as extracted; search finds either form.\n"
	       "restore: show the Chinese forms; keep: show the text as extracted."),
	CHOICE("layout", "caption_mark", "▲", layout_caption_marks, layout.caption_mark,
	       "The mark before a photo caption, drawn in the caption's style: ▲, △,\n"
	       "■, ● or none. The caption's lines are indented as far as the mark."),
	CHOICE("layout", "subhead_mark", "▍", layout_subhead_marks, layout.subhead_mark,
	       "What sets a subhead apart from a headline besides bold: the mark ▍, ■\n"
	       "or ◆ before it (its lines indented as far), indent (two columns, no\n"
	       "mark) or none."),
	BOOL("layout", "hanging_punctuation", "false", layout.hanging_punctuation,
	     "Let punctuation that may not start a line (，。）) hang in the last\n"
	     "two columns instead of taking a character with it to the next line."),
	BOOL("layout", "center", "true", layout.center,
	     "Centre the text in the article pane when the pane is wider than\n"
	     "max_width."),
	BOOL("reader", "show_list", "true", show_list,
	     "Show the section list when the reader starts."),
	BOOL("reader", "mouse", "true", mouse,
	     "Use the mouse: the wheel scrolls, a click selects."),
	BOOL("reader", "restore", "true", restore,
	     "Reopen an issue where you stopped reading it."),
	INT("reader", "scroll_context", "2", 0, 10, scroll_context,
	    "Lines of the previous screen kept in view when paging."),
	BOOL("reader", "space_continues", "true", space_continues,
	     "Space (page-down) at the end of an article goes on to the next\n"
	     "article, as in mutt and newsboat; the status line says so."),
	BOOL("reader", "incremental_search", "true", incremental_search,
	     "Show the hits while the search query is being typed."),
	INT("reader", "save_after", "5", 0, 3600, save_after,
	    "Seconds without a key after which the reading position, marks and\n"
	    "read articles are saved (as they are on quitting, and when the\n"
	    "terminal is closed or kanbao is killed with SIGTERM), so that a\n"
	    "crash loses at most that much. 0: save only on the way out."),
	STRING("library", "roots", "", library_roots,
	       "The folders that hold your issues, separated by colons; ~ is your\n"
	       "home folder. Under a root, every folder of *.txt pages is an issue\n"
	       "(~/报纸/通辽日报/2025-08-28/), and so is a page file named by its\n"
	       "date (2025-08-28.txt). Empty: $XDG_DATA_HOME/kanbao/issues\n"
	       "(~/.local/share/kanbao/issues), created empty. Example:\n"
	       "roots = ~/报纸:~/newspapers"),
	COLOR("text", CONFIG_C_TEXT, "default default", "Paragraph text"),
	COLOR("headline", CONFIG_C_HEADLINE, "default default bold reverse",
	      "Headlines (标题): the heaviest of all, a bar"),
	COLOR("kicker", CONFIG_C_KICKER, "default default italic",
	      "The line above a headline (引题)"),
	COLOR("subtitle", CONFIG_C_SUBTITLE, "default default bold italic",
	      "The line below a headline (副题)"),
	COLOR("byline", CONFIG_C_BYLINE, "default default dim",
	      "Bylines and datelines (本报记者 …)"),
	COLOR("column", CONFIG_C_COLUMN, "default default underline",
	      "Column labels (栏目) above an article"),
	COLOR("subhead", CONFIG_C_SUBHEAD, "default default bold",
	      "Subheads inside an article (bold without the headline's bar)"),
	COLOR("caption", CONFIG_C_CAPTION, "default default dim italic",
	      "Photo captions"),
	COLOR("credit", CONFIG_C_CREDIT, "default default dim",
	      "The credit of a photo caption (… 摄)"),
	COLOR("jump", CONFIG_C_JUMP, "default default underline",
	      "Jump lines (下转第4版), which lead to the rest of an article"),
	COLOR("note", CONFIG_C_NOTE, "default default dim",
	      "What kanbao adds to an article: where a continued article began\n"
	      "(上接第1版《…》) and the key that follows a jump line"),
	COLOR("list", CONFIG_C_LIST, "default default", "Articles in the section list"),
	COLOR("list-page", CONFIG_C_LIST_PAGE, "default default bold",
	      "Page rows of the section list"),
	COLOR("list-column", CONFIG_C_LIST_COLUMN, "default default underline",
	      "Column labels in the section list"),
	COLOR("list-current", CONFIG_C_LIST_CURRENT, "default default reverse",
	      "The selected row of the section list"),
	COLOR("list-open", CONFIG_C_LIST_OPEN, "default default bold",
	      "The article shown, in the section list, while the article has the\n"
	      "focus (the selection bar, list-current, shows when the list has it)"),
	COLOR("list-read", CONFIG_C_LIST_READ, "default default dim",
	      "Articles already read, in the section list"),
	COLOR("status", CONFIG_C_STATUS, "default default reverse", "The status line"),
	COLOR("hit", CONFIG_C_HIT, "black yellow underline", "Search hits"),
	COLOR("current-hit", CONFIG_C_CURRENT_HIT, "default default bold reverse",
	      "The current search hit"),
	COLOR("border", CONFIG_C_BORDER, "default default dim",
	      "The line between the section list and the article"),
	COLOR("message", CONFIG_C_MESSAGE, "default default bold",
	      "Messages in the status line"),
	COLOR("error", CONFIG_C_ERROR, "red default bold", "Error messages"),
};

/* The fixed rows, then one [keys] row per action. */
#define NOPTIONS (UTIL_ARRAY_LEN(fixed_options) + KA_COUNT - 1)

static const struct {
	const char *name, *intro;
	const char *unknown_key;        /* the error for an unknown key; NULL: a warning */
} sections[] = {
	{ "display", "How the terminal draws characters.", NULL },
	{ "layout", "How articles are laid out in the article pane.", NULL },
	{ "reader", "The interactive reader.", NULL },
	{ "library", "The library of issues (kanbao without PATH, --index, --library,\n"
	  "--search TEXT --all). Its index is a cache in\n"
	  "$XDG_CACHE_HOME/kanbao/library.db, rebuilt from the pages when needed.", NULL },
	{ "colors",
	  "The look of each element: \"FG [BG] [ATTR...]\", a foreground colour, a\n"
	  "background colour, then attributes. Colours: default (the terminal's\n"
	  "own), black, red, green, yellow, blue, magenta, cyan, white,\n"
	  "bright-black ... bright-white, or a number from 0 to 255. Attributes:\n"
	  "bold, dim, underline, reverse, italic, none. The defaults keep the\n"
	  "terminal's colours, so they read well on dark and light backgrounds;\n"
	  "without colours (or with NO_COLOR set) only the attributes are used.",
	  NULL },
	{ "keys",
	  "The keys of each action, separated by spaces. A key is a character as\n"
	  "typed (j, J, ], 下) or one of Space, Tab, BTab (Shift-Tab), Enter, Esc,\n"
	  "Backspace, Delete, Insert, Up, Down, Left, Right, PgUp, PgDn, Home,\n"
	  "End, F1 ... F12, C-a ... C-z (Control and a letter; also Ctrl-a, ^A).\n"
	  "A key given to an action is taken from the action that had it; an\n"
	  "empty value leaves the action without keys. Put a value in quotes\n"
	  "when it holds ; # ' or \" or ends with a backslash (which would join\n"
	  "the next line): toggle-list = \"\\\" or all-marks = '\"'.",
	  "unknown action" },
};

static const char file_intro[] =
	"kanbao.ini — the configuration of kanbao (看报), a terminal reader for\n"
	"newspaper issues, listing every setting at its default value.\n"
	"\n"
	"kanbao reads the first of: the file given with --config FILE;\n"
	"$KANBAO_CONFIG; $XDG_CONFIG_HOME/kanbao/kanbao.ini or else\n"
	"~/.config/kanbao/kanbao.ini. Without one it uses these defaults. Copy\n"
	"this file there and change what you like: a setting left out keeps its\n"
	"default. Lines starting with # or ; are comments, and so is the rest of\n"
	"a line from a # or ; that is not in quotes.";

static const char *const kinsoku_names[] = {
	[LAYOUT_KINSOKU_NONE] = "none",
	[LAYOUT_KINSOKU_BASIC] = "basic",
	[LAYOUT_KINSOKU_STRICT] = "strict",
};

static const struct {
	const char *name;
	short color;
} color_names[] = {
	{ "default", -1 },
	{ "black", 0 }, { "red", 1 }, { "green", 2 }, { "yellow", 3 },
	{ "blue", 4 }, { "magenta", 5 }, { "cyan", 6 }, { "white", 7 },
	{ "bright-black", 8 }, { "bright-red", 9 }, { "bright-green", 10 },
	{ "bright-yellow", 11 }, { "bright-blue", 12 }, { "bright-magenta", 13 },
	{ "bright-cyan", 14 }, { "bright-white", 15 },
};

static const struct {
	const char *name;
	int attr;
} attr_names[] = {
	{ "bold", CONFIG_A_BOLD }, { "dim", CONFIG_A_DIM },
	{ "underline", CONFIG_A_UNDERLINE }, { "reverse", CONFIG_A_REVERSE },
	{ "italic", CONFIG_A_ITALIC }, { "none", 0 },
};

static size_t all_options(option *rows)
{
	size_t n = 0;
	for (size_t i = 0; i < UTIL_ARRAY_LEN(fixed_options); i++)
		rows[n++] = fixed_options[i];
	for (int a = KA_NONE + 1; a < KA_COUNT; a++) {
		option row = { "keys", keymap_action_name((keymap_action)a), OPT_KEYS,
			       NULL, keymap_action_help((keymap_action)a), 0, 0, 0, a, NULL };
		rows[n++] = row;
	}
	return n;
}

/* ---- reading values ---- */

/* One reading of a file (or of the built-in defaults). */
typedef struct load {
	config *cfg;
	const char *file;
	util_buf msg;                   /* the error, "FILE: ..." */
	struct bound_key {
		int key;
		keymap_action action;
	} *bound;                       /* keys bound by this file's [keys] */
	size_t nbound, capbound;
} load;

/* Text from the file in a message, control characters escaped so that a
 * message cannot drive the terminal. */
static void add_escaped(util_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			util_buf_printf(b, "\\x%02x", c);
		else
			util_buf_addc(b, (char)c);
	}
}

static void add_vformat(util_buf *b, const char *fmt, va_list ap)
{
	char text[1024];
	vsnprintf(text, sizeof text, fmt, ap);
	add_escaped(b, text, sizeof text);
}

UTIL_PRINTF(2, 3) static bool fail(load *ld, const char *fmt, ...)
{
	util_buf_printf(&ld->msg, "%s: ", ld->file);
	va_list ap;
	va_start(ap, fmt);
	add_vformat(&ld->msg, fmt, ap);
	va_end(ap);
	return false;
}

static void add_quoted(util_buf *b, const char *s)
{
	util_buf_addc(b, '"');
	add_escaped(b, s, strlen(s));
	util_buf_addc(b, '"');
}

UTIL_PRINTF(4, 5) static bool bad_value(load *ld, const option *opt,
					const char *value, const char *fmt, ...)
{
	util_buf_printf(&ld->msg, "%s: [%s] %s = ", ld->file, opt->section, opt->key);
	add_quoted(&ld->msg, value);
	util_buf_adds(&ld->msg, ": ");
	va_list ap;
	va_start(ap, fmt);
	add_vformat(&ld->msg, fmt, ap);
	va_end(ap);
	return false;
}

static void *field(config *cfg, const option *opt)
{
	return (char *)cfg + opt->offset;
}

static void describe_int(const option *opt, util_buf *out)
{
	util_buf_printf(out, "a whole number from %d to %d", opt->min, opt->max);
}

static void describe_bool(const option *opt, util_buf *out)
{
	(void)opt;
	util_buf_adds(out, "true or false (or yes/no, on/off, 1/0)");
}

static void describe_kinsoku(const option *opt, util_buf *out)
{
	(void)opt;
	util_buf_printf(out, "%s, %s or %s", kinsoku_names[0], kinsoku_names[1],
			kinsoku_names[2]);
}

static void describe_string(const option *opt, util_buf *out)
{
	(void)opt;
	util_buf_adds(out, "a list of folders separated by colons, or nothing");
}

static bool expected(load *ld, const option *opt, const char *value,
		     void (*describe)(const option *, util_buf *))
{
	util_buf what = { 0 };
	describe(opt, &what);
	bad_value(ld, opt, value, "expected %s", util_buf_cstr(&what));
	util_buf_free(&what);
	return false;
}

/* A decimal number, optionally signed, and nothing else. */
static bool parse_long(const char *s, long *v)
{
	const char *digits = s + (*s == '-' || *s == '+');
	if (*digits < '0' || *digits > '9')
		return false;
	char *end;
	errno = 0;
	*v = strtol(s, &end, 10);
	return *end == '\0' && errno == 0;
}

static bool set_int(load *ld, const option *opt, const char *value)
{
	long v;
	if (!parse_long(value, &v) || v < opt->min || v > opt->max)
		return expected(ld, opt, value, describe_int);
	*(int *)field(ld->cfg, opt) = (int)v;
	return true;
}

static bool set_bool(load *ld, const option *opt, const char *value)
{
	static const struct { const char *word; bool value; } words[] = {
		{ "true", true }, { "false", false }, { "yes", true },
		{ "no", false }, { "on", true }, { "off", false },
		{ "1", true }, { "0", false },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(words); i++) {
		if (strcasecmp(value, words[i].word) == 0) {
			*(bool *)field(ld->cfg, opt) = words[i].value;
			return true;
		}
	}
	return expected(ld, opt, value, describe_bool);
}

static void describe_choice(const option *opt, util_buf *out)
{
	size_t n = 0;
	while (opt->choices[n])
		n++;
	for (size_t i = 0; i < n; i++)
		util_buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
				opt->choices[i]);
}

static bool set_choice(load *ld, const option *opt, const char *value)
{
	for (int i = 0; opt->choices[i]; i++) {
		if (strcasecmp(value, opt->choices[i]) == 0) {
			*(int *)field(ld->cfg, opt) = i;
			return true;
		}
	}
	return expected(ld, opt, value, describe_choice);
}

static bool set_kinsoku(load *ld, const option *opt, const char *value)
{
	for (size_t i = 0; i < UTIL_ARRAY_LEN(kinsoku_names); i++) {
		if (strcasecmp(value, kinsoku_names[i]) == 0) {
			*(layout_kinsoku *)field(ld->cfg, opt) = (layout_kinsoku)i;
			return true;
		}
	}
	return expected(ld, opt, value, describe_kinsoku);
}

/* A colour by name or number; false when the word is neither. */
static bool parse_color(const char *word, short *color)
{
	for (size_t i = 0; i < UTIL_ARRAY_LEN(color_names); i++) {
		if (strcasecmp(word, color_names[i].name) == 0) {
			*color = color_names[i].color;
			return true;
		}
	}
	long v;
	if (word[0] >= '0' && word[0] <= '9' && parse_long(word, &v) && v <= 255) {
		*color = (short)v;
		return true;
	}
	return false;
}

static bool parse_attr(const char *word, int *attr)
{
	for (size_t i = 0; i < UTIL_ARRAY_LEN(attr_names); i++) {
		if (strcasecmp(word, attr_names[i].name) == 0) {
			/* "none" means no attributes, whatever came before */
			*attr = attr_names[i].attr ? *attr | attr_names[i].attr : 0;
			return true;
		}
	}
	return false;
}

/* "FG [BG] [ATTR...]"; an attribute may also come first (colours then stay
 * the terminal's). */
static bool set_color(load *ld, const option *opt, const char *value)
{
	config_color c = { -1, -1, 0 };
	int ncolors = 0;
	bool attrs = false;
	char *copy = util_strdup(value);
	char *save = NULL;
	bool ok = true;
	for (char *w = strtok_r(copy, " \t", &save); w && ok; w = strtok_r(NULL, " \t", &save)) {
		short color;
		if (parse_attr(w, &c.attr)) {
			attrs = true;
		} else if (!parse_color(w, &color)) {
			ok = ncolors == 0 && !attrs
				? bad_value(ld, opt, value, "unknown colour \"%s\" (colours: default, "
					    "black, red, green, yellow, blue, magenta, cyan, white, "
					    "bright-black ... bright-white, 0 to 255)", w)
				: bad_value(ld, opt, value, "unknown colour or attribute \"%s\" "
					    "(attributes: bold, dim, underline, reverse, italic, none)", w);
		} else if (ncolors == 2 || attrs) {
			ok = bad_value(ld, opt, value, "colour \"%s\" out of place (expected "
				       "FG [BG] [ATTR...])", w);
		} else {
			*(ncolors++ == 0 ? &c.fg : &c.bg) = color;
		}
	}
	if (ok && ncolors == 0 && !attrs)
		ok = bad_value(ld, opt, value, "expected FG [BG] [ATTR...], for example "
			       "\"default default bold\"");
	free(copy);
	if (ok)
		ld->cfg->color[opt->index] = c;
	return ok;
}

static bool set_string(load *ld, const option *opt, const char *value)
{
	char **f = field(ld->cfg, opt);
	free(*f);
	*f = util_strdup(value);
	return true;
}

/* A key bound by two actions of the same file is a mistake to report, not
 * a move (a move is what rebinding a default key does). */
static bool note_bound_keys(load *ld, keymap_action action, const int *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < ld->nbound; j++) {
			if (ld->bound[j].key != keys[i] || ld->bound[j].action == action)
				continue;
			char name[KEYMAP_KEY_NAME_MAX];
			return fail(ld, "[keys] key \"%s\" is bound to both %s and %s",
				    keymap_key_name(keys[i], name, sizeof name),
				    keymap_action_name(ld->bound[j].action),
				    keymap_action_name(action));
		}
		struct bound_key b = { keys[i], action };
		UTIL_PUSH(ld->bound, ld->nbound, ld->capbound, b);
	}
	return true;
}

static bool set_keys(load *ld, const option *opt, const char *value)
{
	keymap_action action = (keymap_action)opt->index;
	char why[256];
	if (!keymap_bind(ld->cfg->keys, action, value, why, sizeof why))
		return bad_value(ld, opt, value, "%s", why);
	/* every key takes at least one byte of the value */
	size_t max = strlen(value) + 1;
	int *keys = util_calloc(max, sizeof *keys);
	size_t n = keymap_keys_of(ld->cfg->keys, action, keys, max);
	bool ok = note_bound_keys(ld, action, keys, n);
	free(keys);
	return ok;
}

static const struct {
	/* Sets the option from its text; false with the message in ld. */
	bool (*set)(load *ld, const option *opt, const char *value);
	/* The values it takes, for kanbao.ini; NULL: the section intro says. */
	void (*describe)(const option *opt, util_buf *out);
} option_types[] = {
	[OPT_INT] = { set_int, describe_int },
	[OPT_BOOL] = { set_bool, describe_bool },
	[OPT_KINSOKU] = { set_kinsoku, describe_kinsoku },
	[OPT_COLOR] = { set_color, NULL },
	[OPT_KEYS] = { set_keys, NULL },
	[OPT_CHOICE] = { set_choice, describe_choice },
	[OPT_STRING] = { set_string, describe_string },
};

/* ---- defaults ---- */

void config_defaults(config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->keys = keymap_new();
	load ld = { .cfg = cfg, .file = "built-in defaults" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(fixed_options); i++) {
		const option *opt = &fixed_options[i];
		if (!option_types[opt->type].set(&ld, opt, opt->def))
			util_fatal("%s", util_buf_cstr(&ld.msg));
	}
}

void config_free(config *cfg)
{
	keymap_free(cfg->keys);
	cfg->keys = NULL;
	free(cfg->path);
	cfg->path = NULL;
	free(cfg->library_roots);
	cfg->library_roots = NULL;
}

const char *config_color_name(config_element e)
{
	for (size_t i = 0; i < UTIL_ARRAY_LEN(fixed_options); i++)
		if (fixed_options[i].type == OPT_COLOR && fixed_options[i].index == (int)e)
			return fixed_options[i].key;
	return NULL;
}

/* ---- the file ---- */

/* iniparser reports errors through a callback without a context argument,
 * so its first message of a load has to wait in a static buffer. */
static char ini_error[512];

static int capture_ini_error(const char *fmt, ...)
{
	if (ini_error[0] == '\0') {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(ini_error, sizeof ini_error, fmt, ap);
		va_end(ap);
	}
	return 0;
}

/* The line of the file that iniparser's message names ("... in FILE (3)"),
 * or 0. */
static long ini_error_line(const char *path)
{
	util_buf needle = { 0 };
	util_buf_printf(&needle, " in %s (", path);
	const char *at = strstr(ini_error, util_buf_cstr(&needle));
	long line = at ? strtol(at + needle.len, NULL, 10) : 0;
	util_buf_free(&needle);
	return line;
}

/* At most `max` bytes of s, cut at a character boundary. */
static size_t clip_utf8(const char *s, size_t max)
{
	size_t len = strcspn(s, "\n");
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

static bool explain_ini_error(load *ld, const char *path)
{
	long line = ini_error_line(path);
	const char *text = strstr(ini_error, "\n-> ");
	if (line > 0 && strstr(ini_error, "syntax error") && text) {
		text += 4;
		char *snippet = util_strndup(text, clip_utf8(text, 80));
		util_buf q = { 0 };
		add_quoted(&q, snippet);
		fail(ld, "line %ld: syntax error: %s is neither a [section] nor a "
		     "key = value", line, util_buf_cstr(&q));
		util_buf_free(&q);
		free(snippet);
		return false;
	}
	if (line > 0 && strstr(ini_error, "too long"))
		return fail(ld, "line %ld: line too long (at most %d bytes)", line,
			    CONFIG_MAX_LINE);
	const char *msg = ini_error;
	if (strncmp(msg, "iniparser: ", 11) == 0)
		msg += 11;
	return fail(ld, "cannot be read as an INI file: %.*s", (int)strcspn(msg, "\n"),
		    *msg ? msg : "unknown error");
}

static dictionary *parse_ini(load *ld, const char *path)
{
	ini_error[0] = '\0';
	iniparser_set_error_callback(capture_ini_error);
	dictionary *d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (!d)
		explain_ini_error(ld, path);
	return d;
}

/* Checks what iniparser would misread: size, a directory, a byte order
 * mark, NUL bytes. Sets *empty when there is nothing to read. The stream
 * is read to its end (at most CONFIG_MAX_BYTES + 1 bytes). */
static bool check_file(load *ld, FILE *f, bool *empty)
{
	struct stat st;
	if (fstat(fileno(f), &st) != 0)
		return fail(ld, "cannot read: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return fail(ld, "cannot read: %s", strerror(EISDIR));
	char buf[65536];
	size_t total = 0, n;
	long line = 1, nul_line = 0;
	bool bom = false;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (total == 0 && n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
			bom = true;
		for (size_t i = 0; i < n; i++) {
			if (buf[i] == '\0' && !nul_line)
				nul_line = line;
			line += buf[i] == '\n';
		}
		total += n;
		if (total > CONFIG_MAX_BYTES)
			return fail(ld, "too large for a configuration file (more than 1 MiB)");
	}
	if (ferror(f))
		return fail(ld, "cannot read: %s", strerror(errno));
	*empty = total == 0;
	if (!S_ISREG(st.st_mode) && total > 0)
		return fail(ld, "not a regular file");
	if (bom)
		return fail(ld, "starts with a byte order mark; save it as UTF-8 without one");
	if (nul_line)
		return fail(ld, "line %ld: a NUL byte (this is not a text file)", nul_line);
	return true;
}

static bool known_section(const char *name, size_t len, const char **unknown_key)
{
	for (size_t i = 0; i < UTIL_ARRAY_LEN(sections); i++) {
		if (strlen(sections[i].name) == len && strncmp(sections[i].name, name, len) == 0) {
			*unknown_key = sections[i].unknown_key;
			return true;
		}
	}
	return false;
}

static const option *find_option(const option *rows, size_t n, const char *section,
				 size_t section_len, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(rows[i].section) == section_len &&
		    strncmp(rows[i].section, section, section_len) == 0 &&
		    strcmp(rows[i].key, key) == 0)
			return &rows[i];
	return NULL;
}

/* "[section] key", or "[section]" when key is NULL, or just the key when
 * section is empty. */
static const char *entry_name(util_buf *b, const char *section, size_t slen,
			      const char *key)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	if (slen) {
		util_buf_addc(b, '[');
		add_escaped(b, section, slen);
		util_buf_adds(b, key ? "] " : "]");
	}
	if (key)
		add_escaped(b, key, strlen(key));
	return util_buf_cstr(b);
}

static void warn(const load *ld, const char *what, const char *why)
{
	fprintf(stderr, "kanbao: warning: %s: %s: %s, ignored\n", ld->file, what, why);
}

/* Warns about what the table does not know, in the order of the file;
 * an unknown action is an error. iniparser keeps "section" and
 * "section:key" entries (":key" before any section). */
static bool check_names(load *ld, const dictionary *d, const option *rows, size_t n)
{
	util_buf what = { 0 };
	bool ok = true;
	for (ssize_t i = 0; i < d->size && ok; i++) {
		const char *entry = d->key[i];
		if (!entry)
			continue;
		const char *colon = strchr(entry, ':');
		const char *unknown_key = NULL;
		size_t slen = colon ? (size_t)(colon - entry) : strlen(entry);
		bool known = known_section(entry, slen, &unknown_key);
		if (!colon) {
			if (!known)
				warn(ld, entry_name(&what, entry, slen, NULL), "unknown section");
		} else if (colon == entry) {
			warn(ld, entry_name(&what, "", 0, colon + 1), "key outside any section");
		} else if (known && !find_option(rows, n, entry, slen, colon + 1)) {
			entry_name(&what, entry, slen, colon + 1);
			if (unknown_key && slen == 4 && strncmp(entry, "keys", 4) == 0) {
				/* the names it could have been, as the KEYS section of kanbao(1) */
				util_buf names = { 0 };
				for (int a = KA_NONE + 1; a < KA_COUNT; a++)
					util_buf_printf(&names, "%s%s", a > KA_NONE + 1 ? " " : "",
							keymap_action_name((keymap_action)a));
				ok = fail(ld, "%s: %s; the actions (KEYS in kanbao(1)) are: %s", util_buf_cstr(&what),
					  unknown_key, util_buf_cstr(&names));
				util_buf_free(&names);
			} else if (unknown_key) {
				ok = fail(ld, "%s: %s", util_buf_cstr(&what), unknown_key);
			}
			else
				warn(ld, util_buf_cstr(&what), "unknown key");
		}
	}
	util_buf_free(&what);
	return ok;
}

/* The one loop: every option the file sets goes through its type. */
static bool apply_options(load *ld, dictionary *d, const option *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char entry[128];
		snprintf(entry, sizeof entry, "%s:%s", rows[i].section, rows[i].key);
		const char *value = iniparser_getstring(d, entry, NULL);
		if (value && !option_types[rows[i].type].set(ld, &rows[i], value))
			return false;
	}
	return true;
}

static bool read_file(load *ld, FILE *f)
{
	bool empty = false;
	if (!check_file(ld, f, &empty))
		return false;
	if (empty)
		return true;
	dictionary *d = parse_ini(ld, ld->file);
	if (!d)
		return false;
	option rows[NOPTIONS];
	size_t n = all_options(rows);
	bool ok = check_names(ld, d, rows, n) && apply_options(ld, d, rows, n);
	iniparser_freedict(d);
	return ok;
}

/* The file to read (caller frees) and whether it must exist; NULL when
 * there is no place to look. */
static char *config_path(const char *explicit_path, bool *required)
{
	*required = true;
	if (explicit_path)
		return util_strdup(explicit_path);
	const char *env = getenv("KANBAO_CONFIG");
	if (env && *env)
		return util_strdup(env);
	*required = false;
	util_buf path = { 0 };
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')       /* relative values are ignored (XDG spec) */
		util_buf_printf(&path, "%s/kanbao/kanbao.ini", xdg);
	else if (home && *home)
		util_buf_printf(&path, "%s/.config/kanbao/kanbao.ini", home);
	return path.data;
}

bool config_load(config *cfg, const char *explicit_path, char *err, size_t errlen)
{
	config_defaults(cfg);
	if (errlen)
		err[0] = '\0';
	bool required;
	char *path = config_path(explicit_path, &required);
	if (!path)
		return true;
	load ld = { .cfg = cfg, .file = path };
	bool ok = true;
	FILE *f = fopen(path, "rb");
	if (f) {
		ok = read_file(&ld, f);
		fclose(f);
	} else if (required || (errno != ENOENT && errno != ENOTDIR)) {
		ok = fail(&ld, "cannot read: %s", strerror(errno));
	}
	if (!ok) {
		snprintf(err, errlen, "%s", util_buf_cstr(&ld.msg));
		config_free(cfg);
		config_defaults(cfg);
		free(path);
	} else if (f) {
		cfg->path = path;
	} else {
		free(path);
	}
	util_buf_free(&ld.msg);
	free(ld.bound);
	return ok;
}

/* ---- writing kanbao.ini ---- */

static void add_comment(util_buf *b, const char *text)
{
	while (*text) {
		size_t len = strcspn(text, "\n");
		if (len)
			util_buf_printf(b, "# %.*s\n", (int)len, text);
		else
			util_buf_adds(b, "#\n");
		text += len + (text[len] == '\n');
	}
}

/* A value as iniparser reads it back: quoted when it holds a comment
 * character or a quote, ends with a backslash (a continued line) or has
 * spaces at an end. */
static void add_value(util_buf *b, const char *value)
{
	size_t len = strlen(value);
	bool quote = strpbrk(value, ";#\"'") || (len && (value[len - 1] == '\\' ||
		     value[0] == ' ' || value[len - 1] == ' '));
	char q = strchr(value, '"') ? '\'' : '"';
	if (quote)
		util_buf_addc(b, q);
	util_buf_adds(b, value);
	if (quote)
		util_buf_addc(b, q);
}

static void add_default_keys(util_buf *b, const keymap *km, keymap_action a)
{
	util_buf spec = { 0 };
	keymap_keys_text(km, a, &spec);
	add_value(b, util_buf_cstr(&spec));
	util_buf_free(&spec);
}

static void add_option(util_buf *b, const option *opt, const keymap *km)
{
	util_buf_addc(b, '\n');
	add_comment(b, opt->help);
	if (option_types[opt->type].describe) {
		util_buf values = { 0 };
		option_types[opt->type].describe(opt, &values);
		util_buf_printf(b, "# Values: %s.\n", util_buf_cstr(&values));
		util_buf_free(&values);
	}
	util_buf_printf(b, "%s = ", opt->key);
	if (opt->type == OPT_KEYS)
		add_default_keys(b, km, (keymap_action)opt->index);
	else
		add_value(b, opt->def);
	util_buf_addc(b, '\n');
}

void config_write_defaults(FILE *out)
{
	option rows[NOPTIONS];
	size_t n = all_options(rows);
	keymap *km = keymap_new();
	util_buf b = { 0 };
	add_comment(&b, file_intro);
	for (size_t s = 0; s < UTIL_ARRAY_LEN(sections); s++) {
		util_buf_printf(&b, "\n[%s]\n", sections[s].name);
		add_comment(&b, sections[s].intro);
		for (size_t i = 0; i < n; i++)
			if (strcmp(rows[i].section, sections[s].name) == 0)
				add_option(&b, &rows[i], km);
	}
	fwrite(b.data, 1, b.len, out);
	util_buf_free(&b);
	keymap_free(km);
}
