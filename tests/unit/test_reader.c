/* test_reader.c — the reader's state machine without a terminal:
 * geometry, navigation, paging, subheads, resize keeping the paragraph,
 * the status line and list rows exactly, search (n/N across articles,
 * wrapping, counts, the prompt, history), the hit list, jump lines and
 * the jump history, marks, read articles, restore, help, tiny sizes.
 *
 * Most tests use an issue built here with the doc builder, whose layout
 * is known line by line (short paragraphs: one line each); a few parse
 * the bundled sample issue (sample/) or a corpus page. */
#include "testutil.h"

#include "config.h"
#include "doc.h"
#include "input.h"
#include "issue.h"
#include "keymap.h"
#include "layout.h"
#include "link.h"
#include "parse.h"
#include "pattern.h"
#include "reader.h"
#include "state.h"
#include "text.h"
#include "util.h"

#include <limits.h>
#include <unistd.h>

/* ---- fixtures ---- */

static doc_str arena(doc_issue *issue, const char *s)
{
	return doc_arena_dup(issue, s, strlen(s));
}

static void page(doc_issue *issue, const char *name, const char *label)
{
	doc_source src = { "", 0, NULL, NULL, NULL };
	doc_begin_page(issue, util_strdup(name), src);
	doc_set_page_label(issue, arena(issue, label));
}

static doc_article *article(doc_issue *issue, const char *headline)
{
	doc_article *a = doc_begin_article(issue);
	a->field[DOC_F_HEADLINE] = arena(issue, headline);
	return a;
}

/* A block; a jump line as the parser hands it over (kind and page read). */
static void block(doc_issue *issue, doc_block_type type, const char *text)
{
	int page = 0;
	pattern_jump_kind kind = type == DOC_JUMP ? pattern_match_jump(text, strlen(text), &page)
						   : PATTERN_JUMP_NONE;
	if (kind != PATTERN_JUMP_NONE)
		doc_add_jump(issue, arena(issue, text), (doc_jump_kind)kind, page);
	else
		doc_add_block(issue, type, arena(issue, text));
}

/* The built issue. Every paragraph fits one line at the widths used, so
 * article 0 lays out as: 0 headline, 1 byline, 2 empty, then a block
 * every second line: paragraphs 01..12 at lines 3..25, the subhead at
 * 27, paragraphs 13..20 at 29..43, the hit paragraph at 45 and the jump
 * line "■下转第2版" at 47: 48 lines. Article 3 continues it on page 2.
 * "目标" occurs 5 times: article 0 headline and line 45, article 3
 * headline and last paragraph, article 4 first paragraph. */
static doc_issue *built_issue(void)
{
	doc_issue *is = doc_issue_new();
	char buf[64];
	page(is, "one.txt", "第1版");
	doc_article *a = article(is, "目标新闻第一篇");
	a->field[DOC_F_BYLINE] = arena(is, "本报记者 张三");
	for (int i = 1; i <= 20; i++) {
		snprintf(buf, sizeof buf, "第一篇第%02d段。", i);
		block(is, DOC_PARAGRAPH, buf);
		if (i == 12)
			block(is, DOC_SUBHEAD, "小标题一");
	}
	block(is, DOC_PARAGRAPH, "这里有目标词。");
	block(is, DOC_JUMP, "■下转第2版");
	a = article(is, "第二篇很短");
	a->field[DOC_F_COLUMN] = arena(is, "专栏");
	block(is, DOC_PARAGRAPH, "短文。");
	article(is, "这是一个非常非常长的标题用来测试截断是否正确处理");
	block(is, DOC_PARAGRAPH, "长标题文章。");
	page(is, "two.txt", "第2版");
	article(is, "目标新闻第一篇");
	block(is, DOC_JUMP, "(上接第1版)");
	for (int i = 1; i <= 10; i++) {
		snprintf(buf, sizeof buf, "续文第%02d段。", i);
		block(is, DOC_PARAGRAPH, buf);
	}
	block(is, DOC_PARAGRAPH, "续文里也有目标。");
	article(is, "第五篇");
	block(is, DOC_PARAGRAPH, "本文提到目标。");
	block(is, DOC_JUMP, "详见第4版");
	link_resolve(is);
	return is;
}

static doc_issue *parse_folder(const char *dir)
{
	char err[512];
	doc_issue *is = issue_load(dir, NULL, err, sizeof err);
	if (!is)
		fail_msg("%s", err);
	return is;
}

/* The bundled sample issue's folder. */
static const char *sample_path(void)
{
	static char path[4096];
	const char *src = getenv("KANBAO_SRC");
	snprintf(path, sizeof path, "%s/sample", src ? src : ".");
	return path;
}

static doc_issue *sample_issue(void)
{
	return parse_folder(sample_path());
}

typedef struct fx {
	doc_issue *issue;
	config cfg;
	state *st;
	char dir[64];
	reader_options opt;
	reader *r;
} fx;

static void fx_open_named(fx *f, doc_issue *issue, const char *name, int w, int h)
{
	memset(f, 0, sizeof *f);
	f->issue = issue;
	config_defaults(&f->cfg);
	f->opt.issue_name = name;
	f->r = reader_new(f->issue, &f->cfg, NULL, &f->opt, w, h);
}

static void fx_open(fx *f, doc_issue *issue, int w, int h)
{
	fx_open_named(f, issue, "test-issue", w, h);
}

static void quiet(const char *msg)
{
	(void)msg;
}

/* The fixture's remembered state in a private folder; no reader yet. */
static void fx_state(fx *f, doc_issue *issue)
{
	memset(f, 0, sizeof *f);
	f->issue = issue;
	config_defaults(&f->cfg);
	snprintf(f->dir, sizeof f->dir, "/tmp/kanbao-test-reader-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->st = state_open(f->dir, quiet);
}

/* A fixture with remembered state in a private folder. */
static void fx_open_state(fx *f, doc_issue *issue, int w, int h)
{
	fx_state(f, issue);
	f->opt.issue_name = "test-issue";
	f->opt.restore = true;
	f->r = reader_new(f->issue, &f->cfg, f->st, &f->opt, w, h);
}

static void remove_dir(const char *dir)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		print_message("could not remove %s\n", dir);
}

static void fx_close(fx *f)
{
	reader_free(f->r);
	state_close(f->st);
	if (f->dir[0])
		remove_dir(f->dir);
	config_free(&f->cfg);
	doc_issue_free(f->issue);
}

/* Types a UTF-8 string, one code point per key. */
static void type(reader *r, const char *s)
{
	const char *end = s + strlen(s);
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		reader_key(r, (int)cp);
	}
}

static const char *pane(reader *r, int row)
{
	static char buf[1024];
	reader_pane_text(r, row, buf, sizeof buf);
	return buf;
}

static const char *list_row(reader *r, int row)
{
	static char buf[1024];
	reader_row rr;
	if (!reader_list_row(r, row, &rr))
		return NULL;
	snprintf(buf, sizeof buf, "%.*s", (int)rr.len, rr.text);
	return buf;
}

static const char *ov_row(reader *r, int row)
{
	static char buf[1024];
	reader_row rr;
	if (!reader_overlay_row(r, row, &rr))
		return NULL;
	snprintf(buf, sizeof buf, "%.*s", (int)rr.len, rr.text);
	return buf;
}

/* left, padded with spaces, then right: w columns in all. */
static const char *sides(const char *left, const char *right, int w)
{
	static char buf[1024];
	int pad = w - text_width(left, strlen(left)) - text_width(right, strlen(right));
	snprintf(buf, sizeof buf, "%s%*s%s", left, pad, "", right);
	return buf;
}

/* s repeated k times (two buffers, so two can be used at once). */
static const char *rep_into(char *buf, size_t len, const char *s, int k)
{
	buf[0] = '\0';
	for (int i = 0; i < k && strlen(buf) + strlen(s) < len; i++)
		strcat(buf, s);
	return buf;
}

static const char *rep(const char *s, int k)
{
	static char buf[512];
	return rep_into(buf, sizeof buf, s, k);
}

static const char *rep2(const char *s, int k)
{
	static char buf[512];
	return rep_into(buf, sizeof buf, s, k);
}

static const char *cat3(const char *a, const char *b, const char *c)
{
	static char buf[1024];
	snprintf(buf, sizeof buf, "%s%s%s", a, b, c);
	return buf;
}

/* One step of a session: a key pressed (0: none), then what is asserted
 * of the reader: its article, its top line, the current search hit (ANY:
 * not asserted) and its message (NULL: not asserted). */
#define ANY (-1)
typedef struct step {
	int key;
	int article;
	int top;
	int hit;
	const char *message;
} step;

static void walk_steps(reader *r, const step *s, size_t n)
{
	for (size_t i = 0; i < n; i++, s++) {
		if (s->key)
			reader_key(r, s->key);
		if (s->article != ANY)
			assert_int_equal(reader_article(r), s->article);
		if (s->top != ANY)
			assert_int_equal(reader_top(r), s->top);
		if (s->hit != ANY) {
			size_t cur;
			reader_search_hits(r, &cur);
			assert_int_equal(cur, s->hit);
		}
		if (s->message)
			assert_string_equal(reader_message(r), s->message);
	}
}

