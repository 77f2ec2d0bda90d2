/* Unit tests of the layout engine (layout.c): exact lines for each rule,
 * golden files (tests/golden/NAME.txt laid out at several widths, compared
 * with NAME.wNN[.VARIANT].txt), invariants over generated text at every
 * width from 1 to 120, positions, the cache and --dump.
 *
 * KANBAO_UPDATE_GOLDEN=1 rewrites the expected golden files (read them
 * before keeping them). */
#include "testutil.h"
#include "doc.h"
#include "layout.h"
#include "pattern.h"
#include "render.h"
#include "text.h"
#include "util.h"

#include <unigbrk.h>
#include <unilbrk.h>

/* ---- building issues ---- */

/* A caption with its credit where the parser finds it. */
static void add_caption(doc_issue *issue, doc_str t)
{
	doc_add_caption(issue, t, (uint32_t)pattern_credit_start(t.s, t.len));
}

static doc_issue *issue_new(void)
{
	doc_issue *issue = doc_issue_new();
	doc_source none = { NULL, 0, NULL, NULL, NULL };
	doc_begin_page(issue, util_strdup("test"), none);
	return issue;
}

static doc_str dup(doc_issue *issue, const char *s)
{
	return doc_arena_dup(issue, s, strlen(s));
}

/* An issue of one article holding one block. */
static doc_issue *one_block(doc_block_type type, const char *text)
{
	doc_issue *issue = issue_new();
	doc_begin_article(issue);
	doc_add_block(issue, type, dup(issue, text));
	return issue;
}

/* A string literal as (start, length). */
#define SL(x) x, strlen(x)

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The article format of tests/golden: "field: text" lines up to the first
 * empty line, then one block per line ("## subhead", "caption: ",
 * "jump: ", or a paragraph). Lines starting with '#' and a space in the
 * header are comments. */
static void add_golden_article(doc_issue *issue, char *text)
{
	static const char *const fields[DOC_NFIELDS] = {
		"column: ", "kicker: ", "headline: ", "subtitle: ", "byline: ", "dateline: ",
	};
	doc_article *a = doc_begin_article(issue);
	bool header = true;
	for (char *line = text, *next; line && *line; line = next) {
		char *nl = strchr(line, '\n');
		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		if (header) {
			if (*line == '\0') {
				header = false;
				continue;
			}
			if (starts_with(line, "# "))
				continue;
			for (int f = 0; f < DOC_NFIELDS; f++)
				if (starts_with(line, fields[f]))
					a->field[f] = dup(issue, line + strlen(fields[f]));
			continue;
		}
		if (*line == '\0')
			continue;
		if (starts_with(line, "## "))
			doc_add_block(issue, DOC_SUBHEAD, dup(issue, line + 3));
		else if (starts_with(line, "caption: "))
			add_caption(issue, dup(issue, line + 9));
		else if (starts_with(line, "jump: "))
			doc_add_block(issue, DOC_JUMP, dup(issue, line + 6));
		else
			doc_add_block(issue, DOC_PARAGRAPH, dup(issue, line));
	}
}

static const char *src_path(const char *rel)
{
	static char path[4096];
	const char *src = getenv("KANBAO_SRC");
	snprintf(path, sizeof path, "%s/%s", src ? src : ".", rel);
	return path;
}

/* ---- lines as text ---- */

/* The text a span shows (see layout.h: TAB as a space, unprintable code
 * points skipped, '?' for a placeholder). */
static void span_text(util_buf *out, const layout *lay, const layout_span *sp, doc_str text)
{
	if (sp->flags & LAYOUT_F_PLACEHOLDER) {
		util_buf_addc(out, '?');
		return;
	}
	doc_str d = layout_span_text(lay, sp, text);
	const char *p = d.s, *end = d.s + d.len;
	while (p < end) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (cp == '\t')
			util_buf_addc(out, ' ');
		else if (text_cp_printable(cp))
			util_buf_add(out, p, (size_t)n);
		p += n;
	}
}

static doc_str element_text(const doc_issue *issue, const layout *lay, uint32_t e)
{
	return doc_element_text(issue, doc_article_at(issue, lay->article), e);
}

static const char *const style_tag[LAYOUT_NSTYLES] = {
	"txt", "col", "kik", "hed", "sub", "byl", "dat", "shd", "cap", "crd", "jmp", "not",
};

/* Line i as the screen shows it, from column 0; with `tags`, prefixed by
 * the styles of its spans ("cap+crd|"). */
static void tagged_line(util_buf *out, const doc_issue *issue, const layout *lay,
			size_t i, bool tags)
{
	const layout_line *line = &lay->lines[i];
	if (tags) {
		util_buf tag = { 0 };
		for (uint32_t k = 0; k < line->nspans; k++) {
			const layout_span *sp = &lay->spans[line->first_span + k];
			/* a restored character is a span of its own, in its run's style */
			if (k && sp->style == sp[-1].style)
				continue;
			if (k)
				util_buf_addc(&tag, '+');
			util_buf_adds(&tag, style_tag[sp->style]);
		}
		util_buf_printf(out, "%-7s|", util_buf_cstr(&tag));
		util_buf_free(&tag);
	}
	int col = 0;
	for (uint32_t k = 0; k < line->nspans; k++) {
		const layout_span *sp = &lay->spans[line->first_span + k];
		for (; col < sp->col; col++)
			util_buf_addc(out, ' ');
		span_text(out, lay, sp, element_text(issue, lay, sp->element));
		col = sp->col + sp->width;
	}
}

/* All lines, each ended by '\n'. Caller frees. */
static char *render(const doc_issue *issue, const layout *lay, bool tags)
{
	util_buf out = { 0 };
	for (size_t i = 0; i < lay->nlines; i++) {
		tagged_line(&out, issue, lay, i, tags);
		util_buf_addc(&out, '\n');
	}
	util_buf_cstr(&out);
	return out.data;
}

static layout_options opts(layout_kinsoku k, bool hang)
{
	layout_options o;
	layout_default_options(&o);
	o.kinsoku = k;
	o.hanging_punctuation = hang;
	o.center = false;
	o.max_width = 0;
	/* the rules are stated on the text alone: marks have tests of their own */
	o.caption_mark = 0;
	o.subhead_mark = 0;
	return o;
}

/* A one-block article laid out, with its lines as text (without tags). */
typedef struct laid {
	doc_issue *issue;
	layout *lay;
	char *text;
} laid;

/* Laid out (again) at width. */
static void laid_at(laid *l, int width, layout_options o)
{
	free(l->text);
	layout_free(l->lay);
	l->lay = layout_article(l->issue, 0, width, &o);
	l->text = render(l->issue, l->lay, false);
}

static void laid_open(laid *l, doc_block_type type, const char *text, int width, layout_options o)
{
	*l = (laid){ one_block(type, text), NULL, NULL };
	laid_at(l, width, o);
}

static void laid_close(laid *l)
{
	free(l->text);
	layout_free(l->lay);
	doc_issue_free(l->issue);
}

/* The lines of a one-block article at width, without tags. */
static char *lay_text(doc_block_type type, const char *text, int width, layout_options o)
{
	laid l;
	laid_open(&l, type, text, width, o);
	char *s = l.text;
	l.text = NULL;
	laid_close(&l);
	return s;
}

#define BASIC opts(LAYOUT_KINSOKU_BASIC, false)
#define STRICT opts(LAYOUT_KINSOKU_STRICT, false)
#define NONE opts(LAYOUT_KINSOKU_NONE, false)
#define HANG opts(LAYOUT_KINSOKU_BASIC, true)

#define assert_lines(type, text, width, o, expected) do { \
		char *got_ = lay_text(type, text, width, o); \
		assert_string_equal(got_, expected); \
		free(got_); \
	} while (0)

/* A case of the exact lines: a one-block article laid out at width. */
typedef struct lines_case {
	doc_block_type type;
	const char *text;
	int width;
	layout_options o;
	const char *expected;
} lines_case;

static void check_lines(const lines_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++, c++)
		assert_lines(c->type, c->text, c->width, c->o, c->expected);
}

/* The cases, in order, as a table walked by check_lines. */
#define CHECK_LINES(...) check_lines((const lines_case[]){ __VA_ARGS__ }, \
				     sizeof((const lines_case[]){ __VA_ARGS__ }) / sizeof(lines_case))

/* ---- exact lines, rule by rule ---- */

