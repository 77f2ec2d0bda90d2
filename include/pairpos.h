/* pairpos.h — where each pair of code points stands in an issue's rows
 * (the library's positional lists of pairs, schema 16).
 *
 * A phrase of n code points, none the same as the one after it, stands
 * at position t of a row exactly where its pairs 0, 2, 4, ... (and the
 * last, n - 2) stand at t, t + 2, t + 4, ... (and t + n - 2): those
 * pairs fix every code point of it. So the rows holding it, and its
 * hits there, come from those pairs' lists of positions, no text read.
 *
 * An issue's lists are one row (native byte order: a cache of this
 * machine): u32 the first code points of its pairs, u32 the skip
 * entries; an entry for each first code point, ascending (u16 the code
 * point, u32 where its group starts among the groups, u32 its first
 * skip entry); the skip entries (u16 the second code point of every
 * 16th pair of a group of more than 16, u32 where that pair starts
 * among the groups); the groups. A group: for each second code point,
 * ascending, a varint from the one before (from 0), a varint of its
 * list's bytes, its list: for each row holding the pair, ascending, a
 * varint of its distance from the row before plus one (from 0) shifted
 * left once, the low bit set when it holds the pair once, else a
 * varint of its positions' bytes; then each occurrence's position
 * (code points from the row's start, a newline one) as a varint: from
 * the one before (from 0) shifted left once, the low bit set when it
 * is in a header line (weighing 4). A search keeps the entries and the
 * skip entries (the head), and reads only the piece of a group (16
 * pairs at most) that holds the pair it looks for. */
#ifndef KANBAO_PAIRPOS_H
#define KANBAO_PAIRPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum {
	PAIRPOS_MAX = 8,                /* pairs a phrase is found with */
	PAIRPOS_HEAD = 8,               /* the counts */
	PAIRPOS_ENTRY = 10,
	PAIRPOS_SKIP = 6,
};

/* An occurrence of a pair: a << 16 | b in bits 63-32, the row in bits
 * 31-8, the weight of its line (1 or 4) in bits 7-0 (the library's
 * pair_seen); pos[i] its position. occ is sorted by pair then row, the
 * occurrences of a pair in a row in the order of their positions. The
 * issue's row is made in out; scratch is room kept between calls. A row
 * holds at most UINT32_MAX bytes (a long issue's lists are far less). */
void pairpos_make(const uint64_t *occ, const uint32_t *pos, size_t n, util_buf *out, util_buf scratch[2]);

/* The same row, and in the same walk of the occurrences the lists of
 * counts of the pairs as the library's issue_terms holds them (each
 * pair's list of rows written once, not walked twice): for each first
 * code point an entry at `entries` (u32 the code point, u32 where its
 * group starts, from `base`) and one more past the last (UINT32_MAX,
 * the end); its group at `out`: for each second code point, ascending,
 * a varint from the one before (from 0), a varint of its list's bytes,
 * its list: for each row holding the pair, a varint of its distance
 * from the row before plus one (from 0), a varint of its weighted count
 * (the weights summed) shifted left once, the low bit set when some of
 * its occurrences are in a header line, then how many are (a varint).
 * `out` moves past the groups, nfirst is the first code points. The
 * caller makes room: 30 bytes an occurrence and 16 more. */
typedef struct pairpos_counts {
	unsigned char *entries, *base, *out;
	uint32_t nfirst;
} pairpos_counts;

void pairpos_make_counted(const uint64_t *occ, const uint32_t *pos, size_t n, util_buf *out,
			  util_buf scratch[2], pairpos_counts *counts);

/* A row's head: its entries and skip entries (kept by the caller, one
 * after the other, as in the row after its first PAIRPOS_HEAD bytes)
 * and where its groups are. */
typedef struct pairpos_head {
	const unsigned char *entries, *skips;
	uint32_t nfirst, nskip;
	uint32_t groups_at, groups_len;         /* in the row */
} pairpos_head;

/* The counts of the row (its first PAIRPOS_HEAD bytes, head8; row_len
 * its bytes) into h: false when they do not fit. The entries and skip
 * entries are then the groups_at - PAIRPOS_HEAD bytes after them. */
bool pairpos_head_read(pairpos_head *h, const unsigned char *head8, size_t row_len);

