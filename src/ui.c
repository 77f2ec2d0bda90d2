/* ui.c — the reader's terminal side; the only file that includes curses.
 *
 * reader_run sets the terminal up (newterm, so an unknown TERM is our
 * message and not ncurses exiting; keys from /dev/tty when stdin is a
 * pipe, as less does), then loops: read a key (get_wch, wide characters),
 * hand it to the state machine (reader.c), repaint when it says so. The
 * screen is drawn from what the reader describes: list rows, the
 * article's layout lines, overlay rows, the status line. Every grapheme
 * cluster is drawn with the width the layout gave it, nothing is drawn
 * past the edge of its pane, and code points that must not reach the
 * terminal (text_cp_printable false) are never sent.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP set a flag that the loop sees (the
 * read has a timeout and is interrupted, long operations look at
 * util_interrupt_requested), so the terminal is restored and the position
 * saved on the normal way out, then kanbao dies of the signal. The state
 * is also saved after [reader] save_after seconds without a key, so a
 * crash or a SIGKILL loses little. ncurses handles SIGTSTP
 * (suspend, then redraw on fg) and SIGWINCH (KEY_RESIZE, handled in one
 * place). A fatal error restores the terminal first (util_set_fatal_hook).
 *
 * KANBAO_TRACE=FILE appends timings to FILE: the time to the first full
 * screen and the time to handle and repaint each key; "read KEY" when a key
 * is read, before it is handled; and "idle" each time a read finds no
 * input waiting (the end-to-end tests' sign that kanbao has handled every
 * key sent).
 */
#include "reader.h"

#include "libview.h"
#include "render.h"
#include "text.h"
#include "util.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <sys/time.h>
#include <termios.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

enum {
	TICK_MS = 1000,         /* the read times out to notice time and signals */
	WATCHDOG_MS = 30,       /* after a signal, the longest wait for the loop before
				 * the terminal is restored from the handler */
	WATCHDOG_KILL_MS = 3000, /* and the longest before kanbao dies without saving */
	ESC_DELAY_MS = 25,
	MAX_HL = 64,            /* hit ranges within one span */
};

typedef struct style {
	attr_t attr;
	short pair;
} style;

typedef struct ui {
	SCREEN *screen;
	FILE *keys;             /* where keys come from: stdin or /dev/tty */
	bool keys_opened;
	bool active;            /* curses owns the terminal */
	style styles[CONFIG_NCOLORS];
	FILE *trace;
	const doc_issue *issue;
	reader *r;
} ui;

/* The fatal hook and the signal handlers have no argument to carry it. */
static ui *active_ui;
static volatile sig_atomic_t got_signal;

static bool probe_terminal(const char *term);
static void prepare_emergency(void);

static void restore_terminal(ui *u)
{
	if (u && u->active) {
		curs_set(1);
		endwin();
		u->active = false;
	}
}

static void fatal_hook(void)
{
	restore_terminal(active_ui);
}

/* Quitting within 100 ms whatever the reader is doing. The loop looks
 * at got_signal between keys and loading steps, and long operations
 * (loading, laying out a 20 MB paragraph, folding a huge issue for a
 * search) look at util_interrupt_requested at a coarse interval and stop
 * early; then the terminal is restored and the position saved as usual.
 * Should the loop still be busy WATCHDOG_MS after the signal (a machine
 * so loaded that it did not get there), the alarm restores the terminal
 * with what is safe in a signal handler (write, tcsetattr: the bytes and
 * modes were prepared at start) and leaves the loop to quit and save;
 * only when it is still busy WATCHDOG_KILL_MS later does the program die
 * of the signal without saving. The loop draws nothing once the signal
 * came. */
static char emergency_seq[256];
static size_t emergency_len;
static struct termios saved_modes[2];
static int saved_fds[2];
static int nsaved;
static volatile sig_atomic_t watchdog_armed;   /* 1: restore at the alarm; 2: die */

