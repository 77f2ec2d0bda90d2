/* Unit tests of page furniture (furniture.c), on lines and pages of our own. */
#include "testutil.h"
#include "furniture.h"

#define S(x) x, strlen(x)

static void test_shapes(void **state)
{
	(void)state;
	/* the same fields with other values: one shape */
	assert_int_equal(furniture_shape(S("作者：本报记者 邓佳")), furniture_shape(S("作者：记者 孙立平 通讯员 何晓")));
	assert_int_equal(furniture_shape(S("作者：")), furniture_shape(S("作者：记者 孙立平")));
	assert_int_equal(furniture_shape(S("发布时间：2026-03-12 09:12  来源：江州晚报  作者：记者 韩雪")),
			 furniture_shape(S("发布时间：2026-03-13 17:40  来源：新华社  作者：新华社记者 钟立")));
	assert_int_equal(furniture_shape(S("上一篇：没有了　下一篇：城南物流园二期项目开工")),
			 furniture_shape(S("上一篇：一季度新能源车销量同比增四成　下一篇：没有了")));
	/* figures masked */
	assert_int_equal(furniture_shape(S("第A05版：要闻")), furniture_shape(S("第A06版：要闻")));
	assert_int_equal(furniture_shape(S("上一篇 下一篇 返回目录")), furniture_shape(S("上一篇  下一篇　返回目录")));
	/* other fields, other text: other shapes */
	assert_int_not_equal(furniture_shape(S("作者：本报记者 邓佳")), furniture_shape(S("来源：本报记者 邓佳")));
	assert_int_not_equal(furniture_shape(S("改造先问需")), furniture_shape(S("管护有人管")));
	/* a time is no label: 09:12 */
	assert_int_not_equal(furniture_shape(S("09:12 开幕")), furniture_shape(S("10:30 开幕式")));
	/* sentences and long lines have none */
	assert_int_equal(furniture_shape(S("问：为什么要做科普？")), 0);
	assert_int_equal(furniture_shape(S("住在柳巷的退休教师吴秀兰说。来源：市住建局的数据显示，去年改造完成的86条小巷，"
					   "居民满意度达到96.3%，比前年提高了四个百分点，还有一些别的话")), 0);
	assert_int_equal(furniture_shape(S("")), 0);
}

static void test_author(void **state)
{
	(void)state;
	size_t a, b;
	const char *l = "作者：本报记者 孙立平 通讯员 何晓";
	assert_true(furniture_author(S("作者：本报记者 孙立平 通讯员 何晓"), &a, &b));
	assert_string_equal(l + a, "本报记者 孙立平 通讯员 何晓");
	l = "发布时间：2026-03-12 09:12  来源：江州晚报  作者：记者 韩雪 实习生 陆一鸣";
	assert_true(furniture_author(l, strlen(l), &a, &b));
	assert_int_equal(b, strlen(l));
	assert_true(strncmp(l + a, "记者 韩雪", strlen("记者 韩雪")) == 0);
	l = "作者：张三　来源：滨海日报";
	assert_true(furniture_author(l, strlen(l), &a, &b));
	assert_int_equal(b - a, strlen("张三"));
	/* a label in brackets; the value stops before the next one */
	l = "【作者】本报记者 马良 【来源】河西晚报 【时间】2026-03-12";
	assert_true(furniture_author(l, strlen(l), &a, &b));
	assert_int_equal(b - a, strlen("本报记者 马良"));
	assert_false(furniture_author(S("【作者】 【来源】河西晚报"), &a, &b));
	assert_int_equal(furniture_shape(S("【作者】 【来源】河西晚报 【时间】2026-03-12")),
			 furniture_shape(S("【作者】本报记者 宋佳 【来源】河西晚报 【时间】2026-03-13")));
	/* a headline's field */
	l = "标题：城西公园完成提升改造";
	assert_true(furniture_title(l, strlen(l), &a, &b));
	assert_string_equal(l + a, "城西公园完成提升改造");
	assert_false(furniture_title(S("来源：河西晚报"), &a, &b));
	/* empty, or no author's field */
	assert_false(furniture_author(S("作者："), &a, &b));
	assert_false(furniture_author(S("来源：滨海日报"), &a, &b));
	assert_false(furniture_author(S("工作者：多位"), &a, &b));
}

