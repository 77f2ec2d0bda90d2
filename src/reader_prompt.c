/* reader_prompt.c — what the reader does with its search prompt (the line
 * editor is prompt.h): the incremental search while typing, the search on
 * Enter, going back to where it was opened on Esc, and the history kept in
 * the state store (reader_core.h). */
#include "reader_core.h"

#include "prompt.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static bool query_blank(const char *q)
{
	size_t n = strlen(q);
	return text_skip_space(q, q + n) == q + n;
}

/* The incremental search: from where the prompt was opened, the first
 * hit of what is typed so far. */
static void live_update(reader *r)
{
	go_to_place(r, &r->origin);
	search_state_clear(&r->live);
	const char *q = prompt_text(r->line, NULL);
	if (query_blank(q))
		return;
	search_state_run(r, &r->live, q, r->prompt_forward);
	if (r->live.nhits == 0)
		return;
	bool wrapped;
	size_t i = next_from(&r->live, r->origin.pos, r->prompt_forward, &wrapped);
	go_to_hit(r, &r->live, i);
}

static void close_prompt(reader *r)
{
	r->prompting = false;
	search_state_clear(&r->live);
}

static int cancel(reader *r)
{
	go_to_place(r, &r->origin);
	close_prompt(r);
	return READER_REDRAW;
}

static int accept(reader *r)
{
	char *q = util_strdup(prompt_text(r->line, NULL));
	bool forward = r->prompt_forward;
	go_to_place(r, &r->origin);
	if (query_blank(q)) {
		/* an empty query repeats the last search, as in less */
		close_prompt(r);
		free(q);
		if (!r->search.query)
			return READER_REDRAW;
		r->search.forward = forward;
		r->search.cur = NO_HIT;
		return step_hit(r, true);
	}
	prompt_history_add(r->line, q);
	if (r->st)
		state_add_history(r->st, q);
	search_state s = r->live;
	bool have = s.query && strcmp(s.query, q) == 0;
	memset(&r->live, 0, sizeof r->live);
	if (!have) {
		search_state_clear(&s);
		search_state_run(r, &s, q, forward);
	}
	close_prompt(r);
	search_state_clear(&r->search);
	if (s.nhits == 0) {
		search_state_clear(&s);
		complain(r, "not found: %s", q);
		free(q);
		return READER_REDRAW;
	}
	free(q);
	r->search = s;
	r->search.forward = forward;
	bool wrapped;
	size_t i = next_from(&r->search, r->origin.pos, forward, &wrapped);
	push_back(r);           /* a search is a jump: Backspace comes back */
	go_to_hit(r, &r->search, i);
	if (wrapped)
		say_wrapped(r, forward);
	return READER_REDRAW;
}

int search_prompt_key(reader *r, int key)
{
	switch (prompt_key(r->line, key)) {
	case PROMPT_ACCEPT:
		return accept(r);
	case PROMPT_CANCEL:
		return cancel(r);
	case PROMPT_CHANGED:
		if (r->cfg->incremental_search)
			live_update(r);
		return READER_REDRAW;
	case PROMPT_MOVED:
		return READER_REDRAW;
	case PROMPT_IGNORED:
		break;
	}
	return READER_NOTHING;
}
