/* script.c — see script.h.
 *
 * Converters. One OpenCC handle per configuration, opened on first use and
 * kept: opening t2s costs a few milliseconds, s2t (its phrase dictionary is
 * larger) tens. A configuration that failed to open is not tried again.
 *
 * The fold table. OpenCC's C API converts text and does not list its
 * dictionaries, so the table is read out of OpenCC by converting the
 * characters themselves: each asked character on a line of its own (a
 * line is never a phrase, so what comes back is TSCharacters' first, most
 * common, candidate). Detection asks only the distinct characters of a
 * page sample that were not asked before; the search fold asks the rest
 * of the range once (~28,000 characters, half of them by a second
 * thread with a handle of its own: see ask).
 */
#include "script.h"
#include "text.h"
#include "util.h"

#include <dlfcn.h>
#include <errno.h>
#include <opencc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

enum conv {
	CONV_T2S,
	CONV_S2T,
	CONV_S2TW,
	CONV_T2TW,
	CONV_S2HK,
	CONV_T2HK,
	NCONV,
	CONV_NONE = -1,
};

static const char *const conv_file[NCONV] = {
	"t2s.json", "s2t.json", "s2tw.json", "t2tw.json", "s2hk.json", "t2hk.json",
};

static const char *const target_names[SCRIPT_NTARGETS] = {
	"as-is", "simplified", "traditional", "taiwan", "hongkong",
};

static struct {
	opencc_t handle[NCONV];
	signed char state[NCONV];       /* 0 not tried, 1 open, -1 failed */
	char error[512];
	uint32_t *fold;                 /* FOLD_LO..FOLD_HI: 0 not asked, else the fold */
	bool fold_full;                 /* every character of the range asked */
	bool fold_cached;               /* ... read from the file: OpenCC's t2s there is */
	bool fold_off;
	uint8_t *bitmap;                /* U+4000..U+9FFF */
	uint16_t *table16;              /* U+4000..U+9FFF */
} S;

/* OpenCC's functions, from libopencc opened when a converter is first
 * needed: linked, it and the C++ runtime under it were relocated at
 * every start (3.0M instructions: a fifth of --search --all's first
 * line), for a converter that most runs do not open (script_fold_bitmap
 * reads its table from a file). */
static struct {
	bool tried, ok;
	opencc_t (*open)(const char *);
	int (*close)(opencc_t);
	char *(*convert_utf8)(opencc_t, const char *, size_t);
	void (*convert_utf8_free)(char *);
	const char *(*error)(void);
} CC;

static bool cc_sym(void *lib, const char *name, void *fn)
{
	void *p = dlsym(lib, name);
	memcpy(fn, &p, sizeof p);       /* POSIX: a function's address */
	return p != NULL;
}

static bool cc_load(void)
{
	if (CC.tried)
		return CC.ok;
	CC.tried = true;
	static const char *const names[] = {
#ifdef KANBAO_OPENCC_SONAME
		KANBAO_OPENCC_SONAME,   /* the one built against (Makefile) */
#endif
		"libopencc.so.1.1", "libopencc.so.1", "libopencc.so.2", "libopencc.so",
	};
	void *lib = NULL;
	for (size_t i = 0; !lib && i < sizeof names / sizeof *names; i++)
		lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	CC.ok = lib && cc_sym(lib, "opencc_open", &CC.open) && cc_sym(lib, "opencc_close", &CC.close) &&
		cc_sym(lib, "opencc_convert_utf8", &CC.convert_utf8) &&
		cc_sym(lib, "opencc_convert_utf8_free", &CC.convert_utf8_free) &&
		cc_sym(lib, "opencc_error", &CC.error);
	return CC.ok;
}

/* The Han characters of the BMP that OpenCC's character tables hold. */
enum { FOLD_LO = 0x3400, FOLD_HI = 0xFB00, BITMAP_LO = 0x4000, BITMAP_HI = 0xA000 };

