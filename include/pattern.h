/* pattern.h — the printed conventions of Chinese newspapers that kanbao
 * recognises in a line of text: bylines, datelines, photo credits, jump
 * lines, page headers. These are conventions of the format (like the
 * "本报讯" dateline or the "X 摄" credit), not strings of any one page.
 *
 * Every function takes a line or paragraph as (s, len) of valid UTF-8
 * and only reads it.
 */
#ifndef KANBAO_PATTERN_H
#define KANBAO_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/* Makes the tables this module fills at first use (the fold of every BMP
 * character, through script_fold_ready), so that two threads may parse
 * at once: call it before the second starts. */
void pattern_ready(void);

/* A personal name as printed in bylines: 2 to 4 Han characters (a middle
 * dot is allowed inside transliterated names). */
bool pattern_is_name(const char *s, size_t len);

/* A byline line: role words (本报记者, 记者, 通讯员, 实习生, ...) and
 * names, or "□张三 李四", or "佚名". With `bare`, a line of one to four
 * names alone also counts (only trusted right under a headline). */
bool pattern_is_byline(const char *s, size_t len, bool bare);

/* Who signs a story in the brackets closing it, when no role word says
 * so: a post or unit, a space, the name ("全国政协委员　韩松",
 * "提案人：全国政协委员　韩松"), or a unit alone ("化学学院"). */
bool pattern_is_signed_unit(const char *s, size_t len);

/* Who signs, as a line alone right under a title may: a post or unit,
 * a space, the name ("锻工车间　刘海生"), never a unit alone. */
bool pattern_is_unit_name(const char *s, size_t len);

/* A dateline paragraph: "本报讯(记者 X) 正文", "本报8月27日讯 (记者 X)正文",
 * "本报上海8月27日电 (记者 X)正文", "新华社北京…电 …", "本报讯 正文".
 * On a match fills the ranges (byte offsets into s): the dateline
 * ("本报讯"), the byline inside the parentheses (empty when none), and
 * where the body starts. */
typedef struct pattern_dateline {
	size_t date_start, date_end;    /* dateline is s[date_start, date_end), may be empty */
	size_t byline_start, byline_end;
	size_t body_start;
} pattern_dateline;
bool pattern_match_dateline(const char *s, size_t len, pattern_dateline *m);

/* Whether "(" or "（" opens within the first LOOK bytes of S (a cheap
 * byte test before a recogniser walks the characters). */
bool pattern_open_paren_within(const char *s, size_t len, size_t look);

/* "据日本共同社4月8日报道，正文": a story opened by the report it retells
 * (an agency ending in 社, 网 or 台, the date, 报道, a comma): the ranges
 * as pattern_match_dateline's, the lead as the dateline. Only the first
 * paragraph of a story opens so; inside one it is a sentence. */
bool pattern_match_report_lead(const char *s, size_t len, pattern_dateline *m);

/* Who signs a story, as printed in the brackets closing it (s is what
 * the brackets hold): names with role words ("本报记者 X 整理"), a unit
 * and a post before a name ("县畜牧兽医站　龚德明"), a byline without
 * names ("本版编辑部"), a unit that supplied the story ("…中心供稿"),
 * each maybe after a source clause ("摘自…，"). On a match *start is
 * where the signer starts (after the source clause). */
bool pattern_match_signature(const char *s, size_t len, size_t *start);

/* A paragraph closing with its author in parentheses: "…说。(张三 李四)".
 * On a match *paren is where the parenthesis starts and the names are
 * s[*names_start, *names_end). */
bool pattern_match_trailing_byline(const char *s, size_t len, size_t *paren,
				   size_t *names_start, size_t *names_end);
/* "…获特等奖。（化工学院）": a unit alone (3 to 10 Han characters ending
 * in a unit's word, pattern_is_signed_unit) in the brackets closing a
 * paragraph's last sentence; too weak alone to sign a story (a source
 * is printed so too): the parser takes it on a page whose other stories
 * are signed in such brackets. */
bool pattern_match_trailing_unit(const char *s, size_t len, size_t *paren,
				 size_t *unit_start, size_t *unit_end);

/* Where the photo credit of a caption starts ("张三 摄", "本报记者 李四 摄",
 * "王五 供图"), or len when the text has none. The credit may be the whole
 * text. */
size_t pattern_credit_start(const char *s, size_t len);

typedef enum pattern_jump_kind {
	PATTERN_JUMP_NONE,
	PATTERN_JUMP_TO,        /* ■下转第4版: continued on page 4 */
	PATTERN_JUMP_FROM,      /* (上接第1版): continued from page 1 */
	PATTERN_JUMP_SEE,       /* 详见第2版: a teaser for page 2 */
} pattern_jump_kind;

