/* library.c — see library.h.
 *
 * Indexing an issue: read and parse it as the reader does, take its paper
 * and date from the running headers of its pages (else from the folder
 * names), then in one transaction replace its rows. Change is noticed
 * cheaply by the shelf's stamp (names, sizes, mtimes); an issue whose
 * stamp changed but whose text did not (a touch) only gets the new stamp.
 *
 * Searching: FTS5 finds the articles holding the query's tokens as a
 * phrase; the in-issue matcher (search_folder + memmem over each element,
 * exactly as search_run) then decides, and gives the hits. A query without
 * any token (only punctuation) is matched against every article.
 */
#include "library.h"
#include "pairpos.h"
#include "doc.h"
#include "issue.h"
#include "parse.h"
#include "search.h"
#include "shelf.h"
#include "state.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unictype.h>
#include <unistd.h>
#include <unistr.h>

enum {
	SCHEMA_VERSION = 22,            /* 17 to 19 were built without FTS5 */
	BUSY_TIMEOUT_MS = 10000,
	ARTICLE_BITS = 20,              /* articles of an issue in the rowid */
	ISSUE_BITS = 20,                /* issue ids in the rowid */
	DAY_BITS = 22,                  /* days in the rowid (11,000 years) */
};

#define MAX_ARTICLE ((1u << ARTICLE_BITS) - 1)
#define MAX_ISSUE_ID ((int64_t)(1 << ISSUE_BITS) - 1)
/* distinct tokens of a query kept for its FTS5 query (see match_text) */
#define QUERY_TERMS_MAX 64
/* a row of cp_lists: its segment above these bits, its code point in them */
#define SEG_CP_BITS 21         /* as seg_flush's SQL says */
/* a row of pair_lists: its segment above these, the pair a << 16 | b */
#define SEG_PAIR_BITS 32
/* a row of pos_segs: its segment above these bits, its first code point
 * (of the BMP; 0: the segment's issues) in them */
#define POS_SEG_BITS 16
/* distinct code points of a query whose lists are looked up, and how
 * many of them (the shortest) are walked together (see rows_of_all) */
#define LIST_CPS_MAX 8
#define LIST_WALK 2
/* the rows shown by a ranked search read a statement's worth at once
 * (make_shown; its statement has as many parameters) */
#define MAKE_BATCH 32

struct library {
	sqlite3 *db;
	char *db_path;
	/* the file db opened (a build from nothing of another kanbao puts a
	 * new one in its place: see db_follow) */
	dev_t db_dev;
	ino_t db_ino;
	bool building;                  /* db is a build from nothing's file */
	char **roots;
	size_t nroots;
	bool *root_failed;              /* by the last scan */
	search_folder *sf;              /* for searches, made by the first */
	/* the room of the rows a ranked search weighs, kept for the next:
	 * 10,000 rows of 40 bytes for a common character, grown by
	 * doubling and touched anew by every search before */
	struct ranked_row *spare;
	size_t spare_cap;
	sqlite3_stmt *search_st[9];     /* their statements, prepared by the first */
	/* the issues' strings for searches, by id (NULL: not looked up yet),
	 * each looked up once and kept while nothing changes: not indexed by
	 * this library (icached, cleared by indexing) nor by another
	 * connection (its data_version, icache_version) */
	struct cached_issue **by_id;
	size_t nby_id;
	/* every issue's id, in the order of their rows (newest first), made
	 * with by_id and dropped with it */
	int64_t *order;
	size_t norder;
	bool ordered;
	/* the segments of cp_lists and each issue's (0: none), by id, loaded
	 * by the first ranked query of one character and dropped with by_id */
	int64_t *seg_of, *segs;
	size_t nseg_of, nsegs;
	bool segs_loaded;
	/* whether each of segs has its rows of pos_segs (-1: not looked up) */
	signed char *seg_pos;
	sqlite3_stmt *seg_st[3];
	bool icached;
	int64_t icache_version;
	/* the tokens of the document being inserted, found beforehand (see
	 * fts_tokenize): a length byte and the bytes of each */
	const unsigned char *replay;
	size_t nreplay, replay_doc;     /* bytes of tokens; of the document */
	void (*warn)(void *ctx, const char *msg);
	void *ctx;
};

static void lib_warn(const library *lib, const char *fmt, ...) UTIL_PRINTF(2, 3);
static void lib_warn(const library *lib, const char *fmt, ...)
{
	util_buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	util_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (lib->warn)
		lib->warn(lib->ctx, b.data);
	else
		fprintf(stderr, "kanbao: warning: %s\n", b.data);
	util_buf_free(&b);
}

/* ---- the tokenizer ---- */

/* Whether a code point is indexed (a letter, digit or mark, including
 * Han, kana and hangul) or separates (space, punctuation, symbols). */
static bool indexed_slow(ucs4_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
	    (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x3005 && c <= 0x3007))
		return true;
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N |
						   UC_CATEGORY_MASK_M);
}

/* The same for the BMP as a bit table (punctuation between Han
 * characters is asked of libunistring otherwise, three lookups each),
 * filled once by whichever thread tokenizes first. */
static uint8_t indexed_bmp[0x10000 / 8];
static pthread_once_t indexed_once = PTHREAD_ONCE_INIT;

static void indexed_fill(void)
{
	for (ucs4_t c = 0; c < 0x10000; c++)
		if (indexed_slow(c))
			indexed_bmp[c >> 3] = (uint8_t)(indexed_bmp[c >> 3] | 1u << (c & 7));
}

static void indexed_ready(void)
{
	pthread_once(&indexed_once, indexed_fill);
}

/* (indexed_ready first) */
static inline bool indexed(ucs4_t c)
{
	return c < 0x10000 ? indexed_bmp[c >> 3] >> (c & 7) & 1 : indexed_slow(c);
}

bool library_indexed(uint32_t c)
{
	indexed_ready();
	return indexed(c);
}

/* The next code point of folded text at f[*i] (advancing *i), and
 * whether it is indexed. */
static inline bool next_cp(const uint8_t *f, size_t len, size_t *i, ucs4_t *c)
{
	const uint8_t *p = f + *i;
	if (p[0] >= 0xE5 && p[0] <= 0xE9 && *i + 3 <= len) {
		/* U+5000..U+9FFF: a Han character */
		*c = (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		*i += 3;
		return true;
	}
	if (p[0] < 0x80) {
		*c = p[0];
		*i += 1;
		return indexed(*c);
	}
	int n = u8_mbtouc(c, p, len - *i);
	*i += (size_t)(n > 0 ? n : 1);
	return indexed(*c);
}

typedef int (*token_fn)(void *ctx, const char *tok, size_t n, ucs4_t c, uint32_t start, uint32_t end);

/* How a text is tokenized. */
enum {
	TOK_OFFSETS = 1,        /* map each token back to the original bytes */
	TOK_FOLDED = 2,         /* the text is folded already (the index's own) */
};

/* Calls fn for each token of s (with offsets 0 unless TOK_OFFSETS): each
 * indexed code point of its fold, letters and digits as well as Han, so
 * that a query finds a run of letters inside a word as it finds one of
 * Han characters. Stops at (and returns) fn's first nonzero value. */
static int tokenize(search_folder *sf, const char *s, size_t len, int how, token_fn fn, void *ctx)
{
	indexed_ready();
	size_t flen = len;
	const uint8_t *f = (const uint8_t *)(how & TOK_FOLDED ? s : search_folder_fold(sf, s, len, &flen));
	for (size_t i = 0; i < flen;) {
		size_t from = i;
		ucs4_t c;
		if (!next_cp(f, flen, &i, &c))
			continue;
		uint32_t start = 0, end = 0;
		if (how & TOK_OFFSETS)
			search_folder_map(sf, from, i, &start, &end);
		int rc = fn(ctx, (const char *)f + from, i - from, c, start, end);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- the bigram filter ---- */

/* Each article keeps, beside its folded text, a bit array with a bit set
 * for each two indexed code points standing together in it (a Bloom
 * filter of its bigrams, one hash, two bits per bigram). FTS5 gives the
 * articles holding every character of a query; the filter then turns
 * away most of those that do not hold them side by side, without reading
 * their text. */
enum { BLOOM_MIN_BITS = 64, BLOOM_MAX_BITS = 16384, BLOOM_BITS_PER = 4 };

static inline uint32_t bigram_hash(ucs4_t a, ucs4_t b)
{
	uint32_t h = a * 0x9E3779B1u ^ (b + 0x7F4A7C15u) * 0x85EBCA77u;
	h ^= h >> 15;
	h *= 0x2C1B3C6Du;
	h ^= h >> 12;
	return h;
}

/* The hashes of the bigrams of folded text f (lines of it: '\n' is not
 * indexed), appended to *out. */
static void bigram_hashes(const char *text, size_t len, util_buf *out)
{
	indexed_ready();
	const uint8_t *f = (const uint8_t *)text;
	ucs4_t prev = 0;
	bool had = false;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		bool ix = next_cp(f, len, &i, &c);
		if (ix && had) {
			uint32_t h = bigram_hash(prev, c);
			util_buf_add(out, &h, sizeof h);
		}
		had = ix;
		prev = c;
	}
}

/* Sets the two bits of bigram hash h in a filter of BLOOM_MAX_BITS
 * bits: those of any smaller filter are the same bits taken modulo its
 * size (see bloom_fold). */
static inline void bloom_set(unsigned char *all, uint32_t h)
{
	uint32_t b = h & (BLOOM_MAX_BITS - 1), c = (h >> 16 | h << 16) & (BLOOM_MAX_BITS - 1);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* bit b of byte b / 8 is bit b % 64 of word b / 64 here (all is
	 * calloc'd: aligned) */
	uint64_t *w = (uint64_t *)(void *)all;
	w[b / 64] |= (uint64_t)1 << (b % 64);
	w[c / 64] |= (uint64_t)1 << (c % 64);
#else
	all[b / 8] = (unsigned char)(all[b / 8] | 1u << (b % 8));
	all[c / 8] = (unsigned char)(all[c / 8] | 1u << (c % 8));
#endif
}

/* The filter of an article of n bigrams, whose bits were set in the
 * filter of BLOOM_MAX_BITS `all` (bloom_set), into bloom at its own
 * size (a power of two: a bit's place there is its place in `all`
 * modulo that size, so the pieces of `all` are ORed together); `all`
 * is cleared. Returns its size in bytes. */
static size_t bloom_fold(unsigned char *all, size_t n, unsigned char bloom[BLOOM_MAX_BITS / 8])
{
	size_t bits = BLOOM_MIN_BITS;
	while (bits < BLOOM_BITS_PER * n && bits < BLOOM_MAX_BITS)
		bits *= 2;
	size_t bytes = bits / 8;
	memcpy(bloom, all, bytes);
	if (n == 0)
		return bytes;           /* nothing was set */
	for (size_t at = bytes; at < BLOOM_MAX_BITS / 8; at += bytes)
		for (size_t j = 0; j < bytes; j += 8) {
			uint64_t x, y;
			memcpy(&x, bloom + j, 8);
			memcpy(&y, all + at + j, 8);
			x |= y;
			memcpy(bloom + j, &x, 8);
		}
	memset(all, 0, BLOOM_MAX_BITS / 8);
	return bytes;
}

/* Whether the filter may hold every bigram of the query (a filter of
 * another form lets everything through). */
static bool bloom_may_hold(const unsigned char *bloom, size_t bytes, const uint32_t *h, size_t n)
{
	if (!bloom || bytes < BLOOM_MIN_BITS / 8 || (bytes & (bytes - 1)) != 0)
		return true;
	uint32_t mask = (uint32_t)(bytes * 8) - 1;
	for (size_t i = 0; i < n; i++) {
		uint32_t b = h[i] & mask, c = (h[i] >> 16 | h[i] << 16) & mask;
		if (!(bloom[b / 8] & 1 << (b % 8)) || !(bloom[c / 8] & 1 << (c % 8)))
			return false;
	}
	return true;
}

typedef struct public_tok {
	void (*token)(void *ctx, const char *tok, size_t n, uint32_t start, uint32_t end);
	void *ctx;
} public_tok;

static int public_token(void *ctx, const char *tok, size_t n, ucs4_t c, uint32_t start, uint32_t end)
{
	(void)c;
	public_tok *p = ctx;
	p->token(p->ctx, tok, n, start, end);
	return 0;
}

void library_tokenize(const char *s, size_t len,
		      void (*token)(void *ctx, const char *tok, size_t n,
				    uint32_t start, uint32_t end),
		      void *ctx)
{
	search_folder *sf = search_folder_new();
	public_tok p = { token, ctx };
	tokenize(sf, s, len, TOK_OFFSETS, public_token, &p);
	search_folder_free(sf);
}

/* The FTS5 side: one search_folder per tokenizer instance. The table
 * keeps no positions (detail=none: the matcher checks every article
 * found), so a document gives each distinct token once (a stamp per code
 * point of the BMP; FTS5 itself ignores a token given again, a little
 * more slowly), and no offsets. */
enum { SEEN_CPS = 0x10000 };

typedef struct fts_tokenizer {
	library *lib;
	search_folder *sf;
	uint32_t *seen;         /* stamp of the document that gave each code point */
	uint32_t gen;
} fts_tokenizer;

typedef struct fts_call {
	fts_tokenizer *t;
	bool doc;
	void *ctx;
	int (*x_token)(void *, int, const char *, int, int, int);
} fts_call;

static int fts_token(void *ctx, const char *tok, size_t n, ucs4_t c, uint32_t start, uint32_t end)
{
	fts_call *call = ctx;
	if (call->doc && c < SEEN_CPS) {
		if (call->t->seen[c] == call->t->gen)
			return 0;
		call->t->seen[c] = call->t->gen;
	}
	return call->x_token(call->ctx, 0, tok, (int)n, (int)start, (int)end);
}

static int fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	(void)argc;
	fts_tokenizer *t = util_calloc(1, sizeof *t);
	t->lib = ctx;
	t->sf = search_folder_new();
	t->seen = util_calloc(SEEN_CPS, sizeof *t->seen);
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *tok)
{
	fts_tokenizer *t = (fts_tokenizer *)tok;
	search_folder_free(t->sf);
	free(t->seen);
	free(t);
}

static int fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
			int (*x_token)(void *, int, const char *, int, int, int))
{
	fts_tokenizer *t = (fts_tokenizer *)tok;
	bool doc = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
	fts_call c = { t, doc, ctx, x_token };
	if (len <= 0)
		return SQLITE_OK;
	/* a row the indexer inserts: its distinct tokens were found when the
	 * row was made (prep_line, by the same next_cp), maybe in another
	 * thread; they are given as they are */
	const library *lib = t->lib;
	if (doc && lib && lib->replay && lib->replay_doc == (size_t)len) {
		const unsigned char *p = lib->replay, *end = p + lib->nreplay;
		while (p < end) {
			int n = *p++, rc = x_token(ctx, 0, (const char *)p, n, 0, 0);
			if (rc != SQLITE_OK)
				return rc;
			p += n;
		}
		return SQLITE_OK;
	}
	if (doc && ++t->gen == 0) {     /* wrapped: forget every stamp */
		memset(t->seen, 0, SEEN_CPS * sizeof *t->seen);
		t->gen = 1;
	}
	/* documents are the folded text the index stores (articles.folded);
	 * queries are folded here, as the matcher folds them */
	return tokenize(t->sf, text, (size_t)len, doc ? TOK_FOLDED : 0, fts_token, &c);
}

static bool register_tokenizer(sqlite3 *db, library *lib)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api)
		return false;
	static fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
	return api->xCreateTokenizer(api, "kanbao", lib, &tokenizer, NULL) == SQLITE_OK;
}

/* ---- opening ---- */

/* The text of an article is kept in articles: body, every element one
 * per line, and folded, each line of it folded as the matcher folds it
 * (the same lines: a hit is a memmem away), or '' when that is the body
 * itself (more than half of the articles of Chinese papers: nothing to
 * fold, and then one text to read instead of two). The small columns
 * come first, so that reading them does not walk the text's overflow
 * pages. The filter of its bigrams and the counts of its code points
 * are in its issue's row of issue_terms (see TERMS_HEAD: one blob an
 * issue, read a piece at a time); the FTS5 table indexes the folded text as
 * external content, without positions (FTS5 reads no content here: the
 * text of a row is given to it when the row goes, see delete_rows), and
 * without the size of each row (columnsize=0, schema 19: its docsize
 * table, a row written with each article, served FTS5's own bm25, which
 * no search asks for: the ranking weighs sizes from issue_terms). */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS issues ("
	" id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, stamp INTEGER NOT NULL,"
	" fingerprint INTEGER NOT NULL, paper TEXT NOT NULL, date TEXT NOT NULL,"
	" pages INTEGER NOT NULL, articles INTEGER NOT NULL, bytes INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS articles ("
	" id INTEGER PRIMARY KEY, issue INTEGER NOT NULL, page INTEGER NOT NULL,"
	" number INTEGER NOT NULL, page_captions INTEGER, first_caption INTEGER,"
	" first_banner INTEGER, headline TEXT, byline TEXT, kicker TEXT, subtitle TEXT,"
	" folded TEXT NOT NULL, body TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS articles_issue ON articles(issue);"
	"CREATE TABLE IF NOT EXISTS issue_terms (id INTEGER PRIMARY KEY, data BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID;"
	/* the lists of code points across issues, a segment per indexing
	 * transaction (see seg_flush) */
	"CREATE TABLE IF NOT EXISTS cp_lists (key INTEGER PRIMARY KEY, data BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS cp_segs (seg INTEGER PRIMARY KEY, issues INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS issue_seg (issue INTEGER PRIMARY KEY, seg INTEGER NOT NULL);"
	/* the same for pairs of code points of the BMP standing together,
	 * in the same segments (see seg_flush) */
	"CREATE TABLE IF NOT EXISTS pair_lists (key INTEGER PRIMARY KEY, data BLOB NOT NULL);"
	/* an issue's positional lists of pairs (pairpos.h) */
	"CREATE TABLE IF NOT EXISTS pair_pos (id INTEGER PRIMARY KEY, data BLOB NOT NULL);"
	/* and the same regrouped by pair across a segment's issues (key:
	 * the segment << 16 | the first code point; 0: its issues) */
	"CREATE TABLE IF NOT EXISTS pos_segs (key INTEGER PRIMARY KEY, data BLOB NOT NULL);"

	"CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(folded,"
	" content = 'articles', content_rowid = 'id', detail = 'none', columnsize = 0,"
	" tokenize = 'kanbao');"
	/* FTS5 merges a level's segments when 16 are there, not 4: every
	 * commit writes one, and merging them four by four cost more than
	 * the rest of the storing thread's commits (see README Performance);
	 * only an issue without its issue_terms row asks FTS5 anything */
	"INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 16);"
	/* ... a few pages a commit at a time (automerge's work is bounded by
	 * what the commit wrote), never the whole level at once: the crisis
	 * merge at 16 (FTS5's default) made the first one-issue --index after
	 * a full build merge its 15 segments, 1.4 s (schema 22) */
	"INSERT INTO articles_fts(articles_fts, rank) VALUES('crisismerge', 1000);";

static char *default_db_path(void)
{
	util_buf b = { 0 };
	const char *cache = getenv("XDG_CACHE_HOME");
	if (cache && cache[0] == '/') {
		util_buf_printf(&b, "%s/kanbao/library.db", cache);
	} else {
		const char *home = getenv("HOME");
		util_buf_printf(&b, "%s/.cache/kanbao/library.db", home && *home ? home : "/tmp");
	}
	return b.data;
}

static void make_parent_dirs(const char *path)
{
	char *p = util_strdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0700);
		*s = '/';
	}
	free(p);
}

static void remove_db_files(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	util_buf b = { 0 };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(suffix); i++) {
		b.len = 0;
		util_buf_printf(&b, "%s%s", path, suffix[i]);
		unlink(b.data);
	}
	util_buf_free(&b);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* What is wrong with the file before SQLite sees it, or NULL: not a
 * database, or shorter than its header says (when no WAL holds more). */
static const char *file_damage(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	unsigned char h[100];
	const char *why = NULL;
	if (fstat(fd, &st) == 0 && st.st_size > 0) {
		ssize_t n = read(fd, h, sizeof h);
		if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
			why = "not a database";
		} else {
			uint32_t page = (uint32_t)h[16] << 8 | h[17];
			if (page == 1)
				page = 65536;
			uint64_t pages = be32(h + 28);
			bool size_valid = pages > 0 && be32(h + 24) == be32(h + 92);
			util_buf wal = { 0 };
			util_buf_printf(&wal, "%s-wal", path);
			struct stat ws;
			bool wal_data = stat(wal.data, &ws) == 0 && ws.st_size > 0;
			util_buf_free(&wal);
			if (size_valid && !wal_data && (uint64_t)st.st_size < pages * page)
				why = "truncated";
		}
	}
	close(fd);
	return why;
}

static bool exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static int user_version(sqlite3 *db, int *rc)
{
	sqlite3_stmt *st;
	int v = -1;
	*rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return -1;
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		v = sqlite3_column_int(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

static bool has_tables(sqlite3 *db)
{
	sqlite3_stmt *st;
	bool any = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		any = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return any;
}

typedef enum open_result { OPEN_OK, OPEN_DAMAGED, OPEN_FAILED } open_result;

/* Opens the file and makes sure it holds our schema; *why says what is
 * wrong when it must be rebuilt. */
static open_result open_db(library *lib, const char **why, char *err, size_t errlen)
{
	*why = file_damage(lib->db_path);
	if (*why)
		return OPEN_DAMAGED;
	int rc = sqlite3_open_v2(lib->db_path, &lib->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open the library index: %s", lib->db_path,
			 lib->db ? sqlite3_errmsg(lib->db) : sqlite3_errstr(rc));
		return OPEN_FAILED;
	}
	sqlite3_busy_timeout(lib->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(lib->db, 0);
	if (!register_tokenizer(lib->db, lib)) {
		snprintf(err, errlen, "%s: this SQLite has no FTS5", lib->db_path);
		return OPEN_FAILED;
	}
	/* the version and the tables read together: another kanbao may be
	 * creating the schema at this moment */
	exec(lib->db, "BEGIN");
	int v = user_version(lib->db, &rc);
	bool tables = rc == SQLITE_OK && v == 0 && has_tables(lib->db);
	exec(lib->db, "COMMIT");
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
		*why = "damaged";
		return OPEN_DAMAGED;
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", lib->db_path, sqlite3_errmsg(lib->db));
		return OPEN_FAILED;
	}
	if (v != SCHEMA_VERSION && (v != 0 || tables)) {
		*why = "made by another version of kanbao";
		return OPEN_DAMAGED;
	}
	/* a new file gets pages of 16 KiB (the default 4 KiB made twice the
	 * writes of the WAL and of its checkpoints, a system call each, and
	 * put most articles' text in overflow pages); the size of a file made
	 * already stays. And pointer maps (schema 12): a search reading an
	 * issue's row of issue_terms far into its overflow pages (a pair's
	 * list, a row's bigram filter) finds the page from the map, where it
	 * read each page before it for the next one's number (cache misses:
	 * about a tenth of the CPU time of a ranked query of 4 characters) */
	if (v == 0 && !tables)
		exec(lib->db, "PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL");
	if (!exec(lib->db, "PRAGMA journal_mode = WAL") ||
	    !exec(lib->db, "PRAGMA synchronous = NORMAL")) {
		rc = sqlite3_errcode(lib->db);
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
			*why = "damaged";
			return OPEN_DAMAGED;
		}
	}
	if (v == 0) {
		char sql[sizeof schema + 64];
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
			 schema, SCHEMA_VERSION);
		if (!exec(lib->db, sql)) {
			rc = sqlite3_errcode(lib->db);
			exec(lib->db, "ROLLBACK");
			if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
				*why = "damaged";
				return OPEN_DAMAGED;
			}
			snprintf(err, errlen, "%s: cannot create the library index: %s",
				 lib->db_path, sqlite3_errmsg(lib->db));
			return OPEN_FAILED;
		}
	}
	/* a table that does not answer is damage the header did not show */
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(lib->db, "SELECT count(*) FROM issues", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
		*why = "damaged";
		return OPEN_DAMAGED;
	}
	exec(lib->db, "PRAGMA cache_size = -32768");
	/* a search reads many rows: from a mapping, not one read() each */
	exec(lib->db, "PRAGMA mmap_size = 1073741824");
	return OPEN_OK;
}

/* Which file lib->db opened (its path may be given another since). */
static void db_mark(library *lib)
{
	struct stat st;
	if (stat(lib->db_path, &st) == 0) {
		lib->db_dev = st.st_dev;
		lib->db_ino = st.st_ino;
	}
}

static bool db_replaced(const library *lib)
{
	struct stat st;
	return stat(lib->db_path, &st) == 0 && (st.st_dev != lib->db_dev || st.st_ino != lib->db_ino);
}

static void issue_cache_drop(library *lib);

/* Forgets what belongs to lib->db: its prepared statements and what was
 * read through it. */
static void db_forget(library *lib)
{
	issue_cache_drop(lib);
	for (size_t i = 0; i < UTIL_ARRAY_LEN(lib->search_st); i++) {
		sqlite3_finalize(lib->search_st[i]);
		lib->search_st[i] = NULL;
	}
	for (size_t i = 0; i < UTIL_ARRAY_LEN(lib->seg_st); i++) {
		sqlite3_finalize(lib->seg_st[i]);
		lib->seg_st[i] = NULL;
	}
}

/* Closes lib->db. A connection to a file no longer at its path leaves
 * the WAL and its shared memory as they are: their names are now the
 * new file's, and SQLite's checkpoint at close would write what that
 * WAL holds into the old file and delete both by name. */
static void db_close(library *lib)
{
	db_forget(lib);
	if (lib->db && !lib->building && db_replaced(lib))
		sqlite3_db_config(lib->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	sqlite3_close(lib->db);
	lib->db = NULL;
}

/* Opens the index again when another kanbao's build from nothing put
 * its file in the place of the one lib->db reads (see fresh_end): a
 * stat a call. */
static void db_follow(library *lib)
{
	if (lib->building || !db_replaced(lib))
		return;
	db_close(lib);
	const char *why;
	char err[512];
	if (open_db(lib, &why, err, sizeof err) != OPEN_OK)
		lib_warn(lib, "%s: %s", lib->db_path, why ? why : err);
	db_mark(lib);
}

static int lock_file(const library *lib)
{
	util_buf b = { 0 };
	util_buf_printf(&b, "%s.lock", lib->db_path);
	int fd = open(b.data, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	util_buf_free(&b);
	return fd;
}

library *library_open(const library_options *opt, char *err, size_t errlen)
{
	library *lib = util_calloc(1, sizeof *lib);
	lib->warn = opt->warn;
	lib->ctx = opt->ctx;
	lib->db_path = opt->db_path ? util_strdup(opt->db_path) : default_db_path();
	lib->roots = shelf_roots(opt->roots, &lib->nroots);
	lib->root_failed = util_calloc(lib->nroots, sizeof *lib->root_failed);
	make_parent_dirs(lib->db_path);
	const char *why = NULL;
	open_result r = open_db(lib, &why, err, errlen);
	if (r == OPEN_DAMAGED) {
		lib_warn(lib, "the library index %s was %s: rebuilding it", lib->db_path, why);
		/* under the indexer lock, so that no indexer writes meanwhile */
		int fd = lock_file(lib);
		if (fd >= 0)
			flock(fd, LOCK_EX);
		sqlite3_close(lib->db);
		lib->db = NULL;
		remove_db_files(lib->db_path);
		r = open_db(lib, &why, err, errlen);
		if (r == OPEN_DAMAGED) {
			snprintf(err, errlen, "%s: the library index is %s even after rebuilding it",
				 lib->db_path, why);
			r = OPEN_FAILED;
		}
		if (fd >= 0)
			close(fd);
	}
	if (r != OPEN_OK) {
		library_close(lib);
		return NULL;
	}
	db_mark(lib);
	return lib;
}

void library_close(library *lib)
{
	if (!lib)
		return;
	db_close(lib);
	search_folder_free(lib->sf);
	free(lib->spare);
	free(lib->db_path);
	shelf_roots_free(lib->roots, lib->nroots);
	free(lib->root_failed);
	free(lib);
}

size_t library_roots(const library *lib, const char *const **roots)
{
	*roots = (const char *const *)lib->roots;
	return lib->nroots;
}

/* ---- indexing ---- */

typedef struct known {
	int64_t id;
	char *path;
	uint64_t stamp;
	uint64_t fingerprint;
	char date[11];
	bool found;
} known;

typedef struct todo {
	size_t item;            /* into job->found */
	known *old;             /* NULL for a new issue */
	const char *date;       /* from the names, "" when none */
} todo;

/* What making rows needs (used by one thread at a time). The distinct
 * tokens of a row are found with a stamp per code point of the BMP (as
 * the tokenizer does). */
typedef struct term_pair {
	uint32_t cp, low, n;            /* a code point, a row, its weighted count there */
	uint32_t head;                  /* of which hits in a header line (weighing 4) */
} term_pair;

/* An occurrence of a pair of indexed code points of the BMP standing
 * together in a row's folded text, packed in 64 bits (8 bytes to move
 * where a struct took 12, and one compare for a pair and a row): ab =
 * a << 16 | b above bit 32, then the row, then w, its line's weight (as
 * weighted_tf weighs a hit; summed over the row by pair_list). An
 * occurrence overlapping the one before it (the second "aa" of "aaa")
 * is not one: weighted_tf counts hits that do not overlap. */
typedef uint64_t pair_seen;
enum { PAIR_W_BITS = 8 };       /* a weight is 1 or 4 */
_Static_assert(ARTICLE_BITS + PAIR_W_BITS <= 32, "a row and a weight fit in 32 bits");

/* The low 32 bits of the occurrences of a line: its row and weight. */
static pair_seen pair_row(uint32_t low, uint32_t w)
{
	return (uint64_t)low << PAIR_W_BITS | w;
}

/* A code point's stamp (the row that saw it last) and its weighted
 * count in that row, side by side: one cache line for both. */
typedef struct cp_seen {
	uint32_t gen, cnt, head;        /* head: in a header line */
} cp_seen;

/* What sorting an issue's pairs by code point needs (terms_make, on the
 * thread that parses): a bit for each code point present (walked in order,
 * it gives them sorted, and is cleared as it is walked), a count then a
 * place each. */
typedef struct terms_work {
	uint64_t *present;
	uint32_t *ipos;
	term_pair *sorted;
	size_t sortcap;
} terms_work;

typedef struct prep {
	search_folder *sf;
	cp_seen *seen;
	uint32_t gen;
	unsigned char *bloom_all;       /* the row's bigrams (bloom_set) */
	size_t nhashes;                 /* how many */
	/* the row's weighted count of each code point (where seen is gen),
	 * its distinct code points in order, those beyond the BMP apart */
	uint32_t *rowcps;
	size_t nrowcps, rowcap;
	term_pair *big;
	size_t nbig, bigcap;
	/* the issue's (code point, row, count), rows in order (handed to
	 * its packet) */
	term_pair *pairs;
	size_t npairs, paircap;
	/* the issue's pairs of code points standing together, rows in
	 * order (low: the row being made), handed to its packet */
	pair_seen *bis;
	size_t nbis, biscap;
	uint32_t *bipos;                /* each one's position (pairpos.h) */
	size_t biposcap;
	uint32_t cpos;                  /* the position of the row's next line */
	uint32_t low;
	unsigned splits;                /* of the row's lines so far */
	/* sorting them (pairs_sort): counts by the second and by the first
	 * code point (zero between issues; present marks those used), a
	 * copy */
	uint32_t *bucket[2];
	uint64_t *present[2];
	pair_seen *sorting;
	size_t sortcap;
	uint32_t *sorting_pos;
	size_t sortposcap;
	util_buf pos_scratch[2];        /* room for pairpos_make */
	/* the last issue's sizes of its packet's text and tokens and of
	 * its rows, room made for the next one's at once (grown from
	 * nothing, they were copied over and over: 1,500 reallocs an
	 * issue) */
	size_t last_body, last_folded, last_aux, last_rows;
	terms_work terms;
} prep;

static void prep_init(prep *pp)
{
	pp->sf = search_folder_new();
	pp->seen = util_calloc(SEEN_CPS, sizeof *pp->seen);
	for (int d = 0; d < 2; d++) {
		pp->bucket[d] = util_calloc(SEEN_CPS, sizeof *pp->bucket[d]);
		pp->present[d] = util_calloc(SEEN_CPS / 64, sizeof *pp->present[d]);
	}
	pp->terms.present = util_calloc(SEEN_CPS / 64, sizeof *pp->terms.present);
	pp->terms.ipos = util_calloc(SEEN_CPS, sizeof *pp->terms.ipos);
}

static void prep_free(prep *pp)
{
	search_folder_free(pp->sf);
	free(pp->seen);
	free(pp->bloom_all);
	free(pp->rowcps);
	free(pp->big);
	free(pp->pairs);
	free(pp->bis);
	free(pp->bipos);
	free(pp->sorting_pos);
	util_buf_free(&pp->pos_scratch[0]);
	util_buf_free(&pp->pos_scratch[1]);
	for (int d = 0; d < 2; d++) {
		free(pp->bucket[d]);
		free(pp->present[d]);
	}
	free(pp->sorting);
	free(pp->terms.present);
	free(pp->terms.ipos);
	free(pp->terms.sorted);
}

typedef struct ahead ahead;

/* A row of a list of a segment (see seg_list): its weighted count
 * there, how many of its hits are in a header line, the size of its
 * fold, its issue's place in the list. */
typedef struct seg_entry {
	uint32_t low, count, head, bytes;
	uint32_t place;
} seg_entry;

/* The list of a code point or a pair (key) of one issue stored by this
 * transaction, for its segment (see seg_add): the bytes of its rows as
 * in the issue's row of issue_terms, kept in seg_work's bytes (a few bytes
 * a row: a segment of a second's issues held 20 MB of decoded rows). */
typedef struct seg_chunk {
	uint32_t key;
	uint32_t issue;                 /* into seg_work's issues */
	uint32_t at, len;               /* in seg_work's bytes */
} seg_chunk;

/* An issue stored by this transaction: its id and where the sizes of
 * its rows are (seg_work's sizes). */
typedef struct seg_issue {
	int64_t iid;
	uint32_t sizes, nrows;
} seg_issue;

/* The table of one kind of list (code points, pairs). */
typedef struct seg_kind {
	sqlite3_stmt *ins;
	const char *table;
	int bits;                       /* of the key below the segment */
} seg_kind;

/* The chunks of one kind of list. */
typedef struct seg_chunks {
	seg_chunk *v;
	size_t n, cap;
} seg_chunks;

/* A segment: what seg_add keeps of its issues, the lists seg_build
 * makes of them (no SQLite: the segment thread's work, see seg_thread)
 * and the room it makes them in. */
typedef struct seg_work {
	seg_chunks ch[2];               /* code points, pairs */
	util_buf bytes, sizes;
	seg_issue *issues;
	size_t nissues, icap;
	int64_t seg;                    /* its id, given when it is built */
	/* made by seg_build: each list's key (u32), bytes (u32), the bytes */
	util_buf lists[2];
	pairpos_seg pos;                /* its issues' rows of pair_pos */
	bool pos_all;                   /* every one's */
	util_buf posrows;               /* see pos_seg_build */
	uint64_t *present;              /* chunks_sort's */
	uint32_t *at;
	seg_chunk *tmpch;
	size_t tmpchcap;
	seg_entry *ents;
	size_t nents, entcap;
	uint64_t *keys, *tmp;
	size_t tmpcap;
	size_t keycap;
	util_buf blob, parts[3];
} seg_work;

typedef struct seg_thread seg_thread;

struct library_job {
	library *lib;
	int lockfd;
	shelf found;
	known *known;
	size_t nknown;
	todo *todo;
	size_t ntodo, next;
	int64_t next_id;
	library_summary sum;
	uint64_t bytes_total, bytes_done;
	uint64_t t0;
	prep prep;                      /* the calling thread's, when no thread parses */
	ahead *ahead;                   /* NULL: no second thread */
	bool lost;                      /* a step's transaction not committed */
	/* a build from nothing: its file (NULL: built in place) and the
	 * connection to the index, put aside meanwhile (see fresh_begin) */
	char *fresh;
	int fresh_fd;                   /* on it, for fresh_writeback; -1: none */
	size_t fresh_since;             /* issues stored since its last one */
	sqlite3 *old_db;
	sqlite3_stmt *ins_issue, *ins_article, *ins_terms, *ins_fts, *del_fts, *del_terms, *del_articles,
		     *del_issue, *upd_stamp, *old_rows, *ins_pos, *del_pos, *drop_pos;
	/* the segment of cp_lists and pair_lists the transaction makes
	 * (see seg_flush) */
	sqlite3_stmt *ins_seg, *ins_iseg, *del_iseg;
	int64_t next_seg;
	seg_kind segkind[2];            /* code points, pairs */
	sqlite3_stmt *ins_posseg;       /* the segment's rows of pos_segs */
	/* the segment being kept (fill: one of segw), and the one the
	 * segment thread builds (NULL: none; segth NULL: not started) */
	seg_work segw[2], *fill, *built;
	seg_thread *segth;
};

static int known_cmp(const void *a, const void *b)
{
	return strcmp(((const known *)a)->path, ((const known *)b)->path);
}

static void scan_warn(void *ctx, const char *msg)
{
	library *lib = ctx;
	lib_warn(lib, "%s", msg);
}

static bool under_root(const char *path, const char *root)
{
	size_t n = strlen(root);
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0' || n == 1);
}

/* Whether an indexed issue at path is to be kept out of sight: under a
 * root that could not be read (it is kept in the index), or under none. */
static bool path_hidden(const library *lib, const char *path, bool *under_failed)
{
	*under_failed = false;
	for (size_t r = 0; r < lib->nroots; r++) {
		if (!under_root(path, lib->roots[r]))
			continue;
		if (lib->root_failed[r])
			*under_failed = true;
		else
			return false;
	}
	return true;
}

static sqlite3_stmt *prepare_st(library *lib, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, sql, -1, &st, NULL) != SQLITE_OK)
		util_fatal("library index: %s: %s", sql, sqlite3_errmsg(lib->db));
	return st;
}