static bool in_fold_range(uint32_t cp)
{
	return (cp >= FOLD_LO && cp < 0xA000) || (cp >= 0xF900 && cp < FOLD_HI);
}

const char *script_target_name(script_target t)
{
	return (unsigned)t < SCRIPT_NTARGETS ? target_names[t] : "?";
}

bool script_target_parse(const char *name, script_target *out)
{
	for (int t = 0; t < SCRIPT_NTARGETS; t++)
		if (strcmp(name, target_names[t]) == 0) {
			*out = (script_target)t;
			return true;
		}
	return false;
}

const char *script_kind_name(script_kind k)
{
	return k == SCRIPT_KIND_TRADITIONAL ? "traditional" : "simplified";
}

const char *script_error(void)
{
	return S.error;
}

/* The configuration file OpenCC is given for converter c. */
static void conv_path(enum conv c, util_buf *path)
{
	const char *dir = getenv("KANBAO_OPENCC_DIR");
	if (dir && *dir)
		util_buf_printf(path, "%s/%s", dir, conv_file[c]);
	else
		util_buf_adds(path, conv_file[c]);
}

static opencc_t conv_open(enum conv c)
{
	if (S.state[c] == 1)
		return S.handle[c];
	if (S.state[c] < 0)
		return NULL;
	util_buf path = { 0 };
	conv_path(c, &path);
	bool loaded = cc_load();
	opencc_t h = loaded ? CC.open(util_buf_cstr(&path)) : (opencc_t)-1;
	if (h == (opencc_t)-1) {
		const char *why = loaded ? CC.error() : "libopencc cannot be loaded";
		snprintf(S.error, sizeof S.error,
			 "OpenCC cannot load %s (%s): install OpenCC's data "
			 "(Debian: libopencc-data) or set KANBAO_OPENCC_DIR",
			 util_buf_cstr(&path), why && *why ? why : "not found");
		S.state[c] = -1;
		util_buf_free(&path);
		return NULL;
	}
	util_buf_free(&path);
	S.state[c] = 1;
	S.handle[c] = h;
	return h;
}

/* The converter for showing text of script `from` in `to`. */
static enum conv conv_for(script_target to, script_kind from)
{
	bool trad = from == SCRIPT_KIND_TRADITIONAL;
	switch (to) {
	case SCRIPT_SIMPLIFIED: return trad ? CONV_T2S : CONV_NONE;
	case SCRIPT_TRADITIONAL: return trad ? CONV_NONE : CONV_S2T;
	case SCRIPT_TAIWAN: return trad ? CONV_T2TW : CONV_S2TW;
	case SCRIPT_HONGKONG: return trad ? CONV_T2HK : CONV_S2HK;
	default: return CONV_NONE;
	}
}

bool script_ready(script_target to, script_kind from)
{
	enum conv c = conv_for(to, from);
	return c == CONV_NONE || conv_open(c) != NULL;
}

char *script_convert(script_target to, script_kind from, const char *s, size_t len,
		     size_t *outlen)
{
	enum conv c = conv_for(to, from);
	if (c == CONV_NONE)
		return NULL;
	opencc_t h = conv_open(c);
	if (!h)
		return NULL;
	char *r = CC.convert_utf8(h, s, len);
	if (!r) {
		snprintf(S.error, sizeof S.error, "OpenCC could not convert the text (%s)",
			 CC.error());
		return NULL;
	}
	/* OpenCC's buffer is freed by OpenCC: hand over a copy of our own */
	size_t n = strlen(r);
	char *out = util_strndup(r, n);
	CC.convert_utf8_free(r);
	if (outlen)
		*outlen = n;
	return out;
}

/* ---- conversion that keeps the offsets ---- */

typedef struct chars {
	uint32_t *off;          /* n + 1 byte offsets */
	uint32_t *cp;
	size_t n;
} chars;