#define WALK(r, ...) walk_steps((r), (const step[]){ __VA_ARGS__ }, \
				sizeof((const step[]){ __VA_ARGS__ }) / sizeof(step))

/* A row of the help screen: keys in 18 columns, help, (name). */
static const char *help_line(const char *keys, keymap_action a)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "  %-18s  %s  (%s)", keys, keymap_action_help(a), keymap_action_name(a));
	return buf;
}

static int width_of(const char *s)
{
	return text_width(s, strlen(s));
}

/* ---- geometry ---- */

static void test_geometry(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	const reader_geometry *g = reader_geometry_of(f.r);
	assert_false(g->too_small);
	assert_int_equal(g->rows, 23);
	assert_int_equal(g->list_width, 30);
	assert_int_equal(g->border_x, 30);
	assert_int_equal(g->pane_x, 31);
	assert_int_equal(g->pane_width, 49);
	assert_int_equal(g->text_x, 32);
	assert_int_equal(g->text_width, 47);
	assert_int_equal(g->status_y, 23);

	/* below 70 columns the list hides itself */
	reader_resize(f.r, 69, 24);
	assert_int_equal(g->list_width, 0);
	assert_int_equal(g->border_x, -1);
	assert_int_equal(g->pane_x, 0);
	assert_int_equal(g->text_x, 1);
	assert_int_equal(g->text_width, 67);
	/* at 70 it shows beside the article */
	reader_resize(f.r, 70, 24);
	assert_int_equal(g->list_width, 30);
	assert_int_equal(g->pane_width, 39);
	assert_false(g->list_over);
	/* the user may ask for it on a narrow terminal: over the article,
	 * which keeps its width, and the list has the keys */
	reader_resize(f.r, 40, 12);
	assert_int_equal(g->list_width, 0);
	reader_key(f.r, '\\');
	assert_true(g->list_over);
	assert_int_equal(g->list_width, 30);
	assert_int_equal(g->pane_x, 0);
	assert_int_equal(g->pane_width, 40);
	assert_int_equal(reader_focus_of(f.r), READER_FOCUS_LIST);
	reader_key(f.r, 'j');
	reader_key(f.r, KEYMAP_K_ENTER);     /* opens the article, the list goes */
	assert_int_equal(reader_article(f.r), 1);
	assert_int_equal(g->list_width, 0);
	assert_int_equal(reader_focus_of(f.r), READER_FOCUS_ARTICLE);
	reader_key(f.r, '\\');
	assert_int_equal(g->list_width, 30);
	reader_key(f.r, '\\');
	assert_int_equal(g->list_width, 0);
	/* the article keeps at least 20 columns beside the list */
	reader_resize(f.r, 70, 24);
	assert_true(g->pane_width >= 20);

	reader_resize(f.r, 19, 5);
	assert_true(g->too_small);
	reader_resize(f.r, 20, 4);
	assert_true(g->too_small);
	reader_resize(f.r, 20, 5);
	assert_false(g->too_small);
	assert_int_equal(g->rows, 4);
	fx_close(&f);
}

static void test_too_small(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 10, 3);
	assert_string_equal(reader_status_text(f.r), "terminal …");
	reader_resize(f.r, 1, 1);
	assert_string_equal(reader_status_text(f.r), "…");
	reader_resize(f.r, 18, 2);
	assert_string_equal(reader_status_text(f.r), "terminal too small");
	/* keys do nothing but quit; nothing is drawn in the panes */
	assert_int_equal(reader_key(f.r, 'J'), READER_NOTHING);
	assert_int_equal(reader_article(f.r), 0);
	assert_false(reader_list_row(f.r, 0, &(reader_row){ 0 }));
	assert_string_equal(pane(f.r, 0), "");
	assert_int_equal(reader_key(f.r, 'q'), READER_QUIT);
	fx_close(&f);
}

/* Every size from 1×1 to 60×12: whatever is shown fits the width. */
static void test_every_small_size(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	static const keymap_action acts[] = {
		KA_PAGE_DOWN, KA_NEXT_ARTICLE, KA_BOTTOM, KA_TOGGLE_LIST, KA_FOCUS,
		KA_LINE_DOWN, KA_HELP, KA_PAGE_DOWN, KA_CLEAR, KA_PREV_ARTICLE,
	};
	for (int w = 1; w <= 60; w++) {
		for (int h = 1; h <= 12; h++) {
			reader_resize(f.r, w, h);
			reader_do(f.r, acts[(size_t)(w * 12 + h) % UTIL_ARRAY_LEN(acts)]);
			const reader_geometry *g = reader_geometry_of(f.r);
			assert_true(width_of(reader_status_text(f.r)) <= w);
			for (int y = 0; y < h; y++) {
				const char *row = list_row(f.r, y);
				if (row)
					assert_true(width_of(row) <= g->list_width);
				row = ov_row(f.r, y);
				if (row)
					assert_true(width_of(row) <= w);
				assert_true(width_of(pane(f.r, y)) <= g->text_width);
			}
			if (g->list_width)
				assert_true(g->pane_width >= 20);
		}
	}
	fx_close(&f);
}

/* ---- the status line and the list ---- */

static void test_status_exact(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	/* 23 of 48 lines shown */
	assert_string_equal(reader_status_text(f.r),
			    sides("test-issue", "article 1/5 · 第1版 · 47%", 80));
	reader_key(f.r, ' ');
	assert_string_equal(reader_status_text(f.r),
			    sides("test-issue", "article 1/5 · 第1版 · 91%", 80));
	reader_key(f.r, ' ');
	assert_string_equal(reader_status_text(f.r),
			    /* a jump line in view: the key that follows it */
			    sides("Enter: follow the jump line", "article 1/5 · 第1版 · 100% · continues on 第2版", 80));
	/* a message replaces the name on the left */
	reader_key(f.r, ' ');
	assert_string_equal(reader_message(f.r), "continued from 第1版");
	reader_status st;
	reader_status_of(f.r, &st);
	/* a continuation says where it began */
	assert_string_equal(st.text, sides("continued from 第1版",
					   "article 4/5 · 第2版 · 88% · 上接第1版", 80));
	assert_int_equal(st.msg_start, 0);
	assert_int_equal(st.msg_len, strlen("continued from 第1版"));
	assert_false(st.error);
	assert_int_equal(st.cursor_col, -1);
	/* narrow: the message wins, cut by width when it must be */
	reader_resize(f.r, 30, 10);
	assert_string_equal(reader_status_text(f.r), "continued from 第1版");
	reader_resize(f.r, 20, 10);
	assert_string_equal(reader_status_text(f.r), "continued from 第1版");
	reader_key(f.r, 'K');
	reader_key(f.r, 'K');
	f.cfg.space_continues = false;
	reader_key(f.r, ' ');
	assert_int_equal(reader_article(f.r), 1);
	assert_string_equal(reader_status_text(f.r), "end of the article …");
	reader_resize(f.r, 30, 10);
	assert_string_equal(reader_status_text(f.r), "end of the article (J: next a…");
	/* without a message, the name gives way to the position */
	reader_key(f.r, 'g');
	assert_string_equal(reader_status_text(f.r), "    article 2/5 · 第1版 · 100%");
	reader_resize(f.r, 34, 10);
	assert_string_equal(reader_status_text(f.r), "test-…  article 2/5 · 第1版 · 100%");
	fx_close(&f);
}

/* What reaches the screen is measured as drawn: a tab is a space, an
 * escape character in a file name is dropped. */
static void test_unprintable_text(void **ts)
{
	(void)ts;
	doc_issue *is = doc_issue_new();
	page(is, "p.txt", "");
	article(is, "甲\t乙");
	block(is, DOC_PARAGRAPH, "正文\t内容。");
	fx f;
	fx_open_named(&f, is, "name\x1b[2Jx\tz", 80, 24);
	assert_string_equal(reader_status_text(f.r),
			    sides("name[2Jx z", "article 1/1 · p.txt · 100%", 80));
	assert_string_equal(list_row(f.r, 0), "p.txt                      (1)");
	assert_string_equal(list_row(f.r, 1), "> 甲 乙");
	assert_string_equal(pane(f.r, 0), "甲 乙");
	assert_string_equal(pane(f.r, 2), "    正文 内容。");
	fx_close(&f);
}

/* An untitled article of one huge paragraph: rows show its start, cut
 * by width; the hit list shows context around a hit deep inside it. */
