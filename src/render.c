/* render.c — the spans of laid-out lines to a sink; see render.h. */
#include "render.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const config_element style_colors[LAYOUT_NSTYLES] = {
	[LAYOUT_S_TEXT] = CONFIG_C_TEXT,
	[LAYOUT_S_COLUMN] = CONFIG_C_COLUMN,
	[LAYOUT_S_KICKER] = CONFIG_C_KICKER,
	[LAYOUT_S_HEADLINE] = CONFIG_C_HEADLINE,
	[LAYOUT_S_SUBTITLE] = CONFIG_C_SUBTITLE,
	[LAYOUT_S_BYLINE] = CONFIG_C_BYLINE,
	[LAYOUT_S_DATELINE] = CONFIG_C_BYLINE,
	[LAYOUT_S_SUBHEAD] = CONFIG_C_SUBHEAD,
	[LAYOUT_S_CAPTION] = CONFIG_C_CAPTION,
	[LAYOUT_S_CREDIT] = CONFIG_C_CREDIT,
	[LAYOUT_S_JUMP] = CONFIG_C_JUMP,
	[LAYOUT_S_NOTE] = CONFIG_C_NOTE,
};

config_element render_style_color(layout_style style)
{
	return (unsigned)style < LAYOUT_NSTYLES ? style_colors[style] : CONFIG_C_TEXT;
}

void render_line(const layout *lay, const layout_line *line, const render_source *src,
		 const render_sink *sink)
{
	for (uint32_t k = 0; k < line->nspans; k++) {
		const layout_span *sp = &lay->spans[line->first_span + k];
		if (sp->flags & LAYOUT_F_PLACEHOLDER) {
			sink->span(sink->ctx, sp, "?", 1);
			continue;
		}
		doc_str t = layout_span_text(lay, sp, src->article ? doc_element_shown(src->issue, src->index,
										      sp->element)
							       : src->text);
		sink->span(sink->ctx, sp, t.s, t.len);
	}
}

void render_add_clean(util_buf *out, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	for (;;) {
		size_t run = text_printable_run(p, (size_t)(end - p));
		util_buf_add(out, p, run);
		p += run;
		if (p >= end)
			break;
		/* a TAB or a code point that must not be printed */
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == '\t')
			util_buf_addc(out, ' ');
	}
}

/* ---- text and SGR ---- */

typedef struct text_sink {
	util_buf *out;
	const config_color *colors;
	bool attrs_only;        /* NO_COLOR: attributes without colours */
	int col;
	char sgr[64];           /* the sequence in force, "" for none */
} text_sink;

static void add_color(char *buf, size_t len, short c, int base, int bright, int ext)
{
	size_t n = strlen(buf);
	if (c < 8)
		snprintf(buf + n, len - n, ";%d", base + c);
	else if (c < 16)
		snprintf(buf + n, len - n, ";%d", bright + c - 8);
	else
		snprintf(buf + n, len - n, ";%d;5;%d", ext, c);
}

/* The SGR sequence of a [colors] element, "" when it has no look. */
static void sgr_of(const text_sink *t, const config_color *c, char buf[static 64])
{
	static const struct { int attr, code; } attrs[] = {
		{ CONFIG_A_BOLD, 1 }, { CONFIG_A_DIM, 2 }, { CONFIG_A_ITALIC, 3 },
		{ CONFIG_A_UNDERLINE, 4 }, { CONFIG_A_REVERSE, 7 },
	};
	char codes[48] = "";
	for (size_t i = 0; i < UTIL_ARRAY_LEN(attrs); i++)
		if (c->attr & attrs[i].attr) {
			size_t n = strlen(codes);
			snprintf(codes + n, sizeof codes - n, ";%d", attrs[i].code);
		}
	if (!t->attrs_only && c->fg >= 0)
		add_color(codes, sizeof codes, c->fg, 30, 90, 38);
	if (!t->attrs_only && c->bg >= 0)
		add_color(codes, sizeof codes, c->bg, 40, 100, 48);
	buf[0] = '\0';
	if (codes[0])
		snprintf(buf, 64, "\033[%sm", codes + 1);
}

