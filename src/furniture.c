/* furniture.c — page furniture of web and markdown exports (see furniture.h).
 *
 * Signals, not strings: a line is furniture because its shape comes back
 * around the stories of its own page, never because of its words. */
#include "furniture.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A furniture line has at most this many characters (spaces aside). */
enum { SHAPE_MAX_CHARS = 64 };
/* A field's label has at most this many characters ("发布时间", "第03版"). */
enum { LABEL_MAX_CHARS = 6 };
/* Characters of a line read for its shape (a longer line is no furniture). */
enum { LINE_CPS = SHAPE_MAX_CHARS * 2 + 8 };
/* Bytes of the longest furniture line: 64 characters of three bytes and spaces. */
enum { SHAPE_MAX_BYTES = SHAPE_MAX_CHARS * 3 + 64 };


typedef struct cps {
	uint32_t cp[LINE_CPS];
	uint32_t off[LINE_CPS + 1];     /* byte offset of each, and of the end */
	size_t n;
} cps;

/* The line's characters; false when it has more than LINE_CPS. */
static bool decode_line(const char *s, size_t len, cps *c)
{
	const char *p = s, *end = s + len;
	c->n = 0;
	while (p < end) {
		if (c->n == LINE_CPS)
			return false;
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		c->off[c->n] = (uint32_t)(p - s);
		c->cp[c->n++] = cp;
		p += k;
	}
	c->off[c->n] = (uint32_t)len;
	return true;
}

static bool is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* What parts fields of a line: spaces, bars, brackets, arrows, dots. */
static bool is_field_sep(uint32_t cp)
{
	return text_is_space(cp) || cp == '|' || cp == 0xFF5C || cp == '>' || cp == 0xFF1E || cp == 0x3010 ||
	       cp == 0x3011 || cp == '[' || cp == ']' || cp == 0xB7 || cp == '/' || cp == 0xFF0F || cp == 0x300B ||
	       cp == 0x2192 || cp == 0xFF3B || cp == 0xFF3D || cp == '*';
}

static bool is_sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' || cp == 0xFF1B || cp == ';' ||
	       cp == 0xFF61;   /* ｡, OCR's half-width 。 */
}

/* The colon at k ends a field's label: a full-width colon, or an ASCII
 * one not between figures (09:12 is a time). */
static size_t label_start(const cps *c, size_t k);

static bool is_label_colon(const cps *c, size_t k)
{
	if (c->cp[k] == 0xFF1A)
		return true;
	if (c->cp[k] == 0x3011) {
		/* "【作者】张三": a label in brackets, its value after it */
		size_t b = label_start(c, k);
		return b < k && b > 0 && c->cp[b - 1] == 0x3010;
	}
	return c->cp[k] == ':' && !(k > 0 && is_digit(c->cp[k - 1]) && k + 1 < c->n && is_digit(c->cp[k + 1]));
}

/* The label before the colon at k starts at the returned index (k when
 * there is none: nothing, or too long, or no Han character in it). */
static size_t label_start(const cps *c, size_t k)
{
	size_t b = k;
	bool han = false;
	while (b > 0 && !is_field_sep(c->cp[b - 1]) && c->cp[b - 1] != 0xFF1A && c->cp[b - 1] != ':') {
		b--;
		han |= text_is_han(c->cp[b]);
		if (k - b > LABEL_MAX_CHARS)
			return k;
	}
	return han ? b : k;
}

static uint32_t fold(uint32_t h, uint32_t cp)
{
	if (is_digit(cp))
		cp = '0';
	return (h ^ cp) * 16777619u;
}

/* A sentence end among the bytes: 。；｡ (E3 80 82, EF BC 9B, EF BD A1) and ; make 2,
 * a question or exclamation mark (！？!?, EF BC 81 / 9F) 1 — most lines
 * of text are sent away here, before decoding. */
static int has_sentence_bytes(const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s;
	int found = 0;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = b[k];
		if (c == ';')
			return 2;
		if (c == '!' || c == '?')
			found = 1;
		if (k + 2 < len && c == 0xE3 && b[k + 1] == 0x80 && b[k + 2] == 0x82)
			return 2;
		if (k + 2 < len && c == 0xEF && b[k + 1] == 0xBD && b[k + 2] == 0xA1)
			return 2;       /* ｡ */
		if (k + 2 < len && c == 0xEF && b[k + 1] == 0xBC) {
			if (b[k + 2] == 0x9B)
				return 2;
			if (b[k + 2] == 0x81 || b[k + 2] == 0x9F)
				found = 1;
		}
	}
	return found;
}

