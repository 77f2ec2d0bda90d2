/* The state files: round trips of every kind, the exact file format,
 * limits and least-recently-used eviction, atomic replacement, damaged
 * and unreadable files, unwritable folders, the size limit and where the
 * folder is. Every test works in its own mkdtemp folder; HOME and
 * XDG_STATE_HOME point nowhere real, so the user's files are never seen. */
#include "testutil.h"
#include "state.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/file.h>
#include <grp.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FAKE_HOME "/nonexistent-kanbao-test-home"

/* ---- helpers ---- */

/* Records are stamped by this clock, so files can be compared exactly. */
static time_t fake_now = 1700000000;

static time_t fake_clock(void)
{
	return fake_now;
}

static state *open_at(const char *dir, void (*warn)(const char *msg))
{
	state *st = state_open(dir, warn);
	state_set_clock(st, fake_clock);
	return st;
}

enum { MAX_WARNINGS = 16 };
static char *warnings[MAX_WARNINGS];
static size_t nwarnings;

static void capture(const char *msg)
{
	if (nwarnings < MAX_WARNINGS)
		warnings[nwarnings++] = util_strdup(msg);
}

static void clear_warnings(void)
{
	for (size_t i = 0; i < nwarnings; i++)
		free(warnings[i]);
	nwarnings = 0;
}

/* A path built like printf, in one of a few rotating static buffers: for
 * immediate use (keep one with KEEP_PATH). */
static const char *pathf(const char *fmt, ...)
{
	static char bufs[6][4096];
	static int next;
	char *b = bufs[next++ % 6];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b, sizeof bufs[0], fmt, ap);
	va_end(ap);
	return b;
}

#define KEEP_PATH(var, ...) char var[4096]; snprintf(var, sizeof var, __VA_ARGS__)

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void assert_file_is(const char *path, const char *expected)
{
	size_t len;
	char *text = tu_read_file(path, &len);
	assert_string_equal(text, expected);
	assert_int_equal(len, strlen(expected));
	free(text);
}

/* The names in a folder, sorted, separated by spaces. */
static char *list_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	assert_true(n >= 0);
	util_buf b = { 0 };
	for (int i = 0; i < n; i++) {
		const char *s = names[i]->d_name;
		if (strcmp(s, ".") != 0 && strcmp(s, "..") != 0)
			util_buf_printf(&b, "%s%s", b.len ? " " : "", s);
		free(names[i]);
	}
	free(names);
	util_buf_cstr(&b);
	return b.data;
}

static void write_str(const char *path, const char *data)
{
	write_file(path, data, strlen(data));
}

static ino_t inode_of(const char *path)
{
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_ino;
}

static int setup(void **tstate)
{
	*tstate = tu_make_tmpdir("state");
	return *tstate ? 0 : -1;
}

static int teardown(void **tstate)
{
	tu_remove_tree(*tstate);
	clear_warnings();
	return 0;
}

static doc_pos pos3(uint32_t a, uint32_t e, uint32_t o)
{
	doc_pos p = { a, e, o };
	return p;
}

static void assert_pos(const state *st, uint64_t issue, uint32_t a, uint32_t e, uint32_t o)
{
	doc_pos p = { 99, 99, 99 };
	assert_true(state_get_position(st, issue, &p));
	assert_int_equal(p.article, a);
	assert_int_equal(p.element, e);
	assert_int_equal(p.offset, o);
}

/* ---- positions ---- */

