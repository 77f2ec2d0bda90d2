/* main.c — the command line: read the pages, parse them, then export,
 * lay out, search, or open the reader. Exit status: 0 ok; 1 an input
 * could not be read or decoded; 2 bad usage or bad configuration. */
#include "config.h"
#include "doc.h"
#include "export.h"
#include "input.h"
#include "issue.h"
#include "parse.h"
#include "layout.h"
#include "library.h"
#include "libview.h"
#include "probe.h"
#include "reader.h"
#include "render.h"
#include "script.h"
#include "search.h"
#include "state.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define KANBAO_VERSION "0.1.0"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef enum mode { MODE_READER, MODE_LIST, MODE_JSON, MODE_DUMP, MODE_SEARCH, MODE_INDEX,
		    MODE_LIBRARY, MODE_EXPLAIN } mode;

typedef struct options {
	mode mode;
	int width;              /* --width, 0 = terminal or 80 */
	int ambiguous;          /* --ambiguous-width: 1 or 2, 0 = the configuration's */
	bool color;
	bool no_restore;
	bool all;               /* --all: --search over the library */
	bool script_given;      /* --script NAME */
	script_target script;
	const char *query;
	const char *encoding;
	const char *config;
} options;

static void usage(FILE *out)
{
	fputs("usage: kanbao [OPTIONS] [PATH...]\n"
	      "Read a newspaper page (a text file) or an issue (a folder of *.txt pages)\n"
	      "in the terminal. PATH may be - for standard input. Without PATH, the\n"
	      "library: every issue under the [library] roots.\n"
	      "\n"
	      "  (no option)          the interactive reader (without PATH: the library)\n"
	      "  --list               table of contents: page, number, headline, byline\n"
	      "  --json               the parsed issue as JSON\n"
	      "  --dump [--width N]   the issue laid out as text at N columns\n"
	      "                       (default: the terminal's width, else 80)\n"
	      "  --color              with --dump: the styles of [colors] as ANSI sequences (for less -R)\n"
	      "  --search TEXT        every hit of TEXT: page, article, headline, context\n"
	      "  --ambiguous-width 1|2  columns of East Asian ambiguous characters (“ ” … —)\n"
	      "                       (default: [display] ambiguous_width, auto: asked of\n"
	      "                       the terminal, else 1)\n"
	      "  --script NAME        as-is, simplified, traditional, taiwan or hongkong:\n"
	      "                       the script the reader, --dump and --list show (and\n"
	      "                       --json writes) the text in (OpenCC)\n"
	      "  --search TEXT --all  every hit in the library, newest issue first\n"
	      "  --index              (re)index the library roots\n"
	      "  --library            the issues of the library: paper, date, path,\n"
	      "                       articles, progress (TAB-separated)\n"
	      "  --explain            each line of each page with the role the parser gave\n"
	      "                       it and the strongest signals for and against\n"
	      "  --encoding NAME      force the input encoding (default: detect UTF-8,\n"
	      "                       UTF-16 with BOM, GB18030)\n"
	      "  --config FILE        use this configuration file\n"
	      "  --no-restore         do not reopen at the last reading position\n"
	      "  --version, --help\n"
	      "\n"
	      "Exit status: 0 ok; 1 an input could not be read; 2 bad usage or configuration.\n"
	      "Keys, configuration and files: see kanbao(1).\n", out);
}

static UTIL_PRINTF(1, 2) int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("kanbao: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'kanbao --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static bool parse_width(const char *s, int *width)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 10000)
		return false;
	*width = (int)v;
	return true;
}

static bool set_mode(options *o, mode m)
{
	if (o->mode != MODE_READER && o->mode != m)
		return false;
	o->mode = m;
	return true;
}

