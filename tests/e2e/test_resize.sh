#!/bin/sh
# Resizing at any time lays the article out again at once and keeps the
# same paragraph on screen: 80×24 → 40×12 → 160×50 → back, then sizes
# from 400×200 down to 1×1. No row is ever wider than the window, the
# border is never broken by a wide character, and below 20×5 the reader
# says the terminal is too small instead of breaking.
. "$KANBAO_SRC/tests/e2e/lib.sh"



start 80 24 sample/
# the article on digital change (8), in the middle of a paragraph
keys J J J J J J J
wait_status "article 8/19"
keys j j j j j j j j j j j
settle
top=$(pane_row 0)
case $top in
"    "*|"") fail "the top row should be inside a paragraph: \"$top\"" ;;
esac
# the first characters of the top row: they stay on screen at every width
head=$(printf '%s\n' "$top" | sed 's/^\(.....\).*/\1/')
check_widths
check_border 30

resize 40 12
wait_until "the paragraph at 40 columns" pane_text_has "$head"
check_widths
screen_has "│" && fail "the list should hide itself below 50 columns"
ok "40x12 keeps \"$head\" in view"

resize 160 50
wait_until "the paragraph at 160 columns" pane_text_has "$head"
check_widths
check_border 30
# the measure: never wider than max_width (80), centred in the pane
# (the pane is 129 columns: the text starts (127 - 80) / 2 = 23 columns
# after the margin)
text_w=$(screen | sed '$d' | sed 's/^.*│ //' | sed 's/^ \{23\}//' | max_width)
[ "$text_w" -le 80 ] || fail "text $text_w columns wide: over the measure of 80"
[ "$text_w" -ge 76 ] || fail "text only $text_w columns wide at a measure of 80"
expect_eq "centred headline" "$(pane_row 0)" "                       数字化转型让老厂焕发新活力"
ok "160x50 keeps it, text within the measure"

resize 80 24
wait_pane_row 0 "$top"
check_border 30
ok "back at 80x24: the same top row"

for size in "400 200" "120 40" "50 10" "49 10" "30 8" "20 5"; do
	set -- $size
	resize "$1" "$2"
	wait_until "the paragraph at $1x$2" pane_text_has "$head"
	check_widths
done
ok "from 400x200 down to 20x5"

resize 19 5
wait_until "the too-small notice" row_is 0 "terminal too small"
check_widths
resize 12 3
wait_until "the notice cut to 12 columns" row_is 0 "terminal to…"
resize 1 1
resize 80 24
wait_pane_row 0 "$top"
check_border 30
ok "below 20x5 a one-line notice; 1x1 survives"

# keys still work after all that
keys J
wait_status "article 9/19"
keys q
expect_eq "exit status" "$(wait_exit)" 0
expect_eq "stderr" "$(cat "$TEST_TMP/stderr")" ""
