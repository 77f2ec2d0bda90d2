/* Unit tests of the conventions of other papers (pattern.c): running
 * headers and folios, bylines, datelines, credits and jump lines as
 * papers beyond our corpus print them. Every line is of our own writing;
 * each recogniser has lines that must match and body sentences that look
 * alike and must not. */
#include "testpattern.h"

#define S(x) x, strlen(x)

static void test_running_headers(void **state)
{
	(void)state;
	/* fields in any order and spacing */
	tp_headers(TU_LINES("青川晚报　2024年5月6日　星期一　城市新闻", "A04 2025年3月3日 星期一 责编 李明",
			    "第3版 · 经济", "城南日报 · 东湖 · 2025年8月5日 星期二 · 第6页",
			    "东湖财经周刊　第12期　2025年9月8日　公司·市场　第21页",
			    "第5版　区县新闻　　　本版编辑：冯立群　电话：(0551)6234××××",
			    "责任编辑：钱晓　数据编辑：白川", "责任编辑　林东　版式编辑　丁宁　校对　吴安",
			    "3　　青川职工报　　综合新闻　　2026年2月3日", "本报热线：96811",
			    "本版责编：齐　云　　投稿邮箱：tougao@example.com", "本版邮箱：desk@example.com"),
		   NULL);
	/* the desk's mail and the paper's own imprint, two own words deep */
	tp_headers(TU_LINES("本版投稿邮箱：desk@example.com　电话：0871-5552346",
			    "本报地址：青川市文化路18号　邮编：650031　发行热线：0871-5551234",
			    "广告热线：0551-62345678", "责任编辑　曹　可"),
		   NULL);
	/* the editor's name glued to the role starts with a family name;
	 * a column's title that opens with 编辑 is no header */
	tp_headers(TU_LINES("责编李明", "编辑：秦　川",
			    "青川日报社出版　社址：青川市江滨路8号　邮编：000002　零售价：1.50元",
			    "青川日报/2025年7月15日/第2版/要闻", "新闻热线 0551-62345678",
			    "2026年3月9日　星期一　|　07　|　创新·AI　|　责编　苗青",
			    "2026年3月9日（星期一）　B6　體育　責任編輯：周卓　版面設計：林一",
			    "东湖晨报　EAST LAKE MORNING POST",
			    "青川县融媒体中心主办　第88期　2026年3月9日　星期一"),
		   TU_LINES("编辑姐姐说", "编辑姐姐　小　雨"));
	/* the paper's name in the script of a bilingual area; a section with
	 * its page number glued on */
	tp_headers(TU_LINES("서강일보　西江日报　2026年6月2日　星期二",
			    "综合3　　西江日报　　2026年6月2日　星期二　　值班编委：郑一凡",
			    "B4文体　西江日报　2026年6月2日"),
		   NULL);
	/* letter-spaced by OCR: a space between characters, more between fields */
	tp_headers(TU_LINES("B 0 3    体 育    2 0 2 6 年 3 月 9 日  星 期 一    责 编  苗 青"), NULL);
	/* a daily's masthead line: its issue as 第N号 (three figures at
	 * least) and the pages of the issue (今日8版, 本期四版) */
	tp_headers(TU_LINES("2026年12月1日　星期二　今日8版　第21876号", "十月五日　本期四版",
			    "二〇二六年三月二日　星期一　今日十六版"),
		   TU_LINES("第5号台风今日登陆", "第12号公告", "今日8版面有调整，敬请留意。", "本期八版刊登了读者来信"));
	/* the desk's credits at the foot: the artist with its colon (美术：),
	 * an overseas paper's editor named in letters */
	tp_headers(TU_LINES("责任编辑：林慧玲　美术：陈俊杰　A17", "責任編輯：馮穎詩　美術：陳嘉朗", "编辑：许文辉　　排版：Dewi",
			    "编辑：伍家明　排版：María Chang"),
		   TU_LINES("美术馆推出“夜场”受年轻人追捧", "美術館週末延長開放", "编辑：Hello world this is it"));
	/* a table's row whose cells U+3000 sets apart: four lone numbers */
	tp_headers(NULL, TU_LINES("1　天山雪豹　13　2　28", "4　北岭雄狮　9　6　24"));
	/* an enterprise's paper: 内部资料 and its printing permit's number
	 * (准印证号) among the fields */
	tp_headers(TU_LINES("内部资料　准印证号：（辽）0217　　第1362期　　2026年11月27日　　第二版　生产一线",
			    "內部資料　準印證號：（粵）L018　第88期　2026年11月27日"),
		   TU_LINES("内部资料不得外传，违者追究责任。", "准印证号怎么申请？"));
	/* the paper's name in letters right after its own, a capital first */
	tp_headers(TU_LINES("欧华导报 Journal Ouhua ／ 法国·社区 ／ 责任编辑：罗心怡",
			    "枫华周报 Maple Chinese Weekly | 第1088期",
			    "欧华周报　Europa-Chinesische Wochenzeitung　2026年12月4日　第48期　第15版　社团·生活　责任编辑：梁思齐"),
		   TU_LINES("枫华周报 Maple Leaf 创刊三十周年", "2026年12月4日 Maple Chinese Weekly 第1088期",
			    "枫华周报 maple chinese weekly 第1088期"));
	/* a page label and two more fields outweigh one long word, the
	 * paper's name with its edition; never a sentence's long words */
	tp_headers(TU_LINES("草原藏文报社汉文版　2026年12月1日　星期二　第3版　牧区新闻　责任编辑：多吉"),
		   TU_LINES("2026年12月1日　星期二　第3版　责任编辑：王五　记者从市统计局获悉新办法将实施",
			    "草原藏文报社汉文版　第3版　牧区新闻",
			    "草原藏文报社汉文版　2026年12月1日　星期二　第3版　冬季转场工作全面展开"));
	/* folios: a page number between dashes or in brackets */
	tp_headers(TU_LINES("- 3 -", "—12—", "（２）"), NULL);
	/* not headers: sentences and titles that hold such words */
	tp_headers(NULL,
		   TU_LINES("记者从市统计局获悉，2025年5月6日起实行新办法。", "编辑部收到读者来信二十余封",
			    "青川日报社举办第三届读书节", "热线电话打不通的问题如何解决",
			    "咨询电话：0551-62345678", "本报热线", "本报地址搬迁的通知",
			    "发行热线电话全天开通", "本版投稿邮箱收到来信三百多封，编辑部逐一回复。",
			    "邮箱地址写错了怎么办", "这本书由人民出版社出版", "3/4的居民表示满意", "（二）",
			    "（2）加强队伍建设", "-3", "东湖晨报 CHINA 记者", "NBA总决赛 GAME 7",
			    "本次活动由青川县融媒体中心主办", "他设计了2025年新版校徽",
			    "2 0 2 6 年 3 月 9 日 起 ， 市 民 可 凭 证 免 费 乘 车 。", "本 报 记 者   苗 青",
			    "서강일보　한국어　신문입니다", "综合3　　改革方案出台", "十四五规划2　开局之年"));
}

