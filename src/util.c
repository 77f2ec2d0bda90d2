/* util.c — see util.h. */
#include "util.h"

#include <signal.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void (*fatal_hook)(void);

void util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

void util_fatal(const char *fmt, ...)
{
	if (fatal_hook) {
		void (*hook)(void) = fatal_hook;
		fatal_hook = NULL;      /* a failing hook must not recurse */
		hook();
	}
	va_list ap;
	va_start(ap, fmt);
	fputs("kanbao: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

void util_oom(void)
{
	util_fatal("out of memory");
}

void *util_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		util_oom();
	return p;
}

void *util_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		util_oom();
	return p;
}

void *util_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		util_oom();
	return q;
}

void *util_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		util_oom();
	return util_realloc(p, n * size);
}

char *util_strndup(const char *s, size_t n)
{
	char *d = util_malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *util_strdup(const char *s)
{
	return util_strndup(s, strlen(s));
}

void util_grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			util_oom();
		c *= 2;
	}
	*items = util_reallocarray(*items, c, size);
	*cap = c;
}

void util_buf_add(util_buf *b, const void *s, size_t n)
{
	util_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void util_buf_addc(util_buf *b, char c)
{
	util_buf_add(b, &c, 1);
}

void util_buf_adds(util_buf *b, const char *s)
{
	util_buf_add(b, s, strlen(s));
}

void util_buf_spaces(util_buf *b, int n)
{
	if (n <= 0)
		return;
	util_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
	memset(b->data + b->len, ' ', (size_t)n);
	b->len += (size_t)n;
	b->data[b->len] = '\0';
}

void util_buf_vprintf(util_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	util_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void util_buf_printf(util_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	util_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *util_buf_cstr(util_buf *b)
{
	if (!b->data)
		util_buf_add(b, "", 0);
	return b->data;
}

void util_buf_free(util_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* A word-at-a-time multiply-mix hash: fast enough to hash every paragraph
 * of an 80 MB page while parsing. */
static inline uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t util_hash(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = seed ^ (len * 0x9e3779b97f4a7c15ULL);
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ mix(w)) * 0x9e3779b97f4a7c15ULL;
		p += 8;
		len -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, len);
	h = (h ^ mix(w ^ len)) * 0x9e3779b97f4a7c15ULL;
	return mix(h);
}

uint64_t util_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static volatile sig_atomic_t interrupt_requested;

void util_request_interrupt(void)
{
	interrupt_requested = 1;
}

bool util_interrupt_requested(void)
{
	return interrupt_requested != 0;
}

void util_clear_interrupt(void)
{
	interrupt_requested = 0;
}

const char *util_find(const char *hay, size_t n, const char *needle, size_t k)
{
	if (k == 0)
		return hay;
	if (n < k)
		return NULL;
	const unsigned char *h = (const unsigned char *)hay, *nd = (const unsigned char *)needle;
	const unsigned char *p = h + k - 1, *end = h + n;
	unsigned char last = nd[k - 1];
	while ((p = memchr(p, last, (size_t)(end - p))) != NULL) {
		const unsigned char *start = p - (k - 1);
		size_t i = 0;
		while (i < k - 1 && start[i] == nd[i])
			i++;
		if (i == k - 1)
			return (const char *)start;
		p++;
	}
	return NULL;
}

bool util_thread_start(pthread_t *thread, void *(*fn)(void *), void *arg)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(thread, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc == 0;
}