static void text_span(void *ctx, const layout_span *sp, const char *s, size_t len)
{
	text_sink *t = ctx;
	util_buf_spaces(t->out, sp->col - t->col);
	if (t->colors) {
		char want[64];
		sgr_of(t, &t->colors[render_style_color((layout_style)sp->style)], want);
		if (strcmp(want, t->sgr) != 0) {
			if (t->sgr[0])
				util_buf_adds(t->out, "\033[0m");
			util_buf_adds(t->out, want);
			snprintf(t->sgr, sizeof t->sgr, "%s", want);
		}
	}
	render_add_clean(t->out, s, len);
	t->col = sp->col + sp->width;
}

static void line_text(util_buf *out, const layout *lay, const layout_line *line,
		      const render_source *src, const config_color *colors, bool attrs_only)
{
	text_sink t = { out, colors, attrs_only, 0, "" };
	render_sink sink = { text_span, &t };
	render_line(lay, line, src, &sink);
	if (t.sgr[0])
		util_buf_adds(out, "\033[0m");
}

void render_line_text(util_buf *out, const layout *lay, const layout_line *line,
		      const render_source *src, const config_color *colors)
{
	line_text(out, lay, line, src, colors, false);
}

/* ---- --dump ---- */

/* --dump builds its output in a buffer and writes it in large pieces. */
enum { DUMP_FLUSH_AT = 1 << 16 };

static void flush_dump(util_buf *out, FILE *f, bool all)
{
	if (out->len && (all || out->len >= DUMP_FLUSH_AT)) {
		fwrite(out->data, 1, out->len, f);
		out->len = 0;
	}
}

static void write_layout(util_buf *out, FILE *f, const layout *lay, const render_source *src,
			 const config_color *colors, bool attrs_only)
{
	for (size_t i = 0; i < lay->nlines; i++) {
		line_text(out, lay, &lay->lines[i], src, colors, attrs_only);
		util_buf_addc(out, '\n');
	}
	flush_dump(out, f, false);
}

static bool has_ink(doc_str t)
{
	return t.len && text_skip_space(t.s, t.s + t.len) < t.s + t.len;
}

bool render_dump(const doc_issue *issue, int width, const layout_options *opt,
		 const config_color *colors, FILE *out)
{
	layout_options o = *opt;
	o.center = false;
	const char *no_color = getenv("NO_COLOR");
	bool attrs_only = no_color && no_color[0];
	util_buf buf = { 0 };
	bool first = true;
	for (size_t pg = 0; pg < doc_npages(issue); pg++) {
		const doc_page *page = doc_page_at(issue, pg);
		for (uint32_t i = 0; i < page->narticles; i++) {
			uint32_t ai = page->first_article + i;
			render_source src = { issue, doc_article_at(issue, ai), { NULL, 0 }, ai };
			if (!first)
				util_buf_addc(&buf, '\n');
			first = false;
			layout *lay = layout_article(issue, ai, width, &o);
			write_layout(&buf, out, lay, &src, colors, attrs_only);
			layout_free(lay);
		}
		for (uint32_t i = 0; i < page->ncaptions; i++) {
			size_t c = page->first_caption + i;
			doc_str text = *doc_page_caption_at(issue, c);
			if (!has_ink(text))
				continue;
			/* laid out as printed, drawn as shown (the same offsets) */
			render_source src = { issue, NULL,
					      doc_element_shown(issue, UINT32_MAX, page->first_caption + i), 0 };
			if (!first)
				util_buf_addc(&buf, '\n');
			first = false;
			layout *lay = layout_page_caption(text, doc_page_caption_credit(issue, c), width, &o);
			write_layout(&buf, out, lay, &src, colors, attrs_only);
			layout_free(lay);
		}
	}
	flush_dump(&buf, out, true);
	util_buf_free(&buf);
	return fflush(out) == 0 && !ferror(out);
}