static void test_paragraph_indent(void **state)
{
	(void)state;
	CHECK_LINES(
		{ DOC_PARAGRAPH, "一二三", 20, BASIC, "    一二三\n" },
		/* 4 + 8 ideographs fill 20 columns; the rest goes on unindented */
		{ DOC_PARAGRAPH, "一二三四五六七八九十", 20, BASIC,
			  "    一二三四五六七八\n九十\n" },
		/* a paragraph printed with its own indent keeps it, no more */
		{ DOC_PARAGRAPH, "　　一二", 20, BASIC, "　　一二\n" },
		{ DOC_PARAGRAPH, "  ab", 20, BASIC, "  ab\n" });
	/* the indent option */
	layout_options o = BASIC;
	o.indent = 2;
	assert_lines(DOC_PARAGRAPH, "一二三", 20, o, "  一二三\n");
	o.indent = 0;
	CHECK_LINES(
		{ DOC_PARAGRAPH, "一二三", 20, o, "一二三\n" },
		/* a narrow measure drops it: 8 columns keep it, 7 do not */
		{ DOC_PARAGRAPH, "一二三", 8, BASIC, "    一二\n三\n" },
		{ DOC_PARAGRAPH, "一二三", 7, BASIC, "一二三\n" },
		/* subheads, captions, jumps and header fields are never indented */
		{ DOC_SUBHEAD, "一二三", 20, BASIC, "一二三\n" },
		{ DOC_JUMP, "■下转第2版", 20, BASIC, "■下转第2版\n" });
}

static void test_kinsoku_line_start(void **state)
{
	(void)state;
	/* 。 may not start a line: 八 moves down with it (UAX #14 agrees) */
	CHECK_LINES(
		{ DOC_PARAGRAPH, "一二三四五六七八。九十", 20, BASIC,
			  "    一二三四五六七\n八。九十\n" },
		{ DOC_PARAGRAPH, "一二三四五六七八。九十", 20, NONE,
			  "    一二三四五六七\n八。九十\n" },
		/* ～ and · and — are allowed there by UAX #14 alone, not by clreq */
		{ DOC_PARAGRAPH, "一二三四五六七八～九十", 20, BASIC,
			  "    一二三四五六七\n八～九十\n" },
		{ DOC_PARAGRAPH, "一二三四五六七八～九十", 20, NONE,
			  "    一二三四五六七八\n～九十\n" },
		{ DOC_PARAGRAPH, "一二三四五六七八·九十", 20, BASIC,
			  "    一二三四五六七\n八·九十\n" },
		{ DOC_PARAGRAPH, "一二三四五六七八·九十", 20, NONE,
			  "    一二三四五六七八\n·九十\n" },
		/* repeated: two prohibited characters in a row move two down */
		{ DOC_PARAGRAPH, "一二三四五六七八”。九十", 20, BASIC,
			  "    一二三四五六七\n八”。九十\n" },
		/* ASCII punctuation too */
		{ DOC_SUBHEAD, "abc def!", 7, BASIC, "abc\ndef!\n" });
}

static void test_kinsoku_line_end(void **state)
{
	(void)state;
	/* （ would end the first line: it moves down */
	CHECK_LINES(
		{ DOC_PARAGRAPH, "一二三四五六七（八九）", 20, BASIC,
			  "    一二三四五六七\n（八九）\n" },
		/* 「 likewise */
		{ DOC_SUBHEAD, "一二三四五六七八九「十」", 20, BASIC,
			  "一二三四五六七八九\n「十」\n" },
		/* “ is narrow: 七 and “ go down together, UAX #14 having no break
		 * between them */
		{ DOC_PARAGRAPH, "一二三四五六七“八九”", 20, BASIC,
			  "    一二三四五六\n七“八九”\n" });
}

static void test_kinsoku_dashes_and_ellipses(void **state)
{
	(void)state;
	/* —— never starts a line, at any level but none */
	const char *dash = "一二三四五六七八——九十";
	CHECK_LINES(
		{ DOC_PARAGRAPH, dash, 20, BASIC, "    一二三四五六七\n八——九十\n" },
		{ DOC_PARAGRAPH, dash, 20, STRICT, "    一二三四五六七\n八——九十\n" },
		{ DOC_PARAGRAPH, dash, 20, NONE, "    一二三四五六七八\n——九十\n" });
	/* …… after a space: UAX #14 and basic let it start a line, strict
	 * keeps it off the line start */
	const char *dots = "一二三四五六七八 ……九十";
	CHECK_LINES(
		{ DOC_PARAGRAPH, dots, 20, BASIC, "    一二三四五六七八\n……九十\n" },
		{ DOC_PARAGRAPH, dots, 20, STRICT, "    一二三四五六七\n八 ……九十\n" },
		/* after an ideograph, UAX #14 alone keeps …… on the line */
		{ DOC_PARAGRAPH, "一二三四五六七八……九十", 20, BASIC,
			  "    一二三四五六七\n八……九十\n" },
		/* strict never splits ……, even where UAX #14 would (after a space) */
		{ DOC_SUBHEAD, "ab …… cd", 4, BASIC, "ab\n……\ncd\n" },
		{ DOC_SUBHEAD, "abc ……", 5, STRICT, "abc\n……\n" });
}

static void test_hanging_punctuation(void **state)
{
	(void)state;
	/* at 22 columns with hanging the text is laid out at 20 and 。 hangs
	 * into the reserve instead of pulling 八 down */
	CHECK_LINES(
		{ DOC_PARAGRAPH, "一二三四五六七八。九十", 22, HANG,
			  "    一二三四五六七八。\n九十\n" },
		/* the same text without hanging at 20 */
		{ DOC_PARAGRAPH, "一二三四五六七八。九十", 20, BASIC,
			  "    一二三四五六七\n八。九十\n" },
		/* two narrow ones fit the reserve */
		{ DOC_PARAGRAPH, "一二三四五六七八——九十", 22, HANG,
			  "    一二三四五六七八——\n九十\n" });
	layout_options strict_hang = HANG;
	strict_hang.kinsoku = LAYOUT_KINSOKU_STRICT;
	CHECK_LINES(
		{ DOC_PARAGRAPH, "一二三四五六七八……九十", 22, strict_hang,
			  "    一二三四五六七八……\n九十\n" },
		/* UAX #14 has no break after a quote: ”’ cannot hang before 九 */
		{ DOC_PARAGRAPH, "一二三四五六七八”’九十", 22, HANG,
			  "    一二三四五六七\n八”’九十\n" },
		/* 。” is 3 columns: too much to hang, so 八 moves down after all */
		{ DOC_PARAGRAPH, "一二三四五六七八。”九", 22, HANG,
			  "    一二三四五六七\n八。”九\n" },
		/* only punctuation uses the reserve: ideographs stop at 20 */
		{ DOC_PARAGRAPH, "一二三四五六七八九十", 22, HANG,
			  "    一二三四五六七八\n九十\n" },
		/* a hanging run at the very end of the text */
		{ DOC_PARAGRAPH, "一二三四五六七八。", 22, HANG,
			  "    一二三四五六七八。\n" });
}

static void test_wide_char_never_straddles(void **state)
{
	(void)state;
	/* a + 9 ideographs = 19 columns; the 10th would end at column 21:
	 * the line stays one column short */
	laid l;
	laid_open(&l, DOC_SUBHEAD, "a中中中中中中中中中中", 20, BASIC);
	assert_string_equal(l.text, "a中中中中中中中中中\n中\n");
	assert_int_equal(l.lay->nlines, 2);
	assert_int_equal(l.lay->lines[0].width, 19);
	assert_int_equal(l.lay->lines[1].width, 2);
	laid_close(&l);
}

static void test_emergency_break(void **state)
{
	(void)state;
	/* no break opportunity at all: cut at cluster boundaries */
	CHECK_LINES(
		{ DOC_SUBHEAD, "abcdefghijklmnopqrstuvwxyz", 10, BASIC,
			  "abcdefghij\nklmnopqrst\nuvwxyz\n" },
		/* combining marks stay on their letter */
		{ DOC_SUBHEAD, "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3, BASIC,
			  "e\xcc\x81" "e\xcc\x81" "e\xcc\x81\n" "e\xcc\x81\n" },
		/* a URL breaks where UAX #14 allows, then by clusters */
		{ DOC_SUBHEAD, "https://example.org/abcdefghijkl", 12, BASIC,
			  "https://\nexample.org/\nabcdefghijkl\n" },
		{ DOC_SUBHEAD, "https://example.org/abcdefghijklmn", 12, BASIC,
			  "https://\nexample.org/\nabcdefghijkl\nmn\n" });
}

static void test_clusters_never_split(void **state)
{
	(void)state;
	/* 🇨🇳🇫🇷 at 3 columns: one flag per line */
	const char *flags = "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";
	assert_lines(DOC_SUBHEAD, flags, 3, BASIC,
		     "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\n\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\n");
	/* 👨‍👩‍👧 (6 columns) stays whole; at 5 columns it is a placeholder */
	const char *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
	char text[64];
	snprintf(text, sizeof text, "ab%scd", family);
	char want[64];
	snprintf(want, sizeof want, "ab\n%s\ncd\n", family);
	CHECK_LINES(
		{ DOC_SUBHEAD, text, 7, BASIC, want },
		{ DOC_SUBHEAD, text, 5, BASIC, "ab\n?\ncd\n" });
}

