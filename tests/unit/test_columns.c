/* Columns side by side (columns.c): pages of our own writing laid out as
 * pdftotext -layout lays them out, written again in reading order, and
 * pages that hold no such band left alone; the text, exactly. */
#include "testutil.h"
#include "columns.h"
#include "input.h"

#include <stdlib.h>
#include <string.h>

/* The page unfolded, as a string (NULL when left alone). */
static char *unfold(const char *page)
{
	char *out = NULL;
	size_t len = 0;
	if (!columns_unfold(page, strlen(page), &out, &len))
		return NULL;
	char *s = malloc(len + 1);
	memcpy(s, out, len);
	s[len] = '\0';
	free(out);
	return s;
}

/* The page unfolds to exactly `want`. */
static void assert_unfolds(const char *page, const char *want)
{
	char *got = unfold(page);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Two stories side by side: the left column (with its signature under
 * the band, on the left alone), then the right, a blank line between as
 * the left one ends its sentence; the page's margin left out. */
static void test_two_stories(void **state)
{
	(void)state;
	const char *page =
		"    江城晚报　2026年3月2日　星期一　第4版\n"
		"\n"
		"    社区食堂开到家门口                        老街改造留住烟火气\n"
		"\n"
		"    　　本报讯　全市社区老年食堂已增至        　　本报讯　东门老街改造工程日前\n"
		"    一百二十家，覆盖所有街道，每天为约        完工，三十多家老字号小吃店全部回\n"
		"    两万名老人提供助餐服务。                  迁，街面保留了原有的青石板路。\n"
		"\n"
		"    （记者　程佳）\n";
	assert_unfolds(page,
		       "江城晚报　2026年3月2日　星期一　第4版\n"
		       "\n"
		       "社区食堂开到家门口\n"
		       "\n"
		       "　　本报讯　全市社区老年食堂已增至\n"
		       "一百二十家，覆盖所有街道，每天为约\n"
		       "两万名老人提供助餐服务。\n"
		       "\n"
		       "（记者　程佳）\n"
		       "\n"
		       "老街改造留住烟火气\n"
		       "\n"
		       "　　本报讯　东门老街改造工程日前\n"
		       "完工，三十多家老字号小吃店全部回\n"
		       "迁，街面保留了原有的青石板路。\n");
}

/* A story set in two columns: the left column stops inside a sentence
 * and the right goes on with it (no blank line between); a paragraph of
 * the right column set in by spaces keeps its indent; a signature pushed
 * to the right over the band stays above it; two blank lines end the
 * band. */
static void test_one_story_runs_on(void **state)
{
	(void)state;
	const char *page =
		"                                        本报记者　顾欣\n"
		"\n"
		"  　　前三季度，全省星级酒店平均出租率      率同比提高六个百分点，与冰雪、温泉\n"
		"  为六成，比上年同期提高四个百分点。        旅游产品的升温密切相关。\n"
		"  　　分区域看，西南地区回升最快，出租          酒店业者表示，明年将继续加大投入。\n"
		"\n"
		"\n"
		"  责任编辑：孙莉\n";
	assert_unfolds(page,
		       "                                      本报记者　顾欣\n"
		       "\n"
		       "　　前三季度，全省星级酒店平均出租率\n"
		       "为六成，比上年同期提高四个百分点。\n"
		       "　　分区域看，西南地区回升最快，出租\n"
		       "率同比提高六个百分点，与冰雪、温泉\n"
		       "旅游产品的升温密切相关。\n"
		       "    酒店业者表示，明年将继续加大投入。\n"
		       "\n"
		       "\n"
		       "责任编辑：孙莉\n");
}

/* Two bands one under the other: under a blank line, a pair of titles
 * each centred in its column opens the second band (two stories of its
 * own), so the first band's two columns are read before it. */
static void test_bands_parted_by_titles(void **state)
{
	(void)state;
	const char *page =
		"              县里召开冬季防火会                         消防车开进校园\n"
		"  本报讯　11月30日，县政府召开冬季防火   本报讯　县消防救援大队日前走进\n"
		"  工作会议，部署今冬明春火灾防控工作。   城关小学，为师生讲解火场逃生的\n"
		"  会议要求各乡镇加强隐患排查和宣传。     方法，并演示灭火器的使用。\n"
		"\n"
		"              河滩湿地迎来候鸟                           老街夜市重新开张\n"
		"  本报讯　近日，县城南面的河滩湿地迎来   本报讯　经过两个月的改造，老街夜\n"
		"  第一批越冬候鸟，数量比去年明显增多。   市本周重新开张，新增摊位四十个，\n"
		"  湿地管理站提醒市民观鸟时保持距离。     吸引了不少市民前来逛街。\n";
	assert_unfolds(page,
		       "            县里召开冬季防火会\n"
		       "本报讯　11月30日，县政府召开冬季防火\n"
		       "工作会议，部署今冬明春火灾防控工作。\n"
		       "会议要求各乡镇加强隐患排查和宣传。\n"
		       "\n"
		       "消防车开进校园\n"
		       "本报讯　县消防救援大队日前走进\n"
		       "城关小学，为师生讲解火场逃生的\n"
		       "方法，并演示灭火器的使用。\n"
		       "\n"
		       "            河滩湿地迎来候鸟\n"
		       "本报讯　近日，县城南面的河滩湿地迎来\n"
		       "第一批越冬候鸟，数量比去年明显增多。\n"
		       "湿地管理站提醒市民观鸟时保持距离。\n"
		       "\n"
		       "老街夜市重新开张\n"
		       "本报讯　经过两个月的改造，老街夜\n"
		       "市本周重新开张，新增摊位四十个，\n"
		       "吸引了不少市民前来逛街。\n");
}

/* A signature pushed to the right column's edge on the line of the left
 * column's first line belongs to the right column, under its titles. */
static void test_signature_at_edge(void **state)
{
	(void)state;
	const char *page =
		"青少年帆船冬训营开营                赛事看台\n"
		"                                    让更多孩子走近大海\n"
		"本报讯　11月20日，东港市青少年帆船              □ 海风\n"
		"冬训营开营，来自全市的九十名学员    一场国际帆船赛，让许多市民第一次\n"
		"将在一个月内接受帆船基础技术和航    在家门口看到了帆船比赛，观赛区每\n"
		"海知识培训，冬训营已经正式开训。    天都挤满了带着孩子来看的市民。\n";
	assert_unfolds(page,
		       "青少年帆船冬训营开营\n"
		       "\n"
		       "本报讯　11月20日，东港市青少年帆船\n"
		       "冬训营开营，来自全市的九十名学员\n"
		       "将在一个月内接受帆船基础技术和航\n"
		       "海知识培训，冬训营已经正式开训。\n"
		       "\n"
		       "赛事看台\n"
		       "让更多孩子走近大海\n"
		       "□ 海风\n"
		       "一场国际帆船赛，让许多市民第一次\n"
		       "在家门口看到了帆船比赛，观赛区每\n"
		       "天都挤满了带着孩子来看的市民。\n");
}

/* A byline pushed far into the right column on the band's first line,
 * over a gap in that column, heads the story: it is written before both
 * columns (not between the left column's last words and the right's
 * first, which run on: 世界黄金 / 协会); the page's margin is where most
 * lines of text start (the running header stands out of it). */
static void test_byline_heads_second_column(void **state)
{
	(void)state;
	const char *page =
		"  B3     2026年3月19日  星期四                财经新闻\n"
		"\n"
		"                  国际金价站上历史新高\n"
		"\n"
		"        受美联储降息预期升温影响，国际                        本报记者  柳  岩\n"
		"    金价近期持续走强，截至18日收盘，黄\n"
		"    金期货价格创下历史新高。业内人士认      协会的数据显示，去年全球央行净购金\n"
		"    为，央行购金是重要支撑。世界黄金        量超过一千吨，连续第三年保持高位。\n";
	assert_unfolds(page,
		       "B3     2026年3月19日  星期四                财经新闻\n"
		       "\n"
		       "              国际金价站上历史新高\n"
		       "\n"
		       "                                                          本报记者  柳  岩\n"
		       "    受美联储降息预期升温影响，国际\n"
		       "金价近期持续走强，截至18日收盘，黄\n"
		       "金期货价格创下历史新高。业内人士认\n"
		       "为，央行购金是重要支撑。世界黄金\n"
		       "协会的数据显示，去年全球央行净购金\n"
		       "量超过一千吨，连续第三年保持高位。\n");
}

/* A band of two short stories: the left column's last line is short
 * but ends a sentence ("本实力。"), and counts as a line of prose side
 * by side with the right's; the page's margin is where a quarter of its
 * lines of text start (none here: the paragraphs' first lines keep
 * their two spaces). */
static void test_short_last_line_counts(void **state)
{
	(void)state;
	const char *page =
		"  银行年末发行二级资本债                      市场观察\n"
		"\n"
		"  本报讯　据统计，本月以来已有9家银行发       理财收益仍将平稳\n"
		"行二级资本债，合计规模超过600亿元，部\n"
		"分资金将用于补充资本，支持实体经济。\n"
		"  有银行人士表示，年末发债有助于补充资        当前理财产品收益率处于低位，短期难以\n"
		"本实力。                                      明显回升，收益仍需观察。\n";
	assert_unfolds(page,
		       "  银行年末发行二级资本债\n"
		       "\n"
		       "  本报讯　据统计，本月以来已有9家银行发\n"
		       "行二级资本债，合计规模超过600亿元，部\n"
		       "分资金将用于补充资本，支持实体经济。\n"
		       "  有银行人士表示，年末发债有助于补充资\n"
		       "本实力。\n"
		       "\n"
		       "市场观察\n"
		       "\n"
		       "理财收益仍将平稳\n"
		       "\n"
		       "\n"
		       "当前理财产品收益率处于低位，短期难以\n"
		       "明显回升，收益仍需观察。\n");
}

/* Pages left alone: no gutter at all; a table of two short cells a row;
 * a header's fields spread by spaces; two lines of prose side by side
 * only (a band needs three). */
/* A band whose right column's first line is a paragraph's, set in: the
 * column's edge is where its lines start the least far, so the band
 * takes in the titles over it (a label, a marked title over the right
 * column) and the right column's last line alone under the left's end. */
static void test_band_edge_from_least_start(void **state)
{
	(void)state;
	const char *page =
		"  A5  市场                     江海金融报                   2026年11月21日\n"
		"\n"
		"\n"
		"      北向资金连续三周净流入                                  机构观点\n"
		"                              本报记者　许　诺\n"
		"                                                  ■宏远证券：关注科技龙头\n"
		"      本报讯　数据显示，本周北向资金全周净买入\n"
		"  42.7亿元，连续三周实现净流入，近三周累计净买        宏远证券研究所认为，当前市场估值处于历史\n"
		"  入额达到156.2亿元。                             中低位，随着经济数据边际改善，权益资产配置价\n"
		"      从流向看，北向资金本周主要加仓电子、医药    值逐步显现。建议关注科技龙头。\n"
		"  生物和食品饮料板块，其中电子板块获净买入18.4\n"
		"  亿元，居各行业首位。                            ■瑞丰基金：债市或维持窄幅震荡\n"
		"      与此同时，两融市场同样回暖，融资余额较上\n"
		"  周增加86.3亿元，为近两个月来单周最大增幅。         瑞丰基金固定收益部表示，近期资金面保持合\n"
		"                                                  理充裕，债市短期或维持窄幅震荡。\n";
	assert_unfolds(page,
		       "A5  市场                     江海金融报                   2026年11月21日\n"
		       "\n"
		       "\n"
		       "    北向资金连续三周净流入\n"
		       "                            本报记者　许　诺\n"
		       "\n"
		       "    本报讯　数据显示，本周北向资金全周净买入\n"
		       "42.7亿元，连续三周实现净流入，近三周累计净买\n"
		       "入额达到156.2亿元。\n"
		       "    从流向看，北向资金本周主要加仓电子、医药\n"
		       "生物和食品饮料板块，其中电子板块获净买入18.4\n"
		       "亿元，居各行业首位。\n"
		       "    与此同时，两融市场同样回暖，融资余额较上\n"
		       "周增加86.3亿元，为近两个月来单周最大增幅。\n"
		       "\n"
		       "机构观点\n"
		       "\n"
		       "■宏远证券：关注科技龙头\n"
		       "\n"
		       "    宏远证券研究所认为，当前市场估值处于历史\n"
		       "中低位，随着经济数据边际改善，权益资产配置价\n"
		       "值逐步显现。建议关注科技龙头。\n"
		       "\n"
		       "■瑞丰基金：债市或维持窄幅震荡\n"
		       "\n"
		       "   瑞丰基金固定收益部表示，近期资金面保持合\n"
		       "理充裕，债市短期或维持窄幅震荡。\n");
}

/* Two stories side by side, each title's byline pushed right under it
 * ("記者張雅惠／臺東報導", ten characters): the titles and bylines are the
 * band's, each over its own column. */
static void test_band_takes_pushed_bylines(void **state)
{
	(void)state;
	const char *page =
		"  臺東日報　2026年11月20日　星期五　地方\n"
		"\n"
		"          新落成的成功漁港魚市拍賣場寬敞明亮，設有低溫理貨區。（記者陳志明攝）\n"
		"\n"
		"\n"
		"      縣府推動老街活化 明年完工                       漁會新建冷藏庫 年底啟用\n"
		"                      記者林雅婷／成功報導                          記者張雅惠／臺東報導\n"
		"      成功老街活化工程昨天開工，縣府預計投入          成功區漁會新建的冷藏庫年底啟用，可存\n"
		"  與八千萬元，整修街屋立面並鋪設石板步道，        放漁獲三百公噸，漁民不必再連夜將漁獲\n"
		"  工程預計明年底完工。                            運往臺東市區。\n"
		"      商圈發展協會表示，期待老街重現昔日風            漁會總幹事說，冷藏庫啟用後，漁獲可\n"
		"  華，吸引更多遊客前來。                          以分批上市，價格也會更穩定。\n";
	assert_unfolds(page,
		       "臺東日報　2026年11月20日　星期五　地方\n"
		       "\n"
		       "        新落成的成功漁港魚市拍賣場寬敞明亮，設有低溫理貨區。（記者陳志明攝）\n"
		       "\n"
		       "\n"
		       "    縣府推動老街活化 明年完工\n"
		       "                    記者林雅婷／成功報導\n"
		       "    成功老街活化工程昨天開工，縣府預計投入\n"
		       "與八千萬元，整修街屋立面並鋪設石板步道，\n"
		       "工程預計明年底完工。\n"
		       "    商圈發展協會表示，期待老街重現昔日風\n"
		       "華，吸引更多遊客前來。\n"
		       "\n"
		       "漁會新建冷藏庫 年底啟用\n"
		       "記者張雅惠／臺東報導\n"
		       "    成功區漁會新建的冷藏庫年底啟用，可存\n"
		       "放漁獲三百公噸，漁民不必再連夜將漁獲\n"
		       "運往臺東市區。\n"
		       "    漁會總幹事說，冷藏庫啟用後，漁獲可\n"
		       "以分批上市，價格也會更穩定。\n");
}

static void test_left_alone(void **state)
{
	(void)state;
	assert_null(unfold("　　本报讯　全市社区老年食堂已增至一百二十家。\n　　覆盖所有街道。\n"));
	assert_null(unfold("品种        价格\n"
			   "大米        4.2元\n"
			   "面粉        3.8元\n"
			   "食用油      9.6元\n"));
	assert_null(unfold("2026年3月2日　星期一        江城晚报        第4版　要闻\n"
			   "2026年3月2日　星期一        江城晚报        第4版　要闻\n"
			   "2026年3月2日　星期一        江城晚报        第4版　要闻\n"));
	assert_null(unfold("全市社区老年食堂已增至一百二十家        东门老街改造工程日前已经完工了\n"
			   "覆盖所有街道每天为两万名老人助餐        三十多家老字号小吃店全部回迁了\n"));
}

/* A lead set in three columns side by side (pdftotext -layout of a page
 * that sets its lead across in three): each column read after the other,
 * running on where a column stops inside a sentence (a figure cut at the
 * break, 2 / 93.6万手), a paragraph's indent kept, a gutter of two spaces
 * where a column's line is full; the table after it, set across the
 * columns, left as it is. */
static void test_three_columns(void **state)
{
	(void)state;
	const char *page =
		"    12月2日，国内期货市场整     货成交明显放量。研究员林晓      93.6万手，较一周前增加约21万\n"
		"体走强，螺纹钢主力合约收于      峰告诉记者，冬储提前启动。      手。\n"
		"3312元/吨，涨幅达3.2%。             据统计，上周全国建材成交        不过，也有分析人士提醒，\n"
		"    多位分析人士认为，上涨主要  量为14.6万吨，持仓量为2         终端需求仍偏弱，请控制仓位。\n"
		"受冬储需求提前释放推动，现\n"
		"\n"
		"    品种        合约       收盘价\n"
		"    螺纹钢      rb2605       3312\n";
	assert_unfolds(page,
		       "    12月2日，国内期货市场整\n"
		       "体走强，螺纹钢主力合约收于\n"
		       "3312元/吨，涨幅达3.2%。\n"
		       "    多位分析人士认为，上涨主要\n"
		       "受冬储需求提前释放推动，现\n"
		       "货成交明显放量。研究员林晓\n"
		       "峰告诉记者，冬储提前启动。\n"
		       "    据统计，上周全国建材成交\n"
		       "量为14.6万吨，持仓量为2\n"
		       "93.6万手，较一周前增加约21万\n"
		       "手。\n"
		       "    不过，也有分析人士提醒，\n"
		       "终端需求仍偏弱，请控制仓位。\n"
		       "\n"
		       "    品种        合约       收盘价\n"
		       "    螺纹钢      rb2605       3312\n");
	/* (three cells of words side by side, no sentence: a table, left alone) */
	assert_null(unfold("华东地区生产企业        华南地区生产企业        西南地区生产企业\n"
			   "江苏沙钢集团公司        广东韶关钢铁公司        四川攀钢集团公司\n"
			   "上海宝山钢铁公司        广西柳州钢铁公司        重庆钢铁集团公司\n"
			   "山东日照钢铁公司        福建三钢集团公司        云南昆钢集团公司\n"));
}

/* Two columns' labels side by side under a band's text ("期市观察 …
 * 交易提示") open a band of their own; a left line a character over its
 * column's measure, the right one pushed past it by a gutter still, is
 * the band's; and a right column opening with its label over a blank
 * line starts anew, the left column's sentence unfinished or not. */
static void test_label_pair_bands(void **state)
{
	(void)state;
	const char *page =
		"    社区食堂开到家门口本报讯全市老年食      老街改造工程日前完工三十多家老字\n"
		"堂已增至一百二十家，覆盖所有街道，      号小吃店全部回迁，街面保留了原有的\n"
		"每天为约两万名老人提供助餐服务。        青石板路，居民说烟火气回来了。\n"
		"    市民政局表示，明年将再新增三十          街道办表示，将引导商户错峰经营，\n"
		"家，并推出送餐上门服务，受到老人欢迎好。   减少噪声和油烟，照顾居民的生活，\n"
		"社区还将组织志愿者定期上门探访老人。    两侧商铺统一了招牌样式，更显整洁。\n"
		"\n"
		"期市观察                                交易提示\n"
		"\n"
		"警惕追高风险                            ◆大商所调整铁矿石期货交易限额，非\n"
		"□ 钟　岩                                期货公司会员单日开仓不得超过800手。\n"
		"    近期部分品种走出一波上涨行情，一    ◆上期所将于12月8日起调整燃料油期\n"
		"些投资者担心踏空，匆忙追高入场。        货夜盘交易时间，收盘提前至22:30。\n"
		"    期货交易实行保证金制度，杠杆效应    ◆广期所碳酸锂期货成交量为42.8万\n"
		"放大收益的同时也放大了损失，入场前      手，持仓量较前一交易日有所增加。\n";
	assert_unfolds(page,
		       "    社区食堂开到家门口本报讯全市老年食\n"
		       "堂已增至一百二十家，覆盖所有街道，\n"
		       "每天为约两万名老人提供助餐服务。\n"
		       "    市民政局表示，明年将再新增三十\n"
		       "家，并推出送餐上门服务，受到老人欢迎好。\n"
		       "社区还将组织志愿者定期上门探访老人。\n"
		       "\n"
		       "    老街改造工程日前完工三十多家老字\n"
		       "号小吃店全部回迁，街面保留了原有的\n"
		       "青石板路，居民说烟火气回来了。\n"
		       "    街道办表示，将引导商户错峰经营，\n"
		       "减少噪声和油烟，照顾居民的生活，\n"
		       "两侧商铺统一了招牌样式，更显整洁。\n"
		       "\n"
		       "期市观察\n"
		       "\n"
		       "警惕追高风险\n"
		       "□ 钟　岩\n"
		       "    近期部分品种走出一波上涨行情，一\n"
		       "些投资者担心踏空，匆忙追高入场。\n"
		       "    期货交易实行保证金制度，杠杆效应\n"
		       "放大收益的同时也放大了损失，入场前\n"
		       "\n"
		       "交易提示\n"
		       "\n"
		       "◆大商所调整铁矿石期货交易限额，非\n"
		       "期货公司会员单日开仓不得超过800手。\n"
		       "◆上期所将于12月8日起调整燃料油期\n"
		       "货夜盘交易时间，收盘提前至22:30。\n"
		       "◆广期所碳酸锂期货成交量为42.8万\n"
		       "手，持仓量较前一交易日有所增加。\n");
}

/* CRLF lines are read as lines (and written with LF). */
static void test_crlf(void **state)
{
	(void)state;
	const char *page =
		"社区食堂开到家门口十二字标题        老街改造留住烟火气十二字标题\r\n"
		"全市社区老年食堂已增至一百二        东门老街改造工程日前完工，三\r\n"
		"十家，覆盖所有街道，已开张。        十多家老字号小吃店全部回迁，\r\n";
	assert_unfolds(page,
		       "社区食堂开到家门口十二字标题\n"
		       "全市社区老年食堂已增至一百二\n"
		       "十家，覆盖所有街道，已开张。\n"
		       "\n"
		       "老街改造留住烟火气十二字标题\n"
		       "东门老街改造工程日前完工，三\n"
		       "十多家老字号小吃店全部回迁，\n");
}

/* Reading a page (input_decode) unfolds it: what the parser is handed. */
static void test_input_unfolds(void **state)
{
	(void)state;
	const char *page =
		"社区食堂开到家门口十二字标题        老街改造留住烟火气十二字标题\n"
		"全市社区老年食堂已增至一百二        东门老街改造工程日前完工，三\n"
		"十家，覆盖所有街道，已开张。        十多家老字号小吃店全部回迁，\n";
	input_page pg;
	char err[256];
	assert_true(input_decode("p.txt", page, strlen(page), NULL, &pg, err, sizeof err));
	const char *want = "社区食堂开到家门口十二字标题\n"
			   "全市社区老年食堂已增至一百二\n"
			   "十家，覆盖所有街道，已开张。\n"
			   "\n"
			   "老街改造留住烟火气十二字标题\n"
			   "东门老街改造工程日前完工，三\n"
			   "十多家老字号小吃店全部回迁，\n";
	assert_int_equal(pg.source.len, strlen(want));
	assert_memory_equal(pg.source.text, want, strlen(want));
	input_page_free(&pg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_stories),
		cmocka_unit_test(test_one_story_runs_on),
		cmocka_unit_test(test_bands_parted_by_titles),
		cmocka_unit_test(test_signature_at_edge),
		cmocka_unit_test(test_byline_heads_second_column),
		cmocka_unit_test(test_short_last_line_counts),
		cmocka_unit_test(test_band_edge_from_least_start),
		cmocka_unit_test(test_band_takes_pushed_bylines),
		cmocka_unit_test(test_three_columns),
		cmocka_unit_test(test_label_pair_bands),
		cmocka_unit_test(test_left_alone),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_input_unfolds),
	};
	return cmocka_run_group_tests_name("columns", tests, NULL, NULL);
}