/* Returns -1 when the command line is fine, else the exit status. */
static int parse_args(int argc, char **argv, options *o)
{
	enum { OPT_LIST = 256, OPT_JSON, OPT_DUMP, OPT_WIDTH, OPT_COLOR, OPT_SEARCH,
	       OPT_ENCODING, OPT_CONFIG, OPT_NO_RESTORE, OPT_VERSION, OPT_HELP, OPT_AMBIGUOUS, OPT_SCRIPT,
	       OPT_INDEX, OPT_LIBRARY, OPT_ALL, OPT_EXPLAIN };
	static const struct option longopts[] = {
		{ "list", no_argument, NULL, OPT_LIST },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "dump", no_argument, NULL, OPT_DUMP },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "color", no_argument, NULL, OPT_COLOR },
		{ "colour", no_argument, NULL, OPT_COLOR },
		{ "search", required_argument, NULL, OPT_SEARCH },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "ambiguous-width", required_argument, NULL, OPT_AMBIGUOUS },
		{ "script", required_argument, NULL, OPT_SCRIPT },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "no-restore", no_argument, NULL, OPT_NO_RESTORE },
		{ "index", no_argument, NULL, OPT_INDEX },
		{ "library", no_argument, NULL, OPT_LIBRARY },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	opterr = 0;
	int c;
	bool width_given = false;
	/* ":" first: a missing value is told apart from an unknown option */
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		bool ok = true;
		switch (c) {
		case OPT_LIST: ok = set_mode(o, MODE_LIST); break;
		case OPT_JSON: ok = set_mode(o, MODE_JSON); break;
		case OPT_DUMP: ok = set_mode(o, MODE_DUMP); break;
		case OPT_EXPLAIN: ok = set_mode(o, MODE_EXPLAIN); break;
		case OPT_SEARCH:
			ok = set_mode(o, MODE_SEARCH);
			o->query = optarg;
			break;
		case OPT_WIDTH:
			if (!parse_width(optarg, &o->width))
				return usage_error("--width %s: expected a whole number from 1 to 10000", optarg);
			width_given = true;
			break;
		case OPT_AMBIGUOUS:
			if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0)
				return usage_error("--ambiguous-width %s: expected 1 or 2", optarg);
			o->ambiguous = optarg[0] - '0';
			break;
		case OPT_SCRIPT:
			if (!script_target_parse(optarg, &o->script))
				return usage_error("--script %s: expected as-is, simplified, traditional, "
						   "taiwan or hongkong", optarg);
			o->script_given = true;
			break;
		case OPT_COLOR: o->color = true; break;
		case OPT_ENCODING: o->encoding = optarg; break;
		case OPT_CONFIG: o->config = optarg; break;
		case OPT_NO_RESTORE: o->no_restore = true; break;
		case OPT_INDEX: ok = set_mode(o, MODE_INDEX); break;
		case OPT_LIBRARY: ok = set_mode(o, MODE_LIBRARY); break;
		case OPT_ALL: o->all = true; break;
		case OPT_VERSION:
			printf("kanbao %s\n", KANBAO_VERSION);
			return 0;
		case OPT_HELP:
			usage(stdout);
			return 0;
		case ':':
			if (strcmp(argv[optind - 1], "--search") == 0)
				return usage_error("--search needs the TEXT to look for (kanbao --search TEXT [PATH...])");
			return usage_error("%s needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option %s", argv[optind - 1]);
		}
		if (!ok)
			return usage_error("--list, --json, --dump, --search, --index, --library and "
					   "--explain cannot be combined");
	}
	if (width_given && o->mode != MODE_DUMP)
		return usage_error("--width goes with --dump");
	if (o->color && o->mode != MODE_DUMP)
		return usage_error("--color goes with --dump");
	if (o->script_given && o->mode != MODE_READER && o->mode != MODE_DUMP &&
	    o->mode != MODE_LIST && o->mode != MODE_JSON)
		return usage_error("--script goes with the reader, --dump, --list or --json");
	if (o->all && o->mode != MODE_SEARCH)
		return usage_error("--all goes with --search TEXT");
	if ((o->mode == MODE_INDEX || o->mode == MODE_LIBRARY || o->all) && optind < argc)
		return usage_error("%s takes no PATH (it works on the [library] roots)",
				   o->all ? "--search --all" : o->mode == MODE_INDEX ? "--index" : "--library");
	if (o->mode == MODE_SEARCH && !o->query[0])
		return usage_error("--search needs a non-empty TEXT");
	if (o->encoding && !input_encoding_known(o->encoding))
		return usage_error("--encoding %s: unknown encoding", o->encoding);
	return -1;
}

/* The reader asks for more of the issue between keys. */
static bool loader_step(void *ctx, size_t budget)
{
	return issue_step(ctx, budget);
}

static double loader_progress(void *ctx)
{
	return issue_progress(ctx);
}

static int terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	int w;
	if (cols && parse_width(cols, &w))
		return w;
	return 80;
}

/* Flushes stdout and reports a write error (a full disk, a closed pipe). */
static int finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			fprintf(stderr, "kanbao: cannot write the output: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	return status;
}

/* Whether there is anything at all to show. */
static bool issue_has_text(const doc_issue *issue)
{
	if (doc_narticles(issue))
		return true;
	for (size_t p = 0; p < doc_npages(issue); p++)
		if (doc_page_at(issue, p)->ncaptions)
			return true;
	return false;
}

/* Bytes the reader parses before its first screen; the rest follows
 * between keys. */
enum { FIRST_SCREEN_BUDGET = 2 << 20 };

/* The display conversion (--script, else [display] script) attached to
 * the issue; NULL for as-is. When OpenCC cannot do it, says so and shows
 * the text as printed. */
static script_view *attach_script(const options *o, const config *cfg, doc_issue *issue)
{
	script_target t = o->script_given ? o->script : (script_target)cfg->script;
	if (t == SCRIPT_AS_IS && o->mode != MODE_READER)
		return NULL;
	script_view *v = script_view_new(issue, t);
	if (script_view_target(v) != t)
		fprintf(stderr, "kanbao: cannot show the text in %s: %s; showing it as printed\n",
			script_target_name(t), script_error());
	return v;
}

