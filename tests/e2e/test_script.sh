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

hits() {   # hits QUERY FILE...: the bracketed hits of --search, one a line
	"$KANBAO" --search "$@" 2>"$T/err" | grep -o '\[[^]]*\]' | tr '\n' ' '
}
expect_eq "台湾 in the mixed page" "$(hits 台湾 "$fx/mixed.txt")" "[台湾] [臺灣] "
expect_eq "臺灣 in the mixed page" "$(hits 臺灣 "$fx/mixed.txt")" "[台湾] [臺灣] "
expect_eq "台湾 in the traditional page" "$(hits 台湾 "$fx/traditional.txt")" "[臺灣] [臺灣] "
expect_eq "头发 in the traditional page" "$(hits 头发 "$fx/traditional.txt")" "[頭髮] [頭髮] "
[ -s "$T/err" ] && fail "unexpected message: $(cat "$T/err")"
ok "--search across scripts"

# OpenCC's data missing: --json and --search work, the search says why it
# does not fold.
export KANBAO_OPENCC_DIR=$T/no-opencc
expect_eq "script without OpenCC" "$(scripts "$fx/traditional.txt")" "simplified "
expect_eq "台湾 without OpenCC" "$(hits 台湾 "$fx/mixed.txt")" "[台湾] "
grep -q "OpenCC cannot load $T/no-opencc/t2s.json" "$T/err" || fail "no message: $(cat "$T/err")"
grep -q "libopencc-data" "$T/err" || fail "the message does not say what to install: $(cat "$T/err")"
unset KANBAO_OPENCC_DIR
ok "OpenCC's data missing: a message, search and --json as-is"

need_corpus
expect_eq "the corpus" "$(scripts "$KANBAO_CORPUS"/*.txt)" \
	"simplified simplified simplified simplified simplified "
ok "the corpus pages are simplified"
