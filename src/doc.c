/* doc.c — the document model; see doc.h. */
#include "doc.h"
#include "util.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The arena: a list of chunks; big requests get a chunk of their own so
 * nothing is ever moved once handed out. */
typedef struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	char data[];
} arena_chunk;

enum { ARENA_CHUNK = 1 << 20 };

struct doc_issue {
	doc_page *pages;
	size_t npages, pages_cap;
	doc_source *sources;            /* one per page, same index */
	doc_article *articles;
	size_t narticles, articles_cap;
	doc_block *blocks;
	size_t nblocks, blocks_cap;
	doc_str *banners;
	size_t nbanners, banners_cap;
	doc_str *captions;
	uint32_t *caption_credit;       /* one per caption, same index */
	size_t ncaptions, captions_cap;
	doc_jump *jumps;
	size_t njumps, jumps_cap;
	char **names;                   /* page names, owned */
	arena_chunk *arena;
	doc_shown_fn shown;             /* display conversion (doc_set_shown) */
	void *shown_ctx;
};

doc_issue *doc_issue_new(void)
{
	return util_calloc(1, sizeof(doc_issue));
}

void doc_issue_free(doc_issue *issue)
{
	if (!issue)
		return;
	for (size_t i = 0; i < issue->npages; i++) {
		if (issue->sources[i].release)
			issue->sources[i].release(issue->sources[i].owner);
		free(issue->names[i]);
	}
	for (arena_chunk *c = issue->arena, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(issue->pages);
	free(issue->sources);
	free(issue->names);
	free(issue->articles);
	free(issue->blocks);
	free(issue->banners);
	free(issue->captions);
	free(issue->caption_credit);
	free(issue->jumps);
	free(issue);
}

char *doc_arena_alloc(doc_issue *issue, size_t len)
{
	arena_chunk *c = issue->arena;
	if (!c || c->size - c->used < len) {
		size_t size = len > ARENA_CHUNK / 4 ? len : ARENA_CHUNK;
		arena_chunk *n = util_malloc(sizeof(arena_chunk) + size);
		n->used = 0;
		n->size = size;
		if (c && size != ARENA_CHUNK) {
			/* keep the partly used chunk at the head for small requests */
			n->next = c->next;
			c->next = n;
			n->used = len;
			return n->data;
		}
		n->next = c;
		issue->arena = c = n;
	}
	char *p = c->data + c->used;
	c->used += len;
	return p;
}

doc_str doc_arena_dup(doc_issue *issue, const char *s, size_t len)
{
	char *p = doc_arena_alloc(issue, len);
	if (len)
		memcpy(p, s, len);
	return doc_str_make(p, len);
}

void doc_begin_page(doc_issue *issue, char *name, doc_source src)
{
	size_t cap = issue->pages_cap;
	if (issue->npages >= cap) {
		util_grow((void **)&issue->pages, &issue->pages_cap,
			  issue->npages + 1, sizeof(doc_page));
		size_t c2 = cap;
		util_grow((void **)&issue->sources, &c2, issue->pages_cap, sizeof(doc_source));
		c2 = cap;
		util_grow((void **)&issue->names, &c2, issue->pages_cap, sizeof(char *));
	}
	size_t i = issue->npages++;
	issue->names[i] = name;
	issue->sources[i] = src;
	doc_page *p = &issue->pages[i];
	memset(p, 0, sizeof(*p));
	p->name = doc_str_make(name, strlen(name));
	p->first_banner = (uint32_t)issue->nbanners;
	p->first_article = (uint32_t)issue->narticles;
	p->first_caption = (uint32_t)issue->ncaptions;
}

static doc_page *current_page(doc_issue *issue)
{
	assert(issue->npages > 0);
	return &issue->pages[issue->npages - 1];
}

void doc_add_banner(doc_issue *issue, doc_str text)
{
	UTIL_PUSH(issue->banners, issue->nbanners, issue->banners_cap, text);
	current_page(issue)->nbanners++;
}

void doc_set_page_label(doc_issue *issue, doc_str text)
{
	current_page(issue)->label = text;
}

void doc_set_page_script(doc_issue *issue, int script)
{
	current_page(issue)->script = (uint8_t)script;
}

doc_article *doc_begin_article(doc_issue *issue)
{
	if (issue->narticles >= DOC_MAX_ARTICLES)
		util_fatal("%s: more than %u articles: kanbao reads at most that many in one issue",
			   issue->names[issue->npages - 1], (unsigned)DOC_MAX_ARTICLES);
	doc_article a;
	memset(&a, 0, sizeof(a));
	a.page = (uint32_t)(issue->npages - 1);
	a.first_block = (uint32_t)issue->nblocks;
	a.continues = -1;
	a.continued_from = -1;
	UTIL_PUSH(issue->articles, issue->narticles, issue->articles_cap, a);
	current_page(issue)->narticles++;
	return &issue->articles[issue->narticles - 1];
}

void doc_add_block(doc_issue *issue, doc_block_type type, doc_str text)
{
	assert(issue->narticles > 0);
	doc_block b = { text, (uint8_t)type, text.len };
	UTIL_PUSH(issue->blocks, issue->nblocks, issue->blocks_cap, b);
	issue->articles[issue->narticles - 1].nblocks++;
}

void doc_add_caption(doc_issue *issue, doc_str text, uint32_t credit)
{
	doc_add_block(issue, DOC_CAPTION, text);
	issue->blocks[issue->nblocks - 1].credit = credit < text.len ? credit : text.len;
}

void doc_add_jump(doc_issue *issue, doc_str text, doc_jump_kind kind, int page)
{
	doc_jump j = { (uint32_t)issue->nblocks, (uint8_t)kind, page, -1, DOC_TARGET_PENDING };
	doc_add_block(issue, DOC_JUMP, text);
	UTIL_PUSH(issue->jumps, issue->njumps, issue->jumps_cap, j);
}

size_t doc_njumps(const doc_issue *issue) { return issue->njumps; }

const doc_jump *doc_jump_at(const doc_issue *issue, size_t i)
{
	assert(i < issue->njumps);
	return &issue->jumps[i];
}

doc_jump *doc_jump_mut(doc_issue *issue, size_t i)
{
	assert(i < issue->njumps);
	return &issue->jumps[i];
}

const doc_jump *doc_jump_of(const doc_issue *issue, uint32_t block)
{
	size_t lo = 0, hi = issue->njumps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (issue->jumps[mid].block < block)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < issue->njumps && issue->jumps[lo].block == block ? &issue->jumps[lo] : NULL;
}

const doc_jump *doc_element_jump(const doc_issue *issue, const doc_article *a, uint32_t e)
{
	if (e < DOC_NFIELDS || e - DOC_NFIELDS >= a->nblocks)
		return NULL;
	return doc_jump_of(issue, a->first_block + (e - DOC_NFIELDS));
}

void doc_add_page_caption(doc_issue *issue, doc_str text, uint32_t credit)
{
	size_t cap = issue->captions_cap;
	UTIL_PUSH(issue->captions, issue->ncaptions, issue->captions_cap, text);
	if (issue->captions_cap != cap)
		issue->caption_credit = util_reallocarray(issue->caption_credit, issue->captions_cap,
							  sizeof *issue->caption_credit);
	issue->caption_credit[issue->ncaptions - 1] = credit < text.len ? credit : text.len;
	current_page(issue)->ncaptions++;
}

uint32_t doc_page_caption_credit(const doc_issue *issue, size_t i)
{
	assert(i < issue->ncaptions);
	return issue->caption_credit[i];
}

doc_source doc_page_source(const doc_issue *issue, size_t page)
{
	return issue->sources[page];
}

size_t doc_npages(const doc_issue *issue) { return issue->npages; }
size_t doc_narticles(const doc_issue *issue) { return issue->narticles; }
size_t doc_nblocks(const doc_issue *issue) { return issue->nblocks; }
size_t doc_ncaptions(const doc_issue *issue) { return issue->ncaptions; }

const doc_page *doc_page_at(const doc_issue *issue, size_t i)
{
	assert(i < issue->npages);
	return &issue->pages[i];
}

const doc_article *doc_article_at(const doc_issue *issue, size_t i)
{
	assert(i < issue->narticles);
	return &issue->articles[i];
}

doc_article *doc_article_mut(doc_issue *issue, size_t i)
{
	assert(i < issue->narticles);
	return &issue->articles[i];
}

const doc_block *doc_block_at(const doc_issue *issue, size_t i)
{
	assert(i < issue->nblocks);
	return &issue->blocks[i];
}

const doc_str *doc_banner_at(const doc_issue *issue, size_t i)
{
	assert(i < issue->nbanners);
	return &issue->banners[i];
}

const doc_str *doc_page_caption_at(const doc_issue *issue, size_t i)
{
	assert(i < issue->ncaptions);
	return &issue->captions[i];
}

uint32_t doc_article_nelements(const doc_article *a)
{
	return DOC_NFIELDS + a->nblocks;
}

doc_str doc_element_text(const doc_issue *issue, const doc_article *a, uint32_t e)
{
	if (e < DOC_NFIELDS)
		return a->field[e];
	assert(e - DOC_NFIELDS < a->nblocks);
	return issue->blocks[a->first_block + e - DOC_NFIELDS].text;
}

int doc_element_block_type(const doc_issue *issue, const doc_article *a, uint32_t e)
{
	if (e < DOC_NFIELDS)
		return -1;
	return issue->blocks[a->first_block + e - DOC_NFIELDS].type;
}

/* 第N版 in the label gives the printed page number. */
static int printed_number(doc_str label)
{
	static const char di[] = "\xe7\xac\xac";   /* 第 */
	static const char ban[] = "\xe7\x89\x88";  /* 版 */
	if (!label.len)
		return 0;
	const char *s = label.s, *end = label.s + label.len;
	for (; s + 3 < end; s++) {
		if (memcmp(s, di, 3) != 0)
			continue;
		const char *d = s + 3;
		int n = 0, digits = 0;
		while (d < end && *d >= '0' && *d <= '9' && digits < 4) {
			n = n * 10 + (*d++ - '0');
			digits++;
		}
		if (digits && end - d >= 3 && memcmp(d, ban, 3) == 0)
			return n;
	}
	return 0;
}

int doc_page_number(const doc_issue *issue, size_t page)
{
	int n = printed_number(doc_page_at(issue, page)->label);
	return n > 0 ? n : (int)page + 1;
}

/* A sample of the text: its length, its first and last 64 KiB and 4 KiB
 * of every MiB between. Enough to know an issue again, without reading a
 * whole archive (and bringing all of it into memory) at start-up. */
static uint64_t source_fingerprint(const doc_source *src, uint64_t h)
{
	enum { EDGE = 64 << 10, STEP = 1 << 20, PROBE = 4 << 10 };
	h = util_hash(&src->len, sizeof src->len, h);
	if (src->len <= 2 * EDGE)
		return util_hash(src->text, src->len, h);
	h = util_hash(src->text, EDGE, h);
	for (size_t off = STEP; off + PROBE < src->len - EDGE; off += STEP)
		h = util_hash(src->text + off, PROBE, h);
	return util_hash(src->text + src->len - EDGE, EDGE, h);
}

uint64_t doc_sources_fingerprint(const doc_source *const *sources, size_t n)
{
	uint64_t h = 0x6b616e62616fULL;     /* "kanbao" */
	for (size_t i = 0; i < n; i++)
		h = source_fingerprint(sources[i], h);
	return h;
}

uint64_t doc_issue_fingerprint(const doc_issue *issue)
{
	const doc_source **src = util_malloc((issue->npages ? issue->npages : 1) * sizeof *src);
	for (size_t i = 0; i < issue->npages; i++)
		src[i] = &issue->sources[i];
	uint64_t h = doc_sources_fingerprint(src, issue->npages);
	free(src);
	return h;
}

bool doc_str_eq(doc_str a, doc_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0);
}

void doc_set_shown(doc_issue *issue, doc_shown_fn fn, void *ctx)
{
	issue->shown = fn;
	issue->shown_ctx = ctx;
}

doc_str doc_element_shown(const doc_issue *issue, uint32_t article, uint32_t e)
{
	if (issue->shown)
		return issue->shown(issue->shown_ctx, article, e);
	if (article == UINT32_MAX)
		return *doc_page_caption_at(issue, e);
	return doc_element_text(issue, doc_article_at(issue, article), e);
}