/* The reader on the issue being loaded; `extra` (may be NULL) carries
 * what the library adds: the hit to open at, the way back, the request. */
static int run_reader(const options *o, issue_loader *l, config *cfg, int npaths, char **paths,
		      const reader_options *extra)
{
	doc_issue *issue = issue_doc(l);
	bool done = false;
	while (!done && doc_narticles(issue) == 0)
		done = issue_step(l, FIRST_SCREEN_BUDGET);
	if (done && !issue_has_text(issue)) {
		fprintf(stderr, "kanbao: %s: nothing to read (no text in %s)\n",
			npaths && strcmp(paths[0], "-") != 0 ? paths[0] : "(standard input)",
			doc_npages(issue) > 1 ? "these pages" : "this page");
		return EXIT_INPUT;
	}
	script_view *view = attach_script(o, cfg, issue);
	reader_loader rl = { loader_step, loader_progress, l };
	reader_options ropt = {
		.issue_name = npaths && strcmp(paths[0], "-") != 0 ? paths[0] : "(standard input)",
		.restore = cfg->restore && !o->no_restore,
		.keys_from_tty = !isatty(STDIN_FILENO),
		.loader = done ? NULL : &rl,
		.fingerprint = issue_fingerprint(l),
		.script = view,
	};
	if (extra) {
		ropt.search = extra->search;
		ropt.hit = extra->hit;
		ropt.from_library = extra->from_library;
		ropt.request = extra->request;
	}
	int status = reader_run(issue, cfg, &ropt);
	script_view_free(view);
	return status;
}

/* What the reader of a PATH asked for when it ended (S: the library). */
static int reader_request = READER_REQ_QUIT;

/* Bytes parsed between two searches of the articles that came out. */
enum { SEARCH_STEP = 256 << 10 };

/* --search: each article is searched as soon as the parser has finished
 * it, while its text is still in memory; no folded copy of the issue is
 * made. Returns the number of hits printed. */
static size_t search_while_loading(issue_loader *l, const char *query)
{
	doc_issue *issue = issue_doc(l);
	search_stream *st = search_stream_new(issue, query, isatty(STDOUT_FILENO), stdout);
	size_t searched = 0;
	bool done;
	do {
		done = issue_step(l, SEARCH_STEP);
		size_t n = doc_narticles(issue);
		/* the last article may still grow until the end */
		size_t complete = done ? n : n ? n - 1 : 0;
		if (complete > searched) {
			search_stream_articles(st, searched, complete);
			searched = complete;
		}
		search_stream_pages(st, issue_pages_done(l));
	} while (!done);
	return search_stream_finish(st);
}

static int run_mode(const options *o, issue_loader *l, config *cfg, int npaths, char **paths)
{
	static char outbuf[1 << 16];
	if (o->mode == MODE_READER) {
		reader_options extra = { .request = &reader_request };
		return run_reader(o, l, cfg, npaths, paths, &extra);
	}
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	if (o->mode == MODE_SEARCH) {
		bool found = search_while_loading(l, o->query);
		if (script_error()[0])
			fprintf(stderr, "kanbao: note: %s; the search did not fold traditional "
				"and simplified characters\n", script_error());
		return finish_output(found ? 0 : 1);
	}
	if (o->mode == MODE_EXPLAIN)
		parse_set_explain(stdout);
	issue_step(l, SIZE_MAX);
	parse_set_explain(NULL);
	doc_issue *issue = issue_doc(l);
	/* --json is data: converted only when --script asks */
	script_view *view = o->mode != MODE_JSON || o->script_given ? attach_script(o, cfg, issue) : NULL;
	switch (o->mode) {
	case MODE_LIST:
		export_list(issue, stdout);
		break;
	case MODE_JSON:
		export_json(issue, stdout);
		break;
	case MODE_DUMP: {
		layout_options lopt = cfg->layout;
		lopt.center = false;
		/* --width asks for that width: [layout] max_width is the reader's
		 * reading measure, not a limit on what a dump was asked for */
		if (o->width)
			lopt.max_width = o->width;
		render_dump(issue, o->width ? o->width : terminal_width(), &lopt, o->color ? cfg->color : NULL, stdout);
		break;
	}
	case MODE_SEARCH:
	case MODE_READER:
	case MODE_INDEX:
	case MODE_LIBRARY:
	case MODE_EXPLAIN:
		break;
	}
	script_view_free(view);
	return finish_output(0);
}

/* The width of East Asian ambiguous characters, set before anything is
 * measured: --ambiguous-width, else [display] ambiguous_width, whose auto
 * asks the terminal that will show the text (the reader's, or --dump's
 * when it writes to one); no answer (or no terminal) means 1. */