static void load_known(library_job *job)
{
	size_t cap = 0;
	sqlite3_stmt *st = prepare_st(job->lib, "SELECT id, path, stamp, fingerprint, date FROM issues");
	while (sqlite3_step(st) == SQLITE_ROW) {
		known k = { 0 };
		k.id = sqlite3_column_int64(st, 0);
		k.path = util_strdup((const char *)sqlite3_column_text(st, 1));
		k.stamp = (uint64_t)sqlite3_column_int64(st, 2);
		k.fingerprint = (uint64_t)sqlite3_column_int64(st, 3);
		const char *d = (const char *)sqlite3_column_text(st, 4);
		snprintf(k.date, sizeof k.date, "%s", d ? d : "");
		if (k.id >= job->next_id)
			job->next_id = k.id + 1;
		UTIL_PUSH(job->known, job->nknown, cap, k);
	}
	sqlite3_finalize(st);
	if (job->nknown > 1)
		qsort(job->known, job->nknown, sizeof *job->known, known_cmp);
}

/* Days since 1900-01-01, plus one; 0 for no date. */
static int64_t date_days(const char *date)
{
	int y, m, d;
	if (!date)
		return 0;
	/* "YYYY-MM-DD" as the names and headers give it, read by hand: a
	 * sscanf an issue was a tenth of --search --all's first line */
	static const char form[] = "dddd-dd-dd";
	size_t i = 0;
	while (i < 10 && (form[i] == 'd' ? date[i] >= '0' && date[i] <= '9' : date[i] == '-'))
		i++;
	if (i == 10) {
		y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
		m = (date[5] - '0') * 10 + (date[6] - '0');
		d = (date[8] - '0') * 10 + (date[9] - '0');
	} else if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		return 0;
	}
	/* days from civil (Howard Hinnant) */
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t days = era * 146097 + doe - 719468;     /* since 1970-01-01 */
	return days + 25567 + 1;
}

/* The rowids of an issue's rows: they grow from the newest day to the
 * oldest (no date: last), so FTS5 gives the matches newest first walking
 * its lists forwards (walked backwards, each leaf page is first read
 * through to build an array of offsets, grown 8 at a time: that was a
 * third of a query's instructions); then by issue id, then the row. */
static int64_t rowid_base(const char *date, int64_t id)
{
	int64_t days = date_days(date), last = ((int64_t)1 << DAY_BITS) - 1;
	if (days < 0 || days > last)
		days = 0;
	int64_t back = last - days;
	return back << (ISSUE_BITS + ARTICLE_BITS) | id << ARTICLE_BITS;
}

static bool step_ok(library_job *job, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		lib_warn(job->lib, "library index: %s", sqlite3_errmsg(job->lib->db));
		return false;
	}
	return true;
}

static void delete_rows(library_job *job, int64_t id)
{
	/* an external-content index forgets a row given its old text */
	sqlite3_stmt *old = job->old_rows;
	sqlite3_bind_int64(old, 1, id);
	while (sqlite3_step(old) == SQLITE_ROW) {
		sqlite3_bind_int64(job->del_fts, 1, sqlite3_column_int64(old, 0));
		sqlite3_bind_value(job->del_fts, 2, sqlite3_column_value(old, 1));
		step_ok(job, job->del_fts);
	}
	sqlite3_reset(old);
	sqlite3_bind_int64(job->del_terms, 1, id);
	step_ok(job, job->del_terms);
	/* its chunks in cp_lists and pair_lists stay, out of use (see
	 * seg_covers) */
	sqlite3_bind_int64(job->del_iseg, 1, id);
	step_ok(job, job->del_iseg);
	sqlite3_bind_int64(job->del_pos, 1, id);
	step_ok(job, job->del_pos);
	sqlite3_bind_int64(job->del_articles, 1, id);
	step_ok(job, job->del_articles);
	sqlite3_bind_int64(job->del_issue, 1, id);
	step_ok(job, job->del_issue);
}

static int todo_cmp(const void *a, const void *b)
{
	const todo *x = a, *y = b;
	int c = strcmp(y->date, x->date);       /* newest first */
	return c ? c : x->item < y->item ? -1 : x->item > y->item;
}

/* ---- the walk of the roots, in a thread of its own ---- */

struct library_scan {
	library *lib;
	pthread_t thread;
	bool threaded;                  /* a thread to join */
	pthread_mutex_t mu;
	bool done;                      /* under mu */
	shelf found;
	bool *failed;                   /* by root: could not be read */
	bool matched;                   /* found the index current: recorded when freed */
};

static void *scan_run(void *arg)
{
	library_scan *sc = arg;
	library *lib = sc->lib;
	for (size_t r = 0; r < lib->nroots; r++)
		sc->failed[r] = !shelf_scan(lib->roots[r], &sc->found, scan_warn, lib);
	pthread_mutex_lock(&sc->mu);
	sc->done = true;
	pthread_mutex_unlock(&sc->mu);
	return NULL;
}

library_scan *library_scan_start(library *lib)
{
	library_scan *sc = util_calloc(1, sizeof *sc);
	sc->lib = lib;
	sc->failed = util_calloc(lib->nroots ? lib->nroots : 1, sizeof *sc->failed);
	pthread_mutex_init(&sc->mu, NULL);
	sc->threaded = pthread_create(&sc->thread, NULL, scan_run, sc) == 0;
	if (!sc->threaded)
		scan_run(sc);
	return sc;
}

bool library_scan_done(library_scan *sc)
{
	pthread_mutex_lock(&sc->mu);
	bool done = sc->done;
	pthread_mutex_unlock(&sc->mu);
	return done;
}

/* Waits for the walk; what it found is the library's (root_failed). */
static void scan_join(library_scan *sc)
{
	if (sc->threaded) {
		pthread_join(sc->thread, NULL);
		sc->threaded = false;
	}
	memcpy(sc->lib->root_failed, sc->failed, sc->lib->nroots * sizeof *sc->failed);
}

/* Whether the index holds every issue of found with its stamp and no
 * other (as library_index_begin decides). */
static bool scan_matches(library *lib, const shelf *found)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, "SELECT path, stamp FROM issues", -1, &st, NULL) != SQLITE_OK)
		return false;
	known *v = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 0);
		known k = { .path = util_strdup(path ? path : ""),
			    .stamp = (uint64_t)sqlite3_column_int64(st, 1) };
		UTIL_PUSH(v, n, cap, k);
	}
	sqlite3_finalize(st);
	if (n > 1)
		qsort(v, n, sizeof *v, known_cmp);
	bool current = true;
	for (size_t i = 0; current && i < found->n; i++) {
		known key = { .path = found->items[i].path };
		known *k = n ? bsearch(&key, v, n, sizeof *v, known_cmp) : NULL;
		current = k && k->stamp == found->items[i].stamp;
		if (k)
			k->found = true;
	}
	for (size_t i = 0; current && i < n; i++)
		current = v[i].found;   /* else gone: it would be removed */
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
	return current;
}

/* The folders of found written as the index's record (in the caller's
 * transaction). */
static bool folders_write(library *lib, const shelf *found)
{
	if (!exec(lib->db, "DELETE FROM folders"))
		return false;
	sqlite3_stmt *st = prepare_st(lib, "INSERT OR REPLACE INTO folders(path, stamp) VALUES(?1, ?2)");
	bool ok = true;
	for (size_t i = 0; ok && i < found->nfolders; i++) {
		sqlite3_bind_text(st, 1, found->folders[i].path, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (int64_t)found->folders[i].stamp);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return ok;
}

/* A walk that found the index current records its folders, so that the
 * next --search --all need not walk (its record was missing or old:
 * library_fresh_start turned it down); not while another kanbao indexes. */
static void scan_record(library *lib, const shelf *found)
{
	if (found->warned)
		return;
	int fd = lock_file(lib);
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 && exec(lib->db, "BEGIN IMMEDIATE")) {
		/* compared again in the transaction: an indexer may have
		 * been and gone since */
		bool ok = scan_matches(lib, found) && folders_write(lib, found);
		exec(lib->db, ok ? "COMMIT" : "ROLLBACK");
	}
	close(fd);
}

bool library_scan_current(library_scan *sc)
{
	scan_join(sc);
	library *lib = sc->lib;
	db_follow(lib);
	/* a root that could not be read hides its issues (path_hidden):
	 * a search made before the walk knew it showed them */
	for (size_t r = 0; r < lib->nroots; r++)
		if (sc->failed[r])
			return false;
	sc->matched = scan_matches(lib, &sc->found);
	return sc->matched;
}

void library_scan_free(library_scan *sc)
{
	if (!sc)
		return;
	if (sc->threaded)
		pthread_join(sc->thread, NULL);
	/* out of the search's read transaction by now */
	if (sc->matched)
		scan_record(sc->lib, &sc->found);
	shelf_free(&sc->found);
	pthread_mutex_destroy(&sc->mu);
	free(sc->failed);
	free(sc);
}

/* ---- --search --all without the walk: the folders, then each issue ---- */

typedef struct fresh_issue {
	int64_t base;                   /* rowid_base: the search's order */
	char *path;
	uint64_t stamp;
} fresh_issue;

typedef struct fresh_name {
	const char *path;
	size_t at;                      /* in v */
} fresh_name;

struct library_fresh {
	fresh_issue *v;
	size_t n, next;                 /* v[..next) checked, unchanged */
	fresh_name *sorted;             /* by path: library_fresh_checked */
	/* the checks are made ahead by a thread of their own, in the same
	 * order, while the search reads the index: v[..done) unchanged,
	 * v[done] changed when `changed` (the thread stopped there); the
	 * calling thread takes their results (next <= done) */
	pthread_t thread;
	fresh_issue *folders;           /* the folders recorded (no base) */
	size_t nfolders;
	bool folders_changed;           /* one of them: v not checked at all */
	bool threaded, changed, stop, finished;
	size_t done, seen;              /* seen: done as last read (under mu) */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static int thread_start_quiet(pthread_t *thread, void *(*run)(void *), void *arg);

static int fresh_cmp(const void *a, const void *b)
{
	const fresh_issue *x = a, *y = b;
	return x->base < y->base ? -1 : x->base > y->base;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(((const fresh_name *)a)->path, ((const fresh_name *)b)->path);
}

/* The folders recorded, when every one is under a root and every root
 * is among them (else false): their stats are the checker's. */
static bool folders_recorded(library *lib, library_fresh *f)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, "SELECT path, stamp FROM folders", -1, &st, NULL) != SQLITE_OK)
		return false;
	size_t roots_seen = 0, cap = 0;
	bool same = true;
	while (same && sqlite3_step(st) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 0);
		same = path != NULL;
		bool under = false;
		for (size_t r = 0; same && r < lib->nroots; r++) {
			under = under || under_root(path, lib->roots[r]);
			roots_seen += strcmp(path, lib->roots[r]) == 0;
		}
		same = same && under;
		if (same) {
			fresh_issue fo = { 0, util_strdup(path), (uint64_t)sqlite3_column_int64(st, 1) };
			UTIL_PUSH(f->folders, f->nfolders, cap, fo);
		}
	}
	sqlite3_finalize(st);
	return same && f->nfolders > 0 && roots_seen == lib->nroots;
}

/* Whether every folder recorded is as it was (a stat each). */
static bool folders_same(const library_fresh *f)
{
	for (size_t i = 0; i < f->nfolders; i++) {
		struct stat sb;
		if (stat(f->folders[i].path, &sb) != 0 || shelf_folder_stamp(&sb) != f->folders[i].stamp)
			return false;
	}
	return true;
}

static bool fresh_same(const fresh_issue *fi);

/* The checker: each issue in the search's order, each result published
 * as it is known (the stats and listings of a year of issues took as
 * long as the search of a rare text, which waited for them issue by
 * issue); stops at the first issue changed. */
static void *fresh_run(void *arg)
{
	library_fresh *f = arg;
	if (!folders_same(f)) {
		pthread_mutex_lock(&f->mu);
		f->changed = f->folders_changed = true;
		pthread_cond_signal(&f->cv);
		pthread_mutex_unlock(&f->mu);
		return NULL;
	}
	for (size_t i = 0; i < f->n; i++) {
		bool same = fresh_same(&f->v[i]);
		pthread_mutex_lock(&f->mu);
		bool stop = f->stop;
		if (same)
			f->done = i + 1;
		else
			f->changed = true;
		pthread_cond_signal(&f->cv);
		pthread_mutex_unlock(&f->mu);
		if (stop || !same)
			return NULL;
	}
	pthread_mutex_lock(&f->mu);
	f->finished = true;
	pthread_cond_signal(&f->cv);
	pthread_mutex_unlock(&f->mu);
	return NULL;
}


library_fresh *library_fresh_start(library *lib)
{
	db_follow(lib);
	/* when the folders are as the last whole index saw them, no issue
	 * came or went, and each issue's pages are checked as the search
	 * reaches it; the folders are stat'ed by the checker first (the
	 * search's first lines wait for them) */
	library_fresh *f = util_calloc(1, sizeof *f);
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
	sqlite3_stmt *st;
	if (!folders_recorded(lib, f) ||
	    sqlite3_prepare_v2(lib->db, "SELECT id, date, path, stamp FROM issues", -1, &st, NULL) != SQLITE_OK) {
		library_fresh_free(f);
		return NULL;
	}
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 2);
		fresh_issue fi = { rowid_base((const char *)sqlite3_column_text(st, 1),
					      sqlite3_column_int64(st, 0)),
				   util_strdup(path ? path : ""), (uint64_t)sqlite3_column_int64(st, 3) };
		UTIL_PUSH(f->v, f->n, cap, fi);
	}
	sqlite3_finalize(st);
	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, fresh_cmp);
	f->sorted = util_malloc((f->n ? f->n : 1) * sizeof *f->sorted);
	for (size_t i = 0; i < f->n; i++)
		f->sorted[i] = (fresh_name){ f->v[i].path, i };
	if (f->n > 1)
		qsort(f->sorted, f->n, sizeof *f->sorted, name_cmp);
	f->threaded = thread_start_quiet(&f->thread, fresh_run, f) == 0;
	if (!f->threaded && !folders_same(f)) {
		library_fresh_free(f);
		return NULL;
	}
	return f;
}

bool library_fresh_folders_changed(library_fresh *f)
{
	pthread_mutex_lock(&f->mu);
	bool changed = f->folders_changed;
	pthread_mutex_unlock(&f->mu);
	return changed;
}

/* Whether the issue fi is on disk as the index has it. */
static bool fresh_same(const fresh_issue *fi)
{
	uint64_t stamp;
	return shelf_issue_stamp(fi->path, &stamp) && stamp == fi->stamp;
}

bool library_fresh_upto(library_fresh *f, const char *path)
{
	while (f->next < f->n) {
		const fresh_issue *fi = &f->v[f->next];
		if (f->threaded) {
			/* the thread's result, waited for when it is not there yet */
			if (f->next >= f->seen) {
				pthread_mutex_lock(&f->mu);
				while (f->next >= f->done && !f->changed && !f->finished)
					pthread_cond_wait(&f->cv, &f->mu);
				f->seen = f->done;
				pthread_mutex_unlock(&f->mu);
				if (f->next >= f->seen)
					return false;
			}
		} else if (!fresh_same(fi)) {
			return false;
		}
		f->next++;
		if (path && strcmp(fi->path, path) == 0)
			break;
	}
	return true;
}

bool library_fresh_checked(const library_fresh *f, const char *path)
{
	fresh_name key = { path, 0 };
	const fresh_name *at = f->n ? bsearch(&key, f->sorted, f->n, sizeof *f->sorted, name_cmp) : NULL;
	return at && at->at < f->next;
}

void library_fresh_free(library_fresh *f)
{
	if (!f)
		return;
	if (f->threaded) {
		pthread_mutex_lock(&f->mu);
		f->stop = true;
		pthread_mutex_unlock(&f->mu);
		pthread_join(f->thread, NULL);
	}
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].path);
	free(f->v);
	for (size_t i = 0; i < f->nfolders; i++)
		free(f->folders[i].path);
	free(f->folders);
	free(f->sorted);
	free(f);
}

/* ---- a build from nothing ----
 *
 * With no issue in the index there is nothing for a reader to lose: the
 * job writes a file of its own beside the index (fresh_path) and puts it
 * in the index's place when it ends (fresh_end), so that every page is
 * written once. In the index's WAL each page was written twice, to the
 * WAL and by a checkpoint to the file (pwrite 934 MB and pread 642 MB
 * for an index of 402 MB, a third of the storing thread's time in the
 * kernel). The file has no journal on disk (a rolled back transaction
 * is undone from memory) and no other reader: a crash leaves only it,
 * removed by the next job. Readers meanwhile see the empty index;
 * this process's own reads (the library view's) go to the new file. */

static char *fresh_path(const library *lib)
{
	util_buf b = { 0 };
	util_buf_printf(&b, "%s.build", lib->db_path);
	return b.data;
}

static void fresh_begin(library_job *job)
{
	library *lib = job->lib;
	char *path = fresh_path(lib);
	sqlite3 *db = NULL;
	char sql[sizeof schema + 64];
	snprintf(sql, sizeof sql, "BEGIN; %s PRAGMA user_version = %d; COMMIT;", schema, SCHEMA_VERSION);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK || !register_tokenizer(db, lib) ||
	    !exec(db, "PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL; "
		  "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; "
		  "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824") || !exec(db, sql)) {
		sqlite3_close(db);
		remove_db_files(path);
		free(path);
		return;         /* built in place */
	}
	sqlite3_extended_result_codes(db, 0);
	db_forget(lib);
	job->old_db = lib->db;
	lib->db = db;
	lib->building = true;
	job->fresh = path;
	job->fresh_fd = open(path, O_RDONLY | O_CLOEXEC);
}

/* Starts the disk's writing of what the build wrote so far, without
 * waiting for it (every FRESH_WRITEBACK issues stored): with a
 * synchronous = OFF file nothing reached the disk before fresh_end's
 * sync, which then wrote the whole index (400 MB for the bench's
 * library, 0.13-0.17 s of wall with both cores idle) after the last
 * issue. The same pages are written, while the threads still parse. */
enum { FRESH_WRITEBACK = 16 };

static void fresh_writeback(library_job *job)
{
	if (job->fresh_fd < 0 || ++job->fresh_since < FRESH_WRITEBACK)
		return;
	job->fresh_since = 0;
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
	sync_file_range(job->fresh_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

/* Puts the job's file in the index's place: synced, in WAL mode as
 * open_db makes the index, the old file's WAL and shared memory removed
 * first (a connection to the new file would read them as its own), then
 * renamed over the old file, and lib->db opened on it. */
static void fresh_end(library_job *job)
{
	library *lib = job->lib;
	db_forget(lib);
	exec(lib->db, "PRAGMA journal_mode = WAL");
	bool ok = sqlite3_close(lib->db) == SQLITE_OK;
	if (job->fresh_fd >= 0)
		close(job->fresh_fd);
	job->fresh_fd = -1;
	int fd = open(job->fresh, O_RDONLY | O_CLOEXEC);
	ok = ok && fd >= 0 && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	lib->db = job->old_db;
	lib->building = false;
	db_close(lib);
	util_buf b = { 0 };
	util_buf_printf(&b, "%s-wal", lib->db_path);
	unlink(b.data);
	b.len = 0;
	util_buf_printf(&b, "%s-shm", lib->db_path);
	unlink(b.data);
	util_buf_free(&b);
	if (ok && rename(job->fresh, lib->db_path) == 0) {
		char *dir = util_strdup(lib->db_path);
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		fd = slash ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
		free(dir);
	} else {
		lib_warn(lib, "%s: the new library index could not be put in place", lib->db_path);
		remove_db_files(job->fresh);
	}
	const char *why;
	char err[512];
	if (open_db(lib, &why, err, sizeof err) != OPEN_OK)
		lib_warn(lib, "%s: %s", lib->db_path, why ? why : err);
	db_mark(lib);
}

/* library_index_begin, with the roots walked by sc when it is not NULL */
/* While a job runs, freed memory stays with the process: each issue's
 * buffers (its rows, pairs, positions: several MB), SQLite's pages and
 * the segment's lists were otherwise handed back to the system as they
 * were freed and faulted in again, zeroed, for the next (page faults:
 * 87,000 in a build of the bench's library, 49,000 so). */
static void memory_keep(bool keep)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, keep ? 32 << 20 : 128 << 10);
	mallopt(M_TRIM_THRESHOLD, keep ? 256 << 20 : 128 << 10);
	if (!keep)
		malloc_trim(0);
#else
	(void)keep;
#endif
}

static library_job *index_begin(library *lib, library_scan *sc, bool wait, bool *busy)
{
	*busy = false;
	int fd = lock_file(lib);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (!wait) {
			close(fd);
			*busy = true;
			return NULL;
		}
		lib_warn(lib, "another kanbao is indexing the library: waiting for it");
		flock(fd, LOCK_EX);
	}
	db_follow(lib);         /* the last job was another's build from nothing */
	memory_keep(true);
	library_job *job = util_calloc(1, sizeof *job);
	job->lib = lib;
	job->fresh_fd = -1;
	job->lockfd = fd;
	lib->icached = false;           /* roots read again, issues removed */
	job->t0 = util_now_ns();
	job->next_id = 1;
	prep_init(&job->prep);
	if (sc) {
		scan_join(sc);
		job->found = sc->found;
		memset(&sc->found, 0, sizeof sc->found);
	} else {
		for (size_t r = 0; r < lib->nroots; r++)
			lib->root_failed[r] = !shelf_scan(lib->roots[r], &job->found, scan_warn, lib);
	}
	load_known(job);
	if (fd >= 0) {
		/* what a build from nothing cut short left */
		char *left = fresh_path(lib);
		remove_db_files(left);
		free(left);
		if (!job->nknown && job->found.n)
			fresh_begin(job);
	}

	job->ins_issue = prepare_st(lib, "INSERT INTO issues(id, path, stamp, fingerprint, paper, date, "
				 "pages, articles, bytes) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	job->ins_article = prepare_st(lib, "INSERT INTO articles(id, issue, page, number, headline, "
				   "byline, kicker, subtitle, body, folded, page_captions, first_caption, "
				   "first_banner) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	job->ins_terms = prepare_st(lib, "INSERT INTO issue_terms(id, data) VALUES(?1, ?2)");
	job->del_terms = prepare_st(lib, "DELETE FROM issue_terms WHERE id = ?1");
	job->ins_pos = prepare_st(lib, "INSERT INTO pair_pos(id, data) VALUES(?1, ?2)");
	job->del_pos = prepare_st(lib, "DELETE FROM pair_pos WHERE id = ?1");
	job->drop_pos = prepare_st(lib, "DELETE FROM pair_pos WHERE id IN (SELECT issue FROM issue_seg WHERE seg = ?1) "
			       "AND EXISTS (SELECT 1 FROM pos_segs WHERE key = ?2)");
	job->ins_posseg = prepare_st(lib, "INSERT INTO pos_segs(key, data) VALUES(?1, ?2)");
	job->ins_fts = prepare_st(lib, "INSERT INTO articles_fts(rowid, folded) VALUES(?1, ?2)");
	job->del_fts = prepare_st(lib, "INSERT INTO articles_fts(articles_fts, rowid, folded) "
			       "VALUES('delete', ?1, ?2)");
	job->old_rows = prepare_st(lib, "SELECT id, CASE folded WHEN '' THEN body ELSE folded END "
				   "FROM articles WHERE issue = ?1");
	job->del_articles = prepare_st(lib, "DELETE FROM articles WHERE issue = ?1");
	job->del_issue = prepare_st(lib, "DELETE FROM issues WHERE id = ?1");
	job->upd_stamp = prepare_st(lib, "UPDATE issues SET stamp = ?2 WHERE id = ?1");
	static const char *const kinds[2][2] = { { "cp_lists", "INSERT INTO cp_lists(key, data) VALUES(?1, ?2)" },
						  { "pair_lists", "INSERT INTO pair_lists(key, data) VALUES(?1, ?2)" } };
	for (int k = 0; k < 2; k++) {
		job->segkind[k].table = kinds[k][0];
		job->segkind[k].ins = prepare_st(lib, kinds[k][1]);
		job->segkind[k].bits = k ? SEG_PAIR_BITS : SEG_CP_BITS;
	}
	job->fill = &job->segw[0];
	job->ins_seg = prepare_st(lib, "INSERT INTO cp_segs(seg, issues) VALUES(?1, ?2)");
	job->ins_iseg = prepare_st(lib, "INSERT OR REPLACE INTO issue_seg(issue, seg) VALUES(?1, ?2)");
	job->del_iseg = prepare_st(lib, "DELETE FROM issue_seg WHERE issue = ?1");
	sqlite3_stmt *last = prepare_st(lib, "SELECT coalesce(max(seg), 0) + 1 FROM cp_segs");
	job->next_seg = sqlite3_step(last) == SQLITE_ROW ? sqlite3_column_int64(last, 0) : 1;
	sqlite3_finalize(last);
	/* no fsync while indexing (the checkpoints' fdatasync of the WAL and
	 * of the file were a tenth of a full build's time, and half of its
	 * bytes reached the disk only for them): a cache rebuilt from the
	 * pages; a power cut meanwhile may damage it (see the README) */
	exec(lib->db, "PRAGMA synchronous = OFF");
	/* Debian's SQLite zeroes every page it frees (SECURE_DELETE): a
	 * cache's freed pages need not be */
	exec(lib->db, "PRAGMA secure_delete = OFF");

	size_t cap = 0;
	for (size_t i = 0; i < job->found.n; i++) {
		const shelf_issue *is = &job->found.items[i];
		known key = { .path = is->path };
		known *k = job->nknown ? bsearch(&key, job->known, job->nknown, sizeof *job->known,
						 known_cmp) : NULL;
		if (k)
			k->found = true;
		if (k && k->stamp == is->stamp) {
			job->sum.unchanged++;
			continue;
		}
		todo t = { i, k, is->date };
		UTIL_PUSH(job->todo, job->ntodo, cap, t);
		job->bytes_total += is->bytes;
	}
	/* newest first (by the dates in the names; new ids follow): the
	 * rowids then grow, see rowid_base and insert_issue */
	if (job->ntodo > 1)
		qsort(job->todo, job->ntodo, sizeof *job->todo, todo_cmp);
	/* issues gone from a root that was read (or from the roots); the
	 * folders' record says the index is whole: written again once it is
	 * (library_index_end) */
	exec(lib->db, "BEGIN IMMEDIATE");
	exec(lib->db, "DELETE FROM folders");
	for (size_t i = 0; i < job->nknown; i++) {
		bool failed;
		/* kept: found again, or under a root that could not be read
		 * (a drive not mounted) */
		if (job->known[i].found || (path_hidden(lib, job->known[i].path, &failed) && failed))
			continue;
		delete_rows(job, job->known[i].id);
		job->sum.removed++;
	}
	exec(lib->db, "COMMIT");
	return job;
}

library_job *library_index_begin(library *lib, bool wait, bool *busy)
{
	return index_begin(lib, NULL, wait, busy);
}

library_job *library_index_begin_scanned(library_scan *sc, bool wait, bool *busy)
{
	return index_begin(sc->lib, sc, wait, busy);
}

/* The paper and date printed in the running headers of the pages. */
static void header_names(const doc_issue *issue, char **paper, char date[11])
{
	*paper = NULL;
	date[0] = '\0';
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		for (uint32_t b = 0; b < pg->nbanners; b++) {
			const doc_str *s = doc_banner_at(issue, pg->first_banner + b);
			char d[11];
			bool dated = shelf_date_in_text(s->s, s->len, d);
			if (dated && !date[0])
				memcpy(date, d, sizeof d);
			bool paged = memmem(s->s, s->len, "版", 3) != NULL;
			/* words between spaces and dots: "青川日报" */
			const char *w = s->s, *end = s->s + s->len;
			while (w < end && !*paper) {
				const char *e = w;
				while (e < end && *e != ' ' && *e != '|' &&
				       !(end - e >= 2 && memcmp(e, "·", 2) == 0) &&
				       !(end - e >= 3 && (memcmp(e, "　", 3) == 0 || memcmp(e, "｜", 3) == 0)))
					e++;
				size_t n = (size_t)(e - w);
				bool ends_bao = n >= 6 && n <= 36 && memcmp(e - 3, "报", 3) == 0;
				bool daily = n >= 9 && (memcmp(e - 6, "日报", 6) == 0 || memcmp(e - 6, "晚报", 6) == 0);
				bool digits = false;
				for (const char *q = w; q < e; q++)
					digits |= *q >= '0' && *q <= '9';
				if (ends_bao && !digits && memcmp(w, "第", 3) != 0 && (daily || dated || paged))
					*paper = util_strndup(w, n);
				w = e;
				while (w < end && (*w == ' ' || *w == '|'))
					w++;
				if (end - w >= 2 && memcmp(w, "·", 2) == 0)
					w += 2;
				else if (end - w >= 3 && (memcmp(w, "　", 3) == 0 || memcmp(w, "｜", 3) == 0))
					w += 3;
			}
		}
		if (*paper && date[0])
			return;
	}
}


/* ---- an issue made into rows (no SQLite: the worker thread's part) ---- */

/* A row of articles: an article, or the page-level text of a page (its
 * captions of no article, then its banners, one per line; number is
 * -1 - the page's index). Its texts are in the packet's buffers. */
typedef struct prow {
	int64_t low;                    /* the rowid less the issue's base */
	int64_t number;
	int page;
	const doc_article *a;           /* NULL for a page's own text */
	uint32_t first_caption, ncaptions, first_banner;
	size_t body, nbody;             /* in packet.body */
	size_t folded, nfolded;         /* in packet.folded */
	size_t toks, ntoks, bloom, nbloom;      /* in packet.aux */
	bool same;                      /* the fold is the body */
	unsigned splits;                /* of its lines, search_folder_splits */
} prow;

/* The issue's row of issue_terms, what a search needs of it besides
 * FTS5 and the text (native byte order: a cache of this machine):
 *   i64 the rowid base of its rows (written when stored), u32 nrows,
 *   u32 ntokens, u32 nfirsts, u32 0;
 *   nrows entries by row (the rowid less the base), TERMS_ROW bytes each:
 *     u32 bytes of the folded text, u32 where its bigram filter starts,
 *     u16 the filter's bytes, u8 flags: TERMS_SAME when the fold is the
 *     body (stored once, in body), TERMS_SPLITS and TERMS_SPLITS_WIDE
 *     as search_folder_splits finds them in a line of the row whose
 *     fold is not the line itself (schema 10: only there can two hits
 *     of the fold be one, so elsewhere a row's hits are counted from
 *     the fold alone), u8 0;
 *   ntokens entries, by code point, TERMS_TOKEN bytes each: u32 the code
 *     point, u32 where its list starts (it ends where the next starts),
 *     and one more: UINT32_MAX, where the last list ends;
 *   nfirsts entries the same way (and one more) for the code points of
 *     the BMP that are the first of a pair (two indexed code points of
 *     the BMP standing together in a line of the fold): where the list
 *     of the pairs they begin starts;
 *   the lists: for each row holding the code point, in order, the row
 *     (a varint, from the row before plus one) and its weighted count
 *     there as weighted_tf counts a hit, with how many of its hits are
 *     in a header line (put_count: schema 11);
 *   the lists of pairs, by their first code point: for each second one,
 *     in order, a varint from the one before (from 0), a varint of the
 *     bytes of its list, and its list of rows as a code point's (the
 *     weighted count of the pair as weighted_tf counts its hits: not
 *     overlapping);
 *   the filters.
 * A query of one character, or of two of the BMP, ranks from the counts
 * without reading any text (see rows_of_code_point, rows_of_pair), and
 * counts the hits of the rows it lists the same way (ranked_new); every
 * query filters with the bigrams. */
