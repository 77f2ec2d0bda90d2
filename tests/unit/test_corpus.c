/* Corpus tests: the parser on the five real pages of ../shared/corpus
 * (read at run time, never copied here). For each page: the headlines in
 * order with their bylines and datelines, repaired cuts (a few characters
 * on each side of the cut must now be one paragraph), banners, captions,
 * and no article holding the same paragraph twice. Skipped, with a
 * message, when the corpus folder is absent (never in CI). */
#include "testutil.h"
#include "doc.h"
#include "parse.h"
#include "text.h"
#include "util.h"

typedef struct expect_article {
	const char *headline, *byline, *dateline;
} expect_article;

static doc_issue *parse_corpus(const char *path)
{
	return tu_parse_file(path);
}

static void assert_field(doc_str got, const char *want, size_t article, const char *what)
{
	if (!want) {
		if (got.len)
			fail_msg("article %zu: %s should be empty, is %.*s", article + 1, what, (int)got.len, got.s);
		return;
	}
	if (got.len != strlen(want) || memcmp(got.s, want, got.len) != 0)
		fail_msg("article %zu: %s is \"%.*s\", expected \"%s\"", article + 1, what,
			 (int)got.len, got.s ? got.s : "", want);
}

static void check_articles(const doc_issue *issue, const expect_article *want, size_t n)
{
	assert_int_equal(doc_narticles(issue), n);
	for (size_t i = 0; i < n; i++) {
		const doc_article *a = doc_article_at(issue, i);
		assert_field(a->field[DOC_F_HEADLINE], want[i].headline, i, "headline");
		assert_field(a->field[DOC_F_BYLINE], want[i].byline, i, "byline");
		assert_field(a->field[DOC_F_DATELINE], want[i].dateline, i, "dateline");
	}
}

/* `joined` (the end of one part of a cut and the start of the next) is
 * inside a single paragraph. */
static void check_joined(const doc_issue *issue, const char *joined)
{
	for (size_t i = 0; i < doc_nblocks(issue); i++) {
		const doc_block *b = doc_block_at(issue, i);
		if (b->type == DOC_PARAGRAPH && memmem(b->text.s, b->text.len, joined, strlen(joined)))
			return;
	}
	fail_msg("no paragraph holds the repaired cut \"%s\"", joined);
}

static void check_no_repeats(const doc_issue *issue)
{
	for (size_t i = 0; i < doc_narticles(issue); i++) {
		const doc_article *a = doc_article_at(issue, i);
		for (uint32_t x = 0; x < a->nblocks; x++) {
			const doc_block *bx = doc_block_at(issue, a->first_block + x);
			for (uint32_t y = x + 1; y < a->nblocks; y++) {
				const doc_block *by = doc_block_at(issue, a->first_block + y);
				if (bx->type != DOC_JUMP && doc_str_eq(bx->text, by->text))
					fail_msg("article %zu holds \"%.*s\" twice", i + 1, 30, bx->text.s);
			}
		}
	}
}

static size_t count_blocks(const doc_issue *issue, size_t article, doc_block_type type)
{
	const doc_article *a = doc_article_at(issue, article);
	size_t n = 0;
	for (uint32_t b = 0; b < a->nblocks; b++)
		n += doc_block_at(issue, a->first_block + b)->type == type;
	return n;
}

