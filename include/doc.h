/* doc.h — the document model: an issue holds pages, articles, blocks.
 *
 * An issue is built by the parser (parse.h) and then read by everything
 * else (export, layout, search, reader); nothing in here knows about curses.
 * Text is stored once: a doc_str points either into a page's source text
 * (kept alive by the issue, usually a memory-mapped file) or into the
 * issue's arena, where repaired text (joined paragraphs) is written.
 * All text is valid UTF-8 free of control characters (input.h guarantees
 * that for sources; the parser keeps it true for what it writes).
 *
 * Ownership: doc_issue_free() releases everything, including the page
 * sources handed over with doc_issue_add_page().
 */
#ifndef KANBAO_DOC_H
#define KANBAO_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* A piece of UTF-8 text, not NUL-terminated. len == 0 means absent. */
typedef struct doc_str {
	const char *s;
	uint32_t len;
} doc_str;

typedef enum doc_block_type {
	DOC_PARAGRAPH,
	DOC_SUBHEAD,
	DOC_CAPTION,
	DOC_JUMP,
} doc_block_type;

typedef struct doc_block {
	doc_str text;
	uint8_t type;         /* doc_block_type */
	uint32_t credit;      /* a caption's credit ("林晓 摄") starts at this
			       * byte of text, as the parser found it; text.len
			       * when there is none (and for other blocks) */
} doc_block;

/* The header fields of an article, in reading order. The same indexes
 * address them in positions and search hits (doc_pos.element). */
typedef enum doc_field {
	DOC_F_COLUMN,
	DOC_F_KICKER,
	DOC_F_HEADLINE,
	DOC_F_SUBTITLE,
	DOC_F_BYLINE,
	DOC_F_DATELINE,
	DOC_NFIELDS,
} doc_field;

/* What a jump line says and where it leads: the parser sets kind and
 * page (what is printed), link.c the page and article found. Views read
 * these fields; nothing matches the text again. */
typedef enum doc_jump_kind {
	DOC_JUMP_NONE,
	DOC_JUMP_TO,            /* ■下转第4版: continued on page 4 */
	DOC_JUMP_FROM,          /* (上接第1版): continued from page 1 */
	DOC_JUMP_SEE,           /* 详见第2版: a teaser for page 2 */
} doc_jump_kind;

enum {
	DOC_TARGET_NONE = -1,   /* looked for, not found */
	DOC_TARGET_PENDING = -2 /* not linked yet (the issue is still loading) */
};

typedef struct doc_jump {
	uint32_t block;         /* the jump line's block (issue-wide index) */
	uint8_t kind;           /* doc_jump_kind */
	int32_t page;           /* the page number printed in it */
	int32_t page_index;     /* the issue's page with that number; -1: none, or pending */
	int32_t target;         /* the article it leads to, or DOC_TARGET_* */
} doc_jump;

typedef struct doc_article {
	uint32_t page;                  /* index of its page */
	doc_str field[DOC_NFIELDS];     /* column, kicker, headline, ... */
	uint32_t first_block;           /* index into the issue's blocks */
	uint32_t nblocks;
	int32_t continues;              /* article it continues on, -1 if none */
	int32_t continued_from;         /* article continuing into it, -1 if none */
} doc_article;

typedef struct doc_page {
	doc_str name;                   /* file name (or "-" for stdin) */
	doc_str label;                  /* name printed on the page (第N版), may be empty */
	uint32_t first_banner, nbanners;    /* into the issue's banners */
	uint32_t first_article, narticles;  /* into the issue's articles */
	uint32_t first_caption, ncaptions;  /* page-level captions */
	uint8_t script;                 /* script_kind (script.h): simplified or traditional */
} doc_page;

/* An element of an article: a header field (element < DOC_NFIELDS) or a
 * block (element - DOC_NFIELDS). A position in the issue is an element
 * and a byte offset into its text: it survives any change of width. */
typedef struct doc_pos {
	uint32_t article;
	uint32_t element;
	uint32_t offset;
} doc_pos;

typedef struct doc_issue doc_issue;

/* The most articles an issue may hold (more stops kanbao with a message,
 * exit status 1; 1 GiB of input, the input limit, holds far fewer). */
#define DOC_MAX_ARTICLES (1u << 24)

/* A new, empty issue. */
doc_issue *doc_issue_new(void);
/* Frees the issue, its arena and every page source; NULL is allowed. */
void doc_issue_free(doc_issue *issue);

/* The source of a page: `text`/`len` is valid UTF-8; `release(owner)` is
 * called by doc_issue_free() (may be NULL when nothing is to release).
 * `drop(owner, from, to)` (may be NULL) is called by the parser (and the
 * streaming --search, search.h) for text it is done with: [from, to) need not stay in memory (a file mapping lets
 * those pages go; they are read again when touched). Only the maker of
 * the source (input.c) knows what it is. */