static void test_tiny_widths(void **state)
{
	(void)state;
	/* width 1: a wide character cannot be shown, a '?' stands for it */
	laid l;
	laid_open(&l, DOC_SUBHEAD, "中a文", 1, BASIC);
	assert_string_equal(l.text, "?\na\n?\n");
	assert_int_equal(l.lay->nspans, 3);
	assert_int_equal(l.lay->spans[0].flags, LAYOUT_F_PLACEHOLDER);
	assert_int_equal(l.lay->spans[0].start, 0);
	assert_int_equal(l.lay->spans[0].end, 3);
	assert_int_equal(l.lay->spans[0].width, 1);
	assert_int_equal(l.lay->spans[1].flags, 0);
	for (size_t i = 0; i < l.lay->nlines; i++)
		assert_true(l.lay->lines[i].width <= 1);
	laid_close(&l);

	CHECK_LINES(
		{ DOC_SUBHEAD, "中a文", 2, BASIC, "中\na\n文\n" },
		{ DOC_SUBHEAD, "中a文", 3, BASIC, "中a\n文\n" },
		/* a prohibited character that cannot go anywhere else still shows */
		{ DOC_SUBHEAD, "中。", 2, BASIC, "中\n。\n" },
		{ DOC_PARAGRAPH, "一二。三四", 4, BASIC, "一\n二。\n三四\n" },
		{ DOC_PARAGRAPH, "一二。三四", 5, BASIC, "一\n二。\n三四\n" });
	/* the indent gives way to a cluster that would not fit after it */
	layout_options ind = BASIC;
	ind.indent = 1;
	assert_lines(DOC_PARAGRAPH, "中文", 3, ind, " 中\n文\n");
}

static void test_spaces_at_breaks(void **state)
{
	(void)state;
	laid l;
	laid_open(&l, DOC_SUBHEAD, "hello world  again", 8, BASIC);
	assert_string_equal(l.text, "hello\nworld\nagain\n");
	/* the spaces are in no span, and no line starts with them */
	assert_int_equal(l.lay->nspans, 3);
	assert_int_equal(l.lay->spans[0].start, 0);
	assert_int_equal(l.lay->spans[0].end, 5);
	assert_int_equal(l.lay->spans[1].start, 6);
	assert_int_equal(l.lay->spans[1].end, 11);
	assert_int_equal(l.lay->spans[2].start, 13);
	assert_int_equal(l.lay->lines[1].offset, 6);
	assert_int_equal(l.lay->lines[2].offset, 13);
	assert_false(l.lay->lines[0].continues);
	assert_true(l.lay->lines[1].continues);
	assert_true(l.lay->lines[2].continues);
	/* spaces that fit stay inside the span; 11 columns hold "hello world" */
	laid_at(&l, 11, BASIC);
	assert_string_equal(l.text, "hello world\nagain\n");
	assert_int_equal(l.lay->lines[0].width, 11);
	laid_close(&l);
	/* a space does not push a line over: the break is at it */
	assert_lines(DOC_SUBHEAD, "abcde fg", 5, BASIC, "abcde\nfg\n");
}

static void test_tabs_and_controls(void **state)
{
	(void)state;
	laid l;
	laid_open(&l, DOC_SUBHEAD, "a\tb\xe2\x80\xae" "c", 20, BASIC);
	/* TAB counts one column, the bidi override none */
	assert_string_equal(l.text, "a bc\n");
	assert_int_equal(l.lay->spans[0].width, 4);
	assert_int_equal(l.lay->spans[0].end, 7);
	laid_close(&l);
	CHECK_LINES(
		{ DOC_SUBHEAD, "ab\tcd", 3, BASIC, "ab\ncd\n" },
		/* a line separator (U+2028) is a mandatory break */
		{ DOC_SUBHEAD, "一二\xe2\x80\xa8三四", 20, BASIC, "一二\n三四\n" });
}

static void test_centering(void **state)
{
	(void)state;
	doc_issue *issue = one_block(DOC_PARAGRAPH, "一二三四五六七八九十一二三四五六七八九十");
	layout_options o;
	layout_default_options(&o);
	o.max_width = 20;
	layout *lay = layout_article(issue, 0, 50, &o);
	/* the 20-column measure sits at column 15 of 50 */
	assert_int_equal(lay->nlines, 3);
	assert_int_equal(lay->spans[0].col, 19);        /* 15 + indent */
	assert_int_equal(lay->lines[0].width, 35);
	assert_int_equal(lay->spans[1].col, 15);
	assert_int_equal(lay->lines[1].width, 35);
	char *s = render(issue, lay, false);
	assert_string_equal(s,
			    "                   一二三四五六七八\n"
			    "               九十一二三四五六七八\n"
			    "               九十\n");
	free(s);
	layout_free(lay);
	/* not centred: the measure starts at column 0 */
	o.center = false;
	lay = layout_article(issue, 0, 50, &o);
	assert_int_equal(lay->spans[0].col, 4);
	assert_int_equal(lay->spans[1].col, 0);
	layout_free(lay);
	/* a width below the measure: no offset */
	o.center = true;
	lay = layout_article(issue, 0, 10, &o);
	assert_int_equal(lay->spans[0].col, 4);
	assert_int_equal(lay->spans[1].col, 0);
	layout_free(lay);
	doc_issue_free(issue);
}

/* An article with every header field and every block type. */
static doc_issue *full_article(void)
{
	doc_issue *issue = issue_new();
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_COLUMN] = dup(issue, "科技周");
	a->field[DOC_F_KICKER] = dup(issue, "新区年报");
	a->field[DOC_F_HEADLINE] = dup(issue, "青川湖畔科技节开幕五十项成果亮相");
	a->field[DOC_F_SUBTITLE] = dup(issue, "——记创新的一天");
	a->field[DOC_F_BYLINE] = dup(issue, "本报记者 林晓");
	a->field[DOC_F_DATELINE] = dup(issue, "本报讯");
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "开幕式上午举行。"));
	doc_add_block(issue, DOC_SUBHEAD, dup(issue, "成果丰硕"));
	add_caption(issue, dup(issue, "机器人表演。 林晓 摄"));
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "   "));     /* only spaces */
	doc_add_block(issue, DOC_JUMP, dup(issue, "■下转第2版"));
	return issue;
}

static void test_header_and_blocks(void **state)
{
	(void)state;
	doc_issue *issue = full_article();
	layout_options o = BASIC;
	layout *lay = layout_article(issue, 0, 20, &o);
	char *s = render(issue, lay, true);
	/* the headline is longer than the width: it wraps, never cut */
	assert_string_equal(s,
			    "col    |科技周\n"
			    "kik    |新区年报\n"
			    "hed    |青川湖畔科技节开幕五\n"
			    "hed    |十项成果亮相\n"
			    "sub    |——记创新的一天\n"
			    /* the dateline first, as printed (not on one line:
			     * 本报讯（本报记者 林晓） is wider than 20) */
			    "dat    |本报讯\n"
			    "byl    |本报记者 林晓\n"
			    "       |\n"
			    "txt    |    开幕式上午举行。\n"
			    "       |\n"
			    "shd    |成果丰硕\n"
			    "       |\n"
			    "cap+crd|机器人表演。 林晓 摄\n"
			    "       |\n"
			    "jmp    |■下转第2版\n");
	free(s);
	/* elements and offsets of the lines */
	assert_int_equal(lay->lines[2].element, DOC_F_HEADLINE);
	assert_int_equal(lay->lines[3].element, DOC_F_HEADLINE);
	assert_int_equal(lay->lines[3].offset, strlen("青川湖畔科技节开幕五"));
	assert_true(lay->lines[3].continues);
	assert_int_equal(lay->lines[7].element, DOC_NFIELDS);   /* the empty line */
	assert_int_equal(lay->lines[7].nspans, 0);
	assert_int_equal(lay->lines[14].element, DOC_NFIELDS + 4);
	/* the credit is its own span */
	const layout_line *cap = &lay->lines[12];
	assert_int_equal(cap->nspans, 2);
	const layout_span *c0 = &lay->spans[cap->first_span], *c1 = c0 + 1;
	assert_int_equal(c0->style, LAYOUT_S_CAPTION);
	assert_int_equal(c0->end, strlen("机器人表演。"));
	assert_int_equal(c0->width, 12);
	assert_int_equal(c1->style, LAYOUT_S_CREDIT);
	assert_int_equal(c1->start, c0->end);
	assert_int_equal(c1->col, 12);
	assert_int_equal(c1->width, 8);
	layout_free(lay);

	/* without blank lines between blocks; the credit on a line of its own */
	o.blank_between = false;
	lay = layout_article(issue, 0, 12, &o);
	s = render(issue, lay, true);
	assert_string_equal(s,
			    "col    |科技周\n"
			    "kik    |新区年报\n"
			    "hed    |青川湖畔科技\n"
			    "hed    |节开幕五十项\n"
			    "hed    |成果亮相\n"
			    "sub    |——记创新的一\n"
			    "sub    |天\n"
			    "dat    |本报讯\n"
			    /* the name stays whole: the break goes before it */
			    "byl    |本报记者\n"
			    "byl    |林晓\n"
			    "       |\n"
			    "txt    |    开幕式上\n"
			    "txt    |午举行。\n"
			    "shd    |成果丰硕\n"
			    "cap    |机器人表演。\n"
			    "crd    |林晓 摄\n"
			    "jmp    |■下转第2版\n");
	free(s);
	layout_free(lay);
	doc_issue_free(issue);
}

