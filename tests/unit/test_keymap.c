/* Unit tests of the key bindings (keymap.c). */
#include "testutil.h"
#include "keymap.h"
#include "util.h"

/* The default bindings as DESIGN.md and the task list them, in order. */
static const struct {
	keymap_action action;
	int keys[5];            /* 0-terminated */
} expected_defaults[] = {
	{ KA_LINE_DOWN, { 'j', KEYMAP_K_DOWN, KEYMAP_CTRL('n'), KEYMAP_CTRL('e') } },
	{ KA_LINE_UP, { 'k', KEYMAP_K_UP, KEYMAP_CTRL('p'), KEYMAP_CTRL('y') } },
	{ KA_HALF_DOWN, { 'd', KEYMAP_CTRL('d') } },
	{ KA_HALF_UP, { 'u', KEYMAP_CTRL('u') } },
	{ KA_PAGE_DOWN, { ' ', KEYMAP_K_PGDN, 'f', KEYMAP_CTRL('f') } },
	{ KA_PAGE_UP, { 'b', KEYMAP_K_PGUP, KEYMAP_CTRL('b') } },
	{ KA_TOP, { 'g', KEYMAP_K_HOME } },
	{ KA_BOTTOM, { 'G', KEYMAP_K_END } },
	{ KA_NEXT_ARTICLE, { 'J', ']' } },
	{ KA_PREV_ARTICLE, { 'K', '[' } },
	{ KA_NEXT_PAGE, { '>', KEYMAP_K_RIGHT } },
	{ KA_PREV_PAGE, { '<', KEYMAP_K_LEFT } },
	{ KA_GO_TO_PAGE, { ':' } },
	{ KA_NEXT_UNREAD, { 'U' } },
	{ KA_NEXT_SUBHEAD, { '}' } },
	{ KA_PREV_SUBHEAD, { '{' } },
	{ KA_OPEN, { KEYMAP_K_ENTER } },
	{ KA_FOCUS, { KEYMAP_K_TAB } },
	{ KA_TOGGLE_LIST, { '\\' } },
	{ KA_SEARCH_FORWARD, { '/' } },
	{ KA_SEARCH_BACKWARD, { '?' } },
	{ KA_NEXT_HIT, { 'n' } },
	{ KA_PREV_HIT, { 'N' } },
	{ KA_HIT_LIST, { 'F' } },
	{ KA_CLEAR, { KEYMAP_K_ESC } },
	{ KA_FOLLOW_JUMP, { 'o' } },
	{ KA_BACK, { KEYMAP_K_BACKSPACE, KEYMAP_CTRL('h'), '-' } },
	{ KA_MARK, { 'm' } },
	{ KA_MARKS, { '\'' } },
	{ KA_ALL_MARKS, { '"' } },
	{ KA_PHOTOS, { 'p' } },
	{ KA_LIBRARY_SEARCH, { 'S' } },
	{ KA_SCRIPT, { 'T' } },
	{ KA_HELP, { 'h', KEYMAP_K_F1 } },
	{ KA_REDRAW, { KEYMAP_CTRL('l') } },
	{ KA_QUIT, { 'q' } },
};

static size_t count_keys(const int *keys)
{
	size_t n = 0;
	while (n < 5 && keys[n])
		n++;
	return n;
}

static void test_default_bindings(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	assert_int_equal(UTIL_ARRAY_LEN(expected_defaults), KA_COUNT - 1);
	for (size_t i = 0; i < UTIL_ARRAY_LEN(expected_defaults); i++) {
		keymap_action a = expected_defaults[i].action;
		size_t n = count_keys(expected_defaults[i].keys);
		int got[8];
		assert_int_equal(keymap_keys_of(km, a, got, 8), n);
		for (size_t k = 0; k < n; k++) {
			assert_int_equal(got[k], expected_defaults[i].keys[k]);
			assert_int_equal(keymap_lookup(km, expected_defaults[i].keys[k]), a);
		}
	}
	/* free keys */
	assert_int_equal(keymap_lookup(km, 'x'), KA_NONE);
	assert_int_equal(keymap_lookup(km, 'Q'), KA_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_F1 + 1), KA_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_INSERT), KA_NONE);
	assert_int_equal(keymap_lookup(km, '5'), KA_NONE);      /* digits make counts */
	assert_int_equal(keymap_lookup(km, 0x4E0B), KA_NONE);
	/* keys_of stops at max */
	int two[2];
	assert_int_equal(keymap_keys_of(km, KA_LINE_DOWN, two, 2), 2);
	assert_int_equal(two[0], 'j');
	assert_int_equal(two[1], KEYMAP_K_DOWN);
	assert_int_equal(keymap_keys_of(km, KA_NONE, two, 2), 0);
	keymap_free(km);
	keymap_free(NULL);
}

