/* shelf.c — see shelf.h. */
#include "shelf.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_DEPTH = 16 };

/* ---- roots ---- */

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	if (h && *h)
		return h;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_dir ? pw->pw_dir : "/";
}

/* mkdir -p, quietly: a failure shows when the root is scanned. */
static void make_dirs(const char *path)
{
	char *p = util_strdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	mkdir(p, 0755);
	free(p);
}

static char *default_root(void)
{
	util_buf b = { 0 };
	const char *data = getenv("XDG_DATA_HOME");
	if (data && data[0] == '/')
		util_buf_printf(&b, "%s/kanbao/issues", data);
	else
		util_buf_printf(&b, "%s/.local/share/kanbao/issues", home_dir());
	make_dirs(b.data);
	return b.data;
}

static char *expand_tilde(const char *s, size_t n)
{
	util_buf b = { 0 };
	if (n >= 1 && s[0] == '~' && (n == 1 || s[1] == '/')) {
		util_buf_adds(&b, home_dir());
		s++;
		n--;
	}
	util_buf_add(&b, s, n);
	util_buf_cstr(&b);
	/* "/a/b/" and "/a/b" are the same root */
	while (b.len > 1 && b.data[b.len - 1] == '/')
		b.data[--b.len] = '\0';
	return b.data;
}

char **shelf_roots(const char *spec, size_t *n)
{
	char **roots = NULL;
	size_t count = 0, cap = 0;
	for (const char *s = spec ? spec : ""; *s;) {
		const char *e = strchr(s, ':');
		if (!e)
			e = s + strlen(s);
		const char *a = s, *z = e;
		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (z > a) {
			char *r = expand_tilde(a, (size_t)(z - a));
			UTIL_PUSH(roots, count, cap, r);
		}
		s = *e ? e + 1 : e;
	}
	if (count == 0) {
		char *r = default_root();
		UTIL_PUSH(roots, count, cap, r);
	}
	*n = count;
	return roots;
}

void shelf_roots_free(char **roots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(roots[i]);
	free(roots);
}

/* ---- dates ---- */

