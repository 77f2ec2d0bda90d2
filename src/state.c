/* state.c — what kanbao remembers between runs; see state.h.
 *
 * Every kind of record is held in memory in the order its file keeps it,
 * least recently used (or oldest) first: eviction drops the head, a save
 * writes the array as it is, and loading replays the lines through the
 * same functions the reader calls, so limits and duplicates are handled
 * in one place. The files are small (the limits keep them far below
 * STATE_FILE_MAX), so each is read whole and written whole.
 *
 * Several kanbao may share the folder. Besides the records, a state keeps
 * a journal of what this instance changed (ops). A save takes the folder's
 * lock, reads the files afresh into a new state, replays the journal on
 * it, writes the kinds that changed and adopts the merged records: what
 * other instances saved meanwhile is kept, and only this instance's
 * changes are added to it.
 */
#include "state.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum kind { K_POSITIONS, K_READ, K_MARKS, K_HISTORY, K_COUNT } kind;

typedef struct position {
	uint64_t issue;
	doc_pos pos;
	time_t when;            /* 0: unknown (a file of format 1) */
} position;

/* One change made by this instance, replayed on the files at a save. */
typedef enum op_type { OP_POSITION, OP_READ, OP_MARK_ADD, OP_MARK_REMOVE, OP_HISTORY } op_type;

typedef struct op {
	op_type type;
	uint64_t issue;
	doc_pos pos;
	time_t when;
	uint32_t article;
	char *text;             /* title (mark) or query (history) */
	char *where;            /* mark */
} op;

static const kind op_kind[] = {
	[OP_POSITION] = K_POSITIONS, [OP_READ] = K_READ, [OP_MARK_ADD] = K_MARKS,
	[OP_MARK_REMOVE] = K_MARKS, [OP_HISTORY] = K_HISTORY,
};

typedef struct read_list {
	uint64_t issue;
	uint32_t *articles;     /* in the order they were read */
	size_t n, cap;
} read_list;

struct state {
	char *dir;              /* NULL when there is nowhere to keep state */
	char *shown_dir;        /* dir as warnings show it (~ for $HOME) */
	void (*warn)(const char *msg);
	time_t (*now)(void);
	int lock_ms;
	bool quiet;                     /* a re-read at a save: damage was reported at open */
	bool changed[K_COUNT];          /* to be written: a change, or damage to clean */
	bool keep_file[K_COUNT];        /* unreadable or newer format: never overwrite */
	char keep_why[K_COUNT][96];     /* why, for the warning of a save */
	op *ops;                        /* this instance's changes not yet saved */
	size_t nops, ops_cap;

	position *positions;
	size_t npositions, positions_cap;
	read_list *reads;
	size_t nreads, reads_cap;
	state_mark *marks;
	size_t nmarks, marks_cap;
	const state_mark **newest;      /* all marks, newest first */
	const state_mark **by_issue;    /* grouped by issue, newest first in each */
	size_t views_cap;
	char **history;
	size_t nhistory, history_cap;
};

static const state_mark *const no_marks[1];
static const char *const no_items[1];

/* ---- small helpers ---- */

static char *join_path(const char *dir, const char *name)
{
	util_buf b = { 0 };
	util_buf_printf(&b, "%s/%s", dir, name);
	return b.data;
}

