#!/bin/sh
# Bookmarks: m marks the position, ' lists this issue's marks and Enter
# jumps to one, " lists the marks of every issue with where they are,
# d deletes one; marks are kept across runs; a mark of another issue
# shows its path and is not jumped to.
. "$KANBAO_SRC/tests/e2e/lib.sh"

sample_dir=$(cd "$KANBAO_SRC/sample" && pwd -P)

# expect_where LABEL ROW PREFIX PATH: ROW is PREFIX then PATH, the path
# cut with … where the 80 columns end (its length is the checkout's).
expect_where() {
	case $2 in
	"$3"*) _rest=${2#"$3"} ;;
	*) fail "$1: got \"$2\", expected \"$3$4\"" ;;
	esac
	[ "$_rest" = "$4" ] && return 0
	case $_rest in
	?*…) case $4 in "${_rest%…}"*) return 0 ;; esac ;;
	esac
	fail "$1: got \"$2\", expected \"$3$4\" (the path may end cut with …)"
}

start 80 24 sample/
keys J
wait_status "article 2/19"
keys Space
settle
marked_row=$(pane_row 0)
keys m
wait_status "marked: 加装一部电梯 暖了一栋楼 (' lists the marks)"
keys J J J
wait_status "article 5/19"
keys m
wait_status "marked: 青川科技活动周开幕 百项成果走进街头巷尾"
keys "'"
wait_status "Enter jumps · d deletes · Esc returns"     # drawn last
wait_for "Marks in this issue (2)"
expect_eq "newest first" "$(row 1)" "  第1版 · 青川科技活动周开幕 百项成果走进街头巷尾"
# where the mark is: the first words of the paragraph at the top line
expect_eq "older" "$(row 2)" "  第1版 · 加装一部电梯 暖了一栋楼 · 人常说“下楼容易上楼难”…"
expect_eq "selected" "$(sgr_of 1 "第1版")" "reverse"
expect_eq "status" "$(status)" "$(sides "Enter jumps · d deletes · Esc returns" "1/2" 80)"
keys j Enter
wait_gone "Marks in this issue"
wait_status "at the mark on 第1版"
wait_status "article 2/19"
expect_eq "the marked paragraph" "$(pane_row 0)" "$marked_row"
keys BSpace
wait_status "article 5/19"
ok "mark, list, jump, back"

keys '"'
wait_status "Enter jumps · d deletes · Esc returns"
wait_for "Marks in every issue (2)"
expect_where "where" "$(row 1)" "  第1版 · 青川科技活动周开幕 百项成果走进街头巷尾 · " "$sample_dir"
keys d
wait_for "Marks in every issue (1)"
wait_status "mark deleted"
expect_where "the one left" "$(row 1)" "  第1版 · 加装一部电梯 暖了一栋楼 · 人常说“下楼容易上楼难”… · " "$sample_dir"
keys q
wait_gone "Marks in every issue"
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "all marks with their issue; d deletes"

# another issue (page 4 alone: its file name says 第4版): its own
# marks, and the sample's with their path
start 80 24 sample/04.txt
keys "'"
wait_status "Enter jumps · d deletes · Esc returns"
wait_for "Marks in this issue (0)"
expect_eq "empty" "$(row 1)" "  no marks yet (m marks the article you read)"
keys Escape m
wait_status "marked: 临江古渡口焕新开放 市民乘船游青川"
keys '"'
wait_status "Enter jumps · d deletes · Esc returns"
wait_for "Marks in every issue (2)"
expect_where "this issue's" "$(row 1)" "  第4版 · 临江古渡口焕新开放 市民乘船游青川 · " "$sample_dir/04.txt"
expect_where "the sample's" "$(row 2)" "  加装一部电梯 暖了一栋楼 · " "$sample_dir"
keys j Enter
wait_status "that mark is in another issue: /"	# the path, cut where the line ends
keys q q
expect_eq "exit status" "$(wait_exit)" 0
ok "marks across issues"

# back in the sample: its mark is still there
start 80 24 --no-restore sample/
keys "'"
wait_for "Marks in this issue (1)"
keys Enter
wait_status "article 2/19"
expect_eq "the marked paragraph" "$(pane_row 0)" "$marked_row"
keys q
wait_exit >/dev/null
ok "marks kept across runs"
