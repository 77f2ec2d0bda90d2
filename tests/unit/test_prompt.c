/* The line editor of the prompts (prompt.h), without a terminal: keys in,
 * the line, the cursor and the scroll out. Wide CJK characters and
 * clusters are edited whole, columns measured with the program's width
 * function. */
#include "testutil.h"

#include "keymap.h"
#include "prompt.h"
#include "text.h"

/* Types a UTF-8 string, one code point a key. */
static void type(prompt *p, const char *s)
{
	const char *end = s + strlen(s);
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		assert_int_equal(prompt_key(p, (int)cp), PROMPT_CHANGED);
	}
}

static const char *line(const prompt *p)
{
	return prompt_text(p, NULL);
}

static void test_insert_and_move(void **ts)
{
	(void)ts;
	prompt *p = prompt_new(10);
	assert_string_equal(line(p), "");
	assert_int_equal(prompt_cursor(p), 0);
	type(p, "新闻");
	assert_string_equal(line(p), "新闻");
	assert_int_equal(prompt_cursor(p), 6);
	assert_int_equal(prompt_key(p, KEYMAP_K_LEFT), PROMPT_MOVED);
	assert_int_equal(prompt_cursor(p), 3);          /* a whole wide character */
	type(p, "a");
	assert_string_equal(line(p), "新a闻");
	assert_int_equal(prompt_key(p, KEYMAP_K_HOME), PROMPT_MOVED);
	assert_int_equal(prompt_key(p, KEYMAP_K_HOME), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, KEYMAP_K_LEFT), PROMPT_IGNORED);
	type(p, "「");
	assert_string_equal(line(p), "「新a闻");
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('e')), PROMPT_MOVED);
	assert_int_equal(prompt_cursor(p), strlen("「新a闻"));
	assert_int_equal(prompt_key(p, KEYMAP_K_RIGHT), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('a')), PROMPT_MOVED);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('f')), PROMPT_MOVED);
	assert_int_equal(prompt_key(p, KEYMAP_K_RIGHT), PROMPT_MOVED);
	assert_int_equal(prompt_cursor(p), strlen("「新"));
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('b')), PROMPT_MOVED);
	assert_int_equal(prompt_cursor(p), strlen("「"));
	/* keys that are not for the editor leave it alone */
	assert_int_equal(prompt_key(p, KEYMAP_K_F1), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, KEYMAP_K_PGDN), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, 0x1b), PROMPT_IGNORED);      /* a raw ESC is not text */
	assert_int_equal(prompt_key(p, 0x7f), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, 0x200e), PROMPT_IGNORED);    /* a bidi mark never reaches the screen */
	assert_string_equal(line(p), "「新a闻");
	prompt_free(p);
}

static void test_delete(void **ts)
{
	(void)ts;
	prompt *p = prompt_new(0);
	type(p, "be\xcc\x81目标");               /* e and a combining acute: one cluster */
	assert_int_equal(prompt_key(p, KEYMAP_K_BACKSPACE), PROMPT_CHANGED);
	assert_string_equal(line(p), "be\xcc\x81目");
	assert_int_equal(prompt_key(p, KEYMAP_K_LEFT), PROMPT_MOVED);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('h')), PROMPT_CHANGED);
	assert_string_equal(line(p), "b目");
	assert_int_equal(prompt_cursor(p), 1);
	assert_int_equal(prompt_key(p, KEYMAP_K_DELETE), PROMPT_CHANGED);
	assert_string_equal(line(p), "b");
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('d')), PROMPT_IGNORED);  /* nothing under the cursor */

	/* C-u and C-k: to the start and to the end, from the cursor */
	prompt_set(p, "上海 浦东 新区");
	assert_int_equal(prompt_cursor(p), strlen("上海 浦东 新区"));
	prompt_key(p, KEYMAP_K_LEFT);
	prompt_key(p, KEYMAP_K_LEFT);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('u')), PROMPT_CHANGED);
	assert_string_equal(line(p), "新区");
	assert_int_equal(prompt_cursor(p), 0);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('u')), PROMPT_IGNORED);
	prompt_key(p, KEYMAP_K_RIGHT);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('k')), PROMPT_CHANGED);
	assert_string_equal(line(p), "新");
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('k')), PROMPT_IGNORED);

	/* C-w: the spaces before the cursor, then the word */
	prompt_set(p, "abc 中文字  ");
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('w')), PROMPT_CHANGED);
	assert_string_equal(line(p), "abc ");
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('w')), PROMPT_CHANGED);
	assert_string_equal(line(p), "");
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('w')), PROMPT_IGNORED);
	prompt_set(p, "一二\u3000三四");          /* an ideographic space separates too */
	prompt_key(p, KEYMAP_K_LEFT);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('w')), PROMPT_CHANGED);
	assert_string_equal(line(p), "一二\u3000四");
	assert_int_equal(prompt_cursor(p), strlen("一二\u3000"));

	/* Backspace on an empty line cancels; Enter accepts; Esc cancels */
	prompt_set(p, "");
	assert_int_equal(prompt_key(p, KEYMAP_K_BACKSPACE), PROMPT_CANCEL);
	type(p, "x");
	assert_int_equal(prompt_key(p, KEYMAP_K_ENTER), PROMPT_ACCEPT);
	assert_string_equal(line(p), "x");
	assert_int_equal(prompt_key(p, KEYMAP_K_ESC), PROMPT_CANCEL);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('g')), PROMPT_CANCEL);
	prompt_free(p);
}