static void test_role_words(void **state)
{
	(void)state;
	/* a role word as a class: the medium or the paper before 记者, 通讯员 */
	tp_bylines(false, TU_LINES("全媒体记者 程远", "融媒体记者 蒋一帆　通讯员 宁夏",
				   "青川日报全媒体记者 胡安　通讯员 孟晓", "本刊记者 叶知秋　发自杭州",
				   "见习记者 鲍明　特约记者 沙一舟", "□ 本报驻内罗毕记者 孔维",
				   "□ 本报评论员 齐远", "文/本报记者 白露　图/受访者提供",
				   "记者 阿依古丽·买买提"),
			  NULL);
	/* sentences with 记者 in them are not bylines */
	tp_bylines(false, NULL,
			  TU_LINES("他告诉记者 张三说", "据记者 了解", "记者今天从市教育局获悉",
				   "接受记者采访时表示", "全媒体记者"));
	/* two media joined by a middle dot before the role */
	tp_bylines(false, TU_LINES("东湖报·东湖网记者　程远　实习生　顾禾"), NULL);
	/* a mark, then who the writer is and the name */
	tp_bylines(false, TU_LINES("□全国人大代表、青川县农科所所长　林若水", "□ 青川县人民检察院　廖明"),
			  TU_LINES("□全国人大代表建议加快修订"));
	/* a word of the writer's part, a slash, the name */
	tp_bylines(false, TU_LINES("编译／方舟", "整理/陈默"),
			  TU_LINES("公里/小时", "进口／出口", "上海/北京两地"));
	/* the text and the pictures by one hand, joined by 、 */
	tp_bylines(false, TU_LINES("文、图：阮氏秋", "文图：本报记者　林　溪"), TU_LINES("文、图、表：见附件", "图文并茂的展板"));
	/* a reporter's filing alone on its line, in brackets */
	tp_bylines(false, TU_LINES("【記者許雅琪／高雄報導】", "〔记者许雅琪／高雄报道〕"),
			  TU_LINES("【高雄報導】"));
	/* the writer's part labelled with a colon */
	tp_bylines(false, TU_LINES("口述：青川市第一人民医院心内科主任医师　沈嘉禾", "整理：本报记者　汤若兰",
				   "采写：方舟"),
			  TU_LINES("整理：把旧衣物分类后送到回收站", "口述：历史的另一种写法"));
	/* the writer's part and a colon: 口述：X over 整理：Y */
	tp_bylines(false, TU_LINES("口述：青川县人民医院呼吸科主任医师　梁远山", "整理：本报记者　程远",
				   "口述：林若水", "执笔：方舟　宁夏"),
			  TU_LINES("整理：三个方面的意见", "摄影：青川日报社", "口述历史：一条江的记忆",
				   "今年整理：档案三千卷"));
	/* the writer's byline, then the photographer's after a space */
	tp_bylines(false, TU_LINES("文/本报记者　程远　图/孟　晓", "文/记者 叶知秋　摄影/宁夏"),
			  TU_LINES("进口/出口　图/表"));
	/* letter-spaced by OCR */
	tp_bylines(false, TU_LINES("本 报 记 者   程 远", "通 讯 员   何 静   记 者  邱  岚"),
			  TU_LINES("他 告 诉 记 者 张 三 说", "记 者 今 天 从 市 教 育 局 获 悉"));
}