/* The shape, and in *text the hash of the line's text with its figures
 * masked (0 when it has fewer than two labels: only a metadata line of
 * fields is told by its words). */
static uint32_t shape_and_text(const char *s, size_t len, uint32_t *text_hash);

uint32_t furniture_shape(const char *s, size_t len)
{
	uint32_t text;
	return shape_and_text(s, len, &text);
}

static uint32_t shape_and_text(const char *s, size_t len, uint32_t *text_hash)
{
	*text_hash = 0;
	if (!len || len > SHAPE_MAX_BYTES)
		return 0;
	int sentence = has_sentence_bytes(s, len);
	if (sentence == 2)
		return 0;
	cps c;
	if (!decode_line(s, len, &c))
		return 0;
	size_t chars = 0;
	for (size_t k = 0; k < c.n; k++) {
		/* a sentence anywhere: text, not furniture; but a question
		 * may be a title quoted in a field ("上一篇：X？　下一篇：Y") */
		if (is_sentence_end(c.cp[k]) && c.cp[k] != 0xFF1F && c.cp[k] != 0xFF01 && c.cp[k] != '?' && c.cp[k] != '!')
			return 0;
		chars += !text_is_space(c.cp[k]);
	}
	if (chars < 2 || chars > SHAPE_MAX_CHARS)
		return 0;
	uint32_t labels = 2166136261u, text = 2166136261u;
	bool any_label = false;
	int nlabels = 0;
	for (size_t k = 0; k < c.n; k++) {
		uint32_t cp = c.cp[k];
		if (!text_is_space(cp))
			text = fold(text, cp);
		if (is_label_colon(&c, k)) {
			size_t b = label_start(&c, k);
			if (b < k) {
				any_label = true;
				nlabels++;
				for (size_t j = b; j < k; j++)
					labels = fold(labels, c.cp[j]);
				labels = fold(labels, 0xFF1A);
			}
		}
	}
	if (sentence && nlabels < 2)
		return 0;       /* a question of its own: text */
	if (nlabels >= 2)
		*text_hash = text | 1;
	uint32_t h = any_label ? fold(labels, 1) : text;
	return h ? h : 1;
}

/* A shape made of labels or holding a figure: furniture-like by itself
 * (a page label, a date, a metadata line), unlike two plain words. */
static bool shape_marked(const char *s, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if ((s[k] >= '0' && s[k] <= '9') || s[k] == ':' ||
		    (k + 2 < len && (unsigned char)s[k] == 0xEF && (unsigned char)s[k + 1] == 0xBC &&
		     (unsigned char)s[k + 2] >= 0x90 && (unsigned char)s[k + 2] <= 0x99))     /* ０-９ */
			return true;
	return memmem(s, len, "：", 3) != NULL || memmem(s, len, "版", 3) != NULL;
}

enum { SLOTS = 512, BLOCK_MAX = 16 };

typedef struct slot {
	uint32_t hash;
	uint16_t count, grouped;
	uint32_t last_body;     /* body lines seen when it was last printed */
	uint32_t prev_body, next_body;  /* hashes of the body lines around it */
	bool together;          /* printed twice with no body between */
	bool copied;            /* printed again with the same body around it: extracted twice */
	bool marked;
	bool buttons;           /* a bar of words each in brackets (see button_bar) */
	bool words_bar;         /* a bar of short plain words (see words_bar) */
	bool text_after;        /* a bar of words with text or a repeated line under it once */
	uint16_t bare;          /* printed as its label alone, its value left empty ("作者：") */
	bool author;            /* a field of it names the story's author (作者：X) */
	uint32_t text;          /* its text, figures masked, when it has two labels or more (see shape_and_text) */
	bool text_varies;       /* printed with other words in its fields */
} slot;

