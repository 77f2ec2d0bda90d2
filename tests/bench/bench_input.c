/* bench_input.c — how fast input decodes a file: the validation and
 * cleaning scan that every command runs on start-up.
 *
 *   gcc -std=c11 -O2 -Iinclude -D_GNU_SOURCE -o /tmp/bench_input \
 *       tests/bench/bench_input.c src/input.c src/util.c -lunistring
 *   /tmp/bench_input FILE [RUNS]
 *
 * Prints the best and median time of input_decode() on the file already in
 * memory (the scan alone), then of input_read_path() (open, map, scan),
 * in MB/s (10^6 bytes per second).
 */
#include "input.h"
#include "util.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *what, uint64_t *ns, int runs, size_t bytes)
{
	qsort(ns, (size_t)runs, sizeof *ns, compare_u64);
	double best = (double)ns[0], median = (double)ns[runs / 2];
	printf("%-18s best %8.2f ms  %7.0f MB/s   median %8.2f ms  %7.0f MB/s\n", what,
	       best / 1e6, (double)bytes / best * 1e3, median / 1e6, (double)bytes / median * 1e3);
}

/* The file in memory, every page touched, so that only the scan is timed. */
static const char *map_whole(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		perror(path);
		exit(1);
	}
	*len = (size_t)st.st_size;
	const char *data = mmap(NULL, *len ? *len : 1, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (data == MAP_FAILED) {
		perror(path);
		exit(1);
	}
	close(fd);
	unsigned sum = 0;
	for (size_t i = 0; i < *len; i += 4096)
		sum += (unsigned char)data[i];
	if (sum == 1)           /* keeps the loop: the pages must be touched */
		fputs("", stderr);
	return data;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 15;
	if (runs < 1)
		runs = 1;
	size_t len;
	const char *data = map_whole(argv[1], &len);
	uint64_t *ns = util_calloc((size_t)runs, sizeof *ns);
	char err[512];

	input_page page;
	for (int r = 0; r < runs; r++) {
		uint64_t t0 = util_now_ns();
		if (!input_decode(argv[1], data, len, NULL, &page, err, sizeof err)) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		ns[r] = util_now_ns() - t0;
		if (r + 1 < runs)
			input_page_free(&page);
	}
	printf("%s: %zu bytes, %s, %s, %zu replaced\n", argv[1], len, page.encoding,
	       page.source.owner ? "converted" : "in place", page.replaced);
	input_page_free(&page);
	report("input_decode", ns, runs, len);

	for (int r = 0; r < runs; r++) {
		input_page *pages = NULL;
		size_t n = 0, cap = 0;
		uint64_t t0 = util_now_ns();
		if (!input_read_path(argv[1], NULL, &pages, &n, &cap, err, sizeof err)) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		ns[r] = util_now_ns() - t0;
		for (size_t i = 0; i < n; i++)
			input_page_free(&pages[i]);
		free(pages);
	}
	report("input_read_path", ns, runs, len);
	free(ns);
	return 0;
}