static void test_only_blocks(void **state)
{
	(void)state;
	/* no header: no empty line before the first block */
	doc_issue *issue = issue_new();
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "甲"));
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "乙"));
	layout_options o = BASIC;
	layout *lay = layout_article(issue, 0, 20, &o);
	char *s = render(issue, lay, false);
	assert_string_equal(s, "    甲\n\n    乙\n");
	free(s);
	layout_free(lay);
	/* an empty article: no lines */
	doc_begin_article(issue);
	lay = layout_article(issue, 1, 20, &o);
	assert_int_equal(lay->nlines, 0);
	assert_int_equal(layout_line_of(lay, 0, 0), 0);
	layout_free(lay);
	doc_issue_free(issue);
}

/* ---- golden files ---- */

typedef struct golden_case {
	const char *name;
	int width;
	const char *variant;    /* NULL (basic), "strict", "none", "hang", "keep"
				 * (cjk_punctuation = keep) */
} golden_case;

static const golden_case golden_cases[] = {
	{ "mixed", 20, NULL }, { "mixed", 40, NULL }, { "mixed", 80, NULL },
	{ "mixed", 20, "hang" },
	{ "kinsoku", 20, NULL }, { "kinsoku", 20, "strict" }, { "kinsoku", 20, "none" },
	{ "kinsoku", 22, "hang" }, { "kinsoku", 22, NULL }, { "kinsoku", 20, "keep" },
	{ "punct", 16, NULL }, { "punct", 24, NULL }, { "punct", 40, NULL },
	{ "punct", 40, "keep" },
};

static void run_golden(const golden_case *gc)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/golden/%s.txt", gc->name);
	char *src = tu_read_file(src_path(rel), NULL);
	doc_issue *issue = issue_new();
	add_golden_article(issue, src);
	layout_options o = BASIC;
	if (gc->variant && strcmp(gc->variant, "strict") == 0)
		o.kinsoku = LAYOUT_KINSOKU_STRICT;
	else if (gc->variant && strcmp(gc->variant, "none") == 0)
		o.kinsoku = LAYOUT_KINSOKU_NONE;
	else if (gc->variant && strcmp(gc->variant, "hang") == 0)
		o.hanging_punctuation = true;
	else if (gc->variant && strcmp(gc->variant, "keep") == 0)
		o.cjk_punctuation = LAYOUT_PUNCT_KEEP;
	layout *lay = layout_article(issue, 0, gc->width, &o);
	char *got = render(issue, lay, true);

	snprintf(rel, sizeof rel, "tests/golden/%s.w%d%s%s.txt", gc->name, gc->width,
		 gc->variant ? "." : "", gc->variant ? gc->variant : "");
	const char *path = src_path(rel);
	if (getenv("KANBAO_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fputs(got, f);
		fclose(f);
	}
	char *want = tu_read_file(path, NULL);
	if (strcmp(got, want) != 0) {
		print_message("%s differs; laid out:\n%s", rel, got);
		fail_msg("golden file %s does not match", rel);
	}
	free(want);
	free(got);
	layout_free(lay);
	doc_issue_free(issue);
	free(src);
}

static void test_golden(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof golden_cases / sizeof *golden_cases; i++)
		run_golden(&golden_cases[i]);
}

/* ---- invariants over generated text ---- */

static uint32_t rnd(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return (uint32_t)(x >> 16);
}

/* Pieces of text: ideographs, every prohibited character, words, numbers,
 * clusters of several code points, spaces. */
static const char *const pieces[] = {
	"中", "文", "报", "纸", "新", "闻", "青", "川", "湖", "畔", "一", "二",
	"。", "．", "，", "、", "：", "；", "！", "？", "”", "’", "」", "』", "）",
	"》", "〉", "】", "〗", "〕", "］", "｝", "～", "—", "·",
	",", ".", ":", ";", "!", "?", ")",
	"“", "‘", "「", "『", "（", "《", "〈", "【", "〖", "〔", "［", "｛",
	"——", "……", "…", "(",
	" ", " ", "　", "\t",
	"abc", "Hello", "x", "2025年", "5.7亿元", "30%", "AI",
	"supercalifragilisticexpialidocious",
	"e\xcc\x81", "n\xcc\x83o",
	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
	"\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3", "\xf0\x9f\x98\x80", "한국", "\xe1\x84\x80\xe1\x85\xa1",
	"\xe2\x80\xae",
};

static void generate(util_buf *b, uint64_t *st, int npieces)
{
	b->len = 0;
	for (int i = 0; i < npieces; i++) {
		uint32_t r = rnd(st);
		/* mostly ideographs, like a newspaper */
		const char *p = r % 3 == 0 ? pieces[r / 3 % 12] :
				pieces[r / 3 % (sizeof pieces / sizeof *pieces)];
		util_buf_adds(b, p);
	}
	util_buf_cstr(b);
}

/* The test's own statement of the prohibitions (basic level). */
/* Whether cp is one of the code points of the UTF-8 string set. */
static bool in_set(const char *set, uint32_t cp)
{
	for (const char *p = set, *end = set + strlen(set); p < end;) {
		uint32_t c;
		p += text_decode(p, end, &c);
		if (c == cp)
			return true;
	}
	return false;
}

static bool bad_start(uint32_t cp)
{
	return in_set("。．，、：；！？”’」』）》〉】〗〕］｝～—·,.:;!?)", cp);
}

static bool bad_end(uint32_t cp)
{
	return in_set("“‘「『（《〈【〖〔［｛", cp);
}

typedef struct analysis {
	const char *s;
	size_t n;
	char *lb;               /* UAX #14 */
	char *gb;               /* grapheme boundaries */
} analysis;

static uint32_t cp_at(const analysis *an, size_t i)
{
	uint32_t cp;
	text_decode(an->s + i, an->s + an->n, &cp);
	return cp;
}

static size_t next_cluster(const analysis *an, size_t i)
{
	do
		i++;
	while (i < an->n && !an->gb[i]);
	return i;
}

/* Whether the rules allow a break at b (a cluster boundary) on a line
 * starting at `from`: UAX #14 says possible, something but spaces comes
 * before it, and kinsoku at `level` allows it. */
static bool allowed_break(const analysis *an, size_t from, size_t b, layout_kinsoku level)
{
	if (an->lb[b] != UC_BREAK_POSSIBLE)
		return false;
	uint32_t prev = 0, next = cp_at(an, b);
	for (size_t i = from; i < b; i = next_cluster(an, i))
		if (!text_is_space(cp_at(an, i)))
			prev = cp_at(an, i);
	if (prev == 0)
		return false;
	if (level == LAYOUT_KINSOKU_NONE)
		return true;
	if (bad_start(next) || bad_end(prev))
		return false;
	if (level == LAYOUT_KINSOKU_STRICT && (next == 0x2026 || next == 0x2014)) {
		size_t after = next_cluster(an, b);
		if (prev == next || (after < an->n && cp_at(an, after) == next))
			return false;
	}
	return true;
}

static bool no_break_inside(const analysis *an, size_t from, size_t to, layout_kinsoku level)
{
	for (size_t b = next_cluster(an, from); b < to; b = next_cluster(an, b))
		if (allowed_break(an, from, b, level))
			return false;
	return true;
}

static bool all_spaces(const char *s, size_t a, size_t b)
{
	return text_skip_space(s + a, s + b) == s + b;
}

static uint32_t last_cp_of(const char *s, uint32_t start, uint32_t end)
{
	uint32_t cp = 0;
	for (const char *p = s + start; p < s + end;) {
		size_t g = text_grapheme_len(p, s + end);
		text_decode(p, s + end, &cp);
		p += g;
	}
	return cp;
}

static bool hangs(layout_kinsoku level, uint32_t cp)
{
	return bad_start(cp) || (level == LAYOUT_KINSOKU_STRICT && cp == 0x2026);
}