static void test_names_spaced_and_bare(void **state)
{
	(void)state;
	/* names spaced out a character at a time (old type, OCR) */
	tp_bylines(false, TU_LINES("本报记者 韩 冰 通讯员 苏 青", "本报记者　傅　晓"), NULL);
	tp_bylines(true, TU_LINES("傅 晓"), NULL);
	/* bare names alone under a headline; four characters need a
	 * compound family name */
	tp_bylines(true, TU_LINES("欧阳春晓", "尹明"), TU_LINES("史话新编"));
	/* right after its role word a spaced name needs no family name of
	 * the table (央金, 岩峰); parts joined to their role by a dot */
	tp_bylines(false, TU_LINES("本报记者　央　金", "■ 本报记者　岩　峰　通讯员　卓　玛",
				   "文．記者陳怡君　圖．記者林志明"),
			  TU_LINES("记者　走　进　社区", "文．史　哲"));
	/* a bar between the role and the name, glued or spaced */
	tp_bylines(false, TU_LINES("记者｜汪晓瑜", "记者 | 汪晓瑜　文/图"),
			  TU_LINES("要闻 | 汪晓瑜", "■快讯"));
	tp_bylines(true, NULL, TU_LINES("公司动态"));
	/* a pupil's school and class before the name, under a headline */
	tp_bylines(true, TU_LINES("青川市实验小学四（2）班　林小满", "东湖中学初二(3)班　程远"), NULL);
	tp_bylines(false, TU_LINES("青川市实验小学四（2）班　林小满"),
			  TU_LINES("高三（2）班　全体同学", "全市举办了三期培训班　李明说"));
	/* the writer's unit and post, then the name */
	tp_bylines(false, TU_LINES("青川某律师事务所律师　程远", "东湖市某鞋业公司财务主管　孟晓"),
			  TU_LINES("全市中小学教师　共同参与", "律师事务所　开门迎客"));
	/* a byline wholly in brackets on a line of its own */
	tp_bylines(false, TU_LINES("【記者程遠／高雄報導】", "〔記者孟曉／台中報導〕"),
			  TU_LINES("【记者手记】", "【本报讯】"));
	tp_bylines(true, NULL, TU_LINES("全市举办了三期培训班", "青川县开设乡村振兴培训班"));
	/* a name glued to its role starts with a family name */
	tp_bylines(false, TU_LINES("记者陈海峰、通讯员王一鸣"),
			  TU_LINES("记者手记", "记者观察", "■简讯", "尹明"));
	/* a spaced word that is no name */
	tp_bylines(false, NULL, TU_LINES("本报记者 从 市里获悉"));
}

static void test_filings_and_posts(void **state)
{
	(void)state;
	/* names, then what they did */
	tp_bylines(false, TU_LINES("许文彬 报道", "程一丁 著　江南文艺出版社", "方舟 文",
				   "本报记者 唐一川 整理"),
			  NULL);
	/* the writer's post in brackets */
	tp_bylines(false, TU_LINES("□ 葛青（县人民医院儿科主任）"), NULL);
	tp_bylines(true, TU_LINES("葛青（县人民医院儿科主任）"), NULL);
	/* a student's school and year before the name */
	tp_bylines(false, TU_LINES("□ 文学院2023级　宋知夏"), TU_LINES("□ 2023级"));
	/* a reader signing a letter */
	tp_bylines(false, TU_LINES("东湖路居民　邵春生", "城西 读者 何淑珍"), NULL);
	/* not bylines */
	tp_bylines(false, NULL,
			  TU_LINES("新闻报道", "据本报报道", "县人民医院（儿科）", "他说（笑）",
				   "全体居民 积极参与", "张三 摄"));
}

