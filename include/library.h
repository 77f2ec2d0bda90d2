/* library.h — the library of issues: an SQLite index of every issue under
 * the library roots (shelf.h), searched with FTS5.
 *
 * The index is a cache at $XDG_CACHE_HOME/kanbao/library.db (default
 * ~/.cache/kanbao/library.db); the pages are the truth. It is opened in
 * WAL mode with a busy timeout, so readers always see a consistent index
 * while one indexer writes (one issue, or a batch of whole issues, per
 * transaction); one indexer at a time holds an flock on library.db.lock.
 * A file that is not a database, is truncated, or carries another schema
 * version is removed and rebuilt, with a message through warn.
 *
 * Tables: issues (path, stamp, fingerprint, paper, date, pages, articles),
 * articles (issue, page, number, headline, byline, kicker, subtitle, the
 * text of its elements one per line, and the same lines folded, or ''
 * when folding changes nothing; a page's
 * own captions and banners are a row of their own), issue_terms (one
 * row per issue: for each of its rows the size of its folded text and a
 * Bloom filter of the pairs of characters standing together in it; for
 * each code point, the rows holding it and its weighted count in each)
 * and the FTS5 table articles_fts over the folded text, whose tokenizer
 * "kanbao" emits one token per character that is a letter, digit or mark
 * (Han, kana, hangul, Latin letters and digits alike), after search.c's
 * folding (NFKC + case folding, and whatever else search_folder folds),
 * so it finds what the in-issue matcher finds. The FTS5 table keeps no
 * positions (detail=none: smaller and faster to build). A query's
 * candidates are, issue by issue, the rows in the lists of issue_terms of
 * its two rarest characters there (any of its characters gives a superset
 * of the rows with the phrase; FTS5 is asked for an issue without its
 * issue_terms row); a row
 * whose filter lacks one of the query's pairs is passed over, and each
 * other one is checked with the in-issue matcher itself, which decides
 * that the characters stand together as a phrase and gives the exact hits.
 * Ranked, a query of one character is weighed from the counts alone.
 *
 * An article's rowid orders the index newest first: the issue's date in
 * days counted backwards, the issue's id, then the article's number (a
 * page's own text after the articles), so FTS5 gives the newest first
 * walking forwards.
 */
#ifndef KANBAO_LIBRARY_H
#define KANBAO_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct library library;

typedef struct library_options {
	const char *roots;      /* [library] roots; NULL or "": the default root */
	const char *db_path;    /* NULL: $XDG_CACHE_HOME/kanbao/library.db */
	/* Warnings (a missing root, a page that cannot be read, a database
	 * rebuilt): one line without newline; NULL: printed on stderr as
	 * "kanbao: warning: ...". */
	void (*warn)(void *ctx, const char *msg);
	void *ctx;
} library_options;

/* Opens (creating or rebuilding it when needed) the index. NULL with a
 * message in err when the database cannot be opened at all (a folder that
 * cannot be created, a disk full). */
library *library_open(const library_options *opt, char *err, size_t errlen);
void library_close(library *lib);

/* The library roots, as configured (after ~ expansion). */
size_t library_roots(const library *lib, const char *const **roots);

/* ---- indexing ---- */

typedef struct library_summary {
	size_t added, changed, removed, unchanged, failed;
	size_t issues;          /* in the index afterwards */
	uint64_t bytes;         /* of the pages read */
	double seconds;
} library_summary;

typedef struct library_progress {
	size_t done, total;             /* issues to (re)index */
	uint64_t bytes_done, bytes_total;
	double seconds;
} library_progress;

typedef struct library_job library_job;

/* Starts bringing the index up to date: scans the roots (warning about
 * a missing or unreadable one: its issues stay in the index) and takes
 * the indexer lock, waiting for it when `wait`, else returning NULL with
 * *busy set when another kanbao is indexing. */
library_job *library_index_begin(library *lib, bool wait, bool *busy);
/* The walk of the roots that library_index_begin makes first (every
 * page's name, size and time: a stat each), started in a thread of its
 * own, so that a search can run meanwhile (--search --all). Its warnings
 * (a root missing) come through the library's warn from that thread. */
typedef struct library_scan library_scan;
library_scan *library_scan_start(library *lib);
/* Whether the walk has ended (without waiting). */
bool library_scan_done(library_scan *sc);
/* Waits for the walk; whether the index holds every issue it found as it
 * is (none new, changed or gone), as library_index_begin would find.
 * Read in the connection's transaction when one is open. */
bool library_scan_current(library_scan *sc);
/* library_index_begin with the issues the walk found (it is not made
 * again); the scan is then only to be freed. */
library_job *library_index_begin_scanned(library_scan *sc, bool wait, bool *busy);
void library_scan_free(library_scan *sc);

/* Without the walk: when the last index that stored every issue found
 * recorded the folders it walked and each is as it was then (a stat of
 * each: its inode, mtime and ctime), no issue was added or removed
 * since, and an issue's pages checked (its folder listed, its pages
 * stat'ed) say whether it changed; else (nothing recorded, or not all
 * of the roots) NULL: then walk. The folders' stats are made with the
 * checks, by a thread of their own: one changed makes
 * library_fresh_upto false at once, and library_fresh_folders_changed
 * true (then walk too). */
typedef struct library_fresh library_fresh;
library_fresh *library_fresh_start(library *lib);
/* Checks the issues not checked yet, newest first in the order of the
 * search's rows, up to and including the one at path (NULL: every one
 * left): false as soon as one changed on disk (it stays unchecked). */
bool library_fresh_upto(library_fresh *f, const char *path);
/* After library_fresh_upto said false: whether that was because a
 * folder changed (the folders are stat'ed by a thread of the checks
 * while the search begins): then no issue was checked and the roots
 * are to be walked. */