/* A copy of at most STATE_TEXT_MAX bytes, never cutting a UTF-8 sequence. */
static char *dup_capped(const char *s)
{
	size_t n = strlen(s);
	if (n > STATE_TEXT_MAX) {
		n = STATE_TEXT_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return util_strndup(s, n);
}

/* Removes item i of an array of n items of `size` bytes. */
static void remove_at(void *base, size_t n, size_t i, size_t size)
{
	char *p = base;
	memmove(p + i * size, p + (i + 1) * size, (n - i - 1) * size);
}

/* Moves item i to the end (the most recently used place). */
static void move_to_end(void *base, size_t n, size_t i, size_t size)
{
	unsigned char tmp[64];
	if (size > sizeof tmp)
		util_fatal("state: record too big to move");
	char *p = base;
	memcpy(tmp, p + i * size, size);
	remove_at(base, n, i, size);
	memcpy(p + (n - 1) * size, tmp, size);
}

static UTIL_PRINTF(3, 4) void warn_at(const state *st, const char *name, const char *fmt, ...)
{
	if (st->quiet)
		return;
	util_buf b = { 0 };
	util_buf_adds(&b, "kanbao: warning: ");
	if (st->shown_dir)
		util_buf_printf(&b, "%s%s%s: ", st->shown_dir, name ? "/" : "", name ? name : "");
	va_list ap;
	va_start(ap, fmt);
	util_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (st->warn)
		st->warn(b.data);
	else
		fprintf(stderr, "%s\n", b.data);
	util_buf_free(&b);
}

/* ---- positions ---- */

static size_t find_position(const state *st, uint64_t issue)
{
	for (size_t i = st->npositions; i-- > 0;)
		if (st->positions[i].issue == issue)
			return i;
	return SIZE_MAX;
}

static bool same_pos(doc_pos a, doc_pos b)
{
	return a.article == b.article && a.element == b.element && a.offset == b.offset;
}

/* Returns whether anything changed. */
static bool remember_position(state *st, uint64_t issue, doc_pos pos, time_t when)
{
	size_t i = find_position(st, issue);
	if (i != SIZE_MAX) {
		if (i + 1 == st->npositions && same_pos(st->positions[i].pos, pos))
			return false;
		move_to_end(st->positions, st->npositions, i, sizeof(position));
		st->positions[st->npositions - 1].pos = pos;
		st->positions[st->npositions - 1].when = when;
		return true;
	}
	if (st->npositions == STATE_POSITIONS_MAX)
		remove_at(st->positions, st->npositions--, 0, sizeof(position));
	position p = { issue, pos, when };
	UTIL_PUSH(st->positions, st->npositions, st->positions_cap, p);
	return true;
}

bool state_get_position(const state *st, uint64_t issue, doc_pos *pos)
{
	size_t i = find_position(st, issue);
	if (i == SIZE_MAX)
		return false;
	if (pos)
		*pos = st->positions[i].pos;
	return true;
}

time_t state_position_time(const state *st, uint64_t issue)
{
	size_t i = find_position(st, issue);
	return i == SIZE_MAX ? 0 : st->positions[i].when;
}

/* The journal: a later position of the same issue replaces the earlier
 * one (only the last is replayed anyway). */
static void journal(state *st, op o)
{
	if (o.type == OP_POSITION) {
		for (size_t i = 0; i < st->nops; i++) {
			if (st->ops[i].type == OP_POSITION && st->ops[i].issue == o.issue) {
				remove_at(st->ops, st->nops--, i, sizeof(op));
				break;
			}
		}
	}
	UTIL_PUSH(st->ops, st->nops, st->ops_cap, o);
	st->changed[op_kind[o.type]] = true;
}

void state_set_position(state *st, uint64_t issue, doc_pos pos)
{
	time_t when = st->now();
	if (remember_position(st, issue, pos, when)) {
		op o = { .type = OP_POSITION, .issue = issue, .pos = pos, .when = when };
		journal(st, o);
	}
}

/* ---- read articles ---- */

static size_t find_read_list(const state *st, uint64_t issue)
{
	for (size_t i = st->nreads; i-- > 0;)
		if (st->reads[i].issue == issue)
			return i;
	return SIZE_MAX;
}

static bool list_has(const read_list *l, uint32_t article)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->articles[i] == article)
			return true;
	return false;
}

static bool remember_read(state *st, uint64_t issue, uint32_t article)
{
	bool changed = false;
	size_t i = find_read_list(st, issue);
	if (i == SIZE_MAX) {
		if (st->nreads == STATE_POSITIONS_MAX) {
			free(st->reads[0].articles);
			remove_at(st->reads, st->nreads--, 0, sizeof(read_list));
		}
		read_list l = { issue, NULL, 0, 0 };
		UTIL_PUSH(st->reads, st->nreads, st->reads_cap, l);
		changed = true;
	} else if (i + 1 != st->nreads) {
		move_to_end(st->reads, st->nreads, i, sizeof(read_list));
		changed = true;
	}
	read_list *l = &st->reads[st->nreads - 1];
	if (list_has(l, article))
		return changed;
	if (l->n == STATE_READ_MAX)
		remove_at(l->articles, l->n--, 0, sizeof(uint32_t));
	UTIL_PUSH(l->articles, l->n, l->cap, article);
	return true;
}

bool state_is_read(const state *st, uint64_t issue, uint32_t article)
{
	size_t i = find_read_list(st, issue);
	return i != SIZE_MAX && list_has(&st->reads[i], article);
}

size_t state_read_count(const state *st, uint64_t issue)
{
	size_t i = find_read_list(st, issue);
	return i == SIZE_MAX ? 0 : st->reads[i].n;
}

void state_set_read(state *st, uint64_t issue, uint32_t article)
{
	if (remember_read(st, issue, article)) {
		op o = { .type = OP_READ, .issue = issue, .article = article };
		journal(st, o);
	}
}

/* ---- marks ---- */

static void drop_mark(state *st, size_t i)
{
	free(st->marks[i].title);
	free(st->marks[i].where);
	remove_at(st->marks, st->nmarks--, i, sizeof(state_mark));
}

