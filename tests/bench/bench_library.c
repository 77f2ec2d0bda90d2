/* bench_library.c — the library rows of make bench.
 *
 *   bench_library build ROOT ISSUES PAGES CORPUS.txt...
 *       writes a synthetic library: ROOT/通辽日报/YYYY-MM-DD/NN.txt, ISSUES
 *       issues on consecutive days from 2024-01-01, PAGES pages each; a
 *       page is one corpus page and half of another (about 24 KB), so
 *       365 x 8 pages make about 70 MB. Prints the bytes written.
 *   bench_library query DB ROOT N KANBAO CONFIG CORPUS.txt...
 *       N queries each of 1, 2, 4 and 8 Han characters taken from the
 *       corpus at fixed pseudo-random places; each is timed as
 *       library_search (the first 50 articles newest first, and ranked
 *       by bm25: every article holding it weighed, the hits of the best
 *       500 made), as the S view waits for it (library_rank: the best
 *       500 ranked and their hits counted, then the hits of its first
 *       screen, SCREEN_ROWS, made), as what a user runs,
 *       `KANBAO --config CONFIG --search Q --all` (a whole process: it
 *       checks the library's pages against the index, then prints every
 *       hit, to /dev/null), and as `grep -rF -c` and `rg -F -c` over
 *       ROOT (whole processes, output to a file); beside them, what does
 *       the work of the command: `rg -F Q ROOT` printing every matching
 *       line (to /dev/null: ripgrep 13 writes it all there, unlike GNU
 *       grep), and the time to the first line of each, as under
 *       `| head -n 1` (bench_first_line). One line per length:
 *         q LEN NEWEST_MED NEWEST_P99 RANKED_MED RANKED_P99 ALL_MED ALL_P99 GREP_MED GREP_P99 RG_MED RG_P99 HITS SCREEN_MED SCREEN_P99
 *           FIRST_MED FIRST_P99 RGL_MED RGL_P99 RGFIRST_MED RGFIRST_P99
 *       (times in ns; rg fields "na" when rg is not installed; HITS the
 *       hits found by the last query of that length, ranked; FIRST the
 *       command's first line). One search runs untimed first: it loads
 *       the folding tables.
 *   bench_library hits DB ROOT N CORPUS.txt...
 *       the same queries, untimed, and every hit of each in both orders
 *       (issue path, page, article, element, bytes): a change to the
 *       search must leave this output as it was (diff it before/after).
 *       The ranked hits printed are those library_rank makes one by one
 *       (as the S view does), each checked against library_search's
 *       (exit 1 when they differ).
 *   bench_library screen DB ROOT N LEN CORPUS.txt...
 *       the S view's work alone (the ranking and the first screen) for
 *       the N queries of LEN characters, untimed: what callgrind is run
 *       on (`valgrind --tool=callgrind bench_library screen ...`; the
 *       warm-up search and the corpus read are in the count). Prints
 *       the hits counted in all.
 *   bench_library time DB ROOT N REPS CORPUS.txt...
 *       the same queries timed in the process only (no grep, no rg),
 *       each REPS times: the `q` line less the anchors, for A/B runs:
 *         t LEN NEWEST_MED NEWEST_P99 RANKED_MED RANKED_P99 HITS SCREEN_MED SCREEN_P99
 */
#include "benchlib.h"

#include "library.h"
#include "util.h"

#include <sys/stat.h>

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = util_malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(1);
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static void mkdirs(const char *path)
{
	char *p = util_strdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			mkdir(p, 0755);
			*s = '/';
		}
	}
	mkdir(p, 0755);
	free(p);
}

/* Half a page, cut at a line end. */
static size_t half(const char *s, size_t len)
{
	const char *nl = memchr(s + len / 2, '\n', len - len / 2);
	return nl ? (size_t)(nl - s) + 1 : len;
}

static int build(const char *root, int issues, int pages, int ncorpus, char **corpus)
{
	char **text = util_calloc((size_t)ncorpus, sizeof *text);
	size_t *len = util_calloc((size_t)ncorpus, sizeof *len);
	for (int i = 0; i < ncorpus; i++)
		text[i] = read_all(corpus[i], &len[i]);
	uint64_t total = 0;
	char dir[4096], path[4200];
	for (int d = 0; d < issues; d++) {
		/* 2024-01-01 + d days (2024 is a leap year) */
		static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28 };
		int m = 0, day = d;
		while (day >= mdays[m % 14])
			day -= mdays[m++ % 14];
		snprintf(dir, sizeof dir, "%s/通辽日报/%04d-%02d-%02d", root, 2024 + m / 12, m % 12 + 1, day + 1);
		mkdirs(dir);
		for (int p = 0; p < pages; p++) {
			snprintf(path, sizeof path, "%s/%02d.txt", dir, p + 1);
			FILE *f = fopen(path, "wb");
			if (!f) {
				perror(path);
				return 1;
			}
			int a = (d + p) % ncorpus, b = (d + p + 2) % ncorpus;
			fwrite(text[a], 1, len[a], f);
			fputs("\n\n", f);
			size_t h = half(text[b], len[b]);
			fwrite(text[b], 1, h, f);
			total += len[a] + 2 + h;
			fclose(f);
		}
	}
	printf("%llu\n", (unsigned long long)total);
	for (int i = 0; i < ncorpus; i++)
		free(text[i]);
	free(text);
	free(len);
	return 0;
}