static void test_raw_control_characters(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	assert_int_equal(keymap_lookup(km, 4), KA_HALF_DOWN);       /* C-d */
	assert_int_equal(keymap_lookup(km, 6), KA_PAGE_DOWN);       /* C-f */
	assert_int_equal(keymap_lookup(km, 12), KA_REDRAW);         /* C-l */
	assert_int_equal(keymap_lookup(km, '\t'), KA_FOCUS);
	assert_int_equal(keymap_lookup(km, '\n'), KA_OPEN);
	assert_int_equal(keymap_lookup(km, '\r'), KA_OPEN);
	assert_int_equal(keymap_lookup(km, 27), KA_CLEAR);
	assert_int_equal(keymap_lookup(km, 127), KA_BACK);
	assert_int_equal(keymap_lookup(km, 8), KA_BACK);            /* C-h */
	assert_int_equal(keymap_lookup(km, KEYMAP_CTRL('m')), KA_OPEN);
	assert_int_equal(keymap_normalize_key(9), KEYMAP_K_TAB);
	assert_int_equal(keymap_normalize_key(1), KEYMAP_CTRL('a'));
	assert_int_equal(keymap_normalize_key(26), KEYMAP_CTRL('z'));
	assert_int_equal(keymap_normalize_key(KEYMAP_CTRL('j')), KEYMAP_K_ENTER);
	assert_int_equal(keymap_normalize_key('a'), 'a');
	assert_int_equal(keymap_normalize_key(0), 0);
	assert_int_equal(keymap_normalize_key(28), 28);
	assert_int_equal(keymap_normalize_key(KEYMAP_K_UP), KEYMAP_K_UP);
	keymap_free(km);
}

static void assert_round_trip(const char *name, int key)
{
	char buf[KEYMAP_KEY_NAME_MAX];
	assert_int_equal(keymap_parse_key(name), key);
	assert_string_equal(keymap_key_name(key, buf, sizeof buf), name);
}

static void test_key_names_round_trip(void **state)
{
	(void)state;
	static const struct { const char *name; int key; } named[] = {
		{ "Space", ' ' }, { "Tab", KEYMAP_K_TAB }, { "BTab", KEYMAP_K_BTAB },
		{ "Enter", KEYMAP_K_ENTER }, { "Esc", KEYMAP_K_ESC },
		{ "Backspace", KEYMAP_K_BACKSPACE }, { "Delete", KEYMAP_K_DELETE },
		{ "Insert", KEYMAP_K_INSERT }, { "Up", KEYMAP_K_UP },
		{ "Down", KEYMAP_K_DOWN }, { "Left", KEYMAP_K_LEFT },
		{ "Right", KEYMAP_K_RIGHT }, { "PgUp", KEYMAP_K_PGUP },
		{ "PgDn", KEYMAP_K_PGDN }, { "Home", KEYMAP_K_HOME },
		{ "End", KEYMAP_K_END },
		{ "j", 'j' }, { "J", 'J' }, { "]", ']' }, { "\\", '\\' },
		{ "'", '\'' }, { "\"", '"' }, { ",", ',' }, { "^", '^' },
		{ "下", 0x4E0B }, { "，", 0xFF0C }, { "é", 0xE9 },
		{ "😀", 0x1F600 },
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(named); i++)
		assert_round_trip(named[i].name, named[i].key);
	for (int f = 1; f <= 12; f++) {
		char name[16];
		snprintf(name, sizeof name, "F%d", f);
		assert_round_trip(name, KEYMAP_K_F1 + f - 1);
	}
	assert_int_equal(KEYMAP_K_F12, KEYMAP_K_F1 + 11);
	for (char c = 'a'; c <= 'z'; c++) {
		if (c == 'i' || c == 'j' || c == 'm')
			continue;       /* they are Tab and Enter, below */
		char name[16];
		snprintf(name, sizeof name, "C-%c", c);
		assert_round_trip(name, KEYMAP_CTRL(c));
	}
}