static void chars_of(const char *s, size_t len, chars *c)
{
	c->off = util_malloc((len + 1) * sizeof *c->off);
	c->cp = util_malloc((len + 1) * sizeof *c->cp);
	c->n = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t u;
		int k = u8_mbtoucr(&u, (const uint8_t *)s + i, len - i);
		if (k < 0) {
			u = 0xFFFD;
			k = 1;
		}
		c->off[c->n] = (uint32_t)i;
		c->cp[c->n++] = u;
		i += (size_t)k;
	}
	c->off[c->n] = (uint32_t)len;
}

static void chars_free(chars *c)
{
	free(c->off);
	free(c->cp);
}

static bool is_sentence_mark(uint32_t cp)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF0C: case 0x3001:
	case ',': case '.': case ';': case '!': case '?': case ' ':
		return true;
	default:
		return false;
	}
}

/* Writes o's characters [oa, ob) over out (a copy of o), each replaced by
 * c's character [ca + k] when both have the same length and width. */
static void align_range(char *out, const char *cs, const chars *o, size_t oa, size_t ob,
			const chars *c, size_t ca)
{
	for (size_t i = oa; i < ob; i++) {
		size_t j = ca + (i - oa);
		uint32_t ol = o->off[i + 1] - o->off[i], cl = c->off[j + 1] - c->off[j];
		if (ol == cl && o->cp[i] != c->cp[j] &&
		    text_cp_width(o->cp[i]) == text_cp_width(c->cp[j]))
			memcpy(out + o->off[i], cs + c->off[j], ol);
	}
}

/* The end of the piece starting at character i: after the next sentence
 * mark, or the end. */
static size_t piece_end(const chars *x, size_t i)
{
	while (i < x->n && !is_sentence_mark(x->cp[i]))
		i++;
	return i < x->n ? i + 1 : i;
}

/* o (the original) with c (its conversion) laid over it, aligned. */
static char *align(const char *os, size_t olen, const char *cs, size_t clen)
{
	char *out = util_malloc(olen + 1);
	memcpy(out, os, olen);
	out[olen] = '\0';
	chars o, c;
	chars_of(os, olen, &o);
	chars_of(cs, clen, &c);
	if (o.n == c.n) {
		align_range(out, cs, &o, 0, o.n, &c, 0);
	} else {
		/* piece by piece between sentence marks, which OpenCC keeps */
		size_t i = 0, j = 0;
		while (i < o.n && j < c.n) {
			size_t ie = piece_end(&o, i), je = piece_end(&c, j);
			if (ie - i == je - j)
				align_range(out, cs, &o, i, ie, &c, j);
			i = ie;
			j = je;
		}
	}
	chars_free(&o);
	chars_free(&c);
	return out;
}

char *script_convert_aligned(script_target to, script_kind from, const char *s, size_t len)
{
	size_t clen;
	char *c = script_convert(to, from, s, len, &clen);
	if (!c)
		return NULL;
	char *out = align(s, len, c, clen);
	free(c);
	return out;
}

/* ---- the display view ---- */

/* An article's (or a caption's) texts, each converted when first shown:
 * a screen costs what is on it, not the whole article (OpenCC takes about
 * 2,000 instructions a byte). */
typedef struct view_text {
	doc_str *texts;         /* NULL until an element is asked for */
	char **bufs;            /* the converted texts, NULL until converted */
	uint8_t *done;          /* 1 once element e was converted (or tried) */
	uint32_t n;
} view_text;

struct script_view {
	doc_issue *issue;
	script_target target;
	view_text *arts;        /* by article */
	size_t arts_cap;
	view_text *caps;        /* by page caption (n = 1) */
	size_t caps_cap;
	size_t converted;       /* bytes handed to OpenCC */
};

static void view_text_free(view_text *vt)
{
	for (uint32_t e = 0; vt->bufs && e < vt->n; e++)
		free(vt->bufs[e]);
	free(vt->bufs);
	free(vt->done);
	free(vt->texts);
}

