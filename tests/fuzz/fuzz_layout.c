/* Fuzzes the layout engine: random widths 1..400 and every kinsoku level;
 * no line is wider than the width, spans lie inside their element's text
 * on grapheme boundaries and never overlap. */
#include "fuzz_common.h"
#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Columns of a span as layout.h says it is drawn: a TAB is one space,
 * what may not be printed takes none. */
static int drawn_width(const char *s, size_t len)
{
	const char *end = s + len;
	int w = 0;
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		int cw = cp == '\t' ? 1 : text_cp_width(cp);
		if (cw > 0)
			w += cw;
	}
	return w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init_locale();
	if (size < 3)
		return 0;
	int width = 1 + ((data[0] | data[1] << 8) % 400);
	layout_options opt;
	layout_default_options(&opt);
	opt.kinsoku = (layout_kinsoku)(data[2] % 3);
	opt.hanging_punctuation = data[2] & 4;
	opt.center = data[2] & 8;
	opt.blank_between = data[2] & 16;
	opt.indent = (data[2] >> 5) * 2;
	opt.max_width = 20 + (data[1] % 120);
	/* what the layout adds: every mark, the reader's jump hint or none */
	opt.caption_mark = data[0] % 5;
	opt.subhead_mark = data[1] % 5;
	if (data[0] & 8)
		snprintf(opt.jump_hint, sizeof opt.jump_hint, "Enter: follow");
	doc_issue *issue = fuzz_parse(data + 3, size - 3);
	if (!issue)
		return 0;
	for (uint32_t i = 0; i < doc_narticles(issue) && i < 64; i++) {
		layout *lay = layout_article(issue, i, width, &opt);
		const doc_article *a = doc_article_at(issue, i);
		for (size_t l = 0; l < lay->nlines; l++) {
			const layout_line *line = &lay->lines[l];
			FUZZ_CHECK(line->width <= width);
			int prev_end = 0;
			for (uint16_t k = 0; k < line->nspans; k++) {
				const layout_span *sp = &lay->spans[line->first_span + k];
				FUZZ_CHECK(sp->col + sp->width <= width);
				FUZZ_CHECK(sp->col >= prev_end);
				prev_end = sp->col + sp->width;
				FUZZ_CHECK(sp->element < doc_article_nelements(a));
				doc_str t = doc_element_text(issue, a, sp->element);
				FUZZ_CHECK(sp->start <= sp->end &&
					   sp->end <= (sp->flags & LAYOUT_F_DECO ? lay->ndeco : t.len));
				if (!(sp->flags & LAYOUT_F_PLACEHOLDER)) {
					/* a restored ，drawn for ',' is measured as drawn */
					doc_str drawn = layout_span_text(lay, sp, t);
					FUZZ_CHECK(drawn_width(drawn.s, drawn.len) == sp->width);
				}
			}
		}
		layout_free(lay);
	}
	doc_issue_free(issue);
	return 0;
}
