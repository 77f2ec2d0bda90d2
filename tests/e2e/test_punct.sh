#!/bin/sh
# Chinese punctuation restored for display ([layout] cjk_punctuation):
# --dump shows ，；（） where the sample has , ; ( ) beside Chinese text,
# --json keeps the text exactly as extracted, keep shows it as extracted,
# and search finds the text by either form.
. "$KANBAO_SRC/tests/e2e/lib.sh"
cd "$KANBAO_SRC" || exit 1

json=$("$KANBAO" --json sample/) || fail "--json"
printf '%s' "$json" | grep -qF '春分将至,青川高新区处处是忙碌景象。在北湖片区,星河' ||
	fail "--json does not keep the extracted punctuation"
printf '%s' "$json" | grep -qF '春分将至，' && fail "--json shows restored punctuation"
ok "--json keeps the text as extracted"

dump=$("$KANBAO" --dump --width 200 sample/) || fail "--dump"
printf '%s' "$dump" | grep -qF '春分将至，青川高新区处处是忙碌景象。在北湖片区，星河' ||
	fail "--dump does not restore the punctuation"
printf '%s' "$dump" | grep -qF '12345' || fail "--dump lost a number"
ok "--dump restores ，"

mkdir -p "$E2E_HOME/keep"
printf '[layout]\ncjk_punctuation = keep\n' >"$E2E_HOME/keep/kanbao.ini"
kept=$("$KANBAO" --config "$E2E_HOME/keep/kanbao.ini" --dump --width 200 sample/) || fail "--dump keep"
printf '%s' "$kept" | grep -qF '春分将至,青川高新区处处是忙碌景象。在北湖片区,星河' ||
	fail "cjk_punctuation = keep does not show the text as extracted"
ok "cjk_punctuation = keep"

printf '[layout]\ncjk_punctuation = sometimes\n' >"$E2E_HOME/keep/bad.ini"
err=$("$KANBAO" --config "$E2E_HOME/keep/bad.ini" --dump sample/ 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "a bad cjk_punctuation is not exit 2"
printf '%s' "$err" | grep -qF 'cjk_punctuation' || fail "the message does not name the key: $err"
ok "a bad value names the key"

for q in '将至，青川' '将至,青川'; do
	"$KANBAO" --search "$q" sample/ >/dev/null || fail "--search $q finds nothing"
done
ok "search finds either form"
