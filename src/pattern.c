/* pattern.c — newspaper conventions; see pattern.h. */
#include "pattern.h"
#include "script.h"
#include "text.h"
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

/* Both scripts. The words of this file are written in simplified
 * characters; a page in traditional ones (記者, 攝, 本報訊, 下轉) matches
 * them through the search fold of script.h, one character to one (the
 * same length in bytes for all of these words), asked of OpenCC only for
 * the characters met where a word could start. */
static uint32_t dec3(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

/* The fold of the BMP characters met so far (0: not asked yet): a table
 * lookup, as words are compared at almost every position of a page.
 * pattern_ready fills it whole before a second thread parses. */
static uint16_t fold_cache[0x10000];

/* Fills a lazily made table of this file (char_set, first_filter) when
 * two threads parse at once; fold_cache is filled by pattern_ready. */
static pthread_mutex_t lazy_mu = PTHREAD_MUTEX_INITIALIZER;

static inline uint32_t fold3(const char *p)
{
	uint32_t c = dec3(p);
	if (!fold_cache[c]) {
		uint32_t t = script_fold_lazy(c);
		fold_cache[c] = (uint16_t)(t < 0x10000 ? t : c);
	}
	return fold_cache[c];
}

void pattern_ready(void)
{
	script_fold_ready();
	for (uint32_t c = 0x800; c < 0x10000; c++)
		if (!fold_cache[c]) {
			uint32_t t = script_fold_lazy(c);
			fold_cache[c] = (uint16_t)(t < 0x10000 ? t : c);
		}
}

/* The n bytes of a number at p as long as its ASCII form: a full-width
 * figure (２０２６, EF BC 90..99) counts one, as 2026's do. */
static size_t narrow_len(const char *p, size_t n)
{
	size_t k = n;
	for (size_t i = 0; i + 2 < n; i++)
		if ((unsigned char)p[i] == 0xEF && (unsigned char)p[i + 1] == 0xBC && (unsigned char)p[i + 2] >= 0x90 &&
		    (unsigned char)p[i + 2] <= 0x99)
			k -= 2, i += 2;
	return k;
}

/* A capital letter at p, ASCII or full-width (Ａ, EF BC A1..BA): its bytes, or 0. */
static size_t capital_at(const char *p, const char *end)
{
	if (p < end && *p >= 'A' && *p <= 'Z')
		return 1;
	return end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] >= 0xA1 &&
	       (unsigned char)p[2] <= 0xBA ? 3 : 0;
}

/* s[0, len) with its full-width letters and digits (Ａ０, U+FF10..FF19,
 * FF21..FF3A, FF41..FF5A) and a division slash (∕) as ASCII, into buf
 * with at[k] the offset in s of buf[k]: the length, or 0 when the line
 * holds none or is too long. */
static size_t narrow_forms(const char *s, size_t len, char *buf, uint16_t *at, size_t cap)
{
	if (!memchr(s, 0xEF, len) && !util_find(s, len, "\xe2\x88\x95", 3))
		return 0;       /* (most lines: no full-width form at all) */
	size_t n = 0;
	bool any = false;
	for (size_t i = 0; i < len; n++) {
		if (n >= cap)
			return 0;
		const unsigned char *u = (const unsigned char *)s + i;
		/* "記者李承翰∕新竹報導": a PDF's division slash (U+2215) for / */
		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x95) {
			buf[n] = '/';
			at[n] = (uint16_t)i;
			i += 3;
			any = true;
			continue;
		}
		if (i + 2 < len && u[0] == 0xEF && ((u[1] == 0xBC && ((u[2] >= 0x90 && u[2] <= 0x99) || (u[2] >= 0xA1 && u[2] <= 0xBA))) ||
						    (u[1] == 0xBD && u[2] >= 0x81 && u[2] <= 0x9A))) {
			buf[n] = (char)(u[1] == 0xBC ? u[2] - 0x90 + (u[2] <= 0x99 ? '0' : 'A' - 0x11) : u[2] - 0x81 + 'a');
			at[n] = (uint16_t)i;
			i += 3;
			any = true;
			continue;
		}
		buf[n] = s[i];
		at[n] = (uint16_t)i++;
	}
	return any ? n : 0;
}

/* s[0, n) is w[0, n), a traditional character of s read as simplified. */
static inline __attribute__((always_inline)) bool eq_folded(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)w[i];
		if (c < 0x80) {
			if (s[i] != w[i])
				return false;
			i++;
			continue;
		}
		size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (i + k > n)
			return false;
		bool same = s[i] == w[i] && s[i + 1] == w[i + 1] &&
			    (k < 3 || s[i + 2] == w[i + 2]) && (k < 4 || s[i + 3] == w[i + 3]);
		if (!same && (k != 3 || ((unsigned char)s[i] & 0xF0) != 0xE0 || fold3(s + i) != dec3(w + i)))
			return false;
		i += k;
	}
	return true;
}

/* The first occurrence of w in s[0, n), read as eq_folded reads. */
static const char *find_folded(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);
	for (size_t i = 0; i + wn <= n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && eq_folded(s + i, w, wn))
			return s + i;
	return NULL;
}

/* A set of BMP characters, one bit each, filled from a string of them
 * at its first use: a lookup per character instead of a search of the
 * string (names and role words are checked at most lines of a page). */
typedef struct char_set {
	const char *chars;
	atomic_bool ready;              /* the bits are filled (published) */
	uint8_t bits[0x10000 / 8];
} char_set;

__attribute__((noinline))
static void char_set_fill(char_set *cs)
{
	pthread_mutex_lock(&lazy_mu);
	if (!atomic_load_explicit(&cs->ready, memory_order_relaxed)) {
		const char *p = cs->chars, *end = p + strlen(p);
		while (p < end) {
			uint32_t c;
			p += text_decode(p, end, &c);
			if (c < 0x10000)
				cs->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
		}
		atomic_store_explicit(&cs->ready, true, memory_order_release);
	}
	pthread_mutex_unlock(&lazy_mu);
}

static inline bool char_set_has(char_set *cs, uint32_t cp)
{
	if (!atomic_load_explicit(&cs->ready, memory_order_acquire))
		char_set_fill(cs);
	return cp < 0x10000 && (cs->bits[cp >> 3] >> (cp & 7) & 1);
}

/* The character at s (n bytes, s a Han character) in simplified form,
 * in the set. */
static bool char_set_has_folded(char_set *cs, const char *s, size_t n)
{
	uint32_t cp = n == 3 ? fold3(s) : 0;
	if (n != 3) {
		if (text_decode(s, s + n, &cp) != (int)n)
			return false;
	}
	return char_set_has(cs, cp);
}

/* Role words that introduce names in a byline or a credit, longest first
 * so that "本报记者" is not read as "本报" + "记者". */
static const char *const roles[] = {
	"本报特约记者", "本报通讯员", "本报实习生", "新华社记者", "中新社记者",
	"本报记者", "特约记者", "见习记者", "实习记者", "首席记者", "特派记者",
	"通讯员", "实习生", "摄影记者", "记者", "评论员", "特约撰稿人", "撰稿人", "撰稿", "摄影", "文/图", "文／图",
	"文、图：", "文、图:", "文图：",
	"文/", "文／", "图/", "图／", "文|", "文｜", "图|", "图｜", "报道", "采写", "撰文", "文：", "文:", "图：", "图:",
	"文︰", "圖︰",     /* (Hong Kong's colon, the vertical form) */
};

/* An army paper's soldiers sign with their rank ("上等兵　X"), a table
 * of its own so that the many lines opening with 上 or 下 are not read
 * against every role. */
static const char *const ranks[] = {
	"上等兵", "列兵", "下士", "中士", "上士", "少尉", "中尉", "上尉", "少校", "中校", "上校",
};
static char_set rank_starts = { "上列下中少", false, { 0 } };

/* Whole bylines without names. */
static const char *const anonymous[] = {
	"佚名", "本报评论员", "特约评论员", "本报编辑部", "本版编辑部", "本刊编辑部", "编辑部",
};

/* Family names (the common single-character ones, the first characters of
 * compound ones, and frequent first syllables of Mongolian and other
 * minority names): a line of bare names is trusted only when each name
 * starts with one. */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
	"余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
	"龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
	"鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
	"骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
	"戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
	"丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼"
	"盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云"
	"容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉"
	"银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由其上东"
	"皇令宇长端独轩澹扎额达图宝布萨娜塔热买努格斯傅洪阎赖凤钮滑郦鄂竺贡巢宓濮殳蔚郗邴糜蓟荀"
	"朝";

static char_set surname_set = { surnames, false, { 0 } };

static bool starts_with_surname(const char *s, const char *end)
{
	uint32_t cp;
	int n = text_decode(s, end, &cp);
	return text_is_han(cp) && char_set_has_folded(&surname_set, s, (size_t)n);
}

/* Markers printed before a byline: "□张三". */
static const char *const byline_marks[] = { "□", "◎", "■", "○", "●", "◆" };

static inline __attribute__((always_inline)) uint32_t first_cp_of(const char *s, const char *end)
{
	uint32_t cp;
	text_decode(s, end, &cp);
	return cp;
}

static inline __attribute__((always_inline)) size_t utf8_len(const char *s, const char *end)
{
	uint32_t cp;
	return (size_t)text_decode(s, end, &cp);
}

static inline __attribute__((always_inline)) bool starts_with(const char *s, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);
	return (size_t)(end - s) >= n && eq_folded(s, prefix, n);
}

/* The first characters of a table's words as two 64-bit filters (three-
 * byte ones decoded, the first byte of the others), made at the table's
 * first use: most lines start with a character no word starts with, and
 * are then sent away without reading the words. The first character and
 * length of each word are kept too (for tables of up to FILTER_WORDS):
 * a line that passes compares numbers, not the words. The tables are
 * static. */
enum { FILTER_WORDS = 48 };
typedef struct first_filter {
	_Atomic(const char *const *) words;     /* NULL: a free slot (published last) */
	size_t n;
	uint64_t han3, byte;
	bool keyed;
	uint32_t key[FILTER_WORDS];     /* the first character; 0: not three bytes */
	uint8_t len[FILTER_WORDS];
} first_filter;

static inline uint64_t filter_bit(uint32_t c)
{
	return (uint64_t)1 << ((c * 0x9E3779B1u) >> 26);
}

static first_filter filter_slots[64];

/* The slot of words (starting the search at i), or the free slot where
 * it would go (*free_slot), or NULL when all 64 are others'. */
static first_filter *filter_find(const char *const *words, size_t n, size_t i, first_filter **free_slot)
{
	*free_slot = NULL;
	for (size_t tries = 0; tries < 64; tries++, i = (i + 1) & 63) {
		first_filter *f = &filter_slots[i];
		const char *const *w = atomic_load_explicit(&f->words, memory_order_acquire);
		if (w == words && f->n == n)
			return f;
		if (!w) {
			*free_slot = f;
			return NULL;
		}
	}
	return NULL;
}

__attribute__((noinline))
static const first_filter *filter_make(const char *const *words, size_t n, size_t i)
{
	pthread_mutex_lock(&lazy_mu);
	first_filter *f, *slot;
	if ((f = filter_find(words, n, i, &slot)) != NULL || !slot) {
		pthread_mutex_unlock(&lazy_mu);
		return f;
	}
	f = slot;
	f->n = n;
	f->keyed = n <= FILTER_WORDS;
	f->han3 = f->byte = 0;
	for (size_t k = 0; k < n; k++) {
		const char *w = words[k];
		size_t wl = strlen(w);
		if (wl > UINT8_MAX)
			f->keyed = false;
		bool e = ((unsigned char)w[0] & 0xF0) == 0xE0;
		if (e)
			f->han3 |= filter_bit(dec3(w));
		f->byte |= filter_bit((unsigned char)w[0]);
		if (k < FILTER_WORDS) {
			f->key[k] = e ? dec3(w) : 0;
			f->len[k] = (uint8_t)wl;
		}
	}
	atomic_store_explicit(&f->words, words, memory_order_release);
	pthread_mutex_unlock(&lazy_mu);
	return f;
}

static const first_filter *first_filter_of(const char *const *words, size_t n)
{
	size_t i = ((uintptr_t)words >> 3) & 63;
	first_filter *slot;
	const first_filter *f = filter_find(words, n, i, &slot);
	return f ? f : slot ? filter_make(words, n, i) : NULL;
}

/* If s starts with one of words[], returns its length, else 0. */
static size_t match_any(const char *s, const char *end, const char *const *words, size_t n)
{
	if (s >= end)
		return 0;
	/* the first character decides for most words (read through the fold
	 * of the other script): no strlen for them */
	bool han3 = end - s >= 3 && ((unsigned char)s[0] & 0xF0) == 0xE0;
	uint32_t c0 = han3 ? fold3(s) : 0;
	const first_filter *f = first_filter_of(words, n);
	if (f && (han3 ? !(f->han3 & (filter_bit(c0) | filter_bit(dec3(s))))
		       : !(f->byte & filter_bit((unsigned char)s[0]))))
		return 0;
	if (f && f->keyed) {
		uint32_t s0 = han3 ? dec3(s) : 0;
		for (size_t i = 0; i < n; i++) {
			uint32_t k = f->key[i];
			if (han3 && k) {
				if (k != c0 && k != s0)
					continue;
			} else if (words[i][0] != s[0]) {
				continue;
			}
			size_t wl = f->len[i];
			if ((size_t)(end - s) >= wl && eq_folded(s, words[i], wl))
				return wl;
		}
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		const char *w = words[i];
		if (han3 && ((unsigned char)w[0] & 0xF0) == 0xE0) {
			if (dec3(w) != c0 && dec3(w) != dec3(s))
				continue;
		} else if (w[0] != s[0]) {
			continue;
		}
		if (starts_with(s, end, w))
			return strlen(w);
	}
	return 0;
}

static bool is_middle_dot(uint32_t cp)
{
	return cp == 0xB7 || cp == 0x30FB || cp == 0x2022 || cp == 0xFF65;
}

/* Characters of grammar and administration that do not occur in personal
 * names; they keep "(详见附表)" or "青川市" from passing for names. */
static const char not_in_names[] =
	"的了是在与及或等见详附表版亿省市县局部厅委院届个号条这被把就还很说讯递";

static bool name_char(uint32_t cp, const char *c, size_t n)
{
	if (!text_is_han(cp))
		return false;
	static char_set set = { not_in_names, false, { 0 } };
	return n > 4 || !char_set_has_folded(&set, c, n);
}

bool pattern_is_name(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	int han = 0, dots = 0;
	bool dot_last = false;
	while (p < end) {
		uint32_t cp;
		const char *c = p;
		p += text_decode(p, end, &cp);
		if (name_char(cp, c, (size_t)(p - c))) {
			han++;
			dot_last = false;
		} else if (is_middle_dot(cp) && han > 0 && !dot_last) {
			dot_last = true;    /* 阿依古丽·买买提 */
			dots++;
		} else {
			return false;
		}
	}
	if (dot_last || han < 2)
		return false;
	return dots ? han <= 12 : han <= 4;
}

/* One whitespace-separated token of a byline: a role word (possibly glued
 * to a name), a name, or both. Sets *names to the names it holds. */
/* "本报驻开罗记者", "驻京记者": a correspondent posted somewhere. */
static size_t posted_role(const char *s, const char *end)
{
	const char *p = s;
	if (starts_with(p, end, "本报"))
		p += 6;
	if (!starts_with(p, end, "驻"))
		return 0;
	for (int chars = 0; p < end && chars < 10; chars++) {
		if (starts_with(p, end, "记者"))
			return (size_t)(p + 6 - s);
		p += utf8_len(p, end);
	}
	return 0;
}

static bool ends_with(const char *s, const char *end, const char *suffix);

/* The roles that end a longer role word: "全媒体记者", "融媒体记者",
 * "湘楚日报全媒体记者", "本刊记者", "本台通讯员". */
static const char *const core_roles[] = { "记者", "通讯员", "实习生", "评论员", "观察员" };

/* Characters of sentences (verbs, function words) that are never in the
 * words before a core role: "他告诉记者", "据记者" are no bylines. */
static const char not_in_roles[] = "的了是在对向告诉据和与跟随被让给请说问称接受介绍获悉采访位名";

/* A role word at s: one of roles[], 本报 + one of them, a posted
 * correspondent (本报驻开罗记者), or a few Han characters of the paper
 * or the medium before a core role (全媒体记者). Returns its length. */
/* The first characters of roles[] (and of 本报…, 驻…), and of core_roles[]:
 * most lines start with none of them, and are left at that. */
static char_set role_starts = { "本新中特见实首通摄记评撰文图报采驻", false, { 0 } };
static char_set core_starts = { "记通实评观", false, { 0 } };

/* A role word of the table at s (roles[], 本报 + one of them, 本报驻X记者). */
static size_t listed_role(const char *s, const char *end)
{
	if (end - s < 3 || ((unsigned char)*s & 0xF0) != 0xE0)
		return 0;
	uint32_t c = fold3(s);
	size_t r;
	if (char_set_has(&rank_starts, c) && (r = match_any(s, end, ranks, sizeof ranks / sizeof *ranks)))
		return r;
	if (!char_set_has(&role_starts, c))
		return 0;
	if ((r = match_any(s, end, roles, sizeof roles / sizeof *roles)))
		return r;
	if (starts_with(s, end, "本报") && (r = match_any(s + 6, end, roles, sizeof roles / sizeof *roles)))
		return r + 6;      /* 本报特派记者 */
	return posted_role(s, end);
}

/* "作者　X", "作者／X": the writer named as such, set apart from the
 * name by a space, a slash or a bar (glued, "作者简介" is a label; with a
 * colon, "作者：X" is as often a book's field over 出版社：, and the
 * e-paper's 作者： line is its furniture's, see furniture.h). */
static size_t writer_role(const char *s, const char *end)
{
	if (!starts_with(s, end, "作者"))
		return 0;
	const char *q = s + 6;
	return q == end || *q == '/' || *q == '|' || starts_with(q, end, "／") || starts_with(q, end, "｜") ||
			       text_is_space(first_cp_of(q, end)) ?
		       6 :
		       0;
}

static size_t role_at(const char *s, const char *end)
{
	size_t r = listed_role(s, end);
	if (r)
		return r;
	/* "21世纪经济报道记者": a medium's name may open with figures or
	 * capitals, Han characters after them */
	const char *p = s;
	while (p < end && p - s < 4 && ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z')))
		p++;
	if (end - p < 3 || ((unsigned char)*p & 0xF0) != 0xE0)
		return 0;
	if (p == s && (unsigned char)s[0] == 0xE4 && (unsigned char)s[1] == 0xBD && (unsigned char)s[2] == 0x9C &&
	    (r = writer_role(s, end)))
		return r;       /* 作 E4 BD 9C */
	static char_set set = { not_in_roles, false, { 0 } };
	for (int chars = (int)(p - s); p < end && chars < 10; chars++) {
		if (chars >= 2 && end - p > 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xB7) {
			p += 2;         /* "中青报·中青网记者": two media joined */
			continue;
		}
		if (end - p < 3 || ((unsigned char)*p & 0xF0) != 0xE0)
			return 0;
		uint32_t c = fold3(p);
		if (chars >= 1 && char_set_has(&core_starts, c)) {
			size_t k = match_any(p, end, core_roles, sizeof core_roles / sizeof *core_roles);
			if (k)
				return (size_t)(p - s) + k;
		}
		if (!text_is_han(c) || char_set_has(&set, c))
			return 0;
		p += 3;
	}
	return 0;
}

/* People who write to a paper, ending the word before their name:
 * "新华路居民 程德厚", "城西读者 何淑珍". */
static const char *const persons[] = {
	"读者", "居民", "市民", "村民", "网友", "职工", "农民", "家长", "教师", "老师", "学生", "工人",
	"党员", "干部", "志愿者", "群众", "退休职工", "听众", "观众", "渔民", "牧民",
};

/* ... and people a service serves, who sign a letter of thanks or
 * complaint ("乘客　林女士"); in brackets after a question they are who
 * asks as well as who writes, so only a signature's own line reads them. */
static const char *const patrons[] = { "乘客", "旅客", "游客", "顾客", "消费者", "业主", "车主", "患者" };

/* "文学院2023级", "实验小学四（2）班": the writer's school and year or
 * class, before the name; a student's degree may follow ("材料学院2024
 * 级硕士研究生", "化学系博士生"). */
static bool school_class(const char *s, const char *end)
{
	static const char *const degrees[] = { "硕士研究生", "博士研究生", "研究生", "硕士生", "博士生", "本科生" };
	/* (every degree ends in 生: most lines are left at that) */
	for (size_t k = 0; end - s > 6 && memcmp(end - 3, "生", 3) == 0 && k < sizeof degrees / sizeof *degrees; k++) {
		size_t n = strlen(degrees[k]);
		if ((size_t)(end - s) > n + 6 && ends_with(s, end, degrees[k])) {
			end -= n;
			if (ends_with(s, end, "学院") || ends_with(s, end, "學院") || ends_with(s, end, "系") ||
			    ends_with(s, end, "大学") || ends_with(s, end, "大學"))
				return true;
			break;
		}
	}
	static char_set year_ends = { "级届班", false, { 0 } };
	if (end - s < 9 || ((unsigned char)end[-3] & 0xF0) != 0xE0 || !char_set_has(&year_ends, fold3(end - 3)))
		return false;
	int han = 0, other = 0;
	for (const char *q = s; q < end;) {
		uint32_t cp;
		q += text_decode(q, end, &cp);
		if (text_is_han(cp))
			han++;
		else if (!((cp >= '0' && cp <= '9') || cp == 0xFF08 || cp == 0xFF09 || cp == '(' || cp == ')'))
			other++;
	}
	return han >= 3 && han <= 14 && !other;
}

/* "帕丽达·艾买提": a name transliterated with a middle dot, whose first
 * syllable is no family name of the table: a part of three characters or
 * more on one side of the dot ("手记·二则" is a label's two words). */
static bool middle_dot_in(const char *s, const char *end)
{
	int part = 0, longest = 0, dots = 0;
	for (const char *p = s; p < end; p += utf8_len(p, end)) {
		if (is_middle_dot(first_cp_of(p, end))) {
			dots++;
			part = 0;
		} else if (++part > longest) {
			longest = part;
		}
	}
	return dots && longest >= 3;
}

/* A pen name after a role and a slash: 2 to 4 Han characters, those of
 * places and offices among them ("叶三省"), not those of grammar
 * ("文·图说新闻" is a column's name). */
static bool pen_name(const char *s, const char *end)
{
	static char_set grammar = { "的了是在与及或等见详附表这被把就还很说讯递", false, { 0 } };
	int n = 0;
	for (const char *p = s; p < end; n++) {
		uint32_t cp;
		const char *c = p;
		p += text_decode(p, end, &cp);
		if (!text_is_han(cp) || char_set_has_folded(&grammar, c, (size_t)(p - c)))
			return false;
	}
	return n >= 2 && n <= 4;
}

/* After "〔加拿大溫哥華〕", "【美國】", "（温哥华）" at p (a place of a few
 * Han characters in brackets): the text after it; p when none is there. */
enum { BRACKETED_PLACE_MAX = 10 };
static const char *bracketed_place_end(const char *p, const char *end)
{
	uint32_t open;
	int k = text_decode(p, end, &open);
	uint32_t close = open == 0x3014 ? 0x3015 : open == 0x3010 ? 0x3011 : open == 0xFF08 ? 0xFF09 : open == '(' ? ')' : 0;
	if (!close)
		return p;
	int chars = 0;
	for (const char *q = p + k; q < end && chars <= BRACKETED_PLACE_MAX;) {
		uint32_t cp;
		int n = text_decode(q, end, &cp);
		if (cp == close)
			return chars >= 2 ? q + n : p;
		if (!text_is_han(cp))
			return p;
		q += n;
		chars++;
	}
	return p;
}

static bool minority_name(const char *s, const char *end);

static bool byline_token(const char *s, const char *end, int *names, bool after_role)
{
	const char *s0 = s;
	size_t r = role_at(s, end);
	/* "发自江西景德镇": where the reporter files from */
	if (!r && (starts_with(s, end, "发自") || starts_with(s, end, "發自")))
		return true;
	s += r;
	/* "文/本报记者 X": a role of the piece before the reporter's role */
	if (r && s < end)
		s += role_at(s, end);
	/* "图/主办方提供", "图/受访者提供": a photo's source, not a name */
	if (r && end - s >= 6 && end - s <= 30 && ends_with(s, end, "提供"))
		return true;
	/* "记者:张三", "记者｜张三", "本报记者／张三": the role set apart
	 * by a colon, a bar or a slash */
	if (r && s < end && (starts_with(s, end, ":") || starts_with(s, end, "：") || *s == '|' || starts_with(s, end, "｜") ||
			     *s == '/' || starts_with(s, end, "／")))
		s += (*s == ':' || *s == '|' || *s == '/') ? 1 : 3;
	/* "文／〔加拿大溫哥華〕陳美蓮": where the writer lives, in brackets */
	if (r && s < end)
		s = bracketed_place_end(s, end);
	if (s == end)
		return r > 0;
	/* "文／妙音", "记者：X": the role set apart from the name by a slash,
	 * a bar or a colon (a pen name need not open with a family name) */
	uint32_t sep = r && s > s0 ? first_cp_of(text_prev(s0, s), end) : 0;
	bool set_apart = sep == '/' || sep == 0xFF0F || sep == '|' || sep == 0xFF5C || sep == ':' || sep == 0xFF1A;
	/* "张三/文", "李四/摄" */
	const char *name_end = end;
	for (const char *q = s; q < end; q++) {
		if (*q == '/') {
			name_end = q;
			break;
		}
	}
	if (name_end != end) {
		const char *tail = name_end + 1;
		if (!(starts_with(tail, end, "文") || starts_with(tail, end, "图")) ||
		    tail + 3 != end)
			return false;
	}
	/* "文学院2023级": the writer's school and year, before the name */
	if (!r && school_class(s, end))
		return true;
	/* after a role set apart by a slash or a bar a pen name may hold
	 * any Han character ("文／叶三省"): the mark says a name follows */
	bool pen = sep == '/' || sep == 0xFF0F || sep == '|' || sep == 0xFF5C;
	if (!pattern_is_name(s, (size_t)(name_end - s)) && !(pen && pen_name(s, name_end)) &&
	    !((r || after_role) && minority_name(s, name_end)))
		return false;
	/* "读者", "市民": who the names are ("□ 读者　周小满"), not a name */
	if (!r && match_any(s, name_end, persons, sizeof persons / sizeof *persons) == (size_t)(name_end - s))
		return true;
	/* a name glued to its role word starts with a family name: "记者手记"
	 * is a column's label, "记者陈海峰" a byline */
	if (r && !set_apart && !starts_with_surname(s, name_end) && !middle_dot_in(s, name_end))
		return false;
	(*names)++;
	return true;
}

/* The end of the token at p: the next space or 、. */
static const char *token_end(const char *p, const char *end)
{
	while (p < end) {
		/* a whole character led by E4..E9 (U+4000..U+9FFF) is no
		 * space and no 、; an ASCII one is a space only as ' ' or \t */
		unsigned char b = (unsigned char)*p;
		if (b < 0x80) {
			if (b == ' ' || b == '\t')
				break;
			p++;
			continue;
		}
		if (b >= 0xE4 && b <= 0xE9 && end - p >= 3 && ((unsigned char)p[1] & 0xC0) == 0x80 &&
		    ((unsigned char)p[2] & 0xC0) == 0x80) {
			p += 3;
			continue;
		}
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (text_is_space(cp) || cp == 0x3001 || cp == 0xFF64)
			break;
		p += n;
	}
	return p;
}

/* Han characters in [p, end), or -1 when anything else is there. */
static int han_chars(const char *p, const char *end)
{
	int n = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!text_is_han(cp))
			return -1;
		n++;
	}
	return n;
}

/* Compound family names, and first syllables of minority names, that may
 * open a bare name of four characters ("欧阳明月", "扎西顿珠"); any other
 * four characters alone under a headline are more likely a label
 * ("史海钩沉", "公司速递"). */
static const char *const four_char_openings[] = {
	"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
	"令狐", "夏侯", "端木", "轩辕", "独孤", "南宫", "西门", "呼延", "澹台", "万俟", "申屠",
	"扎", "达", "格", "阿", "买", "努", "热", "巴", "乌", "哈", "图", "宝", "布", "萨", "斯", "额",
};

/* "乌云其其格", "格桑德吉玛": after a role word, a Mongolian or Tibetan
 * name of five or six Han characters written without a middle dot,
 * opening with one of the minority first syllables of
 * four_char_openings (those of one character), no character of grammar
 * or administration in it (name_char). */
static bool minority_name(const char *s, const char *end)
{
	if (end - s < 15 || end - s > 18 || han_chars(s, end) < 5)
		return false;
	size_t k = match_any(s, end, four_char_openings, sizeof four_char_openings / sizeof *four_char_openings);
	if (k != 3)
		return false;
	for (const char *p = s; p < end; p += 3)
		if (!name_char(fold3(p), p, 3))
			return false;
	return true;
}

