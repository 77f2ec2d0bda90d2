/* Unit tests of the parser: each fixture in tests/fixtures/parse/ (our own
 * writing) shows one rule; its .expected file holds the exact structure
 * the parser must make of it, rendered by render() below:
 *   "== article N" then "column: …" etc. for the fields that are set, then
 *   one line per block: "P " paragraph, "S " subhead, "C " caption,
 *   "J " jump; then "== captions" / "== banners" / "== label" for the page.
 * Set KANBAO_UPDATE=1 to print what the parser makes instead of failing
 * (for writing a new expected file, which is then checked by hand). */
#include "testutil.h"
#include "columns.h"
#include "doc.h"
#include "input.h"
#include "parse.h"
#include "text.h"
#include "util.h"

#include <unistd.h>

static const char *const field_names[DOC_NFIELDS] = {
	"column", "kicker", "headline", "subtitle", "byline", "dateline",
};

static void render(const doc_issue *issue, util_buf *out)
{
	static const char types[] = { 'P', 'S', 'C', 'J' };
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		util_buf_printf(out, "== article %zu\n", i + 1);
		for (int f = 0; f < DOC_NFIELDS; f++)
			if (a->field[f].len)
				util_buf_printf(out, "%s: %.*s\n", field_names[f], (int)a->field[f].len, a->field[f].s);
		for (uint32_t b = 0; b < a->nblocks; b++) {
			const doc_block *blk = doc_block_at(issue, a->first_block + b);
			util_buf_printf(out, "%c %.*s\n", types[blk->type], (int)blk->text.len, blk->text.s);
		}
	}
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		if (pg->ncaptions)
			util_buf_adds(out, "== captions\n");
		for (uint32_t c = 0; c < pg->ncaptions; c++) {
			const doc_str *s = doc_page_caption_at(issue, pg->first_caption + c);
			util_buf_printf(out, "C %.*s\n", (int)s->len, s->s);
		}
		if (pg->nbanners)
			util_buf_adds(out, "== banners\n");
		for (uint32_t b = 0; b < pg->nbanners; b++) {
			const doc_str *s = doc_banner_at(issue, pg->first_banner + b);
			util_buf_printf(out, "B %.*s\n", (int)s->len, s->s);
		}
		if (pg->label.len)
			util_buf_printf(out, "== label\n%.*s\n", (int)pg->label.len, pg->label.s);
	}
}

static void release(void *p)
{
	free(p);
}

static doc_issue *parse_text(const char *name, char *text, size_t len)
{
	doc_issue *issue = doc_issue_new();
	doc_source src = { text, len, text, release, NULL };
	parse_page(issue, name, src);
	return issue;
}

static void check_file(const char *dir, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s.txt", dir, name);
	size_t len;
	char *text = tu_read_file(tu_fixture(path), &len);
	/* (as the reader reads a page: its columns side by side unfolded) */
	char *unfolded;
	size_t unfolded_len;
	if (columns_unfold(text, len, &unfolded, &unfolded_len)) {
		free(text);
		text = unfolded;
		len = unfolded_len;
	}
	doc_issue *issue = parse_text(name, text, len);
	util_buf got = { 0 };
	render(issue, &got);
	util_buf_cstr(&got);
	if (getenv("KANBAO_UPDATE")) {
		printf("----- %s\n%s", name, got.data);
	} else {
		snprintf(path, sizeof path, "%s/%s.expected", strcmp(dir, "parse") ? "sample" : "parse", name);
		char *want = tu_read_file(tu_fixture(path), NULL);
		if (strcmp(want, got.data) != 0)
			print_error("%s: got\n%s\nexpected\n%s\n", name, got.data, want);
		assert_string_equal(got.data, want);
		free(want);
	}
	util_buf_free(&got);
	doc_issue_free(issue);
}

static void check_fixture(const char *name)
{
	check_file("parse", name);
}

#define FIXTURE_TEST(name) \
	static void test_##name(void **state) { (void)state; check_fixture(#name); }

/* The bundled sample issue, against the structure its author wrote down
 * (tests/fixtures/sample/NN.expected, from NN.expected.json). */
static void test_sample_issue(void **state)
{
	(void)state;
	static const char *const pages[] = { "01", "02", "03", "04" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(pages); i++)
		check_file("../../sample", pages[i]);
}

