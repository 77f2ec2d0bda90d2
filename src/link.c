/* link.c — jump lines between pages; see link.h.
 *
 * A continuation is found on the page the jump line names: the article
 * there whose jump line points back ("上接第1版") and whose headline
 * matches best, else the article with the most similar headline (papers
 * repeat the headline, sometimes shortened, above the continuation).
 */
#include "link.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Index of the page printed as number n, or -1. */
static int page_numbered(const doc_issue *issue, int n)
{
	for (size_t p = 0; p < doc_npages(issue); p++)
		if (doc_page_number(issue, p) == n)
			return (int)p;
	return -1;
}

static bool is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* Share of a's Han character pairs that b has too, in percent. */
static int headline_similarity(doc_str a, doc_str b)
{
	if (!a.len || !b.len)
		return 0;
	if (doc_str_eq(a, b))
		return 100;
	int pairs = 0, shared = 0;
	const char *p = a.s, *end = a.s + a.len;
	while (p < end) {
		uint32_t c1, c2;
		int n1 = text_decode(p, end, &c1);
		if (p + n1 >= end)
			break;
		int n2 = text_decode(p + n1, end, &c2);
		if (is_han(c1) && is_han(c2)) {
			pairs++;
			shared += memmem(b.s, b.len, p, (size_t)(n1 + n2)) != NULL;
		}
		p += n1;
	}
	return pairs ? shared * 100 / pairs : 0;
}

/* The first jump line of an article of the given kind, or NONE. */
static pattern_jump_kind first_jump(const doc_issue *issue, const doc_article *a,
				    pattern_jump_kind kind, int *page)
{
	for (uint32_t b = 0; b < a->nblocks; b++) {
		const doc_block *blk = doc_block_at(issue, a->first_block + b);
		if (blk->type != DOC_JUMP)
			continue;
		int n = 0;
		pattern_jump_kind k = pattern_match_jump(blk->text.s, blk->text.len, &n);
		if (k == kind) {
			*page = n;
			return k;
		}
	}
	return PATTERN_JUMP_NONE;
}

/* The article on page `page` that continues (or is announced by) `from`.
 * `back_kind` is the kind of jump line the target carries pointing back
 * to from's page (PATTERN_JUMP_FROM for 下转, PATTERN_JUMP_TO for 上接). */
static int32_t find_partner(const doc_issue *issue, uint32_t from, int page,
			    pattern_jump_kind back_kind)
{
	int p = page_numbered(issue, page);
	if (p < 0)
		return -1;
	const doc_article *a = doc_article_at(issue, from);
	int from_page = doc_page_number(issue, a->page);
	const doc_page *pg = doc_page_at(issue, (size_t)p);
	int32_t best = -1;
	int best_score = 0;
	for (uint32_t k = 0; k < pg->narticles; k++) {
		uint32_t t = pg->first_article + k;
		if (t == from)
			continue;
		const doc_article *b = doc_article_at(issue, t);
		int sim = headline_similarity(a->field[DOC_F_HEADLINE], b->field[DOC_F_HEADLINE]);
		int back = 0;
		bool points_back = back_kind != PATTERN_JUMP_NONE &&
				   first_jump(issue, b, back_kind, &back) == back_kind && back == from_page;
		/* pointing back counts most; a headline alone must be close */
		int score = points_back ? 200 + sim : (sim >= 60 ? sim : 0);
		if (score > best_score) {
			best_score = score;
			best = (int32_t)t;
		}
	}
	return best;
}

link_jump link_jump_at(const doc_issue *issue, uint32_t article, uint32_t element)
{
	link_jump j = { PATTERN_JUMP_NONE, 0, -1 };
	const doc_article *a = doc_article_at(issue, article);
	if (doc_element_block_type(issue, a, element) != DOC_JUMP)
		return j;
	doc_str text = doc_element_text(issue, a, element);
	j.kind = pattern_match_jump(text.s, text.len, &j.page);
	switch (j.kind) {
	case PATTERN_JUMP_TO:
		j.target = find_partner(issue, article, j.page, PATTERN_JUMP_FROM);
		break;
	case PATTERN_JUMP_SEE:
		j.target = find_partner(issue, article, j.page, PATTERN_JUMP_NONE);
		break;
	case PATTERN_JUMP_FROM:
		j.target = find_partner(issue, article, j.page, PATTERN_JUMP_TO);
		break;
	case PATTERN_JUMP_NONE:
		break;
	}
	return j;
}

void link_resolve(doc_issue *issue)
{
	for (uint32_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t b = 0; b < a->nblocks; b++) {
			uint32_t e = DOC_NFIELDS + b;
			if (doc_element_block_type(issue, a, e) != DOC_JUMP)
				continue;
			link_jump j = link_jump_at(issue, i, e);
			if (j.kind != PATTERN_JUMP_TO || j.target < 0)
				continue;
			doc_article *from = doc_article_mut(issue, i);
			doc_article *to = doc_article_mut(issue, (size_t)j.target);
			if (from->continues < 0 && to->continued_from < 0) {
				from->continues = j.target;
				to->continued_from = (int32_t)i;
			}
		}
	}
}