/* A name printed alone (no role word): it opens with a family name, and
 * four characters only with a compound one. */
static bool bare_name(const char *s, const char *end)
{
	if (!starts_with_surname(s, end))
		return false;
	if (han_chars(s, end) != 4)
		return true;
	return match_any(s, end, four_char_openings, sizeof four_char_openings / sizeof *four_char_openings) > 0;
}

/* What the names of a byline did, printed after them: "黄俊杰 报道",
 * "易卫东 著", "张三 文", "云岭街道 供稿". */
static const char *const filings[] = {
	"报道", "报导", "撰文", "采写", "整理", "口述", "编著", "主编", "编译", "編譯", "供稿", "供图", "著", "译", "文",
};

/* "温哥华报道", "溫哥華報導": a place of one to six Han characters and
 * a filing word (报道, 报导, 報導), the token closing a byline. */
static bool filed_from(const char *p, const char *q)
{
	/* cheap first: the last character is 道, 导 or 導 */
	if (q - p < 9 || q - p > 24 || ((unsigned char)q[-3] & 0xF0) != 0xE0)
		return false;
	uint32_t z = fold3(q - 3);
	if ((z != 0x9053 && z != 0x5BFC) || !(ends_with(p, q, "报道") || ends_with(p, q, "报导")))
		return false;
	int n = han_chars(p, q - 6);
	return n >= 1 && n <= 6;
}

/* Calls byline_token on every token; true when all are byline tokens and
 * at least `min_names` names were seen. With `bare`, every name before
 * the first role word must look like a name printed alone (bare_name). */
static const char *post_in_brackets(const char *s, const char *end);
static const char *age_tail(const char *s, const char *end);

static bool byline_tokens_ex(const char *s, const char *end, int min_names, int *names_out, bool bare)
{
	int names = 0, tokens = 0;
	bool seen_role = false;     /* names after a role word are trusted */
	bool after_name = false;    /* the token before was a name alone */
	bool role_last = false;     /* the token before was a role word alone */
	const char *p = text_skip_space(s, end);
	while (p < end) {
		const char *q = token_end(p, end);
		if (++tokens > 10)
			return false;
		/* "■本报记者 X　■通讯员 Y": the mark again before the second
		 * role */
		size_t mk = tokens > 1 && (unsigned char)*p == 0xE2 ?
			    match_any(p, q, byline_marks, sizeof byline_marks / sizeof *byline_marks) : 0;
		if (mk && role_at(p + mk, q))
			p += mk;
		/* "龙 海", "梁　晓": a name spaced out a character at a time,
		 * maybe glued to its role set apart ("文/邹　岚") */
		size_t glued = 0;
		const char *fam = p;
		if (q - p > 3 && q - p <= 24 && q < end && starts_with_surname(q - 3, q)) {
			/* "通讯员：王　涛": the role set apart by a colon, a bar
			 * or a slash before the spaced family name */
			size_t r = role_at(p, q);
			const char *after = p + r;
			if (r && after < q - 3)
				after += (*after == ':' || *after == '|' || *after == '/') ? 1 :
					 (starts_with(after, q, "：") || starts_with(after, q, "｜") || starts_with(after, q, "／")) ? 3 : 0;
			if (r && after == q - 3) {
				glued = (size_t)(q - 3 - p);
				fam = q - 3;
			}
		}
		/* right after its role word a spaced name need not open with a
		 * family name of the table ("本报记者　央　金"): the role says a
		 * name follows */
		if (q - fam == 3 && han_chars(fam, q) == 1 && (starts_with_surname(fam, q) || (role_last && !glued)) &&
		    !role_at(fam, q)) {
			const char *r = text_skip_space(q, end), *re = token_end(r, end);
			int rn = han_chars(r, re);
			if (r > q && (rn == 1 || rn == 2) && !role_at(r, re)) {
				char buf[12];
				memcpy(buf, fam, 3);
				memcpy(buf + 3, r, (size_t)(re - r));
				if (pattern_is_name(buf, 3 + (size_t)(re - r))) {
					names++;
					after_name = !glued;
					role_last = false;
					seen_role |= glued > 0;
					/* "吕　晓、特约记者黄小舟": the next after 、 */
					if (starts_with(re, end, "、") || starts_with(re, end, "､"))
						re += 3;
					p = text_skip_space(re, end);
					continue;
				}
			}
		}
		/* "小记者 王子涵　指导老师 刘芳": the pupil's teacher after the
		 * pupil's name (alone, a teacher is no byline) */
		if (names && (starts_with(p, q, "指导老师") || starts_with(p, q, "指导教师"))) {
			p += 12;
			if (starts_with(p, q, "：") || starts_with(p, q, ":"))
				p += *p == ':' ? 1 : 3;
			p = text_skip_space(p, end);
			continue;
		}
		/* "记者 | 汪晓瑜": a bar alone between a role and its name */
		if (role_last && (q - p == 1 ? *p == '|' : starts_with(p, q, "｜") && q - p == 3)) {
			p = text_skip_space(q, end);
			continue;
		}
		/* "本报记者 唐雪松 整理": what the names did, after them */
		size_t fl = names ? match_any(p, q, filings, sizeof filings / sizeof *filings) : 0;
		if (fl && p + fl == q) {
			p = text_skip_space(q, end);
			after_name = false;
			continue;
		}
		/* "本报记者 叶嘉敏 温哥华报道": where the names filed from, a
		 * place and a filing word, after them (no name: the place is
		 * no person) */
		if (names && filed_from(p, q)) {
			p = text_skip_space(q, end);
			after_name = false;
			continue;
		}
		int before = names;
		/* "王子涵（实验小学四年级）　指导老师 X": a name with the
		 * writer's school or post in brackets, inside the byline */
		const char *open = q - p > 6 && (q[-1] == ')' || ((unsigned char)q[-1] == 0x89 && (unsigned char)q[-2] == 0xBC &&
							       (unsigned char)q[-3] == 0xEF)) ? post_in_brackets(p, q) : NULL;
		/* "读者　王桂兰，78岁": the writer's age after the name */
		const char *aged = !open && q - p > 9 && q == end ? age_tail(p, q) : NULL;
		if (!byline_token(p, open ? open : aged ? aged : q, &names, role_last) || (aged && names == before))
			return false;
		bool role = role_at(p, q) > 0;
		if (bare && names > before && !role && !seen_role && !bare_name(p, q))
			return false;
		/* a second person named right after a name (no role word
		 * between) opens with a family name as the first did: "记者
		 * 来到 现场" is a sentence, "记者 张晓岚 李卫东" two names;
		 * a pen name stands right after its role ("通讯员 清法宣") */
		if (names > before && !role && after_name && q - p >= 6 && q - p <= 9 && !starts_with_surname(p, q) &&
		    han_chars(p, q) >= 2)
			return false;
		after_name = names > before && !role;
		role_last = role && names == before;
		seen_role |= role;
		if (starts_with(q, end, "、") || starts_with(q, end, "､"))     /* "记者陈海峰、通讯员王一鸣" */
			q += 3;
		p = text_skip_space(q, end);
	}
	if (names_out)
		*names_out = names;
	return names >= min_names;
}

static bool byline_tokens(const char *s, const char *end, int min_names, int *names_out)
{
	return byline_tokens_ex(s, end, min_names, names_out, false);
}

static bool filed_byline(const char *s, const char *end);

static bool ends_with_any(const char *s, const char *end, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ends_with(s, end, words[i]))
			return true;
	return false;
}

/* "黄俊杰 报道", "易卫东 著　湖湘文艺出版社": names, then a filing word
 * (and the publisher of a book). */
static bool names_then_filing(const char *s, const char *end)
{
	/* the last character of a filing word or of a publisher */
	static char_set last_chars = { "道导写理述编著译文社司局", false, { 0 } };
	if (end - s < 6 || ((unsigned char)end[-3] & 0xF0) != 0xE0 || !char_set_has(&last_chars, fold3(end - 3)))
		return false;
	const char *last = text_trim_end(s, end), *ls = last;
	while (ls > s && !text_is_space(first_cp_of(text_prev(s, ls), last)))
		ls = text_prev(s, ls);
	if (ls > s && (ends_with(ls, last, "出版社") || ends_with(ls, last, "出版公司") || ends_with(ls, last, "书局")) &&
	    han_chars(ls, last) > 0 && han_chars(ls, last) <= 16) {
		last = text_trim_end(s, ls);    /* the publisher */
		ls = last;
		while (ls > s && !text_is_space(first_cp_of(text_prev(s, ls), last)))
			ls = text_prev(s, ls);
	}
	if (ls == s)
		return false;
	size_t fl = match_any(ls, last, filings, sizeof filings / sizeof *filings);
	if (!fl || ls + fl != last)
		return false;
	int names = 0;
	return byline_tokens_ex(s, text_trim_end(s, ls), 1, &names, true) && names <= 4;
}

/* "新华路居民　程德厚": a reader signing a letter; "县人民医院儿科　刘芳":
 * a writer signing with the unit they work in. */
static bool person_signature(const char *s, const char *end)
{
	const char *t = token_end(s, end);
	static char_set last_chars = { "者民友工长师生员部众客主", false, { 0 } };
	static char_set unit_ends = { "院科室处局部委所站队校厅社司办组会馆", false, { 0 } };
	if (t - s < 6 || ((unsigned char)t[-3] & 0xF0) != 0xE0)
		return false;
	uint32_t z = fold3(t - 3);
	if (!char_set_has(&unit_ends, z) && !char_set_has(&last_chars, z))
		return false;       /* cheap first: no signature ends so */
	int n = han_chars(s, t);
	/* "江州市第二人民医院营养科　刘芳": the writer's unit, then the name */
	bool unit = n >= 4 && n <= 16 && char_set_has(&unit_ends, z);
	if (!unit && (!char_set_has(&last_chars, z) || n < 2 || n > 12 ||
		      !(ends_with_any(s, t, persons, sizeof persons / sizeof *persons) ||
			ends_with_any(s, t, patrons, sizeof patrons / sizeof *patrons))))
		return false;
	const char *rest = text_skip_space(t, end);
	int names = 0;
	return rest > t && rest < end && byline_tokens_ex(rest, end, 1, &names, true) && names <= 2;
}

/* "江苏南京　王秀兰", "广东佛山　陈伯": a reader signs with the province
 * and the city (a provincial name first, at most 8 Han characters), a
 * space, the name. */
static bool signing_name(const char *s, const char *end);

static bool class_then_name(const char *s, const char *end);

/* Cheap first for a signature: a space at most 4 characters from the
 * end, before the name ("…班　周可欣", "江苏南京 王秀兰"). */
static bool name_after_space(const char *s, const char *end)
{
	for (const char *p = end - 3; p > s && end - p <= 15; p--)
		if (*p == ' ' || ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80))
			return true;
	return false;
}

static bool place_then_name(const char *s, const char *end)
{
	static const char *const provinces[] = {
		"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
		"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
		"四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
	};
	static char_set firsts = { "北天河山内辽吉黑上江浙安福湖广海重四贵云西陕甘青宁新台香澳", false, { 0 } };
	/* cheap first: a Han character that opens a province's name */
	if (end - s < 12 || end - s > 60 || ((unsigned char)*s & 0xF0) != 0xE0 || !name_after_space(s, end) ||
	    !char_set_has(&firsts, fold3(s)) ||
	    !match_any(s, end, provinces, sizeof provinces / sizeof *provinces))
		return false;
	const char *t = token_end(s, end);
	int n = han_chars(s, t);
	if (n < 2 || n > 8 || t - s != 3 * n)
		return false;
	const char *rest = text_skip_space(t, end);
	return rest > t && rest < end && signing_name(rest, end);
}

/* "78岁": a writer's age (one to three figures, then 岁), as a letter is
 * signed with it; where it ends, or s when [s, end) opens with none. */
static const char *age_at(const char *s, const char *end)
{
	const char *p = s;
	int digits = 0;
	while (p < end && digits < 4) {
		if (*p >= '0' && *p <= '9')
			p++;
		else if (starts_with(p, end, "０") || (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
						      (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99))
			p += 3;
		else
			break;
		digits++;
	}
	if (!digits || digits > 3 || !(starts_with(p, end, "岁") || starts_with(p, end, "歲")))
		return s;
	return p + 3;
}

/* "王桂兰，78岁": a name, a comma and the writer's age ending the token;
 * where the comma stands, or NULL. */
static const char *age_tail(const char *s, const char *end)
{
	for (const char *p = s; p < end; p += utf8_len(p, end))
		if (starts_with(p, end, "，") || *p == ',') {
			const char *a = p + (*p == ',' ? 1 : 3);
			return a < end && age_at(a, end) == end ? p : NULL;
		}
	return NULL;
}

/* A byline followed by the writer's post in brackets: "王晓岚（市中医院
 * 急诊科护士长）". Returns where the bracket opens, or NULL. */
static const char *post_in_brackets(const char *s, const char *end)
{
	const char *last = text_prev(s, end);
	if (!(*last == ')' || starts_with(last, end, "）")))
		return NULL;
	const char *comma = NULL;
	for (const char *p = last; p > s && last - p < 90;) {
		p = text_prev(s, p);
		uint32_t cp;
		text_decode(p, last, &cp);
		if (cp == 0xFF0C && !comma) {
			comma = p;      /* "（62岁，退休教师）": the age, then the post */
			continue;
		}
		if (cp == 0x3002 || cp == 0xFF0C || cp == ',' || cp == ')' || cp == 0xFF09 || cp == 0xFF61)
			return NULL;
		if (cp == '(' || cp == 0xFF08) {
			if (comma && age_at(p + (cp == '(' ? 1 : 3), comma) != comma)
				return NULL;
			return p > s ? p : NULL;
		}
	}
	return NULL;
}

static bool is_byline(const char *s, const char *end, bool bare, bool post);

/* "〔" (E3 80 94) at s: bytes only, no folding. */
static inline bool tortoise(const char *s, const char *end)
{
	return end - s >= 3 && (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x94;
}

/* A name that signs: 2 or 3 Han characters starting with a family name. */
static bool signing_name(const char *s, const char *end)
{
	int n = han_chars(s, end);
	return n >= 2 && n <= 3 && starts_with_surname(s, end) && pattern_is_name(s, (size_t)(end - s));
}

/* "国家气候中心　任　航": a name of two characters spaced out to the
 * width of three, a family name alone between spaces before the given
 * name [given, end). Returns where the family name starts, or NULL. */
static const char *spaced_family_name(const char *s, const char *unit_end, const char *given, const char *end)
{
	if (unit_end - s < 6 || han_chars(given, end) != 1)
		return NULL;
	uint32_t cp;
	text_decode(given, end, &cp);
	const char *fam = text_prev(s, unit_end);
	if (!name_char(cp, given, (size_t)(end - given)) || han_chars(fam, unit_end) != 1 ||
	    !starts_with_surname(fam, unit_end) || !text_is_space(first_cp_of(text_prev(s, fam), fam)))
		return NULL;
	return fam;
}

/* "全国政协委员、致公党中央委员　林若溪", "提案人：全国政协委员　韩松",
 * "江西省南昌市西湖区人民检察院　廖雨桐": who the writer is (a post, a
 * unit: Han words with 、 or ：), a space, the name. */
static bool unit_then_name(const char *s, const char *end)
{
	if (end - s > 90)
		return false;
	const char *sp = end;
	while (sp > s && !text_is_space(first_cp_of(text_prev(s, sp), end)))
		sp = text_prev(s, sp);
	const char *unit_end = text_trim_end(s, sp);
	const char *fam = spaced_family_name(s, unit_end, sp, end);
	if (fam)
		unit_end = text_trim_end(s, fam);
	else if (!signing_name(sp, end))
		return false;
	if (unit_end == s)
		return false;
	int chars = 0;
	for (const char *p = s; p < unit_end; chars++) {
		uint32_t cp;
		p += text_decode(p, unit_end, &cp);
		/* "建设路小学三年级（2）班": a class numbered in brackets */
		if (!text_is_han(cp) && cp != 0x3001 && cp != 0xFF64 && cp != 0xFF1A && cp != ':' && cp != 0xB7 &&
		    !(cp >= '0' && cp <= '9') && cp != 0xFF08 && cp != 0xFF09 && cp != '(' && cp != ')')
			return false;
	}
	return chars >= 3 && chars <= 24;
}

/* "建设路小学三年级（2）班　周可欣", "文学院2023级　宋知夏": a pupil or a
 * student signs with the class or the year (a unit ending in 班 or 级),
 * a space, the name. */
static bool class_then_name(const char *s, const char *end)
{
	if (end - s < 18 || end - s > 90 || !name_after_space(s, end))
		return false;
	const char *t = token_end(s, end);
	if (t - s < 12 || t - s > 72 || !(ends_with(s, t, "班") || ends_with(s, t, "级") || ends_with(s, t, "級")))
		return false;
	return unit_then_name(s, end);
}

/* "市老年病医院主任医师　钱　明", "中文系2024级　苏　晓": who the writer is, then the name, built from
 * parts. The name comes last (2 or 3 characters from a family name, or
 * spaced out: "钱　明"); before it, words that say who (Han characters,
 * digits, brackets, 、 and ：, spaces between them) whose last word
 * ends as a unit, a post or a class does. (A reader, 读者, signs a letter
 * as person_signature reads it, and asks in a Q&A: no byline there.) */
static bool who_then_name(const char *s, const char *end)
{
	static char_set sentence_chars = { "了告诉说称向让给请被把就还很这那吗呢吧", false, { 0 } };
	static char_set who_ends = { "院部局委厅馆会站队所办处司署科室校师员长任管理授家士官级班届系心问行", false, { 0 } };
	if (end - s > 90 || end - s < 12 || !name_after_space(s, end))
		return false;
	const char *sp = end;
	while (sp > s && !text_is_space(first_cp_of(text_prev(s, sp), end)))
		sp = text_prev(s, sp);
	const char *who_end = text_trim_end(s, sp);
	if (who_end == s)
		return false;
	const char *fam = spaced_family_name(s, who_end, sp, end);
	if (fam)
		who_end = text_trim_end(s, fam);
	else if (!signing_name(sp, end))
		return false;
	/* a post ends the words: 主任, 厂长, 书记 (记 alone ends 日记, 游记) */
	if (who_end - s < 6 || (!char_set_has_folded(&who_ends, who_end - 3, 3) && !ends_with(s, who_end, "书记")))
		return false;
	int chars = 0;
	for (const char *p = s; p < who_end;) {
		uint32_t cp;
		p += text_decode(p, who_end, &cp);
		if (text_is_space(cp))
			continue;
		if (!text_is_han(cp) && cp != 0x3001 && cp != 0xFF64 && cp != 0xFF1A && cp != ':' && cp != 0xB7 &&
		    !(cp >= '0' && cp <= '9') && cp != 0xFF08 && cp != 0xFF09 && cp != '(' && cp != ')')
			return false;
		/* "他告诉观察员　郑明": words of a sentence say no one's post */
		if (cp < 0x10000 && char_set_has(&sentence_chars, cp))
			return false;
		chars++;
	}
	return chars >= 2 && chars <= 24;
}

bool pattern_is_signed_unit(const char *s, size_t len)
{
	const char *end = text_trim_end(s, s + len);
	s = text_skip_space(s, end);
	if (s == end || end - s > 90 || (unsigned char)*s < 0xE0)
		return false;
	if (unit_then_name(s, end))
		return true;
	/* "化学学院", "云岭县委宣传部": a unit alone, a word ending in one
	 * (a medium, 据新华社, is a source, not a writer) */
	static char_set unit_ends = { "院部局委厅馆会站队所办处司署科室校", false, { 0 } };
	static char_set function_words = { "的了是在为對对向和与與被把将將这這那有据據图圖见見详詳", false, { 0 } };
	int n = han_chars(s, end);
	if (n < 3 || n > 12 || !(char_set_has_folded(&unit_ends, end - 3, 3) || ends_with(s, end, "中心")))
		return false;
	/* "本栏目由市儿童医院协办": who helped run a column, no writer */
	if (ends_with(s, end, "协办") || ends_with(s, end, "主办") || ends_with(s, end, "承办") ||
	    ends_with(s, end, "協辦") || ends_with(s, end, "主辦") || ends_with(s, end, "承辦"))
		return false;
	for (const char *p = s; p < end; p += 3)
		if (char_set_has_folded(&function_words, p, 3))
			return false;   /* "图为县人民医院": a sentence */
	return true;
}

/* "锻工车间　刘海生", "玄妙观　周信和": who the writer is (a post, a
 * unit), a space, the name; not a unit alone. */
bool pattern_is_unit_name(const char *s, size_t len)
{
	const char *end = text_trim_end(s, s + len);
	s = text_skip_space(s, end);
	/* "◇玄妙观　周信和": a mark may open the line, as it opens bylines */
	static const char *const marks[] = { "◇", "◆", "□", "■", "○", "●" };
	s = text_skip_space(s + match_any(s, end, marks, sizeof marks / sizeof *marks), end);
	if (s == end || (unsigned char)*s < 0xE0 || !name_after_space(s, end))
		return false;
	return unit_then_name(s, end);
}

/* "编译／杜若", "整理/陈默": a word of the writer's part, a slash, names. */
static bool slashed_role(const char *s, const char *end)
{
	/* the slash ('/' or the last byte of '／') in the first 5 characters */
	const char *p = s;
	if (end - s > 48 || (!memchr(s, '/', end - s < 16 ? (size_t)(end - s) : 16) &&
			     !memchr(s, 0x8F, end - s < 16 ? (size_t)(end - s) : 16)))
		return false;
	for (int chars = 0; p < end && chars < 4; chars++) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (!text_is_han(cp))
			break;
		p += n;
	}
	if (p == s || p - s < 6)
		return false;
	size_t sl = *p == '/' ? 1 : starts_with(p, end, "／") ? 3 : 0;
	if (!sl)
		return false;
	/* "责任编辑／何军", "校对／X": the page's desk, no writer of a story */
	static const char *const desk[] = { "责任编辑", "責任編輯", "编辑", "編輯", "责编", "責編", "美编", "美編",
					    "校对", "校對", "版式", "组版", "組版", "审读", "審讀", "主编", "主編" };
	for (size_t k = 0; k < sizeof desk / sizeof *desk; k++)
		if ((size_t)(p - s) == strlen(desk[k]) && memcmp(s, desk[k], (size_t)(p - s)) == 0)
			return false;
	const char *names = text_skip_space(p + sl, end);
	int count = 0;
	return names < end && byline_tokens_ex(names, end, 1, &count, true) && count <= 3 &&
	       starts_with_surname(names, end);
}

/* OCR's letter-spacing ("本 报 记 者   施 文 远", "本 报 讯 (记 者  邱
 * 岚)"): s copied into buf without the single spaces between characters,
 * at most cap bytes; at[j] is the offset in s of buf[j]. Returns the
 * bytes copied, or 0 when s is not letter-spaced: its first three
 * characters must be a space apart (a cheap test first), and the single
 * spaces must be at least a third as many as the other characters. */
static inline size_t lead_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t despace(const char *s, size_t len, char *buf, uint16_t *at, size_t cap)
{
	/* bytes only: most lines fail at the first character */
	size_t k = 0;
	for (int c = 0; c < 2; c++) {
		k += lead_len((unsigned char)s[k]);
		if (k + 1 >= len || s[k] != ' ' || s[k + 1] == ' ')
			return 0;
		k++;
	}
	size_t n = 0, single = 0, spaces = 0, chars = 0, i = 0;
	for (; i < len && n < cap; i++) {
		if (s[i] == ' ' && i > 0 && i + 1 < len && s[i - 1] != ' ' && s[i + 1] != ' ') {
			single++;
			continue;
		}
		spaces += s[i] == ' ';
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
		at[n] = (uint16_t)i;
		buf[n++] = s[i];
	}
	if (i < len && ((unsigned char)s[i] & 0xC0) == 0x80) {
		/* a character cut by the cap: its bytes go, lead byte too */
		while (n && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
			n--;
		if (n)
			n--;
	}
	if (single < 2 || single * 3 < chars - spaces)
		return 0;
	return n;
}

/* "By Zhang Wei", "By Liu Yang, Grade 10, No. 2 Middle School": an
 * English page's byline is "By" and capitalised words (a name, then who
 * the writer is), figures among them, commas between the parts. A
 * sentence that opens with "By" has a small word after it ("By the
 * end…", "By 2030,") or ends with its full stop. Small words (and, of)
 * may join the capitalised ones, no more than a third of them. */
static bool english_byline(const char *s, const char *end)
{
	if (end - s < 5 || end - s > 80 || s[0] != 'B' || s[1] != 'y' || s[2] != ' ')
		return false;
	uint32_t last = first_cp_of(text_prev(s, end), end);
	if (last == '.' || last == '!' || last == '?' || last == ',' || last == ':' || last == ';')
		return false;
	int words = 0, small = 0;
	for (const char *p = s + 3; p < end;) {
		while (p < end && (*p == ' ' || *p == ','))
			p++;
		const char *w = p;
		while (p < end && *p != ' ' && *p != ',')
			p++;
		if (w == p)
			break;
		bool cap = *w >= 'A' && *w <= 'Z', digit = *w >= '0' && *w <= '9';
		for (const char *c = w + 1; c < p; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			      *c == '.' || *c == '-' || *c == '\''))
				return false;
		if (!cap && !digit) {
			if (words == 0 || p - w > 3 || !(*w >= 'a' && *w <= 'z'))
				return false;
			small++;
		} else if (digit && words == 0) {
			return false;
		}
		if (++words > 10)
			return false;
	}
	return words >= 1 && small * 3 <= words;
}

/* Whether [s, end) holds a space, ASCII or ideographic. */
static bool has_space(const char *s, const char *end)
{
	return memchr(s, ' ', (size_t)(end - s)) || util_find(s, (size_t)(end - s), "　", 3);
}

/* Whether [s, end) holds a slash, '/' or '／'. */
static bool has_slash(const char *s, const char *end)
{
	return memchr(s, '/', (size_t)(end - s)) || util_find(s, (size_t)(end - s), "／", 3);
}

/* A byline built of parts, each a word of what its person did, a mark,
 * then who (口述：崔福田　整理：本报记者　龙　骧, 口述 蒲德贵　整理 本报记者
 * 戚 然, 报道／李俊杰　摄影／陈伟明); the part's word may also follow the
 * names after a slash (会刊记者　金戈／文　胡杨／摄), or join another
 * part's word with a dot (文·图／植物园科普部　甘　霖, 文．圖／記者 X). */
static const char *const piece_words[] = {
	"口述", "整理", "撰文", "采写", "执笔", "讲述", "文字", "摄影", "攝影", "記錄", "记录", "撰稿",
	"报道", "報導", "编译", "翻译", "文", "图", "圖",
};

/* The word of a part at p and the mark after it (a slash, bar or
 * colon; for a word of two characters, spaces will do): where who starts,
 * or NULL. */
static const char *piece_start(const char *p, const char *end)
{
	size_t w = match_any(p, end, piece_words, sizeof piece_words / sizeof *piece_words);
	if (!w)
		return NULL;
	const char *q = p + w;
	if (q < end && (*q == '/' || *q == '|' || *q == ':'))
		q++;
	else if (starts_with(q, end, "／") || starts_with(q, end, "｜") || starts_with(q, end, "："))
		q += 3;
	else if (w == 3 && (starts_with(q, end, "．") || starts_with(q, end, "·")) && role_at(q + (*q == '\xC2' ? 2 : 3), end))
		q += *q == '\xC2' ? 2 : 3;     /* "文．記者X", "圖·记者Y": the part, a dot, the role */
	else if (w < 6 || q == end || !text_is_space(first_cp_of(q, end)))
		return NULL;
	q = text_skip_space(q, end);
	return q < end ? q : NULL;
}

static bool piece_who(const char *s, const char *end)
{
	end = text_trim_end(s, end);
	return s < end && (is_byline(s, end, true, true) || unit_then_name(s, end) || who_then_name(s, end));
}

static bool pieces_byline(const char *s, const char *end)
{
	/* where each piece starts: after spaces, a part's word and its mark */
	const char *start[6];
	int n = 0;
	for (const char *p = s; p < end && n < 6;) {
		const char *q = p;
		while (q < end && !text_is_space(first_cp_of(q, end)))
			q += utf8_len(q, end);
		const char *next = text_skip_space(q, end);
		if (p == s || piece_start(p, end))
			start[n++] = p;
		p = next;
	}
	if (n < 2)
		return false;
	for (int k = 0; k < n; k++) {
		const char *pe = k + 1 < n ? start[k + 1] : end;
		const char *who = piece_start(start[k], pe);
		if (who ? !piece_who(who, pe) : (k > 0 || !is_byline(start[k], text_trim_end(s, pe), false, true)))
			return false;
	}
	return true;
}

/* "X／文　Y／摄": the part's word after the names; the line without them
 * (into buf) must be a byline. */
static bool names_then_piece(const char *s, const char *end)
{
	char buf[160];
	size_t n = 0;
	bool cut = false;
	for (const char *p = s; p < end && n + 4 < sizeof buf;) {
		size_t sl = *p == '/' ? 1 : starts_with(p, end, "／") ? 3 : 0;
		if (sl && n > 0) {
			static const char *const after[] = { "文", "图", "圖", "摄影", "攝影", "摄", "攝" };
			size_t w = match_any(p + sl, end, after, sizeof after / sizeof *after);
			const char *q = p + sl + w;
			if (w && (q == end || text_is_space(first_cp_of(q, end)))) {
				buf[n++] = ' ';
				p = q;
				cut = true;
				continue;
			}
		}
		buf[n++] = *p++;
	}
	if (!cut || n + 4 >= sizeof buf)
		return false;
	const char *be = text_trim_end(buf, buf + n);
	return is_byline(buf, be, false, true);
}

/* "文·图／X", "文．圖／X", "文．攝影／X": two parts' words joined by a dot
 * read as 文／X. */
static bool joined_parts(const char *s, const char *end)
{
	if (!starts_with(s, end, "文"))
		return false;
	const char *p = s + 3;
	static const char *const dots[] = { "·", "．", "・", "、", "､", "&" };
	static const char *const pictures[] = { "图", "圖", "摄影", "攝影" };
	size_t d = match_any(p, end, dots, sizeof dots / sizeof *dots);
	size_t w = d ? match_any(p + d, end, pictures, sizeof pictures / sizeof *pictures) : 0;
	if (!w)
		return false;
	const char *q = p + d + w;
	char buf[160];
	if (end - q + 6 > (long)sizeof buf)
		return false;
	memcpy(buf, "文／", 6);
	if (starts_with(q, end, "／") || starts_with(q, end, "："))
		q += 3;
	else if (q < end && (*q == '/' || *q == ':'))
		q++;
	q = text_skip_space(q, end);
	memcpy(buf + 6, q, (size_t)(end - q));
	return q < end && is_byline(buf, buf + 6 + (end - q), false, true);
}

static bool byline_line(const char *s, size_t len, bool bare);

/* A byline that prints its figures or letters in full-width forms
 * ("文／外国语学院２０２４级　蒋书瑶") is read as the same line in ASCII. */
/* "记者 吴家豪摄": a name with the credit's 摄 glued to it is a photo's
 * credit, no byline (no name ends in 摄). */
static bool glued_credit(const char *s, size_t len)
{
	const char *end = text_trim_end(s, s + len);
	if (end - s >= 3 && (ends_with(s, end, "）") || end[-1] == ')'))
		end -= end[-1] == ')' ? 1 : 3;
	if (!(ends_with(s, end, "摄") || ends_with(s, end, "攝")) || end - s < 9)
		return false;
	uint32_t cp;
	text_decode(text_prev(s, end - 3), end - 3, &cp);
	return text_is_han(cp);
}

bool pattern_is_byline(const char *s, size_t len, bool bare)
{
	if (glued_credit(s, len))
		return false;
	if (byline_line(s, len, bare))
		return true;
	char buf[240];
	uint16_t at[240];
	size_t n = len <= 240 ? narrow_forms(s, len, buf, at, sizeof buf) : 0;
	return n && byline_line(buf, n, bare);
}

static bool byline_line(const char *s, size_t len, bool bare)
{
	const char *end = text_trim_end(s, s + len);
	s = text_skip_space(s, end);
	if (s == end || end - s > 160)
		return false;
	/* "本报评论员文章", "本刊特约评论员文章": the kind of the piece, its
	 * label (文章 is no name there) */
	if (end - s > 15 && memcmp(end - 3, "章", 3) == 0 && (ends_with(s, end, "评论员文章") || ends_with(s, end, "評論員文章")))
		return false;
	/* "‧梁啓明‧": a columnist's name between dots (three or four
	 * characters: "·东盟·" may be a label) */
	static const char *const dots[] = { "‧", "·", "・", "•" };
	size_t d = match_any(s, end, dots, sizeof dots / sizeof *dots);
	size_t z = 0;
	for (size_t k = 0; d && k < sizeof dots / sizeof *dots && !z; k++)
		if ((size_t)(end - s) > d + strlen(dots[k]) && ends_with(s, end, dots[k]))
			z = strlen(dots[k]);
	if (d && z) {
		const char *in = text_skip_space(s + d, end - z), *ie = text_trim_end(in, end - z);
		int n = in < ie ? han_chars(in, ie) : 0;
		if (n >= 3 && n <= 4 && (size_t)(ie - in) == (size_t)n * 3 && bare_name(in, ie) &&
		    pattern_is_name(in, (size_t)(ie - in)))
			return true;
	}
	if (*s == 'B' && english_byline(s, end))
		return true;
	/* "【記者X／高雄報導】", "〔記者X／台中報導〕": a byline wholly in
	 * brackets, on a line of its own */
	if (end - s > 6 && ((starts_with(s, end, "【") && ends_with(s, end, "】")) ||
			    (starts_with(s, end, "〔") && ends_with(s, end, "〕"))) &&
	    role_at(s + 3, end - 3))
		return is_byline(s + 3, end - 3, false, true);
	if (end - s <= 120 && is_byline(s, end, bare, true))
		return true;
	/* a line of parts opens with a part's word or a role word, its
	 * parts set apart by spaces (文·图／X may have one part) */
	if (end - s <= 120 && (unsigned char)*s >= 0xE0 &&
	    (joined_parts(s, end) ||
	     (has_space(s, end) && (piece_start(s, end) || (has_slash(s, end) && role_at(s, end))) &&
	      (pieces_byline(s, end) || names_then_piece(s, end)))))
		return true;
	char buf[160];
	uint16_t at[160];
	size_t n = despace(s, (size_t)(end - s), buf, at, sizeof buf);
	return n && n <= 120 && is_byline(buf, buf + n, bare, true);
}

/* "文 | 记者 X", "图 / X": the piece's role and a bar set apart by spaces
 * (markdown exports of web posts). Returns where the names start. */
static const char *spaced_role_bar(const char *s, const char *end)
{
	/* 文 E6 96 87, 图 E5 9B BE, 圖 E5 9C 96: most lines start with none */
	const unsigned char *b = (const unsigned char *)s;
	if (end - s < 5 || !((b[0] == 0xE6 && b[1] == 0x96 && b[2] == 0x87) ||
			     (b[0] == 0xE5 && ((b[1] == 0x9B && b[2] == 0xBE) || (b[1] == 0x9C && b[2] == 0x96)))))
		return NULL;
	const char *p = s;
	if (starts_with(p, end, "文/图") || starts_with(p, end, "文／图"))
		p += starts_with(p, end, "文/图") ? 7 : 9;
	else if (starts_with(p, end, "文") || starts_with(p, end, "图"))
		p += 3;
	else
		return NULL;
	const char *q = text_skip_space(p, end);
	if (q == p || q >= end)
		return NULL;
	size_t bar = starts_with(q, end, "|") || starts_with(q, end, "/") ? 1 :
		     starts_with(q, end, "｜") || starts_with(q, end, "／") ? 3 : 0;
	if (!bar)
		return NULL;
	q = text_skip_space(q + bar, end);
	return q < end ? q : NULL;
}

/* "口述：X", "整理：本报记者 Y": the writer's part labelled with a
 * colon, then a byline or a unit and a name. */
/* The word of a part of a story that stands alone before who made it:
 * 文, 图, 文图 (bytes compared: is_byline is asked of most lines). */
static size_t part_word_at(const char *s)
{
	bool wen = memcmp(s, "文", 3) == 0;
	if (wen && (memcmp(s + 3, "图", 3) == 0 || memcmp(s + 3, "圖", 3) == 0))
		return 6;
	return wen || memcmp(s, "图", 3) == 0 || memcmp(s, "圖", 3) == 0 ? 3 : 0;
}

static const char *const part_labels[] = {
	"口述", "整理", "撰文", "采写", "执笔", "讲述", "文字", "摄影", "口述者", "記錄", "记录", "撰稿",
	"编译", "編譯", "翻译", "翻譯",
};

/* "　图/孟　哲", "　摄影／X": a second part's role after a space (the
 * photographer after the writer). Returns where it starts, or NULL. */
static const char *second_slashed_part(const char *s, const char *end, const char **names)
{
	static const char *const parts[] = { "图", "圖", "摄影", "攝影", "摄", "攝" };
	/* from each slash ('/' or '／') back over a part's word to a space */
	for (const char *q = s + 1; q < end; q++) {
		size_t sl = *q == '/' ? 1 : ((unsigned char)*q == 0xEF && end - q >= 3 && starts_with(q, end, "／")) ? 3 : 0;
		if (!sl)
			continue;
		for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
			size_t n = strlen(parts[k]);
			const char *p = q - n;
			if (p > s && memcmp(p, parts[k], n) == 0 && text_is_space(first_cp_of(text_prev(s, p), end))) {
				*names = text_skip_space(q + sl, end);
				return p;
			}
		}
		q += sl - 1;
	}
	return NULL;
}

