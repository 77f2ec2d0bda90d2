/* Fuzzes the library's tokenizer and candidate filter against the
 * in-issue matcher: a random query and a random page (split at the first
 * 0xFF byte).
 *
 * - library_tokenize on the page and on the query: tokens in order, each
 *   one code point of the fold, from whole characters of the original
 *   bytes, not overlapping.
 * - Round trip (pages up to MAX_ROUND_TRIP bytes): the page is written as
 *   the one issue of a library root, indexed (FTS5 with the kanbao
 *   tokenizer, the bigram filters) and searched with library_search. Its
 *   hits must be the in-issue matcher's (search_run on the same issue,
 *   issue_load as the index loads it): the same articles, elements and
 *   byte ranges, in order. A hit the filters (FTS5's tokens, the bigram
 *   filter) turned away shows as a hit the library misses.
 *
 * Each input is a new folder (the one before is removed, so the index
 * also drops rows every time): an issue's stamp is its names, sizes and
 * mtimes, and two inputs of one size within a second would look alike. */
#include "fuzz_common.h"
#include "library.h"
#include "search.h"
#include "util.h"

#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_ROUND_TRIP = 32768 };

typedef struct tok_check {
	const char *s;
	size_t len;
	uint32_t last_end;
	size_t n;
} tok_check;

static void check_token(void *ctx, const char *tok, size_t n, uint32_t start, uint32_t end)
{
	tok_check *c = ctx;
	/* one code point of the fold, valid UTF-8 */
	FUZZ_CHECK(n >= 1 && n <= 4);
	FUZZ_CHECK(u8_check((const uint8_t *)tok, n) == NULL);
	ucs4_t cp;
	FUZZ_CHECK(u8_mbtouc(&cp, (const uint8_t *)tok, n) == (int)n);
	/* whole characters of the original, in order, not overlapping */
	FUZZ_CHECK(start < end && end <= c->len);
	FUZZ_CHECK(start >= c->last_end || (start < c->last_end && end == c->last_end));
	FUZZ_CHECK(((unsigned char)c->s[start] & 0xC0) != 0x80);
	FUZZ_CHECK(end == c->len || ((unsigned char)c->s[end] & 0xC0) != 0x80);
	c->last_end = end;
	c->n++;
}

static void check_tokens(const char *s, size_t len)
{
	tok_check c = { s, len, 0, 0 };
	library_tokenize(s, len, check_token, &c);
	FUZZ_CHECK(c.n <= len);
}

static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

static char dir[64];
static library *lib;
static unsigned serial;

/* The folder of the last round's page (one page, one issue), if any. */
static void remove_last_folder(void)
{
	if (!serial)
		return;
	char path[300];
	snprintf(path, sizeof path, "%s/lib/%u/2025-08-28/01.txt", dir, serial - 1);
	unlink(path);
	snprintf(path, sizeof path, "%s/lib/%u/2025-08-28", dir, serial - 1);
	rmdir(path);
	snprintf(path, sizeof path, "%s/lib/%u", dir, serial - 1);
	rmdir(path);
}

/* At exit: the library's files and the last page's folder. */
static void cleanup(void)
{
	static const char *const names[] = { "library.db", "library.db-wal", "library.db-shm",
					     "library.db-journal", "library.db.lock" };
	char path[300];
	if (lib)
		library_close(lib);
	lib = NULL;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	remove_last_folder();
	snprintf(path, sizeof path, "%s/lib", dir);
	rmdir(path);
	rmdir(dir);
}

static void setup(void)
{
	if (lib)
		return;
	snprintf(dir, sizeof dir, "/tmp/kanbao-fuzz-library.XXXXXX");
	FUZZ_CHECK(mkdtemp(dir) != NULL);
	char root[128], db[128];
	snprintf(root, sizeof root, "%s/lib", dir);
	snprintf(db, sizeof db, "%s/library.db", dir);
	FUZZ_CHECK(mkdir(root, 0700) == 0);
	library_options o = { root, db, quiet, NULL };
	char err[512];
	lib = library_open(&o, err, sizeof err);
	if (!lib)
		fprintf(stderr, "library_open: %s\n", err);
	FUZZ_CHECK(lib != NULL);	atexit(cleanup);
}

static void index_all(void)
{
	bool busy;
	library_job *job = library_index_begin(lib, true, &busy);
	FUZZ_CHECK(job != NULL);
	while (!library_index_step(job, 100000000))
		;
	library_index_end(job, NULL);
}

/* The library's hits of one kind (in articles, or in the pages' own
 * text) are the issue's, in order. */
static void same_hits(const search_result *res, const library_hit *h, size_t n, bool page_level)
{
	size_t k = 0;
	for (size_t i = 0; i < res->nhits; i++) {
		const search_hit *want = &res->hits[i];
		if ((want->article == UINT32_MAX) != page_level)
			continue;
		while (k < n && (h[k].article == UINT32_MAX) != page_level)
			k++;
		if (k == n)
			fprintf(stderr, "the library misses hit %zu (article %u element %x [%u,%u))\n", i,
				want->article, want->element, want->start, want->end);
		FUZZ_CHECK(k < n);
		if (h[k].article != want->article || h[k].element != want->element ||
		    h[k].start != want->start || h[k].end != want->end)
			fprintf(stderr, "hit %zu: library %u %x [%u,%u), issue %u %x [%u,%u)\n", i,
				h[k].article, h[k].element, h[k].start, h[k].end,
				want->article, want->element, want->start, want->end);
		FUZZ_CHECK(h[k].article == want->article && h[k].element == want->element);
		FUZZ_CHECK(h[k].start == want->start && h[k].end == want->end);
		FUZZ_CHECK(h[k].end <= h[k].len);
		k++;
	}
	while (k < n && (h[k].article == UINT32_MAX) != page_level)
		k++;
	if (k < n)
		fprintf(stderr, "the library has a hit the issue has not (article %u element %x)\n",
			h[k].article, h[k].element);
	FUZZ_CHECK(k == n);
}