static slot *find_slot(slot *t, uint32_t h, bool add)
{
	size_t k = h & (SLOTS - 1);
	for (size_t probe = 0; probe < SLOTS; probe++, k = (k + 1) & (SLOTS - 1)) {
		if (t[k].hash == h)
			return &t[k];
		if (!t[k].hash) {
			if (!add)
				return NULL;
			t[k].hash = h;
			return &t[k];
		}
	}
	return NULL;
}

/* The next non-blank line of text from *p, trimmed; false at the end. */
static bool next_line(const char **p, const char *end, const char **ls, size_t *ll)
{
	while (*p < end) {
		const char *nl = memchr(*p, '\n', (size_t)(end - *p));
		const char *e = nl ? nl : end;
		const char *s = text_skip_space(*p, e);
		const char *t = text_trim_end(s, e);
		*p = nl ? nl + 1 : end;
		if (t > s) {
			*ls = s;
			*ll = (size_t)(t - s);
			return true;
		}
	}
	return false;
}

/* A candidate: printed again with a story's body between each two, and
 * another body around it each time. */
enum { AUTHOR_LINES_MIN = 4 };
static bool candidate(const slot *sl)
{
	/* (a bar of buttons may close a story of rows alone, a table
	 * with no line of text: printed again with no body between; so
	 * may a metadata line naming the author of each of four stories
	 * or more, a table one of them) */
	return sl && sl->count >= 2 && (!sl->together || sl->buttons || (sl->author && sl->count >= AUTHOR_LINES_MIN)) && !sl->copied;
}

/* A metadata line that stands alone around three stories or more, the
 * same each time but for its figures ("发布时间：2026-11-20 07:32:10　来源：
 * 彩云日报"), or naming each story's author in a field of it ("作者：X　　
 * 来源：Y　　发布时间：Z"): fields of the site, not of a story (an event's
 * 时间：/地点： under each item names another place each time). */
static bool same_fields(const slot *sl)
{
	return candidate(sl) && sl->count >= 3 && sl->text && (!sl->text_varies || (sl->author && sl->count >= AUTHOR_LINES_MIN)) && sl->marked;
}

/* A body line's hash (its first and last bytes suffice to tell the
 * paragraphs of a page apart). */
static uint32_t body_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)len;
	size_t head = len < 24 ? len : 24;
	for (size_t k = 0; k < head; k++)
		h = (h ^ (unsigned char)s[k]) * 16777619u;
	for (size_t k = len - head; k < len; k++)
		h = (h ^ (unsigned char)s[k]) * 16777619u;
	return h | 1;
}

/* The words of a line set apart by spaces, each passing `word` (which
 * returns the word's end, or NULL when it is no such word); -1 when one
 * fails. */
static int count_words(const char *s, size_t len, const char *(*word)(const char *p, const char *end))
{
	const char *p = s, *end = s + len;
	int words = 0;
	while ((p = text_skip_space(p, end)) < end) {
		if (!(p = word(p, end)))
			return -1;
		words++;
	}
	return words;
}

/* "【打印本文】", "[打印]": a word in brackets, not empty. */
static const char *bracketed_word(const char *p, const char *end)
{
	bool wide = end - p >= 3 && memcmp(p, "【", 3) == 0;
	if (!wide && *p != '[')
		return NULL;
	size_t open = wide ? 3 : 1;
	const char *close = wide ? memmem(p + 3, (size_t)(end - p - 3), "】", 3) : memchr(p + 1, ']', (size_t)(end - p - 1));
	return close && close != p + open ? close + open : NULL;
}

/* "下一篇": two to four Han characters up to a space or the line's end. */
static const char *han_word(const char *p, const char *end)
{
	int chars = 0;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp))
			break;
		if (!text_is_han(cp) || ++chars > 4)
			return NULL;
		p += k;
	}
	return chars >= 2 ? p : NULL;
}

/* "【打印本文】　【关闭窗口】", "[打印] [关闭]": two words or more, each
 * in brackets, nothing else but spaces between them: a site's buttons. */
static bool button_bar(const char *s, size_t len)
{
	return count_words(s, len, bracketed_word) >= 2;
}

/* "上一篇　下一篇　返回目录": three words or more of two to four Han
 * characters, set apart by spaces, nothing else: the links a site prints
 * after every story, unbracketed. A line of text has punctuation or a
 * longer word. */