static void test_huge_paragraph(void **ts)
{
	(void)ts;
	doc_issue *is = doc_issue_new();
	page(is, "p.txt", "");
	doc_begin_article(is);
	size_t n = 300000;          /* characters of 3 bytes */
	char *text = doc_arena_alloc(is, n * 3 + 6);
	for (size_t i = 0; i < n; i++)
		memcpy(text + i * 3, "字", 3);
	memcpy(text + n / 2 * 3, "目", 3);
	doc_add_block(is, DOC_PARAGRAPH, doc_str_make(text, n * 3));
	fx f;
	fx_open_named(&f, is, "huge", 80, 24);
	/* 28 columns: 13 characters and … */
	assert_string_equal(list_row(f.r, 1), cat3("> ", rep("字", 13), "…"));
	type(f.r, "/目\r");
	size_t cur;
	assert_int_equal(reader_search_hits(f.r, &cur), 1);
	reader_key(f.r, 'F');
	/* 80 - 8 - 4 columns for the title: 33 characters and … */
	assert_string_equal(ov_row(f.r, 1), sides(cat3("第1版 · ", rep("字", 33), "…"), "(1)", 80));
	/* 76 columns of context: a third before the hit (…, 11 characters),
	 * the hit, 25 characters and … */
	char want[512];
	snprintf(want, sizeof want, "    …%s目%s…", rep("字", 11), rep2("字", 25));
	assert_string_equal(ov_row(f.r, 2), want);
	reader_row rr;
	reader_overlay_row(f.r, 2, &rr);
	assert_memory_equal(rr.text + rr.hl_start, "目", 3);
	assert_int_equal(rr.hl_end - rr.hl_start, 3);
	fx_close(&f);
}

static void test_list_rows_exact(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	assert_string_equal(list_row(f.r, 0), "第1版                      (3)");
	assert_string_equal(list_row(f.r, 1), "> 目标新闻第一篇");
	assert_string_equal(list_row(f.r, 2), " 专栏");
	assert_string_equal(list_row(f.r, 3), "  第二篇很短");
	/* 28 columns for the headline: 13 characters (26 columns) and … */
	assert_string_equal(list_row(f.r, 4), "  这是一个非常非常长的标题用…");
	assert_string_equal(list_row(f.r, 5), "第2版                      (2)");
	assert_string_equal(list_row(f.r, 6), "  「续」目标新闻第一篇");
	assert_string_equal(list_row(f.r, 7), "  第五篇");
	assert_null(list_row(f.r, 8));
	reader_row rr;
	reader_list_row(f.r, 0, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_PAGE);
	/* the article has the focus: the article shown is bold, no bar */
	reader_list_row(f.r, 1, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_OPEN);
	reader_list_row(f.r, 2, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_COLUMN);
	reader_list_row(f.r, 3, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST);
	fx_close(&f);

	/* by display width: never half a wide character */
	fx_open(&f, built_issue(), 80, 24);
	reader_free(f.r);
	f.cfg.list_width = 17;      /* 15 columns: 7 characters and … */
	f.r = reader_new(f.issue, &f.cfg, NULL, &f.opt, 80, 24);
	assert_string_equal(list_row(f.r, 4), "  这是一个非常非…");
	assert_string_equal(list_row(f.r, 0), "第1版         (3)");
	reader_free(f.r);
	f.cfg.list_width = 16;      /* 14 columns: 6 characters (12) and … */
	f.r = reader_new(f.issue, &f.cfg, NULL, &f.opt, 80, 24);
	assert_string_equal(list_row(f.r, 4), "  这是一个非常…");
	assert_int_equal(width_of(list_row(f.r, 4)), 15);
	fx_close(&f);
}

static void test_sample_list_and_open(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, sample_issue(), 80, 24);
	/* a folder of numbered files is a numbered issue */
	assert_string_equal(list_row(f.r, 0), "第1版                      (6)");
	assert_string_equal(list_row(f.r, 1), "> 青川高新区首季新签约项目四…");
	assert_string_equal(list_row(f.r, 5), " 聚焦青川科技周");
	assert_string_equal(list_row(f.r, 8), "第2版 要闻                 (5)");
	/* the pane: kicker, headline, byline */
	assert_string_equal(pane(f.r, 0), "向新而行 向实而进");
	assert_string_equal(pane(f.r, 1), "青川高新区首季新签约项目四十二个");
	assert_string_equal(pane(f.r, 2), "本报记者 沈若溪");
	reader_key(f.r, 'J');
	assert_int_equal(reader_article(f.r), 1);
	assert_string_equal(pane(f.r, 0), "加装一部电梯 暖了一栋楼");
	assert_string_equal(list_row(f.r, 1), "  青川高新区首季新签约项目四…");
	assert_string_equal(list_row(f.r, 2), "> 加装一部电梯 暖了一栋楼");
	assert_string_equal(list_row(f.r, 3), "  青川六十万亩春播稳步推进");
	fx_close(&f);
}

/* ---- navigation ---- */

static void test_paging(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	assert_int_equal(reader_layout(f.r)->nlines, 48);
	char at21[1024];
	snprintf(at21, sizeof at21, "%s", pane(f.r, 21));
	assert_string_equal(at21, "    第一篇第10段。");
	/* Space: the line at row 23 - scroll_context comes to the top */
	reader_key(f.r, ' ');
	assert_int_equal(reader_top(f.r), 21);
	assert_string_equal(pane(f.r, 0), at21);
	/* the last screen is not overshot */
	reader_key(f.r, ' ');
	assert_int_equal(reader_top(f.r), 25);
	/* the jump line says which key follows it */
	assert_string_equal(pane(f.r, 22), "■下转第2版  Enter: follow");
	WALK(f.r, { 'b', ANY, 4, ANY, NULL },
	     { KEYMAP_K_PGDN, ANY, 25, ANY, NULL },
	     { 'k', ANY, 24, ANY, NULL },
	     { 'u', ANY, 13, ANY, NULL },       /* half a screen: 11 lines */
	     { 'd', ANY, 24, ANY, NULL },
	     { 'g', ANY, 0, ANY, NULL },
	     { 'j', ANY, 1, ANY, NULL },
	     { KEYMAP_K_END, ANY, 25, ANY, NULL },
	     { KEYMAP_K_HOME, ANY, 0, ANY, NULL });
	/* scroll_context is configurable */
	reader_free(f.r);
	f.cfg.scroll_context = 0;
	f.r = reader_new(f.issue, &f.cfg, NULL, &f.opt, 80, 24);
	reader_key(f.r, ' ');
	assert_int_equal(reader_top(f.r), 23);
	fx_close(&f);
}

static void test_read_as_one(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	assert_int_equal(doc_article_at(f.issue, 0)->continues, 3);
	reader_key(f.r, 'G');
	/* paging past the end goes on into the continuation */
	WALK(f.r, { ' ', 3, 0, ANY, "continued from 第1版" },
	     /* and back up past its start into the first part's end */
	     { 'b', 0, 25, ANY, "back on 第1版, where the article starts" },
	     /* at the end of an article that does not continue, Space goes
	      * on to the next article ([reader] space_continues) and says so */
	     { 'J', 1, ANY, ANY, NULL },
	     { ' ', 2, ANY, ANY, NULL });
	assert_true(strncmp(reader_message(f.r), "end of the article: on to the next, ", 36) == 0);
	/* without space_continues it just says so */
	f.cfg.space_continues = false;
	reader_key(f.r, 'K');
	WALK(f.r, { ' ', 1, ANY, ANY, "end of the article (J: next article)" });
	fx_close(&f);
}

static void test_articles(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, ' ');
	reader_key(f.r, 'J');
	assert_int_equal(reader_article(f.r), 1);
	assert_int_equal(reader_top(f.r), 0);
	assert_string_equal(pane(f.r, 0), "专栏");
	assert_string_equal(pane(f.r, 1), "第二篇很短");
	WALK(f.r, { ']', 2, ANY, ANY, NULL },
	     { '[', ANY, ANY, ANY, NULL },
	     { 'K', 0, ANY, ANY, NULL },
	     { 'K', 0, ANY, ANY, "this is the first article" });
	for (int i = 0; i < 4; i++)
		reader_key(f.r, 'J');
	WALK(f.r, { 0, 4, ANY, ANY, NULL },
	     { 'J', 4, ANY, ANY, "this is the last article" },
	     /* any key clears the message */
	     { 'g', ANY, ANY, ANY, "" },
	     /* an unbound key says so */
	     { 'Z', ANY, ANY, ANY, "Z does nothing here (h lists the keys)" });
	fx_close(&f);
}

static void test_subheads(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 12);        /* 11 rows: max top 37 */
	reader_key(f.r, '}');
	assert_int_equal(reader_top(f.r), 27);
	assert_string_equal(pane(f.r, 0), "▍ 小标题一");       /* bold, and marked */
	WALK(f.r, { '}', ANY, 27, ANY, "no further subhead" },
	     { 'j', ANY, ANY, ANY, NULL },
	     { 'j', ANY, ANY, ANY, NULL },
	     { '{', ANY, 27, ANY, NULL },
	     { '{', ANY, 0, ANY, NULL },
	     { '{', ANY, ANY, ANY, "no earlier subhead" });
	fx_close(&f);
}

/* The line holding the anchor position is on screen. */
static void assert_anchor_visible(reader *r, doc_pos anchor)
{
	const layout *l = reader_layout(r);
	size_t line = layout_line_of(l, anchor.element, anchor.offset);
	size_t top = reader_top(r);
	int rows = reader_geometry_of(r)->rows;
	assert_int_equal(reader_article(r), anchor.article);
	assert_true(line >= top && line < top + (size_t)rows);
	assert_int_equal(l->lines[line].element, anchor.element);
	assert_true(l->lines[line].offset <= anchor.offset);
}

