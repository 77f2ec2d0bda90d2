/* Unit tests of the newspaper conventions (pattern.c), on lines of our own. */
#include "testutil.h"
#include "pattern.h"

#define S(x) x, strlen(x)

static void test_names(void **state)
{
	(void)state;
	assert_true(pattern_is_name(S("王川")));
	assert_true(pattern_is_name(S("欧阳明月")));
	assert_true(pattern_is_name(S("阿依古丽·买买提")));
	assert_false(pattern_is_name(S("王")));
	assert_false(pattern_is_name(S("青川市科技局")));
	assert_false(pattern_is_name(S("王川。")));
	assert_false(pattern_is_name(S("Wang")));
}

static void test_bylines(void **state)
{
	(void)state;
	assert_true(pattern_is_byline(S("本报记者 林晓"), false));
	/* a place and 报道 after the names: where the story was filed */
	assert_true(pattern_is_byline(S("本报记者 林一舟 新加坡报道"), false));
	assert_true(pattern_is_byline(S("記者　馮子晴　多倫多報導"), false));
	assert_false(pattern_is_byline(S("本报记者 林一舟 新加坡"), false));
	/* a second name right after a name opens with a family name */
	assert_false(pattern_is_byline(S("记者 来到 现场"), false));
	/* parts: a part's word, a mark, who; after the names; joined by a dot */
	assert_true(pattern_is_byline(S("口述：陈守望　整理：本报记者　罗　帆"), false));
	assert_true(pattern_is_byline(S("口述 陈守望　整理 本报记者 罗 帆"), false));
	assert_true(pattern_is_byline(S("报道／林国栋　摄影／何家明"), false));
	assert_true(pattern_is_byline(S("会展记者　金　山／文　胡　月／摄"), false));
	assert_true(pattern_is_byline(S("文·图／植物园科普部　甘　雨"), false));
	assert_true(pattern_is_byline(S("文．圖／記者　洪佩珊"), false));
	assert_false(pattern_is_byline(S("记录美好生活　摄影作品展"), false));
	assert_false(pattern_is_byline(S("口述历史　整理档案"), false));
	assert_false(pattern_is_byline(S("文·图说新闻"), false));
	/* a transliterated name glued to its role: a part of three or more */
	assert_true(pattern_is_byline(S("记者帕丽达·艾买提"), false));
	assert_false(pattern_is_byline(S("记者手记·二则"), false));
	assert_false(pattern_is_byline(S("记者 走进 车间 看到"), false));
	assert_true(pattern_is_byline(S("记者 张晓岚 李卫东"), false));
	assert_true(pattern_is_byline(S("记者　陆　洋　通讯员　清法宣"), false));
	assert_true(pattern_is_byline(S("本报通讯员　拉巴　扎西"), false));
	/* a mark, then a post and the name; a mark before each role; a
	 * spaced name glued to its role; a post ending in 顾问 */
	assert_true(pattern_is_byline(S("■中士　庞一凡"), false));
	assert_false(pattern_is_byline(S("■特别提醒"), false));
	assert_true(pattern_is_byline(S("■本报记者　郑远航　■通讯员　于　洁"), false));
	assert_true(pattern_is_byline(S("文/贺　薇"), false));
	assert_true(pattern_is_byline(S("法律顾问　殷若兰"), false));
	assert_false(pattern_is_byline(S("法律顾问　提醒大家"), false));
	/* a bank's branch (…行) before the name; an observer is a role */
	assert_true(pattern_is_byline(S("城北支行　伍　倩"), false));
	assert_false(pattern_is_byline(S("绿色出行　方便快捷"), false));
	assert_true(pattern_is_byline(S("本报邮市观察员　葛　松　整理"), false));
	assert_false(pattern_is_byline(S("他告诉观察员 郑明"), false));
	/* a place, who writes in, the name */
	assert_true(pattern_is_byline(S("江南市　读者　吴秀兰"), false));
	assert_true(pattern_is_byline(S("湖北宜昌　邮友　谭正明"), false));
	assert_false(pattern_is_byline(S("江南市　读者　反映强烈的问题"), false));
	/* English: By and capitalised words, parts after commas */
	assert_true(pattern_is_byline(S("By Zhang Wei"), false));
	assert_true(pattern_is_byline(S("By Liu Yang, Grade 10, No. 2 Middle School"), false));
	assert_false(pattern_is_byline(S("By the end of the day, they had planted trees."), false));
	assert_false(pattern_is_byline(S("By 2030, the city plans more parks"), false));
	assert_false(pattern_is_byline(S("By Monday."), false));
	assert_true(pattern_is_byline(S("本报记者 林晓 通讯员 赵一鸣"), false));
	assert_true(pattern_is_byline(S("本报记者林晓 苏禾"), false));
	assert_true(pattern_is_byline(S("□周远 郑可"), false));
	assert_true(pattern_is_byline(S("佚名"), false));
	assert_true(pattern_is_byline(S("记者:何田"), false));
	assert_true(pattern_is_byline(S("文/方舟"), false));
	/* markdown exports of web posts: the role and a bar set apart */
	assert_true(pattern_is_byline(S("文 | 记者 周敏"), false));
	assert_true(pattern_is_byline(S("图 ｜ 融媒记者 杨帆"), false));
	assert_true(pattern_is_byline(S("文/图 / 本报记者 方舟"), false));
	assert_false(pattern_is_byline(S("文 | 这是一句话，不是署名。"), false));
	assert_false(pattern_is_byline(S("文 | "), false));
	assert_false(pattern_is_byline(S("文化 | 记者 周敏"), false));
	assert_true(pattern_is_byline(S("文 | 顾一帆　　图 | 网络"), false));
	assert_false(pattern_is_byline(S("文 | 这是一句话　　图 | 网络"), false));
	assert_true(pattern_is_byline(S("　本报记者 林晓　"), false));
	/* a reader signs with the province and the city, then the name */
	assert_true(pattern_is_byline(S("江苏南京　王秀兰"), false));
	assert_true(pattern_is_byline(S("广东佛山 陈伯"), false));
	assert_false(pattern_is_byline(S("江苏南京　新街口商圈"), false));
	assert_false(pattern_is_byline(S("南京市民　王秀兰的一天"), false));
	assert_false(pattern_is_byline(S("江苏南京王秀兰"), false));
	/* a pupil: a school in brackets after the name, the teacher after
	 * it; the class before the name; a teacher alone signs nothing */
	assert_true(pattern_is_byline(S("小记者　王子涵（实验小学四年级）　指导老师　刘　芳"), false));
	assert_true(pattern_is_byline(S("建设路小学三年级（2）班　周可欣"), false));
	assert_false(pattern_is_byline(S("指导老师：郭晓丽"), false));
	assert_false(pattern_is_byline(S("三年级（2）班　开学第一课"), false));
	/* a byline alone in 【】 or 〔〕; a role set apart by a slash before
	 * a pen name */
	assert_true(pattern_is_byline(S("【記者許雅琪／高雄報導】"), false));
	assert_true(pattern_is_byline(S("〔记者黄柏翰／台东报道〕"), false));
	assert_false(pattern_is_byline(S("【实验材料】"), false));
	assert_false(pattern_is_byline(S("【相关报道】"), false));
	assert_true(pattern_is_byline(S("文／妙音"), false));
	assert_false(pattern_is_byline(S("记者手记"), false));
	assert_false(pattern_is_byline(S("文／这是一句很长的话不是名字"), false));
	/* bylines built of parts: a role word set apart from the name by a
	 * slash as by a colon; after the slash a pen name of any Han
	 * characters; 作者 set apart by a space or a slash (glued it labels
	 * a note, with a colon it is as often a book's field) */
	assert_true(pattern_is_byline(S("本报记者／郭小川"), false));
	assert_true(pattern_is_byline(S("记者/郭小川"), false));
	assert_true(pattern_is_byline(S("文／叶三省"), false));
	assert_true(pattern_is_byline(S("作者　郭小川"), false));
	assert_true(pattern_is_byline(S("作者／郭小川"), false));
	assert_false(pattern_is_byline(S("作者简介"), true));
	assert_false(pattern_is_byline(S("作者：郭小川"), false));
	assert_true(pattern_is_byline(S("特约撰稿人　郭小川"), false));
	/* the name glued between the role and 报道; a medium's name opening
	 * with figures */
	assert_true(pattern_is_byline(S("記者陳子謙報道"), false));
	assert_true(pattern_is_byline(S("记者陈子谦报道"), false));
	assert_false(pattern_is_byline(S("记者调查报道"), false));
	assert_false(pattern_is_byline(S("记者现场报道"), false));
	assert_true(pattern_is_byline(S("21世纪财经报道记者 方晓棠 广州报道"), false));
	assert_false(pattern_is_byline(S("2024年记者节"), false));
	/* a letter's signature without spaces: a place, who writes in, the
	 * name; a unit, the name and the post after it; a place and the name
	 * before the post in brackets */
	assert_true(pattern_is_byline(S("城东读者陶玉珍"), false));
	assert_true(pattern_is_byline(S("丰台区　读者　郝建国"), false));
	assert_false(pattern_is_byline(S("感谢读者王明"), false));
	assert_false(pattern_is_byline(S("我们的读者王明"), false));
	assert_true(pattern_is_byline(S("市农科院　韦春兰　研究员"), false));
	assert_false(pattern_is_byline(S("研究所　张明　说明书"), false));
	assert_true(pattern_is_byline(S("臺南市　郭雅文（國小教師）"), false));
	assert_false(pattern_is_byline(S("臺南市　天氣晴（多雲）"), false));
	assert_true(pattern_is_byline(S("口述：渔民　许长根　记录：本报记者　方晓棠"), false));
	/* a county and the name signing a letter; who writes in, the name,
	 * the district; a Mongolian name of five characters after its role */
	assert_true(pattern_is_byline(S("沙湾县　田秀兰"), false));
	assert_false(pattern_is_byline(S("沙湾县　天气晴"), false));
	assert_true(pattern_is_byline(S("读者　林志强　碧山"), false));
	assert_false(pattern_is_byline(S("读者　林志强　来信说明情况"), false));
	assert_true(pattern_is_byline(S("通讯员　乌云其其格"), false));
	/* a spaced name after a role set apart by a colon */
	assert_true(pattern_is_byline(S("记者：阿依古丽·买买提　通讯员：何　平"), false));
	assert_false(pattern_is_byline(S("记者：何　平说"), false));
	assert_false(pattern_is_byline(S("通讯员　乌云密布的天"), false));
	/* bare names only where allowed */
	assert_false(pattern_is_byline(S("宋河"), false));
	assert_true(pattern_is_byline(S("宋河"), true));
	assert_true(pattern_is_byline(S("宋河 陶然"), true));
	assert_false(pattern_is_byline(S("宋河 陶然 一 二"), true));
	/* not bylines */
	assert_false(pattern_is_byline(S("科技赋能守初心"), true));
	assert_false(pattern_is_byline(S("本报记者从市统计局获悉,今年一季度增长。"), false));
	assert_false(pattern_is_byline(S("记者"), false));
	assert_false(pattern_is_byline(S(""), true));
}