bool library_fresh_folders_changed(library_fresh *f);
/* Whether the issue at path was checked unchanged. */
bool library_fresh_checked(const library_fresh *f, const char *path);
void library_fresh_free(library_fresh *f);
/* Reads and parses the issues ahead in a second thread while the calling
 * thread stores them (SQLite stays on the calling thread); false when
 * there is nothing to gain (fewer than two issues to index) or no thread.
 * The parser's lazily filled tables are made first
 * (issue_threads_ready), so the calling thread may load and search
 * issues meanwhile (the library view opens one in the reader). */
bool library_index_ahead(library_job *job);
/* Indexes issues for about `budget_ns`: true when everything is done.
 * Without the second thread at least one issue is indexed; with it, the
 * issues it has ready, waiting for one at most until the budget is
 * spent (then none may be indexed: call it again). */
bool library_index_step(library_job *job, uint64_t budget_ns);
void library_index_progress(const library_job *job, library_progress *p);
/* Commits, releases the lock, frees the job; fills *sum (may be NULL). */
void library_index_end(library_job *job, library_summary *sum);

/* ---- reading ---- */

typedef struct library_issue {
	int64_t id;
	char *path, *paper, *date;      /* date "YYYY-MM-DD" or "" */
	uint32_t pages, articles;
	uint64_t fingerprint;           /* doc_issue_fingerprint of its text */
} library_issue;

/* Every issue, by paper, then newest first; *out is malloc'd (free with
 * library_issues_free). */
size_t library_issues(library *lib, library_issue **out);
void library_issues_free(library_issue *issues, size_t n);

/* Reading progress of an issue from the state store (state.h): "unread",
 * "N%" of its articles read, or "finished"; into buf. st may be NULL. */
struct state;
const char *library_progress_text(const struct state *st, const library_issue *is,
				  char *buf, size_t len);

typedef struct library_hit {
	char *paper, *date, *path, *headline;   /* freed by library_hits_free (an
						 * article's hits share them) */
	int page;                       /* as printed (第N版) */
	uint32_t article;               /* 0-based index in its issue; UINT32_MAX for
					 * a page's own text (a caption of no
					 * article, a banner), as in search.h */
	uint32_t element;               /* doc.h element of the article; of a page's
					 * own text: as search_hit.element */
	uint32_t start, end;            /* bytes of the hit in the element's text */
	char *text;                     /* the element's text (freed by library_hits_free) */
	uint32_t len;
	uint64_t fingerprint;           /* of the issue */
} library_hit;

typedef enum library_order {
	LIBRARY_NEWEST,         /* newest issue first, then issue order */
	LIBRARY_RANKED,         /* bm25 (headlines weigh more), then newest first */
} library_order;

/* Every hit of `query` in at most `max_articles` articles (0: all), in
 * `order`; *out malloc'd, freed with library_hits_free. The hits are the
 * in-issue matcher's (search.h). Newest first, the articles are found in
 * the index's order (the first ones come at once). Ranked, every article
 * holding the text is weighed by bm25 (its folded text read alone, no
 * hit made), and the hits of the `max_articles` best are made, best
 * first: the query is one phrase, so bm25 weighs how often it occurs in
 * an article (a hit in a kicker, headline or subtitle counting 4 times)
 * against the article's length (its folded text against the average of
 * the articles holding it); equal weights, newest first. */
size_t library_search(library *lib, const char *query, library_order order,
		      size_t max_articles, library_hit **out);
void library_hits_free(library_hit *hits, size_t n);

/* The same ranked search (the hits of the `max_articles` best, best
 * first, exactly those library_search gives), with each hit made only
 * when it is first asked for: the ranking counts the hits of the rows
 * it keeps (their number is known at once) and makes none; asking for
 * one makes those of its article and of a few after it, in one read of
 * the index. What the library view shows is its screen of results, so
 * it waits only for those. The library must outlive it. Should an issue
 * be indexed again meanwhile, a hit asked for later is as the index has
 * it then (the count follows). */
typedef struct library_ranked library_ranked;
library_ranked *library_rank(library *lib, const char *query, size_t max_articles);
/* The hits in all (as library_search would return). */
size_t library_ranked_count(const library_ranked *r);
/* Hit i (< library_ranked_count), made with its article's when first
 * asked for; valid until library_ranked_free. NULL beyond the end. */
const library_hit *library_ranked_hit(library_ranked *r, size_t i);
void library_ranked_free(library_ranked *r);

/* Every hit of `query`, newest first (as library_search, LIBRARY_NEWEST,
 * every article), given to `each` article by article as soon as it is
 * found, so the first come at once: the hits and their strings (which
 * point into the index's row, nothing copied) are valid only during the
 * call. `each` returning false stops the search. Returns the hits given. */
typedef bool (*library_hits_fn)(void *ctx, const library_hit *hits, size_t n);
size_t library_search_each(library *lib, const char *query, library_hits_fn each, void *ctx);

/* Whether the tokenizer indexes code point c (a letter, digit or mark;
 * Han, kana, hangul): its table, for tests against the definition. */
bool library_indexed(uint32_t c);

/* Whether the full-text index holds exactly the tokens of the stored
 * text: every row's text is tokenized again, as a query's text is, into
 * a temporary FTS5 table, and the (token, row) pairs of the two are
 * compared; the difference in err when not. For tests: it reads the
 * whole index. */
bool library_check(library *lib, char *err, size_t errlen);

/* The tokens of s as the index sees them (for tests): each folded token
 * and the original byte range it comes from. */
void library_tokenize(const char *s, size_t len,
		      void (*token)(void *ctx, const char *tok, size_t n,
				    uint32_t start, uint32_t end),
		      void *ctx);

#endif