enum { TERMS_HEAD = 24, TERMS_ROW = 12, TERMS_TOKEN = 8, TERMS_SAME = 1,
       TERMS_SPLITS = SEARCH_SPLITS << 1, TERMS_SPLITS_WIDE = SEARCH_SPLITS_WIDE << 1 };

typedef enum packet_kind {
	PACKET_FAILED,                  /* not read: err */
	PACKET_TOUCHED,                 /* the same text as indexed */
	PACKET_ROWS,
} packet_kind;

/* An issue read, parsed and made into the rows it is stored as. */
typedef struct packet {
	size_t todo;                    /* into job->todo */
	packet_kind kind;
	char *err;
	doc_issue *issue;
	uint64_t fingerprint;
	char *paper;                    /* from its running headers, or NULL */
	char date[11];                  /* from its headers, else from the names */
	size_t narticles;
	bool cut;                       /* more articles than a rowid holds */
	prow *rows;
	size_t nrows, cap;
	util_buf body, folded, aux;
	term_pair *pairs;               /* (code point, row, count), rows in order */
	size_t npairs;
	pair_seen *bis;                 /* pairs of code points, sorted by pairs_sort */
	uint32_t *bipos;                /* the position of each (pairpos.h) */
	size_t nbis, nfirsts;
	util_buf pos;                   /* its row of pair_pos */
	util_buf terms;                 /* its row of issue_terms (made when stored) */
} packet;

static void add_line(util_buf *b, doc_str s)
{
	/* an element is one line of the body; the model's text has no
	 * newline, but be sure */
	size_t from = b->len;
	util_buf_add(b, s.s ? s.s : "", s.len);
	for (char *p = b->data + from, *end = b->data + b->len;
	     (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		*p = ' ';
	util_buf_addc(b, '\n');
}

static void row_start(packet *pk, prow *r, int64_t low, const doc_article *a)
{
	*r = (prow){ .low = low, .a = a };
	r->body = pk->body.len;
	r->folded = pk->folded.len;
	r->toks = pk->aux.len;
}

/* Counts code point c (beyond the BMP: rare) w times more in the row. */
static void big_count(prep *pp, ucs4_t c, uint32_t w)
{
	for (size_t k = 0; k < pp->nbig; k++)
		if (pp->big[k].cp == c) {
			pp->big[k].n += w;
			pp->big[k].head += w != 1;
			return;
		}
	term_pair tp = { c, 0, w, w != 1 };
	UTIL_PUSH(pp->big, pp->nbig, pp->bigcap, tp);
}

/* A line of a row: its text, its fold, and in one pass over the fold the
 * bits of its bigrams' hashes (bigram_hashes', set in the row's filter
 * at once: bloom_set), the occurrences of its pairs, and the row's
 * tokens not given
 * yet (each a length byte and the bytes, as fts_tokenize replays them). */
static void row_line(prep *pp, packet *pk, doc_str t, uint32_t w)
{
	add_line(&pk->body, t);
	size_t flen = 0;
	const char *fs = t.len ? search_folder_fold_valid(pp->sf, t.s, t.len, false, &flen) : "";
	add_line(&pk->folded, doc_str_make(fs, flen));
	/* a line that is its fold is searched without the map back: no
	 * two hits there are one */
	if (flen != t.len || (flen && memcmp(fs, t.s, flen) != 0))
		pp->splits |= search_folder_splits(pp->sf, t.s, t.len);
	/* a token takes at most its bytes and one; a bigram hash comes with
	 * a byte at least */
	util_grow((void **)&pk->aux.data, &pk->aux.cap, pk->aux.len + 2 * flen + 1, 1);
	util_grow((void **)&pp->rowcps, &pp->rowcap, pp->nrowcps + flen + 1, sizeof *pp->rowcps);
	util_grow((void **)&pp->bis, &pp->biscap, pp->nbis + flen + 1, sizeof *pp->bis);
	util_grow((void **)&pp->bipos, &pp->biposcap, pp->nbis + flen + 1, sizeof *pp->bipos);
	unsigned char *out = (unsigned char *)pk->aux.data + pk->aux.len;
	unsigned char *all = pp->bloom_all;
	size_t nh = pp->nhashes;
	pair_seen *bi = pp->bis + pp->nbis, row = pair_row(pp->low, w);
	uint32_t *bp = pp->bipos + pp->nbis, at = pp->cpos;
	size_t nb = 0;                  /* pairs kept, at bi and bp */
	/* the stamps and the row's code points in locals: stored through
	 * pp, they were loaded again after every store of a token or a
	 * pair (which might have been them) */
	cp_seen *seen = pp->seen;
	const uint32_t gen = pp->gen, head = w != 1;
	uint32_t *rowcps = pp->rowcps;
	size_t nrowcps = pp->nrowcps;
	const uint8_t *f = (const uint8_t *)fs;
	ucs4_t prev = 0;
	bool had = false, same_taken = false;   /* the last pair was (c, c), counted */
	for (size_t i = 0; i < flen;) {
		size_t from = i;
		const uint8_t *p = f + i;
		ucs4_t c;
		at++;                   /* past c: a pair stands where its first is */
		if ((p[0] & 0xF0) == 0xE0 && i + 3 <= flen) {
			/* three bytes (the Han characters of the BMP, kana,
			 * punctuation): decoded here as next_cp would, an
			 * ill-formed one left to it */
			c = (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			if (p[0] >= 0xE5 && p[0] <= 0xE9) {
				i += 3;         /* U+5000..U+9FFF: Han, as next_cp trusts it */
			} else if ((p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && c >= 0x800 &&
				   (c < 0xD800 || c > 0xDFFF)) {
				i += 3;
				if (!indexed(c)) {
					had = false;
					continue;
				}
			} else if (!next_cp(f, flen, &i, &c)) {
				had = false;
				continue;
			}
		} else if (!next_cp(f, flen, &i, &c)) {
			had = false;
			continue;
		}
		if (had) {
			bloom_set(all, bigram_hash(prev, c));
			bool same = prev == c;
			if ((same && same_taken) || (prev | c) >= SEEN_CPS) {
				same_taken = false;     /* overlaps the one before, or beyond the BMP */
				nh++;                   /* a bigram hashed, no pair kept */
			} else {
				bi[nb] = (uint64_t)(prev << 16 | c) << 32 | row;
				bp[nb++] = at - 2;
				same_taken = same;
			}
		} else {
			same_taken = false;
		}
		had = true;
		prev = c;
		if (c < SEEN_CPS) {
			cp_seen *cs = &seen[c];
			if (cs->gen == gen) {
				cs->cnt += w;
				cs->head += head;
				continue;
			}
			*cs = (cp_seen){ gen, w, head };
			rowcps[nrowcps++] = c;  /* room made above */
		} else {
			big_count(pp, c, w);
		}
		size_t k = i - from;
		if (k == 3) {
			out[0] = 3;
			memcpy(out + 1, f + from, 3);
			out += 4;
		} else {
			*out++ = (unsigned char)k;
			memcpy(out, f + from, k);
			out += k;
		}
	}
	pp->nrowcps = nrowcps;
	pp->nhashes = nh + nb;          /* the bigrams hashed: those kept as pairs too */
	pp->nbis += nb;
	pp->cpos = at + 1;              /* the newline */
	pk->aux.len = (size_t)((char *)out - pk->aux.data);
}

static void row_end(prep *pp, packet *pk, prow *r)
{
	r->nbody = pk->body.len - r->body;
	r->nfolded = pk->folded.len - r->folded;
	r->ntoks = pk->aux.len - r->toks;
	/* the folded text is stored only where it is not the body */
	r->same = r->nfolded == r->nbody &&
		  (r->nbody == 0 || memcmp(pk->folded.data + r->folded, pk->body.data + r->body, r->nbody) == 0);
	r->splits = pp->splits;
	pp->splits = 0;
	r->bloom = pk->aux.len;
	util_grow((void **)&pk->aux.data, &pk->aux.cap, pk->aux.len + BLOOM_MAX_BITS / 8 + 1, 1);
	r->nbloom = bloom_fold(pp->bloom_all, pp->nhashes, (unsigned char *)pk->aux.data + pk->aux.len);
	pk->aux.len += r->nbloom;
	pk->aux.data[pk->aux.len] = '\0';
	pp->nhashes = 0;
	/* its code points and their counts, for the issue's lists */
	util_grow((void **)&pp->pairs, &pp->paircap, pp->npairs + pp->nrowcps + pp->nbig + 1,
		  sizeof *pp->pairs);
	term_pair *tp = pp->pairs + pp->npairs;
	for (size_t k = 0; k < pp->nrowcps; k++)
		*tp++ = (term_pair){ pp->rowcps[k], (uint32_t)r->low, pp->seen[pp->rowcps[k]].cnt,
				     pp->seen[pp->rowcps[k]].head };
	for (size_t k = 0; k < pp->nbig; k++)
		*tp++ = (term_pair){ pp->big[k].cp, (uint32_t)r->low, pp->big[k].n, pp->big[k].head };
	pp->npairs = (size_t)(tp - pp->pairs);
	pp->nrowcps = pp->nbig = 0;
	if (++pp->gen == 0) {           /* wrapped: forget every stamp */
		memset(pp->seen, 0, SEEN_CPS * sizeof *pp->seen);
		pp->gen = 1;
	}
	UTIL_PUSH(pk->rows, pk->nrows, pk->cap, *r);
}

static void put_u32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, sizeof v);
}

static uint32_t get_u32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* The counts of the keys present (their bits in present) become where
 * each key's pairs start; returns how many keys there are. Only the keys
 * present are walked: no 64K prefix sums. */
/* A row's count in a list (schema 11): its weighted count n, twice, one
 * more when some of its hits are in a header line, then how many are
 * there (head): so its hits, n - 3 * head, are known without its text
 * (see ranked_new). Most rows have none there: a byte as before. */
static inline unsigned char *put_count(unsigned char *p, uint32_t n, uint32_t head)
{
	p = util_put_varint(p, n << 1 | (head != 0));
	return head ? util_put_varint(p, head) : p;
}

static size_t pairs_starts(uint32_t *cnt, const uint64_t *present)
{
	uint32_t at = 0;
	size_t keys = 0;
	for (uint32_t w = 0; w < SEEN_CPS / 64; w++)
		for (uint64_t bits = present[w]; bits; bits &= bits - 1) {
			uint32_t k = w << 6 | (uint32_t)__builtin_ctzll(bits), c = cnt[k];
			cnt[k] = at;
			at += c;
			keys++;
		}
	return keys;
}

/* Zeroes the counts of the keys present and the bits that mark them. */
static void pairs_clear(uint32_t *cnt, uint64_t *present)
{
	for (uint32_t w = 0; w < SEEN_CPS / 64; w++) {
		for (uint64_t bits = present[w]; bits; bits &= bits - 1)
			cnt[w << 6 | (uint32_t)__builtin_ctzll(bits)] = 0;
		present[w] = 0;
	}
}

/* The pairs of pk (pk->bis) sorted by (first, second, row): two passes
 * of a stable counting sort, by the second code point into pp->sorting
 * then by the first back (stable, so the rows, in order in pk, stay
 * so). Both passes' counts are taken in one read of the pairs. Returns
 * how many first code points there are. */
static size_t pairs_sort(prep *pp, packet *pk)
{
	size_t n = pk->nbis;
	if (pp->sortcap < n + 1)
		util_grow((void **)&pp->sorting, &pp->sortcap, n + 1, sizeof *pp->sorting);
	if (pp->sortposcap < n + 1)
		util_grow((void **)&pp->sorting_pos, &pp->sortposcap, n + 1, sizeof *pp->sorting_pos);
	uint32_t *second = pp->bucket[0], *first = pp->bucket[1];
	uint64_t *has_second = pp->present[0], *has_first = pp->present[1];
	const pair_seen *v = pk->bis;
	for (size_t i = 0; i < n; i++) {
		uint32_t b = (uint32_t)(v[i] >> 32) & 0xFFFF, a = (uint32_t)(v[i] >> 48);
		if (second[b]++ == 0)
			has_second[b >> 6] |= (uint64_t)1 << (b & 63);
		if (first[a]++ == 0)
			has_first[a >> 6] |= (uint64_t)1 << (a & 63);
	}
	pairs_starts(second, has_second);
	size_t nfirst = pairs_starts(first, has_first);
	pair_seen *to = pp->sorting;
	uint32_t *pos = pk->bipos, *to_pos = pp->sorting_pos;
	for (size_t i = 0; i < n; i++) {
		uint32_t d = second[(uint32_t)(v[i] >> 32) & 0xFFFF]++;
		to[d] = v[i];
		to_pos[d] = pos[i];
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t d = first[to[i] >> 48]++;
		pk->bis[d] = to[i];
		pos[d] = to_pos[i];
	}
	pairs_clear(second, has_second);
	pairs_clear(first, has_first);
	return nfirst;
}

static int big_pair_cmp(const void *a, const void *b)
{
	const term_pair *x = a, *y = b;
	if (x->cp != y->cp)
		return x->cp < y->cp ? -1 : 1;
	return x->low < y->low ? -1 : x->low > y->low;
}

/* The issue's row of issue_terms (see TERMS_HEAD) from its rows and the
 * pairs row_end gathered, made by the thread that parsed it: the pairs
 * sorted by code point with a counting sort (rows stay in order; the
 * code points present come in order out of a bitmap, not from a qsort
 * of them), those beyond the BMP (after every other) by qsort; its
 * lists of pairs written with its row of pair_pos, in one walk of the
 * pairs' occurrences (pairpos_make_counted: walked once for each, they
 * took 235M instructions of 40 issues' 2,822M). */
static void terms_make(terms_work *tw, util_buf pos_scratch[2], packet *pk)
{
	uint32_t nrows = 0;
	for (size_t i = 0; i < pk->nrows; i++)
		if ((uint32_t)pk->rows[i].low + 1 > nrows)
			nrows = (uint32_t)pk->rows[i].low + 1;
	size_t nbig = 0;
	for (size_t i = 0; i < pk->npairs; i++) {
		uint32_t c = pk->pairs[i].cp;
		if (c >= SEEN_CPS) {
			nbig++;
			continue;
		}
		uint64_t bit = (uint64_t)1 << (c & 63);
		if (tw->present[c >> 6] & bit) {
			tw->ipos[c]++;
		} else {
			tw->present[c >> 6] |= bit;
			tw->ipos[c] = 1;
		}
	}
	/* each code point's count becomes where its pairs start */
	util_grow((void **)&tw->sorted, &tw->sortcap, pk->npairs + 1, sizeof *tw->sorted);
	size_t at = 0, ntok = 0;        /* the code points: those of the BMP counted here */
	for (uint32_t w = 0; w < SEEN_CPS / 64; w++) {
		for (uint64_t bits = tw->present[w]; bits; bits &= bits - 1) {
			uint32_t c = w << 6 | (uint32_t)__builtin_ctzll(bits);
			uint32_t n = tw->ipos[c];
			tw->ipos[c] = (uint32_t)at;
			at += n;
			ntok++;
		}
		tw->present[w] = 0;
	}
	size_t bigat = at;
	for (size_t i = 0; i < pk->npairs; i++) {
		uint32_t c = pk->pairs[i].cp;
		tw->sorted[c >= SEEN_CPS ? bigat++ : tw->ipos[c]++] = pk->pairs[i];
	}
	if (nbig > 1)
		qsort(tw->sorted + at, nbig, sizeof *tw->sorted, big_pair_cmp);
	for (size_t i = at; i < pk->npairs; i++)
		ntok += i == at || tw->sorted[i].cp != tw->sorted[i - 1].cp;
	size_t nfirst = pk->nfirsts;

	util_buf *b = &pk->terms;
	size_t firsts = TERMS_HEAD + (size_t)nrows * TERMS_ROW + (ntok + 1) * TERMS_TOKEN;
	size_t head = firsts + (nfirst + 1) * TERMS_TOKEN;
	/* a (code point, row) takes three varints, at most 15 bytes; an
	 * occurrence of a pair at most as much, and the pair's head too */
	util_grow((void **)&b->data, &b->cap, head + 15 * pk->npairs + 30 * pk->nbis + 16, 1);
	memset(b->data, 0, head);
	b->len = head;
	put_u32((unsigned char *)b->data + 8, nrows);
	put_u32((unsigned char *)b->data + 12, (uint32_t)ntok);
	put_u32((unsigned char *)b->data + 16, (uint32_t)nfirst);
	unsigned char *base = (unsigned char *)b->data, *tok = base + TERMS_HEAD + (size_t)nrows * TERMS_ROW;
	unsigned char *out = base + head;
	uint32_t prev_low = 0;
	for (size_t i = 0; i < pk->npairs; i++) {
		const term_pair *tp = &tw->sorted[i];
		if (i == 0 || tp->cp != tw->sorted[i - 1].cp) {
			if (i)
				tok += TERMS_TOKEN;
			put_u32(tok, tp->cp);
			put_u32(tok + 4, (uint32_t)(out - base));
			prev_low = 0;
		}
		out = util_put_varint(out, tp->low - prev_low);
		out = put_count(out, tp->n, tp->head);
		prev_low = tp->low + 1;
	}
	/* the end of the last list: an entry past the last */
	if (ntok)
		tok += TERMS_TOKEN;
	put_u32(tok, UINT32_MAX);
	put_u32(tok + 4, (uint32_t)(out - base));
	/* the lists of pairs (see TERMS_HEAD) and the issue's row of
	 * pair_pos in one walk of its pairs (sorted by pairs_sort) */
	pairpos_counts pc = { base + firsts, base, out, 0 };
	pairpos_make_counted(pk->bis, pk->bipos, pk->nbis, &pk->pos, pos_scratch, &pc);
	out = pc.out;
	b->len = (size_t)(out - base);
	for (size_t i = 0; i < pk->nrows; i++) {
		const prow *r = &pk->rows[i];
		unsigned char *e = (unsigned char *)b->data + TERMS_HEAD + (size_t)r->low * TERMS_ROW;
		put_u32(e, (uint32_t)r->nfolded);
		put_u32(e + 4, (uint32_t)b->len);
		uint16_t nb = (uint16_t)r->nbloom;
		memcpy(e + 8, &nb, sizeof nb);
		e[10] = (unsigned char)((r->same ? TERMS_SAME : 0) | r->splits << 1);
		util_buf_add(b, pk->aux.data + r->bloom, r->nbloom);
	}
}

static void make_rows(prep *pp, packet *pk)
{
	const doc_issue *issue = pk->issue;
	size_t narticles = pk->narticles;
	indexed_ready();
	if (++pp->gen == 0) {
		memset(pp->seen, 0, SEEN_CPS * sizeof *pp->seen);
		pp->gen = 1;
	}
	pp->nhashes = pp->nrowcps = pp->nbig = pp->npairs = pp->nbis = 0;
	if (!pp->bloom_all)
		pp->bloom_all = util_calloc(BLOOM_MAX_BITS / 8, 1);
	util_grow((void **)&pk->body.data, &pk->body.cap, pp->last_body, 1);
	util_grow((void **)&pk->folded.data, &pk->folded.cap, pp->last_folded, 1);
	util_grow((void **)&pk->aux.data, &pk->aux.cap, pp->last_aux, 1);
	util_grow((void **)&pk->rows, &pk->cap, pp->last_rows, sizeof *pk->rows);
	prow r;
	/* the rowids grow: the articles first to last, then the pages' own
	 * text. FTS5 flushes its pending terms to a new segment whenever a
	 * rowid is not above the last one (one segment per article, merged
	 * over and over, made the index build 3.5 times slower) */
	for (size_t i = 0; i < narticles; i++) {
		const doc_article *a = doc_article_at(issue, i);
		row_start(pk, &r, (int64_t)i, a);
		pp->low = (uint32_t)r.low;
		pp->cpos = 0;
		r.page = doc_page_number(issue, a->page);
		r.number = (int64_t)i;
		/* a hit in the kicker, headline or subtitle (lines 1-3)
		 * weighs 4, as in weighted_tf */
		for (uint32_t e = 0; e < doc_article_nelements(a); e++)
			row_line(pp, pk, doc_element_text(issue, a, e), e >= 1 && e <= 3 ? 4 : 1);
		row_end(pp, pk, &r);
	}
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		if (pg->ncaptions + pg->nbanners == 0 || narticles + p > MAX_ARTICLE)
			continue;
		row_start(pk, &r, (int64_t)(narticles + p), NULL);
		pp->low = (uint32_t)r.low;
		pp->cpos = 0;
		r.page = doc_page_number(issue, (uint32_t)p);
		r.number = -1 - (int64_t)p;
		r.first_caption = pg->first_caption;
		r.ncaptions = pg->ncaptions;
		r.first_banner = pg->first_banner;
		for (uint32_t c = 0; c < pg->ncaptions; c++)
			row_line(pp, pk, *doc_page_caption_at(issue, pg->first_caption + c), 1);
		for (uint32_t b = 0; b < pg->nbanners; b++)
			row_line(pp, pk, *doc_banner_at(issue, pg->first_banner + b), 1);
		row_end(pp, pk, &r);
	}
	pk->pairs = pp->pairs;
	pk->npairs = pp->npairs;
	pp->pairs = util_malloc((pp->paircap ? pp->paircap : 1) * sizeof *pp->pairs);
	pp->npairs = 0;
	pp->last_body = pk->body.len + 1;
	pp->last_folded = pk->folded.len + 1;
	pp->last_aux = pk->aux.len + 1;
	pp->last_rows = pk->nrows;
	pk->bis = pp->bis;
	pk->bipos = pp->bipos;
	pk->nbis = pp->nbis;
	/* sorted here: the storing thread, with the issue's lists to make
	 * and SQLite, had become the slower of the two */
	pk->nfirsts = pairs_sort(pp, pk);
	/* the next issue's as big (grown from nothing, it was copied over
	 * and over) */
	pp->bis = util_malloc((pp->biscap ? pp->biscap : 1) * sizeof *pp->bis);
	pp->bipos = util_malloc((pp->biposcap ? pp->biposcap : 1) * sizeof *pp->bipos);
	pp->nbis = 0;
}

/* Reads and parses the issue of job->todo[k] and makes its rows: all
 * that indexing it does besides SQLite, so that another thread may do
 * it (it reads the job's list, writes nothing of the job's). */
static packet *prepare(const library_job *job, prep *pp, size_t k)
{
	const todo *t = &job->todo[k];
	const shelf_issue *is = &job->found.items[t->item];
	packet *pk = util_calloc(1, sizeof *pk);
	pk->todo = k;
	char err[1024];
	/* the pages' script is neither stored nor shown here (the reader
	 * loads the issue again) */
	/* the fingerprint as the loader took it (doc_issue_fingerprint of
	 * the issue hashed the same pages again) */
	pk->issue = issue_load_flags(is->path, NULL, PARSE_NO_SCRIPT, &pk->fingerprint, err, sizeof err);
	if (!pk->issue) {
		pk->kind = PACKET_FAILED;
		pk->err = util_strdup(err);
		return pk;
	}
	if (t->old && t->old->fingerprint == pk->fingerprint) {
		pk->kind = PACKET_TOUCHED;
		return pk;
	}
	pk->kind = PACKET_ROWS;
	header_names(pk->issue, &pk->paper, pk->date);
	if (!pk->date[0])
		memcpy(pk->date, is->date, sizeof pk->date);
	pk->narticles = doc_narticles(pk->issue);
	if (pk->narticles > MAX_ARTICLE) {
		pk->cut = true;
		pk->narticles = MAX_ARTICLE;
	}
	make_rows(pp, pk);
	/* its row of issue_terms made here too (it was a quarter of the
	 * storing thread's work besides SQLite); what it was made of is
	 * not needed any more */
	terms_make(&pp->terms, pp->pos_scratch, pk);
	free(pk->pairs);
	free(pk->bis);
	free(pk->bipos);
	pk->pairs = NULL;
	pk->bis = NULL;
	pk->bipos = NULL;
	return pk;
}

static void packet_free(packet *pk)
{
	if (!pk)
		return;
	doc_issue_free(pk->issue);
	free(pk->err);
	free(pk->paper);
	free(pk->rows);
	free(pk->pairs);
	free(pk->bis);
	free(pk->bipos);
	util_buf_free(&pk->pos);
	util_buf_free(&pk->body);
	util_buf_free(&pk->folded);
	util_buf_free(&pk->aux);
	util_buf_free(&pk->terms);
	free(pk);
}

/* ---- the issues ahead, in threads of their own ---- */

/* While the calling thread stores an issue in SQLite, PARSERS threads
 * read and parse the next ones and make their rows (prepare), at most
 * AHEAD of them past the one it waits for; SQLite is used by the
 * calling thread only. A commit (FTS5 writing a segment and merging)
 * keeps the calling thread away for a while: with 3 ahead the
 * parsing stood idle then; an issue of the benchmark's library takes
 * about 1 MB ahead. One thread parsing was the slower of the two (3.7
 * s of CPU in a full build of the bench's library against the storing
 * thread's 3.4 s, commits included), so on two cores or more two
 * threads parse, each its own issues, handed over in the list's order. */
enum { AHEAD = 12, PARSERS = 2 };

typedef struct parser {
	pthread_t thread;
	library_job *job;
	prep pp;
} parser;

struct ahead {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	packet *ready[AHEAD];           /* issue k's at k % AHEAD once made */
	size_t next;                    /* the next issue a thread takes up */
	size_t taken;                   /* the next one handed over */
	bool stop;
	size_t nparsers;
	parser parsers[PARSERS];
};

static void *ahead_run(void *arg)
{
	parser *me = arg;
	library_job *job = me->job;
	ahead *ah = job->ahead;
	pthread_mutex_lock(&ah->mu);
	for (;;) {
		/* issue k's slot is free once k - AHEAD is handed over */
		while (!ah->stop && ah->next < job->ntodo && ah->next >= ah->taken + AHEAD)
			pthread_cond_wait(&ah->cv, &ah->mu);
		if (ah->stop || ah->next >= job->ntodo)
			break;
		size_t k = ah->next++;
		pthread_mutex_unlock(&ah->mu);
		packet *pk = prepare(job, &me->pp, k);
		pthread_mutex_lock(&ah->mu);
		ah->ready[k % AHEAD] = pk;
		pthread_cond_broadcast(&ah->cv);
	}
	pthread_mutex_unlock(&ah->mu);
	return NULL;
}

/* A helper thread of the index job: signals stay the calling thread's
 * (a fault of the helper's own, such as SIGBUS from a page cut short,
 * stays its own). pthread_create's result. */
static int thread_start_quiet(pthread_t *thread, void *(*run)(void *), void *arg)
{
	sigset_t all, old;
	sigfillset(&all);
	sigdelset(&all, SIGBUS);
	sigdelset(&all, SIGSEGV);
	sigdelset(&all, SIGFPE);
	sigdelset(&all, SIGILL);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = pthread_create(thread, NULL, run, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* The next packet from the threads that parse, waiting for it until
 * the monotonic clock reads deadline_ns (UINT64_MAX: as long as it
 * takes); NULL when it was not ready by then. */
static packet *ahead_take(ahead *ah, uint64_t deadline_ns)
{
	struct timespec until = { (time_t)(deadline_ns / 1000000000u), (long)(deadline_ns % 1000000000u) };
	pthread_mutex_lock(&ah->mu);
	packet **slot = &ah->ready[ah->taken % AHEAD];
	while (!*slot) {
		if (deadline_ns == UINT64_MAX) {
			pthread_cond_wait(&ah->cv, &ah->mu);
		} else if (pthread_cond_timedwait(&ah->cv, &ah->mu, &until) != 0 && !*slot) {
			pthread_mutex_unlock(&ah->mu);
			return NULL;
		}
	}
	packet *pk = *slot;
	*slot = NULL;
	ah->taken++;
	pthread_cond_broadcast(&ah->cv);
	pthread_mutex_unlock(&ah->mu);
	return pk;
}

/* Stops and joins the threads that parse (the first n started), frees
 * what they made and was not taken. */
static void ahead_free(library_job *job, size_t n)
{
	ahead *ah = job->ahead;
	pthread_mutex_lock(&ah->mu);
	ah->stop = true;
	pthread_cond_broadcast(&ah->cv);
	pthread_mutex_unlock(&ah->mu);
	for (size_t i = 0; i < n; i++)
		pthread_join(ah->parsers[i].thread, NULL);
	for (size_t i = 0; i < ah->nparsers; i++)
		prep_free(&ah->parsers[i].pp);
	for (size_t i = 0; i < AHEAD; i++)
		packet_free(ah->ready[i]);
	pthread_mutex_destroy(&ah->mu);
	pthread_cond_destroy(&ah->cv);
	free(ah);
	job->ahead = NULL;
}

bool library_index_ahead(library_job *job)
{
	if (job->ahead || job->ntodo - job->next < 2)
		return false;
	/* the parser's tables made first: the calling thread may load an
	 * issue meanwhile (the library view's reader) */
	issue_threads_ready();
	ahead *ah = util_calloc(1, sizeof *ah);
	ah->next = ah->taken = job->next;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	ah->nparsers = cpus >= 2 ? PARSERS : 1;
	pthread_mutex_init(&ah->mu, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&ah->cv, &ca);
	pthread_condattr_destroy(&ca);
	for (size_t i = 0; i < ah->nparsers; i++) {
		ah->parsers[i].job = job;
		prep_init(&ah->parsers[i].pp);
	}
	job->ahead = ah;
	size_t started = 0;
	while (started < ah->nparsers &&
	       thread_start_quiet(&ah->parsers[started].thread, ahead_run, &ah->parsers[started]) == 0)
		started++;
	if (started < ah->nparsers) {
		/* all or none: issues taken up by a thread not started would
		 * never come */
		ahead_free(job, started);
		return false;
	}
	return true;
}

static void ahead_stop(library_job *job)
{
	if (job->ahead)
		ahead_free(job, job->ahead->nparsers);
}

/* ---- storing an issue (SQLite: the calling thread only) ---- */

static void bind_str(sqlite3_stmt *st, int i, doc_str s)
{
	if (s.len)
		sqlite3_bind_text(st, i, s.s, (int)s.len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void row_insert(library_job *job, const packet *pk, const prow *r, int64_t base,
		       int64_t id)
{
	static const doc_str none = { 0 };
	const doc_article *a = r->a;
	const char *body = pk->body.data ? pk->body.data + r->body : "";
	const char *folded = pk->folded.data ? pk->folded.data + r->folded : "";
	sqlite3_stmt *st = job->ins_article;
	sqlite3_bind_int64(st, 1, base | r->low);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 3, r->page);
	sqlite3_bind_int64(st, 4, r->number);
	bind_str(st, 5, a ? a->field[DOC_F_HEADLINE] : none);
	bind_str(st, 6, a ? a->field[DOC_F_BYLINE] : none);
	bind_str(st, 7, a ? a->field[DOC_F_KICKER] : none);
	bind_str(st, 8, a ? a->field[DOC_F_SUBTITLE] : none);
	sqlite3_bind_text(st, 9, body, (int)r->nbody, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, r->same ? "" : folded, r->same ? 0 : (int)r->nfolded, SQLITE_STATIC);
	if (a) {
		for (int i = 11; i <= 13; i++)
			sqlite3_bind_null(st, i);
	} else {
		sqlite3_bind_int64(st, 11, r->ncaptions);
		sqlite3_bind_int64(st, 12, r->first_caption);
		sqlite3_bind_int64(st, 13, r->first_banner);
	}
	step_ok(job, st);
	st = job->ins_fts;
	sqlite3_bind_int64(st, 1, base | r->low);
	sqlite3_bind_text(st, 2, folded, (int)r->nfolded, SQLITE_STATIC);
	library *lib = job->lib;
	lib->replay = (const unsigned char *)pk->aux.data + r->toks;
	lib->nreplay = r->ntoks;
	lib->replay_doc = r->nfolded;
	step_ok(job, st);
	lib->replay = NULL;
}

static inline bool list_step(const unsigned char **p, const unsigned char *end, uint32_t nrows,
			     uint32_t *low, uint32_t *count, uint32_t *head);

/* The class of a row's size in the bucket of a segment's list (see
 * seg_bucket_of): the size of its fold by quarters of powers of two. */
static uint32_t seg_size_class(uint32_t bytes)
{
	uint32_t bc = bytes;
	if (bytes >= 8) {
		uint32_t lg = 31 - (uint32_t)__builtin_clz(bytes);
		bc = 4 * lg + ((bytes >> (lg - 2)) & 3);
	}
	return bc;
}

/* Issue iid's lists of code points and of pairs, from its row of
 * issue_terms (t, made by terms_make), kept for the transaction's
 * segment as chunks (the bytes of each list copied as they are) and
 * the sizes of its rows. */
static void seg_add(seg_work *w, int64_t iid, const unsigned char *t)
{
	uint32_t nrows = get_u32(t + 8), ntok = get_u32(t + 12), nfirst = get_u32(t + 16);
	/* the lists start where the first code point's does, the pairs' end
	 * where the entry past the last first code point says */
	const unsigned char *tok = t + TERMS_HEAD + (size_t)nrows * TERMS_ROW;
	const unsigned char *first = tok + ((size_t)ntok + 1) * TERMS_TOKEN;
	/* the lists of code points, then those of pairs: one copy */
	uint32_t from = get_u32(tok + 4), to = get_u32(first + (size_t)nfirst * TERMS_TOKEN + 4);
	uint32_t off = (uint32_t)w->bytes.len, issue = (uint32_t)w->nissues;
	util_buf_add(&w->bytes, t + from, to - from);
	seg_issue si = { .iid = iid, .sizes = (uint32_t)(w->sizes.len / sizeof(uint64_t)), .nrows = nrows };
	UTIL_PUSH(w->issues, w->nissues, w->icap, si);
	/* each row's size, and its class (seg_size_class) above it */
	util_grow((void **)&w->sizes.data, &w->sizes.cap, w->sizes.len + (size_t)nrows * sizeof(uint64_t) + 1, 1);
	for (uint32_t i = 0; i < nrows; i++) {
		uint32_t bytes = get_u32(t + TERMS_HEAD + (size_t)i * TERMS_ROW);
		uint64_t v = (uint64_t)seg_size_class(bytes) << 32 | bytes;
		memcpy(w->sizes.data + w->sizes.len, &v, sizeof v);
		w->sizes.len += sizeof v;
	}
	seg_chunks *k = &w->ch[0];
	for (uint32_t i = 0; i < ntok; i++, tok += TERMS_TOKEN) {
		uint32_t at = get_u32(tok + 4);
		seg_chunk ch = { get_u32(tok), issue, off + (at - from), get_u32(tok + TERMS_TOKEN + 4) - at };
		UTIL_PUSH(k->v, k->n, k->cap, ch);
	}
	/* each first code point's group: for each second one, its distance
	 * from the one before, the bytes of its list, the list */
	k = &w->ch[1];
	for (uint32_t i = 0; i < nfirst; i++, first += TERMS_TOKEN) {
		uint32_t a = get_u32(first), second = 0, d, len;
		const unsigned char *p = t + get_u32(first + 4), *end = t + get_u32(first + TERMS_TOKEN + 4);
		while (p < end && util_get_varint(&p, end, &d) && util_get_varint(&p, end, &len) &&
		       len <= (size_t)(end - p)) {
			second += d;
			seg_chunk ch = { a << 16 | second, issue, off + (uint32_t)(p - t - from), len };
			UTIL_PUSH(k->v, k->n, k->cap, ch);
			p += len;
		}
	}
}

/* Sorts the chunks v[0, n) by key, stable (the issues stay in the order
 * stored): a counting sort by the low 16 bits of the key, then by the
 * high 16 when they differ, through w->tmpch (the counts of the
 * keys present only walked, as terms_make). */
static void chunks_sort(seg_work *w, seg_chunk *v, size_t n)
{
	if (w->tmpchcap < n + 1)
		util_grow((void **)&w->tmpch, &w->tmpchcap, n + 1, sizeof *w->tmpch);
	if (!w->present) {
		w->present = util_calloc(SEEN_CPS / 64, sizeof *w->present);
		w->at = util_malloc(SEEN_CPS * sizeof *w->at);
	}
	uint64_t *present = w->present;
	uint32_t *at = w->at;
	uint32_t hi_or = 0, hi_and = UINT32_MAX;
	for (size_t i = 0; i < n; i++) {
		hi_or |= v[i].key >> 16;
		hi_and &= v[i].key >> 16;
	}
	seg_chunk *from = v, *to = w->tmpch;
	for (int shift = 0; shift < 32; shift += 16) {
		if (shift && hi_or == hi_and)
			break;
		for (size_t i = 0; i < n; i++) {
			uint32_t c = from[i].key >> shift & 0xFFFF;
			uint64_t bit = (uint64_t)1 << (c & 63);
			if (present[c >> 6] & bit) {
				at[c]++;
			} else {
				present[c >> 6] |= bit;
				at[c] = 1;
			}
		}
		pairs_starts(at, present);
		memset(present, 0, SEEN_CPS / 64 * sizeof *present);
		for (size_t i = 0; i < n; i++)
			to[at[from[i].key >> shift & 0xFFFF]++] = from[i];
		seg_chunk *t = from;
		from = to;
		to = t;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
}

/* Removes the segments no issue is in any more (their rows of
 * cp_lists and pair_lists by their range of keys: a scan of the table
 * read its 16 MB of lists). */
static void seg_drop_dead(library_job *job)
{
	sqlite3_stmt *dead = prepare_st(job->lib, "SELECT seg FROM cp_segs WHERE seg NOT IN "
					"(SELECT seg FROM issue_seg)");
	int64_t *segs = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(dead) == SQLITE_ROW)
		UTIL_PUSH(segs, n, cap, sqlite3_column_int64(dead, 0));
	sqlite3_finalize(dead);
	sqlite3_stmt *del[2] = { prepare_st(job->lib, "DELETE FROM cp_lists WHERE key BETWEEN ?1 AND ?2"),
				 prepare_st(job->lib, "DELETE FROM pair_lists WHERE key BETWEEN ?1 AND ?2") };
	sqlite3_stmt *del_seg = prepare_st(job->lib, "DELETE FROM cp_segs WHERE seg = ?1");
	sqlite3_stmt *del_pos = prepare_st(job->lib, "DELETE FROM pos_segs WHERE key BETWEEN ?1 AND ?2");
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 2; k++) {
			int bits = job->segkind[k].bits;
			sqlite3_bind_int64(del[k], 1, segs[i] << bits);
			sqlite3_bind_int64(del[k], 2, ((segs[i] + 1) << bits) - 1);
			step_ok(job, del[k]);
		}
		sqlite3_bind_int64(del_pos, 1, segs[i] << POS_SEG_BITS);
		sqlite3_bind_int64(del_pos, 2, ((segs[i] + 1) << POS_SEG_BITS) - 1);
		step_ok(job, del_pos);
		sqlite3_bind_int64(del_seg, 1, segs[i]);
		step_ok(job, del_seg);
	}
	sqlite3_finalize(del[0]);
	sqlite3_finalize(del[1]);
	sqlite3_finalize(del_seg);
	sqlite3_finalize(del_pos);
	free(segs);
}

/* The bucket of a row in a segment's list (see seg_flush): its weighted
 * count (exact below 16, then by powers of two) and the size of its
 * fold (by quarters of powers of two), so that a bucket's best score
 * (its highest count, its smallest size) is near each of its rows'.
 * At most 43 << 8 | 127 (below keys_sort's SEG_BUCKETS). */
/* (the size's class, seg_size_class, taken once a row by seg_add: a
 * row stands in hundreds of lists) */
static inline uint32_t seg_bucket_of(uint32_t count, uint32_t size_class)
{
	uint32_t tc = count < 16 ? count : 12 + (31 - (uint32_t)__builtin_clz(count));
	return tc << 8 | size_class;
}

/* The list of a code point or a pair in a segment: the rows v[0, n) (in
 * the order stored: issue by issue, rows in order) into w->blob:
 *   a varint of the issues holding c, and for each its id, its rows
 *   holding c and the sum of their sizes (varints: bm25's average size
 *   is known before any row is read);
 *   a varint of the buckets, and for each (seg_bucket) the highest
 *   count and the smallest size of its rows, their number and the
 *   bytes they take (varints);
 *   the rows, bucket by bucket, in the order stored: the issue (its
 *   place in the list of issues), the row and its count as in
 *   issue_terms (put_count), varints.
 * A ranked query walks the buckets best first and stops where no row
 * left can enter the best it keeps (see rows_of_segs). */
/* Sorts the keys k[0, n) by their bucket (the bits above the low 32,
 * see seg_bucket: below SEG_BUCKETS), stable; returns where they are
 * sorted, k or *tmp. An insertion sort of a few, else a counting sort
 * of the whole bucket in one pass through *tmp, the counts of the
 * buckets present walked by their bits (two passes of a byte each, and
 * their two tables of 256 counts summed, took twice the instructions;
 * a qsort of every list's rows was 1.2G instructions of merging 150
 * issues). */
enum { SEG_BUCKETS = 1 << 14 };

static uint64_t *keys_sort(uint64_t *k, size_t n, uint64_t **tmp, size_t *cap)
{
	if (n < 32) {
		for (size_t i = 1; i < n; i++) {
			uint64_t x = k[i];
			size_t j = i;
			for (; j > 0 && k[j - 1] >> 32 > x >> 32; j--)
				k[j] = k[j - 1];
			k[j] = x;
		}
		return k;
	}
	/* each thread's own (the segment thread's, the storing thread's at
	 * the end), zero between calls */
	static _Thread_local uint32_t at[SEG_BUCKETS];
	static _Thread_local uint64_t has[SEG_BUCKETS / 64];
	uint32_t wlo = SEG_BUCKETS / 64, whi = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t b = (uint32_t)(k[i] >> 32), wd = b >> 6;
		uint64_t bit = (uint64_t)1 << (b & 63);
		if (has[wd] & bit) {
			at[b]++;
		} else {
			has[wd] |= bit;
			at[b] = 1;
			wlo = wd < wlo ? wd : wlo;
			whi = wd > whi ? wd : whi;
		}
	}
	uint32_t pos = 0, nb = 0;
	for (uint32_t wd = wlo; wd <= whi; wd++) {
		for (uint64_t bits = has[wd]; bits; bits &= bits - 1, nb++) {
			uint32_t b = wd << 6 | (uint32_t)__builtin_ctzll(bits), c = at[b];
			at[b] = pos;
			pos += c;
		}
		has[wd] = 0;
	}
	if (nb == 1)
		return k;               /* one bucket: in order */
	if (*cap < n)
		util_grow((void **)tmp, cap, n, sizeof **tmp);
	uint64_t *to = *tmp;
	for (size_t i = 0; i < n; i++)
		to[at[(uint32_t)(k[i] >> 32)]++] = k[i];
	return to;
}

/* Room for n more bytes in b's data; where they go. */
static unsigned char *room(util_buf *b, size_t n)
{
	if (b->cap < n + 1)
		util_grow((void **)&b->data, &b->cap, n + 1, 1);
	b->len = 0;
	return (unsigned char *)b->data;
}

/* The rows of the chunks v[0, n) (one key's, issue by issue) decoded
 * into w->ents with their sizes and their issue's place in the list,
 * their buckets into w->keys, and the list's issues written into
 * w->parts[0] (seg_list's input); returns how many issues hold rows. */
static uint32_t seg_rows(seg_work *w, const seg_chunk *v, size_t n)
{
	/* a row takes two bytes at least */
	size_t most = 1;
	for (size_t i = 0; i < n; i++)
		most += v[i].len / 2 + 1;
	if (w->entcap < most)
		util_grow((void **)&w->ents, &w->entcap, most, sizeof *w->ents);
	if (w->keycap < most)
		util_grow((void **)&w->keys, &w->keycap, most, sizeof *w->keys);
	seg_entry *ents = w->ents;
	uint64_t *keys = w->keys;
	const unsigned char *bytes = (const unsigned char *)w->bytes.data;
	const uint64_t *sizes = (const uint64_t *)(void *)w->sizes.data;
	/* a varint takes 5 bytes at most: 3 an issue */
	unsigned char *is = room(&w->parts[0], 15 * n), *io = is;
	uint32_t nis = 0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const seg_issue *si = &w->issues[v[i].issue];
		const unsigned char *p = bytes + v[i].at, *end = p + v[i].len;
		seg_entry se = { .place = nis };
		uint64_t sum = 0;
		size_t first = k;
		for (; list_step(&p, end, si->nrows, &se.low, &se.count, &se.head); se.low++) {
			uint64_t sz = sizes[si->sizes + se.low];
			se.bytes = (uint32_t)sz;
			sum += se.bytes;
			keys[k] = (uint64_t)seg_bucket_of(se.count, (uint32_t)(sz >> 32)) << 32 | k;
			ents[k++] = se;
		}
		if (k == first)
			continue;
		io = util_put_varint(util_put_varint(util_put_varint(io, (uint32_t)si->iid), (uint32_t)(k - first)),
				     sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum);
		nis++;
	}
	w->nents = k;
	w->parts[0].len = (size_t)(io - is);
	return nis;
}