static void set_alarm(int ms)
{
	struct itimerval it;
	memset(&it, 0, sizeof it);
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_usec = (ms % 1000) * 1000;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void on_signal(int sig)
{
	got_signal = sig;
	util_request_interrupt();
	if (!watchdog_armed && active_ui) {
		watchdog_armed = 1;
		set_alarm(WATCHDOG_MS);
	}
}

static void on_alarm(int unused)
{
	(void)unused;
	if (!watchdog_armed)
		return;
	int sig = got_signal ? got_signal : SIGINT;
	if (watchdog_armed == 1) {
		int saved_errno = errno;
		if (emergency_len)
			(void)!write(STDOUT_FILENO, emergency_seq, emergency_len);
		for (int i = 0; i < nsaved; i++)
			tcsetattr(saved_fds[i], TCSANOW, &saved_modes[i]);
		watchdog_armed = 2;
		set_alarm(WATCHDOG_KILL_MS - WATCHDOG_MS);
		errno = saved_errno;
		return;
	}
	static const char msg[] = "kanbao: still busy 3 s after the signal: quitting without saving\n";
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
	_exit(128 + sig);
}

/* The loop saw the signal in time: it quits the ordinary way. */
static void disarm_watchdog(void)
{
	watchdog_armed = 0;
	set_alarm(0);
}

static void save_modes(int fd)
{
	if (nsaved < 2 && isatty(fd) && tcgetattr(fd, &saved_modes[nsaved]) == 0)
		saved_fds[nsaved++] = fd;
}

static void catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;        /* no SA_RESTART: the read returns at once */
	for (size_t i = 0; i < UTIL_ARRAY_LEN(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
}

/* ---- colours ---- */

static attr_t attrs_of(int a)
{
	attr_t out = A_NORMAL;
	if (a & CONFIG_A_BOLD)
		out |= A_BOLD;
	if (a & CONFIG_A_DIM)
		out |= A_DIM;
	if (a & CONFIG_A_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & CONFIG_A_REVERSE)
		out |= A_REVERSE;
	if (a & CONFIG_A_ITALIC)
		out |= A_ITALIC;
	return out;
}

/* A configured colour the terminal can show: bright colours fall back to
 * their plain ones on 8-colour terminals, the rest to the default. */
static short usable_color(short c, bool defaults_ok, short fallback)
{
	if (c >= COLORS)
		c = c < 16 && c - 8 < COLORS ? (short)(c - 8) : -1;
	if (c < 0 && !defaults_ok)
		c = fallback;
	return c;
}

static void setup_colors(ui *u, const config *cfg)
{
	const char *no_color = getenv("NO_COLOR");
	bool color = has_colors() && !(no_color && no_color[0]);
	if (color && start_color() != OK)
		color = false;
	bool defaults_ok = color && use_default_colors() == OK;
	for (int e = 0; e < CONFIG_NCOLORS; e++) {
		const config_color *c = &cfg->color[e];
		u->styles[e].attr = attrs_of(c->attr);
		u->styles[e].pair = 0;
		if (!color || e + 1 >= COLOR_PAIRS || (c->fg < 0 && c->bg < 0))
			continue;
		short fg = usable_color(c->fg, defaults_ok, COLOR_WHITE);
		short bg = usable_color(c->bg, defaults_ok, COLOR_BLACK);
		if (init_pair((short)(e + 1), fg, bg) == OK)
			u->styles[e].pair = (short)(e + 1);
	}
}

/* `over` drawn on `base`: attributes add up, over's colours win when it
 * has its own. */
static style combine(style base, style over)
{
	style s = { base.attr | over.attr, over.pair ? over.pair : base.pair };
	return s;
}

/* ---- drawing text ---- */

typedef struct hl_range {
	size_t start, end;      /* bytes of the text drawn */
	style st;
} hl_range;

static style style_at(style base, const hl_range *hl, size_t nhl, size_t off)
{
	for (size_t i = 0; i < nhl; i++)
		if (off >= hl[i].start && off < hl[i].end)
			return hl[i].st;
	return base;
}

/* Puts the cell being built (a spacing character and the zero-width ones
 * combined with it) at (y, x); returns its columns. */
static int flush_cell(int y, int x, wchar_t *cell, int *ncell, int width, style st)
{
	if (*ncell == 0)
		return 0;
	cchar_t cc;
	cell[*ncell] = L'\0';
	*ncell = 0;
	if (setcchar(&cc, cell, st.attr, st.pair, NULL) == OK)
		mvadd_wch(y, x, &cc);
	return width;
}

/* Draws one grapheme cluster at (y, x): a cell for each code point that
 * takes columns, with the zero-width ones that follow it combined into
 * it (so the columns are the layout's: the sum of the code points');
 * unprintable code points are dropped, a TAB is a space. Returns the
 * columns drawn. */
static int put_cluster(int y, int x, const char *s, size_t len, style st)
{
	const char *p = s, *end = s + len;
	wchar_t cell[CCHARW_MAX + 1];
	int ncell = 0, cellw = 0, cols = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == '\t')
			cp = ' ';
		int w = text_cp_width(cp);
		if (w < 0)
			continue;
		if (w == 0) {
			if (ncell > 0 && ncell < CCHARW_MAX)
				cell[ncell++] = (wchar_t)cp;     /* a combining mark, a ZWJ */
			continue;
		}
		cols += flush_cell(y, x + cols, cell, &ncell, cellw, st);
		cell[ncell++] = (wchar_t)cp;
		cellw = w;
	}
	return cols + flush_cell(y, x + cols, cell, &ncell, cellw, st);
}

