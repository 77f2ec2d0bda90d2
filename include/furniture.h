/* furniture.h — page furniture of web and markdown exports.
 *
 * An e-paper site scraped article by article prints the same lines
 * around every story: the site's header, the page label (第A05版：要闻),
 * font-size controls (字号：大 中 小), navigation (上一篇 下一篇 返回目录),
 * metadata (作者：X / 来源：X / 日期：X). None of them is known by its
 * words: a page's furniture is learnt from the page's own evidence, the
 * shapes of short lines (their text with figures masked, or the labels
 * of their "label：value" fields) that come back several times, each time
 * after a story's body and beside other such lines.
 *
 * The markdown helpers read the marks of a markdown export (image and
 * link lines) so that the marks never reach a headline, caption or banner.
 *
 * Every function takes a line as (s, len) of valid UTF-8 and only reads it.
 */
#ifndef KANBAO_FURNITURE_H
#define KANBAO_FURNITURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { FURNITURE_MAX = 16, LEARN_LINES_MAX = 1024 };

typedef struct furniture {
	unsigned n;
	uint32_t shape[FURNITURE_MAX];
} furniture;

/* The shape of a short line that may be furniture: a hash of its text
 * with spaces dropped and figures masked, or, for a line of "label：value"
 * fields, of its labels alone (作者：张三 and 作者：李四 share a shape).
 * 0 for a line that is long, ends a sentence or is empty. */
uint32_t furniture_shape(const char *s, size_t len);

/* Learns the furniture of a page from its first lines (at most `lines`
 * of them): the shapes printed three times or more (twice on a page of
 * two stories), with a story's body between each two, that come in
 * blocks of short lines beside other such shapes. */
void furniture_learn(furniture *f, const char *text, size_t len, unsigned lines);

/* The same, a line at a time (each trimmed, blank lines left out), for
 * a caller that reads the page's first lines anyway: _new, _line for
 * each line (the first LEARN_LINES_MAX count), then _end, which fills f
 * and frees the learner. */
typedef struct furniture_learner furniture_learner;
furniture_learner *furniture_learner_new(void);
void furniture_learner_line(furniture_learner *fl, const char *s, size_t len);
void furniture_learner_end(furniture_learner *fl, furniture *f);

/* Whether the line's shape is one of the page's furniture. */
/* "问：" alone on its line: a label whose text is on the line under it. */
bool furniture_bare_label(const char *s, size_t len);
bool furniture_has(const furniture *f, const char *s, size_t len);

/* The author's names in a furniture line of metadata ("作者：X",
 * "… 来源：Y  作者：X", "记者：X"): the range [*start, *end) of X. False
 * when the line has no author field or it is empty. */
bool furniture_author(const char *s, size_t len, size_t *start, size_t *end);

/* The headline in a furniture line of metadata ("标题：X", "【副题】X"):
 * the range of X, as furniture_author. */
bool furniture_title(const char *s, size_t len, size_t *start, size_t *end);

/* "![alt](url)" alone on its line: true, with the alt text and the url. */
bool furniture_md_image(const char *s, size_t len, size_t *alt, size_t *alt_len, size_t *url,
			size_t *url_len);

/* "[text](url)" alone on its line: true, with the text and the url. */
bool furniture_md_link(const char *s, size_t len, size_t *text, size_t *text_len, size_t *url,
		       size_t *url_len);

#endif