/* The list (see above) of the rows seg_rows decoded, of nis issues. */
static void seg_list(seg_work *w, uint32_t nis)
{
	size_t n = w->nents;
	const seg_entry *v = w->ents;
	const uint64_t *keys = keys_sort(w->keys, n, &w->tmp, &w->tmpcap);
	/* a varint takes 5 bytes at most: 4 a bucket, 4 a row */
	unsigned char *bk = room(&w->parts[1], 20 * n), *bo = bk;
	unsigned char *rw = room(&w->parts[2], 20 * n), *ro = rw;
	uint32_t nb = 0;
	for (size_t k = 0; k < n; nb++) {
		uint32_t key = (uint32_t)(keys[k] >> 32), top = 0, least = UINT32_MAX, cnt = 0;
		unsigned char *from = ro;
		for (; k < n && (uint32_t)(keys[k] >> 32) == key; k++, cnt++) {
			const seg_entry *se = &v[(uint32_t)keys[k]];
			top = se->count > top ? se->count : top;
			least = se->bytes < least ? se->bytes : least;
			ro = put_count(util_put_varint(util_put_varint(ro, se->place), se->low), se->count, se->head);
		}
		bo = util_put_varint(util_put_varint(util_put_varint(util_put_varint(bo, top), least), cnt),
				     (uint32_t)(ro - from));
	}
	const unsigned char *is = (const unsigned char *)w->parts[0].data;
	size_t nio = w->parts[0].len;
	unsigned char *o = room(&w->blob, 10 + nio + (size_t)(bo - bk) + (size_t)(ro - rw));
	unsigned char *start = o;
	o = util_put_varint(o, nis);
	memcpy(o, is, nio);
	o = util_put_varint(o + nio, nb);
	memcpy(o, bk, (size_t)(bo - bk));
	o += bo - bk;
	memcpy(o, rw, (size_t)(ro - rw));
	o += ro - rw;
	w->blob.len = (size_t)(o - start);
}

/* Writes the lists of code points and of pairs of the issues this
 * transaction stored as a segment of cp_lists and of pair_lists: a row
 * per code point (its key the segment << SEG_CP_BITS | the code point)
 * and per pair (the segment << SEG_PAIR_BITS | a << 16 | b), its list
 * made by seg_list, and which issues the segment holds (issue_seg,
 * cp_segs). A ranked query of one character, or of two, reads a row a
 * segment instead of a list an issue (see rows_of_segs); an issue
 * indexed again or removed leaves its rows in its old segment, out of
 * use (its issue_seg row is its new segment's or none); a segment no
 * issue is in any more is removed here. */

/* Issues kept for a segment before it is written: a segment of each
 * transaction (a second's worth of issues) made 11 to 42 segments of a
 * full build of the bench's library, as the machine was loaded, and a
 * ranked query reads a row of each; an issue stored and not yet in a
 * segment is read from its row of issue_terms meanwhile. A run that
 * stores fewer than SEG_MIN issues leaves them in no segment; the run
 * that brings those to SEG_MIN makes them one (a segment of one issue
 * wrote 12,000 rows, and merging four of them cost 0.7G instructions). */
enum { SEG_ISSUES = 32, SEG_MIN = 4 };

/* Whether row t (len bytes) of issue_terms is whole enough for seg_add:
 * its entries within it, their lists in order. */
static bool terms_whole(const unsigned char *t, size_t len)
{
	if (len < TERMS_HEAD)
		return false;
	uint64_t nrows = get_u32(t + 8), ntok = get_u32(t + 12), nfirst = get_u32(t + 16);
	uint64_t at = TERMS_HEAD + nrows * TERMS_ROW, end = at + (ntok + nfirst + 2) * TERMS_TOKEN;
	if (end > len)
		return false;
	/* the lists of code points, then of pairs, one after another */
	uint32_t prev = (uint32_t)end;
	for (uint64_t k = 0; k < ntok + nfirst + 2; k++) {
		uint32_t o = get_u32(t + at + k * TERMS_TOKEN + 4);
		if (o < prev || o > len)
			return false;
		prev = o;
	}
	return true;
}

/* The issues stored before this job's and in no segment, kept for the
 * segment with this job's (read from their rows of issue_terms) when
 * there are SEG_MIN of them in all; false when there are fewer. */
static bool seg_gather(library_job *job)
{
	sqlite3_stmt *st = prepare_st(job->lib, "SELECT id FROM issues WHERE id NOT IN (SELECT issue FROM issue_seg)");
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	/* the issues of the segment the segment thread may still build
	 * (job->built, not written yet) are in it, not gathered */
	const seg_work *b = job->built;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		bool theirs = false;
		for (size_t k = 0; b && k < b->nissues && !theirs; k++)
			theirs = b->issues[k].iid == id;
		if (!theirs)
			UTIL_PUSH(ids, n, cap, id);
	}
	sqlite3_finalize(st);
	bool enough = n >= SEG_MIN;
	seg_work *w = job->fill;
	size_t kept = w->nissues;
	st = enough ? prepare_st(job->lib, "SELECT data FROM issue_terms WHERE id = ?1") : NULL;
	for (size_t i = 0; enough && i < n; i++) {
		bool mine = false;
		for (size_t k = 0; k < kept && !mine; k++)
			mine = w->issues[k].iid == ids[i];
		sqlite3_bind_int64(st, 1, ids[i]);
		const unsigned char *t;
		if (!mine && sqlite3_step(st) == SQLITE_ROW && (t = sqlite3_column_blob(st, 0)) != NULL &&
		    terms_whole(t, (size_t)sqlite3_column_bytes(st, 0)))
			seg_add(w, ids[i], t);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	free(ids);
	return enough;
}

/* The rows of pos_segs of a segment come from its issues' rows of
 * pair_pos (read back, those stored now and those gathered from small
 * segments alike: pos_seg_read, the storing thread), regrouped by
 * pair (pos_seg_build, with the segment's lists), and last its row of
 * issues (key seg << POS_SEG_BITS, their ids): none when a row is
 * missing; a segment without them has no lists there, and its issues'
 * are read from their rows of pair_pos. */
static void pos_seg_read(library_job *job, seg_work *w)
{
	pairpos_seg_clear(&w->pos);
	sqlite3_stmt *st = prepare_st(job->lib, "SELECT data FROM pair_pos WHERE id = ?1");
	bool all = w->nissues > 0;
	for (size_t i = 0; all && i < w->nissues; i++) {
		sqlite3_bind_int64(st, 1, w->issues[i].iid);
		all = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) >= PAIRPOS_HEAD;
		if (all)
			pairpos_seg_add(&w->pos, (uint32_t)w->issues[i].iid, sqlite3_column_blob(st, 0),
					(size_t)sqlite3_column_bytes(st, 0));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	w->pos_all = all;
}

/* The rows into w->posrows: each one's first code point (u32, 0 for
 * the row of issues), its bytes (u32), the bytes. */
static void pos_seg_build(seg_work *w)
{
	util_buf *o = &w->posrows;
	o->len = 0;
	if (!w->pos_all || !pairpos_seg_sort(&w->pos))
		return;
	uint32_t head[2];
	while (pairpos_seg_row(&w->pos, &head[0])) {
		head[1] = (uint32_t)w->pos.out.len;
		util_buf_add(o, head, sizeof head);
		util_buf_add(o, w->pos.out.data, w->pos.out.len);
	}
	/* the issues' ids (sorted by pairpos_seg_sort), u32 each */
	const uint32_t *is = (const uint32_t *)(const void *)w->pos.issues.data;
	head[0] = 0;
	head[1] = (uint32_t)(w->nissues * sizeof *is);
	util_buf_add(o, head, sizeof head);
	for (size_t i = 0; i < w->nissues; i++)
		util_buf_add(o, &is[3 * i], sizeof *is);
}

static void pos_seg_write(library_job *job, seg_work *w)
{
	const unsigned char *p = (const unsigned char *)w->posrows.data, *end = p + w->posrows.len;
	sqlite3_stmt *st = job->ins_posseg;
	while (p < end) {
		uint32_t a = get_u32(p), len = get_u32(p + 4);
		sqlite3_bind_int64(st, 1, w->seg << POS_SEG_BITS | a);
		sqlite3_bind_blob(st, 2, p + 8, (int)len, SQLITE_STATIC);
		step_ok(job, st);
		p += 8 + (size_t)len;
	}
	w->posrows.len = 0;
}

/* Makes the lists of the segment w keeps (no SQLite): each kind's
 * chunks sorted by key, and for each key its list (seg_list) appended
 * to w->lists[kind] after the key and its bytes (u32 each). */
static void seg_build(seg_work *w)
{
	for (int kind = 0; kind < 2; kind++) {
		seg_chunks *k = &w->ch[kind];
		util_buf *out = &w->lists[kind];
		out->len = 0;
		chunks_sort(w, k->v, k->n);
		for (size_t i = 0; i < k->n;) {
			uint32_t key = k->v[i].key;
			size_t j = i;
			while (j < k->n && k->v[j].key == key)
				j++;
			uint32_t nis = seg_rows(w, k->v + i, j - i);
			i = j;
			if (!w->nents)
				continue;
			seg_list(w, nis);
			uint32_t head[2] = { key, (uint32_t)w->blob.len };
			util_buf_add(out, head, sizeof head);
			util_buf_add(out, w->blob.data, w->blob.len);
		}
		k->n = 0;
	}
	pos_seg_build(w);
}

/* Frees the room of what seg_build makes (a segment's lists and rows of
 * pos_segs, a copy of its issues' rows of pair_pos: tens of MB, two
 * segments' worth of it kept doubled the build's peak RSS). */
static void seg_work_trim(seg_work *w)
{
	for (int k = 0; k < 2; k++)
		util_buf_free(&w->lists[k]);
	pairpos_seg_free(&w->pos);
	util_buf_free(&w->posrows);
	free(w->present);
	free(w->at);
	free(w->tmpch);
	free(w->ents);
	free(w->keys);
	free(w->tmp);
	w->present = NULL;
	w->at = NULL;
	w->tmpch = NULL;
	w->ents = NULL;
	w->keys = w->tmp = NULL;
	w->tmpchcap = w->entcap = w->tmpcap = w->keycap = 0;
	util_buf_free(&w->blob);
	for (size_t i = 0; i < UTIL_ARRAY_LEN(w->parts); i++)
		util_buf_free(&w->parts[i]);
}

/* The rows of pair_pos of segment seg's issues, once its rows of
 * pos_segs hold their lists (its row of issues, key seg << POS_SEG_BITS,
 * is written last): read there (pos_seg_of), the rows were the same
 * lists a second time. An issue in no segment keeps its row. */
static void pos_rows_drop(library_job *job, int64_t seg)
{
	sqlite3_stmt *st = job->drop_pos;
	sqlite3_bind_int64(st, 1, seg);
	sqlite3_bind_int64(st, 2, seg << POS_SEG_BITS);
	step_ok(job, st);
}

/* Writes the segment w (built) in the transaction and empties w. */
static void seg_write(library_job *job, seg_work *w)
{
	for (int kind = 0; kind < 2; kind++) {
		const seg_kind *k = &job->segkind[kind];
		const unsigned char *p = (const unsigned char *)w->lists[kind].data;
		const unsigned char *end = p + w->lists[kind].len;
		while (p < end) {
			uint32_t key = get_u32(p), len = get_u32(p + 4);
			sqlite3_bind_int64(k->ins, 1, w->seg << k->bits | key);
			sqlite3_bind_blob(k->ins, 2, p + 8, (int)len, SQLITE_STATIC);
			step_ok(job, k->ins);
			p += 8 + (size_t)len;
		}
		w->lists[kind].len = 0;
	}
	for (size_t i = 0; i < w->nissues; i++) {
		sqlite3_bind_int64(job->ins_iseg, 1, w->issues[i].iid);
		sqlite3_bind_int64(job->ins_iseg, 2, w->seg);
		step_ok(job, job->ins_iseg);
	}
	sqlite3_bind_int64(job->ins_seg, 1, w->seg);
	sqlite3_bind_int64(job->ins_seg, 2, (int64_t)w->nissues);
	step_ok(job, job->ins_seg);
	pos_seg_write(job, w);
	pos_rows_drop(job, w->seg);
	w->nents = w->nissues = 0;
	w->bytes.len = w->sizes.len = 0;
	seg_work_trim(w);
	job->lib->icached = false;
}

static void seg_work_free(seg_work *w)
{
	seg_work_trim(w);
	for (int k = 0; k < 2; k++)
		free(w->ch[k].v);
	util_buf_free(&w->bytes);
	util_buf_free(&w->sizes);
	free(w->issues);
}

/* The segment thread: builds a segment (seg_build) handed to it once
 * its issues are committed, while the storing thread goes on storing
 * the next ones; the storing thread writes it in its next transaction
 * (seg_collect). Building the lists was about 530M instructions a
 * segment of 40 issues, a third of the storing thread's work, which
 * the thread that parses (waiting for room most of the time) was not
 * given; an issue committed and in no segment yet is read from its row
 * of issue_terms meanwhile, as before a segment was written. */
struct seg_thread {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	seg_work *work;                 /* to build; NULL: none */
	bool done, stop;
};

static void *seg_run(void *arg)
{
	seg_thread *th = arg;
	pthread_mutex_lock(&th->mu);
	for (;;) {
		while (!th->stop && (!th->work || th->done))
			pthread_cond_wait(&th->cv, &th->mu);
		if (th->stop)
			break;
		seg_work *w = th->work;
		pthread_mutex_unlock(&th->mu);
		seg_build(w);
		pthread_mutex_lock(&th->mu);
		th->done = true;
		pthread_cond_broadcast(&th->cv);
	}
	pthread_mutex_unlock(&th->mu);
	return NULL;
}

static seg_thread *seg_thread_start(void)
{
	seg_thread *th = util_calloc(1, sizeof *th);
	pthread_mutex_init(&th->mu, NULL);
	pthread_cond_init(&th->cv, NULL);
	int rc = thread_start_quiet(&th->thread, seg_run, th);
	if (rc != 0) {
		pthread_mutex_destroy(&th->mu);
		pthread_cond_destroy(&th->cv);
		free(th);
		return NULL;
	}
	return th;
}

static void seg_thread_stop(seg_thread *th)
{
	if (!th)
		return;
	pthread_mutex_lock(&th->mu);
	th->stop = true;
	pthread_cond_broadcast(&th->cv);
	pthread_mutex_unlock(&th->mu);
	pthread_join(th->thread, NULL);
	pthread_mutex_destroy(&th->mu);
	pthread_cond_destroy(&th->cv);
	free(th);
}

/* Writes the segment the segment thread built, in the transaction open:
 * waiting for it when `wait`, else only when it is done. */
static void seg_collect(library_job *job, bool wait)
{
	seg_thread *th = job->segth;
	if (!job->built)
		return;
	pthread_mutex_lock(&th->mu);
	while (wait && !th->done)
		pthread_cond_wait(&th->cv, &th->mu);
	bool done = th->done;
	if (done) {
		th->work = NULL;
		th->done = false;
	}
	pthread_mutex_unlock(&th->mu);
	if (!done)
		return;
	seg_write(job, job->built);
	job->built = NULL;
	seg_drop_dead(job);
}

/* Hands the segment kept to the segment thread once SEG_ISSUES issues
 * are kept (the one in its hands, if any, waited for first: the next
 * issues wait in the other seg_work), committed or not: it is written in the transaction open
 * when it is made, or a later one, and a transaction rolled back drops
 * it (seg_forget). Segments of SEG_ISSUES, not of a transaction: a
 * transaction's were as large as the machine was fast (100 to 240
 * issues quiet, 2.5 MB of room an issue to build) and the last was
 * built while nothing else ran. */
static void seg_handoff(library_job *job)
{
	if (job->fill->nissues < SEG_ISSUES)
		return;
	/* the segment before still in the segment thread's hands: waited
	 * for and written first, so that every segment but the run's last
	 * holds SEG_ISSUES however the threads are scheduled (not waited
	 * for, the issues kept ran on past it whenever the segment thread
	 * got less of the machine than the storing one: a segment of 37 on
	 * a loaded machine, and the room of as many) */
	if (job->built)
		seg_collect(job, true);
	if (!job->segth && !(job->segth = seg_thread_start()))
		return;         /* kept for the job's last segment */
	seg_work *w = job->fill;
	w->seg = job->next_seg++;
	pos_seg_read(job, w);
	job->built = w;
	job->fill = w == &job->segw[0] ? &job->segw[1] : &job->segw[0];
	seg_thread *th = job->segth;
	pthread_mutex_lock(&th->mu);
	th->work = w;
	th->done = false;
	pthread_cond_broadcast(&th->cv);
	pthread_mutex_unlock(&th->mu);
}

/* Writes the job's last segments, in the transaction open: the one the
 * segment thread builds, then the issues kept (and those gathered from
 * older runs, see seg_gather), built here meanwhile (each seg_work has
 * its own room). Built here only once the segment thread's was
 * written, the last segment ran after it with one core idle (a build
 * of the bench's library ends with a segment of 32 and one of 13). */
static void seg_flush(library_job *job)
{
	seg_work *w = job->fill;
	if (!seg_gather(job)) {
		w->nissues = w->ch[0].n = w->ch[1].n = 0;
		w->bytes.len = w->sizes.len = 0;
	}
	if (w->nissues) {
		w->seg = job->next_seg++;
		pos_seg_read(job, w);
		seg_build(w);
	}
	seg_collect(job, true);
	if (w->nissues)
		seg_write(job, w);
	seg_drop_dead(job);
}

/* Empties w: its issues are in no segment. */
static void seg_clear(seg_work *w)
{
	w->nissues = w->ch[0].n = w->ch[1].n = 0;
	w->bytes.len = w->sizes.len = 0;
	seg_work_trim(w);
}

/* A transaction rolled back: the segment kept and the one built are
 * dropped (either may hold its issues, which are not in the index;
 * one written in it is gone with it). Their issues committed before
 * are in no segment, read from their rows of issue_terms, and the
 * job's last segment gathers them (seg_gather). */
static void seg_forget(library_job *job)
{
	seg_thread *th = job->segth;
	if (job->built) {
		pthread_mutex_lock(&th->mu);
		while (!th->done)
			pthread_cond_wait(&th->cv, &th->mu);
		th->work = NULL;
		th->done = false;
		pthread_mutex_unlock(&th->mu);
		seg_clear(job->built);
		job->built = NULL;
	}
	seg_clear(job->fill);
}

/* The issue's row of pair_pos (made by the thread that parsed it). */
static void pos_store(library_job *job, const packet *pk, int64_t id)
{
	sqlite3_stmt *st = job->ins_pos;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, pk->pos.data ? pk->pos.data : "", (int)pk->pos.len, SQLITE_STATIC);
	step_ok(job, st);
}

static void store(library_job *job, packet *pk)
{
	const todo *t = &job->todo[pk->todo];
	const shelf_issue *is = &job->found.items[t->item];
	job->bytes_done += is->bytes;
	job->sum.bytes += is->bytes;
	if (pk->kind == PACKET_FAILED) {
		lib_warn(job->lib, "%s (not indexed)", pk->err);
		job->sum.failed++;
		return;
	}
	if (pk->kind == PACKET_TOUCHED) {
		sqlite3_bind_int64(job->upd_stamp, 1, t->old->id);
		sqlite3_bind_int64(job->upd_stamp, 2, (int64_t)is->stamp);
		step_ok(job, job->upd_stamp);
		job->sum.unchanged++;
		return;
	}
	int64_t id;
	if (t->old) {
		id = t->old->id;
		delete_rows(job, id);
		job->sum.changed++;
	} else {
		if (job->next_id > MAX_ISSUE_ID) {
			lib_warn(job->lib, "%s: the library index is full (not indexed)", is->path);
			job->sum.failed++;
			return;
		}
		id = job->next_id++;
		job->sum.added++;
	}
	if (pk->cut)
		lib_warn(job->lib, "%s: only the first %u articles are indexed", is->path, MAX_ARTICLE);
	sqlite3_stmt *st = job->ins_issue;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, is->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (int64_t)is->stamp);
	sqlite3_bind_int64(st, 4, (int64_t)pk->fingerprint);
	sqlite3_bind_text(st, 5, pk->paper ? pk->paper : is->paper, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, pk->date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, (int64_t)doc_npages(pk->issue));
	sqlite3_bind_int64(st, 8, (int64_t)pk->narticles);
	sqlite3_bind_int64(st, 9, (int64_t)is->bytes);
	step_ok(job, st);
	int64_t base = rowid_base(pk->date, id);
	for (size_t i = 0; i < pk->nrows; i++)
		row_insert(job, pk, &pk->rows[i], base, id);
	memcpy(pk->terms.data, &base, sizeof base);
	st = job->ins_terms;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, pk->terms.data, (int)pk->terms.len, SQLITE_STATIC);
	step_ok(job, st);
	seg_add(job->fill, id, (const unsigned char *)pk->terms.data);
	pos_store(job, pk, id);
}

bool library_index_step(library_job *job, uint64_t budget_ns)
{
	if (job->next >= job->ntodo)
		return true;
	uint64_t start = util_now_ns();
	uint64_t deadline = budget_ns > UINT64_MAX - 1 - start ? UINT64_MAX : start + budget_ns;
	bool began = false;
	do {
		packet *pk = job->ahead ? ahead_take(job->ahead, deadline) : prepare(job, &job->prep, job->next);
		if (!pk)
			break;          /* the second thread is still at it */
		/* whole issues per transaction: readers never see half of one */
		if (!began)
			exec(job->lib->db, "BEGIN IMMEDIATE");
		began = true;
		job->lib->icached = false;
		store(job, pk);
		packet_free(pk);
		job->next++;
		fresh_writeback(job);
		seg_collect(job, false);
		seg_handoff(job);
	} while (job->next < job->ntodo && util_now_ns() - start < budget_ns);
	if (began && job->next >= job->ntodo)
		seg_flush(job);
	if (began && !exec(job->lib->db, "COMMIT")) {
		lib_warn(job->lib, "library index: %s", sqlite3_errmsg(job->lib->db));
		exec(job->lib->db, "ROLLBACK");
		job->lost = true;
		seg_forget(job);                /* those issues were not stored */
	}
	return job->next >= job->ntodo;
}

void library_index_progress(const library_job *job, library_progress *p)
{
	p->done = job->next;
	p->total = job->ntodo;
	p->bytes_done = job->bytes_done;
	p->bytes_total = job->bytes_total;
	p->seconds = (double)(util_now_ns() - job->t0) / 1e9;
}

/* The folders walked, recorded once every issue found is stored and
 * nothing was left unread (library_fresh_start trusts them): a job cut
 * short or a page not read records none, and the next --search --all
 * walks the roots. */
static void record_folders(library_job *job)
{
	library *lib = job->lib;
	for (size_t r = 0; r < lib->nroots; r++)
		if (lib->root_failed[r])
			return;
	if (job->next < job->ntodo || job->lost || job->sum.failed || job->found.warned)
		return;
	exec(lib->db, "BEGIN IMMEDIATE");
	exec(lib->db, folders_write(lib, &job->found) ? "COMMIT" : "ROLLBACK");
}

void library_index_end(library_job *job, library_summary *sum)
{
	if (!job)
		return;
	ahead_stop(job);
	/* the issues of a job cut short kept for their segment */
	if ((job->fill->nissues || job->built) && exec(job->lib->db, "BEGIN IMMEDIATE")) {
		seg_collect(job, true);
		if (job->fill->nissues)
			seg_flush(job);
		if (!exec(job->lib->db, "COMMIT"))
			exec(job->lib->db, "ROLLBACK");
	}
	seg_thread_stop(job->segth);
	job->segth = NULL;
	record_folders(job);
	exec(job->lib->db, "PRAGMA synchronous = NORMAL");
	sqlite3_stmt *sts[] = { job->ins_issue, job->ins_article, job->ins_terms, job->ins_fts,
				job->del_fts, job->del_terms, job->del_articles, job->del_issue,
				job->upd_stamp, job->old_rows,
				job->segkind[0].ins, job->segkind[1].ins, job->ins_seg, job->ins_iseg, job->del_iseg,
				job->ins_pos, job->del_pos, job->drop_pos, job->ins_posseg };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(sts); i++)
		sqlite3_finalize(sts[i]);
	if (sum) {
		*sum = job->sum;
		sum->seconds = (double)(util_now_ns() - job->t0) / 1e9;
		sqlite3_stmt *st = prepare_st(job->lib, "SELECT count(*) FROM issues");
		if (sqlite3_step(st) == SQLITE_ROW)
			sum->issues = (size_t)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (job->fresh)
		fresh_end(job);
	free(job->fresh);
	for (size_t i = 0; i < job->nknown; i++)
		free(job->known[i].path);
	free(job->known);
	free(job->todo);
	shelf_free(&job->found);
	prep_free(&job->prep);
	seg_work_free(&job->segw[0]);
	seg_work_free(&job->segw[1]);
	if (job->lockfd >= 0)
		close(job->lockfd);     /* releases the lock */
	free(job);
	memory_keep(false);
}