static void test_datelines(void **state)
{
	(void)state;
	pattern_dateline m;
	const char *a = "本报讯(记者 林晓 苏禾) 3月18日,青川湖畔举行了开幕式。";
	assert_true(pattern_match_dateline(a, strlen(a), &m));
	assert_int_equal(m.date_end, strlen("本报讯"));
	assert_memory_equal(a + m.byline_start, "记者 林晓 苏禾", m.byline_end - m.byline_start);
	assert_string_equal(a + m.body_start, "3月18日,青川湖畔举行了开幕式。");

	/* names before 报道： need no role word, but must be names */
	const char *a2 = "本报讯　刘　晟报道：日前，哨所新添了一批保暖营房。";
	assert_true(pattern_match_dateline(a2, strlen(a2), &m));
	assert_memory_equal(a2 + m.byline_start, "刘　晟", m.byline_end - m.byline_start);
	const char *a3 = "本报讯　近日报道：多地迎来降雪，司机要减速慢行。";
	assert_true(pattern_match_dateline(a3, strlen(a3), &m));
	assert_int_equal(m.byline_end - m.byline_start, 0);

	/* where the lead was filed, in round brackets with no date: a place
	 * and 讯 or 综合讯; a kind of news or an aside there is no filing */
	const char *r1 = "（陽明山訊）管理處提醒遊客勿越線。";
	assert_true(pattern_match_dateline(r1, strlen(r1), &m));
	assert_memory_equal(r1 + m.date_start, "陽明山訊", m.date_end - m.date_start);
	assert_string_equal(r1 + m.body_start, "管理處提醒遊客勿越線。");
	const char *r2 = "（新山综合讯）关卡明年起将试行二维码通关。";
	assert_true(pattern_match_dateline(r2, strlen(r2), &m));
	assert_memory_equal(r2 + m.date_start, "新山综合讯", m.date_end - m.date_start);
	const char *r3 = "（快讯）受连日大雨影响，部分道路出现积水。";
	assert_false(pattern_match_dateline(r3, strlen(r3), &m));
	const char *r4 = "（记者手记）每次走进夜市，总能听到熟悉的乡音。";
	assert_false(pattern_match_dateline(r4, strlen(r4), &m));

	/* the magazine's own: 本刊讯 as 本报讯 */
	const char *a4 = "本刊讯　受强冷空气影响，气温将下降八到十度。";
	assert_true(pattern_match_dateline(a4, strlen(a4), &m));
	assert_int_equal(m.date_end, strlen("本刊讯"));

	/* a colon after 讯 sets the text apart as a space does; after a
	 * kind of news (快讯) it is a label's */
	const char *a5 = "本報訊：西環碼頭昨日重開，首班渡輪準時起航。";
	assert_true(pattern_match_dateline(a5, strlen(a5), &m));
	assert_int_equal(m.date_end, strlen("本報訊"));
	assert_string_equal(a5 + m.body_start, "西環碼頭昨日重開，首班渡輪準時起航。");
	const char *a6 = "新华社快讯：首艘极地科考破冰船今日交付使用。";
	assert_false(pattern_match_dateline(a6, strlen(a6), &m));
	/* the reporter's byline in ASCII square brackets opening the lead */
	const char *a7 = "[記者 林志明/南投報導]  南投縣鴿會昨日舉辦冬季幼鴿賽。";
	assert_true(pattern_match_dateline(a7, strlen(a7), &m));
	assert_memory_equal(a7 + m.byline_start, "記者 林志明/南投報導", m.byline_end - m.byline_start);
	assert_string_equal(a7 + m.body_start, "南投縣鴿會昨日舉辦冬季幼鴿賽。");
	const char *a8 = "[相关链接](https://example.com/a) 详见本报昨日报道。";
	assert_false(pattern_match_dateline(a8, strlen(a8), &m));

	const char *b = "本报3月18日讯 (记者 何田)昨天,青川新区正式挂牌。";
	assert_true(pattern_match_dateline(b, strlen(b), &m));
	assert_memory_equal(b, "本报3月18日讯", m.date_end);
	assert_memory_equal(b + m.byline_start, "记者 何田", m.byline_end - m.byline_start);
	assert_string_equal(b + m.body_start, "昨天,青川新区正式挂牌。");

	const char *c = "本报杭州3月17日电 (记者 方舟 通讯员 陈默)记者从会上获悉。";
	assert_true(pattern_match_dateline(c, strlen(c), &m));
	assert_memory_equal(c, "本报杭州3月17日电", m.date_end);
	assert_memory_equal(c + m.byline_start, "记者 方舟 通讯员 陈默", m.byline_end - m.byline_start);

	const char *d = "本报讯 青川开发区推出“帮办”服务。";
	assert_true(pattern_match_dateline(d, strlen(d), &m));
	assert_int_equal(m.byline_start, m.byline_end);
	assert_string_equal(d + m.body_start, "青川开发区推出“帮办”服务。");

	/* a parenthesis that is not a byline stays in the body */
	const char *e = "本报讯 (上接第1版)会议指出。";
	assert_true(pattern_match_dateline(e, strlen(e), &m));
	assert_int_equal(m.byline_start, m.byline_end);
	assert_string_equal(e + m.body_start, "(上接第1版)会议指出。");

	const char *no[] = { "本报记者 林晓", "本报全面推进改革,成效显著。", "新华社消息", "今年以来,本报讯息" };
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(pattern_match_dateline(no[i], strlen(no[i]), &m));
}

