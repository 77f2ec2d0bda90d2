/* Ctrl-C is always answered (issue 13): the reader runs in a pseudo-
 * terminal on a large issue (the sample pages repeated to 40 MB in one
 * file, jump lines and all) and on a page that is one 20 MB paragraph;
 * SIGINT comes at a random moment of the loading, linking and laying
 * out, and kanbao must be gone within 100 ms, with the terminal restored
 * (it prints the end of the alternate screen on its way out).
 *
 * And a key pressed while the issue loads is handled within 100 ms: sent
 * after the reader's first screen (its trace says when), at a random
 * moment of the half second after it (the loading of the 40 MB lasts
 * seconds), read at the reader's next look at the keyboard.
 *
 * make test sends 12 signals and 4 keys (median within 100 ms, none over 200 ms:
 * the machine may be busy; a round over that is measured again, three
 * rounds at most); KANBAO_STRESS=long (make test STRESS=long) sends 60
 * and 20, every one within 100 ms, in one round. Median and maximum are
 * printed. */
#include "testutil.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char dir[256];
static char big[300], para[300];

static void write_inputs(void)
{
	const char *src = getenv("KANBAO_SRC");
	util_buf sample = { 0 };
	for (int p = 1; p <= 4; p++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/sample/0%d.txt", src ? src : ".", p);
		size_t len;
		char *t = tu_read_file(path, &len);
		util_buf_add(&sample, t, len);
		util_buf_adds(&sample, "\n\n");
		free(t);
	}
	FILE *f = fopen(big, "w");
	assert_non_null(f);
	for (size_t n = 0; n < (40u << 20); n += sample.len)
		fwrite(sample.data, 1, sample.len, f);
	assert_int_equal(fclose(f), 0);
	util_buf_free(&sample);

	f = fopen(para, "w");
	assert_non_null(f);
	fputs("一段很长的文字\n\n", f);
	static const char unit[] = "这是一个非常长的段落，没有换行，用来测试排版是否会让阅读器停住。";
	for (size_t n = 0; n < (20u << 20); n += sizeof unit - 1)
		fputs(unit, f);
	fputs("\n", f);
	assert_int_equal(fclose(f), 0);
}

static uint64_t rnd_state = 0x853c49e6748fea9bull;
static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (uint32_t)(rnd_state % n);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Reads what the child prints (so it never blocks on a full pty) until
 * `until` (ns) or its exit; returns whether it exited, with its status. */
static bool drain(int fd, pid_t pid, uint64_t until, int *status, util_buf *out)
{
	for (;;) {
		pid_t w = waitpid(pid, status, WNOHANG);
		if (w == pid)
			return true;
		uint64_t now = util_now_ns();
		if (now >= until)
			return false;
		struct pollfd p = { fd, POLLIN, 0 };
		int ms = (int)((until - now) / 1000000u);
		if (poll(&p, 1, ms > 2 ? 2 : ms) > 0) {
			char buf[65536];
			ssize_t n = read(fd, buf, sizeof buf);
			if (n > 0 && out)
				util_buf_add(out, buf, (size_t)n);
		}
	}
}

/* Starts the reader on `path` in an 80x24 pseudo-terminal (with
 * KANBAO_TRACE=trace unless trace is NULL); *fd gets the terminal's end. */
static pid_t start_reader(const char *path, const char *trace, int *fd)
{
	struct winsize ws = { 24, 80, 0, 0 };
	fflush(NULL);
	pid_t pid = forkpty(fd, NULL, NULL, &ws);
	assert_true(pid >= 0);
	if (pid == 0) {
		/* a user's Ctrl-C finds SIGINT at its default; this test may
		 * run in the background of a script (CI), where the shell has
		 * set it to ignored, and the reader would then miss a signal
		 * sent before it installs its handler */
		signal(SIGINT, SIG_DFL);
		setenv("TERM", "xterm-256color", 1);
		if (trace)
			setenv("KANBAO_TRACE", trace, 1);
		execl(getenv("KANBAO"), "kanbao", "--no-restore", "--ambiguous-width", "1", path, (char *)NULL);
		_exit(127);
	}
	return pid;
}

/* Starts the reader on `path`, waits `delay_ms`, sends SIGINT; returns
 * the ms from the signal to the exit. */