static void test_key_name_aliases(void **state)
{
	(void)state;
	assert_int_equal(keymap_parse_key("space"), ' ');
	assert_int_equal(keymap_parse_key("SPACE"), ' ');
	assert_int_equal(keymap_parse_key("pgdn"), KEYMAP_K_PGDN);
	assert_int_equal(keymap_parse_key("PageDown"), KEYMAP_K_PGDN);
	assert_int_equal(keymap_parse_key("pageup"), KEYMAP_K_PGUP);
	assert_int_equal(keymap_parse_key("Return"), KEYMAP_K_ENTER);
	assert_int_equal(keymap_parse_key("escape"), KEYMAP_K_ESC);
	assert_int_equal(keymap_parse_key("S-Tab"), KEYMAP_K_BTAB);
	assert_int_equal(keymap_parse_key("del"), KEYMAP_K_DELETE);
	assert_int_equal(keymap_parse_key("f12"), KEYMAP_K_F12);
	assert_int_equal(keymap_parse_key("Ctrl-d"), KEYMAP_CTRL('d'));
	assert_int_equal(keymap_parse_key("ctrl-D"), KEYMAP_CTRL('d'));
	assert_int_equal(keymap_parse_key("^D"), KEYMAP_CTRL('d'));
	assert_int_equal(keymap_parse_key("^d"), KEYMAP_CTRL('d'));
	assert_int_equal(keymap_parse_key("C-D"), KEYMAP_CTRL('d'));
	assert_int_equal(keymap_parse_key("C-i"), KEYMAP_K_TAB);
	assert_int_equal(keymap_parse_key("^M"), KEYMAP_K_ENTER);
	assert_int_equal(keymap_parse_key("C-j"), KEYMAP_K_ENTER);
	assert_int_equal(keymap_parse_key("C-h"), KEYMAP_CTRL('h'));
	/* single characters keep their case */
	assert_int_equal(keymap_parse_key("f"), 'f');
	assert_int_equal(keymap_parse_key("F"), 'F');
}

static void test_unknown_key_names(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "jj", "C-ä", "C-1", "C-", "Ctrl-", "^1", "F0", "F13", "F01",
		"F1x", "Foo", "Up ", " j", "\x01", "\x7f", "\xc2\x85", "\xff",
		"\xe4\xb8", "e\xcc\x81", "U+0041",
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(bad); i++) {
		if (keymap_parse_key(bad[i]) != -1)
			fail_msg("\"%s\" parsed as a key", bad[i]);
	}
	assert_int_equal(keymap_parse_key(NULL), -1);
	char buf[KEYMAP_KEY_NAME_MAX];
	assert_string_equal(keymap_key_name(7, buf, sizeof buf), "U+0007");
	assert_string_equal(keymap_key_name(0xD800, buf, sizeof buf), "U+D800");
	assert_string_equal(keymap_key_name(KEYMAP_K_LAST, buf, sizeof buf), "U+110036");
	assert_string_equal(keymap_key_name(-1, buf, sizeof buf), "U+FFFFFFFF");
}

static void test_actions(void **state)
{
	(void)state;
	static const char *const names[KA_COUNT] = {
		NULL, "line-down", "line-up", "half-page-down", "half-page-up",
		"page-down", "page-up", "top", "bottom", "next-article",
		"prev-article", "next-page", "prev-page", "go-to-page", "next-unread",
		"next-subhead", "prev-subhead", "open", "focus",
		"toggle-list", "search-forward", "search-backward", "next-hit",
		"prev-hit", "hit-list", "clear", "follow-jump", "back", "mark",
		"marks", "all-marks", "photos", "library-search", "script", "help", "redraw", "quit",
	};
	for (int a = KA_NONE + 1; a < KA_COUNT; a++) {
		assert_string_equal(keymap_action_name((keymap_action)a), names[a]);
		assert_int_equal(keymap_action_by_name(names[a]), a);
		const char *help = keymap_action_help((keymap_action)a);
		assert_non_null(help);
		assert_true(strlen(help) > 3 && strlen(help) < 60);
	}
	assert_string_equal(keymap_action_help(KA_LINE_DOWN), "Scroll down one line");
	assert_string_equal(keymap_action_help(KA_QUIT), "Quit");
	assert_null(keymap_action_name(KA_NONE));
	assert_null(keymap_action_help(KA_COUNT));
	assert_int_equal(keymap_action_by_name("jump-forward"), KA_NONE);
	assert_int_equal(keymap_action_by_name("Line-Down"), KA_NONE);
	assert_int_equal(keymap_action_by_name(""), KA_NONE);
}