static void test_positions_round_trip(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	doc_pos p;
	assert_false(state_get_position(st, 1, &p));
	state_set_position(st, 1, pos3(2, 3, 4));
	state_set_position(st, 0xfedcba9876543210ull, pos3(UINT32_MAX, 0, 7));
	state_set_position(st, 1, pos3(5, 6, 7));
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(pathf("%s/positions", dir),
		       "kanbao-positions 2\n"
		       "fedcba9876543210\t4294967295\t0\t7\t1700000000\n"
		       "0000000000000001\t5\t6\t7\t1700000000\n");
	/* only what changed is written (and the lock) */
	char *names = list_dir(dir);
	assert_string_equal(names, "lock positions");
	free(names);

	st = open_at(dir, capture);
	assert_pos(st, 1, 5, 6, 7);
	assert_pos(st, 0xfedcba9876543210ull, UINT32_MAX, 0, 7);
	assert_false(state_get_position(st, 2, &p));
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

/* The least recently set issue goes first, and the order survives a
 * save/open cycle. */
static void test_positions_lru(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	for (uint64_t i = 1; i <= STATE_POSITIONS_MAX; i++)
		state_set_position(st, i, pos3((uint32_t)i, 0, 0));
	state_set_position(st, 1, pos3(11, 0, 0));      /* 1 is used again: 2 is now the oldest */
	state_set_position(st, 1001, pos3(1001, 0, 0));
	assert_false(state_get_position(st, 2, NULL));
	assert_pos(st, 1, 11, 0, 0);
	assert_pos(st, 3, 3, 0, 0);
	assert_pos(st, 1001, 1001, 0, 0);
	assert_true(state_save(st));
	state_close(st);

	st = open_at(dir, capture);
	assert_false(state_get_position(st, 2, NULL));
	assert_pos(st, 1, 11, 0, 0);
	assert_pos(st, 1000, 1000, 0, 0);
	state_set_position(st, 1002, pos3(1002, 0, 0));   /* evicts 3, the oldest now */
	assert_false(state_get_position(st, 3, NULL));
	assert_pos(st, 4, 4, 0, 0);
	assert_pos(st, 1, 11, 0, 0);
	assert_true(state_save(st));
	state_close(st);

	size_t len;
	char *text = tu_read_file(pathf("%s/positions", dir), &len);
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	assert_int_equal(lines, 1 + STATE_POSITIONS_MAX);
	assert_non_null(strstr(text, "kanbao-positions 2\n0000000000000004\t4\t0\t0\t1700000000\n"));
	free(text);
	assert_int_equal(nwarnings, 0);
}

/* ---- read articles ---- */

static void test_read_round_trip(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	assert_false(state_is_read(st, 7, 3));
	state_set_read(st, 7, 3);
	state_set_read(st, 7, 1);
	state_set_read(st, 7, 3);
	state_set_read(st, 8, 0);
	assert_true(state_is_read(st, 7, 3));
	assert_true(state_is_read(st, 7, 1));
	assert_false(state_is_read(st, 7, 0));
	assert_false(state_is_read(st, 8, 3));
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(pathf("%s/read", dir),
		       "kanbao-read 1\n"
		       "0000000000000007\t3,1\n"
		       "0000000000000008\t0\n");

	st = open_at(dir, capture);
	assert_true(state_is_read(st, 7, 3));
	assert_true(state_is_read(st, 7, 1));
	assert_true(state_is_read(st, 8, 0));
	assert_false(state_is_read(st, 8, 1));
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

static void test_read_limits(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	for (uint32_t a = 0; a <= STATE_READ_MAX; a++)  /* one more than kept */
		state_set_read(st, 5, a);
	assert_false(state_is_read(st, 5, 0));
	assert_true(state_is_read(st, 5, 1));
	assert_true(state_is_read(st, 5, STATE_READ_MAX));
	/* issues with read articles: the least recently used goes */
	for (uint64_t i = 100; i < 100 + STATE_POSITIONS_MAX - 1; i++)
		state_set_read(st, i, 0);
	state_set_read(st, 5, 7);       /* 5 used again: 100 is the oldest */
	state_set_read(st, 9999, 0);
	assert_false(state_is_read(st, 100, 0));
	assert_true(state_is_read(st, 101, 0));
	assert_true(state_is_read(st, 5, 7));
	assert_true(state_save(st));
	state_close(st);

	st = open_at(dir, capture);
	assert_false(state_is_read(st, 5, 0));
	assert_true(state_is_read(st, 5, 1));
	assert_true(state_is_read(st, 5, STATE_READ_MAX));
	assert_false(state_is_read(st, 100, 0));
	assert_true(state_is_read(st, 9999, 0));
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

/* ---- marks ---- */

#define HARD_TITLE "头条\t新闻\n第二行 \\ 反斜杠 \x01" "end"
#define HARD_TITLE_ESCAPED "头条\\t新闻\\n第二行 \\\\ 反斜杠 \\x01end"

static void test_marks_round_trip(void **tstate)
{
	const char *dir = *tstate;
	state *st = state_open(dir, capture);
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 0, &m), 0);
	assert_non_null(m);
	state_add_mark(st, 1, pos3(0, 2, 0), HARD_TITLE, "/报纸/2025\t08/a.txt");
	state_add_mark(st, 2, pos3(3, 7, 12), "第二篇", "/papers/b");
	state_add_mark(st, 1, pos3(4, 6, 30), "湿地公园迎来候鸟", NULL);
	assert_int_equal(state_marks(st, 0, &m), 3);
	time_t when0 = m[2]->when, when1 = m[1]->when, when2 = m[0]->when;
	time_t now = time(NULL);
	assert_true(when0 <= when1 && when1 <= when2 && when2 <= now && now - when0 < 60);
	assert_true(state_save(st));
	state_close(st);

	char expected[1024];
	snprintf(expected, sizeof expected,
		 "kanbao-marks 1\n"
		 "0000000000000001\t0\t2\t0\t%lld\t" HARD_TITLE_ESCAPED "\t/报纸/2025\\t08/a.txt\n"
		 "0000000000000002\t3\t7\t12\t%lld\t第二篇\t/papers/b\n"
		 "0000000000000001\t4\t6\t30\t%lld\t湿地公园迎来候鸟\t\n",
		 (long long)when0, (long long)when1, (long long)when2);
	assert_file_is(pathf("%s/marks", dir), expected);

	st = state_open(dir, capture);
	/* all issues, newest first */
	assert_int_equal(state_marks(st, 0, &m), 3);
	assert_string_equal(m[0]->title, "湿地公园迎来候鸟");
	assert_string_equal(m[0]->where, "");
	assert_string_equal(m[1]->title, "第二篇");
	assert_int_equal(m[1]->issue, 2);
	assert_int_equal(m[1]->pos.article, 3);
	assert_int_equal(m[1]->pos.element, 7);
	assert_int_equal(m[1]->pos.offset, 12);
	assert_string_equal(m[2]->title, HARD_TITLE);
	assert_string_equal(m[2]->where, "/报纸/2025\t08/a.txt");
	assert_int_equal(m[2]->when, when0);
	/* one issue, newest first */
	assert_int_equal(state_marks(st, 1, &m), 2);
	assert_int_equal(m[0]->pos.article, 4);
	assert_int_equal(m[1]->pos.article, 0);
	assert_int_equal(state_marks(st, 2, NULL), 1);
	assert_int_equal(state_marks(st, 3, &m), 0);
	assert_non_null(m);

	/* the same place again replaces the mark and makes it the newest */
	state_add_mark(st, 1, pos3(0, 2, 0), "新标题", "/x");
	assert_int_equal(state_marks(st, 0, &m), 3);
	assert_string_equal(m[0]->title, "新标题");
	assert_string_equal(m[2]->title, "第二篇");

	/* removing through a pointer into the array it changes */
	assert_int_equal(state_marks(st, 2, &m), 1);
	state_remove_mark(st, m[0]);
	assert_int_equal(state_marks(st, 2, &m), 0);
	assert_int_equal(state_marks(st, 0, &m), 2);
	assert_string_equal(m[0]->title, "新标题");
	assert_string_equal(m[1]->title, "湿地公园迎来候鸟");
	assert_true(state_save(st));
	state_close(st);

	st = state_open(dir, capture);
	assert_int_equal(state_marks(st, 0, &m), 2);
	assert_string_equal(m[0]->title, "新标题");
	assert_string_equal(m[0]->where, "/x");
	assert_string_equal(m[1]->title, "湿地公园迎来候鸟");
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

/* The exact line format of a mark, with a time stamp we choose. */
static void test_marks_file_format(void **tstate)
{
	const char *dir = *tstate;
	static const char file[] =
		"kanbao-marks 1\n"
		"00000000000000ab\t1\t2\t3\t1700000000\t" HARD_TITLE_ESCAPED "\t/p\\\\q\n";
	write_file(pathf("%s/marks", dir), file, sizeof file - 1);
	state *st = open_at(dir, capture);
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 0xab, &m), 1);
	assert_int_equal(m[0]->when, 1700000000);
	assert_string_equal(m[0]->title, HARD_TITLE);
	assert_string_equal(m[0]->where, "/p\\q");
	state_add_mark(st, 0xcd, pos3(0, 0, 0), "\x7f", "");
	assert_true(state_save(st));
	state_close(st);

	st = open_at(dir, capture);
	assert_int_equal(state_marks(st, 0, &m), 2);
	time_t when = m[0]->when;
	state_close(st);
	char expected[512];
	snprintf(expected, sizeof expected, "%s00000000000000cd\t0\t0\t0\t%lld\t\\x7f\t\n",
		 file, (long long)when);
	assert_file_is(pathf("%s/marks", dir), expected);
	assert_int_equal(nwarnings, 0);
}

