/* pairpos.c — the positional lists of pairs of an issue (see pairpos.h). */
#include "pairpos.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The byte for a list's length written before it, moved on when the
 * list takes 128 bytes or more (few do); returns the list's end. */
static inline unsigned char *list_len_fix(unsigned char *at, unsigned char *end)
{
	size_t len = (size_t)(end - at - 1);
	if (len < 0x80) {
		*at = (unsigned char)len;
		return end;
	}
	unsigned char v[5];
	size_t nv = (size_t)(util_put_varint(v, (uint32_t)len) - v);
	memmove(at + nv, at + 1, len);
	memcpy(at, v, nv);
	return at + nv + len;
}

/* The list of the pair at occ[*i] (its rows, run on to the next pair,
 * before n) written at o; *i moves past it. Returns its end. When
 * `counted`, its list of counts (pairpos_counts) is written at *co
 * (moved past it) in the same walk. */
static inline __attribute__((always_inline)) unsigned char *
list_write(const uint64_t *occ, const uint32_t *pos, size_t n, size_t *i, unsigned char *o, bool counted,
	   unsigned char **co)
{
	size_t k = *i;
	uint64_t ab = occ[k] >> 32;
	uint32_t next_row = 0;
	unsigned char *c = counted ? *co : NULL;
	while (k < n && occ[k] >> 32 == ab) {
		uint64_t run = occ[k] >> 8;
		bool once = k + 1 == n || occ[k + 1] >> 8 != run;
		uint32_t row = (uint32_t)occ[k] >> 8, prev = 0;
		/* most rows hold a pair once: then no length */
		o = util_put_varint(o, (row - next_row) << 1 | once);
		if (once) {
			uint32_t w = (uint32_t)occ[k] & 0xFF;
			o = util_put_varint(o, pos[k] << 1 | (w != 1));
			k++;
			if (counted) {
				c = util_put_varint(c, row - next_row);
				c = util_put_varint(c, w << 1 | (w != 1));
				if (w != 1)
					*c++ = 1;
			}
			next_row = row + 1;
			continue;
		}
		/* else the positions' bytes (so that a row is passed over
		 * without reading them), written after a byte for them and
		 * moved on when that takes more */
		unsigned char *at = o++;
		uint32_t cnt = 0, head = 0;
		do {
			uint32_t w = (uint32_t)occ[k] & 0xFF;
			o = util_put_varint(o, (pos[k] - prev) << 1 | (w != 1));
			prev = pos[k];
			cnt += w;
			head += w != 1;
			k++;
		} while (k < n && occ[k] >> 8 == run);
		o = list_len_fix(at, o);
		if (counted) {
			c = util_put_varint(c, row - next_row);
			c = util_put_varint(c, cnt << 1 | (head != 0));
			if (head)
				c = util_put_varint(c, head);
		}
		next_row = row + 1;
	}
	*i = k;
	if (counted)
		*co = c;
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
 * pairs) appended to skips; *i and *w move past it. When `counted`, its
 * pairs' lists of counts are written at *co (moved past them). */
static inline __attribute__((always_inline)) void
group_write(const uint64_t *occ, const uint32_t *pos, size_t n, size_t *i, unsigned char *groups, size_t *wat,
	    util_buf *skips, bool counted, unsigned char **co)
{
	size_t k = *i;
	uint32_t a = (uint32_t)(occ[k] >> 48), prev_b = 0, p = 0;
	unsigned char *w = groups + *wat;
	/* a skip entry for every SKIP-th pair, the first one taken back
	 * below when the group has no more than SKIP (not counted first:
	 * that was a pass over the group's occurrences) */
	size_t skips_from = skips->len;
	for (; k < n && occ[k] >> 48 == a; p++) {
		uint32_t b = (uint32_t)(occ[k] >> 32) & 0xFFFF;
		if (p % SKIP == 0) {
			unsigned char se[PAIRPOS_SKIP];
			put_entry(se, b, (uint32_t)(w - groups));
			util_buf_add(skips, se, sizeof se);
		}
		w = util_put_varint(w, b - prev_b);
		unsigned char *cat = NULL;
		if (counted) {
			*co = util_put_varint(*co, b - prev_b);
			cat = (*co)++;
		}
		prev_b = b;
		/* the list written after a byte for its length, moved on when
		 * that takes more (few lists are 128 bytes or more) */
		unsigned char *end = list_write(occ, pos, n, &k, w + 1, counted, co);
		w = list_len_fix(w, end);
		if (counted)
			*co = list_len_fix(cat, *co);
	}
	if (p <= SKIP)
		skips->len = skips_from;
	*i = k;
	*wat = (size_t)(w - groups);
}