/* Checks one element's lines [first, last) against its text. */
static void check_element(const layout *lay, size_t first, size_t last, const analysis *an,
			  const layout_options *o, int width)
{
	const char *s = an->s;
	size_t prev_end = 0;
	int text_cols = o->hanging_punctuation && width >= 4 ? width - 2 : width;
	for (size_t i = first; i < last; i++) {
		const layout_line *line = &lay->lines[i];
		assert_true(line->nspans > 0);
		assert_true(line->width <= width);
		assert_int_equal(line->continues, i > first);
		/* a mark (LAYOUT_F_DECO) is no text of the element: left out */
		uint32_t k0 = 0;
		while (k0 < line->nspans && (lay->spans[line->first_span + k0].flags & LAYOUT_F_DECO))
			k0++;
		assert_true(k0 < line->nspans);
		const layout_span *sp = &lay->spans[line->first_span + k0];
		/* only spaces were left out before the line */
		if (!all_spaces(s, prev_end, sp->start))
			fail_msg("width %d line %zu: text dropped before byte %u", width, i, sp->start);
		assert_true(line->offset <= sp->start && line->offset >= prev_end);
		int col = sp->col;
		for (uint32_t k = k0; k < line->nspans; k++, sp++) {
			assert_false(sp->flags & LAYOUT_F_DECO);
			assert_true(sp->col >= col);
			assert_true(sp->col + sp->width <= line->width);
			if (k > k0)
				assert_int_equal(sp->start, sp[-1].end);
			assert_true(an->gb[sp->start] || sp->start == 0);
			assert_true(sp->end == an->n || an->gb[sp->end]);
			int w = 0;
			for (const char *p = s + sp->start; p < s + sp->end; p++)
				w += *p == '\t';
			w += text_width(s + sp->start, sp->end - sp->start);
			if (sp->flags & LAYOUT_F_PLACEHOLDER)
				assert_true(sp->width == 1 && w > text_cols);
			else
				assert_int_equal(sp->width, w);
			col = sp->col + sp->width;
		}
		prev_end = sp[-1].end;
		/* hanging: past the text measure, only hanging punctuation */
		if (line->width > text_cols) {
			const layout_span *s0 = &lay->spans[line->first_span + k0];
			int c = s0->col;
			for (const char *p = s + s0->start; p < s + prev_end;) {
				size_t g = text_grapheme_len(p, s + prev_end);
				uint32_t cp;
				text_decode(p, s + prev_end, &cp);
				c += cp == '\t' ? 1 : text_grapheme_width(p, g);
				if (c > text_cols && !hangs(o->kinsoku, cp))
					fail_msg("width %d line %zu: U+%04X in the reserve", width, i, cp);
				p += g;
			}
		}
		/* kinsoku between this line and the next */
		if (i + 1 < last && o->kinsoku != LAYOUT_KINSOKU_NONE) {
			const layout_line *next = line + 1;
			uint32_t start_cp = cp_at(an, lay->spans[next->first_span].start);
			uint32_t end_cp = last_cp_of(s, lay->spans[line->first_span + k0].start, prev_end);
			if ((bad_start(start_cp) || bad_end(end_cp)) &&
			    !no_break_inside(an, line->offset, next->offset, o->kinsoku))
				fail_msg("width %d kinsoku %d line %zu: U+%04X | U+%04X with a "
					 "better break available", width, o->kinsoku, i, end_cp, start_cp);
		}
		/* the line of its own position */
		assert_int_equal(layout_line_of(lay, line->element, line->offset), i);
	}
	if (!all_spaces(s, prev_end, an->n))
		fail_msg("width %d: text dropped at the end", width);
}

static void check_layout(const doc_issue *issue, const layout *lay, const layout_options *o,
			 int width)
{
	const doc_article *a = doc_article_at(issue, lay->article);
	size_t i = 0;
	while (i < lay->nlines) {
		if (lay->lines[i].nspans == 0) {
			i++;
			continue;
		}
		uint32_t e = lay->lines[i].element;
		size_t j = i;
		while (j < lay->nlines && lay->lines[j].element == e && lay->lines[j].nspans)
			j++;
		doc_str t = doc_element_text(issue, a, e);
		analysis an = { t.s, t.len, util_malloc(t.len + 1), util_malloc(t.len + 1) };
		u8_possible_linebreaks((const uint8_t *)t.s, t.len, "UTF-8", an.lb);
		u8_grapheme_breaks((const uint8_t *)t.s, t.len, an.gb);
		check_element(lay, i, j, &an, o, width);
		free(an.lb);
		free(an.gb);
		i = j;
	}
}

static void test_invariants(void **state)
{
	(void)state;
	doc_issue *issue = issue_new();
	doc_begin_article(issue);
	uint64_t st = 0x5eed;
	util_buf b = { 0 };
	for (int i = 0; i < 6; i++) {
		generate(&b, &st, 80);
		doc_add_block(issue, DOC_PARAGRAPH, doc_arena_dup(issue, b.data, b.len));
	}
	generate(&b, &st, 30);
	doc_add_block(issue, DOC_SUBHEAD, doc_arena_dup(issue, b.data, b.len));
	generate(&b, &st, 30);
	util_buf_adds(&b, "。 林晓 摄");
	add_caption(issue, doc_arena_dup(issue, b.data, b.len));
	generate(&b, &st, 40);
	doc_article *a = doc_article_mut(issue, 0);
	a->field[DOC_F_HEADLINE] = doc_arena_dup(issue, b.data, b.len);
	util_buf_free(&b);

	static const layout_kinsoku levels[] = {
		LAYOUT_KINSOKU_NONE, LAYOUT_KINSOKU_BASIC, LAYOUT_KINSOKU_STRICT,
	};
	for (int width = 1; width <= 120; width++)
		for (size_t l = 0; l < 3; l++)
			for (int hang = 0; hang < 2; hang++) {
				layout_options o = opts(levels[l], hang);
				/* the invariants are stated on the extracted text */
				o.cjk_punctuation = LAYOUT_PUNCT_KEEP;
				layout *lay = layout_article(issue, 0, width, &o);
				check_layout(issue, lay, &o, width);
				layout_free(lay);
			}
	doc_issue_free(issue);
}

/* The same invariants on real pages: every line of a corpus page is a
 * paragraph. */
static void test_corpus_invariants(void **state)
{
	(void)state;
	static const char *const pages[] = { "000", "001", "002", "003", "004" };
	static const int widths[] = { 1, 2, 3, 5, 8, 13, 20, 33, 40, 57, 80, 119 };
	for (size_t pg = 0; pg < sizeof pages / sizeof *pages; pg++) {
		TU_CORPUS_OR_SKIP(path, pages[pg]);
		size_t len;
		char *text = tu_read_file(path, &len);
		doc_issue *issue = issue_new();
		doc_begin_article(issue);
		for (char *line = text, *nl; *line; line = nl + 1) {
			nl = strchr(line, '\n');
			if (!nl)
				nl = line + strlen(line);
			doc_str t = doc_arena_dup(issue, line, (size_t)(nl - line));
			if (text_skip_space(t.s, t.s + t.len) < t.s + t.len)
				doc_add_block(issue, DOC_PARAGRAPH, t);
			if (!*nl)
				break;
		}
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
			for (int variant = 0; variant < 3; variant++) {
				layout_options o = opts(variant == 1 ? LAYOUT_KINSOKU_STRICT :
							LAYOUT_KINSOKU_BASIC, variant == 2);
				o.cjk_punctuation = LAYOUT_PUNCT_KEEP;
				layout *lay = layout_article(issue, 0, widths[w], &o);
				check_layout(issue, lay, &o, widths[w]);
				layout_free(lay);
			}
		doc_issue_free(issue);
		free(text);
	}
}


/* ---- plain text: the fast way against the library's ---- */

/* Plain text (text.h) is laid out from text_plain_scan; the same text
 * with a TAB at the end is not plain and goes through libunistring and
 * the grapheme scan, yet must give the same lines: a trailing TAB is a
 * space, in no span, and UAX #14 allows no break before it. */
static void expect_same_layout(const layout *a, const layout *b, const char *what, int width)
{
	if (a->nlines != b->nlines || a->nspans != b->nspans)
		fail_msg("%s, width %d: %zu lines %zu spans, the library's way %zu lines %zu spans",
			 what, width, a->nlines, a->nspans, b->nlines, b->nspans);
	for (size_t i = 0; i < a->nlines; i++) {
		const layout_line *x = &a->lines[i], *y = &b->lines[i];
		if (x->first_span != y->first_span || x->nspans != y->nspans ||
		    x->width != y->width || x->element != y->element ||
		    x->offset != y->offset || x->continues != y->continues)
			fail_msg("%s, width %d: line %zu differs", what, width, i);
	}
	for (size_t i = 0; i < a->nspans; i++) {
		const layout_span *x = &a->spans[i], *y = &b->spans[i];
		if (x->element != y->element || x->start != y->start || x->end != y->end ||
		    x->col != y->col || x->width != y->width || x->style != y->style ||
		    x->flags != y->flags)
			fail_msg("%s, width %d: span %zu differs", what, width, i);
	}
}

