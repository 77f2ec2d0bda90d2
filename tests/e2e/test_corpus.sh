#!/bin/sh
# The main terminal checks on the real pages of the corpus (read from
# $KANBAO_CORPUS at run time; skipped when absent unless
# KANBAO_REQUIRE_CORPUS is set): the five pages as one issue at 80×24,
# every article drawn within the window with the border intact, the
# list's headlines those of --list, paging through the longest article
# by a screen less scroll_context, resizing on the same paragraph, a
# search. With KANBAO_TRACE, the time to the first screen and to page
# are printed (see src/ui.c).
. "$KANBAO_SRC/tests/e2e/lib.sh"
need_corpus

"$KANBAO" --list "$KANBAO_CORPUS" > "$TEST_TMP/list" || fail "--list failed"
n=$(wc -l < "$TEST_TMP/list")
[ "$n" -ge 2 ] || fail "too few articles in the corpus: $n"

E2E_ENV="KANBAO_TRACE=$TEST_TMP/trace" start 80 24 "$KANBAO_CORPUS"
wait_status "article 1/$n · "      # pages named by file: no number stated

# the list row of the first article: its headline from --list, cut with …
first=$(sed -n 1p "$TEST_TMP/list" | cut -f3)
shown=$(list_row 1 | sed 's/^> //; s/…$//')
case $first in
"$shown"*) ;;
*) fail "list row 1 \"$shown\" is not the start of the first headline \"$first\"" ;;
esac
[ "$(list_row 1 | max_width)" -le 30 ] || fail "list row 1 is wider than the list"
ok "list rows are the headlines of --list"

# every article: no row wider than the window, the border unbroken
i=1
while :; do
	wait_status "article $i/$n"
	check_widths
	check_border 30
	[ "$i" -ge "$n" ] && break
	keys J
	i=$((i + 1))
done
ok "all $n articles fit 80 columns, border intact"

# the longest article (the most screens)
best=1 best_pct=101
i=1
keys g
while [ "$i" -le "$n" ]; do
	pct=$(status | sed -n 's/.*article [0-9]*\/[0-9]* · 第[0-9]*版 · \([0-9]*\)%.*/\1/p')
	if [ -n "$pct" ] && [ "$pct" -lt "$best_pct" ]; then
		best=$i best_pct=$pct
	fi
	[ "$i" -ge "$n" ] && break
	keys K
	i=$((i + 1))
	wait_status "article $((n - i + 1))/$n"
done
# (walked backwards: the index seen at step i is n - i + 1)
best=$((n - best + 1))
keys Tab g
i=1
while [ "$i" -lt "$best" ]; do keys j; i=$((i + 1)); done
keys Enter
wait_status "article $best/$n"
screens=0
paged() {   # row 21 came to the top, or the last screen came (shorter)
	pane_row_is 0 "$r21" || status_has "100%"
}
while ! status_has "100%"; do
	r21=$(pane_row 21)
	keys Space
	wait_until "a screen on" paged
	if ! pane_row_is 0 "$r21"; then
		screen | grep -qF -- "$r21" || fail "the last screen skipped text"
	fi
	screens=$((screens + 1))
	[ "$screens" -le 200 ] || fail "paging does not reach the end"
done
ok "article $best paged through in $screens screens, each a screen less 2 lines"

# resize in the middle of it
keys g Space Space
settle
top=$(pane_row 0)
head=$(printf '%s\n' "$top" | sed 's/^ *//; s/^\(....\).*/\1/')
has_head() {
	pane_text_has "$head"
}
for size in "40 12" "160 50" "20 5"; do
	set -- $size
	resize "$1" "$2"
	wait_until "\"$head\" at $1x$2" has_head
	check_widths
done
resize 80 24
wait_pane_row 0 "$top"
ok "resizing keeps the paragraph"

# a search for the start of the first headline
word=$(printf '%s\n' "$first" | sed 's/^\(..\).*/\1/')
keys /
text "$word"
keys Enter
has_hit() {
	status | grep -qE "hit [0-9]+ of [0-9]+ · article"
}
wait_until "a hit" has_hit
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "search for \"$word\""

# timings (informative): first screen, and a page in the longest article
first_ms=$(sed -n 's/^first-screen ms=\([0-9.]*\).*/\1/p' "$TEST_TMP/trace")
space_ms=$(grep '^key Space ' "$TEST_TMP/trace" | sed 's/.*ms=//' | sort -n | tail -1)
echo "  time to the first screen: $first_ms ms; slowest Space: $space_ms ms"