static bool words_bar(const char *s, size_t len)
{
	return count_words(s, len, han_word) >= 3;
}

/* The candidates of a block of short lines beside each other count as
 * grouped when there are three, or two with figures or labels both, or
 * two that each come back three times or more, one with figures or
 * labels and the other a bar of buttons: a metadata line and the buttons
 * under every story (not a column's label and a byline in words over
 * every brief of a column, nor a jump line and a byline). */
static void close_block(slot **block, size_t n, bool marked)
{
	if (n >= 3 || (n == 2 && (marked || (block[0]->count >= 3 && block[1]->count >= 3 &&
					     ((block[0]->marked && block[1]->buttons) ||
					      (block[1]->marked && block[0]->buttons))))))
		for (size_t k = 0; k < n; k++)
			block[k]->grouped++;
}

struct furniture_learner {
	slot table[SLOTS];
	uint32_t shapes[LEARN_LINES_MAX];       /* each line's shape, for the second pass */
	unsigned nlines;
	uint32_t body, shaped, last_body;
	uint32_t runs;          /* runs of body lines between shaped lines: about the stories */
	bool in_body;
	slot *pending[BLOCK_MAX];       /* the block's shapes waiting for the body under them */
	size_t npending;
};

furniture_learner *furniture_learner_new(void)
{
	furniture_learner *fl = calloc(1, sizeof *fl);
	if (!fl)
		abort();
	return fl;
}

/* "大棚蔬菜怎样防冻害？": a short line whose only sentence end is the
 * question closing it, a title, neither a story's body nor a shape. */
static bool question_title(const char *s, size_t len)
{
	return len >= 6 && len <= 40 * 3 && ((unsigned char)s[len - 1] == 0x9F || s[len - 1] == '?') &&
	       has_sentence_bytes(s, len) == 1 && !memchr(s, ' ', len) && !memmem(s, len, "\xe3\x80\x80", 3);
}

/* "问：" alone, its text on the line under it: a label of the text (a
 * question, an answer, a speaker), whose value differs each time, not a
 * field of the page's furniture (those carry their value beside them). */
bool furniture_bare_label(const char *s, size_t len)
{
	size_t word;
	if (len >= 1 && s[len - 1] == ':')
		word = len - 1;
	else if (len >= 3 && !memcmp(s + len - 3, "\xef\xbc\x9a", 3))
		word = len - 3;
	else
		return false;
	return word >= 3 && word <= 4 * 3 && !memchr(s, ' ', len) &&
	       !memmem(s, len, "\xe3\x80\x80", 3) && !has_sentence_bytes(s, word);
}

void furniture_learner_line(furniture_learner *fl, const char *s, size_t l)
{
	if (fl->nlines >= LEARN_LINES_MAX || question_title(s, l))
		return;
	if (furniture_bare_label(s, l)) {
		/* no shape of its own (a Q&A's "问："), but a metadata
		 * field printed empty is printed all the same */
		uint32_t h = furniture_shape(s, l);
		slot *b = h ? find_slot(fl->table, h, true) : NULL;
		if (b && b->bare < UINT16_MAX)
			b->bare++;
		return;
	}
	uint32_t text;
	uint32_t h = shape_and_text(s, l, &text);
	fl->shapes[fl->nlines++] = h;
	if (!h) {
		fl->runs += !fl->in_body;
		fl->in_body = true;
		fl->body++;
		fl->last_body = body_hash(s, l);
		for (size_t k = 0; k < fl->npending; k++) {
			if (fl->pending[k]->next_body == fl->last_body)
				fl->pending[k]->copied = true;
			fl->pending[k]->next_body = fl->last_body;
		}
		fl->npending = 0;
		return;
	}
	fl->in_body = false;
	slot *sl = find_slot(fl->table, h, true);
	if (!sl)
		return;
	fl->shaped++;
	/* (with no body between, together says it) */
	if (sl->count && sl->prev_body == fl->last_body && sl->last_body != fl->body)
		sl->copied = true;
	sl->prev_body = fl->last_body;
	/* (once: printed again before any body, it waits for one body) */
	bool waiting = false;
	for (size_t k = 0; k < fl->npending && !waiting; k++)
		waiting = fl->pending[k] == sl;
	if (!waiting && fl->npending < BLOCK_MAX)
		fl->pending[fl->npending++] = sl;
	if (sl->count && sl->last_body == fl->body)
		sl->together = true;
	if (!sl->count)
		sl->text = text;
	else if (sl->text != text)
		sl->text_varies = true;
	if (sl->count < UINT16_MAX)
		sl->count++;
	sl->last_body = fl->body;
	sl->marked = shape_marked(s, l);
	size_t as, ae;
	sl->author = text && furniture_author(s, l, &as, &ae);
	sl->buttons = button_bar(s, l);
	sl->words_bar = words_bar(s, l);
}

