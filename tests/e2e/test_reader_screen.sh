#!/bin/sh
# The reader on the sample issue at 80×24: the section list, the article
# pane and its styles, the status line, article and screen navigation,
# list focus, hiding the list, subheads, the mouse, help (every key of the
# key table), and quitting with the terminal left as it was.
. "$KANBAO_SRC/tests/e2e/lib.sh"

start 80 24 sample/

# the section list: pages, column labels, headlines cut by width with …
wait_list_row 0 "第1版                      (6)"
expect_eq "list row 1" "$(list_row 1)" "> 青川高新区首季新签约项目四…"
expect_eq "list row 2" "$(list_row 2)" "  加装一部电梯 暖了一栋楼"
expect_eq "list row 4" "$(list_row 4)" "  临江古渡口焕新开放 市民乘船…"
expect_eq "list row 5" "$(list_row 5)" " 聚焦青川科技周"
expect_eq "list row 8" "$(list_row 8)" "第2版 要闻                 (5)"
expect_eq "list row 14" "$(list_row 14)" "第3版                      (4)"
expect_eq "list row 16" "$(list_row 16)" "  擦亮“山水青川”名片 文旅消费…"
expect_eq "current row (the article has the focus)" "$(sgr_of 1 "> 青川")" "bold"
expect_eq "page row" "$(sgr_of 0 "第1版")" "bold"
expect_eq "column row" "$(sgr_of 5 "聚焦")" "underline"
ok "section list"

# the article pane: kicker, bold headline, dim byline, indented text
expect_eq "pane row 0" "$(pane_row 0)" "向新而行 向实而进"
expect_eq "pane row 1" "$(pane_row 1)" "青川高新区首季新签约项目四十二个"
expect_eq "pane row 2" "$(pane_row 2)" "本报记者 沈若溪"
expect_eq "headline" "$(sgr_of 1 "青川高新区首季新签约项目四十二个")" "bold reverse"
expect_eq "byline" "$(sgr_of 2 "本报记者 沈若溪")" "dim"
caption="dim italic"
[ "$E2E_TERM" = tmux-256color ] || caption=dim       # screen has no italics
expect_eq "caption" "$(sgr_of 4 "星河智能装备")" "$caption"
# a caption carries its mark, in its style; its next line stands under its text
expect_eq "caption mark" "$(sgr_of 4 "▲")" "$caption"
case "$(pane_row 4)" in "▲ 星河智能装备产业园"*) ;; *) fail "caption row: $(pane_row 4)" ;; esac
case "$(pane_row 5)" in "  "[!\ ]*) ;; *) fail "caption's second row: $(pane_row 5)" ;; esac
expect_eq "caption credit" "$(sgr_of 5 "高远 摄")" "dim"
case $(pane_row 7) in
"    春分将至"*) ;;
*) fail "the first paragraph is not indented by two characters: $(pane_row 7)" ;;
esac
expect_eq "status" "$(status)" "$(sides sample/ "article 1/19 · 第1版 · 46%" 80)"
check_widths
check_border 30
ok "article pane, status line, widths, border"

# Space: the line that was at row 23 - 1 - scroll_context comes to the top
r21=$(pane_row 21)
r0=$(pane_row 0)
expect_eq "row 21" "$r21" "访企业，一年来累计走访长三角、珠三角企业300余"
keys Space
wait_pane_row 0 "$r21"
wait_status "article 1/19 · 第1版 · 88%"      # 44 of 50 lines
keys b
wait_pane_row 0 "$r0"
keys G
wait_status "100% · continues on 第2版"
expect_eq "last row" "$(pane_row 22)" "■下转第2版  Enter: follow"
expect_eq "jump line" "$(sgr_of 22 "■下转第2版")" "underline"
keys g
wait_pane_row 0 "$r0"
keys j
wait_pane_row 0 "青川高新区首季新签约项目四十二个"
keys k
wait_pane_row 0 "$r0"
ok "paging by a screen less scroll_context, top, bottom, lines"