static inline __attribute__((always_inline)) void
make(const uint64_t *occ, const uint32_t *pos, size_t n, util_buf *out, util_buf scratch[2],
     pairpos_counts *counts)
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
	unsigned char *ce = counts ? counts->entries : NULL, *co = counts ? counts->out : NULL;
	for (size_t i = 0; i < n; nfirst++) {
		unsigned char *e = (unsigned char *)out->data + PAIRPOS_HEAD + (size_t)nfirst * PAIRPOS_ENTRY;
		uint32_t skip_at = (uint32_t)(skips->len / PAIRPOS_SKIP);
		put_entry(e, (uint32_t)(occ[i] >> 48), (uint32_t)w);
		memcpy(e + 6, &skip_at, 4);
		if (counts) {
			uint32_t first = (uint32_t)(occ[i] >> 48), at = (uint32_t)(co - counts->base);
			memcpy(ce, &first, 4);
			memcpy(ce + 4, &at, 4);
			ce += 8;
		}
		group_write(occ, pos, n, &i, groups, &w, skips, counts != NULL, &co);
	}
	if (counts) {
		uint32_t last = UINT32_MAX, at = (uint32_t)(co - counts->base);
		memcpy(ce, &last, 4);
		memcpy(ce + 4, &at, 4);
		counts->out = co;
		counts->nfirst = nfirst;
	}
	uint32_t nskip = (uint32_t)(skips->len / PAIRPOS_SKIP);
	memcpy(out->data, &nfirst, 4);
	memcpy(out->data + 4, &nskip, 4);
	out->len = PAIRPOS_HEAD + (size_t)nfirst * PAIRPOS_ENTRY;
	util_buf_add(out, skips->data, skips->len);
	util_buf_add(out, groups, w);
}

void pairpos_make(const uint64_t *occ, const uint32_t *pos, size_t n, util_buf *out, util_buf scratch[2])
{
	make(occ, pos, n, out, scratch, NULL);
}