/* "侨声日报记者林嘉欣旧金山报道", "新华社记者李明华盛顿报道", "記者陳大文報道":
 * a role word, the name (and the place it was filed from) glued
 * together, then 报道: Han characters only between them (2 to 9), the
 * name opening with a family name; a name alone is a name
 * (pattern_is_name: "记者调查报道" is none). */
static bool glued_filing(const char *s, const char *end)
{
	/* cheap first: the last character is 道 (E9 81 93) or 導 (E5 B0 8E) */
	const unsigned char *z = (const unsigned char *)end - 3;
	if (end - s < 18 || !((z[0] == 0xE9 && z[1] == 0x81 && z[2] == 0x93) || (z[0] == 0xE5 && z[1] == 0xB0 && z[2] == 0x8E)))
		return false;
	if (!(ends_with(s, end, "报道") || ends_with(s, end, "報導") || ends_with(s, end, "报导") ||
			      ends_with(s, end, "報道")))
		return false;
	size_t r = role_at(s, end - 6);
	if (!r || (!ends_with(s, s + r, "记者") && !ends_with(s, s + r, "記者")))
		return false;
	int n = han_chars(s + r, end - 6);
	if (n < 2 || n > 9 || !starts_with_surname(s + r, end - 6))
		return false;
	return n >= 4 || pattern_is_name(s + r, (size_t)(end - 6 - (s + r)));
}

/* "江南市", "云州市五华区": a place of 2 to 8 Han characters ending as
 * a place's name does (市 区 县 省 镇 乡 村 州). */
static bool place_word(const char *s, const char *end)
{
	static char_set place_ends = { "市区县省镇乡村州旗盟屯", false, { 0 } };
	int n = han_chars(s, end);
	return n >= 2 && n <= 8 && char_set_has_folded(&place_ends, end - 3, 3);
}

/* Cheap first for a reader's signature: the bytes of the second
 * character of who writes in (者 民 友 众 眾: 读者, 市民, 网友, 听众)
 * somewhere in [s, end). */
static bool writer_word_in(const char *s, const char *end)
{
	for (const unsigned char *b = (const unsigned char *)s; b + 3 <= (const unsigned char *)end; b++) {
		if (*b < 0xE4 || *b > 0xE8)
			continue;
		if ((b[0] == 0xE8 && b[1] == 0x80 && b[2] == 0x85) || (b[0] == 0xE6 && b[1] == 0xB0 && b[2] == 0x91) ||
		    (b[0] == 0xE5 && b[1] == 0x8F && b[2] == 0x8B) || (b[0] == 0xE4 && b[1] == 0xBC && b[2] == 0x97) ||
		    (b[0] == 0xE7 && b[1] == 0x9C && b[2] == 0xBE))
			return true;
	}
	return false;
}

/* "城西读者何淑珍", "新华路居民程德厚": a letter's signature set without
 * spaces, a place of 2 to 8 Han characters, who writes in (读者, 市民,
 * 居民, 村民, 网友, 听众, 观众), a name of 2 or 3 characters opening
 * with a family name; alone on a short line. */
static bool glued_reader(const char *s, const char *end)
{
	static const char *const writers[] = { "读者", "讀者", "市民", "居民", "村民", "网友", "網友", "听众", "聽眾", "观众", "觀眾" };
	if (end - s < 18 || end - s > 39)
		return false;
	if (!writer_word_in(s + 9, end - 6))
		return false;
	int n = han_chars(s, end);
	if (n < 6 || n > 13)
		return false;
	for (const char *p = s + 6; p + 6 < end && p - s <= 24; p += 3) {
		if (!match_any(p, end, writers, sizeof writers / sizeof *writers))
			continue;
		static char_set sentence_chars = { "的了是在对向告诉据和与跟随被让给请说问称谢致感", false, { 0 } };
		for (const char *q = s; q < p; q += 3)
			if (!name_char(fold3(q), q, 3) || char_set_has_folded(&sentence_chars, q, 3))
				return false;   /* "感谢读者…": words of a sentence */
		return signing_name(p + 6, end);
	}
	return false;
}

/* "读者　郑国伟　碧山": who writes in, the name, then where the writer
 * lives (a district of two to four Han characters), as papers of
 * Singapore and Malaysia sign a reader's letter. */
static bool reader_then_place(const char *s, const char *end)
{
	/* cheap first: a word of who writes in, two characters, then a space */
	const unsigned char *b = (const unsigned char *)s + 6;
	if (end - s < 18 || !(b[0] == ' ' || (b[0] == 0xE3 && b[1] == 0x80 && b[2] == 0x80)) ||
	    match_any(s, end, persons, sizeof persons / sizeof *persons) != 6)
		return false;
	const char *t = s + 6;
	const char *nm = text_skip_space(t, end), *ne = token_end(nm, end);
	const char *pl = text_skip_space(ne, end), *pe = token_end(pl, end);
	int n = han_chars(pl, pe);
	return nm > t && pl > ne && pe == text_trim_end(pl, end) && signing_name(nm, ne) && n >= 2 && n <= 4;
}

/* "省特产研究所　朴春梅　研究员": who the writer is, the name, then the
 * post after it (a word of 2 to 5 Han characters ending as a post does). */
static bool name_then_post(const char *s, const char *end)
{
	static char_set post_ends = { "员师长任授家士官", false, { 0 } };
	if (end - s < 21 || end - s > 90 || !char_set_has_folded(&post_ends, end - 3, 3))
		return false;
	const char *sp = end;
	while (sp > s && !text_is_space(first_cp_of(text_prev(s, sp), end)))
		sp = text_prev(s, sp);
	int n = han_chars(sp, end);
	if (sp == s || n < 2 || n > 5)
		return false;
	const char *who_end = text_trim_end(s, sp);
	return who_end > s && who_then_name(s, who_end);
}

/* "屏東市　林佳蓉（退休教師）": a place (place_word), a space, the name,
 * before the writer's post in brackets. */
static bool place_name(const char *s, const char *end)
{
	/* cheap first: a space before the name's 2 or 3 characters, the
	 * character before it ending a place's name */
	static char_set place_ends = { "市区县省镇乡村州縣區鄉", false, { 0 } };
	if (end - s < 15 || end - s > 45)
		return false;
	const char *sp = NULL;
	for (int n = 2; n <= 3 && !sp; n++) {
		const unsigned char *b = (const unsigned char *)end - 3 * n;
		if (b[-1] == ' ')
			sp = (const char *)b - 1;
		else if (b[-3] == 0xE3 && b[-2] == 0x80 && b[-1] == 0x80)
			sp = (const char *)b - 3;
	}
	while (sp && sp - s >= 9 && (sp[-1] == ' ' || ((unsigned char)sp[-3] == 0xE3 && (unsigned char)sp[-2] == 0x80 && (unsigned char)sp[-1] == 0x80)))
		sp -= sp[-1] == ' ' ? 1 : 3;    /* two spaces */
	if (!sp || sp - s < 6 || ((unsigned char)sp[-3] & 0xF0) != 0xE0 || !char_set_has_folded(&place_ends, sp - 3, 3))
		return false;
	const char *t = token_end(s, end);
	const char *rest = text_skip_space(t, end);
	return t > s && rest > t && rest < end && place_word(s, t) && signing_name(rest, end);
}

static bool is_byline(const char *s, const char *end, bool bare, bool post)
{
	/* "【記者許雅琪／高雄報導】", "〔記者X／台中報導〕" alone on a line:
	 * the byline in brackets */
	if (end - s > 6 && ((starts_with(s, end, "【") && ends_with(s, end, "】")) ||
			    (tortoise(s, end) && ends_with(s, end, "〕")))) {
		const char *in = text_skip_space(s + 3, end - 3), *in_end = text_trim_end(in, end - 3);
		return in < in_end && is_byline(in, in_end, false, false);
	}
	for (size_t i = 0; i < sizeof anonymous / sizeof *anonymous; i++)
		if ((size_t)(end - s) == strlen(anonymous[i]) && starts_with(s, end, anonymous[i]))
			return true;
	if (filed_byline(s, end) || glued_filing(s, end))
		return true;
	/* "【記者許雅琪／高雄報導】" alone on its line */
	if (end - s > 6 && ((starts_with(s, end, "【") && ends_with(s, end, "】")) ||
			    (tortoise(s, end) && ends_with(s, end, "〕"))) &&
	    filed_byline(s + 3, end - 3))
		return true;
	size_t pl = match_any(s, end, part_labels, sizeof part_labels / sizeof *part_labels);
	if (pl && (starts_with(s + pl, end, "：") || starts_with(s + pl, end, ":"))) {
		const char *q = text_skip_space(s + pl + (s[pl] == ':' ? 1 : 3), end);
		if (q < end && (is_byline(q, end, true, post) || unit_then_name(q, end)))
			return true;
	}
	const char *open;
	if (post && (open = post_in_brackets(s, end)) &&
	    (is_byline(s, text_trim_end(s, open), bare, false) || place_name(s, text_trim_end(s, open))))
		return true;
	/* "文　本报记者　温如玉": the part's word alone, set apart by a space
	 * as others set it by a slash, before a byline with its own role */
	size_t pw = end - s > 12 ? part_word_at(s) : 0;
	if (pw && text_is_space(first_cp_of(s + pw, end))) {
		const char *q = text_skip_space(s + pw, end);
		if (q < end && listed_role(q, end) && is_byline(q, end, false, post))
			return true;
		/* "文　周　舟": or a name alone, as printed alone (bare_name) */
		int names = 0;
		if (q < end && byline_tokens_ex(q, end, 1, &names, true) && names == 1)
			return true;
	}
	size_t mark = match_any(s, end, byline_marks, sizeof byline_marks / sizeof *byline_marks);
	if (mark) {
		/* "■省内", "■数字": a filled mark and a word head a section or
		 * a brief; names after one without a role word open with a
		 * family name. After □ a pen name may be anything ("□降措"). */
		int names = 0;
		bool hollow = mark == 3 && (unsigned char)s[2] == 0xA1;     /* □ E2 96 A1 */
		return byline_tokens_ex(s + mark, end, 1, &names, !hollow) ||
		       unit_then_name(text_skip_space(s + mark, end), end) ||
		       who_then_name(text_skip_space(s + mark, end), end);
	}
	const char *after_bar = spaced_role_bar(s, end);
	if (after_bar) {
		/* "文 | X　　图 | 网络": the picture's source after the writer */
		for (const char *q = after_bar; q < end; q += utf8_len(q, end)) {
			const char *pic;
			if (q > after_bar && text_is_space(first_cp_of(text_prev(after_bar, q), end)) &&
			    (pic = spaced_role_bar(q, end)) && end - pic <= 24)
				return byline_tokens(after_bar, text_trim_end(after_bar, q), 1, NULL);
		}
		return byline_tokens(after_bar, end, 1, NULL) || who_then_name(after_bar, end);
	}
	/* Without a mark, a role word must open the line, unless names alone
	 * are allowed (right under a headline). */
	size_t role_len;
	if ((role_len = role_at(s, end))) {
		if (byline_tokens(s, end, 1, NULL))
			return true;
		/* "文/中文系2024级　苏　晓": the part's role set apart by a
		 * slash, a bar or a colon, then who the writer is and the name */
		uint32_t sep = first_cp_of(text_prev(s, s + role_len), end);
		if ((sep == '/' || sep == 0xFF0F || sep == '|' || sep == 0xFF5C || sep == ':' || sep == 0xFF1A) &&
		    who_then_name(text_skip_space(s + role_len, end), end))
			return true;
		/* "文/本报记者 X　图/Y": the writer's byline, then the
		 * photographer's names */
		const char *names2, *second_part = end - s <= 90 ? second_slashed_part(s, end, &names2) : NULL;
		int count = 0;
		return second_part && names2 < end && is_byline(s, text_trim_end(s, second_part), bare, false) &&
		       byline_tokens_ex(names2, end, 1, &count, true) && count <= 3;
	}
	/* ("中国农业科学院农业信息研究所研究员　周立平": who the writer is,
	 * at length, then the name) */
	if (end - s > 60 && (unsigned char)*s >= 0xE0 && !util_find(s, (size_t)(end - s), "：", 3) && who_then_name(s, end))
		return true;        /* (not "本期专家：X　Y": a label's field) */
	if (end - s > 60 || (unsigned char)*s < 0xE0)
		return false;
	if (names_then_filing(s, end) || person_signature(s, end) || slashed_role(s, end) ||
	    place_then_name(s, end) || class_then_name(s, end) || glued_reader(s, end) || name_then_post(s, end) ||
	    place_name(s, end) || reader_then_place(s, end))
		return true;
	/* "北京某律师事务所律师　韩明月", "东关镇听众　刘福田": who the writer
	 * is (a unit, a post, a person), then the name */
	if (who_then_name(s, end))
		return true;
	/* "实验小学四（2）班　李沐阳": a pupil's class, then one name */
	const char *sp = memchr(s, ' ', (size_t)(end - s));
	if (!sp)
		sp = end;
	for (const char *q = s; (q = memchr(q, 0xE3, (size_t)(sp - q))) != NULL; q++)
		if (sp - q >= 3 && (unsigned char)q[1] == 0x80 && (unsigned char)q[2] == 0x80) {
			sp = q;         /* the first space, ASCII or ideographic */
			break;
		}
	if (sp < end && sp - s >= 9 && school_class(s, sp)) {
		int one = 0;
		const char *nm = text_skip_space(sp, end);
		if (nm < end && byline_tokens_ex(nm, end, 1, &one, true) && one == 1)
			return true;
	}
	/* "城西 读者 何淑珍": a place, then the role word ("云州市五华区
	 * 读者 X": a longer place before who writes in) */
	if (!bare && (end - s > 54 || (end - s > 36 && !writer_word_in(s, end))))
		return false;
	const char *second = s;
	while (second < end && !text_is_space(first_cp_of(second, end)))
		second += utf8_len(second, end);
	second = text_skip_space(second, end);
	if (second > s && second < end) {
		const char *third = second;
		while (third < end && !text_is_space(first_cp_of(third, end)))
			third += utf8_len(third, end);
		size_t rl = (size_t)(third - second);
		/* who: a role, a person who writes in (读者, 市民), or a fellow
		 * of a hobby (邮友, 棋友: two characters ending in 友) */
		bool reader = rl == 6 && (match_any(second, third, persons, sizeof persons / sizeof *persons) == rl ||
					  ends_with(second, third, "友"));
		bool role = reader || (rl && match_any(second, third, roles, sizeof roles / sizeof *roles) == rl);
		third = text_skip_space(third, end);
		int names = 0;
		const char *place_end = text_trim_end(s, second);
		if (role && third < end && (pattern_is_name(s, (size_t)(place_end - s)) || place_word(s, place_end)) &&
		    byline_tokens(third, end, 1, &names) && names <= 4)
			return true;
	}
	if (!bare)
		return false;
	int names = 0;
	return byline_tokens_ex(s, end, 1, &names, true) && names <= 4;
}

/* A byline inside parentheses, as in a dateline: names with role words. */
static bool paren_byline(const char *s, const char *end)
{
	int names = 0;
	/* "（读者 李女士）" after a question: who asks, not who wrote */
	for (const char *p = s; p < end;) {
		const char *q = token_end(p, end);
		if (q > p && match_any(p, q, persons, sizeof persons / sizeof *persons) == (size_t)(q - p))
			return false;
		p = text_skip_space(q + (starts_with(q, end, "、") || starts_with(q, end, "､") ? 3 : 0), end);
		if (p == q)
			break;
	}
	/* four characters alone, with no role word, sign as a name printed
	 * alone does (a compound family name: "（欧阳明月）"); "（打一水果）"
	 * under a riddle is its hint. The paper itself, or the source it
	 * retells, may close a story so ("（本报综合）", "（据新华社）"). */
	if (token_end(s, end) == end && han_chars(s, end) == 4 && !role_at(s, end) && !starts_with(s, end, "本") &&
	    !starts_with(s, end, "据") && !starts_with(s, end, "據") && !bare_name(s, end))
		return false;
	if (!byline_tokens(s, end, 1, &names))
		return false;
	return names >= 1;
}

/* Opening/closing parentheses, ASCII or full-width. */
static size_t open_paren(const char *s, const char *end)
{
	if (s < end && *s == '(')
		return 1;
	return starts_with(s, end, "（") ? 3 : 0;
}

static const char *find_close_paren(const char *s, const char *end)
{
	for (const char *p = s; p < end && p - s < 160; p++) {
		if (*p == ')')
			return p;
		if (starts_with(p, end, "）"))
			return p;
	}
	return NULL;
}

static size_t close_paren_len(const char *p)
{
	return *p == ')' ? 1 : 3;
}

/* Agencies whose datelines end in 电 or 讯. */
static const char *const wire_prefixes[] = {
	"本报", "本刊", "据新华社", "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "央广网",
	"光明网", "澎湃新闻", "记者",
};

/* Words that end a reporter's filing: "记者X／台北报道". */
static const char *const filed[] = { "报道", "報導", "报导", "報道" };

static bool ends_with(const char *s, const char *end, const char *suffix)
{
	size_t n = strlen(suffix);
	return (size_t)(end - s) >= n && eq_folded(end - n, suffix, n);
}

/* "记者林怡君／台北报道", "记者陈冠宇／综合报道": a byline, a slash, where
 * the story was filed from. */
static bool filed_byline(const char *s, const char *end)
{
	/* cheap first: the line ends in a filing word (as the loop below
	 * requires: its last character 道 导 or 導), then holds '/' or '／'
	 * (EF BC 8F) */
	if (end - s < 6 || ((unsigned char)end[-3] & 0xF0) != 0xE0)
		return false;
	uint32_t z = fold3(end - 3);
	if (z != 0x9053 && z != 0x5BFC && z != 0x5C0E)
		return false;
	bool filed_end = false;
	for (size_t i = 0; i < sizeof filed / sizeof *filed && !filed_end; i++)
		filed_end = ends_with(s, end, filed[i]);
	if (!filed_end)
		return false;
	size_t len = (size_t)(end - s);
	bool slash = memchr(s, '/', len) != NULL;
	for (const char *q = s; !slash && (q = memchr(q, 0xEF, len - (size_t)(q - s))) != NULL; q++)
		slash = q + 2 < end && (unsigned char)q[1] == 0xBC && (unsigned char)q[2] == 0x8F;
	if (!slash)
		return false;
	for (const char *p = s; p < end; p += utf8_len(p, end)) {
		size_t sl = *p == '/' ? 1 : starts_with(p, end, "／") ? 3 : 0;
		if (!sl)
			continue;
		const char *place = p + sl;
		for (size_t i = 0; i < sizeof filed / sizeof *filed; i++) {
			if (ends_with(place, end, filed[i]) && end - place <= 30 &&
			    pattern_is_byline(s, (size_t)(p - s), false))
				return true;
		}
		return false;
	}
	return false;
}

/* A medium's name ends right before `at`: "香港文匯報" (訊), "闽海经济报",
 * "青川网", "县融媒体中心": 2 to 12 Han characters ending in a medium's word. */
static bool medium_before(const char *s, const char *at)
{
	static char_set media_ends = { "报網网社台臺刊", false, { 0 } };
	if (at - s < 6 || at - s > 36)
		return false;
	for (const char *p = s; p < at;) {
		uint32_t cp;
		p += text_decode(p, at, &cp);
		if (!text_is_han(cp))
			return false;
	}
	return char_set_has_folded(&media_ends, at - 3, 3) || ends_with(s, at, "中心");
}


/* "欧华导报 巴黎": a medium's name, a space, then the place it filed from
 * (two to five Han characters), before 讯 in 【】. */
static bool medium_then_place(const char *s, const char *at)
{
	const char *p = at;
	int chars = 0;
	while (p - s >= 3 && chars <= 5 && ((unsigned char)p[-3] & 0xF0) == 0xE0 && text_is_han(fold3(p - 3))) {
		p -= 3;
		chars++;
	}
	if (chars < 2 || chars > 5 || p == s || !text_is_space(first_cp_of(text_prev(s, p), at)))
		return false;
	const char *medium_end = text_trim_end(s, p);
	return medium_end < p && medium_before(s, medium_end);
}