FIXTURE_TEST(headline_byline)       /* headline, byline, paragraphs */
FIXTURE_TEST(title_list_spaced)     /* a page's list of its own titles, a blank after every line of it */
FIXTURE_TEST(wrap_paragraph_ends)   /* hard-wrapped, no blank: a short open line ends its paragraph, a —— subtitle fills the width; a number cut runs on */
FIXTURE_TEST(whitespace_lines)      /* NBSP / ideographic-space lines vanish */
FIXTURE_TEST(crlf)                  /* CRLF line ends */
FIXTURE_TEST(cr)                    /* lone CR line ends */
FIXTURE_TEST(kicker_subtitle)       /* kicker above, —— subtitle below, inline —— */
FIXTURE_TEST(markdown)              /* # headline, ## subhead, **lead-in** */
FIXTURE_TEST(column_labels)         /* 栏目 before a gap, with a middle dot, short label */
FIXTURE_TEST(bylines)               /* bare names under a headline, 佚名 */
FIXTURE_TEST(datelines)             /* 本报讯(记者 X), 本报X月X日讯, 本报X地电, 本报讯 alone */
FIXTURE_TEST(trailing_byline)       /* "…。(张三 李四)" closes an article */
FIXTURE_TEST(subheads)              /* subheads, a three-line subhead */
FIXTURE_TEST(cuts)                  /* column-break cuts joined, banner in a cut, Latin join */
FIXTURE_TEST(captions)              /* credit on the line, next line, next block; gallery */
FIXTURE_TEST(bare_caption)          /* a caption without credit, placed by shared words */
FIXTURE_TEST(cut_caption)           /* a caption dropped into a cut paragraph */
FIXTURE_TEST(jumps)                 /* 下转 ends an article, 详见 teaser, 上接 */
FIXTURE_TEST(repeats)               /* paragraphs extracted several times */
FIXTURE_TEST(headless)              /* body before its headline: merged */
FIXTURE_TEST(page_header)           /* 第N版 line: banner and page label */
FIXTURE_TEST(section_name)          /* a section name heading the page: its label */
FIXTURE_TEST(briefs)                /* a headline alone after a news brief */
FIXTURE_TEST(wrapped)               /* hard-wrapped, indented paragraphs */
FIXTURE_TEST(orphan_text)           /* text before any headline is kept */
FIXTURE_TEST(running_headers)       /* paper/date/星期/A04/责编 headers at top, bottom, in a cut */
FIXTURE_TEST(story_ends)            /* ——Name attribution, (X 供稿), a byline after the body */
FIXTURE_TEST(wrapped_stories)       /* hard-wrapped stories with no blank lines, 约3/5 joined */
FIXTURE_TEST(wire_datelines)        /* 新华社…电, 【新华社济南讯】, （完）, 据新华社, 新华社发 */
FIXTURE_TEST(masthead_block)        /* masthead block, broken headline, colon kicker, sidebar, figures */
FIXTURE_TEST(markdown_levels)       /* "#" running header, "##" titles, "####" ——subtitle, bold byline */
FIXTURE_TEST(bracket_sources)       /* （中央社记者X电）, 【记者X／台北报道】, （记者 X）, X讯（记者 Y） */
FIXTURE_TEST(markdown_digest)       /* post title, account line, ### ① items, images, > byline, tail */
FIXTURE_TEST(epaper_furniture)      /* header, page label, font controls, 作者/来源, navigation per story */
FIXTURE_TEST(trad_bylines)          /* the same in traditional characters (s2tw): 本報記者, 攝影 */
FIXTURE_TEST(letter_spaced)         /* OCR letter-spacing: header, deck, byline, dateline, caption, folio; wrapped lines */
FIXTURE_TEST(page_conventions)      /* a bare page number and section on top, a decked story's subhead, a byline set apart by spaces */
FIXTURE_TEST(markdown_marks)        /* ** in a banner and > before a caption are marks, not text */
FIXTURE_TEST(kicker_shared_word)    /* two deck lines sharing a word are kicker and headline; a phrase cut in two is one headline */
FIXTURE_TEST(deck_widths)           /* a line a character or two wider is set alike: the last plain line of the deck is the headline */
FIXTURE_TEST(wrapped_caption)       /* hard-wrapped: a caption's credit ends it, a caption starts after a finished sentence */
FIXTURE_TEST(page_note)             /* one sentence at the page's foot after the last story closed: a note of the page */
FIXTURE_TEST(tail_repeat)           /* the last sentences of a rejoined cut paragraph extracted again are dropped */
FIXTURE_TEST(signed_letters)        /* a signature between a finished story without a byline and the next title closes the story above */
FIXTURE_TEST(qa_items)              /* a short question over a 问： paragraph heads an item of a Q&A page */
FIXTURE_TEST(run_in_titles)         /* briefs whose titles run into the text after an ideographic space; an answerer or a row of figures does not */
FIXTURE_TEST(md_rank)               /* markdown ranks: "## 团务简讯" ranked above the page's "####" sections over bold items, "## 兄弟团动态" ranked as the signed story's "##" over "###" items: columns over stories, each item a story */
FIXTURE_TEST(md_rank_lookalike)     /* look-alike: a story's "##" sections, and a deeper "###" one among them, stay its subheads */
FIXTURE_TEST(page_label)            /* a bulletin that set a column in 【】 over its first story: each later 【】 label over a title heads a story, not a section */
FIXTURE_TEST(page_label_lookalike)  /* look-alike: the same labels inside a signed story, on a page that set no such column first, stay its sections */
FIXTURE_TEST(indent_margin)         /* every line indented, titles too, and the rest of a paragraph cut by a running header unindented under it: the indent is still the page's margin, the titles head their stories */
FIXTURE_TEST(indent_margin_lookalike) /* look-alike: the same page with its titles and bylines set flush: indented paragraphs, titles as before */
FIXTURE_TEST(run_in_marked)         /* a scan's briefs under their column, each a marked title (◇, or a list's ·) run into its text after a plain space; one such point inside a story, or a caption, stays */
FIXTURE_TEST(run_in_page_mark)      /* briefs under their column each opening with the page's own mark (△) and a title run into the text: each a story; a lone △ line in a story, no run of them, stays whole */
FIXTURE_TEST(run_in_mark_space)     /* briefs under their column each opening with a mark, a space, then a title run into the text (■ 多地铁路部门…　即日起，…): each a story; the story's □ byline with its space stays its byline */
FIXTURE_TEST(question_over_byline) /* a short question set apart over a byline with text under it: the headline of the story the byline signs; a question closing a story over its signature stays its text */
FIXTURE_TEST(quoted_question)       /* a question wholly in quotes (「…？」) is a question: under a label and over a byline, it heads the piece; one inside a story's text stays */
FIXTURE_TEST(dateline_over_head)    /* 【本報消息】 alone on its line over each headline: the story it opens takes the title under it as its headline; a bare dateline under a headline stays that story's */
FIXTURE_TEST(indent_head_top)       /* on an indented page with no blank lines, the indented title lines right under the page's header, over a dateline, head the first story */
FIXTURE_TEST(indent_head_top_lookalike) /* ... but a finished sentence there is no title */
FIXTURE_TEST(md_briefs)             /* briefs with their titles in bold under a markdown label: each a story, the label their column (never a headline over a subtitle) */
FIXTURE_TEST(lead_kicker)           /* a short plain line tight over the page's first story, signed by a reporter, is its kicker; the same shape over a later story is a column */
FIXTURE_TEST(lead_column)           /* ... over the first story signed by a contributor (□X) it stays a column */
FIXTURE_TEST(report_lead)           /* 据X社…报道， opening a story (not inside it), 【X报讯】, （编译／X）, （X学院） */
FIXTURE_TEST(trad_datelines)        /* 本報訊, 新華社…電 */
FIXTURE_TEST(trad_captions)         /* … 攝 */
FIXTURE_TEST(trad_jumps)            /* ■下轉第2版, 詳見第4版, (上接第1版) */
FIXTURE_TEST(deck_roles)            /* kicker sharing a word, kicker over a ——deck, broken headline, label + broken */
FIXTURE_TEST(repeated_subhead)      /* a subhead extracted twice with its paragraph, after a dateline lead */
FIXTURE_TEST(byline_after_header)   /* a byline after the page header closes the story above when the next is signed */
FIXTURE_TEST(numbered_items)        /* briefs numbered 1．2．3．: one list, one role (headlines, not subheads) */
FIXTURE_TEST(marked_subhead)        /* ▍, 【】 and "■ 下一步" subheads inside a signed story: no headless story (the bar is decoration, left out) */
FIXTURE_TEST(notice_dates)          /* a signature over a date closes a notice; a numbered head over a unit line */
FIXTURE_TEST(photo_page)            /* pictures each under a lone title: one story each */
FIXTURE_TEST(filing_stamp)          /* （編輯：X）1140502 ends a story: the title after it is no banner in a cut */
FIXTURE_TEST(letters_signed)        /* a byline after the body over a title with plain text under it signs the story before */
FIXTURE_TEST(loose_wrap)            /* a PDF export in proportional type: lines end anywhere in the wrap's last sixth, numbers cut */
FIXTURE_TEST(note_over_deck)        /* 编者按 over a deck opens that story, the lone title over it is the series; a title over a note heads a story */
FIXTURE_TEST(jump_from_title)       /* （上接第一版） after a story's text starts the continued story under it; under a headline it stays */
FIXTURE_TEST(bracket_briefs)        /* briefs under a column title each opening with its title in 【】; 【案情】 paragraphs of a signed story stay */
FIXTURE_TEST(label_dash_deck)       /* a word over a headline and its —— subtitle is the label; a subject of 5 characters over its predicate with a —— subtitle is the deck's kicker (a deck whole: see deck_kicker_dash; a plain label over such a deck is a word of 4 at most, see deck_kicker_width) */
FIXTURE_TEST(deck_kicker_dash)      /* a line over a headline and its —— subtitle is a kicker, not half of it; a pair without one stays one broken headline */
FIXTURE_TEST(label_over_head)       /* a word naming a kind of piece, or a word over a line twice as wide, is a label; a place over its predicate stays a broken headline */
FIXTURE_TEST(letter_reply)          /* a reader's signature between a letter and the editor's reply signs the letter, the next title opens a story; （播音：X　配乐：Y） closes a piece, （数据：X　单位：Y） does not */
FIXTURE_TEST(form_items)            /* 【出租】/【求购】 ads each closed by a 联系: field: the label coming again makes it a row, so each ad's title opens an article; 137****5521 keeps its stars; ｡ (X Y) with a space ends the sentence */
FIXTURE_TEST(marked_items)          /* ◆ titles each over 时间：/地点： fields, the shape repeated, are items under the label over them; ■ subheads over text inside a story and a bracketed note closing it stay the story's */
FIXTURE_TEST(signed_notices)        /* notices each headed by their issuer, who signs them again over a date below: the issuer and the notice's name are one headline, the filing number its subtitle, 公　告 the column of them all */
FIXTURE_TEST(indented_briefs)       /* on an indented page, ◆ briefs with their titles run into their text are pieces of their own; an indented field line under a headline stays a paragraph */
FIXTURE_TEST(dash_comma)            /* a —— line with a comma right under a title is its subtitle; 雅加达讯： opens a story, 喜讯： does not */
FIXTURE_TEST(label_comma_deck)      /* a word of 4 characters over a headline with a comma is its label; a 7-character kicker over one is still the headline */
FIXTURE_TEST(label_question)        /* a short question under a label heads the piece; 读者问：…？ under one stays the letter */
FIXTURE_TEST(deck_question)         /* a question under a 【label】 of 7 characters or more heads the piece; a question over a plain line is the headline over its subtitle, no kicker */
FIXTURE_TEST(deck_question_lookalike) /* a plain kicker over a question headline, a 【label】 over a plain headline, a 【label】 over 读者问：…？: as they were */
FIXTURE_TEST(indented_kicker)       /* a short line indented like the paragraphs, set tight over a signed deck of titles that are not, set apart above: its kicker (was the page's chrome) */
FIXTURE_TEST(indented_kicker_lookalike) /* the same line set tight under a paragraph: text, as it was */
FIXTURE_TEST(place_kicker)          /* a first line closed by a word of place or time (…过后, …运动会上) over a tight line: kicker and headline, not one headline broken */
FIXTURE_TEST(place_kicker_lookalike) /* a subject over its predicate stays one broken headline; a label ending in 上 over a title stays its column */
FIXTURE_TEST(time_predicate)        /* a name over a line opening with a time (今年…) that names its word again: one headline broken, not kicker and headline */
FIXTURE_TEST(time_predicate_lookalike) /* two lines sharing a word, the second opening with no time: kicker and headline, as they were */
FIXTURE_TEST(tight_page)            /* paragraphs set tight: one blank line parts stories; table rows, 数据来源 and ■ items are not wrapped into */
FIXTURE_TEST(numbered_items_box)    /* two cells with figures apart by a wide gap are a row, not joined to "…：" nor subheads; "1.春玉米…" under a label is no cut line */
FIXTURE_TEST(foot_note)             /* one sentence alone after the last closed story, with the running footer under it, is the page's note */
FIXTURE_TEST(desk_note)             /* at the page's foot, 本版 opening a line (after a label：) or the desk's mail named as the paper's is a banner; a byline over it signs the story above */
FIXTURE_TEST(indent_all)            /* titles and bylines indented as far as the paragraphs: the indent no longer makes a short line a paragraph; a cut still joins */
FIXTURE_TEST(indent_items)          /* indented short items under a headline that has no indent stay paragraphs */
FIXTURE_TEST(run_label)             /* a line over a deck whose next line is an item's title (■…) is its kicker, and the column of the run of items set alike under it; a kicker over one story, a ■ byline stay */
FIXTURE_TEST(masthead_issuer)       /* a bulletin's name, its issue and the issuer with the date in the page's first lines are its masthead, not a deck */
FIXTURE_TEST(masthead_yearly)       /* 2026年第8期, X编印 and 二〇二六年十一月 are a header's fields */
FIXTURE_TEST(masthead_pieces)       /* a masthead in three lines, none a header alone: name, issue, date */
FIXTURE_TEST(masthead_pieces_lookalike) /* a dated headline tight over its dateline under the name: no masthead */
FIXTURE_TEST(masthead_note)         /* a note in brackets between a bulletin's name and its issue line: the masthead's */
FIXTURE_TEST(masthead_note_lookalike) /* the same name and note with no header under them: a story's */
FIXTURE_TEST(masthead_md)           /* a markdown title of the name and issue over the header line: the masthead's */
FIXTURE_TEST(masthead_md_lookalike) /* a dated markdown headline over its byline under the header: a headline */
FIXTURE_TEST(masthead_daily)        /* a daily's four-line masthead: name, 机关报, date with 今日N版 and 第N号, CN number */
FIXTURE_TEST(masthead_daily_lookalike) /* 第N号 opening a headline tight over its byline under the name: a headline */
FIXTURE_TEST(header_latin_name)     /* a footer of 70 characters with the paper's name in letters after its own (Maple-Leaf Chinese Weekly): a header */
FIXTURE_TEST(header_latin_name_lookalike) /* the paper's name, letters and a word over a byline: a headline */
FIXTURE_TEST(nav_links)             /* "上一篇　　下一篇：Y" over a header and Y, "上一篇：X　　下一篇" after the last story: labels and the page's titles, banners */
FIXTURE_TEST(nav_links_lookalike)   /* the same lines naming titles the page does not print: still the site's links, 上一篇/下一篇 say so */
FIXTURE_TEST(title_over_furniture)  /* a title set right over the metadata line the site prints under every story (its author empty): a headline */
FIXTURE_TEST(title_over_furniture_lookalike) /* the same title and metadata line printed once on a page: no furniture, a subhead */
FIXTURE_TEST(title_list_question)   /* a page's list of its titles holding a question, under a bar of links read as text: the list and the bar are chrome */
FIXTURE_TEST(title_list_question_lookalike) /* a question headline printed again as a subhead, no list: left as it was */
FIXTURE_TEST(rule_wide)             /* a rule of 24 dashes (72 bytes) under a bulletin's masthead and after its story: rules, the headline under the first */
FIXTURE_TEST(rule_wide_lookalike)   /* a paragraph between dashes (——…——) stays text */
FIXTURE_TEST(control_bar)           /* 字号：大 中 小　　打印本页 over the first story's headline on an e-paper: the site's controls, chrome, no kicker */
FIXTURE_TEST(control_bar_lookalike) /* a kicker with a label and a colon (特写：X) in the same place stays the kicker */
FIXTURE_TEST(dotted_date)           /* a point between figures at a line's end (2026.12.3, 增长5.2) ends no sentence: a footer with a dotted date inside a cut, a headline ending in a figure */
FIXTURE_TEST(desk_note_body)        /* an indented last paragraph with 投稿邮箱, 本版 inside a sentence: the story's own text */
FIXTURE_TEST(loose_wrap_lines)      /* lines of one width that each end a sentence are paragraphs, not a wrap */
FIXTURE_TEST(wrapped_decks)         /* hard-wrapped: a deck of three short lines after a full last line; an aside in brackets; 省市 + name */
FIXTURE_TEST(stub_byline)           /* a byline waiting over a headline that has its own is kept; 口述：/整理： on two lines; a box of field lines */
FIXTURE_TEST(fullwidth_running_headers)
FIXTURE_TEST(fullwidth_numbered_items)
FIXTURE_TEST(fullwidth_byline_shapes)
FIXTURE_TEST(fullwidth_masthead_yearly)
FIXTURE_TEST(fullwidth_byline_after_header)
FIXTURE_TEST(fullwidth_run_in_titles)
FIXTURE_TEST(fullwidth_letter_reply)
FIXTURE_TEST(fullwidth_title_list)
FIXTURE_TEST(fullwidth_wrapped_decks)
FIXTURE_TEST(fullwidth_site_deck_labels)
FIXTURE_TEST(header_mid_cut)         /* a line stopped mid-sentence over the running header printed again, blank lines around: a paragraph cut by a column break, joined */
FIXTURE_TEST(header_mid_cut_lookalike) /* a finished sentence over the header printed again, a headline with a comma under it: stays a headline */
FIXTURE_TEST(trad_bracket_sources)  /* bracket_sources in traditional characters (s2hk, 「」): （本報米蘭2月9日電） closes its story as （本报米兰2月9日电） does */
FIXTURE_TEST(trad_gathered_credit)  /* gathered_credit in traditional characters: （本刊綜合） closes its story */
FIXTURE_TEST(trad_site_deck_labels) /* site_deck_labels in traditional characters: 引題：/副題： label a deck's parts */
FIXTURE_TEST(trad_run_in_quotes)    /* traditional characters: 佛歷 dates a header, 圖 / X a photo's part of a byline, briefs' run-in titles quote with 「」『』; a space inside 「濠江同心　光耀未來」 ends no title */
FIXTURE_TEST(ascii_quotes_run_in)   /* quotes typed as ASCII ": briefs' run-in titles quote with them; a space inside "江城同心　光耀未来" ends no title */
FIXTURE_TEST(halfwidth_masthead_note) /* (内部交流　注意保存) in half-width brackets under a bulletin's name: the masthead's note, the block a header */
FIXTURE_TEST(halfwidth_epaper)      /* epaper_furniture in OCR's half-width punctuation (,｡､:): the same stories, the same furniture */
FIXTURE_TEST(halfwidth_run_in)      /* run_in_titles in half-width punctuation: briefs' run-in titles still found */
FIXTURE_TEST(halfwidth_narrow_wrap) /* narrow_wrap in half-width punctuation: the wrap at 12 characters still read (,｡ are punctuation inside its lines) */
FIXTURE_TEST(verse)                 /* stanzas under a poet and a poem's title are lines of verse; a deck after a closing byline stays a deck */
FIXTURE_TEST(listings)              /* a 【table title】 over rows, a question under a label, an 、 list, numbered steps, a 快讯 label, ■ listing rows at the foot */
FIXTURE_TEST(indented_fields)       /* indented label：value lines are text, not a deck; rows with 1,204,580; a title centred by spaces stays one */
FIXTURE_TEST(indent_signed)         /* on a page indenting its titles as its paragraphs (not its header), a short line over a byline or dateline heads a story */
FIXTURE_TEST(indent_signed_lookalike)   /* ... but a short last paragraph over a closing byline stays the story's text */
FIXTURE_TEST(unit_name_byline)      /* a post or unit and a name sign alone under a title (◇ may open it), and in a dateline's brackets */
FIXTURE_TEST(unit_name_byline_lookalike)   /* ... a label and a name-like word heading a story stay its headline */
FIXTURE_TEST(byline_cut_bracket)    /* a dateline alone on its line, its bracketed byline opening the next: one lead; a byline line in 〔〕 gives what they hold */
FIXTURE_TEST(byline_cut_bracket_lookalike)   /* ... a bracket of no byline after the dateline stays the text's */
FIXTURE_TEST(signed_label)          /* a short line over a title over a □ contributor is its column; over a reporter's byline a broken headline */
FIXTURE_TEST(narrow_wrap)           /* hard-wrapped at 24 columns: short lines end paragraphs; a footer in another order, as wide as the wrap, inside a cut */
FIXTURE_TEST(narrow_verse)          /* lines of 11 or 12 characters with no punctuation inside are verse, not a narrow wrap */
FIXTURE_TEST(label_word4)           /* a word of 4 characters over a title 5 longer is its column label; over a shorter one a broken headline */
FIXTURE_TEST(verse_then_prose)      /* a lone title after a poem's last stanza with prose under it is the next piece; a credit after a finished sentence is no cut */
FIXTURE_TEST(lead_subject)          /* a short line over a title that the lead does not name is its column (a contribution); named by the lead, or over a reporter's story, a broken headline */
FIXTURE_TEST(lead_subject_unsigned) /* the same with no signature under the deck (signed after the text, or not at all): a line the lead does not name is a label; named, a broken headline */
FIXTURE_TEST(ocr_number_title)      /* OCR's spaces inside a number glued to words (突破3 5 0 0 0辆) leave a title line, the second half of a broken headline; a table's single-digit cells (东城 5 4 1) stay rows */
FIXTURE_TEST(lead_subject_share)    /* a line over a title whose pairs the lead names less than half of (邻里之间 over …邻里…) is a label; a subject the lead names whole, or over a lead a reporter signs in brackets, a broken headline */
FIXTURE_TEST(marked_item_titles)    /* ▲ over a phrase that ends no sentence, credits no one, with text of its own under it: an item's title; ▲ captions (a sentence, a credit, or no text under them) stay captions */
FIXTURE_TEST(word_over_title)       /* a word of a label over a plain line as short or shorter (职工书屋 / 书　签): the label and the piece's title; a number filing it (第二回) stays a subtitle */
FIXTURE_TEST(pronoun_clause)        /* a line opening with a personal pronoun (她把…) has its own subject: not the second half of a broken headline; a subject over its predicate still is */
FIXTURE_TEST(deck_detail)           /* a broken headline over a subtitle of detail with a comma; two slogan lines over a plain headline stay its kicker */
FIXTURE_TEST(md_column)             /* "## X" right over "### Y", nothing between: X the column, Y the headline; a ### under text stays a subhead */
FIXTURE_TEST(first_header)          /* the first line opening with the paper's name, with figures, up to 64 characters (English name, date range): a banner */
FIXTURE_TEST(wrap_bracket)          /* hard-wrapped with indents: （林 / 　晓） is one bracket cut by the wrap; ◆ briefs whose titles run into their text */
FIXTURE_TEST(narrow_items)          /* lines of 11 or 12 characters that each end a sentence are paragraphs, not a narrow wrap */
FIXTURE_TEST(label_spaced)          /* blank lines between all paragraphs: a label one blank line over a wider title (自然小课堂 / 候鸟为什么要结队迁徙) heads a new story; over a narrower head (在家试一试 / 材料) or an aside in brackets, subheads as before */
FIXTURE_TEST(comma_label)           /* a label set tight over a title with a comma (维权直通车 / 网购沙发少了靠垫，店家补发并道歉): a new story, the comma line its headline; over a line ending in a comma or longer than a title, a subhead and a paragraph as before */
FIXTURE_TEST(decked_sections)       /* a feature headed by a deck, with no dateline: its lone titles between paragraphs are its sections; after a dated story, decked or not, a lone title is the next story */
FIXTURE_TEST(site_deck_labels)      /* a scrape: 引题：/副题： label the parts of a deck (the labels to the banners); a pair of word-only lines (【打印本文】【关闭窗口】) under every story of three is furniture, the 【作者】 field signs */
FIXTURE_TEST(site_deck_lookalike)   /* 主题： among 时间：/地点： rows stays a row; a sidebar label printed twice is no furniture */
FIXTURE_TEST(signed_items)          /* a label over items without titles, each closed by its signer in brackets: one article, no byline, each item keeps its signer; a titled brief signed and then text, and a story of two paragraphs signed and then a signed item, stay as they were */
FIXTURE_TEST(site_nav_questions)    /* a scrape: 上一篇：X？　下一篇：Y (a question quoted in a field) and 分享到： are furniture, the question-title between them and the 作者 line is no body; a question between furniture and a byline heads the next story */
FIXTURE_TEST(byline_pieces)         /* bylines of parts, each a part's word, a mark, who: 口述：X　整理：Y, 口述／post X　整理／Y, 报道／X　摄影／Y; the part's word after the names (X／文　Y／摄); two words joined by a dot (文·图／unit X); two phrases set apart by a space under a headline stay a title */
FIXTURE_TEST(wrap_dateline_bracket) /* hard-wrapped: a dateline whose brackets the wrap cut (本报讯（记者 阿依 / 努尔）…) runs on, the byline whole; a transliterated name glued to its role (记者帕丽达·艾买提报道：) signs */
FIXTURE_TEST(dash_signature)        /* ——place　who-word　name after a story without byline signs it; ——鲁迅 under a quotation stays the body's; a post ending in 书记 and a name is a byline */
FIXTURE_TEST(foot_imprint)          /* a name, a date alone and a page label head the page; at its foot the paper naming itself (本刊所登…), its imprint (编印：, 内部资料) and circulation list (报：送：发：) are banners */
FIXTURE_TEST(foot_imprint_lookalike) /* 主办 and 内部资料 inside a clause, a contact at the foot that is not the paper's: the last story's text */
FIXTURE_TEST(subtitle_under)       /* a short line the indent or a question mark made text, over a "——" subtitle over a byline, is the headline; a dash under text with no byline under it stays the body's */
FIXTURE_TEST(whole_over_longer)    /* a whole headline's length over a longer line: the headline and its subtitle; a short kicker, 围绕…, two phrases stay kickers */
FIXTURE_TEST(bracket_filings)       /* 【place訊】, 【综合报道】, 【a paper's name报道】 heading a lead; 本 + one character + 讯 (the house's own news); X网 place date 消息（记者 X）; 文　+ a byline with its role */
FIXTURE_TEST(bracket_filings_lookalike) /* 【X供电】, 【读者来电】, 【快讯】 at a paragraph's head name a unit or a kind of news: no dateline */
FIXTURE_TEST(words_bar)             /* a bar of short plain words (上一条　下一条　返回首页) after every story, a title under it each time: furniture; the 发布时间：… 来源：… lines under the titles are the site's, their authors the bylines; the e-paper's masthead (城北水厂数字报) a banner */
FIXTURE_TEST(refrain)               /* a song's refrain line closing each stanza is printed each time, and a line that is the head of an earlier one */
FIXTURE_TEST(refrain_scar)          /* look-alike: a stanza, or its tail, extracted again right after itself is dropped; the refrain after new lines stays */
FIXTURE_TEST(qa_labels)             /* 问：/答： alone on their lines, again and again: each opens its paragraph, none is a repeat or furniture */
FIXTURE_TEST(words_bar_lookalike) /* a song's refrain of short words between its verses, a verse or a 领唱： line (printed again) under it each time: text */
FIXTURE_TEST(bracket_note)         /* a note wholly in round brackets under a story's text, a blank line under it, is that text's paragraph, not the next deck's kicker; 【简讯】 stays a column, （第十二章） under a headline its subtitle */
FIXTURE_TEST(time_kicker)          /* a line closed by a word of time (…之后, …中, …前夕) over the news line is its kicker: not the first half of a broken headline, not a column's name */
FIXTURE_TEST(time_kicker_lookalike) /* a school (…高中) over what it did is one broken headline; …热销中, …进行中 ending the news line leave it the headline */
FIXTURE_TEST(deck_emphasis)        /* a column in markdown bold and a —— subtitle in italic read without the marks */
FIXTURE_TEST(deck_emphasis_lookalike) /* four stars masking figures in a subtitle stay text */
FIXTURE_TEST(two_phrases_broken)   /* two phrases set tight over a line of fewer than 10 characters: one headline broken in two, the short line the second phrase's predicate */
FIXTURE_TEST(two_phrases_broken_lookalike) /* two phrases over a line of 10 characters or more: a kicker over its headline */
FIXTURE_TEST(whole_under)          /* a line of 10 characters or more set tight under a shorter one the lead does not take up: the news under its kicker, not the second half of one headline */
FIXTURE_TEST(whole_under_lookalike) /* ... but under a subject the lead names again, or opening with a time (本月底前…), it is the second half */
FIXTURE_TEST(md_table)             /* a markdown table's rows (| a | b |, |---|---|) under a ## title are the story's text, its header row no subtitle */
FIXTURE_TEST(md_table_lookalike)   /* a bar inside a ## title (春节返乡 | 一张车票里的团圆) leaves it the headline */
FIXTURE_TEST(md_list_rows)          /* "- **鞋**：…" among "- **X**：…" items and "**时间**：…" fields under a ## title: rows of the story's text, never its headline or subtitle */
FIXTURE_TEST(md_list_rows_lookalike) /* a bold title with no colon heads its brief; a lone list item stays text */
FIXTURE_TEST(marked_briefs)         /* a short title over ▲ sentences set tight, none with a credit: their box's headline, the ▲ lines its text, not captions */
FIXTURE_TEST(marked_briefs_lookalike) /* ▲ lines with their photographer's credit under a title, and a lone ▲ line: captions, the title a subhead */
FIXTURE_TEST(marked_briefs_marks)   /* titles over ◆ and ● sentences set tight: each its box of briefs, a story of its own */
FIXTURE_TEST(marked_briefs_marks_lookalike) /* ● sentences under a subhead after the story's own subheads: the story's list, the title its subhead */
FIXTURE_TEST(marked_briefs_circle)  /* a short title over ◎ sentences set tight after a story: its box of briefs, a story of its own */
FIXTURE_TEST(marked_briefs_circle_lookalike) /* ◎ sentences under a title after the story's own subhead: the story's list, the title its subhead */
FIXTURE_TEST(number_alone)          /* a "1" alone on its line after a dated brief, the page's last: its folio, never a story's headline */
FIXTURE_TEST(number_alone_lookalike) /* a headline that opens with figures (12345热线…), and a year over its title with a dateline under them, still start stories */
FIXTURE_TEST(spaced_kicker)         /* a page with blank lines between paragraphs: a plain line of 7+ characters one blank over the headline is its kicker (as tight as the page sets lines), not a column over the page */
FIXTURE_TEST(spaced_kicker_lookalike) /* the same line whose subject (聚焦第三届江州读书节) a later title names again: a column over the group of stories */
FIXTURE_TEST(bulletin_furniture)   /* a bulletin's header with its name in 《》, a header with 主办：X, a circulation list and the print run at the foot: banners */
FIXTURE_TEST(bulletin_furniture_lookalike) /* 主办：, 《》, 经历十年, 报送, 共印N份 in headlines and sentences stay text */
FIXTURE_TEST(spaced_bylines)       /* a name of two spaced to the width of three: after its role word with no family name of the table, in the brackets closing a brief; 文．記者X　圖．記者Y; 本报讯 and a byline alone on a line: dateline and byline */
FIXTURE_TEST(spaced_bylines_lookalike) /* （待　续） closes an instalment, 记者　走　进　社区 stays text; 本报讯 and a byline with the text after them on the same line */
FIXTURE_TEST(header_short_form)    /* the running header's short form without figures (its paper and section, set apart by a space) inside a cut: a banner, the cut joined */
FIXTURE_TEST(header_short_form_lookalike) /* the paper's name opening a letter, two header words as a title: text */
FIXTURE_TEST(header_letter_spaced)  /* a letter-spaced running header's short form inside a cut: read without its spaces, a banner, the cut joined */
FIXTURE_TEST(header_letter_spaced_lookalike) /* letter-spaced headlines holding the paper's name or its section: headlines */
FIXTURE_TEST(page_letter_spaced)    /* a page letter-spaced by OCR from end to end: read without its letter spaces (a year keeps the space before it, 1 ． → 1．), header, titles, bylines, dateline, wrapped paragraphs */
FIXTURE_TEST(page_letter_spaced_lookalike) /* a page whose masthead, header, one title and bylines alone are spaced out: read as printed, spaces kept but in the title's line (a deck's letter-spacing is the type's, shown without it) */
FIXTURE_TEST(rule_marks)            /* ＊　＊　＊ and ═══ rules between stories on a page that indents every line, titles too: rules out of the profile, each a big gap, three stories */
FIXTURE_TEST(rule_marks_lookalike)  /* ＊ before a line's text, ＝＝表一＝＝ around a word: text, not rules */
FIXTURE_TEST(qa_wrapped)            /* a Q&A page hard-wrapped at 18: a reader's question (问：X, a field's shape in every item, learnt as furniture) runs on from a full line with a comma inside into its paragraph */
FIXTURE_TEST(qa_wrapped_lookalike)  /* the same wrap with an e-paper's 来源：X　作者：Y line as wide as the wrap, no comma, over the text: furniture, a line of its own */
FIXTURE_TEST(md_digest_number_fullwidth) /* ０１｜X, ０２ | X: a digest item's number in full-width figures is its label as 01｜X is */
FIXTURE_TEST(md_digest_number_fullwidth_lookalike) /* １. X run into its title and a year ２０２６｜X leave the headline whole */
FIXTURE_TEST(md_letter_spaced)      /* a markdown page letter-spaced by OCR: # keeps its space, ** and * (emphasis) run into their text: titles and bylines as on the page set tight */
FIXTURE_TEST(md_letter_spaced_lookalike) /* the same with ## titles, - list items and a > quote: each mark keeps the space after it */
FIXTURE_TEST(masthead_long_name)    /* a masthead line whose paper's name (with its edition) is one long word no list knows, beside a date, 星期, 第N版 and 责任编辑: a banner */
FIXTURE_TEST(masthead_long_name_lookalike) /* the same long name and a word as a headline over its dateline: a headline */
FIXTURE_TEST(epaper_letter_label)   /* an e-paper's top: B05版 (a letter and figures) is a page label, in the breadcrumb too; a title the page lists, with a comma, over a longer line: the headline */
FIXTURE_TEST(desk_credits)          /* (本期编辑：X　校对：Y) after a story: the desk's credits, a banner; the story still ends there */
FIXTURE_TEST(desk_credits_lookalike) /* (编辑部供稿) after a story: its end mark, the story's */
FIXTURE_TEST(counters_link)         /* a post's tail: [阅读原文](url) before the counters (阅读 N　在看 N) is the platform's bar, the follow card's lines over it too */
FIXTURE_TEST(counters_link_lookalike) /* a link and figured words inside the story, text after them: the story's text */
FIXTURE_TEST(tail_signature)        /* a letter's signature alone at the page's foot (城西　读者　X, set apart as buttons are): the letter's byline, not the page's tail */
FIXTURE_TEST(tail_signature_lookalike) /* the post's buttons (分享　收藏　点赞　在看) after the last story: its tail */
FIXTURE_TEST(epaper_letter_label_lookalike) /* A15版 inside a word of a headline with a comma, the page listing no titles: no label, the plain line under it heads */
FIXTURE_TEST(item_rows)             /* lines set tight in one shape (a figure beside its label: 36家　…, 15元　…; the same marks in the same order: X→Y　23:30, X组“…”：school　names) are a list's rows, the story's text, not a deck; a note in round brackets tight under them is one of them */
FIXTURE_TEST(item_rows_lookalike)   /* look-alike: a deck whose lines differ in shape (two phrases over a plain line, a figure without a gap over a line, two quoted phrases with one mark each) stays a deck */
FIXTURE_TEST(box_subject)           /* a lone title over rows down to the next story or the page's end, its words none of the story's, the rows sharing its place: a box of its own */
FIXTURE_TEST(box_subject_lookalike) /* look-alike: rows under a title naming the story's subject, rows the story's prose goes on under, rows repeating the story's names: its subheads */
FIXTURE_TEST(tips_box)              /* a subject over the kind of box that explains it (茶叶小知识 after a story's last paragraph and its own subheads, 防溺水小贴士 set tight after a brief, 冬季果园管理要点 after a story with subheads): a piece of its own */
FIXTURE_TEST(tips_box_lookalike)    /* a subhead opening with the kind (小窍门里有大学问) and the kind alone (小贴士, a sidebar): the story's */
FIXTURE_TEST(afterword)             /* 编后 and 专家点评 after a dated brief's last paragraph, the comment on its subject: the brief's subheads, not stories */
FIXTURE_TEST(afterword_lookalike)   /* 编后 after a story closed by （完）, and 编后记：X: pieces of their own */
FIXTURE_TEST(notice_signed)         /* 通知 after a story's last paragraph, on its subject, its text closed by its issuer (indented as a paragraph) over a date alone: a notice of its own; 讣　告 so signed after a feature with a section, the issuer's name opening its text: a notice of its own, its signature kept (was a subhead, the signature dropped as a repeated fragment) */
FIXTURE_TEST(notice_signed_lookalike) /* the same signed and dated text under a story's second section head (倡议, after 攻坚): the story's */
FIXTURE_TEST(md_label_over_head)    /* a lower-level markdown title one ordinary gap over a headline, no text under it: the headline's column label (【田间课堂】, 乡村记忆) or kicker (two phrases), never a story without headline */
FIXTURE_TEST(md_label_over_head_lookalike) /* lower-level titles with text under them stay the story's subheads */
FIXTURE_TEST(wrap_dateline_indented)   /* a hard-wrapped dateline whose bracketed byline the wrap cut, the next line set in by a space: one paragraph (云岭融媒讯（记者　X / 　通讯员　Y）…); a dateline whose bracket closes on its line keeps the next indented line a paragraph of its own */
FIXTURE_TEST(byline_shapes)         /* bylines built of parts: a role, a slash, the name (本报记者／X, 文／ + a pen name with a place's character); 记者X报道 glued; a medium's name opening with figures; 特约撰稿人, 作者 set apart; a reader's signature glued (城东读者X) or a district's; a unit, the name, the post after it; a place and the name before the post in brackets; 本報訊： with a colon; 口述：/记录： parts */
FIXTURE_TEST(byline_shapes_lookalike)   /* a book's 作者：/出版社：/定价： fields stay its text; 新华社快讯： is no dateline */
FIXTURE_TEST(epaper_top_chrome)      /* an e-paper's chrome above its first signed story (site name, a bar of links, the page label, font-size controls): banners, not a deck nor a story */
FIXTURE_TEST(epaper_top_chrome_lookalike) /* the same page opened by the story's own deck (label, headline, —— subtitle) over its signature: the deck */
FIXTURE_TEST(notice_bracket_note)   /* （此件公开发布） set tight under the issuer and date that closed a notice: the notice's note, mid-page and at the page's end, not a story nor a headline */
FIXTURE_TEST(notice_bracket_note_lookalike) /* a sentence in brackets under the closing date, longer than a note: the page's own note, a banner */
FIXTURE_TEST(editor_afterword)       /* on a page of indented paragraphs where a blank line parts stories: 编者附言：… after a signed letter and 编后：… after a story its signature in brackets closed (the page's end): paragraphs of the story above, not a story without headline */
FIXTURE_TEST(editor_afterword_lookalike) /* a 编后 label alone on its line over the note after a signed letter stays a heading of its own piece; only a label opening the paragraph with a colon joins the story */
FIXTURE_TEST(title_link)            /* 上一篇　　下一篇：X right over the title X (the first story's link line, unlike the others' furniture): the site's link to the story, a banner, not its kicker */
FIXTURE_TEST(title_link_lookalike)  /* a kicker with a colon over a different headline (半年报透视：, 聚焦：社区食堂) stays the kicker */
FIXTURE_TEST(top_text_chrome)       /* a line of text, no sentence, between a print page's header and its first signed story's deck (the paper's name in two scripts): a banner, not a story without headline */
FIXTURE_TEST(top_text_chrome_lookalike) /* a title line at the top, a big gap over the first story's deck: its column label */
FIXTURE_TEST(top_text_chrome_colon) /* a line closed by a colon over the first headline leads into it: its kicker */
FIXTURE_TEST(title_list)            /* a bulletin's 本期目录 of ● titles, each printed again below over its story, in order and apart: the list and its label are banners, not a deck nor a story */
FIXTURE_TEST(title_list_lookalike)  /* a deck (label, headline) printed again side by side under its story: no list, the first copy the story's deck */
FIXTURE_TEST(title_list_tight)       /* an e-paper with no blank lines: its 本版新闻 list runs straight into the first story's headline, printed again: the list ends at its last title printed below it */
FIXTURE_TEST(title_list_numbered)    /* a bulletin's 【本期要目】 of numbered titles ("1.水厂完成…"), each printed again below without its number: the list and its label are banners, not a deck */
FIXTURE_TEST(title_list_numbered_lookalike) /* a story's own numbered points, printed again below as its numbered sections: they stay the story's */
FIXTURE_TEST(comma_label_spaced)     /* a page with a blank line between its paragraphs: a label one blank line over a title with a comma (消费课堂 / 退费难，先看合同怎么写) is the column over its headline, not a heading over the head of a cut paragraph */
FIXTURE_TEST(comma_label_spaced_lookalike) /* the same lines on a page set tight: a blank line there sets the label apart, and the comma line heads a paragraph the next line goes on with */
FIXTURE_TEST(web_chrome)            /* a markdown breadcrumb ([首页](url) > [X](url) > 第88期) and a post's counters (阅读 1024　在看 12) after a rule: banners */
FIXTURE_TEST(web_chrome_lookalike)  /* a paragraph opening with a link and words before its arrow, a sentence with figures after a rule: text */
FIXTURE_TEST(other_subject)         /* a lone title after a story with no sections, last before the next signed story or the page's end, over text sharing no word pair with the story (a listing, a Q&A box): a story of its own */
FIXTURE_TEST(other_subject_lookalike) /* look-alike: a lone title over text that goes on with the story's subject stays its subhead; a first section over new words, another section after it, stays a subhead */
FIXTURE_TEST(lone_caption)          /* one short sentence alone after a story closed by a jump line or a signature in brackets, the next story's headline (or column) right under it: a photo's caption, not a story without headline */
FIXTURE_TEST(lone_caption_lookalike) /* the same sentence as the last paragraph of a story that did not close stays its text; after a closed story, with more text under it, it stays text */
FIXTURE_TEST(lone_caption_top)      /* one short sentence alone at the page's top (under its running header), the first story's title right under it: a caption, not a story without headline */
FIXTURE_TEST(lone_caption_top_lookalike) /* the same sentence with a paragraph under it, then the story: text */
FIXTURE_TEST(open_line_byline)      /* a headline, one line with no sentence end under it (the deck in English, a post's account line with a link), then a byline: the byline signs that story (its dateline opens the text), no story without headline */
FIXTURE_TEST(open_line_byline_lookalike) /* a sentence under the headline is the story's text: the byline under it stays apart */
FIXTURE_TEST(byline_parts)          /* a byline from parts: role, name, place + 报道/報導; By X; ■ + post + name; a mark before each role; 文/ + spaced name; names + 报道： after 本报讯; 本刊讯; place + 读者 + name; （周雯） alone signs; 记者　陆　洋　通讯员　X after 本报讯; a reader under a question stays text; （打一X） under a riddle stays its text, （X） signs */
FIXTURE_TEST(epaper_printed_byline) /* an e-paper's 作者： field gives a bare name; the story prints its own byline naming it (in the dateline's brackets, a marked who-word line, a class and a teacher around the name set apart): the printed one is the byline */
FIXTURE_TEST(epaper_printed_byline_lookalike) /* the dateline's brackets name another reporter (they stay in the text, the field's name signs); a title naming the author run into it is a subhead */
FIXTURE_TEST(page_signed_unit)      /* briefs closed by a unit alone in brackets (（物理学院）, （后勤管理处）) on a page that signs its stories in such brackets (（通讯员　詹　蓉）): each unit signs its brief */
FIXTURE_TEST(page_signed_unit_lookalike) /* the same brief closed by （物理学院） on a page whose other briefs are signed by no one: the brackets stay its text */
FIXTURE_TEST(names_label)           /* a word read as names (时评) set tight over a title its own byline signs labels it: no byline under the line above, which is the signature closing the story before (陶　然) */
FIXTURE_TEST(names_label_lookalike) /* names right under a headline over the body stay its byline */
FIXTURE_TEST(indented_signature)    /* on a page whose paragraphs open with an indent, names alone set in under the story's last sentence, a title after them: the signature closing the story */
FIXTURE_TEST(indented_signature_lookalike) /* the same names between two paragraphs of the story stay its text */
FIXTURE_TEST(photo_role_bracket)    /* a caption closed by the photographer's role in brackets (…。（摄影：X）) credits the picture: a caption, not the story's closing byline; 报道：Y after it signs the story */
FIXTURE_TEST(photo_role_bracket_lookalike) /* the same sentence closed by （记者　X）: the story's closing byline */
FIXTURE_TEST(page_end_signature)    /* a letter's last two lines at the page's end, the class over the names (五年级三班 / 林嘉怡　周子航): no headline over a byline (nothing under them), one signature of the letter */
FIXTURE_TEST(page_end_signature_lookalike) /* a title over a reporter's byline with text under it at the page's end: a story */
FIXTURE_TEST(age_signature)         /* letters signed with the writer's age: the name with age and post in brackets (郑秀兰（63岁，退休会计）), 读者, name, a comma and the age in brackets (（读者　沈玉梅，71岁）): each signs its letter */
FIXTURE_TEST(age_signature_lookalike) /* an age in a note in brackets with no name (（舞蹈队里年纪最大，今年83岁）) stays the text's */
FIXTURE_TEST(supplier_credit)       /* （市供电公司　供稿） on its line or closing the last sentence: who supplied the story, no writer: it stays the story's text and closes it */
FIXTURE_TEST(long_place_filing)     /* （金马仑高原讯）, （八打灵再也讯）: a place of five characters and 讯 opening the lead is its dateline */
FIXTURE_TEST(long_place_filing_lookalike) /* （高三年级喜讯）, （校园气象站短讯）: a kind of news before 讯, no place: the text's */
FIXTURE_TEST(column_cohost)         /* （本栏目由市中医院协办） under a Q&A: who helped run the column, no writer: the text's, and it closes the story */
FIXTURE_TEST(column_cohost_lookalike) /* （县防汛办） alone under a story: a unit signs it */
FIXTURE_TEST(paper_own_name)        /* （欧华） closing stories on a page headed 欧华时报: the paper's own short name, no writer: the text's, and it closes the story */
FIXTURE_TEST(paper_own_name_lookalike) /* （欧华） under 南方晨报, （王芳） under a header naming its editor 王芳: names sign */
FIXTURE_TEST(gathered_credit)       /* （本报综合） closing the last sentence, （本刊综合） on its line: gathered from other sources, no writer: the text's, and it closes the story */
FIXTURE_TEST(gathered_credit_lookalike) /* （记者　李明　综合报道）, （本报记者　王丽　整理）: a writer gathered it, and signs */
FIXTURE_TEST(marked_label_over_byline) /* □ 书香角 over a headline with its own □ 文 / X byline: the column's label, not a second byline */
FIXTURE_TEST(marked_label_over_byline_lookalike) /* □ 陈晓岚 there: a name, kept beside the byline under the headline */
FIXTURE_TEST(supplier_credit_lookalike) /* （本报记者　王芳　整理）, （县畜牧站　刘建国） sign; a supplier's line under a story signed already stays its text */
FIXTURE_TEST(note_supplier)         /* a story opened by an editor's note (【编者按】) before its headline, closed by （X供稿）: the two parts become one article and the supplier's line stays its text, no byline */
FIXTURE_TEST(note_supplier_lookalike) /* the same closed by （unit　name）: a writer, the byline of the article made one */
FIXTURE_TEST(question_predicate)    /* "老码头上的绞盘" / "为什么一直没拆？" tight under it, over a byline: a question opening with its question word has no subject of its own, the title line above is its subject: one headline, the byline its (on main: a headline "老码头上的绞盘" over the question as text, the byline opening an empty article) */
FIXTURE_TEST(question_predicate_lookalike) /* a question with its own subject (夜班装卸工为什么…？) under a label: kicker and headline; a 为什么 line tight under a subhead inside a story, no byline under: subheads as before */
FIXTURE_TEST(photo_credit_first)    /* "（图：周文华）老城区…", "（圖／市政局提供）抽水車…": a paragraph opening with the picture's word and a colon or slash in round brackets is a caption, its credit first (on main: a dateline, the credit an empty article's byline) */
FIXTURE_TEST(photo_credit_first_lookalike) /* （新山讯）, （图书馆讯） opening a lead stay its dateline, （记者　周文华） closing a story its byline */
FIXTURE_TEST(dateline_items)        /* 地方短波 over three items each opening with 【記者X／Y報導】, set right under one another: one box, its items its paragraphs (on main: the second item an article without headline, the third taken into the next story with its byline) */
FIXTURE_TEST(dateline_items_lookalike) /* the same leads each under a title of its own: a story each, as on main */
FIXTURE_TEST(asked_long_question)   /* 读者热线 over a question of 27 characters over "市民郝先生来电问：…": the question is the item's headline, the label its column (on main: the label a headline, the question its text: a question over 24 characters was no title) */
FIXTURE_TEST(asked_long_question_lookalike) /* the same question inside a story with no one asking under it: the story's text */
FIXTURE_TEST(list_dot_titles)       /* 乡讯 over "·端芬镇…", "· 斗山镇…" titles, each over its paragraph: the list's middle dot is no part of the headline (on main: "·端芬镇侨批文物馆新展开幕") */
FIXTURE_TEST(list_dot_titles_lookalike) /* "■端芬镇…" keeps its own mark; a dot inside a title ("中国·东盟侨乡文化节开幕") stays: as on main */
FIXTURE_TEST(signature_dates)       /* a notice signed by its issuer over "2026年11月" (a month, no day) or "中華民國一一五年十一月二十日" (the era's name, 14 characters): the date closes the notice, issuer and date its text (on main: a deck, 2026年11月 the headline of the next notice) */
FIXTURE_TEST(signature_dates_lookalike) /* "2026年11月教区大事记": a date with a title after it stays a headline, as on main */
FIXTURE_TEST(names_compiled)        /* names then 编译 in the brackets closing a story (（陆欣　编译）): who compiled it signs it, as （X　整理） does */
FIXTURE_TEST(names_compiled_lookalike) /* （据法新社编译）: a source, not a writer, stays the text's */
FIXTURE_TEST(items_unsigned_tail)   /* a label over ◆ items, the first closed by its signer, the rest unsigned: one article, each item a paragraph (no headless tail) */
FIXTURE_TEST(items_unsigned_tail_lookalike) /* an item of another mark (●) after a signed ◆ item, or a ◆ line after a signed story whose text has no mark: not taken in */
FIXTURE_TEST(indent_marked_items)   /* a page that indents its paragraphs (its headlines flush): indented ◆ item titles each over a 本报讯 dateline are stories, the label set apart over the first their column */
FIXTURE_TEST(indent_marked_items_lookalike) /* ◆ points inside a story with plain text under each (no dateline): the story's text */
FIXTURE_TEST(note_byline)           /* a post: # title, its account line, > 编者按：…, then the byline: the byline signs the story (no headless article) */
FIXTURE_TEST(note_byline_lookalike) /* a paragraph of text between the note and the byline: the byline does not sign the story above, as before */
FIXTURE_TEST(char_wrap)             /* hard-wrapped at 18 characters, a figure in a Han character's place: a line short in columns but full in characters (吞吐量3260万吨，同比增长8.5) runs on */
FIXTURE_TEST(masthead_spaced)       /* a bulletin's name letter-spaced by ideographic spaces (安　全　简　报) over 第 7 期 and the issuer's line: the masthead, no row of a table */
FIXTURE_TEST(masthead_spaced_lookalike) /* 征　文　启　事 at the top with text under it and no header: a notice's headline */
FIXTURE_TEST(ocr_stray)             /* a scan's stray marks alone on a line (|, l, 丨, ". ,"): the page's furniture, no story, column label or text */
FIXTURE_TEST(ocr_stray_lookalike)   /* a section's number alone (1, 2) and a lone dot stay the story's */
FIXTURE_TEST(post_stamp)            /* a post exported as markdown: 原创, the account, the date and clock time under the title (原创 乡野新观察 *2026年12月8日 07:45* *山东*): a banner, not the story's text */
FIXTURE_TEST(post_stamp_lookalike)  /* a paragraph opening with 原创 and a space that holds a date and a time but ends a sentence stays the story's text */
FIXTURE_TEST(header_spaced_imprint) /* an OCR page's editors' line letter-spaced (编 辑:王 晓 明　 美 编:刘 芳) and its imprint (本报地址：…　邮政编码：…): running lines, banners */
FIXTURE_TEST(header_spaced_imprint_lookalike) /* a letter-spaced title with an editor's word (编 辑 的 话) and a sentence giving the 邮政编码 stay the story's */
FIXTURE_TEST(nav_none)              /* an e-paper's 上一篇：X　下一篇：无 closing its last story (无: no story after it): the site's links, a banner, as its other such lines */
FIXTURE_TEST(nav_none_lookalike)    /* labels with a one-character value but no title of the page (下一步：完善　验收：无) stay the story's text */
FIXTURE_TEST(position_caption)      /* a short sentence that says where a person stands in the picture (X（右2）向…。, X（左三）與…。（記者Y攝影）, X（前排左一）与…。) after a story's text: its caption, not a paragraph */
FIXTURE_TEST(position_caption_lookalike) /* a row of a table (大虾（中）　　40—50) and a paragraph of several sentences opening with X（中） stay the story's text */
FIXTURE_TEST(medium_place_bracket)  /* 【欧华时报伦敦讯】: a paper's name and the place it filed from set without a space, 讯, in 【】: the dateline; 记者 X 报道 after it the byline */
FIXTURE_TEST(medium_place_bracket_lookalike) /* 【时报财经快讯】: a kind of news before 讯 is no place: the paragraph's text */
FIXTURE_TEST(md_marked_caption)     /* *▲ X。Y 摄* in emphasis with no image line over it: a photo's caption, as ▲ marks one in plain text */
FIXTURE_TEST(md_marked_caption_lookalike) /* *注：…。* in emphasis, no ▲ and no picture over it: the story's text */
FIXTURE_TEST(md_bracket_label)      /* **【本地】** over a ## title: the column's label in brackets, its markdown emphasis aside, as 【工作动态】 is in plain text */
FIXTURE_TEST(md_bracket_label_lookalike) /* a bold phrase without brackets set tight over a ## title stays its kicker */
FIXTURE_TEST(md_digest_number)      /* "### 01｜X", "### 02 | X", "### ③｜X": a digest item's number set apart by a bar is its label (column), X the headline */
FIXTURE_TEST(md_digest_number_lookalike) /* "1. X" run into the title, a word before the bar (晨读｜X), a year (2026｜X): the headline whole */
FIXTURE_TEST(digest_bracket_number) /* "【01】X" heading a newsletter's story: the number in its brackets the label (column), X the headline */
FIXTURE_TEST(digest_bracket_number_lookalike) /* a year in the brackets (【2026】X): the headline whole; a word (【青岚】X) over a reporter's story is its column (see line_label_column) */
FIXTURE_TEST(list_dot_title)        /* "·X" / "・X" titling a brief over its indented text: the list's dot is no character of the headline */
FIXTURE_TEST(list_dot_title_lookalike) /* a dot inside a headline (中国·东盟) stays; · items in a story's body stay its text */
FIXTURE_TEST(wrap_dash_deck)        /* hard-wrapped: a headline as wide as the wrap, set apart, over a —— line with a byline tight under it: headline and subtitle, not a paragraph */
FIXTURE_TEST(wrap_dash_deck_lookalike) /* a paragraph's line that fills the wrap over a line opening with a dash in the sentence, no byline under: one paragraph */
FIXTURE_TEST(indent_cut_comma)      /* a paragraph stopped on "，", a stray U+3000 line, its rest indented anew: one paragraph, on a page that indents its paragraphs */
FIXTURE_TEST(indent_cut_comma_lookalike) /* a paragraph ending in "：" over an indented one: two paragraphs */
FIXTURE_TEST(link_marks_bar)        /* a site's control bar with a console browser's link numbers ([8]大 [9]中 [10]小 … [12]【关闭窗口】) under a byline: a banner, the 本报讯 lead under it the story's */
FIXTURE_TEST(link_marks_bar_lookalike) /* a line of two labelled fields with one-character values (尺码：大 中 小　颜色：红 白 蓝) in a story: its text */
FIXTURE_TEST(month_date_calendar)   /* a month's date (2026年12月) under a paragraph, over a calendar's rows: the rows' title, never an end mark leaving them a headless story */
FIXTURE_TEST(month_date_calendar_lookalike) /* a month's date right under a notice's signing line (教区档案室): the notice's closing text */
FIXTURE_TEST(md_top_bare)           /* a bold line with nothing under it but a rule before a post's first ### story (**点击上方蓝字，关注X**): a banner, never a story of no text */
FIXTURE_TEST(md_top_bare_lookalike) /* a bold line with its paragraph under it before the rule: a story of its own */
FIXTURE_TEST(masthead_centred)      /* a masthead centred by spaces on a page of indented paragraphs (name, 内部资料 note and permit number) tight over the header line: banners, never a headless story */
FIXTURE_TEST(masthead_centred_lookalike) /* indented rows at the top a blank line under the header, a sentence under them: a headless story's text */
FIXTURE_TEST(foot_imprint_fields)   /* 地址：… 邮编：… 电话：… 印数：… at the page's foot: the imprint, a banner (邮编：, 印数： are an imprint's labels) */
FIXTURE_TEST(foot_imprint_fields_lookalike) /* 印数 and 邮编 inside a sentence of the last paragraph: the story's text */
FIXTURE_TEST(wrap_stray_mark)       /* hard-wrapped: a scanner's speck (丨) alone on a line after a full line is a banner, the box title under it (院务简讯) the headline over its ▲ items, not the paragraph's end */
FIXTURE_TEST(wrap_stray_mark_cut)   /* the speck inside a paragraph cut: a banner, the paragraph joined over it */
FIXTURE_TEST(wrap_stray_mark_lookalike) /* a line opening with l and text (l型支架…) runs on as the paragraph's */
FIXTURE_TEST(epaper_story_stamps)   /* 发布时间：…　来源：X between every story's title and text, the same but for its figures: the site's furniture (banners), the titles headlines */
FIXTURE_TEST(epaper_story_stamps_lookalike) /* 时间：…　地点：… under every item, another place each time: the items' text */
FIXTURE_TEST(char_wrap_lookalike)   /* the same stories wrapped at 36 columns (a figure one column): a title with figures short in columns (全市新建5G基站1200座…) stays a title over its text */
FIXTURE_TEST(wrap_indent_all)       /* hard-wrapped at 22 characters, titles, bylines and first lines set in, the rest of a paragraph at the margin: the indent is the page's margin, titles stay titles */
FIXTURE_TEST(char_wrap_width)       /* hard-wrapped at 20 characters, figures making full lines narrower in columns: the wrap is found counting characters, paragraphs end at short lines */
FIXTURE_TEST(header_foot)           /* the masthead's lines at the foot (paper name tight over the date line): banners; a short headline over its —— subtitle at the page's top is the headline, no section name */
FIXTURE_TEST(masthead_script_cut)   /* a masthead in another script over the header, both printed again inside a cut paragraph: banners, the paragraph joined */
FIXTURE_TEST(masthead_script_cut_lookalike) /* the paper's name alone at the top and again as a notice's issuer over its date: the issuer stays the notice's */
FIXTURE_TEST(dot_header_wrapped_cut) /* a hard-wrapped page: "paper·section" dropped inside a wrapped paragraph is a banner (the header's words, a middle dot between them) */
FIXTURE_TEST(masthead_alone_again)  /* the masthead's name alone over the next page's header block after a folio: a banner, no subhead */
FIXTURE_TEST(over_marked_sections)  /* a plain title over a paragraph and ■ sections, after a story headed alike: a story of its own, the ■ lines its subheads */
FIXTURE_TEST(marked_sections_first) /* the same story first on the page: its ■ lines are its subheads, no stories */
FIXTURE_TEST(over_marked_sections_lookalike) /* a column label over ■ briefs (no paragraph under the label): the briefs are stories */
FIXTURE_TEST(table_head_row)        /* a table's head row of words set in its columns (tabs), a row with 、 in a cell (spaces): rows of the table, no headlines */
FIXTURE_TEST(table_head_row_lookalike) /* a title of one gap tight over rows of two: the table's title */
FIXTURE_TEST(table_spaced_cells)    /* a table set with one space between its cells: its head row of words a row, its rows of figures no running headers (the title over rows naming the story's team stays the story's) */
FIXTURE_TEST(note_calls_column)     /* a line over the headline that the editor's note under it calls a column ("开设“侨胞心声”栏目"): the column, not the headline's first half */
FIXTURE_TEST(note_calls_column_lookalike) /* the lead quoting the first half as a phrase, no 栏目: one headline broken in two */
FIXTURE_TEST(note_over_dateline)    /* a headline over an editor's note, then 本报萍乡讯 opening the text: one story, the dateline its own (no headless story) */
FIXTURE_TEST(wrap_marked_briefs)    /* hard-wrapped with a blank line between paragraphs: ▲ briefs under their title are its items' text, not photo captions */
FIXTURE_TEST(md_note_clip)          /* a page clipped to a note app as markdown: front matter and a [!note] callout are banners, *本报讯* in italics a dateline, a `label` in code marks a column, "- **title**　text" items briefs under **简讯** */
FIXTURE_TEST(md_note_clip_lookalike) /* a rule first with no fields under it, list items whose bold opens a sentence ("**一句话**：", "**…**，"): no front matter, no briefs */
FIXTURE_TEST(forum_repost)          /* a paper retyped on a forum: its path (A > B > C) and the posts' fields stamped with a date and time are banners, one inside a cut paragraph; &nbsp; entities indent */
FIXTURE_TEST(forum_repost_lookalike) /* a notice's own fields (时间：…　　地点：…, no machine stamp) stay its text */
FIXTURE_TEST(app_feed)              /* a news app's feed as text: its tab bar, [tags], each item's source and age under its title (which heads the item), counters and a video's length are banners; 清河新闻网讯 opens a dateline */
FIXTURE_TEST(app_feed_lookalike)    /* "3小时前" and "三小时前" inside sentences, a timetable of clock times: the text's */
FIXTURE_TEST(header_foot_report)    /* a title ending in 报 (工作简报) at the top with a byline under it heads the story, not the paper's name */
FIXTURE_TEST(header_foot_lookalike) /* a story's last short line set apart over the footer stays the story's */
FIXTURE_TEST(wrap_figure_word)      /* hard-wrapped at 20 characters: a paragraph's first line two characters short because the next line opens with a word of figures (会120场次) runs on, no title */
FIXTURE_TEST(wrap_figure_word_lookalike) /* the same width: a title as long, set tight over text opening with figures (2026年…), stays a title */
FIXTURE_TEST(wrap_indent_spaces)    /* hard-wrapped at 22 characters, four spaces setting in titles and first lines: the indent counts as characters, the wrap is found, titles stay titles */
FIXTURE_TEST(wrap_few_lines)        /* short paragraphs wrapped at 38 characters, few lines full: the wrap is found by the lines of one width cut in a sentence, titles set in as the paragraphs stay titles */
FIXTURE_TEST(char_wrap_sharper)     /* hard-wrapped at 16 characters, most lines holding figures: the lines share a width in characters more than in columns, so the wrap counts characters and 7月12日，县防指决定自当 runs on into 日20时起…; the header line, wider than the wrap, runs into nothing, so the title under it stays a title; the second title, over 7月11日，…, heads its story (it ran into the paragraph above) */
FIXTURE_TEST(indent_dropped)        /* hard-wrapped at 14 characters, no blank lines, each paragraph's first line two characters short (its 　　 dropped by the extraction): paragraphs joined, a title between stories kept */
FIXTURE_TEST(indent_dropped_lookalike) /* the same stories wrapped full, never indented: read as before */
FIXTURE_TEST(header_foot_named)     /* the paper's name and section (欧华时报 · 欧洲体育) tight under the last brief, a blank line over the header at the foot: a banner */
FIXTURE_TEST(header_foot_poem_lookalike) /* a poem's last short lines tight over the footer stay the poem's */
FIXTURE_TEST(indented_subheads)     /* on a page that indents its paragraphs, short lines with no punctuation indented as the text, between a finished paragraph and prose set as close under them: subheads of the story (after a byline line and a 本报讯 paragraph too: a signed story, no brief); a dateline under a title still opens the next story */
FIXTURE_TEST(pullquote_sections)    /* a signed feature's section head whose text shares no word with the lead, a pull quote in it and "——连长　X" under the quote: the dash line is the quote's speaker, not a subtitle heading a story, so the section head is a subhead (was a headline, and the dash closed its "story") */
FIXTURE_TEST(pullquote_sections_lookalike) /* "——某部上等兵　X" under a plain paragraph (no quotation) still marks the end of the text above: the lone title on another subject over it heads a letter of its own */
FIXTURE_TEST(wrap_sections)         /* hard-wrapped at 20 characters, no blank lines, no indents: a case story under 安全警示 / its headline whose section heads (事故经过, 原因分析, 警示提醒) are four characters each: the first, tight under the headline, is a subhead and no second half of it, for its siblings below; 原因分析 under a full line that ends its sentence is a line of its own, not the paragraph's last */
FIXTURE_TEST(wrap_sections_lookalike) /* the same width: a headline broken over two lines (焙烧车间余热发电 / 机组建成) with no title of its length below stays one headline; a short line with a stop under a full line ending a sentence still runs on */
FIXTURE_TEST(comma_subhead_flush)   /* on a page that indents its paragraphs, a short line with a comma set flush over an indented paragraph (虚报冒领，三年套取… / 　　调查发现，…) is no paragraph's first line: the story's subhead (was a paragraph start, then a headline) */
FIXTURE_TEST(comma_subhead_flush_lookalike) /* the same flush comma line under an unfinished paragraph may be its rest: text as before */
FIXTURE_TEST(numbered_comma_heads)  /* 一、以水定林，科学配置 over its text on a page of blank lines and no indents: a numbered section's head of two phrases, a subhead, not the first clause of the paragraph under it */
FIXTURE_TEST(numbered_comma_heads_lookalike) /* a numbered line with a comma whose paragraph under it opens with the rest of its sentence (接种肉苁蓉。…): one paragraph cut in two, as before */
FIXTURE_TEST(question_piece)        /* a short question alone after a 【本報訊】 brief, over text on another subject, is weighed as a title: the head of a piece of its own (was always a subhead) */
FIXTURE_TEST(question_piece_lookalike) /* the questions of a signed interview under its deck stay its subheads */
FIXTURE_TEST(box_rows_one_figure)   /* a box of prices under its own title after a story: rows of a label and one figure set apart by wide spaces (高麗菜　　　　85; 豬肉（五花、梅肉）　380, an enumeration mark inside brackets) are rows, so the title heads its box (was: title and rows one run of subheads) */
FIXTURE_TEST(box_rows_one_figure_lookalike) /* the same box with two figures a row and a row of column heads: read as before */
FIXTURE_TEST(box_note_clauses)      /* a box of rates under its title after a story that names its currencies: its note in brackets with clauses (（单位：瑞尔；资料来源：…）) set tight under the rows is a row too, so the rows run to the story's end and the title heads a box of its own (was a subhead of the story) */
FIXTURE_TEST(box_note_clauses_lookalike) /* such a note set a blank line apart from rows in a story stays a paragraph of it */
FIXTURE_TEST(series_then_digest)    /* after a story's sections numbered 一、二、三、, a digest's name of four characters (烟区简讯) over marked briefs heads a box of its own: "no number after the story's numbered sections" (was a subhead, too short for that rule) */
FIXTURE_TEST(series_then_digest_lookalike) /* 结　语 there stays the story's closing section */
FIXTURE_TEST(marked_sections_after) /* a signed story whose sections each open with ■, then a lone title with no mark over text: no section of theirs, the next story ("no mark after the story's marked sections"; was a third subhead) */
FIXTURE_TEST(marked_sections_after_lookalike) /* a third ■ title there stays a section of the story */
FIXTURE_TEST(indented_subheads_lookalike) /* indented short lines over rows, a line under a row, a field, an issuer over a date stay text; a lone title after a 本报讯 brief with no byline line heads a story as before */
FIXTURE_TEST(colon_kicker_tight)    /* a short line closed by a colon set tight under a column's label or a caption, over a signed title: its kicker (was text, and the label a headline of its own) */
FIXTURE_TEST(colon_kicker_tight_lookalike) /* the same line over an unsigned title, and one indented as the paragraphs over a signed title: text, as they were */
FIXTURE_TEST(deck_pronoun)          /* a line opening with a pronoun (他…, 我校…) under a wider line, over the byline: the headline under its kicker (was a subtitle) */
FIXTURE_TEST(deck_pronoun_lookalike) /* a 我市… headline over its subtitle; a letter's first line (我家…) wrapped tight under its title on a hard-wrapped page, over no byline: as they were */
FIXTURE_TEST(deck_kicker_width)     /* a plain line of 5 or 6 characters over a headline and its —— subtitle: the deck's kicker (was the column) */
FIXTURE_TEST(deck_kicker_width_lookalike) /* a word of 4 (名家访谈) and a column of briefs (…动态) over the same deck: column labels, as they were */
FIXTURE_TEST(comma_subtitle_tight)  /* on a page with a blank line between paragraphs, a line of detail with commas ending no sentence, tight under the title, the text a blank below: the subtitle (was joined to the first paragraph as if cut) */
FIXTURE_TEST(comma_subtitle_tight_lookalike) /* the same line ending its sentence, and a salutation ending in a colon, tight under a title: the text, as they were */
FIXTURE_TEST(deck_clauses)          /* two lines of two clauses each over a byline: headline and subtitle (was kicker and headline); a line opening with its date over a longer one: the occasion, a kicker (was the headline); a whole headline's length over a longer line stays headline over subtitle; a phrase of circumstance (聚焦…) over a line with a comma: kicker over headline (the comma line yielded to it) */
FIXTURE_TEST(md_list_briefs)        /* a lower markdown title over list items whose bold titles run into their text: the column of briefs, each a story (were subheads of the story above) */
FIXTURE_TEST(mail_newsletter)       /* a newsletter saved from the mail: the header's fields to the first blank (From:, Subject: naming the first story) are banners, not a headless story, and the list of titles under it stays the page's (was a headless article and a 今日导读 story) */
FIXTURE_TEST(deck_season)           /* a place over 今冬…/明春…: one headline broken after its subject (今冬 was no time); 歡度X over a line the lead names: not half of it (was joined; it is read as the column, where a reader sees a kicker); 颱風過後, a phrase closed by a word of time, over a headline: its kicker (was the column) */
FIXTURE_TEST(button_bar_table)      /* a scraped page with 【打印本页】　【关闭窗口】 after every story, one of them a table with no sentence: the bar is furniture (was text of every story); a paragraph stopped by its comma and （下转第4版）: the jump closes the story, the table's title heads its own (was a header inside a cut); the site's list of the page's titles at its foot (本版标题导航 / · X) and its copyright glued to the paper's name: banners (were subheads and text of the last story) */
FIXTURE_TEST(inner_cry_title)       /* titles whose two clauses a ！ or a ？ parts (加时赛绝杀！…, …怎么破？…) over a —— subtitle or a byline: headlines (were text, the subtitle taken for the headline); a speaker's 问：…？… stays text */
FIXTURE_TEST(table_fullwidth_cells) /* a standings table whose cells U+3000 sets apart (1　天山雪豹　13　2　28): rows of the story, never running headers (its lone numbers were not counted) */
FIXTURE_TEST(viewer_uneven_wrap)    /* a page copied out of a PDF viewer, its columns wrapped at different widths: a byline cut after 实习生 with the name on the next line is one byline (the name was a subhead); 图为… cut before its credit is one caption (was a subhead); lines of a narrower column under an unfinished dateline paragraph are its rest (were subheads) */
FIXTURE_TEST(source_lead)           /* a lone title over 據《X》報道，…, after a signed feature with a section: a story of its own (was the feature's subhead); the section's 據介紹 paragraph stays its text */
FIXTURE_TEST(note_alone_top)        /* a bulletin's 【编者按】 alone under its masthead, a lone title and text a blank line below: the title heads the story the note opens (it was a subhead of a headless note) */
FIXTURE_TEST(wrap_repeat_inside)    /* a hard-wrapped page whose paragraphs run together (no indent, no blank line), a run of three sentences extracted twice in a row inside the text: kept once (was printed twice) */
FIXTURE_TEST(genre_label_five)      /* 志愿者手记 (five characters, a kind of piece) over a shorter title and 文　X: the column over the title (was headline over subtitle); 文 and a spaced name is the byline */
FIXTURE_TEST(wrap_cut_short_last)    /* a hard-wrapped paragraph whose sentence stops mid-phrase on a short last line over the running footer, its rest after it: one paragraph of the story (was a headline over the rest) */
FIXTURE_TEST(toc_page_refs)          /* a front page's box of the issue's titles, each set apart from its page (A03, 第5版, B2): rows of the box's text (the second was a headline over the others and the next story's headline as its deck) */
FIXTURE_TEST(question_over_detail)   /* a question set apart at the top over a line of detail with commas ending no sentence, over the byline: headline and subtitle (the question was text of a headless story); a short question inside the text stays a subhead */
FIXTURE_TEST(wrap_label_title_lead)  /* a hard-wrapped page without indents: a column's label over a short title over full text after a finished paragraph heads a piece (the label ran into the paragraph, the title was a header in a cut); a title as wide as the wrap over 记者从…获悉 is a headline (it ran into the text) */
FIXTURE_TEST(viewer_line_not_banner)  /* a page copied out of a PDF viewer, each column wrapped at its own width (19, 14, 16, 17, 21 characters): read as hard-wrapped column by column, its paragraphs joined (were a paragraph a line: subheads, a headline cut mid-paragraph, a line sent to the banners); a —— subtitle, a subhead after a finished sentence, a signature in brackets and two field rows stay lines of their own */
FIXTURE_TEST(epigraph_source)        /* an epigraph under a headline, its source on a dash line (——《礼记·中庸》), the writer's □ name under them: the source is the body's attribution (was a headline with a —— subtitle) and the name the story's byline (it opened a headless story) */
FIXTURE_TEST(wrap_title_dated_lead)  /* a hard-wrapped page without indents: a title of fourteen characters, no mark, under a full line ending a sentence and over a lead opening with its date (11月22日，) heads a story (it ran on as the paragraph's rest) */
FIXTURE_TEST(notice_bracket_issuer)  /* a title naming a notice (…停水公告) after a story with a table, its one paragraph closed by the issuer in brackets: a piece of its own (was the story's subhead) */
FIXTURE_TEST(layout_header_spaces)   /* pdftotext -layout spreads the footer's fields with runs of spaces, the line over 64 characters counted whole: each run counts one, the line is the page's footer (it was a paragraph of the story) */
FIXTURE_TEST(epaper_chrome_top)      /* an e-paper page's chrome over its first story: the site's masthead (X报数字报), its links (首页 | 往期回顾 | PDF下载, 上一版　下一版) and 当前版：03版… are the page's banners (the masthead was a headline over the rest); the paper's name signing a notice over its date stays the notice's */
FIXTURE_TEST(wrap_rule_lines)        /* a mailed bulletin hard-wrapped at 76 columns, its masthead between rules of 76 = and its footer under a rule of -: a rule as wide as the wrap runs into nothing (the masthead's first line ran into the rule and opened a headless story) */
FIXTURE_TEST(md_sub_italic_byline)   /* a site exported to markdown: a byline in _italics_ is a byline (was a subtitle); a "####" line of detail with a comma under the story's "##" title, over the byline, is its subtitle with or without a kicker over them (it was the headline and the "##" title a kicker or a headless story) */
FIXTURE_TEST(ocr_dash_subtitle)      /* OCR read a subtitle's dash as 一一 (一一走访…): the subtitle under its headline (it was the headline, the headline its kicker); 一一对应… stays a title */
FIXTURE_TEST(top_block_section)      /* a header printed in blocks a blank line apart (paper, date, page, section, desk): the section's name between two header lines at the page's top is the header's (it was a headless headline) */
FIXTURE_TEST(plain_list_briefs)      /* pandoc's plain text: briefs as a list (-   title text) under their column each head an item (they were one story's paragraphs, "-   " in the headline); ": 表题" under a table is its caption, text (it was a headline); a price table read a column at a time, a cell a line, stays the table's text (品名 was a headline, 柴油 a byline) */
FIXTURE_TEST(line_label_column)      /* 【侨社新闻】title over a byline or a dateline: the bracketed word is the story's column, the rest its headline, and a notice after such stories too (it was one headline with its brackets) */
FIXTURE_TEST(line_label_column_lookalike)    /* small ads 【整租】… over their text and a 联系： line, no one reporting them: one title as printed */
FIXTURE_TEST(header_bracket_note)    /* an old daily's header with its sheet (第二張) and lunar date (陰曆丙寅年…), and a transcriber's note in 〔〕 under it: the page's banners (they were a headline and a headless story) */
FIXTURE_TEST(row_table_cells)        /* a table read a row at a time, a cell a line, its rows' figures in the same places under a row of headings: each row one paragraph of its cells (9800 / +600 was a headline, 龙潭镇 its byline) */
FIXTURE_TEST(narrow_column_wrap)     /* a hard-wrapped page with paragraphs set narrower than the page's wrap: lines as wide as each other with commas inside run on into one paragraph (the first line was a headline), and then lines with none as wide as the column's (they were a deck); a headline over a —— subtitle with a blank line over the byline stays apart from it (they were one headline) */
FIXTURE_TEST(layout_table_story)     /* pdftotext -layout: a table laid out by spaces inside a story (a title over rows of short cells with figures, the story's text after them): its rows are text, its title a subhead, and the column of briefs after the story still heads its own (a row was a headline) */
FIXTURE_TEST(wire_alone_jumps)       /* a Hong Kong/Toronto page: （轉A6） after a story is its jump line, a wire's dateline alone on its line in brackets (（加通社多倫多25日電）) heads the text under it, and （續A14） closing a story's text over its caption is where the story goes on (it opened a headless story) */
FIXTURE_TEST(wrap_deck_shapes)       /* a hard-wrapped page: a letter-spaced kicker over a headline set tight is no line wrapped into it, and a headline tight under its kicker over a —— subtitle and a byline stays apart from the subtitle (each was one headline); a title with no punctuation, as wide as the text, under a paragraph closed at the line's end and over an indented paragraph, heads a story (it ran into the paragraph above) */
FIXTURE_TEST(top_number_section)     /* under the masthead and its header line, the page's number alone (3) and its section (校园·综合) are the header's: banners and the page's label (they were the first story's kicker) */
FIXTURE_TEST(layout_spaced_title)    /* pdftotext -layout: a display title set two spaces between its characters (玉  米  籽  粒…) over a dateline story is that story's headline, its characters counted without the spaces (it was text, the page one headless story) */
FIXTURE_TEST(wechat_post_chrome)     /* a WeChat post exported as markdown: its call to follow (**点击上方蓝字关注我们**) and its - END - are the platform's, banners (the first was a headline), and *▲caption* in emphasis under its picture is the caption, text under it or not (it was a headline) */
FIXTURE_TEST(feed_items) /* a feed reader's saved items: each Title:/Author:/Link:/Date: block to the banners, its title the item's headline, its author the byline, the kicker and —— subtitle over the first paragraph the item's deck; a grid table's +---+ borders and |cells| kept as rows; the Links: list to the banners */
FIXTURE_TEST(hugo_source) /* a site's markdown source: +++ TOML front matter and HTML tags to the banners, the text inside <div>…</div> read as a line (kicker, subtitle), the masthead over a ## title's deck the page's chrome */
FIXTURE_TEST(viewer_font_breaks) /* pdf.js breaks lines at a font change: a Latin gloss in brackets alone on its line, a gloss cut open, and a scrap of one character join the paragraph around them, a space kept between two Latin words (they were titles, subtitles) */
FIXTURE_TEST(drop_cap_line) /* a drop cap alone on its line (老 / 城区的…) opens the paragraph under it (it was a subhead) */
FIXTURE_TEST(tab_table_speaker) /* a table parted by tabs under its title inside a story is the story's rows (its head row was a subtitle); under a column's label a speaker's line ending in ： is the kicker of the title under it (the title was a banner in a cut) */
FIXTURE_TEST(vertical_title) /* a title set vertically, copied a character a line, is one headline (each character was a subhead) */
FIXTURE_TEST(mobile_edition) /* a mobile edition: its 【paper】 masthead line a header, 〖〗 labels columns, ▶ titles head items, 【title】 briefs tight under a label split off their titles */
FIXTURE_TEST(phone_view) /* a phone view: the site menu (首页 | …), a bar of titles cut by …, and 上一篇：/下一篇： lines are banners */
FIXTURE_TEST(forum_discuz) /* a page reposted on a forum: the software's credit, the post's 发表于 stamp, an attachment's line and the 回复 | 举报 bar are banners (the post's own words stay a headless story) */
FIXTURE_TEST(figure_line_signature) /* a figure and its units put out of their sentence onto a line of their own join it (it was a banner, the sentence cut); ‧梁啓明‧ at a story's foot is its byline (it was a subhead); a 编辑同志： letter after a wire brief is left in that brief */
FIXTURE_TEST(question_title_run)      /* an indented hard-wrapped page: a column label, a title asking its question and a □ byline, short lines between a finished paragraph and an indented one, are a deck (the question ran into the paragraph above) */
FIXTURE_TEST(mail_edition)            /* a mailed edition: the way to its web copy and the address under it, its list of contents, its word to the subscriber and its sender at the foot are the banners' */
FIXTURE_TEST(mail_edition_lookalike) /* a story on unsubscribing from text messages: its headline and paragraphs name no mail, and stay its own */
FIXTURE_TEST(epaper_page_view)       /* an e-paper's whole-page view: its [ 查看版面大图 ] [ PDF下载 ] bar, its 本版新闻 list of the titles it prints, and its site's credits at the foot (主办：…, 技术支持：…) are the banners' */
FIXTURE_TEST(blog_post_links)       /* a blog's post: its time alone in brackets under its title is a banner (the title stays the headline, no masthead), and 前一篇：/后一篇： lines are links, whatever the titles they name */
FIXTURE_TEST(spaced_label_title)    /* a label set letter-spaced (家 常 菜 谱) over a title set tight is the title's column, not the first half of one headline; two tight halves above still make one */
FIXTURE_TEST(column_named)          /* an e-paper's article view: 栏目：X over the title names the story's column (the line was its headline) */
FIXTURE_TEST(wrap_label_comma_title) /* a hard-wrapped page: a column's label and a title with a comma, clearly short of the wrap, between a full line that ends its paragraph and a full line of text, are a deck (they ran into the paragraph above) */
FIXTURE_TEST(jump_opens_paragraph)  /* a jump line from another page opening a paragraph, its text after it on the line, is a jump of its own (it stayed in the paragraph); a paragraph opening with another bracket stays whole */
FIXTURE_TEST(md_bold_briefs)        /* markdown briefs each opening with its title in bold, no bullet, under ### 简讯 and after one another, are briefs of that column (they were sections of the story above); a bold lead-in inside the story stays the story's (a subhead over its text) */
FIXTURE_TEST(ocr_rule_line)         /* OCR reads a printed rule as a row of 一: a rule between stories, kept with the banners (it was a headline); 一一 inside a sentence stays text */
FIXTURE_TEST(mail_forwarded)        /* a mailed edition forwarded: the mail's header (转发的邮件, 发件人：, then 日期：/主题：) over it and, under a rule at its foot, the sender's name and address over its word to the subscriber and the buttons under it are the banners' */
FIXTURE_TEST(caption_credit_glued)  /* a photo's credit in brackets on its own line, 摄 glued to the name ((记者 吴家豪摄)), is the credit of the caption over it, not a name signing the story (which left the next story headless) */
FIXTURE_TEST(wrap_title_dateline_alone) /* a hard-wrapped page: a title more than half the wrap wide, under a full line that ends its paragraph, over its dateline (本报讯) or its byline (记者 X 报道) alone on its line, heads the next story (it ran into the paragraph above) */
FIXTURE_TEST(title_list_under_chrome) /* a page's list of its titles under a few lines of the site's own read as a headless story (no headline, byline or dateline, a few short lines) is still the page's list, its banners (it was the first story's deck) */
FIXTURE_TEST(lynx_article_page) /* lynx -dump: every line of a paragraph set in by the page's margin, link bars, [IMG] before a caption, bulleted 【title】 briefs wrapped under their text */
FIXTURE_TEST(wrap_title_dateline_cut) /* hard-wrapped: a title under a full finished line, over its dateline whose bracketed byline the wrap cut (本报河湾11月28日讯（通讯 / 员 X）) */
FIXTURE_TEST(contents_line_top) /* a line of the page's contents at its top (今日导读：X｜Y｜Z): the page's, and its titles' words make no running header of the titles under it */
FIXTURE_TEST(mail_mutt_preheader) /* a mail shown by mutt: its part marks ([-- Attachment #1 --], a long [-- Autoview … --]), the lead's first paragraph over the masthead as the mail's preview, 在浏览器中查看 after more chrome than text */
FIXTURE_TEST(layout_front_bands) /* pdftotext -layout front page: a letter-spaced masthead and its English name a blank line over the imprint (CN 52-0012 read as the serial's one value), a caption across both columns wrapped at its own width into its credit, a second band of two stories */
FIXTURE_TEST(cut_figure_joined) /* a running header dropped inside a figure the column break split (计划在20 / header / 27年底前): rejoined with no space */
FIXTURE_TEST(wrap_deck_caption_in_cut) /* hard-wrapped: a headline wider than the wrap over its —— subtitle and a dateline opening the text (no paragraph), a 图为 caption over its credit dropped inside a cut paragraph */
FIXTURE_TEST(layout_byline_column_head) /* pdftotext -layout: a byline at the head of the second column read before both; a title centred in its narrow column on a page of indented paragraphs; a right column's title set in, no paragraph */
FIXTURE_TEST(md_paper_name_over_links) /* markdown clip: the paper's name as the only # title over a line of links (long with their addresses) is the page's, the stories its ## titles */
FIXTURE_TEST(wrap_wide_title_over_deck) /* hard wrap at 14 characters: a headline of no punctuation wider than the wrap is no wrapped line, its subtitle under it */
FIXTURE_TEST(epaper_page_links_foot) /* e-paper page: a click hint under the page label, a bar of links with 目录, a lone back-to-top link with its arrow and a 本版PDF下载 bar at the foot are the site's */
FIXTURE_TEST(wrap_company_masthead_briefs) /* company paper hard-wrapped: the publisher's 主办： line under the masthead is the page's and runs into nothing; a photo's caption between a title and its dateline; a brief's title run into its text where the wrap cut a word (11月中 / 旬，) */
FIXTURE_TEST(spaced_title_over_caption) /* no blank lines, no indents: a title of two phrases set apart by an ideographic space under a finished sentence opens no paragraph's line and runs into no caption; the caption between it and its byline */
FIXTURE_TEST(question_over_asker_wrapped) /* no blank lines: a question's title under a label runs not into its asker's paragraph (读者X问：) under it */
FIXTURE_TEST(picture_titles_captions) /* picture page: a title over a photo's caption (X 摄) with the next title under it is a picture's story, the caption its text; a bare [图片] mark is the extraction's */
FIXTURE_TEST(epaper_author_meta_lines) /* e-paper page: a 作者：/来源：/发布时间： line under each of four stories (one a table), its author varying, is the site's; its 作者： value the story's byline, an office's name too */
FIXTURE_TEST(site_menu_meta_hot_list) /* a news site's section saved as text: its menu as a list (* 首页 …), a date/来源/作者 line under each title (the author its byline), a 热门新闻 list of links and the footer under it */
FIXTURE_TEST(forum_breadcrumb_long_title) /* a forum's breadcrumb with › between its crumbs, the last one the thread's long title, is the forum's */
FIXTURE_TEST(wrap_figure_scraps_dateline) /* copy-paste wrapped at 13 characters: figures put out on lines of their own (全長約 / 4.2 / 公里，, 目標於 / 2027 / 年前) run on; a subtitle as wide as the wrap runs not into the dateline under it; a line stopping on 的 runs on */
FIXTURE_TEST(numbered_bracket_labels) /* a column's label in brackets on a numbered headline's line (2. 【生活提示】X: column, the number kept before the headline), or of four characters over a story nobody signs */
FIXTURE_TEST(spaced_label_over_title) /* a line per printed line, no indents: a bare line as wide as the column right under a letter-spaced label is its story's title */
FIXTURE_TEST(site_label_over_marked_items) /* an e-paper's article view: a title with nothing of its own over items each titled after ■ is the column's label, each item a story under it */
FIXTURE_TEST(cell_table_word_cell) /* a table read a cell a line whose figure column holds a word in one row (持平); a labelled source note in brackets under it runs into no label */
FIXTURE_TEST(phone_view_readers_count) /* a phone view: the count of a post's readers alone (阅读 1.8万) and a lone back-to-contents link are the site's */
FIXTURE_TEST(raw_foot_section_name) /* pdftotext -raw, no blank lines: a section's name tight under the last story with only the header's lines under it to the page's end is the footer's */
FIXTURE_TEST(wrap_slogan_kicker_pair) /* hard wrap at 15 characters: a slogan of two phrases set apart by a space, as wide as the wrap, runs not into the headline under it */
FIXTURE_TEST(broken_head_lead_names_it) /* a headline broken over two lines whose first half the lead names, the lead's dateline line cutting the name (走进青 / 石县…) */
FIXTURE_TEST(wrap_wide_caption_sentence) /* hard wrap at 15 characters: a caption of one whole sentence set wider than the wrap runs not into the column's label under it */
FIXTURE_TEST(short_page_clause_line) /* a short page read a line at a time: a line with a comma that stops on a joining word (…，项目是) is a sentence going on, no title */
FIXTURE_TEST(lynx_margin_indented_firsts) /* a console browser's dump: every line in a margin, each paragraph's first line set in past it by 　　: the margin is found and the lines run on; a 相关链接：[n]X line is a link, no title */
FIXTURE_TEST(spaced_slogan_kicker) /* a slogan set letter-spaced over a headline (关 爱 灾 区　情 系 桑 梓) is its kicker, no one's names */
FIXTURE_TEST(forum_thread_repost) /* a forum thread reposting two stories: the thread's title, the poster's edit stamp and word to the readers over the first story, the post's buttons, signature and replies under the last: banners */
FIXTURE_TEST(deck_broken_over_speaker) /* a headline broken over two centred lines over a subtitle giving a speaker's words (街道办：…): one headline, not a kicker of two lines */
FIXTURE_TEST(bbs_post_header) /* a BBS post's header (发信人: / 标  题: / 发信站:) over the paper it reposts: the board's lines, banners */
FIXTURE_TEST(feed_post_buttons) /* posts copied out of a social feed: the reactions' label and count, the comments' and shares' counts, and each button (讚/留言/分享) on a line of its own are banners, never a title */
FIXTURE_TEST(wrap_title_over_wider_subtitle) /* a title as wide as the wrap over a subtitle of detail wider than the wrap: the title runs not into the subtitle (it would be split at its wide space as a title run into its text) */
FIXTURE_TEST(layout_title_over_byline_band) /* pdftotext -layout: a title set in as far as a paragraph with its byline tight under it (a title, not a paragraph of its own), in a band whose right column opens with an indented paragraph */
FIXTURE_TEST(wrap_label_items_restated_title) /* hard-wrapped: a letter-spaced label over ◆ briefs (the first brief's line runs on; the label heads them), and a title as wide as the wrap that the lead's first line names again (a title, not a paragraph's first line) */
FIXTURE_TEST(deck_head_over_longer_by_one) /* a three-line deck: kicker, a headline of thirteen characters over a subtitle one character longer (the subtitle, not the headline under two kicker lines) */
FIXTURE_TEST(mail_read_more_after_closed) /* a mailed digest: each story's link to its whole text (阅读全文 >> https://…) is the site's, a banner, after a story closed by its source too; the numbered titles head stories */
FIXTURE_TEST(layout_masthead_publisher_dateline_title) /* pdftotext -layout: a letter-spaced masthead over its Latin name and the publisher's line (X主管主办, 国内统一连续出版物号): banners; a title set in as far as a paragraph over a dateline paragraph; 本报评论员文章 over a commentary, no byline */
FIXTURE_TEST(ocr_dash_subject_subtitle) /* OCR reads a subtitle's dash as 一一 before its subject (一一区法院判决…): a subtitle, not the headline */
FIXTURE_TEST(forum_title_names_story) /* a forum thread whose title names the story it reposts ([转帖]《X报》第6版：秋冬护膝有讲究): the title's words make no running header of the story's headline */
FIXTURE_TEST(phone_counts_share_bar) /* an e-paper's phone view: each story's counts of readers and likes set apart by a dot (阅读 1208 · 点赞 35) and the share bar (分享到：微信 | 朋友圈) are banners, not text or a title */
FIXTURE_TEST(cells_figure_unit_pairs) /* hard-wrapped: a table read a cell a line, each name over its price with a unit (1.6元/公斤): rows of name and price; the line leading into it on a colon is no cell */
FIXTURE_TEST(epaper_page_view_lists_meta) /* an e-paper's page view: a bar of links with one word of the site's own (订阅服务), the page's list of its titles under 本版新闻 with one title printed after its column (访谈｜X), the page file's link and size, and each story's 作者：/来源：/日期： line without a clock (the author the byline) */
FIXTURE_TEST(notice_title_about_broken) /* a document's title broken over two lines (关于开展… / …申报工作的通知): one headline, whatever the widths */
FIXTURE_TEST(indented_clause_first_line) /* on a page that indents its paragraphs, an indented line with commas that leaves its clause open (a narrow column's first line) runs on into the lines under it, never a paragraph of its own */
FIXTURE_TEST(next_link_names_title) /* an e-paper's article view: the 下一篇：X link names the next story's title, so the line printing X is its headline (whole), the plain line under it its subtitle */
FIXTURE_TEST(notice_name_box_after_essay) /* a notice's name over its text (本版征稿) after the page's last essay: a piece of its own, unsigned */
FIXTURE_TEST(picture_page_scraps) /* a picture page copied from a PDF viewer: an opening quote and a figure put out on lines of their own by a change of face (“ / 00 / 后”…) open the title; a title over a picture's sentence and the credit on the line under it is a picture story */
FIXTURE_TEST(digest_label_news_word) /* a column's name for its news (區議會消息) tight over a title: the label, not half of one headline */
FIXTURE_TEST(figure_scrap_paragraph_a_line) /* a page of a paragraph a line: figures a change of face put out on lines of their own (资金 / 1600 / 余万元，…) run on into their sentence */
FIXTURE_TEST(deck_speaker_not_broken) /* a short line giving a speaker's words (区政府：分三期施工) under a headline: its subtitle, never the second half of the headline */
FIXTURE_TEST(dated_caption_marked_credit) /* a picture's caption opening with its day (11月25日，某部机务人 / 员进行…训练。) is text, never a title; its credit after the page's mark (■王晓宇 摄) is a credit, never a column */
FIXTURE_TEST(digest_label_events) /* a column's name for its events (社區活動) tight over a notice's title with its fields under it: the label, not half of one headline */
FIXTURE_TEST(listed_table_title) /* a table's title after a story, listed in the page's list of its titles: a piece of its own (S_LISTED_RUN), not the story's table */
FIXTURE_TEST(notice_box_signed_by_house) /* a notice's text signed by a house's name alone on the line under it (本报副刊部): its signer, never a new story's title */
FIXTURE_TEST(deck_series_part_kicker) /* a series' name closed by its part (“托管班”乱象调查（上）) over a headline with a comma: the kicker, never the headline */
FIXTURE_TEST(qa_question_comma)      /* a doctors' Q&A under its label: a question with a comma over 读者X问：… heads its item (it started a paragraph under the expert's line), and the next question over its asker heads the next item (it was a subhead) */
FIXTURE_TEST(wrap_title_near_wrap_dateline) /* hard-wrapped: a title short of the wrap by less than twice its slack, over the line its lead opens with the dateline (本报讯 记者从…, 本报讯（记者 X）…), heads the next story (it ran on as the paragraph's rest) */
FIXTURE_TEST(genre_label_said) /* a line of three characters ending in 说 (百姓说: a column where its readers speak) over a short title is the column's label, never half of a broken headline (its lead names 百姓) */
FIXTURE_TEST(deck_series_report_kicker) /* a series of reports' name (2026滨海马拉松·特别报道) over a headline and a subtitle of detail: the kicker, never the headline nor a column */
FIXTURE_TEST(letter_salutation_after_signed) /* a reader's letter under its column's label after a story closed by its writer in brackets: its title runs into no salutation (编辑同志：…), and the deck heads a story (a deck counts after a closed story too) */
FIXTURE_TEST(record_export_fields) /* a newspaper database's export: its own lines over the records are banners; each record's fields in 【】, letter-spaced (【标　题】, 【引　题】, 【副　题】, 【作　者】) give the deck in its parts (the title printed before its kicker) and the byline, the labels and the empty fields are banners, 【图片说明】 labels a caption, 【记录N】 a banner */
FIXTURE_TEST(chat_export_stories) /* a paper's stories posted into a readers' chat, read from the chat's export (2026/11/20 20:02 - sender: …): a message of several lines is a story, its title after the sender; the poster's header sent over each story (📰…), a file sent (IMG-….jpg, <附件已省略>), a greeting, replies and the chat's notice are banners; a photo's caption sent with or after its photo stays with its story; the list numbered on past its last printed title is the list's */
FIXTURE_TEST(field_rows_bracket_unit) /* a box of prices under its title, each row a label with its unit in brackets (黄金（每钱）：468万瑞尔): rows of the box, the first no subtitle */
FIXTURE_TEST(phone_related_links) /* a phone view story by story: the date and reads under each title (2026-11-28　閱讀 1.2萬) are the site's, and a 相關新聞 label over links to other stories (· X), up to the site's 上一篇/下一篇, is the site's: no story, no column */
FIXTURE_TEST(quote_source_closes) /* a quotation closed by its source after a dash (…。——摘自《江城晚报》) ends its item's sentence: the label and title set apart under it head a story of their own, no subhead of the digest */
FIXTURE_TEST(phone_card_buttons_obituary) /* a phone view's cards: the bar back to the list (‹ 返回), the paper's name, time and reads under the title, the buttons with their counts (👍 赞 86　💬 评论 9), a 相关阅读 list of other titles down to a rule are the site's; an obituary's mourners by kin (孝男　X　Y) and its closing 泣告 are its text, no titles */
FIXTURE_TEST(opinion_spaced_labels_drop_cap) /* an opinion page: letter-spaced labels of comment (社 论, 来 论) are columns, never names; a title runs into no drop cap (老 / 旧小区改造…); a cartoon's caption (漫画　X　李　明　作) runs into nothing and stands on the page by itself */
FIXTURE_TEST(forum_floor_replies) /* a forum's repost of a page: a copier's note of a picture left out (（图略）) is the copier's, no end of the story; the replies under the post's footer, each replier's name over the floor's name (沙发, 板凳) over the reply's line, are the forum's */
FIXTURE_TEST(phone_preview_expand) /* a phone view: a story's preview cut off with an ellipsis over its 展开全文 button and the text in full is the site's; the buttons' bar with 收藏, a 相关阅读 list down to 返回顶部 are the site's too */
FIXTURE_TEST(saved_stories_export) /* a reader's export of saved stories: the app's lines over the first story are banners; each story's title over its link alone heads it (a question, under a caption, too), its link, source and tags (标签：X　Y) are the app's */
FIXTURE_TEST(wrap_hung_marks) /* hard-wrapped at 18 characters with marks hung past the measure (a line of 18 and its comma): the wrap is the measure, not the hung lines' width, so a line a character short of it is full and runs on (it was read as a deck's line) */
FIXTURE_TEST(epaper_trad_nav_caption) /* an e-paper's whole-page view in traditional characters: its menu of pages after 版面導航：, the page shown with the links beside it (當前版面：A2 澳聞　＜上一版　下一版＞), those links alone are the site's; a caption labelled 圖： between paragraphs is the story's caption, no title */
FIXTURE_TEST(chat_bold_titles_hk) /* a Hong Kong page forwarded into a chat ([28/11/2026 08:13] sender: …): the page's header in the first message is the chat's, a title in *bold*, its subtitle in _italics_ (read without the marks), a commentary's label in 【】 inside its bold title, and a byline after Hong Kong's vertical colon (文︰X) */
FIXTURE_TEST(record_head_title_again) /* a database's export of records with heads of fields (篇目 N / 3, 報章：…, 標題：X, 字數：N) learnt as the page's furniture: the export's lines over the first head are banners, and the title the head names, printed again under it, heads its story once (no column of the same words) */
FIXTURE_TEST(wrap_mid_header_number_name) /* hard-wrapped, the running header dropped between two paragraphs as blocks: the page's number alone and its name the page printed at its top, over the header's date line, are the header's (no subheads of the story) */
FIXTURE_TEST(deck_comma_head_over_dash) /* a deck of a plain line over a line with a comma over a —— subtitle: the line right over the subtitle is the headline it qualifies (the plain line the kicker), comma and all */
FIXTURE_TEST(briefs_last_signed_copyright) /* a label over ● briefs each signed in brackets, the last too (（宣　文）): the signatures are the items' text, never the box's byline nor the end of the box; the site's copyright line (Copyright © … All Rights Reserved) is chrome */
FIXTURE_TEST(genre_label_question_head) /* a label naming a kind of piece, seven characters (理论热点面对面), over a question set centred: the question heads the piece under the label, no paragraph */
FIXTURE_TEST(picture_mark_fullwidth) /* a site's mark of a picture in full-width brackets (［图片］) alone on its line is where the picture was: a banner, no subhead, no title */
FIXTURE_TEST(picture_story_numbered_byline) /* a picture story: its title, its pictures' numbered captions (①…②…③…), then its byline line (摄影报道), then its text: one story signed so, no headless story opened by the byline */
FIXTURE_TEST(wrap_mid_header_number_section) /* hard-wrapped, the running header dropped inside a cut as blocks: the page's number, its section's name (港口·物流) and the date line are the header's, and the cut paragraph is joined across them */
FIXTURE_TEST(feed_items_han_fields) /* a feed reader's export of items in Chinese: the reader's lines over the first item are banners; each item's title over its labelled link (链接：https://…) heads it; its fields (发布时间：, 分类：, 作者： empty or a byline) are the reader's, the author once */
FIXTURE_TEST(phone_comments_block) /* a phone view's stories: the readers' count with a comma (阅读 3,621) under a title keeps the title a story's (a blank line apart), a like count with one button (👍 57　在看), the readers' comments under their label (精选留言) down to a blank line, and the site's licence line (皖ICP备…) are the site's */
FIXTURE_TEST(lynx_title_list_marks) /* a console browser's dump (lynx -dump) of an e-paper page: the page's list of its titles, each item a mark and the link's number (* [4]X), under its label, is the site's (the titles printed below head the stories) */
FIXTURE_TEST(contents_in_cut) /* a contents box (label, title over 第N版) dropped inside a cut paragraph */
FIXTURE_TEST(briefs_signed_items) /* a briefs box's items each signed, one signature on its own line */
FIXTURE_TEST(wrap_speaker_and_dateline_cut) /* hard-wrapped, first lines short by a dropped indent: a dateline whose unbracketed byline the wrap cut, and a speaker's line over 介绍，… run on */
FIXTURE_TEST(narrow_wrap_dropped_indent) /* hard-wrapped at 26 columns, indents dropped, hung marks and a wide caption: the narrow wrap, not one read off the few wider lines */
FIXTURE_TEST(weibo_article_stamps) /* a paper's Weibo article: the post's account, its 来自 and 发布于 stamps, a teaser with a #topic#, titles opened by ▍ (one holding a question) */
FIXTURE_TEST(masthead_tail_lines) /* the masthead's last short lines (第N期, 今日N版, X主办) tight under its header lines, down to the blank over the first deck */
FIXTURE_TEST(dateline_alone_over_reporters) /* hard-wrapped: a bold 本报讯 on a line of its own over a lead opening with its reporters and 报道：, a name cut by the wrap */
FIXTURE_TEST(app_menu_related_titles) /* a phone app's stories: its menu of sections, the section shown, 相關新聞 over bare titles down to a rule */
FIXTURE_TEST(mid_header_paper_name) /* a running header block inside the page opened by the paper's name: name, letter-spaced page name, number, date, editors */
FIXTURE_TEST(dropped_indent_items) /* hard-wrapped, indents dropped, a briefs box whose items open full with their mark: the items do not count against the dropped indent */
FIXTURE_TEST(wrap_title_over_dash) /* a chat's forwarded stories, hard-wrapped: a title as wide as the wrap over its —— subtitle stays two lines of the deck */
FIXTURE_TEST(bracket_place_news_alone) /* hard-wrapped, indents dropped: （棉兰讯）, （本报讯） alone on their lines between a headline and its text are datelines, not closing credits */
FIXTURE_TEST(indented_first_lines_mixed) /* indented paragraphs, columns of three widths (no one wrap): a first line as wide as the lines, set in, runs on; a margin line under a full line that ended its sentence goes on; a figure cut at a line's end (約有3 / 2,000人次) */
FIXTURE_TEST(dateline_bracket_cut_margin) /* hard-wrapped, indents dropped: a dateline's bracketed byline cut at the margin between a name and the next role word, or after a role word: one lead, the byline across the cut */
FIXTURE_TEST(briefs_last_signed_foot_name) /* a briefs box whose items are each signed inline, then the page's foot: date, editors, page number and the paper's name under them */
FIXTURE_TEST(spaced_page_name_over_caption) /* the page's name set letter-spaced with a dot on its first line, a caption drawn before the first story's deck: the page's name, the caption the story's */
FIXTURE_TEST(app_menu_button_sections) /* a phone view: the menu after its button (≡), the section under it, a section｜county line over each story, the time and share bar between title and lead, 回到頂端 and the site's links at the foot */
FIXTURE_TEST(picture_titles_below) /* a picture page in drawing order: a caption's text and its credit over the title printed under them; a picture story's credit over its numbered captions */
FIXTURE_TEST(bracket_label_circle_items) /* indented paragraphs: a label in 【】 set in over ○ items each signed, one signature on its own line: one box, the signatures the items' */
FIXTURE_TEST(deck_comma_dash_dateline_cut) /* hard-wrapped: a headline with a comma over a —— subtitle of no mark stays two lines of the deck; a dateline's unbracketed byline ending at the line's end, 报道： under it */