static void set_ambiguous_width(const options *o, const config *cfg)
{
	int w = o->ambiguous ? o->ambiguous : cfg->ambiguous_width;
	if (w == CONFIG_AMBIGUOUS_AUTO) {
		bool asks = o->mode == MODE_READER ||
			    (o->mode == MODE_DUMP && isatty(STDOUT_FILENO));
		w = asks ? probe_ambiguous_width(PROBE_TIMEOUT_MS) : 0;
	}
	text_set_ambiguous_width(w == 2 ? 2 : 1);
}

/* ---- the library on the command line ---- */

static void print_progress_bar(const library_progress *p)
{
	enum { BAR = 30 };
	double f = p->bytes_total ? (double)p->bytes_done / (double)p->bytes_total
				  : p->total ? (double)p->done / (double)p->total : 1.0;
	int fill = (int)(f * BAR + 0.5);
	double mbs = p->seconds > 0 ? (double)p->bytes_done / 1e6 / p->seconds : 0;
	double left = f > 0 ? p->seconds * (1 - f) / f : 0;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu issues  %.1f MB/s  %d:%02d left ",
		fill, "##############################",
		BAR - fill, "", p->done, p->total, mbs, (int)left / 60, (int)left % 60);
	fflush(stderr);
}

/* Brings the index up to date: with a progress bar on a terminal and a
 * summary line (`verbose`), or quietly, skipping it when another kanbao
 * is indexing (then the index is used as it is). */
static void update_library(library *lib, library_scan *sc, bool verbose)
{
	bool busy;
	library_job *job = sc ? library_index_begin_scanned(sc, verbose, &busy)
			      : library_index_begin(lib, verbose, &busy);
	if (!job)
		return;
	/* nothing else happens here meanwhile: the next issues are parsed in
	 * a second thread while one is stored. A step is a transaction, and
	 * each commit makes FTS5 write its pending terms as a segment and
	 * merge: steps of a second, not of 200 ms (10% of the storing
	 * thread's CPU in a full build); the bar moves once a step */
	library_index_ahead(job);
	bool bar = verbose && isatty(STDERR_FILENO);
	bool drawn = false;
	while (!library_index_step(job, 1000000000)) {
		if (bar) {
			library_progress p;
			library_index_progress(job, &p);
			print_progress_bar(&p);
			drawn = true;
		}
	}
	if (drawn) {
		library_progress p;
		library_index_progress(job, &p);
		print_progress_bar(&p);
		fputs("\n", stderr);
	}
	library_summary sum;
	library_index_end(job, &sum);
	if (verbose)
		printf("indexed %zu issue%s (%zu new, %zu changed, %zu removed, %zu unchanged%s%.0zu), "
		       "%.1f MB read in %.2f s\n",
		       sum.issues, sum.issues == 1 ? "" : "s", sum.added, sum.changed, sum.removed,
		       sum.unchanged, sum.failed ? ", unreadable: " : "", sum.failed,
		       (double)sum.bytes / 1e6, sum.seconds);
}

static library *open_library(const config *cfg)
{
	library_options lopt = { .roots = cfg->library_roots };
	char err[1024];
	library *lib = library_open(&lopt, err, sizeof err);
	if (!lib)
		fprintf(stderr, "kanbao: %s\n", err);
	return lib;
}

static void field_or_dash(const char *s)
{
	if (s && *s)
		search_put_clean(stdout, s, strlen(s));
	else
		fputs("-", stdout);
}

static void add_field(util_buf *b, const char *s)
{
	if (s && *s)
		search_add_clean(b, s, strlen(s));
	else
		util_buf_addc(b, '-');
}

static void add_uint(util_buf *b, uint32_t v)
{
	char d[16];
	size_t n = 0;
	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (n > 0)
		util_buf_addc(b, d[--n]);
}

/* The lines of --search --all, built in one buffer and written an issue
 * at a time (printf and a buffer per hit were most of the time of a
 * common character's 100,000s of lines), so that a pipe sees the newest
 * issue's hits as soon as they are found. */
typedef struct hits_out {
	util_buf line, fields;
	const char *path;       /* the issue of the lines in `line` */
	bool tty, started;      /* started: the first article's lines written */
	/* the walk of the roots, made while the search runs: nothing is
	 * written before it says the index is current (checked) */
	library_scan *scan;
	bool checked, current;
	/* or, with the folders as the index saw them, each issue checked
	 * before its lines (stale: one changed); after the index is brought
	 * up to date, the issues checked before are passed over (skip) */
	library_fresh *fresh;
	bool stale, skip;
	struct out_pipe *pipe;  /* the lines made and written by a thread of their own */
} hits_out;

/* --search --all with the folders as the index saw them: the contexts
 * of the hits (most of a common character's instructions) are made and
 * written by a second thread while the search reads the next rows. The
 * search hands it batches (an issue's hits, or a MiB's worth): each
 * article's fields once, each line holding hits copied once (a hit's
 * text points into the index's row, valid until the next), each hit's
 * place in it. The output is byte for byte the same. */
