/* alt.c — runs two or more commands alternately and compares them.
 *
 *   alt [-n RUNS] [-w WARMUP] [-o FILE] CMD ARGS... -- CMD ARGS... [-- ...]
 *
 * The machine is noisy, so commands are never timed in blocks: each round
 * runs every command once, and the command that goes first rotates from
 * round to round. WARMUP rounds (default 1: the page cache) are run and
 * thrown away, then RUNS rounds (default 10) are timed with the harness's
 * clock (CLOCK_MONOTONIC, spawn to exit); peak RSS comes from wait4.
 * Standard input of the commands is /dev/null, and so is their output
 * unless -o names a file for it (emptied before every run): GNU grep
 * stops at the first match when it writes to /dev/null.
 *
 * Output, one line per command, fields separated by spaces (times in ns):
 *   K MEDIAN MIN MAX PEAK_RSS_KB STATUS COMMAND...
 * where STATUS is the exit status of the last run ("mixed" if the runs
 * did not all agree); then "# ratio of medians 1/K: R" for K >= 2.
 * Lines starting with '#' are comments for people.
 */
#include "benchlib.h"

typedef struct command {
	char **argv;
	uint64_t *ns;
	long maxrss_kb;
	int status;
	bool mixed;
} command;

static void usage(void)
{
	fputs("usage: alt [-n RUNS] [-w WARMUP] [-o FILE] CMD ARGS... -- CMD ARGS... [-- ...]\n", stderr);
	exit(2);
}

/* Splits argv at each "--" into commands; returns how many. */
static size_t split_commands(int argc, char **argv, command *cmds)
{
	size_t n = 0;
	int start = 0;
	for (int i = 0; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], "--") != 0)
			continue;
		if (i == start)
			usage();
		if (i < argc)
			argv[i] = NULL;
		cmds[n++].argv = argv + start;
		start = i + 1;
	}
	return n;
}

static void run_once(command *c, int out_fd, bool timed, size_t run)
{
	bench_run r;
	if (out_fd >= 0 && (ftruncate(out_fd, 0) != 0 || lseek(out_fd, 0, SEEK_SET) != 0)) {
		perror("alt: -o");
		exit(1);
	}
	if (!bench_run_cmd(c->argv, out_fd, &r))
		exit(1);
	if (!timed)
		return;
	c->ns[run] = r.ns;
	if (r.maxrss_kb > c->maxrss_kb)
		c->maxrss_kb = r.maxrss_kb;
	if (run > 0 && r.status != c->status)
		c->mixed = true;
	c->status = r.status;
}

static void print_command(size_t k, command *c, int runs)
{
	bench_stats s = bench_stats_of(c->ns, (size_t)runs);
	printf("%zu %.0f %.0f %.0f %ld ", k + 1, s.median, s.min, s.max, c->maxrss_kb);
	bench_print_command_tail(c->status, c->mixed, c->argv);
}

int main(int argc, char **argv)
{
	int runs = 10, warmup = 1, out_fd = -1;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			runs = bench_count(argv[++i], "-n");
		else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc)
			warmup = bench_count(argv[++i], "-w");
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			out_fd = open(argv[++i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (out_fd < 0) {
				perror(argv[i]);
				return 1;
			}
		}
		else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else
			usage();
	}
	if (i >= argc || runs < 1)
		usage();
	command *cmds = calloc((size_t)(argc - i) + 1, sizeof *cmds);
	if (!cmds)
		return 1;
	size_t ncmds = split_commands(argc - i, argv + i, cmds);
	for (size_t k = 0; k < ncmds; k++) {
		cmds[k].ns = calloc((size_t)runs, sizeof *cmds[k].ns);
		if (!cmds[k].ns)
			return 1;
	}

	for (int round = 0; round < warmup + runs; round++) {
		bool timed = round >= warmup;
		for (size_t j = 0; j < ncmds; j++) {
			size_t k = ((size_t)round + j) % ncmds;
			run_once(&cmds[k], out_fd, timed, timed ? (size_t)(round - warmup) : 0);
		}
	}

	printf("# K median_ns min_ns max_ns peak_rss_kb status command (%d alternating runs)\n", runs);
	double first = 0;
	for (size_t k = 0; k < ncmds; k++) {
		print_command(k, &cmds[k], runs);
		if (k == 0)
			first = bench_stats_of(cmds[0].ns, (size_t)runs).median;
	}
	for (size_t k = 1; k < ncmds; k++) {
		double m = bench_stats_of(cmds[k].ns, (size_t)runs).median;
		printf("# ratio of medians 1/%zu: %.3f\n", k + 1, m > 0 ? first / m : 0);
	}
	for (size_t k = 0; k < ncmds; k++)
		free(cmds[k].ns);
	free(cmds);
	return 0;
}