void pairpos_make_counted(const uint64_t *occ, const uint32_t *pos, size_t n, util_buf *out,
			  util_buf scratch[2], pairpos_counts *counts)
{
	if (!counts)
		make(occ, pos, n, out, scratch, NULL);
	else
		make(occ, pos, n, out, scratch, counts);        /* (made without a test of counts) */
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

/* util_get_varint with a second byte read at once too: a position is
 * most often two bytes (a pair's occurrences in a row stand 64 code
 * points apart or more). */
static inline bool get_pos(const unsigned char **p, const unsigned char *end, uint32_t *v)
{
	const unsigned char *q = *p;
	if (end - q >= 2 && (q[0] & 0x80) && !(q[1] & 0x80)) {
		*v = (uint32_t)(q[0] & 0x7F) | (uint32_t)q[1] << 7;
		*p = q + 2;
		return true;
	}
	return util_get_varint(p, end, v);
}

static inline bool cursor_next(cursor *c)
{
	uint32_t v;
	if (c->q >= c->end || !get_pos(&c->q, c->end, &v))
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

/* ---- segments (pos_segs) ---- */

/* A pair's list in one issue of a segment: its pair a << 16 | b, the
 * issue's place among the segment's (by id), where the list is in
 * sg->rows and its bytes. */
typedef struct seg_tuple {
	uint32_t key, issue, at, len;
} seg_tuple;

void pairpos_seg_add(pairpos_seg *sg, uint32_t iid, const unsigned char *row, size_t len)
{
	uint32_t e[3] = { iid, (uint32_t)sg->rows.len, (uint32_t)len };
	util_buf_add(&sg->rows, (const char *)row, len);
	util_buf_add(&sg->issues, (const char *)e, sizeof e);
}

static int issue_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The lists of the issue at place k of the segment (its row at `at`,
 * len bytes) appended to sg->tuples, by pair as in its row. */
static bool seg_tuples(pairpos_seg *sg, uint32_t k, uint32_t at, uint32_t len)
{
	const unsigned char *row = (const unsigned char *)sg->rows.data + at;
	pairpos_head h;
	if (len < PAIRPOS_HEAD || !pairpos_head_read(&h, row, len))
		return false;
	const unsigned char *entries = row + PAIRPOS_HEAD, *groups = row + h.groups_at;
	for (uint32_t i = 0; i < h.nfirst; i++) {
		const unsigned char *e = entries + (size_t)i * PAIRPOS_ENTRY;
		uint32_t a = entry_u16(e), from = entry_u32(e, 2);
		uint32_t to = i + 1 < h.nfirst ? entry_u32(e + PAIRPOS_ENTRY, 2) : h.groups_len;
		if (from > to || to > h.groups_len)
			return false;
		const unsigned char *g = groups + from, *gend = groups + to;
		uint32_t b = 0;
		while (g < gend) {
			uint32_t d, llen;
			if (!util_get_varint(&g, gend, &d) || !util_get_varint(&g, gend, &llen) ||
			    llen > (size_t)(gend - g) || (b += d) > 0xFFFF)
				return false;
			seg_tuple t = { a << 16 | b, k, at + (uint32_t)(g - row), llen };
			/* a call of util_buf_add a pair was a third of the sort */
			util_buf *tu = &sg->tuples;
			if (tu->cap < tu->len + sizeof t + 1)
				util_grow((void **)&tu->data, &tu->cap, tu->len + sizeof t + 1, 1);
			memcpy(tu->data + tu->len, &t, sizeof t);
			tu->len += sizeof t;
			g += llen;
		}
	}
	return true;
}

bool pairpos_seg_sort(pairpos_seg *sg)
{
	size_t ni = sg->issues.len / (3 * sizeof(uint32_t));
	uint32_t *is = (uint32_t *)(void *)sg->issues.data;
	if (ni > 1)
		qsort(is, ni, 3 * sizeof *is, issue_cmp);
	sg->tuples.len = 0;
	sg->next = 0;
	for (size_t k = 0; k < ni; k++)
		if (!seg_tuples(sg, (uint32_t)k, is[3 * k + 1], is[3 * k + 2])) {
			sg->tuples.len = 0;
			return false;
		}
	/* by pair, the issues in order: a counting sort of b, then of a
	 * (stable); one issue's are (a segment of one new issue) */
	size_t n = sg->tuples.len / sizeof(seg_tuple);
	if (ni < 2)
		return true;
	if (sg->tmp.cap < sg->tuples.len + 1)
		util_grow((void **)&sg->tmp.data, &sg->tmp.cap, sg->tuples.len + 1, 1);
	seg_tuple *from = (seg_tuple *)(void *)sg->tuples.data, *to = (seg_tuple *)(void *)sg->tmp.data;
	uint32_t *cnt = util_malloc((0x10000 + 1) * sizeof *cnt);
	for (int shift = 0; shift < 32; shift += 16) {
		memset(cnt, 0, (0x10000 + 1) * sizeof *cnt);
		for (size_t i = 0; i < n; i++)
			cnt[(from[i].key >> shift & 0xFFFF) + 1]++;
		for (size_t c = 0; c < 0x10000; c++)
			cnt[c + 1] += cnt[c];
		for (size_t i = 0; i < n; i++)
			to[cnt[from[i].key >> shift & 0xFFFF]++] = from[i];
		seg_tuple *t = from;
		from = to;
		to = t;
	}
	free(cnt);
	/* two passes: the sorted tuples are back in sg->tuples */
	return true;
}

bool pairpos_seg_row(pairpos_seg *sg, uint32_t *a)
{
	const seg_tuple *t = (const seg_tuple *)(const void *)sg->tuples.data;
	size_t n = sg->tuples.len / sizeof *t, i = sg->next, e = i;
	if (i >= n)
		return false;
	*a = t[i].key >> 16;
	uint32_t nb = 0;
	size_t bytes = 0;
	for (; e < n && t[e].key >> 16 == *a; e++) {
		nb += e == i || t[e].key != t[e - 1].key;
		bytes += 10 + t[e].len;
	}
	size_t dir = 4 + (size_t)nb * PAIRPOS_SEG_DIR;
	if (sg->out.cap < dir + bytes + 1)
		util_grow((void **)&sg->out.data, &sg->out.cap, dir + bytes + 1, 1);
	unsigned char *o = (unsigned char *)sg->out.data, *d = o + 4, *blocks = o + dir, *w = blocks;
	const uint32_t *is = (const uint32_t *)(const void *)sg->issues.data;
	memcpy(o, &nb, 4);
	for (size_t k = i; k < e; k++) {
		w = util_put_varint(util_put_varint(w, is[3 * t[k].issue]), t[k].len);
		memcpy(w, sg->rows.data + t[k].at, t[k].len);
		w += t[k].len;
		if (k + 1 == e || t[k + 1].key != t[k].key) {
			put_entry(d, t[k].key & 0xFFFF, (uint32_t)(w - blocks));
			d += PAIRPOS_SEG_DIR;
		}
	}
	sg->out.len = (size_t)(w - o);
	sg->next = e;
	return true;
}

void pairpos_seg_clear(pairpos_seg *sg)
{
	sg->rows.len = sg->issues.len = sg->tuples.len = sg->out.len = 0;
	sg->next = 0;
}

void pairpos_seg_free(pairpos_seg *sg)
{
	util_buf_free(&sg->rows);
	util_buf_free(&sg->issues);
	util_buf_free(&sg->tuples);
	util_buf_free(&sg->tmp);
	util_buf_free(&sg->out);
	sg->next = 0;
}

bool pairpos_seg_find(const unsigned char *dir, uint32_t nb, uint32_t b, uint32_t *from, uint32_t *to)
{
	uint32_t i = entry_index(dir, nb, PAIRPOS_SEG_DIR, b);
	if (i == nb)
		return false;
	*from = i ? entry_u32(dir + (size_t)(i - 1) * PAIRPOS_SEG_DIR, 2) : 0;
	*to = entry_u32(dir + (size_t)i * PAIRPOS_SEG_DIR, 2);
	return *from <= *to;
}

bool pairpos_block_next(pairpos_block *bl)
{
	uint32_t iid, len;
	if (bl->p >= bl->end || !util_get_varint(&bl->p, bl->end, &iid) || !util_get_varint(&bl->p, bl->end, &len) ||
	    len > (size_t)(bl->end - bl->p)) {
		bl->p = bl->end;
		return false;
	}
	bl->iid = iid;
	bl->list = bl->p;
	bl->len = len;
	bl->p += len;
	return true;
}