/* ---- reading ---- */

static char *column_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return util_strdup(s ? s : "");
}

size_t library_issues(library *lib, library_issue **out)
{
	db_follow(lib);
	library_issue *v = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st = prepare_st(lib, "SELECT id, path, paper, date, pages, articles, fingerprint "
				   "FROM issues ORDER BY paper, date DESC, path");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 1);
		bool failed;
		if (!path || path_hidden(lib, path, &failed))
			continue;
		library_issue is = {
			.id = sqlite3_column_int64(st, 0),
			.path = util_strdup(path),
			.paper = column_dup(st, 2),
			.date = column_dup(st, 3),
			.pages = (uint32_t)sqlite3_column_int64(st, 4),
			.articles = (uint32_t)sqlite3_column_int64(st, 5),
			.fingerprint = (uint64_t)sqlite3_column_int64(st, 6),
		};
		UTIL_PUSH(v, n, cap, is);
	}
	sqlite3_finalize(st);
	*out = v;
	return n;
}

void library_issues_free(library_issue *issues, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(issues[i].path);
		free(issues[i].paper);
		free(issues[i].date);
	}
	free(issues);
}

const char *library_progress_text(const struct state *st, const library_issue *is,
				  char *buf, size_t len)
{
	size_t read = st ? state_read_count(st, is->fingerprint) : 0;
	doc_pos pos;
	bool opened = st && state_get_position(st, is->fingerprint, &pos);
	if (is->articles && read >= is->articles)
		snprintf(buf, len, "finished");
	else if (read == 0 && !opened)
		snprintf(buf, len, "unread");
	else
		snprintf(buf, len, "%u%%", is->articles ? (unsigned)(read * 100ull / is->articles) : 0);
	return buf;
}

/* The FTS5 query: tokens of the text, quoted (FTS5 runs them through
 * the tokenizer again, which gives each back unchanged), all required.
 * Each distinct token is kept as its quoted term (terms, one after
 * another; ends, where each ends). */
typedef struct query_tokens {
	size_t n;                       /* distinct tokens */
	util_buf terms;
	size_t ends[QUERY_TERMS_MAX];
	bool more;                      /* more distinct tokens than kept */
} query_tokens;

static int add_query_token(void *ctx, const char *tok, size_t n, ucs4_t c, uint32_t start,
			   uint32_t end)
{
	(void)c;
	(void)start;
	(void)end;
	query_tokens *qt = ctx;
	util_buf *m = &qt->terms;
	size_t at = m->len;
	util_buf_addc(m, '"');
	for (size_t i = 0; i < n; i++) {
		if (tok[i] == '"')
			util_buf_addc(m, '"');
		util_buf_addc(m, tok[i]);
	}
	util_buf_addc(m, '"');
	size_t len = m->len - at;
	for (size_t i = 0, from = 0; i < qt->n; from = qt->ends[i++])
		if (qt->ends[i] - from == len && memcmp(m->data + from, m->data + at, len) == 0) {
			m->len = at;    /* a token seen before adds nothing */
			return 0;
		}
	if (qt->n == QUERY_TERMS_MAX) {
		qt->more = true;
		m->len = at;
		return 0;
	}
	qt->ends[qt->n++] = m->len;
	return 0;
}

/* The MATCH text: the first term and the last (an article with the phrase
 * has every token of it, so any of them give FTS5 a superset of the
 * articles to verify; the bigram filters and the folded text decide. FTS5
 * steps an iterator per term over every candidate, and a long query's
 * terms beyond two made its walk dearer than the rows they spared, over
 * the benchmark's queries of 8 characters; of 4, a wash). The last kept
 * token stands for the last, when there were more than QUERY_TERMS_MAX. */
static void match_text(const query_tokens *qt, util_buf *out)
{
	size_t pick[2] = { 0, qt->n - 1 }, npick = qt->n > 1 ? 2 : 1;
	for (size_t k = 0; k < npick; k++) {
		size_t i = pick[k], from = i ? qt->ends[i - 1] : 0;
		if (k)
			util_buf_addc(out, ' ');
		util_buf_add(out, qt->terms.data + from, qt->ends[i] - from);
	}
}

typedef struct hit_list {
	library_hit *items;
	size_t n, cap;
} hit_list;

/* What a search knows of an article with the text: its row and its
 * issue's (the issue's strings are those of the last issue looked up:
 * the articles come issue by issue). */
typedef struct found_row {
	const char *body, *folded;      /* folded == body when nothing folds */
	const char *first;              /* the first hit in folded, or NULL */
	size_t blen, flen;
	int page;
	int64_t number;
	uint32_t ncaptions, first_caption, first_banner;
	const char *headline;
	size_t headline_len;
	const char *issue_str[3];       /* paper, date, path */
	size_t issue_len[3];
	uint64_t fingerprint;
} found_row;

/* The strings of an article's hits in one allocation (hits are many):
 * the paper, date, path and headline of the article once, then the text
 * of each element with hits once (the hits' text points into the row
 * until then, a line's hits one after another). library_hits_free frees
 * it through the first hit's paper. */
static void hit_strings(library_hit *h, size_t n, const found_row *r)
{
	const char *s[4] = { r->issue_str[0], r->issue_str[1], r->issue_str[2], r->headline };
	size_t len[4] = { r->issue_len[0], r->issue_len[1], r->issue_len[2], r->headline_len };
	size_t total = 0;
	for (size_t i = 0; i < 4; i++)
		total += len[i] + 1;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || h[i].text != h[i - 1].text)
			total += (size_t)h[i].len + 1;
	char *b = util_malloc(total);
	char *str[4];
	for (size_t i = 0; i < 4; i++) {
		str[i] = b;
		if (len[i])
			memcpy(b, s[i], len[i]);
		b[len[i]] = '\0';
		b += len[i] + 1;
	}
	const char *line = NULL;
	char *copy = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!copy || h[i].text != line) {
			line = h[i].text;
			copy = b;
			if (h[i].len)
				memcpy(b, line, h[i].len);
			b[h[i].len] = '\0';
			b += (size_t)h[i].len + 1;
		}
		h[i].paper = str[0];
		h[i].date = str[1];
		h[i].path = str[2];
		h[i].headline = str[3];
		h[i].text = copy;
	}
}

/* The in-issue matcher on one article: the folded lines (each element's
 * text folded as search_run folds it, one per line) are searched at
 * once; a hit's line is folded again with the map back, to place it in
 * the element's original text, unless the folded line is the line itself
 * (then a hit's offsets are the original's). Returns the hits added.
 * Without `out` the hits are only counted, as they would be made: a
 * line holding the query once is one hit (only two hits can be one, see
 * below), so it is not folded again. */
static size_t match_article(search_folder *sf, const char *q, size_t qlen, const found_row *r,
			    hit_list *out, bool copy)
{
	size_t added = 0;
	uint32_t prev_el = UINT32_MAX, prev_end = 0;    /* the last hit's element and end */
	uint32_t element = 0;           /* the line */
	/* a page's own text: its captions, then its banners (see row) */
	bool page_level = r->number < 0;
	const char *body = r->body, *folded = r->folded;
	const char *line = body, *fline = folded, *fend = folded + r->flen, *end = body + r->blen;
	/* the end of the body's line at `line`, once looked for (a line
	 * with a hit was looked at twice: for its hits, then to step over
	 * it to the next hit's line) */
	const char *bnl = NULL;
	bool bnl_known = false;
	/* from the first hit when read_row found it already */
	for (const char *p = r->first ? r->first : folded;
	     (p = util_find(p, (size_t)(fend - p), q, qlen)) != NULL;) {
		/* on to the line holding p, in both texts; the memchr that
		 * stops the walk is the end of p's folded line */
		const char *nl;
		while ((nl = memchr(fline, '\n', (size_t)(fend - fline))) != NULL && nl < p) {
			fline = nl + 1;
			if (folded == body) {
				line = fline;
			} else {
				if (!bnl_known)
					bnl = memchr(line, '\n', (size_t)(end - line));
				line = bnl ? bnl + 1 : end;
				bnl_known = false;
			}
			element++;
		}
		if (folded == body) {
			bnl = nl;
		} else if (!bnl_known) {
			bnl = memchr(line, '\n', (size_t)(end - line));
			bnl_known = true;
		}
		size_t llen = (size_t)((bnl ? bnl : end) - line), lflen;
		size_t fllen = (size_t)((nl ? nl : fend) - fline);
		const char *after = p + qlen, *lfend = fline + fllen;
		if (!out && !memchr(q, '\n', qlen) &&
		    (after >= lfend || !util_find(after, (size_t)(lfend - after), q, qlen))) {
			added++;        /* one hit in the line: nothing to join */
			prev_el = UINT32_MAX;
			if (!nl)
				break;
			p = nl + 1;
			continue;
		}
		bool same = fllen == llen && (line == fline || memcmp(line, fline, llen) == 0);
		const char *f = same ? line : search_folder_fold_valid(sf, line, llen, true, &lflen);
		if (same)
			lflen = llen;
		/* a line that is its fold has no hit before p (the search
		 * came to p from the line's start or the text's first hit):
		 * its hits are looked for from there */
		for (const char *h = same ? f + (p - fline) : f;
		     (h = util_find(h, (size_t)(f + lflen - h), q, qlen)) != NULL; h += qlen) {
			uint32_t s = (uint32_t)(h - f), e = s + (uint32_t)qlen;
			if (!same)
				search_folder_map(sf, (size_t)(h - f), (size_t)(h - f) + qlen, &s, &e);
			uint32_t el = !page_level ? element : element < r->ncaptions ?
				      r->first_caption + element :
				      (r->first_banner + element - r->ncaptions) | SEARCH_BANNER;
			if (added && prev_el == el && s < prev_end) {
				/* two hits in the fold of one character are one */
				if (e > prev_end) {
					prev_end = e;
					if (out)
						out->items[out->n - 1].end = e;
				}
				continue;
			}
			prev_el = el;
			prev_end = e;
			added++;
			if (!out)
				continue;
			library_hit hit = {
				.page = r->page,
				.article = page_level ? UINT32_MAX : (uint32_t)r->number,
				.element = el, .start = s, .end = e,
				.len = (uint32_t)llen,
				.fingerprint = r->fingerprint,
				.text = (char *)line,   /* copied below */
			};
			UTIL_PUSH(out->items, out->n, out->cap, hit);
		}
		/* on after this line */
		if (!nl)
			break;
		p = nl + 1;
	}
	if (!added || !out)
		return added;
	if (copy) {
		hit_strings(out->items + out->n - added, added, r);
	} else {
		/* given away at once (library_search_each): the strings are
		 * the row's and the issue's own, valid until the next row */
		for (library_hit *h = out->items + out->n - added; h < out->items + out->n; h++) {
			h->paper = (char *)r->issue_str[0];
			h->date = (char *)r->issue_str[1];
			h->path = (char *)r->issue_str[2];
			h->headline = (char *)(r->headline ? r->headline : "");
		}
	}
	return added;
}

/* A search in progress: the query, the statements, the row read last
 * and the strings of its issue (looked up again only when the issue
 * changes: the rows come issue by issue). */
typedef struct searching {
	library *lib;
	search_folder *sf;
	const char *q;
	size_t qlen;
	sqlite3_stmt *text, *issue;
	sqlite3_stmt *range;            /* the rows of a range of ids (take_range) */
	int64_t issue_id;
	bool issue_hidden;
	uint32_t issue_articles;
	found_row r;
	sqlite3_blob *blob[2];          /* folded, body: for weighing (see weigh_row) */
	util_buf buf;
	/* the issue_terms row of terms_issue (-1: none yet): its head and
	 * its rows' entries; terms_ok when it is there and whole */
	sqlite3_blob *terms;
	int64_t blob_issue;             /* the row s->terms is on, when open */
	int64_t terms_issue, terms_base;
	bool terms_ok;
	uint32_t nrows, ntokens, nfirsts, terms_bytes;
	util_buf trows;
	unsigned char bloom[BLOOM_MAX_BITS / 8];
	util_buf lists[LIST_WALK];      /* lists of code points read */
	util_buf toks;                  /* the entries of code points of toks_issue */
	int64_t toks_issue;
	util_buf firsts;                /* the entries of pairs' first code points of firsts_issue */
	int64_t firsts_issue;
	util_buf group;                 /* the lists of pairs of one first code point */
	util_buf ids;                   /* rowids (int64_t) of candidates */
	double near[LIST_WALK];         /* see entry_find_near (-1: not yet) */
	/* the rows' entries of terms_issue, and its entries of pairs'
	 * first code points when they are in memory (terms_load_cached) */
	const unsigned char *rowents, *firsts_mem;
	size_t scan_at;                 /* 1 + the byte find_by looks for (0: not chosen yet) */
	/* a query of one character: its rows of cp_lists, a segment's
	 * issues' heads, its buckets (see rows_of_segs) */
	util_buf seglists, segtps, segbuckets, segscores;
	/* by issue id, what seg_covers said of each issue the search met
	 * (the segments' lists name the issues again: asked once; 0.1M
	 * instructions a query) */
	const struct terms_prefix **covered;
	size_t ncovered;
} searching;

/* Frees the buffers of a search (its blobs and statements are closed
 * apart). */
static void searching_free(searching *s)
{
	util_buf_free(&s->buf);
	util_buf_free(&s->trows);
	for (size_t i = 0; i < LIST_WALK; i++)
		util_buf_free(&s->lists[i]);
	util_buf_free(&s->toks);
	util_buf_free(&s->firsts);
	util_buf_free(&s->group);
	util_buf_free(&s->ids);
	util_buf_free(&s->seglists);
	util_buf_free(&s->segtps);
	util_buf_free(&s->segbuckets);
	util_buf_free(&s->segscores);
	free(s->covered);
}

/* Moves *blob to row of table's column col (reopened, no statement
 * stepped; opened again when that fails); false, *blob NULL, when the
 * row is not there. */
static bool blob_move(sqlite3 *db, const char *table, const char *col, int64_t row,
		      sqlite3_blob **blob)
{
	if (*blob && sqlite3_blob_reopen(*blob, row) != SQLITE_OK) {
		sqlite3_blob_close(*blob);      /* aborted: open it again */
		*blob = NULL;
	}
	if (!*blob && sqlite3_blob_open(db, "main", table, col, row, 0, blob) != SQLITE_OK) {
		sqlite3_blob_close(*blob);
		*blob = NULL;
		return false;
	}
	return true;
}

/* Moves s->terms to the issue_terms row of issue iid, reading nothing
 * (s->trows is then no issue's); false when it is not there. */
static bool terms_blob(searching *s, int64_t iid)
{
	s->terms_issue = -1;
	s->terms_ok = false;
	if (s->terms && s->blob_issue == iid)
		return true;
	if (!blob_move(s->lib->db, "issue_terms", "data", iid, &s->terms))
		return false;
	s->blob_issue = iid;
	return true;
}

/* An issue's row of issue_terms up to its lists, as terms_load reads
 * it: the head, the rows' entries (rows), the entries of code points
 * (toks) and of pairs' first code points (firsts), each with the one
 * more that ends the last list; each read when first needed (NULL
 * before), and owned. */
typedef struct terms_prefix {
	int64_t base;
	uint32_t nrows, ntokens, nfirsts, bytes;
	unsigned char *rows, *toks, *firsts;
} terms_prefix;

/* The head of the row s->terms is on (see TERMS_HEAD) into tp: its
 * base, nrows, ntokens, nfirsts (at bytes 0, 8, 12, 16) and the row's
 * size; false when the row is shorter than the head or than the
 * entries it announces. */
static bool terms_head_read(searching *s, terms_prefix *tp)
{
	unsigned char h[TERMS_HEAD];
	int bytes = sqlite3_blob_bytes(s->terms);
	if (bytes < TERMS_HEAD || sqlite3_blob_read(s->terms, h, TERMS_HEAD, 0) != SQLITE_OK)
		return false;
	memcpy(&tp->base, h, sizeof tp->base);
	tp->nrows = get_u32(h + 8);
	tp->ntokens = get_u32(h + 12);
	tp->nfirsts = get_u32(h + 16);
	tp->bytes = (uint32_t)bytes;
	uint64_t need = TERMS_HEAD + (uint64_t)tp->nrows * TERMS_ROW +
			((uint64_t)tp->ntokens + (uint64_t)tp->nfirsts + 2) * TERMS_TOKEN;
	return need <= (uint64_t)bytes;
}

/* Moves s->terms to the issue_terms row of issue iid and reads its head
 * and its rows' entries; false when it is not there or not whole. */
static bool terms_load(searching *s, int64_t iid)
{
	if (iid == s->terms_issue)
		return s->terms_ok;
	bool there = terms_blob(s, iid);
	s->terms_issue = iid;
	if (!there)
		return false;
	terms_prefix tp;
	if (!terms_head_read(s, &tp))
		return false;
	s->terms_base = tp.base;
	s->nrows = tp.nrows;
	s->ntokens = tp.ntokens;
	s->nfirsts = tp.nfirsts;
	size_t n = (size_t)s->nrows * TERMS_ROW;
	if (s->trows.cap < n + 1)
		util_grow((void **)&s->trows.data, &s->trows.cap, n + 1, 1);
	if (n && sqlite3_blob_read(s->terms, s->trows.data, (int)n, TERMS_HEAD) != SQLITE_OK)
		return false;
	s->rowents = (const unsigned char *)s->trows.data;
	s->firsts_mem = NULL;
	s->terms_bytes = tp.bytes;
	s->terms_ok = true;
	return true;
}

/* The entry of row id in its issue's issue_terms row, or NULL. */
static const unsigned char *terms_entry(searching *s, int64_t id)
{
	uint32_t low = (uint32_t)(id & MAX_ARTICLE);
	if (!terms_load(s, (id >> ARTICLE_BITS) & MAX_ISSUE_ID) || low >= s->nrows)
		return NULL;
	return s->rowents + (size_t)low * TERMS_ROW;
}

/* Whether row id may hold every bigram of the query by its filter (true
 * when there is none to ask). */
static bool filter_pass(searching *s, int64_t id, const uint32_t *qh, size_t nqh)
{
	if (!nqh)
		return true;
	const unsigned char *e = terms_entry(s, id);
	if (!e)
		return true;
	uint32_t off = get_u32(e + 4);
	uint16_t nb;
	memcpy(&nb, e + 8, sizeof nb);
	if (nb == 0 || nb > sizeof s->bloom || (uint64_t)off + nb > s->terms_bytes ||
	    sqlite3_blob_read(s->terms, s->bloom, nb, (int)off) != SQLITE_OK)
		return true;
	return bloom_may_hold(s->bloom, nb, qh, nqh);
}

typedef struct cached_issue {
	char *str[3];                   /* paper, date, path (one allocation) */
	size_t len[3];
	uint64_t fingerprint;
	uint32_t articles;
	bool hidden;                    /* under no root in sight */
	bool missing;                   /* no such issue */
	/* its row of issue_terms up to the lists (see terms_cached);
	 * terms_bad when it is missing or damaged */
	bool terms_bad;
	terms_prefix tp;
	/* the entries of its row of pair_pos (see pos_entries): pos_bad
	 * when it is missing or damaged */
	bool pos_bad;
	unsigned char *pos_dir;         /* its entries and skip entries */
	pairpos_head pos_head;
} cached_issue;

static void issue_cache_drop(library *lib)
{
	for (size_t i = 0; i < lib->nby_id; i++)
		if (lib->by_id[i]) {
			free(lib->by_id[i]->str[0]);
			free(lib->by_id[i]->tp.rows);
			free(lib->by_id[i]->tp.toks);
			free(lib->by_id[i]->tp.firsts);
			free(lib->by_id[i]->pos_dir);
			free(lib->by_id[i]);
		}
	free(lib->by_id);
	lib->by_id = NULL;
	lib->nby_id = 0;
	lib->icached = false;
	free(lib->order);
	lib->order = NULL;
	lib->norder = 0;
	lib->ordered = false;
	free(lib->seg_of);
	free(lib->segs);
	free(lib->seg_pos);
	lib->seg_pos = NULL;
	lib->seg_of = lib->segs = NULL;
	lib->nseg_of = lib->nsegs = 0;
	lib->segs_loaded = false;
}

/* Empties lib->by_id when the index changed since it was filled (its
 * data_version, for other connections; icached, cleared by indexing on
 * this one), so that what it holds is what this transaction sees. */
static void issue_cache_check(library *lib, sqlite3_stmt *version)
{
	int64_t v = -1;
	if (sqlite3_step(version) == SQLITE_ROW)
		v = sqlite3_column_int64(version, 0);
	sqlite3_reset(version);
	if (lib->icached && v == lib->icache_version && v >= 0)
		return;
	issue_cache_drop(lib);
	lib->icached = true;
	lib->icache_version = v;
}

/* Issue iid's strings from lib->by_id, looked up by s->issue (and kept
 * for the searches after) the first time; NULL when there is no such
 * issue. A search met each issue with a statement, about 6,000
 * instructions: a ranked search meets all of them. */
static const cached_issue *issue_get(searching *s, int64_t iid)
{
	library *lib = s->lib;
	if (iid < 0 || iid > MAX_ISSUE_ID)
		return NULL;
	if ((size_t)iid < lib->nby_id && lib->by_id[iid])
		return lib->by_id[iid]->missing ? NULL : lib->by_id[iid];
	if ((size_t)iid >= lib->nby_id) {
		size_t cap = lib->nby_id;
		util_grow((void **)&lib->by_id, &cap, (size_t)iid + 1, sizeof *lib->by_id);
		memset(lib->by_id + lib->nby_id, 0, (cap - lib->nby_id) * sizeof *lib->by_id);
		lib->nby_id = cap;
	}
	cached_issue *c = util_calloc(1, sizeof *c);
	lib->by_id[iid] = c;
	sqlite3_stmt *st = s->issue;
	sqlite3_bind_int64(st, 1, iid);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		c->missing = true;
		return NULL;
	}
	size_t total = 0;
	for (int k = 0; k < 3; k++) {
		c->len[k] = sqlite3_column_text(st, k) ? (size_t)sqlite3_column_bytes(st, k) : 0;
		total += c->len[k] + 1;
	}
	char *b = util_malloc(total);
	for (int k = 0; k < 3; k++) {
		c->str[k] = b;
		if (c->len[k])
			memcpy(b, sqlite3_column_text(st, k), c->len[k]);
		b[c->len[k]] = '\0';
		b += c->len[k] + 1;
	}
	c->fingerprint = (uint64_t)sqlite3_column_int64(st, 3);
	c->articles = (uint32_t)sqlite3_column_int64(st, 4);
	bool failed;
	c->hidden = path_hidden(lib, c->str[2], &failed);
	sqlite3_reset(st);
	return c;
}

/* Puts issue iid's strings into s->r unless they are there; whether it
 * is in sight. */
static bool issue_visible(searching *s, int64_t iid)
{
	if (iid == s->issue_id)
		return !s->issue_hidden;
	s->issue_id = iid;
	s->issue_hidden = true;
	const cached_issue *c = issue_get(s, iid);
	if (!c)
		return false;
	found_row *r = &s->r;
	for (int k = 0; k < 3; k++) {
		r->issue_str[k] = c->str[k];
		r->issue_len[k] = c->len[k];
	}
	r->fingerprint = c->fingerprint;
	s->issue_articles = c->articles;
	s->issue_hidden = c->hidden;
	return !s->issue_hidden;
}

/* Reads len bytes at `at` of the row s->terms is on into a new buffer
 * (*out); false when it cannot. */
static bool terms_piece(searching *s, size_t at, size_t len, unsigned char **out)
{
	unsigned char *t = util_malloc(len ? len : 1);
	if (len && sqlite3_blob_read(s->terms, t, (int)len, (int)at) != SQLITE_OK) {
		free(t);
		return false;
	}
	*out = t;
	return true;
}

/* Issue iid's row of issue_terms up to its lists (terms_prefix): its
 * head, its rows' entries, and the entries of its code points or (pairs)
 * of its pairs' first code points, kept with its strings (lib->by_id),
 * each read the first time it is needed (then s->terms is left on the
 * row); NULL when the issue or its row is missing or damaged. A ranked
 * search of one or two characters meets every issue: the code point
 * looked up step by step through sqlite3_blob_read, and the rows'
 * entries read again, were about 5,000 instructions of an issue
 * (callgrind), now a binary search in memory. The issue must have been
 * met (issue_visible). */
enum { TERMS_ROWS_ONLY, TERMS_TOKS, TERMS_FIRSTS };

static const terms_prefix *terms_cached_part(searching *s, int64_t iid, int part)
{
	cached_issue *c = (size_t)iid < s->lib->nby_id ? s->lib->by_id[iid] : NULL;
	if (!c || c->terms_bad)
		return NULL;
	terms_prefix *tp = &c->tp;
	bool pairs = part == TERMS_FIRSTS;
	unsigned char *none = NULL, **want = pairs ? &tp->firsts : part == TERMS_TOKS ? &tp->toks : &none;
	if (tp->rows && (*want || part == TERMS_ROWS_ONLY))
		return tp;
	c->terms_bad = true;    /* until read */
	if (!terms_blob(s, iid))
		return NULL;
	if (!tp->rows) {
		if (!terms_head_read(s, tp) ||
		    !terms_piece(s, TERMS_HEAD, (size_t)tp->nrows * TERMS_ROW, &tp->rows))
			return NULL;
	}
	if (!*want && part != TERMS_ROWS_ONLY) {
		size_t at = TERMS_HEAD + (size_t)tp->nrows * TERMS_ROW;
		if (pairs)
			at += ((size_t)tp->ntokens + 1) * TERMS_TOKEN;
		size_t n = (pairs ? (size_t)tp->nfirsts : (size_t)tp->ntokens) + 1;
		if (!terms_piece(s, at, n * TERMS_TOKEN, want))
			return NULL;
	}
	c->terms_bad = false;
	return tp;
}

static const terms_prefix *terms_cached(searching *s, int64_t iid, bool pairs)
{
	return terms_cached_part(s, iid, pairs ? TERMS_FIRSTS : TERMS_TOKS);
}

/* terms_load from the head terms_cached keeps (nothing read but the
 * first time): a ranked query of 3 characters or more meets every issue
 * as one of one or two does, and its rows' entries were read again for
 * each (0.6M instructions a query), its pairs' first code points looked
 * up through sqlite3_blob_read. */
static bool terms_load_cached(searching *s, int64_t iid)
{
	/* its lists and filters are read from the row: s->terms on it
	 * (terms_cached leaves it where it is when the head is kept) */
	const terms_prefix *tp = terms_cached(s, iid, true);
	if (!tp || !terms_blob(s, iid))
		return false;
	s->terms_issue = iid;
	s->terms_ok = true;
	s->terms_base = tp->base;
	s->nrows = tp->nrows;
	s->ntokens = tp->ntokens;
	s->nfirsts = tp->nfirsts;
	s->terms_bytes = tp->bytes;
	s->rowents = tp->rows;
	s->firsts_mem = tp->firsts;
	return true;
}

typedef struct issue_base {
	int64_t base, id;
} issue_base;

static int base_cmp(const void *a, const void *b)
{
	const issue_base *x = a, *y = b;
	return x->base < y->base ? -1 : x->base > y->base;
}

/* lib->order: every issue's id, by the rowid base of its rows (from its
 * date and id, as store made it), so that walking the issues in that
 * order and each one's rows in theirs meets the rows in rowid order,
 * newest first: what FTS5 gives walking forwards. Made once and kept
 * with lib->by_id (see issue_cache_check). */
static void issue_order(library *lib, sqlite3_stmt *st)
{
	if (lib->ordered)
		return;
	issue_base *v = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		issue_base ib = { rowid_base((const char *)sqlite3_column_text(st, 1), id), id };
		UTIL_PUSH(v, n, cap, ib);
	}
	sqlite3_reset(st);
	if (n > 1)
		qsort(v, n, sizeof *v, base_cmp);
	lib->order = util_malloc((n ? n : 1) * sizeof *lib->order);
	for (size_t i = 0; i < n; i++)
		lib->order[i] = v[i].id;
	lib->norder = n;
	lib->ordered = true;
	free(v);
}

/* Reads the row at st (the columns of a row of articles as search_st[2]
 * gives them) into s->r (its text valid until st is stepped or reset);
 * false when its issue is out of sight, or (with `need`) when its
 * folded text does not hold the query. */
static bool row_from(searching *s, sqlite3_stmt *st, bool need)
{
	found_row *r = &s->r;
	r->folded = (const char *)sqlite3_column_text(st, 0);
	r->flen = (size_t)sqlite3_column_bytes(st, 0);
	r->body = (const char *)sqlite3_column_text(st, 1);
	r->blen = (size_t)sqlite3_column_bytes(st, 1);
	if (!r->body)
		r->body = "";
	if (!r->folded || r->flen == 0) {
		r->folded = r->body;
		r->flen = r->blen;
	}
	r->first = need ? util_find(r->folded, r->flen, s->q, s->qlen) : NULL;
	if (need && !r->first)
		return false;
	if (!issue_visible(s, sqlite3_column_int64(st, 2)))
		return false;
	r->page = sqlite3_column_int(st, 3);
	r->number = sqlite3_column_int64(st, 4);
	r->headline = (const char *)sqlite3_column_text(st, 5);
	r->headline_len = r->headline ? (size_t)sqlite3_column_bytes(st, 5) : 0;
	r->ncaptions = (uint32_t)sqlite3_column_int64(st, 6);
	r->first_caption = (uint32_t)sqlite3_column_int64(st, 7);
	r->first_banner = (uint32_t)sqlite3_column_int64(st, 8);
	return true;
}

/* Reads row `id` into s->r as row_from does; false when it is not
 * there either. */
static bool read_row(searching *s, int64_t id, bool need)
{
	sqlite3_stmt *text = s->text;
	sqlite3_reset(text);
	sqlite3_bind_int64(text, 1, id);
	return sqlite3_step(text) == SQLITE_ROW && row_from(s, text, need);
}

/* The first occurrence of q (qlen bytes) in p..end, found by looking
 * for its byte at j (see scan_byte): util_find looks for the last, and
 * the last byte of a Han character is one of 64 continuation bytes, some
 * five times as common in Chinese text as others. */
static const char *find_by(const char *p, const char *end, const char *q, size_t qlen, size_t j)
{
	if ((size_t)(end - p) < qlen)
		return NULL;
	const char *h = p + j, *last = end - qlen + j;
	while (h <= last && (h = memchr(h, q[j], (size_t)(last - h) + 1)) != NULL) {
		/* most stops differ at once: no call to memcmp */
		const char *start = h - j;
		size_t i = 0;
		while (i < qlen && start[i] == q[i])
			i++;
		if (i == qlen)
			return start;
		h++;
	}
	return NULL;
}

/* The byte of q rarest in the text t (len bytes): where find_by looks
 * for q in the texts of one search (the first one read tells). */
static size_t scan_byte(const char *t, size_t len, const char *q, size_t qlen)
{
	uint32_t count[256] = { 0 };
	for (size_t i = 0; i < len; i++)
		count[(unsigned char)t[i]]++;
	size_t best = qlen - 1;
	for (size_t j = 0; j < qlen; j++)
		if (count[(unsigned char)q[j]] < count[(unsigned char)q[best]])
			best = j;
	return best;
}

/* The term frequency bm25 weighs: the hits of the query in the row's
 * folded lines (not overlapping, as match_article finds them), a hit in
 * an article's kicker, headline or subtitle counting 4 times. Those are
 * lines 1-3: a hit after the first newline and at or before the fourth
 * (no newline is looked for hit by hit). */
_Static_assert(DOC_F_KICKER == 1 && DOC_F_HEADLINE == 2 && DOC_F_SUBTITLE == 3,
	       "weighted_tf: the header lines are lines 1-3");
static double weighted_tf(const found_row *r, const char *q, size_t qlen, size_t j, uint32_t *hits)
{
	double tf = 0;
	uint32_t n = 0;
	const char *f = r->folded, *end = f + r->flen, *head = end, *head_end = end;
	if (r->number >= 0) {
		const char *nl = memchr(f, '\n', r->flen);
		if (nl) {
			head = nl;
			for (int i = 0; i < 3 && nl; i++)
				nl = memchr(nl + 1, '\n', (size_t)(end - nl - 1));
			head_end = nl ? nl : end;
		}
	}
	for (const char *p = f; (p = find_by(p, end, q, qlen, j)) != NULL; p += qlen) {
		tf += p > head && p <= head_end ? 4 : 1;
		n++;
	}
	*hits = n;
	return tf;
}

/* An article holding the text, for ranking: its row, its size, the term
 * frequency, its score; the query's occurrences in its fold when they
 * were counted (`counted`: the text was read), and its flags in
 * issue_terms (TERMS_SAME...; TERMS_UNKNOWN without its entry). */
enum { TERMS_UNKNOWN = 0x80 };
typedef struct ranked_row {
	int64_t id;
	size_t bytes;
	double tf, score;
	uint32_t hits;
	uint8_t flags;
	bool counted;
} ranked_row;

/* Reads column col of row id through s->blob[i] (moved from row to row:
 * no statement stepped, no allocation) into s->buf. */
static bool blob_text(searching *s, size_t i, const char *col, int64_t id)
{
	if (!blob_move(s->lib->db, "articles", col, id, &s->blob[i]))
		return false;
	int n = sqlite3_blob_bytes(s->blob[i]);
	s->buf.len = 0;
	if (s->buf.cap < (size_t)n + 1)
		util_grow((void **)&s->buf.data, &s->buf.cap, (size_t)n + 1, 1);
	if (n > 0 && sqlite3_blob_read(s->blob[i], s->buf.data, n, 0) != SQLITE_OK)
		return false;
	s->buf.len = (size_t)n;
	return true;
}

/* Weighs row id for ranking (its issue from the rowid, its folded text
 * read alone): false when its issue is out of sight or the text is not
 * in it. Its size is that of the folded text. */