/* Takes ownership of title and where. */
static void insert_mark(state *st, uint64_t issue, doc_pos pos, time_t when,
			char *title, char *where)
{
	for (size_t i = 0; i < st->nmarks; i++) {
		if (st->marks[i].issue == issue && same_pos(st->marks[i].pos, pos)) {
			drop_mark(st, i);
			break;
		}
	}
	if (st->nmarks == STATE_MARKS_MAX)
		drop_mark(st, 0);
	state_mark m = { issue, pos, when, title, where };
	UTIL_PUSH(st->marks, st->nmarks, st->marks_cap, m);
}

/* Issue ascending; in one issue newest (later in the array) first. The
 * pointers all point into st->marks, so comparing them is defined. */
static int by_issue_newest(const void *a, const void *b)
{
	const state_mark *x = *(const state_mark *const *)a;
	const state_mark *y = *(const state_mark *const *)b;
	if (x->issue != y->issue)
		return x->issue < y->issue ? -1 : 1;
	return x < y ? 1 : x > y ? -1 : 0;
}

static void rebuild_mark_views(state *st)
{
	if (st->nmarks > st->views_cap) {
		size_t cap = st->views_cap;
		util_grow((void **)&st->newest, &st->views_cap, st->nmarks, sizeof(*st->newest));
		util_grow((void **)&st->by_issue, &cap, st->views_cap, sizeof(*st->by_issue));
	}
	for (size_t i = 0; i < st->nmarks; i++)
		st->newest[i] = st->by_issue[i] = &st->marks[st->nmarks - 1 - i];
	if (st->nmarks > 1)
		qsort(st->by_issue, st->nmarks, sizeof(*st->by_issue), by_issue_newest);
}

size_t state_marks(const state *st, uint64_t issue, const state_mark *const **marks)
{
	size_t from = 0, n = st->nmarks;
	const state_mark *const *list = st->newest;
	if (issue) {
		list = st->by_issue;
		while (from < n && st->by_issue[from]->issue != issue)
			from++;
		size_t to = from;
		while (to < n && st->by_issue[to]->issue == issue)
			to++;
		n = to - from;
	}
	if (marks)
		*marks = n ? list + from : no_marks;
	return n;
}

void state_add_mark(state *st, uint64_t issue, doc_pos pos, const char *title, const char *where)
{
	time_t when = st->now();
	char *t = dup_capped(title ? title : ""), *w = dup_capped(where ? where : "");
	op o = { .type = OP_MARK_ADD, .issue = issue, .pos = pos, .when = when,
		 .text = util_strdup(t), .where = util_strdup(w) };
	insert_mark(st, issue, pos, when, t, w);
	rebuild_mark_views(st);
	journal(st, o);
}

/* Removes the mark at (issue, pos) unless it was set after `until`
 * (another instance marked the place again later). */
static bool forget_mark(state *st, uint64_t issue, doc_pos pos, time_t until)
{
	for (size_t i = 0; i < st->nmarks; i++) {
		if (st->marks[i].issue == issue && same_pos(st->marks[i].pos, pos)) {
			if (st->marks[i].when > until)
				return false;
			drop_mark(st, i);
			rebuild_mark_views(st);
			return true;
		}
	}
	return false;
}

void state_remove_mark(state *st, const state_mark *m)
{
	if (!m)
		return;
	uint64_t issue = m->issue;      /* m may point into the array we change */
	doc_pos pos = m->pos;
	time_t when = st->now();
	if (forget_mark(st, issue, pos, when)) {
		op o = { .type = OP_MARK_REMOVE, .issue = issue, .pos = pos, .when = when };
		journal(st, o);
	}
}

/* ---- history ---- */

/* Takes ownership of q. */
static bool remember_query(state *st, char *q)
{
	if (!*q || (st->nhistory && strcmp(st->history[st->nhistory - 1], q) == 0)) {
		free(q);
		return false;
	}
	for (size_t i = 0; i < st->nhistory; i++) {
		if (strcmp(st->history[i], q) == 0) {
			free(st->history[i]);
			remove_at(st->history, st->nhistory--, i, sizeof(char *));
			break;
		}
	}
	if (st->nhistory == STATE_HISTORY_MAX) {
		free(st->history[0]);
		remove_at(st->history, st->nhistory--, 0, sizeof(char *));
	}
	UTIL_PUSH(st->history, st->nhistory, st->history_cap, q);
	return true;
}

size_t state_history(const state *st, const char *const **items)
{
	if (items)
		*items = st->nhistory ? (const char *const *)st->history : no_items;
	return st->nhistory;
}

void state_add_history(state *st, const char *query)
{
	if (!query)
		return;
	char *q = dup_capped(query);
	op o = { .type = OP_HISTORY, .text = util_strdup(q) };
	if (remember_query(st, q))
		journal(st, o);
	else
		free(o.text);
}

/* ---- the file format ---- */

/* Escapes what would break a line or a field: TAB, newline, backslash,
 * and other control bytes as \xHH. */