/* "欧华时报伦敦": a medium's name and the place it filed from (two to
 * five Han characters) set without a space, before 讯 in 【】, as
 * medium_then_place reads them set apart; the place is no kind of news
 * ("快讯", "简讯"). */
static bool medium_glued_place(const char *s, const char *at)
{
	static char_set news_kinds = { "快简簡喜资資通音短噩图圖视視要特警闻聞汛", false, { 0 } };
	if (at - s < 12 || at - s > 36 || char_set_has_folded(&news_kinds, at - 3, 3))
		return false;
	for (int chars = 2; chars <= 5 && at - 3 * chars - s >= 6; chars++) {
		const char *place = at - 3 * chars;
		/* the medium's name ends in its word (报, 网, 社, 台, 刊) */
		if (medium_before(s, place) && !ends_with(s, place, "中心"))
			return true;
	}
	return false;
}

/* What 【】 hold at the head of a lead, named by its last word: where the
 * news was filed (【花蓮訊】: a place of two or three Han characters and
 * 讯, not a kind of news such as 快讯 or 简讯, nor a longer phrase such as
 * 群众来信 before it; 电 files only after a date, and
 * 【湖州供电】, 【市民来电】 name a unit or a kind), or who reports it
 * (【綜合報導】, 【星島日報報道】: 综合, gathered from several sources, or
 * a medium's name, before 报道). Round brackets at a paragraph's head
 * hold asides too often to be read so. */
static bool lenticular_filing(const char *in, const char *in_end)
{
	static char_set news_kinds = { "快简簡喜资資通音短噩图圖视視要特警闻聞汛", false, { 0 } };
	int chars = 0;
	for (const char *p = in; p < in_end; p += 3, chars++)
		if (in_end - p < 3 || ((unsigned char)*p & 0xF0) != 0xE0 || !text_is_han(fold3(p)))
			return false;
	if (chars < 3 || chars > 9)
		return false;
	const char *last = in_end - 3;
	if (ends_with(in, in_end, "讯") && chars <= 4)
		return !char_set_has(&news_kinds, fold3(last - 3));
	/* a place of four or five characters ("（金马仑高原讯）"), nor a
	 * letter (群众来信讯) */
	if (ends_with(in, in_end, "讯") && chars <= 6)
		return !char_set_has(&news_kinds, fold3(last - 3)) && !starts_with(last - 3, in_end, "信");
	for (size_t k = 0; k < sizeof filed / sizeof *filed; k++)
		if (ends_with(in, in_end, filed[k])) {
			const char *who_end = in_end - 6;
			return (who_end - in == 6 && (starts_with(in, who_end, "综合") || starts_with(in, who_end, "綜合"))) ||
			       medium_before(in, who_end);
		}
	return false;
}

/* What round brackets at the head of a lead hold when they say where it
 * was filed: a place and 讯 ("（北投訊）", "（陽明山訊）"), or a place
 * and 综合讯 ("（新山综合讯）": gathered there from several sources), as
 * lenticular_filing reads them in 【】. Nothing else: round brackets at a
 * paragraph's head hold asides too often. */
static bool round_filing(const char *in, const char *in_end)
{
	if (!(ends_with(in, in_end, "讯") || ends_with(in, in_end, "訊")))
		return false;
	if (lenticular_filing(in, in_end))
		return true;    /* a place and 讯 */
	const char *gathered = in_end - 9;     /* 综合讯: three characters of three bytes */
	if (gathered - in < 6 || gathered - in > 12 ||
	    !(starts_with(gathered, in_end, "综合") || starts_with(gathered, in_end, "綜合")))
		return false;
	for (const char *p = in; p < gathered; p += 3)      /* the place: two to four Han characters */
		if (gathered - p < 3 || ((unsigned char)*p & 0xF0) != 0xE0 || !text_is_han(fold3(p)))
			return false;
	return true;
}

/* A paragraph opening with its source in brackets: "（中央社记者X台南13日电）",
 * "（记者 X）", "【记者X／台北报道】". */
static void filed_after(const char *s, const char *p, const char *end, pattern_dateline *m);

/* The dateline's words [date, date_end) of a paragraph s, no byline, the
 * text from body on: true, with m filled so. */
static bool dateline_then_body(pattern_dateline *m, const char *s, const char *date, const char *date_end,
			       const char *body)
{
	m->date_start = (size_t)(date - s);
	m->date_end = (size_t)(date_end - s);
	m->byline_start = m->byline_end = m->date_end;
	m->body_start = (size_t)(body - s);
	return true;
}

/* "本市特訊", "本埠讯": news of the place the paper is printed in (本
 * and one or two characters before 讯), as 本报讯 is the paper's own. */
static bool house_news(const char *in, const char *in_end)
{
	if (!starts_with(in, in_end, "本") || !(ends_with(in, in_end, "讯") || ends_with(in, in_end, "訊")))
		return false;
	int chars = han_chars(in, in_end);
	return chars >= 3 && chars <= 4;
}

/* Han characters and figures only, from s to end. */
static bool all_han_or_figures(const char *s, const char *end)
{
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		if (!text_is_han(cp) && !(cp >= '0' && cp <= '9'))
			return false;
	}
	return true;
}

enum { PLACE_NEWS_MAX = 10 };       /* characters in the brackets of "（泗水讯）" */
static bool bracket_source(const char *s, const char *end, pattern_dateline *m)
{
	/* 【】, and 〔〕 as Taiwan's papers print it ("〔記者X／台中報導〕"),
	 * or square brackets typed in ASCII ("[記者 X/雲林報導]") */
	const char *closer = starts_with(s, end, "【") ? "】" : tortoise(s, end) ? "〕" : *s == '[' ? "]" : NULL;
	size_t op = closer ? (*s == '[' ? 1 : 3) : open_paren(s, end);
	if (!op)
		return false;
	const char *in = text_skip_space(s + op, end), *close = NULL;
	for (const char *p = in; p < end && p - in < 90; p += utf8_len(p, end)) {
		if (closer ? starts_with(p, end, closer) : (*p == ')' || starts_with(p, end, "）"))) {
			close = p;
			break;
		}
	}
	if (!close || close == in)
		return false;
	const char *in_end = text_trim_end(in, close);
	const char *after = text_skip_space(close + (*close == ')' || *close == ']' ? 1 : 3), end);
	if (after >= end) {
		/* the whole line: not an opening ("（记者 X）" closes a story),
		 * but a wire's dateline ending in 电 alone on its line opens
		 * the text under it ("（加通社多倫多25日電）", "（中央社記者X台中2日電）") */
		/* (and in 【】 one ending in 讯 after its day: "【曼谷二日讯】",
		 * not a column's name, "【社区简讯】") */
		bool wire = ends_with(in, in_end, "电") || ends_with(in, in_end, "電");
		bool day_news = closer && strcmp(closer, "】") == 0 && in_end - in > 6 &&
				(ends_with(in, in_end, "日讯") || ends_with(in, in_end, "日訊"));
		/* (and "（泗水讯）", "（本报讯）": a place's or the paper's news,
		 * a word of a few characters before 讯, no kind of news such as
		 * 简讯 or 快讯, a column's name) */
		bool place_news = (ends_with(in, in_end, "讯") || ends_with(in, in_end, "訊")) && in_end - in >= 9 &&
				  in_end - in <= 3 * PLACE_NEWS_MAX && all_han_or_figures(in, in_end - 3) &&
				  !ends_with(in, in_end, "简讯") && !ends_with(in, in_end, "簡訊") &&
				  !ends_with(in, in_end, "快讯") && !ends_with(in, in_end, "快訊") &&
				  !ends_with(in, in_end, "短讯") && !ends_with(in, in_end, "短訊") &&
				  !ends_with(in, in_end, "资讯") && !ends_with(in, in_end, "資訊") &&
				  !ends_with(in, in_end, "通讯") && !ends_with(in, in_end, "通訊");
		if (!(day_news || place_news ||
		      (wire && (memmem(in, (size_t)(in_end - in), "社", 3) || memmem(in, (size_t)(in_end - in), "日", 3)))) ||
		    starts_with(in, in_end, "据") || starts_with(in, in_end, "據"))
			return false;   /* ("（据新华社电）" credits the story above) */
		return dateline_then_body(m, s, in, in_end, end);
	}
	m->date_start = m->date_end = 0;
	m->byline_start = m->byline_end = 0;
	if ((ends_with(in, in_end, "电") || ends_with(in, in_end, "電") || ends_with(in, in_end, "讯") ||
	     ends_with(in, in_end, "訊")) && (match_any(in, in_end, wire_prefixes, sizeof wire_prefixes / sizeof *wire_prefixes) ||
					     find_folded(in, (size_t)(in_end - in), "记者") || memmem(in, (size_t)(in_end - in), "社", 3) ||
					     memmem(in, (size_t)(in_end - in), "日", 3) || medium_before(in, in_end - 3) ||
					     medium_then_place(in, in_end - 3) || house_news(in, in_end) ||
					     (closer && *closer != ']' && medium_glued_place(in, in_end - 3)))) {
		m->date_start = (size_t)(in - s);
		m->date_end = (size_t)(in_end - s);
		/* "【香港文匯報訊】（記者 鄭思琪）正文": the byline after it */
		size_t op2 = open_paren(after, end);
		const char *close2 = op2 ? find_close_paren(after + op2, end) : NULL;
		if (close2) {
			const char *b = text_skip_space(after + op2, end), *b_end = text_trim_end(b, close2);
			const char *rest = text_skip_space(close2 + close_paren_len(close2), end);
			if (b < b_end && rest < end && paren_byline(b, b_end)) {
				m->byline_start = (size_t)(b - s);
				m->byline_end = (size_t)(b_end - s);
				after = rest;
			}
		}
		if (m->byline_end == m->byline_start) {
			/* "【欧华时报伦敦讯】记者 沈一鸣 报道　正文" */
			m->body_start = (size_t)(after - s);
			filed_after(s, after, end, m);
			after = s + m->body_start;
		}
	} else if (pattern_is_byline(in, (size_t)(in_end - in), false) || filed_byline(in, in_end)) {
		m->byline_start = (size_t)(in - s);
		m->byline_end = (size_t)(in_end - s);
	} else if (closer ? lenticular_filing(in, in_end) : round_filing(in, in_end)) {
		m->date_start = (size_t)(in - s);
		m->date_end = (size_t)(in_end - s);
	} else {
		return false;
	}
	m->body_start = (size_t)(after - s);
	return true;
}

/* "记者 鄭嘉欣 報道：正文" right after a dateline: the byline. */
static void filed_after(const char *s, const char *p, const char *end, pattern_dateline *m)
{
	for (const char *q = p; q < end && q - p < 60; q += utf8_len(q, end)) {
		/* (the first of the words in filed[] that q starts with) */
		size_t n = match_any(q, end, filed, sizeof filed / sizeof *filed);
		if (n) {
			const char *colon = q + n;
			bool spaced = colon < end && text_is_space(first_cp_of(colon, end));
			if (!(starts_with(colon, end, "：") || starts_with(colon, end, ":") || spaced))
				return;
			const char *names_end = text_trim_end(p, q);
			const char *body = text_skip_space(colon + (spaced ? 0 : *colon == ':' ? 1 : 3), end);
			/* names before 报道 need no role word ("本报讯　刘　晟报道：")
			 * but must look like names printed alone */
			if (names_end > p && body < end && pattern_is_byline(p, (size_t)(names_end - p), true)) {
				m->byline_start = (size_t)(p - s);
				m->byline_end = (size_t)(names_end - s);
				/* "报道：" stays in the text */
				m->body_start = (size_t)(q - s);
			}
			return;
		}
	}
}

/* "本报讯　记者尹航　通讯员邓晓晨　正文": after the dateline, words set
 * apart by spaces that make a byline (the most of up to six: names may be
 * spaced out, "记者　陆　洋　通讯员　清法宣"), then the text. */
static void spaced_byline_after(const char *s, const char *p, const char *end, pattern_dateline *m)
{
	if (!role_at(p, end))
		return;
	/* "本报讯　通讯员　乔　禾" on a line of its own: the byline is all
	 * the rest, the story's text on the lines under it */
	if (end - p <= 90 && pattern_is_byline(p, (size_t)(end - p), false)) {
		m->byline_start = (size_t)(p - s);
		m->byline_end = (size_t)(text_trim_end(p, end) - s);
		m->body_start = (size_t)(end - s);
		return;
	}
	const char *q = p, *best = NULL;
	for (int words = 0; words < 6 && q < end; words++) {
		const char *we = q;
		int chars = 0;
		while (we < end && !text_is_space(first_cp_of(we, end)) && chars++ < 12)
			we += utf8_len(we, end);
		if (we >= end || !text_is_space(first_cp_of(we, end)))
			break;
		if (pattern_is_byline(p, (size_t)(we - p), false))
			best = we;
		q = text_skip_space(we, end);
	}
	if (!best)
		return;
	const char *body = text_skip_space(best, end);
	if (body >= end)
		return;
	m->byline_start = (size_t)(p - s);
	m->byline_end = (size_t)(best - s);
	m->body_start = (size_t)(body - s);
}

/* Whether "(" or "（" opens within the first LOOK bytes of S: a cheap
 * test, bytes only, before a recogniser walks the characters ("（" is
 * EF BC 88; memchr, as a byte at a time was 1% of a parse). */
bool pattern_open_paren_within(const char *s, size_t len, size_t look)
{
	if (look > len)
		look = len;
	if (memchr(s, '(', look))
		return true;
	for (const char *q = s; (q = memchr(q, 0xEF, look - (size_t)(q - s))) != NULL; q++)
		if (q + 2 < s + look && (unsigned char)q[1] == 0xBC && (unsigned char)q[2] == 0x88)
			return true;
	return false;
}

/* "清河县融媒体中心讯（记者 X）正文": a source of any name, 讯 or 电, and a
 * byline in parentheses right after it. */
static bool media_dateline(const char *s, const char *end, pattern_dateline *m)
{
	/* cheap first: an opening parenthesis near the start */
	if (!pattern_open_paren_within(s, (size_t)(end - s), 50))
		return false;
	const char *p = s;
	for (int chars = 0; p < end && chars <= 14; chars++) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		/* "湘楚日报7月8日讯": the date after the source's name */
		if (!text_is_han(cp) && !(chars >= 2 && ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))))
			return false;
		if (chars >= 2 && (starts_with(p, end, "讯") || starts_with(p, end, "訊") || starts_with(p, end, "电") ||
				   starts_with(p, end, "電"))) {
			const char *date_end = p + 3;
			const char *q = text_skip_space(date_end, end);
			size_t op = open_paren(q, end);
			const char *close = op ? find_close_paren(q + op, end) : NULL;
			if (!close)
				return false;
			const char *in = text_skip_space(q + op, end), *in_end = text_trim_end(in, close);
			if (!paren_byline(in, in_end))
				return false;
			m->date_start = 0;
			m->date_end = (size_t)(date_end - s);
			m->byline_start = (size_t)(in - s);
			m->byline_end = (size_t)(in_end - s);
			m->body_start = (size_t)(text_skip_space(close + close_paren_len(close), end) - s);
			return true;
		}
		p += n;
	}
	return false;
}

static bool match_dateline(const char *s, size_t len, pattern_dateline *m);

/* "海外网10月14日电　正文", "青川日报3月8日讯 正文", "越通社河内11月28日讯
 * 正文": a source of any name ending in a medium's word (网, 社, 报, 台),
 * perhaps a place, the date, 电 or 讯, then a space before the text. */
/* "雅加达讯：正文", "泗水讯：正文", "仰光讯——正文": the place the news
 * comes from, 讯 or 电, a colon or a dash, the story (papers abroad print
 * the dateline so). The place
 * is 2 to 6 Han characters; a word for a kind of news ("喜讯：",
 * "图文快讯：") is no place. */
static bool place_dateline(const char *s, const char *end, pattern_dateline *m)
{
	static char_set news_kinds = { "快简簡喜资資通音短噩电電图圖视視要特警闻聞汛", false, { 0 } };
	/* cheap first, bytes only: 讯 (E8 AE AF) or 訊 (E8 A8 8A) as the
	 * 3rd to 7th character, where a place of Han characters puts it */
	bool xun = false;
	for (size_t o = 6; o <= 18 && o + 3 <= (size_t)(end - s) && !xun; o += 3)
		xun = (unsigned char)s[o] == 0xE8 && (((unsigned char)s[o + 1] == 0xAE && (unsigned char)s[o + 2] == 0xAF) ||
						   ((unsigned char)s[o + 1] == 0xA8 && (unsigned char)s[o + 2] == 0x8A));
	if (!xun)
		return false;
	const char *p = s;
	int chars = 0;
	while (p < end && chars <= 6 && end - p >= 3 && ((unsigned char)*p & 0xF0) == 0xE0 && text_is_han(fold3(p))) {
		if (chars >= 2 && (starts_with(p, end, "讯") || starts_with(p, end, "訊"))) {
			const char *q = p + 3;
			/* "仰光讯——正文": a dash sets the text off as a colon does */
			size_t colon = starts_with(q, end, "：") ? 3 : q < end && *q == ':' ? 1 : starts_with(q, end, "——") ? 6 : 0;
			if (!colon || char_set_has(&news_kinds, fold3(p - 3)))
				return false;
			const char *body = text_skip_space(q + colon, end);
			if (body >= end)
				return false;
			return dateline_then_body(m, s, s, q, body);
		}
		p += 3;
		chars++;
	}
	return false;
}

/* "北京十九日電　正文", "巴黎3日电　正文": a telegram's dateline with no
 * source named (an old daily's 專電, a paper's own wire): the place, 2
 * to 6 Han characters, the day (perhaps its month before it), 电 or 電,
 * then a space or a colon before the text. */
static size_t number_at(const char *p, const char *end, int maxn);
static bool telegram_dateline(const char *s, const char *end, pattern_dateline *m)
{
	/* cheap first: 日 then 电 or 電 among the first 15 characters (most
	 * paragraphs have no 日, or a date with no 电 after it) */
	size_t reach = (size_t)(end - s) < 45 ? (size_t)(end - s) : 45;
	bool dian = false;
	/* (日 is E6 97 A5: its lead byte found by memchr) */
	for (const char *d = memchr(s, 0xE6, reach); d && !dian; d = memchr(d + 1, 0xE6, reach - (size_t)(d + 1 - s)))
		dian = d + 3 <= end && (unsigned char)d[1] == 0x97 && (unsigned char)d[2] == 0xA5 &&
		       (starts_with(d + 3, end, "电") || starts_with(d + 3, end, "電"));
	if (!dian)
		return false;
	const char *p = s;
	for (int chars = 0; chars <= 6 && p < end; chars++) {
		if (chars >= 2) {
			const char *q = p;
			size_t d = number_at(q, end, 3);
			if (d && starts_with(q + d, end, "月")) {
				q += d + 3;
				d = number_at(q, end, 3);
			}
			if (d && starts_with(q + d, end, "日") &&
			    (starts_with(q + d + 3, end, "电") || starts_with(q + d + 3, end, "電"))) {
				const char *t = q + d + 6;
				size_t colon = starts_with(t, end, "：") ? 3 : t < end && *t == ':' ? 1 : 0;
				const char *body = text_skip_space(t + colon, end);
				if ((body == t && !colon) || body >= end)
					return false;
				return dateline_then_body(m, s, s, t, body);
			}
		}
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (!text_is_han(cp))
			return false;
		p += n;
	}
	return false;
}

/* the place after a source's name, before the date, in characters */
enum { SOURCE_PLACE_MAX = 4 };

/* A source's dateline ending at q (after its 讯 or 电): a space, then
 * the text, which may open with who filed it ("…电　记者 X 报道："). */
static bool text_after_source(const char *s, const char *q, const char *end, pattern_dateline *m)
{
	const char *body = text_skip_space(q, end);
	if (body == q || body >= end)
		return false;
	dateline_then_body(m, s, s, q, body);
	filed_after(s, body, end, m);
	return true;
}

/* "临江新闻网讯　正文", "新华社电　正文": a medium's own news without a
 * date, its name (2 to 9 Han characters, the last a medium's word: 网,
 * 社, 报, 台, 刊) then 讯 or 电, a space, the text. */
static bool medium_news_dateline(const char *s, const char *end, pattern_dateline *m)
{
	static char_set media_ends = { "网社报台刊網報臺", false, { 0 } };
	/* cheap first, bytes only: 讯 (E8 AE AF), 訊 (E8 A8 8A), 电 (E7 94
	 * B5) or 電 (E9 9B BB) as the 4th to 11th character */
	bool word = false;
	for (size_t o = 9; o <= 30 && o + 3 <= (size_t)(end - s) && !word; o += 3) {
		const unsigned char *b = (const unsigned char *)s + o;
		word = (b[0] == 0xE8 && ((b[1] == 0xAE && b[2] == 0xAF) || (b[1] == 0xA8 && b[2] == 0x8A))) ||
		       (b[0] == 0xE7 && b[1] == 0x94 && b[2] == 0xB5) || (b[0] == 0xE9 && b[1] == 0x9B && b[2] == 0xBB);
	}
	if (!word)
		return false;
	const char *p = s;
	for (int chars = 0; p + 3 <= end && chars <= 10; chars++, p += 3) {
		if (((unsigned char)*p & 0xF0) != 0xE0 || !text_is_han(fold3(p)))
			return false;
		if (chars >= 3 && (starts_with(p, end, "讯") || starts_with(p, end, "訊") || starts_with(p, end, "电") ||
				   starts_with(p, end, "電"))) {
			if (!char_set_has(&media_ends, fold3(p - 3)))
				return false;
			return text_after_source(s, p + 3, end, m);
		}
	}
	return false;
}

static bool source_dateline(const char *s, const char *end, pattern_dateline *m)
{
	static char_set media_ends = { "网社报台刊", false, { 0 } };
	/* cheap first: a digit among the first ten characters */
	size_t look = end - s < 31 ? (size_t)(end - s) : 31;
	bool digit = false;
	size_t i = 6;
	for (; i + 8 <= look && !digit; i += 8) {
		/* eight bytes at a time: a byte of w ^ '0' below 10 is a digit
		 * (the high bytes stay at 80 and above) */
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t x = w ^ 0x3030303030303030ULL;
		digit = ((x - 0x0A0A0A0A0A0A0A0AULL) & ~x & 0x8080808080808080ULL) != 0;
	}
	for (; i < look && !digit; i++)
		digit = s[i] >= '0' && s[i] <= '9';
	if (!digit)
		return false;
	const char *p = s;
	int chars = 0, medium = -1;
	/* the source: Han characters up to the date, the medium's word
	 * last or before a place of a few characters ("越通社河内11月28日讯") */
	while (p < end && chars < 10 && end - p >= 3 && ((unsigned char)*p & 0xF0) == 0xE0 && text_is_han(fold3(p))) {
		if (chars >= 1 && char_set_has(&media_ends, fold3(p)))
			medium = chars;
		p += 3;
		chars++;
	}
	if (chars < 2 || chars >= 10 || p >= end || !(*p >= '0' && *p <= '9') || medium < 0 ||
	    chars - 1 - medium > SOURCE_PLACE_MAX)
		return false;
	/* the date: 10月14日, 14日 */
	const char *q = p;
	while (q < end && *q >= '0' && *q <= '9')
		q++;
	if (starts_with(q, end, "月")) {
		q += 3;
		const char *d = q;
		while (q < end && *q >= '0' && *q <= '9')
			q++;
		if (q == d)
			return false;
	}
	if (!starts_with(q, end, "日"))
		return false;
	q += 3;
	if (!(starts_with(q, end, "电") || starts_with(q, end, "讯")))
		return false;
	return text_after_source(s, q + 3, end, m);
}

static bool match_dateline_any(const char *s, size_t len, pattern_dateline *m);
static size_t number_at(const char *p, const char *end, int maxn);
static char_set agency_ends = { "社网網台臺", false, { 0 } };

bool pattern_match_report_lead(const char *s, size_t len, pattern_dateline *m)
{
	const char *end = s + len;
	if (len < 24 || !(starts_with(s, end, "据") || starts_with(s, end, "據")))
		return false;
	/* the agency: Han characters up to one ending in 社, 网, 台 */
	const char *p = s + 3, *src_end = NULL;
	for (int chars = 0; p < end && chars < 12; chars++) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (!text_is_han(cp))
			break;
		p += n;
		if (chars >= 1 && char_set_has_folded(&agency_ends, p - 3, 3))
			src_end = p;
	}
	if (!src_end)
		return false;
	/* the date: N月N日 (or N日) */
	p = src_end;
	size_t d = number_at(p, end, 2);
	if (d && starts_with(p + d, end, "月")) {
		p += d + 3;
		d = number_at(p, end, 2);
	}
	if (!d || !(starts_with(p + d, end, "日") || starts_with(p + d, end, "电")))
		return false;
	p += d + 3;
	size_t f = starts_with(p, end, "报道") || starts_with(p, end, "報道") || starts_with(p, end, "報導") ? 6 : 0;
	if (!f)
		return false;
	const char *lead_end = p + f;
	const char *body = lead_end;
	uint32_t cp;
	int n = text_decode(body, end, &cp);
	if (cp != ',' && cp != 0xFF0C)
		return false;
	body = text_skip_space(body + n, end);
	if (body >= end)
		return false;
	m->date_start = 0;
	m->date_end = (size_t)(lead_end - s);
	m->byline_start = m->byline_end = 0;
	m->body_start = (size_t)(body - s);
	return true;
}

/* Where a range starting at buf[o] starts in s (despace's map). */
static size_t back_start(const uint16_t *at, size_t n, size_t o)
{
	return o < n ? at[o] : (size_t)at[n - 1] + 1;
}

/* "(关丹21曰讯)": OCR's 曰 for the 日 of a dateline's day, before 讯 or
 * 电 near the paragraph's start; where it is, or NULL. */
static const char *ocr_day(const char *s, size_t len)
{
	enum { DAY_REACH = 48 };
	size_t reach = len < DAY_REACH ? len : DAY_REACH;
	for (const char *d = util_find(s, reach, "曰", 3); d; d = util_find(d + 3, (size_t)(s + reach - d - 3), "曰", 3)) {
		const char *after = d + 3, *end = s + len;
		if (d > s && d[-1] >= '0' && d[-1] <= '9' &&
		    (starts_with(after, end, "讯") || starts_with(after, end, "訊") || starts_with(after, end, "电") ||
		     starts_with(after, end, "電")))
			return d;
	}
	return NULL;
}

bool pattern_match_dateline(const char *s, size_t len, pattern_dateline *m)
{
	if (match_dateline_any(s, len, m))
		return true;
	/* OCR's 曰 for 日 (the same number of bytes: the ranges hold) */
	const char *day = len >= 12 ? ocr_day(s, len) : NULL;
	if (day) {
		char fixed[240];
		size_t n = len < sizeof fixed ? len : sizeof fixed;
		while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;    /* (a whole character last) */
		memcpy(fixed, s, n);
		memcpy(fixed + (day - s), "日", 3);
		if (match_dateline_any(fixed, n, m))
			return true;
	}
	/* letter-spaced by OCR: read the paragraph's opening without its
	 * single spaces, and map the ranges back */
	char buf[240];
	uint16_t at[240];
	size_t n = despace(s, len, buf, at, sizeof buf);
	if (!n || !match_dateline_any(buf, n, m))
		return false;
	size_t ds = m->date_start, de = m->date_end, bs = m->byline_start, be = m->byline_end;
	m->date_start = back_start(at, n, ds);
	m->date_end = de > ds ? (size_t)at[de - 1] + 1 : m->date_start;
	m->byline_start = back_start(at, n, bs);
	m->byline_end = be > bs ? (size_t)at[be - 1] + 1 : m->byline_start;
	m->body_start = back_start(at, n, m->body_start);
	return true;
}

static bool match_dateline_any(const char *s, size_t len, pattern_dateline *m)
{
	if (match_dateline(s, len, m))
		return true;
	const char *end = s + len;
	/* "记者 郑嘉欣 报道：正文": a paragraph opening with its reporter */
	if (len >= 15 && len < 4000 && listed_role(s, end)) {
		m->date_start = m->date_end = 0;
		m->byline_start = m->byline_end = 0;
		filed_after(s, s, end, m);
		if (m->byline_end > m->byline_start)
			return true;
	}
	/* "【记者X／台北报道】": a bracket that is not a dateline of the usual form */
	return len >= 8 && (starts_with(s, end, "【") || tortoise(s, end) || open_paren(s, end)) &&
	       bracket_source(s, end, m);
}

static void spaced_byline_after(const char *s, const char *p, const char *end, pattern_dateline *m);

/* "本報記者黃啟明納帕報道】": a reporter and where the story was filed
 * from, to the bracket's close: a byline (a wire's prefix opens it, as
 * 本報 does a dateline). */
