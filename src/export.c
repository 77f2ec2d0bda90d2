/* export.c — --json and --list; see export.h. */
#include "export.h"
#include "script.h"

#include <string.h>

void export_json_string(FILE *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	putc('"', out);
	const char *run = s;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(run, 1, (size_t)(s + i - run), out);
		run = s + i + 1;
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default:
			fputs("\\u00", out);
			putc(hex[c >> 4], out);
			putc(hex[c & 15], out);
		}
	}
	fwrite(run, 1, (size_t)(s + len - run), out);
	putc('"', out);
}

static void json_str_or_null(FILE *out, doc_str s)
{
	if (s.len)
		export_json_string(out, s.s, s.len);
	else
		fputs("null", out);
}

static const char *const block_type_names[] = {
	[DOC_PARAGRAPH] = "paragraph", [DOC_SUBHEAD] = "subhead",
	[DOC_CAPTION] = "caption", [DOC_JUMP] = "jump",
};

static void json_pages(const doc_issue *issue, FILE *out)
{
	fputs("  \"pages\": [", out);
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		fputs(p ? ",\n    {" : "\n    {", out);
		fputs("\"name\": ", out);
		export_json_string(out, pg->name.s, pg->name.len);
		fprintf(out, ", \"script\": \"%s\"", script_kind_name((script_kind)pg->script));
		fputs(", \"banners\": [", out);
		for (uint32_t b = 0; b < pg->nbanners; b++) {
			const doc_str *s = doc_banner_at(issue, pg->first_banner + b);
			if (b)
				fputs(", ", out);
			export_json_string(out, s->s, s->len);
		}
		fputs("]}", out);
	}
	fputs(doc_npages(issue) ? "\n  ],\n" : "],\n", out);
}

static void json_article(const doc_issue *issue, size_t i, FILE *out)
{
	static const char *const names[DOC_NFIELDS] = {
		"column", "kicker", "headline", "subtitle", "byline", "dateline",
	};
	const doc_article *a = doc_article_at(issue, i);
	fprintf(out, "    {\"page\": %u", a->page + 1);
	for (int f = 0; f < DOC_NFIELDS; f++) {
		fprintf(out, ", \"%s\": ", names[f]);
		/* the shown text: converted with --script (script.h) */
		doc_str t = a->field[f].len ? doc_element_shown(issue, (uint32_t)i, (uint32_t)f) : a->field[f];
		if (f == DOC_F_HEADLINE)
			export_json_string(out, t.s ? t.s : "", t.len);
		else
			json_str_or_null(out, t);
	}
	if (a->continues >= 0) {
		const doc_article *t = doc_article_at(issue, (size_t)a->continues);
		fprintf(out, ", \"continues\": {\"page\": %u, \"article\": %d}", t->page + 1, a->continues + 1);
	}
	fputs(",\n     \"blocks\": [", out);
	for (uint32_t b = 0; b < a->nblocks; b++) {
		const doc_block *blk = doc_block_at(issue, a->first_block + b);
		fprintf(out, "%s{\"type\": \"%s\", \"text\": ", b ? ",\n       " : "\n       ",
			block_type_names[blk->type]);
		doc_str t = doc_element_shown(issue, (uint32_t)i, DOC_NFIELDS + b);
		export_json_string(out, t.s, t.len);
		putc('}', out);
	}
	fputs(a->nblocks ? "]}" : "]}", out);
}

bool export_json(const doc_issue *issue, FILE *out)
{
	fputs("{\n", out);
	json_pages(issue, out);
	fputs("  \"articles\": [", out);
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		fputs(i ? ",\n" : "\n", out);
		json_article(issue, i, out);
	}
	fputs(doc_narticles(issue) ? "\n  ],\n" : "],\n", out);
	fputs("  \"captions\": [", out);
	size_t n = 0;
	for (size_t p = 0; p < doc_npages(issue); p++) {
		const doc_page *pg = doc_page_at(issue, p);
		for (uint32_t c = 0; c < pg->ncaptions; c++) {
			doc_str s = doc_element_shown(issue, UINT32_MAX, pg->first_caption + c);
			fprintf(out, "%s    {\"page\": %zu, \"text\": ", n++ ? ",\n" : "\n", p + 1);
			export_json_string(out, s.s, s.len);
			putc('}', out);
		}
	}
	fputs(n ? "\n  ]\n}\n" : "]\n}\n", out);
	return !ferror(out);
}

/* Tabs and line ends inside a field would break the table. */
static void list_field(FILE *out, doc_str s)
{
	if (!s.len) {
		putc('-', out);
		return;
	}
	/* the runs between tabs and line breaks written whole (putc a byte
	 * at a time was 1% of --list on the archive) */
	const char *p = s.s, *end = s.s + s.len;
	while (p < end) {
		const char *q = p;
		while (q < end && *q != '\t' && *q != '\n' && *q != '\r')
			q++;
		fwrite(p, 1, (size_t)(q - p), out);
		if (q < end) {
			putc(' ', out);
			q++;
		}
		p = q;
	}
}

bool export_list(const doc_issue *issue, FILE *out)
{
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		fprintf(out, "%d\t%zu\t", doc_page_number(issue, a->page), i + 1);
		list_field(out, a->field[DOC_F_HEADLINE].len ? doc_element_shown(issue, (uint32_t)i, DOC_F_HEADLINE) : a->field[DOC_F_HEADLINE]);
		putc('\t', out);
		list_field(out, a->field[DOC_F_BYLINE].len ? doc_element_shown(issue, (uint32_t)i, DOC_F_BYLINE) : a->field[DOC_F_BYLINE]);
		putc('\n', out);
	}
	return !ferror(out);
}