/* Nothing is lost: every character of every non-blank line of the page
 * appears in the output (as text, a field, a banner or a caption), for
 * every fixture. Checked on the Han characters (markup and the spaces
 * the parser joins lines with are not text). */
static void collect_output(const doc_issue *issue, util_buf *out)
{
	render(issue, out);
}

static void test_nothing_lost(void **state)
{
	(void)state;
	static const char *const names[] = {
		"headline_byline", "kicker_subtitle", "markdown", "column_labels", "bylines",
		"datelines", "trailing_byline", "subheads", "cuts", "captions", "bare_caption",
		"cut_caption", "jumps", "headless", "page_header", "briefs", "wrapped", "orphan_text",
		"running_headers", "story_ends", "wrapped_stories", "wire_datelines",
		"masthead_block", "markdown_levels", "bracket_sources", "markdown_digest", "epaper_furniture",
		"trad_bylines", "trad_datelines", "trad_captions", "trad_jumps", "letter_spaced", "report_lead",
		"page_conventions", "markdown_marks", "kicker_shared_word", "deck_widths", "wrapped_caption", "page_note", "tail_repeat", "signed_letters", "qa_items", "run_in_titles", "run_in_marked", "run_in_page_mark", "run_in_mark_space", "question_over_byline", "quoted_question", "dateline_over_head", "indent_head_top", "indent_head_top_lookalike", "md_rank", "md_rank_lookalike", "page_label", "page_label_lookalike", "indent_margin", "indent_margin_lookalike",
		"lead_kicker", "lead_column", "md_briefs",
		"notice_dates",
		"notice_dates", "photo_page", "filing_stamp",
		"letters_signed", "loose_wrap", "loose_wrap_lines", "note_over_deck", "jump_from_title", "bracket_briefs",
		"label_dash_deck", "deck_kicker_dash", "label_over_head", "letter_reply", "form_items", "marked_items", "signed_notices", "indented_briefs", "dash_comma", "label_comma_deck", "label_question", "deck_question", "deck_question_lookalike", "indented_kicker", "indented_kicker_lookalike", "place_kicker", "place_kicker_lookalike", "time_predicate", "time_predicate_lookalike", "tight_page", "numbered_items_box", "foot_note",
		"wrapped_decks",
		"stub_byline", "listings", "indented_fields", "signed_label", "narrow_wrap", "narrow_verse", "narrow_items", "label_word4", "verse_then_prose", "lead_subject", "lead_subject_unsigned", "ocr_number_title", "lead_subject_share", "marked_item_titles", "word_over_title", "pronoun_clause", "deck_detail", "md_column", "first_header", "wrap_bracket",
		"verse", "desk_note", "desk_note_body", "byline_parts", "indent_all", "indent_items", "run_label", "masthead_issuer", "masthead_yearly", "masthead_pieces", "masthead_pieces_lookalike", "masthead_note", "masthead_note_lookalike", "masthead_md", "masthead_md_lookalike", "masthead_daily", "masthead_daily_lookalike", "header_latin_name", "header_latin_name_lookalike", "nav_links", "nav_links_lookalike", "title_over_furniture", "title_over_furniture_lookalike", "title_list_question", "title_list_question_lookalike", "rule_wide", "rule_wide_lookalike", "control_bar", "control_bar_lookalike", "dotted_date",
		"site_deck_labels", "site_deck_lookalike", "signed_items", "site_nav_questions", "byline_pieces", "wrap_dateline_bracket", "dash_signature",
		"foot_imprint", "foot_imprint_lookalike",
		"label_spaced", "decked_sections",
		"subtitle_under", "whole_over_longer",
		"bracket_filings", "bracket_filings_lookalike",
		"words_bar", "words_bar_lookalike", "refrain", "refrain_scar", "qa_labels",
		"comma_label",
		"bracket_note", "time_kicker", "time_kicker_lookalike",
		"deck_emphasis", "deck_emphasis_lookalike", "two_phrases_broken", "two_phrases_broken_lookalike",
		"whole_under", "whole_under_lookalike", "md_table", "md_table_lookalike",
		"bulletin_furniture", "bulletin_furniture_lookalike", "spaced_bylines", "spaced_bylines_lookalike",
		"byline_shapes", "byline_shapes_lookalike", "wrap_dateline_indented",
		"page_signed_unit", "page_signed_unit_lookalike", "names_label", "names_label_lookalike",
		"indented_signature", "indented_signature_lookalike",
		"photo_role_bracket", "photo_role_bracket_lookalike",
		"page_end_signature", "page_end_signature_lookalike",
		"age_signature", "age_signature_lookalike", "supplier_credit", "supplier_credit_lookalike", "note_supplier", "note_supplier_lookalike", "question_predicate", "question_predicate_lookalike", "photo_credit_first", "photo_credit_first_lookalike", "dateline_items", "dateline_items_lookalike", "asked_long_question", "asked_long_question_lookalike", "list_dot_titles", "list_dot_titles_lookalike", "signature_dates", "signature_dates_lookalike", "long_place_filing", "long_place_filing_lookalike", "column_cohost", "column_cohost_lookalike", "paper_own_name", "paper_own_name_lookalike", "gathered_credit", "gathered_credit_lookalike", "marked_label_over_byline", "marked_label_over_byline_lookalike",
		"names_compiled", "names_compiled_lookalike",
		"header_short_form", "header_short_form_lookalike", "header_letter_spaced", "header_letter_spaced_lookalike",
		"masthead_long_name", "masthead_long_name_lookalike", "epaper_letter_label", "epaper_letter_label_lookalike",
		"desk_credits", "desk_credits_lookalike", "counters_link", "counters_link_lookalike",
		"tail_signature", "tail_signature_lookalike",
		"item_rows", "item_rows_lookalike",
		"box_subject", "box_subject_lookalike", "tips_box", "tips_box_lookalike",
		"afterword", "afterword_lookalike", "notice_signed", "notice_signed_lookalike", "marked_briefs_circle", "marked_briefs_circle_lookalike",
		"md_label_over_head", "md_label_over_head_lookalike",
		"epaper_top_chrome", "epaper_top_chrome_lookalike",
		"notice_bracket_note", "notice_bracket_note_lookalike",
		"editor_afterword", "editor_afterword_lookalike",
		"title_link", "title_link_lookalike",
		"top_text_chrome", "top_text_chrome_lookalike", "top_text_chrome_colon",
		"title_list", "title_list_lookalike", "title_list_tight", "title_list_numbered", "title_list_numbered_lookalike", "comma_label_spaced", "comma_label_spaced_lookalike", "web_chrome", "web_chrome_lookalike",
		"other_subject", "other_subject_lookalike",
		"epaper_printed_byline", "epaper_printed_byline_lookalike",
		"lone_caption", "lone_caption_lookalike",
		"lone_caption_top", "lone_caption_top_lookalike",
		"open_line_byline", "open_line_byline_lookalike",
		"items_unsigned_tail", "items_unsigned_tail_lookalike",
		"indent_marked_items", "indent_marked_items_lookalike",
		"note_byline", "note_byline_lookalike",
		"char_wrap", "char_wrap_lookalike", "wrap_indent_all", "char_wrap_width", "wrap_figure_word", "wrap_figure_word_lookalike", "wrap_indent_spaces", "wrap_few_lines", "char_wrap_sharper", "masthead_spaced", "masthead_spaced_lookalike",
		"ocr_stray", "ocr_stray_lookalike", "post_stamp", "post_stamp_lookalike",
		"header_spaced_imprint", "header_spaced_imprint_lookalike", "nav_none", "nav_none_lookalike",
		"position_caption", "position_caption_lookalike",
		"header_foot", "header_foot_report", "header_foot_lookalike",
		"medium_place_bracket", "medium_place_bracket_lookalike",
		"md_marked_caption", "md_marked_caption_lookalike",
		"md_bracket_label", "md_bracket_label_lookalike", "md_digest_number", "md_digest_number_lookalike", "digest_bracket_number", "digest_bracket_number_lookalike", "list_dot_title", "list_dot_title_lookalike", "wrap_dash_deck", "wrap_dash_deck_lookalike", "indent_cut_comma", "indent_cut_comma_lookalike", "link_marks_bar", "link_marks_bar_lookalike", "month_date_calendar", "month_date_calendar_lookalike", "md_top_bare", "md_top_bare_lookalike", "masthead_centred", "masthead_centred_lookalike", "foot_imprint_fields", "foot_imprint_fields_lookalike", "wrap_stray_mark", "wrap_stray_mark_cut", "wrap_stray_mark_lookalike", "epaper_story_stamps", "epaper_story_stamps_lookalike",
		"indent_dropped", "indent_dropped_lookalike", "header_foot_named", "header_foot_poem_lookalike",
		"indented_subheads", "indented_subheads_lookalike", "pullquote_sections", "pullquote_sections_lookalike",
		"wrap_sections", "wrap_sections_lookalike", "comma_subhead_flush", "comma_subhead_flush_lookalike",
		"numbered_comma_heads", "numbered_comma_heads_lookalike",
		"question_piece", "question_piece_lookalike",
		"box_rows_one_figure", "box_rows_one_figure_lookalike",
		"box_note_clauses", "box_note_clauses_lookalike",
		"series_then_digest", "series_then_digest_lookalike",
		"colon_kicker_tight", "colon_kicker_tight_lookalike",
		"deck_pronoun", "deck_pronoun_lookalike",
		"deck_kicker_width", "deck_kicker_width_lookalike",
		"comma_subtitle_tight", "comma_subtitle_tight_lookalike",
		"marked_sections_after", "marked_sections_after_lookalike",
		"deck_clauses", "md_list_briefs", "mail_newsletter", "deck_season", "button_bar_table", "inner_cry_title",
		"table_fullwidth_cells", "viewer_uneven_wrap", "source_lead", "genre_label_five", "note_alone_top", "wrap_repeat_inside", "wrap_cut_short_last", "toc_page_refs", "question_over_detail", "wrap_label_title_lead", "viewer_line_not_banner", "epigraph_source", "wrap_title_dated_lead", "notice_bracket_issuer", "layout_header_spaces", "epaper_chrome_top", "wrap_rule_lines", "md_sub_italic_byline", "ocr_dash_subtitle", "top_block_section", "qa_question_comma", "plain_list_briefs", "line_label_column", "line_label_column_lookalike", "header_bracket_note", "row_table_cells", "narrow_column_wrap", "layout_table_story", "wire_alone_jumps", "wrap_deck_shapes", "top_number_section", "layout_spaced_title", "wechat_post_chrome", "feed_items", "hugo_source", "viewer_font_breaks", "drop_cap_line", "tab_table_speaker", "vertical_title", "mobile_edition", "phone_view", "forum_discuz", "figure_line_signature", "question_title_run", "mail_edition", "mail_edition_lookalike", "epaper_page_view", "blog_post_links", "spaced_label_title", "column_named", "wrap_label_comma_title", "jump_opens_paragraph", "md_bold_briefs", "ocr_rule_line", "mail_forwarded", "caption_credit_glued", "wrap_title_dateline_alone", "title_list_under_chrome", "deck_comma_dash_dateline_cut", "bracket_label_circle_items", "picture_titles_below", "app_menu_button_sections", "spaced_page_name_over_caption", "briefs_last_signed_foot_name", "dateline_bracket_cut_margin", "indented_first_lines_mixed", "bracket_place_news_alone", "wrap_title_over_dash", "dropped_indent_items", "mid_header_paper_name", "app_menu_related_titles", "dateline_alone_over_reporters", "masthead_tail_lines", "weibo_article_stamps", "narrow_wrap_dropped_indent", "wrap_speaker_and_dateline_cut", "briefs_signed_items", "contents_in_cut", "lynx_title_list_marks", "phone_comments_block", "feed_items_han_fields", "wrap_mid_header_number_section", "picture_story_numbered_byline", "picture_mark_fullwidth", "genre_label_question_head", "briefs_last_signed_copyright", "deck_comma_head_over_dash", "wrap_mid_header_number_name", "record_head_title_again", "chat_bold_titles_hk", "epaper_trad_nav_caption", "wrap_hung_marks", "saved_stories_export", "phone_preview_expand", "forum_floor_replies", "opinion_spaced_labels_drop_cap", "phone_card_buttons_obituary", "quote_source_closes", "phone_related_links", "field_rows_bracket_unit", "chat_export_stories", "record_export_fields", "letter_salutation_after_signed", "deck_series_report_kicker", "genre_label_said", "wrap_title_near_wrap_dateline", "deck_series_part_kicker", "notice_box_signed_by_house", "listed_table_title", "digest_label_events", "dated_caption_marked_credit", "deck_speaker_not_broken", "figure_scrap_paragraph_a_line", "digest_label_news_word", "picture_page_scraps", "notice_name_box_after_essay", "next_link_names_title", "indented_clause_first_line", "notice_title_about_broken", "epaper_page_view_lists_meta", "cells_figure_unit_pairs", "phone_counts_share_bar", "forum_title_names_story", "ocr_dash_subject_subtitle", "layout_masthead_publisher_dateline_title", "mail_read_more_after_closed", "deck_head_over_longer_by_one", "wrap_label_items_restated_title", "layout_title_over_byline_band", "wrap_title_over_wider_subtitle", "feed_post_buttons", "bbs_post_header", "deck_broken_over_speaker", "forum_thread_repost", "spaced_slogan_kicker", "lynx_margin_indented_firsts", "short_page_clause_line", "wrap_wide_caption_sentence", "broken_head_lead_names_it", "wrap_slogan_kicker_pair", "raw_foot_section_name", "phone_view_readers_count", "cell_table_word_cell", "site_label_over_marked_items", "spaced_label_over_title", "numbered_bracket_labels", "wrap_figure_scraps_dateline", "forum_breadcrumb_long_title", "site_menu_meta_hot_list", "epaper_author_meta_lines", "picture_titles_captions", "question_over_asker_wrapped", "spaced_title_over_caption", "wrap_company_masthead_briefs", "epaper_page_links_foot", "wrap_wide_title_over_deck", "md_paper_name_over_links", "layout_byline_column_head", "wrap_deck_caption_in_cut", "cut_figure_joined", "layout_front_bands", "mail_mutt_preheader", "contents_line_top", "wrap_title_dateline_cut", "lynx_article_page",
	};
	for (size_t n = 0; n < UTIL_ARRAY_LEN(names); n++) {
		char path[256];
		snprintf(path, sizeof path, "parse/%s.txt", names[n]);
		size_t len;
		char *text = tu_read_file(tu_fixture(path), &len);
		char *copy = util_strndup(text, len);
		doc_issue *issue = parse_text(names[n], text, len);
		util_buf out = { 0 };
		collect_output(issue, &out);
		util_buf_cstr(&out);
		/* every Han character of the input, in order of lines, must occur
		 * in the output at least as often as in the input, duplicates
		 * aside: check each distinct input line's characters exist */
		const char *p = copy, *end = copy + len;
		while (p < end) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if (cp >= 0x4E00 && cp <= 0x9FFF && !memmem(out.data, out.len, p, (size_t)k))
				fail_msg("%s: character %.*s lost", names[n], k, p);
			p += k;
		}
		free(copy);
		util_buf_free(&out);
		doc_issue_free(issue);
	}
}

