/* Unit tests of the configuration (config.c): defaults, the lookup order,
 * every error message, warnings, and config/kanbao.ini. Each test runs
 * with HOME and XDG_CONFIG_HOME in a fresh temporary folder, so the real
 * user's files are never read. */
#include "testutil.h"

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

typedef struct env {
	char dir[64];
	char home[128];         /* $HOME */
	char xdg[128];          /* $XDG_CONFIG_HOME */
	char path[256];         /* scratch: a file in dir */
} env;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	env *e = calloc(1, sizeof *e);
	assert_non_null(e);
	strcpy(e->dir, "/tmp/kanbao-config-XXXXXX");
	assert_non_null(mkdtemp(e->dir));
	snprintf(e->home, sizeof e->home, "%s/home", e->dir);
	snprintf(e->xdg, sizeof e->xdg, "%s/xdg", e->dir);
	snprintf(e->path, sizeof e->path, "%s/kanbao.ini", e->dir);
	assert_int_equal(mkdir(e->home, 0700), 0);
	assert_int_equal(mkdir(e->xdg, 0700), 0);
	setenv("HOME", e->home, 1);
	setenv("XDG_CONFIG_HOME", e->xdg, 1);
	unsetenv("KANBAO_CONFIG");
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	env *e = *state;
	nftw(e->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(e);
	return 0;
}

static void write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void write_text(const char *path, const char *text)
{
	write_bytes(path, text, strlen(text));
}

/* Makes dir/sub/kanbao.ini's folders and writes it; returns its path. */
static const char *write_config_in(const char *dir, const char *sub, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s/kanbao.ini", dir, sub);
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); *p++ = '/') {
		*p = '\0';
		mkdir(path, 0700);
	}
	write_text(path, text);
	return path;
}

/* ---- stderr capture ---- */

static int saved_stderr = -1;
static FILE *captured;

static void capture_begin(void)
{
	fflush(stderr);
	captured = tmpfile();
	assert_non_null(captured);
	saved_stderr = dup(2);
	assert_true(saved_stderr >= 0);
	assert_true(dup2(fileno(captured), 2) >= 0);
}

/* Returns what was written to stderr since capture_begin (caller frees). */
static char *capture_end(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	long n = ftell(captured);
	assert_true(n >= 0);
	char *text = calloc(1, (size_t)n + 1);
	assert_non_null(text);
	rewind(captured);
	assert_int_equal(fread(text, 1, (size_t)n, captured), (size_t)n);
	fclose(captured);
	return text;
}

/* ---- expected values ---- */

static void assert_color(const config *cfg, config_element e, short fg, short bg, int attr)
{
	if (cfg->color[e].fg != fg || cfg->color[e].bg != bg || cfg->color[e].attr != attr)
		fail_msg("colour %s is %d %d %d, expected %d %d %d", config_color_name(e),
			 cfg->color[e].fg, cfg->color[e].bg, cfg->color[e].attr, fg, bg, attr);
}

