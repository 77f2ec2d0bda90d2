/* fuzz_common.h — helpers shared by the libFuzzer harnesses. */
#ifndef KANBAO_FUZZ_COMMON_H
#define KANBAO_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "doc.h"
#include "input.h"
#include "issue.h"
#include "text.h"

/* A crash with a message the fuzzer reports as a finding. */
#define FUZZ_CHECK(cond) do { if (!(cond)) { \
		fprintf(stderr, "invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
		abort(); } } while (0)

static inline void fuzz_init_locale(void)
{
	static int done;
	if (!done) {
		text_init_locale(NULL);
		done = 1;
	}
}

/* Decodes the bytes as input.c would and loads them as a one-page issue
 * (parsed and linked, as kanbao does).
 * Returns NULL when input refuses them (binary data). */
static inline doc_issue *fuzz_parse(const uint8_t *data, size_t size)
{
	char err[256];
	/* the page may point into `data`, which outlives the issue here */
	return issue_load_data("fuzz.txt", (const char *)data, size, NULL, err, sizeof err);
}

/* Every text of the model is valid UTF-8 without control characters. */
static inline void fuzz_check_text(const char *s, size_t len)
{
	FUZZ_CHECK(u8_check((const uint8_t *)s, len) == NULL);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_CHECK(c >= 0x20 || c == '\t');
		FUZZ_CHECK(c != 0x7f);
	}
}

static inline void fuzz_check_issue(const doc_issue *issue)
{
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t e = 0; e < doc_article_nelements(a); e++) {
			doc_str t = doc_element_text(issue, a, e);
			fuzz_check_text(t.s, t.len);
		}
	}
}

#endif