static void test_marks_limit(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	for (uint32_t i = 0; i <= STATE_MARKS_MAX; i++)
		state_add_mark(st, 1 + i % 3, pos3(i, 0, 0), "t", "w");
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 0, &m), STATE_MARKS_MAX);
	assert_int_equal(m[0]->pos.article, STATE_MARKS_MAX);
	assert_int_equal(m[STATE_MARKS_MAX - 1]->pos.article, 1);   /* article 0 dropped */
	assert_int_equal(state_marks(st, 1, NULL) + state_marks(st, 2, NULL) +
			 state_marks(st, 3, NULL), STATE_MARKS_MAX);
	assert_int_equal(state_marks(st, 1, &m), 333);      /* 3, 6, ..., 999 */
	assert_int_equal(m[0]->pos.article, 999);
	assert_int_equal(m[332]->pos.article, 3);
	state_close(st);
}

/* A title longer than STATE_TEXT_MAX is cut at a character boundary. */
static void test_long_title_cut(void **tstate)
{
	const char *dir = *tstate;
	util_buf b = { 0 };
	for (int i = 0; i < 2000; i++)
		util_buf_adds(&b, "中");
	state *st = open_at(dir, capture);
	state_add_mark(st, 1, pos3(0, 0, 0), b.data, "/w");
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 1, &m), 1);
	assert_int_equal(strlen(m[0]->title), 4095);        /* 1365 × 3 bytes */
	assert_memory_equal(m[0]->title, b.data, 4095);
	state_close(st);
	util_buf_free(&b);
}

/* ---- history ---- */

static void assert_history(const state *st, size_t n, const char *first, const char *last)
{
	const char *const *h;
	assert_int_equal(state_history(st, &h), n);
	assert_string_equal(h[0], first);
	assert_string_equal(h[n - 1], last);
}