static bool reporter_filing(const char *in, const char *end)
{
	const char *close = NULL;
	for (const char *p = in; p < end && p - in < 90; p += utf8_len(p, end))
		if (starts_with(p, end, "】")) {
			close = p;
			break;
		}
	if (!close || close - in < 12 || !(find_folded(in, (size_t)(close - in), "记者")))
		return false;
	return ends_with(in, close, "报道") || ends_with(in, close, "報道") || ends_with(in, close, "報導") ||
	       ends_with(in, close, "报导");
}

static bool match_dateline(const char *s, size_t len, pattern_dateline *m)
{
	const char *end = s + len;
	m->date_start = 0;
	/* "【新华社济南讯】": the dateline in lenticular brackets */
	size_t bracket = starts_with(s, end, "【") ? 3 : 0;
	if ((bracket || open_paren(s, end) || tortoise(s, end) || *s == '[') && len >= 8 &&
	    (!match_any(s + (bracket ? 3 : 0), end, wire_prefixes, sizeof wire_prefixes / sizeof *wire_prefixes) ||
	     (bracket && reporter_filing(s + 3, end))))
		return bracket_source(s, end, m);
	/* every prefix is Han: skip the table for most paragraphs cheaply */
	if (len < 6 + bracket || (unsigned char)s[bracket] < 0xE4 || (unsigned char)s[bracket] > 0xE9)
		return false;
	size_t pre = match_any(s + bracket, end, wire_prefixes, sizeof wire_prefixes / sizeof *wire_prefixes);
	/* "本宫讯　", "本院讯（记者 X）": the news of the house that prints
	 * the page (本 and one character naming it: temple, court, school),
	 * as 本报讯 is the paper's; a space or a bracket after it */
	if (!pre && len > 12 && starts_with(s + bracket, end, "本") && text_is_han(fold3(s + bracket + 3)) &&
	    (starts_with(s + bracket + 6, end, "讯") || starts_with(s + bracket + 6, end, "訊"))) {
		const char *after = s + bracket + 9;
		if (bracket ? starts_with(after, end, "】")
			    : text_is_space(first_cp_of(after, end)) || open_paren(after, end))
			pre = 3;
	}
	/* "晚报讯 11月20日起，…": the paper named by its kind, 讯 right after
	 * ("【晚报城区简讯】" is a column's name) */
	/* (晚, 晨, 早 are E6 99 9A, E6 99 A8, E6 97 A9: a look at two bytes first) */
	if (!pre && (unsigned char)s[bracket] == 0xE6 && ((unsigned char)s[bracket + 1] == 0x99 || (unsigned char)s[bracket + 1] == 0x97) &&
	    (starts_with(s + bracket, end, "晚报讯") || starts_with(s + bracket, end, "晨报讯") ||
	     starts_with(s + bracket, end, "早报讯") || starts_with(s + bracket, end, "晚報訊")))
		pre = 6;
	if (!pre && !bracket)
		return media_dateline(s, end, m) || source_dateline(s, end, m) || place_dateline(s, end, m) ||
		       medium_news_dateline(s, end, m) || telegram_dateline(s, end, m);
	if (!pre)
		return false;
	pre += bracket;
	/* The place and date between the prefix and 讯/电: short, no
	 * punctuation or spaces ("本报上海8月27日电"). */
	const char *p = s + pre;
	const char *date_end = NULL;
	for (int chars = 0; p < end && chars <= 14; chars++) {
		if (starts_with(p, end, "讯") || starts_with(p, end, "电")) {
			date_end = p + 3;
			break;
		}
		/* "【本报消息】", "本报消息　正文": news of the paper's own;
		 * "本报综合报道　正文": gathered from several sources */
		size_t word = starts_with(p, end, "消息") ? 6 :
			      p > s + pre && (starts_with(p, end, "报道") || starts_with(p, end, "報導")) ? 6 : 0;
		if (word) {
			const char *after = p + word;
			/* "央广网X4月18日消息（记者 X）": the byline's brackets
			 * may follow at once */
			if (!(bracket ? starts_with(after, end, "】")
				      : after < end && (text_is_space(first_cp_of(after, end)) || open_paren(after, end)) &&
					text_skip_space(after, end) < end))
				return false;
			date_end = after;
			break;
		}
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (!(text_is_han(cp) || (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)))
			return false;
		p += n;
	}
	if (!date_end)
		return false;
	if (bracket) {
		if (!starts_with(date_end, end, "】"))
			return false;
		date_end += 3;
	}
	m->date_end = (size_t)(date_end - s);
	m->byline_start = m->byline_end = m->date_end;
	p = text_skip_space(date_end, end);
	size_t op = open_paren(p, end);
	if (op) {
		const char *close = find_close_paren(p + op, end);
		const char *in = text_skip_space(p + op, end);
		const char *in_end = close ? text_trim_end(in, close) : NULL;
		/* "本报讯（校友会秘书处　林芷若）": who filed it, in the
		 * brackets after the dateline, may sign with a post or unit */
		if (close && (paren_byline(in, in_end) || (name_after_space(in, in_end) && unit_then_name(in, in_end)))) {
			m->byline_start = (size_t)(in - s);
			m->byline_end = (size_t)(in_end - s);
			p = text_skip_space(close + close_paren_len(close), end);
		}
	} else if (bracket && p < end) {
		m->body_start = (size_t)(p - s);
		filed_after(s, p, end, m);
		return true;
	} else if (p > date_end && p < end && !bracket) {
		m->body_start = (size_t)(p - s);
		filed_after(s, p, end, m);      /* "本报讯 记者X报道：" */
		if (m->byline_end == m->byline_start)
			spaced_byline_after(s, p, end, m);
		return true;
	} else if (p == date_end && p < end && !bracket) {
		/* "本報訊：正文": a colon after 讯 sets the text apart as a
		 * space does */
		/* (right after the prefix: "新华社快讯：" names a kind of news) */
		if (date_end == s + pre + 3 && (*p == ':' || starts_with(p, end, "：")) &&
		    text_skip_space(p + (*p == ':' ? 1 : 3), end) < end) {
			m->body_start = (size_t)(text_skip_space(p + (*p == ':' ? 1 : 3), end) - s);
			return true;
		}
		/* "本报讯正文" glued: only when what follows is not a word that
		 * continues the prefix; require a space or parenthesis. */
		return false;
	}
	m->body_start = (size_t)(p - s);
	return true;
}

/* Sentence-final punctuation and the closing quotes that may follow it. */
static inline bool is_sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' ||
	       cp == '.' || cp == 0x2026 || cp == 0xFF0E || cp == 0xFF61;   /* ｡ from OCR */
}

static inline bool is_closing_quote(uint32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == '"' ||
	       cp == 0x300B || cp == 0x3011;
}

/* "本刊实习生 顾小满 对本文亦有贡献", "实习生 X 参与采写": a byline, then
 * the help they gave (a last word of helping: 贡献, 参与…, 协助…). */
static bool contribution_note(const char *in, const char *in_end)
{
	const char *t = in_end;
	while (t > in && !text_is_space(first_cp_of(text_prev(in, t), in_end)))
		t = text_prev(in, t);
	if (t == in || in_end - t > 30)
		return false;
	if (!(find_folded(t, (size_t)(in_end - t), "贡献") || find_folded(t, (size_t)(in_end - t), "参与") ||
	      find_folded(t, (size_t)(in_end - t), "协助")))
		return false;
	return role_at(in, in_end) && paren_byline(in, text_trim_end(in, t));
}

/* Two Han characters set apart by spaces, as a page sets a name of two
 * to the width of three ("民　宣", "晓　岩"): after a sentence, in the
 * brackets closing it, a writer's name or pen name, whether or not it
 * opens with a family name. Characters of grammar and administration
 * (pattern_is_name), role words and a serial's marks are none. */
static bool spaced_pen_name(const char *in, const char *in_end)
{
	/* the marks of a serial's instalment: （待　续）, （续　完） */
	static char_set serial = { "待续續完未", false, { 0 } };
	const char *a = token_end(in, in_end), *b = text_skip_space(a, in_end);
	if (a - in != 3 || b == a || token_end(b, in_end) != in_end || in_end - b != 3 || role_at(in, in_end) ||
	    char_set_has_folded(&serial, in, 3) || char_set_has_folded(&serial, b, 3))
		return false;
	char buf[6];
	memcpy(buf, in, 3);
	memcpy(buf + 3, b, 3);
	return pattern_is_name(buf, 6);
}

/* Who signs a story in the brackets closing it, built from parts: an
 * optional source clause ("摘自…，"), then names with role words ("本报记者
 * 邓一帆　整理"), a unit and a post before a name ("县畜牧兽医站　龚德明"),
 * a byline without names ("本版编辑部"), or a unit that supplied the
 * story ("县融媒体中心供稿"). Names without a role word count only
 * with `bare` (after a sentence: "…说。(张三)"; alone, "（据新华社）" is
 * a source). Returns where the signer starts, or NULL. */
static const char *bracket_signature(const char *in, const char *in_end, bool bare)
{
	if ((bare ? paren_byline(in, in_end) || spaced_pen_name(in, in_end) :
		    role_at(in, in_end) && paren_byline(in, in_end)) ||
	    contribution_note(in, in_end))
		return in;
	/* "（编译：秦悦）", "（整理：本报记者 X）": the writer's part labelled;
	 * "（文、图：阮氏秋）": two parts joined */
	if ((match_any(in, in_end, part_labels, sizeof part_labels / sizeof *part_labels) && in_end - in <= 60 &&
	     is_byline(in, in_end, false, false)) ||
	    (in_end - in <= 60 && joined_parts(in, in_end)))
		return in;
	/* "（东湖县读者　程大山）" after a question: who asks, not who wrote */
	const char *t = token_end(in, in_end);
	if (unit_then_name(in, in_end) && !ends_with_any(in, t, persons, sizeof persons / sizeof *persons))
		return in;
	for (size_t i = 0; i < sizeof anonymous / sizeof *anonymous; i++)
		if ((size_t)(in_end - in) == strlen(anonymous[i]) && starts_with(in, in_end, anonymous[i]))
			return in;
	/* "县融媒体中心供稿": a unit (a word ending in one), then 供稿 */
	if (in_end - in > 12 && (ends_with(in, in_end, "供稿") || ends_with(in, in_end, "供圖")) &&
	    pattern_is_signed_unit(in, (size_t)(in_end - in - 6)))
		return in;
	/* "摘自…的忏悔书，本报记者 X 整理": where the text comes from, a
	 * comma, then who prepared it */
	if (starts_with(in, in_end, "摘自") || starts_with(in, in_end, "选自") || starts_with(in, in_end, "選自")) {
		const char *comma = NULL;
		for (const char *p = in; p < in_end; p += utf8_len(p, in_end))
			if (starts_with(p, in_end, "，"))
				comma = p;
		const char *rest = comma ? text_skip_space(comma + 3, in_end) : in_end;
		if (rest < in_end && !starts_with(rest, in_end, "摘自") && bracket_signature(rest, in_end, false))
			return rest;
	}
	return NULL;
}

bool pattern_match_signature(const char *s, size_t len, size_t *start)
{
	const char *end = text_trim_end(s, s + len);
	const char *in = text_skip_space(s, end);
	if (in == end || end - in > 150)
		return false;
	const char *who = bracket_signature(in, end, false);
	if (who && start)
		*start = (size_t)(who - s);
	return who != NULL;
}

/* The brackets closing a paragraph's last sentence ("…说。(张三)"):
 * their opening and their inside, trimmed. */
static bool trailing_bracket(const char *s, size_t len, const char **open_at, const char **in_at, const char **in_end_at)
{
	const char *end = text_trim_end(s, s + len);
	if (end == s)
		return false;
	const char *last = text_prev(s, end);
	if (!(*last == ')' || starts_with(last, end, "）")))
		return false;
	/* Find the matching opening parenthesis, within a short distance. */
	const char *open = NULL;
	for (const char *p = last; p > s && last - p < 120;) {
		p = text_prev(s, p);
		if (*p == '(' || starts_with(p, end, "（")) {
			open = p;
			break;
		}
	}
	if (!open || open == s)
		return false;
	/* The author closes a sentence: "…说。(张三)". */
	const char *before = text_trim_end(s, open);
	if (before == s)
		return false;
	uint32_t cp;
	text_decode(text_prev(s, before), before, &cp);
	if (!is_sentence_end(cp) && !is_closing_quote(cp))
		return false;
	const char *in = text_skip_space(open + open_paren(open, end), last);
	const char *in_end = text_trim_end(in, last);
	if (in == in_end)
		return false;
	*open_at = open;
	*in_at = in;
	*in_end_at = in_end;
	return true;
}

/* The sentence before the bracket at `open` states (ends with 。 or ！):
 * the writer signs it; after a question the bracket names who asks. */
static bool stated_before(const char *s, const char *open)
{
	const char *before = text_trim_end(s, open);
	if (before == s)
		return false;
	uint32_t cp;
	text_decode(text_prev(s, before), before, &cp);
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF61;
}

/* "江城市民　林晓宇", "江北区读者　赵新华": a reader signing a letter, a
 * place and a person's word (市民, 读者) as one token, then a name. */
static bool person_signed(const char *in, const char *in_end)
{
	const char *t = token_end(in, in_end);
	if (t == in_end || !ends_with_any(in, t, persons, sizeof persons / sizeof *persons) || han_chars(in, t) > 12)
		return false;
	return unit_then_name(in, in_end);
}

bool pattern_match_trailing_byline(const char *s, size_t len, size_t *paren,
				   size_t *names_start, size_t *names_end)
{
	const char *open, *in, *in_end;
	if (!trailing_bracket(s, len, &open, &in, &in_end) ||
	    (!bracket_signature(in, in_end, true) && !(stated_before(s, open) && person_signed(in, in_end))))
		return false;
	*paren = (size_t)(open - s);
	*names_start = (size_t)(in - s);
	*names_end = (size_t)(in_end - s);
	return true;
}

bool pattern_match_trailing_unit(const char *s, size_t len, size_t *paren,
				 size_t *unit_start, size_t *unit_end)
{
	const char *open, *in, *in_end;
	if (!trailing_bracket(s, len, &open, &in, &in_end))
		return false;
	/* Han characters only, 3 to 10: a unit's name, not a phrase */
	int n = 0;
	for (const char *p = in; p < in_end; p += 3, n++)
		if (in_end - p < 3 || ((unsigned char)*p & 0xF0) != 0xE0 || !text_is_han(fold3(p)) || n >= 10)
			return false;
	if (n < 3 || !pattern_is_signed_unit(in, (size_t)(in_end - in)))
		return false;
	*paren = (size_t)(open - s);
	*unit_start = (size_t)(in - s);
	*unit_end = (size_t)(in_end - s);
	return true;
}

/* Credit endings: "摄" (photographed by), "供图" (picture supplied by). */
static const char *const credit_verbs[] = { "供图", "摄", "发", "图片", "提供" };

/* An institution that supplies pictures: "政府新闻处图片", "市消防支队图片". */
static char_set institution_ends = { "处局社部委厅馆院会中心网台报站队所办司署", false, { 0 } };

/* "图片摄影：马骁", "摄影　张三": the photographer's role, then the names,
 * ending the text (after its last sentence); with `slash`, "摄影／X" too.
 * Returns where it starts, or (size_t)-1. */
static size_t photo_role_credit(const char *s, const char *end, bool slash)
{
	static const char *const photo_roles[] = { "图片摄影", "摄影", "图片", "漫画", "漫畫" };
	const char *start = end;
	while (start > s) {
		if (end - start > 60)
			return (size_t)-1;      /* a credit is short */
		const unsigned char *z = (const unsigned char *)start;
		if (start - s >= 3 && z[-3] >= 0xE4 && z[-3] <= 0xE9 && (z[-2] & 0xC0) == 0x80 && (z[-1] & 0xC0) == 0x80) {
			start -= 3;     /* U+4000..U+9FFF: no sentence end, no quote */
			continue;
		}
		const char *q = text_prev(s, start);
		uint32_t cp;
		text_decode(q, start, &cp);
		if (is_sentence_end(cp) || is_closing_quote(cp))
			break;
		start = q;
	}
	const char *p = text_skip_space(start, end);
	size_t r = match_any(p, end, photo_roles, sizeof photo_roles / sizeof *photo_roles);
	if (!r || end - p > 60)
		return (size_t)-1;
	p += r;
	/* ("漫画／杨帆": a cartoon's; "文．攝影／X" is a byline's part) */
	bool cartoon = starts_with(p - r, end, "漫");
	if (starts_with(p, end, "：") || starts_with(p, end, ":") ||
	    ((cartoon || slash) && (starts_with(p, end, "／") || starts_with(p, end, "/"))))
		p += *p == ':' || *p == '/' ? 1 : 3;
	else if (p >= end || !text_is_space(first_cp_of(p, end)))
		return (size_t)-1;     /* "摄影展", "图片展": a word, not a role */
	int names = 0;
	if (!byline_tokens(p, end, 1, &names))
		return (size_t)-1;
	return (size_t)(start - s);
}

/* "…停靠。（摄影：陈志强）": the photographer's role in the brackets
 * closing a sentence names who took the picture, not who wrote the story
 * (end is the closing bracket). Where the brackets open, or (size_t)-1. */
static size_t bracketed_photo_role(const char *s, const char *end)
{
	const char *open = NULL;
	for (const char *p = end; p > s && end - p < 60;) {
		p = text_prev(s, p);
		if (*p == '(' || starts_with(p, end, "（")) {
			open = p;
			break;
		}
	}
	if (!open)
		return (size_t)-1;
	const char *in = open + open_paren(open, end);
	if (!starts_with(in, end, "摄影") && !starts_with(in, end, "图片摄影"))
		return (size_t)-1;
	const char *before = text_trim_end(s, open);
	if (before > s) {
		uint32_t cp;
		text_decode(text_prev(s, before), before, &cp);
		if (!is_sentence_end(cp) && !is_closing_quote(cp))
			return (size_t)-1;
	}
	/* (in brackets after a sentence, "（摄影／X）" credits the picture
	 * too: no byline's part stands there) */
	return photo_role_credit(in, end, true) == 0 ? (size_t)(open - s) : (size_t)-1;
}

/* "市体育局 供图": pictures are also supplied by institutions. */
static bool supplier(const char *s, const char *end)
{
	int han = 0;
	while (s < end) {
		uint32_t cp;
		s += text_decode(s, end, &cp);
		if (!text_is_han(cp))
			return false;
		han++;
	}
	return han >= 2 && han <= 12;
}

/* A picture from the paper's archive or an agency's stock, credited
 * without a name: "（资料图片）", "资料照片". */
static const char *const stock_words[] = { "资料图片", "资料照片", "资料图", "档案照片", "网络图片" };

/* Where a stock-picture credit ending at `end` starts (the spaces before
 * it included, and the parenthesis when `paren`), or (size_t)-1. It must
 * stand apart: after a sentence, spaces, or alone. */
static size_t stock_picture(const char *s, const char *end, bool paren)
{
	/* every word ends in 片 or 图: one look at the last character first */
	if (end - s < 9 || ((unsigned char)end[-3] & 0xF0) != 0xE0)
		return (size_t)-1;
	uint32_t z = fold3(end - 3);
	if (z != 0x7247 && z != 0x56FE)
		return (size_t)-1;
	for (size_t i = 0; i < sizeof stock_words / sizeof *stock_words; i++) {
		if (!ends_with(s, end, stock_words[i]))
			continue;
		const char *start = text_trim_end(s, end - strlen(stock_words[i]));
		if (start != end - strlen(stock_words[i]))
			return (size_t)-1;      /* "资料 图片" */
		if (paren) {
			if (start == s)
				return (size_t)-1;
			const char *p = text_prev(s, start);
			if (!(*p == '(' || starts_with(p, end, "（")))
				return (size_t)-1;
			start = p;
		}
		const char *before = text_trim_end(s, start);
		if (before > s && before == start) {
			uint32_t cp;
			text_decode(text_prev(s, before), before, &cp);
			if (!is_sentence_end(cp) && !is_closing_quote(cp))
				return (size_t)-1;
		}
		return (size_t)(before - s);
	}
	return (size_t)-1;
}

static size_t credit_start(const char *s, size_t len);

size_t pattern_credit_start(const char *s, size_t len)
{
	size_t at_credit = credit_start(s, len);
	if (at_credit < len || len > 240)
		return at_credit;
	/* "市 民 在 食 堂 就 餐 。  本 报 记 者  邱  岚  摄": letter-spaced */
	char buf[240];
	uint16_t at[240];
	size_t n = despace(s, len, buf, at, sizeof buf);
	if (!n)
		return len;
	size_t c = credit_start(buf, n);
	return c < n ? at[c] : len;
}

static size_t credit_start(const char *s, size_t len)
{
	const char *end = text_trim_end(s, s + len);
	/* "(张三 摄)" in parentheses */
	const char *close = NULL;
	if (end > s) {
		const char *last = text_prev(s, end);
		if (*last == ')' || starts_with(last, end, "）")) {
			close = last;
			end = text_trim_end(s, last);
		}
	}
	size_t stock = stock_picture(s, end, close != NULL);
	if (stock != (size_t)-1)
		return stock;
	if (!close && end - s >= 9) {
		size_t role = photo_role_credit(s, end, false);
		if (role != (size_t)-1)
			return role;
	}
	if (close && end - s >= 9) {
		size_t role = bracketed_photo_role(s, end);
		if (role != (size_t)-1)
			return role;
	}
	/* every credit verb ends in 图, 摄, 发, 片 or 供: the last character first */
	if (end - s < 3 || ((unsigned char)end[-3] & 0xF0) != 0xE0)
		return len;
	uint32_t z = fold3(end - 3);
	if (z != 0x56FE && z != 0x6444 && z != 0x53D1 && z != 0x7247 && z != 0x4F9B)
		return len;
	const char *verb = NULL;
	for (size_t i = 0; i < sizeof credit_verbs / sizeof *credit_verbs && !verb; i++) {
		size_t n = strlen(credit_verbs[i]);
		if ((size_t)(end - s) >= n && eq_folded(end - n, credit_verbs[i], n))
			verb = end - n;
	}
	if (!verb)
		return len;
	/* The names run back to the start, a space after a sentence end, or
	 * the sentence end itself ("晾晒粮食。李旭明 摄"). */
	const char *names_end = text_trim_end(s, verb);
	const char *start = names_end;
	while (start > s) {
		const char *p = text_prev(s, start);
		uint32_t cp;
		text_decode(p, start, &cp);
		if (is_sentence_end(cp) || is_closing_quote(cp) || cp == '(' || cp == 0xFF08)
			break;
		start = p;
	}
	if (close && start > s) {
		/* the parenthesis opens right before the names */
		const char *p = text_prev(s, start);
		if (!(*p == '(' || starts_with(p, end, "（")))
			return len;
		start = p;
	}
	const char *names = text_skip_space(start, names_end);
	if (close && names < names_end && open_paren(names, names_end))
		names = text_skip_space(names + open_paren(names, names_end), names_end);
	if (names == names_end) {
		/* "摄" alone is not a credit */
		return len;
	}
	if (verb + 6 == end && eq_folded(verb, "图片", 6)) {
		/* "政府新闻处图片": an institution's picture, set apart from the
		 * sentence by a space (or alone) */
		if (!(supplier(names, names_end) && names > start && names_end - names >= 6 &&
		      char_set_has(&institution_ends, fold3(names_end - 3))) &&
		    !(start == s && supplier(names, names_end) && char_set_has(&institution_ends, fold3(names_end - 3))))
			return len;
	} else if (verb + 6 == end && eq_folded(verb, "提供", 6)) {
		/* "（陆交局提供）": a supplier in brackets, or set apart by a
		 * space, after the sentence */
		if (!(supplier(names, names_end) && (close || names > start) && start > s))
			return len;
	} else if (eq_folded(verb, "发", 3)) {
		/* "新华社发": released by an agency */
		if (!(supplier(names, names_end) && names_end - names >= 6 &&
		      memcmp(names_end - 3, "社", 3) == 0))
			return len;
	} else if (!byline_tokens(names, names_end, 1, NULL) &&
		   !(verb + 3 < end && supplier(names, names_end))) {
		return len;
	}
	return (size_t)(start - s);
}

size_t pattern_number(const char *s, size_t len, int *value)
{
	const char *p = s, *end = s + len;
	int v = 0, digits = 0;
	while (p < end && digits < 4) {
		if (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p++ - '0');
			digits++;
			continue;
		}
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (cp >= 0xFF10 && cp <= 0xFF19) {
			v = v * 10 + (int)(cp - 0xFF10);
			p += n;
			digits++;
			continue;
		}
		break;
	}
	if (digits) {
		*value = v;
		return (size_t)(p - s);
	}
	/* Chinese numerals: 四, 十二, 二十三. Every numeral is three bytes:
	 * the character is decoded and folded once, then compared with the
	 * numerals' code points (what starts_with reads: the same bytes, or
	 * the fold of the other script), the last numeral matched winning. */
	static const uint32_t numeral_cp[] = {
		0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
	};
	int tens = 0, units = -1;
	bool ten = false;
	while (p < end) {
		if (end - p < 3 || ((unsigned char)p[0] & 0xF0) != 0xE0)
			break;
		uint32_t raw = ((unsigned char)p[1] & 0xC0) == 0x80 && ((unsigned char)p[2] & 0xC0) == 0x80 ?
				       dec3(p) : UINT32_MAX;
		uint32_t folded = fold3(p);
		if ((raw == 0x5341 || folded == 0x5341) && !ten) {     /* 十 */
			tens = units > 0 ? units : 1;
			units = -1;
			ten = true;
			p += 3;
			continue;
		}
		int d = -1;
		for (int i = 9; i >= 0 && d < 0; i--)
			if (raw == numeral_cp[i] || folded == numeral_cp[i])
				d = i;
		if (d < 0 || units >= 0)
			break;
		units = d;
		p += 3;
	}
	if (p == s)
		return 0;
	*value = tens * 10 + (units > 0 ? units : 0);
	return *value > 0 ? (size_t)(p - s) : 0;
}

/* Markers printed before a jump line. */
static const char *const jump_marks[] = { "■", "□", "◆", "◇", "●", "▲", "►", "▶", "→", "※" };

typedef struct jump_verb {
	const char *word;
	pattern_jump_kind kind;
} jump_verb;

static const jump_verb jump_verbs[] = {
	{ "下转", PATTERN_JUMP_TO }, { "转至", PATTERN_JUMP_TO }, { "转", PATTERN_JUMP_TO },
	{ "上接", PATTERN_JUMP_FROM }, { "紧接", PATTERN_JUMP_FROM }, { "接", PATTERN_JUMP_FROM },
	{ "续见", PATTERN_JUMP_TO }, { "续", PATTERN_JUMP_FROM },
	{ "详见", PATTERN_JUMP_SEE }, { "详情见", PATTERN_JUMP_SEE }, { "见", PATTERN_JUMP_SEE },
};

pattern_jump_kind pattern_match_jump(const char *s, size_t len, int *page)
{
	const char *end = text_trim_end(s, s + len);
	const char *p = text_skip_space(s, end);
	p += match_any(p, end, jump_marks, sizeof jump_marks / sizeof *jump_marks);
	p = text_skip_space(p, end);
	bool lenticular = end - p >= 3 && memcmp(p, "【", 3) == 0;
	size_t op = lenticular ? 3 : open_paren(p, end);
	p += op;
	pattern_jump_kind kind = PATTERN_JUMP_NONE;
	uint32_t c0 = end - p >= 3 && ((unsigned char)*p & 0xF0) == 0xE0 ? fold3(p) : 0;
	for (size_t i = 0; i < sizeof jump_verbs / sizeof *jump_verbs && c0; i++) {
		if (dec3(jump_verbs[i].word) == c0 && starts_with(p, end, jump_verbs[i].word)) {
			kind = jump_verbs[i].kind;
			p += strlen(jump_verbs[i].word);
			break;
		}
	}
	if (kind == PATTERN_JUMP_NONE) {
		/* "相关报道见第5版", "更多报道详见A3版": a few words, then 见 */
		const char *q = p;
		for (int chars = 0; q < end && chars < 6; chars++) {
			uint32_t c = end - q >= 3 && ((unsigned char)*q & 0xF0) == 0xE0 ? fold3(q) : 0;
			if (chars >= 2 && (c == 0x8BE6 || c == 0x89C1) &&     /* 详, 见 */
			    (starts_with(q, end, "详见") || starts_with(q, end, "见"))) {
				kind = PATTERN_JUMP_SEE;
				p = q + (starts_with(q, end, "见") ? 3 : 6);
				break;
			}
			uint32_t cp;
			q += text_decode(q, end, &cp);
			if (!text_is_han(cp))
				break;
		}
	}
	if (kind == PATTERN_JUMP_NONE)
		return kind;
	if (starts_with(p, end, "今日"))
		p += 6;
	if (starts_with(p, end, "第"))
		p += 3;
	/* "A4版": a section letter before the number */
	bool letter = p < end && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'));
	if (letter)
		p++;
	int n = 0;
	size_t nl = pattern_number(p, (size_t)(end - p), &n);
	if (!nl)
		return PATTERN_JUMP_NONE;
	p += nl;
	if (starts_with(p, end, "版") || starts_with(p, end, "页"))
		p += 3;
	else if (!(letter && op))
		return PATTERN_JUMP_NONE;       /* ("（轉A6）": a page's letter and number in brackets say it) */
	if (op) {
		const char *q = text_skip_space(p, end);
		if (lenticular && starts_with(q, end, "】"))
			p = q + 3;
		else if (!lenticular && q < end && (*q == ')' || starts_with(q, end, "）")))
			p = q + close_paren_len(q);
		else
			return PATTERN_JUMP_NONE;
	}
	if (text_skip_space(p, end) != end)
		return PATTERN_JUMP_NONE;
	*page = n;
	return kind;
}

