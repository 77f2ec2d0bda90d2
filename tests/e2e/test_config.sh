#!/bin/sh
# A configuration file (--config) changes the reader: rebound keys work
# (and the old ones no longer do), the help shows the new keys, and the
# list, paging, measure and colour settings apply.
. "$KANBAO_SRC/tests/e2e/lib.sh"

cat > "$TEST_TMP/kanbao.ini" <<'EOF_INI'
[keys]
next-article = x
prev-article = z
toggle-list = L
[reader]
scroll_context = 1
show_list = false
[layout]
list_width = 24
max_width = 40
[colors]
headline = red default underline
EOF_INI

start 80 24 --config "$TEST_TMP/kanbao.ini" sample/
wait_status "article 1/19"
screen_has "│" && fail "show_list = false: the list should be hidden"
# max_width 40 in a pane of 78 columns: centred 19 columns in
expect_eq "centred headline" "$(pane_row 1)" "                   青川高新区首季新签约项目四十二个"
text_w=$(screen | sed '$d' | sed 's/^ \{20\}//' | max_width)
[ "$text_w" -le 40 ] || fail "text $text_w columns wide at max_width 40"
expect_eq "headline colour" "$(sgr_of 1 "青川高新区首季")" "underline fg=1"
ok "show_list, max_width, colours"

keys x
wait_status "article 2/19"
keys z
wait_status "article 1/19"
keys J
wait_status "J does nothing here (h lists the keys)"
keys '\'
wait_status '\ does nothing here'
keys L
wait_for "│"
check_border 24
ok "rebound keys"

# scroll_context = 1: Space brings the last row to the top
r22=$(pane_row 22)
keys Space
wait_pane_row 0 "$r22"
ok "scroll_context"

resize 100 50
keys h
wait_status "q or Esc closes"
expect_eq "help for next-article" "$(screen | grep -F "(next-article)")" \
	"  x                   Go to the next article  (next-article)"
expect_eq "help for toggle-list" "$(screen | grep -F "(toggle-list)")" \
	"  L                   Show or hide the section list  (toggle-list)"
keys q q
expect_eq "exit status" "$(wait_exit)" 0
ok "help shows the configured keys"
