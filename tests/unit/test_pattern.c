/* Unit tests of the newspaper conventions (pattern.c), on lines of our own. */
#include "testpattern.h"

#define S(x) x, strlen(x)

static void test_names(void **state)
{
	(void)state;
	tp_names(TU_LINES("王川", "欧阳明月", "阿依古丽·买买提"),
		 TU_LINES("王", "青川市科技局", "王川。", "Wang"));
}

static void test_bylines(void **state)
{
	/* 摄 glued to a name after a role word: a photo's credit */
	assert_false(pattern_is_byline(S("记者 吴家豪摄"), false));
	assert_true(pattern_is_byline(S("文︰何志明"), false));      /* (Hong Kong's vertical colon) */
	/* who the writer is, at length, then the name; not a label's field */
	assert_true(pattern_is_byline(S("中国农业科学院农业信息研究所研究员　周立平"), false));
	assert_false(pattern_is_byline(S("本期专家：江州市第一人民医院心内科主任医师　冯志强"), false));
	assert_false(pattern_is_byline(S("（記者 吳家豪攝）"), false));

	(void)state;
	tp_bylines(false, TU_LINES("本报记者 林晓"), NULL);
	/* a place and 报道 after the names: where the story was filed */
	tp_bylines(false, TU_LINES("本报记者 林一舟 新加坡报道", "記者　馮子晴　多倫多報導"),
			  TU_LINES("本报记者 林一舟 新加坡"));
	/* a second name right after a name opens with a family name */
	tp_bylines(false, NULL, TU_LINES("记者 来到 现场"));
	/* parts: a part's word, a mark, who; after the names; joined by a dot */
	tp_bylines(false, TU_LINES("口述：陈守望　整理：本报记者　罗　帆", "口述 陈守望　整理 本报记者 罗 帆",
				   "报道／林国栋　摄影／何家明", "会展记者　金　山／文　胡　月／摄",
				   "文·图／植物园科普部　甘　雨", "文．圖／記者　洪佩珊", "文．攝影／記者蔡佩玲"),
			  TU_LINES("记录美好生活　摄影作品展", "口述历史　整理档案", "文·图说新闻"));
	/* a transliterated name glued to its role: a part of three or more */
	tp_bylines(false, TU_LINES("记者帕丽达·艾买提", "记者 张晓岚 李卫东", "记者　陆　洋　通讯员　清法宣",
				   "本报通讯员　拉巴　扎西"),
			  TU_LINES("记者手记·二则", "记者 走进 车间 看到"));
	/* a mark, then a post and the name; a mark before each role; a
	 * spaced name glued to its role; a post ending in 顾问 */
	tp_bylines(false, TU_LINES("■中士　庞一凡", "■本报记者　郑远航　■通讯员　于　洁", "文/贺　薇",
				   "法律顾问　殷若兰", "文　周　舟", "文　李　明"),
			  TU_LINES("■特别提醒", "法律顾问　提醒大家", "文　化　馆", "文　明　城　市　创　建"));
	/* a soldier signs with the rank, glued or spaced, a name of two parts */
	tp_bylines(false, TU_LINES("■上等兵　阿力木江·吐尔逊", "上尉　李　强", "列兵　赵小川"),
			  TU_LINES("上等兵王小明说", "下士班长带队训练"));
	/* a bank's branch (…行) before the name; an observer is a role */
	tp_bylines(false, TU_LINES("城北支行　伍　倩", "本报邮市观察员　葛　松　整理"),
			  TU_LINES("绿色出行　方便快捷", "他告诉观察员 郑明"));
	/* a place, who writes in, the name */
	tp_bylines(false, TU_LINES("江南市　读者　吴秀兰", "湖北宜昌　邮友　谭正明"),
			  TU_LINES("江南市　读者　反映强烈的问题"));
	/* English: By and capitalised words, parts after commas */
	tp_bylines(false, TU_LINES("By Zhang Wei", "By Liu Yang, Grade 10, No. 2 Middle School",
				   "本报记者 林晓 通讯员 赵一鸣", "本报记者林晓 苏禾", "□周远 郑可", "佚名",
				   "记者:何田", "文/方舟"),
			  TU_LINES("By the end of the day, they had planted trees.",
				   "By 2030, the city plans more parks", "By Monday."));
	/* markdown exports of web posts: the role and a bar set apart */
	tp_bylines(false, TU_LINES("文 | 记者 周敏", "图 ｜ 融媒记者 杨帆", "文/图 / 本报记者 方舟",
				   "文 | 顾一帆　　图 | 网络", "　本报记者 林晓　"),
			  TU_LINES("文 | 这是一句话，不是署名。", "文 | ", "文化 | 记者 周敏",
				   "文 | 这是一句话　　图 | 网络"));
	/* a reader signs with the province and the city, then the name */
	tp_bylines(false, TU_LINES("江苏南京　王秀兰", "广东佛山 陈伯"),
			  TU_LINES("江苏南京　新街口商圈", "南京市民　王秀兰的一天", "江苏南京王秀兰"));
	/* a pupil: a school in brackets after the name, the teacher after
	 * it; the class before the name; a teacher alone signs nothing */
	tp_bylines(false, TU_LINES("小记者　王子涵（实验小学四年级）　指导老师　刘　芳",
				   "建设路小学三年级（2）班　周可欣"),
			  TU_LINES("指导老师：郭晓丽", "三年级（2）班　开学第一课"));
	/* a byline alone in 【】 or 〔〕; a role set apart by a slash before
	 * a pen name */
	tp_bylines(false, TU_LINES("【記者許雅琪／高雄報導】", "〔记者黄柏翰／台东报道〕", "文／妙音"),
			  TU_LINES("【实验材料】", "【相关报道】", "记者手记", "文／这是一句很长的话不是名字"));
	/* a student's school, year and degree before the name */
	tp_bylines(false, TU_LINES("材料学院2024级硕士研究生　宋子涵", "化学系博士生 李明"), TU_LINES("硕士研究生招生简章"));
	/* a PDF's division slash (∕) for the slash */
	tp_bylines(false, TU_LINES("記者李承翰∕新竹報導"), NULL);
	/* the page's desk set apart from its name by a slash: no writer */
	tp_bylines(false, TU_LINES("编译／杜若"), TU_LINES("责任编辑／何　军", "校对／李明"));
	/* the kind of a piece named after its writer's role: a label */
	tp_bylines(false, TU_LINES("本报评论员"), TU_LINES("本报评论员文章", "本刊特约评论员文章"));
	/* where the writer lives, in brackets, between the role and the name */
	tp_bylines(false, TU_LINES("文／〔加拿大溫哥華〕陳美蓮", "文/（美国旧金山）李文华"),
		   TU_LINES("文／〔加拿大溫哥華〕", "文／（2026年11月）"));
	/* bylines built of parts: a role word set apart from the name by a
	 * slash as by a colon; after the slash a pen name of any Han
	 * characters; 作者 set apart by a space or a slash (glued it labels
	 * a note, with a colon it is as often a book's field) */
	tp_bylines(false, TU_LINES("本报记者／郭小川", "记者/郭小川", "文／叶三省", "作者　郭小川",
				   "作者／郭小川", "特约撰稿人　郭小川"),
			  TU_LINES("作者：郭小川"));
	tp_bylines(true, NULL, TU_LINES("作者简介"));
	/* the name glued between the role and 报道; a medium's name opening
	 * with figures */
	tp_bylines(false, TU_LINES("記者陳子謙報道", "记者陈子谦报道", "21世纪财经报道记者 方晓棠 广州报道"),
			  TU_LINES("记者调查报道", "记者现场报道", "2024年记者节"));
	/* a letter's signature without spaces: a place, who writes in, the
	 * name; a unit, the name and the post after it; a place and the name
	 * before the post in brackets */
	tp_bylines(false, TU_LINES("城东读者陶玉珍", "丰台区　读者　郝建国", "市农科院　韦春兰　研究员",
				   "臺南市　郭雅文（國小教師）", "口述：渔民　许长根　记录：本报记者　方晓棠"),
			  TU_LINES("感谢读者王明", "我们的读者王明", "研究所　张明　说明书",
				   "臺南市　天氣晴（多雲）"));
	/* a county and the name signing a letter; who writes in, the name,
	 * the district; a Mongolian name of five characters after its role */
	tp_bylines(false, TU_LINES("沙湾县　田秀兰", "读者　林志强　碧山", "通讯员　乌云其其格"),
			  TU_LINES("沙湾县　天气晴", "读者　林志强　来信说明情况"));
	/* a letter of thanks signed by who the service served, by name or
	 * by family name and 女士/先生; a reporter named 项 (a family name) */
	tp_bylines(false, TU_LINES("乘客　林女士", "游客　陈先生", "业主　王大山", "记者 项文斌 通讯员 池晓梅",
				   "本报通讯员 巴特尔 朝鲁", "东乌珠穆沁旗 牧民 敖其尔", "‧梁啓明‧"),
			  TU_LINES("乘客　请排队上车", "游客　须知事项", "·东盟·"));
	/* a spaced name after a role set apart by a colon */
	tp_bylines(false, TU_LINES("记者：阿依古丽·买买提　通讯员：何　平"),
			  TU_LINES("记者：何　平说", "通讯员　乌云密布的天"));
	/* bare names only where allowed */
	tp_bylines(false, NULL, TU_LINES("宋河"));
	tp_bylines(true, TU_LINES("宋河", "宋河 陶然"), TU_LINES("宋河 陶然 一 二"));
	/* a post or unit, a space, the name: who signs under a title */
	assert_true(pattern_is_unit_name(S("锻工车间　刘海生")));
	assert_true(pattern_is_unit_name(S("◇玄妙观　周信和")));
	assert_false(pattern_is_unit_name(S("化学学院")));
	assert_false(pattern_is_unit_name(S("仰光连降暴雨　多区街道积水")));
	assert_false(pattern_is_unit_name(S("锻工车间")));
	/* not bylines */
	tp_bylines(true, NULL, TU_LINES("科技赋能守初心", ""));
	tp_bylines(false, NULL, TU_LINES("本报记者从市统计局获悉,今年一季度增长。", "记者"));
}