size_t pattern_trailing_jump(const char *s, size_t len)
{
	const char *end = text_trim_end(s, s + len);
	if (end - s < 12)
		return len;
	const char *last = text_prev(s, end);
	if (!(*last == ')' || starts_with(last, end, "）")))
		return len;
	/* the opening bracket, a few characters back */
	const char *open = NULL;
	for (const char *p = last; p > s && last - p < 30;) {
		p = text_prev(s, p);
		if (*p == '(' || starts_with(p, end, "（")) {
			open = p;
			break;
		}
	}
	if (!open || open == s)
		return len;
	const char *before = text_trim_end(s, open);
	if (before == s)
		return len;
	uint32_t cp;
	text_decode(text_prev(s, before), before, &cp);
	int page;
	pattern_jump_kind kind = pattern_match_jump(open, (size_t)(end - open), &page);
	if (kind == PATTERN_JUMP_NONE)
		return len;
	/* "…建起了发酵菌种数据库，（下转第4版）": a story continued on
	 * another page may stop mid-sentence */
	if (!is_sentence_end(cp) && !is_closing_quote(cp) && !(kind == PATTERN_JUMP_TO && (cp == 0xFF0C || cp == ',')))
		return len;
	return (size_t)(open - s);
}

bool pattern_is_page_header(const char *s, size_t len, int *page)
{
	const char *end = text_trim_end(s, s + len);
	s = text_skip_space(s, end);
	if (s == end || end - s > 120)
		return false;
	if (!util_find(s, (size_t)(end - s), "版", 3))     /* memmem: set-up dear on a line */
		return false;
	int dummy;
	if (pattern_match_jump(s, (size_t)(end - s), &dummy) != PATTERN_JUMP_NONE)
		return false;
	/* "A07版：城事·交通", "您当前的位置：首页 >> … >> B2版": a page label
	 * of a letter and figures, first or after a separator */
	for (const char *p = s; p + 4 < end; p++) {
		p = util_find(p, (size_t)(end - p), "版", 3);
		if (!p)
			break;
		const char *q = p;
		while (q > s && q[-1] >= '0' && q[-1] <= '9' && p - q < 3)
			q--;
		if (q == p || q == s || !(q[-1] >= 'A' && q[-1] <= 'Z'))
			continue;
		const char *a = q - 1;
		uint32_t before = 0, after = 0;
		if (a > s)
			text_decode(text_prev(s, a), a, &before);
		if (p + 3 < end)
			text_decode(p + 3, end, &after);
		if ((a == s || text_is_space(before) || before == '>' || before == 0xFF1A || before == 0xFF1E) &&
		    (p + 3 == end || text_is_space(after) || after == ':' || after == 0xFF1A)) {
			int n = 0;
			pattern_number(q, (size_t)(p - q), &n);
			*page = n;
			return true;
		}
	}
	for (const char *p = s; p + 3 < end; p++) {
		p = util_find(p, (size_t)(end - p), "第", 3);
		if (!p)
			break;
		const char *q = p + 3;
		if (q < end && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z')))
			q++;
		int n = 0;
		size_t nl = pattern_number(q, (size_t)(end - q), &n);
		if (nl && starts_with(q + nl, end, "版")) {
			/* "第2版" must stand as a word: what follows is a space, a
			 * separator or the end, not more sentence. */
			const char *after = q + nl + 3;
			uint32_t cp = 0;
			if (after < end)
				text_decode(after, end, &cp);
			if (after == end || text_is_space(cp) || cp == 0xB7 || cp == '|' ||
			    cp == 0xFF5C || cp == ':' || cp == 0xFF1A) {
				*page = n;
				return true;
			}
		}
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Running headers and footers (the fields a paper prints around its pages) */

static bool hprefix(const char *s, size_t len, const char *prefix)
{
	if (!len || *s != *prefix)
		return *prefix == 0;    /* the first byte decides most: no strlen */
	size_t n = strlen(prefix);
	return len >= n && memcmp(s, prefix, n) == 0;
}

static size_t count_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* A running header or footer is a short line made only of the fields a
 * paper prints around its pages, in any order and spacing: the paper's
 * name, the date, the weekday, the page label (第3版, A04, B2版), the
 * editors (责编 李明), a section name. Each field found adds its weight;
 * any word that is none of them (a sentence, a headline) vetoes. */
enum {
	HF_DATE = PATTERN_HF_DATE, HF_WEEKDAY = 2, HF_PAGE = 3, HF_EDITOR = 3, HF_PAPER = 2, HF_LUNAR = 1,
	HF_ISSUE = 2,
	HEADER_MIN_SCORE = 4,   /* fields that make a header together */
};

typedef pattern_header header_match;

static bool is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_cn_numeral(const char *p, const char *end)
{
	static const char nums[] = "〇零一二三四五六七八九十廿卅";
	uint32_t cp;
	int n = text_decode(p, end, &cp);
	/* 〇 (U+3007) is a symbol, not an ideograph, but writes years: 二〇二六 */
	return (text_is_han(cp) || cp == 0x3007) && util_find(nums, sizeof nums - 1, p, (size_t)n) != NULL;
}

/* Digits (ASCII, full-width or Chinese numerals) at p: bytes read. */
static size_t number_at(const char *p, const char *end, int maxn)
{
	const char *q = p;
	for (int n = 0; q < end && n < maxn; n++) {
		uint32_t cp;
		int k = text_decode(q, end, &cp);
		if (!is_digit_cp(cp) && !is_cn_numeral(q, end))
			break;
		q += k;
	}
	return (size_t)(q - p);
}

static size_t word_at(const char *p, const char *end, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (hprefix(p, (size_t)(end - p), words[i]))
			return strlen(words[i]);
	return 0;
}

/* A date in a calendar of its own, the whole word: a Han character and
 * 历, 曆 or 歷 (藏历, 回历, 佛曆, 佛歷), then the year or the month in Han
 * characters or figures (藏历火马年十月十五, 佛历2569年). The 年 or 月
 * tells it from a word like 经历 or 学历. Bytes read, or 0. */
static size_t other_calendar(const char *p, const char *end)
{
	uint32_t cp;
	const char *q = p + text_decode(p, end, &cp);
	if (!text_is_han(cp) || !(hprefix(q, (size_t)(end - q), "历") || hprefix(q, (size_t)(end - q), "曆") ||
				  hprefix(q, (size_t)(end - q), "歷")))
		return 0;
	q += 3;
	bool dated = false;
	while (q < end) {
		int k = text_decode(q, end, &cp);
		if (!text_is_han(cp) && !is_digit_cp(cp))
			return 0;
		dated |= cp == 0x5E74 || cp == 0x6708;  /* 年 月 */
		q += k;
	}
	return dated ? (size_t)(end - p) : 0;
}

/* The era named before a year (民國115年, 中華民國115年, 公元2026年):
 * its bytes when a number follows, else 0. */
static size_t era_at(const char *p, const char *end)
{
	static const char *const eras[] = { "中華民國", "中华民国", "民國", "民国", "公元", "西元" };
	size_t n = word_at(p, end, eras, sizeof eras / sizeof *eras);
	return n && number_at(p + n, end, 4) ? n : 0;
}

/* One field at p: its weight in *w and its length, or 0. */
/* What a field's label announces in the next word. */
enum { HV_NONE, HV_PHONE, HV_EMAIL, HV_ANY };


/* "癸亥年": a year named by the sexagenary cycle (a heavenly stem, an
 * earthly branch), after 陰曆: its bytes, 0 for none. */
static size_t cyclic_year(const char *p, const char *end)
{
	static const char stems[] = "甲乙丙丁戊己庚辛壬癸", branches[] = "子丑寅卯辰巳午未申酉戌亥";
	if (end - p < 9 || !hprefix(p + 6, (size_t)(end - p - 6), "年"))
		return 0;
	bool stem = false, branch = false;
	for (size_t k = 0; k + 3 <= sizeof stems - 1; k += 3)
		stem |= memcmp(p, stems + k, 3) == 0;
	for (size_t k = 0; k + 3 <= sizeof branches - 1; k += 3)
		branch |= memcmp(p + 3, branches + k, 3) == 0;
	return stem && branch ? 9 : 0;
}

/* "CN", "ISSN": two to four capital letters and nothing else. */
static bool upper_letters(const char *p, const char *end)
{
	if (end - p < 2 || end - p > 4)
		return false;
	for (const char *q = p; q < end; q++)
		if (*q < 'A' || *q > 'Z')
			return false;
	return true;
}

static size_t header_field(const char *p, const char *end, int *w, bool *page, bool *editor, int *value)
{
	static const char *const phones[] = { "电话", "電話", "热线", "熱線", "传真", "傳真" };
	static const char *const mails[] = { "邮箱", "郵箱", "信箱", "电邮", "電郵", "E-mail", "Email", "email", "E-Mail" };
	static const char *const imprint[] = {
		"社址", "地址", "邮编", "郵編", "邮政编码", "郵政編碼", "零售价", "零售價", "定价", "定價", "邮发代号", "郵發代號",
		"国内统一连续出版物号", "國內統一連續出版物號", "广告经营许可证", "廣告經營許可證", "印刷",
		/* an enterprise's or a school's paper: 内部资料　准印证号：（辽）0217 */
		"准印证号", "準印證號", "准印证", "準印證", "内部资料", "內部資料", "刊号", "刊號",
	};
	static const char *const weekdays[] = { "星期", "礼拜", "禮拜", "周", "週" };
	static const char *const editors[] = {
		"责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "美编", "美編", "校对", "校對",
		"版式", "组版", "組版", "排版", "审读", "審讀", "主编", "主編", "设计", "設計",
		"值班编委", "编审", "編審", "制图", "製圖", "审核", "審核", "监制", "監製", "统筹", "統籌",
	};
	static const char *const lunar[] = { "农历", "農曆", "夏历", "阴历", "陰曆", "旧历", "舊曆" };
	static const char *const publishers[] = {
		"主办", "主辦", "承办", "承辦", "协办", "協辦", "主管", "编印", "編印", "出版",
	};
	const size_t len = (size_t)(end - p);
	size_t n, m;
	*page = *editor = false;
	*value = HV_NONE;
	/* a date: 2024年5月6日, 5月6日, 2024-05-06, 2024.5.6, 2024/5/6; its
	 * era may be named before the year (民國115年12月10日) */
	const char *y = p + era_at(p, end);
	if ((n = number_at(y, end, 4)) > 0) {
		const char *q = y + n;
		size_t nn = narrow_len(y, n);   /* ２０２６ as long as 2026 */
		/* 2026年第45期: the year's issue */
		if (nn == 4 && hprefix(q, (size_t)(end - q), "年第") && (m = number_at(q + 6, end, 6)) > 0 &&
		    hprefix(q + 6 + m, (size_t)(end - q - 6 - m), "期")) {
			*w = HF_ISSUE;
			return (size_t)(q + 6 + m + 3 - p);
		}
		if (hprefix(q, (size_t)(end - q), "年") && (m = number_at(q + 3, end, 3)) > 0)
			q += 3 + m;
		/* (OCR reads 日 as 曰 now and then: "2026年12月1曰") */
		if (hprefix(q, (size_t)(end - q), "月") && (m = number_at(q + 3, end, 3)) > 0 &&
		    (hprefix(q + 3 + m, (size_t)(end - q - 3 - m), "日") ||
		     hprefix(q + 3 + m, (size_t)(end - q - 3 - m), "号") ||
		     hprefix(q + 3 + m, (size_t)(end - q - 3 - m), "曰"))) {
			*w = HF_DATE;
			return (size_t)(q + 3 + m + 3 - p);
		}
		/* 二〇二六年十一月, 2026年11月: a monthly's date, the word's end */
		if (nn >= 4 && q > y + n && q + 3 == end && hprefix(q, 3, "月")) {
			*w = HF_DATE;
			return (size_t)(end - p);
		}
		q = y + n;
		if (nn == 4 && q < end && (*q == '-' || *q == '.' || *q == '/')) {
			char sep = *q;
			size_t a = number_at(q + 1, end, 2);
			const char *r = q + 1 + a;
			if (a && r < end && *r == sep) {
				size_t b = number_at(r + 1, end, 2);
				if (b) {
					*w = HF_DATE;
					return (size_t)(r + 1 + b - p);
				}
			}
		}
		/* "16版" */
		if (y == p && nn <= 6 && hprefix(p + n, (size_t)(end - p - n), "版")) {
			*w = HF_PAGE;
			*page = true;
			return n + 3;
		}
	}
	/* 星期一, 周六 */
	if ((n = word_at(p, end, weekdays, sizeof weekdays / sizeof *weekdays)) > 0) {
		const char *q = p + n;
		if (q < end && (is_cn_numeral(q, end) || hprefix(q, (size_t)(end - q), "日") ||
				hprefix(q, (size_t)(end - q), "天"))) {
			*w = HF_WEEKDAY;
			return n + 3;
		}
	}
	/* 第1287期, 总第1287期: the issue's number */
	if (hprefix(p, len, "总第") || hprefix(p, len, "總第") || hprefix(p, len, "第")) {
		const char *q = p + (hprefix(p, len, "第") ? 3 : 6);
		if ((m = number_at(q, end, 6)) > 0 && hprefix(q + m, (size_t)(end - q - m), "期")) {
			*w = HF_ISSUE;
			return (size_t)(q + m + 3 - p);
		}
		/* 第21876号: a daily's issue as its masthead counts it (three
		 * figures at least: 第5号台风 is a typhoon) */
		if (narrow_len(q, m) >= 3 && (hprefix(q + m, (size_t)(end - q - m), "号") || hprefix(q + m, (size_t)(end - q - m), "號"))) {
			*w = HF_ISSUE;
			return (size_t)(q + m + 3 - p);
		}
	}
	/* 今日8版, 本期四版, 今日16版: the pages of the issue, a masthead's */
	if ((hprefix(p, len, "今日") || hprefix(p, len, "本期")) && (m = number_at(p + 6, end, 3)) > 0 &&
	    hprefix(p + 6 + m, (size_t)(end - p - 6 - m), "版")) {
		*w = HF_ISSUE;
		return 6 + m + 3;
	}
	/* 第3版, 第三版, 第A4版 */
	if (hprefix(p, len, "第")) {
		const char *q = p + 3;
		q += capital_at(q, end);       /* 第A4版, 第Ａ４版 */
		if ((m = number_at(q, end, 3)) > 0 &&
		    (hprefix(q + m, (size_t)(end - q - m), "版") || hprefix(q + m, (size_t)(end - q - m), "頁") ||
		     hprefix(q + m, (size_t)(end - q - m), "页") || hprefix(q + m, (size_t)(end - q - m), "面") ||
		     /* 第三張: an old daily's sheet (set apart: 第三张照片 is a photo) */
		     ((hprefix(q + m, (size_t)(end - q - m), "張") || hprefix(q + m, (size_t)(end - q - m), "张")) &&
		      (q + m + 3 == end || text_is_space(first_cp_of(q + m + 3, end)))))) {
			*w = HF_PAGE;
			*page = true;
			return (size_t)(q + m + 3 - p);
		}
	}
	/* A04, B2, A4版 (or full-width: Ａ０４) */
	size_t cap = capital_at(p, end);
	if (cap && (m = number_at(p + cap, end, 3)) > 0 && narrow_len(p + cap, m) <= 3 &&
	    (p[cap] & 0x80 ? (unsigned char)p[cap] == 0xEF : 1)) {
		size_t d = cap + m;
		bool ban = hprefix(p + d, len - d, "版");
		if (ban)
			d += 3;
		uint32_t after = 0;
		if (d < len)
			text_decode(p + d, end, &after);
		/* (a word glued to it is a name's: U17组, G20峰会, C919大飞机) */
		if (!is_digit_cp(after) && (ban || !text_is_han(after))) {
			*w = HF_PAGE;
			*page = true;
			return d;
		}
	}
	/* 责编 李明, 责编：李明, 本版责编 */
	size_t desk = hprefix(p, len, "本版") || hprefix(p, len, "本期") ? 6 : 0;
	if ((n = word_at(p + desk, end, editors, sizeof editors / sizeof *editors)) > 0) {
		*w = HF_EDITOR;
		*editor = true;
		return desk + n;
	}
	/* 美术：X, the page's artist: only with its colon (美术馆 is a word) */
	if ((hprefix(p, len, "美术") || hprefix(p, len, "美術")) && (hprefix(p + 6, len - 6, "：") || hprefix(p + 6, len - 6, ":"))) {
		*w = HF_EDITOR;
		*editor = true;
		return 6;
	}
	/* any kind of editor: 数据编辑, 版式编辑, 本版编辑, 图片编辑, 版面設計
	 * (a short word of Han characters ending in 编辑 or 设计) */
	if (len >= 9 && (unsigned char)*p >= 0xE4) {
		const char *q = p;
		for (int c = 0; c < 4 && q < end; c++) {
			uint32_t cp;
			q += text_decode(q, end, &cp);
			if (!text_is_han(cp))
				break;
			if (hprefix(q, (size_t)(end - q), "编辑") || hprefix(q, (size_t)(end - q), "編輯") ||
			    hprefix(q, (size_t)(end - q), "设计") || hprefix(q, (size_t)(end - q), "設計")) {
				*w = HF_EDITOR;
				*editor = true;
				return (size_t)(q + 6 - p);
			}
		}
	}
	/* 电话 027-5123xxxx: the desk's telephone (its number follows); the
	 * paper's own line (本报热线, 新闻热线, 读者热线) weighs more */
	static const char *const own[] = {
		"本报", "本報", "本刊", "本版", "新闻", "新聞", "读者", "讀者", "报料", "報料", "爆料", "投稿", "电子", "電子",
		"发行", "發行", "广告", "廣告", "订阅", "訂閱",
	};
	size_t o = word_at(p, end, own, sizeof own / sizeof *own);
	if (o)	/* 本版投稿邮箱: two of them */
		o += word_at(p + o, end, own, sizeof own / sizeof *own);
	if ((n = word_at(p + o, end, phones, sizeof phones / sizeof *phones)) > 0) {
		*w = o ? HF_DATE : HF_LUNAR;
		*value = HV_PHONE;
		return o + n;
	}
	/* 投稿邮箱 x@y: the desk's mail (its address follows) */
	if ((n = word_at(p + o, end, mails, sizeof mails / sizeof *mails)) > 0) {
		*w = o ? HF_DATE : HF_LUNAR;
		*value = HV_EMAIL;
		return o + n;
	}
	/* the imprint at the foot of a page: 社址, 邮编, 零售价, 邮发代号… */
	if ((n = word_at(p + o, end, imprint, sizeof imprint / sizeof *imprint)) > 0) {
		/* 本报地址, 本社社址: the paper's own imprint too */
		*w = HF_DATE;
		*value = HV_ANY;
		return o + n;
	}
	/* "青岭森工集团有限公司主管主办", "中共青石县委主办": the publisher
	 * named before the word, a word of the masthead's own */
	static const char *const published_by[] = { "主管主办", "主管主辦", "主办", "主辦" };
	for (size_t k = 0; k < sizeof published_by / sizeof *published_by; k++)
		if (len >= strlen(published_by[k]) + 4 * 3 && ends_with(p, end, published_by[k])) {
			*w = HF_DATE;
			*value = HV_ANY;
			return len;
		}
	/* 主办：X公司党委宣传部: who publishes the paper, a label and its
	 * colon (without the colon 主办 is a verb of a sentence) */
	if ((n = word_at(p, end, publishers, sizeof publishers / sizeof *publishers)) > 0 &&
	    (hprefix(p + n, len - n, ":") || hprefix(p + n, len - n, "："))) {
		*w = HF_DATE;
		*value = HV_ANY;
		return n;
	}
	if ((n = word_at(p, end, lunar, sizeof lunar / sizeof *lunar)) > 0) {
		*w = HF_LUNAR;
		return n + cyclic_year(p + n, end);
	}
	if ((n = other_calendar(p, end)) > 0) {
		*w = HF_LUNAR;
		return n;
	}
	return 0;
}

/* A word of Han characters (a name, a section, the paper's name):
 * characters, or -1 when it holds anything else. */
static int han_word(const char *p, const char *end)
{
	int n = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!text_is_han(cp) && cp != 0xB7)
			return -1;
		n++;
	}
	return n;
}

bool pattern_is_paper_name(const char *p, const char *end, int chars)
{
	static const char *const ends[] = { "报", "報", "刊", "周报", "晚报", "日报", "时报", "時報" };
	if (chars < 2 || chars > 10)
		return false;
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t n = strlen(ends[i]);
		if ((size_t)(end - p) >= n && memcmp(end - n, ends[i], n) == 0)
			return true;
	}
	return false;
}

/* The paper's name between book-title marks, as a bulletin or a
 * society's journal prints it: 《X报》, or 《X》 and the kind of paper
 * after it (《美发美容》会刊, 《X》周刊), a word of up to three Han
 * characters ending as a paper's name does. */
static bool titled_paper(const char *p, const char *end)
{
	if (!hprefix(p, (size_t)(end - p), "《"))
		return false;
	const char *in = p + 3, *close = util_find(in, (size_t)(end - in), "》", 3);
	if (!close)
		return false;
	int n = han_word(in, close), k = han_word(close + 3, end);
	if (n < 2 || n > 10)
		return false;
	if (k == 0)
		return pattern_is_paper_name(in, close, n);
	return k >= 1 && k <= 3 && pattern_is_paper_name(close + 3, end, 2);
}

static bool header_separator(uint32_t cp)
{
	return text_is_space(cp) || cp == 0xB7 || cp == 0x30FB || cp == '|' || cp == 0xFF5C ||
	       cp == '(' || cp == ')' || cp == 0xFF08 || cp == 0xFF09 ||   /* （星期一） */
	       cp == 0x3010 || cp == 0x3011 || cp == 0x3016 || cp == 0x3017 ||   /* 【江城手机报】 */
	       cp == 0x2022 || cp == 0x25C6 || cp == 0x25C7 || cp == 0x25A0 || cp == 0x25CF;
}

/* Digits of a telephone number, its masked digits and dashes. */
static bool phone_number(const char *p, const char *end)
{
	int digits = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0xD7 || cp == '*' ||
		    cp == 'x' || cp == 'X')
			digits++;
		else if (cp != '-' && cp != 0xFF0D)
			return false;
	}
	return digits >= 3;
}

/* A word of capital letters (a paper's name in letters, "AI"): up to 12. */
static bool latin_caps(const char *p, const char *end)
{
	if (end - p > 12)
		return false;
	for (; p < end; p++)
		if (!(*p >= 'A' && *p <= 'Z') && *p != '.' && *p != '&')
			return false;
	return true;
}

/* A word of Latin letters set as a name, a capital first ("Journal",
 * "Europa-Chinesische", "Ouhua"): up to 20 letters, hyphens between; a
 * person's ("Dewi", "María") with Latin-1's accented letters (two bytes
 * each) too, up to 24 bytes. */
static bool latin_name_word(const char *p, const char *end, bool accents)
{
	if (end - p > (accents ? 24 : 20) || !(*p >= 'A' && *p <= 'Z'))
		return false;
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (accents && c == 0xC3 && p + 1 < end && ((unsigned char)p[1] & 0xC0) == 0x80)
			p++;
		else if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && c != '-')
			return false;
	}
	return true;
}

/* A word of Hangul syllables only, 2 to 8 of them. */
static bool hangul_word(const char *p, const char *end)
{
	int n = 0;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp < 0xAC00 || cp > 0xD7A3)
			return false;
		n++;
	}
	return n >= 2 && n <= 8;
}

/* A section's name of 2 to 6 Han characters with the page's number
 * glued after it or before it, a letter allowed before the number:
 * "要闻2", "要闻 A2" read as one word, "A2要闻", "3经济". */
static bool section_folio(const char *p, const char *end)
{
	const char *q = p;
	if (q < end && *q >= 'A' && *q <= 'Z')
		q++;
	const char *d = q;
	while (q < end && *q >= '0' && *q <= '9' && q - d < 3)
		q++;
	if (q > d) {
		int n = han_word(q, end);
		return n >= 2 && n <= 6;
	}
	/* the number after the name */
	const char *z = end;
	while (z > p && z[-1] >= '0' && z[-1] <= '9' && end - z < 3)
		z--;
	if (z == end || (z > p && z[-1] >= '0' && z[-1] <= '9'))
		return false;
	if (z > p && z[-1] >= 'A' && z[-1] <= 'Z')
		z--;
	int n = han_word(p, z);
	return n >= 2 && n <= 6;
}

/* An e-paper's words for moving between its pages and issues. */
static const char *const nav_words[] = {
	"首页", "首頁", "往期回顾", "往期回顧", "版面导航", "版面導航", "PDF下载", "PDF下載", "PDF版下载", "PDF版", "PDF",
	"上一版", "下一版", "上一期", "下一期", "返回目录", "返回目錄", "本版目录", "标题导航", "標題導航", "版面概览", "版面概覽",
	"下载PDF", "下載PDF",
	"打印本页", "打印本頁", "关闭窗口", "關閉窗口", "返回顶部", "返回頂部", "本版PDF下载", "本版PDF下載",
	"下载本版PDF", "下載本版PDF", "版面目录", "版面目錄", "目录", "目錄",
	"回复", "回覆", "举报", "舉報", "引用", "评分", "評分", "只看该作者", "只看該作者", "复制链接", "複製鏈接", "收藏", "分享",
	"数字报", "電子報", "电子版", "電子版", "过刊检索", "往期检索", "查看版面大图", "查看版面大圖", "版面大图", "版面大圖",
	"电脑版", "電腦版", "手机版", "手機版", "触屏版", "觸屏版", "网页版", "網頁版",
	"关于我们", "關於我們", "联系我们", "聯絡我們", "聯繫我們", "隐私政策", "隱私政策", "隐私权政策", "隱私權政策",
	"服务条款", "服務條款", "使用条款", "使用條款",
};