typedef struct out_hit {
	size_t text;                    /* in bytes */
	uint32_t len, start, end;
} out_hit;

typedef struct out_art {
	size_t fields, flen;            /* in bytes */
	size_t first, n;                /* its hits */
} out_art;

typedef struct out_batch {
	util_buf bytes;
	out_hit *hits;
	size_t nhits, caphits;
	out_art *arts;
	size_t narts, caparts;
} out_batch;

enum { OUT_BATCHES = 3 };

typedef struct out_pipe {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	out_batch b[OUT_BATCHES];
	/* batches handed over and written: the search fills b[filled %
	 * OUT_BATCHES], the writer writes b[written % OUT_BATCHES] */
	size_t filled, written;
	bool quit, tty;
	util_buf line;                  /* the writer's */
	int err;                        /* errno of the writer's failed write */
} out_pipe;

static void put_line_buf(util_buf *b)
{
	fwrite(b->data, 1, b->len, stdout);
	fflush(stdout);
	b->len = 0;
}

/* Bytes to standard output (nothing else is written there while the
 * writer runs) by write(2): fwrite copied each batch into stdio's
 * buffer first (38M instructions of 的's 809M). An error is left to
 * stdio (the rest written by fwrite, which fails again and sets the
 * stream's error for finish_output). */
static void out_write(out_pipe *pp, const char *p, size_t n)
{
	fflush(stdout);
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fwrite(p, 1, n, stdout);
			if (fflush(stdout) != 0 || ferror(stdout))
				pp->err = errno;
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

/* The writer: each batch's lines made (as put_hits makes them) and
 * written, in the order handed over. */
static void *out_run(void *arg)
{
	out_pipe *pp = arg;
	for (;;) {
		pthread_mutex_lock(&pp->mu);
		while (pp->written == pp->filled && !pp->quit)
			pthread_cond_wait(&pp->cv, &pp->mu);
		bool done = pp->written == pp->filled;
		pthread_mutex_unlock(&pp->mu);
		if (done)
			return NULL;
		out_batch *ob = &pp->b[pp->written % OUT_BATCHES];
		util_buf *b = &pp->line;
		for (size_t a = 0; a < ob->narts; a++) {
			const out_art *art = &ob->arts[a];
			for (size_t i = art->first; i < art->first + art->n; i++) {
				const out_hit *h = &ob->hits[i];
				util_buf_add(b, ob->bytes.data + art->fields, art->flen);
				search_add_context(b, ob->bytes.data + h->text, h->len, h->start, h->end, pp->tty);
				util_buf_addc(b, '\n');
			}
		}
		if (b->len) {
			out_write(pp, b->data, b->len);
			b->len = 0;
		}
		ob->bytes.len = 0;
		ob->nhits = ob->narts = 0;
		pthread_mutex_lock(&pp->mu);
		pp->written++;
		pthread_cond_broadcast(&pp->cv);
		pthread_mutex_unlock(&pp->mu);
	}
}

static out_pipe *out_start(bool tty)
{
	out_pipe *pp = util_calloc(1, sizeof *pp);
	pp->tty = tty;
	pthread_mutex_init(&pp->mu, NULL);
	pthread_cond_init(&pp->cv, NULL);
	if (pthread_create(&pp->thread, NULL, out_run, pp) != 0) {
		pthread_mutex_destroy(&pp->mu);
		pthread_cond_destroy(&pp->cv);
		free(pp);
		return NULL;
	}
	return pp;
}

/* The batch being filled handed over (when it holds anything), and the
 * next one waited for until the writer is done with it. */
static void out_hand_over(out_pipe *pp)
{
	if (!pp->b[pp->filled % OUT_BATCHES].narts)
		return;
	pthread_mutex_lock(&pp->mu);
	pp->filled++;
	pthread_cond_broadcast(&pp->cv);
	while (pp->filled - pp->written >= OUT_BATCHES)
		pthread_cond_wait(&pp->cv, &pp->mu);
	pthread_mutex_unlock(&pp->mu);
}

/* Every line handed over written. */
static void out_drain(out_pipe *pp)
{
	out_hand_over(pp);
	pthread_mutex_lock(&pp->mu);
	while (pp->written < pp->filled)
		pthread_cond_wait(&pp->cv, &pp->mu);
	pthread_mutex_unlock(&pp->mu);
}

static void out_end(out_pipe *pp)
{
	if (!pp)
		return;
	out_hand_over(pp);
	pthread_mutex_lock(&pp->mu);
	pp->quit = true;
	pthread_cond_broadcast(&pp->cv);
	pthread_mutex_unlock(&pp->mu);
	pthread_join(pp->thread, NULL);
	if (pp->err)
		errno = pp->err;        /* for finish_output's message */
	for (size_t i = 0; i < OUT_BATCHES; i++) {
		util_buf_free(&pp->b[i].bytes);
		free(pp->b[i].hits);
		free(pp->b[i].arts);
	}
	util_buf_free(&pp->line);
	pthread_mutex_destroy(&pp->mu);
	pthread_cond_destroy(&pp->cv);
	free(pp);
}

/* An article's hits into the batch being filled: its fields (made in
 * ho->fields), each line holding hits once. */
static void out_add(out_pipe *pp, const util_buf *fields, const library_hit *hits, size_t n)
{
	out_batch *ob = &pp->b[pp->filled % OUT_BATCHES];
	out_art art = { ob->bytes.len, fields->len, ob->nhits, n };
	util_buf_add(&ob->bytes, fields->data, fields->len);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		const library_hit *h = &hits[i];
		if (i == 0 || h->text != hits[i - 1].text || h->len != hits[i - 1].len) {
			at = ob->bytes.len;
			util_buf_add(&ob->bytes, h->text, h->len);
		}
		out_hit oh = { at, h->len, h->start, h->end };
		UTIL_PUSH(ob->hits, ob->nhits, ob->caphits, oh);
	}
	UTIL_PUSH(ob->arts, ob->narts, ob->caparts, art);
}