static void test_trailing_byline(void **state)
{
	(void)state;
	size_t paren, ns, ne;
	const char *a = "服务将继续深化。”窗口负责人说。(宋河 陶然)";
	assert_true(pattern_match_trailing_byline(a, strlen(a), &paren, &ns, &ne));
	assert_string_equal(a + paren, "(宋河 陶然)");
	assert_memory_equal(a + ns, "宋河 陶然", ne - ns);
	const char *b = "活动共吸引游客三万人次。（记者 苏禾）";
	assert_true(pattern_match_trailing_byline(b, strlen(b), &paren, &ns, &ne));
	assert_memory_equal(b + ns, "记者 苏禾", ne - ns);
	/* a parenthesis inside a sentence is not an author */
	const char *c = "全市储量超过三亿吨(约占全省一半)";
	assert_false(pattern_match_trailing_byline(c, strlen(c), &paren, &ns, &ne));
	const char *d = "项目已完成。(详见附表)";
	assert_false(pattern_match_trailing_byline(d, strlen(d), &paren, &ns, &ne));
	/* four characters alone sign when they open as a name alone does;
	 * a riddle's hint does not, the paper or its source does */
	const char *e = "小小一个房，四面都是窗。（打一用品）";
	assert_false(pattern_match_trailing_byline(e, strlen(e), &paren, &ns, &ne));
	const char *f = "读书角本周开放。（欧阳明月）";
	assert_true(pattern_match_trailing_byline(f, strlen(f), &paren, &ns, &ne));
	const char *g = "长江鱼类资源逐步恢复。（据新华社）";
	assert_true(pattern_match_trailing_byline(g, strlen(g), &paren, &ns, &ne));
	const char *h = "读书角本周开放。（周明远）";
	assert_true(pattern_match_trailing_byline(h, strlen(h), &paren, &ns, &ne));
}