/* Draws text from column x, never at or past xend; returns the column
 * after the last cluster drawn. */
static int draw_text(int y, int x, int xend, const char *s, size_t len, style base,
		     const hl_range *hl, size_t nhl)
{
	const char *p = s, *end = s + len;
	while (p < end && x < xend) {
		uint32_t cp;
		int w;
		size_t n = text_grapheme_scan(p, end, &cp, &w);
		if (cp == '\t')
			w = 1;
		if (x + w > xend)
			break;
		if (w > 0)
			put_cluster(y, x, p, n, style_at(base, hl, nhl, (size_t)(p - s)));
		x += w;
		p += n;
	}
	return x;
}

static void fill(int y, int x, int xend, style st)
{
	cchar_t cc;
	wchar_t sp[2] = { L' ', L'\0' };
	setcchar(&cc, sp, st.attr, st.pair, NULL);
	for (; x < xend; x++)
		mvadd_wch(y, x, &cc);
}

static void draw_row(ui *u, int y, int x, int w, const reader_row *row)
{
	style base = u->styles[row->style];
	hl_range hl = { row->hl_start, row->hl_end,
			u->styles[row->hl_current ? CONFIG_C_CURRENT_HIT : CONFIG_C_HIT] };
	int end = draw_text(y, x, x + w, row->text, row->len, base, &hl, row->hl_end > row->hl_start);
	if (row->style == CONFIG_C_LIST_CURRENT)
		fill(y, end, x + w, base);      /* the selection is a bar */
}

/* ---- the panes ---- */

static void draw_list(ui *u, const reader_geometry *g)
{
	for (int y = 0; y < g->rows; y++) {
		reader_row row;
		if (!reader_list_row(u->r, y, &row))
			break;
		draw_row(u, y, 0, g->list_width, &row);
	}
	style b = u->styles[CONFIG_C_BORDER];
	attron(b.attr);
	if (b.pair)
		attron(COLOR_PAIR(b.pair));
	/* A terminal that draws ambiguous characters wide draws the line
	 * drawing characters (even the VT100 ones, which xterm maps to U+2502)
	 * two columns wide: the border is then an ASCII bar. */
	mvvline(0, g->border_x, text_ambiguous_width() == 2 ? (chtype)'|' : ACS_VLINE, g->rows);
	attroff(b.attr);
	if (b.pair)
		attroff(COLOR_PAIR(b.pair));
}

