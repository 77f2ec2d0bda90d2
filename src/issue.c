/* issue.c — from paths to a parsed, linked issue; see issue.h. */
#include "issue.h"
#include "link.h"
#include "parse.h"
#include "pattern.h"
#include "util.h"

#include <stdlib.h>

struct issue_loader {
	doc_issue *issue;
	input_page *pages;
	size_t npages, next;    /* next page to start */
	parse_stream *stream;   /* the page being parsed */
	size_t total, done;     /* bytes of all pages, of the finished ones */
	uint64_t fingerprint;
	link_index *links;      /* links pages as they are parsed */
	bool linked;
	unsigned parse_flags;   /* PARSE_* */
};

static uint64_t sources_fingerprint(const issue_loader *l)
{
	const doc_source **src = util_malloc((l->npages ? l->npages : 1) * sizeof *src);
	for (size_t k = 0; k < l->npages; k++)
		src[k] = &l->pages[k].source;
	uint64_t h = doc_sources_fingerprint(src, l->npages);
	free(src);
	return h;
}

issue_loader *issue_open(const char *const *paths, size_t npaths, const input_options *opt,
			 FILE *warn, char *err, size_t errlen)
{
	static const char *const dash[] = { "-" };
	if (npaths == 0) {
		npaths = 1;
		paths = dash;
	}
	issue_loader *l = util_calloc(1, sizeof *l);
	size_t cap = 0;
	for (size_t i = 0; i < npaths; i++) {
		if (!input_read_path(paths[i], opt, &l->pages, &l->npages, &cap, err, errlen)) {
			issue_close(l);
			return NULL;
		}
	}
	for (size_t k = 0; k < l->npages; k++) {
		const input_page *p = &l->pages[k];
		l->total += p->source.len;
		if (p->replaced && warn)
			fprintf(warn, "kanbao: warning: %s: %zu invalid byte sequence%s replaced by U+FFFD\n",
				p->name, p->replaced, p->replaced == 1 ? "" : "s");
	}
	l->fingerprint = sources_fingerprint(l);
	l->issue = doc_issue_new();
	return l;
}

/* Link work per byte of parse budget: a unit (an article indexed, a
 * jump settled) costs about what parsing a few kilobytes does. */
enum { LINK_UNIT_BYTES = 4096, LINK_UNITS_MIN = 64 };

bool issue_step(issue_loader *l, size_t budget)
{
	size_t units = budget == SIZE_MAX ? SIZE_MAX : budget / LINK_UNIT_BYTES + LINK_UNITS_MIN;
	if (l->linked)
		return true;
	if (!l->links)
		l->links = link_new(l->issue);
	for (;;) {
		/* the pages parsed so far are linked first */
		size_t parsed = l->stream ? l->next - 1 : l->next;
		bool last = !l->stream && l->next == l->npages;
		if (!link_step(l->links, parsed, last, units))
			return false;
		if (last) {
			link_free(l->links);
			l->links = NULL;
			l->linked = true;
			return true;
		}
		if (!l->stream) {
			input_page *p = &l->pages[l->next++];
			l->stream = parse_begin_flags(l->issue, p->name, p->source, l->parse_flags);
			p->name = NULL;         /* the issue owns it now */
		}
		if (!parse_step(l->stream, budget))
			return false;
		l->done += l->pages[l->next - 1].source.len;
		parse_end(l->stream);
		l->stream = NULL;
		if (budget != SIZE_MAX)
			return false;   /* its links, and the next page, in the next steps */
	}
}

size_t issue_pages_done(const issue_loader *l)
{
	return l->stream ? l->next - 1 : l->next;
}

double issue_progress(const issue_loader *l)
{
	if (!l->total)
		return 1.0;
	double current = l->stream ? parse_progress(l->stream) * (double)l->pages[l->next - 1].source.len : 0;
	return ((double)l->done + current) / (double)l->total;
}

doc_issue *issue_doc(const issue_loader *l)
{
	return l->issue;
}

uint64_t issue_fingerprint(const issue_loader *l)
{
	return l->fingerprint;
}

/* Frees the loader; the issue is the caller's. */
static doc_issue *loader_free(issue_loader *l)
{
	parse_abort(l->stream);     /* quitting while loading: no need to finish */
	link_free(l->links);
	for (size_t k = l->next; k < l->npages; k++)
		input_page_free(&l->pages[k]);
	free(l->pages);
	doc_issue *issue = l->issue;
	free(l);
	return issue;
}

void issue_close(issue_loader *l)
{
	if (l)
		doc_issue_free(loader_free(l));
}

void issue_threads_ready(void)
{
	/* the fold table of script.c first (pattern_ready asks it): nothing
	 * is asked of OpenCC after this, and the patterns' caches are full */
	pattern_ready();
}

doc_issue *issue_load(const char *path, const input_options *opt, char *err, size_t errlen)
{
	return issue_load_flags(path, opt, 0, NULL, err, errlen);
}

doc_issue *issue_load_flags(const char *path, const input_options *opt, unsigned parse_flags,
			    uint64_t *fingerprint, char *err, size_t errlen)
{
	issue_loader *l = issue_open(&path, 1, opt, NULL, err, errlen);
	if (!l)
		return NULL;
	if (fingerprint)
		*fingerprint = l->fingerprint;
	l->parse_flags = parse_flags;
	issue_step(l, SIZE_MAX);
	return loader_free(l);
}

doc_issue *issue_load_data(const char *name, const char *data, size_t len,
			   const input_options *opt, char *err, size_t errlen)
{
	issue_loader *l = util_calloc(1, sizeof *l);
	l->pages = util_malloc(sizeof *l->pages);
	if (!input_decode(name, data, len, opt, &l->pages[0], err, errlen)) {
		free(l->pages);
		free(l);
		return NULL;
	}
	l->npages = 1;
	l->total = l->pages[0].source.len;
	l->issue = doc_issue_new();
	issue_step(l, SIZE_MAX);
	return loader_free(l);
}