static bool weigh_row(searching *s, int64_t id, ranked_row *out)
{
	if (!issue_visible(s, (id >> ARTICLE_BITS) & MAX_ISSUE_ID))
		return false;
	/* where the fold is the body, it is stored once, in body */
	const unsigned char *e = terms_entry(s, id);
	bool same = e && e[10] & TERMS_SAME;
	if (!blob_text(s, same, same ? "body" : "folded", id))
		return false;
	if (!same && s->buf.len == 0 && !blob_text(s, 1, "body", id))
		return false;
	found_row r = { .folded = s->buf.data, .flen = s->buf.len,
			.number = (uint32_t)(id & MAX_ARTICLE) < s->issue_articles ? 0 : -1 };
	if (!s->scan_at)
		s->scan_at = 1 + scan_byte(r.folded, r.flen, s->q, s->qlen);
	out->tf = weighted_tf(&r, s->q, s->qlen, s->scan_at - 1, &out->hits);
	out->counted = true;
	out->flags = e ? e[10] : TERMS_UNKNOWN;
	out->bytes = s->buf.len;
	return out->tf > 0;
}

/* Where the list of c starts and ends in the issue terms_load loaded,
 * found by a binary search of the entries [lo, hi) of those at `at` (its
 * code points' or its pairs' first ones) read one by one; false when the
 * issue has none. *pos: where c is or would be among them. */
static bool entry_find_at(searching *s, size_t at, uint32_t lo, uint32_t hi, ucs4_t c, uint32_t *pos,
			  uint32_t *from, uint32_t *to)
{
	uint32_t n = hi;
	unsigned char e[2 * TERMS_TOKEN];
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (sqlite3_blob_read(s->terms, e, TERMS_TOKEN, (int)(at + (size_t)mid * TERMS_TOKEN)) != SQLITE_OK)
			return false;
		if (get_u32(e) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	*pos = lo;
	if (lo >= n ||
	    sqlite3_blob_read(s->terms, e, 2 * TERMS_TOKEN, (int)(at + (size_t)lo * TERMS_TOKEN)) != SQLITE_OK ||
	    get_u32(e) != c)
		return false;
	*from = get_u32(e + 4);
	*to = get_u32(e + TERMS_TOKEN + 4);
	return true;
}

/* entry_find_at among all n entries at `at`. */
static bool entry_find(searching *s, size_t at, uint32_t n, ucs4_t c, uint32_t *from, uint32_t *to)
{
	uint32_t pos;
	return entry_find_at(s, at, 0, n, c, &pos, from, to);
}

/* The same in fewer reads, for a key looked up in issue after issue: a
 * window of ENTRY_WINDOW entries read around where it was in the issue
 * before (*near: its place there as a fraction of the entries; the
 * issues' code points are much alike), then, if it is not in the
 * window, a binary search on the side where it must be (each
 * sqlite3_blob_read costs about 400 instructions: the binary search of
 * a few thousand entries took a dozen). */
enum { ENTRY_WINDOW = 32 };
static bool entry_find_near(searching *s, size_t at, uint32_t n, ucs4_t c, double *near, uint32_t *from,
			    uint32_t *to)
{
	unsigned char w[(ENTRY_WINDOW + 1) * TERMS_TOKEN];
	uint32_t lo = 0, hi = n;
	if (*near >= 0 && n > ENTRY_WINDOW) {
		double g = *near * n - ENTRY_WINDOW / 2;
		uint32_t start = g <= 0 ? 0 : g >= n - ENTRY_WINDOW ? n - ENTRY_WINDOW : (uint32_t)g;
		/* one entry more: where the last one's list ends */
		if (sqlite3_blob_read(s->terms, w, (int)sizeof w, (int)(at + (size_t)start * TERMS_TOKEN)) !=
		    SQLITE_OK)
			return false;
		uint32_t first = get_u32(w), last = get_u32(w + (ENTRY_WINDOW - 1) * TERMS_TOKEN);
		if (c < first) {
			hi = start;
		} else if (c > last) {
			lo = start + ENTRY_WINDOW;
		} else {
			uint32_t a = 0, b = ENTRY_WINDOW;
			while (a < b) {
				uint32_t mid = a + (b - a) / 2;
				if (get_u32(w + (size_t)mid * TERMS_TOKEN) < c)
					a = mid + 1;
				else
					b = mid;
			}
			*near = (start + a + 0.5) / n;
			if (get_u32(w + (size_t)a * TERMS_TOKEN) != c)
				return false;
			*from = get_u32(w + (size_t)a * TERMS_TOKEN + 4);
			*to = get_u32(w + (size_t)(a + 1) * TERMS_TOKEN + 4);
			return true;
		}
	}
	uint32_t pos;
	bool found = entry_find_at(s, at, lo, hi, c, &pos, from, to);
	*near = (pos + 0.5) / (n ? n : 1);
	return found;
}

static bool cp_find_blob(searching *s, ucs4_t c, uint32_t *from, uint32_t *to)
{
	return entry_find(s, TERMS_HEAD + (size_t)s->nrows * TERMS_ROW, s->ntokens, c, from, to);
}

/* The same in the n entries t (and the one more) in memory. */
static bool entries_find(const unsigned char *t, uint32_t n, ucs4_t c, uint32_t *from, uint32_t *to)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (get_u32(t + (size_t)mid * TERMS_TOKEN) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= n || get_u32(t + (size_t)lo * TERMS_TOKEN) != c)
		return false;
	*from = get_u32(t + (size_t)lo * TERMS_TOKEN + 4);
	*to = get_u32(t + (size_t)(lo + 1) * TERMS_TOKEN + 4);
	return true;
}

/* The same from the n entries at `at` read whole into *buf (once per
 * issue, *buf_issue: a query of many code points, or of many pairs,
 * looks up each). */
static bool entry_find_read(searching *s, util_buf *buf, int64_t *buf_issue, size_t at, uint32_t n,
			    ucs4_t c, uint32_t *from, uint32_t *to)
{
	if (*buf_issue != s->terms_issue) {
		*buf_issue = s->terms_issue;
		size_t len = ((size_t)n + 1) * TERMS_TOKEN;
		buf->len = 0;
		if (buf->cap < len)
			util_grow((void **)&buf->data, &buf->cap, len, 1);
		if (sqlite3_blob_read(s->terms, buf->data, (int)len, (int)at) == SQLITE_OK)
			buf->len = len;
	}
	return buf->len && entries_find((const unsigned char *)buf->data, n, c, from, to);
}

static bool cp_find_read(searching *s, ucs4_t c, uint32_t *from, uint32_t *to)
{
	return entry_find_read(s, &s->toks, &s->toks_issue, TERMS_HEAD + (size_t)s->nrows * TERMS_ROW,
			       s->ntokens, c, from, to);
}

/* Where the pairs' entries of first code points start in the issue
 * terms_load loaded. */
static size_t firsts_at(const searching *s)
{
	return TERMS_HEAD + (size_t)s->nrows * TERMS_ROW + ((size_t)s->ntokens + 1) * TERMS_TOKEN;
}

/* The list from..to of the issue terms_load loaded, read into *out;
 * false when it cannot be read. */
static bool list_read(searching *s, uint32_t from, uint32_t to, util_buf *out)
{
	if (to < from || to > s->terms_bytes)
		return false;
	size_t len = to - from;
	out->len = 0;
	if (out->cap < len + 1)
		util_grow((void **)&out->data, &out->cap, len + 1, 1);
	if (len && sqlite3_blob_read(s->terms, out->data, (int)len, (int)from) != SQLITE_OK)
		return false;
	out->len = len;
	return true;
}

/* The list of code point c in the issue terms_load loaded, read into
 * *out; false when the issue has none (or it cannot be read). */
static bool cp_list(searching *s, ucs4_t c, util_buf *out)
{
	uint32_t from, to;
	return cp_find_blob(s, c, &from, &to) && list_read(s, from, to, out);
}

/* The next row of a list at *p, its weighted count and how many of its
 * hits are in a header line (see put_count); false at its end or at a
 * row past the issue's nrows. */
static inline bool list_step(const unsigned char **p, const unsigned char *end, uint32_t nrows,
			     uint32_t *low, uint32_t *count, uint32_t *head)
{
	uint32_t d, c;
	if (*p >= end || !util_get_varint(p, end, &d) || !util_get_varint(p, end, &c) ||
	    (uint64_t)*low + d >= nrows)
		return false;
	*head = 0;
	if (c & 1 && !util_get_varint(p, end, head))
		return false;
	*count = c >> 1;
	*low += d;
	return true;
}

/* The same in the issue terms_load loaded. */
static bool list_next(const searching *s, const unsigned char **p, const unsigned char *end,
		      uint32_t *low, uint32_t *count, uint32_t *head)
{
	return list_step(p, end, s->nrows, low, count, head);
}

/* The rows of the list p..end of an issue (its rows' entries `rows`,
 * nrows of them, its rowids from base), with their weighted counts
 * there and how many of their hits weighed 4 (head), appended to *v:
 * their size and flags from their entries, their occurrences from the
 * two. */
static void rows_listed(const unsigned char *rows, uint32_t nrows, int64_t base, const unsigned char *p,
			const unsigned char *end, ranked_row **v, size_t *n, size_t *cap)
{
	/* a row takes two bytes at least: room for all at once (and the
	 * rows written through a local pointer: through *v and *n, each
	 * row read them again) */
	util_grow((void **)v, cap, *n + (size_t)(end - p) / 2 + 1, sizeof **v);
	ranked_row *o = *v + *n, *first = o;
	uint32_t low = 0, count, head;
	for (; list_step(&p, end, nrows, &low, &count, &head); low++) {
		const unsigned char *e = rows + (size_t)low * TERMS_ROW;
		bool whole = (uint64_t)3 * head <= count;      /* else damaged: read the text */
		*o++ = (ranked_row){ .id = base | low, .bytes = get_u32(e), .tf = count,
				     .hits = whole ? count - 3 * head : 0, .flags = e[10], .counted = whole };
	}
	*n += (size_t)(o - first);
}

/* The rows of the issue terms_load loaded holding code point c, with
 * their weighted counts from its list and the size of their folded
 * text from their entries, appended to *v: what weigh_row would find
 * reading each row's text, for a query of that one code point. */
static void rows_of_code_point(searching *s, ucs4_t c, ranked_row **v, size_t *n, size_t *cap)
{
	if (!cp_list(s, c, &s->lists[0]))
		return;
	const unsigned char *p = (const unsigned char *)s->lists[0].data;
	rows_listed((const unsigned char *)s->trows.data, s->nrows, s->terms_base, p, p + s->lists[0].len,
		    v, n, cap);
}

/* The same from issue iid's row of issue_terms as terms_cached keeps it
 * (tp): for a ranked search, which meets every issue (its row read only
 * when it holds c). */
static void rows_of_code_point_tp(searching *s, int64_t iid, const terms_prefix *tp, ucs4_t c,
				  ranked_row **v, size_t *n, size_t *cap)
{
	uint32_t from, to;
	if (!entries_find(tp->toks, tp->ntokens, c, &from, &to) || !terms_blob(s, iid))
		return;
	s->nrows = tp->nrows;
	s->terms_bytes = tp->bytes;
	if (!list_read(s, from, to, &s->lists[0]))
		return;
	const unsigned char *p = (const unsigned char *)s->lists[0].data;
	rows_listed(tp->rows, tp->nrows, tp->base, p, p + s->lists[0].len, v, n, cap);
}

/* Loads which segment of cp_lists holds each issue's lists (lib->seg_of)
 * and the segments holding any (lib->segs), once while the index does
 * not change; false when they cannot be read (then none is used). */
static bool segs_load(library *lib)
{
	if (lib->segs_loaded)
		return lib->nsegs > 0;
	lib->segs_loaded = true;
	static const char *const sql[] = {
		"SELECT data FROM cp_lists WHERE key = ?1",
		"SELECT i.issue, i.seg FROM issue_seg i JOIN cp_segs c USING (seg) ORDER BY i.seg",
		"SELECT data FROM pair_lists WHERE key = ?1",
	};
	for (size_t i = 0; i < UTIL_ARRAY_LEN(sql); i++)
		if (!lib->seg_st[i] && sqlite3_prepare_v3(lib->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT,
							  &lib->seg_st[i], NULL) != SQLITE_OK)
			return false;
	sqlite3_stmt *st = lib->seg_st[1];
	size_t cap = 0, scap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t iid = sqlite3_column_int64(st, 0), seg = sqlite3_column_int64(st, 1);
		if (iid < 0 || iid > MAX_ISSUE_ID || seg <= 0)
			continue;
		if ((size_t)iid >= lib->nseg_of) {
			cap = lib->nseg_of;
			util_grow((void **)&lib->seg_of, &cap, (size_t)iid + 1, sizeof *lib->seg_of);
			memset(lib->seg_of + lib->nseg_of, 0, (cap - lib->nseg_of) * sizeof *lib->seg_of);
			lib->nseg_of = cap;
		}
		lib->seg_of[iid] = seg;
		if (!lib->nsegs || lib->segs[lib->nsegs - 1] != seg)
			UTIL_PUSH(lib->segs, lib->nsegs, scap, seg);
	}
	sqlite3_reset(st);
	return lib->nsegs > 0;
}

/* Whether issue iid's lists are read from its segment of cp_lists or
 * pair_lists (a ranked query of one character, or two): it is in one,
 * in sight, and the head of its row of issue_terms is there
 * (terms_cached: its rows' entries, the only part used);
 * else its list is read from its row of issue_terms as before, or FTS5
 * asked. */
static const terms_prefix *seg_covers(searching *s, int64_t iid)
{
	library *lib = s->lib;
	if (iid < 0 || (size_t)iid >= lib->nseg_of || !lib->seg_of[iid] || !issue_visible(s, iid))
		return NULL;
	return terms_cached_part(s, iid, TERMS_ROWS_ONLY);
}

/* The same as rows_of_code_point for the pair of code points a, b of the
 * BMP standing together (a query of those two): its rows from the
 * issue's lists of pairs, their weighted counts of the pair (hits not
 * overlapping, as weighted_tf counts them). */
/* Where the list of the pair (a, b) is in the issue terms_load loaded
 * (from..to), given where the group of a's pairs is (gfrom..gto: for
 * each second code point, its distance from the one before, the length
 * of its list and the list), read into s->group; false when the issue
 * has no such pair. */
static bool pair_in_group(searching *s, uint32_t gfrom, uint32_t gto, ucs4_t b, uint32_t *from,
			  uint32_t *to)
{
	if (!list_read(s, gfrom, gto, &s->group))
		return false;
	const unsigned char *g = (const unsigned char *)s->group.data, *p = g, *end = p + s->group.len;
	uint32_t second = 0, len = 0;
	while (p < end) {
		uint32_t d;
		if (!util_get_varint(&p, end, &d) || !util_get_varint(&p, end, &len) || len > (size_t)(end - p))
			return false;
		second += d;
		if (second >= b)
			break;
		p += len;
	}
	if (p >= end || second != b)
		return false;
	*from = gfrom + (uint32_t)(p - g);
	*to = *from + len;
	return true;
}

static void rows_of_pair(searching *s, ucs4_t a, ucs4_t b, ranked_row **v, size_t *n, size_t *cap)
{
	uint32_t gfrom, gto, from, to;
	if (!entry_find(s, firsts_at(s), s->nfirsts, a, &gfrom, &gto) ||
	    !pair_in_group(s, gfrom, gto, b, &from, &to))
		return;
	/* the list is in the group read */
	const unsigned char *p = (const unsigned char *)s->group.data + (from - gfrom);
	rows_listed((const unsigned char *)s->trows.data, s->nrows, s->terms_base, p, p + (to - from), v,
		    n, cap);
}

/* The same from issue iid's row as terms_cached keeps it (see
 * rows_of_code_point_tp; read only when a pair begins with a). */
static void rows_of_pair_tp(searching *s, int64_t iid, const terms_prefix *tp, ucs4_t a, ucs4_t b,
			    ranked_row **v, size_t *n, size_t *cap)
{
	uint32_t gfrom, gto, from, to;
	if (!entries_find(tp->firsts, tp->nfirsts, a, &gfrom, &gto) || !terms_blob(s, iid))
		return;
	s->nrows = tp->nrows;
	s->terms_bytes = tp->bytes;
	if (!pair_in_group(s, gfrom, gto, b, &from, &to))
		return;
	const unsigned char *p = (const unsigned char *)s->group.data + (from - gfrom);
	rows_listed(tp->rows, tp->nrows, tp->base, p, p + (to - from), v, n, cap);
}

/* Where the list of the pair ab (a << 16 | b) is in the issue
 * terms_load loaded, its entries of first code points read whole. */
static bool pair_find_read(searching *s, uint32_t ab, uint32_t *from, uint32_t *to)
{
	uint32_t gfrom, gto;
	return entry_find_read(s, &s->firsts, &s->firsts_issue, firsts_at(s), s->nfirsts, ab >> 16,
			       &gfrom, &gto) &&
	       pair_in_group(s, gfrom, gto, ab & 0xFFFF, from, to);
}

/* The same, its first code point found by entry_find_near: for the
 * rarest pairs of a query looked up in issue after issue, reading the
 * entries whole (a few thousand, once an issue) cost more. */
static bool pair_find_blob(searching *s, uint32_t ab, double *near, uint32_t *from, uint32_t *to)
{
	uint32_t gfrom, gto;
	return entry_find_near(s, firsts_at(s), s->nfirsts, ab >> 16, near, &gfrom, &gto) &&
	       pair_in_group(s, gfrom, gto, ab & 0xFFFF, from, to);
}

/* The same from the entries in memory (terms_load_cached). */
static bool pair_find_mem(searching *s, uint32_t ab, uint32_t *from, uint32_t *to)
{
	uint32_t gfrom, gto;
	return entries_find(s->firsts_mem, s->nfirsts, ab >> 16, &gfrom, &gto) &&
	       pair_in_group(s, gfrom, gto, ab & 0xFFFF, from, to);
}

/* Where the lists of the n keys are in the issue terms_load loaded
 * (from[k]..to[k]), shortest first: code points, or (`pairs`) pairs of
 * code points standing together (a << 16 | b); false when one of them
 * is not there (then no row holds them all). */
static bool lists_by_length(searching *s, const uint32_t *keys, size_t *nkeys, bool pairs,
			    uint32_t short_list, uint32_t *from, uint32_t *to, uint32_t *sorted)
{
	size_t n = *nkeys;
	for (size_t k = 0; k < n; k++) {
		bool found = !pairs ? cp_find_read(s, keys[k], &from[k], &to[k]) :
			     s->firsts_mem ? pair_find_mem(s, keys[k], &from[k], &to[k]) :
			     n <= LIST_WALK ? pair_find_blob(s, keys[k], &s->near[k], &from[k], &to[k]) :
					      pair_find_read(s, keys[k], &from[k], &to[k]);
		if (!found)
			return false;
		if (k == 0 && short_list && to[0] - from[0] <= short_list) {
			*nkeys = 1;     /* a few rows: the filter sees them */
			sorted[0] = keys[0];
			return true;
		}
		sorted[k] = keys[k];
		for (size_t j = k; j > 0 && to[j] - from[j] < to[j - 1] - from[j - 1]; j--) {
			uint32_t f = from[j], t = to[j], key = sorted[j];
			from[j] = from[j - 1];
			to[j] = to[j - 1];
			sorted[j] = sorted[j - 1];
			from[j - 1] = f;
			to[j - 1] = t;
			sorted[j - 1] = key;
		}
	}
	return true;
}

/* The bytes of a list (a row takes two or three) short enough to be
 * walked alone, its rows filtered, rather than against a second list. */
enum { SHORT_LIST = 8 };

/* The rowids of the rows of the issue terms_load loaded that may hold
 * the n distinct keys (code points, or with `pairs` pairs of them
 * standing together), in row order (the order of their rowids), into
 * s->ids: the rows in each of the LIST_WALK shortest lists (walked
 * together), or those of the first key alone when its list is no longer
 * than short_list bytes. Every row holding them all is among them; the bigram
 * filter and the text then decide, which for the few rows a longer list
 * would turn away costs less than walking it. */
static bool rows_of_all(searching *s, const uint32_t *keys, size_t n, bool pairs, uint32_t short_list,
			uint32_t *rarest)
{
	s->ids.len = 0;
	const unsigned char *p[LIST_WALK], *end[LIST_WALK];
	uint32_t at[LIST_WALK], count, head, from[LIST_CPS_MAX], to[LIST_CPS_MAX], sorted[LIST_CPS_MAX];
	if (!lists_by_length(s, keys, &n, pairs, short_list, from, to, sorted))
		return false;
	if (n > LIST_WALK)
		n = LIST_WALK;
	if (rarest)
		memcpy(rarest, sorted, n * sizeof *rarest);
	for (size_t k = 0; k < n; k++) {
		if (!list_read(s, from[k], to[k], &s->lists[k]))
			return true;
		p[k] = (const unsigned char *)s->lists[k].data;
		end[k] = p[k] + s->lists[k].len;
		at[k] = 0;
		if (!list_next(s, &p[k], end[k], &at[k], &count, &head))
			return true;
	}
	/* each list in turn moved up to the highest row seen; a row all n
	 * stand at is a candidate */
	uint32_t want = at[0];
	for (size_t k = 0, agree = 0;;) {
		while (at[k] < want) {
			at[k]++;
			if (!list_next(s, &p[k], end[k], &at[k], &count, &head))
				return true;
		}
		if (at[k] > want) {
			want = at[k];   /* a new row: this list agrees with it */
			agree = 0;
		}
		if (++agree == n) {
			int64_t id = s->terms_base | want;
			util_buf_add(&s->ids, &id, sizeof id);
			want++;
			agree = 0;
		}
		k = k + 1 == n ? 0 : k + 1;
	}
}

/* The bm25 weight of a row of the text tf times (weighted) and of that
 * size, given the average size of the rows holding it (see rank). */
static inline double bm25(double tf, size_t bytes, double avg)
{
	const double k1 = 1.2, b = 0.75;
	double norm = k1 * (1 - b + b * (double)bytes / (avg > 0 ? avg : 1));
	return tf * (k1 + 1) / (tf + norm);
}

/* Whether row a ranks before row b: by its score, then newer first. */
static inline bool ranks_before(const ranked_row *a, const ranked_row *b)
{
	return a->score > b->score || (a->score == b->score && a->id < b->id);
}

/* The keep-th highest of the n scores sc (1 <= keep <= n), which it
 * reorders: a quickselect, about 3n comparisons. */
static double kth_score(double *sc, size_t n, size_t keep)
{
	ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, k = (ptrdiff_t)keep - 1;
	while (lo < hi) {
		double a = sc[lo], b = sc[lo + (hi - lo) / 2], c = sc[hi];
		double pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
		ptrdiff_t i = lo, j = hi;
		while (i <= j) {
			while (sc[i] > pivot)
				i++;
			while (sc[j] < pivot)
				j--;
			if (i <= j) {
				double t = sc[i];
				sc[i++] = sc[j];
				sc[j--] = t;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;          /* between: equal to the pivot */
	}
	return sc[k];
}

/* Sorts the indices h[0, n) of rows of f by ranks_before (a merge
 * sort through tmp, n of them). */
static void sort_ranked(const ranked_row *f, uint32_t *h, uint32_t *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t m = n / 2;
	sort_ranked(f, h, tmp, m);
	sort_ranked(f, h + m, tmp, n - m);
	memcpy(tmp, h, m * sizeof *h);
	size_t a = 0, b = m, o = 0;
	while (a < m && b < n)
		h[o++] = ranks_before(&f[h[b]], &f[tmp[a]]) ? h[b++] : tmp[a++];
	while (a < m)
		h[o++] = tmp[a++];
}

static int id_cmp(const void *a, const void *b, void *ctx)
{
	const ranked_row *f = ctx;
	int64_t x = f[*(const uint32_t *)a].id, y = f[*(const uint32_t *)b].id;
	return x < y ? -1 : x > y;
}

/* Orders the rows by the bm25 weight of the text in each (the query is
 * one phrase, so its idf is the same everywhere and only the term
 * frequency and the article's length against the average of the rows
 * holding it count), then newest first; only the best `keep` (0: all)
 * are ordered, at the front, and their number returned. They are the
 * front of the whole order: the choice and the sort compare by ranks_before,
 * a total order (rowids differ). */
static size_t rank(ranked_row *f, size_t n, size_t keep, double avg)
{
	/* the average size of the rows holding the text: theirs, unless
	 * given (the rows are then those that may enter the best, see
	 * rows_of_segs; their sizes summed as integers, as
	 * exact as this sum) */
	if (avg < 0) {
		avg = 0;
		for (size_t i = 0; i < n; i++)
			avg += (double)f[i].bytes;
		avg = n ? avg / (double)n : 1;
	}
	/* the scores, and a copy for kth_score */
	double *sc = util_malloc((n ? n : 1) * sizeof *sc);
	for (size_t i = 0; i < n; i++)
		sc[i] = f[i].score = bm25(f[i].tf, f[i].bytes, avg);
	if (!keep || keep > n)
		keep = n;
	if (n < 2) {
		free(sc);
		return n;
	}
	/* the keep-th score found (a heap of the best rows, compared with
	 * its worst, was sifted about a thousand times a query of one
	 * common character): the rows above it are in, and of those at it
	 * the newest */
	double t = kth_score(sc, n, keep);
	free(sc);
	uint32_t *h = util_malloc(n * sizeof *h), *tmp = util_malloc(n * sizeof *tmp);
	size_t nh = 0, ntie = 0;
	for (size_t i = 0; i < n; i++) {
		if (f[i].score > t)
			h[nh++] = (uint32_t)i;
		else if (f[i].score == t)
			tmp[ntie++] = (uint32_t)i;
	}
	/* the rows come newest first from the lists: their ties too */
	bool newest_first = true;
	for (size_t i = 1; i < ntie && newest_first; i++)
		newest_first = f[tmp[i - 1]].id < f[tmp[i]].id;
	if (nh + ntie > keep && !newest_first)
		qsort_r(tmp, ntie, sizeof *tmp, id_cmp, f);
	memcpy(h + nh, tmp, (keep - nh) * sizeof *h);
	sort_ranked(f, h, tmp, keep);
	ranked_row *best = util_malloc(keep * sizeof *best);
	for (size_t i = 0; i < keep; i++)
		best[i] = f[h[i]];
	memcpy(f, best, keep * sizeof *f);
	free(best);
	free(h);
	free(tmp);
	return keep;
}

/* What a search has found so far: the hits made, the rows weighed
 * (ranked), the articles with hits (newest first, up to max: 0, all). */
typedef struct found {
	hit_list hits;
	ranked_row *ranked;
	size_t nranked, ranked_cap;
	size_t articles, max;
	/* ranked: the best kept (0: all), and the average size of the rows
	 * holding the text when they were not all taken (else -1) */
	size_t keep;
	double avg;
	/* newest first, each article's hits given at once (then not kept) */
	library_hits_fn each;
	void *ctx;
	size_t given;
} found;

/* Takes row id, a candidate (a row holding the query's characters), in
 * the search's order: ranked, it is weighed (the hits only of those
 * shown, see library_search); newest first, its hits are made. False
 * when the search has all it wants. */
/* A row read (when `read`: s->r holds it) matched and its hits given;
 * false when the search has all it wants. */
static bool take_read(searching *s, bool read, found *f)
{
	if (read && match_article(s->sf, s->q, s->qlen, &s->r, &f->hits, !f->each)) {
		f->articles++;
		if (f->each) {
			size_t n = f->hits.n;
			f->hits.n = 0;
			f->given += n;
			if (!f->each(f->ctx, f->hits.items, n))
				return false;
		}
	}
	return !f->max || f->articles < f->max;
}

static bool take_row(searching *s, library_order order, int64_t id, const uint32_t *qh,
		     size_t nqh, found *f)
{
	/* the filter first, then the text, then its issue */
	if (!filter_pass(s, id, qh, nqh))
		return true;
	if (order == LIBRARY_RANKED) {
		ranked_row rr = { .id = id };
		if (weigh_row(s, id, &rr))
			UTIL_PUSH(f->ranked, f->nranked, f->ranked_cap, rr);
		return true;
	}
	return take_read(s, read_row(s, id, true), f);
}

/* The candidates of one issue, cand[0, n) (ids ascending), newest
 * first: when they are many and close together, the rows of their
 * range stepped through by one statement, those that are no candidate
 * passed over (their text not read), instead of a statement made for
 * each (a reset, a bind and a lookup from the root: about 4,000 of the
 * 9,400 instructions a row of 从 over the benchmark's library); the same
 * rows, in the same order, as take_row. */
enum { RANGE_MIN = 4, RANGE_SPREAD = 4 };
static bool take_range(searching *s, library_order order, const int64_t *cand, size_t n,
		       const uint32_t *qh, size_t nqh, found *f)
{
	bool more = true;
	sqlite3_stmt *st = s->range;
	if (order != LIBRARY_NEWEST || !st || n < RANGE_MIN ||
	    (uint64_t)(cand[n - 1] - cand[0]) >= (uint64_t)RANGE_SPREAD * n) {
		for (size_t k = 0; more && k < n; k++)
			more = take_row(s, order, cand[k], qh, nqh, f);
		return more;
	}
	sqlite3_bind_int64(st, 1, cand[0]);
	sqlite3_bind_int64(st, 2, cand[n - 1]);
	size_t k = 0;
	while (more && k < n && sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 9);
		while (k < n && cand[k] < id)
			k++;            /* no such row: read_row would not find it */
		if (k == n || cand[k] != id)
			continue;
		k++;
		if (filter_pass(s, id, qh, nqh))
			more = take_read(s, row_from(s, st, true), f);
	}
	sqlite3_reset(st);
	return more;
}

/* The candidates FTS5 gives through st (bound), in rowid order, taken;
 * false when the search has all it wants. */
static bool take_fts(searching *s, sqlite3_stmt *st, library_order order, const uint32_t *qh,
		     size_t nqh, found *f)
{
	int rc;
	bool more = true;
	while (more && (rc = sqlite3_step(st)) == SQLITE_ROW)
		more = take_row(s, order, sqlite3_column_int64(st, 0), qh, nqh, f);
	if (more && rc != SQLITE_DONE)
		lib_warn(s->lib, "library search: %s", sqlite3_errmsg(s->lib->db));
	sqlite3_reset(st);
	return more;
}

/* The query's code points whose lists give the candidates: its distinct
 * indexed ones, the first and the last always among them (every row
 * with the phrase holds all of them, so any of them give a superset),
 * at most LIST_CPS_MAX. Returns how many. */
static size_t list_cps(const char *q, size_t qlen, ucs4_t *out)
{
	size_t n = 0;
	ucs4_t last = 0;
	bool any = false;
	for (size_t i = 0; i < qlen;) {
		ucs4_t c;
		if (!next_cp((const uint8_t *)q, qlen, &i, &c))
			continue;
		any = true;
		last = c;
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = out[k] == c;
		if (!seen && n + 1 < LIST_CPS_MAX)
			out[n++] = c;
	}
	bool seen = false;
	for (size_t k = 0; k < n && !seen; k++)
		seen = out[k] == last;
	if (any && !seen)
		out[n++] = last;
	return n;
}

/* The query's pairs of indexed code points of the BMP standing together
 * (a << 16 | b), as row_line lists them: every row with the phrase
 * holds each of them, and a pair is rarer than either of its code
 * points. Distinct, at most LIST_CPS_MAX; *all tells whether they are
 * every bigram of the query (as bigram_hashes finds them). Returns how
 * many. */
static size_t list_pairs(const char *q, size_t qlen, uint32_t *out, bool *all)
{
	size_t n = 0;
	ucs4_t prev = 0;
	bool had = false;
	*all = true;
	for (size_t i = 0; i < qlen;) {
		ucs4_t c;
		bool ix = next_cp((const uint8_t *)q, qlen, &i, &c);
		if (ix && had) {
			uint32_t ab = prev << 16 | c;
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++)
				seen = out[k] == ab;
			if ((prev | c) >= SEEN_CPS || (!seen && n == LIST_CPS_MAX))
				*all = false;
			else if (!seen)
				out[n++] = ab;
		}
		had = ix;
		prev = c;
	}
	return n;
}

/* A bucket of a segment's list (see seg_list): the best score a row of
 * it may have, its rows, and where its issues' heads are. */
typedef struct seg_walk {
	double bound;
	uint32_t top, least;            /* its highest count, its least size */
	const unsigned char *rows, *end;
	size_t tps;                     /* into s->segtps */
} seg_walk;

static int walk_cmp(const void *a, const void *b)
{
	double x = ((const seg_walk *)a)->bound, y = ((const seg_walk *)b)->bound;
	return x > y ? -1 : x < y;
}

/* Reads the row of each segment of code point key (pairs: of the pair
 * key, a << 16 | b) into s->seglists (at[k] where segment k's starts,
 * at[nsegs] the end). */
static void seg_lists_read(searching *s, bool pairs, uint32_t key, size_t *at)
{
	library *lib = s->lib;
	sqlite3_stmt *st = lib->seg_st[pairs ? 2 : 0];
	int bits = pairs ? SEG_PAIR_BITS : SEG_CP_BITS;
	s->seglists.len = 0;
	for (size_t k = 0; k < lib->nsegs; k++) {
		at[k] = s->seglists.len;
		sqlite3_bind_int64(st, 1, lib->segs[k] << bits | (int64_t)key);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) > 0)
			util_buf_add(&s->seglists, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0));
		sqlite3_reset(st);
	}
	at[lib->nsegs] = s->seglists.len;
}

/* The issues and buckets of segment k's list p..end: each issue's head
 * when it is in use there (seg_covers, as take_lists found it:
 * s->covered) appended to s->segtps, its rows
 * counted into *count and their sizes into *sum; each bucket to
 * s->segbuckets (its bound not yet known: its highest count and least
 * size in it). False when the list is damaged. */
static bool seg_list_open(searching *s, size_t k, const unsigned char *p, const unsigned char *end,
			  size_t *count, uint64_t *sum)
{
	library *lib = s->lib;
	uint32_t nis, nb, iid, rows, bytes, top, least, n, len;
	size_t tps = s->segtps.len / sizeof(const terms_prefix *);
	if (!util_get_varint(&p, end, &nis))
		return false;
	for (uint32_t j = 0; j < nis; j++) {
		if (!util_get_varint(&p, end, &iid) || !util_get_varint(&p, end, &rows) || !util_get_varint(&p, end, &bytes))
			return false;
		const terms_prefix *tp = NULL;
		if (iid < s->ncovered && lib->seg_of[iid] == lib->segs[k] && (tp = s->covered[iid]) != NULL) {
			*count += rows;
			*sum += bytes;
		}
		util_buf_add(&s->segtps, &tp, sizeof tp);
	}
	if (!util_get_varint(&p, end, &nb))
		return false;
	const unsigned char *r = p;
	/* the rows start after the buckets' heads: found first */
	for (uint32_t j = 0; j < nb; j++)
		if (!util_get_varint(&r, end, &top) || !util_get_varint(&r, end, &least) || !util_get_varint(&r, end, &n) ||
		    !util_get_varint(&r, end, &len))
			return false;
	for (uint32_t j = 0; j < nb; j++) {
		util_get_varint(&p, end, &top);
		util_get_varint(&p, end, &least);
		util_get_varint(&p, end, &n);
		util_get_varint(&p, end, &len);
		if (len > (size_t)(end - r))
			return false;
		seg_walk w = { .top = top, .least = least, .rows = r, .end = r + len, .tps = tps };
		util_buf_add(&s->segbuckets, &w, sizeof w);
		r += len;
	}
	return true;
}

