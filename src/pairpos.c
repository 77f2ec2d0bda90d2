/* pairpos.c — the positional lists of pairs of an issue (see pairpos.h). */
#include "pairpos.h"
#include "util.h"

#include <string.h>

/* The list of the pair at occ[*i] (its rows, run on to the next pair,
 * before n) written at o; *i moves past it. Returns its end. */
static unsigned char *list_write(const uint64_t *occ, const uint32_t *pos, size_t n, size_t *i,
				 unsigned char *o)
{
	size_t k = *i;
	uint64_t ab = occ[k] >> 32;
	uint32_t next_row = 0;
	while (k < n && occ[k] >> 32 == ab) {
		uint64_t run = occ[k] >> 8;
		size_t j = k + 1;
		while (j < n && occ[j] >> 8 == run)
			j++;
		uint32_t row = (uint32_t)occ[k] >> 8, prev = 0;
		/* most rows hold a pair once: then no length */
		o = util_put_varint(o, (row - next_row) << 1 | (j - k == 1));
		/* else the positions' bytes (so that a row is passed over
		 * without reading them), written after a byte for them and
		 * moved on when that takes more */
		unsigned char *at = o;
		if (j - k > 1)
			o++;
		unsigned char *from = o;
		for (; k < j; k++) {
			o = util_put_varint(o, (pos[k] - prev) << 1 | ((occ[k] & 0xFF) != 1));
			prev = pos[k];
		}
		if (at != from) {
			size_t len = (size_t)(o - from);
			if (len < 0x80) {
				*at = (unsigned char)len;
			} else {
				unsigned char v[5];
				size_t nv = (size_t)(util_put_varint(v, (uint32_t)len) - v);
				memmove(at + nv, from, len);
				memcpy(at, v, nv);
				o = at + nv + len;
			}
		}
		next_row = row + 1;
	}
	*i = k;
	return o;
}

/* A skip entry: the second code point of every SKIP-th pair of a group
 * and where that pair starts among the groups. */
enum { SKIP = 16 };

static void put_entry(unsigned char *e, uint32_t cp, uint32_t at)
{
	uint16_t c16 = (uint16_t)cp;
	memcpy(e, &c16, 2);
	memcpy(e + 2, &at, 4);
}

/* The group of first code point occ[*i] >> 48 (its pairs, before n)
 * written at groups + *w, its skip entries (when it has more than SKIP
 * pairs) appended to skips; *i and *w move past it. */
static void group_write(const uint64_t *occ, const uint32_t *pos, size_t n, size_t *i, unsigned char *groups,
			size_t *wat, util_buf *skips)
{
	size_t k = *i, e = k;
	uint32_t a = (uint32_t)(occ[k] >> 48), npairs = 0, prev_b = 0;
	for (uint64_t prev = UINT64_MAX; e < n && occ[e] >> 48 == a; e++)
		if (occ[e] >> 32 != prev) {
			prev = occ[e] >> 32;
			npairs++;
		}
	unsigned char *w = groups + *wat;
	for (uint32_t p = 0; k < e; p++) {
		uint32_t b = (uint32_t)(occ[k] >> 32) & 0xFFFF;
		if (npairs > SKIP && p % SKIP == 0) {
			unsigned char se[PAIRPOS_SKIP];
			put_entry(se, b, (uint32_t)(w - groups));
			util_buf_add(skips, se, sizeof se);
		}
		w = util_put_varint(w, b - prev_b);
		prev_b = b;
		/* the list written after a byte for its length, moved on when
		 * that takes more (few lists are 128 bytes or more) */
		unsigned char *end = list_write(occ, pos, e, &k, w + 1);
		size_t len = (size_t)(end - w - 1);
		if (len < 0x80) {
			*w = (unsigned char)len;
			w = end;
		} else {
			unsigned char v[5];
			size_t nv = (size_t)(util_put_varint(v, (uint32_t)len) - v);
			memmove(w + nv, w + 1, len);
			memcpy(w, v, nv);
			w += nv + len;
		}
	}
	*i = k;
	*wat = (size_t)(w - groups);
}

