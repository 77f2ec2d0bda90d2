#!/bin/sh
# The test-only build of tools/fit-weights (make tune, $KANBAO_TUNE): the
# parser's weights and thresholds set from KANBAO_WEIGHTS without a
# rebuild. Without it, it parses exactly as kanbao; with it, the decisions
# and --explain follow the weights asked for; a name or value it does not
# know stops it; tools/fit-weights reports the figures build/score does.
. "$(dirname "$0")/lib.sh"

T=$TEST_TMP
: "${KANBAO_TUNE:?KANBAO_TUNE must name the tune build folder (make tune)}"
tk=$KANBAO_TUNE/kanbao
[ -x "$tk" ] || fail "$tk is missing (make tune)"
page=$KANBAO_SRC/tests/fixtures/weights/page.txt

# 1. the compiled table by default: every fixture page, the sample and the corpus as kanbao parses them
n=0
for f in "$KANBAO_SRC"/tests/fixtures/parse/*.txt "$KANBAO_SRC"/sample/*.txt "$page" "$KANBAO_CORPUS"/*.txt; do
	[ -f "$f" ] || continue
	"$KANBAO" --json "$f" >"$T/a" 2>&1
	(unset KANBAO_WEIGHTS; "$tk" --json "$f") >"$T/b" 2>&1
	cmp -s "$T/a" "$T/b" || fail "tune build parses $f differently with the compiled weights"
	n=$((n + 1))
done
[ "$n" -gt 20 ] || fail "only $n pages compared"
ok "tune build without KANBAO_WEIGHTS: the same --json as kanbao on $n pages"

# 2. the weights decide: the second story of the page has a big gap before it and nothing else
# once S_OTHER_SUBJECT is set to 0 (its text shares no word with the story above)
# (values set here, not the table's: the test holds whatever a fit makes of the table)
arts() { "$@" --list "$page" | grep -c .; }
[ "$(KANBAO_WEIGHTS='S_BIG_GAP=6 STORY_MIN=5 S_OTHER_SUBJECT=0' arts "$tk")" = 2 ] ||
	fail "a gap of 6 over STORY_MIN 5: two stories expected: $(KANBAO_WEIGHTS='S_BIG_GAP=6 STORY_MIN=5 S_OTHER_SUBJECT=0' "$tk" --list "$page")"
[ "$(KANBAO_WEIGHTS='S_BIG_GAP=6,STORY_MIN=7,S_OTHER_SUBJECT=0' arts "$tk")" = 1 ] || fail "STORY_MIN=7: the gap alone should not start a story"
[ "$(KANBAO_WEIGHTS='S_BIG_GAP=4, STORY_MIN=5, S_OTHER_SUBJECT=0' arts "$tk")" = 1 ] || fail "S_BIG_GAP=4: one story expected"
[ "$(KANBAO_WEIGHTS='S_BIG_GAP=0 STORY_MIN=5 S_OTHER_SUBJECT=5' arts "$tk")" = 2 ] ||
	fail "S_OTHER_SUBJECT=5 over STORY_MIN 5: two stories expected"
KANBAO_WEIGHTS='S_BIG_GAP=9 S_OTHER_SUBJECT=0' "$tk" --explain "$page" >"$T/out"
grep -Eq "^ +11  headline +旧书市集.*\[\+9\].*big gap before \(\+9\)" "$T/out" ||
	fail "--explain does not show the weight set: $(grep 旧书 "$T/out")"
ok "KANBAO_WEIGHTS sets weights and thresholds; --explain shows them"

# 3. "?" lists every row of the table and the thresholds
KANBAO_WEIGHTS='?' "$tk" --list "$page" >"$T/list" || fail "KANBAO_WEIGHTS=?: exit $?"
rows=$(sed -n '/^typedef enum signal {/,/^	NSIGNALS/p' "$KANBAO_SRC/src/parse.c" | grep -c '^	S_')
[ "$(grep -c '^S_[A-Z0-9_]*=-\{0,1\}[0-9]*	' "$T/list")" = "$rows" ] || fail "not the $rows rows: $(head -3 "$T/list")"
grep -q '^STORY_MIN=[0-9]*	threshold' "$T/list" && grep -q '^PLAN_MARGIN=[0-9]*	threshold' "$T/list" ||
	fail "thresholds not listed"
ok "KANBAO_WEIGHTS=? lists the $rows rows and the thresholds"

# 4. a mistake stops the build: a fit must not run on weights it did not ask for
for bad in S_NO_SUCH=3 S_BIG_GAP=3x S_BIG_GAP= S_BIG_GAP STORY_MIN=99999; do
	KANBAO_WEIGHTS=$bad "$tk" --list "$page" >/dev/null 2>"$T/err"
	s=$?
	[ $s = 2 ] || fail "KANBAO_WEIGHTS=$bad: exit $s, 2 expected"
	grep -q "KANBAO_WEIGHTS: not NAME=INTEGER of the table: $bad" "$T/err" || fail "KANBAO_WEIGHTS=$bad: $(cat "$T/err")"
done
ok "KANBAO_WEIGHTS with an unknown name or a bad value: exit 2, named"

# 5. tools/fit-weights reports each set as score does, and its constraints hold at the compiled table
py=$(command -v python3) || fail "python3 is missing (tools/deps.sh test)"
(cd "$KANBAO_SRC" && "$py" tools/fit-weights --build "$(dirname "$KANBAO_TUNE")" --corpus "$KANBAO_CORPUS" \
	--evaluate S_BIG_GAP=4) >"$T/fit" 2>&1 || fail "fit-weights --evaluate: $(cat "$T/fit")"
for d in "$KANBAO_SRC"/tests/papers "$KANBAO_SRC"/tests/holdout*; do
	want=$( (unset KANBAO_WEIGHTS; "$KANBAO_TUNE/score" "$d") | sed -n 's/^SCORE headline .* F1=\([0-9.]*\) (.*/\1/p')
	now=$(KANBAO_WEIGHTS=S_BIG_GAP=4 "$KANBAO_TUNE/score" "$d" | sed -n 's/^SCORE headline .* F1=\([0-9.]*\) (.*/\1/p')
	grep -Eq "^tests/${d##*/} +h $want .* h $now " "$T/fit" || fail "${d##*/}: not $want -> $now: $(cat "$T/fit")"
done
grep -q "^objective (aux 0.00): .*; lost 0; corpus and sample " "$T/fit" || fail "no objective line: $(tail -2 "$T/fit")"
ok "fit-weights --evaluate: each set's headline F1 as score gives it, compiled and changed"
exit 0
