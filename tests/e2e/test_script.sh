#!/bin/sh
# Both scripts on the command line: the script of each page in --json,
# --search across scripts, and OpenCC's data missing (a message, the rest
# works as-is). The pages are our own (tests/fixtures/script).
. "$(dirname "$0")/lib.sh"

T=$TEST_TMP
fx=$KANBAO_SRC/tests/fixtures/script

scripts() {   # scripts FILE...: the "script" of each page of --json
	"$KANBAO" --json "$@" | grep -o '"script": "[a-z]*"' | sed 's/.*: "//; s/"//' | tr '\n' ' '
}
expect_eq "traditional page" "$(scripts "$fx/traditional.txt")" "traditional "
expect_eq "mixed page, mostly simplified" "$(scripts "$fx/mixed.txt")" "simplified "
expect_eq "both pages" "$(scripts "$fx/mixed.txt" "$fx/traditional.txt")" "simplified traditional "
ok "--json: the script of each page"

# the parser reads the conventions in traditional characters too
json=$("$KANBAO" --json "$fx/traditional.txt")
for want in '"byline": "本報記者 林美華"' '"dateline": "本報臺中11月3日訊"' \
	'{"type": "caption", "text": "理髮店內，師傅正在為客人修剪頭髮。 陳志明 攝"}' '（下轉第2版）"}'; do
	printf '%s' "$json" | grep -qF -- "$want" || fail "--json lacks $want: $json"
done
ok "本報記者, 本報…訊, 攝, 下轉 read in traditional characters"

hits() {   # hits QUERY FILE...: the bracketed hits of --search, one a line
	"$KANBAO" --search "$@" 2>"$T/err" | grep -o '\[[^]]*\]' | tr '\n' ' '
}
expect_eq "台湾 in the mixed page" "$(hits 台湾 "$fx/mixed.txt")" "[台湾] [臺灣] "
expect_eq "臺灣 in the mixed page" "$(hits 臺灣 "$fx/mixed.txt")" "[台湾] [臺灣] "
expect_eq "台湾 in the traditional page" "$(hits 台湾 "$fx/traditional.txt")" "[臺灣] [臺灣] "
expect_eq "头发 in the traditional page" "$(hits 头发 "$fx/traditional.txt")" "[頭髮] [頭髮] "
[ -s "$T/err" ] && fail "unexpected message: $(cat "$T/err")"
ok "--search across scripts"

# --dump, --list and --json in another script (phrase by phrase)
"$KANBAO" --dump --width 200 --script simplified "$fx/traditional.txt" > "$T/dump" 2> "$T/err" ||
	fail "--dump --script simplified failed: $(cat "$T/err")"
for w in 台湾中部天气干燥 头发变得又干又乱 后来干脆 皇后发型 本报记者; do
	grep -q "$w" "$T/dump" || fail "--dump --script simplified lacks $w: $(cat "$T/dump")"
done
grep -q '頭髮\|後來' "$T/dump" && fail "--dump --script simplified kept traditional text"
[ -s "$T/err" ] && fail "unexpected message: $(cat "$T/err")"
# the layout is the one of the text as printed: the same lines
expect_eq "lines of the converted dump" "$("$KANBAO" --dump --width 30 --script simplified "$fx/traditional.txt" | wc -l)" \
	"$("$KANBAO" --dump --width 30 "$fx/traditional.txt" | wc -l)"
expect_eq "--list --script traditional" "$("$KANBAO" --list --script traditional "$fx/mixed.txt")" \
	"$(printf '1\t1\t兩岸書展在臺北開幕\t本報記者 王小明')"
expect_eq "--list --script taiwan" "$("$KANBAO" --list --script taiwan "$fx/traditional.txt" | cut -f3)" \
	"臺灣中部天氣乾燥 理髮店生意興隆"
"$KANBAO" --json "$fx/traditional.txt" | grep -q '"headline": "臺灣中部天氣乾燥' || fail "--json converted without --script"
"$KANBAO" --json --script simplified "$fx/traditional.txt" | grep -q '"headline": "台湾中部天气干燥' ||
	fail "--json --script simplified not converted"
"$KANBAO" --dump --script klingon "$fx/mixed.txt" > /dev/null 2> "$T/err"
expect_eq "--script klingon: exit" "$?" 2
grep -q "expected as-is, simplified, traditional, taiwan or hongkong" "$T/err" || fail "--script klingon: $(cat "$T/err")"
ok "--dump, --list and --json with --script"

# OpenCC's data missing: --json and --search work, the search says why it
# does not fold.
export KANBAO_OPENCC_DIR=$T/no-opencc
expect_eq "script without OpenCC" "$(scripts "$fx/traditional.txt")" "simplified "
expect_eq "台湾 without OpenCC" "$(hits 台湾 "$fx/mixed.txt")" "[台湾] "
grep -q "OpenCC cannot load $T/no-opencc/t2s.json" "$T/err" || fail "no message: $(cat "$T/err")"
grep -q "libopencc-data" "$T/err" || fail "the message does not say what to install: $(cat "$T/err")"
"$KANBAO" --dump --script simplified "$fx/traditional.txt" > "$T/dump" 2> "$T/err"
expect_eq "--dump --script without OpenCC: exit" "$?" 0
grep -q "cannot show the text in simplified: OpenCC cannot load" "$T/err" || fail "no message: $(cat "$T/err")"
grep -q "頭髮變得" "$T/dump" || fail "--dump without OpenCC: not the text as printed"
unset KANBAO_OPENCC_DIR
ok "OpenCC's data missing: a message, search, --dump and --json as printed"

need_corpus
expect_eq "the corpus" "$(scripts "$KANBAO_CORPUS"/*.txt)" \
	"simplified simplified simplified simplified simplified "
ok "the corpus pages are simplified"