static void test_history(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	const char *const *h;
	assert_int_equal(state_history(st, &h), 0);
	assert_non_null(h);
	state_add_history(st, "中蒙博览会");
	state_add_history(st, "tab\there");
	state_add_history(st, "");
	state_add_history(st, NULL);
	state_add_history(st, "line\nbreak \\n");
	state_add_history(st, "中蒙博览会");       /* moves to the end */
	state_add_history(st, "中蒙博览会");
	assert_int_equal(state_history(st, &h), 3);
	assert_string_equal(h[0], "tab\there");
	assert_string_equal(h[1], "line\nbreak \\n");
	assert_string_equal(h[2], "中蒙博览会");
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(pathf("%s/history", dir),
		       "kanbao-history 1\n"
		       "tab\\there\n"
		       "line\\nbreak \\\\n\n"
		       "中蒙博览会\n");

	st = open_at(dir, capture);
	assert_int_equal(state_history(st, &h), 3);
	assert_string_equal(h[0], "tab\there");
	assert_string_equal(h[1], "line\nbreak \\n");
	assert_string_equal(h[2], "中蒙博览会");
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

static void test_history_limit(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	char q[32];
	for (int i = 0; i < STATE_HISTORY_MAX + 5; i++) {
		snprintf(q, sizeof q, "q%d", i);
		state_add_history(st, q);
	}
	assert_history(st, STATE_HISTORY_MAX, "q5", "q204");
	state_add_history(st, "q5");
	assert_history(st, STATE_HISTORY_MAX, "q6", "q5");
	assert_true(state_save(st));
	state_close(st);

	st = open_at(dir, capture);
	assert_history(st, STATE_HISTORY_MAX, "q6", "q5");
	const char *const *h;
	state_history(st, &h);
	assert_string_equal(h[1], "q7");
	assert_string_equal(h[STATE_HISTORY_MAX - 2], "q204");
	state_close(st);
}

/* Every byte but NUL survives the escaping, valid UTF-8 or not. */
static void test_every_byte_round_trips(void **tstate)
{
	const char *dir = *tstate;
	char all[256];
	for (int i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	state *st = open_at(dir, capture);
	state_add_history(st, all);
	state_add_mark(st, 3, pos3(0, 0, 0), all, all);
	assert_true(state_save(st));
	state_close(st);

	st = open_at(dir, capture);
	const char *const *h;
	assert_int_equal(state_history(st, &h), 1);
	assert_string_equal(h[0], all);
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 3, &m), 1);
	assert_string_equal(m[0]->title, all);
	assert_string_equal(m[0]->where, all);
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

/* ---- writing ---- */

static void test_atomic_replace(void **tstate)
{
	const char *dir = *tstate;
	KEEP_PATH(sub, "%s/a/b/kanbao", dir);
	state *st = open_at(sub, capture);
	assert_true(state_save(st));    /* nothing changed: nothing written, no folder */
	assert_int_not_equal(access(pathf("%s/a", dir), F_OK), 0);

	state_set_position(st, 1, pos3(1, 1, 1));
	state_set_read(st, 1, 1);
	state_add_mark(st, 1, pos3(1, 1, 1), "一", "/one");
	state_add_history(st, "first");
	assert_true(state_save(st));
	char *names = list_dir(sub);
	assert_string_equal(names, "history lock marks positions read");        /* no temporary left */
	free(names);
	struct stat sb;
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(pathf("%s/marks", sub), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	/* a hard link to the old file keeps the old content: it was replaced,
	 * not written over */
	assert_int_equal(link(pathf("%s/history", sub), pathf("%s/old-history", sub)), 0);
	ino_t marks_ino = inode_of(pathf("%s/marks", sub));
	ino_t pos_ino = inode_of(pathf("%s/positions", sub));
	state_add_history(st, "second");
	state_set_position(st, 1, pos3(1, 1, 1));       /* the same: no change */
	state_set_read(st, 1, 1);
	assert_true(state_save(st));
	assert_file_is(pathf("%s/old-history", sub), "kanbao-history 1\nfirst\n");
	assert_file_is(pathf("%s/history", sub), "kanbao-history 1\nfirst\nsecond\n");
	assert_int_equal(inode_of(pathf("%s/marks", sub)), marks_ino);   /* unchanged: not written */
	assert_int_equal(inode_of(pathf("%s/positions", sub)), pos_ino);
	names = list_dir(sub);
	assert_string_equal(names, "history lock marks old-history positions read");
	free(names);

	state_set_position(st, 1, pos3(1, 1, 2));
	assert_true(state_save(st));
	assert_int_not_equal(inode_of(pathf("%s/positions", sub)), pos_ino);
	assert_int_equal(inode_of(pathf("%s/marks", sub)), marks_ino);
	state_close(st);
	assert_int_equal(nwarnings, 0);
}

/* One file that cannot be written (a folder is in its place) does not
 * keep the others from being saved, and is tried again later. */
static void test_one_file_fails(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	assert_int_equal(mkdir(pathf("%s/marks", dir), 0700), 0);
	state_set_position(st, 9, pos3(1, 2, 3));
	state_add_mark(st, 9, pos3(1, 2, 3), "标题", "/p");
	state_add_history(st, "查询");
	assert_false(state_save(st));
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/marks: cannot save: not a regular file", dir));
	char *names = list_dir(dir);
	assert_string_equal(names, "history lock marks positions");
	free(names);
	assert_file_is(pathf("%s/positions", dir), "kanbao-positions 2\n0000000000000009\t1\t2\t3\t1700000000\n");

	/* the next save tries marks again, and only marks */
	assert_int_equal(rmdir(pathf("%s/marks", dir)), 0);
	ino_t pos_ino = inode_of(pathf("%s/positions", dir));
	assert_true(state_save(st));
	assert_int_equal(inode_of(pathf("%s/positions", dir)), pos_ino);
	state_close(st);
	clear_warnings();

	st = open_at(dir, capture);
	assert_int_equal(nwarnings, 0);
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 9, &m), 1);
	assert_string_equal(m[0]->title, "标题");
	assert_pos(st, 9, 1, 2, 3);
	state_close(st);
}