static void test_datelines_of_other_papers(void **state)
{
	(void)state;
	pattern_dateline m0;
	tp_dateline_is("新华社北京11月3日电（记者 张三 李四）国务院新闻办今天举行发布会。",
		       "新华社北京11月3日电", "记者 张三 李四", "国务院新闻办今天举行发布会。");
	tp_dateline_is("【新华社济南讯】记者从山东省文旅厅获悉，假期接待游客同比增长。",
		       "【新华社济南讯】", NULL, NULL);
	/* in 【】: a place and 讯, 综合 or a paper's name and 报道; 本 and one
	 * character and 讯; 消息 and the byline's brackets at once */
	/* a dateline and a byline alone on their line: all the rest is the
	 * byline, the text is under it; a byline's words run on into text */
	tp_dateline_is("本报讯　通讯员　乔　禾", "本报讯", "通讯员　乔　禾", "");
	tp_dateline_is("本报锡林浩特讯 记者 乌日娜 通讯员 巴特尔", NULL, "记者 乌日娜 通讯员 巴特尔", NULL);
	tp_dateline_is("本报讯　通讯员乔禾介绍，公交夜班线路下月起将增加三条。",
		       NULL, "", "通讯员乔禾介绍，公交夜班线路下月起将增加三条。");
	tp_dateline_is("【鹿港訊】鎮上社區協會開設拼布班。", "鹿港訊", NULL, NULL);
	tp_dateline_is("【综合报道】据当地媒体报道，明年起实施新办法。", "综合报道", NULL, NULL);
	tp_dateline_is("【侨声日报报道】滨海码头夜市本周末人气旺。", "侨声日报报道", NULL, NULL);
	tp_dateline_is("本院讯　农历冬至，本院举行祈福法会。", "本院讯", NULL, NULL);
	tp_dateline_is("人民网潍城5月2日消息（记者 任明远）风筝节今天开幕。",
		       "人民网潍城5月2日消息", "记者 任明远", NULL);
	/* a unit, a kind of call or of news, a word with 讯 inside */
	tp_datelines(NULL,
		     TU_LINES("【城南供电】城南供电公司完成线路检修。",
			      "【读者来电】家住河西小区的读者反映。", "【快讯】市图书馆新馆下月开放。",
			      "【现场报道】市图书馆新馆下月开放。", "本周讯息不多，下周再议。"));
	/* the place, 讯, a colon (papers abroad) */
	tp_dateline_is("泗水讯：由东爪哇华文教育机构主办的演讲比赛日前落幕。",
		       "泗水讯", NULL, "由东爪哇华文教育机构主办的演讲比赛日前落幕。");
	tp_dateline_is("吉隆坡讯：马来西亚华总昨日举行常年大会。", "吉隆坡讯", NULL, NULL);
	/* a kind of news, or no colon: no dateline */
	tp_datelines(NULL,
		     TU_LINES("喜讯：我校学子获省物理竞赛一等奖。", "图文快讯：南湖公园更换了路灯。",
			      "这个好消息传来，大家都很高兴。", "泗水讯由东爪哇华文教育机构主办。"));
	tp_dateline_is("本报讯（记者 林晓 实习生 苏禾）城东新区昨天开园。",
		       NULL, "记者 林晓 实习生 苏禾", NULL);
	tp_dateline_is("据新华社上海11月20日电（记者 邹明）长江口监测到的幼鱼数量创新高。",
		       "据新华社上海11月20日电", NULL, NULL);
	/* a paper's own name before the date, a 全媒体 reporter */
	tp_dateline_is("青川日报3月8日讯（全媒体记者 胡安　通讯员 孟晓）今天，两市签署协议。",
		       "青川日报3月8日讯", "全媒体记者 胡安　通讯员 孟晓", "今天，两市签署协议。");
	/* 本报消息: the paper's own news */
	tp_dateline_is("【本報消息】旅遊局昨日公佈新一季活動安排。", "【本報消息】", NULL, NULL);
	tp_dateline_is("本报消息　市政府昨天召开常务会议。", "本报消息", NULL, NULL);
	/* 本报综合报道: gathered from several sources */
	tp_dateline_is("本报综合报道　据租房网站统计，湾区房租连续上涨。", "本报综合报道", NULL, NULL);
	tp_datelines(NULL, TU_LINES("本报道获得了新闻奖的提名。"));
	/* the reporter opening the paragraph */
	tp_dateline_is("記者 何家安 報道：社會工作局昨日公佈新措施。", "", "記者 何家安", NULL);
	tp_dateline_is("本报讯　记者柯文报道　1月27日，春运正式启动。", "本报讯", "记者柯文", NULL);
	/* a source of any name with a medium's word, then the date */
	tp_dateline_is("海外网10月14日电　10月13日，研修班在厦门开班。",
		       "海外网10月14日电", NULL, "10月13日，研修班在厦门开班。");
	tp_dateline_is("青川日报3月8日讯 两市今天签署协议。", "青川日报3月8日讯", NULL, NULL);
	/* ... with the place between the source and the date (a wire of
	 * another country), but not a sentence naming a medium far back */
	tp_dateline_is("越通社河内11月28日讯　据海关统计，前十个月出口总额同比增长一成。",
		       "越通社河内11月28日讯", NULL, "据海关统计，前十个月出口总额同比增长一成。");
	tp_dateline_is("安塔拉社雅加达3日电　印尼央行维持基准利率不变。", "安塔拉社雅加达3日电", NULL, NULL);
	tp_datelines(NULL, TU_LINES("合作社今年以来新增社员3日内全部到岗。", "报社门前那条老街上12日讯 传来。"));
	/* a medium's own news without a date */
	tp_dateline_is("临江新闻网讯　11月29日上午，快速路建成通车。", "临江新闻网讯", NULL, "11月29日上午，快速路建成通车。");
	tp_dateline_is("新华社电　国务院新闻办公室今天发表白皮书。", "新华社电", NULL, NULL);
	tp_datelines(NULL, TU_LINES("喜讯　我校学子获省物理竞赛一等奖。", "这是一则通讯　写的是老街。", "报社电 话是八八六二。"));
	/* a medium of any name in lenticular brackets */
	tp_dateline_is("【青川晚報訊】（記者 梁文）西區新泳池昨日開放。", "青川晚報訊", "記者 梁文", NULL);
	tp_dateline_is("【东湖县融媒体中心讯】县里昨天召开春耕会议。", "东湖县融媒体中心讯", NULL, NULL);
	tp_datelines(NULL,
		     TU_LINES("【群众来信讯】说的是一件小事，大家都知道。",
			      "【喜讯】全市高考成绩公布，升学率再创新高。"));
	/* 〔〕 as Taiwan's papers print the reporter and the place */
	tp_dateline_is("〔記者林小雨／台南報導〕台南市政府昨天宣布，運河沿岸步道全線開放。",
		       NULL, "記者林小雨／台南報導", "台南市政府昨天宣布，運河沿岸步道全線開放。");
	tp_datelines(NULL, TU_LINES("〔一〕加強河道管理，落實河長責任制。", "〔注〕本文數據來自市統計局。"));
	/* a story opened by the report it retells */
	const char *lead = "据法国国际广播电台5月2日报道，巴黎今天举行了游行。";
	assert_true(pattern_match_report_lead(S(lead), &m0));
	assert_int_equal(m0.date_end, strlen("据法国国际广播电台5月2日报道"));
	assert_string_equal(lead + m0.body_start, "巴黎今天举行了游行。");
	tp_report_leads(TU_LINES("据韩联社3日报道，首尔地铁将延长运营时间。"),
			TU_LINES("据德国《商报》网站4月6日报道，农民协会当天警告。",
				 "据报道，该市今年经济增长5%。",
				 "据社区工作人员介绍，5月2日报道的问题已经解决。",
				 "据了解，这家网站5月2日报道了此事。"));
	/* the byline after the dateline, set apart by spaces only */
	tp_dateline_is("本报讯　记者程远　通讯员顾禾　一名男子因盗窃被起诉。",
		       "本报讯", "记者程远　通讯员顾禾", "一名男子因盗窃被起诉。");
	tp_dateline_is("本报讯　记者今天从市教育局获悉　新学期将推迟开学。", NULL, "", NULL);
	/* letter-spaced by OCR: the ranges point into the spaced text */
	tp_dateline_is("本 报 讯 (记 者  林  澄)   3月8日 ,全 长 1 2 公 里 的 湖",
		       "本 报 讯", "记 者  林  澄", "3月8日 ,全 长 1 2 公 里 的 湖");
	/* ... a long paragraph: its opening is read, a character cut there
	 * is left out */
	for (int pad = 0; pad < 3; pad++) {
		/* the cap falls on each byte of a character in turn */
		char spaced[1200] = "本 报 讯 (记 者  林  澄)   ";
		strcat(spaced, pad == 0 ? "" : pad == 1 ? "3" : "3 ");
		for (int k = 0; k < 60; k++)
			strcat(spaced, "湖 滨 ");
		pattern_dateline ms;
		assert_true(pattern_match_dateline(spaced, strlen(spaced), &ms));
		assert_int_equal(ms.date_end, strlen("本 报 讯"));
		assert_string_equal(spaced + ms.body_start, strstr(spaced, ")   ") + 4);
	}
	/* sentences that only look like it */
	tp_datelines(NULL,
		     TU_LINES("本报消息人士透露，方案仍在研究。", "新华社消息",
			      "记者今天从市教育局获悉，新学期开学。", "记者从会上了解到，报道工作已经部署。",
			      "3月8日讯息传来，全场欢呼。", "据报道，该市今年增长。",
			      "他在报社10月14日电话采访时说。", "电视台3月8日讯问了当事人",
			      "本 报 消 息 人 士 透 露 ， 方 案 仍 在 研 究 。",
			      "记 者 今 天 从 市 教 育 局 获 悉 ， 新 学 期 开 学 。"));
}