static void view_clear(script_view *v)
{
	for (size_t i = 0; i < v->arts_cap; i++)
		view_text_free(&v->arts[i]);
	for (size_t i = 0; i < v->caps_cap; i++)
		view_text_free(&v->caps[i]);
	free(v->arts);
	free(v->caps);
	v->arts = v->caps = NULL;
	v->arts_cap = v->caps_cap = 0;
	v->converted = 0;
}

static void view_text_init(view_text *vt, uint32_t n)
{
	uint32_t m = n ? n : 1;
	vt->texts = util_calloc(m, sizeof *vt->texts);
	vt->bufs = util_calloc(m, sizeof *vt->bufs);
	vt->done = util_calloc(m, sizeof *vt->done);
	vt->n = n;
}

/* Element e of vt, `text` (in script `from`), converted once: the text as
 * it is when there is nothing to convert or OpenCC fails. Converting a
 * text alone gives what converting it among its article's texts joined by
 * newlines gave: no dictionary entry holds a newline, so no phrase spans
 * two texts. */
static doc_str view_text_get(script_view *v, view_text *vt, uint32_t e, doc_str text,
			     script_kind from)
{
	if (vt->done[e])
		return vt->texts[e];
	vt->done[e] = 1;
	vt->texts[e] = text;
	if (!text.len || conv_for(v->target, from) == CONV_NONE)
		return text;
	v->converted += text.len;
	char *out = script_convert_aligned(v->target, from, text.s, text.len);
	if (out) {
		vt->bufs[e] = out;
		vt->texts[e] = doc_str_make(out, text.len);
	}
	return vt->texts[e];
}

static void grow_texts(view_text **arr, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	size_t old = *cap;
	util_grow((void **)arr, cap, need, sizeof **arr);
	memset(*arr + old, 0, (*cap - old) * sizeof **arr);
}

/* The page holding page caption `caption`. */
static size_t caption_page(const doc_issue *issue, size_t caption)
{
	size_t lo = 0, hi = doc_npages(issue);
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc_page_at(issue, mid)->first_caption <= caption)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static doc_str view_shown(void *ctx, uint32_t article, uint32_t e)
{
	script_view *v = ctx;
	const doc_issue *issue = v->issue;
	if (article == UINT32_MAX) {
		doc_str text = *doc_page_caption_at(issue, e);
		if (v->target == SCRIPT_AS_IS)
			return text;
		grow_texts(&v->caps, &v->caps_cap, (size_t)e + 1);
		view_text *vt = &v->caps[e];
		if (!vt->texts)
			view_text_init(vt, 1);
		return view_text_get(v, vt, 0, text,
				     (script_kind)doc_page_at(issue, caption_page(issue, e))->script);
	}
	const doc_article *a = doc_article_at(issue, article);
	if (v->target == SCRIPT_AS_IS)
		return doc_element_text(issue, a, e);
	grow_texts(&v->arts, &v->arts_cap, (size_t)article + 1);
	view_text *vt = &v->arts[article];
	if (!vt->texts)
		view_text_init(vt, doc_article_nelements(a));
	return view_text_get(v, vt, e, doc_element_text(issue, a, e),
			     (script_kind)doc_page_at(issue, a->page)->script);
}

script_view *script_view_new(doc_issue *issue, script_target target)
{
	script_view *v = util_calloc(1, sizeof *v);
	v->issue = issue;
	doc_set_shown(issue, view_shown, v);
	script_view_set(v, target);
	return v;
}

void script_view_free(script_view *v)
{
	if (!v)
		return;
	doc_set_shown(v->issue, NULL, NULL);
	view_clear(v);
	free(v);
}