/* The hits of the article that fall in a span, as ranges of its bytes. */
static size_t span_hits(ui *u, const layout_span *sp, const search_hit *hits, size_t nhits,
			size_t current, hl_range *out)
{
	size_t n = 0;
	if (sp->flags & LAYOUT_F_DECO)
		return 0;       /* the layout's own text: no byte of the article */
	for (size_t i = 0; i < nhits && n < MAX_HL; i++) {
		const search_hit *h = &hits[i];
		if (h->element < sp->element)
			continue;
		if (h->element > sp->element)
			break;
		if (h->end <= sp->start || h->start >= sp->end)
			continue;
		out[n].start = (h->start > sp->start ? h->start : sp->start) - sp->start;
		out[n].end = (h->end < sp->end ? h->end : sp->end) - sp->start;
		out[n].st = u->styles[i == current ? CONFIG_C_CURRENT_HIT : CONFIG_C_HIT];
		n++;
	}
	return n;
}

/* The curses sink of render_line: one row of the article pane. */
typedef struct pane_sink {
	ui *u;
	int y, x0, xend;
	const search_hit *hits;
	size_t nhits, current;
} pane_sink;

static void pane_span(void *ctx, const layout_span *sp, const char *s, size_t len)
{
	pane_sink *p = ctx;
	style st = p->u->styles[render_style_color((layout_style)sp->style)];
	int x = p->x0 + sp->col;
	if (sp->flags & LAYOUT_F_PLACEHOLDER) {
		draw_text(p->y, x, p->xend, s, len, st, NULL, 0);
		return;
	}
	hl_range hl[MAX_HL];
	size_t nhl = span_hits(p->u, sp, p->hits, p->nhits, p->current, hl);
	draw_text(p->y, x, p->xend, s, len, st, hl, nhl);
}

static void draw_article(ui *u, const reader_geometry *g)
{
	const layout *l = reader_layout(u->r);
	size_t top = reader_top(u->r);
	render_source src = { u->issue, doc_article_at(u->issue, reader_article(u->r)), { NULL, 0 },
			      reader_article(u->r) };
	pane_sink p = { u, 0, g->text_x, g->text_x + g->text_width, NULL, 0, 0 };
	p.nhits = reader_article_hits(u->r, &p.hits, &p.current);
	render_sink sink = { pane_span, &p };
	for (int y = 0; y < g->rows && top + (size_t)y < l->nlines; y++) {
		p.y = y;
		render_line(l, &l->lines[top + (size_t)y], &src, &sink);
	}
}

static void draw_overlay(ui *u, const reader_geometry *g)
{
	for (int y = 0; y < g->rows; y++) {
		reader_row row;
		if (!reader_overlay_row(u->r, y, &row))
			break;
		draw_row(u, y, 0, g->width, &row);
	}
}

static void draw_status(ui *u, const reader_geometry *g)
{
	reader_status st;
	reader_status_of(u->r, &st);
	if (g->too_small) {
		draw_text(0, 0, g->width, st.text, st.len, u->styles[CONFIG_C_ERROR], NULL, 0);
		return;
	}
	style base = u->styles[CONFIG_C_STATUS];
	hl_range msg = { st.msg_start, st.msg_start + st.msg_len,
			 combine(base, u->styles[st.error ? CONFIG_C_ERROR : CONFIG_C_MESSAGE]) };
	if (st.cursor_col >= 0)
		base = u->styles[CONFIG_C_TEXT];        /* the prompt reads as input */
	fill(g->status_y, 0, g->width, base);
	draw_text(g->status_y, 0, g->width, st.text, st.len, base, &msg, st.msg_len > 0);
	if (st.cursor_col >= 0) {
		move(g->status_y, st.cursor_col);
		curs_set(1);
	} else {
		curs_set(0);
	}
}

