/* pty.c — start-up and redraw of full-screen programs, in a pseudo-terminal.
 *
 *   pty [OPTIONS] [keys=KEYS] CMD ARGS... [-- [keys=KEYS] CMD ARGS...]...
 *
 * Runs each command in a new pseudo-terminal of COLS × ROWS (default
 * 80 × 24; TIOCSWINSZ through forkpty, TERM=xterm-256color, the rest of
 * the environment inherited) and reads everything it writes.
 *  - The first full screen: the time from launch to the last byte of the
 *    first burst of output, a burst being over when the output has been
 *    quiet for QUIET ms (-q, default 300) after at least MINBYTES bytes
 *    (-b, default 512: a screen of text is more than that, so a program
 *    that only sets the terminal up first is not taken as done). The quiet
 *    wait itself is not counted.
 *    With until=TEXT before a command, its first screen is done when TEXT
 *    arrives instead (kanbao: its status line, drawn last; a big issue
 *    then goes on updating "loading N%", which is not its first screen).
 *  - Then the KEYS given with the command are sent one by one, untimed
 *    (each waits for the end of its answer), e.g. keys=JJ to reach the
 *    third article.
 *  - Redraw: PRESSES times (-p, default 0) the KEY (-k, default ' ') is
 *    written and timed from the write to the last byte of its answer
 *    burst (quiet for PQUIET ms, -Q, default 100). After every CYCLE
 *    presses (-c, default 0: never) the RESET key (-z, default 'g') is
 *    sent untimed, so that a run of page-downs stays inside the text. A
 *    press with no answer within 2 s is not counted.
 *  - Then `q` (-x to change it) quits, and wait4 gives the peak RSS.
 * The commands alternate: RUNS rounds (-r, default 5), each running every
 * command once, the first one rotating from round to round.
 *
 * Output, one line per command (times in ns; medians of the runs, of all
 * the presses of all runs):
 *   K FIRST_MEDIAN FIRST_MIN FIRST_MAX PRESS_MEDIAN PRESS_MIN PRESS_MAX
 *     NPRESSES PEAK_RSS_KB FIRST_BYTES PRESS_BYTES STATUS COMMAND...
 * FIRST_BYTES and PRESS_BYTES are the median sizes of the first burst and
 * of the answers to the presses (a page redrawn is hundreds of bytes; a
 * few dozen mean the key did little); STATUS is the exit status of the
 * last run ("mixed" when they differ). A run that fails
 * (no output in 30 s, the program exits before it is asked to) stops
 * pty with status 1 and a message.
 */
#include "benchlib.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>

enum { FIRST_LIMIT_MS = 30000, PRESS_LIMIT_MS = 2000, EXIT_LIMIT_MS = 10000 };

typedef struct settings {
	int runs, presses, cycle;
	int quiet_ms, press_quiet_ms;
	size_t min_bytes;
	int cols, rows;
	char key, reset, quit;
} settings;

typedef struct command {
	char **argv;
	const char *keys;       /* untimed keys after the first screen */
	const char *until;      /* the first screen is done when this text shows */
	uint64_t *first;        /* per run */
	uint64_t *first_bytes;  /* per run */
	uint64_t *press;        /* every timed press of every run */
	uint64_t *press_bytes;  /* and the size of its answer */
	size_t npress;
	long maxrss_kb;
	int status;
	bool mixed;
} command;

typedef struct burst {
	uint64_t last;          /* time of the last byte; 0 when none came */
	size_t bytes;
	bool closed;            /* the program closed the terminal */
	uint64_t marked;        /* time the `until` text arrived; 0 when it did not */
} burst;

static void usage(void)
{
	fputs("usage: pty [-r RUNS] [-p PRESSES] [-c CYCLE] [-k KEY] [-z RESET] [-x QUIT]\n"
	      "           [-q QUIET_MS] [-Q PRESS_QUIET_MS] [-b MINBYTES] [-W COLS] [-H ROWS]\n"
	      "           [keys=KEYS] [until=TEXT] CMD ARGS... [-- [keys=KEYS] [until=TEXT] CMD ARGS...]...\n", stderr);
	exit(2);
}

static void fail(const command *c, const char *what)
{
	fprintf(stderr, "pty: %s: %s\n", c->argv[0], what);
	exit(1);
}

/* Reads the program's output until it has been quiet for quiet_ms after
 * at least min_bytes came, or until limit_ms passed with nothing (or too
 * little) coming. */
