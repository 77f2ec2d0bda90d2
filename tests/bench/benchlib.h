/* benchlib.h — what the bench helpers share: the harness's clock, running a
 * command as a child process (wall time, exit status and peak RSS from
 * wait4), and the median and spread of a set of samples.
 *
 * Header-only (static functions) so that each helper is still one .c file
 * to compile. Children are started with posix_spawn, which does not copy
 * the parent's page tables: a helper holding 300 MB of folded text must
 * not make the anchor it times look slower.
 */
#ifndef KANBAO_BENCHLIB_H
#define KANBAO_BENCHLIB_H

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static inline uint64_t bench_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One run of a command. */
typedef struct bench_run {
	uint64_t ns;            /* wall time from spawn to exit */
	long maxrss_kb;         /* peak resident set size (ru_maxrss): only
				 * meaningful from a small parent (see below) */
	int status;             /* exit status, or 128 + signal */
} bench_run;

/* Runs argv (searched in PATH) with standard input on /dev/null, standard
 * output on out_fd (on /dev/null when out_fd < 0), standard error kept,
 * and waits for it. Returns false when it could not be started.
 * GNU grep stops at the first match when its output is /dev/null (it
 * cannot be read, so only the exit status matters): grep must be given
 * a real file.
 * The child's ru_maxrss is never below the parent's resident size when it
 * was started (Linux keeps the high-water mark of the memory that exec
 * replaces, and after fork or vfork that is the parent's): peak RSS is
 * measured by alt and pty, which stay under 2 MB, not by the helpers that
 * hold the folded or parsed archive. */
static inline bool bench_run_cmd(char *const argv[], int out_fd, bench_run *out)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (out_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
	else
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	uint64_t t0 = bench_now_ns();
	int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(err));
		return false;
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR)
			return false;
	out->ns = bench_now_ns() - t0;
	out->maxrss_kb = ru.ru_maxrss;
	out->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return true;
}

/* Runs argv as `argv | head -n 1` would: its standard output a pipe read
 * until the first newline, then closed (the command then ends on
 * SIGPIPE or EPIPE, as it would under head). *first_ns: from spawn to
 * that newline (the whole run when it printed none). False when it could
 * not be started. */
static inline bool bench_first_line(char *const argv[], uint64_t *first_ns)
{
	int fd[2];
	if (pipe(fd) != 0)
		return false;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	pid_t pid;
	uint64_t t0 = bench_now_ns();
	int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (err) {
		close(fd[0]);
		fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(err));
		return false;
	}
	char buf[4096];
	ssize_t n;
	bool nl = false;
	while (!nl && ((n = read(fd[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)))
		nl = n > 0 && memchr(buf, '\n', (size_t)n) != NULL;
	*first_ns = bench_now_ns() - t0;
	close(fd[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return false;
	return true;
}

typedef struct bench_stats {
	double median, min, max;
	size_t n;
} bench_stats;

static inline int bench_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Median (the mean of the two middle samples when n is even), least and
 * greatest of n samples; sorts v. All zero when n is 0. */
static inline bench_stats bench_stats_of(uint64_t *v, size_t n)
{
	bench_stats s = { 0, 0, 0, n };
	if (n == 0)
		return s;
	qsort(v, n, sizeof *v, bench_cmp_u64);
	s.min = (double)v[0];
	s.max = (double)v[n - 1];
	s.median = n % 2 ? (double)v[n / 2] : ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2;
	return s;
}

/* A positive whole number from the command line, or exit 2. */
/* Ends a result line: the exit status ("mixed" when runs differed) and
 * the command. */
static inline void bench_print_command_tail(int status, bool mixed, char *const *argv)
{
	if (mixed)
		printf("mixed");
	else
		printf("%d", status);
	for (char *const *a = argv; *a; a++)
		printf(" %s", *a);
	putchar('\n');
}

static inline int bench_count(const char *s, const char *what)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 0 || v > 100000) {
		fprintf(stderr, "bench: %s: expected a whole number, got %s\n", what, s);
		exit(2);
	}
	return (int)v;
}

#endif