static void test_datelines(void **state)
{
	(void)state;
	tp_dateline_is("本报讯(记者 林晓 苏禾) 3月18日,青川湖畔举行了开幕式。",
		       "本报讯", "记者 林晓 苏禾", "3月18日,青川湖畔举行了开幕式。");

	/* names before 报道： need no role word, but must be names */
	tp_dateline_is("本报讯　刘　晟报道：日前，哨所新添了一批保暖营房。", NULL, "刘　晟", NULL);
	tp_dateline_is("本报讯　近日报道：多地迎来降雪，司机要减速慢行。", NULL, "", NULL);

	/* a reporter and the place filed from in 【】, glued or spaced, the
	 * paper's 本報 first: the byline (README's ruling), no dateline */
	tp_dateline_is("【本報記者黃啟明納帕報道】隨著最後一批葡萄運進釀酒廠。", "", "本報記者黃啟明納帕報道",
		       "隨著最後一批葡萄運進釀酒廠。");
	tp_dateline_is("【本报讯】今天上午，会议召开。", "【本报讯】", "", NULL);

	/* where the lead was filed, in round brackets with no date: a place
	 * and 讯 or 综合讯; a kind of news or an aside there is no filing */
	tp_dateline_is("（陽明山訊）管理處提醒遊客勿越線。", "陽明山訊", NULL, "管理處提醒遊客勿越線。");
	tp_dateline_is("（新山综合讯）关卡明年起将试行二维码通关。", "新山综合讯", NULL, NULL);
	/* a dateline in 【】 alone on its line, its day before 讯 (the text
	 * under it); a column's name in 【】 is none */
	tp_dateline_is("【曼谷二日讯】", "曼谷二日讯", NULL, NULL);
	tp_datelines(NULL, TU_LINES("【社区简讯】"));
	/* OCR's 曰 for the day's 日: the dateline as printed */
	tp_dateline_is("(关丹21曰讯)彭亨客家公会将于下月举办敬老会。", "关丹21曰讯", NULL, NULL);
	tp_dateline_is("本报北京3月8曰电　会议今天开幕。", "本报北京3月8曰电", NULL, NULL);
	tp_datelines(NULL, TU_LINES("子曰讯息万变，学而时习之。"));
	tp_datelines(NULL,
		     TU_LINES("（快讯）受连日大雨影响，部分道路出现积水。",
			      "（记者手记）每次走进夜市，总能听到熟悉的乡音。"));

	/* the magazine's own: 本刊讯 as 本报讯 */
	tp_dateline_is("本刊讯　受强冷空气影响，气温将下降八到十度。", "本刊讯", NULL, NULL);

	/* a colon after 讯 sets the text apart as a space does; after a
	 * kind of news (快讯) it is a label's */
	tp_dateline_is("本報訊：西環碼頭昨日重開，首班渡輪準時起航。",
		       "本報訊", NULL, "西環碼頭昨日重開，首班渡輪準時起航。");
	tp_datelines(NULL, TU_LINES("新华社快讯：首艘极地科考破冰船今日交付使用。"));
	/* a paper's name, a space, the place it filed from, 讯 in 【】; a
	 * kind of news after a space is no place */
	tp_dateline_is("【欧华导报 巴黎讯】周五晚上，咖啡馆的地下室里坐满了人。", "欧华导报 巴黎讯", "",
		       "周五晚上，咖啡馆的地下室里坐满了人。");
	tp_dateline_is("【南洋商报　槟城讯】槟城华人大会堂日前举办书法展。", "南洋商报　槟城讯", "", NULL);
	tp_datelines(NULL, TU_LINES("【工作 简讯】全厂本周开展安全检查。", "【文化 简讯】全厂本周开展安全检查。"));
	/* the same without the space ("【欧华时报伦敦讯】"), and the reporter
	 * filing after it ("记者 X 报道　正文"); a kind of news before 讯 is
	 * no place */
	tp_dateline_is("【欧华时报伦敦讯】记者 沈一鸣 报道　英格兰银行公布最新利率决议。", "欧华时报伦敦讯", "记者 沈一鸣",
		       "报道　英格兰银行公布最新利率决议。");
	tp_dateline_is("【星洲日报槟城讯】槟城华人大会堂日前举办书法展。", "星洲日报槟城讯", "", "槟城华人大会堂日前举办书法展。");
	tp_datelines(NULL, TU_LINES("【时报财经快讯】英格兰银行公布最新利率决议。", "【晚报城区简讯】全厂本周开展安全检查。"));
	/* a place and 讯, a dash, the text, as after a colon; a kind of news is no place */
	tp_dateline_is("仰光讯——缅甸气象与水文局8日宣布，季风提前抵达。", "仰光讯", "", "缅甸气象与水文局8日宣布，季风提前抵达。");
	tp_datelines(NULL, TU_LINES("喜讯——我校代表队获省赛一等奖。", "简讯——全厂本周开展安全检查。"));
	/* the paper named by its kind */
	tp_dateline_is("晚报讯 11月20日起，地铁5号线南延段开始空载试运行。", "晚报讯", "", "11月20日起，地铁5号线南延段开始空载试运行。");
	tp_datelines(NULL, TU_LINES("晚报电话热线：12345"));
	/* news of the place the paper is printed in, in brackets */
	tp_dateline_is("（本市特訊）比商電車公司近以煤價高漲。", "本市特訊", "", "比商電車公司近以煤價高漲。");
	tp_datelines(NULL, TU_LINES("（本市最新消息一则）全市今起停电。"));
	/* a wire's dateline alone on its line in brackets opens the text
	 * under it; a credit in brackets closes a story */
	tp_dateline_is("（加通社多倫多25日電）", "加通社多倫多25日電", "", "");
	tp_datelines(NULL, TU_LINES("（据新华社电）", "（记者 张三）", "（新华社北京11月3日电　记者 王五）"));
	/* and a place's or the paper's news, not a kind of news */
	tp_dateline_is("（泗水讯）", "泗水讯", "", "");
	tp_dateline_is("（本报讯）", "本报讯", "", "");
	tp_datelines(NULL, TU_LINES("（社区简讯）", "（校园快讯）", "（本报记者摄）"));
	/* a telegram's place and day, 电 and a space, no source named */
	tp_dateline_is("北京十九日電　財政部以年關在即。", "北京十九日電", "", "財政部以年關在即。");
	tp_dateline_is("巴黎11月3日电：法国政府宣布新的预算方案。", "巴黎11月3日电", "", "法国政府宣布新的预算方案。");
	tp_datelines(NULL, TU_LINES("北京19日电视台播出了这部纪录片。", "上海3日电　"));
	/* the reporter's byline in ASCII square brackets opening the lead */
	tp_dateline_is("[記者 林志明/南投報導]  南投縣鴿會昨日舉辦冬季幼鴿賽。",
		       NULL, "記者 林志明/南投報導", "南投縣鴿會昨日舉辦冬季幼鴿賽。");
	tp_datelines(NULL, TU_LINES("[相关链接](https://example.com/a) 详见本报昨日报道。"));

	tp_dateline_is("本报3月18日讯 (记者 何田)昨天,青川新区正式挂牌。",
		       "本报3月18日讯", "记者 何田", "昨天,青川新区正式挂牌。");

	tp_dateline_is("本报杭州3月17日电 (记者 方舟 通讯员 陈默)记者从会上获悉。",
		       "本报杭州3月17日电", "记者 方舟 通讯员 陈默", NULL);

	tp_dateline_is("本报讯 青川开发区推出“帮办”服务。", NULL, "", "青川开发区推出“帮办”服务。");

	/* who filed it may sign with a post or unit before the name */
	tp_dateline_is("本报讯（校友会秘书处　林芷若）11月22日，奖学金签约仪式举行。",
		       "本报讯", "校友会秘书处　林芷若", "11月22日，奖学金签约仪式举行。");

	/* a parenthesis that is not a byline stays in the body */
	tp_dateline_is("本报讯 (上接第1版)会议指出。", NULL, "", "(上接第1版)会议指出。");

	tp_datelines(NULL,
		     TU_LINES("本报记者 林晓", "本报全面推进改革,成效显著。", "新华社消息",
			      "今年以来,本报讯息"));
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
	tp_trailing_bylines(NULL, TU_LINES("全市储量超过三亿吨(约占全省一半)", "项目已完成。(详见附表)"));
	/* four characters alone sign when they open as a name alone does;
	 * a riddle's hint does not, the paper or its source does */
	tp_trailing_bylines(TU_LINES("读书角本周开放。（欧阳明月）", "长江鱼类资源逐步恢复。（据新华社）",
				     "读书角本周开放。（周明远）"),
			    TU_LINES("小小一个房，四面都是窗。（打一用品）"));
	/* the parts of the piece joined before who made them */
	tp_trailing_bylines(TU_LINES("欢迎各族市民前来参观。（文、图：阮氏秋）", "欢迎市民前来参观。（文·图／王小秋）"),
			    TU_LINES("欢迎市民前来参观。（文、图：见第三版）"));
}