static void test_empty_and_blank_pages(void **state)
{
	(void)state;
	const char *inputs[] = { "", "\n\n\n", "\xc2\xa0\n\xe3\x80\x80\xe3\x80\x80\n \t \n" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(inputs); i++) {
		char *t = util_strdup(inputs[i]);
		doc_issue *issue = parse_text("blank", t, strlen(t));
		assert_int_equal(doc_npages(issue), 1);
		assert_int_equal(doc_narticles(issue), 0);
		assert_int_equal(doc_page_at(issue, 0)->ncaptions, 0);
		doc_issue_free(issue);
	}
}

/* Parsing in small steps (as the reader does for a big page) gives the
 * same issue as parsing at once, on a page long enough to move every
 * window: the sample issue's pages and the parser fixtures, 40 times. */
static void test_streaming_equals_whole(void **state)
{
	(void)state;
	static const char *const files[] = {
		"../../sample/01.txt", "../../sample/02.txt", "../../sample/03.txt",
		"../../sample/04.txt", "parse/repeats.txt", "parse/headless.txt",
		"parse/captions.txt", "parse/bare_caption.txt", "parse/cut_caption.txt",
	};
	util_buf page = { 0 };
	for (int copy = 0; copy < 40; copy++)
		for (size_t f = 0; f < UTIL_ARRAY_LEN(files); f++) {
			size_t len;
			char *text = tu_read_file(tu_fixture(files[f]), &len);
			util_buf_add(&page, text, len);
			util_buf_adds(&page, "\n\n");
			free(text);
		}
	util_buf whole = { 0 }, stepped = { 0 };
	doc_issue *a = parse_text("big", util_strndup(page.data, page.len), page.len);
	render(a, &whole);
	doc_issue_free(a);

	doc_issue *b = doc_issue_new();
	char *copy = util_strndup(page.data, page.len);
	doc_source src = { copy, page.len, copy, release, NULL };
	parse_stream *st = parse_begin(b, util_strdup("big"), src);
	size_t steps = 0, articles = 0;
	while (!parse_step(st, 997)) {
		steps++;
		assert_true(doc_narticles(b) >= articles);  /* articles arrive, never leave */
		articles = doc_narticles(b);
	}
	parse_end(st);
	render(b, &stepped);
	doc_issue_free(b);
	assert_true(steps > 100);
	assert_true(whole.len > 100000);
	util_buf_cstr(&whole);
	util_buf_cstr(&stepped);
	assert_string_equal(whole.data, stepped.data);
	util_buf_free(&whole);
	util_buf_free(&stepped);
	util_buf_free(&page);
}