/* ---- queries ---- */

static bool han3(const unsigned char *p)
{
	return p[0] >= 0xE4 && p[0] <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

/* A run of n Han characters at a pseudo-random place of the corpus. */
static bool pick(const char *text, size_t len, uint64_t *seed, int n, char *out)
{
	for (int tries = 0; tries < 100000; tries++) {
		*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t at = (size_t)(*seed >> 33) % len;
		while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
			at++;
		if (at + 3 * (size_t)n > len)
			continue;
		bool ok = true;
		for (int k = 0; k < n && ok; k++)
			ok = han3((const unsigned char *)text + at + 3 * k);
		if (!ok)
			continue;
		memcpy(out, text + at, 3 * (size_t)n);
		out[3 * n] = '\0';
		return true;
	}
	return false;
}

static uint64_t p99(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_cmp_u64);
	size_t i = (size_t)((double)n * 0.99 + 0.999999);
	return v[(i ? i : 1) - 1];
}

static uint64_t med(uint64_t *v, size_t n)
{
	return (uint64_t)bench_stats_of(v, n).median;
}

static bool have(const char *prog)
{
	char *argv[] = { (char *)prog, "--version", NULL };
	bench_run r;
	return bench_run_cmd(argv, -1, &r) && r.status == 0;
}

static uint64_t time_cmd(char **argv, int out_fd)
{
	bench_run r;
	if (!bench_run_cmd(argv, out_fd, &r))
		exit(1);
	if (r.status > 1)
		fprintf(stderr, "bench: %s exited with %d\n", argv[0], r.status);
	return r.ns;
}

static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

static void read_corpus(int ncorpus, char **corpus, util_buf *all)
{
	for (int i = 0; i < ncorpus; i++) {
		size_t len;
		char *t = read_all(corpus[i], &len);
		util_buf_add(all, t, len);
		free(t);
	}
}

static library *open_lib(const char *db, const char *root)
{
	library_options o = { root, db, quiet, NULL };
	char err[1024];
	library *lib = library_open(&o, err, sizeof err);
	if (!lib) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	/* once untimed: the first search loads the folding tables */
	library_hit *warm;
	size_t nwarm = library_search(lib, "报", LIBRARY_NEWEST, 1, &warm);
	library_hits_free(warm, nwarm);
	return lib;
}

static const int lens[] = { 1, 2, 4, 8 };

/* Result rows the S view draws on its first screen (a terminal of 42
 * lines: a title and a status line around them). */
enum { SCREEN_ROWS = 40 };

/* What the S view waits for after Enter: the ranking (the best 500,
 * their hits counted) and the hits of its first screen made. Returns
 * the hits in all. */
static size_t first_screen(library *lib, const char *q)
{
	library_ranked *r = library_rank(lib, q, 500);
	size_t n = library_ranked_count(r);
	for (size_t i = 0; i < SCREEN_ROWS && i < n; i++)
		if (!library_ranked_hit(r, i))
			break;
	n = library_ranked_count(r);
	library_ranked_free(r);
	return n;
}

/* The ranked hits as the S view makes them, one at a time, in
 * (library_rank); every one checked against library_search's, the
 * whole list made at once. */
static size_t ranked_lazily(library *lib, const char *q, library_hit **out)
{
	size_t n = library_search(lib, q, LIBRARY_RANKED, 500, out);
	library_ranked *r = library_rank(lib, q, 500);
	bool same = library_ranked_count(r) == n;
	for (size_t i = 0; same && i < n; i++) {
		const library_hit *a = library_ranked_hit(r, i), *b = &(*out)[i];
		same = a && a->page == b->page && a->article == b->article && a->element == b->element &&
		       a->start == b->start && a->end == b->end && a->len == b->len &&
		       a->fingerprint == b->fingerprint && memcmp(a->text, b->text, a->len) == 0 &&
		       strcmp(a->path, b->path) == 0 && strcmp(a->paper, b->paper) == 0 &&
		       strcmp(a->date, b->date) == 0 && strcmp(a->headline, b->headline) == 0;
	}
	library_ranked_free(r);
	if (!same) {
		fprintf(stderr, "bench: the hits of %s made lazily differ from library_search's\n", q);
		exit(1);
	}
	return n;
}