typedef struct doc_source {
	const char *text;
	size_t len;
	void *owner;
	void (*release)(void *owner);
	void (*drop)(void *owner, const char *from, const char *to);
} doc_source;

/* Builders, used by the parser; append-only. Running out of memory is
 * fatal (util_oom), so they return nothing. doc_begin_page takes
 * ownership of `name` (malloc'd) and of `src`. */
void doc_begin_page(doc_issue *issue, char *name, doc_source src);
void doc_add_banner(doc_issue *issue, doc_str text);
void doc_set_page_label(doc_issue *issue, doc_str text);
/* The script of the current page (a script_kind of script.h). */
void doc_set_page_script(doc_issue *issue, int script);
/* Starts an article on the current page and returns it; its fields are
 * set directly. The pointer is valid until the next doc_begin_article. */
doc_article *doc_begin_article(doc_issue *issue);
void doc_add_block(doc_issue *issue, doc_block_type type, doc_str text);
/* A DOC_CAPTION block whose credit starts at byte `credit` (text.len: none). */
void doc_add_caption(doc_issue *issue, doc_str text, uint32_t credit);
/* A DOC_JUMP block with what the parser read in it (kind, page number). */
void doc_add_jump(doc_issue *issue, doc_str text, doc_jump_kind kind, int page);
/* A caption of the page that belongs to no article; its credit starts at
 * byte `credit` (text.len: none). */
void doc_add_page_caption(doc_issue *issue, doc_str text, uint32_t credit);
/* `len` bytes in the issue's arena; the arena never moves what it holds. */
char *doc_arena_alloc(doc_issue *issue, size_t len);
doc_str doc_arena_dup(doc_issue *issue, const char *s, size_t len);
/* Source text of page `page`. */
doc_source doc_page_source(const doc_issue *issue, size_t page);

/* Readers. Indexes are checked by the caller (asserted in debug builds). */
size_t doc_npages(const doc_issue *issue);
const doc_page *doc_page_at(const doc_issue *issue, size_t i);
size_t doc_narticles(const doc_issue *issue);
const doc_article *doc_article_at(const doc_issue *issue, size_t i);
doc_article *doc_article_mut(doc_issue *issue, size_t i);
const doc_block *doc_block_at(const doc_issue *issue, size_t i);
size_t doc_nblocks(const doc_issue *issue);
const doc_str *doc_banner_at(const doc_issue *issue, size_t i);
const doc_str *doc_page_caption_at(const doc_issue *issue, size_t i);
/* Where the credit of page caption i starts (its length: none). */
uint32_t doc_page_caption_credit(const doc_issue *issue, size_t i);
size_t doc_ncaptions(const doc_issue *issue);     /* page captions, all pages */
/* Jump lines, in block order. doc_jump_of: the jump of a block, NULL
 * when the block is none (O(log n)). */
size_t doc_njumps(const doc_issue *issue);
const doc_jump *doc_jump_at(const doc_issue *issue, size_t i);
doc_jump *doc_jump_mut(doc_issue *issue, size_t i);
const doc_jump *doc_jump_of(const doc_issue *issue, uint32_t block);
/* The jump of element e of article a, or NULL. */
const doc_jump *doc_element_jump(const doc_issue *issue, const doc_article *a, uint32_t e);

/* Elements of an article: DOC_NFIELDS header fields then its blocks. */
uint32_t doc_article_nelements(const doc_article *a);
/* Text of element `e` of article `a` (empty doc_str for an absent field). */
doc_str doc_element_text(const doc_issue *issue, const doc_article *a, uint32_t e);
/* The block type of element e, or -1 for a header field. */
int doc_element_block_type(const doc_issue *issue, const doc_article *a, uint32_t e);

/* What is shown of a text (the display conversion of script.h): element
 * `e` of article `article`, or page caption `e` when article is
 * UINT32_MAX. It has the same length and character boundaries as the
 * text itself (doc_element_text, doc_page_caption_at), so byte offsets,
 * layouts and search hits hold for both. Without a hook it is the text. */
typedef doc_str (*doc_shown_fn)(void *ctx, uint32_t article, uint32_t e);
void doc_set_shown(doc_issue *issue, doc_shown_fn fn, void *ctx);
doc_str doc_element_shown(const doc_issue *issue, uint32_t article, uint32_t e);

/* Number of the page as printed (第N版) when the label says so, else the
 * 1-based index of the page in the issue. */
int doc_page_number(const doc_issue *issue, size_t page);

/* A stable 64-bit fingerprint of the issue's content (not its file
 * names), for remembering the reading position across runs; the same
 * from the page sources before they are parsed. */
uint64_t doc_issue_fingerprint(const doc_issue *issue);
uint64_t doc_sources_fingerprint(const doc_source *const *sources, size_t n);

/* Small helpers for doc_str. */
static inline doc_str doc_str_make(const char *s, size_t len)
{
	doc_str d = { s, (uint32_t)len };
	return d;
}
bool doc_str_eq(doc_str a, doc_str b);

#endif