static void test_scroll_by_width(void **ts)
{
	(void)ts;
	prompt *p = prompt_new(0);
	int col;
	type(p, "ab新闻");
	assert_int_equal(prompt_scroll(p, 20, &col), 0);
	assert_int_equal(col, 6);                       /* 1 + 1 + 2 + 2 */
	/* 5 columns: the cursor cell must fit, so "ab" scrolls off */
	size_t from = prompt_scroll(p, 5, &col);
	assert_string_equal(line(p) + from, "新闻");
	assert_int_equal(col, 4);
	prompt_key(p, KEYMAP_K_HOME);
	assert_int_equal(prompt_scroll(p, 5, &col), 0);
	assert_int_equal(col, 0);
	prompt_key(p, KEYMAP_K_RIGHT);
	prompt_key(p, KEYMAP_K_RIGHT);
	prompt_key(p, KEYMAP_K_RIGHT);
	assert_int_equal(prompt_scroll(p, 5, &col), 0);
	assert_int_equal(col, 4);                       /* "ab新" */

	/* ambiguous characters as the terminal draws them */
	prompt_set(p, "“新”");
	text_set_ambiguous_width(2);
	prompt_scroll(p, 40, &col);
	assert_int_equal(col, 6);
	text_set_ambiguous_width(1);
	prompt_scroll(p, 40, &col);
	assert_int_equal(col, 4);
	prompt_free(p);
}

static void test_history(void **ts)
{
	(void)ts;
	prompt *p = prompt_new(3);
	prompt_history_add(p, "一");
	prompt_history_add(p, "二");
	prompt_history_add(p, "");
	prompt_history_add(p, "  ");
	prompt_history_add(p, "一");             /* moves to the end */
	const char *const *h;
	assert_int_equal(prompt_history(p, &h), 2);
	assert_string_equal(h[0], "二");
	assert_string_equal(h[1], "一");
	prompt_history_add(p, "三");
	prompt_history_add(p, "四");             /* past the limit: the oldest goes */
	assert_int_equal(prompt_history(p, &h), 3);
	assert_string_equal(h[0], "一");
	assert_string_equal(h[2], "四");

	prompt_open(p);
	type(p, "正在");
	assert_int_equal(prompt_key(p, KEYMAP_K_DOWN), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, KEYMAP_K_UP), PROMPT_CHANGED);
	assert_string_equal(line(p), "四");
	assert_int_equal(prompt_cursor(p), strlen("四"));
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('p')), PROMPT_CHANGED);
	assert_int_equal(prompt_key(p, KEYMAP_K_UP), PROMPT_CHANGED);
	assert_string_equal(line(p), "一");
	assert_int_equal(prompt_key(p, KEYMAP_K_UP), PROMPT_IGNORED);
	assert_int_equal(prompt_key(p, KEYMAP_K_DOWN), PROMPT_CHANGED);
	assert_int_equal(prompt_key(p, KEYMAP_CTRL('n')), PROMPT_CHANGED);
	assert_string_equal(line(p), "四");
	assert_int_equal(prompt_key(p, KEYMAP_K_DOWN), PROMPT_CHANGED);
	assert_string_equal(line(p), "正在");      /* the line being typed comes back */

	/* a new line starts at the newest end */
	prompt_open(p);
	assert_string_equal(line(p), "");
	assert_int_equal(prompt_key(p, KEYMAP_K_UP), PROMPT_CHANGED);
	assert_string_equal(line(p), "四");
	prompt_free(p);

	prompt *none = prompt_new(0);
	prompt_history_add(none, "x");
	assert_int_equal(prompt_history(none, NULL), 0);
	assert_int_equal(prompt_key(none, KEYMAP_K_UP), PROMPT_IGNORED);
	prompt_free(none);
	prompt_free(NULL);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_move),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_scroll_by_width),
		cmocka_unit_test(test_history),
	};
	return cmocka_run_group_tests_name("prompt", tests, NULL, NULL);
}