/* The piece of the groups to read for pair (a, b): from..to (among the
 * groups), walked from second code point `second` (a skip entry's:
 * `jumped`, its pair the first of the piece). */
typedef struct pairpos_slice {
	uint32_t from, to, second;
	bool jumped;
} pairpos_slice;

/* False when no pair begins with a, or (b below its first) none is
 * (a, b), or the head is damaged. */
bool pairpos_slice_of(const pairpos_head *h, uint32_t a, uint32_t b, pairpos_slice *sl);

/* The list of (a, b) in the piece g (len bytes) read for it: false when
 * it is not there or the piece is damaged. */
bool pairpos_slice_find(const unsigned char *g, size_t len, const pairpos_slice *sl, uint32_t b,
			const unsigned char **list, size_t *list_len);

/* A list walked row by row. */
typedef struct pairpos_list {
	const unsigned char *p, *end;
	uint32_t row;                   /* the row it is on */
	const unsigned char *pos, *pos_end;     /* its positions */
	uint32_t next_row;              /* the least row after it */
} pairpos_list;

void pairpos_start(pairpos_list *l, const unsigned char *p, size_t len);

/* Moves l to its next row at or after `row`; false at its end (or
 * damage). */
bool pairpos_seek(pairpos_list *l, uint32_t row);

/* The hits of the phrase in the row every list of l is on, as the
 * library's matcher counts them (not overlapping, from the first):
 * l[k] the list of the pair at offs[k] in the phrase (offs[0] = 0),
 * span its code points. *tf gets their weights summed. */
uint32_t pairpos_hits(const pairpos_list *l, const uint32_t *offs, size_t k, uint32_t span,
		      uint32_t *tf);

/* The offsets of the pairs that fix a phrase of n code points (n >= 3):
 * 0, 2, 4, ... and n - 2. Returns how many (at most PAIRPOS_MAX; 0 when
 * n needs more). */
size_t pairpos_cover(size_t n, uint32_t *offs);

/* A segment's lists (the library's pos_segs: the issues of one indexing
 * transaction): the rows of pair_pos of its issues regrouped by pair, so
 * that a phrase reads a pair's lists of every issue of the segment at
 * once instead of moving to each issue's row (a reopen and a read an
 * issue and a pair, about 2,500 instructions). A row per first code
 * point a (u16): u32 the second code points b of its pairs; for each,
 * ascending, u16 b and u32 the end of its block (from the blocks'
 * start; PAIRPOS_SEG_DIR bytes); the blocks: for each issue holding
 * (a, b), by ascending id, a varint of its id, one of its list's bytes
 * and its list as in the issue's row. */
enum { PAIRPOS_SEG_DIR = 6 };

typedef struct pairpos_seg {
	util_buf rows;          /* the issues' rows, one after the other */
	util_buf issues;        /* each one's id, offset in rows, bytes (u32 x 3) */
	util_buf tuples;        /* each (a, b) of each issue (see pairpos.c) */
	util_buf tmp;
	util_buf out;           /* the row made by pairpos_seg_row */
	size_t next;            /* the tuple pairpos_seg_row is at */
} pairpos_seg;

/* Keeps a copy of issue iid's row of pair_pos (len bytes) for the
 * segment. */
void pairpos_seg_add(pairpos_seg *sg, uint32_t iid, const unsigned char *row, size_t len);

/* Regroups the rows kept by pair; false when one is damaged (then no
 * row is made). */
bool pairpos_seg_sort(pairpos_seg *sg);

/* The segment's next row (of first code point *a) made in sg->out;
 * false when there is none left. */
bool pairpos_seg_row(pairpos_seg *sg, uint32_t *a);

/* Forgets the rows kept (the room stays). */
void pairpos_seg_clear(pairpos_seg *sg);
void pairpos_seg_free(pairpos_seg *sg);

/* Where b's block is in a row of the segment (dir: its nb entries after
 * the count), from..to among the blocks; false when none holds b. */
bool pairpos_seg_find(const unsigned char *dir, uint32_t nb, uint32_t b, uint32_t *from, uint32_t *to);

/* A block walked issue by issue. */
typedef struct pairpos_block {
	const unsigned char *p, *end;
	uint32_t iid;
	const unsigned char *list;
	size_t len;
} pairpos_block;

/* Moves bl to its next issue (iid, list); false at its end or damage. */
bool pairpos_block_next(pairpos_block *bl);

#endif