static void test_page_000(void **state)
{
	(void)state;
	TU_CORPUS_OR_SKIP(path, "000");
	doc_issue *issue = parse_corpus(path);
	static const expect_article want[] = {
		{ "后旗“九法”赋能确保项目落地生金", "记者白永梅 高圆圆 王欢 王晨曦", "本报讯" },
		{ "西辽河畔城市音乐会震撼上演", "记者 李肖峰", "本报讯" },
		{ "从“村落蝶变”到“振兴样板”", "闵伟", NULL },
		{ "发挥“联优势” 激活“红引擎”", "佚名", NULL },
		{ "陈雨刚:30年如一日以“粮”心守初心", "本报记者 聂红杰", NULL },
	};
	check_articles(issue, want, UTIL_ARRAY_LEN(want));
	assert_field(doc_article_at(issue, 0)->field[DOC_F_SUBTITLE], "抓实“六个行动” 高质量跨越追赶", 0, "subtitle");
	assert_field(doc_article_at(issue, 2)->field[DOC_F_SUBTITLE], "——扎鲁特旗图布信嘎查的三大破局密码", 2, "subtitle");
	/* the repeated run before article 4 is not taken for its kicker */
	assert_field(doc_article_at(issue, 3)->field[DOC_F_KICKER], NULL, 3, "kicker");
	check_joined(issue, "天然碱开发及光伏装备");
	check_joined(issue, "平台,择优引入");
	check_joined(issue, "看到城市音乐会举行");
	check_joined(issue, "精准治理无死角。");       /* a cut that looked like a subhead */
	check_joined(issue, "累计经手粮食超百万吨");    /* a cut across a photo gap */
	/* captions without credit go to the article they show */
	assert_int_equal(count_blocks(issue, 1, DOC_CAPTION), 2);
	assert_int_equal(count_blocks(issue, 4, DOC_CAPTION), 1);
	assert_int_equal(count_blocks(issue, 2, DOC_SUBHEAD), 3);   /* repeats dropped */
	assert_int_equal(count_blocks(issue, 4, DOC_SUBHEAD), 4);
	check_no_repeats(issue);
	doc_issue_free(issue);
}

static void test_page_001(void **state)
{
	(void)state;
	TU_CORPUS_OR_SKIP(path, "001");
	doc_issue *issue = parse_corpus(path);
	static const expect_article want[] = {
		{ "安商亲商富商的通辽实践", "本报记者 霍晓庆", NULL },
		{ "“党员红”引领“气象蓝”", "本报记者 石向军 通讯员 李云逸", NULL },
		{ "“阅见北疆 阅读之美”2025北疆书展启幕", NULL, NULL },
		{ "北疆文化及人才科技政策宣介交流活动在沪举办", "记者 宋爽", "本报上海8月27日电" },
		{ "雨夜守护映初心:一位社区书记24年的暖心路", "本报记者 蔡冬梅 通讯员 冯雪", NULL },
		{ "包头稀交所新交易系统上线 稀土交易迈入“指尖时代”", "记者 蔡冬梅 通讯员 张玉超", "本报包头8月27日电" },
		{ "考核『瘦身增效』为干部减负赋能", "记者 宋爽", "本报8月27日讯" },
		{ "自治区政协十三届常委会第十三次会议开幕", "记者 白丹", "本报8月27日讯" },
		{ "内蒙古梳理出7条“万里茶道”主要线路", "记者 冯雪玉", "本报8月27日讯" },
		{ "云上中蒙博览会商品大集销售火爆", "记者 高慧", "本报8月27日讯" },
	};
	check_articles(issue, want, UTIL_ARRAY_LEN(want));
	const doc_article *a = doc_article_at(issue, 3);
	assert_field(a->field[DOC_F_KICKER], "广纳英才 聚智兴蒙", 3, "kicker");
	assert_field(doc_article_at(issue, 6)->field[DOC_F_SUBTITLE], "锲而不舍落实中央八项规定精神", 6, "subtitle");
	assert_field(doc_article_at(issue, 8)->field[DOC_F_COLUMN], "聚焦第五届中蒙博览会", 8, "column");
	/* the banner dropped into a cut is removed from the text and kept */
	check_joined(issue, "直接决定招商引资成效。");
	check_joined(issue, "实行专人督办");
	check_joined(issue, "进行了系统宣介。");
	check_joined(issue, "提升超过50%");
	const doc_page *pg = doc_page_at(issue, 0);
	assert_int_equal(pg->nbanners, 1);
	assert_field(*doc_banner_at(issue, pg->first_banner), "加快落实“五大任务” 推动高质量发展", 0, "banner");
	/* the story printed before its headline is one article, body first */
	a = doc_article_at(issue, 4);
	const doc_block *first = doc_block_at(issue, a->first_block);
	assert_true(first->type == DOC_PARAGRAPH && first->text.len > 9 &&
		    memcmp(first->text.s, "“大伙儿", 12) == 0);
	assert_int_equal(count_blocks(issue, 4, DOC_PARAGRAPH), 8);
	/* jump lines: three 下转 plus a teaser */
	size_t jumps = 0;
	for (size_t i = 0; i < doc_narticles(issue); i++)
		jumps += count_blocks(issue, i, DOC_JUMP);
	assert_int_equal(jumps, 6);
	assert_int_equal(count_blocks(issue, 2, DOC_CAPTION), 1);
	check_no_repeats(issue);
	doc_issue_free(issue);
}

