/* link.c — jump lines between pages; see link.h.
 *
 * A continuation is found on the page the jump line names: the article
 * there whose jump line points back ("上接第1版") and whose headline
 * matches best, else the article with the most similar headline (papers
 * repeat the headline, sometimes shortened, above the continuation).
 *
 * The index is one hash table from 64-bit keys to lists of numbers:
 *   PAGE n      → the pages printed as number n, in issue order;
 *   WAIT n      → jumps waiting for a page numbered n to arrive;
 *   HEAD p,xy   → articles of page p whose headline has the Han pair xy;
 *   BACK k p,n  → articles of page p whose first jump of kind k names n.
 * Keys are exact (a page index over 2^24 could share a key: candidates
 * are scored afterwards, so a shared key costs time, never a wrong link).
 * Lists keep insertion order; a cursor skips, once and for all, the
 * articles at the front that another 下转 has already claimed, so a page
 * of thousands of identical headlines is still linked in linear time.
 *
 * Which page: for 下转 and 详见, the first page with that number from the
 * jump's own page on (an issue made of two copies links each copy within
 * itself), else the last one before it; for 上接, the last one up to its
 * own page, else the first after.
 */
#include "link.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum {
	PAIRS_MAX = 24,         /* Han pairs of a headline indexed and compared */
	BACK_EXAMINED = 8,      /* candidates per jump pointing back */
	HEAD_EXAMINED = 4,      /* candidates per headline pair */
	SKIPPED_MAX = 16,       /* claimed entries passed over in one list */
};

enum key_tag { T_PAGE = 1, T_WAIT, T_HEAD, T_BACK_TO, T_BACK_FROM };

#define NIL UINT32_MAX

typedef struct slot {
	uint64_t key;
	uint32_t head, tail;    /* nodes */
	uint32_t cursor;        /* first node not known to be claimed */
} slot;

typedef struct node {
	uint32_t value, next;
} node;

struct link_index {
	doc_issue *issue;
	uint32_t *table;        /* slot index + 1; 0 = empty */
	size_t table_size;      /* power of two */
	slot *slots;
	size_t nslots, slots_cap;
	node *nodes;
	size_t nnodes, nodes_cap;
	uint32_t *waits;        /* slots of WAIT lists, for the end */
	size_t nwaits, waits_cap;

	int32_t *back_to, *back_from;   /* per article: page named by its first 下转 / 上接 */
	uint32_t *stamp;                /* per article: last jump that took it as candidate */
	size_t articles_cap;
	uint32_t *jump_article;         /* per jump */
	size_t jumps_cap;

	size_t page;            /* page being linked */
	int phase;              /* 0 start a page, 1 index its articles, 2 resolve those waiting for it, 3 its jumps */
	uint32_t next_article;  /* to index */
	uint32_t next_jump;     /* to index (phase 1) */
	uint32_t resolve_jump;  /* to resolve (phase 3) */
	uint32_t wait_node;     /* phase 2: next waiting jump */
	size_t end_wait;        /* at the end: next WAIT list */
	uint32_t serial;
};

/* ---- the table ---- */

static uint64_t make_key(enum key_tag tag, uint32_t a, uint32_t b)
{
	return (uint64_t)tag << 56 | (uint64_t)(a & 0xffffffu) << 32 | b;
}

static size_t hash_key(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ull;
	k ^= k >> 33;
	return (size_t)k;
}

static void rehash(link_index *li)
{
	size_t size = li->table_size ? li->table_size * 2 : 1024;
	free(li->table);
	li->table = util_calloc(size, sizeof *li->table);
	li->table_size = size;
	for (size_t s = 0; s < li->nslots; s++) {
		size_t h = hash_key(li->slots[s].key) & (size - 1);
		while (li->table[h])
			h = (h + 1) & (size - 1);
		li->table[h] = (uint32_t)s + 1;
	}
}

static uint32_t find_slot(const link_index *li, uint64_t key)
{
	if (!li->table_size)
		return NIL;
	size_t mask = li->table_size - 1;
	for (size_t h = hash_key(key) & mask; li->table[h]; h = (h + 1) & mask)
		if (li->slots[li->table[h] - 1].key == key)
			return li->table[h] - 1;
	return NIL;
}