static void test_trailing_unit(void **state)
{
	(void)state;
	size_t paren, ns, ne;
	const char *a = "我校代表队的作品获特等奖。（化工学院）";
	assert_true(pattern_match_trailing_unit(a, strlen(a), &paren, &ns, &ne));
	assert_string_equal(a + paren, "（化工学院）");
	assert_memory_equal(a + ns, "化工学院", ne - ns);
	/* a source, a name, a phrase, a unit inside the sentence: none */
	const char *no[] = { "长江鱼类资源逐步恢复。（据新华社）", "读书角本周开放。（周明远）",
			     "全年增长百分之五。（市统计局数据）", "全市共有三所(市第一中学等)学校参加",
			     "作品获特等奖。（化工学院　供稿）" };
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(pattern_match_trailing_unit(no[i], strlen(no[i]), &paren, &ns, &ne));
}

static void test_credits(void **state)
{
	(void)state;
	tp_credit_is("青川湖畔的樱花盛开。 林晓 摄", " 林晓 摄");
	tp_credit_is("工人检查新装的光伏板。周远摄", "周远摄");
	tp_credit_is("本报记者 何田 摄", "本报记者 何田 摄");
	tp_credit_is("新落成的图书馆。 方舟 陈默 摄", " 方舟 陈默 摄");
	tp_credit_is("夜色中的老街(宋河 摄)", "(宋河 摄)");
	tp_credit_is("选手准备出发。 市体育局 供图", " 市体育局 供图");
	/* the photographer's role in brackets closing a sentence, a slash
	 * after it as well as a colon */
	tp_credit_is("河畔的彩灯日前亮起。（摄影／陈伟杰）", "（摄影／陈伟杰）");
	tp_credit_is("河畔的彩灯日前亮起。（摄影：陈伟杰）", "（摄影：陈伟杰）");
	/* no credit */
	tp_credit_is("摄影爱好者在湖边拍摄", "");
	tp_credit_is("摄", "");
}