/* Appends the rows of bucket w to *f (as rows_listed would append
 * them), each with its score. */
static void seg_bucket_rows(searching *s, const seg_walk *w, double avg, found *f)
{
	const terms_prefix *const *tps = (const terms_prefix *const *)(void *)s->segtps.data + w->tps;
	size_t ntps = s->segtps.len / sizeof *tps - w->tps;
	const unsigned char *p = w->rows;
	uint32_t place, low, c, head;
	util_grow((void **)&f->ranked, &f->ranked_cap, f->nranked + (size_t)(w->end - p) / 3 + 1,
		  sizeof *f->ranked);
	while (p < w->end && util_get_varint(&p, w->end, &place) && util_get_varint(&p, w->end, &low) &&
	       util_get_varint(&p, w->end, &c) && (!(c & 1) || util_get_varint(&p, w->end, &head))) {
		if (!(c & 1))
			head = 0;
		const terms_prefix *tp = place < ntps ? tps[place] : NULL;
		if (!tp || low >= tp->nrows)
			continue;
		const unsigned char *e = tp->rows + (size_t)low * TERMS_ROW;
		uint32_t count = c >> 1;
		bool whole = (uint64_t)3 * head <= count;
		ranked_row rr = { .id = tp->base | low, .bytes = get_u32(e), .tf = count,
				  .hits = whole ? count - 3 * head : 0, .flags = e[10], .counted = whole };
		rr.score = bm25(rr.tf, rr.bytes, avg);
		f->ranked[f->nranked++] = rr;
	}
}

/* The keep-th best score of the rows found so far (keep <= their
 * number). */
static double kth_found(searching *s, const found *f, size_t keep)
{
	s->segscores.len = 0;
	if (s->segscores.cap < f->nranked * sizeof(double) + 1)
		util_grow((void **)&s->segscores.data, &s->segscores.cap, f->nranked * sizeof(double) + 1, 1);
	double *sc = (double *)(void *)s->segscores.data;
	for (size_t i = 0; i < f->nranked; i++)
		sc[i] = f->ranked[i].score;
	return kth_score(sc, f->nranked, keep);
}

/* The rows holding code point key (pairs: the pair key, a << 16 | b,
 * standing together) of the issues that seg_covers, from their
 * segments' lists (a row of cp_lists, or pair_lists, a segment, where
 * each issue's row of issue_terms was moved to and its list read, about
 * 2,000 instructions an issue, 365 for every query), appended to f after
 * those of the other issues: bm25's average size first, from the sums
 * the lists hold and the other rows' sizes (f->avg), then the buckets
 * best first, until no row of those left can enter the best f->keep
 * (its score below the keep-th of the rows taken: those are then the
 * best, ties too). */
static void rows_of_segs(searching *s, bool pairs, uint32_t key, found *f)
{
	library *lib = s->lib;
	if (!segs_load(lib))
		return;
	size_t *at = util_malloc((lib->nsegs + 1) * sizeof *at);
	seg_lists_read(s, pairs, key, at);
	s->segtps.len = s->segbuckets.len = 0;
	size_t count = f->nranked;
	uint64_t sum = 0;
	for (size_t i = 0; i < f->nranked; i++)
		sum += f->ranked[i].bytes;
	const unsigned char *base = (const unsigned char *)s->seglists.data;
	for (size_t k = 0; k < lib->nsegs; k++)
		if (at[k + 1] > at[k])
			seg_list_open(s, k, base + at[k], base + at[k + 1], &count, &sum);
	free(at);
	if (count == 0)
		return;
	double avg = (double)sum / (double)count;
	f->avg = avg;
	for (size_t i = 0; i < f->nranked; i++)
		f->ranked[i].score = bm25(f->ranked[i].tf, f->ranked[i].bytes, avg);
	seg_walk *w = (seg_walk *)(void *)s->segbuckets.data;
	size_t nw = s->segbuckets.len / sizeof *w;
	for (size_t i = 0; i < nw; i++)
		w[i].bound = bm25(w[i].top, w[i].least, avg);
	qsort(w, nw, sizeof *w, walk_cmp);
	size_t keep = f->keep, at_t = 0;
	double t = -1;
	for (size_t i = 0; i < nw; i++) {
		if (keep && f->nranked >= keep) {
			/* a threshold found with fewer rows is no higher: still
			 * a bound; found again when the rows grew by a quarter */
			if (w[i].bound < t)
				break;
			if (f->nranked >= at_t + at_t / 4 + 1) {
				t = kth_found(s, f, keep);
				at_t = f->nranked;
				if (w[i].bound < t)
					break;
			}
		}
		seg_bucket_rows(s, &w[i], avg, f);
	}
}

/* The search walked issue by issue (lib->order: rowid order) over each
 * one's lists of code points instead of FTS5: ranked, every issue (a
 * query of one code point from its counts alone, `one`; of two of the
 * BMP, from the counts of their pair, `pair`); newest first,
 * until max articles have hits. The candidates of an issue come in row
 * order, so the rows are met in FTS5's order. An issue without its
 * issue_terms row is asked of FTS5 over its range of rowids (fts,
 * bound to the query). */
static void take_lists(searching *s, library_order order, bool one, const ucs4_t *pair,
		       const ucs4_t *cps, size_t ncps, const uint32_t *pairs, size_t npairs,
		       sqlite3_stmt *fts, const uint32_t *qh, size_t nqh, found *f)
{
	library *lib = s->lib;
	bool more = true;
	/* the rarest pairs of the first issue holding them all stand for
	 * them in the issues after it (looking each pair up in every issue
	 * cost more than the rows it turned away) */
	uint32_t rare[LIST_WALK];
	size_t nrare = 0;
	for (size_t k = 0; k < LIST_WALK; k++)
		s->near[k] = -1;
	if (one || pair) {
		segs_load(lib);         /* before seg_covers is asked */
		free(s->covered);
		s->ncovered = lib->nseg_of;
		s->covered = util_calloc(s->ncovered + 1, sizeof *s->covered);
	}
	for (size_t i = 0; more && i < lib->norder; i++) {
		int64_t iid = lib->order[i];
		if (!issue_visible(s, iid))
			continue;
		const terms_prefix *in_seg = (one || pair) ? seg_covers(s, iid) : NULL;
		if (in_seg) {
			s->covered[iid] = in_seg;       /* below nseg_of: seg_covers said so */
			continue;
		}
		const terms_prefix *tp = NULL;
		if ((one || pair) && (tp = terms_cached(s, iid, pair != NULL)) != NULL) {
			if (one)
				rows_of_code_point_tp(s, iid, tp, cps[0], &f->ranked, &f->nranked,
						      &f->ranked_cap);
			else
				rows_of_pair_tp(s, iid, tp, pair[0], pair[1], &f->ranked, &f->nranked,
						&f->ranked_cap);
			continue;
		}
		bool cached = order == LIBRARY_RANKED && npairs && terms_load_cached(s, iid);
		if (!cached && !terms_load(s, iid)) {
			int64_t base = rowid_base(s->r.issue_str[1], iid);
			sqlite3_bind_int64(fts, 2, base);
			sqlite3_bind_int64(fts, 3, base | MAX_ARTICLE);
			more = take_fts(s, fts, order, qh, nqh, f);
			continue;
		}
		if (one) {
			rows_of_code_point(s, cps[0], &f->ranked, &f->nranked, &f->ranked_cap);
			continue;
		}
		if (pair) {
			rows_of_pair(s, pair[0], pair[1], &f->ranked, &f->nranked, &f->ranked_cap);
			continue;
		}
		/* where the filter is asked anyway (the query has more
		 * pairs than those two), the list of the rarest alone when it
		 * is short: looking up the second one in every issue cost more
		 * than the filters of the few rows it turned away */
		if (!npairs) {
			rows_of_all(s, cps, ncps, false, 0, NULL);
		} else if (nrare) {
			rows_of_all(s, rare, nrare, true, nqh ? SHORT_LIST : 0, NULL);
		} else if (rows_of_all(s, pairs, npairs, true, 0, rare)) {
			nrare = npairs < LIST_WALK ? npairs : LIST_WALK;
			for (size_t k = 0; k < LIST_WALK; k++)
				s->near[k] = -1;        /* they were the places of pairs[] */
		}
		const int64_t *cand = (const int64_t *)(void *)s->ids.data;
		size_t ncand = s->ids.len / sizeof *cand;
		more = take_range(s, order, cand, ncand, qh, nqh, f);
	}
	/* then the issues in segments (their rows' average known from
	 * theirs and these) */
	if (one)
		rows_of_segs(s, false, cps[0], f);
	else if (pair)
		rows_of_segs(s, true, pair[0] << 16 | pair[1], f);
}

/* A ranked query of 3 code points or more, each indexed, of the BMP,
 * and none the same as the one after it (the second 哈哈 of 哈哈哈 is in
 * no list): the pairs that fix it (pairpos_cover), at offs in it, and
 * its length in code points. */
typedef struct phrase {
	uint32_t pair[PAIRPOS_MAX], offs[PAIRPOS_MAX];
	size_t k;
	uint32_t span;
} phrase;

static bool phrase_of(const char *q, size_t qlen, phrase *ph)
{
	ucs4_t cps[2 * PAIRPOS_MAX + 1];
	size_t n = 0;
	for (size_t i = 0; i < qlen;) {
		ucs4_t c;
		if (n == UTIL_ARRAY_LEN(cps) || !next_cp((const uint8_t *)q, qlen, &i, &c) || c >= SEEN_CPS ||
		    (n && cps[n - 1] == c))
			return false;
		cps[n++] = c;
	}
	ph->k = pairpos_cover(n, ph->offs);
	for (size_t j = 0; j < ph->k; j++)
		ph->pair[j] = cps[ph->offs[j]] << 16 | cps[ph->offs[j] + 1];
	ph->span = (uint32_t)n;
	return ph->k > 0;
}

/* What a phrase search reads of pair_pos: one blob moved from issue to
 * issue (on row `row`), a buffer for each pair's group. */
typedef struct phrase_read {
	sqlite3_blob *blob;
	int64_t row;
	util_buf buf[PAIRPOS_MAX];
	/* and of pos_segs: a blob moved from row to row, a row's directory */
	sqlite3_blob *sblob;
	util_buf dir;
} phrase_read;

/* Moves pr->blob to issue iid's row of pair_pos; false when it is not
 * there. */
static bool pos_row(searching *s, phrase_read *pr, int64_t iid)
{
	if (pr->blob && pr->row == iid)
		return true;
	if (!blob_move(s->lib->db, "pair_pos", "data", iid, &pr->blob))
		return false;
	pr->row = iid;
	return true;
}

/* Issue iid's entries of first code points in pair_pos (pairpos.h),
 * kept with its strings (lib->by_id) once read: a ranked phrase meets
 * every issue, and an issue without one of its first code points is
 * then passed over without reading its row. NULL when the row is
 * missing or damaged. The issue must have been met (issue_visible). */
static const cached_issue *pos_entries(searching *s, phrase_read *pr, int64_t iid)
{
	cached_issue *c = (size_t)iid < s->lib->nby_id ? s->lib->by_id[iid] : NULL;
	if (!c || c->pos_bad)
		return NULL;
	if (c->pos_dir)
		return c;
	c->pos_bad = true;      /* until read */
	unsigned char head8[PAIRPOS_HEAD];
	pairpos_head *h = &c->pos_head;
	if (!pos_row(s, pr, iid))
		return NULL;
	int bytes = sqlite3_blob_bytes(pr->blob);
	if (bytes < PAIRPOS_HEAD || sqlite3_blob_read(pr->blob, head8, PAIRPOS_HEAD, 0) != SQLITE_OK ||
	    !pairpos_head_read(h, head8, (size_t)bytes))
		return NULL;
	size_t n = h->groups_at - PAIRPOS_HEAD;
	unsigned char *dir = util_malloc(n + 1);
	if (n && sqlite3_blob_read(pr->blob, dir, (int)n, PAIRPOS_HEAD) != SQLITE_OK) {
		free(dir);
		return NULL;
	}
	c->pos_dir = dir;
	h->entries = dir;
	h->skips = dir + (size_t)h->nfirst * PAIRPOS_ENTRY;
	c->pos_bad = false;
	return c;
}

/* The rows of an issue (tp: its rows' entries) holding the phrase, from
 * the lists l of its pairs in that issue, appended to f->ranked with
 * their hits and weights. */
static void phrase_rows(pairpos_list *l, const phrase *ph, const terms_prefix *tp, found *f)
{
	/* each list moved up to the highest row seen; a row all stand at
	 * holds the pairs, and their positions say where the phrase is */
	for (uint32_t want = 0;; want++) {
		for (size_t j = 0; j < ph->k;) {
			if (!pairpos_seek(&l[j], want))
				return;
			if (l[j].row > want) {
				want = l[j].row;
				j = 0;
			} else {
				j++;
			}
		}
		uint32_t tf, hits = pairpos_hits(l, ph->offs, ph->k, ph->span, &tf);
		if (!hits || want >= tp->nrows)
			continue;
		const unsigned char *e = tp->rows + (size_t)want * TERMS_ROW;
		ranked_row rr = { .id = tp->base | want, .bytes = get_u32(e), .tf = tf, .hits = hits,
				  .flags = e[10], .counted = true };
		UTIL_PUSH(f->ranked, f->nranked, f->ranked_cap, rr);
	}
}

/* The rows of issue iid (tp: its rows' entries) holding the phrase, with
 * their hits and weights from the positions of its pairs, appended to
 * f->ranked as weigh_row would weigh them reading each one's text, in
 * the same order; false when the issue has no positional lists. */
static bool phrase_issue(searching *s, phrase_read *pr, int64_t iid, const terms_prefix *tp,
			 const phrase *ph, found *f)
{
	const cached_issue *c = pos_entries(s, pr, iid);
	if (!c)
		return false;
	const pairpos_head *h = &c->pos_head;
	pairpos_slice sl[PAIRPOS_MAX];
	for (size_t j = 0; j < ph->k; j++)
		if (!pairpos_slice_of(h, ph->pair[j] >> 16, ph->pair[j] & 0xFFFF, &sl[j]))
			return true;    /* no row holds that pair */
	pairpos_list l[PAIRPOS_MAX];
	for (size_t j = 0; j < ph->k; j++) {
		/* a piece read once for the pairs it holds */
		const util_buf *g = NULL;
		for (size_t i = 0; i < j && !g; i++)
			if (sl[i].from == sl[j].from && sl[i].to == sl[j].to)
				g = &pr->buf[i];
		if (!g) {
			util_buf *b = &pr->buf[j];
			size_t n = sl[j].to - sl[j].from;
			if (b->cap < n + 1)
				util_grow((void **)&b->data, &b->cap, n + 1, 1);
			if (!pos_row(s, pr, iid) ||
			    (n && sqlite3_blob_read(pr->blob, b->data, (int)n, (int)(h->groups_at + sl[j].from)) !=
					  SQLITE_OK))
				return false;
			b->len = n;
			g = b;
		}
		const unsigned char *list;
		size_t len;
		if (!pairpos_slice_find((const unsigned char *)g->data, g->len, &sl[j], ph->pair[j] & 0xFFFF, &list,
					&len))
			return true;
		pairpos_start(&l[j], list, len);
	}
	phrase_rows(l, ph, tp, f);
	return true;
}

/* Whether segment k of lib->segs has its rows in pos_segs (its row of
 * issues, see pos_seg_issues), looked up once while the index does not
 * change. */
static bool seg_has_pos(searching *s, phrase_read *pr, size_t k)
{
	library *lib = s->lib;
	if (!lib->seg_pos) {
		lib->seg_pos = util_malloc(lib->nsegs + 1);
		memset(lib->seg_pos, -1, lib->nsegs + 1);
	}
	if (lib->seg_pos[k] < 0)
		lib->seg_pos[k] = blob_move(lib->db, "pos_segs", "data", lib->segs[k] << POS_SEG_BITS, &pr->sblob);
	return lib->seg_pos[k] == 1;
}

/* The place in lib->segs of the segment whose rows of pos_segs hold
 * issue iid's lists, or -1 (none: its row of pair_pos is read). */
static ptrdiff_t pos_seg_of(searching *s, phrase_read *pr, int64_t iid)
{
	library *lib = s->lib;
	if (iid < 0 || (size_t)iid >= lib->nseg_of || !lib->seg_of[iid])
		return -1;
	int64_t seg = lib->seg_of[iid];
	size_t lo = 0, hi = lib->nsegs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lib->segs[mid] < seg)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lib->nsegs && lib->segs[lo] == seg && seg_has_pos(s, pr, lo) ? (ptrdiff_t)lo : -1;
}

/* The block of pair (a, b) in segment seg's rows of pos_segs read into
 * out: 1, or 0 when no issue of the segment holds the pair, -1 when the
 * row is damaged. */
static int pos_seg_block(searching *s, phrase_read *pr, int64_t seg, uint32_t a, uint32_t b, util_buf *out)
{
	if (!blob_move(s->lib->db, "pos_segs", "data", seg << POS_SEG_BITS | a, &pr->sblob))
		return 0;
	size_t bytes = (size_t)sqlite3_blob_bytes(pr->sblob);
	/* the count and the first entries in one read (most rows have a few) */
	size_t first = bytes < 4 + 64 * PAIRPOS_SEG_DIR ? bytes : 4 + 64 * PAIRPOS_SEG_DIR;
	util_buf *d = &pr->dir;
	if (d->cap < first + 1)
		util_grow((void **)&d->data, &d->cap, first + 1, 1);
	if (first < 4 || sqlite3_blob_read(pr->sblob, d->data, (int)first, 0) != SQLITE_OK)
		return -1;
	uint32_t nb;
	memcpy(&nb, d->data, 4);
	size_t dir = 4 + (size_t)nb * PAIRPOS_SEG_DIR;
	if (dir > bytes)
		return -1;
	if (dir > first) {
		if (d->cap < dir + 1)
			util_grow((void **)&d->data, &d->cap, dir + 1, 1);
		if (sqlite3_blob_read(pr->sblob, d->data + first, (int)(dir - first), (int)first) != SQLITE_OK)
			return -1;
	}
	uint32_t from, to;
	if (!pairpos_seg_find((const unsigned char *)d->data + 4, nb, b, &from, &to))
		return 0;
	if (to > bytes - dir)
		return -1;
	size_t n = to - from;
	if (out->cap < n + 1)
		util_grow((void **)&out->data, &out->cap, n + 1, 1);
	if (n && sqlite3_blob_read(pr->sblob, out->data, (int)n, (int)(dir + from)) != SQLITE_OK)
		return -1;
	out->len = n;
	return 1;
}

/* The rows holding the phrase of the issues whose lists are in segment
 * k of lib->segs (pos_seg_of), from its rows of pos_segs: each pair's
 * block read once for the segment's issues (a pair's list of each
 * issue was a reopen and a read of its row of pair_pos). False when a
 * row is damaged. */
static bool phrase_seg(searching *s, phrase_read *pr, size_t k, const phrase *ph, found *f)
{
	library *lib = s->lib;
	int64_t seg = lib->segs[k];
	pairpos_block bl[PAIRPOS_MAX];
	for (size_t j = 0; j < ph->k; j++) {
		int got = pos_seg_block(s, pr, seg, ph->pair[j] >> 16, ph->pair[j] & 0xFFFF, &pr->buf[j]);
		if (got <= 0)
			return got == 0;        /* no issue of it holds pair j */
		bl[j] = (pairpos_block){ .p = (const unsigned char *)pr->buf[j].data,
					 .end = (const unsigned char *)pr->buf[j].data + pr->buf[j].len };
		if (!pairpos_block_next(&bl[j]))
			return bl[j].p == bl[j].end && !pr->buf[j].len;
	}
	/* the issues in every block (each by ascending id) */
	for (;;) {
		uint32_t want = bl[0].iid;
		bool all = true;
		for (size_t j = 0; j < ph->k; j++) {
			while (bl[j].iid < want)
				if (!pairpos_block_next(&bl[j]))
					return true;
			if (bl[j].iid > want) {
				want = bl[j].iid;
				all = false;
			}
		}
		if (all) {
			const terms_prefix *tp = NULL;
			if (want < lib->nseg_of && lib->seg_of[want] == seg && issue_visible(s, want)) {
				if (!(tp = terms_cached(s, want, true)))
					return false;   /* its rows' entries missing: the text read */
				pairpos_list l[PAIRPOS_MAX];
				for (size_t j = 0; j < ph->k; j++)
					pairpos_start(&l[j], bl[j].list, bl[j].len);
				phrase_rows(l, ph, tp, f);
			}
			if (!pairpos_block_next(&bl[0]))
				return true;
		} else {
			while (bl[0].iid < want)
				if (!pairpos_block_next(&bl[0]))
					return true;
		}
	}
}

/* A ranked search of a phrase (phrase_of) from the positions of its
 * pairs, issue by issue in lib->order: no row's text read (each
 * holder's was, about 9,000 instructions a row). False when an issue
 * in sight has no positional lists (f->ranked then partly filled). */
static bool take_phrase(searching *s, const phrase *ph, found *f)
{
	library *lib = s->lib;
	phrase_read pr = { .row = -1 };
	bool ok = true, segs = segs_load(lib);
	for (size_t i = 0; ok && i < lib->norder; i++) {
		int64_t iid = lib->order[i];
		/* an issue of a segment with its lists is met there, if it
		 * holds the phrase's pairs (phrase_seg) */
		if ((segs && pos_seg_of(s, &pr, iid) >= 0) || !issue_visible(s, iid))
			continue;
		const terms_prefix *tp = terms_cached(s, iid, true);
		ok = tp && phrase_issue(s, &pr, iid, tp, ph, f);
	}
	for (size_t k = 0; ok && segs && k < lib->nsegs; k++)
		if (seg_has_pos(s, &pr, k))
			ok = phrase_seg(s, &pr, k, ph, f);
	sqlite3_blob_close(pr.blob);
	sqlite3_blob_close(pr.sblob);
	for (size_t j = 0; j < PAIRPOS_MAX; j++)
		util_buf_free(&pr.buf[j]);
	util_buf_free(&pr.dir);
	return ok;
}

/* The hits of the rows shown, f[0, n) best first, made MAKE_BATCH rows
 * a statement (st: search_st[7], the rows of up to MAKE_BATCH ids): a
 * row looked up with a statement of its own was stepped, halted and
 * reset for it alone, about a third of what reading it cost (callgrind).
 * The rows come in the statement's order; each one's hits are made
 * aside, then appended best first, as one row at a time made them.
 * With `counts`, the hits of each row are counted into it (0: a row
 * not there), and made only with `out`. */
static void make_shown(searching *s, sqlite3_stmt *st, const ranked_row *f, size_t n,
		       hit_list *out, uint32_t *counts)
{
	hit_list aside = { 0 };
	for (size_t at = 0; at < n; at += MAKE_BATCH) {
		size_t k = n - at < MAKE_BATCH ? n - at : MAKE_BATCH;
		size_t from[MAKE_BATCH], count[MAKE_BATCH];
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);     /* the ids not bound are NULL: no row */
		for (size_t i = 0; i < k; i++) {
			sqlite3_bind_int64(st, (int)i + 1, f[at + i].id);
			count[i] = 0;
		}
		aside.n = 0;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 9);
			size_t i = 0;
			while (i < k && f[at + i].id != id)
				i++;
			if (i == k || !row_from(s, st, false))
				continue;
			from[i] = aside.n;
			count[i] = match_article(s->sf, s->q, s->qlen, &s->r, out ? &aside : NULL, true);
		}
		if (rc != SQLITE_DONE)
			lib_warn(s->lib, "library search: %s", sqlite3_errmsg(s->lib->db));
		for (size_t i = 0; i < k; i++) {
			if (counts)
				counts[at + i] = (uint32_t)count[i];
			if (!count[i] || !out)
				continue;
			util_grow((void **)&out->items, &out->cap, out->n + count[i], sizeof *out->items);
			memcpy(out->items + out->n, aside.items + from[i], count[i] * sizeof *out->items);
			out->n += count[i];
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	free(aside.items);
}

/* A ranked search whose hits are made when asked for (library.h): the
 * rows ranked best first, each one's hits counted when ranked (first:
 * where each row's hits begin among all, first[n] their number), and
 * made with the rows after it not made yet, LAZY_BATCH a statement,
 * when one of its hits is first asked for. */
enum { LAZY_BATCH = 8 };
_Static_assert(LAZY_BATCH <= MAKE_BATCH, "make_shown reads a batch a statement");

struct library_ranked {
	library *lib;
	char *q;                        /* folded */
	size_t qlen;
	ranked_row *rows;
	size_t n;
	uint32_t *count;                /* hits of each row */
	size_t *first;
	library_hit **made;             /* each row's hits once made */
	bool *done;
};

static void search_into(library *lib, const char *query, library_order order,
			size_t max_articles, found *f, library_ranked **lazy);
static bool search_prepare(library *lib);

size_t library_search(library *lib, const char *query, library_order order,
		      size_t max_articles, library_hit **out)
{
	found f = { 0 };
	search_into(lib, query, order, max_articles, &f, NULL);
	*out = f.hits.items;
	return f.hits.n;
}

size_t library_search_each(library *lib, const char *query, library_hits_fn each, void *ctx)
{
	found f = { .each = each, .ctx = ctx };
	search_into(lib, query, LIBRARY_NEWEST, 0, &f, NULL);
	free(f.hits.items);
	return f.given;
}

library_ranked *library_rank(library *lib, const char *query, size_t max_articles)
{
	library_ranked *r = NULL;
	found f = { 0 };
	search_into(lib, query, LIBRARY_RANKED, max_articles, &f, &r);
	free(f.hits.items);
	if (!r) {
		r = util_calloc(1, sizeof *r);
		r->lib = lib;
		r->first = util_calloc(1, sizeof *r->first);
	}
	return r;
}

size_t library_ranked_count(const library_ranked *r)
{
	return r->first[r->n];
}

/* Where each row's hits begin, after their counts changed. */
static void ranked_sums(library_ranked *r)
{
	for (size_t k = 0; k < r->n; k++)
		r->first[k + 1] = r->first[k] + r->count[k];
}

/* Makes the hits of row k and of the rows after it not made yet, up to
 * LAZY_BATCH, in one read of the index. A row whose hits are not those
 * counted (its issue indexed again since) takes the hits it has now, and
 * the hits after it move. */
static void ranked_make(library_ranked *r, size_t k)
{
	library *lib = r->lib;
	size_t idx[LAZY_BATCH], m = 0;
	ranked_row rows[LAZY_BATCH];
	for (size_t i = k; i < r->n && m < LAZY_BATCH; i++)
		if (!r->done[i]) {
			idx[m] = i;
			rows[m++] = r->rows[i];
		}
	searching s = { .lib = lib, .sf = lib->sf, .q = r->q, .qlen = r->qlen, .text = lib->search_st[2],
			.issue = lib->search_st[3], .issue_id = -1, .issue_hidden = true,
			.terms_issue = -1, .toks_issue = -1, .firsts_issue = -1 };
	hit_list out = { 0 };
	uint32_t counts[LAZY_BATCH] = { 0 };
	search_prepare(lib);    /* again when the job's file became the index */
	s.text = lib->search_st[2];
	s.issue = lib->search_st[3];
	bool began = sqlite3_get_autocommit(lib->db) && exec(lib->db, "BEGIN");
	issue_cache_check(lib, lib->search_st[4]);
	make_shown(&s, lib->search_st[7], rows, m, &out, counts);
	sqlite3_reset(s.text);
	if (began)
		exec(lib->db, "COMMIT");
	searching_free(&s);
	bool moved = false;
	for (size_t j = 0, at = 0; j < m; at += counts[j++]) {
		size_t i = idx[j];
		r->done[i] = true;
		if (counts[j]) {
			r->made[i] = util_malloc(counts[j] * sizeof *r->made[i]);
			memcpy(r->made[i], out.items + at, counts[j] * sizeof *r->made[i]);
		}
		if (counts[j] != r->count[i]) {
			r->count[i] = counts[j];
			moved = true;
		}
	}
	free(out.items);
	if (moved)
		ranked_sums(r);
}

const library_hit *library_ranked_hit(library_ranked *r, size_t i)
{
	for (;;) {
		if (i >= r->first[r->n])
			return NULL;
		/* the row holding hit i: the last whose first is <= i */
		size_t lo = 0, hi = r->n;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (r->first[mid] <= i)
				lo = mid;
			else
				hi = mid;
		}
		if (r->done[lo])
			return &r->made[lo][i - r->first[lo]];
		ranked_make(r, lo);     /* then look again: the counts may have moved */
	}
}

void library_ranked_free(library_ranked *r)
{
	if (!r)
		return;
	for (size_t k = 0; k < r->n; k++)
		if (r->done[k] && r->count[k])
			library_hits_free(r->made[k], r->count[k]);
	free(r->made);
	free(r->done);
	free(r->count);
	free(r->first);
	free(r->rows);
	free(r->q);
	free(r);
}

/* Whether the hits of row rr are the query's occurrences in its fold
 * (as weighted_tf counts them, not overlapping): where no piece of the
 * fold that maps back to one range of the text holds two characters
 * (TERMS_SPLITS: search_folder_splits), or where those that do hold
 * only ASCII and the query begins or ends beyond it (`q_wide`: two hits
 * are one only where one such piece holds the end of one and the start
 * of the next). A query holding a newline is matched line by line: not
 * its occurrences. */
static bool hits_are_occurrences(const ranked_row *rr, bool q_wide, bool q_nl)
{
	if (q_nl || rr->flags & TERMS_UNKNOWN)
		return false;
	if (!(rr->flags & TERMS_SPLITS))
		return true;
	return !(rr->flags & TERMS_SPLITS_WIDE) && q_wide;
}

/* The ranked rows f[0, n), best first, with their hits counted, not
 * made (the search's folded query *q taken over). */
static library_ranked *ranked_new(searching *s, const ranked_row *f, size_t n, char **q)
{
	library_ranked *r = util_calloc(1, sizeof *r);
	r->lib = s->lib;
	r->q = *q;
	r->qlen = s->qlen;
	*q = NULL;
	r->n = n;
	r->rows = util_malloc((n ? n : 1) * sizeof *r->rows);
	if (n)
		memcpy(r->rows, f, n * sizeof *r->rows);
	r->count = util_calloc(n ? n : 1, sizeof *r->count);
	r->first = util_calloc(n + 1, sizeof *r->first);
	r->made = util_calloc(n ? n : 1, sizeof *r->made);
	r->done = util_calloc(n ? n : 1, sizeof *r->done);
	/* the rows whose hits may not be their occurrences are read and
	 * matched (counting only); the others' occurrences are counted in
	 * their fold, when ranking did not */
	ranked_row *exact = util_malloc((n ? n : 1) * sizeof *exact);
	size_t *at = util_malloc((n ? n : 1) * sizeof *at), nexact = 0;
	bool q_nl = memchr(s->q, '\n', s->qlen) != NULL;
	bool q_wide = ((unsigned char)s->q[0] | (unsigned char)s->q[s->qlen - 1]) >= 0x80;
	for (size_t i = 0; i < n; i++) {
		ranked_row rr = f[i];
		if (!hits_are_occurrences(&rr, q_wide, q_nl)) {
			at[nexact] = i;
			exact[nexact++] = rr;
		} else {
			if (!rr.counted && !weigh_row(s, rr.id, &rr))
				rr.hits = 0;
			r->count[i] = rr.hits;
		}
	}
	uint32_t *counts = util_calloc(nexact ? nexact : 1, sizeof *counts);
	make_shown(s, s->lib->search_st[7], exact, nexact, NULL, counts);
	for (size_t k = 0; k < nexact; k++)
		r->count[at[k]] = counts[k];
	free(counts);
	free(exact);
	free(at);
	ranked_sums(r);
	return r;
}

/* library_search, library_search_each (f->each set) or library_rank
 * (lazy): the hits found go to f. */
/* The statement of the rows of up to MAKE_BATCH ids (?1 ...) that
 * make_shown reads: the columns of search_st[2], then the id, each id
 * looked up in turn (an unbound one is NULL: no row). With `id IN (?1,
 * ..., ?32)` each step made a temporary index of the 32 values and
 * filled it (a third of the statement's instructions), and with a
 * UNION ALL of 32 lookups opened and closed 32 cursors. */
static void shown_sql(util_buf *sql)
{
	util_buf_adds(sql, "WITH ids(k) AS (VALUES ");
	for (int i = 1; i <= MAKE_BATCH; i++)
		util_buf_printf(sql, "%s(?%d)", i > 1 ? "," : "", i);
	util_buf_adds(sql, ") SELECT a.folded, a.body, a.issue, a.page, a.number, a.headline, a.page_captions, "
		      "a.first_caption, a.first_banner, a.id FROM ids CROSS JOIN articles a ON a.id = ids.k");
}

/* The statements of searches on lib->db, prepared by the first (and
 * again after db_forget): false when one cannot be. */
static bool search_prepare(library *lib)
{
	/* each candidate's row (its text and small columns), its issue's
	 * strings when it is another issue (statements prepared once per
	 * library) */
	static const char *const sql_text[] = {
		"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid",
		/* nothing to look up (only punctuation): every article */
		"SELECT a.id FROM articles a ORDER BY a.id",
		("SELECT folded, body, issue, page, number, headline, page_captions, first_caption, "
		 "first_banner FROM articles WHERE id = ?1"),
		"SELECT paper, date, path, fingerprint, articles FROM issues WHERE id = ?1",
		"PRAGMA data_version",
		"SELECT id, date FROM issues",
		/* one issue's rows (see take_lists) */
		("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
		 "ORDER BY rowid"),
		/* the rows of up to MAKE_BATCH ids (see make_shown, shown_sql) */
		NULL,
		/* the rows of a range of ids, the columns of search_st[2]
		 * then the id (see take_range) */
		("SELECT folded, body, issue, page, number, headline, page_captions, first_caption, "
		 "first_banner, id FROM articles WHERE id BETWEEN ?1 AND ?2 ORDER BY id"),
	};
	bool prepared = true;
	for (size_t i = 0; i < UTIL_ARRAY_LEN(sql_text); i++) {
		bool shown = i == 7;
		if (lib->search_st[i] || (!sql_text[i] && !shown))
			continue;
		util_buf sql = { 0 };
		if (shown)
			shown_sql(&sql);
		if (sqlite3_prepare_v3(lib->db, shown ? sql.data : sql_text[i], -1, SQLITE_PREPARE_PERSISTENT,
				       &lib->search_st[i], NULL) != SQLITE_OK)
			prepared = false;
		util_buf_free(&sql);
	}
	return prepared;
}

