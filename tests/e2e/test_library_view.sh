#!/bin/sh
# The library view: kanbao without PATH lists papers and their issues
# newest first with article counts and progress; Enter opens an issue, q
# comes back (with the progress updated); S searches every issue, the
# result list opens a hit with the hit lit, Backspace returns to the
# results, Backspace again to the issues, q quits. A new issue appears
# (indexed in the background) when kanbao starts again. A damaged index
# and a missing root are said on the status line. S in a reader of a
# PATH opens the library's search.
. "$KANBAO_SRC/tests/e2e/lib.sh"

lib=$TEST_TMP/报纸
mkdir -p "$lib/青川日报/2026-03-18" "$lib/通辽日报/20250828"
cp "$KANBAO_SRC"/sample/*.txt "$lib/青川日报/2026-03-18/"
printf '新年第一天\n\n城里的电梯都换新了。\n' > "$lib/通辽日报/20250828/1.txt"
cfg=$TEST_TMP/kanbao.ini
printf '[library]\nroots = %s\n' "$lib" > "$cfg"

start_nowait 100 24 --config "$cfg"
wait_for "library: 2 issues of 2 papers"
wait_until "the first paper" row_is 1 " 通辽日报"
wait_until "its issue row" row_is 2 "   2025-08-28      1 article    unread"
wait_until "the second paper" row_is 3 " 青川日报"
wait_until "its issue row" row_is 4 "   2026-03-18     19 articles   unread"
ok "papers and issues with article counts and progress"

# open the second issue, read an article, come back
keys j Enter
wait_for_status
wait_status "article 1/19"
keys J
wait_status "article 2/19"
sleep 2.2       # an article shown this long counts as read
keys J
wait_status "article 3/19"
keys q
wait_for "library: 2 issues"
wait_until "the progress" row_is 4 "   2026-03-18     19 articles   5%"
ok "Enter opens the issue, q comes back, progress is shown"

# search every issue, open a hit, back to the results, back to the issues
keys S
wait_status "Search every issue:"
text "电梯"
keys Enter
wait_for '"电梯": 6 hits in the library'
wait_for "青川日报 · 2026-03-18 · 第1版 · 加装一部电梯 暖了一栋楼 · "
screen_has "通辽日报 · 2025-08-28 · 第1版 · 新年第一天 · 城里的[电梯]" && fail "the hit is bracketed"
ok "S lists the hits of every issue"
keys j Enter
wait_for_status
wait_status "hit 2 of 5"
# the current hit is drawn in its own style in the article pane
esc=$(printf '\033')
# bold reverse: [colors] current-hit
screen_sgr | grep -q "“${esc}\[1;7m电梯${esc}\[0m" || fail "the hit is not lit: $(screen_sgr | grep 井)"
ok "Enter opens the issue at the hit, lit"
keys BSpace
wait_for '"电梯": 6 hits in the library'
keys BSpace
wait_for "library: 2 issues"
ok "Backspace returns to the results, then to the issues"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"
[ "$(cat "$TEST_TMP/status")" = 0 ] || fail "exit status $(cat "$TEST_TMP/status")"

# a new issue appears the next time
mkdir -p "$lib/通辽日报/20250829"
printf '第二天\n\n又一天的新闻。\n' > "$lib/通辽日报/20250829/1.txt"
start_nowait 100 24 --config "$cfg"
wait_for "library: 3 issues of 2 papers"
wait_until "the newest issue first" row_is 2 "   2025-08-29      1 article    unread"
ok "a new issue is indexed and shown, newest first"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"

# S in the reader of a PATH opens the library's search
# a hit in a page's own text (a running header) opens at it
start_nowait 100 24 --config "$cfg"
wait_for "library: 3 issues of 2 papers"
keys S
wait_status "Search every issue:"
text "星期三"
keys Enter
wait_for '"星期三": 1 hit in the library'
screen_has "青川日报 · 2026-03-18 · 第3版 · - · " || fail "result row: $(row 1)"
keys Enter
wait_for_status
wait_status "hit 1 of 1"
ok "a hit in a running header opens the issue at it"
keys q
wait_for '"星期三": 1 hit in the library'
keys BSpace
wait_for "library: 3 issues"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"

# a damaged index: rebuilt, and said on the status line (not on stderr,
# which the screen covers at once)
db=${XDG_CACHE_HOME:-$E2E_HOME/.cache}/kanbao/library.db
[ -f "$db" ] || fail "no index at $db"
rm -f "$db-wal" "$db-shm"
printf 'kanbao test: not a database %.0s' $(seq 1 500) > "$db"
start_nowait 100 24 --config "$cfg"
wait_for "library: 3 issues of 2 papers"
wait_status "library.db was not a database: rebuild"
ok "a damaged index is rebuilt, and said on the status line"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"

# a root that is missing: said on the status line, the issues of the
# other root listed
cfg2=$TEST_TMP/kanbao2.ini
printf '[library]\nroots = %s:%s\n' "$lib" "$TEST_TMP/gone" > "$cfg2"
start_nowait 100 24 --config "$cfg2"
wait_for "library: 3 issues of 2 papers"
wait_status "library root $TEST_TMP/gone: No such file or directory"
ok "a missing root is said on the status line, the other root's issues listed"
keys q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"

start 100 24 --config "$cfg" sample/
keys S
wait_status "Search every issue:"
ok "S in a reader opens the search of the library"
keys Escape q
wait_until "kanbao to quit" test -f "$TEST_TMP/status"
exit 0