static void test_resize_keeps_paragraph(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, sample_issue(), 80, 24);
	for (int i = 0; i < 7; i++)
		reader_key(f.r, 'J');
	assert_int_equal(reader_article(f.r), 7);
	/* stop in the middle of a paragraph, well into the article */
	const layout *l = reader_layout(f.r);
	for (int i = 0; i < 200; i++) {
		reader_key(f.r, 'j');
		if (reader_top(f.r) >= 8 && l->lines[reader_top(f.r)].continues)
			break;
	}
	assert_true(l->lines[reader_top(f.r)].continues);
	doc_pos anchor = reader_position(f.r);
	assert_true(anchor.offset > 0);
	size_t top80 = reader_top(f.r);
	char row0[1024];
	snprintf(row0, sizeof row0, "%s", pane(f.r, 0));

	reader_resize(f.r, 40, 12);
	assert_anchor_visible(f.r, anchor);
	assert_int_equal(reader_layout(f.r)->lines[reader_top(f.r)].element, anchor.element);
	reader_resize(f.r, 160, 50);
	assert_anchor_visible(f.r, anchor);
	reader_resize(f.r, 20, 5);
	assert_anchor_visible(f.r, anchor);
	reader_resize(f.r, 400, 200);
	assert_anchor_visible(f.r, anchor);
	reader_resize(f.r, 3, 2);
	reader_resize(f.r, 80, 24);
	/* back at the first size: exactly the first view */
	assert_int_equal(reader_top(f.r), top80);
	assert_string_equal(pane(f.r, 0), row0);
	assert_int_equal(reader_position(f.r).offset, anchor.offset);
	fx_close(&f);
}

/* ---- the list ---- */

static void test_list_focus(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, KEYMAP_K_TAB);
	assert_int_equal(reader_focus_of(f.r), READER_FOCUS_LIST);
	reader_key(f.r, 'j');
	reader_key(f.r, 'j');
	assert_int_equal(reader_article(f.r), 0);         /* only the selection moved */
	reader_row rr;
	reader_list_row(f.r, 4, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_CURRENT);
	assert_string_equal(list_row(f.r, 1), "> 目标新闻第一篇");
	reader_key(f.r, 'j');                       /* over the page row */
	reader_list_row(f.r, 6, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_CURRENT);
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), 3);
	assert_int_equal(reader_focus_of(f.r), READER_FOCUS_ARTICLE);
	reader_key(f.r, KEYMAP_K_TAB);
	reader_key(f.r, 'G');
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), 4);
	reader_key(f.r, KEYMAP_K_TAB);
	reader_key(f.r, 'g');
	reader_key(f.r, 'k');
	reader_key(f.r, 13);                        /* a raw CR is Enter */
	assert_int_equal(reader_article(f.r), 0);
	/* Tab on a hidden list shows it */
	reader_key(f.r, '\\');
	assert_int_equal(reader_geometry_of(f.r)->list_width, 0);
	reader_key(f.r, 9);                         /* raw Tab */
	assert_int_equal(reader_geometry_of(f.r)->list_width, 30);
	assert_int_equal(reader_focus_of(f.r), READER_FOCUS_LIST);
	/* hiding the list gives the focus back to the article */
	reader_key(f.r, '\\');
	assert_int_equal(reader_focus_of(f.r), READER_FOCUS_ARTICLE);
	fx_close(&f);
}

static void test_mouse(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	/* a click on a list row opens it; on a page row, its first article */
	reader_mouse(f.r, 5, 3, READER_MOUSE_CLICK);
	assert_int_equal(reader_article(f.r), 1);
	reader_mouse(f.r, 5, 5, READER_MOUSE_CLICK);
	assert_int_equal(reader_article(f.r), 3);
	reader_mouse(f.r, 5, 2, READER_MOUSE_CLICK);      /* a column row */
	assert_int_equal(reader_article(f.r), 1);
	reader_mouse(f.r, 5, 20, READER_MOUSE_CLICK);     /* past the rows */
	assert_int_equal(reader_article(f.r), 1);
	reader_mouse(f.r, 5, 1, READER_MOUSE_CLICK);
	/* the wheel scrolls the pane under the pointer, and stops at the end */
	reader_mouse(f.r, 50, 3, READER_MOUSE_WHEEL_DOWN);
	assert_int_equal(reader_top(f.r), 3);
	for (int i = 0; i < 20; i++)
		reader_mouse(f.r, 50, 3, READER_MOUSE_WHEEL_DOWN);
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_top(f.r), 25);
	reader_mouse(f.r, 50, 3, READER_MOUSE_WHEEL_UP);
	assert_int_equal(reader_top(f.r), 22);
	/* a click on the jump line follows it */
	reader_key(f.r, 'G');
	/* the jump line says which key follows it */
	assert_string_equal(pane(f.r, 22), "■下转第2版  Enter: follow");
	reader_mouse(f.r, 40, 22, READER_MOUSE_CLICK);
	assert_int_equal(reader_article(f.r), 3);
	assert_int_equal(reader_back_depth(f.r), 1);
	/* the status line is no target */
	assert_int_equal(reader_mouse(f.r, 10, 23, READER_MOUSE_CLICK), READER_NOTHING);
	/* narrow: the hint on a row of its own below the jump line follows it too */
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 0);
	reader_resize(f.r, 24, 24);
	reader_key(f.r, 'G');
	assert_string_equal(pane(f.r, 21), "■下转第2版");
	assert_string_equal(pane(f.r, 22), "Enter: follow");
	reader_mouse(f.r, 3, 22, READER_MOUSE_CLICK);
	assert_int_equal(reader_article(f.r), 3);
	fx_close(&f);
}

/* ---- search ---- */

static void test_search_steps(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	type(f.r, "/目标");
	const char *text;
	assert_true(reader_prompting(f.r, &text));
	assert_string_equal(text, "目标");
	size_t cur;
	assert_int_equal(reader_search_hits(f.r, &cur), 5);     /* incremental */
	assert_int_equal(cur, 0);
	reader_status st;
	reader_status_of(f.r, &st);
	assert_string_equal(st.text, sides("/目标", "5 hits", 80));
	assert_int_equal(st.cursor_col, 5);
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_false(reader_prompting(f.r, NULL));
	assert_string_equal(reader_search_query(f.r), "目标");
	assert_string_equal(reader_status_text(f.r),
			    sides("test-issue", "hit 1 of 5 · article 1/5 · 第1版 · 47%", 80));
	/* the current article's hits, the current one first */
	const search_hit *hits;
	assert_int_equal(reader_article_hits(f.r, &hits, &cur), 2);
	assert_int_equal(cur, 0);
	assert_int_equal(hits[0].element, DOC_F_HEADLINE);
	assert_int_equal(hits[0].start, 0);
	assert_int_equal(hits[0].end, 6);
	/* n: the second hit is below the screen: it comes into view */
	reader_key(f.r, 'n');
	assert_int_equal(reader_search_hits(f.r, &cur), 5);
	WALK(f.r, { 0, 0, 25, 1, NULL },
	     /* on into the next articles */
	     { 'n', 3, 0, ANY, NULL });
	/* (23 of its 26 lines shown: 上接第1版《…》 on top) */
	assert_string_equal(reader_status_text(f.r),
			    sides("Enter: follow the jump line", "hit 3 of 5 · article 4/5 · 第2版 · 88%", 80));
	reader_key(f.r, 'n');
	WALK(f.r, { 'n', 4, ANY, 4, NULL },
	     /* wrapping at the end of the issue */
	     { 'n', 0, ANY, 0, "search wrapped to the top" },
	     { 'N', ANY, ANY, 4, "search wrapped to the bottom" },
	     { 'N', ANY, ANY, 3, "" });
	/* hit counts beside the headlines */
	assert_string_equal(list_row(f.r, 1), sides("  目标新闻第一篇", "2", 30));
	assert_string_equal(list_row(f.r, 6), sides("> 「续」目标新闻第一篇", "2", 30));
	assert_string_equal(list_row(f.r, 3), "  第二篇很短");
	/* Esc clears it */
	reader_key(f.r, 27);
	assert_null(reader_search_query(f.r));
	assert_string_equal(list_row(f.r, 6), "> 「续」目标新闻第一篇");
	assert_int_equal(reader_article_hits(f.r, &hits, &cur), 0);
	reader_key(f.r, 'n');
	assert_string_equal(reader_message(f.r), "no search (/ searches)");
	fx_close(&f);
}

static void test_search_from_position_and_backward(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	/* forward from article 2: the next hit is article 3's headline */
	type(f.r, "/目标\r");
	WALK(f.r, { 0, 3, ANY, 2, NULL });
	/* backward from there: the last hit before it; n keeps going back */
	type(f.r, "?目标\r");
	WALK(f.r, { 0, 0, ANY, 1, NULL },
	     { 'n', ANY, ANY, 0, NULL },
	     { 'n', ANY, ANY, 4, "search wrapped to the bottom" },
	     { 'N', ANY, ANY, 0, "search wrapped to the top" });
	size_t cur;
	/* the reader uses the one matcher: full-width digits match */
	type(f.r, "/第０２段\r");
	assert_int_equal(reader_search_hits(f.r, &cur), 2);
	fx_close(&f);
}