static bool put_hits(void *ctx, const library_hit *hits, size_t n)
{
	hits_out *ho = ctx;
	util_buf *b = &ho->line;
	if (ho->fresh && hits[0].path != ho->path) {
		if (ho->skip && library_fresh_checked(ho->fresh, hits[0].path))
			return true;    /* its lines were written before */
		if (!ho->skip && !library_fresh_upto(ho->fresh, hits[0].path)) {
			ho->stale = true;
			return false;
		}
	}
	if (!ho->checked && library_scan_done(ho->scan)) {
		ho->checked = true;
		ho->current = library_scan_current(ho->scan);
		if (!ho->current)
			return false;   /* the index is brought up to date first */
	}
	out_pipe *pp = ho->pipe;
	if (pp) {
		if (ho->started && (hits[0].path != ho->path ||
				    pp->b[pp->filled % OUT_BATCHES].bytes.len >= (1u << 20)))
			out_hand_over(pp);
	} else if (ho->started && (hits[0].path != ho->path || b->len >= (1u << 20)) && b->len) {
		put_line_buf(b);
	}
	ho->path = hits[0].path;
	/* the fields before the context are the article's: made once */
	const library_hit *h = &hits[0];
	util_buf *f = &ho->fields;
	f->len = 0;
	add_field(f, h->paper);
	util_buf_addc(f, '\t');
	add_field(f, h->date);
	util_buf_addc(f, '\t');
	if (h->page < 0)
		util_buf_addc(f, '-');  /* printf's %d of a negative page */
	add_uint(f, h->page < 0 ? 0u - (uint32_t)h->page : (uint32_t)h->page);
	util_buf_addc(f, '\t');
	if (h->article == UINT32_MAX)
		util_buf_addc(f, '-');  /* a page's own text, as --search */
	else
		add_uint(f, h->article + 1);
	util_buf_addc(f, '\t');
	add_field(f, h->headline);
	util_buf_addc(f, '\t');
	if (pp) {
		out_add(pp, f, hits, n);
		if (ho->checked && !ho->started) {
			/* the first lines at once */
			out_hand_over(pp);
			ho->started = true;
		}
		return true;
	}
	for (size_t i = 0; i < n; i++) {
		h = &hits[i];
		util_buf_add(b, f->data, f->len);
		search_add_context(b, h->text, h->len, h->start, h->end, ho->tty);
		util_buf_addc(b, '\n');
	}
	if (ho->checked && !ho->started) {
		/* the first lines at once */
		put_line_buf(b);
		ho->started = true;
	}
	return true;
}

static void hits_out_free(hits_out *ho)
{
	out_end(ho->pipe);
	if (ho->line.len)
		put_line_buf(&ho->line);
	util_buf_free(&ho->line);
	util_buf_free(&ho->fields);
	library_scan_free(ho->scan);
	library_fresh_free(ho->fresh);
}

/* --search --all when the folders are as the index saw them: an issue's
 * lines are written once it and every issue before it in the search's
 * order are checked (so the first line waits for the folders and the
 * newest issues' pages only, and no lines are held); when one changed,
 * the index is brought up to date and the search made again for the
 * issues not checked yet. False (nothing written) when a folder
 * changed: then the roots are walked. */