void pairpos_make(const uint64_t *occ, const uint32_t *pos, size_t n, util_buf *out, util_buf scratch[2])
{
	/* room for the most an occurrence can add to the groups: a
	 * position (5 bytes), a row's head (10), a pair's second and
	 * length (8); and an entry (10) */
	util_buf *gb = &scratch[0], *skips = &scratch[1];
	util_grow((void **)&gb->data, &gb->cap, 23 * n + 16, 1);
	util_grow((void **)&out->data, &out->cap, PAIRPOS_HEAD + (size_t)PAIRPOS_ENTRY * n + 16, 1);
	unsigned char *groups = (unsigned char *)gb->data;
	size_t w = 0;
	skips->len = 0;
	uint32_t nfirst = 0;
	for (size_t i = 0; i < n; nfirst++) {
		unsigned char *e = (unsigned char *)out->data + PAIRPOS_HEAD + (size_t)nfirst * PAIRPOS_ENTRY;
		uint32_t skip_at = (uint32_t)(skips->len / PAIRPOS_SKIP);
		put_entry(e, (uint32_t)(occ[i] >> 48), (uint32_t)w);
		memcpy(e + 6, &skip_at, 4);
		group_write(occ, pos, n, &i, groups, &w, skips);
	}
	uint32_t nskip = (uint32_t)(skips->len / PAIRPOS_SKIP);
	memcpy(out->data, &nfirst, 4);
	memcpy(out->data + 4, &nskip, 4);
	out->len = PAIRPOS_HEAD + (size_t)nfirst * PAIRPOS_ENTRY;
	util_buf_add(out, skips->data, skips->len);
	util_buf_add(out, groups, w);
}

bool pairpos_head_read(pairpos_head *h, const unsigned char *head8, size_t row_len)
{
	uint32_t nfirst, nskip;
	memcpy(&nfirst, head8, 4);
	memcpy(&nskip, head8 + 4, 4);
	uint64_t at = PAIRPOS_HEAD + (uint64_t)nfirst * PAIRPOS_ENTRY + (uint64_t)nskip * PAIRPOS_SKIP;
	if (row_len < PAIRPOS_HEAD || at > row_len)
		return false;
	h->nfirst = nfirst;
	h->nskip = nskip;
	h->groups_at = (uint32_t)at;
	h->groups_len = (uint32_t)(row_len - at);
	return true;
}

static uint32_t entry_u32(const unsigned char *e, size_t off)
{
	uint32_t v;
	memcpy(&v, e + off, 4);
	return v;
}

static uint16_t entry_u16(const unsigned char *e)
{
	uint16_t v;
	memcpy(&v, e, 2);
	return v;
}

/* The index of the entry of a (entries of `size` bytes, n of them,
 * ascending by their first u16), or n. */
static uint32_t entry_index(const unsigned char *v, uint32_t n, size_t size, uint32_t a)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (entry_u16(v + (size_t)mid * size) < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && entry_u16(v + (size_t)lo * size) == a ? lo : n;
}

