#!/bin/sh
# tools/perturb's transforms, each on a page of tests/fixtures/perturb
# written as the transform must write it (--show), and build/score's
# coverage on a page cut at a narrow wrap through a dateline.
. "$(dirname "$0")/lib.sh"

T=$TEST_TMP
F=$KANBAO_SRC/tests/fixtures/perturb
py=$(command -v python3) || fail "python3 is missing (tools/deps.sh test)"
show() { "$py" "$KANBAO_SRC/tools/perturb" --show "$1" "$F/$2" >"$T/got" 2>&1 || fail "--show $1 $2: $(cat "$T/got")"; }
same() { diff -u "$T/want" "$T/got" >"$T/diff" || fail "$1: $(cat "$T/diff")"; }

# 1. spaced: a space between every two characters, ASCII figures whole
show spaced story.txt
cat >"$T/want" <<'E'
滨 江 晚 报　2026 年 5 月 6 日　星 期 三　第 3 版

河 湾 公 园 今 起 开 放 夜 间 游 览
本 报 记 者 林 岚
　　河 湾 公 园 管 理 处 昨 天 宣 布 ， 公 园 从 今 天 起 开 放 夜 间 游 览 。

老 城 区 新 添 三 座 口 袋 公 园
　　本 报 讯　今 年 春 天 ， 老 城 区 在 边 角 地 上 建 成 三 座 口 袋 公 园 ， 共 3000 平 方 米 。
E
same spaced
ok "spaced: a space between every two characters, ASCII words whole"

# 2. spaced_some: a space between some pairs of Han characters only
show spaced_some story.txt
cat >"$T/want" <<'E'
滨江晚报　2026年5月6日　星期三　第3版

河湾 公园今起开 放夜间游览
本报记 者 林岚
　　河湾 公园管理处 昨天宣布，公园从今天 起开放夜间 游览。

老 城区新添三 座口袋公园
　　本报讯　今 年春天，老 城区在边角 地上建成三 座口袋公园，共3000平方米。
E
same spaced_some
ok "spaced_some: stray spaces between Han characters"

# 3. rules: a rule after each story but the last, none under the header
show rules story.txt
cat >"$T/want" <<'E'
滨江晚报　2026年5月6日　星期三　第3版

河湾公园今起开放夜间游览
本报记者 林岚
　　河湾公园管理处昨天宣布，公园从今天起开放夜间游览。
------

老城区新添三座口袋公园
　　本报讯　今年春天，老城区在边角地上建成三座口袋公园，共3000平方米。
E
same rules
ok "rules: a rule line between two stories"

# 4. fullwidth: a page wrapped at 30 columns wrapped again at 30 once its
# figures are two columns wide; the expected file's texts alike
show fullwidth wrapped.txt
cat >"$T/want" <<'E'
江北日报　２０２６年５月６日

新区建成口袋公园
本报记者 王晨
　　记者从新区城管局获悉，今年
新区建成１０座口袋公园，总面积
约３.６万平方米，居民出门五百
米就能见到绿。
　　据介绍，这些公园设有健身步
道和座椅，方便居民休息。
expected: B 江北日报　２０２６年５月６日
E
same fullwidth
# a page not wrapped: its lines stay as they are
show fullwidth story.txt
grep -qx '　　本报讯　今年春天，老城区在边角地上建成三座口袋公园，共３０００平方米。' "$T/got" ||
	fail "fullwidth re-wrapped a page that is not wrapped: $(cat "$T/got")"
# a URL and a mail address stay ASCII
show fullwidth url.txt
grep -qx '扫码报名 https://example.com/a1?id=2026 或发邮件至 bm2026@example.com 截止１２月３１日' "$T/got" ||
	fail "fullwidth: a URL or a mail address set full-width: $(cat "$T/got")"
ok "fullwidth: a page wrapped by columns wrapped again at its width; URLs kept ASCII"

"$py" "$KANBAO_SRC/tools/perturb" --show nosuch "$F/story.txt" >"$T/err" 2>&1 && fail "--show nosuch: exit 0"
grep -q "no transform nosuch" "$T/err" || fail "--show nosuch: $(cat "$T/err")"
ok "--show names a transform it does not know"

# 5. score: the last character of a line (截 of 本刊讯　截) that opens the
# paragraph on the next line is covered, not lost
score=$(dirname "$KANBAO_TUNE")/score   # BUILD/score, beside BUILD/tune
[ -x "$score" ] || fail "$score is missing (make build/score)"
"$score" -v "$F/dateline.txt" >"$T/score" 2>&1
grep -q 'lost 0/129 chars$' "$T/score" || fail "dateline.txt: $(grep lost "$T/score")"
ok "score: a line's last character joined to the next line is not lost"
exit 0
