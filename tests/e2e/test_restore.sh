#!/bin/sh
# Remembered reading: kanbao reopens an issue at the article and the
# paragraph where it was left, at any width (unless --no-restore or
# [reader] restore = false); articles read (scrolled, or shown for more
# than a moment) are shown as read in the list, in the next run too.
. "$KANBAO_SRC/tests/e2e/lib.sh"

start 80 24 sample/
keys J J J J J J J
wait_status "article 8/19"
keys Space j j j
settle
top=$(pane_row 0)
head=$(printf '%s\n' "$top" | sed 's/^ *//; s/^\(.....\).*/\1/')
keys q
expect_eq "exit status" "$(wait_exit)" 0

# the next run, at another size
start 100 30 sample/
wait_status "reopened where you left off"
wait_status "article 8/19 · 第2版"
pane_text_has "$head" || fail "the paragraph with \"$head\" is not on screen"
ok "reopened at the same paragraph at 100x30"

# read: article 8 was scrolled; article 2 was only passed through
keys K
wait_status "article 7/19"
expect_eq "read article" "$(sgr_of 10 "数字化转型")" "dim"
expect_eq "unread article" "$(sgr_of 2 "加装一部电梯")" "normal"
ok "read articles are dim in the list"

# shown for more than a moment: read too
keys K K
wait_status "article 5/19"
wait_until "article 5 to count as read" sgr_is 6 "青川科技活动周" bold
sleep 2.5       # the time that makes an article read
keys J
wait_until "article 5 shown as read" sgr_is 6 "青川科技活动周" dim
keys q
expect_eq "exit status" "$(wait_exit)" 0
ok "an article shown long enough is read"

start 80 24 --no-restore sample/
wait_status "article 1/19 · 第1版"
expect_eq "still read" "$(sgr_of 10 "数字化转型")" "dim"
keys q
wait_exit >/dev/null
printf '[reader]\nrestore = false\n' > "$TEST_TMP/norestore.ini"
start 80 24 --config "$TEST_TMP/norestore.ini" sample/
wait_status "article 1/19 · 第1版"
keys q
wait_exit >/dev/null
ok "--no-restore and restore = false start at the top"