/* A page of three stories, each between the same lines. */
static const char epaper[] =
	"滨海日报数字报刊平台\n第A05版：要闻\n港口航线增至126条\n字号：大 中 小\n作者：本报记者 孙立平\n来源：滨海日报\n"
	"记者3月11日从滨海港集团获悉，今年以来滨海港新开通集装箱航线7条，航线总数增至126条。\n"
	"港口集团负责人介绍，新航线中有4条为海铁联运配套航线，内陆货物可在24小时内装船出海。\n"
	"上一篇 下一篇 返回目录\n"
	"滨海日报数字报刊平台\n第A05版：要闻\n背街小巷改造提速\n字号：大 中 小\n作者：本报记者 邓佳\n来源：滨海日报\n"
	"今年，我市将对老城区132条背街小巷实施改造，重点解决路面破损、管线杂乱等问题。\n"
	"改造先问需\n"
	"在东门街道的柳巷，施工方案公示前，街道先后召开了6次居民议事会，收集意见建议90余条。\n"
	"上一篇 下一篇 返回目录\n"
	"滨海日报数字报刊平台\n第A05版：要闻\n春季义务植树活动启动\n字号：大 中 小\n作者：\n来源：滨海日报\n"
	"3月11日，全市春季义务植树活动在西山森林公园启动，2000余名干部群众参加植树。\n"
	"改造先问需\n"
	"据了解，今年全市计划完成植树造林3.5万亩，新建口袋公园20个。\n"
	"上一篇 下一篇 返回目录\n";

/* Learns the furniture of `page` (its first `lines` lines) into *f: each
 * line of `kept` must be furniture, each of `not` must not (either list
 * may be NULL). */
static void learn(furniture *f, const char *page, unsigned lines, const char *const *kept, const char *const *not)
{
	furniture_learn(f, S(page), lines);
	for (size_t i = 0; kept && kept[i]; i++)
		if (!furniture_has(f, S(kept[i])))
			fail_msg("\"%s\" is not learnt as furniture", kept[i]);
	for (size_t i = 0; not && not[i]; i++)
		if (furniture_has(f, S(not[i])))
			fail_msg("\"%s\" is learnt as furniture", not[i]);
}