static void put_escaped(util_buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\')
			util_buf_adds(out, "\\\\");
		else if (c == '\t')
			util_buf_adds(out, "\\t");
		else if (c == '\n')
			util_buf_adds(out, "\\n");
		else if (c < 0x20 || c == 0x7f)
			util_buf_printf(out, "\\x%02x", c);
		else
			util_buf_addc(out, (char)c);
	}
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Undoes put_escaped in place (the text only shrinks); false on a bad
 * escape. */
static bool unescape(char *s)
{
	char *out = s;
	while (*s) {
		if (*s != '\\') {
			*out++ = *s++;
			continue;
		}
		char c = s[1];
		if (c == '\\' || c == 't' || c == 'n') {
			*out++ = c == 't' ? '\t' : c == 'n' ? '\n' : '\\';
			s += 2;
		} else if (c == 'x' && hex_digit(s[2]) >= 0 && hex_digit(s[3]) >= 0) {
			int v = hex_digit(s[2]) * 16 + hex_digit(s[3]);
			if (v == 0)
				return false;
			*out++ = (char)v;
			s += 4;
		} else {
			return false;
		}
	}
	*out = '\0';
	return true;
}

static bool parse_hex64(const char *s, uint64_t *v)
{
	size_t n = 0;
	uint64_t x = 0;
	for (; s[n]; n++) {
		int d = hex_digit(s[n]);
		if (d < 0 || n == 16)
			return false;
		x = x << 4 | (uint64_t)d;
	}
	*v = x;
	return n > 0;
}

static bool parse_u32(const char *s, uint32_t *v)
{
	uint64_t x = 0;
	size_t n = 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9')
			return false;
		x = x * 10 + (uint64_t)(s[n] - '0');
		if (x > UINT32_MAX)
			return false;
	}
	*v = (uint32_t)x;
	return n > 0;
}

static bool parse_time(const char *s, time_t *v)
{
	bool neg = *s == '-';
	const char *d = s + neg;
	int64_t x = 0;
	if (!*d)
		return false;
	for (; *d; d++) {
		if (*d < '0' || *d > '9' || x > (INT64_MAX - 9) / 10)
			return false;
		x = x * 10 + (*d - '0');
	}
	if (neg)
		x = -x;
	if ((int64_t)(time_t)x != x)
		return false;
	*v = (time_t)x;
	return true;
}

static bool parse_pos(char **f, doc_pos *pos)
{
	return parse_u32(f[0], &pos->article) && parse_u32(f[1], &pos->element) &&
	       parse_u32(f[2], &pos->offset);
}

/* positions: issue  article  element  offset  when (format 1 had no when) */
static bool parse_position_line(state *st, char **f, size_t n)
{
	uint64_t issue;
	doc_pos pos;
	time_t when = 0;
	if (!parse_hex64(f[0], &issue) || !parse_pos(f + 1, &pos) || (n > 4 && !parse_time(f[4], &when)))
		return false;
	remember_position(st, issue, pos, when);
	return true;
}

static void write_positions(const state *st, util_buf *out)
{
	for (size_t i = 0; i < st->npositions; i++) {
		const position *p = &st->positions[i];
		util_buf_printf(out, "%016" PRIx64 "\t%" PRIu32 "\t%" PRIu32 "\t%" PRIu32 "\t%lld\n",
				p->issue, p->pos.article, p->pos.element, p->pos.offset,
				(long long)p->when);
	}
}

/* read: issue  article,article,... (in the order they were read) */
static bool parse_read_line(state *st, char **f, size_t nfields)
{
	(void)nfields;
	uint64_t issue;
	if (!parse_hex64(f[0], &issue))
		return false;
	uint32_t *list = NULL;  /* all numbers checked before anything is kept */
	size_t n = 0, cap = 0;
	for (char *s = f[1], *comma; s; s = comma ? comma + 1 : NULL) {
		comma = strchr(s, ',');
		if (comma)
			*comma = '\0';
		uint32_t a;
		if (!parse_u32(s, &a)) {
			free(list);
			return false;
		}
		UTIL_PUSH(list, n, cap, a);
	}
	for (size_t i = 0; i < n; i++)
		remember_read(st, issue, list[i]);
	free(list);
	return true;
}

static void write_reads(const state *st, util_buf *out)
{
	for (size_t i = 0; i < st->nreads; i++) {
		const read_list *l = &st->reads[i];
		util_buf_printf(out, "%016" PRIx64 "\t", l->issue);
		for (size_t j = 0; j < l->n; j++)
			util_buf_printf(out, "%s%" PRIu32, j ? "," : "", l->articles[j]);
		util_buf_addc(out, '\n');
	}
}