void furniture_learner_end(furniture_learner *fl, furniture *f)
{
	memset(f, 0, sizeof *f);
	size_t candidates = 0;
	bool alone = false;
	for (size_t k = 0; k < SLOTS && candidates < 2; k++) {
		candidates += candidate(&fl->table[k]);
		/* (a bar of buttons around three stories or more may stand
		 * alone too: 【打印本页】　【关闭窗口】) */
		alone |= same_fields(&fl->table[k]) || (candidate(&fl->table[k]) && fl->table[k].buttons &&
							   fl->table[k].count >= 3);
	}
	if (fl->body < 2 || fl->shaped < 3 || (candidates < 2 && !alone) || (fl->shaped < 4 && !alone)) {
		free(fl);
		return;
	}
	/* second pass: which candidates stand in blocks together */
	slot *block[BLOCK_MAX];
	size_t nb = 0;
	bool marked = true;     /* all of the block's shapes are marked */
	for (unsigned n = 0; n < fl->nlines; n++) {
		uint32_t h = fl->shapes[n];
		if (!h) {
			close_block(block, nb, marked);
			nb = 0;
			marked = true;
			continue;
		}
		slot *sl = find_slot(fl->table, h, false);
		if (!candidate(sl))
			continue;
		if (sl->words_bar && n + 1 < fl->nlines) {
			/* under it: a line printed once (the next story's title)? */
			const slot *next = fl->shapes[n + 1] ? find_slot(fl->table, fl->shapes[n + 1], false) : NULL;
			if (!next || next->count > 1)
				sl->text_after = true;
		}
		bool have = false;
		for (size_t k = 0; k < nb && !have; k++)
			have = block[k] == sl;
		if (!have && nb < BLOCK_MAX) {
			block[nb++] = sl;
			marked &= sl->marked;
		}
	}
	close_block(block, nb, marked);
	for (size_t k = 0; k < SLOTS && f->n < FURNITURE_MAX; k++) {
		const slot *sl = &fl->table[k];
		/* a bar of plain words (or of buttons in brackets, 【打印本页】
		 * 【关闭窗口】, whatever is under them) after three stories and
		 * more stands alone: it has no metadata line beside it to be
		 * grouped with;
		 * the next story's title is under it each time, a line printed
		 * once, never text or a line that comes back (a song's refrain
		 * has a verse or the next singer's 领唱： under it) */
		/* printed twice on a page of three stories or more: not
		 * around every story, but a title listed among the page's
		 * titles and printed again over its story (or the two
		 * fields of a pair of listings) */
		if (sl->count + sl->bare == 2 && fl->runs >= 3)
			continue;
		if (candidate(sl) && ((sl->grouped && sl->grouped * 2 >= sl->count) ||
				      (sl->count >= 3 && (sl->buttons || (sl->words_bar && !sl->text_after))) ||
				      same_fields(sl)))
			f->shape[f->n++] = sl->hash;
	}
	free(fl);
}

void furniture_learn(furniture *f, const char *text, size_t len, unsigned lines)
{
	furniture_learner *fl = furniture_learner_new();
	const char *p = text, *end = text + len, *s;
	size_t l;
	for (unsigned n = 0; n < lines && next_line(&p, end, &s, &l); n++)
		furniture_learner_line(fl, s, l);
	furniture_learner_end(fl, f);
}

bool furniture_has(const furniture *f, const char *s, size_t len)
{
	if (!f->n || len > SHAPE_MAX_BYTES)
		return false;
	uint32_t h = furniture_shape(s, len);
	for (unsigned k = 0; h && k < f->n; k++)
		if (f->shape[k] == h)
			return true;
	return false;
}

