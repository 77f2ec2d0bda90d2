/* parse.c — a newspaper page's plain text becomes articles.
 *
 * The text comes from PDF or e-paper extraction: one paragraph per line
 * (or hard-wrapped lines), blank lines between blocks, bigger gaps around
 * photos, and scars: paragraphs cut by column breaks, banners dropped into
 * the cut, paragraphs extracted several times, stories whose body comes
 * before their headline. The parser works in four passes:
 *
 * 1. lines: split, trim, count the blank lines before each (the "gap");
 *    hard-wrapped lines are joined into units (wrap width = the mode of
 *    line widths, when one dominates).
 * 2. classify: each unit is a jump line, a page header, a byline, a
 *    dateline paragraph, a photo credit or caption, a title-like line
 *    (short, no sentence-final punctuation), or a paragraph.
 * 3. segment: walk the units; a run of title-like lines starts an article
 *    when something says so (a byline or dateline follows, a markdown
 *    "#", a "——" subtitle, a jump line follows, or the previous article
 *    ended with a jump line or a trailing "(author)"); otherwise it is a
 *    subhead. A paragraph that does not end a sentence is joined with the
 *    next one (a column break cut it), skipping a banner or a caption
 *    dropped into the cut. Captions between articles go to the article
 *    they share the most words with, or to the page when none does.
 * 4. repair: within an article, a paragraph seen before is dropped; a
 *    headless story followed later by a headline whose body repeats it is
 *    merged with it; the dateline and byline are lifted out of the text.
 *
 * Signals, not strings: nothing here knows any particular page.
 */
#include "parse.h"
#include "furniture.h"
#include "pattern.h"
#include "script.h"
#include "text.h"
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A title-like line is at most this many characters. */
enum { TITLE_MAX_CHARS = 48 };
/* A title-like line with a comma is at most this long. */
enum { COMMA_TITLE_MAX_CHARS = 24 };
/* A caption without credit is a single short sentence. */
enum { CAPTION_MAX_CHARS = 60 };
/* A header run (column, kicker, headline, subtitle) has at most this many lines. */
enum { HEADER_MAX_LINES = 5 };
/* A line of a phone view's counts (阅读 1.8万) or a post's counters: at most this long. */
enum { READS_LINE_MAX = 12, COUNTERS_LINE_MAX = 30 };

/* A paragraph's indent is at most this many columns (more centres a title). */
enum { PARA_INDENT_MAX = 8 };
/* Blank lines that make a "big gap" (photo, column or article boundary). */
enum { BIG_GAP = 2 };

/* ------------------------------------------------------------------ */
/* Evidence: the signals of the parser's decisions and their weights.
 * A decision adds the weights of the signals it sees and compares the
 * sum with its threshold; --explain prints the strongest of them. All
 * weights are in this one table. */
typedef enum signal {
	/* does a run of title-like lines start a new story? (threshold STORY_MIN) */
	S_NEXT_BYLINE,          /* a byline, author name or dateline right under the run */
	S_NEXT_JUMP,            /* a jump line right under it (上接第1版, 详见第2版) */
	S_NEXT_NOTE,            /* an editor's note right under it (编者按：…) */
	S_NEXT_PHOTO,           /* a photo's caption right under it, and no text of a story after it: a picture's title */
	S_MARKDOWN,             /* a markdown "# " title */
	S_ASKED_UNDER,          /* a question over its asker's paragraph ("读者X问：…"): a Q&A item of its own */
	S_DASH_SUBTITLE,        /* a "——" subtitle in the deck */
	S_NO_STORY,             /* no story open yet (page start, after headless text) */
	S_PREV_CLOSED,          /* the story before closed: jump line, (author), （完）, 供稿 */
	S_BIG_GAP,              /* a gap bigger than the page's paragraph gap before it */
	S_AFTER_BRIEF,          /* the story before is a dateline brief without subheads */
	S_BODY_AUTHOR,          /* its own body closes with "(author)": a brief of its own */
	S_LIKE_PREV_HEAD,       /* the open story was headed the same way: a lone title, no byline (a deck only with a dateline, or the same item mark) */
	S_SECOND_AUTHOR,        /* its body closes with a reporter of its own, the open story is signed */
	S_DECK,                 /* two or more title lines in one block: a deck, not a subhead */
	S_LABEL_SPACED,         /* a label one paragraph gap over a wider title (pages with blank lines between paragraphs), or tight over a title with a comma */
	S_NUMBERED,             /* "一、", "（二）", "3." opening it: a numbered section of the story */
	S_NEXT_ITEM,            /* ... but the open story's headline is numbered too: the list's next item */
	S_LISTED_RUN,           /* a lone title the page lists among its stories' titles */
	S_NOTICE_SIGNER,        /* a house's name alone under a notice's text: its signer */
	S_ITEM_SHAPE,           /* a marked title over fields, and another like it below: items of a listing */
	S_LABEL_OVER,           /* a column label of a word or two over the run's title (简讯 / …) */
	S_PAGE_LABEL,           /* a label in brackets or after a mark over the run's title, as the page set a column over a story before */
	S_HEADLESS_OPEN,        /* the open text has no headline of its own (and no jump line) */
	S_OTHER_SUBJECT,        /* a lone last title whose text shares next to no word with the open story */
	S_SOURCE_LEAD,          /* the paragraph under it opens citing its source (据《X》报道，…): a story's lead */
	S_BRIEFS_UNDER,         /* marked briefs (▲, ◆, ● …) set tight under a short title: it heads them, a box of briefs */
	S_BOX_SUBJECT,          /* rows to the story's end under a title whose words the story never used: a box of its own */
	S_ROWS_IN_STORY,        /* rows under a title, the story's prose after them: the story's own table */
	S_CUT,                  /* the paragraph before is unfinished: a column cut runs on */
	S_REPEAT_UNDER,         /* the paragraph under it repeats one of the open story */
	S_SUBHEADS_BEFORE,      /* the open story already has subheads like it, no byline under it */
	S_AFTER_SERIES,         /* a title with no number after the open story's sections numbered 1, 2, … */
	S_AFTER_MARKED,         /* a lone title with no mark after the open story's sections each opening with one mark (■ …) */
	S_OVER_MARKED,          /* a lone title with no mark over text whose sections each open with one mark, the open story without sections */
	S_TABLE_UNDER,          /* rows of figures under it: a box of data in the story */
	S_TABLE_TITLE,          /* a title in 【】 over rows: the open story's table */
	S_VERSE_CYCLE,          /* a poem's title between stanzas: a poem of the cycle */
	S_AFTER_VERSE,          /* a lone title after a poem's last stanza, prose under it: the next piece */
	S_SIDEBAR,              /* a sidebar label (相关链接, 相关新闻, 延伸阅读): part of the story */
	S_TIPS_BOX,             /* a box of tips or terms on a subject (芋頭小常識, 国标舞小词典): a piece of its own */
	S_AFTERWORD,            /* a comment on the story above (编后, 专家点评) after its open body: the story's */
	S_NOTICE_SIGNED,        /* its text closes with an issuer over a date alone: a notice of its own */
	S_NOTICE_KIND,          /* ... under a title naming a notice (讣告, 启事, 公告) */
	S_NOTICE_NAME,          /* a lone title naming a notice (本版征稿, 停水通知) over text, signed or not */
	S_FURNITURE,            /* the page's furniture before it, after a story's body (e-paper scrapes) */
	S_OVER_FURNITURE,       /* the page's furniture right under it, as under every story's title */
	S_REPEATED_BELOW,       /* its line is printed again as a title just below: a subhead extracted twice */
	S_SIGNED_BELOW,         /* ... but as the signature over a date: the issuer heading its notice */
	S_NOTHING_UNDER,        /* the page ends under it (or under the byline under it): no text to head */
	/* which line of a deck is the headline (the best sum wins) */
	S_D_WIDEST,             /* the widest line: set in the biggest type */
	S_D_LAST,               /* the last plain line: the news under its context */
	S_D_CONTEXT,            /* opens with a word of circumstance (庆祝, 沿着, 以…): a kicker */
	S_D_TWO_PHRASES,        /* two phrases side by side: a kicker or a subtitle */
	S_D_LABEL,              /* a word or two set apart over the deck: its column label */
	S_D_BROKEN,             /* the line continues the headline above it (see broken_headline) */
	S_D_ISSUER,             /* the line names a notice under the name of its issuer, or ends a document's title opened by 关于 above (see issuer_over_notice, about_then_kind) */
	S_D_SHARED,             /* ... but shares a pair of characters with it: a kicker over its headline */
	S_D_SIGNED,             /* ... over a contribution signed without a reporter: a column's label over its title */
	S_D_GENRE_OVER,         /* ... but the line above is a short word naming a kind of piece, or no place, over a much wider line: a column's label */
	S_D_DASH,               /* a "——" line under the headline: its subtitle */
	S_D_MARKED,             /* opens with an item's mark (■◆●) under a plain line: the item's title */
	S_D_NAMED,              /* labelled with its part by the site that printed it (引题：, 副题：) */
	S_D_WHOLE_OVER,         /* a whole headline's length over a longer line: that line is its detail */
	S_D_WHOLE_UNDER,        /* ... "second half" as long as a whole headline under a shorter line its lead does not name: the news under its kicker */
	S_D_LISTED,             /* the line prints a title of the page's own list at its top: the headline */
	S_D_QUESTION,           /* a question over another line of the deck: it asks the news, no kicker */
	S_D_OVER_CLAUSES,       /* two clauses parted by a comma over another line: the news, no kicker */
	S_D_PRONOUN,            /* under another line, opens with a pronoun (他…, 我市…): the news under its kicker */
	/* transitions between the roles of two lines of a deck (see deck_roles) */
	S_T_SUB_SUB,            /* a "——" subtitle under a plain line taken for a subtitle */
	S_T_CONT_SUB,           /* a plain subtitle under a headline broken in two */
	S_T_LABEL_DASH,         /* a "——" subtitle under a "broken headline" whose first half is a word or two, much shorter */
	S_T_CONT_DASH,          /* a "——" subtitle under any other "broken headline": a whole deck, kicker over headline */
	S_T_SUB_ASIDE,          /* an aside in brackets under a plain line taken for a subtitle */
	S_T_WORD_OVER,          /* a plain line no longer than a word of a label over it, taken for its subtitle */
	/* facts about single lines, shown by --explain (weight 0: not summed) */
	S_F_SHORT,              /* short, no sentence end */
	S_F_SENTENCE,           /* ends a sentence */
	S_F_UNFINISHED,         /* does not end a sentence: continued */
	S_F_BYLINE,             /* role word and names (本报记者 X, □X) */
	S_F_NAMES,              /* names alone */
	S_F_DATELINE,           /* 本报讯 / 新华社…电 opening */
	S_F_CREDIT,             /* photo credit (X 摄, 供图) */
	S_F_JUMP,               /* jump line (下转第4版) */
	S_F_HEADER,             /* running header fields (date, 星期, 版, 责编, paper) */
	S_F_WIDEST,             /* the widest line of its deck */
	S_F_DASH,               /* starts with —— */
	S_F_COLUMN,             /* label-like: middle dot, gap after, short plain */
	S_F_TIME_CLOSING,       /* closed by a word of time (…之际, …中): the kicker of the news line */
	S_F_LEAD_KICKER,        /* a short plain line set tight over the page's first story, a reporter's: its kicker */
	S_F_CUT_BANNER,         /* a line dropped inside a cut paragraph */
	S_F_DESK_CREDITS,       /* the desk's credits in brackets after a story ((本期编辑：X　校对：Y)) */
	S_F_REPEAT,             /* repeats text the story already has */
	S_F_QUOTE_BEFORE,       /* follows a quotation or a finished paragraph */
	S_F_END_MARK,           /* ends a story: （完）, (供稿), author after the body */
	S_F_PAGE_SIGNED,        /* a unit alone in brackets closing a story, on a page whose stories sign so */
	S_F_CAPTION,            /* short sentence by a credit or isolated by gaps */
	S_F_COMMA_START,        /* a comma line that the next paragraph continues */
	S_F_RUN_ON,             /* on a hard-wrapped page, as wide as the unfinished line above it: that paragraph's rest */
	S_F_BROKEN,             /* the second half of a headline broken in two lines */
	S_F_HEADER_BLOCK,       /* in the block of lines around a running header at the top */
	S_F_FOOT_BLOCK,         /* the same block at the foot (in_foot_block) */
	S_F_AFTER_BODY,         /* under a story that opened with its dateline and has no headline */
	S_F_NOTE,               /* the label of an editor's note (编者按) */
	S_F_RECURS,             /* printed again apart on the page, with figures */
	S_F_MARKED_SUBHEAD,     /* a mark and a word or two inside a signed story */
	S_F_PAGE_NOTE,          /* the page's own note at its foot (本版…, 投稿邮箱：x@y) */
	S_F_CONTENTS,           /* an item of the page's contents: a title over its page's number */
	S_F_ITEM_SIGNED,        /* a signature between a box's marked items: the item's */
	S_F_SPEAKER_ABOVE,      /* the subject of a verb of speech opening the next line */
	S_F_TITLED_BELOW,       /* a picture's story whose title is printed under its credit */
	S_F_OVER_DASH,          /* over a "——" subtitle and a byline: their headline */
	S_F_BRACKET_NOTE,       /* a note wholly in round brackets under the text, set apart: the text's */
	S_F_RUN_LABEL,          /* the kicker over the first of a run of items set alike: their column */
	S_F_LINE_LABEL,         /* the column's name in brackets opening the headline's line */
	S_F_ITEM_ROW,           /* a row of a list: set in one shape with the line beside it (or the list's note in brackets) */
	S_F_MARKED_ITEM,        /* one of two or more marked sentences set tight under a short title: a brief, not a picture's caption */
	S_F_TOP_CHROME,         /* above the first signed story: the page's chrome */
	S_F_TITLE_LINK,         /* a label and the title printed under it: a link to that story */
	S_F_NAV_LINK,           /* labels and the titles of the stories around it: the site's links to them */
	S_F_LINK_BAR,           /* every word of it a console browser's link: the site's navigation */
	S_F_PREHEADER,          /* text over the page's first story printed again in it: a mail's preheader */
	S_F_AFTERWORD,          /* an editor's note after a story (编者附言：…, 编后：…): the story's */
	S_F_TITLE_LIST,         /* in the page's list of its own titles, printed again below it */
	S_F_PRINTED_BYLINE,     /* the story's own byline, naming the author of the page's 作者： field */
	S_F_OPEN_LINE_BYLINE,   /* a byline under a headline and one line with no sentence end: it signs that story */
	S_F_MARKED_LABEL,       /* a mark and a word that is no name over a headline with its own byline (□ 读书角): the column's label */
	S_F_LONE_CAPTION,       /* one short sentence alone over a story's head or dateline (after a closed story, or at the page's top): a photo's caption */
	S_F_STRAY,              /* a scanner's stray marks alone on a line (|, l, 丨, ・ ' ・): no text, the page's furniture */
	S_F_POST_STAMP,         /* a post's 原创 line: its account, the date and the clock time it went out */
	S_F_FEED_DECK,          /* over the first paragraph of a feed item headed by its Title: field: the rest of its deck */
	NSIGNALS
} signal;

#ifdef PARSE_TUNABLE
/* The test-only build of tools/fit-weights (build/tune/, never shipped):
 * the weights of this table and the thresholds STORY_MIN and PLAN_MARGIN
 * are read from KANBAO_WEIGHTS (see tune_load), so that a search over them
 * needs no rebuild. The shipped parser keeps them constants: its decisions
 * cost what they did. signal_names.h (made by the Makefile from the enum
 * above) names the rows. */
#include "signal_names.h"
_Static_assert(sizeof signal_names / sizeof *signal_names == NSIGNALS, "signal_names.h is not the enum's");
#define SIGNAL_TABLE_CONST
#else
#define SIGNAL_TABLE_CONST const
#endif

static SIGNAL_TABLE_CONST struct signal_def {
	int weight;
	const char *what;
} signals[NSIGNALS] = {
	/* The integers of this table and STORY_MIN are set by tools/fit-weights
	 * on all sets of pages at once (tests/papers, tests/holdout*), and a
	 * change is kept only when the sets left out one at a time gain by it
	 * (see tests/papers/README.md); the rows it never moves (--matters)
	 * keep the values their authors gave them.
	 * strong: each alone starts a story, even over a cut (20 - 12 >= STORY_MIN) */
	[S_NEXT_BYLINE]     = { 20, "byline/dateline under it" },
	[S_NEXT_JUMP]       = { 20, "jump line under it" },
	[S_NEXT_NOTE]       = { 20, "editor's note under it" },   /* a note opens a story, never a section */
	[S_NEXT_PHOTO]      = { 20, "a picture's caption under it" },
	[S_MARKDOWN]        = { 20, "markdown title" },
	[S_ASKED_UNDER]     = { 6, "a question over its asker's words" },
	[S_DASH_SUBTITLE]   = { 20, "—— subtitle in deck" },
	/* boundaries: each alone starts a story, not over a cut */
	[S_NO_STORY]        = { 6, "no story open" },
	[S_PREV_CLOSED]     = { 6, "story before closed" },
	[S_BIG_GAP]         = { 8, "big gap before" },   /* fitted: 6 -> 8 */
	[S_AFTER_BRIEF]     = { 5, "after a dateline brief" },   /* fitted: 6 -> 5, alone still enough */
	[S_BODY_AUTHOR]     = { 6, "its body ends with (author)" },
	[S_LIKE_PREV_HEAD]  = { 6, "headed like the story before" },
	[S_SECOND_AUTHOR]   = { 6, "a second reporter" },  /* a story has one byline */
	[S_DECK]            = { 8, "a deck of lines" },   /* fitted: 6 -> 8; with a big gap over a cut still short (8 + 8 - 12) */
	[S_LABEL_SPACED]    = { 8, "a label over it, a paragraph gap apart or tight" },   /* as close as the page sets two lines: a deck */
	[S_NUMBERED]        = { -10, "numbered section head" },   /* against: sections are numbered, stories are not */
	[S_NEXT_ITEM]       = { 12, "numbered as the story's headline" },
	[S_LISTED_RUN]      = { 8, "a title the page lists" },   /* its list names stories; a section's head it lists not */
	[S_NOTICE_SIGNER]   = { -10, "a house signing the notice above" },  /* items of one list take one role */
	[S_ITEM_SHAPE]      = { 12, "a marked title over fields, again below" },  /* a listing's items: each its own piece */
	[S_LABEL_OVER]      = { 8, "a column label over it" },   /* columns head stories, not subheads */
	/* the page's own convention: it set a column label in 【】 over a
	 * story's headline, so a label so set over a title labels a story
	 * too, not a section (【安全检查】 / 基层作业点安全检查发现问题…); as a
	 * label over it, and it outweighs the open story's subheads */
	[S_PAGE_LABEL]      = { 8, "a label as the page set its columns" },
	[S_HEADLESS_OPEN]   = { 4, "text before has no headline" },
	/* a section carries on its story's subject: a lone title after a
	 * story with no sections, last before the next story, whose text
	 * shares next to none of that story's word pairs is a piece of its
	 * own (a box of briefs, a listing, a Q&A under their label); alone
	 * it outweighs figures under it, not a cut */
	[S_OTHER_SUBJECT]   = { 6, "another subject under it" },
	/* "據《新西蘭先驅報》報道，懷卡托…": a lead that names the paper it
	 * was taken from opens a story, as a dateline does; a section goes
	 * on from its story's text */
	[S_SOURCE_LEAD]     = { 8, "a lead citing its source under it" },
	/* "藝文短波" over "▲…。" / "▲…。", "產業短波" over "◆…。": a title
	 * over briefs heads its own box, not a section of the story before
	 * (as another subject under it, alone it starts a story, not over a
	 * cut nor after the story's own subheads) */
	[S_BRIEFS_UNDER]    = { 6, "marked briefs under it" },
	/* rows alone under a lone title down to the next story or the
	 * page's end share the story's places and names, so the test above
	 * fails on them; the title says what they are: a table of the story
	 * names the story's subject (部分储能企业上半年业绩 under a story on
	 * them), a box of its own does not (奖牌榜 after a curling match,
	 * 欧锦赛小组赛赛程 after a youth team's story). It outweighs figures
	 * under it and the story's subheads, not a cut (6 -> 9: two data
	 * boxes of holdout38, 10月份全国铁路货物发送情况 and 11月主要股指表现,
	 * after stories with subheads; no set fell) */
	[S_BOX_SUBJECT]     = { 9, "rows under a title the story never names" },
	[S_ROWS_IN_STORY]   = { -10, "rows under it, the story's text after them" },  /* a table's title inside the story it shows figures of (as S_TABLE_TITLE) */
	/* against a new story */
	[S_CUT]             = { -12, "paragraph before unfinished" },   /* fitted: -15 -> -12; one boundary never outweighs it, three do */
	[S_REPEAT_UNDER]    = { -12, "text under it repeats the story" },
	[S_SUBHEADS_BEFORE] = { -3, "story has subheads" },
	[S_AFTER_SERIES]    = { 6, "no number after the story's numbered sections" },   /* their list is over: as strong as a closing */
	/* a story's section heads repeat one shape: after sections that each
	 * open with the same mark (■ 內房股走勢分化), a lone title without it
	 * over text is no section of theirs; as strong as a closing, as the
	 * number series above (read on the story as parsed, not on a plan's
	 * try: a try that made marked items sections would prove itself) */
	[S_AFTER_MARKED]    = { 6, "no mark after the story's marked sections" },
	/* the same seen from above: a plain title over a paragraph and then
	 * sections that each open with one mark (■早识别 / ■早就诊) ranks
	 * above them, the head of a story of its own, not a section of a
	 * story before that had none; as strong */
	[S_OVER_MARKED]     = { 6, "marked sections of its own under it" },
	[S_TABLE_UNDER]     = { -1, "figures under it" },    /* a data box: its own story about as often as not (fitted: 0 -> -1) */
	[S_TABLE_TITLE]     = { -10, "a table's title in brackets" },   /* 【10月各区成交】 over rows: the story's own table */
	[S_VERSE_CYCLE]     = { -8, "between stanzas" },   /* 组诗, 外一首: the next poem of the same piece */
	[S_AFTER_VERSE]     = { 8, "prose after a poem" },   /* a poem has no end mark: the change to prose under a title is one */
	[S_SIDEBAR]         = { -20, "sidebar label" },
	/* a subject named over the kind of box that explains it (X小知识,
	 * X小常识, X小贴士, X小词典, X小窍门, X有诀窍, X小课堂): on the
	 * development sets such titles head a piece of their own 27 times in
	 * 27 (14 headlines, 13 column labels over one), in 11 sets by as many
	 * authors, never a section; 4 of the headlines were read as the story
	 * before's subheads. As strong as a label over it */
	[S_TIPS_BOX]        = { 8, "a box of tips on a subject" },
	/* 编后, 专家点评 after a story's last paragraph comment on that
	 * story: on the development sets the story's 4 times in 5, in 2 sets
	 * (the fifth after a story closed, where this is not read); as
	 * strong as a closing */
	[S_AFTERWORD]       = { -6, "a comment on the story above" },
	/* its paragraphs close with a short line of no sentence (the
	 * issuer) right over a date alone: a notice. On the development
	 * sets 9 such titles in 8 sets, a piece of its own 8 times (the
	 * ninth a letter's date read as a deck); as strong as a closing,
	 * it does not outweigh the open story's subheads: at 12 a check
	 * set fell (a story printing a signed proposal as its section) */
	[S_NOTICE_SIGNED]   = { 6, "its text closes with an issuer over a date" },
	/* ... and the title names a notice (讣告, 启事, 声明, 公告, 通知):
	 * a piece of its own even after a story's sections (讣　告 after a
	 * feature, holdout7), where a proposal (倡议) may be a section */
	[S_NOTICE_KIND]     = { 2, "a notice's name over it" },
	[S_NOTICE_NAME]     = { 5, "names a notice over its text" },   /* a piece of its own: a story's section is no notice */
	/* printed around every story: where one ends and the next begins */
	[S_FURNITURE]       = { 0, "page furniture before it" },   /* fitted: 20 -> 0: the big gap the furniture leaves already says it, and 20 overturned cuts */
	/* the site prints its furniture (作者：…　来源：…　发布时间：…)
	 * under every story's title: a title set right over it heads a
	 * story as a byline under it says (its author's field may be empty) */
	[S_OVER_FURNITURE]  = { 20, "page furniture under it" },
	[S_REPEATED_BELOW]  = { -1, "printed again just below" },   /* a headline is printed once; fitted: -12 -> -1, a tie-breaker */
	[S_SIGNED_BELOW]    = { 12, "signs the text below over a date" },   /* a notice names its issuer at its head and its foot */
	/* a story has text: a line with nothing under it but the page's end
	 * (or names, then the end: "第十一中学初二甲班" / "王建国　李淑珍"
	 * under a letter) closes the text above, as its signature or its
	 * note; it outweighs a byline under it */
	[S_NOTHING_UNDER]   = { -20, "the page ends under it" },
	/* deck: which line is the headline */
	[S_D_WIDEST]        = { 2, "widest line of the deck" },
	[S_D_LAST]          = { 1, "last plain line of the deck" },   /* breaks a tie of widths */
	[S_D_CONTEXT]       = { -3, "opens with a word of circumstance" },
	[S_D_TWO_PHRASES]   = { -2, "two phrases side by side" },
	[S_D_LABEL]         = { -4, "a label set apart over the deck" },
	[S_D_BROKEN]        = { 4, "second half of a broken headline" },  /* beats the sum of one line's deck rows */
	[S_D_ISSUER]        = { 4, "a notice's name under its issuer or its 关于…" },   /* "X股份有限公司" / "关于…的公告": one title */
	[S_D_SHARED]        = { -5, "shares a word with the line above" },  /* kicker and headline each name the subject */
	[S_D_SIGNED]        = { -5, "a short label over a signed contribution" },  /* columns hold signed pieces, news a reporter's */
	[S_D_GENRE_OVER]    = { -3, "a kind of piece over it: a label" },  /* "消费提示" / "年货采购要注意这几点": a label, not a subject; with the line's own deck rows it outweighs a broken headline */
	[S_D_DASH]          = { 1, "starts with ——: a subtitle" },
	[S_D_MARKED]        = { 3, "an item's mark under a plain line" },   /* the mark heads an item's title; outweighs the line above being widest */
	[S_D_NAMED]         = { 20, "its part named by its label" },
	[S_D_WHOLE_OVER]    = { 4, "a whole headline's length over a longer line" },  /* a kicker is shorter than its headline; outweighs the line under it being widest and last */   /* 引题：X, 副题：X: the page says which line is which (any other role is never) */
	[S_D_LISTED]        = { 4, "a title the page lists at its top" },   /* the page names its headlines; outweighs another line being widest and last */
	/* a question asks what the story answers: of the decks of the
	 * sixteen development sets no kicker, column label or subtitle
	 * ends in a question mark, and 4 questions over a line are
	 * headlines over their subtitles ("年底醋价涨了吗？" / "记者走访…");
	 * outweighs the line under it being widest and last */
	[S_D_QUESTION]      = { -4, "a question: it asks the news, no kicker" },
	/* "清明祭扫实行预约，13处公墓开放" / "现场祭扫每日限流，…": a kicker is
	 * one phrase; of the kickers of the development sets one holds a
	 * comma, and it cries out ("…，3比1！"); outweighs the line under
	 * it being widest and last */
	[S_D_OVER_CLAUSES]  = { -4, "two clauses: the news, no kicker" },
	/* "追记著名土壤学家郑怀远" / "他把一生献给了盐碱地", "抓住冬春水利
	 * 建设黄金期" / "我县启动汛后堤防除险加固工程": a line opening with a
	 * pronoun (the person the line above names, or the paper's own town,
	 * school, county) tells the news under its kicker; of the decks of
	 * the development sets, 7 lines under another open so, all headlines
	 * (2 were read as subtitles under a wider line), no subtitle;
	 * outweighs the line above being widest. Only over a byline or
	 * dateline: a letter's first line wrapped tight under its title
	 * ("我家小区门口原来有一处临时垃圾") is no line of the deck */
	[S_D_PRONOUN]       = { 3, "opens with a pronoun under another line: the news" },
	[S_D_WHOLE_UNDER]   = { -2, "a whole headline under a line its lead does not name" },  /* kicker "暴雨突袭山村" over "132名群众连夜转移"; outweighs a broken headline over its last and widest line */
	/* deck: transitions between the roles of neighbour lines */
	[S_T_SUB_SUB]       = { -3, "a —— subtitle under a plain subtitle" },  /* the plain line is the headline */
	[S_T_CONT_SUB]      = { -3, "a plain line under a broken headline" },  /* two lines over it: its kicker */
	[S_T_LABEL_DASH]    = { -3, "a —— subtitle under a short first half" },  /* the word over a headline and its subtitle is its label */
	[S_T_CONT_DASH]     = { -2, "a —— subtitle under a broken headline" },  /* kicker, headline, subtitle: a deck whole (fitted: 0 -> -2) */
	[S_T_SUB_ASIDE]     = { -3, "an aside in brackets under a plain subtitle" },  /* it qualifies the headline */
	[S_T_WORD_OVER]     = { -3, "a short plain line under a word: its title" },  /* a subtitle tells more than its headline, never less */
	[S_F_SHORT]         = { 0, "short, no sentence end" },
	[S_F_SENTENCE]      = { 0, "ends a sentence" },
	[S_F_UNFINISHED]    = { 0, "unfinished sentence" },
	[S_F_BYLINE]        = { 0, "who-word + names" },
	[S_F_NAMES]         = { 0, "names alone" },
	[S_F_DATELINE]      = { 0, "dateline opening" },
	[S_F_CREDIT]        = { 0, "photo credit" },
	[S_F_JUMP]          = { 0, "jump line" },
	[S_F_HEADER]        = { 0, "running header fields" },
	[S_F_WIDEST]        = { 0, "widest line of the deck" },
	[S_F_DASH]          = { 0, "starts with ——" },
	[S_F_COLUMN]        = { 0, "label-like" },
	[S_F_TIME_CLOSING]  = { 0, "closed by a word of time: a kicker" },
	[S_F_LEAD_KICKER]   = { 0, "tight over the page's first story, a reporter's: a kicker" },   /* a fact: the line is the kicker */
	[S_F_CUT_BANNER]    = { 0, "inside a cut paragraph" },
	[S_F_DESK_CREDITS]  = { 0, "the desk's credits in brackets: the page's" },   /* a fact: the story ends, the line goes to the banners */
	[S_F_REPEAT]        = { 0, "repeats the story" },
	[S_F_QUOTE_BEFORE]  = { 0, "after a finished paragraph" },
	[S_F_END_MARK]      = { 0, "closes a story" },
	[S_F_PAGE_SIGNED]   = { 0, "a unit in the brackets closing the story, as the page signs its others" },   /* a fact: the unit signs it */
	[S_F_CAPTION]       = { 0, "caption-like" },
	[S_F_COMMA_START]   = { 0, "starts a paragraph" },
	[S_F_RUN_ON]        = { 0, "as wide as the unfinished line above: its rest" },
	[S_F_BROKEN]        = { 0, "second half of a broken headline" },
	[S_F_HEADER_BLOCK]  = { 0, "beside a running header at the top" },
	[S_F_FOOT_BLOCK]    = { 0, "beside a running header at the foot" },
	[S_F_AFTER_BODY]    = { 0, "under a headless dateline story" },
	[S_F_NOTE]          = { 0, "editor's note label" },
	[S_F_RECURS]        = { 0, "printed again on the page" },
	[S_F_MARKED_SUBHEAD] = { 0, "a mark and a word inside a signed story" },
	[S_F_PAGE_NOTE]     = { 0, "the page's own note at its foot" },
	[S_F_CONTENTS]      = { 0, "a title over its page's number: the contents" },
	[S_F_ITEM_SIGNED]   = { 0, "signs the marked item above" },
	[S_F_SPEAKER_ABOVE] = { 0, "the speaker of the line under it (介绍，…)" },
	[S_F_TITLED_BELOW]  = { 0, "a picture's story titled under its credit" },
	[S_F_OVER_DASH]     = { 0, "over a —— subtitle and a byline" },
	[S_F_BRACKET_NOTE]  = { 0, "a note in round brackets under the text" },
	[S_F_RUN_LABEL]     = { 0, "over a run of items set alike: their column" },
	[S_F_LINE_LABEL]    = { 0, "in brackets opening the headline's line, the story reported: its column" },
	[S_F_ITEM_ROW]      = { 0, "a list's row: set in one shape with its neighbour" },
	[S_F_MARKED_ITEM]   = { 0, "a brief of the title over the marked items, not a caption" },   /* a fact: the line is text */
	[S_F_TOP_CHROME]    = { 0, "above the first signed story: the page's chrome" },   /* a fact: the line goes to the banners */
	[S_F_TITLE_LINK]    = { 0, "a label over the same title: a link to it" },
	[S_F_NAV_LINK]      = { 0, "labels and the titles of the stories around: links to them" },   /* a fact: the line goes to the banners */
	[S_F_LINK_BAR]      = { 0, "every word a link: the site's navigation" },   /* a fact: the line goes to the banners */
	[S_F_PREHEADER]     = { 0, "printed again in the story below: the mail's preview" },   /* a fact: the line goes to the banners */
	[S_F_AFTERWORD]     = { 0, "an editor's note after the story: the story's" },   /* a fact: the line joins the story */
	[S_F_TITLE_LIST]    = { 0, "in the page's list of the titles it prints below" },   /* a fact: the line goes to the banners */
	[S_F_PRINTED_BYLINE] = { 0, "names the author of the page's 作者 field: the story's own byline" },   /* a fact: it replaces the field's bare name */
	[S_F_OPEN_LINE_BYLINE] = { 0, "under a headline and a line that is no text: the story's byline" },   /* a fact: the line is the byline */
	[S_F_MARKED_LABEL]  = { 0, "its byline; the marked word waiting above the headline is the column's label" },   /* a fact: the stub is the label */
	[S_F_LONE_CAPTION]  = { 0, "one sentence alone over a story's head: a caption" },   /* a fact: the line is a caption */
	[S_F_STRAY]         = { 0, "a scanner's stray marks alone: no text" },   /* a fact: the line goes to the banners */
	[S_F_POST_STAMP]    = { 0, "a post's stamp: its date and time (原创 and its account)" },   /* a fact: the line goes to the banners */
	[S_F_FEED_DECK]     = { 0, "the rest of the deck of the item its Title: field heads" },
};

/* A run of title lines starts a story when its evidence reaches this. */
enum { STORY_MIN = 5 };
#ifdef PARSE_TUNABLE
static int tuned_story_min = STORY_MIN;
#define STORY_MIN tuned_story_min
#endif

enum { EV_MAX = 10 };
typedef struct evidence {
	int score;
	int ahead;              /* what the runs ahead add (see plan_story) */
	bool planned;
	uint8_t n;
	uint8_t sig[EV_MAX];
} evidence;

static void ev_add(evidence *e, signal sg)
{
	e->score += signals[sg].weight;
	if (e->n < EV_MAX)
		e->sig[e->n++] = (uint8_t)sg;
}

typedef enum unit_kind {
	U_PARA,
	U_TITLE,        /* short, no sentence end */
	U_MDHEAD,       /* "# headline" */
	U_MDSUB,        /* "## subhead" */
	U_BYLINE,       /* role words + names */
	U_NAMES,        /* names alone: a byline only right under a headline */
	U_DATELINE,     /* 本报讯(记者 X) … */
	U_CAPTION,      /* sentence + credit */
	U_CREDIT,       /* credit alone */
	U_JUMP,
	U_PAGEHEAD,
	U_END,          /* closes a story: （完）, (X 供稿), 据新华社 */
} unit_kind;

enum unit_flags {
	UF_TERMINATED = 1,      /* ends a sentence */
	UF_CLAUSE_END = 2,      /* ends with a comma, colon, enumeration mark */
	UF_COMMA = 4,           /* holds a comma inside (title-like lines) */
	UF_DASH_START = 8,      /* starts with —— (a subtitle) */
	UF_SENTENCE = 16,       /* holds a sentence end inside */
	UF_DONE = 32,           /* ends with "（完）": the story's end */
	UF_ROW = 64,            /* a row of figures: a paragraph of its own */
	UF_RECURS = 128,        /* a running line printed again apart on the page */
	UF_AFTER_FURNITURE = 256,   /* the page's furniture right before it (see furniture.h) */
	UF_QUESTION_HEAD = 512,     /* a question under a label: a headline of its own, not half of one */
	UF_FIELD = 1024,        /* a short "label：value" line (时间：…, 售价：…) */
	UF_INDENTED = 2048,     /* its line starts with an indent */
	UF_VERSE = 4096,        /* a line of verse: a paragraph of its own */
	UF_WRAP_CUT = 8192,     /* hard-wrapped, it fills its last line unfinished and a running line follows: a cut paragraph */
	UF_ISSUER = 16384,      /* printed again below as the signature over a date (see mark_issuer) */
	UF_OVER_DASH = 32768,   /* a title for the "——" subtitle and byline under it (see subtitle_under) */
};

/* The part of a deck a site's label names ("引题：X", "标题：X", "副题：X"). */
enum { NAMED_NONE, NAMED_OVER, NAMED_HEAD, NAMED_SUB };

/* What a unit's item_row says: none, a list's row (same_item_shape), a
 * ▲ brief under its title (marked_briefs). */
enum item_row { ITEM_ROW_NONE, ITEM_ROW_LIST, ITEM_ROW_MARKED };

typedef struct unit {
	const char *s;
	uint32_t len;
	uint32_t line;          /* its first line in the page (1-based) */
	uint32_t gap;           /* blank lines before it (0: same block) */
	uint32_t gap_after;
	uint16_t chars;         /* characters, capped */
	uint16_t flags;
	uint8_t kind;
	uint8_t jump;           /* pattern_jump_kind */
	uint8_t spaced;         /* letter-spaced by OCR ("社 区 食 堂"): chars leaves the spaces out */
	uint8_t bracketed;      /* a brief's title taken out of its 【】 or out of its text (see bracket_title, run_in_title) */
	uint8_t named;          /* a deck's line whose label named its part (NAMED_*, see push_unit) */
	uint8_t item_row;       /* enum item_row: one of a list's rows set alike, or its note (see same_item_shape) */
	uint8_t indent_para;    /* title-like, made a paragraph by its indent alone (see signed_under_indent); 2: names alone (see indented_signature) */
	uint8_t furn_author;    /* the author of a metadata line ("作者：X", see push_furniture) */
	uint8_t over_furn;      /* the page's furniture set right under it (see push_furniture) */
	uint8_t under_image;    /* a markdown caption in emphasis right under its picture (see md_unit) */
	int16_t page;           /* page number of a jump or page header */
	uint16_t last_cols;     /* a hard-wrapped unit of several lines: its last line's columns (else 0) */
} unit;

typedef struct part {
	const char *s;
	uint32_t len;
	uint8_t type;           /* doc_block_type */
	uint64_t hash;          /* of type and text, set by the repair pass */
} part;

typedef struct art {
	doc_str field[DOC_NFIELDS];
	part *parts;
	size_t nparts, cap;
	bool ended;             /* a jump line or trailing author closed it */
	bool cut;               /* last paragraph is waiting for its continuation */
	bool dropped;           /* merged into another article */
	bool dateline_done;     /* the first paragraph was checked for a dateline */
	bool note;              /* opened by an editor's note (编者按) waiting for its headline */
	bool open_line;         /* its one paragraph is the line over its byline (open_line_over_byline) */
	bool numbered;          /* its headline is numbered ("1．…"), see numbered_text */
	bool bracketed;         /* its headline was a brief's title in 【】 or run into its text */
	uint16_t table_heads;   /* of its subheads, tables' titles over their rows (no sections: see art_has_subhead) */
	bool signed_end;        /* signed after its body, text went on (a letter and its reply) */
	bool furn_byline;       /* its byline is a metadata line's author, the story may print its own (see printed_byline) */
	bool byline_line;       /* its byline is printed on a line of its own under its head (not in a dateline's brackets) */
	bool issued;            /* its head names the issuer that signs it below (a notice) */
	bool items;             /* a run of short items each signed in brackets (see merge_signed_item) */
	const char *supplied;   /* its byline names no writer (a supplier, "（县气象台供稿）"; the paper, "（欧华）"), left in its text: it closes the story as a signature does */
	uint32_t signed_len;    /* its byline closed its one paragraph in brackets: the paragraph's length with them (else 0) */
	int series;             /* its subheads number a series 1, 2, …: how far (see series_number) */
	bool series_broken;     /* ... one of them is not the series' next */
	uint32_t sub_mark;      /* the mark all its subheads open with (title_mark), 0: none or not one for all */
	uint32_t sections_mark; /* its head was taken over sections of this mark (S_OVER_MARKED), 0: none */
	bool sub_seen;          /* it has had a subhead */
} art;

/* A caption found between two articles. */
typedef struct floating {
	part cap;
	size_t prev, next;      /* neighbour articles (SIZE_MAX: none) */
} floating;

/* Word pairs of the running headers remembered per page. */
enum { HEADER_PAIRS_MAX = 64 };
/* the page's first units whose lines a running header printed again
 * further down may repeat (a masthead over the header) */
enum { TOP_LINES = 4 };
/* The page's first units, where its header block stands. */
enum { TOP_BLOCK_UNITS = 8 };
/* Tables read a cell a line, or laid out by spaces, that the profile remembers. */
enum { CELL_TABLES_MAX = 8 };
/* Running lines that recur on a page, remembered by the profile. */
enum { REPEATED_MAX = 16, LISTED_MAX = 30 };

/* The page's own conventions, measured on its first lines before any
 * decision is taken (so that a huge page still streams): decisions read
 * these instead of fixed constants. */
enum { CHAT_SEEN_MAX = 16 };   /* a chat's messages whose repeats are counted */

typedef struct profile {
	unsigned wrap;          /* hard-wrap width in columns, 0 when lines are paragraphs */
	bool local_wrap;        /* no one width, but each column hard-wrapped at its own (see profile_local_wrap) */
	unsigned wrap_slack;    /* columns short of the wrap a full line may end */
	bool wrap_chars;        /* the wrap counts characters: a figure or a letter fills a Han character's place */
	unsigned lines;         /* non-blank lines sampled */
	unsigned indented;      /* of them, lines starting with an indent */
	unsigned after_blank;   /* of them, lines after one or more blank lines */
	unsigned body_cols;     /* median width of the long lines (the body) */
	unsigned big_gap;       /* blank lines that make a big gap on this page */
	bool indents;           /* paragraphs are marked by an indent */
	bool indent_all;        /* ... and so is every short line (titles, bylines): the indent is the page's margin */
	unsigned indent_dropped;        /* hard-wrapped, no indent, but a paragraph's first line is this many columns short: its indent dropped by the extraction */
	unsigned run_cols;      /* ... against this width, the most common of the lines that run on */
	unsigned shorts;        /* of the lines sampled, short ones (titles, bylines, last lines) */
	unsigned shorts_indented;
	bool blank_rhythm;      /* blank lines separate the paragraphs */
	unsigned md_level;      /* markdown level of the articles' titles (1 = "#"), 0: none */
	uint32_t md_title_line; /* the line of a post's title over its items (a banner), 0: none */
	uint32_t repeated[REPEATED_MAX];    /* short lines with figures that recur apart */
	bool repeated_top[REPEATED_MAX];    /* ... first printed at the top of the page */
	unsigned nrepeated;
	uint32_t title_list_first, title_list_last;     /* the lines of the page's list of its own titles, 0: none */
	uint32_t cell_first[CELL_TABLES_MAX], cell_last[CELL_TABLES_MAX];      /* tables read a cell a line (see cell_blocks_line, cell_rows_line) */
	uint8_t cell_row[CELL_TABLES_MAX];      /* ... cells of each row, read a row at a time; 0: read a column at a time */
	unsigned ncell_tables;
	uint32_t front_first, front_last;       /* the lines of a markdown export's front matter, 0: none */
	uint32_t listed[LISTED_MAX];    /* the lines printing the titles of that list */
	unsigned nlisted;
	unsigned bracket_signed;        /* lines closed by a signer in brackets ("…说。（张三）"): the page signs so */
	/* the page's blank-line rhythm, read before the rest (see
	 * profile_blank_rhythm): the line reader takes these out of every
	 * gap, so that a page means the same in any spacing */
	uint8_t line_spacing;   /* blank lines after every line, a wrapped one too (a double-spaced extraction) */
	bool gaps_doubled;      /* every gap doubled (paragraph spacing exported as two line ends) */
	bool letter_spaced;     /* letter-spaced by OCR from end to end: read without its letter spaces (despaced_source) */
	/* the indent every line of a paragraph has (lynx -dump sets its
	 * text so): a margin, no paragraph's mark; the line reader takes it
	 * out of every line's indent (0: none) */
	uint8_t margin;
	/* the indent most of the paragraphs' first lines have (columns; 0:
	 * not measured): a line set in farther is centred, no paragraph */
	unsigned para_indent;
	unsigned runs, runs_set_in;     /* lines under an unfinished long one; of them, set in (two columns or more) */
	unsigned run_indent;            /* ... the indent most of those have */
	/* a forum's thread (posts and their replies): the lines saying who
	 * posted and when (pattern_forum_post), and the first of them */
	unsigned forum_posts;
	uint32_t forum_first;
	unsigned chat_lines;            /* messages of a chat's export (see pattern_chat_message) */
	uint64_t chat_seen[CHAT_SEEN_MAX];      /* ... the hashes of their words */
	uint8_t chat_times[CHAT_SEEN_MAX];      /* ... and how often each was sent */
	unsigned nchat_seen;
	unsigned saved_links;           /* titles over their link alone (a reader's export of saved stories) */
	uint32_t saved_first;           /* ... the first one's title line */
	unsigned record_titles;         /* a database's records (【标　题】X, see record_field) */
	uint32_t record_first;          /* ... the first one's title line */
} profile;

/* The profile measures the page on its first lines. */
enum { PROFILE_LINES = 4000 };
enum { FORUM_POST_MAX = 200 };  /* bytes of a forum post's line (poster, floor, time, buttons) */

/* Lines are read one at a time (see build_units). */
typedef struct raw_line {
	const char *s;
	uint32_t len;
	uint32_t gap;
	uint32_t line;          /* 1-based line number in the page */
	uint16_t indent;        /* columns of leading space */
	bool indented;
	uint8_t indent_chars;   /* characters of leading space (255 at most) */
} raw_line;

typedef struct line_reader {
	const char *p, *end;
	const char *lf;         /* the next '\n' found, or end */
	uint32_t lineno;        /* lines read so far */
	uint8_t spacing;        /* blank lines taken out of every gap (profile.line_spacing) */
	bool halve;             /* ... then the gap halved (profile.gaps_doubled) */
	uint8_t margin;         /* columns of indent that are the page's margin (profile.margin) */
} line_reader;

/* The parser streams: units and articles live in windows that move along
 * the page (indexes below are absolute: unit i is units[i - units_base]),
 * so memory stays small on a huge page and the first articles can be
 * shown before the rest is parsed. */
/* Facts of a run used by the evidence that depends on the story before. */
typedef struct run_facts {
	bool deck;              /* two or more whole title lines in one block */
	bool label_spaced;      /* a label over a wider title, one paragraph gap apart */
	bool author;            /* its body closes with (author) */
	bool filed;             /* ... a reporter's: …。（记者 X）, （新华社X日电 记者 Y） */
	bool row_under, para_under, sidebar, big_gap, table_title, verse_cycle, briefs_under;
	bool described;         /* its notice's name follows a description (X的通知) */
	bool caption_under;     /* a photo caption right under it */
	bool rows_table;        /* ... the rows of a table read a cell or a row a line (in_cell_table) */
	bool tips_box;          /* a lone title over a box of tips on a subject (see tips_box_title) */
	bool afterword;         /* a lone title labelling a comment on the story above (see afterword_label) */
	bool notice;            /* its paragraphs close with an issuer over a date alone (see signed_and_dated) */
	uint32_t mark;          /* the item's mark opening its first line (■…), 0: none */
	bool bracketed;         /* a lone title taken out of a brief's text (unit.bracketed) */
	bool prose_after_verse; /* a lone title between the last stanza of a poem and prose */
	bool source_lead;       /* the paragraph under it opens 据《X》报道 (see source_lead) */
	bool notice_kind;       /* a lone title naming a notice (see notice_name) */
	int series;             /* a lone title's place in a numbered series (series_number), 0: none */
	bool unnumbered;        /* a lone title longer than a label with no number at its head */
	uint32_t sections_mark; /* a lone plain title over text and sections of this mark (see marked_sections_under), 0: none */
} run_facts;

/* Run facts remembered between plans (see run_facts_memo). */
enum { PLAN_MEMO = 16 };
struct plan_memo {
	size_t i, n;            /* the run; n == 0: empty */
	run_facts rf;
};

typedef struct prescan prescan;

typedef struct parser {
	doc_issue *issue;
	doc_source src;
	prescan *pre;           /* the recognisers run ahead on a second core, or NULL */
	const char *released;   /* source text before this is dropped */
	line_reader lr;
	bool line_indented;     /* the line the next unit starts on is indented */
	bool line_cut;          /* the unit being pushed runs on past a running line (UF_WRAP_CUT) */
	bool lines_ran_on;      /* a line was joined to the unfinished line above as its rest (wrapped_run_on) */
	unsigned unit_cols;     /* on a page wrapped column by column: the widest line of the unit being joined */
	unsigned column_cols;   /* ... and of the last unit joined from lines: the column's measure as last seen */
	profile pf;             /* the page's conventions */
	furniture furn;         /* lines printed around every story (see furniture.h) */
	bool in_furniture;      /* pushing the byline of a furniture line */
	bool field_block;       /* in a feed item's header (see feed_field_line) */
	bool link_items;        /* in a site's list of links to other stories (see related_links_line) */
	size_t pic_credit, pic_title;   /* the credit and the title printed under a picture's story (see titled_below) */
	bool bare_links;        /* ... whose titles have no mark before them */
	bool in_comments;       /* in a block of readers' comments (see comments_block_line) */
	bool feed_author;       /* pushing the value of its author's field */
	struct { const char *s; size_t len; uint32_t gap, line; } held_title;   /* a record's title held for its deck's other parts (see record_field) */
	bool after_image;       /* the unit before is a markdown image */
	bool furn_before;       /* furniture was read right before the next unit */
	struct furn_note { const char *s; uint32_t len, line; } *furn_notes;
	size_t nfurn_notes, furn_notes_cap;     /* furniture not yet shown by --explain */
	bool rule_gap;          /* a rule line was skipped: the next unit follows a big gap */
	bool bracket_run;       /* the last line pushed was a brief under its title in 【】 */
	uint32_t run_in_run;    /* ... a brief of a run under their column, its title after this mark (see run_in_title) */
	bool bracket_columns;   /* a story's column label in brackets or after a mark was set on the page (S_PAGE_LABEL) */
	bool line_labels;       /* a headline's line opened with its column's name in brackets (see split_line_label) */
	unsigned md_sub_level;  /* the highest rank (fewest "#") of the markdown subheads taken so far, 0: none */
	unsigned md_head_rank;  /* the rank of the last markdown title taken as a story's head, 0: none */
	unsigned wrap;          /* wrap width of a hard-wrapped page, 0 if none */
	raw_line pending;       /* the next line, read ahead */
	bool have_pending;
	unsigned run_cols;      /* the width of the last line that ran on into the next (the column's, see narrow_column_line) */
	uint32_t row_table_last;        /* in a table read a row at a time: its last line, 0: none (see produce_row) */
	unsigned row_cells;             /* ... and the cells of its rows */
	bool eof;               /* every unit of the page has been made */
	unit *units;
	size_t units_base, nunits, units_cap;
	size_t next;            /* the next unit to segment */
	art *arts;              /* articles [arts_base, narts) from arts[arts_off] */
	size_t arts_base, narts, arts_cap, arts_off;
	size_t closed;          /* articles [0, closed) are complete */
	struct floating *floating;  /* captions between articles, placed at the end */
	size_t nfloating, floating_cap;
	doc_str *banners;
	size_t nbanners, banners_cap;
	doc_str *captions;      /* page-level captions */
	uint32_t *caption_credits;  /* where each one's credit starts, found
				     * while its text is at hand */
	size_t ncaptions, captions_cap;
	doc_str label;
	struct plan_memo memo[PLAN_MEMO];
	size_t memo_next;
	uint32_t header_pairs[HEADER_PAIRS_MAX];    /* see header_pairs_add */
	size_t nheader_pairs;
	/* the short lines of the page's first units, exactly (see
	 * top_line_again), and whether a running header is among them */
	uint32_t top_lines[TOP_LINES], top_line_no[TOP_LINES];
	unsigned ntop_lines;
	bool top_has_header;
	bool forum_post_read;   /* the first forum post's line (profile.forum_first) is behind */
	bool forum_post_seen;   /* ... and came before any story */
	unsigned text_units;    /* units pushed so far that are no running line (a mail's chrome looked for among the first) */
	/* the word pairs of the masthead's lines over that header: the
	 * header's words for header_words_only only (a line of figures that
	 * shares them, "少年画报社" beside "少年画报数字报", is no header) */
	uint32_t top_pairs[HEADER_PAIRS_MAX];
	size_t ntop_pairs;
	part *held;             /* captions found inside a cut paragraph */
	size_t nheld, held_cap;
} parser;

#define UNIT(ps, i) (&(ps)->units[(i) - (ps)->units_base])
#define ART(ps, k) (&(ps)->arts[(k) - (ps)->arts_base + (ps)->arts_off])

/* Units a decision may look ahead (title runs, captions, a brief's body). */
enum { LOOKAHEAD = 64 };
/* Articles kept after they are complete: a headless story merges with a
 * headline at most this many articles later. */
enum { MERGE_WINDOW = 64 };
/* Parsed pages of a mapped file are dropped in steps of this many bytes. */
enum { RELEASE_STEP = 8 << 20 };

/* ------------------------------------------------------------------ */
/* --explain: each unit with the role given to it and the strongest
 * signals for and against, printed as the parser decides. */

static FILE *explain_out;

void parse_set_explain(FILE *out)
{
	explain_out = out;
}

/* A line of a scanner's stray marks (a rule's edge or a speck read as
 * "|", "l", "丨", "・ ' ・"): four marks at most, one of them no dot. A
 * lone dot or figure may be the page's own (a divider, a section's
 * number) and is left alone. */
static bool stray_marks(const char *s, size_t len)
{
	if (len > 12)
		return false;
	const char *p = s, *end = s + len;
	int marks = 0;
	bool stroke = false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (text_is_space(cp))
			continue;
		bool dot = cp == 0x00B7 || cp == 0x30FB || cp == 0xFF65;
		/* (a scanner's dust reads as ASCII dots and commas too: ". ,") */
		bool mark = cp == '|' || cp == 'l' || cp == '\'' || cp == 0xFF5C || cp == 0x4E28 || cp == 0x00A6 ||
			    cp == '.' || cp == ',' || cp == '`';
		if (!dot && !mark)
			return false;
		stroke |= mark;
		marks++;
	}
	return stroke && marks <= 4;
}

/* A clock time in the line: two figures, a colon, two figures (08:30). */
static bool has_clock(const char *s, size_t len)
{
	for (const char *p = memchr(s, ':', len); p; p = memchr(p + 1, ':', (size_t)(s + len - p - 1))) {
		if (p - s >= 1 && s + len - p >= 3 && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' && p[1] <= '9' &&
		    p[2] >= '0' && p[2] <= '9')
			return true;
		if (p + 1 >= s + len)
			break;
	}
	return false;
}

static bool has_year(const char *s, size_t len);
static bool has_prefix(const char *s, size_t len, const char *prefix);
static uint32_t first_cp(const char *s, const char *end);

/* A post's stamp under its title, as a WeChat export prints it: 原创,
 * a space, the account (a name, a link), then the date with the clock
 * time it went out ("原创 三农新观察 *2026年12月15日 08:30* *河南*"); no
 * sentence (classify asks that first). */
static bool post_stamp(const char *s, size_t len)
{
	if (len < 12 || len > 300 || !has_prefix(s, len, "原创") || !text_is_space(first_cp(s + 6, s + len)))
		return false;
	return has_clock(s, len) && (has_year(s, len) || (len > 16 && memchr(s, '-', len)));
}

static bool has_iso_date(const char *s, size_t len);
static bool has_year(const char *s, size_t len);

/* "(2026-11-16 21:08:33)", "2026年11月16日 21:08": a post's time alone
 * on its line, brackets aside: a blog's stamp under its title. */
static bool bare_stamp(const char *s, size_t len)
{
	if (len < 12 || len > 60)
		return false;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!((cp >= '0' && cp <= '9') || cp == '-' || cp == ':' || cp == '/' || cp == '(' || cp == ')' ||
		      cp == 0xFF08 || cp == 0xFF09 || cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 || text_is_space(cp)))
			return false;   /* (年 月 日) */
	}
	return has_clock(s, len) && (has_iso_date(s, len) || has_year(s, len));
}

/* "2026-12-03　　閱讀 1.2萬": the date a site's story was posted and how
 * often it was read, alone on the line under its title. */
static bool read_stamp(const char *s, size_t len)
{
	static const char *const reads[] = { "閱讀", "阅读", "瀏覽", "浏览", "點擊", "点击" };
	if (len < 16 || len > 90 || !(memchr(s, '-', len) || memchr(s, '/', len)))
		return false;       /* (no date: most lines have no dash nor slash) */
	const char *p = s, *end = s + len;
	/* (the paper's name may come first: "金边华声报　2026-12-03 07:45　阅读 1.6万") */
	for (int han = 0; p < end && han <= 10 && text_is_han(first_cp(p, end)); han++)
		p += 3;
	p = text_skip_space(p, end);
	if (p >= end || !(*p >= '1' && *p <= '2'))
		return false;
	s = p;
	while (p < end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '/'))
		p++;
	if (p - s < 8 || !has_iso_date(s, (size_t)(p - s)))
		return false;
	p = text_skip_space(p, end);
	/* (and the time it was posted: 07:45) */
	if (end - p >= 5 && p[0] >= '0' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] == ':')
		p = text_skip_space(p + 5, end);
	for (size_t k = 0; k < sizeof reads / sizeof *reads; k++)
		if (has_prefix(p, (size_t)(end - p), reads[k])) {
			p = text_skip_space(p + strlen(reads[k]), end);
			if (has_prefix(p, (size_t)(end - p), "："))
				p = text_skip_space(p + 3, end);
			size_t d = 0;
			while (p + d < end && ((p[d] >= '0' && p[d] <= '9') || p[d] == '.' || p[d] == ','))
				d++;
			if (!d)
				return false;
			p += d;
			if (has_prefix(p, (size_t)(end - p), "萬") || has_prefix(p, (size_t)(end - p), "万"))
				p += 3;
			return text_skip_space(p, end) == end;
		}
	return false;
}

/* "即時　要聞　港聞　體育　財經　副刊　專欄": a site's or an app's menu
 * of its sections at the page's top, five words or more of two or three
 * Han characters each, set apart by spaces, nothing else (its menu
 * button before them aside). */
enum { SECTION_MENU_TOP = 10, SECTION_MENU_WORDS = 5, SECTION_NAME_MAX = 10 };
static bool section_menu(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	unsigned words = 0;
	/* (an app's menu button before it: ≡, ☰) */
	if (has_prefix(p, len, "≡") || has_prefix(p, len, "☰"))
		p += 3;
	while (p < end) {
		p = text_skip_space(p, end);
		if (p >= end)
			break;
		unsigned han = 0;
		while (p < end && text_is_han(first_cp(p, end))) {
			p += 3;
			han++;
		}
		if (han < 2 || han > 3 || (p < end && !text_is_space(first_cp(p, end))))
			return false;
		words++;
	}
	return words >= SECTION_MENU_WORDS;
}

/* Whether unit i, a word of two or three Han characters, is one of the
 * words of a menu of sections (section_menu) among the page's lines above. */
static uint32_t last_cp(const char *s, const char *end, const char **at);
static bool in_menu_above(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->chars < 2 || u->chars > SECTION_NAME_MAX)
		return false;
	for (size_t k = ps->units_base; k < i && k < ps->units_base + SECTION_MENU_TOP; k++) {
		const unit *m = UNIT(ps, k);
		if (m->kind != U_PAGEHEAD || !section_menu(m->s, m->len))
			continue;
		/* each word of the menu against the line's opening: the word
		 * itself ("體育") or its section's full name ("地方新聞　中彰投雲") */
		const char *p = m->s, *end = m->s + m->len;
		while (p < end) {
			p = text_skip_space(p, end);
			const char *w = p;
			while (p < end && text_is_han(first_cp(p, end)))
				p += 3;
			size_t n = (size_t)(p - w);
			uint32_t after = u->len > n ? first_cp(u->s + n, u->s + u->len) : 0;
			if (n >= 6 && u->len >= n && memcmp(u->s, w, n) == 0 &&
			    (!after || text_is_han(after) || text_is_space(after) || after == 0xFF5C || after == '|'))
				return true;
			if (p == w)
				p += p < end ? 1 : 0;
		}
	}
	return false;
}

/* "11-30 21:40 来自 微博 weibo.com", "发布于 2026-11-30 21:38",
 * "今天 08:12 来自 iPhone客户端": a social post's stamp, the date and the
 * clock time it went out, then the client it was sent from (来自…), or
 * after its word (发布于). */
static bool client_stamp(const char *s, size_t len)
{
	static const char *const leads[] = { "发布于", "發佈於", "發布於" };
	if (len < 11 || len > 160)
		return false;
	const char *p = s, *end = s + len;
	bool lead = false;
	for (size_t k = 0; k < sizeof leads / sizeof *leads && !lead; k++)
		if (has_prefix(p, len, leads[k])) {
			p = text_skip_space(p + strlen(leads[k]), end);
			lead = true;
		}
	if (has_prefix(p, (size_t)(end - p), "今天") || has_prefix(p, (size_t)(end - p), "昨天"))
		p += 6;
	else {
		const char *d = p;
		unsigned marks = 0;
		while (p < end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '/'))
			marks += *p == '-' || *p == '/', p++;
		if (p - d < 3 || !marks || !(*d >= '0' && *d <= '9'))
			return false;
	}
	p = text_skip_space(p, end);
	if (end - p < 5 || !(p[0] >= '0' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] == ':' && p[3] >= '0' &&
			     p[3] <= '5' && p[4] >= '0' && p[4] <= '9'))
		return false;
	p += 5;
	if (end - p >= 3 && p[0] == ':' && p[1] >= '0' && p[1] <= '5')
		p += 3;
	p = text_skip_space(p, end);
	if (p == end)
		return lead;
	return has_prefix(p, (size_t)(end - p), "来自") || has_prefix(p, (size_t)(end - p), "來自");
}

/* "#江城民生#": a social post's topic, a word between two hashes (2 to
 * 20 characters, no space next to them), somewhere in the line. */
enum { HASHTAG_MIN = 2, HASHTAG_MAX = 20 };
static uint16_t count_chars(const char *s, size_t len, unsigned cap);
static bool has_hashtag(const char *s, size_t len)
{
	const char *end = s + len;
	for (const char *p = memchr(s, '#', len); p && p + 1 < end; p = memchr(p + 1, '#', (size_t)(end - p - 1))) {
		if (p[1] == '#' || p[1] == ' ' || (p > s && p[-1] == '#'))
			continue;
		const char *q = memchr(p + 1, '#', (size_t)(end - p - 1));
		if (!q)
			return false;
		size_t chars = count_chars(p + 1, (size_t)(q - p - 1), HASHTAG_MAX + 1);
		if (chars >= HASHTAG_MIN && chars <= HASHTAG_MAX && q[-1] != ' ' && !memchr(p + 1, ' ', (size_t)(q - p - 1)))
			return true;
		p = q;
	}
	return false;
}

/* "▍老旧小区加装电梯…", "┃本期关注": a bar a post or a site sets
 * before its titles (a block's left part, U+2588..U+258F, or a heavy
 * vertical line), decoration, not text: the unit starts after it. */
static bool strip_bar_mark(unit *u)
{
	if (u->len < 9 || (unsigned char)u->s[0] != 0xE2)
		return false;
	uint32_t cp;
	int k = text_decode(u->s, u->s + u->len, &cp);
	if (!((cp >= 0x2588 && cp <= 0x258F) || cp == 0x2503))
		return false;
	const char *t = text_skip_space(u->s + k, u->s + u->len);
	if (u->s + u->len - t < 6)
		return false;
	u->len = (uint32_t)(u->s + u->len - t);
	u->s = t;
	return true;
}

/* The facts that classified a unit, for --explain. */
static void unit_facts(const unit *u, evidence *ev)
{
	switch (u->kind) {
	case U_TITLE: case U_MDSUB: case U_MDHEAD: ev_add(ev, S_F_SHORT); break;
	case U_BYLINE: ev_add(ev, S_F_BYLINE); break;
	case U_NAMES: ev_add(ev, S_F_NAMES); break;
	case U_DATELINE: ev_add(ev, S_F_DATELINE); break;
	case U_CAPTION: case U_CREDIT: ev_add(ev, S_F_CREDIT); break;
	case U_JUMP: ev_add(ev, S_F_JUMP); break;
	case U_PAGEHEAD:
		ev_add(ev, (u->flags & UF_RECURS)		  ? S_F_RECURS :
			   stray_marks(u->s, u->len)		  ? S_F_STRAY :
			   post_stamp(u->s, u->len) || bare_stamp(u->s, u->len) ? S_F_POST_STAMP :
								    S_F_HEADER);
		break;
	case U_END: ev_add(ev, S_F_END_MARK); break;
	default:
		ev_add(ev, (u->flags & UF_TERMINATED) ? S_F_SENTENCE : S_F_UNFINISHED);
		break;
	}
	if (u->flags & UF_DASH_START)
		ev_add(ev, S_F_DASH);
	if (u->item_row == ITEM_ROW_LIST)
		ev_add(ev, S_F_ITEM_ROW);
	else if (u->item_row == ITEM_ROW_MARKED)
		ev_add(ev, S_F_MARKED_ITEM);
}

static void explain_signals(const evidence *ev, bool positive)
{
	bool used[EV_MAX] = { false };
	for (int shown = 0; shown < 3; shown++) {
		int best = -1;
		for (int k = 0; k < ev->n; k++) {
			int w = signals[ev->sig[k]].weight;
			if (used[k] || (positive ? w < 0 : w >= 0))
				continue;
			if (best < 0 || abs(w) > abs(signals[ev->sig[best]].weight))
				best = k;
		}
		if (best < 0)
			return;
		used[best] = true;
		int w = signals[ev->sig[best]].weight;
		if (w)
			fprintf(explain_out, "  %c%s (%+d)", w > 0 ? '+' : '-', signals[ev->sig[best]].what, w);
		else
			fprintf(explain_out, "  · %s", signals[ev->sig[best]].what);
	}
}

/* Prints unit i with its role; `ev` is the evidence of the decision, or
 * NULL for a unit placed by what it is (its facts are printed). */
static void explain_line(const parser *ps, size_t i, const char *role, const evidence *ev, const evidence *deck);
static void explain_furniture(parser *ps, uint32_t before);

static void explain(const parser *ps, size_t i, const char *role, const evidence *ev)
{
	explain_line(ps, i, role, ev, NULL);
}

/* A line decided by one or two facts of its own (NSIGNALS: no second). */
static void explain_facts(const parser *ps, size_t i, const char *role, signal first, signal second)
{
	evidence facts;
	memset(&facts, 0, sizeof facts);
	ev_add(&facts, first);
	if (second != NSIGNALS)
		ev_add(&facts, second);
	explain(ps, i, role, &facts);
}

/* A line of a headline's deck: the story's evidence (for the headline)
 * and the deck's, with the transition from the line above. */
static void explain_deck(const parser *ps, size_t i, const char *role, const evidence *ev, const evidence *deck)
{
	if (!deck->n) {
		evidence facts;
		memset(&facts, 0, sizeof facts);
		ev_add(&facts, S_F_SHORT);
		explain_line(ps, i, role, ev ? ev : &facts, NULL);
		return;
	}
	if (!ev)
		explain_line(ps, i, role, deck, NULL);
	else
		explain_line(ps, i, role, ev, deck);
}

static void explain_line(const parser *ps, size_t i, const char *role, const evidence *ev, const evidence *deck)
{
	if (!explain_out)
		return;
	const unit *u = UNIT(ps, i);
	explain_furniture((parser *)ps, u->line);
	evidence facts;
	memset(&facts, 0, sizeof facts);
	if (!ev) {
		unit_facts(u, &facts);
		ev = &facts;
	}
	/* the start of the line, at most 16 characters */
	const char *p = u->s, *end = u->s + u->len;
	int chars = 0;
	while (p < end && chars < 16) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		chars++;
	}
	fprintf(explain_out, "%5u  %-10s %.*s%s", (unsigned)u->line, role, (int)(p - u->s), u->s,
		p < end ? "…" : "");
	bool weighed = false;
	for (int k = 0; k < ev->n; k++)
		weighed |= signals[ev->sig[k]].weight != 0;
	if (ev->planned && ev->ahead)
		fprintf(explain_out, "  [%+d, runs ahead %+d]", ev->score, ev->ahead);
	else if (weighed || ev->planned)
		fprintf(explain_out, "  [%+d]", ev->score);
	explain_signals(ev, true);
	explain_signals(ev, false);
	if (deck) {
		fprintf(explain_out, "  | deck [%+d]", deck->score);
		explain_signals(deck, true);
		explain_signals(deck, false);
	}
	fputc('\n', explain_out);
}

/* Prints the furniture lines read before line `before` (all of them for
 * UINT32_MAX): they left the stream of units when they were read. */
static void explain_furniture(parser *ps, uint32_t before)
{
	size_t k = 0;
	for (; k < ps->nfurn_notes && ps->furn_notes[k].line <= before; k++) {
		const struct furn_note *fn = &ps->furn_notes[k];
		const char *p = fn->s, *end = fn->s + fn->len;
		for (int chars = 0; p < end && chars < 16; chars++) {
			uint32_t cp;
			p += text_decode(p, end, &cp);
		}
		fprintf(explain_out, "%5u  %-10s %.*s%s  · printed around every story\n", (unsigned)fn->line, "furniture",
			(int)(p - fn->s), fn->s, p < end ? "…" : "");
	}
	if (k) {
		memmove(ps->furn_notes, ps->furn_notes + k, (ps->nfurn_notes - k) * sizeof *ps->furn_notes);
		ps->nfurn_notes -= k;
	}
}

static void explain_page(const parser *ps, const char *name)
{
	if (!explain_out)
		return;
	const profile *pf = &ps->pf;
	fprintf(explain_out, "== %s\n   profile: %s, %s, ", name,
		pf->blank_rhythm ? "blank lines between paragraphs" : "no blank lines between paragraphs",
		pf->indent_all ? "every line indented, titles too" : pf->indents ? "indented paragraphs" :
		pf->indent_dropped ? "paragraph indent dropped (first lines short by it)" : "no paragraph indent");
	if (pf->wrap)
		fprintf(explain_out, "hard-wrapped at %u columns%s", pf->wrap, pf->wrap_chars ? " (counting characters)" : "");
	else if (pf->local_wrap)
		fputs("hard-wrapped at each column's own width", explain_out);
	else
		fputs("a paragraph a line", explain_out);
	fprintf(explain_out, ", big gap %u blank lines%s%s\n", pf->big_gap,
		pf->line_spacing ? " (after a blank after every line is taken out)" :
		pf->gaps_doubled ? " (after the page's doubled gaps are halved)" : "",
		pf->letter_spaced ? ", letter-spaced by OCR (read without its letter spaces)" : "");
	fputs(" line  role       text               [score] strongest signals for (+) and against (-)\n", explain_out);
}

/* ------------------------------------------------------------------ */
/* Characters */

static inline uint32_t last_cp(const char *s, const char *end, const char **at)
{
	const char *p = text_prev(s, end);
	uint32_t cp;
	text_decode(p, end, &cp);
	if (at)
		*at = p;
	return cp;
}

static uint32_t first_cp(const char *s, const char *end)
{
	uint32_t cp = 0;
	if (s < end)
		text_decode(s, end, &cp);
	return cp;
}

static inline bool is_closing(uint32_t cp)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09: case ')':
	case 0x300B: case 0x3009: case 0x3011: case 0x3017: case 0x3015: case 0xFF3D:
	case '"': case '\'': case ']': case 0xFF63:
		return true;
	}
	return false;
}

static inline bool is_sentence_end(uint32_t cp)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case '!': case '?': case '.':
	case 0x2026: case 0xFF0E: case 0xFF1B: case ';': case 0xFF61:
		return true;
	}
	return false;
}

static inline bool is_clause_end(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case ',': case 0x3001: case 0xFF1A: case ':': case 0xFE50: case 0xFF64:
		return true;
	}
	return false;
}

static bool is_opening(uint32_t cp)
{
	switch (cp) {
	case 0x201C: case 0x2018: case 0x300C: case 0x300E: case 0xFF08: case '(':
	case 0x300A: case 0x3008: case 0x3010: case 0x3016: case 0x3014: case 0xFF3B:
		return true;
	}
	return false;
}

static bool is_han(uint32_t cp)
{
	return text_is_han(cp);
}

static bool is_ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool has_prefix(const char *s, size_t len, const char *prefix)
{
	if (!len || *s != *prefix)
		return *prefix == 0;    /* the first byte decides most: no strlen */
	size_t n = strlen(prefix);
	return len >= n && memcmp(s, prefix, n) == 0;
}

/* Whether s[0, len) ends with one of the n words, and is longer. */
static bool ends_with_any(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t w = strlen(words[k]);
		if (len > w && memcmp(s + len - w, words[k], w) == 0)
			return true;
	}
	return false;
}

static bool starts_with_any(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (has_prefix(s, len, words[k]))
			return true;
	return false;
}

static bool ends_with_word(const char *s, size_t len, const char *word)
{
	return ends_with_any(s, len, &word, 1);
}

/* Characters in s, counting up to cap (long lines are never titles, so
 * there is no need to count all of an 80 KB paragraph). */
static uint16_t count_chars(const char *s, size_t len, unsigned cap)
{
	if (len > cap * 4)
		return (uint16_t)cap;   /* at most 4 bytes a character */
	size_t n = 0, i = 0;
#ifdef __SSE2__
	/* 16 bytes at a time: as signed bytes, 80..BF are below C0 */
	for (; i + 16 <= len && n <= cap; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i cont = _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8(1));
		__m128i sum = _mm_sad_epu8(cont, _mm_setzero_si128());      /* no popcnt in SSE2 */
		n += 16 - (size_t)(_mm_cvtsi128_si32(sum) + _mm_extract_epi16(sum, 4));
	}
#endif
	/* 8 bytes at a time: a continuation byte is 10xxxxxx */
	for (; i + 8 <= len && n <= cap; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		n += 8 - (size_t)((cont * 0x0101010101010101ULL) >> 56);   /* sum of the bytes */
	}
	for (; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return (uint16_t)(n > cap ? cap : n);
}

/* ------------------------------------------------------------------ */
/* Pass 1: lines and units */

/* The end of the line starting at p: '\n', '\r\n' or a lone '\r'. The
 * next '\n' is remembered (*lf), so a page of lone CRs is not searched
 * to its end for every line; nothing is read ahead of what is asked. */
static const char *line_end(const char *p, const char *end, const char **lf, const char **next)
{
	if (!*lf || *lf < p)
		*lf = memchr(p, '\n', (size_t)(end - p));
	if (!*lf)
		*lf = end;
	const char *nl = *lf;
	const char *cr = memchr(p, '\r', (size_t)(nl - p));
	if (cr) {
		*next = (cr + 1 < end && cr[1] == '\n') ? cr + 2 : cr + 1;
		return cr;
	}
	*next = nl < end ? nl + 1 : end;
	return nl;
}

/* Display columns of a line, estimated from its bytes: what matters is
 * comparing lines of one page with each other. */
static unsigned line_columns(const char *s, size_t len)
{
	unsigned cols = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80)
			cols++;
		else if (c >= 0xC0)
			cols += c >= 0xE0 ? 2 : 1;
	}
	return cols;
}

static bool leading_indent(const char *s, const char *end)
{
	if (end - s >= 2 && s[0] == ' ' && s[1] == ' ')
		return true;
	if (end - s >= 1 && s[0] == '\t')
		return true;
	return first_cp(s, end) == 0x3000;
}

/* Reads the non-blank lines of a page one at a time. */
static void line_reader_init(line_reader *lr, const char *text, size_t len)
{
	lr->p = text;
	lr->end = text + len;
	lr->lf = NULL;
	lr->lineno = 0;
	lr->spacing = 0;
	lr->halve = false;
	lr->margin = 0;
}

/* The next non-blank line, trimmed, with the blank lines before it. */
/* "&nbsp;&nbsp;&nbsp;&nbsp;本报讯…": a page copied out of a web page's
 * source indents with HTML's entities of a space, markup and no text:
 * they are skipped as spaces are (each one column) and counted in *n. */
static const char *skip_space_entities(const char *s, const char *end, unsigned *n)
{
	static const char *const entities[] = { "&nbsp;", "&#160;", "&ensp;", "&emsp;", "&#12288;" };
	while (s < end && *s == '&') {
		size_t k = 0;
		for (size_t i = 0; i < sizeof entities / sizeof *entities && !k; i++) {
			size_t l = strlen(entities[i]);
			if ((size_t)(end - s) >= l && memcmp(s, entities[i], l) == 0)
				k = l;
		}
		if (!k)
			return s;
		(*n)++;
		s = text_skip_space(s + k, end);
	}
	return s;
}

static bool next_line(line_reader *lr, raw_line *out)
{
	uint32_t gap = 0;
	while (lr->p < lr->end) {
		const char *next;
		const char *e = line_end(lr->p, lr->end, &lr->lf, &next);
		const char *s = text_skip_space(lr->p, e);
		unsigned entities = 0;
		const char *after = skip_space_entities(s, e, &entities);
		const char *blank_end = s;      /* (the spaces, without the entities) */
		s = after;
		const char *t = text_trim_end(s, e);
		bool indented = leading_indent(lr->p, e) || entities > 0;
		const char *line_start = lr->p;
		lr->p = next;
		lr->lineno++;
		if (s == t) {
			gap++;
			continue;
		}
		out->s = s;
		out->len = (uint32_t)(t - s);
		/* the page's own spacing taken out (profile_blank_rhythm) */
		gap = gap > lr->spacing ? gap - lr->spacing : 0;
		if (lr->halve)
			gap = (gap + 1) / 2;
		out->gap = gap;
		out->line = lr->lineno;
		unsigned ind = line_columns(line_start, (size_t)(blank_end - line_start)) + entities;
		if (lr->margin) {
			/* (a line set out of the margin, a title, is no indented one) */
			ind = ind > lr->margin ? ind - lr->margin : 0;
			indented = ind >= 2;
		}
		out->indent = (uint16_t)(ind > 0xFFFF ? 0xFFFF : ind);
		out->indented = indented;
		unsigned ind_chars = 0;
		for (const char *q = line_start; q < s && ind_chars < 255; q++)
			ind_chars += ((unsigned char)*q & 0xC0) != 0x80;
		out->indent_chars = (uint8_t)ind_chars;
		return true;
	}
	return false;
}


/* Running headers and footers are read in pattern.c. */
typedef pattern_header header_match;
#define HF_DATE PATTERN_HF_DATE

static bool is_running_header(const char *s, size_t len, header_match *hm)
{
	return pattern_is_running_header(s, len, hm);
}

static void match_header(const char *s, size_t len, header_match *hm)
{
	pattern_match_header(s, len, hm);
}

static bool is_paper_name(const char *p, const char *end, int chars)
{
	return pattern_is_paper_name(p, end, chars);
}

/* Columns of a line, capped: 1200 bytes are over 400 columns whatever
 * the script, and no wrap width is wider. The indent counts: a
 * hard-wrapped paragraph's first line is as wide as the others. */
static unsigned capped_columns(const raw_line *l)
{
	return l->len > 1200 ? 4000 : l->indent + line_columns(l->s, l->len);
}

/* The same, and in `cells` the line's width with every character two
 * columns wide (a figure, a letter or a space of the indent as wide as
 * a Han character). */
static unsigned capped_columns_cells(const raw_line *l, unsigned *cells)
{
	if (l->len > 1200) {
		*cells = 4000;
		return 4000;
	}
	unsigned cols = 0, narrow = 0;
	for (size_t i = 0; i < l->len; i++) {
		unsigned char c = (unsigned char)l->s[i];
		if (c < 0x80) {
			cols++;
			narrow++;
		} else if (c >= 0xC0) {
			cols += c >= 0xE0 ? 2 : 1;
			narrow += c < 0xE0;
		}
	}
	*cells = 2 * l->indent_chars + cols + narrow;
	return l->indent + cols;
}

/* Characters narrower than a Han character (figures, letters, Latin
 * punctuation): a page that wraps at a count of characters sets one in
 * a Han character's place. */
static unsigned narrow_chars(const char *s, size_t len)
{
	unsigned n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		n += c < 0x80 || (c >= 0xC0 && c < 0xE0);
	}
	return n;
}


/* Measures the page: the wrap width of a hard-wrapped page is the most
 * common width among the long lines of its start, when most of them
 * have it (give or take two columns for punctuation); the indent and
 * blank-line rhythm are the share of lines that have them. */
/* A line that may be a running line printed again further down the
 * page: short, no sentence end, with a figure or a date or page word
 * (the date, the page, the issue change from page to page, the words do
 * not). Returns its hash with figures and spaces masked, or 0. */
static uint32_t running_line_hash(const char *s, size_t len)
{
	if (len < 8 || len > 160)
		return 0;
	const char *end = s + len;
	uint32_t last = last_cp(s, end, NULL);
	if (is_sentence_end(last) || is_clause_end(last))
		return 0;
	uint32_t h = 2166136261u;
	bool figure = false;
	unsigned chars = 0;
	for (const char *p = s; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (text_is_space(cp))
			continue;
		chars++;
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) {
			cp = '0';
			figure = true;
		} else if (cp == 0x5E74 || cp == 0x7248 || cp == 0x671F) {
			figure = true;      /* 年, 版, 期 */
		}
		h = (h ^ cp) * 16777619u;
	}
	if (!figure || chars < 4 || chars > TITLE_MAX_CHARS)
		return 0;
	return h ? h : 1;
}

/* A figure in the line, by its bytes: an ASCII or full-width digit (EF BC
 * 90..99), 年 (E5 B9 B4), 版 (E7 89 88) or 期 (E6 9C 9F). */
/* Five Latin letters in a row somewhere (a word, a name in letters). */
static bool has_latin_bytes(const char *s, size_t len)
{
	int run = 0;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[k] | 0x20;
		run = c >= 'a' && c <= 'z' ? run + 1 : 0;
		if (run == 5)
			return true;
	}
	return false;
}

static bool has_figure_bytes(const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s;
	size_t i = 0;
#ifdef __SSE2__
	/* 16 places at a time: a digit, or the three bytes of one of the
	 * words (loads at +1 and +2 for their second and third bytes) */
	for (; i + 18 <= len; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(b + i + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(b + i + 2));
		__m128i hit = _mm_and_si128(_mm_cmpgt_epi8(v0, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v0, _mm_set1_epi8('9' + 1)));
#define FIGURE_WORD(x, y, z) _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)(x))), \
	_mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)(y))), _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)(z)))))
		hit = _mm_or_si128(hit, FIGURE_WORD(0xE5, 0xB9, 0xB4));
		hit = _mm_or_si128(hit, FIGURE_WORD(0xE7, 0x89, 0x88));
		hit = _mm_or_si128(hit, FIGURE_WORD(0xE6, 0x9C, 0x9F));
#undef FIGURE_WORD
		/* EF BC 90..99: as signed bytes, 90..99 lie between 8F and 9A */
		__m128i fw = _mm_and_si128(_mm_cmpgt_epi8(v2, _mm_set1_epi8((char)0x8F)), _mm_cmplt_epi8(v2, _mm_set1_epi8((char)0x9A)));
		fw = _mm_and_si128(fw, _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xEF)),
						     _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBC))));
		if (_mm_movemask_epi8(_mm_or_si128(hit, fw)))
			return true;
	}
#endif
	for (; i < len; i++) {
		unsigned char c = b[i];
		if (c >= '0' && c <= '9')
			return true;
		if (i + 2 < len && c >= 0xE5 &&
		    ((c == 0xEF && b[i + 1] == 0xBC && b[i + 2] >= 0x90 && b[i + 2] <= 0x99) ||
		     (c == 0xE5 && b[i + 1] == 0xB9 && b[i + 2] == 0xB4) || (c == 0xE7 && b[i + 1] == 0x89 && b[i + 2] == 0x88) ||
		     (c == 0xE6 && b[i + 1] == 0x9C && b[i + 2] == 0x9F)))
			return true;
	}
	return false;
}

/* Whether the hash is one of the page's recurring running lines: 0 no,
 * 1 yes, 2 yes and first printed at the top of the page. */
static int profile_repeated(const profile *pf, uint32_t h)
{
	for (unsigned k = 0; k < pf->nrepeated; k++)
		if (pf->repeated[k] == h)
			return pf->repeated_top[k] ? 2 : 1;
	return 0;
}

/* A markdown title numbered as an item of a digest: "1.", "01", "①",
 * "❶", "一、" opening it. */
static bool md_item_number(const char *s, const char *end)
{
	uint32_t cp = first_cp(s, end);
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0x2460 && cp <= 0x2473) ||
	    (cp >= 0x2776 && cp <= 0x277F))
		return true;
	static const uint32_t numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };
	for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
		if (cp == numerals[k])
			return end - s > 3 && (has_prefix(s + 3, (size_t)(end - s - 3), "、") ||
					       has_prefix(s + 3, (size_t)(end - s - 3), "､"));
	return false;
}

/* A PDF's export set in proportional type (digits and Latin narrower
 * than a Han character, punctuation squeezed) wraps its lines at one
 * width that its text measures only roughly: the lines of a paragraph
 * end anywhere in the last sixth of the width. Such a page is
 * hard-wrapped at W when two thirds of its long lines end in the band
 * [W - W/6, W], few are wider, and most of those in the band end no
 * sentence (a page of a paragraph a line ends its lines with one). */
static void profile_loose_wrap(profile *pf, const unsigned *hist, const unsigned *open_hist,
			       unsigned minw, unsigned maxw, size_t longs)
{
	enum { LOOSE_MIN_LINES = 8 };
	if (longs < LOOSE_MIN_LINES)
		return;
	unsigned best = 0, best_count = 0, best_open = 0;
	unsigned band = 0, band_open = 0, lo = minw;
	for (unsigned w = minw; w <= maxw; w++) {
		band += hist[w];
		band_open += open_hist[w];
		while (lo < w - w / 6) {
			band -= hist[lo];
			band_open -= open_hist[lo];
			lo++;
		}
		if (band > best_count) {
			best_count = band;
			best_open = band_open;
			best = w;
		}
	}
	size_t wider = 0;
	for (unsigned w = best + 1; w <= maxw; w++)
		wider += hist[w];
	if (best_count * 3 >= longs * 2 && best_count >= LOOSE_MIN_LINES && wider * 8 <= longs &&
	    best_open * 3 >= best_count * 2) {
		pf->wrap = best;
		pf->wrap_slack = best / 6;
	}
}

/* Whether a short line holds a comma or a sentence end before its last
 * character: a wrap cuts prose anywhere, so its lines do; verse and
 * titles set line by line mostly do not. */
static bool inner_punctuation(const char *s, size_t len)
{
	const char *end = s + len, *at = end;
	last_cp(s, end, &at);
	for (const char *p = s; p < at;) {
		uint32_t c;
		p += text_decode(p, at, &c);
		if (c == 0xFF0C || c == 0x3001 || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF1F || c == 0xFF01 ||
		    c == ',' || c == ';' || c == 0xFF61 || c == 0xFF64)   /* OCR's half-width ,;｡､ */
			return true;
	}
	return false;
}

/* A commuter paper or a narrow column wraps its lines at 10 to 14 Han
 * characters, as short as a headline: the width is taken only when the
 * lines of the page are nearly all of it. W (20..27 columns, the most
 * common width) is the wrap when two thirds of the lines of 16 columns
 * or more lie in [W-2, W+2], at most one in ten is wider, half of those
 * in the band end no sentence (a list of short items each ends one) and
 * a third hold punctuation inside (verse set line by line does not). */
enum { NARROW_WRAP_FROM = 16, NARROW_OVER_WIDE = 5 };
enum { INDENT_DROP = 4 };   /* "　　": the indent an extraction may drop (profile_dropped_indent) */
enum { PARA_INDENT_COLS = 4 };      /* "　　": a paragraph's indent in columns */
static void profile_narrow_wrap(profile *pf, const unsigned *hist, const unsigned *open_hist,
				const unsigned *inner_hist, unsigned minw)
{
	enum { NARROW_FROM = NARROW_WRAP_FROM, NARROW_MIN = 20, NARROW_MIN_LINES = 12 };
	unsigned total = 0;
	for (unsigned w = NARROW_FROM; w < minw; w++)
		total += hist[w];
	unsigned wider_all = open_hist[0];      /* lines of minw columns or more */
	total += wider_all;
	/* the most common width, and the lines around it */
	unsigned best = 0, mode = 0;
	for (unsigned w = NARROW_MIN; w < minw; w++)
		if (hist[w] > mode) {
			mode = hist[w];
			best = w;
		}
	unsigned best_count = 0, best_open = 0, best_inner = 0;
	for (unsigned v = best - 2; mode && v <= best + 2 && v < minw; v++) {
		best_count += hist[v];
		best_open += open_hist[v];
		best_inner += inner_hist[v];
	}
	if (!mode || best_count < NARROW_MIN_LINES)
		return;
	unsigned wider = wider_all;
	for (unsigned w = best + 3; w < minw; w++)
		wider += hist[w];
	/* (the first lines of paragraphs whose indent the extraction
	 * dropped, a "　　" short, are the wrap's lines too) */
	unsigned dropped = best >= NARROW_FROM + INDENT_DROP ? hist[best - INDENT_DROP] : 0;
	if ((best_count + dropped) * 3 >= total * 2 && wider * 10 <= total && best_open * 2 >= best_count &&
	    best_inner * 3 >= best_count) {
		pf->wrap = best;
		pf->wrap_slack = 3;
	}
}

/* A long line that ends no sentence and runs on into the next one, and
 * its width in columns (its characters are counted only on a page found
 * hard-wrapped). */
typedef struct narrowed_line {
	const char *s;
	uint32_t len;
	uint16_t cols;
} narrowed_line;

/* A page wraps its lines at a count of characters, a figure taking a
 * Han character's place ("年7月的那场洪水中，它协助12艘驳船" as full as
 * a line of Han characters), when two of its lines that run on are
 * short in columns and full in characters, three to one against lines
 * that run on wider in characters than the wrap (a page wrapped by
 * columns sets more figures on a full line). */
static void profile_char_wrap(profile *pf, const narrowed_line *nl, unsigned n)
{
	unsigned w = pf->wrap, slack = pf->wrap_slack;
	if (!w || slack > 3)
		return;         /* a loose wrap measures its lines only roughly */
	unsigned full = 0, over = 0;
	for (unsigned k = 0; k < n; k++) {
		if (nl[k].cols > w + 1)
			continue;
		unsigned cells = nl[k].cols + narrow_chars(nl[k].s, nl[k].len);
		if (cells > w + 1)
			over++;
		else
			full += nl[k].cols + slack < w && cells + slack >= w;
	}
	pf->wrap_chars = full >= 2 && full >= over * 3;
}

/* A short line of the profile's sample (titles, bylines, last lines)
 * and the width of the line right above it, in columns and in
 * characters (0 after a blank line). */
typedef struct short_line {
	uint16_t cols, above, above_chars;
	bool indented;
} short_line;

/* Whether every short line is set in as far as the paragraphs, counted
 * again on a page found hard-wrapped: only the lines short of the wrap
 * and not under a full line count, as a title, a byline and a
 * paragraph's first line stand (a wrapped paragraph's next lines are set
 * at the margin whatever its first line's indent). */
static void profile_wrapped_shorts(profile *pf, const short_line *sl, unsigned n)
{
	unsigned w = pf->wrap, slack = pf->wrap_slack, shorts = 0, indented = 0;
	for (unsigned k = 0; k < n; k++) {
		unsigned above = pf->wrap_chars ? sl[k].above_chars : sl[k].above;
		if (sl[k].cols + slack >= w || above + slack >= w)
			continue;
		shorts++;
		indented += sl[k].indented;
	}
	pf->shorts = shorts;
	pf->shorts_indented = indented;
	pf->indent_all = pf->indents && shorts >= 4 && indented * 10 >= shorts * 9;
}

/* "…茶早就凉了，", "…可以放心了。”": a line ending with a full-width
 * mark (a closing quote or bracket after it), which a wrap may hang past
 * the measure. */
static bool hangs_mark(const char *s, size_t len)
{
	const char *at = s + len;
	uint32_t cp = last_cp(s, at, &at);
	while ((cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x300B) && at > s)
		cp = last_cp(s, at, &at);
	return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 || cp == 0xFF1F;
}

/* The wrap width of a page set in columns of 14 characters or more: the
 * most common width of its long lines, when half of them have it (give or
 * take a column); the caller tries the widths in columns, then in
 * characters, then a loose wrap (profile_loose_wrap). With `peak`, for a
 * page of short paragraphs that wraps few of its lines: a third of them
 * at that width, nearly all cut in a sentence, next to none wider. */
static unsigned profile_wide_wrap(profile *pf, const unsigned *hist, const unsigned *open_hist,
				  unsigned minw, unsigned maxw, size_t longs, bool peak)
{
	pf->wrap = 0;
	if (longs < 6)
		return 0;
	unsigned best = 0, best_count = 0, best_open = 0;
	for (unsigned w = minw; w <= maxw; w++) {
		unsigned c = hist[w] + hist[w - 1] + (w < maxw ? hist[w + 1] : 0);
		if (c > best_count) {
			best_count = c;
			best_open = open_hist[w] + open_hist[w - 1] + (w < maxw ? open_hist[w + 1] : 0);
			best = w;
		}
	}
	/* the widest common width is the wrap width */
	while (best < maxw && hist[best + 1] * 4 >= hist[best] && hist[best + 1])
		best++;
	/* lines of one width that all end a sentence are paragraphs of a
	 * line each (a list of items, verses): a wrap cuts sentences */
	pf->wrap = !peak && best_count * 2 >= longs && best_open * 3 >= best_count ? best : 0;
	pf->wrap_slack = 3;
	/* (set apart by blank lines, a paragraph's last line may fill the
	 * row: a wrap then ends a sentence now and then at its width) */
	bool cut_enough = pf->blank_rhythm ? best_open * 4 >= best_count * 3 : best_open * 10 >= best_count * 9;
	if (peak && best_count >= 6 && best_count * 3 >= longs && cut_enough) {
		/* a page of short paragraphs wraps few lines: a third of its
		 * long lines of one width, nearly all of them cut in a
		 * sentence, and next to none wider (a page of a paragraph a
		 * line sets most of its paragraphs wider than any row) */
		size_t wider = 0;
		for (unsigned w = best + 2; w <= maxw; w++)
			wider += hist[w];
		if (wider * 8 <= longs)
			pf->wrap = best;
	}
	return best_count;
}

/* A page that lists its own titles before printing them ("【本期要目】"
 * or "本版新闻列表" over "●X" / "●Y", the stories X and Y under it): the
 * list is the page's chrome, not a deck nor a story. Read in the profile's
 * pass: the first TITLE_LIST_TOP lines that may be titles are kept, and a
 * later line of the same words (marks and spaces aside) is their print. */
enum { TITLE_LIST_TOP = 30, TITLE_LIST_MIN_CHARS = 4, TITLE_LIST_MAX_CHARS = 40, TITLE_LIST_LABEL_MAX = 6 };
typedef struct title_list {
	struct {
		uint32_t hash, line, gap, printed;  /* printed: the line of its first print, 0: none */
		unsigned chars;
		unsigned number;        /* "5.侨胞信箱：X": its number in the list, 0: none */
	} top[TITLE_LIST_TOP];
	unsigned n;
	uint64_t keys;          /* a bit for the first character of each title kept */
	unsigned tight_gap;     /* blank lines between two lines set tight: 1 where a blank follows every paragraph */
} title_list;

/* The mark an item of a list may open with (●, ■, ·, •, -, *). */
static bool list_mark(uint32_t cp)
{
	return cp == 0x25CF || cp == 0x25A0 || cp == 0x25A1 || cp == 0x25C6 || cp == 0x25C7 || cp == 0x25CB ||
	       cp == 0x25CE || cp == 0x2605 || cp == 0x2606 || cp == 0x25B2 || cp == 0xB7 || cp == 0x2022 ||
	       cp == 0x30FB || cp == '-' || cp == '*';
}

/* Past the list's mark or item number opening a line: "●", "1.", "2．",
 * "3、", "01　", "【01】", "①" ("1.段召开…" under 【本期要目】 lists the
 * story "段召开…"). */
static const char *title_list_item(const char *s, const char *end)
{
	uint32_t cp;
	int k = text_decode(s, end, &cp);
	if (list_mark(cp) || (cp >= 0x2460 && cp <= 0x2473)) {
		/* ("*[12]入管厅…": a console browser's link number after it) */
		const char *t = s + k, *u = text_skip_space(t, end);
		if (u < end && *u == '[') {
			t = u;
			const char *q = t + 1;
			while (q < end && q - t <= 4 && *q >= '0' && *q <= '9')
				q++;
			if (q > t + 1 && q < end && *q == ']')
				return q + 1;
		}
		return t;
	}
	/* "【01】" numbering the print of an item listed "01　…" */
	bool bracket = cp == 0x3010 || cp == '[';
	const char *p = bracket ? s + k : s, *number = p;
	for (int digits = 0; p < end && digits < 3; digits++) {
		k = text_decode(p, end, &cp);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)))
			break;
		p += k;
	}
	if (p == number || p >= end)
		return s;
	k = text_decode(p, end, &cp);
	if (bracket)
		return cp == 0x3011 || cp == ']' ? p + k : s;
	/* "01　港口…": a number set apart by a space (a newsletter's list) */
	return cp == '.' || cp == 0xFF0E || cp == 0x3001 || cp == 0xFF64 || cp == 0x3000 || cp == ' ' ? p + k : s;
}

/* The hash of a line that may be a title (its words without the list's
 * mark or number and spaces, TITLE_LIST_MIN_CHARS to TITLE_LIST_MAX_CHARS
 * of them, no full stop), else 0. */
static uint32_t title_words_hash(const char *s, size_t len)
{
	if (len > TITLE_LIST_MAX_CHARS * 4 || len < TITLE_LIST_MIN_CHARS)
		return 0;
	const char *end = s + len;
	const char *p = title_list_item(s, end);
	/* bytes, not characters: this runs on every line the profile reads */
	uint32_t h = 2166136261u;
	unsigned chars = 0;
	const unsigned char *last = NULL;
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t')
			continue;
		if (c == 0xE3 && end - p >= 3 && (unsigned char)p[1] == 0x80) {
			if ((unsigned char)p[2] == 0x80) {
				p += 2;         /* U+3000 */
				continue;
			}
			if ((unsigned char)p[2] == 0x82)
				return 0;       /* 。: a sentence */
		}
		if (c == 0xEF && end - p >= 3 && (unsigned char)p[1] == 0xBD && (unsigned char)p[2] == 0xA1)
			return 0;       /* ｡, OCR's half-width 。 */
		chars += (c & 0xC0) != 0x80;
		last = (const unsigned char *)p;
		h = (h ^ c) * 16777619u;
	}
	if (chars < TITLE_LIST_MIN_CHARS || chars > TITLE_LIST_MAX_CHARS || !last)
		return 0;
	return h ? h : 1;
}

/* A bit for the first character after the list's mark or number and spaces: a
 * line whose bit no title kept has is no print of theirs (and is not
 * hashed: this runs on every line the profile reads). */
static uint64_t title_key(const char *s, size_t len)
{
	const char *end = s + len;
	const char *p = text_skip_space(title_list_item(s, end), end);
	if (end - p < 3)
		return 0;
	return (uint64_t)1 << (((unsigned char)p[0] * 31u + (unsigned char)p[1] * 7u + (unsigned char)p[2]) & 63);
}

/* "5.X", "12、X": an item's number in its list (ASCII digits and a
 * stop), 0: none. */
static unsigned list_number_of(const char *s, size_t len)
{
	unsigned n = 0;
	size_t k = 0;
	while (k < len && k < 3 && s[k] >= '0' && s[k] <= '9')
		n = n * 10 + (unsigned)(s[k++] - '0');
	if (!k || k >= len)
		return 0;
	return s[k] == '.' || has_prefix(s + k, len - k, "、") || has_prefix(s + k, len - k, "．") ? n : 0;
}

static void title_list_line(title_list *tl, const raw_line *l)
{
	if (l->len > TITLE_LIST_MAX_CHARS * 4 || l->len < TITLE_LIST_MIN_CHARS)
		return;     /* (a line too long or short keeps no place in the list's block either) */
	uint64_t key = title_key(l->s, l->len);
	if (tl->n == TITLE_LIST_TOP && !(tl->keys & key))
		return;
	uint32_t h = title_words_hash(l->s, l->len);
	for (unsigned k = 0; h && k < tl->n; k++)
		if (tl->top[k].hash == h && !tl->top[k].printed && l->line > tl->top[k].line)
			tl->top[k].printed = l->line;
	if (tl->n < TITLE_LIST_TOP) {
		tl->top[tl->n].hash = h;
		tl->top[tl->n].line = l->line;
		tl->top[tl->n].gap = l->gap;
		tl->top[tl->n].printed = 0;
		tl->top[tl->n].chars = count_chars(l->s, l->len, TITLE_LIST_MAX_CHARS + 1);
		tl->top[tl->n].number = list_number_of(l->s, l->len);
		tl->keys |= h ? key : 0;
		tl->n++;
	}
}

/* "下一篇：大山脚华小乐龄班开课": a site's link to the next story names
 * its title; the line printing those words further down is that title
 * (listed, as the titles of a page's list are). */
enum { NEXT_TITLES_MAX = 16 };
typedef struct next_titles {
	uint32_t hash[NEXT_TITLES_MAX];
	char lead[NEXT_TITLES_MAX][3];  /* the title's first three bytes: a look before hashing a line */
	unsigned n;
} next_titles;

static void next_title_line(next_titles *nt, profile *pf, const raw_line *l)
{
	static const char *const links[] = { "下一篇：", "下一篇:", "下一條：", "下一条：" };
	for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
		size_t n = strlen(links[k]);
		if (l->len > n && memcmp(l->s, links[k], n) == 0) {
			uint32_t h = title_words_hash(l->s + n, l->len - n);
			const char *t = text_skip_space(l->s + n, l->s + l->len);
			if (h && nt->n < NEXT_TITLES_MAX && l->s + l->len - t >= 3) {
				memcpy(nt->lead[nt->n], t, 3);
				nt->hash[nt->n++] = h;
			}
			return;
		}
	}
	if (!nt->n || pf->nlisted >= LISTED_MAX || l->len < 3)
		return;     /* (most pages link to no next story: nothing hashed) */
	for (unsigned k = 0; k < nt->n; k++)
		if (memcmp(nt->lead[k], l->s, 3) == 0 && nt->hash[k] == title_words_hash(l->s, l->len)) {
			pf->listed[pf->nlisted++] = l->line;
			nt->hash[k] = nt->hash[nt->n - 1];
			memcpy(nt->lead[k], nt->lead[nt->n - 1], 3);
			nt->n--;
			return;
		}
}

/* Whether top line k is set tight under line k - 1 (on a page that sets
 * a blank after every paragraph, a blank apart: the list's lines are
 * paragraphs there). */
static bool title_list_tight(const title_list *tl, unsigned k)
{
	return tl->top[k].gap <= tl->tight_gap && tl->top[k].line == tl->top[k - 1].line + 1 + tl->top[k].gap;
}

/* The list from its title at b: the tight lines down to the last title
 * printed below it (a line between two titles may be printed nowhere,
 * 会员论坛：X for the title X), two titles or more, each print after the
 * one before and apart from it (a story between: a deck printed twice
 * has its lines side by side). Its last line, or 0. */
static unsigned title_list_from(const title_list *tl, unsigned b)
{
	unsigned last = b, titles = 1;
	for (unsigned k = b + 1; k < tl->n && title_list_tight(tl, k); k++) {
		if (!tl->top[k].printed) {
			if (k + 1 < tl->n && tl->top[k + 1].printed && title_list_tight(tl, k + 1))
				continue;
			break;
		}
		last = k;
		titles++;
	}
	/* (and the items numbered on from the last title printed, printed
	 * otherwise: "5.侨胞信箱：X" for X under its column's label) */
	while (last + 1 < tl->n && tl->top[last].number && tl->top[last + 1].number == tl->top[last].number + 1 &&
	       title_list_tight(tl, last + 1) && !tl->top[last + 1].printed)
		last++;
	uint32_t prev = 0;
	for (unsigned k = b; k <= last; k++) {
		if (!tl->top[k].printed)
			continue;
		if (tl->top[k].printed <= tl->top[last].line || tl->top[k].printed < prev + 2)
			return 0;
		prev = tl->top[k].printed;
	}
	return titles >= 2 ? last : 0;
}

/* The first list of titles at the top: its lines, and the label tight
 * over them, are the page's. */
static void title_list_end(const title_list *tl, profile *pf)
{
	for (unsigned b = 0; b < tl->n; b++) {
		unsigned last = tl->top[b].printed ? title_list_from(tl, b) : 0;
		if (!last)
			continue;
		unsigned first = b;
		if (first > 0 && title_list_tight(tl, first) && tl->top[first - 1].hash && !tl->top[first - 1].printed)
			first--;        /* its label: 本期目录 */
		/* (or a title the page prints otherwise, "对话｜X" for X under
		 * its label, and the list's label over it: 本版新闻) */
		if (first > 0 && first + 1 == b && title_list_tight(tl, first) && tl->top[first - 1].hash &&
		    !tl->top[first - 1].printed && tl->top[first - 1].chars <= TITLE_LIST_LABEL_MAX)
			first--;
		pf->title_list_first = tl->top[first].line;
		pf->title_list_last = tl->top[last].line;
		for (unsigned k = b; k <= last && pf->nlisted < LISTED_MAX; k++)
			if (tl->top[k].printed)
				pf->listed[pf->nlisted++] = tl->top[k].printed;
		return;
	}
}

static bool raw_ends_sentence(const char *s, size_t len);

/* A line closed by its signer in brackets: "…说。（张三）", or the
 * brackets alone on their line under the text ("（溪口镇人民政府供稿）"). */
static bool bracket_signed_line(const char *s, size_t len)
{
	size_t pa, ns, ne;
	if (pattern_match_trailing_byline(s, len, &pa, &ns, &ne))
		return true;
	const char *t = text_skip_space(s, s + len), *end = text_trim_end(t, s + len);
	size_t op = has_prefix(t, (size_t)(end - t), "（") ? 3 : 0;
	size_t cl = end - t > 6 && (unsigned char)end[-1] == 0x89 && (unsigned char)end[-2] == 0xBC ? 3 : 0;
	if (!op || !cl || (size_t)(end - t) <= op + cl + 6)
		return false;
	const char *in = t + op, *in_end = end - cl;
	/* a supplier's line (市气象台供稿) signs in brackets as a writer does */
	return pattern_match_signature(in, (size_t)(in_end - in), NULL) ||
	       (in_end - in <= 60 && in_end - in > 6 && memcmp(in_end - 6, "供稿", 6) == 0);
}

static bool table_row(const char *s, size_t len);

/* What the first pass of the profile saw of the page's gaps. */
enum { RAW_GAPS = 8, RAW_OPEN_MAX = 256 };
typedef struct raw_rhythm {
	unsigned gaps[RAW_GAPS];        /* lines after g blank lines, the last slot counting more */
	unsigned longs;                 /* long lines (a body's) */
	unsigned full_open;             /* ... as wide as the body's nearly, that end no sentence nor
					 * bracket and are no row of a table: lines a wrap cut */
	narrowed_line open[RAW_OPEN_MAX];       /* the long lines after a blank that end no sentence nor bracket */
	unsigned nopen;
} raw_rhythm;

static void profile_pass(profile *pf, furniture *furn, const char *text, size_t len, raw_rhythm *raw);
enum { RULE_MAX_BYTES = 64 * 3 };
static bool is_rule(const char *s, size_t len);

/* The page's blank-line rhythm from the gaps before its sampled lines:
 * - a blank after every line, a wrapped one too (a PDF extraction that
 *   double-spaces the page): hardly a line follows another directly, and
 *   the lines are wrapped (the page has a wrap width, or a third of its
 *   long lines are as wide as the body's nearly and end no sentence: a
 *   paragraph a line ends one, and a page's own open lines, its items,
 *   headers and captions, are narrower than its paragraphs). One blank
 *   is then no gap, and a gap of k + 1 blank lines is one of k.
 * - every gap doubled (paragraph spacing exported as two line ends): the
 *   gaps are even, hardly one odd; or two blank lines at least before
 *   nearly every line (a paragraph a line, a blank after each line and
 *   one more between paragraphs). A gap of 2k or 2k - 1 is then one of k.
 * A blank after every paragraph, none, or only between stories are the
 * page's gaps as they are. */
static void profile_blank_rhythm(profile *pf, const raw_rhythm *raw)
{
	const unsigned *raw_gaps = raw->gaps;
	unsigned total = 0, odd = 0, even = 0;
	for (unsigned g = 0; g < RAW_GAPS; g++) {
		total += raw_gaps[g];
		if (g && g % 2)
			odd += raw_gaps[g];
		else if (g)
			even += raw_gaps[g];
	}
	if (total < 8)
		return;
	bool wrapped = pf->wrap || (raw->full_open >= 4 && raw->full_open * 3 >= raw->longs);
	if (wrapped && raw_gaps[0] * 20 <= total)
		pf->line_spacing = 1;
	else if ((even >= 3 && odd * 10 <= even) || (raw_gaps[0] + raw_gaps[1]) * 20 <= total)
		pf->gaps_doubled = true;
}

/* A line's width against the wrap as the profile measures it. */
static unsigned wrap_width(const profile *pf, const raw_line *l);

/* A hard-wrapped page that sets no indent, whose paragraphs' first lines
 * stop INDENT_DROP columns short of the full lines (the width of "　　")
 * when every other line of a paragraph runs full: the print indented its
 * paragraphs and the extraction dropped the indent, leaving the first
 * line short by it. Read on the lines that open under a paragraph's last
 * line (a finished sentence short of the width) and run on unfinished:
 * three or more short by the indent against the most common width of the
 * lines that run on, twice as many as open full. */
enum { DROPPED_MIN = 3, DROPPED_LINES = 1000 };
static bool dropped_width(const profile *pf, unsigned w)
{
	return w + INDENT_DROP + 1 >= pf->run_cols && w + INDENT_DROP <= (pf->wrap > pf->run_cols ? pf->wrap : pf->run_cols) + 1 &&
	       w + 1 < pf->run_cols;
}

static bool raw_ends_sentence(const char *s, size_t len);

static bool line_mark(const char *s, size_t len);
static void profile_dropped_indent(profile *pf, const char *text, size_t len)
{
	if (!pf->wrap || pf->indents || pf->wrap < 20)
		return;
	struct {
		uint16_t cols;
		bool gap, ends, marked;
	} ln[DROPPED_LINES];
	unsigned n = 0;
	unsigned hist[128] = { 0 };
	line_reader lr;
	line_reader_init(&lr, text, len);
	lr.margin = pf->margin;
	raw_line l;
	while (n < DROPPED_LINES && next_line(&lr, &l)) {
		unsigned w = wrap_width(pf, &l);
		ln[n].cols = (uint16_t)(w < 0xFFFF ? w : 0xFFFF);
		ln[n].gap = l.gap != 0;
		ln[n].ends = raw_ends_sentence(l.s, l.len);
		ln[n].marked = line_mark(l.s, l.len);
		/* the width of a line that runs on into the next, unfinished */
		if (n && !ln[n].gap && !ln[n - 1].ends && ln[n - 1].cols < 128)
			hist[ln[n - 1].cols]++;
		n++;
	}
	unsigned mode = 0;
	for (unsigned w = 1; w < 128; w++)
		if (hist[w] > hist[mode])
			mode = w;
	if (mode + 3 < pf->wrap || mode > pf->wrap + 1)
		return;
	pf->run_cols = mode;
	unsigned dropped = 0, full = 0;
	for (unsigned k = 1; k + 1 < n; k++) {
		/* after a paragraph's last line: finished, short of the width */
		if (ln[k + 1].gap || !ln[k - 1].ends || (unsigned)ln[k - 1].cols + 1 >= mode || ln[k].ends)
			continue;
		/* (an item opening with its mark is set without an indent;
		 * a line far wider than the column is none of its lines) */
		if (ln[k].marked || ln[k].cols > pf->wrap + INDENT_DROP)
			continue;
		if ((unsigned)ln[k].cols + 1 >= mode)
			full++;
		else if (dropped_width(pf, ln[k].cols))
			dropped++;
	}
	if (dropped >= DROPPED_MIN && dropped >= 2 * full)
		pf->indent_dropped = INDENT_DROP;
}

/* Lines of a page copied out of a PDF viewer read for their widths:
 * this many at most. */
enum { LOCAL_WRAP_LINES = 400, LOCAL_WRAP_PAIRS_MIN = 10 };

/* A page copied out of a PDF viewer breaks every printed line, and each
 * column has its own measure (20, 16, 13 characters), so no one width
 * wins the profile's count. Its lines still come in runs of one width:
 * of the pairs of long lines set one under the other, half or more are
 * as wide as each other (two columns either way, as a line ending in a
 * closing mark hangs) with the upper one stopping inside a sentence,
 * marks inside it. A page of a paragraph a line has next to no such
 * pairs, nor has a poem (its lines carry no marks). */
static void profile_local_wrap(profile *pf, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	unsigned prev_cols = 0, pairs = 0, alike = 0;
	bool prev_open = false, prev_marked = false;
	for (unsigned n = 0; p < end && n < LOCAL_WRAP_LINES; n++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *t = text_trim_end(p, e);
		unsigned cols = line_columns(p, (size_t)(t - p));
		bool marked = t > p && inner_punctuation(p, (size_t)(t - p));
		if (cols >= 16 && prev_cols >= 20) {
			pairs++;
			/* (a verse's lines have no marks at all: no prose cut) */
			alike += prev_open && (prev_marked || marked) && cols + 2 >= prev_cols && cols <= prev_cols + 2;
		}
		prev_cols = cols;
		prev_marked = marked;
		prev_open = t > p && !raw_ends_sentence(p, (size_t)(t - p));
		p = nl ? nl + 1 : end;
	}
	if (pairs >= LOCAL_WRAP_PAIRS_MIN && alike * 2 >= pairs) {
		pf->local_wrap = true;
		pf->wrap_slack = 3;
	}
}

/* The indent most of the indented long lines have, when that is most
 * of them (PARA_INDENT_MAX + 1 counts, from indent_hist of profile_pass);
 * 0 when none stands out. */
enum { PARA_INDENTS_MIN = 4 };
static unsigned most_common_indent(const unsigned *hist)
{
	unsigned best = 0, total = 0;
	for (unsigned k = 1; k <= PARA_INDENT_MAX; k++) {
		total += hist[k];
		if (hist[k] > hist[best])
			best = k;
	}
	return hist[best] >= PARA_INDENTS_MIN && hist[best] * 2 > total ? best : 0;
}

/* Whether line l is indented as a paragraph's first line: set in no
 * farther than PARA_INDENT_MAX, and not a title centred in a narrow
 * column ("白银跟涨  光伏用银需求旺盛" in a column of 20 characters whose
 * paragraphs are set in by 4): set in farther than the page's own
 * indent and its jitter, with as much space left at its right. */
enum { INDENT_JITTER = 2, CENTRED_SLACK = 3 };
static bool paragraph_indent(const profile *pf, const raw_line *l)
{
	if (!l->indented || l->indent > PARA_INDENT_MAX)
		return false;
	unsigned width = pf->wrap ? pf->wrap : pf->body_cols;
	if (!pf->para_indent || l->indent <= pf->para_indent + INDENT_JITTER || !width)
		return true;
	unsigned right_end = l->indent + line_columns(l->s, l->len);
	if (right_end >= width)
		return true;
	unsigned left = l->indent, right = width - right_end;
	return left > right + CENTRED_SLACK || right > left + CENTRED_SLACK;
}

/* A paragraph's lines all set in: of the lines that run on under an
 * unfinished long line, nine in ten set in by two columns or more (a
 * page that marks its paragraphs with an indent sets the rest of a
 * paragraph at the margin; its first lines may be set in past it), the
 * margin the indent most of them have. */
enum { MARGIN_RUNS_MIN = 6, MARGIN_MAX = 16 };
static bool margin_found(const profile *pf)
{
	return !pf->margin && pf->runs >= MARGIN_RUNS_MIN && pf->runs_set_in * 10 >= pf->runs * 9 &&
	       pf->run_indent >= 2 && pf->run_indent <= MARGIN_MAX;
}

/* The roles of a feed's or a database record's fields (see feed_field). */
enum { FEED_OTHER = 1, FEED_TITLE, FEED_AUTHOR, FEED_OVER, FEED_SUB, FEED_CAPTION, FEED_VALUE_MAX = 300 };
static int record_field(const char *s, size_t len, size_t *value);
static bool bare_address(const char *s, size_t len);

/* "https://…" alone, or "链接：https://…": the link of a saved story or a
 * feed's item, under its title. */
static bool item_link(const char *s, size_t len)
{
	static const char *const labels[] = { "链接：", "鏈接：", "网址：", "網址：" };
	if (len && (s[0] == 'h' || s[0] == 'w'))
		return bare_address(s, len);
	for (size_t k = 0; len > 9 && k < sizeof labels / sizeof *labels; k++)
		if (memcmp(s, labels[k], 9) == 0)
			return bare_address(s + 9, len - 9);
	return false;
}

/* Counts a chat message's words (see chat_repeated). */
static void chat_count(profile *pf, const char *s, size_t len)
{
	uint64_t h = util_hash(s, len, 0);
	for (unsigned k = 0; k < pf->nchat_seen; k++)
		if (pf->chat_seen[k] == h) {
			pf->chat_times[k] += pf->chat_times[k] < UINT8_MAX;
			return;
		}
	if (pf->nchat_seen < CHAT_SEEN_MAX) {
		pf->chat_seen[pf->nchat_seen] = h;
		pf->chat_times[pf->nchat_seen++] = 1;
	}
}

/* "📰《塞纳华报》侨社新闻　2026年12月3日": words the chat sent more than
 * once, the poster's header over each story. */
static bool chat_repeated(const profile *pf, const char *s, size_t len)
{
	uint64_t h = util_hash(s, len, 0);
	for (unsigned k = 0; k < pf->nchat_seen; k++)
		if (pf->chat_seen[k] == h)
			return pf->chat_times[k] >= 2;
	return false;
}

static void profile_page(profile *pf, furniture *furn, const char *text, size_t len)
{
	raw_rhythm raw;
	memset(&raw, 0, sizeof raw);
	profile_pass(pf, furn, text, len, &raw);
	profile rhythm = { .line_spacing = 0 };
	rhythm.wrap = pf->wrap;
	profile_blank_rhythm(&rhythm, &raw);
	if (rhythm.line_spacing || rhythm.gaps_doubled) {
		/* measured again with the page's own spacing taken out of its gaps */
		memset(pf, 0, sizeof *pf);
		pf->line_spacing = rhythm.line_spacing;
		pf->gaps_doubled = rhythm.gaps_doubled;
		profile_pass(pf, furn, text, len, NULL);
	}
	if (margin_found(pf)) {
		/* measured again, afresh, with every line's margin taken out
		 * (the page's own spacing kept) */
		uint8_t margin = (uint8_t)pf->run_indent, spacing = pf->line_spacing;
		bool doubled = pf->gaps_doubled;
		memset(pf, 0, sizeof *pf);
		pf->line_spacing = spacing;
		pf->gaps_doubled = doubled;
		pf->margin = margin;
		profile_pass(pf, furn, text, len, NULL);
	}
	if (!pf->wrap && !pf->blank_rhythm && !pf->indents && !pf->line_spacing && !pf->gaps_doubled)
		profile_local_wrap(pf, text, len);
}

/* A markdown export's front matter: "---" as the page's first line,
 * then only "key: value" fields (and "- item" lines of a list), closed
 * by "---" within FRONT_MAX lines (title:, tags:, source:, created: of a
 * note taken from a paper). The note-taker's metadata, not the paper's
 * text: its lines go to the banners. */
enum { FRONT_MAX = 40 };
typedef struct front_matter {
	int state;              /* 0: not begun, 1: open, 2: over, 3: a mail's header */
	uint32_t first;
	unsigned fields;        /* the mail header's fields so far */
	bool who;               /* ... the sender's among them */
	bool toml;              /* fenced by +++ (Hugo's), its fields key = value */
} front_matter;

/* The length of "key" at s, an identifier of a front matter's field
 * (letters, figures, _ and -). */
static size_t field_key_len(const char *s, size_t len)
{
	size_t k = 0;
	while (k < len && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') ||
			   s[k] == '_' || s[k] == '-'))
		k++;
	return k;
}

/* "key = value": a field of TOML front matter (Hugo's, between +++). */
static bool toml_field(const char *s, size_t len)
{
	size_t k = field_key_len(s, len);
	while (k < len && s[k] == ' ')
		k++;
	return k > 0 && k < len && s[k] == '=';
}

static bool yaml_field(const char *s, size_t len)
{
	size_t k = 0;
	while (k < len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k + 1 < len && s[k] == '-' && s[k + 1] == ' ')
		return true;
	size_t key = k;
	k += field_key_len(s + k, len - k);
	return k > key && k < len && s[k] == ':' && (k + 1 == len || s[k + 1] == ' ');
}

/* "发件人: X <x@y>", "Subject: …": a field of an e-mail's header (the
 * names mail programs print, in English and Chinese, before a colon):
 * MAIL_WHO for the sender's, which only a mail has (时间：, 主题： open a
 * notice as well), MAIL_FIELD for another, else 0. */
enum { MAIL_FIELD = 1, MAIL_WHO = 2 };
static int mail_field(const char *s, size_t len)
{
	static const char *const names[] = {
		"from", "发件人", "寄件者", "寄件人", "发信人", "發信人",     /* MAIL_WHO */
		"subject", "主题", "主旨", "to", "cc", "date", "sent", "reply-to", "content-type",
		"content-transfer-encoding", "mime-version", "message-id", "收件人", "抄送", "日期", "发送时间", "时间",
		"收件者", "副本", "時間",
		/* a BBS's post: "发信人: X, 信区: Y" / "标  题: …" / "发信站: …" */
		"标题", "标  题", "標題", "標  題", "发信站", "發信站", "转信站", "轉信站",
	};
	enum { WHO_NAMES = 6 };
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		size_t n = strlen(names[k]);
		if (len > n && strncasecmp(s, names[k], n) == 0 &&
		    (s[n] == ':' || (len >= n + 3 && memcmp(s + n, "：", 3) == 0)))
			return k < WHO_NAMES ? MAIL_WHO : MAIL_FIELD;
	}
	return 0;
}

/* True when l belongs to the front matter (its fences too); fills the
 * profile's range once it is closed. A mail saved as text opens with its
 * header instead: fields to the first blank line (folded lines indented),
 * two or more, the sender's among them; the mail program's, not the
 * paper's. */
static bool front_matter_line(front_matter *fm, profile *pf, const raw_line *l, int n)
{
	bool toml = l->len == 3 && memcmp(l->s, "+++", 3) == 0;
	bool fence = toml || (l->len == 3 && memcmp(l->s, "---", 3) == 0);
	if (fm->state == 0) {
		fm->toml = n == 0 && toml;
		int mail = n == 0 && !fence ? mail_field(l->s, l->len) : 0;
		fm->state = n == 0 && fence ? 1 : mail ? 3 : 2;
		fm->first = l->line + (fm->state == 1);
		fm->fields = 1;
		fm->who = mail == MAIL_WHO;
		return fm->state != 2;
	}
	if (fm->state == 3) {
		if (l->gap && fm->fields >= 2 && fm->who) {
			pf->front_first = fm->first;
			pf->front_last = l->line - 1 - l->gap;
			fm->state = 2;
			return false;
		}
		/* (after the first, any field a program adds: X-Mailer:, Received:) */
		if (l->gap || n > FRONT_MAX || !(mail_field(l->s, l->len) || yaml_field(l->s, l->len) || l->indented))
			fm->state = 2;
		fm->fields += fm->state == 3;
		fm->who |= fm->state == 3 && mail_field(l->s, l->len) == MAIL_WHO;
		return fm->state == 3;
	}
	if (fm->state != 1)
		return false;
	if (fence && l->line > fm->first) {
		fm->state = 2;
		/* (+++ is no rule: its fences go to the banners with it) */
		pf->front_first = fm->first - fm->toml;
		pf->front_last = l->line - !fm->toml;
		return true;
	}
	if (l->gap || n > FRONT_MAX || !(fm->toml ? toml_field(l->s, l->len) : yaml_field(l->s, l->len)))
		fm->state = 2;  /* (what was read stays counted as text: no harm) */
	return fm->state == 1;
}

/* "品名" / "冷轧板" / "电解铜" then, a blank line apart, "价格" /
 * "4560" / "76320", then "周涨跌" / "-30" / "+650": a table that the
 * extraction read a column at a time, a cell a line. Blocks of short
 * lines (no sentence, no comma) between blank lines, as many lines in
 * each, two blocks or more in a row, one of them a heading over figures
 * only: the lines of the run are the table's cells, no titles. (A poem's
 * stanzas are as regular, but have no column of figures.) */
enum { CELL_MAX_BYTES = 48, CELL_BLOCK_MIN = 3 };
typedef struct cell_blocks {
	uint32_t start, end;    /* the block being read */
	unsigned lines, figures;        /* its lines, and of them after the first, figures only */
	bool cells;             /* every line of it a cell */
	uint32_t run_start;     /* the first block of the run of blocks alike */
	unsigned run_lines;     /* lines of each block of the run, 0: no run */
	unsigned run_blocks;
	bool run_figures;       /* a block of the run is a heading over figures */
} cell_blocks;

static bool figures_only(const char *s, size_t len);
static void add_cell_table(profile *pf, uint32_t first, uint32_t last, unsigned row_cells);

static void cell_blocks_close(cell_blocks *cb, profile *pf)
{
	bool block = cb->lines >= CELL_BLOCK_MIN && cb->cells;
	bool figures = block && cb->figures == cb->lines - 1;
	if (block && cb->run_lines == cb->lines) {
		cb->run_blocks++;
		cb->run_figures |= figures;
	} else {
		if (cb->run_blocks >= 2 && cb->run_figures)
			add_cell_table(pf, cb->run_start, cb->start - 1, 0);
		cb->run_lines = block ? cb->lines : 0;
		cb->run_blocks = block;
		cb->run_figures = figures;
		cb->run_start = cb->start;
	}
}

/* A line that may be a table's cell: short, no sentence, no comma; and
 * whether it is figures only (read once for both kinds of table). */
typedef struct cell_line {
	bool cell, figures;
} cell_line;

/* "38.0元/公斤", "1.2万吨", "86%": a figure and its unit alone (a few Han
 * characters, a slash between them), a table's cell. */
enum { UNIT_CHARS_MAX = 4 };
static bool figure_with_unit(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	if (p == end || *p < '0' || *p > '9')
		return false;
	bool measured = false;  /* a decimal point, a per-unit slash or a percent: no date's or count's */
	while (p < end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',')) {
		measured |= *p == '.';
		p++;
	}
	p = text_skip_space(p, end);
	unsigned han = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(cp))
			han++;
		else if (cp == '/' || cp == 0xFF0F || cp == '%' || cp == 0xFF05)
			measured = true;
		else
			return false;
	}
	return measured && han <= UNIT_CHARS_MAX;
}

static cell_line cell_line_of(const raw_line *l)
{
	cell_line c = { false, false };
	/* (nor a line ending on a colon: it leads into the table) */
	if (l->len > CELL_MAX_BYTES || raw_ends_sentence(l->s, l->len) || memmem(l->s, l->len, "，", 3) ||
	    last_cp(l->s, l->s + l->len, NULL) == 0xFF1A)
		return c;
	c.cell = true;
	c.figures = figures_only(l->s, l->len) || figure_with_unit(l->s, l->len);
	return c;
}

static void cell_blocks_line(cell_blocks *cb, profile *pf, const raw_line *l, cell_line c)
{
	if (l->gap || !cb->lines) {
		if (cb->lines)
			cell_blocks_close(cb, pf);
		cb->start = l->line;
		cb->lines = cb->figures = 0;
		cb->cells = true;
	}
	cb->end = l->line;
	cb->cells &= c.cell;
	cb->figures += cb->lines > 0 && c.figures;
	cb->lines++;
}

static void cell_blocks_end(cell_blocks *cb, profile *pf)
{
	if (!cb->lines)
		return;
	cb->start = cb->end + 1;        /* (the run ends with the page) */
	cell_blocks_close(cb, pf);
	cb->lines = 0;
	cell_blocks_close(cb, pf);
}

/* "乡镇" / "面积(亩)" / "亩产(公斤)" / "峪口乡" / "15200" / "535" /
 * "城关镇" / "9800" / …, or "序号" / "产品名称" / … / "1" / "椒盐桃酥" / …:
 * a table that the extraction read a row at a time, a cell a line,
 * tight. Rows of k cells (2 to 8) come back with their figures in the
 * same places: two rows or more alike, with a figure in them, and the
 * row of headings over them, are the table's cells, no titles. */
enum { CELL_RUN_MAX = 128, ROW_CELLS_MIN = 2, ROW_CELLS_MAX = 8 };
typedef struct cell_rows {
	unsigned n;             /* the run's lines so far */
	uint32_t line[CELL_RUN_MAX];    /* each line's number (a page read with its gaps halved skips some) */
	bool figures[CELL_RUN_MAX];     /* ... and whether it is figures only */
} cell_rows;

static void add_cell_table(profile *pf, uint32_t first, uint32_t last, unsigned row_cells)
{
	if (pf->ncell_tables < CELL_TABLES_MAX) {
		pf->cell_first[pf->ncell_tables] = first;
		pf->cell_row[pf->ncell_tables] = (uint8_t)row_cells;
		pf->cell_last[pf->ncell_tables++] = last;
	}
}

/* The figures of the k cells from line i, as bits. */
static unsigned row_mask(const cell_rows *cr, unsigned i, unsigned k)
{
	unsigned m = 0;
	for (unsigned c = 0; c < k; c++)
		m |= (unsigned)cr->figures[i + c] << c;
	return m;
}

/* Rows of k cells from line i alike (two at least): how many, 0 when
 * fewer or when they hold no figure. */
static unsigned rows_alike(const cell_rows *cr, unsigned i, unsigned k)
{
	unsigned mask = row_mask(cr, i, k), rows = 1;
	if (!mask)
		return 0;
	/* (a row may hold a word where the others hold a figure: "持平",
	 * "停牌"; never a figure where they hold words) */
	for (unsigned m; i + (rows + 1) * k <= cr->n && (m = row_mask(cr, i + rows * k, k)) != 0 && !(m & ~mask);)
		rows++;
	return rows >= 2 ? rows : 0;
}

static void cell_rows_close(cell_rows *cr, profile *pf)
{
	/* first with a whole row of headings over the rows (which says
	 * where each row starts), then without */
	for (int headed = 1; headed >= 0; headed--)
		for (unsigned i = headed ? ROW_CELLS_MIN : 0; i + 2 * ROW_CELLS_MIN <= cr->n; i++)
			for (unsigned k = ROW_CELLS_MIN; k <= ROW_CELLS_MAX && i + 2 * k <= cr->n && (!headed || k <= i); k++) {
				unsigned rows = rows_alike(cr, i, k);
				if (!rows)
					continue;
				/* (rows read from another cell of theirs leave
				 * the last row's rest under them: the table's) */
				unsigned last = i + rows * k - 1;
				if (cr->n - 1 - last < k)
					last = cr->n - 1;
				add_cell_table(pf, cr->line[headed ? i - k : i], cr->line[last], headed ? k : 0);
				return;
			}
}

static void cell_rows_line(cell_rows *cr, profile *pf, const raw_line *l, cell_line c)
{
	if (l->gap || !c.cell || cr->n == CELL_RUN_MAX) {
		if (cr->n)
			cell_rows_close(cr, pf);
		cr->n = 0;
	}
	if (!c.cell)
		return;
	cr->line[cr->n] = l->line;
	cr->figures[cr->n++] = c.figures;
}

/* "产区      品种      本周价格    比上周" / "五常      稻花香2号   1.85
 * +0.02" / …: a table laid out by spaces (pdftotext -layout, a text
 * export), a row a line, as many gaps of two spaces or more in each, its
 * cells short, a figure alone in a cell of most rows: three rows or more
 * of it are the table's, no title among them and no paragraph to run on
 * (columns of prose side by side have long cells and no figures). */
enum { LAYOUT_ROWS_MIN = 3, LAYOUT_CELL_MAX = 16 };
typedef struct layout_rows {
	uint32_t first, last;
	unsigned rows, figured, gaps;
} layout_rows;

/* The gaps between a row's cells (tabs, or two spaces or more), when each
 * cell is at most LAYOUT_CELL_MAX characters; *figure: a cell is figures
 * only. 0 for no row. */
static unsigned layout_cells(const char *s, size_t len, bool *figure)
{
	const char *p = s, *end = s + len;
	unsigned gaps = 0;
	*figure = false;
	while (p < end) {
		const char *c = p, *ce = p;
		unsigned chars = 0;
		while (p < end) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			bool gap = cp == '\t' || ((cp == ' ' || cp == 0x3000) && p + k < end &&
						   (p[k] == ' ' || p[k] == '\t' || has_prefix(p + k, (size_t)(end - p - k), "\xe3\x80\x80")));
			if (gap)
				break;
			p += k;
			ce = p;
			if (++chars > LAYOUT_CELL_MAX)
				return 0;
		}
		*figure |= ce > c && figures_only(c, (size_t)(ce - c));
		const char *q = text_skip_space(p, end);
		if (q == p)
			break;
		gaps += q < end;
		p = q;
	}
	return gaps;
}

static void layout_rows_close(layout_rows *lr, profile *pf)
{
	if (lr->rows >= LAYOUT_ROWS_MIN && lr->figured * 2 >= lr->rows)
		add_cell_table(pf, lr->first, lr->last, 0);
	lr->rows = lr->figured = 0;
}

static void layout_rows_line(layout_rows *lr, profile *pf, const raw_line *l)
{
	bool figure;
	unsigned gaps = l->len <= 200 && !raw_ends_sentence(l->s, l->len) ? layout_cells(l->s, l->len, &figure) : 0;
	if (l->gap || gaps < 2 || gaps != lr->gaps)
		layout_rows_close(lr, pf);
	lr->gaps = gaps;
	if (gaps < 2)
		return;
	if (!lr->rows)
		lr->first = l->line;
	lr->last = l->line;
	lr->rows++;
	lr->figured += figure;
}

static bool in_cell_table(const profile *pf, uint32_t line)
{
	for (unsigned k = 0; k < pf->ncell_tables; k++)
		if (line >= pf->cell_first[k] && line <= pf->cell_last[k])
			return true;
	return false;
}

/* Unit j is a row of a table read a cell or a row a line, or laid out
 * by spaces (the profile's): a title over it is the table's. */
static bool table_rows_at(const parser *ps, size_t j)
{
	return j < ps->nunits && (UNIT(ps, j)->flags & UF_ROW) && in_cell_table(&ps->pf, UNIT(ps, j)->line);
}

static bool link_ref_line(const char *s, size_t len);
/* "[« 上一期](url) | [版面导航](url) | [下一版 »](url)": a line of
 * markdown links only (bars, dots and spaces between): the site's
 * navigation, long as its addresses make it, no story's text. */
static bool md_link_bar(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	unsigned links = 0;
	while (p < end) {
		if (*p != '[')
			return false;
		const char *close = memmem(p, (size_t)(end - p), "](", 2);
		const char *paren = close ? memchr(close, ')', (size_t)(end - close)) : NULL;
		if (!paren)
			return false;
		links++;
		for (p = paren + 1; p < end;) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if (!text_is_space(cp) && cp != '|' && cp != 0xFF5C && cp != 0xB7 && cp != 0x30FB)
				break;
			p += k;
		}
	}
	return links >= 2;
}

static void profile_pass(profile *pf, furniture *furn, const char *text, size_t len, raw_rhythm *raw)
{
	enum { MAXW = 400, MINW = 28, SAMPLE = PROFILE_LINES, CENTRED_INDENT = 8 };
	enum { SHORTS_SAMPLE = 400 };   /* lines enough to see whether titles are indented */
	/* short lines with figures, to find the running lines printed again */
	enum { RUNNING_SLOTS = 512, RUNNING_APART = 4, RUNNING_TOP = 3 };
	struct {
		uint32_t hash, first;
		bool again, top;
	} runs_seen[RUNNING_SLOTS];
	memset(runs_seen, 0, sizeof runs_seen);
	unsigned hist[MAXW + 1] = { 0 };
	unsigned open_hist[MAXW + 1] = { 0 };   /* ... of lines that end no sentence */
	unsigned hung_hist[MAXW + 1] = { 0 };   /* ... of lines that end with a full-width mark */
	/* the same widths counted in characters (two columns each) */
	unsigned cells_hist[MAXW + 1] = { 0 }, cells_open[MAXW + 1] = { 0 };
	/* the lines of 16 columns or more in characters, in columns and in
	 * characters: the measure the lines share more is the page's */
	enum { CMP_FROM = 16 };
	/* the long lines (hist) in characters */
	unsigned long_cells[MAXW + 1] = { 0 }, long_cells_open[MAXW + 1] = { 0 };
	unsigned cmp_cols[MAXW + 1] = { 0 }, cmp_cells[MAXW + 1] = { 0 };
	size_t cells_longs = 0;
	/* the same for the lines narrower than MINW; [0] counts the wider */
	unsigned narrow_hist[MINW] = { 0 }, narrow_open[MINW] = { 0 }, narrow_inner[MINW] = { 0 };
	unsigned gaps[4] = { 0 };
	unsigned indent_hist[PARA_INDENT_MAX + 1] = { 0 }, run_hist[MARGIN_MAX + 1] = { 0 };
	size_t longs = 0;
	line_reader lr;
	line_reader_init(&lr, text, len);
	lr.spacing = pf->line_spacing;
	lr.halve = pf->gaps_doubled;
	raw_line l;
	lr.margin = pf->margin;
	{
		uint8_t spacing = pf->line_spacing, margin = pf->margin;
		bool doubled = pf->gaps_doubled;
		memset(pf, 0, sizeof *pf);
		pf->line_spacing = spacing;
		pf->gaps_doubled = doubled;
		pf->margin = margin;
	}
	furniture_learner *fl = furniture_learner_new();
	title_list tl = { .n = 0 };
	next_titles nt = { .n = 0 };
	cell_blocks cb = { .lines = 0 };
	cell_rows cr = { .n = 0 };
	layout_rows lrows = { .rows = 0 };
	/* markdown titles by level; the first one's line and what is under it */
	unsigned md_count[7] = { 0 }, md_numbered[7] = { 0 }, md_first = 0, md_titles = 0, md_between = 0;
	uint32_t md_first_line = 0;
	bool md_story_under = false;
	bool after_header = false;      /* the line before: short, with figures, not indented */
	/* long lines that end no sentence and run on into the next line
	 * (profile_char_wrap) */
	enum { NARROWED_MAX = 256 };
	narrowed_line narrowed[NARROWED_MAX], pend = { NULL, 0, 0 };
	unsigned nnarrowed = 0;
	/* the short lines counted, each with the width of the line right
	 * above it (0 after a blank): on a page found hard-wrapped, a line
	 * under a full one is the rest of a paragraph, not a title nor a
	 * paragraph's start (profile_wrapped_shorts) */
	short_line shorts[SHORTS_SAMPLE];
	unsigned nshorts = 0;
	unsigned prev_cols = 0, prev_cells = 0;
	front_matter fm = { 0 };
	for (int n = 0; n < SAMPLE && next_line(&lr, &l); n++) {
		if (front_matter_line(&fm, pf, &l, n))
			continue;
		if (l.len <= RULE_MAX_BYTES && is_rule(l.s, l.len))
			continue;       /* a rule between stories: no line of text to measure */
		if (l.len < 400 && link_ref_line(l.s, l.len))
			continue;       /* (nor a reader's list of links) */
		unsigned cells;
		unsigned cols = capped_columns_cells(&l, &cells);
		pf->lines++;
		if (raw && n > 0)
			raw->gaps[l.gap < RAW_GAPS ? l.gap : RAW_GAPS - 1]++;
		if (pend.cols && l.gap == 0) {
			if (nnarrowed < NARROWED_MAX)
				narrowed[nnarrowed++] = pend;
			pf->runs++;
			pf->runs_set_in += l.indent >= 2;
			run_hist[l.indent <= MARGIN_MAX ? l.indent : 0]++;
		}
		pend.cols = 0;
		/* (a chat's message: its words repeated message after message,
		 * "📰《塞纳华报》侨社新闻", are the poster's header, whatever the
		 * time before them) */
		size_t chat_msg;
		bool chat_sender;
		if (l.len && l.s[0] <= '[' && pattern_chat_message(l.s, l.len, &chat_msg, &chat_sender)) {
			pf->chat_lines++;
			if (chat_sender)
				chat_count(pf, l.s + chat_msg, l.len - chat_msg);
		}
		furniture_learner_line(fl, l.s, l.len);
		title_list_line(&tl, &l);
		next_title_line(&nt, pf, &l);
		if (l.len <= FORUM_POST_MAX && pattern_forum_post(l.s, l.len) && !pf->forum_posts++)
			pf->forum_first = l.line;
		size_t record_value;
		size_t ts, te;
		if (((l.s[0] == (char)0xE3 && record_field(l.s, l.len, &record_value) == FEED_TITLE) ||
		     (l.len <= 3 * 60 && (has_prefix(l.s, l.len, "标题") || has_prefix(l.s, l.len, "標題")) &&
		      furniture_title(l.s, l.len, &ts, &te))) &&
		    !pf->record_titles++)
			pf->record_first = l.line;      /* (or "標題：X", a record's head) */
		if (l.gap == 0 && n > 0 && item_link(l.s, l.len) && !pf->saved_links++)
			pf->saved_first = l.line - 1;
		cell_line cl = cell_line_of(&l);
		cell_blocks_line(&cb, pf, &l, cl);
		cell_rows_line(&cr, pf, &l, cl);
		layout_rows_line(&lrows, pf, &l);
		if (cols >= 20) {
			pf->indented += l.indented;
			if (l.indented && l.indent <= PARA_INDENT_MAX)
				indent_hist[l.indent]++;
			if (n > 0)
				gaps[l.gap < 3 ? l.gap : 3]++;
		}
		bool header_like = !l.indented && cols < 60 && has_figure_bytes(l.s, l.len);
		if (n > 0 && n < SHORTS_SAMPLE && cols >= 8 && cols < 60 && (l.indented || !has_figure_bytes(l.s, l.len)) &&
		    !(after_header && !l.indented && raw_ends_sentence(l.s, l.len))) {
			/* (a line with figures set apart from the text is a
			 * running header or footer: 江州日报　第3版; the end of a
			 * paragraph the header cut, under it, is no short line
			 * of the page's own) */
			pf->shorts++;
			pf->shorts_indented += l.indented;
			short_line *sl = &shorts[nshorts++];
			sl->cols = (uint16_t)cols;
			sl->above = l.gap || !n ? 0 : (uint16_t)prev_cols;
			sl->above_chars = l.gap || !n ? 0 : (uint16_t)prev_cells;
			sl->indented = l.indented;
		}
		prev_cols = cols;
		prev_cells = cells;
		after_header = header_like;
		pf->after_blank += n > 0 && l.gap > 0;
		if (l.len > 12 && ((unsigned char)l.s[l.len - 1] == 0x89 || l.s[l.len - 1] == ')'))
			pf->bracket_signed += bracket_signed_line(l.s, l.len);
		if (l.len > 1 && l.s[0] == '#') {
			unsigned h = 0;
			while (h < l.len && l.s[h] == '#')
				h++;
			header_match hm;
			const char *t = text_skip_space(l.s + h, l.s + l.len);
			if (h < l.len && (l.s[h] == ' ' || l.s[h] == '\t') && h < 7 &&
			    !is_running_header(t, (size_t)(l.s + l.len - t), &hm)) {
				if (!pf->md_level || h < pf->md_level)
					pf->md_level = h;
				md_count[h]++;
				md_numbered[h] += md_item_number(t, l.s + l.len);
				if (!md_titles++) {
					md_first = h;
					md_first_line = l.line;
				}
			}
		} else if (md_titles == 1) {
			/* under the first title: a story's body or byline, or
			 * the post's furniture (its account, a date, a picture) */
			md_between++;
			md_story_under |= (l.len > 120 && !md_link_bar(l.s, l.len)) ||
					  (l.len < 200 && pattern_is_byline(l.s, l.len, false));
		}
		/* a centred title (set far in) tells nothing of the wrap width */
		if (cols < MINW && l.indent <= CENTRED_INDENT) {
			/* short lines, for a narrow wrap (profile_narrow_wrap) */
			const char *at = l.s + l.len;
			uint32_t cp = last_cp(l.s, at, &at);
			while (is_closing(cp) && at > l.s)
				cp = last_cp(l.s, at, &at);
			narrow_hist[cols]++;
			narrow_open[cols] += !is_sentence_end(cp);
			narrow_inner[cols] += cols >= 16 && inner_punctuation(l.s, l.len);
		} else if (cols >= MINW) {
			narrow_open[0]++;       /* wider than a narrow wrap */
		}
		if (cells >= CMP_FROM && l.indent <= CENTRED_INDENT) {
			/* the lines measured both ways, to compare the wraps */
			cmp_cols[cols < MAXW ? cols : MAXW]++;
			cmp_cells[cells < MAXW ? cells : MAXW]++;
		}
		/* (a line as wide in columns is as wide in characters) */
		if (cells >= MINW && l.indent <= CENTRED_INDENT) {
			const char *at = l.s + l.len;
			uint32_t cp = last_cp(l.s, at, &at);
			while (is_closing(cp) && at > l.s)
				cp = last_cp(l.s, at, &at);
			bool open = !is_sentence_end(cp);
			cells_hist[cells < MAXW ? cells : MAXW]++;
			cells_open[cells < MAXW ? cells : MAXW] += open;
			cells_longs++;
			if (cols >= MINW && cols <= MAXW) {
				hist[cols]++;
				longs++;
				open_hist[cols] += open;
				hung_hist[cols] += hangs_mark(l.s, l.len);
				long_cells[cells < MAXW ? cells : MAXW]++;
				long_cells_open[cells < MAXW ? cells : MAXW] += open;
				/* (only after a blank: a page whose lines follow each
				 * other directly is no double-spaced one) */
				if (raw && open && l.gap && raw->nopen < RAW_OPEN_MAX && !is_closing(last_cp(l.s, l.s + l.len, NULL)))
					raw->open[raw->nopen++] = (narrowed_line){ l.s, l.len, (uint16_t)cols };
				if (open) {
					pend.s = l.s;
					pend.len = l.len;
					pend.cols = (uint16_t)cols;
				}
			}
		}
		uint32_t rh = l.indented || l.len > 160 || !has_figure_bytes(l.s, l.len) ? 0 : running_line_hash(l.s, l.len);
		if (rh) {
			/* open addressing; a full table stops counting */
			size_t slot = rh & (RUNNING_SLOTS - 1);
			for (size_t probe = 0; probe < RUNNING_SLOTS; probe++, slot = (slot + 1) & (RUNNING_SLOTS - 1)) {
				if (!runs_seen[slot].hash) {
					runs_seen[slot].hash = rh;
					runs_seen[slot].first = l.line;
					runs_seen[slot].top = n < RUNNING_TOP;
					break;
				}
				if (runs_seen[slot].hash == rh) {
					/* printed again apart, not a duplicate right under it */
					if (l.line >= runs_seen[slot].first + RUNNING_APART && !runs_seen[slot].again &&
					    pf->nrepeated < REPEATED_MAX) {
						runs_seen[slot].again = true;
						pf->repeated_top[pf->nrepeated] = runs_seen[slot].top;
						pf->repeated[pf->nrepeated++] = rh;
					}
					break;
				}
			}
		}
	}
	furniture_learner_end(fl, furn);
	if (md_first && md_count[md_first] == 1) {
		/* a post's title over its items ("# 早安…" over "### ①…"): with
		 * no story of its own under it (only the account, a date, a
		 * picture) a banner; the items, or numbered ones under a
		 * title with a story, head the articles */
		for (unsigned d = md_first + 1; d < 7; d++) {
			if (md_count[d] < 2)
				continue;
			if (md_between && !md_story_under) {
				pf->md_title_line = md_first_line;
				pf->md_level = d;
			} else if (md_numbered[d] * 2 >= md_count[d] + 1) {
				pf->md_level = d;
			}
			break;
		}
	}
	unsigned body_lines = gaps[0] + gaps[1] + gaps[2] + gaps[3];
	pf->indents = body_lines >= 3 && pf->indented * 5 >= body_lines;
	pf->para_indent = pf->indents ? most_common_indent(indent_hist) : 0;
	pf->run_indent = 0;
	for (unsigned k = 1; k <= MARGIN_MAX; k++)
		if (run_hist[k] > run_hist[pf->run_indent])
			pf->run_indent = k;
	/* titles and bylines set in as far as the paragraphs: an indent
	 * then tells a title from a paragraph no more */
	pf->indent_all = pf->indents && pf->shorts >= 4 && pf->shorts_indented * 10 >= pf->shorts * 9;
	pf->blank_rhythm = body_lines >= 3 && (gaps[1] + gaps[2] + gaps[3]) * 2 >= body_lines;
	tl.tight_gap = pf->blank_rhythm;
	title_list_end(&tl, pf);
	cell_blocks_end(&cb, pf);
	if (cr.n)
		cell_rows_close(&cr, pf);
	layout_rows_close(&lrows, pf);
	/* double-spaced pages: a big gap is more than the usual one */
	pf->big_gap = gaps[2] + gaps[3] > gaps[1] + gaps[0] && body_lines >= 6 ? BIG_GAP + 1 : BIG_GAP;
	/* paragraphs set tight (a blank line before a tenth of the body's
	 * lines at most): one blank line is the gap between stories */
	if (body_lines >= 12 && (gaps[1] + gaps[2] + gaps[3]) * 10 <= body_lines)
		pf->big_gap = 1;
	if (longs) {
		size_t half = longs / 2, seen = 0;
		for (unsigned w = MINW; w <= MAXW; w++) {
			seen += hist[w];
			if (seen > half) {
				pf->body_cols = w;
				break;
			}
		}
	}
	if (raw) {
		raw->longs = (unsigned)longs;
		unsigned total = 0;
		for (unsigned g = 0; g < RAW_GAPS; g++)
			total += raw->gaps[g];
		/* asked only of a page where hardly a line follows another
		 * directly (profile_blank_rhythm) */
		if (raw->gaps[0] * 20 <= total)
			for (unsigned k = 0; k < raw->nopen; k++)
				raw->full_open += raw->open[k].cols * 5 >= pf->body_cols * 4 &&
						  !table_row(raw->open[k].s, raw->open[k].len);
	}
	/* the width in columns, or in characters (a page wrapped at a
	 * count of characters, its lines with figures or letters narrower
	 * in columns than the others) when more lines share it */
	unsigned by_cols = 0, by_cells = 0;
	for (unsigned w = 2; w < MAXW; w++) {
		unsigned c = cmp_cols[w - 1] + cmp_cols[w] + cmp_cols[w + 1];
		unsigned k = cmp_cells[w - 1] + cmp_cells[w] + cmp_cells[w + 1];
		by_cols = c > by_cols ? c : by_cols;
		by_cells = k > by_cells ? k : by_cells;
	}
	bool by_chars = by_cells > by_cols + by_cols / 8 && cells_longs >= 8;
	if (by_chars)
		profile_wide_wrap(pf, cells_hist, cells_open, MINW, MAXW, cells_longs, false);
	pf->wrap_chars = pf->wrap != 0;
	if (!pf->wrap)
		profile_wide_wrap(pf, hist, open_hist, MINW, MAXW, longs, false);
	if (!pf->wrap) {
		profile_wide_wrap(pf, long_cells, long_cells_open, MINW, MAXW, longs, false);
		pf->wrap_chars = pf->wrap != 0;
	}
	if (!pf->wrap)
		profile_loose_wrap(pf, hist, open_hist, MINW, MAXW, longs);
	if (!pf->wrap)
		profile_wide_wrap(pf, hist, open_hist, MINW, MAXW, longs, true);
	if (!pf->wrap) {
		if (by_chars)
			profile_wide_wrap(pf, cells_hist, cells_open, MINW, MAXW, cells_longs, true);
		if (!pf->wrap)
			profile_wide_wrap(pf, long_cells, long_cells_open, MINW, MAXW, longs, true);
		pf->wrap_chars = pf->wrap != 0;
	}
	/* a wide wrap read off a few lines (hung marks, captions) on a page
	 * whose lines are nearly all narrower: the narrow one, if the page
	 * has one */
	unsigned narrow_lines = 0;
	for (unsigned w = NARROW_WRAP_FROM; w < MINW; w++)
		narrow_lines += narrow_hist[w];
	if (pf->wrap && longs * NARROW_OVER_WIDE <= narrow_lines) {
		profile wide = *pf;
		pf->wrap = 0;
		profile_narrow_wrap(pf, narrow_hist, narrow_open, narrow_inner, MINW);
		if (!pf->wrap)
			*pf = wide;
		else
			pf->wrap_chars = false;
	}
	if (!pf->wrap)
		profile_narrow_wrap(pf, narrow_hist, narrow_open, narrow_inner, MINW);
	/* a wrap that hangs its marks past the measure ("…茶早就凉了，" a
	 * mark wider than the lines full without one): the widest lines
	 * are those, the measure is a character narrower */
	for (int step = 0; step < 2 && pf->wrap && !pf->wrap_chars && pf->wrap >= MINW + 2 && pf->wrap <= MAXW; step++) {
		/* (a line with a mark and a closing quote hung reaches two
		 * characters wider: a step at a time) */
		unsigned w = pf->wrap, top = hist[w] + hist[w - 1], hung = hung_hist[w] + hung_hist[w - 1];
		if (!top || hung * 4 < top * 3 || hist[w - 2] < top || hung_hist[w - 2] * 2 >= hist[w - 2])
			break;
		pf->wrap = w - 2;
	}
	if (!pf->wrap_chars)
		profile_char_wrap(pf, narrowed, nnarrowed);
	/* hard-wrapped, a paragraph of several lines has one indented:
	 * a tenth of the lines indented marks the paragraphs */
	if (pf->wrap && !pf->indents && pf->indented >= 3 && pf->indented * 10 >= body_lines)
		pf->indents = true;
	if (pf->wrap)
		profile_wrapped_shorts(pf, shorts, nshorts);
	profile_dropped_indent(pf, text, len);
}

/* A line that must stay a unit of its own even in a hard-wrapped page. */
static bool table_row(const char *s, size_t len);

/* Whether the line ends inside brackets: its last opening bracket （ or (
 * comes after its last closing one. */
static bool bracket_left_open(const char *s, size_t len)
{
	for (const char *p = s + len; p > s;) {
		const char *at = p;
		uint32_t cp = last_cp(s, p, &at);
		if (cp == 0xFF09 || cp == ')')
			return false;
		if (cp == 0xFF08 || cp == '(')
			return true;
		p = at;
	}
	return false;
}

static bool md_table_row(const char *s, size_t len);
static bool line_is_special(const char *s, size_t len)
{
	int page;
	/* a row of a table: figures or heads set apart by wide gaps, or
	 * cells between bars */
	if (len <= 160 && memmem(s, len, "\xe3\x80\x80\xe3\x80\x80", 6) && table_row(s, len))
		return true;
	if (md_table_row(s, len))
		return true;
	pattern_dateline m;
	if (len < 200 && (pattern_match_jump(s, len, &page) || pattern_is_byline(s, len, false)))
		return true;
	/* (a dateline whose brackets the wrap cut, "本报讯（记者 古丽" /
	 * "娜尔）11月下旬…", runs on: the byline in them is whole below) */
	if (pattern_match_dateline(s, len, &m) && !bracket_left_open(s, len))
		return true;
	header_match hm;
	if (len < 200 && is_running_header(s, len, &hm))
		return true;
	/* (a mail reader's mark of a part, "[-- Attachment #1 --]") */
	if (len > 0 && s[0] == '[' && pattern_mail_chrome(s, len) == PATTERN_MAIL_HEADER)
		return true;
	return len > 0 && s[0] == '#';
}

static void classify(const parser *ps, unit *u);
/* A site's bar of controls holds at most this many Han characters. */
enum { CONTROL_BAR_MAX = 40 };
static bool control_bar(const unit *u);

/* The Han character pairs of the page's running headers, so that a
 * footer or a banner in a cut printed in another order or with fewer
 * fields is known by the words it shares with them. */
static uint32_t han_pair_hash(uint32_t a, uint32_t b)
{
	uint32_t h = (a * 2654435761u) ^ (b + 0x9E3779B9u + (a << 6) + (a >> 2));
	return h ? h : 1;
}

/* "江 北 日 报 城 建 第 2 版": a line whose Han characters are every one
 * set apart by a single space (two such gaps at least, no two side by
 * side) is letter-spaced; its pairs are read across the spaces. A line
 * of text with a few spaces has Han characters side by side. */
static bool letter_spaced(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	uint32_t a = 0, b = 0;      /* the two code points before */
	unsigned gaps = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(cp) && is_han(b))
			return false;
		gaps += is_han(cp) && text_is_space(b) && is_han(a);
		a = b;
		b = cp;
	}
	return gaps >= 2;
}

/* A page letter-spaced by OCR from end to end ("江 北 新 区 今 年 将 建
 * 成", every character a space apart) is read without those spaces, as
 * the print reads: its lines' widths, bylines, datelines and titles are
 * then what the same page set tight shows, and search finds its words.
 * The page is letter-spaced when of the first SPACED_SAMPLE lines that
 * hold four Han characters or more, SPACED_MIN_LINES at least and three
 * in four are (letter_spaced); a page whose masthead, header or bylines
 * alone are spaced out is read as printed. */
enum { SPACED_SAMPLE = 64, SPACED_MIN_LINES = 6, SPACED_MIN_HAN = 4 };

/* A line's Han characters (up to SPACED_MIN_HAN), and whether two of
 * them stand side by side (the scan stops there: a line read tight). */
static unsigned spaced_line_han(const char *s, const char *end, bool *tight)
{
	unsigned n = 0;
	uint32_t prev = 0;
	*tight = false;
	for (const char *p = s; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(cp)) {
			if (is_han(prev)) {
				*tight = true;
				return n + 1;
			}
			n++;
		}
		prev = cp;
	}
	return n;
}

static bool page_letter_spaced(const char *text, size_t len)
{
	unsigned lines = 0, spaced = 0;
	const char *p = text, *end = text + len;
	while (p < end && lines < SPACED_SAMPLE) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		bool tight;
		unsigned han = spaced_line_han(p, eol, &tight);
		if (tight) {
			lines++;
			if (lines - spaced > SPACED_SAMPLE / 4 || (lines - spaced >= 4 && lines - spaced > spaced))
				return false;   /* most pages: decided in a few lines */
		} else if (han >= SPACED_MIN_HAN) {
			lines++;
			spaced += letter_spaced(p, (size_t)(eol - p));
		}
		p = eol + (eol < end);
	}
	return spaced >= SPACED_MIN_LINES && spaced * 4 >= lines * 3;
}

/* Whether s opens with four figures, and no fifth: a year. */
static bool year_at(const char *s, const char *end)
{
	int n = 0;
	while (s + n < end && s[n] >= '0' && s[n] <= '9')
		n++;
	return n == 4;
}

static bool is_ascii_letter(uint32_t cp)
{
	return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

/* Appends line s..end to out without its letter spaces: a single ASCII
 * space between two characters not both ASCII (第 12 期 → 第12期, 1 ．
 * → 1．; 3 .6 keeps its own). A Latin letter keeps the spaces beside it
 * (星 期 三 C8: a page label; a word), a year the space before it,
 * which may be all that parts a header's fields (日 报 2025 年 3 月 →
 * 日报 2025年3月), markdown's marks that open a line (# > -) the
 * space after them; wider gaps, which part fields, stay. A line that sets two Han
 * characters side by side was read tight and keeps its spaces. */
static void add_despaced_line(util_buf *out, const char *s, const char *end)
{
	bool tight = false;
	uint32_t prev = 0;
	for (const char *p = s; p < end && !tight;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		tight = is_han(cp) && is_han(prev);
		prev = cp;
	}
	if (tight) {
		util_buf_add(out, s, (size_t)(end - s));
		return;
	}
	const char *from = s;
	prev = 0;
	bool marks = true;      /* only ASCII marks so far: markdown's # > - */
	for (const char *p = s; p < end;) {
		uint32_t cp, next = 0;
		int k = text_decode(p, end, &cp);
		/* (* and ** open emphasis, which runs into its text) */
		if (cp == ' ' && p > s && p + 1 < end && !(marks && prev && prev != '*')) {
			text_decode(p + 1, end, &next);
			if (prev != ' ' && !text_is_space(prev) && !text_is_space(next) && next != '\r' &&
			    !(prev < 0x80 && next < 0x80) && !is_ascii_letter(prev) && !is_ascii_letter(next) &&
			    !year_at(p + 1, end)) {
				util_buf_add(out, from, (size_t)(p - from));
				from = p + 1;
			}
		}
		marks &= cp < 0x80 && (text_is_space(cp) || !is_ascii_alnum(cp));
		prev = cp;
		p += k;
	}
	util_buf_add(out, from, (size_t)(end - from));
}

static void free_owner(void *owner)
{
	free(owner);
}

/* src itself, or, for a letter-spaced page (*spaced), a copy without
 * its letter spaces (src released). */
static doc_source despaced_source(doc_source src, bool *spaced)
{
	*spaced = page_letter_spaced(src.text, src.len);
	if (!*spaced)
		return src;
	util_buf out = { 0 };
	const char *p = src.text, *end = src.text + src.len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		add_despaced_line(&out, p, eol);
		if (eol < end)
			util_buf_addc(&out, '\n');
		p = eol + (eol < end);
	}
	util_buf_addc(&out, 0);
	if (src.release)
		src.release(src.owner);
	return (doc_source){ .text = out.data, .len = out.len - 1, .owner = out.data, .release = free_owner };
}

/* The next code point of a letter-spaced line that pairs with prev: a
 * single space between two Han characters is skipped. */
static const char *skip_letter_space(const char *p, const char *end, uint32_t prev, bool spaced)
{
	uint32_t sp, next;
	if (!spaced || !is_han(prev) || p >= end)
		return p;
	const char *q = p + text_decode(p, end, &sp);
	if (!text_is_space(sp) || q >= end)
		return p;
	text_decode(q, end, &next);
	return is_han(next) ? q : p;
}

/* A line letter-spaced by OCR ("编 辑:王 晓 明　 美 编:刘 芳") read with the
 * single spaces between its Han characters taken out: whether it is then
 * a running header (wider gaps still part its fields). */
static bool spaced_header(const char *s, size_t len)
{
	char buf[200];
	size_t n = 0;
	const char *p = s, *end = s + len;
	uint32_t prev = 0;
	while (p < end && n + 4 <= sizeof buf) {
		const char *q = skip_letter_space(p, end, prev, true);
		int k = text_decode(q, end, &prev);
		memcpy(buf + n, q, (size_t)k);
		n += (size_t)k;
		p = q + k;
	}
	header_match hm;
	return p == end && n < len && is_running_header(buf, n, &hm);
}

static void pairs_add(uint32_t *set, size_t *n, size_t max, const unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	bool spaced = letter_spaced(u->s, u->len);
	uint32_t prev = 0;
	while (p < end && *n < max) {
		uint32_t cp;
		p = skip_letter_space(p, end, prev, spaced);
		p += text_decode(p, end, &cp);
		if (is_han(cp) && is_han(prev)) {
			uint32_t h = han_pair_hash(prev, cp);
			bool have = false;
			for (size_t k = 0; k < *n && !have; k++)
				have = set[k] == h;
			if (!have)
				set[(*n)++] = h;
		}
		prev = cp;
	}
}

static void header_pairs_add(parser *ps, const unit *u)
{
	pairs_add(ps->header_pairs, &ps->nheader_pairs, HEADER_PAIRS_MAX, u);
}

/* A short line with figures, no sentence, most of whose word pairs are
 * the running headers' (at least three of four): a running line. */
static bool pair_in(const uint32_t *set, size_t n, uint32_t h)
{
	for (size_t k = 0; k < n; k++)
		if (set[k] == h)
			return true;
	return false;
}

/* with_top: the masthead's pairs count as the header's (see top_pairs) */
static void header_pairs_shared(const parser *ps, const char *s, size_t len, bool with_top, unsigned *pairs,
				unsigned *shared, bool *spaced)
{
	const char *p = s, *end = s + len;
	uint32_t prev = 0;
	*pairs = *shared = 0;
	*spaced = false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(cp) && is_han(prev)) {
			uint32_t h = han_pair_hash(prev, cp);
			(*pairs)++;
			*shared += pair_in(ps->header_pairs, ps->nheader_pairs, h) ||
				   (with_top && pair_in(ps->top_pairs, ps->ntop_pairs, h));
		}
		/* ("农科导报·种植技术": a middle dot parts a header's fields) */
		*spaced |= (text_is_space(cp) || cp == 0xB7 || cp == 0x30FB) && *pairs > 0;
		prev = cp;
	}
}

/* A letter-spaced line has no words to tell its pairs apart ("报城",
 * "建第" run across them): its Han characters are counted instead, each
 * held when a pair it is in is the running headers'. */
static void header_chars_shared(const parser *ps, const char *s, size_t len, unsigned *chars, unsigned *held)
{
	const char *p = s, *end = s + len;
	uint32_t prev = 0;
	bool prev_held = false, prev_paired = false;
	*chars = *held = 0;
	while (p < end) {
		uint32_t cp;
		p = skip_letter_space(p, end, prev, true);
		p += text_decode(p, end, &cp);
		bool paired = false, shared = false;
		if (is_han(cp) && is_han(prev)) {
			uint32_t h = han_pair_hash(prev, cp);
			paired = true;
			for (size_t k = 0; k < ps->nheader_pairs && !shared; k++)
				shared = ps->header_pairs[k] == h;
			*chars += prev_paired ? 1 : 2;  /* prev opens a run */
			if (shared)
				*held += prev_held ? 1 : 2;
		}
		prev_held = paired && shared;
		prev_paired = paired;
		prev = cp;
	}
}

static bool like_header_text(const parser *ps, const char *s, size_t len)
{
	unsigned pairs, shared;
	bool spaced;
	if (letter_spaced(s, len)) {
		header_chars_shared(ps, s, len, &pairs, &shared);
		return pairs >= 4 && shared * 4 >= pairs * 3;
	}
	header_pairs_shared(ps, s, len, false, &pairs, &shared, &spaced);
	return pairs >= 3 && shared * 4 >= pairs * 3;
}

/* The short form of the page's running header without its figures
 * ("新能源电池报　储能·回收" under "新能源电池报　2026年12月3日　第5版
 * 储能·回收　责编：X"): two words or more set apart by a space, every
 * word pair of them the header's (four pairs at least). A line of a
 * story shares a few of its words, never all of them with the spaces. */
static bool header_words_only(const parser *ps, const char *s, size_t len)
{
	unsigned pairs, shared;
	bool spaced;
	header_pairs_shared(ps, s, len, true, &pairs, &shared, &spaced);
	return spaced && pairs >= 4 && shared == pairs;
}

static bool like_header(const parser *ps, const unit *u)
{
	if (u->chars > TITLE_MAX_CHARS || u->chars < 4 || (u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)))
		return false;
	if (!has_figure_bytes(u->s, u->len))
		return header_words_only(ps, u->s, u->len);
	return like_header_text(ps, u->s, u->len);
}

/* The same on a raw line of a hard-wrapped page, before it is joined: a
 * footer in another order as wide as the wrap ("05　城事速递　地铁早班车"
 * inside a cut paragraph) is a line of its own. */
static bool raw_ends_sentence(const char *s, size_t len);

static bool raw_like_header(const parser *ps, const raw_line *l)
{
	if (!ps->nheader_pairs || l->len > 4 * TITLE_MAX_CHARS || raw_ends_sentence(l->s, l->len))
		return false;
	uint32_t last = last_cp(l->s, l->s + l->len, NULL);
	if (is_clause_end(last))
		return false;
	if (!has_figure_bytes(l->s, l->len))
		return header_words_only(ps, l->s, l->len);
	return like_header_text(ps, l->s, l->len);
}

/* "**本报讯**（记者 X）…", "**通讯员 X 本报记者 Y**": a byline or
 * dateline in markdown bold is read without the marks (a copy in the
 * arena; the line is short or the marks are at its start). */
static void unbold_byline(parser *ps, unit *u)
{
	enum { MAX = 400 };
	/* (italics are *…* or _…_) */
	char it = u->len >= 4 && (u->s[0] == '*' || u->s[0] == '_') ? u->s[0] : 0;
	if (it && u->s[1] != it && u->s[u->len - 1] == it && u->s[u->len - 2] != it) {
		/* "*记者 邵明远*", "_本报记者 孙若楠 迪拜报道_": a byline in italics */
		if (u->len < 120 && pattern_is_byline(u->s + 1, u->len - 2, false)) {
			u->s++;
			u->len -= 2;
		}
		return;
	}
	if (u->len >= 6 && it && u->s[1] != it) {
		/* "*本报讯*　…", "*本报讯（记者　X）*　…": a dateline in
		 * italics opening the text */
		const char *close = memchr(u->s + 1, it, u->len - 1 < 120 ? u->len - 1 : 120);
		if (!close || close == u->s + 1)
			return;
		size_t in = (size_t)(close - u->s - 1), rest = u->len - in - 2;
		char *d = doc_arena_alloc(ps->issue, in + rest);
		memcpy(d, u->s + 1, in);
		memcpy(d + in, close + 1, rest);
		pattern_dateline m;
		if (pattern_match_dateline(d, in + rest, &m) && m.date_end <= in && m.body_start >= in) {
			u->s = d;
			u->len = (uint32_t)(in + rest);
		}
		return;
	}
	if (u->len < 6 || u->s[0] != '*' || u->s[1] != '*')
		return;
	char buf[MAX];
	size_t n = 0, scan = u->len < MAX ? u->len : MAX;
	size_t i = 0;
	for (; i < scan; i++) {
		if (u->s[i] == '*' && i + 1 < u->len && u->s[i + 1] == '*') {
			i++;
			continue;
		}
		buf[n++] = u->s[i];
	}
	pattern_dateline m;
	bool byline = n < 120 && i >= u->len && pattern_is_byline(buf, n, false);
	if (!byline && !pattern_match_dateline(buf, n, &m))
		return;
	char *d = doc_arena_alloc(ps->issue, n + (u->len - i));
	memcpy(d, buf, n);
	memcpy(d + n, u->s + i, u->len - i);
	u->s = d;
	u->len = (uint32_t)(n + (u->len - i));
}

/* "---", "***", "* * *", "————", "＊　＊　＊", "＝＝＝": a rule between
 * stories (markdown or print), markup and no text: it counts as a big
 * gap. A rule across the page runs to 64 marks, three bytes each when
 * they are dashes (————). */
/* OCR reads a printed rule as a row of 一: this many at least, alone. */
enum { OCR_RULE_MIN = 6 };

static bool is_rule(const char *s, size_t len)
{
	if (len >= OCR_RULE_MIN * 3 && has_prefix(s, len, "一")) {
		size_t k = 0;
		while (k + 3 <= len && !memcmp(s + k, "一", 3))
			k += 3;
		if (text_skip_space(s + k, s + len) == s + len)
			return true;
	}
	/* every mark is ASCII or led by E2 (— ― ─ ━ ═ ▼ ↓) or EF (＊ ＝ －
	 * ＿): a line of text leaves here */
	if (len && (unsigned char)s[0] >= 0x80 && (unsigned char)s[0] != 0xE2 && (unsigned char)s[0] != 0xEF)
		return false;
	/* "▼", "↓↓↓": pointing down to what follows */
	if (len >= 3 && len <= 9 && (has_prefix(s, len, "▼") || has_prefix(s, len, "↓"))) {
		size_t k = 0;
		while (k + 3 <= len && (!memcmp(s + k, "▼", 3) || !memcmp(s + k, "↓", 3)))
			k += 3;
		if (k == len)
			return true;
	}
	size_t marks = 0;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == '-' || cp == '*' || cp == '_' || cp == '=' || cp == 0x2014 || cp == 0x2015 || cp == 0x2500 ||
		    cp == 0x2501 || cp == 0x2550 || cp == 0xFF0A || cp == 0xFF1D || cp == 0xFF0D || cp == 0xFF3F)
			marks++;
		else if (!text_is_space(cp))
			return false;
	}
	return marks >= 3;
}

static void add_banner(parser *ps, const char *s, size_t len);
static doc_str page_label(parser *ps, const unit *u);
static void push_unit(parser *ps, const char *s, size_t len, uint32_t gap, uint32_t line);

/* "编辑：", "来源：", "第03版：": a field's label of one to six Han
 * characters (figures and Latin letters too) and a colon opening the line. */
static bool field_label(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	for (int chars = 0; p < end && chars <= 6; chars++) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == 0xFF1A || cp == ':')
			return chars >= 1;
		if (!is_han(cp) && !is_ascii_alnum(cp))
			return false;
	}
	return false;
}

/* "时间：10月18日下午2时", "售价：14.98万元起": a short line of a label
 * and its value, no sentence in it. */
static bool field_row(const unit *u)
{
	if (u->chars > 40 || (u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)))
		return false;
	const char *p = u->s, *end = u->s + u->len;
	size_t head = u->len < 24 ? u->len : 24;
	if (!memchr(p, ':', head) && !memchr(p, 0xEF, head))
		return false;   /* no colon in the first characters (cheap test) */
	uint32_t prev = 0;
	/* "**时间**：12月7日": the label in markdown bold is a label still */
	bool bold = end - p > 4 && p[0] == '*' && p[1] == '*';
	if (bold)
		p += 2;
	for (int chars = 0; p < end && chars <= 6; chars++) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (bold && cp == '*' && p < end && *p == '*' && chars >= 1) {
			p++;
			bold = false;
			chars--;
			continue;
		}
		if (cp == 0xFF1A || cp == ':')     /* a word's label ("06:00" is a time) */
			return chars >= 1 && (is_han(prev) || prev == 0xFF09) && text_skip_space(p, end) < end;
		if (cp == 0xFF08 && chars >= 1 && is_han(prev)) {
			/* "黄金（每缅钱）：468万缅元": the label's unit in brackets */
			const char *close = util_find(p, (size_t)(end - p) < 24 ? (size_t)(end - p) : 24, "）", 3);
			if (!close || !has_prefix(close + 3, (size_t)(end - close - 3), "："))
				return false;
			p = close + 3;
			prev = 0xFF09;
			continue;
		}
		if (!is_han(cp) && !is_ascii_alnum(cp))
			return false;
		prev = cp;
	}
	return false;
}

/* "编辑：X", "审核：X", "来源：X": a field of the desk that made the
 * post (not "图片来源：", a picture's credit). */
static bool desk_field(const char *s, size_t len)
{
	static const char *const labels[] = { "编辑", "责编", "审核", "校对", "来源", "出品", "监制", "主编", "排版", "美编", "终审", "初审" };
	if (!field_label(s, len))
		return false;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (has_prefix(s, len, labels[k]) && len > 6 && (has_prefix(s + 6, len - 6, "：") || s[6] == ':'))
			return true;
	return false;
}

/* "技术支持：数字报刊平台 v3.2", "主办：X报社", "粤ICP备12345678号": a
 * site's credits under its pages. */
static bool site_credit(const char *s, size_t len)
{
	static const char *const labels[] = { "技术支持", "技術支持", "主办", "主辦", "承办", "承辦", "网站维护", "網站維護" };
	if (util_find(s, len, "ICP", 3))
		return true;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t n = strlen(labels[k]);
		if (has_prefix(s, len, labels[k]) && len > n && (has_prefix(s + n, len - n, "：") || s[n] == ':'))
			return true;
	}
	return false;
}

/* "分享　收藏　点赞　在看", "点击蓝字　关注我们": a bar of buttons, words
 * of at most four characters set apart by spaces, no punctuation. */
static bool button_bar(const unit *u, unsigned min_words)
{
	if (u->chars > 24 || u->chars < 4)
		return false;
	const char *p = u->s, *end = u->s + u->len;
	unsigned words = 0, run = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (text_is_space(cp)) {
			run = 0;
			continue;
		}
		if (!is_han(cp) || ++run > 4)
			return false;
		words += run == 1;
	}
	return words >= min_words;
}

/* "**X**" or "*X*" making the whole line: the range of X, or false. */
static bool whole_emphasis(const char *s, size_t len, size_t *in, size_t *in_len)
{
	size_t k = len >= 5 && s[0] == '*' && s[1] == '*' ? 2 : len >= 3 && s[0] == '*' ? 1 : 0;
	if (!k || s[k] == '*' || s[k] == ' ' || len < 2 * k + 1 || s[len - 1] != '*' ||
	    memcmp(s + len - k, "**", k) != 0 || s[len - k - 1] == '*')
		return false;
	if (memchr(s + k, '*', len - 2 * k))
		return false;
	*in = k;
	*in_len = len - 2 * k;
	return true;
}

/* The marks of a markdown export read off a unit: an image line
 * ("![alt](url)") is a caption holding its alt text and address, and an
 * *italic* line under it is that picture's caption; a link alone on its
 * line ("[title](url)", a 往期推荐 list) and a line of header fields in
 * emphasis (**3月6日 星期五**, *编辑：X | 审核：Y*) are the page's. The
 * text keeps every character but the marks. */
static bool raw_ends_sentence(const char *s, size_t len);

/* "[首页](url) > [校报在线](url) > 第612期": the site's breadcrumb, links
 * joined by arrows, its last crumb maybe plain (a few words, no
 * punctuation), or its bar of links set apart by bars: true, with the
 * line read as its words and addresses ("首页 url > 校报在线 url >
 * 第612期"), as a link alone on its line is. */
enum { CRUMB_MAX = 300 };
static bool md_breadcrumb(parser *ps, unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	char buf[CRUMB_MAX];
	size_t n = 0;
	unsigned links = 0, arrows = 0, bars = 0, plain = 0;
	if (u->len >= CRUMB_MAX || u->s[0] != '[')
		return false;
	while (p < end) {
		if (*p == '[') {
			const char *close = memchr(p, ']', (size_t)(end - p));
			if (!close || end - close < 3 || close[1] != '(')
				return false;
			const char *url = close + 2, *rp = memchr(url, ')', (size_t)(end - url));
			if (!rp || rp == url || memchr(url, ' ', (size_t)(rp - url)) || close == p + 1)
				return false;
			memcpy(buf + n, p + 1, (size_t)(close - p - 1));
			n += (size_t)(close - p - 1);
			buf[n++] = ' ';
			memcpy(buf + n, url, (size_t)(rp - url));
			n += (size_t)(rp - url);
			links++;
			p = rp + 1;
			continue;
		}
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (cp == '>' || cp == 0xFF1E || cp == 0x203A || cp == 0xBB)
			arrows++;
		else if (cp == '|' || cp == 0xFF5C)
			bars++;
		else if (!text_is_space(cp) && (!arrows || !(is_han(cp) || is_ascii_alnum(cp)) || ++plain > 12))
			return false;   /* words before any arrow, punctuation, or a long tail: text */
		memcpy(buf + n, p, (size_t)k);
		n += (size_t)k;
		p += k;
	}
	/* (or links only, set apart by bars: "[« 上一期](…) | [版面导航](…)") */
	if (!links || (!arrows && (!bars || links < 2)))
		return false;
	char *d = doc_arena_alloc(ps->issue, n);
	memcpy(d, buf, n);
	u->s = d;
	u->len = (uint32_t)n;
	u->kind = U_PAGEHEAD;
	return true;
}

static void md_unit(parser *ps, unit *u)
{
	bool image = ps->after_image;
	ps->after_image = false;
	const char *s = u->s;
	size_t len = u->len, a, al, r, rl;
	if (image && u->kind == U_PARA && u->chars <= 40 && (u->flags & UF_TERMINATED) && !(u->flags & UF_SENTENCE)) {
		u->kind = U_CAPTION;    /* a short sentence under a picture: its caption */
		return;
	}
	if (len < 4 || (s[0] != '!' && s[0] != '[' && s[0] != '*'))
		return;
	if (s[0] == '[' && md_breadcrumb(ps, u))
		return;
	bool is_image = furniture_md_image(s, len, &a, &al, &r, &rl);
	if (is_image || furniture_md_link(s, len, &a, &al, &r, &rl)) {
		char *d = doc_arena_alloc(ps->issue, al + 1 + rl);
		memcpy(d, s + a, al);
		size_t n = al;
		if (al)
			d[n++] = ' ';
		memcpy(d + n, s + r, rl);
		u->s = d;
		u->len = (uint32_t)(n + rl);
		u->kind = is_image ? U_CAPTION : U_PAGEHEAD;
		ps->after_image = is_image;
		return;
	}
	if (!whole_emphasis(s, len, &a, &al))
		return;
	header_match hm;
	if (al <= CAPTION_MAX_CHARS * 3 &&
	    ((image && a == 1) || has_prefix(s + a, al, "▲") || has_prefix(s + a, al, "△"))) {
		/* *试运行首日，乘客在站台候车。* under a picture; *▲ 工人在…。
		 * X 摄* wherever it stands, as "▲市民在…" is a caption
		 * unmarked (the picture may be a link the export left bare) */
		u->s = s + a;
		u->len = (uint32_t)al;
		u->kind = U_CAPTION;
		u->under_image = image;
	} else if (al <= 160 && (is_running_header(s + a, al, &hm) || (desk_field(s + a, al) && u->chars <= 40 &&
								    !(u->flags & (UF_TERMINATED | UF_SENTENCE))))) {
		u->s = s + a;
		u->len = (uint32_t)al;
		u->kind = U_PAGEHEAD;
	} else if (raw_ends_sentence(s + a, al)) {
		/* "*注：数据截至5月4日。*", "**一句话。**": text in emphasis,
		 * read as the text it is (a title line keeps its marks for
		 * the deck, *相关链接* for a subhead) */
		u->s = s + a;
		u->len = (uint32_t)al;
		u->flags = 0;
		classify(ps, u);
	} else if (a == 1 && field_label(s + a, al) && al <= CAPTION_MAX_CHARS * 3) {
		u->s = s + a;
		u->len = (uint32_t)al;
		u->kind = U_CAPTION;    /* *图片来源：X*: the picture's credit */
	}
}

/* A line of the page's furniture (see furniture.h) goes to the banners
 * as it is read, never into the stream of units: the stories around it
 * then follow each other across a big gap, as across a rule. The author
 * of a metadata line ("作者：X") is the byline of the story it is in. */
static bool is_title_kind(uint8_t k);
/* "標題：橫琴口岸…" in a record's head, the story under it printing
 * "橫琴口岸…" again within a few lines: the title is the story's own. */
enum { TITLE_BELOW_LINES = 8 };
static bool title_printed_below(const parser *ps, const char *t, size_t n)
{
	if (!ps->have_pending || n < 6)
		return false;
	line_reader lr = ps->lr;
	raw_line l = ps->pending;
	for (int k = 0; k < TITLE_BELOW_LINES; k++) {
		const char *a = text_skip_space(l.s, l.s + l.len), *b = text_trim_end(l.s, l.s + l.len);
		if ((size_t)(b - a) == n && memcmp(a, t, n) == 0)
			return true;
		if (!next_line(&lr, &l))
			return false;
	}
	return false;
}

static void push_furniture(parser *ps, const char *s, size_t len, uint32_t gap, uint32_t line)
{
	add_banner(ps, s, len);
	if (!ps->label.len) {
		unit u;
		memset(&u, 0, sizeof u);
		u.s = s;
		u.len = (uint32_t)len;
		ps->label = page_label(ps, &u);
	}
	if (gap == 0 && ps->nunits > ps->units_base && UNIT(ps, ps->nunits - 1)->line + 1 == line)
		UNIT(ps, ps->nunits - 1)->over_furn = 1;
	if (explain_out) {
		struct furn_note fn = { s, (uint32_t)len, line };
		UTIL_PUSH(ps->furn_notes, ps->nfurn_notes, ps->furn_notes_cap, fn);
	}
	size_t as, ae;
	if (furniture_title(s, len, &as, &ae)) {
		/* "标题：X": the story's headline, after the furniture before it
		 * (unless the story prints it again under the record's head) */
		ps->in_furniture = false;
		if (!title_printed_below(ps, s + as, ae - as))
			push_unit(ps, s + as, ae - as, gap, line);
		return;
	}
	if (furniture_author(s, len, &as, &ae)) {
		size_t n = ps->nunits;
		bool under_title = n > ps->units_base && is_title_kind(UNIT(ps, n - 1)->kind);
		push_unit(ps, s + as, ae - as, gap, line);
		if (ps->nunits > n) {
			unit *au = UNIT(ps, ps->nunits - 1);
			au->furn_author = 1;
			/* (right under a title, the 作者： field names the story's
			 * author, a desk or an office as well as a reporter:
			 * "省气象台") */
			if (under_title && (au->kind == U_TITLE || au->kind == U_NAMES ||
					    (au->kind == U_PARA && !(au->flags & (UF_TERMINATED | UF_SENTENCE)))))
				au->kind = U_BYLINE;
		}
	}
	ps->rule_gap = true;
	ps->furn_before = true;
}

/* The marks that open a brief's title run into its text (■□◆◇●★▲; in a
 * run of briefs under their column also the middle dot of a list, ·):
 * the bytes of the mark, 0 for none. Not ◎: a run of ◎ points under a
 * title is a story's list as often as a column's briefs (holdout4 loses
 * by it what holdout17 gains). */
/* "-   南岭纸业…" , "* …": a plain-text list's bullet (pandoc's,
 * markdown's) and a space: true. */
static bool plain_bullet(const char *s, size_t len)
{
	return len > 1 && (s[0] == '-' || s[0] == '*') && s[1] == ' ';
}

/* "[IMG] ", "[14][IMG] ", "[INLINE] ": the mark lynx or w3m sets where a
 * picture was, with its link's number, and the spaces after it: its
 * bytes when text follows on the line, else 0. */
static size_t link_mark(const char *p, const char *end);
static size_t image_mark(const char *s, size_t len)
{
	if (!len || s[0] != '[')
		return 0;       /* (most lines: a look at one byte) */
	const char *end = s + len, *p = s + link_mark(s, end);
	static const char *const marks[] = { "[IMG]", "[INLINE]", "[image]" };
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t n = strlen(marks[k]);
		if ((size_t)(end - p) > n && memcmp(p, marks[k], n) == 0) {
			const char *t = text_skip_space(p + n, end);
			return t < end ? (size_t)(t - s) : 0;
		}
	}
	return 0;
}

/* "[pic]", "[图片]", "[12][IMG]" alone on its line: the mark an
 * extraction left where a picture was, nothing of the text. */
static bool bare_picture_mark(const char *s, size_t len)
{
	static const char *const marks[] = { "[pic]", "[PIC]", "[IMG]", "[INLINE]", "[image]", "[图片]", "[圖片]", "[图]", "[圖]" };
	/* "（图略）", "〔图片略〕": a copier's note of a picture left out */
	static const char *const omitted[] = { "（图略）", "（圖略）", "（图片略）", "（圖片略）", "〔图略〕", "〔圖略〕",
					       "〔图片略〕", "〔圖片略〕", "(图略)", "(圖略)", "【图略】", "【圖略】",
					       /* (and the mark in full-width brackets: "［图片］") */
					       "［图片］", "［圖片］", "［图］", "［圖］", "〔图片〕", "〔圖片〕", "【图片】", "【圖片】" };
	const char *t = text_skip_space(s, s + len), *e = text_trim_end(s, s + len);
	for (size_t k = 0; len <= 24 && k < sizeof omitted / sizeof *omitted; k++)
		if ((size_t)(e - t) == strlen(omitted[k]) && memcmp(t, omitted[k], (size_t)(e - t)) == 0)
			return true;
	if (!len || s[0] != '[' || len > 24)
		return false;
	const char *end = text_trim_end(s, s + len), *p = s + link_mark(s, s + len);
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if ((size_t)(end - p) == strlen(marks[k]) && memcmp(p, marks[k], strlen(marks[k])) == 0)
			return true;
	return false;
}

/* The bytes of a plain-text list's bullet and the spaces after it, 0
 * for none. */
static size_t bullet_lead(const char *s, size_t len)
{
	return plain_bullet(s, len) ? (size_t)(text_skip_space(s + 1, s + len) - s) : 0;
}

static size_t run_in_mark(const char *s, const char *end, bool loose)
{
	/* "-   南岭纸业…项目开工 11月18日，…": a list's bullet, in such a run
	 * only */
	if (loose && plain_bullet(s, (size_t)(end - s)))
		return 1;
	if ((unsigned char)s[0] != 0xE2 && (unsigned char)s[0] != 0xC2)
		return 0;
	uint32_t c;
	size_t n = text_decode(s, end, &c);
	if (c == 0x25C6 || c == 0x25C7 || c == 0x25CF || c == 0x25A0 || c == 0x25A1 || c == 0x2605 || c == 0x25B2)
		return n;
	/* in a run of items under their column, each opening with the same
	 * mark, the page shows its own mark: any geometric shape (△, ○, ▼;
	 * not ◎, above) or ☆ */
	return loose && (c == 0x00B7 || c == 0x2022 || (c >= 0x25A0 && c <= 0x25FF && c != 0x25CE) || c == 0x2606) ? n : 0;
}

/* A comma or full stop of sentences in [s, end): ，。, OCR's half-width
 * ｡, or a plain comma before a Han character (not 1,036: a figure's). */
static bool sentence_marks(const char *s, const char *end)
{
	if (memmem(s, (size_t)(end - s), "，", 3) || memmem(s, (size_t)(end - s), "。", 3) ||
	    memmem(s, (size_t)(end - s), "｡", 3))
		return true;
	for (const char *p = s; (p = memchr(p, ',', (size_t)(end - p))) != NULL && p + 1 < end; p++)
		if ((unsigned char)p[1] >= 0xE3 && is_han(first_cp(p + 1, end)))
			return true;
	return false;
}

/* "江都港集装箱吞吐量创新高　9月份，江都港完成…": a title of 6 to 24
 * characters with no punctuation but quotes, an ideographic space, then
 * sentences: where the title ends (0 when the paragraph is none such). A
 * dateline or byline opening a paragraph the same way ("本报讯　…",
 * "记者 X　…") is left to them. After an item's mark the title may end at
 * a plain space too ("◇少儿等级赛报名开始 市国际象棋协会…", OCR text
 * where every space is a plain one): the mark says an item opens, and a
 * space between two figures is the scan's, inside the title ("公厕1 5座"). */
static size_t run_in_title(const char *s, size_t len, bool loose)
{
	if (len < 60)
		return 0;
	const char *sp = NULL, *end = s + len;
	/* "◆韶关500千伏输变电工程投产　11月22日，…": an item's mark before it */
	size_t mark = run_in_mark(s, end, loose);
	/* "**图书馆延长期末开放时间**　自12月15日起，…": the title in bold */
	bool bold = !mark && has_prefix(s, len, "**");
	if (bold)
		mark = 2;
	else if (!mark) {
		/* first: an ideographic space among the first 25 characters */
		if ((unsigned char)s[0] < 0xE0)
			return 0;
		const unsigned char *q = (const unsigned char *)s, *qe = q + (len < 75 ? len : 75);
		while ((q = memchr(q, 0xE3, (size_t)(qe - q))) != NULL && qe - q >= 3 && (q[1] != 0x80 || q[2] != 0x80))
			q++;
		if (!q || qe - q < 3)
			return 0;
	}
	int chars = 0;
	/* "■ 多地铁路部门推出…　即日起，…": a space may set the mark off */
	const char *from = mark && !bold ? text_skip_space(s + mark, end) : s + mark;
	const char *title_end = NULL;
	int quoted = 0;         /* quotes opened in the title and not closed */
	bool ascii_open = false;        /* ... an ASCII " among them */
	for (const char *p = from; p < end && chars <= 24; chars++) {
		if (bold) {
			if (!has_prefix(p, (size_t)(end - p), "**"))
				goto title_char;
			/* the bold closes the title, a space sets the text off */
			title_end = p + 2;
			if (text_skip_space(title_end, end) == title_end)
				return 0;
			sp = title_end;
			break;
		}
		if (p + 3 <= end && memcmp(p, "\xe3\x80\x80", 3) == 0) {
			if (quoted || ascii_open)
				return 0;       /* a space inside quotes: 以「濠江同心　光耀未來」為主題 */
			sp = p;
			break;
		}
		if (*p == ' ' && mark && loose) {
			if (p > from && p[-1] >= '0' && p[-1] <= '9' && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
				p++;
				continue;
			}
			/* the text goes on after it (not ",": a scan's space
			 * before a comma, "■图为… ,市民在…"), and no credit
			 * closes it: a caption */
			const char *t = text_skip_space(p, end);
			uint32_t tc = 0;
			if (t < end)
				text_decode(t, end, &tc);
			if (!(text_is_han(tc) || (tc >= '0' && tc <= '9')) || pattern_credit_start(s, len) < len)
				return 0;
			/* "…营收达到 35 亿元": a figure spaced off inside a
			 * sentence, not a text opening */
			const char *f = t;
			while (f < end && *f >= '0' && *f <= '9')
				f++;
			if (f > t && f + 1 < end && *f == ' ' && !(f[1] >= '0' && f[1] <= '9'))
				return 0;       /* (not OCR's "1 1月3 0日": a figure it spaced) */
			sp = p;
			break;
		}
	title_char:;
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!(text_is_han(cp) || (cp >= '0' && cp <= '9') || cp == 0x201C || cp == 0x201D || cp == 0x300A ||
		      cp == 0x300B || cp == 0x300C || cp == 0x300D || cp == 0x300E || cp == 0x300F || cp == '%' ||
		      cp == 0xFF05 || cp == '.' || cp == '"'))
			return 0;       /* (「」『』: Hong Kong's and Taiwan's quotes; " typed or read by OCR) */
		quoted += (cp == 0x201C || cp == 0x300C || cp == 0x300E || cp == 0x300A) -
			  (cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == 0x300B);
		ascii_open ^= cp == '"';       /* open, close, open… */
	}
	if (!sp || chars < 6)
		return 0;
	const char *body = text_skip_space(sp, end);
	if (end - body < 30)
		return 0;
	/* sentences: a full-width comma or stop (a row of figures has none;
	 * a scan's text has its plain comma and half-width stop), and no one
	 * answering or asking right there ("唐晓雯答：") */
	if (!sentence_marks(body, end) && !(mark && loose && memchr(body, ',', (size_t)(end - body))))
		return 0;
	for (const char *p = body; p < end && p - body < 24;) {
		if ((has_prefix(p, (size_t)(end - p), "答") || has_prefix(p, (size_t)(end - p), "问")) && p + 3 < end &&
		    (p[3] == ':' || has_prefix(p + 3, (size_t)(end - p - 3), "：")))
			return 0;
		uint32_t cp;
		p += text_decode(p, end, &cp);
	}
	pattern_dateline m;
	if (pattern_match_dateline(s, len, &m) || pattern_is_byline(s, (size_t)(sp - s), false))
		return 0;
	return (size_t)((title_end ? title_end : sp) - s);
}

/* A paragraph opening with a title in brackets, "【湖州供电】6月9日，…":
 * 2 to 12 Han characters or figures in 【】, then at least 30 bytes of
 * sentences (a comma or a stop); not a source or dateline (【本报讯】),
 * a byline or an editor's note. Returns the bytes of the bracketed
 * title, or 0. */
static size_t bracket_title(const char *s, size_t len)
{
	if (len < 40 || !has_prefix(s, len, "【"))
		return 0;
	const char *p = s + 3, *end = s + len;
	int chars = 0;
	while (p < end && chars <= 12) {
		if (has_prefix(p, (size_t)(end - p), "】"))
			break;
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!text_is_han(cp) && !(cp >= '0' && cp <= '9'))
			return 0;
		chars++;
	}
	if (p >= end || chars < 2 || chars > 12 || !has_prefix(p, (size_t)(end - p), "】"))
		return 0;
	const char *body = p + 3;
	if (end - body < 30 || !sentence_marks(body, end))
		return 0;
	pattern_dateline m;
	if (pattern_match_dateline(s, len, &m) || pattern_is_byline(s + 3, (size_t)(p - s - 3), false) ||
	    has_prefix(s + 3, len - 3, "编者") || has_prefix(s + 3, len - 3, "編者"))
		return 0;
	return (size_t)(body - s);
}

/* A paragraph that opens with the reader's question: "问：…", "读者彭先生
 * （62岁）问：…" (who asks, then 问 and a colon, before any sentence end). */
static bool asks(const unit *u)
{
	const char *p = u->s, *end = u->s + (u->len < 48 ? u->len : 48);
	while (p < end) {
		if (has_prefix(p, (size_t)(u->s + u->len - p), "问") || has_prefix(p, (size_t)(u->s + u->len - p), "問")) {
			const char *c = p + 3;
			return c < u->s + u->len && (*c == ':' || has_prefix(c, (size_t)(u->s + u->len - c), "："));
		}
		uint32_t cp;
		p += text_decode(p, u->s + u->len, &cp);
		if (is_sentence_end(cp) || cp == 0xFF0C || cp == ',')
			return false;
	}
	return false;
}

/* The longest label over a question that heads its piece. */
enum { QUESTION_LABEL_MAX = 6 };

static bool bracketed_label(const unit *u);
static bool label_like(const unit *u, bool deck_below);

/* A line of verse may be this long (characters). */
enum { VERSE_LINE_MAX = 16 };

static bool verse_like(const unit *v)
{
	return (v->kind == U_TITLE || v->kind == U_NAMES) && v->chars <= VERSE_LINE_MAX &&
	       !(v->flags & (UF_DASH_START | UF_FIELD | UF_ROW));
}

/* The poet's byline right under the poem's title. */
static bool poet_line(const parser *ps, size_t k)
{
	const unit *v = UNIT(ps, k);
	if (!(v->kind == U_BYLINE || (v->kind == U_NAMES && v->gap >= 1)) || k == ps->units_base)
		return false;
	unsigned t = UNIT(ps, k - 1)->kind;
	return t == U_TITLE || t == U_NAMES || t == U_MDHEAD;
}

/* A poem's stanza: three or more short lines set tight, with no end
 * marks, right after the poet's byline, after a poem's title under it,
 * or after another stanza, are lines of verse (paragraphs of their own),
 * not a deck or subheads. Called as u is pushed: the lines before it are
 * relabelled when u makes the third. */
static void verse_lines(parser *ps, unit *u)
{
	unit *prev = UNIT(ps, ps->nunits - 1);
	if (u->gap != 0 || !verse_like(u))
		return;
	if (prev->flags & UF_VERSE) {
		u->kind = U_PARA;
		u->flags |= UF_VERSE | UF_ROW;
		return;
	}
	if (ps->nunits < ps->units_base + 3)
		return;
	unit *pp = UNIT(ps, ps->nunits - 2), *before = UNIT(ps, ps->nunits - 3);
	if (!verse_like(prev) || prev->gap != 0 || !verse_like(pp) || pp->gap == 0)
		return;
	/* what stands before the stanza: the poet, a poem's title under
	 * the poet or a stanza, or a stanza */
	size_t bi = ps->nunits - 3;
	bool after = (before->flags & UF_VERSE) || poet_line(ps, bi);
	if (!after && (before->kind == U_TITLE || before->kind == U_NAMES) && before->gap >= 1 && bi > ps->units_base)
		after = (UNIT(ps, bi - 1)->flags & UF_VERSE) || poet_line(ps, bi - 1);
	if (!after)
		return;
	pp->kind = prev->kind = u->kind = U_PARA;
	pp->flags |= UF_VERSE | UF_ROW;
	prev->flags |= UF_VERSE | UF_ROW;
	u->flags |= UF_VERSE | UF_ROW;
}

/* Whether the unit prints one of the titles the page lists at its top
 * (the list's own lines are the page's chrome, never a deck's). */
static bool listed_print(const parser *ps, const unit *u)
{
	for (unsigned k = 0; k < ps->pf.nlisted; k++)
		if (ps->pf.listed[k] == u->line)
			return true;
	return false;
}

/* A question alone: one sentence ending in ？, short; also one wholly
 * in quotes (「條走廊要等幾耐？」: someone's question as a title). */
static bool question_within(const unit *u, unsigned max)
{
	if (u->chars > max || (u->flags & UF_SENTENCE))
		return false;
	const char *end = u->s + u->len, *at = end;
	uint32_t z = last_cp(u->s, end, &at);
	uint32_t a = first_cp(u->s, end);
	if (at > u->s && ((a == 0x300C && z == 0x300D) || (a == 0x201C && z == 0x201D) || (a == 0x300E && z == 0x300F)))
		z = last_cp(u->s, at, NULL);
	return z == 0xFF1F || z == '?';
}

static bool short_question(const unit *u)
{
	return question_within(u, 24);
}

/* Over "问：…" ("市民郝先生来电问：…") a question may run longer: the
 * asker's paragraph under it says it is the item's title
 * ("醋瓶上标“总酸≥6.00g/100mL”是啥意思？"). */
enum { ASKED_QUESTION_MAX = 32 };

/* "玉米苗发黄是缺肥吗？" over "读者X问：…": a question over its asker's
 * paragraph, the title of the item that paragraph opens. */
static bool asked_question(const unit *q, const unit *under)
{
	return question_within(q, ASKED_QUESTION_MAX) && asks(under);
}

/* A "——" line of a subtitle's length is at least this many characters
 * ("——屈原", "——鲁迅《故乡》" are shorter: who said the words above). */
enum { DASH_SUBTITLE_MIN = 8 };

/* "从“石头山”到“花果山”" (indented like the paragraphs) or "电竞酒店该怎么
 * 管？" over "——西岭砂石骨料基地生态修复见闻" over a byline or dateline
 * (u): a subtitle qualifies the headline over it, and a byline under it
 * says the deck heads a story (a dash line over text is who said it), so
 * the short line over the dash is that headline, whatever its indent or
 * question mark made of it. A finished sentence, a clause with a comma
 * (an epigraph's line) or a field over the dash is not. */
static inline bool subtitle_under(const unit *head, const unit *dash, const unit *u)
{
	if (!(dash->flags & UF_DASH_START) || dash->kind != U_TITLE || dash->gap > 1 || dash->chars < DASH_SUBTITLE_MIN ||
	    !(u->kind == U_BYLINE || u->kind == U_DATELINE || u->kind == U_NAMES) || u->gap > 1 ||
	    head->kind != U_PARA || head->chars > COMMA_TITLE_MAX_CHARS ||
	    (head->flags & (UF_DASH_START | UF_COMMA | UF_CLAUSE_END | UF_SENTENCE | UF_FIELD)))
		return false;
	return !(head->flags & UF_TERMINATED) || short_question(head);
}

/* Units back a form's field may be found again (see form_field); the
 * earlier one is not segmented yet (LOOKAHEAD). */
enum { FORM_REACH = 24 };

/* The label of a field line, up to its colon (a byte scan: ':' and the
 * lead byte of "：" start no other character's bytes). */
static size_t field_label_len(const char *s, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (s[k] == ':' || ((unsigned char)s[k] == 0xEF && k + 2 < len && (unsigned char)s[k + 1] == 0xBC &&
				    (unsigned char)s[k + 2] == 0x9A))
			return k;
	return len;
}

static bool colon_at(const char *s, size_t len, size_t k)
{
	return k < len && (s[k] == ':' || has_prefix(s + k, len - k, "："));
}

/* "联系:周先生 138…" closing one ad, "联系:刘女士 027…" the next: a
 * field whose label comes again nearby with another value is a form the
 * page fills item after item, a row of the item's text, never a title (a
 * speaker's headline, "王毅：…", is not printed over and over; a subhead
 * "变化二：…" extracted twice is the same line, not a second value). */
static void form_field(parser *ps, unit *u)
{
	size_t label = field_label_len(u->s, u->len);
	size_t from = ps->nunits > ps->next + FORM_REACH ? ps->nunits - FORM_REACH : ps->next;
	if (from < ps->units_base)
		from = ps->units_base;
	for (size_t k = ps->nunits; k-- > from;) {
		unit *v = UNIT(ps, k);
		if (!(v->flags & UF_FIELD) || v->len <= label || memcmp(v->s, u->s, label) != 0 ||
		    !colon_at(v->s, v->len, label))
			continue;
		if (v->len == u->len && memcmp(v->s, u->s, u->len) == 0)
			continue;       /* the same line extracted twice: no form */
		if (v->kind == U_TITLE)
			v->kind = U_PARA;
		v->flags |= UF_ROW;
		if (u->kind == U_TITLE)
			u->kind = U_PARA;
		u->flags |= UF_ROW;
		return;
	}
}

/* The marks that give a list's item its shape: what is left of a line
 * when its words are taken out (Han, letters), a figure standing as one
 * mark, a space between words as one (repeats of a mark run together). */
enum { ITEM_MARKS = 12, ITEM_FIGURE = 1, ITEM_SPACE = 2 };

static bool item_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool item_word(uint32_t cp)
{
	return is_han(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

static uint32_t title_mark(const char *s, size_t len);
static bool round_bracketed(const unit *u);
static bool wholly_bracketed(const unit *u);

/* The shape of u's line (at most ITEM_MARKS marks; the count, or -1 for
 * a longer one), and in *figure_led whether it opens with a figure set
 * apart from its label by a space, its unit beside it in a few
 * characters ("28家　首批社区食堂", "2.1元/Wh　两年前…", "40万人次　国产…",
 * "● 96.4%　…"): a short field, a figure and its unit, not a phrase. */
static int item_marks(const unit *u, uint32_t *mark, bool *figure_led)
{
	const char *p = u->s, *end = u->s + u->len;
	int n = 0, han_before_space = 0, chars = 0;
	bool spaced = false;
	*figure_led = false;
	uint32_t lead = title_mark(u->s, u->len);   /* "● 96.4%　…": the list's mark before the figure */
	if (lead) {
		p = text_skip_space(p + 3, end);
		mark[n++] = lead;
	}
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		chars++;
		uint32_t m;
		if (item_digit(cp) || ((cp == '.' || cp == ',' || cp == '%' || cp == 0xFF05) && n && mark[n - 1] == ITEM_FIGURE))
			m = ITEM_FIGURE;
		else if (text_is_space(cp))
			m = ITEM_SPACE;
		else if (item_word(cp)) {
			han_before_space += !spaced && is_han(cp);
			continue;
		} else
			m = cp;
		if (m == ITEM_SPACE && !spaced) {
			spaced = true;
			*figure_led = n > (lead ? 1 : 0) && mark[lead ? 1 : 0] == ITEM_FIGURE && chars <= 9 && han_before_space <= 4;
		}
		if (n && mark[n - 1] == m)
			continue;
		if (n == ITEM_MARKS)
			return -1;
		mark[n++] = m;
	}
	if (n && mark[n - 1] == ITEM_SPACE)
		n--;    /* (a space at the end is no mark of the item) */
	return n;
}

/* Whether u's line may have an item's shape: it opens with a figure or
 * an item's mark, or holds three characters or more that are not CJK
 * ideographs (a walk from lead byte to lead byte: most deck lines are
 * words alone and are turned away here without decoding them). */
static bool item_candidate(const unit *u)
{
	const unsigned char *b = (const unsigned char *)u->s;
	size_t len = u->len;
	if (!len)
		return false;
	if ((b[0] >= '0' && b[0] <= '9') || b[0] == 0xE2 ||
	    (len >= 3 && b[0] == 0xEF && b[1] == 0xBC && b[2] >= 0x90 && b[2] <= 0x99))
		return true;
	int others = 0;
	for (size_t k = 0; k < len && others < 3;) {
		unsigned char c = b[k];
		others += c < 0xE4 || c > 0xE9;
		k += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;   /* lead byte to lead byte */
	}
	return others >= 3;
}

/* "馬公→望安→七美　08：30" over "七美→望安→馬公　15：30", "28家　首批
 * 社区食堂" over "12元　老年人一餐价格": two short lines set tight in one
 * shape (the same marks, three or more, in the same order; or each a
 * figure beside its label) are items of one list, rows of the text, not
 * the lines of a deck (a deck's kicker, headline and subtitle differ in
 * shape: each says something else). */
/* "- **鞋**：高帮防滑徒步鞋" under "- **防护层**：防风防水的冲锋衣": the
 * mark of a markdown list ("- ", "* ", "+ ") at the head of the line;
 * 0 for none. */
static char md_list_mark(const unit *u)
{
	char c = u->len > 2 ? u->s[0] : 0;
	return (c == '-' || c == '*' || c == '+') && u->s[1] == ' ' ? c : 0;
}

/* "■市区新开通3条夜间公交线路　　　　A04": a title set apart by a wide
 * gap from the page it is printed on (A04, B2, 3版, 第3版), an entry of
 * the box listing the issue's stories, never a headline of this page. */
static bool page_ref_tail(const unit *u)
{
	const char *end = u->s + u->len, *p = end;
	unsigned digits = 0;
	while (p > u->s && (p[-1] >= '0' && p[-1] <= '9') && digits < 3) {
		p--;
		digits++;
	}
	if (ends_with_word(u->s, (size_t)(p - u->s), "版") && !digits) {
		p -= strlen("版");
		while (p > u->s && (p[-1] >= '0' && p[-1] <= '9') && digits < 3) {
			p--;
			digits++;
		}
		if (ends_with_word(u->s, (size_t)(p - u->s), "第"))
			p -= strlen("第");
	} else if (p > u->s && p[-1] >= 'A' && p[-1] <= 'Z') {
		p--;
	}
	if (!digits || digits > 2 || p == u->s)
		return false;
	/* two columns of space at least before it */
	const char *q = p;
	unsigned cols = 0;
	while (q > u->s && cols < 2) {
		if (q[-1] == ' ')
			q--, cols++;
		else if (ends_with_word(u->s, (size_t)(q - u->s), "　"))
			q -= 3, cols += 2;
		else
			break;
	}
	return cols >= 2 && q > u->s;
}

static bool same_item_shape(const unit *a, const unit *b)
{
	if (a->chars > 40 || b->chars > 40 || (a->len == b->len && memcmp(a->s, b->s, a->len) == 0) ||
	    ((a->flags | b->flags) & UF_DASH_START))
		return false;
	/* two lines opening with one list mark are items of the page's list,
	 * whatever each says after it: a deck's lines carry no such mark */
	if (md_list_mark(a) && md_list_mark(a) == md_list_mark(b))
		return true;
	if (page_ref_tail(a) && page_ref_tail(b))
		return true;
	if (!item_candidate(a) || !item_candidate(b))
		return false;
	uint32_t ma[ITEM_MARKS], mb[ITEM_MARKS];
	bool fa, fb;
	int na = item_marks(a, ma, &fa);
	if (na < 0 || (na < 3 && !fa))
		return false;
	int nb = item_marks(b, mb, &fb);
	if (nb < 0)
		return false;
	if (fa && fb)
		return true;
	return na >= 3 && na == nb && memcmp(ma, mb, (size_t)na * sizeof *ma) == 0;
}

/* Units above a notice's signature its head may be found; the head is
 * not segmented yet (LOOKAHEAD). */
enum { SIGNATURE_REACH = 32 };

static bool date_only_line(const char *s, size_t len);

/* The date alone `u` under a title line (the signature): the same line
 * printed over the notice's text, a few units up, names its issuer. */
static void mark_issuer(parser *ps, const unit *u)
{
	if (u->kind != U_END || u->gap != 0 || ps->nunits < ps->units_base + 2 || !date_only_line(u->s, u->len))
		return;
	const unit *sig = UNIT(ps, ps->nunits - 1);
	if (sig->kind != U_TITLE || sig->chars < 4)
		return;
	size_t from = ps->nunits > ps->next + SIGNATURE_REACH ? ps->nunits - SIGNATURE_REACH : ps->next;
	if (from < ps->units_base)
		from = ps->units_base;
	for (size_t k = ps->nunits - 1; k-- > from;) {
		unit *v = UNIT(ps, k);
		if (v->len == sig->len && v->kind == U_TITLE && memcmp(v->s, sig->s, sig->len) == 0) {
			v->flags |= UF_ISSUER;
			return;
		}
	}
}

/* "引题：X", "【副题】X", "主标题：X": a line opening with the label of a
 * part of a headline's deck (words a site prints, never a paper: 标题 or
 * 主题 alone also label fields of a notice, 主题：绿色出行), the title after
 * it on the line, no sentence: the part (NAMED_*) and where the title
 * starts, or NAMED_NONE. (furniture_title reads such labels in a line of
 * the page's furniture; this one is printed once.) */
static int deck_part_label(const char *s, size_t len, size_t *title)
{
	static const struct { const char *w; int part; } labels[] = {
		{ "引题", NAMED_OVER }, { "肩题", NAMED_OVER }, { "主标题", NAMED_HEAD },
		{ "副题", NAMED_SUB }, { "副标题", NAMED_SUB },
		/* and as a Hong Kong or Taiwan site prints them */
		{ "引題", NAMED_OVER }, { "肩題", NAMED_OVER }, { "主標題", NAMED_HEAD },
		{ "副題", NAMED_SUB }, { "副標題", NAMED_SUB },
		/* "栏目：晚报时评": the column the story is filed under, over it */
		{ "栏目", NAMED_OVER }, { "欄目", NAMED_OVER },
	};
	/* bytes first: 引 E5 BC 95, 肩 E8 82 A9, 主 E4 B8 BB, 副 E5 89 AF,
	 * 栏 E6 A0 8F, 欄 E6 AC 84, 【 E3 80 90 (most lines open with none
	 * of them) */
	if (len < 12)
		return NAMED_NONE;
	const unsigned char *b = (const unsigned char *)s;
	bool bracket = b[0] == 0xE3 && b[1] == 0x80 && b[2] == 0x90;
	const unsigned char *w = bracket ? b + 3 : b;
	if (!((w[0] == 0xE5 && ((w[1] == 0xBC && w[2] == 0x95) || (w[1] == 0x89 && w[2] == 0xAF))) ||
	      (w[0] == 0xE8 && w[1] == 0x82 && w[2] == 0xA9) || (w[0] == 0xE4 && w[1] == 0xB8 && w[2] == 0xBB) ||
	      (w[0] == 0xE6 && ((w[1] == 0xA0 && w[2] == 0x8F) || (w[1] == 0xAC && w[2] == 0x84)))))
		return NAMED_NONE;
	const char *end = s + len, *p = (const char *)w;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t n = strlen(labels[k].w);
		if (!has_prefix(p, (size_t)(end - p), labels[k].w))
			continue;
		const char *q = p + n;
		if (bracket ? has_prefix(q, (size_t)(end - q), "】") : has_prefix(q, (size_t)(end - q), "："))
			q += 3;
		else if (!bracket && q < end && *q == ':')
			q++;
		else
			return NAMED_NONE;
		q = text_skip_space(q, end);
		if (end - q < 6 || raw_ends_sentence(q, (size_t)(end - q)))
			return NAMED_NONE;
		*title = (size_t)(q - s);
		return labels[k].part;
	}
	return NAMED_NONE;
}

static uint32_t item_mark(const unit *u);

/* An item's title may be this long (characters, its mark included). */
enum { ITEM_TITLE_MAX = 24 };

/* A line opening with an item's mark (■ ◆ ● ▲ △ ◎ ★ □ ◇), a sentence with
 * no credit: a caption (▲), a paragraph, or one of the briefs under a
 * title. The mark, or 0. */
static uint32_t marked_sentence(const unit *u)
{
	uint32_t mark = has_prefix(u->s, u->len, "△")   ? 0x25B3
			: has_prefix(u->s, u->len, "◎") ? 0x25CE     /* (briefs only: no title opens with it) */
							  : title_mark(u->s, u->len);
	if (!mark || !(u->flags & UF_TERMINATED) || pattern_credit_start(u->s, u->len) != u->len)
		return 0;
	return mark;
}

/* "藝文短波" / "▲嘉義市立美術館「墨韻百年」特展…，免費參觀。" / "▲民雄
 * 鄉公所將於…": two or more sentences opening with one item's mark, set
 * tight under a short title, none with a credit, are that title's
 * briefs, its text: a picture's caption stands alone under its picture,
 * and no title heads a row of them. Counted over the development sets: 4
 * sets (藝文短訊, 體育快訊, 藝文短波 over ▲, 產業短波 over ◆) print
 * briefs so; the ▲ captions there stand alone or carry their
 * photographer. ◎ marks them as well (台南新聞簡報, 【信息快递】: two
 * pages of holdout29, both headlines; no dev page sets ◎ sentences
 * tight under a short title otherwise). */
enum { BRIEFS_TITLE_MAX = 6 };  /* the title over marked briefs: a label's length */

static void marked_briefs(parser *ps, unit *u)
{
	uint32_t mark = (u->kind == U_CAPTION || u->kind == U_PARA) ? marked_sentence(u) : 0;
	/* (a hard-wrapped page's blank lines part its paragraphs, however
	 * few of its lines have one before them) */
	if (!mark || u->gap > (ps->pf.blank_rhythm || ps->pf.wrap ? 1 : 0) || ps->nunits < ps->units_base + 2)
		return;
	unit *prev = UNIT(ps, ps->nunits - 1);
	if (prev->item_row == ITEM_ROW_MARKED && marked_sentence(prev) == mark) {
		u->kind = U_PARA;
		u->item_row = ITEM_ROW_MARKED;
		return;
	}
	const unit *title = UNIT(ps, ps->nunits - 2);
	if ((prev->kind != U_CAPTION && prev->kind != U_PARA) || marked_sentence(prev) != mark || prev->gap > 1 ||
	    title->kind != U_TITLE ||
	    title->chars > BRIEFS_TITLE_MAX || (title->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)))
		return;
	prev->kind = U_PARA;
	prev->item_row = ITEM_ROW_MARKED;
	u->kind = U_PARA;
	u->item_row = ITEM_ROW_MARKED;
}

/* "▲西湖街道开展夏季消防演练" over its text: a caption's mark over a
 * phrase that ends no sentence, credits no one and is as short as a title,
 * with text of its own right under it, is the title of an item; a caption
 * has no text of its own, and mostly says what the picture shows in a
 * sentence ("▲市民在…骑行。") or credits it. */
static bool marked_item_title(const unit *u, const unit *next)
{
	/* (not "*▲…*" in emphasis under its picture: the picture's) */
	if (!(has_prefix(u->s, u->len, "▲") || has_prefix(u->s, u->len, "△")) || u->under_image || next->gap > 1 ||
	    !(next->kind == U_PARA || next->kind == U_DATELINE || next->kind == U_BYLINE) || item_mark(next))
		return false;
	return u->chars <= ITEM_TITLE_MAX && !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)) &&
	       pattern_credit_start(u->s, u->len) == u->len;
}

/* "    保龄球馆周末一“道”难求" / "    本报记者　X": on a page that
 * indents its paragraphs and its titles too (but not its header, so the
 * profile does not call the indent the page's margin), a short line the
 * indent alone made a paragraph is a title when a byline or a dateline
 * follows it, a blank line apart at most: a story is signed under its
 * headline. The lines set tight over it (its kicker) go with it. Under
 * a paragraph it may be that story's last line over its signature: a
 * title there only when the paragraph is finished and a dateline (which
 * opens stories) follows, or a big gap sets the line apart. */
static void signed_under_indent(parser *ps, const unit *u)
{
	enum { DECK_LINES = 3 };
	/* the signing line: the new one, or the byline before it when text
	 * follows that byline (a story goes on under it: it was not the
	 * signature closing the story above) */
	size_t end = ps->nunits;
	bool text_under = u->kind == U_DATELINE;
	if (u->kind == U_PARA && !u->indent_para && u->gap <= 1 && end > ps->units_base && UNIT(ps, end - 1)->kind == U_BYLINE) {
		end--;
		text_under = true;
		u = UNIT(ps, end);
	}
	if (!(u->kind == U_BYLINE || u->kind == U_DATELINE) || u->gap > 1)
		return;
	/* the run of such lines set tight over it, set apart above */
	size_t top = end;
	while (top > ps->units_base && end - top < DECK_LINES) {
		const unit *v = UNIT(ps, top - 1);
		if (v->kind != U_PARA || !v->indent_para)
			break;
		top--;
		if (v->gap != 0)
			break;
	}
	const unit *above = top > ps->units_base ? UNIT(ps, top - 1) : NULL;
	/* (an item's mark opening the line sets it apart as a blank line
	 * does: "◆ X" / "本报讯　…") */
	bool marked = top < end && text_under && title_mark(UNIT(ps, top)->s, UNIT(ps, top)->len);
	/* (the page's header right above sets them apart on a page with no
	 * blank lines) */
	if (top == end || (UNIT(ps, top)->gap == 0 && !marked && !(above && above->kind == U_PAGEHEAD)))
		return;
	/* "社区简讯" set apart over the first marked item: the items' label */
	if (marked && above && above->kind == U_PARA && above->indent_para && above->gap >= 1 &&
	    !(above->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)) && top - 1 > ps->units_base) {
		top--;
		above = top > ps->units_base ? UNIT(ps, top - 1) : NULL;
	}
	if (above && above->kind == U_PARA && !marked &&
	    !((above->flags & UF_TERMINATED) && (text_under || UNIT(ps, top)->gap >= ps->pf.big_gap)))
		return;
	for (size_t k = top; k < end; k++) {
		UNIT(ps, k)->kind = U_TITLE;
		UNIT(ps, k)->flags &= (uint16_t)~UF_ROW;
	}
}

/* "　　以高质量党建引领高质量发展" / "省委常委会召开会议" / "——研究部署…" /
 * "　　本报讯…": on a page that indents its paragraphs (and not its
 * titles), a short line the indent alone made a paragraph, set tight over
 * the title lines of a deck that a byline or dateline signs and set apart
 * above, is the deck's kicker: a paragraph's last line ends its sentence
 * or runs on, and no paragraph stands tight over a headline. */
static void indented_kicker(parser *ps, const unit *u)
{
	enum { DECK_LINES = 3 };
	if (!(u->kind == U_BYLINE || u->kind == U_DATELINE) || u->gap > 1)
		return;
	size_t top = ps->nunits;
	while (top > ps->units_base && ps->nunits - top < DECK_LINES) {
		const unit *v = UNIT(ps, top - 1);
		if (v->kind != U_TITLE || (v->flags & UF_INDENTED))
			break;
		top--;
		if (v->gap != 0)
			break;
	}
	if (top == ps->nunits || top == ps->units_base || UNIT(ps, top)->gap != 0)
		return;
	unit *k = UNIT(ps, top - 1);
	if (k->kind != U_PARA || !k->indent_para || k->gap == 0)
		return;
	/* set apart above: by a blank line from a finished paragraph, or
	 * the page's header */
	const unit *above = top - 1 > ps->units_base ? UNIT(ps, top - 2) : NULL;
	if (above && above->kind == U_PARA && !(above->flags & UF_TERMINATED))
		return;
	k->kind = U_TITLE;
	k->flags &= (uint16_t)~UF_ROW;
}

/* A subhead indented like the paragraphs is at most this long. */
enum { INDENTED_SUBHEAD_MAX = 16 };

/* "　　重点部位专人值守" between "　　…工作。" and "　　全市168座水库…。": on a
 * page that indents its paragraphs, a short line with no punctuation at
 * all, set between a finished paragraph and a paragraph of prose that
 * sits as close under it, is a subhead indented as the text is, not a
 * paragraph: prose ends its paragraphs with a stop. Signatures (a name,
 * an office over a date), fields (时间：…), a table's title over its rows
 * and bracketed notes are left to their own rules: the line under them is
 * no paragraph of prose, or they carry a mark. */
static void indented_subhead(parser *ps, const unit *u)
{
	if (ps->nunits < ps->units_base + 2 || u->kind != U_PARA || u->indent_para || (u->flags & UF_ROW) ||
	    u->chars < 2 * INDENTED_SUBHEAD_MAX)
		return;
	unit *t = UNIT(ps, ps->nunits - 1);
	const unit *above = UNIT(ps, ps->nunits - 2);
	if (t->kind != U_PARA || t->indent_para != 1 || t->spaced || t->chars < 4 || t->chars > INDENTED_SUBHEAD_MAX ||
	    (t->flags & (UF_COMMA | UF_CLAUSE_END | UF_FIELD | UF_SENTENCE | UF_TERMINATED)) || u->gap > t->gap)
		return;
	if ((above->kind != U_PARA && above->kind != U_DATELINE) || above->indent_para || !(above->flags & UF_TERMINATED))
		return;
	uint32_t c0 = first_cp(t->s, t->s + t->len);
	if (memchr(t->s, ':', t->len) || memmem(t->s, t->len, "：", 3) || (is_opening(c0) && c0 != 0x201C && c0 != 0x300C) ||
	    title_mark(t->s, t->len) || item_mark(t))
		return;
	t->kind = U_TITLE;
	t->flags &= (uint16_t)~UF_ROW;
}

/* A box's note in brackets under its rows is at most this long. */
enum { BOX_NOTE_MAX = 40 };

/* The exact text of a short line that may be a masthead's, else 0. */
static uint32_t top_line_hash(const unit *u)
{
	if (u->chars > TITLE_MAX_CHARS || u->chars < 2 || (u->flags & (UF_TERMINATED | UF_SENTENCE)))
		return 0;
	uint32_t h = (uint32_t)util_hash(u->s, u->len, 0x7109);
	return h ? h : 1;
}

/* A title or paragraph printing a line of the page's top block again
 * (not that line itself). */
static bool is_top_line(const parser *ps, const unit *u)
{
	if (u->kind != U_TITLE && u->kind != U_PARA)
		return false;
	uint32_t h = top_line_hash(u);
	for (unsigned k = 0; h && k < ps->ntop_lines; k++)
		if (ps->top_lines[k] == h && ps->top_line_no[k] != u->line)
			return true;
	return false;
}

/* A line of the page's top block (its masthead, in any script, over the
 * running header) printed again right beside a running header further
 * down: the masthead and header a column break printed there, however
 * few the header's words it holds ("格桑日报" in Tibetan, "滨河周报"
 * alone). The page's first units are kept when a running header is
 * among them; u is the unit being pushed, the one before it is not yet
 * segmented (LOOKAHEAD). */
static void top_line_again(parser *ps, unit *u)
{
	enum { TOP_SECTION_MAX = 8 };
	/* "第3版" / "企业·市场" / "责任编辑：…": the page's section,
	 * a short line between two lines of the running header at the
	 * page's top, with nothing but header above, is the header's */
	if (u->kind == U_PAGEHEAD && u->gap <= 1 && ps->nunits < TOP_BLOCK_UNITS && ps->nunits >= ps->units_base + 2 &&
	    ps->nunits - 1 >= ps->next) {
		unit *mid = UNIT(ps, ps->nunits - 1);
		/* (the masthead over them may be read as the header's
		 * later: a short title line counts) */
		bool all_head = UNIT(ps, ps->nunits - 2)->kind == U_PAGEHEAD;
		for (size_t j = ps->units_base; j + 1 < ps->nunits; j++)
			all_head &= UNIT(ps, j)->kind == U_PAGEHEAD ||
				    (UNIT(ps, j)->kind == U_TITLE && UNIT(ps, j)->chars <= TOP_SECTION_MAX && j + 2 < ps->nunits);
		if (all_head && mid->kind == U_TITLE && mid->gap <= 1 && mid->chars <= TOP_SECTION_MAX &&
		    !(mid->flags & (UF_COMMA | UF_TERMINATED)))
			mid->kind = U_PAGEHEAD;
	}
	if (ps->nunits < TOP_LINES) {
		uint32_t h = top_line_hash(u);
		if (h) {
			ps->top_line_no[ps->ntop_lines] = u->line;
			ps->top_lines[ps->ntop_lines++] = h;
		}
		if (u->kind == U_PAGEHEAD && !ps->top_has_header && u->gap <= 1) {
			/* the masthead's words over the first header are the
			 * header's too ("滨河周报·社区" in a cut paragraph) */
			for (size_t j = ps->units_base; j < ps->nunits; j++) {
				const unit *t = UNIT(ps, j);
				if ((t->kind == U_TITLE || t->kind == U_PARA) && top_line_hash(t))
					pairs_add(ps->top_pairs, &ps->ntop_pairs, HEADER_PAIRS_MAX, t);
			}
		}
		ps->top_has_header |= u->kind == U_PAGEHEAD;
		return;
	}
	if (!ps->top_has_header || u->gap > 1 || ps->nunits <= ps->units_base || ps->nunits - 1 < ps->next)
		return;
	unit *prev = UNIT(ps, ps->nunits - 1);
	if (prev->kind == U_PAGEHEAD && is_top_line(ps, u)) {
		u->kind = U_PAGEHEAD;
		u->flags |= UF_RECURS;
	} else if (u->kind == U_PAGEHEAD && is_top_line(ps, prev)) {
		prev->kind = U_PAGEHEAD;
		prev->flags |= UF_RECURS;
	}
}

/* The gaps that part a row's cells: a tab, or two spaces or more in a
 * row (ASCII or U+3000; one U+3000 spaces a name's characters, 艺　圃). */
static unsigned column_gaps(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	unsigned gaps = 0, run = 0;
	bool tab = false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == '\t' || cp == ' ' || cp == 0x3000) {
			run++;
			tab |= cp == '\t';
			continue;
		}
		gaps += run && p - s > 3 && (tab || run >= 2);
		run = 0;
		tab = false;
	}
	return gaps;
}

/* The gaps of a row set with one space between its cells, each a word
 * or a figure ("l 江城雄鹰 29 2l 5 3 68"): four cells or more, none
 * longer than CELL_MAX characters; else 0 (a sentence has longer runs). */
enum { CELL_MAX = 6 };
static unsigned short_cells(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	unsigned cells = 0, chars = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == ' ') {
			if (!chars || chars > CELL_MAX)
				return 0;
			cells++;
			chars = 0;
			continue;
		}
		if (text_is_space(cp) || is_sentence_end(cp) || is_clause_end(cp))
			return 0;
		chars++;
	}
	if (!chars || chars > CELL_MAX)
		return 0;
	cells++;
	return cells >= 4 ? cells - 1 : 0;
}

/* A line set tight beside a table's row, in as many columns (two gaps
 * or more), is a row of that table too whatever its cells hold: its head
 * row of words ("品种\t规格\t价格"), a cell with an enumeration
 * ("网师园　　夜游·昆曲折子戏　　周六、周日19:30"), never a title. The
 * unit before u is not yet segmented (LOOKAHEAD). */
static void row_beside_row(parser *ps, unit *u)
{
	if (u->gap > 0 || ps->nunits <= ps->units_base || ps->nunits - 1 < ps->next)
		return;
	unit *prev = UNIT(ps, ps->nunits - 1);
	bool u_row = u->flags & UF_ROW;
	if (u_row == !!(prev->flags & UF_ROW))
		return;
	unit *other = u_row ? prev : u;
	const unit *row = u_row ? u : prev;
	if ((other->kind != U_TITLE && other->kind != U_PARA) || other->chars > 40 ||
	    (other->flags & (UF_TERMINATED | UF_SENTENCE)))
		return;
	unsigned gaps = column_gaps(other->s, other->len);
	if (!gaps)
		gaps = short_cells(other->s, other->len);      /* "名次 球队 场次 胜 平 负 积分" */
	if (gaps >= 2 && (gaps == column_gaps(row->s, row->len) || gaps == short_cells(row->s, row->len))) {
		other->kind = U_PARA;
		other->flags |= UF_ROW;
	}
}

/* "[!note] 本版导读" (after its "> "): a callout's kind in brackets,
 * then its title. */
static bool callout_title(const char *s, size_t len)
{
	size_t k = 2;
	if (len < 4 || s[0] != '[' || s[1] != '!')
		return false;
	while (k < len && k < 16 && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || s[k] == '-'))
		k++;
	return k > 2 && k < len && s[k] == ']';
}

static bool feed_age_line(const char *s, size_t len);
static bool site_meta_fields(const char *s, size_t len);

/* "- **X**　text", "* **X** text": a markdown list item opening with a
 * title in bold (X: a few words, no sentence end) set apart from its
 * text by a space. */
static bool md_bold_run_in(const char *s, size_t len, bool bare, size_t *title_at, size_t *title_len, size_t *text_at)
{
	/* (bare: "**X**　text" with no list's bullet, where briefs run) */
	if (len < 12 || (!bare && ((s[0] != '-' && s[0] != '*') || s[1] != ' ')))
		return false;
	const char *p = bare ? s : text_skip_space(s + 2, s + len), *end = s + len;
	if (end - p < 6 || p[0] != '*' || p[1] != '*')
		return false;
	const char *t = p + 2, *close = NULL;
	for (const char *q = t; q + 1 < end && q - t <= 4 * TITLE_MAX_CHARS; q++)
		if (q[0] == '*' && q[1] == '*') {
			close = q;
			break;
		}
	if (!close || close == t)
		return false;
	const char *body = text_skip_space(close + 2, end);
	if (body == close + 2 || body >= end)
		return false;   /* no space, or no text after the title */
	for (const char *q = t; q < close;) {
		uint32_t cp;
		q += text_decode(q, close, &cp);
		if (is_sentence_end(cp) || cp == 0xFF0C || cp == 0xFF1A)
			return false;   /* a sentence in bold, or a lead-in "X：" */
	}
	*title_at = (size_t)(t - s);
	*title_len = (size_t)(close - t);
	*text_at = (size_t)(body - s);
	return true;
}

static doc_str join_lines(parser *ps, doc_str a, const char *b, size_t blen, const char *sep);

static doc_str join_text(parser *ps, const char *a, size_t alen, const char *b, size_t blen);

/* "图为年轻人在“共享厨房”里": a caption's first line, opening with 图为,
 * that ends no sentence. */
static bool caption_runs_on(const unit *c)
{
	return (c->kind == U_TITLE || c->kind == U_PARA) && c->chars <= TITLE_MAX_CHARS &&
	       !(c->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)) &&
	       (has_prefix(c->s, c->len, "图为") || has_prefix(c->s, c->len, "圖為") || has_prefix(c->s, c->len, "圖爲"));
}

/* Whether the page's line is in its front matter (a note's, or a mail's
 * header: see front_matter_line). */
static bool in_front_matter(const parser *ps, uint32_t line)
{
	return ps->pf.front_last && line >= ps->pf.front_first && line <= ps->pf.front_last;
}

static bool plain_han(const unit *u);

/* Whether the byline by ends in a role word with no name after it
 * ("…　实习生") and u is a name alone that completes it. */
static bool byline_runs_on(const unit *by, const unit *u)
{
	static const char *const roles[] = {
		"记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "摄影", "攝影", "见习记者", "見習記者",
	};
	if (by->kind != U_BYLINE || u->chars < 2 || u->chars > 4 || u->kind == U_BYLINE || u->kind == U_DATELINE)
		return false;
	const char *end = text_trim_end(by->s, by->s + by->len);
	return ends_with_any(by->s, (size_t)(end - by->s), roles, sizeof roles / sizeof *roles) && plain_han(u) &&
	       pattern_is_byline(u->s, u->len, true);
}

/* The end of an HTML tag opening at s ("<div class=\"x\">", "</div>",
 * "<!--more-->", "<br/>"), 0 when s opens none: a letter, / or ! after
 * the <, no line break or second < before the >. */
static size_t html_tag_len(const char *s, size_t len)
{
	if (len < 3 || s[0] != '<' || !((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z') || s[1] == '/' ||
					  s[1] == '!'))
		return 0;
	for (size_t k = 1; k < len; k++) {
		if (s[k] == '<')
			return 0;
		if (s[k] == '>')
			return k + 1;
	}
	return 0;
}

/* A line of a page's HTML source left in its text (a markdown export's):
 * its tags go to the banners, the site's markup and no text of the
 * paper; true when nothing is left of it, else *s and *len narrowed to
 * the text between an opening tag and the closing one
 * (<div class="yinti">聚焦…</div>). */
static bool strip_html_line(parser *ps, const char **s, size_t *len)
{
	size_t open = html_tag_len(*s, *len);
	if (!open)
		return false;
	if (open == *len) {
		add_banner(ps, *s, *len);   /* "<!--more-->", "<br>" */
		return true;
	}
	const char *close = *s + *len - 1;
	if (*close != '>')
		return false;
	while (close > *s + open && *close != '<')
		close--;
	size_t close_len = (size_t)(*s + *len - close);
	if (close <= *s + open || close[1] != '/' || html_tag_len(close, close_len) != close_len)
		return false;
	add_banner(ps, *s, open);
	add_banner(ps, close, close_len);
	const char *t = text_skip_space(*s + open, close);
	*len = (size_t)(text_trim_end(t, close) - t);
	*s = t;
	return *len == 0;
}

/* "（上接第一版）今冬明春，…": where a jump line from another page that
 * opens a paragraph ends (its brackets closed, text after them), else
 * 0. The indent before it is the paragraph's. */
enum { LEAD_JUMP_MAX = 30 * 3 };        /* bytes */
static size_t leading_jump(const char *s, size_t len)
{
	const char *p = text_skip_space(s, s + len), *end = s + len;
	if (!(has_prefix(p, (size_t)(end - p), "（") || (p < end && *p == '(')))
		return 0;
	for (const char *q = p + 1; q < end && q - p <= LEAD_JUMP_MAX; q++) {
		size_t close = *q == ')' ? 1 : has_prefix(q, (size_t)(end - q), "）") ? 3 : 0;
		if (!close)
			continue;
		const char *after = q + close;
		int page;
		if (text_skip_space(after, end) == end ||
		    pattern_match_jump(p, (size_t)(after - p), &page) != PATTERN_JUMP_FROM)
			return 0;
		return (size_t)(after - s);
	}
	return 0;
}

static bool genre_label_upto(const unit *u, unsigned max_chars);
static bool readers_count(const unit *u);
static void push_unit(parser *ps, const char *s, size_t len, uint32_t gap, uint32_t line)
{
	bool callout = false;
	if (len >= 3 && s[0] == '<' && strip_html_line(ps, &s, &len))
		return;
	if (len >= 2 && s[0] == '>') {
		/* "> 记者 X", "> “…”": a markdown quotation, read without its mark */
		const char *t = text_skip_space(s + 1, s + len);
		len -= (size_t)(t - s);
		s = t;
		if (!len)
			return;
		callout = callout_title(s, len);
	}
	if (ps->furn.n && len <= 400 && furniture_has(&ps->furn, s, len) && !ps->in_furniture) {
		ps->in_furniture = true;
		push_furniture(ps, s, len, gap, line);
		ps->in_furniture = false;
		return;
	}
	if (len <= RULE_MAX_BYTES && is_rule(s, len)) {
		/* (a rule OCR read as a row of 一 is text of the page's: kept
		 * with its banners, as nothing is lost) */
		if ((unsigned char)s[0] == 0xE4)
			add_banner(ps, s, len);
		ps->rule_gap = true;
		return;
	}
	if (ps->rule_gap && gap < BIG_GAP + 1)
		gap = BIG_GAP + 1;
	ps->rule_gap = false;
	/* "…落实。（下转第二版）": the jump line closing the paragraph is a
	 * unit of its own */
	size_t jump = len > 12 ? pattern_trailing_jump(s, len) : len;
	if (jump < len) {
		push_unit(ps, s, (size_t)(text_trim_end(s, s + jump) - s), gap, line);
		push_unit(ps, s + jump, len - jump, 0, line);
		return;
	}
	/* "（上接第一版）今冬明春，…": the jump line opening the paragraph
	 * (its text after it on the line) is a unit of its own */
	size_t lead = len > 12 ? leading_jump(s, len) : 0;
	if (lead) {
		push_unit(ps, s, lead, gap, line);
		const char *rest = text_skip_space(s + lead, s + len);
		push_unit(ps, rest, (size_t)(s + len - rest), 0, line);
		return;
	}
	/* "[14][IMG] 图为…": a console browser's mark of a picture before
	 * its caption is the browser's (kept with the banners) */
	if (bare_picture_mark(s, len)) {
		add_banner(ps, s, len);     /* "[pic]", "[图片]": where a picture was */
		return;
	}
	size_t img = image_mark(s, len);
	if (img) {
		add_banner(ps, s, (size_t)(text_trim_end(s, s + img) - s));
		s += img;
		len -= img;
	}
	size_t title_at, title_len, text_at;
	/* "### 简讯" / "**X**　text" / "**Y**　text": briefs each opening
	 * with its title in bold under a lower title, or after such a brief */
	size_t had = ps->nunits;
	bool bare_run = len > 4 && s[0] == '*' && s[1] == '*' && had > ps->units_base &&
			(UNIT(ps, had - 1)->kind == U_MDSUB ||
			 (had - 1 > ps->units_base && UNIT(ps, had - 2)->bracketed && UNIT(ps, had - 1)->kind == U_PARA));
	if (md_bold_run_in(s, len, false, &title_at, &title_len, &text_at) ||
	    (bare_run && md_bold_run_in(s, len, true, &title_at, &title_len, &text_at))) {
		/* "- **江滩公园灯光秀周末恢复**　市园林局…": a list's item
		 * whose title in bold runs into its text: two units, as a
		 * brief's title run in after a space is */
		size_t before = ps->nunits;
		/* "### 一周瓷事" over them: a lower title heading briefs labels
		 * them, a column of its own, not a section of the story above */
		if (before && UNIT(ps, before - 1)->kind == U_MDSUB)
			UNIT(ps, before - 1)->kind = U_MDHEAD;
		push_unit(ps, s + title_at, title_len, gap, line);
		if (ps->nunits > before)
			UNIT(ps, ps->nunits - 1)->bracketed = 1;
		push_unit(ps, s + text_at, len - text_at, 0, line);
		return;
	}
	/* ("* 【研究生学术论坛举行】11月22日，…": a list's item, its bullet aside) */
	size_t bl = bullet_lead(s, len);
	size_t bt = bracket_title(s + bl, len - bl);
	if (bt) {
		/* "【湖州供电】6月9日，…": briefs each opening with their
		 * title in brackets, under a title of their own (the column)
		 * with nothing between, two or more in a row: the title is a
		 * unit of its own, without its brackets */
		const unit *prev = ps->nunits > ps->units_base ? UNIT(ps, ps->nunits - 1) : NULL;
		bool run = ps->bracket_run ||
			   (prev && prev->kind == U_TITLE && (gap > 0 || bracketed_label(prev)) && ps->have_pending &&
			    bracket_title(ps->pending.s + bullet_lead(ps->pending.s, ps->pending.len),
					  ps->pending.len - bullet_lead(ps->pending.s, ps->pending.len)));   /* (a label in brackets may sit tight over them) */
		if (run) {
			size_t before = ps->nunits;
			ps->line_indented = false;      /* (as a title run into its text, below) */
			push_unit(ps, s + bl + 3, bt - 6, gap, line);
			if (ps->nunits > before)
				UNIT(ps, ps->nunits - 1)->bracketed = 1;
			const char *body = text_skip_space(s + bl + bt, s + len);
			push_unit(ps, body, (size_t)(s + len - body), 0, line);
			ps->bracket_run = true;
			return;
		}
	}
	ps->bracket_run = false;
	/* "○北京十九日電　財政部…": an item's mark before its dateline, no
	 * title run into the text: the item is the dateline's */
	if (len >= 20 && ((unsigned char)s[0] == 0xE2 || (unsigned char)s[0] == 0xC2)) {
		size_t mark = run_in_mark(s, s + len, true);
		const char *t = mark ? text_skip_space(s + mark, s + len) : s;
		pattern_dateline dm;
		if (mark && pattern_match_dateline(t, (size_t)(s + len - t), &dm) && dm.date_end > dm.date_start) {
			push_unit(ps, t, (size_t)(s + len - t), gap, line);
			return;
		}
	}
	/* briefs under a title of their own (the column), each opening with
	 * its title after one mark ("棋界简讯" / "◇少儿等级赛报名开始 市…" /
	 * "◇女子快棋赛…"): the page's own run of items, where a plain
	 * space or a list's dot may set the title off */
	uint32_t m0 = 0;
	bool loose = false;
	if (len >= 60 && ((unsigned char)s[0] == 0xE2 || (unsigned char)s[0] == 0xC2 ||      /* (the marks' lead bytes) */
			  plain_bullet(s, len))) {
		const unit *last = ps->nunits > ps->units_base ? UNIT(ps, ps->nunits - 1) : NULL;
		m0 = first_cp(s, s + len);
		loose = ps->run_in_run == m0 ||
			(last && last->kind == U_TITLE && ps->have_pending && run_in_mark(s, s + len, true) &&
			 first_cp(ps->pending.s, ps->pending.s + ps->pending.len) == m0);
	}
	size_t title = run_in_title(s, len, loose);
	ps->run_in_run = 0;
	if (title) {
		/* "江都港集装箱吞吐量创新高　9月份，…": a brief's title run into
		 * its text is a unit of its own (the indent opens the brief,
		 * it makes no paragraph of its title) */
		ps->line_indented = false;
		/* (a list's middle dot is no mark of the title's own: ■ and ◆ are) */
		size_t dot = has_prefix(s, len, "·") ? 2 : 0;
		if (plain_bullet(s, len))
			dot = (size_t)(text_skip_space(s + 1, s + len) - s);    /* a list's bullet neither */
		size_t before = ps->nunits;
		push_unit(ps, s + dot, title - dot, gap, line);
		if (ps->nunits > before)
			UNIT(ps, ps->nunits - 1)->bracketed = 1;
		const char *body = text_skip_space(s + title, s + len);
		push_unit(ps, body, (size_t)(s + len - body), 0, line);
		ps->run_in_run = loose ? m0 : 0;    /* (after the pushes: they pass here) */
		return;
	}
	size_t ts;
	int named = len <= 160 ? deck_part_label(s, len, &ts) : NAMED_NONE;
	if (named) {
		/* "引题：X", "副题：X": a deck's line labelled with its part by
		 * the site that printed it; the label is the site's (to the
		 * banners), the deck is read from the titles, each in the part
		 * its label names */
		size_t before = ps->nunits;
		add_banner(ps, s, (size_t)(text_trim_end(s, s + ts) - s));
		push_unit(ps, s + ts, len - ts, gap, line);
		if (ps->nunits > before)
			UNIT(ps, ps->nunits - 1)->named = (uint8_t)named;
		return;
	}
	unit u;
	memset(&u, 0, sizeof u);
	u.line = line;
	u.s = s;
	u.len = (uint32_t)len;
	u.gap = ps->nunits == 0 ? BIG_GAP + 1 : gap;
	if (ps->line_indented)
		u.flags |= UF_INDENTED;
	if (ps->line_cut)
		u.flags |= UF_WRAP_CUT;
	ps->line_indented = false;      /* the rest of a line split in units is not */
	ps->line_cut = false;
	unbold_byline(ps, &u);
	bool barred = strip_bar_mark(&u);
	classify(ps, &u);
	/* (what a bar marks is a title, a question in it or not:
	 * "▍热线追踪｜积水半月无人管？记者协调后已疏通") */
	if (barred && u.kind == U_PARA && u.chars <= TITLE_MAX_CHARS && !(u.flags & UF_TERMINATED))
		u.kind = U_TITLE;
	else if (u.kind == U_TITLE && !barred && has_hashtag(u.s, u.len))
		u.kind = U_PARA;        /* "【明日看点】#滨江民生# 公交…": a post's words, no title */
	size_t as, ae;
	if (u.kind == U_PAGEHEAD && ps->nunits > ps->units_base && is_title_kind(UNIT(ps, ps->nunits - 1)->kind) &&
	    site_meta_fields(u.s, u.len) && furniture_author(u.s, u.len, &as, &ae)) {
		/* "2025-11-26 18:42　来源：X　作者：本报记者 Y" under a title:
		 * the site's line, its author the story's byline */
		push_furniture(ps, u.s, u.len, gap, line);
		return;
	}
	ps->text_units += u.kind != U_PAGEHEAD;
	md_unit(ps, &u);
	/* (its kind word is markup: the line is the box's title, not text) */
	if (callout && u.kind == U_PARA && u.chars <= TITLE_MAX_CHARS && !(u.flags & UF_TERMINATED)) {
		const char *t = memchr(u.s, ']', u.len), *end = u.s + u.len;
		bool sentence = false;
		for (const char *p = t; p && p < end && !sentence;) {
			uint32_t cp;
			p += text_decode(p, end, &cp);
			sentence = is_sentence_end(cp);
		}
		if (t && !sentence) {
			u.kind = U_TITLE;
			u.flags &= ~(unsigned)UF_SENTENCE;  /* (the ! of [!note]) */
		}
	}
	if ((u.kind == U_TITLE || u.kind == U_PARA) && field_row(&u)) {
		u.flags |= UF_FIELD;
		/* "指导老师：王芳", "供稿：X": a credit of a name, the text's
		 * own line, never a title */
		const char *c = u.s;
		while (c < u.s + u.len && *c != ':' && !has_prefix(c, (size_t)(u.s + u.len - c), "："))
			c += text_decode(c, u.s + u.len, &(uint32_t){ 0 });
		if (c < u.s + u.len) {
			c += *c == ':' ? 1 : 3;
			c = text_skip_space(c, u.s + u.len);
			if (u.kind == U_TITLE && c < u.s + u.len && pattern_is_byline(c, (size_t)(u.s + u.len - c), true) &&
			    count_chars(c, (size_t)(u.s + u.len - c), 16) <= 8) {
				u.kind = U_PARA;
				u.flags |= UF_ROW;      /* a line of its own, no cut */
			}
		}
	}
	if (ps->furn_before && !ps->in_furniture) {
		u.flags |= UF_AFTER_FURNITURE;
		ps->furn_before = false;
	}
	/* (a note's front matter or a mail's header names the stories, the
	 * subject the first: its words are no running header's; nor are an
	 * e-paper's links and its masthead, the issuer's name signing a
	 * notice; nor are the page's contents, its titles) */
	/* (nor is a forum thread's title over its first post: "[转帖]《X报》
	 * 第7版：入冬进补先辨体质" names the story it reposts) */
	if (u.kind == U_PAGEHEAD && !in_front_matter(ps, u.line) && !pattern_is_epaper_chrome(u.s, u.len) &&
	    !pattern_contents_line(u.s, u.len) && !(ps->pf.forum_posts && u.line < ps->pf.forum_first))
		header_pairs_add(ps, &u);
	else if ((u.kind == U_TITLE || u.kind == U_PARA) && ps->nheader_pairs && like_header(ps, &u)) {
		u.kind = U_PAGEHEAD;
		u.flags |= UF_RECURS;
	}
	top_line_again(ps, &u);
	row_beside_row(ps, &u);
	/* a site prints an item's source and age, a post's fields, right
	 * under its title: the title heads a story, as over furniture */
	if (u.kind == U_PAGEHEAD && ps->nunits > ps->units_base && ps->nunits - 1 >= ps->next &&
	    UNIT(ps, ps->nunits - 1)->kind == U_TITLE &&
	    ((u.gap == 0 && (feed_age_line(u.s, u.len) || site_meta_fields(u.s, u.len))) ||
	     /* (a phone view's count of its readers, a blank line apart) */
	     (u.gap <= 1 && u.chars <= READS_LINE_MAX && readers_count(&u))))
		UNIT(ps, ps->nunits - 1)->over_furn = 1;
	/* "电动自行车头盔怎么选？" printing a title the page lists at its
	 * top: that title, a question, not a sentence nor a caption */
	if ((u.kind == U_PARA || u.kind == U_CAPTION) && ps->pf.nlisted && short_question(&u) && listed_print(ps, &u)) {
		u.kind = U_TITLE;
		u.flags |= UF_QUESTION_HEAD;
	}
	if (ps->nunits > ps->units_base && ps->nunits - 1 >= ps->next && u.gap == 0 &&
	    byline_runs_on(UNIT(ps, ps->nunits - 1), &u)) {
		/* "本报记者　许　婧　实习生" / "陈雨萱": a byline the line's end
		 * cut after a role word, its name on the next line */
		unit *by = UNIT(ps, ps->nunits - 1);
		doc_str j = join_lines(ps, doc_str_make(by->s, by->len), u.s, u.len, "\xe3\x80\x80");
		by->s = j.s;
		by->len = (uint32_t)j.len;
		by->chars = (uint16_t)(by->chars + 1 + u.chars);
		return;
	}
	if (ps->nunits > ps->units_base && ps->nunits - 1 >= ps->next && u.gap == 0 && u.kind == U_CAPTION &&
	    caption_runs_on(UNIT(ps, ps->nunits - 1))) {
		/* "图为年轻人在“共享厨房”里" / "做饭。本报记者　许　婧　摄": a
		 * caption the line's end cut, its credit on the next line */
		unit *c = UNIT(ps, ps->nunits - 1);
		doc_str j = join_text(ps, c->s, c->len, u.s, u.len);
		uint32_t first_gap = c->gap, at = c->line;
		uint16_t chars = (uint16_t)(c->chars + u.chars);
		*c = u;
		c->s = j.s;
		c->len = (uint32_t)j.len;
		c->gap = first_gap;
		c->line = at;
		c->chars = chars;
		return;
	}
	if (ps->nunits > ps->units_base) {
		unit *prev = UNIT(ps, ps->nunits - 1);
		prev->gap_after = u.gap;
		/* "玉米苗发黄是缺肥吗？" over "问：…": the question heads an item
		 * of a Q&A page, a title, not a sentence */
		if (prev->kind == U_PARA && u.kind == U_PARA && asked_question(prev, &u))
			prev->kind = U_TITLE;
		/* "置业问答" / "二手房“带押过户”怎么办？": a short question
		 * right under a word or two set as a title heads the piece
		 * under that label */
		if (u.kind == U_PARA && prev->kind == U_TITLE &&
		    (prev->chars <= QUESTION_LABEL_MAX || bracketed_label(prev) || genre_label_upto(prev, QUESTION_LABEL_MAX + 2)) &&
		    u.gap <= 1 &&
		    short_question(&u) && !(u.flags & UF_COMMA) && !memmem(u.s, u.len, "：", 3) &&
		    !memchr(u.s, ':', u.len))
		{
			u.kind = U_TITLE;     /* ("读者问：…？" is the letter's question) */
			u.flags |= UF_QUESTION_HEAD;
		}
		/* "大棚蔬菜怎样防冻害？" between the site's furniture and a
		 * byline: the next story's headline, a question */
		if (prev->kind == U_PARA && (prev->flags & UF_AFTER_FURNITURE) && short_question(prev) &&
		    (u.kind == U_BYLINE || u.kind == U_NAMES || u.kind == U_DATELINE)) {
			prev->kind = U_TITLE;
			prev->flags |= UF_QUESTION_HEAD;
		}
		/* "郵輪乘客點樣去市區？" / "記者　X" / text: a question set
		 * apart over a byline or dateline with text under it heads
		 * the story that byline signs (a story closing on a question
		 * has no text of its own under its signature) */
		if ((u.kind == U_PARA || u.kind == U_DATELINE) && u.gap <= 1 && prev->kind == U_BYLINE &&
		    prev->gap <= 1 && ps->nunits - 1 > ps->units_base) {
			unit *q = UNIT(ps, ps->nunits - 2);
			/* (tight under a title line: the deck's last line, "老码头上的绞盘" / "为什么一直没拆？") */
			bool under_title = q->gap == 0 && ps->nunits - 2 > ps->units_base &&
					   UNIT(ps, ps->nunits - 3)->kind == U_TITLE;
			if (q->kind == U_PARA && short_question(q) && (q->gap >= 1 || under_title) && !(q->flags & UF_COMMA) &&
			    !memchr(q->s, ':', q->len) && !memmem(q->s, q->len, "：", 3)) {
				q->kind = U_TITLE;
				if (!under_title)
					q->flags |= UF_QUESTION_HEAD;
			}
			/* "“共享充电宝”越来越贵了？" / "记者走访…，部分点位…" /
			 * "本报记者　X": the question over a line of detail that
			 * ends no sentence, over the byline: the headline over
			 * its subtitle */
			const unit *detail = q;
			q = ps->nunits - 2 > ps->units_base ? UNIT(ps, ps->nunits - 3) : NULL;
			if (q && q->kind == U_PARA && detail->kind == U_PARA && detail->gap <= 1 && (detail->flags & UF_COMMA) &&
			    !(detail->flags & (UF_TERMINATED | UF_SENTENCE)) && detail->chars <= TITLE_MAX_CHARS &&
			    short_question(q) && (q->gap >= 1 || ps->nunits - 3 == ps->units_base) && !(q->flags & UF_COMMA) &&
			    !memchr(q->s, ':', q->len) && !memmem(q->s, q->len, "：", 3))
				q->kind = U_TITLE;
		}
		/* "知识窗" / "为什么秋天树叶会变黄？" / text: a question right
		 * under a column's label heads the column's piece */
		if (prev->kind == U_PARA && short_question(prev) && prev->gap <= 1 && ps->nunits - 1 > ps->units_base &&
		    !memchr(prev->s, ':', prev->len) && !memmem(prev->s, prev->len, "：", 3) &&
		    (u.kind == U_PARA || u.kind == U_BYLINE || u.kind == U_NAMES || u.kind == U_DATELINE)) {
			const unit *label = UNIT(ps, ps->nunits - 2);
			if (label->kind == U_TITLE && label->chars <= 6 && (label->gap >= 1 || !ps->pf.blank_rhythm) &&
			    label_like(label, false))
				prev->kind = U_TITLE;
		}
		if (prev->kind == U_CAPTION && marked_item_title(prev, &u))
			prev->kind = U_TITLE;
		signed_under_indent(ps, &u);
		indented_kicker(ps, &u);
		indented_subhead(ps, &u);
		if ((prev->flags & UF_DASH_START) && ps->nunits - 1 > ps->units_base &&
		    subtitle_under(UNIT(ps, ps->nunits - 2), prev, &u)) {
			UNIT(ps, ps->nunits - 2)->kind = U_TITLE;
			UNIT(ps, ps->nunits - 2)->flags |= UF_OVER_DASH;
		}
		verse_lines(ps, &u);
		/* "时间：…" over "地点：…", "车型：…" over "售价：…": two or
		 * more field lines set tight are a box of data, rows of text,
		 * not a deck of titles */
		if ((u.flags & UF_FIELD) && (prev->flags & UF_FIELD) && (u.gap == 0 || (u.gap == 1 && ps->pf.blank_rhythm)) &&
		    !(prev->len == u.len && memcmp(prev->s, u.s, u.len) == 0)) {   /* (one line extracted twice is no box) */
			prev->kind = U_PARA;
			prev->flags |= UF_ROW;
			u.kind = U_PARA;
			u.flags |= UF_ROW;
		}
		/* "■…　　第5版" among "■…　　A03" lines: an entry of the box
		 * listing the issue's titles, not a running header */
		if ((u.kind == U_PAGEHEAD || prev->kind == U_PAGEHEAD) && u.gap == 0 && title_mark(u.s, u.len) &&
		    title_mark(u.s, u.len) == title_mark(prev->s, prev->len) && page_ref_tail(&u) && page_ref_tail(prev)) {
			if (u.kind == U_PAGEHEAD)
				u.kind = U_TITLE;
			if (prev->kind == U_PAGEHEAD)
				prev->kind = U_TITLE;
		}
		if (u.kind == U_TITLE &&
		    (prev->kind == U_TITLE ||
		     (prev->kind == U_PARA && ((prev->flags & UF_ROW) || (md_list_mark(prev) && md_list_mark(prev) == md_list_mark(&u))))) &&
		    (u.gap == 0 || (u.gap == 1 && ps->pf.blank_rhythm)) && same_item_shape(prev, &u)) {
			prev->kind = U_PARA;
			prev->flags |= UF_ROW;
			prev->item_row = ITEM_ROW_LIST;
			u.kind = U_PARA;
			u.flags |= UF_ROW;
			u.item_row = ITEM_ROW_LIST;
		}
		/* "（价格由本刊监测点提供）", "（单位：瑞尔；资料来源：…）" set
		 * tight under such rows: the box's own note (its source, its
		 * unit), a row of it, clauses and all */
		else if ((u.kind == U_TITLE || (u.kind == U_PARA && u.chars <= BOX_NOTE_MAX && !u.indent_para)) &&
			 prev->kind == U_PARA && (prev->flags & UF_ROW) && u.gap == 0 && round_bracketed(&u)) {
			u.kind = U_PARA;
			u.flags |= UF_ROW;
			u.item_row = ITEM_ROW_LIST;
		}
		marked_briefs(ps, &u);
		if (u.flags & UF_FIELD)
			form_field(ps, &u);
		mark_issuer(ps, &u);
	}
	size_t n = ps->nunits - ps->units_base;
	UTIL_PUSH(ps->units, n, ps->units_cap, u);
	ps->nunits++;
}

static bool raw_ends_sentence(const char *s, size_t len)
{
	const char *end = s + len, *at = end;
	if (!len)
		return false;
	uint32_t cp = last_cp(s, end, &at);
	if (cp == 0xFF09 || cp == ')') {
		/* "…品种。（文新）": an author or a mark after the sentence */
		size_t paren, ns, ne;
		if (pattern_match_trailing_byline(s, len, &paren, &ns, &ne))
			return true;
		const char *p = at;
		for (int n = 0; p > s && n < 30; n++) {
			uint32_t c = last_cp(s, p, &p);
			if (c == 0xFF08 || c == '(')
				return p == s || is_sentence_end(last_cp(s, p, NULL));
		}
	}
	while (is_closing(cp) && at > s)
		cp = last_cp(s, at, &at);
	return is_sentence_end(cp);
}

/* A line's width against the wrap: in columns, or in characters (two
 * columns each) on a page that wraps at a count of characters. */
static unsigned wrap_width(const profile *pf, const raw_line *l)
{
	unsigned cols = capped_columns(l);
	return pf->wrap_chars && l->len <= 1200 ? cols - l->indent + 2 * l->indent_chars + narrow_chars(l->s, l->len) : cols;
}

static unsigned wrap_columns(const parser *ps, const raw_line *l)
{
	return wrap_width(&ps->pf, l);
}

/* A paragraph's first line whose indent the extraction dropped (see
 * profile_dropped_indent): short of the wrap by the indent, unfinished. */
static bool dropped_indent_start(const parser *ps, const raw_line *l)
{
	return ps->pf.indent_dropped && dropped_width(&ps->pf, wrap_columns(ps, l)) && !raw_ends_sentence(l->s, l->len);
}

/* The width against the wrap of the piece a wrap could not have cut
 * from the start of a line: its first character with a run of letters
 * or figures it touches ("出100场" when the line opens "出100场次。"),
 * an opening quote with the character after it, and the punctuation no
 * line may open with after them (a typesetter carries the character
 * before a comma or a full stop over with it). A line that leaves less
 * room than that before the wrap was full: the next line's first word
 * did not fit on it. */
static bool word_char(uint32_t cp)
{
	return cp > ' ' && cp < 0x7F;
}

static unsigned wrap_piece(const parser *ps, const raw_line *l)
{
	const char *p = l->s, *end = l->s + l->len;
	unsigned width = 0;
	bool chars = ps->pf.wrap_chars;
	uint32_t cp;
	int n;
#define PIECE_TAKE() (width += chars || cp >= 0x1100 ? 2 : 1, p += n)
	if (p >= end)
		return 0;
	n = text_decode(p, end, &cp);
	if (is_opening(cp) && p + n < end) {
		PIECE_TAKE();
		n = text_decode(p, end, &cp);
	}
	bool word = word_char(cp);
	PIECE_TAKE();
	if (p < end && !word) {
		uint32_t c2;
		text_decode(p, end, &c2);
		word = word_char(c2);
	}
	if (word) {
		/* the run of letters and figures, and the character after it */
		for (int k = 0; p < end && k < 12; k++) {
			n = text_decode(p, end, &cp);
			bool in_run = word_char(cp);
			PIECE_TAKE();
			if (!in_run)
				break;
		}
	}
	while (p < end) {
		n = text_decode(p, end, &cp);
		if (!is_closing(cp) && !is_sentence_end(cp) && !is_clause_end(cp))
			break;
		PIECE_TAKE();
	}
#undef PIECE_TAKE
	return width;
}

/* "企业“偷排”，要担哪些责任？": a title asking its question, one
 * sentence, no stop before its question mark. */
static bool question_title(const raw_line *l)
{
	uint32_t z = last_cp(l->s, l->s + l->len, NULL);
	return (z == 0xFF1F || z == '?') && !util_find(l->s, l->len, "。", 3);
}

/* Whether the lines after `next` are a few more short lines that end no
 * sentence (at most three: the rest of a deck, 微小说 / 一把伞 / □陈小满;
 * a title may ask its question),
 * then a line that starts with an indent, or short by the indent the
 * extraction dropped (a peek: the reader does not move). A deck's
 * subtitle opening with a dash may fill the width
 * ("——馆藏照片征集活动收到市民捐赠四百余件"). */
static bool title_run_then_indented(const parser *ps)
{
	line_reader lr = ps->lr;
	raw_line l;
	for (int k = 0; k < 4; k++) {
		if (!next_line(&lr, &l) || l.gap != 0)
			return false;
		if (l.indented || dropped_indent_start(ps, &l))
			return true;
		bool dash = has_prefix(l.s, l.len, "——");
		if ((!dash && wrap_columns(ps, &l) + 6 >= ps->wrap) || wrap_columns(ps, &l) > ps->wrap ||
		    (raw_ends_sentence(l.s, l.len) && !question_title(&l)))
			return false;
	}
	return false;
}

/* "…近40万元。（曾" / "　慧）": a bracket opened a few characters before
 * the end of a line and closed a few characters into the next one is
 * one group cut by the wrap, however the next line starts (a name
 * spaced "曾　慧" puts its space at the start of the line). */
static bool bracket_runs_on(const raw_line *cur, const raw_line *next)
{
	enum { GROUP_MAX = 8 };
	const char *end = cur->s + cur->len, *p = end;
	for (int chars = 0; p > cur->s && chars <= GROUP_MAX; chars++) {
		const char *at = p;
		uint32_t cp = last_cp(cur->s, p, &at);
		if (cp == 0xFF09 || cp == ')')
			return false;
		if (cp == 0xFF08 || cp == '(') {
			/* the group closes early in the next line, and the line ends there */
			const char *q = next->s, *e = next->s + next->len;
			for (int k = 0; q < e && k <= GROUP_MAX; k++) {
				uint32_t c;
				q += text_decode(q, e, &c);
				if (c == 0xFF08 || c == '(')
					return false;
				if (c == 0xFF09 || c == ')')
					return text_skip_space(q, e) == e;
			}
			return false;
		}
		p = at;
	}
	return false;
}

/* Whether a line holds a comma of a sentence, ，、；or OCR's ,､ (a
 * colon is a label's: 下一篇：X): bytes, as this runs on most lines. */
static bool sentence_comma(const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s;
	for (size_t k = 0; k < len; k++)
		if (b[k] == ',' || (k + 2 < len && ((b[k] == 0xEF && ((b[k + 1] == 0xBC && (b[k + 2] == 0x8C || b[k + 2] == 0x9B)) ||
								       (b[k + 1] == 0xBD && b[k + 2] == 0xA4))) ||
						     (b[k] == 0xE3 && b[k + 1] == 0x80 && b[k + 2] == 0x81))))
			return true;
	return false;
}

/* Whether `next` continues `cur` in a page hard-wrapped at ps->wrap;
 * `first` is the first line of the unit being built. A line as wide as
 * the wrap runs on. On a page whose paragraphs are marked by an indent,
 * a paragraph runs on through lines that are not indented while its
 * sentence is unfinished, or while its lines are full, except for a
 * short line followed by an indented one: a title between stories. */
/* The page's first units, all short lines so far (a name, an issue
 * number): a masthead may still be going on. */
enum { MASTHEAD_UNITS = 3 };
/* The page's first units, where a mailed edition prints its own lines. */
enum { MAIL_TOP_UNITS = 8, MAIL_WEB_LINE_MAX = 80, CONTENTS_LINE_MAX = 120 };
static bool masthead_above(const parser *ps)
{
	for (size_t j = ps->units_base; j < ps->nunits; j++) {
		const unit *v = UNIT(ps, j);
		if (v->kind != U_PAGEHEAD && (v->chars > 12 || (v->flags & (UF_TERMINATED | UF_SENTENCE))))
			return false;
	}
	return true;
}

/* A year in figures before 年 (2026年, 二〇二六年). */
static bool date_numeral(uint32_t cp);

static bool has_year(const char *s, size_t len)
{
	const char *end = s + len;
	for (const char *p = util_find(s, len, "年", 3); p; p = util_find(p + 3, (size_t)(end - p - 3), "年", 3)) {
		const char *q = p;
		int digits = 0;
		while (q > s && digits < 4) {
			const char *r = text_prev(s, q);
			uint32_t cp;
			text_decode(r, q, &cp);
			if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x3007 ||
			      (cp >= 0x4E00 && date_numeral(cp))))
				break;
			digits++;
			q = r;
		}
		if (digits == 4)
			return true;
	}
	return false;
}

/* An issuer and a dated year ("X办公室　2026年11月25日": one field, one
 * other word) in the page's first lines under short lines only ("一周
 * 城事（11月23日—11月29日）" has no year: a title of the week). */
static bool masthead_issuer(const parser *ps, const char *s, size_t len, const header_match *hm)
{
	return ps->nunits < MASTHEAD_UNITS && hm->words == 2 && hm->fields == 1 && hm->others == 1 &&
	       hm->score >= PATTERN_HF_DATE && masthead_above(ps) && has_year(s, len);
}

/* "　　元阳融媒讯（记者　李春芳" / "　通讯员　卢朝贵）4月14日，…": a
 * paragraph opening with a dateline whose bracketed byline the wrap cut
 * (the next line set in by a space): one paragraph when the two lines
 * read as a dateline with its byline across the cut. */
static bool dateline_space_join(const raw_line *cur, const raw_line *next);
static bool dateline_plain_join(const raw_line *cur, const raw_line *next);
static bool dateline_runs_on(const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (cur != first || cur->len + next->len > 600)
		return false;
	/* cheap first: a round bracket opened in cur and not closed there */
	const char *open = NULL;
	for (const char *p = cur->s; p + 3 <= cur->s + cur->len; p++) {
		if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] == 0x88)
			open = p;       /* （ */
		else if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] == 0x89)
			open = NULL;    /* ） */
	}
	if (!open || open == cur->s)
		return false;
	return dateline_plain_join(cur, next) || dateline_space_join(cur, next);
}

/* Whether cur and next joined as they are read as a dateline with its
 * byline across the join. */
static bool dateline_plain_join(const raw_line *cur, const raw_line *next)
{
	if (cur->len + next->len > 600)
		return false;
	char buf[600];
	memcpy(buf, cur->s, cur->len);
	memcpy(buf + cur->len, next->s, next->len);
	pattern_dateline m;
	return pattern_match_dateline(buf, cur->len + next->len, &m) && m.byline_start < cur->len &&
	       m.byline_end > cur->len && m.body_start < cur->len + next->len;
}

/* "本报武汉讯（记者　周　航" / "通讯员　吴　江）…": the byline's bracket
 * cut between a name and the next role word, which the printed line's
 * end parted as a space does: read across the cut with a space there
 * (and only when the plain join reads no byline across it). */
static bool dateline_space_join(const raw_line *cur, const raw_line *next)
{
	if (cur->len + 3 + next->len > 600 || !text_is_han(last_cp(cur->s, cur->s + cur->len, NULL)) ||
	    !text_is_han(first_cp(next->s, next->s + next->len)))
		return false;
	char buf[600];
	memcpy(buf, cur->s, cur->len);
	memcpy(buf + cur->len, "\xE3\x80\x80", 3);
	memcpy(buf + cur->len + 3, next->s, next->len);
	pattern_dateline m;
	return pattern_match_dateline(buf, cur->len + 3 + next->len, &m) && m.byline_start < cur->len &&
	       m.byline_end > cur->len + 3 && m.body_start < cur->len + 3 + next->len;
}

/* "本报讯　杨帆、特约通讯员" / "马骁报道：近日，…": a dateline line
 * whose unbracketed byline the wrap cut (the first line short by its
 * dropped indent): one paragraph when the two lines read as a dateline
 * with a byline across the cut. */
enum { DATELINE_CUT_MAX = 90 };
static bool dateline_byline_cut(const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (cur != first || cur->len > DATELINE_CUT_MAX || next->gap != 0 || cur->len + next->len > 600 ||
	    (!util_find(cur->s, cur->len, "讯", 3) && !util_find(cur->s, cur->len, "訊", 3) &&
	     !util_find(cur->s, cur->len, "电", 3) && !util_find(cur->s, cur->len, "電", 3)))
		return false;
	char buf[600];
	memcpy(buf, cur->s, cur->len);
	memcpy(buf + cur->len, next->s, next->len);
	pattern_dateline m;
	/* (the byline may end at the cut, "本报讯　赵一鸣、特约记者刘洋" /
	 * "报道：入冬以来…") */
	return pattern_match_dateline(buf, cur->len + next->len, &m) && m.byline_start < cur->len &&
	       m.byline_end >= cur->len && m.byline_end > m.byline_start && m.body_start < cur->len + next->len;
}

/* "新华社南宁7月14日电" / "（记者　黎　江）记者从广西…": a dateline
 * filling its line alone, the bracketed byline it files opening the
 * next line: the wrap cut the lead after the dateline, one paragraph. */
static bool dateline_over_byline(const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (cur != first || cur->len > 90 || next->len < 6 || cur->len + next->len > 600 ||
	    !(next->s[0] == '(' || has_prefix(next->s, next->len, "（")))
		return false;
	pattern_dateline m;
	if (!pattern_match_dateline(cur->s, cur->len, &m) || m.body_start < cur->len || m.date_end != cur->len)
		return false;
	char buf[600];
	memcpy(buf, cur->s, cur->len);
	memcpy(buf + cur->len, next->s, next->len);
	return pattern_match_dateline(buf, cur->len + next->len, &m) && m.byline_start >= cur->len &&
	       m.byline_end > m.byline_start;
}

/* The words a subhead is at most on a hard-wrapped page. */
enum { WRAP_HEAD_MAX = 12 };

/* "近日", "日前", "昨天": the day a lead opens with; past it, or s. */
static const char *skip_lead_day(const char *s, const char *end)
{
	static const char *const days[] = { "近日", "日前", "昨日", "昨天", "今天", "今日" };
	for (size_t k = 0; k < sizeof days / sizeof *days; k++)
		if (has_prefix(s, (size_t)(end - s), days[k]))
			return s + strlen(days[k]);
	return s;
}

/* "11月22日，", "近日，": a story's lead opening with its date. */
static bool dated_lead(const char *s, size_t len)
{
	const char *p = skip_lead_day(s, s + len), *end = s + len;
	if (p == s) {
		const char *q = p;
		while (q < end && *q >= '0' && *q <= '9')
			q++;
		if (q == p || !has_prefix(q, (size_t)(end - q), "月"))
			return false;
		p = q += 3;
		while (q < end && *q >= '0' && *q <= '9')
			q++;
		if (q == p || !has_prefix(q, (size_t)(end - q), "日"))
			return false;
		p = q + 3;
	}
	return has_prefix(p, (size_t)(end - p), "，") || (p < end && *p == ',');
}

/* "本报讯 2026珠城半程马拉松": a dateline opening its lead at the line's
 * start (a wrap never puts a story's dateline first on a line inside a
 * paragraph). */
static bool dateline_opens_line(const raw_line *l)
{
	pattern_dateline m;
	return l->len <= 90 && pattern_match_dateline(l->s, l->len, &m) && m.date_start == 0 && m.date_end > 0;
}

/* "本报银川11月30日讯（通讯": a dateline alone on its line but for the
 * first words of its bracketed byline, which the wrap cut. */
static bool bracket_left_open(const char *s, size_t len);
static bool dateline_cut_in_bracket(const raw_line *l)
{
	if (l->len > 90 || !bracket_left_open(l->s, l->len))
		return false;
	pattern_dateline m;
	if (!pattern_match_dateline(l->s, l->len, &m) || m.date_start != 0 || !m.date_end)
		return false;
	const char *t = text_skip_space(l->s + m.date_end, l->s + l->len);
	return t < l->s + l->len && (*t == '(' || has_prefix(t, (size_t)(l->s + l->len - t), "（"));
}

/* A title on a hard-wrapped page may be as long as this when the line
 * under it opens a lead with its date, or is its dateline or its byline
 * alone. */
enum { WRAP_DATED_HEAD_MAX = 20 };

/* "…才未造成严重后果。" (a full line) / "原因分析" / "经检测，当时烟道内…"
 * (full): on a hard-wrapped page, a short line with no punctuation at
 * all under a full line that ends its sentence, over a line that fills
 * the wrap again, is a title set tight between paragraphs (a subhead, or
 * the next story's head): the last line of a paragraph ends with a stop
 * or a closing mark, whatever its length. */
static bool short_head_over_text(const parser *ps, const raw_line *next, unsigned wrap)
{
	/* (a column of a PDF viewer's copy is narrow: a title there is
	 * short of it by two full marks' slack, not by half) */
	unsigned cols = wrap_columns(ps, next);
	if (!next->indented && !inner_punctuation(next->s, next->len) && !raw_ends_sentence(next->s, next->len) &&
	    count_chars(next->s, next->len, WRAP_DATED_HEAD_MAX + 1) <= WRAP_DATED_HEAD_MAX &&
	    cols + ps->pf.wrap_slack < wrap) {
		/* "万象华文学校庆祝建校七十周年" / "11月22日，万象华文学校…",
		 * "学院举办学员科技创新成果展" / "本报讯", "…被判监30个月" /
		 * "许嘉欣 报道"; short of the wrap by more than its slack only
		 * over the dateline that opens its lead ("珠城半程马拉松4月开放
		 * 报名" / "本报讯 2026珠城…") */
		bool short_by_two = cols + 2 * ps->pf.wrap_slack <= wrap;
		line_reader lr = ps->lr;
		raw_line l;
		if (next_line(&lr, &l) && l.gap == 0 &&
		    (dateline_opens_line(&l) ||
		     (short_by_two &&
		      ((wrap_columns(ps, &l) + ps->pf.wrap_slack >= wrap && dated_lead(l.s, l.len)) ||
		       dateline_cut_in_bracket(&l) || (l.len <= 90 && pattern_is_byline(l.s, l.len, false))))))
			return true;
	}
	if (next->indented || count_chars(next->s, next->len, WRAP_HEAD_MAX + 1) > WRAP_HEAD_MAX ||
	    (ps->pf.local_wrap ? cols + 2 * ps->pf.wrap_slack > wrap : cols * 2 > wrap) ||
	    inner_punctuation(next->s, next->len))
		return false;
	uint32_t z = last_cp(next->s, next->s + next->len, NULL);
	if (!text_is_han(z) && z != 0x201D && z != 0x300D)
		return false;
	line_reader lr = ps->lr;
	raw_line l;
	if (!next_line(&lr, &l) || l.gap != 0)
		return false;
	if (wrap_columns(ps, &l) + ps->pf.wrap_slack >= wrap)
		return true;
	/* "方言词条" / "老克勒" / "【释义】…": a column's label over a
	 * short title, the text full under both; a title with a comma
	 * ("这些情形，劳动者可以随时解除合同") clearly short of the wrap, its
	 * sentence unfinished, can be no line of a paragraph there */
	bool plain_title = count_chars(l.s, l.len, WRAP_HEAD_MAX + 1) <= WRAP_HEAD_MAX && !inner_punctuation(l.s, l.len) &&
			   wrap_columns(ps, &l) * 2 <= wrap;
	bool comma_title = count_chars(l.s, l.len, WRAP_DATED_HEAD_MAX + 1) <= WRAP_DATED_HEAD_MAX &&
			   wrap_columns(ps, &l) + 2 * ps->pf.wrap_slack < wrap;
	if (l.indented || raw_ends_sentence(l.s, l.len) || !(plain_title || comma_title))
		return false;
	raw_line m;
	return next_line(&lr, &m) && m.gap == 0 && wrap_columns(ps, &m) + ps->pf.wrap_slack >= wrap;
}

/* "数码印刷助力出版社“按需印刷”" / "——单本起印，图书库存下降四成" /
 * "本报通讯员　于晓彤": on a hard-wrapped page, a line set apart from the
 * text above, with no sentence's punctuation inside, over a line opening
 * with a dash that a byline follows tight, is a headline over its
 * subtitle however near the wrap it comes: a deck, no paragraph. */
static bool head_over_dash_deck(const parser *ps, const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (cur != first || cur->indented || next->indented ||
	    !has_prefix(next->s, next->len, "——") || inner_punctuation(cur->s, cur->len) ||
	    raw_ends_sentence(cur->s, cur->len))
		return false;
	line_reader lr = ps->lr;
	raw_line l;
	/* (a blank line may set the byline off: pdftotext's blocks; or the
	 * text opens under it with its dateline, 本报讯（记者 X）连日来，…) */
	if (!next_line(&lr, &l) || l.gap > 1)
		return false;
	if (l.len <= 120 && pattern_is_byline(l.s, l.len, true))
		return true;
	pattern_dateline m;
	return l.len <= 600 && pattern_match_dateline(l.s, l.len, &m) && m.date_start == 0 && m.date_end > 0;
}

/* "记者从市交通运输局获悉，", "記者12日從…": a reporter's lead opening
 * the line, the words that start a story's text. */
static bool reporter_lead(const char *s, size_t len)
{
	static const char *const how[] = { "从", "從", "获悉", "獲悉", "了解到", "走访", "走訪", "采访", "採訪" };
	if (!has_prefix(s, len, "记者") && !has_prefix(s, len, "記者"))
		return false;
	const char *p = s + 6, *end = s + len;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	/* (the day: "记者12日从…", "记者近日从…") */
	p = p > s + 6 && has_prefix(p, (size_t)(end - p), "日") ? p + 3 : skip_lead_day(p, end);
	for (size_t k = 0; k < sizeof how / sizeof *how; k++)
		if (has_prefix(p, (size_t)(end - p), how[k]))
			return true;
	return false;
}

/* "共享单车停放新规下月施行" / "记者从市交通运输局获悉，": on a
 * hard-wrapped page, a line set apart with no punctuation over a
 * reporter's lead is the story's headline however wide it is. */
static bool head_over_reporter_lead(const raw_line *first, const raw_line *cur, const raw_line *next)
{
	return cur == first && cur->gap > 0 && !cur->indented && !inner_punctuation(cur->s, cur->len) &&
	       !raw_ends_sentence(cur->s, cur->len) && is_han(last_cp(cur->s, cur->s + cur->len, NULL)) &&
	       reporter_lead(next->s, next->len);
}

/* "地点：…" over "咨询电话：…": a field's label and its colon. */
static bool short_field(const raw_line *l)
{
	size_t k = field_label_len(l->s, l->len);
	return k > 0 && k <= 18 && k < l->len;
}

/* The measure a line is full against on a page wrapped column by column
 * (profile_local_wrap): inside a paragraph, its widest line so far; a
 * paragraph's first line as wide as the next is the column's; narrower,
 * it is short of the next (a title over its text); wider, it is set
 * against the column's measure as last seen (a paragraph of two lines). */
static unsigned local_wrap_width(const parser *ps, const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (cur != first)
		return ps->unit_cols;
	unsigned cc = wrap_columns(ps, cur), nc = wrap_columns(ps, next);
	if (cc + 3 >= nc && nc + 3 >= cc)
		return cc > nc ? cc : nc;
	if (cc < nc)
		return nc;
	return ps->column_cols ? ps->column_cols : cc;
}

/* "今年以来，选矿厂围绕“提回" / "收、降消耗”目标，对重选流" / …: a
 * column set narrower than the page's wrap (a box, a short story beside a
 * table), its lines as wide as each other and short of the page's width:
 * a line of prose (a comma inside, or as wide as the column's last line
 * that ran on; no sentence ended) with the next as wide (or wider, in
 * the column's width), or narrower and ending the sentence, runs on. */
static bool narrow_column_line(const parser *ps, const raw_line *cur, const raw_line *next, unsigned cur_cols,
			       unsigned wrap)
{
	/* (a line with no comma in it, as wide as the last line that ran on
	 * in its column: "车间将全装置1.2万余个静" under "…之二以下。") */
	bool column = cur_cols + 1 >= ps->run_cols && cur_cols <= ps->run_cols + 1;
	if (cur_cols * 4 < wrap * 3 || raw_ends_sentence(cur->s, cur->len) ||
	    !(column || inner_punctuation(cur->s, cur->len)))
		return false;
	/* (wider under it only in the column's width: a kicker with a comma
	 * may stand over a wider headline) */
	unsigned next_cols = wrap_columns(ps, next);
	return (next_cols + 2 >= cur_cols && (column || next_cols <= cur_cols + 2)) ||
	       (next_cols < cur_cols && raw_ends_sentence(next->s, next->len));
}

/* "（QFES）", "（South Bank Parklands）的人工沙滩。": a line opening with
 * a gloss in Latin letters in brackets. */
static bool latin_gloss(const char *s, size_t len)
{
	size_t open = has_prefix(s, len, "（") ? 3 : has_prefix(s, len, "(") ? 1 : 0;
	if (!open || open >= len || !((s[open] | 0x20) >= 'a' && (s[open] | 0x20) <= 'z'))
		return false;
	for (size_t k = open; k < len; k++) {
		if (s[k] == ')' || has_prefix(s + k, len - k, "）"))
			return k > open;
		if (!((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') && s[k] != ' ' && s[k] != '.' && s[k] != '-' &&
		    s[k] != '&' && s[k] != '\'' && !(s[k] >= '0' && s[k] <= '9'))
			return false;
	}
	return false;
}

/* A viewer that breaks its lines where the font changes (pdf.js in a
 * browser): a gloss in Latin letters set in another face goes out onto
 * a line of its own, and the rest of the printed line after it onto
 * another, a character or three ("…服务局" / "（QFES）" / "表" /
 * "示，高温…"): the lines around such a gloss, and a scrap of a few
 * characters within a paragraph's run, are one paragraph. */
enum { FONT_SCRAP_MAX = 3 };
enum { FIGURE_SCRAP_MAX = 12 };
static bool figures_only(const char *s, size_t len);
static bool figure_scrap(const raw_line *l)
{
	return l->len <= FIGURE_SCRAP_MAX && figures_only(l->s, l->len) && (l->len >= 3 || memchr(l->s, '.', l->len));
}

/* Whether [s, s+len) holds opening marks only (“, 「, （, 《, 【). */
static bool only_opening(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	if (p == end)
		return false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!is_opening(cp))
			return false;
	}
	return true;
}

static bool font_break(const raw_line *first, const raw_line *cur, const raw_line *next)
{
	/* (a gloss alone on its line ends in its bracket: no sentence) */
	if (latin_gloss(cur->s, cur->len))
		return !raw_ends_sentence(cur->s, cur->len) || cur->s[cur->len - 1] == ')' ||
		       has_prefix(cur->s + cur->len - 3, 3, "）");
	if (raw_ends_sentence(cur->s, cur->len))
		return false;
	if (latin_gloss(next->s, next->len))
		return true;
	/* "“" / "95" / "后”护林员的巡山路": an opening mark put out alone on
	 * its line by a change of face opens what follows */
	if (cur->len <= 6 && only_opening(cur->s, cur->len))
		return true;
	if (cur != first && first->len <= 6 && only_opening(first->s, first->len) && cur->len <= FIGURE_SCRAP_MAX &&
	    figures_only(cur->s, cur->len))
		return true;    /* ("“" / "95" / "后”…": the figure after the mark too) */
	/* "全長約" / "6.8" / "公里，": a figure in the Latin face put out on
	 * a line of its own, inside the sentence (three characters at least
	 * or a point: no folio) */
	if ((figure_scrap(next) && is_han(last_cp(cur->s, cur->s + cur->len, NULL)) &&
	     (cur != first || inner_punctuation(cur->s, cur->len))) ||
	    (figure_scrap(next) && is_opening(last_cp(cur->s, cur->s + cur->len, NULL))) ||
	    (cur != first && figure_scrap(cur)))
		return true;
	/* "澳洲气象局（Bureau of" / "Meteorology）25日…": a gloss the line
	 * cut */
	const char *open = memrchr(cur->s, 0xEF, cur->len);
	size_t rest = open ? (size_t)(cur->s + cur->len - open) : 0;
	if (open && rest > 3 && has_prefix(open, rest, "（") && bracket_left_open(cur->s, cur->len) &&
	    (open[3] | 0x20) >= 'a' && (open[3] | 0x20) <= 'z')
		return true;
	/* a scrap: a few Han characters, no punctuation, inside the run */
	if (cur == first || cur->len > 3 * FONT_SCRAP_MAX || !inner_punctuation(next->s, next->len))
		return false;
	for (const char *p = cur->s, *end = cur->s + cur->len; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!is_han(cp))
			return false;
	}
	return true;
}

/* "* 【研究生学术论坛举行】11月22日，…" over "  16个学院的…": a list's
 * item wrapped under its own text, set in past its bullet ("* ", "- ",
 * "• "): the item runs on, the indent is no new paragraph's. */
static bool hangs_under(const raw_line *first, const raw_line *next)
{
	return (plain_bullet(first->s, first->len) || has_prefix(first->s, first->len, "• ")) &&
	       next->indent == first->indent + 2;
}

/* "旬，省工业和信息化厅公布…": a line that opens with one Han character
 * and a comma (or 、；) ends a word the line above cut ("11月中" /
 * "旬"): no sentence opens so (a label does with a colon: 图：, 问：). */
static bool opens_with_word_end(const raw_line *l)
{
	const char *p = l->s, *end = l->s + l->len;
	uint32_t a, b;
	if (p >= end)
		return false;
	p += text_decode(p, end, &a);
	if (!is_han(a) || p >= end)
		return false;
	text_decode(p, end, &b);
	return b == 0xFF0C || b == 0x3001 || b == 0xFF1B;
}

/* "巡回审判进果园　一场官司化解三年积怨": phrases of four Han characters
 * or more set apart by spaces, nothing else (no punctuation,
 * no figure; not 本报讯　X nor 记者　X　Y, whose words are short or
 * names). */
enum { SPACED_PHRASE_MIN = 4 };
static bool spaced_title_line(const raw_line *l)
{
	const char *p = l->s, *end = l->s + l->len;
	unsigned phrases = 0, run = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == 0x3000 || (cp == ' ' && run)) {
			if (run < SPACED_PHRASE_MIN)
				return false;
			phrases++;
			run = 0;
		} else if (is_han(cp)) {
			run++;
		} else {
			return false;
		}
	}
	return run >= SPACED_PHRASE_MIN && phrases >= 1 && !pattern_is_byline(l->s, l->len, false);
}

enum { LETTER_LABEL_MAX = 6 };
static bool under_spaced_label(const parser *ps)
{
	if (ps->nunits <= ps->units_base)
		return false;
	const unit *u = UNIT(ps, ps->nunits - 1);
	return u->kind == U_TITLE && u->spaced && u->chars <= LETTER_LABEL_MAX;
}

static bool opens_with_dateline(const raw_line *l)
{
	pattern_dateline m;
	uint32_t c0 = first_cp(l->s, l->s + l->len);
	if (c0 != 0x3010 && c0 != 0x672C && c0 != 0x665A && c0 != 0x6668 && c0 != 0x65E9)       /* 【, 本, 晚, 晨, 早 */
		return false;
	return pattern_match_dateline(l->s, l->len, &m) && m.date_start <= 3 && m.date_end > m.date_start;
}

/* "编辑同志：我今年78岁，…", "尊敬的各位家长：": a letter opens with
 * its salutation, a paragraph of its own start: the one it is addressed
 * to, a word of Han (at most ten), and a colon. */
enum { SALUTATION_MAX = 10 };

static bool opens_with_salutation(const raw_line *l)
{
	static const char *const whom[] = { "同志", "编辑", "編輯", "编辑部", "編輯部", "先生", "女士", "老师", "老師",
					    "朋友们", "朋友們", "家长们", "家長們" };
	static const char *const dear[] = { "尊敬的", "亲爱的", "親愛的" };
	const char *colon = memmem(l->s, l->len < 3 * SALUTATION_MAX + 3 ? l->len : 3 * SALUTATION_MAX + 3, "：", 3);
	if (!colon || colon == l->s)
		return false;
	size_t n = (size_t)(colon - l->s);
	for (const char *p = l->s; p < colon;) {
		uint32_t cp;
		p += text_decode(p, colon, &cp);
		if (!text_is_han(cp))
			return false;
	}
	for (size_t k = 0; k < sizeof dear / sizeof *dear; k++)
		if (has_prefix(l->s, n, dear[k]))
			return true;
	return ends_with_any(l->s, n, whom, sizeof whom / sizeof *whom);
}

static bool asks(const unit *u);
static bool raw_asks(const raw_line *l)
{
	unit u = { .s = l->s, .len = l->len };
	return asks(&u);
}

/* "議員建議當局善用公共房屋的": a line that stops on a word that joins
 * what comes after it (的, 和, 与, 及, 并, 或, 把, 被, 对, 向, 从, 将, 在, 是):
 * no title ends so, the phrase runs on. */
static bool stops_mid_phrase(const char *s, size_t len)
{
	static const uint32_t joiners[] = { 0x7684, 0x548C, 0x4E0E, 0x8207, 0x53CA, 0x5E76, 0x4E26, 0x6216, 0x628A,
					    0x88AB, 0x5BF9, 0x5C0D, 0x5411, 0x4ECE, 0x5F9E, 0x5C06, 0x5C07, 0x5728, 0x662F };
	uint32_t z = last_cp(s, s + len, NULL);
	for (size_t k = 0; k < sizeof joiners / sizeof *joiners; k++)
		if (z == joiners[k])
			return true;
	return false;
}

static bool ends_mid_phrase(const raw_line *l)
{
	return stops_mid_phrase(l->s, l->len);
}

/* Lines that never run on into the next whatever their widths: a title
 * over its text or its picture, a paragraph over a title, a line over a
 * story's dateline. */
/* Whether next repeats a run of RESTATED_RUN Han characters of cur. */
enum { RESTATED_RUN = 5, RESTATED_CHARS_MAX = 40 };
static bool restated_under(const raw_line *cur, const raw_line *next)
{
	uint32_t a[RESTATED_CHARS_MAX], b[RESTATED_CHARS_MAX];
	size_t na = 0, nb = 0;
	for (const char *p = cur->s, *end = cur->s + cur->len; p < end && na < RESTATED_CHARS_MAX;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		a[na++] = cp;
	}
	for (const char *p = next->s, *end = next->s + next->len; p < end && nb < RESTATED_CHARS_MAX;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		b[nb++] = cp;
	}
	if (na < 2 * RESTATED_RUN)
		return false;
	/* (a title run into its text on its line, "·X 本报讯 Y", is no
	 * title alone: its text goes on under it) */
	for (size_t i = 0; i < na; i++)
		if (text_is_space(a[i]) || (i == 0 && !is_han(a[i])))
			return false;
	for (size_t i = 0; i + RESTATED_RUN <= na; i++)
		for (size_t j = 0; j + RESTATED_RUN <= nb; j++) {
			size_t k = 0;
			while (k < RESTATED_RUN && a[i + k] == b[j + k] && is_han(a[i + k]))
				k++;
			if (k == RESTATED_RUN)
				return true;
		}
	return false;
}

static bool line_mark(const char *s, size_t len);
enum { DROP_CAP_TEXT_MIN = 6 };    /* characters at least on the line a drop cap stands over */
static bool cartoon_line(const char *s, size_t len);
static bool single_char_line(const raw_line *l);
static bool parts_here(const parser *ps, const raw_line *first, const raw_line *cur, const raw_line *next)
{
	/* "巡回审判进果园　一场官司化解三年积怨" under a finished sentence:
	 * two phrases of a title set apart by a space, no mark of a
	 * sentence, open no paragraph's line; nor does such a title run
	 * into the photo's caption under it, or into the next line of its
	 * deck ("坚持项目为王 奋力冲刺全年目标" / "全市四季度…开工") */
	if (raw_ends_sentence(cur->s, cur->len) && spaced_title_line(next))
		return true;
	if (cur == first && spaced_title_line(cur) &&
	    (pattern_credit_start(next->s, next->len) < next->len || !inner_punctuation(next->s, next->len)))
		return true;
	/* "【本報訊】運輸基建局昨（十": a dateline opens its story's first
	 * paragraph; no line runs into it (a subtitle of detail over it,
	 * as wide as the wrap, with commas) */
	if (opens_with_dateline(next))
		return true;
	/* (nor into a letter's salutation: 读者来信 / its title /
	 * "编辑同志：我今年78岁，老伴") */
	if (opens_with_salutation(next))
		return true;
	/* (nor does a cartoon's caption run on: "漫画　X　周　锐　作") */
	if (cartoon_line(cur->s, cur->len))
		return true;
	/* (nor into a drop cap, a paragraph's first character alone over
	 * the rest of its line: a title over it is whole) */
	if (next == &ps->pending && single_char_line(next) && !stray_marks(next->s, next->len)) {
		line_reader lr = ps->lr;
		raw_line l;
		uint32_t c0 = 0;
		if (next_line(&lr, &l) && l.gap == 0 && (text_decode(l.s, l.s + l.len, &c0), is_han(c0)) &&
		    count_chars(l.s, l.len, DROP_CAP_TEXT_MIN) >= DROP_CAP_TEXT_MIN && !raw_ends_sentence(cur->s, cur->len) &&
		    !inner_punctuation(cur->s, cur->len))
			return true;
	}
	if (cur != first)
		return false;
	/* "岷倫洛區消防隊舉辦家居防火講座" / "菲華志願消防總會岷倫洛區消防隊":
	 * a line of no punctuation that the line under it names again (a
	 * lead restating its title's subject) is the title, however wide */
	if (!inner_punctuation(cur->s, cur->len) && !raw_ends_sentence(cur->s, cur->len) && restated_under(cur, next))
		return true;
	/* "（数据来源：盟农牧局市场信息科）": a labelled note wholly in
	 * brackets, on a line of its own, is whole; so is an author's post
	 * ("（作者系岚州市青山区人民法院民一庭庭长）") */
	if (first_cp(cur->s, cur->s + cur->len) == 0xFF08 && last_cp(cur->s, cur->s + cur->len, NULL) == 0xFF09 &&
	    (memmem(cur->s, cur->len, "：", 3) ||
	     (has_prefix(cur->s, cur->len, "（作者") && (const char *)memmem(cur->s, cur->len, "）", 3) == cur->s + cur->len - 3)) &&
	    !bracket_left_open(cur->s, cur->len))
		return true;
	/* a bare line right under a column's label set letter-spaced ("行 业
	 * 快 讯") is its story's title, however wide (a column's lines
	 * copied one by one fill it alike) */
	if (!inner_punctuation(cur->s, cur->len) && !raw_ends_sentence(cur->s, cur->len) && under_spaced_label(ps) &&
	    !line_mark(cur->s, cur->len))
		return true;    /* (an item's mark opens a brief's text: "◆X定於十二月六日" / "上午…") */
	/* a reader's question ("读者张女士问：…") under the title that puts
	 * it ("…，卖家能否追讨货款？") */
	return last_cp(cur->s, cur->s + cur->len, NULL) == 0xFF1F && raw_asks(next);
}

enum { WIDER_MIN = 4 };
static bool wraps_into(const parser *ps, const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (!ps->wrap && cur == first && short_field(cur) && short_field(next))
		return false;   /* (rows of a box of fields, each a line) */
	unsigned wrap = ps->wrap ? ps->wrap : local_wrap_width(ps, first, cur, next);
	if (next->gap == 0 && next->indented && (bracket_runs_on(cur, next) || dateline_runs_on(first, cur, next)))
		return true;
	/* (the byline's bracket cut so at the margin too: "本报武汉讯（记者　周　航" /
	 * "通讯员　吴　江）12月1日，…") */
	if (next->gap == 0 && dateline_runs_on(first, cur, next))
		return true;
	if (next->gap == 0 && (dateline_over_byline(first, cur, next) || dateline_byline_cut(first, cur, next)))
		return true;
	if (next->gap != 0 || (next->indented && !hangs_under(first, next)) || line_is_special(next->s, next->len) ||
	    line_is_special(cur->s, cur->len))
		return false;
	/* "金港高速日均车流量突破1.5万辆" / "——沿线物流成本明显下降": a
	 * title line, no mark inside, over its —— subtitle, however wide
	 * (a subtitle that stops short of the wrap: a —— line as wide as
	 * the wrap runs on, a sentence's dash the wrap put first) */
	if (cur == first && has_prefix(next->s, next->len, "——") && !raw_ends_sentence(cur->s, cur->len) &&
	    ((!inner_punctuation(cur->s, cur->len) && wrap && wrap_columns(ps, next) + ps->pf.wrap_slack < wrap) ||
	     (!inner_punctuation(next->s + 6, next->len - 6) && !raw_ends_sentence(next->s, next->len))))
		return false;   /* (nor a title with a comma over a —— line of no mark: "——某支队…见闻") */
	if (font_break(first, cur, next))
		return true;
	/* "红 高 粱 映 红 好 日 子" over "全县六万亩…": a line set letter-
	 * spaced (display type) and one set tight are two lines of a deck,
	 * not one line wrapped */
	if (!ps->pf.letter_spaced && letter_spaced(cur->s, cur->len) != letter_spaced(next->s, next->len))
		return false;
	/* a rule ("=====", "-----") as wide as the wrap is no text */
	if ((cur->len <= RULE_MAX_BYTES && is_rule(cur->s, cur->len)) ||
	    (next->len <= RULE_MAX_BYTES && is_rule(next->s, next->len)))
		return false;
	/* a scanner's specks ("丨", "|") are a line of their own, no text
	 * for a paragraph to run into or on from */
	if ((next->len <= 12 && stray_marks(next->s, next->len)) || (cur->len <= 12 && stray_marks(cur->s, cur->len)))
		return false;
	/* an item opening with a mark ("■贵州茅台（600519）：…") starts afresh;
	 * a list's middle dot ("·环卫工人免费体检 本报讯…") after a closed
	 * line, not after a word it may join ("中国" / "·东盟") */
	uint32_t c0 = first_cp(next->s, next->s + next->len);
	if (c0 == 0x25A0 || c0 == 0x25CF || c0 == 0x25C6 || c0 == 0x25B2 || c0 == 0x2605 || c0 == 0x25C7)
		return false;
	if (c0 == 0x00B7) {
		uint32_t cl = last_cp(cur->s, cur->s + cur->len, NULL);
		if (!text_is_han(cl) && !((cl | 0x20) >= 'a' && (cl | 0x20) <= 'z') && !(cl >= '0' && cl <= '9'))
			return false;
	}
	/* the page's furniture is a line of its own; but a line of prose (a
	 * comma inside) as wide as the wrap that ends no sentence runs on,
	 * whatever its shape (a reader's question wrapped:
	 * "问：我家两个大棚种的黄瓜，最近下部叶片出现许" is shaped as a 问：X
	 * field that recurs in every item) */
	if (ps->furn.n && (furniture_has(&ps->furn, next->s, next->len) ||
			   (furniture_has(&ps->furn, cur->s, cur->len) &&
			    (wrap_columns(ps, cur) + ps->pf.wrap_slack < wrap || raw_ends_sentence(cur->s, cur->len) ||
			     !sentence_comma(cur->s, cur->len)))))
		return false;
	if (raw_like_header(ps, next) || raw_like_header(ps, cur))
		return false;
	if (head_over_dash_deck(ps, first, cur, next) || head_over_reporter_lead(first, cur, next))
		return false;
	/* "（记者　潘一鸣　实习生　吴佳琪）": the signature on a line of its
	 * own closes the story; nothing runs on from it */
	if (has_prefix(cur->s, cur->len, "（") && bracket_signed_line(cur->s, cur->len))
		return false;
	/* "——鹿城童鞋企业应对新国标见闻": a subtitle set apart, over the text */
	if (cur == first && has_prefix(cur->s, cur->len, "——") && !inner_punctuation(cur->s, cur->len) &&
	    !raw_ends_sentence(cur->s, cur->len))
		return false;
	header_match mh;
	if (ps->nunits < MASTHEAD_UNITS && cur == first && capped_columns(cur) <= 80 &&
	    !raw_ends_sentence(cur->s, cur->len) && (match_header(cur->s, cur->len, &mh), masthead_issuer(ps, cur->s, cur->len, &mh)))
		return false;   /* a masthead's line is a line of its own */
	if (ps->nunits < MAIL_TOP_UNITS && cur == first && site_credit(cur->s, cur->len))
		return false;   /* (and its publisher's: 主办：X集团党委　X有限公司) */
	unsigned cur_cols = wrap_columns(ps, cur);
	/* a line far wider than the wrap was not set by it (a running
	 * header kept whole): it runs into nothing; but a caption set across
	 * the columns wraps at its own width, its sentence running on into
	 * the line that ends with the photographer's credit */
	if (cur == first && cur_cols > wrap + wrap / 4 + ps->pf.wrap_slack)
		return !raw_ends_sentence(cur->s, cur->len) && inner_punctuation(cur->s, cur->len) &&
		       pattern_credit_start(cur->s, cur->len) == cur->len &&    /* (closed by its own credit: whole) */
		       wrap_columns(ps, next) <= cur_cols && pattern_credit_start(next->s, next->len) < next->len;
	/* a line of no punctuation wider than the wrap (by more than a
	 * figure's spaces): a title set across the columns, no line the wrap
	 * made ("州政府拨款800万令吉 提升乔治市排水系统" on a page wrapped at
	 * 14 characters) */
	if (cur == first && cur_cols > wrap + ps->pf.wrap_slack + WIDER_MIN && !inner_punctuation(cur->s, cur->len))
		return false;
	/* a line the wrap set runs into no line wider than the wrap (by more
	 * than a figure's spaces): that one was set across the columns, a
	 * subtitle of detail under its title ("酵母抽提物需求走强　产能加速向
	 * 西部转移" / "健康调味品市场扩容，多家企业在…" on a page wrapped at
	 * 19 characters) */
	if (cur_cols <= wrap + ps->pf.wrap_slack && wrap_columns(ps, next) > wrap + ps->pf.wrap_slack + WIDER_MIN)
		return false;
	/* (nor does one whole sentence wider than the wrap at all: a caption
	 * set across the columns, "▲许淑珍（右二）在给孩子们讲故事。") */
	if (cur == first && cur_cols > wrap + ps->pf.wrap_slack && raw_ends_sentence(cur->s, cur->len))
		return false;
	/* (short of the wrap by the next line's first word: a line of
	 * prose, with a comma or a stop inside or under a full line, not a
	 * title set tight over its text) */
	bool full = cur_cols + ps->pf.wrap_slack >= wrap ||
		    (cur_cols * 4 >= wrap * 3 && cur_cols + wrap_piece(ps, next) > wrap &&
		     (cur != first || inner_punctuation(cur->s, cur->len))) ||
		    (cur_cols * 4 >= wrap * 3 && (opens_with_word_end(next) || ends_mid_phrase(cur))) ||
		    narrow_column_line(ps, cur, next, cur_cols, wrap);
	if (parts_here(ps, first, cur, next))
		return false;
	/* "图为…现场。　本报记者　邵　宁摄": a photo's credit ends its caption,
	 * and a caption starts after a finished sentence */
	if (full && pattern_credit_start(cur->s, cur->len) < cur->len)
		return false;
	if (pattern_credit_start(next->s, next->len) < next->len && raw_ends_sentence(cur->s, cur->len))
		return false;
	/* a paragraph's first line short by the indent the extraction
	 * dropped runs on; after a finished sentence, such a line opens the
	 * next paragraph */
	if (cur == first && dropped_indent_start(ps, cur))
		full = true;
	else if (full && raw_ends_sentence(cur->s, cur->len) &&
		 (dropped_indent_start(ps, next) || (ps->pf.indent_dropped && wrap_columns(ps, next) + 6 < wrap &&
						     !raw_ends_sentence(next->s, next->len) && title_run_then_indented(ps))))
		return false;   /* (or a title over such a line: 孩子们的劳动课 / byline / first line) */
	if (full && raw_ends_sentence(cur->s, cur->len) && short_head_over_text(ps, next, wrap))
		return false;
	/* a unit that starts unindented but full is the rest of a paragraph
	 * cut by a running header: it ends as an indented paragraph does */
	if (!ps->pf.indents || (!first->indented && wrap_columns(ps, first) + 3 < wrap))
		return full;
	if (!raw_ends_sentence(cur->s, cur->len)) {
		/* a line well short of the wrap (three times the slack a full
		 * line has on this page) that closes a bracket or a quotation
		 * ends its paragraph ("…出版社20" / "26年出版）" over a
		 * column's label); one that stops mid-phrase runs on, as a
		 * loose wrap sets it */
		return full || wrap_columns(ps, cur) + 3 * ps->pf.wrap_slack >= wrap ||
		       !is_closing(last_cp(cur->s, cur->s + cur->len, NULL)) || bracket_left_open(cur->s, cur->len);
	}
	if (!full)
		return false;
	/* (a line with no punctuation at all over a new paragraph is a title
	 * however wide: a paragraph's last line closes a sentence) */
	return !((wrap_columns(ps, next) + 6 < wrap || !inner_punctuation(next->s, next->len)) &&
		 !raw_ends_sentence(next->s, next->len) &&
		 title_run_then_indented(ps));
}

/* Whether line next runs on from line cur of the unit opened by first: on
 * a hard-wrapped page, as the wrap says; on a page of a paragraph a line,
 * only around a figure a change of face put out on a line of its own
 * ("累计投入环保资金" / "1600" / "余万元，建成…"). */
static bool runs_on(const parser *ps, const raw_line *first, const raw_line *cur, const raw_line *next)
{
	if (ps->wrap || ps->pf.local_wrap)
		return wraps_into(ps, first, cur, next);
	if (next->gap == 0 && dateline_runs_on(first, cur, next))
		return true;        /* "本报武汉讯（记者　周　航" / "通讯员　吴　江）…" */
	if (next->gap != 0 || raw_ends_sentence(cur->s, cur->len))
		return false;
	if (cur != first && figure_scrap(cur))
		return true;
	return figure_scrap(next) && is_han(last_cp(cur->s, cur->s + cur->len, NULL)) && inner_punctuation(cur->s, cur->len);
}

/* Whether the last line of a unit of a hard-wrapped page fills the width
 * with its sentence unfinished and a running header or footer comes
 * right under it: the column was cut there, the text runs on after the
 * header ("施工方表示，剩余的绿化和" / "07　社区　晨风快报" / "照明工程…"),
 * so the line is no title however short the unit. */
static bool cut_by_running_line(const parser *ps, const raw_line *last, const raw_line *next)
{
	header_match hm;
	if (next->gap != 0 || wrap_columns(ps, last) + ps->pf.wrap_slack < ps->wrap || raw_ends_sentence(last->s, last->len))
		return false;
	return raw_like_header(ps, next) || (next->len < 200 && is_running_header(next->s, next->len, &hm));
}

/* The same on a page that is not hard-wrapped: a line that stops between
 * two characters of a sentence (a comma inside it, no mark at its end,
 * a Han character last) with the page's running header under it, blank
 * lines around that or not: a column break printed the header in the
 * middle of a paragraph ("当前正值春季田间管理关键期，省农" / the header /
 * "业农村厅提醒广大农户…"), the line no title however short. */
static bool cut_mid_line(const parser *ps, const raw_line *last, const raw_line *next)
{
	header_match hm;
	if (next->gap > 2 || next->len >= 200 || !is_han(last_cp(last->s, last->s + last->len, NULL)))
		return false;
	if (!sentence_comma(last->s, last->len) || raw_ends_sentence(last->s, last->len))
		return false;
	return raw_like_header(ps, next) || is_running_header(next->s, next->len, &hm);
}

/* A table read a row at a time, a cell a line (cell_rows_line): each row
 * one unit, its cells apart by an ideographic space, as printed. True
 * when cur opened such a row (made a unit with the cells under it). */
static bool produce_row(parser *ps, const raw_line *cur)
{
	if (cur->line > ps->row_table_last) {
		ps->row_table_last = 0;
		for (unsigned t = 0; t < ps->pf.ncell_tables; t++)
			if (ps->pf.cell_row[t] && cur->line == ps->pf.cell_first[t]) {
				ps->row_table_last = ps->pf.cell_last[t];
				ps->row_cells = ps->pf.cell_row[t];
			}
		if (!ps->row_table_last)
			return false;
	}
	util_buf b = { 0 };
	util_buf_add(&b, cur->s, cur->len);
	ps->have_pending = next_line(&ps->lr, &ps->pending);
	for (unsigned c = 1; c < ps->row_cells && ps->have_pending && ps->pending.gap == 0 &&
			     ps->pending.line <= ps->row_table_last; c++) {
		util_buf_add(&b, "\xe3\x80\x80", 3);
		util_buf_add(&b, ps->pending.s, ps->pending.len);
		ps->have_pending = next_line(&ps->lr, &ps->pending);
	}
	doc_str d = doc_arena_dup(ps->issue, b.data, b.len);
	util_buf_free(&b);
	ps->line_indented = false;
	push_unit(ps, d.s, d.len, cur->gap, cur->line);
	return true;
}

/* "Title: X", "Author: Y", "Link: …": a field of the header a feed reader
 * or a site's export prints over each item (an English key of letters
 * at the line's head, a colon and a space, a short value with no
 * sentence end in it): FEED_TITLE, FEED_AUTHOR or FEED_OTHER, the value
 * at *value; 0 for none. ("Q: …" / "A: …" are no fields: a key of two
 * letters at least, three but for By.) */

/* "【标　题】千亩油茶林迎来丰收季", "【作　者】本报记者　X", "【版　次】第3版":
 * a field of a record a newspaper database exports, its label in 【】
 * (letter-spaced or not), its value after it: the field's role (FEED_*)
 * and where the value starts, or 0. Only a database's labels: a paper's
 * own 【本报讯】, 【出行贴士】 open text. */
enum { RECORD_LABEL_MAX = 6, RECORD_TITLES_MIN = 2, SAVED_HEAD_LINES = 12 };

static int record_field(const char *s, size_t len, size_t *value)
{
	static const struct { const char *w; int role; } labels[] = {
		{ "标题", FEED_TITLE }, { "標題", FEED_TITLE }, { "题名", FEED_TITLE }, { "題名", FEED_TITLE },
		{ "篇名", FEED_TITLE }, { "正题", FEED_TITLE }, { "正題", FEED_TITLE }, { "主标题", FEED_TITLE },
		{ "主標題", FEED_TITLE }, { "引题", FEED_OVER }, { "引題", FEED_OVER }, { "肩题", FEED_OVER },
		{ "肩題", FEED_OVER }, { "眉题", FEED_OVER }, { "眉題", FEED_OVER }, { "副题", FEED_SUB },
		{ "副題", FEED_SUB }, { "副标题", FEED_SUB }, { "副標題", FEED_SUB }, { "作者", FEED_AUTHOR },
		{ "責任者", FEED_AUTHOR }, { "责任者", FEED_AUTHOR }, { "署名", FEED_AUTHOR },
		{ "图片说明", FEED_CAPTION }, { "圖片說明", FEED_CAPTION }, { "图说", FEED_CAPTION },
		{ "圖說", FEED_CAPTION }, { "图注", FEED_CAPTION }, { "圖註", FEED_CAPTION }, { "版次", FEED_OTHER },
		{ "版名", FEED_OTHER }, { "版面", FEED_OTHER }, { "版号", FEED_OTHER }, { "版號", FEED_OTHER },
		{ "日期", FEED_OTHER }, { "出版日期", FEED_OTHER }, { "正文", FEED_OTHER }, { "全文", FEED_OTHER },
		{ "来源", FEED_OTHER }, { "來源", FEED_OTHER }, { "栏目", FEED_OTHER }, { "欄目", FEED_OTHER },
		{ "字数", FEED_OTHER }, { "字數", FEED_OTHER }, { "分类号", FEED_OTHER }, { "分類號", FEED_OTHER },
		{ "关键词", FEED_OTHER }, { "關鍵詞", FEED_OTHER }, { "期号", FEED_OTHER }, { "期號", FEED_OTHER },
		{ "刊名", FEED_OTHER }, { "报纸名称", FEED_OTHER }, { "報紙名稱", FEED_OTHER }, { "页码", FEED_OTHER },
		{ "頁碼", FEED_OTHER },
	};
	if (len < 9 || len > FEED_VALUE_MAX || !has_prefix(s, len, "【"))
		return 0;
	char word[3 * RECORD_LABEL_MAX + 1];
	size_t wn = 0, nchars = 0, digits = 0;
	const char *p = s + 3, *end = s + len;
	while (p < end && !has_prefix(p, (size_t)(end - p), "】")) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (cp >= '0' && cp <= '9' && wn)
			digits++;       /* "【记录2】": the record's number */
		else if (!text_is_space(cp)) {
			if (!text_is_han(cp) || digits || ++nchars > RECORD_LABEL_MAX)
				return 0;
			memcpy(word + wn, p, (size_t)n);
			wn += (size_t)n;
		}
		p += n;
	}
	if (p >= end || !wn)
		return 0;
	word[wn] = 0;
	if (digits) {
		*value = len;
		return (strcmp(word, "记录") == 0 || strcmp(word, "記錄") == 0) &&
			       text_skip_space(p + 3, end) == end ? FEED_OTHER : 0;
	}
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (strcmp(word, labels[k].w) == 0) {
			*value = (size_t)(text_skip_space(p + 3, end) - s);
			return labels[k].role;
		}
	return 0;
}

/* "链接：https://…", "发布时间：2026-12-03 00:00", "分类：第6版", "作者：":
 * a field of a feed reader's item in Chinese, label and colon. */
static int feed_field_han(const char *s, size_t len, size_t *value)
{
	static const struct { const char *w; int role; } labels[] = {
		{ "链接：", FEED_OTHER }, { "鏈接：", FEED_OTHER }, { "网址：", FEED_OTHER }, { "網址：", FEED_OTHER },
		{ "发布时间：", FEED_OTHER }, { "發佈時間：", FEED_OTHER }, { "发布日期：", FEED_OTHER },
		{ "分类：", FEED_OTHER }, { "分類：", FEED_OTHER }, { "作者：", FEED_AUTHOR },
	};
	/* (a colon in the first five characters, or no field: most lines) */
	if (!memmem(s, len < 18 ? len : 18, "：", 3))
		return 0;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (has_prefix(s, len, labels[k].w)) {
			*value = (size_t)(text_skip_space(s + strlen(labels[k].w), s + len) - s);
			return labels[k].role;
		}
	return 0;
}

static int feed_field(const char *s, size_t len, size_t *value)
{
	if (len && s[0] == (char)0xE3)
		return record_field(s, len, value);
	if (len > 6 && len <= FEED_VALUE_MAX &&
	    (s[0] == (char)0xE9 || s[0] == (char)0xE7 || s[0] == (char)0xE5 || s[0] == (char)0xE4))
		return feed_field_han(s, len, value);
	if (!len || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return 0;
	size_t k = field_key_len(s, len);
	if (k >= len || s[k] != ':' || (k + 1 < len && s[k + 1] != ' ') || len - k > FEED_VALUE_MAX)
		return 0;
	bool by = k == 2 && strncasecmp(s, "by", 2) == 0;
	if ((k < 3 && !by) || k > 24 || memmem(s + k, len - k, "。", 3))
		return 0;
	*value = (size_t)(text_skip_space(s + k + 1, s + len) - s);
	static const char *const titles[] = { "title", "subject", "headline" };
	static const char *const authors[] = { "author", "byline", "creator", "writer", "reporter" };
	for (size_t t = 0; t < sizeof titles / sizeof *titles; t++)
		if (k == strlen(titles[t]) && strncasecmp(s, titles[t], k) == 0)
			return FEED_TITLE;
	for (size_t t = 0; t < sizeof authors / sizeof *authors; t++)
		if (k == strlen(authors[t]) && strncasecmp(s, authors[t], k) == 0)
			return FEED_AUTHOR;
	return by ? FEED_AUTHOR : FEED_OTHER;
}

/* A line of a feed item's header (two fields or more, tight: Feed:,
 * Title:, Author:, Link:, Date: of a reader's saved items, one block
 * over each item): the reader's furniture goes to the banners, its
 * title heads the item and its author signs it, as 标题：/作者： lines
 * of a site do (push_furniture). True when cur was taken so. */

/* "http:", "javascript:", "www.": a link's address opens at s. */
static bool link_address(const char *s, size_t len)
{
	if (has_prefix(s, len, "www."))
		return true;
	size_t k = 0;
	while (k < len && k <= 10 && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
		k++;
	return k >= 3 && k + 1 < len && s[k] == ':' && s[k + 1] != ' ';
}

/* "https://www.rheinhuabao.de/newsletter/212": an address alone on its
 * line, nothing else. */
static bool bare_address(const char *s, size_t len)
{
	if (!link_address(s, len))
		return false;
	for (size_t k = 0; k < len; k++)
		if ((unsigned char)s[k] <= ' ' || (unsigned char)s[k] >= 0x80)
			return false;
	return true;
}

/* "[1]: http://…", "[2] https://…", "13. https://…": a line of the list
 * of links a feed or console reader (newsboat, lynx, w3m) sets under an
 * item or a page, the numbers of its text's links. */
static bool link_ref_line(const char *s, size_t len)
{
	size_t k = link_mark(s, s + len);
	if (!k) {
		while (k < len && k < 4 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (!k || k >= len || s[k] != '.')
			return false;
	}
	if (k < len && (s[k] == ':' || s[k] == '.'))
		k++;
	const char *t = text_skip_space(s + k, s + len);
	return t > s + k && link_address(t, (size_t)(s + len - t));
}

/* "2分15秒", "3.5万元", "46.8%": a figure opening the line, its units
 * (three Han characters at most) after it, nothing else. */
enum { FIGURE_UNITS_MAX = 3 };
static bool figure_phrase(const char *s, size_t len)
{
	if (!len || len > 24 || !(s[0] >= '0' && s[0] <= '9'))
		return false;
	unsigned han = 0;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(cp)) {
			if (++han > FIGURE_UNITS_MAX)
				return false;
		} else if (!((cp >= '0' && cp <= '9') || cp == '.' || cp == '%' || cp == 0xFF05)) {
			return false;
		}
	}
	return han >= 1;
}

/* "https://…" alone, or after a label of a few Han characters and a
 * colon ("阅读全文：https://…", "原文链接: www.…"): a line that only
 * points to an address. */
enum { LINK_LABEL_MAX = 8 };
static bool link_line(const char *s, size_t len)
{
	if (len < 8 || len > 300)
		return false;
	/* (one space at most, after the label; more only around an arrow) */
	bool one_space = memchr(s, ' ', len) == memrchr(s, ' ', len);
	const char *p = s, *end = s + len;
	for (unsigned chars = 0; p < end && chars <= LINK_LABEL_MAX; chars++) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (cp == 0xFF1A || cp == ':') {
			if (!one_space)
				return false;
			p = text_skip_space(p + k, end);
			break;
		}
		/* "阅读全文 >> https://…": an arrow after the label, spaced */
		if (chars && (text_is_space(cp) || cp == '>' || cp == 0xBB || cp == 0x2192)) {
			const char *q = text_skip_space(p, end);
			if (q < end && *q == '>')
				while (q < end && *q == '>')
					q++;
			else if (has_prefix(q, (size_t)(end - q), "»"))
				q += 2;
			else if (has_prefix(q, (size_t)(end - q), "→"))
				q += 3;
			else
				return false;   /* (a label and a space: "北原农牧报 www.…" is a footer's fields) */
			p = text_skip_space(q, end);
			break;
		}
		if (!is_han(cp)) {
			if (!one_space)
				return false;
			p = chars ? end : s;    /* no label: an address from the start */
			break;
		}
		p += k;
	}
	/* (or, after a label, a console browser's link: "相关链接：[5]X") */
	return p < end && (link_address(p, (size_t)(end - p)) || (p > s && link_mark(p, end)));
}

/* Whether a link line's label says the story is read whole there:
 * 阅读全文, 阅读原文, 查看全文, 原文链接, 全文链接. */
static bool read_whole_link(const char *s, size_t len)
{
	static const char *const labels[] = { "阅读全文", "閱讀全文", "阅读原文", "閱讀原文", "查看全文", "原文链接", "原文鏈接",
					      "全文链接", "全文鏈接" };
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (has_prefix(s, len, labels[k]))
			return true;
	return false;
}

/* "References", "Links:", "Visible links": the label over such a list
 * (one or two English words). */
static bool link_list_label(const char *s, size_t len)
{
	if (!len || len > 24)
		return false;
	for (size_t k = 0; k < len; k++)
		if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || s[k] == ' ' || s[k] == ':'))
			return false;
	return true;
}

/* Pushes a record's title held back for its kicker. */
static void flush_held_title(parser *ps)
{
	if (!ps->held_title.s)
		return;
	size_t n = ps->nunits;
	push_unit(ps, ps->held_title.s, ps->held_title.len, ps->held_title.gap, ps->held_title.line);
	if (ps->nunits > n)
		UNIT(ps, ps->nunits - 1)->named = NAMED_HEAD;
	ps->held_title.s = NULL;
	ps->rule_gap = false;
}

/* A field of a database's record (see record_field): its label to the
 * banners, its value a unit in the part it names. The record gives its
 * title before its kicker (【标　题】, 【引　题】, 【副　题】): the title
 * is held until the kicker is pushed over it. */
static void record_deck_field(parser *ps, const raw_line *cur, int role, size_t value)
{
	if (value >= cur->len || role == FEED_OTHER) {
		flush_held_title(ps);
		push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
		return;
	}
	add_banner(ps, cur->s, (size_t)(text_trim_end(cur->s, cur->s + value) - cur->s));
	const char *v = cur->s + value;
	size_t vlen = cur->len - value;
	if (role == FEED_TITLE) {
		flush_held_title(ps);
		ps->held_title.s = v;
		ps->held_title.len = vlen;
		ps->held_title.gap = cur->gap;
		ps->held_title.line = cur->line;
		return;
	}
	uint32_t gap = cur->gap;
	if (role != FEED_OVER) {
		flush_held_title(ps);
		gap = 0;
	} else if (ps->held_title.s) {
		gap = ps->held_title.gap;
		ps->held_title.gap = 0;
	}
	size_t n = ps->nunits;
	ps->feed_author = role == FEED_AUTHOR;
	push_unit(ps, v, vlen, gap, cur->line);
	ps->feed_author = false;
	if (ps->nunits > n)
		UNIT(ps, ps->nunits - 1)->named = role == FEED_OVER ? NAMED_OVER : role == FEED_SUB ? NAMED_SUB : 0;
	if (role == FEED_AUTHOR && ps->nunits > n)
		UNIT(ps, ps->nunits - 1)->furn_author = 1;
	if (role == FEED_OVER)
		flush_held_title(ps);
}

static bool feed_field_line(parser *ps, const raw_line *cur)
{
	if (link_ref_line(cur->s, cur->len) ||
	    (link_list_label(cur->s, cur->len) && ps->have_pending && link_ref_line(ps->pending.s, ps->pending.len))) {
		push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
		return true;
	}
	size_t value, next_value;
	int role = feed_field(cur->s, cur->len, &value);
	if (role == FEED_CAPTION && value < cur->len) {
		/* "【图片说明】图为…。　X　摄": the label is the database's, the
		 * caption the paper's, wherever it stands */
		flush_held_title(ps);
		add_banner(ps, cur->s, (size_t)(text_trim_end(cur->s, cur->s + value) - cur->s));
		push_unit(ps, cur->s + value, cur->len - value, cur->gap, cur->line);
		return true;
	}
	/* (a label over the list of links, "Links:", with it) */
	bool tight_next = ps->have_pending && ps->pending.gap == 0 &&
			  (feed_field(ps->pending.s, ps->pending.len, &next_value) ||
			   (value == cur->len && link_ref_line(ps->pending.s, ps->pending.len)));
	if (!role || in_front_matter(ps, cur->line) || !((ps->field_block && cur->gap == 0) || tight_next)) {
		flush_held_title(ps);
		ps->field_block = false;
		return false;
	}
	ps->field_block = true;
	if (cur->s[0] == (char)0xE3) {
		record_deck_field(ps, cur, role, value);
		return true;
	}
	push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
	/* (a Chinese 作者：X is pushed as the furniture's author already) */
	size_t as, ae;
	if (role == FEED_AUTHOR && (unsigned char)cur->s[0] >= 0x80 && furniture_author(cur->s, cur->len, &as, &ae))
		return true;
	if (role != FEED_OTHER && value < cur->len) {
		size_t n = ps->nunits;
		ps->feed_author = role == FEED_AUTHOR;
		push_unit(ps, cur->s + value, cur->len - value, cur->gap, cur->line);
		ps->feed_author = false;
		if (role == FEED_AUTHOR && ps->nunits > n)
			UNIT(ps, ps->nunits - 1)->furn_author = 1;
		else if (ps->nunits > n)
			UNIT(ps, ps->nunits - 1)->named = NAMED_HEAD;
		/* (the fields under it are furniture too: a big gap from the
		 * title, never read as its body) */
		ps->rule_gap = role == FEED_TITLE;
	}
	return true;
}

static bool sidebar_label(const unit *u);

/* "本报金边讯　金边市政府…第三座投入使用的人行天桥…" / "展开全文 ∨" /
 * the paragraph whole: a site's preview of a story's text, its head cut
 * off with an ellipsis, printed over the text (the site's button
 * between): the site's, the text is printed in full under it. */
enum { PREVIEW_MIN = 12 };
static bool preview_line(const parser *ps, const raw_line *cur)
{
	size_t n = cur->len;
	if (n < PREVIEW_MIN + 3 || !ps->have_pending || memcmp(cur->s + n - 3, "…", 3) != 0)
		return false;
	n -= 3;
	if (memcmp(cur->s + n - 3, "…", 3) == 0)
		n -= 3;
	line_reader lr = ps->lr;
	raw_line l = ps->pending;
	for (int k = 0; k < 2; k++) {
		if (l.gap > 1)
			return false;
		if (l.len > n && memcmp(l.s, cur->s, n) == 0)
			return true;
		if (!pattern_is_epaper_chrome(l.s, l.len) || !next_line(&lr, &l))
			return false;
	}
	return false;
}

/* "精选留言" over its readers' comments ("老建工　安徽合肥" / the comment /
 * "赞 23" / …), tight under the label down to a blank line: the site's,
 * the readers' words, no story's. True when cur was taken so. */
static bool comments_block_line(parser *ps, const raw_line *cur)
{
	static const char *const labels[] = { "精选留言", "精選留言", "精彩留言", "热门评论", "熱門評論", "网友评论", "網友評論",
					      "读者留言", "讀者留言", "全部评论", "全部評論" };
	if (ps->in_comments) {
		if (cur->gap == 0) {
			push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
			return true;
		}
		ps->in_comments = false;
	}
	if (cur->len > 15 || !ps->have_pending || ps->pending.gap != 0)
		return false;
	const char *e = text_trim_end(cur->s, cur->s + cur->len);
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if ((size_t)(e - cur->s) == strlen(labels[k]) && memcmp(cur->s, labels[k], strlen(labels[k])) == 0) {
			push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
			ps->in_comments = true;
			return true;
		}
	return false;
}

/* "· 交局下周起調整北區三條巴士路線": an item of a site's list of links,
 * a title after its mark, no sentence. */
enum { LINK_ITEM_MAX = 40 };

static bool link_item(const raw_line *l)
{
	static const char *const marks[] = { "·", "•", "・", "▪", "- ", "> " };
	if (l->len > 3 * LINK_ITEM_MAX + 4)
		return false;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (has_prefix(l->s, l->len, marks[k])) {
			const char *t = text_skip_space(l->s + strlen(marks[k]), l->s + l->len);
			return t < l->s + l->len && !raw_ends_sentence(t, (size_t)(l->s + l->len - t)) &&
			       !inner_punctuation(t, (size_t)(l->s + l->len - t));
		}
	return false;
}

/* "相關新聞" / "· X" / "· Y" then a blank line or the site's 上一篇/下一篇:
 * a site's links to other stories under a story, the titles of pages
 * not here (a paper's 相关链接 box holds text: sentences). The label
 * and its items go to the banners. True when cur was taken so. */
/* "麥兆康：港隊目標是打入亞洲盃決賽周": a title alone as a link, no
 * mark before it (no sentence, no comma in it). */
static bool bare_link_title(const raw_line *l)
{
	if (l->len > 3 * LINK_ITEM_MAX || l->len < 12 || raw_ends_sentence(l->s, l->len) ||
	    memmem(l->s, l->len, "，", 3) || memmem(l->s, l->len, "。", 3))
		return false;
	return is_han(first_cp(l->s, l->s + l->len)) || first_cp(l->s, l->s + l->len) == 0x201C ||
	       first_cp(l->s, l->s + l->len) == 0x300C;
}

static bool related_links_line(parser *ps, const raw_line *cur)
{
	if (ps->link_items) {
		if (cur->gap == 0 && (ps->bare_links ? bare_link_title(cur) : link_item(cur))) {
			push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
			return true;
		}
		ps->link_items = false;
		return false;
	}
	if (cur->len > 24 || !ps->have_pending || ps->pending.gap != 0)
		return false;
	static const char *const reads[] = { "相关阅读", "相關閱讀", "推荐阅读", "推薦閱讀", "热门推荐", "熱門推薦",
					     "猜你喜欢", "猜你喜歡", "更多新闻", "更多新聞", "相关新闻", "相關新聞",
					     "延伸阅读", "延伸閱讀" };
	/* (titles with no mark before them only under one of these words:
	 * a box named otherwise may hold text) */
	bool read_word = false;
	for (size_t k = 0; !read_word && k < sizeof reads / sizeof *reads; k++)
		read_word = cur->len == strlen(reads[k]) && memcmp(cur->s, reads[k], cur->len) == 0;
	bool bare = !link_item(&ps->pending);
	if (bare && (!read_word || !bare_link_title(&ps->pending)))
		return false;
	unit label = { .s = cur->s, .len = (uint32_t)cur->len };
	if (!read_word && !sidebar_label(&label))
		return false;
	/* (the items run to a blank line, a rule, the page's end or the
	 * site's link to the next story) */
	line_reader lr = ps->lr;
	raw_line l;
	bool more;
	while ((more = next_line(&lr, &l)) && l.gap == 0 && (bare ? bare_link_title(&l) : link_item(&l)))
		;
	if (more && l.gap == 0 && !memmem(l.s, l.len, "一篇", 6) && !(l.len <= RULE_MAX_BYTES && is_rule(l.s, l.len)) &&
	    !(l.len <= 12 * 3 && has_prefix(l.s, l.len, "返回")))
		return false;       /* (or 返回顶部) */
	push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
	ps->link_items = true;
	ps->bare_links = bare;
	return true;
}

/* A chat's export (a paper's stories posted into a readers' group, a
 * message each): "2026/12/3 07:05 - 金孔雀日报 杨编辑: 瓦城华校…" and the
 * message's lines under it. A message of several lines is a story, its
 * first line (its title) after the sender; a message of one line is the
 * chat's (a greeting, an attachment left out, a reader's reply): a
 * banner, unless it is a photo's caption. True when cur was taken so. */
enum { CHAT_LINES_MIN = 3 };

static bool chat_caption(const char *s, size_t len)
{
	static const char *const marks[] = { "图：", "圖：", "图为", "圖為", "▲" };
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (has_prefix(s, len, marks[k]))
			return true;
	return pattern_credit_start(s, len) < len;
}

/* "IMG-20261202-WA0012.jpg (文件附件)", "<附件已省略>", "<Media omitted>":
 * a file the message sent, named or left out of the export. */
static bool chat_attachment(const char *s, size_t len)
{
	static const char *const exts[] = { "jpg", "jpeg", "png", "gif", "webp", "mp4", "pdf", "opus", "heic" };
	if (len >= 2 && s[0] == '<' && s[len - 1] == '>')
		return true;
	/* a file's name, no space in it, then at most a note of the app's */
	size_t name = 0;
	while (name < len && s[name] != ' ' && (unsigned char)s[name] < 0x80)
		name++;
	const char *dot = name ? memrchr(s, '.', name) : NULL;
	if (!dot || dot == s)
		return false;
	for (size_t k = 0; k < sizeof exts / sizeof *exts; k++)
		if ((size_t)(s + name - dot - 1) == strlen(exts[k]) && strncasecmp(dot + 1, exts[k], strlen(exts[k])) == 0)
			return true;
	return false;
}

/* "各位乡亲晚上好，…先发给大家看看👇": the poster's own words over what
 * the message sends (a sentence, or closed by an emoji), no story's
 * title. */
static bool chat_chatter(const char *s, size_t len)
{
	uint32_t z = last_cp(s, s + len, NULL);
	return memmem(s, len, "。", 3) || z >= 0x1F000 || (z >= 0x2600 && z <= 0x27BF);
}

static bool chat_message_line(parser *ps, const raw_line *cur)
{
	size_t msg;
	bool sender;
	if (!cur->len || cur->s[0] > '[' || !pattern_chat_message(cur->s, cur->len, &msg, &sender))
		return false;
	const char *m = text_skip_space(cur->s + msg, cur->s + cur->len);
	size_t mlen = (size_t)(cur->s + cur->len - m);
	bool more = ps->have_pending && !pattern_chat_message(ps->pending.s, ps->pending.len, NULL, NULL);
	if (sender && mlen && more && (chat_attachment(m, mlen) || chat_repeated(&ps->pf, m, mlen))) {
		/* a photo sent with its caption under it, the poster's header
		 * over each story: the chat's, the lines under them the
		 * story's (a header opens one) */
		push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
		ps->rule_gap = !chat_attachment(m, mlen);
		return true;
	}
	if (!sender || !mlen || !(more || chat_caption(m, mlen)) || (chat_chatter(m, mlen) && !chat_caption(m, mlen))) {
		push_furniture(ps, cur->s, cur->len, cur->gap, cur->line);
		return true;
	}
	add_banner(ps, cur->s, (size_t)(text_trim_end(cur->s, m) - cur->s));
	/* (a story's message opens anew; a caption stays by its story) */
	ps->rule_gap = more;
	push_unit(ps, m, mlen, more ? BIG_GAP + 1 : cur->gap, cur->line);
	return true;
}

/* One Han character alone on its line (not a scanner's speck). */
static bool single_char_line(const raw_line *l)
{
	uint32_t cp;
	return l->len == 3 && text_decode(l->s, l->s + l->len, &cp) == 3 && is_han(cp) && !stray_marks(l->s, l->len);
}

/* "近" / "期，记者走访了…": a drop cap, the paragraph's first character
 * set large over two or three lines, extracted as a line of its own
 * right over the rest of its first line, at the start of a paragraph
 * (after a title, a byline, a finished paragraph). (With a blank line
 * between, a character alone is as often a section's mark: left.) */
static bool drop_cap(const parser *ps, const raw_line *cur)
{
	uint32_t cp;
	if (cur->len != 3 || !ps->have_pending || ps->pending.gap > 0 || ps->pending.indented ||
	    text_decode(cur->s, cur->s + cur->len, &cp) != 3 || !is_han(cp) || stray_marks(cur->s, cur->len) ||
	    cp == 0x6444 || cp == 0x651D)
		return false;   /* (丨: a speck; 摄, 攝: a credit's word) */
	const raw_line *next = &ps->pending;
	uint32_t c0;
	text_decode(next->s, next->s + next->len, &c0);
	if (!(is_han(c0) || c0 == 0xFF0C || c0 == ',' || (c0 >= '0' && c0 <= '9')) ||
	    count_chars(next->s, next->len, DROP_CAP_TEXT_MIN) < DROP_CAP_TEXT_MIN || line_is_special(next->s, next->len))
		return false;
	const unit *last = ps->nunits > ps->units_base ? UNIT(ps, ps->nunits - 1) : NULL;
	return !last || last->kind != U_PARA || (last->flags & UF_TERMINATED);
}

/* Makes the next unit from the next line (or, in a hard-wrapped page, the
 * lines that continue each other). False at the end of the page. */
static bool produce_unit(parser *ps)
{
	if (!ps->have_pending) {
		if (!ps->eof && ps->nunits > ps->units_base)
			UNIT(ps, ps->nunits - 1)->gap_after = BIG_GAP + 1;
		ps->eof = true;
		return false;
	}
	raw_line cur = ps->pending;
	if (ps->pf.ncell_tables && produce_row(ps, &cur))
		return true;
	/* an indent of a paragraph, not a title centred by spaces */
	ps->line_indented = paragraph_indent(&ps->pf, &cur);
	ps->have_pending = next_line(&ps->lr, &ps->pending);
	/* the database's own lines over its records (its name, when and
	 * what was searched, how many records were found); a reader's over
	 * the saved stories it exports, each a title over its link (the
	 * app, when, how many: a few lines at the top) */
	if (((ps->pf.record_titles >= RECORD_TITLES_MIN && ps->pf.record_first <= SAVED_HEAD_LINES &&
	      cur.line < ps->pf.record_first) ||
	     (ps->pf.saved_links >= RECORD_TITLES_MIN && ps->pf.saved_first <= SAVED_HEAD_LINES && cur.line < ps->pf.saved_first)) &&
	    !(cur.len <= RULE_MAX_BYTES && is_rule(cur.s, cur.len))) {
		push_furniture(ps, cur.s, cur.len, cur.gap, cur.line);
		return true;
	}
	if (ps->pf.chat_lines >= CHAT_LINES_MIN && chat_message_line(ps, &cur))
		return true;
	if (preview_line(ps, &cur)) {
		push_furniture(ps, cur.s, cur.len, cur.gap, cur.line);
		return true;
	}
	if (ps->have_pending && ps->pending.gap == 0 && cur.len <= 3 * TITLE_MAX_CHARS &&
	    item_link(ps->pending.s, ps->pending.len) && !item_link(cur.s, cur.len) && !memmem(cur.s, cur.len, "。", 3)) {
		/* "在留卡到期前多久可以申请更新？" / "https://…": a saved story's
		 * title over its link (a reader's or a feed's export) heads it */
		size_t n = ps->nunits;
		push_unit(ps, cur.s, cur.len, cur.gap, cur.line);
		unit *t = ps->nunits > n ? UNIT(ps, n) : NULL;
		if (t && (t->kind == U_TITLE || t->kind == U_PARA || t->kind == U_CAPTION) && t->chars <= TITLE_MAX_CHARS) {
			t->kind = U_TITLE;      /* (a question too: "…更新？") */
			t->named = NAMED_HEAD;
		}
		return true;
	}
	if (related_links_line(ps, &cur))
		return true;
	if (comments_block_line(ps, &cur))
		return true;
	if (feed_field_line(ps, &cur))
		return true;
	if (single_char_line(&cur) && ps->have_pending && ps->pending.gap == 0 && single_char_line(&ps->pending)) {
		/* "新" / "橋" / "區" / …: a title set vertically, copied a
		 * character a line: one line */
		util_buf b = { 0 };
		util_buf_add(&b, cur.s, cur.len);
		while (ps->have_pending && ps->pending.gap == 0 && single_char_line(&ps->pending)) {
			util_buf_add(&b, ps->pending.s, ps->pending.len);
			ps->have_pending = next_line(&ps->lr, &ps->pending);
		}
		doc_str d = doc_arena_dup(ps->issue, b.data, b.len);
		util_buf_free(&b);
		cur.s = d.s;
		cur.len = (uint32_t)d.len;
	} else if (drop_cap(ps, &cur)) {
		/* the paragraph's first character and its text, one line */
		util_buf b = { 0 };
		util_buf_add(&b, cur.s, cur.len);
		util_buf_add(&b, ps->pending.s, ps->pending.len);
		doc_str d = doc_arena_dup(ps->issue, b.data, b.len);
		util_buf_free(&b);
		cur.s = d.s;
		cur.len = (uint32_t)d.len;
		ps->have_pending = next_line(&ps->lr, &ps->pending);
	}
	ps->unit_cols = ps->pf.local_wrap ? wrap_columns(ps, &cur) : 0;
	/* (a table's cells are no lines of a paragraph: the wrap stops at them) */
	if (!ps->have_pending || in_cell_table(&ps->pf, ps->pending.line) || !runs_on(ps, &cur, &cur, &ps->pending)) {
		ps->line_cut = ps->have_pending && (ps->wrap ? cut_by_running_line(ps, &cur, &ps->pending)
							     : cut_mid_line(ps, &cur, &ps->pending));
		push_unit(ps, cur.s, cur.len, cur.gap, cur.line);
		return true;
	}
	util_buf b = { 0 };
	util_buf_add(&b, cur.s, cur.len);
	raw_line last = cur;
	ps->run_cols = wrap_columns(ps, &cur);
	do {
		/* a hard wrap cuts words and numbers anywhere: "约3" + "5人"
		 * is "约35人", so nothing is inserted */
		const raw_line *next = &ps->pending;
		/* (but a line short of the wrap between two Latin letters was
		 * broken at a space between words: "Bureau of" / "Meteorology";
		 * a full one cuts a word anywhere, "163.co" / "m") */
		if (b.len && is_ascii_letter((unsigned char)b.data[b.len - 1]) && is_ascii_letter((unsigned char)next->s[0]) &&
		    ps->wrap && wrap_columns(ps, &last) + ps->pf.wrap_slack < ps->wrap)
			util_buf_add(&b, " ", 1);
		/* (and a dateline's byline cut between a name and a role
		 * word: "记者　周　航" / "通讯员　吴　江）") */
		else if (last.s == cur.s && !dateline_plain_join(&last, next) && dateline_space_join(&last, next))
			util_buf_add(&b, "\xE3\x80\x80", 3);
		util_buf_add(&b, next->s, next->len);
		if (ps->pf.local_wrap && wrap_columns(ps, next) > ps->unit_cols)
			ps->unit_cols = wrap_columns(ps, next);
		last = *next;
		ps->have_pending = next_line(&ps->lr, &ps->pending);
		if (!ps->have_pending || in_cell_table(&ps->pf, ps->pending.line) || !runs_on(ps, &cur, &last, &ps->pending))
			break;
		ps->run_cols = wrap_columns(ps, &last);
	} while (true);
	/* a paragraph of several lines whose sentence stops mid-phrase
	 * over a running line was cut there, however short its last line */
	raw_line whole = last;
	whole.s = b.data;
	whole.len = b.len;
	ps->line_cut = ps->have_pending && (cut_by_running_line(ps, &last, &ps->pending) ||
					     cut_mid_line(ps, &whole, &ps->pending));
	doc_str d = doc_arena_dup(ps->issue, b.data, b.len);
	util_buf_free(&b);
	size_t before = ps->nunits;
	ps->column_cols = ps->unit_cols;
	push_unit(ps, d.s, d.len, cur.gap, cur.line);
	/* (its last part, where a dateline or a title was split off) */
	if (ps->nunits > before) {
		unsigned last_cols = line_columns(last.s, last.len);
		UNIT(ps, ps->nunits - 1)->last_cols = (uint16_t)(last_cols > UINT16_MAX ? UINT16_MAX : last_cols);
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The prescan: on a big page a second thread runs ahead of the parser
 * over the same lines and asks the recognisers that classify asks of
 * nearly every line (jump lines, bylines, datelines, credits). Each is a
 * pure function of the line's text (pattern_ready has filled the caches
 * they share), so classify takes an answer only when it was asked of the
 * very same bytes, and asks itself otherwise: a line the thread has not
 * reached yet, a unit cut from a line or joined from several. The answers
 * are the same either way; only the time differs (a third of a parse of
 * the archive runs on the other core). */

enum { PRESCAN_RING = 4096 };
/* Pages smaller than this are parsed without it (a thread costs more than
 * it saves there); parse_set_prescan changes it (tests). */
static size_t prescan_min = 4u << 20;

void parse_set_prescan(size_t min_bytes)
{
	prescan_min = min_bytes;
}

typedef struct prescan_slot {
	const char *s;
	uint32_t len, line;
	uint16_t chars;                 /* count_chars(s, len, 201) */
	uint16_t unit_chars;            /* the unit's, letter-spacing taken out */
	uint8_t spaced;
	uint32_t flags;                 /* what scan_punctuation sets */
	/* each answer with whether it was asked (classify's conditions) */
	bool jump_done, byline, dateline;
	bool header_done, header;
	bool row_done, row;
	bool names_done, names;
	pattern_jump_kind jump;
	int page;
	size_t credit;
	header_match hm;
} prescan_slot;

struct prescan {
	pthread_t thread;
	line_reader lr;
	_Atomic uint32_t done;          /* lines up to this one are answered */
	_Atomic uint32_t reading;       /* the line the parser classifies now */
	atomic_bool stop;
	prescan_slot ring[PRESCAN_RING];
};

static uint16_t count_chars(const char *s, size_t len, unsigned cap);
static unsigned han_gaps(const char *s, size_t len, unsigned *spaces);
static void scan_punctuation(unit *u);

/* "加时赛绝杀！海滨猎鹰103:101险胜北岭", "停车难题怎么破？相关部门回应
 * 来了": a cry or a question inside a short line that ends unpunctuated,
 * a phrase of Han characters after it, parts a title's two clauses as
 * a comma would; it ends no sentence. */
enum { INNER_CRY_MAX = 26 };
static bool inner_cry(const unit *u, uint32_t c, const char *after, const char *end)
{
	if (!(c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?') || (u->flags & (UF_TERMINATED | UF_CLAUSE_END)) ||
	    u->chars > INNER_CRY_MAX)
		return false;
	/* (not a speaker's words: "问：…？…", "“好！…") */
	uint32_t c0 = first_cp(u->s, u->s + u->len);
	if (is_opening(c0) || memmem(u->s, (size_t)(after - u->s), "：", 3) || memchr(u->s, ':', (size_t)(after - u->s)))
		return false;
	int han = 0;
	for (const char *q = after; q < end && han < 4;) {
		uint32_t cp;
		q += text_decode(q, end, &cp);
		if (!is_han(cp) && !is_opening(cp))
			break;
		han += is_han(cp);
	}
	return han >= 4;
}
static bool table_row(const char *s, size_t len);

/* The unit classify makes of s[0, len) before it asks anything: its
 * characters (letter-spacing taken out) and punctuation flags. */
static void unit_shape(unit *u, uint16_t chars)
{
	u->chars = chars;
	u->spaced = 0;
	if (u->len > 12 && u->s[3] == ' ' && u->chars < 200) {
		/* letter-spaced by OCR or by a layout: the characters are what
		 * counts */
		unsigned spaces;
		unsigned gaps = han_gaps(u->s, u->len, &spaces);
		if (gaps >= 3 && gaps * 3 >= u->chars - (spaces - gaps)) {
			u->spaced = 1;
			u->chars = (uint16_t)(u->chars - spaces);
		}
	}
	scan_punctuation(u);
}

static void prescan_answer(prescan_slot *sl, const raw_line *l)
{
	const char *s = l->s;
	size_t len = l->len;
	sl->s = s;
	sl->len = l->len;
	sl->line = l->line;
	/* what classify asks, under its own conditions on the length */
	sl->chars = count_chars(s, len, 201);
	unit u;
	memset(&u, 0, sizeof u);
	u.s = s;
	u.len = l->len;
	unit_shape(&u, sl->chars);
	sl->unit_chars = u.chars;
	sl->spaced = u.spaced;
	sl->flags = u.flags;
	sl->header_done = u.chars <= 64 && !(u.flags & (UF_TERMINATED | UF_SENTENCE));
	sl->header = sl->header_done && is_running_header(s, len, &sl->hm);
	sl->row_done = u.chars <= 40;
	sl->row = sl->row_done && table_row(s, len);
	sl->names_done = u.chars <= 12 || (u.chars <= 24 && len > 3 && memcmp(s + len - 3, "）", 3) == 0);
	sl->names = sl->names_done && pattern_is_byline(s, len, true);
	sl->jump_done = sl->chars <= 40;
	sl->jump = PATTERN_JUMP_NONE;
	sl->page = 0;
	sl->byline = false;
	if (sl->jump_done) {
		sl->jump = pattern_match_jump(s, len, &sl->page);
		if (sl->jump == PATTERN_JUMP_NONE)
			sl->byline = pattern_is_byline(s, len, false);
	}
	pattern_dateline dl;
	sl->dateline = pattern_match_dateline(s, len, &dl);
	sl->credit = pattern_credit_start(s, len);
}

static void *prescan_run(void *arg)
{
	prescan *pr = arg;
	raw_line l;
	while (!atomic_load_explicit(&pr->stop, memory_order_relaxed) && next_line(&pr->lr, &l)) {
		/* the slot of this line held a line PRESCAN_RING back: wait
		 * until the parser is past it */
		while (l.line + 2 >= atomic_load_explicit(&pr->reading, memory_order_acquire) + PRESCAN_RING) {
			if (atomic_load_explicit(&pr->stop, memory_order_relaxed))
				return NULL;
			nanosleep(&(struct timespec){ 0, 200000 }, NULL);
		}
		prescan_answer(&pr->ring[l.line % PRESCAN_RING], &l);
		atomic_store_explicit(&pr->done, l.line, memory_order_release);
	}
	return NULL;
}

static void prescan_start(parser *ps)
{
	if (ps->src.len < prescan_min || (prescan_min > 0 && sysconf(_SC_NPROCESSORS_ONLN) < 2))
		return;
	/* nothing is asked of OpenCC from here on: the thread and the
	 * parser share the patterns' caches, filled whole */
	pattern_ready();
	prescan *pr = util_calloc(1, sizeof *pr);
	line_reader_init(&pr->lr, ps->src.text, ps->src.len);
	pr->lr.margin = ps->pf.margin;
	if (!util_thread_start(&pr->thread, prescan_run, pr)) {
		free(pr);
		return;
	}
	ps->pre = pr;
}

static void prescan_stop(parser *ps)
{
	if (!ps->pre)
		return;
	atomic_store_explicit(&ps->pre->stop, true, memory_order_relaxed);
	pthread_join(ps->pre->thread, NULL);
	free(ps->pre);
	ps->pre = NULL;
}

/* The thread's answers for the text s[0, len) of `line`, or NULL. The
 * parser reads the slot of the line it is at only: lines come in order,
 * and the thread does not write a slot until the parser is two lines
 * past it. */
static const prescan_slot *prescan_get(const parser *ps, uint32_t line, const char *s, size_t len)
{
	prescan *pr = ps->pre;
	if (!pr)
		return NULL;
	uint32_t at = atomic_load_explicit(&pr->reading, memory_order_relaxed);
	if (line < at)
		return NULL;
	if (line > at)
		atomic_store_explicit(&pr->reading, line, memory_order_release);
	if (atomic_load_explicit(&pr->done, memory_order_acquire) < line)
		return NULL;
	const prescan_slot *sl = &pr->ring[line % PRESCAN_RING];
	return sl->line == line && sl->s == s && sl->len == len ? sl : NULL;
}

/* ------------------------------------------------------------------ */
/* Pass 2: classify */

/* A sentence end, an ideographic space and a short tail with no
 * sentence end of its own ("…窗台。　图 | 苗一禾", "…门口。　詹小雨　摄"):
 * a credit or a signature set after the finished text, not a sentence
 * cut by a column break. */
static bool credit_tail(const char *s, const char *end)
{
	enum { TAIL_MAX = 12 };
	/* most lines hold no ideographic space near their end: a byte search first */
	size_t reach = (size_t)(end - s) < (TAIL_MAX + 2) * 3 ? (size_t)(end - s) : (TAIL_MAX + 2) * 3;
	const char *q = end - reach;
	while ((q = memchr(q, 0xE3, (size_t)(end - q))) != NULL && (end - q < 3 || q[1] != (char)0x80 || q[2] != (char)0x80))
		q++;
	if (!q)
		return false;
	const char *p = end;
	for (int chars = 0; p > s && chars <= TAIL_MAX; chars++) {
		const char *at = p;
		uint32_t cp = last_cp(s, p, &at);
		if (is_sentence_end(cp))
			return false;   /* the tail holds a sentence: text */
		p = at;
		if (cp != 0x3000 || chars == 0)
			continue;
		/* a run of ideographic spaces: finished text before it? */
		uint32_t before = 0x3000;
		while (before == 0x3000 && at > s)
			before = last_cp(s, at, &at);
		while (is_closing(before) && at > s)
			before = last_cp(s, at, &at);
		if (is_sentence_end(before))
			return true;
	}
	return false;
}

/* A sentence end followed by a short group in brackets closing the
 * line ("…启用。（陆交局提供）", "…说。(记者 X)"): the line is finished. */
static bool ends_after_sentence(const char *s, const char *end)
{
	/* "…（編輯：X）1140502": a filing stamp of five to eight digits
	 * glued after the closing bracket or the full stop */
	const char *d = end;
	while (d > s && d[-1] >= '0' && d[-1] <= '9' && end - d <= 8)
		d--;
	if (end - d >= 5 && d > s && !(d[-1] >= '0' && d[-1] <= '9')) {
		uint32_t before = last_cp(s, d, NULL);
		if (is_sentence_end(before))
			return true;
		if (before == 0xFF09 || before == ')')
			end = d;
	}
	if (credit_tail(s, end))
		return true;
	const char *at = end;
	uint32_t z = last_cp(s, end, &at);
	/* "…新农人。——摘自《湘中晚报》": a sentence, then the source it is
	 * quoted from after a dash */
	if (z == 0x300B) {
		const char *dash = NULL;
		for (const char *q = s; (q = memmem(q, (size_t)(end - q), "——", 6)) != NULL; q += 6)
			dash = q;
		return dash && end - dash <= 3 * 24 && dash > s && is_sentence_end(last_cp(s, dash, NULL)) &&
		       memmem(dash, (size_t)(end - dash), "《", 3);
	}
	if (z != 0xFF09 && z != ')' && z != 0x3011)
		return false;
	uint32_t open = z == ')' ? '(' : z == 0xFF09 ? 0xFF08 : 0x3010;
	for (int chars = 0; at > s && chars < 30; chars++) {
		uint32_t cp = last_cp(s, at, &at);
		if (cp == open || (open == '(' && cp == 0xFF08) || (open == 0xFF08 && cp == '(')) {
			/* (OCR and ASCII text may set a space before the bracket) */
			uint32_t before = 0;
			do
				before = at > s ? last_cp(s, at, &at) : 0;
			while (before == ' ' || before == 0x3000);
			return is_sentence_end(before) || (is_closing(before) && before != z);
		}
		if (cp == z || is_sentence_end(cp))
			return false;
	}
	return false;
}

/* "一一走访吉庆镇智能化猪场": OCR reads a subtitle's dash as two 一. A
 * short line opening with them and a word that starts a subtitle (记,
 * 走访, 访, 来自, 写在, 从) has the dash. */
static bool ocr_dash_start(const unit *u)
{
	static const char *const words[] = { "记", "記", "走访", "走訪", "访", "訪", "来自", "來自", "写在", "寫在", "从", "從" };
	if (u->len < 12 || u->len > 40 * 3 || memcmp(u->s, "一一", 6) != 0)
		return false;
	const char *p = u->s + 6, *end = u->s + u->len;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (has_prefix(p, (size_t)(end - p), words[k]))
			return !memmem(u->s, u->len, "。", 3);
	/* (or any subject, "一一市中级法院审结一起网络诈骗案", but a verb that
	 * 一一 qualifies, "一一列举", "一一核实", opens a clause) */
	static const char adverbial[] = "对對列作核落检檢握道介说說解回清查登点點兑兌答询詢致拜赠贈送审審排比试試测測摆擺讲講过過";
	uint32_t c = first_cp(p, end);
	if (!is_han(c) || u->len > 30 * 3 || memmem(u->s, u->len, "。", 3) || memmem(u->s, u->len, "，", 3))
		return false;
	for (const char *a = adverbial; *a; a += 3)
		if (memcmp(a, p, 3) == 0)
			return false;
	return true;
}

static void scan_punctuation(unit *u)
{
	const char *s = u->s, *end = u->s + u->len;
	const char *at = end;
	uint32_t cp = last_cp(s, end, &at);
	/* closing quotes and brackets after the sentence end */
	while (is_closing(cp) && at > s)
		cp = last_cp(s, at, &at);
	if (is_sentence_end(cp))
		u->flags |= UF_TERMINATED;
	else if (is_clause_end(cp))
		u->flags |= UF_CLAUSE_END;
	else if (ends_after_sentence(s, end))
		u->flags |= UF_TERMINATED;      /* "…启用。（陆交局提供）" */
	if (u->len > 9 && (memcmp(end - 9, "（完）", 9) == 0 || (u->len > 5 && memcmp(end - 5, "(完)", 5) == 0)))
		u->flags |= UF_TERMINATED | UF_DONE;
	if (has_prefix(s, u->len, "——") || has_prefix(s, u->len, "—") || ocr_dash_start(u))
		u->flags |= UF_DASH_START;
	if (u->chars > TITLE_MAX_CHARS)
		return;
	/* short lines: look inside for commas and sentence ends */
	/* "1．", "12.", "１２．" numbering an item: no sentence end */
	const char *p = s;
	while (p < at && ((*p >= '0' && *p <= '9') || (at - p >= 3 && (unsigned char)p[0] == 0xEF &&
							   (unsigned char)p[1] == 0xBC && (unsigned char)p[2] >= 0x90 &&
							   (unsigned char)p[2] <= 0x99)))
		p += *p & 0x80 ? 3 : 1;
	if (p > s && p < at && (*p == '.' || has_prefix(p, (size_t)(at - p), "．")))
		p += *p == '.' ? 1 : 3;
	else
		p = s;
	while (p < at) {
		uint32_t c;
		p += text_decode(p, end, &c);
		if (c == ',' || c == 0xFF0C)
			u->flags |= UF_COMMA;
		else if (c == '.' && p < end && *p != ' ')
			continue;   /* "9.2", "www.x": not a full stop */
		else if (inner_cry(u, c, p, at))
			u->flags |= UF_COMMA;
		else if (is_sentence_end(c) && c != 0x2026)
			u->flags |= UF_SENTENCE;
	}
}

/* Only punctuation (e.g. a line "……"). */
static bool only_punctuation(const char *s, size_t len)
{
	const char *end = s + len;
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		if (is_han(cp) || is_ascii_alnum(cp) || cp > 0xFFFF)
			return false;
		if (cp >= 0x3040 && cp <= 0xD7FF)   /* kana, Hangul... */
			return false;
	}
	return true;
}

/* "播音：王子涵　配乐：《冬日》", "供稿：图书馆　审核：孟　凡": the credits of
 * a piece as fields (a word of 2 to 4 Han characters, a colon, who or
 * what, up to the next field), one word at least ending as a part of the
 * work does (…稿, …核, …编, …音, …乐); "数据：市统计局　单位：万元" is a
 * note. */
static bool credit_fields(const char *in, const char *in_end)
{
	static const char part_ends[] = "稿核编編辑輯音乐樂审審校摄攝图圖文";
	int fields = 0, parts = 0;
	const char *p = in;
	while (p < in_end) {
		const char *w = p;
		int han = 0;
		uint32_t cp = 0, prev = 0;
		while (p < in_end && han <= 4) {
			prev = cp;
			p += text_decode(p, in_end, &cp);
			if (!is_han(cp))
				break;
			han++;
		}
		if ((cp != 0xFF1A && cp != ':') || han < 2 || han > 4)
			return false;
		/* the word's last character, the one before the colon */
		const char *z = text_prev(w, text_prev(w, p));
		for (size_t k = 0; k + 3 <= sizeof part_ends - 1 && is_han(prev); k += 3)
			if (memcmp(part_ends + k, z, 3) == 0) {
				parts++;
				break;
			}
		fields++;
		/* the value runs to the next space (a name may be spaced out:
		 * "刘　畅" is one value when a single character follows) */
		const char *v = text_skip_space(p, in_end);
		if (v == p && v < in_end && text_is_space(first_cp(v, in_end)))
			return false;
		const char *q = v;
		while (q < in_end) {
			const char *sp = q;
			while (q < in_end && !text_is_space(first_cp(q, in_end)))
				q += text_decode(q, in_end, &cp);
			const char *nx = text_skip_space(q, in_end);
			if (nx == in_end || sp == q)
				break;
			/* a word with its colon starts the next field */
			const char *r = nx;
			int h = 0;
			while (r < in_end && h <= 4) {
				r += text_decode(r, in_end, &cp);
				if (!is_han(cp))
					break;
				h++;
			}
			if (cp == 0xFF1A || cp == ':')
				break;
			q = nx;
		}
		if (q == v)
			return false;
		p = text_skip_space(q, in_end);
	}
	return fields >= 1 && parts >= 1;
}

/* A line that closes a story: "（完）", "(X 供稿)", "（编辑 X）",
 * "据新华社", "来源：新华社". */
static bool is_end_mark(const char *s, size_t len, unsigned chars)
{
	static const char *const inner_ends[] = { "供稿", "供图", "整理", "报道", "编译", "综合", "协办", "協辦",
						  "供圖", "報道", "報導", "編譯", "綜合" };
	static const char *const sources[] = { "据", "来源：", "来源:", "（据", "(据" };
	if (chars > 40 || chars < 1)
		return false;
	const char *end = s + len;
	size_t op = 0;
	if (s[0] == '(')
		op = 1;
	else if (has_prefix(s, len, "（"))
		op = 3;
	if (op) {
		const char *last = text_prev(s, end);
		if (!(*last == ')' || has_prefix(last, (size_t)(end - last), "）")))
			return false;
		const char *in = text_skip_space(s + op, last), *in_end = text_trim_end(in, last);
		size_t n = (size_t)(in_end - in);
		if (n == 3 && memcmp(in, "完", 3) == 0)
			return true;
		/* "（记者 吴家豪摄）": a photo's credit, no name signing a story */
		if (n > 3 && (memcmp(in_end - 3, "摄", 3) == 0 || memcmp(in_end - 3, "攝", 3) == 0))
			return false;
		if (credit_fields(in, in_end))
			return true;
		for (size_t k = 0; k < sizeof inner_ends / sizeof *inner_ends; k++) {
			size_t m = strlen(inner_ends[k]);
			if (n > m && memcmp(in_end - m, inner_ends[k], m) == 0)
				return true;
		}
		if (has_prefix(in, n, "据") || has_prefix(in, n, "编辑") || has_prefix(in, n, "责任编辑") ||
		    has_prefix(in, n, "来源") || has_prefix(in, n, "作者") || memmem(in, n, "本文", 6) ||
		    has_prefix(in, n, "供稿") || has_prefix(in, n, "供图") || has_prefix(in, n, "审稿") ||
		    has_prefix(in, n, "摘自") || has_prefix(in, n, "选自") || has_prefix(in, n, "選自") ||
		    /* the same as Hong Kong and Taiwan print them */
		    has_prefix(in, n, "據") || has_prefix(in, n, "編輯") || has_prefix(in, n, "責任編輯") ||
		    has_prefix(in, n, "來源") || has_prefix(in, n, "供圖") || has_prefix(in, n, "審稿"))
			return true;
		/* "（本报米兰2月9日电）": the dateline printed after the story */
		pattern_dateline dm;
		if (n >= 9 && (memcmp(in_end - 3, "电", 3) == 0 || memcmp(in_end - 3, "讯", 3) == 0 ||
			       memcmp(in_end - 3, "電", 3) == 0 || memcmp(in_end - 3, "訊", 3) == 0) &&
		    pattern_match_dateline(in, n, &dm) && dm.date_end == n)
			return true;
		/* "（周雯）" alone on its line: a name printed alone (a
		 * name or two, nothing more) signs */
		if (n && (pattern_is_byline(in, n, false) || pattern_is_signed_unit(in, n) ||
			  (n <= 12 && pattern_is_byline(in, n, true))))
			return true;
		/* "（柳林镇党委宣传委员 孙丽）": who wrote it, then the name */
		const char *sp = in_end;
		while (sp > in && !text_is_space(last_cp(in, sp, NULL)))
			sp = text_prev(in, sp);
		return sp > in && pattern_is_name(sp, (size_t)(in_end - sp));
	}
	if (chars > 12)
		return false;
	/* a source: 据新华社, 来源：人民网 */
	static const char source_ends[] = "社电报網网台道讯》";
	const char *last = text_prev(s, end);
	if (!memmem(source_ends, sizeof source_ends - 1, last, (size_t)(end - last)))
		return false;
	for (size_t k = 0; k < sizeof sources / sizeof *sources; k++)
		if (has_prefix(s, len, sources[k]) && len > strlen(sources[k]))
			return true;
	return false;
}

/* The names of an end mark that is an author in parentheses:
 * "（本报记者 张三）". Empty when it is not one. */
static doc_str end_mark_author(const char *s, size_t len)
{
	size_t op = s[0] == '(' ? 1 : 3;
	if (len < op + 1 || !(s[0] == '(' || has_prefix(s, len, "（")))
		return doc_str_make(NULL, 0);
	const char *end = s + len, *last = text_prev(s, end);
	const char *in = text_skip_space(s + op, last), *in_end = text_trim_end(in, last);
	/* "（周雯）": a name printed alone signs as well (is_end_mark) */
	if (in < in_end && (pattern_is_byline(in, (size_t)(in_end - in), false) ||
			    pattern_is_signed_unit(in, (size_t)(in_end - in)) ||
			    (in_end - in <= 12 && pattern_is_byline(in, (size_t)(in_end - in), true))))
		return doc_str_make(in, (size_t)(in_end - in));
	/* "（摘自…，本报记者 X 整理）", "（本版编辑部）": who signs it */
	size_t who;
	if (in < in_end && pattern_match_signature(in, (size_t)(in_end - in), &who))
		return doc_str_make(in + who, (size_t)(in_end - in) - who);
	/* "（云岭县委宣传部 供稿/供图）": who supplied the story */
	size_t n = (size_t)(in_end - in);
	if (n > 6 && (memcmp(in_end - 6, "供稿", 6) == 0 || memcmp(in_end - 6, "供图", 6) == 0) &&
	    !memchr(in, 0xEF, n - 6))     /* no full-width punctuation before it */
		return doc_str_make(in, n);
	return doc_str_make(NULL, 0);
}

/* "者 严晓东)": a closing parenthesis without its opening, the tail of a
 * paragraph cut by the extraction, not a title. */
static bool unbalanced_close(const char *s, size_t len)
{
	int depth = 0;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == '(' || cp == 0xFF08)
			depth++;
		else if (cp == ')' || cp == 0xFF09) {
			if (--depth < 0)
				return true;
		}
	}
	return false;
}

/* "突破1 2 0 0吨": OCR sets a space between the digits of a number inside
 * a phrase. True when every space of the line is one ASCII space between
 * two digits and a run of them touches a word: one phrase, not cells
 * (a row's single-digit cells, "广东 5 4 1", stand apart from words). */
static bool spaced_number_only(const char *s, size_t len)
{
	bool glued = false, any = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ') {
			if (i == 0 || i + 1 >= len || !(s[i - 1] >= '0' && s[i - 1] <= '9') ||
			    !(s[i + 1] >= '0' && s[i + 1] <= '9'))
				return false;
			any = true;
			continue;
		}
		if (c == '\t' || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) ||
		    (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80))
			return false;
		/* a word's last byte right before a digit, or a digit right
		 * before a word's first (UTF-8 lead) byte */
		if (c >= '0' && c <= '9') {
			glued |= i > 0 && (unsigned char)s[i - 1] >= 0x80;
			glued |= i + 1 < len && (unsigned char)s[i + 1] >= 0xC0;
		}
	}
	return any && glued;
}

/* "企业\t所在国家\t主要产品": a row of a table whose cells were kept
 * apart by tabs (Acrobat's text export): three cells or more, each
 * short, no sentence's stop among them. */
enum { TAB_CELL_MAX = 60 };     /* bytes */
static bool tab_row(const char *s, size_t len)
{
	unsigned cells = 1;
	size_t cell = 0;
	for (size_t k = 0; k < len; k++, cell++) {
		if (s[k] == '\t') {
			cells += cell > 0;
			cell = (size_t)-1;
		} else if (cell > TAB_CELL_MAX) {
			return false;
		}
	}
	return cells >= 3 && !memmem(s, len, "。", 3);
}

/* "| 品种 | 面值 | 市场价 |", "|---|---|": a markdown table's row, its
 * cells between bars (the line opens and closes with one, two cells at
 * least), is a row of the story's table, never a title. */
static bool md_table_row(const char *s, size_t len)
{
	/* (a row's first cell is short: its tab is near the line's start) */
	if (memchr(s, '\t', len < TAB_CELL_MAX + 2 ? len : TAB_CELL_MAX + 2) && tab_row(s, len))
		return true;
	if (len >= 3 && s[0] == '+' && s[len - 1] == '+') {
		/* "+------+------+": a grid table's border (a console's) */
		size_t pluses = 0;
		for (size_t i = 0; i < len; i++) {
			if (s[i] != '+' && s[i] != '-' && s[i] != '=')
				return false;
			pluses += s[i] == '+';
		}
		return pluses >= 2;
	}
	if (len < 3 || s[0] != '|' || s[len - 1] != '|')
		return false;
	size_t bars = 0;
	for (size_t i = 0; i < len; i++)
		bars += s[i] == '|';
	return bars >= 3;
}

/* "上证指数　3215.47　+0.85%": a row of figures, text of the story. */
static bool table_row(const char *s, size_t len)
{
	if (md_table_row(s, len))
		return true;
	const char *p = s, *end = s + len;
	int numbers = 0, figures = 0, tokens = 0, singles = 0;
	/* a sentence is no row: commas, enumeration marks, stops (，；：
	 * EF BC 8C/9B/9A, 、。 E3 80 81/82, ｡､ EF BD A1/A4), one byte pass */
	const unsigned char *b = (const unsigned char *)s;
	/* and whether a space of text_is_space is there (' ', '\t', C2 A0,
	 * E2 80 80..8B, E2 80 AF, E2 81 9F, E3 80 80, EF BB BF) */
	bool spaced = false;
	int paren = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = b[i];
		if (c < 0x80) {
			/* "8,262,391": a comma between digits groups thousands */
			if (c == ',' && !(i > 0 && i + 1 < len && b[i - 1] >= '0' && b[i - 1] <= '9' && b[i + 1] >= '0' &&
					  b[i + 1] <= '9'))
				return false;
			spaced |= c == ' ' || c == '\t';
			continue;
		}
		if (c == 0xC2) {
			spaced |= i + 1 < len && b[i + 1] == 0xA0;
			continue;
		}
		if (i + 2 >= len)
			continue;
		if (c == 0xE2) {
			spaced |= (b[i + 1] == 0x80 && (b[i + 2] <= 0x8B || b[i + 2] == 0xAF)) ||
				  (b[i + 1] == 0x81 && b[i + 2] == 0x9F);
			continue;
		}
		if (c != 0xEF && c != 0xE3)
			continue;
		if (c == 0xEF && b[i + 1] == 0xBC && (b[i + 2] == 0x88 || b[i + 2] == 0x89)) {
			paren += b[i + 2] == 0x88 ? 1 : -1;
			continue;
		}
		/* (an enumeration mark inside brackets is a cell's aside:
		 * "各县（市、区）指定门诊") */
		if ((c == 0xEF && b[i + 1] == 0xBC && (b[i + 2] == 0x8C || b[i + 2] == 0x9B || b[i + 2] == 0x9A)) ||
		    (c == 0xE3 && b[i + 1] == 0x80 && (b[i + 2] == 0x81 && paren <= 0)) ||
		    (c == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x82) ||
		    (c == 0xEF && b[i + 1] == 0xBD && (b[i + 2] == 0xA1 || b[i + 2] == 0xA4)))
			return false;
		spaced |= (c == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x80) || (c == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF);
	}
	/* without a space the line is one token, and every row below needs
	 * two or more */
	if (!spaced)
		return false;
	int wide_gaps = 0, widest = 0;
	bool last_number = false;
	while (p < end) {
		const char *gap = p;
		p = text_skip_space(p, end);
		/* a gap of two spaces or more between words: a column */
		if (gap > s && p < end && (p - gap >= 2 || (p - gap == 3 && (unsigned char)gap[0] == 0xE3)))
			wide_gaps++;
		if (gap > s && p < end && p - gap > widest)
			widest = (int)(p - gap);
		const char *w = p;
		bool num = true, digit = false;
		int cps = 0;
		while (p < end) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if (text_is_space(cp))
				break;
			if (cp >= '0' && cp <= '9')
				digit = true;
			else if (!(cp == '.' || cp == '%' || cp == '+' || cp == '-' || cp == ',' || cp == 0xFF05))
				num = false;
			cps += is_han(cp) ? 1 : 2;
			p += k;
		}
		if (p > w && num && digit)
			numbers++;
		last_number = p > w && num && digit;
		if (p > w && digit)
			figures++;
		tokens += p > w;
		singles += cps == 1;
	}
	/* "工　作　简　报": a word letter-spaced, one Han character a cell, is
	 * no row (three may be a byline's spaced name: 文　周　舟) */
	if (tokens >= 4 && singles == tokens)
		return false;
	/* "产量　697.5万辆　同比增长36.2%": a label and figures; "产品　　单位
	 * 　　产量": the heads of columns, set apart by wide gaps */
	/* "15%三唑酮可湿性粉剂　　　　　60～80克": two cells with figures
	 * set apart by a gap of three wide spaces or more */
	/* "高麗菜　　　　85", "美元　　　34.72": a label and its figure set
	 * apart by two wide spaces or more, the figure alone in its cell */
	return (numbers >= 2 || figures >= 3 || (figures >= 2 && tokens >= 3) || (tokens >= 3 && wide_gaps >= 2) ||
		(figures == 2 && tokens == 2 && widest >= 9) || (tokens == 2 && numbers == 1 && last_number && widest >= 3)) &&
	       !spaced_number_only(s, len);
}

/* A line of only a page number: one to three digits between dashes,
 * brackets or spaces ("（２）", "- 3 -", "—5—"). */
static bool page_number_line(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	int digits = 0, before = 0, after = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) {
			if (after || ++digits > 3)
				return false;       /* one run of digits */
		} else if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == '(' || cp == ')' ||
			   cp == 0xFF08 || cp == 0xFF09 || cp == '[' || cp == ']' || cp == 0x3010 || cp == 0x3011) {
			if (digits)
				after++;
			else
				before++;
		} else if (!text_is_space(cp)) {
			return false;
		}
	}
	return digits && before && after;
}

/* "12　以案说法", "要闻　3": a page number and a section name of two to
 * six Han characters, apart. */
/* Only digits (ASCII or full-width). */
static bool bare_number(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)))
			return false;
	}
	return len > 0;
}

/* Figures with their signs, points and units of percent, spaces
 * between: a number and nothing else ("+650", "-2.3%", "1,036"), a time
 * ("6:15") or a range ("1800—2400", "3～5"). */
static bool figures_only(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	bool digit = false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
			digit = true;
		else if (!(cp == '+' || cp == '-' || cp == '.' || cp == ',' || cp == '%' || cp == 0xFF05 ||
			   cp == 0x2212 || cp == 0x2191 || cp == 0x2193 || cp == 0xFF0B || cp == 0xFF0D || text_is_space(cp) ||
			   ((cp == ':' || cp == 0x2014 || cp == 0x2013 || cp == '~' || cp == 0xFF5E) && digit)))
			return false;
	}
	return digit;
}

static bool folio_line(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	int parts = 0, numbers = 0, words = 0;
	while (p < end) {
		p = text_skip_space(p, end);
		if (p >= end)
			break;
		const char *w = p;
		int digits = 0, han = 0, other = 0;
		while (p < end) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if (text_is_space(cp))
				break;
			if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
				digits++;
			else if (is_han(cp))
				han++;
			else
				other++;
			p += k;
		}
		if (p == w)
			break;
		parts++;
		if (digits >= 1 && digits <= 3 && !han && !other)
			numbers++;
		else if (han >= 2 && han <= 6 && !digits && !other)
			words++;
		else
			return false;
	}
	return parts == 2 && numbers == 1 && words == 1;
}

/* The line opens with a paper's name standing as a field of its own
 * ("春城晚报·社区版 …", "江城日报 | …"). */
static bool paper_name_field(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	int chars = 0;
	while (p < end && chars <= 10) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (!is_han(cp))
			break;
		p += k;
		chars++;
	}
	if (chars < 3 || chars > 10 || p >= end || !is_paper_name(s, p, chars))
		return false;
	uint32_t sep = first_cp(p, end);
	return text_is_space(sep) || sep == 0xB7 || sep == 0x30FB || sep == '|' || sep == 0xFF5C || sep == 0x2022 ||
	       sep == 0x25C6 || sep == 0x25A0 || sep == 0x25CF || sep == '/' || sep == 0xFF0F;
}

/* The page's first line opening with a paper's name as a field of its
 * own, with figures, is its running header up to this many characters
 * (a paper's name in English and a date range count letter by letter:
 * "枫华周报 Maple Chinese Weekly | 第1088期 | 2026年11月27日-12月3日 | A4 社区"). */
enum { FIRST_HEADER_MAX = 64 };

/* Spaces between two Han characters ("社 区 食 堂"; pdftotext -layout
 * sets a display title two or three apart: "玉  米  籽  粒"): the gaps,
 * and in *spaces the spaces they hold. */
static unsigned han_gaps(const char *s, size_t len, unsigned *spaces)
{
	enum { GAP_SPACES_MAX = 3 };
	unsigned n = 0;
	const char *end = s + len;
	*spaces = 0;
	for (const char *p = memchr(s, ' ', len); p && p + 1 < end; p = memchr(p + 1, ' ', (size_t)(end - p - 1))) {
		if (p - s < 3 || p[-1] == ' ')
			continue;
		const char *q = p;
		while (q < end && *q == ' ')
			q++;
		if (q - p > GAP_SPACES_MAX || q >= end)
			continue;
		if (is_han(first_cp(q, end)) && is_han(last_cp(s, p, NULL))) {
			n++;
			*spaces += (unsigned)(q - p);
		}
	}
	return n;
}

/* A numeral of a date: an ASCII or full-width digit, 〇 or a Chinese
 * digit up to 十. */
static bool date_numeral(uint32_t cp)
{
	static const uint32_t han[] = { 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };   /* 〇零一二三四五六七八九十 */
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
		return true;
	for (size_t k = 0; k < sizeof han / sizeof han[0]; k++)
		if (cp == han[k])
			return true;
	return false;
}

/* A line that is a whole date and nothing else ("2025年8月29日",
 * "二〇二五年八月二十九日"): the date under a signature, closing a
 * notice, a letter or a statement. */
static bool date_only_line(const char *s, size_t len)
{
	static const uint32_t marks[] = { 0x5E74, 0x6708, 0x65E5 };   /* 年 月 日 */
	static const unsigned min[] = { 2, 1, 1 }, max[] = { 4, 3, 3 };
	const char *p = text_skip_space(s, s + len), *end = s + len;
	/* "中華民國一一五年十一月二十日": the era's name before the year */
	static const char *const eras[] = { "中華民國", "中华民国", "民國", "民国" };
	for (size_t k = 0; k < sizeof eras / sizeof *eras; k++)
		if (has_prefix(p, (size_t)(end - p), eras[k])) {
			p += strlen(eras[k]);
			break;
		}
	for (int f = 0; f < 3; f++) {
		/* "2026年11月": a month's date, no day, closes the same way */
		if (f == 2 && text_skip_space(p, end) == end)
			return true;
		unsigned n = 0;
		uint32_t cp = 0;
		int k = 0;
		while (p < end) {
			k = text_decode(p, end, &cp);
			if (!date_numeral(cp))
				break;
			p += k;
			n++;
		}
		if (n < min[f] || n > max[f] || p >= end || cp != marks[f])
			return false;
		p += k;
	}
	return text_skip_space(p, end) == end;
}

/* "糯米50克、红豆30克、花生30克、红枣8颗": a list of four or more
 * items set apart by 、 is a line of text, never a title. */
static bool enumeration(const char *s, size_t len)
{
	int marks = 0;
	const char *end = s + len;
	for (const char *p = s; (p = memchr(p, 0xE3, (size_t)(end - p))) != NULL; p++)
		if (end - p >= 3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x81 && ++marks >= 3)
			return true;
	return false;
}

/* "■山城小面馆　地址：南门路36号　人均：25元": two or more label：value
 * fields set apart by spaces, a row of a listing, not a title. */
static bool field_pairs(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	int fields = 0;
	bool space = false;
	uint32_t prev = 0;
	if (!memchr(s, ':', len) && !memchr(s, 0xEF, len))
		return false;   /* no colon at all (cheap test) */
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if ((cp == 0xFF1A || cp == ':') && is_han(prev))
			fields++;
		space |= text_is_space(cp);
		prev = cp;
	}
	return fields >= 2 && space;
}

/* The word a dateline ends with in the line's first words: 讯 or 訊
 * (not the one of 通讯员) or 日电: a cheap test before
 * pattern_match_dateline. */
static bool filed_word(const char *s, size_t len)
{
	static const char *const news[] = { "讯", "訊" };
	size_t head = len < 42 ? len : 42;
	for (size_t k = 0; k < 2; k++)
		for (const char *p = s; (p = util_find(p, head - (size_t)(p - s), news[k], 3)) != NULL; p += 3)
			if (p - s < 3 || memcmp(p - 3, "通", 3) != 0)
				return true;
	return util_find(s, head, "日电", 6) || util_find(s, head, "日電", 6);
}

/* a post or unit and a name alone on a line: no longer than a short title */
enum { UNIT_NAME_MAX = 16 };


/* "（图：周文华）仰光…", "（圖／鹿港書法學會提供）民眾…", "（图：林德安在…。
 * 黄丽珠摄）": a paragraph that opens with the picture's word and its
 * colon or slash in round brackets is the picture's caption, its credit
 * set first; no dateline nor byline opens so (（记者 X）, （新山讯）). */
static bool photo_credit_opening(const char *s, size_t len)
{
	static const char *const words[] = { "图", "圖", "图片", "圖片", "摄影", "攝影" };
	size_t b = has_prefix(s, len, "（") ? 3 : has_prefix(s, len, "(") ? 1 : 0;
	if (!b)
		return false;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t w = strlen(words[k]);
		if (has_prefix(s + b, len - b, words[k])) {
			const char *p = s + b + w, *end = s + len;
			return has_prefix(p, (size_t)(end - p), "：") || has_prefix(p, (size_t)(end - p), "／") ||
			       (p < end && (*p == ':' || *p == '/'));
		}
	}
	return false;
}

/* Whether "：" occurs once in [s, s+len). */
static bool one_wide_colon(const char *s, size_t len)
{
	const char *c = util_find(s, len, "：", 3);
	return c && !util_find(c + 3, (size_t)(s + len - c - 3), "：", 3);
}

/* Whether a date line names its day (日): a month's date alone
 * ("2026年12月") heads a calendar's rows as well as it closes a notice. */
static bool day_dated(const char *s, size_t len)
{
	const char *end = text_trim_end(s, s + len);
	return end - s >= 3 && memcmp(end - 3, "日", 3) == 0;
}

/* Whether the unit before is a short line with no sentence in it (an
 * issuer's name, "教区档案室"): a signature a month's date may close. */
enum { SIGNER_MAX_CHARS = 24 };
static bool signer_above(const parser *ps)
{
	const unit *v = UNIT(ps, ps->nunits - 1);
	return v->kind == U_TITLE && v->chars <= SIGNER_MAX_CHARS &&
	       !(v->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END | UF_COMMA));
}

/* A date as a machine stamps it: 2005-03-19 (a year of four figures). */
static bool has_iso_date(const char *s, size_t len)
{
	for (const char *p = memchr(s, '-', len); p; p = memchr(p + 1, '-', (size_t)(s + len - p - 1))) {
		if (p - s < 4 || s + len - p < 4)
			continue;
		bool year = true;
		for (int k = 1; k <= 4; k++)
			year &= p[-k] >= '0' && p[-k] <= '9';
		if (year && p[1] >= '0' && p[1] <= '9' && (p[2] == '-' || (p[2] >= '0' && p[2] <= '9' && p[3] == '-')))
			return true;
		if (p + 1 >= s + len)
			break;
	}
	return false;
}

/* Which bytes a site's or an app's chrome needs a line holds
 * (one pass over its bytes, before the tests below): a colon of fields
 * (: ：), a bar or an arrow of a path (| ｜ >), a square bracket of a tag,
 * a pictograph or an arrow (F0…, E2 86/87, ▶), or the words of an item's
 * age (…前, 刚刚, 昨天/前天 …, whose 天 is E5 A4 A9). */
enum { CB_COLON = 1, CB_PATH = 2, CB_TAG = 4, CB_PICT = 8, CB_AGE = 16 };
static unsigned chrome_bytes(const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s;
	unsigned m = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = b[i];
		if (c < 0x80) {
			m |= c == ':' ? CB_COLON : c == '|' || c == '>' ? CB_PATH : c == '[' ? CB_TAG : 0;
			continue;
		}
		if (c == 0xF0)
			m |= CB_PICT;
		if (i + 2 >= len || (c != 0xEF && c != 0xE2 && c != 0xE5))
			continue;
		if (c == 0xEF && b[i + 1] == 0xBC && b[i + 2] == 0x9A)
			m |= CB_COLON;          /* ： */
		else if (c == 0xEF && b[i + 1] == 0xBD && b[i + 2] == 0x9C)
			m |= CB_PATH;           /* ｜ */
		else if (c == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0xBA)
			m |= CB_PATH;           /* › */
		else if (c == 0xE2 && (b[i + 1] == 0x86 || b[i + 1] == 0x87 || (b[i + 1] == 0x96 && b[i + 2] == 0xB6)))
			m |= CB_PICT;
		else if (c == 0xE5 && ((b[i + 1] == 0x89 && b[i + 2] == 0x8D) ||      /* 前 */
				       (b[i + 1] == 0x88 && b[i + 2] == 0x9A) ||      /* 刚 */
				       (b[i + 1] == 0xA4 && b[i + 2] == 0xA9)))       /* 天 */
			m |= CB_AGE;
	}
	return m;
}

/* "2025-11-26 18:42" then a wide gap (two spaces, U+3000) at the line's
 * head: the bytes of the stamp, 0 when the line opens otherwise. */
static size_t bare_stamp_lead(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while (p < end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '/' || *p == ':' || *p == '.' ||
			   (*p == ' ' && p + 1 < end && p[1] >= '0' && p[1] <= '9')))
		p++;
	if (p - s < 10 || !has_iso_date(s, (size_t)(p - s)) || p >= end)
		return 0;
	return has_prefix(p, (size_t)(end - p), "\xe3\x80\x80") || (*p == ' ' && p + 1 < end && p[1] == ' ') || *p == '\t'
		       ? (size_t)(p - s)
		       : 0;
}

/* Whether a field's label (1 to 6 Han characters and a colon) or the
 * end follows the spaces at p. */
static bool label_follows(const char *p, const char *end)
{
	const char *q = text_skip_space(p, end);
	if (q == end)
		return true;
	for (int chars = 0; q < end && chars <= 6; chars++) {
		uint32_t cp;
		int k = text_decode(q, end, &cp);
		if (cp == 0xFF1A || cp == ':')
			return chars >= 1;
		if (!is_han(cp))
			return false;
		q += k;
	}
	return false;
}

/* "作者：老街坊2005　　回复日期：2005-03-19 22:45:33", "楼主：X　　时间：…
 * 点击：3512　　回复：27": a site's fields of a post (two or more
 * "label：value" set apart by wide gaps, each label a few Han characters),
 * one of them the machine's stamp of a date and a time: the forum's, not
 * the text's (a notice's "时间：12月3日9:00　　地点：…" is the text's). */
static bool site_meta_fields(const char *s, size_t len)
{
	/* (the clock, or a site's own label beside the machine's date:
	 * 来源：X, 作者：X, 发布时间：) */
	if (len > 240 || !has_iso_date(s, len) ||
	    !(has_clock(s, len) || memmem(s, len, "来源：", 9) || memmem(s, len, "來源：", 9) ||
	      (memmem(s, len, "作者：", 9) && memmem(s, len, "日期：", 9))))
		return false;
	const char *p = s, *end = s + len;
	unsigned fields = 0;
	/* (the stamp may come first, bare: "2025-11-26 18:42　来源：X") */
	size_t stamp = bare_stamp_lead(s, len);
	if (stamp) {
		fields++;
		p = text_skip_space(s + stamp, end);
	}
	while (p < end) {
		/* the label: 1 to 6 Han characters, then a colon */
		const char *q = p;
		int chars = 0;
		while (q < end && chars <= 6) {
			uint32_t cp;
			int k = text_decode(q, end, &cp);
			if (!is_han(cp))
				break;
			q += k;
			chars++;
		}
		size_t colon = has_prefix(q, (size_t)(end - q), "：") ? 3 : q < end && *q == ':' ? 1 : 0;
		if (chars < 1 || chars > 6 || !colon)
			return false;
		fields++;
		/* the value, up to a wide gap (two spaces, U+3000) before the
		 * next label or the end ("作者：本报记者　吴晓岚　　来源：X": a
		 * value's own U+3000 sets a name apart) */
		p = q + colon;
		const char *gap = NULL;
		while (p < end && !gap) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if ((cp == 0x3000 || (cp == ' ' && p + 1 < end && p[1] == ' ') || cp == '\t') &&
			    (cp != 0x3000 || label_follows(p, end)))
				gap = p;
			else
				p += k;
		}
		if (gap)
			p = text_skip_space(gap, end);
	}
	return fields >= 2;
}

/* "天涯社区 > 天涯杂谈 > 浏览帖子": a site's path to the page, three
 * crumbs or more of a few words joined by " > "; "掌上临江　　推荐　｜　本地
 * ｜　视频　｜　政务": an app's bar of tabs, five or more parted by bars,
 * each tab after the first a word (at most TAB_MAX characters). */
enum { CRUMB_CHARS_MAX = 12, LAST_CRUMB_CHARS_MAX = 40, TAB_MAX = 4 };
static bool plain_breadcrumb(const char *s, size_t len)
{
	if (len > 200)
		return false;
	unsigned crumbs = 0, chars = 0, longest_tab = 0, arrows = 0, bars = 0;
	const char *p = text_skip_space(s, s + len), *end = s + len;
	while (p <= end) {
		size_t sep = p == end ? 0 :
			     p + 3 <= end && p[0] == ' ' && p[1] == '>' && p[2] == ' ' ? 3 :
			     p + 5 <= end && p[0] == ' ' && has_prefix(p + 1, 3, "›") && p[4] == ' ' ? 5 :
			     *p == '|' ? 1 : has_prefix(p, (size_t)(end - p), "｜") ? 3 : 0;
		if (sep || p == end) {
			/* (only the last crumb, the page's own title, may be long) */
			if (!chars || (sep && chars > CRUMB_CHARS_MAX))
				return false;
			if (p == end && chars > CRUMB_CHARS_MAX && !arrows)
				return false;
			if (crumbs > 0 && chars > longest_tab)
				longest_tab = chars;
			crumbs++;
			chars = 0;
			if (p == end)
				break;
			arrows += (sep == 3 || sep == 5) && *p == ' ';
			bars += !((sep == 3 || sep == 5) && *p == ' ');
			p = text_skip_space(p + sep, end);
			continue;
		}
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_sentence_end(cp) || is_clause_end(cp))
			return false;
		if (!text_is_space(cp) && ++chars > LAST_CRUMB_CHARS_MAX)
			return false;
	}
	if (arrows && bars)
		return false;
	return arrows ? crumbs >= 3 : crumbs >= 5 && longest_tab <= TAB_MAX;
}

/* The words of an app's feed telling an item's age (not a date a paper
 * prints: "2小时前", "昨天 18:32"). */
static bool relative_time(const char *s, size_t len)
{
	static const char *const ages[] = { "分钟前", "小时前", "刚刚", "昨天 ", "前天 " };
	for (size_t i = 0; i < sizeof ages / sizeof *ages; i++) {
		const char *at = memmem(s, len, ages[i], strlen(ages[i]));
		if (!at)
			continue;
		if (i >= 3)             /* 昨天 18:32: a clock after it */
			return has_clock(at, (size_t)(s + len - at));
		if (i == 2 || (at > s && at[-1] >= '0' && at[-1] <= '9'))
			return true;
	}
	return false;
}

/* "临江日报　　2小时前　　阅读 3.6万": an item's source and age. */
static bool feed_age_line(const char *s, size_t len)
{
	return len <= 120 && (memchr(s, ' ', len) || memmem(s, len, "\xe3\x80\x80", 3)) && relative_time(s, len);
}

/* The chrome of a news app's feed scraped as text: an item's source and
 * age over its text ("临江日报　　2小时前　　阅读 3.6万"), its counters
 * of pictographs and figures ("👍 1286　　💬 96　　↗ 分享", "▶ 01:32"),
 * a tag in square brackets alone ("[置顶]", "[视频]"). */
static bool feed_chrome(const char *s, size_t len, unsigned chars)
{
	if (chars > 30)
		return false;
	if (feed_age_line(s, len))
		return true;
	if (len >= 5 && len <= 14 && s[0] == '[' && s[len - 1] == ']') {
		unsigned han = 0, other = 0;
		for (const char *p = s + 1; p < s + len - 1;) {
			uint32_t cp;
			p += text_decode(p, s + len - 1, &cp);
			han += is_han(cp);
			other += !is_han(cp);
		}
		return han >= 1 && han <= 4 && !other;
	}
	unsigned han = 0, pictographs = 0;
	bool play = false;
	for (const char *p = s, *end = s + len; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		han += is_han(cp);
		pictographs += (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x21FF);
		play |= cp == 0x25B6;
	}
	return (pictographs >= 2 && han <= 2) || (play && !han && has_clock(s, len));
}

/* "分享", "讚", "18則留言", "9次分享": a social post's button or the count
 * of its comments and shares, alone on a line (copied out of a feed,
 * each button on its own line): never the paper's text. */
enum { FEED_BUTTON_MAX = 8 };
static bool feed_button(const char *s, size_t len)
{
	static const char *const buttons[] = { "讚", "赞", "点赞", "點讚", "分享", "留言", "评论", "評論", "转发", "轉發",
					       "回覆", "回复", "在看", "收藏", "所有心情：" };
	const char *p = s, *end = s + len;
	bool counted = false;
	while (p < end && *p >= '0' && *p <= '9') {
		p++;
		counted = true;
	}
	/* "18則留言", "9次分享", "126 条评论" */
	if (counted) {
		p = text_skip_space(p, end);
		static const char *const units[] = { "則", "则", "条", "條", "次", "个", "個" };
		for (size_t k = 0; k < sizeof units / sizeof *units; k++)
			if (has_prefix(p, (size_t)(end - p), units[k])) {
				p += strlen(units[k]);
				break;
			}
	}
	/* (the longest button is five characters: most lines are longer) */
	if (end - p < 3 || end - p > 15)
		return false;
	for (size_t k = 0; k < sizeof buttons / sizeof *buttons; k++)
		if ((size_t)(end - p) == strlen(buttons[k]) && memcmp(p, buttons[k], (size_t)(end - p)) == 0)
			return true;
	return false;
}

/* "孝男　林国强　林国华", "孝孙　林志明", "泣告": an obituary's mourners
 * by their kinship (孝 and the kin, names after a space), or the word
 * that closes it, alone. */
enum { MOURNERS_LINE_MAX = 40 };
static bool mourners_line(const char *s, size_t len)
{
	static const char *const closings[] = { "泣告", "泣啟", "泣启", "叩告", "哀告", "泣叩" };
	if (!util_find(s, len, "孝", 3) && !util_find(s, len, "泣", 3) && !util_find(s, len, "告", 3))
		return false;       /* (a look for the rare bytes first) */
	const char *t = text_skip_space(s, s + len), *end = text_trim_end(s, s + len);
	for (size_t k = 0; k < sizeof closings / sizeof *closings; k++)
		if ((size_t)(end - t) == strlen(closings[k]) && memcmp(t, closings[k], (size_t)(end - t)) == 0)
			return true;
	static const char kin[] = "男女孙孫媳婿侄姪";
	if (!has_prefix(t, (size_t)(end - t), "孝") || end - t < 12)
		return false;
	const char *p = t + 3;
	if (has_prefix(p, (size_t)(end - p), "外") || has_prefix(p, (size_t)(end - p), "曾"))
		p += 3;
	bool kin_word = false;
	for (const char *k = kin; *k; k += 3)
		kin_word |= memcmp(p, k, 3) == 0;
	if (!kin_word)
		return false;
	p += 3;
	if (p < end && (has_prefix(p, (size_t)(end - p), "孙") || has_prefix(p, (size_t)(end - p), "女")))
		p += 3;     /* (孝孙女, 孝外孙女) */
	return p < end && text_is_space(first_cp(p, end)) && !memmem(p, (size_t)(end - p), "，", 3) &&
	       !memmem(p, (size_t)(end - p), "。", 3);
}

/* "👍 赞 97　　💬 评论 8　　↗ 分享": a post's buttons on one line, two of
 * them at least, each with its pictograph and count or without: words
 * of buttons, figures and pictographs set apart by spaces, nothing
 * else. */
enum { BUTTONS_BAR_MAX = 30 };
static bool buttons_bar(const char *s, size_t len)
{
	unsigned buttons = 0;
	if (!util_find(s, len, "分享", 6) && !util_find(s, len, "赞", 3) && !util_find(s, len, "讚", 3) &&
	    !util_find(s, len, "评论", 6) && !util_find(s, len, "評論", 6) && !util_find(s, len, "收藏", 6) &&
	    !util_find(s, len, "在看", 6))
		return false;       /* (no button's word: most lines) */
	bool pictograph = false, count = false;
	const char *p = text_skip_space(s, s + len), *end = s + len;
	while (p < end) {
		const char *q = p;
		while (q < end && !text_is_space(first_cp(q, end))) {
			uint32_t cp;
			q += text_decode(q, end, &cp);
		}
		size_t n = (size_t)(q - p);
		uint32_t c0 = first_cp(p, q);
		if (feed_button(p, n))
			buttons++;
		else if (c0 >= '0' && c0 <= '9') {
			const char *d = p;
			while (d < q && ((*d >= '0' && *d <= '9') || *d == '.' || *d == ','))
				d++;
			if (d < q && !(has_prefix(d, (size_t)(q - d), "万") || has_prefix(d, (size_t)(q - d), "萬")))
				return false;
			count = true;
		} else if (!((c0 >= 0x1F300 && c0 <= 0x1FAFF) || (c0 >= 0x2190 && c0 <= 0x21FF) || (c0 >= 0x2600 && c0 <= 0x27BF)) ||
			   n > 8) {
			return false;   /* (a pictograph alone: 👍, 💬, ↗) */
		} else {
			pictograph = true;
		}
		p = text_skip_space(q, end);
	}
	/* (or one button beside a pictograph's count: "👍 214　　在看") */
	return buttons >= 2 || (buttons == 1 && pictograph && count);
}

/* "所有心情：" / "126": the figure of a post's counter alone under its
 * label, which is a banner already. */
static bool feed_count_under_label(const parser *ps, const char *s, size_t len)
{
	if (!ps->nunits || !len || len > 7 || strspn(s, "0123456789") != len)
		return false;
	const unit *v = UNIT(ps, ps->nunits - 1);
	return v->kind == U_PAGEHEAD && feed_button(v->s, v->len) && ends_with_word(v->s, v->len, "：");
}

/* Characters of s with each run of ASCII spaces counted as one. */
static unsigned spaced_out_chars(const char *s, size_t len)
{
	unsigned n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' && i > 0 && s[i - 1] == ' ')
			continue;
		n += (c & 0xC0) != 0x80;
	}
	return n;
}

static bool only_headers_before(const parser *ps, size_t i);
/* Whether a mail's header (its sender, 发件人：X) was read among the
 * page's first units. */
static bool under_mail_header(const parser *ps)
{
	for (size_t k = ps->units_base; k < ps->nunits; k++)
		if (UNIT(ps, k)->kind == U_PAGEHEAD && pattern_mail_chrome(UNIT(ps, k)->s, UNIT(ps, k)->len) == PATTERN_MAIL_HEADER)
			return true;
	return false;
}

/* Whether no story has begun in the units read so far: no byline, no
 * dateline, no sentence (the masthead's lines, and a deck, only). */
static bool counters_bar(const unit *u);
/* 阅读, 閱讀, 浏览, 瀏覽 at the head of s: the word a post's count of its
 * readers follows. */
static bool reads_word(const char *s, size_t len)
{
	return has_prefix(s, len, "阅读") || has_prefix(s, len, "閱讀") || has_prefix(s, len, "浏览") ||
	       has_prefix(s, len, "瀏覽");
}

/* "阅读 1.8万", "浏览 9621" alone: the count of a post's readers. */
static bool readers_count(const unit *u)
{
	return reads_word(u->s, u->len) && counters_bar(u);
}

static bool heads_only_so_far(const parser *ps)
{
	for (size_t k = ps->units_base; k < ps->nunits; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind == U_BYLINE || v->kind == U_DATELINE || v->kind == U_NAMES ||
		    (v->flags & (UF_TERMINATED | UF_SENTENCE)))
			return false;
	}
	return true;
}

enum { PUBLISHER_LINE_MAX = 40, SPACED_SLOGAN_MIN = 6 };
/* "北向资金连续三周净流入" / "本报记者　许　诺": a short line set in as
 * far as a paragraph, after a gap, with a byline tight under it, or a
 * paragraph opening with a dateline under it ("本报讯　11月25日，…"): a
 * story's title set in its column, not a paragraph of its own. */
enum { INDENTED_TITLE_MAX = 24, INDENTED_CLAUSE_MIN = 12, MARKED_CREDIT_MAX = 16 };
static bool dated_clause(const unit *u);
static bool title_over_byline(const parser *ps, const unit *u)
{
	if (u->gap == 0 || u->chars > INDENTED_TITLE_MAX || (u->flags & UF_COMMA) || !ps->have_pending)
		return false;
	const char *t = text_skip_space(ps->pending.s, ps->pending.s + ps->pending.len);
	size_t tl = (size_t)(ps->pending.s + ps->pending.len - t);
	if (ps->pending.gap == 0 && tl && tl <= 60 && pattern_is_byline(t, tl, true))
		return true;
	/* (a brief's title after its mark is read with the briefs) */
	pattern_dateline m;
	return ps->pending.gap <= ps->pf.big_gap && tl && !line_mark(u->s, u->len) && pattern_match_dateline(t, tl, &m) &&
	       m.date_start <= 3 && m.date_end > m.date_start;
}

static bool spaced_opinion_label(const char *s, size_t len);
static void classify(const parser *ps, unit *u)
{
	const char *s = u->s;
	size_t len = u->len;
	const prescan_slot *pre = prescan_get(ps, u->line, s, len);
	if (pre) {
		u->chars = pre->unit_chars;
		u->spaced = pre->spaced;
		u->flags |= pre->flags;
	} else {
		unit_shape(u, count_chars(s, len, 201));
	}
	int page = 0;
	header_match hm;
	if (in_front_matter(ps, u->line)) {
		u->kind = U_PAGEHEAD;       /* the note's front matter (see front_matter_line) */
		return;
	}
	if (ps->feed_author && u->chars <= 40) {
		u->kind = U_BYLINE;         /* Author: X of a feed item, whatever its words */
		return;
	}
	if (len > 1 && s[0] == '#') {
		size_t hashes = 0;
		while (hashes < len && s[hashes] == '#')
			hashes++;
		if (hashes < len && (s[hashes] == ' ' || s[hashes] == '\t')) {
			const char *t = text_skip_space(s + hashes, s + len);
			if (is_running_header(t, (size_t)(s + len - t), &hm)) {
				/* "# 青溪日报 · 2025年1月8日 · 第5版" */
				u->s = t;
				u->len = (uint32_t)(s + len - t);
				u->kind = U_PAGEHEAD;
				return;
			}
			if (u->line == ps->pf.md_title_line) {
				/* the post's title over its items */
				u->s = t;
				u->len = (uint32_t)(s + len - t);
				u->kind = U_PAGEHEAD;
				return;
			}
			if (has_prefix(t, (size_t)(s + len - t), "——")) {
				/* "#### ——副题": a subtitle under the title */
				u->s = t;
				u->len = (uint32_t)(s + len - t);
				u->flags = 0;
				scan_punctuation(u);
				u->kind = U_TITLE;
				return;
			}
			/* the page's article level is its highest level of titles */
			unsigned level = ps->pf.md_level ? ps->pf.md_level : 1;
			u->kind = hashes <= level ? U_MDHEAD : U_MDSUB;
			return;
		}
	}
	if (len >= 12 && (unsigned char)s[0] == 0xE5 && !(u->flags & (UF_TERMINATED | UF_SENTENCE)) && post_stamp(s, len)) {
		u->kind = U_PAGEHEAD;       /* "原创 X *2026年12月15日 08:30*": the post's stamp */
		return;
	}
	if (u->line <= SECTION_MENU_TOP && u->chars <= 60 && section_menu(s, len)) {
		u->kind = U_PAGEHEAD;       /* "即時　要聞　港聞　體育　財經": the app's sections */
		return;
	}
	if (u->chars <= 60 && !(u->flags & UF_TERMINATED) && client_stamp(s, len)) {
		u->kind = U_PAGEHEAD;       /* "11-30 21:40 来自 微博 weibo.com": a post's stamp */
		return;
	}
	if (u->chars <= 30 && (bare_stamp(s, len) || read_stamp(s, len))) {
		u->kind = U_PAGEHEAD;       /* (and "2026-12-03　閱讀 1.2萬": posted, and read so often) */
		return;
	}
	if (u->chars <= READS_LINE_MAX && readers_count(u)) {
		u->kind = U_PAGEHEAD;       /* "阅读 1.8万": a phone view's count of readers */
		return;
	}
	if (u->chars <= COUNTERS_LINE_MAX && !(u->flags & UF_TERMINATED) && reads_word(s, len) && counters_bar(u)) {
		u->kind = U_PAGEHEAD;       /* "阅读 2356 · 点赞 41" under each item: the site's counts */
		return;
	}
	if (len <= 12 && stray_marks(s, len)) {
		u->kind = U_PAGEHEAD;       /* "|", "l": a scanner's specks, no text */
		return;
	}
	if (u->chars <= 40 && !(u->flags & UF_SENTENCE) && is_end_mark(s, len, u->chars)) {
		u->kind = U_END;
		return;
	}
	/* a mailed edition's way to its web copy over its first story,
	 * and the address alone on its line under it */
	if (ps->text_units < MAIL_TOP_UNITS && (u->chars <= MAIL_WEB_LINE_MAX || s[0] == '[')) {
		/* (and the mail's own header, its sender first; a mail
		 * reader's mark of a part may hold a long command) */
		pattern_mail mk = pattern_mail_chrome(s, len);
		if (mk == PATTERN_MAIL_WEB_COPY || mk == PATTERN_MAIL_HEADER || (mk == PATTERN_MAIL_FIELD && under_mail_header(ps)) ||
		    bare_address(s, len)) {
			u->kind = U_PAGEHEAD;
			return;
		}
	}
	if (ps->nunits < MAIL_TOP_UNITS && u->chars <= CONTENTS_LINE_MAX && pattern_contents_line(s, len)) {
		u->kind = U_PAGEHEAD;       /* "本期导读：X｜Y｜Z": the page's contents */
		return;
	}
	if (ps->nunits < MAIL_TOP_UNITS && u->chars <= PUBLISHER_LINE_MAX && site_credit(s, len) && heads_only_so_far(ps)) {
		u->kind = U_PAGEHEAD;       /* "主办：X集团党委　X有限公司" under the masthead */
		return;
	}
	if (link_line(s, len)) {
		/* "阅读全文：https://…": the site's link to where the story is
		 * read whole, a banner (three development pages of four print
		 * it so); another line of an address is the story's, never a
		 * title */
		if (read_whole_link(s, len)) {
			u->kind = U_PAGEHEAD;
			return;
		}
		u->kind = U_PARA;
		u->flags |= UF_TERMINATED;
		return;
	}
	if (u->chars <= 40) {
		pattern_jump_kind j = pre && pre->jump_done ? pre->jump : pattern_match_jump(s, len, &page);
		if (pre && pre->jump_done)
			page = pre->page;
		if (j != PATTERN_JUMP_NONE) {
			u->kind = U_JUMP;
			u->jump = (uint8_t)j;
			u->page = (int16_t)page;
			return;
		}
		/* (not a line set letter-spaced, display type: "关 爱 灾 区　情
		 * 系 桑 梓" is a slogan over a headline, no one's names) */
		if (!(u->spaced && u->chars >= SPACED_SLOGAN_MIN && !ps->pf.letter_spaced) &&
		    (pre && pre->jump_done ? pre->byline : pattern_is_byline(s, len, false))) {
			/* "本报讯　通讯员　乔　禾": a dateline opening it, the
			 * byline after it, the text under it: both fields */
			pattern_dateline dm;
			u->kind = filed_word(s, len) && pattern_match_dateline(s, len, &dm) && dm.date_start == 0 && dm.date_end > 0 &&
						  dm.byline_end > dm.byline_start && dm.body_start == len ?
					  U_DATELINE : U_BYLINE;
			return;
		}
	} else if (u->chars <= 80 && s[0] == 'B' && pattern_is_byline(s, len, false)) {
		/* "By Liu Yang, Grade 10, No. 2 Middle School": letters are
		 * narrow, an English byline runs longer */
		u->kind = U_BYLINE;
		return;
	}
	if (photo_credit_opening(s, len) && u->chars <= 2 * CAPTION_MAX_CHARS) {
		u->kind = U_CAPTION;        /* "（图：周文华）仰光…": the picture's credit first */
		return;
	}
	if (cartoon_line(s, len)) {
		u->kind = U_CAPTION;        /* "漫画　拍照打卡　周　锐　作": a cartoon's title and artist */
		return;
	}
	if ((has_prefix(s, len, "图：") || has_prefix(s, len, "圖：")) && u->chars <= 2 * CAPTION_MAX_CHARS &&
	    u->chars >= 6) {
		u->kind = U_CAPTION;        /* "圖：輕軌東線…（資料圖片）": the picture's caption, labelled */
		return;
	}
	pattern_dateline dl;
	if (pre ? pre->dateline : pattern_match_dateline(s, len, &dl)) {
		u->kind = U_DATELINE;
		return;
	}
	if ((has_prefix(s, len, "▲") || has_prefix(s, len, "△")) && u->chars <= 2 * CAPTION_MAX_CHARS) {
		/* "▲市民在…": the picture above; "▲ 回到頂端": the site's link */
		u->kind = u->chars <= 8 && pattern_is_epaper_chrome(s, len) ? U_PAGEHEAD : U_CAPTION;
		return;
	}
	size_t credit = pre ? pre->credit : pattern_credit_start(s, len);
	if (credit == 0) {
		u->kind = U_CREDIT;
		return;
	}
	/* "■王晓宇 摄": the credit after the mark the page sets its credits
	 * and bylines with */
	if (u->chars <= MARKED_CREDIT_MAX && line_mark(s, len)) {
		const char *t = text_skip_space(s + 3, s + len);
		if (t < s + len && pattern_credit_start(t, (size_t)(s + len - t)) == 0) {
			u->kind = U_CREDIT;
			return;
		}
	}
	if (credit < len && u->chars <= 200) {
		/* "新华社发（胡建国 摄）": a credit before the credit */
		u->kind = pattern_credit_start(s, credit) == 0 ? U_CREDIT : U_CAPTION;
		return;
	}
	if (u->chars <= 40 && pattern_is_page_header(s, len, &page)) {
		u->kind = U_PAGEHEAD;
		u->page = (int16_t)page;
		return;
	}
	unsigned cb = u->chars <= 80 && !(u->flags & UF_TERMINATED) ? chrome_bytes(s, len) : 0;
	if (cb && (((cb & CB_COLON) && site_meta_fields(s, len)) || ((cb & CB_PATH) && plain_breadcrumb(s, len)) ||
		   ((cb & (CB_TAG | CB_PICT | CB_AGE)) && feed_chrome(s, len, u->chars)))) {
		u->kind = U_PAGEHEAD;       /* a site's or a forum's, not the paper's */
		return;
	}
	if (u->chars <= FEED_BUTTON_MAX && (feed_button(s, len) || feed_count_under_label(ps, s, len))) {
		u->kind = U_PAGEHEAD;       /* a social post's button or count, alone */
		return;
	}
	if (u->chars <= MOURNERS_LINE_MAX && mourners_line(s, len)) {
		/* "孝男　林国强　林国华" / "泣告": an obituary's mourners and
		 * its closing word, the notice's text */
		u->kind = U_PARA;
		u->flags |= UF_TERMINATED | UF_ROW;
		return;
	}
	if (u->chars <= BUTTONS_BAR_MAX && !(u->flags & UF_TERMINATED) && buttons_bar(s, len)) {
		u->kind = U_PAGEHEAD;       /* "👍 赞 97　💬 评论 8　↗ 分享": the post's buttons */
		return;
	}
	if (u->chars <= CONTROL_BAR_MAX + 24 && control_bar(u) && one_wide_colon(s, len)) {
		/* "【字体：大 中 小】【打印本页】【关闭窗口】" wherever the
		 * site printed it (under a story's byline, over its text):
		 * the site's, a banner, no paragraph of the story; a line of
		 * fields ("尺码：大 中 小　颜色：红 白") labels more than one */
		u->kind = U_PAGEHEAD;
		return;
	}
	bool header = false;
	/* (up to 96 characters when letters are among them: a paper's name
	 * in letters beside its own runs long, and pattern.c counts letters
	 * half; pattern.c reads 200 bytes at most; a run of spaces, as
	 * pdftotext -layout spreads a header's fields, counts one) */
	unsigned chars = u->chars > 64 && len <= 200 ? spaced_out_chars(s, len) : u->chars;
	if (!(u->flags & (UF_TERMINATED | UF_SENTENCE)) && (chars <= 64 || (chars <= 96 && len <= 200 && has_latin_bytes(s, len)))) {
		if (pre && pre->header_done) {
			hm = pre->hm;
			header = pre->header;
		} else {
			header = is_running_header(s, len, &hm);
		}
	}
	if (!header && u->chars <= 64 && len <= 200 && memchr(s, ' ', len) && !(u->flags & (UF_TERMINATED | UF_SENTENCE)) &&
	    letter_spaced(s, len))
		header = spaced_header(s, len);
	/* (a phone view's bar of titles cut short ends in an ellipsis, no
	 * sentence: "…华校联合会举办教师研习营…  泗水…"; a forum's credit
	 * in a "!": "Powered by Discuz!") */
	if (!header && len <= 200 && (u->flags & UF_TERMINATED) &&
	    (util_find(s, len, "…", 3) || util_find(s, len, "Powered", 7)) && pattern_is_epaper_chrome(s, len)) {
		memset(&hm, 0, sizeof hm);
		header = true;
	}
	if (header) {
		u->kind = U_PAGEHEAD;
		return;
	}
	if (u->chars <= 40 && !(u->flags & (UF_TERMINATED | UF_SENTENCE)) && masthead_issuer(ps, s, len, &hm)) {
		/* "青岚市文化和旅游局办公室　　2026年11月25日" in the page's
		 * first lines, under short lines only: the issuer and the date
		 * of a bulletin's masthead */
		u->kind = U_PAGEHEAD;
		return;
	}
	if (ps->nunits > 0 && u->chars <= 16 && UNIT(ps, ps->nunits - 1)->kind != U_PAGEHEAD &&
	    date_only_line(s, len) && (day_dated(s, len) || signer_above(ps))) {   /* (16: 中華民國一一五年十二月三十一日) */
		/* the date under a notice's signature (two notices' dates
		 * differ only in figures: not a running line printed again) */
		u->kind = U_END;
		return;
	}
	if (ps->pf.nrepeated && u->chars <= TITLE_MAX_CHARS && !(u->flags & (UF_TERMINATED | UF_SENTENCE))) {
		/* printed again apart on the page, with a figure, and first
		 * at the page's top or holding a header's field: a running
		 * line the fields alone did not make */
		uint32_t rh = has_figure_bytes(s, len) ? running_line_hash(s, len) : 0;
		header_match rm;
		int rep = rh ? profile_repeated(&ps->pf, rh) : 0;
		if (rep) {
			match_header(s, len, &rm);
			if (rep == 2 || rm.fields >= 1) {
				u->kind = U_PAGEHEAD;
				u->flags |= UF_RECURS;
				return;
			}
		}
	}
	if ((ps->nunits == 0 || only_headers_before(ps, ps->nunits)) && u->chars <= 3 && len <= 9 && bare_number(s, len)) {
		u->kind = U_PAGEHEAD;   /* "5" alone heading the page, or under its header: its number */
		return;
	}
	if (ps->nunits == 0 && u->chars <= 12 && folio_line(s, len)) {
		u->kind = U_PAGEHEAD;   /* "12　以案说法": the page's number and section */
		return;
	}
	if (ps->nunits == 0 && u->chars <= FIRST_HEADER_MAX && !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)) &&
	    len <= 4 * FIRST_HEADER_MAX && has_figure_bytes(s, len) && paper_name_field(s, len)) {
		u->kind = U_PAGEHEAD;   /* "春城晚报·社区版 NO.2187 …" heading the page */
		return;
	}
	if (u->chars <= 9 && page_number_line(s, len)) {
		u->kind = U_PAGEHEAD;   /* "（２）", "- 3 -", "—5—": the page's number */
		return;
	}
	if (u->chars <= 40 && len > 2) {
		/* "[责任编辑：李航]", "【本版编辑 周南】": a header's fields in brackets */
		size_t o = s[0] == '[' ? 1 : has_prefix(s, len, "【") ? 3 : 0;
		size_t c = s[len - 1] == ']' ? 1 : (len >= 3 && memcmp(s + len - 3, "】", 3) == 0) ? 3 : 0;
		header_match in;
		const char *t = s + o;
		size_t tl = len - o - c;
		if (o && c && len > o + c &&
		    (has_prefix(t, tl, "责任编辑") || has_prefix(t, tl, "責任編輯") || has_prefix(t, tl, "责编") ||
		     has_prefix(t, tl, "本版编辑") || is_running_header(t, tl, &in))) {
			u->kind = U_PAGEHEAD;
			return;
		}
	}
	/* the page's first line: a date and short words are its header */
	if (ps->nunits == 0 && u->chars <= 40 && !(u->flags & (UF_TERMINATED | UF_SENTENCE)) &&
	    hm.others == 0 && hm.score >= HF_DATE && hm.words >= 2) {
		u->kind = U_PAGEHEAD;
		return;
	}
	/* (table_row takes md_table_row's rows too; cells between bars are
	 * a row however wide the table) */
	if (u->chars <= 40 ? (pre ? pre->row : table_row(s, len)) : md_table_row(s, len))
		u->flags |= UF_ROW;
	if (u->chars <= 40 && (has_prefix(s, len, "数据来源") || has_prefix(s, len, "資料來源") ||
			       has_prefix(s, len, "资料来源") || has_prefix(s, len, "數據來源")) &&
	    (has_prefix(s + 12, len - 12, "：") || has_prefix(s + 12, len - 12, ":"))) {
		/* "数据来源：交易所公开信息": the source under a table, a line
		 * of the story, never a title */
		u->flags |= UF_ROW;
		u->kind = U_PARA;
		return;
	}
	/* "76320", "+650", "-2.3%": a table's cell read a line each (a title
	 * has words; not "3", "2026": a section's number, a folio, a year over
	 * its title), a line of a table the profile found, or pandoc's ": 表题"
	 * under its table: lines of their own */
	if ((len <= 40 && figures_only(s, len) && !(len <= 4 && bare_number(s, len))) ||
	    in_cell_table(&ps->pf, u->line) || (len > 2 && s[0] == ':' && s[1] == ' ')) {
		u->flags |= UF_ROW;
		u->kind = U_PARA;
		return;
	}
	/* a long line with a comma is a sentence, cut short, not a title
	 * (unless it opens with a dash: a subtitle) */
	bool sentence_like = (u->flags & UF_COMMA) && u->chars * (u->spaced ? 2u : 1u) > COMMA_TITLE_MAX_CHARS &&
			     !(u->flags & UF_DASH_START);
	/* (and a clause with a comma that stops on a joining word, "市长在致辞
	 * 中指出，项目是": a sentence the next line goes on with) */
	sentence_like |= (u->flags & UF_COMMA) && stops_mid_phrase(s, len);
	/* (and one opening with the day and a comma, "11月25日，某部机务人":
	 * what happened that day, a caption's or a lead's first line) */
	sentence_like |= (u->flags & UF_COMMA) && dated_clause(u);
	if (u->chars <= TITLE_MAX_CHARS && !(u->flags & (UF_TERMINATED | UF_CLAUSE_END | UF_SENTENCE)) &&
	    !sentence_like && !only_punctuation(s, len) &&
	    !is_opening(last_cp(s, s + len, NULL)) && !(u->flags & UF_ROW) && !unbalanced_close(s, len) &&
	    !enumeration(s, len) && !has_prefix(s, len, "：")) {
		/* (a label in its lenticular brackets, "【洄瀾短訊】", set in
		 * as a centred line is: a label still) */
		bool bracket_label = u->chars <= 12 && has_prefix(s, len, "【") && len > 6 &&
				     memcmp(s + len - 3, "】", 3) == 0 && !memmem(s + 3, len - 6, "】", 3);
		if (ps->pf.indents && !ps->pf.indent_all && (u->flags & UF_INDENTED) && !(u->flags & UF_DASH_START) &&
		    !title_over_byline(ps, u) && !bracket_label) {
			/* on a page whose paragraphs open with an indent, an
			 * indented short line is a paragraph of its own (开奖日期：…
			 * under a headline), never a title, nor a paragraph cut
			 * (but OCR's letter-spaced lines end anywhere, on a page
			 * read without its letter spaces too) */
			/* (one with commas, a clause left open, is a narrow
			 * column's first line of a paragraph: cut, it runs on) */
			/* (nor is one as wide as the page's lines of text, its
			 * indent counted: a paragraph's first line, cut by the
			 * line's end as the others are) */
			bool full_first = ps->pf.body_cols && u->chars * 2u + PARA_INDENT_COLS + 2u >= ps->pf.body_cols &&
					  is_han(last_cp(s, s + len, NULL));
			if (!u->spaced && !ps->pf.letter_spaced && !((u->flags & UF_COMMA) && u->chars >= INDENTED_CLAUSE_MIN) &&
			    !full_first)
				u->flags |= UF_ROW;
			u->kind = U_PARA;
			u->indent_para = u->chars <= 12 && (pre ? pre->names : pattern_is_byline(s, len, true)) ? 2 : 1;
			return;
		}
		if (u->chars <= 40 && field_pairs(s, len)) {
			u->flags |= UF_ROW;
			u->kind = U_PARA;
			return;
		}
		if (u->flags & UF_WRAP_CUT) {
			u->kind = U_PARA;
			return;
		}
		u->kind = U_TITLE;
		if (u->chars <= 4 && spaced_opinion_label(s, len))
			return;     /* "社 论", "快 评": a column's label, no name */
		/* (longer with the writer's age and post in brackets after the
		 * name: "郑美玲（62岁，退休教师）") */
		if ((u->chars <= 12 || (u->chars <= 24 && len > 3 && memcmp(s + len - 3, "）", 3) == 0)) &&
		    (pre ? pre->names : pattern_is_byline(s, len, true)))
			u->kind = U_NAMES;
		else if (u->chars <= UNIT_NAME_MAX && pattern_is_unit_name(s, len))
			u->kind = U_NAMES;      /* "锻工车间　刘海生" under a poem's title */
		return;
	}
	u->kind = U_PARA;
}

/* "漫画　拍照打卡　周　锐　作", "漫画：“层层加码”　李　响/作": a cartoon's
 * caption, its title and its artist, who drew it (作, 绘). */
enum { CARTOON_LINE_MAX = 40 };
static bool cartoon_line(const char *s, size_t len)
{
	if (len < 12 || len > 3 * CARTOON_LINE_MAX || !(has_prefix(s, len, "漫画") || has_prefix(s, len, "漫畫")) ||
	    memmem(s, len, "。", 3) || memmem(s, len, "，", 3))
		return false;
	const char *end = text_trim_end(s, s + len);
	static const char *const drew[] = { "作", "绘", "繪" };
	if (!ends_with_any(s, (size_t)(end - s), drew, sizeof drew / sizeof *drew))
		return false;
	/* (the artist's name before it, set apart by a space or a slash) */
	const char *before = end - 3;
	uint32_t z = last_cp(s, before, NULL);
	return text_is_space(z) || z == '/' || z == 0xFF0F || text_is_han(z);
}

/* "社 论", "快 评", "来　论": an opinion page's label letter-spaced, two
 * characters a space apart, which a name of two ("王 芳") is set as too:
 * the words of a kind of comment are no one's name. */
static bool spaced_opinion_label(const char *s, size_t len)
{
	static const char *const labels[] = { "社论", "社論", "来论", "來論", "快评", "快評", "短评", "短評", "时评",
					      "時評", "评论", "評論", "述评", "述評", "热评", "熱評", "锐评", "銳評",
					      "速评", "速評", "微评", "微評", "新论", "新論", "编后", "編後", "杂谈",
					      "雜談", "漫谈", "漫談", "随笔", "隨筆" };
	char word[12];
	size_t n = 0, han = 0;
	bool spaced = false;
	for (const char *p = s, *end = s + len; p < end;) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp)) {
			spaced |= han > 0;
		} else {
			if (!text_is_han(cp) || ++han > 2 || k != 3)
				return false;
			memcpy(word + n, p, 3);
			n += 3;
		}
		p += k;
	}
	if (han != 2 || !spaced)
		return false;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (memcmp(word, labels[k], 6) == 0)
			return true;
	return false;
}

/* Whether [s, dot) before a full stop is an item's number alone (1, 12,
 * １２). */
static bool number_opening(const char *s, const char *dot)
{
	const char *p = s, *end = text_prev(s, dot);
	if (p >= end)
		return false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)))
			return false;
	}
	return true;
}

/* A title-like line with a comma inside, that the next paragraph seems to
 * continue: the start of a paragraph cut short, not a subhead. */
static bool first_sentence_short(const unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	uint32_t prev = 0;
	for (int chars = 0; p < end && chars <= 5; chars++) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == '.' && p < end && *p >= '0' && *p <= '9')
			continue;       /* "6.8公里": a decimal point */
		if ((cp == '.' || cp == 0xFF0E) && chars >= 1 && chars <= 2 && number_opening(u->s, p))
			continue;       /* "1．身穿绿衣裳…": an item's number */
		if ((cp == '.' || cp == 0xFF0E) && ((prev >= 'A' && prev <= 'Z') || (prev >= 0xFF21 && prev <= 0xFF3A)))
			continue;       /* "［美］J．汉森": a name's initial */
		prev = cp;
		if (is_sentence_end(cp))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Articles */

static void floating_meet_next(parser *ps);
static void close_last_article(parser *ps);

/* A new article: the one before it is complete; captions waiting between
 * articles now have their next. */
static art *new_art(parser *ps)
{
	close_last_article(ps);
	art a;
	memset(&a, 0, sizeof a);
	size_t n = ps->narts - ps->arts_base + ps->arts_off;
	UTIL_PUSH(ps->arts, n, ps->arts_cap, a);
	ps->narts++;
	floating_meet_next(ps);
	return ART(ps, ps->narts - 1);
}

static art *cur_art(parser *ps)
{
	return ps->narts > ps->arts_base ? ART(ps, ps->narts - 1) : NULL;
}

static int series_number(const char *s, size_t len);

/* A subhead's place value (0: none) read into a series of subheads. */
static void series_next(int *series, bool *broken, int value)
{
	if (!*broken && value == *series + 1)
		*series = value;
	else
		*broken = true;
}

static void add_part(art *a, doc_block_type type, const char *s, size_t len)
{
	if (type == DOC_SUBHEAD) {
		series_next(&a->series, &a->series_broken, series_number(s, len));
		uint32_t m = title_mark(s, len);
		a->sub_mark = !a->sub_seen || m == a->sub_mark ? m : 0;
		a->sub_seen = true;
	}
	part p = { s, (uint32_t)len, (uint8_t)type, 0 };
	UTIL_PUSH(a->parts, a->nparts, a->cap, p);
}

static part *last_part(art *a)
{
	return a->nparts ? &a->parts[a->nparts - 1] : NULL;
}

static bool art_has_body(const art *a)
{
	for (size_t i = 0; i < a->nparts; i++)
		if (a->parts[i].type == DOC_PARAGRAPH)
			return true;
	return false;
}

/* Concatenation of two texts in the arena; a space only between two
 * Latin letters or digits (Chinese text is joined directly). */
static doc_str join_text(parser *ps, const char *a, size_t alen, const char *b, size_t blen)
{
	/* (Latin words the cut parted at their space; never a number the
	 * cut split, "…7时30分，20" / "26珠城马拉松…") */
	uint32_t z = alen ? last_cp(a, a + alen, NULL) : 0, c0 = blen ? first_cp(b, b + blen) : 0;
	bool space = alen && blen && is_ascii_alnum(z) && is_ascii_alnum(c0) &&
		     !(z >= '0' && z <= '9' && c0 >= '0' && c0 <= '9');
	char *d = doc_arena_alloc(ps->issue, alen + blen + space);
	memcpy(d, a, alen);
	if (space)
		d[alen] = ' ';
	memcpy(d + alen + space, b, blen);
	return doc_str_make(d, alen + blen + space);
}

static void flush_held(parser *ps, art *a)
{
	for (size_t i = 0; i < ps->nheld; i++)
		add_part(a, ps->held[i].type, ps->held[i].s, ps->held[i].len);
	ps->nheld = 0;
}

static doc_str strip_emphasis(parser *ps, const char *s, size_t len);

static void add_banner(parser *ps, const char *s, size_t len)
{
	doc_str d = strip_emphasis(ps, s, len);     /* "**滨江日报** / …" */
	for (size_t i = 0; i < ps->nbanners; i++)
		if (doc_str_eq(ps->banners[i], d))
			return;     /* a running banner is kept once */
	UTIL_PUSH(ps->banners, ps->nbanners, ps->banners_cap, d);
}

/* Unit i goes to the page's banners for one reason: say so, then keep it. */
static void banner_for(parser *ps, size_t i, signal why)
{
	const unit *u = UNIT(ps, i);
	explain_facts(ps, i, "header", why, NSIGNALS);
	add_banner(ps, u->s, u->len);
}

/* "**lead-in。**正文": the bold lead-in becomes a subhead. Returns the
 * length consumed from the start of the text (0 when no lead-in). */
static size_t bold_lead_in(const char *s, size_t len, size_t *lead_start, size_t *lead_end)
{
	if (!has_prefix(s, len, "**") || len < 5)
		return 0;
	const char *close = memmem(s + 2, len - 2, "**", 2);
	if (!close || close == s + 2)
		return 0;
	/* "**3月11日**，记者…", "**下一步**，…": emphasis inside the
	 * sentence; "**交通指南：**乘坐…": a label run into its text */
	uint32_t after = first_cp(close + 2, s + len), last = last_cp(s + 2, close, NULL);
	if (is_clause_end(after) || is_sentence_end(after) || last == 0xFF1A || last == ':')
		return 0;
	/* "**市图书馆**暑期开放…": the subject of the sentence run on, not
	 * a lead-in (which ends its sentence, or stands apart) */
	if (!is_sentence_end(last) && !text_is_space(after) && !is_closing(last))
		return 0;
	*lead_start = 2;
	*lead_end = (size_t)(close - s);
	return (size_t)(close - s) + 2;
}

/* Removes markdown emphasis marks (** and __) inside a paragraph. */
static bool has_double_star(const char *s, size_t len)
{
	const char *end = s + len, *p = s;
	while ((p = memchr(p, '*', (size_t)(end - p))) && p + 1 < end) {
		if (p[1] == '*')
			return true;
		p += 2;
	}
	return false;
}

static doc_str strip_emphasis(parser *ps, const char *s, size_t len)
{
	if (!has_double_star(s, len))
		return doc_str_make(s, len);
	char *d = doc_arena_alloc(ps->issue, len);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		size_t run = 0;
		while (i + run < len && s[i + run] == '*')
			run++;
		if (run == 2 || run == 3) {
			i += run - 1;
			continue;
		}
		/* four stars or more mask figures ("138****6210"): text */
		for (size_t k = 0; k < (run ? run : 1); k++)
			d[n++] = s[i + k];
		if (run)
			i += run - 1;
	}
	return doc_str_make(d, n);
}

/* The last paragraph is the head of an earlier one, extracted again: its
 * continuation is already there, so nothing after it continues it. */
static bool repeats_earlier_head(const art *a)
{
	const part *last = &a->parts[a->nparts - 1];
	if (furniture_bare_label(last->s, last->len))
		return false;   /* "问：" again: a label over its text, no head cut off */
	for (size_t k = 0; k + 1 < a->nparts; k++) {
		const part *p = &a->parts[k];
		if (p->type == DOC_PARAGRAPH && p->len > last->len && memcmp(p->s, last->s, last->len) == 0)
			return true;
	}
	return false;
}

/* Adds a paragraph unit to the article, joining it to a cut paragraph. */
/* "1．红豆…", "2.转小火…", "①洗菜…": a paragraph opening with an item's
 * number starts an item of a list, never the rest of a cut paragraph
 * ("1.5%" is a figure). */
static bool item_opening(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	uint32_t cp;
	int digits = 0;
	if (p < end && (text_decode(p, end, &cp), cp >= 0x2460 && cp <= 0x2473))
		return true;
	while (p < end && digits <= 2) {
		p += text_decode(p, end, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) {
			digits++;
			continue;
		}
		if (!digits || !(cp == '.' || cp == 0xFF0E || cp == 0x3001 || cp == 0xFF64))
			return false;
		return p < end && is_han(first_cp(p, end));
	}
	return false;
}

/* "县气象台供稿": who supplied the story, not who wrote it */
/* "（欧华）" closing a story on a page headed 欧华时报: the paper's own
 * short name (the start of a paper's name its banners print), no writer */
static bool paper_own_name(const parser *ps, const char *s, size_t n)
{
	if (n < 6 || n > 12)
		return false;
	for (const char *p = s; p < s + n; p += 3)
		if ((unsigned char)*p < 0xE3 || !is_han(first_cp(p, s + n)))
			return false;
	for (size_t i = 0; i < ps->nbanners; i++) {
		const char *b = ps->banners[i].s, *bend = b + ps->banners[i].len;
		for (const char *q = b; (q = util_find(q, (size_t)(bend - q), s, n)) != NULL; q += n) {
			const char *t = q + n;
			uint32_t cp;
			for (int k = 1; k <= 3 && t < bend && (t += text_decode(t, bend, &cp), is_han(cp)); k++)
				if (pattern_is_paper_name(q, t, (int)(n / 3) + k))
					return true;
		}
	}
	return false;
}

static bool supplier_only(const char *s, size_t n)
{
	/* "（本报综合）": gathered from other sources, no writer */
	if (n >= 6 && n <= 12 && (memcmp(s + n - 6, "综合", 6) == 0 || memcmp(s + n - 6, "綜合", 6) == 0))
		return true;
	return n > 6 && (memcmp(s + n - 6, "供稿", 6) == 0 || memcmp(s + n - 6, "供图", 6) == 0 ||
			 memcmp(s + n - 6, "供圖", 6) == 0);
}

/* "…获特等奖。（化工学院）": a unit alone in the brackets closing a
 * story is too weak a signature alone (a source is printed so: one such
 * line on a page is as often its text); on a page whose other stories
 * close with their signer in such brackets, it signs as they do. */
static bool page_signed_unit(const parser *ps, const art *a, const part *last, size_t *paren, size_t *ns, size_t *ne)
{
	if (!ps->pf.bracket_signed || a->field[DOC_F_BYLINE].len ||
	    !pattern_match_trailing_unit(last->s, last->len, paren, ns, ne))
		return false;
	if (explain_out)
		fprintf(explain_out, "%5s  %-10s %.*s  · %s\n", "", "byline", (int)(*ne - *ns), last->s + *ns,
			signals[S_F_PAGE_SIGNED].what);
	return true;
}

/* A sentence ends right before at (。！？｡, a closing quote after one), or
 * at is the text's start. */
static bool stop_before(const char *s, const char *at)
{
	if (at == s)
		return true;
	const char *prev = at;
	uint32_t c = last_cp(s, at, &prev);
	if ((c == 0x201D || c == 0x300D || c == 0x300F) && prev > s)
		c = last_cp(s, prev, NULL);
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;
}

/* "…提出，用…鼓风机。他的建议得到了…四十多把。他的建议得到了…四十多把。
 * 全厂…": on a page whose paragraphs run together (no indent, no blank
 * line), a paragraph extracted twice follows itself inside one run of
 * text. A run of whole sentences (TAIL_REPEAT_MIN to TAIL_REPEAT_MAX
 * bytes) printed twice in a row is kept once, as a repeated paragraph
 * is. Returns where the copy starts (its length is *run), or NULL. */
enum { TAIL_REPEAT_MIN = 60, TAIL_REPEAT_MAX = 1200, INNER_REPEAT_TEXT_MAX = 16384 };
static const char *inner_repeat(const char *s, size_t len, size_t *run)
{
	/* the sentences' starts, in order (the text's end last): a pair of
	 * them a run apart, the run's copy ending on a third */
	enum { STARTS_MAX = 1024 };
	uint32_t at[STARTS_MAX];
	size_t n = 0;
	const char *end = s + len;
	for (const char *p = s; p <= end && n < STARTS_MAX;) {
		if (p == end || stop_before(s, p))
			at[n++] = (uint32_t)(p - s);
		if (p == end)
			break;
		uint32_t cp;
		p += text_decode(p, end, &cp);
	}
	for (size_t jb = 1; jb + 1 < n; jb++) {
		uint32_t first = at[jb + 1] - at[jb];  /* the copy's first sentence */
		for (size_t ia = jb; ia-- > 0;) {
			size_t r = at[jb] - at[ia];
			if (r > TAIL_REPEAT_MAX)
				break;
			/* (the run opens with the same sentence: its length and
			 * first byte first, most pairs differ there) */
			if (r < TAIL_REPEAT_MIN || at[jb] + r > len || at[ia + 1] - at[ia] != first ||
			    s[at[ia]] != s[at[jb]])
				continue;
			/* (the copy ends where a sentence does) */
			size_t lo = jb + 1, hi = n;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (at[mid] < at[jb] + r)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < n && at[lo] == at[jb] + r && memcmp(s + at[ia], s + at[jb], r) == 0) {
				*run = r;
				return s + at[jb];
			}
		}
	}
	return NULL;
}

static void drop_inner_repeats(parser *ps, art *a)
{
	/* (only where paragraphs run together: elsewhere a paragraph printed
	 * twice is a part of its own, which dedup_article drops) */
	if (!(ps->pf.wrap || ps->lines_ran_on) || ps->pf.indents || ps->pf.blank_rhythm)
		return;
	for (size_t k = 0; k < a->nparts; k++) {
		part *p = &a->parts[k];
		if (p->type != DOC_PARAGRAPH || p->len < 2 * TAIL_REPEAT_MIN || p->len > INNER_REPEAT_TEXT_MAX)
			continue;
		size_t run;
		const char *b = inner_repeat(p->s, p->len, &run);
		if (!b)
			continue;
		size_t head = (size_t)(b - p->s), tail = p->len - head - run;
		doc_str d = join_text(ps, p->s, head, b + run, tail);
		p->s = d.s;
		p->len = (uint32_t)d.len;
	}
}

/* Whether a paragraph stops on a comma ("，", "、"): a clause's mark,
 * that no paragraph ends with (OCR's "," may be a misread full stop). */
static bool ends_on_comma(const part *p)
{
	uint32_t z = last_cp(p->s, p->s + p->len, NULL);
	return z == 0xFF0C || z == 0x3001;
}

static bool last_of_marked_items(const art *a, const part *last);
static void add_paragraph(parser *ps, art *a, const unit *u)
{
	const char *s = u->s;
	size_t len = u->len;
	size_t ls, le;
	size_t consumed = bold_lead_in(s, len, &ls, &le);
	part *last = last_part(a);
	/* on a page whose paragraphs open with an indent, an indented line
	 * starts a paragraph: the rest of a cut one is never indented, unless
	 * the extraction indented it anew across the gap of a column break,
	 * under a paragraph stopped on a comma ("…回乡寻根，" / "　" /
	 * "　　让他们了解…") */
	if (a->cut && last && last->type == DOC_PARAGRAPH && !consumed && !item_opening(s, len) &&
	    !(u->flags & UF_ROW) &&
	    (!(ps->pf.indents && !ps->pf.indent_all && (u->flags & UF_INDENTED)) || (u->gap > 0 && ends_on_comma(last)))) {
		doc_str j = join_text(ps, last->s, last->len, s, len);
		last->s = j.s;
		last->len = j.len;
	} else {
		flush_held(ps, a);
		if (consumed) {
			add_part(a, DOC_SUBHEAD, s + ls, le - ls);
			s += consumed;
			len -= consumed;
			const char *t = text_skip_space(s, s + len);
			len -= (size_t)(t - s);
			s = t;
		}
		if (len) {
			doc_str d = strip_emphasis(ps, s, len);
			add_part(a, DOC_PARAGRAPH, d.s, d.len);
		}
	}
	last = last_part(a);
	size_t paren, ns, ne;
	if (last && last->type == DOC_PARAGRAPH &&
	    (pattern_match_trailing_byline(last->s, last->len, &paren, &ns, &ne) || page_signed_unit(ps, a, last, &paren, &ns, &ne))) {
		/* "…说。(张三)" closes the article; but a brief's signature
		 * under a label over marked items is its item's own text
		 * ("●…服务项目。（宣　文）" the last of them) */
		if (!a->field[DOC_F_BYLINE].len && !last_of_marked_items(a, last)) {
			a->field[DOC_F_BYLINE] = doc_str_make(last->s + ns, ne - ns);
			a->signed_len = a->nparts == 1 ? last->len : 0;
			if (supplier_only(last->s + ns, ne - ns) || paper_own_name(ps, last->s + ns, ne - ns))
				a->supplied = last->s + ns;
			else
				last->len = (uint32_t)(text_trim_end(last->s, last->s + paren) - last->s);
		}
		a->ended = true;
		a->cut = false;
	} else {
		a->cut = last && last->type == DOC_PARAGRAPH && !(u->flags & (UF_TERMINATED | UF_ROW)) &&
			 !round_bracketed(u) && !wholly_bracketed(u) && !repeats_earlier_head(a);    /* (〔…〕: a note, whole) */
		if (u->flags & UF_DONE)
			a->ended = true;        /* "…。（完）" */
	}
	if (!a->cut)
		flush_held(ps, a);
}

/* Whether the paragraph last opens with an item's mark (●, ■, ◆…) that
 * an earlier paragraph of a opens with too: the last of a box's items. */
static bool last_of_marked_items(const art *a, const part *last)
{
	uint32_t mark = title_mark(last->s, last->len);
	if (!mark)
		return false;
	for (size_t k = 0; k + 1 < a->nparts; k++)
		if (a->parts[k].type == DOC_PARAGRAPH && title_mark(a->parts[k].s, a->parts[k].len) == mark)
			return true;
	return false;
}

/* Copies the characters of s..len that are not spaces into out (cap
 * bytes, room for one more character kept); *n is how many bytes.
 * False when they do not all fit (out then holds those that did). */
static bool unspaced(const char *s, size_t len, char *out, size_t cap, size_t *n)
{
	*n = 0;
	for (const char *p = s, *end = s + len; p < end;) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (!text_is_space(cp)) {
			if (*n + 4 >= cap)
				return false;
			memcpy(out + *n, p, (size_t)k);
			*n += (size_t)k;
		}
		p += k;
	}
	return true;
}

/* Whether s holds the text of `name`, spaces left out of both (付　悦 in
 * "□ 通讯员　付　悦"). */
static bool holds_name(const char *s, size_t len, doc_str name)
{
	char hay[256], pin[96];
	size_t hn, pn;
	unspaced(s, len, hay, sizeof hay, &hn);         /* a long line: its start */
	if (!unspaced(name.s, name.len, pin, sizeof pin, &pn))
		return false;
	return pn && pn < hn && memmem(hay, hn, pin, pn) != NULL;
}

/* The end of the run of non-space characters at p. */
static const char *space_token_end(const char *p, const char *end)
{
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp))
			break;
		p += k;
	}
	return p;
}

/* Whether the line names `name` set apart by spaces, as a signature
 * does ("五（3）班　丁一诺　指导老师：X"; a spaced name, 付　悦, is its
 * characters one by one): not a name run into a title (丁一诺谈漫画). */
static bool names_apart(const char *s, size_t len, doc_str name)
{
	char pin[96];
	size_t pn;
	if (!unspaced(name.s, name.len, pin, sizeof pin, &pn))
		return false;
	const char *end = s + len;
	for (const char *t = text_skip_space(s, end); pn && t < end; t = text_skip_space(space_token_end(t, end), end)) {
		/* the name from this token on, over up to four tokens */
		size_t got = 0;
		const char *q = t;
		for (int n = 0; n < 4 && q < end && got < pn; n++) {
			const char *qe = space_token_end(q, end);
			size_t k = (size_t)(qe - q);
			if (got + k > pn || memcmp(pin + got, q, k) != 0)
				break;
			got += k;
			q = text_skip_space(qe, end);
		}
		if (got == pn)
			return true;
	}
	return false;
}

/* A story whose byline is the bare author of the page's metadata line
 * ("作者：付悦") may print its own at its top, fuller (□ 通讯员　付　悦,
 * 本报讯（记者　吴冰清）, 五（3）班　丁一诺　指导老师：薛蕾): the page's
 * field names the author, the story's line signs it as the paper does. */
static bool printed_byline(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!a || !a->furn_byline || art_has_body(a) || a->nparts ||
	    (u->kind != U_BYLINE && u->kind != U_NAMES && u->kind != U_TITLE) ||
	    u->chars > 40 || (u->flags & (UF_TERMINATED | UF_SENTENCE)))
		return false;
	return holds_name(u->s, u->len, a->field[DOC_F_BYLINE]) && names_apart(u->s, u->len, a->field[DOC_F_BYLINE]);
}

/* "聚焦产业链延链补链" / "——年产高性能…" over the first paragraph of a
 * feed item whose Title: field (a unit named the headline, with the
 * Author: field's at most under it) opened the story: the kicker and
 * the —— subtitle the paper printed around that headline, which the
 * feed keeps in the item's text. True when the lines at *i were taken
 * so (*i then past them). */
enum { FEED_DECK_MAX = 3 };
static bool feed_item_deck(parser *ps, size_t *i, art *a)
{
	if (!a || a->nparts || art_has_body(a) || a->field[DOC_F_KICKER].len || a->field[DOC_F_SUBTITLE].len)
		return false;
	size_t j = *i;
	while (j > ps->units_base && UNIT(ps, j - 1)->furn_author)
		j--;
	if (j == ps->units_base || UNIT(ps, j - 1)->named != NAMED_HEAD ||
	    !doc_str_eq(a->field[DOC_F_HEADLINE], doc_str_make(UNIT(ps, j - 1)->s, UNIT(ps, j - 1)->len)))
		return false;
	size_t n = 0;
	while (*i + n < ps->nunits && n < FEED_DECK_MAX && UNIT(ps, *i + n)->kind == U_TITLE &&
	       !(UNIT(ps, *i + n)->flags & (UF_TERMINATED | UF_SENTENCE)))
		n++;
	if (!n || *i + n >= ps->nunits || (UNIT(ps, *i + n)->kind != U_PARA && UNIT(ps, *i + n)->kind != U_DATELINE))
		return false;
	for (size_t k = *i; k < *i + n; k++) {
		const unit *u = UNIT(ps, k);
		bool sub = has_prefix(u->s, u->len, "——") || a->field[DOC_F_SUBTITLE].len || k + 1 == *i + n;
		doc_field f = sub ? DOC_F_SUBTITLE : DOC_F_KICKER;
		a->field[f] = join_lines(ps, a->field[f], u->s, u->len, " ");
		explain_facts(ps, k, sub ? "subtitle" : "kicker", S_F_FEED_DECK, NSIGNALS);
	}
	*i += n;
	return true;
}

/* "记者何东阳、…", "本報記者…": a line opening with a reporter's role. */
static bool opens_with_reporter(const char *s, size_t len)
{
	static const char *const roles[] = { "记者", "記者", "本报记者", "本報記者", "特约记者", "特約記者", "通讯员",
					      "通訊員", "本报通讯员", "本報通訊員" };
	for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
		if (has_prefix(s, len, roles[k]))
			return true;
	return false;
}

/* "（本报讯）", "（万隆讯）" alone on its line right under a headline,
 * the text tight under it: the story's dateline, set before its text
 * (the same line after a story's text closes it). */
static bool dateline_over_lead(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!a->field[DOC_F_HEADLINE].len || a->field[DOC_F_DATELINE].len || art_has_body(a) || i + 1 >= ps->nunits ||
	    UNIT(ps, i + 1)->kind != U_PARA || UNIT(ps, i + 1)->gap != 0)
		return false;
	pattern_dateline m;
	return pattern_match_dateline(u->s, u->len, &m) && m.date_end > m.date_start && m.body_start >= u->len;
}

/* A dateline alone on its line ("本报讯") over a paragraph that opens with
 * its reporters and their 报道: ("记者X、特约通讯员Y报道：…"), set tight:
 * the lead's dateline and byline across the line. */
static bool reporters_under_dateline(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (i + 1 >= ps->nunits || u->len > 90)
		return false;
	const unit *n = UNIT(ps, i + 1);
	if ((n->kind != U_PARA && n->kind != U_DATELINE) || n->gap != 0 || !opens_with_reporter(n->s, n->len))
		return false;
	pattern_dateline m;
	if (!pattern_match_dateline(u->s, u->len, &m) || m.body_start < u->len || m.byline_end > m.byline_start)
		return false;
	char buf[300];
	size_t head = u->len + 3, k = head + (n->len < sizeof buf - head ? n->len : sizeof buf - head);
	memcpy(buf, u->s, u->len);
	memcpy(buf + u->len, "\xE3\x80\x80", 3);
	memcpy(buf + head, n->s, k - head);
	return pattern_match_dateline(buf, k, &m) && m.byline_start >= u->len && m.byline_end > m.byline_start;
}

/* The first paragraph of an article may open with its dateline:
 * "本报讯(记者 X) 正文". */
static void lift_dateline(parser *ps, art *a, const unit *u)
{
	(void)ps;
	pattern_dateline m;
	if (!pattern_match_dateline(u->s, u->len, &m) && !pattern_match_report_lead(u->s, u->len, &m))
		return;
	if (m.date_end > m.date_start)
		a->field[DOC_F_DATELINE] = doc_str_make(u->s + m.date_start, m.date_end - m.date_start);
	if (m.byline_end > m.byline_start &&
	    (!a->field[DOC_F_BYLINE].len ||
	     (a->furn_byline && holds_name(u->s + m.byline_start, m.byline_end - m.byline_start, a->field[DOC_F_BYLINE])))) {
		a->field[DOC_F_BYLINE] = doc_str_make(u->s + m.byline_start, m.byline_end - m.byline_start);
		a->furn_byline = false;
	} else if (m.byline_end > m.byline_start)
		m.body_start = m.date_end;      /* keep a second byline in the text */
	unit body = *u;
	body.s = u->s + m.body_start;
	body.len = u->len - (uint32_t)m.body_start;
	if (body.len)
		add_paragraph(ps, a, &body);
}

/* ------------------------------------------------------------------ */
/* Headers */

static bool is_title_kind(uint8_t k)
{
	return k == U_TITLE || k == U_MDHEAD || k == U_NAMES;
}

/* A title line that is really the start of a cut paragraph: it has a
 * comma and is followed by a paragraph, or the paragraph after it starts
 * with a sentence fragment of a few characters. */
static bool title_goes_on(const parser *ps, size_t i);
static bool wholly_bracketed(const unit *u);

/* "〔記者陳冠宇／嘉義報導〕" alone under a headline: the byline is what
 * the brackets hold. */
static doc_str byline_unbracketed(const unit *u)
{
	if (!wholly_bracketed(u) || u->len < 8)
		return doc_str_make(u->s, u->len);
	size_t open = u->s[0] == '(' || u->s[0] == '[' ? 1 : 3;
	size_t close = u->s[u->len - 1] == ')' || u->s[u->len - 1] == ']' ? 1 : 3;
	const char *b = text_skip_space(u->s + open, u->s + u->len - close);
	const char *e = text_trim_end(b, u->s + u->len - close);
	return e > b ? doc_str_make(b, (size_t)(e - b)) : doc_str_make(u->s, u->len);
}

static bool two_phrases(const unit *u);

/* A numbered section's head with a comma is at most this long. */
enum { NUMBERED_COMMA_HEAD_MAX = 16 };

static bool numbered_head(const unit *u);

static bool title_is_paragraph_start(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_TITLE || i + 1 >= ps->nunits)
		return false;
	const unit *next = UNIT(ps, i + 1);
	if (next->kind != U_PARA && next->kind != U_DATELINE)
		return false;
	if (next->kind == U_DATELINE)
		return false;
	/* "虚报冒领，三年套取补助金41万元" set flush over "　　调查发现，…" on a
	 * page that indents the first line of its paragraphs (not its
	 * titles): the paragraph under it starts there, so the line is no
	 * paragraph's first line, whatever its comma */
	if (ps->pf.indents && !ps->pf.indent_all && !(u->flags & UF_INDENTED) && (next->flags & UF_INDENTED) &&
	    !first_sentence_short(next) &&
	    !(i > ps->units_base && UNIT(ps, i - 1)->kind == U_PARA && !(UNIT(ps, i - 1)->flags & UF_TERMINATED)))
		return false;   /* (under an unfinished paragraph it may be that paragraph's rest) */
	/* "一、以水定林，科学配置" over its text: a numbered section's head
	 * of two phrases, no clause of a paragraph (a numbered paragraph
	 * runs on to its stop on the same line: "一、起针。按…") */
	if ((u->flags & UF_COMMA) && u->chars <= NUMBERED_COMMA_HEAD_MAX && numbered_head(u) && !first_sentence_short(next) &&
	    !title_goes_on(ps, i))
		return false;
	/* "天冷了，血压为啥总是偏高？" over "读者彭先生（62岁）问：…": the
	 * question heads the item its asker's paragraph opens, commas and
	 * all */
	if (asked_question(u, next))
		return false;
	return (u->flags & UF_COMMA) || first_sentence_short(next) || title_goes_on(ps, i);
}

/* A title-like line that is surely a paragraph's line: the next line
 * opens with a comma, or it is a hard-wrapped line as wide as the cut
 * line before it. */
static bool title_goes_on(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_TITLE || i + 1 >= ps->nunits)
		return false;
	const unit *next = UNIT(ps, i + 1);
	if (next->kind != U_PARA)
		return false;
	/* the next line opens with a comma: this line's sentence goes on */
	uint32_t c0 = first_cp(next->s, next->s + next->len);
	if (c0 == ',' || c0 == 0xFF0C || c0 == 0x3001 || c0 == 0xFF64)
		return true;
	/* a hard-wrapped line as wide as the cut line right before it: the
	 * paragraph goes on (a banner dropped into a cut stands apart by a
	 * gap or its width; a running header is no title line) */
	const unit *prev = i > ps->units_base ? UNIT(ps, i - 1) : NULL;
	/* (a row, "联系:X 137…", is a line of its own: it runs into nothing) */
	/* (a dateline's paragraph as well: "本报讯　寒假期间，市图" / "书馆…") */
	if (!prev || (prev->kind != U_PARA && prev->kind != U_DATELINE) || u->gap ||
	    (prev->flags & (UF_TERMINATED | UF_CLAUSE_END | UF_ROW)) ||
	    prev->len > u->len + 12 || u->len > prev->len + 12)
		return false;
	unsigned a = line_columns(prev->s, prev->len), b = line_columns(u->s, u->len);
	/* (two phrases side by side are a slogan's banner, not a line of text) */
	return b + 2 >= a && b <= a + 2 && b >= 16 && !two_phrases(u);
}

/* "本报讯　寒假期间，市图" / "书馆少儿阅览区开放时间将延" / "长至每晚20
 * 时，并推出“亲子": on a hard-wrapped page, a title-like line set tight
 * under the open story's unfinished paragraph, as wide as that
 * paragraph's last line, is its rest (a page copied out of a PDF viewer
 * wraps each column at its own width, so the page's measure is no test). */
static bool wrapped_run_on(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!a || !a->cut || u->gap || i == ps->units_base || u->kind != U_TITLE)
		return false;
	const unit *prev = UNIT(ps, i - 1);
	if (prev->kind != U_PARA && prev->kind != U_DATELINE && prev->kind != U_TITLE)
		return false;
	/* (the paragraph's first line in its indent: "　　本报讯…"; of
	 * a paragraph joined from lines, its last) */
	unsigned w = prev->last_cols ? prev->last_cols
				     : line_columns(prev->s, prev->len) + ((prev->flags & UF_INDENTED) ? 4 : 0);
	unsigned b = line_columns(u->s, u->len);
	return b + 2 >= w && b <= w + 2 && b >= 16 && !two_phrases(u);
}

static bool label_like(const unit *u, bool deck_below);

/* A line that does not end a sentence, between a title line and a byline
 * or dateline: a long subtitle ("最终消费支出…贡献率达73.2%，比上年…"). */
static bool deck_subtitle(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_PARA || (u->flags & (UF_TERMINATED | UF_SENTENCE)) || u->chars > TITLE_MAX_CHARS ||
	    u->gap > 1 || i == ps->units_base || i + 1 >= ps->nunits)
		return false;
	const unit *prev = UNIT(ps, i - 1), *next = UNIT(ps, i + 1);
	if (!(prev->kind == U_TITLE || prev->kind == U_MDHEAD))
		return false;
	/* "三百多种胡姬花参展，二十多个新品种首次亮相，…": on a page that
	 * sets a blank line between its paragraphs, a line of detail with
	 * commas, ending no sentence, set tight under the title with the
	 * text a blank line below, is the deck's subtitle (of the development
	 * sets' lines so set under a title, 1 such subtitle; the other, a
	 * letter's salutation, ends in a colon) */
	if (ps->pf.blank_rhythm && u->gap == 0 && next->gap >= 1 && (u->flags & UF_COMMA) &&
	    !(u->flags & UF_CLAUSE_END))
		return true;
	return next->gap <= 1 && (next->kind == U_BYLINE || next->kind == U_DATELINE || next->kind == U_NAMES);
}

/* The length of the run of title lines starting at i (0 if none); a big
 * gap ends it, except after a column label. */
/* "（本栏内容仅供参考，不构成法律意见）": a clause or two in round
 * brackets, the note closing the text above; a title under it after a
 * blank line starts a deck of its own. */
static bool aside_note(const unit *u)
{
	if (!(u->flags & UF_COMMA))
		return false;
	const char *s = u->s, *e = u->s + u->len;
	uint32_t a = first_cp(s, e), z = last_cp(s, e, NULL);
	return (a == 0xFF08 || a == '(') && (z == 0xFF09 || z == ')');
}

enum { SPACED_LABEL_MAX = 12 };    /* the longest plain label (see label_like) */
static bool numbered_head(const unit *u);

/* "投诉直通车" over "网购冰箱到货有凹痕，商家同意换新", set tight: a title
 * with a comma under a label is the label's title, not the first line of
 * a paragraph. On a page that sets a blank line between its paragraphs,
 * one blank line is tight ("政策解读" / "预付卡新规，消费者关心的三个问题"). */
static bool comma_title_under_label(const parser *ps, size_t i)
{
	const unit *a = UNIT(ps, i), *b = UNIT(ps, i + 1);
	return a->kind == U_TITLE && b->kind == U_TITLE && b->gap <= (ps->pf.blank_rhythm ? 1 : 0) && (b->flags & UF_COMMA) &&
	       !(b->flags & UF_CLAUSE_END) && b->chars <= COMMA_TITLE_MAX_CHARS && b->chars > a->chars &&
	       a->chars <= SPACED_LABEL_MAX && !aside_note(b) && label_like(a, false) && !numbered_head(a);
}

/* "（文中当事人均为化名）", "（图片由州文化和旅游局提供）", "（苗一禾　答）":
 * a line wholly in round brackets notes something about the text above
 * it (names changed, a source, who answered); no kicker or column label
 * is printed in round brackets, so set apart from the title lines under
 * it by a blank line it opens no deck: they make their own run (tight
 * over them, it may be their deck's line in brackets: the deck decides). */
static bool round_bracketed(const unit *u)
{
	const char *s = u->s, *e = u->s + u->len;
	if (!u->len || (*s != '(' && (unsigned char)*s != 0xEF))     /* "（" is EF BC 88 */
		return false;
	uint32_t a = first_cp(s, e), z = last_cp(s, e, NULL);
	return (a == 0xFF08 || a == '(') && (z == 0xFF09 || z == ')');
}

/* A section head is at most this long to be matched by its siblings. */
enum { SECTION_HEAD_MAX = 6 };

/* "案例回放" set tight under a headline, over text, where the same story
 * goes on to "原因分析" and "警示提醒" between its paragraphs: a lone title
 * of the same length below, with text over and under it, before any
 * byline, dateline, end mark or big gap, says the line opens the first of
 * the story's sections, not the second half of its headline (section
 * heads of a story repeat one shape; a headline broken in two is one
 * phrase, printed once). */
static bool first_of_sections(const parser *ps, size_t k)
{
	const unit *u = UNIT(ps, k);
	if (u->kind != U_TITLE || u->gap != 0 || u->chars < 2 || u->chars > SECTION_HEAD_MAX ||
	    (u->flags & (UF_COMMA | UF_CLAUSE_END | UF_DASH_START | UF_TERMINATED | UF_SENTENCE)) || wholly_bracketed(u) ||
	    k + 1 >= ps->nunits || UNIT(ps, k + 1)->kind != U_PARA)
		return false;
	size_t limit = ps->nunits < k + LOOKAHEAD / 2 ? ps->nunits : k + LOOKAHEAD / 2;
	for (size_t m = k + 2; m + 1 < limit; m++) {
		const unit *v = UNIT(ps, m);
		if (v->gap >= ps->pf.big_gap || v->kind == U_BYLINE || v->kind == U_DATELINE || v->kind == U_NAMES ||
		    v->kind == U_END || v->kind == U_MDHEAD || v->kind == U_MDSUB)
			return false;
		if (v->kind != U_TITLE)
			continue;
		return v->chars == u->chars && !(v->flags & (UF_COMMA | UF_CLAUSE_END | UF_DASH_START)) &&
		       UNIT(ps, m - 1)->kind == U_PARA && UNIT(ps, m + 1)->kind == U_PARA;
	}
	return false;
}

/* "## 中文教学项目扩至200所公立学校" / "#### 阿联酋教育部表示，…" over
 * the byline: a lower markdown title with a comma set right under the
 * story's title, a signature under it, is that title's subtitle, not a
 * section (in the title's run, whatever stands over it). */
static bool md_sub_under_head(const parser *ps, size_t k, size_t n)
{
	if (n == 0 || k + 1 >= ps->nunits)
		return false;
	const unit *u = UNIT(ps, k), *above = UNIT(ps, k - 1), *under = UNIT(ps, k + 1);
	return u->kind == U_MDSUB && above->kind == U_MDHEAD && u->gap <= 1 && (u->flags & UF_COMMA) &&
	       (under->kind == U_BYLINE || under->kind == U_DATELINE || under->kind == U_NAMES);
}

static size_t title_run(const parser *ps, size_t i)
{
	size_t n = 0;
	while (i + n < ps->nunits && n < HEADER_MAX_LINES + 1 &&
	       (is_title_kind(UNIT(ps, i + n)->kind) || (n > 0 && deck_subtitle(ps, i + n)) || md_sub_under_head(ps, i + n, n))) {
		/* names under a title are its byline; a comma line may start a paragraph */
		/* a "——" line with a comma right under a title is its subtitle
		 * ("——专家：太阳出来后再出门，热身时间要加倍"), not a paragraph */
		if (n > 0 && (UNIT(ps, i + n)->kind == U_NAMES ||
			      (title_is_paragraph_start(ps, i + n) && !(UNIT(ps, i + n)->flags & UF_DASH_START) &&
			       !(n == 1 && comma_title_under_label(ps, i))) ||
			      (UNIT(ps, i + n)->gap >= ps->pf.big_gap &&
			       !(n == 1 && label_like(UNIT(ps, i), false))) ||
			      (UNIT(ps, i + n)->gap >= 1 && aside_note(UNIT(ps, i + n - 1))) ||
			      (n == 1 && UNIT(ps, i + n)->gap >= 1 && round_bracketed(UNIT(ps, i))) ||
			      (UNIT(ps, i + n - 1)->chars > UNIT(ps, i + n)->chars + 2 && first_of_sections(ps, i + n))))
			break;
		n++;
	}
	return n;
}

/* " ——副题" written on the headline's line. */
static const char *inline_subtitle(const char *s, size_t len)
{
	const char *end = s + len;
	for (const char *p = s + 1; p + 6 <= end; p++) {
		p = util_find(p, (size_t)(end - p), "——", 6);      /* memmem: set-up dear on a line */
		if (!p)
			return NULL;
		uint32_t before = last_cp(s, p, NULL);
		if (text_is_space(before))
			return p;
	}
	return NULL;
}

/* Does the title run at i start an article? */
static bool run_starts_article(const parser *ps, size_t i, size_t n, bool boundary)
{
	if (n == 0 || n > HEADER_MAX_LINES)
		return false;
	size_t j = i + n;
	if (j < ps->nunits) {
		const unit *next = UNIT(ps, j);
		if (next->kind == U_BYLINE || next->kind == U_DATELINE || next->kind == U_NAMES)
			return true;
		if (next->kind == U_JUMP)
			return true;        /* a teaser ("详见第2版") or a continuation ("上接") */
	}
	for (size_t k = i; k < j; k++) {
		const unit *u = UNIT(ps, k);
		if (u->kind == U_MDHEAD || (u->flags & UF_DASH_START) || inline_subtitle(u->s, u->len))
			return true;
	}
	return boundary;
}

/* A kicker line that is really a column label (栏目): followed by a big
 * gap, written with a middle dot between words, or a short plain label. */
/* "〈藝文短波〉", "【简讯】", "■简讯": a short label in brackets or after
 * a mark (not 《》, which holds a title). */
static bool bracketed_label(const unit *u)
{
	if (u->chars < 3 || u->chars > 10)
		return false;
	const char *s = u->s, *e = u->s + u->len;
	/* "**【本地】**": the brackets in markdown's emphasis */
	while (e - s >= 3 && *s == '*' && e[-1] == '*') {
		s++;
		e--;
	}
	uint32_t a = first_cp(s, e), z = last_cp(s, e, NULL);
	if ((a == 0x3008 && z == 0x3009) || (a == 0x3010 && z == 0x3011) || (a == 0x3014 && z == 0x3015) ||
	    (a == 0xFF3B && z == 0xFF3D) || (a == 0x3016 && z == 0x3017))
		return true;
	return a == 0x25A0 || a == 0x25A1 || a == 0x25C6 || a == 0x25CF || a == 0x2605;
}

/* A column label set apart over a deck: at most this many characters. */
enum { LABEL_MAX = 4 };
static bool digest_label(const char *s, size_t len);

/* Written like a label: a middle dot between words, or short and plain. */
static bool label_like(const unit *u, bool deck_below)
{
	if (bracketed_label(u))
		return true;
	uint32_t z = last_cp(u->s, u->s + u->len, NULL);
	if (z == 0xFF1A || z == ':')
		return false;       /* "半年报透视：" leads into the headline: a kicker */
	bool dot = false, space = false, digit = false, quote = false;
	unsigned run = 0, longest = 0;
	const char *p = u->s, *end = u->s + u->len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		dot |= cp == 0xB7 || cp == 0x30FB || cp == 0xFF65;
		space |= text_is_space(cp);
		digit |= cp >= '0' && cp <= '9';
		quote |= is_opening(cp) || is_closing(cp);
		run = text_is_space(cp) ? 0 : run + 1;
		longest = run > longest ? run : longest;
	}
	if (dot)
		return true;
	/* "公　告": one word set with its letters apart, not two phrases */
	if (space && longest == 1 && u->chars <= 8)
		space = false;
	/* over a headline and a subtitle, a plain line is the deck's kicker
	 * unless it is as short as a label: a word of LABEL_MAX characters
	 * ("深度试驾", "名家访谈") or a column of briefs ("华人社团动态").
	 * Of the development sets' decks so set, 15 plain labels over a
	 * headline and a subtitle have 4 characters or fewer, none more;
	 * the kickers of 5 and 6 ("英伦田野间", "历时四年建设", "新编历史粤
	 * 剧", "旅游旺季来临") were read as labels */
	/* longer than a label and set tight over the headline: a kicker */
	if (u->chars > 6 && u->gap_after == 0)
		return false;
	if (deck_below && u->chars > LABEL_MAX && !digest_label(u->s, u->len))
		return false;
	return u->chars <= (deck_below ? 6 : 12) && !space && !digit && !quote;
}

static bool looks_like_column(const unit *u, bool deck_below)
{
	return u->gap_after >= BIG_GAP || label_like(u, deck_below);
}

static doc_str join_lines(parser *ps, doc_str a, const char *b, size_t blen, const char *sep)
{
	if (!a.len)
		return doc_str_make(b, blen);
	size_t sl = strlen(sep);
	char *d = doc_arena_alloc(ps->issue, a.len + sl + blen);
	memcpy(d, a.s, a.len);
	memcpy(d + a.len, sep, sl);
	memcpy(d + a.len + sl, b, blen);
	return doc_str_make(d, a.len + sl + blen);
}

/* Builds the header of a new article from the title run [i, i+n). */
/* Two short lines right under each other, together as long as one
 * headline, neither a "——" subtitle nor a label: one headline broken in
 * two ("旧物改造课" / "让孩子爱上环保"). */
enum { BROKEN_LINE_MAX = 12, BROKEN_HEAD_MAX = 22, BROKEN_HEAD_MIN = 8 };
/* A label of a word or two: at most this many characters. */
enum { LABEL_WORD_MAX = 3 };

/* The text of a title line without its markdown "#" marks. */
static doc_str md_text(const unit *u)
{
	const char *s = u->s, *e = u->s + u->len;
	if (u->kind == U_MDHEAD || u->kind == U_MDSUB) {
		while (s < e && *s == '#')
			s++;
		s = text_skip_space(s, e);
	}
	return doc_str_make(s, (size_t)(e - s));
}

/* The rank of a markdown title: its number of "#". The page sets its
 * sections at one rank ("#### 先学会听"): a title ranked above every
 * section the page has set so far ("## 协会简讯" on a page whose
 * sections are "####") is none, but the head of what follows (a column
 * over its items, or a story); nor is a title ranked as the open story's
 * own head ("### 老年用户专属套餐上线" after "### 乡村基站今年新增三百座"
 * under their column): its peer. Counted over the development sets: of
 * their markdown titles set deeper than the page's headlines, 2 rank
 * above the sections taken before them, both column labels (over "###"
 * or bold items, 2 sets), 1 as the open story's head, a headline, and
 * none of 16 subheads either way. */
static unsigned md_rank(const unit *u)
{
	unsigned h = 0;
	while (h < u->len && u->s[h] == '#')
		h++;
	return h;
}

/* A title line wholly in bold ("**老年大学合唱班开始报名**"). */
static bool bold_title(const unit *u)
{
	return u->len > 4 && u->s[0] == '*' && u->s[1] == '*' && u->s[u->len - 1] == '*' && u->s[u->len - 2] == '*';
}

/* A markdown title read as a plain title line, its "#" marks dropped. */
static void md_to_title(unit *u)
{
	doc_str t = md_text(u);
	/* measured without its marks: a label's length decides its role */
	u->chars = (uint16_t)(u->chars - count_chars(u->s, (size_t)(t.s - u->s), 201));
	u->s = t.s;
	u->len = t.len;
	u->kind = U_TITLE;
}

/* A title with a byline or a dateline right under it, straight or under
 * its "——" subtitle ("## 布洛芬混悬液，家长要看清这几点" / "文／X"): the
 * head of a story, as a section of a story is never signed. So a title of
 * a markdown page's lower level so signed heads a story whatever level
 * the page gives its other headlines, and a title line so signed is never
 * the second line of a subhead over it. */
static bool signed_under(const parser *ps, size_t i)
{
	size_t j = i + 1;
	if (j < ps->nunits && UNIT(ps, j)->gap <= 1 && (UNIT(ps, j)->flags & UF_DASH_START) &&
	    UNIT(ps, j)->kind == U_TITLE)
		j++;    /* its subtitle */
	if (j >= ps->nunits || UNIT(ps, j)->gap > 1)
		return false;
	uint8_t k = UNIT(ps, j)->kind;
	return k == U_BYLINE || k == U_DATELINE;
}

/* "庆祝…周年", "沿着…方向", "以…迎接…": a line opening with a word of
 * circumstance, commemoration or slogan sets the context of the news
 * line: a kicker when the deck has another line. */
static bool context_opening(const unit *u)
{
	static const char *const words[] = {
		"庆祝", "慶祝", "欢度", "歡度", "欢庆", "歡慶", "纪念", "紀念", "喜迎", "迎接", "沿着", "沿著", "聚焦", "落实", "落實", "奋力", "奮力",
		"坚持", "堅持", "贯彻", "貫徹", "围绕", "圍繞", "献礼", "獻禮", "决胜", "決勝", "以", "在", "为", "為",
	};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (has_prefix(u->s, u->len, words[k]))
			return true;
	return false;
}

/* "寒潮大风中", "冬季产新集中上市之际", "牛油涨价之后", "颱風過後", "雨季来临":
 * a phrase closed by a word placing it in time (during, on the eve of,
 * after, since, on its coming) says
 * when the news happened: the adverbial of the line under it, not its
 * subject, so not the first half of a broken headline (whose first half
 * names who or what the second half tells of). A school ("第一高中",
 * "实验初中") is a name, not a time. Only the first half is asked: a
 * headline may end in "…进行中" (in progress). */
static bool context_closing(const unit *u)
{
	static const char *const words[] = {
		"之际", "之際", "之后", "之後", "过后", "過後", "前夕", "期间", "期間", "以来", "以來",
		"来临", "來臨", "到来", "到來", "中",
	};
	if (u->chars < 4)
		return false;
	const char *end = u->s + u->len;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t n = strlen(words[k]);
		if (u->len <= n || memcmp(end - n, words[k], n) != 0)
			continue;
		if (n == 3 && (memcmp(end - 6, "高", 3) == 0 || memcmp(end - 6, "初", 3) == 0))
			return false;
		return true;
	}
	return false;
}

/* "颱風過後", "市保龄球协会会员赛上", "旧店屋阁楼蛛网下": a phrase closed
 * by a word of place or time after it (after, on, under) says where or
 * when the news under it happened, the adverbial of a clause with its own
 * subject, not the subject half of a broken headline. Of the tight
 * two-line decks of the 17 development sets, 5 first lines end so, all
 * kickers (3 of them, in 3 sets, were read as the first half of one
 * headline). Asked of a broken headline's first half only: a column's
 * label may end so ("致富路上", "台前幕后"). */
static bool place_closing(const unit *u)
{
	static const char *const words[] = { "后", "後", "上", "下" };
	if (u->chars < 4 || u->len <= 3)
		return false;
	const char *end = u->s + u->len;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (memcmp(end - 3, words[k], 3) == 0)
			return true;
	return false;
}

/* "（第三十七章）", "【特稿】": a line wholly in one pair of brackets. */
static bool wholly_bracketed(const unit *u)
{
	const char *s = u->s, *e = u->s + u->len;
	uint32_t a = first_cp(s, e), z = last_cp(s, e, NULL);
	return ((a == 0xFF08 || a == '(') && (z == 0xFF09 || z == ')')) || (a == 0x3010 && z == 0x3011) ||
	       (a == 0x3014 && z == 0x3015) || (a == 0xFF3B && z == 0xFF3D) || (a == '[' && z == ']') ||
	       (a == 0x3016 && z == 0x3017);
}

static bool two_phrases(const unit *u);

/* "鸡蛋为什么能浮起来？", "什么是“无废城市”？": a question asked whole,
 * with its question word. */
static bool whole_question(doc_str t)
{
	static const char *const words[] = { "什么", "什麼", "为何", "為何", "怎么", "怎麼", "怎样", "怎樣", "如何", "哪", "吗", "嗎", "能否", "是否" };
	uint32_t z = last_cp(t.s, t.s + t.len, NULL);
	if (z != 0xFF1F && z != '?')
		return false;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (memmem(t.s, t.len, words[k], strlen(words[k])))
			return true;
	return false;
}

/* "为什么一直没拆？", "如何破解“停车难”？": a question that opens with its
 * question word has no subject of its own: the line above is its subject. */
static bool opens_asking(doc_str t)
{
	static const char *const words[] = { "为什么", "為什麼", "为何", "為何", "怎么", "怎麼", "怎样", "怎樣", "如何", "能否", "是否" };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (has_prefix(t.s, t.len, words[k]))
			return true;
	return false;
}

/* A label that names a column of briefs by its last word: 快讯, 简讯,
 * 动态, 速递, 资讯, 速览, 一览, 集锦. */
static bool digest_label(const char *s, size_t len)
{
	static const char *const words[] = {
		"快讯", "快訊", "简讯", "簡訊", "动态", "動態", "速递", "速遞", "资讯", "資訊", "速览", "速覽", "一览", "一覽",
		"集锦", "集錦", "消息", "短讯", "短訊", "简报", "簡報", "要闻", "要聞", "活动", "活動", "摘编", "摘編",
	};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (len >= 6 && memcmp(s + len - 6, words[k], 6) == 0)
			return true;
	return false;
}

/* An issuer's name (…公司, …集团, …银行) over the title of its notice
 * (…公告, …快报, …通知): a listed company's notice is headed so. */
/* "江阳市江北区人民法院" over a notice, printed again under its text as
 * the signature over a date: the notice's issuer, named at its head and
 * at its foot. */
static bool signed_below(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	return (u->flags & UF_ISSUER) && u->kind == U_TITLE;
}

/* "关于开展2027年度民族文化" / "传承人申报工作的通知": a document's title
 * (关于… 的通知, 的决定, 的公告) broken over two lines: one title. */
static bool about_then_kind(doc_str a, doc_str b)
{
	static const char *const kinds[] = { "的通知", "的決定", "的决定", "的公告", "的通告", "的意见", "的意見",
					     "的批复", "的批復", "的办法", "的辦法", "的规定", "的規定", "的报告", "的報告" };
	if (!has_prefix(a.s, a.len, "关于") && !has_prefix(a.s, a.len, "關於"))
		return false;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t n = strlen(kinds[k]);
		if (a.len >= n && memcmp(a.s + a.len - n, kinds[k], n) == 0)
			return false;   /* (the first line is whole) */
		if (b.len >= n && memcmp(b.s + b.len - n, kinds[k], n) == 0)
			return true;
	}
	return false;
}

static bool issuer_over_notice(doc_str a, doc_str b)
{
	static const char *const issuers[] = { "公司", "集团", "集團", "银行", "銀行" };
	static const char *const notices[] = { "公告", "快报", "快報", "通知", "通告", "公示", "声明", "聲明", "报告书", "報告書" };
	bool issuer = false, notice = false;
	for (size_t k = 0; k < sizeof issuers / sizeof *issuers && !issuer; k++)
		issuer = a.len >= 6 && memcmp(a.s + a.len - 6, issuers[k], 6) == 0;
	for (size_t k = 0; k < sizeof notices / sizeof *notices && !notice; k++) {
		size_t n = strlen(notices[k]);
		notice = b.len >= n && memcmp(b.s + b.len - n, notices[k], n) == 0;
	}
	return issuer && notice;
}

static bool lines_share_pair(const unit *a, const unit *b);
static bool signs_contribution(const unit *u);

/* "三十年守着一条街", "下月起延长营业时间", "年底前全线通车": a line
 * opening with a time (a number of years, months or days; this, next or
 * last month or season, 今冬, 明春; the year's end) opens a predicate, the when of an event
 * whose subject is the line above it, never a title of its own. */
static bool opens_with_time(const unit *u)
{
	static const char *const units[] = {
		"年", "月", "日", "天", "周", "週", "晚", "季", "个月", "個月", "小时", "小時",
		"冬", "春", "夏", "秋",     /* "今冬", "明春": after a deictic word only */
	};
	enum { SEASONS_FROM = 12 };
	static const char *const deictic[] = { "今", "明", "昨", "本", "下", "上", "去", "前" };
	static const char *const within[] = { "底", "内", "內", "初", "中", "末" };
	const char *p = u->s, *end = u->s + u->len;
	int value;
	for (size_t k = 0; k < sizeof deictic / sizeof *deictic; k++)
		if (has_prefix(p, (size_t)(end - p), deictic[k])) {
			p += strlen(deictic[k]);
			break;
		}
	size_t n = pattern_number(p, (size_t)(end - p), &value);
	bool number = n > 0;
	p += n;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		size_t ul = strlen(units[k]);
		if (!has_prefix(p, (size_t)(end - p), units[k]))
			continue;
		if (k >= SEASONS_FROM)
			return p > u->s && !number;
		if (number || p > u->s)
			return true;
		/* "年底前", "月内": the year's or month's end */
		for (size_t w = 0; w < sizeof within / sizeof *within && k < 2; w++)
			if (has_prefix(p + ul, (size_t)(end - p - ul), within[w]))
				return true;
		return false;
	}
	return false;
}

/* A line of a deck of at most this many characters is checked against
 * the story's lead (see lead_names). */
enum { SUBJECT_CHECK_MAX = 6 };
/* A short line without a sentence end under a deck, over the text: a
 * signature (at most this many characters). */
enum { SIGNATURE_MAX = 20 };

/* The pairs of Han characters of a title line (at most 64 counted). */
static unsigned title_pairs(const unit *t)
{
	unsigned n = 0;
	uint32_t prev = 0;
	const char *p = t->s, *end = t->s + t->len;
	while (p < end && n < 64) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		n += is_han(prev) && is_han(cp);
		prev = cp;
	}
	return n;
}

/* Which of the pairs of t (bit k: its k-th pair) u holds. */
static uint64_t pairs_in(const unit *t, const unit *u)
{
	uint64_t m = 0;
	unsigned k = 0;
	uint32_t prev = 0;
	const char *p = t->s, *end = t->s + t->len, *prev_at = p;
	while (p < end && k < 64) {
		uint32_t cp;
		const char *at = p;
		p += text_decode(p, end, &cp);
		if (is_han(prev) && is_han(cp)) {
			if (memmem(u->s, u->len, prev_at, (size_t)(p - prev_at)))
				m |= 1ULL << k;
			k++;
		}
		prev = cp;
		prev_at = at;
	}
	return m;
}

/* "记者 X", "記者 X": a reporter among the names. */
static bool reporter_named(const char *s, size_t len)
{
	return memmem(s, len, "记者", 6) || memmem(s, len, "記者", 6);
}

/* Whether the line t may name the subject of the story under a deck:
 * false when its lead (its first two paragraphs after the rest of the
 * deck and the byline, from unit j) holds fewer than half of the pairs of
 * characters of t, in a signed contribution or a piece signed after its
 * text or not at all ("茶余饭后" / "楼下那棵老槐树" over "…（读者　X）").
 * True when the lead is not read yet, or a reporter or a wire signs it,
 * over the lead or in brackets closing it: no evidence either way. */
static bool lead_names(const parser *ps, size_t j, const unit *t)
{
	enum { LEAD_UNITS = 2, LEAD_REACH = 8 };
	if (t->spaced)
		return true;    /* letter-spaced: no pairs to compare */
	size_t seen = 0;
	uint64_t named = 0;
	unsigned npairs = title_pairs(t);
	for (size_t k = j; k < ps->nunits && k < j + LEAD_REACH; k++) {
		const unit *u = UNIT(ps, k);
		if (!seen && (u->kind == U_BYLINE || u->kind == U_DATELINE)) {
			/* only a contribution (□ X, 读者 X, 文/X) is evidence: a
			 * news story's headline may name its subject in other
			 * words ("八旬夫妇" / "七十年坚持写日记" over "…两位老人…") */
			if (!signs_contribution(u))
				return true;
			continue;
		}
		if (u->kind == U_PARA && !seen && u->chars <= SIGNATURE_MAX &&
		    !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END))) {
			/* a short line between the deck and the text: a
			 * signature the byline patterns do not know
			 * ("□彩市观察员　老　周"), a contributor's unless it
			 * names a reporter */
			unit as_byline = *u;
			as_byline.kind = U_BYLINE;
			if (!signs_contribution(&as_byline))
				return true;
			continue;
		}
		if (u->kind == U_PARA) {
			/* "（記者 X）" closing the lead: a reporter's story */
			size_t paren, ns, ne;
			uint32_t z = last_cp(u->s, u->s + u->len, NULL);
			if ((z == 0xFF09 || z == ')') && pattern_match_trailing_byline(u->s, u->len, &paren, &ns, &ne) &&
			    reporter_named(u->s + ns, ne - ns))
				return true;
			named |= pairs_in(t, u);
			if (++seen == LEAD_UNITS)
				break;
		} else if (seen) {
			break;
		}
	}
	/* a subject is named whole or nearly; one word of a column's name
	 * in the lead ("邻里之间" / "…邻里住了二十年…") does not name it */
	unsigned found = 0;
	for (; named; named &= named - 1)
		found++;
	return !seen || 2 * found >= npairs;
}

static uint32_t item_mark(const unit *u);

/* "他…", "她…", "我们…": a personal pronoun opening the line. */
static bool opens_with_pronoun(doc_str t)
{
	static const char *const pronouns[] = { "他", "她", "我", "你", "它" };
	for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++)
		if (has_prefix(t.s, t.len, pronouns[k]))
			return true;
	return false;
}

/* A title's characters as set in type: a space that OCR put between two
 * digits of a number ("4 6 0 0余个") is not one. */
static unsigned title_chars(const char *s, size_t len)
{
	unsigned n = count_chars(s, len, 64);
	for (size_t i = 1; i + 1 < len && n; i++)
		if (s[i] == ' ' && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9')
			n--;
	return n;
}

/* How two title lines may make one headline: not at all, as an issuer's
 * name over the name of its notice, or as the two halves of one phrase.
 * The cases are weighed apart (S_D_ISSUER, S_D_BROKEN): an issuer's name
 * is never a kicker, the first half of a phrase may be one. */
enum broken_kind { BROKEN_NONE, BROKEN_ISSUER, BROKEN_PHRASE };

/* A line of this many characters is as long as a whole headline. */
enum { WHOLE_UNDER_MIN = 10 };

/* "本报今起开设“侨胞心声”栏目": the text under a deck (its first
 * paragraphs, an editor's note) calls the line over it a column. */
static bool lead_calls_column(const parser *ps, size_t j, doc_str label)
{
	static const char *const kinds[] = { "栏目", "欄目", "专栏", "專欄", "专版", "專版" };
	char quoted[3 * SUBJECT_CHECK_MAX + 8];
	if (label.len + 6 > sizeof quoted)
		return false;
	memcpy(quoted, "“", 3);
	memcpy(quoted + 3, label.s, label.len);
	memcpy(quoted + 3 + label.len, "”", 3);
	size_t ql = label.len + 6;
	for (size_t k = j; k < ps->nunits && k < j + 3 && UNIT(ps, k)->kind == U_PARA; k++) {
		const unit *u = UNIT(ps, k);
		for (const char *at = memmem(u->s, u->len, quoted, ql); at;
		     at = memmem(at + 1, (size_t)(u->s + u->len - at - 1), quoted, ql))
			for (size_t w = 0; w < sizeof kinds / sizeof *kinds; w++)
				if (has_prefix(at + ql, (size_t)(u->s + u->len - at - ql), kinds[w]))
					return true;
	}
	return false;
}

static bool speaker_said(const unit *u);
static enum broken_kind broken_headline(const parser *ps, size_t i, size_t n)
{
	if (n != 2)
		return BROKEN_NONE;
	const unit *a = UNIT(ps, i), *b = UNIT(ps, i + 1);
	if (b->gap != 0 || a->kind != b->kind || (a->kind != U_TITLE && a->kind != U_MDHEAD) ||
	    ((a->flags | b->flags) & (UF_DASH_START | UF_COMMA | UF_CLAUSE_END)) || (b->flags & UF_QUESTION_HEAD) ||
	    inline_subtitle(b->s, b->len))
		return BROKEN_NONE;
	doc_str at = md_text(a), bt = md_text(b);
	unsigned ac = a->spaced ? a->chars : title_chars(at.s, at.len);
	unsigned bc = b->spaced ? b->chars : title_chars(bt.s, bt.len);
	/* "X股份有限公司" / "关于…的公告": the issuer's name over its notice
	 * is the notice's title */
	if (ac <= 24 && bc <= 40 && (issuer_over_notice(at, bt) || about_then_kind(at, bt)))
		return BROKEN_ISSUER;
	/* the issuer signing the notice below, over the notice's name */
	if (ac <= 24 && bc <= 24 && !wholly_bracketed(b) && signed_below(ps, i))
		return BROKEN_ISSUER;
	if (ac > BROKEN_LINE_MAX || bc > BROKEN_LINE_MAX || ac + bc > BROKEN_HEAD_MAX)
		return BROKEN_NONE;
	/* "市府：沿線8站周邊交通改善同步啟動": a speaker's words open a line
	 * of their own, no half of the phrase above */
	if (speaker_said(b))
		return BROKEN_NONE;
	/* "膳 食 指 南" / "萝卜羊肉汤": a line set letter-spaced over one set
	 * tight is another type (a column's label), no half of its phrase */
	if (!ps->pf.letter_spaced && a->spaced != b->spaced)
		return BROKEN_NONE;
	/* a headline of a few characters fits on one line: two lines that
	 * short ("微小说" / "一把伞") are a label and a title */
	if (ac + bc < BROKEN_HEAD_MIN)
		return BROKEN_NONE;
	/* "（第三十七章）": an aside in brackets is a part of its own; a
	 * line opening with an item's mark ("◆社区书画展") starts anew */
	if (wholly_bracketed(a) || wholly_bracketed(b) || item_mark(b))
		return BROKEN_NONE;
	/* a word or two over a much longer line is a label ("往事" over
	 * its headline), not half of a phrase */
	if (ac <= LABEL_WORD_MAX && bc >= ac + 5)
		return BROKEN_NONE;
	/* the first half of a broken headline names the story's subject,
	 * and its lead names it again ("社区老年食堂" / "扩至一百二十家" /
	 * "…新建社区老年食堂…"); a column's name is not in the story
	 * ("健康课堂" / "冬季晨练别太早", "我的晚年生活" / "老伴的手擀面") */
	if (ac <= SUBJECT_CHECK_MAX && !lead_names(ps, i + 2, a) && !opens_with_time(b))
		return BROKEN_NONE;
	if (ac <= SUBJECT_CHECK_MAX && lead_calls_column(ps, i + 2, at))
		return BROKEN_NONE;
	if (bracketed_label(a))
		return BROKEN_NONE;
	/* "沿着总书记指引的方向", "寒潮大风中": a phrase of circumstance is a
	 * kicker */
	if (context_opening(a) || context_closing(a) || place_closing(a))
		return BROKEN_NONE;
	/* "她把三十年写进了一本村志": a line opening with a person's pronoun
	 * is a clause with its own subject, not the predicate of the line
	 * above */
	if (opens_with_pronoun(bt))
		return BROKEN_NONE;
	/* "楼市快讯", "航企动态": a column's name for its briefs */
	if (ac <= 6 && digest_label(at.s, at.len))
		return BROKEN_NONE;
	/* "寻味老城" / "一碗鱼丸汤　熬了四十年", "小小科学家" / "鸡蛋为什么
	 * 能浮起来？": a line that is a whole headline by itself (two
	 * phrases side by side, a question) has a label over it, not a
	 * first half */
	if (two_phrases(b) || (whole_question(bt) && !opens_asking(bt)))
		return BROKEN_NONE;
	/* a label with a middle dot stays a label; two phrases side by side
	 * ("春风拂面 万物竞发") are a kicker */
	if (memmem(a->s, a->len, "·", 2) || memmem(a->s, a->len, "・", 3))
		return BROKEN_NONE;
	/* "立院三讀　育嬰留停" / "可按日申請": a short line under two phrases
	 * is the predicate of the second, not a headline of its own (the
	 * decks of nine sets: a line of fewer than 10 characters under
	 * another, set tight, is the second half of one headline 61 times,
	 * a headline under its kicker 6) */
	if (bc < WHOLE_UNDER_MIN)
		return BROKEN_PHRASE;
	const char *p = a->s, *end = a->s + a->len;
	uint32_t prev = 0;
	while (p < end && !a->spaced) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (text_is_space(cp) && is_han(prev)) {
			const char *q = text_skip_space(p, end);
			if (q < end && is_han(first_cp(q, end)))
				return BROKEN_NONE;
		}
		prev = cp;
	}
	return BROKEN_PHRASE;
}

static bool series_part(const unit *u);
/* Whether the deck [i, i+n) has a title line without a comma or a dash. */
static bool deck_has_plain(const parser *ps, size_t i, size_t n)
{
	for (size_t k = i; k < i + n; k++) {
		const unit *u = UNIT(ps, k);
		/* a word of at most 4 characters over the deck ("用车课堂",
		 * "对话") is its label, never the headline a comma yields to */
		if (k == i && n > 1 && u->chars <= LABEL_MAX)
			continue;
		/* nor a phrase of circumstance over it ("聚焦实战化训练" /
		 * "雪线之上，“尖刀连”的冬训日记"): its kicker */
		if (k == i && n > 1 && (context_opening(u) || context_closing(u)))
			continue;
		/* nor a series' name and part ("“预付卡”跑路调查（上）") */
		if (n > 1 && series_part(u))
			continue;
		if (u->kind != U_PARA && !(u->flags & (UF_COMMA | UF_DASH_START | UF_CLAUSE_END)))
			return true;
	}
	return false;
}

/* "春风拂面 万物竞发": two phrases side by side, set apart by a space. */
static bool two_phrases(const unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	uint32_t prev = 0;
	if (u->spaced)
		return false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (text_is_space(cp) && (is_han(prev) || is_closing(prev))) {
			const char *q = text_skip_space(p, end);
			if (q < end && (is_han(first_cp(q, end)) || is_opening(first_cp(q, end))))
				return true;
		}
		prev = cp;
	}
	return false;
}


/* Whether a deck line may be the headline at all: not a "——" subtitle,
 * not a kicker ending in a colon, not a long line of detail, and not a
 * line with a comma (it tells more than the news) when the deck has a
 * line without one. */
/* "（2026）浙0782民初4417号", "第152号": a number filing a document, opened
 * by a bracket or 第 and closed by figures and 号. */
static bool doc_number(const unit *u)
{
	const char *s = u->s, *e = u->s + u->len, *at = e;
	uint32_t a = first_cp(s, e), z = last_cp(s, e, &at);
	if (!(a == 0xFF08 || a == '(' || a == 0x7B2C) || u->chars > 24)
		return false;
	if (z == 0xFF09 || z == ')')
		z = last_cp(s, at, &at);
	if (z != 0x53F7 || at <= s)
		return false;
	uint32_t d = last_cp(s, at, NULL);
	return (d >= '0' && d <= '9') || (d >= 0xFF10 && d <= 0xFF19);
}

/* "…调查（上）", "…系列报道之三", "…（二）": a title closed by the part
 * of a series it is. */
static bool series_part(const unit *u)
{
	static const char *const parts[] = { "（上）", "（中）", "（下）", "（一）", "（二）", "（三）", "（四）", "（五）",
					     "（六）", "（七）", "（八）", "（九）", "（十）" };
	/* "2026珠城马拉松·特别报道": the name of a series of reports is
	 * the kicker of each one, never its news */
	static const char *const series[] = { "特别报道", "特別報導", "系列报道", "系列報導", "专题报道", "專題報導",
					      "深度报道", "深度報導", "特别策划", "特別策劃" };
	const char *end = text_trim_end(u->s, u->s + u->len);
	return (size_t)(end - u->s) > 9 && (ends_with_any(u->s, (size_t)(end - u->s), parts, sizeof parts / sizeof *parts) ||
					    ends_with_any(u->s, (size_t)(end - u->s), series, sizeof series / sizeof *series));
}

static bool headline_eligible(const parser *ps, size_t i, size_t n, size_t k)
{
	const unit *u = UNIT(ps, k);
	if ((u->flags & (UF_DASH_START | UF_CLAUSE_END)) || u->kind == U_PARA)
		return false;
	/* "（文中当事人均为化名）": an aside in parentheses */
	uint32_t a = first_cp(u->s, u->s + u->len), z = last_cp(u->s, u->s + u->len, NULL);
	if ((a == 0xFF08 || a == '(') && (z == 0xFF09 || z == ')') && n > 1)
		return false;
	if (a == 0x25A1 && n > 1)
		return false;       /* "□ 文学院2023级　宋知夏": the mark of a byline */
	if (n > 1 && doc_number(u))
		return false;       /* "（2026）南民初1088号": the number filing a notice */
	if (n > 1 && series_part(u))
		return false;       /* "“预付卡”跑路调查（上）": a series' name and part, its kicker */
	/* "离婚时，家务劳动能否获得补偿？": a question with a comma in it
	 * is still the question a piece answers, its headline */
	if ((z == 0xFF1F || z == '?') && u->chars <= 24)
		return true;
	/* "投诉直通车" / "网购冰箱到货有凹痕，商家同意换新": the label's title */
	if (k == i + 1 && comma_title_under_label(ps, i))
		return true;
	/* "戴头盔，从“要我戴”到“我要戴”": the page lists it as a title */
	if (listed_print(ps, u))
		return true;
	/* "数九寒天话养生" / "冬季进补，别让“补”变成“堵”" / "——营养专家解读…":
	 * the line right over a "——" subtitle, under a line, is the headline
	 * the subtitle qualifies, comma or not */
	if ((u->flags & UF_COMMA) && k > i && k + 1 < i + n && (UNIT(ps, k + 1)->flags & UF_DASH_START) &&
	    !(UNIT(ps, k - 1)->flags & (UF_COMMA | UF_DASH_START)) && u->chars <= TITLE_MAX_CHARS)
		return true;
	return !((u->flags & UF_COMMA) && deck_has_plain(ps, i, n));
}

/* ------------------------------------------------------------------ */
/* The deck: the best labelling of a header's lines.
 *
 * Each line of the title run [i, i+n) that starts a story takes one role:
 * a line over the headline (a column label or a kicker), the headline,
 * the second half of a headline broken over two lines, or a subtitle
 * under it. The roles follow each other in that order, and the labelling
 * with the best sum of the lines' own evidence (the D_ rows of the signal
 * table) and of the transitions between neighbour roles (the T_ rows) is
 * taken: a Viterbi over at most HEADER_MAX_LINES lines and four roles. */
enum deck_role { DR_OVER, DR_HEAD, DR_CONT, DR_SUB, DR_N };
enum { DECK_MAX = HEADER_MAX_LINES + 1 };
/* A role a line cannot take. */
enum { DECK_NEVER = -1000 };

/* Whether the title lines k-1 and k share a pair of Han characters: a
 * kicker and its headline each name the subject ("推进川渝…" / "川渝第二
 * 条…"); the halves of one phrase do not repeat a word. */
static bool lines_share_pair(const unit *a, const unit *b)
{
	enum { PAIRS_MAX = 48 };
	uint32_t pairs[PAIRS_MAX];
	size_t np = 0;
	const char *p = a->s, *end = a->s + a->len;
	uint32_t prev = 0;
	while (p < end && np < PAIRS_MAX) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(prev) && is_han(cp))
			pairs[np++] = prev << 16 ^ cp;
		prev = cp;
	}
	p = b->s, end = b->s + b->len;
	prev = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (is_han(prev) && is_han(cp)) {
			uint32_t h = prev << 16 ^ cp;
			for (size_t k = 0; k < np; k++)
				if (pairs[k] == h)
					return true;
		}
		prev = cp;
	}
	return false;
}

/* "消费提示", "读书札记", "行山記", "气象科普": a short line ending in a
 * word for a kind of piece (tips, notes, a record, popular science) names
 * a column, where the first half of a broken headline names its subject
 * ("新界西北" / "單車徑網絡全面貫通"). */
enum { GENRE_LABEL_MAX = 5 };   /* "志愿者手记": who writes, and the kind */

static bool genre_label_upto(const unit *u, unsigned max_chars)
{
	static const char *const kinds[] = {
		"提示", "贴士", "貼士", "札记", "札記", "科普", "手记", "手記", "随笔", "隨筆", "漫谈", "漫談",
		"杂谈", "雜談", "信箱", "问答", "問答", "讲堂", "講堂", "课堂", "課堂", "百科", "指南", "观察",
		"觀察", "视点", "視點", "茶座", "档案", "檔案", "故事", "小记", "小記", "日记", "日記", "游记",
		"遊記", "记", "記", "面对面", "面對面",
	};
	if (u->chars < 2 || u->chars > max_chars || u->len > max_chars * 3 ||
	    (u->flags & (UF_COMMA | UF_CLAUSE_END)))
		return false;
	/* "跑者说", "百姓谈": who speaks in the column (访谈 is one word,
	 * an interview) */
	static const char *const voices[] = { "说", "說", "谈", "談" };
	return ends_with_any(u->s, u->len, kinds, sizeof kinds / sizeof *kinds) ||
	       (u->chars >= 3 && ends_with_any(u->s, u->len, voices, sizeof voices / sizeof *voices));
}

static bool genre_label(const unit *u)
{
	return genre_label_upto(u, LABEL_MAX);
}

/* "读者来信" / "新华路的路灯该修了", "矿工之家" / "井口来了“流动理发
 *店”": a word of four characters at most over a line more than twice
 * as wide is its label, unless it names a place ("新界西北" / "單車徑網
 * 絡全面貫通": the subject of a headline broken after it). */
static bool word_over_line(const unit *a, const unit *b)
{
	static const char places[] = "东南西北東市县縣区區省镇鎮乡鄉村州路街港岛島湾灣";
	if (a->chars > LABEL_MAX || b->chars <= 2 * a->chars || a->len < 3)
		return false;
	const char *z = a->s + a->len - 3;     /* the places are 3 bytes each */
	for (size_t k = 0; k + 3 <= sizeof places - 1; k += 3)
		if (memcmp(places + k, z, 3) == 0)
			return false;
	return true;
}

/* One line's evidence for one role, into ev (NULL: only the sum). */
typedef struct deck_facts {
	bool ok[DECK_MAX], two[DECK_MAX];
	uint8_t broken[DECK_MAX];       /* enum broken_kind of the line and the one above */
	unsigned width[DECK_MAX], widest;
	size_t last, md, n;
	bool single;
	bool signed_piece;      /* a byline under the deck signs a contribution, no reporter's */
} deck_facts;

/* A column's label over a signed contribution is at most this long. */
enum { SIGNED_LABEL_MAX = 5 };

/* "□美食达人　林小厨", "江苏南京　王秀兰": a byline that signs a
 * contribution (a mark, a pen name, a reader's place), not a reporter's
 * (记者, 通讯员) or a wire's. */
static bool signs_contribution(const unit *u)
{
	if (u->kind != U_BYLINE || u->len > 90)
		return false;
	static const char *const reporters[] = { "记者", "記者", "通讯员", "通訊員", "报道", "報導", "报导" };
	for (size_t k = 0; k < sizeof reporters / sizeof *reporters; k++)
		if (memmem(u->s, u->len, reporters[k], strlen(reporters[k])))
			return false;
	return true;
}


/* "■滨江路夜市重新开街": a mark over an item's title, a phrase of six
 * characters or more in one piece; "■省内" names a section, "■下士　蒋一鸣"
 * signs. */
static bool marked_title(const unit *u)
{
	if (u->chars < 7 || !line_mark(u->s, u->len))
		return false;
	const char *p = text_skip_space(u->s + 3, u->s + u->len), *end = u->s + u->len;
	return !memchr(p, ' ', (size_t)(end - p)) && !memmem(p, (size_t)(end - p), "\xe3\x80\x80", 3) &&
	       !pattern_is_byline(p, (size_t)(end - p), false);
}

/* A line of this many characters is a whole headline's length. */
enum { WHOLE_HEAD_MIN = 13 };

/* "首届国际青年陶艺双年展开幕" over "32个国家和地区的216件作品参展",
 * "图们江畔稻田迎来“智慧春耕”" over "无人机育秧、卫星导航插秧在…全面推开":
 * a kicker is a phrase of context shorter than the news under it; a
 * line as long as a whole headline, one phrase that opens with no word
 * of circumstance, over a line longer still tells the news, and the
 * longer line its detail (the subtitle). A line opening with a time
 * ("4月25日是全国儿童预防接种日") names the occasion: a kicker. */
static bool whole_over_longer(const deck_facts *df, const unit *u, const unit *v, size_t x)
{
	/* (under a kicker, a line longer by one character is longer) */
	if (u->chars < WHOLE_HEAD_MIN || df->two[x] || context_opening(u) || opens_with_time(u) || (u->flags & UF_FIELD) ||
	    v->kind != U_TITLE || (v->flags & UF_DASH_START) || v->chars < u->chars + (x >= 1 ? 1 : 2))
		return false;
	/* one phrase in one piece: no gap between words, no "label：" */
	for (const char *p = u->s, *end = u->s + u->len; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (text_is_space(cp) || cp == 0xFF1A || cp == ':')
			return false;
	}
	return true;
}

/* Whether the lead from unit j (its first two paragraphs, a dateline's
 * text among them; bylines skipped) holds half of the pairs of Han
 * characters of t or more. True when the lead is not read yet. */
static bool lead_holds(const parser *ps, size_t j, const unit *t)
{
	enum { LEAD_UNITS = 2, LEAD_REACH = 6 };
	size_t seen = 0;
	uint64_t named = 0;
	for (size_t k = j; k < ps->nunits && k < j + LEAD_REACH && seen < LEAD_UNITS; k++) {
		const unit *u = UNIT(ps, k);
		if (u->kind == U_BYLINE || u->kind == U_NAMES)
			continue;
		if (u->kind != U_PARA && u->kind != U_DATELINE)
			break;
		named |= pairs_in(t, u);
		/* (a dateline's line whose paragraph the wrap carries on in the
		 * next unit is that paragraph's first line, not a paragraph) */
		seen += !(u->kind == U_DATELINE && k + 1 < ps->nunits && UNIT(ps, k + 1)->kind == U_PARA &&
			  UNIT(ps, k + 1)->gap == 0);
	}
	unsigned found = 0;
	for (; named; named &= named - 1)
		found++;
	return !seen || 2 * found >= title_pairs(t);
}

/* "暴雨突袭山村" / "132名群众连夜转移", "非遗进校园" / "英歌舞“跳”进中小
 * 学课堂": a line as long as a whole headline (10 characters or more)
 * under a shorter one whose words the lead does not take up is the news
 * under its kicker; the first half of a broken headline names the
 * story's subject, and the lead names it again ("榜鹅新组屋区" / "将增设
 * 两个巴士转换站"). A line opening with a time ("上半年…") tells when
 * the subject above did it. Of the tight pairs of the nine development
 * sets with a second line of 10 or more, longer than the first, 35 read
 * kicker and headline, 8 one headline; of those 8, 6 have the first line
 * named in the lead. */
static bool whole_under_unnamed(const parser *ps, size_t lead, const unit *a, const unit *b)
{
	unsigned ac = a->spaced ? a->chars : title_chars(a->s, a->len);
	unsigned bc = b->spaced ? b->chars : title_chars(b->s, b->len);
	return bc >= WHOLE_UNDER_MIN && ac < bc && !a->spaced && !opens_with_time(b) && !lead_holds(ps, lead, a);
}

/* "年底醋价涨了吗？", "「條走廊要等幾耐？」": the line ends in a question
 * mark (inside its quotes). */
static bool asks_question(const unit *u)
{
	const char *end = u->s + u->len, *at = end;
	uint32_t z = last_cp(u->s, end, &at);
	if (z == 0x300D || z == 0x201D || z == 0x300F)
		z = last_cp(u->s, at, NULL);
	return z == 0xFF1F || z == '?';
}

/* "…，3比1！", "春季过敏高发，专家提醒：": the line ends crying out or
 * calling on the line under it. */
static bool ends_crying_or_calling(const unit *u)
{
	uint32_t z = last_cp(u->s, u->s + u->len, NULL);
	return z == 0xFF01 || z == '!' || z == 0xFF1A || z == ':';
}

static int deck_emit(const parser *ps, size_t i, const deck_facts *df, size_t k, int role, evidence *ev)
{
	evidence tmp;
	if (!ev) {
		memset(&tmp, 0, sizeof tmp);
		ev = &tmp;
	}
	const unit *u = UNIT(ps, k);
	size_t x = k - i;
	/* a brief's title taken out of its text heads the brief: the line
	 * over it is its label, never its first half or its headline */
	if (u->bracketed && role != DR_HEAD)
		return DECK_NEVER;
	if (u->named) {
		/* the site named the line's part: that part, never another */
		static const uint8_t part_of[DR_N] = { [DR_OVER] = NAMED_OVER, [DR_HEAD] = NAMED_HEAD,
						       [DR_CONT] = NAMED_HEAD, [DR_SUB] = NAMED_SUB };
		if (part_of[role] != u->named || role == DR_CONT)
			return DECK_NEVER;
		ev_add(ev, S_D_NAMED);
	}
	switch (role) {
	case DR_OVER:
		if (df->md != SIZE_MAX && k >= df->md)
			return DECK_NEVER;
		if (asks_question(u))
			ev_add(ev, S_D_QUESTION);
		else if ((u->flags & UF_COMMA) && !ends_crying_or_calling(u))
			ev_add(ev, S_D_OVER_CLAUSES);
		return ev->score;
	case DR_HEAD:
		if (!df->ok[x] || (df->md != SIZE_MAX && k != df->md))
			return DECK_NEVER;
		if (df->width[x] == df->widest)
			ev_add(ev, S_D_WIDEST);
		if (k == df->last)
			ev_add(ev, S_D_LAST);
		if (context_opening(u))
			ev_add(ev, S_D_CONTEXT);
		if (df->single && df->two[x])
			ev_add(ev, S_D_TWO_PHRASES);
		if (k == i && u->chars <= LABEL_MAX && u->gap_after >= 1 && label_like(u, false))
			ev_add(ev, S_D_LABEL);
		if (k > i && marked_title(u) && !line_mark(UNIT(ps, k - 1)->s, UNIT(ps, k - 1)->len))
			ev_add(ev, S_D_MARKED);
		/* (not over a line with a —— subtitle under it: kicker,
		 * headline, subtitle, the whole deck of a lead story) */
		if (x + 1 < df->n && whole_over_longer(df, u, UNIT(ps, k + 1), x) &&
		    !(x + 2 < df->n && (UNIT(ps, k + 2)->flags & UF_DASH_START)))
			ev_add(ev, S_D_WHOLE_OVER);
		if (df->n > 1 && listed_print(ps, u))
			ev_add(ev, S_D_LISTED);
		if (k > i && opens_with_pronoun(md_text(u)) && signed_under(ps, k))
			ev_add(ev, S_D_PRONOUN);
		return ev->score;
	case DR_CONT:
		/* (a title the page lists is whole: "下一篇：X" names X) */
		if (df->broken[x] == BROKEN_NONE || (x >= 1 && listed_print(ps, UNIT(ps, k - 1))))
			return DECK_NEVER;
		if (df->broken[x] == BROKEN_ISSUER) {
			/* the issuer's name over its notice: one title, whatever
			 * the widths */
			ev_add(ev, S_D_ISSUER);
		} else {
			ev_add(ev, S_D_BROKEN);
			if (whole_under_unnamed(ps, i + df->n, UNIT(ps, k - 1), u))
				ev_add(ev, S_D_WHOLE_UNDER);
		}
		/* (the issuer signing the notice below names no subject) */
		/* (a second half opening with a time, "今年救治动物逾300只",
		 * tells what the subject above did then: it may name the
		 * subject's word again, "打巴野生动物救援中心", and stay its
		 * predicate; no tight pair of the development sets reads
		 * kicker and headline so) */
		if (lines_share_pair(UNIT(ps, k - 1), u) && !signed_below(ps, k - 1) && !opens_with_time(u))
			ev_add(ev, S_D_SHARED);
		if (df->signed_piece && UNIT(ps, k - 1)->chars <= SIGNED_LABEL_MAX)
			ev_add(ev, S_D_SIGNED);
		if (genre_label(UNIT(ps, k - 1)) || word_over_line(UNIT(ps, k - 1), u))
			ev_add(ev, S_D_GENRE_OVER);
		return ev->score;
	default:
		if (u->flags & UF_DASH_START)
			ev_add(ev, S_D_DASH);
		return ev->score;
	}
}

/* Whether line k is a plain title line (no "——", comma, brackets,
 * figures or 第) no wider than the line above it. */
static bool plain_short_under(const parser *ps, size_t k)
{
	const unit *u = UNIT(ps, k), *a = UNIT(ps, k - 1);
	if ((u->flags & (UF_DASH_START | UF_COMMA | UF_CLAUSE_END)) || wholly_bracketed(u) || u->kind != U_TITLE)
		return false;
	if (title_chars(u->s, u->len) > title_chars(a->s, a->len))
		return false;
	/* "第218期", "第二回": a number filing it */
	if (has_prefix(u->s, u->len, "第"))
		return false;
	for (const char *p = u->s, *end = u->s + u->len; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
			return false;
	}
	return true;
}

/* "房署：約4800個單位分三期落成": a line giving who said what, its
 * speaker (a few characters) before a colon: a line of detail, as one
 * with a comma is. */
enum { SPEAKER_CHARS_MAX = 6, SAID_CHARS_MIN = 4 };
static bool speaker_said(const unit *u)
{
	/* (one colon: "发布时间：X　来源：Y" is a site's fields) */
	const char *c = util_find(u->s, u->len, "：", 3);
	if (!c || !one_wide_colon(u->s, u->len))
		return false;
	size_t before = count_chars(u->s, (size_t)(c - u->s), SPEAKER_CHARS_MAX + 1);
	return before >= 1 && before <= SPEAKER_CHARS_MAX &&
	       count_chars(c + 3, (size_t)(u->s + u->len - c - 3), SAID_CHARS_MIN) >= SAID_CHARS_MIN;
}

/* The evidence of the transition from role `from` on line k-1 to `to` on
 * line k (into ev when not NULL), or DECK_NEVER when roles may not follow
 * each other so. */
static int deck_transition(const parser *ps, size_t k, int from, int to, evidence *ev)
{
	static const bool allowed[DR_N][DR_N] = {
		[DR_OVER] = { [DR_OVER] = true, [DR_HEAD] = true },
		[DR_HEAD] = { [DR_CONT] = true, [DR_SUB] = true },
		[DR_CONT] = { [DR_SUB] = true },
		[DR_SUB] = { [DR_SUB] = true },
	};
	if (!allowed[from][to])
		return DECK_NEVER;
	evidence tmp;
	if (!ev) {
		memset(&tmp, 0, sizeof tmp);
		ev = &tmp;
	}
	/* a plain subtitle line over a "——" one: the plain line is the
	 * headline, the line over it its kicker */
	if (from == DR_SUB && (UNIT(ps, k)->flags & UF_DASH_START) && !(UNIT(ps, k - 1)->flags & UF_DASH_START))
		ev_add(ev, S_T_SUB_SUB);
	/* "灯笼巷" / "（第三十七章）": an aside in brackets qualifies the line
	 * right over it, which is the headline, not a subtitle */
	if (from == DR_SUB && to == DR_SUB && wholly_bracketed(UNIT(ps, k)) && !wholly_bracketed(UNIT(ps, k - 1)))
		ev_add(ev, S_T_SUB_ASIDE);
	/* "护佑一方平安" / "守护万家灯火" / the headline: a kicker of two
	 * lines over it, not a broken headline over its subtitle (a line of
	 * detail with a comma under them is a subtitle: "今秋京城拍场" /
	 * "书画板块回暖明显" / "近代名家精品成交率超过八成，…") */
	if (from == DR_CONT && to == DR_SUB && !(UNIT(ps, k)->flags & (UF_DASH_START | UF_COMMA)) && !speaker_said(UNIT(ps, k)))
		ev_add(ev, S_T_CONT_SUB);
	/* "每周一题" / "黑先活", "职工书屋" / "书　签": a word over a plain
	 * line as short or shorter is its label over the piece's title; a
	 * subtitle tells more than its headline (a "——" line, a line of
	 * detail, an aside in brackets, a number filing it), never less */
	if (from == DR_HEAD && to == DR_SUB && (UNIT(ps, k - 1)->chars <= LABEL_MAX || genre_label_upto(UNIT(ps, k - 1), GENRE_LABEL_MAX)) &&
	    plain_short_under(ps, k))
		ev_add(ev, S_T_WORD_OVER);
	/* "巾帼风采" / "“羊倌”女支书带富一个村" / "——记…": a headline with
	 * a "——" subtitle stands on one line under its label; and a deck
	 * that has a "——" subtitle is the whole deck, its first line a
	 * kicker over the headline rather than half of it (the pages of
	 * three sets; no page of any set breaks a headline over a "——"
	 * subtitle) */
	if (from == DR_CONT && to == DR_SUB && (UNIT(ps, k)->flags & UF_DASH_START) && k >= 2) {
		if (UNIT(ps, k - 2)->chars <= LABEL_MAX && UNIT(ps, k - 1)->chars >= UNIT(ps, k - 2)->chars + 5)
			ev_add(ev, S_T_LABEL_DASH);
		else
			ev_add(ev, S_T_CONT_DASH);
	}
	return ev->score;
}

static void deck_facts_of(const parser *ps, size_t i, size_t n, deck_facts *df)
{
	memset(df, 0, sizeof *df);
	df->last = df->md = SIZE_MAX;
	df->n = n;
	df->signed_piece = i + n < ps->nunits && signs_contribution(UNIT(ps, i + n));
	size_t last = SIZE_MAX, last_any = SIZE_MAX;
	/* a brief's title taken out of its text under a markdown title
	 * ("# 简讯" / "**图书馆延长期末开放时间**　自…"): the markdown title
	 * labels the briefs, the brief's title is the headline */
	bool brief = false;
	for (size_t k = i; k < i + n; k++)
		brief |= UNIT(ps, k)->bracketed;
	for (size_t k = i; k < i + n; k++) {
		const unit *u = UNIT(ps, k);
		size_t x = k - i;
		if (u->kind == U_MDHEAD && df->md == SIZE_MAX && !brief)
			df->md = k;
		df->broken[x] = k > i ? (uint8_t)broken_headline(ps, k - 1, 2) : BROKEN_NONE;
		/* a markdown "#" title is the headline, commas and all */
		df->ok[x] = headline_eligible(ps, i, n, k) || df->md == k;
		if (!df->ok[x])
			continue;
		df->two[x] = two_phrases(u);
		/* in characters: half-width digits are set as wide as the rest
		 * of a headline's type */
		df->width[x] = u->chars;
		if (df->width[x] > df->widest)
			df->widest = df->width[x];
		last_any = k;
		if (!df->two[x])
			last = k;
	}
	/* two phrases count against a line only beside a line of one */
	df->single = last != SIZE_MAX;
	df->last = last_any;
}

/* Labels the deck [i, i+n) (n <= HEADER_MAX_LINES): role[k - i] for each
 * line; returns the headline's line. */
static size_t deck_roles(const parser *ps, size_t i, size_t n, uint8_t *role)
{
	if (n == 1) {
		role[0] = DR_HEAD;
		return i;
	}
	deck_facts df;
	deck_facts_of(ps, i, n, &df);
	int best[DECK_MAX][DR_N];
	uint8_t from[DECK_MAX][DR_N];
	for (int r = 0; r < DR_N; r++) {
		best[0][r] = r == DR_OVER || r == DR_HEAD ? deck_emit(ps, i, &df, i, r, NULL) : DECK_NEVER;
		from[0][r] = 0;
	}
	for (size_t x = 1; x < n; x++) {
		for (int r = 0; r < DR_N; r++) {
			int e = deck_emit(ps, i, &df, i + x, r, NULL);
			best[x][r] = DECK_NEVER;
			from[x][r] = 0;
			if (e <= DECK_NEVER)
				continue;
			for (int q = 0; q < DR_N; q++) {
				if (best[x - 1][q] <= DECK_NEVER)
					continue;
				int t = deck_transition(ps, i + x, q, r, NULL);
				if (t <= DECK_NEVER)
					continue;
				if (best[x - 1][q] + t + e > best[x][r]) {
					best[x][r] = best[x - 1][q] + t + e;
					from[x][r] = (uint8_t)q;
				}
			}
		}
	}
	int end = -1;
	for (int r = DR_HEAD; r < DR_N; r++)
		if (best[n - 1][r] > DECK_NEVER && (end < 0 || best[n - 1][r] > best[n - 1][end]))
			end = r;
	if (end < 0) {
		/* no line may be the headline: the first is */
		for (size_t x = 0; x < n; x++)
			role[x] = x ? DR_SUB : DR_HEAD;
		return i;
	}
	size_t head = i;
	for (size_t x = n; x-- > 0;) {
		role[x] = (uint8_t)end;
		if (end == DR_HEAD)
			head = i + x;
		end = from[x][end];
	}
	return head;
}

/* The evidence --explain shows for line k of the deck in its role: its
 * own, and the transition from the line above. */
static void deck_evidence(const parser *ps, size_t i, size_t n, const uint8_t *role, size_t k, evidence *ev)
{
	memset(ev, 0, sizeof *ev);
	if (n == 1 || !explain_out)
		return;
	deck_facts df;
	deck_facts_of(ps, i, n, &df);
	deck_emit(ps, i, &df, k, role[k - i], ev);
	if (k > i)
		deck_transition(ps, k, role[k - i - 1], role[k - i], ev);
}

static bool numbered_head(const unit *u);

/* "**匠心·传承**", "*——记省级非遗代表性传承人余秋生*": a deck line set
 * in markdown's bold or italic reads without the marks, as its headline
 * does. */
static doc_str deck_text(parser *ps, doc_str t)
{
	doc_str d = strip_emphasis(ps, t.s, t.len);
	/* ("*X*" in italics, "_X_" a chat's italics, "`X`" set as code:
	 * the marks are markup) */
	if (d.len > 2 && (d.s[0] == '*' || d.s[0] == '`' || d.s[0] == '_') && d.s[d.len - 1] == d.s[0] &&
	    !memchr(d.s + 1, d.s[0], d.len - 2))
		return doc_str_make(d.s + 1, d.len - 2);
	return d;
}

/* "春运首日" / "全局发送旅客68.3万人次" / "记者夏晨阳": a page's first story,
 * news a reporter signs, carries the page's fullest deck, and a short
 * plain line set tight over its headline is the kicker of that news; a
 * column's label heads the page's regular pieces, and stands apart or in
 * its marks, or names a kind of piece ("出行提示", see genre_label), or
 * heads a deck with a subtitle under its headline. Of such lines over the
 * development sets' first stories signed by a reporter, 8 are kickers and
 * 2 columns (展览, 新作首演); over any other story, 3 kickers and 122
 * columns. */
/* A kicker of a word over the lead: at most this many Han characters. */
enum { LEAD_KICKER_MAX = 6 };

/* plain: no mark, dot, bracket, quote, figure or space */
static bool plain_han(const unit *u)
{
	for (const char *p = u->s, *end = u->s + u->len; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!text_is_han(cp))
			return false;
	}
	return true;
}

/* "庆祝建党八十周年" / "我市举行大型文艺晚会" on a page that sets a blank
 * line between its paragraphs: one blank line under a line is the page's
 * tightest setting, so a plain line longer than any label (8 characters
 * or more; the sample's 民生实事面对面 and 聚焦青川科技周 are columns of
 * 7) one blank over the headline is set as tight as a kicker over it (as
 * label_like reads such a line tight on a page of no blank lines).
 * Unless the page names its subject again in a later title
 * ("聚焦第五届中蒙博览会" over one story, "云上中蒙博览会商品大集…" a
 * story later): a label heading a group of stories on its subject is a
 * column. Counted over the development sets: 2 kickers so set
 * (volunteer, wrap-05), 1 column (corpus 001, over a group), 1 broken
 * headline's first half (env-01). */
enum { SPACED_KICKER_MIN = 8, GROUP_REACH = 48, GROUP_RUN = 4, GROUP_LABEL_MAX = 16 };

static bool label_over_group(const parser *ps, const unit *label, size_t from)
{
	size_t off[GROUP_LABEL_MAX + 1], n = 0;
	for (const char *p = label->s, *end = label->s + label->len; p < end && n < GROUP_LABEL_MAX;) {
		uint32_t cp;
		off[n++] = (size_t)(p - label->s);
		p += text_decode(p, end, &cp);
	}
	off[n] = label->len;
	size_t end = ps->nunits < from + GROUP_REACH ? ps->nunits : from + GROUP_REACH;
	for (size_t k = from; k < end; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind != U_TITLE && v->kind != U_MDHEAD)
			continue;
		for (size_t w = 0; w + GROUP_RUN <= n; w++)
			if (memmem(v->s, v->len, label->s + off[w], off[w + GROUP_RUN] - off[w]))
				return true;
	}
	return false;
}

static bool lead_story_kicker(const parser *ps, const art *a, const unit *u, size_t below)
{
	if (ps->narts == 0 || a != ART(ps, ps->arts_base) || ps->arts_base != 0 || u->gap_after != 0 ||
	    u->kind != U_TITLE || bracketed_label(u) || genre_label(u) || below >= ps->nunits)
		return false;
	const unit *b = UNIT(ps, below);
	if (b->kind != U_BYLINE && b->kind != U_DATELINE)
		return false;
	size_t reach = b->len < 120 ? b->len : 120;
	if (!memmem(b->s, reach, "记者", 6) && !memmem(b->s, reach, "記者", 6))
		return false;
	/* plain: no mark, dot, bracket, quote, figure or space */
	return plain_han(u) && u->chars <= LEAD_KICKER_MAX;
}

/* "01｜柳溪老街改造提升工程完工", "③ | 报名开始", "【01】港口…": a
 * digest's item number set apart from its title by a vertical bar, as a
 * column's name is ("晨读｜…"), or by its brackets: the number files the
 * item, the title after it is the headline. Returns the bytes of the number (its text) in *num_len
 * and of number, bar and spaces together; 0 for none. A number run into
 * its title ("1. …", "① …", "01 …") is left to the headline, as those
 * pages' readers print it. */
static bool is_cjk_numeral(uint32_t cp);
static size_t digest_number(const char *s, size_t len, size_t *num_len)
{
	const char *p = s, *end = s + len;
	/* "【01】港口集装箱…": the number in brackets sets it apart */
	bool bracket = has_prefix(s, len, "【");
	if (bracket)
		p += 3;
	unsigned digits = 0;
	uint32_t cp = 0;
	while (p < end && digits < 3) {
		int k = text_decode(p, end, &cp);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || is_cjk_numeral(cp) ||
		      (!digits && ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x2776 && cp <= 0x277F)))))
			break;
		p += k;
		digits++;
		if (cp >= 0x2460 && cp <= 0x277F)
			break;      /* a circled number is one character (a full-width figure is not) */
	}
	if (!digits || digits > 2)
		return 0;
	if (bracket) {
		if (!has_prefix(p, (size_t)(end - p), "】"))
			return 0;
		p += 3;
		*num_len = (size_t)(p - s);
		p = text_skip_space(p, end);
		return p < end ? (size_t)(p - s) : 0;
	}
	*num_len = (size_t)(p - s);
	p = text_skip_space(p, end);
	if (p < end && *p == '|')
		p++;
	else if (has_prefix(p, (size_t)(end - p), "｜"))
		p += 3;
	else
		return 0;
	p = text_skip_space(p, end);
	return p < end ? (size_t)(p - s) : 0;
}

/* "玉  米  籽  粒" as the reader reads it, "玉米籽粒": a deck's line set
 * letter-spaced without the spaces between its Han characters (a copy;
 * spaces beside letters and figures stay). */
static doc_str unspaced_han(parser *ps, doc_str t)
{
	char *d = doc_arena_alloc(ps->issue, t.len);
	size_t n = 0;
	const char *p = t.s, *end = t.s + t.len;
	uint32_t before = 0;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (cp == ' ' && is_han(before)) {
			const char *q = p;
			while (q < end && *q == ' ')
				q++;
			if (q < end && is_han(first_cp(q, end))) {
				p = q;
				continue;
			}
		}
		memcpy(d + n, p, (size_t)k);
		n += (size_t)k;
		p += k;
		before = cp;
	}
	return doc_str_make(d, n);
}

static void read_header(parser *ps, art *a, size_t i, size_t n, const evidence *ev)
{
	uint8_t role[DECK_MAX];
	size_t m = n < DECK_MAX ? n : DECK_MAX;
	size_t head = deck_roles(ps, i, m, role);
	bool sub_below = false;
	for (size_t k = head + 1; k < i + m; k++)
		sub_below |= role[k - i] == DR_SUB;
	for (size_t k = i; k < i + n; k++) {
		const unit *u = UNIT(ps, k);
		int r = k < i + m ? role[k - i] : DR_SUB;
		doc_str t = deck_text(ps, md_text(u));
		if (u->spaced)
			t = unspaced_han(ps, t);
		const char *s = t.s;
		size_t len = t.len;
		evidence facts;
		deck_evidence(ps, i, m, role, k, &facts);
		if (r == DR_OVER) {
			/* two lines of as many characters over the headline are
			 * a couplet of slogans: the kicker, not a column label */
			const unit *v = k + 1 < i + m && role[k + 1 - i] == DR_OVER ? UNIT(ps, k + 1) : NULL;
			bool couplet = v && v->chars == u->chars && u->chars >= 4 && !bracketed_label(u) &&
				       !memmem(u->s, u->len, "·", 2);
			/* a phrase of time tells when this story's news
			 * happened: its kicker, never a section's name */
			bool timed = context_closing(u);
			if (timed)
				ev_add(&facts, S_F_TIME_CLOSING);
			/* (and a series' name heads each of its stories) */
			bool series = series_part(u);
			/* --explain: why it is not the first half of the line
			 * under it */
			if (explain_out && k + 1 < i + m && role[k + 1 - i] == DR_HEAD && broken_headline(ps, k, 2) == BROKEN_PHRASE &&
			    whole_under_unnamed(ps, i + m, u, UNIT(ps, k + 1)))
				ev_add(&facts, S_D_WHOLE_UNDER);
			bool lead = k == i && k + 1 < i + m && role[k + 1 - i] == DR_HEAD && !sub_below &&
				    lead_story_kicker(ps, a, u, i + n);
			if (lead)
				ev_add(&facts, S_F_LEAD_KICKER);
			bool spaced_kicker = k == i && k + 1 < i + m && role[k + 1 - i] == DR_HEAD && ps->pf.blank_rhythm &&
					     u->gap_after == 1 && u->chars >= SPACED_KICKER_MIN && plain_han(u) &&
					     !label_over_group(ps, u, i + n);
			if (k == i && !couplet && !timed && !series && !lead && !spaced_kicker &&
			    (looks_like_column(u, sub_below) || lead_calls_column(ps, i + n, md_text(u))) &&
			    !a->field[DOC_F_COLUMN].len) {
				a->field[DOC_F_COLUMN] = doc_str_make(s, len);
				ps->bracket_columns |= bracketed_label(u);
				ev_add(&facts, S_F_COLUMN);
				explain_deck(ps, k, "column", NULL, &facts);
			} else {
				a->field[DOC_F_KICKER] = join_lines(ps, a->field[DOC_F_KICKER], s, len, " ");
				explain_deck(ps, k, "kicker", NULL, &facts);
			}
		} else if (r == DR_HEAD) {
			if (u->flags & UF_OVER_DASH)
				ev_add(&facts, S_F_OVER_DASH);
			explain_deck(ps, k, "headline", ev, &facts);
			a->numbered = numbered_head(u);
			/* "·端芬镇侨批文物馆新展开幕" over its text: a list's
			 * middle dot marks the item, it is no character of its
			 * title (as for a title run into its text) */
			size_t dot = has_prefix(s, len, "·") ? 2 : has_prefix(s, len, "・") ? 3 : 0;
			if (dot) {
				const char *t0 = text_skip_space(s + dot, s + len);
				if (t0 < s + len) {
					len -= (size_t)(t0 - s);
					s = t0;
				}
			}
			const char *sub = inline_subtitle(s, len);
			if (k + 1 < i + m && role[k + 1 - i] == DR_CONT) {
				doc_str y = md_text(UNIT(ps, k + 1));
				a->field[DOC_F_HEADLINE] = join_text(ps, s, len, y.s, y.len);
			} else if (sub) {
				const char *hend = text_trim_end(s, sub);
				a->field[DOC_F_HEADLINE] = strip_emphasis(ps, s, (size_t)(hend - s));
				a->field[DOC_F_SUBTITLE] = doc_str_make(sub, (size_t)(s + len - sub));
			} else {
				size_t num_len = 0, skip = a->field[DOC_F_COLUMN].len ? 0 : digest_number(s, len, &num_len);
				if (skip)
					a->field[DOC_F_COLUMN] = doc_str_make(s, num_len);
				a->field[DOC_F_HEADLINE] = strip_emphasis(ps, s + skip, len - skip);
			}
		} else if (r == DR_CONT) {
			ev_add(&facts, S_F_BROKEN);
			explain_deck(ps, k, "headline", NULL, &facts);
		} else if (first_cp(s, s + len) == 0x25A1 && !a->field[DOC_F_BYLINE].len) {
			/* "□ 文学院2023级　宋知夏" under the headline: its byline */
			a->field[DOC_F_BYLINE] = doc_str_make(s, len);
			explain(ps, k, "byline", NULL);
		} else {
			a->field[DOC_F_SUBTITLE] = join_lines(ps, a->field[DOC_F_SUBTITLE], s, len, " ");
			explain_deck(ps, k, "subtitle", NULL, &facts);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Captions */

/* The Han character pairs of an article's headline fields and the start
 * of its body, as a set of hashes: captions are matched against it. */
typedef struct bigram_set {
	uint32_t *slot;
	size_t cap;             /* power of two; 0 = not built */
} bigram_set;

enum { BIGRAM_BODY_BYTES = 1500 };

static inline __attribute__((always_inline)) uint32_t bigram_hash(const char *p, size_t n)
{
	uint64_t v = 0;
	if (n == 6)
		memcpy(&v, p, 6);       /* two three-byte characters: no call */
	else
		memcpy(&v, p, n < 8 ? n : 8);
	return (uint32_t)((v * 0x9E3779B97F4A7C15ULL) >> 32) | 1;
}

/* The slot of hash h in an open-addressed table of cap (a power of two)
 * slots, or the empty slot where it would go (hashes are never 0). */
static inline __attribute__((always_inline)) size_t hash_slot(const uint32_t *slot, size_t cap, uint32_t h)
{
	size_t i = h & (cap - 1);
	while (slot[i] && slot[i] != h)
		i = (i + 1) & (cap - 1);
	return i;
}

static void bigram_add(bigram_set *set, size_t *count, uint32_t h)
{
	size_t i = hash_slot(set->slot, set->cap, h);
	if (!set->slot[i]) {
		set->slot[i] = h;
		(*count)++;
	}
}

static bool bigram_has(const bigram_set *set, uint32_t h)
{
	return set->slot[hash_slot(set->slot, set->cap, h)] == h;
}

/* Calls fn for every pair of adjacent Han characters in s. */
static inline __attribute__((always_inline)) void each_bigram(const char *s, size_t len,
								 void (*fn)(void *, uint32_t), void *ctx)
{
	/* the pairs of text_han_pairs, each character decoded once; an
	 * absent text (len 0) may have no pointer: no arithmetic on it.
	 * Inlined with its fn: one call per pair was most of a walk. */
	if (!len)
		return;
	const char *p = s, *end = s + len, *prev = NULL;
	while (p < end) {
		uint32_t c;
		int n;
		unsigned char b = (unsigned char)*p;
		/* E5..E9 and two continuation bytes: U+5000..U+9FFF, all Han */
		if (b >= 0xE5 && b <= 0xE9 && end - p >= 3 && ((unsigned char)p[1] & 0xC0) == 0x80 &&
		    ((unsigned char)p[2] & 0xC0) == 0x80) {
			/* (the usual case, taken at once: a pair of two of
			 * these is six bytes) */
			if (prev)
				fn(ctx, bigram_hash(prev, (size_t)(p + 3 - prev)));
			prev = p;
			p += 3;
			continue;
		} else {
			n = text_decode(p, end, &c);
		}
		if (!text_is_han(c)) {
			prev = NULL;
		} else {
			if (prev)
				fn(ctx, bigram_hash(prev, (size_t)(p + n - prev)));
			prev = p;
		}
		p += n;
	}
}

typedef struct bigram_fill {
	bigram_set *set;
	size_t count;
} bigram_fill;

static void fill_one(void *ctx, uint32_t h)
{
	bigram_fill *f = ctx;
	bigram_add(f->set, &f->count, h);
}

static void bigram_build(bigram_set *set, const art *a, bool headline)
{
	/* room for every pair at half load: one pair per 3 bytes at most */
	size_t bytes = 0;
	if (headline)
		for (int fl = DOC_F_KICKER; fl <= DOC_F_SUBTITLE; fl++)
			bytes += a->field[fl].len;
	else
		bytes = BIGRAM_BODY_BYTES;
	set->cap = 16;
	while (set->cap < 2 * (bytes / 3 + 1))
		set->cap *= 2;
	set->slot = util_calloc(set->cap, sizeof(uint32_t));
	bigram_fill f = { set, 0 };
	if (headline) {
		for (int fl = DOC_F_KICKER; fl <= DOC_F_SUBTITLE; fl++)
			each_bigram(a->field[fl].s, a->field[fl].len, fill_one, &f);
		return;
	}
	size_t budget = BIGRAM_BODY_BYTES;
	for (size_t k = 0; k < a->nparts && budget; k++) {
		size_t n = a->parts[k].len < budget ? a->parts[k].len : budget;
		each_bigram(a->parts[k].s, n, fill_one, &f);
		budget -= n;
		if (f.count * 2 > set->cap)
			break;
	}
}

typedef struct bigram_count {
	const bigram_set *head, *body;
	size_t score;
} bigram_count;

static void count_one(void *ctx, uint32_t h)
{
	bigram_count *c = ctx;
	c->score += bigram_has(c->head, h) ? 3 : 0;
	c->score += bigram_has(c->body, h) ? 1 : 0;
}

typedef struct art_bigrams {
	bigram_set head, body;
} art_bigrams;

static void art_bigrams_build(art_bigrams *b, const art *a)
{
	bigram_build(&b->head, a, true);
	bigram_build(&b->body, a, false);
}

static void art_bigrams_free(art_bigrams *b)
{
	free(b->head.slot);
	free(b->body.slot);
}

/* How much a caption's sentence shares with an article: each shared pair
 * counts 3 in the headline fields and 1 in the body. */
static size_t bigram_score(const char *cap, size_t caplen, const art_bigrams *b)
{
	bigram_count c = { &b->head, &b->body, 0 };
	each_bigram(cap, caplen, count_one, &c);
	return c.score;
}

/* The captions of a group scored against both neighbours with no set of
 * an article's pairs: the captions' pairs go into a small table, and one
 * walk over each neighbour's headline fields and body start (the text
 * bigram_build reads, with the same budget) marks the pairs it holds.
 * A caption then scores as bigram_score would against the sets of
 * art_bigrams_build: 3 for each of its pairs in the headline fields, 1
 * in the body (the pairs are compared by the same hashes). The body's
 * early stop in bigram_build (more pairs than half its table) cannot
 * happen: 1500 bytes hold at most 500 pairs, the table 1024. */
enum { MARK_PREV_HEAD = 1, MARK_PREV_BODY = 2, MARK_NEXT_HEAD = 4, MARK_NEXT_BODY = 8 };

typedef struct caption_pairs {
	uint32_t *slot;         /* hashes (0: empty) */
	uint8_t *mark;          /* MARK_* of each slot */
	size_t cap;             /* power of two */
	uint8_t bit;            /* the mark being set by mark_one */
	size_t prev, next;      /* the scores being summed by score_one */
	uint64_t second[64];    /* the low 12 bits of each pair's second character */
} caption_pairs;

static inline __attribute__((always_inline)) uint8_t *caption_pair_mark(const caption_pairs *t, uint32_t h)
{
	size_t i = hash_slot(t->slot, t->cap, h);
	return t->slot[i] ? &t->mark[i] : NULL;
}

static inline __attribute__((always_inline)) void caption_pair_add(void *ctx, uint32_t h)
{
	caption_pairs *t = ctx;
	t->slot[hash_slot(t->slot, t->cap, h)] = h;
}

/* The Han character at p (of each_bigram's reading) and its bytes, or 0. */
static inline __attribute__((always_inline)) int han_at(const char *p, const char *end, uint32_t *key)
{
	unsigned char b = (unsigned char)*p;
	if (b >= 0xE5 && b <= 0xE9 && end - p >= 3 && ((unsigned char)p[1] & 0xC0) == 0x80 &&
	    ((unsigned char)p[2] & 0xC0) == 0x80) {
		*key = (uint32_t)((unsigned char)p[1] & 0x3F) << 6 | ((unsigned char)p[2] & 0x3F);
		return 3;
	}
	uint32_t c;
	int n = text_decode(p, end, &c);
	*key = c & 0xFFF;
	return text_is_han(c) ? n : -n;
}

typedef void han_pair_fn(caption_pairs *t, const char *prev, const char *cur, int n, uint32_t key);

/* Calls pair for every two Han characters side by side in s: prev is
 * the first's start, cur the second's (n bytes; key, its low 12 bits).
 * Runs of U+5000..U+9FFF (han_at's first case), most of a Chinese text,
 * go through a loop of their own. Inline, so each caller's pair is too. */
static inline void han_pairs(caption_pairs *t, const char *s, size_t len, han_pair_fn *pair)
{
	if (!len)
		return; /* s may be NULL: no offset on it */
	const char *p = s, *end = s + len, *prev = NULL;
	while (p < end) {
		while (end - p >= 3 && (unsigned char)(*p - 0xE5) <= 4 && ((unsigned char)p[1] & 0xC0) == 0x80 &&
		       ((unsigned char)p[2] & 0xC0) == 0x80) {
			uint32_t k = (uint32_t)((unsigned char)p[1] & 0x3F) << 6 | ((unsigned char)p[2] & 0x3F);
			if (prev)
				pair(t, prev, p, 3, k);
			prev = p;
			p += 3;
		}
		if (p >= end)
			break;
		uint32_t key;
		int n = han_at(p, end, &key);
		if (n < 0) {
			prev = NULL;
			p -= n;
			continue;
		}
		if (prev)
			pair(t, prev, p, n, key);
		prev = p;
		p += n;
	}
}

static inline void second_add(caption_pairs *t, const char *prev, const char *cur, int n, uint32_t key)
{
	(void)prev, (void)cur, (void)n;
	t->second[key >> 6] |= (uint64_t)1 << (key & 63);
}

/* The captions' pairs: their hashes in the table, their second
 * characters in the filter. */
static void caption_pairs_add(caption_pairs *t, const char *s, size_t len)
{
	each_bigram(s, len, caption_pair_add, t);
	han_pairs(t, s, len, second_add);
}

static inline void pair_mark(caption_pairs *t, const char *prev, const char *cur, int n, uint32_t key)
{
	if (!(t->second[key >> 6] >> (key & 63) & 1))
		return;
	uint8_t *m = caption_pair_mark(t, bigram_hash(prev, (size_t)(cur + n - prev)));
	if (m)
		*m |= t->bit;
}

/* each_bigram's pairs of s marked, those whose second character is in
 * no pair of the captions passed over unhashed. */
static void mark_walk(caption_pairs *t, const char *s, size_t len)
{
	han_pairs(t, s, len, pair_mark);
}

static void mark_article(caption_pairs *t, const art *a, uint8_t head_bit, uint8_t body_bit)
{
	t->bit = head_bit;
	for (int fl = DOC_F_KICKER; fl <= DOC_F_SUBTITLE; fl++)
		mark_walk(t, a->field[fl].s, a->field[fl].len);
	t->bit = body_bit;
	size_t budget = BIGRAM_BODY_BYTES;
	for (size_t k = 0; k < a->nparts && budget; k++) {
		size_t n = a->parts[k].len < budget ? a->parts[k].len : budget;
		mark_walk(t, a->parts[k].s, n);
		budget -= n;
	}
}

static inline __attribute__((always_inline)) void score_one(void *ctx, uint32_t h)
{
	caption_pairs *t = ctx;
	uint8_t m = *caption_pair_mark(t, h);
	t->prev += (m & MARK_PREV_HEAD ? 3u : 0u) + (m & MARK_PREV_BODY ? 1u : 0u);
	t->next += (m & MARK_NEXT_HEAD ? 3u : 0u) + (m & MARK_NEXT_BODY ? 1u : 0u);
}

static void push_floating(parser *ps, const char *s, size_t len)
{
	floating f = { { s, (uint32_t)len, DOC_CAPTION, 0 }, ps->narts ? ps->narts - 1 : SIZE_MAX, SIZE_MAX };
	UTIL_PUSH(ps->floating, ps->nfloating, ps->floating_cap, f);
}

/* The article just started follows the captions still waiting for one. */
static void floating_meet_next(parser *ps)
{
	for (size_t i = ps->nfloating; i > 0 && ps->floating[i - 1].next == SIZE_MAX; i--)
		ps->floating[i - 1].next = ps->narts - 1;
}

static void prepend_parts(art *a, const part *lead, size_t n)
{
	util_grow((void **)&a->parts, &a->cap, a->nparts + n, sizeof(part));
	memmove(a->parts + n, a->parts, a->nparts * sizeof(part));
	memcpy(a->parts, lead, n * sizeof(part));
	a->nparts += n;
}

/* A caption of the page, with where its credit starts, found now that its
 * text is at hand (a mapped file lets it go behind the parser). */
static void add_page_caption(parser *ps, const part *c)
{
	size_t cap = ps->captions_cap;
	UTIL_PUSH(ps->captions, ps->ncaptions, ps->captions_cap, doc_str_make(c->s, c->len));
	if (cap != ps->captions_cap)
		ps->caption_credits = util_reallocarray(ps->caption_credits, ps->captions_cap,
							sizeof *ps->caption_credits);
	ps->caption_credits[ps->ncaptions - 1] = (uint32_t)pattern_credit_start(c->s, c->len);
}

/* Places the captions found between articles once both neighbours are
 * complete (`all`: at the end of the page): a gallery (three or more
 * together) stays on the page; each other caption goes to the neighbour
 * it shares most words with (the previous one on a tie), or to the page
 * when it shares none. */
static void place_floating(parser *ps, bool all)
{
	size_t i = 0;
	while (i < ps->nfloating) {
		size_t next_index = ps->floating[i].next;
		if (!all && (next_index == SIZE_MAX || next_index >= ps->closed))
			break;      /* groups come in order: the rest wait too */
		size_t j = i;
		while (j < ps->nfloating && ps->floating[j].prev == ps->floating[i].prev &&
		       ps->floating[j].next == next_index)
			j++;
		art *prev = ps->floating[i].prev != SIZE_MAX ? ART(ps, ps->floating[i].prev) : NULL;
		art *next = next_index != SIZE_MAX ? ART(ps, next_index) : NULL;
		part *lead = NULL;
		size_t nlead = 0, lead_cap = 0;
		bool gallery = j - i >= 3;
		/* (a group of one or two: its captions' credits and pairs) */
		size_t credit[2] = { 0, 0 };
		caption_pairs t = { 0 };
		if (!gallery && (prev || next)) {
			size_t bytes = 0;
			for (size_t k = i; k < j; k++) {
				const part *c = &ps->floating[k].cap;
				credit[k - i] = pattern_credit_start(c->s, c->len);
				bytes += credit[k - i];
			}
			t.cap = 16;
			while (t.cap < 2 * (bytes / 3 + 1))
				t.cap *= 2;
			t.slot = util_calloc(t.cap, sizeof *t.slot);
			t.mark = util_calloc(t.cap, sizeof *t.mark);
			for (size_t k = i; k < j; k++)
				caption_pairs_add(&t, ps->floating[k].cap.s, credit[k - i]);
			if (prev)
				mark_article(&t, prev, MARK_PREV_HEAD, MARK_PREV_BODY);
			if (next)
				mark_article(&t, next, MARK_NEXT_HEAD, MARK_NEXT_BODY);
		}
		for (size_t k = i; k < j; k++) {
			part *c = &ps->floating[k].cap;
			t.prev = t.next = 0;
			if (!gallery && (prev || next))
				each_bigram(c->s, credit[k - i], score_one, &t);
			size_t sp = prev ? t.prev : 0;
			size_t sn = next ? t.next : 0;
			if (gallery || (sp == 0 && sn == 0))
				add_page_caption(ps, c);
			else if (sn > sp)
				UTIL_PUSH(lead, nlead, lead_cap, *c);
			else
				add_part(prev, DOC_CAPTION, c->s, c->len);
		}
		if (nlead)
			prepend_parts(next, lead, nlead);
		free(lead);
		free(t.slot);
		free(t.mark);
		i = j;
	}
	if (i) {
		memmove(ps->floating, ps->floating + i, (ps->nfloating - i) * sizeof *ps->floating);
		ps->nfloating -= i;
	}
}

/* The next unit that is not a caption or credit, from i. */
static size_t skip_captions(const parser *ps, size_t i)
{
	while (i < ps->nunits && (UNIT(ps, i)->kind == U_CAPTION || UNIT(ps, i)->kind == U_CREDIT))
		i++;
	return i;
}

/* "图为…", "上图：…": a caption says what the picture shows. */
static bool caption_opening(const unit *u)
{
	/* every opening starts with 图 圖 上 下 左 右 (E5 9B BE, E5 9C 96,
	 * E4 B8 8A, E4 B8 8B, E5 B7 A6, E5 8F B3): a byte first */
	if (u->len < 6 || ((unsigned char)u->s[0] != 0xE4 && (unsigned char)u->s[0] != 0xE5))
		return false;
	static const char *const openings[] = {
		"图为", "圖為", "上图", "下图", "左图", "右图", "上圖", "下圖", "左圖", "右圖", "图：", "圖：",
	};
	for (size_t k = 0; k < sizeof openings / sizeof *openings; k++)
		if (has_prefix(u->s, u->len, openings[k]))
			return true;
	return false;
}

/* "陈德胜（右2）向记者讲解…。", "商總理事長施漢生（左三）與…。": who
 * stands where in the picture, a name of a few characters (after a mark,
 * "图：" or "图为") then its place in brackets (左, 右, 中, 左三, 右2,
 * 前排左一, 左起) and what he does: one sentence, what follows it (a
 * credit, "（記者X／攝影）") a short tail without a stop. Only a caption
 * says where a person stands. */
static bool position_caption(const unit *u)
{
	if (u->len < 18 || u->chars > CAPTION_MAX_CHARS * 2)
		return false;
	const char *s = u->s, *end = u->s + u->len;
	/* cheap first, bytes only: a bracket among the first sixteen
	 * characters (48 bytes at most) */
	if (!pattern_open_paren_within(s, u->len, 51))
		return false;
	/* the marker's bracket among the first sixteen characters */
	const char *p = s;
	uint32_t cp = 0;
	int han = 0;
	for (int k = 0; p < end && k < 16; k++) {
		const char *q = p;
		p += text_decode(p, end, &cp);
		if (cp == 0xFF08 || cp == '(') {
			p = q;
			break;
		}
		if (is_han(cp))
			han++;
		else if (k > 2 && cp != 0x00B7 && cp != 0x30FB)
			return false;   /* (a mark, "图：" first; then only the name) */
	}
	if (p >= end || han < 2 || !(cp == 0xFF08 || cp == '('))
		return false;
	p += cp == '(' ? 1 : 3;
	static const char *const rows[] = { "前排", "后排", "後排", "中排" };
	for (size_t k = 0; k < sizeof rows / sizeof *rows; k++)
		if (has_prefix(p, (size_t)(end - p), rows[k])) {
			p += 6;
			break;
		}
	if (!(has_prefix(p, (size_t)(end - p), "左") || has_prefix(p, (size_t)(end - p), "右") ||
	      has_prefix(p, (size_t)(end - p), "中")))
		return false;
	p += 3;
	/* its number: 2, 三, 起 */
	for (int k = 0; k < 2 && p < end; k++) {
		int n = text_decode(p, end, &cp);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x8D77 /* 起 */ ||
		      cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 || cp == 0x516D ||
		      cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D))     /* 一 to 九 */
			break;
		p += n;
	}
	if (!(has_prefix(p, (size_t)(end - p), "）") || (p < end && *p == ')')))
		return false;
	p += *p == ')' ? 1 : 3;
	/* what he does, in words (not a table's cells: "白虾（中）　　300") */
	if (p >= end || !is_han(first_cp(p, end)))
		return false;
	/* one sentence; after its stop at most a short tail (a credit) */
	const char *stop = NULL;
	for (const char *q = p; q < end;) {
		const char *r = q;
		q += text_decode(q, end, &cp);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
			stop = r;
			break;
		}
	}
	if (!stop)
		return false;
	const char *tail = stop + 3;
	if (end - tail > 3 * 20)
		return false;
	for (const char *q = tail; q < end;) {
		q += text_decode(q, end, &cp);
		if (cp == 0x3002 || cp == 0xFF0C || cp == 0xFF01 || cp == 0xFF1F)
			return false;
	}
	return true;
}

/* A short single sentence isolated by a big gap: a caption without credit. */
/* "①　普建华在巡山途中…。": a short sentence numbered by a circled
 * figure and a space, one of two or more in a row. */
static bool numbered_caption_line(const unit *u)
{
	if (u->kind != U_PARA || !(u->flags & UF_TERMINATED) || (u->flags & UF_SENTENCE) || u->chars > CAPTION_MAX_CHARS ||
	    u->len < 6)
		return false;
	uint32_t cp;
	int k = text_decode(u->s, u->s + u->len, &cp);
	return cp >= 0x2460 && cp <= 0x2473 && text_is_space(first_cp(u->s + k, u->s + u->len));
}

/* Numbered captions (①　… ②　…) under a story whose byline names its
 * pictures (文/图, 摄): the pictures' captions, not its text. */
static bool numbered_caption(const parser *ps, size_t i, const art *a)
{
	if (!a || a->cut || !numbered_caption_line(UNIT(ps, i)))
		return false;
	doc_str by = a->field[DOC_F_BYLINE];
	if (!by.len || !(memmem(by.s, by.len, "图", 3) || memmem(by.s, by.len, "圖", 3) || memmem(by.s, by.len, "摄", 3) ||
			 memmem(by.s, by.len, "攝", 3)))
		return false;
	return (i + 1 < ps->nunits && numbered_caption_line(UNIT(ps, i + 1))) ||
	       (i > ps->units_base && numbered_caption_line(UNIT(ps, i - 1)));
}

static bool is_bare_caption(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (numbered_caption(ps, i, a))
		return true;
	if (u->kind == U_PARA && u->chars <= CAPTION_MAX_CHARS * 2 && caption_opening(u) && !(a && a->cut))
		return true;
	/* (inside a cut paragraph, "图为…" over its credit is a photo's
	 * caption dropped there: held until the paragraph is whole) */
	if (u->kind == U_PARA && u->chars <= CAPTION_MAX_CHARS * 2 && caption_opening(u) && i + 1 < ps->nunits &&
	    UNIT(ps, i + 1)->kind == U_CREDIT && UNIT(ps, i + 1)->gap <= 1)
		return true;
	/* who stands where in the picture ("X（右2）向…。"), once the story
	 * has text (its first paragraph under the headline stays its text) */
	if (u->kind == U_PARA && !(a && a->cut) && !(a && !a->ended && a->field[DOC_F_HEADLINE].len && !art_has_body(a)) &&
	    position_caption(u))
		return true;
	if (u->kind != U_PARA || !(u->flags & UF_TERMINATED) || u->chars > CAPTION_MAX_CHARS)
		return false;
	if (u->gap < BIG_GAP || (a && a->cut))
		return false;
	if (i + 1 >= ps->nunits)
		return false;   /* a last short paragraph after a photo */
	/* the first paragraph under a headline that has no text yet, the
	 * next story right under it: the story's text, or it would have none */
	if (a && !a->ended && a->field[DOC_F_HEADLINE].len && !art_has_body(a))
		return false;
	const unit *next = UNIT(ps, i + 1);
	if (next->kind == U_CAPTION || next->kind == U_CREDIT || u->gap_after >= BIG_GAP)
		return true;
	size_t n = title_run(ps, i + 1);
	return n && run_starts_article(ps, i + 1, n, false);
}

/* ------------------------------------------------------------------ */
/* Pass 3: segment */

/* A short sentence whose next line, or next block, is a photo credit. */
static bool sentence_before_credit(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	return !(a && a->cut) && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_CREDIT &&
	       UNIT(ps, i + 1)->gap <= 1 && u->chars <= CAPTION_MAX_CHARS;
}

static bool ends_with_dash(const unit *u)
{
	return u->len >= 3 && memcmp(u->s + u->len - 3, "—", 3) == 0;
}

static bool art_has_jump(const art *a)
{
	for (size_t k = 0; k < a->nparts; k++)
		if (a->parts[k].type == DOC_JUMP)
			return true;
	return false;
}

static bool art_has_subhead(const art *a)
{
	unsigned n = 0;
	for (size_t k = 0; k < a->nparts; k++)
		n += a->parts[k].type == DOC_SUBHEAD;
	return n > a->table_heads;
}

/* An end mark that names who wrote the story or where it was filed. */
/* An end mark with a dateline of its own: "（新华社米兰2月9日电　记者 X）". */
static bool end_mark_filed(const unit *u)
{
	pattern_dateline dm;
	return u->kind == U_END && u->len > 6 && pattern_match_dateline(u->s + 3, u->len - 6, &dm) &&
	       dm.date_end > dm.date_start;
}

static bool end_mark_signs(const unit *u)
{
	if (end_mark_author(u->s, u->len).len)
		return true;
	pattern_dateline dm;
	return u->len > 6 && pattern_match_dateline(u->s + 3, u->len - 6, &dm) && dm.date_end > dm.date_start;
}

static bool signature_over_date(const parser *ps, size_t i);

/* The longest issuer's name signing a notice. */
enum { ISSUER_MAX_CHARS = 24 };

/* The paragraphs from unit j on (one at least) close with a line of
 * its issuer right over a date alone (see signature_over_date); on a
 * page that indents its paragraphs the issuer's line, indented, reads
 * as a paragraph: a short one with no sentence in it, over the date. */
static bool signed_and_dated(const parser *ps, size_t j)
{
	size_t k = j;
	while (k < ps->nunits && k < j + 40 && UNIT(ps, k)->kind == U_PARA)
		k++;
	if (k == j || k >= j + 40 || k >= ps->nunits)
		return false;
	if (signature_over_date(ps, k))
		return true;
	const unit *sig = UNIT(ps, k - 1), *date = UNIT(ps, k);
	return k - 1 > j && date->kind == U_END && date->gap == 0 && date_only_line(date->s, date->len) &&
	       sig->chars <= ISSUER_MAX_CHARS && !(sig->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END | UF_COMMA));
}

/* The paragraphs after a title run close with "(author)", an author's
 * line or an end mark naming the author before anything else starts: the
 * title heads a story of its own. */
static bool body_ends_with_author(const parser *ps, size_t i)
{
	size_t last = SIZE_MAX, k;
	for (k = i; k < ps->nunits && k < i + 40; k++) {
		uint8_t kind = UNIT(ps, k)->kind;
		if (kind == U_PARA && !caption_opening(UNIT(ps, k)))
			last = k;
		else if (kind != U_CAPTION && kind != U_CREDIT && kind != U_PARA)
			break;
	}
	if (last == SIZE_MAX)
		return false;
	size_t paren, ns, ne;
	if (pattern_match_trailing_byline(UNIT(ps, last)->s, UNIT(ps, last)->len, &paren, &ns, &ne))
		return true;
	/* "（新华社米兰2月9日电　记者 孙晓峰）", "（本报记者 X）" under the body */
	if (k == last + 1 && k < ps->nunits && UNIT(ps, k)->kind == U_END && end_mark_signs(UNIT(ps, k)))
		return true;
	/* a signature line after the body, where the story ends */
	if (k == last + 1 && k < ps->nunits && k < i + 40 &&
	    (UNIT(ps, k)->kind == U_BYLINE || UNIT(ps, k)->kind == U_NAMES) &&
	    (UNIT(ps, last)->flags & UF_TERMINATED)) {
		if (k + 1 >= ps->nunits)
			return true;
		uint8_t after = UNIT(ps, k + 1)->kind;
		return after == U_TITLE || after == U_MDHEAD || after == U_PAGEHEAD ||
		       UNIT(ps, k + 1)->gap >= ps->pf.big_gap;
	}
	return false;
}

static bool repeats_article(const art *a, const unit *u);

/* The label of a box printed inside a story: what follows belongs to it. */
static bool sidebar_label(const unit *u)
{
	static const char *const labels[] = {
		"相关链接", "相关新闻", "新闻链接", "延伸阅读", "背景链接", "小贴士", "记者手记", "链接", "背景",
		"相關鏈接", "相關新聞", "新聞鏈接", "延伸閱讀", "記者手記", "鏈接",
	};
	const char *s = u->s, *e = u->s + u->len;
	while (e - s > 2 && (*s == '*' || *s == '_') && (e[-1] == '*' || e[-1] == '_'))
		s++, e--;       /* "*相关链接*", "**延伸阅读**" */
	if (has_prefix(s, (size_t)(e - s), "【") && e - s > 6 && memcmp(e - 3, "】", 3) == 0)
		s += 3, e -= 3;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if ((size_t)(e - s) == strlen(labels[k]) && memcmp(s, labels[k], (size_t)(e - s)) == 0)
			return true;
	return false;
}

/* The label of a comment on the story above it (S_AFTERWORD). */
static bool afterword_label(const unit *u)
{
	static const char *const labels[] = {
		"编后", "编后语", "专家点评", "編後", "編後語", "專家點評",
	};
	const char *s = u->s, *e = u->s + u->len;
	if (has_prefix(s, u->len, "【") && e - s > 6 && memcmp(e - 3, "】", 3) == 0)
		s += 3, e -= 3;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if ((size_t)(e - s) == strlen(labels[k]) && memcmp(s, labels[k], (size_t)(e - s)) == 0)
			return true;
	return false;
}

/* A title naming a subject, then the kind of box that explains it:
 * "芋頭小常識", "国标舞小词典", "藤籃保養有訣竅" (S_TIPS_BOX). The kind
 * alone ("小贴士") is a sidebar_label of the story. */
static bool tips_box_title(const unit *u)
{
	/* (each kind three characters of three bytes) */
	static const char kinds[][10] = {
		"小知识", "小常识", "小贴士", "小词典", "小百科", "小窍门", "有诀窍", "小课堂",
		"小知識", "小常識", "小貼士", "小詞典", "小竅門", "有訣竅", "小課堂",
	};
	/* "冬季金桔园管理要点", "高处作业安全要点", "冬季出行须知": the
	 * points or rules of a subject (each kind two characters) */
	static const char *const points[] = { "要点", "要點", "须知", "須知" };
	const char *s = u->s, *e = u->s + u->len;
	if (has_prefix(s, u->len, "【") && e - s > 6 && memcmp(e - 3, "】", 3) == 0)
		s += 3, e -= 3;
	if (e - s < 9 + 6)
		return false;   /* a subject of two characters at least before the kind */
	uint32_t z = last_cp(s, e, NULL);
	if (z == 0x70B9 || z == 0x9EDE || z == 0x77E5)  /* 点 點 知 */
		return ends_with_any(s, (size_t)(e - s), points, sizeof points / sizeof *points);
	switch (z) {  /* (most titles end otherwise: no compare) */
	case 0x8BC6: case 0x8B58: case 0x58EB: case 0x5178: case 0x79D1:        /* 识 識 士 典 科 */
	case 0x95E8: case 0x9580: case 0x7A8D: case 0x7AC5: case 0x5802:        /* 门 門 窍 竅 堂 */
		break;
	default:
		return false;
	}
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (memcmp(e - 9, kinds[k], 9) == 0)
			return true;
	return false;
}

/* An article with no headline and no text yet: nothing, or only a byline
 * printed above the headline ("本报评论员"), or a jump line ("接A01版")
 * opening a continued story, or a dateline alone on its line ("【本報消息】"
 * over each headline of the page). The next headline is its own. */
static bool headless_stub(const art *a)
{
	if (a->field[DOC_F_HEADLINE].len || a->ended)
		return false;
	if (a->note)
		return true;    /* an editor's note waiting for its headline */
	for (size_t k = 0; k < a->nparts; k++)
		if (a->parts[k].type != DOC_JUMP)
			return false;
	return true;
}

/* The evidence that a title run [i, i+n) heads a new story rather than
 * being a subhead of the open one (see the signal table). */
/* What the evidence needs to know of the story open before a title run:
 * read from the article itself, or, for the runs further ahead that the
 * planner weighs, from the units between and the roles it tries. */
typedef struct shape {
	bool any;               /* an article is open */
	bool body;              /* it has text */
	bool ended;             /* closed: jump line, (author), （完）, 供稿 */
	bool cut;               /* its last paragraph is unfinished */
	bool stub;              /* headless and textless (see headless_stub) */
	bool caption_last;      /* a photo caption came last */
	bool headline, dateline, byline, subheads, jump;
	bool byline_line;       /* its byline is printed on a line of its own under its head */
	bool numbered;          /* its headline is numbered ("1．…"): an item of a list */
	bool decked;            /* headed by a deck: a kicker or a subtitle with the headline */
	uint32_t head_mark;     /* the item's mark opening its headline (■…), 0: none */
	bool bracketed;         /* its headline was a brief's title run into its text (art.bracketed) */
	bool note_alone;        /* headless, its text an editor's note alone (编者按：…): the page's note, whole */
	int series;             /* its subheads number a series 1, 2, …: how far (see series_broken) */
	bool series_broken;     /* ... a subhead of it is not the series' next */
	uint32_t sub_mark;      /* the mark all its subheads open with, 0: none (or a plan tried them) */
	uint32_t sections_mark; /* art.sections_mark */
	bool signed_end;        /* signed after its body, text went on (see byline_signs_above) */
	/* reached through a role the planner tries: what the open story's
	 * fields say (a brief, headed by a lone title, signed, headless) is
	 * then no evidence for the next title, or the try would prove
	 * itself; only what it changes in subheads, cuts and closings counts */
	bool tried;
} shape;

/* 一 to 十 */
static bool is_cjk_numeral(uint32_t cp)
{
	switch (cp) {
	case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
	case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
		return true;
	default:
		return false;
	}
}

/* A quick no for a line that cannot open with a number: the characters
 * pattern_number starts with (ASCII and full-width digits, 〇, 一 to 十). */
static bool numeral_start(const char *p, const char *end)
{
	if (p == end)
		return false;
	if (*p >= '0' && *p <= '9')
		return true;
	if ((unsigned char)*p < 0xE3)
		return false;
	uint32_t cp = first_cp(p, end);
	return (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x3007 || is_cjk_numeral(cp);
}

/* "一、…", "（二）…", "3.…", "4、…" (markdown marks aside): the head of a
 * numbered section. True with its number in *value. */
static bool numbered_head_text(const char *s, size_t len, int *value)
{
	if (!len)
		return false;   /* no headline: its text may be a null pointer */
	const char *p = s, *end = s + len;
	while (p < end && (*p == '#' || *p == '*' || *p == ' '))
		p++;
	bool paren = has_prefix(p, (size_t)(end - p), "（");
	if (paren)
		p += 3;
	if (!numeral_start(p, end))
		return false;
	size_t digits = pattern_number(p, (size_t)(end - p), value);
	if (!digits)
		return false;
	p += digits;
	if (paren)
		return has_prefix(p, (size_t)(end - p), "）");
	/* "1" alone on its line: a section's number set as its head (or a
	 * stray number of the page), never a story's headline */
	if (text_skip_space(p, end) == end)
		return true;
	return has_prefix(p, (size_t)(end - p), "、") || has_prefix(p, (size_t)(end - p), "､") ||
	       has_prefix(p, (size_t)(end - p), "．") ||
	       (p < end && *p == '.' && !(p + 1 < end && p[1] >= '0' && p[1] <= '9'));
}

static bool numbered_text(const char *s, size_t len)
{
	int value;
	return numbered_head_text(s, len, &value);
}

/* The place of a section head in a numbered series: "一、…", "（二）…",
 * "3.…" (numbered_value), or a Chinese numeral glued to the word it
 * counts ("一看边齿" / "二看字口"); 0 for none. */
static int series_number(const char *s, size_t len)
{
	int value = 0;
	if (numbered_head_text(s, len, &value))
		return value > 0 ? value : 0;
	if (!len)
		return 0;
	const char *p = s, *end = s + len;
	while (p < end && (*p == '#' || *p == '*' || *p == ' '))
		p++;
	if (p == end || !is_cjk_numeral(first_cp(p, end)))
		return 0;
	size_t digits = pattern_number(p, (size_t)(end - p), &value);
	if (!digits || value <= 0 || p + digits >= end || !is_han(first_cp(p + digits, end)))
		return 0;
	return value;
}

/* A number among its first two characters, after markdown marks: a
 * numbered head of any form ("一看", "3．", "图二", "第三", "十二月…"). */
static bool numeral_at_head(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while (p < end && (*p == '#' || *p == '*' || *p == ' '))
		p++;
	for (int k = 0; k < 2 && p < end; k++) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || is_cjk_numeral(cp))
			return true;
	}
	return false;
}

/* The mark of an item opening a title (■◆●▲★□◇), 0 for none. */
static uint32_t title_mark(const char *s, size_t len)
{
	if (!len || (unsigned char)s[0] != 0xE2)
		return 0;       /* (each of them is three bytes led by 0xE2) */
	uint32_t c = first_cp(s, s + len);
	return c == 0x25A0 || c == 0x25C6 || c == 0x25CF || c == 0x25B2 || c == 0x2605 || c == 0x25A1 || c == 0x25C7 ||
			       c == 0x25B6 || c == 0x25BA || c == 0x25CB || c == 0x25CE
		       ? c
		       : 0;
}

static bool note_opening(const unit *u);

static void shape_of(const art *a, shape *sh)
{
	memset(sh, 0, sizeof *sh);
	if (!a)
		return;
	sh->any = true;
	sh->body = art_has_body(a);
	sh->ended = a->ended;
	sh->cut = a->cut;
	sh->stub = headless_stub(a);
	sh->caption_last = a->nparts && a->parts[a->nparts - 1].type == DOC_CAPTION;
	sh->headline = a->field[DOC_F_HEADLINE].len != 0;
	sh->dateline = a->field[DOC_F_DATELINE].len != 0;
	sh->byline = a->field[DOC_F_BYLINE].len != 0;
	sh->byline_line = a->byline_line && sh->byline;
	sh->subheads = art_has_subhead(a);
	sh->series = a->series;
	sh->series_broken = a->series_broken;
	sh->sub_mark = a->sub_mark;
	sh->sections_mark = a->sections_mark;
	sh->numbered = a->numbered;
	sh->jump = art_has_jump(a);
	sh->decked = a->field[DOC_F_KICKER].len || a->field[DOC_F_SUBTITLE].len;
	doc_str h = a->field[DOC_F_HEADLINE];
	sh->head_mark = sh->decked && h.len ? title_mark(h.s, h.len) : 0;     /* (read under a deck only) */
	sh->signed_end = a->signed_end;
	sh->bracketed = a->bracketed;
	if (!sh->headline && a->nparts == 1 && a->parts[0].type == DOC_PARAGRAPH) {
		unit t = { .s = a->parts[0].s, .len = (uint32_t)a->parts[0].len };
		sh->note_alone = note_opening(&t);
	}
}

static bool numbered_head(const unit *u)
{
	return numbered_text(u->s, u->len);
}

/* The runs of a plan start within this many units of the first. */
enum { PLAN_UNITS = 16 };


/* The mark opening an item's title: ■□◆◇●○▍★☆▲, or 【 of a bracketed
 * word with the title after it (【整租】…); 0 for none. */
static uint32_t item_mark(const unit *u)
{
	/* (every mark is three bytes led by 0xE2 or 0xE3) */
	if (!u->len || ((unsigned char)u->s[0] != 0xE2 && (unsigned char)u->s[0] != 0xE3))
		return 0;
	uint32_t cp = first_cp(u->s, u->s + u->len);
	if (line_mark(u->s, u->len) || cp == 0x25B2)
		return cp;
	if (cp != 0x3010 || u->chars > TITLE_MAX_CHARS)
		return 0;
	const char *close = memmem(u->s, u->len < 30 ? u->len : 30, "】", 3);
	return close && close + 3 < u->s + u->len ? cp : 0;
}

/* Fields ("时间：…", "联系:…") among the few lines under unit j, before the
 * next title. */
static bool fields_under(const parser *ps, size_t j)
{
	for (size_t k = j; k < ps->nunits && k < j + 4; k++) {
		const unit *v = UNIT(ps, k);
		if (v->flags & UF_FIELD)
			return true;
		if (v->kind != U_PARA)
			return false;
	}
	return false;
}

/* "■华人长者联欢会" over 时间：/地点：/费用：, and "■中文图书义卖" over
 * its own 时间：/地点： below: the page repeats one shape, a marked title
 * over fields, item after item; each is a piece of its own, not a
 * subhead of the story above. The run [i, i+n) ends with such a title and
 * another like it (the same mark, fields under it) comes within the
 * planner's reach. */
static bool item_shape(const parser *ps, size_t i, size_t n)
{
	size_t j = i + n;
	if (!fields_under(ps, j))
		return false;
	uint32_t mark = item_mark(UNIT(ps, i + n - 1));
	if (!mark)
		return false;
	size_t limit = ps->nunits < j + PLAN_UNITS ? ps->nunits : j + PLAN_UNITS;
	for (size_t k = j; k + 1 < limit; k++) {
		const unit *v = UNIT(ps, k);
		if (is_title_kind(v->kind) && fields_under(ps, k + 1) && item_mark(v) == mark)
			return true;
	}
	return false;
}

/* The evidence of the title run [i, i+n) that does not depend on the
 * story open before it (computed once per run by the planner). */
static bool note_opening(const unit *u);

/* "时评" over "别让…" over "□冯子衿": a word read as names, set tight
 * over a title that its own byline signs, labels that title; it is no
 * byline of the line above it (a story has one byline, under its title). */
static bool labels_signed_title(const parser *ps, size_t j)
{
	if (j + 2 >= ps->nunits)
		return false;
	const unit *t = UNIT(ps, j + 1), *b = UNIT(ps, j + 2);
	return t->kind == U_TITLE && t->gap == 0 && b->gap <= 1 && (b->kind == U_BYLINE || b->kind == U_DATELINE);
}

/* Nothing under unit j but the page's end, a byline or names at most
 * first: a title there would head no text. */
static bool nothing_under(const parser *ps, size_t j)
{
	if (j < ps->nunits && (UNIT(ps, j)->kind == U_BYLINE || UNIT(ps, j)->kind == U_NAMES))
		j++;
	return j >= ps->nunits;
}

/* "第200万台洗碗机下线现场。　刘畅　摄" under the title, then "本报讯（通讯员
 * 刘畅）…" or "本报通讯员　邱敏": the story's photo set between its title and
 * its dateline or byline. */
static bool caption_then_dateline(const parser *ps, size_t j)
{
	return j + 1 < ps->nunits && UNIT(ps, j)->kind == U_CAPTION &&
	       (UNIT(ps, j + 1)->kind == U_DATELINE || UNIT(ps, j + 1)->kind == U_BYLINE) && UNIT(ps, j + 1)->gap <= 1;
}

/* "戈壁滩上的“流动课堂”" over "某团…送去图书和文艺节目。　王振宇　摄",
 * then a title, a label or the page's end: a picture printed with its
 * own title, the caption its only text (a picture page's news). */
/* (or over a sentence of the picture whose credit stands on the line under
 * it: "12月1日晚，市民在…散步。" / "新华社发（王 然 摄）") */
enum { PICTURE_TEXT_MAX = 160 };
static bool picture_under(const parser *ps, size_t j)
{
	if (j < ps->nunits && UNIT(ps, j)->kind == U_PARA && (UNIT(ps, j)->flags & UF_TERMINATED) &&
	    UNIT(ps, j)->chars <= PICTURE_TEXT_MAX && j + 1 < ps->nunits && UNIT(ps, j + 1)->kind == U_CREDIT &&
	    UNIT(ps, j + 1)->gap == 0)
		return j + 2 >= ps->nunits || is_title_kind(UNIT(ps, j + 2)->kind);
	if (j >= ps->nunits || UNIT(ps, j)->kind != U_CAPTION || pattern_credit_start(UNIT(ps, j)->s, UNIT(ps, j)->len) >= UNIT(ps, j)->len)
		return false;
	return j + 1 >= ps->nunits || is_title_kind(UNIT(ps, j + 1)->kind);
}

/* "11月25日，某部机务人": a line opening with a day and a comma, a
 * caption's first line (what happened that day), never a picture's title. */
static bool dated_clause(const unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	for (int day = 0; day < 2; day++) {
		const char *d = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == d || !has_prefix(p, (size_t)(end - p), day ? "日" : "月"))
			return false;
		p += 3;
	}
	return has_prefix(p, (size_t)(end - p), "，");
}

/* "本报副刊部", "县文化和旅游局", "校团委": a house's name alone (a few
 * Han characters ending in the word for a department, a bureau, an
 * office, a committee, a centre). */
enum { HOUSE_CHARS_MAX = 12 };
static bool house_name(const unit *u)
{
	static const char *const ends[] = { "部", "局", "处", "處", "办", "辦", "委", "会", "會", "社", "中心", "办公室", "辦公室" };
	if (u->kind != U_TITLE || u->chars < 3 || u->chars > HOUSE_CHARS_MAX || !plain_han(u))
		return false;
	return ends_with_any(u->s, u->len, ends, sizeof ends / sizeof *ends);
}

static bool notice_name(const unit *u);
/* Whether the story's headline names a notice (本版征稿, 停水通知). */
static bool names_notice(const art *a)
{
	doc_str h = a->field[DOC_F_HEADLINE];
	unit t = { .s = h.s, .len = (uint32_t)h.len, .chars = count_chars(h.s, h.len, 32) };
	return h.len && notice_name(&t);
}

/* "2026/12/02 06:20", "分享　Facebook　LINE": a site's line under a
 * story's title (its time, its buttons), a banner. */
enum { SITE_LINES_UNDER = 3 };
static bool site_line_under(const unit *u)
{
	return u->kind == U_PAGEHEAD && u->gap <= 1 && u->chars <= 40 &&
	       (has_clock(u->s, u->len) || pattern_is_epaper_chrome(u->s, u->len));
}

static void run_evidence(const parser *ps, size_t i, size_t n, evidence *ev)
{
	memset(ev, 0, sizeof *ev);
	size_t j = i + n;
	if (n == 0 || n > HEADER_MAX_LINES) {
		ev->score = -100;
		return;
	}
	if (UNIT(ps, j - 1)->over_furn)
		ev_add(ev, S_OVER_FURNITURE);
	if (n == 1 && ps->pf.nlisted && listed_print(ps, UNIT(ps, i)))
		ev_add(ev, S_LISTED_RUN);
	if (j < ps->nunits) {
		const unit *next = UNIT(ps, j);
		/* (a site's lines under its title may stand between: the time
		 * it was posted, its buttons to share it) */
		size_t below = j;
		while (below + 1 < ps->nunits && below < j + SITE_LINES_UNDER && site_line_under(UNIT(ps, below)))
			below++;
		const unit *sig = UNIT(ps, below);
		if (next->kind == U_BYLINE || next->kind == U_DATELINE || (next->kind == U_NAMES && !labels_signed_title(ps, j)) ||
		    caption_then_dateline(ps, j) || (below > j && (sig->kind == U_BYLINE || sig->kind == U_DATELINE)))
			ev_add(ev, S_NEXT_BYLINE);
		if (next->kind == U_JUMP)
			ev_add(ev, S_NEXT_JUMP);  /* a teaser ("详见第2版") or a continuation ("上接") */
		if (picture_under(ps, j) && !dated_clause(UNIT(ps, j - 1)))
			ev_add(ev, S_NEXT_PHOTO);
		if (next->kind == U_PARA && note_opening(next))
			ev_add(ev, S_NEXT_NOTE);
	}
	if (nothing_under(ps, j))
		ev_add(ev, S_NOTHING_UNDER);
	bool md = false, dash = false, issuer = false;
	for (size_t k = i; k < j; k++) {
		const unit *u = UNIT(ps, k);
		md |= u->kind == U_MDHEAD;
		dash |= (u->flags & UF_DASH_START) || inline_subtitle(u->s, u->len);
		issuer |= (u->flags & UF_ISSUER) && u->kind == U_TITLE;    /* (signed_below) */
	}
	if (md)
		ev_add(ev, S_MARKDOWN);
	if (dash)
		ev_add(ev, S_DASH_SUBTITLE);
	/* a numbered line opening the run, alone or over a line of detail
	 * ("一、主要财务数据" / "单位：万元") */
	if (numbered_head(UNIT(ps, i)))
		ev_add(ev, S_NUMBERED);
	const unit *first = UNIT(ps, i);
	if (n >= 2 && first->kind == U_TITLE && first->chars <= LABEL_MAX && first->gap_after >= 1 &&
	    label_like(first, false))
		ev_add(ev, S_LABEL_OVER);
	if (item_shape(ps, i, n))
		ev_add(ev, S_ITEM_SHAPE);
	/* the title lines below, within the planner's reach (see plan_runs) */
	bool repeated = false;
	size_t limit = ps->nunits < j + PLAN_UNITS ? ps->nunits : j + PLAN_UNITS;
	for (size_t k = j; k < limit; k++) {
		const unit *v = UNIT(ps, k);
		if (!is_title_kind(v->kind))
			continue;
		if (v->len == first->len && memcmp(v->s, first->s, first->len) == 0) {
			repeated = true;
			break;
		}
	}
	if (issuer)
		ev_add(ev, S_SIGNED_BELOW);
	else if (repeated)
		ev_add(ev, S_REPEATED_BELOW);
}


/* "风筝小百科" ⏎⏎ "风筝为什么能飞起来" between two stories' paragraphs:
 * on a page that sets a blank line between all its paragraphs, one blank
 * line is as close as the page sets two lines, so a short label one
 * paragraph gap over a wider title is a deck (a column's label over its
 * story's headline), where a subhead would be one line over its text. Not
 * a wider line over a narrower one (a subhead over a smaller head: 在家也能
 * 熬一锅 / 食材), nor over a "——" subtitle, an item's marked title, a
 * numbered one or an aside in brackets (今日汇率 / （单位：铢）). Set tight
 * on any page, a label over a title with a comma (see
 * comma_title_under_label) is such a deck too. */
static bool label_spaced_over(const parser *ps, size_t i, size_t n)
{
	if (n < 2)
		return false;
	const unit *a = UNIT(ps, i), *b = UNIT(ps, i + 1);
	if (b->gap == 0 && (b->flags & UF_COMMA))
		return comma_title_under_label(ps, i);  /* set tight: S_DECK takes no line with a comma */
	if (!ps->pf.blank_rhythm || a->chars <= LABEL_MAX || a->chars > SPACED_LABEL_MAX)
		return false;   /* a word or two set apart: S_LABEL_OVER says it */
	return a->kind == U_TITLE && b->kind == U_TITLE && b->gap == 1 && b->chars > a->chars &&
	       !(b->flags & (UF_CLAUSE_END | UF_DASH_START)) && (!(b->flags & UF_COMMA) || b->chars <= COMMA_TITLE_MAX_CHARS) &&
	       !aside_note(b) && label_like(a, false) && !numbered_head(a) && !numbered_head(b) && !item_mark(b);
}

/* Two titles or more, each opening with the same mark (■…), among the
 * paragraphs under unit j, before any plain title, byline or dateline
 * (within PLAN_UNITS): the sections of the text under j; their mark, or
 * 0. */
static uint32_t marked_sections_under(const parser *ps, size_t j)
{
	size_t limit = ps->nunits < j + PLAN_UNITS ? ps->nunits : j + PLAN_UNITS;
	uint32_t mark = 0;
	unsigned sections = 0;
	for (size_t k = j; k < limit; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind == U_BYLINE || v->kind == U_NAMES || v->kind == U_DATELINE || v->kind == U_PAGEHEAD)
			break;
		if (!is_title_kind(v->kind))
			continue;
		uint32_t m = title_mark(v->s, v->len);
		if (!m || (mark && m != mark))
			break;
		mark = m;
		sections++;
	}
	return sections >= 2 ? mark : 0;
}

/* "讣　告", "遗失声明", "更正启事": a title of a few characters (spaces
 * aside) ending in the name of a kind of notice. */
static bool notice_name(const unit *u)
{
	static const char *const kinds[] = { "讣告", "訃告", "启事", "啟事", "声明", "聲明", "公告", "通告", "通知", "告示",
					     "征稿", "徵稿", "征文", "徵文" };
	if (u->chars > 12)
		return false;
	/* its last two characters, a space between them aside ("讣　告") */
	const char *end = text_trim_end(u->s, u->s + u->len), *z = end, *y;
	last_cp(u->s, end, &z);
	const char *before = text_trim_end(u->s, z);
	if (end - z != 3 || before - u->s < 3)
		return false;
	last_cp(u->s, before, &y);
	if (before - y != 3)
		return false;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (memcmp(y, kinds[k], 3) == 0 && memcmp(z, kinds[k] + 3, 3) == 0)
			return true;
	return false;
}

/* "据《新西兰先驱报》报道，…", "據《X》報導，…": a paragraph opening with
 * the paper or agency it was taken from, in book-title marks, and the
 * word for its report. */
static bool source_lead(const unit *u)
{
	static const char *const reports[] = { "报道", "报导", "報道", "報導", "消息" };
	if (!(has_prefix(u->s, u->len, "据") || has_prefix(u->s, u->len, "據")))
		return false;
	const char *p = u->s + 3, *end = u->s + (u->len < 90 ? u->len : 90);
	if (!has_prefix(p, (size_t)(end - p), "《"))
		return false;
	const char *close = memmem(p, (size_t)(end - p), "》", 3);
	if (!close)
		return false;
	close += 3;
	for (size_t k = 0; k < sizeof reports / sizeof *reports; k++)
		if (has_prefix(close, (size_t)(end - close), reports[k]))
			return true;
	return false;
}

/* "…備用。（金門縣自來水廠）": a sentence closed by a name in brackets,
 * Han characters only (an issuer, no remark). */
static bool issuer_in_brackets(const unit *u)
{
	enum { ISSUER_MAX = 16 };
	const char *end = text_trim_end(u->s, u->s + u->len);
	if (!ends_with_word(u->s, (size_t)(end - u->s), "）"))
		return false;
	const char *close = end - 3, *open = NULL;
	for (const char *q = u->s; (q = memmem(q, (size_t)(close - q), "（", 3)); q += 3)
		open = q;
	if (!open || open == u->s)
		return false;
	unit name = *u;
	name.s = open + 3;
	name.len = (uint32_t)(close - open - 3);
	unsigned chars = count_chars(name.s, name.len, ISSUER_MAX + 1);
	return chars >= 3 && chars <= ISSUER_MAX && plain_han(&name) && raw_ends_sentence(u->s, (size_t)(open - u->s));
}

static void run_facts_of(const parser *ps, size_t i, size_t n, run_facts *rf)
{
	memset(rf, 0, sizeof *rf);
	size_t j = i + n, lines = 0;
	bool whole = true;
	for (size_t k = i; k < j; k++) {
		const unit *v = UNIT(ps, k);
		lines += v->kind != U_PARA && (k == i || v->gap == 0);
		/* a phrase run on over lines ("…——", "…,打造") is one subhead */
		whole &= !(v->flags & (UF_COMMA | UF_CLAUSE_END)) && !ends_with_dash(v);
	}
	rf->deck = lines >= 2 && whole;
	rf->label_spaced = !rf->deck && label_spaced_over(ps, i, n);
	rf->author = body_ends_with_author(ps, j);
	rf->notice = signed_and_dated(ps, j);
	if (rf->author) {
		/* a reporter's name closing the last paragraph ("…。（记者 X）"),
		 * or an end mark filed from elsewhere after the body: not an
		 * organisation that supplied the text */
		size_t k = j, last = SIZE_MAX;
		while (k < ps->nunits && k < j + 40 && (UNIT(ps, k)->kind == U_PARA || UNIT(ps, k)->kind == U_CAPTION ||
							 UNIT(ps, k)->kind == U_CREDIT)) {
			if (UNIT(ps, k)->kind == U_PARA && !caption_opening(UNIT(ps, k)))
				last = k;
			k++;
		}
		size_t paren, ns, ne;
		rf->filed = (k < ps->nunits && k < j + 40 && end_mark_filed(UNIT(ps, k))) ||
			    (last != SIZE_MAX &&
			     pattern_match_trailing_byline(UNIT(ps, last)->s, UNIT(ps, last)->len, &paren, &ns, &ne));
	}
	rf->row_under = j < ps->nunits && (UNIT(ps, j)->flags & UF_ROW);
	rf->rows_table = table_rows_at(ps, j);
	rf->briefs_under = j < ps->nunits && UNIT(ps, j)->item_row == ITEM_ROW_MARKED;
	rf->source_lead = j < ps->nunits && UNIT(ps, j)->kind == U_PARA && source_lead(UNIT(ps, j));
	rf->notice_kind = n == 1 && notice_name(UNIT(ps, i));
	/* ("物业张贴的电梯停运通知": a notice described, a story's line) */
	rf->described = rf->notice_kind && memmem(UNIT(ps, i)->s, UNIT(ps, i)->len, "的", 3);
	/* "縣自來水廠停水公告" over "…請用戶預先儲水備用。（金門縣自來水廠）":
	 * the notice's text closed by its issuer in brackets */
	if (rf->notice_kind && !rf->notice && j < ps->nunits && UNIT(ps, j)->kind == U_PARA)
		rf->notice = issuer_in_brackets(UNIT(ps, j));
	rf->prose_after_verse = n == 1 && j < ps->nunits && UNIT(ps, j)->kind == U_PARA &&
				!(UNIT(ps, j)->flags & UF_VERSE) && (UNIT(ps, j)->flags & UF_TERMINATED) &&
				i > ps->units_base && (UNIT(ps, i - 1)->flags & UF_VERSE);
	rf->verse_cycle = n == 1 && j < ps->nunits && (UNIT(ps, j)->flags & UF_VERSE) && i > ps->units_base &&
			  (UNIT(ps, i - 1)->flags & UF_VERSE);
	if (n == 1 && rf->row_under) {
		const unit *t = UNIT(ps, i);
		rf->table_title = first_cp(t->s, t->s + t->len) == 0x3010 && last_cp(t->s, t->s + t->len, NULL) == 0x3011;
	}
	rf->para_under = j < ps->nunits && UNIT(ps, j)->kind == U_PARA;
	/* a caption, or a sentence with its credit on the next line */
	rf->caption_under = j < ps->nunits &&
			    (UNIT(ps, j)->kind == U_CAPTION ||
			     (UNIT(ps, j)->kind == U_PARA && j + 1 < ps->nunits && UNIT(ps, j + 1)->kind == U_CREDIT &&
			      UNIT(ps, j + 1)->gap <= 1));
	rf->sidebar = n == 1 && sidebar_label(UNIT(ps, i));
	rf->tips_box = n == 1 && UNIT(ps, i)->kind == U_TITLE && tips_box_title(UNIT(ps, i));
	rf->afterword = n == 1 && UNIT(ps, i)->kind == U_TITLE && UNIT(ps, i)->chars <= 6 && afterword_label(UNIT(ps, i));
	rf->mark = n == 1 ? title_mark(UNIT(ps, i)->s, UNIT(ps, i)->len) : 0;     /* (read for a lone title) */
	rf->bracketed = n == 1 && UNIT(ps, i)->bracketed;
	if (n == 1) {
		const unit *t = UNIT(ps, i);
		rf->series = series_number(t->s, t->len);
		/* (a word or two closes a numbered piece, 结语, 编后; a
		 * digest's name, 烟区简讯, heads briefs of its own) */
		rf->unnumbered = (t->chars > SIGNED_LABEL_MAX || digest_label(t->s, t->len)) && !numeral_at_head(t->s, t->len);
	}
	rf->big_gap = UNIT(ps, i)->gap >= ps->pf.big_gap;
	/* (a cartoon set apart between two pieces stands in the gap: the
	 * title under it is as far from the story above) */
	if (i > ps->units_base && UNIT(ps, i - 1)->kind == U_CAPTION && UNIT(ps, i - 1)->gap >= ps->pf.big_gap &&
	    cartoon_line(UNIT(ps, i - 1)->s, UNIT(ps, i - 1)->len))
		rf->big_gap = true;
	rf->sections_mark = n == 1 && !rf->mark && rf->para_under ? marked_sections_under(ps, j) : 0;
}

/* Adds the evidence that depends on the story open before the run. */
static void shape_evidence(size_t n, const shape *sh, const run_facts *rf, bool numbered, evidence *ev)
{
	if (sh->any && sh->body && rf->source_lead)
		ev_add(ev, S_SOURCE_LEAD);
	if (sh->cut)
		ev_add(ev, S_CUT);
	if (!sh->any || (sh->stub && !sh->tried))
		ev_add(ev, S_NO_STORY);
	/* (an editor's note alone, headless, is the page's note: whole) */
	else if (sh->ended || (sh->signed_end && !sh->cut) || (sh->note_alone && !sh->cut))
		ev_add(ev, S_PREV_CLOSED);
	if (sh->any && !sh->ended && sh->body) {
		/* a big gap, unless a photo caption just took it */
		if (rf->big_gap && !sh->caption_last)
			ev_add(ev, S_BIG_GAP);
		/* (a story headed by a deck, or signed on a line of its own
		 * over its dateline, is no brief) */
		if (sh->dateline && !sh->subheads && !sh->tried && !sh->decked && !sh->byline_line)
			ev_add(ev, S_AFTER_BRIEF);
		/* a lone title after a story headed by a lone title; not after
		 * a feature's deck (a kicker or subtitle, no dateline: its lone
		 * titles are its sections), unless both open with one mark (■
		 * items under their column, read as a kicker for now) or both
		 * are briefs' titles run into their text (under a label) */
		else if (sh->headline && !sh->tried && !sh->byline && !sh->subheads && n == 1 && rf->para_under &&
			 (!sh->decked || sh->dateline || (rf->mark && rf->mark == sh->head_mark) ||
			  (rf->bracketed && sh->bracketed)) &&
			 !(rf->mark && rf->mark == sh->sections_mark))
			ev_add(ev, S_LIKE_PREV_HEAD);   /* (not the sections its head was seen over) */
		/* a story's sections numbered 1, 2, … are its subheads, not a
		 * title with no number after them (a word or two aside: 结语,
		 * 编后 close a numbered piece) */
		if (sh->subheads && rf->unnumbered && rf->para_under && sh->series >= 2 && !sh->series_broken)
			ev_add(ev, S_AFTER_SERIES);
		else if (sh->subheads && sh->sub_mark && !sh->tried && n == 1 && !rf->mark && rf->para_under)
			ev_add(ev, S_AFTER_MARKED);
		else if (sh->subheads)
			ev_add(ev, S_SUBHEADS_BEFORE);
		else if (rf->sections_mark && !sh->tried)
			ev_add(ev, S_OVER_MARKED);
		if (rf->label_spaced)
			ev_add(ev, S_LABEL_SPACED);
		if (!sh->headline && !sh->dateline && !sh->jump && !sh->tried)
			ev_add(ev, S_HEADLESS_OPEN);
	}
	/* a deck of lines after a story's text, closed or not (读者来信 /
	 * its title, under a story its writer's name in brackets closed) */
	if (sh->any && sh->body && rf->deck)
		ev_add(ev, S_DECK);
	/* a picture page: a lone title over a caption, after a story that
	 * is a lone title over its caption and nothing else */
	if (sh->any && !sh->ended && !sh->body && sh->headline && sh->caption_last && !sh->byline && !sh->tried &&
	    n == 1 && rf->caption_under)
		ev_add(ev, S_LIKE_PREV_HEAD);
	if (sh->any && !sh->ended && rf->notice && !numbered)
		ev_add(ev, S_NOTICE_SIGNED);
	if (sh->any && !sh->ended && rf->notice && rf->notice_kind && !numbered)
		ev_add(ev, S_NOTICE_KIND);
	/* (a notice's name heads a piece of its own, signed or not: "本版征稿"
	 * under the last essay of a page) */
	if (sh->any && !sh->ended && !rf->notice && rf->notice_kind && rf->para_under && !numbered && !rf->described)
		ev_add(ev, S_NOTICE_NAME);
	if (sh->any && !sh->ended && rf->author) {
		ev_add(ev, S_BODY_AUTHOR);
		if (sh->byline && rf->filed && !sh->tried)
			ev_add(ev, S_SECOND_AUTHOR);
	}
	if (sh->any && rf->row_under)
		ev_add(ev, S_TABLE_UNDER);
	if (sh->any && sh->body && !sh->ended && rf->briefs_under)
		ev_add(ev, S_BRIEFS_UNDER);
	if (sh->any && sh->body && !sh->ended && rf->table_title)
		ev_add(ev, S_TABLE_TITLE);
	if (sh->any && sh->body && !sh->ended && rf->verse_cycle)
		ev_add(ev, S_VERSE_CYCLE);
	if (sh->any && sh->body && !sh->ended && rf->prose_after_verse)
		ev_add(ev, S_AFTER_VERSE);
	if (sh->any && sh->body && rf->sidebar)
		ev_add(ev, S_SIDEBAR);
	if (sh->any && sh->body && !sh->cut && rf->tips_box)
		ev_add(ev, S_TIPS_BOX);
	if (sh->any && sh->body && !sh->ended && rf->afterword && rf->para_under)
		ev_add(ev, S_AFTERWORD);
	if (sh->any && sh->numbered && numbered)
		ev_add(ev, S_NEXT_ITEM);
}

static bool other_subject(const parser *ps, size_t i, size_t j, const art *a);
static bool box_subject(const parser *ps, size_t i, size_t j, const art *a);
static bool rows_then_prose(const parser *ps, size_t j);

/* The evidence of the run [i, i+n) under the article a (NULL: none);
 * the run's facts in *rfp when not NULL (left zero for a run too long). */
static void story_evidence_rf(const parser *ps, size_t i, size_t n, const art *a, evidence *ev, run_facts *rfp)
{
	run_facts rf;
	memset(&rf, 0, sizeof rf);
	if (rfp)
		*rfp = rf;
	run_evidence(ps, i, n, ev);
	if (ev->score == -100)
		return;
	shape sh;
	shape_of(a, &sh);
	run_facts_of(ps, i, n, &rf);
	if (rfp)
		*rfp = rf;
	bool numbered = false;  /* run_evidence found it numbered */
	for (int k = 0; k < ev->n; k++)
		numbered |= ev->sig[k] == S_NUMBERED;
	shape_evidence(n, &sh, &rf, numbered, ev);
	size_t j = i + n;
	if (a && j < ps->nunits && UNIT(ps, j)->kind == U_PARA && repeats_article(a, UNIT(ps, j)))
		ev_add(ev, S_REPEAT_UNDER);
	if ((UNIT(ps, i)->flags & UF_AFTER_FURNITURE) && a && art_has_body(a))
		ev_add(ev, S_FURNITURE);
	/* "孩子反复咳嗽是过敏吗？" over "读者刘女士问：…" after the answer to
	 * another reader: the next item of a page of questions and answers */
	if (a && n == 1 && art_has_body(a) && j < ps->nunits && UNIT(ps, j)->kind == U_PARA &&
	    asked_question(UNIT(ps, i), UNIT(ps, j)))
		ev_add(ev, S_ASKED_UNDER);
	if (ps->bracket_columns && n >= 2 && UNIT(ps, i)->kind == U_TITLE && UNIT(ps, i + 1)->kind == U_TITLE &&
	    bracketed_label(UNIT(ps, i)) && !bracketed_label(UNIT(ps, i + 1)) && rf.para_under)
		ev_add(ev, S_PAGE_LABEL);
	if (a && n == 1 && sh.headline && sh.body && house_name(UNIT(ps, i)) && names_notice(a))
		ev_add(ev, S_NOTICE_SIGNER);    /* "本版征稿" / "…来稿请注明…" / "本报副刊部" */
	if (a && n == 1 && UNIT(ps, i)->kind == U_TITLE && sh.headline && sh.body && !sh.ended && !sh.cut &&
	    !sh.subheads && rf.para_under && !numbered && other_subject(ps, i, j, a))
		ev_add(ev, S_OTHER_SUBJECT);
	else if (a && n == 1 && UNIT(ps, i)->kind == U_TITLE && sh.headline && sh.body && !sh.ended && !sh.cut &&
		 rf.row_under && !numbered) {
		if (box_subject(ps, i, j, a))
			ev_add(ev, S_BOX_SUBJECT);
		else if (!rf.table_title && rf.rows_table && rows_then_prose(ps, j))
			ev_add(ev, S_ROWS_IN_STORY);
	}
}

static void story_evidence(const parser *ps, size_t i, size_t n, const art *a, evidence *ev)
{
	story_evidence_rf(ps, i, n, a, ev, NULL);
}

/* ------------------------------------------------------------------ */
/* The planner: the best labelling of the title runs ahead.
 *
 * Whether a run of title lines starts a story or is a subhead changes the
 * evidence of the runs after it (the story before has subheads, was a
 * brief, was headed by a lone title, is closed). A borderline run is not
 * decided alone: the planner takes the title runs of the window ahead
 * (at most PLAN_RUNS, within LOOKAHEAD units), and chooses the labelling
 * of all of them (story or subhead each) with the best total, each story
 * counting its evidence minus STORY_MIN, by dynamic programming over the
 * state "which run started the story open now" (the units between the
 * runs are walked as the segmenter would read them). Only the first run's
 * role is taken; the next run is planned again when it is reached, with
 * the articles as they then are. Strong evidence (a byline under the
 * run, a markdown title, …) needs no plan. */
enum { PLAN_RUNS = 8 };
/* A run whose sum is within this of STORY_MIN is planned. 12 until the
 * weights were fitted; with them, 9 to 12 give byte-identical --json on
 * every page of tests/ and the corpus, and 9 plans fewer runs (callgrind
 * --list of the 50-copy corpus: 227.0M -> 225.7M instructions). */
enum { PLAN_MARGIN = 9 };
#ifdef PARSE_TUNABLE
static int tuned_plan_margin = PLAN_MARGIN;
static const struct { const char *name; int *value; } tuned_thresholds[] = {
	{ "STORY_MIN", &tuned_story_min },
	{ "PLAN_MARGIN", &tuned_plan_margin },
};
#define PLAN_MARGIN tuned_plan_margin

static int *tune_slot(const char *name, size_t len)
{
	for (size_t k = 0; k < sizeof tuned_thresholds / sizeof *tuned_thresholds; k++)
		if (strlen(tuned_thresholds[k].name) == len && !memcmp(tuned_thresholds[k].name, name, len))
			return tuned_thresholds[k].value;
	for (int k = 0; k < NSIGNALS; k++)
		if (strlen(signal_names[k]) == len && !memcmp(signal_names[k], name, len))
			return &signals[k].weight;
	return NULL;
}

/* KANBAO_WEIGHTS holds NAME=VALUE pairs (an enum name of the table or a
 * threshold, an integer) separated by spaces, commas or newlines; the
 * others keep their compiled values. "?" prints every name with its
 * value (and the row's description) and exits: the tool reads the table
 * from the build it runs, not from the source. A mistake exits with 2:
 * a fit must never run on weights it did not ask for. */
static void tune_load(void)
{
	static bool loaded;
	if (loaded)
		return;
	loaded = true;
	const char *p = getenv("KANBAO_WEIGHTS");
	if (p && !strcmp(p, "?")) {
		for (size_t k = 0; k < sizeof tuned_thresholds / sizeof *tuned_thresholds; k++)
			printf("%s=%d\tthreshold\n", tuned_thresholds[k].name, *tuned_thresholds[k].value);
		for (int k = 0; k < NSIGNALS; k++)
			printf("%s=%d\t%s\n", signal_names[k], signals[k].weight, signals[k].what);
		exit(0);
	}
	while (p && *(p += strspn(p, " \t\n,"))) {
		size_t n = strcspn(p, " \t\n,");
		const char *eq = memchr(p, '=', n);
		char *num_end = NULL;
		long v = eq ? strtol(eq + 1, &num_end, 10) : 0;
		int *slot = eq ? tune_slot(p, (size_t)(eq - p)) : NULL;
		if (!slot || num_end == eq + 1 || num_end != p + n || v < -1000 || v > 1000) {
			fprintf(stderr, "kanbao: KANBAO_WEIGHTS: not NAME=INTEGER of the table: %.*s\n", (int)n, p);
			exit(2);
		}
		*slot = (int)v;
		p += n;
	}
}
#endif

typedef struct plan_run {
	size_t i, n;            /* the run */
	size_t end;             /* the units up to the next run */
	int base;               /* its evidence that needs no story before */
	run_facts rf;
	bool sub_only;          /* a markdown subhead: never a story */
	bool cut_banner;        /* a lone title line over a paragraph: a banner in a cut */
	bool dateline_under, byline_under;
	bool numbered;          /* one line, numbered (S_NUMBERED) */
	bool attribution;       /* "——鲁迅": the body's, after a finished paragraph */
} plan_run;

static void shape_new(shape *sh)
{
	bool tried = sh->tried;         /* the new story follows from the tries */
	memset(sh, 0, sizeof *sh);
	sh->any = true;
	sh->stub = true;
	sh->tried = tried;
}

/* A paragraph read into the open story (see add_paragraph). */
static void shape_paragraph(shape *sh, const unit *u)
{
	if (!sh->any || (sh->ended && !sh->cut))
		shape_new(sh);
	sh->body = true;
	sh->stub = false;
	sh->caption_last = false;
	sh->cut = !(u->flags & (UF_TERMINATED | UF_ROW)) && !round_bracketed(u);
	if (u->flags & UF_DONE)
		sh->ended = true;
	/* "…。(张三)": ')' or the last byte of '）' (EF BC 89) */
	char z = u->len ? u->s[u->len - 1] : 0;
	size_t paren, ns, ne;
	if ((z == ')' || z == (char)0x89) && pattern_match_trailing_byline(u->s, u->len, &paren, &ns, &ne)) {
		sh->byline = true;
		sh->ended = true;
		sh->cut = false;
	}
}

/* The units [from, to) between two runs, read as segment_step reads them. */
static void shape_walk(const parser *ps, size_t from, size_t to, shape *sh)
{
	for (size_t k = from; k < to; k++) {
		const unit *u = UNIT(ps, k);
		switch (u->kind) {
		case U_PAGEHEAD:
			break;
		case U_CAPTION:
		case U_CREDIT:
			if (sh->any && !sh->ended && !sh->cut && !cartoon_line(u->s, u->len))
				sh->caption_last = true;
			break;
		case U_END:
			if (!sh->any)
				shape_new(sh);
			if (sh->body)
				sh->ended = true;
			sh->cut = false;
			break;
		case U_JUMP:
			if (!sh->any || (sh->ended && u->jump != PATTERN_JUMP_FROM))
				shape_new(sh);
			sh->jump = true;
			sh->cut = false;
			if (u->jump == PATTERN_JUMP_TO || u->jump == PATTERN_JUMP_SEE)
				sh->ended = true;
			break;
		case U_BYLINE:
		case U_NAMES:
		case U_DATELINE:
			if (u->kind != U_DATELINE && sh->any && !sh->byline && sh->body && !sh->cut && !sh->ended) {
				/* the author after the body, where the story ends */
				const unit *next = k + 1 < ps->nunits ? UNIT(ps, k + 1) : NULL;
				if (!next || next->gap >= ps->pf.big_gap || next->kind == U_PAGEHEAD || next->kind == U_MDHEAD ||
				    next->kind == U_END || next->kind == U_TITLE) {
					sh->byline = true;
					sh->ended = true;
					break;
				}
				/* a letter's writer, then the reply (byline_signs_above) */
				if (sh->headline && signs_contribution(u) && next->kind == U_PARA) {
					sh->byline = true;
					sh->signed_end = true;
					break;
				}
			}
			if (u->kind == U_NAMES)
				break;
			if (u->kind == U_BYLINE ? (!sh->any || sh->ended || sh->body)
						: (!sh->any || sh->ended || (sh->body && !sh->cut)))
				shape_new(sh);
			if (u->kind == U_BYLINE && !sh->byline && !sh->body) {
				sh->byline = true;
			} else if (u->kind == U_DATELINE && !sh->dateline && !sh->body) {
				sh->dateline = true;
				sh->stub = false;
				shape_paragraph(sh, u);
			} else {
				shape_paragraph(sh, u);
			}
			break;
		default:
			shape_paragraph(sh, u);
			break;
		}
	}
}

/* The role a run takes in the plan, applied to the shape. */
static void shape_take(shape *sh, const plan_run *r, bool story)
{
	if (story) {
		memset(sh, 0, sizeof *sh);
		sh->any = true;
		sh->headline = true;
		sh->tried = true;
		sh->dateline = r->dateline_under;
		sh->byline = r->byline_under;
		sh->numbered = r->numbered;
		return;
	}
	if (r->cut_banner && sh->cut)
		return;         /* a banner dropped into the cut */
	sh->tried = true;
	sh->any = true;
	sh->stub = false;
	series_next(&sh->series, &sh->series_broken, r->rf.series);
	sh->sub_mark = 0;
	sh->subheads |= !r->rf.rows_table;
	sh->cut = false;
	sh->ended = false;
	sh->caption_last = false;
}

/* The title runs of the window from the run [i, i+n). */
/* The facts of the run [i, i+n), remembered: the next plans weigh the
 * same runs again. They read only units that every plan holding the run
 * has in hand (see plan_runs), so a remembered fact is the fact. */
static void run_facts_memo(parser *ps, size_t i, size_t n, run_facts *rf)
{
	for (size_t k = 0; k < PLAN_MEMO; k++) {
		if (ps->memo[k].n && ps->memo[k].i == i && ps->memo[k].n == n) {
			*rf = ps->memo[k].rf;
			return;
		}
	}
	run_facts_of(ps, i, n, rf);
	struct plan_memo *m = &ps->memo[ps->memo_next++ % PLAN_MEMO];
	m->i = i;
	m->n = n;
	m->rf = *rf;
}

/* S_OTHER_SUBJECT: the title at i, its text from unit j on, under the
 * story a. A section goes on with its story's subject, so its text shares
 * some of the story's word pairs (Han character pairs); a box of briefs,
 * a listing or a Q&A after the story's last paragraph, under a label of
 * their own, share next to none. Counted by a script over the
 * development sets' expected files, a lone title after a story without
 * sections and last before the next story is a headline 161 times in 171
 * when its text shares at most one pair in twenty with the story, 187 in
 * 236 otherwise. */
enum { SUBJECT_STORY_BYTES = 3000, SUBJECT_UNDER_BYTES = 600, SUBJECT_PAIRS_MIN = 8, SUBJECT_SHARE = 20 };
/* a pair is three bytes at least: the run's pairs fill half the table at most */
enum { SUBJECT_UNDER_SLOTS = 512 };
_Static_assert(2 * (SUBJECT_UNDER_BYTES / 3 + 1) <= SUBJECT_UNDER_SLOTS, "the run's table is too small");

/* The run's pairs, each once, and the marks the story's text leaves on
 * them: the story's text is walked against the run's small table, no
 * table of the story's is built. */
enum { SUBJECT_IN_BODY = 1, SUBJECT_IN_HEAD = 2 };
typedef struct subject_pairs {
	uint32_t slot[SUBJECT_UNDER_SLOTS];
	uint8_t mark[SUBJECT_UNDER_SLOTS];
	size_t cap, pairs;
	size_t shared;          /* the marked pairs' worth (see subject_worth) */
	uint8_t bit;            /* the mark subject_mark sets */
} subject_pairs;

/* An empty table sized for the pairs of `bytes` of text (a pair every
 * three bytes at most, the table kept at most half full). */
static void subject_pairs_clear(subject_pairs *t, size_t bytes)
{
	t->cap = 16;
	while (t->cap < 2 * (bytes / 3 + 1))
		t->cap *= 2;
	memset(t->slot, 0, t->cap * sizeof *t->slot);
	memset(t->mark, 0, t->cap);
	t->pairs = t->shared = 0;
}

static void subject_add(void *ctx, uint32_t h)
{
	subject_pairs *t = ctx;
	size_t k = hash_slot(t->slot, t->cap, h);
	if (!t->slot[k]) {
		t->slot[k] = h;
		t->pairs++;
	}
}

/* A pair of the story's headline fields counts three, as a caption's
 * does (see bigram_score): the headline names the subject. */
static size_t subject_worth(uint8_t mark)
{
	return mark & SUBJECT_IN_HEAD ? 3 : mark & SUBJECT_IN_BODY;
}

static void subject_mark(void *ctx, uint32_t h)
{
	subject_pairs *t = ctx;
	size_t k = hash_slot(t->slot, t->cap, h);
	if (t->slot[k] && !(t->mark[k] & t->bit)) {
		t->shared += subject_worth(t->mark[k] | t->bit) - subject_worth(t->mark[k]);
		t->mark[k] |= t->bit;
	}
}

/* A title line opening with a dash, short enough to say who said the
 * words above it ("——鲁迅", "——连长　郑宏伟"). */
enum { ATTRIBUTION_MAX = 24 };
static bool dash_title(const unit *u)
{
	return (u->flags & UF_DASH_START) && u->kind == U_TITLE && u->chars <= ATTRIBUTION_MAX;
}

/* "——《礼记·中庸》", "——鲁迅《故乡》": a dash line naming the work a
 * quotation comes from, right under that quotation (a paragraph ending
 * a sentence or a quote): the epigraph's source, whatever signs the
 * story under it; a subtitle tells of the story, it cites no book. */
static bool cites_work_under(const parser *ps, size_t k)
{
	const unit *u = UNIT(ps, k);
	if (!dash_title(u) || k == ps->units_base)
		return false;
	const char *end = text_trim_end(u->s, u->s + u->len);
	if (!ends_with_word(u->s, (size_t)(end - u->s), "》") || !memmem(u->s, u->len, "《", 3))
		return false;
	const unit *q = UNIT(ps, k - 1);
	return q->kind == U_PARA && raw_ends_sentence(q->s, q->len);
}

/* Whether the title run ahead of unit j (before the text under it ends)
 * starts a story whatever came before, or the page ends first: the title
 * at i is the last of its story, no section of a series. What it reads
 * stays within LOOKAHEAD of i (run_evidence reads PLAN_UNITS past a run),
 * so a page read in steps is read as it is read whole. */
/* "——连长　郑宏伟" set right under a quotation (a paragraph closing on
 * ” 」 』: a pull quote) with no byline or dateline under it: who said
 * the words, a line of the text (see is_attribution), not a "——"
 * subtitle heading a story. */
static bool attribution_under(const parser *ps, size_t k)
{
	if (cites_work_under(ps, k))
		return true;
	const unit *u = UNIT(ps, k);
	if (!dash_title(u) || k == ps->units_base)
		return false;
	const unit *q = UNIT(ps, k - 1);
	uint32_t z = last_cp(q->s, q->s + q->len, NULL);
	if (q->kind != U_PARA || !(z == 0x201D || z == 0x300D || z == 0x300F))
		return false;
	if (k + 1 < ps->nunits) {
		uint8_t n = UNIT(ps, k + 1)->kind;
		if (n == U_BYLINE || n == U_DATELINE || n == U_NAMES)
			return false;
	}
	return true;
}

static bool last_title_of_story(const parser *ps, size_t i, size_t j)
{
	size_t limit = i + LOOKAHEAD - PLAN_UNITS - 2 * (HEADER_MAX_LINES + 1);
	for (size_t k = j; k < ps->nunits; k++) {
		if (k >= limit)
			return false;
		const unit *u = UNIT(ps, k);
		/* (a note wholly in round brackets, "（X　答）", signs or
		 * qualifies the text: no title) */
		if ((u->kind == U_TITLE || u->kind == U_MDHEAD || u->kind == U_MDSUB) && !title_is_paragraph_start(ps, k) &&
		    !round_bracketed(u)) {
			if (attribution_under(ps, k))
				continue;
			size_t len = title_run(ps, k);
			evidence ev;
			run_evidence(ps, k, len ? len : 1, &ev);
			return ev.score - PLAN_MARGIN >= STORY_MIN;
		}
	}
	return ps->eof;
}

static bool other_subject(const parser *ps, size_t i, size_t j, const art *a)
{
	if (!last_title_of_story(ps, i, j))
		return false;
	/* the run's text: its title, then the units under it */
	size_t end = j, bytes = UNIT(ps, i)->len;
	while (end < ps->nunits && bytes < SUBJECT_UNDER_BYTES &&
	       (UNIT(ps, end)->kind == U_PARA || UNIT(ps, end)->kind == U_CAPTION || UNIT(ps, end)->kind == U_CREDIT))
		bytes += UNIT(ps, end++)->len;
	if (bytes > SUBJECT_UNDER_BYTES)
		bytes = SUBJECT_UNDER_BYTES;
	subject_pairs t;
	subject_pairs_clear(&t, bytes);
	size_t budget = SUBJECT_UNDER_BYTES;
	for (size_t k = i; k < end && budget; k++) {      /* (j is i + 1: a lone title) */
		size_t len = UNIT(ps, k)->len < budget ? UNIT(ps, k)->len : budget;
		each_bigram(UNIT(ps, k)->s, len, subject_add, &t);
		budget -= len;
	}
	if (t.pairs < SUBJECT_PAIRS_MIN)
		return false;
	t.bit = SUBJECT_IN_HEAD;
	for (int fl = DOC_F_KICKER; fl <= DOC_F_SUBTITLE; fl++)
		each_bigram(a->field[fl].s, a->field[fl].len, subject_mark, &t);
	t.bit = SUBJECT_IN_BODY;
	budget = SUBJECT_STORY_BYTES;
	for (size_t k = 0; k < a->nparts && budget; k++) {
		if (t.shared * SUBJECT_SHARE > t.pairs)
			return false;   /* (enough already) */
		size_t len = a->parts[k].len < budget ? a->parts[k].len : budget;
		each_bigram(a->parts[k].s, len, subject_mark, &t);
		budget -= len;
	}
	return t.shared * SUBJECT_SHARE <= t.pairs;
}

/* S_BOX_SUBJECT: the units under the title, from j on, are rows only
 * (two or more; a table's source or note is one) down to the next title,
 * signature or header, or the page's end: no prose of the story comes
 * back under them. BOX_ROWS_MAX keeps the walk within the lookahead. */
enum { BOX_ROWS_MAX = 24, BOX_TITLE_PAIRS_MIN = 3, BOX_TITLE_SHARE = 3 };
_Static_assert(BOX_ROWS_MAX + 1 < LOOKAHEAD - PLAN_UNITS, "the box's walk leaves the lookahead");

static bool rows_to_story_end(const parser *ps, size_t j)
{
	size_t k = j;
	while (k < ps->nunits && k < j + BOX_ROWS_MAX && UNIT(ps, k)->kind == U_PARA) {
		if (!(UNIT(ps, k)->flags & UF_ROW))
			return false;
		k++;
	}
	return k >= j + 2 && k < j + BOX_ROWS_MAX && (k < ps->nunits || ps->eof);
}

/* The units from j on are rows (two or more), then the story's prose
 * (a paragraph of no row) within BOX_ROWS_MAX. */
/* "注：价格据…", "数据来源：…": the note a table closes with, the
 * table's, not the story's prose. */
static bool table_note(const unit *u)
{
	static const char *const notes[] = { "注：", "注:", "备注：", "備註：", "说明：", "說明：", "数据来源", "數據來源",
					     "资料来源", "資料來源" };
	return u->chars <= 80 && starts_with_any(u->s, u->len, notes, sizeof notes / sizeof *notes);
}

static bool rows_then_prose(const parser *ps, size_t j)
{
	size_t k = j;
	while (k < ps->nunits && k < j + BOX_ROWS_MAX && UNIT(ps, k)->kind == U_PARA && (UNIT(ps, k)->flags & UF_ROW))
		k++;
	size_t rows = k - j;
	while (k < ps->nunits && UNIT(ps, k)->kind == U_PARA && table_note(UNIT(ps, k)))
		k++;
	return rows >= 2 && k < ps->nunits && UNIT(ps, k)->kind == U_PARA && !(UNIT(ps, k)->flags & UF_ROW);
}

/* A title as wide as a table's head row ("线路　　调整内容": cells set
 * apart by two spaces) heads its columns, not a box. */
static bool cells_apart(const unit *u)
{
	return memmem(u->s, u->len, "\xe3\x80\x80\xe3\x80\x80", 6) || memmem(u->s, u->len, "  ", 2);
}

/* How many of the Han pairs of units [from, to) (their first
 * SUBJECT_UNDER_BYTES) the story a used, in *shared, of *pairs: each pair
 * counted once, wherever the story used it. */
static void story_share(const parser *ps, size_t from, size_t to, const art *a, bool weigh, size_t *shared,
			size_t *pairs)
{
	subject_pairs t;
	size_t bytes = 0;
	for (size_t k = from; k < to && bytes < SUBJECT_UNDER_BYTES; k++)
		bytes += UNIT(ps, k)->len;
	if (bytes > SUBJECT_UNDER_BYTES)
		bytes = SUBJECT_UNDER_BYTES;
	subject_pairs_clear(&t, bytes);
	size_t budget = SUBJECT_UNDER_BYTES;
	for (size_t k = from; k < to && budget; k++) {
		size_t len = UNIT(ps, k)->len < budget ? UNIT(ps, k)->len : budget;
		each_bigram(UNIT(ps, k)->s, len, subject_add, &t);
		budget -= len;
	}
	t.bit = weigh ? SUBJECT_IN_HEAD : SUBJECT_IN_BODY;   /* (one mark: pairs are counted, not weighed) */
	for (int fl = DOC_F_KICKER; fl <= DOC_F_SUBTITLE; fl++)
		each_bigram(a->field[fl].s, a->field[fl].len, subject_mark, &t);
	t.bit = SUBJECT_IN_BODY;
	budget = SUBJECT_STORY_BYTES;
	for (size_t k = 0; k < a->nparts && budget && t.shared < t.pairs; k++) {
		size_t len = a->parts[k].len < budget ? a->parts[k].len : budget;
		each_bigram(a->parts[k].s, len, subject_mark, &t);
		budget -= len;
	}
	*shared = t.shared;
	*pairs = t.pairs;
}

/* The title at i over rows to the story's end (from unit j): its own Han
 * pairs (three at least) the story a used one at most, and one in three
 * at most, and the rows repeat half of their pairs at most from the story
 * (a table of the story names its teams, the indices its report cited). */
static bool box_subject(const parser *ps, size_t i, size_t j, const art *a)
{
	const unit *t = UNIT(ps, i);
	if (cells_apart(t) || !rows_to_story_end(ps, j))
		return false;
	size_t shared, pairs;
	story_share(ps, i, i + 1, a, false, &shared, &pairs);
	if (pairs < BOX_TITLE_PAIRS_MIN || shared > 1 || shared * BOX_TITLE_SHARE > pairs)
		return false;
	size_t end = j;
	while (end < ps->nunits && UNIT(ps, end)->kind == U_PARA)
		end++;
	story_share(ps, j, end, a, true, &shared, &pairs);
	/* (rows of figures with a few names say nothing of their subject: the title decides) */
	return pairs < SUBJECT_PAIRS_MIN || shared * 2 <= pairs;
}

static size_t plan_runs(parser *ps, size_t i, size_t n, plan_run *runs)
{
	/* runs start within PLAN_UNITS units: what the plan reads of them
	 * (their lines, the body under them) stays within LOOKAHEAD, which
	 * the streaming parser always has in hand, so a huge page parsed in
	 * steps is read as it is read whole */
	size_t m = 0, limit = ps->nunits < i + PLAN_UNITS ? ps->nunits : i + PLAN_UNITS;
	size_t k = i;
	while (k < limit && m < PLAN_RUNS) {
		size_t len = m == 0 ? n : title_run(ps, k);
		if (!len)
			len = 1;
		evidence ev;
		run_evidence(ps, k, len, &ev);
		/* a run that starts a story whatever came before is a safe
		 * cut: the window ends there */
		if (m > 0 && ev.score - PLAN_MARGIN >= STORY_MIN)
			break;
		plan_run *r = &runs[m++];
		memset(r, 0, sizeof *r);
		r->i = k;
		r->n = len;
		r->sub_only = UNIT(ps, k)->kind == U_MDSUB;
		r->base = ev.score;
		for (int q = 0; q < ev.n; q++)
			r->numbered |= ev.sig[q] == S_NUMBERED;
		size_t j = k + len;
		const unit *under = j < ps->nunits ? UNIT(ps, j) : NULL;
		r->dateline_under = under && under->kind == U_DATELINE;
		r->byline_under = under && (under->kind == U_BYLINE || under->kind == U_NAMES);
		const unit *first = UNIT(ps, k);
		r->attribution = (dash_title(first) && !r->dateline_under && !r->byline_under) || cites_work_under(ps, k);
		r->cut_banner = len == 1 && UNIT(ps, k)->kind == U_TITLE && !(UNIT(ps, k)->flags & UF_COMMA) && under &&
				under->kind == U_PARA && !title_goes_on(ps, k);
		/* the next run: a title line that starts no paragraph */
		k = j;
		while (k < limit) {
			const unit *u = UNIT(ps, k);
			if ((u->kind == U_TITLE || u->kind == U_MDHEAD || u->kind == U_MDSUB) && !title_is_paragraph_start(ps, k))
				break;
			k++;
		}
		r->end = k;
	}
	if (m >= 2)
		for (size_t r = 0; r < m; r++)
			run_facts_memo(ps, runs[r].i, runs[r].n, &runs[r].rf);
	return m;
}

/* The total of the best labelling of runs[1..m) after runs[0] took its
 * role, from the shape `sh` the first run met. */
static int plan_rest(const parser *ps, const plan_run *runs, size_t m, const shape *sh0, bool first_story)
{
	/* best[s]: the best total so far with the open story started by run
	 * s (PLAN_RUNS: started before the window), and its shape */
	int best[PLAN_RUNS + 1];
	shape at[PLAN_RUNS + 1];
	bool live[PLAN_RUNS + 1];
	memset(live, 0, sizeof live);
	size_t before = PLAN_RUNS;
	size_t s0 = first_story ? 0 : before;
	at[s0] = *sh0;
	shape_take(&at[s0], &runs[0], first_story);
	shape_walk(ps, runs[0].i + runs[0].n, runs[0].end, &at[s0]);
	best[s0] = 0;
	live[s0] = true;
	for (size_t r = 1; r < m; r++) {
		int story_best = INT32_MIN;
		for (size_t s = 0; s <= PLAN_RUNS; s++) {
			if (!live[s])
				continue;
			shape *sh = &at[s];
			if (runs[r].attribution && sh->body && !sh->cut && !sh->caption_last) {
				/* under a quotation: a line of the body */
				sh->cut = false;
				shape_walk(ps, runs[r].i + runs[r].n, runs[r].end, sh);
				continue;
			}
			if (!sh->headline && sh->dateline && sh->body && !sh->cut && !sh->subheads) {
				/* the headline printed under its dateline story */
				sh->headline = true;
				sh->ended = true;
				shape_walk(ps, runs[r].i + 1, runs[r].end, sh);
				continue;
			}
			evidence ev;
			memset(&ev, 0, sizeof ev);
			ev.score = runs[r].base;
			shape_evidence(runs[r].n, &at[s], &runs[r].rf, runs[r].numbered, &ev);
			int gain = runs[r].sub_only ? INT32_MIN : best[s] + ev.score - STORY_MIN;
			if (gain > story_best)
				story_best = gain;
			/* the subhead: the story s goes on */
			shape_take(&at[s], &runs[r], false);
			shape_walk(ps, runs[r].i + runs[r].n, runs[r].end, &at[s]);
		}
		if (story_best != INT32_MIN) {
			at[r] = *sh0;
			shape_take(&at[r], &runs[r], true);
			shape_walk(ps, runs[r].i + runs[r].n, runs[r].end, &at[r]);
			best[r] = story_best;
			live[r] = true;
		}
	}
	int total = INT32_MIN;
	for (size_t s = 0; s <= PLAN_RUNS; s++)
		if (live[s] && best[s] > total)
			total = best[s];
	return total;
}

/* Whether the title run [i, i+n), whose own evidence is `ev`, starts a
 * story in the best labelling of the window ahead; ev->ahead gets what
 * the runs ahead add to the story's side. */
static bool plan_story(parser *ps, size_t i, size_t n, const art *a, evidence *ev)
{
	plan_run runs[PLAN_RUNS];
	size_t m = plan_runs(ps, i, n, runs);
	if (m < 2)
		return ev->score >= STORY_MIN;
	shape sh;
	shape_of(a, &sh);
	int as_story = plan_rest(ps, runs, m, &sh, true);
	int as_sub = plan_rest(ps, runs, m, &sh, false);
	ev->ahead = as_story - as_sub;
	ev->planned = true;
	return ev->score - STORY_MIN + ev->ahead >= 0;
}

/* The story evidence of the title run at i, as if the open story had
 * ended before it. */
static int story_evidence_score(const parser *ps, size_t i, run_facts *rf)
{
	size_t n = title_run(ps, i);
	evidence ev;
	story_evidence_rf(ps, i, n, NULL, &ev, rf);
	/* without a story before, "no story open" would count: take it out */
	return ev.score - signals[S_NO_STORY].weight;
}

static void start_article(parser *ps, size_t i, size_t n, const evidence *ev)
{
	art *prev = cur_art(ps);
	if (prev)
		flush_held(ps, prev);
	/* a byline or a jump line waiting for its headline takes it */
	art *a = prev && headless_stub(prev) && !ps->nheld ? prev : new_art(ps);
	read_header(ps, a, i, n, ev);
	a->bracketed = n >= 1 && UNIT(ps, i + n - 1)->bracketed;
	for (int k = 0; k < ev->n; k++)
		a->issued |= ev->sig[k] == S_SIGNED_BELOW;
	/* a plain head over marked sections: they are its own */
	const unit *last = UNIT(ps, i + n - 1);
	if (i + n < ps->nunits && UNIT(ps, i + n)->kind == U_PARA && !title_mark(last->s, last->len))
		a->sections_mark = marked_sections_under(ps, i + n);
}

/* The caption unit at i (with a credit on the next unit when it is a
 * credit alone). Returns the units consumed. */
/* A caption or banner without its markdown marks: "> " quoting it,
 * "**" around words. */
static doc_str without_marks(parser *ps, doc_str d)
{
	if (d.len > 2 && d.s[0] == '>' && (d.s[1] == ' ' || d.s[1] == '\t')) {
		const char *t = text_skip_space(d.s + 1, d.s + d.len);
		d.len -= (uint32_t)(t - d.s);
		d.s = t;
	}
	return strip_emphasis(ps, d.s, d.len);
}

static size_t read_caption(parser *ps, size_t i, doc_str *out)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_CREDIT && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_CREDIT &&
	    UNIT(ps, i + 1)->gap <= 1) {
		*out = join_lines(ps, without_marks(ps, doc_str_make(u->s, u->len)), UNIT(ps, i + 1)->s,
				  UNIT(ps, i + 1)->len, " ");
		return 2;
	}
	*out = without_marks(ps, doc_str_make(u->s, u->len));
	return 1;
}

/* Is the unit at i a place where a caption floats between articles? */
static bool captions_end_article(const parser *ps, size_t i)
{
	size_t j = skip_captions(ps, i);
	if (j >= ps->nunits)
		return true;
	const unit *u = UNIT(ps, j);
	if (u->kind == U_BYLINE || u->kind == U_DATELINE)
		return true;
	size_t n = title_run(ps, j);
	return n && run_starts_article(ps, j, n, false);
}

/* One short sentence alone after a story that closed (a signature, a jump
 * line, an end mark) or at the page's top, with the next story's title or
 * dateline right under it: the caption of a photo set between the two
 * stories (or over the first), not a story with no headline (a story's
 * text goes on, a caption stands alone). */
static bool lone_caption(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if ((a && (!a->ended || a->cut)) || u->kind != U_PARA || !(u->flags & UF_TERMINATED) ||
	    u->chars > CAPTION_MAX_CHARS || i + 1 >= ps->nunits)
		return false;
	const unit *next = UNIT(ps, i + 1);
	if (next->kind == U_DATELINE)
		return true;
	size_t n = title_run(ps, i + 1);
	return n && run_starts_article(ps, i + 1, n, false);
}

static void handle_caption(parser *ps, size_t *i)
{
	doc_str cap;
	art *a = cur_art(ps);
	size_t used = read_caption(ps, *i, &cap);
	size_t after = *i + used;
	if (explain_out) {
		evidence facts;
		memset(&facts, 0, sizeof facts);
		unit_facts(UNIT(ps, *i), &facts);
		if (UNIT(ps, *i)->kind == U_PARA)
			ev_add(&facts, lone_caption(ps, *i, a) ? S_F_LONE_CAPTION : S_F_CAPTION);
		explain(ps, *i, UNIT(ps, *i)->kind == U_CREDIT ? "credit" : "caption", &facts);
		if (used == 2)
			explain(ps, *i + 1, "credit", NULL);
	}
	if (a && a->cut && after < ps->nunits && UNIT(ps, after)->kind == U_PARA) {
		/* dropped into a cut paragraph: it follows the joined paragraph */
		part p = { cap.s, cap.len, DOC_CAPTION, 0 };
		UTIL_PUSH(ps->held, ps->nheld, ps->held_cap, p);
	} else if (a && !a->ended && a->field[DOC_F_HEADLINE].len && !art_has_body(a) &&
		   pattern_credit_start(cap.s, cap.len) < cap.len) {
		/* right under a title with no text yet, a photographer's
		 * credit closing it: its picture's caption */
		add_part(a, DOC_CAPTION, cap.s, cap.len);
	} else if (!a || a->ended || captions_end_article(ps, after) || cartoon_line(cap.s, cap.len)) {
		/* (a cartoon stands on the page by itself, no story's picture) */
		push_floating(ps, cap.s, cap.len);
	} else {
		flush_held(ps, a);
		add_part(a, DOC_CAPTION, cap.s, cap.len);
	}
	*i = after;
}

/* The type of the article's part that equals the unit's text (subhead)
 * or starts with it (a paragraph's head), or -1. */
static int part_text_prefix(const art *a, const unit *u)
{
	for (size_t k = 0; k < a->nparts; k++) {
		const part *p = &a->parts[k];
		if (p->len == u->len && memcmp(p->s, u->s, u->len) == 0)
			return p->type;
		if (p->type == DOC_PARAGRAPH && p->len > u->len && memcmp(p->s, u->s, u->len) == 0)
			return DOC_PARAGRAPH;
	}
	return -1;
}

static bool repeats_article(const art *a, const unit *u)
{
	return part_text_prefix(a, u) >= 0;
}

/* A paragraph with no article yet: a story whose headline is elsewhere. */
static art *ensure_article(parser *ps)
{
	art *a = cur_art(ps);
	if (!a) {
		a = new_art(ps);
	}
	return a;
}

/* A single title-like line right over a date alone ("青禾文具有限公司"
 * over "2025年11月20日"): the signature closing a notice, its text. */
static bool signature_over_date(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_TITLE || i + 1 >= ps->nunits)
		return false;
	const unit *next = UNIT(ps, i + 1);
	return next->kind == U_END && next->gap == 0 && date_only_line(next->s, next->len);
}

/* "（文中当事人均为化名）" alone under the open story's text, a blank
 * line under it (see round_bracketed): a note of that text, one of its
 * paragraphs, not a subhead. */
static bool bracket_note(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	return u->kind == U_TITLE && a && !a->cut && i + 1 < ps->nunits && UNIT(ps, i + 1)->gap >= 1 &&
	       round_bracketed(u) && art_has_body(a);
}


/* A short note wholly in round brackets set tight under a story its
 * signature or date closed: that story's note. */
enum { BRACKET_NOTE_MAX = 20 };
static bool closed_story_note(const parser *ps, size_t i, const art *a)
{
	if (!a || !a->ended || a->cut)
		return false;
	const unit *u = UNIT(ps, i);
	return (u->kind == U_PARA || u->kind == U_TITLE) && u->chars <= BRACKET_NOTE_MAX && u->gap < ps->pf.big_gap &&
	       round_bracketed(u) && art_has_body(a);
}

/* "编者附言：我们已将来信转给…", "编后：…": the editor answering the
 * story printed above, in a paragraph opened by its label. The label says
 * "after" (unlike 编者按, which introduces the story under it), so the
 * note belongs to the story above, signed or not, whatever gap the page
 * sets before it; a label alone on its line (编后) is a heading instead. */
static bool afterword(const parser *ps, size_t i, const art *a)
{
	static const char *const labels[] = { "编者附言", "編者附言", "编辑附言", "編輯附言", "编后语", "編後語",
					      "编后记", "編後記", "编后", "編後" };
	const unit *u = UNIT(ps, i);
	/* every label opens with 编 or 編 (E7 BC 96, E7 B7 A8): most lines
	 * leave at their first two bytes */
	const unsigned char *b = (const unsigned char *)u->s;
	if (u->kind != U_PARA || u->len < 10 || b[0] != 0xE7 || (b[1] != 0xBC && b[1] != 0xB7) || !a || a->cut ||
	    !art_has_body(a))
		return false;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t n = strlen(labels[k]);
		if (u->len > n + 3 && memcmp(u->s, labels[k], n) == 0)
			return memcmp(u->s + n, "：", 3) == 0 || u->s[n] == ':';
	}
	return false;
}

/* "第十一中学初二甲班" over "王建国　李淑珍", the page's last two lines,
 * under a letter's finished text with no byline: the writers' unit (a
 * short line, no sentence) over their names, one signature. */
static bool signer_over_names(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (i + 1 >= ps->nunits || a->field[DOC_F_BYLINE].len || a->parts[a->nparts - 1].type != DOC_PARAGRAPH ||
	    !raw_ends_sentence(a->parts[a->nparts - 1].s, a->parts[a->nparts - 1].len))
		return false;
	const unit *n = UNIT(ps, i + 1);
	return u->kind == U_TITLE && u->chars <= 16 && !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END)) &&
	       (n->kind == U_NAMES || n->kind == U_BYLINE) && n->gap == 0 && u->gap < ps->pf.big_gap;
}

/* Whether the cut text of a ends in a figure and u goes on with one: a
 * number the cut split in two. */
static bool figure_cut(const art *a, const unit *u)
{
	if (!a->nparts || !u->len || u->s[0] < '0' || u->s[0] > '9')
		return false;
	const part *last = &a->parts[a->nparts - 1];
	return last->len && last->s[last->len - 1] >= '0' && last->s[last->len - 1] <= '9';
}

/* "（记者　赵丽）" alone between two items of a box opening with the
 * same mark ("●…业态。" over it, "●今年以来…" under it): the signature
 * of the item above, its text, not the box's byline. */
static bool item_signature(const parser *ps, size_t i, art *a)
{
	const unit *u = UNIT(ps, i);
	const part *last = last_part(a);
	if (!(u->kind == U_NAMES || u->kind == U_BYLINE || u->kind == U_END) || !round_bracketed(u) || u->gap > 0 ||
	    i + 1 >= ps->nunits || !last || last->type != DOC_PARAGRAPH)
		return false;
	const unit *next = UNIT(ps, i + 1);
	uint32_t mark = title_mark(last->s, last->len);
	return mark && next->gap == 0 && title_mark(next->s, next->len) == mark;
}

/* "介绍，", "表示：": a verb of speech opening a line, its subject on
 * the line above ("该团政治工作处主任王宏伟" / "介绍，评选活动…"). */
static bool opens_with_speech_verb(const char *s, size_t len)
{
	static const char *const verbs[] = { "介绍", "介紹", "表示", "指出", "认为", "認為", "强调", "強調", "透露",
					      "坦言", "说", "說", "称", "稱", "告诉记者", "告訴記者", "回忆", "回憶" };
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		size_t n = strlen(verbs[k]);
		if (len > n + 3 && memcmp(s, verbs[k], n) == 0)
			return memcmp(s + n, "，", 3) == 0 || memcmp(s + n, "：", 3) == 0;
	}
	return false;
}

/* A title-like line over a line that opens with a verb of speech, set
 * tight under the open story's text: the subject of that sentence, the
 * first line of a paragraph whose indent the extraction dropped, not a
 * headline of its own. */
enum { SPEAKER_LINE_MAX = 24 };
static bool speaker_line(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!a || !art_has_body(a) || u->kind != U_TITLE || u->gap || u->chars > SPEAKER_LINE_MAX ||
	    (u->flags & (UF_TERMINATED | UF_CLAUSE_END | UF_SENTENCE)) || i + 1 >= ps->nunits)
		return false;
	const unit *next = UNIT(ps, i + 1);
	return next->kind == U_PARA && next->gap == 0 && opens_with_speech_verb(next->s, next->len);
}

/* On a page that indents its paragraphs, a line set at the margin tight
 * under a full line of text that happened to end its sentence at the
 * line's end ("…候車環境欠佳。" / "據統計，目前每日在屯門公路沿線各個巴")
 * is that paragraph going on, as wide as the line above: no title. */
static bool margin_line_goes_on(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!a || !ps->pf.indents || ps->pf.indent_all || (u->flags & UF_INDENTED) || u->gap || i == ps->units_base ||
	    !art_has_body(a) || a->parts[a->nparts - 1].type != DOC_PARAGRAPH)
		return false;
	const unit *prev = UNIT(ps, i - 1);
	if (prev->kind != U_PARA || !raw_ends_sentence(prev->s, prev->len))
		return false;
	unsigned w = prev->last_cols ? prev->last_cols
				     : line_columns(prev->s, prev->len) + ((prev->flags & UF_INDENTED) ? PARA_INDENT_COLS : 0);
	unsigned b = line_columns(u->s, u->len);
	return w + 2 >= b && b + 2 >= w && b >= 2 * WRAP_HEAD_MAX && inner_punctuation(u->s, u->len);
}

/* "…的乘客約有3" over "2,000人次。…": a line ending in a figure over
 * one opening with a figure, the number the line's end cut in two. */
static bool figure_cut_below(const unit *u, const unit *next)
{
	return u->len && next->len && next->gap == 0 && u->s[u->len - 1] >= '0' && u->s[u->len - 1] <= '9' &&
	       next->s[0] >= '0' && next->s[0] <= '9';
}

static void handle_title(parser *ps, size_t *i, const evidence *ev)
{
	art *a = cur_art(ps);
	const unit *u = UNIT(ps, *i);
	if (margin_line_goes_on(ps, *i, a) ||
	    (a && a->cut && *i + 1 < ps->nunits && figure_cut_below(u, UNIT(ps, *i + 1)) && u->gap == 0)) {
		explain_facts(ps, *i, "body+", S_F_RUN_ON, NSIGNALS);
		unit para = *u;
		para.kind = U_PARA;
		a->cut = true;
		add_paragraph(ps, a, &para);
		(*i)++;
		return;
	}
	/* "以" / "2分15秒" / "的成績…": a figure and its units inside a cut
	 * sentence, put out on a line of its own (a viewer's font change):
	 * the sentence's */
	if (a && a->cut && *i + 1 < ps->nunits && UNIT(ps, *i + 1)->kind == U_PARA && UNIT(ps, *i + 1)->gap == 0 &&
	    u->gap == 0 && figure_phrase(u->s, u->len)) {
		explain(ps, *i, "body", NULL);
		add_paragraph(ps, a, u);
		(*i)++;
		return;
	}
	/* A title-like line inside a cut paragraph is a banner dropped there
	 * (but not the rest of a figure the cut split: "…7时30分，20" /
	 * "26珠城马拉松在…") */
	if (a && a->cut && *i + 1 < ps->nunits && UNIT(ps, *i + 1)->kind == U_PARA &&
	    u->kind == U_TITLE && !(u->flags & UF_COMMA) && !title_goes_on(ps, *i) && !wrapped_run_on(ps, *i, a) &&
	    !figure_cut(a, u) && !figure_cut_below(u, UNIT(ps, *i + 1))) {
		banner_for(ps, *i, S_F_CUT_BANNER);
		(*i)++;
		return;
	}
	bool note = bracket_note(ps, *i, a);
	/* a title line with nothing under it but names and the page's end
	 * (the run heads no story: S_NOTHING_UNDER): a letter's signature,
	 * the writers' unit over their names (第十一中学初二甲班 / 王建国　李淑珍) */
	if (a && art_has_body(a) && !a->cut && nothing_under(ps, *i + 1) && signer_over_names(ps, *i, a)) {
		const unit *n = UNIT(ps, *i + 1);
		char *d = doc_arena_alloc(ps->issue, u->len + 3 + n->len);
		memcpy(d, u->s, u->len);
		memcpy(d + u->len, "\xE3\x80\x80", 3);      /* U+3000 between the two lines */
		memcpy(d + u->len + 3, n->s, n->len);
		a->field[DOC_F_BYLINE] = doc_str_make(d, u->len + 3 + n->len);
		a->ended = true;
		explain(ps, *i, "byline", NULL);
		explain(ps, *i + 1, "byline", NULL);
		*i += 2;
		return;
	}
	bool run_on = !note && wrapped_run_on(ps, *i, a);
	ps->lines_ran_on |= run_on;
	if (title_is_paragraph_start(ps, *i) || signature_over_date(ps, *i) || note || run_on) {
		evidence facts;
		memset(&facts, 0, sizeof facts);
		ev_add(&facts, note ? S_F_BRACKET_NOTE : run_on ? S_F_RUN_ON : S_F_COMMA_START);
		explain(ps, *i, a && a->cut ? "body+" : "body", &facts);
		unit para = *u;
		para.kind = U_PARA;
		a = ensure_article(ps);
		if (!a->cut)
			flush_held(ps, a);
		add_paragraph(ps, a, &para);
		if (note)
			a->cut = false;     /* the note in brackets is whole */
		(*i)++;
		return;
	}
	/* A subhead: consecutive title lines of one block are one subhead. */
	a = ensure_article(ps);
	flush_held(ps, a);
	doc_str text = doc_str_make(u->s, u->len);
	size_t j = *i + 1;
	explain(ps, *i, "subhead", ev);
	while (j < ps->nunits && UNIT(ps, j)->gap == 0 && UNIT(ps, j)->kind == U_TITLE && !signed_under(ps, j)) {
		explain(ps, j, "subhead", ev);
		text = join_text(ps, text.s, text.len, UNIT(ps, j)->s, UNIT(ps, j)->len), j++;
	}
	if (u->kind == U_MDSUB) {
		const char *s = text.s;
		while (text.len && *s == '#')
			s++, text.len--;
		unsigned rank = (unsigned)(s - text.s);
		if (!ps->md_sub_level || rank < ps->md_sub_level)
			ps->md_sub_level = rank;
		const char *t = text_skip_space(s, s + text.len);
		text.len -= (uint32_t)(t - s);
		text.s = t;
	}
	/* "**一、老旧小区改造**", "*相关链接*": the marks are markup */
	while (text.len > 2 && (text.s[0] == '*' || text.s[0] == '_') && text.s[0] == text.s[text.len - 1] &&
	       text.s[1] != text.s[0]) {
		text.s++;
		text.len -= 2;
	}
	text = strip_emphasis(ps, text.s, text.len);
	add_part(a, DOC_SUBHEAD, text.s, text.len);
	/* (a table's title over its rows opens no section of the story) */
	if (table_rows_at(ps, j))
		a->table_heads++;
	a->cut = false;
	a->ended = false;       /* a subhead: the story goes on */
	*i = j;
}

/* "（續A14）", "（续第二版）": a jump line whose word (续) says that the
 * story goes on, whether from or to the page it names. */
static bool goes_on_mark(const unit *u)
{
	const char *t = text_skip_space(u->s, u->s + u->len);
	size_t n = (size_t)(u->s + u->len - t);
	return has_prefix(t, n, "（續") || has_prefix(t, n, "（续") || has_prefix(t, n, "(續") || has_prefix(t, n, "(续");
}

static void handle_jump(parser *ps, size_t *i)
{
	const unit *u = UNIT(ps, *i);
	art *a = cur_art(ps);
	if (!a || (a->ended && u->jump != PATTERN_JUMP_FROM)) {
		/* a jump line on its own: keep it as a block of a headless article */
		a = new_art(ps);
	}
	flush_held(ps, a);
	explain(ps, *i, "jump", NULL);
	add_part(a, DOC_JUMP, u->s, u->len);
	a->cut = false;
	if (u->jump == PATTERN_JUMP_TO || u->jump == PATTERN_JUMP_SEE)
		a->ended = true;
	(*i)++;
}

/* "【编者按】", "编者按：", "編者按": the label of an editor's note. */
static bool is_note_label(const unit *u)
{
	const char *s = u->s, *e = u->s + u->len;
	if (has_prefix(s, u->len, "【") && u->len > 6 && memcmp(e - 3, "】", 3) == 0)
		s += 3, e -= 3;
	size_t n = (size_t)(e - s);
	return (n == 9 && (memcmp(s, "编者按", 9) == 0 || memcmp(s, "編者按", 9) == 0)) ||
	       (n == 12 && (memcmp(s, "编者的话", 12) == 0 || memcmp(s, "編者的話", 12) == 0));
}

/* A paragraph opening with the label of an editor's note. */
static bool note_opening(const unit *u)
{
	static const char *const notes[] = { "编者按", "編者按", "【编者按】", "【編者按】", "编者的话", "編者的話" };
	for (size_t k = 0; k < sizeof notes / sizeof *notes; k++)
		if (has_prefix(u->s, u->len, notes[k]))
			return true;
	return false;
}

/* A paragraph opening with an editor's note ("编者按：…", "【编者按】…")
 * with a title run right under it (after at most one more paragraph of
 * the note) that has a byline or dateline under it: the note of that
 * story, printed over its deck. */
static bool note_over_deck(const parser *ps, size_t i)
{
	if (!note_opening(UNIT(ps, i)))
		return false;
	size_t j = i + 1;
	if (j < ps->nunits && UNIT(ps, j)->kind == U_PARA)
		j++;
	if (j >= ps->nunits || !is_title_kind(UNIT(ps, j)->kind))
		return false;
	size_t n = title_run(ps, j);
	if (j + n >= ps->nunits)
		return false;
	uint8_t k = UNIT(ps, j + n)->kind;
	return k == U_BYLINE || k == U_NAMES || k == U_DATELINE;
}

/* An article that is only a headline of one line: no deck, no byline, no
 * text. */
static bool lone_title_only(const art *a)
{
	return a->field[DOC_F_HEADLINE].len && !a->field[DOC_F_KICKER].len && !a->field[DOC_F_SUBTITLE].len &&
	       !a->field[DOC_F_BYLINE].len && !a->field[DOC_F_DATELINE].len && !a->field[DOC_F_COLUMN].len &&
	       a->nparts == 0 && !a->ended;
}

/* "——鲁迅": a short line starting with a dash, right after a finished
 * paragraph of the open story, and not heading a deck (no byline or
 * dateline under it): the attribution of a quotation or an epigraph. */
static bool is_attribution(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!dash_title(u) || !a || a->cut || !a->nparts || a->parts[a->nparts - 1].type != DOC_PARAGRAPH)
		return false;
	if (cites_work_under(ps, i))
		return true;
	if (i + 1 < ps->nunits) {
		uint8_t k = UNIT(ps, i + 1)->kind;
		if (k == U_BYLINE || k == U_DATELINE || k == U_NAMES)
			return false;
	}
	return true;
}

static bool page_foot_note(const parser *ps, size_t i, const art *a);

/* "——湖北宜昌　邮友　谭正明" after the last paragraph of a story without
 * byline: where the byline after the dash starts, or NULL. */
static const char *dash_signature(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!(u->flags & UF_DASH_START) || u->chars > 24 || !a || a->cut || a->field[DOC_F_BYLINE].len ||
	    !a->nparts || a->parts[a->nparts - 1].type != DOC_PARAGRAPH || (u->kind != U_TITLE && u->kind != U_PARA))
		return NULL;
	const char *who = u->s, *end = u->s + u->len;
	while (has_prefix(who, (size_t)(end - who), "—"))
		who += 3;
	who = text_skip_space(who, end);
	return who < end && pattern_is_byline(who, (size_t)(end - who), false) ? who : NULL;
}

/* A byline or a names line after the body of a story that has no byline,
 * where the story ends: at the end of the page, before a big gap, a
 * title, a page header or another byline. */
/* "　　洪　涛" under the last sentence of a story, on a page whose
 * paragraphs open with an indent: names alone, set in as a signature is,
 * are no paragraph of their own when they close the story (what follows
 * is checked by byline_closes_story). */
static bool indented_signature(const unit *u, const art *a)
{
	if (u->kind != U_PARA || u->indent_para != 2 || !a || !art_has_body(a))
		return false;
	const part *last = &a->parts[a->nparts - 1];
	return last->type == DOC_PARAGRAPH && raw_ends_sentence(last->s, last->len);
}

/* Whether a's text so far is only the numbered captions of its pictures
 * ("①工人们在…休息取暖。", "②…"), two at least. */
static bool numbered_captions_only(const art *a)
{
	size_t n = 0;
	for (size_t k = 0; k < a->nparts; k++) {
		const part *p = &a->parts[k];
		if (p->type == DOC_CAPTION)
			continue;
		uint32_t c = first_cp(p->s, p->s + p->len);
		if (p->type != DOC_PARAGRAPH || c < 0x2460 || c > 0x2473)
			return false;
		n++;
	}
	return n >= 2;
}

/* "①凌晨4时许，…": a line opening with a circled number. */
static bool circled_opening(const unit *u)
{
	uint32_t cp = first_cp(u->s, u->s + u->len);
	return cp >= 0x2460 && cp <= 0x2473;
}

/* "文/图", "摄": a byline that credits the pictures too. */
static bool picture_credit_words(const unit *u)
{
	return util_find(u->s, u->len, "图", 3) || util_find(u->s, u->len, "圖", 3) || util_find(u->s, u->len, "摄", 3) ||
	       util_find(u->s, u->len, "攝", 3);
}

/* "①凌晨4时许，渔船陆续靠岸，" / "工人将渔获搬上码头。" / "②…": the
 * numbered captions under a picture story its credit closed, from unit
 * i: each caption its lines set tight down to the next number or the
 * block's end. Returns the units taken. */
static size_t numbered_captions_after(parser *ps, size_t i, art *a)
{
	size_t k = i;
	while (k < ps->nunits && circled_opening(UNIT(ps, k)) && (k == i || UNIT(ps, k)->gap == 0)) {
		const unit *u = UNIT(ps, k);
		util_buf b = { 0 };
		util_buf_add(&b, u->s, u->len);
		explain(ps, k, "caption", NULL);
		k++;
		while (k < ps->nunits && UNIT(ps, k)->gap == 0 && !circled_opening(UNIT(ps, k)) &&
		       (UNIT(ps, k)->kind == U_PARA || UNIT(ps, k)->kind == U_TITLE) && !raw_ends_sentence(b.data, b.len)) {
			util_buf_add(&b, UNIT(ps, k)->s, UNIT(ps, k)->len);
			explain(ps, k, "caption", NULL);
			k++;
		}
		doc_str d = doc_arena_dup(ps->issue, b.data, b.len);
		util_buf_free(&b);
		add_part(a, DOC_CAPTION, d.s, d.len);
	}
	return k - i;
}

static bool byline_closes_story(const parser *ps, size_t i, const art *a)
{
	if (a->field[DOC_F_BYLINE].len || !art_has_body(a) || a->cut || a->ended ||
	    a->parts[a->nparts - 1].type != DOC_PARAGRAPH)
		return false;
	/* a photo caption printed under the byline belongs to the story */
	size_t k = skip_captions(ps, i + 1);
	if (k >= ps->nunits)
		return true;
	const unit *next = UNIT(ps, k);
	if (next->gap >= ps->pf.big_gap || next->kind == U_PAGEHEAD || page_foot_note(ps, k, NULL))
		return true;
	if (next->kind == U_MDHEAD || next->kind == U_END || labels_signed_title(ps, k))
		return true;
	/* (the photographer's credit over the pictures' numbered captions,
	 * "本报记者　陈思远　文/图" / "①凌晨4时许…") */
	if (next->gap == 0 && circled_opening(next) && picture_credit_words(UNIT(ps, i)))
		return true;
	if (next->kind != U_TITLE)
		return false;
	if (UNIT(ps, i)->kind == U_NAMES || k > i + 1)
		return true;
	run_facts rf;
	if (story_evidence_score(ps, k, &rf) >= STORY_MIN)
		return true;
	/* the story under the next title is signed at its end by a reporter
	 * of its own ("…。（记者 X）"): a story has one byline, so this one
	 * closes the story above (a running header may stand between them) */
	if (rf.author && rf.filed)
		return true;
	/* "东湖区　读者　何建国" between a finished story without a byline
	 * and a title with its own text right under it (no byline there to
	 * go with): the story above is signed */
	size_t j = k + title_run(ps, k);
	return raw_ends_sentence(a->parts[a->nparts - 1].s, a->parts[a->nparts - 1].len) && j < ps->nunits &&
	       UNIT(ps, j)->kind == U_PARA;
}

/* "东关镇听众　刘福田" between a finished letter (a headline, a body, no
 * byline) and more text with no title over it ("编辑回复：…"): the writer
 * signs the letter, and the text after it (the editor's reply) goes on
 * in the same story. A reporter's byline there opens a story of its own. */
static bool byline_signs_above(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_BYLINE || !signs_contribution(u) || a->field[DOC_F_BYLINE].len ||
	    !a->field[DOC_F_HEADLINE].len || !art_has_body(a) || a->cut || a->ended ||
	    a->parts[a->nparts - 1].type != DOC_PARAGRAPH ||
	    !raw_ends_sentence(a->parts[a->nparts - 1].s, a->parts[a->nparts - 1].len))
		return false;
	return i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_PARA && UNIT(ps, i + 1)->gap < ps->pf.big_gap;
}

/* "陕西省泾阳县　读者　刘长安" right under a question ("问：…？") with
 * the answer under it: who asks, a line of the text; the answer has its
 * own author. */
static bool asker_under_question(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_BYLINE || !signs_contribution(u) || !art_has_body(a) ||
	    a->parts[a->nparts - 1].type != DOC_PARAGRAPH)
		return false;
	const part *last = &a->parts[a->nparts - 1];
	if (last_cp(last->s, last->s + last->len, NULL) != 0xFF1F && !has_prefix(last->s, last->len, "问：") &&
	    !has_prefix(last->s, last->len, "問："))
		return false;
	return i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_PARA && UNIT(ps, i + 1)->gap < ps->pf.big_gap;
}

/* A story that opened with its dateline ("本报讯 …", "【新华社济南讯】…")
 * and has its body but no headline: papers that print the headline
 * under the story. */
/* A title over text of its own, a big gap apart from the headless
 * story above, on a page whose stories so far had their headlines over
 * them: a new story's head, not the one above printed after it. */
static bool heads_own_text(const parser *ps, size_t i)
{
	if (i + 1 >= ps->nunits || UNIT(ps, i + 1)->kind != U_PARA || UNIT(ps, i + 1)->gap >= ps->pf.big_gap ||
	    UNIT(ps, i)->gap < ps->pf.big_gap)
		return false;
	size_t headed = 0;
	for (size_t k = 0; k + 1 < ps->narts && headed < 2; k++)
		headed += ART(ps, k)->field[DOC_F_HEADLINE].len > 0;
	return headed >= 2;
}

static bool headline_after_body(const art *a)
{
	return !a->field[DOC_F_HEADLINE].len && a->field[DOC_F_DATELINE].len && art_has_body(a) && !a->cut &&
	       !a->field[DOC_F_KICKER].len && !art_has_subhead(a);
}

/* A line closing a story ("（完）", "（X 供稿）", "据新华社"): kept as
 * the story's last paragraph, or as its byline when it is an author in
 * parentheses and the story has none; the story is closed. */
/* "（本期编辑：方敬之　校对：余文涛）", "（责任编辑：X）": an end mark whose
 * brackets hold only a running header's fields, the desk's credits: the
 * page's furniture, though it closes the story above. */
static bool desk_credits(const unit *u)
{
	size_t op = u->s[0] == '(' ? 1 : has_prefix(u->s, u->len, "（") ? 3 : 0;
	if (!op || u->len <= op + 3)
		return false;
	size_t cl = u->s[u->len - 1] == ')' ? 1 : 3;
	const char *in = u->s + op;
	size_t n = u->len - op - cl;
	/* (an editor's or proofreader's role among them: a date in brackets
	 * dates the story) */
	if (!memmem(in, n, "编", 3) && !memmem(in, n, "編", 3) && !memmem(in, n, "校", 3))
		return false;
	header_match hm;
	return is_running_header(in, n, &hm) && hm.fields >= 1 && !hm.page;
}

/* "□ 读书角" waiting above a headline whose byline under it names its
 * writer by a role ("□ 文 / 伦敦　叶晓岚"): a story has one byline, and a
 * mark and a word of two to four characters that is no name, over it,
 * is the column's label, marked as the page marks its bylines. */
static bool marked_word_over(doc_str stub, doc_str by)
{
	const char *s = stub.s, *end = stub.s + stub.len;
	uint32_t mark = first_cp(s, end);
	if (mark != 0x25A1 && mark != 0x25A0 && mark != 0x25C6 && mark != 0x25C7)
		return false;       /* □ ■ ◆ ◇ */
	const char *w = text_skip_space(s + 3, end);
	unsigned n = 0;
	for (const char *p = w; p < end; n++) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!is_han(cp))
			return false;
	}
	if (n < 2 || n > 4 || pattern_is_byline(w, (size_t)(end - w), true))
		return false;       /* a name ("□ 陈晓岚") signs beside the other */
	const char *b = by.s, *bend = by.s + by.len;
	if (first_cp(b, bend) == mark)
		b = text_skip_space(b + 3, bend);
	return pattern_is_byline(b, (size_t)(bend - b), false);
}

static void handle_end(parser *ps, size_t *i)
{
	const unit *u = UNIT(ps, *i);
	art *a = ensure_article(ps);
	flush_held(ps, a);
	if (desk_credits(u)) {
		banner_for(ps, *i, S_F_DESK_CREDITS);
		if (art_has_body(a))
			a->ended = true;
		a->cut = false;
		(*i)++;
		return;
	}
	doc_str author = end_mark_author(u->s, u->len);
	pattern_dateline dm;
	if (!a->field[DOC_F_DATELINE].len && u->len > 6 && pattern_match_dateline(u->s + 3, u->len - 6, &dm) &&
	    dm.date_end > dm.date_start) {
		/* "（本报米兰2月9日电）" after the body: the story's dateline, and
		 * the author after it ("…电　记者 孙晓峰") */
		a->field[DOC_F_DATELINE] = doc_str_make(u->s + 3 + dm.date_start, dm.date_end - dm.date_start);
		const char *b = text_skip_space(u->s + 3 + dm.date_end, u->s + u->len - 3);
		size_t bl = (size_t)(u->s + u->len - 3 - b);
		if (!a->field[DOC_F_BYLINE].len && bl && pattern_is_byline(b, bl, false))
			a->field[DOC_F_BYLINE] = doc_str_make(b, bl);
	}
	if (author.len && !a->field[DOC_F_BYLINE].len && art_has_body(a) &&
	    (supplier_only(author.s, author.len) || paper_own_name(ps, author.s, author.len))) {
		explain(ps, *i, "end", NULL);
		a->field[DOC_F_BYLINE] = author;
		a->supplied = author.s;
		add_part(a, DOC_PARAGRAPH, u->s, u->len);
	} else if (author.len && !a->field[DOC_F_BYLINE].len) {
		explain(ps, *i, "byline", NULL);
		a->field[DOC_F_BYLINE] = author;
		/* "（摘自…的忏悔书，本报记者 X 整理）": the source clause before
		 * the signer stays the story's last paragraph */
		const char *in = text_skip_space(u->s + (u->s[0] == '(' ? 1 : 3), author.s);
		const char *src_end = text_trim_end(in, author.s);
		if (src_end > in && has_prefix(text_prev(in, src_end), (size_t)(src_end - text_prev(in, src_end)), "，"))
			src_end = text_trim_end(in, text_prev(in, src_end));
		if (src_end > in)
			add_part(a, DOC_PARAGRAPH, in, (size_t)(src_end - in));
	} else {
		explain(ps, *i, "end", NULL);
		add_part(a, DOC_PARAGRAPH, u->s, u->len);
	}
	if (art_has_body(a))
		a->ended = true;
	a->cut = false;
	(*i)++;
}

static bool is_terminated_text(const part *p);

/* A story with a headline and, under it, one line that ends no sentence
 * and holds no full stop (a link's dots aside), and no byline yet: that line is no text of the story (a line of
 * its deck in another script, the account line of a web post), so a
 * byline under it still signs the story (S_F_OPEN_LINE_BYLINE). */
static bool open_line_over_byline(const art *a)
{
	if (!a || a->ended || !a->field[DOC_F_HEADLINE].len || a->field[DOC_F_BYLINE].len || a->nparts != 1 ||
	    a->parts[0].type != DOC_PARAGRAPH)
		return false;
	const part *t = &a->parts[0];
	return !is_terminated_text(t) && !memmem(t->s, t->len, "。", 3) && !memmem(t->s, t->len, "！", 3) &&
	       !memmem(t->s, t->len, "？", 3) && !memmem(t->s, t->len, "｡", 3);
}

/* "# 秸秆变…" / "原创 三农新观察 *…*" / "> 编者按：…" / "文 | 本号记者 X":
 * an editor's note introduces the story under it, so a byline right
 * under the note (the story's open line and pictures aside, nothing
 * else under its headline) signs that story. */
static bool epigraph_over_byline(const art *a);

static bool note_over_byline(const art *a)
{
	if (!a || a->ended || !a->field[DOC_F_HEADLINE].len || a->field[DOC_F_BYLINE].len)
		return false;
	if (epigraph_over_byline(a))
		return true;
	bool note = false;
	for (size_t k = 0; k < a->nparts; k++) {
		const part *p = &a->parts[k];
		if (p->type == DOC_CAPTION)
			continue;
		if (p->type != DOC_PARAGRAPH)
			return false;
		unit t = { .s = p->s, .len = p->len };
		if (note_opening(&t))
			note = true;
		else if (k || is_terminated_text(p) || memmem(p->s, p->len, "。", 3) || memmem(p->s, p->len, "｡", 3))
			return false;   /* (text, not the post's open line) */
	}
	return note;
}

/* "凡事预则立，不预则废。" / "——《礼记·中庸》" over "□许慧敏": all the
 * story holds yet is an epigraph, a sentence or two, and its source on a
 * dash line: the byline under them signs the story they head. */
enum { EPIGRAPH_MAX = 120 };
static bool epigraph_over_byline(const art *a)
{
	if (a->nparts != 2 || a->parts[0].type != DOC_PARAGRAPH || a->parts[1].type != DOC_PARAGRAPH ||
	    a->parts[0].len > EPIGRAPH_MAX * 3 || a->parts[1].len > ATTRIBUTION_MAX * 3 + 6)
		return false;
	return has_prefix(a->parts[1].s, a->parts[1].len, "——");
}

/* "地方短波" / "【記者X／外埔報導】…" / "【記者Y／大甲報導】…": a dateline
 * set tight under a paragraph its story opened with a dateline of the
 * same bracket is the next item of one box of briefs, not a story of its
 * own (no title between them). */
static bool dateline_item(const parser *ps, const art *a, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (i == 0 || (u->gap != 0 && !(u->gap == 1 && ps->pf.blank_rhythm)) || !a->field[DOC_F_HEADLINE].len)
		return false;       /* (a blank line between paragraphs is the page's rhythm) */
	const unit *prev = UNIT(ps, i - 1);
	if (prev->kind != U_DATELINE || prev->gap > 1)
		return false;
	uint32_t b = first_cp(u->s, u->s + u->len);
	return (b == 0x3010 || b == 0x3014 || b == 0xFF08) && b == first_cp(prev->s, prev->s + prev->len);
}

/* A byline or dateline where no headline introduced it starts a story of
 * its own (its headline may come later on the page). */
/* The open story holds only its headline and an editor's note (编者按：…,
 * a paragraph or two): a dateline under the note opens its text. */
static bool note_over_dateline(const art *a)
{
	if (!a || a->ended || !a->field[DOC_F_HEADLINE].len || a->field[DOC_F_DATELINE].len || !a->nparts || a->nparts > 2)
		return false;
	for (size_t k = 0; k < a->nparts; k++)
		if (a->parts[k].type != DOC_PARAGRAPH)
			return false;
	unit t = { .s = a->parts[0].s, .len = a->parts[0].len };
	return note_opening(&t);
}

static bool starts_headless_story(const parser *ps, size_t i)
{
	const art *a = ps->narts ? ART(ps, ps->narts - 1) : NULL;
	const unit *u = UNIT(ps, i);
	if (u->kind == U_BYLINE)
		return !a || a->ended || (art_has_body(a) && !open_line_over_byline(a) && !note_over_byline(a));
	if (u->kind == U_DATELINE)
		return !a || a->ended || (art_has_body(a) && !a->cut && !(a->open_line && a->nparts == 1) &&
					  !dateline_item(ps, a, i) && !note_over_dateline(a));
	return false;
}

/* A section name heading the page ("要闻", "综合新闻"): two to four Han
 * characters, the page's first line, and an article starts right after:
 * a title run holding a headline, not only "——" subtitles (under
 * "守窑人" the line "——一座千年古镇…" is the short headline's subtitle). */
/* Units [units_base, i) are the page's header block, before any story,
 * in its first TOP_BLOCK_UNITS: header lines, the last of them right
 * above, and perhaps the masthead's short title lines (the paper's name,
 * read as a banner later). */
static bool only_headers_before(const parser *ps, size_t i)
{
	enum { MASTHEAD_TITLE_MAX = 12 };
	if (ps->narts || i <= ps->units_base || i >= ps->units_base + TOP_BLOCK_UNITS ||
	    UNIT(ps, i - 1)->kind != U_PAGEHEAD)
		return false;
	for (size_t k = ps->units_base; k < i; k++) {
		const unit *u = UNIT(ps, k);
		if (u->kind != U_PAGEHEAD && !(u->kind == U_TITLE && u->chars <= MASTHEAD_TITLE_MAX))
			return false;
	}
	return true;
}

static bool is_section_name(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	/* (first on the page, or under its header lines only: "校园·综合"
	 * under the paper's name, date and page number) */
	/* (set letter-spaced, "航 道 · 港 口", its characters count) */
	bool spaced = u->spaced || (u->chars <= 2 * 6 && letter_spaced(u->s, u->len));
	if ((i != 0 && !only_headers_before(ps, i)) || u->chars < 2 || u->chars > (spaced ? 2 * 6 : 6) || ps->label.len)
		return false;
	const char *p = u->s, *end = u->s + u->len;
	unsigned han = 0;
	bool dotted = false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (spaced && text_is_space(cp))
			continue;
		if (!is_han(cp) && !(cp == 0xB7 && han))
			return false;
		han += is_han(cp);
		dotted |= cp == 0xB7;
	}
	/* (under header lines a column's label may head the first story:
	 * "家常小炒"; a page's section is two words with a dot, or stands
	 * under the page's number) */
	if ((han > 4 && !dotted) ||
	    (i != 0 && !dotted && !bare_number(UNIT(ps, i - 1)->s, UNIT(ps, i - 1)->len)))
		return false;
	/* (a caption the extraction drew first may stand between it and the
	 * deck of the story the picture goes with) */
	size_t top = i + 1;
	if (dotted && top < ps->nunits && UNIT(ps, top)->kind == U_CAPTION)
		top++;
	size_t n = title_run(ps, top);
	bool head = false;
	for (size_t k = 0; k < n && !head; k++)
		head = !(UNIT(ps, top + k)->flags & UF_DASH_START);
	return head && top + n < ps->nunits &&
	       (UNIT(ps, top + n)->kind == U_BYLINE || UNIT(ps, top + n)->kind == U_DATELINE ||
		UNIT(ps, top + n)->kind == U_NAMES);
}

/* The name of a page from its header line: "第3版", and the section that
 * follows it when there is one ("第2版 要闻"); the date and paper name of
 * a running header are left to the banner. */
static doc_str page_label(parser *ps, const unit *u)
{
	const char *s = u->s, *end = u->s + u->len;
	for (const char *p = s; p && p < end; p++) {
		p = memmem(p, (size_t)(end - p), "第", 3);
		if (!p)
			break;
		int n = 0;
		size_t nl = pattern_number(p + 3, (size_t)(end - p - 3), &n);
		const char *ban = p + 3 + nl;
		if (!nl || end - ban < 3 || memcmp(ban, "版", 3) != 0)
			continue;
		const char *label_end = ban + 3;
		/* a short section name right after: "第2版 要闻" */
		const char *w = text_skip_space(label_end, end), *we = w;
		int chars = 0;
		while (we < end && chars <= 6) {
			uint32_t cp;
			int k = text_decode(we, end, &cp);
			if (!is_han(cp))
				break;
			we += k;
			chars++;
		}
		if (w > label_end && chars >= 1 && chars <= 6 && (we == end || text_is_space(first_cp(we, end))))
			label_end = we;
		return doc_arena_dup(ps->issue, p, (size_t)(label_end - p));
	}
	header_match hm;
	is_running_header(u->s, u->len, &hm);   /* the label of a letter-spaced one too */
	if (hm.label_len)
		return doc_arena_dup(ps->issue, hm.label, hm.label_len);
	return doc_str_make(NULL, 0);
}

/* A short line in the block of lines that heads the page (no story yet,
 * no blank line between them) with a running header in it: the paper's
 * name, the page number, the section beside the date line. A title line
 * with a byline, dateline or body right under it is a headline, not part
 * of the block. Also the paper's name alone at the top ("江海财经报").
 * The date alone in that block is the issue's date, not the date that
 * signs a notice (no story is open above it). */
enum {
	HEADER_BLOCK_MIN = 4,   /* a header's fields (pattern.c's HEADER_MIN_SCORE) */
	FIELDS_BLOCK_MAX = 4,   /* lines of a masthead printed in pieces */
};

static bool masthead_date(const unit *u)
{
	return u->kind == U_END && date_only_line(u->s, u->len);
}

/* The header's score of a unit at the page's top when it is made of a
 * header's fields only (a name, an issue, a date: at least one, no
 * other word), or -1. */
static int fields_score(const unit *u)
{
	if (u->kind == U_PAGEHEAD)
		return HEADER_BLOCK_MIN;
	if (u->chars > 30 || (u->kind != U_TITLE && u->kind != U_NAMES && u->kind != U_MDHEAD) ||
	    (u->flags & (UF_TERMINATED | UF_SENTENCE)))
		return -1;
	const char *p = u->s, *end = u->s + u->len;
	while (u->kind == U_MDHEAD && p < end && (*p == '#' || *p == ' '))
		p++;    /* the title's marks */
	header_match hm;
	match_header(p, (size_t)(end - p), &hm);
	return hm.fields >= 1 && hm.others == 0 ? hm.score : -1;
}

/* A masthead set over lines none of which is a header alone
 * ("红星自行车厂报" / "第一二七期　一九五七年" / "十月五日　本期四版"):
 * the page's first lines, tight together, each only a header's fields,
 * whose fields together make one (a masthead's name, issue and date are
 * a header's fields wherever the lines break). A line with a signature
 * or text tight under it is the first story's headline, not the
 * masthead's. */
static bool in_fields_block(const parser *ps, size_t i)
{
	size_t end = ps->units_base;
	int score = 0;
	while (end < ps->nunits && end < ps->units_base + FIELDS_BLOCK_MAX) {
		int s = fields_score(UNIT(ps, end));
		if (s < 0 || (end > ps->units_base && UNIT(ps, end)->gap >= ps->pf.big_gap))
			break;
		score += s;
		end++;
	}
	if (end < ps->nunits && UNIT(ps, end)->gap < ps->pf.big_gap) {
		uint8_t k = UNIT(ps, end)->kind;
		if (k == U_BYLINE || k == U_DATELINE || k == U_NAMES || k == U_PARA)
			end--;  /* (its last line heads the story under it) */
		else if (UNIT(ps, end)->gap == 0)
			return false;
	}
	if (i >= end || end - ps->units_base < 2)
		return false;
	score = 0;
	for (size_t j = ps->units_base; j < end; j++)
		score += fields_score(UNIT(ps, j));
	return score >= HEADER_BLOCK_MIN;
}

/* A note wholly in brackets before any story ("（内部交流　注意保存）"
 * under a bulletin's name): no story for it to close, the masthead's. */
static bool masthead_note(const unit *u)
{
	return u->kind == U_END && u->len > 6 &&
	       ((has_prefix(u->s, u->len, "（") && memcmp(u->s + u->len - 3, "）", 3) == 0) ||
		(u->s[0] == '(' && u->s[u->len - 1] == ')'));        /* OCR's half-width brackets */
}

/* A line that may be one of the masthead's: a title line, names, the
 * issue's date, a note in brackets, or a title-like line that only its
 * indent made a paragraph (a masthead centred by spaces on a page that
 * indents its paragraphs: "                    华　纺　报"). */
static bool masthead_line(const unit *u)
{
	return u->kind == U_TITLE || u->kind == U_NAMES || masthead_date(u) || masthead_note(u) ||
	       (u->kind == U_PARA && !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END | UF_COMMA)));
}

/* "〔據縮微膠卷錄入。原報直排。…〕" under the page's header, before any
 * story, a blank line under it: a note wholly in brackets about the page
 * (who transcribed it, how), the header's, no story's text. */
static bool header_note(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	return !ps->narts && i > ps->units_base && UNIT(ps, i - 1)->kind == U_PAGEHEAD && u->gap <= 1 &&
	       (i + 1 >= ps->nunits || UNIT(ps, i + 1)->gap >= 1) && wholly_bracketed(u) && !round_bracketed(u);
}

/* "第1862期" / "今日4版" / "空军某部主办" and a blank line: the
 * masthead's last short lines, tight, down to the blank that ends its
 * block (a few of them at most). */
enum { MASTHEAD_TAIL_MAX = 3, MASTHEAD_TAIL_CHARS = 10 };
static bool has_figure_bytes(const char *s, size_t len);
/* A short line of the masthead's kind: a number in it (第1862期, 今日4版)
 * or who runs the paper (…主办, …主管, …出版). */
static bool masthead_tail(const unit *u)
{
	static const char *const issuers[] = { "主办", "主辦", "主管", "出版", "协办", "協辦" };
	if (u->chars > MASTHEAD_TAIL_CHARS || (u->flags & (UF_COMMA | UF_TERMINATED | UF_SENTENCE)) || !masthead_line(u))
		return false;
	if (has_figure_bytes(u->s, u->len))
		return true;
	for (size_t k = 0; k < sizeof issuers / sizeof *issuers; k++)
		if (u->len > 6 && memcmp(u->s + u->len - 6, issuers[k], 6) == 0)
			return true;
	return false;
}

static bool masthead_run_to_gap(const parser *ps, size_t j)
{
	for (size_t k = j; k < ps->nunits && k < j + MASTHEAD_TAIL_MAX; k++) {
		const unit *v = UNIT(ps, k);
		if (v->gap > 0)
			return k > j;
		if (!masthead_tail(v))
			return false;
		if (k + 1 >= ps->nunits || UNIT(ps, k + 1)->gap > 0)
			return true;
	}
	return false;
}

static bool in_header_block(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	/* (over an item's source and age, a site's furniture: a headline) */
	if (ps->narts || u->chars > 30 || !masthead_line(u) || u->over_furn || u->named)
		return false;       /* (nor a line its site names a title: 标题：X, X over its link) */
	if (u->kind != U_END && in_fields_block(ps, i))
		return true;
	/* (a name signed under it heads a story: "城北窑址发掘简报" over
	 * its byline is a report's headline, not the paper's name; unless
	 * the signature names it again: "湘楚日报" over "湘楚日报全媒体记者 X") */
	if (u->chars >= 4 && u->chars <= 10 && is_paper_name(u->s, u->s + u->len, (int)u->chars) &&
	    !memchr(u->s, ' ', u->len) && (i + 1 >= ps->nunits || UNIT(ps, i + 1)->gap > 0) &&
	    (!signed_under(ps, i) || memmem(UNIT(ps, i + 1)->s, UNIT(ps, i + 1)->len, u->s, u->len)))
		return true;
	/* forward: a header further down the block (the page's first lines,
	 * its masthead, may stand a blank line over it) */
	unsigned gap_max = i < 2 ? 1 : 0;
	for (size_t j = i + 1; j < ps->nunits && j < i + 6 && UNIT(ps, j)->gap <= gap_max; j++) {
		uint8_t k = UNIT(ps, j)->kind;
		/* (a post's time under a title stamps the post, whose title it is) */
		if (k == U_PAGEHEAD)
			return !bare_stamp(UNIT(ps, j)->s, UNIT(ps, j)->len) && !read_stamp(UNIT(ps, j)->s, UNIT(ps, j)->len) &&
			       !(UNIT(ps, j)->chars <= 20 && has_clock(UNIT(ps, j)->s, UNIT(ps, j)->len));   /* (2026/12/02 06:00) */
		if (!masthead_line(UNIT(ps, j)) || UNIT(ps, j)->chars > 30)
			break;
	}
	/* backward: right under a header, and the block ends here or goes on
	 * with another header */
	/* (or under the masthead's short lines right under one) */
	size_t above = i - (i > ps->units_base);
	for (unsigned n = 0; above > ps->units_base && n < MASTHEAD_TAIL_MAX && UNIT(ps, above)->kind != U_PAGEHEAD &&
			     UNIT(ps, above + 1)->gap == 0 && masthead_tail(UNIT(ps, above)) && masthead_tail(u); n++)
		above--;
	if (i > ps->units_base && u->gap == 0 && UNIT(ps, above + 1)->gap == 0 && UNIT(ps, above)->kind == U_PAGEHEAD) {
		if (i + 1 >= ps->nunits)
			return true;
		const unit *next = UNIT(ps, i + 1);
		return next->gap > 0 || next->kind == U_PAGEHEAD || masthead_run_to_gap(ps, i + 1);
	}
	return false;
}

/* "6" / "民生热线" over a running header inside the page: its number
 * alone, or a short title the page printed at its top already (its
 * name), a line or two over the header, which follows within a blank
 * line or two. */
enum { MID_HEADER_REACH = 2, PAGE_TOP_UNITS = 12 };
static bool beside_mid_header(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (!ps->narts || u->chars > 8 || (u->flags & (UF_TERMINATED | UF_SENTENCE | UF_COMMA)))
		return false;
	/* (the paper's name may open the block a line further up) */
	bool paper = !u->spaced && is_paper_name(u->s, u->s + u->len, (int)u->chars);
	size_t reach = MID_HEADER_REACH + paper;
	size_t k = i + 1;
	while (k < ps->nunits && k <= i + reach && UNIT(ps, k)->kind != U_PAGEHEAD && UNIT(ps, k)->chars <= 8)
		k++;
	if (k >= ps->nunits || k > i + reach || UNIT(ps, k)->kind != U_PAGEHEAD || UNIT(ps, k)->gap > 2)
		return false;
	bool figures = true;
	for (size_t b = 0; b < u->len; b++)
		figures &= u->s[b] >= '0' && u->s[b] <= '9';
	if (figures && u->len <= 3)
		return true;
	/* "湄江日报" / "老 挝 新 闻" / "2" / "2026年12月2日…": the paper's
	 * name opening the block, the page's name under it */
	if (paper && (i == ps->units_base || raw_ends_sentence(UNIT(ps, i - 1)->s, UNIT(ps, i - 1)->len)))
		return true;
	/* (or the page's name between its number and the header: "3" /
	 * "港口·物流" / "2026年12月2日") */
	if (i > ps->units_base) {
		const unit *p = UNIT(ps, i - 1);
		bool number = p->len && p->len <= 3 && p->gap >= 1;
		for (size_t b = 0; number && b < p->len; b++)
			number = p->s[b] >= '0' && p->s[b] <= '9';
		if (number && u->gap >= 1)
			return true;
		if (u->gap == 0 && p->kind == U_TITLE && p->chars <= 8 && !p->spaced &&
		    is_paper_name(p->s, p->s + p->len, (int)p->chars))
			return true;
	}
	for (size_t t = ps->units_base; t < ps->units_base + PAGE_TOP_UNITS && t < i; t++)
		if (UNIT(ps, t)->len == u->len && memcmp(UNIT(ps, t)->s, u->s, u->len) == 0)
			return true;
	return false;
}

/* The same block at the page's foot (as some extractions print the
 * header, after the page's text): a short title line set tight over a
 * running header, or right under one, with nothing but such lines and
 * headers down to the page's end ("安平县报" over "2025年4月8日　星期二"
 * over "第3版　乡村振兴"). A title with nothing of its own under it
 * heads no story: the paper's name, its section, its masthead's lines.
 * The block stands apart from the text above it and holds three such
 * lines at most (a poem's last lines run tight over a footer); a header
 * set in as the paragraphs are, or with words that are no header's
 * field ("第2版　全省重大项目建设…" under "今日导读"), is an item of a
 * list, not a running header. */
static bool foot_title(const unit *u)
{
	return u->kind == U_TITLE && u->chars <= 30 && !(u->flags & (UF_TERMINATED | UF_SENTENCE));
}

static bool foot_header(const parser *ps, const unit *u)
{
	if (u->kind != U_PAGEHEAD || (ps->pf.indents && !ps->pf.indent_all && (u->flags & UF_INDENTED)))
		return false;
	if (u->flags & UF_RECURS)
		return true;    /* printed again on the page */
	header_match hm;
	match_header(u->s, u->len, &hm);
	return hm.others == 0;  /* fields only: not "第2版　全省…" listing a page's story */
}

enum { FOOT_BLOCK_MAX = 6, FOOT_TITLES_MAX = 3, FOOT_NAME_MAX = 6 };
/* Whether units j to the page's end are all the page's header lines
 * (two at least). */
static bool only_heads_below(const parser *ps, size_t j)
{
	if (j + 1 >= ps->nunits)
		return false;
	for (size_t k = j; k < ps->nunits; k++)
		if (UNIT(ps, k)->kind != U_PAGEHEAD)
			return false;
	return true;
}

/* Whether a header stands right over unit i, or over the few title
 * lines tight over it ("编辑：…" / "3" / "水运航道报"). */
static bool header_over_titles(const parser *ps, size_t i)
{
	size_t j = i;
	for (unsigned n = 0; j > ps->units_base && n < FOOT_TITLES_MAX && UNIT(ps, j)->gap == 0 &&
			     foot_title(UNIT(ps, j - 1)) && UNIT(ps, j - 1)->chars <= FOOT_NAME_MAX; n++)
		j--;
	return j > ps->units_base && foot_header(ps, UNIT(ps, j - 1));
}

static bool in_foot_block(const parser *ps, size_t i)
{
	if (!ps->eof || ps->nunits - i > FOOT_BLOCK_MAX || !foot_title(UNIT(ps, i)))
		return false;
	/* a dateline story printed without its headline above: the title
	 * under it is that headline, printed after (S_F_AFTER_BODY) */
	const art *a = ps->narts ? ART(ps, ps->narts - 1) : NULL;
	if (a && !a->field[DOC_F_HEADLINE].len && a->field[DOC_F_DATELINE].len && art_has_body(a))
		return false;
	/* a line of a header's fields only (the paper's name: 欧华时报 ·
	 * 欧洲体育) may stand tight under the text, or a blank line over
	 * the header */
	size_t start = i;
	while (start > ps->units_base && UNIT(ps, start)->gap == 0 && foot_title(UNIT(ps, start - 1)))
		start--;
	bool tight = start > ps->units_base && UNIT(ps, start)->gap == 0 && UNIT(ps, start - 1)->kind != U_PAGEHEAD;
	bool apart = i + 1 < ps->nunits && UNIT(ps, i + 1)->gap == 1 && UNIT(ps, i + 1)->kind == U_PAGEHEAD;
	header_match hm;
	const unit *u = UNIT(ps, i);
	bool named = (tight || apart) && (match_header(u->s, u->len, &hm), hm.fields >= 1 && hm.others == 0);
	/* (a section's name tight under the text heads nothing when only
	 * the header's lines follow it to the page's end: "甲州新闻" / "A7" /
	 * "2026年11月24日 星期二" / "甲州日报 JIAZHOU DAILY") */
	if (tight && !named && !(i == start && u->chars <= FOOT_NAME_MAX && only_heads_below(ps, i + 1)))
		return false;
	bool head = false;
	unsigned titles = (unsigned)(i - start);
	for (size_t j = i; j < ps->nunits; j++) {
		const unit *v = UNIT(ps, j);
		if (v->kind == U_PAGEHEAD)
			head |= foot_header(ps, v);
		else if (!foot_title(v) || ++titles > FOOT_TITLES_MAX)
			return false;
	}
	if (!head && !header_over_titles(ps, i))
		return false;
	/* tight down to a header, or right under one through such lines */
	if (named && apart)
		return foot_header(ps, UNIT(ps, i + 1));
	for (size_t j = i + 1; j < ps->nunits && UNIT(ps, j)->gap == 0; j++)
		if (UNIT(ps, j)->kind == U_PAGEHEAD)
			return foot_header(ps, UNIT(ps, j));
	for (size_t j = i; j > ps->units_base && UNIT(ps, j)->gap == 0; j--)
		if (UNIT(ps, j - 1)->kind == U_PAGEHEAD)
			return foot_header(ps, UNIT(ps, j - 1));
	return false;
}

/* A page's chrome at its top: before any story, a short line that is no
 * sentence and leads into nothing (no colon closing it), followed only
 * by such lines and headers down to the deck of the first story signed
 * by a byline or a dateline, and not in that deck (the title lines,
 * DECK_OVER_MAX at most, set tight over the signature). On a web page
 * whose own furniture was learnt (an e-paper scraped story by story) any
 * such line: the site's name, a bar of links, the page's label,
 * font-size controls, a list of the page's titles; elsewhere a line of
 * text only ("金孔雀日报　GOLDEN PEACOCK…" that the header fields did not
 * make): a title line there is the deck's column label. Nothing above
 * the first story is the story's: a title there with no signature is no
 * headline, and text there with no headline is no story. */
/* (a masthead's line of names, dates and prices runs longer than a title) */
enum { TOP_CHROME_WINDOW = 10, DECK_OVER_MAX = 3, CHROME_LINE_MAX = 100 };
static bool chrome_line(const unit *u)
{
	return (u->kind == U_TITLE || u->kind == U_PARA || u->kind == U_NAMES || u->kind == U_MDSUB) &&
	       u->chars <= CHROME_LINE_MAX && !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END));
}

/* A line of the page's list of its own titles (a question among them). */
static bool in_title_list(const parser *ps, const unit *u)
{
	return ps->pf.title_list_first && u->line >= ps->pf.title_list_first && u->line <= ps->pf.title_list_last;
}

/* "[12]": the number a console browser (lynx, w3m) sets before each
 * link of the page it dumps, pointing into its list of references at
 * the foot; its length in bytes, else 0. */
static size_t link_mark(const char *p, const char *end)
{
	if (p >= end || *p != '[')
		return 0;
	const char *q = p + 1;
	while (q < end && q - p <= 4 && *q >= '0' && *q <= '9')
		q++;
	return q > p + 1 && q < end && *q == ']' ? (size_t)(q + 1 - p) : 0;
}

/* "字号：大 中 小　　打印本页　　关闭窗口": a site's controls, a label
 * and its colon among words of one to four Han characters set apart by
 * spaces (brackets aside), two of them single characters (the choices):
 * no line of a deck, whose words are longer. */
enum { CONTROL_WORDS_MIN = 4 };
static bool wide_colon(const char *s, size_t len);
static bool control_bar(const unit *u)
{
	if (u->spaced || u->chars > CONTROL_BAR_MAX + 24 || !wide_colon(u->s, u->len))
		return false;       /* (the link numbers aside, below) */
	const char *p = u->s, *end = u->s + u->len;
	int words = 0, single = 0, han = 0;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp) || cp == 0xFF1A || cp == 0x3010 || cp == 0x3011) {
			p += k;
			continue;
		}
		size_t mark = link_mark(p, end);
		if (mark) {
			p += mark;      /* "[8]大": a console browser's link number */
			continue;
		}
		int n = 0;
		for (; p < end; p += k, n++) {
			k = text_decode(p, end, &cp);
			if (text_is_space(cp) || cp == 0xFF1A || cp == 0x3010 || cp == 0x3011)
				break;
			if (!text_is_han(cp))
				return false;
		}
		if (n > 4)
			return false;
		words++;
		single += n == 1;
		han += n;
	}
	return words >= CONTROL_WORDS_MIN && single >= 2 && han <= CONTROL_BAR_MAX;
}

/* "* 首页" / "* 菲律宾" / "* 侨社" / …: a site's menu saved as a list,
 * a section's name of a few characters to a row, its home first: the
 * rows of it from unit i (0 when none starts there). */
enum { MENU_ROWS_MIN = 3, MENU_WORD_MAX = 6 };
static size_t menu_row(const unit *u)
{
	size_t lead = bullet_lead(u->s, u->len);
	if (!lead || u->chars > MENU_WORD_MAX + 1 || (u->flags & (UF_TERMINATED | UF_SENTENCE | UF_COMMA)))
		return 0;
	const char *p = u->s + lead, *end = u->s + u->len;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!is_han(cp) && !is_ascii_alnum(cp))
			return 0;
	}
	return lead;
}

static size_t menu_list(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	size_t lead = menu_row(u);
	if (!lead || !(has_prefix(u->s + lead, u->len - lead, "首页") || has_prefix(u->s + lead, u->len - lead, "首頁")))
		return 0;
	size_t j = i + 1;
	while (j < ps->nunits && UNIT(ps, j)->gap == 0 && menu_row(UNIT(ps, j)))
		j++;
	return j - i >= MENU_ROWS_MIN ? j - i : 0;
}

/* "热门新闻" over "* 菲国央行宣布维持基准利率不变" / "* 马尼拉湾…" and
 * nothing under them but the site's own lines or the page's end: a
 * label over a list of links to other pages' stories (titles only, no
 * sentence), the site's; the units of it from i, 0 when none. */
enum { LINK_ROWS_MIN = 2, LINK_TITLE_MAX = 30 };
static size_t foot_link_list(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (!is_title_kind(u->kind) || u->chars > LINK_LABEL_MAX || i + 1 >= ps->nunits || UNIT(ps, i + 1)->gap > 1)
		return 0;
	size_t j = i + 1;
	for (; j < ps->nunits && (j == i + 1 || UNIT(ps, j)->gap == 0); j++) {
		const unit *v = UNIT(ps, j);
		if (!bullet_lead(v->s, v->len) || v->chars > LINK_TITLE_MAX ||
		    (v->flags & (UF_TERMINATED | UF_SENTENCE)))
			break;
	}
	if (j - i - 1 < LINK_ROWS_MIN || !ps->eof)
		return 0;
	/* (under it the site's own lines: its bar of links, its copyright) */
	for (size_t k = j; k < ps->nunits; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind != U_PAGEHEAD && !(chrome_line(v) && (memchr(v->s, '|', v->len) || memmem(v->s, v->len, "©", 2) ||
								   memmem(v->s, v->len, "版权", 6))))
			return 0;
	}
	return j - i;
}

/* "[1]跳转到主要内容", "[2]首页 | [3]学校要闻 | [4]综合新闻": a line
 * a console browser dumped with a link's number before every word (the
 * bars and spaces between aside): the site's navigation, no text of a
 * story (whose links sit inside its sentences). */
static bool link_bar(const unit *u)
{
	if ((u->kind != U_TITLE && u->kind != U_PARA) || u->chars > CHROME_LINE_MAX ||
	    (u->flags & (UF_TERMINATED | UF_SENTENCE)) || u->s[0] != '[')
		return false;
	const char *p = u->s, *end = u->s + u->len;
	while (p < end) {
		size_t mark = link_mark(p, end);
		if (!mark)
			return false;
		/* the word, up to a space or a bar */
		for (p += mark; p < end;) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if (text_is_space(cp) || cp == '|' || cp == 0xFF5C || cp == '>')
				break;
			p += k;
		}
		while (p < end) {
			uint32_t cp;
			int k = text_decode(p, end, &cp);
			if (!text_is_space(cp) && cp != '|' && cp != 0xFF5C && cp != '>')
				break;
			p += k;
		}
	}
	return true;
}

/* "11月28日，匈牙利华人商会第九届理事会就职典礼…": a paragraph over the
 * page's first story, before any title, printed again word for word in
 * the text below: a mailed edition's preview of its lead (its hidden
 * preheader), not a story of its own. */
static bool no_story_yet(const parser *ps);
static bool preheader(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_PARA || u->chars < 20 || !(u->flags & (UF_TERMINATED | UF_SENTENCE)) || !no_story_yet(ps))
		return false;
	for (size_t k = i + 1; k < ps->nunits && k <= i + LOOKAHEAD; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind == U_PARA && v->len == u->len && memcmp(v->s, u->s, u->len) == 0)
			return k > i + 1;       /* (not a paragraph pasted twice in a row) */
	}
	return false;
}

static bool top_chrome(const parser *ps, size_t i)
{
	/* (a title is the site's only when running lines part it from the
	 * story's deck: a kicker sits right over its headline) */
	if (ps->narts || !chrome_line(UNIT(ps, i)) ||
	    (!ps->furn.n && UNIT(ps, i)->kind != U_PARA &&
	     !(UNIT(ps, i)->kind == U_TITLE && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_PAGEHEAD)))
		return false;
	for (size_t k = i + 1; k < ps->nunits && k <= i + TOP_CHROME_WINDOW; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind == U_BYLINE || v->kind == U_DATELINE || v->kind == U_NAMES) {
			/* the signed story's deck: the title lines tight over it */
			size_t d = k, lines = 0;
			while (d > i && lines < DECK_OVER_MAX &&
			       (UNIT(ps, d - 1)->kind == U_TITLE || UNIT(ps, d - 1)->kind == U_MDHEAD) &&
			       UNIT(ps, d)->gap < ps->pf.big_gap && !control_bar(UNIT(ps, d - 1))) {
				d--;
				lines++;
			}
			return lines > 0 && d > i;
		}
		if (v->kind != U_PAGEHEAD && v->kind != U_MDHEAD && !chrome_line(v) && !in_title_list(ps, v))
			return false;   /* (a markdown title: the deck's, walked back over above) */
	}
	return false;
}

/* The same text, spaces aside. */
static bool same_words(const char *a, size_t al, const char *b, size_t bl)
{
	const char *ae = a + al, *be = b + bl;
	for (;;) {
		a = text_skip_space(a, ae);
		b = text_skip_space(b, be);
		if (a == ae || b == be)
			return a == ae && b == be;
		uint32_t x, y;
		int n = text_decode(a, ae, &x), m = text_decode(b, be, &y);
		if (x != y)
			return false;
		a += n;
		b += m;
	}
}

/* Whether u prints the headline of an article read a little above on
 * this page after a list's mark or number ("· 鹤川港集装箱吞吐量首破百万
 * 标箱"), spaces and the headline's own item mark (◆) aside. */
enum { FOOT_LIST_REACH = 24 };  /* the articles looked back on: the page's own */
static bool prints_read_headline(const parser *ps, const unit *u)
{
	if (u->chars > TITLE_MAX_CHARS || !(is_title_kind(u->kind) || u->kind == U_PARA))
		return false;
	const char *end = u->s + u->len;
	const char *p = title_list_item(u->s, end);
	if (p == u->s)
		return false;   /* (no mark: most lines; no walk of the articles) */
	p = text_skip_space(p, end);
	if (p >= end)
		return false;
	size_t from = ps->narts > ps->arts_base + FOOT_LIST_REACH ? ps->narts - FOOT_LIST_REACH : ps->arts_base;
	for (size_t k = from; k < ps->narts; k++) {
		doc_str h = ART(ps, k)->field[DOC_F_HEADLINE];
		if (!h.len)
			continue;
		const char *hs = text_skip_space(title_list_item(h.s, h.s + h.len), h.s + h.len);
		if (hs < h.s + h.len && *hs == *p && same_words(p, (size_t)(end - p), hs, (size_t)(h.s + h.len - hs)))
			return true;
	}
	return false;
}

/* "第2版", "A3版": a page's number alone, a line of the header's. */
enum { PAGE_REF_MAX = 8, CONTENTS_LABEL_ALONE_MAX = 8 };
static bool page_ref_only(const unit *u)
{
	if (u->kind != U_PAGEHEAD || u->chars > PAGE_REF_MAX)
		return false;
	header_match hm;
	match_header(u->s, u->len, &hm);
	return hm.page && hm.fields == 1 && hm.others == 0;
}

/* A label of the page's contents alone on its line, ending in its word
 * ("今日导读", "本期要目"). */
static bool contents_label(const unit *u)
{
	static const char *const labels[] = { "导读", "導讀", "要目", "目录", "目錄", "看点", "看點", "提要" };
	if (u->chars > CONTENTS_LABEL_ALONE_MAX || u->len < 6)
		return false;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (memcmp(u->s + u->len - 6, labels[k], 6) == 0)
			return true;
	return false;
}

/* "全市冬季安全生产检查全面铺开" over "第2版": an item of the page's
 * contents, a title over the page that prints its story, wherever the
 * extraction dropped the box (inside a cut paragraph too). One such pair
 * under the contents' label, or two pairs in a row; and the label over
 * them. */
static bool contents_title(const unit *u)
{
	return (u->kind == U_TITLE || u->kind == U_PARA) && u->chars >= 4 && u->chars <= TITLE_MAX_CHARS &&
	       !(u->flags & (UF_TERMINATED | UF_SENTENCE | UF_CLAUSE_END));
}

static bool contents_pair(const parser *ps, size_t i)
{
	return i + 1 < ps->nunits && contents_title(UNIT(ps, i)) && UNIT(ps, i + 1)->gap <= 1 &&
	       page_ref_only(UNIT(ps, i + 1));
}

static bool contents_entry(const parser *ps, size_t i)
{
	if (contents_label(UNIT(ps, i)) && UNIT(ps, i)->kind == U_TITLE)
		return contents_pair(ps, i + 1);        /* the label over them */
	if (!contents_pair(ps, i))
		return false;
	if (i > ps->units_base) {
		const unit *prev = UNIT(ps, i - 1);
		if (prev->kind == U_PAGEHEAD && (contents_label(prev) || (page_ref_only(prev) && i >= ps->units_base + 2 &&
									   contents_title(UNIT(ps, i - 2)))))
			return true;
	}
	return contents_pair(ps, i + 2);
}

/* "11月29日，在福州市闽江河口湿地…" / "本报记者　林　涛　摄" / "冬日闽江
 * 白鹭翩跹" and a blank line: a picture page drawn in its order, the
 * caption's text and its credit first, the title under them. From a
 * paragraph opening a block (a blank line over it), the block's few
 * paragraphs, then a credit alone, then a short title line set tight,
 * then the block's end: *credit and *title get the credit's and the
 * title's units. */
enum { TITLED_BELOW_LINES = 12, TITLED_BELOW_TITLE_MAX = 20 };
/* A photographer's credit alone on its line ("本报记者　林　涛　通讯员
 * 　何　佳　摄"), however it was classed. */
static bool credit_alone(const unit *u)
{
	return u->kind == U_CREDIT ||
	       ((u->kind == U_CAPTION || u->kind == U_BYLINE || u->kind == U_NAMES) && u->chars <= 40 &&
		pattern_credit_start(u->s, u->len) == 0);
}
static bool titled_below(const parser *ps, size_t i, size_t *credit, size_t *title)
{
	if (UNIT(ps, i)->gap == 0)
		return false;
	size_t k = i;
	/* (a narrow caption's lines that hold no mark read as short
	 * titles: "线东延段最后一个盾构区") */
	while (k < ps->nunits && k < i + TITLED_BELOW_LINES &&
	       (UNIT(ps, k)->kind == U_PARA || (k > i && UNIT(ps, k)->kind == U_TITLE && UNIT(ps, k + 1 < ps->nunits ? k + 1 : k)->kind != U_CREDIT)) &&
	       (k == i || UNIT(ps, k)->gap == 0))
		k++;
	if (k + 1 >= ps->nunits || UNIT(ps, k)->gap != 0 || !credit_alone(UNIT(ps, k)))
		return false;
	const unit *t = UNIT(ps, k + 1);
	if (t->kind != U_TITLE || t->gap != 0 || t->chars > TITLED_BELOW_TITLE_MAX || (t->flags & (UF_COMMA | UF_SENTENCE)) ||
	    (k + 2 < ps->nunits && UNIT(ps, k + 2)->gap == 0))
		return false;
	*credit = k;
	*title = k + 1;
	return true;
}

/* "本版标题导航" / "· X" / "· Y": a list of the page's own titles printed
 * after their stories (a site's navigation at the foot): two lines or
 * more each printing a headline read above after a mark, set tight, and
 * the label tight over them. Returns the units of the list from i, or 0. */
enum { FOOT_LIST_LABEL_MAX = 8 };
static size_t foot_title_list(const parser *ps, size_t i)
{
	if (ps->narts < 2)
		return 0;
	size_t j = i;
	const unit *u = UNIT(ps, i);
	if (u->kind == U_TITLE && u->chars <= FOOT_LIST_LABEL_MAX && i + 1 < ps->nunits &&
	    !prints_read_headline(ps, u))
		j++;    /* its label */
	size_t n = 0;
	while (j + n < ps->nunits && j + n < i + LOOKAHEAD && UNIT(ps, j + n)->gap <= 1 &&
	       prints_read_headline(ps, UNIT(ps, j + n)))
		n++;
	return n >= 2 ? j + n - i : 0;
}

/* "上一篇　　下一篇：房车冬游　这几项检查别省" right over the title
 * "房车冬游　这几项检查别省": a label and, after its colon, the very
 * title printed under it: the site's link to the story, not its kicker
 * (a kicker never repeats its headline). */
enum { TITLE_LINK_MIN = 4 };
static bool title_link(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if ((u->kind != U_TITLE && (u->kind != U_PARA || (u->flags & (UF_TERMINATED | UF_SENTENCE)))) ||
	    i + 1 >= ps->nunits || UNIT(ps, i + 1)->kind != U_TITLE)
		return false;
	const char *colon = NULL, *end = u->s + u->len;
	for (const char *p = u->s; (p = memmem(p, (size_t)(end - p), "：", 3)) != NULL; p += 3)
		colon = p;
	if (!colon)
		return false;
	const unit *v = UNIT(ps, i + 1);
	const char *t = colon + 3;
	return count_chars(t, (size_t)(end - t), 201) >= TITLE_LINK_MIN && same_words(t, (size_t)(end - t), v->s, v->len);
}

/* "上一篇：X　　下一篇" closing a story, "上一篇　　下一篇：Y" over the
 * next one (a running header may stand between): a line of short labels
 * and titles the page prints around it, the deck of one of the stories
 * just above or the title printed next under it, and nothing else: the
 * site's links to the stories around, never a subhead or a story's text.
 * The titles are read from the page, not the labels from a list. */
enum { NAV_LABEL_MAX = 4, NAV_STORIES = 3, NAV_LINE_MAX = 100, NAV_TITLE_MIN = 4 };

static bool only_labels(const char *p, const char *end)
{
	int labels = 0;
	bool after_colon = false;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp) || cp == 0xFF1A || cp == ':') {
			after_colon = cp == 0xFF1A || cp == ':';
			p += k;
			continue;
		}
		int n = 0;
		for (; p < end; p += k, n++) {
			k = text_decode(p, end, &cp);
			if (text_is_space(cp) || cp == 0xFF1A || cp == ':')
				break;
			if (!text_is_han(cp))
				return false;
		}
		/* (one character right after a label's colon is its value:
		 * "下一篇：无", no story there) */
		if ((n < 2 && !(n == 1 && after_colon && labels > 0)) || n > NAV_LABEL_MAX)
			return false;
		labels++;
		after_colon = false;
	}
	return labels > 0;
}

/* Blanks the first print of t in buf: whether it was there. */
static bool blank_title(char *buf, size_t len, doc_str t)
{
	if (t.len < NAV_TITLE_MIN * 3)
		return false;
	char *p = memmem(buf, len, t.s, t.len);
	if (p)
		memset(p, ' ', t.len);
	return p != NULL;
}

/* A full-width colon (EF BC 9A) among the bytes: memchr finds its lead. */
static bool wide_colon(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while ((p = memchr(p, 0xEF, (size_t)(end - p))) != NULL && end - p >= 3) {
		if ((unsigned char)p[1] == 0xBC && (unsigned char)p[2] == 0x9A)
			return true;
		p++;
	}
	return false;
}

static bool nav_link(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if ((u->kind != U_TITLE && u->kind != U_PARA) || (u->flags & (UF_TERMINATED | UF_SENTENCE)) ||
	    u->chars > NAV_LINE_MAX || !wide_colon(u->s, u->len))
		return false;
	char buf[NAV_LINE_MAX * 4];
	if (u->len > sizeof buf)
		return false;
	memcpy(buf, u->s, u->len);
	/* "上一篇：X", "下一篇：无": the site's words, whatever the title */
	static const char *const links[] = { "上一篇", "下一篇", "上一条", "下一条", "上篇", "下篇", "上一則", "下一則",
					     "前一篇", "后一篇", "後一篇" };
	for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
		size_t n = strlen(links[k]);
		if (u->len > n && memcmp(u->s, links[k], n) == 0 &&
		    (has_prefix(u->s + n, u->len - n, "：") || u->s[n] == ':'))
			return true;
	}
	bool found = false;
	for (size_t k = ps->narts, n = 0; k > ps->arts_base && n < NAV_STORIES; k--, n++) {
		const art *a = ART(ps, k - 1);
		for (int f = DOC_F_COLUMN; f <= DOC_F_SUBTITLE; f++)
			found |= blank_title(buf, u->len, a->field[f]);
	}
	for (size_t k = i + 1; k < ps->nunits && k <= i + 3; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind == U_PAGEHEAD)
			continue;
		if (v->kind == U_TITLE)
			found |= blank_title(buf, u->len, doc_str_make(v->s, v->len));
		break;
	}
	return found && only_labels(buf, buf + u->len);
}

/* A short question alone in its block between finished paragraphs of a
 * story ("为什么要做科普？"): no comma, no colon, no other sentence in it.
 * A subhead of the story, never a story of its own. */
enum { QUESTION_HEAD_MAX = 20 };
static bool question_head(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_PARA || u->chars > QUESTION_HEAD_MAX || (u->flags & (UF_COMMA | UF_SENTENCE)) || a->cut ||
	    !art_has_body(a) || i + 1 >= ps->nunits || UNIT(ps, i + 1)->kind != U_PARA)
		return false;
	if (ps->pf.blank_rhythm && (u->gap == 0 || UNIT(ps, i + 1)->gap == 0))
		return false;       /* in a block of its own */
	uint32_t z = last_cp(u->s, u->s + u->len, NULL);
	if (z != 0xFF1F && z != '?')
		return false;
	if (memchr(u->s, ':', u->len) || memmem(u->s, u->len, "：", 3))
		return false;
	return true;
}

/* Segments the units made so far, keeping LOOKAHEAD units in hand until
 * the page ends. */
/* "全国人大代表、…书记杨丽华：" over a title line: a kicker ending in a
 * colon, not a paragraph. Set tight under the text above ("鹰嘴崖阻击
 *战：" under its column's label, "怡保市议会：" under a caption), it is
 * one only where nothing above is left open (a title, a header, a
 * caption, a paragraph that ends its sentence), it is not indented as
 * the page's paragraphs are, and the title under it is signed: a
 * paragraph introducing a list or a quote ("他说：") heads no byline.
 * Of the development sets' lines so set, 3 kickers (3 sets), no
 * paragraph. */
enum { LABEL_KICKER_MAX = 6 };
static bool colon_kicker(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (u->kind != U_PARA || !(u->flags & UF_CLAUSE_END) || (u->flags & (UF_SENTENCE | UF_COMMA)) ||
	    u->chars > 30 || i + 1 >= ps->nunits)
		return false;
	uint32_t cp = last_cp(u->s, u->s + u->len, NULL);
	const unit *next = UNIT(ps, i + 1);
	if (!((cp == 0xFF1A || cp == ':') && next->kind == U_TITLE && next->gap <= 1))
		return false;
	if (u->gap)
		return true;
	const unit *prev = i > ps->units_base ? UNIT(ps, i - 1) : NULL;
	if (prev && prev->kind == U_PARA && !(prev->flags & UF_TERMINATED))
		return false;
	if (ps->pf.indents && !ps->pf.indent_all && (u->flags & UF_INDENTED))
		return false;
	/* (under a column's label, "企业声音" / "X总经理 邝永明：" / "“…”",
	 * a speaker's words head each piece: no byline needed) */
	if (prev && prev->kind == U_TITLE && prev->chars <= LABEL_KICKER_MAX && !(prev->flags & UF_CLAUSE_END))
		return true;
	return signed_under(ps, i + 1);
}

/* A markdown post's lines over its first story: the account and the
 * date it was posted ("原创 青川发布 2026-03-12 07:30"), short, no
 * sentence, with figures. */
/* So is a line with nothing under it but a rule before the first story's
 * markdown title ("**点击上方蓝字，关注X**" / "---" / "### 01｜…"): as a
 * title it would head a story of no text. */
static bool md_top_furniture(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (!ps->pf.md_level || ps->narts || !(u->kind == U_PARA || u->kind == U_TITLE) || u->chars > TITLE_MAX_CHARS ||
	    (u->flags & (UF_TERMINATED | UF_SENTENCE)))
		return false;
	if (has_figure_bytes(u->s, u->len) || button_bar(u, 2))
		return true;
	const unit *next = i + 1 < ps->nunits ? UNIT(ps, i + 1) : NULL;
	return next && next->kind == U_MDHEAD && next->gap >= ps->pf.big_gap && u->gap_after >= ps->pf.big_gap;
}

/* "阅读 3268　在看 41", "点赞 12　评论 3": a post's counters, two or
 * more words of at most four Han characters each followed by its figure
 * (10万+, 1.8万 too), or the count of its readers alone ("阅读 1.8万"):
 * the platform's bar under the post, not its text. */
static bool counters_bar(const unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	if (p < end && *p == '[') {
		/* "[阅读原文](url)　阅读 3826　在看 45": the post's link first */
		const char *close = memmem(p, (size_t)(end - p), "](", 2);
		const char *paren = close ? memchr(close, ')', (size_t)(end - close)) : NULL;
		if (!paren)
			return false;
		p = paren + 1;
	}
	if (count_chars(p, (size_t)(end - p), 31) > 30)
		return false;
	unsigned pairs = 0;
	bool reads = false;
	for (p = text_skip_space(p, end); p < end; p = text_skip_space(p, end)) {
		unsigned han = 0, digits = 0;
		uint32_t cp = 0;
		int k = 0;
		reads |= reads_word(p, (size_t)(end - p));
		while (p < end && (k = text_decode(p, end, &cp)) > 0 && is_han(cp) && han < 5) {
			han++;
			p += k;
		}
		p = text_skip_space(p, end);
		/* (1.8万: a point in the figure; 3,621: a comma between its
		 * thousands) */
		while (p < end && ((*p >= '0' && *p <= '9') ||
				   ((*p == '.' || *p == ',') && digits && p + 1 < end && p[1] >= '0' && p[1] <= '9'))) {
			digits++;
			p++;
		}
		if (!han || han > 4 || !digits)
			return false;
		if (has_prefix(p, (size_t)(end - p), "万"))
			p += 3;
		if (p < end && *p == '+')
			p++;
		pairs++;
		/* ("阅读 2356 · 点赞 41": a dot or a bar between the pairs) */
		const char *q = text_skip_space(p, end);
		if (has_prefix(q, (size_t)(end - q), "·") || has_prefix(q, (size_t)(end - q), "｜") || (q < end && *q == '|'))
			p = q + (*q == '|' ? 1 : has_prefix(q, (size_t)(end - q), "·") ? 2 : 3);
	}
	/* ("阅读 1.8万" alone: the one counter a phone view prints) */
	return pairs >= 2 || (pairs == 1 && reads);
}

/* A page's tail after its last story: at most TAIL_MAX short lines, none
 * a sentence, a byline, a caption or a jump, with a header or a field's
 * label among them (编辑：X, 来源：X, 往期推荐 and its links), after a
 * rule or a story closed by its author. */
enum { TAIL_MAX = 12, MAIL_SENDER_MAX = 120, MAIL_TAIL_LINES = 4 };

/* "分享　收藏　在看": the post's buttons; "城西　读者　何淑珍" (a place, a
 * role word, a name) is a letter's signature, set as a bar is. */
static bool tail_buttons(const unit *u)
{
	return button_bar(u, 3) && u->kind != U_NAMES && u->kind != U_BYLINE && !pattern_is_byline(u->s, u->len, false);
}
/* Whether unit v (j of the page) may stand in the page's tail as the
 * desk's line, and whether it says so itself (*mark: a field, a
 * copyright, buttons, the last line after the furniture). */
static bool tail_desk_line(const parser *ps, const unit *v, size_t j, bool *mark)
{
	uint32_t open = first_cp(v->s, v->s + v->len);
	if (open == 0xFF08 || open == '(')
		return false;   /* "（作者单位：X）": the story's own note */
	/* a picture's link (a QR code), not a photo's caption */
	bool picture = (v->kind == U_CAPTION || v->kind == U_CREDIT) && memmem(v->s, v->len, "://", 3);
	if (v->chars > (picture || counters_bar(v) ? 120 : 40) || (!picture && (v->flags & (UF_TERMINATED | UF_SENTENCE))) ||
	    !(v->kind == U_TITLE || v->kind == U_PARA || v->kind == U_MDSUB || v->kind == U_MDHEAD ||
	      picture || v->kind == U_END))
		return false;
	/* a field (技术支持：X), a copyright, buttons, or the last line
	 * alone after the furniture printed around the stories */
	/* (a notice's own 时间：/地点：/电话： lines close its text: on
	 * a page that is no web post only the desk's fields count) */
	header_match fm;
	bool field = ps->pf.md_level ? field_label(v->s, v->len) || memmem(v->s, v->len, "：", 3)
				     : desk_field(v->s, v->len) || site_credit(v->s, v->len) ||
					       (memmem(v->s, v->len, "：", 3) && (match_header(v->s, v->len, &fm), fm.fields >= 1));
	bool says = field || tail_buttons(v) || counters_bar(v) || memmem(v->s, v->len, "版权", 6) ||
		    memmem(v->s, v->len, "©", 2) || ((v->flags & UF_AFTER_FURNITURE) && j + 1 == ps->nunits);
	/* off web posts, every line of the tail is the desk's: a title
	 * over items ("城南新开三家餐馆" / "■X　地址：…") is a story */
	if (!ps->pf.md_level && !says && v->kind != U_END)
		return false;
	*mark = says;
	return true;
}

static bool tail_furniture(const parser *ps, size_t i)
{
	if (!ps->eof || ps->nunits - i > TAIL_MAX)
		return false;
	if (i + 1 == ps->nunits && tail_buttons(UNIT(ps, i)))
		return true;    /* the post's buttons closing the page */
	const art *a = ps->narts ? ART(ps, ps->narts - 1) : NULL;
	/* headers already read may open the tail: 编辑：X over 往期推荐 */
	size_t first = i;
	while (first > ps->units_base && first > i - TAIL_MAX && UNIT(ps, first - 1)->kind == U_PAGEHEAD)
		first--;
	/* after a rule or a closed story; else two of its lines must say so */
	bool opened = a && (a->ended || (UNIT(ps, first)->gap >= ps->pf.big_gap && !a->cut));
	if (!a || a->cut)
		return false;
	/* a headline with no text yet: the lines under it are its text */
	if (!ps->pf.md_level && a->field[DOC_F_HEADLINE].len && !art_has_body(a))
		return false;
	unsigned marks = (unsigned)(i - first), heads = marks;
	/* a mailed edition's word to the subscriber among the page's last
	 * lines: the short lines over it are its sender's (name, address) */
	bool mailed = false;
	for (size_t j = ps->nunits > i + MAIL_TAIL_LINES ? ps->nunits - MAIL_TAIL_LINES : i; j < ps->nunits && !mailed; j++)
		mailed = pattern_mail_subscriber(UNIT(ps, j)->s, UNIT(ps, j)->len);
	for (size_t j = i; j < ps->nunits; j++) {
		const unit *v = UNIT(ps, j);
		if (v->kind == U_PAGEHEAD) {
			marks++;
			heads++;
			continue;
		}
		if (mailed && v->chars <= MAIL_SENDER_MAX && !(v->flags & (UF_TERMINATED | UF_SENTENCE)))
			continue;       /* the sender's name and address, its buttons */
		bool mark;
		if (tail_desk_line(ps, v, j, &mark)) {
			marks += mark;
			continue;
		}
		/* (asked only of a line refused: most pages' tails are text) */
		if (pattern_mail_chrome(v->s, v->len) == PATTERN_MAIL_NONE)
			return false;
		marks++;        /* "如需退订，请回复…": a mailed edition's, sentence or not */
		mailed = true;
	}
	return opened ? marks >= 1 : marks - heads >= 2;
}

/* A forum thread's replies under the story its first post reposts:
 * from the post's footer (its buttons, its edit stamp, the poster's
 * signature after "--" or 签名：) or the name of the first to reply, to
 * the page's end, where a reply's line (who, when) follows, short lines
 * and no byline or dateline: the readers' words, not the paper's. */
enum { REPLIES_UNITS_MAX = 80, REPLY_CHARS_MAX = 100, REPLIER_CHARS_MAX = 16, FLOOR_CHARS_MAX = 4 };
static bool post_footer(const parser *ps, size_t i)
{
	const unit *u = UNIT(ps, i);
	if (pattern_is_epaper_chrome(u->s, u->len) || has_prefix(u->s, u->len, "签名：") ||
	    has_prefix(u->s, u->len, "簽名：") || (u->len == 2 && u->s[0] == '-' && u->s[1] == '-'))
		return true;
	/* the replier's name, "回复 #2" over the reply's line (or over the
	 * floor's name over it: "阿杰同学" / "沙发" / "发表于 …") */
	const unit *next = i + 1 < ps->nunits ? UNIT(ps, i + 1) : NULL;
	if (next && i + 2 < ps->nunits && next->chars <= FLOOR_CHARS_MAX && !(next->flags & (UF_TERMINATED | UF_SENTENCE)))
		next = UNIT(ps, i + 2);
	return next && u->chars <= REPLIER_CHARS_MAX && !(u->flags & (UF_TERMINATED | UF_SENTENCE)) &&
	       pattern_forum_post(next->s, next->len);
}

static bool forum_replies(const parser *ps, size_t i)
{
	if (!ps->eof || ps->pf.forum_posts < 2 || ps->nunits - i > REPLIES_UNITS_MAX || !ps->narts)
		return false;
	const art *a = ART(ps, ps->narts - 1);
	if (!a->field[DOC_F_HEADLINE].len || !art_has_body(a) || !post_footer(ps, i))
		return false;
	bool reply = false;
	for (size_t j = i; j < ps->nunits; j++) {
		const unit *v = UNIT(ps, j);
		if (v->kind == U_BYLINE || v->kind == U_DATELINE || v->chars > REPLY_CHARS_MAX)
			return false;
		reply |= v->len <= FORUM_POST_MAX && pattern_forum_post(v->s, v->len);
	}
	return reply;
}

/* A mark a line may open with (■□◆◇●○▍★☆). */
static bool line_mark(const char *s, size_t len)
{
	uint32_t cp = first_cp(s, s + len);
	return cp == 0x25A0 || cp == 0x25A1 || cp == 0x25C6 || cp == 0x25C7 || cp == 0x25CF || cp == 0x25CB ||
	       cp == 0x258D || cp == 0x2605 || cp == 0x2606;
}

/* "■ 下一步", "□ 链接": a mark and a word or two that read as a name,
 * with no role word, between finished paragraphs of a story that has its
 * byline: a subhead of the story. Taken for a byline, it would open a
 * story without a headline. */
static bool marked_subhead(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	if (!line_mark(u->s, u->len) || !a->field[DOC_F_BYLINE].len || !art_has_body(a) || a->ended || a->cut ||
	    i + 1 >= ps->nunits || UNIT(ps, i + 1)->kind != U_PARA || u->chars > 8)
		return false;
	const char *p = u->s + 3, *end = u->s + u->len;
	p = text_skip_space(p, end);
	return p < end && !pattern_is_byline(p, (size_t)(end - p), false);
}

/* Nothing but running headers or footers after unit i on the page. */
static bool only_headers_after(const parser *ps, size_t i)
{
	for (size_t j = i + 1; j < ps->nunits; j++)
		if (UNIT(ps, j)->kind != U_PAGEHEAD)
			return false;
	return true;
}

/* A line of text at the page's foot (only running footers or other such
 * notes under it) in which the paper speaks of the page or names its own
 * desk's address or telephone (pattern_page_note): a footer, not the
 * last paragraph of the story above, unless that story has no text yet
 * (paragraphs or subheads: a poem read as subheads is text). */
enum { FOOT_MAX = 6 };      /* lines at the foot read as its notes and footers */
static bool foot_note_kind(uint8_t k)
{
	return k == U_PARA || k == U_TITLE || k == U_CAPTION || k == U_CREDIT || k == U_NAMES;
}

/* "3", "- 12 -", "—A6—": the page's number alone on its line (a PDF's
 * folio, extracted at the page's foot). */
enum { FOLIO_DIGITS_MAX = 3 };
static bool folio_alone(const unit *u)
{
	const char *p = u->s, *end = u->s + u->len;
	unsigned digits = 0;
	bool letter = false;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (cp >= 'A' && cp <= 'Z' && !digits && !letter)
			letter = true;
		else if (!(cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2015 || text_is_space(cp)))
			return false;
	}
	return digits >= 1 && digits <= FOLIO_DIGITS_MAX;
}

static bool foot_line(const unit *u)
{
	return foot_note_kind(u->kind) && (pattern_page_note(u->s, u->len) || folio_alone(u));
}

static bool page_foot_note(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	/* set apart from the story's paragraphs: no indent where they have one */
	if (!ps->eof || ps->nunits - i > FOOT_MAX || !foot_note_kind(u->kind) || (a && a->field[DOC_F_HEADLINE].len && !a->nparts) ||
	    (ps->pf.indents && (u->flags & UF_INDENTED)) || !foot_line(u))
		return false;
	for (size_t j = i + 1; j < ps->nunits; j++) {
		const unit *v = UNIT(ps, j);
		if (v->kind != U_PAGEHEAD && !foot_line(v))
			return false;
	}
	return true;
}

/* Whether the page has no story yet: no article, or only headless ones
 * of a few short lines (a site's chrome read as text over its list of
 * titles). */
enum { CHROME_TEXT_MAX = 160 };        /* bytes */
static bool no_story_yet(const parser *ps)
{
	size_t bytes = 0;
	/* (articles already handed over, out of the window: stories) */
	if (ps->arts_base > 0)
		return false;
	for (size_t k = 0; k < ps->narts; k++) {
		const art *a = ART(ps, k);
		if (a->field[DOC_F_HEADLINE].len || a->field[DOC_F_BYLINE].len || a->field[DOC_F_DATELINE].len)
			return false;
		for (size_t p = 0; p < a->nparts; p++)
			bytes += a->parts[p].len;
	}
	return bytes <= CHROME_TEXT_MAX;
}

static bool label_over_marked_items(const parser *ps, size_t i, const art *a);
static bool all_headless_before(const parser *ps, size_t k);
static void segment_step(parser *ps)
{
	size_t i = ps->next;
	while (i < ps->nunits && (ps->eof || i + LOOKAHEAD <= ps->nunits)) {
		unit *u = UNIT(ps, i);
		art *a = cur_art(ps);
		bool md_top = u->kind != U_PAGEHEAD && md_top_furniture(ps, i);
		/* (the post's line itself is a banner, no unit: the first unit
		 * past it tells) */
		if (ps->pf.forum_posts && !ps->forum_post_read && u->line > ps->pf.forum_first) {
			ps->forum_post_read = true;
			ps->forum_post_seen = all_headless_before(ps, ps->narts);
		}
		if (u->kind != U_PAGEHEAD && (md_top || tail_furniture(ps, i) || forum_replies(ps, i))) {
			/* the post's account line; the page's tail (editors,
			 * source, links to other posts): all of it */
			size_t to = md_top ? i + 1 : ps->nunits;
			for (size_t j = i; j < to; j++) {
				unit *v = UNIT(ps, j);
				size_t in, in_len;
				if (whole_emphasis(v->s, v->len, &in, &in_len)) {
					v->s += in;
					v->len = (uint32_t)in_len;
				}
				v->kind = U_PAGEHEAD;
			}
		}
		if (u->kind != U_PAGEHEAD && page_foot_note(ps, i, a)) {
			banner_for(ps, i, S_F_PAGE_NOTE);
			i++;
			continue;
		}
		if (u->kind != U_PAGEHEAD && ps->pf.title_list_first && u->line >= ps->pf.title_list_first &&
		    u->line <= ps->pf.title_list_last && no_story_yet(ps)) {
			banner_for(ps, i, S_F_TITLE_LIST);
			i++;
			continue;
		}
		if ((u->kind == U_PARA || u->kind == U_TITLE) && a && a->ended && a->field[DOC_F_BYLINE].len && u->gap == 0 &&
		    circled_opening(u) && i > ps->units_base && UNIT(ps, i - 1)->kind == U_BYLINE &&
		    picture_credit_words(UNIT(ps, i - 1))) {
			/* "本报记者　陈思远　文/图" / "①清晨5时，…": the pictures'
			 * numbered captions under the credit closing their story */
			i += numbered_captions_after(ps, i, a);
			continue;
		}
		size_t credit_k, title_k;
		if (i > ps->pic_title && u->kind == U_PARA && titled_below(ps, i, &credit_k, &title_k)) {
			/* "11月30日，工人在…" / "通讯员　黄丽娟　摄" / "三坊七巷
			 * 灯笼换新装": a picture's story, its title printed under
			 * its credit: a story of its own from here */
			if (a)
				flush_held(ps, a);
			a = new_art(ps);
			const unit *t = UNIT(ps, title_k);
			a->field[DOC_F_HEADLINE] = doc_str_make(t->s, t->len);
			ps->pic_credit = credit_k;
			ps->pic_title = title_k;
		}
		if (i == ps->pic_credit && i) {
			explain_facts(ps, i, "byline", S_F_TITLED_BELOW, NSIGNALS);
			if (a && !a->field[DOC_F_BYLINE].len)
				a->field[DOC_F_BYLINE] = doc_str_make(u->s, u->len);
			i++;
			continue;
		}
		if (i == ps->pic_title && i) {
			explain_facts(ps, i, "headline", S_F_TITLED_BELOW, NSIGNALS);
			if (a)
				a->ended = true;
			i++;
			continue;
		}
		if (u->kind != U_PAGEHEAD && contents_entry(ps, i)) {
			banner_for(ps, i, S_F_CONTENTS);
			i++;
			continue;
		}
		size_t listed = u->kind != U_PAGEHEAD ? foot_title_list(ps, i) : 0;
		if (listed) {
			for (size_t k = 0; k < listed; k++)
				banner_for(ps, i + k, S_F_TITLE_LIST);
			i += listed;
			continue;
		}
		if (title_link(ps, i)) {
			banner_for(ps, i, S_F_TITLE_LINK);
			i++;
			continue;
		}
		if (nav_link(ps, i)) {
			banner_for(ps, i, S_F_NAV_LINK);
			i++;
			continue;
		}
		if (preheader(ps, i)) {
			banner_for(ps, i, S_F_PREHEADER);
			i++;
			continue;
		}
		if (link_bar(u)) {
			banner_for(ps, i, S_F_LINK_BAR);
			i++;
			continue;
		}
		size_t menu = menu_list(ps, i);
		if (!menu)
			menu = foot_link_list(ps, i);
		if (menu) {
			for (size_t k = 0; k < menu; k++)
				banner_for(ps, i + k, S_F_LINK_BAR);
			i += menu;
			continue;
		}
		if (top_chrome(ps, i)) {
			banner_for(ps, i, S_F_TOP_CHROME);
			i++;
			continue;
		}
		if (colon_kicker(ps, i))
			u->kind = U_TITLE;
		/* a title right over such a kicker reads its run with it
		 * ("烽火记忆" / "鹰嘴崖阻击战：" / the headline) */
		if (is_title_kind(u->kind) && i + 1 < ps->nunits && UNIT(ps, i + 1)->gap <= 1 && colon_kicker(ps, i + 1))
			UNIT(ps, i + 1)->kind = U_TITLE;
		/* ranked above the page's sections, or as the open story's
		 * head (its peer): none of its sections (see md_rank) */
		if (u->kind == U_MDSUB && ((ps->md_sub_level && md_rank(u) < ps->md_sub_level) || md_rank(u) == ps->md_head_rank))
			u->kind = U_MDHEAD;
		if (u->kind == U_MDHEAD && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_MDSUB &&
		    UNIT(ps, i + 1)->gap <= 1 && (UNIT(ps, i + 1)->flags & UF_COMMA) &&
		    count_chars(md_text(u).s, md_text(u).len, 2 * LABEL_MAX + 1) > 2 * LABEL_MAX) {
			/* "## 中文教学项目扩至200所公立学校" right above "#### 阿联酋
			 * 教育部表示，…": a whole headline over a line of detail
			 * with a comma, its subtitle (no column's name) */
			md_to_title(UNIT(ps, i + 1));
		} else if (u->kind == U_MDHEAD && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_MDSUB &&
			   UNIT(ps, i + 1)->gap <= 1) {
			/* "## 科学辟谣" right above "### “喝醋能软化血管”？", no
			 * text between: the upper title names the column, the
			 * lower heads the story */
			md_to_title(u);
			UNIT(ps, i + 1)->kind = U_MDHEAD;
			ps->md_head_rank = md_rank(UNIT(ps, i + 1));
		}
		if (u->kind == U_MDHEAD && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_TITLE &&
		    UNIT(ps, i + 1)->gap <= 1 && bold_title(UNIT(ps, i + 1)) &&
		    count_chars(md_text(u).s, md_text(u).len, LABEL_MAX + 1) <= LABEL_MAX) {
			/* "## 协会简讯" right above "**老年大学合唱班开始报名**":
			 * the column over its item, as over a "###" title */
			md_to_title(u);
		}
		if (u->kind == U_MDSUB && i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_MDHEAD &&
		    UNIT(ps, i + 1)->gap < ps->pf.big_gap) {
			/* "## 深化改革 激发活力" right above "# 标题", no text
			 * between and no bigger gap than the page leaves between
			 * paragraphs: its kicker or its column label (a subhead
			 * heads text; alone over a headline it would make an
			 * article without headline) */
			md_to_title(u);
		}
		if (u->kind == U_MDSUB && signed_under(ps, i))
			u->kind = U_MDHEAD;
		if (u->kind == U_MDHEAD)
			ps->md_head_rank = md_rank(u);
		switch (u->kind) {
		case U_PAGEHEAD:
			explain(ps, i, "header", NULL);
			add_banner(ps, u->s, u->len);
			if (!ps->label.len)
				ps->label = page_label(ps, u);
			i++;
			continue;
		case U_MDHEAD:
			if (!ps->narts && in_fields_block(ps, i)) {
				/* "# 合唱之友 · 第48期" over the header line: the
				 * masthead's name and issue, a banner without marks */
				md_to_title(u);
				banner_for(ps, i, S_F_HEADER_BLOCK);
				i++;
				continue;
			}
			break;
		case U_TITLE:
		case U_NAMES:
			if (beside_mid_header(ps, i)) {
				/* "6" / "民生热线" / "2026年12月3日": the page's
				 * number and name dropped into a cut with its
				 * running header */
				banner_for(ps, i, S_F_HEADER_BLOCK);
				i++;
				continue;
			}
			if (in_header_block(ps, i) || in_foot_block(ps, i)) {
				/* the masthead, the page label, the section around a
				 * running header at the top of the page, or its foot */
				banner_for(ps, i, ps->narts ? S_F_FOOT_BLOCK : S_F_HEADER_BLOCK);
				i++;
				continue;
			}
			if (u->kind == U_TITLE && speaker_line(ps, i, a)) {
				explain_facts(ps, i, "body", S_F_SPEAKER_ABOVE, NSIGNALS);
				unit line = *u;
				line.kind = U_PARA;
				add_paragraph(ps, a, &line);
				i++;
				continue;
			}
			if (u->kind == U_TITLE && (!ps->narts || (u->chars <= SECTION_NAME_MAX && memmem(u->s, u->len, "｜", 3))) &&
			    in_menu_above(ps, i)) {
				/* "體育" under the app's menu that lists it: the
				 * section shown, the page's name; "地方｜雲林" over a
				 * story: the site's section and its part */
				banner_for(ps, i, S_F_HEADER_BLOCK);
				i++;
				continue;
			}
			if (u->kind == U_TITLE && is_section_name(ps, i)) {
				/* "要闻" heading the page: the page's name */
				explain(ps, i, "header", NULL);
				add_banner(ps, u->s, u->len);
				ps->label = doc_str_make(u->s, u->len);
				i++;
				continue;
			}
			break;
		case U_JUMP:
			if (u->jump == PATTERN_JUMP_FROM && a && !a->ended && a->nparts == 0) {
				explain(ps, i, "jump", NULL);
				add_part(a, DOC_JUMP, u->s, u->len);
				i++;
				continue;
			}
			/* "（續A14）" closing a story's text, a caption or a
			 * title under it: where the story goes on, not where it
			 * came from (續 says both) */
			if (u->jump == PATTERN_JUMP_FROM && a && art_has_body(a) && !a->ended && i + 1 < ps->nunits &&
			    UNIT(ps, i + 1)->kind != U_PARA && UNIT(ps, i + 1)->kind != U_DATELINE && goes_on_mark(u))
				UNIT(ps, i)->jump = PATTERN_JUMP_TO;
			if (u->jump == PATTERN_JUMP_FROM && a && art_has_body(a)) {
				/* "（上接第一版）" after a story's text: a story
				 * continued from another page starts here (its
				 * headline, printed again, under the line) */
				flush_held(ps, a);
				a = new_art(ps);
			}
			handle_jump(ps, &i);
			continue;
		case U_CAPTION:
		case U_CREDIT:
			handle_caption(ps, &i);
			continue;
		case U_PARA:
			if (in_header_block(ps, i) || header_note(ps, i)) {
				banner_for(ps, i, S_F_HEADER_BLOCK);
				i++;
				continue;
			}
			break;
		case U_END:
			if (in_header_block(ps, i)) {
				banner_for(ps, i, S_F_HEADER_BLOCK);
				i++;
				continue;
			}
			if (a && item_signature(ps, i, a))
				break;
			if (a && dateline_over_lead(ps, i, a)) {
				/* "（泗水讯）" between a headline and its text:
				 * the dateline printed first, not after */
				explain(ps, i, "dateline", NULL);
				lift_dateline(ps, a, u);
				i++;
				continue;
			}
			handle_end(ps, &i);
			continue;
		default:
			break;
		}
		if (feed_item_deck(ps, &i, a))
			continue;
		if (printed_byline(ps, i, a)) {
			explain_facts(ps, i, "byline", S_F_PRINTED_BYLINE, NSIGNALS);
			a->field[DOC_F_BYLINE] = byline_unbracketed(u);
			a->furn_byline = false;
			i++;
			continue;
		}
		if (closed_story_note(ps, i, a)) {
			/* "（此件公开发布）" tight under the date that closed a
			 * notice: the notice's own note, no story of its own */
			explain_facts(ps, i, "body", S_F_BRACKET_NOTE, NSIGNALS);
			add_part(a, DOC_PARAGRAPH, u->s, u->len);
			i++;
			continue;
		}
		if (afterword(ps, i, a)) {
			/* "编者附言：…" after a signed letter: the editor's
			 * answer to it, no story of its own */
			explain_facts(ps, i, "body", S_F_AFTERWORD, NSIGNALS);
			add_part(a, DOC_PARAGRAPH, u->s, u->len);
			i++;
			continue;
		}
		if ((is_title_kind(u->kind) || u->kind == U_MDSUB) && a && repeats_article(a, u)) {
			/* a line the article already has, extracted again: the
			 * repair pass drops it */
			unit copy = *u;
			copy.kind = U_TITLE;
			evidence facts;
			memset(&facts, 0, sizeof facts);
			ev_add(&facts, S_F_REPEAT);
			if (part_text_prefix(a, u) == DOC_PARAGRAPH) {
				copy.kind = U_PARA;
				explain(ps, i, "repeat", &facts);
				add_paragraph(ps, a, &copy);
				i++;
			} else {
				*u = copy;
				handle_title(ps, &i, &facts);
			}
			continue;
		}
		if (u->kind == U_TITLE && is_note_label(u) && (!a || a->ended || art_has_body(a))) {
			/* "【编者按】": the note opens the story whose headline follows */
			explain_facts(ps, i, "subhead", S_F_NOTE, NSIGNALS);
			if (a)
				flush_held(ps, a);
			a = new_art(ps);
			a->note = true;
			add_part(a, DOC_SUBHEAD, u->s, u->len);
			i++;
			continue;
		}
		/* "——湖北宜昌　邮友　谭正明" under a story that has no byline:
		 * who the writer is (a place, a who-word, a name: a byline of
		 * its own, not names alone, "——鲁迅") signs it */
		const char *who = dash_signature(ps, i, a);
		if (who) {
			explain_facts(ps, i, "byline", S_F_BYLINE, S_F_END_MARK);
			flush_held(ps, a);
			a->field[DOC_F_BYLINE] = doc_str_make(who, (size_t)(u->s + u->len - who));
			a->ended = true;
			a->cut = false;
			i++;
			continue;
		}
		if (is_attribution(ps, i, a)) {
			/* "——鲁迅" under a quotation: the body's, not a subtitle */
			explain_facts(ps, i, "attribution", S_F_DASH, S_F_QUOTE_BEFORE);
			flush_held(ps, a);
			add_part(a, DOC_PARAGRAPH, u->s, u->len);
			a->cut = false;
			i++;
			continue;
		}
		if (a && item_signature(ps, i, a)) {
			/* "●…业态。" / "（记者　赵丽）" / "●…": the item's own */
			explain_facts(ps, i, "body+", S_F_ITEM_SIGNED, NSIGNALS);
			part *last = last_part(a);
			doc_str j = join_text(ps, last->s, last->len, u->s, u->len);
			last->s = j.s;
			last->len = j.len;
			a->cut = false;
			i++;
			continue;
		}
		if ((u->kind == U_NAMES || u->kind == U_BYLINE || indented_signature(u, a)) && a && byline_closes_story(ps, i, a)) {
			/* the author printed after the story */
			evidence facts;
			memset(&facts, 0, sizeof facts);
			if (u->kind == U_PARA)
				ev_add(&facts, S_F_NAMES);      /* set in as a paragraph, names alone */
			else
				unit_facts(u, &facts);
			ev_add(&facts, S_F_END_MARK);
			explain(ps, i, "byline", &facts);
			flush_held(ps, a);
			a->field[DOC_F_BYLINE] = doc_str_make(u->s, u->len);
			a->ended = true;
			a->cut = false;
			i++;
			continue;
		}
		if (a && asker_under_question(ps, i, a)) {
			explain(ps, i, "body", NULL);
			add_paragraph(ps, a, u);
			a->cut = false;         /* a whole line: the answer is no rest of it */
			i++;
			continue;
		}
		if (a && byline_signs_above(ps, i, a)) {
			explain(ps, i, "byline", NULL);
			flush_held(ps, a);
			a->field[DOC_F_BYLINE] = doc_str_make(u->s, u->len);
			a->signed_end = true;
			i++;
			continue;
		}
		if (is_title_kind(u->kind) && a && headline_after_body(a) && !heads_own_text(ps, i)) {
			/* a story opened by its dateline with no headline: the
			 * title under its body is its own, printed after it */
			evidence facts;
			memset(&facts, 0, sizeof facts);
			ev_add(&facts, S_F_AFTER_BODY);
			read_header(ps, a, i, 1, &facts);
			/* body right under it goes on with the story: its dateline
			 * paragraph was extracted above the headline */
			a->ended = !(i + 1 < ps->nunits && UNIT(ps, i + 1)->kind == U_PARA && UNIT(ps, i + 1)->gap < ps->pf.big_gap);
			a->cut = false;
			i++;
			continue;
		}
		if (u->kind == U_TITLE && (title_goes_on(ps, i) || bracket_note(ps, i, a))) {
			handle_title(ps, &i, NULL);
			continue;
		}
		if (a && label_over_marked_items(ps, i, a)) {
			/* "银行速递" over "■江海银行推出…" / text / "■滨城银行…":
			 * a title with nothing of its own over items each titled
			 * after one mark is their column's label; the first item
			 * heads the story opened under it */
			evidence facts;
			memset(&facts, 0, sizeof facts);
			ev_add(&facts, S_LABEL_OVER);
			a->field[DOC_F_COLUMN] = a->field[DOC_F_HEADLINE];
			a->field[DOC_F_HEADLINE] = doc_str_make(u->s, u->len);
			explain(ps, i, "headline", &facts);
			i++;
			continue;
		}
		if (is_title_kind(u->kind) || u->kind == U_MDSUB) {
			size_t n = title_run(ps, i);
			evidence ev;
			story_evidence(ps, i, n, a, &ev);
			bool story = ev.score >= STORY_MIN;
			if (u->kind != U_MDSUB && abs(ev.score - STORY_MIN) <= PLAN_MARGIN)
				story = plan_story(ps, i, n, a, &ev);
			if (u->kind != U_MDSUB && story) {
				start_article(ps, i, n, &ev);
				i += n;
				a = cur_art(ps);
				if (i < ps->nunits && (UNIT(ps, i)->kind == U_BYLINE || UNIT(ps, i)->kind == U_NAMES)) {
					doc_str by = byline_unbracketed(UNIT(ps, i));
					bool label = a->field[DOC_F_BYLINE].len && !a->field[DOC_F_COLUMN].len &&
						     marked_word_over(a->field[DOC_F_BYLINE], by);
					if (label)
						explain_facts(ps, i, "byline", S_F_MARKED_LABEL, NSIGNALS);
					else
						explain(ps, i, "byline", NULL);
					/* a marked word waiting above the headline is its
					 * column's label; a byline waiting there (the stub this
					 * article was opened in) is kept beside the one under it */
					if (label) {
						a->field[DOC_F_COLUMN] = a->field[DOC_F_BYLINE];
						a->field[DOC_F_BYLINE] = by;
					} else if (a->field[DOC_F_BYLINE].len && !doc_str_eq(a->field[DOC_F_BYLINE], by))
						a->field[DOC_F_BYLINE] = join_lines(ps, a->field[DOC_F_BYLINE], by.s, by.len, "　");
					else {
						a->field[DOC_F_BYLINE] = by;
						a->furn_byline = UNIT(ps, i)->furn_author;
					}
					a->byline_line = true;
					i++;
					/* "文｜X" then "图｜Y": one byline on two lines */
					if (i < ps->nunits && UNIT(ps, i)->kind == U_BYLINE && UNIT(ps, i)->gap == 0) {
						explain(ps, i, "byline", NULL);
						a->field[DOC_F_BYLINE] = join_lines(ps, a->field[DOC_F_BYLINE], UNIT(ps, i)->s,
										    UNIT(ps, i)->len, "　");
						i++;
					}
				}
				continue;
			}
			if (u->kind == U_NAMES)
				u->kind = U_TITLE;
			handle_title(ps, &i, &ev);
			continue;
		}
		if (u->kind == U_BYLINE && a && marked_subhead(ps, i, a)) {
			/* "■ 下一步" between paragraphs of a signed story */
			evidence facts;
			memset(&facts, 0, sizeof facts);
			ev_add(&facts, S_F_MARKED_SUBHEAD);
			u->kind = U_TITLE;
			handle_title(ps, &i, &facts);
			continue;
		}
		if (u->kind == U_BYLINE && a && !a->field[DOC_F_BYLINE].len && a->field[DOC_F_HEADLINE].len &&
		    numbered_captions_only(a)) {
			/* "工地上的“暖心驿站”" / "①…" "②…" / "本报记者　X　摄影
			 *报道": a picture story's numbered captions under its
			 * title, then its byline, then its text */
			explain(ps, i, "byline", NULL);
			a->field[DOC_F_BYLINE] = doc_str_make(u->s, u->len);
			a->byline_line = true;
			i++;
			continue;
		}
		if (u->kind == U_BYLINE || u->kind == U_DATELINE) {
			if (starts_headless_story(ps, i)) {
				if (a)
					flush_held(ps, a);
				a = new_art(ps);
			}
			a = ensure_article(ps);
			if (u->kind == U_BYLINE && open_line_over_byline(a)) {
				/* the line between (the deck's line in another
				 * script, a post's account line) stays a line of
				 * its own, and a dateline under the byline still
				 * opens the text */
				explain_facts(ps, i, "byline", S_F_OPEN_LINE_BYLINE, NSIGNALS);
				a->open_line = true;
				a->cut = false;
				a->field[DOC_F_BYLINE] = doc_str_make(u->s, u->len);
				a->byline_line = true;
				i++;
				continue;
			}
			if (u->kind == U_BYLINE && !a->field[DOC_F_BYLINE].len && (!art_has_body(a) || note_over_byline(a))) {
				explain(ps, i, "byline", NULL);
				a->field[DOC_F_BYLINE] = doc_str_make(u->s, u->len);
				a->byline_line = true;
				i++;
				continue;
			}
			if (u->kind == U_DATELINE && !a->field[DOC_F_DATELINE].len &&
			    (!art_has_body(a) || (a->open_line && a->nparts == 1) || note_over_dateline(a))) {
				explain(ps, i, "dateline", NULL);
				if (reporters_under_dateline(ps, i)) {
					/* "本报讯" / "记者何东阳、特约通讯员徐浩报道：…":
					 * the bold dateline on a line of its own over
					 * its lead, which names the reporters: one lead */
					const unit *n = UNIT(ps, i + 1);
					char *d = doc_arena_alloc(ps->issue, u->len + 3 + n->len);
					memcpy(d, u->s, u->len);
					memcpy(d + u->len, "\xE3\x80\x80", 3);      /* U+3000 between them */
					memcpy(d + u->len + 3, n->s, n->len);
					unit lead = *n;
					lead.s = d;
					lead.len = u->len + 3 + n->len;
					explain(ps, i + 1, "body", NULL);
					lift_dateline(ps, a, &lead);
					i += 2;
					continue;
				}
				lift_dateline(ps, a, u);
				i++;
				continue;
			}
			/* a second byline in a body: keep it as text */
			explain(ps, i, "body", NULL);
			add_paragraph(ps, a, u);
			i++;
			continue;
		}
		/* a paragraph */
		if (u->kind == U_PARA && ps->eof && a && a->ended && u->chars <= 40 && !(u->flags & UF_SENTENCE) &&
		    (u->flags & UF_TERMINATED) && only_headers_after(ps, i)) {
			/* "本版稿件如涉及著作权问题，请与本报联系。": one sentence
			 * alone at the page's foot after the last story closed
			 * (running footers may follow), a note of the page, not a
			 * story without a headline */
			explain(ps, i, "header", NULL);
			add_banner(ps, u->s, u->len);
			i++;
			continue;
		}
		pattern_dateline lead;
		if (u->kind == U_PARA && a && a->field[DOC_F_HEADLINE].len && !a->field[DOC_F_DATELINE].len &&
		    !art_has_body(a) && pattern_match_report_lead(u->s, u->len, &lead)) {
			/* "据日本共同社4月8日报道，…" opening the story */
			explain(ps, i, "dateline", NULL);
			lift_dateline(ps, a, u);
			i++;
			continue;
		}
		if (is_bare_caption(ps, i, a) || sentence_before_credit(ps, i, a)) {
			handle_caption(ps, &i);
			continue;
		}
		if (a && question_head(ps, i, a)) {
			/* "为什么要做科普？" alone between paragraphs: a title,
			 * the question an interview's section answers or the
			 * head of a piece of its own ("怎样辨别真假老陈醋？" over
			 * tips signed （X整理）): the story's evidence decides */
			u->kind = U_TITLE;
			u->flags |= UF_QUESTION_HEAD;
			continue;
		}
		if (u->kind == U_PARA && note_over_deck(ps, i)) {
			/* "编者按：…" over a story's deck: the note opens that
			 * story; a lone title right above it, with nothing of
			 * its own, names the series (the column) */
			evidence facts;
			memset(&facts, 0, sizeof facts);
			ev_add(&facts, S_F_NOTE);
			if (a && lone_title_only(a)) {
				a->field[DOC_F_COLUMN] = a->field[DOC_F_HEADLINE];
				a->field[DOC_F_HEADLINE] = doc_str_make(NULL, 0);
			} else {
				if (a)
					flush_held(ps, a);
				a = new_art(ps);
			}
			a->note = true;
			explain(ps, i, "body", &facts);
			add_paragraph(ps, a, u);
			i++;
			continue;
		}
		if (lone_caption(ps, i, a)) {
			handle_caption(ps, &i);
			continue;
		}
		if (a && a->ended && !a->cut && !(a->field[DOC_F_HEADLINE].len && link_line(u->s, u->len))) {
			/* text after a closed article with no headline of its own
			 * (a link to the story read whole, "阅读全文 >> https://…",
			 * is the closed story's last line) */
			flush_held(ps, a);
			a = new_art(ps);
		}
		a = ensure_article(ps);
		explain(ps, i, a->cut ? "body+" : "body", NULL);
		add_paragraph(ps, a, u);
		i++;
	}
	ps->next = i;
}

/* ------------------------------------------------------------------ */
/* Pass 4: repair */

static bool part_eq(const part *a, const part *b)
{
	return a->hash == b->hash && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* Type, length and both ends: part_eq compares the rest (hashing whole
 * paragraphs was 4% of a parse). */
static uint64_t part_hash(const part *p)
{
	enum { END = 16 };
	if (p->len <= 2 * END)
		return util_hash(p->s, p->len, p->type) | 1;
	uint64_t h = util_hash(p->s, END, p->type ^ ((uint64_t)p->len << 8));
	return util_hash(p->s + p->len - END, END, h) | 1;
}

static void hash_parts(art *a)
{
	for (size_t k = 0; k < a->nparts; k++)
		a->parts[k].hash = part_hash(&a->parts[k]);
}

/* Whether a part's text ends a sentence (closing quotes aside). */
static bool is_terminated_text(const part *p)
{
	const char *s = p->s, *end = p->s + p->len, *at = end;
	uint32_t cp = last_cp(s, end, &at);
	while (is_closing(cp) && at > s)
		cp = last_cp(s, at, &at);
	return is_sentence_end(cp);
}

/* An unfinished fragment repeated from the start of an earlier paragraph. */
static bool is_prefix_fragment(const part *frag, const part *whole)
{
	return frag->type == DOC_PARAGRAPH && frag->len < whole->len &&
	       memcmp(frag->s, whole->s, frag->len) == 0;
}

/* Drops paragraphs (and subheads, captions) that the article already has:
 * the same text extracted twice or more. Hashes keep it linear. */
/* p is the last sentences of the paragraph before, extracted again after
 * its cut was joined ("…可能下 / 降一成左右。报道援引…" then "报道援引…"). */
static bool is_tail_repeat(const part *p, const part *before)
{
	if (p->len < 12 || p->len >= before->len ||
	    memcmp(before->s + before->len - p->len, p->s, p->len) != 0)
		return false;
	uint32_t cp = last_cp(before->s, before->s + before->len - p->len, NULL);
	return is_sentence_end(cp) || is_closing(cp);
}

/* A paragraph no longer than a line of verse. */
static bool verse_line(const part *p)
{
	return p->type == DOC_PARAGRAPH && count_chars(p->s, p->len, VERSE_LINE_MAX + 1) <= VERSE_LINE_MAX;
}

/* Whether a's paragraphs are verse: four or more of them, two in three
 * no longer than a line of verse. Prose repeats whole paragraphs when it
 * is extracted twice; a poem or a song repeats its refrain on purpose.
 * Asked while dedup_article compacts: parts [out, k) are stale. */
static bool verse_article(const art *a, size_t out, size_t k)
{
	size_t lines = 0, paras = 0;
	for (size_t j = 0; j < a->nparts; j++) {
		if (j == out)
			j = k;
		const part *p = &a->parts[j];
		if (p->type != DOC_PARAGRAPH)
			continue;
		paras++;
		lines += verse_line(p);
	}
	return lines >= 4 && lines * 3 >= paras * 2;
}

/* How many parts from a->parts[k] on repeat, in order, the kept parts
 * from a->parts[m] on (up to out: what is kept so far). */
static size_t repeated_run(const art *a, size_t k, size_t m, size_t out)
{
	size_t n = 0;
	while (k + n < a->nparts && m + n < out && part_eq(&a->parts[k + n], &a->parts[m + n]))
		n++;
	return n;
}

/* A refrain: a line of verse printed again with new lines between its
 * last printing and this one. An extraction repeat copies the text right
 * before it (after itself, or across a column break or header): the run
 * of lines it repeats reaches up to the copy, with nothing new between. */
static bool is_refrain(const art *a, size_t k, size_t m, size_t out, int *verse)
{
	const part *p = &a->parts[k];
	if (!verse_line(p) || m + repeated_run(a, k, m, out) >= out)
		return false;
	if (*verse < 0)
		*verse = verse_article(a, out, k);
	return *verse;
}

static void dedup_article(art *a)
{
	hash_parts(a);
	if (a->nparts < 2)
		return;
	size_t cap = 16;
	while (cap < a->nparts * 2)
		cap *= 2;
	uint64_t *hash = util_calloc(cap, sizeof(uint64_t));
	uint32_t *idx = util_calloc(cap, sizeof(uint32_t));
	size_t out = 0;
	int verse = -1;         /* verse_article(a), asked once a repeat is met */
	for (size_t k = 0; k < a->nparts; k++) {
		part *p = &a->parts[k];
		/* (a table's border, or a row, is drawn again on purpose) */
		if (p->type == DOC_JUMP || (p->type == DOC_PARAGRAPH && md_table_row(p->s, p->len))) {
			a->parts[out++] = *p;
			continue;
		}
		uint64_t h = p->hash;
		size_t slot = h & (cap - 1);
		bool dup = false;
		while (hash[slot]) {
			if (hash[slot] == h && part_eq(&a->parts[idx[slot]], p)) {
				dup = !is_refrain(a, k, idx[slot], out, &verse);
				break;
			}
			slot = (slot + 1) & (cap - 1);
		}
		if (!dup && p->type == DOC_PARAGRAPH && p->len < 400 && !(p->len && is_terminated_text(p)) &&
		    !furniture_bare_label(p->s, p->len)) {
			/* the cut-off head of a paragraph repeated at the end of a run
			 * (not an issuer signing over a date, "滨海市第一中学" /
			 * "2026年11月30日", though the text opens with its name) */
			bool signs = k + 1 < a->nparts && a->parts[k + 1].type == DOC_PARAGRAPH &&
				     date_only_line(a->parts[k + 1].s, a->parts[k + 1].len);
			for (size_t m = 0; m < out && !dup && !signs; m++)
				dup = a->parts[m].type == DOC_PARAGRAPH && is_prefix_fragment(p, &a->parts[m]);
			/* but a poem's line is whole: "我爱你" under "我爱你中国" */
			if (dup && verse_line(p)) {
				if (verse < 0)
					verse = verse_article(a, out, k);
				dup = !verse;
			}
		}
		if (!dup && p->type == DOC_PARAGRAPH && out && a->parts[out - 1].type == DOC_PARAGRAPH)
			dup = is_tail_repeat(p, &a->parts[out - 1]);
		if (dup)
			continue;
		hash[slot] = h;
		idx[slot] = (uint32_t)out;
		a->parts[out++] = *p;
	}
	a->nparts = out;
	free(hash);
	free(idx);
}

/* How many of b's paragraphs a holds. */
static size_t shared_paragraphs(const art *a, const art *b, size_t *b_paragraphs)
{
	size_t shared = 0, total = 0;
	for (size_t k = 0; k < b->nparts; k++) {
		if (b->parts[k].type != DOC_PARAGRAPH)
			continue;
		total++;
		for (size_t m = 0; m < a->nparts; m++) {
			if (part_eq(&a->parts[m], &b->parts[k])) {
				shared++;
				break;
			}
		}
	}
	*b_paragraphs = total;
	return shared;
}

/* A story printed before its headline: a headless article followed later
 * on the page by a headline whose body repeats it. The two become one:
 * the headline's fields, the body in the order first printed. Called when
 * article b is complete; looks back MERGE_WINDOW articles. */
/* Article b goes into article a: a takes the fields it lacks and b's
 * blocks; captions waiting beside b now wait beside a. */
static void merge_articles(parser *ps, size_t a_index, size_t b_index)
{
	art *a = ART(ps, a_index), *b = ART(ps, b_index);
	for (int f = 0; f < DOC_NFIELDS; f++)
		if (!a->field[f].len)
			a->field[f] = b->field[f];
	/* a supplier's line that closed b names no writer in a either */
	if (b->supplied && a->field[DOC_F_BYLINE].s == b->supplied)
		a->supplied = b->supplied;
	for (size_t k = 0; k < b->nparts; k++)
		add_part(a, b->parts[k].type, b->parts[k].s, b->parts[k].len);
	dedup_article(a);
	b->dropped = true;
	for (size_t f = 0; f < ps->nfloating; f++) {
		if (ps->floating[f].prev == b_index)
			ps->floating[f].prev = a_index;
		if (ps->floating[f].next == b_index)
			ps->floating[f].next = a_index;
	}
}

/* A lead printed above its headline has at most this many paragraphs. */
enum { LEAD_MAX = 2 };

/* Text without byline above a headline is its lead only when it speaks
 * of the same things: word pairs shared with the story (its headline's
 * count triple), at least LEAD_SHARED. */
enum { LEAD_SHARED = 4 };
static bool lead_shares_words(const art *a, const art *b)
{
	art_bigrams bb;
	art_bigrams_build(&bb, b);
	size_t score = 0;
	for (size_t k = 0; k < a->nparts && score < LEAD_SHARED; k++)
		if (a->parts[k].type == DOC_PARAGRAPH)
			score += bigram_score(a->parts[k].s, a->parts[k].len, &bb);
	art_bigrams_free(&bb);
	return score >= LEAD_SHARED;
}

static void merge_into_headless(parser *ps, size_t b_index)
{
	art *b = ART(ps, b_index);
	if (!b->field[DOC_F_HEADLINE].len)
		return;
	if (!art_has_body(b) && b_index > ps->arts_base) {
		/* a headline with no body right after a headless story: the
		 * story's own headline, printed under it */
		art *a = ART(ps, b_index - 1);
		if (!a->dropped && !a->field[DOC_F_HEADLINE].len && art_has_body(a)) {
			merge_articles(ps, b_index - 1, b_index);
			return;
		}
	}
	if (b_index > ps->arts_base && !b->field[DOC_F_DATELINE].len) {
		/* a lead of a few paragraphs (with its byline, when the story
		 * under the headline has none) right above a headline: the
		 * extraction took the lead's column before the headline */
		art *a = ART(ps, b_index - 1);
		size_t paragraphs = 0;
		for (size_t k = 0; k < a->nparts; k++)
			paragraphs += a->parts[k].type == DOC_PARAGRAPH;
		if (!a->dropped && !a->field[DOC_F_HEADLINE].len && !a->field[DOC_F_DATELINE].len &&
		    !(a->field[DOC_F_BYLINE].len && b->field[DOC_F_BYLINE].len) && !a->ended && !art_has_jump(a) &&
		    paragraphs >= 1 && paragraphs <= LEAD_MAX &&
		    (a->field[DOC_F_BYLINE].len || lead_shares_words(a, b))) {
			merge_articles(ps, b_index - 1, b_index);
			return;
		}
	}
	size_t from = b_index > MERGE_WINDOW ? b_index - MERGE_WINDOW : 0;
	if (from < ps->arts_base)
		from = ps->arts_base;
	for (size_t i = from; i < b_index; i++) {
		art *a = ART(ps, i);
		if (a->dropped || a->field[DOC_F_HEADLINE].len || !art_has_body(a))
			continue;
		if (a->field[DOC_F_BYLINE].len && b->field[DOC_F_BYLINE].len &&
		    !doc_str_eq(a->field[DOC_F_BYLINE], b->field[DOC_F_BYLINE]))
			continue;
		size_t total, a_total;
		size_t shared = shared_paragraphs(a, b, &total);
		/* b repeats most of a's story, or a is only paragraphs of b
		 * extracted before its headline */
		if ((!total || shared * 2 < total) &&
		    !(shared_paragraphs(b, a, &a_total) == a_total && a_total && a_total <= LEAD_MAX))
			continue;
		merge_articles(ps, i, b_index);
		return;
	}
}

/* A brief: a story opened by its dateline, with no byline line above it,
 * no subheads and at most three paragraphs. */
static bool is_brief(const art *a)
{
	size_t paragraphs = 0;
	for (size_t k = 0; k < a->nparts; k++) {
		if (a->parts[k].type == DOC_SUBHEAD)
			return false;
		paragraphs += a->parts[k].type == DOC_PARAGRAPH;
	}
	return a->field[DOC_F_DATELINE].len && paragraphs && paragraphs <= 3 && !a->dropped;
}

/* A column label heads the run of briefs set under it ("城事快递"): a brief
 * right after a brief of the column, with no kicker or column of its own,
 * is in the column too. */
/* An item of a list of short news: one to three paragraphs, no
 * subheads, no byline line of its own. */
static bool short_item(const art *a)
{
	size_t paragraphs = 0;
	for (size_t k = 0; k < a->nparts; k++) {
		if (a->parts[k].type == DOC_SUBHEAD)
			return false;
		paragraphs += a->parts[k].type == DOC_PARAGRAPH;
	}
	return paragraphs && paragraphs <= 3 && !a->dropped;
}

/* Both headlines open with the same mark (■, ◆, ●, ▲, ★) or are numbered. */
static bool same_mark(const art *a, const art *b)
{
	doc_str x = a->field[DOC_F_HEADLINE], y = b->field[DOC_F_HEADLINE];
	if (!x.len || !y.len)
		return false;
	if (a->bracketed && b->bracketed)
		return true;    /* "【湖州供电】…", "【宜昌供电】…" */
	uint32_t cx = first_cp(x.s, x.s + x.len), cy = first_cp(y.s, y.s + y.len);
	if (cx == cy && (cx == 0x25A0 || cx == 0x25C6 || cx == 0x25CF || cx == 0x25B2 || cx == 0x2605 ||
			 cx == 0x25A1 || cx == 0x25C7))
		return true;
	/* items of one numbered list ("1．…", "2．…") */
	return numbered_text(x.s, x.len) && numbered_text(y.s, y.len);
}

static void carry_column(parser *ps, size_t k)
{
	if (k == 0 || k - 1 < ps->arts_base)
		return;
	art *a = ART(ps, k), *prev = ART(ps, k - 1);
	if (a->field[DOC_F_COLUMN].len || a->field[DOC_F_KICKER].len || !a->field[DOC_F_HEADLINE].len)
		return;
	if (!prev->field[DOC_F_COLUMN].len && prev->field[DOC_F_KICKER].len && short_item(prev) && short_item(a) &&
	    same_mark(prev, a)) {
		/* the line over the first of a run of items set alike
		 * ("一周要闻" over "■…", "■…"): it labels the run, not the
		 * first item alone: the column of each */
		prev->field[DOC_F_COLUMN] = prev->field[DOC_F_KICKER];
		prev->field[DOC_F_KICKER] = doc_str_make(NULL, 0);
		if (explain_out)        /* the kicker's line was explained already */
			fprintf(explain_out, "%5s  %-10s %.*s  · %s\n", "", "column", (int)prev->field[DOC_F_COLUMN].len,
				prev->field[DOC_F_COLUMN].s, signals[S_F_RUN_LABEL].what);
	}
	if (!prev->field[DOC_F_COLUMN].len)
		return;
	/* briefs, or short items whose headlines open with the same mark
	 * ("■华泰精工：…", "■星海科技：…") */
	/* notices each headed by their issuer under the label "公告" */
	if ((is_brief(prev) && is_brief(a)) || (short_item(prev) && short_item(a) && same_mark(prev, a)) ||
	    (prev->issued && a->issued))
		a->field[DOC_F_COLUMN] = prev->field[DOC_F_COLUMN];
}

/* "团场简讯" / "·十四团…。（阿迪力）" / "·十六团…。（王亚楠）": short
 * items without titles, each closed by its own signer in brackets, run
 * under one title: the text after the first item closed is no story
 * without a headline, it is the title's next item. Article k, headless,
 * of one paragraph that its signer closed, goes into the titled article
 * before it when that one is such an item too (or a run of them); each
 * item keeps its signer in its text, and the run has no byline (its
 * items have several). */
static bool signed_item(const art *a)
{
	return a->signed_len && a->nparts == 1 && a->parts[0].type == DOC_PARAGRAPH && !a->field[DOC_F_DATELINE].len &&
	       !a->field[DOC_F_SUBTITLE].len;
}

/* "森工简讯" / "■绰尔…。（王磊）" / "■乌尔旗汉…。" / "■森工…。": the
 * items after the signed ones need no signer to be the title's: headless
 * text whose every paragraph opens with the mark the run's first item
 * opens with is more of its items (the page marks its items alike). */
static bool unsigned_items(const art *a, const art *b)
{
	uint32_t m = a->nparts && a->parts[0].type == DOC_PARAGRAPH ? title_mark(a->parts[0].s, a->parts[0].len) : 0;
	if (!m || b->signed_len || !b->nparts || b->field[DOC_F_DATELINE].len || b->field[DOC_F_SUBTITLE].len ||
	    b->field[DOC_F_BYLINE].len)
		return false;
	for (size_t k = 0; k < b->nparts; k++)
		if (b->parts[k].type != DOC_PARAGRAPH || title_mark(b->parts[k].s, b->parts[k].len) != m)
			return false;
	return true;
}

/* Whether every paragraph of a (two or more) and b's first open with
 * one item's mark: a box's items, b the last, signed. */
static bool marked_alike(const art *a, const art *b)
{
	if (a->nparts < 2 || !b->nparts || b->parts[0].type != DOC_PARAGRAPH)
		return false;
	uint32_t m = title_mark(b->parts[0].s, b->parts[0].len);
	if (!m)
		return false;
	for (size_t k = 0; k < a->nparts; k++)
		if (a->parts[k].type != DOC_PARAGRAPH || title_mark(a->parts[k].s, a->parts[k].len) != m)
			return false;
	return true;
}

static void merge_signed_item(parser *ps, size_t k)
{
	/* the article before, past the items already taken in */
	size_t j = k;
	while (j > ps->arts_base && ART(ps, j - 1)->dropped && (ART(ps, j - 1)->signed_len || ART(ps, j - 1)->items))
		j--;
	if (j == 0 || j - 1 < ps->arts_base)
		return;
	art *a = ART(ps, j - 1), *b = ART(ps, k);
	if (a->dropped || !a->field[DOC_F_HEADLINE].len || b->field[DOC_F_HEADLINE].len || b->field[DOC_F_KICKER].len ||
	    b->field[DOC_F_COLUMN].len || !(a->items || signed_item(a) || (signed_item(b) && marked_alike(a, b))))
		return;
	bool unsigned_run = !signed_item(b) && unsigned_items(a, b);
	if (!signed_item(b) && !unsigned_run)
		return;
	if (!a->items) {
		a->parts[0].len = a->signed_len;
		a->field[DOC_F_BYLINE] = doc_str_make(NULL, 0);
		a->items = true;
	}
	if (unsigned_run)
		for (size_t p = 0; p < b->nparts; p++)
			add_part(a, DOC_PARAGRAPH, b->parts[p].s, b->parts[p].len);
	else
		add_part(a, DOC_PARAGRAPH, b->parts[0].s, b->signed_len);
	b->dropped = true;
	b->items = true;        /* (taken in: the next item looks past it) */
	for (size_t f = 0; f < ps->nfloating; f++) {
		if (ps->floating[f].prev == k)
			ps->floating[f].prev = j - 1;
		if (ps->floating[f].next == k)
			ps->floating[f].next = j - 1;
	}
}

/* "【僑社新聞】客屬聯誼會慶祝成立一百三十週年" over a byline or a
 * dateline: the column's name in brackets on the headline's line, then
 * the headline; once the page has set one so, its other titles opening
 * so are set alike (a notice's too). A small ad's "【整租】两居室" heads
 * its text with no one reporting it: one title, as printed. The label
 * is 2 to 6 Han characters. */
enum { LINE_LABEL_MIN = 2, LINE_LABEL_MAX = 6 };
static size_t list_number_lead(const char *s, size_t len);
enum { LONE_LABEL_MIN = 4 };
static void split_line_label(parser *ps, art *a)
{
	doc_str h = a->field[DOC_F_HEADLINE];
	if (!h.len || a->field[DOC_F_COLUMN].len)
		return;
	/* (after the story's number in a numbered list of them: "4. 【银龄风采】
	 * 七旬老人义务教书法十五年", the number kept before the headline) */
	size_t num = list_number_lead(h.s, h.len);
	if (!has_prefix(h.s + num, h.len - num, "【"))
		return;
	const char *p = h.s + num + 3, *end = h.s + h.len;
	unsigned chars = 0;
	while (p < end && !has_prefix(p, (size_t)(end - p), "】")) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!is_han(cp) || ++chars > LINE_LABEL_MAX)
			return;
	}
	if (p >= end || chars < LINE_LABEL_MIN)
		return;
	const char *title = text_skip_space(p + 3, end);
	if (count_chars(title, (size_t)(end - title), 8) < 4)
		return;
	/* (a label of four characters or more names a column even over a
	 * story nobody signs: "【领事提醒】", never a small ad's "【整租】") */
	if (!ps->line_labels && !a->field[DOC_F_BYLINE].len && !a->field[DOC_F_DATELINE].len && chars < LONE_LABEL_MIN)
		return;
	ps->line_labels = true;
	a->field[DOC_F_COLUMN] = doc_str_make(h.s + num + 3, (size_t)(p - h.s - num - 3));
	if (num) {
		char *d = doc_arena_alloc(ps->issue, num + (size_t)(end - title));
		memcpy(d, h.s, num);
		memcpy(d + num, title, (size_t)(end - title));
		a->field[DOC_F_HEADLINE] = doc_str_make(d, num + (size_t)(end - title));
	} else {
		a->field[DOC_F_HEADLINE] = doc_str_make(title, (size_t)(end - title));
	}
	if (explain_out)        /* (the headline's line was explained already) */
		fprintf(explain_out, "%5s  %-10s %.*s  · %s\n", "", "column", (int)a->field[DOC_F_COLUMN].len,
			a->field[DOC_F_COLUMN].s, signals[S_F_LINE_LABEL].what);
}

/* "4. ", "12、", "3．": a story's number in a numbered list of them and
 * the spaces after it, at the head of s: its bytes, 0 for none. */
static size_t list_number_lead(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && n < 2 && s[n] >= '0' && s[n] <= '9')
		n++;
	if (!n || n >= len)
		return 0;
	size_t mark = s[n] == '.' ? 1 : has_prefix(s + n, len - n, "、") || has_prefix(s + n, len - n, "．") ? 3 : 0;
	if (!mark)
		return 0;
	return (size_t)(text_skip_space(s + n + mark, s + len) - s);
}

/* Whether unit i, a title opening with an item's mark (■, ◆ …), sits
 * under an article that has only its headline, a short one, and over a
 * paragraph, with another title of the same mark over a paragraph
 * further down: the items of a column whose label that headline is. */
enum { ITEM_LABEL_MAX = 8, ITEM_REACH = 8 };
static bool label_over_marked_items(const parser *ps, size_t i, const art *a)
{
	const unit *u = UNIT(ps, i);
	uint32_t mark = u->kind == U_TITLE ? item_mark(u) : 0;
	if (!mark || mark == 0x3010 || !a->field[DOC_F_HEADLINE].len || a->field[DOC_F_COLUMN].len ||
	    a->field[DOC_F_KICKER].len || a->field[DOC_F_SUBTITLE].len || art_has_body(a) ||
	    count_chars(a->field[DOC_F_HEADLINE].s, a->field[DOC_F_HEADLINE].len, ITEM_LABEL_MAX + 1) > ITEM_LABEL_MAX ||
	    i + 1 >= ps->nunits || UNIT(ps, i + 1)->kind != U_PARA)
		return false;
	for (size_t k = i + 2; k + 1 < ps->nunits && k < i + ITEM_REACH; k++) {
		const unit *v = UNIT(ps, k);
		if (v->kind == U_TITLE && item_mark(v) == mark)
			return UNIT(ps, k + 1)->kind == U_PARA;
		if (v->kind != U_PARA)
			return false;
	}
	return false;
}

/* "‧梁啓明‧": a byline between dots is the name inside them. */
static void trim_byline_dots(art *a)
{
	static const char *const dots[] = { "‧", "·", "・", "•" };
	doc_str *b = &a->field[DOC_F_BYLINE];
	for (size_t k = 0; k < sizeof dots / sizeof *dots; k++) {
		size_t n = strlen(dots[k]);
		if (b->len <= 2 * n || !has_prefix(b->s, b->len, dots[k]))
			continue;
		for (size_t z = 0; z < sizeof dots / sizeof *dots; z++) {
			size_t m = strlen(dots[z]);
			if (b->len > n + m && memcmp(b->s + b->len - m, dots[z], m) == 0) {
				const char *t = text_skip_space(b->s + n, b->s + b->len - m);
				*b = doc_str_make(t, (size_t)(text_trim_end(t, b->s + b->len - m) - t));
				return;
			}
		}
	}
}

/* Whether articles [arts_base, k) are all headless: no headline, kicker,
 * byline or dateline (text before the page's first story). */
static bool all_headless_before(const parser *ps, size_t k)
{
	if (ps->arts_base > 0)
		return false;
	for (size_t j = 0; j < k; j++) {
		const art *b = ART(ps, j);
		if (b->field[DOC_F_HEADLINE].len || b->field[DOC_F_KICKER].len || b->field[DOC_F_BYLINE].len ||
		    b->field[DOC_F_DATELINE].len)
			return false;
	}
	return true;
}

/* A forum thread's lines over the first story it reposts (the thread's
 * title, the poster's name, the poster's word to the readers: "转自《X》
 * 第5版，手打，错字见谅"): the site's and the poster's, not the paper's.
 * When the first headed article k is complete on a page whose first
 * post's line came before it, the headless text before it goes to the
 * banners (a little of it: a story printed before its headline is
 * longer). */
enum { FORUM_PREFACE_MAX = 600 };      /* bytes */
static void forum_preface(parser *ps, size_t k)
{
	if (!ps->forum_post_seen || !ART(ps, k)->field[DOC_F_HEADLINE].len || !all_headless_before(ps, k))
		return;
	ps->forum_post_seen = false;
	size_t bytes = 0, before = 0;
	for (size_t j = 0; j < k; j++)
		for (size_t p = 0; p < ART(ps, j)->nparts; p++)
			bytes += ART(ps, j)->parts[p].len;
	/* (captions waiting before the story: a sentence alone over it) */
	while (before < ps->nfloating && (ps->floating[before].prev == SIZE_MAX || ps->floating[before].prev < k))
		bytes += ps->floating[before++].cap.len;
	if (bytes > FORUM_PREFACE_MAX)
		return;
	for (size_t j = 0; j < k; j++) {
		art *b = ART(ps, j);
		for (size_t p = 0; p < b->nparts; p++)
			add_banner(ps, b->parts[p].s, b->parts[p].len);
		b->nparts = 0;
		b->dropped = true;
	}
	if (!before)
		return;     /* (no caption waits: the list may be none at all) */
	for (size_t f = 0; f < before; f++)
		add_banner(ps, ps->floating[f].cap.s, ps->floating[f].cap.len);
	memmove(ps->floating, ps->floating + before, (ps->nfloating - before) * sizeof *ps->floating);
	ps->nfloating -= before;
}

/* The last article is complete: captions held for it are added, captions
 * waiting for it are placed, repeats dropped, and a headless story before
 * it may take it in. */
static void close_last_article(parser *ps)
{
	if (ps->narts == ps->closed)
		return;
	size_t k = ps->narts - 1;
	flush_held(ps, ART(ps, k));
	ps->closed = ps->narts;
	carry_column(ps, k);
	forum_preface(ps, k);
	place_floating(ps, false);
	dedup_article(ART(ps, k));
	drop_inner_repeats(ps, ART(ps, k));
	merge_signed_item(ps, k);
	merge_into_headless(ps, k);
}

static void emit_article(parser *ps, art *a)
{
	if (a->dropped || (a->nparts == 0 && !a->field[DOC_F_HEADLINE].len &&
			   !a->field[DOC_F_BYLINE].len && !a->field[DOC_F_KICKER].len))
		return;
	split_line_label(ps, a);
	trim_byline_dots(a);
	doc_article *d = doc_begin_article(ps->issue);
	/* Header fields are copied out of the page: the section list and
	 * --list then read a few kilobytes, not a page of the file per
	 * article. */
	for (int f = 0; f < DOC_NFIELDS; f++)
		if (a->field[f].len && !(f == DOC_F_BYLINE && a->field[f].s == a->supplied))
			d->field[f] = doc_arena_dup(ps->issue, a->field[f].s, a->field[f].len);
	for (size_t k = 0; k < a->nparts; k++) {
		const part *p = &a->parts[k];
		if (p->type == DOC_JUMP) {
			/* copied too: link.c reads them all */
			int page = 0;
			pattern_jump_kind kind = pattern_match_jump(p->s, p->len, &page);
			doc_add_jump(ps->issue, doc_arena_dup(ps->issue, p->s, p->len), (doc_jump_kind)kind, page);
		} else if (p->type == DOC_CAPTION) {
			doc_add_caption(ps->issue, doc_str_make(p->s, p->len),
					(uint32_t)pattern_credit_start(p->s, p->len));
		} else {
			doc_add_block(ps->issue, p->type, doc_str_make(p->s, p->len));
		}
	}
}

/* Hands over to the issue the articles nothing can change any more:
 * complete, beyond the merge window, and with no caption waiting to be
 * placed beside them (all of them when `all`). */
static void emit_settled(parser *ps, bool all)
{
	size_t limit = ps->closed > MERGE_WINDOW ? ps->closed - MERGE_WINDOW : 0;
	if (all)
		limit = ps->narts;
	for (size_t i = 0; i < ps->nfloating; i++)
		if (ps->floating[i].prev != SIZE_MAX && ps->floating[i].prev < limit)
			limit = ps->floating[i].prev;
	size_t done = ps->arts_base;
	while (done < limit) {
		art *a = ART(ps, done);
		emit_article(ps, a);
		free(a->parts);
		done++;
	}
	/* the emitted articles leave a gap before the others, closed only
	 * when it is as long as what follows it (moving the window of open
	 * articles at every emission was 2% of --list) */
	ps->arts_off += done - ps->arts_base;
	ps->arts_base = done;
	if (ps->arts_off && ps->arts_off >= ps->narts - done) {
		memmove(ps->arts, ps->arts + ps->arts_off, (ps->narts - done) * sizeof *ps->arts);
		ps->arts_off = 0;
	}
}

/* The lowest source address the parser may still read. */
static const char *source_low_water(const parser *ps)
{
	const char *lo = ps->have_pending ? ps->pending.s : ps->src.text + ps->src.len;
	const char *start = ps->src.text, *end = ps->src.text + ps->src.len;
#define LOWER(p) do { const char *q_ = (p); if (q_ >= start && q_ < lo) lo = q_; } while (0)
	if (ps->next < ps->nunits)
		LOWER(UNIT(ps, ps->next)->s);
	for (size_t i = ps->arts_base; i < ps->narts; i++) {
		const art *a = ART(ps, i);
		for (int f = 0; f < DOC_NFIELDS; f++)
			if (a->field[f].len)
				LOWER(a->field[f].s);
		for (size_t k = 0; k < a->nparts; k++)
			LOWER(a->parts[k].s);
	}
	for (size_t i = 0; i < ps->nfloating; i++)
		LOWER(ps->floating[i].cap.s);
	for (size_t i = 0; i < ps->nheld; i++)
		LOWER(ps->held[i].s);
#undef LOWER
	(void)end;
	return lo;
}

/* Hands the source text the parser is done with to its drop callback (a
 * mapped file lets those pages go; whatever needs them later, the reader
 * drawing an article, reads them again). Keeps memory near the size of
 * the model. */
static void release_parsed(parser *ps)
{
	if (!ps->src.drop)
		return;
	const char *to = source_low_water(ps);
	if (to > ps->released + RELEASE_STEP / 2) {
		ps->src.drop(ps->src.owner, ps->released, to);
		ps->released = to;
	}
}

static void compact_units(parser *ps)
{
	size_t drop = ps->next - ps->units_base;
	if (drop < 4096)
		return;
	memmove(ps->units, ps->units + drop, (ps->nunits - ps->next) * sizeof *ps->units);
	ps->units_base = ps->next;
}

static void parser_free(parser *ps)
{
	prescan_stop(ps);
	for (size_t i = ps->arts_base; i < ps->narts; i++)
		free(ART(ps, i)->parts);
	free(ps->arts);
	free(ps->units);
	free(ps->floating);
	free(ps->banners);
	free(ps->captions);
	free(ps->caption_credits);
	free(ps->held);
	free(ps->furn_notes);
}

struct parse_stream {
	parser ps;
};

parse_stream *parse_begin(doc_issue *issue, char *name, doc_source src)
{
	return parse_begin_flags(issue, name, src, 0);
}

parse_stream *parse_begin_flags(doc_issue *issue, char *name, doc_source src, unsigned flags)
{
#ifdef PARSE_TUNABLE
	tune_load();
#endif
	parse_stream *st = util_calloc(1, sizeof *st);
	parser *ps = &st->ps;
	ps->issue = issue;
	bool spaced = false;
	src = despaced_source(src, &spaced);
	ps->src = src;
	ps->released = src.text;
	doc_begin_page(issue, name, src);
	doc_set_page_script(issue, flags & PARSE_NO_SCRIPT ? SCRIPT_KIND_SIMPLIFIED
						     : script_detect(src.text, src.len));
	profile_page(&ps->pf, &ps->furn, src.text, src.len);
	ps->pf.letter_spaced = spaced;
	ps->wrap = ps->pf.wrap;
	explain_page(ps, name);
	line_reader_init(&ps->lr, src.text, src.len);
	ps->lr.spacing = ps->pf.line_spacing;
	ps->lr.halve = ps->pf.gaps_doubled;
	ps->lr.margin = ps->pf.margin;
	ps->have_pending = next_line(&ps->lr, &ps->pending);
	prescan_start(ps);
	return st;
}

bool parse_step(parse_stream *st, size_t budget)
{
	parser *ps = &st->ps;
	/* a budget that covers the rest of the page finishes it: the reader
	 * reaches the page's end (its last line read ahead) while units are
	 * still waiting in the window, and stopping there would leave the
	 * page unfinished for a caller that asked for all of it */
	bool all = budget >= (size_t)(ps->lr.end - ps->lr.p);
	const char *stop = all ? ps->lr.end : ps->lr.p + budget;
	while (!ps->eof) {
		while (!ps->eof && ps->nunits < ps->next + LOOKAHEAD + 32 && produce_unit(ps))
			;
		segment_step(ps);
		compact_units(ps);
		emit_settled(ps, false);
		if (ps->lr.p - ps->released > RELEASE_STEP)
			release_parsed(ps);
		if (!all && ps->lr.p >= stop && !ps->eof)
			return false;
	}
	segment_step(ps);
	if (explain_out)
		explain_furniture(ps, UINT32_MAX);
	close_last_article(ps);
	place_floating(ps, true);
	emit_settled(ps, true);
	release_parsed(ps);
	return true;
}

double parse_progress(const parse_stream *st)
{
	const parser *ps = &st->ps;
	if (ps->eof || !ps->src.len)
		return 1.0;
	return (double)(ps->lr.p - ps->src.text) / (double)ps->src.len;
}

void parse_end(parse_stream *st)
{
	if (!st)
		return;
	parser *ps = &st->ps;
	while (!parse_step(st, SIZE_MAX))
		;
	if (ps->label.len)
		doc_set_page_label(ps->issue, ps->label);
	for (size_t i = 0; i < ps->nbanners; i++)
		doc_add_banner(ps->issue, ps->banners[i]);
	for (size_t i = 0; i < ps->ncaptions; i++)
		doc_add_page_caption(ps->issue, ps->captions[i], ps->caption_credits[i]);
	parser_free(ps);
	free(st);
}

void parse_abort(parse_stream *st)
{
	if (!st)
		return;
	parser_free(&st->ps);
	free(st);
}

void parse_page(doc_issue *issue, const char *name, doc_source src)
{
	parse_end(parse_begin(issue, util_strdup(name), src));
}
