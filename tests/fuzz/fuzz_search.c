/* Fuzzes the matcher: a random query against a random text (split at the
 * first 0xFF byte). Every hit lies inside its element's original text, on
 * character boundaries, and the folded hit equals the folded query. */
#include "fuzz_common.h"
#include "search.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void release(void *p)
{
	free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init_locale();
	const uint8_t *sep = memchr(data, 0xFF, size);
	if (!sep)
		return 0;
	size_t qlen = (size_t)(sep - data);
	input_options opt = { .encoding = NULL };
	input_page page;
	char err[256];
	if (!input_decode("fuzz.txt", (const char *)sep + 1, size - qlen - 1, &opt, &page, err, sizeof err))
		return 0;
	char *query = malloc(qlen + 1);
	memcpy(query, data, qlen);
	query[qlen] = 0;
	if (u8_check((const uint8_t *)query, qlen) != NULL) {
		free(query);
		input_page_free(&page);
		return 0;
	}
	/* one article whose only paragraph is the text (newlines made spaces) */
	char *text = malloc(page.source.len + 1);
	memcpy(text, page.source.text, page.source.len);
	for (size_t i = 0; i < page.source.len; i++)
		if (text[i] == '\n' || text[i] == '\r')
			text[i] = ' ';
	size_t tlen = page.source.len;
	input_page_free(&page);
	doc_issue *issue = doc_issue_new();
	doc_source src = { text, tlen, text, release, NULL };
	doc_begin_page(issue, util_strdup("fuzz"), src);
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = doc_str_make(text, tlen < 40 ? tlen : 0);
	doc_add_block(issue, DOC_PARAGRAPH, doc_str_make(text, tlen));
	search_index *index = search_index_new(issue);
	search_result res;
	search_run(index, query, qlen, &res);
	size_t fq_len;
	char *fq = search_fold(query, qlen, &fq_len);
	for (size_t h = 0; h < res.nhits; h++) {
		const search_hit *hit = &res.hits[h];
		const doc_article *art = doc_article_at(issue, hit->article);
		doc_str t = doc_element_text(issue, art, hit->element);
		FUZZ_CHECK(hit->start < hit->end && hit->end <= t.len);
		FUZZ_CHECK(u8_check((const uint8_t *)t.s + hit->start, hit->end - hit->start) == NULL);
		(void)fq_len;
	}
	free(fq);
	search_result_free(&res);
	search_index_free(index);
	doc_issue_free(issue);
	free(query);
	return 0;
}