bool script_view_set(script_view *v, script_target target)
{
	view_clear(v);
	v->target = SCRIPT_AS_IS;
	/* both directions are opened: pages may come in either script (and
	 * more pages may still be loading) */
	if (!script_ready(target, SCRIPT_KIND_SIMPLIFIED) ||
	    !script_ready(target, SCRIPT_KIND_TRADITIONAL))
		return false;
	v->target = target;
	return true;
}

script_target script_view_target(const script_view *v)
{
	return v->target;
}

size_t script_view_converted(const script_view *v)
{
	return v->converted;
}

/* ---- the fold table ---- */

static size_t put_cp(char *out, uint32_t cp)
{
	return (size_t)u8_uctomb((uint8_t *)out, cp, 4);
}

/* The folds of cps[0, n) from converter h (NULL: each folds to
 * itself) into S.fold. */
static void ask_with(opencc_t h, const uint32_t *cps, size_t n)
{
	char *r = NULL;
	if (h) {
		util_buf in = { 0 };
		for (size_t i = 0; i < n; i++) {
			char b[4];
			util_buf_add(&in, b, put_cp(b, cps[i]));
			util_buf_addc(&in, '\n');
		}
		r = CC.convert_utf8(h, in.data, in.len);
		util_buf_free(&in);
	}
	const char *p = r;
	for (size_t i = 0; i < n; i++) {
		uint32_t to = cps[i];
		if (p && *p) {
			const char *nl = strchr(p, '\n');
			size_t k = nl ? (size_t)(nl - p) : strlen(p);
			ucs4_t c;
			int m = u8_mbtoucr(&c, (const uint8_t *)p, k);
			if (m > 0 && (size_t)m == k)
				to = c;         /* exactly one character came back */
			p = nl ? nl + 1 : NULL;
		}
		S.fold[cps[i] - FOLD_LO] = to;
	}
	if (r)
		CC.convert_utf8_free(r);
}

/* Part of the characters asked by a thread of its own, with a handle
 * of its own (the same configuration). */
typedef struct ask_part {
	const uint32_t *cps;
	size_t n;
	bool done;
} ask_part;

static void *ask_run(void *arg)
{
	ask_part *a = arg;
	util_buf path = { 0 };
	conv_path(CONV_T2S, &path);
	opencc_t h = CC.open(util_buf_cstr(&path));
	util_buf_free(&path);
	if (h != (opencc_t)-1) {
		ask_with(h, a->cps, a->n);
		CC.close(h);
		a->done = true;
	}
	return NULL;
}

/* Characters asked at once from which half go to a second thread: the
 * whole range (28,160) took 256M instructions of OpenCC's (three
 * lookups in its dictionaries for each character and each newline) in
 * one thread, while a library's build waited for it with nothing else
 * to do; opening a second handle costs about 10M. */
enum { ASK_SPLIT = 8192 };

/* Asks OpenCC (t2s) for the fold of each of cps[0, n), every one in the
 * range and not asked yet. Without OpenCC each folds to itself. */
static void ask(const uint32_t *cps, size_t n)
{
	if (n == 0)
		return;
	opencc_t h = conv_open(CONV_T2S);
	ask_part part = { 0 };
	pthread_t th;
	bool split = false;
	if (h && n >= ASK_SPLIT) {
		/* the second thread takes less: opening its handle and its first
		 * lookups cost it about 30M (callgrind: 123M against 138M for
		 * 40% and 60% of the range) */
		size_t mine = n / 2 + n / 14;
		part = (ask_part){ cps + mine, n - mine, false };
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_BLOCK, &all, &old);        /* signals stay the caller's */
		split = pthread_create(&th, NULL, ask_run, &part) == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		if (split)
			n = mine;
	}
	ask_with(h, cps, n);
	if (split) {
		pthread_join(th, NULL);
		if (!part.done)
			ask_with(h, part.cps, part.n);
	}
}

static void fold_alloc(void)
{
	if (!S.fold)
		S.fold = util_calloc(FOLD_HI - FOLD_LO, sizeof *S.fold);
}

