/* layout.h — the layout engine: an article at a width becomes display lines.
 *
 * It knows nothing of curses. Lines are made of spans; a span covers a byte
 * range of one element of the article (a header field or a block, see
 * doc_pos in doc.h), starts at a screen column and has a style. The reader
 * draws spans, --dump prints them: both use the same lines, through
 * render.h.
 *
 * Rules (DESIGN.md "Layout (wrapping) rules"): widths from text_cp_width;
 * break opportunities from libunistring's UAX #14 (u8_possible_linebreaks)
 * with the clreq line-start/line-end prohibitions on top (kinsoku level);
 * never a break inside a grapheme cluster; a wide character never crosses
 * the right edge; paragraphs start with an indent; text is never wider
 * than the measure (min(width, max_width)); the text block is centred in
 * the width given.
 *
 * Drawing a span (the reader and --dump do the same): its bytes are the
 * element's text[start, end), drawn from column `col`, except that
 *  - a '\t' is drawn as one space (a TAB counts as one column);
 *  - code points that must not be printed (text_cp_width < 0: controls,
 *    bidi controls) take no columns and are skipped;
 *  - a span with LAYOUT_F_PLACEHOLDER is drawn as one '?' column instead
 *    of its text: it holds a single grapheme cluster wider than the whole
 *    measure (a CJK character at width 1), which cannot be shown;
 *  - a span with LAYOUT_F_RESTORED holds one ASCII punctuation byte that
 *    is drawn as the Chinese punctuation it stands for (，：；！？（）“”—,
 *    [layout] cjk_punctuation = restore): layout_span_text gives it.
 *    Spans keep the byte offsets of the extracted text, so search hits
 *    and reading positions need no conversion.
 *  - a span with LAYOUT_F_DECO draws text the layout adds, held in the
 *    layout (lay->deco[start, end)): a caption's or a subhead's mark, the
 *    brackets around a byline after its dateline, the 上接第N版《…》 line
 *    of a continued article, a jump line's hint. It covers no byte of
 *    its element, so search hits, marks and reading positions (byte
 *    offsets of the element's text) are the same with or without it.
 * Spaces where a line was broken are in no span: they are not drawn.
 *
 * Details of the rules: hanging punctuation keeps 2 columns of the measure
 * free on the right that only prohibited line-start punctuation may use
 * (when the measure has at least 4 columns); the paragraph indent is
 * dropped when the measure is narrower than twice the indent (or than the
 * indent plus one wide character).
 */
#ifndef KANBAO_LAYOUT_H
#define KANBAO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"

typedef enum layout_kinsoku {
	LAYOUT_KINSOKU_NONE,
	LAYOUT_KINSOKU_BASIC,
	LAYOUT_KINSOKU_STRICT,
} layout_kinsoku;

typedef enum layout_punct {
	LAYOUT_PUNCT_RESTORE,       /* show ASCII , : ( ) of Chinese text as ，：（） (punct.h) */
	LAYOUT_PUNCT_KEEP,          /* show the text as extracted */
} layout_punct;

typedef struct layout_options {
	int max_width;              /* the measure: text never wider (default 80; <= 0: none) */
	int indent;                 /* paragraph first-line indent, columns (4) */
	bool blank_between;         /* an empty line between blocks (true) */
	layout_kinsoku kinsoku;     /* default BASIC */
	bool hanging_punctuation;   /* default false */
	bool center;                /* centre the measure in the width (true) */
	layout_punct cjk_punctuation; /* default RESTORE */
	int caption_mark;           /* index into layout_caption_marks (1: ▲) */
	int subhead_mark;           /* index into layout_subhead_marks (2: ▍) */
	char jump_hint[32];         /* drawn after a jump line that leads somewhere
				     * ("Enter: follow", the reader's); "": none */
} layout_options;

/* The marks a caption or a subhead may carry ([layout] caption_mark,
 * subhead_mark), NULL-terminated; "none" draws nothing, a subhead's
 * "indent" indents it by two columns without a mark. The mark and one
 * space stand before the first line; the lines after it are indented as
 * far. */
extern const char *const layout_caption_marks[];
extern const char *const layout_subhead_marks[];

/* The built-in defaults (the same as config/kanbao.ini). */
void layout_default_options(layout_options *opt);