static void test_signed_units(void **state)
{
	(void)state;
	tp_signed_units(TU_LINES("提案人：全国政协委员　韩松", "青川县农科所所长 林若水", "物理学院",
				 "东湖县委宣传部", "县融媒体中心"),
			NULL);
	/* sources, sentences and asides in brackets */
	tp_signed_units(NULL,
			TU_LINES("据新华社", "图为县人民医院", "详见第三版", "文中人物均为化名",
				 "市政府办公厅发布通知说今年起实施", "这是 什么"));
	/* a name of two characters spaced to the width of three, after
	 * the unit; a word spaced so is no name */
	tp_signed_units(TU_LINES("国家气候中心　任　航"), TU_LINES("国家气候中心　预　报"));
	tp_bylines(false, TU_LINES("□国家气候中心　任　航"), TU_LINES("□主要任务　完成　率"));
	/* who the writer is, then the name, from parts: a role set apart,
	 * a unit, a post, a class, a name spaced out */
	tp_bylines(false, TU_LINES("市老年病医院主任医师　钱　明", "文/中文系2024级　苏　晓",
				   "文 | 中国科普作家协会会员 林一舟", "东关镇听众　刘福田"),
			  NULL);
	/* a source, a sentence, words that are no name */
	tp_bylines(false, NULL,
			  TU_LINES("图片来源：临江融媒记者 孙航", "市老年病医院主任医师　建议",
				   "今天上午，市人民医院　张明", "文/中文系2024级　各班",
				   "陕西省泾阳县　农民　刘长安说"));
	/* role, name and place glued, then 报道; a sentence so is none */
	tp_bylines(false, TU_LINES("侨声日报记者林嘉欣旧金山报道", "新华社记者李明华盛顿报道"),
			  TU_LINES("据本报记者从旧金山发回的报道", "本报记者昨天在旧金山进行了采访报道",
				   "记者手记旧金山见闻报道"));
	/* a filled mark and a word head a section; after □ a pen name */
	tp_bylines(false, TU_LINES("■记者 方海鸥　通讯员 吴 涛", "□降措", "■ 周亚楠"),
			  TU_LINES("■省内", "■数字", "●活动预告"));
}