static void test_search_not_found(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	reader_key(f.r, 'j');
	doc_pos before = reader_position(f.r);
	size_t top = reader_top(f.r);
	type(f.r, "/不存在");
	reader_status st;
	reader_status_of(f.r, &st);
	assert_string_equal(st.text, sides("/不存在", "not found", 80));
	assert_true(st.error);
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_string_equal(reader_message(f.r), "not found: 不存在");
	reader_status_of(f.r, &st);
	assert_true(st.error);
	assert_null(reader_search_query(f.r));
	assert_int_equal(reader_article(f.r), before.article);
	assert_int_equal(reader_top(f.r), top);
	assert_int_equal(reader_position(f.r).element, before.element);
	/* a blank query with no search before does nothing */
	type(f.r, "/   \r");
	assert_null(reader_search_query(f.r));
	assert_int_equal(reader_article(f.r), before.article);
	fx_close(&f);
}

static void test_prompt_editing(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	const char *text;
	reader_status st;
	type(f.r, "/ab");
	reader_key(f.r, KEYMAP_K_LEFT);
	type(f.r, "中");
	reader_prompting(f.r, &text);
	assert_string_equal(text, "a中b");
	reader_status_of(f.r, &st);
	assert_int_equal(st.cursor_col, 4);     /* after "/a中" */
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	reader_prompting(f.r, &text);
	assert_string_equal(text, "ab");
	reader_key(f.r, KEYMAP_K_HOME);
	reader_key(f.r, KEYMAP_K_DELETE);
	reader_prompting(f.r, &text);
	assert_string_equal(text, "b");
	reader_key(f.r, KEYMAP_K_END);
	type(f.r, "e\xcc\x81");                 /* e and a combining acute */
	reader_prompting(f.r, &text);
	assert_string_equal(text, "be\xcc\x81");
	reader_status_of(f.r, &st);
	assert_int_equal(st.cursor_col, 3);
	reader_key(f.r, 127);                   /* Backspace: the whole cluster */
	reader_prompting(f.r, &text);
	assert_string_equal(text, "b");
	type(f.r, "目标");
	reader_key(f.r, KEYMAP_K_LEFT);
	reader_key(f.r, KEYMAP_K_LEFT);
	reader_key(f.r, KEYMAP_K_RIGHT);
	reader_status_of(f.r, &st);
	assert_int_equal(st.cursor_col, 4);     /* "/b目" */
	reader_key(f.r, 21);                    /* C-u: to the start */
	reader_prompting(f.r, &text);
	assert_string_equal(text, "标");
	reader_key(f.r, 11);                    /* C-k: to the end */
	reader_prompting(f.r, &text);
	assert_string_equal(text, "");
	reader_key(f.r, KEYMAP_K_BACKSPACE);    /* on an empty line: cancel */
	assert_false(reader_prompting(f.r, NULL));
	fx_close(&f);
}

static void test_prompt_cancel_and_history(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'J');
	/* while typing, the view follows the first hit; Esc goes back */
	type(f.r, "/续文里");
	assert_int_equal(reader_article(f.r), 3);
	reader_key(f.r, KEYMAP_K_ESC);
	assert_false(reader_prompting(f.r, NULL));
	assert_int_equal(reader_article(f.r), 1);
	assert_int_equal(reader_top(f.r), 0);
	assert_null(reader_search_query(f.r));
	/* history: Up recalls, Down returns to the line being typed */
	type(f.r, "/目标\r");
	type(f.r, "/第五\r");
	type(f.r, "/xy");
	reader_key(f.r, KEYMAP_K_UP);
	const char *text;
	reader_prompting(f.r, &text);
	assert_string_equal(text, "第五");
	reader_key(f.r, KEYMAP_K_UP);
	reader_prompting(f.r, &text);
	assert_string_equal(text, "目标");
	reader_key(f.r, KEYMAP_K_UP);
	reader_prompting(f.r, &text);
	assert_string_equal(text, "目标");
	reader_key(f.r, KEYMAP_K_DOWN);
	reader_key(f.r, KEYMAP_K_DOWN);
	reader_prompting(f.r, &text);
	assert_string_equal(text, "xy");
	reader_key(f.r, KEYMAP_K_ESC);
	/* an empty query repeats the last search */
	reader_key(f.r, 'g');
	size_t cur;
	type(f.r, "/\r");
	reader_search_hits(f.r, &cur);
	assert_string_equal(reader_search_query(f.r), "第五");
	assert_int_equal(cur, 0);
	assert_int_equal(reader_article(f.r), 4);
	fx_close(&f);

	/* without incremental search the view stays until Enter */
	fx_open(&f, built_issue(), 80, 24);
	reader_free(f.r);
	f.cfg.incremental_search = false;
	f.r = reader_new(f.issue, &f.cfg, NULL, &f.opt, 80, 24);
	type(f.r, "/续文里");
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_search_hits(f.r, &cur), 0);
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), 3);
	assert_int_equal(reader_search_hits(f.r, &cur), 1);
	fx_close(&f);
}

/* The captions of a page's gallery belong to no article: p lists them,
 * page by page, wrapped to the window; its key closes the list again. */
static void test_photos(void **ts)
{
	(void)ts;
	fx f;
	doc_issue *is = doc_issue_new();
	page(is, "one.txt", "第1版");
	article(is, "没有图片的一篇");
	block(is, DOC_PARAGRAPH, "正文。");
	doc_add_page_caption(is, arena(is, "湖畔的樱花盛开。 林晓 摄"), UINT32_MAX);
	doc_add_page_caption(is, arena(is, "新建成的图书馆阅览室里坐满了读者,人们在安静地读书看报。 何田 摄"), UINT32_MAX);
	fx_open(&f, is, 40, 12);
	reader_key(f.r, 'p');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_PHOTOS);
	assert_string_equal(ov_row(f.r, 0), "Photo captions outside the articles (2)");
	assert_string_equal(ov_row(f.r, 1), "第1版 · one.txt (2)");
	assert_string_equal(ov_row(f.r, 2), "  湖畔的樱花盛开。 林晓 摄");
	/* 38 columns for the text: the long caption takes two rows */
	assert_string_equal(ov_row(f.r, 3), "  新建成的图书馆阅览室里坐满了读者,人们");
	assert_string_equal(ov_row(f.r, 4), "  在安静地读书看报。 何田 摄");
	assert_null(ov_row(f.r, 5));
	reader_row rr;
	reader_overlay_row(f.r, 2, &rr);
	assert_int_equal(rr.style, CONFIG_C_CAPTION);
	/* a narrower window wraps them again */
	reader_resize(f.r, 24, 12);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_PHOTOS);
	assert_string_equal(ov_row(f.r, 2), "  湖畔的樱花盛开。 林晓");
	assert_string_equal(ov_row(f.r, 3), "  摄");
	assert_string_equal(ov_row(f.r, 4), "  新建成的图书馆阅览室里");
	reader_key(f.r, 'p');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	fx_close(&f);

	/* an issue without such captions says so */
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'p');
	assert_string_equal(ov_row(f.r, 0), "Photo captions outside the articles (0)");
	assert_string_equal(ov_row(f.r, 1), "  every photo caption of this issue belongs to an article");
	fx_close(&f);
}

static void test_hit_list(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'F');
	assert_string_equal(reader_message(f.r), "no search (/ searches)");
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	type(f.r, "/目标\r");
	reader_key(f.r, 'F');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_HITS);
	assert_string_equal(ov_row(f.r, 0), "5 hits of “目标”");
	assert_string_equal(ov_row(f.r, 1), sides("第1版 · 目标新闻第一篇", "(2)", 80));
	assert_string_equal(ov_row(f.r, 2), "    目标新闻第一篇");
	assert_string_equal(ov_row(f.r, 3), "    这里有目标词。");
	assert_string_equal(ov_row(f.r, 4), sides("第2版 · 目标新闻第一篇", "(2)", 80));
	assert_string_equal(ov_row(f.r, 7), sides("第2版 · 第五篇", "(1)", 80));
	assert_string_equal(ov_row(f.r, 8), "    本文提到目标。");
	assert_null(ov_row(f.r, 9));
	/* the hit is marked in the context, the current one distinctly */
	reader_row rr;
	reader_overlay_row(f.r, 2, &rr);
	assert_int_equal(rr.hl_start, 4);
	assert_int_equal(rr.hl_end, 10);
	assert_true(rr.hl_current);
	assert_int_equal(rr.style, CONFIG_C_LIST_CURRENT);      /* selected */
	reader_overlay_row(f.r, 3, &rr);
	assert_int_equal(rr.hl_start, 4 + strlen("这里有"));
	assert_int_equal(rr.hl_end, 4 + strlen("这里有目标"));
	assert_false(rr.hl_current);
	assert_string_equal(reader_status_text(f.r), sides("Enter jumps · Esc returns", "1/5", 80));
	/* j moves over hits (not the article rows), Enter jumps */
	reader_key(f.r, 'j');
	reader_key(f.r, 'j');
	assert_string_equal(reader_status_text(f.r), sides("Enter jumps · Esc returns", "3/5", 80));
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	assert_int_equal(reader_article(f.r), 3);
	size_t cur;
	reader_search_hits(f.r, &cur);
	assert_int_equal(cur, 2);
	/* the search and the jump from the hit list are both in the history */
	assert_int_equal(reader_back_depth(f.r), 2);
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 0);
	/* Esc returns without moving */
	reader_key(f.r, 'F');
	reader_key(f.r, 'G');
	reader_key(f.r, KEYMAP_K_ESC);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	assert_int_equal(reader_article(f.r), 0);
	assert_string_equal(reader_search_query(f.r), "目标");
	/* a narrow overlay cuts the context by width, the hit stays marked */
	reader_resize(f.r, 24, 10);
	reader_key(f.r, 'F');
	reader_overlay_row(f.r, 3, &rr);
	assert_true(width_of(ov_row(f.r, 3)) <= 24);
	assert_true(rr.hl_end > rr.hl_start);
	assert_memory_equal(rr.text + rr.hl_start, "目标", 6);
	fx_close(&f);
}