/* A step whose budget covers the rest of the page finishes the page, as
 * issue_step(SIZE_MAX) (kanbao --json, --list, --dump) takes it to: the
 * reader reaches the page's end (its last line read ahead) while a full
 * window of units still waits, and a step that stopped there left the
 * page unparsed and its text out of the output. Pages of every length up
 * to a few windows, a blank line after every line. */
static void test_step_all_finishes(void **state)
{
	(void)state;
	util_buf page = { 0 };
	for (int n = 1; n <= 300; n++) {
		util_buf_printf(&page, "市里第%d条消息，今天在会上说明了情况。\n\n", n);
		doc_issue *a = parse_text("whole", util_strndup(page.data, page.len), page.len);
		doc_issue *b = doc_issue_new();
		char *copy = util_strndup(page.data, page.len);
		doc_source src = { copy, page.len, copy, release, NULL };
		parse_stream *st = parse_begin(b, util_strdup("step"), src);
		bool done = parse_step(st, SIZE_MAX);
		if (!done)
			print_error("%d lines: parse_step(SIZE_MAX) left the page unfinished\n", n);
		assert_true(done);
		parse_end(st);
		util_buf want = { 0 }, got = { 0 };
		render(a, &want);
		render(b, &got);
		assert_int_equal(got.len, want.len);
		assert_memory_equal(got.data, want.data, got.len);
		util_buf_free(&want);
		util_buf_free(&got);
		doc_issue_free(a);
		doc_issue_free(b);
	}
	util_buf_free(&page);
}

