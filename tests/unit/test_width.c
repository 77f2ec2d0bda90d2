/* Unit tests of the width that matches the terminal: the ambiguous width
 * setting (text_set_ambiguous_width) against libunistring's uc_width, the
 * program's own wcwidth/wcswidth, ncursesw's cursor bookkeeping following
 * them (getcurx), the terminal probe (probe.c) against a fake terminal on
 * a pty, and kanbao itself on a pty whose terminal answers "wide". */
#include "testutil.h"
#include "probe.h"
#include "text.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uniwidth.h>
#include <wchar.h>

static int setup(void **state)
{
	(void)state;
	text_init_locale(NULL);
	return 0;
}

static int narrow_again(void **state)
{
	(void)state;
	text_set_ambiguous_width(1);
	return 0;
}

static bool never_printed(uint32_t cp)
{
	bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || bidi;
}

/* Wide: every code point as libunistring says for a CJK encoding. */
static void test_wide_is_the_library_cjk_width(void **state)
{
	(void)state;
	text_set_ambiguous_width(2);
	assert_int_equal(text_ambiguous_width(), 2);
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		int lib = uc_width(cp, "GBK");
		int want = never_printed(cp) ? -1 : lib < 0 ? -1 : lib;
		if (text_cp_width(cp) != want)
			fail_msg("U+%04X: text_cp_width %d, uc_width(GBK) %d", cp,
				 text_cp_width(cp), lib);
	}
	/* “ ” ‘ ’ … — · and the box-drawing line */
	static const uint32_t ambiguous[] = { 0x201C, 0x201D, 0x2018, 0x2019, 0x2026,
					      0x2014, 0x00B7, 0x2502 };
	for (size_t i = 0; i < sizeof ambiguous / sizeof *ambiguous; i++) {
		assert_int_equal(text_cp_width(ambiguous[i]), 2);
		text_set_ambiguous_width(1);
		assert_int_equal(text_cp_width(ambiguous[i]), 1);
		text_set_ambiguous_width(2);
	}
	assert_int_equal(text_cp_width('A'), 1);
	assert_int_equal(text_cp_width(0x65B0), 2);     /* 新 */
	assert_int_equal(text_width("“新闻”…", strlen("“新闻”…")), 10);
	text_set_ambiguous_width(1);
	assert_int_equal(text_width("“新闻”…", strlen("“新闻”…")), 7);
}

/* The C library's names answer from the same function. */
static void test_wcwidth_is_ours(void **state)
{
	(void)state;
	const wchar_t *s = L"“新闻”…";
	assert_int_equal(wcwidth(L'“'), 1);
	assert_int_equal(wcswidth(s, wcslen(s)), 7);
	text_set_ambiguous_width(2);
	assert_int_equal(wcwidth(L'“'), 2);
	assert_int_equal(wcwidth(L'…'), 2);
	assert_int_equal(wcwidth(L'新'), 2);
	assert_int_equal(wcwidth(L'a'), 1);
	assert_int_equal(wcwidth(0), 0);
	assert_int_equal(wcwidth(0x1B), -1);
	assert_int_equal(wcswidth(s, wcslen(s)), 10);
	assert_int_equal(wcswidth(L"a\x1b", 2), -1);
}

/* Where ncursesw's cursor is after drawing “新闻”… on a fresh screen. */
static int curx_after_drawing(int ambiguous, bool wide_api)
{
	text_set_ambiguous_width(ambiguous);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	assert_non_null(out);
	assert_non_null(in);
	SCREEN *sc = newterm("xterm", out, in);
	if (!sc)
		fail_msg("newterm(xterm) failed: no terminfo entry?");
	if (wide_api)
		mvaddwstr(0, 0, L"“新闻”…");
	else
		mvaddstr(0, 0, "“新闻”…");
	int x = getcurx(stdscr);
	endwin();
	delscreen(sc);
	fclose(out);
	fclose(in);
	return x;
}

static void test_curses_follows_the_setting(void **state)
{
	(void)state;
	assert_int_equal(curx_after_drawing(1, false), 7);
	assert_int_equal(curx_after_drawing(2, false), 10);
	assert_int_equal(curx_after_drawing(1, true), 7);
	assert_int_equal(curx_after_drawing(2, true), 10);
}

/* ---- a fake terminal on a pty ---- */

static bool contains(const char *buf, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(buf + i, what, n) == 0)
			return true;
	return false;
}

/* The terminal side (master) of a pty: reads what the program writes and
 * answers the cursor position request with `answer` (NULL: never), until
 * the program closes its side or `ms` pass. Returns what was read. */