static void draw(ui *u)
{
	const reader_geometry *g = reader_geometry_of(u->r);
	erase();
	if (!g->too_small) {
		if (reader_overlay_of(u->r) != READER_OV_NONE) {
			draw_overlay(u, g);
		} else {
			if (g->list_width > 0 && !g->list_over)
				draw_list(u, g);
			draw_article(u, g);
			if (g->list_width > 0 && g->list_over) {
				/* over the article: clear its rows under the list first */
				for (int y = 0; y < g->rows; y++)
					mvhline(y, 0, ' ', g->list_width + 1);
				draw_list(u, g);
			}
		}
	}
	draw_status(u, g);
	refresh();
}

/* ---- input ---- */

static int translate_key(int code)
{
	if (code >= KEY_F(1) && code <= KEY_F(12))
		return KEYMAP_K_F1 + (code - KEY_F(1));
	switch (code) {
	case KEY_UP: return KEYMAP_K_UP;
	case KEY_DOWN: return KEYMAP_K_DOWN;
	case KEY_LEFT: return KEYMAP_K_LEFT;
	case KEY_RIGHT: return KEYMAP_K_RIGHT;
	case KEY_PPAGE: return KEYMAP_K_PGUP;
	case KEY_NPAGE: return KEYMAP_K_PGDN;
	case KEY_HOME: case KEY_A1: return KEYMAP_K_HOME;
	case KEY_END: case KEY_C1: return KEYMAP_K_END;
	case KEY_A3: return KEYMAP_K_PGUP;
	case KEY_C3: return KEYMAP_K_PGDN;
	case KEY_ENTER: return KEYMAP_K_ENTER;
	case KEY_BTAB: return KEYMAP_K_BTAB;
	case KEY_BACKSPACE: return KEYMAP_K_BACKSPACE;
	case KEY_DC: return KEYMAP_K_DELETE;
	case KEY_IC: return KEYMAP_K_INSERT;
	default: return -1;
	}
}

static int handle_mouse(ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return READER_NOTHING;
	if (ev.bstate & BUTTON4_PRESSED)
		return reader_mouse(u->r, ev.x, ev.y, READER_MOUSE_WHEEL_UP);
	if (ev.bstate & BUTTON5_PRESSED)
		return reader_mouse(u->r, ev.x, ev.y, READER_MOUSE_WHEEL_DOWN);
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return reader_mouse(u->r, ev.x, ev.y, READER_MOUSE_CLICK);
	return READER_NOTHING;
}

static void trace_read(ui *u, int key)
{
	if (!u->trace)
		return;
	/* before it is handled: a test can send Ctrl-C while it is */
	char name[KEYMAP_KEY_NAME_MAX];
	fprintf(u->trace, "read %s\n", keymap_key_name(keymap_normalize_key(key), name, sizeof name));
	fflush(u->trace);
}

/* Reads one event and hands it to the reader; returns its reaction, the
 * key (-1 for other events, -2 when the read timed out) and when it
 * arrived. */
static int handle_input(ui *u, int *key_out, uint64_t *when)
{
	wint_t wc;
	int got = get_wch(&wc);
	*when = util_now_ns();
	*key_out = -1;
	if (got == ERR) {
		*key_out = -2;
		return reader_tick(u->r, util_now_ns());
	}
	if (got == KEY_CODE_YES) {
		if (wc == KEY_RESIZE)
			return reader_resize(u->r, COLS, LINES);
		if (wc == KEY_MOUSE)
			return handle_mouse(u);
		int key = translate_key((int)wc);
		*key_out = key;
		if (key < 0)
			return READER_NOTHING;
		trace_read(u, key);
		return reader_key(u->r, key);
	}
	*key_out = (int)wc;
	trace_read(u, (int)wc);
	return reader_key(u->r, (int)wc) | reader_tick(u->r, util_now_ns());
}

