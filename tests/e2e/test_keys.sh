#!/bin/sh
# The keys of issue 14 in a real terminal: counts (3J, 4g), pages (> <
# Right Left, : N Enter), next unread (U), Space going on to the next
# article at the end of one, search and page jumps in the back history
# (Backspace), the focus shown in the list, the whole headline of the
# selected row in the status line, and the list over the article on a
# narrow terminal (\).
. "$KANBAO_SRC/tests/e2e/lib.sh"

start 80 24 sample/
wait_status "article 1/19 · 第1版"

# a count before a key
keys 3 J
wait_status "article 4/19 · 第1版"
keys 2 K
wait_status "article 2/19 · 第1版"
ok "counts: 3J, 2K"

# pages
keys '>'
wait_status "article 7/19 · 第2版"
expect_eq "page message" "$(status)" "$(sides "第2版 要闻 (Backspace goes back)" "article 7/19 · 第2版 · 100% · 上接第1版" 80)"
keys Right
wait_status "article 12/19 · 第3版"
keys Left
wait_status "article 7/19 · 第2版"
keys '<'
wait_status "article 1/19 · 第1版"
keys 4 g
wait_status "article 16/19 · 第4版"
keys : 2
wait_status "go to 第2版 (Enter goes, Esc cancels)"
keys Enter
wait_status "article 7/19 · 第2版"
keys : 9 Enter
wait_status "第9版 is not in this issue"
keys BSpace
wait_status "article 16/19 · 第4版"
ok "pages: > Right Left < 4g :2 Enter, Backspace returns"

# a search is a jump too
keys / 项目管家 Enter
wait_status "search wrapped to the top"
keys Escape
wait_status "article 1/19"
keys BSpace
wait_status "article 16/19"
ok "search in the back history"

# next unread, Space at the end of an article
keys 1 g
wait_status "article 1/19 · 第1版"
keys U
wait_status "next unread article (Backspace goes back)"
keys G Space
wait_status "end of the article: on to the next, 青川六十万亩春播稳步推进"
wait_list_row 3 "> 青川六十万亩春播稳步推进"
ok "U, Space goes on to the next article"

# the focus shows: a bar in the list while it has the keys, the article in
# bold while the article has them; the whole headline in the status line
expect_eq "article focus" "$(sgr_of 3 "> 青川六十万亩")" "bold"
keys Tab j
wait_status "临江古渡口焕新开放 市民乘船游青川"
expect_eq "list focus" "$(sgr_of 4 "临江古渡口")" "reverse"
keys Tab
ok "focus visible; the whole headline of the selected row"

# narrow: the list hides itself below 70 columns and \ brings it over
resize 60 20
wait_until "the list to hide" row_lacks 0 '│'
keys '\'
wait_list_row 0 "第1版                      (6)"
keys k Enter
wait_until "the list to go" row_lacks 0 '│'
wait_status "article 2/19"
check_widths
ok "narrow: \\ brings the list over the article"

# counts on the other motions: 2} 2{ (subheads), 2Backspace (jumps back)
resize 80 10     # rows enough to bring each subhead to the top
keys 1 g 1 6 J
wait_status "article 17/19 · 第4版"
keys 2 '}'
wait_pane_row 0 "▍ 守好百姓药箱子"
keys 2 '{'
wait_pane_row 0 "山村医生的二十年坚守"
keys 1 g '>' '>' '>'
wait_status "article 16/19 · 第4版"
keys 2 BSpace
wait_status "article 7/19 · 第2版"
ok "counts: 2} 2{ 2Backspace"

keys q
expect_eq "exit status" "$(wait_exit)" 0