static int query(const char *db, const char *root, int n, const char *kanbao, const char *ini,
		 int ncorpus, char **corpus)
{
	util_buf all = { 0 };
	read_corpus(ncorpus, corpus, &all);
	library *lib = open_lib(db, root);
	bool rg = have("rg");
	char out_path[] = "/tmp/kanbao-bench-q.XXXXXX";
	int out_fd = mkstemp(out_path);
	uint64_t *tn = util_calloc((size_t)n, 8), *tr = util_calloc((size_t)n, 8),
		 *tg = util_calloc((size_t)n, 8), *tp = util_calloc((size_t)n, 8),
		 *ta = util_calloc((size_t)n, 8), *ts = util_calloc((size_t)n, 8),
		 *tf = util_calloc((size_t)n, 8), *tl = util_calloc((size_t)n, 8),
		 *tq = util_calloc((size_t)n, 8);
	uint64_t seed = 42;
	for (size_t l = 0; l < 4; l++) {
		size_t found = 0;
		for (int i = 0; i < n; i++) {
			char q[64];
			if (!pick(all.data, all.len, &seed, lens[l], q))
				return 1;
			library_hit *h;
			size_t nh;
			/* the first page of results, newest first */
			uint64_t t0 = bench_now_ns();
			nh = library_search(lib, q, LIBRARY_NEWEST, 50, &h);
			tn[i] = bench_now_ns() - t0;
			library_hits_free(h, nh);
			t0 = bench_now_ns();
			nh = library_search(lib, q, LIBRARY_RANKED, 500, &h);
			tr[i] = bench_now_ns() - t0;
			found = nh;
			library_hits_free(h, nh);
			/* what the S view waits for: the ranking, its first screen */
			t0 = bench_now_ns();
			first_screen(lib, q);
			ts[i] = bench_now_ns() - t0;
			/* the command, every hit newest first, to /dev/null */
			char *cmd[] = { (char *)kanbao, "--config", (char *)ini, "--search", q, "--all", NULL };
			ta[i] = time_cmd(cmd, -1);
			char *grep[] = { "grep", "-rF", "-c", q, (char *)root, NULL };
			tg[i] = time_cmd(grep, out_fd);
			char *rgv[] = { "rg", "-F", "-c", q, (char *)root, NULL };
			tp[i] = rg ? time_cmd(rgv, out_fd) : 0;
			/* the same work as the command: every line printed */
			char *rgl[] = { "rg", "-F", q, (char *)root, NULL };
			tl[i] = rg ? time_cmd(rgl, -1) : 0;
			/* the first line, as `| head -n 1` sees it */
			if (!bench_first_line(cmd, &tf[i]) || (rg && !bench_first_line(rgl, &tq[i])))
				return 1;
		}
		printf("q %d %llu %llu ", lens[l], (unsigned long long)med(tn, (size_t)n),
		       (unsigned long long)p99(tn, (size_t)n));
		printf("%llu %llu ", (unsigned long long)med(tr, (size_t)n), (unsigned long long)p99(tr, (size_t)n));
		printf("%llu %llu ", (unsigned long long)med(ta, (size_t)n), (unsigned long long)p99(ta, (size_t)n));
		printf("%llu %llu ", (unsigned long long)med(tg, (size_t)n), (unsigned long long)p99(tg, (size_t)n));
		if (rg)
			printf("%llu %llu ", (unsigned long long)med(tp, (size_t)n), (unsigned long long)p99(tp, (size_t)n));
		else
			printf("na na ");
		printf("%zu ", found);
		printf("%llu %llu ", (unsigned long long)med(ts, (size_t)n), (unsigned long long)p99(ts, (size_t)n));
		printf("%llu %llu ", (unsigned long long)med(tf, (size_t)n), (unsigned long long)p99(tf, (size_t)n));
		if (rg)
			printf("%llu %llu %llu %llu\n", (unsigned long long)med(tl, (size_t)n),
			       (unsigned long long)p99(tl, (size_t)n), (unsigned long long)med(tq, (size_t)n),
			       (unsigned long long)p99(tq, (size_t)n));
		else
			printf("na na na na\n");
		fflush(stdout);
	}
	close(out_fd);
	unlink(out_path);
	library_close(lib);
	util_buf_free(&all);
	free(tn);
	free(tr);
	free(tg);
	free(tp);
	free(ta);
	free(ts);
	free(tf);
	free(tl);
	free(tq);
	return 0;
}

static void print_hits(const char *q, const char *order, const library_hit *h, size_t n)
{
	printf("query %s %s: %zu hits\n", q, order, n);
	for (size_t i = 0; i < n; i++)
		printf("%s\t%d\t%d\t%u\t%u-%u\n", h[i].path, h[i].page,
		       h[i].article == UINT32_MAX ? -1 : (int)h[i].article, h[i].element, h[i].start, h[i].end);
}