static void assert_default_values(const config *cfg)
{
	assert_int_equal(cfg->list_width, 30);
	assert_int_equal(cfg->layout.max_width, 80);
	assert_int_equal(cfg->layout.indent, 4);
	assert_true(cfg->layout.blank_between);
	assert_int_equal(cfg->layout.kinsoku, LAYOUT_KINSOKU_BASIC);
	assert_false(cfg->layout.hanging_punctuation);
	assert_true(cfg->layout.center);
	assert_true(cfg->show_list);
	assert_true(cfg->mouse);
	assert_true(cfg->restore);
	assert_int_equal(cfg->scroll_context, 2);
	assert_true(cfg->incremental_search);
	enum { B = CONFIG_A_BOLD, D = CONFIG_A_DIM, U = CONFIG_A_UNDERLINE,
	       R = CONFIG_A_REVERSE, I = CONFIG_A_ITALIC };
	assert_color(cfg, CONFIG_C_TEXT, -1, -1, 0);
	assert_color(cfg, CONFIG_C_HEADLINE, -1, -1, B | R);
	assert_color(cfg, CONFIG_C_KICKER, -1, -1, I);
	assert_color(cfg, CONFIG_C_SUBTITLE, -1, -1, B | I);
	assert_color(cfg, CONFIG_C_BYLINE, -1, -1, D);
	assert_color(cfg, CONFIG_C_COLUMN, -1, -1, U);
	assert_color(cfg, CONFIG_C_SUBHEAD, -1, -1, B);
	assert_color(cfg, CONFIG_C_CAPTION, -1, -1, D | I);
	assert_color(cfg, CONFIG_C_CREDIT, -1, -1, D);
	assert_color(cfg, CONFIG_C_JUMP, -1, -1, U);
	assert_color(cfg, CONFIG_C_LIST, -1, -1, 0);
	assert_color(cfg, CONFIG_C_LIST_PAGE, -1, -1, B);
	assert_color(cfg, CONFIG_C_LIST_COLUMN, -1, -1, U);
	assert_color(cfg, CONFIG_C_LIST_CURRENT, -1, -1, R);
	assert_color(cfg, CONFIG_C_LIST_READ, -1, -1, D);
	assert_color(cfg, CONFIG_C_STATUS, -1, -1, R);
	assert_color(cfg, CONFIG_C_HIT, 0, 3, U);
	assert_color(cfg, CONFIG_C_CURRENT_HIT, -1, -1, B | R);
	assert_color(cfg, CONFIG_C_BORDER, -1, -1, D);
	assert_color(cfg, CONFIG_C_MESSAGE, -1, -1, B);
	assert_color(cfg, CONFIG_C_ERROR, 1, -1, B);
	assert_color(cfg, CONFIG_C_LIST_OPEN, -1, -1, B);
	assert_true(cfg->space_continues);
	assert_int_equal(cfg->save_after, 5);
	assert_int_equal(cfg->ambiguous_width, CONFIG_AMBIGUOUS_AUTO);
	assert_int_equal(cfg->layout.cjk_punctuation, LAYOUT_PUNCT_RESTORE);
	/* the keymap is keymap.c's default (tested there); spot checks */
	assert_non_null(cfg->keys);
	assert_int_equal(keymap_lookup(cfg->keys, 'j'), KA_LINE_DOWN);
	assert_int_equal(keymap_lookup(cfg->keys, '\\'), KA_TOGGLE_LIST);
	assert_int_equal(keymap_lookup(cfg->keys, '"'), KA_ALL_MARKS);
	assert_int_equal(keymap_lookup(cfg->keys, 'q'), KA_QUIT);
}

static void assert_same_keys(const keymap *a, const keymap *b)
{
	for (int act = KA_NONE + 1; act < KA_COUNT; act++) {
		int ka[16], kb[16];
		size_t na = keymap_keys_of(a, (keymap_action)act, ka, 16);
		size_t nb = keymap_keys_of(b, (keymap_action)act, kb, 16);
		assert_int_equal(na, nb);
		assert_memory_equal(ka, kb, na * sizeof *ka);
	}
}

/* ---- defaults and kanbao.ini ---- */

static void test_defaults_equal_table(void **state)
{
	(void)state;
	config cfg;
	config_defaults(&cfg);
	assert_default_values(&cfg);
	assert_null(cfg.path);
	config_free(&cfg);
	config_free(&cfg);      /* safe twice */
}

static void test_color_names(void **state)
{
	(void)state;
	static const char *const names[CONFIG_NCOLORS] = {
		"text", "headline", "kicker", "subtitle", "byline", "column",
		"subhead", "caption", "credit", "jump", "list", "list-page",
		"list-column", "list-current", "list-read", "status", "hit",
		"current-hit", "border", "message", "error", "list-open", "note",
	};
	for (int e = 0; e < CONFIG_NCOLORS; e++)
		assert_string_equal(config_color_name((config_element)e), names[e]);
	assert_null(config_color_name(CONFIG_NCOLORS));
}

static char *defaults_text(size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	assert_non_null(f);
	config_write_defaults(f);
	assert_int_equal(fclose(f), 0);
	return text;
}

static const char *default_ini_path(void)
{
	static char path[4096];
	const char *src = getenv("KANBAO_SRC");
	snprintf(path, sizeof path, "%s/config/kanbao.ini", src ? src : ".");
	return path;
}