# J opens the next article
keys J
wait_pane_row 0 "加装一部电梯 暖了一栋楼"
wait_status "article 2/19 · 第1版"
expect_eq "current row" "$(list_row 2)" "> 加装一部电梯 暖了一栋楼"
keys ]
wait_status "article 3/19"
keys K
wait_status "article 2/19"
ok "next and previous article"

# the list takes the focus: j moves the selection, Enter opens
keys Tab
keys j j
wait_until "the selection on row 4" sgr_is 4 "临江" reverse
expect_eq "current article while browsing" "$(list_row 2)" "> 加装一部电梯 暖了一栋楼"
keys Enter
wait_status "article 4/19"
keys Tab G Enter
wait_status "article 19/19 · 第4版"
ok "list focus"

# \ hides the list; the pane takes the width
keys '\'
# the pane's first row reads the same before and after: wait for the
# border itself to go (under load the first capture can predate the redraw)
wait_gone "│"
wait_pane_row 0 "青川至省城城际列车月底加密"
check_widths
keys '\'
wait_for "│"
check_border 30
ok "hiding and showing the list"

# subheads of the village doctor's story (article 17)
keys Tab G k k Enter
wait_status "article 17/19"
keys '}'
# a subhead is bold and marked (▍), never taken for a headline (bold reverse)
wait_pane_row 0 "▍ 扎根山村不言悔"
expect_eq "subhead" "$(sgr_of 0 "扎根山村不言悔")" "bold"
expect_eq "subhead mark" "$(sgr_of 0 "▍")" "bold"
keys '}'
wait_pane_row 0 "▍ 守好百姓药箱子"
keys '{' '{'
wait_pane_row 0 "山村医生的二十年坚守"
ok "subheads"

# the mouse: a click on a list row opens it, the wheel scrolls the pane
keys Tab g Enter
wait_list_row 0 "第1版                      (6)"
click 5 3
wait_status "article 3/19"
keys g
click 5 10
wait_status "article 8/19 · 第2版"
r0=$(pane_row 0)
wheel_down 50 5
wait_until "the wheel to scroll" pane_row_is_not 0 "$r0"
wheel_up 50 5
wait_pane_row 0 "$r0"
ok "mouse"

# help: every action of the key table with its keys, as in kanbao.ini
resize 110 50
keys h
wait_status "q or Esc closes"     # the status line is drawn last
wait_for "kanbao keys — every action, its keys and what it does"
bindings=$(sed -n '/^\[keys\]/,$p' config/kanbao.ini | grep -E '^[a-z-]+ = ')
[ "$(printf '%s\n' "$bindings" | wc -l)" -ge 29 ] || fail "config/kanbao.ini lists too few actions"
printf '%s\n' "$bindings" | while read -r name eq spec; do
	spec=$(printf '%s' "$spec" | sed "s/^\"\\(.*\\)\"\$/\\1/; s/^'\\(.*\\)'\$/\\1/")
	line=$(screen | grep -F "($name)") || fail "help has no line for $name"
	case $line in
	"  $spec "*) ;;
	*) fail "help line of $name does not start with its keys \"$spec\": $line" ;;
	esac
done || exit 1
keys Escape
wait_gone "kanbao keys"
keys F1
wait_for "kanbao keys"
keys q
wait_gone "kanbao keys"
ok "help lists every action and its keys"

# C-l redraws; q quits and leaves the terminal as it was
keys C-l
wait_status "article 8/19"
keys q
expect_eq "exit status" "$(wait_exit)" 0
expect_eq "alternate screen" "$(tm display -p -t t '#{alternate_on}')" 0
expect_eq "cursor visible" "$(tm display -p -t t '#{cursor_flag}')" 1
expect_eq "stderr" "$(cat "$TEST_TMP/stderr")" ""
ok "q restores the terminal"