/* library_search_each's hits against library_search's, in order. */
typedef struct each_seen {
	const library_hit *want;
	size_t n, at;
} each_seen;

static bool each_hit(void *ctx, const library_hit *hits, size_t n)
{
	each_seen *es = ctx;
	for (size_t i = 0; i < n; i++, es->at++) {
		FUZZ_CHECK(es->at < es->n);
		const library_hit *a = &hits[i], *b = &es->want[es->at];
		FUZZ_CHECK(a->page == b->page && a->article == b->article && a->element == b->element &&
			   a->start == b->start && a->end == b->end && a->len == b->len &&
			   memcmp(a->text, b->text, a->len) == 0 && strcmp(a->path, b->path) == 0);
	}
	return true;
}

static void round_trip(const char *query, const uint8_t *page, size_t len)
{
	setup();
	char folder[256], path[300];
	remove_last_folder();
	snprintf(folder, sizeof folder, "%s/lib/%u", dir, serial);
	FUZZ_CHECK(mkdir(folder, 0700) == 0);
	snprintf(folder, sizeof folder, "%s/lib/%u/2025-08-28", dir, serial);
	FUZZ_CHECK(mkdir(folder, 0700) == 0);
	serial++;
	snprintf(path, sizeof path, "%s/01.txt", folder);
	FILE *f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(page, 1, len, f) == len);
	fclose(f);
	index_all();
	char err[256];
	doc_issue *issue = issue_load(folder, NULL, err, sizeof err);
	library_hit *h;
	size_t n = library_search(lib, query, LIBRARY_NEWEST, 0, &h);
	if (!issue) {
		/* not a page (binary): not indexed either */
		FUZZ_CHECK(n == 0);
		library_hits_free(h, n);
		return;
	}
	search_index *ix = search_index_new(issue);
	search_result res;
	search_run(ix, query, strlen(query), &res);
	same_hits(&res, h, n, false);
	same_hits(&res, h, n, true);
	/* ranked: the same hits in another order */
	library_hit *r;
	size_t nr = library_search(lib, query, LIBRARY_RANKED, 0, &r);
	FUZZ_CHECK(nr == n);
	/* and counted before they are made (the S view), then made one by one */
	library_ranked *lazy = library_rank(lib, query, 0);
	FUZZ_CHECK(library_ranked_count(lazy) == nr);
	for (size_t i = 0; i < nr; i++) {
		const library_hit *a = library_ranked_hit(lazy, i);
		FUZZ_CHECK(a && a->article == r[i].article && a->element == r[i].element &&
			   a->start == r[i].start && a->end == r[i].end);
	}
	library_ranked_free(lazy);
	/* given article by article (--search --all): the same hits */
	each_seen es = { h, n, 0 };
	FUZZ_CHECK(library_search_each(lib, query, each_hit, &es) == n && es.at == n);
	library_hits_free(r, nr);
	library_hits_free(h, n);
	search_result_free(&res);
	search_index_free(ix);
	doc_issue_free(issue);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init_locale();
	const uint8_t *sep = memchr(data, 0xFF, size);
	if (!sep)
		return 0;
	size_t qlen = (size_t)(sep - data), plen = size - qlen - 1;
	const uint8_t *page = sep + 1;
	/* a query is text (the command line's, the prompt's): no NUL */
	if (qlen > 256 || memchr(data, 0, qlen) || u8_check(data, qlen) != NULL)
		return 0;
	char query[257];
	memcpy(query, data, qlen);
	query[qlen] = '\0';
	if (qlen == 4 && data[0] == 1) {
		/* a query taken from the page: data[3] % 16 + 1 characters from
		 * byte (data[1] << 8 | data[2]) on (whole characters), so that
		 * the fuzzer easily makes queries that are there */
		size_t at = plen ? ((size_t)data[1] << 8 | data[2]) % plen : 0, k = 0, chars = data[3] % 16u + 1;
		while (at < plen && (page[at] & 0xC0) == 0x80)
			at++;
		while (at + k < plen && chars > 0 && k < 200) {
			k++;
			while (at + k < plen && (page[at + k] & 0xC0) == 0x80)
				k++;
			chars--;
		}
		if (u8_check(page + at, k) != NULL || memchr(page + at, 0, k))
			return 0;
		memcpy(query, page + at, k);
		query[k] = '\0';
		qlen = k;
	}
	check_tokens(query, qlen);
	if (u8_check(page, plen) == NULL)
		check_tokens((const char *)page, plen);
	if (plen <= MAX_ROUND_TRIP)
		round_trip(query, page, plen);
	return 0;
}