static void test_credits(void **state)
{
	(void)state;
	const char *a = "青川湖畔的樱花盛开。 林晓 摄";
	assert_string_equal(a + pattern_credit_start(S(a)), " 林晓 摄");
	const char *b = "工人检查新装的光伏板。周远摄";
	assert_string_equal(b + pattern_credit_start(S(b)), "周远摄");
	const char *c = "本报记者 何田 摄";
	assert_int_equal(pattern_credit_start(S(c)), 0);
	const char *d = "新落成的图书馆。 方舟 陈默 摄";
	assert_string_equal(d + pattern_credit_start(S(d)), " 方舟 陈默 摄");
	const char *e = "夜色中的老街(宋河 摄)";
	assert_string_equal(e + pattern_credit_start(S(e)), "(宋河 摄)");
	const char *f = "选手准备出发。 市体育局 供图";
	assert_string_equal(f + pattern_credit_start(S(f)), " 市体育局 供图");
	/* no credit */
	const char *g = "摄影爱好者在湖边拍摄";
	assert_int_equal(pattern_credit_start(S(g)), strlen(g));
	const char *h = "摄";
	assert_int_equal(pattern_credit_start(S(h)), 1 * 3);
}

static void test_jumps(void **state)
{
	(void)state;
	int page = 0;
	assert_int_equal(pattern_match_jump(S("■下转第4版"), &page), PATTERN_JUMP_TO);
	assert_int_equal(page, 4);
	assert_int_equal(pattern_match_jump(S("(上接第1版)"), &page), PATTERN_JUMP_FROM);
	assert_int_equal(page, 1);
	assert_int_equal(pattern_match_jump(S("（上接第十二版）"), &page), PATTERN_JUMP_FROM);
	assert_int_equal(page, 12);
	assert_int_equal(pattern_match_jump(S("详见第2版"), &page), PATTERN_JUMP_SEE);
	assert_int_equal(page, 2);
	assert_int_equal(pattern_match_jump(S("下转A3版"), &page), PATTERN_JUMP_TO);
	assert_int_equal(page, 3);
	assert_int_equal(pattern_match_jump(S("  ■ 下转第３版  "), &page), PATTERN_JUMP_TO);
	assert_int_equal(page, 3);
	assert_int_equal(pattern_match_jump(S("下转第4版的消息很重要"), &page), PATTERN_JUMP_NONE);
	assert_int_equal(pattern_match_jump(S("见面会在第4版举行"), &page), PATTERN_JUMP_NONE);
	assert_int_equal(pattern_match_jump(S("(上接第1版"), &page), PATTERN_JUMP_NONE);
}

static void test_numbers(void **state)
{
	(void)state;
	int v = 0;
	assert_int_equal(pattern_number(S("12版"), &v), 2);
	assert_int_equal(v, 12);
	assert_int_equal(pattern_number(S("十"), &v), 3);
	assert_int_equal(v, 10);
	assert_int_equal(pattern_number(S("二十三"), &v), 9);
	assert_int_equal(v, 23);
	assert_int_equal(pattern_number(S("版"), &v), 0);
}

static void test_page_headers(void **state)
{
	(void)state;
	int page = 0;
	assert_true(pattern_is_page_header(S("第2版 要闻"), &page));
	assert_int_equal(page, 2);
	assert_true(pattern_is_page_header(S("2026年3月18日 星期三 · 青川日报 · 第3版"), &page));
	assert_int_equal(page, 3);
	assert_false(pattern_is_page_header(S("■下转第4版"), &page));
	assert_false(pattern_is_page_header(S("这篇报道刊登在第2版上的位置很显著"), &page));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_trailing_byline),
		cmocka_unit_test(test_credits),
		cmocka_unit_test(test_jumps),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_page_headers),
	};
	return cmocka_run_group_tests_name("pattern", tests, NULL, NULL);
}