static void test_default_file_is_the_table(void **state)
{
	(void)state;
	size_t len, flen;
	char *text = defaults_text(&len);
	char *file = tu_read_file(default_ini_path(), &flen);
	if (len != flen || memcmp(text, file, len) != 0) {
		/* leave the right text where it can be copied from */
		const char *fresh = "/tmp/kanbao.ini.expected";
		write_bytes(fresh, text, len);
		fail_msg("config/kanbao.ini differs from config_write_defaults(): "
			 "the table changed; cp %s config/kanbao.ini", fresh);
	}
	/* a line ending in a backslash would swallow the next one in iniparser */
	assert_null(strstr(text, "\\\n"));
	/* every section and every option is in it, with its value */
	assert_non_null(strstr(text, "\n[layout]\n"));
	assert_non_null(strstr(text, "\n[reader]\n"));
	assert_non_null(strstr(text, "\n[colors]\n"));
	assert_non_null(strstr(text, "\n[keys]\n"));
	assert_non_null(strstr(text, "\n# Values: a whole number from 20 to 400.\nmax_width = 80\n"));
	assert_non_null(strstr(text, "\n# Values: none, basic or strict.\nkinsoku = basic\n"));
	assert_non_null(strstr(text, "\n# Search hits\nhit = black yellow underline\n"));
	assert_non_null(strstr(text, "\n# Scroll down one line\nline-down = j Down C-n C-e\n"));
	assert_non_null(strstr(text, "\ntoggle-list = \"\\\"\n"));
	assert_non_null(strstr(text, "\nmarks = \"'\"\n"));
	assert_non_null(strstr(text, "\nall-marks = '\"'\n"));
	for (int e = 0; e < CONFIG_NCOLORS; e++) {
		char line[64];
		snprintf(line, sizeof line, "\n%s = ", config_color_name((config_element)e));
		assert_non_null(strstr(text, line));
	}
	for (int a = KA_NONE + 1; a < KA_COUNT; a++) {
		char line[64];
		snprintf(line, sizeof line, "\n%s = ", keymap_action_name((keymap_action)a));
		assert_non_null(strstr(text, line));
	}
	free(text);
	free(file);
}

static void test_default_file_loads_as_defaults(void **state)
{
	(void)state;
	config cfg, def;
	char err[512] = "x";
	capture_begin();
	bool ok = config_load(&cfg, default_ini_path(), err, sizeof err);
	char *warnings = capture_end();
	assert_true(ok);
	assert_string_equal(err, "");
	assert_string_equal(warnings, "");
	assert_string_equal(cfg.path, default_ini_path());
	assert_default_values(&cfg);
	config_defaults(&def);
	assert_memory_equal(&cfg.layout, &def.layout, sizeof def.layout);
	assert_memory_equal(cfg.color, def.color, sizeof def.color);
	assert_same_keys(cfg.keys, def.keys);
	config_free(&def);
	config_free(&cfg);
	free(warnings);
}

/* ---- lookup order ---- */

static void load_ok(config *cfg, const char *explicit_path)
{
	char err[512] = "";
	capture_begin();
	bool ok = config_load(cfg, explicit_path, err, sizeof err);
	char *warnings = capture_end();
	if (!ok)
		fail_msg("config_load failed: %s", err);
	assert_string_equal(warnings, "");
	free(warnings);
}

/* Replaces "%ACTIONS%" in s by every action name, as the message of an
 * unknown action lists them (issue 13: it said to see --help, which does
 * not list them). */
static void with_action_names(char *s, size_t size)
{
	char *at = strstr(s, "%ACTIONS%");
	if (!at)
		return;
	util_buf b = { 0 };
	util_buf_add(&b, s, (size_t)(at - s));
	for (int a = KA_NONE + 1; a < KA_COUNT; a++)
		util_buf_printf(&b, "%s%s", a > KA_NONE + 1 ? " " : "", keymap_action_name((keymap_action)a));
	util_buf_adds(&b, at + 9);
	snprintf(s, size, "%s", util_buf_cstr(&b));
	util_buf_free(&b);
}

