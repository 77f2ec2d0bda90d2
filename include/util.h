/* util.h — allocation that cannot fail silently, growable arrays, the one
 * fatal-error path.
 *
 * Running out of memory or a broken invariant goes through util_fatal(),
 * which first runs the hook registered by the terminal UI (so the terminal
 * is restored before anything is printed), then prints and exits 1.
 */
#ifndef KANBAO_UTIL_H
#define KANBAO_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define UTIL_NORETURN __attribute__((noreturn))
#define UTIL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define UTIL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Runs before a fatal message is printed (the UI restores the terminal). */
void util_set_fatal_hook(void (*hook)(void));
UTIL_NORETURN UTIL_PRINTF(1, 2) void util_fatal(const char *fmt, ...);
UTIL_NORETURN void util_oom(void);

void *util_malloc(size_t n);
void *util_calloc(size_t n, size_t size);
void *util_realloc(void *p, size_t n);
/* realloc of an array of `n` items of `size` bytes, checking overflow. */
void *util_reallocarray(void *p, size_t n, size_t size);
char *util_strdup(const char *s);

/* memmem for a short needle in a haystack of a few kilobytes: memchr for
 * the needle's last byte, then the bytes before it (glibc's memmem spends
 * more on setting up each call than on such a haystack). */
const char *util_find(const char *hay, size_t n, const char *needle, size_t k);
char *util_strndup(const char *s, size_t n);

/* Grows *items (holding *cap items of `size`) to hold at least `need`. */
void util_grow(void **items, size_t *cap, size_t need, size_t size);
#define UTIL_PUSH(arr, n, cap, value) do { \
		if ((n) >= (cap)) \
			util_grow((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr))); \
		(arr)[(n)++] = (value); \
	} while (0)

/* A growable byte buffer (always NUL-terminated when len > 0 or after
 * util_buf_cstr). */
typedef struct util_buf {
	char *data;
	size_t len, cap;
} util_buf;
void util_buf_add(util_buf *b, const void *s, size_t n);
void util_buf_addc(util_buf *b, char c);
void util_buf_adds(util_buf *b, const char *s);
/* Appends n spaces (nothing when n <= 0). */
void util_buf_spaces(util_buf *b, int n);
UTIL_PRINTF(2, 3) void util_buf_printf(util_buf *b, const char *fmt, ...);
#include <stdarg.h>
UTIL_PRINTF(2, 0) void util_buf_vprintf(util_buf *b, const char *fmt, va_list ap);
const char *util_buf_cstr(util_buf *b);
void util_buf_free(util_buf *b);

/* 64-bit hash of a byte string (fast, not cryptographic). */
uint64_t util_hash(const void *data, size_t len, uint64_t seed);

/* Monotonic clock in nanoseconds (benchmarks and timeouts). */
uint64_t util_now_ns(void);

/* A request to stop (SIGINT, SIGTERM, SIGHUP): set from a signal handler
 * (async-signal-safe), read by long loops that can stop early so the
 * program quits at once. */
void util_request_interrupt(void);
bool util_interrupt_requested(void);
/* Forgets the request (for tests, which go on after one). */
void util_clear_interrupt(void);

/* Starts fn(arg) on a new thread that takes no signal (SIGINT, SIGWINCH
 * and the rest stay with the threads that handle them); false when the
 * thread cannot be made. */
#include <pthread.h>
bool util_thread_start(pthread_t *thread, void *(*fn)(void *), void *arg);

/* Varints (7 bits a byte, low first, the high bit set when more follow),
 * the library's lists' format (library.c, pairpos.c); inline: they sit in
 * the ranking's inner loops. util_put_varint writes v at p (at most 5
 * bytes) and returns the byte after it; util_get_varint reads one at *p,
 * moving *p past it, false when it runs past end or over 5 bytes. */
static inline unsigned char *util_put_varint(unsigned char *p, uint32_t v)
{
	while (v >= 0x80) {
		*p++ = (unsigned char)((v & 0x7F) | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char)v;
	return p;
}

static inline bool util_get_varint(const unsigned char **p, const unsigned char *end, uint32_t *v)
{
	if (*p < end && !(**p & 0x80)) {        /* most are one byte */
		*v = *(*p)++;
		return true;
	}
	uint32_t x = 0;
	for (unsigned shift = 0; *p < end && shift < 35; shift += 7) {
		unsigned char c = *(*p)++;
		x |= (uint32_t)(c & 0x7F) << shift;
		if (!(c & 0x80)) {
			*v = x;
			return true;
		}
	}
	return false;
}

#endif