/* ---- jumps ---- */

static void test_jumps(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'o');
	assert_string_equal(reader_message(f.r), "no jump line in view");
	reader_key(f.r, 'G');
	reader_key(f.r, 'o');
	assert_int_equal(reader_article(f.r), 3);
	assert_int_equal(reader_top(f.r), 0);
	assert_string_equal(reader_message(f.r), "jumped to 第2版 (Backspace goes back)");
	assert_int_equal(reader_back_depth(f.r), 1);
	/* "(上接第1版)" at the top leads back to where the first part ends;
	 * Enter follows a jump line too */
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_top(f.r), 25);
	assert_int_equal(reader_back_depth(f.r), 2);
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 3);
	assert_string_equal(reader_message(f.r), "back on 第2版");
	reader_key(f.r, '-');
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_top(f.r), 25);
	assert_int_equal(reader_back_depth(f.r), 0);
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_string_equal(reader_message(f.r), "no earlier position to go back to");
	/* a target that is not in the issue: said, not followed */
	reader_key(f.r, KEYMAP_K_END);
	for (int i = 0; i < 4; i++)
		reader_key(f.r, 'J');
	assert_int_equal(reader_article(f.r), 4);
	reader_key(f.r, 'o');
	assert_int_equal(reader_article(f.r), 4);
	assert_string_equal(reader_message(f.r), "第4版 is not in this issue");
	reader_status st;
	reader_status_of(f.r, &st);
	assert_true(st.error);
	assert_int_equal(reader_back_depth(f.r), 0);
	fx_close(&f);
}

static void test_sample_jumps(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, sample_issue(), 80, 24);
	/* article 3 is a teaser: "详见第4版" */
	for (int i = 0; i < 3; i++)
		reader_key(f.r, 'J');
	reader_key(f.r, 'o');
	assert_int_equal(reader_article(f.r), 15);
	assert_string_equal(pane(f.r, 0), "临江古渡口焕新开放 市民乘船游青川");
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 3);
	fx_close(&f);
}

/* ---- read articles, marks, restore ---- */

static void test_read_articles(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	assert_false(reader_is_read(f.r, 0));
	assert_int_equal(reader_tick(f.r, util_now_ns()), READER_NOTHING);
	assert_false(reader_is_read(f.r, 0));
	/* shown for more than a moment */
	assert_int_equal(reader_tick(f.r, util_now_ns() + READER_READ_AFTER_NS + 1), READER_REDRAW);
	assert_true(reader_is_read(f.r, 0));
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	assert_false(reader_is_read(f.r, 1));
	assert_false(reader_is_read(f.r, 3));
	/* or scrolled */
	reader_key(f.r, 'j');
	assert_true(reader_is_read(f.r, 3));
	reader_row rr;
	reader_list_row(f.r, 1, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_READ);
	reader_list_row(f.r, 3, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST);
	fx_close(&f);
}

static void test_marks(void **ts)
{
	(void)ts;
	fx f;
	fx_open_state(&f, built_issue(), 80, 24);
	reader_key(f.r, '\'');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_MARKS);
	assert_string_equal(ov_row(f.r, 0), "Marks in this issue (0)");
	assert_string_equal(ov_row(f.r, 1), "  no marks yet (m marks the article you read)");
	reader_key(f.r, 'q');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	reader_key(f.r, ' ');
	reader_key(f.r, 'm');
	assert_string_equal(reader_message(f.r), "marked: 目标新闻第一篇 (' lists the marks)");
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	reader_key(f.r, 'm');
	reader_key(f.r, '\'');
	assert_string_equal(ov_row(f.r, 0), "Marks in this issue (2)");
	assert_string_equal(ov_row(f.r, 1), "  第2版 · 目标新闻第一篇");      /* newest first */
	assert_string_equal(ov_row(f.r, 2), "  第1版 · 目标新闻第一篇 · 第一篇第10段。");
	reader_key(f.r, 'j');
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_top(f.r), 21);
	assert_string_equal(reader_message(f.r), "at the mark on 第1版");
	assert_int_equal(reader_back_depth(f.r), 1);
	/* all issues: where each mark is */
	reader_key(f.r, '"');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_ALL_MARKS);
	assert_string_equal(ov_row(f.r, 0), "Marks in every issue (2)");
	assert_string_equal(ov_row(f.r, 1), "  第2版 · 目标新闻第一篇 · test-issue");
	/* d deletes one */
	reader_key(f.r, 'd');
	assert_string_equal(reader_message(f.r), "mark deleted");
	assert_string_equal(ov_row(f.r, 0), "Marks in every issue (1)");
	assert_string_equal(ov_row(f.r, 1), "  第1版 · 目标新闻第一篇 · 第一篇第10段。 · test-issue");
	reader_key(f.r, KEYMAP_K_ESC);
	/* a mark of another issue shows its path and is not jumped to */
	state_add_mark(f.st, 12345, (doc_pos){ 0, 2, 0 }, "别的报纸", "/papers/other");
	reader_key(f.r, '"');
	assert_string_equal(ov_row(f.r, 1), "  别的报纸 · /papers/other");
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_ALL_MARKS);
	assert_string_equal(reader_message(f.r), "that mark is in another issue: /papers/other");
	reader_key(f.r, KEYMAP_K_ESC);
	reader_key(f.r, '\'');
	assert_string_equal(ov_row(f.r, 0), "Marks in this issue (1)");
	reader_key(f.r, 'q');
	fx_close(&f);
}

static void test_marks_without_state(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 80, 24);
	reader_key(f.r, 'm');
	assert_string_equal(reader_message(f.r), "marks are not available (no state folder)");
	reader_key(f.r, '\'');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	fx_close(&f);
}

static void test_restore(void **ts)
{
	(void)ts;
	fx f;
	fx_open_state(&f, built_issue(), 80, 10);
	assert_string_equal(reader_message(f.r), "");
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	reader_key(f.r, 'J');
	for (int i = 0; i < 7; i++)     /* under 上接第1版《…》 */
		reader_key(f.r, 'j');
	assert_int_equal(reader_top(f.r), 7);
	assert_string_equal(pane(f.r, 0), "    续文第02段。");
	doc_pos pos = reader_position(f.r);
	assert_int_equal(pos.article, 3);
	reader_save(f.r);
	reader_free(f.r);
	state_close(f.st);
	/* a new run, at another width: the same article and paragraph */
	f.st = state_open(f.dir, quiet);
	f.r = reader_new(f.issue, &f.cfg, f.st, &f.opt, 60, 20);
	assert_string_equal(reader_message(f.r), "reopened where you left off");
	assert_anchor_visible(f.r, pos);
	assert_int_equal(reader_position(f.r).element, pos.element);
	assert_true(reader_is_read(f.r, 3));
	reader_free(f.r);
	/* unless told not to */
	f.opt.restore = false;
	f.r = reader_new(f.issue, &f.cfg, f.st, &f.opt, 60, 20);
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_top(f.r), 0);
	fx_close(&f);
}

/* A big issue opened while it is still being parsed: the issue loader
 * on the sample issue, a page per step. */
typedef struct page_loader {
	issue_loader *l;
	int next;               /* next sample page, 1..4 */
	int steps;
} page_loader;

static bool load_page(page_loader *pl)
{
	if (pl->next > 4)
		return true;
	pl->next++;
	return issue_step(pl->l, 1 << 20);     /* a sample page is smaller */
}

static bool loader_step(void *ctx, size_t budget)
{
	page_loader *pl = ctx;
	pl->steps++;
	if (budget == SIZE_MAX) {
		while (!load_page(pl))
			;
		return true;
	}
	return load_page(pl);
}

static double loader_progress(void *ctx)
{
	const page_loader *pl = ctx;
	return (pl->next - 1) / 4.0;
}

/* The sample issue opened while it loads (page 1 read before the first
 * screen), with remembered state in a private folder: the position
 * remembered, article 13, is on page 3, not loaded yet (saved to the
 * folder too when `saved`). */