/* marks: issue  article  element  offset  when  title  where */
static bool parse_mark_line(state *st, char **f, size_t n)
{
	(void)n;
	uint64_t issue;
	doc_pos pos;
	time_t when;
	if (!parse_hex64(f[0], &issue) || !parse_pos(f + 1, &pos) || !parse_time(f[4], &when) ||
	    !unescape(f[5]) || !unescape(f[6]))
		return false;
	insert_mark(st, issue, pos, when, dup_capped(f[5]), dup_capped(f[6]));
	return true;
}

static void write_marks(const state *st, util_buf *out)
{
	for (size_t i = 0; i < st->nmarks; i++) {
		const state_mark *m = &st->marks[i];
		util_buf_printf(out, "%016" PRIx64 "\t%" PRIu32 "\t%" PRIu32 "\t%" PRIu32 "\t%lld\t",
				m->issue, m->pos.article, m->pos.element, m->pos.offset,
				(long long)m->when);
		put_escaped(out, m->title);
		util_buf_addc(out, '\t');
		put_escaped(out, m->where);
		util_buf_addc(out, '\n');
	}
}

/* history: query */
static bool parse_history_line(state *st, char **f, size_t n)
{
	(void)n;
	if (!unescape(f[0]))
		return false;
	remember_query(st, dup_capped(f[0]));
	return true;
}

static void write_history(const state *st, util_buf *out)
{
	for (size_t i = 0; i < st->nhistory; i++) {
		put_escaped(out, st->history[i]);
		util_buf_addc(out, '\n');
	}
}

enum { MAX_FIELDS = 7 };

static const struct kind_info {
	const char *name;       /* file name, and the header's "kanbao-NAME" */
	int version;            /* of the format written; older ones are read too */
	size_t min_fields, nfields;
	bool (*parse)(state *st, char **field, size_t n);
	void (*write)(const state *st, util_buf *out);
} kinds[K_COUNT] = {
	[K_POSITIONS] = { "positions", 2, 4, 5, parse_position_line, write_positions },
	[K_READ] = { "read", 1, 2, 2, parse_read_line, write_reads },
	[K_MARKS] = { "marks", 1, 7, 7, parse_mark_line, write_marks },
	[K_HISTORY] = { "history", 1, 1, 1, parse_history_line, write_history },
};

/* Splits a line at TABs and hands it to the kind's parser. */
static bool parse_line(state *st, kind k, char *line)
{
	char *field[MAX_FIELDS];
	size_t n = 0;
	for (char *s = line;; s++) {
		if (n == kinds[k].nfields)
			return false;
		field[n++] = s;
		s = strchr(s, '\t');
		if (!s)
			break;
		*s = '\0';
	}
	return n >= kinds[k].min_fields && kinds[k].parse(st, field, n);
}

/* The version V of a "kanbao-NAME V" header, or 0. */
static uint32_t header_version(kind k, const char *line)
{
	size_t n = strlen(kinds[k].name);
	if (strncmp(line, "kanbao-", 7) != 0 || strncmp(line + 7, kinds[k].name, n) != 0 ||
	    line[7 + n] != ' ')
		return 0;
	uint32_t v;
	return parse_u32(line + 8 + n, &v) ? v : 0;
}

/* Parses a whole file (text[len] is writable). */
static void parse_file(state *st, kind k, char *text, size_t len)
{
	char header[32];
	snprintf(header, sizeof header, "kanbao-%s", kinds[k].name);
	size_t damaged = 0;
	char *p = text, *end = text + len;
	for (bool first = true; p < end; first = false) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *line = p;
		size_t n = (size_t)((nl ? nl : end) - p);
		p = nl ? nl + 1 : end;
		bool has_nul = memchr(line, '\0', n) != NULL;
		if (n && line[n - 1] == '\r')
			n--;
		line[n] = '\0';
		uint32_t v = first ? header_version(k, line) : 0;
		if (v >= 1 && v <= (uint32_t)kinds[k].version)
			continue;
		if (v > (uint32_t)kinds[k].version) {
			warn_at(st, kinds[k].name, "written by a newer kanbao (%s), left as it is", line);
			st->keep_file[k] = true;
			snprintf(st->keep_why[k], sizeof st->keep_why[k], "written by a newer kanbao");
			return;
		}
		if (first && strncmp(line, header, strlen(header)) == 0) {
			damaged++;      /* a damaged header, not a record */
			continue;
		}
		if (n == 0)
			continue;
		if (has_nul || !parse_line(st, k, line))
			damaged++;
	}
	if (damaged) {
		warn_at(st, kinds[k].name, "%zu damaged line%s ignored", damaged, damaged == 1 ? "" : "s");
		st->changed[k] = true;  /* rewrite it clean at the next save */
	}
}

typedef enum read_result { READ_OK, READ_MISSING, READ_FAILED, READ_NOT_FILE, READ_TOO_LARGE } read_result;