static uint32_t get_slot(link_index *li, uint64_t key)
{
	uint32_t s = find_slot(li, key);
	if (s != NIL)
		return s;
	if ((li->nslots + 1) * 2 > li->table_size)
		rehash(li);
	slot n = { key, NIL, NIL, NIL };
	UTIL_PUSH(li->slots, li->nslots, li->slots_cap, n);
	size_t mask = li->table_size - 1, h = hash_key(key) & mask;
	while (li->table[h])
		h = (h + 1) & mask;
	li->table[h] = (uint32_t)li->nslots;
	return (uint32_t)li->nslots - 1;
}

static void push(link_index *li, uint64_t key, uint32_t value)
{
	uint32_t s = get_slot(li, key);
	node n = { value, NIL };
	UTIL_PUSH(li->nodes, li->nnodes, li->nodes_cap, n);
	uint32_t id = (uint32_t)li->nnodes - 1;
	slot *sl = &li->slots[s];
	if (sl->tail == NIL)
		sl->head = sl->cursor = id;
	else
		li->nodes[sl->tail].next = id;
	sl->tail = id;
	if (sl->cursor == NIL)
		sl->cursor = id;
}

/* ---- headlines ---- */

/* The first PAIRS_MAX pairs of adjacent Han characters of s, each as
 * (c1 << 16 | c2) with the byte span it came from. */
typedef struct pairs {
	uint32_t code[PAIRS_MAX];
	const char *at[PAIRS_MAX];
	uint8_t len[PAIRS_MAX];
	size_t n;
} pairs;

static void han_pairs(doc_str s, pairs *out)
{
	out->n = 0;
	text_han_pairs it;
	text_han_pair hp;
	text_han_pairs_init(&it, s.s, s.len);
	while (out->n < PAIRS_MAX && text_han_pairs_next(&it, &hp)) {
		out->code[out->n] = (hp.c1 & 0xffff) << 16 | (hp.c2 & 0xffff);
		out->at[out->n] = hp.at;
		out->len[out->n] = (uint8_t)hp.len;
		out->n++;
	}
}

/* Share of a's Han pairs (the first PAIRS_MAX) that b has too, in percent. */
static int similarity(doc_str a, const pairs *pa, doc_str b)
{
	if (!a.len || !b.len)
		return 0;
	if (doc_str_eq(a, b))
		return 100;
	int shared = 0;
	for (size_t i = 0; i < pa->n; i++)
		shared += memmem(b.s, b.len, pa->at[i], pa->len[i]) != NULL;
	return pa->n ? shared * 100 / (int)pa->n : 0;
}

/* ---- indexing ---- */

static void grow_articles(link_index *li, size_t n)
{
	if (n <= li->articles_cap)
		return;
	size_t cap = li->articles_cap, c2 = cap, c3 = cap;
	util_grow((void **)&li->back_to, &li->articles_cap, n, sizeof *li->back_to);
	util_grow((void **)&li->back_from, &c2, li->articles_cap, sizeof *li->back_from);
	util_grow((void **)&li->stamp, &c3, li->articles_cap, sizeof *li->stamp);
	memset(li->stamp + cap, 0, (li->articles_cap - cap) * sizeof *li->stamp);
}

static void index_article(link_index *li, uint32_t t)
{
	const doc_article *a = doc_article_at(li->issue, t);
	grow_articles(li, (size_t)t + 1);
	li->back_to[t] = li->back_from[t] = -1;
	pairs pa;
	han_pairs(a->field[DOC_F_HEADLINE], &pa);
	for (size_t i = 0; i < pa.n; i++) {
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = pa.code[k] == pa.code[i];
		if (!seen)
			push(li, make_key(T_HEAD, a->page, pa.code[i]), t);
	}
	uint32_t end = a->first_block + a->nblocks;
	size_t nj = doc_njumps(li->issue);
	for (; li->next_jump < nj && doc_jump_at(li->issue, li->next_jump)->block < end; li->next_jump++) {
		const doc_jump *j = doc_jump_at(li->issue, li->next_jump);
		if (li->next_jump >= li->jumps_cap)
			util_grow((void **)&li->jump_article, &li->jumps_cap, (size_t)li->next_jump + 1,
				  sizeof *li->jump_article);
		li->jump_article[li->next_jump] = t;
		if (j->kind == DOC_JUMP_TO && li->back_to[t] < 0) {
			li->back_to[t] = j->page;
			push(li, make_key(T_BACK_TO, a->page, (uint32_t)j->page), t);
		} else if (j->kind == DOC_JUMP_FROM && li->back_from[t] < 0) {
			li->back_from[t] = j->page;
			push(li, make_key(T_BACK_FROM, a->page, (uint32_t)j->page), t);
		}
	}
}

/* ---- resolving ---- */