static char *terminal(int master, const char *answer, int ms, size_t *len, pid_t child)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	bool answered = false;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct timespec t1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		long spent = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
		if (spent > ms)
			break;
		struct pollfd p = { .fd = master, .events = POLLIN };
		int r = poll(&p, 1, 50);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			if (child > 0 && waitpid(child, NULL, WNOHANG) == child)
				break;
			continue;
		}
		if (n + 4096 > cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		ssize_t got = read(master, buf + n, cap - n - 1);
		if (got <= 0)
			break;          /* EIO: the other side is closed */
		n += (size_t)got;
		if (answer && !answered && contains(buf, n, "\033[6n")) {
			assert_true(write(master, answer, strlen(answer)) == (ssize_t)strlen(answer));
			answered = true;
		}
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* probe_ambiguous_width_fd on the program's side of a pty whose terminal
 * answers `answer`. */
static int probe_with(const char *answer, int timeout_ms, char **seen, size_t *seen_len)
{
	int master, slave;
	assert_int_equal(openpty(&master, &slave, NULL, NULL, NULL), 0);
	int pipefd[2];
	assert_int_equal(pipe(pipefd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(slave);
		close(pipefd[0]);
		size_t len;
		char *buf = terminal(master, answer, timeout_ms + 500, &len, 0);
		if (write(pipefd[1], buf, len) < 0)
			_exit(1);
		_exit(0);
	}
	close(pipefd[1]);
	int w = probe_ambiguous_width_fd(slave, timeout_ms);
	close(slave);
	close(master);
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t got;
	while ((got = read(pipefd[0], buf + n, cap - n - 1)) > 0) {
		n += (size_t)got;
		if (n + 1 >= cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	close(pipefd[0]);
	waitpid(pid, NULL, 0);
	*seen = buf;
	*seen_len = n;
	return w;
}

static void test_probe(void **state)
{
	(void)state;
	char *seen;
	size_t len;
	/* the cursor went to column 3: the terminal draws “ wide */
	assert_int_equal(probe_with("\033[12;3R", 1000, &seen, &len), 2);
	/* asked at column 1 with “, then the request, then erased */
	assert_true(contains(seen, len, "\r\xe2\x80\x9c\033[6n"));
	assert_true(contains(seen, len, "\r\033[K"));
	free(seen);
	assert_int_equal(probe_with("\033[12;2R", 1000, &seen, &len), 1);
	free(seen);
	/* keys typed before the answer are skipped */
	assert_int_equal(probe_with("jj\033[1;3R", 1000, &seen, &len), 2);
	free(seen);
	/* no answer: 0 after the timeout, and the line is still erased */
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(probe_with(NULL, 150, &seen, &len), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 140);
	assert_true(contains(seen, len, "\r\033[K"));
	free(seen);
}

/* ---- kanbao on a pty whose terminal answers "wide" ---- */

static char *run_capture(const char *cmd, size_t *len)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += got;
		if (n + 1 >= cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
	*len = n;
	return buf;
}

/* Text written to a pty comes back with \r\n line ends. */
static char *with_crlf(const char *s, size_t len, size_t *out_len)
{
	char *out = malloc(2 * len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			out[n++] = '\r';
		out[n++] = s[i];
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

static pid_t spawn_on_pty(int *master, char *const argv[])
{
	struct winsize ws = { .ws_row = 24, .ws_col = 100 };
	pid_t pid = forkpty(master, NULL, NULL, &ws);
	assert_true(pid >= 0);
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		unsetenv("KANBAO_CONFIG");
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static void test_kanbao_asks_the_terminal(void **state)
{
	(void)state;
	const char *kanbao = getenv("KANBAO");
	if (!kanbao) {
		print_message("KANBAO is not set (run by make test): skipped\n");
		skip();
	}
	const char *src = getenv("KANBAO_SRC");
	char sample[4096], cmd[8192];
	snprintf(sample, sizeof sample, "%s/sample", src ? src : ".");

	/* --dump to a terminal, [display] ambiguous_width = auto (the default) */
	char *argv[] = { (char *)kanbao, "--dump", "--width", "40", sample, NULL };
	int master;
	pid_t pid = spawn_on_pty(&master, argv);
	size_t len;
	char *out = terminal(master, "\033[1;3R", 10000, &len, -1);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(master);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(contains(out, len, "\033[6n"));

	size_t wide_len, narrow_len, crlf_len;
	snprintf(cmd, sizeof cmd, "'%s' --dump --width 40 --ambiguous-width 2 '%s'", kanbao, sample);
	char *wide = run_capture(cmd, &wide_len);
	snprintf(cmd, sizeof cmd, "'%s' --dump --width 40 --ambiguous-width 1 '%s'", kanbao, sample);
	char *narrow = run_capture(cmd, &narrow_len);
	/* the sample's “” make the two layouts differ */
	assert_true(wide_len != narrow_len || memcmp(wide, narrow, wide_len) != 0);
	char *want = with_crlf(wide, wide_len, &crlf_len);
	/* the probe, erased, then exactly the wide layout */
	const char *erase = "\r\033[K";
	char *after = NULL;
	for (size_t i = 0; i + 4 <= len; i++)
		if (memcmp(out + i, erase, 4) == 0)
			after = out + i + 4;
	assert_non_null(after);
	assert_int_equal((size_t)(out + len - after), crlf_len);
	assert_memory_equal(after, want, crlf_len);
	free(out);
	free(want);
	free(wide);
	free(narrow);

	/* the reader: asks before curses takes the screen, starts, quits on q */
	char *rargv[] = { (char *)kanbao, "--no-restore", sample, NULL };
	pid = spawn_on_pty(&master, rargv);
	out = terminal(master, "\033[1;3R", 1500, &len, -1);
	assert_true(write(master, "q", 1) == 1);
	size_t more_len;
	char *more = terminal(master, NULL, 5000, &more_len, pid);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(master);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	char *probe = strstr(out, "\033[6n"), *screen = strstr(out, "\033[?1049h");
	assert_non_null(probe);
	assert_non_null(screen);
	assert_true(probe < screen);
	assert_true(contains(out, len, "青川高新区"));
	/* the mouse: SGR reporting (1006: clicks beyond column 223) and
	 * button events only (1000), never all motion (1002, 1003) */
	assert_true(contains(out, len, "\033[?1006;1000h") ||
		    (contains(out, len, "\033[?1006h") && contains(out, len, "\033[?1000h")));
	assert_false(contains(out, len, "\033[?1002h") || contains(out, len, "\033[?1003h"));
	free(out);
	free(more);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_wide_is_the_library_cjk_width, narrow_again),
		cmocka_unit_test_teardown(test_wcwidth_is_ours, narrow_again),
		cmocka_unit_test_teardown(test_curses_follows_the_setting, narrow_again),
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_kanbao_asks_the_terminal),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