static void load_fails(const char *explicit_path, const char *expected)
{
	config cfg;
	char err[2048] = "";
	capture_begin();
	bool ok = config_load(&cfg, explicit_path, err, sizeof err);
	char *out = capture_end();
	assert_false(ok);
	assert_string_equal(err, expected);
	assert_string_equal(out, "");       /* no warning, nor iniparser's message */
	free(out);
	/* what is left is the defaults, ready for config_free */
	assert_default_values(&cfg);
	assert_null(cfg.path);
	config_free(&cfg);
}

static void test_lookup_nothing_found(void **state)
{
	env *e = *state;
	config cfg;
	load_ok(&cfg, NULL);
	assert_null(cfg.path);
	assert_default_values(&cfg);
	config_free(&cfg);
	/* a kanbao folder without the file is no file either */
	write_config_in(e->xdg, "other", "[layout]\nmax_width = 50\n");
	assert_int_equal(mkdir(strcat(strcpy(e->path, e->xdg), "/kanbao"), 0700), 0);
	load_ok(&cfg, NULL);
	assert_null(cfg.path);
	config_free(&cfg);
	/* neither HOME nor XDG_CONFIG_HOME */
	unsetenv("HOME");
	unsetenv("XDG_CONFIG_HOME");
	load_ok(&cfg, NULL);
	assert_null(cfg.path);
	assert_int_equal(cfg.layout.max_width, 80);
	config_free(&cfg);
}

static void test_lookup_xdg(void **state)
{
	env *e = *state;
	const char *path = write_config_in(e->xdg, "kanbao", "[layout]\nmax_width = 61\n");
	char expected[512];
	snprintf(expected, sizeof expected, "%s", path);
	write_config_in(e->home, ".config/kanbao", "[layout]\nmax_width = 62\n");
	config cfg;
	load_ok(&cfg, NULL);
	assert_string_equal(cfg.path, expected);
	assert_int_equal(cfg.layout.max_width, 61);
	config_free(&cfg);
}

static void test_lookup_home(void **state)
{
	env *e = *state;
	const char *path = write_config_in(e->home, ".config/kanbao", "[layout]\nmax_width = 62\n");
	char expected[512];
	snprintf(expected, sizeof expected, "%s", path);
	config cfg;
	unsetenv("XDG_CONFIG_HOME");
	load_ok(&cfg, NULL);
	assert_string_equal(cfg.path, expected);
	assert_int_equal(cfg.layout.max_width, 62);
	config_free(&cfg);
	/* an empty or relative XDG_CONFIG_HOME is ignored (XDG spec) */
	setenv("XDG_CONFIG_HOME", "", 1);
	load_ok(&cfg, NULL);
	assert_string_equal(cfg.path, expected);
	config_free(&cfg);
	setenv("XDG_CONFIG_HOME", "xdg", 1);
	load_ok(&cfg, NULL);
	assert_string_equal(cfg.path, expected);
	config_free(&cfg);
	/* a set XDG_CONFIG_HOME is the only place looked at */
	setenv("XDG_CONFIG_HOME", e->xdg, 1);
	load_ok(&cfg, NULL);
	assert_null(cfg.path);
	assert_int_equal(cfg.layout.max_width, 80);
	config_free(&cfg);
}

static void test_lookup_environment_and_explicit(void **state)
{
	env *e = *state;
	write_config_in(e->xdg, "kanbao", "[layout]\nmax_width = 61\n");
	char env_path[512], explicit_path[512];
	snprintf(env_path, sizeof env_path, "%s/env.ini", e->dir);
	snprintf(explicit_path, sizeof explicit_path, "%s/explicit.ini", e->dir);
	write_text(env_path, "[layout]\nmax_width = 63\n");
	write_text(explicit_path, "[layout]\nmax_width = 64\n");
	config cfg;
	setenv("KANBAO_CONFIG", env_path, 1);
	load_ok(&cfg, NULL);
	assert_string_equal(cfg.path, env_path);
	assert_int_equal(cfg.layout.max_width, 63);
	config_free(&cfg);
	load_ok(&cfg, explicit_path);
	assert_string_equal(cfg.path, explicit_path);
	assert_int_equal(cfg.layout.max_width, 64);
	config_free(&cfg);
	/* an empty KANBAO_CONFIG is as if unset */
	setenv("KANBAO_CONFIG", "", 1);
	load_ok(&cfg, NULL);
	assert_int_equal(cfg.layout.max_width, 61);
	config_free(&cfg);
	/* /dev/null: no settings at all */
	load_ok(&cfg, "/dev/null");
	assert_string_equal(cfg.path, "/dev/null");
	assert_default_values(&cfg);
	config_free(&cfg);
}