static bool valid_date(int y, int m, int d)
{
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void format_date(char date[11], int y, int m, int d)
{
	/* valid_date keeps each field to its width */
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	memcpy(date, buf, 10);
	date[10] = '\0';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits at s[i..] (at most max): their value, and how many in *k. */
static int read_num(const char *s, size_t len, size_t i, int max, size_t *k)
{
	int v = 0;
	size_t j = i;
	while (j < len && is_digit(s[j]) && (int)(j - i) < max)
		v = v * 10 + (s[j++] - '0');
	*k = j - i;
	return v;
}

/* The first date in name: YYYYMMDD or YYYY-M-D (- _ . as separators),
 * not part of a longer number; [*from, *to) is where it stands. */
static bool date_match(const char *name, char date[11], size_t *from, size_t *to)
{
	size_t len = strlen(name);
	for (size_t i = 0; i + 4 <= len; i++) {
		if (!is_digit(name[i]) || (i > 0 && is_digit(name[i - 1])))
			continue;
		size_t k;
		int run = read_num(name, len, i, 99, &k);
		(void)run;
		if (k == 8) {
			size_t k2;
			int y = read_num(name, len, i, 4, &k2);
			int m = read_num(name, len, i + 4, 2, &k2);
			int d = read_num(name, len, i + 6, 2, &k2);
			if (valid_date(y, m, d)) {
				format_date(date, y, m, d);
				*from = i;
				*to = i + 8;
				return true;
			}
			continue;
		}
		if (k != 4)
			continue;
		int y = read_num(name, len, i, 4, &k);
		size_t j = i + 4;
		if (j >= len || !strchr("-_.", name[j]))
			continue;
		char sep = name[j++];
		size_t km;
		int m = read_num(name, len, j, 2, &km);
		if (km == 0 || (j + km < len && is_digit(name[j + km])))
			continue;
		j += km;
		if (j >= len || name[j] != sep)
			continue;
		j++;
		size_t kd;
		int d = read_num(name, len, j, 2, &kd);
		if (kd == 0 || (j + kd < len && is_digit(name[j + kd])))
			continue;
		if (valid_date(y, m, d)) {
			format_date(date, y, m, d);
			*from = i;
			*to = j + kd;
			return true;
		}
	}
	return false;
}

bool shelf_date_in_name(const char *name, char date[11])
{
	size_t a, b;
	return date_match(name, date, &a, &b);
}

/* An ASCII or full-width digit at s[i]: its value and length, or -1. */
static int text_digit(const char *s, size_t len, size_t i, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (i < len && is_digit(s[i])) {
		*n = 1;
		return s[i] - '0';
	}
	if (i + 3 <= len && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99) {
		*n = 3;
		return u[i + 2] - 0x90;
	}
	return -1;
}

/* A number of 1..max digits at s[*i], advancing *i; -1 when none. */
static int text_number(const char *s, size_t len, size_t *i, int max)
{
	int v = 0, count = 0;
	size_t n;
	int d;
	while (count < max && (d = text_digit(s, len, *i, &n)) >= 0) {
		v = v * 10 + d;
		*i += n;
		count++;
	}
	return count ? v : -1;
}

static bool text_word(const char *s, size_t len, size_t *i, const char *w)
{
	size_t n = strlen(w);
	if (*i + n > len || memcmp(s + *i, w, n) != 0)
		return false;
	*i += n;
	return true;
}

bool shelf_date_in_text(const char *s, size_t len, char date[11])
{
	for (size_t i = 0; i < len; i++) {
		size_t j = i, n;
		if (text_digit(s, len, i, &n) < 0 ||
		    (i > 0 && text_digit(s, len, i - 1, &n) >= 0))
			continue;
		int y = text_number(s, len, &j, 4);
		if (!text_word(s, len, &j, "年"))
			continue;
		int m = text_number(s, len, &j, 2);
		if (m < 0 || !text_word(s, len, &j, "月"))
			continue;
		int d = text_number(s, len, &j, 2);
		if (d < 0 || !(text_word(s, len, &j, "日") || text_word(s, len, &j, "號") ||
			       text_word(s, len, &j, "号")))
			continue;
		if (valid_date(y, m, d)) {
			format_date(date, y, m, d);
			return true;
		}
	}
	return false;
}

/* ---- the walk ---- */

typedef struct entry {
	char *name;
	uint64_t size;
	int64_t mtime_ns;
	bool dir;
	dev_t dev;              /* of a folder: to know it when met again */
	ino_t ino;
	uint64_t fstamp;        /* of a folder: shelf_folder_stamp */
} entry;

typedef struct walk {
	const char *root;
	shelf *out;
	void (*warn)(void *ctx, const char *msg);
	void *ctx;
	struct { dev_t dev; ino_t ino; } *seen;
	size_t nseen, capseen;
	const char *comps[MAX_DEPTH + 1];       /* folder names below the root */
	size_t ncomps;
} walk;

static void warnf(walk *w, const char *fmt, ...) UTIL_PRINTF(2, 3);
static void warnf(walk *w, const char *fmt, ...)
{
	util_buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	util_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	w->out->warned++;
	if (w->warn)
		w->warn(w->ctx, b.data);
	else
		fprintf(stderr, "kanbao: warning: %s\n", b.data);
	util_buf_free(&b);
}

static bool is_txt_name(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

/* Natural order, as input.c sorts pages: runs of digits by value. */
static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (is_digit(*a) && is_digit(*b)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t na = 0, nb = 0;
			while (is_digit(a[na]))
				na++;
			while (is_digit(b[nb]))
				nb++;
			if (na != nb)
				return na < nb ? -1 : 1;
			int c = strncmp(a, b, na);
			if (c)
				return c;
			a += na;
			b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int entry_cmp(const void *x, const void *y)
{
	return natural_cmp(((const entry *)x)->name, ((const entry *)y)->name);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_digit(*s))
			return false;
	return true;
}

/* Trims separators around a name part; "" when nothing is left. */
static char *trimmed(const char *s, size_t n)
{
	while (n && strchr(" -_.·", *s)) {
		s++;
		n--;
	}
	while (n && strchr(" -_.", s[n - 1]))
		n--;
	return util_strndup(s, n);
}

/* Date and paper of an issue from the folder names (and `last`, the file
 * name of a one-page issue without .txt, or NULL). */
static void names_of(walk *w, const char *last, shelf_issue *is)
{
	const char *c[MAX_DEPTH + 2];
	size_t n = 0;
	for (size_t i = 0; i < w->ncomps; i++)
		c[n++] = w->comps[i];
	if (last)
		c[n++] = last;
	is->date[0] = '\0';
	free(is->paper);
	is->paper = NULL;
	size_t date_at = n, from = 0, to = 0;
	for (size_t i = n; i-- > 0 && date_at == n;) {
		if (date_match(c[i], is->date, &from, &to))
			date_at = i;
	}
	size_t first_date = date_at;    /* components at and after it are the date */
	if (date_at == n) {
		/* 2025/08/28 in three names */
		for (size_t i = 0; i + 2 < n; i++) {
			size_t k;
			if (strlen(c[i]) == 4 && all_digits(c[i]) && all_digits(c[i + 1]) &&
			    all_digits(c[i + 2]) && strlen(c[i + 1]) <= 2 && strlen(c[i + 2]) <= 2) {
				int y = read_num(c[i], 4, 0, 4, &k);
				int m = atoi(c[i + 1]), d = atoi(c[i + 2]);
				if (valid_date(y, m, d)) {
					format_date(is->date, y, m, d);
					first_date = i;
					break;
				}
			}
		}
	} else {
		/* "通辽日报_2025-08-28": the rest of the name is the paper */
		char *before = trimmed(c[date_at], from);
		char *after = trimmed(c[date_at] + to, strlen(c[date_at] + to));
		if (*before)
			is->paper = before;
		else
			free(before);
		if (!is->paper && *after && !all_digits(after))
			is->paper = after;
		else
			free(after);
	}
	for (size_t i = first_date < n ? first_date : n; !is->paper && i-- > 0;)
		if (!all_digits(c[i]))
			is->paper = util_strdup(c[i]);
	if (!is->paper)
		is->paper = util_strdup("");
}

static void stamp_add(uint64_t *h, const entry *e)
{
	*h = util_hash(e->name, strlen(e->name) + 1, *h);
	uint64_t v[2] = { e->size, (uint64_t)e->mtime_ns };
	*h = util_hash(v, sizeof v, *h);
}

static uint64_t pages_stamp(const entry *pages, size_t npages)
{
	uint64_t h = 0x6b616e62616fULL;
	for (size_t i = 0; i < npages; i++)
		stamp_add(&h, &pages[i]);
	return h;
}

static void add_issue(walk *w, const char *path, const char *last,
		      const entry *pages, size_t npages)
{
	shelf_issue is = { 0 };
	is.path = util_strdup(path);
	is.stamp = pages_stamp(pages, npages);
	for (size_t i = 0; i < npages; i++)
		is.bytes += pages[i].size;
	is.npages = (uint32_t)npages;
	names_of(w, last, &is);
	UTIL_PUSH(w->out->items, w->out->n, w->out->cap, is);
}

static bool seen_before(walk *w, dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i].dev == dev && w->seen[i].ino == ino)
			return true;
	if (w->nseen >= w->capseen)
		util_grow((void **)&w->seen, &w->capseen, w->nseen + 1, sizeof *w->seen);
	w->seen[w->nseen].dev = dev;
	w->seen[w->nseen].ino = ino;
	w->nseen++;
	return false;
}

static void free_entries(entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

/* Reads the folder: its *.txt pages and its subfolders, sorted. */
static bool list_dir(walk *w, const char *path, entry **out, size_t *nout)
{
	DIR *d = opendir(path);
	if (!d) {
		if (w->ncomps > 0)
			warnf(w, "%s: %s (skipped)", path, strerror(errno));
		return false;
	}
	entry *es = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		struct stat st;
		if (fstatat(dirfd(d), de->d_name, &st, 0) != 0)
			continue;       /* a dangling link */
		bool dir = S_ISDIR(st.st_mode);
		if (!dir && !(S_ISREG(st.st_mode) && is_txt_name(de->d_name)))
			continue;
		entry e = { util_strdup(de->d_name), (uint64_t)st.st_size,
			    (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, dir,
			    st.st_dev, st.st_ino, dir ? shelf_folder_stamp(&st) : 0 };
		UTIL_PUSH(es, n, cap, e);
	}
	closedir(d);
	if (n > 1)
		qsort(es, n, sizeof *es, entry_cmp);
	*out = es;
	*nout = n;
	return true;
}

/* *b becomes dir/name (a format each, printf's, was a sixth of the
 * walk's instructions). */
static void path_join(util_buf *b, const char *dir, const char *name)
{
	b->len = 0;
	util_buf_adds(b, dir);
	util_buf_addc(b, '/');
	util_buf_adds(b, name);
}

static void add_folder(shelf *s, const char *path, uint64_t stamp)
{
	shelf_folder f = { util_strdup(path), stamp };
	UTIL_PUSH(s->folders, s->nfolders, s->capfolders, f);
}

/* The folder at path, whose device and inode (from its parent's listing,
 * or the root's stat: not asked again) tell a folder met twice through a
 * link. */
static void walk_dir(walk *w, const char *path, dev_t dev, ino_t ino)
{
	if (seen_before(w, dev, ino))
		return;
	entry *es;
	size_t n;
	if (!list_dir(w, path, &es, &n))
		return;
	size_t npages = 0;
	bool all_dated = true;
	entry *pages = util_calloc(n ? n : 1, sizeof *pages);
	for (size_t i = 0; i < n; i++) {
		if (es[i].dir)
			continue;
		pages[npages++] = es[i];
		char date[11];
		/* asked until one is not (a folder of pages, most often) */
		if (all_dated && !shelf_date_in_name(es[i].name, date))
			all_dated = false;
	}
	util_buf sub = { 0 };
	if (npages > 0 && all_dated) {
		/* one issue per page file, named by its date */
		for (size_t i = 0; i < npages; i++) {
			path_join(&sub, path, pages[i].name);
			char *stem = util_strndup(pages[i].name, strlen(pages[i].name) - 4);
			add_issue(w, sub.data, stem, &pages[i], 1);
			free(stem);
		}
	} else if (npages > 0) {
		add_issue(w, path, NULL, pages, npages);
	}
	free(pages);
	for (size_t i = 0; i < n; i++) {
		if (!es[i].dir)
			continue;
		if (w->ncomps >= MAX_DEPTH) {
			warnf(w, "%s/%s: folders nested too deep (skipped)", path, es[i].name);
			continue;
		}
		path_join(&sub, path, es[i].name);
		add_folder(w->out, sub.data, es[i].fstamp);
		w->comps[w->ncomps++] = es[i].name;
		walk_dir(w, sub.data, es[i].dev, es[i].ino);
		w->ncomps--;
	}
	util_buf_free(&sub);
	free_entries(es, n);
}

static int issue_cmp(const void *x, const void *y)
{
	return strcmp(((const shelf_issue *)x)->path, ((const shelf_issue *)y)->path);
}

bool shelf_scan(const char *root, shelf *out,
		void (*warn)(void *ctx, const char *msg), void *ctx)
{
	walk w = { .root = root, .out = out, .warn = warn, .ctx = ctx };
	struct stat st;
	bool ok = true;
	if (stat(root, &st) != 0) {
		warnf(&w, "library root %s: %s", root, strerror(errno));
		ok = false;
	} else if (!S_ISDIR(st.st_mode)) {
		warnf(&w, "library root %s: not a folder", root);
		ok = false;
	} else if (access(root, R_OK | X_OK) != 0) {
		warnf(&w, "library root %s: %s", root, strerror(errno));
		ok = false;
	} else {
		size_t first = out->n;
		add_folder(out, root, shelf_folder_stamp(&st));
		walk_dir(&w, root, st.st_dev, st.st_ino);
		if (out->n - first > 1)
			qsort(out->items + first, out->n - first, sizeof *out->items, issue_cmp);
	}
	free(w.seen);
	return ok;
}

void shelf_free(shelf *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].path);
		free(s->items[i].paper);
	}
	free(s->items);
	for (size_t i = 0; i < s->nfolders; i++)
		free(s->folders[i].path);
	free(s->folders);
	memset(s, 0, sizeof *s);
}

uint64_t shelf_folder_stamp(const struct stat *st)
{
	uint64_t v[6] = { (uint64_t)st->st_dev, (uint64_t)st->st_ino,
			  (uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
			  (uint64_t)st->st_ctim.tv_sec, (uint64_t)st->st_ctim.tv_nsec };
	return util_hash(v, sizeof v, 0x666f6c646572ULL);
}

bool shelf_issue_stamp(const char *path, uint64_t *stamp)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	if (!S_ISDIR(st.st_mode)) {
		/* a page named by its date, an issue of its own */
		const char *slash = strrchr(path, '/');
		entry e = { (char *)(slash ? slash + 1 : path), (uint64_t)st.st_size,
			    (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, false, 0, 0, 0 };
		*stamp = pages_stamp(&e, 1);
		return true;
	}
	shelf none = { 0 };
	walk w = { .root = path, .out = &none };
	entry *es;
	size_t n;
	if (!list_dir(&w, path, &es, &n))
		return false;
	/* the pages are the entries that are not folders, as walk_dir takes them */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!es[i].dir)
			es[k++] = es[i];
		else
			free(es[i].name);
	*stamp = pages_stamp(es, k);
	free_entries(es, k);
	return true;
}