static void fx_open_loading(fx *f, page_loader *pl, reader_loader *rl, bool saved)
{
	char err[512];
	const char *paths[] = { sample_path() };
	*pl = (page_loader){ issue_open(paths, 1, NULL, NULL, err, sizeof err), 1, 0 };
	assert_non_null(pl->l);
	load_page(pl);
	*rl = (reader_loader){ loader_step, loader_progress, pl };
	fx_state(f, issue_doc(pl->l));
	doc_pos far = { 13, DOC_NFIELDS, 0 };
	state_set_position(f->st, 4242, far);
	if (saved)
		assert_true(state_save(f->st));
	f->opt.issue_name = "big";
	f->opt.restore = true;
	f->opt.loader = rl;
	f->opt.fingerprint = 4242;
	f->r = reader_new(f->issue, &f->cfg, f->st, &f->opt, 80, 24);
}

static void test_loading_while_reading(void **ts)
{
	(void)ts;
	fx f;
	page_loader pl;
	reader_loader rl;
	fx_open_loading(&f, &pl, &rl, false);
	assert_true(reader_loading(f.r));
	assert_int_equal(reader_article(f.r), 0);
	assert_non_null(strstr(reader_status_text(f.r), "article 1/6 · 第1版"));
	assert_non_null(strstr(reader_status_text(f.r), "loading 25%"));
	/* page 2 arrives: the list grows, the remembered article is not there yet */
	reader_issue_grew(f.r, loader_step(&pl, 1 << 20));
	assert_non_null(strstr(reader_status_text(f.r), "article 1/11"));
	assert_int_equal(reader_article(f.r), 0);
	/* page 3 arrives: the reader goes where the reading was left */
	reader_issue_grew(f.r, loader_step(&pl, 1 << 20));
	assert_int_equal(reader_article(f.r), 13);
	assert_string_equal(reader_message(f.r), "reopened where you left off");
	assert_true(reader_loading(f.r));
	/* a search covers the whole issue: it finishes loading first */
	type(f.r, "/社区食堂\r");
	assert_false(reader_loading(f.r));
	assert_int_equal(doc_narticles(f.issue), 19);
	assert_true(reader_search_hits(f.r, NULL) >= 1);
	assert_int_equal(doc_article_at(f.issue, reader_article(f.r))->page, 3);
	assert_null(strstr(reader_status_text(f.r), "loading"));
	f.issue = NULL;                     /* the loader's */
	fx_close(&f);
	issue_close(pl.l);
}

/* While the issue loads: J past the articles that have arrived parses on
 * until the next one is there (keys typed at once do not stop at the end
 * of page 1); quitting before the remembered article has arrived keeps
 * the remembered position (not the top shown meanwhile); once the reader
 * moves, the remembered article arriving later does not move it back. */
static void test_next_article_while_loading(void **ts)
{
	(void)ts;
	fx f;
	page_loader pl;
	reader_loader rl;
	fx_open_loading(&f, &pl, &rl, true);
	assert_true(reader_loading(f.r));
	assert_non_null(strstr(reader_status_text(f.r), "article 1/6 · 第1版"));
	/* the remembered article has not arrived: nothing to save over it */
	assert_false(reader_unsaved(f.r));
	reader_save(f.r);
	doc_pos pos;
	assert_true(state_get_position(f.st, 4242, &pos));
	assert_int_equal(pos.article, 13);
	/* seven J at once: the sixth needs page 2 */
	type(f.r, "JJJJJJJ");
	assert_int_equal(reader_article(f.r), 7);
	assert_null(strstr(reader_message(f.r), "last article"));
	assert_true(reader_unsaved(f.r));
	reader_save(f.r);
	assert_false(reader_unsaved(f.r));
	assert_true(state_get_position(f.st, 4242, &pos));
	assert_int_equal(pos.article, 7);
	reader_issue_grew(f.r, loader_step(&pl, 1 << 20));  /* page 3: article 13 */
	assert_true(doc_narticles(f.issue) > 13);
	assert_int_equal(reader_article(f.r), 7);
	f.issue = NULL;                     /* the loader's */
	fx_close(&f);
	issue_close(pl.l);
}

static void test_history_kept(void **ts)
{
	(void)ts;
	fx f;
	fx_open_state(&f, built_issue(), 80, 24);
	type(f.r, "/第五\r");
	reader_save(f.r);
	reader_free(f.r);
	state_close(f.st);
	f.st = state_open(f.dir, quiet);
	f.r = reader_new(f.issue, &f.cfg, f.st, &f.opt, 80, 24);
	type(f.r, "/");
	reader_key(f.r, KEYMAP_K_UP);
	const char *text;
	reader_prompting(f.r, &text);
	assert_string_equal(text, "第五");
	fx_close(&f);
}


/* ---- reading without thinking (issue 14): counts, pages, unread ---- */

static void test_counts_pages_unread(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, sample_issue(), 80, 24);
	/* a count before a key: 5j scrolls five lines, 3J three articles */
	type(f.r, "5j");
	assert_int_equal(reader_top(f.r), 5);
	type(f.r, "3J");
	assert_int_equal(reader_article(f.r), 3);
	assert_int_equal(reader_top(f.r), 0);
	/* > and < go a page at a time; Right and Left too */
	reader_key(f.r, '>');
	assert_int_equal(reader_article(f.r), 6);               /* 第2版's first */
	assert_string_equal(reader_message(f.r), "第2版 要闻 (Backspace goes back)");
	reader_key(f.r, KEYMAP_K_RIGHT);
	assert_int_equal(reader_article(f.r), 11);
	reader_key(f.r, '<');
	assert_int_equal(reader_article(f.r), 6);
	reader_key(f.r, 'J');
	reader_key(f.r, '<');                                   /* the start of its page first */
	assert_int_equal(reader_article(f.r), 6);
	reader_key(f.r, KEYMAP_K_LEFT);
	assert_int_equal(reader_article(f.r), 0);
	reader_key(f.r, '<');
	assert_string_equal(reader_message(f.r), "this is the first page");
	/* 4g and :3 Enter go to 第N版; page jumps go into the back history */
	size_t depth = reader_back_depth(f.r);
	type(f.r, "4g");
	assert_int_equal(reader_article(f.r), 15);
	assert_int_equal(reader_back_depth(f.r), depth + 1);
	type(f.r, ":3");
	assert_string_equal(reader_message(f.r), "go to 第3版 (Enter goes, Esc cancels)");
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), 11);
	type(f.r, ":9");
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_string_equal(reader_message(f.r), "第9版 is not in this issue");
	type(f.r, ":2");
	reader_key(f.r, KEYMAP_K_ESC);
	assert_int_equal(reader_article(f.r), 11);              /* cancelled */
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 15);
	/* U: the next article not read yet */
	reader_key(f.r, 'g');
	type(f.r, "1g");
	assert_int_equal(reader_article(f.r), 0);
	reader_key(f.r, 'U');
	assert_int_equal(reader_article(f.r), 1);
	assert_string_equal(reader_message(f.r), "next unread article (Backspace goes back)");
	/* the list has the focus: the status line shows the whole headline */
	reader_key(f.r, KEYMAP_K_TAB);
	reader_key(f.r, 'j');
	reader_key(f.r, 'j');
	const char *st = reader_status_text(f.r);
	assert_true(strncmp(st, "临江古渡口焕新开放 市民乘船游青川", strlen("临江古渡口焕新开放 市民乘船游青川")) == 0);
	reader_row rr;
	reader_list_row(f.r, 4, &rr);
	assert_int_equal(rr.style, CONFIG_C_LIST_CURRENT);      /* the bar: the list has the focus */
	fx_close(&f);
}

/* Counts on every motion where they make sense: subheads, unread, back,
 * the rows of the hit list and the marks. */
static void test_counts_everywhere(void **ts)
{
	(void)ts;
	fx f;
	fx_open_state(&f, sample_issue(), 80, 24);
	/* 2} is } twice; 2{ from there goes past the first to the top */
	type(f.r, "16J");
	assert_int_equal(reader_article(f.r), 16);
	reader_key(f.r, '}');
	size_t t1 = reader_top(f.r);
	reader_key(f.r, '}');
	size_t t2 = reader_top(f.r);
	assert_true(t1 > 0 && t2 > t1);
	reader_key(f.r, 'g');
	type(f.r, "2}");
	assert_int_equal(reader_top(f.r), t2);
	reader_key(f.r, '{');
	assert_int_equal(reader_top(f.r), t1);
	reader_key(f.r, '}');
	type(f.r, "2{");
	assert_int_equal(reader_top(f.r), 0);
	/* 3U: the third unread article on */
	type(f.r, "1g");
	assert_int_equal(reader_article(f.r), 0);
	type(f.r, "3U");
	assert_int_equal(reader_article(f.r), 3);
	/* 2Backspace: two jumps back */
	type(f.r, "1g");
	reader_key(f.r, '>');
	reader_key(f.r, '>');
	reader_key(f.r, '>');
	assert_int_equal(reader_article(f.r), 15);
	reader_key(f.r, '2');
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 6);
	/* in the hit list, 3j is j j j */
	type(f.r, "/青川");
	reader_key(f.r, KEYMAP_K_ENTER);
	reader_key(f.r, 'F');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_HITS);
	reader_key(f.r, 'g');
	reader_key(f.r, 'j');
	reader_key(f.r, 'j');
	reader_key(f.r, 'j');
	reader_key(f.r, KEYMAP_K_ENTER);
	uint32_t art = reader_article(f.r);
	size_t top = reader_top(f.r);
	reader_key(f.r, 'F');
	reader_key(f.r, 'g');
	type(f.r, "3j");
	assert_int_equal(reader_overlay_of(f.r), READER_OV_HITS);
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), art);
	assert_int_equal(reader_top(f.r), top);
	/* in the marks: 2k goes up two rows */
	type(f.r, "1g");
	reader_key(f.r, 'm');
	reader_key(f.r, 'J');
	reader_key(f.r, 'm');
	reader_key(f.r, 'J');
	reader_key(f.r, 'm');
	reader_key(f.r, '\'');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_MARKS);
	reader_key(f.r, 'G');
	type(f.r, "2k");
	reader_key(f.r, KEYMAP_K_ENTER);
	uint32_t first = reader_article(f.r);
	reader_key(f.r, '\'');
	reader_key(f.r, 'g');
	reader_key(f.r, KEYMAP_K_ENTER);
	assert_int_equal(reader_article(f.r), first);
	fx_close(&f);
}