static double one_interrupt(const char *path, unsigned delay_ms)
{
	int fd;
	pid_t pid = start_reader(path, NULL, &fd);
	int status = 0;
	util_buf out = { 0 };
	uint64_t t0 = util_now_ns();
	if (drain(fd, pid, t0 + (uint64_t)delay_ms * 1000000u, &status, &out))
		fail_msg("kanbao ended before the signal (status %d)", status);
	uint64_t t1 = util_now_ns();
	kill(pid, SIGINT);
	bool gone = drain(fd, pid, t1 + 5000000000ull, &status, &out);
	double ms = (double)(util_now_ns() - t1) / 1e6;
	if (!gone) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		fail_msg("kanbao still running 5 s after SIGINT (sent %u ms after the start)", delay_ms);
	}
	/* what it wrote last, still in the pty */
	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		char buf[65536];
		ssize_t n = poll(&p, 1, 50) > 0 ? read(fd, buf, sizeof buf) : 0;
		if (n <= 0)
			break;
		util_buf_add(&out, buf, (size_t)n);
	}
	close(fd);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
	/* the terminal was restored: the alternate screen, once entered, was
	 * left (a signal before the reader started finds nothing to restore) */
	const char *enter = out.len ? memmem(out.data, out.len, "\033[?1049h", 8) : NULL;
	if (enter && !memmem(enter, out.len - (size_t)(enter - out.data), "\033[?1049l", 8)) {
		FILE *f = fopen("/tmp/kanbao-interrupt-out.bin", "wb");
		if (f) {
			fwrite(out.data, 1, out.len, f);
			fclose(f);
		}
		fail_msg("the terminal was not restored (signal %u ms after the start, exit after %.1f ms; output in /tmp/kanbao-interrupt-out.bin)",
			 delay_ms, ms);
	}
	util_buf_free(&out);
	return ms;
}


/* The promise is 100 ms. make test shares a loaded machine with other
 * builds (and runs under sanitizers): there one slow exit may take twice
 * that, and a round whose figures are over is measured again, up to
 * ROUNDS in all, so that a moment of load does not fail the test while a
 * kanbao that is slow every time still does. KANBAO_STRESS=long is strict:
 * one round, every figure within 100 ms. */
enum { ROUNDS = 3 };

static bool stress_long(void)
{
	const char *s = getenv("KANBAO_STRESS");
	return s && strcmp(s, "long") == 0;
}

/* Sorts the n figures, prints them, and says whether they keep the promise. */
static bool within(const char *what, double *ms, int n, int round)
{
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	double med = ms[n / 2], max = ms[n - 1];
	print_message("%s median %.1f ms, max %.1f ms%s\n", what, med, max,
		      round ? " (measured again: the machine was busy)" : "");
	return med <= 100.0 && max <= (stress_long() ? 100.0 : 200.0);
}

static void run(const char *label, const char *path, int trials, unsigned window_ms)
{
	double *ms = util_calloc((size_t)trials, sizeof *ms);
	char what[200];
	snprintf(what, sizeof what, "%s: %d SIGINTs at random moments: exit after", label, trials);
	bool ok = false;
	for (int round = 0; !ok && round < (stress_long() ? 1 : ROUNDS); round++) {
		for (int i = 0; i < trials; i++)
			ms[i] = one_interrupt(path, 50 + rnd(window_ms));
		ok = within(what, ms, trials, round);
	}
	free(ms);
	assert_true(ok);
}

/* How long a wait for the reader may take at the most: on a loaded
 * machine an ASan build takes seconds to read the 40 MB before its first
 * screen. A wait ends as soon as what it waits for is there. */
enum { WAIT_LIMIT_S = 120 };

/* How many bytes the trace holds (0 before the reader opens it). */
static size_t trace_size(const char *trace)
{
	struct stat sb;
	return stat(trace, &sb) == 0 ? (size_t)sb.st_size : 0;
}

/* Waits (draining what the reader prints) until the trace holds `what`
 * after byte `from`; returns the trace (caller frees) and in *at where
 * `what` stands. Fails when the reader ends first or WAIT_LIMIT_S
 * passes. */
static char *trace_wait(const char *trace, size_t from, const char *what, int fd, pid_t pid, size_t *at)
{
	uint64_t until = util_now_ns() + WAIT_LIMIT_S * 1000000000ull;
	for (;;) {
		if (trace_size(trace) > from) {
			char *t = tu_read_file(trace, NULL);
			const char *hit = strstr(t + from, what);
			if (hit) {
				*at = (size_t)(hit - t);
				return t;
			}
			free(t);
		}
		int status;
		if (drain(fd, pid, util_now_ns() + 5000000u, &status, NULL))
			fail_msg("kanbao ended (status %d) before its trace said \"%s\"", status, what);
		if (util_now_ns() > until) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			fail_msg("kanbao's trace did not say \"%s\" within %d s", what, WAIT_LIMIT_S);
		}
	}
}