bool pairpos_slice_of(const pairpos_head *h, uint32_t a, uint32_t b, pairpos_slice *sl)
{
	uint32_t i = entry_index(h->entries, h->nfirst, PAIRPOS_ENTRY, a);
	if (i == h->nfirst)
		return false;
	const unsigned char *e = h->entries + (size_t)i * PAIRPOS_ENTRY;
	uint32_t from = entry_u32(e, 2), to = h->groups_len, s_from = entry_u32(e, 6), s_to = h->nskip;
	if (i + 1 < h->nfirst) {
		to = entry_u32(e + PAIRPOS_ENTRY, 2);
		s_to = entry_u32(e + PAIRPOS_ENTRY, 6);
	}
	if (from > to || to > h->groups_len || s_from > s_to || s_to > h->nskip)
		return false;
	*sl = (pairpos_slice){ from, to, 0, false };
	if (s_from == s_to)
		return true;    /* a few pairs: walked from the first */
	/* the last skip entry at or before b: the walk starts there */
	const unsigned char *sk = h->skips + (size_t)s_from * PAIRPOS_SKIP;
	uint32_t n = s_to - s_from, lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (entry_u16(sk + (size_t)mid * PAIRPOS_SKIP) <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;   /* below its first pair */
	const unsigned char *s = sk + (size_t)(lo - 1) * PAIRPOS_SKIP;
	uint32_t at = entry_u32(s, 2), end = lo < n ? entry_u32(s + PAIRPOS_SKIP, 2) : to;
	if (at < from || at > end || end > to)
		return false;
	*sl = (pairpos_slice){ at, end, entry_u16(s), true };
	return true;
}

bool pairpos_slice_find(const unsigned char *g, size_t len, const pairpos_slice *sl, uint32_t b,
			const unsigned char **list, size_t *list_len)
{
	const unsigned char *gend = g + len;
	uint32_t second = sl->second;
	bool first = sl->jumped;
	while (g < gend) {
		uint32_t d, llen;
		if (!util_get_varint(&g, gend, &d) || !util_get_varint(&g, gend, &llen) || llen > (size_t)(gend - g))
			return false;
		if (first)
			first = false;  /* the skip entry's own second */
		else
			second += d;
		if (second == b) {
			*list = g;
			*list_len = llen;
			return true;
		}
		if (second > b)
			return false;
		g += llen;
	}
	return false;
}

void pairpos_start(pairpos_list *l, const unsigned char *p, size_t len)
{
	*l = (pairpos_list){ .p = p, .end = p + len };
}

bool pairpos_seek(pairpos_list *l, uint32_t row)
{
	if (l->pos && l->row >= row)
		return true;
	const unsigned char *q = l->pos ? l->pos_end : l->p;
	while (q < l->end) {
		uint32_t d, m;
		if (!util_get_varint(&q, l->end, &d))
			break;
		const unsigned char *pos = q;
		if (d & 1) {            /* one position */
			while (q < l->end && *q & 0x80)
				q++;
			if (q++ >= l->end)
				break;
		} else {
			if (!util_get_varint(&pos, l->end, &m) || m > (size_t)(l->end - pos))
				break;
			q = pos + m;
		}
		l->row = l->next_row + (d >> 1);
		l->next_row = l->row + 1;
		l->pos = pos;
		l->pos_end = q;
		if (l->row >= row)
			return true;
	}
	l->pos = NULL;
	l->p = l->end;
	return false;
}

/* A list's positions in one row, read one at a time. */
typedef struct cursor {
	const unsigned char *q, *end;
	uint32_t at;
	bool heavy;
} cursor;

static inline bool cursor_next(cursor *c)
{
	uint32_t v;
	if (c->q >= c->end || !util_get_varint(&c->q, c->end, &v))
		return false;
	c->at += v >> 1;
	c->heavy = v & 1;
	return true;
}

uint32_t pairpos_hits(const pairpos_list *l, const uint32_t *offs, size_t k, uint32_t span,
		      uint32_t *tf)
{
	cursor c[PAIRPOS_MAX];
	*tf = 0;
	if (k == 0 || k > PAIRPOS_MAX)
		return 0;
	for (size_t j = 0; j < k; j++) {
		c[j] = (cursor){ l[j].pos, l[j].pos_end, 0, false };
		if (!l[j].pos || !cursor_next(&c[j]))
			return 0;
	}
	uint32_t hits = 0;
	uint64_t free_from = 0;         /* a hit starting before it overlaps the last */
	do {
		uint64_t t = c[0].at;
		bool all = true;
		for (size_t j = 1; j < k && all; j++) {
			uint64_t want = t + offs[j];
			while (c[j].at < want)
				if (!cursor_next(&c[j]))
					return hits;    /* no pair j further on: no more hits */
			all = c[j].at == want;
		}
		if (all && t >= free_from) {
			hits++;
			*tf += c[0].heavy ? 4 : 1;
			free_from = t + span;
		}
	} while (cursor_next(&c[0]));
	return hits;
}

size_t pairpos_cover(size_t n, uint32_t *offs)
{
	if (n < 3 || (n + 1) / 2 > PAIRPOS_MAX)
		return 0;
	size_t k = 0;
	for (uint32_t o = 0; o + 1 < n; o += 2)
		offs[k++] = o;
	if (n % 2)
		offs[k++] = (uint32_t)n - 2;
	return k;
}