typedef struct search {
	const link_index *li;
	uint32_t from;
	doc_str headline;
	pairs pa;
	int from_page;          /* number of from's page */
	doc_jump_kind back;     /* what a partner's jump pointing back is */
	bool skip_claimed;      /* 下转: articles already continuing another are no partner */
	int32_t best;
	int best_score;
} search;

static bool claimed(const link_index *li, uint32_t t)
{
	return doc_article_at(li->issue, t)->continued_from >= 0;
}

static void consider(search *s, uint32_t t)
{
	link_index *li = (link_index *)s->li;
	if (t == s->from || li->stamp[t] == li->serial)
		return;
	li->stamp[t] = li->serial;
	const doc_article *b = doc_article_at(li->issue, t);
	int sim = similarity(s->headline, &s->pa, b->field[DOC_F_HEADLINE]);
	int32_t back = s->back == DOC_JUMP_FROM ? li->back_from[t] :
		       s->back == DOC_JUMP_TO ? li->back_to[t] : -1;
	bool points_back = s->back != DOC_JUMP_NONE && back == s->from_page;
	/* pointing back counts most; a headline alone must be close */
	int score = points_back ? 200 + sim : (sim >= 60 ? sim : 0);
	if (score > s->best_score || (score == s->best_score && score > 0 && (int32_t)t < s->best)) {
		s->best_score = score;
		s->best = (int32_t)t;
	}
}

/* Candidates from one list: at most `examined`, passing over claimed
 * ones (those at the front for good). */
static void consider_list(search *s, uint64_t key, size_t examined)
{
	link_index *li = (link_index *)s->li;
	uint32_t sl = find_slot(li, key);
	if (sl == NIL)
		return;
	slot *l = &li->slots[sl];
	uint32_t n = s->skip_claimed ? l->cursor : l->head;
	if (s->skip_claimed) {
		while (n != NIL && claimed(li, li->nodes[n].value))
			n = li->nodes[n].next;
		l->cursor = n;
	}
	size_t skipped = 0;
	for (; n != NIL && examined > 0; n = li->nodes[n].next) {
		uint32_t t = li->nodes[n].value;
		if (s->skip_claimed && claimed(li, t)) {
			if (++skipped > SKIPPED_MAX)
				break;
			continue;
		}
		consider(s, t);
		examined--;
	}
}

static int32_t find_partner(link_index *li, uint32_t from, const doc_jump *j, uint32_t page)
{
	const doc_article *a = doc_article_at(li->issue, from);
	if (j->kind == DOC_JUMP_FROM && a->continued_from >= 0)
		return a->continued_from;       /* the one form of a link: found from the 下转 side */
	search s = { .li = li, .from = from, .headline = a->field[DOC_F_HEADLINE],
		     .from_page = doc_page_number(li->issue, a->page), .best = -1 };
	s.back = j->kind == DOC_JUMP_TO ? DOC_JUMP_FROM : j->kind == DOC_JUMP_FROM ? DOC_JUMP_TO : DOC_JUMP_NONE;
	s.skip_claimed = j->kind == DOC_JUMP_TO && a->continues < 0;
	han_pairs(s.headline, &s.pa);
	if (++li->serial == 0) {
		if (li->articles_cap)
			memset(li->stamp, 0, li->articles_cap * sizeof *li->stamp);
		li->serial = 1;
	}
	if (s.back != DOC_JUMP_NONE)
		consider_list(&s, make_key(s.back == DOC_JUMP_FROM ? T_BACK_FROM : T_BACK_TO, page,
					   (uint32_t)s.from_page), BACK_EXAMINED);
	for (size_t i = 0; i < s.pa.n; i++)
		consider_list(&s, make_key(T_HEAD, page, s.pa.code[i]), HEAD_EXAMINED);
	return s.best;
}

/* Settles jump j on page index `page` (-1: the issue has no such page). */
static void settle(link_index *li, uint32_t jump, int32_t page)
{
	doc_jump *j = doc_jump_mut(li->issue, jump);
	uint32_t from = li->jump_article[jump];
	j->page_index = page;
	j->target = page < 0 ? DOC_TARGET_NONE : find_partner(li, from, j, (uint32_t)page);
	if (j->kind != DOC_JUMP_TO || j->target < 0)
		return;
	doc_article *a = doc_article_mut(li->issue, from);
	doc_article *t = doc_article_mut(li->issue, (size_t)j->target);
	if (a->continues < 0 && t->continued_from < 0) {
		a->continues = j->target;
		t->continued_from = (int32_t)from;
	}
}