/* The page's blank-line rhythm is read from the page (profile_blank_rhythm):
 * the same page means the same with a blank after every line (a wrapped
 * one too), and with every gap doubled. The fixtures are a hard-wrapped
 * page with no blank inside a story and a paragraph-a-line page with a
 * subhead one blank apart and a story two apart; each is also read with
 * its lines respaced. */
static char *respace(const char *text, size_t len, bool every_line, size_t *out_len)
{
	util_buf b = { 0 };
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		bool blank = e == p;
		util_buf_add(&b, p, (size_t)(e - p));
		util_buf_adds(&b, "\n");
		if (blank != every_line)
			util_buf_adds(&b, "\n");
		p = nl ? nl + 1 : end;
	}
	*out_len = b.len;
	util_buf_cstr(&b);
	return b.data;
}

static void check_respaced(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "parse/%s.txt", name);
	size_t len;
	char *text = tu_read_file(tu_fixture(path), &len);
	util_buf want = { 0 };
	doc_issue *a = parse_text(name, util_strndup(text, len), len);
	render(a, &want);
	doc_issue_free(a);
	util_buf_cstr(&want);
	for (int every_line = 0; every_line < 2; every_line++) {
		size_t n;
		char *copy = respace(text, len, every_line, &n);
		doc_issue *b = parse_text(name, copy, n);
		util_buf got = { 0 };
		render(b, &got);
		util_buf_cstr(&got);
		if (strcmp(got.data, want.data) != 0)
			print_error("%s, %s: got\n%s\nexpected\n%s\n", name,
				    every_line ? "a blank after every line" : "gaps doubled", got.data, want.data);
		assert_string_equal(got.data, want.data);
		util_buf_free(&got);
		doc_issue_free(b);
	}
	util_buf_free(&want);
	free(text);
}