static void test_credits_of_other_papers(void **state)
{
	(void)state;
	tp_credit_is("工人在检修机组。 新华社发", " 新华社发");
	/* "新华社发（X 摄）": the credit, then a credit before it */
	const char *x = "游客在湖边赏花。 新华社发（胡建 摄）";
	size_t c = pattern_credit_start(S(x));
	assert_string_equal(x + c, "（胡建 摄）");
	assert_string_equal(x + pattern_credit_start(x, c), " 新华社发（胡建 摄）");
	tp_credit_is("冬日的古镇。 视觉中国供图", " 视觉中国供图");
	/* a cartoon's title and its artist after a slash; a writer's part
	 * with 攝影 after a slash stays a byline's */
	tp_credit_is("“打卡”　漫画／杨帆", "　漫画／杨帆");
	assert_int_equal(pattern_credit_start(S("文．攝影／林佩君")), strlen("文．攝影／林佩君"));
	tp_credit_is("冰灯效果图。　　（资料图片）", "　　（资料图片）");
	tp_credit_is("老城区街景。资料图片", "资料图片");
	tp_credit_is("新建成的大桥。（受访者供图）", "（受访者供图）");
	tp_credit_is("选手冲过终点。 新华社记者 吕明 摄", " 新华社记者 吕明 摄");
	tp_credit_is("（县委宣传部 供图）", "（县委宣传部 供图）");
	tp_credit_is("本报记者 陈思远 摄", "本报记者 陈思远 摄");
	tp_credit_is("局长出席发行仪式。　政府新闻处图片", "　政府新闻处图片");
	tp_credit_is("新车站将于明年启用。（交通局提供）", "（交通局提供）");
	tp_credit_is("数据由市统计局提供", "");
	tp_credit_is("全部资金由政府提供。", "");
	tp_credit_is("官兵在营区升旗。图片摄影：马骁", "图片摄影：马骁");
	tp_credit_is("摄影　程远 韩冰", "摄影　程远 韩冰");
	/* letter-spaced by OCR */
	tp_credit_is("市 民 在 湖 边 散 步 。  本 报 记 者  林  澄  摄", "  本 报 记 者  林  澄  摄");
	tp_credit_is("这 张 照 片 由 摄 影 爱 好 者 王 川 在 去 年 冬 天 所 摄", "");
	/* body sentences: a name and 摄 inside a sentence, a picture in the text */
	tp_credits(NULL,
		   TU_LINES("这张照片由摄影爱好者王川在去年冬天所摄，记录了老街的最后一场雪。",
			    "他翻出一本旧相册，里面是父亲当年为全家所摄。", "展览展出了资料图片两百余幅",
			    "会议通过了相关决定，新华社将陆续播发", "活动现场，市民纷纷拿出手机拍摄",
			    "馆内展出了一批珍贵的历史图片", "摄影展吸引了许多市民", "他从小就喜欢摄影",
			    "这些都是当年的新闻图片"));
}

static void test_trailing_bylines_of_other_papers(void **state)
{
	(void)state;
	size_t paren, ns, ne;
	const char *a = "将决定企业的位置。（本刊实习生 陶然 对本文亦有贡献）";
	assert_true(pattern_match_trailing_byline(S(a), &paren, &ns, &ne));
	assert_memory_equal(a + ns, "本刊实习生 陶然 对本文亦有贡献", ne - ns);
	const char *b = "三年内完成改造。（通讯员 邢磊　全媒体记者 田园）";
	assert_true(pattern_match_trailing_byline(S(b), &paren, &ns, &ne));
	assert_memory_equal(b + ns, "通讯员 邢磊　全媒体记者 田园", ne - ns);
	const char *c = "评委会给予高度评价。（龙雨晴）";
	assert_true(pattern_match_trailing_byline(S(c), &paren, &ns, &ne));
	/* a reader signing a letter: a place and 市民 or 读者 as one word,
	 * then a name; after a question, who asks */
	const char *f = "快递柜的事情应当有个缓冲期。（江城市民　林晓宇）";
	assert_true(pattern_match_trailing_byline(S(f), &paren, &ns, &ne));
	assert_memory_equal(f + ns, "江城市民　林晓宇", ne - ns);
	tp_trailing_bylines(NULL, TU_LINES("这样做合法吗？（东湖县读者　程大山）"));
	/* the writer's part labelled with a colon */
	const char *e = "新规将于明年起施行。（编译：秦悦）";
	assert_true(pattern_match_trailing_byline(S(e), &paren, &ns, &ne));
	assert_memory_equal(e + ns, "编译：秦悦", ne - ns);
	tp_trailing_bylines(NULL, TU_LINES("他说。（口述：我的一段话很长很长）", "详见附录。（编译：见第三版说明文字）"));
	/* asides that are no author */
	tp_trailing_bylines(NULL,
			    TU_LINES("这样做合法吗？（读者 李女士）", "大家都来帮忙。（全村人都参与了）",
				     "他说。（众人对此贡献良多）", "工程已完工。（见附表）",
				     "这是他的贡献。（记者注：数据截至上月底）"));
	/* a name of two set to the width of three closes a brief, family
	 * name or pen name; a serial's marks and a note are no signature */
	const char *d = "成交量有所增加。（纺　闻）";
	assert_true(pattern_match_trailing_byline(S(d), &paren, &ns, &ne));
	assert_memory_equal(d + ns, "纺　闻", ne - ns);
	assert_true(pattern_match_trailing_byline(S("赠书三百册。（民　宣）"), &paren, &ns, &ne));
	tp_trailing_bylines(NULL,
			    TU_LINES("故事讲到这里。（待　续）", "全文至此。（续　完）", "见下表。（附　表）"));
	/* signatures built from parts: unit and post before a name, a
	 * byline without names, a unit that supplied the story */
	tp_trailing_bylines(TU_LINES("就能有效预防。（省农科院土肥所研究员　孙建平）",
				     "要及时诊治。（县畜牧兽医站　龚德明）", "现存建筑为重修。（本版编辑部）",
				     "计划培训两千人次。（县融媒体中心供稿）",
				     "一次也没有漏测。（本报通讯员　拉巴　扎西）",
				     "避免着凉。（本报记者　庞　悦）"),
			    NULL);
	tp_trailing_bylines(NULL,
			    TU_LINES("全年产值八千万。（单位：万元）", "办理流程见下。（详见附件）",
				     "价格均已下调。（以上价格均为含税价）",
				     "数据如下。（数据来源：市统计局）", "效果明显。（图为县人民医院新址）",
				     "大家都来了。（县里的人都供稿）", "是不是得病了？（东湖县读者　程大山）"));
}