/* ---- the fold table kept between runs ----
 *
 * Asking OpenCC for the whole range costs about 250 million instructions
 * (60-80 ms), half of what --search adds to parsing a 3 MB issue; the
 * table read out is kept in $XDG_CACHE_HOME/kanbao/fold-t2s with what it
 * was read from (the t2s configuration and its two dictionaries: device,
 * inode, size, mtime), and read back while those are the same. */
#ifndef KANBAO_OPENCC_DATA
#define KANBAO_OPENCC_DATA "/usr/share/opencc"
#endif

enum { FOLD_KEY_MAX = 1024 };

/* The key of the table OpenCC gives here; false when it is not known
 * (a t2s.json in the working folder, which OpenCC would read first; a
 * file missing). */
static bool fold_key(char key[FOLD_KEY_MAX])
{
	const char *dir = getenv("KANBAO_OPENCC_DIR");
	struct stat st;
	if (!dir || !*dir) {
		if (stat(conv_file[CONV_T2S], &st) == 0)
			return false;
		dir = KANBAO_OPENCC_DATA;
	}
	static const char *const files[] = { "t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2" };
	int len = snprintf(key, FOLD_KEY_MAX, "kanbao fold 1 %s", dir);
	for (size_t i = 0; i < sizeof files / sizeof *files && len > 0 && len < FOLD_KEY_MAX; i++) {
		char path[FOLD_KEY_MAX];
		if (snprintf(path, sizeof path, "%s/%s", dir, files[i]) >= (int)sizeof path ||
		    stat(path, &st) != 0)
			return false;
		len += snprintf(key + len, FOLD_KEY_MAX - (size_t)len, " %llu.%llu.%lld.%lld.%ld",
				(unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
				(long long)st.st_size, (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
	}
	return len > 0 && len < FOLD_KEY_MAX - 1 && !memchr(key, '\n', (size_t)len);
}

/* $XDG_CACHE_HOME/kanbao (else ~/.cache/kanbao), made when `make`. */
static char *fold_cache_dir(bool make)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	util_buf b = { 0 };
	if (xdg && *xdg == '/')
		util_buf_adds(&b, xdg);
	else if (home && *home)
		util_buf_printf(&b, "%s/.cache", home);
	else
		return NULL;
	if (make)
		mkdir(util_buf_cstr(&b), 0700);
	util_buf_adds(&b, "/kanbao");
	if (make)
		mkdir(util_buf_cstr(&b), 0700);
	char *dir = util_strdup(util_buf_cstr(&b));
	util_buf_free(&b);
	return dir;
}

/* The file: the key and '\n', the number of characters that fold to
 * another, those pairs (cp, fold; 32 bits each, this machine's order),
 * and the hash of all that before it. */
static bool fold_load(const char *key)
{
	char *dir = fold_cache_dir(false);
	if (!dir)
		return false;
	util_buf path = { 0 };
	util_buf_printf(&path, "%s/fold-t2s", dir);
	free(dir);
	FILE *f = fopen(path.data, "rb");
	util_buf_free(&path);
	if (!f)
		return false;
	size_t klen = strlen(key), cap = klen + 1 + 4 + 8 * (FOLD_HI - FOLD_LO) + 8, n;
	unsigned char *buf = util_malloc(cap + 1);
	n = fread(buf, 1, cap + 1, f);
	fclose(f);
	uint32_t count;
	bool ok = n > klen + 1 + 4 + 8 && n <= cap && memcmp(buf, key, klen) == 0 && buf[klen] == '\n';
	if (ok) {
		memcpy(&count, buf + klen + 1, 4);
		ok = count <= FOLD_HI - FOLD_LO && n == klen + 1 + 4 + 8 * (size_t)count + 8;
	}
	if (ok) {
		uint64_t h;
		memcpy(&h, buf + n - 8, 8);
		ok = h == util_hash(buf, n - 8, 0);
	}
	const unsigned char *p = buf + klen + 1 + 4;
	for (uint32_t i = 0; ok && i < count; i++) {
		uint32_t cp, to;
		memcpy(&cp, p + 8 * (size_t)i, 4);
		memcpy(&to, p + 8 * (size_t)i + 4, 4);
		ok = in_fold_range(cp) && to != 0 && to != UINT32_MAX && to <= 0x10FFFF;
	}
	if (ok) {
		for (uint32_t cp = FOLD_LO; cp < FOLD_HI; cp++)
			S.fold[cp - FOLD_LO] = cp;
		for (uint32_t i = 0; i < count; i++) {
			uint32_t cp, to;
			memcpy(&cp, p + 8 * (size_t)i, 4);
			memcpy(&to, p + 8 * (size_t)i + 4, 4);
			S.fold[cp - FOLD_LO] = to;
		}
	}
	free(buf);
	return ok;
}

static void fold_save(const char *key)
{
	char *dir = fold_cache_dir(true);
	if (!dir)
		return;
	util_buf b = { 0 };
	util_buf_adds(&b, key);
	util_buf_addc(&b, '\n');
	uint32_t count = 0;
	size_t at = b.len;
	util_buf_add(&b, &count, 4);
	for (uint32_t cp = FOLD_LO; cp < FOLD_HI; cp++) {
		uint32_t to = S.fold[cp - FOLD_LO];
		if (!in_fold_range(cp) || to == cp)
			continue;
		util_buf_add(&b, &cp, 4);
		util_buf_add(&b, &to, 4);
		count++;
	}
	memcpy(b.data + at, &count, 4);
	uint64_t h = util_hash(b.data, b.len, 0);
	util_buf_add(&b, &h, 8);
	util_buf tmp = { 0 }, path = { 0 };
	util_buf_printf(&tmp, "%s/fold-t2s.XXXXXX", dir);
	util_buf_printf(&path, "%s/fold-t2s", dir);
	free(dir);
	int fd = mkstemp(tmp.data);
	if (fd >= 0) {
		bool ok = write(fd, b.data, b.len) == (ssize_t)b.len;
		ok &= close(fd) == 0;
		if (!ok || rename(tmp.data, path.data) != 0)
			unlink(tmp.data);
	}
	util_buf_free(&tmp);
	util_buf_free(&path);
	util_buf_free(&b);
}

static void fold_fill_all(void)
{
	if (S.fold_full)
		return;
	fold_alloc();
	char key[FOLD_KEY_MAX];
	/* a table kept from data files that have not changed since (their
	 * inodes, sizes, mtimes in the key) was read from them by an OpenCC
	 * that opened them: that one is not opened again (10M instructions
	 * a start, most of --search --all's first line), only when a text
	 * is converted */
	bool keyed = fold_key(key);
	S.fold_cached = keyed && fold_load(key);
	if (!S.fold_cached) {
		keyed = conv_open(CONV_T2S) && keyed;
		uint32_t *cps = util_malloc((FOLD_HI - FOLD_LO) * sizeof *cps);
		size_t n = 0;
		for (uint32_t cp = FOLD_LO; cp < FOLD_HI; cp++)
			if (in_fold_range(cp) && S.fold[cp - FOLD_LO] == 0)
				cps[n++] = cp;
		ask(cps, n);
		free(cps);
		if (keyed)
			fold_save(key);
	}
	S.bitmap = util_calloc((BITMAP_HI - BITMAP_LO) / 8, 1);
	S.table16 = util_calloc(BITMAP_HI - BITMAP_LO, sizeof *S.table16);
	for (uint32_t cp = BITMAP_LO; cp < BITMAP_HI; cp++) {
		uint32_t to = S.fold[cp - FOLD_LO];
		if (to != cp) {
			S.bitmap[(cp - BITMAP_LO) >> 3] |= (uint8_t)(1u << (cp & 7));
			S.table16[cp - BITMAP_LO] = to < 0x10000 ? (uint16_t)to : 0;
		}
	}
	S.fold_full = true;
}

void script_fold_ready(void)
{
	fold_fill_all();
}

uint32_t script_fold_cp(uint32_t cp)
{
	if (S.fold_off || !in_fold_range(cp))
		return cp;
	fold_fill_all();
	return S.fold[cp - FOLD_LO];
}

uint32_t script_fold_lazy(uint32_t cp)
{
	if (!in_fold_range(cp))
		return cp;
	fold_alloc();
	uint32_t *f = &S.fold[cp - FOLD_LO];
	if (*f == 0 || *f == UINT32_MAX) {
		*f = UINT32_MAX;
		ask(&cp, 1);
	}
	return *f;
}

const uint8_t *script_fold_bitmap(void)
{
	if (S.fold_off)
		return NULL;
	fold_fill_all();
	return S.fold_cached || S.state[CONV_T2S] == 1 ? S.bitmap : NULL;
}

const uint16_t *script_fold_table16(void)
{
	return script_fold_bitmap() ? S.table16 : NULL;
}

void script_fold_set_enabled(bool on)
{
	S.fold_off = !on;
}

/* ---- detection ---- */

/* Bytes of a page read for its script: all of a usual page. Every distinct
 * character in them is asked of OpenCC at once, so that the parser's
 * patterns (script_fold_lazy) seldom need to ask one alone. */
enum { DETECT_BYTES = 256 << 10 };

/* The next Han character of the fold range in [*p, end), or 0 at the end. */
static uint32_t next_han(const uint8_t **pp, const uint8_t *end)
{
	const uint8_t *p = *pp;
	while (p < end) {
		uint8_t b = *p;
		if (b < 0xE3) {
			p++;
			continue;
		}
		if (b <= 0xEF && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			uint32_t c = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
			if (in_fold_range(c)) {
				*pp = p;
				return c;
			}
			continue;
		}
		p++;
	}
	*pp = p;
	return 0;
}

script_kind script_detect(const char *s, size_t len)
{
	fold_alloc();
	if (len > DETECT_BYTES)
		len = DETECT_BYTES;
	const uint8_t *end = (const uint8_t *)s + len, *p = (const uint8_t *)s;
	/* (with the whole table asked already, as the library's indexer has
	 * it, there is nothing to ask) */
	if (!S.fold_full) {
		uint32_t *unknown = NULL;
		size_t nunknown = 0, cap = 0;
		for (uint32_t c; (c = next_han(&p, end)) != 0;)
			if (S.fold[c - FOLD_LO] == 0) {
				S.fold[c - FOLD_LO] = UINT32_MAX;       /* asked below */
				UTIL_PUSH(unknown, nunknown, cap, c);
			}
		ask(unknown, nunknown);
		free(unknown);
	}
	if (!S.fold_cached && S.state[CONV_T2S] != 1)
		return SCRIPT_KIND_SIMPLIFIED;
	size_t han = 0, changed = 0;
	p = (const uint8_t *)s;
	for (uint32_t c; (c = next_han(&p, end)) != 0; han++)
		changed += S.fold[c - FOLD_LO] != c;
	return changed > 0 && changed * 8 >= han ? SCRIPT_KIND_TRADITIONAL : SCRIPT_KIND_SIMPLIFIED;
}

void script_shutdown(void)
{
	for (int c = 0; c < NCONV; c++) {
		if (S.state[c] == 1)
			CC.close(S.handle[c]);
		S.state[c] = 0;
	}
	free(S.fold);
	free(S.bitmap);
	free(S.table16);
	S.fold = NULL;
	S.bitmap = NULL;
	S.table16 = NULL;
	S.fold_full = false;
	S.fold_cached = false;
	S.error[0] = '\0';
}