/* Runs with permissions that apply (not as root). Returns NULL, or what
 * went wrong. */
static const char *unwritable_scenario(const char *dir)
{
	static char why[1024];
	state *st = open_at(dir, capture);
	state_set_position(st, 1, pos3(1, 2, 3));
	state_add_history(st, "query");
	if (chmod(dir, 0500) != 0)
		return "chmod failed";
	bool saved = state_save(st);
	chmod(dir, 0700);
	char want0[4096], want1[4096];
	snprintf(want0, sizeof want0, "kanbao: warning: %s/positions: cannot save: Permission denied", dir);
	snprintf(want1, sizeof want1, "kanbao: warning: %s/history: cannot save: Permission denied", dir);
	if (saved)
		return "state_save returned true";
	if (nwarnings != 2 || strcmp(warnings[0], want0) != 0 || strcmp(warnings[1], want1) != 0) {
		snprintf(why, sizeof why, "%zu warnings: [%s] [%s]", nwarnings,
			 nwarnings > 0 ? warnings[0] : "", nwarnings > 1 ? warnings[1] : "");
		return why;
	}
	if (access(pathf("%s/positions", dir), F_OK) == 0)
		return "positions written into a read-only folder";
	/* writable again: the next save writes both */
	if (!state_save(st) || access(pathf("%s/positions", dir), F_OK) != 0 ||
	    access(pathf("%s/history", dir), F_OK) != 0)
		return "the second save did not write the files";
	state_close(st);
	return NULL;
}

/* chmod 0500 means nothing to root, so as root the scenario runs in a
 * child that gave up root (skipped when it cannot). */