static void test_jumps(void **state)
{
	(void)state;
	static const tp_jump jumps[] = {
		{ "■下转第4版", PATTERN_JUMP_TO, 4 },
		{ "(上接第1版)", PATTERN_JUMP_FROM, 1 },
		{ "（上接第十二版）", PATTERN_JUMP_FROM, 12 },
		{ "详见第2版", PATTERN_JUMP_SEE, 2 },
		{ "下转A3版", PATTERN_JUMP_TO, 3 },
		{ "  ■ 下转第３版  ", PATTERN_JUMP_TO, 3 },
		{ "下转第4版的消息很重要", PATTERN_JUMP_NONE, -1 },
		{ "见面会在第4版举行", PATTERN_JUMP_NONE, -1 },
		{ "(上接第1版", PATTERN_JUMP_NONE, -1 },
		/* a page's letter and number in brackets need no 版 */
		{ "（轉A6）", PATTERN_JUMP_TO, 6 },
		{ "转A6", PATTERN_JUMP_NONE, -1 },
		{ "（转A）", PATTERN_JUMP_NONE, -1 },
	};
	tp_jumps(jumps, sizeof jumps / sizeof *jumps);
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
	/* a letter and figures before 版, first or after a separator */
	assert_true(pattern_is_page_header(S("A07版：城事·交通　　PDF下载"), &page));
	assert_int_equal(page, 7);
	assert_true(pattern_is_page_header(S("您当前的位置：首页 >> 2026年12月01日 >> B2版：体育"), &page));
	assert_int_equal(page, 2);
	assert_false(pattern_is_page_header(S("新款平板采用A15版芯片"), &page));
	assert_false(pattern_is_page_header(S("A3版面调整通知"), &page));
	assert_false(pattern_is_page_header(S("详见A3版"), &page));
	/* OCR's 曰 for 日 after a year and a month is still the date */
	pattern_header hm;
	assert_true(pattern_is_running_header(S("拉普拉塔华报　2026年12月1曰　星期二　第3版　侨社新闻"), &hm));
	assert_true(pattern_is_running_header(S("拉普拉塔华报　2026年12月1日　星期二　第3版　侨社新闻"), &hm));
	assert_false(pattern_is_running_header(S("孔子曰：学而时习之，不亦说乎？"), &hm));
	/* a page label is set apart or closed by 版; glued to a word it
	 * names a thing (an age group, a summit) */
	assert_true(pattern_is_running_header(S("A04　要闻"), &hm));
	assert_true(pattern_is_running_header(S("B2版体育"), &hm));
	assert_false(pattern_is_running_header(S("U17组决赛成绩"), &hm));
	assert_false(pattern_is_running_header(S("G20峰会"), &hm));
	/* an old daily's sheet (第三張) and its lunar date with the cyclic
	 * year (陰曆癸亥年十月十三日) are a header's fields */
	assert_true(pattern_is_running_header(S("陰曆癸亥年十月十三日　第三張　本埠新聞"), &hm));
	assert_true(pattern_is_running_header(S("商業日報　第三張"), &hm));
	assert_false(pattern_is_running_header(S("张家港市　历史文化"), &hm));
	assert_false(pattern_is_running_header(S("第三张照片"), &hm));
	/* an e-paper's chrome: its links, its masthead, its label over the
	 * page's own fields */
	assert_true(pattern_is_running_header(S("首页　|　往期回顾　|　版面导航　|　PDF下载"), &hm));
	assert_true(pattern_is_running_header(S("上一版　　下一版"), &hm));
	assert_true(pattern_is_epaper_chrome(S("首頁 | 往期回顧 | 版面導航 | 標題導航 | 下載PDF")));
	assert_false(pattern_is_epaper_chrome(S("下载PDF文件的方法")));
	assert_true(pattern_is_epaper_chrome(S("本版PDF下载")));
	assert_true(pattern_is_epaper_chrome(S("▲ 回到頂端")));
	assert_true(pattern_is_epaper_chrome(S("關於我們｜隱私權政策｜服務條款｜聯絡我們")));
	assert_true(pattern_is_epaper_chrome(S("分享　Facebook　LINE　複製連結")));
	assert_false(pattern_is_epaper_chrome(S("分享　他在Facebook上写道：谢谢大家。")));
	assert_false(pattern_is_epaper_chrome(S("PDF文件")));
	assert_true(pattern_is_running_header(S("榕岸的士报数字报"), &hm));
	assert_true(pattern_is_running_header(S("当前版：03版　行业服务　　2026年11月27日　星期五"), &hm));
	assert_true(pattern_is_epaper_chrome(S("江城日报电子版")));
	assert_false(pattern_is_epaper_chrome(S("当前版：03版　行业服务")));
	/* a post platform's call to follow and its end mark */
	assert_true(pattern_is_epaper_chrome(S("点击上方蓝字「山野行户外」关注我们")));
	assert_true(pattern_is_epaper_chrome(S("\\- END -")));
	assert_false(pattern_is_epaper_chrome(S("点击上方链接查看详情")));
	assert_false(pattern_is_epaper_chrome(S("WEEKEND 周末")));
	/* a click's hint, the back-to-top link alone, a bar holding 目录 */
	assert_true(pattern_is_epaper_chrome(S("点击版面图可放大阅读")));
	assert_true(pattern_is_epaper_chrome(S("點擊圖片查看大圖")));
	assert_false(pattern_is_epaper_chrome(S("点击量一周内突破十万，放大了影响")));
	assert_false(pattern_is_epaper_chrome(S("点击率创新高")));
	assert_true(pattern_is_epaper_chrome(S("↑ 返回顶部")));
	assert_true(pattern_is_epaper_chrome(S("返回頂部")));
	assert_false(pattern_is_epaper_chrome(S("返回顶部的路上")));
	assert_true(pattern_is_epaper_chrome(S("返回目录")));
	assert_true(pattern_is_epaper_chrome(S("【返回本版目录】")));
	assert_true(pattern_is_epaper_chrome(S("返回列表")));
	assert_true(pattern_is_epaper_chrome(S("分享到：微信 | 朋友圈 | Facebook")));
	assert_true(pattern_is_epaper_chrome(S("PDF下载 本版PDF（2.8MB）")));
	/* a masthead's lines that only a masthead prints */
	assert_true(pattern_is_epaper_chrome(S("中共禾州市委机关报")));
	assert_true(pattern_is_epaper_chrome(S("国内统一连续出版物号 CN 53-0098")));
	assert_true(pattern_is_epaper_chrome(S("星期三")));
	assert_false(pattern_is_epaper_chrome(S("星期三下午")));
	assert_false(pattern_is_epaper_chrome(S("他曾在市委机关报当了十年记者")));
	assert_true(pattern_is_running_header(S("首页 | 往期回顾 | 版面导航 | PDF下载 | 订阅服务"), &hm));
	assert_false(pattern_is_running_header(S("上一版 | 下一版 | 专题报道"), &hm));
	assert_false(pattern_is_epaper_chrome(S("分享到朋友圈后，他收到了很多留言。")));
	assert_false(pattern_is_epaper_chrome(S("【返回】")));
	/* the publisher named before 主办 beside the registration number: a
	 * masthead's fields; the verb in a sentence is none */
	assert_true(pattern_is_running_header(S("青岭森工集团有限公司主管主办　　国内统一连续出版物号 CN23-0088"), &hm));
	assert_false(pattern_is_running_header(S("由市文联主办"), &hm));
	/* a forum's post line (who, when), the stamp of an edit, buttons */
	assert_true(pattern_forum_post(S("沙发　发表于 2026-11-28 21:40")));
	assert_true(pattern_forum_post(S("樓主　發表於 2025-11-27 09:14　|　只看該作者")));
	assert_false(pattern_forum_post(S("相关成果以研究论文形式发表于国际期刊。")));
	assert_false(pattern_forum_post(S("论文发表于2026年第3期《材料学报》")));
	/* a site's licence number under its publisher */
	assert_true(pattern_is_epaper_chrome(S("江淮建设报社主办　皖ICP备12045678号")));
	/* a site's copyright notice */
	assert_true(pattern_is_epaper_chrome(S("Copyright © 2026 临江大学党委宣传部　All Rights Reserved")));
	/* the imprint with the paper's postal code for subscribers */
	assert_true(pattern_is_epaper_chrome(S("楚天国防报社出版　每周二、四出版　邮发代号37-118")));
	assert_false(pattern_is_epaper_chrome(S("本报订阅请到邮局，邮发代号查询。")));
	/* an e-paper's menu of pages after its label, the page shown and
	 * the links beside it, the links in full-width angle brackets */
	assert_true(pattern_is_epaper_chrome(S("版面導航：A1 要聞 | A2 澳聞 | A3 澳聞 | A4 經濟")));
	assert_true(pattern_is_epaper_chrome(S("當前版面：A2 澳聞　　＜上一版　下一版＞　　PDF下載")));
	assert_true(pattern_is_epaper_chrome(S("＜上一版　下一版＞　　返回目錄")));
	assert_false(pattern_is_epaper_chrome(S("当前版面设计获得好评，下一版将改进")));
	/* a site's tags for a story, a phone view's button under a preview */
	assert_true(pattern_is_epaper_chrome(S("标签：社区　侨团")));
	assert_true(pattern_is_epaper_chrome(S("展开全文 ∨")));
	assert_false(pattern_is_epaper_chrome(S("标签：这是一句话，不是标签。")));
	/* a phone view's bar back to the list of stories */
	assert_true(pattern_is_epaper_chrome(S("‹ 返回　　　　仰光华商报　　　　⋯")));
	assert_true(pattern_is_epaper_chrome(S("< 返回　江城晚报")));
	assert_false(pattern_is_epaper_chrome(S("‹ 返回　A02　澳聞")));
	assert_false(pattern_is_epaper_chrome(S("返回家乡后，他办起了合作社。")));
	/* a chat's export: the sender's time, the sender, the message */
	{
		size_t msg = 0;
		bool sender = false;
		static const char line[] = "2026/12/3 07:05 - 金孔雀日报 杨编辑: 瓦城华校联合举办华文教师研习营";
		assert_true(pattern_chat_message(line, strlen(line), &msg, &sender));
		assert_true(sender);
		assert_string_equal(line + msg, "瓦城华校联合举办华文教师研习营");
		static const char notice[] = "2026/12/3 07:00 - 消息和通话都进行端到端加密。";
		assert_true(pattern_chat_message(notice, strlen(notice), &msg, &sender));
		assert_false(sender);
		static const char ios[] = "[12/3/26 07:43:10] 陈美玲: 好的";
		assert_true(pattern_chat_message(ios, strlen(ios), &msg, &sender));
		assert_string_equal(ios + msg, "好的");
		assert_false(pattern_chat_message(S("2026年12月3日 07:05 记者从市交通局获悉"), NULL, NULL));
		assert_false(pattern_chat_message(S("12/3 07:05 - 王丽: 好"), NULL, NULL));
		assert_false(pattern_chat_message(S("2026/12/3 0705 - 王丽: 好"), NULL, NULL));
	}
	assert_true(pattern_is_epaper_chrome(S("本帖最后由 莱茵河边的老王 于 2026-11-28 21:20 编辑")));
	assert_true(pattern_is_epaper_chrome(S("最後編輯：吃貨阿強 於 2025-11-27 09:31")));
	assert_false(pattern_is_epaper_chrome(S("本帖最后由版主整理，欢迎补充")));
	assert_true(pattern_is_running_header(S("回覆　引用　評分　舉報"), &hm));
	assert_true(pattern_is_running_header(S("首页 | 往期回顾 | 版面导航 | 标题导航 | 下载本版PDF"), &hm));
	assert_true(pattern_is_running_header(S("‹ 上一版　　版面目录　　下一版 ›"), &hm));
	assert_true(pattern_is_running_header(S("‹ 上一版　|　目录　|　下一版 ›"), &hm));
	assert_true(pattern_is_running_header(S("返回頂部　|　版面導航　|　本版PDF下載"), &hm));
	assert_false(pattern_is_running_header(S("目录"), &hm));
	assert_false(pattern_is_running_header(S("首页新闻"), &hm));
	assert_false(pattern_is_running_header(S("首页"), &hm));
	assert_true(pattern_is_running_header(S("[上一版][下一版][版面导航][PDF下载]"), &hm));
	/* a console browser's link numbers, a breadcrumb, Latin link words */
	assert_true(pattern_is_epaper_chrome(S("[10]上一版 [11]下一版 [12]PDF下载")));
	assert_true(pattern_is_epaper_chrome(S("[15]返回目录 | [16]打印本页 | [17]关闭窗口")));
	assert_true(pattern_is_running_header(S("当前位置：首页 > 校报在线 > 第1024期"), &hm));
	assert_true(pattern_is_epaper_chrome(S("首页 | 印尼 | 华社 | 中国 | 国际")));
	assert_false(pattern_is_epaper_chrome(S("首页 | 本报今日推出新栏目，敬请关注")));
	assert_true(pattern_is_epaper_chrome(S("雅加达地铁二期南段明年通车…  华校联合会举办教师研习营…  泗水…")));
	assert_false(pattern_is_epaper_chrome(S("他说：“这个……我再想想。”")));
	/* a forum's lines around a post it quotes */
	assert_true(pattern_is_epaper_chrome(S("附件: 老街.jpg (156.3 KB, 下载次数: 12)")));
	assert_true(pattern_is_epaper_chrome(S("楼主 | 发表于 2026-11-28 09:15 | 只看该作者")));
	assert_true(pattern_is_epaper_chrome(S("回复 | 举报")));
	assert_false(pattern_is_epaper_chrome(S("该文发表于《青梅镇报》")));
	assert_true(pattern_is_epaper_chrome(S("[ 查看版面大图 ]  [ PDF下载 ]")));
	assert_false(pattern_is_epaper_chrome(S("查看版面大图的读者越来越多")));
	/* an edition's menu of its pages; its two views */
	assert_true(pattern_is_epaper_chrome(S("A1要闻　A2菲华社会　A3菲律宾新闻　A4国际　A5财经")));
	assert_true(pattern_is_epaper_chrome(S("B1体育 | B2文娱 | B3副刊")));
	assert_false(pattern_is_epaper_chrome(S("A3级景区　B2级旅游线路")));
	assert_false(pattern_is_epaper_chrome(S("C919客机　A320客机　B737客机")));
	assert_true(pattern_is_epaper_chrome(S("电脑版　｜　手机版")));
	assert_true(pattern_is_epaper_chrome(S("‹ 上一版　　版面导航　　下一版 ›")));
	assert_false(pattern_is_epaper_chrome(S("‹ 上一版的故事 ›")));
	assert_false(pattern_is_epaper_chrome(S("手机版银行上线")));
	/* a forum's post stamp after another 表 ("代表") on its line */
	assert_true(pattern_is_epaper_chrome(S("人大代表 | 发表于 2026-11-28 09:15")));
	/* a mailed edition's way to its web copy and its word to the
	 * subscriber; a story's words on unsubscribing name no mail */
	assert_int_equal(pattern_mail_chrome(S("如邮件无法正常显示，请点击查看网页版：")), PATTERN_MAIL_WEB_COPY);
	assert_int_equal(pattern_mail_chrome(S("您收到这封邮件，是因为您订阅了《莱茵华报》电子快讯。")), PATTERN_MAIL_SUBSCRIBER);
	assert_int_equal(pattern_mail_chrome(S("如需退订，请回复“退订”或点击：https://example.de/unsubscribe")),
			 PATTERN_MAIL_SUBSCRIBER);
	assert_int_equal(pattern_mail_chrome(S("如不希望再收到本报电子版，请点击退订。")), PATTERN_MAIL_SUBSCRIBER);
	assert_int_equal(pattern_mail_chrome(S("如需退订，消费者可以先按短信提示回复。")), PATTERN_MAIL_NONE);
	assert_int_equal(pattern_mail_chrome(S("网页版新增夜间模式")), PATTERN_MAIL_NONE);
	/* a mail's header: its sender and the forwarding mark; its subject
	 * and date are fields other things have too */
	assert_int_equal(pattern_mail_chrome(S("发件人：欧华周报 <news@example.ch>")), PATTERN_MAIL_HEADER);
	assert_int_equal(pattern_mail_chrome(S("From: Ouhua <news@example.ch>")), PATTERN_MAIL_HEADER);
	assert_int_equal(pattern_mail_chrome(S("---------- 转发的邮件 ----------")), PATTERN_MAIL_HEADER);
	assert_int_equal(pattern_mail_chrome(S("主题：欧华周报电子简报第312期")), PATTERN_MAIL_FIELD);
	assert_int_equal(pattern_mail_chrome(S("发件人数逐年增加")), PATTERN_MAIL_NONE);
	/* a console mail reader's marks of the mail's parts */
	assert_int_equal(pattern_mail_chrome(S("[-- Attachment #1 --]")), PATTERN_MAIL_HEADER);
	assert_int_equal(pattern_mail_chrome(S("[-- Autoview using w3m -dump -T text/html -O utf-8 '/tmp/mutt-hu-1000-20317.html' --]")),
			 PATTERN_MAIL_HEADER);
	assert_int_equal(pattern_mail_chrome(S("[--]")), PATTERN_MAIL_NONE);
	/* the page's contents on one line; a sentence after such a label,
	 * or a bar in a title, is none */
	assert_true(pattern_contents_line(S("本期导读：省政府部署冬春水利建设｜地铁6号线东延段试运行")));
	assert_true(pattern_contents_line(S("今日要目: 江岸大桥合龙 | 供暖管网检修 | 周末气温回升")));
	assert_false(pattern_contents_line(S("导读：本期我们走进三个村庄，看冬闲时节的新变化｜上")));
	assert_false(pattern_contents_line(S("本期导读：江岸大桥主体合龙")));
	assert_false(pattern_contents_line(S("市民热线：12345｜投诉电话：12315")));
	assert_false(pattern_is_running_header(S("当前位置：城东新区"), &hm));
	assert_true(pattern_is_running_header(S("2026年11月27日 星期五 | 第07版：文化遗产 | 上一版 下一版 | PDF版"), &hm));
	/* OCR's O for 0 and l for 1 inside the figures of a header */
	assert_true(pattern_is_running_header(S("生猪产业周刊　2O26年11月27日　星期五　第4版　防疫·养殖"), &hm));
	assert_true(pattern_is_running_header(S("生猪产业周刊　2026年l1月27日　星期五　第4版"), &hm));
	assert_false(pattern_is_running_header(S("2O26年我们要做好的几件事"), &hm));
	/* the imprint's serial number: its letters and figures are one value */
	assert_true(pattern_is_running_header(S("国内统一连续出版物号 CN 45-0001    邮发代号 61-1"), &hm));
	assert_false(pattern_is_running_header(S("国内统一连续出版物号 CN 45-0001 是报纸合法出版的标志"), &hm));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_trailing_byline),
		cmocka_unit_test(test_trailing_unit),
		cmocka_unit_test(test_credits),
		cmocka_unit_test(test_jumps),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_page_headers),
	};
	return cmocka_run_group_tests_name("pattern", tests, NULL, NULL);
}
