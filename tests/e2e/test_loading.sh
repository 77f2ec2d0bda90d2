#!/bin/sh
# A big issue opens at once: the first screen shows while the rest is
# parsed between keys ("loading N%" in the status line), the list and the
# article count grow to the whole issue, and a search, which covers the
# whole issue, finishes the loading first.
. "$KANBAO_SRC/tests/e2e/lib.sh"

# the sample issue 300 times over, as one 6.6 MB page (kanbao parses 2 MB
# before its first screen); the waits are long for sanitizer builds
TIMEOUT=60
big=$TEST_TMP/big.txt
n=0
while [ "$n" -lt 300 ]; do
	cat "$KANBAO_SRC"/sample/0[1-4].txt
	n=$((n + 1))
done > "$big"

total=$("$KANBAO" --list "$big" | wc -l)
[ "$total" -gt 5000 ] || fail "only $total articles in the big issue"
hits=$("$KANBAO" --search "市图书馆“夜读空间”开放" "$big" | wc -l)
[ "$hits" -ge 300 ] || fail "only $hits hits in the big issue"

start 80 24 "$big"
# (in one page made of copies the linker may pair the parts across copies:
# the row may carry the 「续」 of a continuation)
case $(list_row 1) in
"> 青川高新区首季新签约"* | "> 「续」青川高新区首季新签"*) ;;
*) fail "first row: $(list_row 1)" ;;
esac
wait_status "article 1/$total ·"
# the last articles arrive before the last links are made: the note goes
# a moment after the count is complete
not_loading() { ! status_has "loading"; }
wait_until "the loading note to go" not_loading
ok "the issue grew to all its articles; the loading note is gone"
keys q
expect_eq "exit status" "$(wait_exit)" 0

# a search at once: it waits for the whole issue and finds the last copy too
start 80 24 "$big"
keys /
text "市图书馆“夜读空间”开放"
keys Enter
wait_status "hit 1 of $hits"
ok "a search right after opening covers the whole issue"
keys G
keys q
expect_eq "exit status" "$(wait_exit)" 0