static burst read_burst_until(int fd, int quiet_ms, size_t min_bytes, int limit_ms,
			      const char *until)
{
	burst b = { 0, 0, false, 0 };
	uint64_t start = bench_now_ns();
	char buf[1 << 16];
	char tail[256 + sizeof buf];    /* the end of what came, to find `until` across reads */
	size_t ntail = 0, ulen = until ? strlen(until) : 0;
	for (;;) {
		uint64_t now = bench_now_ns();
		uint64_t deadline = b.last && b.bytes >= min_bytes
			? b.last + (uint64_t)quiet_ms * 1000000u
			: start + (uint64_t)limit_ms * 1000000u;
		if (now >= deadline)
			return b;
		struct pollfd p = { fd, POLLIN, 0 };
		int wait_ms = (int)((deadline - now + 999999) / 1000000);
		int n = poll(&p, 1, wait_ms);
		if (n < 0 && errno != EINTR) {
			b.closed = true;
			return b;
		}
		if (n <= 0)
			continue;
		ssize_t got = read(fd, buf, sizeof buf);
		if (got > 0) {
			/* a terminal answers the cursor position request of kanbao's
			 * width probe at once (“ drawn narrow: the cursor at column 2) */
			if (memmem(buf, (size_t)got, "\033[6n", 4) &&
			    write(fd, "\033[1;2R", 6) != 6)
				b.closed = true;
			b.last = bench_now_ns();
			b.bytes += (size_t)got;
			if (ulen && !b.marked) {
				memcpy(tail + ntail, buf, (size_t)got);
				ntail += (size_t)got;
				if (memmem(tail, ntail, until, ulen))
					b.marked = b.last;
				size_t keep = ntail < ulen ? ntail : ulen;
				memmove(tail, tail + ntail - keep, keep);
				ntail = keep;
			}
		} else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
			b.closed = true;    /* EIO: no process holds the terminal any more */
			return b;
		}
	}
}

static burst read_burst(int fd, int quiet_ms, size_t min_bytes, int limit_ms)
{
	return read_burst_until(fd, quiet_ms, min_bytes, limit_ms, NULL);
}

static void send_key(const command *c, int fd, char key)
{
	while (write(fd, &key, 1) != 1)
		if (errno != EINTR)
			fail(c, "cannot write to the terminal");
}

static pid_t launch(const command *c, const settings *s, int *fd)
{
	struct winsize ws = { 0 };
	ws.ws_row = (unsigned short)s->rows;
	ws.ws_col = (unsigned short)s->cols;
	pid_t pid = forkpty(fd, NULL, NULL, &ws);
	if (pid < 0)
		fail(c, "forkpty failed");
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		execvp(c->argv[0], c->argv);
		fprintf(stderr, "pty: cannot run %s: %s\n", c->argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

/* Quits the program, reads what it still writes, and reaps it. */
static void finish(command *c, const settings *s, pid_t pid, int fd, size_t run)
{
	send_key(c, fd, s->quit);
	uint64_t give_up = bench_now_ns() + (uint64_t)EXIT_LIMIT_MS * 1000000u;
	while (!read_burst(fd, 50, 0, 50).closed && bench_now_ns() < give_up)
		;
	int st;
	struct rusage ru;
	pid_t got;
	while ((got = wait4(pid, &st, WNOHANG, &ru)) == 0) {
		if (bench_now_ns() >= give_up) {
			fprintf(stderr, "pty: %s did not quit on '%c': killed\n", c->argv[0], s->quit);
			kill(pid, SIGKILL);
			give_up = UINT64_MAX;
		}
		usleep(1000);
	}
	close(fd);
	if (got < 0)
		fail(c, "wait4 failed");
	int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	if (run > 0 && status != c->status)
		c->mixed = true;
	c->status = status;
	if (ru.ru_maxrss > c->maxrss_kb)
		c->maxrss_kb = ru.ru_maxrss;
}

static void run_once(command *c, const settings *s, size_t run)
{
	int fd;
	uint64_t t0 = bench_now_ns();
	pid_t pid = launch(c, s, &fd);
	burst b = read_burst_until(fd, s->quiet_ms, s->min_bytes, FIRST_LIMIT_MS, c->until);
	if (b.closed)
		fail(c, "the program ended before showing a screen (is it a terminal program?)");
	if (b.bytes < s->min_bytes)
		fail(c, "no full screen within 30 s");
	if (c->until && !b.marked)
		fail(c, "the text given with until= never showed");
	/* with until=, the screen is full when its last line (the text) came;
	 * what follows (a progress note) is not the first screen */
	c->first[run] = (c->until ? b.marked : b.last) - t0;
	c->first_bytes[run] = b.bytes;

	for (const char *k = c->keys; k && *k; k++) {
		send_key(c, fd, *k);
		if (read_burst(fd, s->press_quiet_ms, 1, PRESS_LIMIT_MS).closed)
			fail(c, "the program ended during the keys given with keys=");
	}
	for (int i = 0; i < s->presses; i++) {
		if (s->cycle > 0 && i > 0 && i % s->cycle == 0) {
			send_key(c, fd, s->reset);
			read_burst(fd, s->press_quiet_ms, 1, PRESS_LIMIT_MS);
		}
		uint64_t t1 = bench_now_ns();
		send_key(c, fd, s->key);
		b = read_burst(fd, s->press_quiet_ms, 1, PRESS_LIMIT_MS);
		if (b.closed)
			fail(c, "the program ended while keys were pressed");
		if (b.last) {
			c->press_bytes[c->npress] = b.bytes;
			c->press[c->npress++] = b.last - t1;
		}
	}
	finish(c, s, pid, fd, run);
}

/* Splits argv at each "--" into commands, each optionally led by
 * keys=KEYS; returns how many. */
static size_t split_commands(int argc, char **argv, command *cmds)
{
	size_t n = 0;
	int start = 0;
	for (int i = 0; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], "--") != 0)
			continue;
		if (i < argc)
			argv[i] = NULL;
		command *c = &cmds[n];
		c->argv = argv + start;
		for (;;) {
			if (c->argv[0] && strncmp(c->argv[0], "keys=", 5) == 0)
				c->keys = c->argv[0] + 5;
			else if (c->argv[0] && strncmp(c->argv[0], "until=", 6) == 0)
				c->until = c->argv[0] + 6;
			else
				break;
			c->argv++;
		}
		if (!c->argv[0])
			usage();
		n++;
		start = i + 1;
	}
	return n;
}