static void test_learn(void **state)
{
	(void)state;
	furniture f;
	learn(&f, epaper, 4000,
	      TU_LINES("滨海日报数字报刊平台", "第A05版：要闻", "字号：大 中 小", "作者：本报记者 王五", "来源：滨海日报",
		    "上一篇 下一篇 返回目录"),
	      /* headlines and a subhead printed twice, alone between bodies */
	      TU_LINES("港口航线增至126条", "改造先问需"));
	/* a bar of buttons in words beside a metadata line, around each of
	 * three stories; links quoting a question-title */
	static const char scrape[] =
		"晨报数字报\n小麦越冬管理要点\n【作者】本报记者 简宁 【日期】2026-12-03\n"
		"入冬以来气温偏低，农技专家提醒各地及时镇压划锄，保墒防冻。\n【打印本文】 【关闭窗口】\n"
		"大棚蔬菜怎样防冻害？\n【作者】本报记者 尹路 【日期】2026-12-03\n"
		"寒潮来临前要检查棚膜，夜间加盖草帘，必要时临时加温。\n【打印本文】 【关闭窗口】\n"
		"上一篇：小麦越冬管理要点？ 下一篇：没有了\n"
		"果树冬剪有讲究\n【作者】本报记者 简宁 【日期】2026-12-03\n"
		"冬剪宜在落叶后到萌芽前进行，先去病虫枝，再疏密枝。\n【打印本文】 【关闭窗口】\n"
		"上一篇：大棚蔬菜怎样防冻害？ 下一篇：没有了\n";
	learn(&f, scrape, 4000, TU_LINES("【打印本文】 【关闭窗口】", "【作者】本报记者 尹路 【日期】2026-12-03"),
	      TU_LINES("大棚蔬菜怎样防冻害？"));
	assert_true(furniture_shape(S("上一篇：大棚蔬菜怎样防冻害？ 下一篇：没有了")) != 0);
	assert_int_equal(furniture_shape(S("大棚蔬菜怎样防冻害？")), 0);
	/* a bar of plain words after each of three stories, the next
	 * title under it each time, no line beside it to group it with */
	static const char links[] =
		"城北水厂数字报\n雨季前完成管网检修\n发布时间：2026-05-06　来源：城北水厂\n本报讯　城北水厂本月完成了管网检修。\n"
		"上一条　下一条　返回首页\n夜班抢修队的一夜\n发布时间：2026-05-06　来源：城北水厂\n凌晨一点，抢修队接到报修电话。\n"
		"上一条　下一条　返回首页\n节约用水小知识\n发布时间：2026-05-06　来源：城北水厂\n洗菜的水可以用来浇花。\n"
		"上一条　下一条　返回首页\n";
	learn(&f, links, 4000, TU_LINES("上一条　下一条　返回首页"), NULL);
	/* a metadata line alone between every story's title and text, the
	 * same each time but for its figures (no line beside it to group
	 * it with) */
	static const char stamps[] =
		"彩云日报数字报刊平台\n漾濞核桃搭上直播快车\n发布时间：2026-11-20 07:32:10　来源：彩云日报\n"
		"本报讯　漾濞是全国核桃种植大县，今年线上销售额预计突破三亿元。\n"
		"全省核桃产业论坛在大理召开\n发布时间：2026-11-20 07:35:44　来源：彩云日报\n"
		"本报大理11月19日电　论坛发布了云南核桃产业发展报告。\n"
		"云南核桃小知识\n发布时间：2026-11-20 07:43:27　来源：彩云日报\n"
		"云南是我国核桃种植面积和产量最大的省份。\n";
	learn(&f, stamps, 4000, TU_LINES("发布时间：2026-11-21 08:00:00　来源：彩云日报"),
	      TU_LINES("漾濞核桃搭上直播快车", "云南核桃小知识"));
	/* the page's titles listed at its top, each printed again over its
	 * story: twice on a page of three stories, no furniture (the lines
	 * around every story are) */
	static const char listed[] =
		"青禾晚报数字报\n本版新闻列表\n老城区背街小巷完成改造\n社区食堂开到家门口\n夜间公交新增三条线路\n"
		"老城区背街小巷完成改造\n发布时间：2026-11-20　作者：本报记者 吕安澜\n"
		"本报讯　老城区四十二条背街小巷的改造工程日前全部完工，小巷铺上了透水砖。\n上一篇　下一篇　返回目录\n"
		"社区食堂开到家门口\n发布时间：2026-11-20　作者：本报记者 许知远\n"
		"本报讯　东湖街道第三家社区食堂昨日开业，老年人就餐可享受八折优惠。\n上一篇　下一篇　返回目录\n"
		"夜间公交新增三条线路\n发布时间：2026-11-20　作者：通讯员 韩静\n"
		"本报讯　市公交集团从本周起新开三条夜间线路，末班车延至凌晨一点。\n上一篇　下一篇　返回目录\n";
	learn(&f, listed, 4000, TU_LINES("发布时间：2026-11-20　作者：本报记者 许知远", "上一篇　下一篇　返回目录"),
	      TU_LINES("社区食堂开到家门口", "夜间公交新增三条线路"));
	/* twice on a page of two stories: around every story all the same */
	static const char two[] =
		"青禾晚报数字报\n第B03版：城事\n老城区背街小巷完成改造\n发布时间：2026-11-20　作者：本报记者 吕安澜\n"
		"本报讯　老城区四十二条背街小巷的改造工程日前全部完工，小巷铺上了透水砖。\n"
		"青禾晚报数字报\n第B03版：城事\n社区食堂开到家门口\n发布时间：2026-11-20　作者：本报记者 许知远\n"
		"本报讯　东湖街道第三家社区食堂昨日开业，老年人就餐可享受八折优惠。\n";
	learn(&f, two, 4000, TU_LINES("青禾晚报数字报", "第B03版：城事"), NULL);
	/* only the first lines are read */
	learn(&f, epaper, 12, NULL, TU_LINES("字号：大 中 小"));
}

/* Look-alikes that must stay what they are: a paragraph and its subhead
 * extracted twice (the same body around them), a column label over two
 * stories by the same reporter, a Q&A, a table's rows. */