/* Reads a whole regular file of at most STATE_FILE_MAX bytes into a
 * NUL-terminated buffer. */
static read_result read_whole(const char *path, char **text, size_t *len, int *err)
{
	/* O_NONBLOCK: a FIFO in the way must not hang the reader */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*err = errno;
		return errno == ENOENT ? READ_MISSING : READ_FAILED;
	}
	struct stat sb;
	read_result r = READ_OK;
	if (fstat(fd, &sb) != 0) {
		*err = errno;
		r = READ_FAILED;
	} else if (!S_ISREG(sb.st_mode)) {
		r = READ_NOT_FILE;
	} else if (sb.st_size > (off_t)STATE_FILE_MAX) {
		r = READ_TOO_LARGE;
	}
	util_buf b = { 0 };
	while (r == READ_OK) {
		util_grow((void **)&b.data, &b.cap, b.len + 65536 + 1, 1);
		ssize_t got = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*err = errno;
			r = READ_FAILED;
		} else if (got == 0) {
			break;
		} else if ((b.len += (size_t)got) > STATE_FILE_MAX) {
			r = READ_TOO_LARGE;     /* it grew while we read */
		}
	}
	close(fd);
	if (r != READ_OK) {
		util_buf_free(&b);
		return r;
	}
	*len = b.len;
	*text = (char *)util_buf_cstr(&b);
	return READ_OK;
}

static void load_kind(state *st, kind k)
{
	char *path = join_path(st->dir, kinds[k].name);
	char *text = NULL;
	size_t len = 0;
	int err = 0;
	switch (read_whole(path, &text, &len, &err)) {
	case READ_OK:
		parse_file(st, k, text, len);
		free(text);
		break;
	case READ_MISSING:
		break;
	case READ_FAILED:
		warn_at(st, kinds[k].name, "cannot read: %s", strerror(err));
		st->keep_file[k] = true;
		snprintf(st->keep_why[k], sizeof st->keep_why[k], "cannot read it: %s", strerror(err));
		break;
	case READ_NOT_FILE:
		warn_at(st, kinds[k].name, "not a regular file, ignored");
		st->keep_file[k] = true;
		snprintf(st->keep_why[k], sizeof st->keep_why[k], "not a regular file");
		break;
	case READ_TOO_LARGE:
		warn_at(st, kinds[k].name, "larger than %u MiB, ignored", STATE_FILE_MAX >> 20);
		break;
	}
	free(path);
}

/* ---- saving ---- */

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Replaces dir/name with `data` so that a crash leaves either the old
 * file or the new one, never a mix. */
static bool write_atomically(const char *dir, const char *name, const util_buf *data, int *err)
{
	util_buf tmp = { 0 };
	util_buf_printf(&tmp, "%s/.%s.XXXXXX", dir, name);
	int fd = mkostemp(tmp.data, O_CLOEXEC);
	if (fd < 0) {
		*err = errno;
		util_buf_free(&tmp);
		return false;
	}
	errno = 0;
	bool ok = write_all(fd, data->data, data->len) && fsync(fd) == 0;
	if (!ok)
		*err = errno ? errno : EIO;
	if (close(fd) != 0 && ok) {
		*err = errno;
		ok = false;
	}
	char *path = join_path(dir, name);
	if (ok && rename(tmp.data, path) != 0) {
		*err = errno;
		ok = false;
	}
	if (!ok)
		unlink(tmp.data);
	free(path);
	util_buf_free(&tmp);
	return ok;
}

/* mkdir -p with mode 0700 (XDG asks for private folders). Only the last
 * component decides: a parent we cannot create shows up as its ENOENT. */
static bool make_folder(const char *dir, int *err)
{
	char *p = util_strdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	bool ok = mkdir(p, 0700) == 0;
	if (!ok) {
		struct stat sb;
		*err = errno;
		if (*err == EEXIST && stat(p, &sb) == 0)
			ok = S_ISDIR(sb.st_mode);
		if (!ok && *err == EEXIST)
			*err = ENOTDIR;
	}
	free(p);
	return ok;
}

/* Makes the renames durable; failing here loses nothing already written. */
static void sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Takes the folder's lock (an flock on dir/lock), waiting at most
 * st->lock_ms. Returns the descriptor, or -1 when the save goes on
 * without it (warned, except when the folder is not writable: the saves
 * then fail and say so). */