/* How many looks at the keyboard while loading may find nothing between
 * the key's sending and its reading: the one of the step under way when
 * it was sent, and one more for the terminal's own delivery (the kernel
 * hands a pty's input on from a worker thread, late on a busy machine).
 * A reader that read keys only after the loading would count hundreds. */
enum { MAX_LOOKS_BEFORE_KEY = 2 };

/* A key pressed while the 40 MB issue loads, `delay_ms` after the
 * reader's first screen (before it the key would wait for a reader that
 * is not there yet): from the moment it is sent to the moment the reader
 * has handled it (the trace says when it read the key, on the same
 * clock, and how long handling took). The trace's "idle" lines between
 * the sending and "read j" are the looks at the keyboard that found
 * nothing, one a loading step: at most MAX_LOOKS_BEFORE_KEY. */
static double one_key(unsigned delay_ms)
{
	char trace[300];
	snprintf(trace, sizeof trace, "%s/trace", dir);
	unlink(trace);
	int fd;
	pid_t pid = start_reader(big, trace, &fd);
	int status = 0;
	size_t at;
	free(trace_wait(trace, 0, "first-screen ", fd, pid, &at));
	if (drain(fd, pid, util_now_ns() + (uint64_t)delay_ms * 1000000u, &status, NULL))
		fail_msg("kanbao ended before the key (status %d)", status);
	size_t before = trace_size(trace);
	uint64_t sent = util_now_ns();
	assert_int_equal(write(fd, "j", 1), 1);
	char *t = trace_wait(trace, before, "key j read-ns=", fd, pid, &at);
	assert_int_equal(write(fd, "q", 1), 1);
	if (!drain(fd, pid, util_now_ns() + WAIT_LIMIT_S * 1000000000ull, &status, NULL)) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		fail_msg("kanbao still running %d s after q", WAIT_LIMIT_S);
	}
	close(fd);
	unsigned looks = 0;
	const char *read_j = strstr(t + before, "read j\n");
	assert_non_null(read_j);
	for (const char *p = t + before; (p = strstr(p, "idle\n")) != NULL && p < read_j; p += 5)
		looks++;
	if (looks > MAX_LOOKS_BEFORE_KEY)
		fail_msg("the key waited for %u looks at the keyboard (at most %d)", looks, MAX_LOOKS_BEFORE_KEY);
	unsigned long long read_ns = strtoull(t + at + 14, NULL, 10);
	const char *m = strstr(t + at, "ms=");
	double handled = m ? strtod(m + 3, NULL) : 0;
	free(t);
	return ((double)read_ns - (double)sent) / 1e6 + handled;
}

static void test_key_while_loading(void **state)
{
	(void)state;
	int trials = stress_long() ? 20 : 4;
	double *ms = util_calloc((size_t)trials, sizeof *ms);
	char what[200];
	snprintf(what, sizeof what, "40 MB issue: %d keys while loading: handled after", trials);
	bool ok = false;
	for (int round = 0; !ok && round < (stress_long() ? 1 : ROUNDS); round++) {
		for (int i = 0; i < trials; i++)
			ms[i] = one_key(rnd(500));
		ok = within(what, ms, trials, round);
	}
	free(ms);
	assert_true(ok);
}

static void test_sigint_while_loading(void **state)
{
	(void)state;
	run("40 MB issue", big, stress_long() ? 40 : 8, 1500);
}

static void test_sigint_in_huge_paragraph(void **state)
{
	(void)state;
	run("20 MB paragraph", para, stress_long() ? 20 : 4, 1500);
}

static int setup(void **state)
{
	(void)state;
	if (!getenv("KANBAO"))
		return -1;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/kanbao-int-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(big, sizeof big, "%s/big.txt", dir);
	snprintf(para, sizeof para, "%s/para.txt", dir);
	write_inputs();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(big);
	unlink(para);
	char trace[300];
	snprintf(trace, sizeof trace, "%s/trace", dir);
	unlink(trace);
	rmdir(dir);
	return 0;
}

int main(void)
{
	if (!getenv("KANBAO")) {
		printf("test_interrupt: skipped (KANBAO, the program to run, is not set)\n");
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigint_while_loading),
		cmocka_unit_test(test_sigint_in_huge_paragraph),
		cmocka_unit_test(test_key_while_loading),
	};
	return cmocka_run_group_tests_name("interrupt", tests, setup, teardown);
}