static void test_not_learnt(void **state)
{
	(void)state;
	/* each page and its lines that must not be learnt; NULL: no line
	 * of it may be */
	const struct {
		const char *page;
		const char *const *not;
	} pages[] = {
		{ "■下转第4版\n本报记者 蔡河 通讯员 冯雪\n“感恩”群众教育\n"
		  "75岁的居民竖起大拇指，说吴书记总是能想到大家的心坎里，这样的活动多多益善。\n"
		  "这场活动只是社区工作的一个缩影，二十多年来她走遍了社区的每一户人家。\n"
		  "■下转第2版\n雨夜守护映初心\n本报记者 蔡河 通讯员 冯雪\n“感恩”群众教育\n"
		  "75岁的居民竖起大拇指，说吴书记总是能想到大家的心坎里，这样的活动多多益善。\n",
		  NULL },
		{ "城事快递\n公交新开两条线\n记者 李明\n市公交集团昨天宣布，下周一起新开通两条公交线路，方便城东居民出行。\n"
		  "城事快递\n菜场改造完工\n记者 李明\n经过三个月的改造，城北菜市场昨天重新开门迎客，摊位增加到了一百二十个。\n"
		  "城事快递\n图书馆延时开放\n记者 李明\n市图书馆自本周起延长开放时间，工作日晚上开放到九点，方便上班族。\n",
		  TU_LINES("城事快递", "记者 李明") },
		{ "问：今年的招生计划有什么变化？\n答：今年我们新增了两个专业，招生人数比去年增加了一百二十人，欢迎考生报考。\n"
		  "问：学费标准会调整吗？\n答：学费标准与去年保持一致，家庭经济困难的学生可以申请助学贷款和各类奖助学金。\n"
		  "问：宿舍条件怎么样？\n答：新宿舍楼今年九月投入使用，每间住四人，配有独立卫生间和空调，条件比以前好多了。\n",
		  NULL },
		/* the same with each label alone on its line, its text under it */
		{ "问：\n今年的招生计划有什么变化？\n答：\n今年我们新增了两个专业，招生人数比去年增加了一百二十人。\n"
		  "问：\n学费标准会调整吗？\n答：\n学费标准与去年保持一致，困难学生可以申请助学贷款和奖助学金。\n"
		  "问：\n宿舍条件怎么样？\n答：\n新宿舍楼今年九月投入使用，每间住四人，配有独立卫生间和空调。\n",
		  TU_LINES("问：", "答：") },
		/* a song's refrain between its verses, the next singer's label
		 * (a line that comes back) or a verse under it */
		{ "领唱：林小禾\n小河弯弯绕村庄，河水清清映蓝天。\n家乡美　家乡亲　家乡好\n"
		  "领唱：方一舟\n小河弯弯到田边，稻谷金黄压弯腰。\n家乡美　家乡亲　家乡好\n"
		  "领唱：林小禾\n小河弯弯向远方，游子梦里常回乡。\n家乡美　家乡亲　家乡好\n河水流到大海边，带走我的思念。\n",
		  TU_LINES("家乡美　家乡亲　家乡好") },
		{ "第1名 张三 98分\n第2名 李四 95分\n第3名 王五 93分\n第4名 赵六 90分\n",
		  NULL },
		/* an event's fields under each item, another place each time:
		 * the items' text */
		{ "青岚画院迎新展开幕\n时间：12月20日至1月5日　地点：青岚画院\n展出本地画家新作六十余幅，免费参观。\n"
		  "冬季长跑比赛报名\n时间：12月22日　地点：滨江绿道\n比赛设五公里和十公里两个组别，即日起报名。\n"
		  "非遗剪纸体验课\n时间：12月27日　地点：市文化馆\n课程面向八岁以上少儿，每期限二十人。\n",
		  NULL },
	};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		furniture f;
		learn(&f, pages[i].page, 4000, NULL, pages[i].not);
		if (!pages[i].not && f.n != 0)
			fail_msg("page %zu: %u shapes learnt as furniture, none expected", i, f.n);
	}
}

static void test_markdown_links(void **state)
{
	(void)state;
	size_t a, al, u, ul;
	const char *l = "![图片](https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg)";
	assert_true(furniture_md_image(l, strlen(l), &a, &al, &u, &ul));
	assert_int_equal(al, strlen("图片"));
	assert_true(strncmp(l + u, "https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg", ul) == 0 && ul == strlen(l) - u - 1);
	assert_true(furniture_md_image(S("![](https://a.b/c.png)"), &a, &al, &u, &ul));
	assert_int_equal(al, 0);
	l = "[云岭这一周｜县域新闻周报（2.27—3.5）](https://mp.weixin.qq.com/s/Vq3bN8xZ)";
	assert_true(furniture_md_link(l, strlen(l), &a, &al, &u, &ul));
	assert_true(strncmp(l + a, "云岭这一周", strlen("云岭这一周")) == 0);
	/* text around a link, or brackets that are no link */
	assert_false(furniture_md_link(S("详见[附件](https://a.b/c)。"), &a, &al, &u, &ul));
	assert_false(furniture_md_link(S("[简讯] 市区新增充电桩"), &a, &al, &u, &ul));
	assert_false(furniture_md_image(S("![图片](https://a.b/c) 说明文字"), &a, &al, &u, &ul));
	assert_false(furniture_md_link(S("[](https://a.b/c)"), &a, &al, &u, &ul));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_author),
		cmocka_unit_test(test_learn),
		cmocka_unit_test(test_not_learnt),
		cmocka_unit_test(test_markdown_links),
	};
	return cmocka_run_group_tests_name("furniture", tests, NULL, NULL);
}