static void test_lookup_unreadable(void **state)
{
	env *e = *state;
	char missing[512], expected[1024];
	snprintf(missing, sizeof missing, "%s/missing.ini", e->dir);
	/* an explicit file must exist */
	snprintf(expected, sizeof expected, "%s: cannot read: No such file or directory", missing);
	load_fails(missing, expected);
	load_fails("", ": cannot read: No such file or directory");
	/* so must the one $KANBAO_CONFIG names */
	setenv("KANBAO_CONFIG", missing, 1);
	load_fails(NULL, expected);
	unsetenv("KANBAO_CONFIG");
	/* a folder is not a configuration file, given or found */
	snprintf(expected, sizeof expected, "%s: cannot read: Is a directory", e->dir);
	load_fails(e->dir, expected);
	char found[512];
	snprintf(found, sizeof found, "%s/kanbao/kanbao.ini", e->xdg);
	write_config_in(e->xdg, "kanbao/kanbao.ini", "");
	snprintf(expected, sizeof expected, "%s: cannot read: Is a directory", found);
	load_fails(NULL, expected);
	/* a found file that cannot be opened (root reads everything) */
	if (geteuid() != 0) {
		write_text(e->path, "[layout]\n");
		assert_int_equal(chmod(e->path, 0), 0);
		snprintf(expected, sizeof expected, "%s: cannot read: Permission denied", e->path);
		load_fails(e->path, expected);
	}
}

/* ---- errors ---- */

static const struct {
	const char *text;
	const char *message;    /* after "PATH: " */
} bad_files[] = {
	{ "[layout]\nmax_width = wide\n",
	  "[layout] max_width = \"wide\": expected a whole number from 20 to 400" },
	{ "[layout]\nmax_width = 401\n",
	  "[layout] max_width = \"401\": expected a whole number from 20 to 400" },
	{ "[layout]\nmax_width = 19\n",
	  "[layout] max_width = \"19\": expected a whole number from 20 to 400" },
	{ "[layout]\nlist_width = 0x20\n",
	  "[layout] list_width = \"0x20\": expected a whole number from 10 to 200" },
	{ "[layout]\nindent = 4.5\n",
	  "[layout] indent = \"4.5\": expected a whole number from 0 to 16" },
	{ "[layout]\nindent =\n",
	  "[layout] indent = \"\": expected a whole number from 0 to 16" },
	{ "[reader]\nscroll_context = 99999999999999999999999\n",
	  "[reader] scroll_context = \"99999999999999999999999\": expected a whole number from 0 to 10" },
	{ "[reader]\nmouse = maybe\n",
	  "[reader] mouse = \"maybe\": expected true or false (or yes/no, on/off, 1/0)" },
	{ "[reader]\nrestore = truee\n",
	  "[reader] restore = \"truee\": expected true or false (or yes/no, on/off, 1/0)" },
	{ "[reader]\nmouse = a\x01" "b\n",
	  "[reader] mouse = \"a\\x01b\": expected true or false (or yes/no, on/off, 1/0)" },
	{ "[colors]\nhit = \x1b[5m\n",
	  "[colors] hit = \"\\x1b[5m\": unknown colour \"\\x1b[5m\" (colours: default, "
	  "black, red, green, yellow, blue, magenta, cyan, white, bright-black ... "
	  "bright-white, 0 to 255)" },
	{ "[keys]\nquit = q \x1b\n",
	  "[keys] quit = \"q \\x1b\": unknown key name \"\\x1b\"" },
	{ "[layout]\nkinsoku = extreme\n",
	  "[layout] kinsoku = \"extreme\": expected none, basic or strict" },
	{ "[colors]\nheadline = purpleish\n",
	  "[colors] headline = \"purpleish\": unknown colour \"purpleish\" (colours: default, "
	  "black, red, green, yellow, blue, magenta, cyan, white, bright-black ... "
	  "bright-white, 0 to 255)" },
	{ "[colors]\nhit = 256\n",
	  "[colors] hit = \"256\": unknown colour \"256\" (colours: default, "
	  "black, red, green, yellow, blue, magenta, cyan, white, bright-black ... "
	  "bright-white, 0 to 255)" },
	{ "[colors]\nhit = black yelow\n",
	  "[colors] hit = \"black yelow\": unknown colour or attribute \"yelow\" "
	  "(attributes: bold, dim, underline, reverse, italic, none)" },
	{ "[colors]\nhit = bold red\n",
	  "[colors] hit = \"bold red\": colour \"red\" out of place (expected FG [BG] [ATTR...])" },
	{ "[colors]\nhit = red blue green\n",
	  "[colors] hit = \"red blue green\": colour \"green\" out of place (expected FG [BG] [ATTR...])" },
	{ "[colors]\nhit = \"\"\n",
	  "[colors] hit = \"\": expected FG [BG] [ATTR...], for example \"default default bold\"" },
	{ "[keys]\njump-forward = x\n",
	  "[keys] jump-forward: unknown action; the actions (KEYS in kanbao(1)) are: %ACTIONS%" },
	{ "[keys]\nnext-article = C-ä\n",
	  "[keys] next-article = \"C-ä\": unknown key name \"C-ä\"" },
	{ "[keys]\nquit = q PageDwn\n",
	  "[keys] quit = \"q PageDwn\": unknown key name \"PageDwn\"" },
	{ "[keys]\nline-down = j\nnext-article = J j\n",
	  "[keys] key \"j\" is bound to both line-down and next-article" },
	{ "[keys]\nnext-article = Space\npage-down = PgDn space\n",
	  "[keys] key \"Space\" is bound to both page-down and next-article" },
	{ "[layout]\nmax_width 80\n",
	  "line 2: syntax error: \"max_width 80\" is neither a [section] nor a key = value" },
	{ "[layout\nmax_width = 80\n",
	  "line 1: syntax error: \"[layout\" is neither a [section] nor a key = value" },
	{ "\xef\xbb\xbf[layout]\nmax_width = 80\n",
	  "starts with a byte order mark; save it as UTF-8 without one" },
};