static void test_search_is_a_jump(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, sample_issue(), 80, 24);
	assert_int_equal(reader_back_depth(f.r), 0);
	type(f.r, "/古渡口");
	reader_key(f.r, KEYMAP_K_ENTER);
	uint32_t at = reader_article(f.r);
	assert_true(at > 0);
	assert_int_equal(reader_back_depth(f.r), 1);
	reader_key(f.r, KEYMAP_K_BACKSPACE);
	assert_int_equal(reader_article(f.r), 0);
	assert_int_equal(reader_top(f.r), 0);
	fx_close(&f);
}

/* The marks list says where each mark is: the first words of its paragraph. */
static void test_marks_show_paragraph(void **ts)
{
	(void)ts;
	fx f;
	fx_open_state(&f, sample_issue(), 80, 24);
	type(f.r, "10j");
	reader_key(f.r, 'm');
	reader_key(f.r, '\'');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_MARKS);
	const char *row = ov_row(f.r, 1);
	assert_non_null(row);
	/* 第1版 · the headline · the paragraph at the top line, punctuation restored */
	assert_non_null(strstr(row, "第1版 · 青川高新区首季新签约项目四十二个 · "));
	assert_non_null(strstr(row, "，") ? row : NULL);
	fx_close(&f);
}

/* ---- help and keys ---- */

static void test_help(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 200, 60);
	reader_key(f.r, 'h');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_HELP);
	assert_string_equal(ov_row(f.r, 1), help_line("j Down C-n C-e", KA_LINE_DOWN));
	assert_string_equal(ov_row(f.r, 5), help_line("Space PgDn f C-f", KA_PAGE_DOWN));
	assert_string_equal(ov_row(f.r, 27), help_line("Backspace C-h -", KA_BACK));
	/* every action, with its name and keys */
	for (int a = KA_NONE + 1; a < KA_COUNT; a++) {
		char want[64];
		snprintf(want, sizeof want, "(%s)", keymap_action_name((keymap_action)a));
		bool found = false;
		for (int y = 1; y < 59 && !found; y++) {
			const char *row = ov_row(f.r, y);
			found = row && strstr(row, want) && strstr(row, keymap_action_help((keymap_action)a));
		}
		if (!found)
			fail_msg("help has no row for %s", want);
	}
	/* scrollable; Esc or q closes */
	reader_resize(f.r, 80, 10);
	/* 8 of 34 actions and 11 lines of notes */
	assert_string_equal(reader_status_text(f.r), sides("q or Esc closes", "17%", 80));
	reader_key(f.r, 'j');
	assert_string_equal(ov_row(f.r, 1), help_line("k Up C-p C-y", KA_LINE_UP));
	reader_key(f.r, 'G');
	assert_string_equal(reader_status_text(f.r), sides("q or Esc closes", "100%", 80));
	reader_key(f.r, KEYMAP_K_ESC);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	reader_key(f.r, KEYMAP_K_F1);
	assert_int_equal(reader_overlay_of(f.r), READER_OV_HELP);
	reader_key(f.r, 'q');
	assert_int_equal(reader_overlay_of(f.r), READER_OV_NONE);
	/* q quits when no overlay is open; C-l redraws */
	assert_int_equal(reader_key(f.r, 12), READER_CLEAR | READER_REDRAW);
	assert_int_equal(reader_key(f.r, 'q'), READER_QUIT);
	fx_close(&f);
}

static void test_rebound_keys(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, built_issue(), 200, 60);
	char err[128];
	assert_true(keymap_bind(f.cfg.keys, KA_NEXT_ARTICLE, "x", err, sizeof err));
	assert_true(keymap_bind(f.cfg.keys, KA_BACK, "C-o", err, sizeof err));
	reader_key(f.r, 'x');
	assert_int_equal(reader_article(f.r), 1);
	reader_key(f.r, 'J');
	assert_int_equal(reader_article(f.r), 1);
	assert_string_equal(reader_message(f.r), "J does nothing here (h lists the keys)");
	/* hints follow the keys */
	f.cfg.space_continues = false;
	reader_key(f.r, ' ');
	assert_string_equal(reader_message(f.r), "end of the article (x: next article)");
	reader_key(f.r, 'h');
	bool found = false;
	for (int y = 1; y < 59 && !found; y++) {
		const char *row = ov_row(f.r, y);
		found = row && strcmp(row, help_line("x", KA_NEXT_ARTICLE)) == 0;
	}
	assert_true(found);
	fx_close(&f);
}

static void test_empty_issue(void **ts)
{
	(void)ts;
	fx f;
	fx_open(&f, doc_issue_new(), 80, 24);
	assert_string_equal(reader_status_text(f.r),
			    sides("test-issue", "no articles in this issue", 80));
	static const int keys[] = { 'j', 'k', ' ', 'b', 'G', 'g', 'J', 'K', '}', '{', 'o', '\t',
				    '\\', 'm', 'h', 'q', 'F', 'n', '/', 'a', '\r', KEYMAP_K_ENTER };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(keys); i++)
		reader_key(f.r, keys[i]);
	reader_mouse(f.r, 40, 3, READER_MOUSE_CLICK);
	reader_mouse(f.r, 40, 3, READER_MOUSE_WHEEL_DOWN);
	reader_tick(f.r, util_now_ns() + READER_READ_AFTER_NS * 2);
	assert_string_equal(pane(f.r, 0), "");
	assert_null(list_row(f.r, 0));
	reader_save(f.r);
	fx_close(&f);
}

/* The corpus pages as one issue: page through every article. */
static void test_corpus_page_through(void **ts)
{
	(void)ts;
	TU_CORPUS_OR_SKIP(path, "000");
	(void)path;
	fx f;
	fx_open(&f, parse_folder(tu_corpus_dir()), 100, 30);
	size_t steps = 0;
	for (uint32_t a = 0; a < doc_narticles(f.issue); a++) {
		assert_int_equal(reader_article(f.r), a);
		size_t nl = reader_layout(f.r)->nlines;
		size_t last = nl > 29 ? nl - 29 : 0;
		while (reader_top(f.r) < last) {
			size_t before = reader_top(f.r);
			reader_key(f.r, ' ');
			steps++;
			/* a screen but scroll_context lines, except at the end */
			assert_true(reader_top(f.r) - before == 27 || reader_top(f.r) == last);
		}
		reader_key(f.r, 'J');
	}
	assert_true(steps >= 20);
	fx_close(&f);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_every_small_size),
		cmocka_unit_test(test_status_exact),
		cmocka_unit_test(test_unprintable_text),
		cmocka_unit_test(test_huge_paragraph),
		cmocka_unit_test(test_list_rows_exact),
		cmocka_unit_test(test_sample_list_and_open),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_read_as_one),
		cmocka_unit_test(test_articles),
		cmocka_unit_test(test_subheads),
		cmocka_unit_test(test_resize_keeps_paragraph),
		cmocka_unit_test(test_list_focus),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_search_steps),
		cmocka_unit_test(test_search_from_position_and_backward),
		cmocka_unit_test(test_search_not_found),
		cmocka_unit_test(test_prompt_editing),
		cmocka_unit_test(test_prompt_cancel_and_history),
		cmocka_unit_test(test_hit_list),
		cmocka_unit_test(test_jumps),
		cmocka_unit_test(test_sample_jumps),
		cmocka_unit_test(test_read_articles),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_marks_without_state),
		cmocka_unit_test(test_photos),
		cmocka_unit_test(test_restore),
		cmocka_unit_test(test_loading_while_reading),
		cmocka_unit_test(test_next_article_while_loading),
		cmocka_unit_test(test_history_kept),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_rebound_keys),
		cmocka_unit_test(test_counts_pages_unread),
		cmocka_unit_test(test_counts_everywhere),
		cmocka_unit_test(test_search_is_a_jump),
		cmocka_unit_test(test_marks_show_paragraph),
		cmocka_unit_test(test_empty_issue),
		cmocka_unit_test(test_corpus_page_through),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