/* What the brackets closing a story hold when they sign it, alone on a
 * line: the signer starts after a source clause. */
static void test_signatures(void **state)
{
	(void)state;
	size_t who = 0;
	const char *a = "摘自某市交通局原局长的忏悔书，本报记者　邓一帆　整理";
	assert_true(pattern_match_signature(S(a), &who));
	assert_string_equal(a + who, "本报记者　邓一帆　整理");
	assert_true(pattern_match_signature(S("本版编辑部"), &who));
	assert_int_equal(who, 0);
	assert_true(pattern_match_signature(S("县畜牧兽医站　龚德明"), &who));
	assert_true(pattern_match_signature(S("云岭县融媒体中心供稿"), &who));
	/* a source, a note, a quotation's origin: no signer */
	tp_signatures(NULL,
		      TU_LINES("据新华社", "摘自《论语·学而》", "摘自本报2019年5月6日第3版",
			       "选自《城南旧事》，有删节", "单位：万元", "记者注：数据截至上月底", "张三",
			       "摘自某报，略有改动"));
}

static void test_jumps_of_other_papers(void **state)
{
	(void)state;
	static const tp_jump jumps[] = {
		{ "（下转第二版）", PATTERN_JUMP_TO, 2 },
		{ "（上接第一版）", PATTERN_JUMP_FROM, 1 },
		{ "转A05版", PATTERN_JUMP_TO, 5 },
		{ "接A01版", PATTERN_JUMP_FROM, 1 },
		{ "紧接第3版", PATTERN_JUMP_FROM, 3 },
		{ "（紧接第十版）", PATTERN_JUMP_FROM, 10 },
		{ "（转第4版）", PATTERN_JUMP_TO, 4 },
		{ "下转B2版", PATTERN_JUMP_TO, 2 },
		{ "（續見A5版）", PATTERN_JUMP_TO, 5 },
		{ "▶下转第6版", PATTERN_JUMP_TO, 6 },
		{ "（下轉第二版）", PATTERN_JUMP_TO, -1 },
		{ "【相关报道见第5版】", PATTERN_JUMP_SEE, 5 },
		{ "更多报道详见A3版", PATTERN_JUMP_SEE, 3 },
	};
	tp_jumps(jumps, sizeof jumps / sizeof *jumps);
	/* a jump closing a paragraph */
	const char *t = "会议要求，把各项任务逐项抓好落实。（下转第二版）";
	assert_string_equal(t + pattern_trailing_jump(S(t)), "（下转第二版）");
	const char *u = "全年目标提前完成。(转A5版)";
	assert_string_equal(u + pattern_trailing_jump(S(u)), "(转A5版)");
	const char *v = "详见第二版的报道（上接第一版）后续";
	assert_int_equal(pattern_trailing_jump(S(v)), strlen(v));
	const char *w = "他说这件事要从第二版（转第三版）说起";
	assert_int_equal(pattern_trailing_jump(S(w)), strlen(w));
	const char *x = "（下转第二版）";
	assert_int_equal(pattern_trailing_jump(S(x)), strlen(x));
	/* continued elsewhere mid-sentence, after a comma; a teaser or a
	 * continuation after a comma is no jump closing the paragraph */
	const char *y = "今年，酱园还与本地高校合作，建起了菌种数据库，（下转第4版）";
	assert_string_equal(y + pattern_trailing_jump(S(y)), "（下转第4版）");
	const char *z = "今年，酱园还与本地高校合作，建起了菌种数据库，（详见第4版）";
	assert_int_equal(pattern_trailing_jump(S(z)), strlen(z));
	/* sentences with 转 and 版 in them */
	static const tp_jump not_jumps[] = {
		{ "转载本报第3版文章须注明出处", PATTERN_JUMP_NONE, -1 },
		{ "接连三版都是广告", PATTERN_JUMP_NONE, -1 },
		{ "紧接着第二天", PATTERN_JUMP_NONE, -1 },
		{ "相关报道见报后反响强烈", PATTERN_JUMP_NONE, -1 },
	};
	tp_jumps(not_jumps, sizeof not_jumps / sizeof *not_jumps);
}

/* A page's own note: the page as the subject, or the desk's address or
 * telephone named as the paper's; a story's own contacts are not. */