/* The queries of `query` (the same seed), their hits printed (mode
 * "hits") or timed REPS times each in the process (mode "time"). */
static int queries(const char *mode, const char *db, const char *root, int n, int reps,
		   int ncorpus, char **corpus)
{
	util_buf all = { 0 };
	read_corpus(ncorpus, corpus, &all);
	library *lib = open_lib(db, root);
	bool timing = strcmp(mode, "time") == 0;
	size_t nt = (size_t)n * (size_t)reps;
	uint64_t *tn = util_calloc(nt, 8), *tr = util_calloc(nt, 8), *ts = util_calloc(nt, 8);
	uint64_t seed = 42;
	for (size_t l = 0; l < 4; l++) {
		size_t found = 0;
		for (int i = 0; i < n; i++) {
			char q[64];
			if (!pick(all.data, all.len, &seed, lens[l], q))
				return 1;
			for (int r = 0; r < (timing ? reps : 1); r++) {
				library_hit *h;
				uint64_t t0 = bench_now_ns();
				size_t nh = library_search(lib, q, LIBRARY_NEWEST, 50, &h);
				tn[(size_t)i * (size_t)reps + (size_t)r] = bench_now_ns() - t0;
				if (!timing)
					print_hits(q, "newest", h, nh);
				library_hits_free(h, nh);
				t0 = bench_now_ns();
				nh = timing ? library_search(lib, q, LIBRARY_RANKED, 500, &h) :
					      ranked_lazily(lib, q, &h);
				tr[(size_t)i * (size_t)reps + (size_t)r] = bench_now_ns() - t0;
				if (!timing)
					print_hits(q, "ranked", h, nh);
				found = nh;
				library_hits_free(h, nh);
				t0 = bench_now_ns();
				if (timing)
					first_screen(lib, q);
				ts[(size_t)i * (size_t)reps + (size_t)r] = bench_now_ns() - t0;
			}
		}
		if (timing)
			printf("t %d %llu %llu %llu %llu %zu %llu %llu\n", lens[l],
			       (unsigned long long)med(tn, nt), (unsigned long long)p99(tn, nt),
			       (unsigned long long)med(tr, nt), (unsigned long long)p99(tr, nt), found,
			       (unsigned long long)med(ts, nt), (unsigned long long)p99(ts, nt));
	}
	library_close(lib);
	util_buf_free(&all);
	free(tn);
	free(tr);
	free(ts);
	return 0;
}

/* The S view's work for the n queries of len characters (the same
 * seed as `query`). */
static int screens(const char *db, const char *root, int n, int len, int ncorpus, char **corpus)
{
	util_buf all = { 0 };
	read_corpus(ncorpus, corpus, &all);
	library *lib = open_lib(db, root);
	uint64_t seed = 42;
	size_t hits = 0;
	for (size_t l = 0; l < 4; l++)
		for (int i = 0; i < n; i++) {
			char q[64];
			if (!pick(all.data, all.len, &seed, lens[l], q))
				return 1;
			if (lens[l] == len)
				hits += first_screen(lib, q);
		}
	printf("%zu\n", hits);
	library_close(lib);
	util_buf_free(&all);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 6 && strcmp(argv[1], "build") == 0)
		return build(argv[2], bench_count(argv[3], "ISSUES"), bench_count(argv[4], "PAGES"),
			     argc - 5, argv + 5);
	if (argc >= 8 && strcmp(argv[1], "query") == 0)
		return query(argv[2], argv[3], bench_count(argv[4], "N"), argv[5], argv[6], argc - 7,
			     argv + 7);
	if (argc >= 6 && strcmp(argv[1], "hits") == 0)
		return queries("hits", argv[2], argv[3], bench_count(argv[4], "N"), 1, argc - 5, argv + 5);
	if (argc >= 7 && strcmp(argv[1], "screen") == 0)
		return screens(argv[2], argv[3], bench_count(argv[4], "N"), bench_count(argv[5], "LEN"), argc - 6,
			       argv + 6);
	if (argc >= 7 && strcmp(argv[1], "time") == 0)
		return queries("time", argv[2], argv[3], bench_count(argv[4], "N"),
			       bench_count(argv[5], "REPS"), argc - 6, argv + 6);
	fputs("usage: bench_library build ROOT ISSUES PAGES CORPUS.txt...\n"
	      "       bench_library query DB ROOT N KANBAO CONFIG CORPUS.txt...\n"
	      "       bench_library hits DB ROOT N CORPUS.txt...\n"
	      "       bench_library screen DB ROOT N LEN CORPUS.txt...\n"
	      "       bench_library time DB ROOT N REPS CORPUS.txt...\n", stderr);
	return 2;
}