static void test_blank_rhythm(void **state)
{
	(void)state;
	check_fixture("blank_rhythm");
	check_respaced("blank_rhythm");
	check_fixture("blank_rhythm_paras");
	check_respaced("blank_rhythm_paras");
}

/* A mapped file whose parsed pages are dropped as the parser moves on
 * (madvise) parses exactly as the same text in memory. */
static void test_mapped_release(void **state)
{
	(void)state;
	util_buf page = { 0 };
	while (page.len < (12u << 20))
		for (int f = 1; f <= 4; f++) {
			char name[64];
			snprintf(name, sizeof name, "../../sample/0%d.txt", f);
			size_t len;
			char *text = tu_read_file(tu_fixture(name), &len);
			util_buf_add(&page, text, len);
			util_buf_adds(&page, "\n\n");
			free(text);
		}
	char path[] = "/tmp/kanbao-test-mapped-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, page.data, page.len), (ssize_t)page.len);
	close(fd);

	input_page *pages = NULL;
	size_t npages = 0, cap = 0;
	char err[256];
	assert_true(input_read_path(path, NULL, &pages, &npages, &cap, err, sizeof err));
	unlink(path);
	assert_true(pages[0].mapped);
	doc_issue *a = doc_issue_new();
	parse_stream *st = parse_begin(a, pages[0].name, pages[0].source);
	while (!parse_step(st, 1 << 20))
		;
	parse_end(st);
	free(pages);
	util_buf got = { 0 }, want = { 0 };
	render(a, &got);
	doc_issue_free(a);
	doc_issue *b = parse_text("mapped", util_strndup(page.data, page.len), page.len);
	render(b, &want);
	doc_issue_free(b);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.data, want.data, got.len);
	util_buf_free(&got);
	util_buf_free(&want);
	util_buf_free(&page);
}

/* A headline of 400 characters is a paragraph (too long for a title) and
 * kept whole. */
