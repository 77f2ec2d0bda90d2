/* render.h — drawing the spans of laid-out lines, once for every output.
 *
 * A layout line is a list of spans (layout.h); render_line walks them and
 * hands each, with its text, to a sink. The sinks: the terminal (ui.c,
 * curses, with the hits highlighted), plain text (the reader's pane text)
 * and text with ANSI SGR sequences from [colors] (--dump, --dump --color).
 * The rules of drawing a span are layout.h's: a placeholder is one '?', a
 * TAB one space, code points that must not be printed are skipped.
 */
#ifndef KANBAO_RENDER_H
#define KANBAO_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "doc.h"
#include "layout.h"
#include "util.h"

/* Where the text of a layout's elements is: element e of article number
 * `index` (`article`) of `issue`, as shown (doc_element_shown: converted
 * to another script when the issue has a script view), or `text` itself
 * when article is NULL (a page caption laid out on its own,
 * layout_page_caption). */
typedef struct render_source {
	const doc_issue *issue;
	const doc_article *article;
	doc_str text;
	uint32_t index;
} render_source;

/* Receives the spans of a line in order: `s`/`len` is the span's text
 * (layout_span_text: restored punctuation as shown; not yet cleaned), or
 * "?" for a placeholder. */
typedef struct render_sink {
	void (*span)(void *ctx, const layout_span *sp, const char *s, size_t len);
	void *ctx;
} render_sink;

/* Hands every span of `line` to the sink. */
void render_line(const layout *lay, const layout_line *line, const render_source *src,
		 const render_sink *sink);

/* Appends `line` as text to `out`: spaces before and between spans, no
 * trailing spaces, no newline. With `colors` (NULL: none), each style as
 * the SGR sequence of its [colors] element, reset at the end of the line. */
void render_line_text(util_buf *out, const layout *lay, const layout_line *line,
		      const render_source *src, const config_color *colors);

/* Appends s as drawn: a TAB as a space, what must not be printed dropped. */
void render_add_clean(util_buf *out, const char *s, size_t len);

/* The [colors] element that draws a style. */
config_element render_style_color(layout_style style);

/* Writes the issue laid out at `width` to `out` (--dump): page by page,
 * every article, its lines as text (render_line_text), then the page's
 * own captions (doc_page first_caption, ncaptions) as caption lines;
 * articles and captions separated by one empty line. Never centred
 * (opt->center is ignored). With `colors` (--dump --color; NULL: none),
 * the styles as SGR sequences from [colors] (for less -R); with NO_COLOR
 * set, only their attributes. Nothing but text and newlines otherwise.
 * Returns false on a write error. */
bool render_dump(const doc_issue *issue, int width, const layout_options *opt,
		 const config_color *colors, FILE *out);

#endif
