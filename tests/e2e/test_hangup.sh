#!/bin/sh
# The session survives the terminal: on SIGHUP (the terminal closed) and
# SIGTERM kanbao saves the reading position, its marks and the articles
# read before it dies of the signal; after [reader] save_after seconds
# without a key it saves too, so that even a SIGKILL (a crash) loses only
# what came after. Each time the next run reopens where the last one was.
. "$KANBAO_SRC/tests/e2e/lib.sh"

positions=$E2E_HOME/state/kanbao/positions

# the record of the issue in the positions file: its article (0-based)
saved_article() {
	[ -f "$positions" ] || { echo none; return; }
	sed -n '2p' "$positions" | cut -f2
}

# reopen: a new run shows "reopened" at article $1 (1-based)
expect_reopened() {
	start 80 24 sample/
	wait_status "reopened where you left off"
	wait_status "article $1/19"
	keys q
	expect_eq "exit status" "$(wait_exit)" 0
}

# SIGHUP, with save_after = 0 (only on the way out): article 8, a screen
# down, a mark
printf '[reader]\nsave_after = 0\n' > "$TEST_TMP/nosave.ini"
start 80 24 --config "$TEST_TMP/nosave.ini" sample/
keys J J J J J J J
wait_status "article 8/19"
keys Space m
wait_status "marked: "
settle
expect_eq "nothing saved before the signal" "$(saved_article)" none
kill -HUP "$(kanbao_pid)"
expect_eq "exit status (died of SIGHUP)" "$(wait_exit)" 129
expect_eq "the position in the state file" "$(saved_article)" 7
grep -q . "$E2E_HOME/state/kanbao/marks" || fail "the mark was not saved"
# (the shell that ran kanbao says how it died: "Hangup")
expect_eq "stderr" "$(grep -v '^Hangup$' "$TEST_TMP/stderr")" ""
ok "SIGHUP saves the position and the mark"
start 80 24 sample/
wait_status "reopened where you left off"
wait_status "article 8/19"
keys "'"
wait_for "Marks in this issue (1)"
keys Escape q
expect_eq "exit status" "$(wait_exit)" 0
ok "the next run reopens there, with the mark"

# SIGTERM while a search prompt is open: the position saved is where the
# prompt was opened, not the hit the incremental search shows
start 80 24 --config "$TEST_TMP/nosave.ini" sample/
wait_status "article 8/19"
keys J J
wait_status "article 10/19"
keys /
text "电梯"
wait_until "the prompt" status_has "/电梯"
kill -TERM "$(kanbao_pid)"
expect_eq "exit status (died of SIGTERM)" "$(wait_exit)" 143
expect_eq "the position in the state file" "$(saved_article)" 9
expect_eq "alternate screen left" "$(tm display -p -t t '#{alternate_on}')" 0
ok "SIGTERM saves the position and restores the terminal"
expect_reopened 10

# a quiet moment saves (save_after = 1): then a SIGKILL loses nothing
printf '[reader]\nsave_after = 1\n' > "$TEST_TMP/save1.ini"
start 80 24 --config "$TEST_TMP/save1.ini" sample/
keys J J J
wait_status "article 13/19"
saved_13() {
	[ "$(saved_article)" = 12 ]
}
wait_until "the position saved after a quiet second" saved_13
kill -KILL "$(kanbao_pid)"
expect_eq "exit status (killed)" "$(wait_exit)" 137
ok "saved after a quiet second: SIGKILL loses nothing"
expect_reopened 13