static void test_long_line(void **state)
{
	(void)state;
	util_buf b = { 0 };
	for (int i = 0; i < 400; i++)
		util_buf_adds(&b, "长");
	size_t len = b.len;
	doc_issue *issue = parse_text("long", b.data, len);
	assert_int_equal(doc_narticles(issue), 1);
	const doc_article *a = doc_article_at(issue, 0);
	assert_int_equal(a->nblocks, 1);
	assert_int_equal(doc_block_at(issue, a->first_block)->text.len, len);
	doc_issue_free(issue);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline_byline),
		cmocka_unit_test(test_whitespace_lines),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_cr),
		cmocka_unit_test(test_kicker_subtitle),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_column_labels),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_trailing_byline),
		cmocka_unit_test(test_subheads),
		cmocka_unit_test(test_cuts),
		cmocka_unit_test(test_captions),
		cmocka_unit_test(test_bare_caption),
		cmocka_unit_test(test_cut_caption),
		cmocka_unit_test(test_jumps),
		cmocka_unit_test(test_repeats),
		cmocka_unit_test(test_headless),
		cmocka_unit_test(test_page_header),
		cmocka_unit_test(test_section_name),
		cmocka_unit_test(test_briefs),
		cmocka_unit_test(test_wrapped),
		cmocka_unit_test(test_orphan_text),
		cmocka_unit_test(test_running_headers),
		cmocka_unit_test(test_story_ends),
		cmocka_unit_test(test_wrapped_stories),
		cmocka_unit_test(test_wire_datelines),
		cmocka_unit_test(test_masthead_block),
		cmocka_unit_test(test_markdown_levels),
		cmocka_unit_test(test_markdown_digest),
		cmocka_unit_test(test_epaper_furniture),
		cmocka_unit_test(test_bracket_sources),
		cmocka_unit_test(test_trad_bylines),
		cmocka_unit_test(test_letter_spaced),
		cmocka_unit_test(test_report_lead),
		cmocka_unit_test(test_run_in_titles),
		cmocka_unit_test(test_run_in_marked),
		cmocka_unit_test(test_run_in_page_mark),
		cmocka_unit_test(test_run_in_mark_space),
		cmocka_unit_test(test_question_over_byline),
		cmocka_unit_test(test_quoted_question),
		cmocka_unit_test(test_dateline_over_head),
		cmocka_unit_test(test_indent_head_top),
		cmocka_unit_test(test_indent_head_top_lookalike),
		cmocka_unit_test(test_md_rank),
		cmocka_unit_test(test_md_rank_lookalike),
		cmocka_unit_test(test_page_label),
		cmocka_unit_test(test_page_label_lookalike),
		cmocka_unit_test(test_indent_margin),
		cmocka_unit_test(test_indent_margin_lookalike),
		cmocka_unit_test(test_md_briefs),
		cmocka_unit_test(test_lead_kicker),
		cmocka_unit_test(test_lead_column),
		cmocka_unit_test(test_qa_items),
		cmocka_unit_test(test_signed_letters),
		cmocka_unit_test(test_tail_repeat),
		cmocka_unit_test(test_page_note),
		cmocka_unit_test(test_wrapped_caption),
		cmocka_unit_test(test_loose_wrap),
		cmocka_unit_test(test_loose_wrap_lines),
		cmocka_unit_test(test_note_over_deck),
		cmocka_unit_test(test_jump_from_title),
		cmocka_unit_test(test_bracket_briefs),
		cmocka_unit_test(test_label_over_head),
		cmocka_unit_test(test_letter_reply),
		cmocka_unit_test(test_form_items),
		cmocka_unit_test(test_marked_items),
		cmocka_unit_test(test_signed_notices),
		cmocka_unit_test(test_indented_briefs),
		cmocka_unit_test(test_dash_comma),
		cmocka_unit_test(test_label_dash_deck),
		cmocka_unit_test(test_deck_kicker_dash),
		cmocka_unit_test(test_label_comma_deck),
		cmocka_unit_test(test_label_question),
		cmocka_unit_test(test_deck_question),
		cmocka_unit_test(test_deck_question_lookalike),
		cmocka_unit_test(test_indented_kicker),
		cmocka_unit_test(test_indented_kicker_lookalike),
		cmocka_unit_test(test_place_kicker),
		cmocka_unit_test(test_place_kicker_lookalike),
		cmocka_unit_test(test_time_predicate),
		cmocka_unit_test(test_time_predicate_lookalike),
		cmocka_unit_test(test_tight_page),
		cmocka_unit_test(test_numbered_items_box),
		cmocka_unit_test(test_foot_note),
		cmocka_unit_test(test_desk_note),
		cmocka_unit_test(test_desk_note_body),
		cmocka_unit_test(test_indent_all),
		cmocka_unit_test(test_indent_items),
		cmocka_unit_test(test_run_label),
		cmocka_unit_test(test_masthead_issuer),
		cmocka_unit_test(test_masthead_yearly),
		cmocka_unit_test(test_masthead_pieces),
		cmocka_unit_test(test_masthead_pieces_lookalike),
		cmocka_unit_test(test_masthead_note),
		cmocka_unit_test(test_masthead_note_lookalike),
		cmocka_unit_test(test_masthead_md),
		cmocka_unit_test(test_masthead_md_lookalike),
		cmocka_unit_test(test_masthead_daily),
		cmocka_unit_test(test_masthead_daily_lookalike),
		cmocka_unit_test(test_header_latin_name),
		cmocka_unit_test(test_header_latin_name_lookalike),
		cmocka_unit_test(test_nav_links),
		cmocka_unit_test(test_nav_links_lookalike),
		cmocka_unit_test(test_title_over_furniture),
		cmocka_unit_test(test_title_over_furniture_lookalike),
		cmocka_unit_test(test_title_list_question),
		cmocka_unit_test(test_title_list_question_lookalike),
		cmocka_unit_test(test_rule_wide),
		cmocka_unit_test(test_rule_wide_lookalike),
		cmocka_unit_test(test_control_bar),
		cmocka_unit_test(test_control_bar_lookalike),
		cmocka_unit_test(test_dotted_date),
		cmocka_unit_test(test_deck_widths),
		cmocka_unit_test(test_kicker_shared_word),
		cmocka_unit_test(test_markdown_marks),
		cmocka_unit_test(test_page_conventions),
		cmocka_unit_test(test_trad_datelines),
		cmocka_unit_test(test_trad_captions),
		cmocka_unit_test(test_trad_jumps),
		cmocka_unit_test(test_deck_roles),
		cmocka_unit_test(test_repeated_subhead),
		cmocka_unit_test(test_byline_after_header),
		cmocka_unit_test(test_numbered_items),
		cmocka_unit_test(test_marked_subhead),
		cmocka_unit_test(test_notice_dates),
		cmocka_unit_test(test_photo_page),
		cmocka_unit_test(test_filing_stamp),
		cmocka_unit_test(test_letters_signed),
		cmocka_unit_test(test_wrapped_decks),
		cmocka_unit_test(test_narrow_wrap),
		cmocka_unit_test(test_narrow_verse),
		cmocka_unit_test(test_narrow_items),
		cmocka_unit_test(test_wrap_dateline_indented),
		cmocka_unit_test(test_byline_shapes),
		cmocka_unit_test(test_byline_shapes_lookalike),
		cmocka_unit_test(test_byline_parts),
		cmocka_unit_test(test_site_deck_labels),
		cmocka_unit_test(test_site_deck_lookalike),
		cmocka_unit_test(test_signed_items),
		cmocka_unit_test(test_site_nav_questions),
		cmocka_unit_test(test_byline_pieces),
		cmocka_unit_test(test_wrap_dateline_bracket),
		cmocka_unit_test(test_dash_signature),
		cmocka_unit_test(test_foot_imprint),
		cmocka_unit_test(test_foot_imprint_lookalike),
		cmocka_unit_test(test_subtitle_under),
		cmocka_unit_test(test_whole_over_longer),
		cmocka_unit_test(test_bracket_filings),
		cmocka_unit_test(test_bracket_filings_lookalike),
		cmocka_unit_test(test_words_bar),
		cmocka_unit_test(test_refrain),
		cmocka_unit_test(test_refrain_scar),
		cmocka_unit_test(test_qa_labels),
		cmocka_unit_test(test_item_rows),
		cmocka_unit_test(test_item_rows_lookalike),
		cmocka_unit_test(test_box_subject),
		cmocka_unit_test(test_box_subject_lookalike),
		cmocka_unit_test(test_tips_box),
		cmocka_unit_test(test_tips_box_lookalike),
		cmocka_unit_test(test_afterword),
		cmocka_unit_test(test_afterword_lookalike),
		cmocka_unit_test(test_notice_signed),
		cmocka_unit_test(test_notice_signed_lookalike),
		cmocka_unit_test(test_md_label_over_head),
		cmocka_unit_test(test_md_label_over_head_lookalike),
		cmocka_unit_test(test_epaper_top_chrome),
		cmocka_unit_test(test_epaper_top_chrome_lookalike),
		cmocka_unit_test(test_notice_bracket_note),
		cmocka_unit_test(test_notice_bracket_note_lookalike),
		cmocka_unit_test(test_editor_afterword),
		cmocka_unit_test(test_editor_afterword_lookalike),
		cmocka_unit_test(test_title_link),
		cmocka_unit_test(test_title_link_lookalike),
		cmocka_unit_test(test_top_text_chrome),
		cmocka_unit_test(test_top_text_chrome_lookalike),
		cmocka_unit_test(test_top_text_chrome_colon),
		cmocka_unit_test(test_title_list),
		cmocka_unit_test(test_title_list_lookalike),
		cmocka_unit_test(test_title_list_tight),
		cmocka_unit_test(test_title_list_numbered),
		cmocka_unit_test(test_title_list_numbered_lookalike),
		cmocka_unit_test(test_comma_label_spaced),
		cmocka_unit_test(test_comma_label_spaced_lookalike),
		cmocka_unit_test(test_web_chrome),
		cmocka_unit_test(test_web_chrome_lookalike),
		cmocka_unit_test(test_other_subject),
		cmocka_unit_test(test_other_subject_lookalike),
		cmocka_unit_test(test_lone_caption),
		cmocka_unit_test(test_lone_caption_lookalike),
		cmocka_unit_test(test_lone_caption_top),
		cmocka_unit_test(test_lone_caption_top_lookalike),
		cmocka_unit_test(test_open_line_byline),
		cmocka_unit_test(test_open_line_byline_lookalike),
		cmocka_unit_test(test_words_bar_lookalike),
		cmocka_unit_test(test_bracket_note),
		cmocka_unit_test(test_time_kicker),
		cmocka_unit_test(test_time_kicker_lookalike),
		cmocka_unit_test(test_deck_emphasis),
		cmocka_unit_test(test_deck_emphasis_lookalike),
		cmocka_unit_test(test_two_phrases_broken),
		cmocka_unit_test(test_two_phrases_broken_lookalike),
		cmocka_unit_test(test_whole_under),
		cmocka_unit_test(test_whole_under_lookalike),
		cmocka_unit_test(test_md_table),
		cmocka_unit_test(test_md_table_lookalike),
		cmocka_unit_test(test_md_list_rows),
		cmocka_unit_test(test_md_list_rows_lookalike),
		cmocka_unit_test(test_marked_briefs),
		cmocka_unit_test(test_marked_briefs_lookalike),
		cmocka_unit_test(test_marked_briefs_marks),
		cmocka_unit_test(test_marked_briefs_marks_lookalike),
		cmocka_unit_test(test_marked_briefs_circle),
		cmocka_unit_test(test_marked_briefs_circle_lookalike),
		cmocka_unit_test(test_number_alone),
		cmocka_unit_test(test_number_alone_lookalike),
		cmocka_unit_test(test_spaced_kicker),
		cmocka_unit_test(test_spaced_kicker_lookalike),
		cmocka_unit_test(test_bulletin_furniture),
		cmocka_unit_test(test_bulletin_furniture_lookalike),
		cmocka_unit_test(test_spaced_bylines),
		cmocka_unit_test(test_spaced_bylines_lookalike),
		cmocka_unit_test(test_header_short_form),
		cmocka_unit_test(test_header_short_form_lookalike),
		cmocka_unit_test(test_header_letter_spaced),
		cmocka_unit_test(test_header_letter_spaced_lookalike),
		cmocka_unit_test(test_page_letter_spaced),
		cmocka_unit_test(test_page_letter_spaced_lookalike),
		cmocka_unit_test(test_rule_marks),
		cmocka_unit_test(test_rule_marks_lookalike),
		cmocka_unit_test(test_qa_wrapped),
		cmocka_unit_test(test_qa_wrapped_lookalike),
		cmocka_unit_test(test_md_digest_number_fullwidth),
		cmocka_unit_test(test_md_digest_number_fullwidth_lookalike),
		cmocka_unit_test(test_md_letter_spaced),
		cmocka_unit_test(test_md_letter_spaced_lookalike),
		cmocka_unit_test(test_masthead_long_name),
		cmocka_unit_test(test_masthead_long_name_lookalike),
		cmocka_unit_test(test_epaper_letter_label),
		cmocka_unit_test(test_epaper_letter_label_lookalike),
		cmocka_unit_test(test_desk_credits),
		cmocka_unit_test(test_desk_credits_lookalike),
		cmocka_unit_test(test_counters_link),
		cmocka_unit_test(test_counters_link_lookalike),
		cmocka_unit_test(test_tail_signature),
		cmocka_unit_test(test_tail_signature_lookalike),
		cmocka_unit_test(test_label_word4),
		cmocka_unit_test(test_verse_then_prose),
		cmocka_unit_test(test_lead_subject),
		cmocka_unit_test(test_lead_subject_unsigned),
		cmocka_unit_test(test_ocr_number_title),
		cmocka_unit_test(test_lead_subject_share),
		cmocka_unit_test(test_marked_item_titles),
		cmocka_unit_test(test_word_over_title),
		cmocka_unit_test(test_label_spaced),
		cmocka_unit_test(test_decked_sections),
		cmocka_unit_test(test_comma_label),
		cmocka_unit_test(test_pronoun_clause),
		cmocka_unit_test(test_deck_detail),
		cmocka_unit_test(test_md_column),
		cmocka_unit_test(test_first_header),
		cmocka_unit_test(test_wrap_bracket),
		cmocka_unit_test(test_stub_byline),
		cmocka_unit_test(test_listings),
		cmocka_unit_test(test_indented_fields),
		cmocka_unit_test(test_indent_signed),
		cmocka_unit_test(test_indent_signed_lookalike),
		cmocka_unit_test(test_unit_name_byline),
		cmocka_unit_test(test_unit_name_byline_lookalike),
		cmocka_unit_test(test_byline_cut_bracket),
		cmocka_unit_test(test_byline_cut_bracket_lookalike),
		cmocka_unit_test(test_signed_label),
		cmocka_unit_test(test_epaper_printed_byline),
		cmocka_unit_test(test_epaper_printed_byline_lookalike),
		cmocka_unit_test(test_page_signed_unit),
		cmocka_unit_test(test_page_signed_unit_lookalike),
		cmocka_unit_test(test_names_label),
		cmocka_unit_test(test_names_label_lookalike),
		cmocka_unit_test(test_indented_signature),
		cmocka_unit_test(test_indented_signature_lookalike),
		cmocka_unit_test(test_photo_role_bracket),
		cmocka_unit_test(test_photo_role_bracket_lookalike),
		cmocka_unit_test(test_page_end_signature),
		cmocka_unit_test(test_page_end_signature_lookalike),
		cmocka_unit_test(test_age_signature),
		cmocka_unit_test(test_age_signature_lookalike),
		cmocka_unit_test(test_supplier_credit),
		cmocka_unit_test(test_supplier_credit_lookalike),
		cmocka_unit_test(test_note_supplier),
		cmocka_unit_test(test_note_supplier_lookalike),
		cmocka_unit_test(test_question_predicate),
		cmocka_unit_test(test_question_predicate_lookalike),
		cmocka_unit_test(test_photo_credit_first),
		cmocka_unit_test(test_photo_credit_first_lookalike),
		cmocka_unit_test(test_dateline_items),
		cmocka_unit_test(test_dateline_items_lookalike),
		cmocka_unit_test(test_asked_long_question),
		cmocka_unit_test(test_asked_long_question_lookalike),
		cmocka_unit_test(test_list_dot_titles),
		cmocka_unit_test(test_list_dot_titles_lookalike),
		cmocka_unit_test(test_signature_dates),
		cmocka_unit_test(test_signature_dates_lookalike),
		cmocka_unit_test(test_long_place_filing),
		cmocka_unit_test(test_long_place_filing_lookalike),
		cmocka_unit_test(test_column_cohost),
		cmocka_unit_test(test_column_cohost_lookalike),
		cmocka_unit_test(test_paper_own_name),
		cmocka_unit_test(test_paper_own_name_lookalike),
		cmocka_unit_test(test_gathered_credit),
		cmocka_unit_test(test_gathered_credit_lookalike),
		cmocka_unit_test(test_marked_label_over_byline),
		cmocka_unit_test(test_marked_label_over_byline_lookalike),
		cmocka_unit_test(test_names_compiled),
		cmocka_unit_test(test_names_compiled_lookalike),
		cmocka_unit_test(test_items_unsigned_tail),
		cmocka_unit_test(test_items_unsigned_tail_lookalike),
		cmocka_unit_test(test_indent_marked_items),
		cmocka_unit_test(test_indent_marked_items_lookalike),
		cmocka_unit_test(test_note_byline),
		cmocka_unit_test(test_note_byline_lookalike),
		cmocka_unit_test(test_char_wrap),
		cmocka_unit_test(test_char_wrap_lookalike),
		cmocka_unit_test(test_wrap_indent_all),
		cmocka_unit_test(test_char_wrap_width),
		cmocka_unit_test(test_header_foot),
		cmocka_unit_test(test_masthead_script_cut),
		cmocka_unit_test(test_masthead_script_cut_lookalike),
		cmocka_unit_test(test_dot_header_wrapped_cut),
		cmocka_unit_test(test_masthead_alone_again),
		cmocka_unit_test(test_over_marked_sections),
		cmocka_unit_test(test_marked_sections_first),
		cmocka_unit_test(test_over_marked_sections_lookalike),
		cmocka_unit_test(test_table_head_row),
		cmocka_unit_test(test_table_head_row_lookalike),
		cmocka_unit_test(test_table_spaced_cells),
		cmocka_unit_test(test_note_calls_column),
		cmocka_unit_test(test_note_calls_column_lookalike),
		cmocka_unit_test(test_note_over_dateline),
		cmocka_unit_test(test_wrap_marked_briefs),
		cmocka_unit_test(test_md_note_clip),
		cmocka_unit_test(test_md_note_clip_lookalike),
		cmocka_unit_test(test_forum_repost),
		cmocka_unit_test(test_forum_repost_lookalike),
		cmocka_unit_test(test_app_feed),
		cmocka_unit_test(test_app_feed_lookalike),
		cmocka_unit_test(test_header_foot_report),
		cmocka_unit_test(test_header_foot_lookalike),
		cmocka_unit_test(test_wrap_figure_word),
		cmocka_unit_test(test_wrap_figure_word_lookalike),
		cmocka_unit_test(test_wrap_indent_spaces),
		cmocka_unit_test(test_wrap_few_lines),
		cmocka_unit_test(test_char_wrap_sharper),
		cmocka_unit_test(test_indent_dropped),
		cmocka_unit_test(test_indent_dropped_lookalike),
		cmocka_unit_test(test_header_foot_named),
		cmocka_unit_test(test_header_foot_poem_lookalike),
		cmocka_unit_test(test_indented_subheads),
		cmocka_unit_test(test_indented_subheads_lookalike),
		cmocka_unit_test(test_pullquote_sections),
		cmocka_unit_test(test_pullquote_sections_lookalike),
		cmocka_unit_test(test_wrap_sections),
		cmocka_unit_test(test_wrap_sections_lookalike),
		cmocka_unit_test(test_comma_subhead_flush),
		cmocka_unit_test(test_comma_subhead_flush_lookalike),
		cmocka_unit_test(test_numbered_comma_heads),
		cmocka_unit_test(test_numbered_comma_heads_lookalike),
		cmocka_unit_test(test_question_piece),
		cmocka_unit_test(test_question_piece_lookalike),
		cmocka_unit_test(test_box_rows_one_figure),
		cmocka_unit_test(test_box_rows_one_figure_lookalike),
		cmocka_unit_test(test_box_note_clauses),
		cmocka_unit_test(test_box_note_clauses_lookalike),
		cmocka_unit_test(test_series_then_digest),
		cmocka_unit_test(test_series_then_digest_lookalike),
		cmocka_unit_test(test_colon_kicker_tight),
		cmocka_unit_test(test_colon_kicker_tight_lookalike),
		cmocka_unit_test(test_deck_pronoun),
		cmocka_unit_test(test_deck_pronoun_lookalike),
		cmocka_unit_test(test_deck_kicker_width),
		cmocka_unit_test(test_deck_kicker_width_lookalike),
		cmocka_unit_test(test_comma_subtitle_tight),
		cmocka_unit_test(test_comma_subtitle_tight_lookalike),
		cmocka_unit_test(test_deck_clauses),
		cmocka_unit_test(test_md_list_briefs),
		cmocka_unit_test(test_mail_newsletter),
		cmocka_unit_test(test_deck_season),
		cmocka_unit_test(test_button_bar_table),
		cmocka_unit_test(test_inner_cry_title),
		cmocka_unit_test(test_table_fullwidth_cells),
		cmocka_unit_test(test_viewer_uneven_wrap),
		cmocka_unit_test(test_source_lead),
		cmocka_unit_test(test_note_alone_top),
		cmocka_unit_test(test_wrap_repeat_inside),
		cmocka_unit_test(test_wrap_cut_short_last),
		cmocka_unit_test(test_toc_page_refs),
		cmocka_unit_test(test_question_over_detail),
		cmocka_unit_test(test_wrap_label_title_lead),
		cmocka_unit_test(test_viewer_line_not_banner),
		cmocka_unit_test(test_epigraph_source),
		cmocka_unit_test(test_wrap_title_dated_lead),
		cmocka_unit_test(test_notice_bracket_issuer),
		cmocka_unit_test(test_layout_header_spaces),
		cmocka_unit_test(test_epaper_chrome_top),
		cmocka_unit_test(test_wrap_rule_lines),
		cmocka_unit_test(test_md_sub_italic_byline),
		cmocka_unit_test(test_ocr_dash_subtitle),
		cmocka_unit_test(test_top_block_section),
		cmocka_unit_test(test_qa_question_comma),
		cmocka_unit_test(test_plain_list_briefs),
		cmocka_unit_test(test_line_label_column),
		cmocka_unit_test(test_line_label_column_lookalike),
		cmocka_unit_test(test_header_bracket_note),
		cmocka_unit_test(test_row_table_cells),
		cmocka_unit_test(test_narrow_column_wrap),
		cmocka_unit_test(test_layout_table_story),
		cmocka_unit_test(test_wire_alone_jumps),
		cmocka_unit_test(test_wrap_deck_shapes),
		cmocka_unit_test(test_top_number_section),
		cmocka_unit_test(test_layout_spaced_title),
		cmocka_unit_test(test_wechat_post_chrome),
		cmocka_unit_test(test_feed_items),
		cmocka_unit_test(test_hugo_source),
		cmocka_unit_test(test_viewer_font_breaks),
		cmocka_unit_test(test_drop_cap_line),
		cmocka_unit_test(test_tab_table_speaker),
		cmocka_unit_test(test_vertical_title),
		cmocka_unit_test(test_mobile_edition),
		cmocka_unit_test(test_phone_view),
		cmocka_unit_test(test_forum_discuz),
		cmocka_unit_test(test_figure_line_signature),
		cmocka_unit_test(test_question_title_run),
		cmocka_unit_test(test_mail_edition),
		cmocka_unit_test(test_mail_edition_lookalike),
		cmocka_unit_test(test_epaper_page_view),
		cmocka_unit_test(test_blog_post_links),
		cmocka_unit_test(test_spaced_label_title),
		cmocka_unit_test(test_column_named),
		cmocka_unit_test(test_wrap_label_comma_title),
		cmocka_unit_test(test_jump_opens_paragraph),
		cmocka_unit_test(test_md_bold_briefs),
		cmocka_unit_test(test_ocr_rule_line),
		cmocka_unit_test(test_mail_forwarded),
		cmocka_unit_test(test_caption_credit_glued),
		cmocka_unit_test(test_wrap_title_dateline_alone),
		cmocka_unit_test(test_title_list_under_chrome),
		cmocka_unit_test(test_deck_comma_dash_dateline_cut),
		cmocka_unit_test(test_bracket_label_circle_items),
		cmocka_unit_test(test_picture_titles_below),
		cmocka_unit_test(test_app_menu_button_sections),
		cmocka_unit_test(test_spaced_page_name_over_caption),
		cmocka_unit_test(test_briefs_last_signed_foot_name),
		cmocka_unit_test(test_dateline_bracket_cut_margin),
		cmocka_unit_test(test_indented_first_lines_mixed),
		cmocka_unit_test(test_bracket_place_news_alone),
		cmocka_unit_test(test_wrap_title_over_dash),
		cmocka_unit_test(test_dropped_indent_items),
		cmocka_unit_test(test_mid_header_paper_name),
		cmocka_unit_test(test_app_menu_related_titles),
		cmocka_unit_test(test_dateline_alone_over_reporters),
		cmocka_unit_test(test_masthead_tail_lines),
		cmocka_unit_test(test_weibo_article_stamps),
		cmocka_unit_test(test_narrow_wrap_dropped_indent),
		cmocka_unit_test(test_wrap_speaker_and_dateline_cut),
		cmocka_unit_test(test_briefs_signed_items),
		cmocka_unit_test(test_contents_in_cut),
		cmocka_unit_test(test_lynx_title_list_marks),
		cmocka_unit_test(test_phone_comments_block),
		cmocka_unit_test(test_feed_items_han_fields),
		cmocka_unit_test(test_wrap_mid_header_number_section),
		cmocka_unit_test(test_picture_story_numbered_byline),
		cmocka_unit_test(test_picture_mark_fullwidth),
		cmocka_unit_test(test_genre_label_question_head),
		cmocka_unit_test(test_briefs_last_signed_copyright),
		cmocka_unit_test(test_deck_comma_head_over_dash),
		cmocka_unit_test(test_wrap_mid_header_number_name),
		cmocka_unit_test(test_record_head_title_again),
		cmocka_unit_test(test_chat_bold_titles_hk),
		cmocka_unit_test(test_epaper_trad_nav_caption),
		cmocka_unit_test(test_wrap_hung_marks),
		cmocka_unit_test(test_saved_stories_export),
		cmocka_unit_test(test_phone_preview_expand),
		cmocka_unit_test(test_forum_floor_replies),
		cmocka_unit_test(test_opinion_spaced_labels_drop_cap),
		cmocka_unit_test(test_phone_card_buttons_obituary),
		cmocka_unit_test(test_quote_source_closes),
		cmocka_unit_test(test_phone_related_links),
		cmocka_unit_test(test_field_rows_bracket_unit),
		cmocka_unit_test(test_chat_export_stories),
		cmocka_unit_test(test_record_export_fields),
		cmocka_unit_test(test_letter_salutation_after_signed),
		cmocka_unit_test(test_deck_series_report_kicker),
		cmocka_unit_test(test_genre_label_said),
		cmocka_unit_test(test_wrap_title_near_wrap_dateline),
		cmocka_unit_test(test_deck_series_part_kicker),
		cmocka_unit_test(test_notice_box_signed_by_house),
		cmocka_unit_test(test_listed_table_title),
		cmocka_unit_test(test_digest_label_events),
		cmocka_unit_test(test_dated_caption_marked_credit),
		cmocka_unit_test(test_deck_speaker_not_broken),
		cmocka_unit_test(test_figure_scrap_paragraph_a_line),
		cmocka_unit_test(test_digest_label_news_word),
		cmocka_unit_test(test_picture_page_scraps),
		cmocka_unit_test(test_notice_name_box_after_essay),
		cmocka_unit_test(test_next_link_names_title),
		cmocka_unit_test(test_indented_clause_first_line),
		cmocka_unit_test(test_notice_title_about_broken),
		cmocka_unit_test(test_epaper_page_view_lists_meta),
		cmocka_unit_test(test_cells_figure_unit_pairs),
		cmocka_unit_test(test_phone_counts_share_bar),
		cmocka_unit_test(test_forum_title_names_story),
		cmocka_unit_test(test_ocr_dash_subject_subtitle),
		cmocka_unit_test(test_layout_masthead_publisher_dateline_title),
		cmocka_unit_test(test_mail_read_more_after_closed),
		cmocka_unit_test(test_deck_head_over_longer_by_one),
		cmocka_unit_test(test_wrap_label_items_restated_title),
		cmocka_unit_test(test_layout_title_over_byline_band),
		cmocka_unit_test(test_wrap_title_over_wider_subtitle),
		cmocka_unit_test(test_feed_post_buttons),
		cmocka_unit_test(test_bbs_post_header),
		cmocka_unit_test(test_deck_broken_over_speaker),
		cmocka_unit_test(test_forum_thread_repost),
		cmocka_unit_test(test_spaced_slogan_kicker),
		cmocka_unit_test(test_lynx_margin_indented_firsts),
		cmocka_unit_test(test_short_page_clause_line),
		cmocka_unit_test(test_wrap_wide_caption_sentence),
		cmocka_unit_test(test_broken_head_lead_names_it),
		cmocka_unit_test(test_wrap_slogan_kicker_pair),
		cmocka_unit_test(test_raw_foot_section_name),
		cmocka_unit_test(test_phone_view_readers_count),
		cmocka_unit_test(test_cell_table_word_cell),
		cmocka_unit_test(test_site_label_over_marked_items),
		cmocka_unit_test(test_spaced_label_over_title),
		cmocka_unit_test(test_numbered_bracket_labels),
		cmocka_unit_test(test_wrap_figure_scraps_dateline),
		cmocka_unit_test(test_forum_breadcrumb_long_title),
		cmocka_unit_test(test_site_menu_meta_hot_list),
		cmocka_unit_test(test_epaper_author_meta_lines),
		cmocka_unit_test(test_picture_titles_captions),
		cmocka_unit_test(test_question_over_asker_wrapped),
		cmocka_unit_test(test_spaced_title_over_caption),
		cmocka_unit_test(test_wrap_company_masthead_briefs),
		cmocka_unit_test(test_epaper_page_links_foot),
		cmocka_unit_test(test_wrap_wide_title_over_deck),
		cmocka_unit_test(test_md_paper_name_over_links),
		cmocka_unit_test(test_layout_byline_column_head),
		cmocka_unit_test(test_wrap_deck_caption_in_cut),
		cmocka_unit_test(test_cut_figure_joined),
		cmocka_unit_test(test_layout_front_bands),
		cmocka_unit_test(test_mail_mutt_preheader),
		cmocka_unit_test(test_contents_line_top),
		cmocka_unit_test(test_wrap_title_dateline_cut),
		cmocka_unit_test(test_lynx_article_page),
		cmocka_unit_test(test_genre_label_five),
		cmocka_unit_test(test_marked_sections_after),
		cmocka_unit_test(test_marked_sections_after_lookalike),
		cmocka_unit_test(test_masthead_spaced),
		cmocka_unit_test(test_masthead_spaced_lookalike),
		cmocka_unit_test(test_ocr_stray),
		cmocka_unit_test(test_ocr_stray_lookalike),
		cmocka_unit_test(test_post_stamp),
		cmocka_unit_test(test_post_stamp_lookalike),
		cmocka_unit_test(test_header_spaced_imprint),
		cmocka_unit_test(test_header_spaced_imprint_lookalike),
		cmocka_unit_test(test_nav_none),
		cmocka_unit_test(test_nav_none_lookalike),
		cmocka_unit_test(test_position_caption),
		cmocka_unit_test(test_position_caption_lookalike),
		cmocka_unit_test(test_medium_place_bracket),
		cmocka_unit_test(test_medium_place_bracket_lookalike),
		cmocka_unit_test(test_md_marked_caption),
		cmocka_unit_test(test_md_marked_caption_lookalike),
		cmocka_unit_test(test_md_bracket_label),
		cmocka_unit_test(test_md_bracket_label_lookalike),
		cmocka_unit_test(test_md_digest_number),
		cmocka_unit_test(test_md_digest_number_lookalike),
		cmocka_unit_test(test_digest_bracket_number),
		cmocka_unit_test(test_digest_bracket_number_lookalike),
		cmocka_unit_test(test_list_dot_title),
		cmocka_unit_test(test_list_dot_title_lookalike),
		cmocka_unit_test(test_wrap_dash_deck),
		cmocka_unit_test(test_wrap_dash_deck_lookalike),
		cmocka_unit_test(test_indent_cut_comma),
		cmocka_unit_test(test_indent_cut_comma_lookalike),
		cmocka_unit_test(test_link_marks_bar),
		cmocka_unit_test(test_link_marks_bar_lookalike),
		cmocka_unit_test(test_month_date_calendar),
		cmocka_unit_test(test_month_date_calendar_lookalike),
		cmocka_unit_test(test_md_top_bare),
		cmocka_unit_test(test_md_top_bare_lookalike),
		cmocka_unit_test(test_masthead_centred),
		cmocka_unit_test(test_masthead_centred_lookalike),
		cmocka_unit_test(test_foot_imprint_fields),
		cmocka_unit_test(test_foot_imprint_fields_lookalike),
		cmocka_unit_test(test_wrap_stray_mark),
		cmocka_unit_test(test_wrap_stray_mark_cut),
		cmocka_unit_test(test_wrap_stray_mark_lookalike),
		cmocka_unit_test(test_epaper_story_stamps),
		cmocka_unit_test(test_epaper_story_stamps_lookalike),
		cmocka_unit_test(test_verse),
		cmocka_unit_test(test_fullwidth_running_headers),
		cmocka_unit_test(test_fullwidth_numbered_items),
		cmocka_unit_test(test_fullwidth_byline_shapes),
		cmocka_unit_test(test_fullwidth_masthead_yearly),
		cmocka_unit_test(test_fullwidth_byline_after_header),
		cmocka_unit_test(test_fullwidth_run_in_titles),
		cmocka_unit_test(test_fullwidth_letter_reply),
		cmocka_unit_test(test_fullwidth_title_list),
		cmocka_unit_test(test_fullwidth_wrapped_decks),
		cmocka_unit_test(test_fullwidth_site_deck_labels),
		cmocka_unit_test(test_header_mid_cut),
		cmocka_unit_test(test_header_mid_cut_lookalike),
		cmocka_unit_test(test_trad_bracket_sources),
		cmocka_unit_test(test_trad_gathered_credit),
		cmocka_unit_test(test_trad_site_deck_labels),
		cmocka_unit_test(test_trad_run_in_quotes),
		cmocka_unit_test(test_ascii_quotes_run_in),
		cmocka_unit_test(test_halfwidth_masthead_note),
		cmocka_unit_test(test_halfwidth_epaper),
		cmocka_unit_test(test_halfwidth_run_in),
		cmocka_unit_test(test_halfwidth_narrow_wrap),
		cmocka_unit_test(test_blank_rhythm),
		cmocka_unit_test(test_wrap_paragraph_ends),
		cmocka_unit_test(test_title_list_spaced),
		cmocka_unit_test(test_sample_issue),
		cmocka_unit_test(test_nothing_lost),
		cmocka_unit_test(test_empty_and_blank_pages),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_streaming_equals_whole),
		cmocka_unit_test(test_step_all_finishes),
		cmocka_unit_test(test_mapped_release),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