static bool search_fresh(library *lib, const char *query, hits_out *ho, size_t *found)
{
	ho->checked = ho->current = true;
	ho->pipe = out_start(ho->tty);
	size_t n = library_search_each(lib, query, put_hits, ho);
	if (!ho->stale && !library_fresh_upto(ho->fresh, NULL))
		ho->stale = true;       /* an issue without hits in the index changed */
	if (ho->stale && library_fresh_folders_changed(ho->fresh)) {
		/* nothing was written: the first issue waited for the folders */
		out_end(ho->pipe);
		library_fresh_free(ho->fresh);
		*ho = (hits_out){ .tty = ho->tty, .line = ho->line, .fields = ho->fields };
		return false;
	}
	if (ho->stale) {
		if (ho->pipe)
			out_drain(ho->pipe);
		if (ho->line.len)
			put_line_buf(&ho->line);
		update_library(lib, NULL, false);
		ho->path = NULL;
		ho->skip = true;
		n = library_search_each(lib, query, put_hits, ho);
	}
	hits_out_free(ho);
	*found = n;
	return true;
}

/* kanbao --search TEXT --all: the search runs while the roots are walked
 * (a stat for every page: about as long as the search of a rare text),
 * its lines kept until the walk says the index is current; when it is
 * not, the index is brought up to date and the search made again. */
static size_t search_all(library *lib, const char *query)
{
	hits_out ho = { .tty = isatty(STDOUT_FILENO), .fresh = library_fresh_start(lib) };
	size_t n;
	if (ho.fresh && search_fresh(lib, query, &ho, &n))
		return n;
	ho.scan = library_scan_start(lib);
	n = library_search_each(lib, query, put_hits, &ho);
	if (!ho.checked)
		ho.current = library_scan_current(ho.scan);
	if (!ho.current) {
		update_library(lib, ho.scan, false);
		ho.line.len = 0;
		ho.path = NULL;
		ho.checked = ho.current = true;
		n = library_search_each(lib, query, put_hits, &ho);
	}
	hits_out_free(&ho);
	return n;
}

static int run_library_mode(const options *o, const config *cfg)
{
	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	library *lib = open_library(cfg);
	if (!lib)
		return EXIT_INPUT;
	int status = 0;
	if (o->mode != MODE_SEARCH)
		update_library(lib, NULL, o->mode == MODE_INDEX);
	if (o->mode == MODE_LIBRARY) {
		library_issue *v;
		size_t n = library_issues(lib, &v);
		state *st = state_open(NULL, NULL);
		for (size_t i = 0; i < n; i++) {
			char prog[32];
			field_or_dash(v[i].paper);
			putchar('\t');
			field_or_dash(v[i].date);
			putchar('\t');
			field_or_dash(v[i].path);
			printf("\t%u\t%s\n", v[i].articles,
			       library_progress_text(st, &v[i], prog, sizeof prog));
		}
		state_close(st);
		library_issues_free(v, n);
	} else if (o->mode == MODE_SEARCH) {
		status = search_all(lib, o->query) ? 0 : 1;
	}
	library_close(lib);
	return finish_output(status);
}

/* Warnings of the library while its view is on the screen go to its
 * status line, and so do those of its opening (an index rebuilt, a root
 * missing: stderr would be drawn over at once); without a view, to
 * stderr. */
static libview *warn_view;
static bool view_opening;
static util_buf view_warned;    /* while it opens: one a line */

static void library_warn(void *ctx, const char *msg)
{
	(void)ctx;
	if (warn_view)
		libview_notify(warn_view, msg);
	else if (view_opening)
		util_buf_printf(&view_warned, "%s\n", msg);
	else
		fprintf(stderr, "kanbao: warning: %s\n", msg);
}

/* The warnings of the opening: to the view's status line, or without
 * one to stderr. */
static void opening_warned(libview *view)
{
	view_opening = false;
	const char *s = view_warned.len ? util_buf_cstr(&view_warned) : "";
	for (const char *nl; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
		char *one = util_strndup(s, (size_t)(nl - s));
		if (view)
			libview_notify(view, one);
		else
			fprintf(stderr, "kanbao: warning: %s\n", one);
		free(one);
	}
	util_buf_free(&view_warned);
}

/* Opens an issue of the library in the reader; returns what the reader
 * asks for (READER_REQ_*), or -1 when the issue cannot be read. */
static int open_from_library(const options *o, config *cfg, const libview_target *t,
			     char *err, size_t errlen)
{
	input_options iopt = { .encoding = o->encoding };
	const char *path = t->path;
	issue_loader *l = issue_open(&path, 1, &iopt, NULL, err, errlen);
	if (!l)
		return -1;
	int request = READER_REQ_BACK;
	reader_options extra = { .search = t->query, .hit = t->hit, .from_library = true,
				 .request = &request };
	char *paths[] = { (char *)path };
	int status = run_reader(o, l, cfg, 1, paths, &extra);
	issue_close(l);
	if (status == EXIT_USAGE)
		return READER_REQ_QUIT;
	return request;
}

/* kanbao without PATH: the library view when the library holds issues,
 * else how to put some there. `search` opens it at the search prompt
 * (S pressed in a reader). */