static void test_error_messages(void **state)
{
	env *e = *state;
	for (size_t i = 0; i < UTIL_ARRAY_LEN(bad_files); i++) {
		char expected[2048];
		write_text(e->path, bad_files[i].text);
		snprintf(expected, sizeof expected, "%s: %s", e->path, bad_files[i].message);
		with_action_names(expected, sizeof expected);
		load_fails(e->path, expected);
	}
}

static void test_error_is_truncated_to_errlen(void **state)
{
	env *e = *state;
	write_text(e->path, "[layout]\nmax_width = wide\n");
	config cfg;
	char err[8];
	assert_false(config_load(&cfg, e->path, err, sizeof err));
	assert_int_equal(strlen(err), 7);
	assert_memory_equal(err, e->path, 7);
	config_free(&cfg);
}

static void test_line_too_long(void **state)
{
	env *e = *state;
	char expected[1024];
	/* 1022 characters fit in iniparser's line buffer, 1023 do not */
	char text[2048] = "[layout]\n# ";
	memset(text + strlen(text), 'x', 1020);
	strcat(text, "\nmax_width = 70\n");
	write_text(e->path, text);
	config cfg;
	load_ok(&cfg, e->path);
	assert_int_equal(cfg.layout.max_width, 70);
	config_free(&cfg);
	strcpy(text, "[layout]\n# ");
	memset(text + strlen(text), 'x', 1021);
	strcat(text, "\nmax_width = 70\n");
	write_text(e->path, text);
	snprintf(expected, sizeof expected, "%s: line 2: line too long (at most 1022 bytes)", e->path);
	load_fails(e->path, expected);
}