/* Labels of an author's field, and of a headline's. */
static const char *const author_labels[] = { "作者", "记者", "撰稿", "撰文", "采写", "文字", "文", "記者" };
static const char *const title_labels[] = { "标题", "题目", "主题", "文章标题", "新闻标题", "主标题", "引题",
					    "副题", "副标题", "標題", "題目", "主題", "文章標題", "新聞標題", "主標題",
					    "引題", "副題", "副標題" };

static bool label_in(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (len == strlen(words[k]) && memcmp(s, words[k], len) == 0)
			return true;
	return false;
}

static bool field_value(const char *s, size_t len, const char *const *labels, size_t nlabels, size_t *start,
			size_t *end);

bool furniture_author(const char *s, size_t len, size_t *start, size_t *end)
{
	return field_value(s, len, author_labels, sizeof author_labels / sizeof *author_labels, start, end);
}

bool furniture_title(const char *s, size_t len, size_t *start, size_t *end)
{
	return field_value(s, len, title_labels, sizeof title_labels / sizeof *title_labels, start, end);
}

static bool field_value(const char *s, size_t len, const char *const *labels, size_t nlabels, size_t *start,
			size_t *end)
{
	cps c;
	if (!decode_line(s, len, &c))
		return false;
	for (size_t k = 0; k < c.n; k++) {
		if (!is_label_colon(&c, k))
			continue;
		size_t b = label_start(&c, k);
		if (b == k || !label_in(s + c.off[b], c.off[k] - c.off[b], labels, nlabels))
			continue;
		/* the value runs to the next field's label */
		size_t e = c.n;
		for (size_t j = k + 1; j < c.n; j++) {
			if (is_label_colon(&c, j)) {
				size_t lb = label_start(&c, j);
				if (lb < j) {
					e = lb > k + 1 && c.cp[lb - 1] == 0x3010 ? lb - 1 : lb;
					break;
				}
			}
		}
		const char *v = text_skip_space(s + c.off[k + 1 <= c.n ? k + 1 : c.n], s + c.off[e]);
		const char *ve = text_trim_end(v, s + c.off[e]);
		/* a bar or bracket closing the field */
		while (ve > v && (ve[-1] == '|' || ve[-1] == ']' || ve[-1] == '*'))
			ve = text_trim_end(v, ve - 1);
		if (ve <= v)
			return false;
		*start = (size_t)(v - s);
		*end = (size_t)(ve - s);
		return true;
	}
	return false;
}

/* "](url)" closing the line from `close` (the index of ']'): the url's range. */
static bool link_tail(const char *s, size_t len, size_t close, size_t *url, size_t *url_len)
{
	if (close + 2 >= len || s[close + 1] != '(')
		return false;
	size_t e = len;
	while (e > close && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e < close + 3 || s[e - 1] != ')')
		return false;
	for (size_t k = close + 2; k + 1 < e; k++)
		if (s[k] == ' ' || s[k] == ')' || s[k] == '(')
			return false;
	*url = close + 2;
	*url_len = e - 1 - *url;
	return *url_len > 0;
}

static bool bracketed_link(const char *s, size_t len, size_t open, size_t *text, size_t *text_len,
			   size_t *url, size_t *url_len)
{
	if (len < open + 4 || s[open] != '[')
		return false;
	/* the last "](" of the line: a title may hold brackets */
	size_t close = 0;
	for (size_t k = open + 1; k + 1 < len; k++)
		if (s[k] == ']' && s[k + 1] == '(')
			close = k;
	if (!close || !link_tail(s, len, close, url, url_len))
		return false;
	*text = open + 1;
	*text_len = close - open - 1;
	return true;
}

bool furniture_md_image(const char *s, size_t len, size_t *alt, size_t *alt_len, size_t *url, size_t *url_len)
{
	return len > 4 && s[0] == '!' && bracketed_link(s, len, 1, alt, alt_len, url, url_len);
}

bool furniture_md_link(const char *s, size_t len, size_t *text, size_t *text_len, size_t *url, size_t *url_len)
{
	return bracketed_link(s, len, 0, text, text_len, url, url_len) && *text_len > 0;
}