/* ---- set-up and the loop ---- */

static double ms_since(uint64_t t0)
{
	return (double)(util_now_ns() - t0) / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void open_trace(ui *u)
{
	const char *path = getenv("KANBAO_TRACE");
	if (path && path[0])
		u->trace = fopen(path, "a");
}

/* Opens the terminal; on failure prints why and returns false. */
static bool start_curses(ui *u, const reader_options *opt)
{
	const char *term = getenv("TERM");
	if (!term || !term[0]) {
		fputs("kanbao: TERM is not set, so the terminal cannot be driven "
		      "(set it, e.g. TERM=xterm-256color)\n", stderr);
		return false;
	}
	if (!probe_terminal(term))
		return false;
	u->keys = stdin;
	if (opt->keys_from_tty) {
		u->keys = fopen("/dev/tty", "r");
		if (!u->keys) {
			fprintf(stderr, "kanbao: cannot open /dev/tty to read keys: %s\n", strerror(errno));
			return false;
		}
		u->keys_opened = true;
	}
	nsaved = 0;
	save_modes(STDOUT_FILENO);
	if (fileno(u->keys) != STDOUT_FILENO)
		save_modes(fileno(u->keys));
	u->screen = newterm(term, stdout, u->keys);
	if (!u->screen) {
		fprintf(stderr, "kanbao: cannot set up the terminal (TERM=%s)\n", term);
		return false;
	}
	set_term(u->screen);
	prepare_emergency();
	u->active = true;
	active_ui = u;
	util_set_fatal_hook(fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(ESC_DELAY_MS);
	timeout(TICK_MS);
	curs_set(0);
	return true;
}

static void stop_curses(ui *u)
{
	restore_terminal(u);
	if (u->screen)
		delscreen(u->screen);
	u->screen = NULL;
	if (u->keys_opened)
		fclose(u->keys);
	u->keys_opened = false;
	util_set_fatal_hook(NULL);
	active_ui = NULL;
}

/* Warnings of the state files (damaged, unwritable): shown in the status
 * line while the reader runs — stderr would write over the screen — and
 * printed after the terminal is restored when they come too late. */
static char pending_warning[512];

static void warn_state(const char *msg)
{
	if (active_ui && active_ui->r) {
		reader_notify(active_ui->r, msg);
		return;
	}
	size_t used = strlen(pending_warning);
	snprintf(pending_warning + used, sizeof pending_warning - used, "%s%s", used ? "; " : "", msg);
}

static void flush_warnings(reader *r)
{
	if (!pending_warning[0])
		return;
	if (r)
		reader_notify(r, pending_warning);
	else
		fprintf(stderr, "%s\n", pending_warning);
	pending_warning[0] = '\0';
}

static void trace_key(ui *u, int key, uint64_t t0)
{
	if (!u->trace || key == -1)
		return;
	if (key == -2) {
		/* the read found no input: everything sent so far was handled
		 * (and drawn); tests wait for this line after their keys */
		fputs("idle\n", u->trace);
		fflush(u->trace);
		return;
	}
	char name[KEYMAP_KEY_NAME_MAX];
	/* read-ns: when the key was read (CLOCK_MONOTONIC), for a tester that
	 * knows when it was pressed; ms: from then until it was handled */
	fprintf(u->trace, "key %s read-ns=%llu ms=%.3f\n", keymap_key_name(keymap_normalize_key(key), name, sizeof name),
		(unsigned long long)t0, ms_since(t0));
	fflush(u->trace);
}

/* Bytes parsed between two looks at the keyboard while loading: adapted
 * so that a step takes about LOAD_STEP_MS (keys and Ctrl-C are answered
 * between steps). */
enum { LOAD_STEP_MIN = 64 << 10, LOAD_STEP_MAX = 8 << 20, LOAD_STEP_MS = 20 };

static size_t next_load_step(size_t step, uint64_t took_ns)
{
	if (took_ns < LOAD_STEP_MS * 1000000ull / 2 && step < LOAD_STEP_MAX)
		return step * 2;
	if (took_ns > LOAD_STEP_MS * 1000000ull && step > LOAD_STEP_MIN)
		return step / 2;
	return step;
}

int reader_run(doc_issue *issue, config *cfg, const reader_options *opt)
{
	uint64_t t0 = util_now_ns();
	ui u;
	memset(&u, 0, sizeof u);
	u.issue = issue;
	open_trace(&u);
	catch_signals();
	if (!start_curses(&u, opt)) {
		stop_curses(&u);
		if (u.trace)
			fclose(u.trace);
		return 2;
	}
	setup_colors(&u, cfg);
	if (cfg->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	state *st = state_open(NULL, warn_state);
	u.r = reader_new(issue, cfg, st, opt, COLS, LINES);
	flush_warnings(u.r);
	draw(&u);
	if (u.trace) {
		fprintf(u.trace, "first-screen ms=%.3f cpu-ms=%.3f size=%dx%d\n", ms_since(t0), cpu_ms(),
			COLS, LINES);
		fflush(u.trace);
	}
	/* from the smallest step up: one that is too large is halved a step
	 * at a time, and a first step of 1 MB took 185 ms on a slow
	 * machine (ASan, busy), keys waiting for it */
	size_t load_step = LOAD_STEP_MIN;
	uint64_t quiet_ns = (uint64_t)cfg->save_after * 1000000000ull;
	uint64_t last_input = util_now_ns(), last_save = last_input;
	while (!got_signal) {
		int key;
		uint64_t t1;
		int react;
		if (reader_loading(u.r)) {
			/* parse more between keys; a key is answered at once */
			timeout(0);
			react = handle_input(&u, &key, &t1);
			if (key < 0 && !(react & READER_QUIT) && !got_signal) {
				uint64_t s0 = util_now_ns();
				bool done = opt->loader->step(opt->loader->ctx, load_step);
				load_step = next_load_step(load_step, util_now_ns() - s0);
				react |= reader_issue_grew(u.r, done);
				if (done)
					timeout(TICK_MS);
			}
		} else {
			react = handle_input(&u, &key, &t1);
		}
		if ((react & READER_QUIT) || got_signal)
			break;
		if (key != -2) {
			last_input = t1;
		} else if (quiet_ns && t1 - last_input >= quiet_ns && t1 - last_save >= quiet_ns &&
			   reader_unsaved(u.r)) {
			/* a quiet moment: save, so that a crash loses little */
			last_save = t1;
			reader_save(u.r);
			react |= READER_REDRAW;     /* a warning of the save shows */
		}
		if (react & READER_CLEAR)
			clearok(curscr, TRUE);
		if (react & (READER_REDRAW | READER_CLEAR))
			draw(&u);
		trace_key(&u, key, t1);
	}
	disarm_watchdog();
	int sig = got_signal;
	reader *r = u.r;
	u.r = NULL;             /* warnings of the save wait for the restored terminal */
	stop_curses(&u);        /* the terminal first: quitting shows at once */
	reader_save(r);
	flush_warnings(NULL);
	reader_free(r);
	state_close(st);
	if (u.trace)
		fclose(u.trace);
	if (sig) {
		/* die of the signal, as the shell expects, now that all is restored */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return 0;
}

/* ---- the library view ---- */

static void draw_libview(ui *u, libview *v)
{
	erase();
	for (int y = 0; y < LINES - 1; y++) {
		reader_row row;
		if (!libview_row(v, y, &row))
			break;
		draw_row(u, y, 0, COLS, &row);
		if (row.style == CONFIG_C_STATUS)
			fill(y, text_width(row.text, row.len), COLS, u->styles[CONFIG_C_STATUS]);
	}
	size_t len;
	int cursor;
	const char *st = libview_status(v, &len, &cursor);
	style base = u->styles[cursor >= 0 ? CONFIG_C_TEXT : CONFIG_C_STATUS];
	fill(LINES - 1, 0, COLS, base);
	draw_text(LINES - 1, 0, COLS, st, len, base, NULL, 0);
	if (cursor >= 0) {
		move(LINES - 1, cursor);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

/* Time given to indexing between two looks at the keyboard. */
#define LIBVIEW_INDEX_NS 50000000ull

int libview_run(libview *v, const config *cfg)
{
	ui u;
	memset(&u, 0, sizeof u);
	catch_signals();
	reader_options ropt = { .keys_from_tty = false };
	if (!start_curses(&u, &ropt)) {
		stop_curses(&u);
		return 2;
	}
	setup_colors(&u, cfg);
	int react = libview_resize(v, COLS, LINES);
	draw_libview(&u, v);
	while (!got_signal) {
		timeout(libview_indexing(v) ? 0 : TICK_MS);
		wint_t wc;
		int got = get_wch(&wc);
		react = READER_NOTHING;
		if (got == ERR) {
			react = libview_tick(v, LIBVIEW_INDEX_NS);
		} else if (got == KEY_CODE_YES) {
			if (wc == KEY_RESIZE)
				react = libview_resize(v, COLS, LINES);
			else if (translate_key((int)wc) >= 0)
				react = libview_key(v, translate_key((int)wc));
		} else {
			react = libview_key(v, (int)wc);
		}
		if ((react & (READER_QUIT | LIBVIEW_OPEN)) || got_signal)
			break;
		if (react & READER_CLEAR)
			clearok(curscr, TRUE);
		if (react & (READER_REDRAW | READER_CLEAR))
			draw_libview(&u, v);
	}
	stop_curses(&u);
	if (got_signal)
		return READER_QUIT;
	return react & LIBVIEW_OPEN ? LIBVIEW_OPEN : READER_QUIT;
}

void ui_reraise(void)
{
	int sig = got_signal;
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

/* Whether terminfo knows the terminal, saying why not when it does not:
 * a failed newterm says nothing (and leaks what it allocated). It comes
 * last because <term.h> defines macros named like terminfo capabilities
 * ("lines", "columns") that would clash with the code above. */
#include <term.h>

static bool probe_terminal(const char *term)
{
	int err = 0;
	if (setupterm(term, fileno(stdout), &err) != OK) {
		if (err == -1)
			fprintf(stderr, "kanbao: no terminfo database found, so the terminal "
				"(TERM=%s) cannot be driven\n", term);
		else
			fprintf(stderr, "kanbao: unknown terminal type \"%s\" (TERM): no terminfo "
				"entry for it (try TERM=xterm-256color)\n", term);
		return false;
	}
	del_curterm(cur_term);
	return true;
}

/* The bytes that put the terminal back (attributes, cursor, keypad,
 * mouse, the normal screen), kept for the alarm handler. */
static void prepare_emergency(void)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx" };
	static const char mouse_off[] = "\033[?1000l\033[?1002l\033[?1006l";
	emergency_len = 0;
	for (size_t i = 0; i <= UTIL_ARRAY_LEN(caps); i++) {
		const char *seq = i < UTIL_ARRAY_LEN(caps) ? tigetstr(caps[i]) : mouse_off;
		if (seq == NULL || seq == (char *)-1)
			continue;
		size_t n = strlen(seq);
		if (emergency_len + n < sizeof emergency_seq) {
			memcpy(emergency_seq + emergency_len, seq, n);
			emergency_len += n;
		}
	}
	const char *rmcup = tigetstr("rmcup");
	if (rmcup && rmcup != (char *)-1 && emergency_len + strlen(rmcup) < sizeof emergency_seq) {
		memcpy(emergency_seq + emergency_len, rmcup, strlen(rmcup));
		emergency_len += strlen(rmcup);
	}
}