static int take_lock(state *st)
{
	char *path = join_path(st->dir, "lock");
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
	free(path);
	if (fd < 0) {
		if (errno != EACCES && errno != EPERM && errno != EROFS)
			warn_at(st, "lock", "cannot lock (%s): saving without the lock", strerror(errno));
		return -1;
	}
	uint64_t deadline = util_now_ns() + (uint64_t)st->lock_ms * 1000000u;
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return fd;
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK) {
			warn_at(st, "lock", "cannot lock (%s): saving without the lock", strerror(errno));
			break;
		}
		if (util_now_ns() >= deadline) {
			warn_at(st, "lock", "held by another kanbao for more than %d ms: saving without the lock",
				st->lock_ms);
			break;
		}
		struct timespec ts = { 0, 2000000 };
		nanosleep(&ts, NULL);
	}
	close(fd);
	return -1;
}

/* Temporary files left by a save that was killed (".marks.Xy12Zq"). Only
 * called with the lock held: then no save is writing one. */
static void remove_leftovers(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		for (int k = 0; k < K_COUNT; k++) {
			size_t n = strlen(kinds[k].name);
			if (e->d_name[0] == '.' && strncmp(e->d_name + 1, kinds[k].name, n) == 0 &&
			    e->d_name[1 + n] == '.' && strlen(e->d_name + 2 + n) == 6) {
				char *path = join_path(dir, e->d_name);
				unlink(path);
				free(path);
			}
		}
	}
	closedir(d);
}

/* Applies one of this instance's changes to the records read afresh. */
static void replay(state *f, const op *o)
{
	bool changed = false;
	switch (o->type) {
	case OP_POSITION: {
		size_t i = find_position(f, o->issue);
		if (i == SIZE_MAX || f->positions[i].when <= o->when)
			changed = remember_position(f, o->issue, o->pos, o->when);
		break;
	}
	case OP_READ:
		changed = remember_read(f, o->issue, o->article);
		break;
	case OP_MARK_ADD:
		insert_mark(f, o->issue, o->pos, o->when, util_strdup(o->text), util_strdup(o->where));
		changed = true;
		break;
	case OP_MARK_REMOVE:
		changed = forget_mark(f, o->issue, o->pos, o->when);
		break;
	case OP_HISTORY:
		changed = remember_query(f, util_strdup(o->text));
		break;
	}
	if (changed)
		f->changed[op_kind[o->type]] = true;
}

static void free_op(op *o)
{
	free(o->text);
	free(o->where);
}

#define SWAP_FIELD(a, b, field) do { \
		unsigned char tmp_[sizeof (a)->field]; \
		memcpy(tmp_, &(a)->field, sizeof tmp_); \
		memcpy(&(a)->field, &(b)->field, sizeof tmp_); \
		memcpy(&(b)->field, tmp_, sizeof tmp_); \
	} while (0)

/* st takes the records of kind k from f (and f the old ones, to free). */
static void adopt(state *st, state *f, kind k)
{
	switch (k) {
	case K_POSITIONS:
		SWAP_FIELD(st, f, positions);
		SWAP_FIELD(st, f, npositions);
		SWAP_FIELD(st, f, positions_cap);
		break;
	case K_READ:
		SWAP_FIELD(st, f, reads);
		SWAP_FIELD(st, f, nreads);
		SWAP_FIELD(st, f, reads_cap);
		break;
	case K_MARKS:
		SWAP_FIELD(st, f, marks);
		SWAP_FIELD(st, f, nmarks);
		SWAP_FIELD(st, f, marks_cap);
		break;
	case K_HISTORY:
		SWAP_FIELD(st, f, history);
		SWAP_FIELD(st, f, nhistory);
		SWAP_FIELD(st, f, history_cap);
		break;
	case K_COUNT:
		break;
	}
}

/* Reads the files afresh, replays the journal on them and (when `write`)
 * saves the kinds that changed, under the folder's lock; then st holds
 * the merged records. */