static void test_page_002(void **state)
{
	(void)state;
	TU_CORPUS_OR_SKIP(path, "002");
	doc_issue *issue = parse_corpus(path);
	static const expect_article want[] = {
		{ "比项目 赛发展 鼓干劲 提信心 通辽市:竞进拉练推动项目建设大提速", "□郭洪申 许媛媛", NULL },
	};
	check_articles(issue, want, UTIL_ARRAY_LEN(want));
	check_joined(issue, "投资明显加快,创源");
	check_joined(issue, "认真负责解难题");
	/* the paragraph extracted seven times appears once */
	assert_int_equal(count_blocks(issue, 0, DOC_SUBHEAD), 3);
	assert_int_equal(count_blocks(issue, 0, DOC_PARAGRAPH), 26);
	/* the gallery of ten photos stays on the page */
	assert_int_equal(doc_page_at(issue, 0)->ncaptions, 10);
	assert_int_equal(count_blocks(issue, 0, DOC_CAPTION), 0);
	check_no_repeats(issue);
	doc_issue_free(issue);
}

static void test_page_003(void **state)
{
	(void)state;
	TU_CORPUS_OR_SKIP(path, "003");
	doc_issue *issue = parse_corpus(path);
	static const expect_article want[] = {
		{ "“六个工程”齐头并进 扬帆奋楫向新而行", "□郭洪申 张琪", NULL },
	};
	check_articles(issue, want, UTIL_ARRAY_LEN(want));
	check_joined(issue, "都是思想的碰撞");
	/* six bold lead-ins became subheads; the markup is gone */
	assert_int_equal(count_blocks(issue, 0, DOC_SUBHEAD), 6);
	for (size_t i = 0; i < doc_nblocks(issue); i++)
		assert_null(memmem(doc_block_at(issue, i)->text.s, doc_block_at(issue, i)->text.len, "**", 2));
	/* captions with their credit on the same line or in the next block */
	assert_int_equal(count_blocks(issue, 0, DOC_CAPTION), 5);
	check_no_repeats(issue);
	doc_issue_free(issue);
}

static void test_page_004(void **state)
{
	(void)state;
	TU_CORPUS_OR_SKIP(path, "004");
	doc_issue *issue = parse_corpus(path);
	static const expect_article want[] = {
		{ "三年蝶变交出亮眼答卷", "本报记者 张琪", NULL },
		{ "开发区“政务服务陪同办”破解企业群众办事痛点", "李奕颖", "本报讯" },
		{ "“小驿站”托起职工“大幸福” 努古斯台镇职工儿童驿站启用", "其乐木格 叶奕彤", "本报讯" },
		{ "巧手绣出新生活", NULL, NULL },
		{ "青龙山镇:大力发展甘薯产业 打造联农带农“甜蜜链条”", "李想 孟来", NULL },
		{ "跑马骑射:勇敢与协作的活态见证", "本报记者 卓琳", NULL },
	};
	check_articles(issue, want, UTIL_ARRAY_LEN(want));
	assert_field(doc_article_at(issue, 0)->field[DOC_F_SUBTITLE],
		     "——通辽市国资国企以“三向”之力驱动高质量发展", 0, "subtitle");
	assert_field(doc_article_at(issue, 5)->field[DOC_F_COLUMN], "传统赛事·非遗新生", 5, "column");
	check_joined(issue, "传统产业转型升级的典范");
	check_joined(issue, "推动国有资本");
	check_joined(issue, "悠久,得益于");
	check_joined(issue, "的现代传承路径");
	check_joined(issue, "”青龙山镇政府");
	assert_int_equal(count_blocks(issue, 0, DOC_SUBHEAD), 3);
	check_no_repeats(issue);
	doc_issue_free(issue);
}

int main(void)
{
	text_init_locale(NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_000),
		cmocka_unit_test(test_page_001),
		cmocka_unit_test(test_page_002),
		cmocka_unit_test(test_page_003),
		cmocka_unit_test(test_page_004),
	};
	return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