/* The pages numbered n: first and last list nodes, or NIL. */
static uint32_t pages_numbered(const link_index *li, int32_t n, bool last)
{
	if (n < 0)
		return NIL;
	uint32_t s = find_slot(li, make_key(T_PAGE, 0, (uint32_t)n));
	if (s == NIL)
		return NIL;
	uint32_t node_id = last ? li->slots[s].tail : li->slots[s].head;
	return node_id == NIL ? NIL : li->nodes[node_id].value;
}

/* A jump of the page being linked: settled now when its page is known,
 * else it waits for a page with that number. */
static void resolve_now_or_wait(link_index *li, uint32_t jump)
{
	const doc_jump *j = doc_jump_at(li->issue, jump);
	uint32_t last = pages_numbered(li, j->page, true);  /* all <= li->page */
	if (j->kind == DOC_JUMP_FROM ? last != NIL : last == (uint32_t)li->page) {
		settle(li, jump, (int32_t)last);
		return;
	}
	uint64_t key = make_key(T_WAIT, 0, (uint32_t)j->page);
	if (find_slot(li, key) == NIL) {
		uint32_t s = get_slot(li, key);
		UTIL_PUSH(li->waits, li->nwaits, li->waits_cap, s);
	}
	push(li, key, jump);
}

/* ---- steps ---- */

link_index *link_new(doc_issue *issue)
{
	link_index *li = util_calloc(1, sizeof *li);
	li->issue = issue;
	return li;
}

void link_free(link_index *li)
{
	if (!li)
		return;
	free(li->table);
	free(li->slots);
	free(li->nodes);
	free(li->waits);
	free(li->back_to);
	free(li->back_from);
	free(li->stamp);
	free(li->jump_article);
	free(li);
}

/* One unit of work on the page being linked; false when the page is done. */
static bool page_unit(link_index *li)
{
	const doc_page *pg = doc_page_at(li->issue, li->page);
	switch (li->phase) {
	case 0: {
		int n = doc_page_number(li->issue, li->page);
		if (n >= 0)
			push(li, make_key(T_PAGE, 0, (uint32_t)n), (uint32_t)li->page);
		li->next_article = pg->first_article;
		li->phase = 1;
		return true;
	}
	case 1:
		if (li->next_article < pg->first_article + pg->narticles) {
			index_article(li, li->next_article++);
			return true;
		}
		li->phase = 2;
		li->wait_node = NIL;
		{
			int n = doc_page_number(li->issue, li->page);
			uint32_t s = n < 0 ? NIL : find_slot(li, make_key(T_WAIT, 0, (uint32_t)n));
			if (s != NIL) {
				li->wait_node = li->slots[s].head;
				li->slots[s].head = li->slots[s].tail = li->slots[s].cursor = NIL;
			}
		}
		return true;
	case 2:
		if (li->wait_node != NIL) {
			settle(li, li->nodes[li->wait_node].value, (int32_t)li->page);
			li->wait_node = li->nodes[li->wait_node].next;
			return true;
		}
		li->phase = 3;
		return true;
	default:
		if (li->resolve_jump < li->next_jump) {
			resolve_now_or_wait(li, li->resolve_jump++);
			return true;
		}
		li->phase = 0;
		li->page++;
		return false;
	}
}

/* One waiting jump settled at the end: no page with its number came
 * after it, so the last one before (or none). */
static bool end_unit(link_index *li)
{
	while (li->end_wait < li->nwaits) {
		slot *s = &li->slots[li->waits[li->end_wait]];
		if (s->head == NIL) {
			li->end_wait++;
			continue;
		}
		uint32_t jump = li->nodes[s->head].value;
		s->head = li->nodes[s->head].next;
		const doc_jump *j = doc_jump_at(li->issue, jump);
		uint32_t last = j->kind == DOC_JUMP_FROM ? NIL : pages_numbered(li, j->page, true);
		settle(li, jump, last == NIL ? -1 : (int32_t)last);
		return true;
	}
	return false;
}

bool link_step(link_index *li, size_t pages_done, bool last, size_t budget)
{
	for (size_t done = 0; done < budget; done++) {
		if (li->page < pages_done) {
			page_unit(li);
			continue;
		}
		if (!last || !end_unit(li))
			return true;
	}
	return li->page >= pages_done && (!last || li->end_wait >= li->nwaits);
}

void link_resolve(doc_issue *issue)
{
	link_index *li = link_new(issue);
	link_step(li, doc_npages(issue), true, SIZE_MAX);
	link_free(li);
}