static void test_bulletin_headers(void **state)
{
	(void)state;
	tp_headers(TU_LINES("2026年第45期（总第312期）　江岸农商银行办公室编印",
			    "宗亲通讯　第六十八期　二〇二六年十一月", "第十二期　二〇二五年三月十日"),
		   NULL);
	/* a sentence with a year's issue, a year in words */
	tp_headers(NULL, TU_LINES("2026年第45期《江海》杂志目录", "二〇二六年十一月，我们回到了故乡"));
	/* who publishes it after its label; the paper's name between
	 * book-title marks with its kind after it; a date in a calendar of
	 * its own beside the common one */
	tp_headers(TU_LINES("江岸电力　2026年3月2日　第4版　主办：江岸电力公司工会",
			    "《城南园艺》会刊　2026年第3期　行业资讯", "《青川农报》　2026年第3期",
			    "高原日报　2026年3月2日　藏历木蛇年一月十三　星期一",
			    "湄南商报　佛历2569年　第5版"),
		   NULL);
	/* the era named before the year; a masthead letter-spaced in part,
	 * the date's pieces glued to their units and a space apart */
	tp_headers(TU_LINES("南投鄉訊週刊　民國114年3月8日　第2版",
			    "中華民國115年12月10日　星期三　嘉南日報　地方綜合　A5",
			    "河 西 晚 报  2025年 10月 9日  星期四  B3  社区  责编 方 远",
			    "东湖日报　2025年 10月 9日　第6版"),
		   NULL);
	/* an era or a year in a sentence or a headline */
	tp_headers(NULL,
		   TU_LINES("民國114年3月8日，鄉公所舉辦植樹活動", "中華民國115年元旦升旗典禮　總統府前舉行",
			    "2025年 城区新建十座公园",
			    "公元2025年　我们的春天"));
	/* the desk's mail after 电邮, as overseas papers print it */
	tp_headers(TU_LINES("本版编辑：林晓岚　　电邮：desk@huabao.example"),
		   TU_LINES("欢迎读者电邮投稿，来稿请注明联系方式"));
	/* the same words in a headline or a sentence */
	tp_headers(NULL,
		   TU_LINES("2026年3月2日　第4版　主办单位召开座谈会",
			    "《城南园艺》会刊　2026年第3期已出版，欢迎订阅", "《城南往事》　2026年重映",
			    "他的经历　2026年3月", "翻开日历　2026年3月2日"));
}

static void test_page_notes(void **state)
{
	(void)state;
	tp_page_notes(TU_LINES("本版文章仅供参考，不能代替医生诊疗", "（本版图片均为资料图片）",
			       "友情提醒：本版信息仅供参考",
			       "读者来信请寄：xinxiang@wbwb.example　本报编辑部",
			       "新闻热线：0512-65123456　来稿请注明真实姓名",
			       "本報地址：九龍道8號　電話：2345 6789"),
		      NULL);
	/* 本版 inside a sentence; contacts that are not the paper's */
	tp_page_notes(NULL,
		      TU_LINES("编者答：作者为本版特约撰稿人。",
			       "领养咨询：市小动物保护协会　电话：0512-66668888", "本报记者　方　舟",
			       "发布时间：2026-11-29　来源：本报"));
	/* the paper's imprint, its circulation, itself as the subject of a
	 * line that is no sentence; a telephone after any label with 本报 */
	tp_page_notes(TU_LINES("编印：河湾社区居委会　内部资料　免费交流",
			       "版权所有：江城日报社　未经许可不得转载", "（内部资料　注意保存）",
			       "报：街道办事处　送：社区党委委员　发：各居民小组",
			       "本报订阅：全国各地邮局　邮发代号：12-345",
			       "本刊所登便民信息均为免费发布，不收取任何费用",
			       "广告刊登：0571-86001234　本报对广告内容不承担责任"),
		      NULL);
	/* a site's foot: its copyright glued to the owner, its registration */
	tp_page_notes(TU_LINES("鹤川日报社版权所有　未经书面授权不得复制或建立镜像",
			       "技术支持：鹤川日报社融媒体中心　湘ICP备00000000号"),
		      TU_LINES("他说，这本书的版权所有人是他的祖父。", "ICP芯片的研发进入第二阶段"));
	/* a newsletter's mail footer: the mail as the subject, how to stop it */
	tp_page_notes(TU_LINES("本邮件由东海商报社发送，请勿直接回复。", "如不想继续接收，请回复“TD”退订。"),
		      TU_LINES("本报将在邮件中继续推送后续报道。", "他说，自己早就想退订这份杂志了，可是一直没找到办法，拖了三年多还在订。"));
	/* the same words in a clause or a sentence, a dateline, a byline */
	tp_page_notes(NULL,
		      TU_LINES("运动会由学校体育组主办，共设二十四个项目",
			       "内部资料显示，去年市集共卖出旧书一万余册", "本报将继续关注此事。",
			       "本报讯　周六上午，旧书市集开市", "本报记者　林　晓",
			       "发放物资三百件，送到各家各户", "报名咨询：0571-86001234"));
	/* a circulation list opening with 报送：, the print run alone, the
	 * paper's own line with its area code in brackets */
	tp_page_notes(TU_LINES("报送：县委办公室　抄送：各乡镇　（共印60份）", "（共印120份）", "共印 120 份",
			       "讀者專線：（03）3456-7890　本報地址：桃園市中正路"),
		      NULL);
	/* the same words in a sentence; another's line in brackets */
	tp_page_notes(NULL,
		      TU_LINES("报送材料须于月底前完成", "共印120份宣传单，发到各村", "（共印120份，已发完）",
			       "諮詢專線：（03）3456-7890"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_running_headers),
		cmocka_unit_test(test_role_words),
		cmocka_unit_test(test_names_spaced_and_bare),
		cmocka_unit_test(test_filings_and_posts),
		cmocka_unit_test(test_datelines_of_other_papers),
		cmocka_unit_test(test_signed_units),
		cmocka_unit_test(test_credits_of_other_papers),
		cmocka_unit_test(test_trailing_bylines_of_other_papers),
		cmocka_unit_test(test_signatures),
		cmocka_unit_test(test_jumps_of_other_papers),
		cmocka_unit_test(test_page_notes),
		cmocka_unit_test(test_bulletin_headers),
	};
	return cmocka_run_group_tests_name("pattern_papers", tests, NULL, NULL);
}