static void test_file_size_limit(void **state)
{
	env *e = *state;
	enum { MIB = 1024 * 1024 };
	char *text = malloc(MIB + 2);
	assert_non_null(text);
	/* 1 MiB of comments and one setting is still a configuration file */
	memset(text, '#', MIB);
	for (size_t i = 100; i < MIB; i += 101)
		text[i] = '\n';
	const char tail[] = "\n[layout]\nindent = 3\n";
	memcpy(text + MIB - strlen(tail), tail, strlen(tail));
	write_bytes(e->path, text, MIB);
	config cfg;
	load_ok(&cfg, e->path);
	assert_int_equal(cfg.layout.indent, 3);
	config_free(&cfg);
	/* one byte more is not */
	text[MIB] = '\n';
	write_bytes(e->path, text, MIB + 1);
	char expected[1024];
	snprintf(expected, sizeof expected,
		 "%s: too large for a configuration file (more than 1 MiB)", e->path);
	load_fails(e->path, expected);
	free(text);
}

static void test_nul_byte(void **state)
{
	env *e = *state;
	write_bytes(e->path, "[reader]\nmouse = on\nx\0y\n", 24);
	char expected[1024];
	snprintf(expected, sizeof expected,
		 "%s: line 3: a NUL byte (this is not a text file)", e->path);
	load_fails(e->path, expected);
}

/* ---- warnings and settings that take effect ---- */

static void test_unknown_names_warn(void **state)
{
	(void)state;
	char path[4096], expected[4 * 4096 + 256];
	snprintf(path, sizeof path, "%s", tu_fixture("config/unknown.ini"));
	config cfg;
	char err[512] = "x";
	capture_begin();
	bool ok = config_load(&cfg, path, err, sizeof err);
	char *warnings = capture_end();
	assert_true(ok);
	assert_string_equal(err, "");
	snprintf(expected, sizeof expected,
		 "kanbao: warning: %s: top: key outside any section, ignored\n"
		 "kanbao: warning: %s: [layout] foo: unknown key, ignored\n"
		 "kanbao: warning: %s: [fonts]: unknown section, ignored\n",
		 path, path, path);
	assert_string_equal(warnings, expected);
	assert_int_equal(cfg.layout.max_width, 60);
	assert_false(cfg.mouse);            /* keys are case-insensitive */
	assert_true(cfg.restore);
	assert_string_equal(cfg.path, path);
	free(warnings);
	config_free(&cfg);
}

static void test_warning_escapes_control_characters(void **state)
{
	env *e = *state;
	write_text(e->path, "[reader]\nbell\x1b[31m = 1\n[\x07]\n");
	config cfg;
	char err[512] = "x", expected[2048];
	capture_begin();
	bool ok = config_load(&cfg, e->path, err, sizeof err);
	char *warnings = capture_end();
	assert_true(ok);
	snprintf(expected, sizeof expected,
		 "kanbao: warning: %s: [reader] bell\\x1b[31m: unknown key, ignored\n"
		 "kanbao: warning: %s: [\\x07]: unknown section, ignored\n",
		 e->path, e->path);
	assert_string_equal(warnings, expected);
	free(warnings);
	config_free(&cfg);
	write_text(e->path, "[keys]\n\x1b[2J = q\n");
	snprintf(expected, sizeof expected, "%s: [keys] \\x1b[2j: unknown action; "
		 "the actions (KEYS in kanbao(1)) are: %%ACTIONS%%", e->path);
	with_action_names(expected, sizeof expected);
	load_fails(e->path, expected);
}