static void search_into(library *lib, const char *query, library_order order,
			size_t max_articles, found *f, library_ranked **lazy)
{
	db_follow(lib);
	/* one folder for every search of this library: what it learnt of
	 * each character (the script fold asks OpenCC) is kept */
	if (!lib->sf)
		lib->sf = search_folder_new();
	search_folder *sf = lib->sf;
	size_t qlen;
	char *q = util_strdup(search_folder_fold(sf, query, strlen(query), &qlen));
	if (qlen == 0 || (qlen == 1 && q[0] == ' ')) {
		free(q);
		return;
	}
	query_tokens qt = { 0 };
	tokenize(sf, query, strlen(query), 0, add_query_token, &qt);
	util_buf match = { 0 };
	if (qt.n)
		match_text(&qt, &match);
	util_buf_free(&qt.terms);
	/* the query's bigrams, for the articles' filters */
	util_buf qhash = { 0 };
	bigram_hashes(q, qlen, &qhash);
	const uint32_t *qh = (const uint32_t *)(void *)qhash.data;
	size_t nqh = qhash.len / sizeof *qh;

	bool prepared = search_prepare(lib);
	size_t ncps = 0;
	for (size_t i = 0; i < qlen; ncps++) {
		ucs4_t c;
		next_cp((const uint8_t *)q, qlen, &i, &c);
	}
	/* the candidates come from the issues' lists of code points, the
	 * two shortest of the query's (FTS5 stepped an iterator per term
	 * row by row, about 1,800 instructions a row, over the rows of its
	 * first and last, the rarest or not); ranked, a query of one code
	 * point (nothing else in it) from its counts, no text read: `one` */
	ucs4_t cps[LIST_CPS_MAX];
	size_t nlist = qt.n ? list_cps(q, qlen, cps) : 0;
	bool one = order == LIBRARY_RANKED && nlist == 1 && ncps == 1;
	/* ranked, a query of two indexed code points of the BMP from the
	 * counts of their pair, no text read either */
	ucs4_t two[2];
	size_t at = 0;
	bool pair = order == LIBRARY_RANKED && qt.n && ncps == 2 &&
		    next_cp((const uint8_t *)q, qlen, &at, &two[0]) &&
		    next_cp((const uint8_t *)q, qlen, &at, &two[1]) && (two[0] | two[1]) < SEEN_CPS;
	/* the candidates of a query with a pair standing together come from
	 * the lists of its pairs (the two rarest), which hold fewer rows than
	 * those of its code points; when those two are all its bigrams, the
	 * rows in both hold every one, and the bigram filter is not asked */
	uint32_t pairs[LIST_CPS_MAX];
	bool pairs_all;
	size_t npairs = nlist ? list_pairs(q, qlen, pairs, &pairs_all) : 0;
	searching s = { .lib = lib, .sf = sf, .q = q, .qlen = qlen, .text = lib->search_st[2],
			.issue = lib->search_st[3], .range = lib->search_st[8], .issue_id = -1, .issue_hidden = true,
			.terms_issue = -1, .toks_issue = -1, .firsts_issue = -1 };
	f->max = order == LIBRARY_RANKED ? 0 : max_articles;
	f->keep = max_articles;
	f->avg = -1;
	if (order == LIBRARY_RANKED && !f->ranked) {
		f->ranked = lib->spare;
		f->ranked_cap = lib->spare_cap;
		lib->spare = NULL;
		lib->spare_cap = 0;
	}
	if (!prepared) {
		lib_warn(lib, "library search: %s", sqlite3_errmsg(lib->db));
	} else {
		/* the whole search reads one state of the index */
		bool began = sqlite3_get_autocommit(lib->db) && exec(lib->db, "BEGIN");
		issue_cache_check(lib, lib->search_st[4]);
		sqlite3_stmt *st = lib->search_st[nlist ? 6 : !qt.n ? 1 : 0];
		if (qt.n)
			sqlite3_bind_text(st, 1, match.data, (int)match.len, SQLITE_STATIC);
		if (nlist) {
			issue_order(lib, lib->search_st[5]);
			/* ranked, a phrase of 3 code points or more from the
			 * positions of its pairs, no text read (else, or when
			 * an issue lacks them, the text of every row holding
			 * its rarest pairs) */
			phrase ph;
			bool by_pos = order == LIBRARY_RANKED && phrase_of(q, qlen, &ph) && take_phrase(&s, &ph, f);
			if (!by_pos) {
				if (order == LIBRARY_RANKED)
					f->nranked = 0;
				take_lists(&s, order, one, pair ? two : NULL, cps, nlist, pairs, npairs, st, qh,
					   pairs_all && npairs <= LIST_WALK ? 0 : nqh, f);
			}
		} else {
			take_fts(&s, st, order, qh, nqh, f);
		}
		sqlite3_clear_bindings(st);
		if (order == LIBRARY_RANKED) {
			size_t shown = rank(f->ranked, f->nranked, max_articles, f->avg);
			if (lazy)
				*lazy = ranked_new(&s, f->ranked, shown, &q);
			else
				make_shown(&s, lib->search_st[7], f->ranked, shown, &f->hits, NULL);
		}
		sqlite3_reset(s.text);
		for (size_t i = 0; i < 2; i++)
			sqlite3_blob_close(s.blob[i]);
		sqlite3_blob_close(s.terms);
		if (began)
			exec(lib->db, "COMMIT");
	}
	searching_free(&s);
	/* the room kept for the next search (ranked_new and make_shown
	 * copied what they keep of the rows) */
	if (f->ranked) {
		free(lib->spare);
		lib->spare = f->ranked;
		lib->spare_cap = f->ranked_cap;
	}
	util_buf_free(&match);
	util_buf_free(&qhash);
	free(q);
}

void library_hits_free(library_hit *hits, size_t n)
{
	/* an article's hits share one allocation: see hit_strings */
	for (size_t i = 0; i < n; i++)
		if (i == 0 || hits[i].paper != hits[i - 1].paper)
			free(hits[i].paper);
	free(hits);
}

static int pair_cmp(const void *a, const void *b)
{
	const term_pair *x = a, *y = b;
	if (x->low != y->low)
		return x->low < y->low ? -1 : 1;
	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

/* The (row, code point, weighted count) of every row of issue iid
 * counted again from its stored text, as weighted_tf counts (a line of
 * 1-3 of an article weighing 4), sorted; and each row's entry checked
 * (the size of its fold, whether that is the body). */
static bool recount_issue(library *lib, searching *s, int64_t iid, term_pair **v, size_t *n,
			  size_t *cap, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, "SELECT id, number, folded, body FROM articles WHERE issue = ?1",
			       -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
		return false;
	}
	sqlite3_bind_int64(st, 1, iid);
	bool ok = true;
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		bool article = sqlite3_column_int64(st, 1) >= 0;
		const uint8_t *f = sqlite3_column_text(st, 2);
		size_t flen = (size_t)sqlite3_column_bytes(st, 2);
		bool same = flen == 0;
		if (same) {
			f = sqlite3_column_text(st, 3);
			flen = (size_t)sqlite3_column_bytes(st, 3);
		}
		const unsigned char *e = terms_entry(s, id);
		if (!e || get_u32(e) != flen || ((e[10] & TERMS_SAME) != 0) != same) {
			snprintf(err, errlen, "row %lld: its entry in issue_terms is not its text's",
				 (long long)id);
			ok = false;
			break;
		}
		size_t from = *n, line = 0;
		for (size_t i = 0; i < flen;) {
			ucs4_t c;
			if (f[i] == '\n') {
				line++;
				i++;
				continue;
			}
			if (!next_cp(f, flen, &i, &c))
				continue;
			uint32_t w = article && line >= 1 && line <= 3 ? 4 : 1;
			size_t k = from;
			while (k < *n && (*v)[k].cp != c)
				k++;
			if (k < *n) {
				(*v)[k].n += w;
				(*v)[k].head += w != 1;
			} else {
				term_pair tp = { c, (uint32_t)(id & MAX_ARTICLE), w, w != 1 };
				UTIL_PUSH(*v, *n, *cap, tp);
			}
		}
	}
	sqlite3_finalize(st);
	if (*n > 1)
		qsort(*v, *n, sizeof **v, pair_cmp);
	return ok;
}

static int ab_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The (row, pair as a << 16 | b, count) of issue iid's stored text: each
 * pair of indexed code points of the BMP standing together in a row,
 * counted by weighted_tf itself (what a search reading the text would
 * find), sorted. */
static bool pairs_of_text(library *lib, int64_t iid, term_pair **v, size_t *n, size_t *cap,
			  char *err, size_t errlen)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, "SELECT id, number, CASE folded WHEN '' THEN body ELSE folded END "
			       "FROM articles WHERE issue = ?1", -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
		return false;
	}
	sqlite3_bind_int64(st, 1, iid);
	uint32_t *ab = NULL;
	size_t nab = 0, abcap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		found_row r = { .number = sqlite3_column_int64(st, 1) >= 0 ? 0 : -1 };
		r.folded = (const char *)sqlite3_column_text(st, 2);
		r.flen = (size_t)sqlite3_column_bytes(st, 2);
		const uint8_t *f = (const uint8_t *)r.folded;
		nab = 0;
		ucs4_t prev = 0, c;
		bool had = false;
		for (size_t i = 0; i < r.flen;) {
			if (!next_cp(f, r.flen, &i, &c)) {
				had = false;
				continue;
			}
			if (had && (prev | c) < SEEN_CPS)
				UTIL_PUSH(ab, nab, abcap, prev << 16 | c);
			had = true;
			prev = c;
		}
		if (nab > 1)
			qsort(ab, nab, sizeof *ab, ab_cmp);
		for (size_t k = 0; k < nab; k++) {
			if (k && ab[k] == ab[k - 1])
				continue;
			uint8_t q[8];
			int la = u8_uctomb(q, ab[k] >> 16, 4), lb = u8_uctomb(q + la, ab[k] & 0xFFFF, 4);
			uint32_t hits, w = (uint32_t)weighted_tf(&r, (const char *)q, (size_t)(la + lb),
								 (size_t)(la + lb) - 1, &hits);
			term_pair tp = { ab[k], (uint32_t)(id & MAX_ARTICLE), w, (w - hits) / 3 };
			UTIL_PUSH(*v, *n, *cap, tp);
		}
	}
	sqlite3_finalize(st);
	free(ab);
	if (*n > 1)
		qsort(*v, *n, sizeof **v, pair_cmp);
	return true;
}

/* Whether the lists of pairs of the issue terms_load loaded hold what
 * its text does (pairs_of_text), read as rows_of_pair reads them. */
static bool check_pairs(library *lib, searching *s, int64_t iid, char *err, size_t errlen)
{
	term_pair *want = NULL, *got = NULL;
	size_t nwant = 0, wcap = 0, ngot = 0, gcap = 0;
	bool ok = pairs_of_text(lib, iid, &want, &nwant, &wcap, err, errlen);
	size_t at = TERMS_HEAD + (size_t)s->nrows * TERMS_ROW + ((size_t)s->ntokens + 1) * TERMS_TOKEN;
	for (uint32_t t = 0; ok && t < s->nfirsts; t++) {
		unsigned char e[2 * TERMS_TOKEN];
		sqlite3_blob_read(s->terms, e, sizeof e, (int)(at + (size_t)t * TERMS_TOKEN));
		if (!list_read(s, get_u32(e + 4), get_u32(e + TERMS_TOKEN + 4), &s->lists[1]))
			break;
		/* each second code point of the list, looked up as a query's */
		const unsigned char *p = (const unsigned char *)s->lists[1].data, *end = p + s->lists[1].len;
		uint32_t second = 0, d, len;
		while (p < end && util_get_varint(&p, end, &d) && util_get_varint(&p, end, &len) &&
		       len <= (size_t)(end - p)) {
			second += d;
			p += len;
			ranked_row *rr = NULL;
			size_t nrr = 0, rcap = 0;
			rows_of_pair(s, get_u32(e), second, &rr, &nrr, &rcap);
			for (size_t i = 0; i < nrr; i++) {
				term_pair tp = { get_u32(e) << 16 | second, (uint32_t)(rr[i].id & MAX_ARTICLE),
						 (uint32_t)rr[i].tf, ((uint32_t)rr[i].tf - rr[i].hits) / 3 };
				UTIL_PUSH(got, ngot, gcap, tp);
			}
			free(rr);
		}
	}
	if (ngot > 1)
		qsort(got, ngot, sizeof *got, pair_cmp);
	if (ok && (ngot != nwant || (nwant && memcmp(got, want, nwant * sizeof *want) != 0))) {
		snprintf(err, errlen, "issue %lld: %zu (row, pair, count) in its lists of pairs, "
			 "%zu in its text, not the same", (long long)iid, ngot, nwant);
		ok = false;
	}
	free(want);
	free(got);
	return ok;
}

/* Whether every issue's lists of code points and of pairs (issue_terms)
 * hold exactly the counts of its rows' stored text. */
static bool check_terms(library *lib, char *err, size_t errlen)
{
	searching s = { .lib = lib, .terms_issue = -1 };
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, "SELECT id FROM issues", -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
		return false;
	}
	term_pair *want = NULL, *got = NULL;
	size_t nwant = 0, wcap = 0, ngot = 0, gcap = 0;
	bool ok = true;
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int64_t iid = sqlite3_column_int64(st, 0);
		nwant = ngot = 0;
		if (!terms_load(&s, iid)) {
			snprintf(err, errlen, "issue %lld: no issue_terms row", (long long)iid);
			ok = false;
			break;
		}
		if (!recount_issue(lib, &s, iid, &want, &nwant, &wcap, err, errlen)) {
			ok = false;
			break;
		}
		/* every list, read as rows_of_code_point reads one */
		size_t at = TERMS_HEAD + (size_t)s.nrows * TERMS_ROW;
		for (uint32_t t = 0; t < s.ntokens; t++) {
			unsigned char e[2 * TERMS_TOKEN];
			sqlite3_blob_read(s.terms, e, sizeof e, (int)(at + (size_t)t * TERMS_TOKEN));
			ranked_row *rr = NULL;
			size_t nrr = 0, rcap = 0;
			rows_of_code_point(&s, get_u32(e), &rr, &nrr, &rcap);
			for (size_t i = 0; i < nrr; i++) {
				term_pair tp = { get_u32(e), (uint32_t)(rr[i].id & MAX_ARTICLE), (uint32_t)rr[i].tf,
						 ((uint32_t)rr[i].tf - rr[i].hits) / 3 };
				UTIL_PUSH(got, ngot, gcap, tp);
			}
			free(rr);
		}
		if (ngot > 1)
			qsort(got, ngot, sizeof *got, pair_cmp);
		if (ngot != nwant || (nwant && memcmp(got, want, nwant * sizeof *want) != 0)) {
			snprintf(err, errlen, "issue %lld: %zu (row, code point, count) in its lists, "
				 "%zu in its text, not the same", (long long)iid, ngot, nwant);
			ok = false;
		}
		if (ok)
			ok = check_pairs(lib, &s, iid, err, errlen);
	}
	sqlite3_finalize(st);
	sqlite3_blob_close(s.terms);
	searching_free(&s);
	free(want);
	free(got);
	return ok;
}

/* A row of a segment's list as check_segs reads it. */
typedef struct seg_row {
	uint32_t place, low, count, head, top, least;
} seg_row;

static int seg_row_cmp(const void *a, const void *b)
{
	const seg_row *x = a, *y = b;
	if (x->place != y->place)
		return x->place < y->place ? -1 : 1;
	return x->low < y->low ? -1 : x->low > y->low;
}

/* Reads the list p..end of a segment (see seg_list): its issues into
 * iss (id, rows, sum of sizes: three each), its rows into *rows (with
 * their bucket's highest count and least size); false when damaged. */
static bool seg_list_read(const unsigned char *p, const unsigned char *end, util_buf *iss, seg_row **rows,
			  size_t *nrows, size_t *cap)
{
	uint32_t nis, nb, v[4];
	iss->len = 0;
	*nrows = 0;
	if (!util_get_varint(&p, end, &nis))
		return false;
	for (uint32_t j = 0; j < nis; j++) {
		for (int k = 0; k < 3; k++)
			if (!util_get_varint(&p, end, &v[k]))
				return false;
		util_buf_add(iss, v, 3 * sizeof *v);
	}
	if (!util_get_varint(&p, end, &nb))
		return false;
	const unsigned char *r = p;
	for (uint32_t j = 0; j < nb; j++)
		for (int k = 0; k < 4; k++)
			if (!util_get_varint(&r, end, &v[k]))
				return false;
	for (uint32_t j = 0; j < nb; j++) {
		for (int k = 0; k < 4; k++)
			util_get_varint(&p, end, &v[k]);
		if (v[3] > (size_t)(end - r))
			return false;
		const unsigned char *bend = r + v[3];
		for (uint32_t i = 0; i < v[2]; i++) {
			seg_row sr = { .top = v[0], .least = v[1] };
			uint32_t c;
			if (!util_get_varint(&r, bend, &sr.place) || !util_get_varint(&r, bend, &sr.low) ||
			    !util_get_varint(&r, bend, &c) || ((c & 1) && !util_get_varint(&r, bend, &sr.head)) || sr.place >= nis)
				return false;
			sr.count = c >> 1;
			UTIL_PUSH(*rows, *nrows, *cap, sr);
		}
		if (r != bend)
			return false;
	}
	return r == end;
}

/* How many pairs the issue terms_load loaded has lists of (*n); false
 * when they cannot be read. */
static bool pairs_in_issue(searching *s, uint32_t *n)
{
	util_buf e = { 0 };
	size_t at = firsts_at(s);
	bool ok = list_read(s, (uint32_t)at, (uint32_t)(at + ((size_t)s->nfirsts + 1) * TERMS_TOKEN), &e);
	const unsigned char *ents = (const unsigned char *)e.data;
	uint32_t from = ok ? get_u32(ents + 4) : 0;
	ok = ok && list_read(s, from, get_u32(ents + (size_t)s->nfirsts * TERMS_TOKEN + 4), &s->group);
	*n = 0;
	for (uint32_t k = 0; ok && k < s->nfirsts; k++) {
		const unsigned char *g = (const unsigned char *)s->group.data;
		const unsigned char *p = g + (get_u32(ents + (size_t)k * TERMS_TOKEN + 4) - from);
		const unsigned char *end = g + (get_u32(ents + (size_t)(k + 1) * TERMS_TOKEN + 4) - from);
		uint32_t d, len;
		while (ok && p < end) {
			ok = util_get_varint(&p, end, &d) && util_get_varint(&p, end, &len) && len <= (size_t)(end - p);
			p += ok ? len : 0;
			(*n)++;
		}
	}
	util_buf_free(&e);
	return ok;
}

/* The lists of cp_lists (kind 0) or pair_lists (1) against those of
 * issue_terms: the rows of each issue in use in a segment (its
 * issue_seg row says that segment) are the issue's list of that code
 * point or pair (row, count, hits in a header line), their number and
 * summed sizes those the list says, each within its bucket's bounds
 * (the walk's stop relies on them); and each such issue has a list in
 * its segment for each of its code points, or pairs. */
static bool check_seg_kind(library *lib, int kind, char *err, size_t errlen)
{
	issue_cache_drop(lib);          /* its segments read anew */
	segs_load(lib);
	searching s = { .lib = lib, .terms_issue = -1, .firsts_issue = -1, .toks_issue = -1 };
	uint32_t *lists = util_calloc(lib->nseg_of + 1, sizeof *lists);
	util_buf iss = { 0 };
	seg_row *rows = NULL;
	size_t nrows = 0, cap = 0;
	sqlite3_stmt *st;
	int bits = kind ? SEG_PAIR_BITS : SEG_CP_BITS;
	bool ok = sqlite3_prepare_v2(lib->db, kind ? "SELECT key, data FROM pair_lists ORDER BY key" :
					     "SELECT key, data FROM cp_lists ORDER BY key", -1, &st, NULL) == SQLITE_OK;
	if (!ok)
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int64_t key = sqlite3_column_int64(st, 0), seg = key >> bits;
		uint32_t c = (uint32_t)(key & (((int64_t)1 << bits) - 1));
		const unsigned char *p = sqlite3_column_blob(st, 1);
		if (!seg_list_read(p, p + sqlite3_column_bytes(st, 1), &iss, &rows, &nrows, &cap)) {
			snprintf(err, errlen, "segment %lld, %s %X: its list is damaged", (long long)seg,
				 kind ? "pair" : "U+", c);
			ok = false;
			break;
		}
		if (nrows > 1)
			qsort(rows, nrows, sizeof *rows, seg_row_cmp);
		const uint32_t *is = (const uint32_t *)(void *)iss.data;
		size_t r = 0;
		for (uint32_t j = 0; ok && j < iss.len / (3 * sizeof *is); j++) {
			uint32_t iid = is[3 * j];
			size_t from = r;
			while (r < nrows && rows[r].place == j)
				r++;
			if (iid >= lib->nseg_of || lib->seg_of[iid] != seg)
				continue;
			lists[iid]++;
			uint32_t low = 0, count, head, lf, lt;
			uint64_t sum = 0;
			size_t k = from;
			bool same = terms_load(&s, iid) &&
				    (kind ? pair_find_read(&s, c, &lf, &lt) && list_read(&s, lf, lt, &s.buf) :
					    cp_list(&s, c, &s.buf));
			const unsigned char *q = (const unsigned char *)s.buf.data, *end = q + s.buf.len;
			for (; same && list_next(&s, &q, end, &low, &count, &head); low++, k++) {
				uint32_t bytes = get_u32(s.rowents + (size_t)low * TERMS_ROW);
				sum += bytes;
				same = k < r && rows[k].low == low && rows[k].count == count && rows[k].head == head &&
				       rows[k].top >= count && rows[k].least <= bytes;
			}
			if (!same || k != r || q != end || is[3 * j + 1] != r - from || is[3 * j + 2] != sum) {
				snprintf(err, errlen, "segment %lld, %s %X: issue %u's rows are not its list in "
					 "issue_terms", (long long)seg, kind ? "pair" : "U+", c, iid);
				ok = false;
			}
		}
	}
	sqlite3_finalize(st);
	for (size_t iid = 0; ok && iid < lib->nseg_of; iid++) {
		uint32_t want = 0;
		if (lib->seg_of[iid] &&
		    (!terms_load(&s, (int64_t)iid) || (kind ? !pairs_in_issue(&s, &want) : (want = s.ntokens, false)) ||
		     lists[iid] != want)) {
			snprintf(err, errlen, "issue %zu: %u lists in its segment, %u %s", iid, lists[iid], want,
				 kind ? "pairs" : "code points");
			ok = false;
		}
	}
	free(lists);
	free(rows);
	util_buf_free(&iss);
	sqlite3_blob_close(s.terms);
	searching_free(&s);
	issue_cache_drop(lib);
	return ok;
}

static bool check_segs(library *lib, char *err, size_t errlen)
{
	return check_seg_kind(lib, 0, err, errlen) && check_seg_kind(lib, 1, err, errlen);
}

/* The list of pair (a, b) in an issue's row of pair_pos (row, len
 * bytes); false when it has none. */
static bool pos_row_list(const unsigned char *row, size_t len, uint32_t a, uint32_t b, const unsigned char **list,
			 size_t *list_len)
{
	pairpos_head h;
	pairpos_slice sl;
	if (len < PAIRPOS_HEAD || !pairpos_head_read(&h, row, len))
		return false;
	h.entries = row + PAIRPOS_HEAD;
	h.skips = h.entries + (size_t)h.nfirst * PAIRPOS_ENTRY;
	const unsigned char *g = row + h.groups_at;
	return pairpos_slice_of(&h, a, b, &sl) &&
	       pairpos_slice_find(g + sl.from, sl.to - sl.from, &sl, b, list, list_len);
}

/* Each list of pos_segs of an issue in use in its segment is the
 * issue's list in its row of pair_pos, and the segment has as many of
 * the issue's lists as the row has pairs. */
/* An occurrence of a pair for pos_of_text: the pair and its row and
 * weight (as row_line packs them), where it stands, its order. */
typedef struct pos_occ {
	pair_seen occ;
	uint32_t pos, order;
} pos_occ;

static int pos_occ_cmp(const void *a, const void *b)
{
	const pos_occ *x = a, *y = b;
	if (x->occ >> 32 != y->occ >> 32)
		return x->occ >> 32 < y->occ >> 32 ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Issue iid's row of pair_pos made again from its stored rows (their
 * folded lines, as row_line reads them: a header line of an article,
 * lines 1 to 3, weighs 4), into out; false when a row cannot be read.
 * The check's own making, to compare pos_segs with: the row itself is
 * gone once its segment holds the lists (pos_rows_drop). */
static bool pos_of_text(library *lib, int64_t iid, util_buf *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(lib->db, "SELECT id, number, CASE folded WHEN '' THEN body ELSE folded END "
			       "FROM articles WHERE issue = ?1 ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, iid);
	pos_occ *v = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		uint32_t low = (uint32_t)(sqlite3_column_int64(st, 0) & MAX_ARTICLE);
		bool article = sqlite3_column_int64(st, 1) >= 0;
		const uint8_t *f = sqlite3_column_text(st, 2);
		size_t len = (size_t)sqlite3_column_bytes(st, 2);
		uint32_t at = 0, line = 0;
		for (size_t from = 0; from < len; line++) {
			const uint8_t *nl = memchr(f + from, '\n', len - from);
			size_t end = nl ? (size_t)(nl - f) : len;
			pair_seen row = pair_row(low, article && line >= 1 && line <= 3 ? 4 : 1);
			ucs4_t prev = 0;
			bool had = false, same_taken = false;
			for (size_t i = from; i < end;) {
				ucs4_t c;
				at++;
				if (!next_cp(f, end, &i, &c)) {
					had = false;
					continue;
				}
				if (had && !(prev == c && same_taken) && (prev | c) < SEEN_CPS) {
					pos_occ o = { (uint64_t)(prev << 16 | c) << 32 | row, at - 2, (uint32_t)n };
					UTIL_PUSH(v, n, cap, o);
					same_taken = prev == c;
				} else {
					same_taken = false;
				}
				had = true;
				prev = c;
			}
			at++;           /* the newline */
			from = end + 1;
		}
	}
	sqlite3_finalize(st);
	if (n)
		qsort(v, n, sizeof *v, pos_occ_cmp);
	uint64_t *occ = util_malloc((n + 1) * sizeof *occ);
	uint32_t *pos = util_malloc((n + 1) * sizeof *pos);
	for (size_t i = 0; i < n; i++) {
		occ[i] = v[i].occ;
		pos[i] = v[i].pos;
	}
	util_buf scratch[2] = { { 0 }, { 0 } };
	out->len = 0;
	pairpos_make(occ, pos, n, out, scratch);
	util_buf_free(&scratch[0]);
	util_buf_free(&scratch[1]);
	free(occ);
	free(pos);
	free(v);
	return true;
}

/* Issue iid's row of pair_pos as its text makes it (pos_of_text), made
 * once into made[iid]; NULL when its rows cannot be read. */
static const util_buf *pos_made(library *lib, util_buf *made, bool *have, int64_t iid)
{
	if (!have[iid])
		have[iid] = pos_of_text(lib, iid, &made[iid]);
	return have[iid] ? &made[iid] : NULL;
}

/* pos_segs against the issues' texts: each list of a segment's issue is
 * the one its text makes, and each pair of such an issue has its list;
 * and the rows left in pair_pos (issues in no segment) are their
 * texts' too. */
static bool check_pos_segs(library *lib, char *err, size_t errlen)
{
	issue_cache_drop(lib);
	segs_load(lib);
	uint32_t *lists = util_calloc(lib->nseg_of + 1, sizeof *lists);
	util_buf *made = util_calloc(lib->nseg_of + 1, sizeof *made);
	bool *have = util_calloc(lib->nseg_of + 1, sizeof *have);
	sqlite3_stmt *st = NULL, *row = NULL;
	bool ok = sqlite3_prepare_v2(lib->db, "SELECT key, data FROM pos_segs ORDER BY key", -1, &st, NULL) ==
			  SQLITE_OK &&
		  sqlite3_prepare_v2(lib->db, "SELECT id, data FROM pair_pos", -1, &row, NULL) == SQLITE_OK;
	if (!ok)
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int64_t key = sqlite3_column_int64(st, 0), seg = key >> POS_SEG_BITS;
		uint32_t a = (uint32_t)(key & 0xFFFF), nb = 0;
		const unsigned char *p = sqlite3_column_blob(st, 1);
		size_t bytes = (size_t)sqlite3_column_bytes(st, 1);
		if (!a)
			continue;       /* the segment's issues */
		if (bytes >= 4)
			memcpy(&nb, p, 4);
		ok = bytes >= 4 && 4 + (size_t)nb * PAIRPOS_SEG_DIR <= bytes;
		const unsigned char *dir = p + 4, *blocks = dir + (size_t)nb * PAIRPOS_SEG_DIR;
		for (uint32_t i = 0; ok && i < nb; i++) {
			uint16_t b;
			uint32_t from, to;
			memcpy(&b, dir + (size_t)i * PAIRPOS_SEG_DIR, 2);
			ok = pairpos_seg_find(dir, nb, b, &from, &to) && to <= bytes - (size_t)(blocks - p);
			pairpos_block bl = { .p = blocks + from, .end = blocks + (ok ? to : from) };
			while (ok && pairpos_block_next(&bl)) {
				if (bl.iid >= lib->nseg_of || lib->seg_of[bl.iid] != seg)
					continue;
				lists[bl.iid]++;
				const unsigned char *l;
				size_t len;
				const util_buf *m = pos_made(lib, made, have, bl.iid);
				ok = m && pos_row_list((const unsigned char *)m->data, m->len, a, b, &l, &len) &&
				     len == bl.len && memcmp(l, bl.list, len) == 0;
			}
			ok = ok && bl.p == bl.end;
			if (!ok)
				snprintf(err, errlen, "segment %lld, pair U+%04X U+%04X: a list is not the one its "
					 "issue's text makes", (long long)seg, a, b);
		}
		if (!ok && !*err)
			snprintf(err, errlen, "segment %lld, U+%04X: its row of pos_segs is damaged", (long long)seg, a);
	}
	sqlite3_finalize(st);
	/* every pair of an issue whose segment has its lists */
	searching s = { .lib = lib, .terms_issue = -1 };
	phrase_read pr = { .row = -1 };
	for (size_t iid = 0; ok && iid < lib->nseg_of; iid++) {
		if (pos_seg_of(&s, &pr, (int64_t)iid) < 0)
			continue;
		uint32_t pairs = 0;
		pairpos_seg one = { 0 };
		const util_buf *m = pos_made(lib, made, have, (int64_t)iid);
		if (m) {
			pairpos_seg_add(&one, (uint32_t)iid, (const unsigned char *)m->data, m->len);
			if (pairpos_seg_sort(&one))
				pairs = (uint32_t)(one.tuples.len / (4 * sizeof(uint32_t)));
		}
		pairpos_seg_free(&one);
		if (pairs != lists[iid]) {
			snprintf(err, errlen, "issue %zu: %u lists in pos_segs, %u pairs in its text", iid, lists[iid],
				 pairs);
			ok = false;
		}
	}
	/* the rows of pair_pos kept */
	util_buf mine = { 0 };
	while (ok && sqlite3_step(row) == SQLITE_ROW) {
		int64_t iid = sqlite3_column_int64(row, 0);
		size_t len = (size_t)sqlite3_column_bytes(row, 1);
		ok = pos_of_text(lib, iid, &mine) && mine.len == len &&
		     (!len || memcmp(mine.data, sqlite3_column_blob(row, 1), len) == 0);
		if (!ok)
			snprintf(err, errlen, "issue %lld: its row of pair_pos is not the one its text makes",
				 (long long)iid);
	}
	util_buf_free(&mine);
	sqlite3_blob_close(pr.sblob);
	sqlite3_finalize(row);
	for (size_t i = 0; i <= lib->nseg_of; i++)
		util_buf_free(&made[i]);
	free(made);
	free(have);
	free(lists);
	issue_cache_drop(lib);
	return ok;
}

bool library_check(library *lib, char *err, size_t errlen)
{
	db_follow(lib);
	indexed_ready();
	if (err && errlen)
		*err = '\0';
	if (!check_terms(lib, err, errlen) || !check_segs(lib, err, errlen) || !check_pos_segs(lib, err, errlen))
		return false;
	/* the rows' texts tokenized again (by the tokenizer reading them, as
	 * a query's text is read) into a table of the same kind, and the
	 * (token, row) pairs of the two compared both ways */
	static const char *const sql[] = {
		"CREATE VIRTUAL TABLE temp.check_fts USING fts5(folded, content = '', "
		"detail = 'none', tokenize = 'kanbao')",
		"INSERT INTO temp.check_fts(rowid, folded) SELECT id, "
		"CASE folded WHEN '' THEN body ELSE folded END FROM main.articles",
		"CREATE VIRTUAL TABLE temp.check_a USING fts5vocab(main, articles_fts, instance)",
		"CREATE VIRTUAL TABLE temp.check_b USING fts5vocab(temp, check_fts, instance)",
	};
	bool ok = true;
	for (size_t i = 0; ok && i < UTIL_ARRAY_LEN(sql); i++)
		ok = exec(lib->db, sql[i]);
	sqlite3_stmt *st = NULL;
	if (ok)
		ok = sqlite3_prepare_v2(lib->db, "SELECT (SELECT count(*) FROM (SELECT term, doc FROM "
					"temp.check_a EXCEPT SELECT term, doc FROM temp.check_b)), "
					"(SELECT count(*) FROM (SELECT term, doc FROM temp.check_b EXCEPT "
					"SELECT term, doc FROM temp.check_a)), (SELECT count(*) FROM temp.check_a)",
					-1, &st, NULL) == SQLITE_OK;
	if (!ok) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
	} else if (sqlite3_step(st) != SQLITE_ROW) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(lib->db));
		ok = false;
	} else if (sqlite3_column_int64(st, 0) || sqlite3_column_int64(st, 1) ||
		   !sqlite3_column_int64(st, 2)) {
		snprintf(err, errlen, "%lld (token, row) pairs only in the index, %lld only in the "
			 "text, of %lld", sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			 sqlite3_column_int64(st, 2));
		ok = false;
	}
	sqlite3_finalize(st);
	exec(lib->db, "DROP TABLE IF EXISTS temp.check_a; DROP TABLE IF EXISTS temp.check_b; "
		 "DROP TABLE IF EXISTS temp.check_fts");
	return ok;
}