static size_t link_number(const char *p, const char *end);
void pattern_match_header(const char *s, size_t len, header_match *hm)
{
	memset(hm, 0, sizeof *hm);
	const char *end = s + len, *p = s;
	bool after_editor = false, value_seen = false, named = false, folio_seen = false, paper = false;
	int latin = 0;
	/* the words right after the paper's name: its name in letters
	 * ("欧华导报 Journal Ouhua", "枫华周报 Maple Chinese Weekly"), up
	 * to LATIN_NAME_WORDS of them; its letters, narrow, count half */
	enum { LATIN_NAME_WORDS = 4 };
	int name_words = -1, name_letters = 0;
	int value = HV_NONE;
	int chars = 0, date_pieces = 0;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		size_t mark = link_number(p, end);
		if (mark || header_separator(cp) || cp == ':' || cp == 0xFF1A || cp == '/' || cp == 0xFF0F) {
			p += mark ? mark : (size_t)k;
			continue;
		}
		/* the word up to the next separator ('/' too, but not inside a
		 * date: "江城日报/2025年7月15日/第2版", "2025/7/15") */
		const char *we = p;
		uint32_t prev = 0;
		while (we < end) {
			uint32_t c;
			int kk = text_decode(we, end, &c);
			if (header_separator(c))
				break;
			if ((c == '/' || c == 0xFF0F) && !(prev >= '0' && prev <= '9' && we + kk < end && we[kk] >= '0' &&
							    we[kk] <= '9'))
				break;
			prev = c;
			we += kk;
		}
		/* fields glued together ("2024年5月6日星期一") are read one by one */
		const char *q = p;
		while (q < we) {
			int w = 0, v;
			bool page, editor;
			size_t f = header_field(q, we, &w, &page, &editor, &v);
			if (!f)
				break;
			value = v;
			if (page && !hm->page) {
				hm->label = q;
				hm->label_len = f;
			}
			hm->page |= page;
			hm->score += w;
			hm->fields++;
			q += f;
			after_editor = editor;
			bool colon = q < we && (*q == ':' || hprefix(q, (size_t)(we - q), "："));
			if (colon)
				q += *q == ':' ? 1 : 3;
			if (editor && q < we) {
				/* 责编李明: the name glued to the role (a family name
				 * first: "编辑姐姐说" is a column's title, no field) */
				int n = han_word(q, we);
				if (n >= 2 && n <= 4 && (colon || starts_with_surname(q, we))) {
					q = we;
					after_editor = false;
					if (!named) {
						hm->score += 1;     /* an editor named: a credit line */
						named = true;
					}
				}
			}
		}
		if (q < we && q == p && value == HV_NONE && !folio_seen && (p == s || we == end) && we - q <= 3 &&
		    number_at(q, we, 3) == (size_t)(we - q) && *q >= '0' && *q <= '9') {
			/* "12　以案说法": the page's number first or last on the line */
			hm->score += HF_DATE;
			folio_seen = true;
		}
		size_t num = q < we && q == p && value == HV_NONE ? number_at(q, we, 4) : 0;
		bool unit = q < we && q == p && value == HV_NONE && we - q - (ptrdiff_t)num == 3 &&
			    (hprefix(q + num, 3, "年") || hprefix(q + num, 3, "月") || hprefix(q + num, 3, "日"));
		if (q < we && q == p && value == HV_NONE && (num == (size_t)(we - q) || unit)) {
			/* "2024 年 3 月 15 日", "2026年 3月 27日": a date with
			 * spaces (OCR), a piece for the number, one for its unit */
			int before = date_pieces;
			date_pieces += (num > 0) + unit;
			if (before < 4 && date_pieces >= 4) {
				hm->score += HF_DATE;
				hm->fields++;
			}
			q = we;
		}
		if (q < we && we - q == 1 && *q >= 'A' && *q <= 'Z')
			q = we;         /* "A 02": a page label cut by OCR */
		if (q < we && q == p && (unsigned char)*q < 0x80 &&
		    match_any(q, we, nav_words, sizeof nav_words / sizeof *nav_words) == (size_t)(we - q)) {
			q = we;         /* "| 上一版 下一版 | PDF版": the e-paper's links (the Han ones read below) */
			hm->fields++;
		}
		if (q < we && value != HV_NONE &&
		    ((value == HV_PHONE && phone_number(q, we)) ||
		     (value == HV_EMAIL && memchr(q, '@', (size_t)(we - q)) && we - q <= 60) ||
		     (value == HV_ANY && count_chars(q, (size_t)(we - q)) <= 24))) {
			/* "(027)5123××××" after 电话, "x@y.com" after 邮箱, the
			 * value of an imprint field */
			q = we;
			if (!value_seen && value != HV_ANY) {
				hm->score += HF_DATE;
				hm->fields++;
				value_seen = true;
			}
			/* ("CN 45-0001": a serial's letters and its number are
			 * one value) */
			if (value == HV_ANY && !upper_letters(p, we))
				value = HV_NONE;
		} else if (q == p) {
			value = HV_NONE;
		}
		bool name_word = false;
		if (q < we) {
			int n = han_word(q, we);
			if (q == p && ((n > 0 && pattern_is_paper_name(q, we, n)) || titled_paper(q, we))) {
				hm->score += HF_PAPER;
				hm->fields++;
				paper = true;
				name_words = 0;
				name_word = true;
			} else if (q == p && name_words >= 0 && name_words < LATIN_NAME_WORDS && latin_name_word(q, we, false)) {
				name_words++;
				name_letters += (int)(we - q);
				name_word = true;
				latin += latin_caps(q, we);     /* (EAST LAKE MORNING POST: see below) */
			} else if (after_editor && q > p && q[-1] != ':' && !(q - p >= 3 && hprefix(q - 3, 3, "：")) &&
				   !starts_with_surname(q, we)) {
				/* glued to the role, a name starts with a family name:
				 * "编辑姐姐说", "编辑姐姐" are a column's words, no field */
				hm->others++;
			} else if (after_editor && n >= 1 && n <= 4) {
				/* the editor's name ("曹　可": spaced a character apart) */
				after_editor = n == 1 && !named;
				if (!named) {
					hm->score += 1;
					named = true;
				}
			} else if (n >= 4 && n <= 12 &&
				   (hprefix(we - 6, 6, "出版") || hprefix(we - 6, 6, "主办") || hprefix(we - 6, 6, "主辦") ||
				    hprefix(we - 6, 6, "编印") || hprefix(we - 6, 6, "編印"))) {
				/* "江城日报社出版", "青川县融媒体中心主办", "X办公室编印":
				 * the imprint */
				hm->score += HF_DATE;
				hm->fields++;
			} else if (n < 0 && (latin_caps(q, we) || hangul_word(q, we))) {
				/* "WEN WEI PO", "AI": the paper's name in letters, a
				 * section's abbreviation; "장백일보": the paper's
				 * name in the script of a bilingual area */
				latin++;
			} else if (n < 0 && q == p && !folio_seen && section_folio(q, we)) {
				/* "要闻2", "A2要闻": the section with the page's
				 * number glued to it */
				hm->score += HF_DATE;
				folio_seen = true;
			} else if (after_editor && n < 0 && latin_name_word(q, we, true)) {
				/* "排版：Dewi", "排版：María Chang": a name in letters */
				if (!named) {
					hm->score += 1;
					named = true;
				}
			} else if (n < 1 || n > 8) {
				hm->others++;
				hm->long_names += n > 8 && n <= 12;
			}
			/* a short word of Han characters: a section name */
		}
		if (!name_word)
			name_words = -1;
		chars += (int)count_chars(p, (size_t)(we - p));
		hm->words++;
		p = we;
	}
	chars -= name_letters / 2;
	if (chars > 60)
		hm->others++;
	/* "科技日报　SCIENCE AND TECHNOLOGY DAILY": the masthead, the paper's
	 * name printed again in capitals */
	if (latin && paper && hm->fields == 1 && hm->others == 0 && hm->words == latin + 1)
		hm->score += HF_PAPER;
}

/* Every header holds a digit (date, page, issue) or one of a few words
 * (版, 编, 校, 审, 期, the paper's 报 or 刊): a cheap test first. */
static bool header_candidate(const char *s, size_t len)
{
	/* the UTF-8 of 版 编 編 校 审 審 期 报 報 刊 星 張 曆 (by lead byte: one
	 * switch, not eleven comparisons at every Han character), full-width
	 * digits */
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if (u[i] >= '0' && u[i] <= '9')
			return true;
		if (u[i] >= 0xE0 && u[i] < 0xE5 && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
		    (u[i + 2] & 0xC0) == 0x80) {
			i += 2;         /* a whole character none of the words starts with */
			continue;
		}
		if (u[i] < 0xE5 || u[i] > 0xEF || i + 2 >= len)
			continue;
		unsigned k = (unsigned)u[i + 1] << 8 | u[i + 2];
		switch (u[i]) {
		case 0xE5:      /* 审 審 報 刊 張 (an old daily's sheet: 张 and 历, common in text, left out) */
			if (k == 0xAEA1 || k == 0xAFA9 || k == 0xA0B1 || k == 0x888A || k == 0xBCB5)
				return true;
			break;
		case 0xE6:      /* 校 期 报 星 曆 */
			if (k == 0xA0A1 || k == 0x9C9F || k == 0x8AA5 || k == 0x989F || k == 0x9B86)
				return true;
			break;
		case 0xE7:      /* 版 编 編 */
			if (k == 0x8988 || k == 0xBC96 || k == 0xB7A8)
				return true;
			break;
		case 0xEF:
			if (u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99)
				return true;
			break;
		}
		if ((u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
			i += 2;         /* its continuation bytes: neither digits nor leads */
	}
	return false;
}

/* A folio alone on its line: "- 3 -", "—3—", "（２）", "[12]": a page
 * number between dashes or in brackets (digits only: "（二）" numbers a
 * section). */
static bool folio(const char *s, const char *end)
{
	static const uint32_t opens[] = { '-', 0xFF0D, 0x2014, 0x2013, 0x2015, '(', 0xFF08, '[', 0x3014, 0x3010 };
	static const uint32_t closes[] = { '-', 0xFF0D, 0x2014, 0x2013, 0x2015, ')', 0xFF09, ']', 0x3015, 0x3011 };
	s = text_skip_space(s, end);
	end = text_trim_end(s, end);
	if (end - s < 3 || end - s > 24)
		return false;
	uint32_t a, z;
	int n = text_decode(s, end, &a);
	const char *last = text_prev(s, end);
	text_decode(last, end, &z);
	size_t k = 0;
	while (k < sizeof opens / sizeof *opens && opens[k] != a)
		k++;
	if (k == sizeof opens / sizeof *opens || closes[k] != z)
		return false;
	const char *p = text_skip_space(s + n, last), *q = text_trim_end(p, last);
	int digits = 0;
	while (p < q) {
		uint32_t cp;
		p += text_decode(p, q, &cp);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)))
			return false;
		digits++;
	}
	return digits >= 1 && digits <= 3;
}

static bool running_header(const char *s, size_t len, header_match *hm);


/* "首页　|　往期回顾　|　版面导航　|　PDF下载", "上一版　　下一版": a line
 * of an e-paper's page links only, two or more, set apart by spaces or
 * bars. */
static char_set nav_starts = { "首往版上下返本标標数关關联聯隐隱服使電电过【打關关回举舉引只复複收分查手触觸网網目", false, { 0 } };

/* "[12]": the number lynx or w3m sets before a link it dumps; its
 * bytes, else 0. */
static size_t link_number(const char *p, const char *end)
{
	if (p >= end || *p != '[')
		return 0;
	const char *q = p + 1;
	while (q < end && q - p <= 4 && *q >= '0' && *q <= '9')
		q++;
	return q > p + 1 && q < end && *q == ']' ? (size_t)(q + 1 - p) : 0;
}

/* "首页 | 印尼 | 华社 | 中国 | 国际": a site's menu, its home link first
 * and its sections after it, set apart by bars (three words at least,
 * each of one to six Han characters or a Latin word). */
static bool site_menu(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	if (!(starts_with(p, end, "首页") || starts_with(p, end, "首頁")))
		return false;
	unsigned words = 0, bars = 0;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp) || cp == '|' || cp == 0xFF5C) {
			bars += cp == '|' || cp == 0xFF5C;
			p += k;
			continue;
		}
		const char *w = p;
		unsigned han = 0, latin = 0;
		while (p < end) {
			k = text_decode(p, end, &cp);
			if (text_is_space(cp) || cp == '|' || cp == 0xFF5C)
				break;
			if (text_is_han(cp))
				han++;
			else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
				latin++;
			else
				return false;
			p += k;
		}
		if (p == w || (han && latin) || han > 6)
			return false;
		words++;
	}
	return words >= 3 && bars + 1 >= words;
}

/* "雅加达地铁二期南段明年通车…  华校联合会举办教师研习营…  泗水…": a
 * phone view's bar of the page's titles, each cut short by an
 * ellipsis (two or more). */
static bool title_ticker(const char *s, size_t len)
{
	unsigned cut = 0;
	for (const char *p = s, *end = s + len; (p = util_find(p, (size_t)(end - p), "…", 3)) != NULL; p += 3) {
		const char *q = p + 3;
		while (q + 3 <= end && memcmp(q, "…", 3) == 0)
			q += 3;
		cut += q == end || text_is_space((unsigned char)*q);
		p = q - 3;
	}
	return cut >= 2 && !memmem(s, len, "。", 3) && !memmem(s, len, "，", 3);
}

/* "A1要闻　A2菲华社会　A3菲律宾新闻　A4国际": an edition's menu of its
 * pages, each page's label (a letter and one or two figures) tight
 * before its section's name of one to six Han characters, three at
 * least, set apart by spaces or bars. */
static bool page_menu(const char *s, size_t len)
{
	enum { MENU_PAGES_MIN = 3, SECTION_HAN_MAX = 6 };
	const char *p = s, *end = s + len;
	unsigned pages = 0;
	/* (after the menu's label: "版面导航：A1 要闻 | A2 澳闻 | …") */
	if (starts_with(s, end, "版面导航：") || starts_with(s, end, "版面導航："))
		p = s = text_skip_space(s + 15, end);
	len = (size_t)(end - s);
	if (len < 12 || !(*s >= 'A' && *s <= 'Z'))
		return false;
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (text_is_space(cp) || cp == '|' || cp == 0xFF5C) {
			p += k;
			continue;
		}
		if (!(*p >= 'A' && *p <= 'Z'))
			return false;
		const char *q = p + 1;
		while (q < end && q - p <= 2 && *q >= '0' && *q <= '9')
			q++;
		if (q == p + 1 || (q < end && *q >= '0' && *q <= '9'))
			return false;
		if (q < end && *q == ' ')
			q++;    /* ("A2 澳闻": a space between) */
		unsigned han = 0;
		while (q < end) {
			k = text_decode(q, end, &cp);
			if (!text_is_han(cp))
				break;
			han++;
			q += k;
		}
		if (!han || han > SECTION_HAN_MAX)
			return false;
		pages++;
		p = q;
	}
	return pages >= MENU_PAGES_MIN;
}

/* "返回顶部", "回到頂部", "返回目录": the page's link back to its top or
 * its contents, alone. */
static bool top_link(const char *s, size_t len)
{
	static const char *const tops[] = { "返回顶部", "返回頂部", "回到顶部", "回到頂部", "回到顶端", "回到頂端",
					    "返回目录", "返回目錄", "返回本版目录", "返回本版目錄", "返回列表" };
	const char *end = text_trim_end(s, s + len);
	/* (in its brackets: "【返回本版目录】", "[返回目录]") */
	if (end - s > 6 && hprefix(s, (size_t)(end - s), "【") && ends_with(s, end, "】")) {
		s += 3;
		end -= 3;
	} else if (end - s > 2 && *s == '[' && end[-1] == ']') {
		s++;
		end--;
	}
	for (size_t k = 0; k < sizeof tops / sizeof *tops; k++)
		if ((size_t)(end - s) == strlen(tops[k]) && memcmp(s, tops[k], strlen(tops[k])) == 0)
			return true;
	return false;
}

static size_t epaper_label(const char *s, size_t len);
static bool epaper_nav_bar(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	unsigned words = 0;
	if (site_menu(s, len) || title_ticker(s, len) || page_menu(s, len))
		return true;
	/* (most lines open with no nav word's first character: a look; an
	 * arrow's mark before it, "‹ 上一版", aside) */
	if (len < 6)
		return false;
	const char *w0 = s;
	if (hprefix(w0, len, "‹") || hprefix(w0, len, "«") || hprefix(w0, len, "↑") || hprefix(w0, len, "＜") ||
	    hprefix(w0, len, "▲") || hprefix(w0, len, "△"))
		w0 = text_skip_space(w0 + ((unsigned char)*w0 == 0xC2 ? 2 : 3), end);
	/* "當前版面：A2 澳聞　＜上一版　下一版＞　PDF下載": the page shown,
	 * then the links to the pages beside it */
	size_t shown = epaper_label(s, len);
	if (shown && (util_find(s, len, "上一版", 9) || util_find(s, len, "下一版", 9)))
		return true;
	/* "↑ 返回顶部" alone: the one link no story's line is */
	if (top_link(w0, (size_t)(end - w0)))
		return true;
	if (end - w0 < 3 ||
	    (*w0 != 'P' && *w0 != '[' && (((unsigned char)*w0 & 0xF0) != 0xE0 || !char_set_has(&nav_starts, fold3(w0)))))
		return false;
	enum { BAR_WORD_MAX = 4 };
	bool unknown = false, pdf = false, barred = memchr(s, '|', len) || util_find(s, len, "｜", 3);
	while (p < end) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		/* (set apart by bars or dots, or each in brackets: [上一版][下一版];
		 * a console browser's number of the link before it: [10]上一版) */
		size_t mark = link_number(p, end);
		if (mark) {
			p += mark;
			continue;
		}
		if (text_is_space(cp) || cp == '|' || cp == 0xFF5C || cp == 0xB7 || cp == '[' || cp == ']' ||
		    cp == 0x3010 || cp == 0x3011 || cp == 0x2039 || cp == 0x203A || cp == 0xAB || cp == 0xBB || cp == 0x2191 ||
		    cp == 0xFF1C || cp == 0xFF1E) {
			p += k;
			continue;
		}
		size_t w = match_any(p, end, nav_words, sizeof nav_words / sizeof *nav_words);
		if (!w) {
			/* one word of the site's own among its links ("首页 |
			 * 往期回顾 | 版面导航 | PDF下载 | 订阅服务"), set apart by
			 * bars, a few Han characters */
			const char *q = p;
			int han = 0;
			while (q < end && han <= BAR_WORD_MAX) {
				uint32_t c;
				int n = text_decode(q, end, &c);
				if (!text_is_han(c))
					break;
				q += n;
				han++;
			}
			if (unknown || !barred || han < 2 || han > BAR_WORD_MAX ||
			    (q < end && !text_is_space(first_cp_of(q, end)) && *q != '|'))
				return false;
			unknown = true;
			p = q;
			continue;
		}
		pdf |= memmem(p, w, "PDF", 3) != NULL;
		p += w;
		words++;
	}
	/* ("本版PDF下载" alone: the one link no story's line is) */
	return words >= (unknown ? 3 : 2) || (words == 1 && pdf && !unknown);
}

/* "榕岸的士报数字报", "江城日报电子版": the paper's name and its
 * e-paper's word, alone: the site's masthead. */
enum { EPAPER_HOUSE_MAX = 8 };
static bool epaper_masthead(const char *s, size_t len)
{
	static const char *const kinds[] = { "数字报", "數字報", "电子版", "電子版", "数字版", "數字版", "电子报", "電子報" };
	const char *end = text_trim_end(s, s + len);
	/* (every kind ends in 报, 報 or 版, whose last bytes are A5, B1 and
	 * 88: most lines are left at that) */
	unsigned char z = end - s >= 9 ? (unsigned char)end[-1] : 0;
	if (z != 0xA5 && z != 0xB1 && z != 0x88)
		return false;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t n = strlen(kinds[k]);
		if ((size_t)(end - s) > n && memcmp(end - n, kinds[k], n) == 0) {
			/* (a house's name of a few characters before it, alone:
			 * "城北水厂数字报", an enterprise's e-paper) */
			int han = (int)han_chars(s, end - n);
			return pattern_is_paper_name(s, end - n, han) ||
			       (han >= 2 && han <= EPAPER_HOUSE_MAX && (size_t)han * 3 == (size_t)(end - n - s));
		}
	}
	return false;
}

/* "点击上方蓝字关注我们", "点击上方蓝字「山野行户外」关注我们": a post
 * platform's call to follow the account, over every post it prints;
 * "- END -" closing the post. The platform's lines, no story's. */
static bool post_chrome(const char *s, size_t len)
{
	enum { FOLLOW_MAX = 40 * 3, CLICK_HINT_MAX = 16 * 3, SHARE_BAR_MAX = 60 * 3 };
	/* "PDF下载 本版PDF（2.8MB）": the link to the page's file, its size */
	if (len <= 40 * 3 && len > 6 && (s[0] == 'P' || memcmp(s, "本", 3) == 0) &&
	    (starts_with(s, s + len, "PDF下载") || starts_with(s, s + len, "PDF下載") || starts_with(s, s + len, "本版PDF")) &&
	    (util_find(s, len, "MB", 2) || util_find(s, len, "KB", 2) || util_find(s, len, "M）", 4)))
		return true;
	/* "分享到：微信 | 朋友圈 | Facebook": the page's buttons to share it */
	if (len <= SHARE_BAR_MAX && len > 9 && memcmp(s, "分享", 6) == 0 &&
	    (starts_with(s, s + len, "分享到") || starts_with(s, s + len, "分享至")) && !util_find(s, len, "。", 3) &&
	    !util_find(s, len, "，", 3))
		return true;
	/* (or "分享　Facebook　LINE　複製連結": the word, then the services
	 * by name, a space apart) */
	if (len <= SHARE_BAR_MAX && len > 9 && memcmp(s, "分享", 6) == 0 && text_is_space(first_cp_of(s + 6, s + len)) &&
	    !util_find(s, len, "。", 3) && !util_find(s, len, "，", 3) &&
	    (util_find(s, len, "Facebook", 8) || util_find(s, len, "LINE", 4) || util_find(s, len, "微信", 6) ||
	     util_find(s, len, "微博", 6) || util_find(s, len, "WhatsApp", 8)))
		return true;
	/* "Copyright © 2026 X　All Rights Reserved": the site's notice */
	if (len <= 200 && (s[0] == 'C' || (util_find(s, len, "©", 2) != NULL)) &&
	    (starts_with(s, s + len, "Copyright") || starts_with(s, s + len, "COPYRIGHT") ||
	     util_find(s, len, "Rights Reserved", 15) || util_find(s, len, "rights reserved", 15)))
		return true;
	/* "江淮建设报社主办　皖ICP备12045678号": the site's licence number */
	if (len <= 200 && (util_find(s, len, "ICP备", 6) || util_find(s, len, "ICP证", 6)) && !util_find(s, len, "。", 3))
		return true;
	/* "标签：社区　侨团": a site's tags for the story, words apart */
	if (len <= 60 && (starts_with(s, s + len, "标签：") || starts_with(s, s + len, "標籤：") ||
			  starts_with(s, s + len, "标签:") || starts_with(s, s + len, "Tags:")) &&
	    !util_find(s, len, "，", 3) && !util_find(s, len, "。", 3))
		return true;
	/* "展开全文 ∨": a phone view's button under a story's preview */
	if (len <= 24 && (starts_with(s, s + len, "展开全文") || starts_with(s, s + len, "展開全文") ||
			  starts_with(s, s + len, "点击展开") || starts_with(s, s + len, "點擊展開")) &&
	    !util_find(s, len, "，", 3) && !util_find(s, len, "。", 3))
		return true;
	/* "‹ 返回　　仰光华商报　　⋯": a phone view's bar back to the list */
	if (len >= 8 && len <= SHARE_BAR_MAX && (starts_with(s, s + len, "‹") || starts_with(s, s + len, "←") || s[0] == '<')) {
		const char *t = s + (s[0] == '<' ? 1 : 3);
		while (t < s + len && (*t == ' ' || starts_with(t, s + len, "　")))
			t += *t == ' ' ? 1 : 3;
		/* (one naming the page, "‹ 返回　A02　澳聞", is its running
		 * header: the page's label is read from it) */
		bool figures = false;
		for (const char *q = t; q < s + len; q++)
			figures |= *q >= '0' && *q <= '9';
		if (starts_with(t, s + len, "返回") && !figures && !util_find(s, len, "。", 3) && !util_find(s, len, "，", 3))
			return true;
	}
	if (len >= 12 && len <= FOLLOW_MAX && (starts_with(s, s + len, "点击上方") || starts_with(s, s + len, "點擊上方")))
		return util_find(s, len, "关注", 6) || util_find(s, len, "關注", 6);
	/* "点击版面图可放大阅读", "點擊圖片查看大圖": the site's hint of what
	 * a click does, short and bare of punctuation */
	if (len >= 12 && len <= CLICK_HINT_MAX && (starts_with(s, s + len, "点击") || starts_with(s, s + len, "點擊")) &&
	    !util_find(s, len, "，", 3) && !util_find(s, len, "。", 3) && (size_t)han_chars(s, s + len) * 3 == len)
		return util_find(s, len, "放大", 6) || util_find(s, len, "查看", 6) || util_find(s, len, "大图", 6) ||
		       util_find(s, len, "大圖", 6);
	/* END alone among dashes, spaces, markdown's escapes and emphasis */
	const char *e = len <= 24 ? util_find(s, len, "END", 3) : NULL;
	if (!e)
		return false;
	for (const char *p = s; p < s + len; p++)
		if ((p < e || p >= e + 3) && *p != '-' && *p != ' ' && *p != '\\' && *p != '*' && *p != '_')
			return false;
	return true;
}

static bool any_word(const char *s, size_t len, const char *const *words, size_t n);

enum { MAIL_LINE_MAX = 120 * 3 };     /* bytes: a notice with its address */

/* Whether s opens with one of the words and a colon after it ("From:",
 * "发件人：", "Subject :"). */
static bool colon_label(const char *s, size_t len, const char *const *words, size_t n)
{
	const char *end = s + len;
	for (size_t k = 0; k < n; k++) {
		if (!starts_with(s, end, words[k]))
			continue;
		const char *c = s + strlen(words[k]);
		while (c < end && *c == ' ')
			c++;
		if (starts_with(c, end, "：") || (c < end && *c == ':'))
			return true;
	}
	return false;
}

/* "发件人：欧华周报 <news@…>", "From: …", "---------- 转发的邮件 ----------". */
static pattern_mail mail_header(const char *s, size_t len)
{
	static const char *const senders[] = { "发件人", "收件人", "抄送", "寄件者", "收件者", "寄件人", "發件人", "From", "To",
					       "Cc" };
	static const char *const fields[] = { "主题", "主旨", "主題", "日期", "发送时间", "發送時間", "时间", "Subject",
					      "Date", "Sent" };
	static const char *const forwarded[] = { "转发的邮件", "轉寄的郵件", "轉發的郵件", "原始邮件", "原始郵件",
						 "Forwarded message", "Original Message" };
	/* (a look first: most lines open with none of the labels' first
	 * characters and hold no dash) */
	static char_set label_starts = { "发收抄寄發主日时時", false, { 0 } };
	if (!len)
		return PATTERN_MAIL_NONE;
	unsigned char c0 = (unsigned char)s[0];
	bool labelled = c0 == 'F' || c0 == 'T' || c0 == 'C' || c0 == 'S' || c0 == 'D' ||
			((c0 & 0xF0) == 0xE0 && len >= 3 && char_set_has(&label_starts, fold3(s)));
	if (!labelled && !memchr(s, '-', len))
		return PATTERN_MAIL_NONE;
	if (labelled && colon_label(s, len, senders, sizeof senders / sizeof *senders))
		return PATTERN_MAIL_HEADER;

	if (labelled && colon_label(s, len, fields, sizeof fields / sizeof *fields))
		return PATTERN_MAIL_FIELD;
	/* (a rule of dashes around the words, or the words alone) */
	if (len <= 120 && any_word(s, len, forwarded, sizeof forwarded / sizeof *forwarded))
		return PATTERN_MAIL_HEADER;
	return PATTERN_MAIL_NONE;
}

bool pattern_mail_subscriber(const char *s, size_t len)
{
	/* the subscription named beside the mail or its address: a story's
	 * "如需退订，消费者可以…" names neither (a look first for a
	 * character every word of the subscription has: 订 or 訂, or the
	 * word in letters) */
	static const char *const key[] = { "订", "訂", "nsubscribe" };
	static const char *const subscription[] = { "退订", "退訂", "取消订阅", "取消訂閱", "订阅了", "訂閱了", "nsubscribe" };
	static const char *const mail[] = { "邮件", "郵件", "电邮", "電郵", "电子版", "電子版", "再收到", "http", "@",
					    "nsubscribe" };
	return len <= MAIL_LINE_MAX && any_word(s, len, key, sizeof key / sizeof *key) &&
	       any_word(s, len, subscription, sizeof subscription / sizeof *subscription) &&
	       any_word(s, len, mail, sizeof mail / sizeof *mail);
}

pattern_mail pattern_mail_chrome(const char *s, size_t len)
{
	static const char *const web[] = { "网页版", "網頁版", "浏览器", "瀏覽器", "在线阅读", "線上閱讀", "网页浏览", "網頁瀏覽" };
	static const char *const ask[] = { "点击", "點擊", "查看", "打开", "打開", "访问", "訪問" };

	/* (a look for a character every word has first: 页 頁 览 覽 阅 閱) */
	static const char *const web_key[] = { "页", "頁", "览", "覽", "阅", "閱" };
	/* "[-- Attachment #1 --]", "[-- Autoview using w3m … --]": the marks
	 * a console mail reader (mutt) sets around a mail's parts */
	if (len >= 8 && s[0] == '[' && s[1] == '-' && s[2] == '-' && s[3] == ' ' && !memcmp(s + len - 4, " --]", 4))
		return PATTERN_MAIL_HEADER;
	if (len > MAIL_LINE_MAX)
		return PATTERN_MAIL_NONE;
	pattern_mail header = mail_header(s, len);
	if (header != PATTERN_MAIL_NONE)
		return header;
	if (pattern_mail_subscriber(s, len))
		return PATTERN_MAIL_SUBSCRIBER;
	return any_word(s, len, web_key, sizeof web_key / sizeof *web_key) &&
			       any_word(s, len, web, sizeof web / sizeof *web) &&
			       any_word(s, len, ask, sizeof ask / sizeof *ask)
		       ? PATTERN_MAIL_WEB_COPY
		       : PATTERN_MAIL_NONE;
}

/* "当前位置：首页 > 校报在线 > 第1024期", "您的位置：首页 » 新闻": a
 * site's breadcrumb, its label and the pages down to this one. */