/* An article with t as headline, paragraph and subhead, and twice as a
 * caption followed by "，(ab)x", its credit from that suffix and from
 * its restored '('. With `tab`, each element ends with a TAB. */
static doc_issue *plain_article(const char *t, size_t len, bool tab)
{
	util_buf b = { 0 };
	util_buf_add(&b, t, len);
	if (tab)
		util_buf_addc(&b, '\t');
	doc_issue *issue = issue_new();
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = doc_arena_dup(issue, b.data, b.len);
	doc_add_block(issue, DOC_PARAGRAPH, doc_arena_dup(issue, b.data, b.len));
	doc_add_block(issue, DOC_SUBHEAD, doc_arena_dup(issue, b.data, b.len));
	b.len = len;
	util_buf_adds(&b, "，(ab)x");
	if (tab)
		util_buf_addc(&b, '\t');
	doc_add_caption(issue, doc_arena_dup(issue, b.data, b.len), (uint32_t)len);
	doc_add_caption(issue, doc_arena_dup(issue, b.data, b.len), (uint32_t)len + 3);
	util_buf_free(&b);
	return issue;
}

static void compare_plain(const char *t, size_t len, const int *widths, size_t nwidths,
			  const char *what)
{
	text_char *chars = NULL;
	size_t cap = 0, n;
	if (!text_plain_scan(t, len, &chars, &cap, &n))
		fail_msg("%s: not plain", what);
	free(chars);
	doc_issue *fast = plain_article(t, len, false), *slow = plain_article(t, len, true);
	static const layout_kinsoku levels[] = {
		LAYOUT_KINSOKU_NONE, LAYOUT_KINSOKU_BASIC, LAYOUT_KINSOKU_STRICT,
	};
	for (size_t w = 0; w < nwidths; w++)
		for (size_t l = 0; l < 3; l++)
			for (int hang = 0; hang < 2; hang++) {
				layout_options o = opts(levels[l], hang);
				layout *a = layout_article(fast, 0, widths[w], &o);
				layout *b = layout_article(slow, 0, widths[w], &o);
				expect_same_layout(a, b, what, widths[w]);
				layout_free(a);
				layout_free(b);
			}
	doc_issue_free(fast);
	doc_issue_free(slow);
}

/* Plain pieces: ideographs, every prohibited character, opening ones,
 * dashes and ellipses, words, numbers. */
static const char *const plain_pieces[] = {
	"中", "文", "报", "纸", "新", "闻", "青", "川", "湖", "畔", "一", "二",
	"。", "．", "，", "、", "：", "；", "！", "？", "”", "’", "」", "』", "）",
	"》", "〉", "】", "〗", "〕", "］", "｝", "～", "—", "·",
	",", ".", ":", ";", "!", "?", ")",
	"“", "‘", "「", "『", "（", "《", "〈", "【", "〖", "〔", "［", "｛",
	"——", "……", "…", "(", "-", "/", "%", "+", "\"", "'", "×", "°", "–",
	"abc", "Hello", "x", "2025年", "5.7亿元", "30%", "AI", "ＡＢ", "１２",
	"supercalifragilisticexpialidocious", "https://example.org/a-b",
};

static void test_plain_same_as_library(void **state)
{
	(void)state;
	int widths[120];
	for (int w = 1; w <= 120; w++)
		widths[w - 1] = w;
	uint64_t st = 0xfa57;
	util_buf b = { 0 };
	for (int round = 0; round < 60; round++) {
		b.len = 0;
		int npieces = 1 + (int)(rnd(&st) % 120);
		for (int i = 0; i < npieces; i++) {
			uint32_t r = rnd(&st);
			/* mostly ideographs, like a newspaper */
			const char *p = r % 3 == 0 ? plain_pieces[r / 3 % 12] :
					plain_pieces[r / 3 % (sizeof plain_pieces / sizeof *plain_pieces)];
			util_buf_adds(&b, p);
		}
		char what[64];
		snprintf(what, sizeof what, "random text %d", round);
		compare_plain(b.data, b.len, widths, 120, what);
	}
	util_buf_free(&b);
	/* the rules, one by one, on short texts */
	compare_plain(SL("一二三四五六七八。九十"), widths, 30, "kinsoku");
	compare_plain(SL("一二三四五六七八”’九十"), widths, 30, "quotes");
	compare_plain(SL("一二三四五六七八——九十……"), widths, 30, "dashes");
	compare_plain(SL("中"), widths, 4, "one ideograph");
}

/* The same on the plain lines of the corpus pages. */
static void test_plain_same_as_library_corpus(void **state)
{
	(void)state;
	static const char *const pages[] = { "000", "001", "002", "003", "004" };
	static const int widths[] = { 1, 2, 3, 4, 5, 7, 8, 13, 20, 21, 33, 40, 57, 80, 119 };
	size_t compared = 0;
	for (size_t pg = 0; pg < sizeof pages / sizeof *pages; pg++) {
		TU_CORPUS_OR_SKIP(path, pages[pg]);
		size_t len;
		char *text = tu_read_file(path, &len);
		text_char *chars = NULL;
		size_t cap = 0, n;
		for (char *line = text, *nl; *line; line = nl + 1) {
			nl = strchr(line, '\n');
			if (!nl)
				nl = line + strlen(line);
			size_t ll = (size_t)(nl - line);
			if (ll && text_plain_scan(line, ll, &chars, &cap, &n)) {
				compare_plain(line, ll, widths, sizeof widths / sizeof *widths, path);
				compared++;
			}
			if (!*nl)
				break;
		}
		free(chars);
		free(text);
	}
	print_message("%zu plain corpus lines compared\n", compared);
	assert_true(compared > 200);     /* 263 lines of the five pages */
}

/* ---- positions and the cache ---- */

static void test_line_of(void **state)
{
	(void)state;
	doc_issue *issue = full_article();
	layout_options o = BASIC;
	layout *wide = layout_article(issue, 0, 40, &o);
	layout *narrow = layout_article(issue, 0, 8, &o);
	/* every byte of every element maps to the line that shows it, at
	 * both widths */
	const doc_article *a = doc_article_at(issue, 0);
	for (uint32_t e = 0; e < doc_article_nelements(a); e++) {
		doc_str t = doc_element_text(issue, a, e);
		if (t.len == 0 || e == DOC_NFIELDS + 3)
			continue;
		for (uint32_t off = 0; off < t.len; off++) {
			for (int k = 0; k < 2; k++) {
				const layout *lay = k ? narrow : wide;
				size_t i = layout_line_of(lay, e, off);
				const layout_line *line = &lay->lines[i];
				assert_true(line->nspans > 0);
				/* the line holds the element's text up to off (the
				 * byline may share its dateline's line) */
				bool holds = false;
				for (uint32_t q = 0; q < line->nspans; q++) {
					const layout_span *sp = &lay->spans[line->first_span + q];
					holds |= !(sp->flags & LAYOUT_F_DECO) && sp->element == e &&
						 sp->start <= off;
				}
				assert_true(holds);
				if (e < DOC_NFIELDS)
					continue;
				assert_int_equal(line->element, e);
				assert_true(line->offset <= off);
				assert_true(i + 1 == lay->nlines || lay->lines[i + 1].element != e ||
					    lay->lines[i + 1].offset > off);
			}
		}
	}
	/* a position found at one width is on the same line of text at the
	 * other: the headline's 10th character */
	uint32_t off = (uint32_t)strlen("青川湖畔科技节开幕五");
	size_t i = layout_line_of(narrow, DOC_F_HEADLINE, off);
	assert_int_equal(narrow->lines[i].offset, strlen("青川湖畔科技节开"));
	i = layout_line_of(wide, DOC_F_HEADLINE, off);
	assert_int_equal(wide->lines[i].offset, 0);
	/* the empty line before a block is not where its text is */
	i = layout_line_of(wide, DOC_NFIELDS, 0);
	assert_int_equal(wide->lines[i].nspans, 1);
	assert_int_equal(wide->lines[i - 1].nspans, 0);
	/* before everything: line 0 */
	assert_int_equal(layout_line_of(wide, 0, 0), 0);
	layout_free(wide);
	layout_free(narrow);
	doc_issue_free(issue);
}