/* A jump line (the whole line): kind and the page number it names. */
pattern_jump_kind pattern_match_jump(const char *s, size_t len, int *page);

/* A jump line closing a paragraph after its last sentence: "…落实。（下转
 * 第二版）", or after a comma when the story goes on elsewhere ("…数据
 * 库，（下转第4版）"). Returns where the jump starts (its bracket), or
 * len when the paragraph ends otherwise. */
size_t pattern_trailing_jump(const char *s, size_t len);

/* A page header: a short line naming the page ("第2版 要闻",
 * "2025年8月28日 星期四 第3版"). Sets *page to the number printed. */
bool pattern_is_page_header(const char *s, size_t len, int *page);

/* A running header or footer: a short line made only of the fields a
 * paper prints around its pages (its name, the date, the weekday, the
 * page label 第3版/A04/B2版, the issue 第36期, the editors 责编 李明, a
 * section name), in any order and spacing. pattern_match_header scores
 * the fields of any line; pattern_is_running_header says whether they
 * make a header. */
enum { PATTERN_HF_DATE = 2 };           /* the weight of a date */
typedef struct pattern_header {
	int score;              /* the weights of the fields found */
	int fields;             /* fields found */
	int others;             /* words that are no field */
	int long_names;         /* ... of them, Han words of 9 to 12 characters */
	int words;              /* words (fields may be glued in one) */
	bool page;              /* a page label was found */
	const char *label;      /* the page label, when found (inside the line) */
	size_t label_len;
} pattern_header;
void pattern_match_header(const char *s, size_t len, pattern_header *h);
bool pattern_is_running_header(const char *s, size_t len, pattern_header *h);
/* "首页　|　往期回顾　|　PDF下载", "江城日报数字报": a line of an e-paper
 * site's own (its links between pages, its masthead), a running header
 * whose words name no story's. */
bool pattern_is_epaper_chrome(const char *s, size_t len);
/* "楼主　发表于 2026-11-28 21:14": a forum post's poster and time. */
bool pattern_forum_post(const char *s, size_t len);

/* "2026/12/3 07:05 - 金孔雀日报 杨编辑: 瓦城华校…", "[2026/12/3 07:05:12]
 * 陈美玲: 好的": a message of a chat's export (WhatsApp's, a phone's):
 * the sender's date and time, the sender, the message. *msg gets where the
 * message starts, *sender whether a sender is named (none: the chat's own
 * notice). NULLs allowed. */
bool pattern_chat_message(const char *s, size_t len, size_t *msg, bool *sender);

/* A mailed edition's own lines: the way to its copy on the web ("如邮件
 * 无法正常显示，请点击查看网页版：" with its address or without), its
 * notice to the subscriber ("您收到这封邮件，是因为您订阅了…", "如需退订，
 * 请回复…"), the header of the mail as a reader's program prints it
 * ("发件人：X", "---------- 转发的邮件 ----------"; "主题：" and "日期："
 * are fields of other things too: PATTERN_MAIL_FIELD, a header's only
 * under its sender). PATTERN_MAIL_NONE when it is none of them. */
typedef enum {
	PATTERN_MAIL_NONE, PATTERN_MAIL_WEB_COPY, PATTERN_MAIL_SUBSCRIBER, PATTERN_MAIL_HEADER, PATTERN_MAIL_FIELD
} pattern_mail;
pattern_mail pattern_mail_chrome(const char *s, size_t len);
/* Only whether it is the word to the subscriber (a cheaper look). */
bool pattern_mail_subscriber(const char *s, size_t len);

/* A line of the page's contents: "本期导读：X｜Y｜Z", a label of
 * contents (导读, 要目, 目录, 看点, 提要), its colon, then titles set
 * apart by bars or marks and no sentence. */
bool pattern_contents_line(const char *s, size_t len);

/* A page's own note at its foot (本版稿件如涉及…, 投稿邮箱：x@y.z,
 * 本报热线：027-…): the page named as the subject, or a mail address, web
 * address or telephone number (after its label, or an area code after
 * any colon) with a word by which the paper names itself (本报, 本刊, 投稿,
 * 刊登, 编辑部); its imprint (编印：, 版权所有：, 内部资料 standing alone);
 * its circulation list (报：…送：…发：…); or the paper as the subject of
 * a line that is no sentence, dateline or byline (本刊所登…, 本报订阅：). */
bool pattern_page_note(const char *s, size_t len);

/* A paper's name: 2 to 10 characters ending in 报, 刊, 日报, 時報…
 * (`chars` is the number of characters of [p, end)). */
bool pattern_is_paper_name(const char *p, const char *end, int chars);

/* A number as printed in a jump line or page name: ASCII digits, full-width
 * digits or Chinese numerals up to 99. Returns bytes read (0 if none). */
size_t pattern_number(const char *s, size_t len, int *value);

#endif