static bool breadcrumb(const char *s, size_t len)
{
	static const char *const labels[] = { "当前位置", "當前位置", "您的位置", "您现在的位置", "您現在的位置",
					      "现在位置", "所在位置" };
	const char *end = s + len;
	size_t w = match_any(s, end, labels, sizeof labels / sizeof *labels);
	if (!w)
		return false;
	const char *p = s + w;
	if (!(starts_with(p, end, "：") || starts_with(p, end, ":")))
		return false;
	return memchr(p, '>', (size_t)(end - p)) || memmem(p, (size_t)(end - p), "»", 2) ||
	       memmem(p, (size_t)(end - p), "›", 3) || memmem(p, (size_t)(end - p), "＞", 3);
}

/* "老街.jpg (156.3 KB, 下载次数: 12)": a file attached, with its size. */
static bool attached_file(const char *s, size_t len)
{
	static const char *const kinds[] = { ".jpg", ".png", ".gif", ".jpeg", ".pdf", ".doc" };
	bool sized = false;
	for (const char *b = s + 2; !sized && b < s + len && (b = memchr(b, 'B', (size_t)(s + len - b))) != NULL; b++)
		sized = (b[-1] == 'K' || b[-1] == 'M') && b[-2] == ' ';
	if (!sized)
		return false;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (util_find(s, len, kinds[k], strlen(kinds[k])))
			return true;
	return false;
}

/* "楼主 | 发表于 2026-11-28 09:15", "沙发　發表於 2026/11/28": who posted
 * in a forum's thread, and when. */
bool pattern_forum_post(const char *s, size_t len)
{
	const char *end = s + len, *mid = s;
	/* (util_find looks for a needle's last byte first: the last byte of
	 * 表 is rare enough that most lines end the test there) */
	while ((mid = util_find(mid, (size_t)(end - mid), "表", 3)) != NULL &&
	       !(mid - s >= 3 && mid + 6 <= end &&
		 ((memcmp(mid - 3, "发", 3) == 0 && memcmp(mid + 3, "于", 3) == 0) ||
		  (memcmp(mid - 3, "發", 3) == 0 && memcmp(mid + 3, "於", 3) == 0))))
		mid += 3;
	if (!mid)
		return false;
	const char *t = text_skip_space(mid + 6, end);
	/* (the machine's date, 2026-11-28: "发表于2026年第3期" is a paper's) */
	return t + 5 <= end && t[0] >= '0' && t[0] <= '9' && t[1] >= '0' && t[1] <= '9' && t[2] >= '0' &&
	       t[2] <= '9' && t[3] >= '0' && t[3] <= '9' && (t[4] == '-' || t[4] == '/');
}

/* Digits at s (at most max), their count. */
static size_t digits_upto(const char *s, const char *end, size_t max)
{
	size_t n = 0;
	while (s + n < end && n < max && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

enum { CHAT_SENDER_MAX = 60 };  /* bytes of a sender's name */

bool pattern_chat_message(const char *s, size_t len, size_t *msg, bool *sender)
{
	const char *p = s, *end = s + len;
	bool bracket = p < end && *p == '[';
	p += bracket;
	/* the date: 2026/12/3, 12/3/26, 2026-12-03, 3.12.26 */
	for (int part = 0; part < 3; part++) {
		size_t n = digits_upto(p, end, 4);
		if (!n)
			return false;
		p += n;
		if (part < 2) {
			if (p >= end || !(*p == '/' || *p == '-' || *p == '.'))
				return false;
			p++;
		}
	}
	if (p < end && *p == ',')
		p++;
	if (p >= end || *p != ' ')
		return false;
	while (p < end && *p == ' ')
		p++;
	/* the time: 07:05 or 07:05:12 */
	size_t n = digits_upto(p, end, 2);
	if (!n || p + n >= end || p[n] != ':' || digits_upto(p + n + 1, end, 2) != 2)
		return false;
	p += n + 3;
	if (p < end && *p == ':' && digits_upto(p + 1, end, 2) == 2)
		p += 3;
	if (bracket) {
		if (p >= end || *p != ']')
			return false;
		p++;
		if (p >= end || *p != ' ')
			return false;
		p++;
	} else {
		if (end - p < 3 || memcmp(p, " - ", 3) != 0)
			return false;
		p += 3;
	}
	/* the sender, up to ": " (none: the chat's own notice) */
	const char *colon = NULL;
	for (const char *q = p; q + 1 < end && q - p <= CHAT_SENDER_MAX; q++)
		if (q[0] == ':' && q[1] == ' ') {
			colon = q;
			break;
		}
	if (colon && (colon == p || util_find(p, (size_t)(colon - p), "。", 3) || util_find(p, (size_t)(colon - p), "，", 3)))
		colon = NULL;
	if (msg)
		*msg = colon ? (size_t)(colon + 2 - s) : (size_t)(p - s);
	if (sender)
		*sender = colon != NULL;
	return true;
}

/* "本帖最后由 X 于 2026-11-28 21:20 编辑", "最後編輯：X 於 2025-11-27
 * 09:31": the forum's stamp of a post edited, short. */
static bool forum_edit_stamp(const char *s, size_t len)
{
	enum { EDIT_STAMP_MAX = 60 * 3 };
	const char *colon = len <= EDIT_STAMP_MAX ? memchr(s, ':', len) : NULL;
	if (!colon || colon == s || colon[-1] < '0' || colon[-1] > '9')
		return false;   /* no clock time (21:20) */
	return starts_with(s, s + len, "本帖最后由") || starts_with(s, s + len, "本帖最後由") ||
	       starts_with(s, s + len, "最后编辑") || starts_with(s, s + len, "最後編輯");
}

/* A forum's lines around a post it quotes: "附件: 老街.jpg (156.3 KB,
 * 下载次数: 12)" (a file attached, with its size), "X - Powered by
 * Discuz!" (the software's credit), who posted and when, the stamp of
 * an edit. */
static bool forum_chrome(const char *s, size_t len)
{
	if (util_find(s, len, "Powered by", 10))
		return true;
	return attached_file(s, len) || pattern_forum_post(s, len) || forum_edit_stamp(s, len);
}

/* A masthead's line that none but a masthead prints, alone: the organ it
 * is ("中共禾州市委机关报"), the registration number ("国内统一连续出版物号
 * CN 53-0098"), the weekday alone ("星期三"). */
static bool masthead_line(const char *s, size_t len)
{
	enum { ORGAN_MAX = 16 * 3 };
	const char *end = text_trim_end(s, s + len);
	if (end - s <= ORGAN_MAX && end - s > 9 && (ends_with(s, end, "机关报") || ends_with(s, end, "機關報")))
		return true;
	if (starts_with(s, end, "国内统一连续出版物号") || starts_with(s, end, "國內統一連續出版物號") ||
	    starts_with(s, end, "国内统一刊号"))
		return util_find(s, (size_t)(end - s), "CN", 2) != NULL && end - s <= 60;
	/* "楚天国防报社出版　每周二、四出版　邮发代号37-118": the paper's
	 * postal code for subscribers, with its imprint */
	const char *code = end - s <= 80 * 3 ? util_find(s, (size_t)(end - s), "邮发代号", 12) : NULL;
	if (!code && end - s <= 80 * 3)
		code = util_find(s, (size_t)(end - s), "郵發代號", 12);
	if (code && !util_find(s, (size_t)(end - s), "。", 3)) {
		const char *c = code + 12;
		if (starts_with(c, end, "："))
			c += 3;
		while (c < end && *c == ' ')
			c++;
		return c + 4 <= end && c[0] >= '0' && c[0] <= '9' && memchr(c, '-', (size_t)(end - c) < 4 ? (size_t)(end - c) : 4);
	}
	if (end - s == 9 && (starts_with(s, end, "星期") || starts_with(s, end, "礼拜") || starts_with(s, end, "禮拜"))) {
		static const char *const days[] = { "一", "二", "三", "四", "五", "六", "日", "天" };
		for (size_t k = 0; k < sizeof days / sizeof *days; k++)
			if (memcmp(s + 6, days[k], 3) == 0)
				return true;
	}
	return false;
}

bool pattern_is_epaper_chrome(const char *s, size_t len)
{
	return len <= 200 && (epaper_nav_bar(s, len) || epaper_masthead(s, len) || post_chrome(s, len) ||
			      forum_chrome(s, len) || masthead_line(s, len));
}

/* "当前版：03版　行业服务　2026年11月27日": the e-paper's label for the
 * page shown, before the page's own header fields; its length or 0. */
static size_t epaper_label(const char *s, size_t len)
{
	static const char *const labels[] = { "当前版：", "当前版面：", "当前版次：", "當前版：", "當前版面：" };
	if (len < 12 || (!hprefix(s, len, "当前") && !hprefix(s, len, "當前")))
		return 0;
	size_t n = match_any(s, s + len, labels, sizeof labels / sizeof *labels);
	return n && n < len ? n : 0;
}

/* OCR's letter for a figure at s[i] (O or o for 0, l or I for 1) beside
 * a figure in s, or 0. */
static char ocr_figure(const char *s, size_t len, size_t i)
{
	char c = s[i];
	if (c != 'O' && c != 'o' && c != 'l' && c != 'I')
		return 0;
	if (!((i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') || (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')))
		return 0;
	return c == 'l' || c == 'I' ? '1' : '0';
}

/* "2O26年11月27曰": OCR reads 0 as O and 1 as l inside figures. The line
 * read again with each such letter taken for its figure (byte for byte,
 * so the label maps back in place). */
static bool ocr_figures_header(const char *s, size_t len, header_match *hm)
{
	char buf[200];
	/* (most lines have no such letter at all, and are not copied) */
	if (len > sizeof buf ||
	    (!memchr(s, 'O', len) && !memchr(s, 'o', len) && !memchr(s, 'l', len) && !memchr(s, 'I', len)))
		return false;
	size_t first = 0;
	while (first < len && !ocr_figure(s, len, first))
		first++;
	if (first == len)
		return false;
	memcpy(buf, s, len);
	/* (a figure read so counts for the letter after it: "2OO6") */
	for (size_t i = first; i < len; i++) {
		char f = ocr_figure(buf, len, i);
		if (f)
			buf[i] = f;
	}
	if (!running_header(buf, len, hm))
		return false;
	if (hm->label_len)
		hm->label = s + (hm->label - buf);
	return true;
}

/* Whether a line is a running header or footer; one that prints its
 * date, page and letters in full-width forms (２０２６年, Ａ０６) is read
 * as the same line in ASCII (the label mapped back into s). */
bool pattern_is_running_header(const char *s, size_t len, header_match *hm)
{
	if (running_header(s, len, hm))
		return true;
	if (pattern_is_epaper_chrome(s, len)) {
		memset(hm, 0, sizeof *hm);
		hm->score = HEADER_MIN_SCORE;
		hm->fields = hm->words = 1;
		return true;
	}
	size_t label = len <= 200 ? epaper_label(s, len) : 0;
	if (label && running_header(s + label, len - label, hm))
		return true;
	if (ocr_figures_header(s, len, hm))
		return true;
	char buf[200];
	uint16_t at[201];
	size_t n = len <= 200 ? narrow_forms(s, len, buf, at, sizeof buf) : 0;
	if (!n)
		return false;
	at[n] = (uint16_t)len;
	header_match nm;
	if (!running_header(buf, n, &nm))
		return false;
	if (nm.label_len) {
		size_t a = (size_t)(nm.label - buf), z = a + nm.label_len;
		nm.label = s + at[a];
		nm.label_len = (size_t)at[z] - at[a];
	}
	*hm = nm;
	return true;
}

/* Numbers standing alone between spaces ("29 17 6 6 57"): a header has a
 * page's number, and its date's figures glued to 年月日; four or more
 * are a table's row ("3 南粤狮王 29 17 6 6 57"). */
enum { ROW_NUMBERS_MIN = 4 };
/* The bytes of the gap at s[i]: a space, a tab or U+3000 (a row's cells
 * set apart in full-width spaces), else 0. */
static size_t bare_gap(const char *s, size_t i, size_t len)
{
	if (s[i] == ' ' || s[i] == '\t')
		return 1;
	return i + 3 <= len && memcmp(s + i, "\xe3\x80\x80", 3) == 0 ? 3 : 0;
}

static unsigned bare_numbers(const char *s, size_t len)
{
	static const char *const units[] = { "年", "月", "日", "版", "期", "号", "號", "星" };
	unsigned n = 0;
	size_t i = 0;
	bool after_di = false;          /* the token before ends with 第 */
	bool in_run = false;            /* inside a run of single figures */
	while (i < len) {
		while (i < len && bare_gap(s, i, len))
			i += bare_gap(s, i, len);
		size_t start = i;
		bool digits = true, any = false;
		while (i < len && !bare_gap(s, i, len)) {
			char c = s[i];
			any |= c >= '0' && c <= '9';
			digits &= (c >= '0' && c <= '9') || c == '.' || c == '%' || c == '-' || c == '+' || c == ',';
			i++;
		}
		if (i == start)
			break;
		size_t next = i;
		while (next < len && bare_gap(s, next, len))
			next += bare_gap(s, next, len);
		/* (OCR's "2024 年 3 月", "第 3 版": a date's or a page's) */
		bool unit = match_any(s + next, s + len, units, sizeof units / sizeof *units) > 0;
		bool number = digits && any && !unit && !after_di;
		/* OCR's letter spacing, "B 0 2", "2 0 2 6年3月9日": single
		 * figures in a row are one number, none when the date's unit
		 * is glued to the token after them */
		bool single = digits && any && i - start == 1;
		if (single && !in_run) {
			size_t k = next;
			while (k + 1 < len && s[k] >= '0' && s[k] <= '9' && bare_gap(s, k + 1, len) == 1)
				k = k + 2 < len ? k + 2 : len;  /* the run's next single figures */
			bool dated = false;
			if (k < len && s[k] >= '0' && s[k] <= '9') {
				size_t z = k;
				while (z < len && s[z] >= '0' && s[z] <= '9')
					z++;
				dated = match_any(s + z, s + len, units, sizeof units / sizeof *units) > 0;
			}
			n += number && !dated;
		} else if (!single) {
			n += number;
		}
		/* (a run is spaced by single ASCII spaces: figures set apart
		 * by U+3000 or wider gaps are a row's cells) */
		in_run = single && next == i + 1 && s[i] == ' ';
		after_di = i - start >= 3 && memcmp(s + i - 3, "第", 3) == 0;
	}
	return n;
}

static bool header_fields(const char *s, size_t len, header_match *hm);

/* (the numbers are counted only of a line whose fields make a header:
 * most lines are none) */
static bool breadcrumb(const char *s, size_t len);
static bool running_header(const char *s, size_t len, header_match *hm)
{
	if (header_fields(s, len, hm) && bare_numbers(s, len) < ROW_NUMBERS_MIN)
		return true;
	if (len > 200 || !breadcrumb(s, len))
		return false;
	hm->score = HEADER_MIN_SCORE;   /* (its page label, if any, was read above) */
	hm->fields += !hm->fields;
	hm->others = 0;
	return true;
}

static bool header_fields(const char *s, size_t len, header_match *hm)
{
	if (len <= 24 && folio(s, s + len)) {
		memset(hm, 0, sizeof *hm);
		hm->score = HEADER_MIN_SCORE;
		hm->fields = hm->words = 1;
		return true;
	}
	if (len > 200 || !header_candidate(s, len)) {
		memset(hm, 0, sizeof *hm);
		return false;
	}
	pattern_match_header(s, len, hm);
	if (hm->others == 0 && (hm->score >= HEADER_MIN_SCORE || (hm->page && hm->fields >= 1)))
		return true;
	/* "青海藏文报社汉文版　2026年12月1日　星期二　第3版　…　责任编辑：X": a
	 * page label and two more fields outweigh one long word of Han
	 * characters, the paper's name in a form no list knows (its
	 * edition, its publisher glued on) */
	if (hm->others == 1 && hm->long_names == 1 && hm->page && hm->fields >= 3 &&
	    hm->score >= 2 * HEADER_MIN_SCORE)
		return true;
	/* "A 0 5    城 事    2 0 2 4 年 1 1 月": letter-spaced by OCR, a
	 * space between characters and more between fields. Read again with
	 * the single spaces taken out (the label mapped back into s). */
	char buf[200];
	uint16_t at[200];
	size_t n = despace(s, len, buf, at, sizeof buf);
	if (!n)
		return false;
	header_match sp;
	pattern_match_header(buf, n, &sp);
	if (!(sp.others == 0 && (sp.score >= HEADER_MIN_SCORE || (sp.page && sp.fields >= 1))))
		return false;
	if (sp.label_len) {
		size_t a = (size_t)(sp.label - buf), z = a + sp.label_len - 1;
		sp.label = s + at[a];
		sp.label_len = (size_t)at[z] + 1 - at[a];
	}
	*hm = sp;
	return true;
}

/* ------------------------------------------------------------------ */
/* "本期导读：X｜Y｜Z": a label of the page's contents (导读, 要目, 目录,
 * 看点, 提要) and its colon, then two titles or more set apart by bars or
 * marks, no sentence among them. */
enum { CONTENTS_LABEL_MAX = 8 };        /* characters before the colon */
bool pattern_contents_line(const char *s, size_t len)
{
	static const char *const labels[] = { "导读", "導讀", "要目", "目录", "目錄", "看点", "看點", "提要" };
	const char *end = s + len, *colon = NULL;
	const char *p = s;
	/* (a look first: no bar, no list: most lines) */
	if (!memchr(s, '|', len) && !util_find(s, len, "｜", 3) && !util_find(s, len, "●", 3) &&
	    !util_find(s, len, "◆", 3) && !util_find(s, len, "■", 3))
		return false;
	for (int chars = 0; p < end && chars <= CONTENTS_LABEL_MAX && !colon; chars++) {
		uint32_t cp;
		int k = text_decode(p, end, &cp);
		if (cp == 0xFF1A || cp == ':')
			colon = p;
		p += k;
	}
	if (!colon || !any_word(s, (size_t)(colon - s), labels, sizeof labels / sizeof *labels))
		return false;
	unsigned bars = 0;
	for (const char *q = p; q < end;) {
		uint32_t cp;
		q += text_decode(q, end, &cp);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0C)
			return false;   /* a sentence: 导读：本期我们… */
		bars += cp == 0xFF5C || cp == '|' || cp == 0x25CF || cp == 0x25C6 || cp == 0x25A0;
	}
	return bars >= 1 && text_skip_space(p, end) < end;
}

/* A page's own note: what the paper prints at a page's foot about the
 * page itself (a disclaimer, a call for contributions, how to reach the
 * desk). Read by what it addresses, not by its words in a list of notes:
 * the page as the subject (本版), or a way to reach someone (a mail or
 * web address, a telephone number after its label) that the paper names
 * as its own (本报热线, 投稿邮箱, 刊登热线, 本社地址). */

static bool any_word(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (util_find(s, len, words[k], strlen(words[k])))
			return true;
	return false;
}

/* "x@y.z": a letter or digit before the @, a dot after it. */
static bool mail_address(const char *s, size_t len)
{
	for (const char *at = memchr(s, '@', len); at; at = memchr(at + 1, '@', len - (size_t)(at + 1 - s))) {
		if (at == s || !((at[-1] >= 'a' && at[-1] <= 'z') || (at[-1] >= 'A' && at[-1] <= 'Z') ||
				 (at[-1] >= '0' && at[-1] <= '9')))
			continue;
		const char *end = s + len, *p = at + 1;
		while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
				   *p == '-' || *p == '.')) {
			if (*p == '.' && p > at + 1)
				return true;
			p++;
		}
		if (at + 1 == s + len)
			break;
	}
	return false;
}

/* A telephone number right after its label (热线：027-87651111, 電話
 * 2345 6789): at least five digits, dashes and spaces between. */
static bool labelled_phone(const char *s, size_t len)
{
	static const char *const labels[] = { "电话", "電話", "热线", "熱線", "传真", "傳真", "专线", "專線" };
	const char *end = s + len;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		for (const char *p = util_find(s, len, labels[k], 6); p; p = util_find(p + 6, (size_t)(end - p - 6), labels[k], 6)) {
			const char *q = p + 6;
			int digits = 0;
			while (q < end) {
				uint32_t cp;
				int n = text_decode(q, end, &cp);
				if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
					digits++;
				/* the area code may stand in brackets: （02）2891-0000 */
				else if (!(cp == ':' || cp == 0xFF1A || cp == '-' || cp == 0xFF0D || text_is_space(cp) ||
					   cp == '(' || cp == ')' || cp == 0xFF08 || cp == 0xFF09) ||
					 (digits == 0 && cp == '-'))
					break;
				q += n;
			}
			if (digits >= 5)
				return true;
		}
	}
	return false;
}

/* The page as the subject of the line: 本版 opening it, after a bracket
 * or a mark of emphasis, or after a short label and its colon
 * (温馨提示：本版…, 征稿启事：本版…). A story's own mention of the page
 * further in ("…（本版编辑部）") is no note. */
static const char *skip_openers(const char *p, const char *end)
{
	while (p < end) {
		uint32_t cp;
		int n = text_decode(p, end, &cp);
		if (!(text_is_space(cp) || cp == '*' || cp == '(' || cp == 0xFF08 || cp == 0x3010 || cp == 0x3014))
			break;
		p += n;
	}
	return p;
}

static bool any_prefix(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (hprefix(s, len, words[k]))
			return true;
	return false;
}

static bool page_subject(const char *s, size_t len)
{
	const char *end = s + len, *p = skip_openers(s, end);
	if (hprefix(p, (size_t)(end - p), "本版"))
		return true;
	/* a newsletter sent by mail: the mail as the subject ("本邮件由X发送，
	 * 请勿直接回复"), or how to stop it (回复“TD”退订, 点击取消订阅) */
	if (hprefix(p, (size_t)(end - p), "本邮件") || hprefix(p, (size_t)(end - p), "本郵件"))
		return true;
	if (len < 120 && (util_find(s, len, "退订", 6) || util_find(s, len, "退訂", 6) ||
			  util_find(s, len, "取消订阅", 12) || util_find(s, len, "取消訂閱", 12)) &&
	    (util_find(s, len, "回复", 6) || util_find(s, len, "回覆", 6) || util_find(s, len, "点击", 6) ||
	     util_find(s, len, "點擊", 6)))
		return true;
	/* a label of up to eight characters and its colon */
	for (int c = 0; c < 9 && p < end; c++) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp == ':' || cp == 0xFF1A) {
			p = skip_openers(p, end);
			return hprefix(p, (size_t)(end - p), "本版");
		}
	}
	return false;
}

/* A number to call after a label's colon (刊登：0571-85108866): an area
 * code (0 and two or three digits), a dash and seven or eight digits, or
 * a mobile's eleven digits opening with 1; a date (2026-11-29) or a
 * shorter figure (邮发代号：51-108) is no telephone. */
static size_t digits_at(const char *p, const char *end)
{
	size_t n = 0;
	while (p + n < end && p[n] >= '0' && p[n] <= '9')
		n++;
	return n;
}

static bool number_after_colon(const char *s, size_t len)
{
	const char *end = s + len;
	for (const char *p = s; p < end;) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (cp != ':' && cp != 0xFF1A)
			continue;
		size_t a = digits_at(p, end);
		if (a == 11 && *p == '1')
			return true;
		if ((a == 3 || a == 4) && *p == '0' && p + a < end && p[a] == '-') {
			size_t b = digits_at(p + a + 1, end);
			if (b == 7 || b == 8)
				return true;
		}
	}
	return false;
}

/* The paper's imprint and circulation, as it prints them at its foot
 * and never in a story's sentence: a label of who publishes, prints or
 * owns it and how it is sent (主办：, 编印：, 版权所有：, 邮发代号：) right
 * before its colon, or a notice of how it circulates standing alone
 * between spaces or brackets (内部资料, 免费赠阅) rather than in a
 * clause. */
static bool imprint_label(const char *s, size_t len)
{
	static const char *const labels[] = {
		"主办", "主辦", "承办", "承辦", "协办", "協辦", "主管", "编印", "編印", "印刷", "出版", "发行", "發行",
		"版权所有", "版權所有", "邮发代号", "郵發代號", "刊号", "刊號", "备案号", "備案號", "定价", "定價",
		"邮编", "郵編", "印数", "印數",
	};
	/* a website's registration: 湘ICP备00000000号 */
	const char *icp = util_find(s, len, "ICP", 3);
	if (icp && (starts_with(icp + 3, s + len, "备") || starts_with(icp + 3, s + len, "備") ||
		    starts_with(icp + 3, s + len, "证") || starts_with(icp + 3, s + len, "證")))
		return true;
	static const char *const notices[] = {
		"内部资料", "內部資料", "版权所有", "版權所有", "免费赠阅", "免費贈閱", "免费交流", "免費交流",
	};
	const char *end = s + len;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t n = strlen(labels[k]);
		for (const char *p = util_find(s, len, labels[k], n); p; p = util_find(p + n, (size_t)(end - p - n), labels[k], n)) {
			uint32_t cp = first_cp_of(p + n, end);
			if (cp == ':' || cp == 0xFF1A)
				return true;
		}
	}
	for (size_t k = 0; k < sizeof notices / sizeof *notices; k++) {
		size_t n = strlen(notices[k]);
		for (const char *p = util_find(s, len, notices[k], n); p; p = util_find(p + n, (size_t)(end - p - n), notices[k], n)) {
			uint32_t before = p > s ? first_cp_of(text_prev(s, p), p) : ' ';
			uint32_t after = p + n < end ? first_cp_of(p + n, end) : ' ';
			/* (or glued to its owner: 鹤川日报社版权所有, X报, X網) */
			bool open = text_is_space(before) || before == 0xFF08 || before == '(' || before == 0x3010 ||
				    before == 0x793E || before == 0x62A5 || before == 0x5831 || before == 0x7F51 ||
				    before == 0x7DB2;
			bool close = text_is_space(after) || after == 0xFF09 || after == ')' || after == 0x3011 ||
				     after == 0xFF0C || after == 0x3001 || after == 0xFF64 || after == 0xFF1A;
			if (open && close)
				return true;
		}
	}
	return false;
}

/* Whom the page is sent to, an office's circulation list: the line opens
 * with 报：, 送：, 发：, 报送：, 抄送： or 抄报： (to superiors, peers, those
 * below). */
static bool circulation_list(const char *s, size_t len)
{
	static const char *const to[] = {
		"报", "送", "发", "發", "抄送", "抄报", "抄報", "报送", "報送", "主送", "呈送", "分送",
	};
	const char *end = s + len, *p = skip_openers(s, end);
	for (size_t k = 0; k < sizeof to / sizeof *to; k++) {
		size_t n = strlen(to[k]);
		if (hprefix(p, (size_t)(end - p), to[k])) {
			uint32_t cp = first_cp_of(p + n, end);
			if (cp == ':' || cp == 0xFF1A)
				return true;
		}
	}
	return false;
}

/* The print run alone on its line, as an office's bulletin closes:
 * 共印80份, in brackets or not, with nothing else. */
static bool print_run(const char *s, size_t len)
{
	const char *end = s + len, *p = skip_openers(s, end);
	if (!hprefix(p, (size_t)(end - p), "共印"))
		return false;
	p = text_skip_space(p + 6, end);        /* OCR: 共印 120 份 */
	size_t d = number_at(p, end, 6);
	if (!d)
		return false;
	p = text_skip_space(p + d, end);
	if (!hprefix(p, (size_t)(end - p), "份"))
		return false;
	p += 3;
	while (p < end) {
		uint32_t cp;
		p += text_decode(p, end, &cp);
		if (!(text_is_space(cp) || cp == ')' || cp == 0xFF09 || cp == 0x3011 || cp == 0x3015))
			return false;
	}
	return true;
}

/* The paper as the subject of a line that is no sentence (本报订阅：…,
 * 本刊所登…信息均为公益发布): 本报 or 本刊 opening it, neither a dateline
 * (本报讯) nor a byline (本报记者 X). */
static bool paper_subject(const char *s, size_t len)
{
	static const char *const own[] = { "本报", "本報", "本刊", "本社" };
	const char *end = s + len, *p = skip_openers(s, end);
	if (!any_prefix(p, (size_t)(end - p), own, sizeof own / sizeof *own))
		return false;
	uint32_t last = first_cp_of(text_prev(s, end), end);
	pattern_dateline m;
	return !is_sentence_end(last) && !is_closing_quote(last) && !pattern_is_byline(s, len, false) &&
	       !pattern_match_dateline(s, len, &m);
}

bool pattern_page_note(const char *s, size_t len)
{
	/* the paper naming itself or its desk */
	static const char *const own[] = {
		"本报", "本報", "本刊", "本社", "投稿", "来稿", "來稿", "征稿", "徵稿", "刊登", "报社", "報社",
		"编辑部", "編輯部",
	};
	if (len > 400)
		return false;
	if (page_subject(s, len) || paper_subject(s, len) || circulation_list(s, len) || imprint_label(s, len) ||
	    print_run(s, len))
		return true;
	return (mail_address(s, len) || labelled_phone(s, len) || number_after_colon(s, len) || util_find(s, len, "http", 4) ||
		util_find(s, len, "www.", 4)) &&
	       any_word(s, len, own, sizeof own / sizeof *own);
}