static void test_rebinding_moves_a_key(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	char err[128] = "";
	int keys[8];
	assert_true(keymap_bind(km, KA_NEXT_ARTICLE, "j Right", err, sizeof err));
	assert_int_equal(keymap_lookup(km, 'j'), KA_NEXT_ARTICLE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_RIGHT), KA_NEXT_ARTICLE);
	/* the old keys of next-article are free, line-down lost j only */
	assert_int_equal(keymap_lookup(km, 'J'), KA_NONE);
	assert_int_equal(keymap_lookup(km, ']'), KA_NONE);
	assert_int_equal(keymap_keys_of(km, KA_LINE_DOWN, keys, 8), 3);
	assert_int_equal(keys[0], KEYMAP_K_DOWN);
	assert_int_equal(keys[1], KEYMAP_CTRL('n'));
	assert_int_equal(keys[2], KEYMAP_CTRL('e'));
	assert_int_equal(keymap_keys_of(km, KA_NEXT_ARTICLE, keys, 8), 2);
	assert_int_equal(keys[0], 'j');
	assert_int_equal(keys[1], KEYMAP_K_RIGHT);
	/* swapping two actions' keys */
	assert_true(keymap_bind(km, KA_TOP, "G", err, sizeof err));
	assert_true(keymap_bind(km, KA_BOTTOM, "g", err, sizeof err));
	assert_int_equal(keymap_lookup(km, 'G'), KA_TOP);
	assert_int_equal(keymap_lookup(km, 'g'), KA_BOTTOM);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_HOME), KA_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_END), KA_NONE);
	keymap_free(km);
}

static void test_bind_spec_syntax(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	char err[128] = "";
	int keys[8];
	assert_true(keymap_bind(km, KA_QUIT, "  q,Q , x\tC-c,", err, sizeof err));
	assert_int_equal(keymap_keys_of(km, KA_QUIT, keys, 8), 5);
	assert_int_equal(keys[0], 'q');
	assert_int_equal(keys[1], 'Q');
	assert_int_equal(keys[2], ',');
	assert_int_equal(keys[3], 'x');
	assert_int_equal(keys[4], KEYMAP_CTRL('c'));
	/* a repeated key is bound once */
	assert_true(keymap_bind(km, KA_QUIT, "q q", err, sizeof err));
	assert_int_equal(keymap_keys_of(km, KA_QUIT, keys, 8), 1);
	assert_int_equal(keymap_lookup(km, 'x'), KA_NONE);
	/* an empty list leaves the action without keys */
	assert_true(keymap_bind(km, KA_HELP, "", err, sizeof err));
	assert_int_equal(keymap_keys_of(km, KA_HELP, keys, 8), 0);
	assert_int_equal(keymap_lookup(km, 'h'), KA_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_K_F1), KA_NONE);
	keymap_free(km);
}

static void test_bind_unknown_key_changes_nothing(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	char err[128] = "";
	int keys[8];
	assert_false(keymap_bind(km, KA_NEXT_ARTICLE, "j C-ä", err, sizeof err));
	assert_string_equal(err, "unknown key name \"C-ä\"");
	assert_int_equal(keymap_lookup(km, 'j'), KA_LINE_DOWN);
	assert_int_equal(keymap_keys_of(km, KA_NEXT_ARTICLE, keys, 8), 2);
	assert_false(keymap_bind(km, KA_QUIT, "q,PageDwn", err, sizeof err));
	assert_string_equal(err, "unknown key name \"PageDwn\"");
	assert_false(keymap_bind(km, KA_NONE, "q", err, sizeof err));
	assert_string_equal(err, "no such action");
	assert_int_equal(keymap_lookup(km, 'q'), KA_QUIT);
	keymap_free(km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_bindings),
		cmocka_unit_test(test_raw_control_characters),
		cmocka_unit_test(test_key_names_round_trip),
		cmocka_unit_test(test_key_name_aliases),
		cmocka_unit_test(test_unknown_key_names),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_rebinding_moves_a_key),
		cmocka_unit_test(test_bind_spec_syntax),
		cmocka_unit_test(test_bind_unknown_key_changes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
