/* testpattern.h — checks of pattern.c's recognisers over lists of lines
 * (TU_LINES), shared by test_pattern and test_pattern_papers: each line
 * that must be recognised, each that must not; a failure names the line. */
#ifndef KANBAO_TESTPATTERN_H
#define KANBAO_TESTPATTERN_H

#include "testutil.h"
#include "pattern.h"

typedef bool (*tp_test)(const char *s, size_t len);

/* Every line of `yes` must pass `is`, no line of `no` may (either list
 * may be NULL); `what` names what `is` recognises, for the message. */
static inline void tp_check(const char *what, tp_test is, const char *const *yes, const char *const *no)
{
	for (size_t i = 0; yes && yes[i]; i++)
		if (!is(yes[i], strlen(yes[i])))
			fail_msg("\"%s\" is not read as %s", yes[i], what);
	for (size_t i = 0; no && no[i]; i++)
		if (is(no[i], strlen(no[i])))
			fail_msg("\"%s\" is read as %s", no[i], what);
}

static inline bool tp_is_byline(const char *s, size_t len)
{
	return pattern_is_byline(s, len, false);
}

static inline bool tp_is_bare_byline(const char *s, size_t len)
{
	return pattern_is_byline(s, len, true);
}

static inline bool tp_is_header(const char *s, size_t len)
{
	pattern_header h;
	return pattern_is_running_header(s, len, &h);
}

static inline bool tp_is_dateline(const char *s, size_t len)
{
	pattern_dateline m;
	return pattern_match_dateline(s, len, &m);
}

static inline bool tp_is_report_lead(const char *s, size_t len)
{
	pattern_dateline m;
	return pattern_match_report_lead(s, len, &m);
}

static inline bool tp_is_trailing_byline(const char *s, size_t len)
{
	size_t paren, ns, ne;
	return pattern_match_trailing_byline(s, len, &paren, &ns, &ne);
}

static inline bool tp_is_signature(const char *s, size_t len)
{
	size_t who;
	return pattern_match_signature(s, len, &who);
}

static inline bool tp_has_credit(const char *s, size_t len)
{
	return pattern_credit_start(s, len) != len;
}

/* Bylines, with names alone allowed to sign (`bare`) or not. */
static inline void tp_bylines(bool bare, const char *const *yes, const char *const *no)
{
	tp_check(bare ? "a byline (a name alone allowed)" : "a byline", bare ? tp_is_bare_byline : tp_is_byline,
		 yes, no);
}

/* tp_headers(yes, no) and the like: tp_check with one recogniser. */
#define TP_LINES_OF(name, what, test) \
	static inline void name(const char *const *yes, const char *const *no) \
	{ \
		tp_check(what, test, yes, no); \
	}
TP_LINES_OF(tp_names, "a name", pattern_is_name)
TP_LINES_OF(tp_headers, "a running header", tp_is_header)
TP_LINES_OF(tp_datelines, "a dateline", tp_is_dateline)
TP_LINES_OF(tp_report_leads, "a report's lead", tp_is_report_lead)
TP_LINES_OF(tp_trailing_bylines, "a trailing byline", tp_is_trailing_byline)
TP_LINES_OF(tp_signatures, "a signature", tp_is_signature)
TP_LINES_OF(tp_signed_units, "a signed unit", pattern_is_signed_unit)
TP_LINES_OF(tp_page_notes, "a page note", pattern_page_note)
/* captions that must end in a credit, lines that must have none */
TP_LINES_OF(tp_credits, "ending in a credit", tp_has_credit)

/* The credit closing the caption s, from where it starts, must be
 * `want` ("": none). */
static inline void tp_credit_is(const char *s, const char *want)
{
	const char *c = s + pattern_credit_start(s, strlen(s));
	if (strcmp(c, want) != 0)
		fail_msg("\"%s\": the credit is \"%s\", not \"%s\"", s, c, want);
}

/* A line and what pattern_match_jump must make of it: the kind and the
 * page (-1: not checked). */
typedef struct {
	const char *line;
	pattern_jump_kind kind;
	int page;
} tp_jump;

static inline void tp_jumps(const tp_jump *j, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int page = -1;
		pattern_jump_kind k = pattern_match_jump(j[i].line, strlen(j[i].line), &page);
		if (k != j[i].kind)
			fail_msg("\"%s\": a jump of kind %d, not %d", j[i].line, (int)k, (int)j[i].kind);
		if (j[i].page >= 0 && page != j[i].page)
			fail_msg("\"%s\": a jump to page %d, not %d", j[i].line, page, j[i].page);
	}
}

/* Where the piece [from, to) of s is not `want` (NULL: anything goes),
 * fails naming it `what`. */
static inline void tp_piece_is(const char *s, size_t from, size_t to, const char *want, const char *what)
{
	if (want && (to - from != strlen(want) || memcmp(s + from, want, to - from) != 0))
		fail_msg("\"%s\": the %s is \"%.*s\", not \"%s\"", s, what, (int)(to - from), s + from, want);
}

/* `s` must open with a dateline whose date, byline and the body after
 * them are those given ("": none; NULL: not checked). */
static inline void tp_dateline_is(const char *s, const char *date, const char *byline, const char *body)
{
	pattern_dateline m;
	if (!pattern_match_dateline(s, strlen(s), &m))
		fail_msg("\"%s\" is not read as a dateline", s);
	tp_piece_is(s, m.date_start, m.date_end, date, "date");
	tp_piece_is(s, m.byline_start, m.byline_end, byline, "byline");
	tp_piece_is(s, m.body_start, strlen(s), body, "body");
}

#endif