static void test_unwritable_folder(void **tstate)
{
	const char *dir = *tstate;
	KEEP_PATH(sub, "%s/st", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	if (geteuid() != 0) {
		const char *why = unwritable_scenario(sub);
		if (why)
			fail_msg("%s", why);
		return;
	}
	uid_t nobody = 65534;
	assert_int_equal(chmod(dir, 0711), 0);
	assert_int_equal(chown(sub, nobody, nobody), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgroups(0, NULL) != 0 || setgid(nobody) != 0 || setuid(nobody) != 0)
			_exit(77);
		const char *why = unwritable_scenario(sub);
		if (why)
			fprintf(stderr, "unwritable folder: %s\n", why);
		_exit(why ? 1 : 0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77) {
		print_message("skipped: running as root and cannot drop to uid %d\n", (int)nobody);
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* The state folder's path names a regular file. */
static void test_folder_is_a_file(void **tstate)
{
	const char *dir = *tstate;
	KEEP_PATH(file, "%s/not-a-folder", dir);
	write_str(file, "hello\n");
	state *st = open_at(file, capture);
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s: not a folder, nothing remembered", file));
	state_set_position(st, 1, pos3(0, 0, 0));
	state_add_history(st, "x");
	assert_false(state_save(st));
	assert_int_equal(nwarnings, 2);
	assert_string_equal(warnings[1], pathf("kanbao: warning: %s: cannot create the folder: Not a directory", file));
	assert_pos(st, 1, 0, 0, 0);     /* still there in memory */
	state_close(st);
	assert_file_is(file, "hello\n");

	/* a regular file in the middle of the path */
	KEEP_PATH(deeper, "%s/not-a-folder/kanbao", dir);
	st = open_at(deeper, capture);
	assert_int_equal(nwarnings, 3);
	assert_string_equal(warnings[2], pathf("kanbao: warning: %s: cannot read: Not a directory", deeper));
	state_add_history(st, "x");
	assert_false(state_save(st));
	assert_int_equal(nwarnings, 4);
	assert_string_equal(warnings[3], pathf("kanbao: warning: %s: cannot create the folder: Not a directory", deeper));
	state_close(st);
}

/* ---- reading damaged files ---- */

static void test_damaged_lines(void **tstate)
{
	const char *dir = *tstate;
	static const char marks[] =
		"kanbao-marks 1\n"
		"0000000000000001\t0\t6\t0\t1700000000\t好的标题\t/news/a.txt\n"
		"garbage line without tabs\n"
		"0000000000000002\t1\t6\tX\t1700000001\tt\tw\n"             /* bad number */
		"0000000000000003\t1\t6\t0\t1700000002\tbad \\q escape\tw\n" /* bad escape */
		"00000000000000zz\t1\t6\t0\t1700000003\tt\tw\n"             /* bad issue */
		"0000000000000004\t1\t6\t0\t1700000004\t第二\t/b\textra\n"   /* 8 fields */
		"0000000000000005\t4294967296\t6\t0\t1\tt\tw\n"             /* overflow */
		"\n"                                                        /* blank: not damage */
		"0000000000000006\t2\t7\t9\t1700000005\t第三\\t标题\t/n\\\\b.txt\r\n"
		"0000000000000007\t0\t0\t0\t17\tnul\0inside\tw\n"           /* NUL byte */
		"0000000000000008\t0\t0\t0\t17\tend\\\tw";                  /* last line, no newline, bad escape */
	static const char positions[] =
		"kanbao-positions 1\n"
		"0000000000000001\t1\t2\t3\n"
		"0000000000000002\t1\t2\n"
		"0000000000000003\t4\t5\t6";
	static const char read[] =
		"kanbao-read 1\n"
		"0000000000000001\t1,,2\n"
		"0000000000000001\t\n"
		"0000000000000001\t1,2,\n"
		"0000000000000001\t,1\n"
		"0000000000000001\t-1\n"
		"0000000000000002\t4,5\n";
	static const char history[] = "kanbao-history 1\nfine\n";
	write_file(pathf("%s/marks", dir), marks, sizeof marks - 1);
	write_file(pathf("%s/positions", dir), positions, sizeof positions - 1);
	write_file(pathf("%s/read", dir), read, sizeof read - 1);
	write_file(pathf("%s/history", dir), history, sizeof history - 1);

	state *st = open_at(dir, capture);
	assert_int_equal(nwarnings, 3);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/positions: 1 damaged line ignored", dir));
	assert_string_equal(warnings[1], pathf("kanbao: warning: %s/read: 5 damaged lines ignored", dir));
	assert_string_equal(warnings[2], pathf("kanbao: warning: %s/marks: 8 damaged lines ignored", dir));
	const state_mark *const *m;
	assert_int_equal(state_marks(st, 0, &m), 2);
	assert_int_equal(m[0]->issue, 6);
	assert_string_equal(m[0]->title, "第三\t标题");
	assert_string_equal(m[0]->where, "/n\\b.txt");
	assert_int_equal(m[0]->pos.offset, 9);
	assert_int_equal(m[1]->issue, 1);
	assert_string_equal(m[1]->title, "好的标题");
	assert_pos(st, 1, 1, 2, 3);
	assert_pos(st, 3, 4, 5, 6);
	assert_false(state_get_position(st, 2, NULL));
	assert_false(state_is_read(st, 1, 1));
	assert_true(state_is_read(st, 2, 4));
	assert_true(state_is_read(st, 2, 5));

	/* saving rewrites the damaged files with every good record, and
	 * leaves the sound one alone */
	ino_t history_ino = inode_of(pathf("%s/history", dir));
	assert_true(state_save(st));
	state_close(st);
	assert_int_equal(inode_of(pathf("%s/history", dir)), history_ino);
	assert_file_is(pathf("%s/marks", dir),
		       "kanbao-marks 1\n"
		       "0000000000000001\t0\t6\t0\t1700000000\t好的标题\t/news/a.txt\n"
		       "0000000000000006\t2\t7\t9\t1700000005\t第三\\t标题\t/n\\\\b.txt\n");
	assert_file_is(pathf("%s/positions", dir),
		       "kanbao-positions 2\n"
		       "0000000000000001\t1\t2\t3\t0\n"
		       "0000000000000003\t4\t5\t6\t0\n");
	assert_file_is(pathf("%s/read", dir), "kanbao-read 1\n0000000000000002\t4,5\n");
	clear_warnings();

	st = open_at(dir, capture);
	assert_int_equal(nwarnings, 0);
	assert_int_equal(state_marks(st, 0, NULL), 2);
	assert_pos(st, 3, 4, 5, 6);
	state_close(st);
}

/* A file without its header line (or with a damaged one) still gives
 * its records; a newer format is left alone. */
static void test_headers(void **tstate)
{
	const char *dir = *tstate;
	write_str(pathf("%s/positions", dir), "0000000000000001\t1\t2\t3\n");
	write_str(pathf("%s/history", dir), "kanbao-history one\nq\n");
	static const char newer[] = "kanbao-marks 2\nwhatever a newer kanbao writes\n";
	write_file(pathf("%s/marks", dir), newer, sizeof newer - 1);
	state *st = open_at(dir, capture);
	assert_int_equal(nwarnings, 2);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/marks: written by a newer kanbao (kanbao-marks 2), left as it is", dir));
	assert_string_equal(warnings[1], pathf("kanbao: warning: %s/history: 1 damaged line ignored", dir));
	assert_pos(st, 1, 1, 2, 3);
	const char *const *h;
	assert_int_equal(state_history(st, &h), 1);
	assert_string_equal(h[0], "q");
	assert_int_equal(state_marks(st, 0, NULL), 0);
	state_add_mark(st, 1, pos3(0, 0, 0), "t", "w");
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(pathf("%s/marks", dir), newer);
}

/* A folder where a state file should be: warned about, never replaced;
 * the other files load. */
static void test_unreadable_file(void **tstate)
{
	const char *dir = *tstate;
	assert_int_equal(mkdir(pathf("%s/read", dir), 0700), 0);
	write_str(pathf("%s/history", dir), "kanbao-history 1\nq\n");
	state *st = open_at(dir, capture);
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/read: not a regular file, ignored", dir));
	assert_int_equal(state_history(st, NULL), 1);
	state_set_read(st, 1, 1);
	state_add_history(st, "r");
	assert_true(state_save(st));
	state_close(st);
	struct stat sb;
	assert_int_equal(stat(pathf("%s/read", dir), &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_file_is(pathf("%s/history", dir), "kanbao-history 1\nq\nr\n");
	assert_int_equal(nwarnings, 1);
}

/* Files of exactly STATE_FILE_MAX bytes are read; one byte more and the
 * file is ignored, then replaced by the next save of that kind. */
static void test_size_limit(void **tstate)
{
	const char *dir = *tstate;
	static const char head[] = "kanbao-positions 1\n0000000000000001\t1\t2\t3\n";
	size_t size = STATE_FILE_MAX;
	char *big = util_malloc(size + 1);
	memcpy(big, head, sizeof head - 1);
	memset(big + sizeof head - 1, 'x', size + 1 - (sizeof head - 1));
	big[size - 1] = '\n';
	KEEP_PATH(path, "%s/positions", dir);
	write_file(path, big, size);
	state *st = open_at(dir, capture);
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/positions: 1 damaged line ignored", dir));
	assert_pos(st, 1, 1, 2, 3);
	state_close(st);
	clear_warnings();

	big[size - 1] = 'x';
	big[size] = '\n';
	write_file(path, big, size + 1);
	free(big);
	st = open_at(dir, capture);
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/positions: larger than 16 MiB, ignored", dir));
	assert_false(state_get_position(st, 1, NULL));
	state_add_history(st, "h");
	assert_true(state_save(st));
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, STATE_FILE_MAX + 1);       /* positions did not change */
	state_set_position(st, 2, pos3(0, 0, 1));
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(path, "kanbao-positions 2\n0000000000000002\t0\t0\t1\t1700000000\n");
}

/* ---- several instances at once ---- */

/* Issue 13: A and B run at once; B quits after A. Before, B rewrote the
 * files with what it had read at start, and A's mark and position were
 * gone. Now every save merges. */
static void test_two_instances(void **tstate)
{
	const char *dir = *tstate;
	state *a = open_at(dir, capture);
	state *b = open_at(dir, capture);
	state_add_mark(a, 1, pos3(2, 0, 0), "甲的书签", "/a");
	state_set_position(a, 1, pos3(2, 0, 0));
	state_set_read(a, 1, 2);
	state_add_history(a, "甲");
	assert_true(state_save(a));
	state_close(a);

	state_add_mark(b, 2, pos3(1, 0, 0), "乙的书签", "/b");
	state_set_position(b, 2, pos3(1, 0, 0));
	state_set_read(b, 2, 1);
	state_add_history(b, "乙");
	assert_true(state_save(b));
	/* b now also shows what a saved */
	assert_int_equal(state_marks(b, 0, NULL), 2);
	assert_pos(b, 1, 2, 0, 0);
	state_close(b);

	state *c = open_at(dir, capture);
	const state_mark *const *m;
	assert_int_equal(state_marks(c, 0, &m), 2);
	assert_string_equal(m[0]->title, "乙的书签");
	assert_string_equal(m[1]->title, "甲的书签");
	assert_pos(c, 1, 2, 0, 0);
	assert_pos(c, 2, 1, 0, 0);
	assert_true(state_is_read(c, 1, 2));
	assert_true(state_is_read(c, 2, 1));
	assert_int_equal(state_read_count(c, 2), 1);
	const char *const *h;
	assert_int_equal(state_history(c, &h), 2);
	assert_string_equal(h[0], "甲");
	assert_string_equal(h[1], "乙");
	state_close(c);
	assert_int_equal(nwarnings, 0);
}

/* Only this instance's changes are applied: a mark removed by a stays
 * removed though b had read it at start; b's new mark is added. */
static void test_merge_removals(void **tstate)
{
	const char *dir = *tstate;
	state *st = open_at(dir, capture);
	state_add_mark(st, 1, pos3(1, 0, 0), "one", "");
	state_add_mark(st, 1, pos3(2, 0, 0), "two", "");
	assert_true(state_save(st));
	state_close(st);

	state *a = open_at(dir, capture);
	state *b = open_at(dir, capture);
	const state_mark *const *m;
	assert_int_equal(state_marks(a, 0, &m), 2);
	assert_string_equal(m[0]->title, "two");
	state_remove_mark(a, m[0]);
	assert_true(state_save(a));
	state_close(a);
	state_add_mark(b, 1, pos3(3, 0, 0), "three", "");
	assert_true(state_save(b));
	assert_int_equal(state_marks(b, 0, &m), 2);
	assert_string_equal(m[0]->title, "three");
	assert_string_equal(m[1]->title, "one");
	state_close(b);
	assert_int_equal(nwarnings, 0);
}

/* Of two positions of one issue the later one is kept, whoever saves
 * last; an instance that did not move does not overwrite. */
static void test_later_position_wins(void **tstate)
{
	const char *dir = *tstate;
	state *a = open_at(dir, capture);
	state *b = open_at(dir, capture);
	fake_now = 1700000100;
	state_set_position(a, 7, pos3(1, 0, 0));
	fake_now = 1700000200;
	state_set_position(b, 7, pos3(2, 0, 0));
	assert_true(state_save(b));
	assert_true(state_save(a));     /* a's position is older: b's stays */
	assert_pos(a, 7, 2, 0, 0);
	assert_int_equal(state_position_time(a, 7), 1700000200);
	state_close(a);
	state_close(b);

	a = open_at(dir, capture);
	b = open_at(dir, capture);
	fake_now = 1700000300;
	state_set_position(b, 7, pos3(3, 0, 0));
	assert_true(state_save(b));
	state_set_position(a, 7, pos3(2, 0, 0));        /* where a already was: no change */
	assert_true(state_save(a));
	state_close(a);
	state_close(b);
	a = open_at(dir, capture);
	assert_pos(a, 7, 3, 0, 0);
	assert_int_equal(state_position_time(a, 8), 0);
	state_close(a);
	fake_now = 1700000000;
	assert_int_equal(nwarnings, 0);
}

/* state_refresh shows what others saved and keeps unsaved changes. */
static void test_refresh(void **tstate)
{
	const char *dir = *tstate;
	state *a = open_at(dir, capture);
	state *b = open_at(dir, capture);
	state_add_mark(a, 1, pos3(1, 0, 0), "a", "");
	state_add_mark(b, 2, pos3(1, 0, 0), "b", "");
	assert_true(state_save(b));
	assert_int_equal(state_marks(a, 0, NULL), 1);
	assert_true(state_refresh(a));
	assert_int_equal(state_marks(a, 0, NULL), 2);
	assert_true(state_save(a));
	state_close(a);
	assert_true(state_refresh(b));
	assert_int_equal(state_marks(b, 0, NULL), 2);
	state_close(b);
	assert_int_equal(nwarnings, 0);
}

/* A lock held too long: a clear warning, and the save goes on. */
static void test_lock_timeout(void **tstate)
{
	const char *dir = *tstate;
	int fd = open(pathf("%s/lock", dir), O_RDWR | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	state *st = open_at(dir, capture);
	state_set_lock_timeout(st, 50);
	state_add_history(st, "q");
	uint64_t t0 = util_now_ns();
	assert_true(state_save(st));
	uint64_t ms = (util_now_ns() - t0) / 1000000;
	assert_true(ms >= 50 && ms < 1000);
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], pathf("kanbao: warning: %s/lock: held by another kanbao for more than 50 ms: saving without the lock", dir));
	assert_file_is(pathf("%s/history", dir), "kanbao-history 1\nq\n");
	close(fd);
	/* with the lock free, a save removes temporary files a killed save left */
	write_str(pathf("%s/.marks.AbC123", dir), "kanbao-marks 1\n00");
	state_add_history(st, "r");
	assert_true(state_save(st));
	char *names = list_dir(dir);
	assert_string_equal(names, "history lock");
	free(names);
	state_close(st);
}

/* ---- where the folder is ---- */

static void test_xdg_folder(void **tstate)
{
	const char *dir = *tstate;
	setenv("XDG_STATE_HOME", pathf("%s/xdg", dir), 1);
	state *st = open_at(NULL, capture);
	state_add_history(st, "xdg");
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(pathf("%s/xdg/kanbao/history", dir), "kanbao-history 1\nxdg\n");
	struct stat sb;
	assert_int_equal(stat(pathf("%s/xdg", dir), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);

	/* a relative XDG_STATE_HOME is ignored: ~/.local/state */
	setenv("XDG_STATE_HOME", "relative/state", 1);
	setenv("HOME", pathf("%s/home", dir), 1);
	st = open_at(NULL, capture);
	state_add_history(st, "home");
	assert_true(state_save(st));
	state_close(st);
	assert_file_is(pathf("%s/home/.local/state/kanbao/history", dir), "kanbao-history 1\nhome\n");

	unsetenv("XDG_STATE_HOME");
	st = open_at(NULL, capture);
	const char *const *h;
	assert_int_equal(state_history(st, &h), 1);
	assert_string_equal(h[0], "home");
	state_close(st);

	/* warnings show $HOME as ~ */
	setenv("HOME", pathf("%s/", dir), 1);
	assert_int_equal(mkdir(pathf("%s/st", dir), 0700), 0);
	write_str(pathf("%s/st/history", dir), "kanbao-history 1\nbad \\q\n");
	st = open_at(pathf("%s/st/", dir), capture);
	state_close(st);
	setenv("HOME", FAKE_HOME, 1);
	assert_int_equal(nwarnings, 1);
	assert_string_equal(warnings[0], "kanbao: warning: ~/st/history: 1 damaged line ignored");
}

/* Without a callback, warnings go to stderr (checked by running in a
 * child with stderr in a pipe). */
static void test_warn_to_stderr(void **tstate)
{
	const char *dir = *tstate;
	write_str(pathf("%s/history", dir), "kanbao-history 1\n\\z\n\\y\n");
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		state_close(open_at(dir, NULL));
		_exit(0);
	}
	close(fds[1]);
	char buf[4096];
	size_t n = 0;
	ssize_t r;
	while ((r = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_string_equal(buf, pathf("kanbao: warning: %s/history: 2 damaged lines ignored\n", dir));
}

int main(void)
{
	/* never the user's own state */
	setenv("HOME", FAKE_HOME, 1);
	unsetenv("XDG_STATE_HOME");
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_positions_round_trip),
		T(test_positions_lru),
		T(test_read_round_trip),
		T(test_read_limits),
		T(test_marks_round_trip),
		T(test_marks_file_format),
		T(test_marks_limit),
		T(test_long_title_cut),
		T(test_history),
		T(test_history_limit),
		T(test_every_byte_round_trips),
		T(test_atomic_replace),
		T(test_one_file_fails),
		T(test_unwritable_folder),
		T(test_folder_is_a_file),
		T(test_damaged_lines),
		T(test_headers),
		T(test_unreadable_file),
		T(test_size_limit),
		T(test_two_instances),
		T(test_merge_removals),
		T(test_later_position_wins),
		T(test_refresh),
		T(test_lock_timeout),
		T(test_xdg_folder),
		T(test_warn_to_stderr),
	};
#undef T
	return cmocka_run_group_tests_name("state", tests, NULL, NULL);
}
