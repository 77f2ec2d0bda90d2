#!/bin/sh
# Search in the reader: the prompt edits wide characters, hits highlight
# while typing, the current hit is distinct, n runs on into the next
# article and wraps with a message, the list shows counts, the hit list
# jumps, "not found" leaves the position alone, Esc clears, history is
# kept across runs, and NO_COLOR keeps only attributes.
. "$KANBAO_SRC/tests/e2e/lib.sh"

start 80 24 sample/
before=$(status)

# the prompt: a wide character is one character for the cursor and Backspace
keys /
wait_until "the prompt" row_is 23 "/"
text "电梯x"
wait_until "the typed query" row_is 23 "$(sides /电梯x "not found" 80)"
keys BSpace
wait_until "Backspace" row_is 23 "$(sides /电梯 "5 hits" 80)"
keys Left Left
text "a"
wait_until "insertion before the wide characters" row_is 23 "$(sides /a电梯 "not found" 80)"
cursor_at() {
	[ "$(tm display -p -t t '#{cursor_x}')" = "$1" ]
}
wait_until "the cursor after /a" cursor_at 2
keys End
wait_until "the cursor after /a电梯" cursor_at 6
keys C-u
wait_until "C-u" row_is 23 "/"
keys Escape
wait_until "Esc to close the prompt" row_is 23 "$before"
ok "prompt editing"

# incremental: the hits show while typing; Enter keeps them
keys /
text "项目管家"
wait_until "3 hits while typing" row_is 23 "$(sides /项目管家 "3 hits" 80)"
keys Enter
wait_status "hit 1 of 3 · article 1/19 · 第1版"
# the current hit and the other hit in view, in their colours
rows_with() {
	y=0
	while [ "$y" -lt 23 ]; do
		case $(pane_row "$y") in *"$1"*) echo "$y" ;; esac
		y=$((y + 1))
	done
}
set -- $(rows_with 项目管家)
[ $# -eq 2 ] || fail "expected two rows showing 项目管家, got: $*"
expect_eq "current hit" "$(sgr_of "$1" 项目管家)" "bold reverse"
expect_eq "other hit" "$(sgr_of "$2" 项目管家)" "underline fg=0 bg=3"
expect_eq "text after the hit" "$(sgr_of "$2" 比我们自己)" "normal"
# the list counts the hits of each article
expect_eq "list row 1" "$(list_row 1)" "> 青川高新区首季新签约项目…  2"
expect_eq "list row 9" "$(list_row 9)" "  「续」青川高新区首季新签…  1"
ok "highlights and counts"

# n: the next hit, then on into the next article, then wrapping
keys n
wait_status "hit 2 of 3 · article 1/19"
set -- $(rows_with 项目管家)
expect_eq "second hit current" "$(sgr_of "$2" 项目管家)" "bold reverse"
keys n
wait_status "hit 3 of 3 · article 7/19 · 第2版"
set -- $(rows_with 项目管家)
[ $# -eq 1 ] || fail "expected the hit in article 7 on screen"
expect_eq "hit in article 7" "$(sgr_of "$1" 项目管家)" "bold reverse"
keys n
wait_status "search wrapped to the top"
keys g
wait_status "hit 1 of 3 · article 1/19"
keys N
wait_until "the wrap message" row_is 23 "$(sides "search wrapped to the bottom" "hit 3 of 3 · article 7/19 · 第2版 · 100%" 80)"
ok "n and N across articles, wrapping"

# the hit list: every hit with its article and context
keys F
wait_status "Enter jumps · Esc returns"     # the status line is drawn last
wait_for "3 hits of “项目管家”"
expect_eq "hit list row 1" "$(row 1)" "$(sides "第1版 · 青川高新区首季新签约项目四十二个" "(2)" 80)"
expect_eq "hit list row 4" "$(row 4)" "$(sides "第2版 · 青川高新区首季新签约项目四十二个" "(1)" 80)"
case $(row 2) in
"    "*项目管家*) ;;
*) fail "hit list row 2 has no context: $(row 2)" ;;
esac
expect_eq "hit in the list" "$(sgr_of 3 项目管家)" "underline fg=0 bg=3"
expect_eq "selected row" "$(sgr_of 5 "    ")" "reverse"
keys g
wait_status "1/3"
keys j
wait_status "2/3"
keys Enter
wait_gone "3 hits of"
wait_status "hit 2 of 3 · article 1/19"
keys BSpace
wait_status "hit 2 of 3 · article 7/19"
keys F
wait_for "3 hits of"
keys Escape
wait_gone "3 hits of"
ok "hit list"

# not found: said, and the position stays
keys g
pos=$(status)
keys /
text "营商环境"
wait_until "not found while typing" row_is 23 "$(sides /营商环境 "not found" 80)"
keys Enter
wait_until "not found" row_is 23 "$(sides "not found: 营商环境" "article 7/19 · 第2版 · 100% · 上接第1版" 80)"
expect_eq "error colour" "$(sgr_of 23 "not found")" "bold reverse fg=1"
keys Escape
wait_until "Esc to clear" row_is 23 "$(sides "Enter: follow the jump line" "article 7/19 · 第2版 · 100% · 上接第1版" 80)"
ok "not found"

# backward
keys '?'
text "桂香社区"
keys Enter
wait_status "hit 3 of 3 · article 2/19"     # the nearest one before
keys Escape
ok "backward search"

# history is kept across runs
keys q
expect_eq "exit status" "$(wait_exit)" 0
start 80 24 --no-restore sample/
keys /
wait_until "the prompt" row_is 23 "/"
keys Up
wait_until "history" row_is 23 "$(sides /桂香社区 "3 hits" 80)"
keys Up Up
wait_until "history" row_is 23 "$(sides /项目管家 "3 hits" 80)"
keys Down Down Down
wait_until "the line being typed" row_is 23 "/"
keys Escape q
wait_exit >/dev/null
ok "history across runs"

# NO_COLOR: attributes only
E2E_ENV=NO_COLOR=1 start 80 24 --no-restore sample/
keys /
text "项目管家"
keys Enter
wait_status "hit 1 of 3"
set -- $(rows_with 项目管家)
expect_eq "current hit" "$(sgr_of "$1" 项目管家)" "bold reverse"
expect_eq "other hit" "$(sgr_of "$2" 项目管家)" "underline"
ok "NO_COLOR"
keys q
expect_eq "exit status" "$(wait_exit)" 0