static void test_cache(void **state)
{
	(void)state;
	doc_issue *issue = full_article();
	doc_begin_article(issue);
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "第二篇"));
	layout_options o = BASIC;
	layout_cache *c = layout_cache_new(issue, &o);
	const layout *a40 = layout_cache_get(c, 0, 40);
	assert_int_equal(a40->width, 40);
	assert_int_equal(a40->article, 0);
	assert_ptr_equal(layout_cache_get(c, 0, 40), a40);
	const layout *b40 = layout_cache_get(c, 1, 40);
	assert_int_equal(b40->article, 1);
	assert_ptr_equal(layout_cache_get(c, 0, 40), a40);
	/* a new width lays out anew */
	const layout *a8 = layout_cache_get(c, 0, 8);
	assert_int_equal(a8->width, 8);
	layout *direct = layout_article(issue, 0, 8, &o);
	char *want = render(issue, direct, true), *got = render(issue, a8, true);
	assert_string_equal(got, want);
	free(want);
	free(got);
	layout_free(direct);
	assert_ptr_equal(layout_cache_get(c, 0, 8), a8);
	/* the same options keep the layout, other options replace it */
	layout_cache_set_options(c, &o);
	assert_ptr_equal(layout_cache_get(c, 0, 8), a8);
	layout_options o2 = o;
	o2.blank_between = false;
	layout_cache_set_options(c, &o2);
	const layout *n8 = layout_cache_get(c, 0, 8);
	assert_false(n8->opt.blank_between);
	direct = layout_article(issue, 0, 8, &o2);
	want = render(issue, direct, true);
	got = render(issue, n8, true);
	assert_string_equal(got, want);
	free(want);
	free(got);
	layout_free(direct);
	layout_cache_free(c);
	layout_cache_free(NULL);
	doc_issue_free(issue);
}

/* ---- --dump ---- */

static doc_issue *two_pages(void)
{
	doc_issue *issue = issue_new();
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = dup(issue, "湖畔科技节开幕");
	a->field[DOC_F_BYLINE] = dup(issue, "本报记者 林晓");
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "开幕式在青川湖畔举行，五十项成果亮相。"));
	doc_add_block(issue, DOC_JUMP, dup(issue, "■下转第2版"));
	a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = dup(issue, "简讯");
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "图书馆延长开放时间。"));
	doc_str night = dup(issue, "湖畔夜景。 苏禾 摄");
	doc_add_page_caption(issue, night, (uint32_t)pattern_credit_start(night.s, night.len));
	doc_source none = { NULL, 0, NULL, NULL, NULL };
	doc_begin_page(issue, util_strdup("p2"), none);
	a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = dup(issue, "成果丰硕");
	doc_add_block(issue, DOC_SUBHEAD, dup(issue, "(上接第1版)"));
	return issue;
}

/* --dump, with color: with the default [colors]. */
static char *dump(const doc_issue *issue, int width, const layout_options *o, bool color)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	config cfg;
	config_defaults(&cfg);
	assert_true(render_dump(issue, width, o, color ? cfg.color : NULL, f));
	config_free(&cfg);
	fclose(f);
	return buf;
}

static void test_dump(void **state)
{
	(void)state;
	doc_issue *issue = two_pages();
	layout_options o;
	layout_default_options(&o);     /* centred: dump must not centre */
	char *s = dump(issue, 20, &o, false);
	assert_string_equal(s,
			    "湖畔科技节开幕\n"
			    "本报记者 林晓\n"
			    "\n"
			    "    开幕式在青川湖畔\n"
			    "举行，五十项成果亮\n"
			    "相。\n"
			    "\n"
			    "■下转第2版\n"
			    "\n"
			    "简讯\n"
			    "\n"
			    "    图书馆延长开放时\n"
			    "间。\n"
			    "\n"
			    "▲ 湖畔夜景。 苏禾 摄\n"
			    "\n"
			    "成果丰硕\n"
			    "\n"
			    "▍ （上接第1版）\n");
	free(s);
	/* the measure still applies: 12 columns at width 100 */
	o.max_width = 12;
	s = dump(issue, 100, &o, false);
	assert_true(starts_with(s, "湖畔科技节开\n幕\n"));
	free(s);
	layout_default_options(&o);
	s = dump(issue, 40, &o, true);
	assert_string_equal(s,
			    "\033[1;7m湖畔科技节开幕\033[0m\n"
			    "\033[2m本报记者 林晓\033[0m\n"
			    "\n"
			    "    开幕式在青川湖畔举行，五十项成果亮\n"
			    "相。\n"
			    "\n"
			    "\033[4m■下转第2版\033[0m\n"
			    "\n"
			    "\033[1;7m简讯\033[0m\n"
			    "\n"
			    "    图书馆延长开放时间。\n"
			    "\n"
			    "\033[2;3m▲ 湖畔夜景。\033[0m\033[2m 苏禾 摄\033[0m\n"
			    "\n"
			    "\033[1;7m成果丰硕\033[0m\n"
			    "\n"
			    "\033[1m▍ （上接第1版）\033[0m\n");
	free(s);
	doc_issue_free(issue);
}

/* ---- what the layout adds: marks, the dateline's byline, notes ---- */

/* Lines of article `article` at width with the default marks, tagged. */
static char *lay_article(const doc_issue *issue, uint32_t article, int width, layout_options o)
{
	layout *lay = layout_article(issue, article, width, &o);
	char *s = render(issue, lay, true);
	layout_free(lay);
	return s;
}

static layout_options marked(void)
{
	layout_options o = BASIC;
	o.caption_mark = 1;     /* ▲ */
	o.subhead_mark = 2;     /* ▍ */
	return o;
}

static void test_caption_and_subhead_marks(void **state)
{
	(void)state;
	doc_issue *issue = issue_new();
	doc_begin_article(issue);
	doc_add_block(issue, DOC_SUBHEAD, dup(issue, "扎根基层守初心勇担使命"));
	add_caption(issue, dup(issue, "游客在云岭茶园采摘春茶。 许嘉 摄"));
	char *s = lay_article(issue, 0, 20, marked());
	/* the mark in the block's style, the lines after it under the text */
	assert_string_equal(s,
			    "shd    |▍ 扎根基层守初心勇担\n"
			    "shd    |  使命\n"
			    "       |\n"
			    "cap    |▲ 游客在云岭茶园采摘\n"
			    "cap+crd|  春茶。 许嘉 摄\n");
	free(s);
	/* the mark takes no byte of the text: offsets as without it */
	layout_options o = marked();
	layout *with = layout_article(issue, 0, 20, &o);
	const layout_line *l0 = &with->lines[0];
	assert_int_equal(l0->nspans, 2);
	const layout_span *m = &with->spans[l0->first_span];
	assert_true(m->flags & LAYOUT_F_DECO);
	assert_int_equal(m->style, LAYOUT_S_SUBHEAD);
	assert_int_equal(m->col, 0);
	assert_int_equal(m[1].start, 0);
	assert_int_equal(m[1].col, 2);  /* ▍ is ambiguous: 1 column here, and a space */
	for (uint32_t e = DOC_NFIELDS; e < DOC_NFIELDS + 2; e++)
		for (uint32_t off = 0; off < 12; off += 3) {
			size_t i = layout_line_of(with, e, off);
			assert_int_equal(with->lines[i].element, e);
			assert_true(with->lines[i].offset <= off);
		}
	assert_int_equal(with->lines[4].offset, strlen("游客在云岭茶园采摘"));
	layout_free(with);
	/* indent: two columns, no mark; none: the text alone */
	o.subhead_mark = 1;
	o.caption_mark = 0;
	s = lay_article(issue, 0, 20, o);
	assert_true(starts_with(s, "shd    |  扎根基层守初心勇担\n"
				   "shd    |  使命\n"));
	assert_non_null(strstr(s, "\ncap    |游客在云岭茶园采摘春\n"));
	free(s);
	/* a measure too narrow for a mark gets the text alone */
	s = lay_article(issue, 0, 8, marked());
	assert_true(starts_with(s, "shd    |扎根基层\n"));
	free(s);
	doc_issue_free(issue);
}

static void test_dateline_before_byline(void **state)
{
	(void)state;
	doc_issue *issue = issue_new();
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = dup(issue, "科技周开幕");
	a->field[DOC_F_BYLINE] = dup(issue, "记者 孟可欣");
	a->field[DOC_F_DATELINE] = dup(issue, "本报讯");
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "开幕式上午举行。"));
	char *s = lay_article(issue, 0, 30, BASIC);
	assert_string_equal(s,
			    "hed    |科技周开幕\n"
			    "dat+byl|本报讯（记者 孟可欣）\n"
			    "       |\n"
			    "txt    |    开幕式上午举行。\n");
	free(s);
	/* the brackets are the layout's; the byline's offsets are its own */
	layout_options o = BASIC;
	layout *lay = layout_article(issue, 0, 30, &o);
	const layout_line *l = &lay->lines[1];
	assert_int_equal(l->nspans, 4);
	const layout_span *sp = &lay->spans[l->first_span];
	assert_int_equal(sp[0].element, DOC_F_DATELINE);
	assert_true(sp[1].flags & LAYOUT_F_DECO);
	assert_int_equal(sp[2].element, DOC_F_BYLINE);
	assert_int_equal(sp[2].start, 0);
	assert_int_equal(sp[2].col, 8);
	assert_true(sp[3].flags & LAYOUT_F_DECO);
	assert_int_equal(l->width, 21);
	assert_int_equal(layout_line_of(lay, DOC_F_BYLINE, 4), 1);
	assert_int_equal(layout_line_of(lay, DOC_F_DATELINE, 0), 1);
	assert_int_equal(layout_line_of(lay, DOC_F_HEADLINE, 3), 0);
	layout_free(lay);
	/* too narrow for both on one line: the byline on its own lines */
	s = lay_article(issue, 0, 16, BASIC);
	assert_true(starts_with(s, "hed    |科技周开幕\n"
				   "dat    |本报讯\n"
				   "byl    |记者 孟可欣\n"));
	free(s);
	doc_issue_free(issue);
}