static bool merge(state *st, bool write)
{
	int err = 0;
	if (write) {
		bool pending = false;
		for (int k = 0; k < K_COUNT; k++)
			pending |= st->changed[k] && !st->keep_file[k];
		if (!pending)
			return true;
		if (!st->dir) {
			warn_at(st, NULL, "nothing saved (neither XDG_STATE_HOME nor HOME is set)");
			return false;
		}
		if (!make_folder(st->dir, &err)) {
			warn_at(st, NULL, "cannot create the folder: %s", strerror(err));
			return false;
		}
	} else if (!st->dir) {
		return true;
	}
	int lock = write ? take_lock(st) : -1;
	state *f = util_calloc(1, sizeof(state));
	f->dir = st->dir;
	f->now = st->now;
	f->quiet = true;
	struct stat sb;
	if (stat(st->dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		for (int k = 0; k < K_COUNT; k++)
			load_kind(f, (kind)k);
	for (size_t i = 0; i < st->nops; i++)
		if (!st->keep_file[op_kind[st->ops[i].type]])
			replay(f, &st->ops[i]);

	bool ok = true, failed[K_COUNT] = { false };
	for (int k = 0; write && k < K_COUNT; k++) {
		if (st->keep_file[k])
			continue;       /* warned at open; its changes stay in memory */
		if (f->keep_file[k]) {
			if (st->changed[k]) {
				warn_at(st, kinds[k].name, "cannot save: %s", f->keep_why[k]);
				failed[k] = true;
				ok = false;
			}
			continue;
		}
		if (!f->changed[k])
			continue;
		util_buf out = { 0 };
		util_buf_printf(&out, "kanbao-%s %d\n", kinds[k].name, kinds[k].version);
		kinds[k].write(f, &out);
		if (!write_atomically(st->dir, kinds[k].name, &out, &err)) {
			warn_at(st, kinds[k].name, "cannot save: %s", strerror(err));
			failed[k] = true;
			ok = false;
		}
		util_buf_free(&out);
	}
	if (write) {
		sync_folder(st->dir);
		if (lock >= 0)
			remove_leftovers(st->dir);
	}
	if (lock >= 0)
		close(lock);    /* releases the flock */

	for (int k = 0; k < K_COUNT; k++)
		if (!st->keep_file[k] && !f->keep_file[k])
			adopt(st, f, (kind)k);
	if (write) {
		size_t kept = 0;
		for (size_t i = 0; i < st->nops; i++) {
			if (failed[op_kind[st->ops[i].type]])
				st->ops[kept++] = st->ops[i];
			else
				free_op(&st->ops[i]);
		}
		st->nops = kept;
		for (int k = 0; k < K_COUNT; k++)
			st->changed[k] = failed[k];
	}
	rebuild_mark_views(st);
	f->dir = NULL;
	state_close(f);
	return ok;
}

bool state_save(state *st)
{
	return merge(st, true);
}

bool state_pending(const state *st)
{
	for (int k = 0; k < K_COUNT; k++)
		if (st->changed[k] && !st->keep_file[k])
			return true;
	return false;
}

bool state_refresh(state *st)
{
	return merge(st, false);
}

void state_set_lock_timeout(state *st, int ms)
{
	st->lock_ms = ms > 0 ? ms : 0;
}

void state_set_clock(state *st, time_t (*now)(void))
{
	st->now = now;
}

static time_t clock_now(void)
{
	return time(NULL);
}

/* ---- opening and closing ---- */

/* $XDG_STATE_HOME/kanbao, or ~/.local/state/kanbao; NULL when there is
 * no home. A relative XDG_STATE_HOME is ignored, as the spec says. */
static char *default_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && xdg[0] == '/')
		return join_path(xdg, "kanbao");
	const char *home = getenv("HOME");
	if (!home || home[0] != '/') {
		const struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || home[0] != '/')
		return NULL;
	return join_path(home, ".local/state/kanbao");
}

/* The folder as the user would type it: $HOME shown as ~. */
static char *shown_path(const char *dir)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;
	while (n > 1 && home[n - 1] == '/')
		n--;
	if (n > 1 && strncmp(dir, home, n) == 0 && (dir[n] == '/' || dir[n] == '\0')) {
		util_buf b = { 0 };
		util_buf_addc(&b, '~');
		util_buf_adds(&b, dir + n);
		return b.data;
	}
	return util_strdup(dir);
}

state *state_open(const char *dir, void (*warn)(const char *msg))
{
	state *st = util_calloc(1, sizeof(state));
	st->warn = warn;
	st->now = clock_now;
	st->lock_ms = STATE_LOCK_MS;
	st->dir = dir && *dir ? util_strdup(dir) : default_dir();
	if (!st->dir)
		return st;
	for (size_t n = strlen(st->dir); n > 1 && st->dir[n - 1] == '/';)
		st->dir[--n] = '\0';
	st->shown_dir = shown_path(st->dir);
	struct stat sb;
	if (stat(st->dir, &sb) != 0) {
		if (errno != ENOENT)
			warn_at(st, NULL, "cannot read: %s", strerror(errno));
		return st;
	}
	if (!S_ISDIR(sb.st_mode)) {
		warn_at(st, NULL, "not a folder, nothing remembered");
		return st;
	}
	for (int k = 0; k < K_COUNT; k++)
		load_kind(st, (kind)k);
	rebuild_mark_views(st);
	return st;
}

void state_close(state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->nreads; i++)
		free(st->reads[i].articles);
	for (size_t i = 0; i < st->nmarks; i++) {
		free(st->marks[i].title);
		free(st->marks[i].where);
	}
	for (size_t i = 0; i < st->nhistory; i++)
		free(st->history[i]);
	for (size_t i = 0; i < st->nops; i++)
		free_op(&st->ops[i]);
	free(st->ops);
	free(st->positions);
	free(st->reads);
	free(st->marks);
	free(st->newest);
	free(st->by_issue);
	free(st->history);
	free(st->dir);
	free(st->shown_dir);
	free(st);
}
