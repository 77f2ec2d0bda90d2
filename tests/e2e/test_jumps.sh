#!/bin/sh
# Jump lines in a two-page issue (sample pages 1 and 2 given as two
# PATHs): following "■下转第2版" and coming back, reading on past the end
# of an article into its continuation, jump lines whose page is not in
# the issue, Enter and the mouse on a jump line; and a teaser in the
# whole sample issue.
. "$KANBAO_SRC/tests/e2e/lib.sh"

start 80 24 sample/01.txt sample/02.txt
wait_status "article 1/11 · 第1版"
keys G
wait_status "article 1/11 · 第1版 · 100% · continues on 第2版"
# the jump line itself says which key follows it, dim after it
expect_eq "the jump line" "$(pane_row 22)" "■下转第2版  Enter: follow"
expect_eq "jump line style" "$(sgr_of 22 "■下转第2版")" "underline"
expect_eq "hint style" "$(sgr_of 22 "Enter: follow")" "dim"
end_row=$(pane_row 0)
keys o
wait_status "article 7/11 · 第2版"
expect_eq "message" "$(status)" "$(sides "jumped to 第2版 (Backspace goes back)" "article 7/11 · 第2版 · 100% · 上接第1版" 80)"
# its header says where it began
expect_eq "where it began" "$(pane_row 0)" "上接第1版《青川高新区首季新签约项目四十二个》"
expect_eq "where it began, dim" "$(sgr_of 0 "上接第1版《")" "dim"
expect_eq "continuation headline" "$(pane_row 1)" "青川高新区首季新签约项目四十二个"
expect_eq "continuation mark" "$(pane_row 3)" "（上接第1版）  Enter: follow"      # punctuation restored
keys BSpace
wait_status "back on 第1版"
wait_status "article 1/11"
expect_eq "where we were" "$(pane_row 0)" "$end_row"
keys BSpace
wait_status "no earlier position to go back to"
ok "follow a jump line and come back"

# reading on: Space at the end goes into the continuation, b comes back
keys Space
wait_status "article 7/11 · 第2版"
wait_status "continued from 第1版"
keys b
wait_status "back on 第1版, where the article starts"
wait_pane_row 0 "$end_row"
ok "read as one across pages"

# issue 13: reading on into the continuation is a step of the back
# history: Backspace returns to where the first part ended
keys Space
wait_status "continued from 第1版"
keys BSpace
wait_status "back on 第1版"
wait_pane_row 0 "$end_row"
ok "Backspace after reading on into the continuation"

# the mouse: a click on the jump line follows it
click 50 22
wait_status "article 7/11"
keys BSpace
wait_status "article 1/11"
ok "a click on a jump line"

# a jump to a page that is not in this issue: said, not followed
keys J J
wait_status "article 3/11 · 第1版"
keys G o
wait_status "第3版 is not in this issue"
expect_eq "still there" "$(status)" "$(sides "第3版 is not in this issue" "article 3/11 · 第1版 · 100%" 80)"
expect_eq "error colour" "$(sgr_of 23 "第3版 is not")" "bold reverse fg=1"
keys J
wait_status "article 4/11"
expect_eq "teaser" "$(pane_row 2)" "详见第4版"      # leads nowhere here: no hint
keys Enter
wait_status "第4版 is not in this issue"
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "jump lines to pages not in the issue"

# in the whole issue the teaser leads to its article on page 4
start 80 24 sample/
keys J J J
wait_status "article 4/19"
keys Enter
wait_status "article 16/19 · 第4版"
expect_eq "teased article" "$(pane_row 0)" "临江古渡口焕新开放 市民乘船游青川"
keys BSpace
wait_status "article 4/19"
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "a teaser"

# issue 13: the page exists but the continuation is not on it: the
# message says so, and where it looked (not "not in this issue")
dir=$(mktemp -d)
cp sample/01.txt "$dir/01.txt"
cp sample/02.txt "$dir/02.txt"
printf '湿地公园迎来候鸟\n\n本报记者 方舟\n\n入冬以来，湿地公园迎来大批候鸟。\n' > "$dir/03.txt"
start 100 24 "$dir"
wait_status "article 1/"
keys J J
wait_status "article 3/"
keys G o
wait_status "the continuation was not found on 第3版 (03.txt)"
keys q
expect_eq "exit status" "$(wait_exit)" 0
rm -rf "$dir"
ok "a continuation not found on a page that exists"