/* Two articles: 0 on 第1版 goes on in 1, whose jump line leads back. */
static doc_issue *continued_issue(void)
{
	doc_issue *issue = issue_new();
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = dup(issue, "青川六十万亩春播稳步推进");
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "田间地头一派繁忙。"));
	doc_add_jump(issue, dup(issue, "■下转第3版"), DOC_JUMP_TO, 3);
	doc_source none = { NULL, 0, NULL, NULL, NULL };
	doc_begin_page(issue, util_strdup("p3"), none);
	a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = dup(issue, "春播稳步推进");
	doc_add_jump(issue, dup(issue, "(上接第1版)"), DOC_JUMP_FROM, 1);
	doc_add_block(issue, DOC_PARAGRAPH, dup(issue, "农技人员下沉到村。"));
	doc_article_mut(issue, 0)->continues = 1;
	doc_article_mut(issue, 1)->continued_from = 0;
	doc_jump_mut(issue, 0)->target = 1;
	doc_jump_mut(issue, 1)->target = 0;
	return issue;
}

static void test_continued_from_line(void **state)
{
	(void)state;
	doc_issue *issue = continued_issue();
	char *s = lay_article(issue, 1, 40, BASIC);
	assert_string_equal(s,
			    "not    |上接第1版《青川六十万亩春播稳步推进》\n"
			    "hed    |春播稳步推进\n"
			    "       |\n"
			    "jmp    |（上接第1版）\n"
			    "       |\n"
			    "txt    |    农技人员下沉到村。\n");
	free(s);
	/* cut to the measure with … */
	s = lay_article(issue, 1, 20, BASIC);
	assert_true(starts_with(s, "not    |上接第1版《青川六十…\n"));
	free(s);
	/* the first part says nothing of the kind */
	s = lay_article(issue, 0, 40, BASIC);
	assert_true(starts_with(s, "hed    |青川六十万亩春播稳步推进\n"));
	free(s);
	doc_issue_free(issue);
}

static void test_jump_hint(void **state)
{
	(void)state;
	doc_issue *issue = continued_issue();
	layout_options o = BASIC;
	snprintf(o.jump_hint, sizeof o.jump_hint, "Enter: follow");
	char *s = lay_article(issue, 0, 40, o);
	assert_string_equal(s,
			    "hed    |青川六十万亩春播稳步推进\n"
			    "       |\n"
			    "txt    |    田间地头一派繁忙。\n"
			    "       |\n"
			    "jmp+not|■下转第3版  Enter: follow\n");
	free(s);
	/* not on the line when it does not fit there: below it */
	s = lay_article(issue, 0, 20, o);
	assert_non_null(strstr(s, "jmp    |■下转第3版\n"
				  "not    |Enter: follow\n"));
	free(s);
	/* a jump line that leads nowhere has no hint; none by default */
	doc_jump_mut(issue, 0)->target = DOC_TARGET_NONE;
	s = lay_article(issue, 0, 40, o);
	assert_non_null(strstr(s, "jmp    |■下转第3版\n"));
	free(s);
	doc_jump_mut(issue, 0)->target = 1;
	s = lay_article(issue, 0, 40, BASIC);
	assert_non_null(strstr(s, "jmp    |■下转第3版\n"));
	free(s);
	doc_issue_free(issue);
}

/* Whether the text of a line ends in the middle of `name` (the line
 * ends with a proper prefix of it and the next starts with the rest). */
static bool splits(const char *lines, const char *name)
{
	size_t n = strlen(name);
	for (size_t cut = 3; cut < n; cut += 3) {
		char probe[64];
		snprintf(probe, sizeof probe, "%.*s\n", (int)cut, name);
		for (const char *p = strstr(lines, probe); p; p = strstr(p + 1, probe)) {
			const char *next = p + strlen(probe);
			const char *bar = strchr(next, '|');
			if (bar && strncmp(bar + 1, name + cut, n - cut) == 0)
				return true;
		}
	}
	return false;
}

static void test_names_without_spaces(void **state)
{
	(void)state;
	doc_issue *issue = issue_new();
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_BYLINE] = dup(issue, "本报记者欧阳明月通讯员李四");
	add_caption(issue, dup(issue, "市民在书店阅读书籍。本报记者王磊摄"));
	/* the break goes before the name */
	char *s = lay_article(issue, 0, 14, BASIC);
	assert_string_equal(s,
			    "byl    |本报记者\n"
			    "byl    |欧阳明月通讯员\n"
			    "byl    |李四\n"
			    "       |\n"
			    "cap    |市民在书店阅读\n"
			    "cap+crd|书籍。本报记者\n"
			    "crd    |王磊摄\n");
	free(s);
	/* at every width a name fits in: no name split, 摄 never alone */
	for (int w = 8; w <= 40; w++) {
		s = lay_article(issue, 0, w, BASIC);
		assert_false(splits(s, "欧阳明月"));
		assert_false(splits(s, "李四"));
		assert_false(splits(s, "王磊"));
		assert_null(strstr(s, "|摄\n"));
		assert_false(splits(s, "王磊摄"));
		free(s);
	}
	doc_issue_free(issue);
}

/* --dump: the marks, the dateline's byline and the continuation's note;
 * never the reader's hint. */
static void test_dump_adds(void **state)
{
	(void)state;
	doc_issue *issue = continued_issue();
	doc_article *a = doc_article_mut(issue, 0);
	a->field[DOC_F_BYLINE] = dup(issue, "记者 邵明川");
	a->field[DOC_F_DATELINE] = dup(issue, "本报3月17日讯");
	doc_add_block(issue, DOC_SUBHEAD, dup(issue, "田间课堂"));
	layout_options o;
	layout_default_options(&o);
	char *s = dump(issue, 40, &o, false);
	assert_string_equal(s,
			    "青川六十万亩春播稳步推进\n"
			    "本报3月17日讯（记者 邵明川）\n"
			    "\n"
			    "    田间地头一派繁忙。\n"
			    "\n"
			    "■下转第3版\n"
			    "\n"
			    "上接第1版《青川六十万亩春播稳步推进》\n"
			    "春播稳步推进\n"
			    "\n"
			    "（上接第1版）\n"
			    "\n"
			    "    农技人员下沉到村。\n"
			    "\n"
			    "▍ 田间课堂\n");
	free(s);
	doc_issue_free(issue);
}

static void test_dump_controls_and_placeholders(void **state)
{
	(void)state;
	/* nothing unprintable reaches the output; a tab is a space */
	doc_issue *issue = one_block(DOC_SUBHEAD, "a\tb\xe2\x80\xae" "c\xe2\x80\x8f中");
	layout_options o;
	layout_default_options(&o);
	o.subhead_mark = 0;
	char *s = dump(issue, 20, &o, false);
	assert_string_equal(s, "a bc中\n");
	free(s);
	s = dump(issue, 1, &o, false);
	assert_string_equal(s, "a\nb\nc\n?\n");
	free(s);
	doc_issue_free(issue);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraph_indent),
		cmocka_unit_test(test_kinsoku_line_start),
		cmocka_unit_test(test_kinsoku_line_end),
		cmocka_unit_test(test_kinsoku_dashes_and_ellipses),
		cmocka_unit_test(test_hanging_punctuation),
		cmocka_unit_test(test_wide_char_never_straddles),
		cmocka_unit_test(test_emergency_break),
		cmocka_unit_test(test_clusters_never_split),
		cmocka_unit_test(test_tiny_widths),
		cmocka_unit_test(test_spaces_at_breaks),
		cmocka_unit_test(test_tabs_and_controls),
		cmocka_unit_test(test_centering),
		cmocka_unit_test(test_header_and_blocks),
		cmocka_unit_test(test_only_blocks),
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_invariants),
		cmocka_unit_test(test_corpus_invariants),
		cmocka_unit_test(test_plain_same_as_library),
		cmocka_unit_test(test_plain_same_as_library_corpus),
		cmocka_unit_test(test_line_of),
		cmocka_unit_test(test_cache),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_dump_controls_and_placeholders),
		cmocka_unit_test(test_caption_and_subhead_marks),
		cmocka_unit_test(test_dateline_before_byline),
		cmocka_unit_test(test_continued_from_line),
		cmocka_unit_test(test_jump_hint),
		cmocka_unit_test(test_names_without_spaces),
		cmocka_unit_test(test_dump_adds),
	};
	text_init_locale(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