typedef enum layout_style {
	LAYOUT_S_TEXT,          /* paragraph text */
	LAYOUT_S_COLUMN,
	LAYOUT_S_KICKER,
	LAYOUT_S_HEADLINE,
	LAYOUT_S_SUBTITLE,
	LAYOUT_S_BYLINE,
	LAYOUT_S_DATELINE,
	LAYOUT_S_SUBHEAD,
	LAYOUT_S_CAPTION,
	LAYOUT_S_CREDIT,        /* the "X 摄" credit of a caption */
	LAYOUT_S_JUMP,
	LAYOUT_S_NOTE,          /* what kanbao adds: 上接第N版《…》, a jump line's hint */
	LAYOUT_NSTYLES,
} layout_style;

/* layout_span.flags */
#define LAYOUT_F_PLACEHOLDER 0x01   /* draw one '?' column instead of the text */
#define LAYOUT_F_RESTORED 0x02      /* one ASCII punctuation byte shown as the
				     * Chinese punctuation punct.c gives it:
				     * draw layout_span_text */
#define LAYOUT_F_CLOSE 0x04         /* with RESTORED on '"': the closing quote ” */
#define LAYOUT_F_DECO 0x08          /* text the layout adds: lay->deco[start, end) */

typedef struct layout_span {
	uint32_t element;       /* element of the article (doc.h) */
	uint32_t start, end;    /* byte range in that element's text */
	uint16_t col;           /* first screen column, 0-based, within the width */
	uint16_t width;         /* columns it takes */
	uint8_t style;          /* layout_style */
	uint8_t flags;          /* LAYOUT_F_* */
} layout_span;

typedef struct layout_line {
	uint32_t first_span;    /* index into the layout's spans */
	uint16_t nspans;        /* 0 for an empty line */
	uint16_t width;         /* columns used, from column 0 to the last span end */
	uint32_t element;       /* element the line belongs to (for empty lines: the next one) */
	uint32_t offset;        /* byte offset in that element where the line starts */
	bool continues;         /* the line continues a block broken at its start */
} layout_line;

typedef struct layout {
	int width;              /* the width it was laid out for */
	layout_options opt;
	layout_line *lines;
	size_t nlines;
	layout_span *spans;
	size_t nspans;
	uint32_t article;
	char *deco;             /* the text of LAYOUT_F_DECO spans */
	size_t ndeco;
} layout;

/* What a span draws, from the text of its element: text[start, end), or
 * for LAYOUT_F_RESTORED the restored punctuation (a static string), or
 * for LAYOUT_F_DECO the layout's own text. */
doc_str layout_span_text(const layout *lay, const layout_span *sp, doc_str text);

/* Lays out article `article` of `issue` in `width` columns (width is
 * clamped to 1..LAYOUT_MAX_WIDTH). Lines: for a continued article a line
 * 上接第N版《headline》 saying where it began, the header fields present
 * (column, kicker, headline, subtitle, then the dateline and the byline
 * as printed: 本报讯（记者 X） on one line when it fits, else the byline
 * on the lines after the dateline), an empty line, then the blocks (with
 * blank_between, an empty line between blocks). Header lines are in
 * that order, not in element order (layout_line_of knows).
 * Elements holding nothing but spaces get no lines. Returns a new layout
 * (free with layout_free). Once util_interrupt_requested (Ctrl-C), it
 * stops at the next element or within a huge one: the layout is then cut
 * short, good only for quitting. */
#define LAYOUT_MAX_WIDTH 4096
layout *layout_article(const doc_issue *issue, uint32_t article, int width,
		       const layout_options *opt);
void layout_free(layout *lay);

/* The line showing byte `offset` of element `element` (the last line
 * starting at or before it; spaces at a break belong to the line before;
 * for a header field, the last line holding its text up to there);
 * used to keep the reading position across a re-layout. 0 when the
 * position comes before every line. */
size_t layout_line_of(const layout *lay, uint32_t element, uint32_t offset);

/* A cache of layouts for one issue: an article is laid out when first asked
 * for and kept until the width or the options change. */
typedef struct layout_cache layout_cache;
layout_cache *layout_cache_new(const doc_issue *issue, const layout_options *opt);
void layout_cache_free(layout_cache *cache);
/* The layout of `article` at `width` (owned by the cache; valid until the
 * next call that changes the width or options). */
const layout *layout_cache_get(layout_cache *cache, uint32_t article, int width);
void layout_cache_set_options(layout_cache *cache, const layout_options *opt);

/* A page's own caption (one that belongs to no article) laid out alone
 * at `width`, as --dump shows it, its credit from byte `credit`
 * (doc_page_caption_credit); its one element is `text` (free with
 * layout_free). */
layout *layout_page_caption(doc_str text, uint32_t credit, int width, const layout_options *opt);

#endif