static int run_library_view(const options *o, config *cfg, bool search)
{
	library_options lopt = { .roots = cfg->library_roots, .warn = library_warn };
	char err[1024];
	view_opening = true;
	library *lib = library_open(&lopt, err, sizeof err);
	if (!lib) {
		opening_warned(NULL);
		fprintf(stderr, "kanbao: %s\n", err);
		return EXIT_INPUT;
	}
	library_issue *v;
	size_t n = library_issues(lib, &v);
	library_issues_free(v, n);
	state *st = state_open(NULL, NULL);
	struct winsize ws = { 0 };
	ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws);
	/* its walk of the roots starts indexing what is new, in the
	 * background: the first time too, the issues appear as they are
	 * stored (the whole library indexed first was a blank screen) */
	libview *view = libview_new(lib, cfg, st, ws.ws_col ? ws.ws_col : 80, ws.ws_row ? ws.ws_row : 24);
	if (n == 0 && !libview_has_work(view)) {
		libview_free(view);
		state_close(st);
		opening_warned(NULL);
		const char *const *roots;
		size_t nroots = library_roots(lib, &roots);
		util_buf where = { 0 };
		for (size_t i = 0; i < nroots; i++)
			util_buf_printf(&where, "%s%s", i ? ", " : "", roots[i]);
		int status = usage_error("no PATH given (a page file, a folder, or - for standard input)\n"
					 "and the library is empty: put issues (folders of *.txt pages, "
					 "e.g. 通辽日报/2025-08-28/) under %s,\nor name your folders in "
					 "[library] roots of kanbao.ini", util_buf_cstr(&where));
		util_buf_free(&where);
		library_close(lib);
		return status;
	}
	opening_warned(view);
	warn_view = view;
	if (search)
		libview_prompt(view);
	int status = 0;
	for (;;) {
		int r = libview_run(view, cfg);
		if (r == 2) {
			status = EXIT_USAGE;
			break;
		}
		if (r != LIBVIEW_OPEN)
			break;
		libview_target t;
		libview_to_open(view, &t);
		warn_view = NULL;
		int req = open_from_library(o, cfg, &t, err, sizeof err);
		warn_view = view;
		if (req < 0)
			libview_notify(view, err);
		else if (req == READER_REQ_QUIT)
			break;
		else if (req == READER_REQ_LIBRARY_SEARCH)
			libview_prompt(view);
		libview_returned(view);
	}
	warn_view = NULL;
	libview_free(view);
	state_close(st);
	library_close(lib);
	ui_reraise();
	return status;
}

int main(int argc, char **argv)
{
	options o = { 0 };
	int status = parse_args(argc, argv, &o);
	if (status >= 0)
		return status;
	int npaths = argc - optind;
	char **paths = argv + optind;

	const char *locale = NULL;
	bool utf8 = text_init_locale(&locale);

	/* the reader parses between keys: no second thread there, and no
	 * wait for the patterns' tables before the first screen */
	if (o.mode == MODE_READER || o.mode == MODE_LIBRARY)
		parse_set_prescan(SIZE_MAX);
	if (o.mode == MODE_READER) {
		if (!isatty(STDOUT_FILENO)) {
			fputs("kanbao: standard output is not a terminal: the reader needs one.\n"
			      "Use --list, --json, --dump or --search to write to a file or a pipe.\n", stderr);
			return EXIT_USAGE;
		}
		if (!utf8)
			fprintf(stderr, "kanbao: warning: no UTF-8 locale on this system (using %s): "
				"wide characters may be measured wrong\n", locale ? locale : "C");
	}

	config cfg;
	char err[1024];
	if (!config_load(&cfg, o.config, err, sizeof err)) {
		fprintf(stderr, "kanbao: %s\n", err);
		config_free(&cfg);
		return EXIT_USAGE;
	}
	set_ambiguous_width(&o, &cfg);
	if (o.mode == MODE_READER && npaths == 0 && isatty(STDIN_FILENO)) {
		status = run_library_view(&o, &cfg, false);
		config_free(&cfg);
		return status;
	}
	if (o.mode == MODE_INDEX || o.mode == MODE_LIBRARY || o.all) {
		status = run_library_mode(&o, &cfg);
		config_free(&cfg);
		return status;
	}
	if (npaths == 0 && isatty(STDIN_FILENO)) {
		/* standard input is the keyboard: waiting on it would look like a hang */
		config_free(&cfg);
		return usage_error("no PATH given (a page file, a folder, or - for standard input)");
	}
	input_options iopt = { .encoding = o.encoding };
	issue_loader *l = issue_open((const char *const *)paths, (size_t)npaths, &iopt, stderr, err, sizeof err);
	if (l) {
		status = run_mode(&o, l, &cfg, npaths, paths);
		issue_close(l);
		if (reader_request == READER_REQ_LIBRARY_SEARCH)
			status = run_library_view(&o, &cfg, true);
	} else {
		fprintf(stderr, "kanbao: %s\n", err);
		status = EXIT_INPUT;
	}
	config_free(&cfg);
	script_shutdown();
	return status;
}