static char key_arg(const char *s)
{
	if (strlen(s) != 1)
		usage();
	return s[0];
}

static void print_command(size_t k, command *c, const settings *s)
{
	bench_stats f = bench_stats_of(c->first, (size_t)s->runs);
	bench_stats fb = bench_stats_of(c->first_bytes, (size_t)s->runs);
	bench_stats pb = bench_stats_of(c->press_bytes, c->npress);
	bench_stats p = bench_stats_of(c->press, c->npress);
	printf("%zu %.0f %.0f %.0f %.0f %.0f %.0f %zu %ld %.0f %.0f ", k + 1, f.median, f.min, f.max,
	       p.median, p.min, p.max, c->npress, c->maxrss_kb, fb.median, pb.median);
	bench_print_command_tail(c->status, c->mixed, c->argv);
}

int main(int argc, char **argv)
{
	settings s = { 5, 0, 0, 300, 100, 512, 80, 24, ' ', 'g', 'q' };
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i];
		if (strcmp(o, "--") == 0) {
			i++;
			break;
		}
		if (o[2] || i + 1 >= argc)
			usage();
		const char *v = argv[++i];
		switch (o[1]) {
		case 'r': s.runs = bench_count(v, "-r"); break;
		case 'p': s.presses = bench_count(v, "-p"); break;
		case 'c': s.cycle = bench_count(v, "-c"); break;
		case 'q': s.quiet_ms = bench_count(v, "-q"); break;
		case 'Q': s.press_quiet_ms = bench_count(v, "-Q"); break;
		case 'b': s.min_bytes = (size_t)bench_count(v, "-b"); break;
		case 'W': s.cols = bench_count(v, "-W"); break;
		case 'H': s.rows = bench_count(v, "-H"); break;
		case 'k': s.key = key_arg(v); break;
		case 'z': s.reset = key_arg(v); break;
		case 'x': s.quit = key_arg(v); break;
		default: usage();
		}
	}
	if (i >= argc || s.runs < 1 || s.cols < 1 || s.rows < 1)
		usage();
	signal(SIGPIPE, SIG_IGN);
	command *cmds = calloc((size_t)(argc - i) + 1, sizeof *cmds);
	if (!cmds)
		return 1;
	size_t ncmds = split_commands(argc - i, argv + i, cmds);
	for (size_t k = 0; k < ncmds; k++) {
		cmds[k].first = calloc((size_t)s.runs, sizeof(uint64_t));
		cmds[k].first_bytes = calloc((size_t)s.runs, sizeof(uint64_t));
		cmds[k].press = calloc((size_t)s.runs * (size_t)s.presses + 1, sizeof(uint64_t));
		cmds[k].press_bytes = calloc((size_t)s.runs * (size_t)s.presses + 1, sizeof(uint64_t));
		if (!cmds[k].first || !cmds[k].first_bytes || !cmds[k].press || !cmds[k].press_bytes)
			return 1;
	}
	for (int round = 0; round < s.runs; round++)
		for (size_t j = 0; j < ncmds; j++)
			run_once(&cmds[((size_t)round + j) % ncmds], &s, (size_t)round);

	printf("# K first_median first_min first_max press_median press_min press_max npresses "
	       "peak_rss_kb first_bytes press_bytes status command (%d alternating runs, %dx%d)\n",
	       s.runs, s.cols, s.rows);
	for (size_t k = 0; k < ncmds; k++) {
		print_command(k, &cmds[k], &s);
		free(cmds[k].first);
		free(cmds[k].first_bytes);
		free(cmds[k].press);
		free(cmds[k].press_bytes);
	}
	free(cmds);
	return 0;
}