static void test_settings_take_effect(void **state)
{
	(void)state;
	config cfg;
	load_ok(&cfg, tu_fixture("config/custom.ini"));
	assert_string_equal(cfg.path, tu_fixture("config/custom.ini"));
	assert_int_equal(cfg.list_width, 30);
	assert_int_equal(cfg.layout.max_width, 66);
	assert_int_equal(cfg.layout.indent, 0);
	assert_false(cfg.layout.blank_between);
	assert_int_equal(cfg.layout.kinsoku, LAYOUT_KINSOKU_STRICT);
	assert_true(cfg.layout.hanging_punctuation);
	assert_false(cfg.layout.center);
	assert_false(cfg.show_list);
	assert_true(cfg.mouse);
	assert_true(cfg.restore);
	assert_int_equal(cfg.scroll_context, 0);
	assert_false(cfg.incremental_search);
	assert_color(&cfg, CONFIG_C_HEADLINE, 4, -1, CONFIG_A_BOLD | CONFIG_A_UNDERLINE);
	assert_color(&cfg, CONFIG_C_HIT, 16, 226, 0);
	assert_color(&cfg, CONFIG_C_CURRENT_HIT, 15, 1, CONFIG_A_BOLD);
	assert_color(&cfg, CONFIG_C_BYLINE, -1, -1, 0);
	assert_color(&cfg, CONFIG_C_ERROR, -1, -1, 0);
	assert_color(&cfg, CONFIG_C_CAPTION, -1, -1, CONFIG_A_DIM | CONFIG_A_ITALIC);   /* the default */
	/* rebinding: j moved from line-down, the old keys of next-article freed */
	const keymap *km = cfg.keys;
	assert_int_equal(keymap_lookup(km, 'j'), KA_NEXT_ARTICLE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_RIGHT), KA_NEXT_ARTICLE);
	assert_int_equal(keymap_lookup(km, 'J'), KA_NONE);
	assert_int_equal(keymap_lookup(km, ']'), KA_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_DOWN), KA_LINE_DOWN);
	assert_int_equal(keymap_lookup(km, KEYMAP_CTRL('n')), KA_LINE_DOWN);
	assert_int_equal(keymap_lookup(km, KEYMAP_CTRL('e')), KA_NONE);
	assert_int_equal(keymap_lookup(km, 'k'), KA_LINE_UP);
	assert_int_equal(keymap_lookup(km, 'q'), KA_QUIT);
	assert_int_equal(keymap_lookup(km, ';'), KA_QUIT);
	assert_int_equal(keymap_lookup(km, '\\'), KA_TOGGLE_LIST);
	assert_int_equal(keymap_lookup(km, '/'), KA_SEARCH_FORWARD);
	assert_int_equal(keymap_lookup(km, '#'), KA_SEARCH_FORWARD);
	assert_int_equal(keymap_lookup(km, '?'), KA_SEARCH_BACKWARD);
	config_free(&cfg);
}

static void test_crlf_file(void **state)
{
	(void)state;
	config cfg;
	load_ok(&cfg, tu_fixture("config/crlf.ini"));
	assert_false(cfg.mouse);
	assert_int_equal(cfg.layout.indent, 2);
	config_free(&cfg);
}

static void test_bool_words(void **state)
{
	env *e = *state;
	static const struct { const char *word; bool value; } words[] = {
		{ "true", true }, { "false", false }, { "yes", true }, { "no", false },
		{ "on", true }, { "off", false }, { "1", true }, { "0", false },
		{ "TRUE", true }, { "Off", false },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(words); i++) {
		char text[128];
		snprintf(text, sizeof text, "[reader]\nmouse = %s\n", words[i].word);
		write_text(e->path, text);
		config cfg;
		load_ok(&cfg, e->path);
		if (cfg.mouse != words[i].value)
			fail_msg("mouse = %s read as %d", words[i].word, cfg.mouse);
		config_free(&cfg);
	}
}

static void test_range_limits(void **state)
{
	env *e = *state;
	write_text(e->path, "[layout]\nlist_width = 10\nmax_width = 400\nindent = +16\n"
		   "[reader]\nscroll_context = 0\n");
	config cfg;
	load_ok(&cfg, e->path);
	assert_int_equal(cfg.list_width, 10);
	assert_int_equal(cfg.layout.max_width, 400);
	assert_int_equal(cfg.layout.indent, 16);
	assert_int_equal(cfg.scroll_context, 0);
	config_free(&cfg);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_defaults_equal_table),
		T(test_color_names),
		T(test_default_file_is_the_table),
		T(test_default_file_loads_as_defaults),
		T(test_lookup_nothing_found),
		T(test_lookup_xdg),
		T(test_lookup_home),
		T(test_lookup_environment_and_explicit),
		T(test_lookup_unreadable),
		T(test_error_messages),
		T(test_error_is_truncated_to_errlen),
		T(test_line_too_long),
		T(test_file_size_limit),
		T(test_nul_byte),
		T(test_unknown_names_warn),
		T(test_warning_escapes_control_characters),
		T(test_settings_take_effect),
		T(test_crlf_file),
		T(test_bool_words),
		T(test_range_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
