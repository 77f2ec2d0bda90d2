/* The positional lists of pairs (pairpos.c): rows of our own writing made
 * into an issue's row, then phrases found in it from their pairs alone:
 * the rows, the hits (not overlapping) and their weights, exactly. */
#include "testutil.h"
#include "pairpos.h"
#include "util.h"

/* A row's text: a letter is a code point standing in pairs, '|' one that
 * is not (it breaks them), '\n' ends a line; a line beginning with '#'
 * is a header line (its hits weigh 4). */
typedef struct occ_pos {
	uint64_t occ;
	uint32_t pos;
} occ_pos;

static int occ_cmp(const void *a, const void *b)
{
	const occ_pos *x = a, *y = b;
	if (x->occ >> 8 != y->occ >> 8)
		return x->occ >> 8 < y->occ >> 8 ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The issue's row of pair_pos from rows[0, n) (row i is row i), and
 * with `counts` the lists of counts made in the same walk. */
static void make_issue_counted(const char *const *rows, size_t n, util_buf *out, pairpos_counts *counts)
{
	occ_pos *v = NULL;
	size_t nv = 0, cap = 0;
	for (size_t r = 0; r < n; r++) {
		uint32_t w = rows[r][0] == '#' ? 4 : 1;
		for (uint32_t i = 0; rows[r][i]; i++) {
			char a = rows[r][i], b = rows[r][i + 1];
			if (a == '\n')
				w = b == '#' ? 4 : 1;
			if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
				continue;
			occ_pos o = { (uint64_t)((uint32_t)a << 16 | (uint32_t)b) << 32 | (uint64_t)r << 8 | w, i };
			UTIL_PUSH(v, nv, cap, o);
		}
	}
	qsort(v, nv, sizeof *v, occ_cmp);
	uint64_t *occ = calloc(nv + 1, sizeof *occ);
	uint32_t *pos = calloc(nv + 1, sizeof *pos);
	for (size_t i = 0; i < nv; i++) {
		occ[i] = v[i].occ;
		pos[i] = v[i].pos;
	}
	util_buf scratch[2] = { 0 };
	if (counts)
		pairpos_make_counted(occ, pos, nv, out, scratch, counts);
	else
		pairpos_make(occ, pos, nv, out, scratch);
	util_buf_free(&scratch[0]);
	util_buf_free(&scratch[1]);
	free(occ);
	free(pos);
	free(v);
}

static void make_issue(const char *const *rows, size_t n, util_buf *out)
{
	make_issue_counted(rows, n, out, NULL);
}

/* The head of the issue's row p (its entries where they are in it). */
static bool head_of(const util_buf *p, pairpos_head *h)
{
	const unsigned char *d = (const unsigned char *)p->data;
	if (!pairpos_head_read(h, d, p->len))
		return false;
	h->entries = d + PAIRPOS_HEAD;
	h->skips = h->entries + (size_t)h->nfirst * PAIRPOS_ENTRY;
	return true;
}

/* The list of pair (a, b) in the issue's row p, or false. */
static bool find_list(const util_buf *p, uint32_t a, uint32_t b, const unsigned char **list, size_t *len)
{
	pairpos_head h;
	pairpos_slice sl;
	return head_of(p, &h) && pairpos_slice_of(&h, a, b, &sl) &&
	       pairpos_slice_find((const unsigned char *)p->data + h.groups_at + sl.from, sl.to - sl.from, &sl, b,
				  list, len);
}

/* The rows holding phrase q (capital letters) found from its pairs, as
 * "row:hits/weight" each, ascending, into out. */
static void phrase_rows(const util_buf *issue, const char *q, char *out, size_t outlen)
{
	uint32_t offs[PAIRPOS_MAX];
	size_t n = strlen(q), k = pairpos_cover(n, offs);
	assert_true(k > 0);
	pairpos_list l[PAIRPOS_MAX];
	out[0] = '\0';
	for (size_t j = 0; j < k; j++) {
		const unsigned char *list;
		size_t len;
		if (!find_list(issue, (unsigned char)q[offs[j]], (unsigned char)q[offs[j] + 1], &list, &len))
			return;
		pairpos_start(&l[j], list, len);
	}
	size_t used = 0;
	for (uint32_t want = 0;; want++) {
		for (size_t j = 0; j < k;) {
			if (!pairpos_seek(&l[j], want))
				return;
			if (l[j].row > want) {
				want = l[j].row;
				j = 0;
			} else {
				j++;
			}
		}
		uint32_t tf, hits = pairpos_hits(l, offs, k, (uint32_t)n, &tf);
		if (hits)
			used += (size_t)snprintf(out + used, outlen - used, "%s%u:%u/%u", used ? " " : "", want,
						 hits, tf);
	}
}

static void test_cover(void **state)
{
	(void)state;
	uint32_t o[PAIRPOS_MAX];
	assert_int_equal(pairpos_cover(2, o), 0);
	assert_int_equal(pairpos_cover(3, o), 2);
	assert_int_equal(o[0], 0);
	assert_int_equal(o[1], 1);
	assert_int_equal(pairpos_cover(4, o), 2);
	assert_int_equal(o[1], 2);
	assert_int_equal(pairpos_cover(5, o), 3);
	assert_int_equal(o[1], 2);
	assert_int_equal(o[2], 3);
	assert_int_equal(pairpos_cover(8, o), 4);
	assert_int_equal(o[3], 6);
	assert_int_equal(pairpos_cover(16, o), 8);
	assert_int_equal(o[7], 14);
	assert_int_equal(pairpos_cover(17, o), 0);      /* 9 pairs */
}

/* The pairs of a phrase in a row, but not standing as the phrase, are no
 * hit; a phrase across a line's end or a code point out of pairs is none. */
static void test_phrase_rows(void **state)
{
	(void)state;
	static const char *const rows[] = {
		"XABCDX",               /* 0: once */
		"AB|CD",                /* 1: its pairs, apart */
		"ABCDABCD|ABCD",        /* 2: three times */
		"ABC\nD",               /* 3: across a line's end */
		"CDAB",                 /* 4: the pairs the other way round */
		"",                     /* 5 */
		"ZZABCDZ",              /* 6 */
	};
	util_buf issue = { 0 };
	make_issue(rows, UTIL_ARRAY_LEN(rows), &issue);
	char got[200];
	phrase_rows(&issue, "ABCD", got, sizeof got);
	assert_string_equal(got, "0:1/1 2:3/3 6:1/1");
	phrase_rows(&issue, "BCD", got, sizeof got);
	assert_string_equal(got, "0:1/1 2:3/3 6:1/1");
	phrase_rows(&issue, "ABC", got, sizeof got);
	assert_string_equal(got, "0:1/1 2:3/3 3:1/1 6:1/1");
	phrase_rows(&issue, "CDAB", got, sizeof got);
	assert_string_equal(got, "2:1/1 4:1/1");
	phrase_rows(&issue, "ABCDABCD", got, sizeof got);
	assert_string_equal(got, "2:1/1");
	phrase_rows(&issue, "ABCE", got, sizeof got);
	assert_string_equal(got, "");
	util_buf_free(&issue);
}

/* Hits do not overlap (the matcher's count: from the first, each after
 * the end of the one before), and a hit in a header line weighs 4. */
static void test_overlaps_and_weights(void **state)
{
	(void)state;
	static const char *const rows[] = {
		"ABABA",                /* 0: ABA twice, overlapping: one hit */
		"ABAABA",               /* 1: two */
		"ABABABA",              /* 2: at 0, 2, 4: 0 and 4 */
		"X\n#ABA|ABA\nABA",     /* 3: two in a header line, one not */
	};
	util_buf issue = { 0 };
	make_issue(rows, UTIL_ARRAY_LEN(rows), &issue);
	char got[200];
	phrase_rows(&issue, "ABA", got, sizeof got);
	assert_string_equal(got, "0:1/1 1:2/2 2:2/2 3:3/9");
	phrase_rows(&issue, "BAB", got, sizeof got);
	assert_string_equal(got, "0:1/1 2:1/1");
	phrase_rows(&issue, "ABAB", got, sizeof got);
	assert_string_equal(got, "0:1/1 2:1/1");
	util_buf_free(&issue);
}

/* A first code point of many pairs (more than a skip entry's 16) finds
 * each of them, and none it lacks; rows far apart are found by seeking. */
static void test_many_pairs(void **state)
{
	(void)state;
	enum { NROWS = 300 };
	static char text[NROWS][64];
	const char *rows[NROWS];
	for (int r = 0; r < NROWS; r++) {
		/* row r: "QX" for X the r % 25-th letter after A, then "Q" */
		snprintf(text[r], sizeof text[r], r % 50 == 7 ? "Q%cQ|QZQ" : "Q%cQ", 'A' + r % 25);
		rows[r] = text[r];
	}
	util_buf issue = { 0 };
	make_issue(rows, NROWS, &issue);
	pairpos_head h;
	assert_true(head_of(&issue, &h));
	assert_int_equal(h.nskip, 2);   /* Q's 26 pairs: at QA and QQ */
	char got[4000];
	phrase_rows(&issue, "QAQ", got, sizeof got);
	assert_string_equal(got, "0:1/1 25:1/1 50:1/1 75:1/1 100:1/1 125:1/1 150:1/1 175:1/1 200:1/1 225:1/1 "
				 "250:1/1 275:1/1");
	phrase_rows(&issue, "QYQ", got, sizeof got);
	assert_string_equal(got, "24:1/1 49:1/1 74:1/1 99:1/1 124:1/1 149:1/1 174:1/1 199:1/1 224:1/1 "
				 "249:1/1 274:1/1 299:1/1");
	phrase_rows(&issue, "QZQ", got, sizeof got);
	assert_string_equal(got, "7:1/1 57:1/1 107:1/1 157:1/1 207:1/1 257:1/1");
	const unsigned char *list;
	size_t len;
	assert_false(find_list(&issue, 'Q', 'R' - 26, &list, &len));
	assert_false(find_list(&issue, 'R', 'A', &list, &len));
	assert_true(find_list(&issue, 'A', 'Q', &list, &len));
	util_buf_free(&issue);
}

/* A row cut short, or an entry pointing past the end, is no list (and no
 * read past the bytes given). */
static void test_damaged(void **state)
{
	(void)state;
	static const char *const rows[] = { "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCABC" };
	util_buf issue = { 0 };
	make_issue(rows, UTIL_ARRAY_LEN(rows), &issue);
	const unsigned char *list;
	size_t len;
	assert_true(find_list(&issue, 'A', 'B', &list, &len));
	pairpos_head h;
	assert_true(head_of(&issue, &h));
	assert_int_equal(h.nfirst, 25);
	assert_int_equal(h.nskip, 0);
	assert_false(pairpos_head_read(&h, (const unsigned char *)issue.data, h.groups_at - 1));
	assert_true(head_of(&issue, &h));
	/* the groups cut to nothing: every entry points past them */
	pairpos_slice sl;
	h.groups_len = 0;
	assert_false(pairpos_slice_of(&h, 'Y', 'Z', &sl));
	/* a piece cut at each byte: the list is found whole or not at all */
	assert_true(head_of(&issue, &h));
	assert_true(pairpos_slice_of(&h, 'A', 'B', &sl));
	for (uint32_t cut = 0; cut < sl.to - sl.from; cut++) {
		unsigned char *g = malloc(cut + 1);
		memcpy(g, issue.data + h.groups_at + sl.from, cut);
		if (pairpos_slice_find(g, cut, &sl, 'B', &list, &len))
			assert_true(list + len <= g + cut);
		free(g);
	}
	/* a list cut short (row 0: AB at 0; row 1: at 0 and 3, two bytes of
	 * positions): its rows end where a row's head is cut */
	assert_true(find_list(&issue, 'A', 'B', &list, &len));
	assert_int_equal(len, 6);
	pairpos_list l;
	pairpos_start(&l, list, len - 3);
	assert_true(pairpos_seek(&l, 0));
	assert_int_equal(l.row, 0);
	assert_false(pairpos_seek(&l, 1));
	util_buf_free(&issue);
}

/* The lists of counts made with the row (pairpos_make_counted): each
 * pair's rows with their weighted counts and hits in header lines,
 * byte by byte, and the row itself the same as pairpos_make's. */
static void test_counted(void **state)
{
	(void)state;
	/* AB three times in row 0 (once in a header line: weight 4), once
	 * in row 1; BA once in row 0; CA once in row 1 */
	const char *rows[] = { "ABAB\n#AB", "|CAB" };
	unsigned char entries[4 * 8], base[64];
	pairpos_counts pc = { entries, base, base, 0 };
	util_buf counted = { 0 }, plain = { 0 };
	make_issue_counted(rows, 2, &counted, &pc);
	make_issue(rows, 2, &plain);
	assert_int_equal(counted.len, plain.len);
	assert_memory_equal(counted.data, plain.data, plain.len);
	assert_int_equal(pc.nfirst, 3);
	assert_int_equal(pc.out - base, 15);
	static const unsigned char groups[15] = {
		/* A: B, 5 bytes: row 0 (6 << 1 | 1, 1 in a header line), row 1 (1 << 1) */
		0x42, 5, 0, 13, 1, 0, 2,
		/* B: A, row 0 */
		0x41, 2, 0, 2,
		/* C: A, row 1 */
		0x41, 2, 1, 2,
	};
	assert_memory_equal(base, groups, sizeof groups);
	static const uint32_t want[8] = { 'A', 0, 'B', 7, 'C', 11, UINT32_MAX, 15 };
	uint32_t got[8];
	memcpy(got, entries, sizeof got);
	assert_memory_equal(got, want, sizeof want);

	/* a list of 140 bytes: its length takes two bytes */
	const char *many[70];
	for (size_t i = 0; i < 70; i++)
		many[i] = "AB";
	unsigned char e2[2 * 8], b2[256];
	pc = (pairpos_counts){ e2, b2, b2, 0 };
	make_issue_counted(many, 70, &counted, &pc);
	make_issue(many, 70, &plain);
	assert_int_equal(counted.len, plain.len);
	assert_memory_equal(counted.data, plain.data, plain.len);
	assert_int_equal(pc.nfirst, 1);
	assert_int_equal(pc.out - b2, 3 + 140);
	assert_int_equal(b2[0], 0x42);
	assert_int_equal(b2[1], 0x80 | 140 % 128);
	assert_int_equal(b2[2], 1);
	for (size_t i = 0; i < 70; i++) {
		assert_int_equal(b2[3 + 2 * i], 0);
		assert_int_equal(b2[4 + 2 * i], 2);
	}
	util_buf_free(&counted);
	util_buf_free(&plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cover),
		cmocka_unit_test(test_phrase_rows),
		cmocka_unit_test(test_overlaps_and_weights),
		cmocka_unit_test(test_many_pairs),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_counted),
	};
	return cmocka_run_group_tests_name("pairpos", tests, NULL, NULL);
}
